// The platform classes that talk to the org: SObject fields and methods, Schema tokens and describe
// results, Database (DML, savepoints, the query seam), DmlException, Limits, UserInfo, Crypto, Test.
import { randomBytes } from 'node:crypto';
import { isValidId } from '../../preview/emulator/ids';
import { CompileError, UnsupportedError, unsupported } from '../errors';
import type { Interpreter } from '../interpreter';
import { simpleType } from '../registry';
import { apexEquals, toApexString, typeNameOf } from '../semantics';
import {
    ApexDate,
    ApexDatetime,
    ApexList,
    ApexMap,
    ApexNumber,
    ApexObject,
    ApexSet,
    ApexSObject,
    EnumValue,
    PlatformObject,
    SObjectFieldToken,
    SObjectTypeToken,
    Value,
    blobOf,
    isNumber
} from '../values';
import type { AccessMode, ApexOrg } from './apexOrg';
import type { FieldInfo } from './catalog';
import {
    DmlOperationError,
    runDml,
    type DmlOperation,
    type RowError,
    type RowResult,
    type TriggerHost
} from './dml';
import { LimitExceeded } from './limits';
import { approvalMethod, approvalStatic } from './approvalApex';
import { asyncMethod, asyncStatic } from './asyncJobs';

type Host = Interpreter & TriggerHost & { org: ApexOrg };

const SOAP_TYPES: Record<string, string> = {
    Id: 'ID',
    String: 'STRING',
    Boolean: 'BOOLEAN',
    Decimal: 'DOUBLE',
    Double: 'DOUBLE',
    Integer: 'INTEGER',
    Date: 'DATE',
    Datetime: 'DATETIME'
};

function enumConstant(interp: Interpreter, enumName: string, constant: string): EnumValue {
    const cls = interp.system.get(enumName.toLowerCase());
    if (!cls) throw new Error(`no system enum ${enumName}`);
    const value = interp.enumValuesOf(cls).find((each) => each.name === constant);
    if (!value) throw new UnsupportedError(`unsupported: ${enumName}.${constant}`);
    return value;
}

// ---------- SObject fields ----------

/** Converts a value for a field as assignment does; a wrong type fails as the platform's put does. */
export function valueForField(interp: Interpreter, field: FieldInfo, value: Value): Value {
    if (value === null) return null;
    const illegal = (): never =>
        interp.fail('SObjectException', `Illegal assignment from ${typeNameOf(value)} to ${field.apexType}`);
    switch (field.apexType) {
        case 'String':
            return typeof value === 'string' ? value : illegal();
        case 'Id':
            if (typeof value !== 'string') return illegal();
            if (!isValidId(value)) interp.fail('StringException', `Invalid id: ${value}`);
            return value;
        case 'Decimal':
            return isNumber(value)
                ? ApexNumber.decimal(value.value, value.kind === 'Decimal' ? value.scale : undefined)
                : illegal();
        case 'Integer':
            return isNumber(value) && value.kind === 'Integer' ? value : illegal();
        case 'Double':
            return isNumber(value) ? ApexNumber.double(value.value) : illegal();
        case 'Blob':
            return value instanceof PlatformObject && value.kind === 'Blob' ? value : illegal();
        case 'Boolean':
            return typeof value === 'boolean' ? value : illegal();
        case 'Date':
            return value instanceof ApexDate ? value : illegal();
        case 'Datetime':
            return value instanceof ApexDatetime ? value : illegal();
    }
}

/**
 * `record.Field` (static: an unknown name would not compile) or `record.get('Field')` (dynamic: an
 * unknown name is an SObjectException at run time).
 */
export function readSObjectField(interp: Host, record: ApexSObject, name: string, dynamic: boolean): Value {
    const catalog = interp.org.catalog;
    const field = catalog.field(record.type, name);
    if (field) {
        if (record.queried && !record.fields.has(field.name) && field.name !== 'Id')
            interp.fail(
                'SObjectException',
                `SObject row was retrieved via SOQL without querying the requested field: ${record.type}.${field.name}`
            );
        return record.fields.get(field.name) ?? null;
    }
    const relationship = catalog.relationship(record.type, name);
    const key =
        relationship?.relationshipName ??
        [...record.related.keys()].find((k) => k.toLowerCase() === name.toLowerCase());
    if (key !== undefined) {
        if (dynamic) interp.fail('SObjectException', `Invalid field ${name} for ${record.type}`);
        return record.related.get(key) ?? null;
    }
    if (dynamic) interp.fail('SObjectException', `Invalid field ${name} for ${record.type}`);
    throw new CompileError(`Variable does not exist: ${name} (no field ${name} on ${record.type})`);
}

