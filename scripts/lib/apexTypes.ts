// The contract between Apex and the components as TypeScript: for every @AuraEnabled method, the types
// of its parameters and of the value it returns, derived from the Apex classes, inner classes, enums and
// SObject fields it returns. A field renamed in Apex is then a type error in the component that reads it.
//
// Nullability: Apex has no non-null types, so every value a method returns may be null: the result
// itself, every member of a returned class (`name: T | null`) and every SObject field. SObject fields
// are also optional (`Name?: T | null`), because a record carries only the fields its query selected.
// Elements of a returned list or map are not null: our services never add null elements.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
    isAuraEnabled,
    readApexFile,
    type ApexFile,
    type ApexParam,
    type ApexTypeDeclaration
} from './apexModel';
import { walk, writeFile } from './project';

/** One field of an SObject as components receive it. */
export interface SObjectField {
    name: string;
    type: string;
    /** For lookups and master-details: the relationship name (`Parent__r`) and the object it points to. */
    relationship?: { name: string; target: string };
}

export type SObjectCatalog = Map<string, { name: string; fields: SObjectField[] }>;

const PRIMITIVES: Record<string, string> = {
    id: 'string',
    string: 'string',
    date: 'string',
    datetime: 'string',
    time: 'string',
    integer: 'number',
    long: 'number',
    decimal: 'number',
    double: 'number',
    boolean: 'boolean',
    object: 'unknown',
    blob: 'string'
};

/** Field types of the metadata (`<type>` of a CustomField) as the JSON the platform sends. */
const FIELD_TYPES: Record<string, string> = {
    Checkbox: 'boolean',
    Currency: 'number',
    Number: 'number',
    Percent: 'number',
    Summary: 'number',
    Integer: 'number',
    Long: 'number',
    Location: 'unknown',
    Address: 'unknown'
};

const ID_FIELD: SObjectField = { name: 'Id', type: 'string' };

/** Standard fields of every record, and those of the standard objects Keystone reads, with their JSON types. */
const COMMON_STANDARD: SObjectField[] = [
    ID_FIELD,
    { name: 'Name', type: 'string' },
    { name: 'OwnerId', type: 'string' },
    { name: 'CreatedDate', type: 'string' },
    { name: 'CreatedById', type: 'string' },
    { name: 'LastModifiedDate', type: 'string' },
    { name: 'LastModifiedById', type: 'string' },
    { name: 'SystemModstamp', type: 'string' },
    { name: 'IsDeleted', type: 'boolean' },
    { name: 'CurrencyIsoCode', type: 'string' },
    { name: 'RecordTypeId', type: 'string' },
    { name: 'LastActivityDate', type: 'string' },
    { name: 'LastViewedDate', type: 'string' },
    { name: 'LastReferencedDate', type: 'string' }
];

const lookup = (name: string, target: string): SObjectField => ({
    name: `${name}Id`,
    type: 'string',
    relationship: { name, target }
});

const STANDARD_FIELDS: Record<string, SObjectField[]> = {
    Account: [
        lookup('Parent', 'Account'),
        ...['Type', 'Industry', 'Website', 'Phone', 'Description', 'AccountNumber', 'Rating', 'Site'].map(
            (name) => ({ name, type: 'string' })
        ),
        { name: 'AnnualRevenue', type: 'number' },
        { name: 'NumberOfEmployees', type: 'number' },
        ...['BillingStreet', 'BillingCity', 'BillingState', 'BillingPostalCode', 'BillingCountry'].map(
            (name) => ({ name, type: 'string' })
        )
    ],
    Contact: [
        lookup('Account', 'Account'),
        lookup('ReportsTo', 'Contact'),
        ...['FirstName', 'LastName', 'Title', 'Department', 'Email', 'Phone', 'MobilePhone'].map((name) => ({
            name,
            type: 'string'
        }))
    ],
    Opportunity: [
        lookup('Account', 'Account'),
        ...['StageName', 'CloseDate', 'Type', 'LeadSource', 'ForecastCategoryName'].map((name) => ({
            name,
            type: 'string'
        })),
        ...['Amount', 'ExpectedRevenue', 'Probability'].map((name) => ({ name, type: 'number' })),
        { name: 'IsClosed', type: 'boolean' },
        { name: 'IsWon', type: 'boolean' }
    ],
    Case: [
        lookup('Account', 'Account'),
        lookup('Contact', 'Contact'),
        ...['CaseNumber', 'Subject', 'Status', 'Priority', 'Origin'].map((name) => ({
            name,
            type: 'string'
        })),
        { name: 'IsClosed', type: 'boolean' },
        { name: 'ClosedDate', type: 'string' }
    ],
    User: [
        ...['FirstName', 'LastName', 'Title', 'Email', 'Username', 'SmallPhotoUrl'].map((name) => ({
            name,
            type: 'string'
        })),
        { name: 'IsActive', type: 'boolean' }
    ],
    RecordType: [{ name: 'DeveloperName', type: 'string' }]
};

