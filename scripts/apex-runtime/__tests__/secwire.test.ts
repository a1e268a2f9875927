// The security model inside the runtime, against the platform's documented behaviour: the org holds its
// setup records and runs as its admin; user mode enforces the running user's object and field access;
// `with sharing` code (and user mode) sees and changes only what the user may; System.runAs switches the
// user for a block and always switches back. Users here hold only what a test gives them, as Keystone's
// Apex tests build them (KeystoneTestDataFactory).
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { DATA_DIR, FORCE_APP } from '../../lib/project';
import { createOrg } from '../../preview/server';
import { ApexThrow, Interpreter } from '../interpreter';
import { ApexOrg } from '../org/apexOrg';
import { Registry } from '../registry';
import { ADMIN_USERNAME } from '../security/setupRecords';
import { toApexString, typeNameForException } from '../semantics';
import { parseDynamicSoql, runQuery, SoqlQueryError, StoreSource } from '../soql';
import type { Value } from '../values';
import { run } from './harness';

/** Test classes: sharing keywords, runAs blocks (test code only) and a user-mode writer. */
const CLASSES = [
    `public with sharing class SharedWriter {
        public static void rename(Id taskId) { update new Task(Id = taskId, Subject = 'Renamed'); }
        public static void remove(Id taskId) { delete new Task(Id = taskId); }
        public static Integer count(String soql) { return Database.query(soql).size(); }
        public static void insertPlan(Id accountId) { insert PlanMaker.plan(accountId); }
        public static void insertSnapshot(Id planId) { insert new Plan_Snapshot__c(Account_Plan__c = planId, Snapshot__c = '{}'); }
        public static void insertObjective(Id planId) { insert new Plan_Objective__c(Account_Plan__c = planId, Name = 'O', Target_Value__c = 1); }
        public static void editSnapshot(Id snapshotId) { update new Plan_Snapshot__c(Id = snapshotId, Snapshot__c = '{"edited":true}'); }
        public static void editObjective(Id objectiveId) { update new Plan_Objective__c(Id = objectiveId, Name = 'Edited'); }
    }`,
    `public class PlanMaker {
        public static Account_Plan__c plan(Id accountId) {
            return new Account_Plan__c(Name = 'P', Account__c = accountId, Period_Start__c = Date.newInstance(2027, 1, 1),
                Period_End__c = Date.newInstance(2027, 12, 31), Status__c = 'Draft');
        }
    }`,
    `public without sharing class OpenWriter {
        public static void insertPlan(Id accountId) { insert PlanMaker.plan(accountId); }
        public static void rename(Id taskId) { update new Task(Id = taskId, Subject = 'Renamed'); }
        public static Integer count(String soql) { return Database.query(soql).size(); }
        public static void renameThroughInherited(Id taskId) { InheritedWriter.rename(taskId); }
        public static void renameThroughPlain(Id taskId) { PlainWriter.rename(taskId); }
    }`,
    `public inherited sharing class InheritedWriter {
        public static void rename(Id taskId) { update new Task(Id = taskId, Subject = 'Renamed'); }
    }`,
    `public class PlainWriter {
        public static void rename(Id taskId) { update new Task(Id = taskId, Subject = 'Renamed'); }
    }`,
    `public with sharing class Inner {
        public without sharing class Open {
            public void rename(Id taskId) { update new Task(Id = taskId, Subject = 'Renamed'); }
        }
        public class Plain {
            public void rename(Id taskId) { update new Task(Id = taskId, Subject = 'Renamed'); }
        }
        public static void renameOpen(Id taskId) { new Open().rename(taskId); }
        public static void renamePlain(Id taskId) { new Plain().rename(taskId); }
    }`,
    `public without sharing class OpenParent { }`,
    `public class OpenChild extends OpenParent {
        public static void rename(Id taskId) { update new Task(Id = taskId, Subject = 'Renamed'); }
    }`,
    `@IsTest
    public class RunAsProbe {
        public static String names(Id other) {
            String before = UserInfo.getName();
            String inside;
            System.runAs(new User(Id = other)) {
                inside = UserInfo.getName() + '/' + UserInfo.getUserName() + '/' + (UserInfo.getUserId() == other);
            }
            return before + '|' + inside + '|' + UserInfo.getName();
        }
        public static String nested(Id first, Id second) {
            String out = '';
            System.runAs(new User(Id = first)) {
                System.runAs(new User(Id = second)) { out += UserInfo.getLastName(); }
                out += '>' + UserInfo.getLastName();
            }
            return out + '>' + UserInfo.getLastName();
        }
        public static String afterThrow(Id other) {
            try {
                System.runAs(new User(Id = other)) { throw new DmlException('boom'); }
            } catch (DmlException e) {
                return e.getMessage() + ' ' + UserInfo.getName();
            }
            return null;
        }
        public static void renameInBlock(Id other, Id taskId) {
            System.runAs(new User(Id = other)) { update new Task(Id = taskId, Subject = 'Renamed'); }
        }
        public static void renameOpenInBlock(Id other, Id taskId) {
            System.runAs(new User(Id = other)) { OpenWriter.rename(taskId); }
        }
        public static Integer dmlCount(Id other) {
            Integer before = Limits.getDmlStatements();
            System.runAs(new User(Id = other)) { }
            return Limits.getDmlStatements() - before;
        }
        public static String newcomer(Id profileId) {
            User u = new User(ProfileId = profileId, LastName = 'Newcomer', Alias = 'newc', Email = 'newcomer@example.com',
                Username = 'newcomer@example.com.keystone', EmailEncodingKey = 'UTF-8', LanguageLocaleKey = 'en_US',
                LocaleSidKey = 'en_US', TimeZoneSidKey = 'America/Los_Angeles');
            String inside;
            System.runAs(u) { inside = UserInfo.getLastName(); }
            return inside + ' ' + (u.Id != null) + ' ' + UserInfo.getLastName();
        }
        public static Id mixedInBlocks(Id profileId) {
            insert new Account(Name = 'Before the user');
            User person = new User(ProfileId = profileId, LastName = 'Mixed', Alias = 'mixed', Email = 'mixed@example.com',
                Username = 'mixed@example.com.keystone', EmailEncodingKey = 'UTF-8', LanguageLocaleKey = 'en_US',
                LocaleSidKey = 'en_US', TimeZoneSidKey = 'Europe/London');
            System.runAs(new User(Id = UserInfo.getUserId())) {
                insert person;
                insert new PermissionSetAssignment(AssigneeId = person.Id,
                    PermissionSetId = Database.query('SELECT Id FROM PermissionSet WHERE Name = \\'Keystone_User\\' LIMIT 1')[0].Id);
            }
            return person.Id;
        }
    }`,
    `public class NotATest {
        public static void tryIt(Id other) { System.runAs(new User(Id = other)) { } }
    }`
];

