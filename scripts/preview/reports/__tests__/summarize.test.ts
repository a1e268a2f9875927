// Grouping and summing: summary groups sorted by value or by a summary, matrix cells and totals, date
// granularity, tabular sort and row limit, and what a summary of no values is.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { ReportDefinition } from '../definitions';
import type { Cell, ReportRow } from '../fetchRows';
import { dateBucket, matrixCellKey, summarizeReport } from '../summarize';

const row = (values: Record<string, Cell['value']>, labels: Record<string, string> = {}): ReportRow =>
    new Map(Object.entries(values).map(([key, value]) => [key, { value, label: labels[key] ?? null }]));

const ROWS: ReportRow[] = [
    row(
        { center: 'b1', offering: 'o1', amount: 100, day: '2026-01-15' },
        { center: 'CIO Org', offering: 'Cloud' }
    ),
    row(
        { center: 'b1', offering: 'o2', amount: 50, day: '2026-02-03' },
        { center: 'CIO Org', offering: 'Data' }
    ),
    row(
        { center: 'b2', offering: 'o1', amount: 400, day: '2026-02-20' },
        { center: 'Avionics', offering: 'Cloud' }
    ),
    row({ center: null, offering: 'o1', amount: null, day: '2026-03-01' }, { offering: 'Cloud' })
];

const TYPES: Record<string, string> = {
    center: 'Lookup',
    offering: 'Lookup',
    amount: 'Currency',
    day: 'Date'
};

function report(overrides: Partial<ReportDefinition>): ReportDefinition {
    return {
        fullName: 'F/R',
        developerName: 'R',
        label: 'R',
        description: '',
        format: 'Summary',
        reportType: 'T__c',
        columns: [{ field: 'amount', aggregates: ['Sum', 'Average', 'Maximum', 'Minimum'] }],
        filter: { items: [], booleanFilter: null },
        groupingsDown: [],
        groupingsAcross: [],
        timeFrame: null,
        sortColumn: null,
        sortOrder: 'Asc',
        rowLimit: null,
        showDetails: true,
        ...overrides
    };
}

const grouping = (field: string, more: Partial<ReportDefinition['groupingsDown'][number]> = {}) => ({
    field,
    sortOrder: 'Asc' as const,
    dateGranularity: 'None' as const,
    sortByAggregate: null,
    ...more
});

describe('report summaries', () => {
    it('groups down by the name shown, the blank group first, with sum, average, largest, smallest and count', () => {
        const result = summarizeReport(
            report({ groupingsDown: [grouping('center')] }),
            ROWS,
            (c) => TYPES[c]!
        );
        assert.deepEqual(
            result.down.map((group) => group.label),
            ['-', 'Avionics', 'CIO Org']
        );
        const cio = result.down[2]!.summary.values;
        assert.deepEqual(cio, {
            's!amount': 150,
            'a!amount': 75,
            'x!amount': 100,
            'm!amount': 50,
            RowCount: 2
        });
        // no amount at all: the sum is blank, not zero, while the row still counts
        assert.deepEqual(result.down[0]!.summary.values, {
            's!amount': null,
            'a!amount': null,
            'x!amount': null,
            'm!amount': null,
            RowCount: 1
        });
        assert.equal(result.grand.values['s!amount'], 550);
        assert.equal(result.rowCount, 4);
    });

    it('counts the distinct values of a column (Unique), blanks not counted, per group and overall', () => {
        const result = summarizeReport(
            report({
                columns: [{ field: 'offering', aggregates: ['Unique'] }],
                groupingsDown: [grouping('center')]
            }),
            ROWS,
            (column) => TYPES[column] ?? 'Text'
        );
        assert.equal(result.grand.values['u!offering'], 2);
        assert.deepEqual(
            result.down.map((group) => [group.label, group.summary.values['u!offering']]),
            [
                ['-', 1],
                ['Avionics', 1],
                ['CIO Org', 2]
            ]
        );
        const blank = summarizeReport(
            report({ columns: [{ field: 'center', aggregates: ['Unique'] }], format: 'Tabular' }),
            ROWS,
            (column) => TYPES[column] ?? 'Text'
        );
        assert.equal(blank.grand.values['u!center'], 2);
    });

    it('sorts groups by a summary when the grouping says so (mx! read as x!)', () => {
        const byLargest = summarizeReport(
            report({
                groupingsDown: [grouping('center', { sortOrder: 'Desc', sortByAggregate: 'mx!amount' })]
            }),
            ROWS,
            (c) => TYPES[c]!
        );
        assert.deepEqual(
            byLargest.down.map((group) => group.label),
            ['Avionics', 'CIO Org', '-']
        );
        assert.throws(
            () =>
                summarizeReport(
                    report({ groupingsDown: [grouping('center', { sortByAggregate: 's!nothing' })] }),
                    ROWS,
                    (c) => TYPES[c]!
                ),
            /s!nothing<\/sortByName> is no summary/
        );
    });

    it('fills a matrix: a summary per cell, per row, per column and for the whole', () => {
        const result = summarizeReport(
            report({
                format: 'Matrix',
                groupingsDown: [grouping('center')],
                groupingsAcross: [grouping('offering')]
            }),
            ROWS,
            (c) => TYPES[c]!
        );
        assert.deepEqual(
            result.across.map((group) => [group.label, group.summary.values['s!amount']]),
            [
                ['Cloud', 500],
                ['Data', 50]
            ]
        );
        assert.equal(result.cells[matrixCellKey('b1', 'o2')]!.values['s!amount'], 50);
        assert.equal(result.cells[matrixCellKey('b2', 'o1')]!.values['s!amount'], 400);
        assert.equal(result.cells[matrixCellKey('b2', 'o2')], undefined);
        assert.equal(result.grand.values.RowCount, 4);
    });

    it('buckets dates by month, quarter, week and year, sorted by date not by name', () => {
        const result = summarizeReport(
            report({ groupingsDown: [grouping('day', { dateGranularity: 'Month', sortOrder: 'Desc' })] }),
            ROWS,
            (c) => TYPES[c]!
        );
        assert.deepEqual(
            result.down.map((group) => [group.label, group.summary.rowCount]),
            [
                ['March 2026', 1],
                ['February 2026', 2],
                ['January 2026', 1]
            ]
        );
        assert.deepEqual(dateBucket('2026-11-30', 'Quarter'), { key: '2026-Q4', label: 'Q4 2026' });
        assert.deepEqual(dateBucket('2026-11-30', 'Week'), {
            key: '2026-11-29',
            label: 'Week of 2026-11-29'
        });
        assert.deepEqual(dateBucket('2026-11-30', 'Year'), { key: '2026', label: '2026' });
    });

    it('sorts and limits a tabular report, and totals only the rows it shows', () => {
        const result = summarizeReport(
            report({ format: 'Tabular', sortColumn: 'amount', sortOrder: 'Desc', rowLimit: 2 }),
            ROWS,
            (c) => TYPES[c]!
        );
        assert.deepEqual(result.details, [[400], [100]]);
        assert.equal(result.grand.values['s!amount'], 500);
        assert.throws(
            () =>
                summarizeReport(
                    report({ groupingsDown: [grouping('center')], rowLimit: 2 }),
                    ROWS,
                    (c) => TYPES[c]!
                ),
            /<rowLimit> applies to Tabular reports only/
        );
    });
});
