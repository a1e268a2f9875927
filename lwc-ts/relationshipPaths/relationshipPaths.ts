// How many independent ways in we have: the number of paths from our team to a person (or to any person
// of a buying center) that share no person — Menger's theorem makes that a maximum flow once every person
// is split into an in-half and an out-half joined by capacity 1. A super-source feeds every one of our
// users (each also capacity 1: a rep who leaves takes every path that starts with them). Unit capacities
// make each augmenting path (breadth-first, Edmonds–Karp) add one path, and there are at most as many
// paths as users, so a target costs O(users × edges).
import type { RelationshipGraph } from 'c/relationshipGraph';
import type { ReachCuts } from 'c/relationshipCuts';

/** The independent paths to one target: each runs from one of our users to a target person. */
export interface PathSet {
    count: number;
    /** One set of `count` disjoint paths, node indexes from our user to the target person. */
    paths: number[][];
    /**
     * True when `count` is only a floor (quickCoverage's 2 = "two or more", paths not worked out yet).
     * Absent or false: the exact number.
     */
    atLeast?: boolean;
}

export interface Coverage {
    /** Decision maker node index → independent paths to them. */
    decisionMakers: Map<number, PathSet>;
    /** Buying center id → independent paths to any of its people (sub-centers' people included). */
    centers: Map<string, PathSet>;
}

/**
 * A residual network over the reach graph with split nodes; built once, then asked for one target set at
 * a time (the sink's edges are added per question and taken away after).
 */
class FlowNetwork {
    private readonly head: Int32Array;
    private to: number[] = [];
    private cap: number[] = [];
    private original: number[] = [];
    private next: number[] = [];
    private readonly baseEdges: number;
    private readonly baseHead: Int32Array;
    readonly source: number;
    readonly sink: number;
    private readonly users: number;

    constructor(graph: RelationshipGraph) {
        const n = graph.nodes.length;
        this.source = 2 * n;
        this.sink = 2 * n + 1;
        this.head = new Int32Array(2 * n + 2).fill(-1);
        for (let v = 0; v < n; v++) this.add(2 * v, 2 * v + 1);
        this.users = graph.users.length;
        // edges are listed newest first: adding users last to first makes the search try them in order
        for (const user of [...graph.users].reverse()) this.add(this.source, 2 * user);
        graph.reach.forEach((outs, v) => {
            for (const w of outs) this.add(2 * v + 1, 2 * w);
        });
        this.baseEdges = this.to.length;
        this.baseHead = this.head.slice();
    }

    private add(from: number, to: number, capacity = 1): void {
        for (const [a, b, c] of [
            [from, to, capacity],
            [to, from, 0]
        ] as const) {
            this.to.push(b);
            this.cap.push(c);
            this.original.push(c);
            this.next.push(this.head[a]!);
            this.head[a] = this.to.length - 1;
        }
    }

    private reset(): void {
        this.to.length = this.cap.length = this.original.length = this.next.length = this.baseEdges;
        this.head.set(this.baseHead);
        for (let e = 0; e < this.baseEdges; e++) this.cap[e] = this.original[e]!;
    }

    /**
     * @param targets the people a path may end at
     * @param shareEnd true when every path ends at the same person (a decision maker): the paths may all
     *   enter them; false for a group, where two paths ending at one member share that member
     */
    paths(targets: readonly number[], shareEnd: boolean): PathSet {
        this.reset();
        for (const target of new Set(targets)) {
            if (shareEnd) this.add(2 * target, this.sink, this.users);
            else this.add(2 * target + 1, this.sink);
        }
        const size = this.head.length;
        const via = new Int32Array(size);
        let count = 0;
        for (;;) {
            via.fill(-1);
            via[this.source] = -2;
            const queue = [this.source];
            for (let q = 0; q < queue.length && via[this.sink] === -1; q++) {
                const at = queue[q]!;
                for (let e = this.head[at]!; e !== -1; e = this.next[e]!) {
                    const w = this.to[e]!;
                    if (this.cap[e]! > 0 && via[w] === -1) {
                        via[w] = e;
                        queue.push(w);
                    }
                }
            }
            if (via[this.sink] === -1) break;
            for (let at = this.sink; at !== this.source;) {
                const e = via[at]!;
                this.cap[e]!--;
                this.cap[e ^ 1]!++;
                at = this.to[e ^ 1]!;
            }
            count++;
        }
        return { count, paths: this.decompose() };
    }

