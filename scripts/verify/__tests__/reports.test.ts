// The report rules on small, hand-written XML: each case one report type, report or dashboard and the
// exact problems (or none) it must produce.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseXml } from '../../lib/xmlTree';
import {
    checkDashboard,
    checkReport,
    checkReportType,
    parseDashboard,
    parseReport,
    parseReportType,
    fieldOfColumn,
    type Catalog,
    type FieldInfo,
    type ParsedReport
} from '../reports';

const OBJECTS: Record<string, Record<string, FieldInfo>> = {
    Account: {
        Name: { type: '' },
        Key_Account_Tier__c: { type: 'Picklist', picklist: ['Tier 1', 'Tier 2', 'Tier 3', 'Not Key'] },
        Health_Score__c: { type: 'Number' },
        Owner: { type: 'Lookup', referenceTo: 'User' }
    },
    User: { Name: { type: '' }, Email: { type: '' } },
    Account_Plan__c: {
        Name: { type: '' },
        Account__c: { type: 'MasterDetail', referenceTo: 'Account' },
        Status__c: { type: 'Picklist', picklist: ['Draft', 'In Review', 'Approved', 'Closed'] },
        Period_Start__c: { type: 'Date' },
        Revenue_Goal__c: { type: 'Currency' }
    },
    Plan_Milestone__c: {
        Name: { type: '' },
        Is_Overdue__c: { type: 'Checkbox' },
        Due_Date__c: { type: 'Date' }
    },
    Milestone_Note__c: { Name: { type: '' } },
    Note_Reply__c: { Name: { type: '' } },
    Reply_Vote__c: { Name: { type: '' } }
};
const CHILDREN: Record<string, Record<string, string>> = {
    Account: { Account_Plans__r: 'Account_Plan__c' },
    Account_Plan__c: { Plan_Milestones__r: 'Plan_Milestone__c' },
    Plan_Milestone__c: { Notes__r: 'Milestone_Note__c' },
    Milestone_Note__c: { Replies__r: 'Note_Reply__c' },
    Note_Reply__c: { Votes__r: 'Reply_Vote__c' }
};
const catalog: Catalog = {
    hasObject: (object) => object in OBJECTS,
    field: (object, field) => OBJECTS[object]?.[field] ?? null,
    child: (object, relationship) => CHILDREN[object]?.[relationship] ?? null
};

const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';
const xml = (root: string, body: string) => parseXml(`<${root} ${NS}>${body}</${root}>`);
const join = (relationship: string, outer: boolean, inner = ''): string =>
    `<join>${inner}<outerJoin>${outer}</outerJoin><relationship>${relationship}</relationship></join>`;
const column = (table: string, field: string): string =>
    `<columns><checkedByDefault>true</checkedByDefault><field>${field}</field><table>${table}</table></columns>`;
const section = (...columns: string[]): string =>
    `<sections>${columns.join('')}<masterLabel>S</masterLabel></sections>`;
const header = (base: string, deployed = 'true', description = 'Rows.'): string =>
    `<baseObject>${base}</baseObject><category>accounts</category><deployed>${deployed}</deployed>` +
    (description ? `<description>${description}</description>` : '') +
    '<label>L</label>';

const messages = (problems: { rule: string; message: string }[]): string[] =>
    problems.map((problem) => `${problem.rule}: ${problem.message}`);

describe('fieldOfColumn names the field part of a report column', () => {
    const cases: [string, string][] = [
        ['Account_Plan__c$Status__c', 'Status__c'],
        ['Account.Contacts.Stance_Observations__r$Observed_On__c', 'Observed_On__c'],
        ['Contact$Account.Name', 'Account.Name'],
        ['RowCount', '']
    ];
    for (const [column, field] of cases) it(column, () => assert.equal(fieldOfColumn(column), field));
});

