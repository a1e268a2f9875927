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
    const k = transform.k > 0 ? transform.k : 1;
    const left = -transform.x / k - nodeWidth * 2;
    const top = -transform.y / k - nodeHeight * 2;
    const right = (size.width - transform.x) / k + nodeWidth;
    const bottom = (size.height - transform.y) / k + nodeHeight;
    const inView: number[] = [];
    for (const index of layout.visible) {
        const x = layout.x[index]!;
        const y = layout.y[index]!;
        if (x >= left && x <= right && y >= top && y <= bottom) inView.push(index);
    }
    return inView;
}

function clampScale(scale: number): number {
    return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

/** The whole chart in the view, centred across, from the top, never enlarged beyond 1. */
export function fitTransform(layout: Layout, size: ViewSize, padding = 20): ViewTransform {
    const k = clampScale(
        Math.min(
            1,
            (size.width - 2 * padding) / Math.max(layout.width, 1),
            (size.height - 2 * padding) / Math.max(layout.height, 1)
        )
    );
    return { x: (size.width - layout.width * k) / 2, y: padding, k };
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
