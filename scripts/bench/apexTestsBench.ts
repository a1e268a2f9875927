// `bench apex-tests`: every Keystone Apex test in the Apex runtime, from reading the classes to the
// coverage figure (what `npm run test:apex` costs). No peer runs Apex here, so the line has no ratio.
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { FORCE_APP } from '../lib/project';
import { Registry } from '../apex-runtime/registry';
import { percentText, runTests } from '../apex-runtime/testRunner';

export function runApexTestsBench(): void {
    const started = performance.now();
    const registry = new Registry();
    registry.loadFolder(path.join(FORCE_APP, 'classes'));
    const report = runTests(registry);
    const ms = performance.now() - started;
    console.log(
        `bench apex-tests classes=${report.classes} methods=${report.results.length} ms=${Math.round(ms)} coverage=${percentText(report.coverage.percent)}`
    );
}
