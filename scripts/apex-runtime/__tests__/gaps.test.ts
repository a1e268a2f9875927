// Trust tests for the gaps Keystone's Apex tests found in the runtime on their first run here (issue 15),
// each the behaviour the Apex Developer Guide, the Apex Reference or the Platform Events Developer Guide
// documents: a query read as its one row, String.repeat, stack traces, Id values, describe options and
// maps, static resources and Blobs, platform events in tests, upsert by External ID, and a save run per
// chunk of 200 in the order of execution.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { FORCE_APP } from '../../lib/project';
import { freshOrg as fresh, run, thrown } from './harness';

test('a query used as a record: its one row ("Using SOQL Queries That Return One Record")', () => {
    const { apex } = fresh();
    run(apex, "insert new List<Account>{ new Account(Name = 'A'), new Account(Name = 'B') };");
    const cases: [string, string, string][] = [
        ['a field read off one row', "return [SELECT Name FROM Account WHERE Name = 'A'].Name;", 'A'],
        ['with ?. no row reads as null', "return [SELECT Name FROM Account WHERE Name = 'Z']?.Name;", 'null'],
        ['as a list it keeps its list methods', 'return [SELECT Name FROM Account].size();', '2']
    ];
    for (const [name, body, expected] of cases) assert.equal(run(apex, body), expected, name);
    assert.equal(
        thrown(apex, "return [SELECT Name FROM Account WHERE Name = 'Z'].Name;"),
        'System.QueryException: List has no rows for assignment to SObject'
    );
    assert.equal(
        thrown(apex, 'return [SELECT Name FROM Account].Name;'),
        'System.QueryException: List has more than 1 row for assignment to SObject'
    );
});

test('String.repeat with and without a separator; Datetime.format; Ids in their 18-character form', () => {
    const { apex } = fresh();
    const cases: [string, string, string][] = [
        ['repeat', "return 'ab'.repeat(3);", 'ababab'],
        ['repeat with a separator', "return 'ab'.repeat('-', 3);", 'ab-ab-ab'],
        ['repeat no times', "return 'ab'.repeat(0).length();", '0'],
        [
            'format with a pattern, in the user time zone (GMT here)',
            "return Datetime.newInstanceGmt(2026, 1, 5, 13, 4, 9).format('yyyy-MM-dd HH:mm:ss a EEE');",
            '2026-01-05 13:04:09 PM Mon'
        ],
        [
            'format() as the en_US user reads it',
            'return Datetime.newInstanceGmt(2026, 11, 30, 18, 3, 0).format();',
            '11/30/2026, 6:03 PM'
        ],
        [
            'the getters',
            'Datetime d = Datetime.newInstanceGmt(2026, 11, 30, 18, 3, 7); return d.month() + d.hour() + d.second();',
            '36'
        ],
        ['an Id variable holds 18 characters', "Id x = '001000000000001'; return x;", '001000000000001AAA'],
        ['Id.valueOf gives 18 characters', "return Id.valueOf('a01000000000001');", 'a01000000000001AAA'],
        ['an 18-character Id stays', "Id x = '001000000000001AAA'; return x.length();", '18']
    ];
    for (const [name, body, expected] of cases) assert.equal(run(apex, body), expected, name);
    assert.equal(
        thrown(apex, "Id x = 'not an id'; return x;"),
        'System.StringException: Invalid id: not an id'
    );
});

test('getStackTraceString names each frame innermost first; getLineNumber its first line', () => {
    const { apex } = fresh(
        ['trigger T on Account (before insert) {\n    Thrower.npe();\n}'],
        [
            [
                'public class Thrower {',
                '    public static String trace() {',
                '        try {',
                '            outer();',
                '        } catch (Exception e) {',
                "            return e.getStackTraceString() + '|' + e.getLineNumber();",
                '        }',
                '        return null;',
                '    }',
                '    static void outer() {',
                '        new Inner().fail();',
                '    }',
                '    public static void npe() {',
                '        Integer i = null;',
                '        i++;',
                '    }',
                '    public class Inner {',
                '        public void fail() {',
                "            throw new IllegalArgumentException('no');",
                '        }',
                '    }',
                '}'
            ].join('\n')
        ]
    );
    const [trace, lineNumber] = run(apex, 'return Thrower.trace();').split('|');
    const lines = trace!.split('\n');
    assert.match(lines[0]!, /^Class\.Thrower\.Inner\.fail: line 19, column \d+$/);
    assert.match(lines[1]!, /^Class\.Thrower\.outer: line 11, column \d+$/);
    assert.match(lines[2]!, /^Class\.Thrower\.trace: line 4, column \d+$/);
    assert.equal(lineNumber, '19');
    // a trigger's frame, as a DmlException's cause shows it; a DmlException has a trace of its own
    assert.match(
        run(
            apex,
            "try { insert new Account(Name = 'A'); } catch (DmlException e) { return e.getMessage(); } return null;"
        ),
        /T: execution of BeforeInsert caused by: System\.NullPointerException/
    );
    assert.match(
        run(
            apex,
            'try { insert new Contact(); } catch (DmlException e) { return e.getStackTraceString(); } return null;'
        ),
        /^Class\.Snippet\d+\.run: line 1, column \d+$/
    );
});

