// Each trigger fires on exactly the events its actions declare (handledEvents): an event an action
// declares but its trigger does not fire would never run, and an event the trigger fires that no action
// handles is a wasted trigger call on every save. No org runs here, so the Apex sources are read.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FORCE_APP } from '../project';

const CLASSES = path.join(FORCE_APP, 'classes');
const TRIGGERS = path.join(FORCE_APP, 'triggers');

function read(file: string): string {
    return fs.readFileSync(file, 'utf8');
}

/** `before insert, after update` → BEFORE_INSERT, AFTER_UPDATE. */
function triggerEvents(source: string): { object: string; events: Set<string> } {
    const match = /trigger\s+\w+\s+on\s+(\w+)\s*\(([^)]*)\)/i.exec(source);
    assert.ok(match, 'a trigger header');
    const events = match[2]!
        .split(',')
        .map((event) => event.trim().replace(/\s+/g, '_').toUpperCase())
        .filter(Boolean);
    return { object: match[1]!, events: new Set(events) };
}

/** The events an action's handledEvents() returns. */
function declaredEvents(className: string): Set<string> {
    const source = read(path.join(CLASSES, 'domain', `${className}.cls`));
    const body = /handledEvents\s*\(\s*\)\s*\{([\s\S]*?)\n {4}\}/.exec(source);
    assert.ok(body, `${className} declares handledEvents()`);
    return new Set([...body[1]!.matchAll(/TriggerOperation\.(\w+)/g)].map((match) => match[1]!));
}

/** Object → the action classes KeystoneTriggerService runs for it. */
function dispatched(): Map<string, string[]> {
    const source = read(path.join(CLASSES, 'domain', 'KeystoneTriggerService.cls'));
    const map = new Map<string, string[]>();
    for (const entry of source.matchAll(
        /(\w+)\.SObjectType\s*=>\s*new List<KeystoneTriggerAction>\{([^}]*)\}/g
    ))
        map.set(
            entry[1]!,
            [...entry[2]!.matchAll(/new\s+(\w+)\s*\(/g)].map((match) => match[1]!)
        );
    return map;
}

const triggers = fs
    .readdirSync(TRIGGERS)
    .filter((file) => file.endsWith('.trigger'))
    .map((file) => ({ file, ...triggerEvents(read(path.join(TRIGGERS, file))) }));
const actions = dispatched();
// A platform event's subscriber trigger is not a save: it fires after insert only and runs as the
// Automated Process user, so it calls its service directly instead of the save-time action framework.
const saveTriggers = triggers.filter((trigger) => !trigger.object.endsWith('__e'));
const eventTriggers = triggers.filter((trigger) => trigger.object.endsWith('__e'));

describe('trigger events', () => {
    it('reads every trigger and the dispatch table', () => {
        assert.ok(triggers.length >= 6, 'the triggers');
        assert.deepEqual(
            saveTriggers.map((trigger) => trigger.object).sort(),
            [...actions.keys()].sort(),
            'every dispatched object has its trigger'
        );
    });

    for (const trigger of eventTriggers) {
        it(`${trigger.file} subscribes to its platform event after insert only`, () => {
            assert.deepEqual([...trigger.events], ['AFTER_INSERT']);
        });
    }

    for (const trigger of saveTriggers) {
        it(`${trigger.file} fires exactly the events its actions handle`, () => {
            const handled = new Set<string>();
            for (const action of actions.get(trigger.object) ?? []) {
                for (const event of declaredEvents(action)) {
                    assert.ok(
                        trigger.events.has(event),
                        `${action} handles ${event} on ${trigger.object}, which ${trigger.file} does not fire`
                    );
                    handled.add(event);
                }
            }
            assert.deepEqual([...trigger.events].sort(), [...handled].sort(), 'no event fires for nothing');
        });
    }
});
