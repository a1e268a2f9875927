// The plan's SWOT+ board: one column per category, cards with priority and response, add and edit in a
// form, drag a card to another column (or "Move to…" from its menu, by keyboard), delete after a
// confirmation. The rules live in swotBoardModel; this component wires and draws.
import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import type { SwotItemService_Board, SwotItemService_StakeholderOption } from '@salesforce/apex/types';
import getBoard from '@salesforce/apex/SwotBoardController.getBoard';
import findStakeholders from '@salesforce/apex/SwotBoardController.findStakeholders';
import saveItem from '@salesforce/apex/SwotBoardController.saveItem';
import deleteItem from '@salesforce/apex/SwotBoardController.deleteItem';
import {
    buildColumns,
    cardsById,
    categoriesOf,
    cellChoicesOf,
    draftOf,
    inputOf,
    isMove,
    moveInput,
    newDraft,
    prioritiesOf,
    type Choice,
    type SwotCard,
    type SwotColumn,
    type SwotDraft
} from './swotBoardModel';
import { errorMessage, formatLabel } from 'c/keystoneText';
import titleLabel from '@salesforce/label/c.Keystone_Swot_Title';
import loadingLabel from '@salesforce/label/c.Keystone_Swot_Loading';
import noAccessLabel from '@salesforce/label/c.Keystone_Swot_No_Access';
import noPlanLabel from '@salesforce/label/c.Keystone_Swot_No_Plan';
import emptyLabel from '@salesforce/label/c.Keystone_Swot_Empty';
import emptyColumnLabel from '@salesforce/label/c.Keystone_Swot_Empty_Column';
import emptyColumnDropLabel from '@salesforce/label/c.Keystone_Swot_Empty_Column_Drop';
import addLabel from '@salesforce/label/c.Keystone_Swot_Add';
import addToLabel from '@salesforce/label/c.Keystone_Swot_Add_To';
import newItemLabel from '@salesforce/label/c.Keystone_Swot_New_Item';
import editItemLabel from '@salesforce/label/c.Keystone_Swot_Edit_Item';
import editLabel from '@salesforce/label/c.Keystone_Swot_Edit';
import deleteLabel from '@salesforce/label/c.Keystone_Swot_Delete';
import moveToLabel from '@salesforce/label/c.Keystone_Swot_Move_To';
import cardActionsLabel from '@salesforce/label/c.Keystone_Swot_Card_Actions';
import categoryLabel from '@salesforce/label/c.Keystone_Swot_Category';
import priorityLabel from '@salesforce/label/c.Keystone_Swot_Priority';
import descriptionLabel from '@salesforce/label/c.Keystone_Swot_Description';
import responseLabel from '@salesforce/label/c.Keystone_Swot_Response';
import competitorLabel from '@salesforce/label/c.Keystone_Swot_Competitor';
import stakeholderLabel from '@salesforce/label/c.Keystone_Swot_Stakeholder';
import cellLabel from '@salesforce/label/c.Keystone_Swot_Landscape_Cell';
import findStakeholderLabel from '@salesforce/label/c.Keystone_Swot_Find_Stakeholder';
import noStakeholderMatchesLabel from '@salesforce/label/c.Keystone_Swot_No_Stakeholder_Matches';
import clearStakeholderLabel from '@salesforce/label/c.Keystone_Swot_Clear_Stakeholder';
import noCellLabel from '@salesforce/label/c.Keystone_Swot_No_Cell';
import moreCellsLabel from '@salesforce/label/c.Keystone_Swot_More_Cells';
import moreItemsLabel from '@salesforce/label/c.Keystone_Swot_More_Items';
import deleteConfirmLabel from '@salesforce/label/c.Keystone_Swot_Delete_Confirm';
import savedLabel from '@salesforce/label/c.Keystone_Swot_Saved';
import movedLabel from '@salesforce/label/c.Keystone_Swot_Moved';
import deletedLabel from '@salesforce/label/c.Keystone_Swot_Deleted';
import dragHintLabel from '@salesforce/label/c.Keystone_Swot_Drag_Hint';
import responsePrefixLabel from '@salesforce/label/c.Keystone_Swot_Response_Prefix';
import priorityBadgeLabel from '@salesforce/label/c.Keystone_Swot_Priority_Badge';
import itemCountLabel from '@salesforce/label/c.Keystone_Swot_Item_Count';
import cancelLabel from '@salesforce/label/c.Keystone_Cancel';
import saveLabel from '@salesforce/label/c.Keystone_Save';
import type { ApexWireResult } from '../../types/apex-method';

