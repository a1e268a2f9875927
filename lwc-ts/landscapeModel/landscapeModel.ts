// The account landscape, DOM-free: rows are the customer's buying centers, columns our offerings, each cell
// what is there (existing business, pipeline, a whitespace target, a competitor, not applicable, or open
// whitespace). Business with no buying center or offering lands in an "Unmapped" row or column, so the grand
// total always equals the account's business for the period.
//
// The input is LandscapeController.getLandscape's result as the build types it from the Apex (every member
// may be null); `landscapeFromApex` is the one place that decides what a null means, so the rules below
// work on present values only.
import { STANCE_ORDER } from 'c/heatScore';
import type {
    LandscapeService_BusinessGroup,
    LandscapeService_BuyingCenterView,
    LandscapeService_CaseCount,
    LandscapeService_CellKey,
    LandscapeService_CellView,
    LandscapeService_CoverageView,
    LandscapeService_Landscape,
    LandscapeService_OfferingView,
    LandscapeService_Omission,
    LandscapeService_PlanTargets
} from '@salesforce/apex/types';

/** Members of an Apex result the adapter has checked: never null. */
type Present<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };

/** A buying center (LandscapeService.BuyingCenterView) with its Id and name. */
export type BuyingCenter = Present<LandscapeService_BuyingCenterView, 'id' | 'name'>;

/** An offering (LandscapeService.OfferingView) with its Id and name. */
export type Offering = Present<LandscapeService_OfferingView, 'id' | 'name'>;

/**
 * A Landscape_Cell__c (LandscapeService.CellView) with its Id, buying center and offering; `version` is its
 * LastModifiedDate, which the next edit of this cell carries (no lost updates).
 */
export type CellRecord = Present<LandscapeService_CellView, 'id' | 'buyingCenterId' | 'offeringId'>;

/** Opportunities of one buying center × offering × outcome × period, as LandscapeController sums them. */
export type BusinessGroup = Present<LandscapeService_BusinessGroup, 'deals'> & {
    period: 'current' | 'previous';
    outcome: 'won' | 'lost' | 'open';
};

/** People we know in a buying center with one stance. */
export type Coverage = Present<LandscapeService_CoverageView, 'buyingCenterId' | 'contacts'>;

/** Open cases of a buying center. */
export type CaseCount = Present<LandscapeService_CaseCount, 'buyingCenterId' | 'cases'>;

/** A buying center × offering pair where the account won business before the period: mining ground. */
export type CellKey = LandscapeService_CellKey;

/** The plan's mining and farming targets. */
export type PlanTargets = LandscapeService_PlanTargets;

/** One thing the landscape left out: how many are shown (opportunities: summed) of that kind and period. */
export type Omission = Present<LandscapeService_Omission, 'shown'> & {
    what: 'buyingCenters' | 'offerings' | 'cells' | 'opportunities' | 'earlierWins';
    period: 'current' | 'previous' | null;
};

/** A buying center kind an admin allows (Kind__c). */
export interface KindChoice {
    value: string;
    label: string;
}

/** The landscape of an account for a period, every list present (empty when the server sent none). */
export interface Landscape {
    accountId: string;
    /** Empty when the user cannot read it. */
    accountName: string;
    /** Empty when unknown: money then reads in USD. */
    currencyIsoCode: string;
    periodStart: string | null;
    periodEnd: string | null;
    previousStart: string | null;
    previousEnd: string | null;
    canEdit: boolean;
    canAddBuyingCenter: boolean;
    kinds: KindChoice[];
    /** Labels of the fields the user cannot read (their figures are empty). */
    hiddenFields: string[];
    buyingCenters: BuyingCenter[];
    offerings: Offering[];
    cells: CellRecord[];
    business: BusinessGroup[];
    coverage: Coverage[];
    openCases: CaseCount[];
    earlierWins: CellKey[];
    plan: PlanTargets | null;
    /** What the server left out because the account passes what one call can read (LandscapeService caps). */
    omitted: Omission[];
}

const PERIODS = ['current', 'previous'] as const;
const OUTCOMES = ['won', 'lost', 'open'] as const;
const OMITTED = ['buyingCenters', 'offerings', 'cells', 'opportunities', 'earlierWins'] as const;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
    return values.find((candidate) => candidate === value) ?? null;
}

