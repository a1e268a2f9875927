// The account plan workspace: a header with the plan's status path, goal, revenue won against the mining
// and farming targets, the next review and the approver, the Reviewed today and Clone to next period
// actions when the user may take them, and a body with one section per plan component. Placed on the
// Account page (the account's current plan) and on the Account Plan page (that plan).
import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import getWorkspace from '@salesforce/apex/AccountPlanWorkspaceController.getWorkspace';
import markReviewed from '@salesforce/apex/AccountPlanWorkspaceController.markReviewed';
import cloneToNextPeriod from '@salesforce/apex/AccountPlanWorkspaceController.cloneToNextPeriod';
import { NavigationMixin, type PageReference } from 'lightning/navigation';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { registerRefreshHandler, unregisterRefreshHandler } from 'lightning/refresh';
import { encodeDefaultFieldValues } from 'lightning/pageReferenceUtils';
import { defaultName, defaultPeriod } from 'c/planSummaryModel';
import {
    buildHeader,
    visibleSections,
    type SectionKey,
    type WorkspaceDto,
    type SplitProgress,
    type WorkspaceHeader
} from 'c/planWorkspaceModel';
import { errorMessage, formatIsoDate, formatLabel, isoToday } from 'c/keystoneText';
import titleLabel from '@salesforce/label/c.Keystone_Workspace_Title';
import loadingLabel from '@salesforce/label/c.Keystone_Workspace_Loading';
import statusPathLabel from '@salesforce/label/c.Keystone_Workspace_Status_Path';
import miningLabel from '@salesforce/label/c.Keystone_Workspace_Mining';
import farmingLabel from '@salesforce/label/c.Keystone_Workspace_Farming';
import miningHelpLabel from '@salesforce/label/c.Keystone_Workspace_Mining_Help';
import farmingHelpLabel from '@salesforce/label/c.Keystone_Workspace_Farming_Help';
import wonLabel from '@salesforce/label/c.Keystone_Workspace_Won';
import targetLabel from '@salesforce/label/c.Keystone_Workspace_Target';
import revenueOmittedLabel from '@salesforce/label/c.Keystone_Workspace_Revenue_Omitted';
import approverLabel from '@salesforce/label/c.Keystone_Workspace_Approver';
import noApproverLabel from '@salesforce/label/c.Keystone_Workspace_No_Approver';
import lastReviewedLabel from '@salesforce/label/c.Keystone_Workspace_Last_Reviewed';
import neverReviewedLabel from '@salesforce/label/c.Keystone_Workspace_Never_Reviewed';
import reviewedTodayLabel from '@salesforce/label/c.Keystone_Workspace_Reviewed_Today';
import reviewedHelpLabel from '@salesforce/label/c.Keystone_Workspace_Reviewed_Help';
import reviewedToastLabel from '@salesforce/label/c.Keystone_Workspace_Reviewed_Toast';
import needsFrequencyLabel from '@salesforce/label/c.Keystone_Workspace_Needs_Frequency';
import cloneLabel from '@salesforce/label/c.Keystone_Workspace_Clone';
import cloneHelpLabel from '@salesforce/label/c.Keystone_Workspace_Clone_Help';
import clonedToastLabel from '@salesforce/label/c.Keystone_Workspace_Cloned_Toast';
import awaitingSignOffLabel from '@salesforce/label/c.Keystone_Workspace_Awaiting_Sign_Off';
import goToSignOffLabel from '@salesforce/label/c.Keystone_Workspace_Go_To_Sign_Off';
import objectivesLabel from '@salesforce/label/c.Keystone_Workspace_Objectives';
import swotLabel from '@salesforce/label/c.Keystone_Workspace_Swot';
import milestonesLabel from '@salesforce/label/c.Keystone_Workspace_Milestones';
import openCasesLabel from '@salesforce/label/c.Keystone_Workspace_Open_Cases';
import signOffLabel from '@salesforce/label/c.Keystone_Workspace_Sign_Off';
import nextReviewLabel from '@salesforce/label/c.Keystone_Next_Review';
import revenueGoalLabel from '@salesforce/label/c.Keystone_Revenue_Goal';
import wonInPeriodLabel from '@salesforce/label/c.Keystone_Won_In_Period';
import iconText from '@salesforce/label/c.Keystone_Plan_Icon_Text';
import noCurrentPlanLabel from '@salesforce/label/c.Keystone_No_Current_Plan';
import noPlanHelpLabel from '@salesforce/label/c.Keystone_No_Plan_Help';
import createPlanLabel from '@salesforce/label/c.Keystone_Create_Plan';
import askForPermissionLabel from '@salesforce/label/c.Keystone_Ask_For_Permission';
import printLabel from '@salesforce/label/c.Keystone_Workspace_Print';
import printHelpLabel from '@salesforce/label/c.Keystone_Workspace_Print_Help';
import { printPageUrl } from 'c/planPrintModel';
import type { ApexWireResult } from '../../types/apex-method';