export function writeSObjectField(
    interp: Host,
    record: ApexSObject,
    name: string,
    value: Value,
    dynamic: boolean
): void {
    if (record.readOnly) interp.fail('FinalException', 'Record is read-only');
    const catalog = interp.org.catalog;
    const field = catalog.field(record.type, name);
    if (field) {
        if (!field.writable && field.name !== 'Id') {
            if (dynamic) interp.fail('SObjectException', `Field ${field.name} is not editable`);
            throw new CompileError(`Field is not writeable: ${record.type}.${field.name}`);
        }
        record.fields.set(field.name, valueForField(interp, field, value));
        return;
    }
    const relationship = catalog.relationship(record.type, name);
    if (relationship?.relationshipName && !dynamic) {
        if (value !== null && !(value instanceof ApexSObject))
            interp.fail('SObjectException', `Illegal assignment from ${typeNameOf(value)} to SObject`);
        record.related.set(relationship.relationshipName, value);
        return;
    }
    if (dynamic) interp.fail('SObjectException', `Invalid field ${name} for ${record.type}`);
    throw new CompileError(`Variable does not exist: ${name} (no field ${name} on ${record.type})`);
}

function fieldName(interp: Host, record: ApexSObject, key: Value): string {
    if (key instanceof SObjectFieldToken) {
        if (key.object !== record.type)
            interp.fail('SObjectException', `Invalid field ${key.object}.${key.field} for ${record.type}`);
        return key.field;
    }
    if (typeof key === 'string') return key;
    if (key === null) interp.npe();
    throw new UnsupportedError(`unsupported: field key of type ${typeNameOf(key)}`);
}

export function newSObject(interp: Host, object: string, id: Value = null): ApexSObject {
    const info = interp.org.catalog.object(object);
    if (!info) throw new CompileError(`Invalid type: ${object}`);
    const record = new ApexSObject(info.name);
    if (id !== null) writeSObjectField(interp, record, 'Id', id, true);
    return record;
}

function cloneRecord(record: ApexSObject, preserveId: boolean): ApexSObject {
    const copy = new ApexSObject(record.type);
    for (const [name, value] of record.fields) if (preserveId || name !== 'Id') copy.fields.set(name, value);
    for (const [name, value] of record.related) copy.related.set(name, value);
    return copy;
}

export function sobjectMethod(
    interp: Host,
    record: ApexSObject,
    method: string,
    args: Value[],
    file: string,
    line: number
): Value {
    const [a, b] = args;
    switch (method) {
        case 'get':
            return readSObjectField(interp, record, fieldName(interp, record, a), true);
        case 'put': {
            const name = fieldName(interp, record, a);
            const previous = readSObjectField(interp, record, name, true);
            writeSObjectField(interp, record, name, b, true);
            return previous;
        }
        case 'getsobject':
            return (
                record.related.get(
                    interp.org.catalog.relationship(record.type, fieldName(interp, record, a))
                        ?.relationshipName ?? String(a)
                ) ?? null
            );
        case 'getsobjects': {
            const wanted = String(a).toLowerCase();
            const key = [...record.related.keys()].find((k) => k.toLowerCase() === wanted);
            return key ? (record.related.get(key) ?? null) : null;
        }
        case 'getsobjecttype':
            return interp.org.catalog.typeToken(record.type);
        case 'getpopulatedfieldsasmap': {
            const map = new ApexMap(simpleType('String'), simpleType('Object'));
            const entries: [string, Value][] = [...record.fields, ...record.related];
            for (const [name, value] of entries) map.entries.set(`s:${name}`, [name, value]);
            return map;
        }
        case 'isset': {
            const name = fieldName(interp, record, a);
            const field = interp.org.catalog.field(record.type, name);
            return field ? record.fields.has(field.name) : false;
        }
        case 'clone':
            // clone(preserveId, isDeepClone, …): deep and shallow are the same for records without children here
            return cloneRecord(record, a === true);
        case 'adderror':
            if (a === null || a === undefined) interp.npe();
            record.errors.push({
                message: a instanceof ApexObject ? String(a.fields.get('message') ?? '') : toApexString(a),
                field: null
            });
            return null;
        case 'geterrors':
            return new ApexList(
                simpleType('Database.Error'),
                record.errors.map((error) =>
                    databaseError(
                        error.statusCode ?? 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
                        error.message,
                        error.field ? [error.field] : []
                    )
                )
            );
        case 'haserrors':
            return record.errors.length > 0;
        case 'equals':
            return apexEquals(interp, record, a ?? null, true);
        case 'tostring':
            return toApexString(record);
    }
    throw unsupported(`SObject method ${method}`, file, line);
}

/** `record.Field.addError(message)`: the error is the row's, shown on that field. */
export function addFieldError(interp: Host, record: ApexSObject, name: string, message: Value): void {
    const field = interp.org.catalog.field(record.type, name);
    if (!field)
        throw new CompileError(`Variable does not exist: ${name} (no field ${name} on ${record.type})`);
    if (message === null) interp.npe();
    record.errors.push({ message: toApexString(message), field: field.name });
}

// ---------- Schema ----------

function describeObject(object: string): PlatformObject {
    return new PlatformObject(
        'Schema.DescribeSObjectResult',
        ['schema.describesobjectresult', 'describesobjectresult'],
        { object }
    );
}

export function describeField(object: string, field: string): PlatformObject {
    return new PlatformObject(
        'Schema.DescribeFieldResult',
        ['schema.describefieldresult', 'describefieldresult'],
        { object, field }
    );
}

