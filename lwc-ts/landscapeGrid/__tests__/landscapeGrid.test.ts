import { createElement } from 'lwc';
import LandscapeGrid from 'c/landscapeGrid';
import getLandscape from '@salesforce/apex/LandscapeController.getLandscape';
import saveCell from '@salesforce/apex/LandscapeController.saveCell';
import type { LandscapeDto } from 'c/landscapeModel';

jest.mock('@salesforce/apex/LandscapeController.getLandscape', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/LandscapeController.saveCell', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/LandscapeController.removeCell', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/LandscapeController.addBuyingCenter', () => ({ default: jest.fn() }), {
    virtual: true
});

const getLandscapeMock = getLandscape as unknown as jest.Mock;
const saveCellMock = saveCell as unknown as jest.Mock;

function landscape(overrides: Partial<LandscapeDto> = {}): LandscapeDto {
    return {
        accountId: '001000000000001AAA',
        accountName: 'Aeronova Group',
        currencyIsoCode: 'USD',
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        previousStart: '2025-01-01',
        previousEnd: '2025-12-31',
        canEdit: true,
        buyingCenters: [
            { id: 'heli', name: 'Helicopters', parentId: null, kind: 'Division', active: true },
            { id: 'heliEu', name: 'Helicopters Europe', parentId: 'heli', kind: 'Region', active: true },
            { id: 'sales', name: 'Sales', parentId: null, kind: 'Function', active: true }
        ],
        offerings: [
            { id: 'iot', name: 'IoT Platforms', family: 'Platforms', sortOrder: 1 },
            { id: 'sf', name: 'Salesforce Practice', family: 'CRM', sortOrder: 2 }
        ],
        cells: [
            {
                id: 'c1',
                buyingCenterId: 'sales',
                offeringId: 'sf',
                status: 'Whitespace Target',
                potentialValue: 1_000_000,
                targetDate: null,
                competitor: null,
                notes: null
            }
        ],
        business: [
            {
                buyingCenterId: 'heliEu',
                offeringId: 'iot',
                period: 'current',
                outcome: 'open',
                amount: 800_000,
                expected: 80_000,
                deals: 1
            },
            {
                buyingCenterId: null,
                offeringId: null,
                period: 'current',
                outcome: 'won',
                amount: 250_000,
                expected: 250_000,
                deals: 1
            }
        ],
        coverage: [{ buyingCenterId: 'heli', stance: 'Supporter', contacts: 3 }],
        openCases: [],
        plan: null,
        ...overrides
    };
}

function mount(properties: Record<string, unknown> = {}): HTMLElement {
    const element: HTMLElement = createElement('c-landscape-grid', { is: LandscapeGrid });
    Object.assign(element, { recordId: '001000000000001AAA', ...properties });
    document.body.appendChild(element);
    return element;
}

async function settle(ticks = 8): Promise<void> {
    await Promise.resolve();
    if (ticks > 1) await settle(ticks - 1);
}

function cellText(element: HTMLElement, rowId: string, columnId: string): string {
    return element
        .shadowRoot!.querySelector(`td[data-row="${rowId}"][data-column="${columnId}"]`)!
        .textContent!.trim();
}

afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
});

