// The org chart's side panel for one stakeholder: why the card has its colour, their attributes to edit,
// who on our team owns the relationship and which buying center they sit in, a stance observation to
// record, a new manager or a dotted-line manager to choose. Saves through OrgChartController and says
// how it went next to the form the rep used; the chart redraws from the events.
import { LightningElement, api } from 'lwc';
import type { StakeholderService_OwnerChoice } from '@salesforce/apex/types';
import saveStakeholder from '@salesforce/apex/OrgChartController.saveStakeholder';
import recordStance from '@salesforce/apex/OrgChartController.recordStance';
import addDottedLine from '@salesforce/apex/OrgChartController.addDottedLine';
import findRelationshipOwners from '@salesforce/apex/OrgChartController.findRelationshipOwners';
import { buyingCenterChoices, observationOutcome, type BuyingCenterOption } from './panelChoices';
import { panelSwotCards, type PanelSwotCard } from './panelSwot';
import { heatExplanation } from 'c/orgChartModel';
import { toLink, toStakeholder, type PicklistOption, type Stakeholder } from 'c/orgChartData';
import type { HeatResult } from 'c/heatScore';
import { errorMessage, formatLabel, isoToday } from 'c/keystoneText';
import closeLabel from '@salesforce/label/c.Keystone_Panel_Close';
import whyLabel from '@salesforce/label/c.Keystone_Why_Colour';
import decisionRoleLabel from '@salesforce/label/c.Keystone_Field_Decision_Role';
import stanceLabel from '@salesforce/label/c.Keystone_Field_Stance';
import influenceLabel from '@salesforce/label/c.Keystone_Field_Influence';
import strengthLabel from '@salesforce/label/c.Keystone_Field_Strength';
import frequencyLabel from '@salesforce/label/c.Keystone_Field_Frequency';
import competitorLabel from '@salesforce/label/c.Keystone_Field_Competitor';
import leavingLabel from '@salesforce/label/c.Keystone_Field_Leaving';
import observedOnLabel from '@salesforce/label/c.Keystone_Field_Observed_On';
import noteLabel from '@salesforce/label/c.Keystone_Field_Note';
import unknownLabel from '@salesforce/label/c.Keystone_Unknown_Value';
import noValueLabel from '@salesforce/label/c.Keystone_No_Value';
import saveLabel from '@salesforce/label/c.Keystone_Save';
import savedLabel from '@salesforce/label/c.Keystone_Saved';
import recordTitle from '@salesforce/label/c.Keystone_Record_Stance_Title';
import recordLabel from '@salesforce/label/c.Keystone_Record_Stance';
import recordedLabel from '@salesforce/label/c.Keystone_Stance_Recorded';
import reportsToLabel from '@salesforce/label/c.Keystone_Reports_To';
import reportsToNobodyLabel from '@salesforce/label/c.Keystone_Reports_To_Nobody';
import moveUnderLabel from '@salesforce/label/c.Keystone_Move_Under';
import dottedLineLabel from '@salesforce/label/c.Keystone_Add_Dotted_Line';
import findPersonLabel from '@salesforce/label/c.Keystone_Find_Person';
import dottedLineAddedLabel from '@salesforce/label/c.Keystone_Dotted_Line_Added';
import readOnlyLabel from '@salesforce/label/c.Keystone_Read_Only';
import buyingCenterLabel from '@salesforce/label/c.Keystone_Field_Buying_Center';
import ownerLabel from '@salesforce/label/c.Keystone_Field_Relationship_Owner';
import ownerNobodyLabel from '@salesforce/label/c.Keystone_Owner_Nobody';
import findOwnerLabel from '@salesforce/label/c.Keystone_Find_Owner';
import changeOwnerLabel from '@salesforce/label/c.Keystone_Change_Owner';
import clearOwnerLabel from '@salesforce/label/c.Keystone_Clear_Owner';
import noOwnerMatchesLabel from '@salesforce/label/c.Keystone_No_Owner_Matches';
import stanceNowLabel from '@salesforce/label/c.Keystone_Stance_Now';
import stanceKeptLabel from '@salesforce/label/c.Keystone_Stance_Kept';
import observationHintLabel from '@salesforce/label/c.Keystone_Observation_Hint';
import swotItemsLabel from '@salesforce/label/c.Keystone_Swot_Linked_Items';