// the cells the server offers at most (SwotItemService.MAX_CELL_OPTIONS) and items it shows (MAX_ITEMS)
const MAX_CELL_OPTIONS = 500;
const MAX_ITEMS = 1000;

type DraftField = keyof Pick<
    SwotDraft,
    'category' | 'priority' | 'description' | 'response' | 'competitor' | 'landscapeCellId'
>;

/** A column as the template draws it. */
interface ColumnView extends SwotColumn {
    key: string;
    className: string;
    addLabel: string;
    countLabel: string;
    emptyText: string;
    cards: CardView[];
}

/** A card as the template draws it. */
interface CardView extends SwotCard {
    className: string;
    priorityClass: string;
    priorityText: string;
    actionsLabel: string;
    hasResponse: boolean;
    hasCompetitor: boolean;
    hasStakeholder: boolean;
    hasCell: boolean;
    menuItems: { value: string; label: string; key: string }[];
}

export default class PlanSwotBoard extends LightningElement {
    private currentPlanId?: string;

    /**
     * The Account_Plan__c whose board this is. The same instance can be given another plan: the wire
     * reloads, and a half-filled form, a pending confirmation or a search for the old plan are dropped.
     */
    @api
    get planId(): string | undefined {
        return this.currentPlanId;
    }
    set planId(value: string | undefined) {
        if (value === this.currentPlanId) return;
        this.currentPlanId = value;
        this.draft = null;
        this.formError = '';
        this.actionError = '';
        this.confirmingId = '';
        this.stakeholderMatches = [];
        this.searchedStakeholders = false;
        this.searchSequence++;
    }

    /** The wired board as the wire service delivered it (kept whole for refreshApex). */
    @wire(getBoard, { planId: '$planId' })
    boardResult?: ApexWireResult<SwotItemService_Board>;

    readonly labels = {
        titleLabel,
        loadingLabel,
        noAccessLabel,
        noPlanLabel,
        emptyLabel,
        addLabel,
        newItemLabel,
        editItemLabel,
        deleteLabel,
        categoryLabel,
        priorityLabel,
        descriptionLabel,
        responseLabel,
        competitorLabel,
        stakeholderLabel,
        cellLabel,
        findStakeholderLabel,
        noStakeholderMatchesLabel,
        clearStakeholderLabel,
        dragHintLabel,
        responsePrefixLabel,
        cancelLabel,
        saveLabel
    };

    draft: SwotDraft | null = null;
    formError = '';
    actionError = '';
    isSaving = false;
    confirmingId = '';
    draggingId = '';
    dropTarget = '';
    stakeholderMatches: SwotItemService_StakeholderOption[] = [];
    searchedStakeholders = false;
    private searchSequence = 0;

    get board(): SwotItemService_Board | undefined {
        return this.boardResult?.data ?? undefined;
    }

    get hasPlan(): boolean {
        return !!this.currentPlanId;
    }

    get isLoading(): boolean {
        return this.hasPlan && (!this.boardResult || (!this.boardResult.data && !this.boardResult.error));
    }

    get loadError(): string {
        return this.boardResult?.error ? errorMessage(this.boardResult.error) : '';
    }

    get hasLoadError(): boolean {
        return this.hasPlan && !!this.loadError;
    }

    get noAccess(): boolean {
        return !!this.board && this.board.canRead !== true;
    }

    get hasBoard(): boolean {
        return !!this.board && this.board.canRead === true;
    }

    get canCreate(): boolean {
        return this.board?.canCreate === true;
    }

    get canEdit(): boolean {
        return this.board?.canEdit === true;
    }

    get canDelete(): boolean {
        return this.board?.canDelete === true;
    }

    /** HTML's draggable is "true" or "false", not a boolean attribute. */
    get draggableValue(): string {
        return this.canEdit ? 'true' : 'false';
    }

    get hasCardActions(): boolean {
        return this.canEdit || this.canDelete;
    }

    get isEmpty(): boolean {
        return this.hasBoard && (this.board?.items ?? []).length === 0;
    }

    get moreItemsText(): string {
        return this.board?.moreItems ? formatLabel(moreItemsLabel, MAX_ITEMS) : '';
    }

    get moreCellsText(): string {
        return this.board?.moreCells ? formatLabel(moreCellsLabel, MAX_CELL_OPTIONS) : '';
    }

    private get columnModels(): SwotColumn[] {
        return buildColumns(this.board);
    }

    get columns(): ColumnView[] {
        const canEdit = this.canEdit;
        return this.columnModels.map((column) => ({
            ...column,
            key: column.value,
            className: `column${this.dropTarget === column.value ? ' column_drop' : ''}`,
            addLabel: formatLabel(addToLabel, column.label),
            countLabel: formatLabel(itemCountLabel, column.cards.length),
            emptyText: canEdit || this.canCreate ? emptyColumnDropLabel : emptyColumnLabel,
            cards: column.cards.map((card) => this.cardView(card))
        }));
    }

