// The account landscape, DOM-free: rows are the customer's buying centers, columns our offerings, each cell
// what is there (existing business, pipeline, a whitespace target, a competitor, not applicable, or open
// whitespace). Business with no buying center or offering lands in an "Unmapped" row or column, so the grand
// total always equals the account's business for the period.

/** Opportunities of one buying center × offering × outcome × period, as LandscapeController sums them. */
export interface BusinessGroup {
    buyingCenterId: string | null;
    offeringId: string | null;
    period: 'current' | 'previous';
    outcome: 'won' | 'lost' | 'open';
    amount: number | null;
    /** Probability-weighted amount (ExpectedRevenue). */
    expected: number | null;
    deals: number;
}

export interface BuyingCenterDto {
    id: string;
    name: string;
    parentId: string | null;
    kind: string | null;
    active: boolean | null;
}

export interface OfferingDto {
    id: string;
    name: string;
    family: string | null;
    sortOrder: number | null;
}

export interface LandscapeCellDto {
    id: string;
    buyingCenterId: string;
    offeringId: string;
    status: string | null;
    potentialValue: number | null;
    targetDate: string | null;
    competitor: string | null;
    notes: string | null;
    /** LastModifiedDate: the version the next edit of this cell carries (no lost updates). */
    version?: string | null;
}

export interface CoverageDto {
    buyingCenterId: string;
    stance: string | null;
    contacts: number;
}

export interface LandscapeDto {
    accountId: string;
    accountName: string;
    currencyIsoCode: string;
    periodStart: string;
    periodEnd: string;
    previousStart: string;
    previousEnd: string;
    canEdit: boolean;
    canAddBuyingCenter?: boolean;
    /** The buying center kinds an admin allows (Kind__c). */
    kinds?: { value: string; label: string }[];
    /** Labels of the fields the user cannot read (their figures are empty). */
    hiddenFields?: string[];
    buyingCenters: BuyingCenterDto[];
    offerings: OfferingDto[];
    cells: LandscapeCellDto[];
    business: BusinessGroup[];
    coverage: CoverageDto[];
    openCases: { buyingCenterId: string; cases: number }[];
    /** Buying center × offering pairs where the account won business before the period: mining ground. */
    earlierWins?: { buyingCenterId: string | null; offeringId: string | null }[];
    plan: { id: string; name: string; miningTarget: number | null; farmingTarget: number | null } | null;
    /** What the server left out because the account passes what one call can read (LandscapeService caps). */
    omitted?: OmissionDto[];
}

/** One thing the landscape left out: how many are shown (opportunities: summed) of that kind and period. */
export interface OmissionDto {
    what: 'buyingCenters' | 'offerings' | 'cells' | 'opportunities' | 'earlierWins';
    period: 'current' | 'previous' | null;
    shown: number;
}

/** The label templates ({0}: how many are shown) of each kind of omission. */
export interface OmissionWords {
    buyingCenters: string;
    offerings: string;
    cells: string;
    opportunitiesCurrent: string;
    opportunitiesPrevious: string;
    earlierWins: string;
}

/** The template that names an omission; an unknown kind falls back to the cells' wording rather than hiding it. */
export function omissionTemplate(omission: OmissionDto, words: OmissionWords): string {
    switch (omission.what) {
        case 'buyingCenters':
            return words.buyingCenters;
        case 'offerings':
            return words.offerings;
        case 'opportunities':
            return omission.period === 'previous' ? words.opportunitiesPrevious : words.opportunitiesCurrent;
        case 'earlierWins':
            return words.earlierWins;
        default:
            return words.cells;
    }
}

export type CellState = 'existing' | 'pipeline' | 'target' | 'competitor' | 'not-applicable' | 'whitespace';
export type CoverageBand = 'none' | 'single' | 'covered' | 'strong';

export const UNMAPPED = 'unmapped';
export const WHITESPACE_TARGET = 'Whitespace Target';
export const COMPETITOR_INCUMBENT = 'Competitor Incumbent';
export const NOT_APPLICABLE = 'Not Applicable';

/** What a cell, row, column or the grid adds up to. */
export interface Totals {
    won: number;
    lost: number;
    pipeline: number;
    weighted: number;
    deals: number;
    /** Potential value of whitespace targets. */
    targeted: number;
    previousWon: number;
}

