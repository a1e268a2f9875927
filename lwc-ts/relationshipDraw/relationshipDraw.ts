// What the relationship map draws, decided once per layout: each link's thickness (strength), dash
// (infrequent contact) and arrow (direction of influence), each person's size (influence) and colour
// (stance). Links and people are batched by style, so painting thousands of them is a handful of canvas
// paths rather than one state change per shape.
import type { RelationshipGraph } from 'c/relationshipGraph';
import { NO_GROUP, TEAM_GROUP, type RelationshipLayout } from 'c/relationshipLayout';

/** Stance → fill. Our users are drawn in the team colour. */
export const STANCE_COLOURS: Readonly<Record<string, string>> = {
    Champion: '#2e844a',
    Supporter: '#91db8b',
    Neutral: '#aeaeae',
    Detractor: '#fe9339',
    Blocker: '#ea001e'
};
/** No stance recorded: a hollow disc, so it never reads as someone a filter or a focus faded. */
export const UNKNOWN_STANCE_COLOUR = '#ffffff';
export const UNKNOWN_STANCE_OUTLINE = '#706e6b';
export const TEAM_COLOUR = '#0176d3';
const LINK_COLOUR = '#706e6b';
/** A tie too weak to count as a way in is drawn, but fainter. */
const WEAK_LINK_COLOUR = '#c9c7c5';
const OWNER_LINK_COLOUR = '#1b96ff';
const GROUP_FILL = 'rgba(1, 118, 211, 0.05)';
const GROUP_STROKE = 'rgba(1, 118, 211, 0.25)';

/**
 * Below this zoom a link is a hairline and a person a few pixels: dashes and arrowheads cannot be told
 * apart there, and stroking thousands of dashed segments is most of a frame's cost, so they are drawn from
 * this zoom on (the map opens fitted, often below it, and shows them as soon as the user zooms in).
 */
export const DETAIL_SCALE = 0.5;
/** A person smaller than this on screen (pixels of radius) is drawn as a square: same look, cheaper. */
const ROUND_FROM_PX = 2;

/** Frequencies at which two people are rarely in touch: their link is dashed. */
export const INFREQUENT: ReadonlySet<string> = new Set(['Quarterly', 'Yearly', 'Rarely']);

/** Line width for a strength 1–5; unknown strength draws as a middling tie. */
export function linkWidth(strength: number | null): number {
    return strength === null ? 1.5 : 0.5 + 0.6 * strength;
}

export interface EdgeBatch {
    colour: string;
    width: number;
    dashed: boolean;
    /** 1 for what the map is about; less for what a focus or a risk leaves in the background. */
    alpha: number;
    /** x1, y1, x2, y2 per link, trimmed to the people's rims. */
    segments: Float64Array;
    /** tip x, tip y, angle per directed link. */
    arrows: Float64Array;
}

export interface NodeBatch {
    fill: string;
    /** A ring drawn at every zoom (people with no stance recorded). */
    outline: string | null;
    alpha: number;
    /** x, y, r per person. */
    circles: Float64Array;
}

export interface GroupShape {
    key: string;
    /** The buying center's name ('' for our team and for people without one: the legend names those). */
    name: string;
    x: number;
    y: number;
    radius: number;
}

export interface NodeLabel {
    index: number;
    text: string;
    /** Named even on the whole-account view: our users, decision makers and influential people. */
    important: boolean;
    x: number;
    y: number;
    radius: number;
}

export interface DrawingPlan {
    edges: EdgeBatch[];
    nodes: NodeBatch[];
    groups: GroupShape[];
    /** Names under people, painted from DETAIL_SCALE on (and always in an export). */
    labels: NodeLabel[];
    /** The person the keyboard or a click is on: a ring around them. */
    selected: { x: number; y: number; radius: number } | null;
    minX: number;
    minY: number;
    maxX: number;
    maxY: number;
}

export interface PlanOptions {
    /** 1 for a person the filters keep; absent keeps everyone. */
    nodes?: Uint8Array | null;
    /** 1 for a link the filters keep (both its people kept too); absent keeps every link. */
    edges?: Uint8Array | null;
    /** What stands out (a focused person's neighbourhood, a risk's people); the rest is drawn faint. */
    emphasis?: { nodes: Uint8Array; edges: Uint8Array } | null;
    /** Draw reporting lines as a faint layer under the links. */
    reportingLines?: boolean;
    selected?: number | null;
    /** Titles of the two groups that are not buying centers. */
    groupNames?: { team: string; none: string };
}

