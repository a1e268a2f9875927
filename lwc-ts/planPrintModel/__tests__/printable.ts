// Test helper (not a test): AccountPlanPrintController.getPrintablePlan's result for Aeronova's plan, as the
// generated Apex type shapes it, every member overridable.
import type { AccountPlanPrintService_PrintablePlan } from '@salesforce/apex/types';

export function printableResult(
    overrides: Partial<AccountPlanPrintService_PrintablePlan> = {}
): AccountPlanPrintService_PrintablePlan {
    return {
        id: 'a01',
        accountId: '001',
        accountName: 'Aeronova Group',
        name: 'Aeronova Group FY2026 Account Plan',
        status: 'In Review',
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        goalStatement: 'Grow Aeronova to $12M',
        revenueGoal: 12_000_000,
        miningTarget: 9_000_000,
        farmingTarget: 3_000_000,
        wonRevenue: 7_450_000,
        nextReviewDate: null,
        approverName: null,
        approvalDate: null,
        currencyIsoCode: 'USD',
        objectives: [],
        swotItems: [],
        milestones: [],
        ...overrides
    };
}
