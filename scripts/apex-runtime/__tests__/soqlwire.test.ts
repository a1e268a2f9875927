// SOQL inside the Apex runtime: the interpreter's queries run through the SOQL module over the org's
// store. What the Apex Developer Guide documents for binds ("Using Apex Variables in SOQL and SOSL
// Queries"), results ("Working with SOQL Query Results", "Working with SOQL Aggregate Functions"),
// single-row assignment, SOQL for loops, limits, QueryException and sharing ("Use the with sharing,
// without sharing, and inherited sharing Keywords"); then Keystone's own paths that read with SOQL.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Interpreter } from '../interpreter';
import { Registry } from '../registry';
import { ALL_ACCESS, ApexOrg, type SecurityHook } from '../org/apexOrg';
import { GovernorLimits, SYNC_LIMITS, type LimitValues } from '../org/limits';
import { AGGREGATE_QUERY_MORE_MESSAGE } from '../org/soqlBridge';
import { createOrg } from '../../preview/server';
import { INSTALLER_PERMISSION_SETS } from '../../lib/orgCommands';
import { DATA_DIR, FORCE_APP } from '../../lib/project';
import { run, thrown } from './harness';

/** ReportingLineTriggerAction.SELF_MESSAGE and LOOP_MESSAGE, word for word. */
const REPORTING_LINE_MESSAGES = {
    self: 'Nobody can report to themselves.',
    cycle: 'That change would make a reporting loop: the new manager already reports, directly or not, to this person.'
} as const;

/** An org with Keystone's objects and none of its triggers, the given classes, and optional limits. */
function fresh(classes: string[] = [], limits?: Partial<LimitValues>): { apex: Interpreter; org: ApexOrg } {
    const org = ApexOrg.empty(FORCE_APP);
    org.triggers.clear();
    if (limits) org.limits = new GovernorLimits({ ...SYNC_LIMITS, ...limits });
    const registry = new Registry();
    classes.forEach((source, i) => registry.addSource(source, `C${i}.cls`));
    return { apex: new Interpreter(registry, org), org };
}

// three accounts, two opportunities and three contacts: enough for every bind kind to select a subset
const SEED = `
    List<Account> accounts = new List<Account>{ new Account(Name = 'Acme'), new Account(Name = 'Globex'), new Account(Name = 'Initech') };
    insert accounts;
    insert new List<Opportunity>{
        new Opportunity(Name = 'Big', StageName = 'Closed Won', CloseDate = Date.newInstance(2026, 2, 10), Amount = 1000.50, AccountId = accounts[0].Id),
        new Opportunity(Name = 'Small', StageName = 'Prospecting', CloseDate = Date.newInstance(2026, 5, 1), Amount = 200, AccountId = accounts[0].Id)
    };
    Contact boss = new Contact(LastName = 'Boss', AccountId = accounts[0].Id);
    insert boss;
    insert new List<Contact>{ new Contact(LastName = 'Ann', AccountId = accounts[0].Id, ReportsToId = boss.Id), new Contact(LastName = 'Bo', AccountId = accounts[1].Id) };
    return null;`;