export default class AccountPlanWorkspace extends NavigationMixin(LightningElement) {
    private currentRecordId?: string;

    /**
     * The Account's or Account Plan's Id, set by the record page. Lightning reuses this component when the
     * user moves to another record: the wire reloads, and a message about the old record is dropped.
     */
    @api
    get recordId(): string | undefined {
        return this.currentRecordId;
    }
    set recordId(value: string | undefined) {
        if (value === this.currentRecordId) return;
        this.currentRecordId = value;
        this.actionError = '';
        this.isBusy = false;
    }

    /** Card title, set in Lightning App Builder. */
    @api cardTitle: string = titleLabel;
    // every section shows unless an admin switches it off (App Builder defaults them to true as well)
    private switches: Record<SectionKey, boolean> = {
        objectives: true,
        swot: true,
        milestones: true,
        cases: true,
        signOff: true
    };

    // a new object, so the template sees the change
    private setSwitch(key: SectionKey, value: boolean): void {
        this.switches = { ...this.switches, [key]: String(value) !== 'false' };
    }

    /** Show the objectives section (App Builder; default true). */
    @api
    get showObjectives(): boolean {
        return this.switches.objectives;
    }
    set showObjectives(value: boolean) {
        this.setSwitch('objectives', value);
    }

    /** Show the SWOT+ board (App Builder; default true). */
    @api
    get showSwot(): boolean {
        return this.switches.swot;
    }
    set showSwot(value: boolean) {
        this.setSwitch('swot', value);
    }

    /** Show the milestones and cadence section (App Builder; default true). */
    @api
    get showMilestones(): boolean {
        return this.switches.milestones;
    }
    set showMilestones(value: boolean) {
        this.setSwitch('milestones', value);
    }

    /** Show the open cases section (App Builder; default true). */
    @api
    get showOpenCases(): boolean {
        return this.switches.cases;
    }
    set showOpenCases(value: boolean) {
        this.setSwitch('cases', value);
    }

    /** Show the sign-off section (App Builder; default true). */
    @api
    get showSignOff(): boolean {
        return this.switches.signOff;
    }
    set showSignOff(value: boolean) {
        this.setSwitch('signOff', value);
    }

    /** A one-line header: no goal statement, approver or review history (App Builder). */
    @api compactHeader = false;

    /** The wired workspace as the wire service delivered it (kept whole for refreshApex). */
    @wire(getWorkspace, { recordId: '$recordId' })
    workspaceResult?: ApexWireResult<WorkspaceDto>;

    /** Every string the header shows, from custom labels so admins can translate them. */
    readonly labels = {
        loadingLabel,
        statusPathLabel,
        wonLabel,
        targetLabel,
        revenueOmittedLabel,
        approverLabel,
        noApproverLabel,
        lastReviewedLabel,
        neverReviewedLabel,
        reviewedTodayLabel,
        reviewedHelpLabel,
        needsFrequencyLabel,
        cloneLabel,
        awaitingSignOffLabel,
        goToSignOffLabel,
        objectivesLabel,
        swotLabel,
        milestonesLabel,
        openCasesLabel,
        signOffLabel,
        printLabel,
        printHelpLabel,
        nextReviewLabel,
        revenueGoalLabel,
        wonInPeriodLabel,
        iconText,
        noCurrentPlanLabel,
        noPlanHelpLabel,
        createPlanLabel,
        askForPermissionLabel
    };

