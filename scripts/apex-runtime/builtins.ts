// The system methods Keystone calls, with the platform's documented results and exceptions.
// Every other system method fails loudly as unsupported.
import { FORCE_APP } from '../lib/project';
import { caseSafeSuffix, isValidId } from '../preview/emulator/ids';
import { readLabels } from '../lib/labels';
import { UnsupportedError, unsupported } from './errors';
import { patternStatic } from './regex';
import { Interpreter, convertNumber, listGet } from './interpreter';
import { simpleType } from './registry';
import { apexEquals, keyOf, roundTo, toApexString, typeNameForException, typeNameOf } from './semantics';
import {
    ApexDate,
    ApexDatetime,
    ApexList,
    ApexMap,
    ApexNumber,
    ApexObject,
    ApexSet,
    EnumValue,
    TypeValue,
    Value,
    isNumber
} from './values';

const identities = new WeakMap<object, number>();
const key = (value: Value): string => keyOf(value, identities);

const BUILTIN_TYPES = new Set([
    'label',
    'pattern',
    'matcher',
    'string',
    'integer',
    'long',
    'decimal',
    'double',
    'boolean',
    'date',
    'datetime',
    'id',
    'math',
    'json',
    'system',
    'assert',
    'object',
    'list',
    'set',
    'map',
    'limits',
    'userinfo',
    'featuremanagement',
    'crypto',
    'database',
    'test',
    'trigger',
    'blob',
    'encodingutil',
    'eventbus',
    'approval'
]);

/**
 * A Datetime in a Java SimpleDateFormat pattern, as Datetime.format(pattern) takes it: y, M, d, H, h, m,
 * s, S, a, E and quoted text; any other letter is unsupported rather than guessed.
 */
function formatDatetime(ms: number, pattern: string): string {
    const at = new Date(ms);
    const months = [
        'January',
        'February',
        'March',
        'April',
        'May',
        'June',
        'July',
        'August',
        'September',
        'October',
        'November',
        'December'
    ];
    const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
    const pad = (n: number, width: number): string => String(n).padStart(width, '0');
    let out = '';
    for (let i = 0; i < pattern.length;) {
        const c = pattern[i]!;
        if (c === "'") {
            const end = pattern.indexOf("'", i + 1);
            const quoted = pattern.slice(i + 1, end < 0 ? pattern.length : end);
            out += quoted === '' ? "'" : quoted;
            i = end < 0 ? pattern.length : end + 1;
            continue;
        }
        if (!/[a-zA-Z]/.test(c)) {
            out += c;
            i++;
            continue;
        }
        let n = 1;
        while (pattern[i + n] === c) n++;
        i += n;
        const hour = at.getUTCHours();
        switch (c) {
            case 'y':
                out += n === 2 ? pad(at.getUTCFullYear() % 100, 2) : pad(at.getUTCFullYear(), n);
                break;
            case 'M':
                out +=
                    n >= 4
                        ? months[at.getUTCMonth()]
                        : n === 3
                          ? months[at.getUTCMonth()]!.slice(0, 3)
                          : pad(at.getUTCMonth() + 1, n);
                break;
            case 'd':
                out += pad(at.getUTCDate(), n);
                break;
            case 'H':
                out += pad(hour, n);
                break;
            case 'h':
                out += pad(hour % 12 === 0 ? 12 : hour % 12, n);
                break;
            case 'm':
                out += pad(at.getUTCMinutes(), n);
                break;
            case 's':
                out += pad(at.getUTCSeconds(), n);
                break;
            case 'S':
                out += pad(at.getUTCMilliseconds(), n);
                break;
            case 'a':
                out += hour < 12 ? 'AM' : 'PM';
                break;
            case 'E':
                out += n >= 4 ? days[at.getUTCDay()] : days[at.getUTCDay()]!.slice(0, 3);
                break;
            default:
                throw new UnsupportedError(`unsupported: Datetime.format pattern letter ${c}`);
        }
    }
    return out;
}

/**
 * A String as an Id holds it: always the 18-character case-safe form, whatever was written ("ID Field
 * Type"; `Id x = '001…15'` reads back with its suffix); not an Id shape fails as `Invalid id`.
 */
export function idOf(interp: Interpreter, text: string): string {
    if (!isValidId(text)) interp.fail('StringException', `Invalid id: ${text}`);
    return text.length === 15 ? text + caseSafeSuffix(text) : text;
}

export function isBuiltinType(name: string): boolean {
    return BUILTIN_TYPES.has(name);
}

export function staticBuiltinField(
    interp: Interpreter,
    type: string,
    name: string,
    file: string,
    line: number
): Value {
    void interp;
    if (type === 'label') return customLabel(name, file, line);
    if (type === 'integer' && name === 'max_value') return ApexNumber.int(2147483647);
    if (type === 'integer' && name === 'min_value') return ApexNumber.int(-2147483648);
    throw unsupported(`static field ${type}.${name}`, file, line);
}

let labels: Map<string, string> | null = null;

