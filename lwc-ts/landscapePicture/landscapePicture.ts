// The landscape as a picture for the printed plan: buying centers × offerings, each cell coloured by what
// is there, with row and column totals, a legend and, on a large grid, only the most valuable rows and
// columns with a line saying how many were left out. A standalone SVG document; DOM-free.
import type { CellState, GridCell, LandscapeGrid, Totals } from 'c/landscapeModel';
import { compactMoney } from 'c/landscapeMoney';
import { escapeXml, truncate } from 'c/orgChartExport';

/** One fill per cell state: light enough for black text, distinct in print and in greyscale order. */
export const STATE_COLOURS: Readonly<Record<CellState, string>> = {
    existing: '#91db8b',
    pipeline: '#aacbff',
    target: '#f9e3b6',
    competitor: '#feb9a5',
    'not-applicable': '#d8d8d8',
    whitespace: '#ffffff'
};

/** The order states are explained in, strongest business first. */
export const STATE_ORDER: readonly CellState[] = [
    'existing',
    'pipeline',
    'target',
    'competitor',
    'not-applicable',
    'whitespace'
];

export interface PictureWords {
    title: string;
    /** The period line, already worded. */
    subtitle: string;
    states: Readonly<Record<CellState, string>>;
    /** Header of the totals row and column. */
    total: string;
    /** Header of the buying center column. */
    buyingCenter: string;
    /** A won amount: "{0} won". */
    won: string;
    /** An open amount: "{0} pipeline". */
    pipeline: string;
    /**
     * What was left out: {0} rows shown, {1} rows in all, {2} columns shown, {3} columns in all
     * ("Showing the 12 of 40 buying centers and 8 of 30 offerings with the most business").
     */
    leftOut: string;
}

export interface PictureOptions {
    currency: string;
    locale?: string;
    /** At most this many buying centers (rows); the most valuable are kept. */
    maxRows?: number;
    /** At most this many offerings (columns); the most valuable are kept. */
    maxColumns?: number;
}

export interface LandscapePicture {
    markup: string;
    width: number;
    height: number;
    /** Indexes into grid.rows / grid.columns of what the picture shows, in the grid's order. */
    shownRows: number[];
    shownColumns: number[];
}

export const DEFAULT_MAX_ROWS = 25;
export const DEFAULT_MAX_COLUMNS = 10;

const PADDING = 24;
const NAME_WIDTH = 220;
const CELL_WIDTH = 118;
const CELL_HEIGHT = 40;
const HEADER_HEIGHT = 56;
const LEGEND_SWATCH = 14;
const FONT = `font-family="Salesforce Sans, Arial, sans-serif"`;

/**
 * What a row or column weighs when a large grid is cut down: every kind of business it holds or aims at.
 * Only an order: the picture never prints this sum (won, pipeline and targets are unlike things).
 */
export function valueOf(totals: Totals): number {
    return totals.won + totals.pipeline + totals.targeted;
}

/**
 * The indexes of the `max` most valuable entries, in their original order; ties keep the earlier entry,
 * so the same grid always gives the same picture.
 */
export function topIndexes(totals: readonly Totals[], max: number): number[] {
    const limit = Math.max(0, Math.floor(max));
    if (totals.length <= limit) return totals.map((_, index) => index);
    return totals
        .map((entry, index) => ({ index, value: valueOf(entry) }))
        .sort((a, b) => b.value - a.value || a.index - b.index)
        .slice(0, limit)
        .map((entry) => entry.index)
        .sort((a, b) => a - b);
}

/** The one figure a cell shows: what is won, else what is open, else what is targeted; empty for none. */
function cellFigure(cell: GridCell, currency: string, locale?: string): string {
    const amount =
        cell.won > 0 ? cell.won : cell.pipeline > 0 ? cell.pipeline : cell.targeted > 0 ? cell.targeted : 0;
    return amount > 0 ? compactMoney(amount, currency, locale) : '';
}

function text(x: number, y: number, value: string, attributes: string): string {
    return `<text x="${x}" y="${y}" ${attributes}>${escapeXml(value)}</text>`;
}

function fillTemplate(template: string, values: readonly (string | number)[]): string {
    return template.replace(/\{(\d+)\}/g, (match, index: string) => {
        const value = values[Number(index)];
        return value === undefined ? match : String(value);
    });
}

