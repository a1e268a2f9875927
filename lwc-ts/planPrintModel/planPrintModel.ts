// The printed plan as text, DOM-free: AccountPlanPrintController.getPrintablePlan's result (every member
// may be null) turned into the lines and rows the print view shows, in the reader's locale. Each section
// is its own list, so a section added later (calculated objectives, cadence) is one more list here.
import type {
    AccountPlanPrintService_MilestoneLine,
    AccountPlanPrintService_ObjectiveLine,
    AccountPlanPrintService_PrintablePlan,
    AccountPlanPrintService_SwotLine
} from '@salesforce/apex/types';
import { formatIsoDate, formatLabel } from 'c/keystoneText';
import { exactMoney } from 'c/landscapeMoney';

/** The Visualforce page that shows the print view outside Lightning Experience's chrome. */
export const PRINT_PAGE = '/apex/KeystonePlanPrint';

/** Where the workspace's Print action opens a plan's printable copy (in a new tab). */
export function printPageUrl(planId: string): string {
    return `${PRINT_PAGE}?id=${encodeURIComponent(planId)}`;
}

/** The SWOT+ categories in the order a plan reads them (the Category__c picklist's order). */
export const SWOT_ORDER: readonly string[] = [
    'Strength',
    'Weakness',
    'Opportunity',
    'Threat',
    'Obstacle',
    'Objection',
    'Red Flag',
    'Competitor'
];

export interface PrintWords {
    /** "{0} – {1}": the period from start to end. */
    period: string;
    /** "Approved by {0} on {1}". */
    approved: string;
    /** "Approver: {0}" while not yet approved. */
    approver: string;
    /** Said when no approver is named. */
    notApproved: string;
    /** "Printed {0}". */
    printed: string;
    /** What an empty value reads as. */
    none: string;
}

export interface ObjectiveRow {
    key: string;
    name: string;
    measure: string;
    owner: string;
    due: string;
    target: string;
    current: string;
    status: string;
}

export interface SwotEntry {
    key: string;
    description: string;
    /** Priority, competitor and response, joined; empty when none. */
    details: string;
}

export interface SwotGroup {
    key: string;
    category: string;
    items: SwotEntry[];
}

export interface MilestoneRow {
    key: string;
    title: string;
    assignee: string;
    due: string;
    status: string;
}

export interface PrintablePlanView {
    id: string;
    accountId: string;
    accountName: string;
    name: string;
    status: string;
    periodStart: string | null;
    periodEnd: string | null;
    period: string;
    approval: string;
    printed: string;
    goalStatement: string;
    currency: string;
    revenueGoal: string;
    wonRevenue: string;
    miningTarget: string;
    farmingTarget: string;
    objectives: ObjectiveRow[];
    swot: SwotGroup[];
    milestones: MilestoneRow[];
}

/** A value in its unit: money in the plan's currency, percent with "%", counts and days as numbers. */
export function formatMeasure(
    value: number | null | undefined,
    unit: string | null | undefined,
    currency: string,
    locale?: string
): string {
    if (value === null || value === undefined) return '';
    if (unit === 'Currency') return exactMoney(value, currency, locale);
    const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
    return unit === 'Percent' ? `${number}%` : number;
}

function objectiveRow(
    line: AccountPlanPrintService_ObjectiveLine,
    index: number,
    currency: string,
    words: PrintWords,
    locale?: string
): ObjectiveRow {
    return {
        key: line.id ?? `objective-${index}`,
        name: line.name ?? '',
        measure: line.measure ?? '',
        owner: line.ownerName || words.none,
        due: formatIsoDate(line.dueDate, locale) || words.none,
        target: formatMeasure(line.targetValue, line.unit, currency, locale) || words.none,
        current: formatMeasure(line.currentValue, line.unit, currency, locale) || words.none,
        status: line.status || words.none
    };
}

/** SWOT items under their categories, in the plan's category order; categories without items left out. */
export function swotGroups(items: readonly AccountPlanPrintService_SwotLine[]): SwotGroup[] {
    const byCategory = new Map<string, SwotEntry[]>();
    items.forEach((item, index) => {
        const category = item.category ?? '';
        const details = [item.priority, item.competitor, item.response].filter((part) => !!part).join(' · ');
        const entries = byCategory.get(category) ?? [];
        entries.push({ key: item.id ?? `swot-${index}`, description: item.description ?? '', details });
        byCategory.set(category, entries);
    });
    const rank = (category: string): number => {
        const at = SWOT_ORDER.indexOf(category);
        return at === -1 ? SWOT_ORDER.length : at;
    };
    return [...byCategory.keys()]
        .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
        .map((category) => ({ key: category || 'none', category, items: byCategory.get(category)! }));
}

function milestoneRow(
    line: AccountPlanPrintService_MilestoneLine,
    index: number,
    words: PrintWords,
    locale?: string
): MilestoneRow {
    return {
        key: line.id ?? `milestone-${index}`,
        title: line.title ?? '',
        assignee: line.assigneeName || words.none,
        due: formatIsoDate(line.dueDate, locale) || words.none,
        status: line.status || words.none
    };
}

function money(
    value: number | null | undefined,
    currency: string,
    words: PrintWords,
    locale?: string
): string {
    return value === null || value === undefined ? words.none : exactMoney(value, currency, locale);
}

/** The print view's text for a plan, as of `today` (ISO). */
export function printablePlan(
    result: AccountPlanPrintService_PrintablePlan,
    words: PrintWords,
    today: string,
    locale?: string
): PrintablePlanView {
    const currency = result.currencyIsoCode || 'USD';
    const approval = result.approvalDate
        ? formatLabel(
              words.approved,
              result.approverName || words.none,
              formatIsoDate(result.approvalDate, locale)
          )
        : result.approverName
          ? formatLabel(words.approver, result.approverName)
          : words.notApproved;
    return {
        id: result.id ?? '',
        accountId: result.accountId ?? '',
        accountName: result.accountName ?? '',
        name: result.name ?? '',
        status: result.status ?? '',
        periodStart: result.periodStart,
        periodEnd: result.periodEnd,
        period: formatLabel(
            words.period,
            formatIsoDate(result.periodStart, locale) || words.none,
            formatIsoDate(result.periodEnd, locale) || words.none
        ),
        approval,
        printed: formatLabel(words.printed, formatIsoDate(today, locale)),
        goalStatement: result.goalStatement ?? '',
        currency,
        revenueGoal: money(result.revenueGoal, currency, words, locale),
        wonRevenue: money(result.wonRevenue, currency, words, locale),
        miningTarget: money(result.miningTarget, currency, words, locale),
        farmingTarget: money(result.farmingTarget, currency, words, locale),
        objectives: (result.objectives ?? []).map((line, index) =>
            objectiveRow(line, index, currency, words, locale)
        ),
        swot: swotGroups(result.swotItems ?? []),
        milestones: (result.milestones ?? []).map((line, index) => milestoneRow(line, index, words, locale))
    };
}
