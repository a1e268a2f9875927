import { diffPlans, groupBySection, type PlanChange, type PlanShape } from 'c/planSnapshotDiff';

function shape(overrides: Partial<PlanShape> = {}): PlanShape {
    return {
        planId: 'a01',
        name: 'Aeronova FY2026',
        goalStatement: 'Grow to $12M',
        revenueGoal: 12000000,
        miningTarget: 9000000,
        farmingTarget: 3000000,
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        approverId: '005A',
        approverName: 'Morgan Reyes',
        approvalDate: '2026-03-01',
        objectives: [
            {
                id: 'o1',
                name: 'Win Helicopters MRO',
                measure: 'Won revenue',
                measureType: 'Entered',
                target: 2000000,
                current: 500000,
                unit: 'USD',
                status: 'On Track',
                dueDate: '2026-09-30'
            },
            {
                id: 'o2',
                name: 'Meet the new CFO',
                measure: 'Executives met',
                measureType: 'Entered',
                target: 1,
                current: 0,
                unit: null,
                status: 'Not Started',
                dueDate: '2026-04-30'
            }
        ],
        swotItems: [
            { id: 's1', category: 'Threat', description: 'Competitor X in Cabins', priority: 'High' }
        ],
        milestones: [{ id: 'm1', title: 'QBR Q2', dueDate: '2026-06-15', status: 'Planned' }],
        landscape: { existingBusiness: 4000000, pipeline: 2500000, whitespacePotential: 3000000 },
        ...overrides
    };
}

const summary = (changes: PlanChange[]): string[] =>
    changes.map(
        (c) =>
            `${c.section}/${c.kind}/${c.item ?? ''}/${c.field ?? ''}:${String(c.before)}→${String(c.after)}`
    );

