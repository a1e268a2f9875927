// The runtime's trust tests for SObjects, Schema, DML, triggers and limits: the behaviour the Apex
// Developer Guide documents ("DML Statements vs. Database Class Methods", "Bulk DML Exception Handling",
// "Triggers and Order of Execution", "Trigger Context Variables", "Execution Governors and Limits"),
// then Keystone's own trigger paths over the preview's demo org.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Interpreter } from '../interpreter';
import { Registry } from '../registry';
import { ApexOrg } from '../org/apexOrg';
import { CompileError } from '../errors';
import { ApexList } from '../values';
import { GovernorLimits, SYNC_LIMITS } from '../org/limits';
import { createOrg } from '../../preview/server';
import { DATA_DIR, FORCE_APP } from '../../lib/project';
import { freshOrg as fresh, run, thrown } from './harness';

/** ReportingLineTriggerAction.SELF_MESSAGE and LOOP_MESSAGE, word for word. */
const REPORTING_LINE_MESSAGES = {
    self: 'Nobody can report to themselves.',
    cycle: 'That change would make a reporting loop: the new manager already reports, directly or not, to this person.'
} as const;

const LOG_CLASS = 'public class Log { public static List<String> lines = new List<String>(); }';

test('SObjects: fields by any spelling, put/get, tokens, clone, populated fields', () => {
    const { apex } = fresh();
    const cases: [string, string, string][] = [
        [
            'constructor and field read',
            "Contact c = new Contact(LastName = 'Reyes'); return c.LastName;",
            'Reyes'
        ],
        [
            'field names are case-insensitive',
            "Contact c = new Contact(lastname = 'A'); c.LASTNAME = 'B'; return c.LastName;",
            'B'
        ],
        [
            'get and put by name',
            "Contact c = new Contact(); Object before = c.put('Title', 'CTO'); return before + ' ' + c.get('title');",
            'null CTO'
        ],
        [
            'put by field token',
            "Contact c = new Contact(); c.put(Contact.Title, 'CFO'); return c.get(Contact.Title);",
            'CFO'
        ],
        [
            'getSObjectType and the token are the same',
            'return new Contact().getSObjectType() == Contact.SObjectType;',
            'true'
        ],
        ['a token prints as its object', 'return String.valueOf(Contact.SObjectType);', 'Contact'],
        ['a field token prints as its field', 'return String.valueOf(Contact.Stance__c);', 'Stance__c'],
        ['unset field is null', 'return new Contact().Title;', 'null'],
        [
            'relationship field holds a record',
            "Contact c = new Contact(); c.Account = new Account(Name = 'Acme'); return c.Account.Name;",
            'Acme'
        ],
        [
            'a null relationship de-references to an exception',
            "Contact c = new Contact(); try { return c.Account.Name; } catch (NullPointerException e) { return 'npe'; }",
            'npe'
        ],
        [
            'clone drops the Id unless asked',
            "Contact c = new Contact(Id = '003000000000001AAA', LastName = 'A'); return c.clone().Id + ' ' + c.clone(true).Id;",
            'null 003000000000001AAA'
        ],
        [
            'getPopulatedFieldsAsMap has only set fields',
            "Contact c = new Contact(LastName = 'A', Title = 'B'); return c.getPopulatedFieldsAsMap().keySet();",
            '{LastName, Title}'
        ],
        [
            'generic SObject and casts',
            "SObject s = new Contact(LastName = 'A'); Contact c = (Contact) s; return (s instanceof Contact) + ' ' + (s instanceof Account) + ' ' + c.LastName;",
            'true false A'
        ],
        [
            'newSObject from a token',
            "SObject s = Contact.SObjectType.newSObject(); s.put('LastName', 'T'); return s;",
            'Contact:{LastName=T}'
        ],
        [
            'Decimal fields keep Decimal arithmetic',
            'Account a = new Account(Key_Account_Score__c = 7); return a.Key_Account_Score__c / 2;',
            '3.5'
        ],
        [
            'Map<Id, SObject> from a list, by Id',
            "List<Contact> cs = new List<Contact>{ new Contact(Id = '003000000000001AAA'), new Contact(Id = '003000000000002AAA') }; return new Map<Id, Contact>(cs).keySet();",
            '{003000000000001AAA, 003000000000002AAA}'
        ]
    ];
    for (const [name, body, expected] of cases) assert.equal(run(apex, body), expected, name);
});

