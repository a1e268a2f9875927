// Loads data in the shapes `sf data export tree` writes and `sf data import tree` reads — a plan file
// (`*-plan.json`) naming the files in order, or plain files with child records nested under their parent
// by relationship name — into the preview's org, resolving @references to the Ids it hands out. Every
// problem names the file and the record.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ObjectSchema } from './schema';
import { DmlError, type FieldValue, type OrgStore } from './store';

/**
 * Where loaded records go. `sf data import tree` sends up to 200 records of one object per request, and
 * the org saves each request as one DML statement (triggers see the whole chunk): `insertAll` is one such
 * request and returns the new Ids in order, or throws a {@link TreeRowError} naming the refused row.
 */
export interface TreeTarget {
    readonly schemas: ReadonlyMap<string, ObjectSchema>;
    insertAll(sobject: string, rows: Record<string, FieldValue>[]): string[];
}

/** A row of a request that the org refused: its index in the request and the org's message. */
export class TreeRowError extends Error {
    constructor(
        readonly row: number,
        message: string
    ) {
        super(message);
    }
}

/** The records an import request carries at most. */
export const TREE_REQUEST_SIZE = 200;

/** A plain store as a target: records saved one by one with the store's own checks (no Apex triggers). */
export function storeTarget(store: OrgStore): TreeTarget {
    return {
        schemas: store.schemas,
        insertAll(sobject, rows) {
            return rows.map((values, row) => {
                try {
                    return store.insert(sobject, values);
                } catch (error) {
                    if (error instanceof DmlError)
                        throw new TreeRowError(row, `${error.statusCode}: ${error.message}`);
                    throw error;
                }
            });
        }
    };
}

interface PlanEntry {
    sobject: string;
    saveRefs?: boolean;
    resolveRefs?: boolean;
    files: string[];
}

interface TreeRecord {
    attributes?: { type?: string; referenceId?: string };
    [field: string]: unknown;
}

/** Nested children as the export writes them: `"Contacts": { "records": [...] }`. */
interface NestedChildren {
    records: TreeRecord[];
}

/** A record waiting to be loaded, with where it came from and, when nested, the parent it belongs to. */
interface Pending {
    file: string;
    record: TreeRecord;
    /** The record's object: its attributes' type, or the plan entry's object. */
    sobject: string;
    parent?: { id: string; sobject: string; relationship: string };
}

/** Child relationships of standard objects the demo and exports use, by parent object: lookup field. */
const STANDARD_CHILDREN: Record<string, Record<string, string>> = {
    Account: {
        Contacts: 'AccountId',
        Opportunities: 'AccountId',
        Cases: 'AccountId',
        ChildAccounts: 'ParentId'
    },
    Contact: { Cases: 'ContactId', DirectReports: 'ReportsToId', ReportsTo: 'ReportsToId' }
};

/** Finds the plan file of a data folder: the one `*-plan.json`, or undefined when it has none. */
export function findPlan(dir: string): string | undefined {
    const plans = fs.readdirSync(dir).filter((file) => file.endsWith('-plan.json'));
    if (plans.length > 1) {
        throw new Error(
            `${dir}: expected at most one *-plan.json data plan, found ${plans.length}: ${plans.join(', ')}`
        );
    }
    return plans.length ? path.join(dir, plans[0]!) : undefined;
}

function readJson(dir: string, file: string): unknown {
    const full = path.resolve(dir, file);
    // a plan names files of its own folder: never one outside it, or behind a link that leaves it
    const inside = path.relative(path.resolve(dir), full);
    if (!file.endsWith('.json') || inside.startsWith('..') || path.isAbsolute(inside))
        throw new Error(`${file}: a data plan may only name .json files in its own folder`);
    if (!fs.existsSync(full)) throw new Error(`${file}: the file does not exist in ${dir}`);
    const real = path.relative(fs.realpathSync(dir), fs.realpathSync(full));
    if (real.startsWith('..') || path.isAbsolute(real))
        throw new Error(`${file}: a data plan may only name .json files in its own folder`);
    try {
        return JSON.parse(fs.readFileSync(full, 'utf8'));
    } catch (error) {
        throw new Error(
            `${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`
        );
    }
}

