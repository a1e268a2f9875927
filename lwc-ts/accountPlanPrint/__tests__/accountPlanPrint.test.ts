import { createElement } from 'lwc';
import AccountPlanPrint from 'c/accountPlanPrint';
import getPrintablePlan from '@salesforce/apex/AccountPlanPrintController.getPrintablePlan';
import getOrgChart from '@salesforce/apex/OrgChartController.getOrgChart';
import getLandscape from '@salesforce/apex/LandscapeController.getLandscape';
import type { Stakeholder } from 'c/orgChartData';
import { defaultHeatSettings } from '../../heatScore/__tests__/defaultHeatSettings';
import { stakeholder } from '../../orgChartModel/__tests__/stakeholder';
import { landscapeResult } from '../../landscapeModel/__tests__/landscape';
import { printableResult } from '../../planPrintModel/__tests__/printable';

jest.mock('@salesforce/apex/AccountPlanPrintController.getPrintablePlan', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/OrgChartController.getOrgChart', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/LandscapeController.getLandscape', () => ({ default: jest.fn() }), {
    virtual: true
});

const planMock = getPrintablePlan as unknown as jest.Mock;
const orgChartMock = getOrgChart as unknown as jest.Mock;
const landscapeMock = getLandscape as unknown as jest.Mock;

const PNG = 'data:image/png;base64,iVBORw0KGgo=';

function person(id: string, reportsToId: string | null): Stakeholder {
    return stakeholder({
        id,
        name: id,
        title: 'Director',
        reportsToId,
        stance: 'Supporter',
        influence: 3,
        relationshipStrength: 3
    });
}

function chartPage(stakeholders: Stakeholder[]): Record<string, unknown> {
    return {
        accountId: '001',
        accountName: 'Aeronova Group',
        totalContacts: stakeholders.length,
        nextAfterId: null,
        hiddenFields: [],
        stakeholders,
        links: [],
        heatSettings: defaultHeatSettings()
    };
}

function aeronovaPlan(): ReturnType<typeof printableResult> {
    return printableResult({
        objectives: [
            {
                id: 'o1',
                name: 'Win $12M in FY2026',
                measure: 'Closed-won revenue in the period',
                ownerName: 'Sam Rep',
                dueDate: '2026-12-31',
                targetValue: 12_000_000,
                currentValue: 7_450_000,
                unit: 'Currency',
                status: 'At Risk'
            },
            {
                id: 'o2',
                name: 'Open Sales and Marketing',
                measure: null,
                ownerName: null,
                dueDate: '2027-06-30',
                targetValue: 2,
                currentValue: 0,
                unit: 'Count',
                status: 'Off Track'
            }
        ],
        swotItems: [
            {
                id: 's1',
                category: 'Threat',
                description: 'Priya leaves',
                priority: 'High',
                competitor: null,
                response: null
            },
            {
                id: 's2',
                category: 'Strength',
                description: 'Eight years',
                priority: null,
                competitor: null,
                response: null
            }
        ],
        milestones: [
            {
                id: 'm1',
                title: 'Q3 review',
                assigneeName: 'Sam Rep',
                dueDate: '2026-09-15',
                status: 'Planned'
            }
        ]
    });
}

// jsdom draws nothing: a picture "loads" as soon as its source is set, and the canvas answers a fixed PNG
class LoadingImage {
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    set src(_value: string) {
        Promise.resolve().then(() => this.onload?.());
    }
}

let printSpy: jest.SpyInstance;

beforeEach(() => {
    (globalThis as Record<string, unknown>).Image = LoadingImage;
    URL.createObjectURL = jest.fn(() => 'blob:picture');
    URL.revokeObjectURL = jest.fn();
    jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
        () => ({ scale: jest.fn(), drawImage: jest.fn() }) as unknown as CanvasRenderingContext2D
    );
    jest.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue(PNG);
    printSpy = jest.spyOn(window, 'print').mockImplementation(() => undefined);
    planMock.mockResolvedValue(aeronovaPlan());
    orgChartMock.mockResolvedValue(
        chartPage([person('ceo', null), person('cio', 'ceo'), person('cfo', 'ceo')])
    );
    landscapeMock.mockResolvedValue(landscapeResult());
});

afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.restoreAllMocks();
    jest.clearAllMocks();
});

function mount(planId: string | undefined = 'a01000000000001AAA'): HTMLElement & { planId?: string } {
    const element = createElement('c-account-plan-print', { is: AccountPlanPrint }) as HTMLElement & {
        planId?: string;
    };
    element.planId = planId;
    document.body.appendChild(element);
    return element;
}

function byId(element: HTMLElement, id: string): HTMLElement | null {
    return element.shadowRoot!.querySelector(`[data-id="${id}"]`);
}

function all(element: HTMLElement, id: string): HTMLElement[] {
    return Array.from(element.shadowRoot!.querySelectorAll(`[data-id="${id}"]`));
}

/** Lets the Apex promises, the pictures' timers and the re-renders settle. */
async function settle(ticks = 30): Promise<void> {
    await Promise.resolve();
    if (ticks > 1) await settle(ticks - 1);
}

