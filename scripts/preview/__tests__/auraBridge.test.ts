// `@salesforce/apex` in the preview runs the real @AuraEnabled methods: arguments converted by the declared
// parameter types, results serialised as the platform sends them to a component (only @AuraEnabled
// members, no null members, Dates as YYYY-MM-DD), an AuraHandledException's message passed on and any
// other exception answered with a generic message, each call one transaction (rolled back when it
// throws; a cacheable method may not write), and Apex class access enforced for the preview's user.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { DATA_DIR } from '../../lib/project';
import { ApexError } from '../apexError';
import { INTERNAL_ERROR, invokeAura, type AuraContext } from '../apex/auraBridge';
import { userForRole } from '../apex/previewOrg';
import { parsePreviewArgs } from '../serve';
import { demoOrg, formSave, invokeApex } from './demoOrg';

const TODAY = '2026-11-22';

// a class of this test's own, added to the classes the preview parsed: only the admin (Modify All Data)
// may run it, since no permission set names it
const PROBE = `
public with sharing class PreviewBridgeProbe {
    public class Shape {
        @AuraEnabled public Integer count;
        @AuraEnabled public Decimal amount;
        @AuraEnabled public Date day;
        @AuraEnabled public Datetime at;
        @AuraEnabled public List<String> names;
        @AuraEnabled public Map<String, Object> changes;
        @AuraEnabled public Shape child;
        @AuraEnabled public String none;
        @AuraEnabled public Boolean flag;
        public String secret = 'kept on the server';
    }
    @AuraEnabled
    public static Shape echo(Integer count, Decimal amount, Date day, Datetime at, List<String> names, Map<String, Object> changes, Shape shape, Boolean flag) {
        Shape out = new Shape();
        out.count = count == null ? null : count + 1;
        out.amount = amount;
        out.day = day == null ? null : day.addDays(1);
        out.at = at;
        out.names = names;
        out.changes = changes;
        out.child = shape;
        out.flag = flag;
        if (shape != null && shape.secret != 'kept on the server') { out.none = 'secret was set'; }
        return out;
    }
    @AuraEnabled
    public static Id insertThenRefuse(String name) {
        insert new Account(Name = name);
        throw new AuraHandledException('Refused after writing.');
    }
    @AuraEnabled
    public static Integer npe() {
        String nothing;
        return nothing.length();
    }
    @AuraEnabled(cacheable=true)
    public static Id writeInCacheable() {
        Account account = new Account(Name = 'Cached write');
        insert account;
        return account.Id;
    }
    @AuraEnabled(cacheable=true)
    public static List<Contact> people(Id accountId) {
        return [SELECT Id, LastName, Title, Account.Name, ReportsTo.LastName FROM Contact WHERE AccountId = :accountId ORDER BY Id LIMIT 2];
    }
    public static String notExposed() {
        return 'x';
    }
}`;

function probeOrg(): { context: AuraContext } {
    const { context } = demoOrg(TODAY, 'admin');
    if (!context.registry.classes.has('previewbridgeprobe'))
        context.registry.addSource(PROBE, 'PreviewBridgeProbe.cls');
    return { context };
}

function refusal(work: () => unknown): ApexError {
    try {
        work();
    } catch (error) {
        assert.ok(error instanceof ApexError, `an ApexError, not ${String(error)}`);
        return error;
    }
    assert.fail('the call must fail');
}

describe('arguments arrive as the declared parameter types', () => {
    it('Integer, Decimal, Date, Datetime, List, Map, Boolean and an inner-class object', () => {
        const { context } = probeOrg();
        const answer = invokeAura(context, 'PreviewBridgeProbe.echo', {
            count: 41,
            amount: '12.50',
            day: '2026-02-28',
            at: '2026-11-30T15:58:00.000Z',
            names: ['a', 'b'],
            changes: { stance: 'Champion', influence: 4, nested: [1, 2.5] },
            shape: { count: 1, day: '2026-01-01', secret: 'from the client', unknownKey: true },
            flag: false
        });
        assert.deepEqual(answer, {
            count: 42,
            amount: 12.5,
            day: '2026-03-01',
            at: '2026-11-30T15:58:00.000Z',
            names: ['a', 'b'],
            changes: { stance: 'Champion', influence: 4, nested: [1, 2.5] },
            child: { count: 1, day: '2026-01-01' },
            flag: false
        });
    });

    it('refuses a value that is not of the parameter type with the platform message, naming the parameter', () => {
        const { context } = probeOrg();
        const cases: [Record<string, unknown>, string, string][] = [
            [{ count: 1.5 }, 'count', 'Integer'],
            [{ count: 'many' }, 'count', 'Integer'],
            [{ amount: {} }, 'amount', 'Decimal'],
            [{ day: '2026-02-30' }, 'day', 'Date'],
            [{ day: '30/11/2026' }, 'day', 'Date'],
            [{ at: 'yesterday' }, 'at', 'Datetime'],
            [{ names: 'a' }, 'names', 'List<String>'],
            [{ shape: { day: 'soon' } }, 'shape', 'Shape']
        ];
        for (const [args, name, type] of cases) {
            const error = refusal(() => invokeAura(context, 'PreviewBridgeProbe.echo', args));
            assert.equal(
                error.message,
                `Value provided is invalid for action parameter '${name}' of type '${type}'`,
                JSON.stringify(args)
            );
        }
        assert.throws(() => invokeAura(context, 'PreviewBridgeProbe.echo', [1]), {
            message: 'Apex arguments must be an object of named parameters.'
        });
    });
});

