import { createElement } from 'lwc';
import KeyAccountScoring from 'c/keyAccountScoring';
import getScoring from '@salesforce/apex/KeyAccountScoringController.getScoring';
import saveScores from '@salesforce/apex/CriterionScoreController.saveScores';
import scoring from './data/scoring.json';
import noReadAccessLabel from '@salesforce/label/c.Keystone_Scoring_No_Read_Access';
import emptyLabel from '@salesforce/label/c.Keystone_Scoring_Empty';
import readOnlyLabel from '@salesforce/label/c.Keystone_Scoring_Read_Only';

jest.mock(
    '@salesforce/apex/KeyAccountScoringController.getScoring',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
jest.mock('@salesforce/apex/CriterionScoreController.saveScores', () => ({ default: jest.fn() }), {
    virtual: true
});

interface TestWireAdapter {
    emit(value: unknown): void;
    error(body?: unknown, status?: number, statusText?: string): void;
    getLastConfig(): Record<string, unknown>;
}
const wire = getScoring as unknown as TestWireAdapter;
const saveMock = saveScores as unknown as jest.Mock;
type Host = HTMLElement & { recordId?: string };

function mount(recordId = '001000000000001AAA'): Host {
    const element = createElement('c-key-account-scoring', { is: KeyAccountScoring }) as Host;
    element.recordId = recordId;
    document.body.appendChild(element);
    return element;
}

function q(element: HTMLElement, selector: string): HTMLElement | null {
    return element.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
}

function all(element: HTMLElement, selector: string): HTMLElement[] {
    return Array.from(element.shadowRoot?.querySelectorAll<HTMLElement>(selector) ?? []);
}

async function flush(ticks = 5): Promise<void> {
    await Promise.resolve();
    if (ticks > 1) await flush(ticks - 1);
}

function type(element: HTMLElement, criterion: string, field: string, value: string): void {
    const input = q(element, `lightning-input[data-criterion="${criterion}"][data-field="${field}"]`);
    if (!input) throw new Error(`no ${field} input for ${criterion}`);
    input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
});

