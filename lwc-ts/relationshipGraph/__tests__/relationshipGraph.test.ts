import {
    buildRelationshipGraph,
    MIN_REACH_STRENGTH,
    type GraphInput,
    type GraphLinkInput,
    type GraphPerson,
    type GraphProblem
} from 'c/relationshipGraph';
import { toOrgChartPage } from 'c/orgChartData';
import type { OrgChartService_OrgChartPage } from '@salesforce/apex/types';
import { generatedInput } from './generatedGraphs';

const person = (id: string, extra: Partial<GraphPerson> = {}): GraphPerson => ({ id, name: id, ...extra });
const link = (fromId: string, to: string, extra: Partial<GraphLinkInput> = {}): GraphLinkInput => ({
    fromId,
    toContactId: to,
    type: 'Collaborates',
    strength: 4,
    ...extra
});

function problemsOf(input: GraphInput): Partial<Record<GraphProblem, number>> {
    const graph = buildRelationshipGraph(input);
    return Object.fromEntries(Object.entries(graph.problems).filter(([, count]) => count > 0));
}

describe('buildRelationshipGraph', () => {
    const people = [person('a'), person('b'), person('c')];

    it.each<[string, GraphInput, Partial<Record<GraphProblem, number>>, number]>([
        ['a clean link', { contacts: people, links: [link('a', 'b')] }, {}, 1],
        ['a self loop', { contacts: people, links: [link('a', 'a')] }, { 'self-loop': 1 }, 0],
        [
            'the same link twice (same ends and type, as the unique key)',
            { contacts: people, links: [link('a', 'b'), link('a', 'b', { strength: 2 })] },
            { 'duplicate-link': 1 },
            1
        ],
        [
            'the same ends with another type is another link',
            { contacts: people, links: [link('a', 'b'), link('a', 'b', { type: 'Influences' })] },
            {},
            2
        ],
        [
            'a link to a person of another account',
            {
                accountId: 'acc',
                contacts: [...people, person('x', { accountId: 'other' })],
                links: [link('a', 'x')]
            },
            { 'outside-account': 2 },
            0
        ],
        [
            'a link to a person the user may not see',
            { contacts: people, hiddenContactIds: ['h'], links: [link('h', 'b')] },
            { 'hidden-person': 1 },
            0
        ],
        ['a link to nobody we know', { contacts: people, links: [link('a', 'zz')] }, { 'unknown-end': 1 }, 0],
        [
            'a link to a person and a user at once',
            { contacts: people, links: [link('a', 'b', { toUserId: 'u1' })] },
            { 'not-one-target': 1 },
            0
        ],
        [
            'a link to no one',
            { contacts: people, links: [link('a', 'b', { toContactId: null })] },
            { 'not-one-target': 1 },
            0
        ],
        [
            'a link from a user (links start at a person)',
            { contacts: people, users: [{ id: 'u1' }], links: [link('u1', 'a')] },
            { 'unknown-end': 1 },
            0
        ],
        [
            'a strength outside 1–5 is dropped, the link kept',
            { contacts: people, links: [link('a', 'b', { strength: 9 })] },
            { 'strength-out-of-range': 1 },
            1
        ],
        [
            'people and rows without an id, and a person twice',
            {
                contacts: [...people, person(''), person('a')],
                links: [{ fromId: null, toContactId: 'a' }]
            },
            { 'missing-id': 2, 'duplicate-person': 1 },
            0
        ],
        [
            'an owner id that is a person of the account',
            { contacts: [person('a', { relationshipOwnerId: 'b' }), person('b')] },
            { 'unknown-end': 1 },
            0
        ]
    ])('%s', (_name, input, problems, edges) => {
        expect(problemsOf(input)).toEqual(problems);
        expect(buildRelationshipGraph(input).edges).toHaveLength(edges);
    });

    it('takes the org chart controller’s page as it comes', () => {
        const page = toOrgChartPage({
            accountId: 'acc',
            stakeholders: [
                {
                    id: 'a',
                    name: 'Ann',
                    relationshipOwnerId: 'u1',
                    relationshipOwnerName: 'Una',
                    buyingCenterId: 'bc'
                },
                { id: 'b', name: 'Bo', decisionRole: 'Decision Maker', buyingCenterId: 'region' }
            ],
            links: [
                {
                    id: 'L',
                    fromId: 'a',
                    toContactId: 'b',
                    type: 'Influences',
                    strength: 4,
                    frequency: 'Weekly'
                }
            ],
            buyingCenters: [
                { id: 'bc', name: 'Helicopters', parentId: null, active: true },
                { id: 'region', name: 'Europe', parentId: 'bc', active: true }
            ]
        } as unknown as OrgChartService_OrgChartPage);
        const graph = buildRelationshipGraph({
            accountId: page.accountId,
            contacts: page.stakeholders,
            links: page.links,
            buyingCenters: page.buyingCenters
        });
        expect(graph.nodes.map((node) => [node.id, node.kind, node.name, node.groupId])).toEqual([
            ['a', 'contact', 'Ann', 'bc'],
            ['b', 'contact', 'Bo', 'bc'],
            ['u1', 'user', 'Una', null]
        ]);
        expect(graph.decisionMakers).toEqual([1]);
        expect(graph.centers.get('bc')).toEqual([0, 1]);
    });

    it('never throws on rows full of nulls', () => {
        const garbage = {
            contacts: [null, {}, { id: 'a', influence: Number.NaN }],
            users: [null, { id: null }],
            links: [null, {}, { fromId: 'a' }],
            buyingCenters: [null, { id: 'b', parentId: 'b' }]
        } as unknown as GraphInput;
        const graph = buildRelationshipGraph(garbage);
        expect(graph.nodes.map((node) => node.id)).toEqual(['a']);
        expect(graph.nodes[0]!.influence).toBe(0);
    });

    it('adds owners and linked users who are not on the team list as our users', () => {
        const graph = buildRelationshipGraph({
            contacts: [
                person('a', { relationshipOwnerId: 'u9', relationshipOwnerName: 'Nine' }),
                person('b')
            ],
            users: [{ id: 'u1', name: 'One' }],
            links: [{ fromId: 'b', toUserId: 'u8', toUserName: 'Eight', type: 'Owns Relationship' }]
        });
        expect(graph.users.map((u) => [graph.nodes[u]!.id, graph.nodes[u]!.name])).toEqual([
            ['u1', 'One'],
            ['u8', 'Eight'],
            ['u9', 'Nine']
        ]);
        expect(graph.reach[graph.indexById.get('u9')!]).toEqual([graph.indexById.get('a')]);
        expect(graph.reach[graph.indexById.get('u8')!]).toEqual([graph.indexById.get('b')]);
    });

    it('makes an owner field and an Owns Relationship link to the same user one edge', () => {
        const graph = buildRelationshipGraph({
            contacts: [person('a', { relationshipOwnerId: 'u1' })],
            users: [{ id: 'u1' }],
            links: [{ id: 'L', fromId: 'a', toUserId: 'u1', type: 'Owns Relationship', strength: 5 }]
        });
        expect(graph.edges).toEqual([
            expect.objectContaining({ id: 'L', from: 1, to: 0, origin: 'link', strength: 5, reach: true })
        ]);
    });

    it('walks strong ties both ways, drawn in their direction, and leaves weak ones out of reach', () => {
        const graph = buildRelationshipGraph({
            contacts: [person('a'), person('b'), person('c'), person('d')],
            links: [
                link('a', 'b', { type: 'Influences', strength: MIN_REACH_STRENGTH }),
                link('b', 'c', { type: 'Collaborates', strength: MIN_REACH_STRENGTH - 1 }),
                link('c', 'd', { type: 'Mentors', strength: null })
            ]
        });
        expect(graph.edges.map((edge) => [edge.directed, edge.reach])).toEqual([
            [true, true],
            [false, false],
            [true, true]
        ]);
        expect(graph.reach).toEqual([[1], [0], [3], [2]]);
    });

    it('walks an owner tie whatever its strength', () => {
        const graph = buildRelationshipGraph({
            contacts: [person('a')],
            users: [{ id: 'u1' }],
            links: [{ fromId: 'a', toUserId: 'u1', type: 'Owns Relationship', strength: 1 }]
        });
        expect(graph.reach[1]).toEqual([0]);
    });

    it('counts sub-centers’ people in their parents and groups them under the top center', () => {
        const graph = buildRelationshipGraph({
            contacts: [
                person('a', { buyingCenterId: 'top' }),
                person('b', { buyingCenterId: 'region' }),
                person('c', { buyingCenterId: 'loop1' }),
                person('d', { buyingCenterId: 'unlisted' })
            ],
            buyingCenters: [
                { id: 'top', name: 'Top' },
                { id: 'region', parentId: 'top' },
                { id: 'loop1', parentId: 'loop2' },
                { id: 'loop2', parentId: 'loop1' },
                { id: 'empty' }
            ]
        });
        expect(Object.fromEntries(graph.centers)).toEqual({
            top: [0, 1],
            region: [1],
            loop1: [2],
            loop2: [2],
            empty: [],
            unlisted: [3]
        });
        expect(graph.nodes.map((node) => node.groupId)).toEqual(['top', 'top', 'loop2', 'unlisted']);
    });

    it('marks decision makers and economic buyers', () => {
        const graph = buildRelationshipGraph({
            contacts: [
                person('a', { decisionRole: 'Decision Maker' }),
                person('b', { decisionRole: 'Economic Buyer' }),
                person('c', { decisionRole: 'Influencer' })
            ]
        });
        expect(graph.decisionMakers).toEqual([0, 1]);
    });

    it.each([1, 2, 3, 4, 5])(
        'keeps reach and incidence consistent with the edges (generated, seed %i)',
        (seed) => {
            const input = generatedInput({
                contacts: 60,
                users: 4,
                linksPerContact: 3,
                owned: 0.3,
                centers: 5,
                seed
            });
            const graph = buildRelationshipGraph(input);
            for (const [e, edge] of graph.edges.entries()) {
                expect(graph.incident[edge.from]).toContain(e);
                expect(graph.incident[edge.to]).toContain(e);
                expect(edge.from).not.toBe(edge.to);
            }
            for (const edge of graph.edges.filter((walked) => walked.reach))
                expect(graph.reach[edge.from]).toContain(edge.to);
            for (const user of graph.users) for (const list of graph.reach) expect(list).not.toContain(user);
            // every link row is either an edge or counted as a problem
            const kept = graph.edges.filter((edge) => edge.origin === 'link').length;
            const dropped = Object.values(graph.problems).reduce((sum, count) => sum + count, 0);
            expect(kept + dropped).toBe(input.links!.length);
        }
    );
});
