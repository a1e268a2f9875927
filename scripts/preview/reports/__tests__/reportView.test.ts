// What the Reports page draws from a result: a matrix with row and column totals, summary groups under
// their parents, a tabular grand total under its summed column, money as money, bars scaled to the largest.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { bars, reportTable, type ReportResult } from '../../lwc/reportView/reportView';

const SEP = '\u241f';
const summary = (rowCount: number, sum: number | null) => ({
    rowCount,
    values: { RowCount: rowCount, 's!amt': sum }
});

const base: ReportResult = {
    fullName: 'F/R',
    developerName: 'R',
    label: 'R',
    description: '',
    format: 'Matrix',
    columns: [
        { key: 'name', label: 'Name', type: 'Text' },
        { key: 'amt', label: 'Amount', type: 'Currency' }
    ],
    summaryLabels: { RowCount: 'Record Count', 's!amt': 'Sum of Amount' },
    groupingLabels: { down: ['Account', 'Center'], across: ['Offering'] },
    summaries: [
        { key: 'RowCount', column: null, aggregate: 'RowCount' },
        { key: 's!amt', column: 'amt', aggregate: 'Sum' }
    ],
    grand: summary(3, 1450000)
};

const texts = (cells: { text: string }[]): string[] => cells.map((cell) => cell.text);

describe('the Reports page view', () => {
    it('draws a matrix: leaves across, cells by down × across, subtotal rows, column and grand totals', () => {
        const table = reportTable({
            ...base,
            down: [
                {
                    key: 'acc',
                    label: 'Aeronova Group',
                    summary: summary(3, 1450000),
                    children: [
                        {
                            key: `acc${SEP}b1`,
                            label: 'Helicopters',
                            summary: summary(2, 1200000),
                            children: []
                        },
                        { key: `acc${SEP}`, label: '-', summary: summary(1, 250000), children: [] }
                    ]
                }
            ],
            across: [
                { key: 'o1', label: 'IoT Platforms', summary: summary(2, 1200000), children: [] },
                { key: '', label: '-', summary: summary(1, 250000), children: [] }
            ],
            cells: {
                [`acc${SEP}b1${SEP}${SEP}o1`]: summary(2, 1200000),
                [`acc${SEP}${SEP}${SEP}`]: summary(1, 250000)
            }
        });
        assert.deepEqual(texts(table.header), [
            'Account › Center',
            'IoT Platforms',
            '-',
            'Total (Sum of Amount)'
        ]);
        assert.deepEqual(
            table.rows.map((row) => [row.className, ...texts(row.cells)]),
            [
                ['depth-0 subtotal', 'Aeronova Group', '', '', '$1,450,000'],
                ['depth-1', 'Helicopters', '$1,200,000', '', '$1,200,000'],
                ['depth-1', '-', '', '$250,000', '$250,000']
            ]
        );
        assert.deepEqual(texts(table.total.cells), [
            'Grand total (3 records)',
            '$1,200,000',
            '$250,000',
            '$1,450,000'
        ]);
        assert.equal(table.rows[1]!.cells[1]!.className, 'number');
    });

    it('draws summary groups with their counts and sums, and a tabular report with its total under the summed column', () => {
        const grouped = reportTable({
            ...base,
            format: 'Summary',
            down: [{ key: 'o1', label: 'Salesforce Practice', summary: summary(2, 2000000), children: [] }]
        });
        assert.deepEqual(texts(grouped.header), ['Account › Center', 'Record Count', 'Sum of Amount']);
        assert.deepEqual(texts(grouped.rows[0]!.cells), ['Salesforce Practice', '2', '$2,000,000']);
        assert.deepEqual(texts(grouped.total.cells), ['Grand total', '3', '$1,450,000']);
        const tabular = reportTable({
            ...base,
            format: 'Tabular',
            details: [
                ['Deal A', 1200000],
                ['Deal B', null]
            ]
        });
        assert.deepEqual(
            tabular.rows.map((row) => texts(row.cells)),
            [
                ['Deal A', '$1,200,000'],
                ['Deal B', '']
            ]
        );
        assert.deepEqual(texts(tabular.total.cells), ['Grand total (3 records)', '$1,450,000']);
    });

    it('scales bars to the largest group and shows each value as the report does', () => {
        const drawn = bars(
            {
                componentType: 'Bar',
                title: '',
                header: '',
                report: 'F/R',
                summary: 's!amt',
                summaryLabel: 'Sum of Amount',
                drawnAs: 'bars',
                groups: [
                    { label: 'A', value: 500 },
                    { label: 'B', value: 1000 },
                    { label: 'C', value: null }
                ],
                total: 1500
            },
            base,
            300
        );
        assert.deepEqual(
            drawn.map((bar) => [bar.label, bar.width, bar.value]),
            [
                ['A', 150, '$500'],
                ['B', 300, '$1,000'],
                ['C', 0, '']
            ]
        );
    });
});
