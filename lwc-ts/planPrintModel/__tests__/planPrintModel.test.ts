import { formatMeasure, printablePlan, printPageUrl, swotGroups, type PrintWords } from 'c/planPrintModel';
import { printableResult } from './printable';

const words: PrintWords = {
    period: '{0} – {1}',
    approved: 'Approved by {0} on {1}',
    approver: 'Approver: {0}',
    notApproved: 'Not approved yet',
    printed: 'Printed {0}',
    none: '—'
};

describe('printPageUrl', () => {
    it('opens the Visualforce print page with the plan Id, encoded', () => {
        expect(printPageUrl('a01000000000001AAA')).toBe('/apex/KeystonePlanPrint?id=a01000000000001AAA');
        expect(printPageUrl('a&b=c')).toBe('/apex/KeystonePlanPrint?id=a%26b%3Dc');
    });
});

describe('formatMeasure', () => {
    it.each([
        { value: 7_450_000, unit: 'Currency', text: '$7,450,000' },
        { value: 12.5, unit: 'Percent', text: '12.5%' },
        { value: 3, unit: 'Count', text: '3' },
        { value: 1234, unit: 'Days', text: '1,234' },
        { value: null, unit: 'Count', text: '' }
    ])('$value $unit reads "$text"', ({ value, unit, text }) => {
        expect(formatMeasure(value, unit, 'USD', 'en-US')).toBe(text);
    });
});

describe('swotGroups', () => {
    it('groups items under their categories in the plan order, unknown categories last', () => {
        const groups = swotGroups([
            {
                id: '1',
                category: 'Threat',
                description: 'Brightwave',
                priority: 'High',
                competitor: null,
                response: 'Sponsor'
            },
            {
                id: '2',
                category: 'Strength',
                description: 'Eight years',
                priority: null,
                competitor: null,
                response: null
            },
            {
                id: '3',
                category: 'Mystery',
                description: 'New',
                priority: null,
                competitor: null,
                response: null
            },
            {
                id: '4',
                category: 'Threat',
                description: 'Budget cut',
                priority: null,
                competitor: null,
                response: null
            }
        ]);
        expect(groups.map((group) => group.category)).toEqual(['Strength', 'Threat', 'Mystery']);
        expect(groups[1]!.items).toEqual([
            { key: '1', description: 'Brightwave', details: 'High · Sponsor' },
            { key: '4', description: 'Budget cut', details: '' }
        ]);
    });
});

describe('printablePlan', () => {
    it('words the header: period, approval state and the printed date', () => {
        const view = printablePlan(printableResult(), words, '2026-11-30', 'en-US');
        expect(view.period).toBe('Jan 1, 2026 – Dec 31, 2026');
        expect(view.approval).toBe('Not approved yet');
        expect(view.printed).toBe('Printed Nov 30, 2026');
        expect(view.revenueGoal).toBe('$12,000,000');
        expect(view.wonRevenue).toBe('$7,450,000');
    });

    it.each([
        {
            approverName: 'Morgan Reyes',
            approvalDate: '2026-02-01',
            text: 'Approved by Morgan Reyes on Feb 1, 2026'
        },
        { approverName: 'Morgan Reyes', approvalDate: null, text: 'Approver: Morgan Reyes' },
        { approverName: null, approvalDate: '2026-02-01', text: 'Approved by — on Feb 1, 2026' }
    ])('approval reads "$text"', ({ approverName, approvalDate, text }) => {
        expect(
            printablePlan(printableResult({ approverName, approvalDate }), words, '2026-11-30', 'en-US')
                .approval
        ).toBe(text);
    });

    it('lists objectives and milestones with their values in their units, and a dash for what is empty', () => {
        const view = printablePlan(
            printableResult({
                objectives: [
                    {
                        id: 'o1',
                        name: 'Win $12M',
                        measure: 'Closed-won revenue',
                        ownerName: 'Sam Rep',
                        dueDate: '2026-12-31',
                        targetValue: 12_000_000,
                        currentValue: 7_450_000,
                        unit: 'Currency',
                        status: 'At Risk'
                    },
                    {
                        id: null,
                        name: 'Meet executives',
                        measure: null,
                        ownerName: null,
                        dueDate: null,
                        targetValue: 12,
                        currentValue: null,
                        unit: 'Count',
                        status: null
                    }
                ],
                milestones: [
                    { id: 'm1', title: 'QBR', assigneeName: null, dueDate: '2026-09-15', status: 'Planned' }
                ],
                revenueGoal: null
            }),
            words,
            '2026-11-30',
            'en-US'
        );
        expect(view.objectives).toEqual([
            {
                key: 'o1',
                name: 'Win $12M',
                measure: 'Closed-won revenue',
                owner: 'Sam Rep',
                due: 'Dec 31, 2026',
                target: '$12,000,000',
                current: '$7,450,000',
                status: 'At Risk'
            },
            {
                key: 'objective-1',
                name: 'Meet executives',
                measure: '',
                owner: '—',
                due: '—',
                target: '12',
                current: '—',
                status: '—'
            }
        ]);
        expect(view.milestones).toEqual([
            { key: 'm1', title: 'QBR', assignee: '—', due: 'Sep 15, 2026', status: 'Planned' }
        ]);
        expect(view.revenueGoal).toBe('—');
    });
});
