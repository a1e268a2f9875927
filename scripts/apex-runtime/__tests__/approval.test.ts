// Approval processes, record locks and workflow field updates against the Apex Developer Guide ("Approval
// Class", "Approval.ProcessSubmitRequest", "Approval.ProcessWorkitemRequest", "ProcessResult",
// "LockResult"/"UnlockResult", "Apex Approval Processing Example"), the Object Reference (ProcessInstance,
// ProcessInstanceStep, ProcessInstanceWorkitem, ProcessInstanceHistory, ProcessDefinition) and Salesforce
// Help ("Approval Process Considerations", "Validation Rules Considerations", "Triggers and Order of
// Execution"). Most cases are Apex test methods run by the runtime's test runner, as Keystone's own tests
// will meet them: each method is a behaviour, and it passes only if its assertions hold.
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { DATA_DIR, FORCE_APP } from '../../lib/project';
import { createPreviewOrg, userForRole } from '../../preview/apex/previewOrg';
import { ApexThrow, Interpreter } from '../interpreter';
import { typeNameForException } from '../semantics';
import { parseFormula } from '../../preview/emulator/formula';
import { ApexOrg } from '../org/apexOrg';
import { parseApprovalProcess, parseFieldUpdates } from '../org/approvalDefs';
import { Registry } from '../registry';
import { failureLine, runTests } from '../testRunner';
import { freshOrg, run, thrown } from './harness';

const LOCKED = 'the entity is locked for editing';

/** Keystone's classes plus one test class; the org refuses a user-set approval date by a validation rule. */
function runApex(source: string, extraTriggers: string[] = []) {
    const registry = new Registry();
    registry.loadFolder(path.join(FORCE_APP, 'classes'));
    registry.addSource(source, 'ApprovalTrust.cls');
    return runTests(registry, {
        filters: ['ApprovalTrust'],
        newOrg: () => {
            const org = ApexOrg.empty(FORCE_APP);
            // accounts private, so a plan (controlled by its account) is seen by its owner and admins only
            org.access.setOrgWideDefault('Account', 'Private');
            // a rule only the process can pass: a user (even an admin) may not set the approval date
            org.store.schemas.get('Account_Plan__c')!.validationRules.push({
                name: 'Approval_Date_Only_By_Sign_Off',
                formula: parseFormula('ISCHANGED(Approval_Date__c)'),
                message: 'Only the sign-off sets the approval date.',
                field: 'Approval_Date__c'
            });
            extraTriggers.forEach((trigger, i) => org.addTrigger(trigger, `Extra${i}.trigger`));
            return org;
        }
    });
}