/**
 * A stand-in query engine for plain `Database.query(text)`: the SOQL module over the store, read with the
 * running user's hook and the interpreter's sharing mode, exactly the two things the SOQL bridge takes
 * from the org. The real bridge (org/soqlBridge.ts) replaces it when SOQL is wired in.
 */
interface Fixture {
    org: ApexOrg;
    apex: Interpreter;
    profile: (name: string) => string;
    /** a user with a profile and permission sets, inserted as the platform stores one */
    user: (profile: string, sets?: string[], extra?: Record<string, string | boolean>) => string;
}

let registry: Registry | null = null;
function testRegistry(): Registry {
    if (registry) return registry;
    registry = new Registry();
    registry.loadFolder(`${FORCE_APP}/classes`);
    CLASSES.forEach((source, i) => registry!.addSource(source, `Sec${i}.cls`));
    return registry;
}

let users = 0;
function fixture(org: ApexOrg = ApexOrg.empty(FORCE_APP)): Fixture {
    org.isRunningTest = true;
    const profile = (name: string): string => org.store.all('Profile').find((row) => row.Name === name)!.Id;
    const user = (
        name: string,
        sets: string[] = [],
        extra: Record<string, string | boolean> = {}
    ): string => {
        users++;
        const id = org.store.insert('User', {
            ProfileId: profile(name),
            LastName: `Tester ${users}`,
            Alias: `kst${users}`,
            Email: `tester${users}@example.com`,
            Username: `tester${users}@example.com.keystone`,
            EmailEncodingKey: 'UTF-8',
            LanguageLocaleKey: 'en_US',
            LocaleSidKey: 'en_US',
            TimeZoneSidKey: 'Europe/London',
            ...extra
        });
        for (const set of sets) org.assignPermissionSet(id, set);
        return id;
    };
    return { org, apex: new Interpreter(testRegistry(), org), profile, user };
}