test('Binds: every Apex value kind becomes the SOQL value the query compares', () => {
    const { apex } = fresh();
    run(apex, SEED);
    const cases: [string, string, string][] = [
        ['String', "String n = 'acme'; return [SELECT COUNT() FROM Account WHERE Name = :n];", '1'],
        [
            'an expression',
            "String p = 'G'; return [SELECT COUNT() FROM Account WHERE Name LIKE :(p + '%')];",
            '1'
        ],
        [
            'Integer',
            'Integer floor = 500; return [SELECT COUNT() FROM Opportunity WHERE Amount > :floor];',
            '1'
        ],
        [
            'Decimal',
            'Decimal floor = 200.0; return [SELECT COUNT() FROM Opportunity WHERE Amount >= :floor];',
            '2'
        ],
        ['Boolean', 'Boolean won = true; return [SELECT COUNT() FROM Opportunity WHERE IsWon = :won];', '1'],
        [
            'Date',
            'Date d = Date.newInstance(2026, 3, 1); return [SELECT COUNT() FROM Opportunity WHERE CloseDate < :d];',
            '1'
        ],
        [
            'Datetime',
            'Datetime t = Datetime.newInstance(2000, 1, 1); return [SELECT COUNT() FROM Account WHERE LastModifiedDate > :t];',
            '3'
        ],
        ['null', 'Id none = null; return [SELECT COUNT() FROM Contact WHERE ReportsToId = :none];', '2'],
        [
            'List<Id>',
            "List<Id> ids = new List<Id>(); for (Account a : [SELECT Id FROM Account WHERE Name != 'Initech']) ids.add(a.Id); return [SELECT COUNT() FROM Contact WHERE AccountId IN :ids];",
            '3'
        ],
        [
            'Set<Id>',
            "Set<Id> ids = new Map<Id, Account>([SELECT Id FROM Account WHERE Name = 'Globex']).keySet(); return [SELECT COUNT() FROM Contact WHERE AccountId IN :ids];",
            '1'
        ],
        [
            'List<SObject> binds the records by Id',
            "List<Account> some = [SELECT Id FROM Account WHERE Name IN ('Acme', 'Initech')]; return [SELECT COUNT() FROM Account WHERE Id IN :some];",
            '2'
        ],
        [
            'Set<String>',
            "Set<String> names = new Set<String>{ 'Ann', 'Bo', 'Nobody' }; return [SELECT COUNT() FROM Contact WHERE LastName IN :names];",
            '2'
        ],
        ['LIMIT from a bind', 'Integer n = 2; return [SELECT Id FROM Account LIMIT :n].size();', '2'],
        [
            'queryWithBinds: a Date and a List<Id> from the map',
            "Map<String, Object> b = new Map<String, Object>{ 'd' => Date.newInstance(2026, 3, 1), 'ids' => new List<Id>(new Map<Id, Account>([SELECT Id FROM Account]).keySet()) }; return Database.queryWithBinds('SELECT Id FROM Opportunity WHERE CloseDate > :d AND AccountId IN :ids', b, AccessLevel.USER_MODE).size();",
            '1'
        ],
        [
            'countQueryWithBinds: keys without regard to case',
            "return Database.countQueryWithBinds('SELECT COUNT() FROM Account WHERE Name = :Name', new Map<String, Object>{ 'name' => 'Globex' }, AccessLevel.SYSTEM_MODE);",
            '1'
        ]
    ];
    for (const [name, body, expected] of cases) assert.equal(run(apex, body), expected, name);
});

test('Results: records typed by object with parents and child lists; COUNT() an Integer; AggregateResult typed', () => {
    const { apex } = fresh();
    run(apex, SEED);
    const cases: [string, string, string][] = [
        [
            'a record of its object, fields typed',
            "Opportunity o = [SELECT Amount, CloseDate, IsWon, Name FROM Opportunity WHERE Name = 'Big']; return (o instanceof Opportunity) + ' ' + (o.Amount instanceof Decimal) + ' ' + o.Amount + ' ' + (o.CloseDate instanceof Date) + ' ' + o.CloseDate + ' ' + o.IsWon;",
            'true true 1000.5 true 2026-02-10 true'
        ],
        [
            'parents as nested records',
            "Contact c = [SELECT Id, Account.Name, ReportsTo.LastName FROM Contact WHERE LastName = 'Ann']; return c.Account.Name + ' ' + c.ReportsTo.LastName + ' ' + (c.Account instanceof Account);",
            'Acme Boss true'
        ],
        [
            'an empty lookup reads null',
            "Contact c = [SELECT Id, ReportsTo.LastName FROM Contact WHERE LastName = 'Bo']; return c.ReportsTo;",
            'null'
        ],
        [
            'child subquery as a list on the parent',
            "Account a = [SELECT Name, (SELECT LastName FROM Contacts ORDER BY LastName) FROM Account WHERE Name = 'Acme']; return a.Contacts.size() + ' ' + a.Contacts[0].LastName + ' ' + (a.Contacts[0] instanceof Contact) + ' ' + a.getSObjects('contacts').size();",
            '2 Ann true 2'
        ],
        [
            'a field the query did not select fails when read',
            "Account a = [SELECT Id FROM Account WHERE Name = 'Acme']; try { return a.Name; } catch (SObjectException e) { return e.getMessage(); }",
            'SObject row was retrieved via SOQL without querying the requested field: Account.Name'
        ],
        [
            'COUNT() is an Integer',
            "Object n = [SELECT COUNT() FROM Contact]; return (n instanceof Integer) + ' ' + n;",
            'true 3'
        ],
        [
            'aggregate values typed: COUNT Integer, SUM and AVG Decimal, MAX of a date a Date',
            "AggregateResult r = [SELECT COUNT(Id) n, SUM(Amount) total, AVG(Amount) mean, MAX(CloseDate) latest FROM Opportunity]; return (r.get('n') instanceof Integer) + ' ' + r.get('N') + ' ' + (r.get('total') instanceof Decimal) + ' ' + r.get('total') + ' ' + (r.get('mean') instanceof Decimal) + ' ' + (r.get('latest') instanceof Date) + ' ' + r.get('latest');",
            'true 2 true 1200.5 true true 2026-05-01'
        ],
        [
            'unnamed aggregates are expr0, expr1; grouped fields by name',
            "List<AggregateResult> rows = [SELECT AccountId, COUNT(Id) FROM Contact GROUP BY AccountId ORDER BY COUNT(Id) DESC]; return rows.size() + ' ' + rows[0].get('expr0') + ' ' + (rows[0].get('AccountId') instanceof Id);",
            '2 2 true'
        ],
        [
            'an alias that is not there',
            "AggregateResult r = [SELECT COUNT(Id) n FROM Contact]; try { r.get('nope'); } catch (SObjectException e) { return e.getMessage(); } return 'no error';",
            'Invalid field nope for AggregateResult'
        ],
        [
            'Database.query returns records of the queried object',
            "List<SObject> rows = Database.query('SELECT Id, Name FROM Account ORDER BY Name'); return rows[2].get('Name') + ' ' + (rows[0] instanceof Account);",
            'Initech true'
        ],
        ['Database.countQuery', "return Database.countQuery('SELECT COUNT() FROM Opportunity');", '2']
    ];
    for (const [name, body, expected] of cases) assert.equal(run(apex, body), expected, name);
});

