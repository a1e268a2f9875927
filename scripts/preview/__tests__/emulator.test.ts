// The preview's org emulator: formulas, Ids, record validation from our metadata, the demo data, and
// AccountPlanController's contract — the same cases the Apex tests read, the same method signatures.
// resolves the `c/<bundle>` imports of the component modules this test reads
import '../../lib/lwcModules';
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import '../../lib/lwcModules';
import { DATA_DIR, FORCE_APP } from '../../lib/project';
import { evaluateFormula, parseFormula, type FormulaValue } from '../emulator/formula';
import { IdFactory, caseSafeSuffix, isValidId } from '../emulator/ids';
import { loadObjectSchemas } from '../emulator/schema';
import { DmlError, OrgStore, type SObjectRecord } from '../emulator/store';
import { loadTreeData } from '../emulator/treeData';
import { ApexError } from '../apexError';
import { demoOrg, invokeApex } from './demoOrg';
import { parsePreviewArgs } from '../serve';
import { PREVIEW_ORG_CHART } from '../pageProperties';
import type { PlanSummaryDto } from '../../../lwc-ts/planSummaryModel/planSummaryModel';
import type { LandscapeService_Landscape } from '@salesforce/apex/types';
import {
    buildLandscape,
    landscapeFromApex,
    type Landscape
} from '../../../lwc-ts/landscapeModel/landscapeModel';

const TODAY = '2026-11-22';
const VECTORS = JSON.parse(
    fs.readFileSync(path.join(FORCE_APP, 'staticresources', 'KeystoneRuleVectors.json'), 'utf8')
) as { createPlan: { case: string; input: Record<string, unknown>; expectedError: string | null }[] };

function evaluate(formula: string, fields: Record<string, FormulaValue>, isNew = true): FormulaValue {
    return evaluateFormula(parseFormula(formula), {
        field: (name) => fields[name] ?? null,
        prior: () => undefined,
        isNew,
        today: TODAY
    });
}

/** The emulator's getLandscape answer as the grid reads it: through the same adapter. */
function landscapeAnswer(answer: unknown): Landscape {
    return landscapeFromApex(answer as LandscapeService_Landscape);
}

describe('formula', () => {
    const cases: [string, Record<string, FormulaValue>, FormulaValue][] = [
        ['Revenue_Goal__c < 0', { Revenue_Goal__c: -1 }, true],
        ['Revenue_Goal__c < 0', { Revenue_Goal__c: 0 }, false],
        ['Revenue_Goal__c < 0', {}, null],
        [
            'AND(NOT(ISBLANK(A__c)), NOT(ISBLANK(B__c)), B__c <= A__c)',
            { A__c: '2026-01-01', B__c: '2026-01-01' },
            true
        ],
        [
            'AND(NOT(ISBLANK(A__c)), NOT(ISBLANK(B__c)), B__c <= A__c)',
            { A__c: '2026-01-01', B__c: '2026-01-02' },
            false
        ],
        [
            'AND(NOT(ISBLANK(A__c)), NOT(ISBLANK(B__c)), B__c <= A__c)',
            { A__c: null, B__c: '2026-01-02' },
            false
        ],
        ['1 + 2 * 3', {}, 7],
        ['(1 + 2) * 3', {}, 9],
        ['\'a\' & "b"', {}, 'ab'],
        ['ISPICKVAL(Status__c, "Closed")', { Status__c: 'Closed' }, true],
        ['OR(X__c > 5, X__c = 1)', { X__c: 1 }, true],
        ['X__c <> 1 && X__c != 2', { X__c: 3 }, true],
        ['IF(X__c > 1, "big", "small")', { X__c: 0 }, 'small'],
        ['LEN(TEXT(X__c))', { X__c: 1234 }, 4],
        ['BLANKVALUE(X__c, 9)', {}, 9],
        ['TODAY()', {}, TODAY],
        ['ISNEW()', {}, true],
        ['/* comment */ TRUE', {}, true]
    ];
    for (const [formula, fields, expected] of cases) {
        it(`${formula} with ${JSON.stringify(fields)} is ${JSON.stringify(expected)}`, () => {
            assert.equal(evaluate(formula, fields), expected);
        });
    }

    it('refuses what it cannot read with a message', () => {
        assert.throws(() => parseFormula('AND(1,'), /formula|expected|unexpected/);
        assert.throws(() => parseFormula('1 ~ 2'), /unexpected "~"/);
        assert.throws(() => evaluate('VLOOKUP(1)', {}), /VLOOKUP is not supported/);
    });
});

