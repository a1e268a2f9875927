// The landscape's numbers in headless Chromium over the demo data: mining and farming as separate
// figures against the plan, totals that say what they hold, a typed ISO date kept, a duplicate buying
// center refused, CSV numbers that are numbers, and the coverage legend.
import * as fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from '../preview/server';
import { closePreviewSession, startPreviewSession, watchProblems } from './previewSession';
import { OPPORTUNITY_STAGES } from '../preview/emulator/standardObjects';

let server: PreviewServer;
let browser: Browser;
const grid = 'c-landscape-grid';

async function open(): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const problems = watchProblems(page);
    await page.goto(server.url);
    await page.locator(`${grid} table`).waitFor();
    return { page, problems };
}

function named(object: string, name: string): string {
    const record = server.org.all(object).find((candidate) => candidate.Name === name);
    assert.ok(record, `${object} ${name} is in the demo data`);
    return record.Id;
}

const usd = (amount: number): string =>
    new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 0 }).format(
        amount
    );

/** Won business of Aeronova's FY2026, split by whether its cell was won before 2026 — computed from the records. */
function expectedWon(): { mining: number; farming: number } {
    const account = named('Account', 'Aeronova Group');
    const won = server.org
        .all('Opportunity')
        .filter((deal) => deal.AccountId === account && OPPORTUNITY_STAGES[String(deal.StageName)]?.isWon);
    const pair = (deal: (typeof won)[number]): string =>
        `${deal.Buying_Center__c ?? ''}|${deal.Offering__c ?? ''}`;
    const earlier = new Set(won.filter((deal) => String(deal.CloseDate) < '2026-01-01').map(pair));
    const split = { mining: 0, farming: 0 };
    for (const deal of won) {
        const date = String(deal.CloseDate);
        if (date < '2026-01-01' || date > '2026-12-31') continue;
        split[earlier.has(pair(deal)) ? 'mining' : 'farming'] += Number(deal.Amount ?? 0);
    }
    return split;
}

