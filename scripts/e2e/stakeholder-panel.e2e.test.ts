// The side panel acting on an insight, end to end in headless Chromium over the demo data: "Ingrid
// Solberg decides, and nobody on our team owns the relationship" → give her an owner and a buying center
// from the panel, and record what she said in a meeting; the card, the insights and the org follow.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { SObjectRecord } from '../preview/emulator/store';
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

function contact(name: string): SObjectRecord {
    const person = server.org
        .all('Contact')
        .find((record) => `${record.FirstName} ${record.LastName}` === name);
    assert.ok(person, `${name} is in the demo data`);
    return person;
}

function observations(contactId: string, stance: string, source: string): number {
    return server.org
        .all('Stance_Observation__c')
        .filter(
            (item) => item.Contact__c === contactId && item.Stance__c === stance && item.Source__c === source
        ).length;
}

/** The "nobody owns" insights naming a person (the first gaps are named one by one). */
async function uncoveredInsights(page: Page, name: string): Promise<number> {
    return page
        .locator(`${chart} [data-id="insights"] button.insight`)
        .filter({ hasText: `${name} decides, and nobody on our team owns the relationship.` })
        .count();
}

describe('stakeholder side panel in Chromium', () => {
    before(async () => {
        ({ server, browser } = await startPreviewSession());
    });

    after(async () => {
        await closePreviewSession({ server, browser });
    });

    it('sets the relationship owner and the buying center, and the card and insights follow', async () => {
        const { page, problems } = await open();
        const ingrid = contact('Ingrid Solberg');
        const node = page.locator(`${chart} g.node[data-id="${ingrid.Id}"]`);
        await node.waitFor();
        assert.equal(await uncoveredInsights(page, 'Ingrid Solberg'), 1, 'the insight names her first');

        // acting on the insight opens her in the side panel
        await page
            .locator(`${chart} [data-id="insights"] button.insight`)
            .filter({ hasText: 'Ingrid Solberg decides' })
            .click();
        const panel = page.locator(`${chart} c-stakeholder-panel`);
        await panel.locator('[data-id="panel-name"]').waitFor();
        assert.equal(
            (await panel.locator('[data-id="owner-name"]').textContent())?.trim(),
            'Nobody on our team'
        );

        await panel.locator('[data-id="owner-change"]').click();
        await panel.locator('[data-id="owner-find"]').fill('sam');
        await panel.locator('button.match', { hasText: 'Sam Patel' }).click();
        assert.equal((await panel.locator('[data-id="owner-name"]').textContent())?.trim(), 'Sam Patel');

        const centers = panel.locator('select[data-field="buyingCenterId"]');
        const labels = (await centers.locator('option').allTextContents()).map((label) => label.trim());
        assert.ok(labels.includes('Helicopters › Helicopters Europe'), labels.join(' | '));
        await centers.selectOption({ label: 'Helicopters › Helicopters Europe' });
        await panel.locator('[data-id="save"] button').click();
        await panel.locator('[data-id="panel-message"]', { hasText: 'Saved.' }).waitFor();

        const sam = server.org.all('User').find((user) => user.Name === 'Sam Patel')!;
        const europe = server.org
            .all('Buying_Center__c')
            .find((center) => center.Name === 'Helicopters Europe')!;
        assert.equal(server.org.get(ingrid.Id)!.Relationship_Owner__c, sam.Id);
        assert.equal(server.org.get(ingrid.Id)!.Buying_Center__c, europe.Id);
        assert.equal(
            (await node.locator('.owner-initials').textContent())?.trim(),
            'SP',
            'the card shows the owner'
        );
        assert.equal(await uncoveredInsights(page, 'Ingrid Solberg'), 0, 'the insight is answered');

        await panel.locator('[data-id="owner-clear"]').click();
        await panel.locator('[data-id="save"] button').click();
        await panel.locator('[data-id="panel-message"]', { hasText: 'Saved.' }).waitFor();
        assert.equal(server.org.get(ingrid.Id)!.Relationship_Owner__c, null);
        assert.equal(await uncoveredInsights(page, 'Ingrid Solberg'), 1, 'nobody owns it again');
        assert.deepEqual(problems, []);
        await page.close();
    });

    it("records today's observation as the stance once, and an older one only in the trend", async () => {
        const { page, problems } = await open();
        const nadia = contact('Nadia Rahman');
        const node = page.locator(`${chart} g.node[data-id="${nadia.Id}"]`);
        await node.waitFor();
        const colour = (): Promise<string> => node.locator('rect.heat-bar').getAttribute('fill').then(String);
        const before = await colour();

        await page.locator(`${chart} [data-id="search"] input`).fill('Nadia Rahman');
        const panel = page.locator(`${chart} c-stakeholder-panel`);
        const form = panel.locator('[data-id="observation"]');
        await form.waitFor();
        assert.match((await form.textContent()) ?? '', /one dated before it only joins the trend/);
        await form.locator('select[data-field="observedStance"]').selectOption('Champion');
        await form.locator('[data-id="record"] button').click();
        const status = form.locator('[role="status"]');
        await status.filter({ hasText: 'Observation recorded: the stance is now Champion.' }).waitFor();

        assert.equal(server.org.get(nadia.Id)!.Stance__c, 'Champion');
        assert.equal(observations(nadia.Id, 'Champion', 'Manual'), 1);
        assert.equal(observations(nadia.Id, 'Champion', 'Stance Change'), 0, 'not recorded twice');
        assert.equal(await panel.locator('select[data-field="stance"]').inputValue(), 'Champion');
        assert.notEqual(await colour(), before, 'the card recolours');

        await form.locator('select[data-field="observedStance"]').selectOption('Blocker');
        await form.locator('input[data-field="observedOn"]').fill('2025-01-15');
        await form.locator('[data-id="record"] button').click();
        await status
            .filter({ hasText: 'Observation recorded in the trend. The stance stays Champion' })
            .waitFor();
        assert.equal(server.org.get(nadia.Id)!.Stance__c, 'Champion', 'the newer stance stays');
        assert.equal(observations(nadia.Id, 'Blocker', 'Manual'), 1, 'the older one is in the trend');
        assert.deepEqual(problems, []);
        await page.close();
    });
});
