// The Metadata API's element names and enumerations, read from @salesforce/types' metadata.d.ts, so
// a misspelt element or an invalid picklist-like value is caught without an org.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { ROOT } from '../lib/project';
import type { XmlElement } from '../lib/xmlTree';

/** A property's type: a primitive, an enumeration, or another metadata type by name. */
export type PropertyType =
    | { kind: 'string' }
    | { kind: 'boolean' }
    | { kind: 'number' }
    | { kind: 'enum'; values: string[] }
    | { kind: 'ref'; name: string }
    | { kind: 'any' };

export interface Schema {
    types: Record<string, Record<string, PropertyType>>;
    enums: Record<string, string[]>;
}

const TYPES_FILE = path.join(ROOT, 'node_modules', '@salesforce', 'types', 'lib', 'metadata.d.ts');
const CACHE_FILE = path.join(ROOT, '.verify', 'metadata-schema.json');

function typeOfNode(node: ts.TypeNode, enums: Record<string, string[]>): PropertyType {
    if (ts.isArrayTypeNode(node)) return typeOfNode(node.elementType, enums);
    if (ts.isParenthesizedTypeNode(node)) return typeOfNode(node.type, enums);
    if (node.kind === ts.SyntaxKind.StringKeyword) return { kind: 'string' };
    if (node.kind === ts.SyntaxKind.BooleanKeyword) return { kind: 'boolean' };
    if (node.kind === ts.SyntaxKind.NumberKeyword) return { kind: 'number' };
    if (ts.isTypeReferenceNode(node)) return { kind: 'ref', name: node.typeName.getText() };
    if (ts.isUnionTypeNode(node)) {
        const literals = node.types
            .filter(ts.isLiteralTypeNode)
            .map((literal) => literal.literal.getText().slice(1, -1));
        if (literals.length === node.types.length) return { kind: 'enum', values: literals };
    }
    return { kind: 'any' };
}

function collectMembers(
    node: ts.TypeNode,
    aliases: Map<string, ts.TypeNode>,
    enums: Record<string, string[]>,
    into: Record<string, PropertyType>
): void {
    if (ts.isIntersectionTypeNode(node)) {
        node.types.forEach((part) => collectMembers(part, aliases, enums, into));
    } else if (ts.isTypeReferenceNode(node)) {
        const target = aliases.get(node.typeName.getText());
        if (target) collectMembers(target, aliases, enums, into);
    } else if (ts.isTypeLiteralNode(node)) {
        for (const member of node.members) {
            if (ts.isPropertySignature(member) && member.type && member.name) {
                into[member.name.getText()] = typeOfNode(member.type, enums);
            }
        }
    }
}

/** Reads metadata.d.ts into element tables; cached per file content size and time. */
export function loadSchema(typesFile: string = TYPES_FILE): Schema {
    const stat = fs.statSync(typesFile);
    const stamp = `${stat.size}:${stat.mtimeMs}`;
    if (fs.existsSync(CACHE_FILE)) {
        const cached = JSON.parse(fs.readFileSync(CACHE_FILE, 'utf8')) as { stamp: string; schema: Schema };
        if (cached.stamp === stamp) return cached.schema;
    }
    const source = ts.createSourceFile(
        typesFile,
        fs.readFileSync(typesFile, 'utf8'),
        ts.ScriptTarget.Latest,
        true
    );
    const aliases = new Map<string, ts.TypeNode>();
    for (const statement of source.statements) {
        if (ts.isTypeAliasDeclaration(statement)) aliases.set(statement.name.text, statement.type);
    }
    const schema: Schema = { types: {}, enums: {} };
    for (const [name, node] of aliases) {
        const asType = typeOfNode(node, schema.enums);
        if (asType.kind === 'enum') schema.enums[name] = asType.values;
    }
    for (const [name, node] of aliases) {
        if (schema.enums[name]) continue;
        const members: Record<string, PropertyType> = {};
        collectMembers(node, aliases, schema.enums, members);
        schema.types[name] = members;
    }
    fs.mkdirSync(path.dirname(CACHE_FILE), { recursive: true });
    fs.writeFileSync(CACHE_FILE, JSON.stringify({ stamp, schema }));
    return schema;
}

export interface SchemaProblem {
    line: number;
    message: string;
}

/** Checks an element against a metadata type: known child elements, valid enum, boolean and number values. */
export function validateElement(
    schema: Schema,
    element: XmlElement,
    typeName: string,
    problems: SchemaProblem[]
): void {
    const members = schema.types[typeName];
    if (!members) return;
    for (const child of element.children) {
        const property = members[child.name];
        if (!property) {
            problems.push({ line: child.line, message: `<${child.name}> is not an element of ${typeName}` });
            continue;
        }
        validateValue(schema, child, property, problems);
    }
}

function validateValue(
    schema: Schema,
    element: XmlElement,
    property: PropertyType,
    problems: SchemaProblem[]
): void {
    const value = element.text.trim();
    const where = `<${element.name}>`;
    switch (property.kind) {
        case 'boolean':
            if (value !== 'true' && value !== 'false') {
                problems.push({
                    line: element.line,
                    message: `${where} must be true or false, not "${value}"`
                });
            }
            return;
        case 'number':
            if (!/^-?\d+(\.\d+)?$/.test(value)) {
                problems.push({ line: element.line, message: `${where} must be a number, not "${value}"` });
            }
            return;
        case 'enum':
            if (!property.values.includes(value)) {
                problems.push({
                    line: element.line,
                    message: `${where} "${value}" is not one of ${property.values.join(', ')}`
                });
            }
            return;
        case 'ref': {
            const values = schema.enums[property.name];
            if (values) {
                validateValue(schema, element, { kind: 'enum', values }, problems);
            } else if (schema.types[property.name]) {
                validateElement(schema, element, property.name, problems);
            }
            return;
        }
        default:
            return;
    }
}
