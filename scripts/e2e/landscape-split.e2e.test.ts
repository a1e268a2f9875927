// The split landscape in headless Chromium over the demo data: every cell colour comes from the tone
// c/landscapeCell names, painted with the SLDS palette hook (never transparent, never a literal), the
// value heat fades the brand colour by the cell's share, and the selects of the cell editor and the
// add-buying-center form (c-keystone-select) are named by their labels.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Browser, Locator, Page } from 'playwright-core';
import type { PreviewServer } from '../preview/server';
import { closePreviewSession, startPreviewSession, watchProblems } from './previewSession';
import { readLabels } from '../lib/labels';
import { FORCE_APP } from '../lib/project';

let server: PreviewServer;
let browser: Browser;
const grid = 'c-landscape-grid';
const labels = readLabels(FORCE_APP);

async function open(): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const problems = watchProblems(page);
    await page.goto(server.url);
    await page.locator(`${grid} table`).waitFor();
    return { page, problems };
}

/** What an SLDS styling hook paints as a background in this page. */
async function hookColour(page: Page, hook: string): Promise<string> {
    return page.evaluate((name) => {
        const probe = document.createElement('div');
        probe.style.backgroundColor = `var(${name})`;
        document.body.appendChild(probe);
        const colour = getComputedStyle(probe).backgroundColor;
        probe.remove();
        return colour;
    }, hook);
}

/** A computed colour as [r, g, b, alpha], from rgb()/rgba() or the color(srgb …) that color-mix computes to. */
function channels(colour: string): number[] {
    const srgb = /^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.e-]+))?\)$/.exec(colour);
    if (srgb)
        return [
            ...[1, 2, 3].map((index) => Math.round(Number(srgb[index]) * 255)),
            srgb[4] === undefined ? 1 : Number(srgb[4])
        ];
    const parts = colour.match(/[\d.]+/g)!.map(Number);
    return parts.length === 3 ? [...parts, 1] : parts;
}

async function background(cell: Locator): Promise<string> {
    return cell.evaluate((node) => getComputedStyle(node).backgroundColor);
}

describe('the split landscape in Chromium', () => {
    before(async () => {
        ({ server, browser } = await startPreviewSession());
    });

    after(async () => {
        await closePreviewSession({ server, browser });
    });

    it('paints each status and coverage tone with its SLDS palette hook', async () => {
        const { page, problems } = await open();
        await page.locator(`${grid} [data-view="status"] button`).click();
        const tones: [string, string][] = [
            ['state-existing', '--slds-g-color-palette-green-90'],
            ['state-pipeline', '--slds-g-color-palette-blue-90'],
            ['state-target', '--slds-g-color-palette-yellow-90']
        ];
        const painted = new Set<string>();
        for (const [state, hook] of tones) {
            const expected = await hookColour(page, hook);
            assert.notEqual(expected, 'rgba(0, 0, 0, 0)', `${hook} is defined on the page`);
            const cell = page.locator(`${grid} td.${state}`).first();
            assert.equal(await background(cell), expected, state);
            painted.add(expected);
        }
        assert.equal(painted.size, tones.length, 'each tone its own colour');
        const whitespace = page.locator(`${grid} td.state-whitespace`).first();
        assert.equal(await background(whitespace), 'rgba(0, 0, 0, 0)');

        await page.locator(`${grid} [data-view="coverage"] button`).click();
        const bands: [string, string][] = [
            ['none', '--slds-g-color-palette-pink-90'],
            ['single', '--slds-g-color-palette-yellow-90'],
            ['covered', '--slds-g-color-palette-blue-90'],
            ['strong', '--slds-g-color-palette-green-90']
        ];
        let checked = 0;
        for (const [band, hook] of bands) {
            const cells = page.locator(`${grid} td.coverage-${band}`);
            if (!(await cells.count())) continue;
            assert.equal(await background(cells.first()), await hookColour(page, hook), band);
            // the legend's swatch is the same colour as the cells it explains
            const swatch = page.locator(`${grid} [data-band="${band}"] .swatch`);
            assert.equal(await background(swatch), await hookColour(page, hook), `${band} swatch`);
            checked++;
        }
        assert.ok(checked >= 2, 'Aeronova shows at least two coverage bands');
        assert.deepEqual(problems, []);
        await page.close();
    });

    it('fades the brand colour by each cell’s share of the largest in the value view', async () => {
        const { page, problems } = await open();
        const heat = page.locator(`${grid} td.heat`);
        assert.ok((await heat.count()) > 0, 'cells with business are heated');
        const brand = await hookColour(page, '--slds-g-color-palette-blue-50');
        const [r, g, b] = channels(brand);
        let strongest = 0;
        for (const cell of await heat.all()) {
            const share = Number(
                await cell.evaluate((node) =>
                    (node as HTMLElement).style.getPropertyValue('--landscape-heat')
                )
            );
            const colour = await background(cell);
            const parts = channels(colour);
            assert.deepEqual(parts.slice(0, 3), [r, g, b], colour);
            assert.ok(Math.abs(parts[3]! - share) < 0.01, `${colour} at ${share}`);
            strongest = Math.max(strongest, share);
        }
        assert.equal(strongest, 0.58);
        assert.deepEqual(problems, []);
        await page.close();
    });

    it('names the selects of the cell editor and the add-buying-center form by their labels', async () => {
        const { page, problems } = await open();
        await page.locator(`${grid} td.editable`).first().click();
        const editor = page.locator(`${grid} c-landscape-cell-editor`);
        const mark = editor.getByRole('combobox', { name: labels.Keystone_Cell_Mark! });
        await mark.selectOption('Not Applicable');
        assert.equal(await mark.inputValue(), 'Not Applicable');
        await editor.locator('[data-id="cancel-edit"] button').click();
        await editor.waitFor({ state: 'detached' });

        await page.locator(`${grid} [data-id="add-center-button"] button`).click();
        const form = page.locator(`${grid} c-landscape-add-center`);
        const kind = form.getByRole('combobox', { name: labels.Keystone_Buying_Center_Kind! });
        const parent = form.getByRole('combobox', { name: labels.Keystone_Buying_Center_Parent! });
        await kind.selectOption('Function');
        assert.equal(await kind.inputValue(), 'Function');
        assert.ok((await parent.locator('option').count()) > 1, 'the buying centers are offered as parents');
        assert.deepEqual(problems, []);
        await page.close();
    });
});
