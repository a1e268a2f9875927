import { createElement } from 'lwc';
import AccountPlanSummary from 'c/accountPlanSummary';
import getPlanSummary from '@salesforce/apex/AccountPlanController.getPlanSummary';
import createPlan from '@salesforce/apex/AccountPlanController.createPlan';
import unexpected from '@salesforce/label/c.Keystone_Error_Unexpected';
import noFieldRead from '@salesforce/label/c.Keystone_Error_No_Field_Read';
import rowLocked from '@salesforce/label/c.Keystone_Error_Row_Locked';
import summaryWithoutPlan from './data/noPlan.json';

// KeystoneErrorService's messages as the card shows them: the server's text, whole, in the error state
// or beside the form — a reference code for the admin included, nothing added or cut.
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

function mount(): HTMLElement {
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
