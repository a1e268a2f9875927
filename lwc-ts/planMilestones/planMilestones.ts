// A plan's milestones and the meeting cadence with its account's key stakeholders. Wires the server's
// view to the pure rows of c/planMilestonesModel and draws them; every save refreshes the view and tells
// the workspace (planchange).
import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getMilestones from '@salesforce/apex/PlanMilestoneController.getMilestones';
import saveMilestone from '@salesforce/apex/PlanMilestoneController.saveMilestone';
import markDone from '@salesforce/apex/PlanMilestoneController.markDone';
import deleteMilestone from '@salesforce/apex/PlanMilestoneController.deleteMilestone';
import type { PlanMilestoneService_MilestonesView } from '@salesforce/apex/types';
import {
    buildCadenceRows,
    foldCadence,
    buildMilestoneRows,
    draftFor,
    inputFor,
    type CadenceRowModel,
    type MilestoneDraft,
    type MilestoneRow,
    type MilestoneTexts
} from 'c/planMilestonesModel';
import { errorMessage, formatLabel, isoToday } from 'c/keystoneText';
import titleLabel from '@salesforce/label/c.Keystone_Milestones_Title';
import loadingLabel from '@salesforce/label/c.Keystone_Milestones_Loading';
import emptyLabel from '@salesforce/label/c.Keystone_Milestones_Empty';
import noAccessLabel from '@salesforce/label/c.Keystone_Milestones_No_Access';
import addLabel from '@salesforce/label/c.Keystone_Milestones_Add';
import editLabel from '@salesforce/label/c.Keystone_Milestones_Edit';
import deleteLabel from '@salesforce/label/c.Keystone_Milestones_Delete';
import confirmDeleteLabel from '@salesforce/label/c.Keystone_Milestones_Confirm_Delete';
import markDoneLabel from '@salesforce/label/c.Keystone_Milestones_Mark_Done';
import saveLabel from '@salesforce/label/c.Keystone_Milestones_Save';
import cancelLabel from '@salesforce/label/c.Keystone_Cancel';
import fieldTitleLabel from '@salesforce/label/c.Keystone_Milestones_Field_Title';
import fieldTypeLabel from '@salesforce/label/c.Keystone_Milestones_Field_Type';
import fieldAssigneeLabel from '@salesforce/label/c.Keystone_Milestones_Field_Assignee';
import fieldStakeholderLabel from '@salesforce/label/c.Keystone_Milestones_Field_Stakeholder';
import fieldDueLabel from '@salesforce/label/c.Keystone_Milestones_Field_Due';
import fieldStatusLabel from '@salesforce/label/c.Keystone_Milestones_Field_Status';
import nobodyLabel from '@salesforce/label/c.Keystone_Milestones_Nobody';
import dueOnLabel from '@salesforce/label/c.Keystone_Milestones_Due_On';
import doneOnLabel from '@salesforce/label/c.Keystone_Milestones_Done_On';
import overdueLabel from '@salesforce/label/c.Keystone_Milestones_Overdue';
import savedLabel from '@salesforce/label/c.Keystone_Milestones_Saved';
import deletedLabel from '@salesforce/label/c.Keystone_Milestones_Deleted';
import markedDoneLabel from '@salesforce/label/c.Keystone_Milestones_Marked_Done';
import truncatedLabel from '@salesforce/label/c.Keystone_Milestones_Truncated';
import meetingsTitleLabel from '@salesforce/label/c.Keystone_Meetings_Title';
import meetingsEmptyLabel from '@salesforce/label/c.Keystone_Meetings_Empty';
import meetingsNoAccessLabel from '@salesforce/label/c.Keystone_Meetings_No_Access';
import overdueCountLabel from '@salesforce/label/c.Keystone_Meetings_Overdue_Count';
import allOnTrackLabel from '@salesforce/label/c.Keystone_Meetings_All_On_Track';
import lastMetLabel from '@salesforce/label/c.Keystone_Meetings_Last_Met';
import neverMetLabel from '@salesforce/label/c.Keystone_Meetings_Never_Met';
import nextDueLabel from '@salesforce/label/c.Keystone_Meetings_Next_Due';
import dueNowLabel from '@salesforce/label/c.Keystone_Meetings_Due_Now';
import showAllMeetingsLabel from '@salesforce/label/c.Keystone_Meetings_Show_All';
import showFewerMeetingsLabel from '@salesforce/label/c.Keystone_Meetings_Show_Fewer';
import type { ApexWireResult } from '../../types/apex-method';