test('SObjects: wrong types and unknown fields fail as the platform fails', () => {
    const { apex } = fresh();
    const failures: [string, string, string][] = [
        [
            'put of a wrong type',
            "new Contact().put('Title', 5);",
            'System.SObjectException: Illegal assignment from Integer to String'
        ],
        [
            'dynamic get of an unknown field',
            "new Contact().get('Nope__c');",
            'System.SObjectException: Invalid field Nope__c for Contact'
        ],
        [
            'an Id field refuses a non-Id',
            "new Contact().put('AccountId', 'abc');",
            'System.StringException: Invalid id: abc'
        ],
        [
            'duplicate Ids in a Map constructor',
            "Map<Id, Contact> m = new Map<Id, Contact>(new List<Contact>{ new Contact(Id = '003000000000001AAA'), new Contact(Id = '003000000000001AAA') });",
            'System.ListException: Row with duplicate Id at index: 1'
        ]
    ];
    for (const [name, body, expected] of failures) assert.equal(thrown(apex, body), expected, name);
    // code the compiler would refuse never runs
    assert.throws(() => apex.runSnippet("Contact c = new Contact(Nope__c = 'x');"), CompileError);
    assert.throws(
        () => apex.runSnippet('return new Contact().Nope__c;'),
        /would not compile: Variable does not exist: Nope__c/
    );
    assert.throws(
        () => apex.runSnippet("Contact c = new Contact(); c.Name = 'x';"),
        /would not compile: Field is not writeable: Contact.Name/
    );
});

test("Schema: describe answers from the metadata and the running admin's access", () => {
    const { apex } = fresh();
    const cases: [string, string][] = [
        // our custom fields are deployed without profile access: only a permission set grants them
        ['return Schema.SObjectType.Contact.fields.Stance__c.isUpdateable();', 'false'],
        ['return Schema.SObjectType.Account_Plan__c.isCreateable();', 'true'],
        ['return Schema.SObjectType.Case.getLabelPlural();', 'Cases'],
        ['return Schema.SObjectType.Opportunity.getLabel();', 'Opportunity'],
        ['return Contact.Stance__c.getDescribe().getName();', 'Stance__c'],
        ['return Contact.ReportsToId.getDescribe().getReferenceTo();', '(Contact)'],
        ['return Contact.ReportsToId.getDescribe().getSoapType() == Schema.SoapType.ID;', 'true'],
        ['return Account.Key_Account_Score__c.getDescribe().getSoapType();', 'DOUBLE'],
        [
            'return Health_Score__c.Health_Assessment__c.getDescribe().getRelationshipName();',
            'Health_Assessment__r'
        ],
        ['return Plan_Milestone__c.Is_Overdue__c.getDescribe().isUpdateable();', 'false'],
        ["return Schema.SObjectType.Contact.fields.getMap().containsKey('stance__c');", 'true'],
        ["return Keystone_Trigger_Setting__mdt.getInstance('Unique_Key').Active__c;", 'true'],
        ["return Keystone_Trigger_Setting__mdt.getInstance('No_Such_Setting');", 'null']
    ];
    for (const [body, expected] of cases) assert.equal(run(apex, body), expected, body);
    const stances = run(
        apex,
        'List<String> out = new List<String>(); for (Schema.PicklistEntry e : Contact.Stance__c.getDescribe().getPicklistValues()) out.add(e.getValue()); return out;'
    );
    assert.match(stances, /^\(Champion, .*Blocker\)$/);
});

test('DML: Ids come back onto the records on insert, and the store holds them', () => {
    const { apex, org } = fresh();
    const ids = run(
        apex,
        "List<Account> accounts = new List<Account>{ new Account(Name = 'A'), new Account(Name = 'B') }; insert accounts; return accounts[0].Id + ' ' + accounts[1].Id + ' ' + (accounts[0].Id.getSObjectType() == Account.SObjectType);"
    );
    const [first, second, sameType] = ids.split(' ');
    assert.notEqual(first, second);
    assert.equal(sameType, 'true');
    assert.equal(org.store.get(first!)?.Name, 'A');
});

