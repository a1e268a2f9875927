// Keystone's data rules in the preview: the store's checks and Keystone's own triggers, run by the Apex
// runtime, refuse what an org refuses (the rules' cases are the Apex tests', in KeystoneRuleVectors.json).
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { OrgStore } from '../emulator/store';
import { demoOrg as loadDemoOrg, formSave } from './demoOrg';

const TODAY = '2026-11-22';

// the admin (Keystone Manager and Admin) may create offerings and buying centers, as these cases need
function demoOrg(): OrgStore {
    return loadDemoOrg(TODAY, 'admin').org;
}

function first(org: ReturnType<typeof demoOrg>, sobject: string, name?: string): string {
    const record = org.all(sobject).find((candidate) => !name || candidate.Name === name);
    assert.ok(record, `${sobject} ${name ?? ''} is in the demo data`);
    return record.Id;
}

describe("the preview's org enforces the data rules (the store's checks and Keystone's triggers)", () => {
    it('keeps one landscape cell per buying center and offering', () => {
        const org = demoOrg();
        const form = formSave(org);
        const account = first(org, 'Account', 'Globex Industries');
        const center = form.insert('Buying_Center__c', { Account__c: account, Name: 'Widgets' });
        const offering = first(org, 'Offering__c');
        const cell = form.insert('Landscape_Cell__c', {
            Buying_Center__c: center,
            Offering__c: offering,
            Status__c: 'Whitespace Target'
        });
        assert.equal(org.get(cell)?.Unique_Key__c, `${center}:${offering}`);
        assert.throws(
            () =>
                form.insert('Landscape_Cell__c', {
                    Buying_Center__c: center,
                    Offering__c: offering,
                    Status__c: 'Not Applicable'
                }),
            { name: 'DmlError', message: /^duplicate value found: Unique_Key__c/ }
        );
    });

    it('refuses an inactive offering through the lookup filter, with its message', () => {
        const org = demoOrg();
        const account = first(org, 'Account', 'Globex Industries');
        const center = org.insert('Buying_Center__c', { Account__c: account, Name: 'Gadgets' });
        const retired = org.insert('Offering__c', { Name: 'Mainframe Support', Active__c: false });
        assert.throws(
            () => org.insert('Landscape_Cell__c', { Buying_Center__c: center, Offering__c: retired }),
            { message: 'Choose an active offering.' }
        );
    });

    it('refuses a buying center of another account on a contact', () => {
        const org = demoOrg();
        const globex = first(org, 'Account', 'Globex Industries');
        const meridian = first(org, 'Account', 'Meridian Bank');
        const center = org.insert('Buying_Center__c', { Account__c: meridian, Name: 'Treasury' });
        assert.throws(
            () => org.insert('Contact', { AccountId: globex, LastName: 'Stray', Buying_Center__c: center }),
            {
                message: "Choose a buying center of the contact's account."
            }
        );
    });

    it('refuses an illegal plan status move with the readable message', () => {
        const org = demoOrg();
        const plan = first(org, 'Account_Plan__c', 'Aeronova Group FY2025 Account Plan');
        assert.throws(() => formSave(org).update(plan, { Status__c: 'Draft' }), {
            message: 'A plan in status Closed cannot move to Draft.'
        });
    });

    it("records a stance observation when a contact's stance changes, and none when it does not", () => {
        const org = demoOrg();
        const form = formSave(org);
        const person = form.insert('Contact', {
            AccountId: first(org, 'Account', 'Globex Industries'),
            LastName: 'Trend',
            Stance__c: 'Neutral'
        });
        form.update(person, { Stance__c: 'Neutral' });
        form.update(person, { Stance__c: 'Detractor' });
        const observed = org
            .all('Stance_Observation__c')
            .filter((observation) => observation.Contact__c === person);
        assert.deepEqual(
            observed.map((observation) => observation.Stance__c),
            ['Neutral', 'Detractor']
        );
        assert.ok(
            observed.every(
                (observation) =>
                    observation.Observed_On__c === TODAY && observation.Source__c === 'Stance Change'
            )
        );
    });

    it('keeps the overall health score from the dimension scores', () => {
        const org = demoOrg();
        const plan = first(org, 'Account_Plan__c', 'Meridian Bank FY2026 Account Plan');
        const form = formSave(org);
        const assessment = form.insert('Health_Assessment__c', {
            Account_Plan__c: plan,
            Assessed_On__c: TODAY
        });
        form.insert('Health_Score__c', {
            Account_Plan__c: plan,
            Health_Assessment__c: assessment,
            Dimension__c: 'Pipeline_Health',
            Score__c: 4
        });
        form.insert('Health_Score__c', {
            Account_Plan__c: plan,
            Health_Assessment__c: assessment,
            Dimension__c: 'Delivery_Quality',
            Score__c: 9
        });
        assert.equal(org.get(assessment)?.Overall_Score__c, 6.5);
    });

    it('computes formula fields when they are read and refuses writes to them', () => {
        const org = demoOrg();
        const plan = first(org, 'Account_Plan__c', 'Meridian Bank FY2026 Account Plan');
        const late = org.insert('Plan_Milestone__c', {
            Account_Plan__c: plan,
            Name: 'QBR',
            Due_Date__c: '2026-10-01',
            Status__c: 'Planned'
        });
        const done = org.insert('Plan_Milestone__c', {
            Account_Plan__c: plan,
            Name: 'Kick-off',
            Due_Date__c: '2026-02-01',
            Status__c: 'Done',
            Completed_Date__c: '2026-02-01'
        });
        assert.equal(org.resolvePath(org.get(late)!, 'Is_Overdue__c'), true);
        assert.equal(org.resolvePath(org.get(done)!, 'Is_Overdue__c'), false);
        assert.throws(() => org.update(late, { Is_Overdue__c: false }), {
            message: /Unable to create\/update fields: Is_Overdue__c/
        });
    });
});
