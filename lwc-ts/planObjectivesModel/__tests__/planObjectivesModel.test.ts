import {
    barWidth,
    draftOf,
    groupObjectives,
    inputOf,
    isCalculated,
    statusClass
} from 'c/planObjectivesModel';
import type { PlanObjectiveService_ObjectivesView } from '@salesforce/apex/types';
import objectives from '../../planObjectives/__tests__/data/objectives.json';

const view = objectives as PlanObjectiveService_ObjectivesView;

describe('groupObjectives', () => {
    it('groups by horizon in the horizons order, undated last, soonest due first', () => {
        const groups = groupObjectives(view, 'No horizon');
        expect(groups.map((group) => group.label)).toEqual(['Short Term', 'Mid Term', 'No horizon']);
        expect(groups[0].rows.map((row) => row.name)).toEqual([
            'Win $12M in FY2026',
            'Meet a new executive every month'
        ]);
    });

    it('marks off-track and overdue objectives in words and class, not colour alone', () => {
        const rows = groupObjectives(view, 'No horizon').flatMap((group) => group.rows);
        const pilot = rows.find((row) => row.name.startsWith('Sign'));
        expect(pilot?.overdue).toBe(true);
        expect(pilot?.standsOut).toBe(true);
        expect(pilot?.rowClass).toContain('objective_stands-out');
        expect(pilot?.statusClass).toContain('slds-theme_error');
        const done = rows.find((row) => row.status === 'Done');
        expect(done?.standsOut).toBe(false);
        expect(done?.barClass).toContain('slds-progress-bar__value_success');
    });

    it('shows nothing for no objectives or no view', () => {
        expect(groupObjectives(null, 'x')).toEqual([]);
        expect(groupObjectives({ ...view, objectives: [] }, 'x')).toEqual([]);
    });
});

describe('rows', () => {
    it.each([
        [null, 0],
        [-5, 0],
        [42.5, 42.5],
        [130, 100]
    ])('bar width of %p is %p', (progress, width) => {
        expect(barWidth(progress as number | null)).toBe(width);
    });

    it('gives each status its own badge theme and an unknown one a neutral badge', () => {
        expect(statusClass('At Risk')).toContain('slds-theme_warning');
        expect(statusClass('On Track')).toContain('status_on-track');
        expect(statusClass('Whatever')).toContain('slds-badge_lightest');
    });
});

describe('the edit draft', () => {
    it('starts a new objective as Entered, short term, in currency', () => {
        expect(draftOf()).toMatchObject({
            id: null,
            measureType: 'Entered',
            horizon: 'Short Term',
            unit: 'Currency'
        });
    });

    it('leaves out the current value of a calculated measure, both ways', () => {
        const won = view.objectives?.find((objective) => objective.measureType === 'Won Revenue');
        const draft = draftOf(won);
        expect(draft.currentValue).toBe('');
        expect(inputOf({ ...draft, currentValue: '5' }).currentValue).toBeNull();
        expect(isCalculated(draft.measureType)).toBe(true);
    });

    it('sends numbers as numbers and empty fields as null', () => {
        const input = inputOf({
            ...draftOf(),
            name: '  Certify engineers ',
            targetValue: '10',
            currentValue: '2.5',
            dueDate: ''
        });
        expect(input).toMatchObject({
            name: 'Certify engineers',
            targetValue: 10,
            currentValue: 2.5,
            dueDate: null
        });
        expect(inputOf({ ...draftOf(), targetValue: 'abc' }).targetValue).toBeNull();
    });
});
