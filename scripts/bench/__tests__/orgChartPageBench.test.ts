// The org chart page benchmark at a tiny size: it must still open the shipped page, press and drag the
// real chart and print its line, so `npm run bench` cannot quietly stop measuring. Timings are not
// judged here (they live in the bench output), only that each one was measured.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { FORCE_APP, LWC_SOURCE, ROOT, walk } from '../../lib/project';
import { launchBrowser } from '../../preview/browser';
import { buildPreview, PREVIEW_BUILD } from '../../preview/bundle';
import { measureOrgChartPage, pageLine, STEPS } from '../orgChartPageBench';

const LINE =
    /^bench orgchart-page n=(\d+) links=on first_paint_ms=([\d.]+) expand_all_ms=([\d.]+) frame_ms_max=([\d.]+) frame_ms_median=([\d.]+) frames=(\d+)\/(\d+) slowest=[\w-]+(?:#\d+)? links_drawn=(\d+) peer=none$/;

/** Everything the preview's app.js is built from. */
const BUILD_INPUTS = [
    LWC_SOURCE,
    path.join(ROOT, 'scripts', 'preview'),
    path.join(ROOT, 'scripts', 'd3lib'),
    path.join(ROOT, 'scripts', 'build.ts'),
    path.join(FORCE_APP, 'labels'),
    path.join(ROOT, 'package-lock.json')
];

/**
 * Building the preview is most of this test's time; when the last `npm start` or browser test built it
 * from the sources as they are now, a copy of its app.js (safe from a rebuild meanwhile) does as well.
 */
function copyCurrentBuild(buildDir: string): boolean {
    try {
        const app = path.join(PREVIEW_BUILD, 'app.js');
        const built = fs.statSync(app).mtimeMs;
        const newest = Math.max(
            ...BUILD_INPUTS.flatMap((input) =>
                fs.statSync(input).isDirectory() ? walk(input) : [input]
            ).map((file) => fs.statSync(file).mtimeMs)
        );
        if (newest >= built) return false;
        fs.copyFileSync(app, path.join(buildDir, 'app.js'));
        return true;
    } catch {
        return false;
    }
}

describe('bench orgchart-page', () => {
    // its own build folder (inside the project, where rollup resolves the LWC modules): a preview or
    // browser test running meanwhile keeps serving .preview-build
    fs.mkdirSync(path.join(ROOT, '.verify'), { recursive: true });
    const buildDir = fs.mkdtempSync(path.join(ROOT, '.verify', 'bench-build-'));
    let browser: Browser;

    before(async () => {
        if (!copyCurrentBuild(buildDir)) await buildPreview(buildDir);
        browser = await launchBrowser();
    });

    after(async () => {
        await browser?.close();
        fs.rmSync(buildDir, { recursive: true, force: true });
    });

    it('measures the shipped page at 200 people and prints one well-formed line', async () => {
        const result = await measureOrgChartPage(browser, { n: 200, buildDir, stepTimeoutMs: 20_000 });
        assert.deepEqual(result.problems, []);
        const line = pageLine(result);
        const match = LINE.exec(line);
        assert.ok(match, `unexpected line: ${line}`);
        const [, n, firstPaint, expandAll, frameMax, frameMedian, frames, planned, links] = match.map(Number);
        assert.equal(n, 200);
        for (const value of [firstPaint, expandAll, frameMax, frameMedian]) assert.ok(value! > 0, line);
        assert.ok(frameMax! >= frameMedian!, line);
        assert.equal(frames, STEPS.length, 'every pan and zoom step painted');
        assert.equal(planned, STEPS.length);
        assert.ok(links! > 0, `the generated account's influence links are drawn: ${line}`);
    });

    it('reports a step that never paints as a timeout, not a number', () => {
        const line = pageLine(
            {
                n: 5,
                firstPaintMs: 12,
                expandAllMs: 'timeout',
                frames: [],
                frameTimedOut: false,
                problems: []
            },
            60_000
        );
        assert.match(line, / first_paint_ms=12\.0 expand_all_ms=>60000 frame_ms_max=n\/a .*frames=0\/\d+ /);
    });
});
