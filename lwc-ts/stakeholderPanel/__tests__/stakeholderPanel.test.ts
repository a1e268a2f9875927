import { createElement } from 'lwc';
import StakeholderPanel from 'c/stakeholderPanel';
import saveStakeholder from '@salesforce/apex/OrgChartController.saveStakeholder';
import recordStance from '@salesforce/apex/OrgChartController.recordStance';
import { heatOf } from 'c/heatScore';
import type { StakeholderDto } from 'c/orgChartModel';
import { defaultHeatSettings } from '../../heatScore/__tests__/defaultHeatSettings';
import { stakeholder } from '../../orgChartModel/__tests__/stakeholder';

jest.mock('@salesforce/apex/OrgChartController.saveStakeholder', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/OrgChartController.recordStance', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/OrgChartController.addDottedLine', () => ({ default: jest.fn() }), {
    virtual: true
});

const saveMock = saveStakeholder as unknown as jest.Mock;
const recordMock = recordStance as unknown as jest.Mock;

const STANCES = ['Champion', 'Supporter', 'Neutral', 'Detractor', 'Blocker'].map((value) => ({
    value,
    label: value
}));

type Panel = HTMLElement & {
    stakeholder?: StakeholderDto;
    heat?: unknown;
    canEdit?: boolean;
    hiddenFields?: string[];
    picklists?: unknown;
    managerName?: string;
};

function mount(overrides: Partial<Panel> = {}): Panel {
    const person = stakeholder({ id: '003000000000001AAA', name: 'Victor Hale', stance: 'Detractor' });
    const element = createElement('c-stakeholder-panel', { is: StakeholderPanel }) as Panel;
    Object.assign(element, {
        stakeholder: person,
        heat: heatOf(person, defaultHeatSettings(), '2026-11-22'),
        canEdit: true,
        hiddenFields: [],
        picklists: { stance: STANCES, decisionRole: [], contactFrequency: [] },
        managerName: 'Helena Marsh',
        ...overrides
    });
    document.body.appendChild(element);
    return element;
}

async function settle(ticks = 6): Promise<void> {
    await Promise.resolve();
    if (ticks > 1) await settle(ticks - 1);
}

function select(element: Panel, field: string, value: string): void {
    const control = element.shadowRoot!.querySelector<HTMLSelectElement>(`select[data-field="${field}"]`)!;
    control.value = value;
    control.dispatchEvent(new CustomEvent('change'));
}

afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
});

describe('c-stakeholder-panel', () => {
    it('shows the person, their manager and why their card has its colour', async () => {
        const element = mount();
        await settle();
        const root = element.shadowRoot!;
        expect(root.querySelector('[data-id="panel-name"]')!.textContent).toBe('Victor Hale');
        expect(root.querySelector('[data-id="reports-to"]')!.textContent).toBe('Reports to Helena Marsh');
        expect(root.querySelector('[data-id="why"]')!.textContent).toContain('Stance: 25% warm');
        expect(root.querySelector<HTMLSelectElement>('select[data-field="stance"]')!.value).toBe('Detractor');
    });

    it('saves only what changed and tells the chart', async () => {
        const element = mount();
        const changed = jest.fn();
        element.addEventListener('stakeholderchange', changed);
        saveMock.mockResolvedValue({ id: '003000000000001AAA', stance: 'Supporter' });
        await settle();
        select(element, 'stance', 'Supporter');
        await settle();
        (element.shadowRoot!.querySelector('[data-id="save"]') as HTMLElement).click();
        await settle();
        expect(saveMock).toHaveBeenCalledWith({
            contactId: '003000000000001AAA',
            changes: { stance: 'Supporter' }
        });
        expect(changed).toHaveBeenCalledTimes(1);
        expect(element.shadowRoot!.querySelector('[data-id="panel-message"]')!.textContent).toBe('Saved.');
    });

    it('shows a refused save where the rep acted and keeps the input', async () => {
        const element = mount();
        saveMock.mockRejectedValue({ body: { message: 'Influence must be between 1 and 5.' } });
        await settle();
        select(element, 'stance', 'Supporter');
        await settle();
        (element.shadowRoot!.querySelector('[data-id="save"]') as HTMLElement).click();
        await settle();
        expect(element.shadowRoot!.querySelector('[data-id="panel-error"]')!.textContent!.trim()).toBe(
            'Influence must be between 1 and 5.'
        );
        expect(
            element.shadowRoot!.querySelector<HTMLSelectElement>('select[data-field="stance"]')!.value
        ).toBe('Supporter');
    });

    it('records a stance observation with its date and note', async () => {
        const element = mount();
        recordMock.mockResolvedValue({ id: '003000000000001AAA' });
        await settle();
        select(element, 'observedStance', 'Neutral');
        const note = element.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea')!;
        note.value = 'Warmer after the demo';
        note.dispatchEvent(new CustomEvent('change'));
        await settle();
        (element.shadowRoot!.querySelector('[data-id="record"]') as HTMLElement).click();
        await settle();
        expect(recordMock).toHaveBeenCalledWith(
            expect.objectContaining({ stance: 'Neutral', note: 'Warmer after the demo' })
        );
        expect(note.value).toBe('');
    });

    it('shows hidden fields as unknown and offers no editing to a read-only user', async () => {
        const element = mount({ canEdit: false, hiddenFields: ['Stance__c'] });
        await settle();
        const root = element.shadowRoot!;
        expect(root.querySelector('[data-unknown="stance"]')!.textContent).toBe('Unknown');
        expect(root.querySelector('[data-id="read-only"]')).not.toBeNull();
        expect(root.querySelector('[data-id="save"]')).toBeNull();
        expect(root.querySelector('[data-id="observation"]')).toBeNull();
    });

    it('is accessible', async () => {
        const element = mount();
        await settle();
        await expect(element).toBeAccessible();
    });
});
