// SOQL in the Apex runtime: the documented semantics, case by case over a small hand-built org, then
// Keystone's own queries — every static one parses, every dynamic one as its selector assembles it
// parses, and a handful run over the preview's demo org with the answers the data holds.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import {
    ApexParserBaseListener,
    ApexParserFactory,
    ApexParseTreeWalker,
    type SoqlLiteralContext
} from '@apexdevtools/apex-parser';
import { UnsupportedError } from '../errors';
import {
    bindsFromMap,
    dateLiteralRange,
    parseDynamicSoql,
    parseStaticSoql,
    runQuery,
    SoqlQueryError,
    StoreSource,
    type Bind,
    type BindValue,
    type DateLiteralName,
    type FieldShape,
    type ObjectShape,
    type Query,
    type QueryResult,
    type ResultRecord,
    type Row,
    type SoqlDataSource,
    type SoqlScalar
} from '../soql';
import { createOrg } from '../../preview/server';
import { canonicalId } from '../soql/values';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLASSES = path.join(ROOT, 'force-app', 'main', 'default', 'classes');
const TODAY = '2026-11-22'; // a Sunday: the first day of THIS_WEEK

// ---- a small org, built by hand ----

const ref = (name: string, to: string, relationshipName: string): FieldShape => ({
    name,
    type: 'reference',
    referenceTo: [to],
    relationshipName
});

const SHAPES: ObjectShape[] = [
    {
        name: 'Account',
        fields: [
            { name: 'Id', type: 'id' },
            { name: 'Name', type: 'string' },
            { name: 'Industry', type: 'picklist' },
            { name: 'AnnualRevenue', type: 'currency' },
            { name: 'CreatedDate', type: 'datetime' },
            { name: 'Secret__c', type: 'string' }
        ],
        childRelationships: [
            { name: 'Contacts', childObject: 'Contact', field: 'AccountId' },
            { name: 'Opportunities', childObject: 'Opportunity', field: 'AccountId' }
        ]
    },
    {
        name: 'Contact',
        fields: [
            { name: 'Id', type: 'id' },
            { name: 'LastName', type: 'string' },
            ref('AccountId', 'Account', 'Account'),
            ref('ReportsToId', 'Contact', 'ReportsTo'),
            { name: 'Birthdate', type: 'date' },
            { name: 'Topics__c', type: 'multipicklist' },
            { name: 'Influence__c', type: 'double' }
        ],
        childRelationships: []
    },
    {
        name: 'Opportunity',
        fields: [
            { name: 'Id', type: 'id' },
            { name: 'Name', type: 'string' },
            ref('AccountId', 'Account', 'Account'),
            { name: 'Amount', type: 'currency' },
            { name: 'CloseDate', type: 'date' },
            { name: 'StageName', type: 'picklist' },
            { name: 'IsWon', type: 'boolean' }
        ],
        childRelationships: []
    }
];

// 15-character Ids with their 18-character forms computed like the platform's
const id = (prefix: string, n: number): string => canonicalId(`${prefix}${String(n).padStart(12, '0')}`);
const ACME = id('001', 1);
const GLOBEX = id('001', 2);
const initech = id('001', 3);
const umbrella = id('001', 4);

const DATA: Record<string, Row[]> = {
    Account: [
        {
            Id: ACME,
            Name: 'Acme',
            Industry: 'Energy',
            AnnualRevenue: 500,
            CreatedDate: '2025-03-01T10:00:00.000Z',
            Secret__c: 's1'
        },
        {
            Id: GLOBEX,
            Name: 'globex',
            Industry: null,
            AnnualRevenue: 900,
            CreatedDate: '2026-02-01T10:00:00.000Z'
        },
        {
            Id: initech,
            Name: 'Initech',
            Industry: 'banking',
            AnnualRevenue: null,
            CreatedDate: '2026-11-22T23:59:00.000Z'
        },
        {
            Id: umbrella,
            Name: '100% Umbrella',
            Industry: 'Energy',
            AnnualRevenue: 100,
            CreatedDate: '2026-11-23T00:00:00.000Z'
        }
    ],
    Contact: [
        {
            Id: id('003', 1),
            LastName: 'Boss',
            AccountId: ACME,
            ReportsToId: null,
            Birthdate: '1970-01-01',
            Topics__c: 'Cloud;Security',
            Influence__c: 5
        },
        {
            Id: id('003', 2),
            LastName: 'Middle',
            AccountId: ACME,
            ReportsToId: id('003', 1),
            Birthdate: null,
            Topics__c: 'Cloud',
            Influence__c: 3
        },
        {
            Id: id('003', 3),
            LastName: 'Junior',
            AccountId: ACME,
            ReportsToId: id('003', 2),
            Birthdate: '1999-12-31',
            Topics__c: null,
            Influence__c: null
        },
        {
            Id: id('003', 4),
            LastName: 'Loner',
            AccountId: null,
            ReportsToId: null,
            Birthdate: null,
            Topics__c: 'Security;IoT',
            Influence__c: 1
        },
        {
            Id: id('003', 5),
            LastName: 'Gadget',
            AccountId: GLOBEX,
            ReportsToId: null,
            Birthdate: null,
            Topics__c: 'IoT',
            Influence__c: 4
        }
    ],
    Opportunity: [
        {
            Id: id('006', 1),
            Name: 'Won early',
            AccountId: ACME,
            Amount: 100,
            CloseDate: '2026-01-15',
            StageName: 'Closed Won',
            IsWon: true
        },
        {
            Id: id('006', 2),
            Name: 'Won late',
            AccountId: ACME,
            Amount: 300,
            CloseDate: '2026-11-20',
            StageName: 'Closed Won',
            IsWon: true
        },
        {
            Id: id('006', 3),
            Name: 'Open',
            AccountId: ACME,
            Amount: null,
            CloseDate: '2026-11-22',
            StageName: 'Prospecting',
            IsWon: false
        },
        {
            Id: id('006', 4),
            Name: 'Lost',
            AccountId: GLOBEX,
            Amount: 50,
            CloseDate: '2025-12-31',
            StageName: 'Closed Lost',
            IsWon: false
        },
        {
            Id: id('006', 5),
            Name: 'Future',
            AccountId: GLOBEX,
            Amount: 70,
            CloseDate: '2026-12-01',
            StageName: 'Prospecting',
            IsWon: false
        }
    ]
};

interface Access {
    hiddenFields?: string[];
    hiddenObjects?: string[];
    /** Ids the running user may not see (sharing) */
    unshared?: string[];
}

function source(access: Access = {}): SoqlDataSource {
    const byId = new Map<string, { object: string; row: Row }>();
    for (const [object, rows] of Object.entries(DATA))
        for (const row of rows) byId.set(row.Id, { object, row });
    return {
        describe: (object) => SHAPES.find((shape) => shape.name.toLowerCase() === object.toLowerCase()),
        rows: (object) => DATA[object] ?? [],
        byId: (rowId) => byId.get(canonicalId(rowId))?.row,
        objectOf: (row) => byId.get(row.Id)!.object,
        read: (_object, row, field) => row[field],
        today: () => TODAY,
        fiscalYearStartMonth: () => 4,
        canReadObject: (object) => !(access.hiddenObjects ?? []).includes(object),
        canRead: (object, field) => !(access.hiddenFields ?? []).includes(`${object}.${field}`),
        isVisibleRow: (_object, row) => !(access.unshared ?? []).includes(row.Id)
    };
}

