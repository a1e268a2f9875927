// The account plan as a document to print or save as PDF: a title block, the goal, revenue against the
// mining and farming targets, objectives, SWOT+, milestones, and two pictures — the whole org chart and
// the landscape — embedded as PNG images so a PDF holds them as images. Shown by the KeystonePlanPrint
// Visualforce page (Lightning Out) outside Lightning Experience's chrome; the Print button is on screen only.
import { LightningElement, api } from 'lwc';
import getPrintablePlan from '@salesforce/apex/AccountPlanPrintController.getPrintablePlan';
import getOrgChart from '@salesforce/apex/OrgChartController.getOrgChart';
import getLandscape from '@salesforce/apex/LandscapeController.getLandscape';
import { printablePlan, type PrintablePlanView } from 'c/planPrintModel';
import { toOrgChartPage, type Stakeholder } from 'c/orgChartData';
import type { HeatSettings } from 'c/heatScore';
import { buildOrgChart } from 'c/orgChartModel';
import { DEFAULT_LAYOUT, layoutHierarchy } from 'c/orgLayout';
import { expandAll } from 'c/orgVisibility';
import { exportChart, pngScale } from 'c/orgChartExport';
import { buildLandscape, landscapeFromApex } from 'c/landscapeModel';
import { landscapePicture } from 'c/landscapePicture';
import { errorMessage, formatIsoDate, formatLabel, isoToday } from 'c/keystoneText';
import { CELL_WORDS } from 'c/landscapeWords';
import loadingLabel from '@salesforce/label/c.Keystone_Print_Loading';
import printLabel from '@salesforce/label/c.Keystone_Print_Button';
import printHelpLabel from '@salesforce/label/c.Keystone_Print_Button_Help';
import noPlanLabel from '@salesforce/label/c.Keystone_Print_No_Plan';
import accountLabel from '@salesforce/label/c.Keystone_Print_Account';
import periodLabel from '@salesforce/label/c.Keystone_Print_Period_Label';
import periodTemplate from '@salesforce/label/c.Keystone_Print_Period';
import statusLabel from '@salesforce/label/c.Keystone_Print_Status';
import signOffLabel from '@salesforce/label/c.Keystone_Print_Sign_Off';
import approvedLabel from '@salesforce/label/c.Keystone_Print_Approved';
import approverLabel from '@salesforce/label/c.Keystone_Print_Approver';
import notApprovedLabel from '@salesforce/label/c.Keystone_Print_Not_Approved';
import printedLabel from '@salesforce/label/c.Keystone_Print_Printed';
import goalLabel from '@salesforce/label/c.Keystone_Print_Goal';
import noGoalLabel from '@salesforce/label/c.Keystone_Print_No_Goal';
import revenueLabel from '@salesforce/label/c.Keystone_Print_Revenue';
import targetLabel from '@salesforce/label/c.Keystone_Print_Target';
import wonLabel from '@salesforce/label/c.Keystone_Print_Won';
import totalLabel from '@salesforce/label/c.Keystone_Print_Total';
import miningLabel from '@salesforce/label/c.Keystone_Print_Mining';
import farmingLabel from '@salesforce/label/c.Keystone_Print_Farming';
import objectivesLabel from '@salesforce/label/c.Keystone_Print_Objectives';
import objectiveLabel from '@salesforce/label/c.Keystone_Print_Objective';
import ownerLabel from '@salesforce/label/c.Keystone_Print_Owner';
import dueLabel from '@salesforce/label/c.Keystone_Print_Due';
import currentLabel from '@salesforce/label/c.Keystone_Print_Current';
import statusColumnLabel from '@salesforce/label/c.Keystone_Print_Status_Column';
import noObjectivesLabel from '@salesforce/label/c.Keystone_Print_No_Objectives';
import swotLabel from '@salesforce/label/c.Keystone_Print_Swot';
import noSwotLabel from '@salesforce/label/c.Keystone_Print_No_Swot';
import milestonesLabel from '@salesforce/label/c.Keystone_Print_Milestones';
import milestoneLabel from '@salesforce/label/c.Keystone_Print_Milestone';
import assigneeLabel from '@salesforce/label/c.Keystone_Print_Assignee';
import noMilestonesLabel from '@salesforce/label/c.Keystone_Print_No_Milestones';
import orgChartLabel from '@salesforce/label/c.Keystone_Print_Org_Chart';
import orgChartAltLabel from '@salesforce/label/c.Keystone_Print_Org_Chart_Alt';
import noPeopleLabel from '@salesforce/label/c.Keystone_Print_No_People';
import landscapeLabel from '@salesforce/label/c.Keystone_Print_Landscape';
import landscapeTitleLabel from '@salesforce/label/c.Keystone_Print_Landscape_Title';
import landscapeAltLabel from '@salesforce/label/c.Keystone_Print_Landscape_Alt';
import leftOutLabel from '@salesforce/label/c.Keystone_Print_Landscape_Left_Out';
import noLandscapeLabel from '@salesforce/label/c.Keystone_Print_No_Landscape';
import drawingLabel from '@salesforce/label/c.Keystone_Print_Drawing';
import pictureFailedLabel from '@salesforce/label/c.Keystone_Print_Picture_Failed';
import exportTitleLabel from '@salesforce/label/c.Keystone_Org_Chart_Export_Title';
import exportDateLabel from '@salesforce/label/c.Keystone_Org_Chart_Export_Date';
import warmLabel from '@salesforce/label/c.Keystone_Heat_Warm';
import neutralLabel from '@salesforce/label/c.Keystone_Heat_Neutral';
import coldLabel from '@salesforce/label/c.Keystone_Heat_Cold';
import unknownLabel from '@salesforce/label/c.Keystone_Heat_Unknown';
import legendReportingLabel from '@salesforce/label/c.Keystone_Legend_Reporting_Line';
import legendOwnerLabel from '@salesforce/label/c.Keystone_Legend_Owner';
import legendTrendLabel from '@salesforce/label/c.Keystone_Legend_Trend';
import buyingCenterLabel from '@salesforce/label/c.Keystone_Field_Buying_Center';
import landscapeTotalLabel from '@salesforce/label/c.Keystone_Landscape_Total';
import unmappedLabel from '@salesforce/label/c.Keystone_Landscape_Unmapped';
import noFamilyLabel from '@salesforce/label/c.Keystone_Landscape_No_Family';

