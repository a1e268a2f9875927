// Account Health in headless Chromium over the preview's demo org: on Aeronova's Keystone tab the rep sees
// good hygiene next to weak health, each with its reasons in words, and the six-month trend; the same view
// sits on the plan's page; at phone width the two cards stack and nothing overflows.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from '../preview/server';
import { closePreviewSession, startPreviewSession, watchProblems } from './previewSession';

let server: PreviewServer;
let browser: Browser;

const HEALTH = 'c-account-health';

function squeeze(value: string | null): string {
    return (value ?? '').replace(/\s+/g, ' ').trim();
}

async function openHealth(page: Page, hash = ''): Promise<void> {
    await page.goto(`${server.url}${hash}`);
    await page.locator(`${HEALTH} [data-id="hygiene"] [data-role="score"]`).waitFor();
}

describe('Account Health in Chromium', () => {
    before(async () => {
        ({ server, browser } = await startPreviewSession());
    });

    after(async () => {
        await closePreviewSession({ server, browser });
    });

    it("shows Aeronova's good hygiene beside its weak health, with the reasons and the trend", async () => {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
        const problems = watchProblems(page);
        await openHealth(page);

        const hygieneBand = squeeze(
            await page.locator(`${HEALTH} [data-id="hygiene"] [data-role="band"]`).textContent()
        );
        const healthBand = squeeze(
            await page.locator(`${HEALTH} [data-id="health"] [data-role="band"]`).textContent()
        );
        assert.equal(hygieneBand, 'Good');
        assert.equal(healthBand, 'Weak', 'health is weak');
        const reasons = (
            await page.locator(`${HEALTH} [data-id="health"] [data-role="why"]`).allTextContents()
        ).map(squeeze);
        assert.ok(
            reasons.some((reason) => reason.includes('one buying center, CIO Org')),
            reasons.join(' | ')
        );
        assert.ok(
            reasons.some((reason) => reason === 'Executives met for the first time in the plan period: 2.'),
            reasons.join(' | ')
        );
        assert.ok(
            reasons.some((reason) => reason.includes('3 of 8 decision makers')),
            reasons.join(' | ')
        );

        const chart = page.locator(`${HEALTH} [data-id="trend-chart"]`);
        await chart.waitFor();
        // one point per month of Aeronova's snapshots: the story's six months of history and, when today falls
        // in a later month, today's snapshot taken as the demo loads (the preview runs on the real date)
        const aeronovaId = server.org.all('Account').find((record) => record.Name === 'Aeronova Group')!.Id;
        const since = new Date();
        since.setUTCMonth(since.getUTCMonth() - 12); // the card's window (AccountHealthService.TREND_MONTHS)
        const months = new Set(
            server.org
                .all('Account_Score_Snapshot__c')
                .filter((snapshot) => snapshot.Account__c === aeronovaId)
                .map((snapshot) => String(snapshot.Snapshot_Date__c))
                .filter((day) => day >= since.toISOString().slice(0, 10))
                .map((day) => day.slice(0, 7))
        );
        assert.ok(months.size >= 6, 'six months of history at least');
        assert.equal(
            await page.locator(`${HEALTH} [data-role="month"]`).count(),
            months.size,
            'a point per month'
        );
        assert.match((await page.locator(`${HEALTH} [data-id="health-line"]`).getAttribute('d')) ?? '', /^M/);
        assert.deepEqual(problems, []);
        await page.close();
    });

    it("shows the same on the plan's page and stacks the cards at phone width", async () => {
        const page = await browser.newPage({ viewport: { width: 375, height: 812 }, locale: 'en-US' });
        const problems = watchProblems(page);
        const plan = server.org
            .all('Account_Plan__c')
            .find((record) => record.Name === 'Aeronova Group FY2026 Account Plan');
        assert.ok(plan);
        await openHealth(page, `#/record/${plan.Id}`);
        const hygiene = await page.locator(`${HEALTH} [data-id="hygiene"]`).boundingBox();
        const health = await page.locator(`${HEALTH} [data-id="health"]`).boundingBox();
        assert.ok(hygiene && health);
        assert.ok(health.y >= hygiene.y + hygiene.height - 1, 'health below hygiene on a phone');
        assert.ok(hygiene.x + hygiene.width <= 375, 'nothing wider than the phone');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `no horizontal scroll: ${overflow}px`);
        assert.deepEqual(problems, []);
        await page.close();
    });
});
