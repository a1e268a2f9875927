// Report types, reports and dashboards as the Metadata API writes them, read into small shapes and checked
// against what the project ships. Pure: callers hand in parsed XML and a catalog of objects and fields, so
// the rules are tested with tables of cases and no files. A report over a custom report type names each
// column `<table>$<field>`, where <table> is the report type's path (`Account_Plan__c`,
// `Account_Plan__c.Plan_Objectives__r`) and <field> a field of that table's object. Lookup paths
// (`Account__c.Key_Account_Tier__c`) are refused: see LOOKUP_PATH_REASON.
import { childText, type XmlElement } from '../lib/xmlTree';

/** What the checks need to know about one field. `type` is '' for standard fields we do not describe. */
export interface FieldInfo {
    type: string;
    referenceTo?: string;
    /** The picklist's values when the project defines them (its own or a global value set). */
    picklist?: string[];
}

/** Objects, fields and child relationships the project ships or the platform provides. */
export interface Catalog {
    hasObject(object: string): boolean;
    /** The field, or null when the object is known and has no such field (or the object is unknown). */
    field(object: string, field: string): FieldInfo | null;
    /** The child object a child relationship name reaches from `object`, or null. */
    child(object: string, relationship: string): string | null;
}

export interface Problem {
    line: number;
    rule: string;
    message: string;
}

export interface ReportTypeColumn {
    table: string;
    field: string;
    line: number;
}

export interface ReportTypeJoin {
    relationship: string;
    outerJoin: boolean;
    line: number;
}

export interface ParsedReportType {
    name: string;
    line: number;
    baseObject: string;
    category?: string;
    deployed?: string;
    label?: string;
    description?: string;
    joins: ReportTypeJoin[];
    sections: { masterLabel?: string; line: number }[];
    columns: ReportTypeColumn[];
}

const children = (element: XmlElement, name: string): XmlElement[] =>
    element.children.filter((child) => child.name === name);

/** A report type's base object, its join chain (outermost first) and its columns. */
export function parseReportType(name: string, root: XmlElement): ParsedReportType {
    const joins: ReportTypeJoin[] = [];
    for (let join = children(root, 'join')[0]; join; join = children(join, 'join')[0]) {
        joins.push({
            relationship: childText(join, 'relationship') ?? '',
            outerJoin: childText(join, 'outerJoin') === 'true',
            line: join.line
        });
    }
    const sections = children(root, 'sections');
    return {
        name,
        line: root.line,
        baseObject: childText(root, 'baseObject') ?? '',
        category: childText(root, 'category'),
        deployed: childText(root, 'deployed'),
        label: childText(root, 'label'),
        description: childText(root, 'description'),
        joins,
        sections: sections.map((section) => ({
            masterLabel: childText(section, 'masterLabel'),
            line: section.line
        })),
        columns: sections.flatMap((section) =>
            children(section, 'columns').map((column) => ({
                table: childText(column, 'table') ?? '',
                field: childText(column, 'field') ?? '',
                line: column.line
            }))
        )
    };
}

/** The platform's limit on objects in one custom report type ("ReportType", join). */
const MAX_OBJECTS = 4;
/** Report and report type descriptions hold at most 255 characters; a longer one fails the deploy. */
export const MAX_DESCRIPTION = 255;
/** A custom report type's label holds at most 50 characters (Salesforce Help, "Create a Custom Report Type"). */
export const MAX_REPORT_TYPE_LABEL = 50;

function tooLong(description: string | undefined): string | undefined {
    return description && description.length > MAX_DESCRIPTION
        ? `<description> has ${description.length} characters; the platform keeps at most ${MAX_DESCRIPTION}`
        : undefined;
}

/**
 * Why no column may reach a field through a lookup (`Account.Name` in a report type, `Contact$Account.Name`
 * in a report): the Salesforce documentation we can check offline does not confirm how either is written,
 * and a wrong name fails the customer's first deploy of the whole package.
 */
export const LOOKUP_PATH_REASON =
    'the documented syntax of lookup-path columns could not be confirmed, and a wrong one fails the first deploy';

