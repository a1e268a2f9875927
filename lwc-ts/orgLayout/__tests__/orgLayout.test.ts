import { buildHierarchy, type Hierarchy, type ReportingLine } from 'c/orgHierarchy';
import { DEFAULT_LAYOUT, layoutHierarchy, type Layout } from 'c/orgLayout';

const W = DEFAULT_LAYOUT.nodeWidth;
const H = DEFAULT_LAYOUT.nodeHeight;

function tree(lines: [string, string | null][]): Hierarchy {
    return buildHierarchy(lines.map(([id, reportsToId]): ReportingLine => ({ id, reportsToId })));
}

function allExpanded(hierarchy: Hierarchy): Uint8Array {
    return new Uint8Array(hierarchy.ids.length).fill(1);
}

function at(hierarchy: Hierarchy, layout: Layout, id: string): { x: number; y: number } {
    const index = hierarchy.indexById.get(id)!;
    return { x: layout.x[index]!, y: layout.y[index]! };
}

/** No two visible cards overlap (checked with a sweep over x, so it stays fast for big trees). */
function overlaps(hierarchy: Hierarchy, layout: Layout): string[] {
    const boxes = layout.visible
        .map((node) => ({ node, x: layout.x[node]!, y: layout.y[node]! }))
        .sort((a, b) => a.x - b.x);
    const problems: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length && boxes[j]!.x < boxes[i]!.x + W; j++) {
            if (Math.abs(boxes[j]!.y - boxes[i]!.y) < H)
                problems.push(`${hierarchy.ids[boxes[i]!.node]} × ${hierarchy.ids[boxes[j]!.node]}`);
        }
    }
    return problems;
}

describe('layoutHierarchy', () => {
    it('centres a manager over two reports, one level down', () => {
        const hierarchy = tree([
            ['ceo', null],
            ['cio', 'ceo'],
            ['cfo', 'ceo']
        ]);
        const layout = layoutHierarchy(hierarchy, allExpanded(hierarchy));
        const ceo = at(hierarchy, layout, 'ceo');
        const cio = at(hierarchy, layout, 'cio');
        const cfo = at(hierarchy, layout, 'cfo');
        expect(ceo.y).toBe(0);
        expect(cio.y).toBe(H + DEFAULT_LAYOUT.levelGap);
        expect(cfo.x - cio.x).toBe(W + DEFAULT_LAYOUT.siblingGap);
        expect(ceo.x + W / 2).toBeCloseTo((cio.x + cfo.x + W) / 2, 6);
        expect(overlaps(hierarchy, layout)).toEqual([]);
    });

    it('stacks many leaves in columns instead of one wide row', () => {
        const lines: [string, string | null][] = [['lead', null]];
        for (let i = 0; i < 20; i++) lines.push([`m${i}`, 'lead']);
        const hierarchy = tree(lines);
        const layout = layoutHierarchy(hierarchy, allExpanded(hierarchy));
        expect(layout.stacked[hierarchy.indexById.get('lead')!]).toBe(1);
        expect(layout.width).toBeLessThan(4 * (W + DEFAULT_LAYOUT.siblingGap));
        expect(new Set(layout.visible.slice(1).map((node) => layout.x[node])).size).toBe(3);
        expect(overlaps(hierarchy, layout)).toEqual([]);
    });

    it('lays a few leaves in a row', () => {
        const hierarchy = tree([
            ['lead', null],
            ['a', 'lead'],
            ['b', 'lead']
        ]);
        const layout = layoutHierarchy(hierarchy, allExpanded(hierarchy));
        expect(layout.stacked[0]).toBe(0);
        expect(at(hierarchy, layout, 'a').y).toBe(at(hierarchy, layout, 'b').y);
    });

    it('shows only what is expanded', () => {
        const hierarchy = tree([
            ['ceo', null],
            ['cio', 'ceo'],
            ['dev', 'cio']
        ]);
        const expanded = new Uint8Array(hierarchy.ids.length);
        expanded[hierarchy.indexById.get('ceo')!] = 1;
        const layout = layoutHierarchy(hierarchy, expanded);
        expect(layout.visible.map((node) => hierarchy.ids[node])).toEqual(['ceo', 'cio']);
        expect(Number.isNaN(at(hierarchy, layout, 'dev').x)).toBe(true);
    });

    it('puts each account-root subtree side by side', () => {
        const hierarchy = tree([
            ['a', null],
            ['b', null],
            ['b1', 'b']
        ]);
        const layout = layoutHierarchy(hierarchy, allExpanded(hierarchy));
        expect(at(hierarchy, layout, 'b').x).toBeGreaterThanOrEqual(W + DEFAULT_LAYOUT.siblingGap);
        expect(overlaps(hierarchy, layout)).toEqual([]);
    });

    it('handles an empty account', () => {
        const layout = layoutHierarchy(buildHierarchy([]), new Uint8Array(0));
        expect(layout.visible).toEqual([]);
        expect(layout.width).toBe(0);
    });

    it('lays out a chain 5,000 deep without recursion', () => {
        const lines: [string, string | null][] = [['c0', null]];
        for (let i = 1; i < 5000; i++) lines.push([`c${i}`, `c${i - 1}`]);
        const hierarchy = tree(lines);
        const layout = layoutHierarchy(hierarchy, allExpanded(hierarchy));
        expect(at(hierarchy, layout, 'c4999').y).toBe(4999 * (H + DEFAULT_LAYOUT.levelGap));
    });

    it('places 20,000 generated people with no overlap', () => {
        let state = 11;
        const next = (): number => {
            state = (state * 1664525 + 1013904223) >>> 0;
            return state / 4294967296;
        };
        const lines: [string, string | null][] = [['p0', null]];
        for (let i = 1; i < 20000; i++) {
            const manager =
                next() < 0.7
                    ? Math.max(0, i - 1 - Math.floor(next() * 30))
                    : Math.floor(next() * Math.min(200, i));
            lines.push([`p${i}`, `p${manager}`]);
        }
        const hierarchy = tree(lines);
        const layout = layoutHierarchy(hierarchy, allExpanded(hierarchy));
        expect(layout.visible).toHaveLength(20000);
        expect(
            layout.visible.every(
                (node) => Number.isFinite(layout.x[node]!) && Number.isFinite(layout.y[node]!)
            )
        ).toBe(true);
        expect(overlaps(hierarchy, layout)).toEqual([]);
    });
});
