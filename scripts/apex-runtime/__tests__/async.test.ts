// Scheduled, batch and queueable Apex against the Apex Developer Guide ("Scheduling Apex", "Using Batch
// Apex", "Queueable Apex", "Testing Asynchronous Apex") and the Object Reference (CronTrigger,
// CronJobDetail, AsyncApexJob). The cases are Apex test methods run by the runtime's test runner, so work
// queued between Test.startTest and Test.stopTest runs at stopTest as on the platform.
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { FORCE_APP } from '../../lib/project';
import { nextFireTime } from '../org/asyncJobs';
import { Registry } from '../registry';
import { failureLine, runTests } from '../testRunner';
import { freshOrg, run } from './harness';

const JOBS = [
    `public class NightlyTouch implements Schedulable {
        public static Integer runs = 0;
        public void execute(SchedulableContext context) {
            insert new Account(Name = 'Touched by ' + context.getTriggerId());
        }
    }`,
    `public class RenameBatch implements Database.Batchable<SObject> {
        public Integer seen = 0;
        public Database.QueryLocator start(Database.BatchableContext context) {
            return Database.getQueryLocator('SELECT Id, Name FROM Account ORDER BY Name');
        }
        public void execute(Database.BatchableContext context, List<SObject> scope) {
            seen += scope.size();
            for (SObject row : scope) row.put('Name', row.get('Name') + ' (seen ' + seen + ')');
            update scope;
        }
        public void finish(Database.BatchableContext context) {
            insert new Account(Name = 'finished, seen ' + seen);
        }
    }`,
    `public class CountingBatch implements Database.Batchable<SObject>, Database.Stateful {
        public Integer seen = 0;
        public Integer transactions = 0;
        public List<SObject> start(Database.BatchableContext context) {
            return [SELECT Id FROM Account];
        }
        public void execute(Database.BatchableContext context, List<SObject> scope) {
            seen += scope.size();
            transactions += Limits.getQueries() == 0 ? 1 : 0;
            Integer q = [SELECT COUNT() FROM Account];
        }
        public void finish(Database.BatchableContext context) {
            insert new Account(Name = 'stateful ' + seen + '/' + transactions + ' ' + context.getJobId());
        }
    }`,
    `public class FailingBatch implements Database.Batchable<SObject> {
        public Iterable<SObject> start(Database.BatchableContext context) { return [SELECT Id FROM Account]; }
        public void execute(Database.BatchableContext context, List<SObject> scope) {
            insert new Account(Name = 'half done');
            throw new DmlException('chunk failed');
        }
        public void finish(Database.BatchableContext context) { }
    }`,
    `public class ChainingQueueable implements Queueable {
        public void execute(QueueableContext context) { System.enqueueJob(new StampQueueable('chained')); }
    }`,
    `public class StartsABatch implements Schedulable {
        public void execute(SchedulableContext context) { Database.executeBatch(new RenameBatch()); }
    }`,
    `public class StampQueueable implements Queueable {
        private String label;
        public StampQueueable(String label) { this.label = label; }
        public void execute(QueueableContext context) { insert new Account(Name = label + ' ' + (context.getJobId() != null)); }
    }`
];

