// Report shapes the other reports take (fixture copies: an outer join, a matrix of picklists, a tabular
// report with relative dates, filter logic, sort and row limit, a dashboard), run over the demo org as the
// manager in user mode; each figure is checked against the org's records counted here directly.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { demoOrg } from '../../__tests__/demoOrg';
import { readReport } from '../definitions';
import { readReportCatalog, runDashboard, runReport, runReportsPage } from '../runReports';
import { matrixCellKey } from '../summarize';

const TODAY = '2026-11-30';
const FIXTURES = path.join(__dirname, 'fixtures');
const catalog = readReportCatalog(path.join(FIXTURES, 'force-app'));
const named = (name: string) => catalog.reports.find((each) => each.developerName === name)!;

describe('reports over the demo org', () => {
    it('counts stakeholders by decision role × stance, one row per person without observations (outer join)', () => {
        const { org, context } = demoOrg(TODAY, 'manager');
        const result = runReport(context.org, catalog, named('Stance_Mix_By_Decision_Role'), context.userId);
        assert.equal(result.error, undefined);
        const observations = new Map<string, number>();
        for (const each of org.all('Stance_Observation__c'))
            observations.set(String(each.Contact__c), (observations.get(String(each.Contact__c)) ?? 0) + 1);
        const expected = new Map<string, number>();
        for (const person of org.all('Contact')) {
            if (!person.Decision_Role__c) continue;
            const key = matrixCellKey(String(person.Decision_Role__c), String(person.Stance__c ?? ''));
            expected.set(key, (expected.get(key) ?? 0) + Math.max(1, observations.get(person.Id) ?? 0));
        }
        const actual = new Map(Object.entries(result.cells ?? {}).map(([key, cell]) => [key, cell.rowCount]));
        assert.ok(expected.size > 3);
        assert.deepEqual(actual, expected);
        assert.equal(
            result.grand!.rowCount,
            [...expected.values()].reduce((a, b) => a + b, 0)
        );
    });

    it('lists the latest warm or cold stance changes of the last 90 days, newest first, at most five', () => {
        const { org, context } = demoOrg(TODAY, 'manager');
        const result = runReport(context.org, catalog, named('Stance_Changes_Last_90_Days'), context.userId);
        assert.equal(result.error, undefined);
        const wanted = org
            .all('Stance_Observation__c')
            .filter(
                (each) =>
                    String(each.Observed_On__c) >= '2026-09-01' &&
                    String(each.Observed_On__c) <= TODAY &&
                    ['Detractor', 'Blocker', 'Champion'].includes(String(each.Stance__c))
            )
            .map((each) => String(each.Observed_On__c))
            .sort()
            .reverse();
        assert.ok(wanted.length > 0, 'the demo story has stance changes in the last 90 days');
        assert.deepEqual(
            result.details!.map((detail) => detail[2]),
            wanted.slice(0, 5)
        );
    });

    it('refuses a column its report type does not offer, by name, and runs the others', () => {
        const { context } = demoOrg(TODAY, 'manager');
        const broken = readReport(
            path.join(FIXTURES, 'broken/Unknown_Column.report-meta.xml'),
            'Keystone_Reports'
        );
        const result = runReport(context.org, catalog, broken, context.userId);
        assert.equal(
            result.error,
            'Keystone_Reports/Unknown_Column: the report type Keystone_Stakeholders_With_Stance has no column Contact$Title'
        );
        assert.equal(result.grand, undefined);
        const page = runReportsPage(context.org, catalog, context.userId);
        assert.deepEqual(
            page.reports.map((report) => [report.developerName, report.error ?? 'ran']),
            [
                ['Health_Trend', 'ran'],
                ['Stance_Changes_Last_90_Days', 'ran'],
                ['Stance_Mix_By_Decision_Role', 'ran']
            ]
        );
    });

    it('refuses to run as a user who may not read the report type, naming them and the object', () => {
        const { org, context } = demoOrg(TODAY, 'manager');
        const profile = org.all('Profile').find((each) => each.Name === 'Standard User')!;
        const plain = org.insert('User', {
            Username: 'no.keystone@example.com',
            FirstName: 'Noah',
            LastName: 'Access',
            Alias: 'noacc',
            Email: 'no.keystone@example.com',
            ProfileId: profile.Id,
            TimeZoneSidKey: 'Europe/London',
            LocaleSidKey: 'en_US',
            EmailEncodingKey: 'UTF-8',
            LanguageLocaleKey: 'en_US'
        });
        const result = runReport(context.org, catalog, named('Stance_Changes_Last_90_Days'), plain);
        assert.match(
            result.error ?? '',
            /^Keystone_Reports\/Stance_Changes_Last_90_Days: Noah Access cannot run this report: .*Stance_Observation__c/
        );
        assert.equal(result.grand, undefined);
        assert.equal(result.details, undefined);
    });

    it("draws a dashboard's components from the reports' results and names what it cannot draw", () => {
        const { context } = demoOrg(TODAY, 'manager');
        const page = runReportsPage(context.org, catalog, context.userId);
        const dashboard = runDashboard(catalog.dashboards[0]!, page.reports);
        const stance = page.reports.find((report) => report.developerName === 'Stance_Mix_By_Decision_Role')!;
        const table = dashboard.components[2]!;
        assert.equal(table.total, stance.grand!.rowCount);
        assert.deepEqual(
            table.groups.map((group) => group.value),
            stance.down!.map((group) => group.summary.rowCount)
        );
        assert.equal(
            dashboard.components[3]!.error,
            'Key_Account_Portfolio: the preview does not draw <componentType>Funnel</componentType>'
        );
        assert.equal(dashboard.components[1]!.summaryLabel, 'Smallest Health Score');
    });
});
