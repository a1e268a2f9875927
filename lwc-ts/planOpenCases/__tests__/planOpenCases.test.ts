import { createElement } from 'lwc';
import PlanOpenCases from 'c/planOpenCases';
import getOpenCases from '@salesforce/apex/PlanOpenCasesController.getOpenCases';
import view from './data/openCases.json';
import noAccessLabel from '@salesforce/label/c.Keystone_Cases_No_Access';
import emptyLabel from '@salesforce/label/c.Keystone_Cases_Empty';

jest.mock(
    '@salesforce/apex/PlanOpenCasesController.getOpenCases',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);

// the stub's Navigate does nothing: this one records where the component navigates
const mockNavigate = jest.fn();
jest.mock('lightning/navigation', () => {
    const Navigate = Symbol('Navigate');
    const GenerateUrl = Symbol('GenerateUrl');
    const NavigationMixin = Object.assign(
        (Base: new () => object) =>
            class extends Base {
                [Navigate](reference: unknown): void {
                    mockNavigate(reference);
                }
            },
        { Navigate, GenerateUrl }
    );
    return { NavigationMixin };
});

interface TestWireAdapter {
    emit(value: unknown): void;
    error(body?: unknown, status?: number, statusText?: string): void;
    getLastConfig(): Record<string, unknown>;
}
const wire = getOpenCases as unknown as TestWireAdapter;

type Host = HTMLElement & { planId?: string };

function mount(): Host {
    const element = createElement('c-plan-open-cases', { is: PlanOpenCases }) as Host;
    element.planId = 'a00000000000001AAA';
    document.body.appendChild(element);
    return element;
}

function q(element: HTMLElement, selector: string): HTMLElement | null {
    return element.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
}

async function flush(ticks = 5): Promise<void> {
    await Promise.resolve();
    if (ticks > 1) await flush(ticks - 1);
}

afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
});

describe('c-plan-open-cases', () => {
    it('shows a spinner until the view arrives', () => {
        const element = mount();
        expect(q(element, 'lightning-spinner')).not.toBeNull();
    });

    it('shows the count, the age buckets, the priorities and the oldest case', async () => {
        const element = mount();
        wire.emit(view);
        await flush();

        expect(q(element, '[data-id="count"]')?.textContent).toBe('3 open');
        const buckets = Array.from(element.shadowRoot?.querySelectorAll('[data-id="buckets"] li') ?? []);
        expect(buckets.map((li) => li.querySelector('.figure-count')?.textContent)).toEqual([
            '1',
            '1',
            '1',
            '0'
        ]);
        const priorities = Array.from(
            element.shadowRoot?.querySelectorAll('[data-id="priorities"] li') ?? []
        );
        expect(priorities.map((li) => (li as HTMLElement).dataset.key)).toEqual(['High', 'Medium']);
        expect(q(element, '[data-role="oldest"]')?.textContent).toContain('open 45 days');
        expect(element.shadowRoot?.querySelectorAll('[data-role="case"]')).toHaveLength(3);
    });

    it('opens a case on its record page', async () => {
        const element = mount();
        wire.emit(view);
        await flush();
        const links = element.shadowRoot!.querySelectorAll<HTMLElement>('[data-role="case"]');
        links[1]!.click();

        expect(mockNavigate).toHaveBeenCalledWith({
            type: 'standard__recordPage',
            attributes: { recordId: '500000000000002AAA', objectApiName: 'Case', actionName: 'view' }
        });
    });

    it('loads for the plan it is given and reloads for another', async () => {
        const element = mount();
        await flush();
        expect(wire.getLastConfig()).toEqual({ planId: 'a00000000000001AAA' });
        element.planId = 'a00000000000002AAA';
        await flush();
        expect(wire.getLastConfig()).toEqual({ planId: 'a00000000000002AAA' });
    });

    it('shows the empty state', async () => {
        const element = mount();
        wire.emit({ ...view, total: 0, cases: [], oldest: null, byPriority: [] });
        await flush();
        expect(q(element, '[data-id="empty"]')?.textContent).toBe(emptyLabel);
    });

    it('shows no-access, not an error, to a rep who may not read cases', async () => {
        const element = mount();
        wire.emit({ ...view, canRead: false, total: 0, cases: [], oldest: null });
        await flush();
        expect(q(element, '[data-id="no-access"]')?.textContent).toBe(noAccessLabel);
        expect(q(element, '[data-id="error"]')).toBeNull();
    });

    it('shows the server message when loading fails', async () => {
        const element = mount();
        wire.error({ message: 'Open an account plan to see its open cases.' });
        await flush();
        expect(q(element, '[data-id="error"]')?.textContent).toBe(
            'Open an account plan to see its open cases.'
        );
    });

    it('is accessible', async () => {
        const element = mount();
        wire.emit(view);
        await flush();
        await expect(element).toBeAccessible();
    });
});
