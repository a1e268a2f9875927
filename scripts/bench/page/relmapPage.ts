// Runs in the benchmark's Chromium page: lays out and draws one generated relationship network with
// Keystone's modules (graph, risks, layout, drawing plan, canvas) or with cytoscape.js and its default
// force-directed layout (cose), and times each from the data to the first painted frame after the
// layout has settled.
import cytoscape from 'cytoscape';
import { buildRelationshipGraph, type GraphInput } from '../../../lwc-ts/relationshipGraph/relationshipGraph';
import { layoutRelationshipGraph } from '../../../lwc-ts/relationshipLayout/relationshipLayout';
import { fitView, paintPlan, planDrawing } from '../../../lwc-ts/relationshipDraw/relationshipDraw';
import { findRisks } from '../../../lwc-ts/relationshipRisks/relationshipRisks';
import type { PeerElements } from '../relmapData';

export interface RelmapResult {
    ms: number;
    /** What was drawn, so a side that drew nothing cannot pass for fast. */
    nodes: number;
    edges: number;
}

function paintedFrame(): Promise<void> {
    return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

function container(): HTMLElement {
    return document.getElementById('map')!;
}

async function keystone(input: GraphInput): Promise<RelmapResult> {
    const started = performance.now();
    const graph = buildRelationshipGraph(input);
    // the map works out its risks before its first paint (exact path counts come after it, between frames)
    findRisks(graph);
    const layout = layoutRelationshipGraph(graph);
    const plan = planDrawing(graph, layout);
    const box = container();
    const canvas = document.createElement('canvas');
    canvas.width = box.clientWidth * devicePixelRatio;
    canvas.height = box.clientHeight * devicePixelRatio;
    canvas.style.width = `${box.clientWidth}px`;
    canvas.style.height = `${box.clientHeight}px`;
    box.appendChild(canvas);
    paintPlan(canvas.getContext('2d')!, plan, fitView(plan, canvas.width, canvas.height));
    await paintedFrame();
    return { ms: performance.now() - started, nodes: graph.nodes.length, edges: graph.edges.length };
}

async function peer(elements: PeerElements): Promise<RelmapResult> {
    const started = performance.now();
    const cy = cytoscape({ container: container(), elements, layout: { name: 'preset' } });
    await new Promise<void>((resolve) => {
        // animate: false is cose at its fastest: the animated default only adds frames before layoutstop
        const layout = cy.layout({ name: 'cose', animate: false });
        layout.one('layoutstop', () => resolve());
        layout.run();
    });
    await paintedFrame();
    return { ms: performance.now() - started, nodes: cy.nodes().length, edges: cy.edges().length };
}

(window as unknown as { relmapBench: unknown }).relmapBench = { keystone, peer };
