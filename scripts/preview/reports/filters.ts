// A report's filter as the report builder applies it: each criteria item compares a column with a value
// (comma-separated values mean any of them; text compares without regard to case; dates take relative
// values such as LAST_N_DAYS:90), `booleanFilter` combines the items by number ("1 AND (2 OR 3)"), and
// `timeFrameFilter` keeps the rows whose date column falls in its interval. Pure: rows in, rows out.
import { dateLiteralRange } from '../../apex-runtime/soql';
import type { DateLiteralName } from '../../apex-runtime/soql';
import { ReportDefinitionError, type CriteriaItem, type TimeFrameDefinition } from './definitions';
import type { Cell, ReportRow } from './fetchRows';

export interface DayRange {
    start: string;
    end: string;
}

const DATE_LITERALS = new Set<string>([
    'TODAY',
    'YESTERDAY',
    'TOMORROW',
    'LAST_WEEK',
    'THIS_WEEK',
    'NEXT_WEEK',
    'LAST_MONTH',
    'THIS_MONTH',
    'NEXT_MONTH',
    'LAST_90_DAYS',
    'NEXT_90_DAYS',
    'LAST_N_DAYS',
    'NEXT_N_DAYS',
    'N_DAYS_AGO',
    'LAST_N_WEEKS',
    'NEXT_N_WEEKS',
    'LAST_N_MONTHS',
    'NEXT_N_MONTHS',
    'THIS_QUARTER',
    'LAST_QUARTER',
    'NEXT_QUARTER',
    'LAST_N_QUARTERS',
    'NEXT_N_QUARTERS',
    'THIS_YEAR',
    'LAST_YEAR',
    'NEXT_YEAR',
    'LAST_N_YEARS',
    'NEXT_N_YEARS'
]);

/** A relative date value (`THIS_QUARTER`, `LAST_N_DAYS:90`) as the days it covers, or null for a plain value. */
export function relativeRange(value: string, today: string): DayRange | null {
    const match = /^([A-Z_0-9]+?)(?::(\d+))?$/.exec(value.trim().toUpperCase());
    if (!match || !DATE_LITERALS.has(match[1]!)) return null;
    const needsN = match[1]!.includes('_N_');
    if (needsN !== (match[2] !== undefined))
        throw new ReportDefinitionError(
            `the relative date ${value} is not valid (${needsN ? 'add :n' : 'no :n'})`
        );
    const n = match[2] === undefined ? null : Number(match[2]);
    const spans = /^(LAST|NEXT)_N_(WEEKS|MONTHS|QUARTERS)$/.exec(match[1]!);
    if (spans)
        return spanRange(
            spans[1] === 'LAST' ? -1 : 1,
            spans[2] as 'WEEKS' | 'MONTHS' | 'QUARTERS',
            n!,
            today
        );
    return dateLiteralRange(match[1] as DateLiteralName, n, today);
}

function iso(date: Date): string {
    return date.toISOString().slice(0, 10);
}

/**
 * LAST_N_MONTHS:n and its kin: the n whole weeks (starting Sunday), months or quarters before the current
 * one, or after it — the current one itself not included ("Relative Date Filter Reference").
 */
function spanRange(
    direction: -1 | 1,
    unit: 'WEEKS' | 'MONTHS' | 'QUARTERS',
    n: number,
    today: string
): DayRange {
    const [y, m, d] = today.split('-').map(Number) as [number, number, number];
    if (unit === 'WEEKS') {
        const sunday = new Date(Date.UTC(y, m - 1, d));
        sunday.setUTCDate(sunday.getUTCDate() - sunday.getUTCDay());
        const start = new Date(sunday);
        const end = new Date(sunday);
        if (direction < 0) {
            start.setUTCDate(start.getUTCDate() - 7 * n);
            end.setUTCDate(end.getUTCDate() - 1);
        } else {
            start.setUTCDate(start.getUTCDate() + 7);
            end.setUTCDate(end.getUTCDate() + 7 * (n + 1) - 1);
        }
        return { start: iso(start), end: iso(end) };
    }
    const months = unit === 'MONTHS' ? 1 : 3;
    // the first month (0-based) of the current month or quarter
    const first = unit === 'MONTHS' ? m - 1 : Math.floor((m - 1) / 3) * 3;
    if (direction < 0)
        return {
            start: iso(new Date(Date.UTC(y, first - months * n, 1))),
            end: iso(new Date(Date.UTC(y, first, 0)))
        };
    return {
        start: iso(new Date(Date.UTC(y, first + months, 1))),
        end: iso(new Date(Date.UTC(y, first + months * (n + 1), 0)))
    };
}

