// The account's org chart coloured by relationship heat: loads every stakeholder page by page with
// progress, then lays out and draws the visible part; expand, collapse, search, fit, legend.
import { LightningElement, api, wire } from 'lwc';
import { MessageContext, subscribe, unsubscribe, type Subscription } from 'lightning/messageService';
import BUYING_CENTER_CHANGE from '@salesforce/messageChannel/Keystone_Buying_Center_Change__c';
import { registerRefreshHandler, unregisterRefreshHandler } from 'lightning/refresh';
import getOrgChart from '@salesforce/apex/OrgChartController.getOrgChart';
import moveStakeholder from '@salesforce/apex/OrgChartController.moveStakeholder';
import { buildOrgChart, type ColourBy, type OrgChartModel } from 'c/orgChartModel';
import {
    toMoveResult,
    toOrgChartPage,
    type Link,
    type PicklistOption,
    type Stakeholder
} from 'c/orgChartData';
import { moveRefusal, type MoveRefusal } from 'c/orgHierarchy';
import type { BuyingCenterOption } from 'c/stakeholderPanel';
import type { ViewTransform } from 'c/orgViewport';
import { DEFAULT_LAYOUT, layoutHierarchy, type Layout } from 'c/orgLayout';
import {
    collapseAll,
    expandAll,
    expandToDepth,
    reveal as revealPerson,
    matchFilter,
    revealAll,
    search,
    toggle,
    type PersonFilter
} from 'c/orgVisibility';
import { drawOrgChart, type ChartView } from 'c/orgChartDraw';
import { exportChart, type LegendEntry } from 'c/orgChartExport';
import { fileNameOf, FileDownloads } from 'c/fileDownloads';
import { keyMove } from 'c/orgKeyboard';
import { findInsights, type InsightKind } from 'c/orgInsights';
import type { HeatResult, HeatSettings } from 'c/heatScore';
import { errorMessage, formatIsoDate, formatLabel, isoToday } from 'c/keystoneText';
import titleLabel from '@salesforce/label/c.Keystone_Org_Chart_Title';
import loadingLabel from '@salesforce/label/c.Keystone_Org_Chart_Loading';
import emptyLabel from '@salesforce/label/c.Keystone_Org_Chart_Empty';
import expandAllLabel from '@salesforce/label/c.Keystone_Expand_All';
import collapseAllLabel from '@salesforce/label/c.Keystone_Collapse_All';
import fitLabel from '@salesforce/label/c.Keystone_Fit';
import searchLabel from '@salesforce/label/c.Keystone_Search_People';
import warmLabel from '@salesforce/label/c.Keystone_Heat_Warm';
import neutralLabel from '@salesforce/label/c.Keystone_Heat_Neutral';
import coldLabel from '@salesforce/label/c.Keystone_Heat_Cold';
import unknownLabel from '@salesforce/label/c.Keystone_Heat_Unknown';
import issuesLabel from '@salesforce/label/c.Keystone_Hierarchy_Issues';
import issuesOneLabel from '@salesforce/label/c.Keystone_Hierarchy_Issues_One';
import searchCountLabel from '@salesforce/label/c.Keystone_Search_Count';
import searchCountOneLabel from '@salesforce/label/c.Keystone_Search_Count_One';
import searchNoneLabel from '@salesforce/label/c.Keystone_Search_None';
import legendReportingLabel from '@salesforce/label/c.Keystone_Legend_Reporting_Line';
import legendInfluenceLabel from '@salesforce/label/c.Keystone_Legend_Influence';
import legendDottedLabel from '@salesforce/label/c.Keystone_Legend_Dotted_Line';
import legendOwnerLabel from '@salesforce/label/c.Keystone_Legend_Owner';
import legendTrendLabel from '@salesforce/label/c.Keystone_Legend_Trend';
import exportTitleLabel from '@salesforce/label/c.Keystone_Org_Chart_Export_Title';
import exportDateLabel from '@salesforce/label/c.Keystone_Org_Chart_Export_Date';
import kindUncoveredLabel from '@salesforce/label/c.Keystone_Insight_Kind_Uncovered';
import kindLeavingLabel from '@salesforce/label/c.Keystone_Insight_Kind_Leaving';
import kindDetractorLabel from '@salesforce/label/c.Keystone_Insight_Kind_Detractor';
import kindSingleThreadedLabel from '@salesforce/label/c.Keystone_Insight_Kind_Single_Threaded';
import kindCountLabel from '@salesforce/label/c.Keystone_Insight_Kind_Count';
import insightsFilterHint from '@salesforce/label/c.Keystone_Insights_Filter_Hint';
import insightsTitle from '@salesforce/label/c.Keystone_Insights_Title';
import uncoveredLabel from '@salesforce/label/c.Keystone_Insight_Uncovered_Decision_Maker';
import leavingLabel from '@salesforce/label/c.Keystone_Insight_Leaving_No_Backup';
import detractorLabel from '@salesforce/label/c.Keystone_Insight_Influential_Detractor';
import singleThreadedLabel from '@salesforce/label/c.Keystone_Insight_Single_Threaded';
import movedLabel from '@salesforce/label/c.Keystone_Moved';
import movedToTopLabel from '@salesforce/label/c.Keystone_Moved_To_Top';
import undoLabel from '@salesforce/label/c.Keystone_Undo';
import moveSelfLabel from '@salesforce/label/c.Keystone_Move_Self';
import moveCycleLabel from '@salesforce/label/c.Keystone_Move_Cycle';
import dragHintLabel from '@salesforce/label/c.Keystone_Drag_Hint';
import exportSvgLabel from '@salesforce/label/c.Keystone_Export_Svg';
import exportPngLabel from '@salesforce/label/c.Keystone_Export_Png';
import exportFailedLabel from '@salesforce/label/c.Keystone_Export_Failed';
import allBuyingCentersLabel from '@salesforce/label/c.Keystone_Filter_Buying_Center';
import allStancesLabel from '@salesforce/label/c.Keystone_Filter_Stance';
import allRolesLabel from '@salesforce/label/c.Keystone_Filter_Role';
import matchesLabel from '@salesforce/label/c.Keystone_Filter_Matches';
import decisionRoleLabel from '@salesforce/label/c.Keystone_Field_Decision_Role';
import stanceLabel from '@salesforce/label/c.Keystone_Field_Stance';
import buyingCenterLabel from '@salesforce/label/c.Keystone_Field_Buying_Center';