describe('ids', () => {
    it('hands out valid 18-character Ids with per-object prefixes', () => {
        const ids = new IdFactory(['Account_Plan__c', 'Buying_Center__c']);
        const account = ids.next('Account');
        const plan = ids.next('Account_Plan__c');
        assert.match(account, /^001[0-9A-Z]{15}$/);
        assert.equal(isValidId(account), true);
        assert.equal(isValidId(plan), true);
        assert.equal(ids.objectOf(plan), 'Account_Plan__c');
        assert.notEqual(ids.next('Account'), account);
    });

    it('computes the case-safe suffix from the upper-case letters', () => {
        assert.equal(caseSafeSuffix('001000000000001'), 'AAA');
        assert.equal(caseSafeSuffix('A0000B00000C000'), 'BBC');
        assert.equal(caseSafeSuffix('AAAAAAAAAAAAAAA'), '555');
    });

    it('rejects malformed Ids', () => {
        for (const bad of [
            '',
            'bogus',
            '001000000000001AAB',
            '001000000000001AA',
            42,
            null,
            '001-00000000001'
        ]) {
            assert.equal(isValidId(bad), false, String(bad));
        }
    });
});

describe('records are validated from our metadata', () => {
    const schemas = loadObjectSchemas(FORCE_APP);
    const newStore = (): { store: OrgStore; accountId: string } => {
        const store = new OrgStore(schemas, TODAY);
        return { store, accountId: store.insert('Account', { Name: 'Aeronova Group' }) };
    };
    const plan = (
        accountId: string,
        overrides: Record<string, string | number | null> = {}
    ): Record<string, string | number | null> => ({
        Account__c: accountId,
        Name: 'FY plan',
        Period_Start__c: '2026-01-01',
        Period_End__c: '2026-12-31',
        ...overrides
    });

    it('defaults the status picklist to Draft', () => {
        const { store, accountId } = newStore();
        const id = store.insert('Account_Plan__c', plan(accountId));
        assert.equal(store.get(id)?.Status__c, 'Draft');
    });

    it('fires the validation rules with their own messages', () => {
        const { store, accountId } = newStore();
        assert.throws(
            () => store.insert('Account_Plan__c', plan(accountId, { Period_End__c: '2025-12-31' })),
            {
                message: 'The period end must be after the period start.'
            }
        );
        assert.throws(() => store.insert('Account_Plan__c', plan(accountId, { Revenue_Goal__c: -5 })), {
            message: 'The revenue goal cannot be negative.'
        });
        assert.equal(store.all('Account_Plan__c').length, 0);
    });

    it('refuses missing required fields, bad picklist values, bad references and unknown fields', () => {
        const { store, accountId } = newStore();
        assert.throws(() => store.insert('Account_Plan__c', plan(accountId, { Period_Start__c: null })), {
            message: 'Required fields are missing: [Period_Start__c]'
        });
        assert.throws(() => store.insert('Account_Plan__c', plan(accountId, { Status__c: 'Pending' })), {
            message: 'Status: bad value for restricted picklist field: Pending'
        });
        assert.throws(() => store.insert('Account_Plan__c', plan('001000000000099AAA')), {
            message: 'invalid cross reference id'
        });
        assert.throws(() => store.insert('Account_Plan__c', plan(accountId, { Revnue_Goal__c: 1 })), {
            message: "No such column 'Revnue_Goal__c' on sobject of type Account_Plan__c"
        });
        assert.throws(
            () => store.insert('Account_Plan__c', plan(accountId, { Period_End__c: '31/12/2026' })),
            DmlError
        );
    });

    it('keeps a landscape cell without an offering, and refuses one on an offering no longer offered', () => {
        const { store, accountId } = newStore();
        const buyingCenter = store.insert('Buying_Center__c', { Account__c: accountId, Name: 'Sales' });
        const retired = store.insert('Offering__c', { Name: 'Mainframe Care', Active__c: false });
        const noOffering = store.insert('Landscape_Cell__c', {
            Buying_Center__c: buyingCenter,
            Status__c: 'Not Applicable'
        });
        assert.equal(store.get(noOffering)?.Offering__c ?? null, null);
        assert.throws(
            () =>
                store.insert('Landscape_Cell__c', {
                    Buying_Center__c: buyingCenter,
                    Offering__c: retired,
                    Status__c: 'Not Applicable'
                }),
            // the lookup filter and the rule both refuse it; either message tells the rep what to do
            { message: /Choose an active offering\.$/ }
        );
        assert.equal(store.all('Landscape_Cell__c').length, 1);
    });

    it('applies the rules on update too, leaving the record unchanged', () => {
        const { store, accountId } = newStore();
        const id = store.insert('Account_Plan__c', plan(accountId));
        assert.throws(() => store.update(id, { Revenue_Goal__c: -1 }), {
            message: 'The revenue goal cannot be negative.'
        });
        assert.equal(store.get(id)?.Revenue_Goal__c ?? null, null);
    });
});