/** The report builder's standard intervals (timeFrameFilter) as relative date values. */
const INTERVALS: Record<string, string> = {
    INTERVAL_TODAY: 'TODAY',
    INTERVAL_YESTERDAY: 'YESTERDAY',
    INTERVAL_TOMORROW: 'TOMORROW',
    INTERVAL_CURRENT: 'THIS_QUARTER',
    INTERVAL_PREV: 'LAST_QUARTER',
    INTERVAL_NEXT: 'NEXT_QUARTER',
    INTERVAL_CURY: 'THIS_YEAR',
    INTERVAL_PREVY: 'LAST_YEAR',
    INTERVAL_NEXTY: 'NEXT_YEAR',
    INTERVAL_THISMONTH: 'THIS_MONTH',
    INTERVAL_LASTMONTH: 'LAST_MONTH',
    INTERVAL_NEXTMONTH: 'NEXT_MONTH',
    INTERVAL_THISWEEK: 'THIS_WEEK',
    INTERVAL_LASTWEEK: 'LAST_WEEK',
    INTERVAL_NEXTWEEK: 'NEXT_WEEK',
    INTERVAL_LAST7: 'LAST_N_DAYS:7',
    INTERVAL_LAST30: 'LAST_N_DAYS:30',
    INTERVAL_LAST60: 'LAST_N_DAYS:60',
    INTERVAL_LAST90: 'LAST_N_DAYS:90',
    INTERVAL_LAST120: 'LAST_N_DAYS:120',
    INTERVAL_NEXT7: 'NEXT_N_DAYS:7',
    INTERVAL_NEXT30: 'NEXT_N_DAYS:30',
    INTERVAL_NEXT60: 'NEXT_N_DAYS:60',
    INTERVAL_NEXT90: 'NEXT_N_DAYS:90',
    INTERVAL_NEXT120: 'NEXT_N_DAYS:120'
};

/** The builder's intervals of whole calendar years, as the first and last year counted from this one. */
const YEAR_SPANS: Record<string, [number, number]> = {
    INTERVAL_PREVCURY: [-1, 0],
    INTERVAL_PREVCUR2Y: [-2, 0],
    INTERVAL_CURNEXTY: [0, 1],
    INTERVAL_PREV2Y: [-2, -1],
    INTERVAL_AGO2Y: [-2, -2]
};

/** The days a timeFrameFilter keeps; unbounded ends are null. */
export function timeFrameRange(
    frame: TimeFrameDefinition,
    today: string
): { start: string | null; end: string | null } {
    if (frame.interval === 'INTERVAL_CUSTOM') return { start: frame.startDate, end: frame.endDate };
    const years = YEAR_SPANS[frame.interval];
    if (years) {
        const year = Number(today.slice(0, 4));
        return { start: `${year + years[0]}-01-01`, end: `${year + years[1]}-12-31` };
    }
    const literal = INTERVALS[frame.interval];
    if (!literal)
        throw new ReportDefinitionError(
            `<timeFrameFilter><interval>${frame.interval}</interval> is not supported (supported: INTERVAL_CUSTOM, ${[...Object.keys(INTERVALS), ...Object.keys(YEAR_SPANS)].join(', ')})`
        );
    return relativeRange(literal, today)!;
}

const NUMERIC = new Set(['Currency', 'Number', 'Percent', 'Double', 'Int', 'Integer', 'Decimal']);
const DATES = new Set(['Date', 'DateTime']);

