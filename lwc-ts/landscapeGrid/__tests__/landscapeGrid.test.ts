import { createElement } from 'lwc';
import LandscapeGrid from 'c/landscapeGrid';
import getLandscape from '@salesforce/apex/LandscapeController.getLandscape';
import saveCell from '@salesforce/apex/LandscapeController.saveCell';
import removeCell from '@salesforce/apex/LandscapeController.removeCell';
import addBuyingCenter from '@salesforce/apex/LandscapeController.addBuyingCenter';
import getCellNotes from '@salesforce/apex/LandscapeController.getCellNotes';
import { publish } from 'lightning/messageService';
import BUYING_CENTER_CHANGE from '@salesforce/messageChannel/Keystone_Buying_Center_Change__c';
import type { LandscapeService_Landscape } from '@salesforce/apex/types';
import { landscapeResult } from '../../landscapeModel/__tests__/landscape';
import { registerRefreshHandler } from 'lightning/refresh';

jest.mock('@salesforce/apex/LandscapeController.getLandscape', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/LandscapeController.saveCell', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/LandscapeController.removeCell', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/LandscapeController.getCellNotes', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/LandscapeController.addBuyingCenter', () => ({ default: jest.fn() }), {
    virtual: true
});

const getLandscapeMock = getLandscape as unknown as jest.Mock;
const saveCellMock = saveCell as unknown as jest.Mock;
const removeCellMock = removeCell as unknown as jest.Mock;
// the marked cell's LastModifiedDate as the grid loaded it
const CELL_VERSION = '2026-11-20T09:15:00.000Z';
const addBuyingCenterMock = addBuyingCenter as unknown as jest.Mock;
const getCellNotesMock = getCellNotes as unknown as jest.Mock;
const publishMock = publish as unknown as jest.Mock;

