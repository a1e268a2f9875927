// The operators' meaning: string conversion, equality, ordering and arithmetic, as the Apex Developer
// Guide documents them ("Expression Operators", "Primitive Data Types").
import { UnsupportedError } from './errors';
import type { Interpreter } from './interpreter';
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
    NumKind,
    PlatformObject,
    SObjectFieldToken,
    SObjectTypeToken,
    TypeValue,
    Value,
    formatDecimal,
    isNumber,
    scaleOf
} from './values';

export function typeNameOf(value: Value): string {
    if (value === null) return 'null';
    if (typeof value === 'string') return 'String';
    if (typeof value === 'boolean') return 'Boolean';
    if (isNumber(value)) return value.kind;
    if (value instanceof ApexDate) return 'Date';
    if (value instanceof ApexDatetime) return 'Datetime';
    if (value instanceof ApexList) return `List<${value.elemType?.display ?? 'Object'}>`;
    if (value instanceof ApexSet) return `Set<${value.elemType?.display ?? 'Object'}>`;
    if (value instanceof ApexMap)
        return `Map<${value.keyType?.display ?? 'Object'},${value.valueType?.display ?? 'Object'}>`;
    if (value instanceof ApexObject)
        return value.cls.kind === 'system' ? value.cls.qualifiedName : value.cls.qualifiedName;
    if (value instanceof EnumValue) return value.enumDef.qualifiedName;
    if (value instanceof ApexSObject) return value.type;
    if (value instanceof SObjectTypeToken) return 'Schema.SObjectType';
    if (value instanceof SObjectFieldToken) return 'Schema.SObjectField';
    if (value instanceof PlatformObject) return value.kind;
    return 'Type';
}

export function toApexString(value: Value): string {
    if (value === null) return 'null';
    if (typeof value === 'string') return value;
    if (typeof value === 'boolean') return String(value);
    if (value instanceof ApexList) return `(${value.items.map(toApexString).join(', ')})`;
    if (value instanceof ApexSet) return `{${[...value.entries.values()].map(toApexString).join(', ')}}`;
    if (value instanceof ApexMap) {
        return `{${[...value.entries.values()].map(([k, v]) => `${toApexString(k)}=${toApexString(v)}`).join(', ')}}`;
    }
    if (value instanceof ApexObject) {
        if (value.cls.kind === 'system' || value.fields.has('message')) {
            const message = value.fields.get('message');
            return message === null || message === undefined
                ? value.cls.qualifiedName
                : `${typeNameForException(value)}: ${String(message)}`;
        }
        const fields = [...value.fields.entries()].map(([k, v]) => `${k}=${toApexString(v)}`);
        return `${value.cls.qualifiedName}:[${fields.join(', ')}]`;
    }
    if (value instanceof TypeValue) return value.name;
    if (value instanceof ApexSObject) {
        const fields = [...value.fields.entries()].map(([k, v]) => `${k}=${toApexString(v)}`);
        return `${value.type}:{${fields.join(', ')}}`;
    }
    return value.toString();
}

export function typeNameForException(value: ApexObject): string {
    return value.cls.kind === 'system' ? `System.${value.cls.name}` : value.cls.qualifiedName;
}

/** Key for Set and Map: Strings are case-sensitive there, unlike `==`. */
export function keyOf(value: Value, identities: WeakMap<object, number>): string {
    if (value === null) return 'null';
    if (typeof value === 'string') return `s:${value}`;
    if (typeof value === 'boolean') return `b:${value}`;
    if (isNumber(value)) return `n:${value.value}`;
    if (value instanceof ApexDate) return `d:${value.epochDay}`;
    if (value instanceof ApexDatetime) return `t:${value.ms}`;
    if (value instanceof EnumValue) return `e:${value.enumDef.qualifiedName}.${value.name}`;
    if (value instanceof SObjectTypeToken) return `sot:${value.object}`;
    if (value instanceof SObjectFieldToken) return `sof:${value.object}.${value.field}`;
    // records hash by their field values, as the platform's Sets and Map keys do
    if (value instanceof ApexSObject)
        return `so:${value.type}{${[...value.fields.entries()].map(([k, v]) => `${k}=${keyOf(v, identities)}`).join(',')}}`;
    if (value instanceof ApexList)
        return `l:[${value.items.map((item) => keyOf(item, identities)).join(',')}]`;
    if (value instanceof ApexSet) return `set:{${[...value.entries.keys()].sort().join(',')}}`;
    if (value instanceof ApexMap)
        return `map:{${[...value.entries.keys()]
            .sort()
            .map((k) => `${k}=${keyOf(value.entries.get(k)?.[1] ?? null, identities)}`)
            .join(',')}}`;
    let id = identities.get(value);
    if (id === undefined) {
        id = nextIdentity++;
        identities.set(value, id);
    }
    return `o:${id}`;
}
let nextIdentity = 1;

