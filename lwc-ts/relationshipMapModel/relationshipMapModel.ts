// What the relationship map shows, decided without a DOM: the network from the controller's view, which
// people and links the filters keep, what a focused person or a chosen risk brings forward, the coverage
// and risk rows in words, and where the keyboard goes next. The component only wires and paints.
import type { RelationshipMapService_MapView } from '@salesforce/apex/types';
import { buildRelationshipGraph, OWNS_RELATIONSHIP, type RelationshipGraph } from 'c/relationshipGraph';
import { focusView, PathCounter, type Coverage } from 'c/relationshipPaths';
import type { Risk, RiskAnalysis, RiskKind } from 'c/relationshipRisks';
import type { RelationshipLayout } from 'c/relationshipLayout';
import { formatLabel } from 'c/keystoneText';

/** The network of the controller's view; people the view says the user cannot see are counted, not drawn. */
export function graphOf(view: RelationshipMapService_MapView): RelationshipGraph {
    return buildRelationshipGraph({
        accountId: view.accountId,
        contacts: view.people ?? [],
        users: view.users ?? [],
        links: view.links ?? [],
        buyingCenters: view.buyingCenters ?? [],
        hiddenContactIds: view.hiddenContactIds ?? []
    });
}

/** "Influences, Mentors" (an App Builder property) → its values; blank keeps everything. */
export function parseList(text: string | null | undefined): string[] {
    return (text ?? '')
        .split(/[,;]/)
        .map((part) => part.trim())
        .filter(Boolean);
}

export interface MapFilter {
    /** Buying center ids (a center keeps its sub-centers' people); empty keeps everyone. */
    centers: readonly string[];
    stances: readonly string[];
    /** Link types; empty keeps every type. 'Owns Relationship' covers the relationship owners too. */
    linkTypes: readonly string[];
}

/**
 * Joins the people along a way in. Not an arrow: a way in follows ties in either direction, and on the map
 * an arrow means influence.
 */
export const PATH_JOIN = ' – ';

/** Stands for "no stance recorded" in the stance filter. */
export const NO_STANCE = '#none';

export interface Masks {
    nodes: Uint8Array;
    edges: Uint8Array;
    /** How many people the filters keep (our users not counted). */
    people: number;
}

/**
 * Who and what the filters keep. Our users always stay: the map is about how we reach people, and a
 * filter that hid our team would hide every way in.
 */
export function filterMasks(graph: RelationshipGraph, filter: MapFilter): Masks {
    const nodes = new Uint8Array(graph.nodes.length);
    const centers = new Set(filter.centers);
    const inCenter = new Uint8Array(graph.nodes.length);
    for (const center of centers) for (const member of graph.centers.get(center) ?? []) inCenter[member] = 1;
    const stances = new Set(filter.stances);
    let people = 0;
    for (const node of graph.nodes) {
        if (node.kind === 'user') {
            nodes[node.index] = 1;
            continue;
        }
        const centerOk = !centers.size || inCenter[node.index] === 1;
        const stanceOk = !stances.size || stances.has(node.stance ?? NO_STANCE);
        if (centerOk && stanceOk) {
            nodes[node.index] = 1;
            people++;
        }
    }
    const types = new Set(filter.linkTypes);
    const edges = new Uint8Array(graph.edges.length);
    graph.edges.forEach((edge, e) => {
        if (!nodes[edge.from] || !nodes[edge.to]) return;
        if (types.size && !types.has(edge.type)) return;
        edges[e] = 1;
    });
    return { nodes, edges, people };
}

/** The links between consecutive people of a path (either direction), as edge indexes. */
export function pathEdges(graph: RelationshipGraph, path: readonly number[]): number[] {
    const found: number[] = [];
    for (let i = 1; i < path.length; i++) {
        const a = path[i - 1]!;
        const b = path[i]!;
        const edge = graph.incident[a]!.find((e) => {
            const { from, to } = graph.edges[e]!;
            return (from === a && to === b) || (from === b && to === a);
        });
        if (edge !== undefined) found.push(edge);
    }
    return found;
}

export interface Emphasis {
    nodes: Uint8Array;
    edges: Uint8Array;
}

/** People brought forward, with the links among them and along the given paths. */
export function emphasisOf(
    graph: RelationshipGraph,
    people: readonly number[],
    paths: readonly (readonly number[])[] = []
): Emphasis {
    const nodes = new Uint8Array(graph.nodes.length);
    const edges = new Uint8Array(graph.edges.length);
    for (const person of people) nodes[person] = 1;
    for (const path of paths) {
        for (const person of path) nodes[person] = 1;
        for (const edge of pathEdges(graph, path)) edges[edge] = 1;
    }
    graph.edges.forEach((edge, e) => {
        if (people.includes(edge.from) && people.includes(edge.to)) edges[e] = 1;
    });
    return { nodes, edges };
}