/** The field part of a column name (`Name` of `Account.Contacts$Name`), or '' when it names no field (RowCount). */
export function fieldOfColumn(column: string): string {
    const dollar = column.indexOf('$');
    return dollar < 0 ? '' : column.slice(dollar + 1);
}

/**
 * Checks a report type and returns, besides its problems, the report columns it offers
 * (`<table>$<field>` → the field), which the reports over it may use.
 */
export function checkReportType(
    reportType: ParsedReportType,
    catalog: Catalog
): { problems: Problem[]; columns: Map<string, FieldInfo> } {
    const problems: Problem[] = [];
    const columns = new Map<string, FieldInfo>();
    const problem = (line: number, rule: string, message: string): void => {
        problems.push({ line, rule, message });
    };
    if (reportType.deployed !== 'true')
        problem(
            reportType.line,
            'report-type-deployed',
            `${reportType.name} must be deployed (<deployed>true</deployed>): reports cannot use a report type in development`
        );
    if (!reportType.category)
        problem(
            reportType.line,
            'report-type-category',
            `${reportType.name} needs a <category> (where users find it when they create a report)`
        );
    if (!reportType.label)
        problem(reportType.line, 'report-type-label', `${reportType.name} needs a <label>`);
    else if (reportType.label.length > MAX_REPORT_TYPE_LABEL)
        problem(
            reportType.line,
            'report-type-label',
            `${reportType.name}'s label has ${reportType.label.length} characters: a report type's label holds at most ${MAX_REPORT_TYPE_LABEL}`
        );
    if (!reportType.description)
        problem(
            reportType.line,
            'report-type-description',
            `${reportType.name} needs a <description> saying what its rows are`
        );
    const longType = tooLong(reportType.description);
    if (longType) problem(reportType.line, 'report-type-description', longType);
    for (const section of reportType.sections) {
        if (!section.masterLabel)
            problem(section.line, 'report-type-section', 'every <sections> needs a <masterLabel>');
    }
    if (!catalog.hasObject(reportType.baseObject)) {
        problem(
            reportType.line,
            'report-type-base-object',
            `base object ${reportType.baseObject || '(none)'} does not exist`
        );
        return { problems, columns };
    }
    const tables = new Map<string, string>([[reportType.baseObject, reportType.baseObject]]);
    let table = reportType.baseObject;
    let object = reportType.baseObject;
    let outerSeen = false;
    if (reportType.joins.length + 1 > MAX_OBJECTS)
        problem(
            reportType.joins[0]!.line,
            'report-type-join',
            `${reportType.joins.length + 1} objects joined: a report type joins at most ${MAX_OBJECTS}`
        );
    for (const join of reportType.joins) {
        if (outerSeen && !join.outerJoin)
            problem(
                join.line,
                'report-type-join',
                `${join.relationship} is an inner join after an outer join, which the platform refuses`
            );
        outerSeen ||= join.outerJoin;
        const childObject = catalog.child(object, join.relationship);
        if (!childObject) {
            problem(
                join.line,
                'report-type-relationship',
                `${join.relationship} is not a child relationship of ${object}`
            );
            break;
        }
        table = `${table}.${join.relationship}`;
        object = childObject;
        tables.set(table, object);
    }
    const seen = new Set<string>();
    for (const column of reportType.columns) {
        const tableObject = tables.get(column.table);
        if (!tableObject) {
            problem(
                column.line,
                'report-type-table',
                `table ${column.table} is not one of ${[...tables.keys()].join(', ')}`
            );
            continue;
        }
        const key = `${column.table}$${column.field}`;
        if (seen.has(key.toLowerCase())) {
            problem(
                column.line,
                'report-type-duplicate-column',
                `${column.field} is listed twice for ${column.table}`
            );
            continue;
        }
        seen.add(key.toLowerCase());
        if (column.field.includes('.')) {
            problem(
                column.line,
                'report-type-lookup-path',
                `${column.field} on ${column.table} reaches a field through a lookup: ${LOOKUP_PATH_REASON}. ` +
                    `List the lookup field itself (${column.field.split('.')[0]}) or root the report type at the parent object and join down to ${tableObject}`
            );
            continue;
        }
        const info = catalog.field(tableObject, column.field);
        if (!info) problem(column.line, 'report-type-field', `${tableObject}.${column.field} does not exist`);
        else columns.set(key, info);
    }
    return { problems, columns };
}

