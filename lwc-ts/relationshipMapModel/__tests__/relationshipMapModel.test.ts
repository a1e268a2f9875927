import { buildRelationshipGraph, type GraphInput } from 'c/relationshipGraph';
import { findRisks } from 'c/relationshipRisks';
import { layoutRelationshipGraph, type RelationshipLayout } from 'c/relationshipLayout';
import type { RelationshipMapService_MapView } from '@salesforce/apex/types';
import {
    coverageModel,
    countSome,
    startExactCounting,
    describeNode,
    emphasisOf,
    filterMasks,
    focusModel,
    graphOf,
    linkRowsOf,
    nearestInDirection,
    nearestTo,
    nodeAt,
    NO_STANCE,
    parseList,
    pathEdges,
    riskRows,
    type RiskTexts
} from 'c/relationshipMapModel';
import { demoGraphInput } from '../../relationshipRisks/__tests__/demoGraph';

const RISK_TEXTS: RiskTexts = {
    'unreached-decision-maker': 'unreached {0}',
    'single-threaded-decision-maker': 'single {0} via {1}',
    'leaving-without-backup': 'leaving {0} loses {1}',
    'leaving-without-backup-group': 'leaving {0} alone',
    'cut-person': 'cut {0} loses {1}',
    'unreached-buying-center': 'unreached center {0}',
    'single-threaded-buying-center': 'single center {0} via {1}',
    'competitor-champion': 'champion {0} of {1} sways {2}',
    'competitor-champion-deciding': 'champion {0} of {1} decides',
    'influential-detractor': 'detractor {0} {1} {2}'
};
const COVERAGE_TEXTS = {
    paths: '{0} paths',
    counting: '{0}+ paths',
    onePath: 'one path',
    notReached: 'none',
    noCenter: 'unnamed'
};

/** A small account: our user u reaches a, a influences the decision maker d; c sits apart in center B. */
function small(): GraphInput {
    return {
        accountId: 'acc',
        contacts: [
            {
                id: 'a',
                name: 'Ann',
                stance: 'Champion',
                influence: 3,
                buyingCenterId: 'A',
                relationshipOwnerId: 'u',
                relationshipOwnerName: 'Uma'
            },
            {
                id: 'd',
                name: 'Dan',
                stance: 'Neutral',
                influence: 5,
                decisionRole: 'Decision Maker',
                buyingCenterId: 'A1'
            },
            { id: 'c', name: 'Cat', stance: null, influence: 2, buyingCenterId: 'B' }
        ],
        users: [{ id: 'u', name: 'Uma' }],
        links: [
            { id: 'l1', fromId: 'a', toContactId: 'd', type: 'Influences', strength: 4, frequency: 'Weekly' },
            {
                id: 'l2',
                fromId: 'c',
                toContactId: 'd',
                type: 'Collaborates',
                strength: 2,
                frequency: 'Yearly'
            }
        ],
        buyingCenters: [
            { id: 'A', name: 'Alpha' },
            { id: 'A1', name: 'Alpha One', parentId: 'A' },
            { id: 'B', name: 'Beta' }
        ]
    };
}

function layoutAt(points: [number, number][]): RelationshipLayout {
    return {
        x: Float64Array.from(points.map((p) => p[0])),
        y: Float64Array.from(points.map((p) => p[1])),
        radius: Float64Array.from(points.map(() => 5)),
        groups: [],
        minX: 0,
        minY: 0,
        maxX: 100,
        maxY: 100,
        steps: 0
    };
}

describe('graphOf', () => {
    it('reads the controller view and counts links to people the user cannot see as hidden', () => {
        const view = {
            accountId: 'acc',
            accountName: 'Acme',
            people: [{ id: 'a', name: 'Ann', accountId: 'acc' }],
            users: [{ id: 'u', name: 'Uma', title: null }],
            links: [
                { id: 'l1', fromId: 'a', toContactId: 'secret', toUserId: null },
                { id: 'l2', fromId: 'a', toContactId: null, toUserId: 'u', type: 'Owns Relationship' }
            ],
            buyingCenters: [],
            hiddenContactIds: ['secret']
        } as unknown as RelationshipMapService_MapView;
        const graph = graphOf(view);
        expect(graph.problems['hidden-person']).toBe(1);
        expect(graph.edges).toHaveLength(1);
        expect(graph.nodes.map((node) => node.kind)).toEqual(['contact', 'user']);
    });

    it('draws an empty network for a view with nothing in it', () => {
        const graph = graphOf({ accountId: 'acc' } as unknown as RelationshipMapService_MapView);
        expect(graph.nodes).toEqual([]);
    });
});