/** `Label.Name` / `System.Label.Name`: the label's value from force-app (the org's default language). */
function customLabel(name: string, file: string, line: number): string {
    labels ??= new Map(
        Object.entries(readLabels(FORCE_APP)).map(([key, value]) => [key.toLowerCase(), value])
    );
    const value = labels.get(name.toLowerCase());
    if (value === undefined) throw new Error(`would not compile: no custom label ${name} at ${file}:${line}`);
    return value;
}

function str(interp: Interpreter, value: Value): string {
    if (value === null) interp.npe();
    return typeof value === 'string' ? value : toApexString(value);
}

function num(interp: Interpreter, value: Value): number {
    if (value === null) interp.npe();
    if (!isNumber(value))
        throw new UnsupportedError(`unsupported: expected a number, got ${typeNameOf(value)}`);
    return value.value;
}

function int(n: number): ApexNumber {
    return ApexNumber.int(n);
}

function assertFail(interp: Interpreter, detail: string | null, message: Value): never {
    const custom = message === null || message === undefined ? '' : toApexString(message);
    const parts = ['Assertion Failed'];
    if (custom) parts.push(custom);
    if (detail) parts.push(detail);
    interp.fail('AssertException', parts.join(': '));
}

function expectedActual(expected: Value, actual: Value): string {
    return `Expected: ${toApexString(expected)}, Actual: ${toApexString(actual)}`;
}

function parseInteger(interp: Interpreter, text: string, kind: 'Integer' | 'Long'): ApexNumber {
    const trimmed = text.trim();
    if (!/^[+-]?\d+$/.test(trimmed)) interp.fail('TypeException', `Invalid ${kind.toLowerCase()}: ${text}`);
    if (kind === 'Long') return ApexNumber.long(BigInt(trimmed));
    const n = Number(trimmed);
    if (n > 2147483647 || n < -2147483648) interp.fail('TypeException', `Invalid integer: ${text}`);
    return int(n);
}

function parseDecimal(interp: Interpreter, text: string): ApexNumber {
    const trimmed = text.trim();
    if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed))
        interp.fail('TypeException', `Invalid decimal: ${text}`);
    return ApexNumber.decimal(
        Number(trimmed),
        trimmed.includes('e') || trimmed.includes('E') ? undefined : (trimmed.split('.')[1]?.length ?? 0)
    );
}

function parseDate(interp: Interpreter, text: string): ApexDate {
    const match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:\s.*)?$/.exec(text.trim());
    if (!match) interp.fail('TypeException', `Invalid date: ${text}`);
    return ApexDate.of(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** String.format: {0}, {1}… replaced by the arguments' string forms. */
function format(template: string, args: Value[]): string {
    return template.replace(/\{(\d+)\}/g, (whole, index: string) => {
        const i = Number(index);
        return i < args.length ? toApexString(args[i]) : whole;
    });
}

function toList(interp: Interpreter, value: Value): Value[] {
    if (value === null) interp.npe();
    if (value instanceof ApexList) return value.items;
    if (value instanceof ApexSet) return [...value.entries.values()];
    throw new UnsupportedError(`unsupported: expected a list, got ${typeNameOf(value)}`);
}

// ---------- JSON ----------

function toJson(value: Value): unknown {
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
    if (isNumber(value)) return value.kind === 'Long' ? Number(value.big) : value.value;
    if (value instanceof ApexDate) return value.toString();
    if (value instanceof ApexDatetime) return new Date(value.ms).toISOString();
    if (value instanceof ApexList) return value.items.map(toJson);
    if (value instanceof ApexSet) return [...value.entries.values()].map(toJson);
    if (value instanceof ApexMap) {
        const out: Record<string, unknown> = {};
        for (const [k, v] of value.entries.values()) out[toApexString(k)] = toJson(v);
        return out;
    }
    if (value instanceof EnumValue) return value.name;
    if (value instanceof ApexObject) {
        const out: Record<string, unknown> = {};
        const chain = [];
        for (
            let cls: ApexObject['cls'] | null | undefined = value.cls;
            cls && cls.kind === 'class';
            cls = cls.superClass
        )
            chain.unshift(cls);
        for (const cls of chain) {
            for (const field of cls.fields.values()) {
                if (!field.isStatic)
                    out[field.name] = toJson(value.fields.get(field.name.toLowerCase()) ?? null);
            }
        }
        return out;
    }
    return null;
}

function fromJsonUntyped(value: unknown, interp: Interpreter): Value {
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number') {
        if (Number.isInteger(value)) {
            return value <= 2147483647 && value >= -2147483648 ? int(value) : ApexNumber.long(BigInt(value));
        }
        return ApexNumber.decimal(value);
    }
    if (Array.isArray(value))
        return new ApexList(
            simpleType('Object'),
            value.map((item) => fromJsonUntyped(item, interp))
        );
    const map = new ApexMap(simpleType('String'), simpleType('Object'));
    for (const [k, v] of Object.entries(value as Record<string, unknown>))
        map.entries.set(key(k), [k, fromJsonUntyped(v, interp)]);
    return map;
}