    isBusy = false;
    actionError = '';
    private refreshHandlerId?: number;

    override connectedCallback(): void {
        // the page's Refresh (RefreshView API) reloads the header: won revenue moves as deals close
        this.refreshHandlerId = registerRefreshHandler(this, async () => {
            await this.reload();
            return true;
        });
    }

    override disconnectedCallback(): void {
        unregisterRefreshHandler(this.refreshHandlerId);
        this.refreshHandlerId = undefined;
    }

    private async reload(): Promise<void> {
        if (this.workspaceResult) await refreshApex(this.workspaceResult);
    }

    get workspace(): WorkspaceDto | undefined {
        return this.workspaceResult?.data ?? undefined;
    }

    get isLoading(): boolean {
        return !this.workspaceResult || (!this.workspaceResult.data && !this.workspaceResult.error);
    }

    get loadError(): string {
        return this.workspaceResult?.error ? errorMessage(this.workspaceResult.error) : '';
    }

    get hasLoadError(): boolean {
        return !!this.loadError;
    }

    get header(): WorkspaceHeader | null {
        return this.workspace ? buildHeader(this.workspace, isoToday()) : null;
    }

    /** Mining and farming side by side, each with its words: one figure drawn twice. */
    get splits(): (SplitProgress & { label: string; help: string; progressId: string })[] {
        const header = this.header;
        if (!header) return [];
        return [
            { ...header.mining, label: miningLabel, help: miningHelpLabel, progressId: 'mining-progress' },
            { ...header.farming, label: farmingLabel, help: farmingHelpLabel, progressId: 'farming-progress' }
        ];
    }

    get hasPlan(): boolean {
        return this.header !== null;
    }

    get isEmpty(): boolean {
        return !!this.workspace && !this.workspace.plan;
    }

    get canCreatePlan(): boolean {
        return !!this.workspace?.canCreatePlan;
    }

    get planId(): string | undefined {
        return this.workspace?.plan?.id ?? undefined;
    }

    get currencyCode(): string {
        return this.workspace?.currencyIsoCode ?? 'USD';
    }

    get approverName(): string {
        return this.workspace?.plan?.approverName || noApproverLabel;
    }

    get lastReviewed(): string {
        return formatIsoDate(this.workspace?.plan?.lastReviewed) || neverReviewedLabel;
    }

    get reviewClass(): string {
        const review = this.header?.card.review;
        if (review === 'overdue') return 'review review_overdue slds-text-color_error';
        if (review === 'due-soon') return 'review review_due-soon';
        return 'review';
    }

    get canReview(): boolean {
        return !!this.workspace?.canReview;
    }

    get reviewNeedsFrequency(): boolean {
        return !!this.workspace?.reviewNeedsFrequency;
    }

    get canClone(): boolean {
        return !!this.workspace?.canClone;
    }

    get cloneHelp(): string {
        return formatLabel(
            cloneHelpLabel,
            formatIsoDate(this.workspace?.nextPeriodStart),
            formatIsoDate(this.workspace?.nextPeriodEnd)
        );
    }

    /** The approver of a plan in review is pointed at the sign-off, when the page shows it. */
    get showSignOffPrompt(): boolean {
        return !!this.workspace?.awaitingMySignOff && this.showSignOff;
    }

    get hasActions(): boolean {
        return this.canReview || this.canClone || this.showSignOffPrompt;
    }

    get revenueOmitted(): boolean {
        return !!this.workspace?.revenueOmitted;
    }

    get hasActionError(): boolean {
        return !!this.actionError;
    }

    get showDetails(): boolean {
        return !this.compactHeader;
    }

    private get sections(): SectionKey[] {
        return visibleSections(this.switches);
    }

