// How SOQL reads, compares and sorts values of each field type: text without regard to case, Ids in their
// 15- and 18-character forms alike, dates as days, datetimes as instants.
import { caseSafeSuffix } from '../../preview/emulator/ids';
import type { FieldType, SoqlScalar } from './dataSource';
import { SoqlQueryError } from './errors';

const TEXT_TYPES = new Set<FieldType>([
    'string',
    'textarea',
    'picklist',
    'multipicklist',
    'email',
    'phone',
    'url'
]);
const NUMBER_TYPES = new Set<FieldType>(['int', 'double', 'currency', 'percent']);

export function isTextType(type: FieldType): boolean {
    return TEXT_TYPES.has(type);
}

export function isNumberType(type: FieldType): boolean {
    return NUMBER_TYPES.has(type);
}

// a query compares the same few Ids over and over (AccountId on 20,000 contacts): remember the answers
const canonicalIds = new Map<string, string>();
const MAX_REMEMBERED_IDS = 200_000;

/** The 18-character form of a 15- or 18-character Id; any other text is returned unchanged. */
export function canonicalId(value: string): string {
    const known = canonicalIds.get(value);
    if (known !== undefined) return known;
    let canonical = value;
    if (/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(value)) {
        const id15 = value.slice(0, 15);
        canonical = id15 + caseSafeSuffix(id15);
    }
    if (canonicalIds.size >= MAX_REMEMBERED_IDS) canonicalIds.clear();
    canonicalIds.set(value, canonical);
    return canonical;
}

function isoDay(ms: number): string {
    return new Date(ms).toISOString().slice(0, 10);
}

/** A stored value as the typed scalar a query returns (the platform stores empty text as null). */
export function fromStored(value: unknown, type: FieldType): SoqlScalar {
    if (value === undefined || value === null || value === '') return type === 'boolean' ? false : null;
    switch (type) {
        case 'boolean':
            return value === true || value === 'true';
        case 'int':
        case 'double':
        case 'currency':
        case 'percent': {
            const number = typeof value === 'number' ? value : Number(value);
            return Number.isFinite(number) ? number : null;
        }
        case 'date':
            if (typeof value === 'object' && value !== null && 'kind' in value) return value as SoqlScalar;
            return { kind: 'date', iso: String(value).slice(0, 10) };
        case 'datetime': {
            if (typeof value === 'object' && value !== null && 'kind' in value) return value as SoqlScalar;
            const ms = typeof value === 'number' ? value : Date.parse(String(value));
            return Number.isNaN(ms) ? null : { kind: 'datetime', ms };
        }
        default:
            return String(value);
    }
}

/**
 * The comparable form of a value for a field of `type`: lower-cased text, canonical Ids, day strings,
 * millisecond instants. A value of the wrong kind is the platform's QueryException.
 */
export function comparable(
    value: SoqlScalar,
    type: FieldType,
    what: string
): string | number | boolean | null {
    if (value === null) return null;
    if (type === 'id' || type === 'reference') {
        if (typeof value !== 'string') throw mismatch(value, type, what);
        return canonicalId(value);
    }
    if (TEXT_TYPES.has(type)) {
        if (typeof value === 'object') throw mismatch(value, type, what);
        return String(value).toLowerCase();
    }
    if (NUMBER_TYPES.has(type)) {
        if (typeof value === 'number') return value;
        if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
            return Number(value);
        throw mismatch(value, type, what);
    }
    if (type === 'boolean') {
        if (typeof value !== 'boolean') throw mismatch(value, type, what);
        return value;
    }
    if (type === 'date') {
        if (typeof value === 'object' && value.kind === 'date') return value.iso;
        if (typeof value === 'object' && value.kind === 'datetime') return isoDay(value.ms);
        throw mismatch(value, type, what);
    }
    // datetime: a Date bind stands for midnight GMT of that day
    if (typeof value === 'object' && value.kind === 'datetime') return value.ms;
    if (typeof value === 'object' && value.kind === 'date') return Date.parse(`${value.iso}T00:00:00Z`);
    throw mismatch(value, type, what);
}

function mismatch(value: SoqlScalar, type: FieldType, what: string): SoqlQueryError {
    const shown = typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
    return new SoqlQueryError(
        `value of filter criterion for field '${what}' must be of type ${type}: ${shown}`
    );
}

/** Orders two comparable values of one type (never null: nulls are placed by the caller). */
export function compareComparable(a: string | number | boolean, b: string | number | boolean): number {
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
    const left = String(a);
    const right = String(b);
    return left < right ? -1 : left > right ? 1 : 0;
}

/** LIKE: `%` any run, `_` one character, `\%` and `\_` themselves; never case-sensitive. */
export function likeMatcher(pattern: string): (text: string) => boolean {
    let source = '';
    for (let i = 0; i < pattern.length; i++) {
        const char = pattern[i]!;
        if (char === '\\' && i + 1 < pattern.length) {
            source += escapeRegex(pattern[++i]!);
        } else if (char === '%') {
            source += '[\\s\\S]*';
        } else if (char === '_') {
            source += '[\\s\\S]';
        } else {
            source += escapeRegex(char);
        }
    }
    const regex = new RegExp(`^${source}$`, 'i');
    return (text) => regex.test(text);
}

function escapeRegex(char: string): string {
    return char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