const INSIGHT_LABELS: Record<InsightKind, string> = {
    'uncovered-decision-maker': uncoveredLabel,
    'leaving-without-backup': leavingLabel,
    'influential-detractor': detractorLabel,
    'single-threaded': singleThreadedLabel
};

const INSIGHT_KIND_LABELS: Record<InsightKind, string> = {
    'uncovered-decision-maker': kindUncoveredLabel,
    'leaving-without-backup': kindLeavingLabel,
    'influential-detractor': kindDetractorLabel,
    'single-threaded': kindSingleThreadedLabel
};

interface InsightItem {
    key: string;
    kind: InsightKind;
    contactId: string;
    text: string;
}

/** A count a number of people says, in the reader's digits ("5,762"). */
function formatCount(value: number): string {
    return new Intl.NumberFormat().format(value);
}

const PAGE_SIZE = 2000;

interface FilterChoice {
    value: string;
    label: string;
    selected: boolean;
}

/** The refusals the browser can word itself; the others (people it does not know) go to the server. */
function refusalText(refusal: MoveRefusal | null, person: string, manager: string): string | null {
    if (refusal === 'self') return moveSelfLabel;
    if (refusal === 'cycle') return formatLabel(moveCycleLabel, person, manager);
    return null;
}
export default class OrgChartHeatMap extends LightningElement {
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
    /** Chart height in pixels (App Builder). */
    @api height = 600;
    /** Levels of people shown at first (App Builder). */
    @api initialDepth = 3;
    /** What the card colour shows: heat, stance or strength (App Builder). */
    @api colourBy: ColourBy = 'heat';
    /** Draw who-influences-whom links over the tree (App Builder). */
    @api showLinks = false;

    readonly labels = {
        insightsTitle,
        titleLabel,
        emptyLabel,
        expandAllLabel,
        collapseAllLabel,
        fitLabel,
        searchLabel,
        undoLabel,
        dragHintLabel,
        exportSvgLabel,
        exportPngLabel,
        insightsFilterHint
    };

