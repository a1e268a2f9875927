// A plan's management sign-off inside the plan workspace: who approves, what the user may do now
// (submit with a comment, approve, reject with a reason, recall), the approval history, and what changed
// since the approved snapshot. The workspace header draws the status path; this panel does not.
import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import getSignOff from '@salesforce/apex/PlanSignOffController.getSignOff';
import submit from '@salesforce/apex/PlanSignOffController.submit';
import decide from '@salesforce/apex/PlanSignOffController.decide';
import recall from '@salesforce/apex/PlanSignOffController.recall';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import type { PlanSignOffService_SignOff } from '@salesforce/apex/types';
import { describeChange, diffPlans, groupBySection, sectionLabel } from 'c/planSnapshotDiff';
import { errorMessage, formatIsoDate, formatLabel } from 'c/keystoneText';
import title from '@salesforce/label/c.Keystone_SignOff_Title';
import approverHeading from '@salesforce/label/c.Keystone_SignOff_Approver';
import noApproverNamed from '@salesforce/label/c.Keystone_SignOff_No_Approver_Named';
import approvedOn from '@salesforce/label/c.Keystone_SignOff_Approved_On';
import waitingFor from '@salesforce/label/c.Keystone_SignOff_Waiting_For';
import waitingForYou from '@salesforce/label/c.Keystone_SignOff_Waiting_For_You';
import submitLabel from '@salesforce/label/c.Keystone_SignOff_Submit';
import approveLabel from '@salesforce/label/c.Keystone_SignOff_Approve';
import rejectLabel from '@salesforce/label/c.Keystone_SignOff_Reject';
import recallLabel from '@salesforce/label/c.Keystone_SignOff_Recall';
import commentLabel from '@salesforce/label/c.Keystone_SignOff_Comment';
import commentRequiredLabel from '@salesforce/label/c.Keystone_SignOff_Comment_Required';
import rejectNeedsComment from '@salesforce/label/c.Keystone_SignOff_Reject_Needs_Comment';
import confirmLabel from '@salesforce/label/c.Keystone_SignOff_Confirm';
import cancelLabel from '@salesforce/label/c.Keystone_SignOff_Cancel';
import historyHeading from '@salesforce/label/c.Keystone_SignOff_History';
import noHistory from '@salesforce/label/c.Keystone_SignOff_No_History';
import noHistoryApproved from '@salesforce/label/c.Keystone_SignOff_No_History_Approved';
import stepStarted from '@salesforce/label/c.Keystone_SignOff_Step_Started';
import stepApproved from '@salesforce/label/c.Keystone_SignOff_Step_Approved';
import stepRejected from '@salesforce/label/c.Keystone_SignOff_Step_Rejected';
import stepRemoved from '@salesforce/label/c.Keystone_SignOff_Step_Removed';
import stepPending from '@salesforce/label/c.Keystone_SignOff_Step_Pending';
import changedSince from '@salesforce/label/c.Keystone_SignOff_Changed_Since';
import noChanges from '@salesforce/label/c.Keystone_SignOff_No_Changes';
import loading from '@salesforce/label/c.Keystone_SignOff_Loading';
import noAccess from '@salesforce/label/c.Keystone_SignOff_No_Access';
import noPlan from '@salesforce/label/c.Keystone_SignOff_No_Plan';
import saved from '@salesforce/label/c.Keystone_SignOff_Saved';
import type { ApexWireResult } from '../../types/apex-method';

type SignOff = PlanSignOffService_SignOff;
type Action = 'submit' | 'Approve' | 'Reject';

const STEP_LABELS: Readonly<Record<string, string>> = {
    Started: stepStarted,
    Approved: stepApproved,
    Rejected: stepRejected,
    Removed: stepRemoved,
    Pending: stepPending,
    NoResponse: stepPending
};

export default class PlanSignOff extends LightningElement {
    private currentPlanId?: string;

    /**
     * The Account_Plan__c whose sign-off to show. The workspace may hand this component another plan: the
     * wire reloads for the new id (answers for the earlier one are dropped by the wire service), and an
     * action half-typed for the old plan is dropped.
     */
    @api
    get planId(): string | undefined {
        return this.currentPlanId;
    }
    set planId(value: string | undefined) {
        if (value === this.currentPlanId) return;
        this.currentPlanId = value;
        this.action = null;
        this.comment = '';
        this.actionError = '';
    }

    /** The wired sign-off as the wire service delivered it (kept whole for refreshApex). */
    @wire(getSignOff, { planId: '$planId' })
    signOffResult?: ApexWireResult<SignOff>;

    readonly labels = {
        title,
        approverHeading,
        submitLabel,
        approveLabel,
        rejectLabel,
        recallLabel,
        confirmLabel,
        cancelLabel,
        historyHeading,
        noChanges,
        loading,
        noAccess,
        noPlan
    };

    action: Action | null = null;
    comment = '';
    actionError = '';
    isSaving = false;

    /**
     * Loads the sign-off again: the workspace calls this when another section saved, since an objective,
     * SWOT item or milestone edited elsewhere on the page changes what differs from the approved snapshot.
     */
    @api
    async refresh(): Promise<void> {
        if (this.signOffResult) await refreshApex(this.signOffResult);
    }

    get signOff(): SignOff | undefined {
        return this.signOffResult?.data ?? undefined;
    }

    get isEmpty(): boolean {
        return !this.planId;
    }

