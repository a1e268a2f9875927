import { createElement } from 'lwc';
import PlanMilestones from 'c/planMilestones';
import getMilestones from '@salesforce/apex/PlanMilestoneController.getMilestones';
import saveMilestone from '@salesforce/apex/PlanMilestoneController.saveMilestone';
import markDone from '@salesforce/apex/PlanMilestoneController.markDone';
import deleteMilestone from '@salesforce/apex/PlanMilestoneController.deleteMilestone';
import { refreshApex } from '@salesforce/apex';
import view from './data/milestones.json';
import noAccessLabel from '@salesforce/label/c.Keystone_Milestones_No_Access';
import emptyLabel from '@salesforce/label/c.Keystone_Milestones_Empty';
import meetingsNoAccessLabel from '@salesforce/label/c.Keystone_Meetings_No_Access';
import confirmDeleteLabel from '@salesforce/label/c.Keystone_Milestones_Confirm_Delete';

jest.mock(
    '@salesforce/apex/PlanMilestoneController.getMilestones',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
jest.mock('@salesforce/apex/PlanMilestoneController.saveMilestone', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PlanMilestoneController.markDone', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PlanMilestoneController.deleteMilestone', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

interface TestWireAdapter {
    emit(value: unknown): void;
    error(body?: unknown, status?: number, statusText?: string): void;
    getLastConfig(): Record<string, unknown>;
}
const wire = getMilestones as unknown as TestWireAdapter;
const saveMock = saveMilestone as unknown as jest.Mock;
const markDoneMock = markDone as unknown as jest.Mock;
const deleteMock = deleteMilestone as unknown as jest.Mock;

type Host = HTMLElement & { planId?: string };

function mount(): Host {
    const element = createElement('c-plan-milestones', { is: PlanMilestones }) as Host;
    element.planId = 'a00000000000001AAA';
    document.body.appendChild(element);
    return element;
}

function q<T extends Element = HTMLElement>(element: HTMLElement, selector: string): T | null {
    return element.shadowRoot?.querySelector<T>(selector) ?? null;
}

async function flush(ticks = 5): Promise<void> {
    await Promise.resolve();
    if (ticks > 1) await flush(ticks - 1);
}

function click(element: HTMLElement, selector: string): void {
    const target = q(element, selector);
    if (!target) throw new Error(`nothing matches ${selector}`);
    target.click();
}

afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
});

