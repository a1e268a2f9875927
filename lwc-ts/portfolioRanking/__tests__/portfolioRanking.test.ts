import { compareValues, competitionRanks, nextDirection, sortBy } from 'c/portfolioRanking';

// a deterministic generator, so a failing case can be replayed
function generator(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state * 1664525 + 1013904223) >>> 0;
        return state / 2 ** 32;
    };
}

describe('competitionRanks', () => {
    it.each([
        [
            [8.6, 7.4, 6.1],
            [1, 2, 3]
        ],
        [
            [7.4, 8.6, 6.1],
            [2, 1, 3]
        ],
        [
            [5, 5, 4],
            [1, 1, 3]
        ],
        [
            [5, 6, 5, 6],
            [3, 1, 3, 1]
        ],
        [
            [null, 3],
            [null, 1]
        ],
        [
            [undefined, Number.NaN, 2],
            [null, null, 1]
        ],
        [[], []],
        [[0], [1]]
    ])('ranks %j as %j', (scores, ranks) => {
        expect(competitionRanks(scores as (number | null)[])).toEqual(ranks);
    });

    it('gives every generated portfolio ranks that agree with the scores', () => {
        const random = generator(12);
        const broken: string[] = [];
        for (let run = 0; run < 200; run++) {
            const scores = Array.from({ length: Math.floor(random() * 40) }, () => {
                return random() < 0.15 ? null : Math.round(random() * 100) / 10;
            });
            const ranks = competitionRanks(scores);
            scores.forEach((score, i) => {
                // a rank is one more than the number of strictly higher scores; no score, no rank
                const expected =
                    score === null
                        ? null
                        : scores.filter((other) => other !== null && other > score).length + 1;
                if (ranks[i] !== expected) broken.push(`${JSON.stringify(scores)} at ${i}: ${ranks[i]}`);
                scores.forEach((other, j) => {
                    if (score === null || other === null) return;
                    const agrees =
                        other > score
                            ? ranks[j]! < ranks[i]!
                            : other === score
                              ? ranks[j] === ranks[i]
                              : true;
                    if (!agrees) broken.push(`${JSON.stringify(scores)}: ${i} against ${j}`);
                });
            });
        }
        expect(broken).toEqual([]);
    });
});

describe('sortBy', () => {
    const rows = [
        { name: 'Meridian Bank', score: 7.4 },
        { name: 'aeronova Group', score: 8.6 },
        { name: 'Unscored', score: null },
        { name: 'Globex', score: 6.1 },
        { name: 'Zeta', score: 7.4 }
    ];

    it.each([
        ['asc', ['Globex', 'Meridian Bank', 'Zeta', 'aeronova Group', 'Unscored']],
        ['desc', ['aeronova Group', 'Meridian Bank', 'Zeta', 'Globex', 'Unscored']]
    ] as const)(
        'sorts scores %s, equal scores in their given order and the unscored last',
        (direction, names) => {
            expect(sortBy(rows, (row) => row.score, direction).map((row) => row.name)).toEqual(names);
        }
    );

    it.each([
        ['asc', ['aeronova Group', 'Globex', 'Meridian Bank', 'Unscored', 'Zeta']],
        ['desc', ['Zeta', 'Unscored', 'Meridian Bank', 'Globex', 'aeronova Group']]
    ] as const)('sorts text %s ignoring case', (direction, names) => {
        expect(sortBy(rows, (row) => row.name, direction).map((row) => row.name)).toEqual(names);
    });

    it('keeps empty text and missing values last, and does not change its input', () => {
        const items = [{ v: '' }, { v: 'b' }, { v: undefined }, { v: 'a' }];
        const copy = [...items];
        expect(sortBy(items, (item) => item.v, 'desc').map((item) => item.v)).toEqual([
            'b',
            'a',
            '',
            undefined
        ]);
        expect(items).toEqual(copy);
    });

    it('orders any generated list as a sort would, stable and with empties last', () => {
        const random = generator(7);
        const broken: string[] = [];
        for (let run = 0; run < 200; run++) {
            const items = Array.from({ length: Math.floor(random() * 30) }, (_, index) => ({
                index,
                value: random() < 0.2 ? null : Math.floor(random() * 8)
            }));
            for (const direction of ['asc', 'desc'] as const) {
                const sorted = sortBy(items, (item) => item.value, direction);
                if (sorted.length !== items.length) broken.push(`run ${run}: lost items`);
                for (let i = 1; i < sorted.length; i++) {
                    const a = sorted[i - 1]!;
                    const b = sorted[i]!;
                    const inOrder =
                        a.value === null || b.value === null || a.value === b.value
                            ? (a.value === null) === (b.value === null) || b.value === null
                            : direction === 'asc'
                              ? a.value < b.value
                              : a.value > b.value;
                    // stable: equal values, or two empties, keep their given order
                    const stable = a.value !== b.value || b.index > a.index;
                    if (!inOrder || !stable)
                        broken.push(`run ${run} ${direction} at ${i}: ${JSON.stringify([a, b])}`);
                }
            }
        }
        expect(broken).toEqual([]);
    });
});

describe('compareValues and nextDirection', () => {
    it('compares numbers as numbers and text numerically where it holds numbers', () => {
        expect(compareValues(10, 9)).toBeGreaterThan(0);
        expect(compareValues('Tier 10', 'Tier 9')).toBeGreaterThan(0);
        expect(compareValues('Ä', 'a')).toBe(0);
    });

    it.each([
        ['score', 'rank', 'asc', 'desc', 'desc'],
        ['score', 'score', 'desc', 'desc', 'asc'],
        ['score', 'score', 'asc', 'desc', 'desc'],
        ['name', 'score', 'desc', 'asc', 'asc']
    ] as const)(
        'a click on %s when %s is sorted %s (first %s) sorts %s',
        (column, sorted, current, first, next) => {
            expect(nextDirection(column, sorted, current, first)).toBe(next);
        }
    );
});
