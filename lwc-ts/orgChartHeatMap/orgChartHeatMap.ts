// The account's org chart coloured by relationship heat: loads every stakeholder page by page with
// progress, then lays out and draws the visible part; expand, collapse, search, fit, legend.
import { LightningElement, api } from 'lwc';
import getOrgChart from '@salesforce/apex/OrgChartController.getOrgChart';
import {
    buildOrgChart,
    type ColourBy,
    type OrgChartModel,
    type OrgChartPageDto,
    type StakeholderDto
} from 'c/orgChartModel';
import { DEFAULT_LAYOUT, layoutHierarchy, type Layout } from 'c/orgLayout';
import { collapseAll, expandAll, expandToDepth, reveal, search, toggle } from 'c/orgVisibility';
import { drawOrgChart, type ChartView, type LinkDto } from 'c/orgChartDraw';
import { keyMove } from 'c/orgKeyboard';
import { findInsights, type InfluenceLink, type InsightKind } from 'c/orgInsights';
import type { HeatSettings } from 'c/heatScore';
import { errorMessage, formatLabel, isoToday } from 'c/keystoneText';
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
import insightsTitle from '@salesforce/label/c.Keystone_Insights_Title';
import uncoveredLabel from '@salesforce/label/c.Keystone_Insight_Uncovered_Decision_Maker';
import leavingLabel from '@salesforce/label/c.Keystone_Insight_Leaving_No_Backup';
import detractorLabel from '@salesforce/label/c.Keystone_Insight_Influential_Detractor';
import singleThreadedLabel from '@salesforce/label/c.Keystone_Insight_Single_Threaded';

const INSIGHT_LABELS: Record<InsightKind, string> = {
    'uncovered-decision-maker': uncoveredLabel,
    'leaving-without-backup': leavingLabel,
    'influential-detractor': detractorLabel,
    'single-threaded': singleThreadedLabel
};

interface InsightItem {
    key: string;
    contactId: string;
    text: string;
}

const PAGE_SIZE = 2000;