/** Aeronova as the grid test needs it: three buying centers, two offerings, one target, Unmapped business. */
function landscape(overrides: Partial<LandscapeService_Landscape> = {}): LandscapeService_Landscape {
    return landscapeResult({
        accountId: '001000000000001AAA',
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
                notes: null,
                version: CELL_VERSION
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
        coverage: [
            { buyingCenterId: 'heli', stance: 'Supporter', contacts: 3 },
            { buyingCenterId: 'sales', stance: 'Champion', contacts: 1 }
        ],
        openCases: [],
        plan: null,
        ...overrides
    });
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

/** The open cell editor's own DOM: its form lives in c-landscape-cell-editor. */
function editorOf(root: ShadowRoot): ShadowRoot {
    return root.querySelector('[data-id="cell-editor"]')!.shadowRoot!;
}

/** The add-buying-center form's own DOM (c-landscape-add-center). */
function addFormOf(root: ShadowRoot): ShadowRoot {
    return root.querySelector('[data-id="add-center"]')!.shadowRoot!;
}

/** The native select inside the c-keystone-select that edits `field`. */
function selectIn(root: ShadowRoot, field: string): HTMLSelectElement {
    return root
        .querySelector(`c-keystone-select[data-field="${field}"]`)!
        .shadowRoot!.querySelector('select')!;
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
            '$0 won · $800,000 pipeline ($80,000 weighted) · deals: 1'
        );
        expect(cellText(element, 'unmapped', 'unmapped')).toBe('$250K won');
        // 250K + 800K is 1.05M: the short form rounds, and says so
        expect(root.querySelector('[data-id="grand-total"]')!.textContent!.trim()).toBe('≈$1.1M');
        expect(root.querySelector('[data-id="grand-total"]')!.getAttribute('title')).toBe('$1,050,000');
        expect(root.querySelector('[data-id="total-note"]')!.textContent).toContain(
            'whitespace targets are not included'
        );
        expect(root.querySelector('[data-id="total-note"]')!.textContent).toContain(
            '≈ marks a rounded amount'
        );
        expect(root.querySelector('[data-row="heli"] [data-id="coverage"]')!.textContent).toBe(
            '3 people, best Supporter'
        );
        expect(root.querySelector('[data-row="sales"] [data-id="coverage"]')!.textContent).toBe(
            '1 person: Champion'
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

    it('reloads when the page refreshes, and its Refresh button asks the page to', async () => {
        getLandscapeMock.mockResolvedValue(landscape());
        const element = mount();
        await settle();
        expect(getLandscapeMock).toHaveBeenCalledTimes(1);
        const refreshed: Event[] = [];
        document.addEventListener('lightning__refresh', (event) => refreshed.push(event));
        (element.shadowRoot!.querySelector('[data-id="refresh"]') as HTMLElement).click();
        expect(refreshed).toHaveLength(1);
        // the page's container runs the handler the grid registered
        const calls = (registerRefreshHandler as unknown as jest.Mock).mock.calls;
        const [, handler] = calls[calls.length - 1] as [unknown, () => Promise<boolean>];
        getLandscapeMock.mockResolvedValue(landscape({ cells: [] }));
        await expect(handler()).resolves.toBe(true);
        await settle();
        expect(getLandscapeMock).toHaveBeenCalledTimes(2);
        expect(cellText(element, 'sales', 'sf')).toBe('');
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
        // the change view's totals keep their sign
        expect(root.querySelector('[data-id="grand-total"]')!.textContent!.trim()).toBe('+$250K');
        expect(root.querySelector('[data-id="total-note"]')!.textContent).toContain(
            'minus won in the comparison'
        );
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

    it('shows won, weighted pipeline and targets of mining and farming, each against its planned figure', async () => {
        getLandscapeMock.mockResolvedValue(
            landscape({
                plan: { id: 'p', name: 'FY2026', miningTarget: 9_000_000, farmingTarget: null },
                earlierWins: [{ buyingCenterId: 'heliEu', offeringId: 'iot' }]
            })
        );
        const element = mount();
        await settle();
        const root = element.shadowRoot!;
        const figures = (side: string): string[] =>
            Array.from(root.querySelectorAll(`[data-side="${side}"] [data-figure]`)).map((cell) =>
                cell.textContent!.trim()
            );
        expect(root.querySelector('[data-side="mining"] [role="rowheader"]')!.textContent).toBe(
            'Mining — growth of existing business'
        );
        expect(figures('mining')).toEqual(['$0', '$80K', '$0', '$9M']);
        expect(figures('farming')).toEqual(['$250K', '$0', '$1M', 'not set']);
        expect(
            root.querySelector('[data-side="mining"] [data-figure="weighted"]')!.getAttribute('title')
        ).toBe('$80,000 · Pipeline $800,000');
    });

    it('shows the coverage legend in the coverage view only', async () => {
        getLandscapeMock.mockResolvedValue(landscape());
        const element = mount();
        await settle();
        const root = element.shadowRoot!;
        expect(root.querySelector('[data-id="legend"]')).toBeNull();
        (root.querySelector('[data-view="coverage"]') as HTMLElement).click();
        await settle();
        const bands = Array.from(root.querySelectorAll('[data-id="legend"] li')).map((item) => [
            item.getAttribute('data-band'),
            item.textContent!.trim(),
            item.querySelector('.swatch')!.className
        ]);
        expect(bands).toEqual([
            ['none', 'Nobody known', 'swatch coverage-none tone-risk'],
            ['single', 'One person (single-threaded)', 'swatch coverage-single tone-watch'],
            ['covered', 'Several people, no supporter yet', 'swatch coverage-covered tone-open'],
            [
                'strong',
                'Several people, a supporter or champion among them',
                'swatch coverage-strong tone-good'
            ]
        ]);
    });

    it('accepts a typed ISO target date and refuses one it cannot read, never dropping it', async () => {
        getLandscapeMock.mockResolvedValue(landscape());
        const element = mount();
        await settle();
        const root = element.shadowRoot!;
        (root.querySelector('td[data-row="heli"][data-column="sf"]') as HTMLElement).click();
        await settle();
        const status = selectIn(editorOf(root), 'status');
        status.value = 'Whitespace Target';
        status.dispatchEvent(new CustomEvent('change'));
        await settle();
        const type = async (field: string, value: string): Promise<void> => {
            const input = editorOf(root).querySelector(
                `lightning-input[data-field="${field}"]`
            ) as HTMLElement & {
                value: string;
            };
            input.value = value;
            input.dispatchEvent(new CustomEvent('change'));
            await settle();
        };
        await type('potentialValue', '500000');
        await type('targetDate', '30/09/2026x');
        expect(editorOf(root).querySelector('[data-id="target-date-reads"]')!.textContent!.trim()).toBe(
            '“30/09/2026x” is not a date. Type it as YYYY-MM-DD, for example 2026-09-30.'
        );
        (editorOf(root).querySelector('[data-id="save-cell"]') as HTMLElement).click();
        await settle();
        expect(saveCellMock).not.toHaveBeenCalled();
        expect(editorOf(root).querySelector('[data-id="edit-error"]')!.textContent).toContain(
            '“30/09/2026x” is not a date'
        );
        await type('targetDate', '2026-09-30');
        expect(editorOf(root).querySelector('[data-id="target-date-reads"]')!.textContent).toContain(
            'Reads as'
        );
        saveCellMock.mockResolvedValueOnce({
            id: 'c9',
            buyingCenterId: 'heli',
            offeringId: 'sf',
            status: 'Whitespace Target',
            potentialValue: 500_000,
            targetDate: '2026-09-30',
            competitor: null,
            notes: null
        });
        (editorOf(root).querySelector('[data-id="save-cell"]') as HTMLElement).click();
        await settle();
        expect(saveCellMock).toHaveBeenLastCalledWith(
            expect.objectContaining({
                cell: expect.objectContaining({ targetDate: '2026-09-30', potentialValue: 500_000 })
            })
        );
        expect(root.querySelector('[data-id="cell-editor"]')).toBeNull();
    });

    it('announces a new buying center on the message channel for the org chart', async () => {
        getLandscapeMock.mockResolvedValue(landscape({ canAddBuyingCenter: true }));
        addBuyingCenterMock.mockResolvedValue({
            id: 'a0B000000000009AAA',
            name: 'Marketing',
            parentId: 'sales',
            kind: null,
            active: true
        });
        const element = mount();
        await settle();
        const root = element.shadowRoot!;
        (root.querySelector('[data-id="add-center-button"]') as HTMLElement).click();
        await settle();
        const name = addFormOf(root).querySelector('lightning-input') as HTMLElement & {
            value: string;
        };
        name.value = 'Marketing';
        name.dispatchEvent(new CustomEvent('change'));
        (addFormOf(root).querySelector('[data-id="save-center"]') as HTMLElement).click();
        await settle();
        expect(publishMock).toHaveBeenCalledTimes(1);
        expect(publishMock.mock.calls[0][1]).toBe(BUYING_CENTER_CHANGE);
        expect(publishMock.mock.calls[0][2]).toEqual({
            accountId: '001000000000001AAA',
            buyingCenterId: 'a0B000000000009AAA',
            name: 'Marketing',
            parentId: 'sales'
        });
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
        expect(editor.shadowRoot!.querySelector('h3')!.textContent).toBe('Helicopters × Salesforce Practice');
        const status = selectIn(editor.shadowRoot!, 'status');
        status.value = 'Competitor Incumbent';
        status.dispatchEvent(new CustomEvent('change'));
        await settle();
        saveCellMock.mockRejectedValueOnce({
            body: { message: 'Name the competitor that holds this business.' }
        });
        (editorOf(root).querySelector('[data-id="save-cell"]') as HTMLElement).click();
        await settle();
        expect(editorOf(root).querySelector('[data-id="edit-error"]')!.textContent!.trim()).toBe(
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
        (editorOf(root).querySelector('[data-id="save-cell"]') as HTMLElement).click();
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
                notes: null,
                // an unmarked cell: the rep saw no version, so a mark someone made since is not overwritten
                version: null
            }
        });
        expect(root.querySelector('[data-id="cell-editor"]')).toBeNull();
        expect(cellText(element, 'heli', 'sf')).toBe('Competitor: Brightwave Consulting');
    });

    it('says who changed a cell since it loaded, keeps the editor and the input, and clears with the version', async () => {
        getLandscapeMock.mockResolvedValue(landscape());
        const element = mount();
        await settle();
        const root = element.shadowRoot!;
        (root.querySelector('td[data-row="sales"][data-column="sf"]') as HTMLElement).click();
        await settle();
        const notes = editorOf(root).querySelector(
            'lightning-textarea[data-field="notes"]'
        ) as HTMLElement & {
            value: string;
        };
        notes.value = 'Sponsor: Grace Liu';
        notes.dispatchEvent(new CustomEvent('change'));
        await settle();
        const conflict =
            'Changed by Sam Ortiz at 11/30/2026 3:58 PM — reload to see it. Your edit was not saved.';
        saveCellMock.mockRejectedValueOnce({ body: { message: conflict } });
        (editorOf(root).querySelector('[data-id="save-cell"]') as HTMLElement).click();
        await settle();
        expect(saveCellMock).toHaveBeenLastCalledWith(
            expect.objectContaining({
                buyingCenterId: 'sales',
                offeringId: 'sf',
                cell: expect.objectContaining({ notes: 'Sponsor: Grace Liu', version: CELL_VERSION })
            })
        );
        expect(editorOf(root).querySelector('[data-id="edit-error"]')!.textContent!.trim()).toBe(conflict);
        expect(root.querySelector('[data-id="cell-editor"]')).not.toBeNull();
        expect(
            (
                editorOf(root).querySelector('lightning-textarea[data-field="notes"]') as HTMLElement & {
                    value: string;
                }
            ).value
        ).toBe('Sponsor: Grace Liu');
        expect(cellText(element, 'sales', 'sf')).toBe('$1M target');
        // clearing carries the same version, and is refused the same way
        removeCellMock.mockRejectedValueOnce({ body: { message: conflict } });
        (editorOf(root).querySelector('[data-id="clear-cell"]') as HTMLElement).click();
        await settle();
        expect(removeCellMock).toHaveBeenCalledWith({ cellId: 'c1', version: CELL_VERSION });
        expect(editorOf(root).querySelector('[data-id="edit-error"]')!.textContent!.trim()).toBe(conflict);
        expect(root.querySelector('[data-id="cell-editor"]')).not.toBeNull();
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

    it('names what a very large account left out, and says nothing when nothing was', async () => {
        getLandscapeMock.mockResolvedValue(
            landscape({
                omitted: [
                    { what: 'buyingCenters', period: null, shown: 2000 },
                    { what: 'opportunities', period: 'current', shown: 15000 },
                    { what: 'opportunities', period: 'previous', shown: 0 },
                    { what: 'earlierWins', period: null, shown: 5000 }
                ]
            })
        );
        const element = mount();
        await settle();
        const notices = [...element.shadowRoot!.querySelectorAll('[data-id="omission"]')].map(
            (notice) => notice.textContent
        );
        expect(notices).toEqual([
            'Only the first 2,000 buying centers (by name) are shown; the others are left out of this landscape.',
            'This period has more opportunities than the landscape can sum: only the 15,000 most recent are counted, older ones are left out.',
            'The year before has more opportunities than the landscape can sum: only the 0 most recent are counted in the change, older ones are left out.',
            'Earlier wins are read from the 5,000 most recent won opportunities before the period; older wins are left out, so some cells may show as new business.'
        ]);
        expect(cellText(element, 'sales', 'sf')).toBe('$1M target');

        getLandscapeMock.mockResolvedValue(landscape({ omitted: [] }));
        const plain = mount();
        await settle();
        expect(plain.shadowRoot!.querySelector('[data-id="omissions"]')).toBeNull();
    });

    it("reads a cell's notes when it opens, not with the grid", async () => {
        getLandscapeMock.mockResolvedValue(landscape());
        getCellNotesMock.mockResolvedValueOnce('Sponsor wants a pilot first.');
        const element = mount();
        await settle();
        const root = element.shadowRoot!;
        (root.querySelector('td[data-row="sales"][data-column="sf"]') as HTMLElement).click();
        await settle();
        expect(getCellNotesMock).toHaveBeenCalledWith({ cellId: 'c1' });
        const notes = editorOf(root).querySelector('[data-field="notes"]') as HTMLElement & { value: string };
        expect(notes.value).toBe('Sponsor wants a pilot first.');

        getCellNotesMock.mockRejectedValueOnce({
            body: { message: 'That cell was removed or you cannot see it. Refresh the landscape.' }
        });
        (root.querySelector('td[data-row="sales"][data-column="sf"]') as HTMLElement).click();
        await settle();
        expect(editorOf(root).querySelector('[data-id="edit-error"]')!.textContent!.trim()).toBe(
            'That cell was removed or you cannot see it. Refresh the landscape.'
        );
    });

    it('reloads rather than guesses when a save answers without the saved cell', async () => {
        getLandscapeMock.mockResolvedValue(landscape());
        const element = mount();
        await settle();
        const root = element.shadowRoot!;
        (root.querySelector('td[data-row="heli"][data-column="sf"]') as HTMLElement).click();
        await settle();
        saveCellMock.mockResolvedValueOnce(null);
        (editorOf(root).querySelector('[data-id="save-cell"]') as HTMLElement).click();
        await settle(12);
        expect(getLandscapeMock).toHaveBeenCalledTimes(2);
        expect(root.querySelector('[data-id="cell-editor"]')).toBeNull();
        expect(cellText(element, 'sales', 'sf')).toBe('$1M target');
    });

    it('is accessible', async () => {
        getLandscapeMock.mockResolvedValue(landscape());
        const element = mount();
        await settle();
        await expect(element).toBeAccessible();
    });
});
