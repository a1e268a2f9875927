// Test helper (not a test): a stakeholder as OrgChartController returns one, with sensible defaults.
import type { StakeholderDto } from 'c/orgChartModel';

export function stakeholder(overrides: Partial<StakeholderDto> = {}): StakeholderDto {
    return {
        id: 'p',
        name: 'Pat Doe',
        title: 'Director',
        reportsToId: null,
        decisionRole: null,
        stance: null,
        influence: null,
        relationshipStrength: null,
        relationshipOwnerId: 'u1',
        relationshipOwnerName: 'Alex Morgan',
        buyingCenterId: null,
        competitorChampion: null,
        leaving: false,
        lastActivityDate: null,
        openCases: 0,
        recentStances: [],
        ...overrides
    };
}
