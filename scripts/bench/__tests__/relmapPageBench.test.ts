// The relationship map page benchmark at a small size: it must still open the shipped page, see the Apex
// answer arrive, wait for the risks and the exact counts, move the real map with the mouse and print its
// line, so `npm run bench` cannot quietly stop measuring. Timings are not judged here (they live in the
// bench output), only that each one was measured; the line's shape and the step names are.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { ROOT } from '../../lib/project';
import { launchBrowser } from '../../preview/browser';
import { buildPreview } from '../../preview/bundle';
import {
    LONG_TASK_MS,
    measureRelmapPage,
    relmapPageLine,
    type RelmapPageResult,
    STEPS
} from '../relmapPageBench';
import { stepName } from '../pageTiming';

const NUMBER = String.raw`(\d+\.\d)`;
const LINE = new RegExp(
    `^bench relmap-page n=(\\d+) first_paint_ms=${NUMBER} client_ms=${NUMBER} risks_ms=${NUMBER} ` +
        `counted_ms=${NUMBER} frame_ms_max=${NUMBER} frame_ms_median=${NUMBER} frames=(\\d+)/(\\d+) ` +
        String.raw`slowest=[\w-]+(?:#\d+)? long_task_ms_max=(<50|\d+\.\d) peer=none$`
);

function result(overrides: Partial<RelmapPageResult>): RelmapPageResult {
    return { n: 5, firstPaintMs: 'timeout', frames: [], frameTimedOut: false, problems: [], ...overrides };
}

describe('bench relmap-page: line and step names', () => {
    it('names each step by its kind and its place among that kind', () => {
        const names = STEPS.map((_, index) => stepName(index, STEPS));
        assert.deepEqual(names, [
            'zoom-in#1',
            'zoom-in#2',
            'zoom-in#3',
            'zoom-in#4',
            'pan#1',
            'pan#2',
            'pan#3',
            'pan#4',
            'zoom-out#1',
            'zoom-out#2',
            'zoom-out#3',
            'zoom-out#4',
            'fit'
        ]);
        assert.equal(stepName(0, [{ kind: 'wheel', deltaY: 100 }]), 'zoom-out');
        assert.throws(() => stepName(STEPS.length, STEPS), /there is no step 13 \(13 steps\)/);
    });

    it('prints every measure with one decimal, the median of the frames and the slowest step', () => {
        const line = relmapPageLine(
            result({
                n: 2000,
                firstPaintMs: 812.34,
                clientMs: 301.24,
                risksMs: 830,
                countedMs: 1204.06,
                frames: [20, 35.5, 18, 90.04],
                slowestStep: 'zoom-in#2',
                longTaskMsMax: 64.44
            })
        );
        assert.equal(
            line,
            'bench relmap-page n=2000 first_paint_ms=812.3 client_ms=301.2 risks_ms=830.0 counted_ms=1204.1 ' +
                'frame_ms_max=90.0 frame_ms_median=35.5 frames=4/13 slowest=zoom-in#2 long_task_ms_max=64.4 peer=none'
        );
        assert.match(line, LINE);
    });

    it('says <50 when no task was long enough for the browser to report, n/a when it was not measured', () => {
        assert.match(relmapPageLine(result({ longTaskMsMax: 0 })), / long_task_ms_max=<50 /);
        assert.match(relmapPageLine(result({ longTaskMsMax: LONG_TASK_MS })), / long_task_ms_max=50\.0 /);
        assert.match(relmapPageLine(result({})), / long_task_ms_max=n\/a /);
    });

    it('reports what never came as a bound, not a number, and page errors by count', () => {
        assert.match(
            relmapPageLine(result({ problems: ['boom'] }), 120_000, 60_000),
            /^bench relmap-page n=5 first_paint_ms=>120000 client_ms=n\/a risks_ms=n\/a counted_ms=n\/a frame_ms_max=n\/a frame_ms_median=n\/a frames=0\/13 slowest=n\/a .* page_errors=1$/
        );
        const stalled = relmapPageLine(
            result({
                firstPaintMs: 900,
                risksMs: 950,
                countedMs: 'timeout',
                frames: [30, 40],
                frameTimedOut: true,
                slowestStep: 'pan#1'
            }),
            120_000,
            60_000
        );
        assert.match(
            stalled,
            / counted_ms=>120000 frame_ms_max=>60000 frame_ms_median=40\.0 frames=2\/13 slowest=pan#1 /
        );
    });
});

describe('bench relmap-page: the shipped page', () => {
    // its own build folder (inside the project, where rollup resolves the LWC modules): a preview or
    // browser test running meanwhile keeps serving .preview-build
    fs.mkdirSync(path.join(ROOT, '.verify'), { recursive: true });
    const buildDir = fs.mkdtempSync(path.join(ROOT, '.verify', 'bench-build-'));
    let browser: Browser;

    before(async () => {
        await buildPreview(buildDir);
        browser = await launchBrowser();
    });

    after(async () => {
        await browser?.close();
        fs.rmSync(buildDir, { recursive: true, force: true });
    });

    it('measures the map at 150 people with five links each and prints one well-formed line', async () => {
        const measured = await measureRelmapPage(browser, { n: 150, buildDir, stepTimeoutMs: 20_000 });
        assert.deepEqual(measured.problems, []);
        const line = relmapPageLine(measured);
        const match = LINE.exec(line);
        assert.ok(match, `unexpected line: ${line}`);
        const [, n, firstPaint, client, risks, counted, frameMax, frameMedian, frames, planned] = match
            .slice(0, 10)
            .map(Number);
        assert.equal(n, 150);
        for (const value of [firstPaint, client, risks, counted, frameMax, frameMedian])
            assert.ok(value! > 0, line);
        assert.ok(client! < firstPaint!, `the component's share is part of the first paint: ${line}`);
        assert.ok(frameMax! >= frameMedian!, line);
        assert.equal(frames, STEPS.length, 'every mouse step painted');
        assert.equal(planned, STEPS.length);
    });
});