test("DML: a statement is all or none, with the platform's DmlException", () => {
    const { apex, org } = fresh();
    const before = org.store.all('Account').length;
    const result = run(
        apex,
        "List<Account> accounts = new List<Account>{ new Account(Name = 'Fine'), new Account() }; " +
            "try { insert accounts; } catch (DmlException e) { return e.getNumDml() + '|' + e.getDmlIndex(0) + '|' + e.getDmlType(0) + '|' + e.getDmlMessage(0) + '|' + e.getDmlFieldNames(0) + '|' + accounts[0].Id + '|' + e.getMessage(); } return 'saved';"
    );
    assert.equal(
        result,
        '1|1|REQUIRED_FIELD_MISSING|Required fields are missing: [Name]|(Name)|null|Insert failed. First exception on row 1; first error: REQUIRED_FIELD_MISSING, Required fields are missing: [Name]: [Name]'
    );
    assert.equal(org.store.all('Account').length, before, 'the valid row was rolled back too');
    assert.equal(
        thrown(apex, "Account a = new Account(Name = 'x'); insert a; insert a;"),
        'System.DmlException: Insert failed. First exception on row 0; first error: INVALID_FIELD_FOR_INSERT_UPDATE, cannot specify Id in an insert call: [Id]'
    );
    assert.equal(
        thrown(apex, "update new Account(Name = 'x');"),
        'System.DmlException: Update failed. First exception on row 0; first error: MISSING_ARGUMENT, Id not specified in an update call: [Id]'
    );
});

test('DML: Database methods with allOrNone=false save what they can and say why the rest failed', () => {
    const { apex, org } = fresh();
    const result = run(
        apex,
        "List<Account> accounts = new List<Account>{ new Account(Name = 'One'), new Account(Name = 'Bad', Key_Account_Score__c = 11), new Account(Name = 'Three') }; " +
            'List<Database.SaveResult> results = Database.insert(accounts, false); List<String> out = new List<String>(); ' +
            "for (Database.SaveResult r : results) { out.add(r.isSuccess() + ':' + (r.getId() != null) + ':' + (r.isSuccess() ? '' : r.getErrors()[0].getStatusCode() + ' ' + r.getErrors()[0].getMessage() + ' ' + r.getErrors()[0].getFields())); } " +
            "out.add(String.valueOf(accounts[1].Id)); out.add(String.valueOf(accounts[2].Id != null)); return String.join(out, '|');"
    );
    assert.equal(
        result,
        'true:true:|false:false:FIELD_CUSTOM_VALIDATION_EXCEPTION The key account score must be between 0 and 10. (Key_Account_Score__c)|true:true:|null|true'
    );
    assert.deepEqual(
        org.store
            .all('Account')
            .map((account) => account.Name)
            .filter((name) => name !== 'Runtime'),
        ['One', 'Three']
    );
    assert.equal(
        thrown(apex, 'Database.insert(new List<Account>{ new Account() }, true);'),
        'System.DmlException: Insert failed. First exception on row 0; first error: REQUIRED_FIELD_MISSING, Required fields are missing: [Name]: [Name]'
    );
});

test('DML: update, upsert, delete, undelete, and savepoints roll back', () => {
    const { apex, org } = fresh();
    const out = run(
        apex,
        "Account a = new Account(Name = 'A'); insert a; a.Name = 'A2'; update a; " +
            "Account b = new Account(Name = 'B'); upsert b; Database.UpsertResult u = Database.upsert(new Account(Id = b.Id, Name = 'B2'), true); " +
            'delete a; Database.DeleteResult d = Database.delete(b, false); Database.UndeleteResult r = Database.undelete(a, false); ' +
            "Savepoint sp = Database.setSavepoint(); insert new Account(Name = 'C'); Database.rollback(sp); " +
            "return u.isCreated() + ' ' + d.isSuccess() + ' ' + r.isSuccess() + ' ' + Limits.getDmlStatements();"
    );
    assert.equal(out, 'false true true 10');
    assert.deepEqual(
        org.store.all('Account').map((account) => account.Name),
        ['A2']
    );
    assert.equal(
        thrown(apex, "Account x = new Account(Name = 'x'); insert x; delete x; delete x;"),
        `System.DmlException: Delete failed. First exception on row 0 with id ${org.store.ids.prefixOf('Account')}000000000004AAA; first error: ENTITY_IS_DELETED, entity is deleted: []`
    );
});