    isLoading = true;
    loaded = 0;
    total = 0;
    error = '';
    issueCount = 0;
    insights: InsightItem[] = [];
    private model?: OrgChartModel;
    /** Each person's searchable text, in hierarchy order, built once per model. */
    private searchTexts: string[] = [];
    private settings?: HeatSettings;
    private links: Link[] = [];
    private expanded: Uint8Array = new Uint8Array(0);
    private view?: ChartView;
    private needsDraw = false;
    private loadedFor?: string;
    private layout?: Layout;
    private focusIndex?: number;
    private keyboardReady = false;
    private people: Stakeholder[] = [];
    canEdit = false;
    hiddenFields: string[] = [];
    picklists: Record<string, PicklistOption[]> = {};
    selectedIndex?: number;
    /** What the last move did, with how to undo it; or a refusal. */
    status = '';
    statusIsError = false;
    private undo?: { contactId: string; managerId: string | null };
    /** The account's buying centers: the filter's choices and the side panel's. */
    buyingCenters: BuyingCenterOption[] = [];
    filter: PersonFilter = {};
    private matches: Uint8Array | null = null;
    /** The coverage-gap group shown alone on the chart, if the rep asked for one. */
    insightFilter?: InsightKind;
    /** What the last search found: "3 matches", "No one matches"; empty when nothing is searched. */
    searchStatus = '';
    private accountName = '';

    @wire(MessageContext)
    messageContext?: unknown;
    private subscription?: Subscription;
    /** The account the loaded chart is for (the record page may be an Account Plan's). */
    private chartAccountId = '';

    override connectedCallback(): void {
        this.connected = true;
        if (this.loadedFor !== this.accountId) this.load(this.accountId);
        // a buying center added on the landscape is offered by the filter and the panel at once
        this.subscription = subscribe(this.messageContext, BUYING_CENTER_CHANGE, (message) =>
            this.addBuyingCenter(message)
        );
        // the page's Refresh (RefreshView API) reloads the chart from Salesforce
        this.refreshHandlerId = registerRefreshHandler(this, async () => {
            await this.load(this.accountId);
            return true;
        });
    }

    private refreshHandlerId?: number;

    private addBuyingCenter(message: Record<string, unknown>): void {
        const id = typeof message.buyingCenterId === 'string' ? message.buyingCenterId : '';
        if (!id || message.accountId !== this.chartAccountId) return;
        if (this.buyingCenters.some((center) => center.id === id)) return;
        this.buyingCenters = [
            ...this.buyingCenters,
            {
                id,
                name: String(message.name ?? ''),
                parentId: typeof message.parentId === 'string' ? message.parentId : null,
                active: true
            }
        ].sort((a, b) => a.name.localeCompare(b.name));
    }

    override disconnectedCallback(): void {
        this.connected = false;
        this.pictures.release();
        unsubscribe(this.subscription);
        this.subscription = undefined;
        unregisterRefreshHandler(this.refreshHandlerId);
        this.refreshHandlerId = undefined;
        this.view?.destroy();
        this.view = undefined;
    }

    /** Forgets everything shown for the previous record: people, selection, filters, status, view. */
    private reset(): void {
        this.view?.destroy();
        this.view = undefined;
        this.model = undefined;
        this.people = [];
        this.links = [];
        this.searchTexts = [];
        this.settings = undefined;
        this.layout = undefined;
        this.expanded = new Uint8Array(0);
        this.insights = [];
        this.issueCount = 0;
        this.selectedIndex = undefined;
        this.focusIndex = undefined;
        this.filter = {};
        this.matches = null;
        this.insightFilter = undefined;
        this.searchStatus = '';
        this.accountName = '';
        this.chartAccountId = '';
        this.buyingCenters = [];
        this.hiddenFields = [];
        this.picklists = {};
        this.canEdit = false;
        this.status = '';
        this.undo = undefined;
        this.loaded = 0;
        this.total = 0;
    }

    private async load(accountId: string | undefined): Promise<void> {
        const loadNumber = ++this.loadCount;
        this.loadedFor = accountId;
        this.reset();
        this.error = '';
        this.isLoading = !!accountId;
        if (!accountId) return;
        const people: Stakeholder[] = [];
        const isCurrent = (): boolean => loadNumber === this.loadCount;
        try {
            await this.loadPages(accountId, null, people, isCurrent);
            if (!isCurrent()) return;
            this.people = people;
            if (this.settings && people.length) {
                this.rebuild();
                this.expanded = expandToDepth(
                    this.model!.hierarchy,
                    Math.max(1, Number(this.initialDepth) || 1)
                );
                this.needsDraw = true;
            }
        } catch (error) {
            if (isCurrent()) this.error = errorMessage(error);
        } finally {
            if (isCurrent()) this.isLoading = false;
        }
    }