/** People per org chart call, as the org chart itself pages. */
const PAGE_SIZE = 2000;

/**
 * A page is narrow and a whole chart wide: every team of two or more people without reports stacks in
 * columns, so the picture is nearer the page's shape and its cards stay readable at the page's width.
 */
export const PRINT_LAYOUT = { ...DEFAULT_LAYOUT, stackAbove: 1, stackRows: 6 };

type PictureState = 'drawing' | 'ready' | 'empty' | 'failed';

interface Picture {
    state: PictureState;
    src: string;
    alt: string;
}

function drawing(): Picture {
    return { state: 'drawing', src: '', alt: '' };
}

/**
 * An SVG document as a PNG data URL, drawn on a canvas: a PDF then holds a plain image, and the browser's
 * print never has to lay out thousands of SVG nodes.
 */
function rasterise(picture: { markup: string; width: number; height: number }): Promise<string> {
    return new Promise((resolve, reject) => {
        const source = URL.createObjectURL(new Blob([picture.markup], { type: 'image/svg+xml' }));
        const image = new Image();
        image.onload = () => {
            URL.revokeObjectURL(source);
            const scale = pngScale(picture.width, picture.height);
            const canvas = document.createElement('canvas');
            canvas.width = Math.round(picture.width * scale);
            canvas.height = Math.round(picture.height * scale);
            const context = canvas.getContext('2d');
            if (!context) {
                reject(new Error('no canvas'));
                return;
            }
            context.scale(scale, scale);
            context.drawImage(image, 0, 0);
            resolve(canvas.toDataURL('image/png'));
        };
        image.onerror = () => {
            URL.revokeObjectURL(source);
            reject(new Error('the picture did not load'));
        };
        image.src = source;
    });
}

export default class AccountPlanPrint extends LightningElement {
    private currentPlanId?: string;
    private connected = false;
    /** Counts loads, so an answer that arrives for an earlier plan is dropped. */
    private loadCount = 0;
    private loadedFor?: string;

    /**
     * The Account_Plan__c to print. The Visualforce page sets it from the address; a new Id starts a new
     * load and whatever was still loading for the previous one is dropped.
     */
    @api
    get planId(): string | undefined {
        return this.currentPlanId;
    }
    set planId(value: string | undefined) {
        if (value === this.currentPlanId) return;
        this.currentPlanId = value;
        if (this.connected) this.load(value);
    }

