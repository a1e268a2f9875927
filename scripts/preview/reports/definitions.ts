// Report types, reports and dashboards as the Metadata API writes them (ReportType, Report, Dashboard),
// read into typed definitions the preview's report engine runs. What the engine does not run is refused
// here, by element and file, so a report never shows a number computed without part of its definition.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

/** A definition the preview cannot run as written: names the file and the element. */
export class ReportDefinitionError extends Error {}

export type ReportFormat = 'Tabular' | 'Summary' | 'Matrix';
/** `Unique`: how many distinct values the column holds (blank not counted) */
export type AggregateType = 'Sum' | 'Average' | 'Maximum' | 'Minimum' | 'Unique';
export type DateGranularity = 'None' | 'Day' | 'Week' | 'Month' | 'Quarter' | 'Year';
export type FilterOperator =
    | 'equals'
    | 'notEqual'
    | 'lessThan'
    | 'greaterThan'
    | 'lessOrEqual'
    | 'greaterOrEqual'
    | 'contains'
    | 'notContain'
    | 'startsWith'
    | 'includes';

/**
 * One field a report type offers: `table` is the base object, `Base.Child__r` or `Base.Child__r.Grandchild__r`
 * (`level` 0, 1, 2…: how many joins down); `field` may pass a lookup.
 */
export interface ReportTypeColumn {
    table: string;
    field: string;
    level: number;
}

export interface ReportTypeDefinition {
    name: string;
    label: string;
    baseObject: string;
    /**
     * the child relationships joined down from the base object, each under the one before (Account →
     * Contacts → Stance_Observations__r), and whether a parent row without children stays
     */
    joins: { relationship: string; outerJoin: boolean }[];
    /** every offered column by its report name, `<table>$<field>` */
    columns: Map<string, ReportTypeColumn>;
}

export interface ReportColumnDefinition {
    field: string;
    aggregates: AggregateType[];
}

export interface CriteriaItem {
    column: string;
    operator: FilterOperator;
    value: string;
}

export interface GroupingDefinition {
    field: string;
    sortOrder: 'Asc' | 'Desc';
    dateGranularity: DateGranularity;
    /** sort the groups by a summary (`s!<column>`, `RowCount`…) instead of by their values */
    sortByAggregate: string | null;
}

export interface TimeFrameDefinition {
    dateColumn: string;
    interval: string;
    startDate: string | null;
    endDate: string | null;
}

export interface ReportDefinition {
    /** the folder-qualified name dashboards use: `Keystone_Reports/Whitespace_Targets_By_Offering` */
    fullName: string;
    developerName: string;
    label: string;
    description: string;
    format: ReportFormat;
    reportType: string;
    columns: ReportColumnDefinition[];
    filter: { items: CriteriaItem[]; booleanFilter: string | null };
    groupingsDown: GroupingDefinition[];
    groupingsAcross: GroupingDefinition[];
    timeFrame: TimeFrameDefinition | null;
    sortColumn: string | null;
    sortOrder: 'Asc' | 'Desc';
    rowLimit: number | null;
    showDetails: boolean;
}

export interface DashboardComponentDefinition {
    componentType: string;
    report: string;
    title: string;
    header: string;
    /** the summary a chart or metric shows: `RowCount`, or an aggregate key such as `s!<column>` */
    summary: string | null;
    /** the groupings a chart draws, the axis first (a second one splits the bars or lines), when it names them */
    groupingColumns: string[];
}

export interface DashboardDefinition {
    name: string;
    title: string;
    description: string;
    components: DashboardComponentDefinition[];
}

type Xml = Record<string, unknown>;

const REPEATED = new Set([
    'columns',
    'sections',
    'criteriaItems',
    'groupingsDown',
    'groupingsAcross',
    'aggregateTypes',
    'components',
    'dashboardGridComponents',
    'chartSummary',
    'groupingColumn',
    'leftSection',
    'middleSection',
    'rightSection',
    'params'
]);

const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: true,
    isArray: (name) => REPEATED.has(name)
});