/** The grid as an SVG document: title, legend, the matrix with totals, and what was left out. */
export function landscapePicture(
    grid: LandscapeGrid,
    words: PictureWords,
    options: PictureOptions
): LandscapePicture {
    const { currency, locale } = options;
    const shownRows = topIndexes(
        grid.rows.map((row) => row.totals),
        options.maxRows ?? DEFAULT_MAX_ROWS
    );
    const shownColumns = topIndexes(
        grid.columns.map((column) => column.totals),
        options.maxColumns ?? DEFAULT_MAX_COLUMNS
    );
    const cutDown = shownRows.length < grid.rows.length || shownColumns.length < grid.columns.length;
    // a total prints won and pipeline on their own lines, never added up
    const totalLines = (totals: Totals, x: number, y: number): string =>
        text(
            x + 6,
            y + 16,
            fillTemplate(words.won, [compactMoney(totals.won, currency, locale)]),
            `${FONT} font-size="11" font-weight="700" fill="#181818"`
        ) +
        text(
            x + 6,
            y + 32,
            fillTemplate(words.pipeline, [compactMoney(totals.pipeline, currency, locale)]),
            `${FONT} font-size="11" fill="#181818"`
        );

    const legendTop = 74;
    const noteTop = legendTop + 28;
    const tableTop = (cutDown ? noteTop + 22 : noteTop) + 8;
    const columnsWidth = (shownColumns.length + 1) * CELL_WIDTH;
    const width = Math.ceil(Math.max(PADDING * 2 + NAME_WIDTH + columnsWidth, 640));
    const height = Math.ceil(tableTop + HEADER_HEIGHT + (shownRows.length + 1) * CELL_HEIGHT + PADDING);
    const left = PADDING;
    const parts: string[] = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
        `<rect width="100%" height="100%" fill="#ffffff"/>`,
        text(left, 36, words.title, `${FONT} font-size="22" font-weight="700" fill="#181818"`),
        text(left, 58, words.subtitle, `${FONT} font-size="13" fill="#444444"`)
    ];

    // legend: one swatch per state, in a row
    let legendX = left;
    for (const state of STATE_ORDER) {
        const label = words.states[state];
        parts.push(
            `<g class="legend" data-state="${state}"><rect x="${legendX}" y="${legendTop - LEGEND_SWATCH + 2}" width="${LEGEND_SWATCH}" height="${LEGEND_SWATCH}" fill="${STATE_COLOURS[state]}" stroke="#706e6b"/>` +
                text(legendX + LEGEND_SWATCH + 6, legendTop, label, `${FONT} font-size="12" fill="#181818"`) +
                '</g>'
        );
        legendX += LEGEND_SWATCH + 18 + label.length * 7;
    }
    if (cutDown)
        parts.push(
            `<g class="left-out">${text(
                left,
                noteTop,
                fillTemplate(words.leftOut, [
                    shownRows.length,
                    grid.rows.length,
                    shownColumns.length,
                    grid.columns.length
                ]),
                `${FONT} font-size="12" font-style="italic" fill="#181818"`
            )}</g>`
        );

    // column headers, then the totals column
    const headerY = tableTop + HEADER_HEIGHT - 12;
    parts.push(
        text(left + 6, headerY, words.buyingCenter, `${FONT} font-size="12" font-weight="700" fill="#181818"`)
    );
    shownColumns.forEach((columnIndex, position) => {
        const x = left + NAME_WIDTH + position * CELL_WIDTH;
        const name = grid.columns[columnIndex]!.name;
        parts.push(
            `<g class="column-header">${text(x + 6, headerY, truncate(name, 16), `${FONT} font-size="12" font-weight="700" fill="#181818"`)}<title>${escapeXml(name)}</title></g>`
        );
    });
    const totalX = left + NAME_WIDTH + shownColumns.length * CELL_WIDTH;
    parts.push(
        text(totalX + 6, headerY, words.total, `${FONT} font-size="12" font-weight="700" fill="#181818"`)
    );

    // one row per shown buying center: its name, its cells, its total
    const bodyTop = tableTop + HEADER_HEIGHT;
    shownRows.forEach((rowIndex, rowPosition) => {
        const row = grid.rows[rowIndex]!;
        const y = bodyTop + rowPosition * CELL_HEIGHT;
        const indent = Math.min(row.depth, 4) * 12;
        parts.push(
            `<g class="row-header">${text(left + 6 + indent, y + 25, truncate(row.name, 28 - indent / 6), `${FONT} font-size="12" fill="#181818"`)}<title>${escapeXml(row.name)}</title></g>`
        );
        shownColumns.forEach((columnIndex, columnPosition) => {
            const cell = grid.cells[rowIndex]![columnIndex]!;
            const x = left + NAME_WIDTH + columnPosition * CELL_WIDTH;
            const figure = cellFigure(cell, currency, locale);
            parts.push(
                `<g class="cell" data-row="${escapeXml(row.id)}" data-column="${escapeXml(cell.columnId)}" data-state="${cell.state}">` +
                    `<rect x="${x}" y="${y}" width="${CELL_WIDTH}" height="${CELL_HEIGHT}" fill="${STATE_COLOURS[cell.state]}" stroke="#b0adab"/>` +
                    text(
                        x + 6,
                        y + 16,
                        truncate(words.states[cell.state], 18),
                        `${FONT} font-size="10" fill="#181818"`
                    ) +
                    (figure
                        ? text(
                              x + 6,
                              y + 32,
                              figure,
                              `${FONT} font-size="12" font-weight="700" fill="#181818"`
                          )
                        : '') +
                    '</g>'
            );
        });
        parts.push(`<g class="row-total">${totalLines(row.totals, totalX, y)}</g>`);
    });

    // totals row: each shown column's total and the whole grid's (left-out rows and columns included)
    const totalsY = bodyTop + shownRows.length * CELL_HEIGHT;
    parts.push(
        `<rect x="${left}" y="${totalsY}" width="${NAME_WIDTH + columnsWidth}" height="${CELL_HEIGHT}" fill="#f3f3f3"/>`,
        text(left + 6, totalsY + 25, words.total, `${FONT} font-size="12" font-weight="700" fill="#181818"`)
    );
    shownColumns.forEach((columnIndex, position) => {
        const x = left + NAME_WIDTH + position * CELL_WIDTH;
        parts.push(
            `<g class="column-total">${totalLines(grid.columns[columnIndex]!.totals, x, totalsY)}</g>`
        );
    });
    parts.push(`<g class="grand-total">${totalLines(grid.grand, totalX, totalsY)}</g>`, '</svg>');
    return { markup: parts.join('\n'), width, height, shownRows, shownColumns };
}
