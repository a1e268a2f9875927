// Pattern and Matcher, the Apex regular expressions (Java's syntax), over JavaScript's RegExp. The inline
// flags Keystone writes ((?i) at the start) become RegExp flags; Java-only constructs fail loudly.
import { unsupported } from './errors';
import { ApexNumber, PlatformObject, type Value } from './values';

interface MatcherState {
    regex: RegExp;
    text: string;
    match: RegExpExecArray | null;
    /** where the next find() starts */
    from: number;
}

const JAVA_ONLY = /(\\[AZzGQE])|([*+?}][+])|(\(\?<[=!])|(\\p\{Java)/;

/** Java's regex source and leading inline flags → a global JavaScript RegExp. */
function toRegExp(source: string, file: string, line: number): RegExp {
    let flags = 'g';
    let body = source;
    const inline = /^\(\?([imsux]+)\)/.exec(body);
    if (inline) {
        for (const flag of inline[1]!) {
            if (flag === 'i' || flag === 'm' || flag === 's') flags += flag;
            else throw unsupported(`regex flag (?${flag})`, file, line);
        }
        body = body.slice(inline[0].length);
    }
    const javaOnly = JAVA_ONLY.exec(body);
    if (javaOnly) throw unsupported(`regex construct ${javaOnly[0]}`, file, line);
    return new RegExp(body, flags);
}

export function compilePattern(source: string, file: string, line: number): PlatformObject {
    return new PlatformObject('Pattern', ['pattern', 'system.pattern'], {
        source,
        regex: toRegExp(source, file, line)
    });
}

function newMatcher(pattern: PlatformObject, text: string): PlatformObject {
    const state: MatcherState = { regex: pattern.props.regex as RegExp, text, match: null, from: 0 };
    return new PlatformObject('Matcher', ['matcher', 'system.matcher'], { state });
}

/** Pattern.compile / matches / quote; undefined when `method` is not one of them. */
export function patternStatic(method: string, args: Value[], file: string, line: number): Value | undefined {
    const [a, b] = args;
    switch (method) {
        case 'compile':
            return compilePattern(String(a), file, line);
        case 'matches': {
            const regex = toRegExp(String(a), file, line);
            return new RegExp(`^(?:${regex.source})$`, regex.flags.replace('g', '')).test(String(b));
        }
        case 'quote':
            return String(a).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        default:
            return undefined;
    }
}

/** A Pattern's or Matcher's instance method; `fail` throws the named Apex exception. */
export function regexMethod(
    target: PlatformObject,
    method: string,
    args: Value[],
    fail: (type: string, message: string) => never,
    file: string,
    line: number
): Value {
    if (target.kind === 'Pattern') {
        if (method === 'matcher') return newMatcher(target, String(args[0] ?? 'null'));
        if (method === 'pattern') return String(target.props.source);
        throw unsupported(`Pattern.${method}`, file, line);
    }
    const state = target.props.state as MatcherState;
    const group = (index: number): Value => {
        if (!state.match) fail('StringException', 'No match found');
        if (index < 0 || index >= state.match.length) fail('StringException', `No group ${index}`);
        return state.match[index] ?? null;
    };
    switch (method) {
        case 'find': {
            state.regex.lastIndex = state.from;
            state.match = state.regex.exec(state.text);
            if (state.match) state.from = state.match.index + Math.max(1, state.match[0].length);
            return state.match !== null;
        }
        case 'matches': {
            const whole = new RegExp(`^(?:${state.regex.source})$`, state.regex.flags.replace('g', ''));
            const match = whole.exec(state.text);
            state.match = match;
            return match !== null;
        }
        case 'group':
            return group(args.length ? (args[0] as ApexNumber).value : 0);
        case 'groupcount':
            return ApexNumber.int(new RegExp(`${state.regex.source}|`).exec('')!.length - 1);
        case 'start':
            if (!state.match) fail('StringException', 'No match available');
            return ApexNumber.int(state.match.index);
        case 'end':
            if (!state.match) fail('StringException', 'No match available');
            return ApexNumber.int(state.match.index + state.match[0].length);
        case 'reset':
            state.match = null;
            state.from = 0;
            return target;
        default:
            throw unsupported(`Matcher.${method}`, file, line);
    }
}
