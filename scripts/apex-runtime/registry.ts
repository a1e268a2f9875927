// The class registry: every class, interface and enum of the org, parsed once, with its members indexed
// by lower-cased name (Apex identifiers are case-insensitive).
import { memo } from './nodeCache';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
    ApexErrorListener,
    ApexParserFactory,
    BlockContext,
    ClassDeclarationContext,
    EnumDeclarationContext,
    ExpressionContext,
    FormalParametersContext,
    InterfaceDeclarationContext,
    ModifierContext,
    TypeRefContext
} from '@apexdevtools/apex-parser';
import { unsupported } from './errors';

export interface TypeRef {
    /** lower-cased, dotted as written, e.g. `list`, `keystoneservice.planinput`, `system.triggeroperation` */
    name: string;
    /** as written, for messages */
    display: string;
    args: TypeRef[];
}

export interface Param {
    /** lower-cased */
    name: string;
    /** as written (what a component's argument is named) */
    display?: string;
    type: TypeRef;
}

export interface MethodDef {
    name: string;
    owner: ClassDef;
    isStatic: boolean;
    isAbstract: boolean;
    params: Param[];
    returnType: TypeRef | null;
    body: BlockContext | null;
    line: number;
    annotations: string[];
    /** the annotations as written, lower-cased and without spaces (`auraenabled(cacheable=true)`) */
    annotationText?: string[];
}

export interface FieldDef {
    name: string;
    owner: ClassDef;
    isStatic: boolean;
    type: TypeRef;
    init: ExpressionContext | null;
    line: number;
    /** lower-cased annotation names (`auraenabled`): what the platform serialises to a component */
    annotations?: string[];
    /** a property: absent accessors are auto; `null` block means `get;` / `set;` */
    property?: {
        getter: BlockContext | null | undefined;
        setter: BlockContext | null | undefined;
        hasGetter: boolean;
        hasSetter: boolean;
    };
}

export interface ClassDef {
    kind: 'class' | 'interface' | 'enum' | 'system';
    name: string;
    /** Outer.Inner as the platform prints it */
    qualifiedName: string;
    file: string;
    line: number;
    outer: ClassDef | null;
    superRef: TypeRef | null;
    interfaceRefs: TypeRef[];
    superClass?: ClassDef | null;
    interfaces?: ClassDef[];
    isAbstract: boolean;
    isVirtual: boolean;
    annotations: string[];
    sharing: string | null;
    fields: Map<string, FieldDef>;
    /** in source order: initialisers and static/instance blocks run in this order */
    initOrder: ({ field: FieldDef } | { block: BlockContext; isStatic: boolean })[];
    methods: Map<string, MethodDef[]>;
    constructors: MethodDef[];
    inner: Map<string, ClassDef>;
    enumConstants: string[];
    /** resolved-member cache: lower-cased name + arity → method */
    cache: Map<string, MethodDef | null>;
}

const typeRefs = new WeakMap<TypeRefContext, TypeRef>();

/** The type a `typeRef` names, read once per node: the runtime never changes a TypeRef it is given. */
export function typeRefOf(ctx: TypeRefContext): TypeRef {
    return memo(typeRefs, ctx, readTypeRef);
}

function readTypeRef(ctx: TypeRefContext): TypeRef {
    const names = ctx.typeName_list();
    const args: TypeRef[] = [];
    const parts: string[] = [];
    for (const typeName of names) {
        const id = typeName.id()?.getText() ?? (typeName.LIST() ? 'List' : typeName.SET() ? 'Set' : 'Map');
        parts.push(id);
        const typeArgs = typeName.typeArguments();
        if (typeArgs) args.push(...typeArgs.typeList().typeRef_list().map(typeRefOf));
    }
    const display = parts.join('.');
    const arrays = ctx.arraySubscripts().getText().length / 2;
    let ref: TypeRef = { name: display.toLowerCase(), display, args };
    for (let i = 0; i < arrays; i++) ref = { name: 'list', display: 'List', args: [ref] };
    return ref;
}

export function simpleType(display: string, args: TypeRef[] = []): TypeRef {
    return { name: display.toLowerCase(), display, args };
}

