// The org chart in headless Chromium: Keystone's drawing pipeline against d3-org-chart on the same
// generated people, each case in a fresh page. Prints one line per case and mode:
//   bench orgchart n=5000 mode=expanded keystone_ms=… peer_ms=… ratio=… keystone_heap_mb=… peer_heap_mb=… keystone_dom=… peer_dom=…
import * as path from 'node:path';
import { build as esbuild, type Plugin } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import type { ChartPerson } from '../../lwc-ts/orgChartModel/orgChartModel';
import type { HeatSettings } from '../../lwc-ts/heatScore/heatScore';
import { readLabels } from '../lib/labels';
import { FORCE_APP, LWC_SOURCE, ROOT } from '../lib/project';
import { seededRandom } from '../data/generate';
import { Interpreter } from '../apex-runtime/interpreter';
import { ApexOrg } from '../apex-runtime/org/apexOrg';
import { toWire } from '../preview/apex/auraBridge';
import { keystoneClasses } from '../preview/apex/previewOrg';
import { generatedLines } from './lines';
import type { OrgChartBenchSide, RenderMode } from './page/orgChartPage';

const STANCES = ['Champion', 'Supporter', 'Neutral', 'Detractor', 'Blocker', null];
const ROLES = ['Decision Maker', 'Influencer', 'User', 'Technical Buyer', null];
/** A side that has not painted by then is reported as timed out rather than holding the run. */
const CASE_TIMEOUT_MS = 120_000;

/** Resolves c/* to lwc-ts sources and custom labels to their values, as the LWC build would. */
export function lwcSourcePlugin(): Plugin {
    const labels = readLabels(FORCE_APP);
    return {
        name: 'keystone-lwc-sources',
        setup(build) {
            build.onResolve({ filter: /^c\/\w+$/ }, (args) => {
                const name = args.path.slice(2);
                return {
                    path:
                        name === 'd3lib'
                            ? path.join(ROOT, 'scripts', 'd3lib', 'entry.ts')
                            : path.join(LWC_SOURCE, name, `${name}.ts`)
                };
            });
            build.onResolve({ filter: /^@salesforce\/label\/c\.\w+$/ }, (args) => ({
                path: args.path,
                namespace: 'label'
            }));
            build.onLoad({ filter: /.*/, namespace: 'label' }, (args) => {
                const name = args.path.replace('@salesforce/label/c.', '');
                if (!(name in labels)) return { errors: [{ text: `custom label c.${name} does not exist` }] };
                return { contents: `export default ${JSON.stringify(labels[name])};`, loader: 'js' };
            });
        }
    };
}

export async function bundlePage(entry: string): Promise<string> {
    const result = await esbuild({
        entryPoints: [entry],
        bundle: true,
        format: 'iife',
        target: 'es2022',
        write: false,
        logLevel: 'error',
        plugins: [lwcSourcePlugin()]
    });
    return result.outputFiles[0]!.text;
}

/** Generated stakeholders on the benchmark's reporting lines, with stances, roles and owners. */
export function generatedPeople(count: number, seed: number): ChartPerson[] {
    const random = seededRandom(seed + 1);
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
    return generatedLines(count, seed).map((line, i) => ({
        id: line.id,
        name: `Person ${i} ${pick(['Ng', 'Okafor', 'Müller', 'García', 'Smith'])}`,
        title: pick(['VP Sales', 'Director IT', 'Head of Procurement', 'Engineer', 'CFO']),
        reportsToId: line.reportsToId ?? null,
        decisionRole: pick(ROLES),
        stance: pick(STANCES),
        influence: 1 + Math.floor(random() * 5),
        relationshipStrength: 1 + Math.floor(random() * 5),
        relationshipOwnerId: random() < 0.7 ? 'u1' : null,
        relationshipOwnerName: 'Alex Morgan',
        competitorChampion: null,
        leaving: random() < 0.02,
        lastActivityDate: '2026-10-01',
        openCases: 0,
        recentStances: []
    }));
}

interface SideResult {
    renderMs: number;
    expandAllMs?: number;
    collapseAllMs?: number;
    heapMb: number;
    dom: number;
}

async function heapUsedMb(page: Page): Promise<number> {
    const session = await page.context().newCDPSession(page);
    await session.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
    await session.detach();
    return usedSize / 1_048_576;
}

type BenchWindow = Window & { orgChartBench(side: string): OrgChartBenchSide; bench: OrgChartBenchSide };