const ORIGIN = { file: 'SoqlTest.cls', line: 7 };

interface Options {
    binds?: Record<string, BindValue>;
    access?: Access;
    accessLevel?: 'USER_MODE' | 'SYSTEM_MODE';
    withSharing?: boolean;
}

function run(text: string, options: Options = {}): QueryResult {
    return runQuery(parseDynamicSoql(text, ORIGIN), {
        source: source(options.access),
        resolveBind: bindsFromMap(new Map(Object.entries(options.binds ?? {}))),
        accessLevel: options.accessLevel ?? null,
        withSharing: options.withSharing ?? false
    });
}

function records(text: string, options: Options = {}): ResultRecord[] {
    const result = run(text, options);
    assert.equal(result.kind, 'records', text);
    return (result as Extract<QueryResult, { kind: 'records' }>).records;
}

/** The first field of each row, as text: names, in the order the query returned them. */
function column(text: string, options: Options = {}): string[] {
    return records(text, options).map((record) => {
        const key = Object.keys(record).find((k) => k !== 'attributes' && k !== 'Id') ?? 'Id';
        return String(record[key]);
    });
}

function failure(action: () => unknown): Error {
    try {
        action();
    } catch (error) {
        return error as Error;
    }
    assert.fail('nothing was thrown');
}

const date = (iso: string): SoqlScalar => ({ kind: 'date', iso });

// ---- documented semantics, one table per topic ----

const ROWS: [string, string, Options, string[]][] = [
    // ORDER BY: "By default, null values are sorted first"; "Sorting is case insensitive"
    [
        'ASC puts nulls first by default',
        'SELECT Industry FROM Account ORDER BY Industry, Name',
        {},
        ['null', 'banking', 'Energy', 'Energy']
    ],
    [
        'DESC keeps nulls first by default (as documented)',
        'SELECT Industry FROM Account ORDER BY Industry DESC, Name',
        {},
        ['null', 'Energy', 'Energy', 'banking']
    ],
    [
        'NULLS LAST moves nulls to the end',
        'SELECT Industry FROM Account ORDER BY Industry NULLS LAST, Name',
        {},
        ['banking', 'Energy', 'Energy', 'null']
    ],
    [
        'DESC NULLS LAST',
        'SELECT Name FROM Account ORDER BY AnnualRevenue DESC NULLS LAST',
        {},
        ['globex', 'Acme', '100% Umbrella', 'Initech']
    ],
    [
        'text sorts without regard to case',
        'SELECT Name FROM Account ORDER BY Name',
        {},
        ['100% Umbrella', 'Acme', 'globex', 'Initech']
    ],
    [
        'equal keys keep a stable order; a second key decides',
        "SELECT Name FROM Account WHERE Industry = 'Energy' ORDER BY Industry, Name DESC",
        {},
        ['Acme', '100% Umbrella']
    ],
    [
        'ORDER BY a parent field',
        'SELECT LastName FROM Contact WHERE AccountId != null ORDER BY Account.Name DESC, LastName',
        {},
        ['Gadget', 'Boss', 'Junior', 'Middle']
    ],
    // comparisons
    [
        '= compares text without regard to case',
        "SELECT Name FROM Account WHERE Name = 'GLOBEX'",
        {},
        ['globex']
    ],
    ['= null finds empty fields', 'SELECT Name FROM Account WHERE Industry = null', {}, ['globex']],
    [
        '!= keeps rows whose field is null',
        "SELECT Name FROM Account WHERE Industry != 'Energy' ORDER BY Name",
        {},
        ['globex', 'Initech']
    ],
    [
        '< never matches a null field',
        'SELECT Name FROM Account WHERE AnnualRevenue < 600 ORDER BY Name',
        {},
        ['100% Umbrella', 'Acme']
    ],
    [
        '>= on numbers',
        'SELECT Name FROM Account WHERE AnnualRevenue >= 500 ORDER BY Name',
        {},
        ['Acme', 'globex']
    ],
    [
        '< on text is case-insensitive',
        "SELECT Name FROM Account WHERE Name < 'B' ORDER BY Name",
        {},
        ['100% Umbrella', 'Acme']
    ],
    [
        'booleans',
        'SELECT Name FROM Opportunity WHERE IsWon = TRUE ORDER BY Name',
        {},
        ['Won early', 'Won late']
    ],
    // LIKE: case-insensitive, % and _, \% is a percent sign
    ['LIKE ignores case', "SELECT Name FROM Account WHERE Name LIKE 'ac%'", {}, ['Acme']],
    ['LIKE _ is one character', "SELECT Name FROM Account WHERE Name LIKE 'glob_x'", {}, ['globex']],
    [
        'LIKE \\% is a percent sign',
        "SELECT Name FROM Account WHERE Name LIKE '100\\% %'",
        {},
        ['100% Umbrella']
    ],
    [
        'LIKE with a bind',
        'SELECT Name FROM Account WHERE Name LIKE :pattern',
        { binds: { pattern: '%TECH' } },
        ['Initech']
    ],
    [
        'LIKE never matches null',
        "SELECT Name FROM Account WHERE Industry LIKE '%'  ORDER BY Name",
        {},
        ['100% Umbrella', 'Acme', 'Initech']
    ],
    // IN and NOT IN
    [
        'IN with a literal list',
        "SELECT Name FROM Account WHERE Industry IN ('banking', 'ENERGY') ORDER BY Name",
        {},
        ['100% Umbrella', 'Acme', 'Initech']
    ],
    [
        'IN with an empty bind list returns nothing',
        'SELECT Name FROM Account WHERE Id IN :ids',
        { binds: { ids: [] } },
        []
    ],
    [
        'NOT IN an empty list returns every row',
        'SELECT Name FROM Account WHERE Name NOT IN :names ORDER BY Name',
        { binds: { names: new Set<string>() } },
        ['100% Umbrella', 'Acme', 'globex', 'Initech']
    ],
    [
        'IN with a Set bind',
        'SELECT Name FROM Account WHERE Name IN :names',
        { binds: { names: new Set(['ACME', 'nobody']) } },
        ['Acme']
    ],
    [
        'IN with records binds their Ids',
        'SELECT LastName FROM Contact WHERE AccountId IN :accounts ORDER BY LastName',
        { binds: { accounts: [{ Id: GLOBEX }] } },
        ['Gadget']
    ],
    [
        'NOT IN keeps null fields',
        'SELECT LastName FROM Contact WHERE AccountId NOT IN (:acme) ORDER BY LastName',
        { binds: { acme: ACME } },
        ['Gadget', 'Loner']
    ],
    // Ids: a 15-character Id finds the 18-character one
    [
        'Id = a 15-character Id',
        'SELECT Name FROM Account WHERE Id = :id',
        { binds: { id: GLOBEX.slice(0, 15) } },
        ['globex']
    ],
    [
        'reference IN 15-character Ids',
        'SELECT LastName FROM Contact WHERE AccountId IN :ids ORDER BY LastName',
        { binds: { ids: [GLOBEX.slice(0, 15)] } },
        ['Gadget']
    ],
    [
        'Id > a bind orders by Id (keyset paging)',
        'SELECT Name FROM Account WHERE Id > :after ORDER BY Id',
        { binds: { after: GLOBEX } },
        ['Initech', '100% Umbrella']
    ],
    // logic
    [
        'AND, OR and NOT with parentheses',
        "SELECT Name FROM Account WHERE (Industry = 'Energy' AND AnnualRevenue > 200) OR (NOT Name LIKE '%c%') ORDER BY Name",
        {},
        ['100% Umbrella', 'Acme', 'globex']
    ],
    [
        'NOT over a group',
        "SELECT Name FROM Account WHERE NOT (Industry = 'Energy' OR Industry = null) ORDER BY Name",
        {},
        ['Initech']
    ],
    // multi-select picklists: 'a;b' means both
    [
        'INCLUDES one value',
        "SELECT LastName FROM Contact WHERE Topics__c INCLUDES ('iot') ORDER BY LastName",
        {},
        ['Gadget', 'Loner']
    ],
    [
        'INCLUDES with ; requires both',
        "SELECT LastName FROM Contact WHERE Topics__c INCLUDES ('Cloud;Security', 'IoT;Cloud') ORDER BY LastName",
        {},
        ['Boss']
    ],
    [
        'EXCLUDES keeps rows without the value',
        "SELECT LastName FROM Contact WHERE Topics__c EXCLUDES ('Cloud') ORDER BY LastName",
        {},
        ['Gadget', 'Junior', 'Loner']
    ],
    // dates and datetimes
    ['Date literal comparison', 'SELECT Name FROM Opportunity WHERE CloseDate < 2026-01-01', {}, ['Lost']],
    [
        'Date bind',
        'SELECT Name FROM Opportunity WHERE CloseDate >= :since ORDER BY CloseDate',
        { binds: { since: date('2026-11-20') } },
        ['Won late', 'Open', 'Future']
    ],
    [
        'Datetime literal (GMT)',
        'SELECT Name FROM Account WHERE CreatedDate > 2026-11-22T23:59:00Z',
        {},
        ['100% Umbrella']
    ],
    [
        'Datetime literal with an offset',
        'SELECT Name FROM Account WHERE CreatedDate >= 2026-11-23T01:00:00+01:00',
        {},
        ['100% Umbrella']
    ],
    ['TODAY on a date', 'SELECT Name FROM Opportunity WHERE CloseDate = TODAY', {}, ['Open']],
    [
        'TODAY on a datetime covers the whole day',
        'SELECT Name FROM Account WHERE CreatedDate = TODAY',
        {},
        ['Initech']
    ],
    [
        'LAST_N_DAYS:n runs from n days ago through today',
        'SELECT Name FROM Opportunity WHERE CloseDate = LAST_N_DAYS:2 ORDER BY Name',
        {},
        ['Open', 'Won late']
    ],
    [
        'NEXT_N_DAYS:n starts tomorrow',
        'SELECT Name FROM Opportunity WHERE CloseDate = NEXT_N_DAYS:10',
        {},
        ['Future']
    ],
    [
        '> a range literal means after its last day',
        'SELECT Name FROM Opportunity WHERE CloseDate > THIS_MONTH',
        {},
        ['Future']
    ],
    [
        '< a range literal means before its first day',
        'SELECT Name FROM Opportunity WHERE CloseDate < THIS_YEAR',
        {},
        ['Lost']
    ],
    [
        'THIS_FISCAL_YEAR with an April start',
        'SELECT Name FROM Opportunity WHERE CloseDate = THIS_FISCAL_YEAR ORDER BY CloseDate',
        {},
        ['Won late', 'Open', 'Future']
    ],
    [
        'LAST_FISCAL_YEAR with an April start',
        'SELECT Name FROM Opportunity WHERE CloseDate = LAST_FISCAL_YEAR ORDER BY CloseDate',
        {},
        ['Lost', 'Won early']
    ],
    // LIMIT and OFFSET
    ['LIMIT', 'SELECT Name FROM Account ORDER BY Name LIMIT 2', {}, ['100% Umbrella', 'Acme']],
    [
        'OFFSET skips after ordering',
        'SELECT Name FROM Account ORDER BY Name LIMIT 2 OFFSET 1',
        {},
        ['Acme', 'globex']
    ],
    ['OFFSET past the end is empty', 'SELECT Name FROM Account OFFSET 10', {}, []],
    ['LIMIT 0', 'SELECT Name FROM Account LIMIT 0', {}, []],
    [
        'LIMIT from a bind',
        'SELECT Name FROM Account ORDER BY Name LIMIT :size',
        { binds: { size: 1 } },
        ['100% Umbrella']
    ],
    [
        'FOR UPDATE is accepted',
        'SELECT Name FROM Account WHERE Id = :id LIMIT 1 FOR UPDATE',
        { binds: { id: ACME } },
        ['Acme']
    ]
];

