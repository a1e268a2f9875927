// Places the visible part of a reporting hierarchy: subtree widths bottom-up, then each manager centred
// over its reports; a manager whose reports are all leaves stacks them in columns instead of a wide
// row. Linear and iterative (no recursion), so 20,000 people and chains thousands deep lay out fast.
import type { Hierarchy } from 'c/orgHierarchy';

export interface LayoutOptions {
    nodeWidth: number;
    nodeHeight: number;
    /** Space between neighbouring subtrees. */
    siblingGap: number;
    /** Space between a manager and its reports. */
    levelGap: number;
    /** Leaves under one manager stack when there are more than this many. */
    stackAbove: number;
    /** Rows per stacked column. */
    stackRows: number;
}

export const DEFAULT_LAYOUT: Readonly<LayoutOptions> = {
    nodeWidth: 220,
    nodeHeight: 96,
    siblingGap: 24,
    levelGap: 56,
    stackAbove: 3,
    stackRows: 8
};

export interface Layout {
    /** Visible node indexes in drawing order (managers before their reports). */
    visible: number[];
    /** Left edge and top of each node's card, indexed like the hierarchy (NaN when not visible). */
    x: Float64Array;
    y: Float64Array;
    /** True where the node's reports are drawn as a stack. */
    stacked: Uint8Array;
    width: number;
    height: number;
}

/**
 * Lays out the nodes reachable from the account root through expanded managers.
 * @param hierarchy the built hierarchy
 * @param expanded 1 where a manager's reports are shown
 */
export function layoutHierarchy(
    hierarchy: Hierarchy,
    expanded: Uint8Array,
    options: LayoutOptions = DEFAULT_LAYOUT
): Layout {
    const count = hierarchy.ids.length;
    const { nodeWidth: w, nodeHeight: h, siblingGap: gap, levelGap } = options;
    const x = new Float64Array(count).fill(Number.NaN);
    const y = new Float64Array(count).fill(Number.NaN);
    const stacked = new Uint8Array(count);
    const subtreeWidth = new Float64Array(count);
    const subtreeHeight = new Float64Array(count);
    const shown = (node: number): number[] => (expanded[node] ? hierarchy.children[node]! : []);

    // visible nodes, managers first
    const visible: number[] = [];
    const stack = [...hierarchy.roots].reverse();
    while (stack.length) {
        const node = stack.pop()!;
        visible.push(node);
        const reports = shown(node);
        for (let i = reports.length - 1; i >= 0; i--) stack.push(reports[i]!);
    }

    // bottom-up sizes
    for (let v = visible.length - 1; v >= 0; v--) {
        const node = visible[v]!;
        const reports = shown(node);
        if (!reports.length) {
            subtreeWidth[node] = w;
            subtreeHeight[node] = h;
            continue;
        }
        const allLeaves = reports.every((report) => shown(report).length === 0);
        if (allLeaves && reports.length > options.stackAbove) {
            stacked[node] = 1;
            const rows = Math.min(options.stackRows, reports.length);
            const columns = Math.ceil(reports.length / options.stackRows);
            subtreeWidth[node] = Math.max(w, columns * w + (columns - 1) * gap + gap);
            subtreeHeight[node] = h + levelGap + rows * h + (rows - 1) * (gap / 2);
            continue;
        }
        let width = 0;
        let height = 0;
        for (const report of reports) {
            width += subtreeWidth[report]!;
            height = Math.max(height, subtreeHeight[report]!);
        }
        width += (reports.length - 1) * gap;
        subtreeWidth[node] = Math.max(w, width);
        subtreeHeight[node] = h + levelGap + height;
    }

    // top-down positions: each subtree gets a slot [left, left + width]
    const slotLeft = new Float64Array(count);
    let cursor = 0;
    let totalHeight = 0;
    for (const root of hierarchy.roots) {
        slotLeft[root] = cursor;
        y[root] = 0;
        cursor += subtreeWidth[root]! + gap;
        totalHeight = Math.max(totalHeight, subtreeHeight[root]!);
    }
    for (const node of visible) {
        const left = slotLeft[node]!;
        const width = subtreeWidth[node]!;
        x[node] = left + (width - w) / 2;
        const reports = shown(node);
        if (!reports.length) continue;
        const top = y[node]! + h + levelGap;
        if (stacked[node]) {
            const columns = Math.ceil(reports.length / options.stackRows);
            const blockWidth = columns * w + (columns - 1) * gap;
            const blockLeft = left + (width - blockWidth) / 2 + gap / 2;
            reports.forEach((report, i) => {
                const column = Math.floor(i / options.stackRows);
                const row = i % options.stackRows;
                // a leaf's slot is exactly its card, so its own turn in this loop keeps it in place
                slotLeft[report] = blockLeft + column * (w + gap);
                y[report] = top + row * (h + gap / 2);
            });
            continue;
        }
        let childLeft =
            left +
            (width - (reports.reduce((sum, r) => sum + subtreeWidth[r]!, 0) + (reports.length - 1) * gap)) /
                2;
        for (const report of reports) {
            slotLeft[report] = childLeft;
            y[report] = top;
            childLeft += subtreeWidth[report]! + gap;
        }
    }
    return { visible, x, y, stacked, width: Math.max(0, cursor - gap), height: totalHeight };
}