/** The Apex test class: a rep (the plan's creator), their manager (the approver), an admin. */
const TRUST = `@IsTest
public class ApprovalTrust {
    static User rep() { return KeystoneTestDataFactory.newMinimumAccessUser(new List<String>{ 'Keystone_User' }); }
    static User manager() { return KeystoneTestDataFactory.newMinimumAccessUser(new List<String>{ 'Keystone_Manager' }); }

    static Account_Plan__c planOf(User owner, Id approverId) {
        Account acme;
        System.runAs(new User(Id = UserInfo.getUserId())) { acme = new Account(Name = 'Aeronova Group', OwnerId = owner.Id); }
        insert acme;
        Account_Plan__c plan = KeystoneTestDataFactory.buildPlan(acme.Id, Date.newInstance(2027, 1, 1), Date.newInstance(2027, 12, 31));
        plan.Approver__c = approverId;
        plan.OwnerId = owner.Id;
        System.runAs(owner) { insert plan; }
        return plan;
    }

    static Approval.ProcessResult submit(Id planId, String comments) {
        Approval.ProcessSubmitRequest request = new Approval.ProcessSubmitRequest();
        request.setObjectId(planId);
        request.setComments(comments);
        return Approval.process(request);
    }

    static Approval.ProcessResult act(Id workitemId, String action, String comments) {
        Approval.ProcessWorkitemRequest request = new Approval.ProcessWorkitemRequest();
        request.setWorkitemId(workitemId);
        request.setAction(action);
        request.setComments(comments);
        return Approval.process(request);
    }

    static Account_Plan__c reload(Id planId) {
        return [SELECT Id, Status__c, Approval_Date__c, Name FROM Account_Plan__c WHERE Id = :planId];
    }

    @IsTest
    static void signOffRunsEndToEnd() {
        User rep = rep();
        User boss = manager();
        Account_Plan__c plan = planOf(rep, boss.Id);
        Approval.ProcessResult submitted;
        System.runAs(rep) { submitted = submit(plan.Id, 'Ready for sign-off'); }
        Assert.isTrue(submitted.isSuccess());
        Assert.areEqual('Pending', submitted.getInstanceStatus());
        Assert.areEqual(plan.Id, submitted.getEntityId());
        Assert.areEqual(new List<Id>{ boss.Id }, submitted.getActorIds());
        Assert.areEqual(1, submitted.getNewWorkitemIds().size());
        Assert.areEqual('In Review', reload(plan.Id).Status__c);
        Assert.isTrue(Approval.isLocked(plan.Id));

        ProcessInstance instance = [SELECT Id, Status, TargetObjectId, SubmittedById, ProcessDefinitionId, CompletedDate,
            ProcessDefinition.DeveloperName, (SELECT StepStatus, ActorId, OriginalActorId, Comments FROM Steps),
            (SELECT Id, ActorId, OriginalActorId FROM Workitems), (SELECT StepStatus, IsPending FROM StepsAndWorkitems)
            FROM ProcessInstance WHERE TargetObjectId = :plan.Id];
        Assert.areEqual(submitted.getInstanceId(), instance.Id);
        Assert.areEqual('Pending', instance.Status);
        Assert.areEqual(rep.Id, instance.SubmittedById);
        Assert.isNull(instance.CompletedDate);
        Assert.areEqual('Keystone_Plan_Sign_Off', instance.ProcessDefinition.DeveloperName);
        Assert.areEqual(1, instance.Steps.size());
        Assert.areEqual('Started', instance.Steps[0].StepStatus);
        Assert.areEqual(rep.Id, instance.Steps[0].ActorId);
        Assert.areEqual('Ready for sign-off', instance.Steps[0].Comments);
        Assert.areEqual(boss.Id, instance.Workitems[0].ActorId);
        Assert.areEqual(submitted.getNewWorkitemIds()[0], instance.Workitems[0].Id);
        Assert.areEqual(2, instance.StepsAndWorkitems.size());

        // the rep's own edit of the locked plan fails, in user mode and in system mode alike
        System.runAs(rep) {
            try {
                update as user new Account_Plan__c(Id = plan.Id, Name = 'Changed');
                Assert.fail('a locked record was updated');
            } catch (DmlException e) {
                Assert.areEqual(StatusCode.ENTITY_IS_LOCKED, e.getDmlType(0));
                Assert.isTrue(e.getMessage().contains('ENTITY_IS_LOCKED, ${LOCKED}'), e.getMessage());
            }
            List<Database.SaveResult> saved = Database.update(new List<Account_Plan__c>{ new Account_Plan__c(Id = plan.Id, Name = 'Changed') }, false);
            Assert.isFalse(saved[0].isSuccess());
            Assert.areEqual(StatusCode.ENTITY_IS_LOCKED, saved[0].getErrors()[0].getStatusCode());
        }

        // the manager approves: Approved, dated today, though no user may set the date
        Approval.ProcessResult approved;
        System.runAs(boss) { approved = act(instance.Workitems[0].Id, 'Approve', 'Signed off'); }
        Assert.isTrue(approved.isSuccess());
        Assert.areEqual('Approved', approved.getInstanceStatus());
        Account_Plan__c signed = reload(plan.Id);
        Assert.areEqual('Approved', signed.Status__c);
        Assert.areEqual(Date.today(), signed.Approval_Date__c);
        Assert.isFalse(Approval.isLocked(plan.Id), 'finalApprovalRecordLock is false');
        ProcessInstance done = [SELECT Status, CompletedDate, LastActorId, (SELECT StepStatus, ActorId, Comments FROM Steps ORDER BY CreatedDate), (SELECT Id FROM Workitems) FROM ProcessInstance WHERE Id = :instance.Id];
        Assert.areEqual('Approved', done.Status);
        Assert.isNotNull(done.CompletedDate);
        Assert.areEqual(boss.Id, done.LastActorId);
        Assert.areEqual(0, done.Workitems.size());
        Assert.areEqual('Approved', done.Steps[1].StepStatus);
        Assert.areEqual(boss.Id, done.Steps[1].ActorId);
        Assert.areEqual('Signed off', done.Steps[1].Comments);
    }

    @IsTest
    static void aUserSettingTheDateIsRefusedByTheRule() {
        Account_Plan__c plan = planOf(rep(), manager().Id);
        try {
            update new Account_Plan__c(Id = plan.Id, Approval_Date__c = Date.today());
            Assert.fail('the rule did not fire');
        } catch (DmlException e) {
            Assert.areEqual(StatusCode.FIELD_CUSTOM_VALIDATION_EXCEPTION, e.getDmlType(0));
        }
    }

    @IsTest
    static void anApproverSubmittingTheirOwnSignOffIsRefusedByTheEntryCriteria() {
        // a rep cannot even name themselves (validation rule Approver_Not_Self); the approver named can
        // see the plan and try to submit it, and the entry criteria refuse them
        User rep = rep();
        User boss = manager();
        Account_Plan__c plan = planOf(rep, boss.Id);
        System.runAs(boss) {
            try {
                submit(plan.Id, null);
                Assert.fail('a rep signed off their own plan');
            } catch (DmlException e) {
                Assert.areEqual('Process failed. First exception on row 0; first error: NO_APPLICABLE_PROCESS, No applicable approval process was found.: []', e.getMessage());
                Assert.areEqual(StatusCode.NO_APPLICABLE_PROCESS, e.getDmlType(0));
            }
        }
        Assert.areEqual(0, [SELECT COUNT() FROM ProcessInstance]);
        Assert.isFalse(Approval.isLocked(plan.Id));
        Assert.areEqual('Draft', reload(plan.Id).Status__c);
    }

    @IsTest
    static void anyInternalUserWhoSeesThePlanMaySubmit() {
        // a plan has no owner and is the account team's: the process admits all internal users (allInternalUsers)
        User rep = rep();
        User other = rep();
        Account_Plan__c plan = planOf(rep, manager().Id);
        System.runAs(other) {
            Approval.ProcessSubmitRequest request = new Approval.ProcessSubmitRequest();
            request.setObjectId(plan.Id);
            Approval.ProcessResult result = Approval.process(request, false);
            Assert.isTrue(result.isSuccess());
        }
        Assert.areEqual(other.Id, [SELECT SubmittedById FROM ProcessInstance WHERE TargetObjectId = :plan.Id].SubmittedById);
    }

    @IsTest
    static void aSecondSubmissionIsAlreadyInProcess() {
        User rep = rep();
        Account_Plan__c plan = planOf(rep, manager().Id);
        System.runAs(rep) {
            submit(plan.Id, null);
            Approval.ProcessSubmitRequest again = new Approval.ProcessSubmitRequest();
            again.setObjectId(plan.Id);
            List<Approval.ProcessResult> results = Approval.process(new List<Approval.ProcessSubmitRequest>{ again }, false);
            Assert.isFalse(results[0].isSuccess());
            Assert.areEqual(StatusCode.ALREADY_IN_PROCESS, results[0].getErrors()[0].getStatusCode());
            Assert.areEqual('Cannot submit object already in process.', results[0].getErrors()[0].getMessage());
        }
    }

    @IsTest
    static void anotherUserCannotApproveAndTheRepCannotApproveTheirOwn() {
        User rep = rep();
        Account_Plan__c plan = planOf(rep, manager().Id);
        Id workitemId;
        System.runAs(rep) { workitemId = submit(plan.Id, null).getNewWorkitemIds()[0]; }
        System.runAs(rep) {
            try {
                act(workitemId, 'Approve', null);
                Assert.fail('the submitter approved');
            } catch (DmlException e) {
                Assert.areEqual(StatusCode.INSUFFICIENT_ACCESS_OR_READONLY, e.getDmlType(0));
            }
        }
        Assert.areEqual('In Review', reload(plan.Id).Status__c);
        Assert.areEqual(1, [SELECT COUNT() FROM ProcessInstanceWorkitem]);
    }

    @IsTest
    static void anAdminMayApproveForTheApprover() {
        User rep = rep();
        Account_Plan__c plan = planOf(rep, manager().Id);
        Id workitemId;
        System.runAs(rep) { workitemId = submit(plan.Id, null).getNewWorkitemIds()[0]; }
        Approval.ProcessResult result = act(workitemId, 'Approve', null);
        Assert.areEqual('Approved', result.getInstanceStatus());
        ProcessInstanceStep step = [SELECT ActorId, OriginalActorId FROM ProcessInstanceStep WHERE StepStatus = 'Approved'];
        Assert.areEqual(UserInfo.getUserId(), step.ActorId);
        Assert.areNotEqual(UserInfo.getUserId(), step.OriginalActorId);
    }

    @IsTest
    static void rejectionReturnsDraftAndUnlocks() {
        User rep = rep();
        User boss = manager();
        Account_Plan__c plan = planOf(rep, boss.Id);
        Id workitemId;
        System.runAs(rep) { workitemId = submit(plan.Id, null).getNewWorkitemIds()[0]; }
        System.runAs(boss) { Assert.areEqual('Rejected', act(workitemId, 'Reject', 'Targets too low').getInstanceStatus()); }
        Assert.areEqual('Draft', reload(plan.Id).Status__c);
        Assert.isNull(reload(plan.Id).Approval_Date__c);
        Assert.isFalse(Approval.isLocked(plan.Id));
        Assert.areEqual('Rejected', [SELECT Status FROM ProcessInstance].Status);
    }

    @IsTest
    static void recallReturnsDraftAndUnlocks() {
        User rep = rep();
        Account_Plan__c plan = planOf(rep, manager().Id);
        System.runAs(rep) {
            Id workitemId = submit(plan.Id, null).getNewWorkitemIds()[0];
            Approval.ProcessResult recalled = act(workitemId, 'Removed', 'Not yet');
            Assert.areEqual('Removed', recalled.getInstanceStatus());
        }
        Assert.areEqual('Draft', reload(plan.Id).Status__c);
        Assert.isFalse(Approval.isLocked(plan.Id));
        Assert.areEqual('Removed', [SELECT StepStatus FROM ProcessInstanceStep WHERE StepStatus = 'Removed'].StepStatus);
        System.runAs(rep) { update as user new Account_Plan__c(Id = plan.Id, Name = 'Editable again'); }
    }

    @IsTest
    static void anotherUserCannotRecall() {
        User rep = rep();
        User boss = manager();
        Account_Plan__c plan = planOf(rep, boss.Id);
        Id workitemId;
        System.runAs(rep) { workitemId = submit(plan.Id, null).getNewWorkitemIds()[0]; }
        System.runAs(boss) {
            try {
                act(workitemId, 'Removed', null);
                Assert.fail('the approver recalled');
            } catch (DmlException e) {
                Assert.areEqual(StatusCode.INSUFFICIENT_ACCESS_OR_READONLY, e.getDmlType(0));
            }
        }
    }

    @IsTest
    static void approvalCountsAsOneDmlStatement() {
        User rep = rep();
        Account_Plan__c plan = planOf(rep, manager().Id);
        System.runAs(rep) {
            Test.startTest();
            submit(plan.Id, null);
            Assert.areEqual(1, Limits.getDmlStatements());
            Test.stopTest();
        }
    }

    @IsTest
    static void approvalRowsFollowTheTargetsVisibility() {
        User rep = rep();
        User stranger = rep();
        // an approver without View All (a manager's permission set reads every plan)
        User boss = rep();
        Account_Plan__c plan = planOf(rep, boss.Id);
        System.runAs(rep) {
            submit(plan.Id, null);
            Assert.areEqual(1, [SELECT COUNT() FROM ProcessInstance WITH USER_MODE]);
            Assert.areEqual(1, [SELECT COUNT() FROM ProcessInstanceWorkitem WITH USER_MODE]);
        }
        System.runAs(stranger) {
            // plans are private: a user who does not see the plan sees none of its approval history
            Assert.areEqual(0, [SELECT COUNT() FROM Account_Plan__c WITH USER_MODE]);
            Assert.areEqual(0, [SELECT COUNT() FROM ProcessInstance WITH USER_MODE]);
            Assert.areEqual(0, [SELECT COUNT() FROM ProcessInstanceStep WITH USER_MODE]);
        }
        System.runAs(boss) {
            // the approver sees the request assigned to them, though not the plan itself
            Assert.areEqual(0, [SELECT COUNT() FROM Account_Plan__c WITH USER_MODE]);
            Assert.areEqual(1, [SELECT COUNT() FROM ProcessInstanceWorkitem WITH USER_MODE]);
        }
    }

    @IsTest
    static void locksWorkInEveryForm() {
        User rep = rep();
        Account_Plan__c plan = planOf(rep, manager().Id);
        Approval.LockResult locked = Approval.lock(plan.Id);
        Assert.isTrue(locked.isSuccess());
        Assert.areEqual(plan.Id, locked.getId());
        Assert.isTrue(Approval.isLocked(plan));
        Map<Id, Boolean> states = Approval.isLocked(new List<Id>{ plan.Id });
        Assert.isTrue(states.get(plan.Id));
        System.runAs(rep) {
            try {
                delete plan;
                Assert.fail('a locked record was deleted');
            } catch (DmlException e) {
                Assert.areEqual(StatusCode.ENTITY_IS_LOCKED, e.getDmlType(0));
            }
        }
        // an admin edits a locked record
        update new Account_Plan__c(Id = plan.Id, Name = 'By the admin');
        List<Approval.UnlockResult> unlocked = Approval.unlock(new List<Account_Plan__c>{ plan });
        Assert.isTrue(unlocked[0].isSuccess());
        Assert.isFalse(Approval.isLocked(plan.Id));
        System.runAs(rep) { update as user new Account_Plan__c(Id = plan.Id, Name = 'By the rep'); }
        Database.rollback(Database.setSavepoint());
    }

    @IsTest
    static void aLockIsRolledBackWithItsSavepoint() {
        Account_Plan__c plan = planOf(rep(), manager().Id);
        Savepoint before = Database.setSavepoint();
        Approval.lock(plan.Id);
        Database.rollback(before);
        Assert.isFalse(Approval.isLocked(plan.Id));
    }

    @IsTest
    static void processDefinitionsAreQueryable() {
        ProcessDefinition definition = [SELECT Id, Name, DeveloperName, Type, TableEnumOrId, State FROM ProcessDefinition WHERE DeveloperName = 'Keystone_Plan_Sign_Off'];
        Assert.areEqual('Approval', definition.Type);
        Assert.areEqual('Account_Plan__c', definition.TableEnumOrId);
        Assert.areEqual('Active', definition.State);
    }

    @IsTest
    static void aNamedProcessAndSkippedCriteria() {
        User rep = rep();
        User boss = manager();
        Account_Plan__c plan = planOf(rep, boss.Id);
        System.runAs(boss) {
            Approval.ProcessSubmitRequest request = new Approval.ProcessSubmitRequest();
            request.setObjectId(plan.Id);
            request.setProcessDefinitionNameOrId('Keystone_Plan_Sign_Off');
            request.setSkipEntryCriteria(true);
            Assert.isTrue(Approval.process(request).isSuccess());
        }
    }
}`;

