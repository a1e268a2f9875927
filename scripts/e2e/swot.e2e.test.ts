// SWOT items on the org chart's side panel, end to end in headless Chromium over the demo data: the story's
// people carry the plan's SWOT items linked to them (Priya, the champion who is leaving; Victor, the
// detractor), read through the real Apex in the preview's runtime; a person without items shows none.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from '../preview/server';
import { closePreviewSession, startPreviewSession, watchProblems } from './previewSession';

let server: PreviewServer;
let browser: Browser;

const chart = 'c-org-chart-heat-map';

async function open(): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watchProblems(page);
    await page.goto(server.url);
    return { page, problems };
}

describe('SWOT items on the side panel in Chromium', () => {
    before(async () => {
        ({ server, browser } = await startPreviewSession());
    });

    after(async () => {
        await closePreviewSession({ server, browser });
    });

    it("shows the plan's SWOT items about the person open in the panel", async () => {
        const { page, problems } = await open();
        await page.locator(`${chart} g.node`).first().waitFor();
        const panel = page.locator(`${chart} c-stakeholder-panel`);

        await page.locator(`${chart} [data-id="search"] input`).fill('Priya Natarajan');
        await panel.locator('[data-id="panel-name"]', { hasText: 'Priya Natarajan' }).waitFor();
        const priya = panel.locator('[data-id="swot-items"] li');
        assert.equal(await priya.count(), 1);
        assert.equal((await priya.locator('[data-id="swot-category"]').textContent())?.trim(), 'Threat');
        assert.match(
            (await priya.locator('[data-id="swot-description"]').textContent()) ?? '',
            /our main influencer, leaves in Q1 2027/
        );
        assert.equal(
            (await priya.locator('[data-id="swot-plan"]').textContent())?.trim(),
            'Aeronova Group FY2026 Account Plan'
        );

        await page.locator(`${chart} [data-id="search"] input`).fill('Victor Hale');
        await panel.locator('[data-id="panel-name"]', { hasText: 'Victor Hale' }).waitFor();
        assert.match(
            (await panel.locator('[data-id="swot-items"]').textContent()) ?? '',
            /argues against extending the consulting framework/
        );

        await page.locator(`${chart} [data-id="search"] input`).fill('Grace Liu');
        await panel.locator('[data-id="panel-name"]', { hasText: 'Grace Liu' }).waitFor();
        assert.equal(await panel.locator('[data-id="swot-items"]').count(), 0, 'no items, no section');
        assert.deepEqual(problems, []);
        await page.close();
    });

    it("links the story's items to the plan account's people and cells, and refuses another account's", () => {
        const linked = server.org
            .all('Swot_Item__c')
            .filter((item) => !!item.Stakeholder__c || !!item.Landscape_Cell__c);
        assert.ok(linked.length >= 5, 'the story links items to people and a whitespace cell');
        for (const item of linked) {
            const plan = server.org.get(String(item.Account_Plan__c))!;
            if (item.Stakeholder__c) {
                assert.equal(server.org.get(String(item.Stakeholder__c))!.AccountId, plan.Account__c);
            }
            if (item.Landscape_Cell__c) {
                const cell = server.org.get(String(item.Landscape_Cell__c))!;
                assert.equal(server.org.get(String(cell.Buying_Center__c))!.Account__c, plan.Account__c);
            }
        }

        const aeronovaPlan = server.org
            .all('Account_Plan__c')
            .find((plan) => plan.Name === 'Aeronova Group FY2026 Account Plan')!;
        const meridian = server.org.all('Account').find((account) => account.Name === 'Meridian Bank')!;
        const banker = server.org.all('Contact').find((person) => person.AccountId === meridian.Id)!;
        const before = server.org.all('Swot_Item__c').length;
        assert.throws(
            () =>
                server.org.insert('Swot_Item__c', {
                    Account_Plan__c: aeronovaPlan.Id,
                    Category__c: 'Threat',
                    Description__c: 'Loaded with the wrong person',
                    Stakeholder__c: banker.Id
                }),
            /Link a person of this plan's account\./
        );
        assert.equal(server.org.all('Swot_Item__c').length, before, 'nothing saved');
    });
});
