// The runtime's own trust tests: snippets from the Apex Developer Guide's documented behaviour and the
// result the platform gives. Kept apart from Keystone's tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApexThrow, Interpreter } from '../interpreter';
import { Registry } from '../registry';
import { toApexString, typeNameForException } from '../semantics';

function fresh(...classes: string[]): Interpreter {
    const registry = new Registry();
    classes.forEach((source, i) => registry.addSource(source, `Test${i}.cls`));
    return new Interpreter(registry);
}

function run(body: string, interp = fresh()): string {
    return toApexString(interp.runSnippet(body));
}

function thrown(body: string, interp = fresh()): string {
    try {
        interp.runSnippet(body);
    } catch (error) {
        if (error instanceof ApexThrow)
            return `${typeNameForException(error.exception)}: ${String(error.exception.fields.get('message'))}`;
        throw error;
    }
    throw new Error('nothing was thrown');
}

const RESULTS: [string, string, string][] = [
    ['Integer division truncates toward zero', 'Integer a = 7; return a / 2;', '3'],
    ['negative Integer division truncates toward zero', 'Integer a = -7; return a / 2;', '-3'],
    ['Integer overflow wraps', 'Integer x = 2147483647; return x + 1;', '-2147483648'],
    ['Integer multiplication wraps', 'Integer x = 65536; return x * 65536;', '0'],
    ['Long holds what Integer cannot', 'Long x = 2147483647; return x + 1;', '2147483648'],
    [
        'Long overflow wraps at 64 bits',
        'Long x = 9223372036854775807L; return x + 1;',
        '-9223372036854775808'
    ],
    ['a Decimal declared from an Integer divides exactly', 'Decimal d = 10; return d / 4;', '2.5'],
    ['Decimal keeps the scale of its literal', 'Decimal d = 1.50; return d;', '1.50'],
    ['Decimal addition takes the larger scale', 'return 1.5 + 2.25;', '3.75'],
    ['setScale pads with zeros', 'Decimal d = 5; return d.setScale(2);', '5.00'],
    ['setScale rounds half up by default', 'Decimal d = 2.345; return d.setScale(2);', '2.35'],
    ['Decimal.round rounds half even', 'Decimal d = 2.5; return d.round();', '2'],
    ['Math.round of a Decimal is half even', 'return Math.round(3.5);', '4'],
    ['Math.min keeps the wider type', 'return Math.min(2, 3.5);', '2'],
    ['Math.max of Integers', 'return Math.max(2, 3);', '3'],
    ['Math.abs', 'return Math.abs(-4);', '4'],
    ['Math.mod', 'return Math.mod(7, 3);', '1'],
    ['a Double prints with a fraction', 'Double d = 5; return d;', '5.0'],
    ['null + a string concatenates "null"', "String s; return s + 'a';", 'nulla'],
    ['a string + null concatenates "null"', "return 'a' + null;", 'anull'],
    ['a number + a string concatenates', "return 1 + 'a';", '1a'],
    ['== on Strings ignores case', "return 'Hello' == 'hello';", 'true'],
    ['equals on Strings respects case', "return 'Hello'.equals('hello');", 'false'],
    ['< on Strings ignores case', "return 'a' < 'B';", 'true'],
    ['a null Integer compared with < is false', 'Integer x; return x < 5;', 'false'],
    ['null == null', 'Object a; Object b; return a == b;', 'true'],
    ['String.isBlank of whitespace', "return String.isBlank('  ');", 'true'],
    ['String.isBlank of null', 'return String.isBlank(null);', 'true'],
    ['String.join', "return String.join(new List<String>{'a', 'b', 'c'}, ', ');", 'a, b, c'],
    ['String.format', "return String.format('{0} of {1}', new List<Object>{1, 'two'});", '1 of two'],
    ['String.escapeSingleQuotes', "return String.escapeSingleQuotes('it\\'s');", "it\\'s"],
    ['String.valueOf of a Date', 'return String.valueOf(Date.newInstance(2026, 3, 4));', '2026-03-04'],
    ['String.valueOf of null is null', 'return String.valueOf(null) == null;', 'true'],
    ['toLowerCase', "return 'AbC'.toLowerCase();", 'abc'],
    ['contains', "return 'keystone'.contains('stone');", 'true'],
    ['split drops trailing empty strings', "return 'a,b,,'.split(',');", '(a, b)'],
    ['substring', "return 'keystone'.substring(3, 6);", 'sto'],
    ['startsWith', "return 'keystone'.startsWith('key');", 'true'],
    ['trim', "return '  x  '.trim();", 'x'],
    ['Integer.valueOf of a String', "return Integer.valueOf('42') + 1;", '43'],
    ['Date.addDays across a month', 'return Date.newInstance(2026, 1, 30).addDays(3);', '2026-02-02'],
    [
        'Date.addMonths clamps to the month end',
        'return Date.newInstance(2024, 1, 31).addMonths(1);',
        '2024-02-29'
    ],
    [
        'Date.daysBetween',
        'return Date.newInstance(2026, 1, 1).daysBetween(Date.newInstance(2026, 3, 1));',
        '59'
    ],
    [
        'Date parts',
        "Date d = Date.newInstance(2026, 11, 22); return d.year() + '-' + d.month() + '-' + d.day();",
        '2026-11-22'
    ],
    ['Date.valueOf', "return Date.valueOf('2026-11-22').addYears(1);", '2027-11-22'],
    ['Dates compare', 'return Date.newInstance(2026, 1, 1) < Date.newInstance(2026, 1, 2);', 'true'],
    [
        'a List keeps its order',
        'List<Integer> l = new List<Integer>{3, 1, 2}; l.add(0); return l;',
        '(3, 1, 2, 0)'
    ],
    [
        'List.sort sorts ascending',
        "List<String> l = new List<String>{'b', 'a', 'c'}; l.sort(); return l;",
        '(a, b, c)'
    ],
    [
        'a Set iterates in insertion order (our choice)',
        "Set<String> s = new Set<String>{'b', 'a'}; s.add('c'); s.add('b'); return s;",
        '{b, a, c}'
    ],
    ['Set members are case-sensitive', "Set<String> s = new Set<String>{'A', 'a'}; return s.size();", '2'],
    [
        'a Map iterates in insertion order (our choice)',
        "Map<String, Integer> m = new Map<String, Integer>{'b' => 1}; m.put('a', 2); m.put('b', 3); return m;",
        '{b=3, a=2}'
    ],
    [
        'Map keys are case-sensitive',
        "Map<String, Integer> m = new Map<String, Integer>{'A' => 1}; return m.get('a');",
        'null'
    ],
    [
        'Map.keySet and values',
        "Map<String, Integer> m = new Map<String, Integer>{'x' => 1, 'y' => 2}; return m.keySet() + ' ' + m.values();",
        '{x, y} (1, 2)'
    ],
    [
        'for loop and continue/break',
        'Integer sum = 0; for (Integer i = 0; i < 10; i++) { if (i == 2) continue; if (i == 5) break; sum += i; } return sum;',
        '8'
    ],
    [
        'while and do-while',
        'Integer i = 0; while (i < 3) { i++; } do { i += 10; } while (i < 5); return i;',
        '13'
    ],
    [
        'for-each over a Set',
        "Integer n = 0; for (String s : new Set<String>{'a', 'b'}) { n++; } return n;",
        '2'
    ],
    ['ternary and ??', 'Integer x; return (x == null ? 1 : 2) + (x ?? 40);', '41'],
    ['null-safe navigation', 'String s; return s?.length();', 'null'],
    ['instanceof', "Object o = 'x'; return o instanceof String;", 'true'],
    [
        'switch on Integer',
        "switch on 2 { when 1 { return 'one'; } when 2, 3 { return 'two or three'; } when else { return 'other'; } }",
        'two or three'
    ],
    [
        'switch on null',
        "Integer x; switch on x { when null { return 'none'; } when else { return 'some'; } }",
        'none'
    ],
    [
        'switch on a String is case-sensitive',
        "switch on 'A' { when 'a' { return 'lower'; } when else { return 'else'; } }",
        'else'
    ],
    [
        'JSON.serialize of a map and list',
        "return JSON.serialize(new Map<String, Object>{'a' => new List<Integer>{1, 2}, 'b' => null, 'c' => 1.5});",
        '{"a":[1,2],"b":null,"c":1.5}'
    ],
    [
        'JSON.deserializeUntyped',
        'Map<String, Object> m = (Map<String, Object>) JSON.deserializeUntyped(\'{"n": 2, "l": [true]}\'); return (Integer) m.get(\'n\') + 1;',
        '3'
    ],
    [
        'JSON.deserialize into a typed list',
        "List<Integer> l = (List<Integer>) JSON.deserialize('[1, 2]', List<Integer>.class); return l[1] + 1;",
        '3'
    ],
    ['Assert.areEqual passes on equal values', "Assert.areEqual(2, 1 + 1); return 'ok';", 'ok'],
    ['System.debug is a no-op', "System.debug('x'); return 'ok';", 'ok'],
    ['System.TriggerOperation', 'return System.TriggerOperation.BEFORE_UPDATE;', 'BEFORE_UPDATE'],
    [
        'try/finally runs finally',
        "String log = ''; try { log += 'try'; } finally { log += '+finally'; } return log;",
        'try+finally'
    ],
    [
        'finally runs after a catch',
        "String log = ''; try { Integer x; x++; } catch (Exception e) { log += 'catch'; } finally { log += '+finally'; } return log;",
        'catch+finally'
    ]
];

