// Runtime values of the Apex subset. Numbers carry their Apex type because the type decides the
// arithmetic (Integer division truncates and wraps at 32 bits, Long at 64, Decimal keeps its scale).
import type { ClassDef, TypeRef } from './registry';

export type NumKind = 'Integer' | 'Long' | 'Decimal' | 'Double';

export class ApexNumber {
    constructor(
        readonly kind: NumKind,
        /** Integer, Decimal, Double: the value; Long: see `big`. */
        readonly n: number,
        readonly big: bigint = 0n,
        /** Decimal only: digits after the point as the platform would print them. */
        readonly scale: number = 0
    ) {}

    static int(n: number): ApexNumber {
        return new ApexNumber('Integer', n | 0);
    }
    static long(big: bigint): ApexNumber {
        const wrapped = BigInt.asIntN(64, big);
        return new ApexNumber('Long', Number(wrapped), wrapped);
    }
    static decimal(n: number, scale?: number): ApexNumber {
        return new ApexNumber('Decimal', n, 0n, scale ?? scaleOf(n));
    }
    static double(n: number): ApexNumber {
        return new ApexNumber('Double', n);
    }
    get value(): number {
        return this.kind === 'Long' ? Number(this.big) : this.n;
    }
    toString(): string {
        switch (this.kind) {
            case 'Integer':
                return String(this.n);
            case 'Long':
                return this.big.toString();
            case 'Decimal':
                return formatDecimal(this.n, this.scale);
            case 'Double': {
                if (Number.isInteger(this.n) && Math.abs(this.n) < 1e7) return `${this.n}.0`;
                const text = String(this.n);
                return text.replace('e+', 'E').replace('e-', 'E-');
            }
        }
    }
}

/** Digits after the point in a number's shortest decimal form. */
export function scaleOf(n: number): number {
    if (!Number.isFinite(n) || Number.isInteger(n)) return 0;
    const text = n.toString();
    if (text.includes('e-')) {
        const [mantissa, exp] = text.split('e-');
        return (mantissa.split('.')[1]?.length ?? 0) + Number(exp);
    }
    return text.split('.')[1]?.length ?? 0;
}

export function formatDecimal(n: number, scale: number): string {
    if (scale <= 0) return String(Math.round(n) === n ? n : Math.round(n));
    return n.toFixed(Math.min(scale, 100));
}

/** A calendar date without time zone, as Apex's Date. */
export class ApexDate {
    constructor(readonly epochDay: number) {}
    static of(year: number, month: number, day: number): ApexDate {
        return new ApexDate(Math.floor(Date.UTC(year, month - 1, day) / 86400000));
    }
    private get js(): Date {
        return new Date(this.epochDay * 86400000);
    }
    get year(): number {
        return this.js.getUTCFullYear();
    }
    get month(): number {
        return this.js.getUTCMonth() + 1;
    }
    get day(): number {
        return this.js.getUTCDate();
    }
    addMonths(months: number): ApexDate {
        const total = this.year * 12 + (this.month - 1) + months;
        const year = Math.floor(total / 12);
        const month = (total % 12) + 1;
        const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
        return ApexDate.of(year, month, Math.min(this.day, last));
    }
    toString(): string {
        return this.js.toISOString().slice(0, 10);
    }
}

/** An instant, as Apex's Datetime; printed in GMT (the runtime's time zone is GMT, see README). */
export class ApexDatetime {
    constructor(readonly ms: number) {}
    toString(): string {
        return new Date(this.ms).toISOString().slice(0, 19).replace('T', ' ');
    }
}

export class ApexList {
    constructor(
        readonly elemType: TypeRef | null,
        readonly items: Value[] = []
    ) {}
}

/** Set and Map keep insertion order for iteration; the platform only promises a deterministic order. */
export class ApexSet {
    readonly entries = new Map<string, Value>();
    constructor(readonly elemType: TypeRef | null) {}
}

export class ApexMap {
    readonly entries = new Map<string, [Value, Value]>();
    /** a describe map (fields.getMap()): its keys are lower-case and found without regard to case */
    ignoreKeyCase = false;
    constructor(
        readonly keyType: TypeRef | null,
        readonly valueType: TypeRef | null
    ) {}
}

