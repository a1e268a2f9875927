// Reading a key account is enough to score it and to measure it (Criterion_Score__c.Account__c is
// writeRequiresMasterRead): under a Public Read Only Account sharing model, the demo's manager, who owns none
// of the demo accounts and may not edit them, scores one and its score and tier follow, and the Key Account
// Score job run as that manager refreshes and snapshots every key account: Keystone's writer needs no edit on
// the account. The demo's loaded history carries the keys Keystone computes.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { Interpreter } from '../../apex-runtime/interpreter';
import { ASYNC_LIMITS } from '../../apex-runtime/org/asyncJobs';
import { GovernorLimits } from '../../apex-runtime/org/limits';
import { demoOrg, invokeApex } from './demoOrg';
import type { KeyAccountScoringService_ScoringView } from '@salesforce/apex/types';

const TODAY = '2026-11-30';
const CRITERIA = [
    'Existing_Relationships',
    'Product_Fit',
    'Purchasing_Process',
    'Revenue_Potential',
    'Transaction_Size'
];

function readOnlyDemo() {
    const demo = demoOrg(TODAY, 'manager');
    demo.context.org.access.setOrgWideDefault('Account', 'Read');
    return demo;
}

function idOf(demo: ReturnType<typeof demoOrg>, name: string): string {
    const account = demo.org.all('Account').find((row) => row.Name === name);
    assert.ok(account, `the demo story has ${name}`);
    return String(account.Id);
}

function runAsManager(demo: ReturnType<typeof demoOrg>, snippet: string): unknown {
    demo.context.org.limits = new GovernorLimits(ASYNC_LIMITS);
    const apex = new Interpreter(demo.context.registry, demo.context.org);
    return demo.context.org.runAs(demo.context.userId, () => apex.runSnippet(snippet));
}

describe('a manager who only reads an account', () => {
    it('scores it, and its score and tier follow', () => {
        const demo = readOnlyDemo();
        const globex = idOf(demo, 'Globex Industries');
        assert.notEqual(demo.org.get(globex)!.OwnerId, demo.context.userId, 'someone else owns it');
        assert.throws(
            () =>
                runAsManager(
                    demo,
                    `update as user new Account(Id = '${globex}', Description = 'mine now'); return null;`
                ),
            /INSUFFICIENT_ACCESS_OR_READONLY/,
            'the manager may not edit the account'
        );

        const view = invokeApex(demo.org, 'CriterionScoreController.saveScores', {
            accountId: globex,
            scores: CRITERIA.map((criterion) => ({ criterion, score: 10, comment: null }))
        }) as KeyAccountScoringService_ScoringView;

        const stored = demo.org.get(globex)!;
        assert.equal(Number(stored.Key_Account_Score__c), 10);
        assert.equal(stored.Key_Account_Tier__c, 'Tier 1', 'a full score promotes past the margin');
        assert.equal(view.tier, 'Tier 1');
    });

    it('runs the Key Account Score job over every key account it reads', () => {
        const demo = readOnlyDemo();
        const keyAccounts = ['Aeronova Group', 'Meridian Bank', 'Globex Industries'].map((name) =>
            idOf(demo, name)
        );
        for (const id of keyAccounts) demo.org.update(id, { Scores_Calculated_On__c: null });
        runAsManager(
            demo,
            `KeyAccountScoreJob job = new KeyAccountScoreJob();
            job.execute((Database.BatchableContext) null, [SELECT Id FROM Account WHERE Key_Account_Tier__c IN ('Tier 1', 'Tier 2', 'Tier 3') WITH USER_MODE]);
            return null;`
        );
        for (const id of keyAccounts) {
            assert.equal(demo.org.get(id)!.Scores_Calculated_On__c, TODAY, `${id} refreshed`);
            const today = demo.org
                .all('Account_Score_Snapshot__c')
                .filter((row) => row.Account__c === id && row.Snapshot_Date__c === TODAY);
            assert.equal(today.length, 1, 'one snapshot of the day');
        }
        assert.deepEqual(
            demo.org
                .all('Keystone_Error_Log__c')
                .filter((row) => String(row.Location__c).startsWith('KeyAccountScoreJob')),
            [],
            'nothing failed'
        );
    });

    it("loads the demo's score history with the keys Keystone computes", () => {
        const demo = demoOrg(TODAY);
        const snapshots = demo.org.all('Account_Score_Snapshot__c');
        assert.ok(snapshots.length > 6, 'history and today');
        for (const row of snapshots)
            assert.equal(row.Unique_Key__c, `${String(row.Account__c)}-${String(row.Snapshot_Date__c)}`);
    });
});
