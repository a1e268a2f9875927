// A plan's objectives: grouped by horizon, soonest due first, each with its progress against target, a
// status Keystone derives (never typed) and off-track or overdue ones standing out in colour and words;
// an inline form adds and edits them, the measure chosen from the object's own values.
import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import getObjectives from '@salesforce/apex/PlanObjectiveController.getObjectives';
import saveObjective from '@salesforce/apex/PlanObjectiveController.saveObjective';
import deleteObjective from '@salesforce/apex/PlanObjectiveController.deleteObjective';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { registerRefreshHandler, unregisterRefreshHandler } from 'lightning/refresh';
import type { PlanObjectiveService_ObjectivesView } from '@salesforce/apex/types';
import {
    draftOf,
    groupObjectives,
    inputOf,
    isCalculated,
    type ObjectiveDraft,
    type ObjectiveGroup
} from 'c/planObjectivesModel';
import type { SelectOption } from 'c/keystoneSelect';
import { errorMessage, formatLabel } from 'c/keystoneText';
import titleLabel from '@salesforce/label/c.Keystone_Objectives_Title';
import loadingLabel from '@salesforce/label/c.Keystone_Objectives_Loading';
import emptyLabel from '@salesforce/label/c.Keystone_Objectives_Empty';
import emptyHelpLabel from '@salesforce/label/c.Keystone_Objectives_Empty_Help';
import addLabel from '@salesforce/label/c.Keystone_Objectives_Add';
import editLabel from '@salesforce/label/c.Keystone_Objectives_Edit';
import saveLabel from '@salesforce/label/c.Keystone_Objectives_Save';
import deleteLabel from '@salesforce/label/c.Keystone_Objectives_Delete';
import confirmDeleteLabel from '@salesforce/label/c.Keystone_Objectives_Confirm_Delete';
import noHorizonLabel from '@salesforce/label/c.Keystone_Objectives_No_Horizon';
import noOwnerLabel from '@salesforce/label/c.Keystone_Objectives_No_Owner';
import noDueDateLabel from '@salesforce/label/c.Keystone_Objectives_No_Due_Date';
import overdueLabel from '@salesforce/label/c.Keystone_Objectives_Overdue';
import calculatedLabel from '@salesforce/label/c.Keystone_Objectives_Calculated';
import calculatedHelpLabel from '@salesforce/label/c.Keystone_Objectives_Calculated_Help';
import progressLabel from '@salesforce/label/c.Keystone_Objectives_Progress';
import unmeasuredLabel from '@salesforce/label/c.Keystone_Objectives_Unmeasured';
import savedLabel from '@salesforce/label/c.Keystone_Objectives_Saved';
import deletedLabel from '@salesforce/label/c.Keystone_Objectives_Deleted';
import dueLabel from '@salesforce/label/c.Keystone_Objectives_Due';
import ownerLabel from '@salesforce/label/c.Keystone_Objectives_Owner';
import nameLabel from '@salesforce/label/c.Keystone_Objectives_Name';
import measureLabel from '@salesforce/label/c.Keystone_Objectives_Measure';
import measureTypeLabel from '@salesforce/label/c.Keystone_Objectives_Measure_Type';
import targetLabel from '@salesforce/label/c.Keystone_Objectives_Target';
import currentLabel from '@salesforce/label/c.Keystone_Objectives_Current';
import unitLabel from '@salesforce/label/c.Keystone_Objectives_Unit';
import horizonLabel from '@salesforce/label/c.Keystone_Objectives_Horizon';
import dueDateLabel from '@salesforce/label/c.Keystone_Objectives_Due_Date';
import ofLabel from '@salesforce/label/c.Keystone_Objectives_Of';
import cancelLabel from '@salesforce/label/c.Keystone_Cancel';
import type { ApexWireResult } from '../../types/apex-method';

type DraftField = Exclude<keyof ObjectiveDraft, 'id' | 'version'>;

/** A row as the template draws it: the model's row plus its texts. */
type ShownRow = ObjectiveGroup['rows'][number] & {
    progressText: string;
    editText: string;
    /** the unit after the target, with the space a template would drop */
    unitText: string;
    unmeasured: boolean;
};

export default class PlanObjectives extends LightningElement {
    private currentPlanId?: string;

    /**
     * The Account Plan whose objectives to show. The workspace may hand the same instance another plan:
     * the wire reloads for it, and a half-filled form for the earlier plan is dropped.
     */
    @api
    get planId(): string | undefined {
        return this.currentPlanId;
    }
    set planId(value: string | undefined) {
        if (value === this.currentPlanId) return;
        this.currentPlanId = value;
        this.closeForm();
    }

    /** The wired view as the wire service delivered it (kept whole for refreshApex). */
    @wire(getObjectives, { planId: '$planId' })
    objectivesResult?: ApexWireResult<PlanObjectiveService_ObjectivesView>;

    /** Every string the list shows, from custom labels so admins can translate them. */
    readonly labels = {
        titleLabel,
        loadingLabel,
        emptyLabel,
        emptyHelpLabel,
        addLabel,
        saveLabel,
        deleteLabel,
        confirmDeleteLabel,
        overdueLabel,
        calculatedLabel,
        calculatedHelpLabel,
        noDueDateLabel,
        dueLabel,
        ownerLabel,
        nameLabel,
        measureLabel,
        measureTypeLabel,
        targetLabel,
        currentLabel,
        unitLabel,
        horizonLabel,
        dueDateLabel,
        ofLabel,
        // the words between figures carry their spaces: a template drops the white space around an
        // expression that sits between two elements
        ofJoin: ` ${ofLabel} `,
        dueLead: `${dueLabel} `,
        cancelLabel,
        unmeasuredLabel
    };