function failure(work: () => unknown): string {
    try {
        work();
    } catch (error) {
        if (error instanceof ApexThrow)
            return `${typeNameForException(error.exception)}: ${String(error.exception.fields.get('message'))}`;
        if (error instanceof SoqlQueryError) return `System.QueryException: ${error.message}`;
        throw error;
    }
    assert.fail('expected a failure');
}

const MINIMUM = 'Minimum Access - Salesforce';

describe('the org holds its setup records and runs as its admin', () => {
    const orgs: [string, () => ApexOrg][] = [
        ['the empty org', () => ApexOrg.empty(FORCE_APP)],
        ['the demo org', () => new ApexOrg(createOrg(DATA_DIR).org)]
    ];
    for (const [name, make] of orgs) {
        test(`${name}: profiles, Keystone's permission sets and the System Administrator running`, () => {
            const { org, apex } = fixture(make());
            const names = (object: string): string[] => org.store.all(object).map((row) => String(row.Name));
            assert.deepEqual(names('Profile'), ['System Administrator', 'Standard User', MINIMUM]);
            for (const set of ['Keystone_User', 'Keystone_Manager', 'Keystone_Admin'])
                assert.ok(names('PermissionSet').includes(set), set);
            assert.ok(org.store.all('FieldPermissions').length > 50);
            assert.equal(
                run(
                    apex,
                    "return UserInfo.getName() + '|' + UserInfo.getUserName() + '|' + UserInfo.getUserEmail() + '|' + UserInfo.getDefaultCurrency() + '|' + UserInfo.getProfileId();"
                ),
                `Keystone Admin|${ADMIN_USERNAME}|${ADMIN_USERNAME}|USD|${org.store.all('Profile')[0]!.Id}`
            );
            assert.equal(org.runningUserId, org.adminId);
        });
    }
});

describe('User records are saved as the platform saves them', () => {
    const { apex, org, profile } = fixture();
    const fields = (username: string): string =>
        `ProfileId = '${profile(MINIMUM)}', LastName = 'Rep', Alias = 'rep', Email = 'rep@example.com', Username = '${username}', EmailEncodingKey = 'UTF-8', LanguageLocaleKey = 'en_US', LocaleSidKey = 'en_US', TimeZoneSidKey = 'Europe/London'`;
    const cases: { name: string; body: string; expected: RegExp | string }[] = [
        {
            name: 'a new user is active, named from first and last name',
            body: `User u = new User(FirstName = 'Ada', ${fields('ada@example.com.keystone')}); insert u; return u.Id != null;`,
            expected: 'true'
        },
        {
            name: 'the username is unique, whatever its case',
            body: `insert new User(${fields('ADA@example.com.keystone')});`,
            expected:
                /^System\.DmlException: Insert failed\. First exception on row 0; first error: DUPLICATE_USERNAME, Duplicate Username\.<br>The username already exists/
        },
        {
            name: 'the required fields are required',
            body: "insert new User(LastName = 'Nobody');",
            expected:
                /REQUIRED_FIELD_MISSING, Required fields are missing: \[Username, Alias, Email, ProfileId, TimeZoneSidKey, LocaleSidKey, EmailEncodingKey, LanguageLocaleKey\]/
        },
        {
            name: 'the profile must exist',
            body: `insert new User(${fields('ghost@example.com.keystone').replace(profile(MINIMUM), org.adminId)});`,
            expected: /INVALID_CROSS_REFERENCE_KEY/
        }
    ];
    for (const { name, body, expected } of cases)
        test(name, () => {
            if (typeof expected === 'string') assert.equal(run(apex, body), expected);
            else
                assert.match(
                    failure(() => apex.runSnippet(body)),
                    expected
                );
        });
    test('the saved user has the platform defaults', () => {
        const ada = org.store.all('User').find((row) => row.Username === 'ada@example.com.keystone')!;
        assert.deepEqual([ada.Name, ada.IsActive, ada.UserType], ['Ada Rep', true, 'Standard']);
    });
});

