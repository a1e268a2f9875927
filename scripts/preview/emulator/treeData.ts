// Loads data in the shapes `sf data export tree` writes and `sf data import tree` reads — a plan file
// (`*-plan.json`) naming the files in order, or plain files with child records nested under their parent
// by relationship name — into the preview's org, resolving @references to the Ids it hands out. Every
// problem names the file and the record.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DmlError, type FieldValue, type OrgStore } from './store';

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
    store: OrgStore,
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

/** Inserts one record; returns its nested children, to load next. */
function insert(
    store: OrgStore,
    pending: Pending,
    index: number,
    references: Map<string, string>,
    counts: Record<string, number>
): Pending[] {
    const { file, record, sobject } = pending;
    const schema = store.schemas.get(sobject);
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
    let id: string;
    try {
        id = store.insert(sobject, values);
    } catch (error) {
        const message = error instanceof DmlError ? `${error.statusCode}: ${error.message}` : String(error);
        throw new Error(`${file}: record ${label(pending, index)} was refused — ${message}`);
    }
    if (record.attributes?.referenceId) references.set(record.attributes.referenceId, id);
    counts[sobject] = (counts[sobject] ?? 0) + 1;
    return children.flatMap(([relationship, nested]) =>
        nested.records.map((child): Pending => {
            const childType = child.attributes?.type;
            if (!childType)
                throw new Error(
                    `${file}: a record nested in ${relationship} of ${label(pending, index)} has no attributes.type`
                );
            return {
                file,
                record: child,
                sobject: childType,
                parent: {
                    id,
                    sobject,
                    relationship: childLookup(store, sobject, relationship, childType, file)
                }
            };
        })
    );
}

/**
 * Loads records until none is left; a record waits while it refers to one not loaded yet (files without a
 * plan come in any order), and a round that loads nothing names what is still waiting.
 */
function loadAll(
    store: OrgStore,
    queue: Pending[],
    references: Map<string, string>,
    counts: Record<string, number>
): void {
    let waiting = queue.map((pending, index) => ({ pending, index }));
    while (waiting.length) {
        const next: typeof waiting = [];
        let loaded = 0;
        for (const entry of waiting) {
            if (unresolved(entry.pending.record, references).length) {
                next.push(entry);
                continue;
            }
            const children = insert(store, entry.pending, entry.index, references, counts);
            loaded++;
            // children load right after their parent, before anything that waits
            loadAll(store, children, references, counts);
        }
        if (!loaded) {
            const first = next[0]!;
            throw new Error(
                `${first.pending.file}: ${label(first.pending, first.index)} refers to records no file holds (${unresolved(first.pending.record, references).join(', ')})`
            );
        }
        waiting = next;
    }
}

/** Loads a data folder with or without a plan; returns how many records each object got. */
export function loadTreeData(store: OrgStore, dir: string): Record<string, number> {
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
                pending.forEach((item, index) =>
                    loadAll(store, insert(store, item, index, references, counts), references, counts)
                );
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
    loadAll(store, queue, references, counts);
    return counts;
}