describe('checkReportType', () => {
    const cases: { name: string; body: string; problems: string[]; columns?: string[] }[] = [
        {
            name: 'a label over 50 characters is refused (the report type builder holds 50)',
            body:
                header('Account_Plan__c').replace('<label>L</label>', `<label>${'L'.repeat(51)}</label>`) +
                section(column('Account_Plan__c', 'Name')),
            problems: [
                "report-type-label: T's label has 51 characters: a report type's label holds at most 50"
            ],
            columns: ['Account_Plan__c$Name']
        },
        {
            name: 'a parent with an outer-joined child offers both tables',
            body:
                header('Account_Plan__c') +
                join('Plan_Milestones__r', true) +
                section(column('Account_Plan__c', 'Name'), column('Account_Plan__c', 'Account__c')) +
                section(column('Account_Plan__c.Plan_Milestones__r', 'Due_Date__c')),
            problems: [],
            columns: [
                'Account_Plan__c$Name',
                'Account_Plan__c$Account__c',
                'Account_Plan__c.Plan_Milestones__r$Due_Date__c'
            ]
        },
        {
            name: 'rooted at Account, the tier is a column of the primary object, not a lookup path',
            body:
                header('Account') +
                join('Account_Plans__r', false, join('Plan_Milestones__r', true)) +
                section(column('Account', 'Name'), column('Account', 'Key_Account_Tier__c')) +
                section(column('Account.Account_Plans__r', 'Status__c')) +
                section(column('Account.Account_Plans__r.Plan_Milestones__r', 'Due_Date__c')),
            problems: [],
            columns: [
                'Account$Name',
                'Account$Key_Account_Tier__c',
                'Account.Account_Plans__r$Status__c',
                'Account.Account_Plans__r.Plan_Milestones__r$Due_Date__c'
            ]
        },
        {
            name: 'lookup paths are refused and offered to no report, even when every segment exists',
            body:
                header('Account_Plan__c') +
                section(
                    column('Account_Plan__c', 'Name'),
                    column('Account_Plan__c', 'Account__c.Key_Account_Tier__c'),
                    column('Account_Plan__c', 'Account__c.Owner.Email')
                ),
            problems: [
                'report-type-lookup-path: Account__c.Key_Account_Tier__c on Account_Plan__c reaches a field through a lookup: the documented syntax of lookup-path columns could not be confirmed, and a wrong one fails the first deploy. List the lookup field itself (Account__c) or root the report type at the parent object and join down to Account_Plan__c',
                'report-type-lookup-path: Account__c.Owner.Email on Account_Plan__c reaches a field through a lookup: the documented syntax of lookup-path columns could not be confirmed, and a wrong one fails the first deploy. List the lookup field itself (Account__c) or root the report type at the parent object and join down to Account_Plan__c'
            ],
            columns: ['Account_Plan__c$Name']
        },
        {
            name: 'an unknown base object stops the check',
            body: header('Account_Plans__c') + section(column('Account_Plans__c', 'Name')),
            problems: ['report-type-base-object: base object Account_Plans__c does not exist']
        },
        {
            name: 'a misspelt child relationship',
            body: header('Account_Plan__c') + join('Plan_Milestone__r', false),
            problems: [
                'report-type-relationship: Plan_Milestone__r is not a child relationship of Account_Plan__c'
            ]
        },
        {
            name: 'an inner join after an outer one',
            body: header('Account') + join('Account_Plans__r', true, join('Plan_Milestones__r', false)),
            problems: [
                'report-type-join: Plan_Milestones__r is an inner join after an outer join, which the platform refuses'
            ]
        },
        {
            name: 'five objects in one report type',
            body:
                header('Account_Plan__c') +
                join(
                    'Plan_Milestones__r',
                    false,
                    join('Notes__r', false, join('Replies__r', false, join('Votes__r', false)))
                ),
            problems: ['report-type-join: 5 objects joined: a report type joins at most 4']
        },
        {
            name: 'a column on a table the joins do not reach, a missing field, a duplicate',
            body:
                header('Account_Plan__c') +
                section(
                    column('Account_Plan__c.Plan_Milestones__r', 'Name'),
                    column('Account_Plan__c', 'Revenue_Gaol__c'),
                    column('Account_Plan__c', 'Name'),
                    column('Account_Plan__c', 'Name')
                ),
            problems: [
                'report-type-table: table Account_Plan__c.Plan_Milestones__r is not one of Account_Plan__c',
                'report-type-field: Account_Plan__c.Revenue_Gaol__c does not exist',
                'report-type-duplicate-column: Name is listed twice for Account_Plan__c'
            ]
        },
        {
            name: 'not deployed, no description',
            body: header('Account', 'false', '') + section(column('Account', 'Name')),
            problems: [
                'report-type-deployed: T must be deployed (<deployed>true</deployed>): reports cannot use a report type in development',
                'report-type-description: T needs a <description> saying what its rows are'
            ]
        },
        {
            name: 'a description longer than the platform keeps',
            body: header('Account', 'true', 'x'.repeat(256)) + section(column('Account', 'Name')),
            problems: [
                'report-type-description: <description> has 256 characters; the platform keeps at most 255'
            ]
        }
    ];
    for (const testCase of cases) {
        it(testCase.name, () => {
            const { problems, columns } = checkReportType(
                parseReportType('T', xml('ReportType', testCase.body)),
                catalog
            );
            assert.deepEqual(messages(problems), testCase.problems);
            if (testCase.columns) assert.deepEqual([...columns.keys()], testCase.columns);
        });
    }
});

