// The preview's in-memory org: records per object, inserted and updated through the same checks the
// platform applies from our metadata — required fields, restricted picklists, references, validation
// rules — with the platform's own error messages.
import { evaluateFormula, type FormulaValue } from './formula';
import { IdFactory, isValidId } from './ids';
import type { ObjectSchema } from './schema';

export type FieldValue = string | number | boolean | null;
export type SObjectRecord = { Id: string; attributes: { type: string } } & Record<
    string,
    FieldValue | { type: string }
>;

/** A DML failure with the status code and message Salesforce gives (DmlException.getDmlMessage). */
export class DmlError extends Error {
    constructor(
        readonly statusCode: string,
        message: string,
        readonly fields: string[] = []
    ) {
        super(message);
        this.name = 'DmlError';
    }
}

// Standard fields every custom object has; writes to the system ones are refused like the platform does.
const SYSTEM_FIELDS = new Set([
    'Id',
    'CreatedDate',
    'CreatedById',
    'LastModifiedDate',
    'LastModifiedById',
    'SystemModstamp',
    'IsDeleted'
]);
const WRITABLE_STANDARD = new Set(['Name', 'OwnerId', 'CurrencyIsoCode', 'RecordTypeId']);

/** Per-object behaviour the platform runs around a save (Keystone's Apex trigger actions, in TypeScript). */
export interface SaveBehaviour {
    /** Before the checks: may set fields; may throw a DmlError to refuse the save. */
    beforeSave?(store: OrgStore, record: SObjectRecord, prior: SObjectRecord | undefined): void;
    /** After the save: may write related records. */
    afterSave?(store: OrgStore, record: SObjectRecord, prior: SObjectRecord | undefined): void;
}

/** What {@link OrgStore.snapshot} keeps: the records of every object at that moment. */
export interface OrgSnapshot {
    readonly records: ReadonlyMap<string, ReadonlyMap<string, SObjectRecord>>;
}

export class OrgStore {
    readonly ids: IdFactory;
    behaviours: Record<string, SaveBehaviour[]> = {};
    private readonly records = new Map<string, Map<string, SObjectRecord>>();
    private readonly byId = new Map<string, SObjectRecord>();
    /** The user the preview saves as (LastModifiedById), when the demo data names one. */
    currentUserId: string | null = null;
    private lastStamp = 0;

    constructor(
        readonly schemas: Map<string, ObjectSchema>,
        readonly today: string = new Date().toISOString().slice(0, 10)
    ) {
        this.ids = new IdFactory(
            [...schemas.values()].filter((schema) => schema.custom).map((schema) => schema.name)
        );
    }

    /** The behaviours of an object, by own key only (an object name from a request is never "constructor"). */
    private behavioursOf(sobject: string): readonly SaveBehaviour[] {
        return Object.hasOwn(this.behaviours, sobject) ? (this.behaviours[sobject] ?? []) : [];
    }

    get(id: string): SObjectRecord | undefined {
        return this.byId.get(id) ?? this.byId.get(id.slice(0, 15) + (id.length === 15 ? '' : id.slice(15)));
    }

    /** All records of an object, in insertion order. */
    all(sobject: string): SObjectRecord[] {
        return [...(this.records.get(sobject)?.values() ?? [])];
    }

    insert(sobject: string, values: Record<string, FieldValue>): string {
        const schema = this.schemas.get(sobject);
        const record = { attributes: { type: sobject }, Id: '' } as SObjectRecord;
        if (schema) {
            for (const field of schema.fields.values()) {
                if (field.defaultValue !== undefined && values[field.name] === undefined)
                    record[field.name] = field.defaultValue;
            }
        }
        this.assign(sobject, record, values);
        record.Id = this.ids.next(sobject);
        this.stamp(record);
        if (schema?.autoNumberFormat) record.Name = this.nextAutoNumber(sobject, schema.autoNumberFormat);
        for (const behaviour of this.behavioursOf(sobject)) behaviour.beforeSave?.(this, record, undefined);
        this.validate(sobject, record, undefined);
        this.store(sobject, record);
        for (const behaviour of this.behavioursOf(sobject)) behaviour.afterSave?.(this, record, undefined);
        return record.Id;
    }

    update(id: string, values: Record<string, FieldValue>): void {
        const existing = this.get(id);
        if (!existing) throw new DmlError('ENTITY_IS_DELETED', 'entity is deleted');
        const sobject = existing.attributes.type;
        const next = { ...existing } as SObjectRecord;
        this.assign(sobject, next, values);
        this.stamp(next);
        for (const behaviour of this.behavioursOf(sobject)) behaviour.beforeSave?.(this, next, existing);
        this.validate(sobject, next, existing);
        this.store(sobject, next);
        for (const behaviour of this.behavioursOf(sobject)) behaviour.afterSave?.(this, next, existing);
    }