describe('user mode for a minimum-access rep with only Keystone User', () => {
    const { org, user, apex } = fixture();
    org.triggers.clear();
    const rep = user(MINIMUM, ['Keystone_User']);
    const bare = user(MINIMUM);
    const account = org.store.insert('Account', { Name: 'Acme', OwnerId: rep });
    org.store.insert('Account_Plan__c', {
        Name: 'FY plan',
        Account__c: account,
        Period_Start__c: '2026-01-01',
        Period_End__c: '2026-12-31',
        Status__c: 'Draft',
        Goal_Statement__c: 'Grow'
    });
    const query = (who: string, soql: string): string =>
        org.runAs(who, () => {
            try {
                const result = runQuery(parseDynamicSoql(soql, { file: 'test', line: 1 }), {
                    source: new StoreSource(org.store, org.security),
                    resolveBind: () => null,
                    withSharing: true
                });
                return result.kind === 'records' ? `${result.records.length} rows` : result.kind;
            } catch (error) {
                if (!(error instanceof SoqlQueryError)) throw error;
                return `${error.message} [${error.inaccessibleFields.join(', ')}]`;
            }
        });
    const cases: [string, string, string][] = [
        [
            rep,
            'SELECT Id, Name, Goal_Statement__c, Approval_Date__c FROM Account_Plan__c WITH USER_MODE',
            '1 rows'
        ],
        [rep, 'SELECT Name, Key_Account_Score__c FROM Account WITH USER_MODE', '1 rows'],
        [
            rep,
            'SELECT Name, Industry, AnnualRevenue FROM Account WITH USER_MODE',
            "No such column 'Industry' on entity 'Account'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. [Account.Industry, Account.AnnualRevenue]"
        ],
        [rep, 'SELECT Name, Industry FROM Account', '1 rows'],
        [
            bare,
            'SELECT Id FROM Account_Plan__c WITH USER_MODE',
            "sObject type 'Account_Plan__c' is not supported. []"
        ],
        [
            bare,
            'SELECT Name, Industry FROM Account WITH SECURITY_ENFORCED',
            "sObject type 'Account' is not supported. []"
        ]
    ];
    for (const [who, soql, expected] of cases)
        test(`${who === rep ? 'rep' : 'bare'}: ${soql}`, () => assert.equal(query(who, soql), expected));

    const writes: [string, string, RegExp | string][] = [
        [
            'as user: a plan with the fields Keystone User may set',
            `insert as user new Account_Plan__c(Name = 'P', Account__c = '${account}', Period_Start__c = Date.newInstance(2027, 1, 1), Period_End__c = Date.newInstance(2027, 12, 31), Status__c = 'Draft', Goal_Statement__c = 'Win'); return 'saved';`,
            'saved'
        ],
        [
            // the rep may write the field (their own move back to Draft clears it), so the sign-off's
            // validation rule, not field security, refuses a typed date
            'as user: the approval date is not the rep’s to type',
            `insert as user new Account_Plan__c(Name = 'P', Account__c = '${account}', Period_Start__c = Date.newInstance(2028, 1, 1), Period_End__c = Date.newInstance(2028, 12, 31), Status__c = 'Draft', Approval_Date__c = Date.newInstance(2028, 2, 1));`,
            /FIELD_CUSTOM_VALIDATION_EXCEPTION, The approval date is set when the approver approves the plan\. Leave it blank\.: \[Approval_Date__c\]/
        ],
        [
            'as user: Keystone User reads accounts but creates none',
            "insert as user new Account(Name = 'Nope');",
            /INSUFFICIENT_ACCESS_OR_READONLY, insufficient access rights on object id/
        ],
        [
            'AccessLevel.USER_MODE: the same refusal as a row result',
            "return Database.insert(new Account(Name = 'Nope'), false, AccessLevel.USER_MODE).getErrors()[0].getStatusCode();",
            'INSUFFICIENT_ACCESS_OR_READONLY'
        ],
        [
            'system mode: object permissions are not checked (runAs does not change that)',
            "insert new Account(Name = 'System'); return 'saved';",
            'saved'
        ],
        [
            'describe answers for the running user',
            "return Schema.SObjectType.Account_Plan__c.isCreateable() + ' ' + Schema.SObjectType.Account.isCreateable() + ' ' + Account.Key_Account_Score__c.getDescribe().isAccessible() + ' ' + Account.Key_Account_Score__c.getDescribe().isUpdateable() + ' ' + Schema.SObjectType.Account.fields.Industry.isAccessible();",
            'true false true false false'
        ]
    ];
    for (const [name, body, expected] of writes)
        test(name, () => {
            const work = (): string => org.runAs(rep, () => run(apex, body));
            if (typeof expected === 'string') assert.equal(work(), expected);
            else assert.match(failure(work), expected);
        });

    test("a Keystone read method answers for the rep, the bare user and the admin (CaseSelector's access check)", () => {
        const check = 'return CaseSelector.newInstance().canCountOpenCases(true);';
        const answers = [rep, bare, org.adminId].map((who) => org.runAs(who, () => run(apex, check)));
        // the admin's profile does not reach Contact.Buying_Center__c: only a Keystone permission set does
        assert.deepEqual(answers, ['true', 'false', 'false']);
    });
});

