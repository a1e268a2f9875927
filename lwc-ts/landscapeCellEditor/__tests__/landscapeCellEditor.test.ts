import { createElement } from 'lwc';
import LandscapeCellEditor from 'c/landscapeCellEditor';
import type { CellEditing, CellSave } from 'c/landscapeCellEditor';
import getCellNotes from '@salesforce/apex/LandscapeController.getCellNotes';

jest.mock('@salesforce/apex/LandscapeController.getCellNotes', () => ({ default: jest.fn() }), {
    virtual: true
});

const getCellNotesMock = getCellNotes as unknown as jest.Mock;

type EditorElement = HTMLElement & { editing: CellEditing; saving: boolean; error: string };

const TARGET: CellEditing = {
    title: 'Sales × Salesforce Practice',
    business: '$0 won · $0 pipeline',
    record: {
        id: 'c1',
        buyingCenterId: 'sales',
        offeringId: 'sf',
        status: 'Whitespace Target',
        potentialValue: 1_000_000,
        targetDate: '2027-03-31',
        competitor: null,
        notes: 'Sponsor: Grace Liu',
        version: '2026-11-20T09:15:00.000Z'
    }
};

function mount(editing: CellEditing, properties: Partial<EditorElement> = {}): EditorElement {
    const element = createElement('c-landscape-cell-editor', {
        is: LandscapeCellEditor
    }) as unknown as EditorElement;
    Object.assign(element, { editing, ...properties });
    document.body.appendChild(element);
    return element;
}

async function settle(ticks = 6): Promise<void> {
    await Promise.resolve();
    if (ticks > 1) await settle(ticks - 1);
}

function field(element: HTMLElement, name: string): HTMLElement & { value: string } {
    return element.shadowRoot!.querySelector(`[data-field="${name}"]`) as HTMLElement & { value: string };
}

async function type(element: HTMLElement, name: string, value: string): Promise<void> {
    const input = field(element, name);
    if (input.tagName === 'C-KEYSTONE-SELECT') {
        const select = input.shadowRoot!.querySelector('select')!;
        select.value = value;
        select.dispatchEvent(new CustomEvent('change'));
    } else {
        input.value = value;
        input.dispatchEvent(new CustomEvent('change'));
    }
    await settle();
}

function click(element: HTMLElement, id: string): void {
    (element.shadowRoot!.querySelector(`[data-id="${id}"]`) as HTMLElement).click();
}

afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
});

describe('c-landscape-cell-editor', () => {
    it('opens with the record as saved: its mark, value, date and notes, and what a target offers', async () => {
        const element = mount(TARGET);
        await settle();
        expect(element.shadowRoot!.querySelector('h3')!.textContent).toBe('Sales × Salesforce Practice');
        expect(field(element, 'status').value).toBe('Whitespace Target');
        expect(field(element, 'potentialValue').value).toBe('1000000');
        expect(field(element, 'targetDate').value).toBe('2027-03-31');
        expect(field(element, 'notes').value).toBe('Sponsor: Grace Liu');
        expect(field(element, 'competitor')).toBeNull();
        expect(element.shadowRoot!.querySelector('[data-id="clear-cell"]')).not.toBeNull();
        expect(element.shadowRoot!.querySelector('[data-id="create-opportunity"]')).not.toBeNull();
        // the notes came with the record: nothing to read
        expect(getCellNotesMock).not.toHaveBeenCalled();
        await expect(element).toBeAccessible();
    });

    it('asks to save what was typed, the date as ISO, and refuses a date it cannot read', async () => {
        const element = mount({ ...TARGET, record: null });
        const saved: CellSave[] = [];
        element.addEventListener('save', (event) => saved.push((event as CustomEvent<CellSave>).detail));
        await settle();
        expect(element.shadowRoot!.querySelector('[data-id="clear-cell"]')).toBeNull();
        await type(element, 'status', 'Whitespace Target');
        await type(element, 'potentialValue', '750000');
        await type(element, 'targetDate', 'next friday');
        click(element, 'save-cell');
        await settle();
        expect(saved).toEqual([]);
        expect(element.shadowRoot!.querySelector('[data-id="edit-error"]')!.textContent).toContain(
            '“next friday” is not a date'
        );
        await type(element, 'targetDate', '2026-09-30');
        click(element, 'save-cell');
        await settle();
        expect(saved).toEqual([
            {
                status: 'Whitespace Target',
                potentialValue: 750_000,
                targetDate: '2026-09-30',
                competitor: null,
                notes: null
            }
        ]);
        expect(element.shadowRoot!.querySelector('[data-id="edit-error"]')).toBeNull();
    });

    it('shows the refusal the grid passes back, and reads notes the grid did not carry', async () => {
        getCellNotesMock.mockResolvedValueOnce('Pilot first.');
        const element = mount({ ...TARGET, record: { ...TARGET.record!, notes: null } });
        await settle();
        expect(getCellNotesMock).toHaveBeenCalledWith({ cellId: 'c1' });
        expect(field(element, 'notes').value).toBe('Pilot first.');
        element.error = 'Changed by Sam Ortiz at 11/30/2026 3:58 PM — reload to see it.';
        element.saving = true;
        await settle();
        expect(element.shadowRoot!.querySelector('[data-id="edit-error"]')!.textContent!.trim()).toBe(
            'Changed by Sam Ortiz at 11/30/2026 3:58 PM — reload to see it.'
        );
        expect(
            (
                element.shadowRoot!.querySelector('[data-id="save-cell"]') as HTMLElement & {
                    disabled: boolean;
                }
            ).disabled
        ).toBe(true);
    });

    it('asks to cancel, clear or open an opportunity, each once', async () => {
        const element = mount(TARGET);
        const heard: string[] = [];
        for (const name of ['cancel', 'clear', 'createopportunity'])
            element.addEventListener(name, () => heard.push(name));
        await settle();
        click(element, 'cancel-edit');
        click(element, 'clear-cell');
        click(element, 'create-opportunity');
        expect(heard).toEqual(['cancel', 'clear', 'createopportunity']);
    });
});