describe('c-account-plan-print', () => {
    it('says what to do when opened without a plan, and asks the server nothing', async () => {
        const element = mount('');
        await settle();
        expect(byId(element, 'no-plan')!.textContent).toBe('Open an account plan to print it.');
        expect(planMock).not.toHaveBeenCalled();
        expect(byId(element, 'print')).toBeNull();
    });

    it('says it is loading until the plan arrives', async () => {
        planMock.mockReturnValue(new Promise(() => undefined));
        const element = mount();
        await Promise.resolve();
        expect(byId(element, 'loading')!.textContent).toBe('Loading the plan for print');
        expect(byId(element, 'plan-name')).toBeNull();
    });

    it('prints the title block, goal, revenue, objectives, SWOT and milestones of the plan', async () => {
        const element = mount();
        await settle();
        expect(planMock).toHaveBeenCalledWith({ planId: 'a01000000000001AAA' });
        expect(byId(element, 'plan-name')!.textContent).toBe('Aeronova Group FY2026 Account Plan');
        expect(byId(element, 'account')!.textContent).toBe('Aeronova Group');
        expect(byId(element, 'status')!.textContent).toBe('In Review');
        expect(byId(element, 'approval')!.textContent).toBe('Not submitted for approval');
        expect(byId(element, 'printed')!.textContent).toMatch(/^Printed /);
        expect(byId(element, 'goal-statement')!.textContent).toBe('Grow Aeronova to $12M');
        expect(byId(element, 'revenue-goal')!.textContent).toBe('$12,000,000');
        expect(byId(element, 'mining-target')!.textContent).toBe('$9,000,000');
        const objectives = all(element, 'objective');
        expect(objectives.map((row) => row.querySelector('.objective-name')!.textContent)).toEqual([
            'Win $12M in FY2026',
            'Open Sales and Marketing'
        ]);
        expect(Array.from(objectives[0]!.querySelectorAll('td')).map((cell) => cell.textContent)).toEqual([
            'Win $12M in FY2026Closed-won revenue in the period',
            'Sam Rep',
            'Dec 31, 2026',
            '$12,000,000',
            '$7,450,000',
            'At Risk'
        ]);
        expect(all(element, 'swot-group').map((group) => group.querySelector('h3')!.textContent)).toEqual([
            'Strength',
            'Threat'
        ]);
        expect(all(element, 'milestone')).toHaveLength(1);
    });

    it('draws the org chart and the landscape as PNG images named by their alt text', async () => {
        const element = mount();
        await settle();
        const chart = byId(element, 'org-chart-picture') as HTMLImageElement;
        const landscape = byId(element, 'landscape-picture') as HTMLImageElement;
        expect(chart.getAttribute('src')).toBe(PNG);
        expect(chart.alt).toBe(
            'Org chart of Aeronova Group: 3 people by reporting line, coloured by relationship heat'
        );
        expect(landscape.getAttribute('src')).toBe(PNG);
        expect(landscape.alt).toMatch(/^Landscape of Aeronova Group: \d+ buying centers × \d+ offerings/);
        // the landscape is read for the plan's own period, not the App Builder default
        expect(landscapeMock).toHaveBeenCalledWith({
            accountId: '001',
            periodStart: '2026-01-01',
            periodEnd: '2026-12-31'
        });
        expect(byId(element, 'mining-won')!.textContent).toMatch(/^\$/);
    });

    it('prints when the Print button is pressed', async () => {
        const element = mount();
        await settle();
        byId(element, 'print')!.click();
        expect(printSpy).toHaveBeenCalledTimes(1);
    });

    it('says so when a section is empty and when there is nobody or nothing to draw', async () => {
        planMock.mockResolvedValue(printableResult({ goalStatement: null }));
        orgChartMock.mockResolvedValue(chartPage([]));
        landscapeMock.mockResolvedValue(
            landscapeResult({ buyingCenters: [], offerings: [], business: [], cells: [] })
        );
        const element = mount();
        await settle();
        expect(byId(element, 'no-objectives')!.textContent).toBe('No objectives yet.');
        expect(byId(element, 'no-swot')!.textContent).toBe('No SWOT items yet.');
        expect(byId(element, 'no-milestones')!.textContent).toBe('No milestones yet.');
        expect(byId(element, 'org-chart-empty')).not.toBeNull();
        expect(byId(element, 'landscape-empty')).not.toBeNull();
    });

    it("shows the server's readable message when the plan cannot be read, and no Print button", async () => {
        planMock.mockRejectedValue({
            body: { message: 'This account plan does not exist or you do not have access to it.' }
        });
        const element = mount();
        await settle();
        expect(byId(element, 'error')!.textContent).toBe(
            'This account plan does not exist or you do not have access to it.'
        );
        expect(byId(element, 'print')).toBeNull();
        expect(orgChartMock).not.toHaveBeenCalled();
    });

    it('keeps the plan printable when a picture fails', async () => {
        orgChartMock.mockRejectedValue({ body: { message: 'You cannot see Contact here.' } });
        const element = mount();
        await settle();
        expect(byId(element, 'org-chart-failed')!.textContent).toBe(
            'This picture could not be drawn. The rest of the plan prints.'
        );
        expect(byId(element, 'landscape-picture')).not.toBeNull();
        expect(byId(element, 'plan-name')).not.toBeNull();
    });

    it('drops an answer for an earlier plan when the plan changes', async () => {
        let answerFirst: (value: unknown) => void = () => undefined;
        planMock
            .mockReturnValueOnce(new Promise((resolve) => (answerFirst = resolve)))
            .mockResolvedValueOnce(printableResult({ id: 'second', name: 'Meridian Bank FY2026' }));
        const element = mount('a01000000000001AAA');
        await Promise.resolve();
        element.planId = 'a01000000000002AAA';
        await settle();
        answerFirst(aeronovaPlan());
        await settle();
        expect(byId(element, 'plan-name')!.textContent).toBe('Meridian Bank FY2026');
        expect(planMock).toHaveBeenLastCalledWith({ planId: 'a01000000000002AAA' });
    });

    it('is accessible', async () => {
        const element = mount();
        await settle();
        await expect(element).toBeAccessible();
    });
});