export interface GridCell extends Totals {
    key: string;
    rowId: string;
    columnId: string;
    state: CellState;
    /** The Landscape_Cell__c behind it, when one cell of one offering (not a family) is shown. */
    record: LandscapeCellDto | null;
    competitor: string | null;
    /** In the Unmapped row or column: business without a home, never whitespace. */
    unmapped: boolean;
}

export interface GridRow {
    id: string;
    name: string;
    depth: number;
    hasChildren: boolean;
    collapsed: boolean;
    unmapped: boolean;
    contacts: number;
    bestStance: string | null;
    coverage: CoverageBand;
    openCases: number;
    totals: Totals;
}

export interface GridColumn {
    id: string;
    name: string;
    family: string | null;
    unmapped: boolean;
    offeringIds: string[];
    totals: Totals;
}

/** One side of the plan's split, each figure on its own: they are unlike things and never summed. */
export interface SplitFigures {
    won: number;
    /** Open pipeline at face value. */
    pipeline: number;
    /** Open pipeline × probability. */
    weighted: number;
    /** Potential value of whitespace targets. */
    targeted: number;
}

export interface LandscapeGrid {
    rows: GridRow[];
    columns: GridColumn[];
    /** cells[row][column] */
    cells: GridCell[][];
    grand: Totals;
    /** The largest cell's business (won + pipeline), the top of the value heat. */
    maxBusiness: number;
    /**
     * Domain §4: mining is growth of existing business (cells where the account won before the period),
     * farming is new business (every other cell, Unmapped included when it has no earlier win).
     */
    mining: SplitFigures;
    farming: SplitFigures;
}

export interface GridOptions {
    /** Buying centers whose sub-centers are folded into them. */
    collapsed?: ReadonlySet<string>;
    /** One column per offering family instead of per offering. */
    byFamily?: boolean;
    /** Label of the Unmapped row and column. */
    unmappedLabel?: string;
    /** Label of offerings without a family when grouped. */
    noFamilyLabel?: string;
}

const STANCE_ORDER = ['Blocker', 'Detractor', 'Neutral', 'Supporter', 'Champion'];
// a merged cell (a family, a folded buying center) shows the strongest thing in it
const STATE_PRECEDENCE: CellState[] = [
    'existing',
    'pipeline',
    'target',
    'competitor',
    'whitespace',
    'not-applicable'
];

function zero(): Totals {
    return { won: 0, lost: 0, pipeline: 0, weighted: 0, deals: 0, targeted: 0, previousWon: 0 };
}

function add(into: Totals, from: Totals): void {
    into.won += from.won;
    into.lost += from.lost;
    into.pipeline += from.pipeline;
    into.weighted += from.weighted;
    into.deals += from.deals;
    into.targeted += from.targeted;
    into.previousWon += from.previousWon;
}

/** The state of one buying center × offering from its business and its landscape record. */
export function cellState(totals: Totals, status: string | null | undefined): CellState {
    if (totals.won > 0) return 'existing';
    if (totals.pipeline > 0) return 'pipeline';
    if (status === WHITESPACE_TARGET) return 'target';
    if (status === COMPETITOR_INCUMBENT) return 'competitor';
    if (status === NOT_APPLICABLE) return 'not-applicable';
    return 'whitespace';
}

/** How well we know a buying center: nobody, one person, several, several with a supporter or better. */
export function coverageBand(contacts: number, bestStance: string | null): CoverageBand {
    if (contacts <= 0) return 'none';
    if (contacts === 1) return 'single';
    return bestStance === 'Supporter' || bestStance === 'Champion' ? 'strong' : 'covered';
}

function strongest(states: CellState[]): CellState {
    for (const state of STATE_PRECEDENCE) if (states.includes(state)) return state;
    return 'whitespace';
}

/** Buying centers in tree order (parents before children, by name); centers whose parent is unknown are tops. */
function treeOrder(
    centers: readonly BuyingCenterDto[]
): { center: BuyingCenterDto; depth: number; top: string }[] {
    const known = new Set(centers.map((center) => center.id));
    const children = new Map<string, BuyingCenterDto[]>();
    const tops: BuyingCenterDto[] = [];
    for (const center of centers) {
        const parent =
            center.parentId && known.has(center.parentId) && center.parentId !== center.id
                ? center.parentId
                : null;
        if (parent) children.set(parent, [...(children.get(parent) ?? []), center]);
        else tops.push(center);
    }
    const byName = (a: BuyingCenterDto, b: BuyingCenterDto): number =>
        a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
    const ordered: { center: BuyingCenterDto; depth: number; top: string }[] = [];
    const seen = new Set<string>();
    const visit = (center: BuyingCenterDto, depth: number, top: string): void => {
        if (seen.has(center.id)) return;
        seen.add(center.id);
        ordered.push({ center, depth, top });
        for (const child of [...(children.get(center.id) ?? [])].sort(byName)) visit(child, depth + 1, top);
    };
    for (const top of [...tops].sort(byName)) visit(top, 0, top.id);
    // a loop of parents has no top: show its members at the top rather than lose them
    for (const center of [...centers].sort(byName)) visit(center, 0, center.id);
    return ordered;
}