test('Triggers: context variables per event', () => {
    const { apex } = fresh(
        [
            `trigger AccountLog on Account (before insert, after insert, before update, after update, before delete, after delete, after undelete) {
                Log.lines.add(Trigger.operationType + ' before=' + Trigger.isBefore + ' after=' + Trigger.isAfter + ' insert=' + Trigger.isInsert
                    + ' update=' + Trigger.isUpdate + ' delete=' + Trigger.isDelete + ' undelete=' + Trigger.isUndelete + ' size=' + Trigger.size
                    + ' new=' + (Trigger.new != null) + ' old=' + (Trigger.old != null) + ' newMap=' + (Trigger.newMap != null) + ' oldMap=' + (Trigger.oldMap != null)
                    + ' newId=' + (Trigger.new != null && Trigger.new[0].Id != null));
            }`
        ],
        [LOG_CLASS]
    );
    const lines = run(
        apex,
        "List<Account> a = new List<Account>{ new Account(Name = 'A'), new Account(Name = 'B') }; insert a; update a; delete a; undelete a; " +
            "return String.join(Log.lines, '\\n') + '\\n' + Trigger.isExecuting + ' ' + Trigger.new;"
    ).split('\n');
    assert.deepEqual(lines, [
        'BEFORE_INSERT before=true after=false insert=true update=false delete=false undelete=false size=2 new=true old=false newMap=false oldMap=false newId=false',
        'AFTER_INSERT before=false after=true insert=true update=false delete=false undelete=false size=2 new=true old=false newMap=true oldMap=false newId=true',
        'BEFORE_UPDATE before=true after=false insert=false update=true delete=false undelete=false size=2 new=true old=true newMap=true oldMap=true newId=true',
        'AFTER_UPDATE before=false after=true insert=false update=true delete=false undelete=false size=2 new=true old=true newMap=true oldMap=true newId=true',
        'BEFORE_DELETE before=true after=false insert=false update=false delete=true undelete=false size=2 new=false old=true newMap=false oldMap=true newId=false',
        'AFTER_DELETE before=false after=true insert=false update=false delete=true undelete=false size=2 new=false old=true newMap=false oldMap=true newId=false',
        'AFTER_UNDELETE before=false after=true insert=false update=false delete=false undelete=true size=2 new=true old=false newMap=true oldMap=false newId=true',
        'false null'
    ]);
});

test('Triggers: 200 records a chunk, as the platform hands them to a trigger', () => {
    const { apex } = fresh(
        ['trigger Sizes on Account (before insert) { Log.lines.add(String.valueOf(Trigger.size)); }'],
        [LOG_CLASS]
    );
    assert.equal(
        run(
            apex,
            "List<Account> a = new List<Account>(); for (Integer i = 0; i < 450; i++) a.add(new Account(Name = 'A' + i)); insert a; return Log.lines;"
        ),
        '(200, 200, 50)'
    );
});

