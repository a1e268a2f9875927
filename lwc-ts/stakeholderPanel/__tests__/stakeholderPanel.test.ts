import { createElement } from 'lwc';
import StakeholderPanel from 'c/stakeholderPanel';
import saveStakeholder from '@salesforce/apex/OrgChartController.saveStakeholder';
import recordStance from '@salesforce/apex/OrgChartController.recordStance';
import findRelationshipOwners from '@salesforce/apex/OrgChartController.findRelationshipOwners';
import { heatOf } from 'c/heatScore';
import type { Stakeholder } from 'c/orgChartData';
import { defaultHeatSettings } from '../../heatScore/__tests__/defaultHeatSettings';
import { stakeholder } from '../../orgChartModel/__tests__/stakeholder';

jest.mock('@salesforce/apex/OrgChartController.saveStakeholder', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/OrgChartController.recordStance', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/OrgChartController.findRelationshipOwners', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/OrgChartController.addDottedLine', () => ({ default: jest.fn() }), {
    virtual: true
});

const saveMock = saveStakeholder as unknown as jest.Mock;
// the person's LastModifiedDate as the chart loaded it
const VERSION = '2026-11-20T09:15:00.000Z';
const recordMock = recordStance as unknown as jest.Mock;
const findOwnersMock = findRelationshipOwners as unknown as jest.Mock;

const CENTERS = [
    { id: 'a01000000000001AAA', name: 'Helicopters', parentId: null, active: true },
    { id: 'a01000000000002AAA', name: 'Europe', parentId: 'a01000000000001AAA', active: true },
    { id: 'a01000000000003AAA', name: 'Retired unit', parentId: null, active: false }
];

const STANCES = ['Champion', 'Supporter', 'Neutral', 'Detractor', 'Blocker'].map((value) => ({
    value,
    label: value
}));

type Panel = HTMLElement & {
    stakeholder?: Stakeholder;
    heat?: unknown;
    canEdit?: boolean;
    hiddenFields?: string[];
    picklists?: unknown;
    managerName?: string;
    buyingCenters?: unknown;
};