for (const [name, body, expected] of RESULTS) {
    test(`Apex: ${name}`, () => assert.equal(run(body), expected));
}

const THROWS: [string, string, string][] = [
    [
        'null Integer arithmetic throws NullPointerException',
        'Integer x; return x + 1;',
        'System.NullPointerException: Attempt to de-reference a null object'
    ],
    [
        'a method on null throws NullPointerException',
        'String s; return s.length();',
        'System.NullPointerException: Attempt to de-reference a null object'
    ],
    [
        'list index out of bounds throws ListException',
        'List<Integer> l = new List<Integer>(); return l[0];',
        'System.ListException: List index out of bounds: 0'
    ],
    [
        'Integer division by zero throws MathException',
        'Integer x = 0; return 1 / x;',
        'System.MathException: Divide by 0'
    ],
    [
        'Decimal division by zero throws MathException',
        'Decimal x = 0; return 1.5 / x;',
        'System.MathException: Divide by 0'
    ],
    [
        'a bad cast throws TypeException',
        "Object o = 'x'; return (Integer) o;",
        'System.TypeException: Invalid conversion from runtime type String to Integer'
    ],
    [
        'Integer.valueOf of text throws TypeException',
        "return Integer.valueOf('x');",
        'System.TypeException: Invalid integer: x'
    ],
    [
        'Assert.areEqual fails with expected and actual',
        'Assert.areEqual(1, 2); return null;',
        'System.AssertException: Assertion Failed: Expected: 1, Actual: 2'
    ],
    [
        'Assert.areEqual fails with the message first',
        "Assert.areEqual(1, 2, 'count'); return null;",
        'System.AssertException: Assertion Failed: count: Expected: 1, Actual: 2'
    ],
    [
        'System.assert fails with its message',
        "System.assert(false, 'boom'); return null;",
        'System.AssertException: Assertion Failed: boom'
    ],
    [
        'Assert.fail fails with its message',
        "Assert.fail('never'); return null;",
        'System.AssertException: Assertion Failed: never'
    ],
    [
        'Assert.isNull fails on a value',
        'Assert.isNull(1); return null;',
        'System.AssertException: Assertion Failed: Expected: null, Actual: 1'
    ],
    [
        'an uncaught exception leaves the catch of another type',
        'try { Integer x; x++; } catch (ListException e) { return null; } return null;',
        'System.NullPointerException: Attempt to de-reference a null object'
    ]
];