describe('sharing: which code sees and changes only what the running user may', () => {
    const { org, user, apex } = fixture();
    org.triggers.clear();
    const rep = user(MINIMUM, ['Keystone_User']);
    // Task is private in a new org: the rep may not edit a task the admin owns
    const newTask = (): string => org.store.insert('Task', { Subject: 'Call', OwnerId: org.adminId });
    const own = org.store.insert('Task', { Subject: 'Mine', OwnerId: rep });
    const refused = /INSUFFICIENT_ACCESS_OR_READONLY, insufficient access rights on object id/;
    const call =
        (cls: string, method: string) =>
        (task: string): Value =>
            org.runAs(rep, () => apex.callStatic(cls, method, [task]));
    // the runAs cases start as the admin: the block switches to the rep
    const probe =
        (method: string) =>
        (task: string): Value =>
            apex.callStatic('RunAsProbe', method, [rep, task]);
    const cases: [string, (task: string) => Value, RegExp | 'saved'][] = [
        ['with sharing', call('SharedWriter', 'rename'), refused],
        ['without sharing', call('OpenWriter', 'rename'), 'saved'],
        ['inherited sharing as the entry point: with sharing', call('InheritedWriter', 'rename'), refused],
        [
            'inherited sharing called from without sharing',
            call('OpenWriter', 'renameThroughInherited'),
            'saved'
        ],
        ['no keyword as the entry point: without sharing', call('PlainWriter', 'rename'), 'saved'],
        ['no keyword called from without sharing', call('OpenWriter', 'renameThroughPlain'), 'saved'],
        ['an inner class keeps its own keyword', call('Inner', 'renameOpen'), 'saved'],
        ['an inner class without one runs as its caller', call('Inner', 'renamePlain'), refused],
        ['a subclass takes its superclass keyword', call('OpenChild', 'rename'), 'saved'],
        ['a runAs block enforces sharing whatever the test class', probe('renameInBlock'), refused],
        ['a method called in the block keeps its class keyword', probe('renameOpenInBlock'), 'saved'],
        ['delete needs full access', call('SharedWriter', 'remove'), refused]
    ];
    for (const [name, work, expected] of cases)
        test(name, () => {
            const task = newTask();
            if (expected === 'saved') {
                work(task);
                assert.equal(org.store.get(task)?.Subject, 'Renamed');
            } else {
                assert.match(
                    failure(() => work(task)),
                    expected
                );
                assert.equal(org.store.get(task)?.Subject, 'Call', 'nothing changed');
            }
        });
    test('the owner edits their own record under sharing', () => {
        org.runAs(rep, () => apex.callStatic('SharedWriter', 'rename', [own]));
        assert.equal(org.store.get(own)?.Subject, 'Renamed');
    });

    test('a with sharing query sees the rep’s records, a without sharing one all; user mode shares too', () => {
        org.access.setOrgWideDefault('Account', 'Private');
        org.store.insert('Account', { Name: 'Admin’s', OwnerId: org.adminId });
        org.store.insert('Account', { Name: 'Rep’s', OwnerId: rep });
        const all = org.store.all('Account').length;
        const counts = org.runAs(rep, () =>
            [
                apex.callStatic('SharedWriter', 'count', ['SELECT Id FROM Account']),
                apex.callStatic('OpenWriter', 'count', ['SELECT Id FROM Account']),
                apex.callStatic('OpenWriter', 'count', ['SELECT Id FROM Account WITH USER_MODE'])
            ].map(toApexString)
        );
        assert.deepEqual(counts, ['1', String(all), '1']);
    });

    test('a detail under a master the rep cannot edit is refused; under their own account it saves', () => {
        org.access.setOrgWideDefault('Account', 'Private');
        const theirs = org.store.insert('Account', { Name: 'Not the rep’s', OwnerId: org.adminId });
        const mine = org.store.insert('Account', { Name: 'The rep’s', OwnerId: rep });
        const before = org.store.all('Account_Plan__c').length;
        const insertAs = (cls: string, account: string): Value =>
            org.runAs(rep, () => apex.callStatic(cls, 'insertPlan', [account]));
        assert.match(
            failure(() => insertAs('SharedWriter', theirs)),
            /INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY, insufficient access rights on cross-reference id/
        );
        assert.equal(org.store.all('Account_Plan__c').length, before, 'nothing saved');
        insertAs('SharedWriter', mine);
        // without sharing, the master's sharing is not looked at
        insertAs('OpenWriter', theirs);
        assert.equal(org.store.all('Account_Plan__c').length, before + 2);
    });

    test('a master-detail field with writeRequiresMasterRead saves a detail under a master the rep only reads', () => {
        // Plan_Snapshot__c.Account_Plan__c needs read on the plan; Plan_Objective__c.Account_Plan__c needs edit
        org.access.setOrgWideDefault('Account', 'Read');
        const account = org.store.insert('Account', { Name: 'Read only to the rep', OwnerId: org.adminId });
        const plan = org.store.insert('Account_Plan__c', {
            Name: 'P',
            Account__c: account,
            Period_Start__c: '2027-01-01',
            Period_End__c: '2027-12-31',
            Status__c: 'Draft'
        });
        const snapshots = org.store.all('Plan_Snapshot__c').length;
        org.runAs(rep, () => apex.callStatic('SharedWriter', 'insertSnapshot', [plan]));
        assert.equal(org.store.all('Plan_Snapshot__c').length, snapshots + 1, 'read on the master is enough');
        assert.match(
            failure(() => org.runAs(rep, () => apex.callStatic('SharedWriter', 'insertObjective', [plan]))),
            /INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY/
        );
    });
});

