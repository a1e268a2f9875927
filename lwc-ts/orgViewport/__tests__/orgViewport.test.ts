import { buildHierarchy, type ReportingLine } from 'c/orgHierarchy';
import { DEFAULT_LAYOUT, layoutHierarchy, type Layout } from 'c/orgLayout';
import { expandAll } from 'c/orgVisibility';
import {
    cardAt,
    cardsInView,
    centreOn,
    detailLevel,
    DETAIL_SCALE,
    fitTransform,
    FULL_DETAIL_LIMIT,
    MIN_SCALE,
    openingTransform,
    READABLE_SCALE,
    showPeople,
    type ViewTransform
} from 'c/orgViewport';

const W = DEFAULT_LAYOUT.nodeWidth;
const H = DEFAULT_LAYOUT.nodeHeight;
const SIZE = { width: 1000, height: 600 };

/** A generated tree: each person reports to someone earlier, seeded so failures repeat. */
function generated(count: number, seed: number): Layout {
    let state = seed;
    const random = (): number => {
        state = (state * 1103515245 + 12345) % 2147483648;
        return state / 2147483648;
    };
    const lines: ReportingLine[] = [{ id: 'p0', reportsToId: null }];
    for (let i = 1; i < count; i++)
        lines.push({ id: `p${i}`, reportsToId: `p${Math.floor(random() * Math.min(i, 40))}` });
    const hierarchy = buildHierarchy(lines);
    return layoutHierarchy(hierarchy, expandAll(hierarchy), DEFAULT_LAYOUT);
}

/** Where a card lands on screen under a transform. */
function onScreen(layout: Layout, index: number, t: ViewTransform): { left: number; top: number } {
    return { left: layout.x[index]! * t.k + t.x, top: layout.y[index]! * t.k + t.y };
}

describe('detailLevel', () => {
    it.each([
        [10, 0.05, 'all'],
        [FULL_DETAIL_LIMIT, 0.05, 'all'],
        [FULL_DETAIL_LIMIT + 1, DETAIL_SCALE, 'viewport'],
        [FULL_DETAIL_LIMIT + 1, 1, 'viewport'],
        [FULL_DETAIL_LIMIT + 1, DETAIL_SCALE - 0.01, 'overview'],
        [20000, 0.1, 'overview']
    ])('%i visible at zoom %f draws %s', (count, scale, level) => {
        expect(detailLevel(count, scale)).toBe(level);
    });
});

describe('cardsInView', () => {
    it('draws every card that is at least partly on screen, and none far off it', () => {
        for (const seed of [1, 2, 3]) {
            const layout = generated(2000, seed);
            const someone = layout.visible[Math.floor(layout.visible.length / 3)]!;
            for (const t of [
                { x: 0, y: 0, k: 1 },
                centreOn(layout, someone, SIZE, W, H, 0.5),
                centreOn(layout, someone, SIZE, W, H, 2),
                fitTransform(layout, SIZE)
            ]) {
                const drawn = new Set(cardsInView(layout, t, SIZE, W, H));
                const missing: number[] = [];
                const needless: number[] = [];
                for (const index of layout.visible) {
                    const { left, top } = onScreen(layout, index, t);
                    const partlyOnScreen =
                        left + W * t.k > 0 && left < SIZE.width && top + H * t.k > 0 && top < SIZE.height;
                    const farOff =
                        left > SIZE.width + 2 * W * t.k ||
                        top > SIZE.height + 2 * H * t.k ||
                        left < -3 * W * t.k ||
                        top < -3 * H * t.k;
                    if (partlyOnScreen && !drawn.has(index)) missing.push(index);
                    if (farOff && drawn.has(index)) needless.push(index);
                }
                expect(missing).toEqual([]);
                expect(needless).toEqual([]);
                expect(drawn.size).toBeGreaterThan(0);
            }
        }
    });

    it('keeps drawing order (managers before their reports)', () => {
        const layout = generated(500, 4);
        const drawn = cardsInView(layout, { x: 0, y: 0, k: 0.6 }, SIZE, W, H);
        const order = new Map(layout.visible.map((index, position) => [index, position]));
        const positions = drawn.map((index) => order.get(index)!);
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
    });

    it('draws a screenful, not the account, at readable zoom on 20,000 people', () => {
        const layout = generated(20000, 5);
        const drawn = cardsInView(layout, centreOn(layout, layout.visible[5000]!, SIZE, W, H), SIZE, W, H);
        expect(drawn.length).toBeGreaterThan(0);
        expect(drawn.length).toBeLessThan(200);
    });

    it('treats a zero zoom as 1 rather than dividing by it', () => {
        const layout = generated(50, 6);
        expect(() => cardsInView(layout, { x: 0, y: 0, k: 0 }, SIZE, W, H)).not.toThrow();
    });
});

