// A report's rows, read as an org reads them for the running user: one SOQL query through the Apex
// runtime's SOQL in user mode (object and field access, sharing), the base object with its joined child
// relationship as a subquery, then flattened into one row per child (inner join) or per base record with
// or without children (outer join), as the report type says.
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
    child: boolean;
}

/** A lookup segment as SOQL names its relationship: Offering__c → Offering__r, AccountId → Account. */
function relationshipSegment(segment: string): string {
    if (/__c$/i.test(segment)) return segment.replace(/__c$/i, '__r');
    if (/Id$/.test(segment) && segment !== 'Id') return segment.slice(0, -2);
    return segment;
}

/** The shape of one report-type column: its SOQL path, its type and label, from the org's catalog. */
export function columnShape(org: ApexOrg, type: ReportTypeDefinition, name: string): ColumnShape {
    const column: ReportTypeColumn | undefined = type.columns.get(name);
    if (!column) throw new ReportDefinitionError(`the report type ${type.name} has no column ${name}`);
    const child = column.table !== type.baseObject;
    let object = type.baseObject;
    if (child) {
        const relation = org.catalog
            .object(type.baseObject)
            ?.children.get(type.join!.relationship.toLowerCase());
        if (!relation)
            throw new ReportDefinitionError(
                `${type.name}: ${type.baseObject} has no child relationship ${type.join!.relationship}`
            );
        object = relation.object;
    }
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
    return { path, namePath, type: field.type, label: field.label, child };
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
    const fieldsOf = (child: boolean): string[] => {
        const paths = new Set<string>(['Id']);
        for (const shape of shapes.values())
            if (shape.child === child) {
                paths.add(shape.path);
                if (shape.namePath) paths.add(shape.namePath);
            }
        return [...paths];
    };
    const childFields = fieldsOf(true);
    const needsChild = type.join !== null;
    const subquery = needsChild ? `, (SELECT ${childFields.join(', ')} FROM ${type.join!.relationship})` : '';
    const text = `SELECT ${fieldsOf(false).join(', ')}${subquery} FROM ${type.baseObject} WITH USER_MODE`;
    // a report run is its own request: fresh limits, whatever the last call used
    org.limits = new GovernorLimits(SYNC_LIMITS);
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
    const records = result instanceof ApexList ? result.items : [];
    const rows: ReportRow[] = [];
    const baseShapes = [...shapes].filter(([, shape]) => !shape.child);
    const childShapes = [...shapes].filter(([, shape]) => shape.child);
    for (const item of records) {
        const record = item as ApexSObject;
        const base = new Map(baseShapes.map(([name, shape]) => [name, cellOf(record, shape)]));
        if (!needsChild) {
            rows.push(base);
            continue;
        }
        const children = findRelated(record, type.join!.relationship);
        const list = children instanceof ApexList ? (children.items as ApexSObject[]) : [];
        if (!list.length && type.join!.outerJoin)
            rows.push(
                new Map([
                    ...base,
                    ...childShapes.map(([name]): [string, Cell] => [name, { value: null, label: null }])
                ])
            );
        for (const child of list)
            rows.push(
                new Map([
                    ...base,
                    ...childShapes.map(([name, shape]): [string, Cell] => [name, cellOf(child, shape)])
                ])
            );
    }
    return { rows, shapes };
}