    /** The model, insights and issue count from the people as they are now. */
    private rebuild(): void {
        const people = this.people;
        this.model = buildOrgChart(people, this.settings!, this.colourBy, isoToday());
        this.issueCount = this.model.hierarchy.issues.length;
        this.searchTexts = this.model.cards.map((card) => card.searchText);
        const names = new Map(people.map((person) => [person.id, person.name ?? '']));
        this.insights = findInsights(people, this.links).map((insight) => ({
            key: `${insight.kind}:${insight.contactId}`,
            kind: insight.kind,
            contactId: insight.contactId,
            text: formatLabel(INSIGHT_LABELS[insight.kind], names.get(insight.contactId) ?? '')
        }));
        this.matches = this.matchesFor(this.filter);
    }

    /** Rebuilds after a change to the people, keeping what was open, the selection and the view. */
    private refresh(reveal?: string): void {
        const before = this.model;
        const openIds = new Set<string>();
        if (before) this.expanded.forEach((open, index) => open && openIds.add(before.hierarchy.ids[index]!));
        const selectedId =
            this.selectedIndex === undefined ? undefined : before?.hierarchy.ids[this.selectedIndex];
        const focusId = this.focusIndex === undefined ? undefined : before?.hierarchy.ids[this.focusIndex];
        this.rebuild();
        const hierarchy = this.model!.hierarchy;
        let expanded: Uint8Array = new Uint8Array(hierarchy.ids.length);
        hierarchy.ids.forEach((id, index) => {
            if (openIds.has(id)) expanded[index] = 1;
        });
        const revealIndex = reveal === undefined ? undefined : hierarchy.indexById.get(reveal);
        if (revealIndex !== undefined) expanded = revealPerson(hierarchy, expanded, revealIndex);
        this.selectedIndex = selectedId === undefined ? undefined : hierarchy.indexById.get(selectedId);
        this.focusIndex = focusId === undefined ? undefined : hierarchy.indexById.get(focusId);
        this.redraw(expanded, undefined, true);
    }

    /** Pages follow each other (each names the next), so they load one after another. */
    private async loadPages(
        accountId: string,
        afterId: string | null,
        people: Stakeholder[],
        isCurrent: () => boolean
    ): Promise<void> {
        const page = toOrgChartPage(await getOrgChart({ accountId, afterId, pageSize: PAGE_SIZE }));
        if (!isCurrent()) return;
        if (afterId === null) {
            this.total = page.totalContacts;
            this.accountName = page.accountName;
            this.chartAccountId = page.accountId;
            this.settings = page.heatSettings ?? undefined;
            this.links = page.links;
            this.canEdit = page.canEdit;
            this.hiddenFields = page.hiddenFields;
            this.picklists = page.picklists;
            this.buyingCenters = page.buyingCenters;
        }
        people.push(...page.stakeholders);
        this.loaded = people.length;
        if (afterId === null && page.pageStarts.length) {
            // every later page's start is known: ask for them together instead of one after another, and
            // keep them in order
            const later = await Promise.all(
                page.pageStarts.map(async (start) => {
                    const next = toOrgChartPage(
                        await getOrgChart({ accountId, afterId: start, pageSize: PAGE_SIZE })
                    );
                    if (isCurrent()) this.loaded += next.stakeholders.length;
                    return next.stakeholders;
                })
            );
            if (isCurrent()) for (const stakeholders of later) people.push(...stakeholders);
            return;
        }
        if (page.nextAfterId) await this.loadPages(accountId, page.nextAfterId, people, isCurrent);
    }

    /** Set when a person is opened: on a phone the side panel sits under the chart, off screen. */
    private revealPanel = false;

    override renderedCallback(): void {
        if (this.revealPanel) {
            const panel = this.template?.querySelector<HTMLElement>('c-stakeholder-panel');
            if (panel) {
                this.revealPanel = false;
                const top = panel.getBoundingClientRect().top;
                if (top > window.innerHeight - 80)
                    panel.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
            }
        }
        if (!this.needsDraw || !this.model) return;
        const container = this.template?.querySelector<HTMLElement>('[data-id="chart"]');
        if (!container) return;
        this.needsDraw = false;
        if (!this.keyboardReady) {
            this.keyboardReady = true;
            container.addEventListener('keydown', (event: KeyboardEvent) => this.handleKey(event));
        }
        const firstDraw = !this.view;
        this.draw(container);
        if (firstDraw) this.view?.open();
    }

