// The relationship map in headless Chromium over the preview's demo org: Aeronova's network painted on the
// Keystone tab with the risks the demo story plants, each naming its people; focusing a person from a risk
// or with the keyboard; adding, refusing and deleting a link through the real Apex; the SVG export; the
// same map on the plan's page; and at phone width nothing overflows.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from '../preview/server';
import { closePreviewSession, startPreviewSession, watchProblems } from './previewSession';

let server: PreviewServer;
let browser: Browser;

const MAP = 'c-relationship-map';

function squeeze(value: string | null): string {
    return (value ?? '').replace(/\s+/g, ' ').trim();
}

async function openMap(page: Page, hash = ''): Promise<void> {
    await page.goto(`${server.url}${hash}`);
    await page.locator(`${MAP} canvas[data-painted]`).waitFor();
}

async function risks(page: Page): Promise<string[]> {
    return (await page.locator(`${MAP} .risk .risk-words`).allTextContents()).map(squeeze);
}

/** Pixels of the canvas that are not blank: the map painted people and links, not an empty frame. */
async function paintedPixels(page: Page): Promise<number> {
    return page.locator(`${MAP} canvas`).evaluate((canvas: HTMLCanvasElement) => {
        const context = canvas.getContext('2d');
        if (!context) return 0;
        const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
        let painted = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
        return painted;
    });
}