    readonly labels = {
        loadingLabel,
        printLabel,
        printHelpLabel,
        noPlanLabel,
        accountLabel,
        periodLabel,
        statusLabel,
        signOffLabel,
        goalLabel,
        noGoalLabel,
        revenueLabel,
        targetLabel,
        wonLabel,
        totalLabel,
        miningLabel,
        farmingLabel,
        objectivesLabel,
        objectiveLabel,
        ownerLabel,
        dueLabel,
        currentLabel,
        statusColumnLabel,
        noObjectivesLabel,
        swotLabel,
        noSwotLabel,
        milestonesLabel,
        milestoneLabel,
        assigneeLabel,
        noMilestonesLabel,
        orgChartLabel,
        noPeopleLabel,
        landscapeLabel,
        noLandscapeLabel,
        drawingLabel,
        pictureFailedLabel
    };

    isLoading = false;
    error = '';
    plan?: PrintablePlanView;
    orgChart: Picture = drawing();
    landscape: Picture = drawing();
    miningWon = '';
    farmingWon = '';

    override connectedCallback(): void {
        this.connected = true;
        if (this.loadedFor !== this.currentPlanId || !this.plan) this.load(this.currentPlanId);
    }

    override disconnectedCallback(): void {
        this.connected = false;
    }

    private async load(planId: string | undefined): Promise<void> {
        const loadNumber = ++this.loadCount;
        const isCurrent = (): boolean => loadNumber === this.loadCount;
        this.loadedFor = planId;
        this.plan = undefined;
        this.error = '';
        this.orgChart = drawing();
        this.landscape = drawing();
        this.miningWon = '';
        this.farmingWon = '';
        this.isLoading = !!planId;
        if (!planId) return;
        try {
            const result = await getPrintablePlan({ planId });
            if (!isCurrent()) return;
            if (!result) {
                this.error = noPlanLabel;
                return;
            }
            this.plan = printablePlan(
                result,
                {
                    period: periodTemplate,
                    approved: approvedLabel,
                    approver: approverLabel,
                    notApproved: notApprovedLabel,
                    printed: printedLabel,
                    none: '—'
                },
                isoToday()
            );
        } catch (error) {
            if (isCurrent()) this.error = errorMessage(error);
            return;
        } finally {
            if (isCurrent()) this.isLoading = false;
        }
        const plan = this.plan;
        // the pictures come after the text: a failed picture never hides the plan
        await Promise.all([this.drawOrgChart(plan, isCurrent), this.drawLandscape(plan, isCurrent)]);
    }

    /** Every stakeholder of the account, page by page, as the org chart loads them. */
    private async loadPeople(
        accountId: string
    ): Promise<{ people: Stakeholder[]; settings: HeatSettings | null; accountName: string }> {
        const first = toOrgChartPage(await getOrgChart({ accountId, afterId: null, pageSize: PAGE_SIZE }));
        const people = [...first.stakeholders];
        if (first.pageStarts.length) {
            const later = await Promise.all(
                first.pageStarts.map(
                    async (start) =>
                        toOrgChartPage(await getOrgChart({ accountId, afterId: start, pageSize: PAGE_SIZE }))
                            .stakeholders
                )
            );
            for (const stakeholders of later) people.push(...stakeholders);
        } else if (first.nextAfterId) {
            await this.loadPagesAfter(accountId, first.nextAfterId, people);
        }
        return { people, settings: first.heatSettings, accountName: first.accountName };
    }

    /** Pages that each name the next load one after another. */
    private async loadPagesAfter(accountId: string, afterId: string, people: Stakeholder[]): Promise<void> {
        const page = toOrgChartPage(await getOrgChart({ accountId, afterId, pageSize: PAGE_SIZE }));
        people.push(...page.stakeholders);
        if (page.nextAfterId) await this.loadPagesAfter(accountId, page.nextAfterId, people);
    }

