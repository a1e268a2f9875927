// Every checker must fail on its deliberately broken fixture with exactly the finding we expect, and
// name the file and line — a check that cannot fail proves nothing.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { CHECKERS } from '../checkers';
import { runOnFixture } from '../fixtures';

const EXPECTED: Record<string, string[]> = {
    typescript: [
        "lwc-ts/planCard/planCard.ts:11 typescript/TS2339 Property 'internalNote' does not exist on type 'PlanController_PlanView'.",
        "lwc-ts/planCard/planCard.ts:6 typescript/TS2339 Property 'goal' does not exist on type 'PlanController_PlanView'.",
        "lwc-ts/typeError/typeError.ts:3 typescript/TS2322 Type 'string' is not assignable to type 'number'."
    ],
    eslint: [
        "lwc-ts/lintError/lintError.ts:14 eslint/@lwc/lwc/no-inner-html Using 'innerHTML/outputHTML/insertAdjacentHTML' is not allowed",
        'lwc-ts/lintError/lintError.ts:18 eslint/@typescript-eslint/no-explicit-any Unexpected any. Specify a different type.'
    ],
    prettier: [
        'force-app/main/default/classes/Unformatted.cls:2 prettier/format not formatted as prettier would (run npm run format)'
    ],
    'xml-wellformed': [
        'force-app/main/default/objects/Broken__c/Broken__c.object-meta.xml:5 xml/well-formed parser error : Opening and ending tag mismatch: CustomObject line 2 and CustomObjekt'
    ],
    'metadata-schema': [
        'force-app/main/default/objects/Account_Plan__c/fields/Goal__c.field-meta.xml:4 metadata/schema <lable> is not an element of CustomField',
        'force-app/main/default/objects/Account_Plan__c/fields/Stage__c.field-meta.xml:5 metadata/schema <type> "Picklst" is not one of AutoNumber, Lookup, MasterDetail, Checkbox, Currency, Date, DateTime, Email, Number, Percent, Phone, Picklist, MultiselectPicklist, Text, TextArea, LongTextArea, Html, Url, EncryptedText, Summary, Hierarchy, File, MetadataRelationship, Location, ExternalLookup, IndirectLookup, CustomDataType, Time, Address, Array, Integer, Long',
        'force-app/main/default/objects/Account_Plan__c/fields/Stage__c.field-meta.xml:6 metadata/schema <required> must be true or false, not "yes"'
    ],
    'cross-references': [
        'force-app/main/default/applications/Keystone.app-meta.xml:6 xref/app-tab tab Buying_Centre__c does not exist',
        'force-app/main/default/aura/PlanPrintApp/PlanPrintApp.app:2 xref/aura-dependency c:planCardd has no bundle in lwc-ts/',
        'force-app/main/default/classes/PlanController.cls:1 xref/controller-access PlanController has @AuraEnabled methods but no permission set grants it',
        'force-app/main/default/customMetadata/Keystone_Heat_Setting.Default.md-meta.xml:1 xref/custom-metadata-type custom metadata type Keystone_Heat_Setting__mdt does not exist',
        'force-app/main/default/flexipages/Broken_Record_Page.flexipage-meta.xml:12 xref/flexipage-component component c:orgChartHeatMapp has no bundle in lwc-ts/',
        'force-app/main/default/flexipages/Broken_Record_Page.flexipage-meta.xml:6 xref/flexipage-target component planCard does not declare target lightning__RecordPage',
        'force-app/main/default/layouts/Account_Plan__c-Plan Layout.layout-meta.xml:9 xref/layout-field Account_Plan__c.Revenue_Target__c does not exist',
        'force-app/main/default/objects/Account_Plan__c/fields/Revenue_Goal__c.field-meta.xml:1 xref/field-not-granted no permission set grants Account_Plan__c.Revenue_Goal__c',
        'force-app/main/default/pages/PlanPrint.page:5 xref/lightning-out-app Lightning Out app c:PlanPrintAp has no bundle in aura/',
        'force-app/main/default/pages/PlanPrint.page:6 xref/lightning-out-component c:planCard is not an aura:dependency of the app this page uses',
        'force-app/main/default/permissionsets/Broken_User.permissionset-meta.xml:13 xref/permission-required-field field Account_Plan__c.Period_Start__c is required or master-detail: the platform grants it and refuses it in a permission set',
        'force-app/main/default/permissionsets/Broken_User.permissionset-meta.xml:18 xref/permission-object object Account_Plans__c does not exist',
        'force-app/main/default/permissionsets/Broken_User.permissionset-meta.xml:27 xref/permission-page Visualforce page PlanPrnt does not exist',
        'force-app/main/default/permissionsets/Broken_User.permissionset-meta.xml:31 xref/permission-tab tab Account_Plan__c does not exist',
        'force-app/main/default/permissionsets/Broken_User.permissionset-meta.xml:4 xref/permission-class Apex class PlanControllr does not exist',
        'force-app/main/default/permissionsets/Broken_User.permissionset-meta.xml:8 xref/permission-field field Account_Plan__c.Revenue_Gaol__c does not exist',
        'lwc-ts/planCard/planCard.ts:17 xref/message-channel @salesforce/messageChannel/Keystone_Plan_Chnage__c: no messageChannels/Keystone_Plan_Chnage.messageChannel-meta.xml',
        'lwc-ts/planCard/planCard.ts:3 xref/apex-import @salesforce/apex/PlanController.savePlan: no such @AuraEnabled static method',
        'lwc-ts/planCard/planCard.ts:8 xref/apex-param PlanController.getPlan has no parameter "accountID" (it takes accountId)'
    ],
    'approval-processes': [
        'force-app/main/default/approvalProcesses/Account_Plan__c.Broken_Sign_Off.approvalProcess-meta.xml:10 approval/field Account_Plan__c.Revenue_Gaol__c does not exist',
        'force-app/main/default/approvalProcesses/Account_Plan__c.Broken_Sign_Off.approvalProcess-meta.xml:11 approval/owner-on-detail field Owner: Account_Plan__c is the detail of a master-detail and has no owner',
        'force-app/main/default/approvalProcesses/Account_Plan__c.Broken_Sign_Off.approvalProcess-meta.xml:15 approval/approver-field approver field Account_Plan__c.Account__c is not a lookup to User (it points to Account)',
        'force-app/main/default/approvalProcesses/Account_Plan__c.Broken_Sign_Off.approvalProcess-meta.xml:35 approval/field Account_Plan__c.Stauts__c does not exist',
        'force-app/main/default/approvalProcesses/Account_Plan__c.Broken_Sign_Off.approvalProcess-meta.xml:5 approval/owner-on-detail submitter type owner: Account_Plan__c is the detail of a master-detail and has no owner (use creator, a user, a role or a group)'
    ],
    'field-history': [
        'force-app/main/default/objects/Contact/fields/Stance__c.field-meta.xml:6 history/not-enabled Contact.Stance__c tracks history but Contact history is not enabled: add objects/Contact/Contact.object-meta.xml with <enableHistory>true</enableHistory>'
    ],
    'tab-motifs': [
        'force-app/main/default/tabs/Swot_Item__c.tab-meta.xml:4 tab/motif motif "Custom68: Desk" is not a tab style: Custom68 is "Custom68: Globe"; Desk is "Custom33: Desk"'
    ],
    'demo-data': [
        'scripts/data/Account.json:18 data/not-createable Contact.Titel does not exist: the demo import cannot set it',
        'scripts/data/Account.json:9 data/not-createable Account.CreatedDate is set by the platform, not by an insert: the demo import cannot set it',
        'scripts/data/Plan_Milestone__c.json:10 data/not-createable Plan_Milestone__c.Is_Overdue__c is a formula: the demo import cannot set it',
        'scripts/data/Plan_Milestone__c.json:11 data/not-createable Plan_Milestone__c.Due_Dat__c does not exist: the demo import cannot set it'
    ],
    'soql-fields': [
        'force-app/main/default/classes/PlanReader.cls:13 soql/field Opportunity.Amout does not exist',
        'force-app/main/default/classes/PlanReader.cls:4 soql/field Account_Plan__c.Revenue_Gaol__c does not exist',
        'force-app/main/default/classes/PlanReader.cls:8 soql/field Account_Plan__c.Period_Strat__c does not exist'
    ],
    'user-mode-access': [
        'force-app/main/default/classes/PlanRollup.cls:5 user-mode/edit Rep_User (saves Account_Plan__c, firing AccountPlanTrigger) cannot create or edit Account',
        'force-app/main/default/classes/PlanSelector.cls:4 user-mode/read Rep_User (users of PlanController) cannot read Account',
        'force-app/main/default/classes/PlanSelector.cls:4 user-mode/read Rep_User (users of PlanController) cannot read Account_Plan__c.Goal__c',
        'force-app/main/default/classes/PlanSelector.cls:9 user-mode/read Rep_User (users of PlanController) cannot read Case',
        'force-app/main/default/classes/PlanService.cls:4 user-mode/edit Rep_User (users of PlanController) cannot edit Account_Plan__c.Score__c',
        'force-app/main/default/classes/SwotController.cls:4 user-mode/no-permission-set SwotController has @AuraEnabled methods but its ApexDoc names no @permissionSet its users hold',
        'scripts/data/Account_Plan__c.json:8 user-mode/demo-data Account_Plan__c.Goal__c is set by the demo import but none of Keystone_Manager, Keystone_Admin, Keystone_Demo_Data_Loader lets the installing admin edit it'
    ],
    'apex-security': [
        'force-app/main/default/classes/UnsafeService.cls:1 apex/with-sharing class UnsafeService must be declared "with sharing"',
        'force-app/main/default/classes/UnsafeService.cls:11 apex/suppression-reason a suppression needs a written reason: // pmd-allow RuleName: why',
        'force-app/main/default/classes/UnsafeService.cls:17 apex/user-mode-dml update must run "as user" (update as user …)',
        'force-app/main/default/classes/UnsafeService.cls:22 apex/user-mode-dml delete must run "as user" (delete as user …)',
        'force-app/main/default/classes/UnsafeService.cls:3 apex/user-mode-query query on Account must run WITH USER_MODE',
        'force-app/main/default/classes/UnsafeService.cls:7 apex/user-mode-dml update must run "as user" (update as user …)',
        'force-app/main/default/classes/UnsafeService.cls:8 apex/user-mode-database Database.insert must pass AccessLevel.USER_MODE'
    ],
    'apex-semantics': [
        "force-app/main/default/classes/PlanMath.cls:3 apex-ls/Missing Unknown field 'Revenue_Gaol__c' on SObject 'Schema.Account_Plan__c'",
        "force-app/main/default/classes/PlanMath.cls:7 apex-ls/Missing No matching method found for 'size' on 'System.String' taking no arguments"
    ],
    pmd: [
        'force-app/main/default/classes/LoopyService.cls:4 pmd/OperationWithLimitsInLoop Avoid operations in loops that may hit governor limits',
        'force-app/main/default/classes/LoopyService.cls:5 pmd/OperationWithLimitsInLoop Avoid operations in loops that may hit governor limits',
        'force-app/main/default/classes/OpenReader.cls:1 pmd/ApexSharingViolations Apex classes should declare a sharing model if DML or SOQL/SOSL is used',
        'force-app/main/default/classes/OpenReader.cls:3 pmd/ApexCRUDViolation Validate CRUD permission before SOQL/DML operation or enforce user mode',
        'force-app/main/default/classes/OpenReader.cls:3 pmd/AvoidNonRestrictiveQueries Avoid SOQL queries without a where or limit statement'
    ],
    'lwc-platform': [
        'lwc-ts/stakeholderList/stakeholderList.html:4 lwc-platform/1071 LWC1071: Missing key for element <li> inside of iterator. Elements within iterators must have a unique, computed key value.'
    ],
    'source-convert': [
        'force-app/main/default/classes/Orphan.cls:1 source/meta-xml missing Orphan.cls-meta.xml: the CLI would leave this Apex out of the deploy'
    ]
};

describe('every checker fails on its broken fixture', () => {
    it('has a fixture expectation for every checker', () => {
        assert.deepEqual(Object.keys(EXPECTED).sort(), CHECKERS.map((checker) => checker.name).sort());
    });

    for (const [name, expected] of Object.entries(EXPECTED)) {
        it(`${name} reports exactly the planted errors`, async () => {
            assert.deepEqual(await runOnFixture(name), expected);
        });
    }
});