describe('diffPlans', () => {
    it.each<[string, Partial<PlanShape>, string[]]>([
        ['nothing changed', {}, []],
        [
            'the goal statement was rewritten',
            { goalStatement: 'Grow to $14M' },
            ['plan/changed//goalStatement:Grow to $12M→Grow to $14M']
        ],
        [
            'the revenue goal moved',
            { revenueGoal: 13000000 },
            ['plan/changed//revenueGoal:12000000→13000000']
        ],
        [
            'the targets moved',
            { miningTarget: 8000000, farmingTarget: 4000000 },
            ['plan/changed//miningTarget:9000000→8000000', 'plan/changed//farmingTarget:3000000→4000000']
        ],
        ['the period moved', { periodEnd: '2027-01-31' }, ['plan/changed//periodEnd:2026-12-31→2027-01-31']],
        [
            'the approver changed',
            { approverId: '005B', approverName: 'Pat Lee' },
            ['plan/changed//approverName:Morgan Reyes→Pat Lee']
        ],
        [
            'a cleared goal reads as blank',
            { goalStatement: '' },
            ['plan/changed//goalStatement:Grow to $12M→null']
        ],
        [
            "an objective's current value and status moved",
            {
                objectives: [
                    {
                        id: 'o1',
                        name: 'Win Helicopters MRO',
                        measure: 'Won revenue',
                        measureType: 'Entered',
                        target: 2000000,
                        current: 900000,
                        unit: 'USD',
                        status: 'At Risk',
                        dueDate: '2026-09-30'
                    },
                    {
                        id: 'o2',
                        name: 'Meet the new CFO',
                        measure: 'Executives met',
                        measureType: 'Entered',
                        target: 1,
                        current: 0,
                        unit: null,
                        status: 'Not Started',
                        dueDate: '2026-04-30'
                    }
                ]
            },
            [
                'objectives/changed/Win Helicopters MRO/current:500000→900000',
                'objectives/changed/Win Helicopters MRO/status:On Track→At Risk'
            ]
        ],
        [
            'an objective now measures itself from won revenue instead of a typed value',
            {
                objectives: [
                    {
                        id: 'o1',
                        name: 'Win Helicopters MRO',
                        measure: 'Won revenue',
                        measureType: 'Won Revenue',
                        target: 2000000,
                        current: 500000,
                        unit: 'USD',
                        status: 'On Track',
                        dueDate: '2026-09-30'
                    },
                    {
                        id: 'o2',
                        name: 'Meet the new CFO',
                        measure: 'Executives met',
                        measureType: 'Entered',
                        target: 1,
                        current: 0,
                        unit: null,
                        status: 'Not Started',
                        dueDate: '2026-04-30'
                    }
                ]
            },
            ['objectives/changed/Win Helicopters MRO/measureType:Entered→Won Revenue']
        ],
        [
            'an objective was removed and another added',
            {
                objectives: [
                    {
                        id: 'o1',
                        name: 'Win Helicopters MRO',
                        measure: 'Won revenue',
                        measureType: 'Entered',
                        target: 2000000,
                        current: 500000,
                        unit: 'USD',
                        status: 'On Track',
                        dueDate: '2026-09-30'
                    },
                    {
                        id: 'o3',
                        name: 'Open Marketing',
                        measure: 'New buying centers',
                        measureType: 'Entered',
                        target: 1,
                        current: 0,
                        unit: null,
                        status: 'Not Started',
                        dueDate: null
                    }
                ]
            },
            [
                'objectives/removed/Meet the new CFO/:Meet the new CFO→null',
                'objectives/added/Open Marketing/:null→Open Marketing'
            ]
        ],
        [
            "an objective's target changed",
            {
                objectives: [
                    {
                        id: 'o1',
                        name: 'Win Helicopters MRO',
                        measure: 'Won revenue',
                        measureType: 'Entered',
                        target: 2500000,
                        current: 500000,
                        unit: 'USD',
                        status: 'On Track',
                        dueDate: '2026-09-30'
                    }
                ]
            },
            [
                'objectives/changed/Win Helicopters MRO/target:2000000→2500000',
                'objectives/removed/Meet the new CFO/:Meet the new CFO→null'
            ]
        ],
        [
            'a SWOT item changed priority',
            {
                swotItems: [
                    { id: 's1', category: 'Threat', description: 'Competitor X in Cabins', priority: 'Low' }
                ]
            },
            ['swot/changed/Competitor X in Cabins/priority:High→Low']
        ],
        [
            'a SWOT item moved category',
            {
                swotItems: [
                    {
                        id: 's1',
                        category: 'Red Flag',
                        description: 'Competitor X in Cabins',
                        priority: 'High'
                    }
                ]
            },
            ['swot/changed/Competitor X in Cabins/category:Threat→Red Flag']
        ],
        [
            'all SWOT items were removed',
            { swotItems: [] },
            ['swot/removed/Competitor X in Cabins/:Competitor X in Cabins→null']
        ],
        [
            'a milestone was done',
            { milestones: [{ id: 'm1', title: 'QBR Q2', dueDate: '2026-06-15', status: 'Done' }] },
            ['milestones/changed/QBR Q2/status:Planned→Done']
        ],
        [
            'a milestone was added',
            {
                milestones: [
                    { id: 'm1', title: 'QBR Q2', dueDate: '2026-06-15', status: 'Planned' },
                    { id: 'm2', title: 'Exec dinner', dueDate: null, status: 'Planned' }
                ]
            },
            ['milestones/added/Exec dinner/:null→Exec dinner']
        ],
        [
            'business was won',
            { landscape: { existingBusiness: 4500000, pipeline: 2000000, whitespacePotential: 3000000 } },
            [
                'landscape/changed//existingBusiness:4000000→4500000',
                'landscape/changed//pipeline:2500000→2000000'
            ]
        ],
        [
            'missing landscape totals count as zero',
            { landscape: null },
            [
                'landscape/changed//existingBusiness:4000000→0',
                'landscape/changed//pipeline:2500000→0',
                'landscape/changed//whitespacePotential:3000000→0'
            ]
        ],
        [
            'missing item lists count as empty',
            { objectives: null },
            [
                'objectives/removed/Win Helicopters MRO/:Win Helicopters MRO→null',
                'objectives/removed/Meet the new CFO/:Meet the new CFO→null'
            ]
        ]
    ])('%s', (_name, overrides, expected) => {
        expect(summary(diffPlans(shape(), shape(overrides)))).toEqual(expected);
    });

    it('says nothing when either side is missing', () => {
        expect(diffPlans(null, shape())).toEqual([]);
        expect(diffPlans(shape(), undefined)).toEqual([]);
    });

    it('keys are unique, so the list renders stably', () => {
        const changes = diffPlans(
            shape(),
            shape({ objectives: [], swotItems: [], milestones: [], goalStatement: 'x' })
        );
        expect(new Set(changes.map((c) => c.key)).size).toBe(changes.length);
    });

    it("groups by section in the panel's order, leaving empty sections out", () => {
        const groups = groupBySection(diffPlans(shape(), shape({ milestones: [], goalStatement: 'x' })));
        expect(groups.map((g) => g.section)).toEqual(['plan', 'milestones']);
    });
});