export interface FocusModel {
    emphasis: Emphasis;
    /** The decision makers we reach through the focused person, each with the way there in names. */
    paths: { decisionMaker: string; way: string }[];
    neighbours: number;
}

/** A focused person: their neighbourhood, and the ways from our team through them to each decision maker. */
export function focusModel(graph: RelationshipGraph, focus: number): FocusModel {
    const view = focusView(graph, focus);
    const ways = [...view.paths.values()];
    const emphasis = emphasisOf(graph, view.nodes, ways);
    for (const e of view.edges) emphasis.edges[e] = 1;
    return {
        emphasis,
        paths: [...view.paths].map(([person, way]) => ({
            decisionMaker: graph.nodes[person]!.name,
            way: way.map((index) => graph.nodes[index]!.name).join(PATH_JOIN)
        })),
        neighbours: Math.max(0, view.nodes.length - 1)
    };
}

export type Direction = 'left' | 'right' | 'up' | 'down';

/**
 * The person an arrow key moves to: the nearest kept person in that direction, preferring one straight
 * ahead over one far to the side (distance along the arrow plus twice the sideways offset). From nobody,
 * the first kept person. Stays put when nobody lies that way.
 */
export function nearestInDirection(
    layout: RelationshipLayout,
    kept: Uint8Array,
    from: number,
    direction: Direction
): number {
    const n = layout.x.length;
    if (from < 0 || from >= n) {
        for (let i = 0; i < n; i++) if (kept[i]) return i;
        return -1;
    }
    const [dx, dy] = { left: [-1, 0], right: [1, 0], up: [0, -1], down: [0, 1] }[direction] as [
        number,
        number
    ];
    let best = from;
    let bestScore = Infinity;
    for (let i = 0; i < n; i++) {
        if (i === from || !kept[i]) continue;
        const rx = layout.x[i]! - layout.x[from]!;
        const ry = layout.y[i]! - layout.y[from]!;
        const ahead = rx * dx + ry * dy;
        if (ahead <= 0) continue;
        const side = Math.abs(rx * dy - ry * dx);
        const score = ahead + 2 * side;
        if (score < bestScore) {
            bestScore = score;
            best = i;
        }
    }
    return best;
}

/** The kept person nearest a point of the world; -1 when nobody is kept. */
export function nearestTo(layout: RelationshipLayout, kept: Uint8Array, x: number, y: number): number {
    let best = -1;
    let bestDistance = Infinity;
    for (let i = 0; i < layout.x.length; i++) {
        if (!kept[i]) continue;
        const distance = Math.hypot(layout.x[i]! - x, layout.y[i]! - y);
        if (distance < bestDistance) {
            best = i;
            bestDistance = distance;
        }
    }
    return best;
}

/** The kept person under a point of the world (within their disc plus `slack`), the smallest on top; -1 for none. */
export function nodeAt(
    layout: RelationshipLayout,
    kept: Uint8Array,
    x: number,
    y: number,
    slack = 0
): number {
    let best = -1;
    let bestDistance = Infinity;
    for (let i = 0; i < layout.x.length; i++) {
        if (!kept[i]) continue;
        const distance = Math.hypot(layout.x[i]! - x, layout.y[i]! - y);
        if (distance <= layout.radius[i]! + slack && distance < bestDistance) {
            best = i;
            bestDistance = distance;
        }
    }
    return best;
}

export interface CoverageTexts {
    paths: string;
    /** {0} the floor: two or more paths, the exact number still being counted */
    counting: string;
    onePath: string;
    notReached: string;
    noCenter: string;
}

export interface CoverageRow {
    key: string;
    name: string;
    count: number;
    status: 'none' | 'single' | 'covered';
    words: string;
    /** The people to bring forward when the row is chosen. */
    people: number[];
}

export interface OwnerRow {
    key: string;
    userIndex: number;
    name: string;
    count: number;
    /** Who they hold, by name, most influential first. */
    holds: string;
}

export interface CoverageModel {
    centers: CoverageRow[];
    decisionMakers: CoverageRow[];
    owners: OwnerRow[];
}

function coverageRow(
    key: string,
    name: string,
    paths: { count: number; paths: number[][]; atLeast?: boolean },
    people: number[],
    texts: CoverageTexts
): CoverageRow {
    const status = paths.count === 0 ? 'none' : paths.count === 1 ? 'single' : 'covered';
    return {
        key,
        name,
        count: paths.count,
        status,
        words:
            status === 'none'
                ? texts.notReached
                : status === 'single'
                  ? texts.onePath
                  : formatLabel(paths.atLeast ? texts.counting : texts.paths, paths.count),
        people: [...new Set([...people, ...paths.paths.flat()])]
    };
}