/** A person the rep can pick as a new manager or dotted-line manager. */
export interface PersonChoice {
    id: string;
    name: string;
    title: string;
}

interface Choice {
    value: string;
    label: string;
    selected: boolean;
}

type PickPurpose = 'manager' | 'dotted';

/** The form a confirmation or an error belongs to: it shows there, where the rep is looking. */
type FeedbackAt = 'attributes' | 'observation' | 'links';

/** A user on our team the rep can make the relationship owner. */
export type OwnerChoice = StakeholderService_OwnerChoice;

export type { BuyingCenterOption };

const SCALE = ['1', '2', '3', '4', '5'];
const FIELD_OF: Record<string, string> = {
    decisionRole: 'Decision_Role__c',
    stance: 'Stance__c',
    influence: 'Influence__c',
    relationshipStrength: 'Relationship_Strength__c',
    contactFrequency: 'Contact_Frequency__c',
    buyingCenterId: 'Buying_Center__c',
    relationshipOwnerId: 'Relationship_Owner__c',
    competitorChampion: 'Competitor_Champion__c',
    leaving: 'Leaving__c'
};

export default class StakeholderPanel extends LightningElement {
    @api stakeholder?: Stakeholder;
    @api heat?: HeatResult;
    @api accountId?: string;
    /** The manager's name, or empty when the person reports to nobody here. */
    @api managerName = '';
    @api canEdit = false;
    /** Contact fields the user cannot read: shown as unknown and not editable. */
    @api hiddenFields: string[] = [];
    @api picklists: Record<string, PicklistOption[]> = {};
    /** Finds people by name for the manager and dotted-line pickers. */
    @api findPeople: (query: string) => PersonChoice[] = () => [];
    /** The account's buying centers (the chart's first page): the active ones are offered, by path. */
    @api buyingCenters: BuyingCenterOption[] = [];

    readonly labels = {
        closeLabel,
        whyLabel,
        decisionRoleLabel,
        stanceLabel,
        influenceLabel,
        strengthLabel,
        frequencyLabel,
        competitorLabel,
        leavingLabel,
        observedOnLabel,
        noteLabel,
        saveLabel,
        recordTitle,
        recordLabel,
        moveUnderLabel,
        dottedLineLabel,
        findPersonLabel,
        readOnlyLabel,
        ownerLabel,
        findOwnerLabel,
        changeOwnerLabel,
        clearOwnerLabel,
        noOwnerMatchesLabel,
        observationHintLabel,
        swotItemsLabel
    };

    /** The SWOT items linked to this person (open plans), as small cards. */
    get swotCards(): PanelSwotCard[] {
        return panelSwotCards(this.stakeholder?.swotItems);
    }

    get hasSwotCards(): boolean {
        return this.swotCards.length > 0;
    }

    /** Unsaved edits by the chart's field names. */
    changes: Record<string, string | boolean> = {};
    saving = false;
    error = '';
    message = '';
    feedbackAt: FeedbackAt = 'attributes';
    /** The owner the rep chose and has not saved yet, named for the panel. */
    chosenOwner?: OwnerChoice;
    findingOwner = false;
    ownerQuery = '';
    ownerMatches: OwnerChoice[] = [];
    private ownerSearch = 0;
    observedStance = '';
    observedOn = isoToday();
    observationNote = '';
    pickPurpose?: PickPurpose;
    matches: PersonChoice[] = [];

    private visible(name: string): boolean {
        return !this.hiddenFields.includes(FIELD_OF[name] ?? name);
    }

