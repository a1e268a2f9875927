import { createElement } from 'lwc';
import OrgChartHeatMap from 'c/orgChartHeatMap';
import getOrgChart from '@salesforce/apex/OrgChartController.getOrgChart';
import { subscribe } from 'lightning/messageService';
import type { Stakeholder } from 'c/orgChartData';
import { defaultHeatSettings } from '../../heatScore/__tests__/defaultHeatSettings';
import { stakeholder } from '../../orgChartModel/__tests__/stakeholder';

jest.mock('@salesforce/apex/OrgChartController.getOrgChart', () => ({ default: jest.fn() }), {
    virtual: true
});

const getOrgChartMock = getOrgChart as unknown as jest.Mock;

const settings = defaultHeatSettings();

function person(id: string, reportsToId: string | null, extra: Partial<Stakeholder> = {}): Stakeholder {
    return stakeholder({
        id,
        name: id,
        title: 'Title',
        reportsToId,
        stance: 'Neutral',
        influence: 3,
        relationshipStrength: 3,
        ...extra
    });
}

/** A whole account on one page, as the controller answers a small account. */
function onePage(stakeholders: Stakeholder[]): Record<string, unknown> {
    return {
        accountId: 'a',
        accountName: 'A',
        totalContacts: stakeholders.length,
        nextAfterId: null,
        hiddenFields: [],
        stakeholders,
        links: [],
        heatSettings: settings
    };
}

function mount(): HTMLElement {
    const element = createElement('c-org-chart-heat-map', { is: OrgChartHeatMap }) as HTMLElement & {
        recordId?: string;
    };
    element.recordId = '001000000000001AAA';
    document.body.appendChild(element);
    return element;
}

async function settle(ticks = 10): Promise<void> {
    await Promise.resolve();
    if (ticks > 1) await settle(ticks - 1);
}

/** The native select inside the c-keystone-select matching `hook` (e.g. `[data-filter="stance"]`). */
function nativeSelect(root: ShadowRoot, hook: string): HTMLSelectElement {
    return root.querySelector(`c-keystone-select${hook}`)!.shadowRoot!.querySelector('select')!;
}

afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
});

