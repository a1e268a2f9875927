// Runs Keystone's shipped reports over an org as one user: every report type and report under
// force-app (reportTypes/, reports/<folder>/), each report's rows read in user mode through the Apex
// runtime, filtered, grouped and summed; and the dashboards' components over the same results. A report
// the engine cannot run carries its error instead of numbers.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ApexOrg } from '../../apex-runtime/org/apexOrg';
import {
    readDashboard,
    readReport,
    readReportType,
    ReportDefinitionError,
    type CriteriaItem,
    type DashboardDefinition,
    type ReportDefinition,
    type ReportTypeDefinition
} from './definitions';
import { fetchRows, type ColumnShape } from './fetchRows';
import { filterRows } from './filters';
import {
    normalSummaryKey,
    PATH_SEPARATOR,
    summarizeReport,
    type GroupNode,
    type SummarizedReport
} from './summarize';

export interface ReportColumnView {
    key: string;
    label: string;
    type: string;
}

export interface ReportResult extends Partial<SummarizedReport> {
    fullName: string;
    developerName: string;
    label: string;
    description: string;
    format: string;
    reportType: string;
    columns: ReportColumnView[];
    /** labels of the summaries by key */
    summaryLabels: Record<string, string>;
    groupingLabels: { down: string[]; across: string[] };
    error?: string;
}

export interface DashboardComponentResult {
    componentType: string;
    title: string;
    header: string;
    report: string;
    summary: string;
    summaryLabel: string;
    /** how the preview draws it: one figure, a table or bars of the groups */
    drawnAs: 'metric' | 'table' | 'bars';
    /** the component's first grouping (the report's first grouping down unless it names another): label and value of each group */
    groups: { label: string; value: number | null }[];
    total: number | null;
    /** what the org draws that the preview leaves out (a second grouping, a donut's or line's shape) */
    note?: string;
    error?: string;
}

const DRAWN_AS: Record<string, DashboardComponentResult['drawnAs']> = {
    Metric: 'metric',
    Gauge: 'metric',
    Table: 'table',
    FlexTable: 'table',
    Bar: 'bars',
    BarGrouped: 'bars',
    BarStacked: 'bars',
    Column: 'bars',
    ColumnGrouped: 'bars',
    ColumnStacked: 'bars',
    Donut: 'bars',
    Pie: 'bars',
    Line: 'bars',
    LineGrouped: 'bars'
};
/** the chart types whose figures the preview's bars show as the org's chart shows them */
const PLAIN_BARS = new Set(['Bar', 'Column']);

export interface DashboardResult {
    name: string;
    title: string;
    description: string;
    components: DashboardComponentResult[];
}

export interface ReportCatalog {
    types: Map<string, ReportTypeDefinition>;
    reports: ReportDefinition[];
    dashboards: DashboardDefinition[];
    /** definitions that could not be read, with why */
    problems: { file: string; message: string }[];
}

function files(folder: string, suffix: string): string[] {
    if (!fs.existsSync(folder)) return [];
    return fs
        .readdirSync(folder)
        .filter((name) => name.endsWith(suffix))
        .sort()
        .map((name) => path.join(folder, name));
}

/** Reads every report type, report (folders of reports/) and dashboard (folders of dashboards/) of a source folder. */
export function readReportCatalog(forceApp: string): ReportCatalog {
    const problems: ReportCatalog['problems'] = [];
    const attempt = <T>(file: string, read: () => T): T[] => {
        try {
            return [read()];
        } catch (error) {
            if (!(error instanceof ReportDefinitionError)) throw error;
            problems.push({ file: path.relative(forceApp, file), message: error.message });
            return [];
        }
    };
    const types = new Map<string, ReportTypeDefinition>();
    for (const file of files(path.join(forceApp, 'reportTypes'), '.reportType-meta.xml'))
        for (const type of attempt(file, () => readReportType(file))) types.set(type.name, type);
    const reports: ReportDefinition[] = [];
    const dashboards: DashboardDefinition[] = [];
    const reportsRoot = path.join(forceApp, 'reports');
    if (fs.existsSync(reportsRoot))
        for (const folder of fs
            .readdirSync(reportsRoot, { withFileTypes: true })
            .filter((entry) => entry.isDirectory()))
            for (const file of files(path.join(reportsRoot, folder.name), '.report-meta.xml'))
                reports.push(...attempt(file, () => readReport(file, folder.name)));
    const dashboardsRoot = path.join(forceApp, 'dashboards');
    if (fs.existsSync(dashboardsRoot))
        for (const folder of fs
            .readdirSync(dashboardsRoot, { withFileTypes: true })
            .filter((entry) => entry.isDirectory()))
            for (const file of files(path.join(dashboardsRoot, folder.name), '.dashboard-meta.xml'))
                dashboards.push(...attempt(file, () => readDashboard(file)));
    return { types, reports, dashboards, problems };
}