// generated plans: a seeded walk, so a failure names its seed
function random(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state * 1664525 + 1013904223) >>> 0;
        return state / 2 ** 32;
    };
}

function generated(seed: number): PlanShape {
    const next = random(seed);
    const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
    const count = (max: number): number => Math.floor(next() * max);
    const ids = (prefix: string, n: number): string[] =>
        Array.from({ length: n }, () => `${prefix}${count(12)}`).filter(
            (id, i, all) => all.indexOf(id) === i
        );
    return shape({
        goalStatement: pick(['Grow', 'Hold', null, '']),
        revenueGoal: pick([1000, 2000, null]),
        periodEnd: pick(['2026-12-31', '2027-03-31']),
        objectives: ids('o', count(6)).map((id) => ({
            id,
            name: `Objective ${id}`,
            measure: pick(['Won revenue', 'Manual']),
            measureType: pick(['Entered', 'Won Revenue']),
            target: pick([1, 2, 3]),
            current: pick([0, 1, null]),
            unit: null,
            status: pick(['On Track', 'At Risk']),
            dueDate: pick(['2026-05-01', null])
        })),
        swotItems: ids('s', count(5)).map((id) => ({
            id,
            category: pick(['Threat', 'Strength']),
            description: `Item ${id}`,
            priority: pick(['High', 'Low'])
        })),
        milestones: ids('m', count(5)).map((id) => ({
            id,
            title: `Milestone ${id}`,
            dueDate: pick(['2026-06-01', '2026-07-01']),
            status: pick(['Planned', 'Done'])
        })),
        landscape: {
            existingBusiness: pick([0, 10, 20]),
            pipeline: pick([0, 5]),
            whitespacePotential: pick([0, 7])
        }
    });
}

describe('diffPlans on generated plans', () => {
    const seeds = Array.from({ length: 200 }, (_, i) => i + 1);

    it.each(seeds)('seed %i: a plan against itself has no changes', (seed) => {
        const plan = generated(seed);
        expect(diffPlans(plan, generated(seed))).toEqual([]);
    });

    it.each(seeds)('seed %i: added one way is removed the other, and changes mirror', (seed) => {
        const a = generated(seed);
        const b = generated(seed + 1000);
        const forward = diffPlans(a, b);
        const backward = diffPlans(b, a);
        const keys = (changes: PlanChange[], kind: string): string[] =>
            changes
                .filter((c) => c.kind === kind)
                .map((c) => c.key)
                .sort();
        expect(keys(forward, 'added')).toEqual(keys(backward, 'removed'));
        expect(keys(forward, 'removed')).toEqual(keys(backward, 'added'));
        const changed = (changes: PlanChange[]): string[] =>
            changes
                .filter((c) => c.kind === 'changed')
                .map((c) => `${c.key}:${String(c.before)}→${String(c.after)}`)
                .sort();
        expect(changed(forward)).toEqual(
            backward
                .filter((c) => c.kind === 'changed')
                .map((c) => `${c.key}:${String(c.after)}→${String(c.before)}`)
                .sort()
        );
    });
});
