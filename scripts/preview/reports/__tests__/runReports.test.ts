// Report shapes the other reports take (fixture copies: an outer join, a matrix of picklists, a tabular
// report with relative dates, filter logic, sort and row limit, a dashboard), run over the demo org as the
// manager in user mode; each figure is checked against the org's records counted here directly.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { demoOrg } from '../../__tests__/demoOrg';
import { readReport, readReportType } from '../definitions';
import { FORCE_APP } from '../../../lib/project';
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
        const dashboard = runDashboard(catalog.dashboards[0]!, page.reports, catalog.reports);
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

describe('reports joining three objects (Account → child → grandchild)', () => {
    const shipped = readReportCatalog(FORCE_APP);
    const nested = readReportCatalog(path.join(FIXTURES, 'nested'));

    it('runs every shipped report and reads every shipped report type and dashboard', () => {
        const { context } = demoOrg(TODAY, 'manager');
        assert.deepEqual(shipped.problems, []);
        const page = runReportsPage(context.org, shipped, context.userId);
        assert.deepEqual(
            page.reports.filter((report) => report.error).map((report) => report.error),
            []
        );
        assert.ok(page.reports.length >= 11);
    });

    it("draws every component of the shipped dashboard, an axis on the report's inner grouping added up across the outer", () => {
        const { context } = demoOrg(TODAY, 'manager');
        const page = runReportsPage(context.org, shipped, context.userId);
        const dashboard = page.dashboards.find((each) => each.name === 'Key_Account_Portfolio')!;
        assert.deepEqual(
            dashboard.components.filter((each) => each.error).map((each) => each.error),
            []
        );
        assert.ok(
            dashboard.components.some((each) => each.report.endsWith('/Whitespace_Targets_By_Offering'))
        );
        assert.ok(
            dashboard.components.some((each) =>
                each.report.endsWith('/Pipeline_By_Buying_Center_And_Offering')
            )
        );
        const objectives = page.reports.find((each) => each.developerName === 'Objectives_Off_Track')!;
        const byAccount = new Map<string, number>();
        for (const status of objectives.down!)
            for (const account of status.children)
                byAccount.set(account.label, (byAccount.get(account.label) ?? 0) + account.summary.rowCount);
        const component = dashboard.components.find((each) => each.report.endsWith('/Objectives_Off_Track'))!;
        assert.ok(byAccount.size > 1);
        assert.deepEqual(new Map(component.groups.map((group) => [group.label, group.value])), byAccount);
        assert.match(component.note ?? '', /by Account; in the org it is also split by Status/);
    });

    it('keeps one row per grandchild under an inner join: stance changes of key accounts in the last 90 days', () => {
        const { org, context } = demoOrg(TODAY, 'manager');
        const result = runReport(
            context.org,
            shipped,
            shipped.reports.find((each) => each.developerName === 'Stance_Changes_Last_90_Days')!,
            context.userId
        );
        assert.equal(result.error, undefined);
        const keyAccounts = new Set(
            org
                .all('Account')
                .filter((each) => ['Tier 1', 'Tier 2', 'Tier 3'].includes(String(each.Key_Account_Tier__c)))
                .map((each) => each.Id)
        );
        const people = new Set(
            org
                .all('Contact')
                .filter((each) => keyAccounts.has(String(each.AccountId)))
                .map((each) => each.Id)
        );
        const expected = org
            .all('Stance_Observation__c')
            .filter(
                (each) =>
                    people.has(String(each.Contact__c)) &&
                    String(each.Observed_On__c) >= '2026-09-01' &&
                    String(each.Observed_On__c) <= TODAY
            ).length;
        assert.ok(expected > 0);
        assert.equal(result.grand!.rowCount, expected);
    });

    it('keeps a parent without children once under outer joins, at both levels', () => {
        const { org, context } = demoOrg(TODAY, 'manager');
        assert.deepEqual(nested.problems, []);
        const result = runReport(context.org, nested, nested.reports[0]!, context.userId);
        assert.equal(result.error, undefined);
        const cells = new Map<string, number>();
        for (const cell of org.all('Landscape_Cell__c'))
            cells.set(String(cell.Buying_Center__c), (cells.get(String(cell.Buying_Center__c)) ?? 0) + 1);
        const expected = new Map<string, number>();
        for (const account of org.all('Account')) {
            const centers = org.all('Buying_Center__c').filter((each) => each.Account__c === account.Id);
            expected.set(
                String(account.Name),
                centers.length
                    ? centers.reduce((sum, each) => sum + Math.max(1, cells.get(each.Id) ?? 0), 0)
                    : 1
            );
        }
        assert.ok(
            [...expected.values()].some((count) => count === 1),
            'an account with no buying center'
        );
        assert.ok(
            org.all('Buying_Center__c').some((each) => !cells.has(each.Id)),
            'a buying center with no cell'
        );
        assert.deepEqual(
            new Map((result.down ?? []).map((group) => [group.label, group.summary.rowCount])),
            expected
        );
    });

    it('refuses an inner join under an outer one, as the report type builder does', () => {
        assert.throws(
            () => readReportType(path.join(FIXTURES, 'broken/Inner_Under_Outer.reportType-meta.xml')),
            /Landscape_Cells__r is an inner join under an outer join/
        );
    });
});