    private draw(container: HTMLElement, keepView = false): void {
        const model = this.model!;
        const layout = layoutHierarchy(model.hierarchy, this.expanded, DEFAULT_LAYOUT);
        this.layout = layout;
        const initialTransform: ViewTransform | undefined = keepView
            ? this.view?.currentTransform()
            : undefined;
        this.view?.destroy();
        this.view = drawOrgChart(container, model, layout, this.expanded, {
            nodeWidth: DEFAULT_LAYOUT.nodeWidth,
            nodeHeight: DEFAULT_LAYOUT.nodeHeight,
            showLinks: !!this.showLinks,
            links: this.links,
            onToggle: (index) => this.redraw(toggle(this.expanded, index), undefined, true),
            onSelect: (index) => this.selectPerson(index),
            onMove: this.canEdit
                ? (index, managerIndex) =>
                      this.move(model.hierarchy.ids[index]!, model.hierarchy.ids[managerIndex]!)
                : undefined,
            focusIndex: this.focusIndex,
            selectedIndex: this.selectedIndex,
            matches: this.matches,
            initialTransform
        });
    }

    /** Draws again for what is open; centres `focus` from the current zoom, else keeps or opens the view. */
    private redraw(expanded: Uint8Array, focus?: number, keepView = false): void {
        this.expanded = expanded;
        const container = this.template?.querySelector<HTMLElement>('[data-id="chart"]');
        if (!container || !this.model) return;
        this.draw(container, keepView || focus !== undefined);
        if (focus !== undefined) this.view?.focus(focus);
        else if (!keepView) this.view?.open();
    }

    private selectPerson(index: number | undefined): void {
        const changed = index !== this.selectedIndex;
        if (changed && index !== undefined) this.revealPanel = true;
        this.selectedIndex = index;
        if (index !== undefined) this.focusIndex = index;
        this.view?.select(index);
        if (changed)
            this.template?.querySelector<HTMLElement & { reset(): void }>('c-stakeholder-panel')?.reset();
    }

    /** Moves a person under a new manager: refused here at once when it would close a loop, else saved. */
    private async move(contactId: string, managerId: string | null, isUndo = false): Promise<void> {
        const managerOf = new Map(this.people.map((person) => [person.id, person.reportsToId]));
        const name = (id: string | null): string =>
            this.people.find((person) => person.id === id)?.name ?? '';
        const refusal = refusalText(
            moveRefusal(managerOf, contactId, managerId),
            name(contactId),
            name(managerId)
        );
        if (refusal) {
            this.showStatus(refusal, true);
            return;
        }
        const loadNumber = this.loadCount;
        try {
            const moved = toMoveResult(
                await moveStakeholder({
                    accountId: this.recordId ?? null,
                    contactId,
                    newManagerId: managerId,
                    // the version this chart shows: a person someone else changed since is not moved unseen
                    version: this.people.find((person) => person.id === contactId)?.version ?? null
                })
            );
            // the rep moved on to another record while this was saving: nothing here to update
            if (loadNumber !== this.loadCount) return;
            this.people = this.people.map((person) => {
                return person.id === contactId
                    ? { ...person, reportsToId: managerId, version: moved.version }
                    : person;
            });
            this.undo = isUndo ? undefined : { contactId, managerId: moved.previousManagerId };
            this.showStatus(
                managerId
                    ? formatLabel(movedLabel, name(contactId), name(managerId))
                    : formatLabel(movedToTopLabel, name(contactId)),
                false
            );
            this.refresh(contactId);
        } catch (error) {
            if (loadNumber === this.loadCount) this.showStatus(errorMessage(error), true);
        }
    }

    private showStatus(text: string, isError: boolean): void {
        this.status = text;
        this.statusIsError = isError;
        if (isError) this.undo = undefined;
    }

    get hasStatus(): boolean {
        return !!this.status;
    }

    get canUndo(): boolean {
        return !!this.undo;
    }

    get statusClass(): string {
        return this.statusIsError
            ? 'status slds-notify slds-notify_alert slds-alert_error'
            : 'status slds-notify slds-notify_alert slds-alert_info';
    }

