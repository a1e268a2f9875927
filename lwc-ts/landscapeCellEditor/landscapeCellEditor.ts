// The editor of one landscape cell (buying center × offering): the rep marks it a whitespace target, a
// competitor incumbent or not applicable, with its value, date, competitor and notes. It checks what was
// typed and says what it reads; the grid saves, clears and opens the opportunity, and passes back a refusal.
import { LightningElement, api } from 'lwc';
import getCellNotes from '@salesforce/apex/LandscapeController.getCellNotes';
import { COMPETITOR_INCUMBENT, NOT_APPLICABLE, WHITESPACE_TARGET, type CellRecord } from 'c/landscapeModel';
import { parseTypedDate } from 'c/landscapeDate';
import { errorMessage, formatIsoDate, formatLabel } from 'c/keystoneText';
import { CELL_WORDS } from 'c/landscapeWords';
import type { SelectOption } from 'c/keystoneSelect';
import targetDateHintLabel from '@salesforce/label/c.Keystone_Cell_Target_Date_Hint';
import targetDateInvalidLabel from '@salesforce/label/c.Keystone_Cell_Target_Date_Invalid';
import targetDateReadsLabel from '@salesforce/label/c.Keystone_Cell_Target_Date_Reads';
import markLabel from '@salesforce/label/c.Keystone_Cell_Mark';
import markChooseLabel from '@salesforce/label/c.Keystone_Cell_Mark_Choose';
import markCompetitorLabel from '@salesforce/label/c.Keystone_Cell_Mark_Competitor';
import potentialLabel from '@salesforce/label/c.Keystone_Cell_Potential';
import targetDateLabel from '@salesforce/label/c.Keystone_Cell_Target_Date';
import competitorFieldLabel from '@salesforce/label/c.Keystone_Cell_Competitor_Field';
import notesLabel from '@salesforce/label/c.Keystone_Cell_Notes';
import clearLabel from '@salesforce/label/c.Keystone_Cell_Clear';
import createOpportunityLabel from '@salesforce/label/c.Keystone_Cell_Create_Opportunity';
import cancelLabel from '@salesforce/label/c.Keystone_Cancel';
import saveLabel from '@salesforce/label/c.Keystone_Save';

/** The cell being edited, as the grid opens it. */
export interface CellEditing {
    /** "Helicopters × Salesforce Practice" */
    title: string;
    /** The business already in the cell, in words. */
    business: string;
    /** Its Landscape_Cell__c, null for an unmarked cell. */
    record: CellRecord | null;
}

/** What the rep asks to save: the cell's fields, the date as ISO (null when none). */
export interface CellSave {
    status: string | null;
    potentialValue: number | null;
    targetDate: string | null;
    competitor: string | null;
    notes: string | null;
}

interface CellForm {
    status: string;
    potentialValue: string;
    targetDate: string;
    competitor: string;
    notes: string;
}

const NO_FORM: CellForm = { status: '', potentialValue: '', targetDate: '', competitor: '', notes: '' };

export default class LandscapeCellEditor extends LightningElement {
    private opened?: CellEditing;

    /** The cell to edit; each one the grid opens resets the form from its record and reads its notes. */
    @api
    get editing(): CellEditing | undefined {
        return this.opened;
    }
    set editing(value: CellEditing | undefined) {
        this.opened = value;
        const record = value?.record ?? null;
        this.form = {
            status: record?.status ?? '',
            potentialValue:
                record?.potentialValue === null || record?.potentialValue === undefined
                    ? ''
                    : String(record.potentialValue),
            targetDate: record?.targetDate ?? '',
            competitor: record?.competitor ?? '',
            notes: record?.notes ?? ''
        };
        this.ownError = '';
        // the grid carries no notes (a large landscape would not fit the heap): read them as the cell opens
        if (record?.id && !record.notes) this.loadNotes(record.id);
    }

    /** A save or clear is on its way: the buttons that write wait. */
    @api saving = false;
    /** What the grid's last save or clear was refused with. */
    @api error = '';

    readonly labels = {
        markLabel,
        potentialLabel,
        targetDateLabel,
        targetDateHintLabel,
        competitorFieldLabel,
        notesLabel,
        clearLabel,
        createOpportunityLabel,
        cancelLabel,
        saveLabel
    };

    form: CellForm = { ...NO_FORM };
    private ownError = '';

    private async loadNotes(cellId: string): Promise<void> {
        try {
            const notes = await getCellNotes({ cellId });
            // the rep may have opened another cell, or typed, while the notes were on their way
            if (this.opened?.record?.id !== cellId || this.form.notes) return;
            this.form = { ...this.form, notes: notes ?? '' };
        } catch (error) {
            if (this.opened?.record?.id === cellId) this.ownError = errorMessage(error);
        }
    }

    get heading(): string {
        return this.opened?.title ?? '';
    }

    get business(): string {
        return this.opened?.business ?? '';
    }

    get shownError(): string {
        return this.ownError || this.error;
    }

    get statusOptions(): SelectOption[] {
        return [
            { value: '', label: markChooseLabel },
            { value: WHITESPACE_TARGET, label: CELL_WORDS.states.target },
            { value: COMPETITOR_INCUMBENT, label: markCompetitorLabel },
            { value: NOT_APPLICABLE, label: CELL_WORDS.states['not-applicable'] }
        ];
    }

    get isTargetForm(): boolean {
        return this.form.status === WHITESPACE_TARGET;
    }

    get isCompetitorForm(): boolean {
        return this.form.status === COMPETITOR_INCUMBENT;
    }

    get showsValue(): boolean {
        return this.form.status === WHITESPACE_TARGET || this.form.status === COMPETITOR_INCUMBENT;
    }

    get canClear(): boolean {
        return !!this.opened?.record;
    }

    get canCreateOpportunity(): boolean {
        return this.opened?.record?.status === WHITESPACE_TARGET;
    }

    get targetDateMessage(): string {
        const typed = this.form.targetDate.trim();
        if (!typed) return '';
        const iso = parseTypedDate(typed);
        return iso
            ? formatLabel(targetDateReadsLabel, formatIsoDate(iso))
            : formatLabel(targetDateInvalidLabel, typed);
    }

    get targetDateClass(): string {
        return this.form.targetDate.trim() && !parseTypedDate(this.form.targetDate)
            ? 'slds-form-element__help slds-text-color_error'
            : 'slds-form-element__help';
    }

    handleFormChange(event: Event): void {
        const target = event.target as HTMLInputElement;
        this.form = { ...this.form, [target.dataset.field!]: target.value ?? '' };
    }

    handleCancel(): void {
        this.ownError = '';
        this.dispatchEvent(new CustomEvent('cancel'));
    }

    handleSave(): void {
        const targetDate = this.isTargetForm ? parseTypedDate(this.form.targetDate) : null;
        if (targetDate === undefined) {
            // a date the rep typed is never dropped silently: say what is wrong and keep the editor open
            this.ownError = formatLabel(targetDateInvalidLabel, this.form.targetDate.trim());
            return;
        }
        this.ownError = '';
        const detail: CellSave = {
            status: this.form.status || null,
            potentialValue: this.form.potentialValue === '' ? null : Number(this.form.potentialValue),
            targetDate,
            competitor: this.form.competitor || null,
            notes: this.form.notes || null
        };
        this.dispatchEvent(new CustomEvent<CellSave>('save', { detail }));
    }

    handleClear(): void {
        this.ownError = '';
        this.dispatchEvent(new CustomEvent('clear'));
    }

    handleCreateOpportunity(): void {
        this.dispatchEvent(new CustomEvent('createopportunity'));
    }
}
