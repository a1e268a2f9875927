// A report's rows, read as an org reads them for the running user: one SOQL query per object of the
// report type through the Apex runtime's SOQL in user mode (object and field access, sharing) — the base
// object, then each joined child object with the lookup to its parent — then joined down into one row per
// record of the deepest object (inner joins) or per parent with or without children (outer joins), as the
// report type says. A child whose parent the user cannot see has no row, as in the org.
import type { ApexOrg } from '../../apex-runtime/org/apexOrg';
import { GovernorLimits, SYNC_LIMITS } from '../../apex-runtime/org/limits';
import {
    ApexDate,
    ApexDatetime,
    ApexList,
    ApexNumber,
    ApexSObject,
    type Value
} from '../../apex-runtime/values';
import { canonicalId } from '../../apex-runtime/soql/values';
import { ReportDefinitionError, type ReportTypeColumn, type ReportTypeDefinition } from './definitions';

/** A cell of a report row: the value compared, grouped and summed, and what the report shows for it. */
export interface Cell {
    value: string | number | boolean | null;
    label: string | null;
}

/** One report row by report column name (`Base$Field`, `Base.Child__r$Field`). */
export type ReportRow = Map<string, Cell>;

export interface ColumnShape {
    /** the SOQL path from the column's table (lookups through relationship names) */
    path: string;
    /** for a lookup field: the path of the record's Name, shown instead of its Id */
    namePath: string | null;
    /** the field's metadata type (Currency, Date, Picklist, Lookup…) */
    type: string;
    label: string;
    /** how many joins below the base object the column's table is (0: the base object) */
    level: number;
}

/** A lookup segment as SOQL names its relationship: Offering__c → Offering__r, AccountId → Account. */
function relationshipSegment(segment: string): string {
    if (/__c$/i.test(segment)) return segment.replace(/__c$/i, '__r');
    if (/Id$/.test(segment) && segment !== 'Id') return segment.slice(0, -2);
    return segment;
}

/** The object at each level of a report type and the lookup on it that names its parent's record. */
function objectsOf(org: ApexOrg, type: ReportTypeDefinition): { object: string; link: string | null }[] {
    const levels: { object: string; link: string | null }[] = [{ object: type.baseObject, link: null }];
    for (const join of type.joins) {
        const parent = levels[levels.length - 1]!.object;
        const relation = org.catalog.object(parent)?.children.get(join.relationship.toLowerCase());
        if (!relation)
            throw new ReportDefinitionError(
                `${type.name}: ${parent} has no child relationship ${join.relationship}`
            );
        levels.push({ object: relation.object, link: relation.field });
    }
    return levels;
}

/** The shape of one report-type column: its SOQL path, its type and label, from the org's catalog. */
export function columnShape(org: ApexOrg, type: ReportTypeDefinition, name: string): ColumnShape {
    const column: ReportTypeColumn | undefined = type.columns.get(name);
    if (!column) throw new ReportDefinitionError(`the report type ${type.name} has no column ${name}`);
    let object = objectsOf(org, type)[column.level]!.object;
    const segments = column.field.split('.');
    const soql: string[] = [];
    for (let i = 0; i < segments.length - 1; i++) {
        // a standard lookup is named by its relationship (Account) or its field (AccountId)
        const lookup =
            org.catalog.field(object, segments[i]!) ??
            org.catalog.relationship(object, segments[i]!) ??
            org.catalog.field(object, `${segments[i]!}Id`);
        if (!lookup || !lookup.referenceTo.length)
            throw new ReportDefinitionError(
                `${type.name}: ${segments[i]} on ${object} is not a lookup (${name})`
            );
        soql.push(lookup.relationshipName ?? relationshipSegment(lookup.name));
        object = lookup.referenceTo[0]!;
    }
    const last = segments[segments.length - 1]!;
    const field = org.catalog.field(object, last);
    if (!field) throw new ReportDefinitionError(`${type.name}: ${object} has no field ${last} (${name})`);
    const path = [...soql, field.name].join('.');
    const isLookup = field.referenceTo.length > 0 && field.name !== 'Id';
    const namePath = isLookup
        ? [...soql, field.relationshipName ?? relationshipSegment(field.name), 'Name'].join('.')
        : null;
    return { path, namePath, type: field.type, label: field.label, level: column.level };
}

function plain(value: Value): string | number | boolean | null {
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
    if (value instanceof ApexNumber) return Number(value.value);
    if (value instanceof ApexDate) return value.toString();
    if (value instanceof ApexDatetime) return new Date(value.ms).toISOString();
    return String(value);
}

