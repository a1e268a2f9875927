import { buildRelationshipGraph, type GraphInput } from 'c/relationshipGraph';
import { layoutRelationshipGraph } from 'c/relationshipLayout';
import {
    fitView,
    linkWidth,
    paintPlan,
    planDrawing,
    DETAIL_SCALE,
    STANCE_COLOURS,
    TEAM_COLOUR,
    UNKNOWN_STANCE_COLOUR,
    type DrawingPlan
} from 'c/relationshipDraw';

const input: GraphInput = {
    contacts: [
        { id: 'a', stance: 'Champion', influence: 5, relationshipOwnerId: 'u1' },
        { id: 'b', stance: 'Blocker', influence: 1 },
        { id: 'c', stance: null },
        { id: 'd', stance: 'Champion' }
    ],
    users: [{ id: 'u1' }],
    links: [
        { fromId: 'a', toContactId: 'b', type: 'Influences', strength: 5, frequency: 'Weekly' },
        { fromId: 'b', toContactId: 'c', type: 'Collaborates', strength: 1, frequency: 'Quarterly' },
        { fromId: 'c', toContactId: 'd', type: 'Mentors', strength: 5, frequency: 'Monthly' }
    ]
};

function plan(): DrawingPlan {
    const graph = buildRelationshipGraph(input);
    return planDrawing(graph, layoutRelationshipGraph(graph));
}

describe('planDrawing', () => {
    it('batches people by stance colour, our users in the team colour', () => {
        const { nodes } = plan();
        expect(nodes.map((batch) => [batch.fill, batch.circles.length / 3])).toEqual([
            [STANCE_COLOURS.Champion, 2],
            [STANCE_COLOURS.Blocker, 1],
            [UNKNOWN_STANCE_COLOUR, 1],
            [TEAM_COLOUR, 1]
        ]);
    });

    it('batches links by width (strength) and dash (infrequent), with arrows only where influence has a direction', () => {
        const { edges } = plan();
        const shapes = edges.map((batch) => ({
            width: batch.width,
            dashed: batch.dashed,
            links: batch.segments.length / 4,
            arrows: batch.arrows.length / 3
        }));
        expect(shapes).toEqual([
            { width: linkWidth(5), dashed: false, links: 2, arrows: 2 },
            { width: linkWidth(1), dashed: true, links: 1, arrows: 0 },
            { width: linkWidth(null), dashed: false, links: 1, arrows: 1 }
        ]);
        expect(edges[1]!.colour).not.toBe(edges[0]!.colour);
    });

    it('ends links at the people’s rims, not their centres', () => {
        const graph = buildRelationshipGraph(input);
        const layout = layoutRelationshipGraph(graph);
        const [first] = planDrawing(graph, layout).edges;
        const [x1, y1] = [first!.segments[0]!, first!.segments[1]!];
        expect(Math.hypot(x1 - layout.x[0]!, y1 - layout.y[0]!)).toBeCloseTo(layout.radius[0]!, 6);
    });

    it('fits the whole plan in the box', () => {
        const drawing = plan();
        const view = fitView(drawing, 800, 600);
        const left = drawing.minX * view.scale + view.tx;
        const right = drawing.maxX * view.scale + view.tx;
        const top = drawing.minY * view.scale + view.ty;
        const bottom = drawing.maxY * view.scale + view.ty;
        expect(left).toBeGreaterThanOrEqual(15.99);
        expect(right).toBeLessThanOrEqual(784.01);
        expect(top).toBeGreaterThanOrEqual(15.99);
        expect(bottom).toBeLessThanOrEqual(584.01);
    });

    it('paints with one path per batch, whatever the number of links and people', () => {
        const { calls, context } = recordingContext();
        const drawing = plan();
        paintPlan(context, drawing, fitView(drawing, 800, 600));
        const batches = drawing.edges.length + drawing.nodes.length;
        const arrowBatches = drawing.edges.filter((batch) => batch.arrows.length).length;
        expect(calls.beginPath).toBe(1 + batches + arrowBatches);
        expect(calls.arc).toBe(drawing.groups.length + 5);
        expect(calls.clearRect).toBe(1);
    });

    it('leaves out dashes and arrowheads and squares the people when zoomed out too far to see them', () => {
        const drawing = plan();
        const near = recordingContext();
        paintPlan(near.context, drawing, { scale: DETAIL_SCALE, tx: 0, ty: 0 });
        expect(near.dashes.some((dash) => dash.length > 0)).toBe(true);
        const far = recordingContext();
        paintPlan(far.context, drawing, { scale: 0.05, tx: 0, ty: 0 });
        expect(far.dashes.every((dash) => dash.length === 0)).toBe(true);
        expect(far.calls.beginPath).toBe(1 + drawing.edges.length + drawing.nodes.length);
        expect(far.calls.rect).toBe(5);
        expect(far.calls.arc).toBe(drawing.groups.length);
    });
});

/** A 2D context that counts each call and keeps the dash patterns it was given. */
function recordingContext(): {
    calls: Record<string, number>;
    dashes: number[][];
    context: CanvasRenderingContext2D;
} {
    const calls: Record<string, number> = {};
    const dashes: number[][] = [];
    const target = { canvas: { width: 800, height: 600 } } as unknown as Record<string, unknown>;
    const context = new Proxy(target, {
        get(object, key: string): unknown {
            if (key in object) return object[key];
            return (...args: unknown[]): void => {
                calls[key] = (calls[key] ?? 0) + 1;
                if (key === 'setLineDash') dashes.push(args[0] as number[]);
            };
        },
        set: () => true
    }) as unknown as CanvasRenderingContext2D;
    return { calls, dashes, context };
}