export interface ReportReference {
    /** Where the name appears: column, filter, grouping, sort, time frame, chart grouping. */
    kind: string;
    column: string;
    line: number;
}

export interface ParsedReport {
    name: string;
    line: number;
    label?: string;
    reportType: string;
    reportTypeLine: number;
    format: string;
    description?: string;
    columns: { field: string; aggregateTypes: string[]; line: number }[];
    groupingsDown: ReportReference[];
    groupingsAcross: ReportReference[];
    filters: { column: string; operator: string; value: string; line: number }[];
    references: ReportReference[];
    chartSummaries: { aggregate?: string; column: string; line: number }[];
}

const ref = (kind: string, element: XmlElement | undefined, column: string | undefined): ReportReference[] =>
    element && column ? [{ kind, column, line: element.line }] : [];

/** A report's type, format, and every place it names a column of its report type. */
export function parseReport(name: string, root: XmlElement): ParsedReport {
    const grouping = (kind: string, element: XmlElement): ReportReference[] =>
        ref(kind, element, childText(element, 'field'));
    const groupingsDown = children(root, 'groupingsDown').flatMap((g) => grouping('grouping', g));
    const groupingsAcross = children(root, 'groupingsAcross').flatMap((g) => grouping('grouping', g));
    const filter = children(root, 'filter')[0];
    const filters = (filter ? children(filter, 'criteriaItems') : []).map((item) => ({
        column: childText(item, 'column') ?? '',
        operator: childText(item, 'operator') ?? '',
        value: childText(item, 'value') ?? '',
        line: item.line
    }));
    const columns = children(root, 'columns').map((column) => ({
        field: childText(column, 'field') ?? '',
        aggregateTypes: children(column, 'aggregateTypes').map((a) => a.text.trim()),
        line: column.line
    }));
    const chart = children(root, 'chart')[0];
    const timeFrame = children(root, 'timeFrameFilter')[0];
    const sort = children(root, 'sortColumn')[0];
    const reportTypeElement = children(root, 'reportType')[0];
    return {
        name,
        line: root.line,
        label: childText(root, 'name'),
        reportType: reportTypeElement?.text.trim() ?? '',
        reportTypeLine: reportTypeElement?.line ?? root.line,
        format: childText(root, 'format') ?? '',
        description: childText(root, 'description'),
        columns,
        groupingsDown,
        groupingsAcross,
        filters,
        references: [
            ...columns.map((column) => ({ kind: 'column', column: column.field, line: column.line })),
            ...groupingsDown,
            ...groupingsAcross,
            ...filters.map((item) => ({ kind: 'filter', column: item.column, line: item.line })),
            ...ref('sort column', sort, sort?.text.trim()),
            ...ref('time frame', timeFrame, timeFrame && childText(timeFrame, 'dateColumn')),
            ...(chart
                ? [
                      ...ref('chart grouping', chart, childText(chart, 'groupingColumn')),
                      ...ref('chart grouping', chart, childText(chart, 'secondaryGroupingColumn'))
                  ]
                : [])
        ],
        chartSummaries: (chart ? children(chart, 'chartSummaries') : []).map((summary) => ({
            aggregate: childText(summary, 'aggregate'),
            column: childText(summary, 'column') ?? '',
            line: summary.line
        }))
    };
}

const NUMERIC = new Set(['Number', 'Currency', 'Percent', 'Summary']);
const NUMERIC_AGGREGATES = new Set(['Sum', 'Average', 'Median']);
/** A chart or dashboard summary of the record count names this column. */
export const ROW_COUNT = 'RowCount';

/** The aggregates of a report's columns, as summaries name them: `Average` of `Account$Health_Score__c`. */
export function summaryKeys(report: ParsedReport): Set<string> {
    const keys = new Set<string>([ROW_COUNT]);
    for (const column of report.columns)
        for (const aggregate of column.aggregateTypes) keys.add(`${aggregate}:${column.field}`);
    return keys;
}

