import { toHeatSettings, toLink, toMoveResult, toOrgChartPage, toStakeholder } from 'c/orgChartData';
import type {
    OrgChartService_LinkView,
    OrgChartService_OrgChartPage,
    OrgChartService_StakeholderView
} from '@salesforce/apex/types';

function view(overrides: Partial<OrgChartService_StakeholderView> = {}): OrgChartService_StakeholderView {
    return {
        id: 'p1',
        name: 'Pat Doe',
        title: 'CIO',
        department: null,
        reportsToId: null,
        decisionRole: 'Decision Maker',
        stance: 'Supporter',
        influence: 4,
        relationshipStrength: 3,
        budgetAuthority: null,
        relationshipOwnerId: 'u1',
        relationshipOwnerName: 'Alex Morgan',
        buyingCenterId: null,
        competitorChampion: null,
        leaving: false,
        hasBoughtFromUs: null,
        contactFrequency: null,
        lastActivityDate: '2026-11-01',
        openCases: 0,
        recentStances: [{ observedOn: '2026-11-01', stance: 'Supporter' }],
        swotItems: [],
        version: '2026-11-01T10:00:00.000Z',
        ...overrides
    };
}

function link(overrides: Partial<OrgChartService_LinkView> = {}): OrgChartService_LinkView {
    return {
        id: 'l1',
        fromId: 'p1',
        toContactId: 'p2',
        toUserId: null,
        toUserName: null,
        type: 'Influences',
        strength: 3,
        frequency: 'Monthly',
        ...overrides
    };
}

const SETTINGS = {
    stanceWeight: 2,
    strengthWeight: 1,
    influenceWeight: 1,
    recencyWeight: 1,
    recencyDays: 90,
    warmThreshold: 0.66,
    coldThreshold: 0.33,
    warmColour: '#2e844a',
    neutralColour: '#dd7a01',
    coldColour: '#ba0517',
    unknownColour: '#c9c9c9'
};

function page(overrides: Partial<OrgChartService_OrgChartPage> = {}): OrgChartService_OrgChartPage {
    return {
        accountId: 'acc',
        accountName: 'Aeronova Group',
        totalContacts: 2,
        nextAfterId: null,
        pageStarts: null,
        canEdit: true,
        hiddenFields: ['Budget Authority'],
        stakeholders: [view(), view({ id: 'p2', reportsToId: 'p1', recentStances: null })],
        links: [link()],
        heatSettings: SETTINGS,
        picklists: { stance: [{ value: 'Champion', label: 'Champion' }] },
        buyingCenters: [{ id: 'bc1', name: 'CIO Org', parentId: null, active: true }],
        ...overrides
    };
}

describe('toOrgChartPage', () => {
    it('keeps every value the controller sent', () => {
        const result = toOrgChartPage(page());
        expect(result).toMatchObject({
            accountId: 'acc',
            accountName: 'Aeronova Group',
            totalContacts: 2,
            nextAfterId: null,
            pageStarts: [],
            canEdit: true,
            hiddenFields: ['Budget Authority'],
            heatSettings: SETTINGS,
            picklists: { stance: [{ value: 'Champion', label: 'Champion' }] },
            buyingCenters: [{ id: 'bc1', name: 'CIO Org', parentId: null, active: true }]
        });
        expect(result.stakeholders).toEqual([
            view(),
            { ...view({ id: 'p2', reportsToId: 'p1' }), recentStances: [] }
        ]);
        expect(result.links).toEqual([link()]);
    });

    it('reads no answer as an empty page', () => {
        expect(toOrgChartPage(null)).toEqual({
            accountId: '',
            accountName: '',
            totalContacts: 0,
            nextAfterId: null,
            pageStarts: [],
            canEdit: false,
            hiddenFields: [],
            stakeholders: [],
            links: [],
            heatSettings: null,
            picklists: {},
            buyingCenters: []
        });
    });

    it('reads missing lists as empty and a later page without settings as none', () => {
        const later = toOrgChartPage(
            page({
                stakeholders: null,
                links: null,
                hiddenFields: null,
                heatSettings: null,
                picklists: null,
                buyingCenters: null,
                canEdit: null,
                pageStarts: ['p500', 'p1000']
            })
        );
        expect(later).toMatchObject({
            stakeholders: [],
            links: [],
            hiddenFields: [],
            heatSettings: null,
            picklists: {},
            buyingCenters: [],
            canEdit: false,
            pageStarts: ['p500', 'p1000']
        });
    });

    it('drops rows without an Id, links from nobody and options without a value', () => {
        const result = toOrgChartPage(
            page({
                stakeholders: [view({ id: null }), view({ id: 'p3' })],
                links: [link({ fromId: null }), link({ id: 'l2' })],
                buyingCenters: [{ id: null, name: 'Ghost', parentId: null, active: true }],
                picklists: {
                    stance: [
                        { value: null, label: 'Nothing' },
                        { value: 'Neutral', label: null }
                    ]
                }
            })
        );
        expect(result.stakeholders.map((person) => person.id)).toEqual(['p3']);
        expect(result.links.map((each) => each.id)).toEqual(['l2']);
        expect(result.buyingCenters).toEqual([]);
        expect(result.picklists).toEqual({ stance: [{ value: 'Neutral', label: 'Neutral' }] });
    });
});

describe('toStakeholder', () => {
    it('is null for no answer or a row without an Id', () => {
        expect(toStakeholder(null)).toBeNull();
        expect(toStakeholder(view({ id: null }))).toBeNull();
    });

    it('leaves out observations that name no stance, keeping the order', () => {
        const person = toStakeholder(
            view({
                recentStances: [
                    { observedOn: '2026-11-02', stance: 'Champion' },
                    { observedOn: '2026-10-01', stance: null },
                    { observedOn: null, stance: 'Neutral' }
                ]
            })
        );
        expect(person?.recentStances).toEqual([
            { observedOn: '2026-11-02', stance: 'Champion' },
            { observedOn: null, stance: 'Neutral' }
        ]);
    });
});

describe('toLink, toHeatSettings and toMoveResult', () => {
    it('reads a link, and none that starts nowhere', () => {
        expect(toLink(link())).toEqual(link());
        expect(toLink(link({ fromId: null }))).toBeNull();
        expect(toLink(null)).toBeNull();
    });

    it('reads a deleted settings record as weighing nothing, with no colours', () => {
        const empty = Object.fromEntries(
            Object.keys(SETTINGS).map((key) => [key, null])
        ) as unknown as Parameters<typeof toHeatSettings>[0];
        expect(toHeatSettings(empty)).toEqual({
            stanceWeight: 0,
            strengthWeight: 0,
            influenceWeight: 0,
            recencyWeight: 0,
            recencyDays: 0,
            warmThreshold: 0,
            coldThreshold: 0,
            warmColour: '',
            neutralColour: '',
            coldColour: '',
            unknownColour: ''
        });
        expect(toHeatSettings(null)).toBeNull();
    });

    it('reads a move, and no answer as nothing to undo', () => {
        expect(toMoveResult({ previousManagerId: 'p1', version: 'v2' })).toEqual({
            previousManagerId: 'p1',
            version: 'v2'
        });
        expect(toMoveResult(null)).toEqual({ previousManagerId: null, version: null });
    });
});