    get hasSections(): boolean {
        return this.sections.length > 0;
    }

    get showObjectivesSection(): boolean {
        return this.sections.includes('objectives');
    }

    get showSwotSection(): boolean {
        return this.sections.includes('swot');
    }

    get showMilestonesSection(): boolean {
        return this.sections.includes('milestones');
    }

    get showCasesSection(): boolean {
        return this.sections.includes('cases');
    }

    /** The print view in a new tab: the Visualforce page that hosts it outside Lightning's header. */
    get printUrl(): string {
        return this.planId ? printPageUrl(this.planId) : '';
    }

    get showSignOffSection(): boolean {
        return this.sections.includes('signOff');
    }

    /**
     * A plan component saved something: the header's figures and offers may have moved, and an edit in
     * another section changes what the sign-off lists as changed since approval (it refreshes itself).
     */
    async handlePlanChange(event: Event): Promise<void> {
        const signOff = this.template?.querySelector<HTMLElement & { refresh(): Promise<void> }>(
            'c-plan-sign-off'
        );
        const fromSignOff = !!signOff && event.composedPath().includes(signOff);
        await Promise.all([this.reload(), signOff && !fromSignOff ? signOff.refresh() : undefined]);
    }

    async handleReviewed(): Promise<void> {
        const planId = this.planId;
        if (!planId || this.isBusy) return;
        await this.runAction(async () => {
            const next = await markReviewed({ planId });
            this.dispatchEvent(
                new ShowToastEvent({
                    title: formatLabel(reviewedToastLabel, formatIsoDate(next)),
                    message: '',
                    variant: 'success'
                })
            );
            await this.reload();
        });
    }

    async handleClone(): Promise<void> {
        const planId = this.planId;
        if (!planId || this.isBusy) return;
        await this.runAction(async () => {
            const newPlanId = await cloneToNextPeriod({ planId });
            this.dispatchEvent(
                new ShowToastEvent({ title: clonedToastLabel, message: '', variant: 'success' })
            );
            await this.reload();
            if (newPlanId) {
                const reference: PageReference = {
                    type: 'standard__recordPage',
                    attributes: { recordId: newPlanId, objectApiName: 'Account_Plan__c', actionName: 'view' }
                };
                (this as unknown as Record<symbol, (page: PageReference) => void>)[NavigationMixin.Navigate](
                    reference
                );
            }
        });
    }

    /**
     * No plan yet: the new Account Plan page, prefilled as the plan card prefills its form (this year, a
     * Draft named for the account), so the object's own validation rules judge it.
     */
    handleCreatePlan(): void {
        const workspace = this.workspace;
        if (!workspace?.accountId) return;
        const today = isoToday();
        const period = defaultPeriod(today);
        const reference: PageReference = {
            type: 'standard__objectPage',
            attributes: { objectApiName: 'Account_Plan__c', actionName: 'new' },
            state: {
                defaultFieldValues: encodeDefaultFieldValues({
                    Account__c: workspace.accountId,
                    Name: defaultName(workspace.accountName ?? '', today),
                    Period_Start__c: period.periodStart,
                    Period_End__c: period.periodEnd,
                    Status__c: 'Draft'
                })
            }
        };
        (this as unknown as Record<symbol, (page: PageReference) => void>)[NavigationMixin.Navigate](
            reference
        );
    }

    handleGoToSignOff(): void {
        const section = this.template?.querySelector<HTMLElement>('[data-section="signOff"]');
        section?.scrollIntoView({ behavior: 'smooth', block: 'start' });
        section?.focus();
    }

    /** One action at a time; a refusal is shown above the buttons and changes nothing on screen. */
    private async runAction(work: () => Promise<void>): Promise<void> {
        const forRecord = this.recordId;
        this.isBusy = true;
        this.actionError = '';
        try {
            await work();
        } catch (error) {
            // an answer about a record the page has moved away from is not this record's
            if (forRecord === this.recordId) this.actionError = errorMessage(error);
        } finally {
            if (forRecord === this.recordId) this.isBusy = false;
        }
    }
}