describe('landscape numbers in Chromium', () => {
    before(async () => {
        ({ server, browser } = await startPreviewSession());
    });

    after(async () => {
        await closePreviewSession({ server, browser });
    });

    it('shows mining and farming as separate figures, each against its planned figure', async () => {
        const { page, problems } = await open();
        const figure = async (side: string, name: string): Promise<{ text: string; exact: string }> => {
            const cell = page.locator(`${grid} [data-side="${side}"] [data-figure="${name}"]`);
            return {
                text: ((await cell.textContent()) ?? '').trim(),
                exact: (await cell.getAttribute('title')) ?? ''
            };
        };
        const expected = expectedWon();
        assert.ok(expected.mining > 0 && expected.farming > 0, 'the story has both kinds of won business');
        assert.equal((await figure('mining', 'won')).exact, usd(expected.mining));
        assert.equal((await figure('farming', 'won')).exact, usd(expected.farming));
        // the plan card's won is the account's: the two sides add up to it, never more
        assert.equal(expected.mining + expected.farming, 7_450_000);
        assert.equal((await figure('mining', 'planned')).text, '$9M');
        assert.equal((await figure('farming', 'planned')).text, '$3M');
        assert.equal(
            (await page.locator(`${grid} [data-side="mining"] [role="rowheader"]`).textContent())?.trim(),
            'Mining — growth of existing business'
        );
        assert.equal(
            (await page.locator(`${grid} [data-side="farming"] [role="rowheader"]`).textContent())?.trim(),
            'Farming — new business'
        );
        // the Salesforce Practice targets in Sales and Marketing are new business
        const amount = (text: string): number => Number(text.replace(/[^0-9.]/g, ''));
        assert.ok(amount((await figure('farming', 'targeted')).exact) >= 2_000_000);
        assert.match(
            (await page.locator(`${grid} [data-id="total-note"]`).textContent()) ?? '',
            /whitespace targets are not included.*≈ marks a rounded amount/s
        );
        const grand = page.locator(`${grid} [data-id="grand-total"]`);
        const shown = ((await grand.textContent()) ?? '').trim();
        const exact = (await grand.getAttribute('title')) ?? '';
        // a short figure that is not the exact amount carries the hint
        const exactValue = Number(exact.replace(/[^0-9.]/g, ''));
        const shownValue =
            Number(shown.replace(/[^0-9.]/g, '')) *
            (shown.endsWith('M') ? 1e6 : shown.endsWith('K') ? 1e3 : 1);
        assert.equal(shown.includes('≈'), shownValue !== exactValue, `${shown} for ${exact}`);
        await page.locator(`${grid} [data-view="change"] button`).click();
        assert.match(((await grand.textContent()) ?? '').trim(), /^[+−]|^\$0$/);
        assert.deepEqual(problems, []);
        await page.close();
    });

    it('keeps a target date typed as ISO and refuses one it cannot read', async () => {
        const { page, problems } = await open();
        const centerId = named('Buying_Center__c', 'Helicopters');
        // a cell without business, so it can be marked a target
        const free = server.org
            .all('Offering__c')
            .map((offering) => offering.Id)
            .find(
                (id) =>
                    !server.org
                        .all('Opportunity')
                        .some((deal) => deal.Buying_Center__c === centerId && deal.Offering__c === id) &&
                    !server.org
                        .all('Landscape_Cell__c')
                        .some((record) => record.Buying_Center__c === centerId && record.Offering__c === id)
            );
        assert.ok(free, 'Helicopters has an offering with no business or mark');
        const target = page.locator(`${grid} td[data-row="${centerId}"][data-column="${free}"]`);
        const editor = page.locator(`${grid} [data-id="cell-editor"]`);
        await target.click();
        await editor.locator('select[data-field="status"]').selectOption('Whitespace Target');
        await editor.locator('lightning-input[data-field="potentialValue"] input').fill('400000');
        const date = editor.locator('lightning-input[data-field="targetDate"] input');
        await date.fill('2026-13-45');
        await editor.locator('[data-id="save-cell"] button').click();
        await editor.locator('[data-id="edit-error"]').waitFor();
        assert.match(
            (await editor.locator('[data-id="edit-error"]').textContent()) ?? '',
            /“2026-13-45” is not a date/
        );
        assert.equal(
            server.org
                .all('Landscape_Cell__c')
                .some((record) => record.Buying_Center__c === centerId && record.Offering__c === free),
            false,
            'nothing saved'
        );
        await date.fill('2026-09-30');
        await date.blur();
        assert.match((await editor.locator('[data-id="target-date-reads"]').textContent()) ?? '', /Reads as/);
        await editor.locator('[data-id="save-cell"] button').click();
        await editor.waitFor({ state: 'detached' });
        const saved = server.org
            .all('Landscape_Cell__c')
            .find((record) => record.Buying_Center__c === centerId && record.Offering__c === free);
        assert.equal(saved?.Target_Date__c, '2026-09-30');
        assert.equal(saved?.Potential_Value__c, 400000);
        assert.deepEqual(problems, []);
        await page.close();
    });

    it('refuses a duplicate buying center name under the same parent, in any case', async () => {
        const { page, problems } = await open();
        const before = server.org.all('Buying_Center__c').length;
        await page.locator(`${grid} [data-id="add-center-button"] button`).click();
        const form = page.locator(`${grid} [data-id="add-center"]`);
        await form.locator('lightning-input input').fill('  sales ');
        await form.locator('[data-id="save-center"] button').click();
        await form.locator('[data-id="add-error"]').waitFor();
        assert.equal(
            (await form.locator('[data-id="add-error"]').textContent())?.trim(),
            'There is already a buying center named "sales" under the same parent on this account. Choose another name.'
        );
        assert.equal(server.org.all('Buying_Center__c').length, before, 'nothing added');
        // the same name under another parent is a different buying center
        await form.locator('select[data-field="parentId"]').selectOption({ label: 'Helicopters' });
        await form.locator('[data-id="save-center"] button').click();
        await form.waitFor({ state: 'detached' });
        assert.equal(server.org.all('Buying_Center__c').length, before + 1);
        assert.deepEqual(problems, []);
        await page.close();
    });

    it('exports numbers as numbers, parents saying whether they hold their sub-centers', async () => {
        const { page, problems } = await open();
        const [download] = await Promise.all([
            page.waitForEvent('download'),
            page.locator(`${grid} [data-id="export-csv"] button`).click()
        ]);
        const lines = fs
            .readFileSync((await download.path())!, 'utf8')
            .replace(/^\uFEFF/, '')
            .split('\r\n');
        assert.match(lines[0]!, /^Buying center,Figure,Engineering Consulting,.*,Total$/);
        const figures = new Set(lines.slice(1).map((line) => line.split(',')[1]));
        assert.deepEqual([...figures], ['Won', 'Pipeline', 'Weighted pipeline', 'Whitespace targets']);
        for (const line of lines.slice(1)) {
            const values = line.split(',').slice(2);
            assert.ok(values.length > 0 && values.every((value) => /^-?\d+(\.\d+)?$/.test(value)), line);
        }
        assert.ok(
            lines.some((line) =>
                /^Helicopters \(own business only; sub-centers listed below\),Won,/.test(line)
            ),
            'an unfolded parent says its figures are its own'
        );
        const wonTotal = lines.find((line) => line.startsWith('Total,Won,'))!.split(',');
        assert.equal(Number(wonTotal[wonTotal.length - 1]), 7_450_000);
        assert.deepEqual(problems, []);
        await page.close();
    });

    it('explains the coverage colours with a legend', async () => {
        const { page, problems } = await open();
        const legend = page.locator(`${grid} [data-id="legend"]`);
        assert.equal(await legend.count(), 0);
        await page.locator(`${grid} [data-view="coverage"] button`).click();
        await legend.waitFor();
        assert.equal(await legend.getAttribute('aria-label'), 'Legend');
        const items = await legend.locator('li').allTextContents();
        assert.deepEqual(
            items.map((item) => item.trim()),
            [
                'Nobody known',
                'One person (single-threaded)',
                'Several people, no supporter yet',
                'Several people, a supporter or champion among them'
            ]
        );
        // each swatch wears the colour of the cells it explains
        const swatch = await legend
            .locator('li[data-band="none"] .swatch')
            .evaluate((node) => getComputedStyle(node).backgroundColor);
        const cell = await page
            .locator(`${grid} td.coverage-none`)
            .first()
            .evaluate((node) => getComputedStyle(node).backgroundColor);
        assert.equal(swatch, cell);
        assert.deepEqual(problems, []);
        await page.close();
    });
});