const TRUST = `@IsTest
public class AsyncTrust {
    static final String CRON = '0 0 2 * * ?';

    @IsTest
    static void scheduledJobRunsOnceAtStopTest() {
        Test.startTest();
        Id triggerId = System.schedule('Nightly touch', CRON, new NightlyTouch());
        Assert.areEqual(0, [SELECT COUNT() FROM Account], 'nothing runs before stopTest');
        CronTrigger trigger = [SELECT Id, CronExpression, State, NextFireTime, TimesTriggered, CronJobDetail.Name, CronJobDetail.JobType FROM CronTrigger WHERE Id = :triggerId];
        Assert.areEqual(CRON, trigger.CronExpression);
        Assert.areEqual('WAITING', trigger.State);
        Assert.areEqual('Nightly touch', trigger.CronJobDetail.Name);
        Assert.areEqual('7', trigger.CronJobDetail.JobType);
        Assert.areEqual(2, trigger.NextFireTime.hourGmt());
        Assert.areEqual(0, trigger.TimesTriggered);
        Test.stopTest();
        Account touched = [SELECT Name FROM Account];
        Assert.areEqual('Touched by ' + triggerId, touched.Name);
        Assert.areEqual(1, [SELECT TimesTriggered FROM CronTrigger WHERE Id = :triggerId].TimesTriggered);
    }

    @IsTest
    static void aDuplicateNameIsRefused() {
        System.schedule('Nightly touch', CRON, new NightlyTouch());
        try {
            System.schedule('Nightly touch', CRON, new NightlyTouch());
            Assert.fail('two jobs of one name');
        } catch (AsyncException e) {
            Assert.areEqual('The Apex job named "Nightly touch" is already scheduled for execution.', e.getMessage());
        }
    }

    @IsTest
    static void anAbortedJobDoesNotRun() {
        Test.startTest();
        Id triggerId = System.schedule('Nightly touch', CRON, new NightlyTouch());
        System.abortJob(triggerId);
        Test.stopTest();
        Assert.areEqual(0, [SELECT COUNT() FROM Account]);
        Assert.areEqual(0, [SELECT COUNT() FROM CronTrigger]);
    }

    @IsTest
    static void jobsQueuedBeforeStartTestWaitForTheTestsEnd() {
        System.schedule('Nightly touch', CRON, new NightlyTouch());
        Test.startTest();
        Test.stopTest();
        Assert.areEqual(0, [SELECT COUNT() FROM Account]);
    }

    @IsTest
    static void batchRunsStartExecuteFinishAtStopTest() {
        insert new List<Account>{ new Account(Name = 'B'), new Account(Name = 'A') };
        Test.startTest();
        Id jobId = Database.executeBatch(new RenameBatch());
        AsyncApexJob queued = [SELECT Status, JobType FROM AsyncApexJob WHERE Id = :jobId];
        Assert.areEqual('Queued', queued.Status);
        Assert.areEqual('BatchApex', queued.JobType);
        Test.stopTest();
        List<Account> rows = [SELECT Name FROM Account ORDER BY Name];
        Assert.areEqual('A (seen 2)', rows[0].Name);
        Assert.areEqual('B (seen 2)', rows[1].Name);
        // not stateful: finish starts again from the state the job was queued with
        Assert.areEqual('finished, seen 0', rows[2].Name);
        AsyncApexJob job = [SELECT Status, JobItemsProcessed, TotalJobItems, NumberOfErrors, ApexClass.Name FROM AsyncApexJob WHERE Id = :jobId];
        Assert.areEqual('Completed', job.Status);
        Assert.areEqual(1, job.JobItemsProcessed);
        Assert.areEqual(1, job.TotalJobItems);
        Assert.areEqual(0, job.NumberOfErrors);
    }

    @IsTest
    static void aStatefulBatchKeepsItsStateAndEachChunkIsATransaction() {
        insert new List<Account>{ new Account(Name = 'A'), new Account(Name = 'B'), new Account(Name = 'C') };
        Test.startTest();
        Database.executeBatch(new CountingBatch(), 3);
        Test.stopTest();
        Account result = [SELECT Name FROM Account WHERE Name LIKE 'stateful%'];
        Assert.isTrue(result.Name.startsWith('stateful 3/1 '), result.Name);
    }

    @IsTest
    static void moreThanOneChunkInATestIsRefused() {
        insert new List<Account>{ new Account(Name = 'A'), new Account(Name = 'B'), new Account(Name = 'C') };
        Test.startTest();
        Database.executeBatch(new CountingBatch(), 2);
        try {
            Test.stopTest();
            Assert.fail('two executes ran in a test');
        } catch (UnexpectedException e) {
            Assert.isTrue(e.getMessage().startsWith('No more than one executeBatch can be called from within a test method.'), e.getMessage());
        }
    }

    @IsTest
    static void aFailingChunkIsRolledBackAndReachesTheTest() {
        insert new Account(Name = 'A');
        Test.startTest();
        Id jobId = Database.executeBatch(new FailingBatch());
        try {
            Test.stopTest();
            Assert.fail('the chunk did not fail');
        } catch (DmlException e) {
            Assert.areEqual('chunk failed', e.getMessage());
        }
        Assert.areEqual(0, [SELECT COUNT() FROM Account WHERE Name = 'half done']);
        AsyncApexJob job = [SELECT NumberOfErrors, ExtendedStatus FROM AsyncApexJob WHERE Id = :jobId];
        Assert.areEqual(1, job.NumberOfErrors);
        Assert.areEqual('First error: chunk failed', job.ExtendedStatus);
    }

    @IsTest
    static void queueableRunsAtStopTest() {
        Test.startTest();
        Id jobId = System.enqueueJob(new StampQueueable('queued'));
        Assert.areEqual(0, [SELECT COUNT() FROM Account]);
        Test.stopTest();
        Assert.areEqual('queued true', [SELECT Name FROM Account].Name);
        Assert.areEqual('Completed', [SELECT Status FROM AsyncApexJob WHERE Id = :jobId].Status);
    }

    @IsTest
    static void aTestCannotChainQueueables() {
        Test.startTest();
        System.enqueueJob(new ChainingQueueable());
        try {
            Test.stopTest();
            Assert.fail('a queueable chained another in a test');
        } catch (AsyncException e) {
            Assert.areEqual('Maximum stack depth has been reached.', e.getMessage());
        }
    }

    @IsTest
    static void aBatchAScheduledJobStartsStaysQueued() {
        insert new Account(Name = 'A');
        Test.startTest();
        System.schedule('Starts a batch', CRON, new StartsABatch());
        Test.stopTest();
        Assert.areEqual('A', [SELECT Name FROM Account].Name);
        Assert.areEqual('Queued', [SELECT Status FROM AsyncApexJob WHERE JobType = 'BatchApex'].Status);
    }

    @IsTest
    static void aScopeBelowOneIsRefused() {
        try {
            Database.executeBatch(new RenameBatch(), 0);
            Assert.fail('scope 0 accepted');
        } catch (InvalidParameterValueException e) {
            Assert.isTrue(e.getMessage().contains('scope'));
        }
    }
}`;

