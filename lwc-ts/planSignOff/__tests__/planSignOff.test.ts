import { createElement } from 'lwc';
import PlanSignOff from 'c/planSignOff';
import getSignOff from '@salesforce/apex/PlanSignOffController.getSignOff';
import submit from '@salesforce/apex/PlanSignOffController.submit';
import decide from '@salesforce/apex/PlanSignOffController.decide';
import recall from '@salesforce/apex/PlanSignOffController.recall';
import approvedChanged from './data/approvedChanged.json';
import draftWithApprover from './data/draftWithApprover.json';
import noPlan from '@salesforce/label/c.Keystone_SignOff_No_Plan';
import noAccess from '@salesforce/label/c.Keystone_SignOff_No_Access';
import noHistory from '@salesforce/label/c.Keystone_SignOff_No_History';
import noHistoryApproved from '@salesforce/label/c.Keystone_SignOff_No_History_Approved';
import ownPlan from '@salesforce/label/c.Keystone_SignOff_Own_Plan';
import rejectNeedsComment from '@salesforce/label/c.Keystone_SignOff_Reject_Needs_Comment';

jest.mock(
    '@salesforce/apex/PlanSignOffController.getSignOff',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
jest.mock('@salesforce/apex/PlanSignOffController.submit', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/PlanSignOffController.decide', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/PlanSignOffController.recall', () => ({ default: jest.fn() }), { virtual: true });

interface TestWireAdapter {
    emit(value: unknown): void;
    error(body?: unknown, status?: number, statusText?: string): void;
    getLastConfig(): Record<string, unknown>;
}
const wire = getSignOff as unknown as TestWireAdapter;
const submitMock = submit as unknown as jest.Mock;
const decideMock = decide as unknown as jest.Mock;
const recallMock = recall as unknown as jest.Mock;

type Panel = HTMLElement & { planId?: string };

function mount(planId: string | undefined = 'a0A000000000001AAA'): Panel {
    const element = createElement('c-plan-sign-off', { is: PlanSignOff }) as Panel;
    element.planId = planId;
    document.body.appendChild(element);
    return element;
}

function byId(element: HTMLElement, id: string): HTMLElement | null {
    return element.shadowRoot?.querySelector(`[data-id="${id}"]`) ?? null;
}

function text(element: HTMLElement, id: string): string {
    return byId(element, id)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

async function flush(ticks = 5): Promise<void> {
    await Promise.resolve();
    if (ticks > 1) await flush(ticks - 1);
}

function typeComment(element: HTMLElement, value: string): void {
    const area = byId(element, 'comment') as HTMLTextAreaElement;
    area.value = value;
    area.dispatchEvent(new CustomEvent('change'));
}

afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
});

