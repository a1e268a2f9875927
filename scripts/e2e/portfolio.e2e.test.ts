// The managers' portfolio in headless Chromium, as Morgan Reyes (the sales manager) opens it from the
// Portfolio tab: the key accounts ranked, a bubble per scored key account in the quadrant, Aeronova's plan
// waiting for sign-off, and each account one click (or one key) from its page; at phone width too.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from '../preview/server';
import { closePreviewSession, startPreviewSession, watchProblems } from './previewSession';

let server: PreviewServer;
let browser: Browser;

const PORTFOLIO = 'c-key-account-portfolio';

function squeeze(value: string | null): string {
    return (value ?? '').replace(/\s+/g, ' ').trim();
}

function accountId(name: string): string {
    const account = server.org.all('Account').find((record) => record.Name === name);
    assert.ok(account, `${name} is in the demo data`);
    return account.Id;
}

/** The demo's key accounts (tier 1 to 3), highest score first, as the data sets them. */
function keyAccounts(): { id: string; name: string; scored: boolean }[] {
    return server.org
        .all('Account')
        .filter((record) => ['Tier 1', 'Tier 2', 'Tier 3'].includes(String(record.Key_Account_Tier__c)))
        .sort((a, b) => Number(b.Key_Account_Score__c ?? -1) - Number(a.Key_Account_Score__c ?? -1))
        .map((record) => ({
            id: record.Id,
            name: String(record.Name),
            scored:
                typeof record.Key_Account_Score__c === 'number' && typeof record.Health_Score__c === 'number'
        }));
}

/** Opens the Portfolio tab as the manager ("Viewing as" is kept in a cookie across the reload). */
async function openAsManager(width = 1280, height = 900): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width, height } });
    const problems = watchProblems(page);
    await page.goto(server.url);
    await page.locator('[data-id="user-switcher"]').selectOption('manager');
    await page.locator('[data-id="nav-portfolio"]').click();
    await page.locator(`${PORTFOLIO} table[data-id="ranked"] tbody tr`).first().waitFor();
    return { page, problems };
}

describe('the managers portfolio in Chromium', () => {
    before(async () => {
        ({ server, browser } = await startPreviewSession());
    });

    after(async () => {
        await closePreviewSession({ server, browser });
    });

    it('ranks the key accounts, draws a bubble for each and shows Aeronova waiting for sign-off', async () => {
        const { page, problems } = await openAsManager();
        assert.match(page.url(), /#\/app\/Keystone_Portfolio$/);
        const expected = keyAccounts();
        assert.ok(expected.length >= 2, 'the demo has key accounts');
        const names = await page.locator(`${PORTFOLIO} a[data-role="account"]`).allTextContents();
        assert.deepEqual(
            names.map((name) => name.trim()),
            expected.map((account) => account.name),
            'ranked by key-account score'
        );
        const ranks = await page.locator(`${PORTFOLIO} tbody tr td.number:first-child`).allTextContents();
        assert.deepEqual(
            ranks.map((rank) => rank.trim()),
            expected.map((_, index) => String(index + 1))
        );
        // a bubble per scored key account, each named for a screen reader
        const bubbles = page.locator(`${PORTFOLIO} [data-id="quadrant"] g.bubble`);
        assert.equal(await bubbles.count(), expected.filter((account) => account.scored).length);
        const aeronova = page.locator(`${PORTFOLIO} g.bubble[data-id="${accountId('Aeronova Group')}"]`);
        // the score the criterion scores gave Aeronova on import, as the org holds it
        const aeronovaScore = server.org
            .all('Account')
            .find((record) => record.Name === 'Aeronova Group')?.Key_Account_Score__c;
        assert.equal(typeof aeronovaScore, 'number', 'Aeronova is scored from its criterion scores');
        assert.ok(
            ((await aeronova.getAttribute('aria-label')) ?? '').startsWith(
                `Aeronova Group: key-account score ${String(aeronovaScore)},`
            )
        );
        assert.equal(await aeronova.getAttribute('data-quadrant'), 'fix');
        const meridian = page.locator(`${PORTFOLIO} g.bubble[data-id="${accountId('Meridian Bank')}"]`);
        assert.equal(await meridian.getAttribute('data-quadrant'), 'invest');
        // Aeronova's plan waits for Morgan's sign-off
        const awaiting = squeeze(await page.locator(`${PORTFOLIO} [data-id="awaiting"]`).textContent());
        assert.match(awaiting, /^Aeronova Group\s*·\s*Aeronova Group FY2026 Account Plan/);
        assert.match(awaiting, /Approver: Morgan Reyes/);
        assert.doesNotMatch(awaiting, /Meridian Bank/);
        assert.deepEqual(problems, []);
        await page.close();
    });

    it('opens an account from its row and from its bubble with the keyboard', async () => {
        const { page, problems } = await openAsManager();
        const meridianId = accountId('Meridian Bank');
        await page.locator(`${PORTFOLIO} a[data-role="account"][data-id="${meridianId}"]`).click();
        await page.waitForURL(new RegExp(`#/record/${meridianId}$`));
        assert.equal(await page.locator('[data-id="highlights"] h1').textContent(), 'Meridian Bank');

        await page.locator('[data-id="nav-portfolio"]').click();
        const first = page.locator(`${PORTFOLIO} [data-id="quadrant"] g.bubble[tabindex="0"]`);
        await first.focus();
        const firstId = await first.getAttribute('data-id');
        await page.keyboard.press('Enter');
        await page.waitForURL(new RegExp(`#/record/${firstId}$`));
        assert.deepEqual(problems, []);
        await page.close();
    });

    it('sorts the table by health and fits a phone', async () => {
        const { page, problems } = await openAsManager(390, 844);
        await page.locator(`${PORTFOLIO} button[data-column="health"]`).click();
        const names = (await page.locator(`${PORTFOLIO} a[data-role="account"]`).allTextContents()).map(
            (name) => name.trim()
        );
        const health = new Map(
            server.org
                .all('Account')
                .map((record) => [String(record.Name), Number(record.Health_Score__c ?? -1)])
        );
        const sorted = [...names].sort((a, b) => health.get(b)! - health.get(a)!);
        assert.deepEqual(names, sorted, 'healthiest first');
        // the page never scrolls sideways: the table scrolls inside its own box
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 1, `page wider than the phone by ${overflow}px`);
        assert.ok((await page.locator(`${PORTFOLIO} [data-id="quadrant"] svg`).boundingBox())!.width <= 390);
        assert.deepEqual(problems, []);
        await page.close();
    });
});
