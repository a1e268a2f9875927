// A landscape cell as the rep sees it, DOM-free: what it says in each view, the figure a total shows, and
// how it is coloured. This is the one place that decides a cell's colour: it names a tone, and
// landscapeGrid.css says what each tone looks like with SLDS styling hooks.
import type {
    CellState,
    CoverageBand,
    GridCell,
    GridRow,
    LandscapeGrid,
    LandscapeView,
    Totals
} from 'c/landscapeModel';

/** 0 to 1: a cell's business (won + pipeline) against the largest cell's, for the value heat. */
export function valueIntensity(grid: LandscapeGrid, cell: Totals): number {
    return grid.maxBusiness > 0 ? (cell.won + cell.pipeline) / grid.maxBusiness : 0;
}

/**
 * The figure a total shows: business (won + pipeline; whitespace targets are not in it, and the grid says
 * so), or in the change view won against the comparison period, signed.
 */
export function shownTotal(totals: Totals, view: LandscapeView): number {
    return view === 'change' ? totals.won - totals.previousWon : totals.won + totals.pipeline;
}

/** The words a cell is written with (custom labels, passed in so this module stays label-free). */
export interface CellWords {
    states: Record<CellState, string>;
    /** "{0} won", "{0} pipeline", "{0} target", "Competitor: {0}" */
    won: string;
    pipeline: string;
    target: string;
    competitor: string;
    /** change view: "{0} won", "{0} lost", "{0} opened", "{0} targeted" */
    changeWon: string;
    lost: string;
    opened: string;
    targeted: string;
}

/** Puts a value into a label template's {0}. */
export function fill(template: string, value: string): string {
    return template.replace('{0}', value);
}

/** What a cell says in a view; `money` formats an amount in the account's currency. */
export function cellText(
    cell: GridCell,
    view: LandscapeView,
    words: CellWords,
    money: (amount: number) => string
): string {
    if (view === 'change') {
        const delta = cell.won - cell.previousWon;
        return [
            delta ? fill(words.changeWon, `${delta > 0 ? '+' : '−'}${money(Math.abs(delta))}`) : '',
            cell.lost ? fill(words.lost, money(cell.lost)) : '',
            cell.pipeline ? fill(words.opened, money(cell.pipeline)) : '',
            cell.targeted ? fill(words.targeted, money(cell.targeted)) : ''
        ]
            .filter(Boolean)
            .join(' · ');
    }
    const competitor =
        cell.state === 'competitor' && cell.competitor ? fill(words.competitor, cell.competitor) : null;
    if (cell.unmapped && cell.state === 'whitespace') return '';
    if (view !== 'value') return competitor ?? words.states[cell.state];
    switch (cell.state) {
        case 'existing':
            return [
                fill(words.won, money(cell.won)),
                cell.pipeline ? fill(words.pipeline, money(cell.pipeline)) : ''
            ]
                .filter(Boolean)
                .join(' · ');
        case 'pipeline':
            return fill(words.pipeline, money(cell.pipeline));
        case 'target':
            return fill(words.target, money(cell.targeted));
        case 'competitor':
            return competitor ?? words.states.competitor;
        case 'not-applicable':
            return words.states['not-applicable'];
        default:
            return '';
    }
}

/**
 * The colours a cell can take: business won or a strong relationship (good), pipeline or coverage (open),
 * a target or a single contact (watch), a competitor, nobody known or a loss (risk), not applicable
 * (stripes), or nothing.
 */
export type Tone = 'good' | 'open' | 'watch' | 'risk' | 'not-applicable' | 'none';

const STATE_TONE: Record<CellState, Tone> = {
    existing: 'good',
    pipeline: 'open',
    target: 'watch',
    competitor: 'risk',
    'not-applicable': 'not-applicable',
    whitespace: 'none'
};

const COVERAGE_TONE: Record<CoverageBand, Tone> = {
    none: 'risk',
    single: 'watch',
    covered: 'open',
    strong: 'good'
};

/** The tone of a coverage band: the coverage view's cells and its legend's swatches share it. */
export function coverageTone(band: CoverageBand): Tone {
    return COVERAGE_TONE[band];
}

function toned(classes: string, tone: Tone): string {
    return tone === 'none' ? classes : `${classes} tone-${tone}`;
}

/**
 * How a cell is coloured in a view: its classes (the view, the state, band or change it shows, and its
 * tone) and, for the value heat, its intensity as the `--landscape-heat` custom property (0 to 1).
 */
export function cellTone(
    grid: LandscapeGrid,
    row: GridRow,
    cell: GridCell,
    view: LandscapeView
): { className: string; style: string } {
    switch (view) {
        case 'value': {
            const intensity = valueIntensity(grid, cell);
            const notApplicable = cell.state === 'not-applicable';
            const classes = `cell value${intensity > 0 ? ' heat' : ''}`;
            return {
                className: notApplicable
                    ? toned(`${classes} state-not-applicable`, 'not-applicable')
                    : classes,
                style: intensity > 0 ? `--landscape-heat: ${(0.08 + 0.5 * intensity).toFixed(3)}` : ''
            };
        }
        case 'status':
            return { className: toned(`cell state-${cell.state}`, STATE_TONE[cell.state]), style: '' };
        case 'coverage':
            return row.unmapped
                ? { className: 'cell coverage-unmapped', style: '' }
                : {
                      className: toned(`cell coverage-${row.coverage}`, coverageTone(row.coverage)),
                      style: ''
                  };
        default: {
            const delta = cell.won - cell.previousWon;
            if (delta > 0) return { className: toned('cell change change-up', 'good'), style: '' };
            if (delta < 0 || cell.lost > 0)
                return { className: toned('cell change change-down', 'risk'), style: '' };
            return { className: 'cell change', style: '' };
        }
    }
}
