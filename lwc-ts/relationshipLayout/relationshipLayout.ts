// Places the relationship map: every buying center is a disc of its people, discs are packed first
// (largest first, along a golden-angle spiral, our team in the middle), then a bounded number of
// relaxation steps pulls linked people together and pushes crowded ones apart, and the discs, shrunk to
// their people, are packed once more. Repulsion only looks at the
// neighbouring cells of a uniform grid, so a step costs O(people + links) rather than O(people²) — 5,000
// people settle on the main thread (Lightning Web Security allows no Workers) in tens of milliseconds.
// Deterministic: the same graph and seed give the same positions.
import type { RelationshipGraph } from 'c/relationshipGraph';

export interface LayoutOptions {
    /** Distance the layout keeps between two people's centres, in pixels. */
    spacing: number;
    /** Upper bound on relaxation steps; the layout stops earlier once nobody moves more than `settle`. */
    maxSteps: number;
    /** Largest move (pixels) of a step under which the layout counts as settled. */
    settle: number;
    seed: number;
}

export const DEFAULT_LAYOUT: Readonly<LayoutOptions> = { spacing: 44, maxSteps: 40, settle: 0.5, seed: 1 };

/** The group of our own users, drawn in the middle. */
export const TEAM_GROUP = '#team';
/** People with no buying center. */
export const NO_GROUP = '#none';

export interface LayoutGroup {
    /** A top-level buying center id, TEAM_GROUP or NO_GROUP. */
    key: string;
    members: number[];
    x: number;
    y: number;
    radius: number;
}