function fromJsonTyped(
    value: unknown,
    type:
        | { name: string; display: string; args: { name: string; display: string; args: never[] }[] }
        | import('./registry').TypeRef,
    interp: Interpreter,
    file: string,
    line: number,
    // the class whose field is being read: its inner classes resolve by their short name
    from: import('./registry').ClassDef | null = null
): Value {
    if (value === null || value === undefined) return null;
    const name = type.name.replace(/^system\./, '');
    switch (name) {
        case 'object':
            return fromJsonUntyped(value, interp);
        case 'string':
        case 'id':
            return String(value);
        case 'boolean':
            return Boolean(value);
        case 'integer':
        case 'long':
        case 'decimal':
        case 'double': {
            const untyped = fromJsonUntyped(value, interp);
            if (!isNumber(untyped))
                interp.fail('JSONException', `Cannot deserialize ${typeof value} as ${type.display}`);
            return convertNumber(untyped, name);
        }
        case 'date':
            return parseDate(interp, String(value));
        case 'list': {
            if (!Array.isArray(value))
                interp.fail('JSONException', `Expected a JSON array for ${type.display}`);
            const elem = type.args[0] ?? simpleType('Object');
            return new ApexList(
                elem,
                value.map((item) => fromJsonTyped(item, elem, interp, file, line, from))
            );
        }
        case 'map': {
            const map = new ApexMap(
                type.args[0] ?? simpleType('String'),
                type.args[1] ?? simpleType('Object')
            );
            for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
                map.entries.set(key(k), [
                    k,
                    fromJsonTyped(v, map.valueType ?? simpleType('Object'), interp, file, line, from)
                ]);
            }
            return map;
        }
    }
    const cls =
        (from?.name.toLowerCase() === name ? from : null) ??
        interp.resolveClass(name, from) ??
        interp.resolveClass(name, null);
    if (!cls || cls.kind !== 'class') throw unsupported(`JSON.deserialize into ${type.display}`, file, line);
    const object = interp.instantiate(cls, [], file, line);
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        let field = null;
        for (
            let current: typeof cls | null | undefined = cls;
            current && !field;
            current = current.superClass
        ) {
            field = current.fields.get(k.toLowerCase()) ?? null;
        }
        if (field && !field.isStatic)
            object.fields.set(
                field.name.toLowerCase(),
                fromJsonTyped(v, field.type, interp, file, line, cls)
            );
    }
    return object;
}

// ---------- static methods ----------

