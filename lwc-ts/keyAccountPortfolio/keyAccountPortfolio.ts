// The managers' portfolio (App page and the Keystone app's home): key accounts ranked by score in a sortable
// table, the quadrant of attractiveness against health, tier changes, plans awaiting sign-off and overdue
// reviews; every account and plan opens its record page. Wires the server's view to the pure modules
// (c/portfolioModel, c/portfolioQuadrant) and draws the quadrant with c/portfolioQuadrantDraw; saves nothing.
import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { NavigationMixin, type PageReference } from 'lightning/navigation';
import { registerRefreshHandler, unregisterRefreshHandler } from 'lightning/refresh';
import getPortfolio from '@salesforce/apex/KeyAccountPortfolioController.getPortfolio';
import type { KeyAccountPortfolioService_Portfolio } from '@salesforce/apex/types';
import {
    buildAwaitingSignOff,
    buildOverdueReviews,
    buildTableRows,
    buildTierChanges,
    FIRST_DIRECTION,
    quadrantPoints,
    SORT_COLUMNS,
    type PlanListItem,
    type PortfolioTexts,
    type SortColumn,
    type TableRow,
    type TierChangeItem
} from 'c/portfolioModel';
import {
    checkSettings,
    layoutQuadrant,
    TIER_COLOURS,
    type CheckedSettings,
    type QuadrantLayout,
    type QuadrantTexts
} from 'c/portfolioQuadrant';
import { drawQuadrant, type QuadrantView } from 'c/portfolioQuadrantDraw';
import { nextDirection, type SortDirection } from 'c/portfolioRanking';
import { errorMessage, formatLabel } from 'c/keystoneText';
import titleLabel from '@salesforce/label/c.Keystone_Portfolio_Title';
import loadingLabel from '@salesforce/label/c.Keystone_Portfolio_Loading';
import emptyLabel from '@salesforce/label/c.Keystone_Portfolio_Empty';
import noAccessLabel from '@salesforce/label/c.Keystone_Portfolio_No_Access';
import cappedLabel from '@salesforce/label/c.Keystone_Portfolio_Capped';
import plansCappedLabel from '@salesforce/label/c.Keystone_Portfolio_Plans_Capped';
import settingsRefusedLabel from '@salesforce/label/c.Keystone_Portfolio_Settings_Refused';
import rankedLabel from '@salesforce/label/c.Keystone_Portfolio_Ranked';
import colRankLabel from '@salesforce/label/c.Keystone_Portfolio_Col_Rank';
import colAccountLabel from '@salesforce/label/c.Keystone_Portfolio_Col_Account';
import colTierLabel from '@salesforce/label/c.Keystone_Portfolio_Col_Tier';
import colScoreLabel from '@salesforce/label/c.Keystone_Portfolio_Col_Score';
import colHygieneLabel from '@salesforce/label/c.Keystone_Portfolio_Col_Hygiene';
import colHealthLabel from '@salesforce/label/c.Keystone_Portfolio_Col_Health';
import colRelationshipLabel from '@salesforce/label/c.Keystone_Portfolio_Col_Relationship';
import colOwnerLabel from '@salesforce/label/c.Keystone_Portfolio_Col_Owner';
import colPlanLabel from '@salesforce/label/c.Keystone_Portfolio_Col_Plan';
import colNextReviewLabel from '@salesforce/label/c.Keystone_Portfolio_Col_Next_Review';
import colQuadrantLabel from '@salesforce/label/c.Keystone_Portfolio_Col_Quadrant';
import sortByLabel from '@salesforce/label/c.Keystone_Portfolio_Sort_By';
import quadrantLabel from '@salesforce/label/c.Keystone_Portfolio_Quadrant';
import quadrantDescriptionLabel from '@salesforce/label/c.Keystone_Portfolio_Quadrant_Description';
import axisScoreLabel from '@salesforce/label/c.Keystone_Portfolio_Axis_Score';
import axisHealthLabel from '@salesforce/label/c.Keystone_Portfolio_Axis_Health';
import investLabel from '@salesforce/label/c.Keystone_Portfolio_Invest';
import fixLabel from '@salesforce/label/c.Keystone_Portfolio_Fix';
import maintainLabel from '@salesforce/label/c.Keystone_Portfolio_Maintain';
import reconsiderLabel from '@salesforce/label/c.Keystone_Portfolio_Reconsider';
import bubbleLabel from '@salesforce/label/c.Keystone_Portfolio_Bubble';
import notPlacedLabel from '@salesforce/label/c.Keystone_Portfolio_Not_Placed';
import sizeRevenueLabel from '@salesforce/label/c.Keystone_Portfolio_Size_Revenue';
import sizePipelineLabel from '@salesforce/label/c.Keystone_Portfolio_Size_Pipeline';
import sizeHiddenLabel from '@salesforce/label/c.Keystone_Portfolio_Size_Hidden';
import legendLabel from '@salesforce/label/c.Keystone_Portfolio_Legend';
import tierChangesLabel from '@salesforce/label/c.Keystone_Portfolio_Tier_Changes';
import tierChangesEmptyLabel from '@salesforce/label/c.Keystone_Portfolio_Tier_Changes_Empty';
import tierChangesHiddenLabel from '@salesforce/label/c.Keystone_Portfolio_Tier_Changes_Hidden';
import tierChangeLabel from '@salesforce/label/c.Keystone_Portfolio_Tier_Change';
import tierChangeUndatedLabel from '@salesforce/label/c.Keystone_Portfolio_Tier_Change_Undated';
import promotedLabel from '@salesforce/label/c.Keystone_Portfolio_Promoted';
import demotedLabel from '@salesforce/label/c.Keystone_Portfolio_Demoted';
import awaitingLabel from '@salesforce/label/c.Keystone_Portfolio_Awaiting';
import awaitingEmptyLabel from '@salesforce/label/c.Keystone_Portfolio_Awaiting_Empty';
import approverLabel from '@salesforce/label/c.Keystone_Portfolio_Approver';
import daysWaitingLabel from '@salesforce/label/c.Keystone_Portfolio_Days_Waiting';
import overdueLabel from '@salesforce/label/c.Keystone_Portfolio_Overdue';
import overdueEmptyLabel from '@salesforce/label/c.Keystone_Portfolio_Overdue_Empty';
import daysOverdueLabel from '@salesforce/label/c.Keystone_Portfolio_Days_Overdue';
import plansHiddenLabel from '@salesforce/label/c.Keystone_Portfolio_Plans_Hidden';
import noneLabel from '@salesforce/label/c.Keystone_Portfolio_None';
import noTierLabel from '@salesforce/label/c.Keystone_Portfolio_No_Tier';
import type { ApexWireResult } from '../../types/apex-method';

