// The account plan card's rules, DOM-free: what the card shows for a plan (progress to goal, review
// due, status styling, readable errors), in the words of the org's custom labels.
import progressWon from '@salesforce/label/c.Keystone_Progress_Won';
import noRevenueGoal from '@salesforce/label/c.Keystone_No_Revenue_Goal';
import noReview from '@salesforce/label/c.Keystone_No_Review';
import reviewOverdueOne from '@salesforce/label/c.Keystone_Review_Overdue_One';
import reviewOverdue from '@salesforce/label/c.Keystone_Review_Overdue';
import reviewToday from '@salesforce/label/c.Keystone_Review_Today';
import reviewInOne from '@salesforce/label/c.Keystone_Review_In_One';
import reviewIn from '@salesforce/label/c.Keystone_Review_In';
import defaultPlanName from '@salesforce/label/c.Keystone_Default_Plan_Name';
import { formatLabel } from 'c/keystoneText';
import type { AccountPlanService_PlanSummary, AccountPlanService_PlanView } from '@salesforce/apex/types';

/** A plan as AccountPlanController returns it (Apex Dates arrive as ISO `YYYY-MM-DD` strings). */
export type PlanView = AccountPlanService_PlanView;

/** The result of `AccountPlanController.getPlanSummary`. */
export type PlanSummaryDto = AccountPlanService_PlanSummary;

export type ReviewState = 'none' | 'overdue' | 'due-soon' | 'scheduled';

/** What the card draws for a plan. */
export interface PlanCardModel {
    /** Null when the user cannot read the plan's name: the card shows none. */
    name: string | null;
    status: string;
    statusClass: string;
    periodStart: string | null;
    periodEnd: string | null;
    goalStatement: string | null;
    revenueGoal: number | null;
    wonRevenue: number;
    /** Won revenue as a share of the goal, 0–100 for the bar; null when there is no goal. */
    progressPercent: number | null;
    /** The same share unclamped, so 130% of goal reads as 130%. */
    progressRatio: number | null;
    progressLabel: string;
    nextReviewDate: string | null;
    review: ReviewState;
    reviewLabel: string;
}

const DUE_SOON_DAYS = 14;
const MS_PER_DAY = 86_400_000;

const STATUS_CLASSES: Readonly<Record<string, string>> = {
    Draft: 'slds-badge',
    'In Review': 'slds-badge slds-theme_warning',
    Approved: 'slds-badge slds-theme_success',
    Closed: 'slds-badge slds-badge_inverse'
};

/** Whole days from `from` to `to` (ISO dates), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
    return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY);
}

function reviewOf(
    nextReviewDate: string | null,
    today: string
): { review: ReviewState; reviewLabel: string } {
    if (!nextReviewDate) {
        return { review: 'none', reviewLabel: noReview };
    }
    const days = daysBetween(today, nextReviewDate);
    if (days < 0) {
        return {
            review: 'overdue',
            reviewLabel: days === -1 ? reviewOverdueOne : formatLabel(reviewOverdue, -days)
        };
    }
    if (days === 0) {
        return { review: 'due-soon', reviewLabel: reviewToday };
    }
    const label = days === 1 ? reviewInOne : formatLabel(reviewIn, days);
    return { review: days <= DUE_SOON_DAYS ? 'due-soon' : 'scheduled', reviewLabel: label };
}

function finiteOrNull(value: number | null | undefined): number | null {
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * The card's view of a plan: progress of won revenue against the goal and the review's urgency.
 * Bad numbers (missing, NaN, negative goal) never produce a misleading bar: they read as "no goal".
 */
export function buildPlanCard(plan: PlanView, wonRevenue: number | null, today: string): PlanCardModel {
    const goal = finiteOrNull(plan.revenueGoal);
    const won = finiteOrNull(wonRevenue) ?? 0;
    const hasGoal = goal !== null && goal > 0;
    const ratio = hasGoal ? won / goal : null;
    const percent = ratio === null ? null : Math.max(0, Math.min(100, Math.round(ratio * 100)));
    const status = plan.status ?? 'Draft';
    return {
        name: plan.name,
        status,
        statusClass: STATUS_CLASSES[status] ?? 'slds-badge',
        periodStart: plan.periodStart,
        periodEnd: plan.periodEnd,
        goalStatement: plan.goalStatement,
        revenueGoal: goal,
        wonRevenue: won,
        progressPercent: percent,
        progressRatio: ratio,
        progressLabel: ratio === null ? noRevenueGoal : formatLabel(progressWon, Math.round(ratio * 100)),
        nextReviewDate: plan.nextReviewDate,
        ...reviewOf(plan.nextReviewDate, today)
    };
}

/** The default name of a new plan: "<account> FY<year> plan" in the org's words. */
export function defaultName(accountName: string, today: string): string {
    return accountName ? formatLabel(defaultPlanName, accountName, today.slice(0, 4)) : '';
}

/** The default period for a new plan: the calendar year that holds `today`. */
export function defaultPeriod(today: string): { periodStart: string; periodEnd: string } {
    const year = today.slice(0, 4);
    return { periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` };
}