    isEditing = false;
    isSaving = false;
    isConfirmingDelete = false;
    formError = '';
    draft: ObjectiveDraft = draftOf();

    private refreshHandlerId?: number;

    override connectedCallback(): void {
        // the page's Refresh (RefreshView API) measures again: deals close and meetings happen elsewhere
        this.refreshHandlerId = registerRefreshHandler(this, async () => {
            if (this.objectivesResult) await refreshApex(this.objectivesResult);
            return true;
        });
    }

    override disconnectedCallback(): void {
        unregisterRefreshHandler(this.refreshHandlerId);
        this.refreshHandlerId = undefined;
    }

    get view(): PlanObjectiveService_ObjectivesView | undefined {
        return this.objectivesResult?.data ?? undefined;
    }

    get isLoading(): boolean {
        return (
            !!this.planId &&
            (!this.objectivesResult || (!this.objectivesResult.data && !this.objectivesResult.error))
        );
    }

    get loadError(): string {
        return this.objectivesResult?.error ? errorMessage(this.objectivesResult.error) : '';
    }

    get hasLoadError(): boolean {
        return !!this.loadError;
    }

    get groups(): (Omit<ObjectiveGroup, 'rows'> & { rows: ShownRow[] })[] {
        return groupObjectives(this.view, noHorizonLabel).map((group) => ({
            ...group,
            rows: group.rows.map((row) => ({
                ...row,
                progressText: formatLabel(progressLabel, Math.round(row.progressPercent)),
                editText: formatLabel(editLabel, row.name),
                unitText: row.unit ? ` ${row.unit}` : '',
                unmeasured: row.calculated && row.currentValue === null
            }))
        }));
    }

    get hasObjectives(): boolean {
        return !this.isEditing && this.groups.length > 0;
    }

    get isEmpty(): boolean {
        return !!this.view && !this.isEditing && this.groups.length === 0;
    }

    get canCreate(): boolean {
        return !!this.view?.canCreate && !this.isEditing;
    }

    get canDelete(): boolean {
        return !!this.view?.canDelete && !!this.draft.id;
    }

    get currencyCode(): string {
        return this.view?.currencyIsoCode ?? 'USD';
    }

    get showsCurrent(): boolean {
        return !isCalculated(this.draft.measureType);
    }

    get hasFormError(): boolean {
        return !!this.formError;
    }

    private optionsOf(
        list: { value: string | null; label: string | null }[] | null | undefined
    ): SelectOption[] {
        return (list ?? []).map((option) => ({ value: option.value ?? '', label: option.label ?? '' }));
    }

    get measureTypeOptions(): SelectOption[] {
        return this.optionsOf(this.view?.measureTypes);
    }

    get unitOptions(): SelectOption[] {
        return this.optionsOf(this.view?.units);
    }

    get horizonOptions(): SelectOption[] {
        return this.optionsOf(this.view?.horizons);
    }

    get ownerOptions(): SelectOption[] {
        return [{ value: '', label: noOwnerLabel }, ...this.optionsOf(this.view?.owners)];
    }

    handleAdd(): void {
        this.openForm(draftOf());
    }

    handleEdit(event: Event): void {
        const id = (event.currentTarget as HTMLElement).dataset.objectiveId;
        const objective = this.view?.objectives?.find((each) => each.id === id);
        if (objective) this.openForm(draftOf(objective));
    }

    handleCancel(): void {
        this.closeForm();
    }

    handleDraftChange(event: Event): void {
        const target = event.target as HTMLInputElement;
        const field = target.dataset.field as DraftField | undefined;
        const detail = (event as CustomEvent<{ value?: string }>).detail;
        if (field) {
            this.draft = { ...this.draft, [field]: target.value ?? detail?.value ?? '' };
        }
    }

    async handleSave(event: Event): Promise<void> {
        event.preventDefault();
        const planId = this.planId;
        if (!planId || this.isSaving) return;
        this.isSaving = true;
        this.formError = '';
        try {
            await saveObjective({ planId, input: inputOf(this.draft) });
            if (planId !== this.planId) return;
            await this.afterChange(savedLabel, this.draft.name);
        } catch (error) {
            if (planId === this.planId) this.formError = errorMessage(error);
        } finally {
            this.isSaving = false;
        }
    }

    async handleDelete(): Promise<void> {
        if (!this.isConfirmingDelete) {
            this.isConfirmingDelete = true;
            return;
        }
        const planId = this.planId;
        const objectiveId = this.draft.id;
        if (!objectiveId || this.isSaving) return;
        this.isSaving = true;
        this.formError = '';
        try {
            await deleteObjective({ objectiveId });
            if (planId !== this.planId) return;
            await this.afterChange(deletedLabel, this.draft.name);
        } catch (error) {
            if (planId === this.planId) this.formError = errorMessage(error);
        } finally {
            this.isSaving = false;
        }
    }

    private async afterChange(title: string, name: string): Promise<void> {
        this.closeForm();
        this.dispatchEvent(new ShowToastEvent({ title, message: name, variant: 'success' }));
        this.dispatchEvent(new CustomEvent('planchange', { bubbles: true, composed: true }));
        await refreshApex(this.objectivesResult);
    }

    private openForm(draft: ObjectiveDraft): void {
        this.draft = draft;
        this.formError = '';
        this.isConfirmingDelete = false;
        this.isEditing = true;
    }

    private closeForm(): void {
        this.isEditing = false;
        this.isConfirmingDelete = false;
        this.formError = '';
    }

    get deleteButtonLabel(): string {
        return this.isConfirmingDelete ? confirmDeleteLabel : deleteLabel;
    }
}
