// Every checker must fail on its deliberately broken fixture with exactly the finding we expect, and
// name the file and line — a check that cannot fail proves nothing.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { CHECKERS } from '../checkers';
import { runOnFixture } from '../fixtures';

const EXPECTED: Record<string, string[]> = {
    typescript: [
        "lwc-ts/planCard/planCard.ts:11 typescript/TS2339 Property 'internalNote' does not exist on type 'PlanController_PlanView'.",
        "lwc-ts/planCard/planCard.ts:6 typescript/TS2339 Property 'goal' does not exist on type 'PlanController_PlanView'.",
        "lwc-ts/typeError/typeError.ts:3 typescript/TS2322 Type 'string' is not assignable to type 'number'."
    ],
    eslint: [
        "lwc-ts/lintError/lintError.ts:14 eslint/@lwc/lwc/no-inner-html Using 'innerHTML/outputHTML/insertAdjacentHTML' is not allowed",
        'lwc-ts/lintError/lintError.ts:18 eslint/@typescript-eslint/no-explicit-any Unexpected any. Specify a different type.'
    ],
    prettier: [
        'force-app/main/default/classes/Unformatted.cls:2 prettier/format not formatted as prettier would (run npm run format)'
    ],
    'xml-wellformed': [
        'force-app/main/default/objects/Broken__c/Broken__c.object-meta.xml:5 xml/well-formed parser error : Opening and ending tag mismatch: CustomObject line 2 and CustomObjekt'
    ],
    'metadata-schema': [
        'force-app/main/default/dashboards/Portfolio/Plans.dashboard-meta.xml:11 metadata/schema <componentType> "Chart" is not one of Bar, BarGrouped, BarStacked, BarStacked100, Column, ColumnGrouped, ColumnStacked, ColumnStacked100, Line, LineGrouped, Pie, Table, Metric, Gauge, LineCumulative, LineGroupedCumulative, Scontrol, VisualforcePage, Donut, Funnel, ColumnLine, ColumnLineGrouped, ColumnLineStacked, ColumnLineStacked100, Scatter, ScatterGrouped, FlexTable, Image, RichText, PulseMetric, LightningWebComponent',
        'force-app/main/default/dashboards/Portfolio/Plans.dashboard-meta.xml:25 metadata/schema <sharedWith> is not an element of Dashboard',
        'force-app/main/default/objects/Account_Plan__c/fields/Goal__c.field-meta.xml:4 metadata/schema <lable> is not an element of CustomField',
        'force-app/main/default/objects/Account_Plan__c/fields/Stage__c.field-meta.xml:5 metadata/schema <type> "Picklst" is not one of AutoNumber, Lookup, MasterDetail, Checkbox, Currency, Date, DateTime, Email, Number, Percent, Phone, Picklist, MultiselectPicklist, Text, TextArea, LongTextArea, Html, Url, EncryptedText, Summary, Hierarchy, File, MetadataRelationship, Location, ExternalLookup, IndirectLookup, CustomDataType, Time, Address, Array, Integer, Long',
        'force-app/main/default/objects/Account_Plan__c/fields/Stage__c.field-meta.xml:6 metadata/schema <required> must be true or false, not "yes"',
        'force-app/main/default/reportTypes/Plans.reportType-meta.xml:10 metadata/schema <checkedByDefault> must be true or false, not "yes"',
        'force-app/main/default/reportTypes/Plans.reportType-meta.xml:4 metadata/schema <category> "account" is not one of accounts, opportunities, forecasts, cases, leads, campaigns, activities, busop, products, admin, territory, other, content, usage_entitlement, wdc, calibration, territory2, quotes, individual, employee, data_cloud, commerce, flow, semantic_model',
        'force-app/main/default/reports/Plans.reportFolder-meta.xml:3 metadata/schema <accessType> "Everyone" is not one of Shared, Public, Hidden, PublicInternal',
        'force-app/main/default/reports/Plans/Plans_In_Review.report-meta.xml:10 metadata/schema <operator> "equal" is not one of equals, notEqual, lessThan, greaterThan, lessOrEqual, greaterOrEqual, contains, notContain, startsWith, includes, excludes, within',
        'force-app/main/default/reports/Plans/Plans_In_Review.report-meta.xml:14 metadata/schema <format> "Tabluar" is not one of MultiBlock, Matrix, Summary, Tabular',
        'force-app/main/default/reports/Plans/Plans_In_Review.report-meta.xml:21 metadata/schema <interval> "INTERVAL_LAST_90" is not one of INTERVAL_CURRENT, INTERVAL_CURNEXT1, INTERVAL_CURPREV1, INTERVAL_NEXT1, INTERVAL_PREV1, INTERVAL_CURNEXT3, INTERVAL_CURFY, INTERVAL_PREVFY, INTERVAL_PREV2FY, INTERVAL_AGO2FY, INTERVAL_NEXTFY, INTERVAL_PREVCURFY, INTERVAL_PREVCUR2FY, INTERVAL_CURNEXTFY, INTERVAL_CUSTOM, INTERVAL_YESTERDAY, INTERVAL_TODAY, INTERVAL_TOMORROW, INTERVAL_LASTWEEK, INTERVAL_THISWEEK, INTERVAL_NEXTWEEK, INTERVAL_LASTMONTH, INTERVAL_THISMONTH, INTERVAL_NEXTMONTH, INTERVAL_LASTTHISMONTH, INTERVAL_THISNEXTMONTH, INTERVAL_CURRENTQ, INTERVAL_CURNEXTQ, INTERVAL_CURPREVQ, INTERVAL_NEXTQ, INTERVAL_PREVQ, INTERVAL_CURNEXT3Q, INTERVAL_CURY, INTERVAL_PREVY, INTERVAL_PREV2Y, INTERVAL_AGO2Y, INTERVAL_NEXTY, INTERVAL_PREVCURY, INTERVAL_PREVCUR2Y, INTERVAL_CURNEXTY, INTERVAL_LAST7, INTERVAL_LAST30, INTERVAL_LAST60, INTERVAL_LAST90, INTERVAL_LAST120, INTERVAL_NEXT7, INTERVAL_NEXT30, INTERVAL_NEXT60, INTERVAL_NEXT90, INTERVAL_NEXT120, LAST_FISCALWEEK, THIS_FISCALWEEK, NEXT_FISCALWEEK, LAST_FISCALPERIOD, THIS_FISCALPERIOD, NEXT_FISCALPERIOD, LASTTHIS_FISCALPERIOD, THISNEXT_FISCALPERIOD, CURRENT_ENTITLEMENT_PERIOD, PREVIOUS_ENTITLEMENT_PERIOD, PREVIOUS_TWO_ENTITLEMENT_PERIODS, TWO_ENTITLEMENT_PERIODS_AGO, CURRENT_AND_PREVIOUS_ENTITLEMENT_PERIOD, CURRENT_AND_PREVIOUS_TWO_ENTITLEMENT_PERIODS'
    ],
    'cross-references': [
        'force-app/main/default/applications/Keystone.app-meta.xml:6 xref/app-tab tab Buying_Centre__c does not exist',
        'force-app/main/default/aura/PlanPrintApp/PlanPrintApp.app:2 xref/aura-dependency c:planCardd has no bundle in lwc-ts/',
        'force-app/main/default/classes/PlanController.cls:1 xref/controller-access PlanController has @AuraEnabled methods but no permission set grants it',
        'force-app/main/default/customMetadata/Keystone_Heat_Setting.Default.md-meta.xml:1 xref/custom-metadata-type custom metadata type Keystone_Heat_Setting__mdt does not exist',
        'force-app/main/default/dashboards/Portfolio/Broken.dashboard-meta.xml:11 xref/dashboard-summary Sum Account_Plan__c$Name is not an aggregate of Plans/Off_Track',
        'force-app/main/default/dashboards/Portfolio/Broken.dashboard-meta.xml:17 xref/dashboard-grouping Account_Plan__c$Name is not a grouping of Plans/Off_Track',
        'force-app/main/default/dashboards/Portfolio/Broken.dashboard-meta.xml:2 xref/dashboard-folder folder Portfolio has no dashboards/Portfolio.dashboardFolder-meta.xml',
        'force-app/main/default/dashboards/Portfolio/Broken.dashboard-meta.xml:2 xref/dashboard-running-user Broken runs as a specified user (dashboardType SpecifiedUser), a user the installing org does not have: use LoggedInUser',
        'force-app/main/default/dashboards/Portfolio/Broken.dashboard-meta.xml:33 xref/dashboard-report report Plans/On_Track does not exist',
        'force-app/main/default/dashboards/Portfolio/Broken.dashboard-meta.xml:43 xref/dashboard-report report Orphans/Standard: no report folder Orphans',
        'force-app/main/default/flexipages/Broken_Record_Page.flexipage-meta.xml:12 xref/flexipage-component component c:orgChartHeatMapp has no bundle in lwc-ts/',
        'force-app/main/default/flexipages/Broken_Record_Page.flexipage-meta.xml:6 xref/flexipage-target component planCard does not declare target lightning__RecordPage',
        'force-app/main/default/layouts/Account_Plan__c-Plan Layout.layout-meta.xml:9 xref/layout-field Account_Plan__c.Revenue_Target__c does not exist',
        'force-app/main/default/objects/Account_Plan__c/fields/Revenue_Goal__c.field-meta.xml:1 xref/field-not-granted no permission set grants Account_Plan__c.Revenue_Goal__c',
        'force-app/main/default/pages/PlanPrint.page:5 xref/lightning-out-app Lightning Out app c:PlanPrintAp has no bundle in aura/',
        'force-app/main/default/pages/PlanPrint.page:6 xref/lightning-out-component c:planCard is not an aura:dependency of the app this page uses',
        'force-app/main/default/permissionsets/Broken_User.permissionset-meta.xml:13 xref/permission-required-field field Account_Plan__c.Period_Start__c is required or master-detail: the platform grants it and refuses it in a permission set',
        'force-app/main/default/permissionsets/Broken_User.permissionset-meta.xml:18 xref/permission-object object Account_Plans__c does not exist',
        'force-app/main/default/permissionsets/Broken_User.permissionset-meta.xml:27 xref/permission-page Visualforce page PlanPrnt does not exist',
        'force-app/main/default/permissionsets/Broken_User.permissionset-meta.xml:31 xref/permission-tab tab Account_Plan__c does not exist',
        'force-app/main/default/permissionsets/Broken_User.permissionset-meta.xml:4 xref/permission-class Apex class PlanControllr does not exist',
        'force-app/main/default/permissionsets/Broken_User.permissionset-meta.xml:8 xref/permission-field field Account_Plan__c.Revenue_Gaol__c does not exist',
        'force-app/main/default/reportTypes/Plans_With_Objectives.reportType-meta.xml:28 xref/report-type-field Account_Plan__c.Revenue_Gaol__c does not exist',
        'force-app/main/default/reportTypes/Plans_With_Objectives.reportType-meta.xml:33 xref/report-type-lookup-path Account__c.Key_Account_Tier__c on Account_Plan__c reaches a field through a lookup: the documented syntax of lookup-path columns could not be confirmed, and a wrong one fails the first deploy. List the lookup field itself (Account__c) or root the report type at the parent object and join down to Account_Plan__c',
        'force-app/main/default/reportTypes/Plans_With_Objectives.reportType-meta.xml:38 xref/report-type-lookup-path Owner.Email on Account_Plan__c reaches a field through a lookup: the documented syntax of lookup-path columns could not be confirmed, and a wrong one fails the first deploy. List the lookup field itself (Owner) or root the report type at the parent object and join down to Account_Plan__c',
        'force-app/main/default/reportTypes/Plans_With_Objectives.reportType-meta.xml:51 xref/report-type-table table Account_Plan__c.Plan_Milestones__r is not one of Account_Plan__c, Account_Plan__c.Plan_Objectives__r',
        // a detail object (ControlledByParent) has no Owner: a report type column naming it fails the deploy
        'force-app/main/default/reportTypes/Plans_With_Objectives.reportType-meta.xml:56 xref/report-type-field Plan_Objective__c.Owner does not exist',
        'force-app/main/default/reportTypes/Plans_With_Typo.reportType-meta.xml:2 xref/report-type-deployed Plans_With_Typo must be deployed (<deployed>true</deployed>): reports cannot use a report type in development',
        'force-app/main/default/reportTypes/Plans_With_Typo.reportType-meta.xml:2 xref/report-type-description Plans_With_Typo needs a <description> saying what its rows are',
        'force-app/main/default/reportTypes/Plans_With_Typo.reportType-meta.xml:6 xref/report-type-relationship Plan_Objectivs__r is not a child relationship of Account_Plan__c',
        'force-app/main/default/reports/Orphans/Standard.report-meta.xml:2 xref/report-folder folder Orphans has no reports/Orphans.reportFolder-meta.xml',
        'force-app/main/default/reports/Orphans/Standard.report-meta.xml:9 xref/report-report-type report type AccountList is not a Keystone custom report type (Name__c): its columns cannot be checked offline',
        'force-app/main/default/reports/Plans/Off_Track.report-meta.xml:2 xref/report-description Off_Track needs a <description> saying what a manager learns from it',
        'force-app/main/default/reports/Plans/Off_Track.report-meta.xml:2 xref/report-format a Tabular report has no groupings (use Summary or Matrix)',
        'force-app/main/default/reports/Plans/Off_Track.report-meta.xml:20 xref/report-aggregate Sum of Account_Plan__c$Period_Start__c: a Date field cannot be summed or averaged',
        'force-app/main/default/reports/Plans/Off_Track.report-meta.xml:24 xref/report-column column Account_Plan__c.Plan_Objectives__r$Staus__c is not a column of report type Plans_With_Objectives__c',
        'force-app/main/default/reports/Plans/Off_Track.report-meta.xml:28 xref/report-filter-value Account_Plan__c.Plan_Objectives__r$Status__c has no value "Of Track" (it has On Track, Off Track)',
        'force-app/main/default/reports/Plans/Off_Track.report-meta.xml:33 xref/report-lookup-path filter Account_Plan__c$Account__c.Key_Account_Tier__c reaches a field through a lookup: the documented syntax of lookup-path columns could not be confirmed, and a wrong one fails the first deploy. Use the lookup column (Account_Plan__c$Account__c) or a report type rooted at the parent object',
        "force-app/main/default/reports/Plans/Off_Track.report-meta.xml:4 xref/report-chart-summary chart summary Average Account_Plan__c$Revenue_Goal__c is not an aggregate of the report's columns",
        'force-app/main/default/reports/Plans/Unknown_Type.report-meta.xml:6 xref/report-report-type report type Plans_With_Goals__c has no reportTypes/Plans_With_Goals.reportType-meta.xml',
        'lwc-ts/planCard/planCard.ts:17 xref/message-channel @salesforce/messageChannel/Keystone_Plan_Chnage__c: no messageChannels/Keystone_Plan_Chnage.messageChannel-meta.xml',
        'lwc-ts/planCard/planCard.ts:3 xref/apex-import @salesforce/apex/PlanController.savePlan: no such @AuraEnabled static method',
        'lwc-ts/planCard/planCard.ts:8 xref/apex-param PlanController.getPlan has no parameter "accountID" (it takes accountId)'
    ],
    'approval-processes': [
        'force-app/main/default/approvalProcesses/Account_Plan__c.Broken_Sign_Off.approvalProcess-meta.xml:10 approval/field Account_Plan__c.Revenue_Gaol__c does not exist',
        'force-app/main/default/approvalProcesses/Account_Plan__c.Broken_Sign_Off.approvalProcess-meta.xml:11 approval/owner-on-detail field Owner: Account_Plan__c is the detail of a master-detail and has no owner',
        'force-app/main/default/approvalProcesses/Account_Plan__c.Broken_Sign_Off.approvalProcess-meta.xml:15 approval/approver-field approver field Account_Plan__c.Account__c is not a lookup to User (it points to Account)',
        'force-app/main/default/approvalProcesses/Account_Plan__c.Broken_Sign_Off.approvalProcess-meta.xml:35 approval/field Account_Plan__c.Stauts__c does not exist',
        'force-app/main/default/approvalProcesses/Account_Plan__c.Broken_Sign_Off.approvalProcess-meta.xml:5 approval/owner-on-detail submitter type owner: Account_Plan__c is the detail of a master-detail and has no owner (use creator, a user, a role or a group)'
    ],
    'field-history': [
        'force-app/main/default/objects/Contact/fields/Stance__c.field-meta.xml:6 history/not-enabled Contact.Stance__c tracks history but Contact history is not enabled: add objects/Contact/Contact.object-meta.xml with <enableHistory>true</enableHistory>'
    ],
    'tab-motifs': [
        'force-app/main/default/tabs/Swot_Item__c.tab-meta.xml:4 tab/motif motif "Custom68: Desk" is not a tab style: Custom68 is "Custom68: Globe"; Desk is "Custom33: Desk"'
    ],
    'demo-data': [
        'scripts/data/Account.json:18 data/not-createable Contact.Titel does not exist: the demo import cannot set it',
        'scripts/data/Account.json:9 data/not-createable Account.CreatedDate is set by the platform, not by an insert: the demo import cannot set it',
        'scripts/data/Plan_Milestone__c.json:10 data/not-createable Plan_Milestone__c.Is_Overdue__c is a formula: the demo import cannot set it',
        'scripts/data/Plan_Milestone__c.json:11 data/not-createable Plan_Milestone__c.Due_Dat__c does not exist: the demo import cannot set it'
    ],
    'soql-fields': [
        'force-app/main/default/classes/PlanReader.cls:13 soql/field Opportunity.Amout does not exist',
        'force-app/main/default/classes/PlanReader.cls:4 soql/field Account_Plan__c.Revenue_Gaol__c does not exist',
        'force-app/main/default/classes/PlanReader.cls:8 soql/field Account_Plan__c.Period_Strat__c does not exist'
    ],
    'user-mode-access': [
        'force-app/main/default/classes/PlanRollup.cls:5 user-mode/edit Rep_User (saves Account_Plan__c, firing AccountPlanTrigger) cannot create or edit Account',
        'force-app/main/default/classes/PlanSelector.cls:4 user-mode/read Rep_User (users of PlanController) cannot read Account',
        'force-app/main/default/classes/PlanSelector.cls:4 user-mode/read Rep_User (users of PlanController) cannot read Account_Plan__c.Goal__c',
        'force-app/main/default/classes/PlanSelector.cls:9 user-mode/read Rep_User (users of PlanController) cannot read Case',
        'force-app/main/default/classes/PlanService.cls:4 user-mode/edit Rep_User (users of PlanController) cannot edit Account_Plan__c.Score__c',
        'force-app/main/default/classes/SwotController.cls:4 user-mode/no-permission-set SwotController has @AuraEnabled methods but its ApexDoc names no @permissionSet its users hold',
        'scripts/data/Account_Plan__c.json:8 user-mode/demo-data Account_Plan__c.Goal__c is set by the demo import but none of Keystone_Manager, Keystone_Admin, Keystone_Demo_Data_Loader lets the installing admin edit it'
    ],
    'apex-security': [
        'force-app/main/default/classes/UnsafeService.cls:1 apex/with-sharing class UnsafeService must be declared "with sharing"',
        'force-app/main/default/classes/UnsafeService.cls:11 apex/suppression-reason a suppression needs a written reason: // pmd-allow RuleName: why',
        'force-app/main/default/classes/UnsafeService.cls:17 apex/user-mode-dml update must run "as user" (update as user …)',
        'force-app/main/default/classes/UnsafeService.cls:22 apex/user-mode-dml delete must run "as user" (delete as user …)',
        'force-app/main/default/classes/UnsafeService.cls:3 apex/user-mode-query query on Account must run WITH USER_MODE',
        'force-app/main/default/classes/UnsafeService.cls:7 apex/user-mode-dml update must run "as user" (update as user …)',
        'force-app/main/default/classes/UnsafeService.cls:8 apex/user-mode-database Database.insert must pass AccessLevel.USER_MODE'
    ],
    'apex-semantics': [
        "force-app/main/default/classes/PlanMath.cls:3 apex-ls/Missing Unknown field 'Revenue_Gaol__c' on SObject 'Schema.Account_Plan__c'",
        "force-app/main/default/classes/PlanMath.cls:7 apex-ls/Missing No matching method found for 'size' on 'System.String' taking no arguments"
    ],
    pmd: [
        'force-app/main/default/classes/LoopyService.cls:4 pmd/OperationWithLimitsInLoop Avoid operations in loops that may hit governor limits',
        'force-app/main/default/classes/LoopyService.cls:5 pmd/OperationWithLimitsInLoop Avoid operations in loops that may hit governor limits',
        'force-app/main/default/classes/OpenReader.cls:1 pmd/ApexSharingViolations Apex classes should declare a sharing model if DML or SOQL/SOSL is used',
        'force-app/main/default/classes/OpenReader.cls:3 pmd/ApexCRUDViolation Validate CRUD permission before SOQL/DML operation or enforce user mode',
        'force-app/main/default/classes/OpenReader.cls:3 pmd/AvoidNonRestrictiveQueries Avoid SOQL queries without a where or limit statement'
    ],
    'lwc-platform': [
        'lwc-ts/stakeholderList/stakeholderList.html:4 lwc-platform/1071 LWC1071: Missing key for element <li> inside of iterator. Elements within iterators must have a unique, computed key value.'
    ],
    'source-convert': [
        'force-app/main/default/classes/Orphan.cls:1 source/meta-xml missing Orphan.cls-meta.xml: the CLI would leave this Apex out of the deploy'
    ]
};

describe('every checker fails on its broken fixture', () => {
    it('has a fixture expectation for every checker', () => {
        assert.deepEqual(Object.keys(EXPECTED).sort(), CHECKERS.map((checker) => checker.name).sort());
    });

    for (const [name, expected] of Object.entries(EXPECTED)) {
        it(`${name} reports exactly the planted errors`, async () => {
            assert.deepEqual(await runOnFixture(name), expected);
        });
    }
});
