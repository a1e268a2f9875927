import {
    buildCadenceRows,
    buildMilestoneRows,
    foldCadence,
    draftFor,
    inputFor,
    type MilestoneTexts
} from 'c/planMilestonesModel';
import type { PlanMilestoneService_MilestonesView } from '@salesforce/apex/types';
import view from '../../planMilestones/__tests__/data/milestones.json';

const TEXTS: MilestoneTexts = {
    dueOn: 'Due {0}',
    doneOn: 'Done {0}',
    overdue: 'Overdue by {0} days',
    nobody: 'None',
    lastMet: 'Last met {0}',
    neverMet: 'Never met',
    nextDue: 'Next due {0}',
    dueNow: 'Due now'
};
const data = view as unknown as PlanMilestoneService_MilestonesView;

describe('buildMilestoneRows', () => {
    it('says in words how late an overdue milestone is, and marks the row', () => {
        const rows = buildMilestoneRows(data, TEXTS, 'en-GB');
        expect(rows[1]).toMatchObject({
            name: 'Marketing discovery workshop',
            meta: 'Meeting · Jordan Lee · Nadia Rahman',
            dateText: 'Due 15 Oct 2026',
            overdue: true,
            overdueText: 'Overdue by 46 days',
            canMarkDone: true
        });
        expect(rows[1].rowClass).toContain('milestone_overdue');
        expect(rows[1].statusClass).toContain('slds-theme_error');
    });

    it('shows a done milestone with its completed date and no mark-done', () => {
        const rows = buildMilestoneRows(data, TEXTS, 'en-GB');
        expect(rows[0]).toMatchObject({
            dateText: 'Done 15 Mar 2026',
            overdue: false,
            overdueText: '',
            canMarkDone: false
        });
        expect(rows[0].statusClass).toContain('slds-theme_success');
    });

    it.each([
        ['a cancelled milestone cannot be marked done', { status: 'Cancelled' }, true, false],
        ['a user who may not edit gets no actions', { status: 'Planned' }, false, false]
    ])('%s', (_name, change, canEdit, canMarkDone) => {
        const changed = {
            ...data,
            canEdit,
            canDelete: canEdit,
            milestones: [{ ...data.milestones![1]!, ...change }]
        } as PlanMilestoneService_MilestonesView;
        const [row] = buildMilestoneRows(changed, TEXTS);
        expect(row!.canMarkDone).toBe(canMarkDone);
        expect(row!.canEdit).toBe(canEdit);
        expect(row!.canDelete).toBe(canEdit);
    });

    it('is empty without milestones', () => {
        expect(buildMilestoneRows({ ...data, milestones: null }, TEXTS)).toEqual([]);
    });
});

describe('buildCadenceRows', () => {
    it('keeps the server order and says when we last met and when the next meeting is due', () => {
        const rows = buildCadenceRows(data.cadence!.rows, TEXTS, 'en-GB');
        expect(rows.map((row) => row.name)).toEqual(['Victor Hale', 'Rafael Okafor']);
        expect(rows[0]).toMatchObject({
            lastMetText: 'Last met 2 Jul 2026',
            nextDueText: 'Next due 1 Oct 2026',
            overdueText: 'Overdue by 60 days',
            frequency: 'Quarterly'
        });
        expect(rows[0]!.rowClass).toContain('cadence_overdue');
        expect(rows[1]!.overdueText).toBe('');
    });

    it('says never met and due now for someone we never met', () => {
        const [row] = buildCadenceRows(
            [{ ...data.cadence!.rows![0]!, lastMet: null, nextDue: '2026-11-30', daysOverdue: 0 }],
            TEXTS
        );
        expect(row).toMatchObject({
            lastMetText: 'Never met',
            nextDueText: 'Due now',
            overdue: true,
            overdueText: ''
        });
    });
});

describe('draftFor and inputFor', () => {
    it('starts a new milestone as a planned meeting due today', () => {
        expect(draftFor(null, '2026-11-30')).toEqual({
            id: null,
            name: '',
            type: 'Meeting',
            status: 'Planned',
            dueDate: '2026-11-30',
            assigneeId: '',
            stakeholderId: ''
        });
    });

    it('edits a milestone with its own values and sends blanks as null', () => {
        const draft = draftFor(data.milestones![0]!, '2026-11-30');
        expect(draft).toMatchObject({
            id: 'a0C000000000001EAA',
            assigneeId: '',
            stakeholderId: '003000000000002AAA'
        });
        expect(inputFor({ ...draft, dueDate: '' }, 'a00')).toEqual({
            id: 'a0C000000000001EAA',
            planId: 'a00',
            name: 'Q1 business review with the CIO',
            type: 'Review',
            status: 'Done',
            dueDate: null,
            assigneeId: null,
            stakeholderId: '003000000000002AAA'
        });
    });
});

describe('foldCadence', () => {
    const rows = (pattern: string): { id: number; overdue: boolean }[] =>
        pattern.split('').map((mark, id) => ({ id, overdue: mark === '!' }));
    const ids = (list: { id: number }[]): number[] => list.map((row) => row.id);
    const cases: { pattern: string; folded: number[]; why: string }[] = [
        { pattern: '', folded: [], why: 'no one' },
        { pattern: '...', folded: [0, 1, 2], why: 'fewer than five: all' },
        { pattern: '........', folded: [0, 1, 2, 3, 4], why: 'the next five due' },
        { pattern: '!!.......', folded: [0, 1, 2, 3, 4], why: 'the overdue, then the next due' },
        { pattern: '!!!!!!!..', folded: [0, 1, 2, 3, 4, 5, 6], why: 'every overdue one, even past five' },
        { pattern: '...!....', folded: [0, 1, 2, 3, 4], why: 'an overdue row anywhere is kept' },
        { pattern: '......!.', folded: [0, 1, 2, 3, 6], why: 'an overdue row late in the list takes a place' }
    ];
    for (const { pattern, folded, why } of cases) {
        it(`folds "${pattern}" to ${JSON.stringify(folded)}: ${why}`, () => {
            expect(ids(foldCadence(rows(pattern), false))).toEqual(folded);
            expect(ids(foldCadence(rows(pattern), true))).toEqual(ids(rows(pattern)));
        });
    }
});
