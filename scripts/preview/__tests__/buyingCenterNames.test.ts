// Sibling buying centers keep distinct names in the preview as in an org: Keystone's trigger, run by the
// Apex runtime, refuses a duplicate insert or rename while other edits pass.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { OrgStore } from '../emulator/store';
import { demoOrg, formSave } from './demoOrg';

// the message BuyingCenterNameTriggerAction gives (its cases are the Apex tests', in KeystoneRuleVectors.json)
function duplicateBuyingCenterMessage(name: string): string {
    return `There is already a buying center named "${name.trim()}" under the same parent on this account. Choose another name.`;
}

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