for (const [name, text, options, expected] of ROWS) {
    test(`SOQL: ${name}`, () => {
        assert.deepEqual(column(text, options), expected, text);
    });
}

test('SOQL: a record holds only what was selected, plus Id', () => {
    const [record] = records("SELECT Name FROM Account WHERE Name = 'Acme'");
    assert.deepEqual(record, { attributes: { type: 'Account' }, Id: ACME, Name: 'Acme' });
    const [typed] = records("SELECT AnnualRevenue, CreatedDate, Name FROM Account WHERE Name = 'Acme'");
    assert.deepEqual(typed, {
        attributes: { type: 'Account' },
        Id: ACME,
        AnnualRevenue: 500,
        CreatedDate: { kind: 'datetime', ms: Date.parse('2025-03-01T10:00:00.000Z') },
        Name: 'Acme'
    });
});

test('SOQL: field names come back as the object spells them, whatever the query wrote', () => {
    const [record] = records("select name, ANNUALREVENUE from account where NAME = 'acme'");
    assert.deepEqual(Object.keys(record!), ['attributes', 'Id', 'Name', 'AnnualRevenue']);
});

test('SOQL: parent paths are nested records, and a null lookup gives a null parent', () => {
    const found = records(
        'SELECT LastName, Account.Name, ReportsTo.ReportsTo.LastName FROM Contact ORDER BY LastName'
    );
    const byName = new Map(found.map((record) => [record.LastName, record]));
    assert.deepEqual(byName.get('Junior')!.ReportsTo, {
        attributes: { type: 'Contact' },
        ReportsTo: { attributes: { type: 'Contact' }, LastName: 'Boss' }
    });
    assert.deepEqual((byName.get('Junior')!.Account as ResultRecord).Name, 'Acme');
    assert.equal(byName.get('Loner')!.Account, null, 'no account: the parent is null, not an empty record');
    assert.equal(byName.get('Boss')!.ReportsTo, null);
    assert.deepEqual(byName.get('Middle')!.ReportsTo, { attributes: { type: 'Contact' }, ReportsTo: null });
});

