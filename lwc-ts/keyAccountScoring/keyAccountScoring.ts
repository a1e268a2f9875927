// The key-account scoring matrix on the Account page: every active criterion with its weight, score and
// comment (editable for managers), the total with "why" as contribution bars, the tier with how far the next
// promotion or demotion is, what is still unscored, and the relationship type with its reasons. Wires the
// server's view to c/keyAccountScoringModel and draws it; the rules are Apex's.
import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { registerRefreshHandler, unregisterRefreshHandler } from 'lightning/refresh';
import getScoring from '@salesforce/apex/KeyAccountScoringController.getScoring';
import saveScores from '@salesforce/apex/CriterionScoreController.saveScores';
import type { KeyAccountScoringService_ScoringView } from '@salesforce/apex/types';
import {
    buildScoringModel,
    draftsOf,
    inputsOf,
    type ScoreDraft,
    type ScoringModel,
    type ScoringTexts
} from 'c/keyAccountScoringModel';
import { errorMessage } from 'c/keystoneText';
import titleLabel from '@salesforce/label/c.Keystone_Scoring_Title';
import loadingLabel from '@salesforce/label/c.Keystone_Scoring_Loading';
import noReadAccessLabel from '@salesforce/label/c.Keystone_Scoring_No_Read_Access';
import emptyLabel from '@salesforce/label/c.Keystone_Scoring_Empty';
import criterionLabel from '@salesforce/label/c.Keystone_Scoring_Criterion';
import weightHeaderLabel from '@salesforce/label/c.Keystone_Scoring_Weight_Header';
import scoreLabel from '@salesforce/label/c.Keystone_Scoring_Score';
import commentLabel from '@salesforce/label/c.Keystone_Scoring_Comment';
import notScoredLabel from '@salesforce/label/c.Keystone_Scoring_Not_Scored';
import editLabel from '@salesforce/label/c.Keystone_Scoring_Edit';
import saveLabel from '@salesforce/label/c.Keystone_Scoring_Save';
import cancelLabel from '@salesforce/label/c.Keystone_Scoring_Cancel';
import savedLabel from '@salesforce/label/c.Keystone_Scoring_Saved';
import readOnlyLabel from '@salesforce/label/c.Keystone_Scoring_Read_Only';
import totalLabel from '@salesforce/label/c.Keystone_Scoring_Total';
import tierLabel from '@salesforce/label/c.Keystone_Scoring_Tier';
import whyLabel from '@salesforce/label/c.Keystone_Scoring_Why';
import contributionLabel from '@salesforce/label/c.Keystone_Scoring_Contribution';
import missingLabel from '@salesforce/label/c.Keystone_Scoring_Missing';
import waitingLabel from '@salesforce/label/c.Keystone_Scoring_Waiting';
import promotionLabel from '@salesforce/label/c.Keystone_Scoring_Promotion';
import demotionLabel from '@salesforce/label/c.Keystone_Scoring_Demotion';
import topTierLabel from '@salesforce/label/c.Keystone_Scoring_Top_Tier';
import noTierLabel from '@salesforce/label/c.Keystone_Scoring_No_Tier';
import hysteresisLabel from '@salesforce/label/c.Keystone_Scoring_Hysteresis';
import relationshipLabel from '@salesforce/label/c.Keystone_Scoring_Relationship';
import relationshipLevelLabel from '@salesforce/label/c.Keystone_Scoring_Relationship_Level';
import reasonLevelLabel from '@salesforce/label/c.Keystone_Scoring_Reason_Level';
import reasonNextLabel from '@salesforce/label/c.Keystone_Scoring_Reason_Next';
import weightLabel from '@salesforce/label/c.Keystone_Scoring_Weight';
import scoreRangeLabel from '@salesforce/label/c.Keystone_Scoring_Score_Range';
import commentTooLongLabel from '@salesforce/label/c.Keystone_Scoring_Comment_Too_Long';
import tier1Label from '@salesforce/label/c.Keystone_Scoring_Tier_1';
import tier2Label from '@salesforce/label/c.Keystone_Scoring_Tier_2';
import tier3Label from '@salesforce/label/c.Keystone_Scoring_Tier_3';
import notKeyLabel from '@salesforce/label/c.Keystone_Scoring_Not_Key';
import tacticalLabel from '@salesforce/label/c.Keystone_Relationship_Tactical';
import cooperativeLabel from '@salesforce/label/c.Keystone_Relationship_Cooperative';
import interdependentLabel from '@salesforce/label/c.Keystone_Relationship_Interdependent';
import strategicLabel from '@salesforce/label/c.Keystone_Relationship_Strategic';
import { formatLabel } from 'c/keystoneText';
import type { ApexWireResult } from '../../types/apex-method';

const TEXTS: ScoringTexts = {
    contribution: contributionLabel,
    why: whyLabel,
    missing: missingLabel,
    waiting: waitingLabel,
    promotion: promotionLabel,
    demotion: demotionLabel,
    topTier: topTierLabel,
    noTier: noTierLabel,
    reasonLevel: reasonLevelLabel,
    reasonNext: reasonNextLabel,
    weight: weightLabel,
    invalidScore: scoreRangeLabel,
    commentTooLong: commentTooLongLabel,
    names: {
        'Tier 1': tier1Label,
        'Tier 2': tier2Label,
        'Tier 3': tier3Label,
        'Not Key': notKeyLabel,
        Tactical: tacticalLabel,
        Cooperative: cooperativeLabel,
        Interdependent: interdependentLabel,
        Strategic: strategicLabel
    }
};