export function callStaticBuiltin(
    interp: Interpreter,
    type: string,
    method: string,
    args: Value[],
    file: string,
    line: number
): Value {
    const [a, b, c] = args;
    if (type === 'pattern') {
        const result = patternStatic(method, args, file, line);
        if (result !== undefined) return result;
    }
    const sig = `${type}.${method}`;
    switch (sig) {
        case 'string.valueof':
            if (a instanceof ApexDatetime) return a.toString();
            return a === null ? null : toApexString(a);
        case 'string.isblank':
            return a === null || String(a).trim() === '';
        case 'string.isnotblank':
            return !(a === null || String(a).trim() === '');
        case 'string.isempty':
            return a === null || a === '';
        case 'string.isnotempty':
            return !(a === null || a === '');
        case 'string.join':
            return toList(interp, a)
                .map(toApexString)
                .join(b === null ? 'null' : String(b));
        case 'string.format':
            return format(str(interp, a), toList(interp, b));
        case 'string.escapesinglequotes':
            return str(interp, a).replace(/'/g, "\\'");
        case 'integer.valueof':
            if (typeof a === 'string') return parseInteger(interp, a, 'Integer');
            return a === null ? null : convertNumber(a as ApexNumber, 'integer');
        case 'long.valueof':
            if (typeof a === 'string') return parseInteger(interp, a, 'Long');
            return a === null ? null : convertNumber(a as ApexNumber, 'long');
        case 'decimal.valueof':
            if (typeof a === 'string') return parseDecimal(interp, a);
            return a === null ? null : convertNumber(a as ApexNumber, 'decimal');
        case 'double.valueof':
            if (typeof a === 'string') return ApexNumber.double(parseDecimal(interp, a).value);
            return a === null ? null : convertNumber(a as ApexNumber, 'double');
        case 'boolean.valueof':
            if (typeof a === 'string') return a.toLowerCase() === 'true';
            return a;
        case 'id.valueof':
            if (a === null) return null;
            return idOf(interp, typeof a === 'string' ? a : toApexString(a));
        case 'math.min':
        case 'math.max': {
            const x = a as ApexNumber;
            const y = b as ApexNumber;
            if (x === null || y === null) interp.npe();
            const pick = sig === 'math.min' ? (x.value <= y.value ? x : y) : x.value >= y.value ? x : y;
            const kind = [x.kind, y.kind].includes('Decimal')
                ? 'decimal'
                : [x.kind, y.kind].includes('Double')
                  ? 'double'
                  : [x.kind, y.kind].includes('Long')
                    ? 'long'
                    : 'integer';
            return convertNumber(pick, kind);
        }
        case 'math.abs': {
            const x = a as ApexNumber;
            if (x === null) interp.npe();
            return x.value < 0
                ? convertNumber(new ApexNumber(x.kind, -x.n, -x.big, x.scale), x.kind.toLowerCase())
                : x;
        }
        case 'math.mod': {
            const x = num(interp, a);
            const y = num(interp, b);
            if (y === 0) interp.fail('MathException', 'Divide by 0');
            return (a as ApexNumber).kind === 'Long' ? ApexNumber.long(BigInt(x % y)) : int(x % y);
        }
        case 'math.round':
            // Math.round(Decimal) rounds half-even; Math.round(Double) rounds half up
            return (a as ApexNumber)?.kind === 'Decimal'
                ? int(halfEven(num(interp, a)))
                : int(Math.round(num(interp, a)));
        case 'math.roundtolong':
            return ApexNumber.long(
                BigInt(
                    (a as ApexNumber)?.kind === 'Decimal'
                        ? halfEven(num(interp, a))
                        : Math.round(num(interp, a))
                )
            );
        case 'math.floor':
            return convertNumber(
                ApexNumber.decimal(Math.floor(num(interp, a))),
                (a as ApexNumber).kind.toLowerCase()
            );
        case 'math.ceil':
            return convertNumber(
                ApexNumber.decimal(Math.ceil(num(interp, a))),
                (a as ApexNumber).kind.toLowerCase()
            );
        case 'date.today': {
            // the org's today (the store's, which its validation rules and SOQL date literals use too)
            if (interp.org) return parseDate(interp, interp.org.store.today);
            const now = new Date();
            return ApexDate.of(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
        }
        case 'date.newinstance':
            return ApexDate.of(num(interp, a), num(interp, b), num(interp, c));
        case 'date.valueof':
            if (a instanceof ApexDatetime) return new ApexDate(Math.floor(a.ms / 86400000));
            return a === null ? null : parseDate(interp, str(interp, a));
        case 'date.isleapyear': {
            const y = num(interp, a);
            return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
        }
        case 'date.daysinmonth':
            return int(new Date(Date.UTC(num(interp, a), num(interp, b), 0)).getUTCDate());
        case 'datetime.now':
            return new ApexDatetime(Date.now());
        case 'datetime.newinstance':
        case 'datetime.newinstancegmt':
            if (args.length === 1) return new ApexDatetime(num(interp, a));
            return new ApexDatetime(
                Date.UTC(
                    num(interp, a),
                    num(interp, b) - 1,
                    num(interp, c),
                    args[3] ? num(interp, args[3]) : 0,
                    args[4] ? num(interp, args[4]) : 0,
                    args[5] ? num(interp, args[5]) : 0
                )
            );
        case 'json.serialize':
            return JSON.stringify(toJson(a));
        case 'json.serializepretty':
            return JSON.stringify(toJson(a), null, 2);
        case 'json.deserializeuntyped':
            try {
                return fromJsonUntyped(JSON.parse(str(interp, a)), interp);
            } catch (error) {
                if (error instanceof SyntaxError)
                    interp.fail('JSONException', `Unexpected character in JSON: ${error.message}`);
                throw error;
            }
        case 'json.deserialize': {
            if (!(b instanceof TypeValue)) throw unsupported('JSON.deserialize without a type', file, line);
            let parsed: unknown;
            try {
                parsed = JSON.parse(str(interp, a));
            } catch {
                interp.fail('JSONException', 'Unexpected character in JSON');
            }
            return fromJsonTyped(parsed, typeOfTypeValue(b), interp, file, line, b.cls);
        }
        case 'test.starttest':
        case 'test.stoptest':
            // only a test run gives these a meaning (fresh limits, queued work); elsewhere they fail loudly
            if (!interp.testHooks) throw unsupported(`Test.${method} outside a test run`, file, line);
            if (method === 'starttest') interp.testHooks.startTest(interp);
            else interp.testHooks.stopTest(interp);
            return null;
        case 'system.debug':
            interp.debugLog.push(toApexString(args[args.length - 1]));
            return null;
        case 'system.assert':
        case 'assert.istrue':
            if (a !== true)
                assertFail(
                    interp,
                    sig === 'assert.istrue' ? expectedActual(true, a) : null,
                    args.length > 1 ? b : null
                );
            return null;
        case 'assert.isfalse':
            if (a !== false) assertFail(interp, expectedActual(false, a), args.length > 1 ? b : null);
            return null;
        case 'system.assertequals':
        case 'assert.areequal':
            if (!apexEquals(interp, a, b, true))
                assertFail(interp, expectedActual(a, b), args.length > 2 ? c : null);
            return null;
        case 'system.assertnotequals':
        case 'assert.arenotequal':
            if (apexEquals(interp, a, b, true))
                assertFail(interp, `Same value: ${toApexString(a)}`, args.length > 2 ? c : null);
            return null;
        case 'assert.isnull':
            if (a !== null)
                assertFail(interp, `Expected: null, Actual: ${toApexString(a)}`, args.length > 1 ? b : null);
            return null;
        case 'assert.isnotnull':
            if (a === null)
                assertFail(interp, 'Expected: not null, Actual: null', args.length > 1 ? b : null);
            return null;
        case 'assert.fail':
            assertFail(interp, null, args.length ? a : null);
            break;
        case 'assert.isinstanceoftype':
        case 'assert.isnotinstanceoftype': {
            if (!(b instanceof TypeValue)) throw unsupported(sig, file, line);
            const isIt = interp.isInstance(a, typeOfTypeValue(b), null);
            if (isIt !== (sig === 'assert.isinstanceoftype'))
                assertFail(
                    interp,
                    `Expected: ${b.name}, Actual: ${typeNameOf(a)}`,
                    args.length > 2 ? c : null
                );
            return null;
        }
    }
    throw unsupported(`system method ${sig}`, file, line);
}

function typeOfTypeValue(value: TypeValue): import('./registry').TypeRef {
    // `List<Foo>.class` keeps its arguments in the display text
    const parse = (text: string): import('./registry').TypeRef => {
        const lt = text.indexOf('<');
        if (lt < 0) return simpleType(text.trim());
        const head = text.slice(0, lt).trim();
        const inner = text.slice(lt + 1, text.lastIndexOf('>'));
        const parts: string[] = [];
        let depth = 0;
        let start = 0;
        for (let i = 0; i < inner.length; i++) {
            if (inner[i] === '<') depth++;
            else if (inner[i] === '>') depth--;
            else if (inner[i] === ',' && depth === 0) {
                parts.push(inner.slice(start, i));
                start = i + 1;
            }
        }
        parts.push(inner.slice(start));
        return simpleType(head, parts.map(parse));
    };
    return parse(value.name);
}

function halfEven(n: number): number {
    const floor = Math.floor(n);
    const diff = n - floor;
    if (Math.abs(diff - 0.5) < 1e-12) return floor % 2 === 0 ? floor : floor + 1;
    return Math.round(n);
}

function roundWithMode(n: number, scale: number, mode: string): number {
    const factor = 10 ** scale;
    const scaled = n * factor;
    const sign = Math.sign(scaled);
    const abs = Math.abs(scaled);
    const floor = Math.floor(abs + 1e-9);
    const frac = abs - floor;
    let rounded: number;
    switch (mode) {
        case 'UP':
            rounded = frac > 1e-9 ? floor + 1 : floor;
            break;
        case 'DOWN':
            rounded = floor;
            break;
        case 'CEILING':
            return Math.ceil(scaled - 1e-9) / factor;
        case 'FLOOR':
            return Math.floor(scaled + 1e-9) / factor;
        case 'HALF_DOWN':
            rounded = frac > 0.5 + 1e-9 ? floor + 1 : floor;
            break;
        case 'HALF_EVEN':
            rounded = Math.abs(frac - 0.5) < 1e-9 ? (floor % 2 === 0 ? floor : floor + 1) : Math.round(abs);
            break;
        default:
            rounded = frac >= 0.5 - 1e-9 ? floor + 1 : floor;
    }
    return (sign * rounded) / factor;
}

// ---------- instance methods ----------

export function callInstanceBuiltin(
    interp: Interpreter,
    target: Value,
    method: string,
    args: Value[],
    file: string,
    line: number
): Value {
    const [a, b] = args;
    if (target === null) interp.npe();
    if (typeof target === 'string') return stringMethod(interp, target, method, args, file, line);
    if (isNumber(target)) {
        switch (method) {
            case 'intvalue':
                return convertNumber(target, 'integer');
            case 'longvalue':
                return convertNumber(target, 'long');
            case 'doublevalue':
                return convertNumber(target, 'double');
            case 'format':
            case 'tostring':
            case 'toplainstring':
                return target.toString();
            case 'setscale': {
                const scale = num(interp, a);
                const mode = b instanceof EnumValue ? b.name : 'HALF_UP';
                return ApexNumber.decimal(roundWithMode(target.value, scale, mode), scale);
            }
            case 'scale':
                return int(target.kind === 'Decimal' ? target.scale : 0);
            case 'round': {
                const mode = a instanceof EnumValue ? a.name : 'HALF_EVEN';
                return ApexNumber.long(BigInt(roundWithMode(target.value, 0, mode)));
            }
            case 'abs':
                return target.value < 0 ? ApexNumber.decimal(-target.value, target.scale) : target;
            case 'divide': {
                const divisor = num(interp, a);
                if (divisor === 0) interp.fail('MathException', 'Divide by 0');
                const scale = num(interp, b);
                const mode = args[2] instanceof EnumValue ? args[2].name : 'HALF_UP';
                return ApexNumber.decimal(roundWithMode(target.value / divisor, scale, mode), scale);
            }
            case 'equals':
                return apexEquals(interp, target, a, true);
        }
        throw unsupported(`${target.kind}.${method}`, file, line);
    }
    if (typeof target === 'boolean') {
        if (method === 'equals') return target === a;
        throw unsupported(`Boolean.${method}`, file, line);
    }
    if (target instanceof ApexDate) {
        switch (method) {
            case 'adddays':
                return new ApexDate(target.epochDay + num(interp, a));
            case 'addmonths':
                return target.addMonths(num(interp, a));
            case 'addyears':
                return target.addMonths(12 * num(interp, a));
            case 'daysbetween':
                if (a === null) interp.npe();
                return int((a as ApexDate).epochDay - target.epochDay);
            case 'year':
                return int(target.year);
            case 'month':
                return int(target.month);
            case 'day':
                return int(target.day);
            case 'dayofyear':
                return int(target.epochDay - ApexDate.of(target.year, 1, 1).epochDay + 1);
            case 'tostartofmonth':
                return ApexDate.of(target.year, target.month, 1);
            case 'monthsbetween':
                return int(((a as ApexDate).year - target.year) * 12 + (a as ApexDate).month - target.month);
            case 'isSameDay':
            case 'issameday':
                return (a as ApexDate)?.epochDay === target.epochDay;
            case 'format':
            case 'tostring':
                return target.toString();
        }
        throw unsupported(`Date.${method}`, file, line);
    }
    if (target instanceof ApexDatetime) {
        switch (method) {
            case 'gettime':
                return ApexNumber.long(BigInt(target.ms));
            case 'date':
            case 'dategmt':
                return new ApexDate(Math.floor(target.ms / 86400000));
            case 'adddays':
                return new ApexDatetime(target.ms + num(interp, a) * 86400000);
            case 'addhours':
                return new ApexDatetime(target.ms + num(interp, a) * 3600000);
            case 'addminutes':
                return new ApexDatetime(target.ms + num(interp, a) * 60000);
            case 'addseconds':
                return new ApexDatetime(target.ms + num(interp, a) * 1000);
            case 'year':
            case 'yeargmt':
                return int(new Date(target.ms).getUTCFullYear());
            case 'month':
            case 'monthgmt':
                return int(new Date(target.ms).getUTCMonth() + 1);
            case 'day':
            case 'daygmt':
                return int(new Date(target.ms).getUTCDate());
            case 'hour':
            case 'hourgmt':
                return int(new Date(target.ms).getUTCHours());
            case 'minute':
            case 'minutegmt':
                return int(new Date(target.ms).getUTCMinutes());
            case 'second':
            case 'secondgmt':
                return int(new Date(target.ms).getUTCSeconds());
            case 'format':
            case 'formatgmt':
                // the user's time zone is GMT here (see the README); format() is the en_US short form
                if (args.length > 1) throw unsupported('Datetime.format with a time zone', file, line);
                return formatDatetime(target.ms, args.length ? str(interp, a) : 'M/d/yyyy, h:mm a');
        }
        throw unsupported(`Datetime.${method}`, file, line);
    }
    if (target instanceof ApexList) return listMethod(interp, target, method, args, file, line);
    if (target instanceof ApexSet) return setMethod(interp, target, method, args, file, line);
    if (target instanceof ApexMap) return mapMethod(interp, target, method, args, file, line);
    if (target instanceof EnumValue) {
        switch (method) {
            case 'name':
            case 'tostring':
                return target.name;
            case 'ordinal':
                return int(target.ordinal);
            case 'equals':
                return target === a;
            case 'hashcode':
                return int(target.ordinal);
        }
        throw unsupported(`enum method ${method}`, file, line);
    }
    if (target instanceof ApexObject) {
        if (interp.isException(target.cls)) {
            switch (method) {
                case 'getmessage':
                    return target.fields.get('message') ?? null;
                case 'setmessage':
                    target.fields.set('message', a === null ? null : toApexString(a));
                    return null;
                case 'getcause':
                    return target.fields.get('cause') ?? null;
                case 'initcause':
                    target.fields.set('cause', a);
                    return null;
                case 'gettypename':
                    return typeNameForException(target);
                case 'getstacktracestring':
                    return String(target.fields.get('$stack') ?? '');
                case 'getlinenumber': {
                    // the innermost frame's line, as the trace's first line states it
                    const first = /: line (\d+),/.exec(String(target.fields.get('$stack') ?? ''));
                    return int(first ? Number(first[1]) : -1);
                }
                case 'tostring':
                    return toApexString(target);
            }
        }
        if (method === 'equals') return target === a;
        if (method === 'tostring') return toApexString(target);
        if (method === 'hashcode') return int(Number(key(target).slice(2)));
        throw unsupported(`method ${method} of ${target.cls.qualifiedName}`, file, line);
    }
    throw unsupported(`method ${method} of ${typeNameOf(target)}`, file, line);
}

function stringMethod(
    interp: Interpreter,
    s: string,
    method: string,
    args: Value[],
    file: string,
    line: number
): Value {
    const [a, b] = args;
    const arg = (value: Value): string => str(interp, value);
    switch (method) {
        case 'length':
            return int(s.length);
        case 'tolowercase':
            return s.toLowerCase();
        case 'touppercase':
            return s.toUpperCase();
        case 'trim':
            // the platform trims whitespace and control characters up to U+0020, as Java's trim
            return s.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
        case 'contains':
            return s.includes(arg(a));
        case 'containsignorecase':
            return s.toLowerCase().includes(arg(a).toLowerCase());
        case 'startswith':
            return s.startsWith(arg(a));
        case 'endswith':
            return s.endsWith(arg(a));
        case 'startswithignorecase':
            return s.toLowerCase().startsWith(arg(a).toLowerCase());
        case 'equals':
            return typeof a === 'string' && s === a;
        case 'equalsignorecase':
            return typeof a === 'string' && s.toLowerCase() === a.toLowerCase();
        case 'indexof':
            return int(s.indexOf(arg(a), b ? num(interp, b) : 0));
        case 'lastindexof':
            return int(s.lastIndexOf(arg(a)));
        case 'substring': {
            const start = num(interp, a);
            const end = args.length > 1 ? num(interp, b) : s.length;
            if (start < 0 || end > s.length || start > end) {
                interp.fail('StringException', `Ending position out of bounds: ${end}`);
            }
            return s.substring(start, end);
        }
        case 'left':
            return s.slice(0, Math.max(0, num(interp, a)));
        case 'right':
            return s.slice(Math.max(0, s.length - num(interp, a)));
        case 'abbreviate': {
            const max = num(interp, a);
            return s.length <= max ? s : `${s.slice(0, max - 3)}...`;
        }
        case 'split': {
            const pieces = s.split(new RegExp(arg(a)));
            const limit = args.length > 1 ? num(interp, b) : 0;
            // as Java: trailing empty strings are dropped when no positive limit is given
            if (limit <= 0) while (pieces.length > 1 && pieces[pieces.length - 1] === '') pieces.pop();
            if (s === '') return new ApexList(simpleType('String'), []);
            return new ApexList(simpleType('String'), pieces);
        }
        case 'replace':
            return s.split(arg(a)).join(arg(b));
        case 'replaceall':
            return s.replace(new RegExp(arg(a), 'g'), arg(b).replace(/\$(\d)/g, '$$$1'));
        case 'leftpad':
        case 'rightpad': {
            const width = num(interp, a);
            const pad = args.length > 1 ? arg(b) : ' ';
            return method === 'leftpad' ? s.padStart(width, pad) : s.padEnd(width, pad);
        }
        case 'capitalize':
            return s.charAt(0).toUpperCase() + s.slice(1);
        case 'isnumeric':
            return /^\d+$/.test(s);
        case 'isblank':
            return s.trim() === '';
        case 'isnotblank':
            return s.trim() !== '';
        case 'normalizespace':
            return s.trim().replace(/\s+/g, ' ');
        case 'charat':
            return int(s.charCodeAt(num(interp, a)));
        case 'reverse':
            return [...s].reverse().join('');
        case 'tostring':
        case 'valueof':
            return s;
        case 'hashcode': {
            let hash = 0;
            for (let i = 0; i < s.length; i++) hash = (Math.imul(31, hash) + s.charCodeAt(i)) | 0;
            return int(hash);
        }
        case 'compareto':
            return int(s < arg(a) ? -1 : s > arg(a) ? 1 : 0);
        case 'remove':
            return s.split(arg(a)).join('');
        case 'removeend':
            return s.endsWith(arg(a)) ? s.slice(0, s.length - arg(a).length) : s;
        case 'removestart':
            return s.startsWith(arg(a)) ? s.slice(arg(a).length) : s;
        case 'countmatches':
            return int(arg(a) === '' ? 0 : s.split(arg(a)).length - 1);
        case 'escapesinglequotes':
            return s.replace(/'/g, "\\'");
        case 'substringbefore': {
            const i = s.indexOf(arg(a));
            return i < 0 ? s : s.slice(0, i);
        }
        case 'substringafter': {
            const i = s.indexOf(arg(a));
            return i < 0 ? '' : s.slice(i + arg(a).length);
        }
        case 'repeat': {
            // repeat(times) and repeat(separator, times); as commons-lang's StringUtils, which the
            // platform's String methods follow, no repetitions give the empty string
            const times = num(interp, args.length > 1 ? b : a);
            const separator = args.length > 1 ? arg(a) : '';
            return times <= 0 ? '' : Array(times).fill(s).join(separator);
        }
        case 'getsobjecttype':
        case 'to15':
            throw unsupported(`Id.${method}`, file, line);
    }
    throw unsupported(`String.${method}`, file, line);
}

function listMethod(
    interp: Interpreter,
    list: ApexList,
    method: string,
    args: Value[],
    file: string,
    line: number
): Value {
    const [a, b] = args;
    switch (method) {
        case 'add':
            if (args.length === 2) {
                const index = num(interp, a);
                if (index < 0 || index > list.items.length)
                    interp.fail('ListException', `List index out of bounds: ${index}`);
                list.items.splice(index, 0, interp.coerce(b, list.elemType, null, line));
                return null;
            }
            list.items.push(interp.coerce(a, list.elemType, null, line));
            return null;
        case 'addall':
            list.items.push(...toList(interp, a));
            return null;
        case 'get':
            return listGet(interp, list, a);
        case 'set':
            listGet(interp, list, a);
            list.items[num(interp, a)] = b;
            return null;
        case 'size':
            return int(list.items.length);
        case 'isempty':
            return list.items.length === 0;
        case 'clear':
            list.items.length = 0;
            return null;
        case 'remove': {
            const removed = listGet(interp, list, a);
            list.items.splice(num(interp, a), 1);
            return removed;
        }
        case 'contains':
            return list.items.some((item) => apexEquals(interp, item, a, true));
        case 'indexof':
            return int(list.items.findIndex((item) => apexEquals(interp, item, a, true)));
        case 'clone':
        case 'deepclone':
            return new ApexList(list.elemType, [...list.items]);
        case 'sort':
            list.items.sort((x, y) => sortCompare(interp, x, y, file, line));
            return null;
        case 'equals':
            return apexEquals(interp, list, a, true);
        case 'tostring':
            return toApexString(list);
        case 'hashcode':
            return int(0);
    }
    throw unsupported(`List.${method}`, file, line);
}

/** List.sort: nulls first, then ascending; Strings by their characters (case-sensitive, as the platform). */
function sortCompare(interp: Interpreter, x: Value, y: Value, file: string, line: number): number {
    if (x === null || y === null) return x === y ? 0 : x === null ? -1 : 1;
    if (typeof x === 'string' && typeof y === 'string') return x < y ? -1 : x > y ? 1 : 0;
    if (isNumber(x) && isNumber(y)) return x.value - y.value;
    if (x instanceof ApexDate && y instanceof ApexDate) return x.epochDay - y.epochDay;
    if (x instanceof EnumValue && y instanceof EnumValue) return x.ordinal - y.ordinal;
    if (x instanceof ApexObject && y instanceof ApexObject) {
        const compareTo = interp.findMethod(x.cls, 'compareTo', [y]);
        if (compareTo) return num(interp, interp.invoke(compareTo, x, [y]));
    }
    throw unsupported(`sort of ${typeNameOf(x)}`, file, line);
}

function setMethod(
    interp: Interpreter,
    set: ApexSet,
    method: string,
    args: Value[],
    file: string,
    line: number
): Value {
    const [a] = args;
    switch (method) {
        case 'add': {
            const k = key(a);
            if (set.entries.has(k)) return false;
            set.entries.set(k, a);
            return true;
        }
        case 'addall': {
            let changed = false;
            for (const item of toList(interp, a))
                changed = (setMethod(interp, set, 'add', [item], file, line) as boolean) || changed;
            return changed;
        }
        case 'contains':
            return set.entries.has(key(a));
        case 'containsall':
            return toList(interp, a).every((item) => set.entries.has(key(item)));
        case 'remove':
            return set.entries.delete(key(a));
        case 'removeall': {
            let changed = false;
            for (const item of toList(interp, a)) changed = set.entries.delete(key(item)) || changed;
            return changed;
        }
        case 'retainall': {
            const keep = new Set(toList(interp, a).map(key));
            let changed = false;
            for (const k of [...set.entries.keys()])
                if (!keep.has(k)) changed = set.entries.delete(k) || changed;
            return changed;
        }
        case 'size':
            return int(set.entries.size);
        case 'isempty':
            return set.entries.size === 0;
        case 'clear':
            set.entries.clear();
            return null;
        case 'clone': {
            const copy = new ApexSet(set.elemType);
            for (const [k, v] of set.entries) copy.entries.set(k, v);
            return copy;
        }
        case 'equals':
            return apexEquals(interp, set, a, true);
        case 'tostring':
            return toApexString(set);
    }
    throw unsupported(`Set.${method}`, file, line);
}

function mapMethod(
    interp: Interpreter,
    map: ApexMap,
    method: string,
    args: Value[],
    file: string,
    line: number
): Value {
    const [a, b] = args;
    const key = (value: Value): string =>
        keyOf(map.ignoreKeyCase && typeof value === 'string' ? value.toLowerCase() : value, identities);

    switch (method) {
        case 'put': {
            const k = key(a);
            const previous = map.entries.get(k)?.[1] ?? null;
            map.entries.set(k, [map.entries.get(k)?.[0] ?? a, interp.coerce(b, map.valueType, null, line)]);
            return previous;
        }
        case 'putall':
            if (a === null) interp.npe();
            for (const [k, v] of (a as ApexMap).entries.values())
                mapMethod(interp, map, 'put', [k, v], file, line);
            return null;
        case 'get':
            return map.entries.get(key(a))?.[1] ?? null;
        case 'containskey':
            return map.entries.has(key(a));
        case 'remove': {
            const k = key(a);
            const previous = map.entries.get(k)?.[1] ?? null;
            map.entries.delete(k);
            return previous;
        }
        case 'keyset': {
            const set = new ApexSet(map.keyType);
            for (const [k, [original]] of map.entries) set.entries.set(k, original);
            return set;
        }
        case 'values':
            return new ApexList(
                map.valueType,
                [...map.entries.values()].map(([, v]) => v)
            );
        case 'size':
            return int(map.entries.size);
        case 'isempty':
            return map.entries.size === 0;
        case 'clear':
            map.entries.clear();
            return null;
        case 'clone': {
            const copy = new ApexMap(map.keyType, map.valueType);
            for (const [k, v] of map.entries) copy.entries.set(k, [v[0], v[1]]);
            return copy;
        }
        case 'equals':
            return apexEquals(interp, map, a, true);
        case 'tostring':
            return toApexString(map);
    }
    throw unsupported(`Map.${method}`, file, line);
}

export { roundTo };