test('Triggers: order of execution — before triggers, validation rules, save, after triggers', () => {
    const { apex, org } = fresh(
        [
            `trigger Clamp on Account (before insert, after insert) {
                for (Account a : Trigger.new) {
                    Log.lines.add((Trigger.isBefore ? 'before ' : 'after ') + a.Key_Account_Score__c);
                    if (Trigger.isBefore && a.Name == 'Clamp me') a.Key_Account_Score__c = 10;
                    if (Trigger.isBefore && a.Name == 'Refuse me') a.Name.addError('Not this one.');
                    if (Trigger.isBefore && a.Name == 'Refuse row') a.addError('Not this row.');
                }
            }`
        ],
        [LOG_CLASS]
    );
    // a before trigger's change persists and is what the validation rule sees
    const clamped = run(
        apex,
        "Account a = new Account(Name = 'Clamp me', Key_Account_Score__c = 12); insert a; return a.Id + ' ' + a.Key_Account_Score__c + ' ' + Log.lines;"
    );
    const [id, callerValue, ...log] = clamped.split(' ');
    assert.equal(org.store.get(id!)?.Key_Account_Score__c, 10, "the before trigger's change was saved");
    assert.equal(callerValue, '12', "the caller's record gets the Id back, not the trigger's changes");
    assert.equal(log.join(' '), '(before 12, after 10)');
    // a validation rule refuses after the before trigger ran; after triggers never run for the row
    assert.equal(
        thrown(apex, "Log.lines.clear(); insert new Account(Name = 'Too high', Key_Account_Score__c = 12);"),
        'System.DmlException: Insert failed. First exception on row 0; first error: FIELD_CUSTOM_VALIDATION_EXCEPTION, The key account score must be between 0 and 10.: [Key_Account_Score__c]'
    );
    assert.equal(run(apex, 'return Log.lines;'), '(before 12)');
    // addError on a field or the record fails the row with its message
    assert.equal(
        thrown(apex, "insert new Account(Name = 'Refuse me');"),
        'System.DmlException: Insert failed. First exception on row 0; first error: FIELD_CUSTOM_VALIDATION_EXCEPTION, Not this one.: [Name]'
    );
    assert.equal(
        run(
            apex,
            "Database.SaveResult r = Database.insert(new Account(Name = 'Refuse row'), false); return r.isSuccess() + ' ' + r.getErrors()[0].getMessage() + ' ' + r.getErrors()[0].getFields();"
        ),
        'false Not this row. ()'
    );
});

test('Triggers: after-trigger records are read-only; an exception a trigger lets through fails the rows', () => {
    const { apex } = fresh(["trigger Late on Account (after insert) { Trigger.new[0].Name = 'changed'; }"]);
    assert.equal(
        thrown(apex, "insert new Account(Name = 'A');"),
        'System.DmlException: Insert failed. First exception on row 0; first error: CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY, Late: execution of AfterInsert caused by: System.FinalException: Record is read-only: []'
    );
});

test("Limits: counted per transaction, with the platform's messages, and no catch stops them", () => {
    const dml = fresh().apex;
    assert.equal(
        thrown(
            dml,
            "for (Integer i = 0; i < 151; i++) { try { insert new Account(Name = 'A' + i); } catch (Exception e) { return 'caught'; } } return 'done';"
        ),
        'System.LimitException: Too many DML statements: 151'
    );
    const rows = fresh().apex;
    assert.equal(
        thrown(
            rows,
            "List<Account> a = new List<Account>(); for (Integer i = 0; i < 10001; i++) a.add(new Account(Name = 'A')); insert a;"
        ),
        'System.LimitException: Too many DML rows: 10001'
    );
    const { apex: queries, org } = fresh();
    // the query seam counts before the engine runs: any engine will do to count
    org.queryEngine = () => ({ value: new ApexList(null, []), rowsRetrieved: 0 });
    assert.equal(
        thrown(
            queries,
            'for (Integer i = 0; i < 101; i++) { List<Account> a = [SELECT Id FROM Account]; } return null;'
        ),
        'System.LimitException: Too many SOQL queries: 101'
    );
    const { apex: counts } = fresh();
    assert.equal(
        run(
            counts,
            "insert new Account(Name = 'A'); return Limits.getDmlStatements() + '/' + Limits.getLimitDmlStatements() + ' ' + Limits.getDmlRows() + ' ' + Limits.getQueries() + '/' + Limits.getLimitQueries() + ' ' + Limits.getLimitHeapSize() + ' ' + (Limits.getCpuTime() >= 0);"
        ),
        '1/150 1 0/100 6291456 true'
    );
});

