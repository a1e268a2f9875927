import { createElement } from 'lwc';
import KeyAccountPortfolio from 'c/keyAccountPortfolio';
import getPortfolio from '@salesforce/apex/KeyAccountPortfolioController.getPortfolio';
import portfolio from './data/portfolio.json';
import noAccessLabel from '@salesforce/label/c.Keystone_Portfolio_No_Access';
import emptyLabel from '@salesforce/label/c.Keystone_Portfolio_Empty';
import plansHiddenLabel from '@salesforce/label/c.Keystone_Portfolio_Plans_Hidden';
import tierChangesHiddenLabel from '@salesforce/label/c.Keystone_Portfolio_Tier_Changes_Hidden';
import sizeHiddenLabel from '@salesforce/label/c.Keystone_Portfolio_Size_Hidden';

jest.mock(
    '@salesforce/apex/KeyAccountPortfolioController.getPortfolio',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);

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
}
const wire = getPortfolio as unknown as TestWireAdapter;

type Host = HTMLElement & {
    attractivenessSplit?: number | string;
    healthSplit?: number | string;
    bubbleSize?: string;
};

function mount(properties: Partial<Host> = {}): Host {
    const element = createElement('c-key-account-portfolio', { is: KeyAccountPortfolio }) as Host;
    Object.assign(element, properties);
    document.body.appendChild(element);
    return element;
}

function q(element: HTMLElement, selector: string): HTMLElement | null {
    return element.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
}

function all(element: HTMLElement, selector: string): HTMLElement[] {
    return [...(element.shadowRoot?.querySelectorAll<HTMLElement>(selector) ?? [])];
}

async function flush(ticks = 5): Promise<void> {
    await Promise.resolve();
    if (ticks > 1) await flush(ticks - 1);
}

afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    mockNavigate.mockReset();
});

