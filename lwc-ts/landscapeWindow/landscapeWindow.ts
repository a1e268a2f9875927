// Grid windowing, DOM-free: a large landscape draws only the rows and columns around the scroll position,
// with pads holding the place of the rest, so its cost follows the screen rather than the account.

/** The part of a large grid worth drawing: rows and columns on screen plus a margin, and the space around them. */
export interface GridWindow {
    firstRow: number;
    /** One past the last row drawn. */
    endRow: number;
    firstColumn: number;
    endColumn: number;
    topPad: number;
    bottomPad: number;
    leftPad: number;
    rightPad: number;
}

export interface GridMetrics {
    rowHeight: number;
    columnWidth: number;
    /** Width of the sticky buying-center column, which covers the left of the scrolled area. */
    headerWidth: number;
    /** Rows and columns drawn beyond the screen on each side, so a scroll does not show blanks. */
    overscanRows: number;
    overscanColumns: number;
}

/** Grids with more cells than this draw only their window; smaller ones draw everything. */
export const WINDOWED_CELLS = 400;

/**
 * Which rows and columns to draw for a scroll position: every row and column that is at least partly in
 * the viewport (below the sticky header column), plus the overscan; pads hold the place of the rest.
 */
export function gridWindow(
    rowCount: number,
    columnCount: number,
    viewport: { top: number; left: number; height: number; width: number },
    metrics: GridMetrics
): GridWindow {
    const clamp = (value: number, max: number): number => Math.max(0, Math.min(max, value));
    const { rowHeight: h, columnWidth: w } = metrics;
    const firstRow = clamp(Math.floor(viewport.top / h) - metrics.overscanRows, rowCount);
    const endRow = clamp(Math.ceil((viewport.top + viewport.height) / h) + metrics.overscanRows, rowCount);
    const visibleWidth = Math.max(0, viewport.width - metrics.headerWidth);
    const firstColumn = clamp(Math.floor(viewport.left / w) - metrics.overscanColumns, columnCount);
    const endColumn = clamp(
        Math.ceil((viewport.left + visibleWidth) / w) + metrics.overscanColumns,
        columnCount
    );
    return {
        firstRow,
        endRow: Math.max(firstRow, endRow),
        firstColumn,
        endColumn: Math.max(firstColumn, endColumn),
        topPad: firstRow * h,
        bottomPad: (rowCount - Math.max(firstRow, endRow)) * h,
        leftPad: firstColumn * w,
        rightPad: (columnCount - Math.max(firstColumn, endColumn)) * w
    };
}
