import { createElement } from 'lwc';
import PlanObjectives from 'c/planObjectives';
import getObjectives from '@salesforce/apex/PlanObjectiveController.getObjectives';
import saveObjective from '@salesforce/apex/PlanObjectiveController.saveObjective';
import deleteObjective from '@salesforce/apex/PlanObjectiveController.deleteObjective';
import objectives from './data/objectives.json';

jest.mock(
    '@salesforce/apex/PlanObjectiveController.getObjectives',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
jest.mock('@salesforce/apex/PlanObjectiveController.saveObjective', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PlanObjectiveController.deleteObjective', () => ({ default: jest.fn() }), {
    virtual: true
});

interface TestWireAdapter {
    emit(value: unknown): void;
    error(body?: unknown, status?: number, statusText?: string): void;
    getLastConfig(): Record<string, unknown>;
}
const wire = getObjectives as unknown as TestWireAdapter;
const saveMock = saveObjective as unknown as jest.Mock;
const deleteMock = deleteObjective as unknown as jest.Mock;
type Element = HTMLElement & { planId?: string };

function mount(planId = 'a00000000000001AAA'): Element {
    const element = createElement('c-plan-objectives', { is: PlanObjectives }) as Element;
    element.planId = planId;
    document.body.appendChild(element);
    return element;
}

function all(element: HTMLElement, id: string): HTMLElement[] {
    return Array.from(element.shadowRoot?.querySelectorAll(`[data-id="${id}"]`) ?? []) as HTMLElement[];
}

function byId(element: HTMLElement, id: string): HTMLElement | null {
    return element.shadowRoot?.querySelector(`[data-id="${id}"]`) ?? null;
}

function field(element: HTMLElement, name: string): HTMLElement & { value: string } {
    return element.shadowRoot?.querySelector(`[data-field="${name}"]`) as HTMLElement & { value: string };
}

function type(element: HTMLElement, name: string, value: string): void {
    const input = field(element, name);
    input.value = value;
    input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

async function flush(ticks = 5): Promise<void> {
    await Promise.resolve();
    if (ticks > 1) await flush(ticks - 1);
}

afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
});