describe('fitTransform and centreOn', () => {
    it('fits the chart inside the view, never enlarged', () => {
        for (const count of [1, 30, 3000]) {
            const layout = generated(count, 7);
            const t = fitTransform(layout, SIZE);
            expect(t.k).toBeLessThanOrEqual(1);
            expect(t.k).toBeGreaterThanOrEqual(MIN_SCALE);
            const scaled = t.k > MIN_SCALE;
            expect(!scaled || t.x >= 0).toBe(true);
            expect(!scaled || t.x + layout.width * t.k <= SIZE.width + 0.001).toBe(true);
            expect(!scaled || t.y + layout.height * t.k <= SIZE.height + 0.001).toBe(true);
        }
    });

    it('centres a person at the asked zoom', () => {
        const layout = generated(300, 8);
        const index = layout.visible[120]!;
        const t = centreOn(layout, index, SIZE, W, H, 1);
        const { left, top } = onScreen(layout, index, t);
        expect(left + W / 2).toBeCloseTo(SIZE.width / 2);
        expect(top + H / 2).toBeCloseTo(SIZE.height / 2);
    });

    it('falls back to fitting when the person is not visible', () => {
        const hierarchy = buildHierarchy([
            { id: 'a', reportsToId: null },
            { id: 'b', reportsToId: 'a' }
        ]);
        const layout = layoutHierarchy(hierarchy, new Uint8Array(2), DEFAULT_LAYOUT);
        expect(centreOn(layout, hierarchy.indexById.get('b')!, SIZE, W, H)).toEqual(
            fitTransform(layout, SIZE)
        );
    });
});

describe('cardAt', () => {
    it('finds the card under a point and nothing between cards', () => {
        const layout = generated(100, 9);
        const index = layout.visible[42]!;
        expect(cardAt(layout, layout.x[index]! + 5, layout.y[index]! + 5, W, H)).toBe(index);
        expect(cardAt(layout, -10_000, -10_000, W, H)).toBeUndefined();
    });
});

describe('openingTransform', () => {
    const PHONE = { width: 360, height: 560 };

    it('fits a small chart whole when it is readable that way', () => {
        const layout = generated(4, 3);
        expect(openingTransform(layout, SIZE, W)).toEqual(fitTransform(layout, SIZE));
    });

    it.each([
        ['desktop', SIZE],
        ['phone', PHONE]
    ])('opens a large chart at a readable zoom with the top person on screen (%s)', (_name, size) => {
        const layout = generated(2000, 11);
        const t = openingTransform(layout, size, W);
        expect(fitTransform(layout, size).k).toBeLessThan(READABLE_SCALE);
        expect(t.k).toBe(READABLE_SCALE);
        const top = onScreen(layout, layout.visible[0]!, t);
        expect(top.left).toBeGreaterThanOrEqual(0);
        expect(top.left + W * t.k).toBeLessThanOrEqual(size.width);
        expect(top.top).toBeGreaterThanOrEqual(0);
    });
});

describe('showPeople', () => {
    const layout = generated(2000, 5);

    it('shows every match when they fit at a readable zoom', () => {
        // two neighbours on one row
        const byRow = [...layout.visible].sort(
            (a, b) => layout.y[a]! - layout.y[b]! || layout.x[a]! - layout.x[b]!
        );
        let at = 0;
        let gap = Infinity;
        byRow.forEach((index, position) => {
            const next = byRow[position + 1];
            if (next === undefined || layout.y[next] !== layout.y[index]) return;
            if (layout.x[next]! - layout.x[index]! < gap) {
                gap = layout.x[next]! - layout.x[index]!;
                at = position;
            }
        });
        const group = [byRow[at]!, byRow[at + 1]!];
        const t = showPeople(layout, group, SIZE, W, H)!;
        expect(t.k).toBeGreaterThanOrEqual(READABLE_SCALE);
        for (const index of group) {
            const card = onScreen(layout, index, t);
            expect(card.left).toBeGreaterThanOrEqual(0);
            expect(card.left + W * t.k).toBeLessThanOrEqual(SIZE.width);
            expect(card.top).toBeGreaterThanOrEqual(0);
            expect(card.top + H * t.k).toBeLessThanOrEqual(SIZE.height);
        }
    });

    it('centres the first match at a readable zoom when the matches are spread too far', () => {
        const spread = [layout.visible[0]!, layout.visible[layout.visible.length - 1]!];
        expect(showPeople(layout, spread, SIZE, W, H)).toEqual(
            centreOn(layout, spread[0]!, SIZE, W, H, READABLE_SCALE)
        );
    });

    it('says nothing to show when no match is visible', () => {
        expect(showPeople(layout, [], SIZE, W, H)).toBeUndefined();
    });
});
