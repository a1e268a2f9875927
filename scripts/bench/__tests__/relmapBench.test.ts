// The relationship map benchmark's inputs and line, without a browser: both sides must get the same
// network of the promised size, and the line must keep the shape `npm run bench` readers parse. Timings
// are not judged here (they live in the bench output).
import '../../lib/lwcModules';
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { buildRelationshipGraph } from '../../../lwc-ts/relationshipGraph/relationshipGraph';
import { generatedNetwork, LINKS_PER_PERSON, peerElements } from '../relmapData';
import { RELMAP_SIZES, RELMAP_TIMEOUT_MS, relmapLine } from '../relmapBench';

describe('relmap bench', () => {
    it('generates the same network for a seed, with five links per person', () => {
        const first = generatedNetwork(500, 7);
        assert.deepEqual(generatedNetwork(500, 7), first);
        assert.notDeepEqual(generatedNetwork(500, 8), first);
        assert.equal(first.contacts.length, 500);
        const links = first.links!.length;
        // a repeated (person, person, type) draw is skipped rather than duplicated
        assert.ok(links > 0.97 * 500 * LINKS_PER_PERSON && links <= 500 * LINKS_PER_PERSON, `${links} links`);
    });

    it('gives the peer exactly the people and links Keystone draws', () => {
        const input = generatedNetwork(2000, 7);
        const graph = buildRelationshipGraph(input);
        const elements = peerElements(input);
        assert.equal(elements.nodes.length, graph.nodes.length);
        assert.equal(elements.edges.length, graph.edges.length);
        assert.deepEqual(
            Object.values(graph.problems).filter((count) => count > 0),
            [],
            'the generated network has no bad rows'
        );
        const ids = new Set(elements.nodes.map((node) => node.data.id));
        for (const edge of elements.edges) assert.ok(ids.has(edge.data.source) && ids.has(edge.data.target));
    });

    it('measures the sizes the issue names and prints one parseable line per size', () => {
        assert.deepEqual(RELMAP_SIZES, [500, 2000, 5000]);
        const ours = { ms: 120, nodes: 1, edges: 1 };
        assert.equal(
            relmapLine(2000, ours, { ms: 1800, nodes: 1, edges: 1 }),
            'bench relmap n=2000 keystone_ms=120.0 peer_ms=1800.0 ratio=15.00'
        );
        assert.equal(
            relmapLine(5000, ours, 'timeout'),
            `bench relmap n=5000 keystone_ms=120.0 peer_ms=>${RELMAP_TIMEOUT_MS} ratio=>${(RELMAP_TIMEOUT_MS / 120).toFixed(2)}`
        );
        assert.match(
            relmapLine(500, 'timeout', ours),
            /^bench relmap n=500 keystone_ms=>\d+ peer_ms=120\.0 ratio=n\/a$/
        );
    });
});
