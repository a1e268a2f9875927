// DML over the org, in the platform's order of execution for the parts Keystone uses ("Triggers and Order
// of Execution"): before triggers, then the store's system and custom validation (required fields,
// restricted picklists, references, lookup filters, unique fields, validation rules) and the save, then
// after triggers. A statement is all or none; Database methods with allOrNone=false retry the rows that
// did not fail, at most three attempts, as "Bulk DML Exception Handling" documents.
import { DmlError, type FieldValue } from '../../preview/emulator/store';
import { ApexSObject } from '../values';
import type { AccessMode, ApexOrg } from './apexOrg';
import { isSetupObject } from './securityBridge';
import { ENGINE_OBJECTS, MESSAGES } from './approvals';
import { UnsupportedError } from '../errors';

export type DmlOperation = 'insert' | 'update' | 'upsert' | 'delete' | 'undelete';
export type TriggerEvent =
    | 'before insert'
    | 'after insert'
    | 'before update'
    | 'after update'
    | 'before delete'
    | 'after delete'
    | 'after undelete';

/** How a DML operation runs: `workflow` is a field update of an approval process or workflow rule. */
export interface DmlOptions {
    /** system context: no sharing, no lock, no custom validation rules, not a DML statement of its own */
    workflow?: boolean;
}

export interface RowError {
    statusCode: string;
    message: string;
    fields: string[];
}

export interface RowResult {
    id: string | null;
    errors: RowError[];
    /** upsert: whether the row was inserted */
    created: boolean;
}

/** What the DML engine needs from the interpreter: running an object's triggers for one event. */
export interface TriggerHost {
    fireTriggers(
        object: string,
        event: TriggerEvent,
        news: ApexSObject[] | null,
        olds: ApexSObject[] | null
    ): void;
}

/** A whole-operation failure that is not a row's (the platform throws it as a DmlException). */
export class DmlOperationError extends Error {}

const TOO_MANY_RETRIES = 'Too many batch retries in the presence of Apex triggers and partial failures';

function fail(result: RowResult, statusCode: string, message: string, fields: string[] = []): void {
    result.errors.push({ statusCode, message, fields });
}

/** The field values a save sends to the store: what the record holds, less what no one may write. */
function storeValues(org: ApexOrg, record: ApexSObject): Record<string, FieldValue> {
    const values: Record<string, FieldValue> = {};
    for (const [name, value] of record.fields) {
        const field = org.catalog.field(record.type, name);
        if (!field || !field.writable) continue;
        values[field.name] = org.catalog.toStore(value);
    }
    return values;
}

function copyOf(record: ApexSObject): ApexSObject {
    const copy = new ApexSObject(record.type);
    for (const [name, value] of record.fields) copy.fields.set(name, value);
    for (const [name, value] of record.related) copy.related.set(name, value);
    return copy;
}

/** A saved record as triggers see it, formula fields evaluated (the store computes them when read). */
function storedRecord(org: ApexOrg, id: string): ApexSObject | null {
    const raw = org.store.get(id);
    if (!raw) return null;
    const record = org.catalog.recordOf(raw.attributes.type, raw);
    for (const field of org.store.schemas.get(raw.attributes.type)?.fields.values() ?? []) {
        if (!field.formula) continue;
        record.fields.set(
            field.name,
            org.catalog.toApex(
                org.catalog.field(record.type, field.name),
                org.store.resolvePath(raw, field.name)
            )
        );
    }
    return record;
}

/** Groups rows by object, keeping the statement's order, in chunks of 200 as triggers receive them. */
function chunks(rows: number[], typeOf: (row: number) => string): [string, number[]][] {
    const out: [string, number[]][] = [];
    for (const row of rows) {
        const last = out[out.length - 1];
        if (last && last[0] === typeOf(row) && last[1].length < 200) last[1].push(row);
        else out.push([typeOf(row), [row]]);
    }
    return out;
}

/**
 * Sharing on the masters a save names: a detail's master-detail field must point at a record the running
 * user may edit ("insufficient access rights on cross-reference id").
 */
function mastersEditable(org: ApexOrg, record: ApexSObject): boolean {
    const security = org.security;
    for (const [name, value] of record.fields) {
        const field = org.catalog.field(record.type, name);
        if (field?.type !== 'MasterDetail' || typeof value !== 'string') continue;
        const master = org.store.get(value);
        if (!master) continue;
        // the field's writeRequiresMasterRead: read access on the master is enough to save a detail
        const allowed = field.writeRequiresMasterRead
            ? security.isVisibleRow(master.attributes.type, master)
            : security.isEditableRow(master.attributes.type, master);
        if (!allowed) return false;
    }
    return true;
}