/** The report type a report names: custom report types are named with `__c` in a report. */
export function reportTypeOf(catalog: ReportCatalog, report: ReportDefinition): ReportTypeDefinition {
    const name = report.reportType.replace(/__c$/, '');
    const type = catalog.types.get(name);
    if (!type)
        throw new ReportDefinitionError(
            `${report.fullName}: <reportType>${report.reportType}</reportType> is not a report type under reportTypes/ (the preview runs custom report types only)`
        );
    return type;
}

/** Every column a report reads: shown, filtered, grouped, sorted or framed by. */
export function columnsRead(report: ReportDefinition): string[] {
    const names = new Set<string>();
    for (const column of report.columns) names.add(column.field);
    for (const item of report.filter.items) names.add(item.column);
    for (const grouping of [...report.groupingsDown, ...report.groupingsAcross]) names.add(grouping.field);
    if (report.timeFrame) names.add(report.timeFrame.dateColumn);
    if (report.sortColumn) names.add(report.sortColumn);
    return [...names];
}

const AGGREGATE_WORDS: Record<string, string> = {
    's!': 'Sum of',
    'a!': 'Average',
    'x!': 'Largest',
    'm!': 'Smallest',
    'u!': 'Unique'
};

function summaryLabel(key: string, shapes: ReadonlyMap<string, ColumnShape>): string {
    if (key === 'RowCount') return 'Record Count';
    const prefix = key.slice(0, 2);
    const column = key.slice(2);
    return `${AGGREGATE_WORDS[prefix] ?? prefix} ${shapes.get(column)?.label ?? column}`;
}

/**
 * Runs one report as `userId`; a report that cannot run returns its error and no numbers. `extraFilters`
 * are added to the report's own with AND, as a reader narrows a report when running it (the Analytics
 * API's run-time `reportFilters`).
 */
export function runReport(
    org: ApexOrg,
    catalog: ReportCatalog,
    definition: ReportDefinition,
    userId: string,
    extraFilters: readonly CriteriaItem[] = []
): ReportResult {
    const report = withFilters(definition, extraFilters);
    const base: ReportResult = {
        fullName: report.fullName,
        developerName: report.developerName,
        label: report.label,
        description: report.description,
        format: report.format,
        reportType: report.reportType,
        columns: [],
        summaryLabels: {},
        groupingLabels: { down: [], across: [] }
    };
    try {
        const type = reportTypeOf(catalog, report);
        const { rows, shapes } = fetchRows(org, type, columnsRead(report), userId);
        const typeOf = (column: string): string => shapes.get(column)?.type ?? 'Text';
        const kept = filterRows(rows, report.filter, report.timeFrame, typeOf, org.store.today);
        const summarized = summarizeReport(report, kept, typeOf);
        const label = (column: string): string => shapes.get(column)?.label ?? column;
        return {
            ...base,
            ...summarized,
            columns: report.columns.map((column) => ({
                key: column.field,
                label: label(column.field),
                type: typeOf(column.field)
            })),
            summaryLabels: Object.fromEntries(
                summarized.summaries.map((each) => [each.key, summaryLabel(each.key, shapes)])
            ),
            groupingLabels: {
                down: report.groupingsDown.map((each) => label(each.field)),
                across: report.groupingsAcross.map((each) => label(each.field))
            }
        };
    } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return {
            ...base,
            error: message.startsWith(report.fullName) ? message : `${report.fullName}: ${message}`
        };
    }
}

function withFilters(report: ReportDefinition, extra: readonly CriteriaItem[]): ReportDefinition {
    if (!extra.length) return report;
    const own = report.filter.items.length;
    const ownLogic =
        report.filter.booleanFilter ??
        (own ? Array.from({ length: own }, (_, i) => i + 1).join(' AND ') : '');
    const added = extra.map((_, i) => String(own + i + 1)).join(' AND ');
    return {
        ...report,
        filter: {
            items: [...report.filter.items, ...extra],
            booleanFilter: ownLogic ? `(${ownLogic}) AND ${added}` : added
        }
    };
}