function modifiersOf(list: ModifierContext[]): {
    words: Set<string>;
    annotations: string[];
    annotationText: string[];
    sharing: string | null;
} {
    const words = new Set<string>();
    const annotations: string[] = [];
    const annotationText: string[] = [];
    let sharing: string | null = null;
    for (const modifier of list) {
        const annotation = modifier.annotation();
        if (annotation) {
            annotations.push(annotation.getText().replace(/^@/, '').split('(')[0].toLowerCase());
            annotationText.push(annotation.getText().replace(/^@/, '').replace(/\s+/g, '').toLowerCase());
            continue;
        }
        const text = modifier.getText().toLowerCase();
        if (text.endsWith('sharing')) sharing = text.replace('sharing', ' sharing');
        else words.add(text);
    }
    return { words, annotations, annotationText, sharing };
}

function paramsOf(ctx: FormalParametersContext): Param[] {
    return (
        ctx
            .formalParameterList()
            ?.formalParameter_list()
            .map((param) => ({
                name: param.id().getText().toLowerCase(),
                display: param.id().getText(),
                type: typeRefOf(param.typeRef())
            })) ?? []
    );
}

function newClass(
    kind: ClassDef['kind'],
    name: string,
    outer: ClassDef | null,
    file: string,
    line: number
): ClassDef {
    return {
        kind,
        name,
        qualifiedName: outer ? `${outer.qualifiedName}.${name}` : name,
        file,
        line,
        outer,
        superRef: null,
        interfaceRefs: [],
        isAbstract: false,
        isVirtual: false,
        annotations: [],
        sharing: null,
        fields: new Map(),
        initOrder: [],
        methods: new Map(),
        constructors: [],
        inner: new Map(),
        enumConstants: [],
        cache: new Map()
    };
}

function addMethod(cls: ClassDef, method: MethodDef): void {
    const key = method.name.toLowerCase();
    const list = cls.methods.get(key) ?? [];
    list.push(method);
    cls.methods.set(key, list);
}

function readEnum(ctx: EnumDeclarationContext, outer: ClassDef | null, file: string): ClassDef {
    const cls = newClass('enum', ctx.id().getText(), outer, file, ctx.start.line);
    cls.enumConstants =
        ctx
            .enumConstants()
            ?.id_list()
            .map((id) => id.getText()) ?? [];
    return cls;
}

function readInterface(ctx: InterfaceDeclarationContext, outer: ClassDef | null, file: string): ClassDef {
    const cls = newClass('interface', ctx.id().getText(), outer, file, ctx.start.line);
    cls.interfaceRefs = ctx.typeList()?.typeRef_list().map(typeRefOf) ?? [];
    for (const method of ctx.interfaceBody().interfaceMethodDeclaration_list()) {
        addMethod(cls, {
            name: method.id().getText(),
            owner: cls,
            isStatic: false,
            isAbstract: true,
            params: paramsOf(method.formalParameters()),
            returnType: method.typeRef() ? typeRefOf(method.typeRef()) : null,
            body: null,
            line: method.start.line,
            annotations: []
        });
    }
    return cls;
}

