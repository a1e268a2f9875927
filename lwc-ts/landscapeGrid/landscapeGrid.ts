// The account landscape card: loads the landscape in one call, lets the rep switch views, fold buying
// centers, group offerings by family and export the grid as shown; the figures come from c/landscapeModel.
import { LightningElement, api } from 'lwc';
import getLandscape from '@salesforce/apex/LandscapeController.getLandscape';
import {
    buildLandscape,
    cellText,
    cellTone,
    compactMoney,
    landscapeCsv,
    shownTotal,
    type Totals,
    type CellWords,
    type LandscapeDto,
    type LandscapeGrid as Grid,
    type LandscapeView
} from 'c/landscapeModel';
import { errorMessage, formatIsoDate, formatLabel } from 'c/keystoneText';
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
import splitLabel from '@salesforce/label/c.Keystone_Landscape_Split';
import splitNoPlanLabel from '@salesforce/label/c.Keystone_Landscape_Split_No_Plan';
import collapseLabel from '@salesforce/label/c.Keystone_Landscape_Collapse';
import expandLabel from '@salesforce/label/c.Keystone_Landscape_Expand';
import buyingCenterLabel from '@salesforce/label/c.Keystone_Field_Buying_Center';
import peopleLabel from '@salesforce/label/c.Keystone_Coverage_People';
import peopleNoStanceLabel from '@salesforce/label/c.Keystone_Coverage_People_No_Stance';
import nobodyLabel from '@salesforce/label/c.Keystone_Coverage_Nobody';
import openCasesLabel from '@salesforce/label/c.Keystone_Open_Cases';
import existingLabel from '@salesforce/label/c.Keystone_Cell_Existing';
import pipelineLabel from '@salesforce/label/c.Keystone_Cell_Pipeline';
import targetLabel from '@salesforce/label/c.Keystone_Cell_Target';
import competitorLabel from '@salesforce/label/c.Keystone_Cell_Competitor';
import notApplicableLabel from '@salesforce/label/c.Keystone_Cell_Not_Applicable';
import whitespaceLabel from '@salesforce/label/c.Keystone_Cell_Whitespace';
import wonValueLabel from '@salesforce/label/c.Keystone_Cell_Won';
import openValueLabel from '@salesforce/label/c.Keystone_Cell_Open';
import targetValueLabel from '@salesforce/label/c.Keystone_Cell_Target_Value';
import competitorNameLabel from '@salesforce/label/c.Keystone_Cell_Competitor_Name';
import lostLabel from '@salesforce/label/c.Keystone_Change_Lost';
import openedLabel from '@salesforce/label/c.Keystone_Change_Opened';
import targetedLabel from '@salesforce/label/c.Keystone_Change_Targeted';

const WORDS: CellWords = {
    states: {
        existing: existingLabel,
        pipeline: pipelineLabel,
        target: targetLabel,
        competitor: competitorLabel,
        'not-applicable': notApplicableLabel,
        whitespace: whitespaceLabel
    },
    won: wonValueLabel,
    pipeline: openValueLabel,
    target: targetValueLabel,
    competitor: competitorNameLabel,
    changeWon: wonValueLabel,
    lost: lostLabel,
    opened: openedLabel,
    targeted: targetedLabel
};

const VIEWS: { view: LandscapeView; label: string }[] = [
    { view: 'value', label: valueLabel },
    { view: 'status', label: statusLabel },
    { view: 'coverage', label: coverageLabel },
    { view: 'change', label: changeLabel }
];

interface CellItem {
    key: string;
    rowId: string;
    columnId: string;
    text: string;
    className: string;
    style: string;
    label: string;
}

interface RowItem {
    id: string;
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

export default class LandscapeGrid extends LightningElement {
    /** The Account's Id, set by the record page. */
    @api recordId?: string;
    /** plan (the current plan's period), thisYear or lastYear (App Builder). */
    @api period = 'plan';
    /** The view shown first (App Builder). */
    @api defaultView: LandscapeView = 'value';
    /** Grid height in pixels; it scrolls inside with sticky headers (App Builder). */
    @api height = 480;

    readonly labels = {
        titleLabel,
        loadingLabel,
        totalLabel,
        viewLabel,
        groupFamilyLabel,
        exportCsvLabel,
        emptyLabel,
        buyingCenterLabel
    };

    isLoading = true;
    error = '';
    private dto?: LandscapeDto;
    private chosenView?: LandscapeView;
    byFamily = false;
    private collapsed = new Set<string>();
    private grid?: Grid;
    private loadedFor?: string;

