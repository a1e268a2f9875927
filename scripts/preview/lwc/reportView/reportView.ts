// What the preview's Reports page draws from the report engine's results, DOM-free: a report as a table
// (tabular rows, summary groups indented under their parents, or a matrix of groups down × across with
// row and column totals), and a dashboard's components as a metric, a table or bars.

/** The engine's result for one report, as /api/reports sends it (scripts/preview/reports/runReports.ts). */
export interface GroupNode {
    key: string;
    label: string;
    summary: { rowCount: number; values: Record<string, number | null> };
    children: GroupNode[];
}

export interface ReportResult {
    fullName: string;
    developerName: string;
    label: string;
    description: string;
    format: string;
    columns: { key: string; label: string; type: string }[];
    summaryLabels: Record<string, string>;
    groupingLabels: { down: string[]; across: string[] };
    summaries?: { key: string; column: string | null; aggregate: string }[];
    grand?: { rowCount: number; values: Record<string, number | null> };
    down?: GroupNode[];
    across?: GroupNode[];
    cells?: Record<string, { rowCount: number; values: Record<string, number | null> }>;
    details?: (string | number | boolean | null)[][];
    rowCount?: number;
    error?: string;
}

export interface DashboardComponentResult {
    componentType: string;
    title: string;
    header: string;
    report: string;
    summary: string;
    summaryLabel: string;
    drawnAs: 'metric' | 'table' | 'bars';
    groups: { label: string; value: number | null }[];
    total: number | null;
    note?: string;
    error?: string;
}

export interface ReportsPayload {
    reports: ReportResult[];
    dashboards: {
        name: string;
        title: string;
        description: string;
        components: DashboardComponentResult[];
    }[];
    problems: { file: string; message: string }[];
}

export interface TableCell {
    key: string;
    text: string;
    numeric: boolean;
    /** the cell's class: numbers right-aligned, as the report builder shows them */
    className: string;
}

export interface TableRow {
    key: string;
    className: string;
    cells: TableCell[];
}

export interface ReportTable {
    header: TableCell[];
    rows: TableRow[];
    total: TableRow;
}

const SEPARATOR = '\u241f';
const MONEY = new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'USD',
    maximumFractionDigits: 0
});
const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** A summary's value as the report shows it: money for currency columns, blank for no value. */
export function formatSummary(result: ReportResult, key: string, value: number | null | undefined): string {
    if (value === null || value === undefined) return '';
    // a record count or a count of distinct values is a count, whatever the column holds
    if (key === 'RowCount' || key.startsWith('u!')) return NUMBER.format(value);
    const column = result.columns.find((each) => key.slice(2) === each.key);
    return column?.type === 'Currency' ? MONEY.format(value) : NUMBER.format(value);
}

function formatDetail(type: string, value: string | number | boolean | null): string {
    if (value === null) return '';
    if (typeof value === 'number') return type === 'Currency' ? MONEY.format(value) : NUMBER.format(value);
    if (typeof value === 'boolean') return value ? 'True' : 'False';
    return value;
}

const text = (key: string, value: string, numeric = false): TableCell => ({
    key,
    text: value,
    numeric,
    className: numeric ? 'number' : ''
});

/** The summaries a report shows next to its groups: its aggregates, or the record count when it has none. */
export function shownSummaries(result: ReportResult): string[] {
    const keys = (result.summaries ?? []).map((each) => each.key).filter((key) => key !== 'RowCount');
    return keys.length ? keys : ['RowCount'];
}

function summaryCells(
    result: ReportResult,
    prefix: string,
    values: Record<string, number | null>,
    keys: string[]
): TableCell[] {
    return keys.map((key) => text(`${prefix}-${key}`, formatSummary(result, key, values[key]), true));
}

