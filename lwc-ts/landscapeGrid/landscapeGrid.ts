// The account landscape card: loads the landscape in one call, lets the rep switch views, fold buying
// centers, group offerings by family and export the grid as shown; the figures come from c/landscapeModel.
import { LightningElement, api, wire } from 'lwc';
import { NavigationMixin, type PageReference } from 'lightning/navigation';
import { encodeDefaultFieldValues } from 'lightning/pageReferenceUtils';
import { MessageContext, publish } from 'lightning/messageService';
import { RefreshEvent, registerRefreshHandler, unregisterRefreshHandler } from 'lightning/refresh';
import refreshLabel from '@salesforce/label/c.Keystone_Refresh';
import BUYING_CENTER_CHANGE from '@salesforce/messageChannel/Keystone_Buying_Center_Change__c';
import saveCell from '@salesforce/apex/LandscapeController.saveCell';
import removeCell from '@salesforce/apex/LandscapeController.removeCell';
import addBuyingCenter from '@salesforce/apex/LandscapeController.addBuyingCenter';
import getLandscape from '@salesforce/apex/LandscapeController.getLandscape';
import omittedBuyingCentersLabel from '@salesforce/label/c.Keystone_Landscape_Omitted_Buying_Centers';
import omittedOfferingsLabel from '@salesforce/label/c.Keystone_Landscape_Omitted_Offerings';
import omittedCellsLabel from '@salesforce/label/c.Keystone_Landscape_Omitted_Cells';
import omittedCurrentLabel from '@salesforce/label/c.Keystone_Landscape_Omitted_Current';
import omittedPreviousLabel from '@salesforce/label/c.Keystone_Landscape_Omitted_Previous';
import omittedEarlierWinsLabel from '@salesforce/label/c.Keystone_Landscape_Omitted_Earlier_Wins';
import {
    buildLandscape,
    cellFromApex,
    buyingCenterFromApex,
    landscapeFromApex,
    omissionTemplate,
    type BuyingCenter,
    type KindChoice,
    type Landscape,
    type OmissionWords,
    type Totals,
    type SplitFigures,
    type LandscapeGrid as Grid,
    type LandscapeView
} from 'c/landscapeModel';
import { cellText, cellTone, coverageTone, shownTotal } from 'c/landscapeCell';
import { landscapeCsv } from 'c/landscapeCsv';
import { compactMoney, exactMoney } from 'c/landscapeMoney';
import { gridWindow, WINDOWED_CELLS, type GridWindow } from 'c/landscapeWindow';
import { errorMessage, formatIsoDate, formatLabel } from 'c/keystoneText';
import type { CellEditing, CellSave } from 'c/landscapeCellEditor';
import type { NewBuyingCenter } from 'c/landscapeAddCenter';
import { CELL_WORDS, CSV_WORDS } from 'c/landscapeWords';
import titleLabel from '@salesforce/label/c.Keystone_Landscape_Title';
import loadingLabel from '@salesforce/label/c.Keystone_Landscape_Loading';
import totalLabel from '@salesforce/label/c.Keystone_Landscape_Total';
import unmappedLabel from '@salesforce/label/c.Keystone_Landscape_Unmapped';
import noFamilyLabel from '@salesforce/label/c.Keystone_Landscape_No_Family';
import viewLabel from '@salesforce/label/c.Keystone_Landscape_View';
import valueLabel from '@salesforce/label/c.Keystone_Landscape_View_Value';
import statusLabel from '@salesforce/label/c.Keystone_Landscape_View_Status';
import coverageLabel from '@salesforce/label/c.Keystone_Landscape_View_Coverage';
import changeLabel from '@salesforce/label/c.Keystone_Landscape_View_Change';
import groupFamilyLabel from '@salesforce/label/c.Keystone_Landscape_Group_Family';
import exportCsvLabel from '@salesforce/label/c.Keystone_Landscape_Export_Csv';
import emptyLabel from '@salesforce/label/c.Keystone_Landscape_Empty';
import periodLabel from '@salesforce/label/c.Keystone_Landscape_Period';
import summaryLabel from '@salesforce/label/c.Keystone_Landscape_Summary';
import splitCaptionLabel from '@salesforce/label/c.Keystone_Landscape_Split_Caption';
import miningLabel from '@salesforce/label/c.Keystone_Landscape_Mining';
import farmingLabel from '@salesforce/label/c.Keystone_Landscape_Farming';
import figureWonLabel from '@salesforce/label/c.Keystone_Landscape_Figure_Won';
import figureWeightedLabel from '@salesforce/label/c.Keystone_Landscape_Figure_Weighted';
import figureTargetsLabel from '@salesforce/label/c.Keystone_Landscape_Figure_Targets';
import figurePlannedLabel from '@salesforce/label/c.Keystone_Landscape_Figure_Planned';
import figurePipelineLabel from '@salesforce/label/c.Keystone_Landscape_Figure_Pipeline';
import notPlannedLabel from '@salesforce/label/c.Keystone_Landscape_Not_Planned';
import totalNoteLabel from '@salesforce/label/c.Keystone_Landscape_Total_Note';
import totalNoteChangeLabel from '@salesforce/label/c.Keystone_Landscape_Total_Note_Change';
import roundedNoteLabel from '@salesforce/label/c.Keystone_Landscape_Rounded_Note';
import legendLabel from '@salesforce/label/c.Keystone_Landscape_Legend';
import bandNoneLabel from '@salesforce/label/c.Keystone_Coverage_Band_None';
import bandSingleLabel from '@salesforce/label/c.Keystone_Coverage_Band_Single';
import bandCoveredLabel from '@salesforce/label/c.Keystone_Coverage_Band_Covered';
import bandStrongLabel from '@salesforce/label/c.Keystone_Coverage_Band_Strong';
import collapseLabel from '@salesforce/label/c.Keystone_Landscape_Collapse';
import expandLabel from '@salesforce/label/c.Keystone_Landscape_Expand';
import buyingCenterLabel from '@salesforce/label/c.Keystone_Field_Buying_Center';
import peopleLabel from '@salesforce/label/c.Keystone_Coverage_People';
import peopleNoStanceLabel from '@salesforce/label/c.Keystone_Coverage_People_No_Stance';
import onePersonLabel from '@salesforce/label/c.Keystone_Coverage_One_Person';
import onePersonNoStanceLabel from '@salesforce/label/c.Keystone_Coverage_One_Person_No_Stance';
import nobodyLabel from '@salesforce/label/c.Keystone_Coverage_Nobody';
import openCasesLabel from '@salesforce/label/c.Keystone_Open_Cases';
import editHintLabel from '@salesforce/label/c.Keystone_Landscape_Edit_Hint';
import editorTitleLabel from '@salesforce/label/c.Keystone_Cell_Editor_Title';
import businessLabel from '@salesforce/label/c.Keystone_Cell_Business';
import addCenterLabel from '@salesforce/label/c.Keystone_Add_Buying_Center';
import detailLabel from '@salesforce/label/c.Keystone_Cell_Detail';
import { fileNameOf, FileDownloads } from 'c/fileDownloads';
import hiddenFieldsLabel from '@salesforce/label/c.Keystone_Landscape_Hidden_Fields';