test('SOQL: a child subquery has its own WHERE, ORDER BY and LIMIT, and its rows count toward the limit', () => {
    const result = run(
        "SELECT Name, (SELECT LastName FROM Contacts WHERE LastName != 'Boss' ORDER BY LastName DESC LIMIT 1), (SELECT Name FROM Opportunities) FROM Account WHERE Name IN ('Acme', 'Initech') ORDER BY Name"
    ) as Extract<QueryResult, { kind: 'records' }>;
    const [acme, initechRecord] = result.records;
    assert.deepEqual(
        (acme!.Contacts as ResultRecord[]).map((c) => c.LastName),
        ['Middle'],
        'LIMIT 1 per parent, after its own ORDER BY'
    );
    assert.equal((acme!.Opportunities as ResultRecord[]).length, 3);
    assert.deepEqual(initechRecord!.Contacts, [], 'no children: an empty list');
    assert.equal(result.rowsRetrieved, 2 + 1 + 3, 'parents and children');
});

test('SOQL: COUNT() answers an Integer, after WHERE and within LIMIT', () => {
    const count = (text: string): number => {
        const result = run(text);
        assert.equal(result.kind, 'count');
        return (result as Extract<QueryResult, { kind: 'count' }>).count;
    };
    assert.equal(count('SELECT COUNT() FROM Contact'), 5);
    assert.equal(count('SELECT COUNT() FROM Contact WHERE AccountId = null'), 1);
    assert.equal(count('SELECT COUNT() FROM Contact LIMIT 2'), 2);
    assert.equal(run('SELECT COUNT() FROM Contact').rowsRetrieved, 5, 'each counted row is a query row');
});

function aggregate(text: string, options: Options = {}): Record<string, SoqlScalar>[] {
    const result = run(text, options);
    assert.equal(result.kind, 'aggregate', text);
    return (result as Extract<QueryResult, { kind: 'aggregate' }>).rows.map((row) => row.values);
}

const AGGREGATES: [string, string, Record<string, SoqlScalar>[]][] = [
    [
        'unaliased aggregates are expr0, expr1… in order; a grouped field keeps its name',
        'SELECT AccountId, COUNT(Id), SUM(Amount) FROM Opportunity GROUP BY AccountId ORDER BY AccountId',
        [
            { AccountId: ACME, expr0: 3, expr1: 400 },
            { AccountId: GLOBEX, expr0: 2, expr1: 120 }
        ]
    ],
    [
        'aliases name the columns; an alias does not use up an expr number',
        'SELECT COUNT(Id) total, MAX(Amount), MIN(CloseDate) FROM Opportunity',
        [{ total: 5, expr0: 300, expr1: date('2025-12-31') }]
    ],
    [
        'COUNT(field) skips nulls, COUNT_DISTINCT counts values once, AVG ignores nulls',
        'SELECT COUNT(Amount) n, COUNT_DISTINCT(StageName) stages, AVG(Amount) mean FROM Opportunity',
        [{ n: 4, stages: 3, mean: 130 }]
    ],
    [
        'without GROUP BY there is one row even when nothing matches; SUM of nothing is null',
        "SELECT SUM(Amount) total, COUNT(Id) n FROM Opportunity WHERE Name = 'nothing'",
        [{ total: null, n: 0 }]
    ],
    [
        'GROUP BY over no rows gives no rows',
        "SELECT StageName, COUNT(Id) FROM Opportunity WHERE Name = 'nothing' GROUP BY StageName",
        []
    ],
    [
        'a parent field groups under its own name',
        'SELECT Account.Name, COUNT(Id) n FROM Contact WHERE AccountId != null GROUP BY Account.Name ORDER BY Account.Name',
        [
            { Name: 'Acme', n: 3 },
            { Name: 'globex', n: 1 }
        ]
    ],
    [
        'null is a group of its own',
        'SELECT Industry, COUNT(Id) n FROM Account GROUP BY Industry ORDER BY Industry',
        [
            { Industry: null, n: 1 },
            { Industry: 'banking', n: 1 },
            { Industry: 'Energy', n: 2 }
        ]
    ],
    [
        'HAVING filters groups by an aggregate',
        'SELECT AccountId, SUM(Amount) total FROM Opportunity GROUP BY AccountId HAVING SUM(Amount) > 200',
        [{ AccountId: ACME, total: 400 }]
    ],
    [
        'ORDER BY an aggregate, with LIMIT',
        'SELECT StageName, COUNT(Id) n FROM Opportunity GROUP BY StageName ORDER BY COUNT(Id) DESC, StageName LIMIT 2',
        [
            { StageName: 'Closed Won', n: 2 },
            { StageName: 'Prospecting', n: 2 }
        ]
    ]
];

for (const [name, text, expected] of AGGREGATES) {
    test(`SOQL aggregate: ${name}`, () => {
        assert.deepEqual(aggregate(text), expected, text);
    });
}

test('SOQL aggregate: types say COUNT is an Integer, AVG a Double, SUM keeps the field type', () => {
    const result = run('SELECT COUNT(Id) n, AVG(Amount) mean, SUM(Amount) total FROM Opportunity') as Extract<
        QueryResult,
        { kind: 'aggregate' }
    >;
    assert.deepEqual(result.rows[0]!.types, { n: 'int', mean: 'double', total: 'currency' });
});

test('SOQL aggregate: every row an aggregate reads counts toward the row limit', () => {
    assert.equal(run('SELECT AccountId, COUNT(Id) FROM Opportunity GROUP BY AccountId').rowsRetrieved, 5);
});

test('date literals: each documented range, from a fixed today (Sunday 2026-11-22, fiscal year from April)', () => {
    const cases: [DateLiteralName, number | null, string, string][] = [
        ['TODAY', null, '2026-11-22', '2026-11-22'],
        ['YESTERDAY', null, '2026-11-21', '2026-11-21'],
        ['TOMORROW', null, '2026-11-23', '2026-11-23'],
        ['THIS_WEEK', null, '2026-11-22', '2026-11-28'],
        ['LAST_WEEK', null, '2026-11-15', '2026-11-21'],
        ['NEXT_WEEK', null, '2026-11-29', '2026-12-05'],
        ['THIS_MONTH', null, '2026-11-01', '2026-11-30'],
        ['LAST_MONTH', null, '2026-10-01', '2026-10-31'],
        ['NEXT_MONTH', null, '2026-12-01', '2026-12-31'],
        ['LAST_90_DAYS', null, '2026-08-24', '2026-11-22'],
        ['NEXT_90_DAYS', null, '2026-11-23', '2027-02-20'],
        ['LAST_N_DAYS', 7, '2026-11-15', '2026-11-22'],
        ['NEXT_N_DAYS', 7, '2026-11-23', '2026-11-29'],
        ['N_DAYS_AGO', 3, '2026-11-19', '2026-11-19'],
        ['THIS_QUARTER', null, '2026-10-01', '2026-12-31'],
        ['LAST_QUARTER', null, '2026-07-01', '2026-09-30'],
        ['NEXT_QUARTER', null, '2027-01-01', '2027-03-31'],
        ['THIS_YEAR', null, '2026-01-01', '2026-12-31'],
        ['LAST_YEAR', null, '2025-01-01', '2025-12-31'],
        ['NEXT_YEAR', null, '2027-01-01', '2027-12-31'],
        ['LAST_N_YEARS', 2, '2024-01-01', '2025-12-31'],
        ['NEXT_N_YEARS', 2, '2027-01-01', '2028-12-31'],
        ['THIS_FISCAL_YEAR', null, '2026-04-01', '2027-03-31'],
        ['LAST_FISCAL_YEAR', null, '2025-04-01', '2026-03-31'],
        ['NEXT_FISCAL_YEAR', null, '2027-04-01', '2028-03-31']
    ];
    for (const [name, n, start, end] of cases) {
        assert.deepEqual(
            dateLiteralRange(name, n, TODAY, 4),
            { start, end },
            `${name}${n === null ? '' : `:${n}`}`
        );
    }
    assert.deepEqual(dateLiteralRange('THIS_FISCAL_YEAR', null, '2026-02-10', 4), {
        start: '2025-04-01',
        end: '2026-03-31'
    });
    assert.deepEqual(dateLiteralRange('THIS_FISCAL_YEAR', null, TODAY, 1), {
        start: '2026-01-01',
        end: '2026-12-31'
    });
});