describe('demo data', () => {
    it('loads the whole story through the same validation', () => {
        const { counts } = demoOrg(TODAY);
        assert.equal(counts.Account, 3);
        assert.ok((counts.Contact ?? 0) >= 60, 'Aeronova has about 60 contacts');
        assert.ok((counts.Opportunity ?? 0) >= 10);
        assert.equal(counts.Account_Plan__c, 3);
    });

    it("tells the story's tensions: owners, a leaving champion, a procurement lead for a competitor, open cases", () => {
        const { org } = demoOrg(TODAY);
        const person = (email: string): Record<string, unknown> => {
            const found = org.all('Contact').find((contact) => contact.Email === email);
            assert.ok(found, email);
            return found as unknown as Record<string, unknown>;
        };
        const ownerName = (email: string): unknown => {
            const owner = person(email).Relationship_Owner__c;
            return typeof owner === 'string' ? org.get(owner)?.Name : null;
        };
        assert.equal(ownerName('rafael.okafor@aeronova.example'), 'Alex Morgan');
        assert.equal(
            ownerName('victor.hale@aeronova.example'),
            null,
            'the influential detractor has no owner'
        );
        assert.equal(person('victor.hale@aeronova.example').Stance__c, 'Detractor');
        assert.equal(person('priya.natarajan@aeronova.example').Leaving__c, true);
        assert.equal(
            person('daniel.brandt@aeronova.example').Competitor_Champion__c,
            'Brightwave Consulting'
        );
        const aeronova = org.all('Account').find((account) => account.Name === 'Aeronova Group')!;
        const openCases = org
            .all('Case')
            .filter((item) => item.AccountId === aeronova.Id && item.Status !== 'Closed');
        assert.equal(openCases.length, 3);
        const samuel = String(person('samuel.adeyemi@aeronova.example').Id);
        const trend = org
            .all('Stance_Observation__c')
            .filter((observation) => observation.Contact__c === samuel && observation.Source__c === 'Manual')
            .map((observation) => observation.Stance__c);
        assert.deepEqual(
            trend,
            ['Champion', 'Supporter', 'Neutral'],
            'a stance that cooled over three meetings'
        );
    });

    it('keeps every data file within the 200-record tree import limit', () => {
        for (const file of fs
            .readdirSync(DATA_DIR)
            .filter((name) => name.endsWith('.json') && !name.endsWith('-plan.json'))) {
            const content = JSON.parse(fs.readFileSync(path.join(DATA_DIR, file), 'utf8')) as {
                records: unknown[];
            };
            assert.ok(content.records.length <= 200, file);
        }
    });

    it('refuses a reference to a record that was never loaded, naming the file and record', () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keystone-data-'));
        fs.writeFileSync(
            path.join(dir, 'bad-plan.json'),
            JSON.stringify([
                { sobject: 'Contact', saveRefs: true, resolveRefs: true, files: ['Contact.json'] }
            ])
        );
        fs.writeFileSync(
            path.join(dir, 'Contact.json'),
            JSON.stringify({
                records: [
                    {
                        attributes: { type: 'Contact', referenceId: 'C1' },
                        LastName: 'Orphan',
                        AccountId: '@Missing'
                    }
                ]
            })
        );
        const store = new OrgStore(loadObjectSchemas(FORCE_APP), TODAY);
        assert.throws(() => loadTreeData(store, dir), {
            message: 'Contact.json: C1.AccountId refers to unknown @Missing'
        });
    });
});

describe('AccountPlanController in the preview', () => {
    it("summarises Aeronova's FY2026 plan with won revenue inside its period only", () => {
        const { org } = demoOrg(TODAY);
        const aeronova = org.all('Account').find((account) => account.Name === 'Aeronova Group')!;
        const summary = invokeApex(org, 'AccountPlanController.getPlanSummary', {
            accountId: aeronova.Id
        }) as PlanSummaryDto;
        assert.equal(summary.plan?.name, 'Aeronova Group FY2026 Account Plan');
        assert.equal(summary.plan?.status, 'In Review');
        assert.equal(summary.plan?.revenueGoal, 12000000);
        assert.equal(summary.wonRevenue, 7450000);
    });

    it('answers an account without a plan with no plan', () => {
        const { org } = demoOrg(TODAY);
        const globex = org.all('Account').find((account) => account.Name === 'Globex Industries')!;
        const summary = invokeApex(org, 'AccountPlanController.getPlanSummary', {
            accountId: globex.Id
        }) as PlanSummaryDto;
        assert.equal(summary.plan, undefined, 'a null member is not sent');
        assert.equal(summary.wonRevenue, 0);
    });

    it('answers bad and unknown ids with the errors the Apex gives', () => {
        const { org } = demoOrg(TODAY);
        const call = (args: unknown): unknown =>
            invokeApex(org, 'AccountPlanController.getPlanSummary', args);
        assert.throws(() => call({}), new ApexError('Open an account to see its plan.'));
        assert.throws(() => call({ accountId: 'bogus' }), {
            message: "Value provided is invalid for action parameter 'accountId' of type 'Id'"
        });
        assert.throws(() => call({ accountId: '001000000000099AAA' }), {
            message: 'This account does not exist or you do not have access to it.'
        });
        assert.throws(() => call([1]), { message: 'Apex arguments must be an object of named parameters.' });
        assert.throws(() => invokeApex(org, 'AccountPlanController.deletePlan', {}), {
            message: 'No such @AuraEnabled method: AccountPlanController.deletePlan'
        });
    });

    for (const vector of VECTORS.createPlan) {
        it(`createPlan: ${vector.case}`, () => {
            const { org } = demoOrg(TODAY);
            const globex = org.all('Account').find((account) => account.Name === 'Globex Industries')!;
            const before = org.all('Account_Plan__c').length;
            const create = (): unknown =>
                invokeApex(org, 'AccountPlanController.createPlan', {
                    accountId: globex.Id,
                    plan: vector.input
                });
            if (vector.expectedError) {
                assert.throws(create, { message: vector.expectedError });
                assert.equal(org.all('Account_Plan__c').length, before, 'nothing was written');
            } else {
                const id = create() as string;
                assert.equal(isValidId(id), true);
                assert.equal(org.get(id)?.Status__c, 'Draft');
            }
        });
    }

    it('refuses an argument of the wrong type as the platform does', () => {
        const { org } = demoOrg(TODAY);
        const globex = org.all('Account').find((account) => account.Name === 'Globex Industries')!;
        assert.throws(
            () =>
                invokeApex(org, 'AccountPlanController.createPlan', {
                    accountId: globex.Id,
                    plan: { ...VECTORS.createPlan[0]!.input, periodStart: 'next year' }
                }),
            {
                message:
                    "Value provided is invalid for action parameter 'plan' of type 'AccountPlanService.PlanInput'"
            }
        );
    });
});