/** Builds the grid shown for the options; every business group lands in exactly one cell. */
export function buildLandscape(dto: LandscapeDto, options: GridOptions = {}): LandscapeGrid {
    const collapsed = options.collapsed ?? new Set<string>();
    const unmappedLabel = options.unmappedLabel ?? 'Unmapped';
    const ordered = treeOrder(dto.buyingCenters);
    const parentOf = new Map(ordered.map(({ center }) => [center.id, center.parentId]));

    // the row each buying center's figures land in: itself, or the nearest folded ancestor
    const rowOf = new Map<string, string>();
    const rows: GridRow[] = [];
    const hasChildren = new Set(
        dto.buyingCenters.map((center) => center.parentId).filter((id): id is string => !!id)
    );
    for (const { center, depth } of ordered) {
        let shownAs = center.id;
        for (
            let at = parentOf.get(center.id) ?? null, guard = 0;
            at && guard < ordered.length;
            at = parentOf.get(at) ?? null, guard++
        )
            if (collapsed.has(at) && rowOf.has(at)) shownAs = rowOf.get(at)!;
        rowOf.set(center.id, shownAs);
        if (shownAs !== center.id) continue;
        rows.push({
            id: center.id,
            name: center.name,
            depth,
            hasChildren: hasChildren.has(center.id),
            collapsed: collapsed.has(center.id) && hasChildren.has(center.id),
            unmapped: false,
            contacts: 0,
            bestStance: null,
            coverage: 'none',
            openCases: 0,
            totals: zero()
        });
    }

    const offerings = [...dto.offerings].sort(
        (a, b) =>
            (a.sortOrder ?? Number.MAX_SAFE_INTEGER) - (b.sortOrder ?? Number.MAX_SAFE_INTEGER) ||
            a.name.localeCompare(b.name)
    );
    const columnOf = new Map<string, string>();
    const columns: GridColumn[] = [];
    for (const offering of offerings) {
        const id = options.byFamily ? `family:${offering.family ?? ''}` : offering.id;
        columnOf.set(offering.id, id);
        const existing = columns.find((column) => column.id === id);
        if (existing) existing.offeringIds.push(offering.id);
        else
            columns.push({
                id,
                name: options.byFamily ? (offering.family ?? options.noFamilyLabel ?? '—') : offering.name,
                family: offering.family,
                unmapped: false,
                offeringIds: [offering.id],
                totals: zero()
            });
    }

    const rowKey = (buyingCenterId: string | null): string =>
        (buyingCenterId && rowOf.get(buyingCenterId)) || UNMAPPED;
    const columnKey = (offeringId: string | null): string =>
        (offeringId && columnOf.get(offeringId)) || UNMAPPED;
    const needsRow = dto.business.some((group) => rowKey(group.buyingCenterId) === UNMAPPED);
    const needsColumn = dto.business.some((group) => columnKey(group.offeringId) === UNMAPPED);
    if (needsRow) rows.push(unmappedRow(unmappedLabel));
    if (needsColumn)
        columns.push({
            id: UNMAPPED,
            name: unmappedLabel,
            family: null,
            unmapped: true,
            offeringIds: [],
            totals: zero()
        });

    const rowIndex = new Map(rows.map((row, index) => [row.id, index]));
    const columnIndex = new Map(columns.map((column, index) => [column.id, index]));
    const statesOf: CellState[][][] = rows.map(() => columns.map(() => []));
    const cells: GridCell[][] = rows.map((row) =>
        columns.map((column) => ({
            ...zero(),
            key: `${row.id}|${column.id}`,
            rowId: row.id,
            columnId: column.id,
            state: 'whitespace' as CellState,
            record: null,
            competitor: null,
            unmapped: row.unmapped || column.unmapped
        }))
    );

    // per buying center × offering first, so each pair's state is judged on its own before merging
    const pairs = new Map<
        string,
        { row: number; column: number; totals: Totals; record: LandscapeCellDto | null }
    >();
    const pairOf = (
        buyingCenterId: string | null,
        offeringId: string | null
    ): { row: number; column: number; totals: Totals; record: LandscapeCellDto | null } => {
        const key = `${buyingCenterId ?? ''}|${offeringId ?? ''}`;
        let pair = pairs.get(key);
        if (!pair) {
            pair = {
                row: rowIndex.get(rowKey(buyingCenterId))!,
                column: columnIndex.get(columnKey(offeringId))!,
                totals: zero(),
                record: null
            };
            pairs.set(key, pair);
        }
        return pair;
    };
    for (const group of dto.business) {
        const totals = pairOf(group.buyingCenterId, group.offeringId).totals;
        const amount = group.amount ?? 0;
        if (group.period === 'previous') {
            if (group.outcome === 'won') totals.previousWon += amount;
            continue;
        }
        totals.deals += group.deals;
        if (group.outcome === 'won') totals.won += amount;
        else if (group.outcome === 'lost') totals.lost += amount;
        else {
            totals.pipeline += amount;
            totals.weighted += group.expected ?? 0;
        }
    }
    for (const record of dto.cells) {
        // a landscape record for a center or offering not on the grid has no business to lose: leave it out
        if (!rowOf.has(record.buyingCenterId) || !columnOf.has(record.offeringId)) continue;
        const pair = pairOf(record.buyingCenterId, record.offeringId);
        pair.record = record;
    }
    for (const pair of pairs.values()) {
        const { totals, record } = pair;
        const state = cellState(totals, record?.status);
        if (state === 'target') totals.targeted += record?.potentialValue ?? 0;
        const cell = cells[pair.row]![pair.column]!;
        add(cell, totals);
        statesOf[pair.row]![pair.column]!.push(state);
        if (record) {
            cell.record = record;
            if (record.status === COMPETITOR_INCUMBENT && record.competitor)
                cell.competitor = record.competitor;
        }
    }
    // a merged cell only carries a record when it stands for exactly one buying center × offering
    rows.forEach((row, r) =>
        columns.forEach((column, c) => {
            const cell = cells[r]![c]!;
            cell.state = strongest(statesOf[r]![c]!);
            const single =
                !row.collapsed && !column.unmapped && column.offeringIds.length === 1 && !row.unmapped;
            if (!single) cell.record = null;
        })
    );

    const grand = zero();
    const mining = noSplit();
    const farming = noSplit();
    const earlier = new Set(
        (dto.earlierWins ?? []).map((pair) => `${pair.buyingCenterId ?? ''}|${pair.offeringId ?? ''}`)
    );
    for (const [key, pair] of pairs) {
        // last period's wins are earlier wins too, also when the server sent no earlierWins
        const side = earlier.has(key) || pair.totals.previousWon > 0 ? mining : farming;
        side.won += pair.totals.won;
        side.pipeline += pair.totals.pipeline;
        side.weighted += pair.totals.weighted;
        side.targeted += pair.totals.targeted;
    }
    let maxBusiness = 0;
    rows.forEach((row, r) =>
        columns.forEach((column, c) => {
            const cell = cells[r]![c]!;
            maxBusiness = Math.max(maxBusiness, cell.won + cell.pipeline);
            add(row.totals, cell);
            add(column.totals, cell);
            add(grand, cell);
        })
    );

    const stanceRank = (stance: string | null): number => (stance ? STANCE_ORDER.indexOf(stance) : -1);
    for (const entry of dto.coverage) {
        const row = rows[rowIndex.get(rowKey(entry.buyingCenterId)) ?? -1];
        if (!row || row.unmapped) continue;
        row.contacts += entry.contacts;
        if (entry.contacts > 0 && stanceRank(entry.stance) > stanceRank(row.bestStance))
            row.bestStance = entry.stance;
    }
    for (const entry of dto.openCases) {
        const row = rows[rowIndex.get(rowKey(entry.buyingCenterId)) ?? -1];
        if (row && !row.unmapped) row.openCases += entry.cases;
    }
    for (const row of rows) row.coverage = coverageBand(row.contacts, row.bestStance);

    return { rows, columns, cells, grand, maxBusiness, mining, farming };
}