    private current(name: keyof Stakeholder): string {
        if (name in this.changes) return String(this.changes[name]);
        const value = this.stakeholder?.[name];
        return value === null || value === undefined ? '' : String(value);
    }

    /** A picklist's choices with "none" first, the current value selected. */
    private choices(options: readonly PicklistOption[], value: string): Choice[] {
        return [
            { value: '', label: noValueLabel, selected: value === '' },
            ...options.map((option) => ({ ...option, selected: option.value === value }))
        ];
    }

    private scale(name: keyof Stakeholder): Choice[] {
        return this.choices(
            SCALE.map((value) => ({ value, label: value })),
            this.current(name)
        );
    }

    get name(): string {
        return this.stakeholder?.name ?? '';
    }

    get personTitle(): string {
        return this.stakeholder?.title ?? '';
    }

    get reportsTo(): string {
        return this.managerName ? formatLabel(reportsToLabel, this.managerName) : reportsToNobodyLabel;
    }

    get explanation(): { key: string; text: string; known: boolean }[] {
        return this.heat ? heatExplanation(this.heat) : [];
    }

    get fields(): {
        key: string;
        label: string;
        kind: { select: boolean; text: boolean; checkbox: boolean; unknown: boolean };
        choices: Choice[];
        value: string;
        checked: boolean;
    }[] {
        const picklist = (name: string): readonly PicklistOption[] => this.picklists?.[name] ?? [];
        const specs: [keyof Stakeholder, string, 'select' | 'text' | 'checkbox', Choice[]][] = [
            [
                'decisionRole',
                decisionRoleLabel,
                'select',
                this.choices(picklist('decisionRole'), this.current('decisionRole'))
            ],
            ['stance', stanceLabel, 'select', this.choices(picklist('stance'), this.current('stance'))],
            ['influence', influenceLabel, 'select', this.scale('influence')],
            ['relationshipStrength', strengthLabel, 'select', this.scale('relationshipStrength')],
            [
                'contactFrequency',
                frequencyLabel,
                'select',
                this.choices(picklist('contactFrequency'), this.current('contactFrequency'))
            ],
            [
                'buyingCenterId',
                buyingCenterLabel,
                'select',
                this.choices(
                    buyingCenterChoices(this.buyingCenters, this.stakeholder?.buyingCenterId, unknownLabel),
                    this.current('buyingCenterId')
                )
            ],
            ['competitorChampion', competitorLabel, 'text', []],
            ['leaving', leavingLabel, 'checkbox', []]
        ];
        return specs.map(([key, label, kind, choices]) => {
            const unknown = !this.visible(key);
            return {
                key,
                label,
                kind: {
                    select: !unknown && kind === 'select',
                    text: !unknown && kind === 'text',
                    checkbox: !unknown && kind === 'checkbox',
                    unknown
                },
                choices,
                value: unknown ? unknownLabel : this.current(key),
                checked: this.current(key) === 'true'
            };
        });
    }

    get ownerVisible(): boolean {
        return this.visible('relationshipOwnerId');
    }

    get ownerUnknownText(): string {
        return unknownLabel;
    }

    /** The owner as it will be saved: a pending choice or clearing wins over the stored one. */
    get ownerName(): string {
        if ('relationshipOwnerId' in this.changes) {
            return this.changes.relationshipOwnerId ? (this.chosenOwner?.name ?? '') : ownerNobodyLabel;
        }
        return this.stakeholder?.relationshipOwnerId
            ? (this.stakeholder.relationshipOwnerName ?? unknownLabel)
            : ownerNobodyLabel;
    }

    get hasOwner(): boolean {
        return 'relationshipOwnerId' in this.changes
            ? !!this.changes.relationshipOwnerId
            : !!this.stakeholder?.relationshipOwnerId;
    }

    get noOwnerMatches(): boolean {
        return this.findingOwner && !!this.ownerQuery.trim() && this.ownerMatches.length === 0;
    }

