// The Apex test runner, with small test classes written here: outcomes and where they happened, the
// documented isolation (TestSetup records in every method, one method's changes and static state gone
// before the next), Test.startTest/stopTest limits, and the coverage the methods reach.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApexOrg } from '../org/apexOrg';
import { GovernorLimits, SYNC_LIMITS } from '../org/limits';
import { Registry } from '../registry';
import {
    discoverTests,
    exitCode,
    failureLine,
    formatReport,
    runTests,
    type TestResult,
    type TestRunReport
} from '../testRunner';
import { OrgStore } from '../../preview/emulator/store';
import type { ObjectSchema } from '../../preview/emulator/schema';

/** An org with one object, Widget__c, whose Code__c is unique: a duplicate insert shows a record is there. */
function widgetOrg(dmlStatements = SYNC_LIMITS.dmlStatements): ApexOrg {
    const widget: ObjectSchema = {
        name: 'Widget__c',
        custom: true,
        fields: new Map([
            ['Code__c', { name: 'Code__c', label: 'Code', type: 'Text', required: false, unique: true }]
        ]),
        validationRules: []
    };
    const org = new ApexOrg(new OrgStore(new Map([['Widget__c', widget]])), null);
    org.limits = new GovernorLimits({ ...SYNC_LIMITS, dmlStatements });
    return org;
}

function registryOf(sources: Record<string, string[]>): Registry {
    const registry = new Registry();
    for (const [file, lines] of Object.entries(sources)) registry.addSource(lines.join('\n'), file);
    return registry;
}

function run(sources: Record<string, string[]>, filters: string[] = [], dml?: number): TestRunReport {
    return runTests(registryOf(sources), { filters, newOrg: () => widgetOrg(dml) });
}

function byMethod(report: TestRunReport): Map<string, TestResult> {
    return new Map(report.results.map((result) => [result.methodName, result]));
}

const PRICING = [
    'public with sharing class Pricing {', // 1
    '    private static Decimal rate = 0.2;', // 2 counts: initialiser
    '    public static Decimal gross(Decimal net) {', // 3
    '        if (net == null) {', // 4
    "            throw new IllegalArgumentException('net is required');", // 5
    '        }', // 6
    '        return net * (1 + rate);', // 7
    '    }', // 8
    '    public static Integer neverCalled() {', // 9
    '        return 1;', // 10
    '    }', // 11
    '    public static Integer onlyFromSetup() {', // 12
    '        return 2;', // 13
    '    }', // 14
    '}' // 15
];

const SHAPE = ['public interface Shape {', '    Decimal area();', '}'];

const PRICING_TEST = [
    '@IsTest', // 1
    'private class PricingTest {', // 2
    '    @TestSetup', // 3
    '    static void makeData() {', // 4
    "        insert new Widget__c(Name = 'w', Code__c = 'SETUP');", // 5
    '        Pricing.onlyFromSetup();', // 6
    '    }', // 7
    '    @IsTest', // 8
    '    static void addsTheRate() {', // 9
    '        Assert.areEqual(12.0, Pricing.gross(10));', // 10
    '    }', // 11
    '    static testMethod void legacyKeywordStillRuns() {', // 12
    '        Assert.isTrue(Test.isRunningTest());', // 13
    '    }', // 14
    '    @IsTest', // 15
    '    static void wrongExpectation() {', // 16
    '        Integer before = 1;', // 17
    "        Assert.areEqual(13.0, Pricing.gross(10), 'gross of 10');", // 18
    '    }', // 19
    '    @IsTest', // 20
    '    static void nullNetIsAnError() {', // 21
    '        Pricing.gross(null);', // 22
    '    }', // 23
    '    @IsTest', // 24
    '    static void aGapInTheRuntimeFails() {', // 25
    '        Integer bits = 5 & 3;', // 26
    '    }', // 27
    '    static void helperIsNotATest() {', // 28
    "        Assert.fail('a helper never runs as a test');", // 29
    '    }', // 30
    '}' // 31
];

