// What every browser test needs: the preview built and served over the demo data on a free port, headless
// Chromium, and a page that collects the console errors and warnings a test asserts there are none of.
import type { Browser, Page } from 'playwright-core';
import { DATA_DIR } from '../lib/project';
import { launchBrowser } from '../preview/browser';
import { buildPreview } from '../preview/bundle';
import { startPreviewServer, type PreviewServer } from '../preview/server';

export interface PreviewSession {
    server: PreviewServer;
    browser: Browser;
}

export async function startPreviewSession(): Promise<PreviewSession> {
    await buildPreview();
    const server = await startPreviewServer({ port: 0, dataDir: DATA_DIR });
    return { server, browser: await launchBrowser() };
}

export async function closePreviewSession(session: Partial<PreviewSession>): Promise<void> {
    await session.browser?.close();
    await session.server?.close();
}

/** Console errors, warnings and page errors of a page, as they happen. */
export function watchProblems(page: Page): string[] {
    const problems: string[] = [];
    page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning')
            problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    return problems;
}
