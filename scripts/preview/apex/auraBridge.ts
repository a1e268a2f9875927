// `@salesforce/apex` in the preview: a component's call runs the real @AuraEnabled method in the Apex
// runtime, as the preview's user, one transaction per call. What crosses the wire follows the platform
// ("Call Apex Methods", "Returning Data from an Apex Server-Side Controller"): arguments arrive as JSON and
// become Apex values by the parameters' declared types; results go back as the framework serialises them
// (an Apex object's @AuraEnabled members only; SObjects as field maps with their related records; Dates
// as YYYY-MM-DD, Datetimes in ISO 8601); an AuraHandledException's message reaches the component, any other
// exception only as a generic message, and nothing the transaction wrote stays.
import { ApexThrow, Interpreter } from '../../apex-runtime/interpreter';
import type { ClassDef, FieldDef, MethodDef, Registry, TypeRef } from '../../apex-runtime/registry';
import type { ApexOrg } from '../../apex-runtime/org/apexOrg';
import { GovernorLimits, SYNC_LIMITS } from '../../apex-runtime/org/limits';
import { keyOf, typeNameForException } from '../../apex-runtime/semantics';
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
    type Value
} from '../../apex-runtime/values';
import { isValidId } from '../emulator/ids';
import { ApexError } from '../apexError';

/** Where a call runs: the org, Keystone's classes, and the user the preview runs as. */
export interface AuraContext {
    readonly org: ApexOrg;
    readonly registry: Registry;
    readonly userId: string;
}

/** What the platform answers for an exception other than AuraHandledException (the details stay on the server). */
export const INTERNAL_ERROR = 'An internal server error has occurred';

/** The platform's refusal of an argument that is not of its parameter's type. */
export function invalidParameter(name: string, type: string): ApexError {
    return new ApexError(
        `Value provided is invalid for action parameter '${name}' of type '${type}'`,
        'System.TypeException'
    );
}

/** The message a user without access to the class gets (the class is in none of their permission sets). */
export function noClassAccess(className: string): ApexError {
    return new ApexError(
        `You do not have access to the Apex class named '${className}'.`,
        'System.NoAccessException'
    );
}

/** A type as written: List<String>, Map<String, Object>. */
function typeDisplay(type: TypeRef): string {
    return type.args.length ? `${type.display}<${type.args.map(typeDisplay).join(', ')}>` : type.display;
}

/** The @AuraEnabled static method a component may call as `Class.method`, or null. */
export function auraMethod(registry: Registry, className: string, methodName: string): MethodDef | null {
    // own entries of Maps only: "constructor" or "__proto__" from a request never reaches an object's members
    const cls = registry.classes.get(className.toLowerCase());
    if (!cls || cls.kind !== 'class') return null;
    const method = (cls.methods.get(methodName.toLowerCase()) ?? []).find(
        (candidate) => candidate.isStatic && candidate.annotations.includes('auraenabled')
    );
    return method ?? null;
}

