// The current-plan rule for the preview's org emulator: which of an account's plans a rep is working on
// today, as AccountPlanService.chooseCurrentPlan decides it in an org. It lives with the emulator, not in
// lwc-ts/, because no component uses it: a bundle here would deploy code that only tooling runs.

export const STATUS_CLOSED = 'Closed';

/** The minimum a plan needs for the current-plan rule. */
export interface PlanPeriod {
    id: string;
    status: string | null;
    periodStart: string | null;
    periodEnd: string | null;
}

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
