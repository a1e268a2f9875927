// Lightning reuses a record page's components when the rep moves to another record of the same type:
// every Keystone view must follow the new record. Switches accounts in the preview, back and forth and
// quickly, and checks that each view shows the account in the header and nothing of the other.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from '../preview/server';
import { closePreviewSession, startPreviewSession } from './previewSession';

let server: PreviewServer;
let browser: Browser;

const CHART = 'c-org-chart-heat-map';
const GRID = 'c-landscape-grid';
const CARD = 'c-account-plan-summary';

function accountId(name: string): string {
    const account = server.org.all('Account').find((record) => record.Name === name);
    assert.ok(account, `${name} is in the demo data`);
    return account.Id;
}

/** What one account's views must show: its contacts on the chart, its buying centers in the grid. */
function expected(name: string): { contacts: Set<string>; centers: Set<string> } {
    const id = accountId(name);
    return {
        contacts: new Set(
            server.org
                .all('Contact')
                .filter((contact) => contact.AccountId === id)
                .map((contact) => contact.Id)
        ),
        centers: new Set(
            server.org
                .all('Buying_Center__c')
                .filter((center) => center.Account__c === id)
                .map((center) => center.Id)
        )
    };
}

async function switchTo(page: Page, name: string): Promise<void> {
    await page.locator('[data-id="account-switcher"]').selectOption(accountId(name));
}

/** Waits until every view shows `name`'s records, then checks none of another account's is left. */
async function assertShows(page: Page, name: string): Promise<void> {
    const { contacts, centers } = expected(name);
    await page.locator('[data-id="highlights"] h1', { hasText: name }).waitFor();
    await page.locator(`${CARD} .plan-name`).waitFor();
    assert.match((await page.locator(`${CARD} .plan-name`).textContent()) ?? '', new RegExp(name));
    // the chart and the grid are drawn for this account when its top person and a buying center show
    const top = server.org
        .all('Contact')
        .find((contact) => contacts.has(contact.Id) && !contact.ReportsToId)!;
    await page.locator(`${CHART} g.node[data-id="${top.Id}"]`).waitFor();
    await page.locator(`${GRID} tr[data-row="${[...centers][0]}"]`).waitFor();
    const drawn = await page
        .locator(`${CHART} g.node`)
        .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-id')));
    assert.ok(drawn.length > 0, `${name}: the chart draws people`);
    assert.deepEqual(
        drawn.filter((id) => !contacts.has(id!)),
        [],
        `${name}: every person on the chart works at ${name}`
    );
    const rows = await page
        .locator(`${GRID} tbody tr[data-row]`)
        .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-row')));
    assert.deepEqual(
        rows.filter((id) => id !== 'unmapped' && !centers.has(id!)),
        [],
        `${name}: every landscape row is one of ${name}'s buying centers`
    );
}

describe('every view follows the record', () => {
    before(async () => {
        ({ server, browser } = await startPreviewSession());
    });

    after(async () => {
        await closePreviewSession({ server, browser });
    });

    it('shows Meridian Bank after switching from Aeronova Group, and Aeronova again after switching back', async () => {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        const problems: string[] = [];
        page.on('pageerror', (error) => problems.push(error.message));
        await page.goto(`${server.url}#/record/${accountId('Aeronova Group')}`);
        await assertShows(page, 'Aeronova Group');
        await switchTo(page, 'Meridian Bank');
        await assertShows(page, 'Meridian Bank');
        await switchTo(page, 'Aeronova Group');
        await assertShows(page, 'Aeronova Group');
        // quick switches: answers for the account the rep has left must not win
        await switchTo(page, 'Meridian Bank');
        await switchTo(page, 'Aeronova Group');
        await switchTo(page, 'Meridian Bank');
        await assertShows(page, 'Meridian Bank');
        assert.deepEqual(problems, []);
        await page.close();
    });
});