function asBoolean(text: string): boolean | null {
    const lower = text.trim().toLowerCase();
    if (lower === 'true' || lower === '1') return true;
    if (lower === 'false' || lower === '0') return false;
    return null;
}

/** Does one cell pass one criteria item? `type` is the column's metadata type. */
export function matches(cell: Cell | undefined, item: CriteriaItem, type: string, today: string): boolean {
    const value = cell?.value ?? null;
    const shown = cell?.label ?? value;
    const values = item.value === '' ? [''] : item.value.split(',').map((part) => part.trim());
    const op = item.operator;
    if (type === 'Checkbox') {
        const wanted = asBoolean(item.value);
        if (wanted === null)
            throw new ReportDefinitionError(`${item.column}: ${item.value} is not true or false`);
        const actual = value === true;
        if (op === 'equals') return actual === wanted;
        if (op === 'notEqual') return actual !== wanted;
        throw new ReportDefinitionError(`${item.column}: a checkbox takes equals or notEqual, not ${op}`);
    }
    if (DATES.has(type)) {
        const day = value === null ? null : String(value).slice(0, 10);
        const ranges = values.map((each) => {
            if (each === '') return null;
            const range = relativeRange(each, today);
            if (range) return range;
            if (!/^\d{4}-\d{2}-\d{2}$/.test(each))
                throw new ReportDefinitionError(
                    `${item.column}: ${each} is neither a date nor a relative date`
                );
            return { start: each, end: each };
        });
        return ranges.some((range) => {
            if (range === null)
                return op === 'equals' ? day === null : op === 'notEqual' ? day !== null : false;
            if (day === null) return op === 'notEqual';
            switch (op) {
                case 'equals':
                    return day >= range.start && day <= range.end;
                case 'notEqual':
                    return day < range.start || day > range.end;
                case 'lessThan':
                    return day < range.start;
                case 'greaterThan':
                    return day > range.end;
                case 'lessOrEqual':
                    return day <= range.end;
                case 'greaterOrEqual':
                    return day >= range.start;
                default:
                    throw new ReportDefinitionError(`${item.column}: a date takes no ${op}`);
            }
        });
    }
    if (
        NUMERIC.has(type) &&
        ['lessThan', 'greaterThan', 'lessOrEqual', 'greaterOrEqual', 'equals', 'notEqual'].includes(op)
    ) {
        const numbers = values.map((each) => {
            if (each === '') return null;
            const number = Number(each);
            if (!Number.isFinite(number))
                throw new ReportDefinitionError(`${item.column}: ${each} is not a number`);
            return number;
        });
        const actual = value === null ? null : Number(value);
        const test = (wanted: number | null): boolean => {
            if (wanted === null || actual === null)
                return op === 'equals' ? wanted === actual : op === 'notEqual' ? wanted !== actual : false;
            switch (op) {
                case 'equals':
                    return actual === wanted;
                case 'notEqual':
                    return actual !== wanted;
                case 'lessThan':
                    return actual < wanted;
                case 'greaterThan':
                    return actual > wanted;
                case 'lessOrEqual':
                    return actual <= wanted;
                default:
                    return actual >= wanted;
            }
        };
        // "not equal to 1,2" keeps what is neither
        return op === 'notEqual' ? numbers.every(test) : numbers.some(test);
    }
    // text, picklists, lookups (by the name shown or the Id): without regard to case
    const candidates = [value, shown]
        .filter((each) => each !== null)
        .map((each) => String(each).toLowerCase());
    const blank = candidates.length === 0;
    const lowered = values.map((each) => each.toLowerCase());
    switch (op) {
        case 'equals':
            return lowered.some((wanted) => (wanted === '' ? blank : candidates.includes(wanted)));
        case 'notEqual':
            return lowered.every((wanted) => (wanted === '' ? !blank : !candidates.includes(wanted)));
        case 'contains':
            return lowered.some((wanted) => candidates.some((each) => each.includes(wanted)));
        case 'notContain':
            return lowered.every((wanted) => !candidates.some((each) => each.includes(wanted)));
        case 'startsWith':
            return lowered.some((wanted) => candidates.some((each) => each.startsWith(wanted)));
        case 'includes': {
            // a multi-select picklist holds values separated by semicolons
            const held = new Set(
                String(value ?? '')
                    .toLowerCase()
                    .split(';')
                    .map((each) => each.trim())
            );
            return lowered.some((wanted) => held.has(wanted));
        }
        default: {
            const text = candidates[0] ?? '';
            return lowered.some((wanted) =>
                op === 'lessThan'
                    ? text < wanted
                    : op === 'greaterThan'
                      ? text > wanted
                      : op === 'lessOrEqual'
                        ? text <= wanted
                        : text >= wanted
            );
        }
    }
}