function readXml(file: string, root: string): Xml {
    const parsed = parser.parse(fs.readFileSync(file, 'utf8')) as Xml;
    const body = parsed[root];
    if (!body || typeof body !== 'object')
        throw new ReportDefinitionError(`${path.basename(file)}: expected a <${root}> document`);
    return body as Xml;
}

function text(node: Xml, name: string): string | null {
    const value = node[name];
    if (value === undefined || value === null) return null;
    return String(value);
}

function list(node: Xml, name: string): Xml[] {
    const value = node[name];
    if (value === undefined || value === null || value === '') return [];
    return (Array.isArray(value) ? value : [value]) as Xml[];
}

function required(node: Xml, name: string, where: string): string {
    const value = text(node, name);
    if (!value) throw new ReportDefinitionError(`${where}: <${name}> is required`);
    return value;
}

/** Refuses any element the engine does not know, so nothing in a definition is silently left out. */
function onlyKnown(node: Xml, known: ReadonlySet<string>, where: string): void {
    for (const key of Object.keys(node))
        if (!known.has(key))
            throw new ReportDefinitionError(
                `${where}: the preview's report engine does not run <${key}>; it would show numbers without it`
            );
}

function oneOf<T extends string>(value: string, allowed: readonly T[], where: string, element: string): T {
    if (!(allowed as readonly string[]).includes(value))
        throw new ReportDefinitionError(
            `${where}: <${element}>${value}</${element}> is not supported (supported: ${allowed.join(', ')})`
        );
    return value as T;
}

const REPORT_TYPE_ELEMENTS = new Set([
    'baseObject',
    'category',
    'deployed',
    'description',
    'join',
    'label',
    'sections',
    'autogenerated'
]);

/** Reads `<name>.reportType-meta.xml`. */
export function readReportType(file: string): ReportTypeDefinition {
    const where = path.basename(file);
    const node = readXml(file, 'ReportType');
    onlyKnown(node, REPORT_TYPE_ELEMENTS, where);
    const baseObject = required(node, 'baseObject', where);
    const joins: ReportTypeDefinition['joins'] = [];
    const tables = [baseObject];
    for (let joinNode = node.join as Xml | undefined; joinNode; joinNode = joinNode.join as Xml | undefined) {
        const at = `${where} <join>`;
        onlyKnown(joinNode, new Set(['outerJoin', 'relationship', 'join']), at);
        const outerJoin = text(joinNode, 'outerJoin') === 'true';
        // the report type builder offers only "with or without" below a "with or without" join
        if (!outerJoin && joins.some((each) => each.outerJoin))
            throw new ReportDefinitionError(
                `${at}: ${required(joinNode, 'relationship', at)} is an inner join under an outer join, which a report type cannot define`
            );
        joins.push({ relationship: required(joinNode, 'relationship', at), outerJoin });
        tables.push(`${tables[tables.length - 1]}.${joins[joins.length - 1]!.relationship}`);
    }
    const columns = new Map<string, ReportTypeColumn>();
    for (const section of list(node, 'sections'))
        for (const column of list(section, 'columns')) {
            const field = required(column, 'field', `${where} <sections><columns>`);
            const table = required(column, 'table', `${where} <sections><columns>`);
            if (!tables.includes(table))
                throw new ReportDefinitionError(
                    `${where}: the column ${field} names the table ${table}, which is not one of ${tables.join(', ')}`
                );
            columns.set(`${table}$${field}`, { table, field, level: tables.indexOf(table) });
        }
    const name = where.replace(/\.reportType-meta\.xml$/, '');
    return { name, label: text(node, 'label') ?? name, baseObject, joins, columns };
}

const REPORT_ELEMENTS = new Set([
    'columns',
    'description',
    'filter',
    'format',
    'groupingsDown',
    'groupingsAcross',
    'name',
    'params',
    'reportType',
    'rowLimit',
    'scope',
    'showDetails',
    'showGrandTotal',
    'showSubTotals',
    'sortColumn',
    'sortOrder',
    'timeFrameFilter',
    'chart',
    'currency'
]);