function databaseError(statusCode: string, message: string, fields: string[]): PlatformObject {
    return new PlatformObject('Database.Error', ['database.error'], { statusCode, message, fields });
}

/** `Schema.SObjectType.Contact` (a describe) and `Contact.X` members on an object's name. */
export function objectMember(interp: Host, object: string, name: string, file: string, line: number): Value {
    const catalog = interp.org.catalog;
    if (name === 'sobjecttype') return catalog.typeToken(object);
    if (catalog.field(object, name)) return catalog.fieldToken(object, name);
    throw new CompileError(
        `Variable does not exist: ${name} (no field ${name} on ${object}) at ${file}:${line}`
    );
}

export function describeObjectOf(interp: Host, object: string): PlatformObject {
    const info = interp.org.catalog.object(object);
    if (!info) throw new CompileError(`Invalid type: ${object}`);
    return describeObject(info.name);
}

/** Static calls on an object's name: custom metadata `getInstance`/`getAll`. */
export function objectStaticCall(
    interp: Host,
    object: string,
    method: string,
    args: Value[],
    file: string,
    line: number
): Value {
    const catalog = interp.org.catalog;
    const info = catalog.object(object)!;
    if (info.isMetadata && method === 'getinstance') {
        if (args[0] === null) interp.npe();
        return catalog.metadataRecord(info.name, toApexString(args[0]));
    }
    if (info.isMetadata && method === 'getall') {
        const map = new ApexMap(simpleType('String'), simpleType(info.name));
        for (const name of catalog.metadataNames(info.name))
            map.entries.set(`s:${name}`, [name, catalog.metadataRecord(info.name, name)]);
        return map;
    }
    throw unsupported(`${info.name}.${method}`, file, line);
}

export function platformMember(
    interp: Host,
    target: PlatformObject,
    name: string,
    file: string,
    line: number
): Value {
    if (target.kind === 'Schema.DescribeSObjectResult' && name === 'fields')
        return new PlatformObject('Schema.SObjectTypeFields', ['schema.sobjecttypefields'], target.props);
    if (target.kind === 'Schema.SObjectTypeFields') {
        const object = String(target.props.object);
        const field = interp.org.catalog.field(object, name);
        if (!field)
            throw new CompileError(`Variable does not exist: ${name} (no field ${name} on ${object})`);
        return describeField(object, field.name);
    }
    throw unsupported(`${target.kind}.${name}`, file, line);
}

export function tokenMethod(
    interp: Host,
    token: SObjectTypeToken | SObjectFieldToken,
    method: string,
    args: Value[],
    file: string,
    line: number
): Value {
    if (token instanceof SObjectTypeToken) {
        switch (method) {
            case 'getdescribe':
                return describeObject(token.object);
            case 'newsobject':
                return newSObject(interp, token.object, args[0] ?? null);
            case 'tostring':
                return token.object;
            case 'equals':
                return token === args[0];
        }
    } else {
        switch (method) {
            case 'getdescribe':
                return describeField(token.object, token.field);
            case 'tostring':
                return token.field;
            case 'equals':
                return token === args[0];
        }
    }
    throw unsupported(`${typeNameOf(token)}.${method}`, file, line);
}

