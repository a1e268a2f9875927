// The plan workspace in the preview, as the demo team meets it: Aeronova's header with the status path and
// the mining and farming progress, Reviewed today moving the next review, Clone to next period opening the
// new Draft (and refusing a second one), and "Viewing as" the manager changing what the header offers
// (the sign-off prompt once the rep submitted the plan).
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from '../preview/server';
import { closePreviewSession, startPreviewSession, watchProblems } from './previewSession';

let server: PreviewServer;
let browser: Browser;

const WORKSPACE = 'c-account-plan-workspace';

interface OpenPage {
    page: Page;
    problems: string[];
}

async function open(hash: string, width = 1280): Promise<OpenPage> {
    // each page is a browser context of its own: its own "Viewing as" cookie
    const page = await browser.newPage({ viewport: { width, height: 900 }, locale: 'en-US' });
    const problems = watchProblems(page);
    await page.goto(`${server.url}${hash}`);
    await page.locator(`${WORKSPACE} [data-id="plan-name"]`).waitFor();
    return { page, problems };
}

function aeronovaPlan(): { Id: string; Next_Review_Date__c?: unknown; Last_Reviewed__c?: unknown } {
    const plan = server.org
        .all('Account_Plan__c')
        .find((record) => record.Name === 'Aeronova Group FY2026 Account Plan');
    assert.ok(plan, 'the demo plan is loaded');
    return plan;
}

/** The header's element: the sections below it (the sign-off's approver too) come later in the page. */
function text(page: Page, id: string): Promise<string> {
    return page
        .locator(`${WORKSPACE} [data-id="${id}"]`)
        .first()
        .textContent()
        .then((value) => (value ?? '').replace(/\s+/g, ' ').trim());
}

/** ISO day `months` calendar months after `iso`, the last day of the month when the day does not exist. */
function addMonths(iso: string, months: number): string {
    const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
    const target = new Date(Date.UTC(year, month - 1 + months, 1));
    const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
    target.setUTCDate(Math.min(day, lastDay));
    return target.toISOString().slice(0, 10);
}

