// The risks a KAM must see on the relationship map, each naming the people involved so the map can
// highlight them: decision makers and buying centers we reach through one path or none, the people our
// reach hangs on (and who we would lose with them), a leaving influencer nobody backs up, powerful
// detractors, and competitor champions who have a decision maker's ear. Supersedes the org chart's four
// coverage gaps, which only looked at owners and strengths, not at the network.
import type { RelationshipGraph } from 'c/relationshipGraph';
import { quickCoverage, type Coverage } from 'c/relationshipPaths';
import { findCuts, type ReachCuts } from 'c/relationshipCuts';

export type RiskKind =
    | 'unreached-decision-maker'
    | 'single-threaded-decision-maker'
    | 'unreached-buying-center'
    | 'single-threaded-buying-center'
    | 'cut-person'
    | 'leaving-without-backup'
    | 'influential-detractor'
    | 'competitor-champion';

/**
 * The order the risks list shows kinds in: what a rep must act on this week first — an influencer about
 * to leave, a decision maker nobody reaches, a competitor's champion or a powerful detractor — then the
 * structural weaknesses (who our reach hangs on, single threads), which the coverage lists show as well.
 */
export const RISK_ORDER: readonly RiskKind[] = [
    'leaving-without-backup',
    'unreached-decision-maker',
    'competitor-champion',
    'influential-detractor',
    'cut-person',
    'single-threaded-decision-maker',
    'unreached-buying-center',
    'single-threaded-buying-center'
];

export interface Risk {
    kind: RiskKind;
    /** The person the risk is about; null for a buying center's. */
    personId: string | null;
    /** The buying center the risk is about; null for a person's. */
    centerId: string | null;
    /**
     * Everyone involved, the subject first: the one path's people (from our user on), the people lost,
     * the people left without an influencer, the decision makers a champion influences.
     */
    people: string[];
    /** cut-person: who we would lose; leaving-without-backup: who loses their only influencer we reach. */
    lost: string[];
    /** competitor-champion: the competitor they champion. */
    competitor: string | null;
}

/**
 * Influence 4–5 on the 1–5 scale: people who sway a decision on their own. The org chart's coverage gaps
 * use the same line, so both views agree on who is "influential".
 */
export const HIGH_INFLUENCE = 4;
/** Stances that work against us. */
export const AGAINST: ReadonlySet<string> = new Set(['Detractor', 'Blocker']);
/** Link types through which one person sways another's decision. */
export const INFLUENCE_TYPES: ReadonlySet<string> = new Set(['Influences', 'Mentors']);
/**
 * One path in is a single thread: a second one that shares no person is what survives any one departure,
 * so anything below two is flagged. Risks read quickCoverage, which tells none, one and two-or-more
 * apart: a threshold above two would need exact counts (relationshipPaths' coverage).
 */
export const MIN_INDEPENDENT_PATHS = 2;

export interface RiskAnalysis {
    risks: Risk[];
    /** None, one or two-or-more paths per target (quickCoverage); exact counts come later, by flow. */
    coverage: Coverage;
    cuts: ReachCuts;
}

/** Every risk on the network, in RISK_ORDER, each kind in the order its subjects appear in the input. */
export function findRisks(graph: RelationshipGraph): RiskAnalysis {
    // risks only ask none, one or more: the dominator tree answers that for every target at once
    const cuts = findCuts(graph);
    const coverage = quickCoverage(graph, cuts);
    const { nodes } = graph;
    const idOf = (index: number): string => nodes[index]!.id;
    const risks: Risk[] = [];
    const add = (risk: Partial<Risk> & Pick<Risk, 'kind' | 'people'>): void => {
        risks.push({ personId: null, centerId: null, lost: [], competitor: null, ...risk });
    };

    for (const [person, paths] of coverage.decisionMakers) {
        if (paths.count === 0)
            add({ kind: 'unreached-decision-maker', personId: idOf(person), people: [idOf(person)] });
        else if (paths.count < MIN_INDEPENDENT_PATHS)
            add({
                kind: 'single-threaded-decision-maker',
                personId: idOf(person),
                people: [idOf(person), ...pathPeople(paths.paths[0]!, person).map(idOf)]
            });
    }
    for (const [center, paths] of coverage.centers) {
        if (paths.count === 0)
            add({
                kind: 'unreached-buying-center',
                centerId: center,
                people: graph.centers.get(center)!.map(idOf)
            });
        else if (paths.count < MIN_INDEPENDENT_PATHS)
            add({
                kind: 'single-threaded-buying-center',
                centerId: center,
                people: paths.paths[0]!.map(idOf)
            });
    }
    for (const cut of cuts.cuts) {
        add({
            kind: 'cut-person',
            personId: idOf(cut.person),
            people: [cut.person, ...cut.lost].map(idOf),
            lost: cut.lost.map(idOf)
        });
    }

    // who sways whom, over influence links only
    const swayedBy: number[][] = nodes.map(() => []);
    const sways: number[][] = nodes.map(() => []);
    for (const edge of graph.edges) {
        if (edge.origin !== 'link' || !INFLUENCE_TYPES.has(edge.type)) continue;
        sways[edge.from]!.push(edge.to);
        swayedBy[edge.to]!.push(edge.from);
    }
    const ours = (index: number): boolean => cuts.reached[index] === 1 && !nodes[index]!.leaving;
    for (const node of nodes) {
        if (node.kind !== 'contact' || !node.leaving || node.influence < HIGH_INFLUENCE) continue;
        if (!sways[node.index]!.length) {
            // nobody recorded whom they sway: a back-up is another influential person we reach in their group
            const backed =
                node.groupId !== null &&
                nodes.some(
                    (other) =>
                        other.index !== node.index &&
                        other.kind === 'contact' &&
                        other.groupId === node.groupId &&
                        other.influence >= HIGH_INFLUENCE &&
                        ours(other.index)
                );
            if (!backed) add({ kind: 'leaving-without-backup', personId: node.id, people: [node.id] });
            continue;
        }
        // a back-up is someone else we reach, and who stays, who sways the same person
        const uncovered = [...new Set(sways[node.index])].filter(
            (target) => !swayedBy[target]!.some((other) => other !== node.index && ours(other))
        );
        if (uncovered.length)
            add({
                kind: 'leaving-without-backup',
                personId: node.id,
                people: [node.id, ...uncovered.map(idOf)],
                lost: uncovered.map(idOf)
            });
    }

    for (const node of nodes) {
        if (node.kind !== 'contact' || !node.competitorChampion) continue;
        const swayed = [...new Set(sways[node.index])].filter((target) => nodes[target]!.isDecisionMaker);
        if (!swayed.length && !node.isDecisionMaker) continue;
        add({
            kind: 'competitor-champion',
            personId: node.id,
            people: [node.id, ...swayed.map(idOf)],
            competitor: node.competitorChampion
        });
    }
    for (const node of nodes) {
        if (
            node.kind === 'contact' &&
            node.stance &&
            AGAINST.has(node.stance) &&
            node.influence >= HIGH_INFLUENCE
        )
            add({ kind: 'influential-detractor', personId: node.id, people: [node.id] });
    }

    const rank = new Map(RISK_ORDER.map((kind, i) => [kind, i]));
    // a stable sort keeps each kind's own order
    risks.sort((a, b) => rank.get(a.kind)! - rank.get(b.kind)!);
    return { risks, coverage, cuts };
}

/** The people on a path before its end (the end is the subject, named first). */
function pathPeople(path: readonly number[], end: number): number[] {
    return path.filter((person) => person !== end);
}