describe('approval processes over Keystone_Plan_Sign_Off', () => {
    test('every behaviour holds as an Apex test', () => {
        const report = runApex(TRUST);
        const failures = report.results.filter((result) => result.outcome !== 'pass').map(failureLine);
        assert.deepEqual(failures, []);
        assert.equal(report.results.length, 16);
    });

    test('AdminOrCurrentApprover: the current approver edits the locked record, another user may not; the submitter chooses the approver', () => {
        const source = `@IsTest public class ApprovalTrust {
            @IsTest static void approverEdits() {
                User rep = KeystoneTestDataFactory.newMinimumAccessUser(new List<String>{ 'Keystone_User' });
                User boss = KeystoneTestDataFactory.newMinimumAccessUser(new List<String>{ 'Keystone_Manager' });
                User other = KeystoneTestDataFactory.newMinimumAccessUser(new List<String>{ 'Keystone_Manager' });
                Account acme = new Account(Name = 'Acme', OwnerId = rep.Id);
                insert acme;
                System.runAs(rep) {
                    Approval.ProcessSubmitRequest submit = new Approval.ProcessSubmitRequest();
                    submit.setObjectId(acme.Id);
                    submit.setNextApproverIds(new List<Id>{ boss.Id });
                    Approval.ProcessResult result = Approval.process(submit);
                    Assert.areEqual(new List<Id>{ boss.Id }, result.getActorIds());
                }
                System.runAs(boss) {
                    ProcessInstanceWorkitem item = [SELECT Id, ActorId, ElapsedTimeInMinutes FROM ProcessInstanceWorkitem WITH USER_MODE];
                    Assert.areEqual(boss.Id, item.ActorId);
                    Assert.isTrue(item.ElapsedTimeInMinutes >= 0);
                    update new Account(Id = acme.Id, Description = 'Checked by the approver');
                }
                System.runAs(other) {
                    try {
                        update new Account(Id = acme.Id, Description = 'Not my request');
                        Assert.fail('another manager edited the locked record');
                    } catch (DmlException e) {
                        Assert.areEqual(StatusCode.ENTITY_IS_LOCKED, e.getDmlType(0));
                    }
                }
            }
        }`;
        const registry = new Registry();
        registry.loadFolder(path.join(FORCE_APP, 'classes'));
        registry.addSource(source, 'ApprovalTrust.cls');
        const report = runTests(registry, {
            filters: ['ApprovalTrust'],
            newOrg: () => {
                const org = ApexOrg.empty(FORCE_APP);
                org.approvals.addProcess(
                    parseApprovalProcess(
                        `<ApprovalProcess><active>true</active><allowedSubmitters><type>owner</type></allowedSubmitters>
                         <approvalStep><label>Chosen</label><name>Chosen</name></approvalStep>
                         <label>Account review</label><recordEditability>AdminOrCurrentApprover</recordEditability></ApprovalProcess>`,
                        'Account.Account_Review.approvalProcess-meta.xml'
                    )
                );
                return org;
            }
        });
        assert.deepEqual(report.results.filter((r) => r.outcome !== 'pass').map(failureLine), []);
        assert.equal(report.results.length, 1);
    });

    test("a trigger's error on the field update fails the approval and changes nothing", () => {
        const refuse = `trigger RefuseApproved on Account_Plan__c (before update) {
            for (Account_Plan__c plan : Trigger.new) if (plan.Status__c == 'Approved') plan.addError('Frozen by a trigger');
        }`;
        const source = `@IsTest public class ApprovalTrust {
            @IsTest static void refused() {
                User rep = KeystoneTestDataFactory.newMinimumAccessUser(new List<String>{ 'Keystone_User' });
                User boss = KeystoneTestDataFactory.newMinimumAccessUser(new List<String>{ 'Keystone_Manager' });
                Account acme = new Account(Name = 'Acme', OwnerId = rep.Id);
                insert acme;
                Account_Plan__c plan = KeystoneTestDataFactory.buildPlan(acme.Id, Date.newInstance(2027, 1, 1), Date.newInstance(2027, 12, 31));
                plan.Approver__c = boss.Id;
                plan.OwnerId = rep.Id;
                System.runAs(rep) { insert plan; }
                Id workitemId;
                System.runAs(rep) {
                    Approval.ProcessSubmitRequest submit = new Approval.ProcessSubmitRequest();
                    submit.setObjectId(plan.Id);
                    workitemId = Approval.process(submit).getNewWorkitemIds()[0];
                }
                System.runAs(boss) {
                    Approval.ProcessWorkitemRequest approve = new Approval.ProcessWorkitemRequest();
                    approve.setWorkitemId(workitemId);
                    approve.setAction('Approve');
                    Approval.ProcessResult result = Approval.process(approve, false);
                    Assert.isFalse(result.isSuccess());
                    Assert.areEqual('Frozen by a trigger', result.getErrors()[0].getMessage());
                }
                Assert.areEqual('In Review', [SELECT Status__c FROM Account_Plan__c].Status__c);
                Assert.areEqual('Pending', [SELECT Status FROM ProcessInstance].Status);
                Assert.areEqual(1, [SELECT COUNT() FROM ProcessInstanceWorkitem]);
                Assert.isTrue(Approval.isLocked(plan.Id));
            }
        }`;
        const report = runApex(source, [refuse]);
        assert.deepEqual(report.results.filter((r) => r.outcome !== 'pass').map(failureLine), []);
    });
});