describe('npm start options', () => {
    it('reads --port and --data and refuses anything else with a clear message', () => {
        assert.deepEqual(parsePreviewArgs(['--port', '0']), {
            port: 0,
            dataDir: DATA_DIR,
            orgChart: PREVIEW_ORG_CHART,
            user: 'rep'
        });
        assert.equal(parsePreviewArgs(['--user', 'manager']).user, 'manager');
        assert.throws(() => parsePreviewArgs(['--user', 'root']), /--user needs one of rep, manager, admin/);
        assert.throws(() => parsePreviewArgs(['--port', 'x']), /--port needs a number/);
        assert.throws(() => parsePreviewArgs(['--data', '/no/such/dir']), /does not exist/);
        assert.throws(() => parsePreviewArgs(['--verbose']), /unknown option --verbose/);
    });
});

describe('OrgChartController in the preview', () => {
    interface Page {
        totalContacts: number | null;
        nextAfterId: string | null;
        stakeholders: {
            id: string;
            name: string;
            stance: string | null;
            relationshipOwnerName: string | null;
            openCases: number;
            recentStances: { stance: string }[];
        }[];
        links: unknown[] | null;
        heatSettings: { warmThreshold: number } | null;
    }
    const aeronova = (org: OrgStore): string =>
        org.all('Account').find((account) => account.Name === 'Aeronova Group')!.Id;

    it("returns Aeronova's people with owners, open cases, stance trends, links and heat settings", () => {
        const { org } = demoOrg(TODAY);
        const page = invokeApex(org, 'OrgChartController.getOrgChart', { accountId: aeronova(org) }) as Page;
        assert.equal(page.totalContacts, 60);
        assert.equal(page.stakeholders.length, 60);
        assert.equal(page.nextAfterId, undefined, 'the last page names no next page');
        const samuel = page.stakeholders.find((person) => person.name === 'Samuel Adeyemi')!;
        assert.equal(samuel.relationshipOwnerName, 'Sam Patel');
        assert.equal(samuel.openCases, 1);
        assert.deepEqual(
            samuel.recentStances.map((observation) => observation.stance),
            ['Neutral', 'Neutral', 'Supporter']
        );
        assert.ok((page.links ?? []).length >= 10);
        assert.equal(page.heatSettings?.warmThreshold, 0.65);
    });

    it('pages by Id with every stakeholder once, links and settings on the first page only', () => {
        const { org } = demoOrg(TODAY);
        const seen = new Set<string>();
        let afterId: string | null = null;
        let pages = 0;
        do {
            const page = invokeApex(org, 'OrgChartController.getOrgChart', {
                accountId: aeronova(org),
                afterId,
                pageSize: 25
            }) as Page;
            page.stakeholders.forEach((person) => assert.ok(!seen.has(person.id) && seen.add(person.id)));
            assert.equal(page.links !== undefined, pages === 0);
            afterId = page.nextAfterId ?? null;
            pages++;
        } while (afterId);
        assert.equal(seen.size, 60);
        assert.equal(pages, 3);
    });

    it('names on the first page where every later page starts, as the Apex scan does', () => {
        const { org } = demoOrg(TODAY);
        const call = (afterId: string | null, pageSize: number): Page & { pageStarts?: string[] | null } =>
            invokeApex(org, 'OrgChartController.getOrgChart', {
                accountId: aeronova(org),
                afterId,
                pageSize
            }) as Page & {
                pageStarts?: string[] | null;
            };
        const first = call(null, 25);
        assert.equal(first.pageStarts?.length, 2);
        assert.equal(first.pageStarts?.[0], first.nextAfterId);
        const seen = new Set(first.stakeholders.map((person) => person.id));
        for (const start of first.pageStarts ?? [])
            for (const person of call(start, 25).stakeholders)
                assert.ok(!seen.has(person.id) && seen.add(person.id));
        assert.equal(seen.size, 60);
        // 60 people in pages of 20 fill three pages exactly: no empty fourth to ask for
        assert.equal(call(null, 20).pageStarts?.length, 2);
        assert.equal(call(first.nextAfterId, 25).pageStarts, undefined);
    });

    it('refuses bad arguments as the platform and the Apex do', () => {
        const { org } = demoOrg(TODAY);
        const call = (args: unknown): unknown => invokeApex(org, 'OrgChartController.getOrgChart', args);
        assert.throws(() => call({}), { message: 'Open an account to see its org chart.' });
        assert.throws(() => call({ accountId: aeronova(org), pageSize: 'ten' }), {
            message: "Value provided is invalid for action parameter 'pageSize' of type 'Integer'"
        });
        assert.throws(() => call({ accountId: aeronova(org), afterId: 'nope' }), {
            message: "Value provided is invalid for action parameter 'afterId' of type 'Id'"
        });
    });

    describe('editing from the chart', () => {
        const setUp = (): {
            org: OrgStore;
            accountId: string;
            report: SObjectRecord;
            manager: SObjectRecord;
            outsider: SObjectRecord;
            call: (method: string, args: Record<string, unknown>) => unknown;
        } => {
            const { org } = demoOrg(TODAY);
            const accountId = aeronova(org);
            const people = org.all('Contact').filter((contact) => contact.AccountId === accountId);
            const report = people.find(
                (contact) => contact.ReportsToId && org.get(String(contact.ReportsToId))
            )!;
            const manager = org.get(String(report.ReportsToId))!;
            const outsider = people.find(
                (contact) =>
                    contact.Id !== report.Id && contact.Id !== manager.Id && contact.ReportsToId !== report.Id
            )!;
            const call = (method: string, args: Record<string, unknown>): unknown =>
                invokeApex(org, `OrgChartController.${method}`, args);
            return { org, accountId, report, manager, outsider, call };
        };

        it('saves the named attributes only and answers the stakeholder with the new stance in the trend', () => {
            const { org, report, call } = setUp();
            const before = { ...org.get(report.Id)! };
            const view = call('saveStakeholder', {
                contactId: report.Id,
                changes: { stance: 'Blocker', influence: '4', leaving: true },
                version: before.LastModifiedDate
            }) as { stance: string; influence: number; recentStances: { stance: string }[] };
            const after = org.get(report.Id)!;
            assert.equal(after.Stance__c, 'Blocker');
            assert.equal(after.Influence__c, 4);
            assert.equal(after.Leaving__c, true);
            assert.equal(after.Title, before.Title);
            assert.equal(view.stance, 'Blocker');
            assert.equal(view.recentStances[0]?.stance, 'Blocker');
        });

        it('refuses unknown attributes, bad values and rule breaks with the Apex messages, saving nothing', () => {
            const { org, report, call } = setUp();
            const before = { ...org.get(report.Id)! };
            const save = (changes: Record<string, unknown>): unknown =>
                call('saveStakeholder', { contactId: report.Id, changes, version: before.LastModifiedDate });
            assert.throws(() => save({ Name: 'Mallory' }), {
                message: '"Name" cannot be changed from the org chart.'
            });
            assert.throws(() => save({ influence: 'very' }), {
                message: 'Influence: "very" is not a valid value.'
            });
            assert.throws(() => save({ stance: 'Supporter', influence: 9 }), {
                message: 'Influence must be between 1 and 5.'
            });
            assert.throws(() => save({}), { message: 'There is nothing to save.' });
            assert.deepEqual(org.get(report.Id), before);
        });

        it('refuses an edit or a move over a newer version of the person, or without one, saving nothing', () => {
            const { org, accountId, report, outsider, call } = setUp();
            const seen = String(org.get(report.Id)!.LastModifiedDate);
            call('saveStakeholder', { contactId: report.Id, changes: { leaving: true }, version: seen });
            const after = { ...org.get(report.Id)! };
            const changedBy = /^Changed by .+ at .+ — reload to see it\. Your edit was not saved\.$/;
            assert.throws(
                () =>
                    call('saveStakeholder', {
                        contactId: report.Id,
                        changes: { stance: 'Blocker' },
                        version: seen
                    }),
                { message: changedBy }
            );
            assert.throws(
                () =>
                    call('moveStakeholder', {
                        accountId,
                        contactId: report.Id,
                        newManagerId: outsider.Id,
                        version: seen
                    }),
                { message: changedBy }
            );
            assert.throws(
                () => call('saveStakeholder', { contactId: report.Id, changes: { stance: 'Blocker' } }),
                {
                    message:
                        'This view was opened without the version of what you edit — reload it, then save again. Nothing was saved.'
                }
            );
            assert.deepEqual(org.get(report.Id), after);
        });

        it('records a manual stance observation and refuses a blank stance or a future date', () => {
            const { org, manager, call } = setUp();
            const view = call('recordStance', {
                contactId: manager.Id,
                stance: 'Detractor',
                observedOn: TODAY,
                note: ' Pushed back on price '
            }) as { recentStances: { stance: string; observedOn: string }[] };
            assert.deepEqual(view.recentStances[0], { observedOn: TODAY, stance: 'Detractor' });
            const saved = org.all('Stance_Observation__c').find((o) => o.Note__c === 'Pushed back on price');
            assert.equal(saved?.Source__c, 'Manual');
            assert.throws(() => call('recordStance', { contactId: manager.Id, stance: ' ' }), {
                message: 'Choose the stance you observed.'
            });
            assert.throws(
                () =>
                    call('recordStance', {
                        contactId: manager.Id,
                        stance: 'Supporter',
                        observedOn: '2099-01-01'
                    }),
                { message: 'An observation cannot be dated in the future.' }
            );
        });

        it('moves a stakeholder, returns the previous manager for undo, and refuses loops', () => {
            const { org, accountId, report, manager, outsider, call } = setUp();
            const move = (contactId: string, newManagerId: string | null): unknown =>
                (
                    call('moveStakeholder', {
                        accountId,
                        contactId,
                        newManagerId,
                        version: org.get(contactId)!.LastModifiedDate
                    }) as { previousManagerId: string | null }
                ).previousManagerId;
            assert.throws(() => move(manager.Id, report.Id), {
                message:
                    'That move would make a reporting loop: the new manager already reports, directly or not, to this person.'
            });
            assert.throws(() => move(report.Id, report.Id), { message: 'Nobody can report to themselves.' });
            assert.equal(move(report.Id, outsider.Id), manager.Id);
            assert.equal(org.get(report.Id)!.ReportsToId, outsider.Id);
            move(report.Id, manager.Id);
            assert.equal(org.get(report.Id)!.ReportsToId, manager.Id);
        });

        it('adds a dotted-line manager once', () => {
            const { org, accountId, report, outsider, call } = setUp();
            const add = (): unknown =>
                call('addDottedLine', { accountId, contactId: report.Id, managerId: outsider.Id });
            const link = add() as { id: string; type: string; fromId: string; toContactId: string };
            assert.equal(link.type, 'Dotted Line');
            assert.equal(link.fromId, outsider.Id);
            assert.equal(link.toContactId, report.Id);
            assert.ok(org.get(link.id));
            assert.throws(add, {
                message: 'This already exists: it can be recorded only once, so nothing was saved.'
            });
        });
    });
});

