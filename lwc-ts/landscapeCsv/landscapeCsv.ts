// The landscape grid as CSV, DOM-free: as shown, numbers as numbers, and every text that a spreadsheet
// would run as a formula defused.
import type { GridCell, GridRow, LandscapeGrid, LandscapeView, Totals } from 'c/landscapeModel';
import { fill } from 'c/landscapeCell';

/** The words of the CSV export (custom labels, passed in). */
export interface CsvWords {
    buyingCenter: string;
    total: string;
    /** Heading of the column naming each line's figure (value and change views). */
    figure: string;
    /** Figure names; the value view writes won, pipeline, weighted, targeted; the change view its four. */
    won: string;
    pipeline: string;
    weighted: string;
    targeted: string;
    changeWon: string;
    lost: string;
    opened: string;
    /** "{0} (own business, sub-centers listed below)" and "{0} (including sub-centers)". */
    ownOnly: string;
    withChildren: string;
}

type CsvFigure = { name: string; of: (totals: Totals) => number };

/** The row name as the CSV writes it: indented, and a parent says whether its figures hold its children. */
function csvRowName(row: GridRow, words: CsvWords): string {
    const name = !row.hasChildren
        ? row.name
        : fill(row.collapsed ? words.withChildren : words.ownOnly, row.name);
    return `${'  '.repeat(row.depth)}${name}`;
}

/**
 * The grid as CSV, as shown. Value and change views carry numbers as numbers (no currency symbol, no
 * rounding), one line per buying center and figure, so won, pipeline, weighted pipeline and targets stay
 * apart; status and coverage views carry each cell's words, with numeric won + pipeline totals.
 */
export function landscapeCsv(
    grid: LandscapeGrid,
    view: LandscapeView,
    text: (cell: GridCell) => string,
    words: CsvWords
): string {
    const quote = (value: string | number): string => {
        if (typeof value === 'number') return String(Math.round(value * 100) / 100);
        // OWASP "CSV Injection": a cell starting with =, +, -, @, a tab or a carriage return runs as a
        // formula in a spreadsheet — also after the spaces that indent a child row
        const safe = /^[ ]*[=+\-@\t\r]/.test(value) ? `'${value}` : value;
        return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    };
    const lines: (string | number)[][] = [];
    const names = grid.columns.map((column) => column.name);
    if (view === 'value' || view === 'change') {
        const figures: CsvFigure[] =
            view === 'value'
                ? [
                      { name: words.won, of: (t) => t.won },
                      { name: words.pipeline, of: (t) => t.pipeline },
                      { name: words.weighted, of: (t) => t.weighted },
                      { name: words.targeted, of: (t) => t.targeted }
                  ]
                : [
                      { name: words.changeWon, of: (t) => t.won - t.previousWon },
                      { name: words.lost, of: (t) => t.lost },
                      { name: words.opened, of: (t) => t.pipeline },
                      { name: words.targeted, of: (t) => t.targeted }
                  ];
        lines.push([words.buyingCenter, words.figure, ...names, words.total]);
        grid.rows.forEach((row, r) => {
            for (const figure of figures)
                lines.push([
                    csvRowName(row, words),
                    figure.name,
                    ...grid.cells[r]!.map((cell) => figure.of(cell)),
                    figure.of(row.totals)
                ]);
        });
        for (const figure of figures)
            lines.push([
                words.total,
                figure.name,
                ...grid.columns.map((column) => figure.of(column.totals)),
                figure.of(grid.grand)
            ]);
    } else {
        const total = (totals: Totals): number => totals.won + totals.pipeline;
        lines.push([words.buyingCenter, ...names, words.total]);
        grid.rows.forEach((row, r) =>
            lines.push([
                csvRowName(row, words),
                ...grid.cells[r]!.map((cell) => text(cell)),
                total(row.totals)
            ])
        );
        lines.push([words.total, ...grid.columns.map((column) => total(column.totals)), total(grid.grand)]);
    }
    return lines.map((line) => line.map(quote).join(',')).join('\r\n');
}