test('Limits: CPU time is checked as statements run; the heap estimate grows with the static state', () => {
    const org = ApexOrg.empty(FORCE_APP);
    org.triggers.clear();
    org.limits = new GovernorLimits({ ...SYNC_LIMITS, cpuMs: 0 });
    const registry = new Registry();
    registry.addSource(LOG_CLASS, 'Log.cls');
    const apex = new Interpreter(registry, org);
    assert.equal(
        thrown(apex, 'Integer n = 0; for (Integer i = 0; i < 5000; i++) { n++; } return n;'),
        'System.LimitException: Apex CPU time limit exceeded'
    );
    const { apex: heap } = fresh([], [LOG_CLASS]);
    const sizes = run(
        heap,
        "Integer before = Limits.getHeapSize(); for (Integer i = 0; i < 100; i++) Log.lines.add('0123456789'); return before + ' ' + Limits.getHeapSize();"
    ).split(' ');
    assert.ok(Number(sizes[1]) - Number(sizes[0]) >= 2000, sizes.join(' '));
});

test('System classes: UserInfo from the running user, Crypto, System.now/today, Test.isRunningTest', () => {
    const { apex, org } = fresh();
    assert.equal(run(apex, 'return UserInfo.getUserId();'), org.runningUserId);
    assert.equal(
        run(
            apex,
            "return UserInfo.getName() + ' ' + UserInfo.getDefaultCurrency() + ' ' + (UserInfo.getProfileId() != null);"
        ),
        'Keystone Admin USD true'
    );
    assert.equal(run(apex, 'return Test.isRunningTest();'), 'false');
    assert.equal(run(apex, 'Integer r = Crypto.getRandomInteger(); return r instanceof Integer;'), 'true');
    assert.equal(run(apex, 'return System.today() == Date.today();'), 'true');
    assert.equal(run(apex, 'return System.now() <= Datetime.now();'), 'true');
});

// one demo org and Keystone's classes, parsed once for the Keystone tests below
function keystone(): { apex: Interpreter; org: ApexOrg } {
    const { org: store } = createOrg(DATA_DIR);
    const org = new ApexOrg(store);
    const registry = new Registry();
    registry.loadFolder(`${FORCE_APP}/classes`);
    return { apex: new Interpreter(registry, org), org };
}

test('Keystone: the Contact reporting-line trigger refuses a loop with its readable message, over the demo org', () => {
    const { apex, org } = keystone();
    const person = org.store.all('Contact').find((contact) => contact.ReportsToId)!;
    const managerId = String(person.ReportsToId);
    const managerBefore = org.store.get(managerId)?.ReportsToId ?? null;
    // the person keeps their manager while the manager moves under them: a loop inside one save
    assert.equal(
        thrown(
            apex,
            `update new List<Contact>{ new Contact(Id = '${person.Id}', ReportsToId = '${managerId}'), new Contact(Id = '${managerId}', ReportsToId = '${person.Id}') };`
        ),
        `System.DmlException: Update failed. First exception on row 1 with id ${managerId}; first error: FIELD_CUSTOM_VALIDATION_EXCEPTION, ${REPORTING_LINE_MESSAGES.cycle}: [ReportsToId]`
    );
    assert.equal(org.store.get(managerId)?.ReportsToId ?? null, managerBefore, 'nothing was saved');
    assert.equal(
        run(
            apex,
            `Database.SaveResult r = Database.update(new Contact(Id = '${person.Id}', ReportsToId = '${person.Id}'), false); return r.isSuccess() + ' ' + r.getErrors()[0].getMessage() + ' ' + r.getErrors()[0].getFields();`
        ),
        `false ${REPORTING_LINE_MESSAGES.self} (ReportsToId)`
    );
});

test('Keystone: the unique-key trigger action keys a new cell, and the unique field refuses a second one', () => {
    const { apex, org } = keystone();
    const cell = org.store.all('Landscape_Cell__c')[0]!;
    const cells = org.store.all('Landscape_Cell__c').length;
    assert.equal(
        run(
            apex,
            `Database.SaveResult r = Database.insert(new Landscape_Cell__c(Buying_Center__c = '${cell.Buying_Center__c}', Offering__c = '${cell.Offering__c}'), false); return r.isSuccess() + ' ' + r.getErrors()[0].getStatusCode();`
        ),
        'false DUPLICATE_VALUE'
    );
    assert.equal(org.store.all('Landscape_Cell__c').length, cells);
    const used = new Set(
        org.store.all('Landscape_Cell__c').map((each) => `${each.Buying_Center__c}:${each.Offering__c}`)
    );
    const offering = org.store
        .all('Offering__c')
        .find((each) => !used.has(`${cell.Buying_Center__c}:${each.Id}`) && each.Active__c !== false)!;
    const id = run(
        apex,
        `Landscape_Cell__c c = new Landscape_Cell__c(Buying_Center__c = '${cell.Buying_Center__c}', Offering__c = '${offering.Id}', Status__c = 'Whitespace Target'); insert c; return c.Id;`
    );
    assert.equal(org.store.get(id)?.Unique_Key__c, `${cell.Buying_Center__c}:${offering.Id}`);
});