function mount(overrides: Partial<Panel> = {}): Panel {
    const person = stakeholder({
        id: '003000000000001AAA',
        name: 'Victor Hale',
        stance: 'Detractor',
        version: VERSION
    });
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

function click(element: Panel, selector: string): void {
    (element.shadowRoot!.querySelector(selector) as HTMLElement).click();
}

function text(element: Panel, selector: string): string {
    return element.shadowRoot!.querySelector(selector)?.textContent?.trim() ?? '';
}

/** The native select inside the c-keystone-select that edits `field`. */
function nativeSelect(element: Panel, field: string): HTMLSelectElement {
    return element
        .shadowRoot!.querySelector(`c-keystone-select[data-field="${field}"]`)!
        .shadowRoot!.querySelector('select')!;
}

function select(element: Panel, field: string, value: string): void {
    const control = nativeSelect(element, field);
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
        expect(nativeSelect(element, 'stance').value).toBe('Detractor');
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
            changes: { stance: 'Supporter' },
            version: VERSION
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
        expect(nativeSelect(element, 'stance').value).toBe('Supporter');
    });

    it('says who changed the person since it loaded, in place, and keeps the input', async () => {
        const element = mount();
        const changed = jest.fn();
        element.addEventListener('stakeholderchange', changed);
        const conflict =
            'Changed by Sam Ortiz at 11/30/2026 3:58 PM — reload to see it. Your edit was not saved.';
        saveMock.mockRejectedValue({ body: { message: conflict } });
        await settle();
        select(element, 'stance', 'Champion');
        await settle();
        click(element, '[data-id="save"]');
        await settle();
        expect(saveMock).toHaveBeenCalledWith({
            contactId: '003000000000001AAA',
            changes: { stance: 'Champion' },
            version: VERSION
        });
        expect(text(element, '[data-id="panel-error"]')).toBe(conflict);
        expect(nativeSelect(element, 'stance').value).toBe('Champion');
        expect(changed).not.toHaveBeenCalled();
        // after a reload the panel carries the newer version, and the save carries that one
        saveMock.mockResolvedValue({ id: '003000000000001AAA', stance: 'Champion', version: 'later' });
        (element as Panel).stakeholder = stakeholder({
            id: '003000000000001AAA',
            name: 'Victor Hale',
            stance: 'Detractor',
            version: '2026-11-30T15:58:00.000Z'
        });
        await settle();
        select(element, 'stance', 'Champion');
        await settle();
        click(element, '[data-id="save"]');
        await settle();
        expect(saveMock).toHaveBeenLastCalledWith({
            contactId: '003000000000001AAA',
            changes: { stance: 'Champion' },
            version: '2026-11-30T15:58:00.000Z'
        });
        expect(changed).toHaveBeenCalledTimes(1);
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

    it('names the relationship owner and finds, chooses and saves another from our team', async () => {
        const element = mount({
            stakeholder: stakeholder({
                id: '003000000000001AAA',
                relationshipOwnerId: '005000000000001AAA',
                relationshipOwnerName: 'Alex Morgan'
            })
        });
        const changed = jest.fn();
        element.addEventListener('stakeholderchange', changed);
        findOwnersMock.mockResolvedValue([{ id: '005000000000002AAA', name: 'Sam Patel', title: null }]);
        saveMock.mockResolvedValue({
            id: '003000000000001AAA',
            relationshipOwnerId: '005000000000002AAA',
            relationshipOwnerName: 'Sam Patel'
        });
        await settle();
        expect(text(element, '[data-id="owner-name"]')).toBe('Alex Morgan');

        click(element, '[data-id="owner-change"]');
        await settle();
        const find = element.shadowRoot!.querySelector<HTMLInputElement>('[data-id="owner-find"]')!;
        find.value = 'sam';
        find.dispatchEvent(new CustomEvent('input'));
        await settle();
        expect(findOwnersMock).toHaveBeenCalledWith({ query: 'sam' });
        click(element, 'button[data-owner-id="005000000000002AAA"]');
        await settle();
        expect(text(element, '[data-id="owner-name"]')).toBe('Sam Patel');

        click(element, '[data-id="save"]');
        await settle();
        expect(saveMock).toHaveBeenCalledWith({
            contactId: '003000000000001AAA',
            changes: { relationshipOwnerId: '005000000000002AAA' },
            // this person was mounted without a version
            version: null
        });
        expect(changed.mock.calls[0][0].detail.stakeholder.relationshipOwnerName).toBe('Sam Patel');
    });

    it('drops an owner search answer that arrives after a newer one and says when nobody matches', async () => {
        const element = mount();
        let answerFirst: (value: unknown) => void = () => undefined;
        findOwnersMock
            .mockReturnValueOnce(new Promise((resolve) => (answerFirst = resolve)))
            .mockResolvedValueOnce([]);
        await settle();
        click(element, '[data-id="owner-change"]');
        await settle();
        const find = element.shadowRoot!.querySelector<HTMLInputElement>('[data-id="owner-find"]')!;
        find.value = 'a';
        find.dispatchEvent(new CustomEvent('input'));
        find.value = 'zz';
        find.dispatchEvent(new CustomEvent('input'));
        await settle();
        answerFirst([{ id: '005000000000009AAA', name: 'Alex Morgan', title: 'KAM' }]);
        await settle();
        expect(element.shadowRoot!.querySelectorAll('[data-owner-id]')).toHaveLength(0);
        expect(text(element, '[data-id="owner-none"]')).toBe('Nobody on our team matches.');
    });

    it('clears the relationship owner', async () => {
        const element = mount({
            stakeholder: stakeholder({
                id: '003000000000001AAA',
                relationshipOwnerId: '005000000000001AAA',
                relationshipOwnerName: 'Alex Morgan'
            })
        });
        saveMock.mockResolvedValue({ id: '003000000000001AAA', relationshipOwnerId: null });
        await settle();
        click(element, '[data-id="owner-clear"]');
        await settle();
        expect(text(element, '[data-id="owner-name"]')).toBe('Nobody on our team');
        expect(element.shadowRoot!.querySelector('[data-id="owner-clear"]')).toBeNull();
        click(element, '[data-id="save"]');
        await settle();
        expect(saveMock).toHaveBeenCalledWith({
            contactId: '003000000000001AAA',
            changes: { relationshipOwnerId: '' },
            // this person was mounted without a version
            version: null
        });
    });

    it('offers the active buying centers by parent › child and saves the choice', async () => {
        const element = mount({ buyingCenters: CENTERS });
        saveMock.mockResolvedValue({ id: '003000000000001AAA', buyingCenterId: 'a01000000000002AAA' });
        await settle();
        const options = [...nativeSelect(element, 'buyingCenterId').options].map((option) =>
            option.textContent!.trim()
        );
        expect(options).toEqual(['— None —', 'Helicopters', 'Helicopters › Europe']);
        select(element, 'buyingCenterId', 'a01000000000002AAA');
        await settle();
        click(element, '[data-id="save"]');
        await settle();
        expect(saveMock).toHaveBeenCalledWith({
            contactId: '003000000000001AAA',
            changes: { buyingCenterId: 'a01000000000002AAA' },
            version: VERSION
        });
    });

    it('says next to the observation form that the observation is the stance now', async () => {
        const element = mount();
        recordMock.mockResolvedValue({ id: '003000000000001AAA', stance: 'Champion' });
        await settle();
        select(element, 'observedStance', 'Champion');
        await settle();
        click(element, '[data-id="record"]');
        await settle();
        const status = element.shadowRoot!.querySelector('[data-id="observation"] [role="status"]')!;
        expect(status.textContent!.trim()).toBe('Observation recorded: the stance is now Champion.');
        expect(text(element, '[data-id="panel-message"]')).toBe('');
    });

    it('says an older observation joined the trend and the later stance stays', async () => {
        const element = mount();
        recordMock.mockResolvedValue({ id: '003000000000001AAA', stance: 'Supporter' });
        await settle();
        select(element, 'observedStance', 'Blocker');
        const date = element.shadowRoot!.querySelector<HTMLInputElement>('input[data-field="observedOn"]')!;
        date.value = '2026-01-05';
        date.dispatchEvent(new CustomEvent('change'));
        await settle();
        click(element, '[data-id="record"]');
        await settle();
        expect(recordMock).toHaveBeenCalledWith(
            expect.objectContaining({ stance: 'Blocker', observedOn: '2026-01-05' })
        );
        expect(text(element, '[data-id="observation-message"]')).toBe(
            'Observation recorded in the trend. The stance stays Supporter: a later observation says so.'
        );
        expect(text(element, '[data-id="observation-hint"]')).toContain('only joins the trend');
    });

    it('shows a refused observation next to its form', async () => {
        const element = mount();
        recordMock.mockRejectedValue({ body: { message: 'An observation cannot be dated in the future.' } });
        await settle();
        select(element, 'observedStance', 'Champion');
        await settle();
        click(element, '[data-id="record"]');
        await settle();
        expect(text(element, '[data-id="observation"] [role="alert"]')).toBe(
            'An observation cannot be dated in the future.'
        );
        expect(element.shadowRoot!.querySelector('[data-id="panel-error"]')).toBeNull();
    });

    it('shows the owner as unknown to a user who cannot read it', async () => {
        const element = mount({ hiddenFields: ['Relationship_Owner__c'] });
        await settle();
        expect(text(element, '[data-unknown="relationshipOwnerId"]')).toBe('Unknown');
        expect(element.shadowRoot!.querySelector('[data-id="owner-change"]')).toBeNull();
    });
});

