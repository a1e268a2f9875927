import { buildPlanCard, daysBetween, defaultName, defaultPeriod, type PlanView } from 'c/planSummaryModel';

function plan(overrides: Partial<PlanView> = {}): PlanView {
    return {
        id: 'a01',
        name: 'FY26',
        status: 'Draft',
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        revenueGoal: 1000,
        goalStatement: null,
        nextReviewDate: null,
        ...overrides
    };
}

describe('buildPlanCard', () => {
    it.each([
        ['half the goal won', 1000, 500, 50, '50% of goal won'],
        ['goal exceeded: the bar is full, the label tells the truth', 1000, 1300, 100, '130% of goal won'],
        ['nothing won yet', 1000, 0, 0, '0% of goal won'],
        ['won revenue missing counts as zero', 1000, null, 0, '0% of goal won'],
        ['no goal', null, 500, null, 'No revenue goal set'],
        ['a zero goal is no goal', 0, 500, null, 'No revenue goal set'],
        ['a negative goal is no goal', -5, 500, null, 'No revenue goal set'],
        ['NaN goal is no goal', Number.NaN, 500, null, 'No revenue goal set']
    ])('%s', (_name, goal, won, percent, label) => {
        const card = buildPlanCard(
            plan({ revenueGoal: goal as number | null }),
            won as number | null,
            '2026-11-22'
        );
        expect(card.progressPercent).toBe(percent);
        expect(card.progressLabel).toBe(label);
    });

    it.each([
        [null, 'none', 'No review scheduled'],
        ['2026-11-21', 'overdue', 'Review overdue by 1 day'],
        ['2026-10-23', 'overdue', 'Review overdue by 30 days'],
        ['2026-11-22', 'due-soon', 'Review due today'],
        ['2026-11-23', 'due-soon', 'Review in 1 day'],
        ['2026-12-06', 'due-soon', 'Review in 14 days'],
        ['2026-12-07', 'scheduled', 'Review in 15 days']
    ])('next review %s reads %s', (date, state, label) => {
        const card = buildPlanCard(plan({ nextReviewDate: date }), 0, '2026-11-22');
        expect(card.review).toBe(state);
        expect(card.reviewLabel).toBe(label);
    });

    it.each([
        ['Draft', 'slds-badge'],
        ['In Review', 'slds-badge slds-theme_warning'],
        ['Approved', 'slds-badge slds-theme_success'],
        ['Closed', 'slds-badge slds-badge_inverse'],
        ['Something new', 'slds-badge']
    ])('status %s is styled %s', (status, css) => {
        expect(buildPlanCard(plan({ status }), 0, '2026-11-22').statusClass).toBe(css);
    });

    it('treats a missing status as Draft', () => {
        expect(buildPlanCard(plan({ status: null }), 0, '2026-11-22').status).toBe('Draft');
    });
});

describe('dates', () => {
    it.each([
        ['2026-01-01', '2026-01-01', 0],
        ['2026-01-01', '2026-12-31', 364],
        ['2026-03-01', '2026-02-28', -1],
        ['2024-02-28', '2024-03-01', 2]
    ])('days from %s to %s = %d', (from, to, days) => {
        expect(daysBetween(from, to)).toBe(days);
    });

    it('names a new plan after the account and year', () => {
        expect(defaultName('Meridian Bank', '2026-11-22')).toBe('Meridian Bank FY2026 plan');
        expect(defaultName('', '2026-11-22')).toBe('');
    });

    it('defaults a new plan to the calendar year', () => {
        expect(defaultPeriod('2026-11-22')).toEqual({ periodStart: '2026-01-01', periodEnd: '2026-12-31' });
    });
});
