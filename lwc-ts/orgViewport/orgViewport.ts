// Decides what the org chart draws for the current zoom and pan, so drawing cost follows the screen, not
// the account: every card when few are visible, only the cards on screen when zoomed in, coloured blocks
// when zoomed out too far to read. Also the fit and focus transforms. DOM-free.
import type { Layout } from 'c/orgLayout';

/** A zoom transform: screen = world × k + (x, y). */
export interface ViewTransform {
    x: number;
    y: number;
    k: number;
}

export interface ViewSize {
    width: number;
    height: number;
}

/** Up to this many visible people every card is drawn, whatever the zoom. */
export const FULL_DETAIL_LIMIT = 300;
/** Below this zoom a card's text is too small to read: cards become coloured blocks. */
export const DETAIL_SCALE = 0.45;
export const MIN_SCALE = 0.02;
export const MAX_SCALE = 2;
/**
 * The chart opens no smaller than this: names (14 px) stay at least 11 px tall, so a rep can read the top
 * of the tree at once and pans (or uses the minimap or Fit) for the rest.
 */
export const READABLE_SCALE = 0.8;

export type DetailLevel = 'all' | 'viewport' | 'overview';

export function detailLevel(visibleCount: number, scale: number): DetailLevel {
    if (visibleCount <= FULL_DETAIL_LIMIT) return 'all';
    return scale >= DETAIL_SCALE ? 'viewport' : 'overview';
}

/**
 * The visible people whose card overlaps the screen (with one card of margin so panning does not
 * show gaps), in drawing order.
 */
export function cardsInView(
    layout: Layout,
    transform: ViewTransform,
    size: ViewSize,
    nodeWidth: number,
    nodeHeight: number
): number[] {
    const { left, top, right, bottom } = viewRect(transform, size, nodeWidth, nodeHeight);
    const inView: number[] = [];
    for (const index of layout.visible) {
        const x = layout.x[index]!;
        const y = layout.y[index]!;
        if (x >= left && x <= right && y >= top && y <= bottom) inView.push(index);
    }
    return inView;
}

/** The world rectangle the screen shows, with margins in card sizes (left/top two cards, right/bottom one). */
export function viewRect(
    transform: ViewTransform,
    size: ViewSize,
    nodeWidth: number,
    nodeHeight: number
): { left: number; top: number; right: number; bottom: number } {
    const k = transform.k > 0 ? transform.k : 1;
    return {
        left: -transform.x / k - nodeWidth * 2,
        top: -transform.y / k - nodeHeight * 2,
        right: (size.width - transform.x) / k + nodeWidth,
        bottom: (size.height - transform.y) / k + nodeHeight
    };
}

function clampScale(scale: number): number {
    return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

/** The whole chart in the view, centred both ways (a zoom at the view's middle lands on people), never enlarged beyond 1. */
export function fitTransform(layout: Layout, size: ViewSize, padding = 20): ViewTransform {
    const k = clampScale(
        Math.min(
            1,
            (size.width - 2 * padding) / Math.max(layout.width, 1),
            (size.height - 2 * padding) / Math.max(layout.height, 1)
        )
    );
    return {
        x: (size.width - layout.width * k) / 2,
        y: Math.max(padding, (size.height - layout.height * k) / 2),
        k
    };
}

/**
 * Where the chart opens: the whole chart when it fits at a readable zoom; otherwise the top of the tree at
 * the readable zoom, its first person centred across, so names can be read at once.
 */
export function openingTransform(
    layout: Layout,
    size: ViewSize,
    nodeWidth: number,
    padding = 20
): ViewTransform {
    const fitted = fitTransform(layout, size, padding);
    if (fitted.k >= READABLE_SCALE) return fitted;
    const top = layout.visible[0];
    if (top === undefined) return fitted;
    const k = READABLE_SCALE;
    return { x: size.width / 2 - (layout.x[top]! + nodeWidth / 2) * k, y: padding, k };
}

/**
 * The people asked for (a filter's or a search's matches) in view: all of them when they fit at a readable
 * zoom, else the first of them centred at the readable zoom. Undefined when none is visible.
 */
export function showPeople(
    layout: Layout,
    people: readonly number[],
    size: ViewSize,
    nodeWidth: number,
    nodeHeight: number,
    padding = 20
): ViewTransform | undefined {
    let left = Infinity;
    let top = Infinity;
    let right = -Infinity;
    let bottom = -Infinity;
    let first: number | undefined;
    for (const index of people) {
        const x = layout.x[index]!;
        const y = layout.y[index]!;
        if (Number.isNaN(x) || Number.isNaN(y)) continue;
        first ??= index;
        left = Math.min(left, x);
        top = Math.min(top, y);
        right = Math.max(right, x + nodeWidth);
        bottom = Math.max(bottom, y + nodeHeight);
    }
    if (first === undefined) return undefined;
    const k = clampScale(
        Math.min(1, (size.width - 2 * padding) / (right - left), (size.height - 2 * padding) / (bottom - top))
    );
    if (k < READABLE_SCALE) return centreOn(layout, first, size, nodeWidth, nodeHeight, READABLE_SCALE);
    return {
        x: size.width / 2 - ((left + right) / 2) * k,
        y: size.height / 2 - ((top + bottom) / 2) * k,
        k
    };
}

/** One person's card in the centre of the view at the given zoom. */
export function centreOn(
    layout: Layout,
    index: number,
    size: ViewSize,
    nodeWidth: number,
    nodeHeight: number,
    scale = 1
): ViewTransform {
    const k = clampScale(scale);
    const x = layout.x[index]!;
    const y = layout.y[index]!;
    if (Number.isNaN(x) || Number.isNaN(y)) return fitTransform(layout, size);
    return {
        x: size.width / 2 - (x + nodeWidth / 2) * k,
        y: size.height / 2 - (y + nodeHeight / 2) * k,
        k
    };
}

/** The visible person whose card contains a world point, if any (for clicks on the overview). */
export function cardAt(
    layout: Layout,
    worldX: number,
    worldY: number,
    nodeWidth: number,
    nodeHeight: number
): number | undefined {
    for (const index of layout.visible) {
        const x = layout.x[index]!;
        const y = layout.y[index]!;
        if (worldX >= x && worldX <= x + nodeWidth && worldY >= y && worldY <= y + nodeHeight) return index;
    }
    return undefined;
}
