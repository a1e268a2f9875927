import { createElement } from 'lwc';
import AccountHealth from 'c/accountHealth';
import getHealth from '@salesforce/apex/AccountHealthController.getHealth';
import view from './data/health.json';
import emptyLabel from '@salesforce/label/c.Keystone_Account_Health_Empty';
import trendEmptyLabel from '@salesforce/label/c.Keystone_Account_Health_Trend_Empty';
import trendNoAccessLabel from '@salesforce/label/c.Keystone_Account_Health_Trend_No_Access';

jest.mock(
    '@salesforce/apex/AccountHealthController.getHealth',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);

interface TestWireAdapter {
    emit(value: unknown): void;
    error(body?: unknown, status?: number, statusText?: string): void;
    getLastConfig(): Record<string, unknown>;
}
const wire = getHealth as unknown as TestWireAdapter;

type Host = HTMLElement & { recordId?: string };

function mount(recordId = '001000000000001AAA'): Host {
    const element = createElement('c-account-health', { is: AccountHealth }) as Host;
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

afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
});

describe('c-account-health', () => {
    it('shows a spinner until the view arrives', () => {
        const element = mount();
        expect(q(element, 'lightning-spinner')).not.toBeNull();
    });

    it('shows hygiene and health side by side, each with its breakdown in words', async () => {
        const element = mount();
        wire.emit(view);
        await flush();
        expect(q(element, '[data-id="hygiene"] [data-role="score"]')?.textContent).toContain('86 of 100');
        expect(q(element, '[data-id="hygiene"] [data-role="band"]')?.textContent).toBe('Good');
        expect(q(element, '[data-id="health"] [data-role="band"]')?.textContent).toBe('Weak');
        const whys = all(element, '[data-id="health"] [data-role="why"]').map((p) => p.textContent);
        expect(whys[0]).toContain('one buying center, CIO Org');
        expect(q(element, '[data-id="health"] [data-role="missing"]')?.textContent).toContain(
            'Latest Health Assessment'
        );
        expect(q(element, '[data-id="health"] .line_missing')).not.toBeNull();
    });

    it('draws the monthly trend as two lines with a readable summary', async () => {
        const element = mount();
        wire.emit(view);
        await flush();
        const chart = q(element, '[data-id="trend-chart"]');
        expect(chart?.getAttribute('aria-label')).toContain('Aug');
        expect(q(element, '[data-id="hygiene-line"]')?.getAttribute('d')).toMatch(/^M/);
        expect(q(element, '[data-id="health-line"]')?.getAttribute('d')).toMatch(/^M/);
        expect(all(element, '[data-role="month"]')).toHaveLength(3);
    });

    it('says when there is no history yet, or when the user may not read it', async () => {
        const element = mount();
        wire.emit({ ...view, trend: [] });
        await flush();
        expect(q(element, '[data-id="trend-empty"]')?.textContent).toBe(trendEmptyLabel);
        wire.emit({ ...view, trend: [], trendReadable: false });
        await flush();
        expect(q(element, '[data-id="trend-no-access"]')?.textContent).toBe(trendNoAccessLabel);
    });

    it('says when there is nothing to measure', async () => {
        const element = mount();
        wire.emit({ current: null, trend: [], trendReadable: true });
        await flush();
        expect(q(element, '[data-id="empty"]')?.textContent).toBe(emptyLabel);
    });

    it('shows the server’s readable message on an error', async () => {
        const element = mount();
        wire.error({ message: 'You cannot see Account Plan here.' });
        await flush();
        expect(q(element, '[data-id="error"]')?.textContent).toContain('You cannot see Account Plan here.');
    });

    it('asks again for a new record and is accessible', async () => {
        const element = mount();
        wire.emit(view);
        await flush();
        element.recordId = 'a00000000000002AAA';
        await flush();
        expect(wire.getLastConfig()).toEqual({ recordId: 'a00000000000002AAA' });
        await expect(element).toBeAccessible();
    });
});