function checkFilterValue(
    filter: ParsedReport['filters'][number],
    field: FieldInfo,
    problem: (line: number, rule: string, message: string) => void
): void {
    if (!filter.value) return;
    const values = filter.value.split(',').map((value) => value.trim());
    if (field.picklist && ['equals', 'notEqual', 'includes', 'excludes'].includes(filter.operator)) {
        for (const value of values) {
            if (!field.picklist.includes(value))
                problem(
                    filter.line,
                    'report-filter-value',
                    `${filter.column} has no value "${value}" (it has ${field.picklist.join(', ')})`
                );
        }
    }
    if (field.type === 'Checkbox' && !values.every((value) => /^(0|1|true|false)$/i.test(value)))
        problem(
            filter.line,
            'report-filter-value',
            `${filter.column} is a checkbox: filter on 1 or 0, not "${filter.value}"`
        );
}

/**
 * Checks a report against its report type's columns (undefined when the type is missing, which the
 * caller reports) and the folder it lives in.
 */
export function checkReport(
    report: ParsedReport,
    reportTypeColumns: Map<string, FieldInfo> | undefined,
    folderExists: boolean,
    folder: string
): Problem[] {
    const problems: Problem[] = [];
    const problem = (line: number, rule: string, message: string): void => {
        problems.push({ line, rule, message });
    };
    if (!folderExists)
        problem(
            report.line,
            'report-folder',
            `folder ${folder} has no reports/${folder}.reportFolder-meta.xml`
        );
    if (!report.label) problem(report.line, 'report-name', `${report.name} needs a <name> (its title)`);
    if (!report.description)
        problem(
            report.line,
            'report-description',
            `${report.name} needs a <description> saying what a manager learns from it`
        );
    const longReport = tooLong(report.description);
    if (longReport) problem(report.line, 'report-description', longReport);
    const down = report.groupingsDown.length;
    const across = report.groupingsAcross.length;
    if (report.format === 'Tabular' && down + across > 0)
        problem(report.line, 'report-format', 'a Tabular report has no groupings (use Summary or Matrix)');
    if (report.format === 'Summary' && (across > 0 || down === 0))
        problem(
            report.line,
            'report-format',
            'a Summary report groups rows (groupingsDown) and never columns'
        );
    if (report.format === 'Matrix' && (across === 0 || down === 0))
        problem(report.line, 'report-format', 'a Matrix report groups both rows and columns');
    // Checked before the report type is known: a lookup path is refused whatever the type offers.
    const lookupPaths = new Set<ReportReference>();
    for (const reference of report.references) {
        const field = fieldOfColumn(reference.column);
        if (!field.includes('.')) continue;
        lookupPaths.add(reference);
        const table = reference.column.slice(0, reference.column.indexOf('$'));
        problem(
            reference.line,
            'report-lookup-path',
            `${reference.kind} ${reference.column} reaches a field through a lookup: ${LOOKUP_PATH_REASON}. ` +
                `Use the lookup column (${table}$${field.split('.')[0]}) or a report type rooted at the parent object`
        );
    }
    if (!reportTypeColumns) return problems;
    for (const reference of report.references) {
        if (!lookupPaths.has(reference) && !reportTypeColumns.has(reference.column))
            problem(
                reference.line,
                'report-column',
                `${reference.kind} ${reference.column} is not a column of report type ${report.reportType}`
            );
    }
    for (const column of report.columns) {
        const field = reportTypeColumns.get(column.field);
        if (!field?.type) continue; // unknown column (reported above) or a standard field we do not describe
        for (const aggregate of column.aggregateTypes) {
            if (NUMERIC_AGGREGATES.has(aggregate) && !NUMERIC.has(field.type))
                problem(
                    column.line,
                    'report-aggregate',
                    `${aggregate} of ${column.field}: a ${field.type} field cannot be summed or averaged`
                );
        }
    }
    for (const filter of report.filters) {
        const field = reportTypeColumns.get(filter.column);
        if (field) checkFilterValue(filter, field, problem);
    }
    const keys = summaryKeys(report);
    for (const summary of report.chartSummaries) {
        const key = summary.column === ROW_COUNT ? ROW_COUNT : `${summary.aggregate ?? ''}:${summary.column}`;
        if (!keys.has(key))
            problem(
                summary.line,
                'report-chart-summary',
                `chart summary ${summary.aggregate ?? ''} ${summary.column} is not an aggregate of the report's columns`
            );
    }
    return problems;
}

