// Reads Apex source into the facts our checks and generators need: classes and their sharing,
// @AuraEnabled methods and parameters, inline SOQL with its fields, and DML with its access level.
import * as fs from 'node:fs';
import { ApexParserFactory, ApexErrorListener } from '@apexdevtools/apex-parser';

/** A parse-tree node as the ANTLR runtime gives it: enough of it to walk and slice the source. */
interface Node {
    children?: Node[] | null;
    constructor: { name: string };
    start: { start: number; stop: number; line: number };
    stop?: { start: number; stop: number; line: number } | null;
}

export interface ApexParam {
    name: string;
    type: string;
}

export interface ApexMethod {
    className: string;
    name: string;
    line: number;
    isStatic: boolean;
    annotations: string[];
    params: ApexParam[];
    returnType: string;
}

/** A member a class serialises to Lightning components: public, an instance member, @AuraEnabled. */
export interface ApexField {
    name: string;
    type: string;
    line: number;
}

/** A class (the file's own or one of its inner classes, as `Outer.Inner`) or enum the file declares. */
export interface ApexTypeDeclaration {
    name: string;
    kind: 'class' | 'enum' | 'interface';
    line: number;
    /** For classes: the members the platform serialises; for enums: none. */
    fields: ApexField[];
    /** For enums: the values, which reach components as their names. */
    values: string[];
}

export interface ApexQuery {
    line: number;
    text: string;
    object: string;
    fields: { name: string; line: number }[];
    hasUserMode: boolean;
}

export interface ApexDml {
    line: number;
    kind: string;
    text: string;
    accessLevel: 'user' | 'system' | null;
}

export interface ApexCall {
    line: number;
    text: string;
}

export interface ApexFile {
    file: string;
    name: string;
    kind: 'class' | 'trigger' | 'interface' | 'enum';
    isTest: boolean;
    sharing: 'with sharing' | 'without sharing' | 'inherited sharing' | null;
    line: number;
    methods: ApexMethod[];
    queries: ApexQuery[];
    dml: ApexDml[];
    databaseCalls: ApexCall[];
    /** The file's class and its inner classes and enums, for typing what @AuraEnabled methods return. */
    types: ApexTypeDeclaration[];
    syntaxErrors: { line: number; message: string }[];
}

function text(source: string, node: Node): string {
    const end = (node.stop ?? node.start).stop;
    return source.slice(node.start.start, end + 1);
}

function kids(node: Node): Node[] {
    return node.children?.filter((child) => child && child.children !== undefined && child.start) ?? [];
}

function name(node: Node): string {
    return node.constructor.name;
}

function find(node: Node, ctx: string, stopAt: string[] = []): Node[] {
    const out: Node[] = [];
    const visit = (current: Node): void => {
        for (const child of kids(current)) {
            if (name(child) === ctx) {
                out.push(child);
            } else if (!stopAt.includes(name(child))) {
                visit(child);
            }
        }
    };
    visit(node);
    return out;
}

function annotationsOf(modifiers: Node[], source: string): string[] {
    return modifiers
        .map((modifier) => text(source, modifier))
        .filter((value) => value.startsWith('@'))
        .map((value) => value.replace(/\s+/g, ''));
}

