// Runs a parsed SOQL query over a data source: security per access mode, sharing, WHERE, child
// subqueries, grouping and aggregates, ORDER BY, OFFSET and LIMIT, and the shape of the answer (plain
// records with only what was selected, AggregateResult-like rows, or the Integer of COUNT()).
import type {
    AggregateCall,
    Bind,
    Condition,
    FieldRef,
    OrderItem,
    Query,
    SelectItem,
    ValueNode
} from './ast';
import type {
    BindValue,
    ChildRelationshipShape,
    FieldShape,
    FieldType,
    ObjectShape,
    Row,
    SoqlDataSource,
    SoqlScalar
} from './dataSource';
import { dateLiteralRange } from './dateLiterals';
import { SoqlQueryError, unsupported } from './errors';
import {
    canonicalId,
    compareComparable,
    comparable,
    fromStored,
    isNumberType,
    isTextType,
    likeMatcher
} from './values';

/** A value in a result record: a scalar, a parent record (or null), or a child subquery's records. */
export type ResultValue = SoqlScalar | ResultRecord | ResultRecord[];

/** A queried record: `attributes.type` and only the fields the query selected (plus Id at the top). */
export type ResultRecord = { attributes: { type: string } } & {
    [field: string]: ResultValue | { type: string };
};

/** One row of an aggregate query: alias → value, and each alias's type (COUNT is an Integer…). */
export interface AggregateRow {
    values: Record<string, SoqlScalar>;
    types: Record<string, FieldType>;
}

export type QueryResult =
    | { kind: 'records'; object: string; records: ResultRecord[]; rowsRetrieved: number }
    | { kind: 'count'; object: string; count: number; rowsRetrieved: number }
    | { kind: 'aggregate'; object: string; rows: AggregateRow[]; rowsRetrieved: number };

export interface RunOptions {
    source: SoqlDataSource;
    /** Evaluates a bind: the Apex expression of static SOQL, or the name of dynamic SOQL. */
    resolveBind(bind: Bind): BindValue;
    /** The access level the call asked for (`Database.queryWithBinds(…, AccessLevel.USER_MODE)`). */
    accessLevel?: 'USER_MODE' | 'SYSTEM_MODE' | null;
    /** The running class is `with sharing`: rows are filtered by sharing in system mode too. */
    withSharing: boolean;
}

const MAX_OFFSET = 2000;

/** A field path resolved against the object shapes: the lookups walked, then the field read. */
interface ResolvedPath {
    ref: FieldRef;
    /** lookups from the queried object to the field's object */
    hops: { object: string; field: FieldShape }[];
    object: string;
    field: FieldShape;
    /** the names the result uses: relationship names, then the field's own name */
    output: string[];
}

const ID_FIELD: FieldShape = { name: 'Id', type: 'id' };

class Run {
    private readonly source: SoqlDataSource;
    private readonly userMode: boolean;
    private readonly securityEnforced: boolean;
    private readonly sharing: boolean;
    private readonly inaccessible = new Set<string>();
    private readonly bindCache = new Map<Bind, BindValue>();
    rowsRetrieved = 0;

    constructor(
        private readonly query: Query,
        private readonly options: RunOptions
    ) {
        this.source = options.source;
        this.userMode = options.accessLevel === 'USER_MODE' || query.mode === 'USER_MODE';
        this.securityEnforced = !this.userMode && query.mode === 'SECURITY_ENFORCED';
        this.sharing = this.userMode || options.withSharing;
    }

    private unsupported(construct: string): never {
        throw unsupported(`SOQL ${construct}`, this.query.origin.file, this.query.origin.line);
    }

    // ---- shapes and security ----

    private shape(object: string): ObjectShape {
        const shape = this.source.describe(object);
        if (!shape) {
            throw new SoqlQueryError(
                `sObject type '${object}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name.`
            );
        }
        return shape;
    }