/** Objects whose records have an owner: not details (their master's access decides) nor setup objects. */
function ownsRecords(org: ApexOrg, object: string): boolean {
    return (
        Boolean(org.catalog.field(object, 'OwnerId')) &&
        !isSetupObject(object) &&
        !object.toLowerCase().endsWith('__mdt') &&
        org.access.sharingModel(object) !== 'ControlledByParent'
    );
}

/** The fields whose change makes a User update setup DML ("sObjects That Cannot Be Used Together…"). */
const USER_SETUP_FIELDS = [
    'userroleid',
    'isactive',
    'forecastenabled',
    'isportalenabled',
    'username',
    'profileid'
];

/** The mixed DML error of this statement, or null when it may run. */
function mixedDml(
    org: ApexOrg,
    records: ApexSObject[],
    kinds: ('insert' | 'update' | 'delete' | 'undelete')[]
): string | null {
    for (const [row, record] of records.entries()) {
        let kind: 'setup' | 'other' | 'neutral' = isSetupObject(record.type) ? 'setup' : 'other';
        if (record.type.toLowerCase() === 'user') {
            const written = [...record.fields.keys()].map((name) => name.toLowerCase());
            if (kinds[row] === 'insert' && !record.fields.get('UserRoleId')) kind = 'neutral';
            if (kinds[row] === 'update' && !written.some((name) => USER_SETUP_FIELDS.includes(name)))
                kind = 'neutral';
        }
        const clash = org.mixedDmlClash(record.type, kind);
        if (clash)
            return `DML operation on setup object is not permitted after you have updated a non-setup object (or vice versa): ${kind === 'setup' ? record.type : clash}, original object: ${kind === 'setup' ? clash : record.type}`;
    }
    return null;
}

/**
 * Runs one DML operation over `records`. Returns one result per record, in order. With `allOrNone`, any
 * row error rolls the whole statement back and the results carry the errors (the caller throws the
 * DmlException); without it the rows that can be saved are saved.
 */