function present<T>(list: readonly T[] | null | undefined): T[] {
    return list ? [...list] : [];
}

/** What `read` makes of each entry of a list (a null list is empty), leaving out the entries it cannot read. */
function readable<T, R>(list: readonly T[] | null | undefined, read: (entry: T) => R | null): R[] {
    const values: R[] = [];
    for (const entry of list ?? []) {
        const value = read(entry);
        if (value !== null) values.push(value);
    }
    return values;
}

function kindFromApex(kind: { value: string | null; label: string | null }): KindChoice | null {
    return kind.value ? { value: kind.value, label: kind.label ?? kind.value } : null;
}

function offeringFromApex(view: LandscapeService_OfferingView): Offering | null {
    return view.id ? { ...view, id: view.id, name: view.name ?? '' } : null;
}

function coverageFromApex(entry: LandscapeService_CoverageView): Coverage | null {
    return entry.buyingCenterId
        ? { ...entry, buyingCenterId: entry.buyingCenterId, contacts: entry.contacts ?? 0 }
        : null;
}

function caseCountFromApex(entry: LandscapeService_CaseCount): CaseCount | null {
    return entry.buyingCenterId ? { buyingCenterId: entry.buyingCenterId, cases: entry.cases ?? 0 } : null;
}

/** A buying center as the grid uses it; one without an Id cannot be a row, a null name reads empty. */
export function buyingCenterFromApex(view: LandscapeService_BuyingCenterView | null): BuyingCenter | null {
    if (!view?.id) return null;
    return { ...view, id: view.id, name: view.name ?? '' };
}

/** A landscape cell as the grid uses it; one without its Id, buying center or offering marks nothing. */
export function cellFromApex(view: LandscapeService_CellView | null): CellRecord | null {
    if (!view?.id || !view.buyingCenterId || !view.offeringId) return null;
    return { ...view, id: view.id, buyingCenterId: view.buyingCenterId, offeringId: view.offeringId };
}

/**
 * The landscape the grid draws from LandscapeController.getLandscape's result: a null list is empty, a
 * null name or currency reads empty, a null flag is false, a null count is 0, and an entry with no Id
 * (nothing to place it by) is left out. A null result is an empty landscape.
 */