/** A dashboard's components over the reports' results: the summary each shows, by the report's first grouping. */
export function runDashboard(
    dashboard: DashboardDefinition,
    results: readonly ReportResult[],
    reports: readonly ReportDefinition[]
): DashboardResult {
    const byName = new Map(results.map((result) => [result.fullName, result]));
    const definitions = new Map(reports.map((report) => [report.fullName, report]));
    return {
        name: dashboard.name,
        title: dashboard.title,
        description: dashboard.description,
        components: dashboard.components.map((component) => {
            const result = byName.get(component.report);
            const summary = normalSummaryKey(component.summary ?? 'RowCount');
            const shell: DashboardComponentResult = {
                componentType: component.componentType,
                title: component.title,
                header: component.header,
                report: component.report,
                summary,
                summaryLabel: result?.summaryLabels[summary] ?? summary,
                drawnAs: 'table',
                groups: [],
                total: null
            };
            if (!result)
                return {
                    ...shell,
                    error: `${dashboard.name}: the report ${component.report} is not in reports/`
                };
            if (result.error) return { ...shell, error: result.error };
            if (!(summary in (result.grand?.values ?? {})))
                return {
                    ...shell,
                    error: `${dashboard.name}: ${summary} is no summary of ${component.report}`
                };
            const drawnAs = DRAWN_AS[component.componentType];
            if (!drawnAs)
                return {
                    ...shell,
                    error: `${dashboard.name}: the preview does not draw <componentType>${component.componentType}</componentType>`
                };
            const definition = definitions.get(component.report);
            const [axis, split] = component.groupingColumns;
            const downFields = definition?.groupingsDown.map((each) => each.field) ?? [];
            const acrossFields = definition?.groupingsAcross.map((each) => each.field) ?? [];
            let groups: GroupNode[];
            let axisLabel: string;
            if (axis === undefined || axis === downFields[0]) {
                groups = result.down ?? [];
                axisLabel = result.groupingLabels.down[0] ?? '';
            } else if (axis === acrossFields[0]) {
                groups = result.across ?? [];
                axisLabel = result.groupingLabels.across[0] ?? '';
            } else if (axis === downFields[1] && split === downFields[0]) {
                // the chart turns the report's two groupings round: its axis is the report's inner grouping
                const merged = innerGroups(
                    result.down ?? [],
                    summary,
                    definition!.groupingsDown[1]!.sortOrder
                );
                if (!merged)
                    return {
                        ...shell,
                        error: `${dashboard.name}: ${summary} cannot be added up across ${result.groupingLabels.down[0]} to draw it by ${result.groupingLabels.down[1]}`
                    };
                groups = merged;
                axisLabel = result.groupingLabels.down[1] ?? '';
            } else
                return {
                    ...shell,
                    error: `${dashboard.name}: <groupingColumn>${axis}</groupingColumn> is not a grouping of ${component.report} a chart can draw along its axis`
                };
            const leftOut: string[] = [];
            if (split !== undefined) {
                const down = definition?.groupingsDown.findIndex((each) => each.field === split) ?? -1;
                const across = definition?.groupingsAcross.findIndex((each) => each.field === split) ?? -1;
                const splitLabel =
                    (down >= 0 ? result.groupingLabels.down[down] : result.groupingLabels.across[across]) ??
                    split;
                leftOut.push(`split by ${splitLabel}`);
            }
            if (drawnAs === 'bars' && !PLAIN_BARS.has(component.componentType))
                leftOut.push(`drawn as a ${component.componentType} chart`);
            return {
                ...shell,
                drawnAs,
                groups: groups.map((group) => ({
                    label: group.label,
                    value: group.summary.values[summary] ?? null
                })),
                total: result.grand!.values[summary] ?? null,
                ...(leftOut.length
                    ? {
                          note: `The preview shows ${shell.summaryLabel} by ${axisLabel}; in the org it is also ${leftOut.join(' and ')}.`
                      }
                    : {})
            };
        })
    };
}

/**
 * The inner groups of a two-level grouping, each added up across the outer groups; null for a summary
 * that does not add up (an average or a distinct count of the parts is not the whole's).
 */
function innerGroups(
    outer: readonly GroupNode[],
    summary: string,
    order: 'Asc' | 'Desc'
): GroupNode[] | null {
    const add =
        summary === 'RowCount' || summary.startsWith('s!')
            ? (a: number, b: number) => a + b
            : summary.startsWith('x!')
              ? Math.max
              : summary.startsWith('m!')
                ? Math.min
                : null;
    if (!add) return null;
    const byKey = new Map<string, GroupNode>();
    for (const parent of outer)
        for (const child of parent.children) {
            const key = child.key.split(PATH_SEPARATOR).pop()!;
            const value = child.summary.values[summary] ?? null;
            const seen = byKey.get(key);
            if (!seen) {
                byKey.set(key, {
                    key,
                    label: child.label,
                    children: [],
                    summary: { rowCount: child.summary.rowCount, values: { [summary]: value } }
                });
                continue;
            }
            const before = seen.summary.values[summary] ?? null;
            seen.summary.rowCount += child.summary.rowCount;
            seen.summary.values[summary] =
                before === null ? value : value === null ? before : add(before, value);
        }
    const direction = order === 'Desc' ? -1 : 1;
    return [...byKey.values()].sort(
        (a, b) => direction * a.label.localeCompare(b.label, 'en', { sensitivity: 'base' })
    );
}

export interface ReportsPage {
    reports: ReportResult[];
    dashboards: DashboardResult[];
    problems: { file: string; message: string }[];
}

/** Every shipped report and dashboard, run as `userId` over the org. */
export function runReportsPage(org: ApexOrg, catalog: ReportCatalog, userId: string): ReportsPage {
    const reports = catalog.reports.map((report) => runReport(org, catalog, report, userId));
    return {
        reports,
        dashboards: catalog.dashboards.map((dashboard) => runDashboard(dashboard, reports, catalog.reports)),
        problems: catalog.problems
    };
}
