// The Account page's plan card: the current plan's period, status, revenue goal against won revenue
// and next review, with an empty state that creates a plan and an error state that says what to do.
import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import getPlanSummary from '@salesforce/apex/AccountPlanController.getPlanSummary';
import createPlan from '@salesforce/apex/AccountPlanController.createPlan';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { registerRefreshHandler, unregisterRefreshHandler } from 'lightning/refresh';
import {
    buildPlanCard,
    defaultName,
    defaultPeriod,
    type PlanCardModel,
    type PlanSummaryDto
} from 'c/planSummaryModel';
import { errorMessage, isoToday } from 'c/keystoneText';
import iconText from '@salesforce/label/c.Keystone_Plan_Icon_Text';
import loadingText from '@salesforce/label/c.Keystone_Plan_Loading';
import planNameLabel from '@salesforce/label/c.Keystone_Plan_Name';
import periodStartLabel from '@salesforce/label/c.Keystone_Period_Start';
import periodEndLabel from '@salesforce/label/c.Keystone_Period_End';
import revenueGoalLabel from '@salesforce/label/c.Keystone_Revenue_Goal';
import nextReviewLabel from '@salesforce/label/c.Keystone_Next_Review';
import goalStatementLabel from '@salesforce/label/c.Keystone_Goal_Statement';
import cancelLabel from '@salesforce/label/c.Keystone_Cancel';
import savePlanLabel from '@salesforce/label/c.Keystone_Save_Plan';
import wonInPeriodLabel from '@salesforce/label/c.Keystone_Won_In_Period';
import noCurrentPlanLabel from '@salesforce/label/c.Keystone_No_Current_Plan';
import noPlanHelpLabel from '@salesforce/label/c.Keystone_No_Plan_Help';
import createPlanLabel from '@salesforce/label/c.Keystone_Create_Plan';
import askForPermissionLabel from '@salesforce/label/c.Keystone_Ask_For_Permission';
import planCreatedLabel from '@salesforce/label/c.Keystone_Plan_Created';
import type { ApexWireResult } from '../../types/apex-method';

interface PlanDraft {
    name: string;
    periodStart: string;
    periodEnd: string;
    revenueGoal: string;
    goalStatement: string;
    nextReviewDate: string;
}

type DraftField = keyof PlanDraft;

export default class AccountPlanSummary extends LightningElement {
    private accountId?: string;

    /**
     * The Account's Id, set by the record page. Lightning reuses this component when the user moves to
     * another record of the same type: the wire reloads, and a half-filled form for the old one is dropped.
     */
    @api
    get recordId(): string | undefined {
        return this.accountId;
    }
    set recordId(value: string | undefined) {
        if (value === this.accountId) return;
        this.accountId = value;
        this.isCreating = false;
        this.formError = '';
    }

    /** Card title, set in Lightning App Builder. */
    @api cardTitle = 'Account Plan';

    /** The wired summary as the wire service delivered it (kept whole for refreshApex). */
    @wire(getPlanSummary, { accountId: '$recordId' })
    summaryResult?: ApexWireResult<PlanSummaryDto>;

    /** Every string the card shows, from custom labels so admins can translate them. */
    readonly labels = {
        iconText,
        loadingText,
        planNameLabel,
        periodStartLabel,
        periodEndLabel,
        revenueGoalLabel,
        nextReviewLabel,
        goalStatementLabel,
        cancelLabel,
        savePlanLabel,
        wonInPeriodLabel,
        noCurrentPlanLabel,
        noPlanHelpLabel,
        createPlanLabel,
        askForPermissionLabel
    };

    private refreshHandlerId?: number;

    override connectedCallback(): void {
        // the page's Refresh (RefreshView API) asks the server again: won revenue changes as deals close
        this.refreshHandlerId = registerRefreshHandler(this, async () => {
            if (this.summaryResult) await refreshApex(this.summaryResult);
            return true;
        });
    }

    override disconnectedCallback(): void {
        unregisterRefreshHandler(this.refreshHandlerId);
        this.refreshHandlerId = undefined;
    }

    isCreating = false;
    isSaving = false;
    formError = '';
    draft: PlanDraft = AccountPlanSummary.emptyDraft('');

    private static emptyDraft(accountName: string): PlanDraft {
        const today = isoToday();
        const period = defaultPeriod(today);
        return {
            name: defaultName(accountName, today),
            periodStart: period.periodStart,
            periodEnd: period.periodEnd,
            revenueGoal: '',
            goalStatement: '',
            nextReviewDate: ''
        };
    }

    get summary(): PlanSummaryDto | undefined {
        return this.summaryResult?.data ?? undefined;
    }

    get isLoading(): boolean {
        return !this.summaryResult || (!this.summaryResult.data && !this.summaryResult.error);
    }

    get loadError(): string {
        return this.summaryResult?.error ? errorMessage(this.summaryResult.error) : '';
    }

    get hasLoadError(): boolean {
        return !!this.loadError;
    }

    get card(): PlanCardModel | null {
        const summary = this.summary;
        return summary?.plan ? buildPlanCard(summary.plan, summary.wonRevenue, isoToday()) : null;
    }

    get hasPlan(): boolean {
        return !this.isCreating && this.card !== null;
    }

    get isEmpty(): boolean {
        return !!this.summary && !this.summary.plan && !this.isCreating;
    }

    get canCreatePlan(): boolean {
        return !!this.summary?.canCreatePlan;
    }

    get currencyCode(): string {
        return this.summary?.currencyIsoCode ?? 'USD';
    }

    get progressStyle(): string {
        return `width: ${this.card?.progressPercent ?? 0}%`;
    }

    get hasProgress(): boolean {
        return this.card?.progressPercent !== null && this.card?.progressPercent !== undefined;
    }

    get reviewClass(): string {
        const review = this.card?.review;
        if (review === 'overdue') return 'review slds-text-color_error';
        if (review === 'due-soon') return 'review review_due-soon';
        return 'review slds-text-color_weak';
    }

    get hasFormError(): boolean {
        return !!this.formError;
    }

    handleStartCreate(): void {
        this.draft = AccountPlanSummary.emptyDraft(this.summary?.accountName ?? '');
        this.formError = '';
        this.isCreating = true;
    }

    handleCancel(): void {
        this.isCreating = false;
        this.formError = '';
    }

    handleDraftChange(event: Event): void {
        const input = event.target as HTMLInputElement;
        const field = input.dataset.field as DraftField | undefined;
        if (field) {
            this.draft = { ...this.draft, [field]: input.value ?? '' };
        }
    }

    async handleSave(event: Event): Promise<void> {
        event.preventDefault();
        if (!this.recordId || this.isSaving) {
            return;
        }
        const goal = this.draft.revenueGoal.trim();
        this.isSaving = true;
        this.formError = '';
        try {
            await createPlan({
                accountId: this.recordId,
                plan: {
                    name: this.draft.name,
                    periodStart: this.draft.periodStart || null,
                    periodEnd: this.draft.periodEnd || null,
                    revenueGoal: goal === '' ? null : Number(goal),
                    goalStatement: this.draft.goalStatement || null,
                    nextReviewDate: this.draft.nextReviewDate || null
                }
            });
            this.isCreating = false;
            this.dispatchEvent(
                new ShowToastEvent({ title: planCreatedLabel, message: this.draft.name, variant: 'success' })
            );
            await refreshApex(this.summaryResult);
        } catch (error) {
            this.formError = errorMessage(error);
        } finally {
            this.isSaving = false;
        }
    }
}
