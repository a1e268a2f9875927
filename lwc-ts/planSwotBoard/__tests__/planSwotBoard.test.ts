import { createElement } from 'lwc';
import PlanSwotBoard from 'c/planSwotBoard';
import getBoard from '@salesforce/apex/SwotBoardController.getBoard';
import findStakeholders from '@salesforce/apex/SwotBoardController.findStakeholders';
import saveItem from '@salesforce/apex/SwotBoardController.saveItem';
import deleteItem from '@salesforce/apex/SwotBoardController.deleteItem';
import { refreshApex } from '@salesforce/apex';
import board from './data/board.json';
import noAccessLabel from '@salesforce/label/c.Keystone_Swot_No_Access';
import noPlanLabel from '@salesforce/label/c.Keystone_Swot_No_Plan';
import emptyLabel from '@salesforce/label/c.Keystone_Swot_Empty';
import emptyColumnDropLabel from '@salesforce/label/c.Keystone_Swot_Empty_Column_Drop';
import emptyColumnLabel from '@salesforce/label/c.Keystone_Swot_Empty_Column';

jest.mock(
    '@salesforce/apex/SwotBoardController.getBoard',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
jest.mock('@salesforce/apex/SwotBoardController.findStakeholders', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/SwotBoardController.saveItem', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/SwotBoardController.deleteItem', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

interface TestWireAdapter {
    emit(value: unknown): void;
    error(body?: unknown, status?: number, statusText?: string): void;
    getLastConfig(): Record<string, unknown>;
}
const wire = getBoard as unknown as TestWireAdapter;
const findMock = findStakeholders as unknown as jest.Mock;
const saveMock = saveItem as unknown as jest.Mock;
const deleteMock = deleteItem as unknown as jest.Mock;
const refreshMock = refreshApex as unknown as jest.Mock;

const PLAN = 'a01000000000001AAA';
const CATEGORIES = [
    'Strength',
    'Weakness',
    'Opportunity',
    'Threat',
    'Obstacle',
    'Objection',
    'Red Flag',
    'Competitor'
];

type BoardElement = HTMLElement & { planId?: string };

function mount(planId: string | null = PLAN): BoardElement {
    const element = createElement('c-plan-swot-board', { is: PlanSwotBoard }) as BoardElement;
    if (planId) element.planId = planId;
    document.body.appendChild(element);
    return element;
}

function all(element: HTMLElement, selector: string): HTMLElement[] {
    return Array.from(element.shadowRoot?.querySelectorAll<HTMLElement>(selector) ?? []);
}

function one(element: HTMLElement, selector: string): HTMLElement | null {
    return element.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
}

function column(element: HTMLElement, category: string): HTMLElement {
    const found = one(element, `section[data-category="${category}"]`);
    if (!found) throw new Error(`no column ${category}`);
    return found;
}

function card(element: HTMLElement, id: string): HTMLElement {
    const found = one(element, `li[data-id="${id}"]`);
    if (!found) throw new Error(`no card ${id}`);
    return found;
}

function texts(nodes: HTMLElement[]): string[] {
    return nodes.map((node) => (node.textContent ?? '').trim());
}

async function flush(ticks = 5): Promise<void> {
    await Promise.resolve();
    if (ticks > 1) {
        await flush(ticks - 1);
    }
}

async function loaded(overrides: Record<string, unknown> = {}): Promise<BoardElement> {
    const element = mount();
    wire.emit({ ...board, ...overrides });
    await flush();
    return element;
}

// HTML5 drag and drop as the browser sends it: one DataTransfer carried from dragstart to drop
function dragEvent(type: string, transfer: Map<string, string>): Event {
    const event = new CustomEvent(type, { bubbles: true, cancelable: true });
    Object.defineProperty(event, 'dataTransfer', {
        value: {
            effectAllowed: 'none',
            dropEffect: 'none',
            setData: (kind: string, value: string) => transfer.set(kind, value),
            getData: (kind: string) => transfer.get(kind) ?? ''
        }
    });
    return event;
}

afterEach(() => {
    while (document.body.firstChild) {
        document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
});

describe('c-plan-swot-board', () => {
    it('shows a spinner until the board arrives, then eight columns in the picklist order', async () => {
        const element = mount();
        await flush();
        expect(one(element, 'lightning-spinner')).not.toBeNull();
        expect(wire.getLastConfig()).toEqual({ planId: PLAN });

        wire.emit(board);
        await flush();

        expect(one(element, 'lightning-spinner')).toBeNull();
        expect(texts(all(element, '[data-id="column-title"]'))).toEqual(CATEGORIES);
    });

    it('puts each card in its column, higher priority first, with its response and links', async () => {
        const element = await loaded();

        const threats = Array.from(
            column(element, 'Threat').querySelectorAll<HTMLElement>('li[data-id]')
        ).map((node) => node.dataset.id);
        expect(threats).toEqual(['a05000000000003AAA', 'a05000000000002AAA']);
        const priya = card(element, 'a05000000000003AAA');
        expect(priya.querySelector('[data-id="response"]')?.textContent).toContain('Build a second sponsor.');
        expect(priya.querySelector('[data-id="stakeholder-link"]')?.textContent).toContain(
            'Priya Natarajan · Deputy CIO'
        );
        expect(priya.querySelector('.priority_high')?.textContent).toContain('High');
        expect(
            card(element, 'a05000000000004AAA').querySelector('[data-id="cell-link"]')?.textContent
        ).toContain('Sales × Salesforce Practice');
        expect(
            card(element, 'a05000000000005AAA').querySelector('[data-id="competitor"]')?.textContent
        ).toContain('Brightwave Consulting');
    });

    it('hints in each empty column', async () => {
        const element = await loaded();

        const hints = all(element, '[data-id="empty-column"]');
        // Weakness, Obstacle, Objection and Red Flag have no cards
        expect(hints).toHaveLength(4);
        expect(
            column(element, 'Weakness').querySelector('[data-id="empty-column"]')?.textContent?.trim()
        ).toBe(emptyColumnDropLabel);
    });

    it('says the board is empty and offers no actions to a reader', async () => {
        const element = await loaded({ items: [], canCreate: false, canEdit: false, canDelete: false });

        expect(one(element, '[data-id="empty"]')?.textContent).toBe(emptyLabel);
        expect(one(element, '[data-id="add"]')).toBeNull();
        expect(all(element, 'lightning-button-icon')).toHaveLength(0);
        expect(
            column(element, 'Strength').querySelector('[data-id="empty-column"]')?.textContent?.trim()
        ).toBe(emptyColumnLabel);
    });

    it('shows the server message when the board cannot load', async () => {
        const element = mount();
        wire.error({ message: 'This plan does not exist or you do not have access to it.' });
        await flush();

        expect(one(element, '[data-id="error"]')?.textContent).toBe(
            'This plan does not exist or you do not have access to it.'
        );
        expect(one(element, '[data-id="board"]')).toBeNull();
    });

    it('says what to ask for when the user may not read SWOT items', async () => {
        const element = await loaded({ canRead: false, items: [], categories: [] });

        expect(one(element, '[data-id="no-access"]')?.textContent).toBe(noAccessLabel);
        expect(one(element, '[data-id="board"]')).toBeNull();
    });

    it('asks for a plan when placed without one', async () => {
        const element = mount(null);
        await flush();

        expect(one(element, '[data-id="no-plan"]')?.textContent).toBe(noPlanLabel);
        expect(one(element, 'lightning-spinner')).toBeNull();
    });

    it('moves a card dragged to another column: save with the new category, planchange, refresh', async () => {
        const element = await loaded();
        saveMock.mockResolvedValue('a05000000000002AAA');
        const planchange = jest.fn();
        element.addEventListener('planchange', planchange);
        const transfer = new Map<string, string>();

        card(element, 'a05000000000002AAA').dispatchEvent(dragEvent('dragstart', transfer));
        await flush();
        const over = dragEvent('dragover', transfer);
        column(element, 'Red Flag').dispatchEvent(over);
        await flush();
        expect(over.defaultPrevented).toBe(true);
        expect(column(element, 'Red Flag').className).toContain('column_drop');
        column(element, 'Red Flag').dispatchEvent(dragEvent('drop', transfer));
        await flush();

        expect(saveMock).toHaveBeenCalledTimes(1);
        expect(saveMock.mock.calls[0][0].input).toEqual(
            expect.objectContaining({
                id: 'a05000000000002AAA',
                planId: PLAN,
                category: 'Red Flag',
                description: 'Procurement may re-tender the framework.',
                version: '2026-11-01T10:00:00.000Z'
            })
        );
        expect(planchange).toHaveBeenCalledTimes(1);
        expect(refreshMock).toHaveBeenCalledTimes(1);
    });

    it("does not allow a drop on the card's own column", async () => {
        const element = await loaded();
        const transfer = new Map<string, string>();

        card(element, 'a05000000000001AAA').dispatchEvent(dragEvent('dragstart', transfer));
        const over = dragEvent('dragover', transfer);
        column(element, 'Strength').dispatchEvent(over);
        column(element, 'Strength').dispatchEvent(dragEvent('drop', transfer));
        await flush();

        expect(over.defaultPrevented).toBe(false);
        expect(saveMock).not.toHaveBeenCalled();
    });

    it('cards are not draggable for a user who may not edit', async () => {
        const element = await loaded({ canEdit: false, canDelete: false });

        expect(card(element, 'a05000000000001AAA').getAttribute('draggable')).toBe('false');
        expect(all(element, 'lightning-button-menu')).toHaveLength(0);
    });

    it('moves a card from its menu (the keyboard way) and shows a refusal where the rep acted', async () => {
        const element = await loaded();
        const menu = card(element, 'a05000000000001AAA').querySelector(
            'lightning-button-menu'
        ) as HTMLElement;
        const items = Array.from(menu.querySelectorAll('lightning-menu-item')).map(
            (item) => (item as unknown as { label: string }).label
        );
        expect(items).toEqual([
            'Edit',
            'Move to Weakness',
            'Move to Opportunity',
            'Move to Threat',
            'Move to Obstacle',
            'Move to Objection',
            'Move to Red Flag',
            'Move to Competitor',
            'Delete'
        ]);
        saveMock.mockRejectedValue({
            body: { message: 'Changed by Morgan Reyes at 01/11/2026 10:00 — reload to see it' }
        });

        menu.dispatchEvent(new CustomEvent('select', { detail: { value: 'move:Weakness' } }));
        await flush();

        expect(saveMock.mock.calls[0][0].input).toEqual(
            expect.objectContaining({ id: 'a05000000000001AAA', category: 'Weakness' })
        );
        expect(one(element, '[data-id="action-error"]')?.textContent).toContain('Changed by Morgan Reyes');
        expect(refreshMock).not.toHaveBeenCalled();
    });

    it('adds an item in a column with a linked person and cell', async () => {
        const element = await loaded();
        saveMock.mockResolvedValue('a05000000000009AAA');
        findMock.mockResolvedValue([{ id: '003000000000002AAA', name: 'Victor Hale', title: 'President' }]);

        (column(element, 'Obstacle').querySelector('lightning-button-icon') as HTMLElement).click();
        await flush();
        const form = one(element, '[data-id="form"]') as HTMLElement;
        expect(form).not.toBeNull();
        const category = form.querySelector('lightning-combobox[data-field="category"]') as unknown as {
            value: string;
        };
        expect(category.value).toBe('Obstacle');
        const description = form.querySelector('[data-field="description"]') as HTMLElement;
        description.dispatchEvent(
            new CustomEvent('change', { detail: { value: ' Victor blocks the renewal ' } })
        );
        const find = form.querySelector('[data-id="stakeholder-find"]') as HTMLElement;
        find.dispatchEvent(new CustomEvent('change', { detail: { value: 'hale' } }));
        await flush();
        expect(findMock).toHaveBeenCalledWith({ planId: PLAN, query: 'hale' });
        (one(element, '[data-stakeholder-id="003000000000002AAA"]') as HTMLElement).click();
        await flush();
        expect(one(element, '[data-id="stakeholder-name"]')?.textContent).toBe('Victor Hale · President');
        const cell = one(element, '[data-field="landscapeCellId"]') as HTMLElement;
        cell.dispatchEvent(new CustomEvent('change', { detail: { value: 'a04000000000002AAA' } }));
        await flush();

        (one(element, '[data-id="form"]') as HTMLElement).dispatchEvent(new CustomEvent('submit'));
        await flush();

        expect(saveMock.mock.calls[0][0].input).toEqual({
            id: null,
            planId: PLAN,
            category: 'Obstacle',
            priority: 'Medium',
            description: 'Victor blocks the renewal',
            response: null,
            competitor: null,
            stakeholderId: '003000000000002AAA',
            landscapeCellId: 'a04000000000002AAA',
            version: null
        });
        expect(one(element, '[data-id="form"]')).toBeNull();
        expect(refreshMock).toHaveBeenCalledTimes(1);
    });

    it('keeps the form and what was typed when the server refuses the item', async () => {
        const element = await loaded();
        saveMock.mockRejectedValue({ body: { message: "Link a person of this plan's account." } });
        const menu = card(element, 'a05000000000003AAA').querySelector(
            'lightning-button-menu'
        ) as HTMLElement;
        menu.dispatchEvent(new CustomEvent('select', { detail: { value: 'edit' } }));
        await flush();
        const response = one(element, '[data-field="response"]') as HTMLElement;
        response.dispatchEvent(new CustomEvent('change', { detail: { value: 'Meet Tomás' } }));

        (one(element, '[data-id="form"]') as HTMLElement).dispatchEvent(new CustomEvent('submit'));
        await flush();

        expect(saveMock.mock.calls[0][0].input).toEqual(
            expect.objectContaining({
                id: 'a05000000000003AAA',
                response: 'Meet Tomás',
                stakeholderId: '003000000000001AAA',
                version: '2026-11-02T10:00:00.000Z'
            })
        );
        expect(one(element, '[data-id="form-error"]')?.textContent).toBe(
            "Link a person of this plan's account."
        );
        expect((one(element, '[data-field="response"]') as unknown as { value: string }).value).toBe(
            'Meet Tomás'
        );
    });

    it('ignores a stakeholder search answer that a later keystroke overtook', async () => {
        const element = await loaded();
        let answerFirst: (value: unknown) => void = () => undefined;
        findMock
            .mockImplementationOnce(() => new Promise((resolve) => (answerFirst = resolve)))
            .mockResolvedValueOnce([{ id: '003000000000003AAA', name: 'Tomás Lindqvist', title: null }]);
        (one(element, '[data-id="add"]') as HTMLElement).click();
        await flush();
        const find = one(element, '[data-id="stakeholder-find"]') as HTMLElement;

        find.dispatchEvent(new CustomEvent('change', { detail: { value: 'to' } }));
        find.dispatchEvent(new CustomEvent('change', { detail: { value: 'tomas' } }));
        await flush();
        answerFirst([{ id: '003000000000009AAA', name: 'Tobias Old', title: null }]);
        await flush();

        const matches = all(element, '[data-stakeholder-id]').map((node) => node.dataset.stakeholderId);
        expect(matches).toEqual(['003000000000003AAA']);
    });

    it('deletes only after confirmation, with the version the board showed', async () => {
        const element = await loaded();
        deleteMock.mockResolvedValue(undefined);
        const planchange = jest.fn();
        element.addEventListener('planchange', planchange);
        const menu = card(element, 'a05000000000005AAA').querySelector(
            'lightning-button-menu'
        ) as HTMLElement;

        menu.dispatchEvent(new CustomEvent('select', { detail: { value: 'delete' } }));
        await flush();
        expect(one(element, '[data-id="confirm"]')?.textContent).toContain('Holds Defence & Space cloud.');
        expect(deleteMock).not.toHaveBeenCalled();
        (one(element, '[data-id="confirm-cancel"]') as HTMLElement).click();
        await flush();
        expect(one(element, '[data-id="confirm"]')).toBeNull();

        menu.dispatchEvent(new CustomEvent('select', { detail: { value: 'delete' } }));
        await flush();
        (one(element, '[data-id="confirm-delete"]') as HTMLElement).click();
        await flush();

        expect(deleteMock).toHaveBeenCalledWith({
            itemId: 'a05000000000005AAA',
            version: '2026-11-04T10:00:00.000Z'
        });
        expect(planchange).toHaveBeenCalledTimes(1);
        expect(one(element, '[data-id="confirm"]')).toBeNull();
    });

    it("drops a half-filled form when given another plan, and reads the new plan's board", async () => {
        const element = await loaded();
        (one(element, '[data-id="add"]') as HTMLElement).click();
        await flush();
        expect(one(element, '[data-id="form"]')).not.toBeNull();

        element.planId = 'a01000000000002AAA';
        await flush();

        expect(wire.getLastConfig()).toEqual({ planId: 'a01000000000002AAA' });
        expect(one(element, '[data-id="form"]')).toBeNull();
    });

    it('is accessible', async () => {
        const element = await loaded();
        await expect(element).toBeAccessible();
    });
});
