// The generated account both sides of the relationship map benchmark draw: n people in buying centers
// of about fifty, each person starting five links (most inside their own center, some across), our six
// users owning one relationship in seven. Seeded, so every run measures the same network.
import type {
    GraphInput,
    GraphLinkInput,
    GraphPerson
} from '../../lwc-ts/relationshipGraph/relationshipGraph';
import { seededRandom } from '../data/generate';

export const LINKS_PER_PERSON = 5;
const PEOPLE_PER_CENTER = 50;
const USERS = 6;
const STANCES = ['Champion', 'Supporter', 'Neutral', 'Detractor', 'Blocker', null];
const ROLES = ['Decision Maker', 'Economic Buyer', 'Influencer', 'Technical Evaluator', 'User', null];
const TYPES = ['Influences', 'Mentors', 'Dotted Line', 'Collaborates'];
const FREQUENCIES = ['Weekly', 'Monthly', 'Quarterly', 'Yearly'];

export function generatedNetwork(count: number, seed: number): GraphInput {
    const random = seededRandom(seed);
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
    const centers = Math.max(1, Math.round(count / PEOPLE_PER_CENTER));
    const users = Array.from({ length: USERS }, (_, u) => ({ id: `u${u}`, name: `User ${u}` }));
    const contacts: GraphPerson[] = Array.from({ length: count }, (_, i) => ({
        id: `c${i}`,
        name: `Person ${i}`,
        decisionRole: pick(ROLES),
        stance: pick(STANCES),
        influence: 1 + Math.floor(random() * 5),
        relationshipStrength: 1 + Math.floor(random() * 5),
        relationshipOwnerId: random() < 1 / 7 ? pick(users).id : null,
        buyingCenterId: `b${i % centers}`,
        leaving: random() < 0.02
    }));
    const links: GraphLinkInput[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < count && count > 1; i++) {
        for (let k = 0; k < LINKS_PER_PERSON; k++) {
            // 70 % inside the center (same index modulo the number of centers), the rest anywhere
            let j =
                random() < 0.7 && count > centers
                    ? ((i % centers) + centers * Math.floor(random() * Math.ceil(count / centers))) % count
                    : Math.floor(random() * count);
            if (j === i) j = (i + 1) % count;
            const type = pick(TYPES);
            const key = `${i}:${j}:${type}`;
            if (seen.has(key)) continue;
            seen.add(key);
            links.push({
                id: `l${links.length}`,
                fromId: `c${i}`,
                toContactId: `c${j}`,
                type,
                strength: 1 + Math.floor(random() * 5),
                frequency: pick(FREQUENCIES)
            });
        }
    }
    const buyingCenters = Array.from({ length: centers }, (_, b) => ({ id: `b${b}`, name: `Center ${b}` }));
    return { accountId: null, contacts, users, links, buyingCenters };
}

export interface PeerElements {
    nodes: { data: { id: string } }[];
    edges: { data: { id: string; source: string; target: string } }[];
}

/** The same network as cytoscape.js elements: people and users as nodes, links and ownerships as edges. */
export function peerElements(input: GraphInput): PeerElements {
    const nodes = [...input.contacts, ...(input.users ?? [])].map((node) => ({ data: { id: node.id! } }));
    const edges = (input.links ?? []).map((link, e) => ({
        data: { id: `e${e}`, source: link.fromId!, target: (link.toContactId ?? link.toUserId)! }
    }));
    for (const person of input.contacts)
        if (person.relationshipOwnerId)
            edges.push({
                data: { id: `o${edges.length}`, source: person.relationshipOwnerId, target: person.id! }
            });
    return { nodes, edges };
}
