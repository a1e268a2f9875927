// `npm run bench`: Keystone against a peer measured in the same run, on the same generated inputs.
// One line per case with ratio = peer/keystone (above 1: we are faster). Timings live here, never in
// tests.
//   bench layout n=20000 …     Node: hierarchy + layout vs d3-hierarchy stratify + tree
//   bench orgchart n=5000 …    Chromium: first render, expand-all, collapse-all vs d3-org-chart
//   bench landscape rows=200 … Chromium: first render and view switch vs lightning-datatable
//   bench orgchart-page n=20000 links=on …  Chromium: the shipped page (preview shell, emulator, paging,
//                              links on) from navigation to the painted chart, Expand all, pan/zoom frames;
//                              no peer runs this page
//   bench apex-tests classes=… methods=… ms=… coverage=…%   every Apex test in the Apex runtime, load to
//                              coverage; no peer
//   bench preview-apex account=… method=… median_ms=…   a preview @salesforce/apex call through the Apex
//                              runtime (demo accounts' reads, the 20,000-person org chart page); no peer
//   bench reports accounts=200 reports=… keystone_ms=… peer_ms=…   every shipped report in the preview's
//                              report engine over 200 generated key accounts vs naive row-by-row grouping
//   bench relmap n=2000 …      Chromium: relationship map from data to the painted, settled layout vs
//                              cytoscape.js with its cose layout
//   bench relmap-page n=2000 …  Chromium: the shipped map on the account page (preview shell, emulator, the
//                              real Apex, five links per contact) from navigation to the painted canvas,
//                              the risks, every exact count; mouse-step frames, longest task; no peer
// Options: --only layout|orgchart|orgchart-page|landscape|apex-tests|preview-apex|reports|relmap|relmap-page,
// --sizes 1000,5000 (org chart sizes; the page case defaults to 5000,20000, the relmap case to 500,2000,5000,
// the relmap-page case to 2000,5000)
import '../lib/lwcModules';
import { performance } from 'node:perf_hooks';
import { stratify, tree } from 'd3-hierarchy';
import { buildHierarchy, type ReportingLine } from '../../lwc-ts/orgHierarchy/orgHierarchy';
import { DEFAULT_LAYOUT, layoutHierarchy } from '../../lwc-ts/orgLayout/orgLayout';
import { expandAll } from '../../lwc-ts/orgVisibility/orgVisibility';
import { launchBrowser } from '../preview/browser';
import { generatedLines } from './lines';
import { runOrgChartBench } from './orgChartBench';
import { runLandscapeBench } from './landscapeBench';
import { runApexTestsBench } from './apexTestsBench';
import { runPreviewApexBench } from './previewApexBench';
import { runReportsBench } from './reportsBench';
import { PAGE_SIZES, runOrgChartPageBench } from './orgChartPageBench';
import { RELMAP_SIZES, runRelmapBench } from './relmapBench';
import { RELMAP_PAGE_SIZES, runRelmapPageBench } from './relmapPageBench';
import { buildBenchPage, buildPreview } from '../preview/bundle';
import { startPreviewServer } from '../preview/server';
import { DATA_DIR } from '../lib/project';

const SIZES = [1000, 5000, 20000];
const ROUNDS = 7;

/** Median of several timed rounds after one warm-up, in milliseconds. */
function median(run: () => void): number {
    run();
    const times: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
        const started = performance.now();
        run();
        times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)]!;
}

function layoutBench(sizes: readonly number[]): void {
    for (const n of sizes) {
        const lines = generatedLines(n, 7);
        const keystone = median(() => {
            const hierarchy = buildHierarchy(lines);
            layoutHierarchy(hierarchy, expandAll(hierarchy), DEFAULT_LAYOUT);
        });
        const peer = median(() => {
            const root = stratify<ReportingLine>()
                .id((line) => line.id)
                .parentId((line) => line.reportsToId ?? null)(lines);
            tree<ReportingLine>().nodeSize([
                DEFAULT_LAYOUT.nodeWidth + DEFAULT_LAYOUT.siblingGap,
                DEFAULT_LAYOUT.nodeHeight + DEFAULT_LAYOUT.levelGap
            ])(root);
        });
        console.log(
            `bench layout n=${n} keystone_ms=${keystone.toFixed(2)} peer_ms=${peer.toFixed(2)} ratio=${(peer / keystone).toFixed(2)}`
        );
    }
}

function option(name: string): string | undefined {
    const at = process.argv.indexOf(`--${name}`);
    return at > 0 ? process.argv[at + 1] : undefined;
}

async function main(): Promise<void> {
    const only = option('only');
    const cases = [
        'layout',
        'orgchart',
        'orgchart-page',
        'landscape',
        'apex-tests',
        'preview-apex',
        'reports',
        'relmap',
        'relmap-page'
    ];
    if (only && !cases.includes(only))
        throw new Error(`--only takes one of ${cases.join(', ')}, not "${only}"`);
    const given = option('sizes')?.split(',').map(Number);
    if (given?.some((n) => !Number.isInteger(n) || n < 1))
        throw new Error('--sizes takes whole numbers of people, e.g. 1000,5000');
    const sizes = given ?? SIZES;
    if (!only || only === 'layout') layoutBench(sizes);
    if (!only || only === 'apex-tests') runApexTestsBench();
    if (!only || only === 'preview-apex') runPreviewApexBench();
    if (!only || only === 'reports') runReportsBench();
    if (only === 'layout' || only === 'apex-tests' || only === 'preview-apex' || only === 'reports') return;
    const browser = await launchBrowser();
    try {
        if (!only || only === 'orgchart') await runOrgChartBench(browser, sizes);
        if (!only || only === 'orgchart-page') {
            await buildPreview();
            await runOrgChartPageBench(browser, given ?? PAGE_SIZES);
        }
        if (only === 'relmap-page') await buildPreview();
        if (!only || only === 'relmap-page') await runRelmapPageBench(browser, given ?? RELMAP_PAGE_SIZES);
        if (!only || only === 'relmap') await runRelmapBench(browser, given ?? RELMAP_SIZES);
        if (!only || only === 'landscape') {
            if (only) await buildPreview();
            await buildBenchPage();
            const server = await startPreviewServer({ port: 0, dataDir: DATA_DIR });
            try {
                await runLandscapeBench(browser, server.url);
            } finally {
                await server.close();
            }
        }
    } finally {
        await browser.close();
    }
}

main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack : String(error));
    process.exit(1);
});