    override connectedCallback(): void {
        if (this.recordId && this.loadedFor !== this.recordId) this.load(this.recordId);
    }

    private async load(accountId: string): Promise<void> {
        this.loadedFor = accountId;
        this.isLoading = true;
        this.error = '';
        try {
            const { periodStart, periodEnd } = periodDates(
                this.period,
                new Date().toISOString().slice(0, 10)
            );
            this.dto = (await getLandscape({ accountId, periodStart, periodEnd })) as LandscapeDto;
            this.rebuild();
        } catch (error) {
            this.error = errorMessage(error);
        } finally {
            this.isLoading = false;
        }
    }

    private rebuild(): void {
        if (!this.dto) return;
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

    private money(amount: number): string {
        return compactMoney(amount, this.dto?.currencyIsoCode ?? 'USD');
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
        return `max-height: ${Math.max(240, Number(this.height) || 480)}px`;
    }

    get periodText(): string {
        const dto = this.dto;
        if (!dto) return '';
        const dates = [dto.periodStart, dto.periodEnd, dto.previousStart, dto.previousEnd].map((iso) =>
            formatIsoDate(iso)
        );
        return formatLabel(periodLabel, ...dates);
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

    get splitText(): string {
        const grid = this.grid;
        if (!grid) return '';
        const plan = this.dto?.plan;
        if (plan && (plan.miningTarget !== null || plan.farmingTarget !== null))
            return formatLabel(
                splitLabel,
                this.money(grid.mining),
                this.money(plan.miningTarget ?? 0),
                this.money(grid.farming),
                this.money(plan.farmingTarget ?? 0)
            );
        return formatLabel(splitNoPlanLabel, this.money(grid.mining), this.money(grid.farming));
    }

    get columns(): { id: string; name: string }[] {
        return (this.grid?.columns ?? []).map((column) => ({ id: column.id, name: column.name }));
    }

    private totalOf(totals: Totals): string {
        return this.money(shownTotal(totals, this.view));
    }

    get rows(): RowItem[] {
        const grid = this.grid;
        if (!grid) return [];
        const view = this.view;
        return grid.rows.map((row, r) => ({
            id: row.id,
            name: row.name,
            headerClass: row.unmapped ? 'row-header unmapped' : 'row-header',
            indentStyle: `padding-left: ${0.25 + row.depth * 1}rem`,
            hasToggle: row.hasChildren,
            toggleIcon: row.collapsed ? 'utility:chevronright' : 'utility:chevrondown',
            toggleLabel: formatLabel(row.collapsed ? expandLabel : collapseLabel, row.name),
            expanded: String(!row.collapsed),
            coverage: row.unmapped
                ? ''
                : row.contacts === 0
                  ? nobodyLabel
                  : row.bestStance
                    ? formatLabel(peopleLabel, row.contacts, row.bestStance)
                    : formatLabel(peopleNoStanceLabel, row.contacts),
            openCases: row.openCases ? formatLabel(openCasesLabel, row.openCases) : '',
            cells: grid.cells[r]!.map((cell, c) => {
                const tone = cellTone(grid, row, cell, view);
                const text = cellText(cell, view, WORDS, (amount) => this.money(amount));
                return {
                    key: cell.key,
                    rowId: row.id,
                    columnId: cell.columnId,
                    text,
                    className: tone.className,
                    style: tone.style,
                    label: `${row.name} × ${grid.columns[c]!.name}: ${text || WORDS.states[cell.state]}`
                };
            }),
            total: this.totalOf(row.totals)
        }));
    }

    get columnTotals(): { id: string; total: string }[] {
        return (this.grid?.columns ?? []).map((column) => ({
            id: column.id,
            total: this.totalOf(column.totals)
        }));
    }

    get grandTotal(): string {
        return this.grid ? this.totalOf(this.grid.grand) : '';
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

    handleExport(): void {
        const grid = this.grid;
        if (!grid) return;
        const csv = landscapeCsv(
            grid,
            this.view,
            (cell) => cellText(cell, this.view, WORDS, (amount) => this.money(amount)),
            { buyingCenter: buyingCenterLabel, total: totalLabel }
        );
        const link = document.createElement('a');
        link.href = `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${csv}`)}`;
        link.download = `${(this.dto?.accountName ?? 'landscape').replace(/[^\p{L}\p{N}]+/gu, '-')}-landscape.csv`;
        link.click();
    }
}