describe('LandscapeController in the preview', () => {
    const accountNamed = (org: OrgStore, name: string): string =>
        org.all('Account').find((account) => account.Name === name)!.Id;

    it("returns Aeronova's landscape for its plan's period, with the Salesforce Practice targets", () => {
        const { org } = demoOrg(TODAY);
        const dto = landscapeAnswer(
            invokeApex(org, 'LandscapeController.getLandscape', {
                accountId: accountNamed(org, 'Aeronova Group')
            })
        );
        const plan = org.all('Account_Plan__c').find((record) => record.Id === dto.plan?.id)!;
        assert.equal(dto.periodStart, plan.Period_Start__c);
        const names = new Map([...dto.buyingCenters, ...dto.offerings].map((item) => [item.id, item.name]));
        const salesforceTargets = dto.cells
            .filter(
                (cell) =>
                    cell.status === 'Whitespace Target' &&
                    names.get(cell.offeringId) === 'Salesforce Practice'
            )
            .map((cell) => `${names.get(cell.buyingCenterId)}: ${cell.potentialValue}`)
            .sort();
        assert.deepEqual(salesforceTargets, ['Marketing: 1000000', 'Sales: 1000000']);
        assert.ok(
            dto.business.some((group) => !group.buyingCenterId),
            'an unmapped deal'
        );
    });

    it("keeps the grid's grand total equal to the account's business in the period", () => {
        const { org } = demoOrg(TODAY);
        for (const name of ['Aeronova Group', 'Meridian Bank', 'Globex Industries']) {
            const accountId = accountNamed(org, name);
            const dto = landscapeAnswer(invokeApex(org, 'LandscapeController.getLandscape', { accountId }));
            const grid = buildLandscape(dto);
            const { periodStart, periodEnd } = dto;
            assert.ok(periodStart && periodEnd, `${name} has a period`);
            const sum = (won: boolean): number =>
                org
                    .all('Opportunity')
                    .filter((deal) => deal.AccountId === accountId)
                    .filter(
                        (deal) => String(deal.CloseDate) >= periodStart && String(deal.CloseDate) <= periodEnd
                    )
                    .filter(
                        (deal) =>
                            (deal.StageName === 'Closed Won') === won &&
                            (won || deal.StageName !== 'Closed Lost')
                    )
                    .reduce((total, deal) => total + Number(deal.Amount ?? 0), 0);
            assert.equal(grid.grand.won, sum(true), `${name} won`);
            assert.equal(grid.grand.pipeline, sum(false), `${name} pipeline`);
        }
    });

    it('includes both edges of an asked period and compares with the same dates a year earlier', () => {
        const { org } = demoOrg(TODAY);
        const accountId = accountNamed(org, 'Aeronova Group');
        const dto = landscapeAnswer(
            invokeApex(org, 'LandscapeController.getLandscape', {
                accountId,
                periodStart: '2026-02-14',
                periodEnd: '2026-04-30'
            })
        );
        const won = dto.business.filter((group) => group.period === 'current' && group.outcome === 'won');
        assert.equal(
            won.reduce((total, group) => total + (group.amount ?? 0), 0),
            2_100_000 + 1_600_000
        );
        assert.equal(dto.previousStart, '2025-02-14');
        assert.equal(dto.previousEnd, '2025-04-30');
    });

    it('answers for the account of a plan when placed on an Account Plan page', () => {
        const { org } = demoOrg(TODAY);
        const accountId = accountNamed(org, 'Aeronova Group');
        const plan = org.all('Account_Plan__c').find((record) => record.Account__c === accountId)!;
        const dto = landscapeAnswer(
            invokeApex(org, 'LandscapeController.getLandscape', {
                accountId: plan.Id
            })
        );
        assert.equal(dto.accountId, accountId);
        const page = invokeApex(org, 'OrgChartController.getOrgChart', { accountId: plan.Id }) as {
            accountId: string;
            stakeholders: unknown[];
        };
        assert.equal(page.accountId, accountId);
        assert.equal(page.stakeholders.length, 60);
    });

    it('refuses a half or backwards period and a missing account with the Apex messages', () => {
        const { org } = demoOrg(TODAY);
        const accountId = accountNamed(org, 'Aeronova Group');
        const call = (args: Record<string, unknown>): unknown =>
            invokeApex(org, 'LandscapeController.getLandscape', args);
        assert.throws(() => call({ accountId, periodStart: '2026-01-01' }), {
            message: 'Choose both the start and the end of the period.'
        });
        assert.throws(() => call({ accountId, periodStart: '2026-12-31', periodEnd: '2026-01-01' }), {
            message: 'The period must start before it ends.'
        });
        assert.throws(() => call({}), { message: 'Open an account to see its landscape.' });
        assert.throws(() => call({ accountId, periodStart: 'soon', periodEnd: '2026-01-01' }), {
            message: "Value provided is invalid for action parameter 'periodStart' of type 'Date'"
        });
    });
});

