import { buildCasesModel, type CasesTexts } from 'c/planOpenCasesModel';
import type { PlanOpenCasesService_OpenCasesView } from '@salesforce/apex/types';
import view from '../../planOpenCases/__tests__/data/openCases.json';

const TEXTS: CasesTexts = {
    buckets: { '0-7': '0–7 days', '8-30': '8–30 days', '31-90': '31–90 days', '90+': 'Over 90 days' },
    noPriority: 'No priority',
    ageDays: '{0} days open',
    oldest: 'Oldest: {0}, open {1} days',
    untitled: '(no subject)'
};
const data = view as unknown as PlanOpenCasesService_OpenCasesView;

describe('buildCasesModel', () => {
    it('labels the four age buckets and sizes their bars against the largest', () => {
        const model = buildCasesModel(data, TEXTS);
        expect(model.buckets.map((bucket) => [bucket.label, bucket.count, bucket.barStyle])).toEqual([
            ['0–7 days', 1, 'width: 100%'],
            ['8–30 days', 1, 'width: 100%'],
            ['31–90 days', 1, 'width: 100%'],
            ['Over 90 days', 0, 'width: 0%']
        ]);
        expect(model.priorities.map((figure) => [figure.label, figure.count, figure.barStyle])).toEqual([
            ['High', 1, 'width: 50%'],
            ['Medium', 2, 'width: 100%']
        ]);
    });

    it('names the oldest case with its number and age', () => {
        const model = buildCasesModel(data, TEXTS);
        expect(model.total).toBe(3);
        expect(model.oldestId).toBe('500000000000001AAA');
        expect(model.oldestText).toBe(
            'Oldest: 00001001 · SOC incident response breached the 4-hour SLA twice, open 45 days'
        );
    });

    it('writes a case without number or subject readably, and one without priority as such', () => {
        const model = buildCasesModel(
            {
                ...data,
                cases: [{ ...data.cases![2]!, priority: null, ageDays: 120 }],
                byPriority: [{ key: '', count: 1 }]
            },
            TEXTS
        );
        expect(model.rows[0]).toMatchObject({
            title: '(no subject)',
            priority: 'No priority',
            ageText: '120 days open'
        });
        expect(model.rows[0]!.rowClass).toContain('case-row_old');
        expect(model.priorities[0]!.label).toBe('No priority');
    });

    it('has no bars and no oldest without cases', () => {
        const model = buildCasesModel(
            {
                ...data,
                total: 0,
                cases: [],
                oldest: null,
                byPriority: [],
                buckets: [{ key: '0-7', count: 0 }]
            },
            TEXTS
        );
        expect(model.oldestText).toBe('');
        expect(model.buckets[0]!.barStyle).toBe('width: 0%');
    });
});