/** Standard objects that have no folder under objects/ but that a method may still return. */
const STANDARD_ONLY = ['User', 'Case', 'RecordType'];

function fieldOf(xml: string, fileName: string): SObjectField {
    const tag = (name: string): string | undefined =>
        new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1]?.trim();
    const name = tag('fullName') ?? fileName;
    const type = tag('type') ?? 'Text';
    if (type === 'Lookup' || type === 'MasterDetail' || type === 'Hierarchy') {
        const target = tag('referenceTo') ?? (type === 'Hierarchy' ? 'User' : '');
        return { name, type: 'string', relationship: { name: name.replace(/__c$/, '__r'), target } };
    }
    return { name, type: FIELD_TYPES[type] ?? 'string' };
}

/** Every object of the project (objects/<Object>/fields/*.field-meta.xml) with its standard fields. */
export function readSObjects(forceApp: string): SObjectCatalog {
    const catalog: SObjectCatalog = new Map();
    const add = (name: string, fields: SObjectField[]): void => {
        const byName = new Map<string, SObjectField>();
        for (const field of [...COMMON_STANDARD, ...(STANDARD_FIELDS[name] ?? []), ...fields])
            byName.set(field.name.toLowerCase(), field);
        catalog.set(name.toLowerCase(), { name, fields: [...byName.values()] });
    };
    const objectsDir = path.join(forceApp, 'objects');
    const objects = fs.existsSync(objectsDir) ? fs.readdirSync(objectsDir).sort() : [];
    for (const object of objects) {
        const fieldsDir = path.join(objectsDir, object, 'fields');
        const files = fs.existsSync(fieldsDir)
            ? fs.readdirSync(fieldsDir).filter((file) => file.endsWith('.field-meta.xml'))
            : [];
        add(
            object,
            files
                .sort()
                .map((file) =>
                    fieldOf(
                        fs.readFileSync(path.join(fieldsDir, file), 'utf8'),
                        file.replace(/\.field-meta\.xml$/, '')
                    )
                )
        );
    }
    for (const name of STANDARD_ONLY) if (!catalog.has(name.toLowerCase())) add(name, []);
    return catalog;
}

/** An Apex type reference, parsed: `Map<String, List<Outer.Inner>>`, `String[]`. */
export interface TypeRef {
    name: string;
    args: TypeRef[];
    array: number;
}

/** Parses the text of an Apex type reference (whitespace ignored). */
export function parseTypeRef(source: string): TypeRef {
    const text = source.replace(/\s+/g, '');
    let at = 0;
    const read = (): TypeRef => {
        const start = at;
        while (at < text.length && /[\w.]/.test(text[at]!)) at++;
        const ref: TypeRef = { name: text.slice(start, at), args: [], array: 0 };
        if (text[at] === '<') {
            at++;
            ref.args.push(read());
            while (text[at] === ',') {
                at++;
                ref.args.push(read());
            }
            if (text[at] !== '>') throw new Error(`cannot read Apex type "${source}"`);
            at++;
        }
        while (text.startsWith('[]', at)) {
            ref.array++;
            at += 2;
        }
        return ref;
    };
    const ref = read();
    if (at !== text.length || !ref.name) throw new Error(`cannot read Apex type "${source}"`);
    return ref;
}

/** What the generator knows: every Apex class, inner class and enum, and every SObject. */
export interface TypeWorld {
    declarations: Map<string, ApexTypeDeclaration>;
    sobjects: SObjectCatalog;
}

export function typeWorld(files: ApexFile[], sobjects: SObjectCatalog): TypeWorld {
    const declarations = new Map<string, ApexTypeDeclaration>();
    for (const file of files)
        for (const declaration of file.types) declarations.set(declaration.name.toLowerCase(), declaration);
    return { declarations, sobjects };
}