test('Single-row assignment: no row and more than one row throw the documented QueryException', () => {
    const { apex } = fresh();
    run(apex, SEED);
    const cases: [string, string, string][] = [
        [
            'no row',
            "Account a = [SELECT Id FROM Account WHERE Name = 'Nobody'];",
            'System.QueryException: List has no rows for assignment to SObject'
        ],
        [
            'two rows',
            'Account a = [SELECT Id FROM Account];',
            'System.QueryException: List has more than 1 row for assignment to SObject'
        ],
        [
            'an AggregateResult with two groups',
            'AggregateResult r = [SELECT AccountId, COUNT(Id) FROM Contact GROUP BY AccountId];',
            'System.QueryException: List has more than 1 row for assignment to SObject'
        ]
    ];
    for (const [name, body, expected] of cases) assert.equal(thrown(apex, body), expected, name);
    assert.equal(
        run(apex, "Account a = [SELECT Name FROM Account WHERE Name = 'Globex' LIMIT 1]; return a.Name;"),
        'Globex'
    );
    assert.equal(
        run(
            apex,
            "try { Account a = [SELECT Id FROM Account WHERE Name = 'Nobody']; } catch (QueryException e) { return 'caught ' + e.getTypeName(); } return 'not caught';"
        ),
        'caught System.QueryException'
    );
});

test('SOQL for loops: one record at a time, or lists of 200; an aggregate past 2,000 rows throws', () => {
    const { apex, org } = fresh();
    for (let i = 0; i < 450; i++)
        org.store.insert('Account', { Name: `Account ${String(i).padStart(4, '0')}` });
    assert.equal(
        run(apex, 'Integer n = 0; for (Account a : [SELECT Id, Name FROM Account]) { n++; } return n;'),
        '450'
    );
    assert.equal(
        run(
            apex,
            "String sizes = ''; for (List<Account> chunk : [SELECT Id FROM Account]) { sizes += chunk.size() + ' '; } return sizes.trim();"
        ),
        '200 200 50'
    );
    assert.equal(
        run(
            apex,
            'Integer n = 0; for (Account a : [SELECT Id FROM Account ORDER BY Name]) { n++; if (n == 3) break; } return n;'
        ),
        '3'
    );
    assert.equal(
        run(
            apex,
            'Integer groups = 0; for (AggregateResult r : [SELECT Name, COUNT(Id) FROM Account GROUP BY Name]) { groups++; } return groups;'
        ),
        '450'
    );
    for (let i = 450; i < 2001; i++)
        org.store.insert('Account', { Name: `Account ${String(i).padStart(4, '0')}` });
    assert.equal(
        thrown(
            apex,
            'for (AggregateResult r : [SELECT Name, COUNT(Id) FROM Account GROUP BY Name]) { } return null;'
        ),
        `System.QueryException: ${AGGREGATE_QUERY_MORE_MESSAGE}`
    );
    // 2,000 groups is one batch: allowed; and a plain (non-aggregate) loop over 2,001 rows is fine
    assert.equal(
        run(
            apex,
            'Integer groups = 0; for (AggregateResult r : [SELECT Name, COUNT(Id) FROM Account GROUP BY Name LIMIT 2000]) { groups++; } return groups;'
        ),
        '2000'
    );
    assert.equal(
        run(apex, 'Integer n = 0; for (Account a : [SELECT Id FROM Account]) n++; return n;'),
        '2001'
    );
    assert.equal(
        run(
            apex,
            'try { List<AggregateResult> rows = [SELECT Name, COUNT(Id) FROM Account GROUP BY Name]; } catch (QueryException e) { return e.getMessage(); } return null;'
        ),
        AGGREGATE_QUERY_MORE_MESSAGE
    );
});

