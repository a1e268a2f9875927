// Runs the org's Apex tests as the platform does ("Running Unit Test Methods", "Using Test Setup Methods",
// "Using Limits, startTest, and stopTest"): every test method on an org without the org's data
// (SeeAllData=false), the class's @TestSetup records present and each method's changes rolled back before
// the next, static state fresh per method, Test.startTest/stopTest giving the code between them its own
// governor limits; then the coverage those methods reached, per class and trigger and org-wide.
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { FORCE_APP } from '../lib/project';
import { CompileError, UnsupportedError } from './errors';
import { ApexThrow, Interpreter, errorTrace, type SourceLocation, type TestHooks } from './interpreter';
import { CoverageRecorder, isTestClass, triggerExecutableLines, type ClassCoverage } from './coverage';
import { ApexOrg } from './org/apexOrg';
import { runQueuedJobs } from './org/asyncJobs';
import { GovernorLimits } from './org/limits';
import type { ClassDef, MethodDef, Registry } from './registry';
import { typeNameForException } from './semantics';

/** The platform refuses a production deploy below this org-wide coverage ("Deploying Apex"). */
export const COVERAGE_GATE_PERCENT = 75;

/** A test class and the methods a run will call in it. */
export interface TestClassPlan {
    cls: ClassDef;
    setup: MethodDef | null;
    methods: MethodDef[];
}

/** pass; fail: an assertion, or a construct the runtime does not run yet; error: any other exception. */
export type TestOutcome = 'pass' | 'fail' | 'error';

export interface TestResult {
    className: string;
    methodName: string;
    outcome: TestOutcome;
    /** `System.AssertException: Assertion Failed: …`, `unsupported: … at F.cls:n`, … */
    message: string | null;
    /** the statement that failed (in whatever class it stood) */
    location: SourceLocation | null;
    /** the test's own statement that led there, when the failure stood in another file */
    testLocation: SourceLocation | null;
    ms: number;
}

export interface CoverageRow extends ClassCoverage {
    kind: 'class' | 'trigger';
}

export interface CoverageSummary {
    rows: CoverageRow[];
    covered: number;
    executable: number;
    percent: number;
}

export interface TestRunReport {
    results: TestResult[];
    classes: number;
    coverage: CoverageSummary;
    ms: number;
}

export interface TestRunOptions {
    /** `Class` or `Class.method`, case-insensitive; none runs every test */
    filters?: readonly string[];
    /** a fresh org for each test class; its records are what @TestSetup starts from */
    newOrg?: () => ApexOrg;
    /** called as each method finishes (the CLI prints progress) */
    onResult?: (result: TestResult) => void;
}

function hasAnnotation(annotations: readonly string[], name: string): boolean {
    return annotations.some((annotation) => annotation.toLowerCase() === name);
}

/** The legacy `static testMethod void m()` keyword: the registry keeps annotations only, the parse tree has it. */
function hasTestMethodKeyword(method: MethodDef): boolean {
    type Node = { parentCtx?: Node | null; modifier_list?: () => { getText(): string }[] };
    for (let node = method.body as unknown as Node | null; node; node = node.parentCtx ?? null) {
        if (typeof node.modifier_list === 'function')
            return node.modifier_list().some((modifier) => modifier.getText().toLowerCase() === 'testmethod');
    }
    return false;
}

/**
 * `@IsTest(SeeAllData=true)` on the method or its class: such a test expects the org's data, which a run
 * here never has, so it fails loudly rather than passing or failing for the wrong reason.
 */
