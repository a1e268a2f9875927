// Test helper (not a test): seeded random networks for the relationship modules' generated cases, and
// brute-force references to check the fast algorithms against on small graphs.
import type { GraphInput, GraphLinkInput, GraphPerson, RelationshipGraph } from 'c/relationshipGraph';

export function seededRandom(seed: number): () => number {
    let state = seed >>> 0 || 1;
    return () => {
        state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
        return state / 4294967296;
    };
}

const TYPES = ['Influences', 'Mentors', 'Dotted Line', 'Collaborates'];
const STANCES = ['Champion', 'Supporter', 'Neutral', 'Detractor', 'Blocker', null];
const ROLES = ['Decision Maker', 'Economic Buyer', 'Influencer', 'User', null];

export interface GeneratedOptions {
    contacts: number;
    users: number;
    /** Links per contact on average. */
    linksPerContact: number;
    /** Share of contacts with a relationship owner. */
    owned: number;
    centers: number;
    seed: number;
}

/** A random account: people in buying centers, some owned by our users, random typed links. */
export function generatedInput(options: GeneratedOptions): GraphInput {
    const random = seededRandom(options.seed);
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
    const users = Array.from({ length: options.users }, (_, u) => ({ id: `u${u}`, name: `User ${u}` }));
    const contacts: GraphPerson[] = Array.from({ length: options.contacts }, (_, c) => ({
        id: `c${c}`,
        name: `Person ${c}`,
        decisionRole: pick(ROLES),
        stance: pick(STANCES),
        influence: 1 + Math.floor(random() * 5),
        relationshipStrength: 1 + Math.floor(random() * 5),
        relationshipOwnerId: users.length && random() < options.owned ? pick(users).id : null,
        buyingCenterId: options.centers ? `b${Math.floor(random() * options.centers)}` : null,
        leaving: random() < 0.05
    }));
    const links: GraphLinkInput[] = [];
    const total = Math.round(options.contacts * options.linksPerContact);
    for (let l = 0; l < total && options.contacts > 1; l++) {
        const from = Math.floor(random() * options.contacts);
        let to = Math.floor(random() * (options.contacts - 1));
        if (to >= from) to++;
        links.push({
            id: `l${l}`,
            fromId: `c${from}`,
            toContactId: `c${to}`,
            type: pick(TYPES),
            strength: 1 + Math.floor(random() * 5),
            frequency: pick(['Weekly', 'Monthly', 'Quarterly', null])
        });
    }
    const buyingCenters = Array.from({ length: options.centers }, (_, b) => ({
        id: `b${b}`,
        name: `Center ${b}`
    }));
    return { contacts, users, links, buyingCenters };
}

/** Nodes reached from our users over `reach`, never entering `removed`. */
export function reachedWithout(graph: RelationshipGraph, removed: number): Set<number> {
    const seen = new Set<number>();
    const queue = graph.users.filter((user) => user !== removed);
    queue.forEach((user) => seen.add(user));
    for (let q = 0; q < queue.length; q++)
        for (const next of graph.reach[queue[q]!]!)
            if (next !== removed && !seen.has(next)) {
                seen.add(next);
                queue.push(next);
            }
    return seen;
}

/** Every simple path over `reach` from one of our users to one of `targets` (small graphs only). */
export function allPaths(graph: RelationshipGraph, targets: ReadonlySet<number>): number[][] {
    const paths: number[][] = [];
    const onPath = new Set<number>();
    const walk = (at: number, path: number[]): void => {
        if (targets.has(at)) {
            paths.push([...path]);
            return;
        }
        for (const next of graph.reach[at]!) {
            if (onPath.has(next)) continue;
            onPath.add(next);
            path.push(next);
            walk(next, path);
            path.pop();
            onPath.delete(next);
        }
    };
    for (const user of graph.users) {
        onPath.add(user);
        walk(user, [user]);
        onPath.delete(user);
    }
    return paths;
}

/**
 * The most paths that pairwise share no person, by trying every choice (exponential: tiny graphs only).
 * With `shareEnd`, the paths' common last person does not count as shared.
 */
export function bruteForceDisjoint(paths: readonly number[][], shareEnd: boolean): number {
    const people = paths.map((path) => (shareEnd ? path.slice(0, -1) : path));
    let best = 0;
    const taken = new Set<number>();
    const choose = (from: number, count: number): void => {
        if (count + (paths.length - from) <= best) return;
        best = Math.max(best, count);
        for (let p = from; p < paths.length; p++) {
            if (people[p]!.some((person) => taken.has(person))) continue;
            people[p]!.forEach((person) => taken.add(person));
            choose(p + 1, count + 1);
            people[p]!.forEach((person) => taken.delete(person));
        }
    };
    choose(0, 0);
    return best;
}
