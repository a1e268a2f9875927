// SOQL's relative date literals (TODAY, LAST_N_DAYS:n, THIS_FISCAL_YEAR…) as inclusive ranges of days,
// anchored on a given "today" so tests can fix it. Ranges follow the SOQL reference's "Date Formats and
// Date Literals": weeks start on Sunday (the en_US locale), LAST_N_DAYS:n runs from n days ago through
// today, NEXT_N_DAYS:n from tomorrow through n days ahead.
import type { DateLiteralName } from './ast';

export interface DayRange {
    /** first day, `YYYY-MM-DD` */
    start: string;
    /** last day, `YYYY-MM-DD`, inclusive */
    end: string;
}

const DAY_MS = 86_400_000;

function parts(iso: string): { y: number; m: number; d: number } {
    const [y, m, d] = iso.split('-').map(Number);
    return { y: y!, m: m!, d: d! };
}

function isoOf(ms: number): string {
    return new Date(ms).toISOString().slice(0, 10);
}

function dayMs(iso: string): number {
    const { y, m, d } = parts(iso);
    return Date.UTC(y, m - 1, d);
}

function addDays(iso: string, days: number): string {
    return isoOf(dayMs(iso) + days * DAY_MS);
}

/** First and last day of the month `m` (1-based, may run past 12 or below 1) of year `y`. */
function monthRange(y: number, m: number, months = 1): DayRange {
    return { start: isoOf(Date.UTC(y, m - 1, 1)), end: isoOf(Date.UTC(y, m - 1 + months, 1) - DAY_MS) };
}

function weekRange(today: string, offsetWeeks: number): DayRange {
    const sunday = addDays(today, -new Date(dayMs(today)).getUTCDay() + 7 * offsetWeeks);
    return { start: sunday, end: addDays(sunday, 6) };
}

function quarterRange(today: string, offsetQuarters: number): DayRange {
    const { y, m } = parts(today);
    const firstMonth = Math.floor((m - 1) / 3) * 3 + 1 + 3 * offsetQuarters;
    return monthRange(y, firstMonth, 3);
}

function fiscalYearRange(today: string, startMonth: number, offsetYears: number): DayRange {
    const { y, m } = parts(today);
    const startYear = (m >= startMonth ? y : y - 1) + offsetYears;
    return monthRange(startYear, startMonth, 12);
}

/**
 * The days a date literal covers.
 * @param n the literal's parameter (`LAST_N_DAYS:7` → 7), null for the plain ones
 * @param fiscalStartMonth the org's fiscal year start month, 1 = January
 */
export function dateLiteralRange(
    name: DateLiteralName,
    n: number | null,
    today: string,
    fiscalStartMonth = 1
): DayRange {
    const { y, m } = parts(today);
    const count = n ?? 0;
    switch (name) {
        case 'TODAY':
            return { start: today, end: today };
        case 'YESTERDAY':
            return { start: addDays(today, -1), end: addDays(today, -1) };
        case 'TOMORROW':
            return { start: addDays(today, 1), end: addDays(today, 1) };
        case 'LAST_WEEK':
            return weekRange(today, -1);
        case 'THIS_WEEK':
            return weekRange(today, 0);
        case 'NEXT_WEEK':
            return weekRange(today, 1);
        case 'LAST_MONTH':
            return monthRange(y, m - 1);
        case 'THIS_MONTH':
            return monthRange(y, m);
        case 'NEXT_MONTH':
            return monthRange(y, m + 1);
        case 'LAST_90_DAYS':
            return { start: addDays(today, -90), end: today };
        case 'NEXT_90_DAYS':
            return { start: addDays(today, 1), end: addDays(today, 90) };
        case 'LAST_N_DAYS':
            return { start: addDays(today, -count), end: today };
        case 'NEXT_N_DAYS':
            return { start: addDays(today, 1), end: addDays(today, count) };
        case 'N_DAYS_AGO':
            return { start: addDays(today, -count), end: addDays(today, -count) };
        case 'THIS_QUARTER':
            return quarterRange(today, 0);
        case 'LAST_QUARTER':
            return quarterRange(today, -1);
        case 'NEXT_QUARTER':
            return quarterRange(today, 1);
        case 'THIS_YEAR':
            return monthRange(y, 1, 12);
        case 'LAST_YEAR':
            return monthRange(y - 1, 1, 12);
        case 'NEXT_YEAR':
            return monthRange(y + 1, 1, 12);
        case 'LAST_N_YEARS':
            return { start: `${y - count}-01-01`, end: `${y - 1}-12-31` };
        case 'NEXT_N_YEARS':
            return { start: `${y + 1}-01-01`, end: `${y + count}-12-31` };
        case 'THIS_FISCAL_YEAR':
            return fiscalYearRange(today, fiscalStartMonth, 0);
        case 'LAST_FISCAL_YEAR':
            return fiscalYearRange(today, fiscalStartMonth, -1);
        case 'NEXT_FISCAL_YEAR':
            return fiscalYearRange(today, fiscalStartMonth, 1);
    }
}
