import {
    buildLandscape,
    cellState,
    coverageBand,
    landscapeFromApex,
    UNMAPPED,
    type BusinessGroup,
    type LandscapeGrid,
    type Totals
} from 'c/landscapeModel';
import { aeronova, group, landscapeResult } from './landscape';

function totals(overrides: Partial<Totals> = {}): Totals {
    return { won: 0, lost: 0, pipeline: 0, weighted: 0, deals: 0, targeted: 0, previousWon: 0, ...overrides };
}

function cellAt(
    grid: LandscapeGrid,
    rowId: string,
    columnId: string
): LandscapeGrid['cells'][number][number] {
    const r = grid.rows.findIndex((row) => row.id === rowId);
    const c = grid.columns.findIndex((column) => column.id === columnId);
    return grid.cells[r]![c]!;
}

describe('landscapeFromApex', () => {
    it('reads the result as sent when every member is there', () => {
        const landscape = aeronova();
        expect(landscape.accountName).toBe('Aeronova Group');
        expect(landscape.buyingCenters.map((center) => center.id)).toEqual([
            'cio',
            'heli',
            'heliEu',
            'sales',
            'defence'
        ]);
        expect(landscape.cells.map((cell) => cell.id)).toEqual(['c1', 'c2']);
        expect(landscape.business).toHaveLength(6);
        expect(landscape.plan).toEqual({
            id: 'p',
            name: 'FY2026',
            miningTarget: 5_000_000,
            farmingTarget: 7_000_000
        });
    });

    it('reads a null list as empty, a null name, currency or count as empty or 0, a null flag as false', () => {
        const landscape = landscapeFromApex(
            landscapeResult({
                accountName: null,
                currencyIsoCode: null,
                canEdit: null,
                canAddBuyingCenter: null,
                buyingCenters: [{ id: 'x', name: null, parentId: null, kind: null, active: null }],
                offerings: null,
                cells: null,
                business: [{ ...group('x', null, 'won', 10), deals: null }],
                coverage: [{ buyingCenterId: 'x', stance: null, contacts: null }],
                openCases: [{ buyingCenterId: 'x', cases: null }],
                kinds: null,
                hiddenFields: null,
                earlierWins: null,
                omitted: null,
                plan: null
            })
        );
        expect(landscape).toMatchObject({
            accountName: '',
            currencyIsoCode: '',
            canEdit: false,
            canAddBuyingCenter: false,
            offerings: [],
            cells: [],
            kinds: [],
            hiddenFields: [],
            earlierWins: [],
            omitted: [],
            plan: null
        });
        expect(landscape.buyingCenters).toEqual([
            { id: 'x', name: '', parentId: null, kind: null, active: null }
        ]);
        expect(landscape.business[0]!.deals).toBe(0);
        expect(landscape.coverage[0]!.contacts).toBe(0);
        expect(landscape.openCases[0]!.cases).toBe(0);
        // the grid still draws: the center is a row with an empty name, its business counted
        const grid = buildLandscape(landscape);
        expect(grid.rows.map((row) => [row.id, row.name])).toEqual([['x', '']]);
        expect(grid.columns.map((column) => column.id)).toEqual([UNMAPPED]);
        expect(grid.grand.won).toBe(10);
    });

    it('leaves out what has no Id to place it by, and reads a null result as an empty landscape', () => {
        const landscape = landscapeFromApex(
            landscapeResult({
                buyingCenters: [{ id: null, name: 'Ghost', parentId: null, kind: null, active: true }],
                offerings: [{ id: null, name: 'Ghost offering', family: null, sortOrder: null }],
                cells: [
                    {
                        id: 'c9',
                        buyingCenterId: null,
                        offeringId: 'sf',
                        status: 'Whitespace Target',
                        potentialValue: 1,
                        targetDate: null,
                        competitor: null,
                        notes: null,
                        version: null
                    }
                ],
                coverage: [{ buyingCenterId: null, stance: 'Champion', contacts: 4 }],
                openCases: [{ buyingCenterId: null, cases: 3 }],
                kinds: [
                    { value: null, label: 'None' },
                    { value: 'Region', label: null }
                ]
            })
        );
        expect(landscape.buyingCenters).toEqual([]);
        expect(landscape.offerings).toEqual([]);
        expect(landscape.cells).toEqual([]);
        expect(landscape.coverage).toEqual([]);
        expect(landscape.openCases).toEqual([]);
        expect(landscape.kinds).toEqual([{ value: 'Region', label: 'Region' }]);
        const empty = landscapeFromApex(null);
        expect(empty.buyingCenters).toEqual([]);
        expect(empty.canEdit).toBe(false);
        expect(buildLandscape(empty).rows).toEqual([]);
    });

    it('keeps the rules of an unknown period, outcome or omission: current, open, named as cells', () => {
        const landscape = landscapeFromApex(
            landscapeResult({
                business: [{ ...group('cio', 'eng', 'won', 5), period: 'someday', outcome: 'pending' }],
                omitted: [{ what: 'attachments', period: null, shown: null }]
            })
        );
        expect(landscape.business[0]).toMatchObject({ period: 'current', outcome: 'open' });
        expect(landscape.omitted).toEqual([{ what: 'cells', period: null, shown: 0 }]);
    });
});