for (const [name, body, expected] of THROWS) {
    test(`Apex: ${name}`, () => assert.equal(thrown(body), expected));
}

test('Apex: classes — inheritance, virtual/abstract/override, super, this(...), properties, statics, inner types', () => {
    const interp = fresh(
        `public abstract class Shape {
            public static Integer created = 0;
            public String label { get; private set; }
            protected Shape(String label) { this.label = label; created++; }
            public abstract Decimal area();
            public virtual String describe() { return label + ' ' + area(); }
        }`,
        `public class Rect extends Shape {
            public enum Kind { SQUARE, OBLONG }
            private Decimal w; private Decimal h;
            public Rect(Decimal side) { this(side, side); }
            public Rect(Decimal w, Decimal h) { super('rect'); this.w = w; this.h = h; }
            public override Decimal area() { return w * h; }
            public override String describe() { return super.describe() + ' ' + kind().name(); }
            public Kind kind() { return w == h ? Kind.SQUARE : Kind.OBLONG; }
            public Integer twice { get { return twice == null ? 0 : twice * 2; } set { twice = value; } }
        }`
    );
    assert.equal(run('Rect r = new Rect(2); return r.describe();', interp), 'rect 4 SQUARE');
    assert.equal(
        run(
            "Rect r = new Rect(2, 3); r.twice = 5; return r.twice + ' ' + r.kind().ordinal() + ' ' + Rect.Kind.values();",
            interp
        ),
        '10 1 (SQUARE, OBLONG)'
    );
    // statics live once per transaction: three constructions so far across the two snippets
    assert.equal(run('new Rect(1); return Shape.created;', interp), '3');
    assert.equal(
        run("Shape s = new Rect(1, 2); return ((Rect) s).kind() + ' ' + (s instanceof Rect);", interp),
        'OBLONG true'
    );
});

