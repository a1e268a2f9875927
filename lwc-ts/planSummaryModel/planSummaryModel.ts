// The account plan card's rules, DOM-free: which plan is current, and what the card shows for it
// (progress to goal, review due, status styling). The component only wires data to these.

/** A plan as AccountPlanController returns it (Apex Dates arrive as ISO `YYYY-MM-DD` strings). */
export interface PlanView {
    id: string;
    name: string;
    status: string | null;
    periodStart: string | null;
    periodEnd: string | null;
    revenueGoal: number | null;
    goalStatement: string | null;
    nextReviewDate: string | null;
}

/** The result of `AccountPlanController.getPlanSummary`. */
export interface PlanSummaryDto {
    accountId: string;
    accountName: string;
    currencyIsoCode: string;
    canCreatePlan: boolean;
    wonRevenue: number | null;
    plan: PlanView | null;
}

/** The minimum a plan needs for the current-plan rule. */
export interface PlanPeriod {
    id: string;
    status: string | null;
    periodStart: string | null;
    periodEnd: string | null;
}

export type ReviewState = 'none' | 'overdue' | 'due-soon' | 'scheduled';

/** What the card draws for a plan. */
export interface PlanCardModel {
    name: string;
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

export const STATUS_CLOSED = 'Closed';
const DUE_SOON_DAYS = 14;
const MS_PER_DAY = 86_400_000;

const STATUS_CLASSES: Readonly<Record<string, string>> = {
    Draft: 'slds-badge',
    'In Review': 'slds-badge slds-theme_warning',
    Approved: 'slds-badge slds-theme_success',
    Closed: 'slds-badge slds-badge_inverse'
};

function rankOf(plan: PlanPeriod, today: string): number {
    const start = plan.periodStart as string;
    const end = plan.periodEnd as string;
    if (start <= today && today <= end) {
        return 0;
    }
    return start > today ? 1 : 2;
}

function isBetterWithinRank(candidate: PlanPeriod, best: PlanPeriod, rank: number): boolean {
    const candidateDate = (rank === 2 ? candidate.periodEnd : candidate.periodStart) as string;
    const bestDate = (rank === 2 ? best.periodEnd : best.periodStart) as string;
    if (candidateDate !== bestDate) {
        return rank === 1 ? candidateDate < bestDate : candidateDate > bestDate;
    }
    return candidate.id < best.id;
}

/**
 * The plan a rep is working on today — the same rule as `AccountPlanService.chooseCurrentPlan`, checked
 * against the same shared cases. Closed and undated plans never count; a plan whose period holds today
 * wins (latest start first), else the soonest upcoming, else the most recently ended; ties by lower id.
 */
export function chooseCurrentPlan<T extends PlanPeriod>(plans: readonly T[], today: string): T | null {
    let best: T | null = null;
    let bestRank = Number.POSITIVE_INFINITY;
    for (const plan of plans) {
        if (plan.status === STATUS_CLOSED || !plan.periodStart || !plan.periodEnd) {
            continue;
        }
        const rank = rankOf(plan, today);
        if (best === null || rank < bestRank || (rank === bestRank && isBetterWithinRank(plan, best, rank))) {
            best = plan;
            bestRank = rank;
        }
    }
    return best;
}

/** Whole days from `from` to `to` (ISO dates), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
    return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY);
}

/** Today's date as ISO `YYYY-MM-DD` in the browser's time zone. */
export function isoToday(now: Date = new Date()): string {
    const month = String(now.getMonth() + 1).padStart(2, '0');
    const day = String(now.getDate()).padStart(2, '0');
    return `${now.getFullYear()}-${month}-${day}`;
}

function reviewOf(
    nextReviewDate: string | null,
    today: string
): { review: ReviewState; reviewLabel: string } {
    if (!nextReviewDate) {
        return { review: 'none', reviewLabel: 'No review scheduled' };
    }
    const days = daysBetween(today, nextReviewDate);
    if (days < 0) {
        const late = -days;
        return { review: 'overdue', reviewLabel: `Review overdue by ${late} ${late === 1 ? 'day' : 'days'}` };
    }
    if (days === 0) {
        return { review: 'due-soon', reviewLabel: 'Review due today' };
    }
    if (days <= DUE_SOON_DAYS) {
        return { review: 'due-soon', reviewLabel: `Review in ${days} ${days === 1 ? 'day' : 'days'}` };
    }
    return { review: 'scheduled', reviewLabel: `Review in ${days} days` };
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
        progressLabel: ratio === null ? 'No revenue goal set' : `${Math.round(ratio * 100)}% of goal won`,
        nextReviewDate: plan.nextReviewDate,
        ...reviewOf(plan.nextReviewDate, today)
    };
}

/** The default period for a new plan: the calendar year that holds `today`. */
export function defaultPeriod(today: string): { periodStart: string; periodEnd: string } {
    const year = today.slice(0, 4);
    return { periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` };
}

interface ErrorBody {
    message?: unknown;
    pageErrors?: { message?: unknown }[];
    fieldErrors?: Record<string, { message?: unknown }[]>;
}

/**
 * A readable message from whatever an Apex call or wire rejected with: an AuraHandledException body,
 * a list of such errors, a JS Error or a string. Never empty, never "[object Object]".
 */
export function errorMessage(error: unknown): string {
    const messages: string[] = [];
    const collect = (value: unknown): void => {
        if (value === null || value === undefined) {
            return;
        }
        if (typeof value === 'string') {
            if (value.trim()) messages.push(value.trim());
            return;
        }
        if (Array.isArray(value)) {
            value.forEach(collect);
            return;
        }
        if (typeof value === 'object') {
            const record = value as { body?: unknown; message?: unknown };
            if (record.body !== undefined) {
                const body = record.body as ErrorBody | ErrorBody[];
                if (Array.isArray(body)) {
                    body.forEach((item) => collect(item.message));
                } else {
                    collect(body.message);
                    (body.pageErrors ?? []).forEach((item) => collect(item.message));
                    Object.values(body.fieldErrors ?? {}).forEach((list) =>
                        list.forEach((item) => collect(item.message))
                    );
                }
                return;
            }
            collect(record.message);
        }
    };
    collect(error);
    const unique = [...new Set(messages)];
    return unique.length
        ? unique.join(' ')
        : 'Something went wrong. Try again, or ask your Salesforce admin.';
}