describe('c-plan-milestones', () => {
    it('shows a spinner until the view arrives', () => {
        const element = mount();
        expect(q(element, 'lightning-spinner')).not.toBeNull();
    });

    it('lists milestones with the overdue one in words and colour, and the meetings overdue first', async () => {
        const element = mount();
        wire.emit(view);
        await flush();

        const rows = element.shadowRoot?.querySelectorAll('li.milestone') ?? [];
        expect(rows).toHaveLength(2);
        expect(rows[1]!.className).toContain('milestone_overdue');
        expect(rows[1]!.querySelector('[data-id="overdue"]')?.textContent).toBe('Overdue by 46 days');
        expect(rows[0]!.querySelector('[data-action="done"]')).toBeNull();
        expect(rows[1]!.querySelector('[data-action="done"]')).not.toBeNull();
        expect(q(element, '[data-id="cadence-summary"]')?.textContent).toBe('1 overdue for a meeting');
        const people = element.shadowRoot?.querySelectorAll('li.cadence') ?? [];
        expect(people[0]!.textContent).toContain('Victor Hale');
        expect(people[0]!.className).toContain('cadence_overdue');
        expect(people[0]!.textContent).toContain('Overdue by 60 days');
        // last met and next due read as two facts, not "2026 ·Next due"
        const dates = people[0]!.querySelector('.last-met')?.parentElement?.textContent ?? '';
        expect(dates).toMatch(/\d{4} · Next due/);
    });

    it('folds a long meetings list to the overdue and the next due, and unfolds it on request', async () => {
        const [late, onTrack] = view.cadence.rows;
        const rows = [
            late,
            ...Array.from({ length: 9 }, (_, index) => ({
                ...onTrack,
                contactId: `003000000000${100 + index}AAA`,
                name: `Stakeholder ${index + 1}`
            }))
        ];
        const element = mount();
        wire.emit({ ...view, cadence: { ...view.cadence, rows } });
        await flush();
        const shown = (): string[] =>
            Array.from(element.shadowRoot?.querySelectorAll('li.cadence .slds-text-title_bold') ?? []).map(
                (name) => name.textContent ?? ''
            );
        expect(shown()).toEqual([
            'Victor Hale',
            'Stakeholder 1',
            'Stakeholder 2',
            'Stakeholder 3',
            'Stakeholder 4'
        ]);
        const toggle = q<HTMLElement & { label: string }>(element, '[data-id="cadence-toggle"]')!;
        expect(toggle.label).toBe('Show all 10');

        toggle.click();
        await flush();
        expect(shown()).toHaveLength(10);
        expect(q<HTMLElement & { label: string }>(element, '[data-id="cadence-toggle"]')!.label).toBe(
            'Show fewer'
        );

        // a short list has nothing to fold
        wire.emit(view);
        await flush();
        expect(q(element, '[data-id="cadence-toggle"]')).toBeNull();
    });

    it('loads for the plan it is given and reloads for another', async () => {
        const element = mount();
        await flush();
        expect(wire.getLastConfig()).toEqual({ planId: 'a00000000000001AAA' });
        element.planId = 'a00000000000002AAA';
        await flush();
        expect(wire.getLastConfig()).toEqual({ planId: 'a00000000000002AAA' });
    });

    it('shows the empty state, and no-access for the cadence when activities are hidden', async () => {
        const element = mount();
        wire.emit({ ...view, milestones: [], cadence: { canRead: false, rows: [], overdueCount: 0 } });
        await flush();
        expect(q(element, '[data-id="empty"]')?.textContent).toBe(emptyLabel);
        expect(q(element, '[data-id="cadence-no-access"]')?.textContent).toBe(meetingsNoAccessLabel);
    });

    it('shows the no-access state when milestones cannot be read', async () => {
        const element = mount();
        wire.emit({ ...view, canRead: false, milestones: [] });
        await flush();
        expect(q(element, '[data-id="no-access"]')?.textContent).toBe(noAccessLabel);
        expect(q(element, 'li.milestone')).toBeNull();
    });

    it('shows the server message when loading fails', async () => {
        const element = mount();
        wire.error({ message: 'Open an account plan to see its milestones.' });
        await flush();
        expect(q(element, '[data-id="error"]')?.textContent).toBe(
            'Open an account plan to see its milestones.'
        );
    });

    it('offers no add, edit or delete to a user who may not change milestones', async () => {
        const element = mount();
        wire.emit({ ...view, canCreate: false, canEdit: false, canDelete: false });
        await flush();
        expect(q(element, '[data-id="add"]')).toBeNull();
        expect(q(element, '[data-action="edit"]')).toBeNull();
        expect(q(element, '[data-action="delete"]')).toBeNull();
        expect(q(element, '[data-action="done"]')).toBeNull();
    });

    it('marks a milestone done, tells the workspace and refreshes', async () => {
        const element = mount();
        const changed = jest.fn();
        element.addEventListener('planchange', changed);
        wire.emit(view);
        await flush();
        markDoneMock.mockResolvedValue('a0C000000000004EAA');

        click(element, 'li.milestone:nth-child(2) [data-action="done"]');
        await flush();

        expect(markDoneMock).toHaveBeenCalledWith({ milestoneId: 'a0C000000000004EAA' });
        expect(changed).toHaveBeenCalledTimes(1);
        expect(refreshApex).toHaveBeenCalled();
    });

    it('adds a milestone through the form and sends blanks as null', async () => {
        const element = mount();
        const changed = jest.fn();
        element.addEventListener('planchange', changed);
        wire.emit(view);
        await flush();
        saveMock.mockResolvedValue('a0C000000000009EAA');

        click(element, '[data-id="add"]');
        await flush();
        const title = q<HTMLElement & { value: string }>(element, 'lightning-input[data-field="name"]')!;
        title.value = 'Executive sponsor dinner';
        title.dispatchEvent(new CustomEvent('change', { detail: { value: 'Executive sponsor dinner' } }));
        await flush();
        q(element, 'form')!.dispatchEvent(new CustomEvent('submit', { cancelable: true }));
        await flush();

        expect(saveMock).toHaveBeenCalledWith({
            milestone: {
                id: null,
                planId: 'a00000000000001AAA',
                name: 'Executive sponsor dinner',
                type: 'Meeting',
                status: 'Planned',
                dueDate: '2026-11-30',
                assigneeId: null,
                stakeholderId: null
            }
        });
        expect(changed).toHaveBeenCalledTimes(1);
        expect(q(element, 'form')).toBeNull();
    });

    it('keeps the form and shows the refusal when the server refuses, telling nobody of a change', async () => {
        const element = mount();
        const changed = jest.fn();
        element.addEventListener('planchange', changed);
        wire.emit(view);
        await flush();
        saveMock.mockRejectedValue({
            body: { message: "The stakeholder must be a contact of the plan's account." }
        });

        click(element, '[data-action="edit"]');
        await flush();
        q(element, 'form')!.dispatchEvent(new CustomEvent('submit', { cancelable: true }));
        await flush();

        expect(q(element, '[data-id="form-error"]')?.textContent).toBe(
            "The stakeholder must be a contact of the plan's account."
        );
        expect(q(element, 'form')).not.toBeNull();
        expect(changed).not.toHaveBeenCalled();
    });

    it('deletes only on the second click', async () => {
        const element = mount();
        wire.emit(view);
        await flush();
        deleteMock.mockResolvedValue(undefined);

        click(element, 'li.milestone:nth-child(1) [data-action="delete"]');
        await flush();
        expect(deleteMock).not.toHaveBeenCalled();
        expect(
            (q(element, 'li.milestone:nth-child(1) [data-action="delete"]') as unknown as { label: string })
                .label
        ).toBe(confirmDeleteLabel);

        click(element, 'li.milestone:nth-child(1) [data-action="delete"]');
        await flush();
        expect(deleteMock).toHaveBeenCalledWith({ milestoneId: 'a0C000000000001EAA' });
    });

    it('is accessible', async () => {
        const element = mount();
        wire.emit(view);
        await flush();
        await expect(element).toBeAccessible();
    });
});