function runApex(sources: string[]) {
    const registry = new Registry();
    registry.loadFolder(path.join(FORCE_APP, 'classes'));
    sources.forEach((source, i) => registry.addSource(source, `Async${i}.cls`));
    return runTests(registry, { filters: ['AsyncTrust'] });
}

describe('scheduled, batch and queueable Apex', () => {
    test('every behaviour holds as an Apex test', () => {
        const report = runApex([...JOBS, TRUST]);
        assert.deepEqual(report.results.filter((r) => r.outcome !== 'pass').map(failureLine), []);
        assert.equal(report.results.length, 12);
    });

    test('outside a test a batch and a queueable run at once; a scheduled job waits', () => {
        const { apex } = freshOrg([], JOBS);
        assert.equal(
            run(
                apex,
                `insert new Account(Name = 'A');
                 Id batchId = Database.executeBatch(new RenameBatch());
                 Id queuedId = System.enqueueJob(new StampQueueable('now'));
                 System.schedule('later', '0 0 2 * * ?', new NightlyTouch());
                 List<String> names = new List<String>();
                 for (Account a : [SELECT Name FROM Account ORDER BY Name]) names.add(a.Name);
                 return String.join(names, '|') + '#' + [SELECT Status FROM AsyncApexJob WHERE Id = :batchId].Status;`
            ),
            'A (seen 1)|finished, seen 0|now true#Completed'
        );
    });
});

describe('cron expressions', () => {
    const from = new Date(Date.UTC(2026, 10, 30, 19, 0, 0));
    test('fields: seconds minutes hours day-of-month month day-of-week [year]', () => {
        assert.equal(nextFireTime('0 0 2 * * ?', from)?.toISOString(), '2026-12-01T02:00:00.000Z');
        assert.equal(nextFireTime('0 30 20 * * ?', from)?.toISOString(), '2026-11-30T20:30:00.000Z');
        assert.equal(nextFireTime('0 0 9 ? * MON-FRI', from)?.toISOString(), '2026-12-01T09:00:00.000Z');
        assert.equal(nextFireTime('0 0 9 1 JAN ? 2027', from)?.toISOString(), '2027-01-01T09:00:00.000Z');
        assert.equal(nextFireTime('0 0/15 * * * ?', from)?.toISOString(), '2026-11-30T19:15:00.000Z');
    });
    test('a malformed expression has no next time', () => {
        assert.equal(nextFireTime('0 0 25 * * ?', from), null);
        assert.equal(nextFireTime('every night', from), null);
    });
});