describe('writeRequiresMasterRead on an existing detail', () => {
    const { org, user, apex } = fixture();
    org.triggers.clear();
    const rep = user(MINIMUM, ['Keystone_User']);

    test('a reader of the master edits a detail whose field allows it, and not one whose field does not', () => {
        // CustomField.writeRequiresMasterRead: read on the master is enough to create, edit or delete the detail
        org.access.setOrgWideDefault('Account', 'Read');
        const account = org.store.insert('Account', { Name: 'Read only to the rep', OwnerId: org.adminId });
        const plan = org.store.insert('Account_Plan__c', {
            Name: 'P',
            Account__c: account,
            Period_Start__c: '2027-01-01',
            Period_End__c: '2027-12-31',
            Status__c: 'Draft'
        });
        const snapshot = org.store.insert('Plan_Snapshot__c', { Account_Plan__c: plan, Snapshot__c: '{}' });
        const objective = org.store.insert('Plan_Objective__c', {
            Account_Plan__c: plan,
            Name: 'O',
            Target_Value__c: 1
        });
        org.runAs(rep, () => apex.callStatic('SharedWriter', 'editSnapshot', [snapshot]));
        assert.equal(org.store.get(snapshot)?.Snapshot__c, '{"edited":true}');
        assert.match(
            failure(() =>
                org.runAs(rep, () => apex.callStatic('SharedWriter', 'editObjective', [objective]))
            ),
            /INSUFFICIENT_ACCESS_OR_READONLY/
        );
        assert.equal(org.store.get(objective)?.Name, 'O', 'nothing changed');
    });
});

