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
import { normalSummaryKey, summarizeReport, type SummarizedReport } from './summarize';

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
    /** the report's first grouping down: label and value of each group */
    groups: { label: string; value: number | null }[];
    total: number | null;
    error?: string;
}

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
    'm!': 'Smallest'
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
    results: readonly ReportResult[]
): DashboardResult {
    const byName = new Map(results.map((result) => [result.fullName, result]));
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
            if (
                ![
                    'Metric',
                    'Table',
                    'Bar',
                    'BarGrouped',
                    'Column',
                    'ColumnGrouped',
                    'Gauge',
                    'FlexTable'
                ].includes(component.componentType)
            )
                return {
                    ...shell,
                    error: `${dashboard.name}: the preview does not draw <componentType>${component.componentType}</componentType>`
                };
            return {
                ...shell,
                groups: (result.down ?? []).map((group) => ({
                    label: group.label,
                    value: group.summary.values[summary] ?? null
                })),
                total: result.grand!.values[summary] ?? null
            };
        })
    };
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
        dashboards: catalog.dashboards.map((dashboard) => runDashboard(dashboard, reports)),
        problems: catalog.problems
    };
}
