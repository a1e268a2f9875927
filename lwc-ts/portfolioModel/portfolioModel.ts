// The portfolio's view models: the ranked table's rows (sortable by any column), the tier changes, the
// plans awaiting sign-off and the overdue reviews, each ordered the way a manager works through them, and
// the quadrant's points. Text comes from labels the component passes in; numbers and dates in the reader's
// locale.
import type {
    KeyAccountPortfolioService_KeyAccount,
    KeyAccountPortfolioService_PlanItem,
    KeyAccountPortfolioService_Portfolio,
    KeyAccountPortfolioService_TierChange
} from '@salesforce/apex/types';
import { competitionRanks, sortBy, type SortDirection, type SortValue } from 'c/portfolioRanking';
import { quadrantOf, type BubbleSize, type QuadrantPoint, type QuadrantSettings } from 'c/portfolioQuadrant';

export type SortColumn =
    | 'rank'
    | 'name'
    | 'tier'
    | 'score'
    | 'hygiene'
    | 'health'
    | 'relationship'
    | 'owner'
    | 'plan'
    | 'nextReview';

export const SORT_COLUMNS: readonly SortColumn[] = [
    'rank',
    'name',
    'tier',
    'score',
    'hygiene',
    'health',
    'relationship',
    'owner',
    'plan',
    'nextReview'
];

/** The direction a column sorts on its first click: scores high first, everything else A to Z. */
export const FIRST_DIRECTION: Readonly<Record<SortColumn, SortDirection>> = {
    rank: 'asc',
    name: 'asc',
    tier: 'asc',
    score: 'desc',
    hygiene: 'desc',
    health: 'desc',
    relationship: 'desc',
    owner: 'asc',
    plan: 'asc',
    nextReview: 'asc'
};

export interface PortfolioTexts {
    /** Shown for a value that is not there (a score not yet calculated, no plan). */
    none: string;
    /** "{0} days overdue" */
    daysOverdue: string;
    /** "{0} days waiting" */
    daysWaiting: string;
    /** The tier of an account that had none. */
    noTier: string;
    quadrantNames: Record<'invest' | 'fix' | 'maintain' | 'reconsider', string>;
}

export interface TableRow {
    id: string;
    rank: number | null;
    rankText: string;
    name: string;
    tier: string;
    scoreText: string;
    hygieneText: string;
    healthText: string;
    relationshipType: string;
    ownerName: string;
    planId: string;
    planStatus: string;
    nextReviewText: string;
    overdue: boolean;
    overdueText: string;
    quadrantName: string;
    rowClass: string;
}

export interface TierChangeItem {
    accountId: string;
    accountName: string;
    fromTier: string;
    toTier: string;
    changedOnText: string;
    promoted: boolean;
    itemClass: string;
}

export interface PlanListItem {
    planId: string;
    planName: string;
    accountId: string;
    accountName: string;
    approverName: string;
    detailText: string;
    dateText: string;
}

const TIER_ORDER: Readonly<Record<string, number>> = { 'Tier 1': 1, 'Tier 2': 2, 'Tier 3': 3, 'Not Key': 4 };
// the measured relationship, from the most transactional to the most strategic
const RELATIONSHIP_ORDER: Readonly<Record<string, number>> = {
    Tactical: 1,
    Cooperative: 2,
    Interdependent: 3,
    Strategic: 4
};

function text(template: string, ...values: (string | number)[]): string {
    return template.replace(/\{(\d+)\}/g, (whole, index: string) => {
        const value = values[Number(index)];
        return value === undefined ? whole : String(value);
    });
}

function isNumber(value: unknown): value is number {
    return typeof value === 'number' && Number.isFinite(value);
}

export function formatDate(iso: string | null | undefined, locale?: string): string {
    if (!iso) return '';
    const time = Date.parse(`${iso}T00:00:00Z`);
    if (Number.isNaN(time)) return iso;
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(time);
}

function formatNumber(
    value: number | null | undefined,
    digits: number,
    none: string,
    locale?: string
): string {
    if (!isNumber(value)) return none;
    return new Intl.NumberFormat(locale, {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits
    }).format(value);
}

function sortValue(
    account: KeyAccountPortfolioService_KeyAccount,
    column: SortColumn,
    rank: number | null
): SortValue {
    switch (column) {
        case 'rank':
            return rank;
        case 'name':
            return account.name;
        case 'tier':
            return account.tier ? (TIER_ORDER[account.tier] ?? 9) : null;
        case 'score':
            return account.score;
        case 'hygiene':
            return account.hygiene;
        case 'health':
            return account.health;
        case 'relationship':
            return account.relationshipType ? (RELATIONSHIP_ORDER[account.relationshipType] ?? 0) : null;
        case 'owner':
            return account.ownerName;
        case 'plan':
            return account.plan?.status;
        case 'nextReview':
            return account.plan?.nextReview;
        default:
            return null;
    }
}

