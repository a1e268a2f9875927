// `npm run bench`: Keystone's org chart computations against a peer measured in the same run, on the
// same generated hierarchies. Prints one line per case with the ratio peer/keystone (above 1: we are
// faster). Timings live here, never in tests.
//   bench layout n=20000 keystone_ms=… peer_ms=… ratio=…   (peer: d3-hierarchy stratify + tree)
import '../lib/lwcModules';
import { performance } from 'node:perf_hooks';
import { stratify, tree } from 'd3-hierarchy';
import { buildHierarchy, type ReportingLine } from '../../lwc-ts/orgHierarchy/orgHierarchy';
import { DEFAULT_LAYOUT, layoutHierarchy } from '../../lwc-ts/orgLayout/orgLayout';
import { expandAll } from '../../lwc-ts/orgVisibility/orgVisibility';
import { seededRandom } from '../data/generate';

const SIZES = [1000, 5000, 20000];
const ROUNDS = 7;

/** The same shape the scale generator makes: mostly recent managers (deep), some early ones (wide). */
export function generatedLines(count: number, seed: number): ReportingLine[] {
    const random = seededRandom(seed);
    const lines: ReportingLine[] = [{ id: 'p0', reportsToId: null }];
    for (let i = 1; i < count; i++) {
        const manager =
            random() < 0.7
                ? Math.max(0, i - 1 - Math.floor(random() * 30))
                : Math.floor(random() * Math.min(200, i));
        lines.push({ id: `p${i}`, reportsToId: `p${manager}` });
    }
    return lines;
}

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

function main(): void {
    for (const n of SIZES) {
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

main();