    private cardView(card: SwotCard): CardView {
        const menuItems: CardView['menuItems'] = [];
        if (this.canEdit) {
            menuItems.push({ value: 'edit', label: editLabel, key: 'edit' });
            card.moveTargets.forEach((target) =>
                menuItems.push({
                    value: `move:${target.value}`,
                    label: formatLabel(moveToLabel, target.label),
                    key: `move:${target.value}`
                })
            );
        }
        if (this.canDelete) {
            menuItems.push({ value: 'delete', label: deleteLabel, key: 'delete' });
        }
        const priority = card.priority.toLowerCase();
        return {
            ...card,
            className: `card slds-box slds-box_x-small${this.draggingId === card.id ? ' card_dragging' : ''}`,
            priorityClass: `priority priority_${priority || 'none'}`,
            priorityText: card.priority ? formatLabel(priorityBadgeLabel, card.priority) : '',
            actionsLabel: formatLabel(cardActionsLabel, card.description || card.name),
            hasResponse: !!card.response,
            hasCompetitor: !!card.competitor,
            hasStakeholder: !!card.stakeholderLabel,
            hasCell: !!card.landscapeCellName,
            menuItems
        };
    }

    get confirmText(): string {
        const card = cardsById(this.columnModels).get(this.confirmingId);
        return card ? formatLabel(deleteConfirmLabel, card.description || card.name) : '';
    }

    get isConfirming(): boolean {
        return !!this.confirmingId && !!this.confirmText;
    }

    // ----- form -----

    get isEditingForm(): boolean {
        return !!this.draft;
    }

    get formTitle(): string {
        return this.draft?.id ? editItemLabel : newItemLabel;
    }

    get categoryOptions(): Choice[] {
        return categoriesOf(this.board);
    }

    get priorityOptions(): Choice[] {
        return prioritiesOf(this.board);
    }

    get cellOptions(): Choice[] {
        return [{ value: '', label: noCellLabel }, ...cellChoicesOf(this.board)];
    }

    get isCompetitor(): boolean {
        return this.draft?.category === 'Competitor';
    }

    get hasFormError(): boolean {
        return !!this.formError;
    }

    get hasActionError(): boolean {
        return !!this.actionError;
    }

    get hasLinkedStakeholder(): boolean {
        return !!this.draft?.stakeholderId;
    }

    get noStakeholderMatches(): boolean {
        return this.searchedStakeholders && this.stakeholderMatches.length === 0;
    }

    handleAdd(event: Event): void {
        const category = (event.currentTarget as HTMLElement).dataset.category;
        this.openForm(newDraft(category ?? this.categoryOptions[0]?.value ?? ''));
    }

    private openForm(draft: SwotDraft): void {
        this.draft = draft;
        this.formError = '';
        this.actionError = '';
        this.confirmingId = '';
        this.stakeholderMatches = [];
        this.searchedStakeholders = false;
    }

    handleCancel(): void {
        this.draft = null;
        this.formError = '';
    }

    handleDraftChange(event: CustomEvent<{ value?: string }>): void {
        const field = (event.target as HTMLElement).dataset.field as DraftField | undefined;
        if (!this.draft || !field) return;
        this.draft = { ...this.draft, [field]: event.detail?.value ?? '' };
    }

    async handleStakeholderFind(event: CustomEvent<{ value?: string }>): Promise<void> {
        const planId = this.currentPlanId;
        const query = (event.detail?.value ?? '').trim();
        const sequence = ++this.searchSequence;
        if (!planId || !query) {
            this.stakeholderMatches = [];
            this.searchedStakeholders = false;
            return;
        }
        try {
            const matches = await findStakeholders({ planId, query });
            // a later keystroke, or another plan, made this answer stale
            if (sequence !== this.searchSequence) return;
            this.stakeholderMatches = (matches ?? []).filter(
                (match): match is SwotItemService_StakeholderOption => !!match?.id
            );
            this.searchedStakeholders = true;
        } catch (error) {
            if (sequence !== this.searchSequence) return;
            this.formError = errorMessage(error);
        }
    }

    handleStakeholderChoose(event: Event): void {
        const id = (event.currentTarget as HTMLElement).dataset.stakeholderId ?? '';
        const match = this.stakeholderMatches.find((option) => option.id === id);
        if (!this.draft || !match) return;
        const name = match.name ?? '';
        this.draft = {
            ...this.draft,
            stakeholderId: id,
            stakeholderLabel: match.title ? `${name} · ${match.title}` : name
        };
        this.stakeholderMatches = [];
        this.searchedStakeholders = false;
    }