const typeColumns = checkReportType(
    parseReportType(
        'Plans',
        xml(
            'ReportType',
            header('Account_Plan__c') +
                join('Plan_Milestones__r', true) +
                section(
                    column('Account_Plan__c', 'Name'),
                    column('Account_Plan__c', 'Status__c'),
                    column('Account_Plan__c', 'Period_Start__c'),
                    column('Account_Plan__c', 'Revenue_Goal__c'),
                    column('Account_Plan__c', 'Account__c')
                ) +
                section(
                    column('Account_Plan__c.Plan_Milestones__r', 'Is_Overdue__c'),
                    column('Account_Plan__c.Plan_Milestones__r', 'Due_Date__c')
                )
        )
    ),
    catalog
).columns;

const P = 'Account_Plan__c';
const M = 'Account_Plan__c.Plan_Milestones__r';
const reportXml = (body: string, format = 'Summary', description = 'What a manager learns.'): ParsedReport =>
    parseReport(
        'R',
        xml(
            'Report',
            body +
                (description ? `<description>${description}</description>` : '') +
                `<format>${format}</format><name>R</name><reportType>Plans__c</reportType>`
        )
    );
const col = (field: string, ...aggregates: string[]): string =>
    `<columns>${aggregates.map((a) => `<aggregateTypes>${a}</aggregateTypes>`).join('')}<field>${field}</field></columns>`;
const down = (field: string): string =>
    `<groupingsDown><field>${field}</field><sortOrder>Asc</sortOrder></groupingsDown>`;
const across = (field: string): string =>
    `<groupingsAcross><field>${field}</field><sortOrder>Asc</sortOrder></groupingsAcross>`;
const filter = (column: string, operator: string, value: string): string =>
    `<filter><criteriaItems><column>${column}</column><operator>${operator}</operator><value>${value}</value></criteriaItems></filter>`;

describe('parseReport finds every column a report names', () => {
    it('columns, groupings, filters, sort, time frame and chart', () => {
        const report = reportXml(
            `<chart><chartSummaries><column>RowCount</column></chartSummaries><groupingColumn>${P}$Status__c</groupingColumn><secondaryGroupingColumn>${M}$Due_Date__c</secondaryGroupingColumn></chart>` +
                col(`${P}$Name`) +
                filter(`${P}$Status__c`, 'equals', 'In Review') +
                down(`${P}$Status__c`) +
                across(`${M}$Due_Date__c`) +
                `<sortColumn>${P}$Name</sortColumn><timeFrameFilter><dateColumn>${P}$Period_Start__c</dateColumn><interval>INTERVAL_LAST90</interval></timeFrameFilter>`,
            'Matrix'
        );
        assert.deepEqual(
            report.references.map((reference) => `${reference.kind} ${reference.column}`),
            [
                `column ${P}$Name`,
                `grouping ${P}$Status__c`,
                `grouping ${M}$Due_Date__c`,
                `filter ${P}$Status__c`,
                `sort column ${P}$Name`,
                `time frame ${P}$Period_Start__c`,
                `chart grouping ${P}$Status__c`,
                `chart grouping ${M}$Due_Date__c`
            ]
        );
        assert.equal(report.reportType, 'Plans__c');
    });
});