    handleUndo(): void {
        const undo = this.undo;
        this.undo = undefined;
        if (undo) this.move(undo.contactId, undo.managerId, true);
    }

    handlePanelClose(): void {
        this.selectPerson(undefined);
    }

    /** Escape closes the side panel and gives the keyboard back to the person on the chart. */
    handlePanelKey(event: KeyboardEvent): void {
        if (event.key !== 'Escape') return;
        const index = this.selectedIndex;
        this.selectPerson(undefined);
        if (index !== undefined) this.view?.cardElement(index)?.focus();
    }

    handleStakeholderChange(event: CustomEvent<{ stakeholder: Stakeholder | null }>): void {
        const changed = event.detail.stakeholder;
        if (!changed) return;
        this.people = this.people.map((person) => {
            return person.id === changed.id ? { ...changed } : person;
        });
        this.refresh();
    }

    handleLinkAdd(event: CustomEvent<{ link: Link | null }>): void {
        const added = event.detail.link;
        if (!added) return;
        this.links = [...this.links, added];
        this.refresh();
    }

    handlePanelMove(event: CustomEvent<{ contactId: string; managerId: string }>): void {
        this.move(event.detail.contactId, event.detail.managerId);
    }

    get hasSelection(): boolean {
        return this.selectedIndex !== undefined && !!this.model;
    }

    get selectedPerson(): Stakeholder | undefined {
        const id =
            this.selectedIndex === undefined ? undefined : this.model?.hierarchy.ids[this.selectedIndex];
        return id === undefined ? undefined : this.people.find((person) => person.id === id);
    }

    get selectedHeat(): HeatResult | undefined {
        return this.selectedIndex === undefined ? undefined : this.model?.cards[this.selectedIndex]?.heat;
    }

    get selectedManagerName(): string {
        const manager = this.selectedPerson?.reportsToId;
        return (manager && this.people.find((person) => person.id === manager)?.name) || '';
    }

    /** Name search for the panel's manager and dotted-line pickers. */
    readonly findPeople = (query: string): { id: string; name: string; title: string }[] => {
        const model = this.model;
        if (!model) return [];
        return search(model.hierarchy, this.searchTexts, query, 8).map((index) => ({
            id: model.cards[index]!.id,
            name: model.cards[index]!.name,
            title: model.cards[index]!.title
        }));
    };

    /** Arrow keys, Home, End and Enter move through the chart as through a tree. */
    private handleKey(event: KeyboardEvent): void {
        if (!this.model || !this.layout) return;
        const move = keyMove(
            this.model.hierarchy,
            this.expanded,
            this.layout.visible,
            this.focusIndex ?? this.layout.visible[0] ?? 0,
            event.key
        );
        if (!move) return;
        event.preventDefault();
        this.focusIndex = move.focus;
        if (move.toggle !== undefined) this.redraw(toggle(this.expanded, move.toggle), move.focus);
        else this.view?.focus(move.focus);
        if (move.activate) this.selectPerson(move.focus);
        this.view?.cardElement(move.focus)?.focus();
    }

    get hasChart(): boolean {
        return !this.isLoading && !this.error && !!this.model;
    }

    get isEmpty(): boolean {
        return !this.isLoading && !this.error && !this.model;
    }

    get hasIssues(): boolean {
        return this.issueCount > 0;
    }

    get issuesText(): string {
        return this.issueCount === 1
            ? issuesOneLabel
            : formatLabel(issuesLabel, formatCount(this.issueCount));
    }

    get progressText(): string {
        return formatLabel(loadingLabel, this.loaded, this.total);
    }

    get chartStyle(): string {
        return `height: ${Math.max(240, Number(this.height) || 600)}px`;
    }

    /** What each colour, line and mark on the chart means, for the screen and the exported picture. */
    private legendEntries(): (LegendEntry & { key: string })[] {
        const settings = this.settings;
        if (!settings) return [];
        const entries: (LegendEntry & { key: string })[] = [
            { key: 'warm', label: warmLabel, colour: settings.warmColour },
            { key: 'neutral', label: neutralLabel, colour: settings.neutralColour },
            { key: 'cold', label: coldLabel, colour: settings.coldColour },
            { key: 'unknown', label: unknownLabel, colour: settings.unknownColour },
            { key: 'reporting', label: legendReportingLabel, shape: 'reporting-line' }
        ];
        if (this.showLinks) {
            entries.push({ key: 'influence', label: legendInfluenceLabel, shape: 'influence-link' });
            entries.push({ key: 'dotted', label: legendDottedLabel, shape: 'dotted-line' });
        }
        entries.push({ key: 'owner', label: legendOwnerLabel, shape: 'initials' });
        entries.push({ key: 'trend', label: legendTrendLabel, shape: 'trend' });
        return entries;
    }