// ---- security and sharing, per mode ----

test('user mode: a field the user cannot read fails the query wherever it is used, naming every one', () => {
    const access = { hiddenFields: ['Account.Secret__c', 'Account.Industry'] };
    for (const text of [
        'SELECT Name FROM Account WHERE Secret__c = null WITH USER_MODE',
        'SELECT Secret__c, Industry FROM Account WITH USER_MODE',
        'SELECT Name FROM Account WITH USER_MODE ORDER BY Industry',
        'SELECT LastName FROM Contact WHERE Account.Secret__c != null WITH USER_MODE'
    ]) {
        const error = failure(() => run(text, { access }));
        assert.ok(error instanceof SoqlQueryError, text);
        assert.match(error.message, /^No such column '(Secret__c|Industry)' on entity 'Account'/, text);
    }
    const error = failure(() =>
        run('SELECT Secret__c, Industry FROM Account WITH USER_MODE', { access })
    ) as SoqlQueryError;
    assert.deepEqual(error.inaccessibleFields, ['Account.Secret__c', 'Account.Industry']);
});

test('user mode: AccessLevel.USER_MODE of queryWithBinds enforces the same', () => {
    const error = failure(() =>
        run('SELECT Secret__c FROM Account', {
            access: { hiddenFields: ['Account.Secret__c'] },
            accessLevel: 'USER_MODE'
        })
    );
    assert.ok(error instanceof SoqlQueryError);
});

test('user mode: an object the user cannot read is not supported', () => {
    const error = failure(() =>
        run('SELECT Name FROM Account WITH USER_MODE', { access: { hiddenObjects: ['Account'] } })
    );
    assert.equal(error.message, "sObject type 'Account' is not supported.");
    const parent = failure(() =>
        run('SELECT Account.Name FROM Contact WITH USER_MODE', { access: { hiddenObjects: ['Account'] } })
    );
    assert.ok(parent instanceof SoqlQueryError, 'a parent object is checked too');
});

test('system mode (the default and WITH SYSTEM_MODE) reads every field', () => {
    const access = { hiddenFields: ['Account.Secret__c'], hiddenObjects: ['Contact'] };
    assert.deepEqual(column("SELECT Secret__c FROM Account WHERE Name = 'Acme'", { access }), ['s1']);
    assert.deepEqual(
        column("SELECT Secret__c FROM Account WHERE Name = 'Acme' WITH SYSTEM_MODE", { access }),
        ['s1']
    );
    assert.equal(records('SELECT LastName FROM Contact', { access }).length, 5);
});

test('WITH SECURITY_ENFORCED checks the select list only, and names the first problem generically', () => {
    const access = { hiddenFields: ['Account.Secret__c'] };
    assert.deepEqual(
        column("SELECT Name FROM Account WHERE Secret__c = 's1' WITH SECURITY_ENFORCED", { access }),
        ['Acme'],
        'WHERE is not checked'
    );
    const error = failure(() =>
        run('SELECT Name, Secret__c FROM Account WITH SECURITY_ENFORCED', { access })
    );
    assert.equal(error.message, 'Insufficient permissions: secure query included inaccessible field');
});

test('sharing: user mode always applies it, system mode only under with sharing', () => {
    const access = { unshared: [GLOBEX, id('003', 5)] };
    const names = 'SELECT Name FROM Account ORDER BY Name';
    assert.deepEqual(
        column(`${names}`, { access }),
        ['100% Umbrella', 'Acme', 'globex', 'Initech'],
        'without sharing'
    );
    assert.deepEqual(column(names, { access, withSharing: true }), ['100% Umbrella', 'Acme', 'Initech']);
    assert.deepEqual(column(names, { access, accessLevel: 'USER_MODE' }), [
        '100% Umbrella',
        'Acme',
        'Initech'
    ]);
    const [acme] = records(
        "SELECT Name, (SELECT LastName FROM Contacts) FROM Account WHERE Name = 'globex'",
        { access }
    );
    assert.equal((acme!.Contacts as ResultRecord[]).length, 1, 'without sharing children are all there');
    const [gadget] = records("SELECT Account.Name FROM Contact WHERE LastName = 'Gadget'", {
        withSharing: true,
        access: { unshared: [GLOBEX] }
    });
    assert.equal(gadget!.Account, null, 'a parent the user cannot see reads as null');
});

// ---- what the platform refuses, and what this runtime does not do ----

const QUERY_EXCEPTIONS: [string, string, Options, RegExp][] = [
    ['an unknown field', 'SELECT Nope__c FROM Account', {}, /^No such column 'Nope__c' on entity 'Account'/],
    ['an unknown object', 'SELECT Id FROM Nope__c', {}, /^sObject type 'Nope__c' is not supported/],
    [
        'an unknown relationship',
        'SELECT Owner__r.Name FROM Account',
        {},
        /^Didn't understand relationship 'Owner__r'/
    ],
    [
        'an unknown child relationship',
        'SELECT (SELECT Id FROM Nopes) FROM Account',
        {},
        /^Didn't understand relationship 'Nopes'/
    ],
    ['a syntax error', 'SELECT Id FROM', {}, /in: SELECT Id FROM$/],
    ['text after the query', 'SELECT Id FROM Account garbage here', {}, /unexpected token|garbage/],
    [
        'a bind missing from the map',
        'SELECT Id FROM Account WHERE Name = :missing',
        {},
        /^Key 'missing' does not exist in the bindMap/
    ],
    [
        'a field bind in dynamic SOQL',
        'SELECT Id FROM Account WHERE Name = :acct.Name',
        {},
        /binds a variable name only/
    ],
    [
        'a list bound to =',
        'SELECT Id FROM Account WHERE Id = :ids',
        { binds: { ids: [ACME] } },
        /needs IN or NOT IN/
    ],
    [
        'a wrong type in a bind',
        'SELECT Id FROM Account WHERE AnnualRevenue > :when',
        { binds: { when: date('2026-01-01') } },
        /must be of type currency/
    ],
    [
        'a date literal on a text field',
        'SELECT Id FROM Account WHERE Name = TODAY',
        {},
        /date literal TODAY used with field 'Name'/
    ],
    ['OFFSET above 2,000', 'SELECT Id FROM Account OFFSET 2001', {}, /^Maximum SOQL offset allowed is 2000/],
    [
        'a negative LIMIT bind',
        'SELECT Id FROM Account LIMIT :n',
        { binds: { n: -1 } },
        /LIMIT must be a non-negative integer/
    ],
    [
        'FOR UPDATE with ORDER BY',
        'SELECT Id FROM Account ORDER BY Name FOR UPDATE',
        {},
        /FOR UPDATE is not allowed with ORDER BY/
    ],
    [
        'a field neither grouped nor aggregated',
        'SELECT Name, COUNT(Id) FROM Account GROUP BY Industry',
        {},
        /^Field must be grouped or aggregated: Name/
    ],
    ['SUM of text', 'SELECT SUM(Name) FROM Account', {}, /does not support aggregate operator SUM/],
    ['a duplicate alias', 'SELECT COUNT(Id) n, MAX(Name) n FROM Account', {}, /duplicate alias: n/],
    [
        'an alias outside an aggregate query',
        'SELECT Name nm FROM Account',
        {},
        /alias 'nm' is allowed in aggregate queries only/
    ],
    ['an aggregate in WHERE', 'SELECT Id FROM Account WHERE COUNT(Id) > 1', {}, /allowed in HAVING only/],
    ['LIKE on a number', "SELECT Id FROM Account WHERE AnnualRevenue LIKE '1%'", {}, /LIKE needs text/]
];

