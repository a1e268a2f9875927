import {
    checkSettings,
    DEFAULT_SETTINGS,
    layoutQuadrant,
    MAX_RADIUS,
    MIN_RADIUS,
    neighbour,
    OTHER_TIER_COLOUR,
    quadrantOf,
    radiusFor,
    tierColour,
    type QuadrantPoint,
    type QuadrantTexts
} from 'c/portfolioQuadrant';

const TEXTS: QuadrantTexts = {
    names: { invest: 'Invest', fix: 'Fix the relationship', maintain: 'Maintain', reconsider: 'Reconsider' },
    bubble: '{0}: key-account score {1}, health {2}, {3}, {4}',
    noTier: 'No tier'
};

function generator(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state * 1664525 + 1013904223) >>> 0;
        return state / 2 ** 32;
    };
}

describe('checkSettings', () => {
    it('takes the defaults when App Builder sets nothing', () => {
        expect(checkSettings({})).toEqual({ settings: DEFAULT_SETTINGS, refused: [] });
    });

    it.each([
        [
            { attractivenessSplit: 7, healthSplit: 60, bubbleSize: 'pipeline' },
            { attractivenessSplit: 7, healthSplit: 60, bubbleSize: 'pipeline' },
            []
        ],
        [
            { attractivenessSplit: '6.5', healthSplit: '40' },
            { attractivenessSplit: 6.5, healthSplit: 40, bubbleSize: 'revenue' },
            []
        ],
        [{ attractivenessSplit: 0 }, DEFAULT_SETTINGS, ['attractivenessSplit']],
        [{ attractivenessSplit: 10 }, DEFAULT_SETTINGS, ['attractivenessSplit']],
        [{ healthSplit: 100 }, DEFAULT_SETTINGS, ['healthSplit']],
        [
            { healthSplit: -1, attractivenessSplit: 'high' },
            DEFAULT_SETTINGS,
            ['attractivenessSplit', 'healthSplit']
        ],
        [{ bubbleSize: 'employees' }, DEFAULT_SETTINGS, ['bubbleSize']],
        [{ attractivenessSplit: Number.NaN }, DEFAULT_SETTINGS, ['attractivenessSplit']],
        [{ attractivenessSplit: null, healthSplit: '' }, DEFAULT_SETTINGS, []]
    ])('checks %j', (raw, settings, refused) => {
        expect(checkSettings(raw)).toEqual({ settings, refused });
    });
});

describe('quadrantOf', () => {
    it.each([
        [8.6, 38, 'fix'],
        [7.4, 74, 'invest'],
        [3, 80, 'maintain'],
        [3, 20, 'reconsider'],
        [5, 50, 'invest'],
        [4.99, 50, 'maintain'],
        [5, 49.9, 'fix'],
        [0, 0, 'reconsider'],
        [10, 100, 'invest']
    ] as const)('score %d and health %d fall in %s at the default boundaries', (score, health, key) => {
        expect(quadrantOf(score, health, DEFAULT_SETTINGS)).toBe(key);
    });

    it('moves with the boundaries', () => {
        const strict = { ...DEFAULT_SETTINGS, attractivenessSplit: 8, healthSplit: 75 };
        expect(quadrantOf(7.4, 74, strict)).toBe('reconsider');
        expect(quadrantOf(8.6, 80, strict)).toBe('invest');
    });
});

describe('radiusFor and tierColour', () => {
    it.each([
        [null, 100, MIN_RADIUS],
        [0, 100, MIN_RADIUS],
        [-5, 100, MIN_RADIUS],
        [100, 100, MAX_RADIUS],
        [400, 100, MAX_RADIUS],
        [25, 100, MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * 0.5],
        [10, 0, MIN_RADIUS]
    ])('a value of %s against %s has radius %d', (value, largest, radius) => {
        expect(radiusFor(value, largest)).toBeCloseTo(radius, 6);
    });

    it('grows with the value and stays within its bounds for any generated value', () => {
        const random = generator(3);
        const broken: string[] = [];
        for (let i = 0; i < 500; i++) {
            const largest = random() * 1e9;
            const [a, b] = [random() * largest, random() * largest].sort((x, y) => x - y) as [number, number];
            const [ra, rb] = [radiusFor(a, largest), radiusFor(b, largest)];
            if (ra < MIN_RADIUS || rb > MAX_RADIUS || ra > rb)
                broken.push(`${a}→${ra}, ${b}→${rb} of ${largest}`);
        }
        expect(broken).toEqual([]);
    });

    it('colours each tier apart and anything else grey', () => {
        const colours = ['Tier 1', 'Tier 2', 'Tier 3'].map(tierColour);
        expect(new Set(colours).size).toBe(3);
        expect(tierColour('Not Key')).toBe(OTHER_TIER_COLOUR);
        expect(tierColour(null)).toBe(OTHER_TIER_COLOUR);
    });
});

