// AccountPlanController's contract for the preview: same methods, parameters, result shapes and
// messages as the Apex (AccountPlanController → AccountPlanService), over the in-memory org.
import { chooseCurrentPlan } from '../currentPlan';
import type { PlanSummaryDto, PlanView } from '../../../../lwc-ts/planSummaryModel/planSummaryModel';
import { OPPORTUNITY_STAGES } from '../standardObjects';
import type { OrgStore, SObjectRecord } from '../store';
import { ApexError } from './apexError';
import { toAuraError } from './errors';
import { dateValue, decimalValue, idParam, objectParam, stringValue, requireAccount } from './params';
import type { ApexClassHandler } from './registry';

const PLAN_INPUT = 'AccountPlanService.PlanInput';

function text(record: SObjectRecord, field: string): string | null {
    const value = record[field];
    return value === null || value === undefined ? null : String(value);
}

// a stored record always has its Id, so the emulator's view keeps it non-null for chooseCurrentPlan
function planView(record: SObjectRecord): PlanView & { id: string } {
    const goal = record.Revenue_Goal__c;
    return {
        id: record.Id,
        name: text(record, 'Name') ?? '',
        status: text(record, 'Status__c'),
        periodStart: text(record, 'Period_Start__c'),
        periodEnd: text(record, 'Period_End__c'),
        revenueGoal: goal === null || goal === undefined ? null : Number(goal),
        goalStatement: text(record, 'Goal_Statement__c'),
        nextReviewDate: text(record, 'Next_Review_Date__c')
    };
}

function sumWonAmount(org: OrgStore, accountId: string, periodStart: string, periodEnd: string): number {
    return org
        .all('Opportunity')
        .filter((deal) => deal.AccountId === accountId && OPPORTUNITY_STAGES[String(deal.StageName)]?.isWon)
        .filter((deal) => String(deal.CloseDate) >= periodStart && String(deal.CloseDate) <= periodEnd)
        .reduce(
            (sum, deal) =>
                sum + (deal.Amount === null || deal.Amount === undefined ? 0 : Number(deal.Amount)),
            0
        );
}

/** The account's current plan record, as AccountPlanService.chooseCurrentPlan picks it. */
export function currentPlanRecord(org: OrgStore, accountId: string): SObjectRecord | undefined {
    const plans = org.all('Account_Plan__c').filter((plan) => plan.Account__c === accountId);
    const chosen = chooseCurrentPlan(plans.map(planView), org.today);
    return chosen ? plans.find((plan) => plan.Id === chosen.id) : undefined;
}

export function getPlanSummary(org: OrgStore, args: Record<string, unknown>): PlanSummaryDto {
    const accountId = idParam(args, 'accountId');
    const account = requireAccount(org, accountId, 'Open an account to see its plan.');
    const record = currentPlanRecord(org, account.Id);
    const current = record ? planView(record) : null;
    return {
        accountId: account.Id,
        accountName: text(account, 'Name') ?? '',
        currencyIsoCode: 'USD',
        canCreatePlan: true,
        wonRevenue: current ? sumWonAmount(org, account.Id, current.periodStart!, current.periodEnd!) : 0,
        plan: current
    };
}

export function createPlan(org: OrgStore, args: Record<string, unknown>): string {
    const accountId = idParam(args, 'accountId');
    const input = objectParam(args, 'plan', PLAN_INPUT);
    const name = stringValue(input?.name, 'plan', PLAN_INPUT);
    const periodStart = dateValue(input?.periodStart, 'plan', PLAN_INPUT);
    const periodEnd = dateValue(input?.periodEnd, 'plan', PLAN_INPUT);
    const revenueGoal = decimalValue(input?.revenueGoal, 'plan', PLAN_INPUT);
    if (!accountId) throw new ApexError('Open an account to create its plan.');
    if (!input || !name || !name.trim()) throw new ApexError('Give the plan a name.');
    if (!periodStart || !periodEnd) throw new ApexError('Choose the period start and end.');
    try {
        return org.insert('Account_Plan__c', {
            Account__c: accountId,
            Name: name.trim(),
            Period_Start__c: periodStart,
            Period_End__c: periodEnd,
            Revenue_Goal__c: revenueGoal,
            Goal_Statement__c: stringValue(input.goalStatement, 'plan', PLAN_INPUT),
            Next_Review_Date__c: dateValue(input.nextReviewDate, 'plan', PLAN_INPUT),
            Status__c: 'Draft'
        });
    } catch (error) {
        throw toAuraError(error);
    }
}

export const accountPlanController: ApexClassHandler = {
    getPlanSummary: { params: ['accountId'], cacheable: true, invoke: getPlanSummary },
    createPlan: { params: ['accountId', 'plan'], cacheable: false, invoke: createPlan }
};