describe('System.runAs', () => {
    const { org, user, apex, profile } = fixture();
    const rep = user(MINIMUM, ['Keystone_User'], { FirstName: 'Rita' });
    const other = user('Standard User', [], { FirstName: 'Sam', LastName: 'Second' });
    const repName = String(org.store.get(rep)!.Name);
    const repUsername = String(org.store.get(rep)!.Username);
    const cases: [string, () => Value, string][] = [
        [
            'switches UserInfo for the block and restores it',
            () => apex.callStatic('RunAsProbe', 'names', [rep]),
            `Keystone Admin|${repName}/${repUsername}/true|Keystone Admin`
        ],
        [
            'nests, each block restoring its caller',
            () => apex.callStatic('RunAsProbe', 'nested', [rep, other]),
            `Second>${String(org.store.get(rep)!.LastName)}>Admin`
        ],
        [
            'restores the user when the block throws',
            () => apex.callStatic('RunAsProbe', 'afterThrow', [rep]),
            'boom Keystone Admin'
        ],
        ['counts as one DML statement', () => apex.callStatic('RunAsProbe', 'dmlCount', [rep]), '1']
    ];
    for (const [name, work, expected] of cases)
        test(name, () => assert.equal(toApexString(work()), expected));

    test('runs as a user the test has not inserted yet, as the documented example does', () => {
        assert.equal(
            toApexString(apex.callStatic('RunAsProbe', 'newcomer', [profile('Standard User')])),
            'Newcomer true Admin'
        );
    });

    test('is test code only', () => {
        assert.throws(
            () => apex.callStatic('NotATest', 'tryIt', [rep]),
            /would not compile: System\.runAs can only be used in test code/
        );
    });

    test('an inactive user can be run as (no documented restriction)', () => {
        const gone = user(MINIMUM, [], { IsActive: false });
        assert.equal(
            toApexString(apex.callStatic('RunAsProbe', 'afterThrow', [gone])),
            'boom Keystone Admin'
        );
    });

    test('setup and other DML mix only across runAs blocks (mixed DML)', () => {
        const fresh = fixture();
        fresh.org.triggers.clear();
        const person = toApexString(
            fresh.apex.callStatic('RunAsProbe', 'mixedInBlocks', [fresh.profile(MINIMUM)])
        );
        assert.ok(fresh.org.store.all('PermissionSetAssignment').some((row) => row.AssigneeId === person));
        const outside = fixture();
        outside.org.triggers.clear();
        assert.match(
            failure(() =>
                outside.apex.runSnippet(
                    `insert new Account(Name = 'A'); insert new PermissionSetAssignment(AssigneeId = UserInfo.getUserId(), PermissionSetId = '${outside.org.store.all('PermissionSet').find((row) => row.Name === 'Keystone_Admin')!.Id}');`
                )
            ),
            /MIXED_DML_OPERATION, DML operation on setup object is not permitted after you have updated a non-setup object \(or vice versa\): PermissionSetAssignment, original object: Account/
        );
    });

    test('a permission set a test builds is enforced (KeystoneTestDataFactory.newUserMissingField)', () => {
        const missing = user(MINIMUM);
        const keystoneUser = org.store.all('PermissionSet').find((row) => row.Name === 'Keystone_User')!.Id;
        const built = run(
            apex,
            `PermissionSet partial = new PermissionSet(Name = 'Keystone_Test_Partial', Label = 'Keystone Test Partial'); insert partial;
             List<ObjectPermissions> objects = new List<ObjectPermissions>();
             for (ObjectPermissions granted : (List<ObjectPermissions>) Database.query('SELECT SobjectType, PermissionsRead, PermissionsCreate, PermissionsEdit FROM ObjectPermissions WHERE ParentId = \\'${keystoneUser}\\''))
                 objects.add(new ObjectPermissions(ParentId = partial.Id, SobjectType = granted.SobjectType, PermissionsRead = granted.PermissionsRead, PermissionsCreate = granted.PermissionsCreate, PermissionsEdit = granted.PermissionsEdit));
             insert objects;
             List<FieldPermissions> fields = new List<FieldPermissions>();
             for (FieldPermissions granted : (List<FieldPermissions>) Database.query('SELECT SobjectType, Field, PermissionsRead, PermissionsEdit FROM FieldPermissions WHERE ParentId = \\'${keystoneUser}\\''))
                 if (granted.Field != 'Account_Plan__c.Goal_Statement__c')
                     fields.add(new FieldPermissions(ParentId = partial.Id, SobjectType = granted.SobjectType, Field = granted.Field, PermissionsRead = granted.PermissionsRead, PermissionsEdit = granted.PermissionsEdit));
             insert fields;
             insert new PermissionSetAssignment(AssigneeId = '${missing}', PermissionSetId = partial.Id);
             return fields.size() > 0;`
        );
        assert.equal(built, 'true');
        const check =
            "return Account_Plan__c.Goal_Statement__c.getDescribe().isAccessible() + ' ' + Account_Plan__c.Period_Start__c.getDescribe().isAccessible();";
        assert.equal(
            org.runAs(missing, () => run(apex, check)),
            'false true'
        );
        assert.equal(
            org.runAs(rep, () => run(apex, check)),
            'true true'
        );
    });
});