describe('c-plan-objectives', () => {
    it('shows a spinner until the objectives arrive', () => {
        const element = mount();
        expect(element.shadowRoot?.querySelector('lightning-spinner')).not.toBeNull();
    });

    it('lists objectives by horizon, soonest due first, off-track and overdue ones standing out in words', async () => {
        const element = mount();
        wire.emit(objectives);
        await flush();

        const names = all(element, 'objective').map(
            (row) => row.querySelector('.objective-name')?.textContent
        );
        expect(names).toEqual([
            'Win $12M in FY2026',
            'Meet a new executive every month',
            'Sign the Helicopters IoT pilot',
            'Two proposals in Wealth'
        ]);
        const statuses = all(element, 'status').map((badge) => badge.textContent);
        expect(statuses).toEqual(['Off Track', 'Off Track', 'Off Track', 'Done']);
        expect(all(element, 'overdue')).toHaveLength(1);
        expect(all(element, 'objective')[2].className).toContain('objective_stands-out');
        expect(all(element, 'objective')[3].className).not.toContain('objective_stands-out');
        expect(all(element, 'progress')[0].textContent).toBe('62% of target');
        const bar = element.shadowRoot?.querySelector('[role="progressbar"]');
        expect(bar?.getAttribute('aria-valuenow')).toBe('62.1');
    });

    it('keeps the spaces between the figures: "1 of 3 Count", "Due Nov 15, 2026"', async () => {
        const element = mount();
        wire.emit(objectives);
        await flush();

        // the formatted numbers and dates are drawn by base components (empty in Jest): the words between
        // them must bring their own spaces, or the row reads "1of3Count" and "DueNov 15"
        const pilot = all(element, 'objective')[2];
        expect(pilot.querySelector('[data-id="values"]')?.textContent).toBe(' of  Count');
        expect(pilot.querySelector('[data-id="due"]')?.textContent).toBe('Due ');
        const revenue = all(element, 'objective')[0];
        expect(revenue.querySelector('[data-id="values"]')?.textContent).toBe(' of ');
    });

    it('says so when the plan has no objectives, and offers Add only to those who may create', async () => {
        const element = mount();
        wire.emit({ ...objectives, objectives: [], canCreate: false });
        await flush();

        expect(byId(element, 'empty')?.textContent).toContain('No objectives yet.');
        expect(byId(element, 'add')).toBeNull();
    });

    it('shows a readable error when the objectives cannot be read', async () => {
        const element = mount();
        wire.error({ message: 'You cannot see Plan Objective: Measure here.' });
        await flush();

        expect(byId(element, 'error')?.textContent).toBe('You cannot see Plan Objective: Measure here.');
    });

    it('adds an objective, then tells the workspace and reloads', async () => {
        saveMock.mockResolvedValue('a02000000000009AAA');
        const element = mount();
        const planChanged = jest.fn();
        element.addEventListener('planchange', planChanged);
        wire.emit(objectives);
        await flush();

        byId(element, 'add')?.click();
        await flush();
        type(element, 'name', 'Certify ten engineers');
        type(element, 'targetValue', '10');
        type(element, 'currentValue', '2');
        type(element, 'unit', 'Count');
        element.shadowRoot?.querySelector('form')?.dispatchEvent(new CustomEvent('submit'));
        await flush();

        expect(saveMock).toHaveBeenCalledWith({
            planId: 'a00000000000001AAA',
            input: expect.objectContaining({
                id: null,
                name: 'Certify ten engineers',
                measureType: 'Entered',
                targetValue: 10,
                currentValue: 2,
                unit: 'Count'
            })
        });
        expect(planChanged).toHaveBeenCalledTimes(1);
        expect(byId(element, 'form')).toBeNull();
    });

    it('edits a calculated objective without a current value, and keeps the form with the server message on failure', async () => {
        saveMock.mockRejectedValue({
            body: { message: 'Changed by Sam Ortiz at 11/30/2026 — reload to see it' }
        });
        const element = mount();
        wire.emit(objectives);
        await flush();

        (all(element, 'edit')[0] as HTMLElement).click();
        await flush();
        expect(field(element, 'currentValue')).toBeNull();
        expect(byId(element, 'calculated-help')).not.toBeNull();
        type(element, 'targetValue', '13000000');
        element.shadowRoot?.querySelector('form')?.dispatchEvent(new CustomEvent('submit'));
        await flush();

        expect(saveMock.mock.calls[0][0].input).toMatchObject({
            id: 'a02000000000001AAA',
            version: '2026-11-01T10:00:00.000Z',
            targetValue: 13000000,
            currentValue: null
        });
        expect(byId(element, 'form-error')?.textContent).toContain('Changed by Sam Ortiz');
        expect(field(element, 'targetValue').value).toBe('13000000');
    });

    it('deletes only after a second, confirming click', async () => {
        deleteMock.mockResolvedValue(undefined);
        const element = mount();
        wire.emit(objectives);
        await flush();
        (all(element, 'edit')[0] as HTMLElement).click();
        await flush();

        byId(element, 'delete')?.click();
        await flush();
        expect(deleteMock).not.toHaveBeenCalled();
        byId(element, 'delete')?.click();
        await flush();

        expect(deleteMock).toHaveBeenCalledWith({ objectiveId: 'a02000000000001AAA' });
    });

    it('follows another plan: the wire asks for it and a half-filled form is dropped', async () => {
        const element = mount();
        wire.emit(objectives);
        await flush();
        byId(element, 'add')?.click();
        await flush();
        expect(byId(element, 'form')).not.toBeNull();

        element.planId = 'a00000000000002AAA';
        await flush();

        expect(wire.getLastConfig()).toEqual({ planId: 'a00000000000002AAA' });
        expect(byId(element, 'form')).toBeNull();
    });
});
