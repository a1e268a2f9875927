// The security model against the platform's documented rules: profile plus permission sets add up, fields
// deployed without profile access stay hidden even from an admin in user mode, required and master-detail
// fields carry no field security, and record access follows ownership, org-wide defaults and the master.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FORCE_APP } from '../../lib/project';
import { readPermissionSets } from '../../lib/permissionSets';
import { loadObjectSchemas } from '../../preview/emulator/schema';
import { withStandardFields } from '../../preview/emulator/standardFields';
import { IdFactory } from '../../preview/emulator/ids';
import { AccessModel, type Row } from '../security/access';
import { securedObjects } from '../security/objects';
import { seedSecurity, type SetupRecords } from '../security/setupRecords';

const schemas = withStandardFields(loadObjectSchemas(FORCE_APP));
const classes = fs
    .readdirSync(path.join(FORCE_APP, 'classes'), { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.cls'))
    .map((file) => path.basename(file, '.cls'));

function newOrg() {
    const ids = new IdFactory([...schemas.keys()].filter((name) => name.endsWith('__c')));
    const records: SetupRecords = seedSecurity({
        objects: [...schemas.values()],
        permissionSets: readPermissionSets(FORCE_APP),
        apexClasses: classes,
        newId: (object) => ids.next(object)
    });
    let version = 0;
    const model = new AccessModel(securedObjects(schemas, FORCE_APP), {
        rows: (object) => records[object] ?? [],
        version: () => version
    });
    const admin = records.User![0]!;
    const profile = (name: string): string => String(records.Profile!.find((row) => row.Name === name)!.Id);
    const permissionSet = (name: string): string =>
        String(records.PermissionSet!.find((row) => row.Name === name)!.Id);
    const addUser = (profileName: string, sets: string[] = []): string => {
        const id = ids.next('User');
        records.User!.push({ Id: id, ProfileId: profile(profileName), IsActive: true, LastName: id });
        for (const set of sets)
            records.PermissionSetAssignment!.push({
                Id: ids.next('PermissionSetAssignment'),
                AssigneeId: id,
                PermissionSetId: permissionSet(set)
            });
        version++;
        return id;
    };
    const add = (object: string, row: Record<string, string | boolean | null>): string => {
        const id = ids.next(object);
        (records[object] ??= []).push({ Id: id, ...row });
        version++;
        return id;
    };
    return {
        ids,
        records,
        model,
        admin: String(admin.Id),
        addUser,
        add,
        permissionSet,
        bump: () => version++
    };
}

describe('object and field access', () => {
    const org = newOrg();
    const rep = org.addUser('Minimum Access - Salesforce', ['Keystone_User']);
    const bare = org.addUser('Minimum Access - Salesforce');
    const standard = org.addUser('Standard User');
    const admin = org.model.rights(org.admin);

    const cases: {
        who: string;
        user: () => ReturnType<AccessModel['rights']>;
        object: string;
        field?: string;
        read: boolean;
        edit?: boolean;
    }[] = [
        // the admin has every object, but not the custom fields deployed without profile access
        { who: 'admin', user: () => admin, object: 'Account_Plan__c', read: true },
        {
            who: 'admin',
            user: () => admin,
            object: 'Account_Plan__c',
            field: 'Goal_Statement__c',
            read: false,
            edit: false
        },
        {
            who: 'admin',
            user: () => admin,
            object: 'Account_Plan__c',
            field: 'Account__c',
            read: true,
            edit: true
        },
        { who: 'admin', user: () => admin, object: 'Contact', field: 'Title', read: true, edit: true },
        { who: 'admin', user: () => admin, object: 'Keystone_Heat_Setting__mdt', read: true },
        // a rep with only Keystone User holds exactly what the file grants
        { who: 'rep', user: () => org.model.rights(rep), object: 'Account_Plan__c', read: true },
        {
            who: 'rep',
            user: () => org.model.rights(rep),
            object: 'Account_Plan__c',
            field: 'Goal_Statement__c',
            read: true,
            edit: true
        },
        {
            who: 'rep',
            user: () => org.model.rights(rep),
            object: 'Account',
            field: 'Key_Account_Score__c',
            read: true,
            edit: false
        },
        { who: 'rep', user: () => org.model.rights(rep), object: 'Keystone_Heat_Setting__mdt', read: true },
        { who: 'rep', user: () => org.model.rights(rep), object: 'Account', field: 'Name', read: true },
        // nothing without a permission set on a Minimum Access profile; every user reads users
        { who: 'bare', user: () => org.model.rights(bare), object: 'Account', read: false },
        { who: 'bare', user: () => org.model.rights(bare), object: 'Account', field: 'Name', read: false },
        {
            who: 'bare',
            user: () => org.model.rights(bare),
            object: 'Keystone_Heat_Setting__mdt',
            read: false
        },
        { who: 'bare', user: () => org.model.rights(bare), object: 'User', field: 'Name', read: true },
        // Standard User: the sales objects and their standard fields, none of ours
        {
            who: 'standard',
            user: () => org.model.rights(standard),
            object: 'Contact',
            field: 'Title',
            read: true,
            edit: true
        },
        { who: 'standard', user: () => org.model.rights(standard), object: 'Account_Plan__c', read: false },
        {
            who: 'standard',
            user: () => org.model.rights(standard),
            object: 'Contact',
            field: 'Stance__c',
            read: false
        }
    ];
    for (const c of cases) {
        it(`${c.who}: ${c.object}${c.field ? `.${c.field}` : ''} is ${c.read ? 'readable' : 'hidden'}`, () => {
            const rights = c.user();
            if (c.field) {
                assert.equal(rights.canReadField(c.object, c.field), c.read);
                if (c.edit !== undefined) assert.equal(rights.canEditField(c.object, c.field), c.edit);
            } else assert.equal(rights.canReadObject(c.object), c.read);
        });
    }

    it('runs the controllers a permission set grants, and nothing for a bare user', () => {
        assert.ok(org.model.rights(rep).canRunClass('OrgChartController'));
        assert.ok(!org.model.rights(bare).canRunClass('OrgChartController'));
        assert.ok(admin.canRunClass('OrgChartController'));
    });

    it('adds up grants from two permission sets', () => {
        const both = org.addUser('Minimum Access - Salesforce', ['Keystone_User', 'Keystone_Admin']);
        const rights = org.model.rights(both);
        assert.ok(rights.object('Offering__c').create, 'Keystone Admin keeps the catalog');
        assert.ok(rights.canReadField('Account_Plan__c', 'Goal_Statement__c'));
    });

    it('enforces a permission set a test builds from records, once the setup changes', () => {
        const user = org.addUser('Minimum Access - Salesforce');
        assert.ok(!org.model.rights(user).canReadObject('Contact'));
        const set = org.add('PermissionSet', {
            Name: 'Test_Partial',
            Label: 'Test Partial',
            IsOwnedByProfile: false
        });
        org.add('ObjectPermissions', { ParentId: set, SobjectType: 'Contact', PermissionsRead: true });
        org.add('FieldPermissions', {
            ParentId: set,
            SobjectType: 'Contact',
            Field: 'Contact.Title',
            PermissionsRead: false,
            PermissionsEdit: true
        });
        org.add('PermissionSetAssignment', { AssigneeId: user, PermissionSetId: set });
        const rights = org.model.rights(user);
        assert.ok(rights.canReadObject('Contact'));
        assert.ok(rights.canReadField('Contact', 'Title'), 'edit implies read');
        assert.ok(!rights.canReadField('Contact', 'Stance__c'));
    });

    it('knows 15- and 18-character forms of a user Id as one user', () => {
        assert.ok(org.model.rights(rep.slice(0, 15)).canReadObject('Account_Plan__c'));
    });

    it('refuses an unknown user', () => {
        assert.throws(() => org.model.rights('005000000000ZZZ'), /no user 005000000000ZZZ/);
    });
});

describe('record access under with sharing', () => {
    const org = newOrg();
    const owner = org.addUser('Minimum Access - Salesforce', ['Keystone_User']);
    const other = org.addUser('Minimum Access - Salesforce', ['Keystone_User']);
    const manager = org.addUser('Minimum Access - Salesforce', ['Keystone_Manager']);
    const rows = new Map<string, { object: string; record: Row }>();
    const put = (object: string, record: Record<string, unknown> & { Id: string }): Row => {
        rows.set(record.Id.slice(0, 15), { object, record });
        return record;
    };
    const resolve = (id: string) => rows.get(id.slice(0, 15));
    const account = put('Account', { Id: org.ids.next('Account'), OwnerId: owner });
    const contact = put('Contact', { Id: org.ids.next('Contact'), OwnerId: owner, AccountId: account.Id });
    const orphan = put('Contact', { Id: org.ids.next('Contact'), OwnerId: owner, AccountId: null });
    const plan = put('Account_Plan__c', { Id: org.ids.next('Account_Plan__c'), Account__c: account.Id });
    const offering = put('Offering__c', { Id: org.ids.next('Offering__c'), OwnerId: owner });

    const cases: { what: string; user: () => string; object: string; record: Row; access: string }[] = [
        {
            what: 'the owner, their account',
            user: () => owner,
            object: 'Account',
            record: account,
            access: 'all'
        },
        {
            what: 'another rep, an account (public read/write)',
            user: () => other,
            object: 'Account',
            record: account,
            access: 'edit'
        },
        {
            what: 'another rep, a contact (its account decides)',
            user: () => other,
            object: 'Contact',
            record: contact,
            access: 'edit'
        },
        {
            what: 'another rep, a contact with no account',
            user: () => other,
            object: 'Contact',
            record: orphan,
            access: 'none'
        },
        {
            what: 'the owner, their contact with no account',
            user: () => owner,
            object: 'Contact',
            record: orphan,
            access: 'all'
        },
        {
            what: 'another rep, a plan (its account decides, capped at edit)',
            user: () => other,
            object: 'Account_Plan__c',
            record: plan,
            access: 'edit'
        },
        {
            what: 'the account owner, the plan',
            user: () => owner,
            object: 'Account_Plan__c',
            record: plan,
            access: 'edit'
        },
        {
            what: 'another rep, an offering (public read only)',
            user: () => other,
            object: 'Offering__c',
            record: offering,
            access: 'read'
        },
        {
            what: 'the admin, an orphan contact',
            user: () => org.admin,
            object: 'Contact',
            record: orphan,
            access: 'all'
        }
    ];
    for (const c of cases) {
        it(`${c.what}: ${c.access}`, () => {
            assert.equal(org.model.rights(c.user()).recordAccess(c.object, c.record, resolve), c.access);
        });
    }

    it('a manager with View All on plans (Keystone Manager) reads a plan no sharing reaches', () => {
        const hidden = put('Account_Plan__c', {
            Id: org.ids.next('Account_Plan__c'),
            Account__c: '001000000000ABC'
        });
        assert.equal(org.model.rights(manager).recordAccess('Account_Plan__c', hidden, resolve), 'read');
        assert.equal(org.model.rights(other).recordAccess('Account_Plan__c', hidden, resolve), 'none');
    });

    it('a plan whose account is missing is visible to no one but an all-data user', () => {
        const lost = put('Account_Plan__c', {
            Id: org.ids.next('Account_Plan__c'),
            Account__c: '001000000000XYZ'
        });
        assert.equal(org.model.rights(other).recordAccess('Account_Plan__c', lost, resolve), 'none');
        assert.equal(org.model.rights(org.admin).recordAccess('Account_Plan__c', lost, resolve), 'all');
    });
});