export function platformMethod(
    interp: Host,
    target: PlatformObject,
    method: string,
    args: Value[],
    file: string,
    line: number
): Value {
    const org = interp.org;
    const props = target.props;
    void args;
    // setters answer null (a value): only undefined means "not theirs"
    const approval = approvalMethod(interp, target, method, args);
    if (approval !== undefined) return approval;
    const job = asyncMethod(interp, target, method, args);
    if (job !== undefined) return job;
    switch (target.kind) {
        case 'EventBus.TestBroker':
            // Test.getEventBus().deliver(): the subscribers get what was published ("Testing Your
            // Platform Event in Apex")
            if (method === 'deliver') {
                interp.deliverEvents();
                return null;
            }
            break;
        case 'Blob': {
            const bytes = props.bytes as Buffer;
            if (method === 'size') return ApexNumber.int(bytes.length);
            if (method === 'tostring') {
                // the platform refuses bytes that are not UTF-8 text
                const text = new TextDecoder('utf-8', { fatal: true });
                try {
                    return text.decode(bytes);
                } catch {
                    interp.fail('StringException', 'BLOB is not a valid UTF-8 string');
                }
            }
            break;
        }
        case 'AggregateResult': {
            // an AggregateResult reads its aliases (expr0, expr1… when unnamed) through get, without regard to case
            const values = props.values as Map<string, [string, Value]>;
            const [key] = args;
            if (method === 'get') {
                if (key === null || key === undefined) interp.npe();
                const entry = values.get(toApexString(key).toLowerCase());
                if (!entry)
                    interp.fail('SObjectException', `Invalid field ${toApexString(key)} for AggregateResult`);
                return entry[1];
            }
            if (method === 'getpopulatedfieldsasmap') {
                const map = new ApexMap(simpleType('String'), simpleType('Object'));
                for (const [alias, value] of values.values()) map.entries.set(`s:${alias}`, [alias, value]);
                return map;
            }
            if (method === 'tostring') return toApexString(target);
            break;
        }
        case 'Schema.DescribeSObjectResult': {
            const info = org.catalog.object(String(props.object))!;
            switch (method) {
                case 'getname':
                    return info.name;
                case 'getlabel':
                    return info.label;
                case 'getlabelplural':
                    return info.labelPlural;
                case 'iscustom':
                    return info.custom;
                case 'getsobjecttype':
                    return org.catalog.typeToken(info.name);
                case 'getkeyprefix':
                    return org.store.ids.prefixOf(info.name);
                case 'isaccessible':
                case 'isqueryable':
                    return org.security.objectAccess(info.name, 'read');
                case 'iscreateable':
                    return !info.isMetadata && org.security.objectAccess(info.name, 'create');
                case 'isupdateable':
                    return !info.isMetadata && org.security.objectAccess(info.name, 'edit');
                case 'isdeletable':
                    return !info.isMetadata && org.security.objectAccess(info.name, 'delete');
            }
            break;
        }
        case 'Schema.SObjectTypeFields':
            if (method === 'getmap') {
                const info = org.catalog.object(String(props.object))!;
                const map = new ApexMap(simpleType('String'), simpleType('Schema.SObjectField'));
                map.ignoreKeyCase = true;
                // the platform's keys are lower-case names, and get/containsKey ignore case
                for (const field of info.fields.values())
                    map.entries.set(`s:${field.name.toLowerCase()}`, [
                        field.name.toLowerCase(),
                        org.catalog.fieldToken(info.name, field.name)
                    ]);
                return map;
            }
            break;
        case 'Schema.DescribeFieldResult': {
            const object = String(props.object);
            const field = org.catalog.field(object, String(props.field))!;
            switch (method) {
                case 'getname':
                case 'getlocalname':
                    return field.name;
                case 'getlabel':
                    return field.label;
                case 'getsoaptype':
                    return enumConstant(interp, 'SoapType', SOAP_TYPES[field.apexType] ?? 'STRING');
                case 'getpicklistvalues':
                    return new ApexList(
                        simpleType('Schema.PicklistEntry'),
                        (field.picklistValues ?? []).map(
                            (value) =>
                                new PlatformObject(
                                    'Schema.PicklistEntry',
                                    ['schema.picklistentry', 'picklistentry'],
                                    {
                                        value,
                                        label: value,
                                        isDefault: value === field.defaultValue
                                    }
                                )
                        )
                    );
                case 'getreferenceto':
                    return new ApexList(
                        simpleType('Schema.SObjectType'),
                        field.referenceTo
                            .filter((name) => org.catalog.object(name))
                            .map((name) => org.catalog.typeToken(name))
                    );
                case 'getrelationshipname':
                    return field.relationshipName ?? null;
                case 'getsobjectfield':
                    return org.catalog.fieldToken(object, field.name);
                case 'iscustom':
                    return field.custom;
                case 'isnillable':
                    return !field.required && field.apexType !== 'Boolean';
                case 'getdefaultvalue':
                    return field.apexType === 'Boolean' ? field.defaultValue === 'true' : null;
                case 'isaccessible':
                    return org.security.fieldAccess(object, field.name, 'read');
                case 'iscreateable':
                    return field.writable && org.security.fieldAccess(object, field.name, 'edit');
                case 'isupdateable':
                    return field.writable && org.security.fieldAccess(object, field.name, 'edit');
                case 'iscalculated':
                    return (
                        !field.writable &&
                        ![
                            'Id',
                            'CreatedDate',
                            'CreatedById',
                            'LastModifiedDate',
                            'LastModifiedById',
                            'SystemModstamp',
                            'IsDeleted'
                        ].includes(field.name)
                    );
            }
            break;
        }
        case 'Schema.PicklistEntry':
            switch (method) {
                case 'getvalue':
                    return String(props.value);
                case 'getlabel':
                    return String(props.label);
                case 'isactive':
                    return true;
                case 'isdefaultvalue':
                    return props.isDefault === true;
            }
            break;
        case 'Database.SaveResult':
        case 'Database.DeleteResult':
        case 'Database.UndeleteResult':
        case 'Database.UpsertResult': {
            const errors = props.errors as PlatformObject[];
            switch (method) {
                case 'issuccess':
                    return errors.length === 0;
                case 'getid':
                    return (props.id as string | null) ?? null;
                case 'geterrors':
                    return new ApexList(simpleType('Database.Error'), [...errors]);
                case 'iscreated':
                    if (target.kind === 'Database.UpsertResult') return props.created === true;
            }
            break;
        }
        case 'Database.Error':
            switch (method) {
                case 'getmessage':
                    return String(props.message);
                case 'getstatuscode':
                    return enumConstant(interp, 'StatusCode', String(props.statusCode));
                case 'getfields':
                    return new ApexList(simpleType('String'), [...(props.fields as string[])]);
            }
            break;
    }
    throw unsupported(`${target.kind}.${method}`, file, line);
}

// ---------- DML ----------

const VERBS: Record<DmlOperation, string> = {
    insert: 'Insert',
    update: 'Update',
    upsert: 'Upsert',
    delete: 'Delete',
    undelete: 'Undelete'
};

