// The sign-off over the preview's demo org, as a rep, their manager and the admin meet it in a record form:
// the approved Meridian plan loads (the demo loader's custom permission, as setup:scratch imports it), each
// plan names its approver as the scratch setup does, and the validation rules hold on a form save.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DmlError } from '../emulator/store';
import { demoOrg, formSave, invokeApex } from './demoOrg';

const TODAY = '2026-11-30';

function planNamed(org: ReturnType<typeof demoOrg>['org'], name: string): Record<string, unknown> {
    const plan = org.all('Account_Plan__c').find((row) => row.Name === name);
    assert.ok(plan, `the demo has ${name}`);
    return plan;
}

function refusal(work: () => void): string {
    try {
        work();
    } catch (error) {
        if (error instanceof DmlError) return error.message;
        throw error;
    }
    throw new Error('the save was not refused');
}

test('the approved Meridian plan loads with its date, and the demo plans name Morgan as approver', () => {
    const { org } = demoOrg(TODAY);
    const meridian = planNamed(org, 'Meridian Bank FY2026 Account Plan');
    assert.equal(meridian.Status__c, 'Approved');
    assert.equal(meridian.Approval_Date__c, '2026-02-03');
    const aeronova = planNamed(org, 'Aeronova Group FY2026 Account Plan');
    assert.equal(org.get(String(aeronova.Approver__c))?.Name, 'Morgan Reyes');
});

test('a rep typing Approved, or an approval date, is refused in a form save', () => {
    const { org } = demoOrg(TODAY, 'rep');
    const aeronova = planNamed(org, 'Aeronova Group FY2026 Account Plan');
    assert.match(
        refusal(() =>
            formSave(org).update(String(aeronova.Id), { Status__c: 'Approved', Approval_Date__c: TODAY })
        ),
        /approv/
    );
    assert.equal(
        planNamed(org, 'Aeronova Group FY2026 Account Plan').Status__c,
        'In Review',
        'nothing changed'
    );
    assert.equal(
        refusal(() => formSave(org).update(String(aeronova.Id), { Approval_Date__c: TODAY })),
        'The approval date is set when the approver approves the plan. Leave it blank.'
    );
});

test('the approved plan is locked for the rep, open for the manager, and back to Draft clears its date', () => {
    const rep = demoOrg(TODAY, 'rep');
    const meridianId = String(planNamed(rep.org, 'Meridian Bank FY2026 Account Plan').Id);
    assert.match(
        refusal(() => formSave(rep.org).update(meridianId, { Revenue_Goal__c: 1 })),
        /This plan is approved/
    );
    formSave(rep.org).update(meridianId, { Next_Review_Date__c: '2027-02-01' });
    formSave(rep.org).update(meridianId, { Status__c: 'Draft' });
    const replanned = planNamed(rep.org, 'Meridian Bank FY2026 Account Plan');
    assert.equal(replanned.Status__c, 'Draft');
    assert.equal(replanned.Approval_Date__c ?? null, null, 'the date went with the approval');

    const manager = demoOrg(TODAY, 'manager');
    formSave(manager.org).update(meridianId, { Revenue_Goal__c: 4600000 });
    assert.equal(planNamed(manager.org, 'Meridian Bank FY2026 Account Plan').Revenue_Goal__c, 4600000);
});

test('the sign-off controller refuses a reject without a reason and an unknown decision, readably', () => {
    const { org } = demoOrg(TODAY, 'manager');
    const aeronovaId = String(planNamed(org, 'Aeronova Group FY2026 Account Plan').Id);
    assert.throws(
        () =>
            invokeApex(org, 'PlanSignOffController.decide', {
                planId: aeronovaId,
                action: 'Reject',
                comment: ''
            }),
        /Say why you reject the plan/
    );
    assert.throws(
        () =>
            invokeApex(org, 'PlanSignOffController.decide', {
                planId: aeronovaId,
                action: 'Maybe',
                comment: null
            }),
        /Choose Approve or Reject/
    );
});