    get attributesMessage(): string {
        return this.feedbackAt === 'attributes' ? this.message : '';
    }

    get attributesError(): string {
        return this.feedbackAt === 'attributes' ? this.error : '';
    }

    get observationMessage(): string {
        return this.feedbackAt === 'observation' ? this.message : '';
    }

    get observationError(): string {
        return this.feedbackAt === 'observation' ? this.error : '';
    }

    get linksMessage(): string {
        return this.feedbackAt === 'links' ? this.message : '';
    }

    get linksError(): string {
        return this.feedbackAt === 'links' ? this.error : '';
    }

    get stanceChoices(): Choice[] {
        return this.choices(this.picklists?.stance ?? [], this.observedStance);
    }

    get readOnly(): boolean {
        return !this.canEdit;
    }

    get hasChanges(): boolean {
        return Object.keys(this.changes).length > 0;
    }

    get saveDisabled(): boolean {
        return this.saving || !this.hasChanges;
    }

    get recordDisabled(): boolean {
        return this.saving || !this.observedStance;
    }

    get isPicking(): boolean {
        return this.pickPurpose !== undefined;
    }

    get pickTitle(): string {
        return this.pickPurpose === 'dotted' ? dottedLineLabel : moveUnderLabel;
    }

    /** Clears edits when the chart shows another person. */
    @api
    reset(): void {
        this.changes = {};
        this.error = '';
        this.message = '';
        this.observedStance = '';
        this.clearNote();
        this.observedOn = isoToday();
        this.pickPurpose = undefined;
        this.matches = [];
        this.chosenOwner = undefined;
        this.findingOwner = false;
        this.ownerQuery = '';
        this.ownerMatches = [];
        this.ownerSearch++;
    }

    // a textarea's text is its content, not an attribute LWC can bind: clear the element itself
    private clearNote(): void {
        this.observationNote = '';
        const note = this.template?.querySelector<HTMLTextAreaElement>('textarea');
        if (note) note.value = '';
    }

    handleClose(): void {
        this.dispatchEvent(new CustomEvent('close'));
    }

    handleFieldChange(event: Event): void {
        // native selects and lightning-input both carry data-field; a checkbox reports `checked`
        const target = event.target as HTMLInputElement;
        const key = target.dataset.field!;
        const value: string | boolean = target.type === 'checkbox' ? !!target.checked : (target.value ?? '');
        this.changes = { ...this.changes, [key]: value };
        this.message = '';
    }

    handleOwnerToggle(): void {
        this.findingOwner = !this.findingOwner;
        this.ownerQuery = '';
        this.ownerMatches = [];
    }

    /** Searches our active users; an answer to an earlier keystroke is dropped. */
    async handleOwnerFind(event: Event): Promise<void> {
        const query = (event.target as HTMLInputElement).value ?? '';
        const search = ++this.ownerSearch;
        this.ownerQuery = query;
        if (!query.trim()) {
            this.ownerMatches = [];
            return;
        }
        try {
            const found = await findRelationshipOwners({ query });
            if (search === this.ownerSearch) this.ownerMatches = found ?? [];
        } catch (error) {
            if (search !== this.ownerSearch) return;
            this.ownerMatches = [];
            this.feedbackAt = 'attributes';
            this.error = errorMessage(error);
        }
    }

    handleOwnerChoose(event: Event): void {
        const chosen = this.ownerMatches.find(
            (owner) => owner.id === (event.currentTarget as HTMLElement).dataset.ownerId
        );
        // a match has the id its button carries, so it is never null here; this tells the compiler
        if (!chosen?.id) return;
        this.chosenOwner = chosen;
        this.changes = { ...this.changes, relationshipOwnerId: chosen.id };
        this.findingOwner = false;
        this.ownerMatches = [];
        this.message = '';
    }

