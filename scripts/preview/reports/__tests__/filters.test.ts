// Report filters as the report builder applies them: operators per field type, comma lists, relative
// dates, filter logic, time frames; a filter the engine cannot apply is refused with its text.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { CriteriaItem } from '../definitions';
import type { Cell, ReportRow } from '../fetchRows';
import { filterRows, matches, parseBooleanFilter, relativeRange, timeFrameRange } from '../filters';

const TODAY = '2026-11-30';
const cell = (value: Cell['value'], label: string | null = null): Cell => ({ value, label });
const item = (operator: CriteriaItem['operator'], value: string): CriteriaItem => ({
    column: 'c',
    operator,
    value
});

describe('report filters', () => {
    it('compares text and picklists without regard to case; a comma list means any of them', () => {
        assert.equal(
            matches(cell('Whitespace Target'), item('equals', 'whitespace target'), 'Picklist', TODAY),
            true
        );
        assert.equal(matches(cell('Blocker'), item('equals', 'Detractor,Blocker'), 'Picklist', TODAY), true);
        assert.equal(
            matches(cell('Neutral'), item('notEqual', 'Detractor,Blocker'), 'Picklist', TODAY),
            true
        );
        assert.equal(
            matches(cell('Blocker'), item('notEqual', 'Detractor,Blocker'), 'Picklist', TODAY),
            false
        );
        assert.equal(matches(cell('Brightwave'), item('contains', 'WAVE'), 'Text', TODAY), true);
        assert.equal(matches(cell('Brightwave'), item('notContain', 'wave'), 'Text', TODAY), false);
        assert.equal(matches(cell('Champion'), item('startsWith', 'champ'), 'Text', TODAY), true);
        assert.equal(matches(cell('A;B'), item('includes', 'b'), 'MultiselectPicklist', TODAY), true);
    });

    it('treats an empty value as blank: "not equal to" nothing keeps the rows with a value', () => {
        assert.equal(matches(cell(null), item('notEqual', ''), 'Picklist', TODAY), false);
        assert.equal(matches(cell('Decision Maker'), item('notEqual', ''), 'Picklist', TODAY), true);
        assert.equal(matches(cell(null), item('notEqual', 'Not Key'), 'Picklist', TODAY), true);
    });

    it('matches a lookup by the name shown or by the Id', () => {
        const account = cell('001000000000001AAA', 'Aeronova Group');
        assert.equal(matches(account, item('equals', 'Aeronova Group'), 'Lookup', TODAY), true);
        assert.equal(matches(account, item('equals', '001000000000001AAA'), 'Lookup', TODAY), true);
        assert.equal(matches(account, item('equals', 'Meridian Bank'), 'Lookup', TODAY), false);
    });

    it('compares numbers as numbers and checkboxes as true or false', () => {
        assert.equal(matches(cell(900000), item('greaterThan', '1000000'), 'Currency', TODAY), false);
        assert.equal(matches(cell(1200000), item('greaterOrEqual', '1200000'), 'Currency', TODAY), true);
        assert.equal(matches(cell(null), item('lessThan', '5'), 'Number', TODAY), false);
        assert.equal(matches(cell(false), item('equals', '0'), 'Checkbox', TODAY), true);
        assert.equal(matches(cell(true), item('equals', 'false'), 'Checkbox', TODAY), false);
        assert.throws(
            () => matches(cell(1), item('lessThan', 'many'), 'Number', TODAY),
            /many is not a number/
        );
        assert.throws(
            () => matches(cell(true), item('contains', '1'), 'Checkbox', TODAY),
            /equals or notEqual/
        );
    });

    it('reads relative dates for today, and compares dates against their range', () => {
        assert.deepEqual(relativeRange('LAST_N_DAYS:90', TODAY), { start: '2026-09-01', end: TODAY });
        assert.deepEqual(relativeRange('THIS_QUARTER', TODAY), { start: '2026-10-01', end: '2026-12-31' });
        assert.deepEqual(relativeRange('LAST_N_MONTHS:2', TODAY), { start: '2026-09-01', end: '2026-10-31' });
        assert.deepEqual(relativeRange('NEXT_N_QUARTERS:1', TODAY), {
            start: '2027-01-01',
            end: '2027-03-31'
        });
        assert.deepEqual(relativeRange('LAST_N_WEEKS:1', TODAY), { start: '2026-11-22', end: '2026-11-28' });
        assert.equal(relativeRange('2026-01-01', TODAY), null);
        assert.throws(() => relativeRange('LAST_N_DAYS', TODAY), /add :n/);
        assert.equal(matches(cell('2026-10-15'), item('equals', 'THIS_QUARTER'), 'Date', TODAY), true);
        assert.equal(matches(cell('2026-09-30'), item('lessThan', 'THIS_QUARTER'), 'Date', TODAY), true);
        assert.equal(matches(cell('2026-11-30'), item('lessThan', 'TODAY'), 'Date', TODAY), false);
        assert.equal(matches(cell('2026-11-29'), item('lessThan', 'TODAY'), 'Date', TODAY), true);
        assert.equal(
            matches(cell('2026-12-01T09:00:00.000Z'), item('greaterThan', 'TODAY'), 'DateTime', TODAY),
            true
        );
        assert.throws(
            () => matches(cell('2026-01-01'), item('equals', 'soon'), 'Date', TODAY),
            /neither a date nor a relative date/
        );
    });

    it('combines criteria by the filter logic, AND binding tighter than OR', () => {
        const rows: ReportRow[] = [
            new Map([
                ['a', cell('x')],
                ['b', cell('y')]
            ]),
            new Map([
                ['a', cell('x')],
                ['b', cell('z')]
            ]),
            new Map([
                ['a', cell('w')],
                ['b', cell('y')]
            ])
        ];
        const items: CriteriaItem[] = [
            { column: 'a', operator: 'equals', value: 'x' },
            { column: 'b', operator: 'equals', value: 'y' },
            { column: 'b', operator: 'equals', value: 'z' }
        ];
        const kept = (logic: string | null): number =>
            filterRows(rows, { items, booleanFilter: logic }, null, () => 'Text', TODAY).length;
        assert.equal(kept(null), 0);
        assert.equal(kept('1 AND (2 OR 3)'), 2);
        assert.equal(kept('1 AND 2 OR 3'), 2);
        assert.equal(kept('NOT 1 OR 3'), 2);
        assert.equal(kept('2 or 3 and not 1'), 2);
        assert.throws(() => parseBooleanFilter('1 AND 4', 3), /there is no filter 4 \(the report has 3\)/);
        assert.throws(() => parseBooleanFilter('(1 AND 2', 3), /not closed/);
        assert.throws(() => parseBooleanFilter('1 2', 3), /"2" is not expected there/);
    });

    it('keeps the rows whose date falls in the time frame; an interval it does not know is refused', () => {
        const frame = { dateColumn: 'd', interval: 'INTERVAL_CURY', startDate: null, endDate: null };
        assert.deepEqual(timeFrameRange(frame, TODAY), { start: '2026-01-01', end: '2026-12-31' });
        const rows: ReportRow[] = ['2025-12-31', '2026-06-01', null].map(
            (day) => new Map([['d', cell(day)]])
        );
        assert.equal(
            filterRows(rows, { items: [], booleanFilter: null }, frame, () => 'Date', TODAY).length,
            1
        );
        const custom = { ...frame, interval: 'INTERVAL_CUSTOM', startDate: '2025-12-31' };
        assert.equal(
            filterRows(rows, { items: [], booleanFilter: null }, custom, () => 'Date', TODAY).length,
            2
        );
        assert.deepEqual(timeFrameRange({ ...frame, interval: 'INTERVAL_PREVCURY' }, TODAY), {
            start: '2025-01-01',
            end: '2026-12-31'
        });
        assert.equal(
            filterRows(
                rows,
                { items: [], booleanFilter: null },
                { ...frame, interval: 'INTERVAL_PREVCURY' },
                () => 'Date',
                TODAY
            ).length,
            2
        );
        assert.deepEqual(timeFrameRange({ ...frame, interval: 'INTERVAL_AGO2Y' }, TODAY), {
            start: '2024-01-01',
            end: '2024-12-31'
        });
        assert.throws(
            () => timeFrameRange({ ...frame, interval: 'INTERVAL_CURFY' }, TODAY),
            /<interval>INTERVAL_CURFY<\/interval> is not supported/
        );
    });
});