function readClass(
    ctx: ClassDeclarationContext,
    outer: ClassDef | null,
    file: string,
    mods: ReturnType<typeof modifiersOf>
): ClassDef {
    const cls = newClass('class', ctx.id().getText(), outer, file, ctx.start.line);
    cls.superRef = ctx.typeRef() ? typeRefOf(ctx.typeRef()) : null;
    cls.interfaceRefs = ctx.typeList()?.typeRef_list().map(typeRefOf) ?? [];
    cls.isAbstract = mods.words.has('abstract');
    cls.isVirtual = mods.words.has('virtual');
    cls.annotations = mods.annotations;
    cls.sharing = mods.sharing;
    for (const decl of ctx.classBody().classBodyDeclaration_list()) {
        const block = decl.block();
        if (block) {
            cls.initOrder.push({ block, isStatic: Boolean(decl.STATIC()) });
            continue;
        }
        const member = decl.memberDeclaration();
        if (!member) continue;
        const memberMods = modifiersOf(decl.modifier_list());
        const isStatic = memberMods.words.has('static');
        const method = member.methodDeclaration();
        const ctor = member.constructorDeclaration();
        const field = member.fieldDeclaration();
        const prop = member.propertyDeclaration();
        const innerClass = member.classDeclaration();
        const innerInterface = member.interfaceDeclaration();
        const innerEnum = member.enumDeclaration();
        if (method) {
            addMethod(cls, {
                name: method.id().getText(),
                owner: cls,
                isStatic,
                isAbstract: memberMods.words.has('abstract'),
                params: paramsOf(method.formalParameters()),
                returnType: method.typeRef() ? typeRefOf(method.typeRef()) : null,
                body: method.block() ?? null,
                line: method.start.line,
                annotations: memberMods.annotations,
                annotationText: memberMods.annotationText
            });
        } else if (ctor) {
            cls.constructors.push({
                name: cls.name,
                owner: cls,
                isStatic: false,
                isAbstract: false,
                params: paramsOf(ctor.formalParameters()),
                returnType: null,
                body: ctor.block(),
                line: ctor.start.line,
                annotations: memberMods.annotations
            });
        } else if (field) {
            const type = typeRefOf(field.typeRef());
            for (const declarator of field.variableDeclarators().variableDeclarator_list()) {
                const def: FieldDef = {
                    name: declarator.id().getText(),
                    owner: cls,
                    isStatic,
                    type,
                    init: declarator.expression() ?? null,
                    line: declarator.start.line,
                    annotations: memberMods.annotations
                };
                cls.fields.set(def.name.toLowerCase(), def);
                cls.initOrder.push({ field: def });
            }
        } else if (prop) {
            let getter: BlockContext | null | undefined;
            let setter: BlockContext | null | undefined;
            let hasGetter = false;
            let hasSetter = false;
            for (const accessor of prop.propertyBlock_list()) {
                if (accessor.getter()) {
                    hasGetter = true;
                    getter = accessor.getter().block() ?? null;
                }
                if (accessor.setter()) {
                    hasSetter = true;
                    setter = accessor.setter().block() ?? null;
                }
            }
            const def: FieldDef = {
                name: prop.id().getText(),
                owner: cls,
                isStatic,
                type: typeRefOf(prop.typeRef()),
                init: null,
                line: prop.start.line,
                annotations: memberMods.annotations,
                property: { getter, setter, hasGetter, hasSetter }
            };
            cls.fields.set(def.name.toLowerCase(), def);
            cls.initOrder.push({ field: def });
        } else if (innerClass) {
            const inner = readClass(innerClass, cls, file, memberMods);
            cls.inner.set(inner.name.toLowerCase(), inner);
        } else if (innerInterface) {
            const inner = readInterface(innerInterface, cls, file);
            cls.inner.set(inner.name.toLowerCase(), inner);
        } else if (innerEnum) {
            const inner = readEnum(innerEnum, cls, file);
            cls.inner.set(inner.name.toLowerCase(), inner);
        } else {
            throw unsupported(`member ${member.getText().slice(0, 40)}`, file, decl.start.line);
        }
    }
    return cls;
}

/** Parses one `.cls` source into its top-level type; syntax errors fail loudly with file:line. */
export function parseClass(source: string, file: string): ClassDef {
    const errors: string[] = [];
    class Collector extends ApexErrorListener {
        apexSyntaxError(line: number, _column: number, message: string): void {
            errors.push(`${file}:${line}: ${message}`);
        }
    }
    const { parser } = ApexParserFactory.createLexerAndParser(source, new Collector());
    const unit = parser.compilationUnit();
    if (errors.length) throw new Error(`syntax error: ${errors.join('; ')}`);
    const decl = unit.typeDeclaration();
    const mods = modifiersOf(decl.modifier_list());
    if (decl.classDeclaration()) return readClass(decl.classDeclaration(), null, file, mods);
    if (decl.interfaceDeclaration()) return readInterface(decl.interfaceDeclaration(), null, file);
    if (decl.enumDeclaration()) return readEnum(decl.enumDeclaration(), null, file);
    throw unsupported('type declaration', file, decl.start.line);
}

export class Registry {
    readonly classes = new Map<string, ClassDef>();

    add(cls: ClassDef): void {
        const key = cls.name.toLowerCase();
        if (this.classes.has(key)) throw new Error(`duplicate class ${cls.name} in ${cls.file}`);
        this.classes.set(key, cls);
    }

    addSource(source: string, file: string): ClassDef {
        const cls = parseClass(source, file);
        this.add(cls);
        return cls;
    }

    /** Loads every `.cls` under a folder (recursively). */
    loadFolder(folder: string): number {
        let count = 0;
        const visit = (dir: string): void => {
            for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
                const full = path.join(dir, entry.name);
                if (entry.isDirectory()) visit(full);
                else if (entry.name.endsWith('.cls')) {
                    this.addSource(fs.readFileSync(full, 'utf8'), full);
                    count++;
                }
            }
        };
        visit(folder);
        return count;
    }
}