describe('c-key-account-portfolio', () => {
    it('shows a spinner until the portfolio arrives', () => {
        const element = mount();
        expect(q(element, 'lightning-spinner')).not.toBeNull();
    });

    it('ranks the key accounts, draws a bubble per scored account and lists what waits', async () => {
        const element = mount();
        wire.emit(portfolio);
        await flush();
        const rows = all(element, 'tbody tr');
        expect(rows.map((row) => row.querySelector('a[data-role="account"]')!.textContent)).toEqual([
            'Aeronova Group',
            'Meridian Bank',
            'Globex Industries'
        ]);
        expect(rows[1]!.className).toContain('portfolio-row_overdue');
        const bubbles = all(element, '[data-id="quadrant"] g.bubble');
        expect(bubbles.map((bubble) => bubble.dataset.id)).toEqual([
            '001000000000001AAA',
            '001000000000002AAA'
        ]);
        expect(bubbles[0]!.getAttribute('aria-label')).toContain('Aeronova Group');
        expect(bubbles[0]!.getAttribute('aria-label')).toContain('Fix the relationship');
        expect(q(element, '[data-id="unplaced"]')!.textContent).toContain('Globex Industries');
        expect(q(element, '[data-id="awaiting"]')!.textContent).toContain('Aeronova Group');
        expect(q(element, '[data-id="awaiting"]')!.textContent).toContain('Morgan Reyes');
        expect(q(element, '[data-id="awaiting"]')!.textContent).toContain('10 days waiting');
        expect(q(element, '[data-id="overdue"]')!.textContent).toContain('5 days overdue');
        expect(q(element, '[data-id="tier-changes"]')!.textContent).toContain('Tier 2 → Tier 3');
    });

    it('sorts by a column on click and back on the second click, saying how it is sorted', async () => {
        const element = mount();
        wire.emit(portfolio);
        await flush();
        q(element, 'button[data-column="health"]')!.click();
        await flush();
        const names = (): string[] =>
            all(element, 'a[data-role="account"]').map((link) => link.textContent ?? '');
        expect(names()).toEqual(['Meridian Bank', 'Aeronova Group', 'Globex Industries']);
        const header = q(element, 'button[data-column="health"]')!.closest('th')!;
        expect(header.getAttribute('aria-sort')).toBe('descending');
        q(element, 'button[data-column="health"]')!.click();
        await flush();
        expect(names()).toEqual(['Aeronova Group', 'Meridian Bank', 'Globex Industries']);
    });

    it('opens an account from the table, the quadrant and the lists, and a plan from its status', async () => {
        const element = mount();
        wire.emit(portfolio);
        await flush();
        q(element, 'a[data-role="account"]')!.click();
        all(element, '[data-id="quadrant"] g.bubble')[1]!.dispatchEvent(
            new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })
        );
        q(element, '[data-id="awaiting"] a[data-id="a01000000000001AAA"]')!.click();
        expect(mockNavigate.mock.calls.map((call) => call[0].attributes)).toEqual([
            { recordId: '001000000000001AAA', objectApiName: 'Account', actionName: 'view' },
            { recordId: '001000000000002AAA', objectApiName: 'Account', actionName: 'view' },
            { recordId: 'a01000000000001AAA', objectApiName: 'Account_Plan__c', actionName: 'view' }
        ]);
    });

    it('moves the quadrant boundaries with the App Builder properties and names refused ones', async () => {
        const element = mount({ attractivenessSplit: 9, healthSplit: 200, bubbleSize: 'pipeline' });
        wire.emit(portfolio);
        await flush();
        const bubbles = all(element, '[data-id="quadrant"] g.bubble');
        // below a boundary of 9 Aeronova (8.6, health 38) is to reconsider; the refused health boundary is 50
        expect(bubbles.find((bubble) => bubble.dataset.id === '001000000000001AAA')!.dataset.quadrant).toBe(
            'reconsider'
        );
        expect(q(element, '[data-id="settings-refused"]')!.textContent).toContain('healthSplit');
        expect(q(element, '[data-id="size"]')!.textContent).toContain('pipeline');
    });

    it('says when there are no key accounts', async () => {
        const element = mount();
        wire.emit({ ...portfolio, accounts: [], tierChanges: [], awaitingSignOff: [], overdueReviews: [] });
        await flush();
        expect(q(element, '[data-id="empty"]')!.textContent).toBe(emptyLabel);
        expect(q(element, 'table')).toBeNull();
    });

    it('says when the user may not read key-account scores', async () => {
        const element = mount();
        wire.emit({ ...portfolio, canRead: false, accounts: [] });
        await flush();
        expect(q(element, '[data-id="no-access"]')!.textContent).toBe(noAccessLabel);
    });

    it('says which parts are hidden from a user who may not read plans, snapshots or amounts', async () => {
        const element = mount();
        wire.emit({ ...portfolio, canReadPlans: false, canReadTierChanges: false, canReadAmounts: false });
        await flush();
        expect(q(element, '[data-id="plans-hidden"]')!.textContent).toBe(plansHiddenLabel);
        expect(q(element, '[data-id="tier-changes-hidden"]')!.textContent).toBe(tierChangesHiddenLabel);
        expect(q(element, '[data-id="size"]')!.textContent).toBe(sizeHiddenLabel);
        const radii = all(element, '[data-id="quadrant"] circle').map((circle) => circle.getAttribute('r'));
        expect(new Set(radii).size).toBe(1);
    });

    it('says when the portfolio is capped', async () => {
        const element = mount();
        wire.emit({ ...portfolio, capped: true });
        await flush();
        expect(q(element, '[data-id="capped"]')!.textContent).toContain('300');
    });

    it('shows a readable error when the server fails', async () => {
        const element = mount();
        wire.error({ message: 'The server is unavailable.' });
        await flush();
        expect(q(element, '[data-id="error"]')!.textContent).toContain('The server is unavailable.');
    });

    it('is accessible', async () => {
        const element = mount();
        wire.emit(portfolio);
        await flush();
        await expect(element).toBeAccessible();
    });
});