    get isLoading(): boolean {
        return (
            !this.isEmpty && (!this.signOffResult || (!this.signOffResult.data && !this.signOffResult.error))
        );
    }

    get loadError(): string {
        return this.signOffResult?.error ? errorMessage(this.signOffResult.error) : '';
    }

    /** The server says the plan is not there for this user (not shared, or no access to plans). */
    get isNoAccess(): boolean {
        return this.loadError === noPlan;
    }

    get hasLoadError(): boolean {
        return !!this.loadError && !this.isNoAccess;
    }

    get isReady(): boolean {
        return !this.isEmpty && !!this.signOff;
    }

    get approverText(): string {
        return this.signOff?.approverName ?? noApproverNamed;
    }

    get statusLine(): string {
        const signOff = this.signOff;
        if (!signOff) return '';
        // the approver reads about themselves in the second person, next to their Approve button
        if (signOff.pending && signOff.canDecide) return waitingForYou;
        if (signOff.pending)
            return formatLabel(waitingFor, signOff.pendingApproverName ?? signOff.approverName ?? '');
        if (signOff.status === 'Approved' && signOff.approvalDate) {
            return formatLabel(approvedOn, formatIsoDate(signOff.approvalDate));
        }
        return '';
    }

    get canSubmit(): boolean {
        return !!this.signOff?.canSubmit && !this.action;
    }

    get canDecide(): boolean {
        return !!this.signOff?.canDecide && !this.action;
    }

    get canRecall(): boolean {
        return !!this.signOff?.canRecall && !this.action;
    }

    get isCommenting(): boolean {
        return this.action !== null;
    }

    get commentRequired(): boolean {
        return this.action === 'Reject';
    }

    get commentFieldLabel(): string {
        return this.action === 'Reject' ? commentRequiredLabel : commentLabel;
    }

    get confirmText(): string {
        if (this.action === 'Approve') return approveLabel;
        if (this.action === 'Reject') return rejectLabel;
        return submitLabel;
    }

    get hasActionError(): boolean {
        return !!this.actionError;
    }

    get historyRows(): { key: string; text: string; comments: string }[] {
        return (this.signOff?.history ?? []).map((entry, index) => {
            const when = entry.actedAt ? formatIsoDate(entry.actedAt.slice(0, 10)) : '';
            const action = STEP_LABELS[entry.action ?? ''] ?? entry.action ?? '';
            return {
                key: entry.id ?? `step-${index}`,
                text: [action, entry.actorName ?? '', when].filter((part) => part).join(' · '),
                // the separator travels in the text: a template drops the white space that starts a text node
                comments: entry.comments ? ` — ${entry.comments}` : ''
            };
        });
    }

    /** An approved plan with no history was approved before the process kept one (or loaded so). */
    get noHistoryText(): string {
        return this.signOff?.status === 'Approved' ? noHistoryApproved : noHistory;
    }

    get hasHistory(): boolean {
        return this.historyRows.length > 0;
    }

    /** A snapshot exists once the plan was approved through Keystone. */
    get hasSnapshot(): boolean {
        return !!this.signOff?.approvedShape && !!this.signOff?.currentShape;
    }

    get changesHeading(): string {
        const date = this.signOff?.approvedShape?.approvalDate ?? this.signOff?.approvalDate ?? '';
        return formatLabel(changedSince, formatIsoDate(date));
    }

    get changeGroups(): { section: string; heading: string; lines: { key: string; text: string }[] }[] {
        const changes = diffPlans(this.signOff?.approvedShape, this.signOff?.currentShape);
        return groupBySection(changes).map((group) => ({
            section: group.section,
            heading: sectionLabel(group.section),
            lines: group.changes.map((change) => ({ key: change.key, text: describeChange(change) }))
        }));
    }

    get hasChanges(): boolean {
        return this.changeGroups.length > 0;
    }

    handleStart(event: Event): void {
        const action = (event.currentTarget as HTMLElement).dataset.action as Action | undefined;
        if (!action) return;
        this.action = action;
        this.comment = '';
        this.actionError = '';
    }

    handleComment(event: Event): void {
        this.comment = (event.target as HTMLTextAreaElement).value ?? '';
    }

    handleCancel(): void {
        this.action = null;
        this.comment = '';
        this.actionError = '';
    }

    async handleConfirm(): Promise<void> {
        const planId = this.planId;
        const action = this.action;
        if (!planId || !action || this.isSaving) return;
        if (action === 'Reject' && !this.comment.trim()) {
            this.actionError = rejectNeedsComment;
            return;
        }
        const comment = this.comment || null;
        await this.run(() => {
            if (action === 'submit') return submit({ planId, comment });
            return decide({ planId, action, comment });
        });
    }

    async handleRecall(): Promise<void> {
        const planId = this.planId;
        if (!planId || this.isSaving) return;
        await this.run(() => recall({ planId }));
    }

    private async run(work: () => Promise<unknown>): Promise<void> {
        this.isSaving = true;
        this.actionError = '';
        try {
            await work();
            this.action = null;
            this.comment = '';
            this.dispatchEvent(new ShowToastEvent({ title: saved, message: '', variant: 'success' }));
            this.dispatchEvent(new CustomEvent('planchange', { bubbles: true, composed: true }));
            await refreshApex(this.signOffResult);
        } catch (error) {
            this.actionError = errorMessage(error);
        } finally {
            this.isSaving = false;
        }
    }
}