function recordsOf(interp: Host, value: Value): { records: ApexSObject[]; single: boolean } {
    if (value === null) interp.npe();
    if (value instanceof ApexSObject) return { records: [value], single: true };
    if (value instanceof ApexList) {
        const records = value.items.map((item) => {
            if (!(item instanceof ApexSObject)) interp.fail('DmlException', 'Required argument is missing');
            return item;
        });
        return { records, single: false };
    }
    throw new UnsupportedError(`unsupported: DML on a ${typeNameOf(value)}`);
}

/** The platform's DmlException: its message names the first failed row; getDml… read every failed row. */
function dmlException(
    interp: Host,
    operation: DmlOperation,
    records: ApexSObject[],
    results: RowResult[]
): ApexObject {
    const failed = results
        .map((result, index) => ({ result, index }))
        .filter(({ result }) => result.errors.length);
    const first = failed[0]!;
    const error = first.result.errors[0]!;
    const withId = first.result.id && operation !== 'insert' ? ` with id ${first.result.id}` : '';
    const message = `${VERBS[operation]} failed. First exception on row ${first.index}${withId}; first error: ${error.statusCode}, ${error.message}: [${error.fields.join(', ')}]`;
    const exception = interp.exceptionOf('DmlException', message);
    exception.fields.set(
        '$dml',
        new ApexList(
            null,
            failed.map(
                ({ result, index }) =>
                    new PlatformObject('DmlRow', [], {
                        index,
                        id: result.id,
                        object: records[index]?.type ?? null,
                        errors: result.errors
                    })
            )
        )
    );
    return exception;
}

function run(
    interp: Host,
    operation: DmlOperation,
    records: ApexSObject[],
    allOrNone: boolean,
    access: AccessMode
): RowResult[] {
    try {
        return runDml(interp.org, interp, operation, records, allOrNone, access);
    } catch (error) {
        if (error instanceof DmlOperationError)
            interp.fail(
                error.message.startsWith('Duplicate id') ? 'ListException' : 'DmlException',
                error.message
            );
        if (error instanceof LimitExceeded) interp.fail('LimitException', error.message);
        throw error;
    }
}

function assignIds(operation: DmlOperation, records: ApexSObject[], results: RowResult[]): void {
    if (operation !== 'insert' && operation !== 'upsert') return;
    records.forEach((record, row) => {
        const result = results[row];
        if (!result.errors.length && result.id) record.fields.set('Id', result.id);
    });
}

/**
 * Upsert on an External ID field ("Upserting Records"; Database.upsert): a row whose key matches one
 * stored record of its object updates it (its Id is set on the row), a row that matches none is
 * inserted; a key matching several records, or named twice in one call, fails its row with
 * DUPLICATE_EXTERNAL_ID (messages to be confirmed in an org). Text keys match without regard to case.
 */
function matchExternalIds(interp: Host, records: ApexSObject[], keyField: string): Map<number, RowError> {
    const org = interp.org;
    const failures = new Map<number, RowError>();
    const key = (value: unknown): string | null =>
        value === null || value === undefined || value === '' ? null : String(value).toLowerCase();
    const seen = new Map<string, number>();
    records.forEach((record, row) => {
        const field = org.catalog.field(record.type, keyField);
        if (!field || (!field.externalId && field.name !== 'Id'))
            interp.fail(
                'SObjectException',
                `Invalid field for upsert, must be an External Id custom or standard indexed field: ${keyField}`
            );
        if (field.name === 'Id') return;
        const wanted = key(org.catalog.toStore(record.fields.get(field.name) ?? null));
        if (wanted === null) return;
        if (seen.has(wanted)) {
            const message = `Duplicate external id specified: ${String(record.fields.get(field.name))}`;
            failures.set(row, { statusCode: 'DUPLICATE_EXTERNAL_ID', message, fields: [field.name] });
            return;
        }
        seen.set(wanted, row);
        const matches = org.store
            .all(org.catalog.object(record.type)!.name)
            .filter((stored) => key(stored[field.name]) === wanted);
        if (matches.length > 1) {
            const message = `${field.label}: more than one record found for external id field: [${matches.map((stored) => stored.Id).join(', ')}]`;
            failures.set(row, { statusCode: 'DUPLICATE_EXTERNAL_ID', message, fields: [field.name] });
        } else if (matches.length === 1 && !record.fields.get('Id')) record.fields.set('Id', matches[0]!.Id);
    });
    return failures;
}

/** Runs a DML operation; an upsert by an External ID field first matches its rows to stored records. */
function runKeyed(
    interp: Host,
    operation: DmlOperation,
    records: ApexSObject[],
    allOrNone: boolean,
    access: AccessMode,
    keyField: string | null
): RowResult[] {
    if (operation !== 'upsert' || !keyField) return run(interp, operation, records, allOrNone, access);
    const failures = matchExternalIds(interp, records, keyField);
    const failed = (row: number): RowResult => ({ id: null, errors: [failures.get(row)!], created: false });
    if (failures.size && allOrNone) {
        interp.org.limits.countDml(records.length);
        return records.map((_, row) =>
            failures.has(row) ? failed(row) : { id: null, errors: [], created: false }
        );
    }
    const rows = records.map((_, row) => row).filter((row) => !failures.has(row));
    const results = run(
        interp,
        operation,
        rows.map((row) => records[row]!),
        allOrNone,
        access
    );
    const out: RowResult[] = records.map((_, row) => (failures.has(row) ? failed(row) : results[0]!));
    rows.forEach((row, i) => (out[row] = results[i]!));
    return out;
}