    /** User mode checks every object a query touches; SECURITY_ENFORCED those of the select list. */
    private checkObject(object: string, checked: 'all' | 'select' = 'select'): void {
        const enforce = this.userMode || (this.securityEnforced && checked === 'select');
        if (enforce && !this.source.canReadObject(object)) {
            throw new SoqlQueryError(`sObject type '${object}' is not supported.`);
        }
    }

    private fieldOf(shape: ObjectShape, name: string): FieldShape | undefined {
        const lower = name.toLowerCase();
        if (lower === 'id') return shape.fields.find((f) => f.name === 'Id') ?? ID_FIELD;
        return shape.fields.find((f) => f.name.toLowerCase() === lower);
    }

    private relationshipOf(shape: ObjectShape, name: string): FieldShape | undefined {
        const lower = name.toLowerCase();
        return shape.fields.find(
            (f) => f.type === 'reference' && f.relationshipName?.toLowerCase() === lower
        );
    }

    /**
     * Resolves `Account.Name` from `Contact`; `checked` says whether user mode looks at this use (user
     * mode checks every clause, SECURITY_ENFORCED only the select list).
     */
    private resolve(object: string, ref: FieldRef, checked: 'all' | 'select'): ResolvedPath {
        let shape = this.shape(object);
        let path = ref.path;
        // `Contact.Name` from Contact: the object's own name may prefix a field when no relationship has it
        if (
            path.length > 1 &&
            path[0]!.toLowerCase() === shape.name.toLowerCase() &&
            !this.relationshipOf(shape, path[0]!)
        ) {
            path = path.slice(1);
        }
        const hops: ResolvedPath['hops'] = [];
        const output: string[] = [];
        for (const name of path.slice(0, -1)) {
            const lookup = this.relationshipOf(shape, name);
            if (!lookup) throw this.noSuchColumn(shape.name, name, ref);
            this.checkField(shape.name, lookup.name, checked);
            hops.push({ object: shape.name, field: lookup });
            output.push(lookup.relationshipName!);
            const target = lookup.referenceTo?.[0];
            if (!target) throw this.noSuchColumn(shape.name, name, ref);
            shape = this.shape(target);
            this.checkObject(shape.name, checked);
        }
        const last = path[path.length - 1]!;
        const field = this.fieldOf(shape, last);
        if (!field) throw this.noSuchColumn(shape.name, last, ref);
        this.checkField(shape.name, field.name, checked);
        output.push(field.name);
        return { ref, hops, object: shape.name, field, output };
    }

    private checkField(object: string, field: string, checked: 'all' | 'select'): void {
        if (field === 'Id') return;
        const enforce = this.userMode || (this.securityEnforced && checked === 'select');
        if (enforce && !this.source.canRead(object, field)) this.inaccessible.add(`${object}.${field}`);
    }

    private noSuchColumn(object: string, name: string, ref: FieldRef): SoqlQueryError {
        const relationship = ref.path.length > 1 && name !== ref.path[ref.path.length - 1];
        return new SoqlQueryError(
            relationship
                ? `Didn't understand relationship '${name}' in field path '${ref.text}'. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name.`
                : `No such column '${name}' on entity '${object}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name.`
        );
    }

    /** Fails the query the way the platform does when fields are not readable in this mode. */
    private throwIfInaccessible(): void {
        if (!this.inaccessible.size) return;
        const fields = [...this.inaccessible];
        if (this.securityEnforced) {
            throw new SoqlQueryError(
                'Insufficient permissions: secure query included inaccessible field',
                fields
            );
        }
        const [object, field] = fields[0]!.split('.');
        throw new SoqlQueryError(
            `No such column '${field}' on entity '${object}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name.`,
            fields
        );
    }

    // ---- reading ----

    private visible(object: string, row: Row): boolean {
        return !this.sharing || this.source.isVisibleRow(object, row);
    }