test('Limits: the 101st query and the rows past the limit throw LimitException, which no catch stops', () => {
    const { apex: queries } = fresh();
    assert.equal(
        thrown(
            queries,
            "for (Integer i = 0; i < 101; i++) { try { Integer n = [SELECT COUNT() FROM Account]; } catch (Exception e) { return 'caught'; } } return null;"
        ),
        'System.LimitException: Too many SOQL queries: 101'
    );
    const { apex: counted } = fresh();
    run(counted, SEED);
    // rows: every record returned, subquery rows included; an aggregate counts each row it reads
    assert.equal(
        run(
            counted,
            "Integer before = Limits.getQueryRows(); List<Account> a = [SELECT Id, (SELECT Id FROM Contacts) FROM Account]; Integer records = Limits.getQueryRows() - before; before = Limits.getQueryRows(); AggregateResult r = [SELECT COUNT(Id) n FROM Contact]; return records + ' ' + (Limits.getQueryRows() - before) + ' ' + Limits.getQueries();"
        ),
        '6 3 2'
    );
    const { apex: rows, org } = fresh([], { queryRows: 10 });
    for (let i = 0; i < 11; i++) org.store.insert('Account', { Name: `A${i}` });
    assert.equal(run(rows, 'return [SELECT Id FROM Account LIMIT 10].size();'), '10');
    assert.equal(
        thrown(
            rows,
            "try { List<Account> a = [SELECT Id FROM Account LIMIT 1]; } catch (Exception e) { return 'caught'; } return null;"
        ),
        'System.LimitException: Too many query rows: 11'
    );
});

/** Everything readable except one field, and one record hidden by sharing. */
function restricted(hiddenRecordId: () => string, hiddenField: [string, string]): SecurityHook {
    return {
        ...ALL_ACCESS,
        fieldAccess: (object, field) => !(object === hiddenField[0] && field === hiddenField[1]),
        isVisibleRow: (_object, row) => row.Id !== hiddenRecordId()
    };
}

test('QueryException: a refused query is catchable; user mode names the inaccessible fields', () => {
    const { apex, org } = fresh();
    run(apex, SEED);
    org.security = restricted(() => '', ['Contact', 'Title']);
    const cases: [string, string, string][] = [
        [
            'bad dynamic SOQL',
            "try { Database.query('SELECT Id FROM Nope__c'); } catch (QueryException e) { return e.getTypeName() + ': ' + e.getMessage(); } return null;",
            "System.QueryException: sObject type 'Nope__c' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name."
        ],
        [
            'a missing queryWithBinds key',
            "try { Database.queryWithBinds('SELECT Id FROM Account WHERE Name = :n', new Map<String, Object>(), AccessLevel.USER_MODE); } catch (Exception e) { return e.getTypeName() + ': ' + e.getMessage(); } return null;",
            "System.QueryException: Key 'n' does not exist in the bindMap"
        ],
        [
            'user mode: the field the user cannot read',
            "try { List<Contact> c = [SELECT Id, Title FROM Contact WITH USER_MODE]; } catch (QueryException e) { return e.getInaccessibleFields().get('Contact').contains('Title') + ' ' + e.getMessage(); } return null;",
            "true No such column 'Title' on entity 'Contact'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name."
        ],
        [
            'user mode through queryWithBinds',
            "try { Database.queryWithBinds('SELECT Title FROM Contact', new Map<String, Object>(), AccessLevel.USER_MODE); } catch (QueryException e) { return String.valueOf(e.getInaccessibleFields()); } return null;",
            '{Contact={Title}}'
        ],
        ['system mode reads it', 'return [SELECT Id, Title FROM Contact].size();', '3']
    ];
    for (const [name, body, expected] of cases) assert.equal(run(apex, body), expected, name);
});