export interface RelationshipLayout {
    /** Centre of each node, indexed like the graph's nodes. */
    x: Float64Array;
    y: Float64Array;
    /** Node radius from influence (our users a fixed size). */
    radius: Float64Array;
    groups: LayoutGroup[];
    minX: number;
    minY: number;
    maxX: number;
    maxY: number;
    /** Relaxation steps taken. */
    steps: number;
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
/**
 * Share of a link's stretch corrected per step. Weak on purpose: repulsion resolves an overlap in one
 * step, so a strong spring in a densely linked group would crowd its middle faster than people can part.
 */
const SPRING = 0.03;

/** Node radius: 6 px plus 2 per influence point (1–5), so a 5 reads at a glance beside a 1. */
export function nodeRadius(influence: number, isUser: boolean): number {
    return isUser ? 12 : 6 + 2 * Math.max(0, Math.min(5, influence));
}

function seeded(seed: number): () => number {
    let state = seed >>> 0 || 1;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/** Lays out the graph. */
export function layoutRelationshipGraph(
    graph: RelationshipGraph,
    options: LayoutOptions = DEFAULT_LAYOUT
): RelationshipLayout {
    const { nodes } = graph;
    const n = nodes.length;
    const spacing = options.spacing;
    const random = seeded(options.seed);
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    const radius = new Float64Array(n);
    for (const node of nodes) radius[node.index] = nodeRadius(node.influence, node.kind === 'user');

    // groups: our team, then buying centers largest first, then the people without one
    const byKey = new Map<string, number[]>();
    for (const node of nodes) {
        const key = node.kind === 'user' ? TEAM_GROUP : (node.groupId ?? NO_GROUP);
        if (!byKey.has(key)) byKey.set(key, []);
        byKey.get(key)!.push(node.index);
    }
    const groupOf = new Int32Array(n);
    const groups: LayoutGroup[] = [...byKey]
        .map(([key, members]) => ({ key, members, x: 0, y: 0, radius: 0 }))
        .sort(
            (a, b) =>
                Number(b.key === TEAM_GROUP) - Number(a.key === TEAM_GROUP) ||
                Number(a.key === NO_GROUP) - Number(b.key === NO_GROUP) ||
                b.members.length - a.members.length
        );
    // a disc's people start on a sunflower with room to spare (about 1.5 spacing² each, where packing
    // circles `spacing` apart needs 0.87), so the relaxation parts people without widening the disc
    const ring = spacing * 0.7;
    groups.forEach((group, g) => {
        for (const member of group.members) groupOf[member] = g;
        group.radius = ring * Math.sqrt(group.members.length) + spacing;
    });

    packGroups(groups, spacing, random);

    // the most influential at the centre of their disc, where the most links meet
    for (const group of groups) {
        const members = group.members
            .slice()
            .sort((a, b) => nodes[b]!.influence - nodes[a]!.influence || a - b);
        members.forEach((member, k) => {
            const r = ring * Math.sqrt(k + 0.5);
            const angle = k * GOLDEN_ANGLE;
            x[member] = group.x + r * Math.cos(angle) + (random() - 0.5);
            y[member] = group.y + r * Math.sin(angle) + (random() - 0.5);
        });
    }

    const steps = relax(graph, x, y, groupOf, groups, options);
    repack(groups, x, y, radius, options);
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < n; i++) {
        minX = Math.min(minX, x[i]! - radius[i]!);
        minY = Math.min(minY, y[i]! - radius[i]!);
        maxX = Math.max(maxX, x[i]! + radius[i]!);
        maxY = Math.max(maxY, y[i]! + radius[i]!);
    }
    for (const group of groups) {
        minX = Math.min(minX, group.x - group.radius);
        minY = Math.min(minY, group.y - group.radius);
        maxX = Math.max(maxX, group.x + group.radius);
        maxY = Math.max(maxY, group.y + group.radius);
    }
    if (!n) minX = minY = maxX = maxY = 0;
    return { x, y, radius, groups, minX, minY, maxX, maxY, steps };
}

/**
 * The discs were sized for the starting sunflower, and links draw people together: shrink each disc to
 * the people it holds and pack again, moving its people with it, so the map is no wider than it must be.
 */
function repack(
    groups: LayoutGroup[],
    x: Float64Array,
    y: Float64Array,
    radius: Float64Array,
    options: LayoutOptions
): void {
    const before = groups.map((group) => [group.x, group.y] as const);
    for (const group of groups) {
        let extent = 0;
        for (const member of group.members)
            extent = Math.max(
                extent,
                Math.hypot(x[member]! - group.x, y[member]! - group.y) + radius[member]!
            );
        group.radius = extent + options.spacing * 0.5;
    }
    packGroups(groups, options.spacing, seeded(options.seed));
    groups.forEach((group, g) => {
        const dx = group.x - before[g]![0];
        const dy = group.y - before[g]![1];
        for (const member of group.members) {
            x[member] += dx;
            y[member] += dy;
        }
    });
}

/**
 * Packs the discs without overlap: the first at the origin, each next one at the first point of a
 * golden-angle spiral where it touches nothing already placed.
 */
function packGroups(groups: LayoutGroup[], spacing: number, random: () => number): void {
    const gap = spacing;
    const turn = random() * Math.PI * 2;
    for (let g = 0; g < groups.length; g++) {
        const group = groups[g]!;
        if (g === 0) continue;
        const step = Math.max(spacing, group.radius * 0.25);
        for (let t = 1; ; t++) {
            const r = step * Math.sqrt(t) * 1.2;
            const angle = turn + t * GOLDEN_ANGLE;
            const cx = r * Math.cos(angle);
            const cy = r * Math.sin(angle);
            let clear = true;
            for (let h = 0; h < g && clear; h++) {
                const other = groups[h]!;
                const need = other.radius + group.radius + gap;
                const dx = other.x - cx;
                const dy = other.y - cy;
                if (dx * dx + dy * dy < need * need) clear = false;
            }
            if (clear) {
                group.x = cx;
                group.y = cy;
                break;
            }
        }
    }
}

/**
 * Relaxation: links inside a group pull, people closer than `spacing` push apart, and nobody leaves their
 * disc. The largest move shrinks every step (cooling), and the number of steps is bounded.
 */
function relax(
    graph: RelationshipGraph,
    x: Float64Array,
    y: Float64Array,
    groupOf: Int32Array,
    groups: readonly LayoutGroup[],
    options: LayoutOptions
): number {
    const n = graph.nodes.length;
    if (n < 2) return 0;
    const { spacing, maxSteps, settle } = options;
    const fromOf = new Int32Array(graph.edges.length);
    const toOf = new Int32Array(graph.edges.length);
    graph.edges.forEach((edge, e) => {
        fromOf[e] = edge.from;
        toOf[e] = edge.to;
    });
    const dx = new Float64Array(n);
    const dy = new Float64Array(n);
    const cell = spacing;
    const nextInCell = new Int32Array(n);
    const linkLength = spacing * 1.2;
    let steps = 0;
    for (let step = 0; step < maxSteps; step++) {
        steps++;
        dx.fill(0);
        dy.fill(0);
        // springs
        for (let e = 0; e < fromOf.length; e++) {
            const a = fromOf[e]!;
            const b = toOf[e]!;
            // across groups the discs' placement speaks; a pull there would only pile people on the rim
            if (groupOf[a] !== groupOf[b]) continue;
            const vx = x[b]! - x[a]!;
            const vy = y[b]! - y[a]!;
            const d = Math.sqrt(vx * vx + vy * vy) || 1;
            const pull = ((d - linkLength) / d) * SPRING;
            dx[a] += vx * pull;
            dy[a] += vy * pull;
            dx[b] -= vx * pull;
            dy[b] -= vy * pull;
        }
        // repulsion through the grid: only pairs closer than one cell can push
        let minX = Infinity;
        let minY = Infinity;
        let maxX = -Infinity;
        let maxY = -Infinity;
        for (let i = 0; i < n; i++) {
            if (x[i]! < minX) minX = x[i]!;
            if (y[i]! < minY) minY = y[i]!;
            if (x[i]! > maxX) maxX = x[i]!;
            if (y[i]! > maxY) maxY = y[i]!;
        }
        const columns = Math.floor((maxX - minX) / cell) + 1;
        const rows = Math.floor((maxY - minY) / cell) + 1;
        // a spread-out layout would need a huge grid: hash cells into a table sized by the people instead
        const tableSize = Math.min(columns * rows, 4 * n + 1);
        const head = new Int32Array(tableSize).fill(-1);
        const cellX = new Int32Array(n);
        const cellY = new Int32Array(n);
        const slot = (cx: number, cy: number): number =>
            (((cy * columns + cx) % tableSize) + tableSize) % tableSize;
        for (let i = 0; i < n; i++) {
            cellX[i] = Math.floor((x[i]! - minX) / cell);
            cellY[i] = Math.floor((y[i]! - minY) / cell);
            const s = slot(cellX[i]!, cellY[i]!);
            nextInCell[i] = head[s]!;
            head[s] = i;
        }
        const minDistance2 = spacing * spacing;
        for (let i = 0; i < n; i++) {
            const cx = cellX[i]!;
            const cy = cellY[i]!;
            for (let oy = -1; oy <= 1; oy++) {
                for (let ox = -1; ox <= 1; ox++) {
                    const nx = cx + ox;
                    const ny = cy + oy;
                    if (nx < 0 || ny < 0 || nx >= columns || ny >= rows) continue;
                    for (let j = head[slot(nx, ny)]!; j !== -1; j = nextInCell[j]!) {
                        // each pair once; a hashed slot may hold other cells' people, who are too far anyway
                        if (j <= i) continue;
                        const vx = x[j]! - x[i]!;
                        const vy = y[j]! - y[i]!;
                        const d2 = vx * vx + vy * vy;
                        if (d2 >= minDistance2) continue;
                        const d = Math.sqrt(d2);
                        if (d < 1e-6) {
                            // two on one spot: part them along a direction fixed by their indexes
                            const angle = (i * 7 + j * 13) % 360;
                            dx[i] -= Math.cos(angle) * spacing * 0.25;
                            dy[i] -= Math.sin(angle) * spacing * 0.25;
                            dx[j] += Math.cos(angle) * spacing * 0.25;
                            dy[j] += Math.sin(angle) * spacing * 0.25;
                            continue;
                        }
                        const push = ((spacing - d) / d) * 0.5;
                        dx[i] -= vx * push;
                        dy[i] -= vy * push;
                        dx[j] += vx * push;
                        dy[j] += vy * push;
                    }
                }
            }
        }
        const cap = spacing * 0.5 * (1 - step / maxSteps) + settle;
        let largest = 0;
        for (let i = 0; i < n; i++) {
            let mx = dx[i]!;
            let my = dy[i]!;
            const m = Math.sqrt(mx * mx + my * my);
            if (m > cap) {
                mx *= cap / m;
                my *= cap / m;
            }
            // stay in your disc: a hard limit, so pressure from inside spreads people along its rim
            let px = x[i]! + mx;
            let py = y[i]! + my;
            const group = groups[groupOf[i]!]!;
            const vx = px - group.x;
            const vy = py - group.y;
            const d = Math.sqrt(vx * vx + vy * vy);
            const limit = Math.max(0, group.radius - spacing * 0.5);
            if (d > limit) {
                px = group.x + (vx / d) * limit;
                py = group.y + (vy / d) * limit;
            }
            x[i] = px;
            y[i] = py;
            if (m > largest) largest = Math.min(m, cap);
        }
        if (largest < settle) break;
    }
    return steps;
}
