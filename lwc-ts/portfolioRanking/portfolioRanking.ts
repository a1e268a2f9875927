// Ranking and sorting the portfolio's rows. Ranks are competition ranks by key-account score ("1, 2, 2, 4"):
// two accounts with the same score share a place, an unscored account has none. Sorting is stable and keeps
// empty values last whichever the direction, so unscored accounts never float to the top of a table.

export type SortDirection = 'asc' | 'desc';
export type SortValue = string | number | null | undefined;

/** Competition ranks for scores in any order: the same score the same rank; null for no score. */
export function competitionRanks(scores: readonly (number | null | undefined)[]): (number | null)[] {
    const scored = scores.filter(
        (score): score is number => typeof score === 'number' && Number.isFinite(score)
    );
    return scores.map((score) => {
        if (typeof score !== 'number' || !Number.isFinite(score)) return null;
        return scored.filter((other) => other > score).length + 1;
    });
}

function isEmpty(value: SortValue): value is null | undefined {
    return (
        value === null ||
        value === undefined ||
        value === '' ||
        (typeof value === 'number' && Number.isNaN(value))
    );
}

/** Compares two present values: numbers as numbers, text by the reader's collation (case and accents ignored). */
export function compareValues(a: string | number, b: string | number): number {
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    return String(a).localeCompare(String(b), undefined, { sensitivity: 'base', numeric: true });
}

/**
 * The items sorted by a key, stable (equal keys keep their given order), empty keys last in both
 * directions. Returns a new array.
 */
export function sortBy<T>(items: readonly T[], key: (item: T) => SortValue, direction: SortDirection): T[] {
    const sign = direction === 'desc' ? -1 : 1;
    return items
        .map((item, index) => ({ item, index, value: key(item) }))
        .sort((left, right) => {
            const leftEmpty = isEmpty(left.value);
            const rightEmpty = isEmpty(right.value);
            if (leftEmpty || rightEmpty) {
                if (leftEmpty && rightEmpty) return left.index - right.index;
                return leftEmpty ? 1 : -1;
            }
            const order = compareValues(left.value as string | number, right.value as string | number);
            return order !== 0 ? sign * order : left.index - right.index;
        })
        .map((entry) => entry.item);
}

/** The direction a column header's click sorts: the other direction on the sorted column, else the column's first. */
export function nextDirection(
    column: string,
    sortedColumn: string,
    sortedDirection: SortDirection,
    firstDirection: SortDirection
): SortDirection {
    if (column !== sortedColumn) return firstDirection;
    return sortedDirection === 'asc' ? 'desc' : 'asc';
}
