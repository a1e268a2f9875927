// What the preview needs of the runtime to serve Keystone's controllers (issue 15 item 5): a store the
// preview already seeded keeps its one set of setup records, the parser keeps what @AuraEnabled says
// (members, cacheable, parameter names as written), the org's today is the store's, Datetime.format()
// has the en_US short form, and a failed insert's DmlException names its fields as SObjectFields.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Interpreter } from '../interpreter';
import { Registry } from '../registry';
import { toApexString } from '../semantics';
import { ApexOrg } from '../org/apexOrg';
import { OrgStore } from '../../preview/emulator/store';
import { loadObjectSchemas } from '../../preview/emulator/schema';
import { withStandardFields } from '../../preview/emulator/standardFields';
import { FORCE_APP } from '../../lib/project';

test('an ApexOrg over a store another ApexOrg seeded keeps one admin and one set of profiles', () => {
    const store = new OrgStore(withStandardFields(loadObjectSchemas(FORCE_APP)), '2026-11-22');
    const first = new ApexOrg(store, FORCE_APP);
    const count = (object: string): number => store.all(object).length;
    const before = ['Profile', 'PermissionSet', 'User', 'ApexClass'].map(count);
    const second = new ApexOrg(store, FORCE_APP);
    assert.deepEqual(['Profile', 'PermissionSet', 'User', 'ApexClass'].map(count), before);
    assert.equal(second.adminId, first.adminId);
});

test('the parser keeps @AuraEnabled on members and methods, cacheable, and parameter names as written', () => {
    const registry = new Registry();
    const cls = registry.addSource(
        `public class Probe {
            public class View { @AuraEnabled public String shown; public String hidden; @AuraEnabled public Integer count { get; set; } }
            @AuraEnabled(cacheable = true) public static View read(Id accountId, Date periodStart) { return null; }
            @AuraEnabled public static void write() { }
        }`,
        'Probe.cls'
    );
    const view = cls.inner.get('view')!;
    assert.deepEqual(view.fields.get('shown')!.annotations, ['auraenabled']);
    assert.deepEqual(view.fields.get('hidden')!.annotations, []);
    assert.deepEqual(view.fields.get('count')!.annotations, ['auraenabled']);
    const read = cls.methods.get('read')![0]!;
    assert.deepEqual(read.annotationText, ['auraenabled(cacheable=true)']);
    assert.deepEqual(
        read.params.map((param) => [param.name, param.display]),
        [
            ['accountid', 'accountId'],
            ['periodstart', 'periodStart']
        ]
    );
    assert.deepEqual(cls.methods.get('write')![0]!.annotationText, ['auraenabled']);
});

test("Date.today() and System.today() are the org's today; Datetime.format() is the en_US short form in GMT", () => {
    const org = ApexOrg.empty(FORCE_APP, '2026-11-22');
    const apex = new Interpreter(new Registry(), org);
    assert.equal(toApexString(apex.runSnippet('return Date.today();')), '2026-11-22');
    assert.equal(toApexString(apex.runSnippet('return System.today();')), '2026-11-22');
    assert.equal(
        toApexString(apex.runSnippet('return Datetime.newInstanceGmt(2026, 11, 30, 15, 58, 7).format();')),
        '11/30/2026, 3:58 PM'
    );
    assert.equal(
        toApexString(apex.runSnippet('return Datetime.newInstanceGmt(2026, 1, 2, 0, 5, 0).format();')),
        '1/2/2026, 12:05 AM'
    );
});

test("a failed insert's DmlException names its fields as SObjectFields (getDescribe works on them)", () => {
    const org = ApexOrg.empty(FORCE_APP);
    org.triggers.clear();
    const apex = new Interpreter(new Registry(), org);
    assert.equal(
        toApexString(
            apex.runSnippet(
                "try { insert new Account_Plan__c(Name = 'No account'); } catch (DmlException e) { return e.getDmlFields(0)[0].getDescribe().getLabel(); } return null;"
            )
        ),
        'Account'
    );
});
