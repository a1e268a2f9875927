import { createElement } from 'lwc';
import AccountPlanWorkspace from 'c/accountPlanWorkspace';
import getWorkspace from '@salesforce/apex/AccountPlanWorkspaceController.getWorkspace';
import markReviewed from '@salesforce/apex/AccountPlanWorkspaceController.markReviewed';
import cloneToNextPeriod from '@salesforce/apex/AccountPlanWorkspaceController.cloneToNextPeriod';
import getSignOff from '@salesforce/apex/PlanSignOffController.getSignOff';
import { refreshApex } from '@salesforce/apex';
import { encodeDefaultFieldValues } from 'lightning/pageReferenceUtils';
import workspaceWithPlan from './data/workspace.json';
import workspaceWithoutPlan from './data/noPlan.json';
import noFrequency from '@salesforce/label/c.Keystone_Review_No_Frequency';

jest.mock(
    '@salesforce/apex/AccountPlanWorkspaceController.getWorkspace',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
// the sign-off section's own wire, so a test can hand it a loaded sign-off
jest.mock(
    '@salesforce/apex/PlanSignOffController.getSignOff',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
jest.mock('@salesforce/apex/AccountPlanWorkspaceController.markReviewed', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock(
    '@salesforce/apex/AccountPlanWorkspaceController.cloneToNextPeriod',
    () => ({ default: jest.fn() }),
    {
        virtual: true
    }
);
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });
// records where the workspace navigates (the stock stub forgets it)
jest.mock('lightning/navigation', () => {
    const Navigate = Symbol('Navigate');
    const navigate = jest.fn();
    const NavigationMixin = (Base: new () => object) =>
        class extends Base {
            [Navigate](reference: unknown): void {
                navigate(reference);
            }
        };
    NavigationMixin.Navigate = Navigate;
    return { NavigationMixin, navigate };
});

interface TestWireAdapter {
    emit(value: unknown): void;
    error(body?: unknown, status?: number, statusText?: string): void;
    getLastConfig(): Record<string, unknown>;
}
const wire = getWorkspace as unknown as TestWireAdapter;
const signOffWire = getSignOff as unknown as TestWireAdapter;
const markReviewedMock = markReviewed as unknown as jest.Mock;
const cloneMock = cloneToNextPeriod as unknown as jest.Mock;
const refreshApexMock = refreshApex as unknown as jest.Mock;
const navigateMock = jest.requireMock<{ navigate: jest.Mock }>('lightning/navigation').navigate;

type WorkspaceElement = HTMLElement & {
    recordId?: string;
    showSignOff?: boolean;
    showSwot?: boolean;
    compactHeader?: boolean;
};

function mount(properties: Partial<WorkspaceElement> = {}): WorkspaceElement {
    const element = createElement('c-account-plan-workspace', {
        is: AccountPlanWorkspace
    }) as WorkspaceElement;
    element.recordId = '001000000000001AAA';
    Object.assign(element, properties);
    document.body.appendChild(element);
    return element;
}

function byId(element: HTMLElement, id: string): HTMLElement | null {
    return element.shadowRoot?.querySelector(`[data-id="${id}"]`) ?? null;
}

function sections(element: HTMLElement): string[] {
    return Array.from(element.shadowRoot?.querySelectorAll<HTMLElement>('[data-section]') ?? []).map(
        (section) => section.dataset.section ?? ''
    );
}

function withPlan(overrides: Record<string, unknown> = {}): unknown {
    return { ...workspaceWithPlan, ...overrides };
}

// Lets the wire, the rendering and an awaited Apex promise settle (microtasks only).
async function flush(ticks = 6): Promise<void> {
    await Promise.resolve();
    if (ticks > 1) await flush(ticks - 1);
}

afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
});

