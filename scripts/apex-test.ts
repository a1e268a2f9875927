// `npm run test:apex [-- Class | Class.method …] [--no-coverage-gate]`: runs Keystone's Apex tests in the
// Apex runtime (scripts/apex-runtime), prints each failure with its file:line, the tally and the coverage
// table, and exits non-zero when a test fails or when org-wide coverage is below the platform's 75 % deploy
// rule (`--no-coverage-gate` keeps the exit code to the tests, for development; a filtered run is not
// gated, since it cannot reach the whole org's coverage).
import * as path from 'node:path';
import { FORCE_APP } from './lib/project';
import { Registry } from './apex-runtime/registry';
import {
    COVERAGE_GATE_PERCENT,
    exitCode,
    formatReport,
    percentText,
    runTests
} from './apex-runtime/testRunner';

function main(): number {
    const args = process.argv.slice(2);
    const flags = args.filter((arg) => arg.startsWith('--'));
    const unknown = flags.filter((flag) => flag !== '--no-coverage-gate');
    if (unknown.length) {
        console.error(
            `unknown option ${unknown.join(', ')}: test:apex takes Class or Class.method names and --no-coverage-gate`
        );
        return 2;
    }
    const filters = args.filter((arg) => !arg.startsWith('--'));
    const registry = new Registry();
    registry.loadFolder(path.join(FORCE_APP, 'classes'));
    let report;
    try {
        report = runTests(registry, { filters });
    } catch (error) {
        console.error(error instanceof Error ? error.message : String(error));
        return 2;
    }
    for (const line of formatReport(report)) console.log(line);
    const gated = !flags.includes('--no-coverage-gate') && !filters.length;
    const below = report.coverage.percent < COVERAGE_GATE_PERCENT;
    if (gated && below)
        console.log(
            `org-wide coverage ${percentText(report.coverage.percent)} is below the ${COVERAGE_GATE_PERCENT}% the platform requires to deploy`
        );
    console.log(
        `apex tests: ${report.results.length} methods in ${report.classes} classes, ${Math.round(report.ms)} ms`
    );
    return exitCode(report, gated);
}

process.exitCode = main();
