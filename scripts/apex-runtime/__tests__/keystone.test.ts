// Keystone's own Apex in the runtime: every class loads, and the pure rules give the shared vectors' answers.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { Interpreter } from '../interpreter';
import { Registry } from '../registry';
import { ApexList, ApexMap, ApexSet, Value } from '../values';
import { simpleType } from '../registry';
import { keyOf } from '../semantics';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLASSES = path.join(ROOT, 'force-app', 'main', 'default', 'classes');
const VECTORS = JSON.parse(
    fs.readFileSync(
        path.join(ROOT, 'force-app', 'main', 'default', 'staticresources', 'KeystoneRuleVectors.json'),
        'utf8'
    )
) as {
    buyingCenterName: {
        case: string;
        existing: { account: string; parent: string | null; name: string }[];
        saving: { account: string; parent: string | null; name: string }[];
        refused: number[];
        messages: string[];
    }[];
    planStatusTransition: { from: string; to: string; allowed: boolean }[];
    reportingLineMove: {
        case: string;
        lines: Record<string, string | null>;
        contact: string;
        newManager: string | null;
        expected: string | null;
    }[];
};

const registry = new Registry();
const loaded = registry.loadFolder(CLASSES);

function countFiles(dir: string): number {
    return fs
        .readdirSync(dir, { withFileTypes: true })
        .reduce(
            (sum, entry) =>
                sum +
                (entry.isDirectory()
                    ? countFiles(path.join(dir, entry.name))
                    : entry.name.endsWith('.cls')
                      ? 1
                      : 0),
            0
        );
}

test('every Keystone class loads into the registry', () => {
    assert.equal(loaded, countFiles(CLASSES));
    assert.ok(registry.classes.has('buyingcenternametriggeraction'));
    // the registry links superclasses and interfaces it can see: each class resolves them without error
    const interp = new Interpreter(registry);
    for (const cls of registry.classes.values()) {
        interp.superOf(cls);
        interp.interfacesOf(cls);
    }
});

function stringSet(items: string[]): ApexSet {
    const set = new ApexSet(simpleType('String'));
    const ids = new WeakMap<object, number>();
    for (const item of items) set.entries.set(keyOf(item, ids), item);
    return set;
}

for (const vector of VECTORS.buyingCenterName) {
    test(`BuyingCenterNameTriggerAction (Apex, interpreted): ${vector.case}`, () => {
        const interp = new Interpreter(registry);
        const key = (row: { account: string; parent: string | null; name: string }): Value =>
            interp.callStatic('BuyingCenterNameTriggerAction', 'siblingKey', [
                row.account,
                row.parent,
                row.name
            ]);
        const existing = vector.existing.map(key).filter((value): value is string => value !== null);
        const saving = new ApexList(simpleType('String'), vector.saving.map(key));
        const refused = interp.callStatic('BuyingCenterNameTriggerAction', 'refusedIndexes', [
            stringSet(existing),
            saving
        ]);
        assert.ok(refused instanceof ApexSet);
        const indexes = [...refused.entries.values()].map((value) => Number(String(value)));
        assert.deepEqual(indexes, vector.refused);
        const messages = indexes.map((index) =>
            interp.callStatic('BuyingCenterNameTriggerAction', 'duplicateMessage', [
                vector.saving[index].name
            ])
        );
        assert.deepEqual(messages, vector.messages);
    });
}

test('DataIntegrityService.isPlanStatusChangeAllowed (Apex, interpreted) gives every planStatusTransition vector', () => {
    const interp = new Interpreter(registry);
    for (const vector of VECTORS.planStatusTransition) {
        assert.equal(
            interp.callStatic('DataIntegrityService', 'isPlanStatusChangeAllowed', [vector.from, vector.to]),
            vector.allowed,
            `${vector.from} → ${vector.to}`
        );
    }
});

// StakeholderService's static initialiser names SObject fields (Contact.Stance__c), which come with the
// next increment (Schema tokens): until then the whole class refuses loudly, never half-initialised.
test('StakeholderService.moveRefusal refuses loudly until Schema tokens exist, at the line that needs them', () => {
    const interp = new Interpreter(registry);
    const managerOf = new ApexMap(simpleType('String'), simpleType('String'));
    assert.throws(
        () => interp.callStatic('StakeholderService', 'moveRefusal', [managerOf, 'a', null]),
        /^Error: unsupported: name contact at StakeholderService\.cls:15$/
    );
    assert.equal(VECTORS.reportingLineMove.length > 0, true);
});
