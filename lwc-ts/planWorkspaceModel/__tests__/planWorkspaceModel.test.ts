import { buildHeader, buildStatusPath, splitProgress, visibleSections } from 'c/planWorkspaceModel';
import type { PlanReviewService_Workspace } from '@salesforce/apex/types';

const STATUSES = ['Draft', 'In Review', 'Approved', 'Closed'].map((value) => ({ value, label: value }));

describe('buildStatusPath', () => {
    it.each([
        ['Draft', ['current', 'incomplete', 'incomplete', 'incomplete']],
        ['In Review', ['complete', 'current', 'incomplete', 'incomplete']],
        ['Approved', ['complete', 'complete', 'current', 'incomplete']],
        ['Closed', ['complete', 'complete', 'complete', 'current']],
        // a value the picklist no longer has marks nothing, rather than a wrong step
        ['Archived', ['incomplete', 'incomplete', 'incomplete', 'incomplete']],
        [null, ['incomplete', 'incomplete', 'incomplete', 'incomplete']]
    ])('a plan in %s', (status, states) => {
        const path = buildStatusPath(STATUSES, status);
        expect(path.map((step) => /slds-is-(complete|current|incomplete)/.exec(step.className)?.[1])).toEqual(
            states
        );
        expect(path.filter((step) => step.ariaCurrent === 'step')).toHaveLength(
            states.includes('current') ? 1 : 0
        );
    });

    it('has no steps without statuses', () => {
        expect(buildStatusPath(null, 'Draft')).toEqual([]);
    });
});

describe('splitProgress', () => {
    it.each([
        [6_750_000, 9_000_000, 75, '75% of target'],
        [700_000, 3_000_000, 23, '23% of target'],
        [0, 1_000_000, 0, '0% of target'],
        // beyond the target the bar is full and the words say how far beyond
        [1_300_000, 1_000_000, 100, '130% of target'],
        [500, null, null, 'No target set'],
        [500, 0, null, 'No target set'],
        [500, -10, null, 'No target set'],
        [null, 1_000, 0, '0% of target'],
        [Number.NaN, 1_000, 0, '0% of target']
    ])('won %p of %p', (won, target, percent, label) => {
        const progress = splitProgress('mining', won, target);
        expect(progress.percent).toBe(percent);
        expect(progress.progressLabel).toBe(label);
        expect(progress.barStyle).toBe(`width: ${percent ?? 0}%`);
    });
});

describe('buildHeader', () => {
    const workspace = {
        statuses: STATUSES,
        plan: {
            id: 'a01',
            name: 'Plan',
            status: 'Approved',
            periodStart: '2026-01-01',
            periodEnd: '2026-12-31',
            goalStatement: null,
            revenueGoal: 100,
            miningTarget: 60,
            farmingTarget: 40,
            reviewFrequency: 'Quarterly',
            nextReviewDate: '2026-06-10',
            lastReviewed: null,
            approverName: null,
            approvalDate: null
        },
        wonRevenue: 50,
        miningWon: 30,
        farmingWon: 20
    } as unknown as PlanReviewService_Workspace;

    it('joins the plan card, the path and the split', () => {
        const header = buildHeader(workspace, '2026-06-01');
        expect(header?.card.progressLabel).toBe('50% of goal won');
        expect(header?.card.review).toBe('due-soon');
        expect(header?.path.find((step) => step.isCurrent)?.value).toBe('Approved');
        expect(header?.mining.percent).toBe(50);
        expect(header?.farming.percent).toBe(50);
    });

    it('is null without a plan', () => {
        expect(buildHeader({ ...workspace, plan: null }, '2026-06-01')).toBeNull();
    });
});

describe('visibleSections', () => {
    it('shows every section unless switched off, in the fixed order', () => {
        expect(visibleSections({})).toEqual(['objectives', 'swot', 'milestones', 'cases', 'signOff']);
        expect(visibleSections({ swot: false, cases: false, signOff: true })).toEqual([
            'objectives',
            'milestones',
            'signOff'
        ]);
    });
});