describe('the plan workspace in Chromium', () => {
    before(async () => {
        ({ server, browser } = await startPreviewSession());
    });

    after(async () => {
        await closePreviewSession({ server, browser });
    });

    it("shows Aeronova's plan: status path, name, won revenue split into mining and farming against their targets", async () => {
        const { page, problems } = await open('');
        assert.equal(await text(page, 'plan-name'), 'Aeronova Group FY2026 Account Plan');
        const current = page.locator(`${WORKSPACE} [data-id="status-path"] li.slds-is-current`);
        assert.equal(await current.getAttribute('data-step'), 'In Review');
        assert.equal(
            await page.locator(`${WORKSPACE} [data-id="status-path"] li.slds-is-complete`).count(),
            1
        );
        assert.match(await text(page, 'revenue'), /\$7,450,000/);
        assert.match(await text(page, 'mining'), /^Mining ?\$[\d,]+ ?Target ?\$9,000,000 ?· \d+% of target$/);
        assert.match(
            await text(page, 'farming'),
            /^Farming ?\$[\d,]+ ?Target ?\$3,000,000 ?· \d+% of target$/
        );
        // one definition of mining and farming: the landscape on the same page says the same amounts
        const amount = (value: string): string => /\$[\d,]+/.exec(value)![0];
        await page.locator('c-landscape-grid table').waitFor();
        for (const side of ['mining', 'farming']) {
            const landscape = page.locator(`c-landscape-grid [data-side="${side}"] [data-figure="won"]`);
            assert.equal(amount(await text(page, side)), await landscape.getAttribute('title'), side);
        }
        const won = (side: string): Promise<number> =>
            text(page, side).then((value) => Number(amount(value).slice(1).replace(/,/g, '')));
        assert.equal((await won('mining')) + (await won('farming')), 7_450_000, 'a split of the won revenue');
        assert.equal(await text(page, 'approver'), 'Morgan Reyes');
        // the sections the plan components go in
        assert.equal(await page.locator(`${WORKSPACE} [data-section]`).count(), 5);
        assert.deepEqual(problems, []);
        await page.close();
    });

    it('Reviewed today records the review and moves the next review a quarter on', async () => {
        const { page, problems } = await open('');
        const before = await text(page, 'review');
        await page.locator(`${WORKSPACE} [data-id="reviewed-today"] button`).click();
        await page.locator('[data-id="toast"]', { hasText: 'Review recorded' }).waitFor();

        const plan = aeronovaPlan();
        const today = String(plan.Last_Reviewed__c);
        assert.match(today, /^\d{4}-\d{2}-\d{2}$/, 'the review is recorded');
        assert.equal(plan.Next_Review_Date__c, addMonths(today, 3), 'Quarterly: three months on');
        await page.waitForFunction(
            ([selector, old]) =>
                document.querySelector(selector!)?.textContent?.replace(/\s+/g, ' ').trim() !== old,
            [`${WORKSPACE} [data-id="review"]`, before] as const
        );
        assert.match(await text(page, 'review'), /^Review in \d+ days/);
        assert.deepEqual(problems, []);
        await page.close();
    });

    it('switching to the manager offers the sign-off once the rep submitted; a reload keeps the choice', async () => {
        const { page, problems } = await open('');
        assert.equal(
            await page.locator(`${WORKSPACE} [data-id="go-to-sign-off"]`).count(),
            0,
            'the rep waits'
        );

        // In Review with nothing submitted: the approver has nothing to sign off yet
        await page.locator('[data-id="user-switcher"]').selectOption('manager');
        await page.locator(`${WORKSPACE} c-plan-sign-off [data-id="no-history"]`).waitFor();
        assert.equal(await page.locator(`${WORKSPACE} [data-id="go-to-sign-off"]`).count(), 0);

        await page.locator('[data-id="user-switcher"]').selectOption('rep');
        await page.locator(`${WORKSPACE} c-plan-sign-off [data-id="submit"] button`).click();
        await page.locator(`${WORKSPACE} c-plan-sign-off [data-id="confirm"] button`).click();
        await page.locator(`${WORKSPACE} c-plan-sign-off [data-id="recall"]`).waitFor();

        await page.locator('[data-id="user-switcher"]').selectOption('manager');
        await page.locator(`${WORKSPACE} [data-id="go-to-sign-off"]`).waitFor();
        assert.match(await text(page, 'awaiting-sign-off'), /waiting for your sign-off/);

        await page.reload();
        await page.locator(`${WORKSPACE} [data-id="go-to-sign-off"]`).waitFor();
        assert.equal(await page.locator('[data-id="user-switcher"]').inputValue(), 'manager');

        // and back: the rep is not asked
        await page.locator('[data-id="user-switcher"]').selectOption('rep');
        await page.locator(`${WORKSPACE} [data-id="plan-name"]`).waitFor();
        await page.locator(`${WORKSPACE} [data-id="reviewed-today"]`).waitFor();
        assert.equal(await page.locator(`${WORKSPACE} [data-id="go-to-sign-off"]`).count(), 0);
        assert.deepEqual(problems, []);
        await page.close();
    });

    it('Clone to next period opens the new Draft, and a second clone is refused with nothing created', async () => {
        const { page, problems } = await open('');
        await page.locator(`${WORKSPACE} [data-id="clone"] button`).click();
        await page.locator(`${WORKSPACE} [data-id="plan-name"]`, { hasText: 'FY2027' }).waitFor();
        assert.equal(await text(page, 'plan-name'), 'Aeronova Group FY2027 Account Plan');
        assert.equal(
            await page
                .locator(`${WORKSPACE} [data-id="status-path"] li.slds-is-current`)
                .getAttribute('data-step'),
            'Draft'
        );
        const clone = server.org
            .all('Account_Plan__c')
            .find((plan) => plan.Name === 'Aeronova Group FY2027 Account Plan');
        assert.ok(clone);
        assert.ok(page.url().endsWith(`#/record/${clone.Id}`), 'the page is the new plan');
        assert.equal(clone.Period_Start__c, '2027-01-01');
        assert.equal(clone.Period_End__c, '2027-12-31');
        assert.ok(
            server.org.all('Plan_Objective__c').some((objective) => objective.Account_Plan__c === clone.Id),
            'open objectives carried'
        );

        await page.goBack();
        await page.locator(`${WORKSPACE} [data-id="plan-name"]`, { hasText: 'FY2026' }).waitFor();
        const plans = server.org.all('Account_Plan__c').length;
        await page.locator(`${WORKSPACE} [data-id="clone"] button`).click();
        await page.locator(`${WORKSPACE} [data-id="action-error"]`).waitFor();
        assert.match(
            await text(page, 'action-error'),
            /^Aeronova Group FY2027 Account Plan already covers part of/
        );
        assert.equal(server.org.all('Account_Plan__c').length, plans, 'nothing created');
        assert.deepEqual(problems, []);
        await page.close();
    });

    it('fits a phone: the header and its switch are no wider than 390 px', async () => {
        const { page, problems } = await open('', 390);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(overflow <= 390, `page is ${overflow} px wide`);
        assert.deepEqual(problems, []);
        await page.close();
    });
});
