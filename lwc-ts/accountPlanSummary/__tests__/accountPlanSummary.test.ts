import { createElement } from 'lwc';
import AccountPlanSummary from 'c/accountPlanSummary';
import getPlanSummary from '@salesforce/apex/AccountPlanController.getPlanSummary';
import createPlan from '@salesforce/apex/AccountPlanController.createPlan';
import summaryWithPlan from './data/planSummary.json';
import summaryWithoutPlan from './data/noPlan.json';
import unexpected from '@salesforce/label/c.Keystone_Error_Unexpected';
import noFieldRead from '@salesforce/label/c.Keystone_Error_No_Field_Read';
import rowLocked from '@salesforce/label/c.Keystone_Error_Row_Locked';

// The wire is driven by the test; the imperative create call is a plain mock.
jest.mock(
    '@salesforce/apex/AccountPlanController.getPlanSummary',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
jest.mock('@salesforce/apex/AccountPlanController.createPlan', () => ({ default: jest.fn() }), {
    virtual: true
});

interface TestWireAdapter {
    emit(value: unknown): void;
    error(body?: unknown, status?: number, statusText?: string): void;
}
const wire = getPlanSummary as unknown as TestWireAdapter;
const createPlanMock = createPlan as unknown as jest.Mock;

function mount(): HTMLElement & { recordId?: string } {
    const element = createElement('c-account-plan-summary', { is: AccountPlanSummary }) as HTMLElement & {
        recordId?: string;
    };
    element.recordId = '001000000000001AAA';
    document.body.appendChild(element);
    return element;
}

function byId(element: HTMLElement, id: string): HTMLElement | null {
    return element.shadowRoot?.querySelector(`[data-id="${id}"]`) ?? null;
}

// Lets the wire, the rendering and an awaited Apex promise settle (microtasks only).
async function flush(ticks = 5): Promise<void> {
    await Promise.resolve();
    if (ticks > 1) {
        await flush(ticks - 1);
    }
}

afterEach(() => {
    while (document.body.firstChild) {
        document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
});

describe('c-account-plan-summary', () => {
    it('shows a spinner until the summary arrives', () => {
        const element = mount();
        expect(element.shadowRoot?.querySelector('lightning-spinner')).not.toBeNull();
    });

    it('shows the current plan: name, status, won against goal, review', async () => {
        const element = mount();
        wire.emit(summaryWithPlan);
        await flush();

        expect(element.shadowRoot?.querySelector('.plan-name')?.textContent).toBe(
            'Aeronova Group FY2026 plan'
        );
        expect(byId(element, 'status')?.textContent).toBe('In Review');
        expect(byId(element, 'status')?.className).toContain('slds-theme_warning');
        expect(byId(element, 'progress')?.textContent).toBe('62% of goal won');
        const numbers = element.shadowRoot?.querySelectorAll('lightning-formatted-number') ?? [];
        expect(Array.from(numbers).map((n) => (n as unknown as { value: number }).value)).toEqual([
            7450000, 12000000
        ]);
        expect(byId(element, 'goal-statement')?.textContent).toContain('Salesforce Practice');
        expect(byId(element, 'empty')).toBeNull();
    });

    it('shows the empty state with a create action when there is no plan', async () => {
        const element = mount();
        wire.emit(summaryWithoutPlan);
        await flush();

        expect(byId(element, 'empty')).not.toBeNull();
        expect(byId(element, 'create')).not.toBeNull();
        expect(byId(element, 'plan')).toBeNull();
    });

    it('tells a user who may not create plans what to ask for', async () => {
        const element = mount();
        wire.emit({ ...summaryWithoutPlan, canCreatePlan: false });
        await flush();

        expect(byId(element, 'create')).toBeNull();
        expect(byId(element, 'no-create')?.textContent).toContain('Keystone User');
    });

    it('shows the server message when the summary fails', async () => {
        const element = mount();
        wire.error({ message: 'You do not have access to Keystone data here.' });
        await flush();

        expect(byId(element, 'error')?.textContent).toBe('You do not have access to Keystone data here.');
        expect(byId(element, 'plan')).toBeNull();
    });

    it('creates a plan from the form and shows the refused message inline, keeping the form', async () => {
        const element = mount();
        wire.emit(summaryWithoutPlan);
        await flush();
        byId(element, 'create')?.click();
        await flush();

        const form = byId(element, 'create-form');
        expect(form).not.toBeNull();
        const goal = element.shadowRoot?.querySelector('[data-field="revenueGoal"]') as HTMLInputElement;
        goal.value = '-5';
        goal.dispatchEvent(new CustomEvent('change'));
        createPlanMock.mockRejectedValueOnce({ body: { message: 'The revenue goal cannot be negative.' } });
        form?.dispatchEvent(new CustomEvent('submit', { cancelable: true }));
        await flush();
        await flush();

        expect(createPlanMock).toHaveBeenCalledTimes(1);
        const call = createPlanMock.mock.calls[0][0] as {
            accountId: string;
            plan: { revenueGoal: number; name: string };
        };
        expect(call.accountId).toBe('001000000000001AAA');
        expect(call.plan.revenueGoal).toBe(-5);
        expect(call.plan.name).toMatch(/^Meridian Bank FY\d{4} plan$/);
        expect(byId(element, 'form-error')?.textContent).toBe('The revenue goal cannot be negative.');
        expect(byId(element, 'create-form')).not.toBeNull();
    });

    it('drops a half-filled create form when the page moves to another account', async () => {
        const element = mount();
        wire.emit(summaryWithoutPlan);
        await flush();
        byId(element, 'create')?.click();
        await flush();
        expect(byId(element, 'create-form')).not.toBeNull();
        element.recordId = '001000000000002AAA';
        wire.emit(summaryWithoutPlan);
        await flush();
        expect(byId(element, 'create-form')).toBeNull();
        expect(byId(element, 'empty')).not.toBeNull();
    });

    it('closes the form after a successful create', async () => {
        const element = mount();
        wire.emit(summaryWithoutPlan);
        await flush();
        byId(element, 'create')?.click();
        await flush();
        createPlanMock.mockResolvedValueOnce('a00000000000009AAA');
        byId(element, 'create-form')?.dispatchEvent(new CustomEvent('submit', { cancelable: true }));
        await flush();
        await flush();

        expect(createPlanMock).toHaveBeenCalledTimes(1);
        expect(byId(element, 'create-form')).toBeNull();
    });

    it('is accessible with a plan', async () => {
        const element = mount();
        wire.emit(summaryWithPlan);
        await flush();
        await expect(element).toBeAccessible();
    });

    it('is accessible in the empty state', async () => {
        const element = mount();
        wire.emit(summaryWithoutPlan);
        await flush();
        await expect(element).toBeAccessible();
    });
});

// KeystoneErrorService's messages as the card shows them: the server's text, whole, in the error state
// or beside the form — a reference code for the admin included, nothing added or cut.
describe('c-account-plan-summary with Keystone error messages', () => {
    it('shows the unexpected-error message with its reference code whole', async () => {
        const message = unexpected.replace('{0}', 'KS-3F9A0C1B7D');
        const element = mount();
        wire.error({ message });
        await flush();

        expect(byId(element, 'error')?.textContent).toBe(message);
        expect(byId(element, 'error')?.textContent).toContain('KS-3F9A0C1B7D');
    });

    it('shows which fields the rep cannot see and the permission set to ask for', async () => {
        const message = noFieldRead.replace('{0}', 'Account Plan: Revenue Goal');
        const element = mount();
        wire.error({ message });
        await flush();

        expect(byId(element, 'error')?.textContent).toBe(message);
        expect(message).toContain('Keystone User');
    });

    it('shows a locked row beside the create form and keeps the form to try again', async () => {
        const element = mount();
        wire.emit(summaryWithoutPlan);
        await flush();
        byId(element, 'create')?.click();
        await flush();
        const form = byId(element, 'create-form');
        const goal = element.shadowRoot?.querySelector('[data-field="revenueGoal"]') as HTMLInputElement;
        goal.value = '5000';
        goal.dispatchEvent(new CustomEvent('change'));
        createPlanMock.mockRejectedValueOnce({ body: { message: rowLocked } });
        form?.dispatchEvent(new CustomEvent('submit', { cancelable: true }));
        await flush();
        await flush();

        expect(byId(element, 'form-error')?.textContent).toBe(rowLocked);
        expect(byId(element, 'create-form')).not.toBeNull();
    });
});