/** `insert x;` and the other DML statements: all or none, a DmlException for the first failed row. */
export function dmlStatement(
    interp: Host,
    operation: DmlOperation,
    value: Value,
    access: AccessMode,
    keyField: string | null = null
): void {
    const { records } = recordsOf(interp, value);
    const results = runKeyed(interp, operation, records, true, access, keyField);
    if (results.some((result) => result.errors.length))
        throw interp.thrown(dmlException(interp, operation, records, results));
    assignIds(operation, records, results);
}

function resultOf(operation: DmlOperation, result: RowResult): PlatformObject {
    const kind =
        operation === 'delete'
            ? 'Database.DeleteResult'
            : operation === 'undelete'
              ? 'Database.UndeleteResult'
              : operation === 'upsert'
                ? 'Database.UpsertResult'
                : 'Database.SaveResult';
    return new PlatformObject(kind, [kind.toLowerCase()], {
        id: result.errors.length && operation === 'insert' ? null : result.id,
        created: result.created,
        errors: result.errors.map((error: RowError) =>
            databaseError(error.statusCode, error.message, error.fields)
        )
    });
}

function accessOf(value: Value): AccessMode | null {
    return value instanceof EnumValue && value.enumDef.name === 'AccessLevel'
        ? value.name === 'USER_MODE'
            ? 'user'
            : 'system'
        : null;
}

function databaseDml(interp: Host, operation: DmlOperation, args: Value[]): Value {
    const { records, single } = recordsOf(interp, args[0]);
    let allOrNone = true;
    let access: AccessMode = 'system';
    let keyField: string | null = null;
    for (const arg of args.slice(1)) {
        if (typeof arg === 'boolean') allOrNone = arg;
        else if (accessOf(arg)) access = accessOf(arg)!;
        else if (operation === 'upsert' && arg instanceof SObjectFieldToken) keyField = arg.field;
        else if (arg !== null)
            throw new UnsupportedError(
                `unsupported: Database.${operation} with a ${typeNameOf(arg)} argument`
            );
    }
    const results = runKeyed(interp, operation, records, allOrNone, access, keyField);
    if (allOrNone && results.some((result) => result.errors.length))
        throw interp.thrown(dmlException(interp, operation, records, results));
    assignIds(operation, records, results);
    const out = results.map((result) => resultOf(operation, result));
    if (single) return out[0];
    const type = out[0]?.kind ?? 'Database.SaveResult';
    return new ApexList(simpleType(type), out);
}

/**
 * EventBus.publish(event) or (events): each event is queued for its subscribers (their after insert
 * triggers), which run at `Test.getEventBus().deliver()` or `Test.stopTest()` in a test ("Testing Your
 * Platform Event in Apex"). An event published immediately counts on the Publish Immediate limit and is
 * kept through a rollback; one published after commit counts as DML and a rollback drops it.
 */
function publishEvents(interp: Host, value: Value): Value {
    const { records, single } = recordsOf(interp, value);
    const infos = records.map((record) => interp.org.catalog.object(record.type));
    const bad = records.find((_, i) => !infos[i]?.publishBehavior);
    if (bad)
        throw new CompileError(`Method does not exist: EventBus.publish(${bad.type}) (not a platform event)`);
    const immediate = infos[0]?.publishBehavior === 'PublishImmediately';
    if (records.length) {
        if (immediate) interp.org.limits.countPublishImmediate();
        else interp.org.limits.countDml(records.length);
    }
    const results = records.map((record, i) => {
        interp.queueEvent(record, infos[i]!.publishBehavior === 'PublishImmediately');
        return new PlatformObject('Database.SaveResult', ['database.saveresult'], {
            id: null,
            created: true,
            errors: []
        });
    });
    return single ? results[0]! : new ApexList(simpleType('Database.SaveResult'), results);
}

