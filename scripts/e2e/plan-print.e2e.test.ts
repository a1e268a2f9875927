// The printed plan end to end: Aeronova's plan print route in headless Chromium, printed to PDF with
// page.pdf(), and the PDF read back with pdfjs: the pages hold the plan's name, every objective's wording
// and the two pictures (org chart and landscape) as images. The same reading of a PDF printed with the
// pictures removed finds none, so the picture check can fail.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from '../preview/server';
import { closePreviewSession, startPreviewSession, watchProblems } from './previewSession';

let server: PreviewServer;
let browser: Browser;

interface PdfImage {
    page: number;
    width: number;
    height: number;
}

interface PdfReading {
    pages: number;
    /** Each page's text, whitespace removed (a PDF's text runs break lines and words where they like). */
    pageTexts: string[];
    images: PdfImage[];
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

// pdfjs ships only ES modules; this project's scripts compile to CommonJS, where `import()` would become
// `require()`: a real dynamic import keeps it ESM
const importEsm = new Function('specifier', 'return import(specifier)') as (
    specifier: string
) => Promise<PdfJs>;

function squash(text: string): string {
    return text.replace(/\s+/g, '');
}

async function readPdf(data: Uint8Array): Promise<PdfReading> {
    const pdfjs = await importEsm('pdfjs-dist/legacy/build/pdf.mjs');
    // pdfjs refuses a Buffer: a plain view over the same bytes
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    const loading = pdfjs.getDocument({ data: bytes, useSystemFonts: false });
    const document = await loading.promise;
    const pageTexts: string[] = [];
    const images: PdfImage[] = [];
    for (let number = 1; number <= document.numPages; number++) {
        const page = await document.getPage(number);
        const content = await page.getTextContent();
        pageTexts.push(squash(content.items.map((item) => ('str' in item ? item.str : '')).join('')));
        const operators = await page.getOperatorList();
        operators.fnArray.forEach((fn, index) => {
            if (fn !== pdfjs.OPS.paintImageXObject) return;
            const [, width, height] = operators.argsArray[index] as [string, number, number];
            images.push({ page: number, width, height });
        });
    }
    const pages = document.numPages;
    await loading.destroy();
    return { pages, pageTexts, images };
}

function aeronovaPlan(): { id: string; name: string; objectives: string[] } {
    const plan = server.org
        .all('Account_Plan__c')
        .find((record) => record.Name === 'Aeronova Group FY2026 Account Plan');
    assert.ok(plan, "Aeronova's FY2026 plan is in the demo data");
    const objectives = server.org
        .all('Plan_Objective__c')
        .filter((objective) => objective.Account_Plan__c === plan.Id)
        .map((objective) => String(objective.Name));
    assert.ok(objectives.length >= 3, 'the demo plan has objectives');
    return { id: plan.Id, name: String(plan.Name), objectives };
}

async function openPrint(planId: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watchProblems(page);
    await page.goto(`${server.url}print/${planId}`);
    return { page, problems };
}

/** Waits until both pictures are decoded images, not just elements. */
async function waitForPictures(page: Page): Promise<void> {
    for (const picture of ['org-chart-picture', 'landscape-picture']) {
        const image = page.locator(`img[data-id="${picture}"]`);
        await image.waitFor({ timeout: 60_000 });
        await page.waitForFunction(
            (element) => element instanceof HTMLImageElement && element.complete && element.naturalWidth > 0,
            await image.elementHandle(),
            { timeout: 60_000 }
        );
    }
}

/** Pictures big enough to read: a blank pixel or an icon is not a picture of the plan. */
function pictures(reading: PdfReading): PdfImage[] {
    return reading.images.filter((image) => image.width >= 300 && image.height >= 150);
}

describe('the printed plan', () => {
    before(async () => {
        ({ server, browser } = await startPreviewSession());
    });

    after(async () => {
        await closePreviewSession({ server, browser });
    });

    it("prints Aeronova's plan to a PDF holding its name, every objective and both pictures", async () => {
        const plan = aeronovaPlan();
        const { page, problems } = await openPrint(plan.id);
        await page.locator('c-account-plan-print [data-id="plan-name"]').waitFor();
        assert.equal(
            (await page.locator('c-account-plan-print [data-id="plan-name"]').textContent())?.trim(),
            plan.name
        );
        await waitForPictures(page);
        assert.match(
            (await page.locator('img[data-id="org-chart-picture"]').getAttribute('alt')) ?? '',
            /^Org chart of Aeronova Group: \d+ people/
        );
        assert.match(
            (await page.locator('img[data-id="landscape-picture"]').getAttribute('alt')) ?? '',
            /^Landscape of Aeronova Group: \d+ buying centers × \d+ offerings/
        );

        const reading = await readPdf(await page.pdf({ format: 'A4' }));
        const text = reading.pageTexts.join('');
        assert.ok(reading.pages >= 2, `more than one page (${reading.pages})`);
        assert.ok(text.length > 500, 'the pages hold text, not a blank page');
        assert.ok(text.includes(squash(plan.name)), 'the plan name is printed');
        for (const objective of plan.objectives)
            assert.ok(text.includes(squash(objective)), `objective printed: ${objective}`);
        assert.ok(!text.includes(squash('Print, or choose Save as PDF')), 'the Print button is not printed');
        const found = pictures(reading);
        assert.equal(found.length, 2, `two pictures (found ${JSON.stringify(reading.images)})`);
        assert.notEqual(found[0]!.page, found[1]!.page, 'each picture has its own page');
        assert.deepEqual(problems, []);
        await page.close();
    });

    it('finds no pictures in a PDF printed without them, so the picture check can fail', async () => {
        const plan = aeronovaPlan();
        const { page } = await openPrint(plan.id);
        await waitForPictures(page);
        await page.locator('img.picture').evaluateAll((images) => images.forEach((image) => image.remove()));
        const reading = await readPdf(await page.pdf({ format: 'A4' }));
        assert.deepEqual(pictures(reading), []);
        assert.ok(reading.pageTexts.join('').includes(squash(plan.name)), 'the text still prints');
        await page.close();
    });

    it('says so when the plan cannot be found, and prints no Print button', async () => {
        // an Id of the right kind that names no plan (deleted, or never shared with this rep)
        const { page } = await openPrint(`${aeronovaPlan().id.slice(0, 3)}000000000000AAA`);
        const error = page.locator('c-account-plan-print [data-id="error"]');
        await error.waitFor();
        assert.match((await error.textContent()) ?? '', /does not exist or you do not have access/);
        assert.equal(await page.locator('c-account-plan-print [data-id="print"]').count(), 0);
        await page.close();
    });
});