/**
 * The table's rows: ranked by score (competition ranks: equal scores share a place), sorted by the chosen
 * column (empty values last), each with its quadrant's name when both scores are known.
 */
export function buildTableRows(
    view: KeyAccountPortfolioService_Portfolio,
    settings: QuadrantSettings,
    texts: PortfolioTexts,
    column: SortColumn,
    direction: SortDirection,
    locale?: string
): TableRow[] {
    const accounts = (view.accounts ?? []).filter((account) => !!account.id);
    const ranks = competitionRanks(accounts.map((account) => account.score));
    const ranked = accounts.map((account, index) => ({ account, rank: ranks[index] ?? null }));
    const sorted = sortBy(ranked, (entry) => sortValue(entry.account, column, entry.rank), direction);
    return sorted.map(({ account, rank }) => {
        const plan = account.plan;
        const overdue = plan?.overdue === true;
        const placed = isNumber(account.score) && isNumber(account.health);
        return {
            id: account.id as string,
            rank,
            rankText: rank === null ? texts.none : String(rank),
            name: account.name ?? texts.none,
            tier: account.tier ?? texts.noTier,
            scoreText: formatNumber(account.score, 1, texts.none, locale),
            hygieneText: formatNumber(account.hygiene, 0, texts.none, locale),
            healthText: formatNumber(account.health, 0, texts.none, locale),
            relationshipType: account.relationshipType ?? texts.none,
            ownerName: account.ownerName ?? texts.none,
            planId: plan?.id ?? '',
            planStatus: plan?.status ?? texts.none,
            nextReviewText: plan?.nextReview ? formatDate(plan.nextReview, locale) : texts.none,
            overdue,
            overdueText: overdue ? text(texts.daysOverdue, plan?.daysOverdue ?? 0) : '',
            quadrantName: placed
                ? texts.quadrantNames[quadrantOf(account.score as number, account.health as number, settings)]
                : texts.none,
            rowClass: overdue ? 'portfolio-row portfolio-row_overdue' : 'portfolio-row'
        };
    });
}

/** The tier changes, most recent first (undated last), then by account name. */
export function buildTierChanges(
    changes: readonly KeyAccountPortfolioService_TierChange[] | null | undefined,
    texts: PortfolioTexts,
    locale?: string
): TierChangeItem[] {
    const byName = sortBy(changes ?? [], (change) => change.accountName, 'asc');
    return sortBy(byName, (change) => change.changedOn, 'desc').map((change) => ({
        accountId: change.accountId ?? '',
        accountName: change.accountName ?? texts.none,
        fromTier: change.fromTier ?? texts.noTier,
        toTier: change.toTier ?? texts.noTier,
        changedOnText: formatDate(change.changedOn, locale),
        promoted: change.promoted === true,
        itemClass: change.promoted === true ? 'tier-change tier-change_up' : 'tier-change tier-change_down'
    }));
}

function planItem(
    plan: KeyAccountPortfolioService_PlanItem,
    texts: PortfolioTexts
): Omit<PlanListItem, 'detailText' | 'dateText'> {
    return {
        planId: plan.id ?? '',
        planName: plan.name ?? texts.none,
        accountId: plan.accountId ?? '',
        accountName: plan.accountName ?? texts.none,
        approverName: plan.approverName ?? texts.none
    };
}

/** Plans awaiting sign-off, longest waiting first. */
export function buildAwaitingSignOff(
    plans: readonly KeyAccountPortfolioService_PlanItem[] | null | undefined,
    texts: PortfolioTexts,
    locale?: string
): PlanListItem[] {
    return sortBy(plans ?? [], (plan) => plan.daysWaiting, 'desc').map((plan) => ({
        ...planItem(plan, texts),
        detailText: text(texts.daysWaiting, plan.daysWaiting ?? 0),
        dateText: formatDate(plan.waitingSince, locale)
    }));
}

/** Open plans whose review is overdue, most overdue first. */
export function buildOverdueReviews(
    plans: readonly KeyAccountPortfolioService_PlanItem[] | null | undefined,
    texts: PortfolioTexts,
    locale?: string
): PlanListItem[] {
    return sortBy(plans ?? [], (plan) => plan.daysOverdue, 'desc').map((plan) => ({
        ...planItem(plan, texts),
        detailText: text(texts.daysOverdue, plan.daysOverdue ?? 0),
        dateText: formatDate(plan.nextReview, locale)
    }));
}

/** The quadrant's points, in ranking order, sized by what App Builder chose. */
export function quadrantPoints(
    view: KeyAccountPortfolioService_Portfolio,
    bubbleSize: BubbleSize
): QuadrantPoint[] {
    return (view.accounts ?? [])
        .filter((account) => !!account.id)
        .map((account) => ({
            id: account.id as string,
            name: account.name ?? '',
            score: account.score,
            health: account.health,
            tier: account.tier,
            size: bubbleSize === 'pipeline' ? account.pipeline : account.wonRevenue
        }));
}