/** Is the method `@AuraEnabled(cacheable=true)`? */
export function isCacheable(method: MethodDef): boolean {
    return (method.annotationText ?? []).some((text) => /^auraenabled\(.*cacheable=true/.test(text));
}

/**
 * Runs `Class.method` with the component's arguments as the context's user and returns the result as the
 * component receives it. Throws an {@link ApexError} for what the platform answers as an error; the store
 * keeps the transaction's writes only when the method returns.
 */
export function invokeAura(context: AuraContext, endpoint: string, args: unknown): unknown {
    const [className = '', methodName = ''] = endpoint.split('.');
    const method = auraMethod(context.registry, className, methodName);
    if (!method)
        throw new ApexError(`No such @AuraEnabled method: ${endpoint}`, 'System.NoSuchMethodException');
    const { org } = context;
    if (!org.access.rights(context.userId).canRunClass(method.owner.name))
        throw noClassAccess(method.owner.name);
    if (args !== undefined && args !== null && (typeof args !== 'object' || Array.isArray(args)))
        throw new ApexError('Apex arguments must be an object of named parameters.', 'System.TypeException');
    const named = new Map(
        Object.entries((args ?? {}) as Record<string, unknown>).map(([key, value]) => [
            key.toLowerCase(),
            value
        ])
    );
    // a cacheable method may not write ("Too many DML statements: 1" on the platform), so it has nothing
    // to roll back; every other call keeps the store as it stood, for an exception to restore
    const cacheable = isCacheable(method);
    org.limits = new GovernorLimits(
        cacheable ? { ...SYNC_LIMITS, dmlStatements: 0, dmlRows: 0 } : SYNC_LIMITS
    );
    // a new Interpreter is a new transaction: fresh governor limits (of those values), fresh static state
    const apex = new Interpreter(context.registry, org);
    const before = cacheable ? null : org.saveState();
    try {
        return org.runAs(context.userId, () => {
            const values = method.params.map((param) =>
                toApexParam(apex, named.get(param.name), param.type, method.owner, {
                    name: param.display ?? param.name,
                    type: typeDisplay(param.type)
                })
            );
            apex.ensureStatic(method.owner);
            return toWire(apex, apex.invoke(method, null, values));
        });
    } catch (error) {
        // an exception that leaves the method rolls the whole transaction back
        if (before) org.restoreState(before);
        if (error instanceof ApexError) throw error;
        if (error instanceof ApexThrow) {
            const type = typeNameForException(error.exception);
            if (type === 'System.AuraHandledException')
                throw new ApexError(String(error.exception.fields.get('message') ?? ''), type);
            console.error(`${endpoint}: ${type}: ${String(error.exception.fields.get('message') ?? '')}`);
            throw new ApexError(INTERNAL_ERROR, type);
        }
        throw error;
    }
}

// ---------- arguments ----------

function numberOf(value: unknown): number | null {
    if (typeof value === 'number') return Number.isFinite(value) ? value : null;
    if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
        return Number(value);
    return null;
}

/** A JSON value without a declared type (Object, a Map<String, Object>'s values) as Apex reads it. */
function untyped(value: unknown): Value {
    if (value === null || value === undefined) return null;
    if (typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number')
        return Number.isInteger(value) && Math.abs(value) <= 2147483647
            ? ApexNumber.int(value)
            : Number.isInteger(value)
              ? ApexNumber.long(BigInt(value))
              : ApexNumber.decimal(value);
    if (Array.isArray(value)) return new ApexList(objectType(), value.map(untyped));
    const map = new ApexMap(stringType(), objectType());
    for (const [key, item] of Object.entries(value as Record<string, unknown>))
        map.entries.set(`s:${key}`, [key, untyped(item)]);
    return map;
}

function stringType(): TypeRef {
    return { name: 'string', display: 'String', args: [] };
}

function objectType(): TypeRef {
    return { name: 'object', display: 'Object', args: [] };
}

/**
 * One argument as the parameter's declared type; anything that is not that type is refused with the
 * platform's message (naming the top-level parameter, as the platform does).
 */
export function toApexParam(
    apex: Interpreter,
    value: unknown,
    type: TypeRef,
    from: ClassDef,
    parameter: { name: string; type: string }
): Value {
    const refuse = (): never => {
        throw invalidParameter(parameter.name, parameter.type);
    };
    if (value === null || value === undefined) return null;
    const kind = type.name.replace(/^system\./, '');
    switch (kind) {
        case 'object':
            return untyped(value);
        case 'string':
            return typeof value === 'string' ? value : refuse();
        case 'id':
            if (value === '') return null;
            return isValidId(value) ? value : refuse();
        case 'boolean':
            if (typeof value === 'boolean') return value;
            return value === 'true' ? true : value === 'false' ? false : refuse();
        case 'integer':
        case 'long':
        case 'decimal':
        case 'double': {
            if (value === '') return null;
            const number = numberOf(value);
            if (number === null) return refuse();
            if ((kind === 'integer' || kind === 'long') && !Number.isInteger(number)) return refuse();
            if (kind === 'integer') return Math.abs(number) <= 2147483647 ? ApexNumber.int(number) : refuse();
            if (kind === 'long') return ApexNumber.long(BigInt(number));
            return kind === 'decimal' ? ApexNumber.decimal(number) : ApexNumber.double(number);
        }
        case 'date': {
            if (value === '') return null;
            const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
            if (!match) return refuse();
            const date = ApexDate.of(Number(match[1]), Number(match[2]), Number(match[3]));
            // 2026-02-30 is not a date: the platform refuses it rather than rolling it over
            return date.toString() === value ? date : refuse();
        }
        case 'datetime': {
            if (value === '') return null;
            const ms =
                typeof value === 'number'
                    ? value
                    : typeof value === 'string'
                      ? Date.parse(value)
                      : Number.NaN;
            return Number.isFinite(ms) ? new ApexDatetime(ms) : refuse();
        }
        case 'list':
        case 'set': {
            if (!Array.isArray(value)) return refuse();
            const element = type.args[0] ?? objectType();
            const items = value.map((item) => toApexParam(apex, item, element, from, parameter));
            if (kind === 'list') return new ApexList(element, items);
            const set = new ApexSet(element);
            for (const item of items) set.entries.set(setKey(item), item);
            return set;
        }
        case 'map': {
            if (typeof value !== 'object' || Array.isArray(value)) return refuse();
            const keyType = type.args[0] ?? stringType();
            const valueType = type.args[1] ?? objectType();
            const map = new ApexMap(keyType, valueType);
            for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
                const apexKey = toApexParam(apex, key, keyType, from, parameter);
                map.entries.set(setKey(apexKey), [
                    apexKey,
                    toApexParam(apex, item, valueType, from, parameter)
                ]);
            }
            return map;
        }
    }
    if (typeof value !== 'object' || Array.isArray(value)) return refuse();
    const sobject = apex.org?.catalog.object(kind);
    if (sobject && !apex.registry.classes.has(kind)) {
        const record = new ApexSObject(sobject.name);
        for (const [field, item] of Object.entries(value as Record<string, unknown>)) {
            const info = apex.org!.catalog.field(sobject.name, field);
            if (!info) return refuse();
            record.fields.set(info.name, apex.org!.catalog.toApex(info, item));
        }
        return record;
    }
    const cls = apex.resolveClass(kind, from);
    if (!cls || cls.kind !== 'class') return refuse();
    const object = apex.instantiate(cls, [], cls.file, cls.line);
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        // only @AuraEnabled members are set from the component's object; others keep their defaults
        const field = memberOf(apex, cls, key);
        if (field) apex.writeField(object, field, toApexParam(apex, item, field.type, cls, parameter), null);
    }
    return object;
}