    /** The row a path's lookups lead to (null when a lookup is empty or its record not visible). */
    private follow(row: Row, path: ResolvedPath, upTo = path.hops.length): Row | null {
        let current: Row | null = row;
        for (let i = 0; i < upTo && current; i++) {
            const hop = path.hops[i]!;
            const id = this.source.read(hop.object, current, hop.field.name);
            const target: Row | undefined = typeof id === 'string' && id ? this.source.byId(id) : undefined;
            current = target && this.visible(this.source.objectOf(target), target) ? target : null;
        }
        return current;
    }

    private value(row: Row, path: ResolvedPath): SoqlScalar {
        const target = this.follow(row, path);
        if (!target) return null;
        if (path.field.name === 'Id') return target.Id;
        return fromStored(this.source.read(path.object, target, path.field.name), path.field.type);
    }

    private bind(bind: Bind): BindValue {
        // a bind is evaluated once per query, as the platform binds before it runs
        if (!this.bindCache.has(bind)) this.bindCache.set(bind, this.options.resolveBind(bind));
        return this.bindCache.get(bind)!;
    }

    private scalarOf(value: unknown): SoqlScalar {
        if (value !== null && typeof value === 'object' && 'Id' in value)
            return String((value as { Id: string }).Id);
        return value as SoqlScalar;
    }

    private isCollection(value: BindValue): value is Iterable<SoqlScalar | { Id: string }> {
        return value !== null && typeof value === 'object' && Symbol.iterator in value;
    }

