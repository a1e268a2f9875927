// A filtered report's rows, grouped and summed as the report's format says: Tabular (rows, sorted and
// limited, with grand totals), Summary (nested groups down, each with its summaries) or Matrix (groups
// down × groups across, a summary per cell, per row, per column and for the whole). Summaries are keyed as
// the Analytics API keys them: `RowCount`, `s!<column>` (sum), `a!` (average), `x!` (maximum), `m!`
// (minimum); `mx!` is read as `x!`. Pure: rows in, result out.
import {
    ReportDefinitionError,
    type AggregateType,
    type DateGranularity,
    type GroupingDefinition,
    type ReportDefinition
} from './definitions';
import type { Cell, ReportRow } from './fetchRows';

export interface SummaryDefinition {
    key: string;
    column: string | null;
    aggregate: AggregateType | 'RowCount';
}

export interface Summary {
    rowCount: number;
    /** by summary key; null when no row had a value (as SUM over nothing shows blank) */
    values: Record<string, number | null>;
}

export interface GroupNode {
    key: string;
    label: string;
    summary: Summary;
    children: GroupNode[];
}

export interface SummarizedReport {
    summaries: SummaryDefinition[];
    grand: Summary;
    down: GroupNode[];
    across: GroupNode[];
    /** Matrix: the summary of each leaf down × leaf across, keyed `downPath␟acrossPath` */
    cells: Record<string, Summary>;
    /** the detail rows shown (Tabular: sorted and limited), as labels by column */
    details: (string | number | boolean | null)[][];
    rowCount: number;
}

const PREFIX: Record<AggregateType, string> = {
    Sum: 's!',
    Average: 'a!',
    Maximum: 'x!',
    Minimum: 'm!',
    Unique: 'u!'
};

/** The separator of group paths in matrix cell keys (a character no label holds). */
export const PATH_SEPARATOR = '\u241f';

/** A summary key as the engine keys it: `mx!` is another spelling of `x!`. */
export function normalSummaryKey(key: string): string {
    return key.startsWith('mx!') ? `x!${key.slice(3)}` : key;
}

export function summariesOf(report: ReportDefinition): SummaryDefinition[] {
    const summaries: SummaryDefinition[] = [{ key: 'RowCount', column: null, aggregate: 'RowCount' }];
    for (const column of report.columns)
        for (const aggregate of column.aggregates)
            summaries.push({ key: `${PREFIX[aggregate]}${column.field}`, column: column.field, aggregate });
    return summaries;
}

function summarize(rows: readonly ReportRow[], summaries: readonly SummaryDefinition[]): Summary {
    const values: Record<string, number | null> = {};
    for (const summary of summaries) {
        if (summary.aggregate === 'RowCount') continue;
        if (summary.aggregate === 'Unique') {
            const distinct = new Set<string | number | boolean>();
            for (const row of rows) {
                const value = row.get(summary.column!)?.value;
                if (value !== null && value !== undefined && value !== '') distinct.add(value);
            }
            values[summary.key] = distinct.size;
            continue;
        }
        const numbers = rows
            .map((row) => row.get(summary.column!)?.value)
            .filter((value): value is number => typeof value === 'number');
        let value: number | null = null;
        if (numbers.length) {
            if (summary.aggregate === 'Sum') value = numbers.reduce((a, b) => a + b, 0);
            else if (summary.aggregate === 'Average')
                value = numbers.reduce((a, b) => a + b, 0) / numbers.length;
            else if (summary.aggregate === 'Maximum') value = Math.max(...numbers);
            else value = Math.min(...numbers);
        }
        // money sums stay exact to the cent, whatever the binary addition did
        values[summary.key] = value === null ? null : Math.round(value * 1e6) / 1e6;
    }
    values.RowCount = rows.length;
    return { rowCount: rows.length, values };
}

/** The bucket a date falls in for a grouping's granularity: its key (sortable) and label. */
export function dateBucket(day: string, granularity: DateGranularity): { key: string; label: string } {
    const [y, m, d] = day.slice(0, 10).split('-').map(Number) as [number, number, number];
    switch (granularity) {
        case 'Year':
            return { key: `${y}`, label: `${y}` };
        case 'Quarter': {
            const quarter = Math.floor((m - 1) / 3) + 1;
            return { key: `${y}-Q${quarter}`, label: `Q${quarter} ${y}` };
        }
        case 'Month': {
            const key = `${y}-${String(m).padStart(2, '0')}`;
            const name = new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en-US', {
                month: 'long',
                timeZone: 'UTC'
            });
            return { key, label: `${name} ${y}` };
        }
        case 'Week': {
            // weeks start on Sunday, as the en_US locale's calendar does
            const date = new Date(Date.UTC(y, m - 1, d));
            date.setUTCDate(date.getUTCDate() - date.getUTCDay());
            const start = date.toISOString().slice(0, 10);
            return { key: start, label: `Week of ${start}` };
        }
        default:
            return { key: day.slice(0, 10), label: day.slice(0, 10) };
    }
}

function groupKey(
    cell: Cell | undefined,
    grouping: GroupingDefinition,
    isDate: boolean
): { key: string; label: string } {
    const value = cell?.value ?? null;
    if (value === null || value === '') return { key: '', label: '-' };
    if (isDate && grouping.dateGranularity !== 'None')
        return dateBucket(String(value), grouping.dateGranularity);
    if (isDate) return dateBucket(String(value), 'Day');
    return { key: String(value), label: cell?.label ?? String(value) };
}

