// The relationship network of one account: the account's people and our team's users as nodes, the
// stakeholder links and relationship owners as edges, and "our reach" — the edges our team can walk to get
// to someone. Data from the org is not trusted to be clean (links loaded past the validation rules, people
// the user may not see, owners who left the team): every bad row is left out and counted, never thrown.

/** A person of the account, as the org chart's controller returns one (every field may be null). */
export interface GraphPerson {
    id: string | null | undefined;
    name?: string | null;
    title?: string | null;
    /** When given and not the graph's account, the person is outside the account and left out. */
    accountId?: string | null;
    reportsToId?: string | null;
    decisionRole?: string | null;
    stance?: string | null;
    influence?: number | null;
    relationshipStrength?: number | null;
    relationshipOwnerId?: string | null;
    relationshipOwnerName?: string | null;
    buyingCenterId?: string | null;
    competitorChampion?: string | null;
    leaving?: boolean | null;
}

/** One of our users on the account team. */
export interface GraphTeamMember {
    id: string | null | undefined;
    name?: string | null;
}

/** A Stakeholder_Link__c row: from a person to a person or to one of our users. */
export interface GraphLinkInput {
    id?: string | null;
    fromId: string | null | undefined;
    toContactId?: string | null;
    toUserId?: string | null;
    toUserName?: string | null;
    type?: string | null;
    strength?: number | null;
    frequency?: string | null;
}

/** A buying center; a sub-center's people count as people of its parents too. */
export interface GraphBuyingCenter {
    id: string | null | undefined;
    name?: string | null;
    parentId?: string | null;
}

export interface GraphInput {
    accountId?: string | null;
    contacts: readonly GraphPerson[];
    users?: readonly GraphTeamMember[];
    links?: readonly GraphLinkInput[];
    buyingCenters?: readonly GraphBuyingCenter[];
    /** People of the account the user may not see (the controller knows they exist, not who they are). */
    hiddenContactIds?: readonly string[];
}

export type NodeKind = 'contact' | 'user';

export interface GraphNode {
    index: number;
    id: string;
    kind: NodeKind;
    name: string;
    title: string | null;
    reportsToId: string | null;
    decisionRole: string | null;
    stance: string | null;
    /** 0 when unknown. */
    influence: number;
    /** Our relationship with the person, 0 when unknown. */
    relationshipStrength: number;
    ownerId: string | null;
    buyingCenterId: string | null;
    /** The top of the person's buying center chain: the group the map draws them in. */
    groupId: string | null;
    competitorChampion: string | null;
    leaving: boolean;
    isDecisionMaker: boolean;
}

export type EdgeOrigin = 'link' | 'owner';

export interface GraphEdge {
    /** The link's record Id; null for an edge that comes from a relationship owner field. */
    id: string | null;
    from: number;
    to: number;
    type: string;
    strength: number | null;
    frequency: string | null;
    /** True when influence flows from → to; false for ties that run both ways. */
    directed: boolean;
    origin: EdgeOrigin;
    /** True when our team can walk this edge (see MIN_REACH_STRENGTH). */
    reach: boolean;
}

export type GraphProblem =
    | 'missing-id'
    | 'duplicate-person'
    | 'outside-account'
    | 'self-loop'
    | 'duplicate-link'
    | 'hidden-person'
    | 'unknown-end'
    | 'not-one-target'
    | 'strength-out-of-range';

export interface RelationshipGraph {
    nodes: GraphNode[];
    edges: GraphEdge[];
    indexById: Map<string, number>;
    /** Node indexes of our users. */
    users: number[];
    /** Node indexes of the decision makers and economic buyers. */
    decisionMakers: number[];
    /** Buying center id → the node indexes of its people, sub-centers' people included. */
    centers: Map<string, number[]>;
    centerNames: Map<string, string>;
    /** Out-neighbours in our reach: users → people they hold, people ↔ people they are tied to. */
    reach: number[][];
    /** Every edge touching a node, as edge indexes (for neighbourhoods and drawing). */
    incident: number[][];
    /** How many input rows were left out, by reason. */
    problems: Record<GraphProblem, number>;
}

/** The roles that sign or fund a decision. */
export const DECISION_ROLES: ReadonlySet<string> = new Set(['Decision Maker', 'Economic Buyer']);

/**
 * A tie recorded as weaker than this (on the link's 1–5 scale) is drawn but not counted as a way in: a
 * quarterly acquaintance will not carry our case to a decision maker, and counting it would call a buying
 * center multi-threaded on the strength of a name in someone's address book. A tie without a recorded
 * strength counts: somebody thought it worth recording.
 */
export const MIN_REACH_STRENGTH = 3;

/** Link types where influence has a direction; the others (Collaborates) run both ways. */
const DIRECTED_TYPES: ReadonlySet<string> = new Set(['Influences', 'Mentors', 'Dotted Line']);
export const OWNS_RELATIONSHIP = 'Owns Relationship';