describe('c-org-chart-heat-map', () => {
    it('loads every page, then draws the first levels with the flags a KAM must see', async () => {
        getOrgChartMock
            .mockResolvedValueOnce({
                accountId: 'a',
                accountName: 'Aeronova Group',
                totalContacts: 3,
                nextAfterId: 'cio',
                hiddenFields: [],
                stakeholders: [
                    person('ceo', null),
                    person('cio', 'ceo', {
                        decisionRole: 'Decision Maker',
                        relationshipOwnerId: null,
                        relationshipOwnerName: null
                    })
                ],
                links: [],
                heatSettings: settings
            })
            .mockResolvedValueOnce({
                accountId: 'a',
                accountName: 'Aeronova Group',
                totalContacts: null,
                nextAfterId: null,
                hiddenFields: [],
                stakeholders: [person('dev', 'cio', { leaving: true })],
                links: null,
                heatSettings: null
            });
        const element = mount();
        await settle();

        expect(getOrgChartMock).toHaveBeenCalledTimes(2);
        expect(getOrgChartMock.mock.calls[1][0]).toEqual({
            accountId: '001000000000001AAA',
            afterId: 'cio',
            pageSize: 2000
        });
        const nodes = element.shadowRoot!.querySelectorAll('g.node');
        expect(Array.from(nodes).map((node) => node.getAttribute('data-id'))).toEqual(['ceo', 'cio', 'dev']);
        const cio = element.shadowRoot!.querySelector('g.node[data-id="cio"]')!;
        expect(cio.getAttribute('aria-label')).toContain('Decision maker');
        expect(cio.getAttribute('aria-label')).toContain('No owner');
        expect(
            element.shadowRoot!.querySelector('g.node[data-id="dev"]')!.getAttribute('aria-label')
        ).toContain('Leaving');
        // colours, then what the lines and marks mean (no influence entries: links are off here)
        expect(
            Array.from(element.shadowRoot!.querySelectorAll('[data-id="legend"] li')).map((entry) =>
                entry.textContent!.trim()
            )
        ).toEqual([
            'Warm',
            'Neutral',
            'Cold',
            'Unknown',
            'Reporting line',
            'Initials: who on our team owns the relationship',
            'Stance warming ▲ or cooling ▼'
        ]);
    });

    it('follows the record: a new recordId loads that account and a late answer for the old one is dropped', async () => {
        let answerFirst: (value: unknown) => void = () => undefined;
        getOrgChartMock
            .mockImplementationOnce(() => new Promise((resolve) => (answerFirst = resolve)))
            .mockResolvedValueOnce(
                onePage([person('meridianCeo', null), person('meridianCto', 'meridianCeo')])
            );
        const element = mount() as HTMLElement & { recordId?: string };
        await settle();
        element.recordId = '001000000000002AAA';
        await settle();
        expect(getOrgChartMock).toHaveBeenLastCalledWith({
            accountId: '001000000000002AAA',
            afterId: null,
            pageSize: 2000
        });
        // the first account's answer arrives last and must not replace the second
        answerFirst(onePage([person('aeronovaCeo', null)]));
        await settle();
        const ids = (): (string | null)[] =>
            Array.from(element.shadowRoot!.querySelectorAll('g.node')).map((node) =>
                node.getAttribute('data-id')
            );
        expect(ids()).toEqual(['meridianCeo', 'meridianCto']);

        // and back: the chart shows the first account again, with nothing of the second left
        getOrgChartMock.mockResolvedValueOnce(onePage([person('aeronovaCeo', null)]));
        element.recordId = '001000000000001AAA';
        await settle();
        expect(ids()).toEqual(['aeronovaCeo']);
    });

    it('asks for every later page at once when the first names where they start, keeping their order', async () => {
        const later: Record<string, (value: unknown) => void> = {};
        getOrgChartMock.mockImplementation(({ afterId }: { afterId: string | null }) => {
            if (afterId === null)
                return Promise.resolve({
                    ...onePage([person('ceo', null)]),
                    totalContacts: 3,
                    nextAfterId: 'ceo',
                    pageStarts: ['ceo', 'cio']
                });
            return new Promise((resolve) => (later[afterId] = resolve));
        });
        const element = mount();
        await settle();
        // both later pages were asked for before either answered
        expect(Object.keys(later).sort()).toEqual(['ceo', 'cio']);
        later.cio!({ ...onePage([person('dev', 'cio')]), nextAfterId: null });
        later.ceo!({ ...onePage([person('cio', 'ceo')]), nextAfterId: 'cio' });
        await settle();
        expect(
            Array.from(element.shadowRoot!.querySelectorAll('g.node')).map((node) =>
                node.getAttribute('data-id')
            )
        ).toEqual(['ceo', 'cio', 'dev']);
        getOrgChartMock.mockReset();
    });

    it('collapses and expands on request', async () => {
        getOrgChartMock.mockResolvedValueOnce(onePage([person('ceo', null), person('cio', 'ceo')]));
        const element = mount();
        await settle();
        (element.shadowRoot!.querySelector('[data-id="collapse-all"]') as HTMLElement).click();
        expect(element.shadowRoot!.querySelectorAll('g.node')).toHaveLength(1);
        (element.shadowRoot!.querySelector('[data-id="expand-all"]') as HTMLElement).click();
        expect(element.shadowRoot!.querySelectorAll('g.node')).toHaveLength(2);
    });

    it('moves through the chart with the keyboard, closes and opens a team with Space, opens a person with Enter', async () => {
        getOrgChartMock.mockResolvedValueOnce(
            onePage([person('ceo', null), person('cio', 'ceo'), person('dev', 'cio')])
        );
        const element = mount();
        await settle();
        const chart = element.shadowRoot!.querySelector('[data-id="chart"]') as HTMLElement;
        const focused = (): string | null =>
            element.shadowRoot!.querySelector('g.node[tabindex="0"]')!.getAttribute('data-id');
        expect(focused()).toBe('ceo');
        chart.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown' }));
        expect(focused()).toBe('cio');
        expect(element.shadowRoot!.querySelectorAll('g.node')).toHaveLength(3);
        chart.dispatchEvent(new KeyboardEvent('keydown', { key: ' ' }));
        expect(element.shadowRoot!.querySelectorAll('g.node')).toHaveLength(2);
        expect(focused()).toBe('cio');
        expect(element.shadowRoot!.querySelector('c-stakeholder-panel')).toBeNull();
        chart.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
        expect(element.shadowRoot!.querySelectorAll('g.node')).toHaveLength(3);
        chart.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
        expect(focused()).toBe('dev');
        chart.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
        await settle();
        expect(
            element.shadowRoot!.querySelector('g.node[data-id="dev"]')!.getAttribute('aria-selected')
        ).toBe('true');
        expect(element.shadowRoot!.querySelector('c-stakeholder-panel')).not.toBeNull();
    });

    it('says what to do when the account has no contacts', async () => {
        getOrgChartMock.mockResolvedValueOnce(onePage([]));
        const element = mount();
        await settle();
        expect(element.shadowRoot!.querySelector('[data-id="empty"]')!.textContent).toContain('Add contacts');
    });

    it('shows the server message when loading fails', async () => {
        getOrgChartMock.mockRejectedValueOnce({
            body: { message: 'You do not have access to Keystone data here.' }
        });
        const element = mount();
        await settle();
        expect(element.shadowRoot!.querySelector('[data-id="error"]')!.textContent).toBe(
            'You do not have access to Keystone data here.'
        );
    });

    it('names the first four coverage gaps and counts the rest by kind, each count a filter', async () => {
        const uncovered = {
            decisionRole: 'Decision Maker',
            relationshipOwnerId: null,
            relationshipOwnerName: null
        };
        getOrgChartMock.mockResolvedValue(
            onePage([
                person('ceo', null),
                ...['a', 'b', 'c', 'd', 'e'].map((id) => person(id, 'ceo', uncovered))
            ])
        );
        const element = mount();
        await settle();
        const root = element.shadowRoot!;
        expect(root.querySelectorAll('[data-id="insights"] li')).toHaveLength(4);
        const group = root.querySelector('[data-id="insight-groups"] button') as HTMLElement;
        expect(group.textContent!.trim()).toBe('Decision makers nobody owns: 5');
        expect(group.getAttribute('aria-pressed')).toBe('false');
        group.click();
        await settle();
        expect(group.getAttribute('aria-pressed')).toBe('true');
        expect(root.querySelector('[data-id="match-count"]')!.textContent).toBe('Matching: 5');
        expect(root.querySelector('g.node[data-id="ceo"]')!.getAttribute('class')).toContain('dimmed');
        expect(root.querySelector('g.node[data-id="a"]')!.getAttribute('class')).not.toContain('dimmed');
        group.click();
        await settle();
        expect(root.querySelector('[data-id="match-count"]')!.textContent).toBe('');
        expect(root.querySelector('g.node[data-id="ceo"]')!.getAttribute('class')).not.toContain('dimmed');
    });

    it('says how many people a search finds, selects the first, and says when no one matches', async () => {
        getOrgChartMock.mockResolvedValue(
            onePage([
                person('ceo', null, { name: 'Ada Byron' }),
                person('cio', 'ceo', { name: 'Grace Hopper' }),
                person('cto', 'ceo', { name: 'Grace Kelly' })
            ])
        );
        const element = mount();
        await settle();
        const root = element.shadowRoot!;
        const input = root.querySelector('[data-id="search"]') as HTMLElement & { value: string };
        const type = async (value: string): Promise<void> => {
            input.value = value;
            input.dispatchEvent(new CustomEvent('change'));
            await settle();
        };
        await type('grace');
        expect(root.querySelector('[data-id="search-status"]')!.textContent).toBe('2 matches');
        expect(root.querySelector('g.node[data-id="cio"]')!.getAttribute('aria-selected')).toBe('true');
        await type('hopper');
        expect(root.querySelector('[data-id="search-status"]')!.textContent).toBe('1 match');
        await type('nobody');
        expect(root.querySelector('[data-id="search-status"]')!.textContent).toBe('No one matches');
    });

    it('offers a buying center added on the landscape in its filter at once', async () => {
        getOrgChartMock.mockResolvedValue({
            ...onePage([person('ceo', null)]),
            accountId: 'acc1',
            buyingCenters: [{ id: 'heli', name: 'Helicopters', parentId: null }]
        });
        const element = mount();
        await settle();
        const listener = (subscribe as unknown as jest.Mock).mock.calls.at(-1)![2] as (
            message: Record<string, unknown>
        ) => void;
        const choices = (): string[] =>
            Array.from(nativeSelect(element.shadowRoot!, '[data-filter="buyingCenterId"]').options).map(
                (option) => option.textContent!.trim()
            );
        listener({ accountId: 'another account', buyingCenterId: 'x', name: 'Elsewhere', parentId: null });
        listener({ accountId: 'acc1', buyingCenterId: 'proc', name: 'Procurement', parentId: null });
        await settle();
        expect(choices()).toEqual(['All buying centers', 'Helicopters', 'Procurement']);
    });

    it('filters by a buying center with the people of the centers under it', async () => {
        getOrgChartMock.mockResolvedValue({
            ...onePage([
                person('ceo', null, { buyingCenterId: 'sales' }),
                person('heliHead', 'ceo', { buyingCenterId: 'heli' }),
                person('heliEuHead', 'ceo', { buyingCenterId: 'heliEu' })
            ]),
            buyingCenters: [
                { id: 'heli', name: 'Helicopters', parentId: null },
                { id: 'heliEu', name: 'Helicopters Europe', parentId: 'heli' },
                { id: 'sales', name: 'Sales', parentId: null }
            ]
        });
        const element = mount();
        await settle();
        const root = element.shadowRoot!;
        const select = nativeSelect(root, '[data-filter="buyingCenterId"]');
        select.value = 'heli';
        select.dispatchEvent(new CustomEvent('change'));
        await settle();
        expect(root.querySelector('[data-id="match-count"]')!.textContent).toBe('Matching: 2');
        expect(root.querySelector('g.node[data-id="heliEuHead"]')!.getAttribute('class')).not.toContain(
            'dimmed'
        );
        expect(root.querySelector('g.node[data-id="ceo"]')!.getAttribute('class')).toContain('dimmed');
    });

    it('names each filter for screen readers and offers the buying centers the account has', async () => {
        getOrgChartMock.mockResolvedValue({
            ...onePage([person('ceo', null, { buyingCenterId: 'bc1' }), person('cio', 'ceo')]),
            buyingCenters: [{ id: 'bc1', name: 'IT' }],
            picklists: { stance: [{ value: 'Champion', label: 'Champion' }], decisionRole: [] }
        });
        const element = mount();
        await settle();
        const root = element.shadowRoot!;
        // each select's own label names it (visually hidden in the toolbar)
        const labels = Array.from(root.querySelectorAll('c-keystone-select[data-filter]')).map((filter) => {
            const label = filter.shadowRoot!.querySelector('label')!;
            expect(label.getAttribute('for')).toBe(filter.shadowRoot!.querySelector('select')!.id);
            return label.textContent;
        });
        expect(labels).toEqual(['Buying center', 'Stance', 'Decision role']);
        const centers = nativeSelect(root, '[data-filter="buyingCenterId"]');
        centers.value = 'bc1';
        centers.dispatchEvent(new CustomEvent('change'));
        await settle();
        expect(root.querySelector('[data-id="match-count"]')!.textContent!.trim()).toBe('Matching: 1');
        expect(root.querySelector('g.node[data-id="cio"]')!.getAttribute('class')).toContain('dimmed');
        expect(root.querySelector('g.node[data-id="ceo"]')!.getAttribute('class')).not.toContain('dimmed');
    });
});