describe('c-key-account-scoring', () => {
    it('asks for the record it is on and shows a spinner until the matrix arrives', async () => {
        const element = mount();
        await flush();
        expect(wire.getLastConfig()).toEqual({ accountId: '001000000000001AAA' });
        expect(q(element, 'lightning-spinner')).not.toBeNull();
    });

    it('shows the total, why, the tier with its distances, the matrix and the relationship reasons', async () => {
        const element = mount();
        wire.emit(scoring);
        await flush();

        expect(q(element, '[data-id="total"]')?.textContent).toBe('7.40');
        expect(q(element, '[data-id="why"]')?.textContent?.trim()).toBe('Why 7.40');
        expect(all(element, '[data-id="breakdown"] li')).toHaveLength(5);
        expect(q(element, '[data-id="breakdown"] li .bar-words')?.textContent).toBe(
            'scored 8 × weight 25% = 2.00 points'
        );
        expect(q(element, '[data-id="tier"]')?.textContent).toBe('Tier 2');
        expect(q(element, '[data-id="promotion"]')?.textContent).toBe(
            '0.35 points to Tier 1: promoted at 7.75 or more'
        );
        expect(q(element, '[data-id="demotion"]')?.textContent).toBe(
            '1.65 points of room: drops to Tier 3 below 5.75'
        );
        expect(all(element, '[data-id="matrix"] tbody tr')).toHaveLength(5);
        expect(q(element, '[data-id="relationship"]')?.textContent).toBe('Interdependent');
        expect(all(element, '[data-id="reasons"] li')).toHaveLength(2);
        expect(q(element, '[data-id="edit"]')).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('a reader sees the matrix without Edit, and why', async () => {
        const element = mount();
        wire.emit({ ...scoring, canEdit: false });
        await flush();
        expect(q(element, '[data-id="edit"]')).toBeNull();
        expect(q(element, '[data-id="read-only"]')?.textContent?.trim()).toBe(readOnlyLabel);
    });

    it('names the missing criteria while the total waits', async () => {
        const element = mount();
        wire.emit({ ...scoring, total: null, missing: ['Purchasing Process'] });
        await flush();
        expect(q(element, '[data-id="total"]')?.textContent).toBe('–');
        expect(q(element, '[data-id="missing"]')?.textContent).toBe('Not scored yet: Purchasing Process');
        expect(q(element, '[data-id="promotion"]')).toBeNull();
    });

    it('shows the error, the no-access and the empty states', async () => {
        const failing = mount();
        wire.error({ message: 'This account does not exist or you cannot see it.' });
        await flush();
        expect(q(failing, '[data-id="error"]')?.textContent).toBe(
            'This account does not exist or you cannot see it.'
        );
        document.body.removeChild(failing);

        const hidden = mount();
        wire.emit({ ...scoring, canRead: false, rows: [] });
        await flush();
        expect(q(hidden, '[data-id="no-access"]')?.textContent).toBe(noReadAccessLabel);
        document.body.removeChild(hidden);

        const empty = mount();
        wire.emit({ ...scoring, rows: [] });
        await flush();
        expect(q(empty, '[data-id="empty"]')?.textContent).toBe(emptyLabel);
    });

    it('a configuration problem is shown and Edit is withheld', async () => {
        const element = mount();
        wire.emit({ ...scoring, configurationError: 'The weights add up to 115, not 100.' });
        await flush();
        expect(q(element, '[data-id="configuration"]')?.textContent).toBe(
            'The weights add up to 115, not 100.'
        );
        expect(q(element, '[data-id="edit"]')).toBeNull();
    });

    it('a manager edits scores and comments and saves them all at once', async () => {
        saveMock.mockResolvedValue(scoring);
        const element = mount();
        wire.emit(scoring);
        await flush();
        q(element, '[data-id="edit"]')?.click();
        await flush();

        type(element, 'Revenue_Potential', 'score', '9');
        type(element, 'Transaction_Size', 'score', '');
        type(element, 'Product_Fit', 'comment', 'Fits the helicopter programme');
        q(element, '[data-id="save"]')?.click();
        await flush();

        expect(saveMock).toHaveBeenCalledTimes(1);
        const { accountId, scores } = saveMock.mock.calls[0][0] as {
            accountId: string;
            scores: { criterion: string; score: number | null; comment: string | null }[];
        };
        expect(accountId).toBe('001000000000001AAA');
        expect(scores[0]).toEqual({
            criterion: 'Product_Fit',
            score: 8,
            comment: 'Fits the helicopter programme'
        });
        expect(scores[1]).toEqual({ criterion: 'Revenue_Potential', score: 9, comment: null });
        expect(scores[2]).toEqual({ criterion: 'Transaction_Size', score: null, comment: null });
        expect(q(element, '[data-id="matrix-edit"]')).toBeNull();
        expect(q(element, '[data-id="matrix"]')).not.toBeNull();
    });

    it('a score out of range is refused before the server is asked, keeping what was typed', async () => {
        const element = mount();
        wire.emit(scoring);
        await flush();
        q(element, '[data-id="edit"]')?.click();
        await flush();
        type(element, 'Purchasing_Process', 'score', '12');
        q(element, '[data-id="save"]')?.click();
        await flush();

        expect(saveMock).not.toHaveBeenCalled();
        expect(q(element, '[data-id="form-error"]')?.textContent).toBe(
            'The score of Purchasing Process must be a whole number from 1 to 10.'
        );
        expect(q(element, '[data-id="matrix-edit"]')).not.toBeNull();
    });

    it('the server refusal is shown where the manager acted', async () => {
        saveMock.mockRejectedValue({ body: { message: 'The weights add up to 115, not 100.' } });
        const element = mount();
        wire.emit(scoring);
        await flush();
        q(element, '[data-id="edit"]')?.click();
        await flush();
        q(element, '[data-id="save"]')?.click();
        await flush();
        expect(q(element, '[data-id="form-error"]')?.textContent).toBe('The weights add up to 115, not 100.');
    });

    it('follows the record: a new account reloads and an answer for the old one is not shown', async () => {
        const element = mount();
        wire.emit(scoring);
        await flush();
        element.recordId = '001000000000002AAA';
        await flush();
        expect(wire.getLastConfig()).toEqual({ accountId: '001000000000002AAA' });
        expect(q(element, '[data-id="total"]')).toBeNull();
    });
});