export default class KeyAccountScoring extends LightningElement {
    /** The Account Id the record page sets; the wire reloads for a new one and drops answers for the old. */
    @api recordId?: string;

    /** The wired view as the wire service delivered it (kept whole for refreshApex). */
    @wire(getScoring, { accountId: '$recordId' })
    viewResult?: ApexWireResult<KeyAccountScoringService_ScoringView>;

    readonly labels = {
        titleLabel,
        loadingLabel,
        noReadAccessLabel,
        emptyLabel,
        criterionLabel,
        weightHeaderLabel,
        scoreLabel,
        commentLabel,
        notScoredLabel,
        editLabel,
        saveLabel,
        cancelLabel,
        readOnlyLabel,
        totalLabel,
        tierLabel,
        hysteresisLabel,
        relationshipLabel
    };

    /** The typed scores while editing; null when not editing. */
    drafts: ScoreDraft[] | null = null;
    formError = '';
    saving = false;

    private refreshHandlerId?: number;
    private editingFor?: string;

    override connectedCallback(): void {
        // the page's Refresh asks the server again: another manager may have re-scored the account
        this.refreshHandlerId = registerRefreshHandler(this, async () => {
            if (this.viewResult) await refreshApex(this.viewResult);
            return true;
        });
    }

    override disconnectedCallback(): void {
        unregisterRefreshHandler(this.refreshHandlerId);
        this.refreshHandlerId = undefined;
    }

    get view(): KeyAccountScoringService_ScoringView | undefined {
        const view = this.viewResult?.data ?? undefined;
        // an answer for an earlier record is not this record's
        return view && (!this.recordId || !view.accountId || sameId(view.accountId, this.recordId))
            ? view
            : undefined;
    }

    get isLoading(): boolean {
        return !!this.recordId && !this.view && !this.viewResult?.error;
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

    get configurationError(): string {
        return this.view?.configurationError ?? '';
    }

    get isEmpty(): boolean {
        return !!this.view && this.view.canRead !== false && (this.view.rows ?? []).length === 0;
    }

    get model(): ScoringModel | null {
        const view = this.view;
        return view && view.canRead !== false && (view.rows ?? []).length > 0
            ? buildScoringModel(view, TEXTS)
            : null;
    }

    get canEdit(): boolean {
        return this.view?.canEdit === true && !this.configurationError;
    }

    get showReadOnlyNote(): boolean {
        return this.view?.canEdit === false;
    }

    get isEditing(): boolean {
        return this.drafts !== null && this.editingFor === this.recordId;
    }

    get isReading(): boolean {
        return !this.isEditing;
    }

    get relationshipLevelText(): string {
        const level = this.model?.relationshipLevelText;
        return level ? formatLabel(relationshipLevelLabel, level) : '';
    }

    handleEdit(): void {
        const view = this.view;
        if (!view) return;
        this.drafts = draftsOf(view);
        this.editingFor = this.recordId;
        this.formError = '';
    }

    handleCancel(): void {
        this.drafts = null;
        this.formError = '';
    }

    handleScoreChange(event: CustomEvent<{ value: string }>): void {
        this.updateDraft(event, 'score');
    }

    handleCommentChange(event: CustomEvent<{ value: string }>): void {
        this.updateDraft(event, 'comment');
    }

    private updateDraft(event: CustomEvent<{ value: string }>, field: 'score' | 'comment'): void {
        const criterion = (event.currentTarget as HTMLElement).dataset.criterion;
        const value = event.detail?.value ?? (event.target as HTMLInputElement).value ?? '';
        this.drafts = (this.drafts ?? []).map((draft) => {
            return draft.criterion === criterion ? { ...draft, [field]: String(value ?? '') } : draft;
        });
    }

    /** The message for the first score the input itself refuses (a browser keeps an out-of-range number to itself). */
    private refusedByInput(): string {
        const inputs = Array.from(
            this.template?.querySelectorAll<ValidatedInput>('lightning-input[data-field="score"]') ?? []
        );
        // a stand-in without validity (tests) answers undefined: only an explicit false refuses
        const refused = inputs.find((input) => input.reportValidity?.() === false);
        if (!refused) return '';
        const draft = (this.drafts ?? []).find((item) => item.criterion === refused.dataset.criterion);
        return formatLabel(scoreRangeLabel, draft?.label ?? '');
    }

    async handleSave(): Promise<void> {
        const accountId = this.recordId;
        if (!accountId || !this.drafts || this.saving) return;
        const refused = this.refusedByInput();
        const { inputs, error } = refused ? { inputs: [], error: refused } : inputsOf(this.drafts, TEXTS);
        if (error) {
            this.formError = error;
            return;
        }
        this.saving = true;
        this.formError = '';
        try {
            await saveScores({ accountId, scores: inputs });
            if (accountId !== this.recordId) return;
            this.drafts = null;
            this.dispatchEvent(new ShowToastEvent({ title: savedLabel, message: '', variant: 'success' }));
            // the total, tier and relationship come from the server: never show the cached ones after a save
            if (this.viewResult) await refreshApex(this.viewResult);
        } catch (failure) {
            if (accountId === this.recordId) this.formError = errorMessage(failure);
        } finally {
            this.saving = false;
        }
    }
}

type ValidatedInput = HTMLElement & { reportValidity?: () => boolean };

function sameId(a: string, b: string): boolean {
    return a.slice(0, 15) === b.slice(0, 15);
}