/** The TypeScript name of a declaration: `OrgChartService.StakeholderView` → `OrgChartService_StakeholderView`. */
export function tsNameOf(declaration: ApexTypeDeclaration): string {
    return declaration.name.replace(/\./g, '_');
}

/**
 * Resolves a class name as Apex does from inside `scope` (a top-level class or one of its inner
 * classes): an inner class of the same outer class first, then a top-level class, then an SObject.
 */
function resolve(
    world: TypeWorld,
    name: string,
    scope: string
): { declaration: ApexTypeDeclaration } | { sobject: string } | null {
    const lower = name.toLowerCase();
    const outer = scope.split('.')[0]!.toLowerCase();
    const declaration =
        (!lower.includes('.') && world.declarations.get(`${outer}.${lower}`)) ||
        world.declarations.get(lower);
    if (declaration) return { declaration };
    const sobject = world.sobjects.get(lower);
    if (sobject) return { sobject: sobject.name };
    return null;
}

/** Collects what a type emitted for a method reaches, so the generated module declares each once. */
export interface Reached {
    declarations: Set<string>;
    sobjects: Set<string>;
    unresolved: string[];
}

/** The TypeScript for an Apex type as it arrives in a component, without the outer `| null`. */
export function tsTypeOf(world: TypeWorld, ref: TypeRef, scope: string, reached: Reached): string {
    let type: string;
    const lower = ref.name.toLowerCase();
    const element = (index: number): string => {
        const arg = ref.args[index];
        return arg ? tsTypeOf(world, arg, scope, reached) : 'unknown';
    };
    if (lower === 'void') type = 'void';
    else if (PRIMITIVES[lower]) type = PRIMITIVES[lower]!;
    else if (lower === 'list' || lower === 'set') type = `${wrap(element(0))}[]`;
    else if (lower === 'map') type = `Record<string, ${element(1)}>`;
    else if (lower === 'sobject') type = 'SObject';
    else {
        const found = resolve(world, ref.name, scope);
        if (found && 'declaration' in found) {
            reached.declarations.add(found.declaration.name.toLowerCase());
            type = tsNameOf(found.declaration);
        } else if (found) {
            reached.sobjects.add(found.sobject.toLowerCase());
            type = found.sobject;
        } else {
            reached.unresolved.push(ref.name);
            type = 'unknown';
        }
    }
    for (let i = 0; i < ref.array; i++) type = `${wrap(type)}[]`;
    return type;
}

function wrap(type: string): string {
    return /^[\w.<>, ]+$/.test(type) && !type.includes(' | ') ? type : `(${type})`;
}

function nullable(type: string): string {
    return type === 'void' || type === 'unknown' ? type : `${type} | null`;
}

function paramTypeOf(param: ApexParam): string {
    const apexType = param.type.toLowerCase().replace(/\s+/g, '');
    const base = PRIMITIVES[apexType];
    if (base && base !== 'unknown') return `${base} | null | undefined`;
    if (/^(list|set)</.test(apexType) || apexType.endsWith('[]'))
        return 'readonly unknown[] | null | undefined';
    return 'Record<string, unknown> | null | undefined';
}

function declarationBody(world: TypeWorld, declaration: ApexTypeDeclaration, reached: Reached): string[] {
    const name = tsNameOf(declaration);
    if (declaration.kind === 'enum') {
        const values = declaration.values.map((value) => `'${value}'`).join(' | ') || 'never';
        return [
            `    /** Apex enum ${declaration.name}: components receive the value's name. */`,
            `    export type ${name} = ${values};`
        ];
    }
    const lines = [
        `    /** Apex ${declaration.name}: its @AuraEnabled members. */`,
        `    export interface ${name} {`
    ];
    for (const field of declaration.fields) {
        const type = tsTypeOf(world, parseTypeRef(field.type), declaration.name, reached);
        lines.push(`        ${field.name}: ${nullable(type)};`);
    }
    lines.push('    }');
    return lines;
}

function sobjectBody(world: TypeWorld, key: string, reached: Reached): string[] {
    const sobject = world.sobjects.get(key)!;
    const lines = [
        `    /** ${sobject.name} as a record arrives: only the fields its query selected. */`,
        `    export interface ${sobject.name} {`
    ];
    for (const field of sobject.fields) {
        lines.push(`        ${field.name}?: ${field.type} | null;`);
        if (field.relationship) {
            const target = world.sobjects.get(field.relationship.target.toLowerCase());
            if (target) {
                reached.sobjects.add(target.name.toLowerCase());
                lines.push(`        ${field.relationship.name}?: ${target.name} | null;`);
            }
        }
    }
    lines.push('    }');
    return lines;
}