    handleStakeholderClear(): void {
        if (!this.draft) return;
        this.draft = { ...this.draft, stakeholderId: '', stakeholderLabel: '' };
    }

    async handleSave(event?: Event): Promise<void> {
        event?.preventDefault();
        const planId = this.currentPlanId;
        if (!this.draft || !planId || this.isSaving) return;
        this.isSaving = true;
        this.formError = '';
        try {
            await saveItem({ input: { ...inputOf(this.draft, planId) } });
            if (planId !== this.currentPlanId) return;
            this.draft = null;
            await this.saved(savedLabel);
        } catch (error) {
            // the form stays open with what the user typed; nothing was saved
            if (planId === this.currentPlanId) this.formError = errorMessage(error);
        } finally {
            this.isSaving = false;
        }
    }

    // ----- card actions: menu, drag and drop, delete -----

    async handleCardAction(event: CustomEvent<{ value?: string }>): Promise<void> {
        const id = (event.currentTarget as HTMLElement).dataset.id ?? '';
        const action = event.detail?.value ?? '';
        const card = cardsById(this.columnModels).get(id);
        if (!card) return;
        if (action === 'edit') {
            this.openForm(draftOf(card));
        } else if (action === 'delete') {
            this.actionError = '';
            this.confirmingId = id;
        } else if (action.startsWith('move:')) {
            await this.move(card, action.slice('move:'.length));
        }
    }

    handleDragStart(event: DragEvent): void {
        const id = (event.currentTarget as HTMLElement).dataset.id ?? '';
        this.draggingId = id;
        if (event.dataTransfer) {
            event.dataTransfer.effectAllowed = 'move';
            event.dataTransfer.setData('text/plain', id);
        }
    }

    handleDragEnd(): void {
        this.draggingId = '';
        this.dropTarget = '';
    }

    handleDragOver(event: DragEvent): void {
        const category = (event.currentTarget as HTMLElement).dataset.category ?? '';
        const card = cardsById(this.columnModels).get(this.draggingId);
        if (!this.canEdit || !isMove(card, category)) return;
        // allowing the drop is what preventDefault means in HTML5 drag and drop
        event.preventDefault();
        if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
        this.dropTarget = category;
    }

    handleDragLeave(event: DragEvent): void {
        const category = (event.currentTarget as HTMLElement).dataset.category ?? '';
        if (this.dropTarget === category) this.dropTarget = '';
    }

    async handleDrop(event: DragEvent): Promise<void> {
        event.preventDefault();
        const category = (event.currentTarget as HTMLElement).dataset.category ?? '';
        const id = event.dataTransfer?.getData('text/plain') || this.draggingId;
        const card = cardsById(this.columnModels).get(id);
        this.draggingId = '';
        this.dropTarget = '';
        if (this.canEdit && isMove(card, category)) await this.move(card, category);
    }

    private async move(card: SwotCard, category: string): Promise<void> {
        const planId = this.currentPlanId;
        if (!planId) return;
        const target = this.categoryOptions.find((option) => option.value === category);
        this.actionError = '';
        try {
            await saveItem({ input: { ...moveInput(card, category, planId) } });
            if (planId !== this.currentPlanId) return;
            await this.saved(formatLabel(movedLabel, target?.label ?? category));
        } catch (error) {
            if (planId === this.currentPlanId) this.actionError = errorMessage(error);
        }
    }

    handleDeleteCancel(): void {
        this.confirmingId = '';
    }

    async handleDeleteConfirm(): Promise<void> {
        const planId = this.currentPlanId;
        const card = cardsById(this.columnModels).get(this.confirmingId);
        if (!card || !planId) return;
        this.actionError = '';
        try {
            await deleteItem({ itemId: card.id, version: card.version });
            if (planId !== this.currentPlanId) return;
            this.confirmingId = '';
            await this.saved(deletedLabel);
        } catch (error) {
            if (planId === this.currentPlanId) {
                this.confirmingId = '';
                this.actionError = errorMessage(error);
            }
        }
    }

    // every successful write: tell the workspace, then read the board again (cacheable results are cached)
    private async saved(message: string): Promise<void> {
        this.dispatchEvent(new ShowToastEvent({ title: message, variant: 'success' }));
        this.dispatchEvent(new CustomEvent('planchange', { bubbles: true, composed: true }));
        if (!this.boardResult) return;
        try {
            await refreshApex(this.boardResult);
        } catch {
            // the save stands; a failed reload shows as the board's own load error
        }
    }
}