describe('layoutQuadrant', () => {
    const story: QuadrantPoint[] = [
        { id: 'a', name: 'Aeronova Group', score: 8.6, health: 38, tier: 'Tier 1', size: 400 },
        { id: 'm', name: 'Meridian Bank', score: 7.4, health: 74, tier: 'Tier 2', size: 100 },
        { id: 'g', name: 'Globex Industries', score: 6.1, health: null, tier: 'Tier 3', size: 50 },
        { id: 'u', name: 'Unscored', score: null, health: 60, tier: 'Tier 3', size: null }
    ];

    it('places the scored accounts, lists the others, and names each bubble for a screen reader', () => {
        const layout = layoutQuadrant(story, DEFAULT_SETTINGS, TEXTS);
        expect(layout.bubbles.map((bubble) => bubble.id)).toEqual(['a', 'm']);
        expect(layout.unplaced).toEqual([
            { id: 'g', name: 'Globex Industries' },
            { id: 'u', name: 'Unscored' }
        ]);
        const [aeronova, meridian] = layout.bubbles;
        expect(aeronova!.label).toBe(
            'Aeronova Group: key-account score 8.6, health 38, Tier 1, Fix the relationship'
        );
        expect(meridian!.label).toBe('Meridian Bank: key-account score 7.4, health 74, Tier 2, Invest');
        expect(aeronova!.r).toBe(MAX_RADIUS);
        // names near the right edge are written to the left of their bubble, so they stay on the drawing
        expect(aeronova!.nameSide).toBe('left');
        expect(meridian!.nameSide).toBe('right');
        expect(meridian!.r).toBeCloseTo(MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * 0.5, 6);
        // more attractive is further right; healthier is higher (smaller y)
        expect(aeronova!.cx).toBeGreaterThan(meridian!.cx);
        expect(meridian!.cy).toBeLessThan(aeronova!.cy);
        expect(aeronova!.cx).toBeGreaterThan(layout.splitX);
        expect(aeronova!.cy).toBeGreaterThan(layout.splitY);
    });

    it('draws four regions that tile the plot, each named, meeting at the boundaries', () => {
        const layout = layoutQuadrant(
            [],
            { ...DEFAULT_SETTINGS, attractivenessSplit: 7, healthSplit: 60 },
            TEXTS
        );
        const { plot } = layout;
        const area = layout.regions.reduce((sum, region) => sum + region.width * region.height, 0);
        expect(area).toBeCloseTo((plot.right - plot.left) * (plot.bottom - plot.top), 6);
        expect(layout.regions.map((region) => region.name).sort()).toEqual([
            'Fix the relationship',
            'Invest',
            'Maintain',
            'Reconsider'
        ]);
        expect(layout.splitX).toBeCloseTo(plot.left + 0.7 * (plot.right - plot.left), 6);
        expect(layout.splitY).toBeCloseTo(plot.bottom - 0.6 * (plot.bottom - plot.top), 6);
        const invest = layout.regions.find((region) => region.key === 'invest')!;
        expect(invest.x).toBe(layout.splitX);
        expect(invest.labelAnchor).toBe('end');
    });

    it('keeps every generated bubble inside the plot and in the region its quadrant names', () => {
        const random = generator(99);
        for (let run = 0; run < 50; run++) {
            const settings = {
                ...DEFAULT_SETTINGS,
                attractivenessSplit: 1 + random() * 8,
                healthSplit: 1 + random() * 98
            };
            const points: QuadrantPoint[] = Array.from({ length: 60 }, (_, i) => ({
                id: String(i),
                name: `Account ${i}`,
                score: Math.round(random() * 100) / 10,
                health: Math.round(random() * 1000) / 10,
                tier: ['Tier 1', 'Tier 2', 'Tier 3'][i % 3]!,
                size: random() < 0.2 ? null : random() * 1e7
            }));
            const layout = layoutQuadrant(points, settings, TEXTS, 500, 300);
            expect(layout.bubbles).toHaveLength(60);
            for (const bubble of layout.bubbles) {
                expect(bubble.cx).toBeGreaterThanOrEqual(layout.plot.left);
                expect(bubble.cx).toBeLessThanOrEqual(layout.plot.right);
                expect(bubble.cy).toBeGreaterThanOrEqual(layout.plot.top);
                expect(bubble.cy).toBeLessThanOrEqual(layout.plot.bottom);
                const region = layout.regions.find((candidate) => candidate.key === bubble.quadrant)!;
                expect(bubble.cx).toBeGreaterThanOrEqual(region.x - 1e-9);
                expect(bubble.cx).toBeLessThanOrEqual(region.x + region.width + 1e-9);
                expect(bubble.cy).toBeGreaterThanOrEqual(region.y - 1e-9);
                expect(bubble.cy).toBeLessThanOrEqual(region.y + region.height + 1e-9);
            }
            // larger bubbles first, so smaller ones are drawn on top
            for (let i = 1; i < layout.bubbles.length; i++)
                expect(layout.bubbles[i - 1]!.r).toBeGreaterThanOrEqual(layout.bubbles[i]!.r);
        }
    });

    it('clamps scores outside their range onto the edge', () => {
        const layout = layoutQuadrant(
            [{ id: 'x', name: 'X', score: 12, health: -5, tier: 'Tier 1', size: 1 }],
            DEFAULT_SETTINGS,
            TEXTS
        );
        expect(layout.bubbles[0]!.cx).toBe(layout.plot.right);
        expect(layout.bubbles[0]!.cy).toBe(layout.plot.bottom);
    });

    it('writes an account without a tier as such', () => {
        const layout = layoutQuadrant(
            [{ id: 'x', name: 'X', score: 2, health: 2, tier: null, size: null }],
            DEFAULT_SETTINGS,
            TEXTS
        );
        expect(layout.bubbles[0]!.label).toBe('X: key-account score 2.0, health 2, No tier, Reconsider');
        expect(layout.bubbles[0]!.fill).toBe(OTHER_TIER_COLOUR);
    });
});