export interface DashboardComponentRef {
    report: string;
    line: number;
    groupingColumns: { column: string; line: number }[];
    summaries: { aggregate?: string; column: string; line: number }[];
}

export interface ParsedDashboard {
    name: string;
    line: number;
    title?: string;
    dashboardType?: string;
    runningUser?: string;
    components: DashboardComponentRef[];
}

function allDescendants(element: XmlElement, name: string): XmlElement[] {
    return element.children.flatMap((child) => [
        ...(child.name === name ? [child] : []),
        ...allDescendants(child, name)
    ]);
}

/** The reports a dashboard shows and, per component, the groupings and summaries it draws. */
export function parseDashboard(name: string, root: XmlElement): ParsedDashboard {
    const components = [
        ...allDescendants(root, 'dashboardComponent'),
        ...allDescendants(root, 'components')
    ].filter((component) => childText(component, 'report'));
    return {
        name,
        line: root.line,
        title: childText(root, 'title'),
        dashboardType: childText(root, 'dashboardType'),
        runningUser: childText(root, 'runningUser'),
        components: components.map((component) => ({
            report: childText(component, 'report') ?? '',
            line: children(component, 'report')[0]!.line,
            groupingColumns: children(component, 'groupingColumn').map((g) => ({
                column: g.text.trim(),
                line: g.line
            })),
            summaries: children(component, 'chartSummary').map((summary) => ({
                aggregate: childText(summary, 'aggregate'),
                column: childText(summary, 'column') ?? '',
                line: summary.line
            }))
        }))
    };
}

/**
 * Checks a dashboard: its folder, a running user an installing org has, and every component's report
 * (`Folder/Report`, looked up by the caller) with the groupings and aggregates that report has.
 */
export function checkDashboard(
    dashboard: ParsedDashboard,
    folderExists: boolean,
    folder: string,
    findReport: (qualifiedName: string) => { report?: ParsedReport; folderExists: boolean }
): Problem[] {
    const problems: Problem[] = [];
    const problem = (line: number, rule: string, message: string): void => {
        problems.push({ line, rule, message });
    };
    if (!folderExists)
        problem(
            dashboard.line,
            'dashboard-folder',
            `folder ${folder} has no dashboards/${folder}.dashboardFolder-meta.xml`
        );
    if (!dashboard.title) problem(dashboard.line, 'dashboard-title', `${dashboard.name} needs a <title>`);
    if (dashboard.dashboardType !== 'LoggedInUser' && dashboard.dashboardType !== 'MyTeamUser')
        problem(
            dashboard.line,
            'dashboard-running-user',
            `${dashboard.name} runs as a specified user (dashboardType ${dashboard.dashboardType ?? 'SpecifiedUser, the default'}), a user the installing org does not have: use LoggedInUser`
        );
    if (!dashboard.components.length)
        problem(dashboard.line, 'dashboard-empty', `${dashboard.name} shows no report`);
    for (const component of dashboard.components) {
        const [reportFolder = '', reportName = ''] = component.report.split('/');
        const found = findReport(component.report);
        if (!reportName || !found.folderExists) {
            problem(
                component.line,
                'dashboard-report',
                `report ${component.report}: no report folder ${reportFolder}`
            );
            continue;
        }
        const report = found.report;
        if (!report) {
            problem(component.line, 'dashboard-report', `report ${component.report} does not exist`);
            continue;
        }
        const groupings = new Set([...report.groupingsDown, ...report.groupingsAcross].map((g) => g.column));
        for (const grouping of component.groupingColumns) {
            if (!groupings.has(grouping.column))
                problem(
                    grouping.line,
                    'dashboard-grouping',
                    `${grouping.column} is not a grouping of ${component.report}`
                );
        }
        const keys = summaryKeys(report);
        for (const summary of component.summaries) {
            const key =
                summary.column === ROW_COUNT ? ROW_COUNT : `${summary.aggregate ?? ''}:${summary.column}`;
            if (!keys.has(key))
                problem(
                    summary.line,
                    'dashboard-summary',
                    `${summary.aggregate ?? ''} ${summary.column} is not an aggregate of ${component.report}`
                );
        }
    }
    return problems;
}