describe('cellState', () => {
    it.each([
        [totals({ won: 1 }), 'Competitor Incumbent', 'existing'],
        [totals({ won: 1, pipeline: 5 }), null, 'existing'],
        [totals({ pipeline: 1 }), 'Whitespace Target', 'pipeline'],
        [totals(), 'Whitespace Target', 'target'],
        [totals(), 'Competitor Incumbent', 'competitor'],
        [totals(), 'Not Applicable', 'not-applicable'],
        [totals({ lost: 9 }), null, 'whitespace'],
        [totals(), undefined, 'whitespace']
    ])('%j with %s is %s', (figures, status, expected) => {
        expect(cellState(figures, status)).toBe(expected);
    });
});

describe('coverageBand', () => {
    it.each([
        [0, null, 'none'],
        [1, 'Champion', 'single'],
        [2, 'Neutral', 'covered'],
        [2, null, 'covered'],
        [3, 'Supporter', 'strong'],
        [5, 'Champion', 'strong']
    ])('%i people, best %s: %s', (contacts, stance, expected) => {
        expect(coverageBand(contacts, stance)).toBe(expected);
    });
});

describe('buildLandscape', () => {
    it("tells Aeronova's story: existing business, pipeline, targets, a competitor and open whitespace", () => {
        const grid = buildLandscape(aeronova());
        expect(grid.rows.map((row) => row.name)).toEqual([
            'CIO Org',
            'Defence & Space',
            'Helicopters',
            'Helicopters Europe',
            'Sales',
            'Unmapped'
        ]);
        expect(grid.rows.map((row) => row.depth)).toEqual([0, 0, 0, 1, 0, 0]);
        expect(grid.columns.map((column) => column.name)).toEqual([
            'Engineering Consulting',
            'IoT Platforms',
            'Cloud Migration',
            'Salesforce Practice',
            'Unmapped'
        ]);
        expect(cellAt(grid, 'cio', 'eng')).toMatchObject({
            state: 'existing',
            won: 2_100_000,
            previousWon: 3_200_000
        });
        expect(cellAt(grid, 'heli', 'iot')).toMatchObject({
            state: 'pipeline',
            pipeline: 1_200_000,
            weighted: 900_000
        });
        expect(cellAt(grid, 'sales', 'sf')).toMatchObject({ state: 'target', targeted: 1_000_000 });
        expect(cellAt(grid, 'sales', 'sf').record?.id).toBe('c1');
        expect(cellAt(grid, 'defence', 'cloud')).toMatchObject({
            state: 'competitor',
            lost: 2_000_000,
            competitor: 'Brightwave Consulting'
        });
        expect(cellAt(grid, 'sales', 'eng').state).toBe('whitespace');
        expect(cellAt(grid, UNMAPPED, UNMAPPED).pipeline).toBe(250_000);
    });

    it('adds rows, columns and the grand total from the same cells', () => {
        const grid = buildLandscape(aeronova());
        expect(grid.grand).toMatchObject({
            won: 2_100_000,
            pipeline: 2_250_000,
            weighted: 1_205_000,
            lost: 2_000_000,
            targeted: 1_000_000,
            previousWon: 3_200_000
        });
        expect(grid.rows.find((row) => row.id === 'heli')!.totals.pipeline).toBe(1_200_000);
        expect(grid.columns.find((column) => column.id === 'iot')!.totals.pipeline).toBe(2_000_000);
    });

    it('shows coverage and open cases per buying center', () => {
        const grid = buildLandscape(aeronova());
        expect(grid.rows[0]).toMatchObject({
            contacts: 4,
            bestStance: 'Champion',
            coverage: 'strong',
            openCases: 2
        });
        expect(grid.rows.find((row) => row.id === 'heli')).toMatchObject({ coverage: 'single' });
        expect(grid.rows.find((row) => row.id === 'sales')).toMatchObject({ contacts: 0, coverage: 'none' });
    });

    it('folds a region into its division when the division is collapsed', () => {
        const grid = buildLandscape(aeronova(), { collapsed: new Set(['heli']) });
        expect(grid.rows.map((row) => row.id)).not.toContain('heliEu');
        const heli = grid.rows.find((row) => row.id === 'heli')!;
        expect(heli).toMatchObject({ collapsed: true, hasChildren: true });
        expect(cellAt(grid, 'heli', 'iot')).toMatchObject({
            pipeline: 2_000_000,
            state: 'pipeline',
            record: null
        });
        expect(grid.grand.pipeline).toBe(2_250_000);
    });

    it('groups offerings by family, the strongest state showing', () => {
        const dto = aeronova({
            offerings: [
                ...aeronova().offerings,
                { id: 'sec', name: 'Enterprise Security', family: 'Consulting', sortOrder: 2 }
            ],
            business: [...aeronova().business, group('sales', 'sec', 'won', 100)]
        });
        const grid = buildLandscape(dto, { byFamily: true });
        expect(grid.columns.map((column) => column.name)).toEqual([
            'Consulting',
            'Platforms',
            'Cloud',
            'CRM',
            'Unmapped'
        ]);
        expect(cellAt(grid, 'sales', 'family:Consulting')).toMatchObject({
            won: 100,
            state: 'existing',
            record: null
        });
        expect(cellAt(grid, 'sales', 'family:CRM').state).toBe('target');
    });

    it('counts closed-lost business as lost only, and treats missing amounts as nothing', () => {
        const grid = buildLandscape(
            aeronova({
                business: [
                    group('cio', 'eng', 'lost', 500),
                    group('cio', 'eng', 'open', null),
                    group('cio', 'iot', 'won', null)
                ]
            })
        );
        expect(cellAt(grid, 'cio', 'eng')).toMatchObject({
            lost: 500,
            won: 0,
            pipeline: 0,
            deals: 2,
            state: 'whitespace'
        });
        expect(cellAt(grid, 'cio', 'iot').state).toBe('whitespace');
        expect(grid.rows.some((row) => row.unmapped)).toBe(false);
    });

    it('puts business of unknown or hidden buying centers and offerings in Unmapped, never dropping it', () => {
        const grid = buildLandscape(
            aeronova({ business: [group('gone', 'eng', 'won', 10), group('cio', 'retired', 'won', 20)] })
        );
        expect(cellAt(grid, UNMAPPED, 'eng').won).toBe(10);
        expect(cellAt(grid, 'cio', UNMAPPED).won).toBe(20);
        expect(grid.grand.won).toBe(30);
    });

    it('keeps mining (cells won before the period) and farming (new business) apart, figure by figure', () => {
        const grid = buildLandscape(aeronova());
        // mining: CIO × Engineering, won last year and again now; farming: everything with no earlier win
        expect(grid.mining).toEqual({ won: 2_100_000, pipeline: 0, weighted: 0, targeted: 0 });
        expect(grid.farming).toEqual({
            won: 0,
            pipeline: 2_250_000,
            weighted: 900_000 + 80_000 + 225_000,
            targeted: 1_000_000
        });
    });

    it('counts a cell won any time before the period as mining ground, Unmapped included', () => {
        const grid = buildLandscape(
            aeronova({
                earlierWins: [
                    { buyingCenterId: 'heli', offeringId: 'iot' },
                    { buyingCenterId: null, offeringId: null }
                ]
            })
        );
        expect(grid.mining).toEqual({
            won: 2_100_000,
            pipeline: 1_450_000,
            weighted: 1_125_000,
            targeted: 0
        });
        expect(grid.farming).toEqual({ won: 0, pipeline: 800_000, weighted: 80_000, targeted: 1_000_000 });
    });

    it('survives a loop of parent buying centers, showing each center once', () => {
        const grid = buildLandscape(
            aeronova({
                buyingCenters: [
                    { id: 'a', name: 'A', parentId: 'b', kind: null, active: true },
                    { id: 'b', name: 'B', parentId: 'a', kind: null, active: true },
                    { id: 'c', name: 'C', parentId: 'c', kind: null, active: true }
                ],
                business: [],
                cells: [],
                coverage: []
            }),
            { collapsed: new Set(['a', 'b']) }
        );
        expect(grid.rows.map((row) => row.id).sort()).toEqual(['a', 'c']);
    });

    it('keeps every total equal to the business on generated grids, with every option', () => {
        let state = 17;
        const random = (): number => {
            state = (state * 1103515245 + 12345) % 2147483648;
            return state / 2147483648;
        };
        for (let round = 0; round < 40; round++) {
            const centers = Array.from({ length: 1 + Math.floor(random() * 30) }, (_, i) => ({
                id: `bc${i}`,
                name: `Center ${i}`,
                parentId: i > 0 && random() < 0.4 ? `bc${Math.floor(random() * i)}` : null,
                kind: null,
                active: true
            }));
            const offerings = Array.from({ length: 1 + Math.floor(random() * 12) }, (_, i) => ({
                id: `of${i}`,
                name: `Offering ${i}`,
                family: random() < 0.2 ? null : `F${i % 3}`,
                sortOrder: random() < 0.3 ? null : i
            }));
            const pick = <T>(values: readonly T[]): T | null => {
                if (random() < 0.1) return null;
                // now and then an Id the grid does not know (a hidden or deleted record)
                if (random() < 0.05) return 'unknown' as unknown as T;
                return values[Math.floor(random() * values.length)]!;
            };
            const outcomes = ['won', 'lost', 'open'] as const;
            const business = Array.from({ length: Math.floor(random() * 200) }, () =>
                group(
                    pick(centers)?.id ?? null,
                    pick(offerings)?.id ?? null,
                    outcomes[Math.floor(random() * 3)]!,
                    random() < 0.05 ? null : Math.round(random() * 1_000_000) / 100,
                    { period: random() < 0.2 ? 'previous' : 'current', expected: Math.round(random() * 1000) }
                )
            );
            const dto = aeronova({ buyingCenters: centers, offerings, business, cells: [], coverage: [] });
            const expected = (outcome: BusinessGroup['outcome']): number =>
                business
                    .filter((entry) => entry.period === 'current' && entry.outcome === outcome)
                    .reduce((sum, entry) => sum + (entry.amount ?? 0), 0);
            const collapsed = new Set(centers.filter(() => random() < 0.3).map((center) => center.id));
            for (const options of [{}, { byFamily: true }, { collapsed }, { collapsed, byFamily: true }]) {
                const grid = buildLandscape(dto, options);
                expect(grid.grand.won).toBeCloseTo(expected('won'), 6);
                expect(grid.grand.pipeline).toBeCloseTo(expected('open'), 6);
                expect(grid.grand.lost).toBeCloseTo(expected('lost'), 6);
                const rowSum = grid.rows.reduce((sum, row) => sum + row.totals.won + row.totals.pipeline, 0);
                const columnSum = grid.columns.reduce(
                    (sum, column) => sum + column.totals.won + column.totals.pipeline,
                    0
                );
                expect(rowSum).toBeCloseTo(grid.grand.won + grid.grand.pipeline, 6);
                expect(columnSum).toBeCloseTo(grid.grand.won + grid.grand.pipeline, 6);
                for (const figure of ['won', 'pipeline', 'weighted', 'targeted'] as const)
                    expect(grid.mining[figure] + grid.farming[figure]).toBeCloseTo(grid.grand[figure], 6);
                expect(new Set(grid.rows.map((row) => row.id)).size).toBe(grid.rows.length);
            }
        }
    });
});