describe('parseList', () => {
    it.each([
        [undefined, []],
        ['', []],
        ['Influences', ['Influences']],
        [' Influences, Mentors ;Dotted Line,, ', ['Influences', 'Mentors', 'Dotted Line']]
    ])('%p → %p', (text, expected) => {
        expect(parseList(text as string | undefined)).toEqual(expected);
    });
});

describe('filterMasks', () => {
    const graph = buildRelationshipGraph(small());
    const idx = (id: string) => graph.indexById.get(id)!;
    const kept = (mask: Uint8Array) => graph.nodes.filter((node) => mask[node.index]).map((node) => node.id);

    it.each([
        [{ centers: [], stances: [], linkTypes: [] }, ['a', 'd', 'c', 'u'], 3],
        // a center keeps its sub-centers' people
        [{ centers: ['A'], stances: [], linkTypes: [] }, ['a', 'd', 'u'], 2],
        [{ centers: ['A1'], stances: [], linkTypes: [] }, ['d', 'u'], 1],
        [{ centers: [], stances: ['Champion'], linkTypes: [] }, ['a', 'u'], 1],
        [{ centers: [], stances: [NO_STANCE], linkTypes: [] }, ['c', 'u'], 1],
        [{ centers: ['B'], stances: ['Champion'], linkTypes: [] }, ['u'], 0]
    ])('keeps the people of %j and always our team', (filter, people, count) => {
        const masks = filterMasks(graph, filter);
        expect(kept(masks.nodes)).toEqual(people);
        expect(masks.people).toBe(count);
    });

    it('keeps a link only when both its people are kept and its type is chosen', () => {
        const edgeOf = (from: string, to: string) =>
            graph.edges.findIndex((edge) => edge.from === idx(from) && edge.to === idx(to));
        const all = filterMasks(graph, { centers: [], stances: [], linkTypes: [] });
        expect([...all.edges]).toEqual(graph.edges.map(() => 1));
        const influences = filterMasks(graph, { centers: [], stances: [], linkTypes: ['Influences'] });
        expect(influences.edges[edgeOf('a', 'd')]).toBe(1);
        expect(influences.edges[edgeOf('c', 'd')]).toBe(0);
        expect(influences.edges[edgeOf('u', 'a')]).toBe(0);
        const owners = filterMasks(graph, { centers: [], stances: [], linkTypes: ['Owns Relationship'] });
        expect(owners.edges[edgeOf('u', 'a')]).toBe(1);
        const centerA = filterMasks(graph, { centers: ['A1'], stances: [], linkTypes: [] });
        expect(centerA.edges[edgeOf('a', 'd')]).toBe(0);
    });
});

describe('paths, emphasis and focus', () => {
    const graph = buildRelationshipGraph(small());
    const idx = (id: string) => graph.indexById.get(id)!;

    it('finds the links along a path in either direction, skipping steps without one', () => {
        const path = [idx('u'), idx('a'), idx('d'), idx('c')];
        expect(pathEdges(graph, path).map((e) => graph.edges[e]!.id)).toEqual([null, 'l1', 'l2']);
        expect(pathEdges(graph, [idx('u'), idx('c')])).toEqual([]);
        expect(pathEdges(graph, [idx('a')])).toEqual([]);
    });

    it('brings forward the people and the links among them and along the paths', () => {
        const emphasis = emphasisOf(graph, [idx('a'), idx('d')], [[idx('u'), idx('a')]]);
        expect([...emphasis.nodes]).toEqual(graph.nodes.map((node) => (node.id === 'c' ? 0 : 1)));
        expect(graph.edges.filter((_, e) => emphasis.edges[e]).map((edge) => edge.id)).toEqual(['l1', null]);
    });

    it('focuses a person: their neighbourhood and our ways through them to each decision maker', () => {
        const focus = focusModel(graph, idx('a'));
        expect(focus.neighbours).toBe(2);
        expect(focus.paths).toEqual([{ decisionMaker: 'Dan', way: 'Uma – Ann – Dan' }]);
        expect(focus.emphasis.nodes[idx('c')]).toBe(0);
        expect(focus.emphasis.nodes[idx('u')]).toBe(1);
    });

    it('focuses nobody for an index outside the graph', () => {
        const focus = focusModel(graph, 99);
        expect(focus.neighbours).toBe(0);
        expect(focus.paths).toEqual([]);
    });
});