    /** Deletes a record (no cascade: the preview deletes only records nothing depends on). */
    delete(id: string): void {
        const existing = this.get(id);
        if (!existing) throw new DmlError('ENTITY_IS_DELETED', 'entity is deleted');
        this.records.get(existing.attributes.type)?.delete(existing.Id);
        this.byId.delete(existing.Id);
    }

    /** The saved records as they stand, so a caller can roll a statement or a savepoint back (Apex DML). */
    snapshot(): OrgSnapshot {
        return { records: new Map([...this.records].map(([type, rows]) => [type, new Map(rows)])) };
    }

    /** Puts the saved records back as a snapshot held them (Ids and auto-numbers are not reused, as in an org). */
    restore(snapshot: OrgSnapshot): void {
        this.records.clear();
        this.byId.clear();
        for (const [type, rows] of snapshot.records) {
            this.records.set(type, new Map(rows));
            for (const [id, record] of rows) this.byId.set(id, record);
        }
    }

    /** Puts a deleted record back under its own Id (Apex undelete from the recycle bin). */
    undelete(record: SObjectRecord): void {
        if (this.get(record.Id)) throw new DmlError('UNDELETE_FAILED', 'Entity is not in the recycle bin');
        this.store(record.attributes.type, record);
    }

    /**
     * Sets the system stamps a save sets (the version Keystone's edits carry). Strictly increasing, so
     * two saves in the same millisecond still differ: the preview shows a conflict whenever there is one.
     */
    private stamp(record: SObjectRecord): void {
        this.lastStamp = Math.max(Date.now(), this.lastStamp + 1);
        const at = new Date(this.lastStamp).toISOString();
        record.LastModifiedDate = at;
        record.SystemModstamp = at;
        record.LastModifiedById = this.currentUserId;
    }

    private readonly autoNumbers = new Map<string, number>();

    /** "CELL-{00000}" → CELL-00001, CELL-00002… per object, as the platform numbers names. */
    private nextAutoNumber(sobject: string, format: string): string {
        const next = (this.autoNumbers.get(sobject) ?? 0) + 1;
        this.autoNumbers.set(sobject, next);
        return format.replace(/\{(0+)\}/, (_, zeros: string) => String(next).padStart(zeros.length, '0'));
    }

    private store(sobject: string, record: SObjectRecord): void {
        if (!this.records.has(sobject)) this.records.set(sobject, new Map());
        this.records.get(sobject)!.set(record.Id, record);
        this.byId.set(record.Id, record);
    }