/** Influence from which a person is named on the whole-account view (the risks' "influential"). */
const IMPORTANT_INFLUENCE = 4;
/** At most this many names on the whole-account view: past it they would only cover each other. */
const OVERVIEW_LABELS = 150;

/** How much of a shape shows when something else is emphasised: still there, clearly behind. */
export const FAINT = 0.15;
const REPORTING_COLOUR = '#c9c7c5';
const TEXT_COLOUR = '#181818';

/** Batches the graph's links and people by style at their laid-out positions. */
export function planDrawing(
    graph: RelationshipGraph,
    layout: RelationshipLayout,
    options: PlanOptions = {}
): DrawingPlan {
    const { x, y, radius } = layout;
    const shown = options.nodes ?? null;
    const shownEdges = options.edges ?? null;
    const emphasis = options.emphasis ?? null;
    const edgeGroups = new Map<
        string,
        {
            colour: string;
            width: number;
            dashed: boolean;
            alpha: number;
            segments: number[];
            arrows: number[];
        }
    >();
    const batchOf = (colour: string, width: number, dashed: boolean, alpha: number) => {
        const key = `${colour}|${width}|${dashed}|${alpha}`;
        let batch = edgeGroups.get(key);
        if (!batch) {
            batch = { colour, width, dashed, alpha, segments: [], arrows: [] };
            edgeGroups.set(key, batch);
        }
        return batch;
    };
    if (options.reportingLines) {
        const lines = batchOf(REPORTING_COLOUR, 1, false, emphasis ? FAINT : 1);
        for (const node of graph.nodes) {
            const manager = node.reportsToId === null ? undefined : graph.indexById.get(node.reportsToId);
            if (manager === undefined || graph.nodes[manager]!.kind !== 'contact') continue;
            if (shown && (!shown[node.index] || !shown[manager])) continue;
            lines.segments.push(x[manager]!, y[manager]!, x[node.index]!, y[node.index]!);
        }
    }
    graph.edges.forEach((edge, e) => {
        if (shownEdges && !shownEdges[e]) return;
        if (shown && (!shown[edge.from] || !shown[edge.to])) return;
        const colour =
            edge.origin === 'owner' || graph.nodes[edge.from]!.kind === 'user'
                ? OWNER_LINK_COLOUR
                : edge.reach
                  ? LINK_COLOUR
                  : WEAK_LINK_COLOUR;
        const dashed = edge.frequency !== null && INFREQUENT.has(edge.frequency);
        const batch = batchOf(
            colour,
            linkWidth(edge.strength),
            dashed,
            emphasis && !emphasis.edges[e] ? FAINT : 1
        );
        const ax = x[edge.from]!;
        const ay = y[edge.from]!;
        const bx = x[edge.to]!;
        const by = y[edge.to]!;
        const length = Math.hypot(bx - ax, by - ay) || 1;
        const ux = (bx - ax) / length;
        const uy = (by - ay) / length;
        const ra = radius[edge.from]!;
        const rb = radius[edge.to]!;
        batch.segments.push(ax + ux * ra, ay + uy * ra, bx - ux * rb, by - uy * rb);
        if (edge.directed) batch.arrows.push(bx - ux * rb, by - uy * rb, Math.atan2(uy, ux));
    });
    const nodeGroups = new Map<
        string,
        { fill: string; outline: string | null; alpha: number; circles: number[] }
    >();
    const labels: NodeLabel[] = [];
    for (const node of graph.nodes) {
        if (shown && !shown[node.index]) continue;
        const fill =
            node.kind === 'user'
                ? TEAM_COLOUR
                : ((node.stance && STANCE_COLOURS[node.stance]) ?? UNKNOWN_STANCE_COLOUR);
        const faint = !!emphasis && !emphasis.nodes[node.index];
        const alpha = faint ? FAINT : 1;
        const key = `${fill}|${alpha}`;
        const outline = fill === UNKNOWN_STANCE_COLOUR ? UNKNOWN_STANCE_OUTLINE : null;
        if (!nodeGroups.has(key)) nodeGroups.set(key, { fill, outline, alpha, circles: [] });
        nodeGroups.get(key)!.circles.push(x[node.index]!, y[node.index]!, radius[node.index]!);
        if (!faint)
            labels.push({
                index: node.index,
                text: node.name,
                important:
                    node.kind === 'user' || node.isDecisionMaker || node.influence >= IMPORTANT_INFLUENCE,
                x: x[node.index]!,
                y: y[node.index]!,
                radius: radius[node.index]!
            });
    }
    const selected = options.selected;
    return {
        edges: [...edgeGroups.values()]
            .filter((batch) => batch.segments.length)
            .map((batch) => ({
                ...batch,
                segments: Float64Array.from(batch.segments),
                arrows: Float64Array.from(batch.arrows)
            })),
        nodes: [...nodeGroups.values()].map((batch) => ({
            ...batch,
            circles: Float64Array.from(batch.circles)
        })),
        groups: layout.groups.map((group) => ({
            key: group.key,
            name:
                graph.centerNames.get(group.key) ??
                (group.key === TEAM_GROUP
                    ? (options.groupNames?.team ?? '')
                    : group.key === NO_GROUP
                      ? (options.groupNames?.none ?? '')
                      : ''),
            x: group.x,
            y: group.y,
            radius: group.radius
        })),
        labels,
        selected:
            selected === null || selected === undefined || selected < 0 || selected >= graph.nodes.length
                ? null
                : { x: x[selected]!, y: y[selected]!, radius: radius[selected]! },
        minX: layout.minX,
        minY: layout.minY,
        maxX: layout.maxX,
        maxY: layout.maxY
    };
}

