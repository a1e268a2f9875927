// The relationship map in headless Chromium: Keystone's graph, layout and canvas drawing against
// cytoscape.js with its default force-directed layout (cose) on the same generated network, each side in a
// fresh page, from the data to the first painted frame after the layout settled. One line per size:
//   bench relmap n=2000 keystone_ms=… peer_ms=… ratio=…
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import type { GraphInput } from '../../lwc-ts/relationshipGraph/relationshipGraph';
import { bundlePage } from './orgChartBench';
import { generatedNetwork, peerElements, type PeerElements } from './relmapData';
import type { RelmapResult } from './page/relmapPage';

export const RELMAP_SIZES = [500, 2000, 5000];
/** A side that has not painted by then is reported as timed out rather than holding the run. */
export const RELMAP_TIMEOUT_MS = 180_000;

type BenchWindow = Window & {
    relmapBench: {
        keystone(input: GraphInput): Promise<RelmapResult>;
        peer(elements: PeerElements): Promise<RelmapResult>;
    };
};

async function measure(
    browser: Browser,
    script: string,
    side: 'keystone' | 'peer',
    data: GraphInput | PeerElements
): Promise<RelmapResult | 'timeout'> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
        await page.setContent(
            '<!doctype html><html><body style="margin:0"><div id="map" style="width:1280px;height:800px"></div></body></html>'
        );
        await page.addScriptTag({ content: script });
        const work = page.evaluate(
            ([which, input]) => {
                const bench = (window as unknown as BenchWindow).relmapBench;
                return which === 'keystone'
                    ? bench.keystone(input as GraphInput)
                    : bench.peer(input as PeerElements);
            },
            [side, data] as const
        );
        const timeout = new Promise<'timeout'>((resolve) =>
            setTimeout(() => resolve('timeout'), RELMAP_TIMEOUT_MS).unref()
        );
        return await Promise.race([work, timeout]);
    } finally {
        await page.close({ runBeforeUnload: false }).catch(() => undefined);
    }
}

/** The line for one size; a timed-out peer gives a lower bound on the ratio. */
export function relmapLine(
    n: number,
    ours: RelmapResult | 'timeout',
    theirs: RelmapResult | 'timeout'
): string {
    const ms = (side: RelmapResult | 'timeout'): string =>
        side === 'timeout' ? `>${RELMAP_TIMEOUT_MS}` : side.ms.toFixed(1);
    const ratio =
        ours === 'timeout'
            ? 'n/a'
            : theirs === 'timeout'
              ? `>${(RELMAP_TIMEOUT_MS / ours.ms).toFixed(2)}`
              : (theirs.ms / ours.ms).toFixed(2);
    return `bench relmap n=${n} keystone_ms=${ms(ours)} peer_ms=${ms(theirs)} ratio=${ratio}`;
}

/** Measures each size, prints and returns the lines. */
export async function runRelmapBench(
    browser: Browser,
    sizes: readonly number[] = RELMAP_SIZES
): Promise<string[]> {
    const script = await bundlePage(path.join(__dirname, 'page', 'relmapPage.ts'));
    const lines: string[] = [];
    for (const n of sizes) {
        const input = generatedNetwork(n, 7);
        const elements = peerElements(input);
        const ours = await measure(browser, script, 'keystone', input);
        const theirs = await measure(browser, script, 'peer', elements);
        for (const side of [ours, theirs])
            if (
                side !== 'timeout' &&
                (side.nodes !== elements.nodes.length || side.edges !== elements.edges.length)
            )
                throw new Error(
                    `relmap n=${n}: a side drew ${side.nodes} of ${elements.nodes.length} people and ${side.edges} of ${elements.edges.length} links`
                );
        const text = relmapLine(n, ours, theirs);
        lines.push(text);
        console.log(text);
    }
    return lines;
}