    get legend(): { key: string; label: string; className: string; style: string }[] {
        return this.legendEntries().map((entry) => ({
            key: entry.key,
            label: entry.label,
            className: `legend-mark legend-${entry.shape ?? 'swatch'}`,
            style: entry.colour ? `background: ${entry.colour}` : ''
        }));
    }

    /** Coverage gaps named one by one: enough to act on, short enough to keep the chart in view on a phone. */
    private static readonly INSIGHTS_SHOWN = 4;

    get shownInsights(): InsightItem[] {
        return this.insights.slice(0, OrgChartHeatMap.INSIGHTS_SHOWN);
    }

    /**
     * Past the first few, gaps are counted by kind; each count shows just those people on the chart (a
     * large account has thousands, and a list of thousands is not something a rep can act on).
     */
    get insightGroups(): { kind: InsightKind; text: string; pressed: string }[] {
        if (this.insights.length <= OrgChartHeatMap.INSIGHTS_SHOWN) return [];
        const counts = new Map<InsightKind, number>();
        for (const insight of this.insights) counts.set(insight.kind, (counts.get(insight.kind) ?? 0) + 1);
        return [...counts].map(([kind, total]) => ({
            kind,
            text: formatLabel(kindCountLabel, INSIGHT_KIND_LABELS[kind], formatCount(total)),
            pressed: String(this.insightFilter === kind)
        }));
    }

    get hasInsightGroups(): boolean {
        return this.insights.length > OrgChartHeatMap.INSIGHTS_SHOWN;
    }

    /** Shows only one kind of gap on the chart; the same button again shows everyone. */
    handleInsightGroup(event: Event): void {
        const kind = (event.currentTarget as HTMLElement).dataset.kind as InsightKind;
        this.insightFilter = this.insightFilter === kind ? undefined : kind;
        this.applyFilter();
    }

    get hasInsights(): boolean {
        return this.insights.length > 0;
    }

    handleInsight(event: Event): void {
        const contactId = (event.currentTarget as HTMLElement).dataset.contact;
        const index = contactId && this.model ? this.model.hierarchy.indexById.get(contactId) : undefined;
        if (index !== undefined) this.showPerson(index);
    }

    /** Opens the chart down to a person, centres them and selects them (their card marked, the panel open). */
    private showPerson(index: number): void {
        if (!this.model) return;
        this.redraw(revealPerson(this.model.hierarchy, this.expanded, index), index);
        this.selectPerson(index);
    }

    handleExpandAll(): void {
        if (this.model) this.redraw(expandAll(this.model.hierarchy));
    }

    handleCollapseAll(): void {
        if (this.model) this.redraw(collapseAll(this.model.hierarchy));
    }

    /** The whole chart as it is open now, with a title, the date and the legend, as an SVG document. */
    private chartPicture(): { markup: string; width: number; height: number } | undefined {
        const model = this.model;
        if (!model || !this.layout) return undefined;
        const indexOf = (id: string | null): number | undefined => {
            return id ? model.hierarchy.indexById.get(id) : undefined;
        };
        const links = this.showLinks
            ? this.links.flatMap((link) => {
                  const fromIndex = indexOf(link.fromId);
                  const toIndex = indexOf(link.toContactId);
                  if (fromIndex === undefined || toIndex === undefined) return [];
                  return [
                      {
                          fromIndex,
                          toIndex,
                          strength: link.strength,
                          dotted: link.type === 'Dotted Line',
                          dashed: ['Quarterly', 'Yearly', 'Rarely'].includes(link.frequency ?? '')
                      }
                  ];
              })
            : [];
        return exportChart(model, this.layout, this.expanded, {
            title: formatLabel(exportTitleLabel, this.accountName),
            subtitle: formatLabel(exportDateLabel, formatIsoDate(isoToday())),
            legend: this.legendEntries(),
            nodeWidth: DEFAULT_LAYOUT.nodeWidth,
            nodeHeight: DEFAULT_LAYOUT.nodeHeight,
            links,
            matches: this.matches
        });
    }

