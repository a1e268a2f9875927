// Loads data in `sf data import tree` plan format — the same files that seed a scratch org — into the
// preview's org, resolving @references to the Ids it hands out.
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
    attributes: { type: string; referenceId?: string };
    [field: string]: FieldValue | { type: string; referenceId?: string } | undefined;
}

/** Finds the plan file of a data folder: the one `*-plan.json`. */
export function findPlan(dir: string): string {
    const plans = fs.readdirSync(dir).filter((file) => file.endsWith('-plan.json'));
    if (plans.length !== 1) {
        throw new Error(`${dir}: expected exactly one *-plan.json data plan, found ${plans.length}`);
    }
    return path.join(dir, plans[0]!);
}

/** Loads every file of the plan in order; returns how many records each object got. */
export function loadTreeData(store: OrgStore, dir: string): Record<string, number> {
    const planFile = findPlan(dir);
    const plan = JSON.parse(fs.readFileSync(planFile, 'utf8')) as PlanEntry[];
    const references = new Map<string, string>();
    const counts: Record<string, number> = {};
    for (const entry of plan) {
        for (const file of entry.files) {
            const content = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as {
                records: TreeRecord[];
            };
            for (const record of content.records) {
                const values: Record<string, FieldValue> = {};
                for (const [field, value] of Object.entries(record)) {
                    if (
                        field === 'attributes' ||
                        value === undefined ||
                        (typeof value === 'object' && value !== null)
                    )
                        continue;
                    if (typeof value === 'string' && value.startsWith('@')) {
                        const id = references.get(value.slice(1));
                        if (!id)
                            throw new Error(
                                `${file}: ${record.attributes.referenceId ?? '?'}.${field} refers to unknown ${value}`
                            );
                        values[field] = id;
                    } else {
                        values[field] = value;
                    }
                }
                let id: string;
                try {
                    id = store.insert(entry.sobject, values);
                } catch (error) {
                    const message =
                        error instanceof DmlError ? `${error.statusCode}: ${error.message}` : String(error);
                    throw new Error(
                        `${file}: record ${record.attributes.referenceId ?? '?'} was refused — ${message}`
                    );
                }
                if (record.attributes.referenceId) references.set(record.attributes.referenceId, id);
                counts[entry.sobject] = (counts[entry.sobject] ?? 0) + 1;
            }
        }
    }
    return counts;
}