    private assign(sobject: string, record: SObjectRecord, values: Record<string, FieldValue>): void {
        const schema = this.schemas.get(sobject);
        for (const [name, value] of Object.entries(values)) {
            if (name === 'attributes' || name === 'Id') continue;
            // a field is a name and a plain value: never a prototype key, never an object
            if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name) || ['constructor', 'prototype'].includes(name))
                throw new DmlError(
                    'INVALID_FIELD',
                    `No such column '${name}' on sobject of type ${sobject}`,
                    [name]
                );
            if (value !== null && value !== undefined && typeof value === 'object')
                throw new DmlError('INVALID_TYPE_ON_FIELD_IN_RECORD', `${name}: value not of required type`, [
                    name
                ]);
            if (SYSTEM_FIELDS.has(name)) {
                throw new DmlError(
                    'INVALID_FIELD_FOR_INSERT_UPDATE',
                    `Unable to create/update fields: ${name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
                    [name]
                );
            }
            if (schema?.fields.get(name)?.formula) {
                throw new DmlError(
                    'INVALID_FIELD_FOR_INSERT_UPDATE',
                    `Unable to create/update fields: ${name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
                    [name]
                );
            }
            if (schema?.custom && !schema.fields.has(name) && !WRITABLE_STANDARD.has(name)) {
                throw new DmlError(
                    'INVALID_FIELD',
                    `No such column '${name}' on sobject of type ${sobject}`,
                    [name]
                );
            }
            record[name] = value === undefined ? null : value;
        }
    }

    private validate(sobject: string, record: SObjectRecord, prior: SObjectRecord | undefined): void {
        const schema = this.schemas.get(sobject);
        if (!schema) return;
        const missing = [...schema.fields.values()]
            .filter(
                (field) =>
                    field.required &&
                    (record[field.name] === null ||
                        record[field.name] === undefined ||
                        record[field.name] === '')
            )
            .map((field) => field.name);
        if (schema.custom && (record.Name === null || record.Name === undefined || record.Name === ''))
            missing.unshift('Name');
        if (missing.length) {
            throw new DmlError(
                'REQUIRED_FIELD_MISSING',
                `Required fields are missing: [${missing.join(', ')}]`,
                missing
            );
        }
        for (const field of schema.fields.values()) {
            const value = record[field.name];
            if (value === null || value === undefined) continue;
            if (field.picklistValues && field.restricted && !field.picklistValues.includes(String(value))) {
                throw new DmlError(
                    'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
                    `${field.label}: bad value for restricted picklist field: ${String(value)}`,
                    [field.name]
                );
            }
            if ((field.type === 'Lookup' || field.type === 'MasterDetail') && field.referenceTo) {
                const target = isValidId(value) ? this.get(value) : undefined;
                if (!target || target.attributes.type !== field.referenceTo) {
                    throw new DmlError('INVALID_CROSS_REFERENCE_KEY', `invalid cross reference id`, [
                        field.name
                    ]);
                }
            }
            if (field.lookupFilter && !this.passesFilter(record, field.lookupFilter)) {
                throw new DmlError('FIELD_FILTER_VALIDATION_EXCEPTION', field.lookupFilter.message, [
                    field.name
                ]);
            }
            if (field.unique) {
                const clash = this.all(sobject).find(
                    (other) =>
                        other.Id !== record.Id &&
                        String(other[field.name] ?? '').toLowerCase() === String(value).toLowerCase()
                );
                if (clash) {
                    throw new DmlError(
                        'DUPLICATE_VALUE',
                        `duplicate value found: ${field.name} duplicates value on record with id: ${clash.Id}`,
                        [field.name]
                    );
                }
            }
            if (field.type === 'Date' && !/^\d{4}-\d{2}-\d{2}$/.test(String(value))) {
                throw new DmlError(
                    'INVALID_TYPE_ON_FIELD_IN_RECORD',
                    `${field.label}: value not of required type: ${String(value)}`,
                    [field.name]
                );
            }
            if (['Currency', 'Number', 'Percent'].includes(field.type) && !Number.isFinite(Number(value))) {
                throw new DmlError(
                    'INVALID_TYPE_ON_FIELD_IN_RECORD',
                    `${field.label}: value not of required type: ${String(value)}`,
                    [field.name]
                );
            }
        }
        for (const rule of schema.validationRules) {
            const fires = evaluateFormula(rule.formula, {
                field: (path) =>
                    path.startsWith('$') ? this.globalValue(path) : this.resolvePath(record, path),
                prior: (path) => (prior ? this.resolvePath(prior, path) : undefined),
                isNew: !prior,
                today: this.today
            });
            if (fires === true) {
                throw new DmlError(
                    'FIELD_CUSTOM_VALIDATION_EXCEPTION',
                    rule.message,
                    rule.field ? [rule.field] : []
                );
            }
        }
    }

    private passesFilter(
        record: SObjectRecord,
        filter: { items: { field: string; operation: string; value?: string; valueField?: string }[] }
    ): boolean {
        return filter.items.every((item) => {
            // "Offering__c.Active__c": the looked-up record's field, reached through the lookup on this record
            const [lookupField = '', ...rest] = item.field.split('.');
            const targetId = record[lookupField];
            const target = typeof targetId === 'string' ? this.get(targetId) : undefined;
            if (!target) return true;
            const actual = this.resolvePath(target, rest.join('.'));
            const expected: FormulaValue = item.valueField
                ? this.resolvePath(record, item.valueField.replace(/^\$Source\./, ''))
                : item.value === 'True' || item.value === 'False'
                  ? item.value === 'True'
                  : (item.value ?? null);
            const same =
                String(actual ?? '') === String(expected ?? '') ||
                (typeof expected === 'boolean' && Boolean(actual) === expected);
            return item.operation === 'notEqual' ? !same : same;
        });
    }

    /**
     * A formula's global variable: `$User.Id` is the running user; `$Permission.Name` whether they hold the
     * custom permission, answered by {@link permissionCheck} (the Apex runtime's security model), else no.
     */
    globalValue(path: string): FormulaValue {
        const [scope = '', name = ''] = path.split('.');
        if (scope.toLowerCase() === '$user' && name.toLowerCase() === 'id') return this.currentUserId;
        if (scope.toLowerCase() === '$permission') return this.permissionCheck?.(name) ?? false;
        throw new Error(`formula global ${path} is not supported by the preview`);
    }

    /** Whether the running user holds a custom permission; set by whoever knows the user's rights. */
    permissionCheck: ((name: string) => boolean) | null = null;

    /** A field value by path, following __r relationships (Account__r.Name) through lookups. */
    resolvePath(record: SObjectRecord, path: string): FormulaValue {
        const [head, ...rest] = path.split('.');
        if (!head) return null;
        if (!rest.length) {
            const formula = this.schemas.get(record.attributes.type)?.fields.get(head)?.formula;
            if (formula) {
                return evaluateFormula(formula, {
                    field: (p) => this.resolvePath(record, p),
                    prior: () => undefined,
                    isNew: false,
                    today: this.today
                });
            }
            const value = record[head];
            return value === undefined || typeof value === 'object'
                ? ((value ?? null) as FormulaValue)
                : value;
        }
        const lookupField = head.endsWith('__r') ? `${head.slice(0, -3)}__c` : `${head}Id`;
        const target = record[lookupField];
        const related = typeof target === 'string' ? this.get(target) : undefined;
        return related ? this.resolvePath(related, rest.join('.')) : null;
    }
}