function noSplit(): SplitFigures {
    return { won: 0, pipeline: 0, weighted: 0, targeted: 0 };
}

function unmappedRow(label: string): GridRow {
    return {
        id: UNMAPPED,
        name: label,
        depth: 0,
        hasChildren: false,
        collapsed: false,
        unmapped: true,
        contacts: 0,
        bestStance: null,
        coverage: 'none',
        openCases: 0,
        totals: zero()
    };
}

export type LandscapeView = 'value' | 'status' | 'coverage' | 'change';

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

function fill(template: string, value: string): string {
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

/** How a cell is coloured in a view: a class, and for the value heat an inline background. */
export function cellTone(
    grid: LandscapeGrid,
    row: GridRow,
    cell: GridCell,
    view: LandscapeView
): { className: string; style: string } {
    switch (view) {
        case 'value': {
            const intensity = valueIntensity(grid, cell);
            return {
                className: `cell value${cell.state === 'not-applicable' ? ' state-not-applicable' : ''}`,
                style:
                    intensity > 0
                        ? `background-color: rgba(1, 118, 211, ${(0.08 + 0.5 * intensity).toFixed(3)})`
                        : ''
            };
        }
        case 'status':
            return { className: `cell state-${cell.state}`, style: '' };
        case 'coverage':
            return { className: `cell coverage-${row.unmapped ? 'unmapped' : row.coverage}`, style: '' };
        default: {
            const delta = cell.won - cell.previousWon;
            const tone = delta > 0 ? ' change-up' : delta < 0 || cell.lost > 0 ? ' change-down' : '';
            return { className: `cell change${tone}`, style: '' };
        }
    }
}

/** Marks a compact amount that rounding changed, so $7.5M + $1.5M showing $8.9M carries a hint. */
export const ROUNDED_MARK = '≈';

function compactFormat(currency: string, locale: string | undefined): Intl.NumberFormat {
    const options: Intl.NumberFormatOptions = {
        notation: 'compact',
        minimumFractionDigits: 0,
        maximumFractionDigits: 1
    };
    try {
        return new Intl.NumberFormat(locale, { ...options, style: 'currency', currency: currency || 'USD' });
    } catch {
        // an unknown ISO code: the number alone rather than nothing
        return new Intl.NumberFormat(locale, options);
    }
}

/** Whether the compact text of an amount stands for a different amount (so it needs the hint). */
export function isRoundedCompact(amount: number, format: Intl.NumberFormat): boolean {
    let digits = '';
    for (const part of format.formatToParts(Math.abs(amount)))
        if (part.type === 'integer') digits += part.value.replace(/\D/g, '');
        else if (part.type === 'fraction') digits += `.${part.value}`;
    const shown = Number(digits || '0');
    if (amount === 0) return false;
    if (shown === 0) return true;
    // the compact unit (K, M, Mio., 万…) is a power of ten: recover it from the ratio
    const scale = 10 ** Math.round(Math.log10(Math.abs(amount) / shown));
    return Math.abs(shown * scale - Math.abs(amount)) > 1e-9 * Math.abs(amount);
}

/**
 * An amount in a currency, short ("$2.1M"), for cells; "≈" in front when the short form rounds it. The
 * locale is the browser's unless given; `signed` writes "+" on gains (the change view).
 */
export function compactMoney(amount: number, currency: string, locale?: string, signed = false): string {
    const format = compactFormat(currency, locale);
    const text = format.format(Math.abs(amount));
    const sign = amount < 0 ? '−' : signed && amount > 0 ? '+' : '';
    return `${sign}${isRoundedCompact(amount, format) ? ROUNDED_MARK : ''}${text}`;
}

/** An amount in full ("$7,450,000"), for hover text and screen readers. */
export function exactMoney(amount: number, currency: string, locale?: string): string {
    try {
        return new Intl.NumberFormat(locale, {
            style: 'currency',
            currency: currency || 'USD',
            // whole amounts without ",00"; cents when there are any
            minimumFractionDigits: Number.isInteger(amount) ? 0 : 2,
            maximumFractionDigits: 2
        }).format(amount);
    } catch {
        return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(amount);
    }
}

/**
 * A date as a rep types it, as ISO (YYYY-MM-DD): ISO itself (also with / or .), or day, month and year in
 * the locale's numeric order ("9/30/2026" in en-US, "30/09/2026" in en-GB), or with a month name
 * ("Sep 30, 2026", "30 September 2026"). Empty text is null; text that is no real date is undefined, so
 * the caller can refuse it rather than drop it.
 */
export function parseTypedDate(text: string, locale?: string): string | null | undefined {
    const input = text.trim();
    if (!input) return null;
    const valid = (year: number, month: number, day: number): string | undefined => {
        if (!Number.isInteger(year) || year < 1700 || year > 4000) return undefined;
        const date = new Date(Date.UTC(year, month - 1, day));
        if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
            return undefined;
        return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    };
    const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(input);
    if (iso) return valid(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    const numeric = /^(\d{1,4})[-/. ]+(\d{1,2})[-/. ]+(\d{1,4})\.?$/.exec(input);
    if (numeric) {
        const order = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'numeric', day: 'numeric' })
            .formatToParts(new Date(Date.UTC(2026, 8, 30)))
            .map((part) => part.type)
            .filter((type) => type === 'year' || type === 'month' || type === 'day');
        const values: Record<string, number> = {};
        order.forEach((type, index) => (values[type] = Number(numeric[index + 1])));
        return valid(values.year!, values.month!, values.day!);
    }
    const words = input
        .toLowerCase()
        .replace(/,/g, ' ')
        .split(/[\s.]+/)
        .filter(Boolean);
    if (words.length !== 3) return undefined;
    const months = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((month) => {
        const date = new Date(Date.UTC(2026, month, 15));
        return ['long', 'short'].map((style) =>
            new Intl.DateTimeFormat(locale, { month: style as 'long' | 'short', timeZone: 'UTC' })
                .format(date)
                .toLowerCase()
                .replace(/\.$/, '')
        );
    });
    // "sep" and "sept" both name September, whatever the locale's own abbreviation
    const names = (word: string, index: number): boolean =>
        months[index]!.includes(word) || (word.length >= 3 && months[index]![0]!.startsWith(word));
    const month = months.findIndex((_, index) => words.some((word) => names(word, index))) + 1;
    const rest = words.filter((word) => !month || !names(word, month - 1)).map(Number);
    if (!month || rest.length !== 2 || rest.some((value) => !Number.isInteger(value))) return undefined;
    const [first, second] = rest as [number, number];
    return first > 31 ? valid(first, month, second) : valid(second, month, first);
}