export class ApexObject {
    readonly fields = new Map<string, Value>();
    constructor(readonly cls: ClassDef) {}
}

export class EnumValue {
    constructor(
        readonly enumDef: ClassDef,
        readonly name: string,
        readonly ordinal: number
    ) {}
    toString(): string {
        return this.name;
    }
}

/** A type used as a value: the left side of `Integer.valueOf`, `MyClass.STATIC`, `MyEnum.values()`. */
export class TypeValue {
    constructor(
        readonly name: string,
        readonly cls: ClassDef | null,
        /** an object's name used as a value (`Contact.SObjectType`, `Setting__mdt.getInstance`) */
        readonly sobject: string | null = null
    ) {}
}

/**
 * A record (SObject): field values by the field's own API name (the catalog resolves any spelling),
 * related records and child lists by relationship name, and the errors `addError` put on it.
 */
export class ApexSObject {
    readonly fields = new Map<string, Value>();
    /** `c.Account` (a record or null) and, from SOQL sub-queries, child lists (`a.Contacts`) */
    readonly related = new Map<string, Value>();
    /** `addError` (FIELD_CUSTOM_VALIDATION_EXCEPTION) or an exception a trigger let through */
    readonly errors: { message: string; field: string | null; statusCode?: string }[] = [];
    /** after-trigger records are read-only, as the platform's Trigger.new is after the save */
    readOnly = false;
    /** read by SOQL: a field the query did not select fails when read, as on the platform */
    queried = false;
    constructor(readonly type: string) {}
}

/** `Contact.SObjectType`: one token per object (interned by the catalog, so `==` and Map keys work). */
export class SObjectTypeToken {
    constructor(readonly object: string) {}
    toString(): string {
        return this.object;
    }
}

/** `Contact.Stance__c`: one token per field (interned by the catalog). */
export class SObjectFieldToken {
    constructor(
        readonly object: string,
        readonly field: string
    ) {}
    toString(): string {
        return this.field;
    }
}

/**
 * A platform object without fields of its own in Apex: describe results, picklist entries, DML results,
 * savepoints. `typeNames` are the lower-cased names `instanceof` and declarations accept for it.
 */
export class PlatformObject {
    constructor(
        readonly kind: string,
        readonly typeNames: readonly string[],
        readonly props: Readonly<Record<string, unknown>>
    ) {}
    toString(): string {
        // as the platform prints a Blob: its size, never its bytes
        if (this.kind === 'Blob') return `Blob[${(this.props.bytes as Buffer).length}]`;
        // as the platform prints a Database.Error: Database.Error[getFields=(Name);getMessage=…;getStatusCode=…;]
        // as the platform prints an AggregateResult: AggregateResult:{expr0=3, Stance__c=Champion}
        if (this.kind === 'AggregateResult')
            return `AggregateResult:{${[...(this.props.values as Map<string, [string, unknown]>).values()]
                .map(([alias, value]) => `${alias}=${String(value)}`)
                .join(', ')}}`;
        if (this.kind === 'Database.Error')
            return `Database.Error[getFields=(${(this.props.fields as string[]).join(', ')});getMessage=${String(this.props.message)};getStatusCode=${String(this.props.statusCode)};]`;
        return `${this.kind}[${Object.entries(this.props)
            .filter(([, value]) => typeof value !== 'object' || value === null)
            .map(([key, value]) => `${key}=${String(value)}`)
            .join(';')}]`;
    }
}

export type Value =
    | null
    | boolean
    | string
    | ApexNumber
    | ApexDate
    | ApexDatetime
    | ApexList
    | ApexSet
    | ApexMap
    | ApexObject
    | EnumValue
    | TypeValue
    | ApexSObject
    | SObjectTypeToken
    | SObjectFieldToken
    | PlatformObject;

export function isNumber(value: Value): value is ApexNumber {
    return value instanceof ApexNumber;
}

/** A Blob: bytes, printed by size (`Blob[16]`); `toString()` reads them as UTF-8. */
export function blobOf(bytes: Buffer): PlatformObject {
    return new PlatformObject('Blob', ['blob'], { bytes });
}