function seesAllData(method: MethodDef): boolean {
    type Node = { parentCtx?: Node | null; modifier_list?: () => { getText(): string }[] };
    for (let node = method.body as unknown as Node | null; node; node = node.parentCtx ?? null) {
        if (typeof node.modifier_list !== 'function') continue;
        if (
            node
                .modifier_list()
                .some((modifier) => /^@istest\(.*seealldata\s*=\s*true/i.test(modifier.getText()))
        )
            return true;
    }
    return false;
}

function isTestMethod(method: MethodDef): boolean {
    return (
        method.isStatic &&
        method.params.length === 0 &&
        method.body !== null &&
        (hasAnnotation(method.annotations, 'istest') || hasTestMethodKeyword(method))
    );
}

/**
 * Every top-level `@IsTest` class with test methods (`@IsTest` or `testMethod`), in name order, its methods
 * in source order. A filter that names no test class or method is refused with the names it could mean.
 */
export function discoverTests(registry: Registry, filters: readonly string[] = []): TestClassPlan[] {
    const plans: TestClassPlan[] = [];
    for (const cls of registry.classes.values()) {
        if (cls.kind !== 'class' || !isTestClass(cls)) continue;
        const all = [...cls.methods.values()].flat();
        const methods = all.filter(isTestMethod).sort((a, b) => a.line - b.line);
        if (!methods.length) continue;
        const setups = all.filter((method) => hasAnnotation(method.annotations, 'testsetup'));
        if (setups.length > 1)
            throw new Error(`${cls.name} has ${setups.length} @TestSetup methods; a test class may have one`);
        plans.push({ cls, setup: setups[0] ?? null, methods });
    }
    plans.sort((a, b) => a.cls.name.localeCompare(b.cls.name));
    if (!filters.length) return plans;

    const wanted = new Map<TestClassPlan, Set<MethodDef>>();
    for (const filter of filters) {
        const [className, methodName, ...rest] = filter.split('.');
        const plan = plans.find((candidate) => candidate.cls.name.toLowerCase() === className.toLowerCase());
        if (!plan || rest.length)
            throw new Error(
                `no test class "${filter}": name a test class or Class.method (${plans.map((p) => p.cls.name).join(', ')})`
            );
        const chosen = wanted.get(plan) ?? new Set<MethodDef>();
        wanted.set(plan, chosen);
        if (methodName === undefined) {
            for (const method of plan.methods) chosen.add(method);
            continue;
        }
        const method = plan.methods.find(
            (candidate) => candidate.name.toLowerCase() === methodName.toLowerCase()
        );
        if (!method)
            throw new Error(
                `${plan.cls.name} has no test method "${methodName}" (${plan.methods.map((m) => m.name).join(', ')})`
            );
        chosen.add(method);
    }
    return plans
        .filter((plan) => wanted.has(plan))
        .map((plan) => ({
            ...plan,
            methods: plan.methods.filter((method) => wanted.get(plan)!.has(method))
        }));
}

/**
 * Test.startTest/stopTest for one test method: the code between them runs under a fresh set of limits,
 * and after stopTest the limits used before startTest are back ("startTest … adds a context to your test").
 * stopTest also delivers published events and runs the asynchronous work queued since startTest.
 */
class TestLimitsContext implements TestHooks {
    private outer: GovernorLimits | null = null;
    state: 'before' | 'started' | 'stopped' = 'before';

    startTest(interp: Interpreter): void {
        const org = requireOrg(interp);
        // each test method may call startTest once (message to be confirmed in an org)
        if (this.state !== 'before') interp.fail('FinalException', 'Testing already started');
        this.state = 'started';
        this.outer = org.limits;
        org.limits = new GovernorLimits(org.limits.limits);
    }

    stopTest(interp: Interpreter): void {
        const org = requireOrg(interp);
        if (this.state === 'before') interp.fail('FinalException', 'Testing has not started');
        if (this.state === 'stopped') interp.fail('FinalException', 'Testing already stopped');
        this.state = 'stopped';
        if (this.outer) org.limits = this.outer;
        // the platform events published so far reach their subscribers ("Testing Your Platform Event in Apex")
        interp.deliverEvents();
        // scheduled, batch and queueable work queued since startTest runs now ("Testing Asynchronous Apex")
        runQueuedJobs(interp);
    }
}

function requireOrg(interp: Interpreter): ApexOrg {
    if (!interp.org) throw new UnsupportedError('unsupported: Test.startTest/stopTest without an org');
    return interp.org;
}

/** A test outcome from what the method threw: assertions and runtime gaps fail, anything else errs. */
function judge(error: unknown, testFile: string): Omit<TestResult, 'className' | 'methodName' | 'ms'> {
    const trace = errorTrace(error);
    const location = trace[0] ?? null;
    const inTest = trace.find((step) => step.file === testFile) ?? null;
    const testLocation = inTest && inTest !== location ? inTest : null;
    if (error instanceof ApexThrow) {
        const exception = error.exception;
        const name = typeNameForException(exception);
        const message = `${name}: ${String(exception.fields.get('message') ?? '')}`;
        const outcome = exception.cls.name === 'AssertException' ? 'fail' : 'error';
        return { outcome, message, location, testLocation };
    }
    if (error instanceof UnsupportedError || error instanceof CompileError)
        return { outcome: 'fail', message: error.message, location, testLocation };
    const message =
        error instanceof Error ? `internal error: ${error.message}` : `internal error: ${String(error)}`;
    return { outcome: 'error', message, location, testLocation };
}

/** Runs one method as its own transaction: a new Interpreter is fresh static state and fresh limits. */
function runMethod(
    registry: Registry,
    org: ApexOrg,
    method: MethodDef,
    coverage: CoverageRecorder | null
): ReturnType<typeof judge> | null {
    if (seesAllData(method)) {
        const location = { file: method.owner.file, line: method.line };
        const message = `unsupported: @IsTest(SeeAllData=true) at ${path.basename(location.file)}:${location.line}`;
        return { outcome: 'fail', message, location, testLocation: null };
    }
    const interp = new Interpreter(registry, org);
    interp.coverage = coverage;
    interp.testHooks = new TestLimitsContext();
    try {
        interp.ensureStatic(method.owner);
        interp.invoke(method, null, []);
        return null;
    } catch (error) {
        return judge(error, method.owner.file);
    }
}

function coverageSummary(
    registry: Registry,
    org: ApexOrg | null,
    recorder: CoverageRecorder
): CoverageSummary {
    const report = recorder.report(registry);
    const rows: CoverageRow[] = report.classes.map((row) => ({ ...row, kind: 'class' as const }));
    for (const triggers of org?.triggers.values() ?? []) {
        for (const trigger of triggers) {
            const executable = triggerExecutableLines(trigger.statements);
            if (!executable.size) continue;
            const run = recorder.linesRun(trigger.file);
            const uncovered = [...executable].filter((line) => !run.has(line)).sort((a, b) => a - b);
            rows.push({
                kind: 'trigger',
                name: trigger.name,
                file: trigger.file,
                covered: executable.size - uncovered.length,
                executable: executable.size,
                uncovered
            });
        }
    }
    rows.sort((a, b) => a.name.localeCompare(b.name));
    const covered = rows.reduce((sum, row) => sum + row.covered, 0);
    const executable = rows.reduce((sum, row) => sum + row.executable, 0);
    return { rows, covered, executable, percent: executable ? (100 * covered) / executable : 100 };
}

/**
 * Runs the chosen test methods and measures coverage. Each class gets a fresh org; its @TestSetup runs once
 * (its own coverage is not counted, as documented) and the org's state after it is restored before every
 * method, so one method's changes are invisible to the next. A @TestSetup that throws fails every method
 * of its class with its message, and none of them runs.
 */
export function runTests(registry: Registry, options: TestRunOptions = {}): TestRunReport {
    const started = performance.now();
    const plans = discoverTests(registry, options.filters ?? []);
    const newOrg = options.newOrg ?? (() => ApexOrg.empty(FORCE_APP));
    const recorder = new CoverageRecorder();
    const results: TestResult[] = [];
    let lastOrg: ApexOrg | null = null;
    const record = (result: TestResult): void => {
        results.push(result);
        options.onResult?.(result);
    };
    for (const plan of plans) {
        const org = newOrg();
        lastOrg = org;
        org.isRunningTest = true;
        let setupFailure: ReturnType<typeof judge> | null = null;
        if (plan.setup) {
            setupFailure = runMethod(registry, org, plan.setup, null);
            if (setupFailure)
                setupFailure = {
                    ...setupFailure,
                    message: `@TestSetup ${plan.setup.name} failed: ${setupFailure.message ?? ''}`
                };
        }
        const baseline = org.saveState();
        for (const method of plan.methods) {
            const methodStarted = performance.now();
            const outcome = setupFailure ?? runMethod(registry, org, method, recorder);
            org.restoreState(baseline);
            record({
                className: plan.cls.name,
                methodName: method.name,
                ...(outcome ?? { outcome: 'pass', message: null, location: null, testLocation: null }),
                ms: performance.now() - methodStarted
            });
        }
    }
    return {
        results,
        classes: plans.length,
        coverage: coverageSummary(registry, lastOrg, recorder),
        ms: performance.now() - started
    };
}

function where(location: SourceLocation | null): string {
    return location ? `${path.basename(location.file)}:${location.line}` : '?';
}

/** One line for a test that did not pass: class, method, file:line of the failing statement, message. */
export function failureLine(result: TestResult): string {
    const label = result.outcome === 'error' ? 'ERROR' : 'FAIL';
    const via = result.testLocation ? ` (from ${where(result.testLocation)})` : '';
    return `${label} ${result.className}.${result.methodName} at ${where(result.location)}${via}: ${result.message ?? ''}`;
}

/** A percentage rounded down to a tenth, so that a figure printed as 75.0% has reached 75%. */
export function percentText(percent: number): string {
    return `${(Math.floor(percent * 10) / 10).toFixed(1)}%`;
}

/** The report as printed: failures, the tally, the coverage table and the org-wide figure. */
export function formatReport(report: TestRunReport): string[] {
    const lines: string[] = [];
    const failed = report.results.filter((result) => result.outcome !== 'pass');
    for (const result of failed) lines.push(failureLine(result));
    lines.push(`${report.results.length - failed.length} passed, ${failed.length} failed`);
    const { rows } = report.coverage;
    if (rows.length) {
        const nameWidth = Math.max(
            5,
            ...rows.map((row) => row.name.length + (row.kind === 'trigger' ? 10 : 0))
        );
        lines.push('', `${'class'.padEnd(nameWidth)}  ${'%'.padStart(6)}  covered/executable`);
        for (const row of rows) {
            const name = row.kind === 'trigger' ? `${row.name} (trigger)` : row.name;
            const percent = row.executable ? (100 * row.covered) / row.executable : 100;
            lines.push(
                `${name.padEnd(nameWidth)}  ${percentText(percent).padStart(6)}  ${row.covered}/${row.executable}`
            );
        }
    }
    const { covered, executable, percent } = report.coverage;
    lines.push(`org-wide coverage ${percentText(percent)} (${covered}/${executable})`);
    return lines;
}

/**
 * The CLI's exit code: 1 when a test did not pass, or when org-wide coverage is under the deploy rule's
 * 75 % and the gate applies; else 0.
 */
export function exitCode(report: TestRunReport, coverageGate: boolean): 0 | 1 {
    const failed = report.results.some((result) => result.outcome !== 'pass');
    const below = report.coverage.percent < COVERAGE_GATE_PERCENT;
    return failed || (coverageGate && below) ? 1 : 0;
}