const QUADRANT_NAMES = {
    invest: investLabel,
    fix: fixLabel,
    maintain: maintainLabel,
    reconsider: reconsiderLabel
};
const TEXTS: PortfolioTexts = {
    none: noneLabel,
    daysOverdue: daysOverdueLabel,
    daysWaiting: daysWaitingLabel,
    noTier: noTierLabel,
    quadrantNames: QUADRANT_NAMES
};
const QUADRANT_TEXTS: QuadrantTexts = { names: QUADRANT_NAMES, bubble: bubbleLabel, noTier: noTierLabel };
const COLUMN_LABELS: Readonly<Record<SortColumn, string>> = {
    rank: colRankLabel,
    name: colAccountLabel,
    tier: colTierLabel,
    score: colScoreLabel,
    hygiene: colHygieneLabel,
    health: colHealthLabel,
    relationship: colRelationshipLabel,
    owner: colOwnerLabel,
    plan: colPlanLabel,
    nextReview: colNextReviewLabel
};

interface ColumnHeader {
    key: SortColumn;
    label: string;
    buttonLabel: string;
    ariaSort: 'ascending' | 'descending' | 'none';
    sorted: boolean;
    arrow: string;
}

export default class KeyAccountPortfolio extends NavigationMixin(LightningElement) {
    /** Key-account score (1–9) from which an account is attractive: the quadrant's vertical boundary. */
    @api attractivenessSplit?: number | string;
    /** Health score (1–99) from which an account is healthy: the quadrant's horizontal boundary. */
    @api healthSplit?: number | string;
    /** What a bubble's area shows: 'revenue' (won in the last 12 months) or 'pipeline' (open). */
    @api bubbleSize?: string;

    /** The wired view as the wire service delivered it (kept whole for refreshApex). */
    @wire(getPortfolio)
    viewResult?: ApexWireResult<KeyAccountPortfolioService_Portfolio>;

