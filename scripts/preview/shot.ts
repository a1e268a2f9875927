// `npm run preview:shot`: builds the preview, opens each demo account in headless Chromium and writes
// a PNG per view (desktop and phone width) to a folder it prints.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../lib/project';
import { launchBrowser } from './browser';
import { buildPreview } from './bundle';
import { parsePreviewArgs } from './serve';
import { startPreviewServer } from './server';

const VIEWPORTS = [
    { name: 'desktop', width: 1366, height: 900 },
    { name: 'phone', width: 390, height: 844 }
];

async function main(): Promise<void> {
    const args = process.argv.slice(2);
    const outIndex = args.indexOf('--out');
    const out = path.resolve(
        outIndex >= 0 ? (args.splice(outIndex, 2)[1] ?? '') : path.join(ROOT, 'preview-shots')
    );
    const options = parsePreviewArgs(args.length ? args : ['--port', '0']);
    await buildPreview();
    const server = await startPreviewServer({ ...options, port: options.port || 0 });
    const browser = await launchBrowser();
    fs.mkdirSync(out, { recursive: true });
    try {
        for (const account of server.org.all('Account')) {
            for (const viewport of VIEWPORTS) {
                const page = await browser.newPage({
                    viewport: { width: viewport.width, height: viewport.height }
                });
                await page.goto(`${server.url}#/record/${account.Id}`);
                await page
                    .locator(
                        'c-account-plan-summary [data-id="plan"], c-account-plan-summary [data-id="empty"], c-account-plan-summary [data-id="error"]'
                    )
                    .first()
                    .waitFor({ timeout: 20_000 });
                const slug = String(account.Name)
                    .toLowerCase()
                    .replace(/[^a-z0-9]+/g, '-');
                const file = path.join(out, `${slug}-${viewport.name}.png`);
                await page.screenshot({ path: file, fullPage: true });
                await page.close();
            }
        }
    } finally {
        await browser.close();
        await server.close();
    }
    console.log(`preview screenshots: ${out}`);
}

main().catch((error: unknown) => {
    console.error(`preview:shot: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
});
