// A rep's first minute on the org chart, on a desktop and on a phone: names readable at once, nothing
// wider than the screen, the side panel opening without losing the chart, the whole chart one click away.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from '../preview/server';
import { closePreviewSession, startPreviewSession } from './previewSession';

let server: PreviewServer;
let browser: Browser;
const CHART = 'c-org-chart-heat-map';

async function open(width: number, height: number): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(server.url);
    await page.locator(`${CHART} g.node`).first().waitFor();
    return page;
}

/** The on-screen height of the first name on the chart, in CSS pixels. */
async function nameHeight(page: Page): Promise<number> {
    const box = await page.locator(`${CHART} g.node text.name`).first().boundingBox();
    assert.ok(box, 'a name is drawn');
    return box.height;
}

describe("a rep's first minute on the org chart", () => {
    before(async () => {
        ({ server, browser } = await startPreviewSession());
    });

    after(async () => {
        await closePreviewSession({ server, browser });
    });

    for (const [device, width, height] of [
        ['desktop', 1440, 1000],
        ['phone', 390, 844]
    ] as const) {
        it(`opens with names a person can read, and stays readable after Expand all (${device})`, async () => {
            const page = await open(width, height);
            assert.ok((await nameHeight(page)) >= 10, 'names at least 10 px tall at first sight');
            await page.locator(`${CHART} [data-id="expand-all"] button`).click();
            assert.ok((await nameHeight(page)) >= 10, 'names at least 10 px tall after Expand all');
            // the rest of the chart is reachable: the minimap is shown while the chart is larger than the view
            assert.equal(await page.locator(`${CHART} svg.minimap:not(.minimap-hidden)`).count(), 1);
            await page.close();
        });
    }

    it('fits a phone: nothing on the page is wider than 390 px', async () => {
        const page = await open(390, 844);
        await page.locator('c-landscape-grid table').waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(overflow <= 390, `page is ${overflow} px wide`);
        await page.close();
    });

    it('Fit shows the whole chart; opening the side panel keeps it fitted beside the panel', async () => {
        const page = await open(1440, 1000);
        await page.locator(`${CHART} [data-id="fit"] button`).click();
        const chartBox = async (): Promise<{ x: number; width: number }> =>
            (await page.locator(`${CHART} [data-id="chart"]`).boundingBox())!;
        const drawnBounds = (): Promise<{ left: number; right: number }> =>
            page.locator(`${CHART} g.viewport`).evaluate((element) => {
                const box = element.getBoundingClientRect();
                return { left: box.left, right: box.right };
            });
        const inside = async (): Promise<void> => {
            const box = await chartBox();
            const drawn = await drawnBounds();
            assert.ok(
                drawn.left >= box.x - 1 && drawn.right <= box.x + box.width + 1,
                'the whole chart is in view'
            );
        };
        await inside();
        const before = (await chartBox()).width;
        await page.locator(`${CHART} g.node`).first().click();
        await page.locator(`${CHART} c-stakeholder-panel [data-id="panel-name"]`).waitFor();
        assert.ok((await chartBox()).width < before, 'the chart made room for the panel');
        await page.waitForTimeout(200);
        await inside();
        await page.close();
    });
});