const SHARING_CLASSES = [
    `public with sharing class WithS {
        public static Integer n() { return [SELECT COUNT() FROM Account]; }
        public static Integer dynamicN() { return Database.countQuery('SELECT COUNT() FROM Account'); }
        public static Integer viaInherited() { return Inh.n(); }
        public static Integer viaNone() { return NoDecl.n(); }
        public static Integer viaWithout() { return WithoutS.n(); }
        public static Integer viaChild() { return ChildOfWithout.n(); }
        public static Integer viaInner() { return WithoutS.Inner.n(); }
    }`,
    `public without sharing class WithoutS {
        public static Integer n() { return [SELECT COUNT() FROM Account]; }
        public static Integer userMode() { return [SELECT COUNT() FROM Account WITH USER_MODE]; }
        public static Integer viaInherited() { return Inh.n(); }
        public static Integer viaNone() { return NoDecl.n(); }
        public static Integer viaWith() { return WithS.n(); }
        public class Inner { public Integer m() { return 0; } }
    }`,
    `public inherited sharing class Inh { public static Integer n() { return [SELECT COUNT() FROM Account]; } }`,
    `public class NoDecl { public static Integer n() { return [SELECT COUNT() FROM Account]; } }`,
    `public virtual without sharing class BaseWithout { }`,
    `public class ChildOfWithout extends BaseWithout { public static Integer n() { return [SELECT COUNT() FROM Account]; } }`
];

test('Sharing: the running class decides; inherited and undeclared classes run as their caller', () => {
    // WithoutS.Inner has no declaration: it runs as its caller, not as its outer class
    const classes = [...SHARING_CLASSES];
    classes[1] = classes[1]!.replace(
        'public class Inner { public Integer m() { return 0; } }',
        'public class Inner { public static Integer n() { return [SELECT COUNT() FROM Account]; } }'
    );
    const { apex, org } = fresh(classes);
    run(apex, SEED);
    const hidden = org.store.all('Account').find((account) => account.Name === 'Globex')!.Id;
    org.security = restricted(() => hidden, ['Account', 'Nothing']);
    const cases: [string, string][] = [
        ['WithS.n()', '2'],
        ['WithS.dynamicN()', '2'],
        ['WithoutS.n()', '3'],
        ['WithoutS.userMode()', '2'],
        ['WithS.viaInherited()', '2'],
        ['WithoutS.viaInherited()', '3'],
        ['WithS.viaNone()', '2'],
        ['WithoutS.viaNone()', '3'],
        ['WithS.viaWithout()', '3'],
        ['WithoutS.viaWith()', '2'],
        ['WithS.viaChild()', '3'],
        ['WithS.viaInner()', '2'],
        // an entry point (here anonymous Apex) runs with sharing, and so do the classes it reaches
        ['Inh.n()', '2'],
        ['NoDecl.n()', '2'],
        ['[SELECT COUNT() FROM Account]', '2']
    ];
    for (const [call, expected] of cases) assert.equal(run(apex, `return ${call};`), expected, call);
});

// Keystone's classes, parsed once: static state lives in each Interpreter (one transaction), not here
let keystoneClasses: Registry | null = null;

// a fresh demo org with Keystone's classes and triggers, run by the demo's installing admin
function keystone(): { apex: Interpreter; org: ApexOrg } {
    const { org: store } = createOrg(DATA_DIR);
    const org = new ApexOrg(store, FORCE_APP, store.currentUserId ?? undefined);
    // as the scratch setup does: the installing admin holds Keystone Manager and Keystone Admin, without
    // which our fields, deployed without profile access, are hidden from them in user mode
    for (const name of INSTALLER_PERMISSION_SETS) {
        const set = org.store.all('PermissionSet').find((row) => row.Name === name);
        if (set)
            org.store.insert('PermissionSetAssignment', {
                AssigneeId: org.runningUserId,
                PermissionSetId: set.Id
            });
    }
    if (!keystoneClasses) {
        keystoneClasses = new Registry();
        keystoneClasses.loadFolder(`${FORCE_APP}/classes`);
    }
    return { apex: new Interpreter(keystoneClasses, org), org };
}