/** The module of every generated type: `import type { X } from '@salesforce/apex/types'`. */
export const TYPES_MODULE = '@salesforce/apex/types';

/**
 * Typings for every @AuraEnabled method of `files`: `import m from '@salesforce/apex/Class.method'`
 * resolves only if it exists, takes only its parameters, and resolves to its result type (also
 * exported as `Result`); the classes and records it returns are declared in {@link TYPES_MODULE}.
 */
export function generateApexTypes(
    files: ApexFile[],
    sobjects: SObjectCatalog
): { text: string; unresolved: string[] } {
    const world = typeWorld(files, sobjects);
    const reached: Reached = { declarations: new Set(), sobjects: new Set(), unresolved: [] };
    const methods: string[] = [];
    for (const apex of files) {
        if (apex.isTest) continue;
        for (const method of apex.methods.filter(isAuraEnabled)) {
            const params = method.params.map((param) => `${param.name}: ${paramTypeOf(param)}`).join('; ');
            const used: Reached = {
                declarations: new Set(),
                sobjects: new Set(),
                unresolved: reached.unresolved
            };
            const result = nullable(tsTypeOf(world, parseTypeRef(method.returnType), apex.name, used));
            const names = [...used.declarations]
                .map((key) => tsNameOf(world.declarations.get(key)!))
                .concat([...used.sobjects].map((key) => world.sobjects.get(key)!.name));
            for (const key of used.declarations) reached.declarations.add(key);
            for (const key of used.sobjects) reached.sobjects.add(key);
            methods.push(
                `declare module '@salesforce/apex/${apex.name}.${method.name}' {`,
                ...(names.length
                    ? [`    import type { ${names.sort().join(', ')} } from '${TYPES_MODULE}';`]
                    : []),
                `    /** What ${apex.name}.${method.name} returns (${method.returnType}). */`,
                `    export type Result = ${result};`,
                `    const method: import('../apex-method').ApexMethod<{ ${params} }, Result>;`,
                '    export default method;',
                '}',
                ''
            );
        }
    }
    // declaring a type can reach more (a member's class, a lookup's object): close over them
    const body: string[] = [];
    const done = new Set<string>();
    const doneSObjects = new Set<string>();
    let changed = true;
    while (changed) {
        changed = false;
        for (const key of [...reached.declarations].sort()) {
            if (done.has(key)) continue;
            done.add(key);
            changed = true;
            body.push(...declarationBody(world, world.declarations.get(key)!, reached), '');
        }
        for (const key of [...reached.sobjects].sort()) {
            if (doneSObjects.has(key)) continue;
            doneSObjects.add(key);
            changed = true;
            body.push(...sobjectBody(world, key, reached), '');
        }
    }
    const text = [
        '// Generated by scripts/build.ts from the @AuraEnabled methods in force-app and the classes, enums and',
        '// records they return. Do not edit. Every returned value and member may be null (Apex has no',
        '// non-null types); SObject fields are also optional (a record carries only the fields it was queried with).',
        '',
        `declare module '${TYPES_MODULE}' {`,
        '    /** A record of any object. */',
        '    export interface SObject {',
        '        Id?: string | null;',
        '        [field: string]: unknown;',
        '    }',
        '',
        ...body,
        '}',
        '',
        ...methods
    ].join('\n');
    return { text, unresolved: [...new Set(reached.unresolved)].sort() };
}

/**
 * Writes `types/generated/apex.d.ts` of the project at `root` from its own Apex and objects, so the
 * type-check of a project (the product or a verify fixture) always sees the Apex it ships with.
 * Returns the Apex types it could only type as `unknown` (standard Apex classes such as Schema.PicklistEntry).
 */
export function writeApexTypes(root: string): string[] {
    const forceApp = path.join(root, 'force-app', 'main', 'default');
    const files = walk(path.join(forceApp, 'classes'), (f) => f.endsWith('.cls')).map(readApexFile);
    const { text, unresolved } = generateApexTypes(files, readSObjects(forceApp));
    writeFile(path.join(root, 'types', 'generated', 'apex.d.ts'), text);
    return unresolved;
}
