// Reporting lines stay a tree in the preview as in an org: any save of a new manager (not only the org
// chart's move) — here a record-form save through the UI API as the preview's rep — that would close a
// loop is refused by ReportingLineTriggerAction, following the shared vectors.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FORCE_APP } from '../../lib/project';
import { saveAsUser } from '../apex/previewOrg';
import type { OrgStore } from '../emulator/store';
import { demoOrg } from './demoOrg';

/** ReportingLineTriggerAction.SELF_MESSAGE and LOOP_MESSAGE, word for word. */
const REPORTING_LINE_MESSAGES = {
    self: 'Nobody can report to themselves.',
    cycle: 'That change would make a reporting loop: the new manager already reports, directly or not, to this person.'
} as const;

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

const accountNamed = (store: OrgStore, name: string): string =>
    store.all('Account').find((account) => account.Name === name)!.Id;

describe('reporting lines: shared rule vectors through a plain save', () => {
    it('has cases', () => assert.ok(VECTORS.length > 8));
    for (const vector of VECTORS) {
        it(vector.case, () => {
            const { org: store, context } = demoOrg('2026-11-22');
            const account = accountNamed(store, 'Globex Industries');
            const elsewhere = accountNamed(store, 'Meridian Bank');
            const ids = new Map<string, string>();
            for (const person of Object.keys(vector.lines))
                ids.set(person, store.insert('Contact', { AccountId: account, LastName: person }));
            ids.set('stranger', store.insert('Contact', { AccountId: elsewhere, LastName: 'stranger' }));
            // the lines already in the org (a loop among them too) are written past the triggers, as data
            // loaded with the action switched off would be
            for (const [person, manager] of Object.entries(vector.lines))
                store.update(ids.get(person)!, { ReportsToId: manager === null ? null : ids.get(manager)! });

            const save = (): void => {
                saveAsUser(context.org, context.registry, context.userId, 'update', 'Contact', {
                    Id: ids.get(vector.contact)!,
                    ReportsToId: vector.newManager === null ? null : ids.get(vector.newManager)!
                });
            };
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
    it('refuses a loop on the demo data, saving nothing', () => {
        const { org: store, context } = demoOrg('2026-11-22');
        const report = store.all('Contact').find((contact) => contact.ReportsToId)!;
        const manager = String(report.ReportsToId);
        const before = store.get(manager)!.ReportsToId ?? null;
        assert.throws(
            () =>
                saveAsUser(context.org, context.registry, context.userId, 'update', 'Contact', {
                    Id: manager,
                    ReportsToId: report.Id
                }),
            { message: REPORTING_LINE_MESSAGES.cycle }
        );
        assert.equal(store.get(manager)!.ReportsToId ?? null, before);
    });

    it('a stance changed in a record form records an observation (the stance trend runs too)', () => {
        const { org: store, context } = demoOrg('2026-11-22');
        const person = store.all('Contact').find((contact) => contact.Stance__c === 'Neutral')!;
        const before = store
            .all('Stance_Observation__c')
            .filter((row) => row.Contact__c === person.Id).length;
        saveAsUser(context.org, context.registry, context.userId, 'update', 'Contact', {
            Id: person.Id,
            Stance__c: 'Champion'
        });
        const after = store.all('Stance_Observation__c').filter((row) => row.Contact__c === person.Id);
        assert.equal(after.length, before + 1);
        assert.equal(after[after.length - 1]!.Stance__c, 'Champion');
    });
});