for (const [name, text, options, message] of QUERY_EXCEPTIONS) {
    test(`SOQL QueryException: ${name}`, () => {
        const error = failure(() => run(text, options));
        assert.ok(error instanceof SoqlQueryError, `${text}: ${error.message}`);
        assert.equal(error.exceptionType, 'System.QueryException');
        assert.match(error.message, message, text);
    });
}

const UNSUPPORTED: [string, string][] = [
    ['SELECT TYPEOF Owner WHEN User THEN Name END FROM Account', 'TYPEOF'],
    ['SELECT Id FROM Contact WHERE AccountId IN (SELECT Id FROM Account)', 'semi-join'],
    [
        'SELECT CALENDAR_YEAR(CreatedDate) FROM Account GROUP BY CALENDAR_YEAR(CreatedDate)',
        'GROUP BY CALENDAR_YEAR'
    ],
    ['SELECT FIELDS(ALL) FROM Account LIMIT 1', 'function FIELDS(ALL)'],
    ['SELECT Id FROM Account USING SCOPE mine', 'USING SCOPE'],
    ['SELECT Id FROM Account ALL ROWS', 'ALL ROWS'],
    ['SELECT Industry, COUNT(Id) FROM Account GROUP BY ROLLUP(Industry)', 'GROUP BY ROLLUP/CUBE'],
    ['SELECT Id FROM Account WHERE CreatedDate = LAST_N_WEEKS:2', 'date literal LAST_N_WEEKS:2'],
    ['SELECT Id, toLabel(Industry) FROM Account', 'function toLabel(Industry)'],
    ['SELECT Id FROM Account, Contact', 'FROM with several objects'],
    ['SELECT COUNT() FROM Account GROUP BY Industry', 'COUNT() with GROUP BY'],
    ['SELECT Id FROM Account WITH DATA CATEGORY Geography__c AT usa__c', 'WITH DATA CATEGORY']
];

for (const [text, construct] of UNSUPPORTED) {
    test(`SOQL unsupported, loudly: ${construct}`, () => {
        const error = failure(() => run(text));
        assert.ok(error instanceof UnsupportedError, `${text}: ${error.message}`);
        assert.ok(error.message.startsWith(`unsupported: SOQL ${construct}`), error.message);
        assert.ok(error.message.endsWith('at SoqlTest.cls:7'), 'names where the query ran');
    });
}

test('queryWithBinds: an exact key wins, otherwise one key equal without regard to case; two are ambiguous', () => {
    const query = 'SELECT Name FROM Account WHERE Name = :Who';
    assert.deepEqual(column(query, { binds: { Who: 'Acme', who: 'globex' } }), ['Acme']);
    assert.deepEqual(column(query, { binds: { WHO: 'globex' } }), ['globex']);
    const error = failure(() => run(query, { binds: { WHO: 'Acme', who: 'globex' } }));
    assert.match(error.message, /ambiguous/);
});

// ---- static SOQL: binds are Apex expressions, evaluated by the caller once per query ----

function literalsOf(source: string): SoqlLiteralContext[] {
    const found: SoqlLiteralContext[] = [];
    class Collect extends ApexParserBaseListener {
        enterSoqlLiteral = (ctx: SoqlLiteralContext): void => {
            found.push(ctx);
        };
    }
    const unit = ApexParserFactory.createParser(source).compilationUnit();
    ApexParseTreeWalker.DEFAULT.walk(new Collect(), unit);
    return found;
}

test('static SOQL: each bind is an Apex expression handed to the caller, once per query', () => {
    const apexSource = `public class Q {
        void m() {
            List<Account> a = [
                SELECT Name FROM Account
                WHERE Name IN :names.keySet() AND AnnualRevenue > :floor * 2
                WITH USER_MODE ORDER BY Name LIMIT :max
            ];
        }
    }`;
    const [literal] = literalsOf(apexSource);
    const query = parseStaticSoql(literal!, apexSource, 'Q.cls');
    assert.equal(query.origin.line, 4, 'the line of its SELECT');
    assert.equal(query.mode, 'USER_MODE');
    const seen: string[] = [];
    const values: Record<string, BindValue> = {
        'names.keySet()': new Set(['Acme', 'globex', 'Initech']),
        'floor * 2': 100,
        max: 1
    };
    const result = runQuery(query, {
        source: source(),
        resolveBind: (bind: Bind) => {
            assert.equal(bind.kind, 'expression');
            seen.push(bind.text);
            return values[bind.text]!;
        },
        withSharing: true
    }) as Extract<QueryResult, { kind: 'records' }>;
    assert.deepEqual(
        result.records.map((r) => r.Name),
        ['Acme']
    );
    assert.deepEqual(seen.sort(), ['floor * 2', 'max', 'names.keySet()']);
});

// ---- Keystone's own queries ----

function classFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return classFiles(full);
        return entry.name.endsWith('.cls') ? [full] : [];
    });
}

const KEYSTONE = classFiles(CLASSES).map((file) => ({ file, source: fs.readFileSync(file, 'utf8') }));

test('Keystone: every static SOQL query in the classes (tests included) parses without an unsupported construct', () => {
    let count = 0;
    for (const { file, source } of KEYSTONE) {
        for (const literal of literalsOf(source)) {
            const query = parseStaticSoql(literal, source, file);
            assert.ok(query.from, `${path.basename(file)}:${literal.start.line}`);
            count++;
        }
    }
    // the classes held 98 when this test was written: a parse that silently skipped files would drop it
    assert.ok(count >= 90, `only ${count} static queries found`);
});

/**
 * Keystone's dynamic queries as their selectors assemble them, with every readable field. The test below
 * checks that each SOQL fragment of the selectors' source appears here, so a new or changed dynamic query
 * cannot slip past this table.
 */