describe('field updates run in the order of execution', () => {
    test('before and after update triggers fire once, with the updated values', () => {
        const { apex, org } = freshOrg(
            [
                `trigger Count on Account (before update, after update) {
                for (Account a : Trigger.new) Counter.seen.add(String.valueOf(Trigger.operationType) + ':' + a.Description);
            }`
            ],
            [`public class Counter { public static List<String> seen = new List<String>(); }`]
        );
        org.approvals.addProcess(
            parseApprovalProcess(
                `<ApprovalProcess><active>true</active><allowRecall>false</allowRecall>
                 <allowedSubmitters><type>allInternalUsers</type></allowedSubmitters>
                 <approvalStep><assignedApprover><approver><name>admin@keystone.invalid</name><type>user</type></approver></assignedApprover><label>S</label><name>S</name></approvalStep>
                 <initialSubmissionActions><action><name>Mark</name><type>FieldUpdate</type></action></initialSubmissionActions>
                 <label>Account check</label><recordEditability>AdminOnly</recordEditability></ApprovalProcess>`,
                'Account.Account_Check.approvalProcess-meta.xml'
            ),
            parseFieldUpdates(
                `<Workflow><fieldUpdates><fullName>Mark</fullName><field>Description</field><formula>&quot;at &quot; &amp; TEXT(NOW())</formula><name>Mark</name><operation>Formula</operation></fieldUpdates></Workflow>`,
                'Account.workflow-meta.xml'
            )
        );
        const admin = org.store.get(org.adminId)!;
        const process = org.approvals.processes.find((each) => each.name === 'Account_Check')!;
        process.steps[0]!.approvers[0]!.name = String(admin.Username);
        const out = run(
            apex,
            `Account a = new Account(Name = 'Acme'); insert a;
             Approval.ProcessSubmitRequest r = new Approval.ProcessSubmitRequest(); r.setObjectId(a.Id);
             Approval.process(r);
             return String.join(Counter.seen, '|') + '#' + [SELECT Description FROM Account].Description.startsWith('at 2');`
        );
        const [seen, stamped] = out.split('#');
        const events = seen!.split('|');
        assert.equal(events.length, 2, out);
        assert.match(events[0]!, /^BEFORE_UPDATE:at \d{4}-/);
        assert.match(events[1]!, /^AFTER_UPDATE:at \d{4}-/);
        assert.equal(stamped, 'true');
    });

    test('a process this runtime cannot run fails loudly', () => {
        const { apex, org } = freshOrg();
        org.approvals.addProcess(
            parseApprovalProcess(
                `<ApprovalProcess><active>true</active><allowedSubmitters><type>owner</type></allowedSubmitters>
                 <approvalStep><assignedApprover><approver><name>Sales</name><type>queue</type></approver></assignedApprover><label>S</label><name>S</name></approvalStep>
                 <label>Queued</label></ApprovalProcess>`,
                'Account.Queued.approvalProcess-meta.xml'
            )
        );
        assert.throws(
            () =>
                apex.runSnippet(
                    `Account a = new Account(Name = 'Acme'); insert a;
                     Approval.ProcessSubmitRequest r = new Approval.ProcessSubmitRequest(); r.setObjectId(a.Id);
                     Approval.process(r);`
                ),
            /unsupported: approval process Queued: approver type queue/
        );
    });

    test('DML on the approval objects is unsupported, not silently ignored', () => {
        const { apex } = freshOrg();
        assert.throws(
            () => apex.runSnippet(`insert new ProcessInstance();`),
            /unsupported: DML on ProcessInstance/
        );
    });

    test('Approval.lock of a deleted record fails its row, or the call', () => {
        const { apex } = freshOrg();
        assert.match(
            thrown(apex, `Account a = new Account(Name = 'A'); insert a; delete a; Approval.lock(a.Id);`),
            /^System\.DmlException: Lock failed\. First exception on row 0 with id \w{18}; first error: ENTITY_IS_DELETED, entity is deleted: \[\]$/
        );
        assert.equal(
            run(
                apex,
                `Account a = new Account(Name = 'A'); insert a; delete a; return Approval.lock(new List<Id>{ a.Id }, false)[0].getErrors()[0].getStatusCode();`
            ),
            'ENTITY_IS_DELETED'
        );
    });
});

