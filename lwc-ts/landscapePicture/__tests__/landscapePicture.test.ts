import { buildLandscape, type CellState, type LandscapeGrid, type Totals } from 'c/landscapeModel';
import {
    landscapePicture,
    STATE_COLOURS,
    STATE_ORDER,
    topIndexes,
    type PictureWords
} from 'c/landscapePicture';
import { aeronova, landscapeResult } from '../../landscapeModel/__tests__/landscape';

const words: PictureWords = {
    title: 'Aeronova Group — Landscape',
    subtitle: '1 Jan 2026 – 31 Dec 2026',
    states: {
        existing: 'Existing business',
        pipeline: 'Pipeline',
        target: 'Whitespace target',
        competitor: 'Competitor',
        'not-applicable': 'Not applicable',
        whitespace: 'Whitespace'
    },
    total: 'Total',
    buyingCenter: 'Buying center',
    won: '{0} won',
    pipeline: '{0} pipeline',
    leftOut: 'Showing {0} of {1} buying centers and {2} of {3} offerings'
};

function totals(value: number): Totals {
    return { won: value, lost: 0, pipeline: 0, weighted: 0, deals: 0, targeted: 0, previousWon: 0 };
}

function parse(markup: string): Document {
    const parsed = new DOMParser().parseFromString(markup, 'image/svg+xml');
    expect(parsed.getElementsByTagName('parsererror')).toHaveLength(0);
    return parsed;
}

function grid(): LandscapeGrid {
    const result = landscapeResult();
    return buildLandscape(
        aeronova({
            cells: [
                ...(result.cells ?? []),
                {
                    id: 'c3',
                    buyingCenterId: 'sales',
                    offeringId: 'eng',
                    status: 'Not Applicable',
                    potentialValue: null,
                    targetDate: null,
                    competitor: null,
                    notes: null,
                    version: null
                }
            ]
        })
    );
}

describe('topIndexes', () => {
    it.each([
        { values: [5, 1, 9], max: 5, shown: [0, 1, 2], case: 'all when they fit' },
        { values: [5, 1, 9, 3], max: 2, shown: [0, 2], case: 'the most valuable, in grid order' },
        { values: [4, 4, 4], max: 2, shown: [0, 1], case: 'ties keep the earlier' },
        { values: [1, 2], max: 0, shown: [], case: 'none when none may show' }
    ])('$case', ({ values, max, shown }) => {
        expect(topIndexes(values.map(totals), max)).toEqual(shown);
    });
});

describe('landscapePicture', () => {
    it('draws every shown cell with its state colour and state word', () => {
        const landscape = grid();
        const picture = landscapePicture(landscape, words, { currency: 'USD', locale: 'en-US' });
        const svg = parse(picture.markup);
        const cells = Array.from(svg.querySelectorAll('g.cell'));
        expect(cells).toHaveLength(landscape.rows.length * landscape.columns.length);
        for (const cell of cells) {
            const row = landscape.rows.findIndex((entry) => entry.id === cell.getAttribute('data-row'));
            const column = landscape.columns.findIndex(
                (entry) => entry.id === cell.getAttribute('data-column')
            );
            const state = landscape.cells[row]![column]!.state;
            expect(cell.getAttribute('data-state')).toBe(state);
            expect(cell.querySelector('rect')!.getAttribute('fill')).toBe(STATE_COLOURS[state]);
            expect(cell.querySelector('text')!.textContent).toBe(words.states[state]);
        }
        const states = new Set(cells.map((cell) => cell.getAttribute('data-state')));
        // the fixture holds each state, so the table above checks every colour
        expect([...states].sort()).toEqual([...STATE_ORDER].sort());
    });

    it('prints each cell its figure: won, else pipeline, else the target', () => {
        const svg = parse(landscapePicture(grid(), words, { currency: 'USD', locale: 'en-US' }).markup);
        const figure = (row: string, column: string): string | null | undefined =>
            svg.querySelectorAll(`g.cell[data-row="${row}"][data-column="${column}"] text`)[1]?.textContent;
        expect(figure('cio', 'eng')).toBe('$2.1M');
        expect(figure('heli', 'iot')).toBe('$1.2M');
        expect(figure('sales', 'sf')).toBe('$1M');
        expect(figure('sales', 'cloud')).toBeUndefined();
    });

    it('explains every state in the legend with the same colour as the cells', () => {
        const svg = parse(landscapePicture(grid(), words, { currency: 'USD' }).markup);
        const legend = Array.from(svg.querySelectorAll('g.legend'));
        expect(legend.map((entry) => entry.getAttribute('data-state'))).toEqual([...STATE_ORDER]);
        for (const entry of legend) {
            const state = entry.getAttribute('data-state') as CellState;
            expect(entry.querySelector('rect')!.getAttribute('fill')).toBe(STATE_COLOURS[state]);
            expect(entry.querySelector('text')!.textContent).toBe(words.states[state]);
        }
    });

    it('totals each row, each column and the grid as won and pipeline, never one sum', () => {
        const landscape = grid();
        const svg = parse(landscapePicture(landscape, words, { currency: 'USD', locale: 'en-US' }).markup);
        const lines = (element: Element | null): string[] =>
            Array.from(element?.querySelectorAll('text') ?? []).map((text) => text.textContent ?? '');
        expect(svg.querySelectorAll('g.row-total')).toHaveLength(landscape.rows.length);
        expect(svg.querySelectorAll('g.column-total')).toHaveLength(landscape.columns.length);
        // 2.1M won; 1.2M + 0.8M + 0.25M unmapped open
        expect(lines(svg.querySelector('g.grand-total'))).toEqual(['$2.1M won', '≈$2.3M pipeline']);
        expect(svg.querySelector('g.left-out')).toBeNull();
    });

    it('shows only the most valuable rows and columns of a large grid and says how many were left out', () => {
        const landscape = grid();
        const picture = landscapePicture(landscape, words, { currency: 'USD', maxRows: 2, maxColumns: 2 });
        const svg = parse(picture.markup);
        expect(picture.shownRows.map((index) => landscape.rows[index]!.id)).toEqual(['cio', 'heli']);
        expect(svg.querySelectorAll('g.cell')).toHaveLength(4);
        expect(svg.querySelector('g.left-out')!.textContent).toBe(
            `Showing 2 of ${landscape.rows.length} buying centers and 2 of ${landscape.columns.length} offerings`
        );
    });

    it('escapes names so a buying center called <script> & co stays text', () => {
        const landscape = buildLandscape(
            aeronova({
                buyingCenters: [
                    {
                        id: 'x"y',
                        name: '<script>alert("x")</script> & co',
                        parentId: null,
                        kind: null,
                        active: true
                    }
                ],
                cells: [],
                business: []
            })
        );
        const picture = landscapePicture(landscape, { ...words, title: 'A & B <C>' }, { currency: 'USD' });
        const svg = parse(picture.markup);
        expect(picture.markup).not.toContain('<script>');
        expect(svg.querySelector('g.row-header title')!.textContent).toBe('<script>alert("x")</script> & co');
        expect(svg.querySelector('text')!.textContent).toBe('A & B <C>');
        expect(svg.querySelector('g.cell')!.getAttribute('data-row')).toBe('x"y');
    });
});
