import {
    buildLandscape,
    UNMAPPED,
    type CoverageBand,
    type GridRow,
    type LandscapeGrid,
    type LandscapeView,
    type Totals
} from 'c/landscapeModel';
import { aeronova } from '../../landscapeModel/__tests__/landscape';
import { cellText, cellTone, coverageTone, shownTotal, valueIntensity } from 'c/landscapeCell';
import { compactMoney } from 'c/landscapeMoney';
import { CELL_WORDS } from 'c/landscapeWords';

function cellAt(
    grid: LandscapeGrid,
    rowId: string,
    columnId: string
): LandscapeGrid['cells'][number][number] {
    const r = grid.rows.findIndex((row) => row.id === rowId);
    const c = grid.columns.findIndex((column) => column.id === columnId);
    return grid.cells[r]![c]!;
}

function totals(overrides: Partial<Totals> = {}): Totals {
    return { won: 0, lost: 0, pipeline: 0, weighted: 0, deals: 0, targeted: 0, previousWon: 0, ...overrides };
}

describe('cellText and cellTone', () => {
    // the component's own words, from the custom labels
    const words = CELL_WORDS;
    const money = (amount: number): string => compactMoney(amount, 'USD', 'en-US');
    const grid = buildLandscape(aeronova());
    const text = (rowId: string, columnId: string, view: LandscapeView): string =>
        cellText(cellAt(grid, rowId, columnId), view, words, money);

    it.each([
        ['cio', 'eng', 'value', '$2.1M won'],
        ['heli', 'iot', 'value', '$1.2M pipeline'],
        ['sales', 'sf', 'value', '$1M target'],
        ['defence', 'cloud', 'value', 'Competitor: Brightwave Consulting'],
        ['sales', 'eng', 'value', ''],
        ['sales', 'eng', 'status', 'Whitespace'],
        ['sales', 'sf', 'status', 'Whitespace target'],
        ['cio', 'eng', 'change', '−$1.1M won'],
        ['defence', 'cloud', 'change', '$2M lost'],
        ['heli', 'iot', 'change', '$1.2M opened'],
        ['sales', 'sf', 'change', '$1M targeted'],
        [UNMAPPED, 'eng', 'status', ''],
        [UNMAPPED, UNMAPPED, 'status', 'Pipeline']
    ])('%s × %s in the %s view says "%s"', (rowId, columnId, view, expected) => {
        expect(text(rowId, columnId, view as LandscapeView)).toBe(expected);
    });

    it('colours by amount, state, the row’s coverage or the change', () => {
        const row = (id: string): GridRow => grid.rows.find((candidate) => candidate.id === id)!;
        expect(cellTone(grid, row('cio'), cellAt(grid, 'cio', 'eng'), 'value').style).toBe(
            '--landscape-heat: 0.580'
        );
        expect(cellTone(grid, row('sales'), cellAt(grid, 'sales', 'eng'), 'value').style).toBe('');
        expect(cellTone(grid, row('sales'), cellAt(grid, 'sales', 'sf'), 'status').className).toBe(
            'cell state-target tone-watch'
        );
        expect(cellTone(grid, row('heli'), cellAt(grid, 'heli', 'iot'), 'coverage').className).toBe(
            'cell coverage-single tone-watch'
        );
        expect(cellTone(grid, row('cio'), cellAt(grid, 'cio', 'eng'), 'change').className).toBe(
            'cell change change-down tone-risk'
        );
    });

    it('scales cells against the largest', () => {
        expect(valueIntensity(grid, cellAt(grid, 'cio', 'eng'))).toBe(1);
        expect(valueIntensity(grid, cellAt(grid, 'heli', 'iot'))).toBeCloseTo(1_200_000 / 2_100_000);
        expect(valueIntensity(grid, cellAt(grid, 'sales', 'eng'))).toBe(0);
    });

    it('shows the change as a signed difference and business as won + pipeline', () => {
        const t = totals({ won: 2, pipeline: 3, previousWon: 5, targeted: 7 });
        expect(shownTotal(t, 'value')).toBe(5);
        expect(shownTotal(t, 'change')).toBe(-3);
    });

    it('colours each view from one set of tones, shared with the coverage legend', () => {
        const row = (id: string): GridRow => grid.rows.find((candidate) => candidate.id === id)!;
        expect(cellTone(grid, row('cio'), cellAt(grid, 'cio', 'eng'), 'status').className).toBe(
            'cell state-existing tone-good'
        );
        expect(cellTone(grid, row('sales'), cellAt(grid, 'sales', 'eng'), 'status').className).toBe(
            'cell state-whitespace'
        );
        expect(cellTone(grid, row(UNMAPPED), cellAt(grid, UNMAPPED, 'eng'), 'coverage').className).toBe(
            'cell coverage-unmapped'
        );
        expect(cellTone(grid, row('heli'), cellAt(grid, 'heli', 'iot'), 'value').className).toBe(
            'cell value heat'
        );
        expect(cellTone(grid, row('sales'), cellAt(grid, 'sales', 'sf'), 'change').className).toBe(
            'cell change'
        );
        expect(
            ['none', 'single', 'covered', 'strong'].map((band) => coverageTone(band as CoverageBand))
        ).toEqual(['risk', 'watch', 'open', 'good']);
    });
});
