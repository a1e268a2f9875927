// The Reports page in Chromium: reached from the record page's header, it runs every shipped report over
// the demo data (Aeronova's whitespace targets per offering as the landscape shows them), draws every
// component of the shipped Key Account Portfolio dashboard, and a fixture dashboard's metric, table and bar
// chart from the same results, naming a component it cannot draw.
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { DATA_DIR, FORCE_APP } from '../lib/project';
import { startPreviewServer, type PreviewServer } from '../preview/server';
import { readReportCatalog } from '../preview/reports/runReports';
import { closePreviewSession, startPreviewSession, watchProblems } from './previewSession';

const FIXTURES = path.join(__dirname, '..', 'preview', 'reports', '__tests__', 'fixtures', 'force-app');

let server: PreviewServer;
let fixtureServer: PreviewServer;
let browser: Browser;

async function open(url: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watchProblems(page);
    await page.goto(url);
    return { page, problems };
}

describe('the Reports page in Chromium', () => {
    before(async () => {
        ({ server, browser } = await startPreviewSession());
        fixtureServer = await startPreviewServer({
            port: 0,
            dataDir: DATA_DIR,
            reportSource: FIXTURES,
            user: 'manager'
        });
    });

    after(async () => {
        await fixtureServer?.close();
        await closePreviewSession({ server, browser });
    });

    it('opens from the header and runs every shipped report without an error', async () => {
        const { page, problems } = await open(server.url);
        await page.locator('[data-id="reports-link"]').click();
        await page.waitForURL(/\/reports$/);
        await page.locator('[data-id="report"]').first().waitFor();
        const shipped = readReportCatalog(FORCE_APP)
            .reports.map((report) => report.developerName)
            .sort();
        assert.ok(shipped.includes('Whitespace_Targets_By_Offering'));
        assert.ok(shipped.includes('Pipeline_By_Buying_Center_And_Offering'));
        const listed = (
            await page
                .locator('[data-id="report"]')
                .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-name') ?? ''))
        ).sort();
        assert.deepEqual(listed, shipped);
        assert.equal(await page.locator('[data-id="report-error"]').count(), 0);
        assert.equal(await page.locator('[data-id="definition-problem"]').count(), 0);
        assert.deepEqual(problems, []);
        await page.close();
    });

    it("shows Aeronova's whitespace targets per offering, as its landscape totals them", async () => {
        const { page, problems } = await open(`${server.url}reports`);
        const report = page.locator('[data-id="report"][data-name="Whitespace_Targets_By_Offering"]');
        await report.locator('[data-id="grand-total"]').waitFor();
        const rows = await report
            .locator('[data-id="report-row"]')
            .evaluateAll((nodes) =>
                nodes.map((node) =>
                    Array.from(node.querySelectorAll('td')).map((cell) => cell.textContent?.trim() ?? '')
                )
            );
        // offering rows, each followed by its accounts; Aeronova's lines are the landscape's targets
        const aeronova = rows
            .map((cells, index) => ({
                cells,
                offering: rows
                    .slice(0, index + 1)
                    .reverse()
                    .find(
                        (each) =>
                            each[0] !== 'Aeronova Group' &&
                            each[0] !== 'Meridian Bank' &&
                            each[0] !== 'Globex Industries'
                    )?.[0]
            }))
            .filter((row) => row.cells[0] === 'Aeronova Group')
            .map((row) => [row.offering, row.cells[2]]);
        assert.deepEqual(aeronova, [
            ['Salesforce Practice', '$2,000,000'],
            ['IoT Platforms', '$500,000'],
            ['Data & Analytics', '$400,000']
        ]);
        assert.deepEqual(problems, []);
        await page.close();
    });

    it('draws every component of the shipped Key Account Portfolio dashboard without an error', async () => {
        const { page, problems } = await open(`${server.url}reports`);
        const dashboard = page.locator('[data-id="dashboard"]', { hasText: 'Key Account Portfolio' });
        await dashboard.waitFor();
        const shipped = readReportCatalog(FORCE_APP).dashboards.find(
            (each) => each.name === 'Key_Account_Portfolio'
        )!;
        const components = dashboard.locator('[data-id="dashboard-component"]');
        assert.deepEqual(
            await components.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-type'))),
            shipped.components.map((each) => each.componentType)
        );
        assert.ok(shipped.components.some((each) => each.report.endsWith('/Whitespace_Targets_By_Offering')));
        assert.ok(
            shipped.components.some((each) => each.report.endsWith('/Pipeline_By_Buying_Center_And_Offering'))
        );
        assert.equal(await dashboard.locator('[data-id="component-error"]').count(), 0);
        // every component draws something: a figure, a table row or a bar
        const drawn = await components.evaluateAll((nodes) =>
            nodes.map(
                (node) => node.querySelectorAll('[data-id="metric"], tr, [data-id="bar-chart"] rect').length
            )
        );
        const payload = (await page.evaluate(async () => (await fetch('/api/reports')).json())) as {
            result: { reports: { fullName: string; rowCount?: number }[] };
        };
        const rowsOf = new Map(payload.result.reports.map((each) => [each.fullName, each.rowCount ?? 0]));
        assert.deepEqual(
            drawn.map((count, index) => count > 0 || rowsOf.get(shipped.components[index]!.report) === 0),
            shipped.components.map(() => true)
        );
        const whitespace = components.nth(
            shipped.components.findIndex((each) => each.report.endsWith('/Whitespace_Targets_By_Offering'))
        );
        assert.ok((await whitespace.locator('[data-id="bar-chart"] rect').count()) > 0);
        assert.deepEqual(problems, []);
        await page.close();
    });

    it("draws a dashboard's metric, table and bars, and says which component it cannot draw", async () => {
        const { page, problems } = await open(`${fixtureServer.url}reports`);
        await page.locator('[data-id="dashboard"]').waitFor();
        const types = await page
            .locator('[data-id="dashboard-component"]')
            .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-type')));
        assert.deepEqual(types, ['Metric', 'Bar', 'Table', 'Funnel']);
        const metric = page.locator('[data-id="dashboard-component"][data-type="Metric"] [data-id="metric"]');
        assert.match((await metric.textContent()) ?? '', /^\d+$/);
        const table = page.locator('[data-id="dashboard-component"][data-type="Table"] tr');
        assert.ok((await table.count()) > 2);
        assert.equal(await page.locator('[data-id="bar-chart"]').count(), 1);
        assert.match(
            (await page.locator('[data-id="component-error"]').textContent()) ?? '',
            /does not draw <componentType>Funnel<\/componentType>/
        );
        assert.deepEqual(problems, []);
        await page.close();
    });
});