    /** The integer of LIMIT and OFFSET. */
    private integer(node: ValueNode, clause: string): number {
        const value =
            node.kind === 'bind' ? this.bind(node.bind) : node.kind === 'number' ? node.value : undefined;
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
            throw new SoqlQueryError(`${clause} must be a non-negative integer, found: ${String(value)}`);
        }
        return value;
    }

    // ---- WHERE and HAVING ----

    private compileCondition(
        object: string,
        condition: Condition,
        read: (left: FieldRef | AggregateCall) => {
            get: (subject: Subject) => SoqlScalar;
            type: FieldType;
            name: string;
        }
    ): (subject: Subject) => boolean {
        switch (condition.kind) {
            case 'and': {
                const parts = condition.operands.map((c) => this.compileCondition(object, c, read));
                return (subject) => parts.every((part) => part(subject));
            }
            case 'or': {
                const parts = condition.operands.map((c) => this.compileCondition(object, c, read));
                return (subject) => parts.some((part) => part(subject));
            }
            case 'not': {
                const inner = this.compileCondition(object, condition.operand, read);
                return (subject) => !inner(subject);
            }
            case 'compare':
                return this.compileComparison(condition, read(condition.left));
        }
    }

    private compileComparison(
        condition: Extract<Condition, { kind: 'compare' }>,
        left: { get: (subject: Subject) => SoqlScalar; type: FieldType; name: string }
    ): (subject: Subject) => boolean {
        const { op, right } = condition;
        const { type, name } = left;
        const key = (value: SoqlScalar): string | number | boolean | null => comparable(value, type, name);
        if (right.kind === 'dateLiteral') {
            if (type !== 'date' && type !== 'datetime') {
                throw new SoqlQueryError(
                    `date literal ${right.text} used with field '${name}' of type ${type}`
                );
            }
            if (!['=', '!=', '<', '<=', '>', '>='].includes(op))
                this.unsupported(`${op} with a date literal`);
            const range = dateLiteralRange(
                right.name,
                right.n,
                this.source.today(),
                this.source.fiscalYearStartMonth()
            );
            const start = key({ kind: 'date', iso: range.start }) as string | number;
            // a datetime belongs to the range through the last millisecond of its last day
            const end = type === 'date' ? range.end : Date.parse(`${range.end}T00:00:00Z`) + 86_400_000 - 1;
            return (subject) => {
                const value = key(left.get(subject));
                if (value === null) return op === '!=';
                const v = value as string | number;
                switch (op) {
                    case '=':
                        return v >= start && v <= end;
                    case '!=':
                        return v < start || v > end;
                    case '<':
                        return v < start;
                    case '<=':
                        return v <= end;
                    case '>':
                        return v > end;
                    default:
                        return v >= start;
                }
            };
        }
        if (op === 'IN' || op === 'NOT IN') {
            const values = this.listOf(right);
            const keys = new Set(values.map((v) => key(v)));
            const negate = op === 'NOT IN';
            return (subject) => keys.has(key(left.get(subject))) !== negate;
        }
        if (op === 'INCLUDES' || op === 'EXCLUDES') {
            if (type !== 'multipicklist')
                throw new SoqlQueryError(`${op} needs a multi-select picklist, not '${name}'`);
            const groups = this.listOf(right).map((v) =>
                String(v ?? '')
                    .toLowerCase()
                    .split(';')
                    .map((part) => part.trim())
            );
            return (subject) => {
                const raw = left.get(subject);
                const chosen = new Set(
                    raw === null
                        ? []
                        : String(raw)
                              .toLowerCase()
                              .split(';')
                              .map((part) => part.trim())
                );
                const any = groups.some((group) => group.every((part) => chosen.has(part)));
                return op === 'INCLUDES' ? any : !any;
            };
        }
        const operand = this.single(right);
        if (op === 'LIKE') {
            if (!isTextType(type) && type !== 'id' && type !== 'reference') {
                throw new SoqlQueryError(`invalid operator on field '${name}': LIKE needs text`);
            }
            if (operand === null) return () => false;
            const matches = likeMatcher(String(operand));
            return (subject) => {
                const value = left.get(subject);
                return value !== null && matches(String(value));
            };
        }
        const expected = key(operand);
        return (subject) => {
            const actual = key(left.get(subject));
            // SOQL keeps null as a value for = and != (unlike SQL); ordering comparisons never match it
            if (op === '=') return actual === expected;
            if (op === '!=') return actual !== expected;
            if (actual === null || expected === null) return false;
            const order = compareComparable(actual, expected);
            switch (op) {
                case '<':
                    return order < 0;
                case '<=':
                    return order <= 0;
                case '>':
                    return order > 0;
                default:
                    return order >= 0;
            }
        };
    }

    private listOf(node: ValueNode): SoqlScalar[] {
        if (node.kind === 'list') return node.values.map((value) => this.single(value));
        if (node.kind === 'bind') {
            const value = this.bind(node.bind);
            if (this.isCollection(value) && typeof value !== 'string')
                return [...value].map((v) => this.scalarOf(v));
            return [this.scalarOf(value)];
        }
        return [this.single(node)];
    }

    private single(node: ValueNode): SoqlScalar {
        switch (node.kind) {
            case 'null':
                return null;
            case 'boolean':
            case 'string':
            case 'number':
                return node.value;
            case 'date':
                return { kind: 'date', iso: node.iso };
            case 'datetime':
                return { kind: 'datetime', ms: node.ms };
            case 'bind': {
                const value = this.bind(node.bind);
                if (this.isCollection(value) && typeof value !== 'string') {
                    throw new SoqlQueryError(`a list bind ':${node.bind.text}' needs IN or NOT IN`);
                }
                return this.scalarOf(value);
            }
            default:
                return this.unsupported(`value ${node.kind} here`);
        }
    }

    // ---- the query ----

    run(): QueryResult {
        const query = this.query;
        const shape = this.shape(query.from);
        this.checkObject(shape.name);
        if (query.forUpdate && query.orderBy.length) {
            throw new SoqlQueryError(
                'FOR UPDATE is not allowed with ORDER BY (a locking query cannot be ordered)'
            );
        }
        const aggregate = query.groupBy.length > 0 || query.select.some((item) => item.kind === 'aggregate');
        if (query.having && !aggregate)
            throw new SoqlQueryError('HAVING needs GROUP BY or an aggregate function');
        const plan = aggregate ? this.planAggregate(shape, query) : this.planRecords(shape, query);
        const where = query.where
            ? this.compileCondition(shape.name, query.where, (left) => this.rowReader(shape.name, left))
            : null;
        this.throwIfInaccessible();

        const rows: Row[] = [];
        for (const row of this.candidates(shape.name, query.where)) {
            if (!this.visible(shape.name, row)) continue;
            if (where && !where({ row })) continue;
            rows.push(row);
        }
        const offset = query.offset ? this.integer(query.offset, 'OFFSET') : 0;
        if (offset > MAX_OFFSET) throw new SoqlQueryError(`Maximum SOQL offset allowed is ${MAX_OFFSET}`);
        const limit = query.limit ? this.integer(query.limit, 'LIMIT') : Infinity;

        if (query.countOnly) {
            const count = Math.min(Math.max(rows.length - offset, 0), limit);
            this.rowsRetrieved += count;
            return { kind: 'count', object: shape.name, count, rowsRetrieved: this.rowsRetrieved };
        }
        return plan(rows, offset, limit);
    }

    /** Rows worth testing: a top-level `Id = …` or `Id IN …` reads those records only. */
    private candidates(object: string, where: Condition | null): Iterable<Row> {
        const parts = !where ? [] : where.kind === 'and' ? where.operands : [where];
        for (const part of parts) {
            if (
                part.kind === 'compare' &&
                part.left.kind === 'field' &&
                part.left.path.length === 1 &&
                part.left.path[0]!.toLowerCase() === 'id' &&
                (part.op === '=' || part.op === 'IN')
            ) {
                const ids = part.op === '=' ? [this.single(part.right)] : this.listOf(part.right);
                const seen = new Set<string>();
                const rows: Row[] = [];
                for (const id of ids) {
                    if (typeof id !== 'string') continue;
                    const row = this.source.byId(id);
                    if (!row || seen.has(row.Id) || this.source.objectOf(row) !== object) continue;
                    seen.add(row.Id);
                    rows.push(row);
                }
                // in the binds' order: without ORDER BY the platform promises no order either
                return rows;
            }
        }
        return this.source.rows(object);
    }

    private rowReader(object: string, left: FieldRef | AggregateCall) {
        if (left.kind === 'aggregate') {
            throw new SoqlQueryError(`aggregate ${left.text} is allowed in HAVING only, not in WHERE`);
        }
        const path = this.resolve(object, left, 'all');
        return {
            get: (subject: Subject) => this.value(subject.row!, path),
            type: path.field.type,
            name: left.text
        };
    }

    // ---- plain records ----

    private planRecords(
        shape: ObjectShape,
        query: Query
    ): (rows: Row[], offset: number, limit: number) => QueryResult {
        const fields = query.select
            .filter((item): item is Extract<SelectItem, { kind: 'field' }> => item.kind === 'field')
            .map((item) => {
                if (item.alias)
                    throw new SoqlQueryError(`alias '${item.alias}' is allowed in aggregate queries only`);
                return this.resolve(shape.name, item.field, 'select');
            });
        const subqueries = query.select
            .filter((item): item is Extract<SelectItem, { kind: 'subquery' }> => item.kind === 'subquery')
            .map((item) => this.planSubquery(shape, item.query));
        const order = this.planOrder(shape.name, query.orderBy);
        return (rows, offset, limit) => {
            const sorted = order ? this.sorted(rows, order) : rows;
            const page = sorted.slice(offset, offset + limit);
            this.rowsRetrieved += page.length;
            const records = page.map((row) => {
                const record = this.project(shape.name, row, fields);
                for (const sub of subqueries) record[sub.name] = sub.children(row);
                return record;
            });
            return { kind: 'records', object: shape.name, records, rowsRetrieved: this.rowsRetrieved };
        };
    }

    /** A record with the selected fields only: Id always, parent paths as nested records. */
    private project(object: string, row: Row, fields: ResolvedPath[]): ResultRecord {
        const record: ResultRecord = { attributes: { type: object }, Id: row.Id };
        for (const path of fields) {
            let target: ResultRecord = record;
            let current: Row | null = row;
            let parentMissing = false;
            for (let i = 0; i < path.hops.length; i++) {
                const name = path.output[i]!;
                current = current ? this.follow(current, { ...path, hops: [path.hops[i]!] }) : null;
                const existing = target[name];
                if (!current) {
                    if (existing === undefined) target[name] = null;
                    parentMissing = true;
                    break;
                }
                if (existing && typeof existing === 'object' && 'attributes' in existing) {
                    target = existing as ResultRecord;
                } else {
                    const parent: ResultRecord = { attributes: { type: this.source.objectOf(current) } };
                    target[name] = parent;
                    target = parent;
                }
            }
            if (parentMissing || !current) continue;
            const fieldName = path.output[path.output.length - 1]!;
            target[fieldName] =
                path.field.name === 'Id'
                    ? current.Id
                    : fromStored(this.source.read(path.object, current, path.field.name), path.field.type);
        }
        return record;
    }

    private planSubquery(
        parent: ObjectShape,
        sub: Query
    ): { name: string; children: (row: Row) => ResultRecord[] } {
        const lower = sub.from.toLowerCase();
        const relationship: ChildRelationshipShape | undefined = parent.childRelationships.find(
            (rel) => rel.name.toLowerCase() === lower
        );
        if (!relationship) {
            throw new SoqlQueryError(
                `Didn't understand relationship '${sub.from}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name.`
            );
        }
        const child = this.shape(relationship.childObject);
        this.checkObject(child.name);
        const link = this.fieldOf(child, relationship.field);
        if (!link)
            throw new SoqlQueryError(`No such column '${relationship.field}' on entity '${child.name}'`);
        const fields = sub.select.map((item) =>
            item.kind === 'field'
                ? this.resolve(child.name, item.field, 'select')
                : this.unsupported('nested subquery')
        );
        const where = sub.where
            ? this.compileCondition(child.name, sub.where, (left) => this.rowReader(child.name, left))
            : null;
        const order = this.planOrder(child.name, sub.orderBy);
        const limit = sub.limit ? this.integer(sub.limit, 'LIMIT') : Infinity;
        let byParent: Map<string, Row[]> | null = null;
        return {
            name: relationship.name,
            children: (row) => {
                if (!byParent) {
                    // one pass over the children for all parents, not one per parent
                    byParent = new Map();
                    for (const candidate of this.source.rows(child.name)) {
                        const parentId = this.source.read(child.name, candidate, link.name);
                        if (typeof parentId !== 'string' || !parentId) continue;
                        if (!this.visible(child.name, candidate)) continue;
                        if (where && !where({ row: candidate })) continue;
                        const key = canonicalId(parentId);
                        if (!byParent.has(key)) byParent.set(key, []);
                        byParent.get(key)!.push(candidate);
                    }
                }
                const mine = byParent.get(canonicalId(row.Id)) ?? [];
                const sorted = order ? this.sorted(mine, order) : mine;
                const page = sorted.slice(0, limit);
                this.rowsRetrieved += page.length;
                return page.map((childRow) => this.project(child.name, childRow, fields));
            }
        };
    }

    // ---- ordering ----

    private planOrder(object: string, orderBy: OrderItem[]): OrderKey[] | null {
        if (!orderBy.length) return null;
        return orderBy.map((item) => {
            if (item.expr.kind === 'aggregate')
                throw new SoqlQueryError(`ORDER BY ${item.expr.text} needs GROUP BY`);
            const path = this.resolve(object, item.expr, 'all');
            if (path.field.type === 'multipicklist') {
                throw new SoqlQueryError(`field '${item.expr.text}' can not be sorted in a query call`);
            }
            return {
                get: (subject: Subject) =>
                    comparable(this.value(subject.row!, path), path.field.type, item.expr.text),
                descending: item.descending,
                nullsLast: item.nulls === 'LAST'
            };
        });
    }

    private sorted(rows: Row[], order: OrderKey[]): Row[] {
        return sortSubjects(
            rows.map((row) => ({ row })),
            order
        ).map((subject) => subject.row!);
    }

    // ---- aggregates ----

    private planAggregate(
        shape: ObjectShape,
        query: Query
    ): (rows: Row[], offset: number, limit: number) => QueryResult {
        if (query.select.some((item) => item.kind === 'subquery'))
            this.unsupported('subquery in an aggregate query');
        const groupPaths = query.groupBy.map((ref) => this.resolve(shape.name, ref, 'all'));
        const groupIndex = (path: ResolvedPath): number =>
            groupPaths.findIndex(
                (g) => g.output.join('.').toLowerCase() === path.output.join('.').toLowerCase()
            );
        const columns: Column[] = [];
        const aliases = new Set<string>();
        let expr = 0;
        for (const item of query.select) {
            if (item.kind === 'field') {
                const path = this.resolve(shape.name, item.field, 'select');
                const index = groupIndex(path);
                if (index < 0)
                    throw new SoqlQueryError(`Field must be grouped or aggregated: ${item.field.text}`);
                columns.push({ alias: item.alias ?? path.field.name, type: path.field.type, group: index });
            } else if (item.kind === 'aggregate') {
                columns.push({
                    alias: item.alias ?? `expr${expr++}`,
                    ...this.planCall(shape.name, item.call, 'select')
                });
            }
        }
        for (const column of columns) {
            const key = column.alias.toLowerCase();
            if (aliases.has(key)) throw new SoqlQueryError(`duplicate alias: ${column.alias}`);
            aliases.add(key);
        }
        const groupOf = (left: FieldRef | AggregateCall, checked: 'all' | 'select') => {
            if (left.kind === 'aggregate') {
                const call = this.planCall(shape.name, left, checked);
                return {
                    get: (subject: Subject) => call.compute!(subject.group!),
                    type: call.type,
                    name: left.text
                };
            }
            const path = this.resolve(shape.name, left, checked);
            const index = groupIndex(path);
            if (index < 0) throw new SoqlQueryError(`field '${left.text}' must be grouped or aggregated`);
            return {
                get: (subject: Subject) => subject.group!.keys[index]!,
                type: path.field.type,
                name: left.text
            };
        };
        const having = query.having
            ? this.compileCondition(shape.name, query.having, (left) => groupOf(left, 'all'))
            : null;
        const order: OrderKey[] | null = query.orderBy.length
            ? query.orderBy.map((item) => {
                  const reader = groupOf(item.expr, 'all');
                  return {
                      get: (subject: Subject) => comparable(reader.get(subject), reader.type, reader.name),
                      descending: item.descending,
                      nullsLast: item.nulls === 'LAST'
                  };
              })
            : null;
        return (rows, offset, limit) => {
            // every row an aggregate reads counts toward the 50,000-row limit, not only the groups
            this.rowsRetrieved += rows.length;
            const groups = new Map<string, Group>();
            if (!groupPaths.length) groups.set('', { keys: [], rows });
            else {
                for (const row of rows) {
                    const keys = groupPaths.map((path) => this.value(row, path));
                    const id = JSON.stringify(
                        keys.map((value, i) => comparable(value, groupPaths[i]!.field.type, ''))
                    );
                    if (!groups.has(id)) groups.set(id, { keys, rows: [] });
                    groups.get(id)!.rows.push(row);
                }
            }
            let subjects: Subject[] = [...groups.values()].map((group) => ({ group }));
            if (having) subjects = subjects.filter((subject) => having(subject));
            if (order) subjects = sortSubjects(subjects, order);
            const page = subjects.slice(offset, offset + limit);
            return {
                kind: 'aggregate',
                object: shape.name,
                rows: page.map(({ group }) => {
                    const values: Record<string, SoqlScalar> = {};
                    const types: Record<string, FieldType> = {};
                    for (const column of columns) {
                        values[column.alias] =
                            column.group !== undefined ? group!.keys[column.group]! : column.compute!(group!);
                        types[column.alias] = column.type;
                    }
                    return { values, types };
                }),
                rowsRetrieved: this.rowsRetrieved
            };
        };
    }

    private planCall(object: string, call: AggregateCall, checked: 'all' | 'select'): Omit<Column, 'alias'> {
        const path = call.field ? this.resolve(object, call.field, checked) : null;
        const read = (row: Row): SoqlScalar => (path ? this.value(row, path) : row.Id);
        const type = path?.field.type ?? 'id';
        const nonNull = (group: Group): SoqlScalar[] => group.rows.map(read).filter((v) => v !== null);
        switch (call.fn) {
            case 'COUNT':
                return {
                    type: 'int',
                    compute: (group) => (path ? nonNull(group).length : group.rows.length)
                };
            case 'COUNT_DISTINCT':
                return {
                    type: 'int',
                    compute: (group) =>
                        new Set(nonNull(group).map((v) => comparable(v, type, call.text))).size
                };
            case 'SUM':
            case 'AVG': {
                if (!isNumberType(type))
                    throw new SoqlQueryError(
                        `field ${call.field!.text} does not support aggregate operator ${call.fn}`
                    );
                return {
                    type: call.fn === 'AVG' ? 'double' : type,
                    compute: (group) => {
                        const values = nonNull(group) as number[];
                        if (!values.length) return null;
                        const sum = values.reduce((a, b) => a + b, 0);
                        return call.fn === 'SUM' ? sum : sum / values.length;
                    }
                };
            }
            case 'MIN':
            case 'MAX':
                if (type === 'boolean' || type === 'multipicklist' || type === 'textarea') {
                    throw new SoqlQueryError(
                        `field ${call.field!.text} does not support aggregate operator ${call.fn}`
                    );
                }
                return {
                    type,
                    compute: (group) => {
                        let best: SoqlScalar = null;
                        let bestKey: string | number | boolean | null = null;
                        for (const value of nonNull(group)) {
                            const key = comparable(value, type, call.text)!;
                            const order = bestKey === null ? 0 : compareComparable(key, bestKey);
                            if (bestKey === null || (call.fn === 'MIN' ? order < 0 : order > 0)) {
                                best = value;
                                bestKey = key;
                            }
                        }
                        return best;
                    }
                };
        }
    }
}