/** Coverage in rows: buying centers and decision makers weakest first, then who owns which relationships. */
export function coverageModel(
    graph: RelationshipGraph,
    analysis: RiskAnalysis,
    texts: CoverageTexts
): CoverageModel {
    const byWeakness = (a: CoverageRow, b: CoverageRow) => a.count - b.count || a.name.localeCompare(b.name);
    const centers = [...analysis.coverage.centers].map(([id, paths]) =>
        coverageRow(
            id,
            graph.centerNames.get(id) || texts.noCenter,
            paths,
            graph.centers.get(id) ?? [],
            texts
        )
    );
    const decisionMakers = [...analysis.coverage.decisionMakers].map(([index, paths]) =>
        coverageRow(graph.nodes[index]!.id, graph.nodes[index]!.name, paths, [index], texts)
    );
    const owners: OwnerRow[] = graph.users.map((user) => {
        const held = graph.incident[user]!.map((e) => graph.edges[e]!)
            .filter((edge) => edge.from === user && edge.type === OWNS_RELATIONSHIP)
            .map((edge) => graph.nodes[edge.to]!)
            .sort((a, b) => b.influence - a.influence || a.name.localeCompare(b.name));
        return {
            key: graph.nodes[user]!.id,
            userIndex: user,
            name: graph.nodes[user]!.name,
            count: held.length,
            holds: held.map((node) => node.name).join(', ')
        };
    });
    owners.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    return { centers: centers.sort(byWeakness), decisionMakers: decisionMakers.sort(byWeakness), owners };
}

/** One label template per risk kind; {0} is the subject, {1} and {2} as each kind's comment says. */
export interface RiskTexts {
    /** {0} decision maker */
    'unreached-decision-maker': string;
    /** {0} decision maker, {1} the one way in, by names */
    'single-threaded-decision-maker': string;
    /** {0} person, {1} who loses their only influencer we reach */
    'leaving-without-backup': string;
    /** {0} person: nobody recorded whom they sway, and nobody as influential is reached in their group */
    'leaving-without-backup-group': string;
    /** {0} person, {1} who we would lose */
    'cut-person': string;
    /** {0} buying center */
    'unreached-buying-center': string;
    /** {0} buying center, {1} the one way in */
    'single-threaded-buying-center': string;
    /** {0} person, {1} competitor, {2} the decision makers they sway */
    'competitor-champion': string;
    /** {0} person, {1} competitor: they decide themselves */
    'competitor-champion-deciding': string;
    /** {0} person, {1} stance, {2} influence */
    'influential-detractor': string;
}

export interface RiskPerson {
    key: string;
    index: number;
    name: string;
}

export interface RiskRow {
    key: string;
    kind: RiskKind;
    words: string;
    /** Everyone involved, subject first, to bring forward and to focus one by one. */
    people: RiskPerson[];
}

/**
 * The risks in words, each with the people it involves. Lists of names are joined the way the user's
 * language joins them ("A, B, and C"), which a label cannot say for every length of list.
 */
export function riskRows(
    graph: RelationshipGraph,
    analysis: RiskAnalysis,
    texts: RiskTexts,
    locale?: string
): RiskRow[] {
    const listFormat = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
    const nameOf = (id: string): string => {
        const index = graph.indexById.get(id);
        return index === undefined ? '' : graph.nodes[index]!.name;
    };
    const list = (ids: readonly string[]): string => listFormat.format(ids.map(nameOf));
    return analysis.risks.map((risk, r) => {
        const subject = risk.personId
            ? nameOf(risk.personId)
            : (graph.centerNames.get(risk.centerId ?? '') ?? '');
        return {
            key: `${risk.kind}:${risk.personId ?? risk.centerId}:${r}`,
            kind: risk.kind,
            words: riskWords(risk, subject, list, graph, texts),
            people: risk.people
                .map((id) => ({ id, index: graph.indexById.get(id) }))
                .filter((entry): entry is { id: string; index: number } => entry.index !== undefined)
                .map(({ id, index }) => ({ key: `${r}:${id}`, index, name: graph.nodes[index]!.name }))
        };
    });
}