function buildGroups(
    rows: readonly ReportRow[],
    groupings: readonly GroupingDefinition[],
    summaries: readonly SummaryDefinition[],
    isDate: (column: string) => boolean,
    leaf: (path: string, rows: ReportRow[]) => void,
    prefix = ''
): GroupNode[] {
    const [grouping, ...rest] = groupings;
    if (!grouping) return [];
    const buckets = new Map<string, { label: string; rows: ReportRow[] }>();
    const date = isDate(grouping.field);
    for (const row of rows) {
        const { key, label } = groupKey(row.get(grouping.field), grouping, date);
        let bucket = buckets.get(key);
        if (!bucket) buckets.set(key, (bucket = { label, rows: [] }));
        bucket.rows.push(row);
    }
    const nodes = [...buckets].map(([key, bucket]) => {
        const path = prefix ? `${prefix}${PATH_SEPARATOR}${key}` : key;
        const children = buildGroups(bucket.rows, rest, summaries, isDate, leaf, path);
        if (!rest.length) leaf(path, bucket.rows);
        return {
            key: path,
            label: bucket.label,
            summary: summarize(bucket.rows, summaries),
            children,
            sortKey: key
        };
    });
    const by = grouping.sortByAggregate ? normalSummaryKey(grouping.sortByAggregate) : null;
    if (by && !summaries.some((summary) => summary.key === by))
        throw new ReportDefinitionError(
            `<sortByName>${grouping.sortByAggregate}</sortByName> is no summary of the report`
        );
    const direction = grouping.sortOrder === 'Desc' ? -1 : 1;
    nodes.sort((a, b) => {
        if (by)
            return direction * ((a.summary.values[by] ?? -Infinity) - (b.summary.values[by] ?? -Infinity));
        // the blank group sorts first ascending, as the report builder shows "-" first
        return (
            direction *
            compareText(
                a.sortKey === '' ? '' : a.label,
                b.sortKey === '' ? '' : b.label,
                a.sortKey,
                b.sortKey,
                date
            )
        );
    });
    return nodes.map((node) => ({
        key: node.key,
        label: node.label,
        summary: node.summary,
        children: node.children
    }));
}

function compareText(a: string, b: string, keyA: string, keyB: string, date: boolean): number {
    if (date) return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
    return a.localeCompare(b, 'en', { sensitivity: 'base' }) || (keyA < keyB ? -1 : keyA > keyB ? 1 : 0);
}

function display(cell: Cell | undefined): string | number | boolean | null {
    if (!cell) return null;
    return cell.label ?? cell.value;
}

/**
 * Groups and sums filtered rows as the report's format says. `typeOf` answers a column's metadata type
 * (dates group by granularity, numbers sort as numbers).
 */
export function summarizeReport(
    report: ReportDefinition,
    rows: readonly ReportRow[],
    typeOf: (column: string) => string
): SummarizedReport {
    const summaries = summariesOf(report);
    const isDate = (column: string): boolean => ['Date', 'DateTime'].includes(typeOf(column));
    const cellRows = new Map<string, ReportRow[]>();
    const downLeaves = new Map<string, ReportRow[]>();
    const down = buildGroups(rows, report.groupingsDown, summaries, isDate, (path, leafRows) =>
        downLeaves.set(path, leafRows)
    );
    let across: GroupNode[] = [];
    const cells: Record<string, Summary> = {};
    if (report.format === 'Matrix') {
        across = buildGroups(rows, report.groupingsAcross, summaries, isDate, () => undefined);
        for (const [downPath, leafRows] of downLeaves) {
            buildGroups(leafRows, report.groupingsAcross, summaries, isDate, (acrossPath, cellRowsOf) =>
                cellRows.set(`${downPath}${PATH_SEPARATOR}${PATH_SEPARATOR}${acrossPath}`, cellRowsOf)
            );
        }
        for (const [key, each] of cellRows) cells[key] = summarize(each, summaries);
    }
    let detailRows = [...rows];
    if (report.sortColumn) {
        const column = report.sortColumn;
        const direction = report.sortOrder === 'Desc' ? -1 : 1;
        detailRows.sort((a, b) => direction * compareCells(a.get(column), b.get(column)));
    }
    // the row limit applies to a tabular report's rows (the builder allows it on tabular reports only)
    if (report.rowLimit !== null) {
        if (report.format !== 'Tabular')
            throw new ReportDefinitionError(`${report.fullName}: <rowLimit> applies to Tabular reports only`);
        detailRows = detailRows.slice(0, report.rowLimit);
    }
    const grand = summarize(report.format === 'Tabular' ? detailRows : rows, summaries);
    const details = report.showDetails
        ? detailRows.map((row) => report.columns.map((column) => display(row.get(column.field))))
        : [];
    return { summaries, grand, down, across, cells, details, rowCount: grand.rowCount };
}

function compareCells(a: Cell | undefined, b: Cell | undefined): number {
    const x = a?.value ?? null;
    const y = b?.value ?? null;
    if (x === y) return 0;
    if (x === null) return -1;
    if (y === null) return 1;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(a?.label ?? x).localeCompare(String(b?.label ?? y), 'en', { sensitivity: 'base' });
}

/** A matrix cell's key from the down and across group keys. */
export function matrixCellKey(downKey: string, acrossKey: string): string {
    return `${downKey}${PATH_SEPARATOR}${PATH_SEPARATOR}${acrossKey}`;
}