test('Keystone: the reporting-line trigger reads the saved lines with SOQL, refuses a loop through people outside the save and allows a valid move', () => {
    const { apex, org } = keystone();
    const contacts = org.store.all('Contact');
    const byId = new Map(contacts.map((contact) => [contact.Id, contact]));
    // a line of three: person → manager → top, where only the top moves
    const person = contacts.find((contact) => {
        const manager = contact.ReportsToId ? byId.get(String(contact.ReportsToId)) : undefined;
        return manager?.ReportsToId !== undefined && manager.ReportsToId !== null;
    })!;
    const managerId = String(person.ReportsToId);
    const topId = String(byId.get(managerId)!.ReportsToId);
    const topBefore = org.store.get(topId)?.ReportsToId ?? null;
    assert.equal(
        thrown(apex, `update new Contact(Id = '${topId}', ReportsToId = '${person.Id}');`),
        `System.DmlException: Update failed. First exception on row 0 with id ${topId}; first error: FIELD_CUSTOM_VALIDATION_EXCEPTION, ${REPORTING_LINE_MESSAGES.cycle}: [ReportsToId]`
    );
    assert.equal(org.store.get(topId)?.ReportsToId ?? null, topBefore, 'nothing was saved');
    // the person skips a level: they now report to the top, which is no loop
    const fresh = keystone();
    assert.equal(
        run(
            fresh.apex,
            `Integer before = Limits.getQueries(); update new Contact(Id = '${person.Id}', ReportsToId = '${topId}'); return Limits.getQueries() > before;`
        ),
        'true'
    );
    assert.equal(fresh.org.store.get(person.Id)?.ReportsToId, topId);
});

test('Keystone: a selector reads the demo org in user mode (records, a count and an AggregateResult)', () => {
    const { apex, org } = keystone();
    const account = org.store.all('Account').find((each) => each.Name === 'Aeronova Group')!;
    const contacts = org.store.all('Contact').filter((contact) => contact.AccountId === account.Id);
    const inCenters = contacts.filter((contact) => contact.Buying_Center__c);
    assert.equal(
        run(apex, `return StakeholderSelector.newInstance().countByAccountId('${account.Id}');`),
        String(contacts.length)
    );
    assert.equal(
        run(
            apex,
            `Integer total = 0; for (AggregateResult r : StakeholderSelector.newInstance().countByBuyingCenterAndStance('${account.Id}')) { total += (Integer) r.get('contacts'); } return total;`
        ),
        String(inCenters.length)
    );
    assert.equal(
        run(
            apex,
            `List<Contact> page = StakeholderSelector.newInstance().selectPageByAccountId('${account.Id}', null, 5); return page.size() + ' ' + (page[0].Id < page[1].Id) + ' ' + (page[0].LastModifiedDate != null);`
        ),
        '5 true true'
    );
});

test('Keystone: OrgChartController.getOrgChart end to end over the demo org as the admin', () => {
    const { apex, org } = keystone();
    const account = org.store.all('Account').find((each) => each.Name === 'Aeronova Group')!;
    const contacts = org.store.all('Contact').filter((contact) => contact.AccountId === account.Id);
    const page = run(
        apex,
        `OrgChartService.OrgChartPage p = OrgChartController.getOrgChart('${account.Id}', null, null); return p.accountName + '|' + p.totalContacts + '|' + p.stakeholders.size() + '|' + p.nextAfterId + '|' + (Limits.getQueries() <= 20);`
    );
    assert.equal(page, `Aeronova Group|${contacts.length}|${contacts.length}|null|true`);
    // a page of 10 ends at the tenth contact by Id, and the next page starts after it
    const ids = contacts.map((contact) => contact.Id).sort();
    assert.equal(
        run(
            keystone().apex,
            `OrgChartService.OrgChartPage p = OrgChartController.getOrgChart('${account.Id}', null, 10); return p.stakeholders.size() + '|' + p.nextAfterId;`
        ),
        `10|${ids[9]}`
    );
});