    handleOwnerClear(): void {
        this.chosenOwner = undefined;
        this.changes = { ...this.changes, relationshipOwnerId: '' };
        this.findingOwner = false;
        this.ownerMatches = [];
        this.message = '';
    }

    async handleSave(): Promise<void> {
        const person = this.stakeholder;
        if (!person || !this.hasChanges) return;
        await this.run('attributes', async () => {
            const view = toStakeholder(
                await saveStakeholder({
                    contactId: person.id,
                    changes: this.changes,
                    // the version this panel shows: a save over someone else's newer edit is refused
                    version: person.version ?? null
                })
            );
            this.changes = {};
            this.chosenOwner = undefined;
            this.message = savedLabel;
            this.dispatchEvent(new CustomEvent('stakeholderchange', { detail: { stakeholder: view } }));
        });
    }

    handleObservationChange(event: Event): void {
        const target = event.target as HTMLInputElement;
        if (target.dataset.field === 'observedStance') this.observedStance = target.value;
        else if (target.dataset.field === 'observedOn') this.observedOn = target.value;
        else this.observationNote = target.value;
    }

    async handleRecord(): Promise<void> {
        const person = this.stakeholder;
        if (!person || !this.observedStance) return;
        const observed = this.observedStance;
        await this.run('observation', async () => {
            const view = toStakeholder(
                await recordStance({
                    contactId: person.id,
                    stance: this.observedStance,
                    observedOn: this.observedOn || null,
                    note: this.observationNote || null
                })
            );
            this.observedStance = '';
            this.clearNote();
            const outcome = observationOutcome(observed, view);
            this.message = !outcome.stance
                ? recordedLabel
                : formatLabel(
                      outcome.becameStance ? stanceNowLabel : stanceKeptLabel,
                      this.stanceLabelOf(outcome.stance)
                  );
            this.dispatchEvent(new CustomEvent('stakeholderchange', { detail: { stakeholder: view } }));
        });
    }

    handlePickManager(): void {
        this.startPicking('manager');
    }

    handlePickDotted(): void {
        this.startPicking('dotted');
    }

    private startPicking(purpose: PickPurpose): void {
        this.pickPurpose = this.pickPurpose === purpose ? undefined : purpose;
        this.matches = [];
        this.error = '';
    }

    handleFind(event: Event): void {
        const query = (event.target as HTMLInputElement).value ?? '';
        const self = this.stakeholder?.id;
        this.matches = query.trim()
            ? this.findPeople(query)
                  .filter((person) => person.id !== self)
                  .slice(0, 8)
            : [];
    }

    async handleChoose(event: Event): Promise<void> {
        const chosen = this.matches.find(
            (person) => person.id === (event.currentTarget as HTMLElement).dataset.id
        );
        const person = this.stakeholder;
        if (!chosen || !person) return;
        if (this.pickPurpose === 'manager') {
            this.pickPurpose = undefined;
            this.dispatchEvent(
                new CustomEvent('move', { detail: { contactId: person.id, managerId: chosen.id } })
            );
            return;
        }
        await this.run('links', async () => {
            const link = toLink(
                await addDottedLine({
                    accountId: this.accountId ?? null,
                    contactId: person.id,
                    managerId: chosen.id
                })
            );
            this.pickPurpose = undefined;
            this.message = formatLabel(dottedLineAddedLabel, chosen.name);
            this.dispatchEvent(new CustomEvent('linkadd', { detail: { link } }));
        });
    }

    private stanceLabelOf(value: string): string {
        return (this.picklists?.stance ?? []).find((option) => option.value === value)?.label ?? value;
    }

    /** One save at a time; a failure keeps the rep's input and says what is wrong next to its form. */
    private async run(at: FeedbackAt, work: () => Promise<void>): Promise<void> {
        this.feedbackAt = at;
        this.saving = true;
        this.error = '';
        this.message = '';
        try {
            await work();
        } catch (error) {
            this.error = errorMessage(error);
        } finally {
            this.saving = false;
        }
    }
}