const DYNAMIC: { file: string; text: string }[] = [
    {
        file: 'OpportunitySelector.cls',
        text: 'SELECT Id, AccountId, Buying_Center__c, Offering__c, CloseDate, Amount FROM Opportunity WHERE AccountId IN :accountIds AND IsWon = TRUE ORDER BY CloseDate'
    },
    {
        file: 'OpportunitySelector.cls',
        text: 'SELECT Id, AccountId, Buying_Center__c, Offering__c, CloseDate FROM Opportunity WHERE AccountId IN :accountIds AND IsWon = TRUE ORDER BY CloseDate'
    },
    {
        file: 'StakeholderSelector.cls',
        text: 'SELECT Id, AccountId, Decision_Role__c, Relationship_Strength__c, Stance__c, Relationship_Owner__c FROM Contact WHERE AccountId IN :accountIds'
    },
    {
        file: 'StakeholderLinkSelector.cls',
        text: 'SELECT Id, From_Contact__c, To_Contact__c, To_User__c, Link_Type__c, Strength__c, Frequency__c FROM Stakeholder_Link__c WHERE Account__c = :accountId ORDER BY CreatedDate, Id LIMIT :maxRows'
    },
    {
        file: 'StakeholderSelector.cls',
        text: 'SELECT Id, AccountId, Name, Title, ReportsToId, Decision_Role__c, Stance__c, Influence__c, Relationship_Strength__c, Relationship_Owner__c, Buying_Center__c, Competitor_Champion__c, Leaving__c FROM Contact WHERE AccountId = :accountId ORDER BY Name, Id LIMIT :maxRows'
    },
    {
        file: 'LandscapeCellSelector.cls',
        text: 'SELECT Id, Buying_Center__c, Offering__c, LastModifiedDate, Status__c, Potential_Value__c, Target_Date__c, Competitor__c, Notes__c FROM Landscape_Cell__c WHERE Buying_Center__r.Account__c = :accountId LIMIT 50000'
    },
    {
        file: 'LandscapeCellSelector.cls',
        text: 'SELECT Id, Buying_Center__c, Offering__c, LastModifiedDate, Status__c FROM Landscape_Cell__c WHERE Buying_Center__c = :buyingCenterId AND Offering__c = :offeringId LIMIT 1'
    },
    {
        file: 'LandscapeCellSelector.cls',
        text: 'SELECT Id, Buying_Center__c, Offering__c, LastModifiedDate, Status__c, Potential_Value__c FROM Landscape_Cell__c WHERE Buying_Center__r.Account__c = :accountId ORDER BY Id LIMIT 20001'
    },
    {
        file: 'LandscapeCellSelector.cls',
        text: 'SELECT Id, Buying_Center__c, Offering__c, LastModifiedDate FROM Landscape_Cell__c WHERE Id = :cellId LIMIT 1'
    },
    {
        file: 'OpportunitySelector.cls',
        text: 'SELECT Id, CloseDate, IsWon, IsClosed, Amount, ExpectedRevenue, Buying_Center__c, Offering__c FROM Opportunity WHERE AccountId = :accountId AND CloseDate >= :periodStart AND CloseDate <= :periodEnd ORDER BY CloseDate DESC, Id ASC LIMIT 2000'
    },
    {
        file: 'OpportunitySelector.cls',
        text: 'SELECT Id, CloseDate, Buying_Center__c, Offering__c FROM Opportunity WHERE AccountId = :accountId AND IsWon = TRUE AND CloseDate < :before AND (CloseDate < :afterDate OR (CloseDate = :afterDate AND Id > :afterId)) ORDER BY CloseDate DESC, Id ASC LIMIT 2000'
    },
    {
        file: 'OfferingSelector.cls',
        text: 'SELECT Id, Name, Family__c, Sort_Order__c FROM Offering__c WHERE Active__c = TRUE ORDER BY Sort_Order__c NULLS LAST, Name, Id LIMIT 201'
    },
    {
        file: 'OfferingSelector.cls',
        text: 'SELECT Id, Name FROM Offering__c WHERE Active__c = TRUE ORDER BY Name, Id LIMIT 201'
    },
    {
        file: 'RecordVersionSelector.cls',
        text: 'SELECT Id, LastModifiedDate, LastModifiedBy.Name FROM Contact WHERE Id = :recordId LIMIT 1 FOR UPDATE'
    },
    {
        file: 'BuyingCenterSelector.cls',
        text: 'SELECT Id, Name, Parent_Buying_Center__c, Kind__c, Active__c FROM Buying_Center__c WHERE Account__c = :accountId ORDER BY Name, Id LIMIT 2001'
    },
    {
        file: 'StakeholderSelector.cls',
        text: 'SELECT Id, LastModifiedDate, Name, Title, Department, ReportsToId, Decision_Role__c, Stance__c, Influence__c, Relationship_Strength__c, Budget_Authority__c, Relationship_Owner__c, Buying_Center__c, Competitor_Champion__c, Leaving__c, Has_Bought_From_Us__c, Contact_Frequency__c, LastActivityDate FROM Contact WHERE AccountId = :accountId AND Id > :afterId ORDER BY Id LIMIT :size'
    },
    {
        file: 'StakeholderSelector.cls',
        text: 'SELECT Id, LastModifiedDate, Name, Title FROM Contact WHERE Id IN :contactIds ORDER BY Id'
    },
    {
        file: 'PlanSnapshotSelector.cls',
        text: 'SELECT Id, Name, Account__c, Status__c, Goal_Statement__c, Revenue_Goal__c, Mining_Target__c, Farming_Target__c, Period_Start__c, Period_End__c, Approver__c, Approver__r.Name, Approval_Date__c, (SELECT Id, Account_Plan__c, Name, Measure__c, Measure_Type__c, Target_Value__c, Current_Value__c, Unit__c, Status__c, Due_Date__c FROM Plan_Objectives__r ORDER BY Due_Date__c NULLS LAST, Name LIMIT :maxItems), (SELECT Id, Category__c, Description__c, Priority__c FROM Swot_Items__r ORDER BY Category__c, Name LIMIT :maxItems), (SELECT Id, Name, Due_Date__c, Status__c FROM Plan_Milestones__r ORDER BY Due_Date__c, Name LIMIT :maxItems) FROM Account_Plan__c WHERE Id IN :planIds'
    },
    {
        file: 'PlanSnapshotSelector.cls',
        text: 'SELECT Id, AccountId, Amount, CloseDate, IsClosed, IsWon FROM Opportunity WHERE AccountId IN :accountIds AND CloseDate >= :earliest AND CloseDate <= :latest ORDER BY CloseDate DESC LIMIT :maxRows'
    },
    {
        file: 'PlanSnapshotSelector.cls',
        text: 'SELECT Id, Potential_Value__c, Buying_Center__r.Account__c FROM Landscape_Cell__c WHERE Buying_Center__r.Account__c IN :accountIds AND Status__c = :whitespace LIMIT :maxRows'
    }
];

/** The string literals of a class that carry SOQL text (a clause keyword or a bind). */
function soqlFragments(source: string): string[] {
    const fragments: string[] = [];
    for (const match of source.matchAll(/'((?:[^'\\\n]|\\.)*)'/g)) {
        const text = match[1]!.trim();
        if (/\b(SELECT|FROM|WHERE|ORDER BY|LIMIT|FOR UPDATE)\b|:\w/.test(text)) fragments.push(text);
    }
    return fragments;
}