export function runDml(
    org: ApexOrg,
    host: TriggerHost,
    operation: DmlOperation,
    records: ApexSObject[],
    allOrNone: boolean,
    access: AccessMode,
    options: DmlOptions = {}
): RowResult[] {
    const workflow = options.workflow === true;
    // a workflow field update is part of the save (or approval action) that caused it, not a statement
    if (!workflow) org.limits.countDml(records.length);
    const engineRow = records.find((record) => ENGINE_OBJECTS.has(record.type.toLowerCase()));
    if (engineRow) throw new UnsupportedError(`unsupported: DML on ${engineRow.type}`);
    const results: RowResult[] = records.map(() => ({ id: null, errors: [], created: false }));
    const seen = new Set<string>();
    // an upsert row is an insert when it has no Id
    const kinds = records.map((record): 'insert' | 'update' | 'delete' | 'undelete' =>
        operation === 'upsert' ? (record.fields.get('Id') ? 'update' : 'insert') : operation
    );
    const security = org.security;
    // user mode enforces sharing too; system mode only in `with sharing` code
    const sharing = !workflow && (access === 'user' || org.enforcesSharing());
    const clash = mixedDml(org, records, kinds);
    if (clash) {
        for (const result of results) fail(result, 'MIXED_DML_OPERATION', clash);
        return results;
    }
    records.forEach((record, row) => {
        const id = record.fields.get('Id');
        const result = results[row];
        const kind = kinds[row];
        if (sharing && (kind === 'insert' || kind === 'update') && !mastersEditable(org, record))
            fail(
                result,
                'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
                'insufficient access rights on cross-reference id'
            );
        const objectAccess =
            kind === 'insert'
                ? 'create'
                : kind === 'update'
                  ? 'edit'
                  : kind === 'delete'
                    ? 'delete'
                    : 'create';
        if (access === 'user' && !security.objectAccess(record.type, objectAccess)) {
            fail(result, 'INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id');
            return;
        }
        if (kind === 'insert') {
            if (id)
                fail(result, 'INVALID_FIELD_FOR_INSERT_UPDATE', 'cannot specify Id in an insert call', [
                    'Id'
                ]);
            if (access === 'user') {
                for (const name of Object.keys(storeValues(org, record)))
                    if (!security.fieldAccess(record.type, name, 'edit'))
                        fail(
                            result,
                            'INVALID_FIELD_FOR_INSERT_UPDATE',
                            `Unable to create/update fields: ${name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
                            [name]
                        );
            }
            return;
        }
        if (typeof id !== 'string' || !id) {
            const verb = kind === 'update' ? 'an update' : kind === 'delete' ? 'a delete' : 'an undelete';
            fail(result, 'MISSING_ARGUMENT', `Id not specified in ${verb} call`, ['Id']);
            return;
        }
        if (seen.has(id)) throw new DmlOperationError('Duplicate id in list: ' + id);
        seen.add(id);
        result.id = id;
        if (kind === 'undelete') {
            if (!org.recycleBin.has(id)) fail(result, 'UNDELETE_FAILED', 'Entity is not in the recycle bin');
        } else if (!org.store.get(id)) fail(result, 'ENTITY_IS_DELETED', 'entity is deleted');
        else if (
            !workflow &&
            org.approvals.isLocked(id) &&
            !org.approvals.mayEditLocked(org, org.runningUserId, id)
        ) {
            // the user is checked, not the code's mode: system-mode Apex does not pass a lock either
            // ("Approval Class": admins, and per the process the current approver, edit locked records)
            fail(result, 'ENTITY_IS_LOCKED', MESSAGES.locked);
        } else if (sharing) {
            const stored = org.store.get(id)!;
            const type = stored.attributes.type;
            const allowed =
                kind === 'delete'
                    ? security.isDeletableRow(type, stored)
                    : security.isEditableRow(type, stored);
            if (!allowed)
                fail(result, 'INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id');
        }
        if (kind === 'update' && access === 'user') {
            for (const name of Object.keys(storeValues(org, record)))
                if (!security.fieldAccess(record.type, name, 'edit'))
                    fail(
                        result,
                        'INVALID_FIELD_FOR_INSERT_UPDATE',
                        `Unable to create/update fields: ${name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
                        [name]
                    );
        }
    });
    if (allOrNone && results.some((result) => result.errors.length)) return results;

    const start = org.saveState();
    const limitsBefore = { ...org.limits };
    const failedBefore = new Set(results.flatMap((result, row) => (result.errors.length ? [row] : [])));
    for (let attempt = 1; ; attempt++) {
        const active = records.map((_, row) => row).filter((row) => !failedBefore.has(row));
        const attemptErrors = new Map<number, RowError[]>();
        let saved: Map<number, string>;
        try {
            saved = attemptSave(org, host, records, kinds, active, attemptErrors, workflow);
        } catch (error) {
            // a limit, an unsupported construct: nothing of the statement stays
            org.restoreState(start);
            throw error;
        }
        if (!attemptErrors.size) {
            for (const row of active) {
                results[row].id = saved.get(row) ?? results[row].id;
                results[row].created = kinds[row] === 'insert';
            }
            return results;
        }
        org.restoreState(start);
        for (const [row, errors] of attemptErrors) {
            results[row].errors.push(...errors);
            failedBefore.add(row);
        }
        if (allOrNone) return results;
        if (attempt === 3) throw new DmlOperationError(TOO_MANY_RETRIES);
        // the next attempt starts from the limits as they were before the first
        Object.assign(org.limits, limitsBefore);
        if (failedBefore.size === records.length) return results;
    }
}

/** One attempt over the active rows; the rows that fail go into `errors`. Returns the saved Ids by row. */
function attemptSave(
    org: ApexOrg,
    host: TriggerHost,
    records: ApexSObject[],
    kinds: ('insert' | 'update' | 'delete' | 'undelete')[],
    active: number[],
    errors: Map<number, RowError[]>,
    workflow = false
): Map<number, string> {
    const add = (row: number, error: RowError): void => {
        errors.set(row, [...(errors.get(row) ?? []), error]);
    };
    const collect = (row: number, record: ApexSObject): void => {
        for (const error of record.errors)
            add(row, {
                statusCode: error.statusCode ?? 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
                message: error.message,
                fields: error.field ? [error.field] : []
            });
    };
    const ids = new Map<number, string>();
    const news = new Map<number, ApexSObject>();
    const olds = new Map<number, ApexSObject>();
    for (const row of active) {
        const record = records[row];
        const id = record.fields.get('Id') as string | null;
        if (kinds[row] === 'insert') {
            const copy = copyOf(record);
            // a new record that names no owner is the running user's, as the platform sets it before triggers
            if (ownsRecords(org, record.type) && !copy.fields.get('OwnerId'))
                copy.fields.set('OwnerId', org.runningUserId);
            news.set(row, copy);
        } else if (kinds[row] === 'update') {
            const old = storedRecord(org, id!)!;
            olds.set(row, old);
            // Trigger.new holds the whole record as it will be saved: the stored fields, then the caller's
            const next = copyOf(old);
            for (const [name, value] of record.fields) next.fields.set(name, value);
            news.set(row, next);
        } else if (kinds[row] === 'delete') {
            olds.set(row, storedRecord(org, id!)!);
        } else {
            const binned = org.recycleBin.get(id!)!;
            news.set(row, org.catalog.recordOf(binned.attributes.type, binned));
        }
    }
    const groups = (rows: number[]): [string, number[]][] => chunks(rows, (row) => records[row].type);
    const event = (kind: string, when: 'before' | 'after'): string => `${when} ${kind}`;
    const runTriggers = (rows: number[], when: 'before' | 'after'): void => {
        for (const kind of ['insert', 'update', 'delete', 'undelete'] as const) {
            if (kind === 'undelete' && when === 'before') continue;
            const ofKind = rows.filter((row) => kinds[row] === kind && !errors.has(row));
            for (const [object, chunk] of groups(ofKind)) {
                const newList = kind === 'delete' ? null : chunk.map((row) => news.get(row)!);
                const oldList =
                    kind === 'insert' || kind === 'undelete' ? null : chunk.map((row) => olds.get(row)!);
                for (const record of [...(newList ?? []), ...(oldList ?? [])])
                    record.readOnly = when === 'after' || kind === 'delete';
                host.fireTriggers(object, event(kind, when) as TriggerEvent, newList, oldList);
                // a delete's errors are on Trigger.old, every other event's on Trigger.new
                for (const row of chunk) collect(row, news.get(row) ?? olds.get(row)!);
            }
        }
    };

    const save = (row: number): void => {
        const record = news.get(row) ?? olds.get(row)!;
        try {
            switch (kinds[row]) {
                case 'insert': {
                    const id = org.store.insert(record.type, storeValues(org, record));
                    // the platform stamps the creator and the creation time on every insert (an
                    // approval process's "creator" submitter is read from it); the new record is no
                    // snapshot's yet, so it may be stamped in place
                    const saved = org.store.get(id)!;
                    saved.CreatedById = org.runningUserId;
                    saved.CreatedDate =
                        (saved.LastModifiedDate as string | undefined) ?? new Date().toISOString();
                    ids.set(row, id);
                    break;
                }
                case 'update': {
                    const id = record.fields.get('Id') as string;
                    if (workflow)
                        withoutValidationRules(org, record.type, () =>
                            org.store.update(id, storeValues(org, record))
                        );
                    else org.store.update(id, storeValues(org, record));
                    ids.set(row, id);
                    break;
                }
                case 'delete': {
                    const id = record.fields.get('Id') as string;
                    org.recycleBin.set(id, org.store.get(id)!);
                    org.store.delete(id);
                    if (isSetupObject(record.type)) org.setupChanged();
                    ids.set(row, id);
                    break;
                }
                case 'undelete': {
                    const id = record.fields.get('Id') as string;
                    org.store.undelete(org.recycleBin.get(id)!);
                    org.recycleBin.delete(id);
                    if (isSetupObject(record.type)) org.setupChanged();
                    ids.set(row, id);
                    break;
                }
            }
        } catch (error) {
            if (!(error instanceof DmlError)) throw error;
            add(row, { statusCode: error.statusCode, message: error.message, fields: error.fields });
        }
    };
    // the order of execution runs per chunk of 200: a later chunk's before triggers see what earlier
    // chunks saved ("Triggers and Order of Execution"; "Bulk Triggers": 200 records at a time)
    for (const [, chunk] of groups(active)) {
        runTriggers(chunk, 'before');
        for (const row of chunk) {
            if (errors.has(row)) continue;
            save(row);
        }
        // after triggers see the saved records: Ids, system fields, what before triggers set
        const afterRows = chunk.filter((row) => !errors.has(row));
        for (const row of afterRows) {
            if (kinds[row] === 'delete') continue;
            const saved = storedRecord(org, ids.get(row)!);
            if (saved) news.set(row, saved);
        }
        // an attempt with a failed row is rolled back: its after triggers would only be undone
        if (!errors.size) runTriggers(afterRows, 'after');
    }
    return ids;
}

/** Runs a save with the object's custom validation rules switched off (workflow field updates skip them). */
function withoutValidationRules(org: ApexOrg, object: string, work: () => void): void {
    const schema = org.store.schemas.get(object);
    if (!schema) return work();
    const rules = schema.validationRules;
    schema.validationRules = [];
    try {
        work();
    } finally {
        schema.validationRules = rules;
    }
}
