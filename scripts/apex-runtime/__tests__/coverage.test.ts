// Coverage counts the lines the platform counts: statements (once however many lines they span) and field
// initialisers, never braces, declarations, comments or System.debug, and never test classes.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { FORCE_APP } from '../../lib/project';
import { Registry } from '../registry';
import { CoverageRecorder, executableLines, isTestClass } from '../coverage';

const SOURCE = [
    'public with sharing class Sample {', // 1
    '    private static Integer count = 0;', // 2 counts: initialiser
    '    private String name;', // 3 declaration only
    '    public Integer total { get { return count; } }', // 4 the getter's return
    '    public Sample(String name) {', // 5
    '        this.name = name;', // 6
    '    }', // 7
    '    public Integer add(Integer a,', // 8
    '                       Integer b) {', // 9
    '        // a comment', // 10
    "        System.debug('not counted');", // 11
    '        if (a > b) {', // 12
    '            return a', // 13
    '                + b;', // 14 (part of line 13's statement)
    '        } else {', // 15
    '            count++;', // 16
    '        }', // 17
    '        return b;', // 18
    '    }', // 19
    '    public class Inner {', // 20
    '        public void run() { Integer x = 1; }', // 21
    '    }', // 22
    '}' // 23
].join('\n');

describe('executable lines', () => {
    const registry = new Registry();
    const sample = registry.addSource(SOURCE, 'Sample.cls');

    it('are statements, field initialisers and accessor bodies, in this class and its inner classes', () => {
        assert.deepEqual(
            [...executableLines(sample)].sort((a, b) => a - b),
            [2, 4, 6, 12, 13, 16, 18, 21]
        );
    });

    it('report covered and uncovered lines per class and for the org', () => {
        const recorder = new CoverageRecorder();
        for (const line of [2, 6, 12, 13]) recorder.hit('Sample.cls', line);
        const report = recorder.report(registry);
        assert.deepEqual(report.classes, [
            { name: 'Sample', file: 'Sample.cls', covered: 4, executable: 8, uncovered: [4, 16, 18, 21] }
        ]);
        assert.equal(report.percent, 50);
    });

    it('leave test classes out', () => {
        const tests = new Registry();
        tests.addSource(
            '@IsTest\nprivate class SampleTest {\n  @IsTest static void t() { Integer a = 1; }\n}',
            'SampleTest.cls'
        );
        assert.ok(isTestClass(tests.classes.get('sampletest')!));
        assert.deepEqual(new CoverageRecorder().report(tests).classes, []);
    });

    it('find executable lines in every Keystone class that is not a test', () => {
        const keystone = new Registry();
        keystone.loadFolder(path.join(FORCE_APP, 'classes'));
        const report = new CoverageRecorder().report(keystone);
        assert.ok(report.classes.length > 20, `${report.classes.length} classes measured`);
        assert.ok(
            report.classes.every((c) => !/Test$/.test(c.name)),
            'no test class measured'
        );
        assert.ok(report.executable > 500, `${report.executable} executable lines`);
        assert.equal(report.covered, 0);
    });
});
