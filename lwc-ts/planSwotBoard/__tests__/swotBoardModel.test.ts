import {
    buildColumns,
    categoriesOf,
    inputOf,
    isMove,
    moveInput,
    newDraft,
    priorityRank,
    type SwotCard
} from '../swotBoardModel';
import type { SwotItemService_Board, SwotItemService_ItemView } from '@salesforce/apex/types';

function item(overrides: Partial<SwotItemService_ItemView>): SwotItemService_ItemView {
    return {
        id: 'i',
        name: 'SWOT-1',
        category: 'Strength',
        priority: null,
        description: 'd',
        response: null,
        competitor: null,
        stakeholderId: null,
        stakeholderName: null,
        stakeholderTitle: null,
        landscapeCellId: null,
        landscapeCellName: null,
        version: '2026-11-01T10:00:00.000Z',
        ...overrides
    };
}

function boardWith(
    items: SwotItemService_ItemView[],
    categories = ['Strength', 'Weakness']
): SwotItemService_Board {
    return {
        planId: 'p',
        planName: 'Plan',
        accountId: 'a',
        canRead: true,
        canCreate: true,
        canEdit: true,
        canDelete: true,
        categories: categories.map((value) => ({ value, label: value })),
        priorities: [],
        items,
        moreItems: false,
        cellOptions: [],
        moreCells: false
    };
}

describe('swotBoardModel', () => {
    it.each([
        ['High', 0],
        ['Medium', 1],
        ['Low', 2],
        [null, 3],
        ['Urgent', 3]
    ])('ranks priority %s as %i', (priority, rank) => {
        expect(priorityRank(priority)).toBe(rank);
    });

    it("keeps the admin's category order and adds a column for a retired category an item still has", () => {
        const board = boardWith([item({ id: 'x', category: 'Rumour' })]);
        expect(categoriesOf(board).map((category) => category.value)).toEqual([
            'Strength',
            'Weakness',
            'Rumour'
        ]);
    });

    it('orders cards by priority, then as the server sent them; drops rows without an id or category', () => {
        const columns = buildColumns(
            boardWith([
                item({ id: 'a', priority: 'Low' }),
                item({ id: 'b', priority: null }),
                item({ id: 'c', priority: 'High' }),
                item({ id: 'd', priority: 'Low' }),
                item({ id: null }),
                item({ id: 'e', category: null })
            ])
        );
        expect(columns.map((column) => column.cards.map((card) => card.id))).toEqual([
            ['c', 'a', 'd', 'b'],
            []
        ]);
        expect(columns.map((column) => column.isEmpty)).toEqual([false, true]);
    });

    it('offers every other category as a move target', () => {
        const [strengths] = buildColumns(boardWith([item({ id: 'a' })], ['Strength', 'Weakness', 'Threat']));
        expect(strengths?.cards[0]?.moveTargets.map((target) => target.value)).toEqual([
            'Weakness',
            'Threat'
        ]);
    });

    it('names a linked person with their title, or alone', () => {
        const [column] = buildColumns(
            boardWith([
                item({ id: 'a', stakeholderName: 'Priya Natarajan', stakeholderTitle: 'Deputy CIO' }),
                item({ id: 'b', stakeholderName: 'Victor Hale' })
            ])
        );
        expect(column?.cards.map((card) => card.stakeholderLabel)).toEqual([
            'Priya Natarajan · Deputy CIO',
            'Victor Hale'
        ]);
    });

    it('sends trimmed text, and empty text and links as null', () => {
        const draft = {
            ...newDraft('Threat'),
            description: '  Leaves  ',
            response: '   ',
            stakeholderId: ''
        };
        expect(inputOf(draft, 'p')).toEqual({
            id: null,
            planId: 'p',
            category: 'Threat',
            priority: 'Medium',
            description: 'Leaves',
            response: null,
            competitor: null,
            stakeholderId: null,
            landscapeCellId: null,
            version: null
        });
    });

    it('moves a card with everything it has and the version it was shown with', () => {
        const [column] = buildColumns(
            boardWith([
                item({ id: 'a', response: 'r', competitor: 'c', stakeholderId: 's', landscapeCellId: 'l' })
            ])
        );
        const card = column?.cards[0] as SwotCard;
        expect(moveInput(card, 'Weakness', 'p')).toEqual({
            id: 'a',
            planId: 'p',
            category: 'Weakness',
            priority: null,
            description: 'd',
            response: 'r',
            competitor: 'c',
            stakeholderId: 's',
            landscapeCellId: 'l',
            version: '2026-11-01T10:00:00.000Z'
        });
        expect(isMove(card, 'Weakness')).toBe(true);
        expect(isMove(card, 'Strength')).toBe(false);
        expect(isMove(undefined, 'Weakness')).toBe(false);
    });
});