    /** Walks the flow from the source; unit node capacities keep every walk a simple path. */
    private decompose(): number[][] {
        // a decision maker's sink edge carries several paths, so count what each edge has given out
        const used = new Int32Array(this.to.length);
        const carries = (e: number): boolean =>
            (e & 1) === 0 && this.original[e]! - this.cap[e]! - used[e]! > 0;
        const paths: number[][] = [];
        for (let start = this.head[this.source]!; start !== -1; start = this.next[start]!) {
            if (!carries(start)) continue;
            used[start]++;
            const path: number[] = [];
            let at = this.to[start]!;
            while (at !== this.sink) {
                if (at < this.source && (at & 1) === 0) path.push(at >> 1);
                let step = -1;
                for (let e = this.head[at]!; e !== -1; e = this.next[e]!)
                    if (carries(e)) {
                        step = e;
                        break;
                    }
                if (step === -1) break;
                used[step]++;
                at = this.to[step]!;
            }
            paths.push(path);
        }
        // users in input order, so the drawing does not reshuffle between runs
        return paths.sort((a, b) => a[0]! - b[0]!);
    }
}

/** Independent paths from our team to one person: they may share only that person. */
export function pathsToPerson(graph: RelationshipGraph, person: number): PathSet {
    return new FlowNetwork(graph).paths([person], true);
}

/** Independent paths from our team into a group of people (a buying center): they share nobody. */
export function pathsToGroup(graph: RelationshipGraph, people: readonly number[]): PathSet {
    return new FlowNetwork(graph).paths(people, false);
}

/**
 * Counts exact independent paths one target at a time over one shared network (built once): for a view
 * that works through many targets in slices, between frames.
 */
export class PathCounter {
    private readonly network: FlowNetwork;

    constructor(graph: RelationshipGraph) {
        this.network = new FlowNetwork(graph);
    }

    person(person: number): PathSet {
        return this.network.paths([person], true);
    }

    group(people: readonly number[]): PathSet {
        return this.network.paths(people, false);
    }
}

/** Independent paths to every decision maker and every buying center that has people. */
export function coverage(graph: RelationshipGraph): Coverage {
    const network = new FlowNetwork(graph);
    const decisionMakers = new Map<number, PathSet>();
    for (const person of graph.decisionMakers) decisionMakers.set(person, network.paths([person], true));
    const centers = new Map<string, PathSet>();
    for (const [center, people] of graph.centers)
        if (people.length) centers.set(center, network.paths(people, false));
    return { decisionMakers, centers };
}

/** Breadth-first over our reach from `starts`, never entering `blocked`; -1 = start, -2 = not reached. */
function breadthFirst(graph: RelationshipGraph, starts: readonly number[], blocked?: Uint8Array): Int32Array {
    const parent = new Int32Array(graph.nodes.length).fill(-2);
    const queue: number[] = [];
    for (const start of starts) {
        if (parent[start] !== -2) continue;
        parent[start] = -1;
        queue.push(start);
    }
    for (let q = 0; q < queue.length; q++) {
        const at = queue[q]!;
        for (const next of graph.reach[at]!) {
            if (parent[next] !== -2 || blocked?.[next]) continue;
            parent[next] = at;
            queue.push(next);
        }
    }
    return parent;
}

function pathTo(parent: Int32Array, target: number): number[] | null {
    if (parent[target] === -2) return null;
    const path: number[] = [];
    for (let at = target; at !== -1; at = parent[at]!) path.push(at);
    return path.reverse();
}

/** The shortest way from any of our users to each decision maker we reach (fewest people in between). */
export function shortestPathsToDecisionMakers(graph: RelationshipGraph): Map<number, number[]> {
    const parent = breadthFirst(graph, graph.users);
    const paths = new Map<number, number[]>();
    for (const person of graph.decisionMakers) {
        const path = pathTo(parent, person);
        if (path) paths.set(person, path);
    }
    return paths;
}

/**
 * None, one, or two-or-more independent paths to every decision maker and buying center, without a flow
 * per target. By Menger's theorem a target has a single independent path exactly when someone other than
 * our team as a whole stands on every way to it — when its immediate dominator (relationshipCuts) is a
 * person, not the super-source. A buying center is a virtual target fed by each of its people, whose
 * immediate dominator is the nearest common dominator of the people we reach. One dominator tree answers
 * every target, so risks cost O(people + links) where flows cost O(targets × users × links); the one
 * path drawn for a single thread is the shortest way in. Exact counts above one come from `coverage` or
 * a `PathCounter`.
 */