describe('Keystone_Plan_Sign_Off over the demo org', () => {
    test('a rep submits an Aeronova plan naming the manager; the manager signs it off; a recall returns Draft', () => {
        const { apex: org, registry } = createPreviewOrg(DATA_DIR);
        const repId = userForRole(org, DATA_DIR, 'rep');
        const managerId = userForRole(org, DATA_DIR, 'manager');
        const as = (userId: string, body: string): string =>
            org.runAs(userId, () => run(new Interpreter(registry, org), body));
        const failure = (userId: string, body: string): string =>
            org.runAs(userId, () => {
                try {
                    new Interpreter(registry, org).runSnippet(body);
                } catch (error) {
                    if (error instanceof ApexThrow)
                        return `${typeNameForException(error.exception)}: ${String(error.exception.fields.get('message'))}`;
                    throw error;
                }
                return 'nothing thrown';
            });
        const accountId = String(org.store.all('Account').find((row) => row.Name === 'Aeronova Group')!.Id);
        const planId = as(
            repId,
            `Account_Plan__c plan = new Account_Plan__c(Account__c = '${accountId}', Name = 'Aeronova FY2027 Account Plan',
                 Period_Start__c = Date.newInstance(2027, 1, 1), Period_End__c = Date.newInstance(2027, 12, 31),
                 Status__c = 'Draft', Revenue_Goal__c = 13000000, Approver__c = '${managerId}');
             insert as user plan;
             return plan.Id;`
        );
        const submit = `Approval.ProcessSubmitRequest r = new Approval.ProcessSubmitRequest(); r.setObjectId('${planId}');
             Approval.ProcessResult result = Approval.process(r);
             return result.getInstanceStatus() + ' ' + [SELECT Status__c FROM Account_Plan__c WHERE Id = '${planId}'].Status__c + ' ' + Approval.isLocked('${planId}');`;
        assert.equal(as(repId, submit), 'Pending In Review true');
        assert.equal(
            failure(
                repId,
                `update as user new Account_Plan__c(Id = '${planId}', Goal_Statement__c = 'Sneaky');`
            ),
            `System.DmlException: Update failed. First exception on row 0 with id ${planId}; first error: ENTITY_IS_LOCKED, ${LOCKED}: []`
        );
        // the manager may not set the date by hand (no edit access to it): only the process sets it
        assert.match(
            failure(
                managerId,
                `update as user new Account_Plan__c(Id = '${planId}', Approval_Date__c = Date.today());`
            ),
            /ENTITY_IS_LOCKED|INVALID_FIELD_FOR_INSERT_UPDATE/
        );
        assert.equal(
            as(
                managerId,
                `ProcessInstanceWorkitem item = [SELECT Id FROM ProcessInstanceWorkitem WHERE ProcessInstance.TargetObjectId = '${planId}' WITH USER_MODE];
                 Approval.ProcessWorkitemRequest r = new Approval.ProcessWorkitemRequest(); r.setWorkitemId(item.Id); r.setAction('Approve');
                 Approval.process(r);
                 Account_Plan__c plan = [SELECT Status__c, Approval_Date__c FROM Account_Plan__c WHERE Id = '${planId}'];
                 return plan.Status__c + ' ' + (plan.Approval_Date__c == Date.today()) + ' ' + Approval.isLocked('${planId}');`
            ),
            'Approved true false'
        );
        // a second round: submitted again from Approved is outside the entry criteria
        assert.match(
            failure(repId, submit),
            /NO_APPLICABLE_PROCESS, No applicable approval process was found\./
        );
        const draftId = as(
            repId,
            `Account_Plan__c plan = new Account_Plan__c(Account__c = '${accountId}', Name = 'Aeronova FY2028 Account Plan',
                 Period_Start__c = Date.newInstance(2028, 1, 1), Period_End__c = Date.newInstance(2028, 12, 31),
                 Status__c = 'Draft', Approver__c = '${managerId}');
             insert as user plan;
             Approval.ProcessSubmitRequest r = new Approval.ProcessSubmitRequest(); r.setObjectId(plan.Id);
             Id workitemId = Approval.process(r).getNewWorkitemIds()[0];
             Approval.ProcessWorkitemRequest recall = new Approval.ProcessWorkitemRequest(); recall.setWorkitemId(workitemId); recall.setAction('Removed');
             Approval.process(recall);
             return plan.Id;`
        );
        assert.equal(
            as(
                repId,
                `return [SELECT Status__c FROM Account_Plan__c WHERE Id = '${draftId}'].Status__c + ' ' + Approval.isLocked('${draftId}');`
            ),
            'Draft false'
        );
    });
});