async function measureSide(
    browser: Browser,
    script: string,
    side: 'keystone' | 'peer',
    people: ChartPerson[],
    settings: HeatSettings,
    mode: RenderMode
): Promise<SideResult | 'timeout'> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
        await page.setContent(
            '<!doctype html><html><body style="margin:0"><div id="chart" style="width:1280px;height:800px"></div></body></html>'
        );
        await page.addScriptTag({ content: script });
        await page.evaluate((name) => {
            const w = window as unknown as BenchWindow;
            w.bench = w.orgChartBench(name);
        }, side);
        const before = await heapUsedMb(page);
        const work = (async (): Promise<SideResult> => {
            const renderMs = await page.evaluate(
                ([data, heat, how]) => (window as unknown as BenchWindow).bench.render(data, heat, how),
                [people, settings, mode] as const
            );
            const heapMb = (await heapUsedMb(page)) - before;
            const dom = await page.evaluate(() => document.querySelectorAll('#chart *').length);
            const result: SideResult = { renderMs, heapMb, dom };
            if (mode === 'depth2') {
                result.expandAllMs = await page.evaluate(() =>
                    (window as unknown as BenchWindow).bench.expandAll()
                );
                result.collapseAllMs = await page.evaluate(() =>
                    (window as unknown as BenchWindow).bench.collapseAll()
                );
            }
            return result;
        })();
        const timeout = new Promise<'timeout'>((resolve) =>
            setTimeout(() => resolve('timeout'), CASE_TIMEOUT_MS).unref()
        );
        return await Promise.race([work, timeout]);
    } finally {
        await page.close({ runBeforeUnload: false }).catch(() => undefined);
    }
}

function ms(value: number | undefined | 'timeout'): string {
    return value === 'timeout' ? `>${CASE_TIMEOUT_MS}` : value === undefined ? 'n/a' : value.toFixed(1);
}

function ratio(keystone: number | undefined, peer: number | undefined | 'timeout'): string {
    if (keystone === undefined || peer === undefined) return 'n/a';
    if (peer === 'timeout') return `>${(CASE_TIMEOUT_MS / keystone).toFixed(2)}`;
    return (peer / keystone).toFixed(2);
}

function line(
    n: number,
    mode: string,
    keystone: number | undefined,
    peer: number | undefined | 'timeout',
    extra = ''
): string {
    return `bench orgchart n=${n} mode=${mode} keystone_ms=${ms(keystone)} peer_ms=${ms(peer)} ratio=${ratio(keystone, peer)}${extra}`;
}

/** The heat settings the chart gets from OrgChartService, as the component receives them. */
function heatSettings(): HeatSettings {
    const apex = new Interpreter(keystoneClasses(), ApexOrg.empty());
    const view = apex.runSnippet(
        "return new OrgChartService.HeatSettingsView(Keystone_Heat_Setting__mdt.getInstance('Default'));"
    );
    return toWire(apex, view) as HeatSettings;
}

/** Prints the org chart lines for each size; returns them too (for the caller's summary). */
export async function runOrgChartBench(browser: Browser, sizes: readonly number[]): Promise<string[]> {
    const script = await bundlePage(path.join(__dirname, 'page', 'orgChartPage.ts'));
    const settings = heatSettings();
    const lines: string[] = [];
    const print = (text: string): void => {
        lines.push(text);
        console.log(text);
    };
    for (const n of sizes) {
        const people = generatedPeople(n, 7);
        for (const mode of ['expanded', 'depth2'] as const) {
            const ours = await measureSide(browser, script, 'keystone', people, settings, mode);
            const theirs = await measureSide(browser, script, 'peer', people, settings, mode);
            if (ours === 'timeout') {
                print(`bench orgchart n=${n} mode=${mode} keystone_ms=>${CASE_TIMEOUT_MS} (timed out)`);
                continue;
            }
            const peerOf = (
                pick: (side: SideResult) => number | undefined
            ): number | undefined | 'timeout' => (theirs === 'timeout' ? 'timeout' : pick(theirs));
            const memory =
                theirs === 'timeout'
                    ? ` keystone_heap_mb=${ours.heapMb.toFixed(1)} keystone_dom=${ours.dom}`
                    : ` keystone_heap_mb=${ours.heapMb.toFixed(1)} peer_heap_mb=${theirs.heapMb.toFixed(1)} keystone_dom=${ours.dom} peer_dom=${theirs.dom}`;
            print(
                line(
                    n,
                    mode,
                    ours.renderMs,
                    peerOf((side) => side.renderMs),
                    memory
                )
            );
            if (mode === 'depth2') {
                print(
                    line(
                        n,
                        'expand-all',
                        ours.expandAllMs,
                        peerOf((side) => side.expandAllMs)
                    )
                );
                print(
                    line(
                        n,
                        'collapse-all',
                        ours.collapseAllMs,
                        peerOf((side) => side.collapseAllMs)
                    )
                );
            }
        }
    }
    return lines;
}