describe('c-stakeholder-panel SWOT cards', () => {
    const items = [
        {
            id: 'a05000000000001AAA',
            category: 'Objection',
            priority: 'Medium',
            description: "'You are an engineering shop, not a CRM partner.'",
            planId: 'a01000000000001AAA',
            planName: 'Aeronova Group FY2026'
        },
        {
            id: 'a05000000000002AAA',
            category: 'Threat',
            priority: 'High',
            description: 'Victor argues against extending the framework.',
            planId: 'a01000000000001AAA',
            planName: 'Aeronova Group FY2026'
        }
    ];

    it('shows the items linked to the person: category, description and plan, high priority first', async () => {
        const element = mount({
            stakeholder: stakeholder({ id: '003000000000001AAA', name: 'Victor Hale', swotItems: items })
        });
        await settle();
        const cards = Array.from(element.shadowRoot!.querySelectorAll<HTMLElement>('[data-swot-id]'));
        expect(cards.map((card) => card.dataset.swotId)).toEqual([
            'a05000000000002AAA',
            'a05000000000001AAA'
        ]);
        expect(cards[0]!.querySelector('[data-id="swot-category"]')!.textContent).toBe('Threat');
        expect(cards[0]!.querySelector('[data-id="swot-description"]')!.textContent).toBe(
            'Victor argues against extending the framework.'
        );
        expect(cards[0]!.querySelector('[data-id="swot-plan"]')!.textContent).toBe('Aeronova Group FY2026');
        expect(cards[0]!.className).toContain('swot-card_high');
    });

    it('shows the cards of the person now open when another person opens', async () => {
        const element = mount({
            stakeholder: stakeholder({ id: '003000000000001AAA', name: 'Victor Hale', swotItems: items })
        });
        await settle();
        element.stakeholder = stakeholder({ id: '003000000000002AAA', name: 'Grace Liu', swotItems: [] });
        await settle();
        expect(element.shadowRoot!.querySelector('[data-id="swot-items"]')).toBeNull();
    });
});
