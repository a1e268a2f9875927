import { buildRelationshipGraph, type RelationshipGraph } from 'c/relationshipGraph';
import {
    DEFAULT_LAYOUT,
    layoutRelationshipGraph,
    nodeRadius,
    NO_GROUP,
    TEAM_GROUP,
    type RelationshipLayout
} from 'c/relationshipLayout';
import { generatedInput } from '../../relationshipGraph/__tests__/generatedGraphs';

function generated(contacts: number, seed = 7, centers = 8): RelationshipGraph {
    return buildRelationshipGraph(
        generatedInput({ contacts, users: 5, linksPerContact: 2.5, owned: 0.2, centers, seed })
    );
}

/** The closest two people, by a sort over x (fast enough for thousands). */
function closestPair(layout: RelationshipLayout): number {
    const order = Array.from(layout.x.keys()).sort((a, b) => layout.x[a]! - layout.x[b]!);
    let best = Infinity;
    for (let i = 0; i < order.length; i++)
        for (let j = i + 1; j < order.length; j++) {
            const dx = layout.x[order[j]!]! - layout.x[order[i]!]!;
            if (dx >= best) break;
            best = Math.min(best, Math.hypot(dx, layout.y[order[j]!]! - layout.y[order[i]!]!));
        }
    return best;
}

describe('layoutRelationshipGraph', () => {
    it('lays out nobody and one person', () => {
        const empty = layoutRelationshipGraph(buildRelationshipGraph({ contacts: [] }));
        expect(empty).toEqual(expect.objectContaining({ groups: [], minX: 0, maxX: 0, steps: 0 }));
        const one = layoutRelationshipGraph(
            buildRelationshipGraph({ contacts: [{ id: 'a', influence: 5 }] })
        );
        expect([one.x[0], one.y[0], one.radius[0]]).toEqual([
            expect.any(Number),
            expect.any(Number),
            nodeRadius(5, false)
        ]);
        expect(one.groups.map((group) => group.key)).toEqual([NO_GROUP]);
    });

    it('is the same for the same seed and differs for another', () => {
        const graph = generated(300);
        const a = layoutRelationshipGraph(graph);
        const b = layoutRelationshipGraph(graph);
        const c = layoutRelationshipGraph(graph, { ...DEFAULT_LAYOUT, seed: 2 });
        expect(Array.from(a.x)).toEqual(Array.from(b.x));
        expect(Array.from(a.y)).toEqual(Array.from(b.y));
        expect(Array.from(a.x)).not.toEqual(Array.from(c.x));
    });

    it('puts our team in the middle, buying centers largest first, people without one last', () => {
        const layout = layoutRelationshipGraph(generated(400));
        const keys = layout.groups.map((group) => group.key);
        expect(keys[0]).toBe(TEAM_GROUP);
        expect(layout.groups[0]).toEqual(expect.objectContaining({ x: 0, y: 0 }));
        const sizes = layout.groups.slice(1).map((group) => group.members.length);
        expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    });

    it.each([200, 2000])('keeps buying centers apart and their people inside them (%i people)', (n) => {
        const graph = generated(n);
        const layout = layoutRelationshipGraph(graph);
        const { groups } = layout;
        for (let g = 0; g < groups.length; g++)
            for (let h = g + 1; h < groups.length; h++) {
                const a = groups[g]!;
                const b = groups[h]!;
                expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(a.radius + b.radius);
            }
        for (const group of groups)
            for (const member of group.members)
                expect(
                    Math.hypot(layout.x[member]! - group.x, layout.y[member]! - group.y)
                ).toBeLessThanOrEqual(group.radius);
        for (let i = 0; i < graph.nodes.length; i++) {
            expect(Number.isFinite(layout.x[i])).toBe(true);
            expect(layout.x[i]! - layout.radius[i]!).toBeGreaterThanOrEqual(layout.minX);
            expect(layout.y[i]! + layout.radius[i]!).toBeLessThanOrEqual(layout.maxY);
        }
        expect(layout.steps).toBeLessThanOrEqual(DEFAULT_LAYOUT.maxSteps);
    });

    it('spreads people so nobody sits on top of anybody', () => {
        for (const n of [50, 1000]) {
            const layout = layoutRelationshipGraph(generated(n, 3));
            expect(closestPair(layout)).toBeGreaterThan(DEFAULT_LAYOUT.spacing * 0.3);
        }
    });

    it('parts people who start on one spot', () => {
        const graph = buildRelationshipGraph({
            contacts: Array.from({ length: 30 }, (_, i) => ({ id: `p${i}`, buyingCenterId: 'one' }))
        });
        const layout = layoutRelationshipGraph(graph, { ...DEFAULT_LAYOUT, spacing: 0.001 });
        expect(Array.from(layout.x).every(Number.isFinite)).toBe(true);
    });

    it('draws linked people of a group closer than unlinked ones', () => {
        const graph = generated(600, 11, 3);
        const layout = layoutRelationshipGraph(graph);
        const distance = (a: number, b: number): number =>
            Math.hypot(layout.x[a]! - layout.x[b]!, layout.y[a]! - layout.y[b]!);
        const linked: number[] = [];
        for (const edge of graph.edges)
            if (edge.origin === 'link' && graph.nodes[edge.from]!.groupId === graph.nodes[edge.to]!.groupId)
                linked.push(distance(edge.from, edge.to));
        const members = graph.nodes
            .filter((node) => node.groupId === graph.nodes[0]!.groupId)
            .map((node) => node.index);
        const any: number[] = [];
        for (let i = 0; i + 1 < members.length; i += 2) any.push(distance(members[i]!, members[i + 1]!));
        const mean = (values: number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length;
        expect(mean(linked)).toBeLessThan(mean(any));
    });

    it('sizes people by influence and our users alike', () => {
        expect([1, 3, 5].map((influence) => nodeRadius(influence, false))).toEqual([8, 12, 16]);
        expect(nodeRadius(0, true)).toBe(nodeRadius(5, true));
        expect(nodeRadius(99, false)).toBe(nodeRadius(5, false));
    });
});