interface Group {
    keys: SoqlScalar[];
    rows: Row[];
}

/** What a condition or an ordering reads: a row, or a group of an aggregate query. */
interface Subject {
    row?: Row;
    group?: Group;
}

interface Column {
    alias: string;
    type: FieldType;
    /** index into the group keys, for a grouped field */
    group?: number;
    compute?: (group: Group) => SoqlScalar;
}

interface OrderKey {
    get: (subject: Subject) => string | number | boolean | null;
    descending: boolean;
    nullsLast: boolean;
}

/** A stable sort: equal keys keep the source's order. Nulls first unless NULLS LAST, either direction. */
function sortSubjects<T extends Subject>(subjects: T[], order: OrderKey[]): T[] {
    const keyed = subjects.map((subject, index) => ({
        subject,
        index,
        keys: order.map((key) => key.get(subject))
    }));
    keyed.sort((a, b) => {
        for (let i = 0; i < order.length; i++) {
            const left = a.keys[i]!;
            const right = b.keys[i]!;
            if (left === right) continue;
            const { descending, nullsLast } = order[i]!;
            if (left === null) return nullsLast ? 1 : -1;
            if (right === null) return nullsLast ? -1 : 1;
            const result = compareComparable(left, right);
            if (result !== 0) return descending ? -result : result;
        }
        return a.index - b.index;
    });
    return keyed.map((entry) => entry.subject);
}

/** Runs one query; throws SoqlQueryError for what the platform refuses and UnsupportedError beyond the subset. */
export function runQuery(query: Query, options: RunOptions): QueryResult {
    return new Run(query, options).run();
}