const AGGREGATES: readonly AggregateType[] = ['Sum', 'Average', 'Maximum', 'Minimum', 'Unique'];
const OPERATORS: readonly FilterOperator[] = [
    'equals',
    'notEqual',
    'lessThan',
    'greaterThan',
    'lessOrEqual',
    'greaterOrEqual',
    'contains',
    'notContain',
    'startsWith',
    'includes'
];
const GRANULARITIES: readonly DateGranularity[] = ['None', 'Day', 'Week', 'Month', 'Quarter', 'Year'];

function grouping(node: Xml, where: string): GroupingDefinition {
    onlyKnown(
        node,
        new Set(['field', 'sortOrder', 'dateGranularity', 'sortByName', 'sortType', 'aggregateType']),
        where
    );
    const sortType = text(node, 'sortType');
    if (sortType && sortType !== 'Aggregate' && sortType !== 'Value')
        throw new ReportDefinitionError(`${where}: <sortType>${sortType}</sortType> is not supported`);
    return {
        field: required(node, 'field', where),
        sortOrder: oneOf(text(node, 'sortOrder') ?? 'Asc', ['Asc', 'Desc'], where, 'sortOrder'),
        dateGranularity: oneOf(
            text(node, 'dateGranularity') ?? 'None',
            GRANULARITIES,
            where,
            'dateGranularity'
        ),
        sortByAggregate: sortType === 'Aggregate' ? required(node, 'sortByName', where) : null
    };
}

/** Reads `<folder>/<name>.report-meta.xml`; `folder` makes the dashboard's `Folder/Name`. */
export function readReport(file: string, folder: string): ReportDefinition {
    const developerName = path.basename(file).replace(/\.report-meta\.xml$/, '');
    const where = `${folder}/${path.basename(file)}`;
    const node = readXml(file, 'Report');
    onlyKnown(node, REPORT_ELEMENTS, where);
    const format = oneOf(required(node, 'format', where), ['Tabular', 'Summary', 'Matrix'], where, 'format');
    const columns = list(node, 'columns').map((column) => {
        onlyKnown(column, new Set(['field', 'aggregateTypes', 'reverseColors']), `${where} <columns>`);
        return {
            field: required(column, 'field', `${where} <columns>`),
            aggregates: list(column, 'aggregateTypes').map((type) =>
                oneOf(String(type), AGGREGATES, `${where} <columns>`, 'aggregateTypes')
            )
        };
    });
    const filterNode = (node.filter ?? {}) as Xml;
    onlyKnown(filterNode, new Set(['criteriaItems', 'booleanFilter', 'language']), `${where} <filter>`);
    const items = list(filterNode, 'criteriaItems').map((item) => {
        const at = `${where} <filter><criteriaItems>`;
        onlyKnown(item, new Set(['column', 'columnToColumn', 'isUnlocked', 'operator', 'value']), at);
        if (text(item, 'columnToColumn') === 'true')
            throw new ReportDefinitionError(`${at}: <columnToColumn>true</columnToColumn> is not supported`);
        return {
            column: required(item, 'column', at),
            operator: oneOf(required(item, 'operator', at), OPERATORS, at, 'operator'),
            value: text(item, 'value') ?? ''
        };
    });
    const down = list(node, 'groupingsDown').map((each) => grouping(each, `${where} <groupingsDown>`));
    const across = list(node, 'groupingsAcross').map((each) => grouping(each, `${where} <groupingsAcross>`));
    if (format === 'Tabular' && (down.length || across.length))
        throw new ReportDefinitionError(`${where}: a Tabular report has no groupings`);
    if (format === 'Summary' && (across.length || !down.length))
        throw new ReportDefinitionError(`${where}: a Summary report groups down (<groupingsDown>) only`);
    if (format === 'Matrix' && (!down.length || !across.length))
        throw new ReportDefinitionError(
            `${where}: a Matrix report needs <groupingsDown> and <groupingsAcross>`
        );
    const timeNode = node.timeFrameFilter as Xml | undefined;
    let timeFrame: TimeFrameDefinition | null = null;
    if (timeNode) {
        const at = `${where} <timeFrameFilter>`;
        onlyKnown(timeNode, new Set(['dateColumn', 'interval', 'startDate', 'endDate']), at);
        timeFrame = {
            dateColumn: required(timeNode, 'dateColumn', at),
            interval: required(timeNode, 'interval', at),
            startDate: text(timeNode, 'startDate'),
            endDate: text(timeNode, 'endDate')
        };
    }
    // "my records" and the like would keep only some owners' rows: the engine runs the organization scope
    const scope = text(node, 'scope');
    if (scope !== null && scope !== 'organization')
        throw new ReportDefinitionError(
            `${where}: <scope>${scope}</scope> is not supported (the preview runs the organization scope)`
        );
    // report parameters of standard report types (open, probability…) filter rows; only layout ones pass
    for (const param of list(node, 'params')) {
        const name = text(param, 'name') ?? '';
        if (name !== 'co')
            throw new ReportDefinitionError(`${where}: <params><name>${name}</name> is not supported`);
    }
    const rowLimit = text(node, 'rowLimit');
    if (rowLimit !== null && !/^\d+$/.test(rowLimit))
        throw new ReportDefinitionError(`${where}: <rowLimit>${rowLimit}</rowLimit> is not a whole number`);
    return {
        fullName: `${folder}/${developerName}`,
        developerName,
        label: required(node, 'name', where),
        description: text(node, 'description') ?? '',
        format,
        reportType: required(node, 'reportType', where),
        columns,
        filter: { items, booleanFilter: text(filterNode, 'booleanFilter') },
        groupingsDown: down,
        groupingsAcross: across,
        timeFrame,
        sortColumn: text(node, 'sortColumn'),
        sortOrder: oneOf(text(node, 'sortOrder') ?? 'Asc', ['Asc', 'Desc'], where, 'sortOrder'),
        rowLimit: rowLimit === null ? null : Number(rowLimit),
        showDetails: text(node, 'showDetails') !== 'false'
    };
}