describe('editing the landscape in the preview', () => {
    const setUp = (): {
        org: OrgStore;
        accountId: string;
        call: (method: string, args: Record<string, unknown>) => unknown;
        named: (object: string, name: string) => string;
    } => {
        const { org } = demoOrg(TODAY);
        const named = (object: string, name: string): string =>
            org.all(object).find((record) => record.Name === name)!.Id;
        return {
            org,
            accountId: named('Account', 'Aeronova Group'),
            call: (method, args) => invokeApex(org, `LandscapeController.${method}`, args),
            named
        };
    };

    it('marks a cell once, changes the mark in place and clears it', () => {
        const { org, accountId, call, named } = setUp();
        const args = {
            accountId,
            buyingCenterId: named('Buying_Center__c', 'Sales'),
            offeringId: named('Offering__c', 'Data & Analytics')
        };
        const before = org.all('Landscape_Cell__c').length;
        const target = call('saveCell', {
            ...args,
            cell: {
                status: 'Whitespace Target',
                potentialValue: 500000,
                targetDate: '2027-06-30',
                notes: '  Pilot '
            }
        }) as { id: string; potentialValue: number; notes: string; version: string };
        assert.equal(target.potentialValue, 500000);
        assert.equal(target.notes, 'Pilot');
        const changed = call('saveCell', {
            ...args,
            cell: {
                status: 'Not Applicable',
                potentialValue: 9,
                version: target.version
            }
        }) as {
            id: string;
            potentialValue: number | null;
            version: string;
        };
        assert.equal(changed.id, target.id);
        assert.equal(changed.potentialValue, undefined);
        assert.equal(org.all('Landscape_Cell__c').length, before + 1);
        call('removeCell', { cellId: target.id, version: changed.version });
        assert.equal(org.all('Landscape_Cell__c').length, before);
    });

    it("refuses a cell save or clear over someone else's newer mark, naming who and when, and keeps that mark", () => {
        const { org, accountId, call, named } = setUp();
        const args = {
            accountId,
            buyingCenterId: named('Buying_Center__c', 'Sales'),
            offeringId: named('Offering__c', 'Data & Analytics')
        };
        const seen = call('saveCell', {
            ...args,
            cell: { status: 'Whitespace Target', potentialValue: 1 }
        }) as {
            id: string;
            version: string;
        };
        // someone else changes the cell after the rep's view loaded
        const theirs = call('saveCell', {
            ...args,
            cell: { status: 'Whitespace Target', potentialValue: 2, version: seen.version }
        }) as { version: string };
        assert.notEqual(theirs.version, seen.version);
        const changedBy =
            /^Changed by .+ at \d+\/\d+\/\d{4}, \d+:\d{2} [AP]M — reload to see it\. Your edit was not saved\.$/;
        assert.throws(
            () => call('saveCell', { ...args, cell: { status: 'Not Applicable', version: seen.version } }),
            { message: changedBy }
        );
        // a rep who saw the cell unmarked does not overwrite a mark made since
        assert.throws(() => call('saveCell', { ...args, cell: { status: 'Not Applicable' } }), {
            message: changedBy
        });
        assert.throws(() => call('removeCell', { cellId: seen.id, version: seen.version }), {
            message: changedBy
        });
        assert.equal(org.get(seen.id)!.Potential_Value__c, 2);
        assert.equal(org.get(seen.id)!.Status__c, 'Whitespace Target');
    });

    it('refuses bad marks with the Apex and validation messages, saving nothing', () => {
        const { org, accountId, call, named } = setUp();
        const before = org.all('Landscape_Cell__c').length;
        const save = (buyingCenter: string, cell: Record<string, unknown>): unknown =>
            call('saveCell', {
                accountId,
                buyingCenterId: named('Buying_Center__c', buyingCenter),
                offeringId: named('Offering__c', 'IoT Platforms'),
                cell
            });
        assert.throws(() => save('Sales', { status: 'Competitor Incumbent', competitor: ' ' }), {
            message: 'Name the competitor that holds this business.'
        });
        assert.throws(() => save('Sales', { status: 'Whitespace Target', potentialValue: -1 }), {
            message: 'The potential value cannot be negative.'
        });
        assert.throws(() => save('Sales', {}), {
            message:
                "Choose what this cell is: a whitespace target, a competitor's business or not applicable."
        });
        assert.throws(() => save('Retail Banking Europe', { status: 'Whitespace Target' }), {
            message: 'That buying center belongs to another account.'
        });
        assert.equal(org.all('Landscape_Cell__c').length, before);
        assert.throws(() => call('removeCell', { cellId: accountId }), {
            message: 'Choose the cell to clear.'
        });
    });

    it('adds a buying center under a parent and refuses one without a name', () => {
        const { org, accountId, call, named } = setUp();
        const heli = named('Buying_Center__c', 'Helicopters');
        const added = call('addBuyingCenter', {
            accountId,
            name: ' Helicopters Asia ',
            kind: 'Region',
            parentId: heli
        }) as {
            id: string;
            name: string;
            parentId: string;
        };
        assert.equal(added.name, 'Helicopters Asia');
        assert.equal(org.get(added.id)!.Parent_Buying_Center__c, heli);
        assert.throws(() => call('addBuyingCenter', { accountId, name: ' ' }), {
            message: 'Give the buying center a name.'
        });
        assert.throws(
            () =>
                call('addBuyingCenter', {
                    accountId,
                    name: 'Stray',
                    parentId: named('Buying_Center__c', 'Retail Banking Europe')
                }),
            { message: 'The parent buying center must belong to the same account.' }
        );
    });
});

