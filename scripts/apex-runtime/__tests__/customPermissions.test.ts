// Trust tests for what the sign-off's rules need from the runtime: custom permissions granted through
// permission sets (force-app's and a test-built one), `$Permission.Name` and `$User.Id` in validation rules
// ("Validation Rules", "Custom Permissions" in Salesforce Help), FeatureManagement.checkPermission (Apex
// Reference, "FeatureManagement Class"), a permission set deployed beside force-app (the scratch-only
// demo loader), and JSON.deserialize into a class whose fields are lists of its inner classes.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { readPermissionSet } from '../../lib/permissionSets';
import { ROOT } from '../../lib/project';
import { deployPermissionSet } from '../org/securityBridge';
import { freshOrg, run, thrown } from './harness';

const PLAN = (approval: string): string =>
    `Account a = new Account(Name = 'Acme'); insert a; insert new Account_Plan__c(Name = 'P', Account__c = a.Id, Period_Start__c = Date.newInstance(2026, 1, 1), Period_End__c = Date.newInstance(2026, 12, 31), Status__c = 'Draft'${approval});`;

test('force-app custom permissions are seeded as CustomPermission records', () => {
    const { apex } = freshOrg();
    assert.equal(
        run(
            apex,
            "return [SELECT COUNT() FROM CustomPermission WHERE DeveloperName = 'Keystone_Edit_Approved_Plans'];"
        ),
        '1'
    );
});

test('FeatureManagement.checkPermission answers for the running user, through their permission sets', () => {
    const { apex, org } = freshOrg();
    const check = "return FeatureManagement.checkPermission('Keystone_Edit_Approved_Plans');";
    assert.equal(run(apex, check), 'false', 'the admin holds no custom permission by profile');
    org.assignPermissionSet(org.adminId, 'Keystone_Manager');
    assert.equal(run(apex, check), 'true', 'Keystone Manager grants it');
    assert.equal(
        run(apex, "return FeatureManagement.checkPermission('Keystone_Load_Approved_Plans');"),
        'false'
    );
});

test('a test-built permission set grants a custom permission through SetupEntityAccess', () => {
    const { apex } = freshOrg();
    const body = `PermissionSet holder = new PermissionSet(Name = 'Holder', Label = 'Holder'); insert holder;
        CustomPermission loader = [SELECT Id FROM CustomPermission WHERE DeveloperName = 'Keystone_Load_Approved_Plans'];
        insert new SetupEntityAccess(ParentId = holder.Id, SetupEntityId = loader.Id);
        insert new PermissionSetAssignment(AssigneeId = UserInfo.getUserId(), PermissionSetId = holder.Id);
        return FeatureManagement.checkPermission('Keystone_Load_Approved_Plans');`;
    assert.equal(run(apex, body), 'true');
});

test('$Permission in a validation rule: without it the typed approval date is refused, with it the load passes', () => {
    const { apex, org } = freshOrg();
    assert.match(
        thrown(apex, PLAN(', Approval_Date__c = Date.newInstance(2026, 2, 3)')),
        /FIELD_CUSTOM_VALIDATION_EXCEPTION, The approval date is set when the approver approves the plan/
    );
    deployPermissionSet(
        org.store,
        readPermissionSet(
            path.join(
                ROOT,
                'config/scratch-org/permissionsets/Keystone_Demo_Data_Loader.permissionset-meta.xml'
            )
        )
    );
    org.setupChanged();
    org.assignPermissionSet(org.adminId, 'Keystone_Demo_Data_Loader');
    run(apex, PLAN(', Approval_Date__c = Date.newInstance(2026, 2, 3)'));
    assert.equal(
        run(apex, 'return [SELECT Approval_Date__c FROM Account_Plan__c].Approval_Date__c;'),
        '2026-02-03'
    );
});

test('$User.Id in a validation rule is the running user', () => {
    const { apex } = freshOrg();
    assert.match(
        thrown(apex, PLAN(', Approver__c = UserInfo.getUserId()')),
        /FIELD_CUSTOM_VALIDATION_EXCEPTION, You cannot be the approver of a plan you edit/
    );
});

test('JSON.deserialize fills lists of inner classes, found from the class that declares the field', () => {
    const source = `public class Outer {
        public class Shape { public List<Item> items; public Item first; }
        public class Item { public String name; public Date due; }
        public static String roundTrip() {
            Shape shape = (Shape) JSON.deserialize('{"items":[{"name":"a","due":"2026-01-02"},{"name":"b"}],"first":{"name":"c"}}', Shape.class);
            return shape.items.size() + ' ' + shape.items[0].name + ' ' + shape.items[0].due + ' ' + shape.first.name;
        }
    }`;
    const { apex } = freshOrg([], [source]);
    assert.equal(run(apex, 'return Outer.roundTrip();'), '2 a 2026-01-02 c');
});