const WORDS = CELL_WORDS;

// fixed sizes (see the .windowed styles) so a scroll position says which rows and columns show
const METRICS = { rowHeight: 64, columnWidth: 128, headerWidth: 224, overscanRows: 6, overscanColumns: 2 };
const FULL_VIEWPORT = { top: 0, left: 0, height: Number.MAX_SAFE_INTEGER, width: Number.MAX_SAFE_INTEGER };

const COVERAGE_LEGEND = (
    [
        { band: 'none', label: bandNoneLabel },
        { band: 'single', label: bandSingleLabel },
        { band: 'covered', label: bandCoveredLabel },
        { band: 'strong', label: bandStrongLabel }
    ] as const
).map((entry) => ({
    ...entry,
    key: entry.band,
    swatchClass: `swatch coverage-${entry.band} tone-${coverageTone(entry.band)}`
}));

/** One side of the split as the table draws it: figures in short form, exact on hover. */
interface SplitRow {
    key: string;
    label: string;
    figures: { key: string; text: string; exact: string }[];
}

const VIEWS: { view: LandscapeView; label: string }[] = [
    { view: 'value', label: valueLabel },
    { view: 'status', label: statusLabel },
    { view: 'coverage', label: coverageLabel },
    { view: 'change', label: changeLabel }
];