const AGGREGATE_PREFIX: Record<string, string> = {
    Sum: 's!',
    Average: 'a!',
    Maximum: 'x!',
    Minimum: 'm!',
    Unique: 'u!'
};

/** The summary key of a dashboard's chartSummary: `RowCount`, or the aggregate's prefix and column. */
function summaryKey(node: Xml | undefined, where: string): string | null {
    if (!node) return null;
    const column = required(node, 'column', `${where} <chartSummary>`);
    if (column === 'RowCount') return 'RowCount';
    const aggregate = text(node, 'aggregate') ?? 'Sum';
    const prefix = AGGREGATE_PREFIX[aggregate];
    if (!prefix)
        throw new ReportDefinitionError(`${where}: <aggregate>${aggregate}</aggregate> is not supported`);
    return `${prefix}${column}`;
}

function component(node: Xml, where: string): DashboardComponentDefinition {
    const summaries = list(node, 'chartSummary');
    return {
        componentType: required(node, 'componentType', where),
        report: required(node, 'report', where),
        title: text(node, 'title') ?? '',
        header: text(node, 'header') ?? '',
        summary: summaryKey(summaries[0], where),
        groupingColumns: list(node, 'groupingColumn').map(String)
    };
}

/** Reads a `.dashboard-meta.xml`: its components in reading order, classic sections or the grid layout. */
export function readDashboard(file: string): DashboardDefinition {
    const where = path.basename(file);
    const node = readXml(file, 'Dashboard');
    const components: DashboardComponentDefinition[] = [];
    for (const section of ['leftSection', 'middleSection', 'rightSection'])
        for (const each of list(node, section))
            for (const item of list(each, 'components'))
                components.push(component(item, `${where} <${section}>`));
    const grid = node.dashboardGridLayout as Xml | undefined;
    if (grid) {
        const placed = list(grid, 'dashboardGridComponents')
            .map((item) => ({
                row: Number(text(item, 'rowIndex') ?? 0),
                column: Number(text(item, 'columnIndex') ?? 0),
                body: (item.dashboardComponent ?? {}) as Xml
            }))
            .sort((a, b) => a.row - b.row || a.column - b.column);
        for (const item of placed)
            components.push(component(item.body, `${where} <dashboardGridComponents>`));
    }
    return {
        name: where.replace(/\.dashboard-meta\.xml$/, ''),
        title: text(node, 'title') ?? where,
        description: text(node, 'description') ?? '',
        components
    };
}