    private async drawOrgChart(plan: PrintablePlanView, isCurrent: () => boolean): Promise<void> {
        try {
            const { people, settings, accountName } = await this.loadPeople(plan.accountId || plan.id);
            if (!isCurrent()) return;
            if (!settings || !people.length) {
                this.orgChart = { state: 'empty', src: '', alt: '' };
                return;
            }
            const model = buildOrgChart(people, settings, 'heat', isoToday());
            const expanded = expandAll(model.hierarchy);
            const layout = layoutHierarchy(model.hierarchy, expanded, PRINT_LAYOUT);
            const name = accountName || plan.accountName;
            const svg = exportChart(model, layout, expanded, {
                title: formatLabel(exportTitleLabel, name),
                subtitle: formatLabel(exportDateLabel, formatIsoDate(isoToday())),
                legend: [
                    { label: warmLabel, colour: settings.warmColour },
                    { label: neutralLabel, colour: settings.neutralColour },
                    { label: coldLabel, colour: settings.coldColour },
                    { label: unknownLabel, colour: settings.unknownColour },
                    { label: legendReportingLabel, shape: 'reporting-line' },
                    { label: legendOwnerLabel, shape: 'initials' },
                    { label: legendTrendLabel, shape: 'trend' }
                ],
                nodeWidth: DEFAULT_LAYOUT.nodeWidth,
                nodeHeight: DEFAULT_LAYOUT.nodeHeight
            });
            const src = await rasterise(svg);
            if (!isCurrent()) return;
            this.orgChart = {
                state: 'ready',
                src,
                alt: formatLabel(orgChartAltLabel, name, new Intl.NumberFormat().format(people.length))
            };
        } catch {
            if (isCurrent()) this.orgChart = { state: 'failed', src: '', alt: '' };
        }
    }

    private async drawLandscape(plan: PrintablePlanView, isCurrent: () => boolean): Promise<void> {
        try {
            const dto = landscapeFromApex(
                await getLandscape({
                    accountId: plan.accountId || plan.id,
                    periodStart: plan.periodStart,
                    periodEnd: plan.periodEnd
                })
            );
            if (!isCurrent()) return;
            const grid = buildLandscape(dto, { unmappedLabel, noFamilyLabel });
            const currency = dto.currencyIsoCode || plan.currency;
            const money = new Intl.NumberFormat(undefined, {
                style: 'currency',
                currency,
                maximumFractionDigits: 0
            });
            this.miningWon = money.format(grid.mining.won);
            this.farmingWon = money.format(grid.farming.won);
            if (!grid.rows.length || !grid.columns.length) {
                this.landscape = { state: 'empty', src: '', alt: '' };
                return;
            }
            const name = dto.accountName || plan.accountName;
            const svg = landscapePicture(
                grid,
                {
                    title: formatLabel(landscapeTitleLabel, name),
                    subtitle: plan.period,
                    states: CELL_WORDS.states,
                    total: landscapeTotalLabel,
                    buyingCenter: buyingCenterLabel,
                    won: CELL_WORDS.won,
                    pipeline: CELL_WORDS.pipeline,
                    leftOut: leftOutLabel
                },
                { currency }
            );
            const src = await rasterise(svg);
            if (!isCurrent()) return;
            this.landscape = {
                state: 'ready',
                src,
                alt: formatLabel(landscapeAltLabel, name, svg.shownRows.length, svg.shownColumns.length)
            };
        } catch {
            if (isCurrent()) this.landscape = { state: 'failed', src: '', alt: '' };
        }
    }

    get hasNoPlanId(): boolean {
        return !this.currentPlanId;
    }

    get hasError(): boolean {
        return !!this.error;
    }

    get hasPlan(): boolean {
        return !this.isLoading && !this.error && !!this.plan;
    }

    get hasObjectives(): boolean {
        return !!this.plan?.objectives.length;
    }

    get hasSwot(): boolean {
        return !!this.plan?.swot.length;
    }

    get hasMilestones(): boolean {
        return !!this.plan?.milestones.length;
    }

    get orgChartReady(): boolean {
        return this.orgChart.state === 'ready';
    }

    get orgChartDrawing(): boolean {
        return this.orgChart.state === 'drawing';
    }

    get orgChartEmpty(): boolean {
        return this.orgChart.state === 'empty';
    }

    get orgChartFailed(): boolean {
        return this.orgChart.state === 'failed';
    }

    get landscapeReady(): boolean {
        return this.landscape.state === 'ready';
    }

    get landscapeDrawing(): boolean {
        return this.landscape.state === 'drawing';
    }

    get landscapeEmpty(): boolean {
        return this.landscape.state === 'empty';
    }

    get landscapeFailed(): boolean {
        return this.landscape.state === 'failed';
    }

    get miningWonText(): string {
        return this.miningWon || '—';
    }

    get farmingWonText(): string {
        return this.farmingWon || '—';
    }

    handlePrint(): void {
        window.print();
    }
}