function riskWords(
    risk: Risk,
    subject: string,
    list: (ids: readonly string[]) => string,
    graph: RelationshipGraph,
    texts: RiskTexts
): string {
    const others = risk.people.slice(1);
    switch (risk.kind) {
        case 'single-threaded-decision-maker':
            // the one way in, from our user to the decision maker
            return formatLabel(
                texts[risk.kind],
                subject,
                [...others, risk.people[0]!].map((id) => list([id])).join(PATH_JOIN)
            );
        case 'single-threaded-buying-center':
            return formatLabel(
                texts[risk.kind],
                subject,
                risk.people.map((id) => list([id])).join(PATH_JOIN)
            );
        case 'leaving-without-backup':
            return risk.lost.length
                ? formatLabel(texts[risk.kind], subject, list(risk.lost))
                : formatLabel(texts['leaving-without-backup-group'], subject);
        case 'cut-person':
            return formatLabel(texts[risk.kind], subject, list(risk.lost));
        case 'competitor-champion':
            return others.length
                ? formatLabel(texts[risk.kind], subject, risk.competitor ?? '', list(others))
                : formatLabel(texts['competitor-champion-deciding'], subject, risk.competitor ?? '');
        case 'influential-detractor': {
            const node = graph.nodes[graph.indexById.get(risk.personId ?? '') ?? -1];
            return formatLabel(texts[risk.kind], subject, node?.stance ?? '', node?.influence ?? 0);
        }
        default:
            return formatLabel(texts[risk.kind], subject);
    }
}

export interface PersonTexts {
    /** {0} name, {1} title, {2} stance, {3} influence, {4} links */
    person: string;
    /** {0} name, {1} links */
    teamMember: string;
    unknown: string;
}

/** What a screen reader hears when the keyboard lands on someone. */
export function describeNode(graph: RelationshipGraph, index: number, texts: PersonTexts): string {
    const node = graph.nodes[index];
    if (!node) return '';
    const links = graph.incident[index]!.length;
    return node.kind === 'user'
        ? formatLabel(texts.teamMember, node.name, links)
        : formatLabel(
              texts.person,
              node.name,
              node.title ?? texts.unknown,
              node.stance ?? texts.unknown,
              node.influence || texts.unknown,
              links
          );
}

export interface LinkRow {
    key: string;
    edgeIndex: number;
    /** The record Id; null for a tie that comes from a relationship owner field (edited on the contact). */
    id: string | null;
    otherIndex: number;
    otherName: string;
    /** True when influence flows from the person out to the other end. */
    outgoing: boolean;
    type: string;
    strength: number | null;
    frequency: string | null;
    editable: boolean;
}

/** The links touching a person, for the side panel: the strongest first. */
export function linkRowsOf(graph: RelationshipGraph, index: number): LinkRow[] {
    return (graph.incident[index] ?? [])
        .map((e) => {
            const edge = graph.edges[e]!;
            const other = edge.from === index ? edge.to : edge.from;
            return {
                key: `${e}`,
                edgeIndex: e,
                id: edge.id,
                otherIndex: other,
                otherName: graph.nodes[other]!.name,
                outgoing: edge.from === index,
                type: edge.type,
                strength: edge.strength,
                frequency: edge.frequency,
                editable: edge.origin === 'link' && edge.id !== null
            };
        })
        .sort((a, b) => (b.strength ?? 0) - (a.strength ?? 0) || a.otherName.localeCompare(b.otherName));
}

/** Where exact counting of independent paths stands: the targets quick coverage left at "two or more". */
export interface ExactCounting {
    counter: PathCounter;
    targets: ({ kind: 'person'; person: number } | { kind: 'center'; center: string; people: number[] })[];
    next: number;
}

export function startExactCounting(graph: RelationshipGraph, coverage: Coverage): ExactCounting {
    const targets: ExactCounting['targets'] = [];
    for (const [person, set] of coverage.decisionMakers)
        if (set.atLeast) targets.push({ kind: 'person', person });
    for (const [center, set] of coverage.centers)
        if (set.atLeast) targets.push({ kind: 'center', center, people: graph.centers.get(center) ?? [] });
    return { counter: new PathCounter(graph), targets, next: 0 };
}

/**
 * Counts exactly as many targets as fit in `budgetMs` (at least one), writing each into `coverage`; true
 * once every target is counted. A flow per target is what a big account cannot afford in one go on the
 * main thread (Lightning Web Security allows no Workers), so the view counts between frames.
 */
export function countSome(
    state: ExactCounting,
    coverage: Coverage,
    budgetMs: number,
    now: () => number = () => performance.now()
): boolean {
    const started = now();
    while (state.next < state.targets.length) {
        const target = state.targets[state.next++]!;
        if (target.kind === 'person')
            coverage.decisionMakers.set(target.person, state.counter.person(target.person));
        else coverage.centers.set(target.center, state.counter.group(target.people));
        if (now() - started >= budgetMs) break;
    }
    return state.next >= state.targets.length;
}
