// Reporting lines stay a tree in the preview as in an org: any save of a new manager (not only the org
// chart's move) that would close a loop is refused with the Apex trigger action's words, following the
// shared vectors; and an admin's Keystone Trigger Setting switches the action off.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DATA_DIR, FORCE_APP } from '../../lib/project';
import { installBehaviours, REPORTING_LINE_MESSAGES, triggerSettings } from '../emulator/behaviours';
import { createOrg } from '../server';

interface MoveVector {
    case: string;
    lines: Record<string, string | null>;
    contact: string;
    newManager: string | null;
    expected: string | null;
}
const VECTORS = (
    JSON.parse(
        fs.readFileSync(path.join(FORCE_APP, 'staticresources', 'KeystoneRuleVectors.json'), 'utf8')
    ) as {
        reportingLineMove: MoveVector[];
    }
).reportingLineMove;

const org = (): ReturnType<typeof createOrg>['org'] => createOrg(DATA_DIR, '2026-11-22').org;
const accountNamed = (store: ReturnType<typeof org>, name: string): string =>
    store.all('Account').find((account) => account.Name === name)!.Id;

describe('reporting lines: shared rule vectors through a plain save', () => {
    it('has cases', () => assert.ok(VECTORS.length > 8));
    for (const vector of VECTORS) {
        it(vector.case, () => {
            const store = org();
            const account = accountNamed(store, 'Globex Industries');
            const elsewhere = accountNamed(store, 'Meridian Bank');
            const ids = new Map<string, string>();
            for (const person of Object.keys(vector.lines))
                ids.set(person, store.insert('Contact', { AccountId: account, LastName: person }));
            ids.set('stranger', store.insert('Contact', { AccountId: elsewhere, LastName: 'stranger' }));
            // a loop already in the data is set up with the action off, as a data load would
            installBehaviours(store, {}, { Reporting_Line: false });
            for (const [person, manager] of Object.entries(vector.lines))
                store.update(ids.get(person)!, { ReportsToId: manager === null ? null : ids.get(manager)! });
            installBehaviours(store, {});

            const save = (): void =>
                store.update(ids.get(vector.contact)!, {
                    ReportsToId: vector.newManager === null ? null : ids.get(vector.newManager)!
                });
            // account-scoped refusals belong to the org chart's move call; any other save may name a
            // manager in another account, so only loops are refused
            if (vector.expected === 'self' || vector.expected === 'cycle') {
                const before = store.get(ids.get(vector.contact)!)!.ReportsToId ?? null;
                assert.throws(save, { message: REPORTING_LINE_MESSAGES[vector.expected] });
                assert.equal(
                    store.get(ids.get(vector.contact)!)!.ReportsToId ?? null,
                    before,
                    'nothing changed'
                );
            } else {
                save();
            }
        });
    }
});

describe('the reporting-line action', () => {
    it('ships switched on, with every action named in the settings', () => {
        assert.deepEqual(triggerSettings(), {
            Buying_Center_Name: true,
            Health_Score: true,
            Plan_Status: true,
            Reporting_Line: true,
            Stance_Change: true,
            Unique_Key: true
        });
    });

    it('refuses a loop on the demo data, and lets it through when an admin switched it off', () => {
        const store = org();
        const contacts = store.all('Contact').filter((contact) => contact.ReportsToId);
        const report = contacts[0]!;
        const manager = String(report.ReportsToId);
        assert.throws(() => store.update(manager, { ReportsToId: report.Id }), {
            message: REPORTING_LINE_MESSAGES.cycle
        });
        installBehaviours(store, {}, { ...triggerSettings(), Reporting_Line: false });
        store.update(manager, { ReportsToId: report.Id });
        assert.equal(store.get(manager)!.ReportsToId, report.Id);
    });

    it('a switched-off stance trend records no observation', () => {
        const store = org();
        installBehaviours(store, {}, { Stance_Change: false });
        const person = store.all('Contact')[0]!;
        const before = store.all('Stance_Observation__c').length;
        store.update(person.Id, { Stance__c: person.Stance__c === 'Champion' ? 'Blocker' : 'Champion' });
        assert.equal(store.all('Stance_Observation__c').length, before);
    });
});