describe('the landscape at its caps in the preview (as LandscapeService)', () => {
    const setUp = (): { org: OrgStore; accountId: string } => {
        const { org } = demoOrg(TODAY);
        return { org, accountId: org.all('Account').find((a) => a.Name === 'Aeronova Group')!.Id };
    };

    it('leaves notes out of the grid and reads them for one cell', () => {
        const { org, accountId } = setUp();
        const center = org.all('Buying_Center__c').find((record) => record.Account__c === accountId)!;
        const offering = org.all('Offering__c').find((record) => record.Active__c === true)!;
        const saved = invokeApex(org, 'LandscapeController.saveCell', {
            accountId,
            buyingCenterId: center.Id,
            offeringId: offering.Id,
            cell: { status: 'Whitespace Target', notes: 'Sponsor wants a pilot first.' }
        }) as { id: string; notes: string };
        assert.equal(saved.notes, 'Sponsor wants a pilot first.', 'the saved cell answers with its notes');
        const dto = landscapeAnswer(invokeApex(org, 'LandscapeController.getLandscape', { accountId }));
        assert.ok(dto.cells.length > 0);
        assert.ok(
            dto.cells.every((cell) => cell.notes == null),
            'the grid carries no notes'
        );
        assert.deepEqual(dto.omitted, [], 'nothing left out of the demo account');
        assert.equal(
            invokeApex(org, 'LandscapeController.getCellNotes', { cellId: saved.id }),
            'Sponsor wants a pilot first.'
        );
        assert.throws(() => invokeApex(org, 'LandscapeController.getCellNotes', { cellId: accountId }), {
            message: 'Choose the cell whose notes to read.'
        });
    });
});