describe('neighbour', () => {
    //   0 . 1
    //   . 2 .
    //   3 . .
    const bubbles = [
        { cx: 0, cy: 0 },
        { cx: 20, cy: 0 },
        { cx: 10, cy: 10 },
        { cx: 0, cy: 20 }
    ];
    it.each([
        [0, 'right', 1],
        [1, 'left', 0],
        [0, 'down', 3],
        [3, 'up', 0],
        [2, 'up', 0],
        [1, 'right', 1],
        [3, 'down', 3],
        [9, 'left', 9]
    ] as const)('from %d %s is %d', (from, direction, to) => {
        expect(neighbour(bubbles, from, direction)).toBe(to);
    });

    it('always moves strictly in the asked direction for generated bubbles', () => {
        const random = generator(5);
        const points = Array.from({ length: 40 }, () => ({ cx: random() * 100, cy: random() * 100 }));
        const broken: string[] = [];
        points.forEach((point, from) => {
            const right = neighbour(points, from, 'right');
            const rightOk =
                right === from ? points.every((other) => other.cx <= point.cx) : points[right]!.cx > point.cx;
            const up = neighbour(points, from, 'up');
            const upOk =
                up === from ? points.every((other) => other.cy >= point.cy) : points[up]!.cy < point.cy;
            if (!rightOk || !upOk) broken.push(`from ${from}: right ${right}, up ${up}`);
        });
        expect(broken).toEqual([]);
    });
});
