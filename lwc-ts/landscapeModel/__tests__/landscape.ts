// Test helper (not a test): the one builder of landscape data for the Jest tests, the scripts' tests and
// the benchmark, shaped as the Apex returns it, so every test starts where the components do.
import type { LandscapeService_Landscape } from '@salesforce/apex/types';
import { landscapeFromApex, type BusinessGroup, type Landscape } from 'c/landscapeModel';

export function group(
    buyingCenterId: string | null,
    offeringId: string | null,
    outcome: BusinessGroup['outcome'],
    amount: number | null,
    extra: Partial<BusinessGroup> = {}
): BusinessGroup {
    return {
        buyingCenterId,
        offeringId,
        outcome,
        amount,
        expected: null,
        deals: 1,
        period: 'current',
        ...extra
    };
}

/**
 * Aeronova in small, as LandscapeController.getLandscape returns it (the generated Apex type), every
 * member overridable: CIO Org sells consulting, Helicopters has IoT pipeline, Sales is a Salesforce target. */
export function landscapeResult(
    overrides: Partial<LandscapeService_Landscape> = {}
): LandscapeService_Landscape {
    return {
        accountId: 'acc',
        accountName: 'Aeronova Group',
        currencyIsoCode: 'USD',
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        previousStart: '2025-01-01',
        previousEnd: '2025-12-31',
        canEdit: true,
        canAddBuyingCenter: null,
        kinds: null,
        hiddenFields: null,
        earlierWins: null,
        omitted: null,
        buyingCenters: [
            { id: 'cio', name: 'CIO Org', parentId: null, kind: 'Function', active: true },
            { id: 'heli', name: 'Helicopters', parentId: null, kind: 'Division', active: true },
            { id: 'heliEu', name: 'Helicopters Europe', parentId: 'heli', kind: 'Region', active: true },
            { id: 'sales', name: 'Sales', parentId: null, kind: 'Function', active: true },
            { id: 'defence', name: 'Defence & Space', parentId: null, kind: 'Division', active: true }
        ],
        offerings: [
            { id: 'sf', name: 'Salesforce Practice', family: 'CRM', sortOrder: 6 },
            { id: 'eng', name: 'Engineering Consulting', family: 'Consulting', sortOrder: 1 },
            { id: 'iot', name: 'IoT Platforms', family: 'Platforms', sortOrder: 3 },
            { id: 'cloud', name: 'Cloud Migration', family: 'Cloud', sortOrder: 4 }
        ],
        cells: [
            {
                id: 'c1',
                buyingCenterId: 'sales',
                offeringId: 'sf',
                status: 'Whitespace Target',
                potentialValue: 1_000_000,
                targetDate: '2027-03-31',
                competitor: null,
                notes: null,
                version: null
            },
            {
                id: 'c2',
                buyingCenterId: 'defence',
                offeringId: 'cloud',
                status: 'Competitor Incumbent',
                potentialValue: 2_000_000,
                targetDate: null,
                competitor: 'Brightwave Consulting',
                notes: null,
                version: null
            }
        ],
        business: [
            group('cio', 'eng', 'won', 2_100_000),
            group('cio', 'eng', 'won', 3_200_000, { period: 'previous' }),
            group('heli', 'iot', 'open', 1_200_000, { expected: 900_000 }),
            group('heliEu', 'iot', 'open', 800_000, { expected: 80_000 }),
            group('defence', 'cloud', 'lost', 2_000_000),
            group(null, null, 'open', 250_000, { expected: 225_000 })
        ],
        coverage: [
            { buyingCenterId: 'cio', stance: 'Champion', contacts: 3 },
            { buyingCenterId: 'cio', stance: 'Detractor', contacts: 1 },
            { buyingCenterId: 'heli', stance: 'Neutral', contacts: 1 }
        ],
        openCases: [{ buyingCenterId: 'cio', cases: 2 }],
        plan: { id: 'p', name: 'FY2026', miningTarget: 5_000_000, farmingTarget: 7_000_000 },
        ...overrides
    };
}

/** The same landscape as the grid's rules read it (through the one adapter). */
export function aeronova(overrides: Partial<LandscapeService_Landscape> = {}): Landscape {
    return landscapeFromApex(landscapeResult(overrides));
}