type DraftField = keyof MilestoneDraft;
type ViewRow = MilestoneRow & { deleteText: string; deleteVariant: string };
interface ComboOption {
    label: string;
    value: string;
}

const TEXTS: MilestoneTexts = {
    dueOn: dueOnLabel,
    doneOn: doneOnLabel,
    overdue: overdueLabel,
    nobody: nobodyLabel,
    lastMet: lastMetLabel,
    neverMet: neverMetLabel,
    nextDue: nextDueLabel,
    dueNow: dueNowLabel
};

export default class PlanMilestones extends LightningElement {
    private currentPlanId?: string;

    /** The Account_Plan__c Id. A new plan drops any half-filled form for the old one; the wire reloads. */
    @api
    get planId(): string | undefined {
        return this.currentPlanId;
    }
    set planId(value: string | undefined) {
        if (value === this.currentPlanId) return;
        this.currentPlanId = value;
        this.draft = null;
        this.formError = '';
        this.confirmingDeleteId = '';
        this.allMeetingsShown = false;
    }

    /** The wired view as the wire service delivered it (kept whole for refreshApex). */
    @wire(getMilestones, { planId: '$planId' })
    viewResult?: ApexWireResult<PlanMilestoneService_MilestonesView>;

    /** Between last met and next due, spaces included: a template drops white space next to an element. */
    readonly separator = ' · ';

    readonly labels = {
        titleLabel,
        loadingLabel,
        emptyLabel,
        noAccessLabel,
        addLabel,
        editLabel,
        deleteLabel,
        confirmDeleteLabel,
        markDoneLabel,
        saveLabel,
        cancelLabel,
        fieldTitleLabel,
        fieldTypeLabel,
        fieldAssigneeLabel,
        fieldStakeholderLabel,
        fieldDueLabel,
        fieldStatusLabel,
        meetingsTitleLabel,
        meetingsEmptyLabel,
        meetingsNoAccessLabel
    };

    draft: MilestoneDraft | null = null;
    formError = '';
    actionError = '';
    isSaving = false;
    confirmingDeleteId = '';

    get view(): PlanMilestoneService_MilestonesView | undefined {
        return this.viewResult?.data ?? undefined;
    }