describe('c-plan-sign-off', () => {
    it('shows a spinner until the sign-off arrives', () => {
        const element = mount();
        expect(element.shadowRoot?.querySelector('lightning-spinner')).not.toBeNull();
    });

    it('says to open a plan when it has none (empty state)', async () => {
        const element = mount('');
        await flush();
        expect(text(element, 'empty')).toBe(noPlan);
    });

    it('says the user cannot see the sign-off when the server cannot find the plan for them', async () => {
        const element = mount();
        wire.error({ message: noPlan });
        await flush();
        expect(text(element, 'no-access')).toBe(noAccess);
        expect(byId(element, 'load-error')).toBeNull();
    });

    it('shows any other failure as it is', async () => {
        const element = mount();
        wire.error({ message: 'Something went wrong in Keystone. KS-1' });
        await flush();
        expect(text(element, 'load-error')).toBe('Something went wrong in Keystone. KS-1');
    });

    it('shows the approver, the approval date, the history newest first and what changed since', async () => {
        const element = mount();
        wire.emit(approvedChanged);
        await flush();
        expect(text(element, 'approver')).toBe('Morgan Reyes');
        expect(text(element, 'status-line')).toContain('Approved on');
        const history = [...(byId(element, 'history')?.querySelectorAll('li') ?? [])].map((li) =>
            li.textContent?.replace(/\s+/g, ' ').trim()
        );
        expect(history[0]).toMatch(/^Approved · Morgan Reyes · .+ — Good plan$/);
        expect(history[1]).toMatch(/^Submitted · Alex Kim/);
        expect(text(element, 'changes-heading')).toMatch(/^Changed since approved on /);
        const lines = [...(byId(element, 'changes')?.querySelectorAll('li') ?? [])].map(
            (li) => li.textContent
        );
        expect(lines).toEqual([
            `Win the payments renewal · Target: ${(1000000).toLocaleString()} → ${(1500000).toLocaleString()}`,
            'Added: Exec dinner'
        ]);
        // nothing the user may not do is offered
        expect(byId(element, 'submit')).toBeNull();
        expect(byId(element, 'approve')).toBeNull();
        expect(byId(element, 'recall')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('says there are no changes when the plan is as approved', async () => {
        const element = mount();
        wire.emit({ ...approvedChanged, currentShape: approvedChanged.approvedShape });
        await flush();
        expect(byId(element, 'changes')).toBeNull();
        expect(byId(element, 'no-changes')).not.toBeNull();
    });

    it('has no changed-since section before any approval through Keystone', async () => {
        const element = mount();
        wire.emit(draftWithApprover);
        await flush();
        expect(byId(element, 'changes-heading')).toBeNull();
        expect(byId(element, 'no-history')).not.toBeNull();
    });

    it('says why an approved plan has no history, instead of "not submitted"', async () => {
        const element = mount();
        wire.emit({ ...approvedChanged, history: [] });
        await flush();
        expect(text(element, 'no-history')).toBe(noHistoryApproved);

        wire.emit({ ...draftWithApprover, history: [] });
        await flush();
        expect(text(element, 'no-history')).toBe(noHistory);
    });

    it('submits with a comment, then tells the workspace and reloads', async () => {
        submitMock.mockResolvedValue(undefined);
        const element = mount();
        const planChanged = jest.fn();
        document.body.addEventListener('planchange', planChanged);
        wire.emit(draftWithApprover);
        await flush();
        byId(element, 'submit')?.click();
        await flush();
        typeComment(element, 'Ready for review');
        byId(element, 'confirm')?.click();
        await flush();
        expect(submitMock).toHaveBeenCalledWith({
            planId: 'a0A000000000001AAA',
            comment: 'Ready for review'
        });
        expect(planChanged).toHaveBeenCalledTimes(1);
        expect(byId(element, 'comment-form')).toBeNull();
        document.body.removeEventListener('planchange', planChanged);
    });

    it('refuses a reject without a reason before asking the server', async () => {
        const element = mount();
        wire.emit({
            ...draftWithApprover,
            status: 'In Review',
            pending: true,
            canSubmit: false,
            canDecide: true
        });
        await flush();
        expect(text(element, 'status-line')).toBe('Waiting for your approval');
        byId(element, 'reject')?.click();
        await flush();
        byId(element, 'confirm')?.click();
        await flush();
        expect(decideMock).not.toHaveBeenCalled();
        expect(text(element, 'action-error')).toBe(rejectNeedsComment);
    });

    it('approves as the approver', async () => {
        decideMock.mockResolvedValue(undefined);
        const element = mount();
        wire.emit({
            ...draftWithApprover,
            status: 'In Review',
            pending: true,
            canSubmit: false,
            canDecide: true
        });
        await flush();
        byId(element, 'approve')?.click();
        await flush();
        byId(element, 'confirm')?.click();
        await flush();
        expect(decideMock).toHaveBeenCalledWith({
            planId: 'a0A000000000001AAA',
            action: 'Approve',
            comment: null
        });
    });

    it("keeps the comment and shows the server's refusal (the submitter approving their own plan)", async () => {
        decideMock.mockRejectedValue({ body: { message: ownPlan } });
        const element = mount();
        wire.emit({
            ...draftWithApprover,
            status: 'In Review',
            pending: true,
            canSubmit: false,
            canDecide: true
        });
        await flush();
        byId(element, 'approve')?.click();
        await flush();
        typeComment(element, 'LGTM');
        byId(element, 'confirm')?.click();
        await flush();
        expect(text(element, 'action-error')).toBe(ownPlan);
        expect((byId(element, 'comment') as HTMLTextAreaElement).value).toBe('LGTM');
    });

    it('recalls as the submitter while pending, and shows who must act', async () => {
        recallMock.mockResolvedValue(undefined);
        const element = mount();
        wire.emit({
            ...draftWithApprover,
            status: 'In Review',
            pending: true,
            pendingApproverName: 'Morgan Reyes',
            canSubmit: false,
            canRecall: true,
            submittedByMe: true
        });
        await flush();
        expect(text(element, 'status-line')).toBe('Waiting for Morgan Reyes to approve');
        byId(element, 'recall')?.click();
        await flush();
        expect(recallMock).toHaveBeenCalledWith({ planId: 'a0A000000000001AAA' });
    });

    it('follows a new plan id and drops a half-typed action for the old one', async () => {
        const element = mount();
        wire.emit(draftWithApprover);
        await flush();
        byId(element, 'submit')?.click();
        await flush();
        element.planId = 'a0A000000000009AAA';
        await flush();
        expect(wire.getLastConfig()).toEqual({ planId: 'a0A000000000009AAA' });
        expect(byId(element, 'comment-form')).toBeNull();
    });
});