test('Keystone: every dynamic SOQL fragment of the classes is part of an assembled query in the table', () => {
    const callers = KEYSTONE.filter(({ source }) =>
        /Database\.(query|queryWithBinds|countQuery)\w*\(/.test(source)
    );
    assert.deepEqual(
        callers.map(({ file }) => path.basename(file)).sort(),
        [...new Set(DYNAMIC.map((entry) => entry.file))].sort(),
        'each class that runs dynamic SOQL has its queries in the table'
    );
    for (const { file, source } of callers) {
        const mine = DYNAMIC.filter((entry) => entry.file === path.basename(file)).map((entry) => entry.text);
        for (const fragment of soqlFragments(source)) {
            assert.ok(
                mine.some((text) => text.includes(fragment)),
                `${path.basename(file)}: '${fragment}' is in no query of the table`
            );
        }
    }
});

test('Keystone: every assembled dynamic query parses and runs over the demo org', () => {
    const { org } = createOrg(path.join(ROOT, 'scripts', 'data'), '2026-11-22');
    const store = new StoreSource(org);
    const account = org.all('Account')[0]!;
    const contact = org.all('Contact')[0]!;
    const binds = new Map<string, BindValue>([
        ['accountId', account.Id],
        ['buyingCenterId', String(org.all('Buying_Center__c')[0]!.Id)],
        ['offeringId', String(org.all('Offering__c')[0]!.Id)],
        ['cellId', String(org.all('Landscape_Cell__c')[0]!.Id)],
        ['periodStart', date('2026-01-01')],
        ['periodEnd', date('2026-12-31')],
        ['before', date('2026-01-01')],
        ['afterDate', date('2026-06-30')],
        ['afterId', contact.Id],
        ['recordId', contact.Id],
        ['size', 2000],
        ['contactIds', new Set([contact.Id])],
        ['planIds', new Set(org.all('Account_Plan__c').map((plan) => plan.Id))],
        ['accountIds', new Set([account.Id])],
        ['earliest', date('2026-01-01')],
        ['latest', date('2026-12-31')],
        ['maxItems', 1000],
        ['maxRows', 20000],
        ['whitespace', 'Whitespace Target']
    ]);
    for (const { file, text } of DYNAMIC) {
        const result = runQuery(parseDynamicSoql(text, { file, line: 1 }), {
            source: store,
            resolveBind: bindsFromMap(binds),
            accessLevel: 'USER_MODE',
            withSharing: true
        });
        assert.equal(result.kind, 'records', `${file}: ${text}`);
    }
});

// ---- a handful of Keystone's real queries over the demo org, against what the data holds ----

function keystoneQuery(file: string, contains: string): Query {
    const entry = KEYSTONE.find((each) => path.basename(each.file) === file)!;
    const literal = literalsOf(entry.source).find((ctx) =>
        entry.source
            .slice(ctx.start.start, ctx.stop!.stop + 1)
            .replace(/\s+/g, ' ')
            .includes(contains)
    );
    assert.ok(literal, `${file}: no query with '${contains}'`);
    return parseStaticSoql(literal, entry.source, entry.file);
}

test("Keystone's queries over the demo org give what the data holds", () => {
    const { org } = createOrg(path.join(ROOT, 'scripts', 'data'), '2026-11-22');
    const store = new StoreSource(org);
    const aeronova = org.all('Account').find((a) => a.Name === 'Aeronova Group')!;
    const exec = (query: Query, binds: Record<string, BindValue>): QueryResult =>
        runQuery(query, {
            source: store,
            resolveBind: (bind) => {
                assert.ok(Object.hasOwn(binds, bind.text), `no value for :${bind.text}`);
                return binds[bind.text]!;
            },
            withSharing: true
        });
    const contacts = org.all('Contact').filter((c) => c.AccountId === aeronova.Id);

    // StakeholderSelector.countByAccountId
    const count = exec(keystoneQuery('StakeholderSelector.cls', 'SELECT COUNT() FROM Contact'), {
        accountId: aeronova.Id
    });
    assert.deepEqual(count.kind === 'count' && count.count, contacts.length);

    // StakeholderSelector.selectReportingLinesByAccountId: Id and ReportsToId only
    const lines = exec(keystoneQuery('StakeholderSelector.cls', 'SELECT Id, ReportsToId FROM Contact'), {
        accountId: aeronova.Id
    }) as Extract<QueryResult, { kind: 'records' }>;
    assert.equal(lines.records.length, contacts.length);
    assert.deepEqual(Object.keys(lines.records[0]!).sort(), ['Id', 'ReportsToId', 'attributes']);

    // StakeholderSelector.countByBuyingCenterAndStance: groups add up to the people with a buying center
    const mix = exec(keystoneQuery('StakeholderSelector.cls', 'COUNT(Id) contacts'), {
        accountId: aeronova.Id
    }) as Extract<QueryResult, { kind: 'aggregate' }>;
    const placed = contacts.filter((c) => c.Buying_Center__c);
    assert.equal(
        mix.rows.reduce((sum, row) => sum + (row.values.contacts as number), 0),
        placed.length
    );
    assert.ok(mix.rows.every((row) => 'buyingCenterId' in row.values && 'stance' in row.values));

    // OpportunitySelector.sumWonAmount
    const won = exec(keystoneQuery('OpportunitySelector.cls', 'SUM(Amount) total'), {
        accountId: aeronova.Id,
        periodStart: date('2026-01-01'),
        periodEnd: date('2026-12-31')
    }) as Extract<QueryResult, { kind: 'aggregate' }>;
    const expected = org
        .all('Opportunity')
        .filter(
            (o) =>
                o.AccountId === aeronova.Id &&
                o.StageName === 'Closed Won' &&
                String(o.CloseDate) >= '2026-01-01' &&
                String(o.CloseDate) <= '2026-12-31'
        )
        .reduce((sum, o) => sum + Number(o.Amount ?? 0), 0);
    assert.ok(expected > 0, 'the demo has won business this year');
    assert.equal(won.rows[0]!.values.total, expected);

    // CaseSelector: open cases per buying center, through the case's contact
    const open = exec(keystoneQuery('CaseSelector.cls', 'Contact.Buying_Center__c buyingCenterId'), {
        accountId: aeronova.Id
    }) as Extract<QueryResult, { kind: 'aggregate' }>;
    const openCases = org
        .all('Case')
        .filter((c) => c.AccountId === aeronova.Id && c.Status !== 'Closed')
        .filter((c) => org.get(String(c.ContactId))?.Buying_Center__c);
    assert.equal(
        open.rows.reduce((sum, row) => sum + (row.values.total as number), 0),
        openCases.length
    );

    // BuyingCenterSelector.selectByAccountId: ORDER BY Name, text without regard to case
    const centers = exec(keystoneQuery('BuyingCenterSelector.cls', 'Description__c'), {
        accountId: aeronova.Id
    }) as Extract<QueryResult, { kind: 'records' }>;
    const names = centers.records.map((r) => String(r.Name));
    assert.deepEqual(
        names,
        [...names].sort((a, b) =>
            a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0
        )
    );
    assert.equal(
        names.length,
        org.all('Buying_Center__c').filter((b) => b.Account__c === aeronova.Id).length
    );

    // PlanMilestoneSelector: a formula field (Is_Overdue__c) is read through the store's formula
    const plan = org.all('Account_Plan__c').find((p) => p.Account__c === aeronova.Id)!;
    const milestones = exec(keystoneQuery('PlanMilestoneSelector.cls', 'Is_Overdue__c'), {
        planId: plan.Id
    }) as Extract<QueryResult, { kind: 'records' }>;
    assert.ok(milestones.records.length > 0);
    assert.ok(milestones.records.every((r) => typeof r.Is_Overdue__c === 'boolean'));
});
