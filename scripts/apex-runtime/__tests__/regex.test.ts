// Pattern, Matcher and custom labels as the Apex Developer Guide documents them: find walks the matches,
// matches needs the whole text, group(n) reads a group, a group before a match throws, (?i) ignores case.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApexThrow, Interpreter } from '../interpreter';
import { Registry } from '../registry';
import { toApexString, typeNameForException } from '../semantics';
import { readLabels } from '../../lib/labels';
import { FORCE_APP } from '../../lib/project';

function run(body: string): string {
    return toApexString(new Interpreter(new Registry()).runSnippet(body));
}

function thrown(body: string): string {
    try {
        new Interpreter(new Registry()).runSnippet(body);
    } catch (error) {
        if (error instanceof ApexThrow)
            return `${typeNameForException(error.exception)}: ${String(error.exception.fields.get('message'))}`;
        throw error;
    }
    throw new Error('nothing was thrown');
}

const CASES: [string, string, string][] = [
    [
        'find walks each match',
        "Matcher m = Pattern.compile('a(\\\\d)').matcher('a1 b a2'); List<String> out = new List<String>(); while (m.find()) out.add(m.group(1)); return String.join(out, ',');",
        '1,2'
    ],
    [
        'group() is the whole match',
        "Matcher m = Pattern.compile('KS-[0-9A-F]{4}').matcher('ref KS-0A1B here'); m.find(); return m.group();",
        'KS-0A1B'
    ],
    [
        'matches needs the whole text',
        "return Pattern.compile('a+').matcher('aaa').matches() + ',' + Pattern.compile('a+').matcher('aab').matches();",
        'true,false'
    ],
    [
        '(?i) ignores case',
        "Matcher m = Pattern.compile('(?i)no such column \\'(\\\\w+)\\'').matcher('No Such Column \\'Stance__c\\' on entity'); return m.find() + ':' + m.group(1);",
        'true:Stance__c'
    ],
    [
        'Pattern.matches',
        "return Pattern.matches('[0-9]+', '123') + ',' + Pattern.matches('[0-9]+', '12a');",
        'true,false'
    ],
    ['no match: find is false', "return Pattern.compile('z').matcher('abc').find();", 'false'],
    [
        'start and end',
        "Matcher m = Pattern.compile('b+').matcher('abbc'); m.find(); return m.start() + '-' + m.end();",
        '1-3'
    ]
];

for (const [name, body, expected] of CASES) test(`regex: ${name}`, () => assert.equal(run(body), expected));

test('regex: group before a match throws', () => {
    assert.equal(
        thrown("Matcher m = Pattern.compile('a').matcher('b'); return m.group();"),
        'System.StringException: No match found'
    );
});

test('regex: a Java-only construct fails loudly', () => {
    assert.throws(
        () => run("return Pattern.compile('\\\\Aa').matcher('a').find();"),
        /unsupported: regex construct \\A/
    );
});

test('labels: Label.X and System.Label.X read the force-app label, any case', () => {
    const [name, value] = Object.entries(readLabels(FORCE_APP))[0]!;
    assert.equal(run(`return System.Label.${name};`), value);
    assert.equal(run(`return Label.${name.toLowerCase()};`), value);
    assert.throws(() => run('return System.Label.No_Such_Label_Here;'), /would not compile: no custom label/);
});