type BooleanNode =
    | { kind: 'item'; index: number }
    | { kind: 'and' | 'or'; operands: BooleanNode[] }
    | { kind: 'not'; operand: BooleanNode };

/** Parses a booleanFilter ("1 AND (2 OR NOT 3)") over `count` items; a bad one is refused by its text. */
export function parseBooleanFilter(text: string, count: number): BooleanNode {
    const tokens = text.match(/\(|\)|\d+|[A-Za-z]+|\S/g) ?? [];
    let at = 0;
    const fail = (why: string): never => {
        throw new ReportDefinitionError(`<booleanFilter>${text}</booleanFilter>: ${why}`);
    };
    const peek = (): string | undefined => tokens[at]?.toUpperCase();
    const primary = (): BooleanNode => {
        const token = tokens[at++];
        if (token === undefined) return fail('it ends too early');
        if (token === '(') {
            const inner = orExpr();
            if (tokens[at++] !== ')') fail('a parenthesis is not closed');
            return inner;
        }
        if (token.toUpperCase() === 'NOT') return { kind: 'not', operand: primary() };
        if (!/^\d+$/.test(token)) return fail(`"${token}" is not a filter number`);
        const index = Number(token);
        if (index < 1 || index > count) fail(`there is no filter ${index} (the report has ${count})`);
        return { kind: 'item', index: index - 1 };
    };
    const andExpr = (): BooleanNode => {
        const operands = [primary()];
        while (peek() === 'AND') {
            at++;
            operands.push(primary());
        }
        return operands.length === 1 ? operands[0]! : { kind: 'and', operands };
    };
    const orExpr = (): BooleanNode => {
        const operands = [andExpr()];
        while (peek() === 'OR') {
            at++;
            operands.push(andExpr());
        }
        return operands.length === 1 ? operands[0]! : { kind: 'or', operands };
    };
    const tree = orExpr();
    if (at !== tokens.length) fail(`"${tokens[at]}" is not expected there`);
    return tree;
}

function evaluate(node: BooleanNode, results: readonly boolean[]): boolean {
    switch (node.kind) {
        case 'item':
            return results[node.index]!;
        case 'not':
            return !evaluate(node.operand, results);
        case 'and':
            return node.operands.every((each) => evaluate(each, results));
        default:
            return node.operands.some((each) => evaluate(each, results));
    }
}

/** Keeps the rows the filter and the time frame keep. `typeOf` answers a column's metadata type. */
export function filterRows(
    rows: readonly ReportRow[],
    filter: { items: CriteriaItem[]; booleanFilter: string | null },
    timeFrame: TimeFrameDefinition | null,
    typeOf: (column: string) => string,
    today: string
): ReportRow[] {
    const tree = filter.booleanFilter ? parseBooleanFilter(filter.booleanFilter, filter.items.length) : null;
    const frame = timeFrame ? timeFrameRange(timeFrame, today) : null;
    return rows.filter((row) => {
        if (frame && timeFrame) {
            const day = row.get(timeFrame.dateColumn)?.value;
            if (day === null || day === undefined) return false;
            const text = String(day).slice(0, 10);
            if ((frame.start && text < frame.start) || (frame.end && text > frame.end)) return false;
        }
        const results = filter.items.map((item) =>
            matches(row.get(item.column), item, typeOf(item.column), today)
        );
        return tree ? evaluate(tree, results) : results.every(Boolean);
    });
}