function recordsOf(content: unknown, file: string): TreeRecord[] {
    const records = (content as { records?: unknown } | null)?.records;
    if (!Array.isArray(records)) throw new Error(`${file}: expected an object with a "records" list`);
    records.forEach((record, index) => {
        if (!record || typeof record !== 'object' || Array.isArray(record))
            throw new Error(`${file}: record ${index + 1} is not an object`);
    });
    return records as TreeRecord[];
}

function isNested(value: unknown): value is NestedChildren {
    return (
        typeof value === 'object' && value !== null && Array.isArray((value as { records?: unknown }).records)
    );
}

function label(pending: Pending, index?: number): string {
    return pending.record.attributes?.referenceId ?? (index === undefined ? '?' : `#${index + 1}`);
}

/** The lookup on `child` that a nested relationship under `parent` fills. */
function childLookup(
    store: TreeTarget,
    parent: string,
    relationship: string,
    child: string,
    file: string
): string {
    const children = Object.hasOwn(STANDARD_CHILDREN, parent) ? STANDARD_CHILDREN[parent]! : {};
    const standard = Object.hasOwn(children, relationship) ? children[relationship] : undefined;
    if (standard) return standard;
    const fields = [...(store.schemas.get(child)?.fields.values() ?? [])].filter(
        (field) => field.referenceTo === parent
    );
    const named = fields.find((field) => `${field.relationshipName ?? ''}__r` === relationship);
    const only = fields.length === 1 ? fields[0] : undefined;
    const field = named ?? only;
    if (!field)
        throw new Error(
            `${file}: ${parent} records nest "${relationship}", a relationship to ${child} the preview cannot place`
        );
    return field.name;
}

/** The references a record still waits for (ids handed out for @referenceIds), none when it can load. */
function unresolved(record: TreeRecord, references: ReadonlyMap<string, string>): string[] {
    return Object.entries(record)
        .filter(
            ([field, value]) =>
                field !== 'attributes' &&
                typeof value === 'string' &&
                value.startsWith('@') &&
                !references.has(value.slice(1))
        )
        .map(([field, value]) => `${field} → ${String(value)}`);
}

/** A record ready to save: its values (references resolved) and its nested children, still unsaved. */
interface Prepared {
    pending: Pending;
    index: number;
    values: Record<string, FieldValue>;
    children: [string, NestedChildren][];
}

/** Reads one record's values, resolving @references; every problem names the file and the record. */
function prepare(
    target: TreeTarget,
    pending: Pending,
    index: number,
    references: ReadonlyMap<string, string>
): Prepared {
    const { file, record, sobject } = pending;
    const schema = target.schemas.get(sobject);
    if (!schema && /__(c|mdt|e)$/.test(sobject))
        throw new Error(
            `${file}: record ${label(pending, index)} is a ${sobject}, an object Keystone does not have`
        );
    const values: Record<string, FieldValue> = {};
    const children: [string, NestedChildren][] = [];
    for (const [field, value] of Object.entries(record)) {
        if (field === 'attributes' || value === undefined) continue;
        if (isNested(value)) {
            children.push([field, value]);
            continue;
        }
        if (typeof value === 'object' && value !== null)
            throw new Error(
                `${file}: record ${label(pending, index)} has ${field} set to an object the preview cannot place`
            );
        if (schema && field.endsWith('__c') && !schema.fields.has(field))
            throw new Error(
                `${file}: record ${label(pending, index)} sets ${sobject}.${field}, a field Keystone does not have`
            );
        if (typeof value === 'string' && value.startsWith('@')) {
            const id = references.get(value.slice(1));
            if (!id) throw new Error(`${file}: ${label(pending, index)}.${field} refers to unknown ${value}`);
            values[field] = id;
        } else {
            values[field] = value as FieldValue;
        }
    }
    if (pending.parent) values[pending.parent.relationship] = pending.parent.id;
    return { pending, index, values, children };
}

