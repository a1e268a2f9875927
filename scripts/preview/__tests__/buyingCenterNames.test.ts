// Sibling buying centers keep distinct names in the preview as in an org: the shared vectors case for
// case, and the emulator refusing a duplicate insert or rename while other edits pass.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FORCE_APP } from '../../lib/project';
import { duplicateBuyingCenterMessage, refusedIndexes, siblingKey } from '../emulator/buyingCenterNames';
import type { OrgStore } from '../emulator/store';
import { demoOrg, formSave } from './demoOrg';

interface Center {
    account: string | null;
    parent: string | null;
    name: string | null;
}
const VECTORS = (
    JSON.parse(
        fs.readFileSync(path.join(FORCE_APP, 'staticresources', 'KeystoneRuleVectors.json'), 'utf8')
    ) as {
        buyingCenterName: {
            case: string;
            existing: Center[];
            saving: Center[];
            refused: number[];
            messages: string[];
        }[];
    }
).buyingCenterName;

describe('buying center names: shared rule vectors', () => {
    it('has cases', () => assert.ok(VECTORS.length >= 5));
    for (const vector of VECTORS) {
        it(vector.case, () => {
            const key = (center: Center): string | null =>
                siblingKey(center.account, center.parent, center.name);
            const existing = vector.existing.map(key).filter((value): value is string => value !== null);
            const refused = refusedIndexes(existing, vector.saving.map(key));
            assert.deepEqual(refused, vector.refused);
            assert.deepEqual(
                refused.map((index) => duplicateBuyingCenterMessage(String(vector.saving[index]!.name))),
                vector.messages
            );
        });
    }
});

describe("the preview's org refuses a duplicate sibling name (BuyingCenterNameTriggerAction)", () => {
    const org = (): OrgStore => demoOrg('2026-11-22').org;

    it('on insert, in any case and with spaces, and leaves the other buying centers alone', () => {
        const store = org();
        const form = formSave(store);
        const sales = store.all('Buying_Center__c').find((center) => center.Name === 'Sales')!;
        const before = store.all('Buying_Center__c').length;
        assert.throws(
            () =>
                form.insert('Buying_Center__c', {
                    Account__c: sales.Account__c as string,
                    Parent_Buying_Center__c: (sales.Parent_Buying_Center__c as string | null) ?? null,
                    Name: '  sALES '
                }),
            { message: duplicateBuyingCenterMessage('sALES') }
        );
        assert.equal(store.all('Buying_Center__c').length, before);
        // the same name under another parent is fine
        const other = form.insert('Buying_Center__c', {
            Account__c: sales.Account__c as string,
            Parent_Buying_Center__c: sales.Id,
            Name: 'Sales'
        });
        assert.ok(other);
    });

    it('on a rename onto a sibling, but not on an edit that keeps the name', () => {
        const store = org();
        const form = formSave(store);
        const account = store.all('Account').find((record) => record.Name === 'Globex Industries')!.Id;
        const first = form.insert('Buying_Center__c', { Account__c: account, Name: 'Widgets' });
        const second = form.insert('Buying_Center__c', { Account__c: account, Name: 'Gadgets' });
        assert.throws(
            () => form.update(second, { Name: 'WIDGETS' }),
            /already a buying center named "WIDGETS"/
        );
        assert.equal(store.get(second)!.Name, 'Gadgets');
        form.update(first, { Active__c: false });
        assert.equal(store.get(first)!.Active__c, false);
    });
});
