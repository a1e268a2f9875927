import { createElement } from 'lwc';
import RelationshipMap from 'c/relationshipMap';
import getRelationshipMap from '@salesforce/apex/RelationshipMapController.getRelationshipMap';
import saveLink from '@salesforce/apex/RelationshipMapController.saveLink';
import deleteLink from '@salesforce/apex/RelationshipMapController.deleteLink';
import emptyLabel from '@salesforce/label/c.Keystone_Relationship_Map_Empty';
import { refreshApex } from '@salesforce/apex';
import { registerRefreshHandler } from 'lightning/refresh';

jest.mock(
    '@salesforce/apex/RelationshipMapController.getRelationshipMap',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
jest.mock('@salesforce/apex/RelationshipMapController.saveLink', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/RelationshipMapController.deleteLink', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

interface TestWireAdapter {
    emit(value: unknown): void;
    error(body?: unknown, status?: number, statusText?: string): void;
    getLastConfig(): Record<string, unknown>;
}
const wire = getRelationshipMap as unknown as TestWireAdapter;
const saveMock = saveLink as unknown as jest.Mock;
const deleteMock = deleteLink as unknown as jest.Mock;
type Host = HTMLElement & { recordId?: string; linkTypes?: string };

const ACCOUNT = '001000000000001AAA';

function view() {
    return {
        accountId: ACCOUNT,
        accountName: 'Aeronova Group',
        people: [
            {
                id: 'c1',
                name: 'Ann Hill',
                title: 'CIO',
                accountId: ACCOUNT,
                decisionRole: 'Decision Maker',
                stance: 'Neutral',
                influence: 5,
                relationshipOwnerId: 'u1',
                relationshipOwnerName: 'Uma Reyes',
                buyingCenterId: 'bc1',
                leaving: false
            },
            {
                id: 'c2',
                name: 'Ben Cole',
                title: 'CFO',
                accountId: ACCOUNT,
                decisionRole: 'Economic Buyer',
                stance: 'Detractor',
                influence: 4,
                buyingCenterId: 'bc2',
                leaving: false
            },
            {
                id: 'c3',
                name: 'Cat Diaz',
                title: 'Director',
                accountId: ACCOUNT,
                stance: 'Champion',
                influence: 3,
                buyingCenterId: 'bc1',
                leaving: true
            }
        ],
        users: [{ id: 'u1', name: 'Uma Reyes', title: 'KAM' }],
        links: [
            {
                id: 'l1',
                fromId: 'c3',
                toContactId: 'c1',
                toUserId: null,
                type: 'Influences',
                strength: 4,
                frequency: 'Weekly',
                notes: null
            }
        ],
        buyingCenters: [
            { id: 'bc1', name: 'CIO Org', parentId: null },
            { id: 'bc2', name: 'Finance', parentId: null }
        ],
        hiddenContactIds: [],
        totalContacts: 3,
        truncated: false,
        canEdit: true,
        canDelete: true,
        hiddenFields: [],
        picklists: {
            linkType: [
                { value: 'Influences', label: 'Influences' },
                { value: 'Mentors', label: 'Mentors' },
                { value: 'Owns Relationship', label: 'Owns Relationship' }
            ],
            frequency: [{ value: 'Weekly', label: 'Weekly' }]
        }
    };
}

function mount(recordId = ACCOUNT, props: Partial<Host> = {}): Host {
    const element = createElement('c-relationship-map', { is: RelationshipMap }) as Host;
    element.recordId = recordId;
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

const q = (element: HTMLElement, selector: string) =>
    element.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
const all = (element: HTMLElement, selector: string) =>
    Array.from(element.shadowRoot?.querySelectorAll<HTMLElement>(selector) ?? []);

async function flush(ticks = 5): Promise<void> {
    await Promise.resolve();
    if (ticks > 1) await flush(ticks - 1);
}

beforeAll(() => {
    // jsdom has no canvas: the map paints nothing here and the browser test looks at the pixels
    HTMLCanvasElement.prototype.getContext = jest.fn(() => null) as never;
});

afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
});

describe('c-relationship-map', () => {
    it('asks for the record it is on and shows a spinner until the map arrives', async () => {
        const element = mount();
        await flush();
        expect(wire.getLastConfig()).toEqual({ recordId: ACCOUNT });
        expect(q(element, '[data-id="loading"]')).not.toBeNull();
    });

    it('shows the risks with their people, the coverage and the filters', async () => {
        const element = mount();
        wire.emit(view());
        await flush();
        expect(q(element, 'canvas')).not.toBeNull();
        const risks = all(element, '.risk');
        expect(risks.length).toBeGreaterThan(0);
        expect(risks.map((risk) => risk.dataset.kind)).toContain('influential-detractor');
        // "no risks" only where there are none
        expect(q(element, '[data-id="no-risks"]')).toBeNull();
        expect(q(element, '[data-kind="influential-detractor"] .person-link')?.textContent?.trim()).toBe(
            'Ben Cole'
        );
        expect(q(element, '[data-id="coverage-owners"]')?.textContent).toContain('Uma Reyes (1)');
        expect(all(element, 'c-keystone-select[data-filter]').map((select) => select.dataset.filter)).toEqual(
            ['center', 'stance', 'linkType']
        );
        expect(q(element, '[data-id="match-count"]')?.textContent).toContain('3');
    });

    it('focuses a person from a risk: their details, ways in and links', async () => {
        const element = mount();
        wire.emit(view());
        await flush();
        const ann = all(element, '.person-link').find((button) => button.textContent?.trim() === 'Ann Hill');
        expect(ann).toBeDefined();
        ann!.click();
        await flush();
        expect(q(element, '[data-id="person-name"]')?.textContent).toBe('Ann Hill');
        expect(q(element, '[data-id="person-details"]')?.textContent).toContain('CIO');
        expect(q(element, '[data-id="links"]')?.textContent).toContain('Cat Diaz');
        expect(q(element, '[data-id="ways-in"]')?.textContent).toContain('Uma Reyes – Ann Hill');
        q(element, '[data-id="clear-focus"]')!.click();
        await flush();
        expect(q(element, '[data-id="person"]')).toBeNull();
    });

    it('adds a link in the rep’s words and refreshes; a refusal shows the server’s message', async () => {
        saveMock.mockResolvedValueOnce({ id: 'l2' });
        const element = mount();
        wire.emit(view());
        await flush();
        all(element, '.person-link')
            .find((button) => button.textContent?.trim() === 'Cat Diaz')!
            .click();
        await flush();
        q(element, '[data-id="add-link"]')!.click();
        await flush();
        const other = q(element, 'c-keystone-select[data-field="otherId"]')!;
        other.dispatchEvent(new CustomEvent('change', { detail: { value: 'c2' } }));
        q(element, 'c-keystone-select[data-field="strength"]')!.dispatchEvent(
            new CustomEvent('change', { detail: { value: '5' } })
        );
        await flush();
        q(element, '[data-id="save-link"]')!.click();
        await flush();
        expect(saveMock).toHaveBeenCalledWith({
            recordId: ACCOUNT,
            linkId: null,
            values: {
                fromId: 'c3',
                toContactId: 'c2',
                type: 'Influences',
                strength: 5,
                frequency: null,
                notes: null
            }
        });
        expect(q(element, '[data-id="status"]')?.textContent).toBe('Link saved.');
        // the map asks again for what it drew, through the wire it was given
        expect(refreshApex).toHaveBeenCalledTimes(1);
        expect((refreshApex as jest.Mock).mock.calls[0][0]).toEqual(
            expect.objectContaining({ data: expect.anything() })
        );

        saveMock.mockRejectedValueOnce({ body: { message: 'This link already exists.' } });
        q(element, '[data-id="add-link"]')!.click();
        await flush();
        q(element, 'c-keystone-select[data-field="otherId"]')!.dispatchEvent(
            new CustomEvent('change', { detail: { value: 'c1' } })
        );
        await flush();
        q(element, '[data-id="save-link"]')!.click();
        await flush();
        expect(q(element, '[data-id="status"]')?.textContent).toBe('This link already exists.');
        expect(q(element, '[data-id="link-form"]')).not.toBeNull();
    });

    it('edits a link without touching notes the rep did not type', async () => {
        saveMock.mockResolvedValueOnce({ id: 'l1' });
        const element = mount();
        wire.emit(view());
        await flush();
        all(element, '.person-link')
            .find((button) => button.textContent?.trim() === 'Ann Hill')!
            .click();
        await flush();
        q(element, '[data-action="edit"]')!.click();
        await flush();
        expect(q(element, 'c-keystone-select[data-field="otherId"]')).toBeNull();
        q(element, 'c-keystone-select[data-field="strength"]')!.dispatchEvent(
            new CustomEvent('change', { detail: { value: '2' } })
        );
        await flush();
        q(element, '[data-id="save-link"]')!.click();
        await flush();
        expect(saveMock).toHaveBeenCalledWith({
            recordId: ACCOUNT,
            linkId: 'l1',
            values: { type: 'Influences', strength: 2, frequency: 'Weekly' }
        });
    });

    it('answers the page’s refresh, and says false when the read fails', async () => {
        mount();
        wire.emit(view());
        await flush();
        const calls = (registerRefreshHandler as unknown as jest.Mock).mock.calls;
        const [, handler] = calls[calls.length - 1] as [unknown, () => Promise<boolean>];
        await expect(handler()).resolves.toBe(true);
        expect(refreshApex).toHaveBeenCalled();
        (refreshApex as jest.Mock).mockRejectedValueOnce(new Error('offline'));
        await expect(handler()).resolves.toBe(false);
    });

    it('is accessible with the map, the risks and a focused person', async () => {
        const element = mount();
        wire.emit(view());
        await flush();
        await expect(element).toBeAccessible();
        all(element, '.person-link')
            .find((button) => button.textContent?.trim() === 'Ann Hill')!
            .click();
        await flush();
        await expect(element).toBeAccessible();
    });

    it('deletes a link only after the rep confirms', async () => {
        deleteMock.mockResolvedValueOnce('l1');
        const element = mount();
        wire.emit(view());
        await flush();
        all(element, '.person-link')
            .find((button) => button.textContent?.trim() === 'Cat Diaz')!
            .click();
        await flush();
        q(element, '[data-action="delete"]')!.click();
        await flush();
        expect(deleteMock).not.toHaveBeenCalled();
        q(element, '[data-id="confirm-delete"]')!.click();
        await flush();
        expect(deleteMock).toHaveBeenCalledWith({ linkId: 'l1' });
    });

    it('offers no editing to a user who may not edit links', async () => {
        const element = mount();
        wire.emit({ ...view(), canEdit: false, canDelete: false });
        await flush();
        all(element, '.person-link')
            .find((button) => button.textContent?.trim() === 'Cat Diaz')!
            .click();
        await flush();
        expect(q(element, '[data-id="add-link"]')).toBeNull();
        expect(q(element, '[data-action="delete"]')).toBeNull();
        expect(q(element, '[data-action="edit"]')).toBeNull();
    });

    it('follows the record: a new account drops the old map at once', async () => {
        const element = mount();
        wire.emit(view());
        await flush();
        element.recordId = '001000000000002AAA';
        await flush();
        expect(wire.getLastConfig()).toEqual({ recordId: '001000000000002AAA' });
        expect(q(element, 'canvas')).toBeNull();
        expect(q(element, '[data-id="loading"]')).not.toBeNull();
    });

    it('shows the empty state for an account without contacts, and the error in words', async () => {
        const element = mount();
        wire.emit({ ...view(), people: [], links: [], users: [] });
        await flush();
        expect(q(element, '[data-id="empty"]')?.textContent).toBe(emptyLabel);
        wire.error({ message: 'You do not have access to the Keystone relationship map.' });
        await flush();
        expect(q(element, '[data-id="error"]')?.textContent).toContain('You do not have access');
    });

    it('starts with the App Builder’s link types and tells hidden and bad links apart', async () => {
        const element = mount(ACCOUNT, { linkTypes: 'Influences, Mentors' });
        const data = view();
        data.hiddenContactIds = ['c9'] as never;
        data.links.push(
            {
                id: 'l8',
                fromId: 'c1',
                toContactId: 'c9',
                toUserId: null,
                type: 'Mentors',
                strength: 3,
                frequency: 'Weekly',
                notes: null
            },
            {
                id: 'l9',
                fromId: 'c2',
                toContactId: 'c2',
                toUserId: null,
                type: 'Mentors',
                strength: 3,
                frequency: 'Weekly',
                notes: null
            }
        );
        wire.emit(data);
        await flush();
        const typeFilter = q(element, 'c-keystone-select[data-filter="linkType"]') as HTMLElement & {
            value: string;
        };
        expect(typeFilter.value).toBe('#configured');
        expect(q(element, '[data-notice="hidden"]')?.textContent).toMatch(/people you cannot see.*: 1\.$/);
        expect(q(element, '[data-notice="bad"]')?.textContent).toMatch(/themselves.*: 1\.$/);
    });
});