describe('the relationship map in Chromium', () => {
    before(async () => {
        ({ server, browser } = await startPreviewSession());
    });

    after(async () => {
        await closePreviewSession({ server, browser });
    });

    it("paints Aeronova's network and lists the risks the demo story plants, each with its people", async () => {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
        const problems = watchProblems(page);
        await openMap(page);
        assert.ok((await paintedPixels(page)) > 5000, 'people and links are painted');

        // the first 25 risks show, weakest first; the rest after Show all
        assert.equal(await page.locator(`${MAP} .risk`).count(), 25);
        await page.locator(`${MAP} [data-id="toggle-risks"] button`, { hasText: /^Show all \d+$/ }).click();
        assert.ok((await page.locator(`${MAP} .risk`).count()) > 25, 'every risk after Show all');
        const listed = await risks(page);
        const has = (text: string) => assert.ok(listed.includes(text), `${text}\n in: ${listed.join(' | ')}`);
        has('Priya Natarajan is leaving, and nobody else we reach influences Rafael Okafor.');
        has('Ingrid Solberg decides, and nobody on our team reaches them.');
        has('Helicopters hangs on one thread: Jordan Lee – Jean-Luc Moreau.');
        has('Daniel Brandt champions Brightwave Consulting and influences a decision maker: Margaret Osei.');
        assert.ok(
            listed.some((text) =>
                /^Victor Hale works against us \((Detractor|Blocker)\) with influence [45] of 5\.$/.test(text)
            ),
            listed.join(' | ')
        );
        assert.ok(
            listed.some((text) =>
                text.startsWith('If Daniel Brandt leaves, we lose our way to Margaret Osei')
            ),
            listed.join(' | ')
        );
        // the leaving deputy's risk links both people
        const leaving = page.locator(`${MAP} .risk`, { hasText: 'Priya Natarajan is leaving' });
        assert.deepEqual((await leaving.locator('.person-link').allTextContents()).map(squeeze), [
            'Priya Natarajan',
            'Rafael Okafor'
        ]);
        // coverage: Helicopters on one path, and who holds which relationships
        const centers = page.locator(`${MAP} [data-id="coverage-centers"] li`);
        const names = (await centers.locator('button').allTextContents()).map(squeeze);
        const helicopters = centers.nth(names.indexOf('Helicopters'));
        assert.equal(
            squeeze(await helicopters.locator('.coverage-words').textContent()),
            '1 path: single-threaded'
        );
        assert.ok((await page.locator(`${MAP} [data-id="coverage-owners"] li`).count()) >= 2);
        // exact counts arrive after the first paint, counted between frames
        await page
            .locator(`${MAP} [data-id="coverage-centers"] li`, { hasText: 'CIO Org' })
            .locator('.coverage-words', { hasText: /^3 independent paths$/ })
            .waitFor();
        assert.deepEqual(problems, []);
        await page.close();
    });

    it('focuses a person from a risk and with the keyboard, and shows the ways in through them', async () => {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
        const problems = watchProblems(page);
        await openMap(page);
        const before = await page.locator(`${MAP} canvas`).getAttribute('data-painted');
        await page
            .locator(`${MAP} .risk`, { hasText: 'Priya Natarajan is leaving' })
            .locator('.person-link', { hasText: 'Priya Natarajan' })
            .click();
        assert.equal(
            squeeze(await page.locator(`${MAP} [data-id="person-name"]`).textContent()),
            'Priya Natarajan'
        );
        const ways = squeeze(await page.locator(`${MAP} [data-id="ways-in"]`).textContent());
        assert.ok(ways.includes('Rafael Okafor'), ways);
        // the focus repaints the map in the next frame
        const canvas = page.locator(`${MAP} canvas`);
        for (let tries = 0; (await canvas.getAttribute('data-painted')) === before; tries++) {
            assert.ok(tries < 50, 'repainted');
            await page.waitForTimeout(20);
        }

        await page.locator(`${MAP} [data-id="clear-focus"] button`).click();
        await page.locator(`${MAP} [data-id="person"]`).waitFor({ state: 'detached' });
        await page.locator(`${MAP} canvas`).focus();
        await page.keyboard.press('ArrowRight');
        const heard = squeeze(await page.locator(`${MAP} [data-id="announcement"]`).textContent());
        assert.ok(heard.length > 0 && heard.includes('links'), heard);
        await page.keyboard.press('Enter');
        const name = squeeze(await page.locator(`${MAP} [data-id="person-name"]`).textContent());
        assert.ok(heard.startsWith(name), `${heard} / ${name}`);
        await page.keyboard.press('Escape');
        await page.locator(`${MAP} [data-id="person"]`).waitFor({ state: 'detached' });
        assert.deepEqual(problems, []);
        await page.close();
    });

    it('adds a link through the real Apex, refuses a duplicate in words, and deletes it after a confirm', async () => {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
        const problems = watchProblems(page);
        await openMap(page);
        const linksBefore = server.org.all('Stakeholder_Link__c').length;
        const focusPriya = async () =>
            page
                .locator(`${MAP} .risk`, { hasText: 'Priya Natarajan is leaving' })
                .locator('.person-link', { hasText: 'Priya Natarajan' })
                .click();
        await focusPriya();
        const addLink = async () => {
            await page.locator(`${MAP} [data-id="add-link"] button`).click();
            const ingrid = await page
                .locator(`${MAP} c-keystone-select[data-field="otherId"] option`, {
                    hasText: 'Ingrid Solberg'
                })
                .getAttribute('value');
            await page.locator(`${MAP} c-keystone-select[data-field="otherId"] select`).selectOption(ingrid!);
            await page.locator(`${MAP} c-keystone-select[data-field="strength"] select`).selectOption('4');
            await page.locator(`${MAP} [data-id="save-link"] button`).click();
        };
        await addLink();
        await page.locator(`${MAP} [data-id="status"]`, { hasText: 'Link saved.' }).waitFor();
        assert.equal(server.org.all('Stakeholder_Link__c').length, linksBefore + 1);
        await page.locator(`${MAP} [data-id="links"] li`, { hasText: 'Ingrid Solberg' }).waitFor();

        await addLink();
        const refusal = page.locator(`${MAP} [data-id="status"].slds-text-color_error`);
        await refusal.waitFor();
        assert.equal(
            squeeze(await refusal.textContent()),
            'This already exists: it can be recorded only once, so nothing was saved.'
        );
        assert.equal(server.org.all('Stakeholder_Link__c').length, linksBefore + 1, 'nothing more saved');
        await page.locator(`${MAP} [data-id="cancel-link"] button`).click();

        const row = page.locator(`${MAP} [data-id="links"] li`, { hasText: 'Ingrid Solberg' });
        await row.locator('[data-action="delete"] button').click();
        await page.locator(`${MAP} [data-id="confirm-delete"] button`).click();
        await page.locator(`${MAP} [data-id="status"]`, { hasText: 'Link deleted.' }).waitFor();
        assert.equal(server.org.all('Stakeholder_Link__c').length, linksBefore);
        assert.deepEqual(problems, []);
        await page.close();
    });

    it('exports the whole map as an SVG named after the account', async () => {
        const page = await browser.newPage({
            viewport: { width: 1280, height: 900 },
            locale: 'en-US',
            acceptDownloads: true
        });
        const problems = watchProblems(page);
        await openMap(page);
        const [download] = await Promise.all([
            page.waitForEvent('download'),
            page.locator(`${MAP} [data-id="export-svg"] button`).click()
        ]);
        assert.equal(download.suggestedFilename(), 'Aeronova-Group-relationship-map.svg');
        const markup = fs.readFileSync((await download.path())!, 'utf8');
        assert.ok(markup.startsWith('<svg'), 'an SVG document');
        assert.ok(markup.includes('Relationship map of Aeronova Group'));
        assert.ok(markup.includes('Priya Natarajan'));
        const [png] = await Promise.all([
            page.waitForEvent('download'),
            page.locator(`${MAP} [data-id="export-png"] button`).click()
        ]);
        assert.equal(png.suggestedFilename(), 'Aeronova-Group-relationship-map.png');
        assert.deepEqual(problems, []);
        await page.close();
    });

    it("shows the account's map on the plan's page, readable at phone width", async () => {
        const page = await browser.newPage({ viewport: { width: 375, height: 812 }, locale: 'en-US' });
        const problems = watchProblems(page);
        const plan = server.org
            .all('Account_Plan__c')
            .find((record) => record.Name === 'Aeronova Group FY2026 Account Plan');
        assert.ok(plan);
        await openMap(page, `#/record/${plan.Id}`);
        assert.ok((await risks(page)).some((text) => text.startsWith('Priya Natarajan is leaving')));
        const map = await page.locator(`${MAP} [data-id="map"]`).boundingBox();
        const side = await page.locator(`${MAP} [data-id="risks"]`).boundingBox();
        assert.ok(map && side);
        assert.ok(map.x + map.width <= 375, 'the map fits the phone');
        assert.ok(side.y >= map.y + map.height - 1, 'the risks stack under the map');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `no horizontal scroll: ${overflow}px`);
        assert.deepEqual(problems, []);
        await page.close();
    });
});