test('describe: SObjectDescribeOptions, Schema.describeSObjects, field maps found without regard to case', () => {
    const { apex } = fresh();
    const cases: [string, string, string][] = [
        [
            'getDescribe(DEFERRED)',
            'return User.SObjectType.getDescribe(SObjectDescribeOptions.DEFERRED).getKeyPrefix();',
            '005'
        ],
        [
            'describeSObjects in order',
            "List<Schema.DescribeSObjectResult> d = Schema.describeSObjects(new List<String>{ 'Contact', 'Account' }, SObjectDescribeOptions.DEFAULT); return d[0].getName() + d[1].getName();",
            'ContactAccount'
        ],
        [
            'a field map finds any spelling',
            "Map<String, Schema.SObjectField> m = Schema.SObjectType.Contact.fields.getMap(); return m.get('Stance__c') + ' ' + m.containsKey('STANCE__C');",
            'Stance__c true'
        ],
        [
            'its keys are lower-case',
            "return Schema.SObjectType.Contact.fields.getMap().keySet().contains('Stance__c');",
            'false'
        ],
        [
            'DmlException.getDmlFields of an inserted row are the object fields',
            'try { insert new Contact(); } catch (DmlException e) { return e.getDmlFields(0)[0].getDescribe().getLabel(); } return null;',
            'Last Name'
        ],
        [
            'a QueryException the code made has no inaccessible fields',
            "return new QueryException('x').getInaccessibleFields().isEmpty();",
            'true'
        ]
    ];
    for (const [name, body, expected] of cases) assert.equal(run(apex, body), expected, name);
    assert.equal(
        thrown(apex, "return Schema.describeSObjects(new List<String>{ 'Nope__c' });"),
        "System.InvalidParameterValueException: In describeSObjects(), the type 'Nope__c' is not supported"
    );
});

test("static resources: force-app's files as StaticResource records, their Body a Blob", () => {
    const { apex } = fresh();
    const file = path.join(FORCE_APP, 'staticresources', 'KeystoneRuleVectors.json');
    const body = fs.readFileSync(file, 'utf8');
    assert.equal(
        run(
            apex,
            "return [SELECT Body FROM StaticResource WHERE Name = 'KeystoneRuleVectors' LIMIT 1].Body.toString();"
        ),
        body
    );
    const cases: [string, string, string][] = [
        [
            'the content type from the metadata',
            "return [SELECT ContentType FROM StaticResource WHERE Name = 'KeystoneRuleVectors'].ContentType;",
            'application/json'
        ],
        [
            'a Blob prints as its size',
            "return String.valueOf([SELECT Body FROM StaticResource WHERE Name = 'KeystoneRuleVectors'].Body);",
            `Blob[${Buffer.byteLength(body)}]`
        ],
        ['Blob.valueOf and back', "Blob b = Blob.valueOf('hé'); return b.size() + b.toString();", '3hé'],
        ['hex of a Blob', "return EncodingUtil.convertToHex(Blob.valueOf('AZ'));", '415a'],
        ['an AES key of 128 bits', 'return Crypto.generateAesKey(128).size();', '16']
    ];
    for (const [name, bodyText, expected] of cases) assert.equal(run(apex, bodyText), expected, name);
    assert.equal(
        thrown(apex, 'return Crypto.generateAesKey(100);'),
        'System.InvalidParameterValueException: Invalid key size: 100'
    );
});

test('platform events: published now, delivered to the subscriber trigger at deliver() ("Testing Your Platform Event in Apex")', () => {
    // the subscriber runs in a transaction of its own: it leaves its trace as a record, not a static
    const { apex, org } = fresh(
        [
            'trigger ErrorSubscriber on Keystone_Error__e (after insert) {\n    Subscriber.record(Trigger.new);\n}'
        ],
        [
            'public class Subscriber {\n' +
                '    public static void record(List<Keystone_Error__e> events) {\n' +
                '        List<Account> seen = new List<Account>();\n' +
                '        for (Keystone_Error__e event : events) seen.add(new Account(Name = event.Reference__c));\n' +
                '        insert seen;\n' +
                '    }\n' +
                '}'
        ]
    );
    org.isRunningTest = true;
    assert.equal(
        run(
            apex,
            [
                'Savepoint sp = Database.setSavepoint();',
                "Database.SaveResult one = EventBus.publish(new Keystone_Error__e(Reference__c = 'KS-1'));",
                "List<Database.SaveResult> more = EventBus.publish(new List<Keystone_Error__e>{ new Keystone_Error__e(Reference__c = 'KS-2') });",
                'Database.rollback(sp);',
                'Integer before = [SELECT COUNT() FROM Account];',
                'Test.getEventBus().deliver();',
                "return one.isSuccess() + ' ' + more.size() + ' ' + before + ' ' + [SELECT COUNT() FROM Account] + ' ' + Limits.getPublishImmediateDML() + '/' + Limits.getLimitPublishImmediateDML();"
            ].join('\n')
        ),
        // published immediately: kept through the rollback, two publish calls on their own limit
        'true 1 0 2 2/150'
    );
    assert.equal(
        run(apex, 'Test.getEventBus().deliver(); return [SELECT COUNT() FROM Account];'),
        '2',
        'delivered once'
    );
});

