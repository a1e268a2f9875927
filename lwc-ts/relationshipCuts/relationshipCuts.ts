// Algorithm: dominators by Cooper, Harvey and Kennedy ("A Simple, Fast Dominance Algorithm", 2001) —
// iterate immediate dominators over reverse postorder until nothing changes, meeting two candidates by
// climbing the postorder numbers. The graph is our reach with one super-source feeding every one of our
// users: a person d dominates p when every way from our team to p passes through d, so d's departure loses
// p — exactly "who would we be cut off from", and with whom. Classic cut vertices of the undirected
// network are not used: they also flag people whose loss only splits parts of the customer we never
// reached, and they do not say who would be lost.
import type { RelationshipGraph } from 'c/relationshipGraph';

/** One person our reach hangs on, and the people we would lose with them. */
export interface Cut {
    person: number;
    /** Node indexes, in index order. */
    lost: number[];
}

export interface ReachCuts {
    /**
     * Immediate dominator of each node: a node index; -1 when only our team as a whole stands before the
     * person (our own users, and anyone reached along two separate ways); -2 when we do not reach them.
     */
    idom: Int32Array;
    /** 1 where our team reaches the node. */
    reached: Uint8Array;
    /** Everyone whose departure loses us someone, most lost first (ties in index order). */
    cuts: Cut[];
}

/** The people our reach hangs on. */
export function findCuts(graph: RelationshipGraph): ReachCuts {
    const n = graph.nodes.length;
    const source = n;
    const successors = (v: number): readonly number[] => (v === source ? graph.users : graph.reach[v]!);

    // postorder by an iterative depth-first walk from the super-source
    const post = new Int32Array(n + 1).fill(-1);
    const order: number[] = [];
    const seen = new Uint8Array(n + 1);
    const stack: number[] = [source];
    const cursor = new Int32Array(n + 1);
    seen[source] = 1;
    while (stack.length) {
        const v = stack[stack.length - 1]!;
        const next = successors(v);
        if (cursor[v]! < next.length) {
            const w = next[cursor[v]!++]!;
            if (!seen[w]) {
                seen[w] = 1;
                stack.push(w);
            }
        } else {
            stack.pop();
            post[v] = order.length;
            order.push(v);
        }
    }
    const predecessors: number[][] = Array.from({ length: n + 1 }, () => []);
    for (const v of order) for (const w of successors(v)) predecessors[w]!.push(v);

    const idom = new Int32Array(n + 1).fill(-1);
    idom[source] = source;
    const meet = (a: number, b: number): number => {
        while (a !== b) {
            while (post[a]! < post[b]!) a = idom[a]!;
            while (post[b]! < post[a]!) b = idom[b]!;
        }
        return a;
    };
    for (let changed = true; changed;) {
        changed = false;
        for (let i = order.length - 2; i >= 0; i--) {
            const v = order[i]!;
            let candidate = -1;
            for (const p of predecessors[v]!) {
                if (idom[p] === -1) continue;
                candidate = candidate === -1 ? p : meet(p, candidate);
            }
            if (candidate !== -1 && idom[v] !== candidate) {
                idom[v] = candidate;
                changed = true;
            }
        }
    }

    const reached = new Uint8Array(n);
    const result = new Int32Array(n).fill(-2);
    for (let v = 0; v < n; v++) {
        if (!seen[v]) continue;
        reached[v] = 1;
        result[v] = idom[v] === source ? -1 : idom[v]!;
    }

    // the dominator tree in preorder makes each person's lost people one contiguous run after them
    const children: number[][] = Array.from({ length: n }, () => []);
    const roots: number[] = [];
    for (let v = 0; v < n; v++) {
        if (result[v] === -1) roots.push(v);
        else if (result[v]! >= 0) children[result[v]!]!.push(v);
    }
    const preorder: number[] = [];
    const end = new Int32Array(n);
    const start = new Int32Array(n);
    const walk: [number, number][] = [];
    for (const root of roots) {
        walk.push([root, 0]);
        start[root] = preorder.length;
        preorder.push(root);
        while (walk.length) {
            const top = walk[walk.length - 1]!;
            const [v, i] = top;
            if (i < children[v]!.length) {
                top[1]++;
                const c = children[v]![i]!;
                start[c] = preorder.length;
                preorder.push(c);
                walk.push([c, 0]);
            } else {
                end[v] = preorder.length;
                walk.pop();
            }
        }
    }
    const cuts: Cut[] = [];
    for (let v = 0; v < n; v++) {
        if (!children[v]!.length) continue;
        cuts.push({ person: v, lost: preorder.slice(start[v]! + 1, end[v]).sort((a, b) => a - b) });
    }
    cuts.sort((a, b) => b.lost.length - a.lost.length || a.person - b.person);
    return { idom: result, reached, cuts };
}