export function landscapeFromApex(result: LandscapeService_Landscape | null): Landscape {
    // as the rules always read them: only "previous" is last period, and what is neither won nor lost is open
    const business: BusinessGroup[] = present(result?.business).map((group) => ({
        ...group,
        period: group.period === 'previous' ? 'previous' : 'current',
        outcome: oneOf(OUTCOMES, group.outcome) ?? 'open',
        deals: group.deals ?? 0
    }));
    // an omission of an unknown kind still shows, in the cells' wording, rather than hiding what was left out
    const omitted: Omission[] = present(result?.omitted).map((omission) => ({
        what: oneOf(OMITTED, omission.what) ?? 'cells',
        period: oneOf(PERIODS, omission.period),
        shown: omission.shown ?? 0
    }));
    return {
        accountId: result?.accountId ?? '',
        accountName: result?.accountName ?? '',
        currencyIsoCode: result?.currencyIsoCode ?? '',
        periodStart: result?.periodStart ?? null,
        periodEnd: result?.periodEnd ?? null,
        previousStart: result?.previousStart ?? null,
        previousEnd: result?.previousEnd ?? null,
        canEdit: result?.canEdit ?? false,
        canAddBuyingCenter: result?.canAddBuyingCenter ?? false,
        kinds: readable(result?.kinds, kindFromApex),
        hiddenFields: present(result?.hiddenFields),
        buyingCenters: readable(result?.buyingCenters, buyingCenterFromApex),
        offerings: readable(result?.offerings, offeringFromApex),
        cells: readable(result?.cells, cellFromApex),
        business,
        coverage: readable(result?.coverage, coverageFromApex),
        openCases: readable(result?.openCases, caseCountFromApex),
        earlierWins: present(result?.earlierWins),
        plan: result?.plan ?? null,
        omitted
    };
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

/** The template that names an omission. */
export function omissionTemplate(omission: Omission, words: OmissionWords): string {
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

export type LandscapeView = 'value' | 'status' | 'coverage' | 'change';

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
    record: CellRecord | null;
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
function treeOrder(centers: readonly BuyingCenter[]): { center: BuyingCenter; depth: number; top: string }[] {
    const known = new Set(centers.map((center) => center.id));
    const children = new Map<string, BuyingCenter[]>();
    const tops: BuyingCenter[] = [];
    for (const center of centers) {
        const parent =
            center.parentId && known.has(center.parentId) && center.parentId !== center.id
                ? center.parentId
                : null;
        if (parent) children.set(parent, [...(children.get(parent) ?? []), center]);
        else tops.push(center);
    }
    const byName = (a: BuyingCenter, b: BuyingCenter): number =>
        a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
    const ordered: { center: BuyingCenter; depth: number; top: string }[] = [];
    const seen = new Set<string>();
    const visit = (center: BuyingCenter, depth: number, top: string): void => {
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

/** Where each buying center's figures land: its own row, or that of its nearest folded ancestor. */
interface RowPlacement {
    rows: GridRow[];
    rowOf: Map<string, string>;
}

/** Step 1: the rows, in tree order, folded buying centers' descendants merged into them. */
function placeRows(centers: readonly BuyingCenter[], collapsed: ReadonlySet<string>): RowPlacement {
    const ordered = treeOrder(centers);
    const parentOf = new Map(ordered.map(({ center }) => [center.id, center.parentId]));
    const rowOf = new Map<string, string>();
    const rows: GridRow[] = [];
    const hasChildren = new Set(centers.map((center) => center.parentId).filter((id): id is string => !!id));
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
            ...emptyRow(center.id, center.name),
            depth,
            hasChildren: hasChildren.has(center.id),
            collapsed: collapsed.has(center.id) && hasChildren.has(center.id)
        });
    }
    return { rows, rowOf };
}

/** Step 2: the columns, by sort order then name; grouped by family, one column holds several offerings. */
function placeColumns(
    offerings: readonly Offering[],
    options: GridOptions
): { columns: GridColumn[]; columnOf: Map<string, string> } {
    const sorted = [...offerings].sort(
        (a, b) =>
            (a.sortOrder ?? Number.MAX_SAFE_INTEGER) - (b.sortOrder ?? Number.MAX_SAFE_INTEGER) ||
            a.name.localeCompare(b.name)
    );
    const columnOf = new Map<string, string>();
    const columns: GridColumn[] = [];
    for (const offering of sorted) {
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
    return { columns, columnOf };
}

/** One buying center × offering: its business and its landscape record, before cells merge. */
interface Pair {
    row: number;
    column: number;
    totals: Totals;
    record: CellRecord | null;
}

/** Step 3: business and records per buying center × offering, so each pair's state is judged on its own. */
function sumPairs(
    landscape: Landscape,
    rowOf: ReadonlyMap<string, string>,
    columnOf: ReadonlyMap<string, string>,
    rowAt: (buyingCenterId: string | null) => number,
    columnAt: (offeringId: string | null) => number
): Map<string, Pair> {
    const pairs = new Map<string, Pair>();
    const pairOf = (buyingCenterId: string | null, offeringId: string | null): Pair => {
        const key = `${buyingCenterId ?? ''}|${offeringId ?? ''}`;
        let pair = pairs.get(key);
        if (!pair) {
            pair = { row: rowAt(buyingCenterId), column: columnAt(offeringId), totals: zero(), record: null };
            pairs.set(key, pair);
        }
        return pair;
    };
    for (const group of landscape.business) {
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
    for (const record of landscape.cells) {
        // a landscape record for a center or offering not on the grid has no business to lose: leave it out
        if (!rowOf.has(record.buyingCenterId) || !columnOf.has(record.offeringId)) continue;
        pairOf(record.buyingCenterId, record.offeringId).record = record;
    }
    return pairs;
}

/** Step 4: the cells, each adding its pairs and showing the strongest state among them. */
function fillCells(
    rows: readonly GridRow[],
    columns: readonly GridColumn[],
    pairs: Map<string, Pair>
): GridCell[][] {
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
    return cells;
}

/** Step 5: mining (pairs won before the period, last period included) and farming (all others). */
function splitMiningFarming(
    pairs: ReadonlyMap<string, Pair>,
    earlierWins: readonly CellKey[]
): { mining: SplitFigures; farming: SplitFigures } {
    const mining = noSplit();
    const farming = noSplit();
    const earlier = new Set(
        earlierWins.map((pair) => `${pair.buyingCenterId ?? ''}|${pair.offeringId ?? ''}`)
    );
    for (const [key, pair] of pairs) {
        // last period's wins are earlier wins too, also when the server sent no earlierWins
        const side = earlier.has(key) || pair.totals.previousWon > 0 ? mining : farming;
        side.won += pair.totals.won;
        side.pipeline += pair.totals.pipeline;
        side.weighted += pair.totals.weighted;
        side.targeted += pair.totals.targeted;
    }
    return { mining, farming };
}

/** Step 6: row, column and grand totals from the same cells, and the largest cell for the value heat. */
function addTotals(
    rows: readonly GridRow[],
    columns: readonly GridColumn[],
    cells: readonly GridCell[][]
): { grand: Totals; maxBusiness: number } {
    const grand = zero();
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
    return { grand, maxBusiness };
}

/** Step 7: who we know and the open cases per row; the Unmapped row has neither. */
function addCoverage(
    rows: readonly GridRow[],
    landscape: Landscape,
    rowAt: (buyingCenterId: string | null) => number
): void {
    // warmer is higher: Champion first in STANCE_ORDER ranks highest; an unknown stance ranks below every known one
    const stanceRank = (stance: string | null): number => {
        const index = stance ? STANCE_ORDER.indexOf(stance) : -1;
        return index === -1 ? -1 : STANCE_ORDER.length - index;
    };
    for (const entry of landscape.coverage) {
        const row = rows[rowAt(entry.buyingCenterId)];
        if (!row || row.unmapped) continue;
        row.contacts += entry.contacts;
        if (entry.contacts > 0 && stanceRank(entry.stance) > stanceRank(row.bestStance))
            row.bestStance = entry.stance;
    }
    for (const entry of landscape.openCases) {
        const row = rows[rowAt(entry.buyingCenterId)];
        if (row && !row.unmapped) row.openCases += entry.cases;
    }
    for (const row of rows) row.coverage = coverageBand(row.contacts, row.bestStance);
}

/** Builds the grid shown for the options; every business group lands in exactly one cell. */
export function buildLandscape(landscape: Landscape, options: GridOptions = {}): LandscapeGrid {
    const unmappedLabel = options.unmappedLabel ?? 'Unmapped';
    const { rows, rowOf } = placeRows(landscape.buyingCenters, options.collapsed ?? new Set<string>());
    const { columns, columnOf } = placeColumns(landscape.offerings, options);

    // business with no home on the grid gets an Unmapped row or column, so nothing is dropped
    const rowKey = (buyingCenterId: string | null): string =>
        (buyingCenterId && rowOf.get(buyingCenterId)) || UNMAPPED;
    const columnKey = (offeringId: string | null): string =>
        (offeringId && columnOf.get(offeringId)) || UNMAPPED;
    if (landscape.business.some((group) => rowKey(group.buyingCenterId) === UNMAPPED))
        rows.push({ ...emptyRow(UNMAPPED, unmappedLabel), unmapped: true });
    if (landscape.business.some((group) => columnKey(group.offeringId) === UNMAPPED))
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
    const rowAt = (buyingCenterId: string | null): number => rowIndex.get(rowKey(buyingCenterId)) ?? -1;
    const columnAt = (offeringId: string | null): number => columnIndex.get(columnKey(offeringId)) ?? -1;

    const pairs = sumPairs(landscape, rowOf, columnOf, rowAt, columnAt);
    const cells = fillCells(rows, columns, pairs);
    const { mining, farming } = splitMiningFarming(pairs, landscape.earlierWins);
    const { grand, maxBusiness } = addTotals(rows, columns, cells);
    addCoverage(rows, landscape, rowAt);
    return { rows, columns, cells, grand, maxBusiness, mining, farming };
}

function noSplit(): SplitFigures {
    return { won: 0, pipeline: 0, weighted: 0, targeted: 0 };
}

function emptyRow(id: string, name: string): GridRow {
    return {
        id,
        name,
        depth: 0,
        hasChildren: false,
        collapsed: false,
        unmapped: false,
        contacts: 0,
        bestStance: null,
        coverage: 'none',
        openCases: 0,
        totals: zero()
    };
}