export function apexEquals(interp: Interpreter, left: Value, right: Value, caseSensitive: boolean): boolean {
    if (left === null || right === null) return left === right;
    if (typeof left === 'string' && typeof right === 'string') {
        return caseSensitive ? left === right : left.toLowerCase() === right.toLowerCase();
    }
    if (isNumber(left) && isNumber(right)) {
        if (left.kind === 'Long' && right.kind === 'Long') return left.big === right.big;
        return left.value === right.value;
    }
    if (left instanceof ApexDate && right instanceof ApexDate) return left.epochDay === right.epochDay;
    if (left instanceof ApexDatetime && right instanceof ApexDatetime) return left.ms === right.ms;
    if (left instanceof ApexList && right instanceof ApexList) {
        return (
            left.items.length === right.items.length &&
            left.items.every((item, i) => apexEquals(interp, item, right.items[i], caseSensitive))
        );
    }
    if (left instanceof ApexSet && right instanceof ApexSet) {
        return (
            left.entries.size === right.entries.size &&
            [...left.entries.keys()].every((key) => right.entries.has(key))
        );
    }
    if (left instanceof ApexMap && right instanceof ApexMap) {
        if (left.entries.size !== right.entries.size) return false;
        for (const [key, [, value]] of left.entries) {
            const other = right.entries.get(key);
            if (!other || !apexEquals(interp, value, other[1], caseSensitive)) return false;
        }
        return true;
    }
    if (left instanceof ApexSObject && right instanceof ApexSObject) {
        if (left.type !== right.type || left.fields.size !== right.fields.size) return false;
        for (const [name, value] of left.fields) {
            if (!right.fields.has(name) || !apexEquals(interp, value, right.fields.get(name) ?? null, true))
                return false;
        }
        return true;
    }
    if (left instanceof ApexObject && right instanceof ApexObject) {
        const equalsMethod = interp.findMethod(left.cls, 'equals', [right]);
        if (equalsMethod && equalsMethod.body) return interp.invoke(equalsMethod, left, [right]) === true;
        return left === right;
    }
    return left === right;
}

/** Ordering for < <= > >=; null when the platform's answer is `false` whatever the operator. */
export function compare(left: Value, right: Value): number | null {
    if (typeof left === 'string' || typeof right === 'string') {
        // a non-null String is greater than null; Strings compare without regard to case
        if (left === null) return -1;
        if (right === null) return 1;
        const a = String(left).toLowerCase();
        const b = String(right).toLowerCase();
        return a < b ? -1 : a > b ? 1 : 0;
    }
    if (left === null || right === null) return null;
    if (isNumber(left) && isNumber(right)) {
        if (left.kind === 'Long' && right.kind === 'Long')
            return left.big < right.big ? -1 : left.big > right.big ? 1 : 0;
        return Math.sign(left.value - right.value);
    }
    if (left instanceof ApexDate && right instanceof ApexDate)
        return Math.sign(left.epochDay - right.epochDay);
    if (left instanceof ApexDatetime && right instanceof ApexDatetime) return Math.sign(left.ms - right.ms);
    throw new UnsupportedError(`unsupported: comparison of ${typeNameOf(left)} and ${typeNameOf(right)}`);
}

const RANK: Record<NumKind, number> = { Integer: 1, Long: 2, Double: 3, Decimal: 4 };

export function arith(interp: Interpreter, op: string, left: Value, right: Value): Value {
    if (op === '+' && (typeof left === 'string' || typeof right === 'string')) {
        return toApexString(left) + toApexString(right);
    }
    if (left === null || right === null) interp.npe();
    if (!isNumber(left) || !isNumber(right)) {
        throw new UnsupportedError(`unsupported: ${typeNameOf(left)} ${op} ${typeNameOf(right)}`);
    }
    const kind: NumKind = RANK[left.kind] >= RANK[right.kind] ? left.kind : right.kind;
    if (op === '/' && right.value === 0) interp.fail('MathException', 'Divide by 0');
    switch (kind) {
        case 'Integer': {
            const a = left.n;
            const b = right.n;
            if (op === '+') return ApexNumber.int(a + b);
            if (op === '-') return ApexNumber.int(a - b);
            if (op === '*') return ApexNumber.int(Math.imul(a, b));
            return ApexNumber.int(Math.trunc(a / b));
        }
        case 'Long': {
            const a = left.kind === 'Long' ? left.big : BigInt(left.n);
            const b = right.kind === 'Long' ? right.big : BigInt(right.n);
            if (op === '+') return ApexNumber.long(a + b);
            if (op === '-') return ApexNumber.long(a - b);
            if (op === '*') return ApexNumber.long(a * b);
            return ApexNumber.long(a / b);
        }
        case 'Double': {
            const a = left.value;
            const b = right.value;
            return ApexNumber.double(op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : a / b);
        }
        case 'Decimal': {
            const a = left.value;
            const b = right.value;
            const sa = left.kind === 'Decimal' ? left.scale : scaleOf(a);
            const sb = right.kind === 'Decimal' ? right.scale : scaleOf(b);
            if (op === '+' || op === '-') {
                const scale = Math.max(sa, sb);
                return ApexNumber.decimal(roundTo(op === '+' ? a + b : a - b, scale), scale);
            }
            if (op === '*') return ApexNumber.decimal(roundTo(a * b, sa + sb), sa + sb);
            const quotient = a / b;
            return ApexNumber.decimal(quotient, Math.max(sa, Math.min(scaleOf(quotient), 32)));
        }
    }
}

export function roundTo(n: number, scale: number): number {
    const factor = 10 ** Math.min(scale, 15);
    return Math.round(n * factor) / factor;
}

export { formatDecimal };