    get isLoading(): boolean {
        return !!this.planId && (!this.viewResult || (!this.viewResult.data && !this.viewResult.error));
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

    get hasView(): boolean {
        return !!this.view && this.view.canRead !== false;
    }

    get rows(): ViewRow[] {
        const view = this.view;
        if (!view) return [];
        return buildMilestoneRows(view, TEXTS).map((row) => {
            const confirming = row.id === this.confirmingDeleteId;
            return {
                ...row,
                deleteText: confirming ? confirmDeleteLabel : deleteLabel,
                deleteVariant: confirming ? 'destructive' : 'neutral'
            };
        });
    }

    get isEmpty(): boolean {
        return this.hasView && this.rows.length === 0;
    }

    get truncatedText(): string {
        return this.view?.truncated ? formatLabel(truncatedLabel, this.rows.length) : '';
    }

    get canAdd(): boolean {
        return this.view?.canCreate === true && !this.draft;
    }

    get isEditing(): boolean {
        return this.draft !== null;
    }

    get hasFormError(): boolean {
        return !!this.formError;
    }

    get hasActionError(): boolean {
        return !!this.actionError;
    }

    get typeOptions(): ComboOption[] {
        return (this.view?.types ?? []).map((choice) => ({
            label: choice.label ?? '',
            value: choice.value ?? ''
        }));
    }

    get statusOptions(): ComboOption[] {
        return (this.view?.statuses ?? []).map((choice) => ({
            label: choice.label ?? '',
            value: choice.value ?? ''
        }));
    }

    get assigneeOptions(): ComboOption[] {
        return this.withNobody(this.view?.assignees);
    }

    get stakeholderOptions(): ComboOption[] {
        return this.withNobody(this.view?.stakeholders);
    }

    private withNobody(
        choices: { label: string | null; value: string | null }[] | null | undefined
    ): ComboOption[] {
        return [
            { label: nobodyLabel, value: '' },
            ...(choices ?? []).map((choice) => ({ label: choice.label ?? '', value: choice.value ?? '' }))
        ];
    }

    get cadenceRows(): CadenceRowModel[] {
        return buildCadenceRows(this.view?.cadence?.rows, TEXTS);
    }

    /** Whether the user unfolded the meetings list (folded: the overdue ones and the next few due). */
    allMeetingsShown = false;

    get shownCadenceRows(): CadenceRowModel[] {
        return foldCadence(this.cadenceRows, this.allMeetingsShown);
    }

    get canFoldCadence(): boolean {
        return foldCadence(this.cadenceRows, false).length < this.cadenceRows.length;
    }

    get cadenceToggleLabel(): string {
        return this.allMeetingsShown
            ? showFewerMeetingsLabel
            : formatLabel(showAllMeetingsLabel, this.cadenceRows.length);
    }

    get cadenceExpanded(): string {
        return String(this.allMeetingsShown);
    }

    handleToggleMeetings(): void {
        this.allMeetingsShown = !this.allMeetingsShown;
    }

    get cadenceNoAccess(): boolean {
        return this.view?.cadence?.canRead === false;
    }

    get cadenceEmpty(): boolean {
        return !this.cadenceNoAccess && this.cadenceRows.length === 0;
    }

    get hasCadence(): boolean {
        return !this.cadenceNoAccess && this.cadenceRows.length > 0;
    }

    get cadenceSummary(): string {
        const overdue = this.view?.cadence?.overdueCount ?? 0;
        return overdue > 0 ? formatLabel(overdueCountLabel, overdue) : allOnTrackLabel;
    }

    get cadenceSummaryClass(): string {
        const overdue = this.view?.cadence?.overdueCount ?? 0;
        return `cadence-summary slds-m-bottom_x-small${overdue > 0 ? ' slds-text-color_error' : ''}`;
    }

    handleAdd(): void {
        this.draft = draftFor(null, this.view?.today ?? isoToday());
        this.formError = '';
    }

    handleEdit(event: Event): void {
        const id = (event.currentTarget as HTMLElement).dataset.id;
        const milestone = (this.view?.milestones ?? []).find((item) => item.id === id) ?? null;
        if (!milestone) return;
        this.draft = draftFor(milestone, this.view?.today ?? isoToday());
        this.formError = '';
    }

    handleCancel(): void {
        this.draft = null;
        this.formError = '';
    }

    handleDraftChange(event: Event): void {
        const target = event.target as HTMLElement & { value?: string };
        const field = target.dataset.field as DraftField | undefined;
        if (!this.draft || !field || field === 'id') return;
        this.draft = {
            ...this.draft,
            [field]: (event as CustomEvent<{ value?: string }>).detail?.value ?? target.value ?? ''
        };
    }

    async handleSave(event: Event): Promise<void> {
        event.preventDefault();
        const draft = this.draft;
        const planId = this.planId;
        if (!draft || !planId || this.isSaving) return;
        this.isSaving = true;
        this.formError = '';
        try {
            await saveMilestone({ milestone: inputFor(draft, planId) });
            // an answer for a plan the user left is dropped: the form belonged to that plan
            if (planId !== this.planId) return;
            this.draft = null;
            await this.afterSave(savedLabel);
        } catch (error) {
            if (planId === this.planId) this.formError = errorMessage(error);
        } finally {
            this.isSaving = false;
        }
    }

    async handleMarkDone(event: Event): Promise<void> {
        const id = (event.currentTarget as HTMLElement).dataset.id;
        if (!id) return;
        await this.runAction(() => markDone({ milestoneId: id }), markedDoneLabel);
    }

    async handleDelete(event: Event): Promise<void> {
        const id = (event.currentTarget as HTMLElement).dataset.id;
        if (!id) return;
        // the first click asks, the second deletes: a delete cannot be undone from here
        if (this.confirmingDeleteId !== id) {
            this.confirmingDeleteId = id;
            return;
        }
        this.confirmingDeleteId = '';
        await this.runAction(() => deleteMilestone({ milestoneId: id }), deletedLabel);
    }

    private async runAction(work: () => Promise<unknown>, doneMessage: string): Promise<void> {
        if (this.isSaving) return;
        const planId = this.planId;
        this.isSaving = true;
        this.actionError = '';
        try {
            await work();
            if (planId !== this.planId) return;
            await this.afterSave(doneMessage);
        } catch (error) {
            if (planId === this.planId) this.actionError = errorMessage(error);
        } finally {
            this.isSaving = false;
        }
    }

    private async afterSave(message: string): Promise<void> {
        this.dispatchEvent(new ShowToastEvent({ title: message, variant: 'success' }));
        this.dispatchEvent(new CustomEvent('planchange', { bubbles: true, composed: true }));
        if (this.viewResult) await refreshApex(this.viewResult);
    }
}
