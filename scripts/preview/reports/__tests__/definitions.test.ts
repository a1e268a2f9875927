// Report types, reports and dashboards read from their Metadata API XML; what the engine cannot run is
// refused by element and file, never skipped.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { readDashboard, readReport, readReportType, ReportDefinitionError } from '../definitions';
import { readReportCatalog } from '../runReports';

const FIXTURES = path.join(__dirname, 'fixtures');

describe('report definitions', () => {
    it('reads a report type: base object, join and every offered column by its report name', () => {
        const type = readReportType(
            path.join(FIXTURES, 'force-app/reportTypes/Keystone_Stakeholders_With_Stance.reportType-meta.xml')
        );
        assert.equal(type.baseObject, 'Contact');
        assert.deepEqual(type.joins, [{ relationship: 'Stance_Observations__r', outerJoin: true }]);
        assert.ok(type.columns.has('Contact$Account.Key_Account_Tier__c'));
        assert.ok(type.columns.has('Contact.Stance_Observations__r$Observed_On__c'));
    });

    it('reads a report: format, aggregates, filter logic, groupings with granularity, time frame', () => {
        const report = readReport(
            path.join(FIXTURES, 'force-app/reports/Keystone_Reports/Health_Trend.report-meta.xml'),
            'Keystone_Reports'
        );
        assert.equal(report.fullName, 'Keystone_Reports/Health_Trend');
        assert.equal(report.format, 'Matrix');
        assert.deepEqual(report.columns[1]!.aggregates, ['Average', 'Minimum']);
        assert.equal(report.groupingsAcross[0]!.dateGranularity, 'Month');
        assert.deepEqual(report.timeFrame, {
            dateColumn: 'Account.Score_Snapshots__r$Snapshot_Date__c',
            interval: 'INTERVAL_CUSTOM',
            startDate: '2026-01-01',
            endDate: null
        });
    });

    it('refuses an element it does not run, naming it and the file', () => {
        assert.throws(
            () => readReport(path.join(FIXTURES, 'broken/Cross_Filter.report-meta.xml'), 'Keystone_Reports'),
            (error: Error) =>
                error instanceof ReportDefinitionError &&
                /Keystone_Reports\/Cross_Filter\.report-meta\.xml: .*<crossFilters>/.test(error.message)
        );
        assert.throws(
            () => readReport(path.join(FIXTURES, 'broken/Bad_Operator.report-meta.xml'), 'Keystone_Reports'),
            /<operator>within<\/operator> is not supported/
        );
        assert.throws(
            () => readReport(path.join(FIXTURES, 'broken/My_Records.report-meta.xml'), 'Keystone_Reports'),
            /<scope>user<\/scope> is not supported/
        );
    });

    it('reads a dashboard: components in order with the summary each shows', () => {
        const dashboard = readDashboard(
            path.join(
                FIXTURES,
                'force-app/dashboards/Keystone_Dashboards/Key_Account_Portfolio.dashboard-meta.xml'
            )
        );
        assert.equal(dashboard.title, 'Key Account Portfolio');
        assert.deepEqual(
            dashboard.components.map((each) => [each.componentType, each.summary]),
            [
                ['Metric', null],
                ['Bar', 'm!Account.Score_Snapshots__r$Health_Score__c'],
                ['Table', null],
                ['Funnel', null]
            ]
        );
    });

    it('collects a catalog and keeps unreadable definitions as problems rather than failing the page', () => {
        const catalog = readReportCatalog(path.join(FIXTURES, 'force-app'));
        assert.deepEqual(
            catalog.reports.map((each) => each.developerName),
            ['Health_Trend', 'Stance_Changes_Last_90_Days', 'Stance_Mix_By_Decision_Role']
        );
        assert.equal(catalog.types.size, 2);
        assert.deepEqual(catalog.problems, []);
    });
});