    readonly labels = {
        titleLabel,
        loadingLabel,
        emptyLabel,
        noAccessLabel,
        rankedLabel,
        colQuadrantLabel,
        quadrantLabel,
        quadrantDescriptionLabel,
        legendLabel,
        tierChangesHiddenLabel,
        awaitingLabel,
        awaitingEmptyLabel,
        overdueLabel,
        overdueEmptyLabel,
        plansHiddenLabel
    };

    sortColumn: SortColumn = 'rank';
    sortDirection: SortDirection = 'asc';

    private refreshHandlerId?: number;
    private quadrantView?: QuadrantView;
    private drawnLayout?: QuadrantLayout;

    override connectedCallback(): void {
        // the page's Refresh asks the server again: scores, plans and sign-offs change elsewhere
        this.refreshHandlerId = registerRefreshHandler(this, async () => {
            if (this.viewResult) await refreshApex(this.viewResult);
            return true;
        });
    }

    override disconnectedCallback(): void {
        unregisterRefreshHandler(this.refreshHandlerId);
        this.refreshHandlerId = undefined;
        this.quadrantView?.destroy();
        this.quadrantView = undefined;
        this.drawnLayout = undefined;
    }

    override renderedCallback(): void {
        const container = this.template?.querySelector<HTMLElement>('[data-id="quadrant"]');
        const layout = this.quadrantLayout;
        if (!container || !layout) {
            this.drawnLayout = undefined;
            return;
        }
        // the getter builds a new layout only when the view or the settings change
        if (layout === this.drawnLayout && container.querySelector('svg')) return;
        this.drawnLayout = layout;
        this.quadrantView = drawQuadrant(container, layout, {
            axisX: axisScoreLabel,
            axisY: axisHealthLabel,
            description: quadrantDescriptionLabel,
            onOpen: (accountId) => this.openRecord(accountId, 'Account')
        });
    }

    get view(): KeyAccountPortfolioService_Portfolio | undefined {
        return this.viewResult?.data ?? undefined;
    }

    get isLoading(): boolean {
        return !this.viewResult || (!this.viewResult.data && !this.viewResult.error);
    }

    get loadError(): string {
        return this.viewResult?.error ? errorMessage(this.viewResult.error) : '';
    }

    get hasLoadError(): boolean {
        return !!this.loadError;
    }

    get isNoAccess(): boolean {
        return this.view?.canRead === false;
    }

    get isEmpty(): boolean {
        return this.view?.canRead === true && (this.view.accounts ?? []).length === 0;
    }

    get hasAccounts(): boolean {
        return this.view?.canRead === true && (this.view.accounts ?? []).length > 0;
    }

    private cachedChecked?: { key: string; value: CheckedSettings };

    get checked(): CheckedSettings {
        const raw = {
            attractivenessSplit: this.attractivenessSplit,
            healthSplit: this.healthSplit,
            bubbleSize: this.bubbleSize
        };
        const key = JSON.stringify(raw);
        if (this.cachedChecked?.key !== key) this.cachedChecked = { key, value: checkSettings(raw) };
        return this.cachedChecked.value;
    }

    get refusedText(): string {
        const refused = this.checked.refused;
        return refused.length ? formatLabel(settingsRefusedLabel, refused.join(', ')) : '';
    }

    get cappedText(): string {
        return this.view?.capped ? formatLabel(cappedLabel, this.view.maxAccounts ?? 0) : '';
    }

    get plansCappedText(): string {
        return this.view?.plansCapped ? formatLabel(plansCappedLabel, this.view.maxPlans ?? 0) : '';
    }

    get columns(): ColumnHeader[] {
        return SORT_COLUMNS.map((key) => {
            const sorted = key === this.sortColumn;
            return {
                key,
                label: COLUMN_LABELS[key],
                buttonLabel: formatLabel(sortByLabel, COLUMN_LABELS[key]),
                ariaSort: sorted ? (this.sortDirection === 'asc' ? 'ascending' : 'descending') : 'none',
                sorted,
                arrow: sorted ? (this.sortDirection === 'asc' ? '▲' : '▼') : ''
            };
        });
    }

    get rows(): TableRow[] {
        const view = this.view;
        return view
            ? buildTableRows(view, this.checked.settings, TEXTS, this.sortColumn, this.sortDirection)
            : [];
    }