function emptyProblems(): Record<GraphProblem, number> {
    return {
        'missing-id': 0,
        'duplicate-person': 0,
        'outside-account': 0,
        'self-loop': 0,
        'duplicate-link': 0,
        'hidden-person': 0,
        'unknown-end': 0,
        'not-one-target': 0,
        'strength-out-of-range': 0
    };
}

function finite(value: number | null | undefined): number | null {
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * Builds the network. Never throws: a row that cannot be placed is left out and counted in `problems`.
 * Relationship owners and link targets who are not in `users` still join as our users (an owner is one of
 * ours by definition), named from the row that mentions them.
 */
export function buildRelationshipGraph(input: GraphInput): RelationshipGraph {
    const problems = emptyProblems();
    const nodes: GraphNode[] = [];
    const indexById = new Map<string, number>();
    const outside = new Set<string>();
    const hidden = new Set(input.hiddenContactIds ?? []);
    const accountId = input.accountId ?? null;

    for (const person of input.contacts ?? []) {
        if (!person?.id) {
            problems['missing-id']++;
            continue;
        }
        if (accountId && person.accountId && person.accountId !== accountId) {
            problems['outside-account']++;
            outside.add(person.id);
            continue;
        }
        if (indexById.has(person.id)) {
            problems['duplicate-person']++;
            continue;
        }
        const role = person.decisionRole ?? null;
        indexById.set(person.id, nodes.length);
        nodes.push({
            index: nodes.length,
            id: person.id,
            kind: 'contact',
            name: person.name ?? '',
            title: person.title ?? null,
            reportsToId: person.reportsToId ?? null,
            decisionRole: role,
            stance: person.stance ?? null,
            influence: finite(person.influence) ?? 0,
            relationshipStrength: finite(person.relationshipStrength) ?? 0,
            ownerId: person.relationshipOwnerId ?? null,
            buyingCenterId: person.buyingCenterId ?? null,
            groupId: null,
            competitorChampion: person.competitorChampion || null,
            leaving: person.leaving === true,
            isDecisionMaker: role !== null && DECISION_ROLES.has(role)
        });
    }
    const contactCount = nodes.length;

    const addUser = (id: string, name: string | null | undefined): number | null => {
        const known = indexById.get(id);
        if (known !== undefined) return nodes[known]!.kind === 'user' ? known : null;
        indexById.set(id, nodes.length);
        nodes.push({
            index: nodes.length,
            id,
            kind: 'user',
            name: name ?? '',
            title: null,
            reportsToId: null,
            decisionRole: null,
            stance: null,
            influence: 0,
            relationshipStrength: 0,
            ownerId: null,
            buyingCenterId: null,
            groupId: null,
            competitorChampion: null,
            leaving: false,
            isDecisionMaker: false
        });
        return nodes.length - 1;
    };
    for (const user of input.users ?? []) {
        if (!user?.id) problems['missing-id']++;
        else if (indexById.has(user.id)) problems['duplicate-person']++;
        else addUser(user.id, user.name);
    }

    const edges: GraphEdge[] = [];
    const seen = new Set<string>();
    const addEdge = (edge: GraphEdge): void => {
        edge.reach = edge.strength === null || edge.strength >= MIN_REACH_STRENGTH;
        edges.push(edge);
    };
    // which user holds which person already, so an owner field and an Owns Relationship link are one edge
    const held = new Set<string>();

    for (const link of input.links ?? []) {
        if (!link?.fromId) {
            problems['missing-id']++;
            continue;
        }
        const toContact = link.toContactId ?? null;
        const toUser = link.toUserId ?? null;
        if ((toContact === null) === (toUser === null)) {
            problems['not-one-target']++;
            continue;
        }
        const toId = (toContact ?? toUser)!;
        if (toId === link.fromId) {
            problems['self-loop']++;
            continue;
        }
        const type = link.type ?? '';
        const key = `${link.fromId}:${toId}:${type}`;
        if (seen.has(key)) {
            problems['duplicate-link']++;
            continue;
        }
        const from = indexById.get(link.fromId);
        const fromOk = from !== undefined && nodes[from]!.kind === 'contact';
        // a user joins the team only through a link that is otherwise sound
        const to = !fromOk
            ? undefined
            : toUser !== null
              ? addUserEnd(toUser, link.toUserName)
              : indexById.get(toContact!);
        const toOk = !fromOk || (to !== undefined && (toUser !== null || nodes[to]!.kind === 'contact'));
        if (!fromOk || !toOk) {
            const ends = [fromOk ? null : link.fromId, toOk ? null : (toContact ?? toUser)].filter(
                (end): end is string => end !== null
            );
            problems[
                ends.some((end) => outside.has(end))
                    ? 'outside-account'
                    : ends.some((end) => hidden.has(end))
                      ? 'hidden-person'
                      : 'unknown-end'
            ]++;
            continue;
        }
        seen.add(key);
        let strength = finite(link.strength);
        if (strength !== null && (strength < 1 || strength > 5)) {
            problems['strength-out-of-range']++;
            strength = null;
        }
        if (toUser !== null) {
            // our user's tie to a person: drawn and walked from the user to the person
            held.add(`${to}:${from}`);
            addEdge({
                id: link.id ?? null,
                from: to!,
                to: from!,
                type: type || OWNS_RELATIONSHIP,
                strength,
                frequency: link.frequency ?? null,
                directed: true,
                origin: 'link',
                reach: true
            });
        } else {
            addEdge({
                id: link.id ?? null,
                from: from!,
                to: to!,
                type,
                strength,
                frequency: link.frequency ?? null,
                directed: DIRECTED_TYPES.has(type),
                origin: 'link',
                reach: true
            });
        }
    }

    function addUserEnd(id: string, name: string | null | undefined): number | undefined {
        const known = indexById.get(id);
        if (known !== undefined) return nodes[known]!.kind === 'user' ? known : undefined;
        return addUser(id, name) ?? undefined;
    }

    const ownerNames = new Map<string, string | null | undefined>();
    for (const person of input.contacts ?? [])
        if (person?.relationshipOwnerId)
            ownerNames.set(person.relationshipOwnerId, person.relationshipOwnerName);
    for (let c = 0; c < contactCount; c++) {
        const ownerId = nodes[c]!.ownerId;
        if (!ownerId) continue;
        const owner = addUserEnd(ownerId, ownerNames.get(ownerId));
        if (owner === undefined) {
            // an owner id that names a person of the account is no user of ours
            problems['unknown-end']++;
            continue;
        }
        if (held.has(`${owner}:${c}`)) continue;
        held.add(`${owner}:${c}`);
        addEdge({
            id: null,
            from: owner,
            to: c,
            type: OWNS_RELATIONSHIP,
            strength: null,
            frequency: null,
            directed: true,
            origin: 'owner',
            reach: true
        });
    }
    // an owner's tie is walked whatever its recorded strength: owning the relationship is the way in
    for (const edge of edges) if (nodes[edge.from]!.kind === 'user') edge.reach = true;

    const reach: number[][] = nodes.map(() => []);
    const incident: number[][] = nodes.map(() => []);
    edges.forEach((edge, e) => {
        incident[edge.from]!.push(e);
        incident[edge.to]!.push(e);
        if (!edge.reach) return;
        reach[edge.from]!.push(edge.to);
        // a tie between two people works both ways for an introduction, whichever way influence flows
        if (nodes[edge.from]!.kind === 'contact') reach[edge.to]!.push(edge.from);
    });
    for (const list of reach) dedupe(list);

    const { centers, centerNames, groupOf } = buildCenters(input.buyingCenters ?? [], nodes, contactCount);
    for (let c = 0; c < contactCount; c++) {
        const center = nodes[c]!.buyingCenterId;
        nodes[c]!.groupId = center ? (groupOf.get(center) ?? center) : null;
    }

    return {
        nodes,
        edges,
        indexById,
        users: nodes.filter((node) => node.kind === 'user').map((node) => node.index),
        decisionMakers: nodes.filter((node) => node.isDecisionMaker).map((node) => node.index),
        centers,
        centerNames,
        reach,
        incident,
        problems
    };
}

function dedupe(list: number[]): void {
    if (list.length < 2) return;
    list.sort((a, b) => a - b);
    let kept = 1;
    for (let i = 1; i < list.length; i++) if (list[i] !== list[kept - 1]) list[kept++] = list[i]!;
    list.length = kept;
}

/**
 * Each center's people with its sub-centers' people, and the top center of each chain. A parent chain
 * that loops (bad data) stops where it would repeat.
 */
function buildCenters(
    centers: readonly GraphBuyingCenter[],
    nodes: readonly GraphNode[],
    contactCount: number
): { centers: Map<string, number[]>; centerNames: Map<string, string>; groupOf: Map<string, string> } {
    const parent = new Map<string, string | null>();
    const centerNames = new Map<string, string>();
    for (const center of centers) {
        if (!center?.id) continue;
        parent.set(center.id, center.parentId ?? null);
        centerNames.set(center.id, center.name ?? '');
    }
    const chainOf = (id: string): string[] => {
        const chain: string[] = [];
        const visited = new Set<string>();
        let at: string | null | undefined = id;
        while (at && !visited.has(at)) {
            visited.add(at);
            chain.push(at);
            at = parent.get(at) ?? null;
        }
        return chain;
    };
    const members = new Map<string, number[]>();
    for (const id of parent.keys()) members.set(id, []);
    const groupOf = new Map<string, string>();
    for (let c = 0; c < contactCount; c++) {
        const center = nodes[c]!.buyingCenterId;
        if (!center) continue;
        const chain = chainOf(center);
        groupOf.set(center, chain[chain.length - 1]!);
        for (const id of chain) {
            if (!members.has(id)) members.set(id, []);
            members.get(id)!.push(c);
        }
    }
    return { centers: members, centerNames, groupOf };
}
