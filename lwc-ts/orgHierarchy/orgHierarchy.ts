// Builds an account's reporting hierarchy from its contacts: every contact exactly once, under a
// synthetic account root when its manager is missing, hidden or elsewhere, with self-reports and
// cycles broken deterministically and reported. Index-based and linear, for 20,000 people and more.

/** The minimum a contact needs to take its place in the hierarchy. */
export interface ReportingLine {
    id: string;
    reportsToId: string | null | undefined;
}

export type HierarchyIssueKind = 'manager-not-visible' | 'self-report' | 'cycle';

/** Something about the data the user should know: the chart shows it, and says why. */
export interface HierarchyIssue {
    kind: HierarchyIssueKind;
    /** The contact placed under the account root because of the issue. */
    contactId: string;
    /** For cycles: every contact in the loop, in reporting order from contactId. */
    members?: string[];
}

/** The hierarchy as parallel arrays indexed like the input; ROOT (-1) is the synthetic account root. */
export interface Hierarchy {
    ids: string[];
    indexById: Map<string, number>;
    /** Manager's index, or ROOT. */
    parent: Int32Array;
    /** Reports of each index, in input order. */
    children: number[][];
    /** Indexes directly under the synthetic account root, in input order. */
    roots: number[];
    /** 0 for the account root's children. */
    depth: Int32Array;
    issues: HierarchyIssue[];
}

export const ROOT = -1;

/**
 * Builds the hierarchy. Duplicate ids keep their first occurrence (the rest are ignored and reported as
 * nothing: the platform never returns a record twice, so a duplicate is an upstream paging bug).
 */
export function buildHierarchy(contacts: readonly ReportingLine[]): Hierarchy {
    const ids: string[] = [];
    const indexById = new Map<string, number>();
    const managerIds: (string | null)[] = [];
    for (const contact of contacts) {
        if (!contact || typeof contact.id !== 'string' || indexById.has(contact.id)) continue;
        indexById.set(contact.id, ids.length);
        ids.push(contact.id);
        managerIds.push(contact.reportsToId ?? null);
    }
    const count = ids.length;
    const parent = new Int32Array(count).fill(ROOT);
    const issues: HierarchyIssue[] = [];

    for (let i = 0; i < count; i++) {
        const managerId = managerIds[i];
        if (managerId === null || managerId === undefined || managerId === '') continue;
        if (managerId === ids[i]) {
            issues.push({ kind: 'self-report', contactId: ids[i]! });
            continue;
        }
        const manager = indexById.get(managerId);
        if (manager === undefined) {
            issues.push({ kind: 'manager-not-visible', contactId: ids[i]! });
            continue;
        }
        parent[i] = manager;
    }

    breakCycles(ids, parent, issues);

    const children: number[][] = Array.from({ length: count }, () => []);
    const roots: number[] = [];
    for (let i = 0; i < count; i++) {
        const p = parent[i]!;
        if (p === ROOT) roots.push(i);
        else children[p]!.push(i);
    }
    const depth = new Int32Array(count);
    const stack = [...roots];
    while (stack.length) {
        const node = stack.pop()!;
        const below = children[node]!;
        for (let c = 0; c < below.length; c++) {
            const child = below[c]!;
            depth[child] = depth[node]! + 1;
            stack.push(child);
        }
    }
    return { ids, indexById, parent, children, roots, depth, issues };
}

/**
 * Finds every loop in the manager links and cuts each at its member with the smallest id, so the result
 * does not depend on input order. Each node is walked once: linear in the number of contacts.
 */
function breakCycles(ids: string[], parent: Int32Array, issues: HierarchyIssue[]): void {
    const count = ids.length;
    // 0 = unseen, otherwise the walk that first reached the node (walk numbers start at 1)
    const walkOf = new Int32Array(count);
    const done = new Uint8Array(count);
    for (let start = 0; start < count; start++) {
        if (done[start]) continue;
        const walk = start + 1;
        let node = start;
        while (node !== ROOT && !done[node] && walkOf[node] !== walk) {
            walkOf[node] = walk;
            node = parent[node]!;
        }
        if (node !== ROOT && !done[node] && walkOf[node] === walk) {
            const members: number[] = [];
            let member = node;
            do {
                members.push(member);
                member = parent[member]!;
            } while (member !== node);
            let cut = members[0]!;
            for (const candidate of members) if (ids[candidate]! < ids[cut]!) cut = candidate;
            const fromCut = [
                ...members.slice(members.indexOf(cut)),
                ...members.slice(0, members.indexOf(cut))
            ];
            parent[cut] = ROOT;
            issues.push({
                kind: 'cycle',
                contactId: ids[cut]!,
                members: fromCut.map((index) => ids[index]!)
            });
        }
        for (let walked = start; walked !== ROOT && !done[walked]; walked = parent[walked]!) {
            done[walked] = 1;
        }
    }
}

/** The managers of a contact up to the account root, nearest first (the "path to the top"). */
export function pathToTop(hierarchy: Hierarchy, index: number): number[] {
    const path: number[] = [];
    for (let node = hierarchy.parent[index] ?? ROOT; node !== ROOT; node = hierarchy.parent[node]!)
        path.push(node);
    return path;
}

/** How many people sit below each contact (all levels), computed bottom-up in one pass. */
export function descendantCounts(hierarchy: Hierarchy): Int32Array {
    const counts = new Int32Array(hierarchy.ids.length);
    const order: number[] = [];
    const stack = [...hierarchy.roots];
    while (stack.length) {
        const node = stack.pop()!;
        order.push(node);
        for (const child of hierarchy.children[node]!) stack.push(child);
    }
    for (let i = order.length - 1; i >= 0; i--) {
        const node = order[i]!;
        const p = hierarchy.parent[node]!;
        if (p !== ROOT) counts[p]! += counts[node]! + 1;
    }
    return counts;
}

/** Why a move in the reporting lines must be refused; null when it may go ahead. */
export type MoveRefusal = 'self' | 'cycle' | 'unknown-contact' | 'unknown-manager';

/**
 * Whether `contactId` may report to `newManagerId` (null: to nobody). Refused when the new manager is
 * the person or anyone below them — the move would close a loop. A loop already in the data elsewhere
 * does not block the move. The Apex (StakeholderService.moveRefusal) keeps the same cases, checked
 * against the shared rule vectors.
 * @param managerOf each contact of the account and their current manager
 */
export function moveRefusal(
    managerOf: ReadonlyMap<string, string | null>,
    contactId: string,
    newManagerId: string | null
): MoveRefusal | null {
    if (!managerOf.has(contactId)) return 'unknown-contact';
    if (newManagerId === null) return null;
    if (newManagerId === contactId) return 'self';
    if (!managerOf.has(newManagerId)) return 'unknown-manager';
    const seen = new Set<string>();
    for (let at: string | null = newManagerId; at !== null && !seen.has(at); at = managerOf.get(at) ?? null) {
        if (at === contactId) return 'cycle';
        seen.add(at);
    }
    return null;
}
