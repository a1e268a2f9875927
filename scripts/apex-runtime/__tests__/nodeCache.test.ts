// The per-node memos keep what a node says, never what it evaluated to: the same parse nodes run again with
// other values give other answers, across calls and across transactions over one registry.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Interpreter } from '../interpreter';
import { Registry } from '../registry';
import { toApexString } from '../semantics';
import { ApexNumber } from '../values';

const SOURCE = `public class Shapes {
    public class Box { public Integer size; public Box(Integer size) { this.size = size; } }
    public static String describe(Integer n) {
        List<String> out = new List<String>();
        for (Integer i = 0; i < n; i++) {
            Integer twice = i * 2;
            Box b = new Box(twice);
            b.size += 1;
            if (b.size <= 3) out.add('small' + b.size); else out.add('big' + b.size);
        }
        String label = n >= 2 ? 'many' : 'few';
        return label + ':' + String.join(out, ',');
    }
}`;

test('the same parse nodes give each call its own values', () => {
    const registry = new Registry();
    registry.addSource(SOURCE, 'Shapes.cls');
    const first = new Interpreter(registry);
    assert.equal(toApexString(first.callStatic('Shapes', 'describe', [ApexNumber.int(0)])), 'few:');
    assert.equal(toApexString(first.callStatic('Shapes', 'describe', [ApexNumber.int(1)])), 'few:small1');
    assert.equal(
        toApexString(first.callStatic('Shapes', 'describe', [ApexNumber.int(3)])),
        'many:small1,small3,big5'
    );
    // a second transaction over the same registry reads the memos the first one filled
    const second = new Interpreter(registry);
    assert.equal(
        toApexString(second.callStatic('Shapes', 'describe', [ApexNumber.int(2)])),
        'many:small1,small3'
    );
});

test('a literal decoded once stays its own value: a list built from it is not shared', () => {
    const registry = new Registry();
    registry.addSource(
        `public class Lits { public static String run() { List<String> a = new List<String>{ 'x' }; a.add('y'); return String.join(a, ''); } }`,
        'Lits.cls'
    );
    const apex = new Interpreter(registry);
    assert.equal(toApexString(apex.callStatic('Lits', 'run')), 'xy');
    assert.equal(toApexString(apex.callStatic('Lits', 'run')), 'xy');
});
