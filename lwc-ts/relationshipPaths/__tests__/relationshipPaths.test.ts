import { buildRelationshipGraph, type GraphLinkInput, type RelationshipGraph } from 'c/relationshipGraph';
import { findCuts } from 'c/relationshipCuts';
import {
    coverage,
    PathCounter,
    quickCoverage,
    focusView,
    pathsToGroup,
    pathsToPerson,
    shortestPathsToDecisionMakers,
    type PathSet
} from 'c/relationshipPaths';
import {
    allPaths,
    bruteForceDisjoint,
    generatedInput
} from '../../relationshipGraph/__tests__/generatedGraphs';

/**
 * A small network from a compact spec: "u1>a" our user u1 owns a, "a-b" a strong tie between a and b,
 * "a~b" a weak one (drawn, not walked); people named in capitals are decision makers.
 */
function network(spec: string, centers: Record<string, string[]> = {}): RelationshipGraph {
    const ids = new Set<string>();
    const users = new Set<string>();
    const links: GraphLinkInput[] = [];
    for (const part of spec.split(/\s+/).filter(Boolean)) {
        const [from, to] = part.split(/[>~-]/) as [string, string];
        if (part.includes('>')) {
            // an Owns Relationship link rather than the owner field, so a person can have two owners
            users.add(from);
            ids.add(to);
            links.push({ fromId: to, toUserId: from, type: 'Owns Relationship' });
        } else {
            ids.add(from);
            ids.add(to);
            links.push({
                fromId: from,
                toContactId: to,
                type: 'Collaborates',
                strength: part.includes('~') ? 1 : 4
            });
        }
    }
    const centerOf = new Map<string, string>();
    for (const [center, members] of Object.entries(centers)) for (const m of members) centerOf.set(m, center);
    return buildRelationshipGraph({
        contacts: [...ids].map((id) => ({
            id,
            decisionRole: /^[A-Z]/.test(id) ? 'Decision Maker' : null,

            buyingCenterId: centerOf.get(id) ?? null
        })),
        users: [...users].map((id) => ({ id })),
        links,
        buyingCenters: Object.keys(centers).map((id) => ({ id }))
    });
}

const named = (graph: RelationshipGraph, set: PathSet): string[][] =>
    set.paths.map((path) => path.map((i) => graph.nodes[i]!.id));

/** Each path starts at one of our users, walks reach edges and ends in the targets; none share a person. */
function expectValid(graph: RelationshipGraph, set: PathSet, targets: number[], shareEnd: boolean): void {
    expect(set.paths).toHaveLength(set.count);
    const used = new Set<number>();
    for (const path of set.paths) {
        expect(graph.nodes[path[0]!]!.kind).toBe('user');
        expect(targets).toContain(path[path.length - 1]);
        for (let i = 1; i < path.length; i++) expect(graph.reach[path[i - 1]!]).toContain(path[i]);
        for (const p of shareEnd ? path.slice(0, -1) : path) {
            expect(used.has(p)).toBe(false);
            used.add(p);
        }
    }
}

