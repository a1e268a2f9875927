// The relationship map as it ships: the generated account (Globex) with a busy network — five stakeholder
// links per contact, most inside the person's buying center, and our team owning one relationship in
// seven — served by the real preview server (org emulator, the real Apex in the Apex runtime) and opened on
// the real record-page shell, where the map sits at the end of the Keystone tab with its default settings,
// in headless Chromium at 1280×900. Per size, one line:
//   bench relmap-page n=2000 first_paint_ms=… client_ms=… risks_ms=… counted_ms=… frame_ms_max=… frame_ms_median=… frames=13/13 slowest=… long_task_ms_max=… peer=none
// first_paint_ms, risks_ms, counted_ms: navigation start → the painted frame with the map's canvas, with
// the risks list, with every exact path count in. client_ms: the component's own share of the first paint,
// from the getRelationshipMap answer reaching the page to that painted canvas. frame_ms_*: each mouse step
// on the canvas (wheel zooms in, drags, wheel zooms out, then the Fit button) from its input event to the
// painted frame. long_task_ms_max: the longest main-thread task (the browser reports those of 50 ms or
// more; `<50` when there was none) from first paint until every count is in — what slicing the exact counts
// keeps short. No other map runs this page, so there is no peer and no ratio (`bench relmap` compares the
// map's modules with cytoscape.js). Bounded: the page's milestones get 2 minutes from navigation and each
// mouse step 60 s (`>N` when one did not come), and the steps stop after 2 minutes in all.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { generate } from '../data/generate';
import { startPreviewServer } from '../preview/server';
import { bundlePage } from './orgChartBench';
import type { RelmapShellProbe } from './page/relmapShellProbe';
import { formatMs, median, printPageLines, stepName, within, type Measured, type Step } from './pageTiming';

/** The page's milestones (first paint, risks, counted) are all due this long after navigation. */
export const MILESTONE_TIMEOUT_MS = 120_000;
/** A mouse step that has not painted by then is reported as `>60000` and ends the size's sequence. */
export const STEP_TIMEOUT_MS = 60_000;
/** Mouse steps stop once this much time went into them, so a slow map cannot hold the run. */
export const STEPS_BUDGET_MS = 120_000;
export const RELMAP_PAGE_SIZES = [2000, 5000];
/** As the benchmark network: each contact starts five links. */
export const LINKS_PER_CONTACT = 5;
/** The browser reports main-thread tasks of this length or more, and none shorter. */
export const LONG_TASK_MS = 50;
const SEED = 7;
const VIEWPORT = { width: 1280, height: 900 };

// From the fitted view in towards names, around, out again, then Fit (each wheel notch is one zoom step).
export const STEPS: readonly Step[] = [
    ...Array.from({ length: 4 }, (): Step => ({ kind: 'wheel', deltaY: -100 })),
    { kind: 'drag', dx: 300, dy: 0 },
    { kind: 'drag', dx: 0, dy: 150 },
    { kind: 'drag', dx: -300, dy: 0 },
    { kind: 'drag', dx: 0, dy: -150 },
    ...Array.from({ length: 4 }, (): Step => ({ kind: 'wheel', deltaY: 100 })),
    { kind: 'press', button: 'fit' }
];

export interface RelmapPageResult {
    n: number;
    firstPaintMs: Measured;
    /** Apex answer in the page → first painted canvas; undefined when the answer was never seen. */
    clientMs?: number;
    risksMs?: Measured;
    countedMs?: Measured;
    frames: number[];
    /** Which step took frame_ms_max (or timed out), e.g. zoom-in#2, pan#3, fit. */
    slowestStep?: string;
    /** A mouse step timed out (the sequence stopped there). */
    frameTimedOut: boolean;
    /** Longest main-thread task from first paint to counted, in ms; 0 when none reached LONG_TASK_MS. */
    longTaskMsMax?: number;
    /** Errors the page logged: a bench of a broken page says so rather than printing numbers. */
    problems: string[];
}

export interface RelmapPageOptions {
    n: number;
    /** Where buildPreview wrote app.js; .preview-build by default. */
    buildDir?: string;
    milestoneTimeoutMs?: number;
    stepTimeoutMs?: number;
    stepsBudgetMs?: number;
}

type ProbeWindow = Window & { relmapShellProbe: RelmapShellProbe };

/** One mouse step as the rep does it: real wheel and drag input at the canvas centre, or a button press. */
async function runStep(page: Page, step: Step, centre: { x: number; y: number }): Promise<number> {
    if (step.kind === 'press')
        return page.evaluate(
            (button) => (window as unknown as ProbeWindow).relmapShellProbe.press(button),
            step.button
        );
    await page.mouse.move(centre.x, centre.y);
    const input: 'wheel' | 'pointermove' = step.kind === 'wheel' ? 'wheel' : 'pointermove';
    await page.evaluate((armed) => (window as unknown as ProbeWindow).relmapShellProbe.arm(armed), input);
    const settled = page.evaluate(() => (window as unknown as ProbeWindow).relmapShellProbe.settle());
    if (step.kind === 'wheel') {
        await page.mouse.wheel(0, step.deltaY);
        return settled;
    }
    await page.mouse.down();
    await page.mouse.move(centre.x + step.dx, centre.y + step.dy, { steps: 2 });
    try {
        return await settled;
    } finally {
        await page.mouse.up();
    }
}