export function dmlExceptionMethod(
    interp: Host,
    exception: ApexObject,
    method: string,
    args: Value[]
): Value | undefined {
    const inaccessible = exception.fields.get('$inaccessible');
    if (method === 'getinaccessiblefields' && exception.cls.name.toLowerCase() === 'queryexception') {
        // QueryException.getInaccessibleFields(): object name → the fields the user may not read; empty
        // for any other query failure (and for a QueryException the code made itself)
        const map = new ApexMap(simpleType('String'), simpleType('Set', [simpleType('String')]));
        for (const item of inaccessible instanceof ApexList ? inaccessible.items : []) {
            const [object, field] = String(item).split('.');
            const key = `s:${object}`;
            if (!map.entries.has(key)) map.entries.set(key, [object!, new ApexSet(simpleType('String'))]);
            (map.entries.get(key)![1] as ApexSet).entries.set(`s:${field}`, field!);
        }
        return map;
    }
    const rows = exception.fields.get('$dml');
    if (!(rows instanceof ApexList)) return undefined;
    if (method === 'getnumdml') return ApexNumber.int(rows.items.length);
    const index = args[0];
    if (!isNumber(index)) return undefined;
    const row = rows.items[index.value];
    if (!(row instanceof PlatformObject))
        interp.fail('ListException', `List index out of bounds: ${index.value}`);
    const errors = row.props.errors as RowError[];
    switch (method) {
        case 'getdmlmessage':
            return errors[0].message;
        case 'getdmltype':
            return enumConstant(interp, 'StatusCode', errors[0].statusCode);
        case 'getdmlfieldnames':
            return new ApexList(simpleType('String'), [...errors[0].fields]);
        case 'getdmlfields':
            return new ApexList(
                simpleType('Schema.SObjectField'),
                errors[0].fields.map((field) => {
                    // an inserted row has no Id: its record's object names the field
                    const object =
                        (row.props.object as string | null) ??
                        (row.props.id ? interp.org.objectOfId(String(row.props.id)) : undefined);
                    return object && interp.org.catalog.field(object, field)
                        ? interp.org.catalog.fieldToken(object, field)
                        : field;
                })
            );
        case 'getdmlid':
            return (row.props.id as string | null) ?? null;
        case 'getdmlindex':
            return ApexNumber.int(Number(row.props.index));
    }
    return undefined;
}

// ---------- static classes ----------

/** Heap in bytes, approximated: the static state reachable now, sized as the notes in the README say. */
function approxHeap(interp: Interpreter): number {
    const seen = new Set<object>();
    const size = (value: Value | undefined): number => {
        if (value === null || value === undefined) return 0;
        if (typeof value === 'string') return 2 * value.length;
        if (typeof value === 'boolean') return 1;
        if (typeof value !== 'object') return 8;
        if (seen.has(value)) return 0;
        seen.add(value);
        if (value instanceof ApexList)
            return 8 + value.items.reduce((sum: number, item) => sum + size(item), 0);
        if (value instanceof ApexMap)
            return (
                8 + [...value.entries.values()].reduce((sum: number, [k, v]) => sum + size(k) + size(v), 0)
            );
        if ('entries' in value && value.entries instanceof Map)
            return (
                8 + [...value.entries.values()].reduce((sum: number, item) => sum + size(item as Value), 0)
            );
        if (value instanceof ApexSObject)
            return (
                16 +
                [...value.fields.values(), ...value.related.values()].reduce(
                    (sum: number, item) => sum + 4 + size(item),
                    0
                )
            );
        if (value instanceof ApexObject)
            return 8 + [...value.fields.values()].reduce((sum: number, item) => sum + 4 + size(item), 0);
        return 8;
    };
    let total = 0;
    for (const store of interp.statics.values()) for (const value of store.values()) total += size(value);
    return total;
}

function queryArgs(interp: Host, method: string, args: Value[]): Value {
    const [text, second, third] = args;
    if (text === null) interp.npe();
    const binds = method === 'querywithbinds' || method === 'countquerywithbinds' ? second : null;
    const accessArg = method === 'querywithbinds' || method === 'countquerywithbinds' ? third : second;
    const bindMap = new Map<string, Value>();
    if (binds instanceof ApexMap)
        for (const [key, value] of binds.entries.values()) bindMap.set(toApexString(key), value);
    return interp.org.query({
        kind: 'dynamic',
        text: toApexString(text),
        binds: binds === null || binds === undefined ? null : bindMap,
        access: accessOf(accessArg ?? null) ?? 'system',
        count: method.startsWith('count'),
        withSharing: interp.isWithSharing(),
        origin: interp.callSite
    });
}