/** Saves one request (records of one object); returns their nested children, to load next. */
function save(
    target: TreeTarget,
    batch: Prepared[],
    references: Map<string, string>,
    counts: Record<string, number>
): Pending[] {
    const sobject = batch[0]!.pending.sobject;
    let ids: string[];
    try {
        ids = target.insertAll(
            sobject,
            batch.map((prepared) => prepared.values)
        );
    } catch (error) {
        if (!(error instanceof TreeRowError)) throw error;
        const failed = batch[error.row] ?? batch[0]!;
        throw new Error(
            `${failed.pending.file}: record ${label(failed.pending, failed.index)} was refused — ${error.message}`
        );
    }
    return batch.flatMap((prepared, row) => {
        const { pending, index, children } = prepared;
        const id = ids[row]!;
        if (pending.record.attributes?.referenceId) references.set(pending.record.attributes.referenceId, id);
        counts[sobject] = (counts[sobject] ?? 0) + 1;
        return children.flatMap(([relationship, nested]) =>
            nested.records.map((child): Pending => {
                const childType = child.attributes?.type;
                if (!childType)
                    throw new Error(
                        `${pending.file}: a record nested in ${relationship} of ${label(pending, index)} has no attributes.type`
                    );
                return {
                    file: pending.file,
                    record: child,
                    sobject: childType,
                    parent: {
                        id,
                        sobject,
                        relationship: childLookup(target, sobject, relationship, childType, pending.file)
                    }
                };
            })
        );
    });
}

/**
 * Loads records until none is left, in requests of consecutive records of one object; a record waits
 * while it refers to one not loaded yet (files without a plan come in any order), and a round that loads
 * nothing names what is still waiting. `strict` (a plan) refuses a reference to a record not loaded yet.
 */
function loadAll(
    target: TreeTarget,
    queue: Pending[],
    references: Map<string, string>,
    counts: Record<string, number>,
    strict: boolean
): void {
    let waiting = queue.map((pending, index) => ({ pending, index }));
    while (waiting.length) {
        const next: typeof waiting = [];
        let loaded = 0;
        let batch: Prepared[] = [];
        const flush = (): void => {
            if (!batch.length) return;
            const saving = batch;
            batch = [];
            loaded += saving.length;
            // children load right after their parents' request, before anything that waits
            loadAll(target, save(target, saving, references, counts), references, counts, strict);
        };
        for (const entry of waiting) {
            const { pending, index } = entry;
            // a record may refer to one in the request being gathered: that request goes first
            if (unresolved(pending.record, references).length) flush();
            if (unresolved(pending.record, references).length && !strict) {
                next.push(entry);
                continue;
            }
            if (
                batch.length &&
                (batch[0]!.pending.sobject !== pending.sobject || batch.length >= TREE_REQUEST_SIZE)
            )
                flush();
            batch.push(prepare(target, pending, index, references));
        }
        flush();
        if (!loaded) {
            const first = next[0]!;
            throw new Error(
                `${first.pending.file}: ${label(first.pending, first.index)} refers to records no file holds (${unresolved(first.pending.record, references).join(', ')})`
            );
        }
        waiting = next;
    }
}

/**
 * Loads a data folder with or without a plan into a store (saved one by one, with the store's checks) or
 * any other target (the preview's Apex org, whose triggers run); returns how many records each object got.
 */
export function loadTreeData(into: OrgStore | TreeTarget, dir: string): Record<string, number> {
    const target = 'insertAll' in into ? into : storeTarget(into);
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory())
        throw new Error(`${dir}: not a folder of tree-import data`);
    const references = new Map<string, string>();
    const counts: Record<string, number> = {};
    const planFile = findPlan(dir);
    if (planFile) {
        const plan = readJson(dir, path.basename(planFile));
        if (!Array.isArray(plan))
            throw new Error(`${path.basename(planFile)}: expected a list of plan entries`);
        // a plan's order is the import's order: each file loads whole before the next
        for (const entry of plan as PlanEntry[]) {
            for (const file of entry.files ?? []) {
                const pending = recordsOf(readJson(dir, file), file).map((record): Pending => ({
                    file,
                    record,
                    sobject: record.attributes?.type ?? entry.sobject
                }));
                // a plan's order is the contract: a reference to a record not loaded yet is an error
                loadAll(target, pending, references, counts, true);
            }
        }
        return counts;
    }
    const files = fs
        .readdirSync(dir)
        .filter((file) => file.endsWith('.json'))
        .sort();
    if (!files.length) throw new Error(`${dir}: no *.json data files`);
    const queue: Pending[] = [];
    for (const file of files) {
        for (const [index, record] of recordsOf(readJson(dir, file), file).entries()) {
            const sobject = record.attributes?.type;
            if (!sobject)
                throw new Error(
                    `${file}: record ${record.attributes?.referenceId ?? `#${index + 1}`} has no attributes.type`
                );
            queue.push({ file, record, sobject });
        }
    }
    loadAll(target, queue, references, counts, false);
    return counts;
}
