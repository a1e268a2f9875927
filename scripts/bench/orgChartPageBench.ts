// The org chart as it ships: the generated account served by the real preview server (org emulator,
// Apex paging, heat settings, insights), the real record-page shell with orgChartHeatMap placed with
// showLinks on (as an admin would set it in App Builder), in headless Chromium. Per size, one line:
//   bench orgchart-page n=20000 links=on first_paint_ms=… expand_all_ms=… frame_ms_max=… frame_ms_median=… frames=17/17 slowest=fit links_drawn=… peer=none
// first_paint_ms: navigation start → the first painted frame with cards; expand_all_ms: the Expand all
// press → its painted frame; frame_ms_*: each pan and zoom step after Expand all (wheel in, drag, wheel
// out, Fit) → its painted frame. No other chart runs this page, so there is no peer and no ratio.
// Bounded: a step that has not painted in 60 s prints `>60000` (an Expand all gets 60 s more to finish
// so the frames after it can still be measured) and the steps stop after 2 minutes in all.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { generate } from '../data/generate';
import { startPreviewServer } from '../preview/server';
import { PREVIEW_ORG_CHART } from '../preview/pageProperties';
import { bundlePage } from './orgChartBench';
import type { OrgChartShellProbe } from './page/orgChartShellProbe';
import { formatMs, median, printPageLines, stepName, within, type Step } from './pageTiming';

/** A step that has not painted by then is reported as `>60000` and ends the size's sequence. */
export const STEP_TIMEOUT_MS = 60_000;
/** Pan and zoom steps stop once this much time went into them, so a slow chart cannot hold the run. */
export const STEPS_BUDGET_MS = 120_000;
export const PAGE_SIZES = [5000, 20000];
const SEED = 7;
const VIEWPORT = { width: 1280, height: 900 };

// From Fit, in to card level (a 500 px wheel turn doubles the zoom in d3-zoom), around, out again, Fit.
export const STEPS: readonly Step[] = [
    ...Array.from({ length: 6 }, (): Step => ({ kind: 'wheel', deltaY: -500 })),
    { kind: 'drag', dx: 300, dy: 0 },
    { kind: 'drag', dx: 0, dy: 200 },
    { kind: 'drag', dx: -300, dy: 0 },
    { kind: 'drag', dx: 0, dy: -200 },
    ...Array.from({ length: 6 }, (): Step => ({ kind: 'wheel', deltaY: 500 })),
    { kind: 'press', button: 'fit' }
];

export interface PageCaseResult {
    n: number;
    firstPaintMs: number | 'timeout';
    expandAllMs?: number | 'timeout';
    frames: number[];
    /** Which step took frame_ms_max (or timed out), e.g. fit or zoom-out#3. */
    slowestStep?: string;
    /** A pan or zoom step timed out (the sequence stopped there). */
    frameTimedOut: boolean;
    linksDrawn?: number;
    /** Errors the page logged: a bench of a broken page says so rather than printing numbers. */
    problems: string[];
}

export interface PageCaseOptions {
    n: number;
    /** Where buildPreview wrote app.js; .preview-build by default. */
    buildDir?: string;
    stepTimeoutMs?: number;
    stepsBudgetMs?: number;
}

type ProbeWindow = Window & { orgChartShellProbe: OrgChartShellProbe };

function runStep(page: Page, step: Step): Promise<number> {
    return page.evaluate((action) => {
        const probe = (window as unknown as ProbeWindow).orgChartShellProbe;
        if (action.kind === 'wheel') return probe.wheel(action.deltaY);
        if (action.kind === 'drag') return probe.drag(action.dx, action.dy);
        return probe.press(action.button);
    }, step);
}

let probeScript: Promise<string> | undefined;

