// The query engine every ApexOrg runs SOQL with: it turns the interpreter's request into the SOQL
// module's query (static `[SELECT …]` or dynamic text), hands it the org's store as seen by the running
// user, and turns the plain answer back into Apex values: typed SObjects, an Integer, AggregateResults.
import type { SoqlLiteralContext } from '@apexdevtools/apex-parser';
import { UnsupportedError } from '../errors';
import { simpleType } from '../registry';
import {
    bindsFromMap,
    parseDynamicSoql,
    parseStaticSoql,
    runQuery,
    SoqlQueryError,
    StoreSource,
    type AggregateRow,
    type Bind,
    type BindValue,
    type FieldType,
    type Query,
    type QueryResult,
    type ResultRecord,
    type Row,
    type SoqlScalar,
    type StoreAccess
} from '../soql';
import {
    ApexDate,
    ApexDatetime,
    ApexList,
    ApexNumber,
    ApexSet,
    ApexSObject,
    PlatformObject,
    type Value
} from '../values';
import type { ApexOrg, QueryAnswer, QueryRequest } from './apexOrg';
import type { FieldInfo } from './catalog';

/**
 * Aggregate queries have no queryMore: past this many rows the platform fails the query ("SOQL For
 * Loops"; "Working with SOQL Aggregate Functions").
 */
export const MAX_AGGREGATE_ROWS = 2000;

/** The API's words when an aggregate query would need a second batch. */
export const AGGREGATE_QUERY_MORE_MESSAGE =
    'Aggregate query does not support queryMore(), use LIMIT to restrict the results to a single batch';

// the source's shapes are built once per org; the access it asks goes to org.security at each call, so a
// hook swapped later (System.runAs, the security increment) is the one that answers
const sources = new WeakMap<ApexOrg, StoreSource>();

function sourceOf(org: ApexOrg): StoreSource {
    let source = sources.get(org);
    if (!source) {
        const access: StoreAccess = {
            canReadObject: (object) => org.security.objectAccess(object, 'read'),
            canRead: (object, field) => org.security.fieldAccess(object, field, 'read'),
            isVisibleRow: (object: string, row: Row) => org.security.isVisibleRow(object, row)
        };
        source = new StoreSource(org.store, access);
        sources.set(org, source);
    }
    return source;
}

// a static query is parsed once per literal (a loop runs the same node many times)
const parsedLiterals = new WeakMap<SoqlLiteralContext, Query>();

function staticQuery(node: SoqlLiteralContext, file: string): Query {
    let query = parsedLiterals.get(node);
    if (!query) {
        // the class's own text, from the parse tree's character stream: the query keeps its words as written
        const stream = node.start.getInputStream();
        const source = stream ? stream.getText(0, stream.size - 1) : node.getText();
        query = parseStaticSoql(node, source, file);
        parsedLiterals.set(node, query);
    }
    return query;
}

/** An Apex value as a SOQL bind: numbers as numbers, dates as days, records and collections by Id. */
export function bindValueOf(value: Value, what: string): BindValue {
    if (value instanceof ApexList) return value.items.map((item) => scalarBind(item, what));
    if (value instanceof ApexSet) return [...value.entries.values()].map((item) => scalarBind(item, what));
    return scalarBind(value, what);
}

function scalarBind(value: Value, what: string): SoqlScalar {
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
    if (value instanceof ApexNumber) return value.value;
    if (value instanceof ApexDate) return { kind: 'date', iso: value.toString() };
    if (value instanceof ApexDatetime) return { kind: 'datetime', ms: value.ms };
    // a record binds as its Id, as the platform binds `IN :contacts`
    if (value instanceof ApexSObject) {
        const id = value.fields.get('Id');
        return typeof id === 'string' ? id : null;
    }
    throw new UnsupportedError(`unsupported: SOQL bind ${what} of a ${value.constructor.name}`);
}

function resultScalar(value: SoqlScalar): unknown {
    if (value !== null && typeof value === 'object') {
        return value.kind === 'date' ? value.iso : new Date(value.ms).toISOString();
    }
    return value;
}

/** What one result column of one object is, looked up in the catalog once per query, not once per row. */
interface ColumnInfo {
    field: FieldInfo | undefined;
    /** the name the value is kept under: the field's own spelling, else the column's */
    key: string;
    /** an empty lookup the query walked: its relationship's name */
    emptyRelationship: string | undefined;
}

/** The catalog's answers for one query's rows: the rows share their objects and columns. */
class ResultTypes {
    private readonly objects = new Map<string, string>();
    private readonly columns = new Map<string, Map<string, ColumnInfo>>();

    constructor(readonly org: ApexOrg) {}

    objectName(type: string): string {
        let name = this.objects.get(type);
        if (name === undefined) {
            name = this.org.catalog.object(type)?.name ?? type;
            this.objects.set(type, name);
        }
        return name;
    }

    column(type: string, name: string): ColumnInfo {
        let ofType = this.columns.get(type);
        if (!ofType) {
            ofType = new Map();
            this.columns.set(type, ofType);
        }
        let info = ofType.get(name);
        if (!info) {
            const catalog = this.org.catalog;
            const field = catalog.field(type, name);
            const relationship = field ? undefined : catalog.relationship(type, name);
            info = {
                field,
                key: field?.name ?? name,
                emptyRelationship: relationship ? (relationship.relationshipName ?? name) : undefined
            };
            ofType.set(name, info);
        }
        return info;
    }
}

