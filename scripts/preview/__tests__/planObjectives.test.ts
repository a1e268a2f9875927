// Aeronova's objectives as the preview's rep meets them: the real PlanObjectiveController over the demo
// story, measured from the demo's opportunities, and a save that Keystone measures and stores.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { ApexError } from '../apexError';
import { demoOrg, formSave, invokeApex } from './demoOrg';

const TODAY = '2026-11-30';

interface ObjectiveView {
    id: string;
    version: string;
    name: string;
    measureType: string;
    calculated: boolean;
    currentValue?: number;
    targetValue: number;
    status: string;
    overdue?: boolean;
}

function aeronovaPlanId(org: ReturnType<typeof demoOrg>['org']): string {
    const plan = org.all('Account_Plan__c').find((row) => row.Name === 'Aeronova Group FY2026 Account Plan');
    assert.ok(plan, 'the demo story has the Aeronova FY2026 plan');
    return String(plan.Id);
}

function objectivesOf(org: ReturnType<typeof demoOrg>['org'], planId: string): ObjectiveView[] {
    const view = invokeApex(org, 'PlanObjectiveController.getObjectives', { planId }) as {
        objectives: ObjectiveView[];
    };
    return view.objectives;
}

describe('plan objectives in the preview', () => {
    it("measures Aeronova's calculated objectives from the demo's opportunities", () => {
        const { org } = demoOrg(TODAY);
        const byName = new Map(objectivesOf(org, aeronovaPlanId(org)).map((each) => [each.name, each]));

        const revenue = byName.get('Win $12M in FY2026');
        assert.equal(revenue?.measureType, 'Won Revenue');
        assert.equal(revenue?.currentValue, 7450000);
        assert.equal(revenue?.status, 'Off Track', '62% won with a month left');
        assert.equal(byName.get('Eight proposals this year')?.currentValue, 7);
        assert.equal(byName.get('Eight proposals this year')?.status, 'On Track');
        assert.equal(byName.get('Win business in a buying center new to us')?.status, 'Done');
    });

    it('a rep raises a target and Keystone stores the status it derives', () => {
        const { org } = demoOrg(TODAY);
        const planId = aeronovaPlanId(org);
        const proposals = objectivesOf(org, planId).find((each) => each.name === 'Eight proposals this year');
        assert.ok(proposals);

        invokeApex(org, 'PlanObjectiveController.saveObjective', {
            planId,
            input: {
                id: proposals.id,
                version: proposals.version,
                name: proposals.name,
                measureType: 'Proposals Submitted',
                targetValue: 20,
                unit: 'Count',
                horizon: 'Short Term',
                dueDate: '2026-12-31'
            }
        });

        const stored = org.get(proposals.id);
        assert.equal(stored?.Target_Value__c, 20);
        assert.equal(stored?.Current_Value__c, 7);
        assert.equal(stored?.Status__c, 'Off Track', '7 of 20 with a month left');
    });

    it('refuses a typed status or a due date outside the plan from the standard record form', () => {
        const { org } = demoOrg(TODAY);
        const planId = aeronovaPlanId(org);
        const revenue = objectivesOf(org, planId).find((each) => each.name === 'Win $12M in FY2026');
        assert.ok(revenue);
        assert.throws(
            () => formSave(org).update(revenue.id, { Current_Value__c: 12000000 }),
            /Keystone calculates/
        );
        assert.throws(
            () => formSave(org).update(revenue.id, { Due_Date__c: '2027-03-31' }),
            /due date within/
        );
        assert.throws(() => formSave(org).update(revenue.id, { Status__c: 'Done' }));
        assert.equal(org.get(revenue.id)?.Status__c, 'Off Track', 'nothing changed');
    });

    it('answers a save with a bad target with its reason and saves nothing', () => {
        const { org } = demoOrg(TODAY);
        const planId = aeronovaPlanId(org);
        const before = org.all('Plan_Objective__c').length;
        assert.throws(
            () =>
                invokeApex(org, 'PlanObjectiveController.saveObjective', {
                    planId,
                    input: { name: 'Nothing', measureType: 'Entered', targetValue: 0 }
                }),
            (error: unknown) =>
                error instanceof ApexError && error.message === 'Give the objective a target above zero.'
        );
        assert.equal(org.all('Plan_Objective__c').length, before);
    });
});