    private readonly pictures = new FileDownloads();

    private get pictureName(): string {
        return fileNameOf(this.accountName, 'org-chart', 'org-chart');
    }

    handleExportSvg(): void {
        const picture = this.chartPicture();
        if (picture) this.pictures.svg(picture, this.pictureName);
    }

    handleExportPng(): void {
        const picture = this.chartPicture();
        if (picture)
            this.pictures.png(picture, this.pictureName, () => this.showStatus(exportFailedLabel, true));
    }

    /** Who the filters keep: the attribute filters and the coverage-gap group, together. */
    private matchesFor(filter: PersonFilter): Uint8Array | null {
        const model = this.model;
        if (!model) return null;
        const byId = new Map(this.people.map((person) => [person.id, person]));
        const matches = matchFilter(
            model.hierarchy.ids.map((id) => byId.get(id)!),
            filter,
            this.buyingCenters
        );
        if (!this.insightFilter) return matches;
        const inGroup = new Uint8Array(model.hierarchy.ids.length);
        for (const insight of this.insights) {
            const index =
                insight.kind === this.insightFilter
                    ? model.hierarchy.indexById.get(insight.contactId)
                    : undefined;
            if (index !== undefined && (!matches || matches[index])) inGroup[index] = 1;
        }
        return inGroup;
    }

    /** The filter's choices: buying center (when the account has any), stance and role. */
    get filters(): { key: keyof PersonFilter; label: string; choices: FilterChoice[] }[] {
        const choices = (
            key: keyof PersonFilter,
            allLabel: string,
            options: readonly { value: string; label: string }[]
        ): FilterChoice[] =>
            [{ value: '', label: allLabel }, ...options].map((option) => ({
                ...option,
                selected: (this.filter[key] ?? '') === option.value
            }));
        const centers = this.buyingCenters.map((center) => ({ value: center.id, label: center.name }));
        const filters: { key: keyof PersonFilter; label: string; choices: FilterChoice[] }[] = [
            {
                key: 'stance',
                label: stanceLabel,
                choices: choices('stance', allStancesLabel, this.picklists.stance ?? [])
            },
            {
                key: 'role',
                label: decisionRoleLabel,
                choices: choices('role', allRolesLabel, this.picklists.decisionRole ?? [])
            }
        ];
        if (centers.length)
            filters.unshift({
                key: 'buyingCenterId',
                label: buyingCenterLabel,
                choices: choices('buyingCenterId', allBuyingCentersLabel, centers)
            });
        return filters;
    }

    get matchText(): string {
        if (!this.matches) return '';
        let count = 0;
        this.matches.forEach((match) => {
            count += match;
        });
        return formatLabel(matchesLabel, count);
    }

    /** Dims everyone the filter leaves out and opens the chart down to everyone it keeps. */
    handleFilter(event: Event): void {
        const target = event.target as HTMLSelectElement;
        this.filter = { ...this.filter, [target.dataset.filter!]: target.value };
        this.applyFilter();
    }

    /** Redraws for the filters now set and brings what they keep into view. */
    private applyFilter(): void {
        this.matches = this.matchesFor(this.filter);
        const model = this.model;
        if (!model) return;
        const matches = this.matches;
        this.redraw(
            matches ? revealAll(model.hierarchy, this.expanded, matches) : this.expanded,
            undefined,
            !!matches
        );
        if (!matches) return;
        const kept: number[] = [];
        matches.forEach((match, index) => {
            if (match) kept.push(index);
        });
        this.view?.show(kept);
    }

    handleFit(): void {
        this.view?.fit();
    }

    /** Finds people by name, title or role: says how many match, and shows and selects the first. */
    handleSearch(event: Event): void {
        const query = (event.target as HTMLInputElement).value ?? '';
        const model = this.model;
        if (!model || !query.trim()) {
            this.searchStatus = '';
            return;
        }
        const found = search(model.hierarchy, this.searchTexts, query, model.hierarchy.ids.length);
        this.searchStatus =
            found.length === 0
                ? searchNoneLabel
                : found.length === 1
                  ? searchCountOneLabel
                  : formatLabel(searchCountLabel, formatCount(found.length));
        if (found.length) this.showPerson(found[0]!);
    }
}