describe('keyboard and pointer', () => {
    // a plus: 0 centre, 1 right, 2 left, 3 down, 4 up, 5 far right and a little down
    const layout = layoutAt([
        [50, 50],
        [70, 50],
        [30, 50],
        [50, 70],
        [50, 30],
        [90, 60]
    ]);
    const all = new Uint8Array(6).fill(1);

    it.each([
        [0, 'right', 1],
        [0, 'left', 2],
        [0, 'down', 3],
        [0, 'up', 4],
        [1, 'right', 5],
        [5, 'right', 5],
        [-1, 'right', 0]
    ] as const)('from %p %s goes to %p', (from, direction, expected) => {
        expect(nearestInDirection(layout, all, from, direction)).toBe(expected);
    });

    it('skips people the filters hide', () => {
        const kept = Uint8Array.from([1, 0, 1, 1, 1, 1]);
        expect(nearestInDirection(layout, kept, 0, 'right')).toBe(5);
        expect(nearestInDirection(layout, new Uint8Array(6), -1, 'right')).toBe(-1);
    });

    it('finds the kept person nearest a point, and nobody when nobody is kept', () => {
        expect(nearestTo(layout, all, 52, 49)).toBe(0);
        expect(nearestTo(layout, all, 95, 61)).toBe(5);
        expect(nearestTo(layout, Uint8Array.from([0, 1, 1, 1, 1, 1]), 51, 50)).toBe(1);
        expect(nearestTo(layout, new Uint8Array(6), 50, 50)).toBe(-1);
    });

    it('finds the person under a point, with slack, and nobody between people', () => {
        expect(nodeAt(layout, all, 52, 51)).toBe(0);
        expect(nodeAt(layout, all, 60, 50)).toBe(-1);
        expect(nodeAt(layout, all, 62, 50, 4)).toBe(1);
        expect(nodeAt(layout, Uint8Array.from([0, 1, 1, 1, 1, 1]), 50, 50)).toBe(-1);
    });
});

describe('coverage and risks in words', () => {
    it('lists centers and decision makers weakest first, and who holds which relationships', () => {
        const graph = buildRelationshipGraph(small());
        const model = coverageModel(graph, findRisks(graph), COVERAGE_TEXTS);
        expect(model.centers.map((row) => [row.name, row.words, row.status])).toEqual([
            ['Beta', 'none', 'none'],
            ['Alpha', 'one path', 'single'],
            ['Alpha One', 'one path', 'single']
        ]);
        expect(model.decisionMakers.map((row) => [row.name, row.count])).toEqual([['Dan', 1]]);
        expect(model.owners).toEqual([expect.objectContaining({ name: 'Uma', count: 1, holds: 'Ann' })]);
    });

    it('says two or more at once, then the exact count once counted between frames', () => {
        const input = small();
        input.users = [...input.users!, { id: 'v', name: 'Vic' }, { id: 'w', name: 'Wen' }];
        input.links = [
            ...input.links!,
            { id: 'l3', fromId: 'd', toUserId: 'v', type: 'Owns Relationship' },
            { id: 'l4', fromId: 'd', toUserId: 'w', type: 'Owns Relationship' }
        ];
        const graph = buildRelationshipGraph(input);
        const analysis = findRisks(graph);
        const before = coverageModel(graph, analysis, COVERAGE_TEXTS);
        expect(before.decisionMakers[0]).toEqual(
            expect.objectContaining({ name: 'Dan', words: '2+ paths', status: 'covered' })
        );
        const state = startExactCounting(graph, analysis.coverage);
        // Dan and Alpha; Alpha One has only Dan, so all its paths share him: one thread however many reach him
        expect(state.targets).toHaveLength(2);
        // a clock that jumps past the budget after each target: one target per slice
        let clock = 0;
        const slowClock = () => (clock += 10);
        expect(countSome(state, analysis.coverage, 5, slowClock)).toBe(false);
        expect(countSome(state, analysis.coverage, 5, slowClock)).toBe(true);
        const model = coverageModel(graph, analysis, COVERAGE_TEXTS);
        expect(model.decisionMakers[0]).toEqual(
            expect.objectContaining({ name: 'Dan', words: '3 paths', status: 'covered' })
        );
        expect(model.centers.find((row) => row.name === 'Alpha')?.words).toBe('2 paths');
        expect(model.centers.find((row) => row.name === 'Alpha One')?.words).toBe('one path');
        expect(model.owners.map((row) => row.name)).toEqual(['Uma', 'Vic', 'Wen']);
        // nothing left to count: done at once
        expect(countSome(startExactCounting(graph, analysis.coverage), analysis.coverage, 5)).toBe(true);
    });

    it('words Aeronova’s planted risks with the people they name', () => {
        const graph = buildRelationshipGraph(demoGraphInput('AeronovaGroup'));
        const rows = riskRows(graph, findRisks(graph), RISK_TEXTS, 'en-US');
        const words = rows.map((row) => row.words);
        expect(words).toContain('single center Helicopters via Jordan Lee – Jean-Luc Moreau');
        expect(words.find((text) => text.startsWith('leaving Priya'))).toMatch(/loses Rafael Okafor$/);
        expect(words.find((text) => text.startsWith('champion Daniel'))).toBe(
            'champion Daniel Brandt of Brightwave Consulting sways Margaret Osei'
        );
        expect(words).toContain('unreached Ingrid Solberg');
        const detractor = rows.find(
            (row) => row.kind === 'influential-detractor' && row.words.includes('Victor')
        );
        expect(detractor?.people.map((person) => person.name)).toEqual(['Victor Hale']);
        // every row links people that are on the map
        for (const row of rows)
            for (const person of row.people) expect(graph.nodes[person.index]!.name).toBe(person.name);
        expect(new Set(rows.map((row) => row.key)).size).toBe(rows.length);
    });
});