interface CellItem {
    key: string;
    detail: string;
    editable: boolean;
    tabindex: string;
    rowId: string;
    columnId: string;
    text: string;
    className: string;
    style: string;
    label: string;
}

interface RowItem {
    id: string;
    rowIndex: number;
    name: string;
    headerClass: string;
    indentStyle: string;
    hasToggle: boolean;
    toggleIcon: string;
    toggleLabel: string;
    expanded: string;
    coverage: string;
    openCases: string;
    cells: CellItem[];
    total: string;
    totalExact: string;
}

/** Dates of the App Builder "period" choice; null for the current plan's period (the server decides). */
export function periodDates(
    period: string,
    today: string
): { periodStart: string | null; periodEnd: string | null } {
    const year = Number(today.slice(0, 4));
    if (period === 'thisYear') return { periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` };
    if (period === 'lastYear') return { periodStart: `${year - 1}-01-01`, periodEnd: `${year - 1}-12-31` };
    return { periodStart: null, periodEnd: null };
}

/** What the rep is editing: one buying center × offering. */
interface Editing extends CellEditing {
    buyingCenterId: string;
    offeringId: string;
}

/** Who we know in a buying center: "Nobody yet", "1 person: Champion", "16 people, best Champion". */
function coverageText(contacts: number, bestStance: string | null | undefined): string {
    if (contacts === 0) return nobodyLabel;
    if (contacts === 1) return bestStance ? formatLabel(onePersonLabel, bestStance) : onePersonNoStanceLabel;
    return bestStance
        ? formatLabel(peopleLabel, contacts, bestStance)
        : formatLabel(peopleNoStanceLabel, contacts);
}

const OMISSION_WORDS: OmissionWords = {
    buyingCenters: omittedBuyingCentersLabel,
    offerings: omittedOfferingsLabel,
    cells: omittedCellsLabel,
    opportunitiesCurrent: omittedCurrentLabel,
    opportunitiesPrevious: omittedPreviousLabel,
    earlierWins: omittedEarlierWinsLabel
};

export default class LandscapeGrid extends NavigationMixin(LightningElement) {
    private accountId?: string;
    private connected = false;
    /** Counts loads, so an answer that arrives for an earlier record is dropped. */
    private loadCount = 0;

    /**
     * The Account's (or Account Plan's) Id, set by the record page. Lightning reuses this component when
     * the user moves to another record of the same type, so a new Id starts a new load.
     */
    @api
    get recordId(): string | undefined {
        return this.accountId;
    }
    set recordId(value: string | undefined) {
        if (value === this.accountId) return;
        this.accountId = value;
        if (this.connected) this.load(value);
    }
    /** plan (the current plan's period), thisYear or lastYear (App Builder). */
    @api period = 'plan';
    /** The view shown first (App Builder). */
    @api defaultView: LandscapeView = 'value';
    /** Grid height in pixels; it scrolls inside with sticky headers (App Builder). */
    @api height = 720;

    readonly labels = {
        titleLabel,
        loadingLabel,
        totalLabel,
        viewLabel,
        groupFamilyLabel,
        exportCsvLabel,
        refreshLabel,
        emptyLabel,
        buyingCenterLabel,
        editHintLabel,
        addCenterLabel,
        splitCaptionLabel,
        figureWonLabel,
        figureWeightedLabel,
        figureTargetsLabel,
        figurePlannedLabel,
        roundedNoteLabel,
        legendLabel
    };

    readonly coverageLegend = COVERAGE_LEGEND;

    /** Lightning Message Service context: the grid announces new buying centers to the org chart. */
    @wire(MessageContext)
    messageContext?: unknown;

    editing?: Editing;
    saving = false;
    editError = '';
    adding = false;
    addError = '';

    isLoading = true;
    error = '';
    private dto?: Landscape;
    private chosenView?: LandscapeView;
    byFamily = false;
    private collapsed = new Set<string>();
    private grid?: Grid;
    /** The drawn window of a large grid, set as the rep scrolls. */
    private scrollWindow?: GridWindow;
    private loadedFor?: string;

    /** Set when a cell opens its editor: the editor sits under the grid and is scrolled into view once. */
    private revealEditor = false;

    override renderedCallback(): void {
        if (!this.revealEditor) return;
        const editor = this.template?.querySelector<HTMLElement>('[data-id="cell-editor"]');
        if (!editor) return;
        this.revealEditor = false;
        editor.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
    }

    private refreshHandlerId?: number;

    override connectedCallback(): void {
        this.connected = true;
        if (this.loadedFor !== this.accountId) this.load(this.accountId);
        // the page's Refresh (RefreshView API) reloads the landscape, e.g. after an opportunity was created
        this.refreshHandlerId = registerRefreshHandler(this, this.refreshView);
    }

    override disconnectedCallback(): void {
        this.connected = false;
        unregisterRefreshHandler(this.refreshHandlerId);
        this.refreshHandlerId = undefined;
        this.downloads.release();
    }

    private readonly refreshView = async (): Promise<boolean> => {
        await this.load(this.accountId);
        return true;
    };

    /** Asks the page to refresh its views: this grid, and every other view registered on the page. */
    handleRefresh(): void {
        this.dispatchEvent(new RefreshEvent());
    }

    private async load(accountId: string | undefined): Promise<void> {
        const loadNumber = ++this.loadCount;
        this.loadedFor = accountId;
        // nothing of the previous record stays on screen or in an open editor
        this.dto = undefined;
        this.grid = undefined;
        this.scrollWindow = undefined;
        this.collapsed = new Set<string>();
        this.editing = undefined;
        this.editError = '';
        this.adding = false;
        this.addError = '';
        this.error = '';
        this.isLoading = !!accountId;
        if (!accountId) return;
        try {
            const { periodStart, periodEnd } = periodDates(
                this.period,
                new Date().toISOString().slice(0, 10)
            );
            const dto = landscapeFromApex(await getLandscape({ accountId, periodStart, periodEnd }));
            if (loadNumber !== this.loadCount) return;
            this.dto = dto;
            this.rebuild();
        } catch (error) {
            if (loadNumber === this.loadCount) this.error = errorMessage(error);
        } finally {
            if (loadNumber === this.loadCount) this.isLoading = false;
        }
    }

    private rebuild(): void {
        if (!this.dto) return;
        this.scrollWindow = undefined;
        this.grid = buildLandscape(this.dto, {
            collapsed: this.collapsed,
            byFamily: this.byFamily,
            unmappedLabel,
            noFamilyLabel
        });
    }

    get view(): LandscapeView {
        return (
            this.chosenView ??
            (VIEWS.some((entry) => entry.view === this.defaultView) ? this.defaultView : 'value')
        );
    }

    private money(amount: number, signed = false): string {
        return compactMoney(amount, this.dto?.currencyIsoCode || 'USD', undefined, signed);
    }

    private exact(amount: number): string {
        return exactMoney(amount, this.dto?.currencyIsoCode || 'USD');
    }

    get hasGrid(): boolean {
        return !this.isLoading && !this.error && !!this.grid && this.grid.rows.length > 0;
    }

    get isEmpty(): boolean {
        return !this.isLoading && !this.error && !!this.dto && !this.dto.buyingCenters.length;
    }

    get views(): { view: LandscapeView; label: string; pressed: string; variant: string }[] {
        return VIEWS.map((entry) => ({
            ...entry,
            pressed: String(entry.view === this.view),
            variant: entry.view === this.view ? 'brand' : 'neutral'
        }));
    }

    get gridStyle(): string {
        return `max-height: ${Math.max(240, Number(this.height) || 720)}px`;
    }

    get periodText(): string {
        const dto = this.dto;
        if (!dto) return '';
        const dates = [dto.periodStart, dto.periodEnd, dto.previousStart, dto.previousEnd].map((iso) =>
            formatIsoDate(iso)
        );
        return formatLabel(periodLabel, ...dates);
    }

    /** What the server left out of a very large account, one readable sentence each. */
    get omissionNotices(): { key: string; text: string }[] {
        return (this.dto?.omitted ?? []).map((omission) => ({
            key: `${omission.what}-${omission.period ?? ''}`,
            text: formatLabel(omissionTemplate(omission, OMISSION_WORDS), omission.shown.toLocaleString())
        }));
    }

    get hasOmissions(): boolean {
        return this.omissionNotices.length > 0;
    }

    get hiddenText(): string {
        const hidden = this.dto?.hiddenFields ?? [];
        return hidden.length ? formatLabel(hiddenFieldsLabel, hidden.join(', ')) : '';
    }

    get summaryText(): string {
        const grand = this.grid?.grand;
        if (!grand) return '';
        return formatLabel(
            summaryLabel,
            this.money(grand.won),
            this.money(grand.pipeline),
            this.money(grand.weighted),
            this.money(grand.targeted)
        );
    }

    /** Mining and farming, each figure on its own against the plan's planned figure (domain §4). */
    get splitRows(): SplitRow[] {
        const grid = this.grid;
        if (!grid) return [];
        const plan = this.dto?.plan;
        const side = (
            key: string,
            label: string,
            figures: SplitFigures,
            planned: number | null | undefined
        ): SplitRow => ({
            key,
            label,
            figures: [
                { key: 'won', text: this.money(figures.won), exact: this.exact(figures.won) },
                {
                    key: 'weighted',
                    text: this.money(figures.weighted),
                    exact: `${this.exact(figures.weighted)} · ${figurePipelineLabel} ${this.exact(figures.pipeline)}`
                },
                { key: 'targeted', text: this.money(figures.targeted), exact: this.exact(figures.targeted) },
                planned === null || planned === undefined
                    ? { key: 'planned', text: notPlannedLabel, exact: notPlannedLabel }
                    : { key: 'planned', text: this.money(planned), exact: this.exact(planned) }
            ]
        });
        return [
            side('mining', miningLabel, grid.mining, plan?.miningTarget),
            side('farming', farmingLabel, grid.farming, plan?.farmingTarget)
        ];
    }

    /** What the totals add up, so a total that leaves targets out says so. */
    get totalNote(): string {
        return this.view === 'change' ? totalNoteChangeLabel : totalNoteLabel;
    }

    get isCoverageView(): boolean {
        return this.view === 'coverage';
    }

    /** Large grids draw only the rows and columns around the scroll position (c/landscapeWindow gridWindow). */
    get isWindowed(): boolean {
        const grid = this.grid;
        return !!grid && grid.rows.length * grid.columns.length > WINDOWED_CELLS;
    }

    private currentWindow(): GridWindow {
        const grid = this.grid!;
        if (!this.isWindowed)
            return gridWindow(grid.rows.length, grid.columns.length, FULL_VIEWPORT, METRICS);
        return (
            this.scrollWindow ??
            gridWindow(
                grid.rows.length,
                grid.columns.length,
                { top: 0, left: 0, height: Math.max(240, Number(this.height) || 720), width: 1600 },
                METRICS
            )
        );
    }

    handleScroll(event: Event): void {
        const grid = this.grid;
        if (!grid || !this.isWindowed) return;
        const scroller = event.currentTarget as HTMLElement;
        const next = gridWindow(
            grid.rows.length,
            grid.columns.length,
            {
                top: scroller.scrollTop,
                left: scroller.scrollLeft,
                height: scroller.clientHeight,
                width: scroller.clientWidth
            },
            METRICS
        );
        const current = this.currentWindow();
        // redraw only when the drawn rows or columns change, not on every scrolled pixel
        if (
            next.firstRow !== current.firstRow ||
            next.endRow !== current.endRow ||
            next.firstColumn !== current.firstColumn ||
            next.endColumn !== current.endColumn
        )
            this.scrollWindow = next;
    }

    get tableClass(): string {
        return this.isWindowed
            ? 'slds-table slds-table_bordered slds-table_col-bordered grid windowed'
            : 'slds-table slds-table_bordered slds-table_col-bordered grid';
    }

    get pads(): {
        left: boolean;
        right: boolean;
        top: boolean;
        bottom: boolean;
        leftStyle: string;
        rightStyle: string;
        topStyle: string;
        bottomStyle: string;
        span: number;
    } {
        const window = this.grid ? this.currentWindow() : undefined;
        const width = (px: number): string => `width: ${px}px; min-width: ${px}px; max-width: ${px}px`;
        return {
            left: !!window?.leftPad,
            right: !!window?.rightPad,
            top: !!window?.topPad,
            bottom: !!window?.bottomPad,
            leftStyle: width(window?.leftPad ?? 0),
            rightStyle: width(window?.rightPad ?? 0),
            topStyle: `height: ${window?.topPad ?? 0}px`,
            bottomStyle: `height: ${window?.bottomPad ?? 0}px`,
            span: (this.grid?.columns.length ?? 0) + 2
        };
    }

    get gridRowCount(): number {
        return (this.grid?.rows.length ?? 0) + 2;
    }

    get columns(): { id: string; name: string }[] {
        const grid = this.grid;
        if (!grid) return [];
        const { firstColumn, endColumn } = this.currentWindow();
        return grid.columns
            .slice(firstColumn, endColumn)
            .map((column) => ({ id: column.id, name: column.name }));
    }

    private totalOf(totals: Totals): string {
        // the change view's totals keep their sign: a fall reads −, a gain +
        return this.money(shownTotal(totals, this.view), this.view === 'change');
    }

    private exactTotalOf(totals: Totals): string {
        return this.exact(shownTotal(totals, this.view));
    }

    get rows(): RowItem[] {
        const grid = this.grid;
        if (!grid) return [];
        const view = this.view;
        const { firstRow, endRow, firstColumn, endColumn } = this.currentWindow();
        return grid.rows.slice(firstRow, endRow).map((row, offset) => {
            const r = firstRow + offset;
            return {
                id: row.id,
                rowIndex: r + 2,
                name: row.name,
                headerClass: row.unmapped ? 'row-header unmapped' : 'row-header',
                indentStyle: `padding-left: ${0.25 + row.depth * 1}rem`,
                hasToggle: row.hasChildren,
                toggleIcon: row.collapsed ? 'utility:chevronright' : 'utility:chevrondown',
                toggleLabel: formatLabel(row.collapsed ? expandLabel : collapseLabel, row.name),
                expanded: String(!row.collapsed),
                coverage: row.unmapped ? '' : coverageText(row.contacts, row.bestStance),
                openCases: row.openCases ? formatLabel(openCasesLabel, row.openCases) : '',
                cells: grid.cells[r]!.slice(firstColumn, endColumn).map((cell, offsetColumn) => {
                    const c = firstColumn + offsetColumn;
                    const tone = cellTone(grid, row, cell, view);
                    const editable = this.canEdit && this.isSingle(r, c);
                    const text = cellText(cell, view, WORDS, (amount) => this.money(amount));
                    return {
                        key: cell.key,
                        editable,
                        tabindex: editable ? '0' : '-1',
                        rowId: row.id,
                        columnId: cell.columnId,
                        text,
                        className: editable ? `${tone.className} editable` : tone.className,
                        style: tone.style,
                        label: `${row.name} × ${grid.columns[c]!.name}: ${text || WORDS.states[cell.state]}`,
                        // the figures behind the cell, on hover and for screen readers
                        detail: formatLabel(
                            detailLabel,
                            this.exact(cell.won),
                            this.exact(cell.pipeline),
                            cell.deals,
                            this.exact(cell.weighted)
                        )
                    };
                }),
                total: this.totalOf(row.totals),
                totalExact: this.exactTotalOf(row.totals)
            };
        });
    }

    get columnTotals(): { id: string; total: string; exact: string }[] {
        const grid = this.grid;
        if (!grid) return [];
        const { firstColumn, endColumn } = this.currentWindow();
        return grid.columns.slice(firstColumn, endColumn).map((column) => ({
            id: column.id,
            total: this.totalOf(column.totals),
            exact: this.exactTotalOf(column.totals)
        }));
    }

    get grandTotal(): string {
        return this.grid ? this.totalOf(this.grid.grand) : '';
    }

    get grandTotalExact(): string {
        return this.grid ? this.exactTotalOf(this.grid.grand) : '';
    }

    handleView(event: Event): void {
        this.chosenView = (event.currentTarget as HTMLElement).dataset.view as LandscapeView;
    }

    handleFamily(event: Event): void {
        this.byFamily = !!(event.target as HTMLInputElement).checked;
        this.rebuild();
    }

    handleToggleRow(event: Event): void {
        const id = (event.currentTarget as HTMLElement).dataset.row!;
        const next = new Set(this.collapsed);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        this.collapsed = next;
        this.rebuild();
    }

    get canEdit(): boolean {
        return !!this.dto?.canEdit;
    }

    get canAddBuyingCenter(): boolean {
        return !!this.dto?.canAddBuyingCenter;
    }

    /** A cell stands for one buying center × one offering (not a folded row, a family or Unmapped). */
    private isSingle(r: number, c: number): boolean {
        const grid = this.grid!;
        const row = grid.rows[r]!;
        const column = grid.columns[c]!;
        return !row.unmapped && !row.collapsed && !column.unmapped && column.offeringIds.length === 1;
    }

    handleCellKey(event: KeyboardEvent): void {
        if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            this.handleCellClick(event);
        }
    }

    handleCellClick(event: Event): void {
        const target = event.currentTarget as HTMLElement;
        const grid = this.grid;
        if (!grid || !this.canEdit) return;
        const r = grid.rows.findIndex((row) => row.id === target.dataset.row);
        const c = grid.columns.findIndex((column) => column.id === target.dataset.column);
        if (r < 0 || c < 0 || !this.isSingle(r, c)) return;
        const row = grid.rows[r]!;
        const column = grid.columns[c]!;
        const cell = grid.cells[r]![c]!;
        this.revealEditor = true;
        this.editing = {
            buyingCenterId: row.id,
            offeringId: column.offeringIds[0]!,
            title: formatLabel(editorTitleLabel, row.name, column.name),
            business: formatLabel(businessLabel, this.money(cell.won), this.money(cell.pipeline)),
            record: cell.record
        };
        this.editError = '';
    }

    handleCancelEdit(): void {
        this.editing = undefined;
        this.editError = '';
    }

    /** Saves what the editor asks, carrying the version the rep saw; a refusal goes back to the editor. */
    async handleSaveCell(event: CustomEvent<CellSave>): Promise<void> {
        const editing = this.editing;
        if (!editing) return;
        const loadNumber = this.loadCount;
        await this.runEdit(async () => {
            const answer = await saveCell({
                accountId: this.recordId ?? null,
                buyingCenterId: editing.buyingCenterId,
                offeringId: editing.offeringId,
                cell: {
                    ...event.detail,
                    // the version the rep saw (none for an unmarked cell): someone else's mark is not overwritten
                    version: editing.record?.version ?? null
                }
            });
            // an answer for the record the rep has left must not land in the one now shown
            if (loadNumber !== this.loadCount || !this.dto) return;
            const saved = cellFromApex(answer);
            // an answer without the saved cell cannot be drawn: show what the server now has instead
            if (!saved) {
                await this.load(this.accountId);
                return;
            }
            const others = this.dto.cells.filter((cell) => cell.id !== saved.id);
            this.dto = { ...this.dto, cells: [...others, saved] };
        });
    }

    async handleClearCell(): Promise<void> {
        const record = this.editing?.record;
        if (!record) return;
        const loadNumber = this.loadCount;
        await this.runEdit(async () => {
            await removeCell({ cellId: record.id, version: record.version ?? null });
            if (loadNumber !== this.loadCount || !this.dto) return;
            this.dto = { ...this.dto, cells: this.dto.cells.filter((cell) => cell.id !== record.id) };
        });
    }

    /** Opens a new Opportunity for the target, prefilled with its buying center, offering and value. */
    handleCreateOpportunity(): void {
        const editing = this.editing;
        const record = editing?.record;
        if (!editing || !record) return;
        const reference: PageReference = {
            type: 'standard__objectPage',
            attributes: { objectApiName: 'Opportunity', actionName: 'new' },
            state: {
                // undefined leaves a field out; null would blank it on the new-record page
                defaultFieldValues: encodeDefaultFieldValues({
                    AccountId: this.dto?.accountId,
                    Name: `${this.dto?.accountName ?? ''} — ${editing.title}`,
                    Buying_Center__c: editing.buyingCenterId,
                    Offering__c: editing.offeringId,
                    Amount: record.potentialValue ?? undefined,
                    CloseDate: record.targetDate ?? undefined
                })
            }
        };
        // the editor closes: the target becomes pipeline once the opportunity is saved and the view refreshed
        this.editing = undefined;
        (this as unknown as Record<symbol, (page: PageReference) => void>)[NavigationMixin.Navigate](
            reference
        );
    }

    /** One save at a time; the grid redraws from the saved record; a refusal stays in the editor. */
    private async runEdit(work: () => Promise<void>): Promise<void> {
        this.saving = true;
        this.editError = '';
        const loadNumber = this.loadCount;
        try {
            await work();
            if (loadNumber !== this.loadCount) return;
            this.rebuild();
            this.editing = undefined;
        } catch (error) {
            if (loadNumber === this.loadCount) this.editError = errorMessage(error);
        } finally {
            this.saving = false;
        }
    }

    /** The kinds and the buying centers the add form offers. */
    get kinds(): KindChoice[] {
        return this.dto?.kinds ?? [];
    }

    get buyingCenters(): BuyingCenter[] {
        return this.dto?.buyingCenters ?? [];
    }

    handleStartAdd(): void {
        this.adding = true;
        this.addError = '';
    }

    handleCancelAdd(): void {
        this.adding = false;
    }

    /** Adds the buying center the form asks for, redraws, and tells the org chart's filter at once. */
    async handleAddCenter(event: CustomEvent<NewBuyingCenter>): Promise<void> {
        this.saving = true;
        this.addError = '';
        const loadNumber = this.loadCount;
        try {
            const answer = await addBuyingCenter({ accountId: this.recordId ?? null, ...event.detail });
            if (loadNumber !== this.loadCount || !this.dto) return;
            const center = buyingCenterFromApex(answer);
            if (!center) {
                // an answer without the new center cannot be drawn: show what the server now has instead
                await this.load(this.accountId);
                return;
            }
            this.dto = { ...this.dto, buyingCenters: [...this.dto.buyingCenters, center] };
            this.rebuild();
            this.adding = false;
            publish(this.messageContext, BUYING_CENTER_CHANGE, {
                accountId: this.dto.accountId,
                buyingCenterId: center.id,
                name: center.name,
                parentId: center.parentId ?? null
            });
        } catch (error) {
            if (loadNumber === this.loadCount) this.addError = errorMessage(error);
        } finally {
            this.saving = false;
        }
    }

    handleExport(): void {
        const grid = this.grid;
        if (!grid) return;
        const csv = landscapeCsv(
            grid,
            this.view,
            (cell) => cellText(cell, this.view, WORDS, (amount) => this.money(amount)),
            CSV_WORDS
        );
        // the byte-order mark tells Excel the file is UTF-8; text/plain because Lightning Web Security blocks
        // text/csv ("Specify a MIME Type for Blob Objects"): the file's name says what it is
        this.downloads.file(
            new Blob([`\uFEFF${csv}`], { type: 'text/plain' }),
            fileNameOf(this.dto?.accountName, 'landscape', 'landscape.csv')
        );
    }

    private readonly downloads = new FileDownloads();
}