describe('the Apex test runner', () => {
    it('finds @IsTest and testMethod methods in source order, never helpers, and honours filters', () => {
        const registry = registryOf({ 'Pricing.cls': PRICING, 'PricingTest.cls': PRICING_TEST });
        const [plan] = discoverTests(registry);
        assert.equal(plan.cls.name, 'PricingTest');
        assert.equal(plan.setup?.name, 'makeData');
        assert.deepEqual(
            plan.methods.map((method) => method.name),
            [
                'addsTheRate',
                'legacyKeywordStillRuns',
                'wrongExpectation',
                'nullNetIsAnError',
                'aGapInTheRuntimeFails'
            ]
        );
        assert.equal(discoverTests(registry).length, 1, 'a class without test methods is not a test class');
        assert.deepEqual(
            discoverTests(registry, ['pricingtest.ADDSTHERATE'])[0].methods.map((m) => m.name),
            ['addsTheRate']
        );
        assert.throws(() => discoverTests(registry, ['Nope']), /no test class "Nope": .*PricingTest/);
        assert.throws(
            () => discoverTests(registry, ['PricingTest.nope']),
            /PricingTest has no test method "nope" \(addsTheRate, /
        );
    });

    it('passes what does not throw; an assertion fails, any other exception errs, a runtime gap fails', () => {
        const report = run({ 'Pricing.cls': PRICING, 'PricingTest.cls': PRICING_TEST });
        const results = byMethod(report);
        assert.equal(results.get('addsTheRate')?.outcome, 'pass');
        assert.equal(results.get('legacyKeywordStillRuns')?.outcome, 'pass', 'Test.isRunningTest() is true');

        const assertion = results.get('wrongExpectation')!;
        assert.equal(assertion.outcome, 'fail');
        assert.equal(
            assertion.message,
            'System.AssertException: Assertion Failed: gross of 10: Expected: 13.0, Actual: 12.0'
        );
        assert.deepEqual(assertion.location, { file: 'PricingTest.cls', line: 18 });
        assert.equal(assertion.testLocation, null);

        const npe = results.get('nullNetIsAnError')!;
        assert.equal(npe.outcome, 'error');
        assert.equal(npe.message, 'System.IllegalArgumentException: net is required');
        assert.deepEqual(npe.location, { file: 'Pricing.cls', line: 5 });
        assert.deepEqual(npe.testLocation, { file: 'PricingTest.cls', line: 22 });
        assert.equal(
            failureLine(npe),
            'ERROR PricingTest.nullNetIsAnError at Pricing.cls:5 (from PricingTest.cls:22): System.IllegalArgumentException: net is required'
        );

        const gap = results.get('aGapInTheRuntimeFails')!;
        assert.equal(gap.outcome, 'fail');
        assert.match(gap.message ?? '', /^unsupported: .* at PricingTest\.cls:26$/);
        assert.deepEqual(gap.location, { file: 'PricingTest.cls', line: 26 });
    });

    it('gives every method the TestSetup records, rolls back each method and starts static state afresh', () => {
        const report = run({
            'Counter.cls': ['public class Counter {', '    public static Integer runs = 0;', '}'],
            'IsolationTest.cls': [
                '@IsTest',
                'private class IsolationTest {',
                '    @TestSetup static void setup() {',
                "        insert new Widget__c(Name = 'w', Code__c = 'SETUP');",
                '        Counter.runs = 10;',
                '    }',
                '    static void seesSetupRecordAndNoStaticFromSetup() {',
                '        try {',
                "            insert new Widget__c(Name = 'w', Code__c = 'SETUP');",
                "            Assert.fail('the TestSetup record is there, so its code is taken');",
                '        } catch (DmlException e) {',
                "            Assert.isTrue(e.getMessage().contains('DUPLICATE_VALUE'), e.getMessage());",
                '        }',
                '        Counter.runs++;',
                "        Assert.areEqual(1, Counter.runs, 'static state starts afresh');",
                '    }',
                '    @IsTest static void first() {',
                '        seesSetupRecordAndNoStaticFromSetup();',
                "        insert new Widget__c(Name = 'w', Code__c = 'FIRST');",
                '    }',
                '    @IsTest static void second() {',
                '        seesSetupRecordAndNoStaticFromSetup();',
                "        insert new Widget__c(Name = 'w', Code__c = 'FIRST');",
                '    }',
                '}'
            ]
        });
        assert.deepEqual(
            report.results.map((result) => [result.methodName, result.outcome, result.message]),
            [
                ['first', 'pass', null],
                ['second', 'pass', null]
            ]
        );
    });

    it('keeps a custom exception an exception in every method (each method has its own Interpreter)', () => {
        const method = (name: string): string[] => [
            `    @IsTest static void ${name}() {`,
            '        try {',
            "            Errors.raise('refused');",
            "            Assert.fail('raise throws');",
            '        } catch (Errors.RefusedException e) {',
            "            Assert.areEqual('refused', e.getMessage());",
            '        }',
            '    }'
        ];
        const report = run({
            'Errors.cls': [
                'public class Errors {',
                '    public class RefusedException extends Exception {}',
                '    public static void raise(String message) { throw new RefusedException(message); }',
                '}'
            ],
            'ErrorsTest.cls': [
                '@IsTest',
                'private class ErrorsTest {',
                ...method('first'),
                ...method('second'),
                '}'
            ]
        });
        assert.deepEqual(
            report.results.map((result) => [result.methodName, result.outcome, result.message]),
            [
                ['first', 'pass', null],
                ['second', 'pass', null]
            ]
        );
    });

    it('refuses a test that expects the org data (SeeAllData=true) instead of running it without', () => {
        const report = run({
            'DataTest.cls': [
                '@IsTest(SeeAllData=true)',
                'private class DataTest {',
                '    @IsTest static void readsOrgData() { Assert.isTrue(true); }',
                '}'
            ],
            'MethodDataTest.cls': [
                '@IsTest',
                'private class MethodDataTest {',
                '    @IsTest(seeAllData = true) static void readsOrgData() { Assert.isTrue(true); }',
                '    @IsTest static void isolated() { Assert.isTrue(true); }',
                '}'
            ]
        });
        assert.deepEqual(
            report.results.map((result) => [
                result.className,
                result.methodName,
                result.outcome,
                result.message
            ]),
            [
                [
                    'DataTest',
                    'readsOrgData',
                    'fail',
                    'unsupported: @IsTest(SeeAllData=true) at DataTest.cls:3'
                ],
                [
                    'MethodDataTest',
                    'readsOrgData',
                    'fail',
                    'unsupported: @IsTest(SeeAllData=true) at MethodDataTest.cls:3'
                ],
                ['MethodDataTest', 'isolated', 'pass', null]
            ]
        );
    });

    it('fails every method of a class whose TestSetup throws, without running them', () => {
        const report = run({
            'BrokenSetupTest.cls': [
                '@IsTest',
                'private class BrokenSetupTest {',
                '    @TestSetup static void setup() {',
                "        insert new Widget__c(Code__c = 'NO NAME');",
                '    }',
                '    @IsTest static void one() { Assert.isTrue(true); }',
                '    @IsTest static void two() { Assert.isTrue(true); }',
                '}'
            ]
        });
        assert.equal(report.results.length, 2);
        for (const result of report.results) {
            assert.equal(result.outcome, 'error');
            assert.match(
                result.message ?? '',
                /^@TestSetup setup failed: System\.DmlException: Insert failed\. .*REQUIRED_FIELD_MISSING/
            );
            assert.deepEqual(result.location, { file: 'BrokenSetupTest.cls', line: 4 });
        }
    });

    it('gives the code between Test.startTest and stopTest fresh limits, then the earlier ones back', () => {
        const insert = (code: string): string =>
            `        insert new Widget__c(Name = 'w', Code__c = '${code}');`;
        const report = run(
            {
                'LimitsTest.cls': [
                    '@IsTest',
                    'private class LimitsTest {',
                    '    @IsTest static void countsPerContext() {',
                    insert('a1'),
                    insert('a2'),
                    insert('a3'),
                    '        Assert.areEqual(3, Limits.getDmlStatements());',
                    '        Test.startTest();',
                    '        Assert.areEqual(0, Limits.getDmlStatements());',
                    insert('b1'),
                    insert('b2'),
                    insert('b3'),
                    insert('b4'),
                    '        Assert.areEqual(4, Limits.getDmlStatements());',
                    '        Test.stopTest();',
                    "        Assert.areEqual(3, Limits.getDmlStatements(), 'the context before startTest is back');",
                    insert('c1'),
                    '    }',
                    '    @IsTest static void theOuterLimitStillHolds() {',
                    '        Test.startTest();',
                    '        Test.stopTest();',
                    ...['d1', 'd2', 'd3', 'd4', 'd5', 'd6'].map(insert),
                    '    }',
                    '    @IsTest static void startTestOnlyOnce() {',
                    '        Test.startTest();',
                    '        try {',
                    '            Test.startTest();',
                    "            Assert.fail('a second startTest is refused');",
                    '        } catch (FinalException e) {',
                    "            Assert.areEqual('Testing already started', e.getMessage());",
                    '        }',
                    '    }',
                    '}'
                ]
            },
            [],
            5
        );
        const results = byMethod(report);
        // 8 statements in all would break a limit of 5 without the fresh context
        assert.equal(
            results.get('countsPerContext')?.outcome,
            'pass',
            results.get('countsPerContext')?.message ?? ''
        );
        const outer = results.get('theOuterLimitStillHolds')!;
        assert.equal(outer.outcome, 'error');
        assert.equal(outer.message, 'System.LimitException: Too many DML statements: 6');
        assert.equal(outer.location?.line, 27);
        assert.equal(
            results.get('startTestOnlyOnce')?.outcome,
            'pass',
            results.get('startTestOnlyOnce')?.message ?? ''
        );
    });

    it('counts covered lines per class and org-wide, leaving out tests, interfaces and TestSetup-only code', () => {
        const report = run({ 'Pricing.cls': PRICING, 'Shape.cls': SHAPE, 'PricingTest.cls': PRICING_TEST }, [
            'PricingTest.addsTheRate'
        ]);
        assert.deepEqual(report.coverage.rows, [
            {
                kind: 'class',
                name: 'Pricing',
                file: 'Pricing.cls',
                covered: 3,
                executable: 6,
                // the throw is never reached; TestSetup's call does not count ("Using Test Setup Methods")
                uncovered: [5, 10, 13]
            }
        ]);
        assert.equal(report.coverage.covered, 3);
        assert.equal(report.coverage.executable, 6);
        assert.equal(report.coverage.percent, 50);

        const everything = run({ 'Pricing.cls': PRICING, 'PricingTest.cls': PRICING_TEST });
        assert.deepEqual(everything.coverage.rows[0].uncovered, [10, 13], 'the null path reaches the throw');
    });

    it('prints failures, the tally, the coverage table and the org-wide figure; the exit code gates', () => {
        const report = run({ 'Pricing.cls': PRICING, 'PricingTest.cls': PRICING_TEST });
        const lines = formatReport(report);
        assert.equal(lines.filter((line) => /^(FAIL|ERROR) /.test(line)).length, 3);
        assert.ok(lines.includes('2 passed, 3 failed'));
        assert.ok(
            lines.some((line) => /^Pricing +66\.6% +4\/6$/.test(line)),
            lines.join('\n')
        );
        assert.equal(lines[lines.length - 1], 'org-wide coverage 66.6% (4/6)');
        assert.equal(exitCode(report, false), 1, 'a failing test fails the run');

        const green = run({ 'Pricing.cls': PRICING, 'PricingTest.cls': PRICING_TEST }, [
            'PricingTest.addsTheRate'
        ]);
        assert.equal(exitCode(green, false), 0);
        assert.equal(exitCode(green, true), 1, '50% is below the 75% deploy rule');
    });
});