describe('describeNode and linkRowsOf', () => {
    const graph = buildRelationshipGraph(small());
    const idx = (id: string) => graph.indexById.get(id)!;
    const texts = { person: '{0}|{1}|{2}|{3}|{4}', teamMember: '{0} ours {1}', unknown: '?' };

    it('describes people and our users for a screen reader', () => {
        expect(describeNode(graph, idx('d'), texts)).toBe('Dan|?|Neutral|5|2');
        expect(describeNode(graph, idx('c'), texts)).toBe('Cat|?|?|2|1');
        expect(describeNode(graph, idx('u'), texts)).toBe('Uma ours 1');
        expect(describeNode(graph, 42, texts)).toBe('');
    });

    it('lists a person’s links strongest first; an owner field is not editable as a link', () => {
        const rows = linkRowsOf(graph, idx('d'));
        expect(rows.map((row) => [row.otherName, row.outgoing, row.type, row.editable])).toEqual([
            ['Ann', false, 'Influences', true],
            ['Cat', false, 'Collaborates', true]
        ]);
        const ann = linkRowsOf(graph, idx('a'));
        expect(ann.map((row) => [row.otherName, row.outgoing, row.editable])).toEqual([
            ['Dan', true, true],
            ['Uma', false, false]
        ]);
        expect(linkRowsOf(graph, 99)).toEqual([]);
    });
});

describe('a generated network', () => {
    it('keeps every filter mask consistent: a kept link has both people kept', () => {
        let seed = 7;
        const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
        const contacts = Array.from({ length: 120 }, (_, i) => ({
            id: `p${i}`,
            name: `P${i}`,
            stance: ['Champion', 'Neutral', 'Blocker', null][i % 4],
            buyingCenterId: `c${i % 5}`,
            relationshipOwnerId: i % 17 === 0 ? 'u1' : null
        }));
        const links = Array.from({ length: 400 }, (_, i) => ({
            id: `l${i}`,
            fromId: `p${Math.floor(random() * 120)}`,
            toContactId: `p${Math.floor(random() * 120)}`,
            type: ['Influences', 'Mentors', 'Collaborates'][i % 3],
            strength: 1 + Math.floor(random() * 5)
        }));
        const graph = buildRelationshipGraph({
            accountId: 'acc',
            contacts,
            users: [{ id: 'u1', name: 'U' }],
            links,
            buyingCenters: Array.from({ length: 5 }, (_, i) => ({ id: `c${i}`, name: `C${i}` }))
        });
        const layout = layoutRelationshipGraph(graph);
        for (const filter of [
            { centers: ['c1'], stances: [], linkTypes: [] },
            { centers: [], stances: ['Blocker'], linkTypes: ['Mentors'] },
            { centers: ['c2', 'c3'], stances: ['Champion', NO_STANCE], linkTypes: [] }
        ]) {
            const masks = filterMasks(graph, filter);
            const keptLinksWithHiddenEnds = graph.edges.filter(
                (edge, e) => masks.edges[e] && !(masks.nodes[edge.from] && masks.nodes[edge.to])
            );
            expect(keptLinksWithHiddenEnds).toEqual([]);
            // not trivially: every one of these filters keeps some people and some links
            expect(masks.people).toBeGreaterThan(0);
            expect(masks.edges.some((kept) => kept === 1)).toBe(true);
            // the keyboard never lands on a hidden person
            let at = -1;
            const visited: number[] = [];
            for (const direction of ['right', 'down', 'left', 'up', 'right'] as const) {
                at = nearestInDirection(layout, masks.nodes, at, direction);
                visited.push(at);
            }
            expect(visited.filter((index) => index < 0 || !masks.nodes[index])).toEqual([]);
        }
    });
});
