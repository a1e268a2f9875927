// Which managers of the org chart show their reports: initial depth, expand and collapse one or all,
// reveal a person found by search, and the search itself (accent- and case-insensitive). Each change
// returns a new array so components re-render on assignment.
import { pathToTop, type Hierarchy } from 'c/orgHierarchy';

/** Shows `levels` levels of people (1 = only the people under the account root). */
export function expandToDepth(hierarchy: Hierarchy, levels: number): Uint8Array {
    const expanded = new Uint8Array(hierarchy.ids.length);
    for (let i = 0; i < expanded.length; i++) {
        if (hierarchy.depth[i]! < levels - 1 && hierarchy.children[i]!.length) expanded[i] = 1;
    }
    return expanded;
}

export function expandAll(hierarchy: Hierarchy): Uint8Array {
    const expanded = new Uint8Array(hierarchy.ids.length);
    for (let i = 0; i < expanded.length; i++) if (hierarchy.children[i]!.length) expanded[i] = 1;
    return expanded;
}

export function collapseAll(hierarchy: Hierarchy): Uint8Array {
    return new Uint8Array(hierarchy.ids.length);
}

/** Opens or closes one manager's reports. */
export function toggle(expanded: Uint8Array, index: number): Uint8Array {
    const next = expanded.slice();
    if (index >= 0 && index < next.length) next[index] = next[index] ? 0 : 1;
    return next;
}

/** Opens every manager above a person so the person is on screen. */
export function reveal(hierarchy: Hierarchy, expanded: Uint8Array, index: number): Uint8Array {
    const next = expanded.slice();
    for (const manager of pathToTop(hierarchy, index)) next[manager] = 1;
    return next;
}

/** Lower case without accents, so "lea" finds "Léa" and "OCONNOR" finds "O'Connor" after punctuation folds. */
export function normaliseForSearch(text: string): string {
    return text
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
}

/**
 * The people whose texts (name, title…) contain every word of the query: first those where each word
 * starts a word ("Elena" finds Elena Popescu before Helena Marsh), then the rest, each in hierarchy order.
 * @param texts one searchable string per hierarchy index
 */
export function search(hierarchy: Hierarchy, texts: readonly string[], query: string, limit = 200): number[] {
    const words = normaliseForSearch(query).split(' ').filter(Boolean);
    if (!words.length) return [];
    const starting: number[] = [];
    const inside: number[] = [];
    for (let i = 0; i < hierarchy.ids.length && starting.length < limit; i++) {
        const haystack = normaliseForSearch(texts[i] ?? '');
        if (!words.every((word) => haystack.includes(word))) continue;
        const spaced = ` ${haystack}`;
        (words.every((word) => spaced.includes(` ${word}`)) ? starting : inside).push(i);
    }
    return [...starting, ...inside].slice(0, limit);
}

/** What the chart's filter asks for; an empty value means any. */
export interface PersonFilter {
    buyingCenterId?: string;
    stance?: string;
    role?: string;
}

/** The filterable attributes of one person (hierarchy order). */
export interface FilterablePerson {
    buyingCenterId?: string | null;
    stance?: string | null;
    decisionRole?: string | null;
}

/** A buying center and every center under it (its regions, their sub-regions…), loops cut. */
export function buyingCenterFamily(
    centers: readonly { id: string; parentId?: string | null }[],
    rootId: string
): Set<string> {
    const children = new Map<string, string[]>();
    for (const center of centers) {
        if (!center.parentId) continue;
        const siblings = children.get(center.parentId) ?? [];
        siblings.push(center.id);
        children.set(center.parentId, siblings);
    }
    const family = new Set<string>([rootId]);
    const queue = [rootId];
    while (queue.length) {
        for (const child of children.get(queue.pop()!) ?? []) {
            if (family.has(child)) continue;
            family.add(child);
            queue.push(child);
        }
    }
    return family;
}

/**
 * 1 where the person matches every part of the filter; null when nothing is filtered. A buying center
 * matches its own people and those of the centers under it (`centers` gives the parents).
 */
export function matchFilter(
    people: readonly FilterablePerson[],
    filter: PersonFilter,
    centers: readonly { id: string; parentId?: string | null }[] = []
): Uint8Array | null {
    const { buyingCenterId, stance, role } = filter;
    if (!buyingCenterId && !stance && !role) return null;
    const family = buyingCenterId ? buyingCenterFamily(centers, buyingCenterId) : undefined;
    const matches = new Uint8Array(people.length);
    people.forEach((person, index) => {
        if (
            (!family || (!!person.buyingCenterId && family.has(person.buyingCenterId))) &&
            (!stance || person.stance === stance) &&
            (!role || person.decisionRole === role)
        )
            matches[index] = 1;
    });
    return matches;
}

/** Opens every manager above each match, so all of them are on the chart. */
export function revealAll(hierarchy: Hierarchy, expanded: Uint8Array, matches: Uint8Array): Uint8Array {
    const next = expanded.slice();
    // each manager's chain is walked once, however many matches sit below it
    const walked = new Uint8Array(expanded.length);
    matches.forEach((match, index) => {
        if (!match) return;
        for (let manager = hierarchy.parent[index]!; manager >= 0 && !walked[manager];) {
            walked[manager] = 1;
            next[manager] = 1;
            manager = hierarchy.parent[manager]!;
        }
    });
    return next;
}