function readQuery(source: string, query: Node): ApexQuery {
    const from = find(query, 'FromNameListContext', ['SubQueryContext'])[0];
    const object = from ? (text(source, from).split(/[\s,]+/)[0] ?? '') : '';
    const fields = find(query, 'FieldNameContext', [
        'SubQueryContext',
        'FromNameListContext',
        'SubFieldListContext'
    ])
        .map((field) => ({ name: text(source, field), line: field.start.line }))
        .filter((field) => !/^(?:[A-Za-z_]\w*)\($/.test(field.name));
    const withClause = find(query, 'WithClauseContext', ['SubQueryContext'])
        .map((clause) => text(source, clause).toUpperCase())
        .join(' ');
    return {
        line: query.start.line,
        text: text(source, query).replace(/\s+/g, ' '),
        object,
        fields,
        hasUserMode: /\bUSER_MODE\b/.test(withClause)
    };
}

const DML_CONTEXTS: Record<string, string> = {
    InsertStatementContext: 'insert',
    UpdateStatementContext: 'update',
    DeleteStatementContext: 'delete',
    UndeleteStatementContext: 'undelete',
    UpsertStatementContext: 'upsert',
    MergeStatementContext: 'merge'
};

function declarationKind(node: Node): ApexTypeDeclaration['kind'] {
    return name(node) === 'EnumDeclarationContext'
        ? 'enum'
        : name(node) === 'InterfaceDeclarationContext'
          ? 'interface'
          : 'class';
}

/**
 * A class or enum and the inner ones it declares (Apex allows one level), each with the members
 * the platform serialises: only public/global instance fields and properties marked @AuraEnabled.
 */
function readTypeDeclarations(
    source: string,
    declaration: Node,
    qualifiedName: string
): ApexTypeDeclaration[] {
    const kind = declarationKind(declaration);
    const own: ApexTypeDeclaration = {
        name: qualifiedName,
        kind,
        line: declaration.start.line,
        fields: [],
        values: []
    };
    const out = [own];
    if (kind === 'enum') {
        const constants = kids(declaration).find((child) => name(child) === 'EnumConstantsContext');
        own.values = constants
            ? kids(constants)
                  .filter((child) => name(child) === 'IdContext')
                  .map((child) => text(source, child))
            : [];
        return out;
    }
    for (const body of find(declaration, 'ClassBodyDeclarationContext', [
        'ClassDeclarationContext',
        'EnumDeclarationContext',
        'InterfaceDeclarationContext'
    ])) {
        const modifiers = kids(body).filter((child) => name(child) === 'ModifierContext');
        const modifierTexts = modifiers.map((modifier) => text(source, modifier).toLowerCase());
        const member = kids(body).find((child) => name(child) === 'MemberDeclarationContext');
        const inner = member && kids(member)[0];
        if (!inner) continue;
        if (
            ['ClassDeclarationContext', 'EnumDeclarationContext', 'InterfaceDeclarationContext'].includes(
                name(inner)
            )
        ) {
            const id = kids(inner).find((child) => name(child) === 'IdContext');
            if (id) out.push(...readTypeDeclarations(source, inner, `${qualifiedName}.${text(source, id)}`));
            continue;
        }
        const serialised =
            annotationsOf(modifiers, source).some((annotation) => /^@auraenabled\b/i.test(annotation)) &&
            modifierTexts.some((modifier) => modifier === 'public' || modifier === 'global') &&
            !modifierTexts.includes('static');
        if (!serialised) continue;
        const typeRef = kids(inner).find((child) => name(child) === 'TypeRefContext');
        const type = typeRef ? text(source, typeRef).replace(/\s+/g, '') : 'Object';
        if (name(inner) === 'FieldDeclarationContext') {
            for (const variable of find(inner, 'VariableDeclaratorContext')) {
                const id = kids(variable).find((child) => name(child) === 'IdContext');
                if (id) own.fields.push({ name: text(source, id), type, line: variable.start.line });
            }
        } else if (name(inner) === 'PropertyDeclarationContext') {
            const id = kids(inner).find((child) => name(child) === 'IdContext');
            if (id) own.fields.push({ name: text(source, id), type, line: inner.start.line });
        }
    }
    return out;
}

/** Parses one Apex class or trigger file. */
export function readApexFile(file: string): ApexFile {
    const source = fs.readFileSync(file, 'utf8');
    const syntaxErrors: { line: number; message: string }[] = [];
    class Collector extends ApexErrorListener {
        apexSyntaxError(line: number, _column: number, message: string): void {
            syntaxErrors.push({ line, message });
        }
    }
    const { parser } = ApexParserFactory.createLexerAndParser(source, new Collector());
    const isTrigger = file.endsWith('.trigger');
    const root = (isTrigger ? parser.triggerUnit() : parser.compilationUnit()) as unknown as Node;
    const base = file.split(/[\\/]/).pop() ?? file;
    const result: ApexFile = {
        file,
        name: base.replace(/\.(cls|trigger)$/, ''),
        kind: isTrigger ? 'trigger' : 'class',
        isTest: false,
        sharing: null,
        line: 1,
        methods: [],
        queries: find(root, 'QueryContext', ['QueryContext']).map((query) => readQuery(source, query)),
        dml: [],
        databaseCalls: [],
        types: [],
        syntaxErrors
    };
    for (const [ctx, kind] of Object.entries(DML_CONTEXTS)) {
        for (const statement of find(root, ctx)) {
            const level = find(statement, 'AccessLevelContext')[0];
            const levelText = level ? text(source, level).toLowerCase().replace(/\s+/g, ' ') : '';
            result.dml.push({
                line: statement.start.line,
                kind,
                text: text(source, statement).replace(/\s+/g, ' '),
                accessLevel: levelText.endsWith('user')
                    ? 'user'
                    : levelText.endsWith('system')
                      ? 'system'
                      : null
            });
        }
    }
    // a write through the seam is DML too: the row methods run as the user, the others as the call says
    for (const match of source.matchAll(
        // on the instance or on a variable holding it: `KeystoneDataService.getInstance().insertRecords(…)`,
        // `data.insertRecords(…)` — a variable must not hide a system-mode write from the checks
        /\b(?:KeystoneDataService\s*\.\s*getInstance\s*\(\s*\)|\w+)\s*\.\s*(insertRows|updateRows|saveOne|insertRecords|insertEach|updateRecords|deleteRecords)\s*\(([^;]*)/g
    )) {
        const from = match.index ?? 0;
        const lineStart = source.lastIndexOf('\n', from) + 1;
        if (/^\s*(\/\/|\*)/.test(source.slice(lineStart, from))) continue;
        const method = match[1]!;
        const args = match[2]!;
        result.dml.push({
            line: source.slice(0, from).split('\n').length,
            kind: method.startsWith('delete') ? 'delete' : method.startsWith('update') ? 'update' : 'insert',
            text: match[0].replace(/\s+/g, ' '),
            accessLevel: /AccessLevel\s*\.\s*SYSTEM_MODE/i.test(args)
                ? 'system'
                : /Rows$|^saveOne$/.test(method) || /AccessLevel\s*\.\s*USER_MODE/i.test(args)
                  ? 'user'
                  : null
        });
    }
    // Keystone's derived data has its own writer, which saves only derived fields in system mode on purpose
    // (DerivedFieldWriter's class comment); a class handing it records writes nothing as the user
    for (const match of source.matchAll(
        /\bDerivedFieldWriter\s*\.\s*(updateAccounts|upsertSnapshots)\s*\(/g
    )) {
        const from = match.index ?? 0;
        const lineStart = source.lastIndexOf('\n', from) + 1;
        if (/^\s*(\/\/|\*)/.test(source.slice(lineStart, from))) continue;
        result.dml.push({
            line: source.slice(0, from).split('\n').length,
            kind: match[1] === 'updateAccounts' ? 'update' : 'insert',
            text: match[0].replace(/\s+/g, ' '),
            accessLevel: 'system'
        });
    }
    for (const match of source.matchAll(
        /\bDatabase\s*\.\s*(query|queryWithBinds|countQuery|getQueryLocator|insert|update|upsert|delete|undelete|merge|getCursor)\s*\(/gi
    )) {
        const from = match.index ?? 0;
        let depth = 0;
        let end = from;
        for (let i = source.indexOf('(', from); i < source.length; i++) {
            if (source[i] === '(') depth++;
            if (source[i] === ')') depth--;
            if (depth === 0) {
                end = i;
                break;
            }
        }
        const lineStart = source.lastIndexOf('\n', from) + 1;
        if (/^\s*(\/\/|\*)/.test(source.slice(lineStart, from))) continue;
        result.databaseCalls.push({
            line: source.slice(0, from).split('\n').length,
            text: source.slice(from, end + 1).replace(/\s+/g, ' ')
        });
    }
    if (isTrigger) {
        return result;
    }
    const typeDeclaration = kids(root).find((child) => name(child) === 'TypeDeclarationContext');
    if (!typeDeclaration) {
        return result;
    }
    const modifiers = kids(typeDeclaration).filter((child) => name(child) === 'ModifierContext');
    const modifierTexts = modifiers.map((modifier) =>
        text(source, modifier).toLowerCase().replace(/\s+/g, ' ')
    );
    result.isTest = annotationsOf(modifiers, source).some((annotation) => /^@istest\b/i.test(annotation));
    result.sharing =
        (modifierTexts.find((value) => value.endsWith(' sharing')) as ApexFile['sharing'] | undefined) ??
        null;
    const declaration = kids(typeDeclaration).find((child) => name(child) !== 'ModifierContext');
    if (declaration) {
        result.line = declaration.start.line;
        result.kind =
            name(declaration) === 'InterfaceDeclarationContext'
                ? 'interface'
                : name(declaration) === 'EnumDeclarationContext'
                  ? 'enum'
                  : 'class';
        result.types = readTypeDeclarations(source, declaration, result.name);
        for (const body of find(declaration, 'ClassBodyDeclarationContext', ['ClassDeclarationContext'])) {
            const memberModifiers = kids(body).filter((child) => name(child) === 'ModifierContext');
            const method = find(body, 'MethodDeclarationContext', [
                'ClassDeclarationContext',
                'BlockContext'
            ])[0];
            if (!method) continue;
            const id = kids(method).find((child) => name(child) === 'IdContext');
            const typeRef = kids(method).find((child) => name(child) === 'TypeRefContext');
            const params = find(method, 'FormalParameterContext', ['BlockContext']).map((param) => {
                const paramKids = kids(param);
                const paramType = paramKids.find((child) => name(child) === 'TypeRefContext');
                const paramId = paramKids.find((child) => name(child) === 'IdContext');
                return {
                    type: paramType ? text(source, paramType) : '',
                    name: paramId ? text(source, paramId) : ''
                };
            });
            result.methods.push({
                className: result.name,
                name: id ? text(source, id) : '',
                line: method.start.line,
                isStatic: memberModifiers.some(
                    (modifier) => text(source, modifier).toLowerCase() === 'static'
                ),
                annotations: annotationsOf(memberModifiers, source),
                params,
                returnType: typeRef ? text(source, typeRef) : 'void'
            });
        }
    }
    return result;
}

/** True when a method is callable from Lightning components. */
export function isAuraEnabled(method: ApexMethod): boolean {
    return method.annotations.some((annotation) => /^@auraenabled\b/i.test(annotation));
}