/** A report as one table, by its format. */
export function reportTable(result: ReportResult): ReportTable {
    const grand = result.grand ?? { rowCount: 0, values: {} };
    const keys = shownSummaries(result);
    if (result.format === 'Matrix') {
        const key = keys[0]!;
        const acrossLeaves: GroupNode[] = [];
        const collect = (nodes: GroupNode[]): void =>
            nodes.forEach((node) =>
                node.children.length ? collect(node.children) : acrossLeaves.push(node)
            );
        collect(result.across ?? []);
        const header = [
            text('down', result.groupingLabels.down.join(' › ')),
            ...acrossLeaves.map((node) => text(`h-${node.key}`, node.label, true)),
            text('h-total', `Total (${result.summaryLabels[key] ?? key})`, true)
        ];
        const rows: TableRow[] = [];
        const walk = (nodes: GroupNode[], depth: number): void => {
            for (const node of nodes) {
                const leaf = node.children.length === 0;
                rows.push({
                    key: node.key,
                    className: leaf ? `depth-${depth}` : `depth-${depth} subtotal`,
                    cells: [
                        text('label', node.label),
                        ...acrossLeaves.map((across) =>
                            text(
                                across.key,
                                leaf
                                    ? formatSummary(
                                          result,
                                          key,
                                          result.cells?.[`${node.key}${SEPARATOR}${SEPARATOR}${across.key}`]
                                              ?.values[key]
                                      )
                                    : '',
                                true
                            )
                        ),
                        text('total', formatSummary(result, key, node.summary.values[key]), true)
                    ]
                });
                walk(node.children, depth + 1);
            }
        };
        walk(result.down ?? [], 0);
        const total: TableRow = {
            key: 'grand',
            className: 'grand',
            cells: [
                text('label', `Grand total (${grand.rowCount} records)`),
                ...acrossLeaves.map((node) =>
                    text(`t-${node.key}`, formatSummary(result, key, node.summary.values[key]), true)
                ),
                text('total', formatSummary(result, key, grand.values[key]), true)
            ]
        };
        return { header, rows, total };
    }
    if (result.format === 'Summary') {
        const header = [
            text('group', result.groupingLabels.down.join(' › ')),
            text('count', 'Record Count', true),
            ...keys
                .filter((key) => key !== 'RowCount')
                .map((key) => text(`h-${key}`, result.summaryLabels[key] ?? key, true))
        ];
        const rows: TableRow[] = [];
        const walk = (nodes: GroupNode[], depth: number): void => {
            for (const node of nodes) {
                rows.push({
                    key: node.key,
                    className: `depth-${depth}`,
                    cells: [
                        text('label', node.label),
                        text('count', String(node.summary.rowCount), true),
                        ...summaryCells(
                            result,
                            node.key,
                            node.summary.values,
                            keys.filter((key) => key !== 'RowCount')
                        )
                    ]
                });
                walk(node.children, depth + 1);
            }
        };
        walk(result.down ?? [], 0);
        return {
            header,
            rows,
            total: {
                key: 'grand',
                className: 'grand',
                cells: [
                    text('label', 'Grand total'),
                    text('count', String(grand.rowCount), true),
                    ...summaryCells(
                        result,
                        'grand',
                        grand.values,
                        keys.filter((key) => key !== 'RowCount')
                    )
                ]
            }
        };
    }
    const header = result.columns.map((column) =>
        text(column.key, column.label, ['Currency', 'Number', 'Percent'].includes(column.type))
    );
    const rows = (result.details ?? []).map((detail, index) => ({
        key: String(index),
        className: '',
        cells: detail.map((value, at) => {
            const column = result.columns[at]!;
            return text(column.key, formatDetail(column.type, value), typeof value === 'number');
        })
    }));
    const totals = new Map(
        (result.summaries ?? []).filter((each) => each.column).map((each) => [each.column!, each.key])
    );
    return {
        header,
        rows,
        total: {
            key: 'grand',
            className: 'grand',
            cells: result.columns.map((column, at) => {
                const key = totals.get(column.key);
                if (at === 0 && !key) return text(column.key, `Grand total (${grand.rowCount} records)`);
                return text(column.key, key ? formatSummary(result, key, grand.values[key]) : '', true);
            })
        }
    };
}

export interface Bar {
    key: string;
    label: string;
    value: string;
    y: number;
    width: number;
    labelY: number;
}

/** A bar chart's bars, horizontal, scaled to the largest group: positions in SVG units for `width`. */
export function bars(
    component: DashboardComponentResult,
    result: ReportResult | undefined,
    width = 320,
    rowHeight = 28
): Bar[] {
    const values = component.groups.map((group) => group.value ?? 0);
    const largest = Math.max(0, ...values);
    return component.groups.map((group, index) => ({
        key: `${index}`,
        label: group.label,
        value: result ? formatSummary(result, component.summary, group.value) : String(group.value ?? ''),
        y: index * rowHeight,
        width: largest > 0 ? Math.round(((group.value ?? 0) / largest) * width) : 0,
        labelY: index * rowHeight + rowHeight / 2 + 4
    }));
}