describe('c-landscape-grid', () => {
    it("asks for the plan's period and shows rows, columns, unmapped business and the grand total", async () => {
        getLandscapeMock.mockResolvedValue(landscape());
        const element = mount();
        await settle();
        expect(getLandscapeMock).toHaveBeenCalledWith({
            accountId: '001000000000001AAA',
            periodStart: null,
            periodEnd: null
        });
        const root = element.shadowRoot!;
        const rows = Array.from(root.querySelectorAll('tbody tr')).map((row) => row.getAttribute('data-row'));
        expect(rows).toEqual(['heli', 'heliEu', 'sales', 'unmapped']);
        expect(cellText(element, 'sales', 'sf')).toBe('$1M target');
        expect(cellText(element, 'heliEu', 'iot')).toBe('$800K pipeline');
        expect(root.querySelector('td[data-row="heliEu"][data-column="iot"]')!.getAttribute('title')).toBe(
            '$0 won · $800K pipeline ($80K weighted) · deals: 1'
        );
        expect(cellText(element, 'unmapped', 'unmapped')).toBe('$250K won');
        expect(root.querySelector('[data-id="grand-total"]')!.textContent).toBe('$1.1M');
        expect(root.querySelector('[data-row="heli"] [data-id="coverage"]')!.textContent).toBe(
            '3 people, best Supporter'
        );
    });

    it('follows the record: a new recordId loads that account and a late answer for the old one is dropped', async () => {
        let answerFirst: (value: unknown) => void = () => undefined;
        getLandscapeMock
            .mockImplementationOnce(() => new Promise((resolve) => (answerFirst = resolve)))
            .mockResolvedValueOnce(
                landscape({
                    accountId: '001000000000002AAA',
                    accountName: 'Meridian Bank',
                    buyingCenters: [
                        {
                            id: 'retail',
                            name: 'Retail Banking Europe',
                            parentId: null,
                            kind: null,
                            active: true
                        }
                    ],
                    cells: [],
                    business: []
                })
            );
        const element = mount() as HTMLElement & { recordId?: string };
        await settle();
        element.recordId = '001000000000002AAA';
        await settle();
        expect(getLandscapeMock).toHaveBeenLastCalledWith({
            accountId: '001000000000002AAA',
            periodStart: null,
            periodEnd: null
        });
        answerFirst(landscape());
        await settle();
        const rows = (): (string | null)[] =>
            Array.from(element.shadowRoot!.querySelectorAll('tbody tr')).map((row) =>
                row.getAttribute('data-row')
            );
        expect(rows()).toEqual(['retail']);

        getLandscapeMock.mockResolvedValueOnce(landscape());
        element.recordId = '001000000000001AAA';
        await settle();
        expect(rows()).toEqual(['heli', 'heliEu', 'sales', 'unmapped']);
    });

    it('switches views, folds a division and groups offerings by family', async () => {
        getLandscapeMock.mockResolvedValue(landscape());
        const element = mount({ defaultView: 'status' });
        await settle();
        const root = element.shadowRoot!;
        expect(cellText(element, 'sales', 'iot')).toBe('Whitespace');
        (root.querySelector('[data-view="change"]') as HTMLElement).click();
        await settle();
        expect(cellText(element, 'sales', 'sf')).toBe('$1M targeted');
        (root.querySelector('lightning-button-icon[data-row="heli"]') as HTMLElement).click();
        await settle();
        expect(root.querySelector('tr[data-row="heliEu"]')).toBeNull();
        expect(cellText(element, 'heli', 'iot')).toBe('$800K opened');
        const family = root.querySelector('[data-id="by-family"]') as HTMLInputElement & { checked: boolean };
        family.checked = true;
        family.dispatchEvent(new CustomEvent('change'));
        await settle();
        const headers = Array.from(root.querySelectorAll('thead th')).map((th) => th.textContent!.trim());
        expect(headers).toEqual(['Buying center', 'Platforms', 'CRM', 'Unmapped', 'Total']);
    });

    it('asks for calendar years when set in App Builder', async () => {
        getLandscapeMock.mockResolvedValue(landscape());
        mount({ period: 'lastYear' });
        await settle();
        const year = new Date().getFullYear() - 1;
        expect(getLandscapeMock).toHaveBeenCalledWith({
            accountId: '001000000000001AAA',
            periodStart: `${year}-01-01`,
            periodEnd: `${year}-12-31`
        });
    });

    it('guides the first step when the account has no buying centers', async () => {
        getLandscapeMock.mockResolvedValue(
            landscape({ buyingCenters: [], business: [], cells: [], coverage: [] })
        );
        const element = mount();
        await settle();
        expect(element.shadowRoot!.querySelector('[data-id="empty"]')!.textContent).toContain(
            'No buying centers yet'
        );
        expect(element.shadowRoot!.querySelector('table')).toBeNull();
    });

    it('says what went wrong when the landscape cannot load', async () => {
        getLandscapeMock.mockRejectedValue({
            body: { message: 'You do not have access to Keystone data here.' }
        });
        const element = mount();
        await settle();
        expect(element.shadowRoot!.querySelector('[data-id="error"]')!.textContent).toBe(
            'You do not have access to Keystone data here.'
        );
    });

    it('edits a single cell and redraws it from the saved record; refusals stay in the editor', async () => {
        getLandscapeMock.mockResolvedValue(landscape());
        const element = mount();
        await settle();
        const root = element.shadowRoot!;
        // a folded or merged cell is not editable; a single buying center × offering is
        expect(
            root.querySelector('td[data-row="unmapped"][data-column="unmapped"]')!.getAttribute('tabindex')
        ).toBe('-1');
        (root.querySelector('td[data-row="heli"][data-column="sf"]') as HTMLElement).click();
        await settle();
        const editor = root.querySelector('[data-id="cell-editor"]')!;
        expect(editor.querySelector('h3')!.textContent).toBe('Helicopters × Salesforce Practice');
        const status = editor.querySelector<HTMLSelectElement>('select[data-field="status"]')!;
        status.value = 'Competitor Incumbent';
        status.dispatchEvent(new CustomEvent('change'));
        await settle();
        saveCellMock.mockRejectedValueOnce({
            body: { message: 'Name the competitor that holds this business.' }
        });
        (root.querySelector('[data-id="save-cell"]') as HTMLElement).click();
        await settle();
        expect(root.querySelector('[data-id="edit-error"]')!.textContent!.trim()).toBe(
            'Name the competitor that holds this business.'
        );
        saveCellMock.mockResolvedValueOnce({
            id: 'c9',
            buyingCenterId: 'heli',
            offeringId: 'sf',
            status: 'Competitor Incumbent',
            potentialValue: 300_000,
            targetDate: null,
            competitor: 'Brightwave Consulting',
            notes: null
        });
        (root.querySelector('[data-id="save-cell"]') as HTMLElement).click();
        await settle();
        expect(saveCellMock).toHaveBeenLastCalledWith({
            accountId: '001000000000001AAA',
            buyingCenterId: 'heli',
            offeringId: 'sf',
            cell: {
                status: 'Competitor Incumbent',
                potentialValue: null,
                targetDate: null,
                competitor: null,
                notes: null
            }
        });
        expect(root.querySelector('[data-id="cell-editor"]')).toBeNull();
        expect(cellText(element, 'heli', 'sf')).toBe('Competitor: Brightwave Consulting');
    });

    it('draws only the window of a large grid and follows the scroll', async () => {
        const buyingCenters = Array.from({ length: 60 }, (_, i) => ({
            id: `bc${i}`,
            name: `Center ${String(i).padStart(2, '0')}`,
            parentId: null,
            kind: null,
            active: true
        }));
        const offerings = Array.from({ length: 40 }, (_, i) => ({
            id: `of${i}`,
            name: `Offering ${i}`,
            family: null,
            sortOrder: i
        }));
        getLandscapeMock.mockResolvedValue(landscape({ buyingCenters, offerings, business: [], cells: [] }));
        const element = mount();
        await settle();
        const root = element.shadowRoot!;
        const drawnRows = (): string[] =>
            Array.from(root.querySelectorAll('tbody tr[data-row]')).map((row) =>
                row.getAttribute('data-row')!
            );
        expect(root.querySelector('table')!.getAttribute('aria-rowcount')).toBe('62');
        expect(drawnRows().length).toBeLessThan(30);
        expect(drawnRows()[0]).toBe('bc0');
        expect(root.querySelectorAll('thead th.column-header').length).toBeLessThan(20);
        const scroller = root.querySelector('[data-id="grid"]') as HTMLElement;
        scroller.scrollTop = 64 * 40;
        scroller.dispatchEvent(new CustomEvent('scroll'));
        await settle();
        expect(drawnRows()).toContain('bc40');
        expect(drawnRows()).not.toContain('bc0');
        expect(root.querySelector('tr.pad-row')).not.toBeNull();
    });

    it('says which fields the user cannot read', async () => {
        getLandscapeMock.mockResolvedValue(
            landscape({ hiddenFields: ['Potential Value', 'Opportunity Amount'] })
        );
        const element = mount();
        await settle();
        expect(element.shadowRoot!.querySelector('[data-id="hidden-fields"]')!.textContent).toBe(
            'Your access hides Potential Value, Opportunity Amount: those figures show as empty.'
        );
        expect(cellText(element, 'sales', 'sf')).toBe('$1M target');
    });

    it('is accessible', async () => {
        getLandscapeMock.mockResolvedValue(landscape());
        const element = mount();
        await settle();
        await expect(element).toBeAccessible();
    });
});