describe('independent paths', () => {
    it.each<[string, string, number]>([
        ['owned directly', 'u1>D', 1],
        ['two owners', 'u1>D u2>D', 2],
        ['two ways that meet in one person are one', 'u1>a u2>b a-m b-m m-D', 1],
        ['two ways through different people', 'u1>a u2>b a-D b-D', 2],
        ['one user holding two ways is one path', 'u1>a u1>b a-D b-D', 1],
        ['a weak tie is no way in', 'u1>a a~D', 0],
        ['nobody reaches them', 'u1>a b-D', 0],
        ['a long chain', 'u1>a a-b b-c c-d d-D', 1],
        ['three users, a bottleneck of two', 'u1>a u2>b u3>c a-x b-x c-y x-D y-D', 2]
    ])('to a decision maker: %s', (_name, spec, expected) => {
        const graph = network(spec);
        const target = graph.indexById.get('D')!;
        const set = pathsToPerson(graph, target);
        expect(set.count).toBe(expected);
        expectValid(graph, set, [target], true);
    });

    it('to a buying center: reached through any member, two paths never ending at one member', () => {
        const graph = network('u1>a u2>b a-m b-m u3>n', { center: ['m', 'n'] });
        const set = pathsToGroup(graph, graph.centers.get('center')!);
        expect(set.count).toBe(2);
        expect(named(graph, set)).toEqual([
            ['u1', 'a', 'm'],
            ['u3', 'n']
        ]);
    });

    it('gives one set of disjoint paths to draw', () => {
        const graph = network('u1>a u2>b a-D b-D');
        expect(named(graph, pathsToPerson(graph, graph.indexById.get('D')!))).toEqual([
            ['u1', 'a', 'D'],
            ['u2', 'b', 'D']
        ]);
    });

    it('covers every decision maker and every buying center with people', () => {
        const graph = network('u1>A u2>b b-A b-C', { one: ['A'], two: ['C'], none: [] });
        const result = coverage(graph);
        expect([...result.decisionMakers].map(([p, set]) => [graph.nodes[p]!.id, set.count])).toEqual([
            ['A', 2],
            ['C', 1]
        ]);
        // two ways to the one person of a center both end at that person: one thread
        expect([...result.centers].map(([c, set]) => [c, set.count])).toEqual([
            ['one', 1],
            ['two', 1]
        ]);
    });

    // random small networks against every choice of simple paths
    it.each(Array.from({ length: 40 }, (_, i) => i + 1))(
        'matches brute force (generated, seed %i)',
        (seed) => {
            const graph = buildRelationshipGraph(
                generatedInput({ contacts: 7, users: 3, linksPerContact: 1.6, owned: 0.45, centers: 2, seed })
            );
            for (let target = 0; target < graph.nodes.length; target++) {
                if (graph.nodes[target]!.kind !== 'contact') continue;
                const set = pathsToPerson(graph, target);
                expect(set.count).toBe(bruteForceDisjoint(allPaths(graph, new Set([target])), true));
                expectValid(graph, set, [target], true);
            }
            for (const members of graph.centers.values()) {
                const set = pathsToGroup(graph, members);
                expect(set.count).toBe(bruteForceDisjoint(allPaths(graph, new Set(members)), false));
                expectValid(graph, set, members, false);
            }
        }
    );

    // the dominator shortcut risks use must agree with the flows: none, one, or two-or-more
    it.each(Array.from({ length: 60 }, (_, i) => i + 1))(
        'tells none, one and more apart as the flows count them (generated, seed %i)',
        (seed) => {
            const graph = buildRelationshipGraph(
                generatedInput({
                    contacts: 6 + (seed % 30),
                    users: 1 + (seed % 4),
                    linksPerContact: 1 + (seed % 5) * 0.5,
                    owned: 0.3,
                    centers: 1 + (seed % 4),
                    seed
                })
            );
            const exact = coverage(graph);
            const quick = quickCoverage(graph, findCuts(graph));
            const counter = new PathCounter(graph);
            const summary = (set: PathSet) => ({ count: Math.min(set.count, 2), atLeast: set.count >= 2 });
            for (const [person, set] of exact.decisionMakers) {
                const fast = quick.decisionMakers.get(person)!;
                expect({ count: fast.count, atLeast: !!fast.atLeast }).toEqual(summary(set));
                if (fast.count === 1) expectValid(graph, fast, [person], true);
                expect(counter.person(person).count).toBe(set.count);
            }
            for (const [center, set] of exact.centers) {
                const fast = quick.centers.get(center)!;
                expect({ count: fast.count, atLeast: !!fast.atLeast }).toEqual(summary(set));
                if (fast.count === 1) expectValid(graph, fast, graph.centers.get(center)!, false);
                expect(counter.group(graph.centers.get(center)!).count).toBe(set.count);
            }
        }
    );

    it('answers an empty network and a target nobody reaches', () => {
        const empty = buildRelationshipGraph({ contacts: [] });
        expect(coverage(empty)).toEqual({ decisionMakers: new Map(), centers: new Map() });
        const island = network('a-B');
        expect(pathsToPerson(island, island.indexById.get('B')!)).toEqual({ count: 0, paths: [] });
    });
});

describe('shortest paths and focus', () => {
    it('finds the shortest way from our team to each decision maker we reach', () => {
        const graph = network('u1>a a-b b-D u2>c c-D u1>E x-F');
        const paths = shortestPathsToDecisionMakers(graph);
        const id = (i: number): string => graph.nodes[i]!.id;
        expect(Object.fromEntries([...paths].map(([dm, path]) => [id(dm), path.map(id)]))).toEqual({
            D: ['u2', 'c', 'D'],
            E: ['u1', 'E']
        });
    });

    it('shows a focused person’s neighbourhood, weak ties included, and the decision makers reached through them', () => {
        const graph = network('u1>a a-f f-D f~w u2>c c-E f-x x-E');
        const focus = graph.indexById.get('f')!;
        const view = focusView(graph, focus);
        const id = (i: number): string => graph.nodes[i]!.id;
        expect(view.nodes.map(id).sort()).toEqual(['D', 'a', 'f', 'w', 'x']);
        expect(view.edges.map((e) => `${id(graph.edges[e]!.from)}-${id(graph.edges[e]!.to)}`).sort()).toEqual(
            ['a-f', 'f-D', 'f-w', 'f-x']
        );
        expect(Object.fromEntries([...view.paths].map(([dm, path]) => [id(dm), path.map(id)]))).toEqual({
            D: ['u1', 'a', 'f', 'D'],
            E: ['u1', 'a', 'f', 'x', 'E']
        });
    });

    it('reaches nobody through a person we do not reach, and ignores a focus that is no node', () => {
        const graph = network('u1>a b-D');
        expect(focusView(graph, graph.indexById.get('b')!).paths.size).toBe(0);
        expect(focusView(graph, 99)).toEqual({ focus: 99, nodes: [], edges: [], paths: new Map() });
    });

    it('widens the neighbourhood with depth', () => {
        const graph = network('a-b b-c c-d');
        const view = focusView(graph, graph.indexById.get('a')!, 2);
        expect(view.nodes.map((i) => graph.nodes[i]!.id)).toEqual(['a', 'b', 'c']);
    });
});
