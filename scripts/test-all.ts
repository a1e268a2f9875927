// `npm test`: build, verify, Jest, the scripts' own tests, then the browser tests against the preview.
// Every step runs even when an earlier one fails, and the run ends with `N passed, M failed`.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, walk } from './lib/project';

interface StepResult {
    name: string;
    passed: number;
    failed: number;
    seconds: number;
}

const BIN = path.join(ROOT, 'node_modules', '.bin');
const TS_ENV = {
    ...process.env,
    TS_NODE_PROJECT: path.join(ROOT, 'scripts', 'tsconfig.json'),
    TS_NODE_TRANSPILE_ONLY: 'true'
};

function run(
    command: string,
    args: string[],
    env: NodeJS.ProcessEnv = process.env
): { status: number; output: string } {
    const result = spawnSync(command, args, {
        cwd: ROOT,
        env,
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024
    });
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
    process.stdout.write(
        output
            .split('\n')
            .filter((line) => !line.includes('Unknown user config "nodedir"'))
            .join('\n')
    );
    return { status: result.status ?? 1, output };
}

function timed(name: string, body: () => { passed: number; failed: number }): StepResult {
    console.log(`\n=== ${name}`);
    const started = Date.now();
    const counts = body();
    return { name, ...counts, seconds: (Date.now() - started) / 1000 };
}

function nodeTests(files: string[]): { passed: number; failed: number } {
    if (!files.length) return { passed: 0, failed: 1 };
    const { status, output } = run(
        process.execPath,
        ['--require', 'ts-node/register', '--test', '--test-reporter', 'tap', ...files],
        TS_ENV
    );
    const passed = Number(/^# pass (\d+)/m.exec(output)?.[1] ?? 0);
    const failed = Number(/^# fail (\d+)/m.exec(output)?.[1] ?? 0);
    return { passed, failed: failed || (status !== 0 ? 1 : 0) };
}

const steps: StepResult[] = [];

steps.push(
    timed('build', () => {
        const { status } = run(path.join(BIN, 'ts-node'), [
            '-T',
            '-P',
            'scripts/tsconfig.json',
            'scripts/build.ts'
        ]);
        return status === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
    })
);

steps.push(
    timed('verify', () => {
        const { status, output } = run(path.join(BIN, 'ts-node'), [
            '-T',
            '-P',
            'scripts/tsconfig.json',
            'scripts/verify.ts'
        ]);
        const checks = [...output.matchAll(/^verify [\w-]+: (ok|\d+ finding)/gm)];
        const passed = checks.filter((match) => match[1] === 'ok').length;
        const failed = checks.length - passed;
        return { passed, failed: failed || (status !== 0 ? 1 : 0) };
    })
);

steps.push(
    timed('jest', () => {
        const report = path.join(ROOT, '.verify', 'jest-results.json');
        fs.mkdirSync(path.dirname(report), { recursive: true });
        fs.rmSync(report, { force: true });
        const { status } = run(path.join(BIN, 'sfdx-lwc-jest'), ['--', '--json', `--outputFile=${report}`]);
        if (!fs.existsSync(report)) return { passed: 0, failed: 1 };
        const result = JSON.parse(fs.readFileSync(report, 'utf8')) as {
            numPassedTests: number;
            numFailedTests: number;
            numTotalTests: number;
        };
        const failed = result.numFailedTests || (status !== 0 || result.numTotalTests === 0 ? 1 : 0);
        return { passed: result.numPassedTests, failed };
    })
);

steps.push(
    timed('scripts (node:test)', () =>
        nodeTests(
            walk(
                path.join(ROOT, 'scripts'),
                (file) => /__tests__[\\/].+\.test\.ts$/.test(file) && !file.includes('fixtures')
            )
        )
    )
);

// Apex tests in the Apex runtime: a test that fails, or org-wide coverage below the platform's 75 % deploy
// rule, fails the step (the gate counts as one failure on top of the tests' tally)
steps.push(
    timed('apex (runtime, coverage gate)', () => {
        const { status, output } = run('npx', [
            'ts-node',
            '-T',
            '-P',
            'scripts/tsconfig.json',
            'scripts/apex-test.ts'
        ]);
        const tally = /^(\d+) passed, (\d+) failed$/m.exec(output);
        if (!tally) return { passed: 0, failed: 1 };
        const passed = Number(tally[1]);
        const failed = Number(tally[2]);
        return { passed, failed: failed || (status !== 0 ? 1 : 0) };
    })
);

steps.push(
    timed('browser (preview in Chromium)', () =>
        nodeTests(walk(path.join(ROOT, 'scripts', 'e2e'), (file) => file.endsWith('.e2e.test.ts')))
    )
);

console.log('\n=== summary');
for (const step of steps) {
    console.log(
        `${step.name.padEnd(30)} ${String(step.passed).padStart(4)} passed ${String(step.failed).padStart(3)} failed  ${step.seconds.toFixed(1)}s`
    );
}
const passed = steps.reduce((sum, step) => sum + step.passed, 0);
const failed = steps.reduce((sum, step) => sum + step.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