export interface View {
    scale: number;
    /** Screen position of world (0, 0). */
    tx: number;
    ty: number;
}

/** The view that fits the whole plan in a width × height box with a margin. */
export function fitView(plan: DrawingPlan, width: number, height: number, margin = 16): View {
    const worldWidth = Math.max(1, plan.maxX - plan.minX);
    const worldHeight = Math.max(1, plan.maxY - plan.minY);
    const scale = Math.max(
        1e-3,
        Math.min((width - 2 * margin) / worldWidth, (height - 2 * margin) / worldHeight, 2)
    );
    return {
        scale,
        tx: (width - worldWidth * scale) / 2 - plan.minX * scale,
        ty: (height - worldHeight * scale) / 2 - plan.minY * scale
    };
}

/** A name is painted from this zoom on: below it the letters would be smaller than 6 px. */
export const LABEL_SCALE = 0.75;
const LABEL_FONT_PX = 10;
const GROUP_FONT_PX = 11;

/** Paints the plan on a 2D canvas context (cleared first) through `view`. */
export function paintPlan(context: CanvasRenderingContext2D, plan: DrawingPlan, view: View): void {
    const { canvas } = context;
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, canvas.width, canvas.height);
    context.setTransform(view.scale, 0, 0, view.scale, view.tx, view.ty);
    context.globalAlpha = 1;

    context.beginPath();
    for (const group of plan.groups) {
        context.moveTo(group.x + group.radius, group.y);
        context.arc(group.x, group.y, group.radius, 0, Math.PI * 2);
    }
    context.fillStyle = GROUP_FILL;
    context.fill();
    context.strokeStyle = GROUP_STROKE;
    context.lineWidth = 1 / view.scale;
    context.stroke();

    const detail = view.scale >= DETAIL_SCALE;
    // only what is on screen: zoomed in, most of a big account lies outside, and a dashed line costs its
    // dashes along its whole length wherever it is
    const left = -view.tx / view.scale;
    const top = -view.ty / view.scale;
    const right = left + canvas.width / view.scale;
    const bottom = top + canvas.height / view.scale;
    const outside = (x1: number, y1: number, x2: number, y2: number): boolean =>
        (x1 < left && x2 < left) ||
        (x1 > right && x2 > right) ||
        (y1 < top && y2 < top) ||
        (y1 > bottom && y2 > bottom);
    for (const batch of plan.edges) {
        context.globalAlpha = batch.alpha;
        context.strokeStyle = batch.colour;
        context.lineWidth = batch.width;
        context.setLineDash(batch.dashed && detail ? [4, 3] : []);
        context.beginPath();
        const s = batch.segments;
        for (let i = 0; i < s.length; i += 4) {
            if (outside(s[i]!, s[i + 1]!, s[i + 2]!, s[i + 3]!)) continue;
            context.moveTo(s[i]!, s[i + 1]!);
            context.lineTo(s[i + 2]!, s[i + 3]!);
        }
        context.stroke();
        if (!batch.arrows.length || !detail) continue;
        context.setLineDash([]);
        context.fillStyle = batch.colour;
        context.beginPath();
        const a = batch.arrows;
        for (let i = 0; i < a.length; i += 3) {
            if (outside(a[i]!, a[i + 1]!, a[i]!, a[i + 1]!)) continue;
            arrowPath(context, a[i]!, a[i + 1]!, a[i + 2]!, batch.width);
        }
        context.fill();
    }
    context.setLineDash([]);

    context.strokeStyle = '#ffffff';
    context.lineWidth = 1;
    for (const batch of plan.nodes) {
        context.globalAlpha = batch.alpha;
        context.fillStyle = batch.fill;
        context.beginPath();
        const c = batch.circles;
        for (let i = 0; i < c.length; i += 3) {
            const r = c[i + 2]!;
            if (outside(c[i]! - r, c[i + 1]! - r, c[i]! + r, c[i + 1]! + r)) continue;
            if (r * view.scale < ROUND_FROM_PX) {
                context.rect(c[i]! - r, c[i + 1]! - r, 2 * r, 2 * r);
                continue;
            }
            context.moveTo(c[i]! + r, c[i + 1]!);
            context.arc(c[i]!, c[i + 1]!, r, 0, Math.PI * 2);
        }
        context.fill();
        if (batch.outline) {
            context.strokeStyle = batch.outline;
            context.lineWidth = 1.5 / Math.max(view.scale, 0.5);
            context.stroke();
            context.strokeStyle = '#ffffff';
            context.lineWidth = 1;
        } else if (detail) context.stroke();
    }
    context.globalAlpha = 1;

    if (plan.selected) {
        const { x, y, radius } = plan.selected;
        context.strokeStyle = TEXT_COLOUR;
        context.lineWidth = 2.5 / view.scale;
        context.beginPath();
        context.arc(x, y, radius + 4 / view.scale, 0, Math.PI * 2);
        context.stroke();
    }

    // the buying centers' names at every zoom, at a readable size on screen
    context.fillStyle = TEXT_COLOUR;
    context.textAlign = 'center';
    context.textBaseline = 'top';
    context.font = `bold ${GROUP_FONT_PX / view.scale}px sans-serif`;
    for (const group of plan.groups) {
        if (group.name) context.fillText(group.name, group.x, group.y - group.radius + 4 / view.scale);
    }
    // names: everyone on screen once they are readable; before that, the people who matter most
    const everyone = view.scale >= LABEL_SCALE;
    const size = everyone ? LABEL_FONT_PX : LABEL_FONT_PX / view.scale;
    context.font = `${size}px sans-serif`;
    let named = 0;
    for (const label of plan.labels) {
        if (!everyone && (!label.important || named >= OVERVIEW_LABELS)) continue;
        if (label.x < left || label.x > right || label.y < top || label.y > bottom) continue;
        named++;
        context.fillText(label.text, label.x, label.y + label.radius + 2 / Math.min(1, view.scale));
    }
}

/** An arrowhead whose tip touches the person, pointing along `angle`. */
function arrowPath(
    context: CanvasRenderingContext2D,
    tipX: number,
    tipY: number,
    angle: number,
    width: number
): void {
    const [ax, ay, bx, by, cx, cy] = arrowPoints(tipX, tipY, angle, width) as [
        number,
        number,
        number,
        number,
        number,
        number
    ];
    context.moveTo(ax, ay);
    context.lineTo(bx, by);
    context.lineTo(cx, cy);
    context.closePath();
}

/** The arrowhead's three corners, for the SVG export (the same shape the canvas paints). */
export function arrowPoints(tipX: number, tipY: number, angle: number, width: number): number[] {
    const size = 4 + width;
    return [
        tipX,
        tipY,
        tipX - size * Math.cos(angle - 0.45),
        tipY - size * Math.sin(angle - 0.45),
        tipX - size * Math.cos(angle + 0.45),
        tipY - size * Math.sin(angle + 0.45)
    ];
}

export { GROUP_FILL, GROUP_STROKE, TEXT_COLOUR };
