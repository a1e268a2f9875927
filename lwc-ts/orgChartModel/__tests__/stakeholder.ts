// Test helper (not a test): a stakeholder as OrgChartController returns one, with sensible defaults.
import type { Stakeholder } from 'c/orgChartData';

export function stakeholder(overrides: Partial<Stakeholder> = {}): Stakeholder {
    return {
        id: 'p',
        name: 'Pat Doe',
        title: 'Director',
        department: null,
        reportsToId: null,
        decisionRole: null,
        stance: null,
        influence: null,
        relationshipStrength: null,
        budgetAuthority: null,
        relationshipOwnerId: 'u1',
        relationshipOwnerName: 'Alex Morgan',
        buyingCenterId: null,
        competitorChampion: null,
        leaving: false,
        hasBoughtFromUs: null,
        contactFrequency: null,
        lastActivityDate: null,
        openCases: 0,
        recentStances: [],
        swotItems: [],
        version: null,
        ...overrides
    };
}