export function quickCoverage(graph: RelationshipGraph, cuts: ReachCuts): Coverage {
    const { idom } = cuts;
    const depth = new Int32Array(graph.nodes.length).fill(-1);
    const depthOf = (v: number): number => {
        const chain: number[] = [];
        let at = v;
        while (depth[at] === -1 && idom[at]! >= 0) {
            chain.push(at);
            at = idom[at]!;
        }
        if (depth[at] === -1) depth[at] = idom[at] === -1 ? 1 : 0;
        for (let i = chain.length - 1; i >= 0; i--) depth[chain[i]!] = depth[idom[chain[i]!]!]! + 1;
        return depth[v]!;
    };
    // -1 stands for the super-source: our team as a whole
    const meet = (a: number, b: number): number => {
        while (a !== b) {
            if (a === -1 || b === -1) return -1;
            const da = depthOf(a);
            const db = depthOf(b);
            if (da >= db) a = idom[a]!;
            if (db >= da) b = idom[b]!;
        }
        return a;
    };
    const parent = breadthFirst(graph, graph.users);
    const oneWay = (target: number): number[][] => {
        const path = pathTo(parent, target);
        return path ? [path] : [];
    };

    const decisionMakers = new Map<number, PathSet>();
    for (const person of graph.decisionMakers) {
        if (!cuts.reached[person]) decisionMakers.set(person, { count: 0, paths: [] });
        else if (idom[person] === -1) decisionMakers.set(person, { count: 2, paths: [], atLeast: true });
        else decisionMakers.set(person, { count: 1, paths: oneWay(person) });
    }
    const centers = new Map<string, PathSet>();
    for (const [center, people] of graph.centers) {
        if (!people.length) continue;
        const reached = people.filter((person) => cuts.reached[person]);
        if (!reached.length) {
            centers.set(center, { count: 0, paths: [] });
            continue;
        }
        let gate = reached[0]!;
        for (const person of reached) if (gate !== -1) gate = meet(gate, person);
        if (gate === -1) {
            centers.set(center, { count: 2, paths: [], atLeast: true });
            continue;
        }
        // the nearest of its people: the way in everyone of the center we reach hangs on
        let nearest = reached[0]!;
        let shortest = Infinity;
        for (const person of reached) {
            const length = pathTo(parent, person)!.length;
            if (length < shortest) {
                shortest = length;
                nearest = person;
            }
        }
        centers.set(center, { count: 1, paths: oneWay(nearest) });
    }
    return { decisionMakers, centers };
}

export interface FocusView {
    focus: number;
    /** The focused person and everyone within `depth` links of them, any link type, in index order. */
    nodes: number[];
    /** Edge indexes between those people. */
    edges: number[];
    /**
     * Decision maker → a way from our team to them through the focused person: the shortest way to the
     * focus, then the shortest way on that does not double back through it.
     */
    paths: Map<number, number[]>;
}

/** What a focused person connects: their neighbourhood, and the decision makers we reach through them. */
export function focusView(graph: RelationshipGraph, focus: number, depth = 1): FocusView {
    const n = graph.nodes.length;
    if (!Number.isInteger(focus) || focus < 0 || focus >= n)
        return { focus, nodes: [], edges: [], paths: new Map() };
    const distance = new Int32Array(n).fill(-1);
    distance[focus] = 0;
    const queue = [focus];
    for (let q = 0; q < queue.length; q++) {
        const at = queue[q]!;
        if (distance[at]! >= depth) continue;
        for (const e of graph.incident[at]!) {
            const edge = graph.edges[e]!;
            const other = edge.from === at ? edge.to : edge.from;
            if (distance[other] !== -1) continue;
            distance[other] = distance[at]! + 1;
            queue.push(other);
        }
    }
    const nodes = queue.slice().sort((a, b) => a - b);
    const edges: number[] = [];
    graph.edges.forEach((edge, e) => {
        if (distance[edge.from] !== -1 && distance[edge.to] !== -1) edges.push(e);
    });

    const paths = new Map<number, number[]>();
    const way = pathTo(breadthFirst(graph, graph.users), focus);
    if (way) {
        const blocked = new Uint8Array(n);
        for (const person of way) blocked[person] = 1;
        const onward = breadthFirst(graph, [focus], blocked);
        for (const person of graph.decisionMakers) {
            const rest = pathTo(onward, person);
            if (rest) paths.set(person, [...way, ...rest.slice(1)]);
        }
    }
    return { focus, nodes, edges, paths };
}
