import {
    buildLandscape,
    cellState,
    cellText,
    cellTone,
    compactMoney,
    coverageBand,
    exactMoney,
    isRoundedCompact,
    parseTypedDate,
    shownTotal,
    gridWindow,
    landscapeCsv,
    UNMAPPED,
    valueIntensity,
    type BusinessGroup,
    type GridRow,
    type LandscapeDto,
    type LandscapeView,
    type LandscapeGrid,
    type Totals
} from 'c/landscapeModel';
import { CELL_WORDS, CSV_WORDS } from 'c/landscapeWords';

function totals(overrides: Partial<Totals> = {}): Totals {
    return { won: 0, lost: 0, pipeline: 0, weighted: 0, deals: 0, targeted: 0, previousWon: 0, ...overrides };
}

function group(
    buyingCenterId: string | null,
    offeringId: string | null,
    outcome: BusinessGroup['outcome'],
    amount: number | null,
    extra: Partial<BusinessGroup> = {}
): BusinessGroup {
    return {
        buyingCenterId,
        offeringId,
        outcome,
        amount,
        expected: null,
        deals: 1,
        period: 'current',
        ...extra
    };
}

/** Aeronova in small: CIO Org sells consulting, Helicopters has IoT pipeline, Sales is a Salesforce target. */
function aeronova(overrides: Partial<LandscapeDto> = {}): LandscapeDto {
    return {
        accountId: 'acc',
        accountName: 'Aeronova Group',
        currencyIsoCode: 'USD',
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        previousStart: '2025-01-01',
        previousEnd: '2025-12-31',
        canEdit: true,
        buyingCenters: [
            { id: 'cio', name: 'CIO Org', parentId: null, kind: 'Function', active: true },
            { id: 'heli', name: 'Helicopters', parentId: null, kind: 'Division', active: true },
            { id: 'heliEu', name: 'Helicopters Europe', parentId: 'heli', kind: 'Region', active: true },
            { id: 'sales', name: 'Sales', parentId: null, kind: 'Function', active: true },
            { id: 'defence', name: 'Defence & Space', parentId: null, kind: 'Division', active: true }
        ],
        offerings: [
            { id: 'sf', name: 'Salesforce Practice', family: 'CRM', sortOrder: 6 },
            { id: 'eng', name: 'Engineering Consulting', family: 'Consulting', sortOrder: 1 },
            { id: 'iot', name: 'IoT Platforms', family: 'Platforms', sortOrder: 3 },
            { id: 'cloud', name: 'Cloud Migration', family: 'Cloud', sortOrder: 4 }
        ],
        cells: [
            {
                id: 'c1',
                buyingCenterId: 'sales',
                offeringId: 'sf',
                status: 'Whitespace Target',
                potentialValue: 1_000_000,
                targetDate: '2027-03-31',
                competitor: null,
                notes: null
            },
            {
                id: 'c2',
                buyingCenterId: 'defence',
                offeringId: 'cloud',
                status: 'Competitor Incumbent',
                potentialValue: 2_000_000,
                targetDate: null,
                competitor: 'Brightwave Consulting',
                notes: null
            }
        ],
        business: [
            group('cio', 'eng', 'won', 2_100_000),
            group('cio', 'eng', 'won', 3_200_000, { period: 'previous' }),
            group('heli', 'iot', 'open', 1_200_000, { expected: 900_000 }),
            group('heliEu', 'iot', 'open', 800_000, { expected: 80_000 }),
            group('defence', 'cloud', 'lost', 2_000_000),
            group(null, null, 'open', 250_000, { expected: 225_000 })
        ],
        coverage: [
            { buyingCenterId: 'cio', stance: 'Champion', contacts: 3 },
            { buyingCenterId: 'cio', stance: 'Detractor', contacts: 1 },
            { buyingCenterId: 'heli', stance: 'Neutral', contacts: 1 }
        ],
        openCases: [{ buyingCenterId: 'cio', cases: 2 }],
        plan: { id: 'p', name: 'FY2026', miningTarget: 5_000_000, farmingTarget: 7_000_000 },
        ...overrides
    };
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

describe('valueIntensity and landscapeCsv', () => {
    it('scales cells against the largest', () => {
        const grid = buildLandscape(aeronova());
        expect(valueIntensity(grid, cellAt(grid, 'cio', 'eng'))).toBe(1);
        expect(valueIntensity(grid, cellAt(grid, 'heli', 'iot'))).toBeCloseTo(1_200_000 / 2_100_000);
        expect(valueIntensity(grid, cellAt(grid, 'sales', 'eng'))).toBe(0);
    });

    it.each([
        ['=1+1', "'=1+1", "'  =1+1"],
        ['+1', "'+1", "'  +1"],
        ['-1', "'-1", "'  -1"],
        ['@SUM(A1)', "'@SUM(A1)", "'  @SUM(A1)"],
        ['\tcmd', "'\tcmd", "'  \tcmd"],
        ['\rcmd', '"\'\rcmd', '"\'  \rcmd"'],
        ['Plain name', 'Plain name', '  Plain name']
    ])(
        'defuses a buying center named %j so no spreadsheet runs it, indented or not',
        (name, parent, child) => {
            const dto = aeronova();
            Object.assign(
                dto.buyingCenters.find((center) => center.id === 'heli')!,
                { name }
            );
            Object.assign(
                dto.buyingCenters.find((center) => center.parentId === 'heli')!,
                { name }
            );
            const lines = landscapeCsv(buildLandscape(dto), 'status', () => '', CSV_WORDS).split('\r\n');
            expect(lines.some((line) => line.startsWith(parent))).toBe(true);
            expect(lines.some((line) => line.startsWith(`${child},`))).toBe(true);
        }
    );

    it('writes numbers as numbers, one line per figure, and says what a parent row holds', () => {
        const dto = aeronova();
        dto.buyingCenters[0] = { ...dto.buyingCenters[0]!, name: '=HYPERLINK("x"), CIO' };
        const grid = buildLandscape(dto);
        const csv = landscapeCsv(grid, 'value', () => 'unused', CSV_WORDS);
        const lines = csv.split('\r\n');
        expect(lines[0]).toBe(
            'Buying center,Figure,Engineering Consulting,IoT Platforms,Cloud Migration,Salesforce Practice,Unmapped,Total'
        );
        expect(lines[1]).toBe('"\'=HYPERLINK(""x""), CIO",Won,2100000,0,0,0,0,2100000');
        expect(lines.slice(9, 13)).toEqual([
            'Helicopters (own business only; sub-centers listed below),Won,0,0,0,0,0,0',
            'Helicopters (own business only; sub-centers listed below),Pipeline,0,1200000,0,0,0,1200000',
            'Helicopters (own business only; sub-centers listed below),Weighted pipeline,0,900000,0,0,0,900000',
            'Helicopters (own business only; sub-centers listed below),Whitespace targets,0,0,0,0,0,0'
        ]);
        expect(lines[14]).toBe('  Helicopters Europe,Pipeline,0,800000,0,0,0,800000');
        expect(lines.slice(-4)).toEqual([
            'Total,Won,2100000,0,0,0,0,2100000',
            'Total,Pipeline,0,2000000,0,0,250000,2250000',
            'Total,Weighted pipeline,0,980000,0,0,225000,1205000',
            'Total,Whitespace targets,0,0,0,1000000,0,1000000'
        ]);
        // every number parses back as a number: no currency signs, no rounding
        for (const line of lines.slice(5))
            for (const value of line.split(',').slice(2)) expect(Number.isFinite(Number(value))).toBe(true);
    });

    it('keeps signs in the change view and says when a folded parent includes its sub-centers', () => {
        const grid = buildLandscape(aeronova(), { collapsed: new Set(['heli']) });
        const lines = landscapeCsv(grid, 'change', () => 'unused', CSV_WORDS).split('\r\n');
        expect(lines[1]).toBe('CIO Org,Won change,-1100000,0,0,0,0,-1100000');
        expect(lines[11]).toBe('Helicopters (including sub-centers),Opened,0,2000000,0,0,0,2000000');
    });

    it('writes the status view as shown, with numeric won + pipeline totals', () => {
        const grid = buildLandscape(aeronova());
        const lines = landscapeCsv(grid, 'status', (cell) => cell.state, CSV_WORDS).split('\r\n');
        expect(lines[0]).toBe(
            'Buying center,Engineering Consulting,IoT Platforms,Cloud Migration,Salesforce Practice,Unmapped,Total'
        );
        expect(lines[1]).toBe('CIO Org,existing,whitespace,whitespace,whitespace,whitespace,2100000');
        expect(lines[lines.length - 1]).toBe('Total,2100000,2000000,0,0,250000,4350000');
    });
});

describe('totals and rounding hints', () => {
    it('shows the change as a signed difference and business as won + pipeline', () => {
        const t = totals({ won: 2, pipeline: 3, previousWon: 5, targeted: 7 });
        expect(shownTotal(t, 'value')).toBe(5);
        expect(shownTotal(t, 'change')).toBe(-3);
    });

    it('marks rounded short amounts, so $7.45M + $1.45M never reads $7.5M + $1.5M = $8.9M unexplained', () => {
        expect(compactMoney(7_450_000, 'USD', 'en-US')).toBe('≈$7.5M');
        expect(compactMoney(1_450_000, 'USD', 'en-US')).toBe('≈$1.5M');
        expect(compactMoney(8_900_000, 'USD', 'en-US')).toBe('$8.9M');
        expect(compactMoney(250_000, 'USD', 'en-US')).toBe('$250K');
        expect(compactMoney(999_950, 'USD', 'en-US')).toBe('≈$1M');
        expect(compactMoney(0.04, 'USD', 'en-US')).toBe('≈$0');
        expect(compactMoney(0, 'USD', 'en-US')).toBe('$0');
        expect(compactMoney(-1_100_000, 'USD', 'en-US', true)).toBe('−$1.1M');
        expect(compactMoney(1_100_000, 'USD', 'en-US', true)).toBe('+$1.1M');
        expect(compactMoney(1_234_567, 'EUR', 'de-DE')).toMatch(/^≈1,2\sMio\.\s€$/);
        expect(isRoundedCompact(2_000_000, new Intl.NumberFormat('ja-JP', { notation: 'compact' }))).toBe(
            false
        );
        expect(exactMoney(7_450_000, 'USD', 'en-US')).toBe('$7,450,000');
        expect(exactMoney(1_234.5, 'USD', 'en-US')).toBe('$1,234.50');
    });
});

describe('parseTypedDate', () => {
    it.each([
        ['2026-09-30', 'en-US', '2026-09-30'],
        [' 2026-9-30 ', 'en-US', '2026-09-30'],
        ['2026/09/30', 'en-GB', '2026-09-30'],
        ['9/30/2026', 'en-US', '2026-09-30'],
        ['30/09/2026', 'en-GB', '2026-09-30'],
        ['30.09.2026', 'de-DE', '2026-09-30'],
        ['Sep 30, 2026', 'en-US', '2026-09-30'],
        ['30 September 2026', 'en-GB', '2026-09-30'],
        ['sept 30 2026', 'en-GB', '2026-09-30'],
        ['', 'en-US', null],
        ['   ', 'en-US', null],
        ['2026-02-30', 'en-US', undefined],
        ['30/09/2026', 'en-US', undefined],
        ['next friday', 'en-US', undefined],
        ['2026-09', 'en-US', undefined]
    ])('"%s" in %s reads as %s', (text, locale, expected) => {
        expect(parseTypedDate(text, locale)).toBe(expected);
    });
});

describe('cellText, cellTone and compactMoney', () => {
    // the component's own words, from the custom labels
    const words = CELL_WORDS;
    const money = (amount: number): string => compactMoney(amount, 'USD', 'en-US');
    const grid = buildLandscape(aeronova());
    const text = (rowId: string, columnId: string, view: LandscapeView): string =>
        cellText(cellAt(grid, rowId, columnId), view, words, money);

    it.each([
        ['cio', 'eng', 'value', '$2.1M won'],
        ['heli', 'iot', 'value', '$1.2M pipeline'],
        ['sales', 'sf', 'value', '$1M target'],
        ['defence', 'cloud', 'value', 'Competitor: Brightwave Consulting'],
        ['sales', 'eng', 'value', ''],
        ['sales', 'eng', 'status', 'Whitespace'],
        ['sales', 'sf', 'status', 'Whitespace target'],
        ['cio', 'eng', 'change', '−$1.1M won'],
        ['defence', 'cloud', 'change', '$2M lost'],
        ['heli', 'iot', 'change', '$1.2M opened'],
        ['sales', 'sf', 'change', '$1M targeted'],
        [UNMAPPED, 'eng', 'status', ''],
        [UNMAPPED, UNMAPPED, 'status', 'Pipeline']
    ])('%s × %s in the %s view says "%s"', (rowId, columnId, view, expected) => {
        expect(text(rowId, columnId, view as LandscapeView)).toBe(expected);
    });

    it('colours by amount, state, the row’s coverage or the change', () => {
        const row = (id: string): GridRow => grid.rows.find((candidate) => candidate.id === id)!;
        expect(cellTone(grid, row('cio'), cellAt(grid, 'cio', 'eng'), 'value').style).toBe(
            'background-color: rgba(1, 118, 211, 0.580)'
        );
        expect(cellTone(grid, row('sales'), cellAt(grid, 'sales', 'eng'), 'value').style).toBe('');
        expect(cellTone(grid, row('sales'), cellAt(grid, 'sales', 'sf'), 'status').className).toBe(
            'cell state-target'
        );
        expect(cellTone(grid, row('heli'), cellAt(grid, 'heli', 'iot'), 'coverage').className).toBe(
            'cell coverage-single'
        );
        expect(cellTone(grid, row('cio'), cellAt(grid, 'cio', 'eng'), 'change').className).toBe(
            'cell change change-down'
        );
    });

    it('writes amounts short in the currency, and survives an unknown currency code', () => {
        expect(compactMoney(2_100_000, 'USD', 'en-US')).toBe('$2.1M');
        expect(compactMoney(950, 'EUR', 'en-US')).toBe('€950');
        expect(compactMoney(1_500, 'XYZ1', 'en-US')).toBe('1.5K');
    });
});

describe('gridWindow', () => {
    const metrics = {
        rowHeight: 64,
        columnWidth: 128,
        headerWidth: 224,
        overscanRows: 0,
        overscanColumns: 0
    };

    it.each([
        [{ top: 0, left: 0, height: 640, width: 1504 }, [0, 10, 0, 10]],
        [{ top: 64 * 50, left: 0, height: 640, width: 1504 }, [50, 60, 0, 10]],
        [{ top: 64 * 50 + 10, left: 128 * 20 + 5, height: 640, width: 1504 }, [50, 61, 20, 31]],
        [{ top: 64 * 195, left: 128 * 95, height: 640, width: 1504 }, [195, 200, 95, 100]],
        [{ top: 0, left: 0, height: 0, width: 0 }, [0, 0, 0, 0]]
    ])('scrolled to %j draws rows and columns %j', (viewport, [firstRow, endRow, firstColumn, endColumn]) => {
        expect(gridWindow(200, 100, viewport, metrics)).toMatchObject({
            firstRow,
            endRow,
            firstColumn,
            endColumn
        });
    });

    it('draws every cell that shows, and holds the place of the others, for any scroll', () => {
        let state = 3;
        const random = (): number => {
            state = (state * 1103515245 + 12345) % 2147483648;
            return state / 2147483648;
        };
        const problems: string[] = [];
        for (let round = 0; round < 500; round++) {
            const rows = 1 + Math.floor(random() * 300);
            const columns = 1 + Math.floor(random() * 150);
            const viewport = {
                top: random() * rows * 64,
                left: random() * columns * 128,
                height: 100 + random() * 900,
                width: 300 + random() * 1500
            };
            const overscan = {
                overscanRows: Math.floor(random() * 5),
                overscanColumns: Math.floor(random() * 3)
            };
            const window = gridWindow(rows, columns, viewport, { ...metrics, ...overscan });
            const lastShownRow = Math.min(rows - 1, Math.floor((viewport.top + viewport.height - 1) / 64));
            const lastShownColumn = Math.min(
                columns - 1,
                Math.floor((viewport.left + viewport.width - metrics.headerWidth - 1) / 128)
            );
            if (window.firstRow > Math.floor(viewport.top / 64) && window.firstRow < rows)
                problems.push(`first row ${round}`);
            if (window.endRow <= lastShownRow) problems.push(`last row ${round}`);
            if (window.firstColumn > Math.floor(viewport.left / 128) && window.firstColumn < columns)
                problems.push(`first column ${round}`);
            if (lastShownColumn >= 0 && window.endColumn <= lastShownColumn)
                problems.push(`last column ${round}`);
            if (window.topPad + (window.endRow - window.firstRow) * 64 + window.bottomPad !== rows * 64)
                problems.push(`height ${round}`);
            if (
                window.leftPad + (window.endColumn - window.firstColumn) * 128 + window.rightPad !==
                columns * 128
            )
                problems.push(`width ${round}`);
        }
        expect(problems).toEqual([]);
    });
});