describe('checkReport', () => {
    const cases: { name: string; report: ParsedReport; folder?: boolean; problems: string[] }[] = [
        {
            name: 'a summary of open plans by status, averaged goal, relative time frame',
            report: reportXml(
                col(`${P}$Name`) +
                    col(`${P}$Revenue_Goal__c`, 'Sum', 'Average') +
                    filter(`${P}$Status__c`, 'equals', 'Draft,In Review,Approved') +
                    down(`${P}$Status__c`) +
                    `<timeFrameFilter><dateColumn>${P}$Period_Start__c</dateColumn><interval>INTERVAL_CURY</interval></timeFrameFilter>`
            ),
            problems: []
        },
        {
            name: 'a folder that is not shipped, no description',
            report: reportXml(col(`${P}$Name`), 'Tabular', ''),
            folder: false,
            problems: [
                'report-folder: folder F has no reports/F.reportFolder-meta.xml',
                'report-description: R needs a <description> saying what a manager learns from it'
            ]
        },
        {
            name: 'format and groupings disagree',
            report: reportXml(col(`${P}$Name`) + down(`${P}$Status__c`), 'Tabular'),
            problems: ['report-format: a Tabular report has no groupings (use Summary or Matrix)']
        },
        {
            name: 'a summary that groups columns',
            report: reportXml(col(`${P}$Name`) + down(`${P}$Status__c`) + across(`${M}$Due_Date__c`)),
            problems: ['report-format: a Summary report groups rows (groupingsDown) and never columns']
        },
        {
            name: 'a matrix with one grouping',
            report: reportXml(col(`${P}$Name`) + down(`${P}$Status__c`), 'Matrix'),
            problems: ['report-format: a Matrix report groups both rows and columns']
        },
        {
            name: 'a column, a filter and a sort the report type lacks',
            report: reportXml(
                col(`${P}$Stauts__c`) +
                    filter(`${M}$Status__c`, 'equals', 'Done') +
                    down(`${P}$Status__c`) +
                    `<sortColumn>Account$Name</sortColumn>`
            ),
            problems: [
                'report-column: column Account_Plan__c$Stauts__c is not a column of report type Plans__c',
                'report-column: filter Account_Plan__c.Plan_Milestones__r$Status__c is not a column of report type Plans__c',
                'report-column: sort column Account$Name is not a column of report type Plans__c'
            ]
        },
        {
            name: 'summing a date',
            report: reportXml(col(`${P}$Period_Start__c`, 'Sum') + down(`${P}$Status__c`)),
            problems: [
                'report-aggregate: Sum of Account_Plan__c$Period_Start__c: a Date field cannot be summed or averaged'
            ]
        },
        {
            name: 'a status that does not exist and a checkbox filtered on a word',
            report: reportXml(
                col(`${P}$Name`) +
                    `<filter><criteriaItems><column>${P}$Status__c</column><operator>notEqual</operator><value>Closd</value></criteriaItems>` +
                    `<criteriaItems><column>${M}$Is_Overdue__c</column><operator>equals</operator><value>yes</value></criteriaItems></filter>` +
                    down(`${P}$Status__c`)
            ),
            problems: [
                'report-filter-value: Account_Plan__c$Status__c has no value "Closd" (it has Draft, In Review, Approved, Closed)',
                'report-filter-value: Account_Plan__c.Plan_Milestones__r$Is_Overdue__c is a checkbox: filter on 1 or 0, not "yes"'
            ]
        },
        {
            name: 'lookup paths in a column, a filter and a grouping, each refused once',
            report: reportXml(
                col(`${P}$Account__c.Name`) +
                    filter(`${P}$Account__c.Key_Account_Tier__c`, 'equals', 'Tier 1,Tier 2,Tier 3') +
                    down(`${P}$Account__c`) +
                    across(`${M}$Owner.Email`),
                'Matrix'
            ),
            problems: [
                'report-lookup-path: column Account_Plan__c$Account__c.Name reaches a field through a lookup: the documented syntax of lookup-path columns could not be confirmed, and a wrong one fails the first deploy. Use the lookup column (Account_Plan__c$Account__c) or a report type rooted at the parent object',
                'report-lookup-path: grouping Account_Plan__c.Plan_Milestones__r$Owner.Email reaches a field through a lookup: the documented syntax of lookup-path columns could not be confirmed, and a wrong one fails the first deploy. Use the lookup column (Account_Plan__c.Plan_Milestones__r$Owner) or a report type rooted at the parent object',
                'report-lookup-path: filter Account_Plan__c$Account__c.Key_Account_Tier__c reaches a field through a lookup: the documented syntax of lookup-path columns could not be confirmed, and a wrong one fails the first deploy. Use the lookup column (Account_Plan__c$Account__c) or a report type rooted at the parent object'
            ]
        },
        {
            name: 'a chart summary the columns do not aggregate',
            report: reportXml(
                `<chart><chartSummaries><aggregate>Average</aggregate><column>${P}$Revenue_Goal__c</column></chartSummaries><groupingColumn>${P}$Status__c</groupingColumn></chart>` +
                    col(`${P}$Revenue_Goal__c`, 'Sum') +
                    down(`${P}$Status__c`)
            ),
            problems: [
                "report-chart-summary: chart summary Average Account_Plan__c$Revenue_Goal__c is not an aggregate of the report's columns"
            ]
        }
    ];
    for (const testCase of cases) {
        it(testCase.name, () => {
            assert.deepEqual(
                messages(checkReport(testCase.report, typeColumns, testCase.folder ?? true, 'F')),
                testCase.problems
            );
        });
    }
    it('a lookup path is refused even when the report type is missing', () => {
        assert.deepEqual(
            messages(checkReport(reportXml(col('Contact$Account.Name'), 'Tabular'), undefined, true, 'F')),
            [
                'report-lookup-path: column Contact$Account.Name reaches a field through a lookup: the documented syntax of lookup-path columns could not be confirmed, and a wrong one fails the first deploy. Use the lookup column (Contact$Account) or a report type rooted at the parent object'
            ]
        );
    });
});