    private cachedLayout?: {
        view: KeyAccountPortfolioService_Portfolio;
        settings: string;
        layout: QuadrantLayout;
    };

    get quadrantLayout(): QuadrantLayout | undefined {
        const view = this.view;
        if (!view || !this.hasAccounts) return undefined;
        const settings = this.checked.settings;
        const key = JSON.stringify(settings);
        if (this.cachedLayout?.view !== view || this.cachedLayout.settings !== key) {
            // without readable amounts every bubble is the same size, rather than all "zero revenue"
            const points = quadrantPoints(view, settings.bubbleSize).map((point) => ({
                ...point,
                size: view.canReadAmounts ? point.size : null
            }));
            this.cachedLayout = {
                view,
                settings: key,
                layout: layoutQuadrant(points, settings, QUADRANT_TEXTS)
            };
        }
        return this.cachedLayout.layout;
    }

    get unplacedText(): string {
        const unplaced = this.quadrantLayout?.unplaced ?? [];
        return unplaced.length
            ? formatLabel(notPlacedLabel, unplaced.map((account) => account.name).join(', '))
            : '';
    }

    get sizeText(): string {
        if (!this.view?.canReadAmounts) return sizeHiddenLabel;
        return this.checked.settings.bubbleSize === 'pipeline' ? sizePipelineLabel : sizeRevenueLabel;
    }

    get legend(): { tier: string; swatchStyle: string }[] {
        return Object.entries(TIER_COLOURS).map(([tier, colour]) => ({
            tier,
            swatchStyle: `background-color: ${colour}`
        }));
    }

    get windowDays(): number {
        return this.view?.tierWindowDays ?? 90;
    }

    get tierChangesTitle(): string {
        return formatLabel(tierChangesLabel, this.windowDays);
    }

    get tierChangesEmptyText(): string {
        return formatLabel(tierChangesEmptyLabel, this.windowDays);
    }

    get canReadTierChanges(): boolean {
        return this.view?.canReadTierChanges === true;
    }

    get tierChanges(): (TierChangeItem & { text: string; badge: string })[] {
        return buildTierChanges(this.view?.tierChanges, TEXTS).map((change) => ({
            ...change,
            text: change.changedOnText
                ? formatLabel(tierChangeLabel, change.fromTier, change.toTier, change.changedOnText)
                : formatLabel(tierChangeUndatedLabel, change.fromTier, change.toTier),
            badge: change.promoted ? promotedLabel : demotedLabel
        }));
    }

    get hasTierChanges(): boolean {
        return this.tierChanges.length > 0;
    }

    get canReadPlans(): boolean {
        return this.view?.canReadPlans === true;
    }

    get awaitingSignOff(): (PlanListItem & { approverText: string })[] {
        return buildAwaitingSignOff(this.view?.awaitingSignOff, TEXTS).map((plan) => ({
            ...plan,
            approverText: formatLabel(approverLabel, plan.approverName)
        }));
    }

    get hasAwaitingSignOff(): boolean {
        return this.awaitingSignOff.length > 0;
    }

    get overdueReviews(): PlanListItem[] {
        return buildOverdueReviews(this.view?.overdueReviews, TEXTS);
    }

    get hasOverdueReviews(): boolean {
        return this.overdueReviews.length > 0;
    }

    handleSort(event: Event): void {
        const column = (event.currentTarget as HTMLElement).dataset.column as SortColumn | undefined;
        if (!column || !SORT_COLUMNS.includes(column)) return;
        this.sortDirection = nextDirection(
            column,
            this.sortColumn,
            this.sortDirection,
            FIRST_DIRECTION[column]
        );
        this.sortColumn = column;
    }

    handleOpenAccount(event: Event): void {
        event.preventDefault();
        const recordId = (event.currentTarget as HTMLElement).dataset.id;
        if (recordId) this.openRecord(recordId, 'Account');
    }

    handleOpenPlan(event: Event): void {
        event.preventDefault();
        const recordId = (event.currentTarget as HTMLElement).dataset.id;
        if (recordId) this.openRecord(recordId, 'Account_Plan__c');
    }

    private openRecord(recordId: string, objectApiName: string): void {
        const reference: PageReference = {
            type: 'standard__recordPage',
            attributes: { recordId, objectApiName, actionName: 'view' }
        };
        (this as unknown as Record<symbol, (page: PageReference) => void>)[NavigationMixin.Navigate](
            reference
        );
    }
}