const identities = new WeakMap<object, number>();

/** The key the runtime's Sets and Maps hold a value under. */
function setKey(value: Value): string {
    return keyOf(value, identities);
}

/** The class's @AuraEnabled instance members, superclass members first. */
function auraMembers(apex: Interpreter, cls: ClassDef): FieldDef[] {
    const chain: ClassDef[] = [];
    for (
        let current: ClassDef | null = cls;
        current && current.kind === 'class';
        current = apex.superOf(current)
    )
        chain.unshift(current);
    return chain.flatMap((each) =>
        [...each.fields.values()].filter(
            (field) => !field.isStatic && (field.annotations ?? []).includes('auraenabled')
        )
    );
}

function memberOf(apex: Interpreter, cls: ClassDef, key: string): FieldDef | undefined {
    const lower = key.toLowerCase();
    return auraMembers(apex, cls).find((field) => field.name.toLowerCase() === lower);
}

// ---------- results ----------

/** An Apex value as the component receives it. */
export function toWire(apex: Interpreter, value: Value): unknown {
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
    if (value instanceof ApexNumber) return value.value;
    if (value instanceof ApexDate) return value.toString();
    if (value instanceof ApexDatetime) return new Date(value.ms).toISOString();
    if (value instanceof ApexList) return value.items.map((item) => toWire(apex, item));
    if (value instanceof ApexSet) return [...value.entries.values()].map((item) => toWire(apex, item));
    if (value instanceof ApexMap) {
        const out: Record<string, unknown> = {};
        for (const [key, item] of value.entries.values()) out[wireKey(key)] = toWire(apex, item);
        return out;
    }
    if (value instanceof EnumValue) return value.name;
    if (value instanceof ApexSObject) return sobjectToWire(apex, value);
    if (value instanceof ApexObject) {
        const out: Record<string, unknown> = {};
        // a member left null is not sent: the component reads it as undefined
        for (const field of auraMembers(apex, value.cls)) {
            const member = apex.readField(value.cls, value, field, null);
            if (member !== null) out[field.name] = toWire(apex, member);
        }
        return out;
    }
    throw new Error(`the preview cannot send a ${value.constructor.name} to a component`);
}

function wireKey(key: Value): string {
    if (key instanceof ApexDate || key instanceof ApexNumber || typeof key === 'string') return String(key);
    if (key === null) return 'null';
    return String(toWire(null as unknown as Interpreter, key));
}

/** A record as a field map: the fields it holds (null ones left out), parents and child lists by relationship. */
function sobjectToWire(apex: Interpreter, record: ApexSObject): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [name, field] of record.fields) if (field !== null) out[name] = toWire(apex, field);
    for (const [name, related] of record.related) if (related !== null) out[name] = toWire(apex, related);
    return out;
}