describe('checkDashboard', () => {
    const byStatus = reportXml(col(`${P}$Revenue_Goal__c`, 'Sum') + down(`${P}$Status__c`));
    const reports: Record<string, ParsedReport> = { 'Keystone_Reports/By_Status': byStatus };
    const find = (qualified: string) => ({
        report: reports[qualified],
        folderExists: qualified.startsWith('Keystone_Reports/')
    });
    const component = (report: string, grouping: string, summary: string): string =>
        `<dashboardGridComponents><dashboardComponent><chartSummary>${summary}</chartSummary><componentType>Bar</componentType>` +
        `<groupingColumn>${grouping}</groupingColumn><report>${report}</report></dashboardComponent></dashboardGridComponents>`;
    const dashboard = (components: string, type = 'LoggedInUser') =>
        parseDashboard(
            'D',
            xml(
                'Dashboard',
                `<dashboardGridLayout>${components}</dashboardGridLayout><dashboardType>${type}</dashboardType><title>D</title>`
            )
        );
    const cases: { name: string; components: string; type?: string; folder?: boolean; problems: string[] }[] =
        [
            {
                name: 'a bar of a grouping and an aggregate the report has',
                components:
                    component('Keystone_Reports/By_Status', `${P}$Status__c`, `<column>RowCount</column>`) +
                    component(
                        'Keystone_Reports/By_Status',
                        `${P}$Status__c`,
                        `<aggregate>Sum</aggregate><column>${P}$Revenue_Goal__c</column>`
                    ),
                problems: []
            },
            {
                name: 'a report that is missing, one in an unknown folder',
                components:
                    component('Keystone_Reports/By_Stage', `${P}$Status__c`, `<column>RowCount</column>`) +
                    component('Other/By_Status', `${P}$Status__c`, `<column>RowCount</column>`),
                problems: [
                    'dashboard-report: report Keystone_Reports/By_Stage does not exist',
                    'dashboard-report: report Other/By_Status: no report folder Other'
                ]
            },
            {
                name: 'a grouping and an aggregate the report lacks',
                components: component(
                    'Keystone_Reports/By_Status',
                    `${P}$Name`,
                    `<aggregate>Average</aggregate><column>${P}$Revenue_Goal__c</column>`
                ),
                problems: [
                    'dashboard-grouping: Account_Plan__c$Name is not a grouping of Keystone_Reports/By_Status',
                    'dashboard-summary: Average Account_Plan__c$Revenue_Goal__c is not an aggregate of Keystone_Reports/By_Status'
                ]
            },
            {
                name: 'a running user the installing org does not have, a folder not shipped, nothing shown',
                components: '',
                type: 'SpecifiedUser',
                folder: false,
                problems: [
                    'dashboard-folder: folder F has no dashboards/F.dashboardFolder-meta.xml',
                    'dashboard-running-user: D runs as a specified user (dashboardType SpecifiedUser), a user the installing org does not have: use LoggedInUser',
                    'dashboard-empty: D shows no report'
                ]
            }
        ];
    for (const testCase of cases) {
        it(testCase.name, () => {
            assert.deepEqual(
                messages(
                    checkDashboard(
                        dashboard(testCase.components, testCase.type),
                        testCase.folder ?? true,
                        'F',
                        find
                    )
                ),
                testCase.problems
            );
        });
    }
});