function read(record: ApexSObject | null, path: string): Value {
    let current: ApexSObject | null = record;
    const segments = path.split('.');
    for (let i = 0; i < segments.length - 1; i++) {
        const related: Value | undefined = current ? findRelated(current, segments[i]!) : null;
        current = related instanceof ApexSObject ? related : null;
    }
    if (!current) return null;
    const last = segments[segments.length - 1]!.toLowerCase();
    for (const [name, value] of current.fields) if (name.toLowerCase() === last) return value;
    return null;
}

function findRelated(record: ApexSObject, name: string): Value {
    const lower = name.toLowerCase();
    for (const [key, value] of record.related) if (key.toLowerCase() === lower) return value;
    return null;
}

function cellOf(record: ApexSObject | null, shape: ColumnShape): Cell {
    const value = plain(read(record, shape.path));
    const name = shape.namePath ? read(record, shape.namePath) : null;
    return { value, label: shape.namePath ? (name === null ? null : String(plain(name))) : null };
}

/**
 * Reads the rows of a report type for the columns a report uses, as `userId` in user mode; a field the
 * user may not read fails the query with the runtime's QueryException, named in the error.
 */
export function fetchRows(
    org: ApexOrg,
    type: ReportTypeDefinition,
    columnNames: readonly string[],
    userId: string
): { rows: ReportRow[]; shapes: Map<string, ColumnShape> } {
    const shapes = new Map(columnNames.map((name) => [name, columnShape(org, type, name)]));
    const levels = objectsOf(org, type);
    const shapesAt = levels.map((_, level) => [...shapes].filter(([, shape]) => shape.level === level));
    // a report run is its own request: fresh limits, whatever the last call used
    org.limits = new GovernorLimits(SYNC_LIMITS);
    const records = levels.map(({ object, link }, level) => {
        const paths = new Set<string>(['Id', ...(link ? [link] : [])]);
        for (const [, shape] of shapesAt[level]!) {
            paths.add(shape.path);
            if (shape.namePath) paths.add(shape.namePath);
        }
        return query(org, type, userId, `SELECT ${[...paths].join(', ')} FROM ${object} WITH USER_MODE`);
    });
    // children by their parent's Id, level by level
    const childrenOf = levels.map(({ link }, level) => {
        const byParent = new Map<string, ApexSObject[]>();
        if (!link) return byParent;
        for (const record of records[level]!) {
            const parentId = read(record, link);
            if (typeof parentId !== 'string' || !parentId) continue;
            const key = canonicalId(parentId);
            if (!byParent.has(key)) byParent.set(key, []);
            byParent.get(key)!.push(record);
        }
        return byParent;
    });
    const blank = (from: number): [string, Cell][] =>
        shapesAt
            .slice(from)
            .flatMap((each) => each.map(([name]): [string, Cell] => [name, { value: null, label: null }]));
    const rowsOf = (record: ApexSObject, level: number, above: readonly [string, Cell][]): ReportRow[] => {
        const cells: [string, Cell][] = [
            ...above,
            ...shapesAt[level]!.map(([name, shape]): [string, Cell] => [name, cellOf(record, shape)])
        ];
        if (level === levels.length - 1) return [new Map(cells)];
        const children = childrenOf[level + 1]!.get(canonicalId(String(read(record, 'Id')))) ?? [];
        if (!children.length)
            return type.joins[level]!.outerJoin ? [new Map([...cells, ...blank(level + 1)])] : [];
        return children.flatMap((child) => rowsOf(child, level + 1, cells));
    };
    return { rows: records[0]!.flatMap((record) => rowsOf(record, 0, [])), shapes };
}

function query(org: ApexOrg, type: ReportTypeDefinition, userId: string, text: string): ApexSObject[] {
    const result = org.runAs(userId, () => {
        try {
            return org.query({
                kind: 'dynamic',
                text,
                binds: null,
                access: 'user',
                count: false,
                withSharing: true,
                origin: { file: `report type ${type.name}`, line: 1 }
            });
        } catch (error) {
            // the org refuses what the user may not read: the report says who and what, and shows no numbers
            const name = String(org.store.get(userId)?.Name ?? userId);
            throw new Error(
                `${name} cannot run this report: ${error instanceof Error ? error.message : String(error)}`
            );
        }
    });
    return result instanceof ApexList ? (result.items as ApexSObject[]) : [];
}