describe('c-account-plan-workspace', () => {
    it('shows a spinner until the workspace arrives', () => {
        const element = mount();
        expect(element.shadowRoot?.querySelector('lightning-spinner')).not.toBeNull();
    });

    it('draws the header: status path, name, mining and farming against their targets, review, approver', async () => {
        const element = mount();
        wire.emit(workspaceWithPlan);
        await flush();

        expect(byId(element, 'plan-name')?.textContent).toBe('Aeronova Group FY2026 Account Plan');
        const steps = Array.from(element.shadowRoot?.querySelectorAll<HTMLElement>('[data-step]') ?? []);
        expect(steps.map((step) => step.dataset.step)).toEqual(['Draft', 'In Review', 'Approved', 'Closed']);
        expect(steps[0]?.className).toContain('slds-is-complete');
        expect(steps[1]?.className).toContain('slds-is-current');
        expect(steps[1]?.getAttribute('aria-current')).toBe('step');
        expect(steps[2]?.className).toContain('slds-is-incomplete');
        expect(byId(element, 'mining-progress')?.textContent).toContain('75% of target');
        expect(byId(element, 'farming-progress')?.textContent).toContain('23% of target');
        expect(byId(element, 'approver')?.textContent).toBe('Morgan Reyes');
        // the review date of the fixture is long past: it stands out
        expect(byId(element, 'review')?.className).toContain('slds-text-color_error');
        expect(byId(element, 'goal-statement')?.textContent).toContain('$12M');
        expect(byId(element, 'reviewed-today')).not.toBeNull();
        expect(byId(element, 'clone')).not.toBeNull();
        expect(byId(element, 'go-to-sign-off')).toBeNull();
        expect(sections(element)).toEqual(['objectives', 'milestones', 'swot', 'cases', 'signOff']);
    });

    it('is accessible', async () => {
        const element = mount();
        wire.emit(workspaceWithPlan);
        await flush();
        await expect(element).toBeAccessible();
    });

    it('offers neither action to a user who may take neither, and says when a frequency is missing', async () => {
        const element = mount();
        wire.emit(withPlan({ canReview: false, canClone: false, reviewNeedsFrequency: true }));
        await flush();
        expect(byId(element, 'actions')).toBeNull();
        expect(byId(element, 'needs-frequency')).not.toBeNull();
    });

    it('offers to create a plan on the new Account Plan page when the account has none, and no sections', async () => {
        const element = mount({ recordId: '001000000000002AAA' });
        wire.emit(workspaceWithoutPlan);
        await flush();
        expect(byId(element, 'empty')).not.toBeNull();
        expect(sections(element)).toEqual([]);

        byId(element, 'create')?.click();
        const reference = navigateMock.mock.calls[0]?.[0] as {
            type: string;
            attributes: Record<string, string>;
        };
        expect(reference.type).toBe('standard__objectPage');
        expect(reference.attributes).toEqual({ objectApiName: 'Account_Plan__c', actionName: 'new' });
        expect(encodeDefaultFieldValues as unknown as jest.Mock).toHaveBeenCalledWith(
            expect.objectContaining({
                Account__c: '001000000000002AAA',
                Name: expect.stringContaining('Globex Industries') as unknown,
                Status__c: 'Draft'
            })
        );
    });

    it('tells a user who may not create plans whom to ask', async () => {
        const element = mount({ recordId: '001000000000002AAA' });
        wire.emit({ ...workspaceWithoutPlan, canCreatePlan: false });
        await flush();
        expect(byId(element, 'create')).toBeNull();
        expect(byId(element, 'no-create')).not.toBeNull();
    });

    it('says what went wrong when the workspace cannot load', async () => {
        const element = mount();
        wire.error({ message: 'This account does not exist or you do not have access to it.' });
        await flush();
        expect(byId(element, 'error')?.textContent).toBe(
            'This account does not exist or you do not have access to it.'
        );
        expect(sections(element)).toEqual([]);
    });

    it('loads for an Account Plan record and again when the page moves to another record', async () => {
        const element = mount({ recordId: 'a01000000000001AAA' });
        await flush();
        expect(wire.getLastConfig()).toEqual({ recordId: 'a01000000000001AAA' });
        wire.emit(workspaceWithPlan);
        await flush();
        markReviewedMock.mockRejectedValue({ body: { message: noFrequency } });
        byId(element, 'reviewed-today')?.click();
        await flush();
        expect(byId(element, 'action-error')?.textContent).toBe(noFrequency);

        element.recordId = '001000000000002AAA';
        await flush();
        expect(wire.getLastConfig()).toEqual({ recordId: '001000000000002AAA' });
        expect(byId(element, 'action-error')).toBeNull();
    });

    it('records a review today and reloads the header', async () => {
        const element = mount();
        wire.emit(workspaceWithPlan);
        await flush();
        markReviewedMock.mockResolvedValue('2027-03-04');
        const toasts: CustomEvent[] = [];
        element.addEventListener('lightning__showtoast', (event) => toasts.push(event as CustomEvent));

        byId(element, 'reviewed-today')?.click();
        await flush();

        expect(markReviewedMock).toHaveBeenCalledWith({ planId: 'a01000000000001AAA' });
        expect(toasts).toHaveLength(1);
        expect(refreshApexMock).toHaveBeenCalledTimes(1);
        expect(byId(element, 'action-error')).toBeNull();
    });

    it('clones to the next period and opens the new plan', async () => {
        const element = mount();
        wire.emit(workspaceWithPlan);
        await flush();
        cloneMock.mockResolvedValue('a01000000000009AAA');

        byId(element, 'clone')?.click();
        await flush();

        expect(cloneMock).toHaveBeenCalledWith({ planId: 'a01000000000001AAA' });
        expect(navigateMock).toHaveBeenCalledWith({
            type: 'standard__recordPage',
            attributes: {
                recordId: 'a01000000000009AAA',
                objectApiName: 'Account_Plan__c',
                actionName: 'view'
            }
        });
    });

    it('keeps the page and says why when the clone is refused', async () => {
        const element = mount();
        wire.emit(workspaceWithPlan);
        await flush();
        const refusal = 'Aeronova Group FY2027 Account Plan already covers part of 2027-01-01 – 2027-12-31.';
        cloneMock.mockRejectedValue({ body: { message: refusal } });

        byId(element, 'clone')?.click();
        await flush();

        expect(byId(element, 'action-error')?.textContent).toBe(refusal);
        expect(navigateMock).not.toHaveBeenCalled();
    });

    it('holds each plan component in its section and reloads the header when one reports a change', async () => {
        const element = mount();
        wire.emit(workspaceWithPlan);
        await flush();
        const section = element.shadowRoot?.querySelector('[data-section="objectives"] c-plan-objectives');
        expect(section).not.toBeNull();
        section?.dispatchEvent(new CustomEvent('planchange', { bubbles: true, composed: true }));
        await flush();
        expect(refreshApexMock).toHaveBeenCalledWith(expect.objectContaining({ data: workspaceWithPlan }));
    });

    it('has the sign-off load again when another section saved, so "changed since approved" follows', async () => {
        const element = mount();
        wire.emit(workspaceWithPlan);
        await flush();
        const signOff = { planId: workspaceWithPlan.plan.id, status: 'Approved', history: [] };
        signOffWire.emit(signOff);
        await flush();
        const objectives = element.shadowRoot?.querySelector('[data-section="objectives"] c-plan-objectives');
        objectives?.dispatchEvent(new CustomEvent('planchange', { bubbles: true, composed: true }));
        await flush();
        expect(refreshApexMock).toHaveBeenCalledTimes(2);
        expect(refreshApexMock).toHaveBeenCalledWith(expect.objectContaining({ data: signOff }));

        // the sign-off's own save reloads itself: the workspace reloads only its header
        refreshApexMock.mockClear();
        const panel = element.shadowRoot?.querySelector('[data-section="signOff"] c-plan-sign-off');
        panel?.dispatchEvent(new CustomEvent('planchange', { bubbles: true, composed: true }));
        await flush();
        expect(refreshApexMock).toHaveBeenCalledTimes(1);
        expect(refreshApexMock).not.toHaveBeenCalledWith(expect.objectContaining({ data: signOff }));
    });

    it('points the approver of a plan in review at the sign-off, unless the page leaves it out', async () => {
        const element = mount();
        wire.emit(withPlan({ awaitingMySignOff: true }));
        await flush();
        expect(byId(element, 'go-to-sign-off')).not.toBeNull();

        element.showSignOff = false;
        await flush();
        expect(byId(element, 'go-to-sign-off')).toBeNull();
        expect(sections(element)).not.toContain('signOff');
    });

    it('follows the App Builder switches: sections off, compact header', async () => {
        const element = mount({ showSwot: false, compactHeader: true });
        wire.emit(workspaceWithPlan);
        await flush();
        expect(sections(element)).toEqual(['objectives', 'milestones', 'cases', 'signOff']);
        expect(byId(element, 'goal-statement')).toBeNull();
        expect(byId(element, 'approver')).toBeNull();
        expect(byId(element, 'mining-progress')).not.toBeNull();
    });
});