/** Static methods of the org-facing classes; undefined when the class or method is not one of them. */
export function platformStatic(interp: Host, type: string, method: string, args: Value[]): Value | undefined {
    const org = interp.org;
    const [a] = args;
    if (type === 'approval') return approvalStatic(interp, method, args);
    const job = asyncStatic(interp, type, method, args);
    if (job !== undefined) return job;
    switch (`${type}.${method}`) {
        case 'database.insert':
        case 'database.update':
        case 'database.upsert':
        case 'database.delete':
        case 'database.undelete':
            return databaseDml(interp, method as DmlOperation, args);
        case 'database.setsavepoint':
            org.limits.countDml(0);
            return new PlatformObject('System.Savepoint', ['savepoint', 'system.savepoint'], {
                state: org.saveState(),
                events: interp.publishedEvents.length
            });
        case 'database.rollback':
            if (!(a instanceof PlatformObject) || a.kind !== 'System.Savepoint') interp.npe();
            org.limits.countDml(0);
            org.restoreState(a.props.state as ReturnType<ApexOrg['saveState']>);
            interp.discardEventsAfterCommitSince(Number(a.props.events));
            return null;
        case 'eventbus.publish':
            return publishEvents(interp, a ?? null);
        case 'test.geteventbus':
            return new PlatformObject('EventBus.TestBroker', ['eventbus.testbroker'], {});
        case 'limits.getpublishimmediatedml':
            return ApexNumber.int(org.limits.publishImmediateDml);
        case 'limits.getlimitpublishimmediatedml':
            return ApexNumber.int(org.limits.limits.publishImmediateDml ?? 150);
        case 'database.query':
        case 'database.querywithbinds':
        case 'database.countquery':
        case 'database.countquerywithbinds':
            return queryArgs(interp, method, args);
        case 'limits.getqueries':
            return ApexNumber.int(org.limits.queries);
        case 'limits.getlimitqueries':
            return ApexNumber.int(org.limits.limits.queries);
        case 'limits.getqueryrows':
            return ApexNumber.int(org.limits.queryRows);
        case 'limits.getlimitqueryrows':
            return ApexNumber.int(org.limits.limits.queryRows);
        case 'limits.getdmlstatements':
            return ApexNumber.int(org.limits.dmlStatements);
        case 'limits.getlimitdmlstatements':
            return ApexNumber.int(org.limits.limits.dmlStatements);
        case 'limits.getdmlrows':
            return ApexNumber.int(org.limits.dmlRows);
        case 'limits.getlimitdmlrows':
            return ApexNumber.int(org.limits.limits.dmlRows);
        case 'limits.getheapsize':
            return ApexNumber.int(approxHeap(interp));
        case 'limits.getlimitheapsize':
            return ApexNumber.int(org.limits.limits.heapBytes);
        case 'limits.getcputime':
            return ApexNumber.int(org.limits.cpuTime());
        case 'limits.getlimitcputime':
            return ApexNumber.int(org.limits.limits.cpuMs);
        case 'userinfo.getuserid':
            return org.runningUserId;
        case 'featuremanagement.checkpermission':
            // "FeatureManagement Class": true when the running user holds the custom permission
            return org.hasCustomPermission(String(args[0] ?? ''));
        case 'userinfo.getname':
            return String(org.runningUser().Name ?? '');
        case 'userinfo.getfirstname':
            return (org.runningUser().FirstName as string | null) ?? null;
        case 'userinfo.getlastname':
            return (org.runningUser().LastName as string | null) ?? null;
        case 'userinfo.getprofileid':
            return (org.runningUser().ProfileId as string | null) ?? null;
        case 'userinfo.getuseremail':
            return (org.runningUser().Email as string | null) ?? null;
        case 'userinfo.getusername':
            return (org.runningUser().Username as string | null) ?? null;
        case 'userinfo.getusertype':
            return String(org.runningUser().UserType ?? 'Standard');
        case 'userinfo.getlocale':
            return (org.runningUser().LocaleSidKey as string | null) ?? null;
        case 'userinfo.getlanguage':
            return (org.runningUser().LanguageLocaleKey as string | null) ?? null;
        case 'userinfo.getdefaultcurrency':
            return String(org.runningUser().DefaultCurrencyIsoCode ?? 'USD');
        case 'crypto.generateaeskey': {
            // an AES key of 128, 192 or 256 bits, as random bytes
            const bits = isNumber(a) ? a.value : NaN;
            if (![128, 192, 256].includes(bits))
                interp.fail('InvalidParameterValueException', `Invalid key size: ${String(bits)}`);
            return blobOf(randomBytes(bits / 8));
        }
        case 'encodingutil.converttohex':
            if (!(a instanceof PlatformObject) || a.kind !== 'Blob') interp.npe();
            return (a.props.bytes as Buffer).toString('hex');
        case 'blob.valueof':
            if (a === null || a === undefined) interp.npe();
            return blobOf(Buffer.from(toApexString(a), 'utf8'));
        case 'crypto.getrandominteger':
            return ApexNumber.int((Math.random() * 2 ** 32) | 0);
        case 'crypto.getrandomlong':
            return ApexNumber.long(
                BigInt.asIntN(
                    64,
                    BigInt(Math.floor(Math.random() * 2 ** 53)) * 2048n +
                        BigInt(Math.floor(Math.random() * 2048))
                )
            );
        case 'system.now':
            return new ApexDatetime(Date.now());
        case 'system.today':
            // the org's today: what the store's validation rules and SOQL's TODAY compare with
            return new ApexDate(Math.floor(Date.parse(`${org.store.today}T00:00:00Z`) / 86400000));
        case 'test.isrunningtest':
            return org.isRunningTest;
        case 'schema.describesobjects': {
            // describeSObjects(names[, options]): one result per name, in order; the options only choose
            // what loads when, so every answer is the same here
            if (!(a instanceof ApexList)) interp.npe();
            return new ApexList(
                simpleType('Schema.DescribeSObjectResult'),
                a.items.map((name) => {
                    const info = name === null ? undefined : org.catalog.object(toApexString(name));
                    if (!info)
                        interp.fail(
                            'InvalidParameterValueException',
                            `In describeSObjects(), the type '${toApexString(name)}' is not supported`
                        );
                    return describeObject(info.name);
                })
            );
        }
    }
    return undefined;
}