describe('results go back as the platform serialises them', () => {
    it('an object sends its @AuraEnabled members only, and none that is null', () => {
        const { context } = probeOrg();
        const answer = invokeAura(context, 'PreviewBridgeProbe.echo', {}) as Record<string, unknown>;
        assert.deepEqual(answer, {}, 'every member null: nothing sent, the secret never');
    });

    it('records as field maps with their parent records, no null fields', () => {
        const { context } = probeOrg();
        const store = context.org.store;
        const aeronova = store.all('Account').find((account) => account.Name === 'Aeronova Group')!;
        const people = invokeAura(context, 'PreviewBridgeProbe.people', { accountId: aeronova.Id }) as Record<
            string,
            unknown
        >[];
        assert.equal(people.length, 2);
        const [top, second] = people;
        assert.deepEqual(Object.keys(top!).sort(), ['Account', 'Id', 'LastName', 'Title']);
        assert.equal((top!.Account as { Name: string }).Name, 'Aeronova Group');
        assert.equal(typeof (second!.ReportsTo as { LastName: string }).LastName, 'string');
    });
});

describe('errors and transactions', () => {
    it("passes an AuraHandledException's message and keeps nothing the call wrote", () => {
        const { context } = probeOrg();
        const before = context.org.store.all('Account').length;
        const error = refusal(() =>
            invokeAura(context, 'PreviewBridgeProbe.insertThenRefuse', { name: 'Written then undone' })
        );
        assert.equal(error.message, 'Refused after writing.');
        assert.equal(error.exceptionType, 'System.AuraHandledException');
        assert.equal(context.org.store.all('Account').length, before, 'the insert was rolled back');
    });

    it('answers any other exception with the generic message, never its text', () => {
        const { context } = probeOrg();
        const error = refusal(() => invokeAura(context, 'PreviewBridgeProbe.npe', {}));
        assert.equal(error.message, INTERNAL_ERROR);
        assert.equal(error.exceptionType, 'System.NullPointerException');
    });

    it('a cacheable method may not write', () => {
        const { context } = probeOrg();
        const before = context.org.store.all('Account').length;
        const error = refusal(() => invokeAura(context, 'PreviewBridgeProbe.writeInCacheable', {}));
        assert.equal(error.exceptionType, 'System.LimitException');
        assert.equal(context.org.store.all('Account').length, before);
        // the next transaction (a record form's save) has its full limits again
        formSave(context.org.store).insert('Account', { Name: 'After a cached read' });
        assert.equal(context.org.store.all('Account').length, before + 1);
    });

    it('only @AuraEnabled static methods are callable', () => {
        const { context } = probeOrg();
        for (const endpoint of ['PreviewBridgeProbe.notExposed', 'PreviewBridgeProbe.Shape', 'Nope.nothing'])
            assert.throws(() => invokeAura(context, endpoint, {}), {
                message: `No such @AuraEnabled method: ${endpoint}`
            });
    });

    it('a readable Keystone message reaches the component as Keystone wrote it, and nothing is logged', () => {
        const { org } = demoOrg(TODAY);
        const error = refusal(() =>
            invokeApex(org, 'OrgChartController.getOrgChart', {
                accountId: null,
                afterId: null,
                pageSize: null
            })
        );
        assert.doesNotMatch(error.message, /KS-[0-9A-F]{10}/);
        assert.equal(org.all('Keystone_Error_Log__c').length, 0);
    });
});

describe('who the preview runs as', () => {
    it('a rep holding only Keystone User by default; --user picks the manager or the admin', () => {
        const { context } = demoOrg(TODAY);
        const store = context.org.store;
        const sets = (userId: string): string[] =>
            store
                .all('PermissionSetAssignment')
                .filter((row) => row.AssigneeId === userId)
                .map((row) => String(store.get(String(row.PermissionSetId))?.Name));
        const rep = store.get(context.userId)!;
        assert.equal(rep.Name, 'Alex Morgan');
        assert.equal(store.get(String(rep.ProfileId))?.Name, 'Standard User');
        assert.deepEqual(sets(rep.Id), ['Keystone_User']);
        const manager = userForRole(context.org, DATA_DIR, 'manager');
        assert.equal(store.get(manager)?.Name, 'Morgan Reyes');
        assert.deepEqual(sets(manager), ['Keystone_Manager']);
        assert.equal(userForRole(context.org, DATA_DIR, 'admin'), context.org.adminId);
        assert.equal(parsePreviewArgs([]).user, 'rep');
        assert.equal(parsePreviewArgs(['--user', 'admin']).user, 'admin');
    });

    it('a user without the class in a permission set gets the platform refusal, and the method does not run', () => {
        const { context } = demoOrg(TODAY);
        const store = context.org.store;
        const profile = store.all('Profile').find((row) => row.Name === 'Standard User')!;
        const outsider = store.insert('User', {
            ProfileId: profile.Id,
            LastName: 'Outsider',
            Alias: 'outsider',
            Email: 'outsider@example.com',
            Username: 'outsider@example.com.keystone',
            EmailEncodingKey: 'UTF-8',
            LanguageLocaleKey: 'en_US',
            LocaleSidKey: 'en_US',
            TimeZoneSidKey: 'Europe/London'
        });
        const aeronova = store.all('Account').find((account) => account.Name === 'Aeronova Group')!;
        const error = refusal(() =>
            invokeAura({ ...context, userId: outsider }, 'OrgChartController.getOrgChart', {
                accountId: aeronova.Id
            })
        );
        assert.equal(error.message, "You do not have access to the Apex class named 'OrgChartController'.");
        // the rep holds Keystone User, which names the controller
        assert.ok(invokeAura(context, 'OrgChartController.getOrgChart', { accountId: aeronova.Id }));
    });
});