/** The part of a large grid worth drawing: rows and columns on screen plus a margin, and the space around them. */
export interface GridWindow {
    firstRow: number;
    /** One past the last row drawn. */
    endRow: number;
    firstColumn: number;
    endColumn: number;
    topPad: number;
    bottomPad: number;
    leftPad: number;
    rightPad: number;
}

export interface GridMetrics {
    rowHeight: number;
    columnWidth: number;
    /** Width of the sticky buying-center column, which covers the left of the scrolled area. */
    headerWidth: number;
    /** Rows and columns drawn beyond the screen on each side, so a scroll does not show blanks. */
    overscanRows: number;
    overscanColumns: number;
}

/** Grids with more cells than this draw only their window; smaller ones draw everything. */
export const WINDOWED_CELLS = 400;

/**
 * Which rows and columns to draw for a scroll position: every row and column that is at least partly in
 * the viewport (below the sticky header column), plus the overscan; pads hold the place of the rest.
 */
export function gridWindow(
    rowCount: number,
    columnCount: number,
    viewport: { top: number; left: number; height: number; width: number },
    metrics: GridMetrics
): GridWindow {
    const clamp = (value: number, max: number): number => Math.max(0, Math.min(max, value));
    const { rowHeight: h, columnWidth: w } = metrics;
    const firstRow = clamp(Math.floor(viewport.top / h) - metrics.overscanRows, rowCount);
    const endRow = clamp(Math.ceil((viewport.top + viewport.height) / h) + metrics.overscanRows, rowCount);
    const visibleWidth = Math.max(0, viewport.width - metrics.headerWidth);
    const firstColumn = clamp(Math.floor(viewport.left / w) - metrics.overscanColumns, columnCount);
    const endColumn = clamp(
        Math.ceil((viewport.left + visibleWidth) / w) + metrics.overscanColumns,
        columnCount
    );
    return {
        firstRow,
        endRow: Math.max(firstRow, endRow),
        firstColumn,
        endColumn: Math.max(firstColumn, endColumn),
        topPad: firstRow * h,
        bottomPad: (rowCount - Math.max(firstRow, endRow)) * h,
        leftPad: firstColumn * w,
        rightPad: (columnCount - Math.max(firstColumn, endColumn)) * w
    };
}