test('Keystone: a stance change records an observation through the after-update trigger (DML inside a trigger)', () => {
    const { apex, org } = keystone();
    const stances = ['Champion', 'Supporter', 'Neutral', 'Detractor', 'Blocker'];
    const person = org.store.all('Contact').find((contact) => contact.Stance__c)!;
    const next = stances.find((stance) => stance !== person.Stance__c)!;
    const observationsOf = (): number =>
        org.store.all('Stance_Observation__c').filter((each) => each.Contact__c === person.Id).length;
    const before = observationsOf();
    run(apex, `update new Contact(Id = '${person.Id}', Stance__c = '${next}');`);
    assert.equal(observationsOf(), before + 1);
    const latest = org.store
        .all('Stance_Observation__c')
        .filter((each) => each.Contact__c === person.Id)
        .pop()!;
    assert.equal(latest.Stance__c, next);
    // the same stance again is no change: nothing new is observed
    run(apex, `update new Contact(Id = '${person.Id}', Stance__c = '${next}');`);
    assert.equal(observationsOf(), before + 1);
});

test('Keystone: the plan-status trigger action refuses a move the lifecycle forbids, and allows the others', () => {
    const { apex, org } = keystone();
    const closed = org.store.all('Account_Plan__c').find((plan) => plan.Status__c === 'Closed')!;
    assert.equal(
        thrown(apex, `update new Account_Plan__c(Id = '${closed.Id}', Status__c = 'Draft');`),
        `System.DmlException: Update failed. First exception on row 0 with id ${closed.Id}; first error: FIELD_CUSTOM_VALIDATION_EXCEPTION, A plan in status Closed cannot move to Draft.: [Status__c]`
    );
    assert.equal(org.store.get(closed.Id)?.Status__c, 'Closed');
    const review = org.store.all('Account_Plan__c').find((plan) => plan.Status__c === 'In Review')!;
    run(apex, `update new Account_Plan__c(Id = '${review.Id}', Status__c = 'Draft');`);
    assert.equal(org.store.get(review.Id)?.Status__c, 'Draft');
});

test("Keystone: KeystoneDataService saves all rows or none, with each row's readable message", () => {
    const { apex, org } = keystone();
    // criterion scores are Keystone Manager's to enter; user mode checks the running user holds it
    org.assignPermissionSet(org.runningUserId, 'Keystone_Manager');
    run(apex, "insert new Account(Name = 'Scored'); return null;");
    const accountId = org.store.all('Account').find((row) => row.Name === 'Scored')!.Id;
    const scores = org.store.all('Criterion_Score__c').length;
    const out = run(
        apex,
        `List<KeystoneDataService.RowResult> results = KeystoneDataService.getInstance().insertRows(new List<SObject>{ new Criterion_Score__c(Account__c = '${accountId}', Criterion__c = 'Product_Fit', Score__c = 7), new Criterion_Score__c(Account__c = '${accountId}', Criterion__c = 'Revenue_Potential', Score__c = 11) }); ` +
            "List<String> out = new List<String>(); for (KeystoneDataService.RowResult r : results) out.add(r.index + ':' + r.success + ':' + r.id + ':' + r.messages); return String.join(out, '|');"
    );
    assert.equal(out, '0:true:null:()|1:false:null:(A criterion score must be a whole number from 1 to 10.)');
    assert.equal(
        org.store.all('Criterion_Score__c').length,
        scores,
        'the savepoint took the good row back too'
    );
});
