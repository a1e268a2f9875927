// The SWOT+ board's rules, DOM-free: the board's answer (every member may be null) turned into columns
// of cards in the admin's category order, cards ordered by priority, and what a save or a move sends.
import type {
    SwotItemService_Board,
    SwotItemService_ItemView,
    SwotItemService_Option
} from '@salesforce/apex/types';

/** A value and its label, with every null decided. */
export interface Choice {
    value: string;
    label: string;
}

/** One card of the board. */
export interface SwotCard {
    id: string;
    name: string;
    category: string;
    priority: string;
    description: string;
    response: string;
    competitor: string;
    stakeholderId: string;
    stakeholderName: string;
    /** "Name · Title", or the name alone. */
    stakeholderLabel: string;
    landscapeCellId: string;
    landscapeCellName: string;
    version: string | null;
    /** The other categories, where the card's "Move to…" menu can send it. */
    moveTargets: Choice[];
}

/** One column: a category with its cards. */
export interface SwotColumn {
    value: string;
    label: string;
    cards: SwotCard[];
    isEmpty: boolean;
}

/**
 * What the board sends to SwotBoardController.saveItem (Apex SwotItemService.ItemInput): empty text and
 * links as null, so clearing a field clears it on the record.
 */
export interface SwotItemInput {
    id: string | null;
    planId: string | null;
    category: string;
    priority: string | null;
    description: string;
    response: string | null;
    competitor: string | null;
    stakeholderId: string | null;
    landscapeCellId: string | null;
    version: string | null;
}

/** What the add/edit form holds while the user types. */
export interface SwotDraft {
    id: string | null;
    category: string;
    priority: string;
    description: string;
    response: string;
    competitor: string;
    stakeholderId: string;
    stakeholderLabel: string;
    landscapeCellId: string;
    version: string | null;
}

const PRIORITY_RANK: Record<string, number> = { High: 0, Medium: 1, Low: 2 };

/** High before Medium before Low; no priority (or one an admin added) after them. */
export function priorityRank(priority: string | null | undefined): number {
    return priority && priority in PRIORITY_RANK ? (PRIORITY_RANK[priority] as number) : 3;
}

function toChoices(options: (SwotItemService_Option | null)[] | null | undefined): Choice[] {
    return (options ?? [])
        .filter((option): option is SwotItemService_Option => !!option?.value)
        .map((option) => ({
            value: option.value as string,
            label: option.label || (option.value as string)
        }));
}

/** The board's categories in order, with any category an item still has that is no longer active. */
export function categoriesOf(board: SwotItemService_Board | null | undefined): Choice[] {
    const categories = toChoices(board?.categories);
    const known = new Set(categories.map((category) => category.value));
    for (const item of board?.items ?? []) {
        const category = item?.category;
        if (category && !known.has(category)) {
            // a value an admin deactivated keeps its items visible in a column of its own
            known.add(category);
            categories.push({ value: category, label: category });
        }
    }
    return categories;
}

/** The priorities a user may choose. */
export function prioritiesOf(board: SwotItemService_Board | null | undefined): Choice[] {
    return toChoices(board?.priorities);
}

/** The landscape cells a user may link, named buying center × offering. */
export function cellChoicesOf(board: SwotItemService_Board | null | undefined): Choice[] {
    return toChoices(board?.cellOptions);
}

function toCard(item: SwotItemService_ItemView, categories: Choice[]): SwotCard | null {
    if (!item.id || !item.category) return null;
    const name = item.stakeholderName ?? '';
    return {
        id: item.id,
        name: item.name ?? '',
        category: item.category,
        priority: item.priority ?? '',
        description: item.description ?? '',
        response: item.response ?? '',
        competitor: item.competitor ?? '',
        stakeholderId: item.stakeholderId ?? '',
        stakeholderName: name,
        stakeholderLabel: name && item.stakeholderTitle ? `${name} · ${item.stakeholderTitle}` : name,
        landscapeCellId: item.landscapeCellId ?? '',
        landscapeCellName: item.landscapeCellName ?? '',
        version: item.version ?? null,
        moveTargets: categories.filter((category) => category.value !== item.category)
    };
}

/**
 * The board's columns: one per category in the admin's order, each card under its category, higher
 * priority first and otherwise in the order the server sent (oldest first).
 */
export function buildColumns(board: SwotItemService_Board | null | undefined): SwotColumn[] {
    const categories = categoriesOf(board);
    const byCategory = new Map<string, SwotCard[]>(categories.map((category) => [category.value, []]));
    (board?.items ?? []).forEach((item) => {
        const card = item ? toCard(item, categories) : null;
        if (card) byCategory.get(card.category)?.push(card);
    });
    return categories.map((category) => {
        const cards = (byCategory.get(category.value) ?? [])
            .map((card, index) => ({ card, index }))
            .sort(
                (a, b) => priorityRank(a.card.priority) - priorityRank(b.card.priority) || a.index - b.index
            )
            .map(({ card }) => card);
        return { ...category, cards, isEmpty: cards.length === 0 };
    });
}

function orNull(text: string): string | null {
    const trimmed = text.trim();
    return trimmed ? trimmed : null;
}

/** A new item's draft in a category, Medium priority as the field's default. */
export function newDraft(category: string): SwotDraft {
    return {
        id: null,
        category,
        priority: 'Medium',
        description: '',
        response: '',
        competitor: '',
        stakeholderId: '',
        stakeholderLabel: '',
        landscapeCellId: '',
        version: null
    };
}

/** An existing card's draft, to edit it. */
export function draftOf(card: SwotCard): SwotDraft {
    return {
        id: card.id,
        category: card.category,
        priority: card.priority,
        description: card.description,
        response: card.response,
        competitor: card.competitor,
        stakeholderId: card.stakeholderId,
        stakeholderLabel: card.stakeholderLabel,
        landscapeCellId: card.landscapeCellId,
        version: card.version
    };
}

/** What the form saves; the server validates (description, competitor, the account of the links). */
export function inputOf(draft: SwotDraft, planId: string): SwotItemInput {
    return {
        id: draft.id,
        planId,
        category: draft.category,
        priority: orNull(draft.priority),
        description: draft.description.trim(),
        response: orNull(draft.response),
        competitor: orNull(draft.competitor),
        stakeholderId: orNull(draft.stakeholderId),
        landscapeCellId: orNull(draft.landscapeCellId),
        version: draft.version
    };
}

/** A move: the card as it is, in another category, with the version the board showed. */
export function moveInput(card: SwotCard, category: string, planId: string): SwotItemInput {
    return inputOf({ ...draftOf(card), category }, planId);
}

/** Whether dropping the card on a column moves it (a drop on its own column changes nothing). */
export function isMove(card: SwotCard | undefined, category: string): card is SwotCard {
    return !!card && !!category && card.category !== category;
}

/** Every card of the board by Id. */
export function cardsById(columns: SwotColumn[]): Map<string, SwotCard> {
    return new Map(columns.flatMap((column) => column.cards.map((card) => [card.id, card] as const)));
}