/** A queried record as an Apex SObject: typed fields, parents under their relationship, child lists. */
export function recordFromResult(
    org: ApexOrg,
    result: ResultRecord,
    types: ResultTypes = new ResultTypes(org)
): ApexSObject {
    const type = result.attributes.type;
    const record = new ApexSObject(types.objectName(type));
    record.queried = true;
    for (const name in result) {
        if (name === 'attributes') continue;
        const value = result[name];
        if (Array.isArray(value)) {
            const children = value.map((child) => recordFromResult(org, child, types));
            const childType = value[0]?.attributes.type ?? childObjectOf(org, type, name);
            record.related.set(name, new ApexList(childType ? simpleType(childType) : null, children));
        } else if (value !== null && typeof value === 'object' && 'attributes' in value) {
            record.related.set(name, recordFromResult(org, value as ResultRecord, types));
        } else {
            const column = types.column(type, name);
            if (value === null && column.emptyRelationship !== undefined) {
                // an empty lookup the query walked: `c.ReportsTo` reads null, as on the platform
                record.related.set(column.emptyRelationship, null);
            } else {
                record.fields.set(
                    column.key,
                    org.catalog.toApex(column.field, resultScalar(value as SoqlScalar))
                );
            }
        }
    }
    return record;
}

function childObjectOf(org: ApexOrg, parent: string, relationship: string): string | null {
    const children = org.catalog.object(parent)?.children;
    if (!children) return null;
    return children.get(relationship.toLowerCase())?.object ?? null;
}

/** One aggregate value as Apex types it: COUNT an Integer, SUM and AVG Decimal, dates as Date. */
function aggregateValue(value: SoqlScalar, type: FieldType): Value {
    if (value === null) return null;
    switch (type) {
        case 'int':
            return ApexNumber.int(Number(value));
        case 'double':
        case 'currency':
        case 'percent':
            return ApexNumber.decimal(Number(value));
        case 'date':
            return typeof value === 'object' && value.kind === 'date'
                ? new ApexDate(Math.floor(Date.parse(`${value.iso}T00:00:00Z`) / 86_400_000))
                : null;
        case 'datetime':
            return typeof value === 'object' && value.kind === 'datetime' ? new ApexDatetime(value.ms) : null;
        case 'boolean':
            return value === true;
        default:
            return String(value);
    }
}

/** An AggregateResult: `get('alias')` (without regard to case) returns the typed value. */
export function aggregateResultOf(row: AggregateRow): PlatformObject {
    const values = new Map<string, [string, Value]>();
    for (const [alias, value] of Object.entries(row.values))
        values.set(alias.toLowerCase(), [alias, aggregateValue(value, row.types[alias] ?? 'string')]);
    return new PlatformObject('AggregateResult', ['aggregateresult', 'schema.aggregateresult'], { values });
}

function answerOf(org: ApexOrg, result: QueryResult): QueryAnswer {
    switch (result.kind) {
        case 'count':
            return { value: ApexNumber.int(result.count), rowsRetrieved: result.rowsRetrieved };
        case 'records': {
            const types = new ResultTypes(org);
            return {
                value: new ApexList(
                    simpleType(result.object),
                    result.records.map((record) => recordFromResult(org, record, types))
                ),
                rowsRetrieved: result.rowsRetrieved
            };
        }
        case 'aggregate':
            if (result.rows.length > MAX_AGGREGATE_ROWS) {
                // no queryMore for aggregates: a SOQL for loop cannot page past the first batch, and neither
                // can a list assignment (platform-facts: both fail past 2,000 groups)
                throw new SoqlQueryError(AGGREGATE_QUERY_MORE_MESSAGE);
            }
            return {
                value: new ApexList(simpleType('AggregateResult'), result.rows.map(aggregateResultOf)),
                rowsRetrieved: result.rowsRetrieved
            };
    }
}

/**
 * The engine an ApexOrg is built with. Static SOQL binds Apex expressions where the query stands;
 * `Database.queryWithBinds` looks names up in its map. `Database.query`'s binds are the caller's local
 * variables, which the seam does not carry: such a bind is unsupported.
 */
export function soqlEngine(org: ApexOrg, request: QueryRequest): QueryAnswer {
    const source = sourceOf(org);
    if (request.kind === 'static') {
        const query = staticQuery(request.node, request.origin.file);
        const result = runQuery(query, {
            source,
            resolveBind: (bind: Bind) => {
                if (bind.kind !== 'expression') throw new SoqlQueryError(`unexpected bind ${bind.text}`);
                return bindValueOf(request.bind(bind.node), bind.text);
            },
            accessLevel: request.access === 'user' ? 'USER_MODE' : null,
            withSharing: request.withSharing
        });
        return answerOf(org, result);
    }
    const query = parseDynamicSoql(request.text, request.origin);
    if (request.count && !query.countOnly)
        throw new SoqlQueryError('countQuery needs a SELECT COUNT() query');
    const binds = request.binds;
    const resolveBind = binds
        ? (() => {
              const converted = new Map<string, BindValue>();
              for (const [key, value] of binds) converted.set(key, bindValueOf(value, `:${key}`));
              return bindsFromMap(converted);
          })()
        : (bind: Bind): BindValue => {
              throw new UnsupportedError(
                  `unsupported: Database.query bind ${bind.text} (a local variable of the caller; Database.queryWithBinds binds)`
              );
          };
    const result = runQuery(query, {
        source,
        resolveBind,
        accessLevel: request.access === 'user' ? 'USER_MODE' : 'SYSTEM_MODE',
        withSharing: request.withSharing
    });
    return answerOf(org, result);
}