test('Apex: custom exceptions — message, cause, type name, setMessage, catch by superclass', () => {
    const interp = fresh(
        `public class Service {
            public class PlanException extends Exception {}
            public static String attempt() {
                try {
                    try { Integer x; x++; } catch (NullPointerException e) { throw new PlanException('no plan', e); }
                } catch (Exception e) {
                    e.setMessage(e.getMessage() + '!');
                    return e.getTypeName() + ': ' + e.getMessage() + ' / ' + e.getCause().getTypeName();
                }
                return null;
            }
        }`
    );
    assert.equal(
        run('return Service.attempt();', interp),
        'Service.PlanException: no plan! / System.NullPointerException'
    );
    assert.equal(thrown("throw new Service.PlanException('loud');", interp), 'Service.PlanException: loud');
});

test('Apex: identifiers are case-insensitive', () => {
    const interp = fresh(
        'public class Counter { public static Integer TOTAL = 1; public static Integer next() { total += 1; return TOTAL; } }'
    );
    assert.equal(run('INTEGER Value = counter.NEXT(); return VALUE + COUNTER.total;', interp), '4');
});

test('Apex: anything outside the subset fails loudly with file and line', () => {
    const interp = fresh(`public class Reader {
        public static Object read() {
            return [SELECT Id FROM Account];
        }
    }`);
    assert.throws(
        () => interp.callStatic('Reader', 'read'),
        /^Error: unsupported: SOQL query at Test0\.cls:3$/
    );
    assert.throws(
        () => run('Integer x = 1; return x << 2;'),
        /unsupported: bitwise operator at Snippet\d+\.cls:1/
    );
});

test('Apex: static initialisation runs once per transaction, and again in a new one', () => {
    const source = `public class Config {
        public static Integer loads = 0;
        public static final List<String> NAMES;
        static { loads++; NAMES = new List<String>{ 'a' }; }
        public static Integer touch() { NAMES.add('b'); return loads * 10 + NAMES.size(); }
    }`;
    const first = fresh(source);
    assert.equal(run('Config.touch(); return Config.touch();', first), '13');
    const second = new Interpreter(first.registry);
    assert.equal(run('return Config.touch();', second), '12');
});

test('Apex: interfaces dispatch to the implementing class, and an inner class sees its siblings', () => {
    const interp = fresh(`public class Rules {
        public interface Rule { Boolean allows(Integer n); }
        public class Positive implements Rule { public Boolean allows(Integer n) { return n > 0; } }
        public class Even implements Rule { public Boolean allows(Integer n) { return Math.mod(n, 2) == 0; } }
        public class All implements Rule {
            private List<Rule> rules = new List<Rule>{ new Positive(), new Even() };
            public Boolean allows(Integer n) {
                for (Rule rule : rules) { if (!rule.allows(n)) { return false; } }
                return true;
            }
        }
    }`);
    assert.equal(
        run(
            "Rules.Rule r = new Rules.All(); return r.allows(4) + ' ' + r.allows(3) + ' ' + r.allows(-2);",
            interp
        ),
        'true false false'
    );
    assert.equal(run('Object r = new Rules.Even(); return r instanceof Rules.Rule;', interp), 'true');
});