export default class OrgChartHeatMap extends LightningElement {
    /** The Account's Id, set by the record page. */
    @api recordId?: string;
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
        searchLabel
    };

    isLoading = true;
    loaded = 0;
    total = 0;
    error = '';
    issueCount = 0;
    insights: InsightItem[] = [];
    private model?: OrgChartModel;
    private settings?: HeatSettings;
    private links: LinkDto[] = [];
    private expanded: Uint8Array = new Uint8Array(0);
    private view?: ChartView;
    private needsDraw = false;
    private loadedFor?: string;
    private layout?: Layout;
    private focusIndex?: number;
    private keyboardReady = false;

    override connectedCallback(): void {
        if (this.recordId && this.loadedFor !== this.recordId) {
            this.load(this.recordId);
        }
    }

    override disconnectedCallback(): void {
        this.view?.destroy();
        this.view = undefined;
    }

    private async load(accountId: string): Promise<void> {
        this.loadedFor = accountId;
        this.isLoading = true;
        this.error = '';
        const people: StakeholderDto[] = [];
        try {
            await this.loadPages(accountId, null, people);
            if (this.settings && people.length) {
                this.model = buildOrgChart(people, this.settings, this.colourBy, isoToday());
                this.issueCount = this.model.hierarchy.issues.length;
                const names = new Map(people.map((person) => [person.id, person.name ?? '']));
                this.insights = findInsights(people, this.links as unknown as InfluenceLink[]).map(
                    (insight) => ({
                        key: `${insight.kind}:${insight.contactId}`,
                        contactId: insight.contactId,
                        text: formatLabel(INSIGHT_LABELS[insight.kind], names.get(insight.contactId) ?? '')
                    })
                );
                this.expanded = expandToDepth(
                    this.model.hierarchy,
                    Math.max(1, Number(this.initialDepth) || 1)
                );
                this.needsDraw = true;
            }
        } catch (error) {
            this.error = errorMessage(error);
        } finally {
            this.isLoading = false;
        }
    }

    /** Pages follow each other (each names the next), so they load one after another. */
    private async loadPages(
        accountId: string,
        afterId: string | null,
        people: StakeholderDto[]
    ): Promise<void> {
        const page = (await getOrgChart({ accountId, afterId, pageSize: PAGE_SIZE })) as OrgChartPageDto;
        if (afterId === null) {
            this.total = page.totalContacts ?? 0;
            this.settings = page.heatSettings ?? undefined;
            this.links = (page.links ?? []) as LinkDto[];
        }
        people.push(...page.stakeholders);
        this.loaded = people.length;
        if (page.nextAfterId) await this.loadPages(accountId, page.nextAfterId, people);
    }

    override renderedCallback(): void {
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
        if (firstDraw) this.view?.fit();
    }

    private draw(container: HTMLElement): void {
        const model = this.model!;
        const layout = layoutHierarchy(model.hierarchy, this.expanded, DEFAULT_LAYOUT);
        this.layout = layout;
        this.view?.destroy();
        this.view = drawOrgChart(container, model, layout, this.expanded, {
            nodeWidth: DEFAULT_LAYOUT.nodeWidth,
            nodeHeight: DEFAULT_LAYOUT.nodeHeight,
            showLinks: !!this.showLinks,
            links: this.links,
            onToggle: (index) => this.redraw(toggle(this.expanded, index)),
            onSelect: (index) => {
                this.focusIndex = index;
            },
            focusIndex: this.focusIndex
        });
    }

    private redraw(expanded: Uint8Array, focus?: number): void {
        this.expanded = expanded;
        const container = this.template?.querySelector<HTMLElement>('[data-id="chart"]');
        if (!container || !this.model) return;
        this.draw(container);
        if (focus === undefined) this.view?.fit();
        else this.view?.focus(focus);
    }

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
        const toggled =
            move.toggle ??
            (move.activate && this.model.hierarchy.children[move.focus]!.length ? move.focus : undefined);
        this.focusIndex = move.focus;
        if (toggled !== undefined) this.redraw(toggle(this.expanded, toggled), move.focus);
        else this.view?.focus(move.focus);
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
        return formatLabel(issuesLabel, this.issueCount);
    }

    get progressText(): string {
        return formatLabel(loadingLabel, this.loaded, this.total);
    }

    get chartStyle(): string {
        return `height: ${Math.max(240, Number(this.height) || 600)}px`;
    }

    get legend(): { key: string; label: string; style: string }[] {
        const settings = this.settings;
        if (!settings) return [];
        return [
            { key: 'warm', label: warmLabel, style: `background: ${settings.warmColour}` },
            { key: 'neutral', label: neutralLabel, style: `background: ${settings.neutralColour}` },
            { key: 'cold', label: coldLabel, style: `background: ${settings.coldColour}` },
            { key: 'unknown', label: unknownLabel, style: `background: ${settings.unknownColour}` }
        ];
    }

    get hasInsights(): boolean {
        return this.insights.length > 0;
    }

    handleInsight(event: Event): void {
        const contactId = (event.currentTarget as HTMLElement).dataset.contact;
        const index = contactId && this.model ? this.model.hierarchy.indexById.get(contactId) : undefined;
        if (index !== undefined && this.model)
            this.redraw(reveal(this.model.hierarchy, this.expanded, index), index);
    }

    handleExpandAll(): void {
        if (this.model) this.redraw(expandAll(this.model.hierarchy));
    }

    handleCollapseAll(): void {
        if (this.model) this.redraw(collapseAll(this.model.hierarchy));
    }

    handleFit(): void {
        this.view?.fit();
    }

    handleSearch(event: Event): void {
        const query = (event.target as HTMLInputElement).value ?? '';
        if (!this.model || !query.trim()) return;
        const texts = this.model.cards.map((card) => card.searchText);
        const [first] = search(this.model.hierarchy, texts, query, 1);
        if (first !== undefined) this.redraw(reveal(this.model.hierarchy, this.expanded, first), first);
    }
}