let probeScript: Promise<string> | undefined;

/** One size: generate the busy account, serve it, open the shell, time the milestones and mouse steps. */
export async function measureRelmapPage(
    browser: Browser,
    options: RelmapPageOptions
): Promise<RelmapPageResult> {
    const milestoneTimeoutMs = options.milestoneTimeoutMs ?? MILESTONE_TIMEOUT_MS;
    const stepTimeoutMs = options.stepTimeoutMs ?? STEP_TIMEOUT_MS;
    const budgetMs = options.stepsBudgetMs ?? STEPS_BUDGET_MS;
    probeScript ??= bundlePage(path.join(__dirname, 'page', 'relmapShellProbe.ts'));
    const script = await probeScript;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `keystone-bench-relmap-${options.n}-`));
    const result: RelmapPageResult = {
        n: options.n,
        firstPaintMs: 'timeout',
        frames: [],
        frameTimedOut: false,
        problems: []
    };
    try {
        generate({ contacts: options.n, seed: SEED, out: dataDir, linksPerContact: LINKS_PER_CONTACT });
        const server = await startPreviewServer({ port: 0, dataDir, buildDir: options.buildDir });
        const page = await browser.newPage({ viewport: VIEWPORT });
        try {
            page.on('pageerror', (error) => result.problems.push(error.message));
            page.on('console', (message) => {
                if (message.type() === 'error') result.problems.push(message.text());
            });
            await page.addInitScript({ content: script });
            const navigated = Date.now();
            await page.goto(server.url, { waitUntil: 'commit' });
            const left = (): number => milestoneTimeoutMs - (Date.now() - navigated);
            const first = await within(
                page.evaluate(() => (window as unknown as ProbeWindow).relmapShellProbe.firstPaint()),
                left()
            );
            if (first === 'timeout') return result;
            result.firstPaintMs = first.firstPaint;
            if (first.answered !== undefined) result.clientMs = first.firstPaint - first.answered;
            result.risksMs = await within(
                page.evaluate(() => (window as unknown as ProbeWindow).relmapShellProbe.risks()),
                left()
            );
            if (result.risksMs === 'timeout') return result;
            result.countedMs = await within(
                page.evaluate(() => (window as unknown as ProbeWindow).relmapShellProbe.counted()),
                left()
            );
            const until = result.countedMs === 'timeout' ? Number.MAX_VALUE : result.countedMs;
            result.longTaskMsMax = await page.evaluate(
                ([from, to]) => (window as unknown as ProbeWindow).relmapShellProbe.longestTask(from!, to!),
                [first.firstPaint, until]
            );
            const centre = await page.evaluate(() =>
                (window as unknown as ProbeWindow).relmapShellProbe.reveal()
            );
            const started = Date.now();
            let slowest = -1;
            for (const [index, step] of STEPS.entries()) {
                if (Date.now() - started > budgetMs) break;
                const ms = await within(runStep(page, step, centre), stepTimeoutMs);
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
export function relmapPageLine(
    result: RelmapPageResult,
    milestoneTimeoutMs = MILESTONE_TIMEOUT_MS,
    stepTimeoutMs = STEP_TIMEOUT_MS
): string {
    const max = result.frameTimedOut
        ? 'timeout'
        : result.frames.length
          ? Math.max(...result.frames)
          : undefined;
    const longTask =
        result.longTaskMsMax === undefined
            ? 'n/a'
            : result.longTaskMsMax < LONG_TASK_MS
              ? `<${LONG_TASK_MS}`
              : result.longTaskMsMax.toFixed(1);
    const parts = [
        `bench relmap-page n=${result.n}`,
        `first_paint_ms=${formatMs(result.firstPaintMs, milestoneTimeoutMs)}`,
        `client_ms=${formatMs(result.clientMs, milestoneTimeoutMs)}`,
        `risks_ms=${formatMs(result.risksMs, milestoneTimeoutMs)}`,
        `counted_ms=${formatMs(result.countedMs, milestoneTimeoutMs)}`,
        `frame_ms_max=${formatMs(max, stepTimeoutMs)}`,
        `frame_ms_median=${formatMs(median(result.frames), stepTimeoutMs)}`,
        `frames=${result.frames.length}/${STEPS.length}`,
        `slowest=${result.slowestStep ?? 'n/a'}`,
        `long_task_ms_max=${longTask}`,
        'peer=none'
    ];
    if (result.problems.length) parts.push(`page_errors=${result.problems.length}`);
    return parts.join(' ');
}

/** Prints (and returns) one line per size; the app must already be built into `buildDir`. */
export async function runRelmapPageBench(
    browser: Browser,
    sizes: readonly number[],
    buildDir?: string
): Promise<string[]> {
    return printPageLines(
        sizes,
        (n) => measureRelmapPage(browser, { n, buildDir }),
        (result) => relmapPageLine(result)
    );
}