test('upsert by an External ID field: a matched row updates, a new one inserts, a key twice fails its row', () => {
    const { apex } = fresh();
    run(
        apex,
        "insert new Keystone_Error_Log__c(Name = 'KS-A', Reference__c = 'KS-A', Location__c = 'first');"
    );
    assert.equal(
        run(
            apex,
            [
                'List<Keystone_Error_Log__c> logs = new List<Keystone_Error_Log__c>{',
                "    new Keystone_Error_Log__c(Name = 'KS-A', Reference__c = 'ks-a', Location__c = 'again'),",
                "    new Keystone_Error_Log__c(Name = 'KS-B', Reference__c = 'KS-B')",
                '};',
                'List<Database.UpsertResult> results = Database.upsert(logs, Keystone_Error_Log__c.Reference__c, AccessLevel.SYSTEM_MODE);',
                "return results[0].isCreated() + ' ' + results[1].isCreated() + ' ' + [SELECT COUNT() FROM Keystone_Error_Log__c] + ' ' + [SELECT Location__c FROM Keystone_Error_Log__c WHERE Reference__c = 'KS-A'].Location__c;"
            ].join('\n')
        ),
        'false true 2 again'
    );
    assert.equal(
        run(
            apex,
            "List<Keystone_Error_Log__c> logs = new List<Keystone_Error_Log__c>{ new Keystone_Error_Log__c(Name = 'C', Reference__c = 'KS-C'), new Keystone_Error_Log__c(Name = 'C', Reference__c = 'KS-C') };\n" +
                'List<Database.UpsertResult> r = Database.upsert(logs, Keystone_Error_Log__c.Reference__c, false);\n' +
                "return r[0].isSuccess() + ' ' + r[1].getErrors()[0].getStatusCode();"
        ),
        'true DUPLICATE_EXTERNAL_ID'
    );
    assert.equal(
        run(
            apex,
            "upsert new Keystone_Error_Log__c(Name = 'KS-B', Reference__c = 'KS-B', Location__c = 'stmt') Reference__c; return [SELECT Location__c FROM Keystone_Error_Log__c WHERE Reference__c = 'KS-B'].Location__c;"
        ),
        'stmt'
    );
    assert.match(
        thrown(
            apex,
            "Database.upsert(new List<Keystone_Error_Log__c>{ new Keystone_Error_Log__c(Name = 'X') }, Keystone_Error_Log__c.Location__c);"
        ),
        /^System\.SObjectException: Invalid field for upsert, must be an External Id custom or standard indexed field: Location__c$/
    );
});

test("a save of 251 rows runs the order of execution per chunk of 200: the second chunk's triggers see the first saved", () => {
    const { apex } = fresh(
        ['trigger T on Account (before insert) {\n    Stamp.saved(Trigger.new);\n}'],
        [
            'public class Stamp {\n' +
                '    public static void saved(List<Account> accounts) {\n' +
                '        Integer saved = [SELECT COUNT() FROM Account];\n' +
                '        for (Account a : accounts) a.Description = String.valueOf(saved);\n' +
                '    }\n' +
                '}'
        ]
    );
    assert.equal(
        run(
            apex,
            [
                'List<Account> accounts = new List<Account>();',
                "for (Integer i = 0; i < 251; i++) accounts.add(new Account(Name = 'A' + i));",
                'insert accounts;',
                'Map<String, Integer> seen = new Map<String, Integer>();',
                'for (Account a : [SELECT Description FROM Account]) seen.put(a.Description, (seen.containsKey(a.Description) ? seen.get(a.Description) : 0) + 1);',
                'return seen;'
            ].join('\n')
        ),
        '{0=200, 200=51}'
    );
});

test('an inherited method without arguments is found on a subclass object', () => {
    const { apex } = fresh(
        [],
        [
            "public virtual class Base { public virtual String name() { return 'base'; } public String call() { return name(); } }",
            "public class Sub extends Base { public String other() { return 'sub'; } }"
        ]
    );
    assert.equal(run(apex, 'Base b = new Sub(); return b.name() + b.call();'), 'basebase');
});