/** One size: generate, serve, open the shell, time first paint, Expand all and the pan/zoom steps. */
export async function measureOrgChartPage(
    browser: Browser,
    options: PageCaseOptions
): Promise<PageCaseResult> {
    const stepTimeoutMs = options.stepTimeoutMs ?? STEP_TIMEOUT_MS;
    const budgetMs = options.stepsBudgetMs ?? STEPS_BUDGET_MS;
    probeScript ??= bundlePage(path.join(__dirname, 'page', 'orgChartShellProbe.ts'));
    const script = await probeScript;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `keystone-bench-${options.n}-`));
    const result: PageCaseResult = {
        n: options.n,
        firstPaintMs: 'timeout',
        frames: [],
        frameTimedOut: false,
        problems: []
    };
    try {
        generate({ contacts: options.n, seed: SEED, out: dataDir });
        const server = await startPreviewServer({
            port: 0,
            dataDir,
            buildDir: options.buildDir,
            orgChart: { ...PREVIEW_ORG_CHART, showLinks: true }
        });
        const page = await browser.newPage({ viewport: VIEWPORT });
        try {
            page.on('pageerror', (error) => result.problems.push(error.message));
            page.on('console', (message) => {
                if (message.type() === 'error') result.problems.push(message.text());
            });
            await page.addInitScript({ content: script });
            await page.goto(server.url, { waitUntil: 'commit' });
            result.firstPaintMs = await within(
                page.evaluate(() => (window as unknown as ProbeWindow).orgChartShellProbe.firstPaint()),
                stepTimeoutMs
            );
            if (result.firstPaintMs === 'timeout') return result;
            const expanding = runStep(page, { kind: 'press', button: 'expand-all' });
            result.expandAllMs = await within(expanding, stepTimeoutMs);
            // a slow Expand all is reported as such, but the frames after it are what the rep lives
            // with: give it one more step's time to finish before giving up on them
            if (result.expandAllMs === 'timeout' && (await within(expanding, stepTimeoutMs)) === 'timeout')
                return result;
            result.linksDrawn = (
                await page.evaluate(() => (window as unknown as ProbeWindow).orgChartShellProbe.counts())
            ).links;
            const started = Date.now();
            let slowest = -1;
            for (const [index, step] of STEPS.entries()) {
                if (Date.now() - started > budgetMs) break;
                const ms = await within(runStep(page, step), stepTimeoutMs);
                if (ms === 'timeout' || ms > slowest) result.slowestStep = stepName(index, STEPS);
                if (ms === 'timeout') {
                    result.frameTimedOut = true;
                    break;
                }
                slowest = Math.max(slowest, ms);
                result.frames.push(ms);
            }
            return result;
        } finally {
            await page.close({ runBeforeUnload: false }).catch(() => undefined);
            await server.close();
        }
    } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
    }
}

/** The bench line for one size (the same key=value shape as the other `bench` lines). */
export function pageLine(result: PageCaseResult, stepTimeoutMs = STEP_TIMEOUT_MS): string {
    const max = result.frameTimedOut
        ? 'timeout'
        : result.frames.length
          ? Math.max(...result.frames)
          : undefined;
    const parts = [
        `bench orgchart-page n=${result.n} links=on`,
        `first_paint_ms=${formatMs(result.firstPaintMs, stepTimeoutMs)}`,
        `expand_all_ms=${formatMs(result.expandAllMs, stepTimeoutMs)}`,
        `frame_ms_max=${formatMs(max, stepTimeoutMs)}`,
        `frame_ms_median=${formatMs(median(result.frames), stepTimeoutMs)}`,
        `frames=${result.frames.length}/${STEPS.length}`,
        `slowest=${result.slowestStep ?? 'n/a'}`,
        `links_drawn=${result.linksDrawn ?? 'n/a'}`,
        'peer=none'
    ];
    if (result.problems.length) parts.push(`page_errors=${result.problems.length}`);
    return parts.join(' ');
}

/** Prints (and returns) one line per size; the app must already be built into `buildDir`. */
export async function runOrgChartPageBench(
    browser: Browser,
    sizes: readonly number[],
    buildDir?: string
): Promise<string[]> {
    return printPageLines(
        sizes,
        (n) => measureOrgChartPage(browser, { n, buildDir }),
        (result) => pageLine(result)
    );
}
