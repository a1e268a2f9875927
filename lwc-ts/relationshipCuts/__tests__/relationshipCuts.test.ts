import { buildRelationshipGraph, type GraphLinkInput, type RelationshipGraph } from 'c/relationshipGraph';
import { findCuts } from 'c/relationshipCuts';
import { generatedInput, reachedWithout } from '../../relationshipGraph/__tests__/generatedGraphs';

/** "u1>a" our user u1 owns a; "a-b" a strong tie; "a~b" a weak tie (not walked). */
function network(spec: string): RelationshipGraph {
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
            ids.add(from).add(to);
            links.push({
                fromId: from,
                toContactId: to,
                type: 'Collaborates',
                strength: part.includes('~') ? 1 : 4
            });
        }
    }
    return buildRelationshipGraph({
        contacts: [...ids].map((id) => ({ id })),
        users: [...users].map((id) => ({ id })),
        links
    });
}

function cutsByName(graph: RelationshipGraph): Record<string, string[]> {
    const id = (i: number): string => graph.nodes[i]!.id;
    return Object.fromEntries(findCuts(graph).cuts.map((cut) => [id(cut.person), cut.lost.map(id).sort()]));
}

/** The reference: remove each person in turn and see whom our users no longer reach. */
function bruteForceCuts(graph: RelationshipGraph): Map<number, number[]> {
    const all = reachedWithout(graph, -1);
    const cuts = new Map<number, number[]>();
    for (let v = 0; v < graph.nodes.length; v++) {
        if (!all.has(v)) continue;
        const still = reachedWithout(graph, v);
        const lost = [...all].filter((p) => p !== v && !still.has(p)).sort((a, b) => a - b);
        if (lost.length) cuts.set(v, lost);
    }
    return cuts;
}

describe('findCuts', () => {
    it.each<[string, string, Record<string, string[]>]>([
        [
            'a chain hangs on every link of it',
            'u1>a a-b b-c',
            { u1: ['a', 'b', 'c'], a: ['b', 'c'], b: ['c'] }
        ],
        [
            'a diamond survives either side',
            'u1>a a-b a-c b-d c-d',
            { u1: ['a', 'b', 'c', 'd'], a: ['b', 'c', 'd'] }
        ],
        ['two owners share nothing', 'u1>a u2>a a-b', { a: ['b'] }],
        ['a weak tie is no way in', 'u1>a a~b', { u1: ['a'] }],
        ['two separate parts', 'u1>a a-b u2>c c-d', { u1: ['a', 'b'], a: ['b'], u2: ['c', 'd'], c: ['d'] }],
        ['nobody reached, nothing to lose', 'a-b', {}]
    ])('%s', (_name, spec, expected) => {
        expect(cutsByName(network(spec))).toEqual(expected);
    });

    it('orders cuts by how many would be lost', () => {
        const graph = network('u1>a a-b b-c u2>d d-e');
        expect(findCuts(graph).cuts.map((cut) => graph.nodes[cut.person]!.id)).toEqual([
            'u1',
            'a',
            'u2',
            'b',
            'd'
        ]);
    });

    it('gives immediate dominators, -1 under the team as a whole and -2 for the unreached', () => {
        const graph = network('u1>a u2>a a-b x-y');
        const { idom, reached } = findCuts(graph);
        const at = (name: string): number => graph.indexById.get(name)!;
        expect(idom[at('a')]).toBe(-1);
        expect(idom[at('b')]).toBe(at('a'));
        expect(idom[at('u1')]).toBe(-1);
        expect(idom[at('x')]).toBe(-2);
        expect(reached[at('x')]).toBe(0);
        expect(reached[at('b')]).toBe(1);
    });

    it('handles an empty network', () => {
        expect(findCuts(buildRelationshipGraph({ contacts: [] })).cuts).toEqual([]);
    });

    // generated networks, sparse and dense, against removing each person and searching again
    it.each(Array.from({ length: 30 }, (_, i) => [i + 1, i % 3 === 0 ? 1 : i % 3 === 1 ? 2 : 4] as const))(
        'matches removing each person and searching again (seed %i, %i links each)',
        (seed, links) => {
            const graph = buildRelationshipGraph(
                generatedInput({
                    contacts: 40,
                    users: 3,
                    linksPerContact: links,
                    owned: 0.15,
                    centers: 3,
                    seed
                })
            );
            const expected = bruteForceCuts(graph);
            const { cuts, reached } = findCuts(graph);
            expect(new Map(cuts.map((cut) => [cut.person, cut.lost]))).toEqual(expected);
            const all = reachedWithout(graph, -1);
            for (let v = 0; v < graph.nodes.length; v++) expect(reached[v] === 1).toBe(all.has(v));
        }
    );
});
