// The platform's own fields that force-app does not define: the system fields every object has and the
// standard fields of the standard objects Keystone's Apex and demo data use. The preview's
// standardFields.ts (Opportunity's form fields) is merged in by the catalog and wins where both define one.
import type { FieldSchema } from '../../preview/emulator/schema';

/**
 * A platform field: `readOnly` for the ones the platform computes (Contact.Name, Opportunity.IsWon);
 * `polymorphic` for a lookup that may name several objects (WhoId, WhatId: `referenceTo` is one of them).
 */
export type StandardField = FieldSchema & { readOnly?: boolean; polymorphic?: boolean };

const f = (name: string, label: string, type: string, extra: Partial<StandardField> = {}): StandardField => ({
    name,
    label,
    type,
    required: false,
    ...extra
});
const lookup = (name: string, label: string, referenceTo: string, relationshipName: string): StandardField =>
    f(name, label, 'Lookup', { referenceTo, relationshipName });

/** Fields the platform keeps on every record; not writable from Apex (`Id` aside, which names a record). */
export const SYSTEM_FIELDS: readonly StandardField[] = [
    f('Id', 'Record ID', 'Id'),
    f('IsDeleted', 'Deleted', 'Checkbox'),
    f('CreatedDate', 'Created Date', 'DateTime'),
    lookup('CreatedById', 'Created By ID', 'User', 'CreatedBy'),
    f('LastModifiedDate', 'Last Modified Date', 'DateTime'),
    lookup('LastModifiedById', 'Last Modified By ID', 'User', 'LastModifiedBy'),
    f('SystemModstamp', 'System Modstamp', 'DateTime')
];

/** Standard fields of custom objects besides the system ones (OwnerId only where the object has an owner). */
export const CUSTOM_OBJECT_FIELDS: readonly StandardField[] = [
    f('Name', 'Name', 'Text'),
    lookup('OwnerId', 'Owner ID', 'User', 'Owner'),
    f('CurrencyIsoCode', 'Currency ISO Code', 'Picklist'),
    lookup('RecordTypeId', 'Record Type ID', 'RecordType', 'RecordType'),
    f('LastActivityDate', 'Last Activity', 'Date')
];

/** Custom metadata records' standard fields. */
export const METADATA_FIELDS: readonly StandardField[] = [
    f('DeveloperName', 'Custom Metadata Record Name', 'Text'),
    f('MasterLabel', 'Label', 'Text'),
    f('Label', 'Label', 'Text'),
    f('QualifiedApiName', 'Qualified API Name', 'Text'),
    f('NamespacePrefix', 'Namespace Prefix', 'Text')
];

const owner = lookup('OwnerId', 'Owner ID', 'User', 'Owner');

export const STANDARD_OBJECT_FIELDS: Readonly<Record<string, readonly StandardField[]>> = {
    Account: [
        f('Name', 'Account Name', 'Text', { required: true }),
        lookup('ParentId', 'Parent Account ID', 'Account', 'Parent'),
        owner,
        f('Type', 'Account Type', 'Picklist'),
        f('Industry', 'Industry', 'Picklist'),
        f('Website', 'Website', 'Url'),
        f('Phone', 'Account Phone', 'Phone'),
        f('AnnualRevenue', 'Annual Revenue', 'Currency'),
        f('NumberOfEmployees', 'Employees', 'Int'),
        f('BillingCity', 'Billing City', 'Text'),
        f('BillingCountry', 'Billing Country', 'Text'),
        f('Description', 'Account Description', 'LongTextArea'),
        f('CurrencyIsoCode', 'Account Currency', 'Picklist'),
        f('LastActivityDate', 'Last Activity', 'Date')
    ],
    Contact: [
        f('FirstName', 'First Name', 'Text'),
        f('LastName', 'Last Name', 'Text', { required: true }),
        f('Name', 'Full Name', 'Text', { readOnly: true }),
        lookup('AccountId', 'Account ID', 'Account', 'Account'),
        lookup('ReportsToId', 'Reports To ID', 'Contact', 'ReportsTo'),
        owner,
        f('Title', 'Title', 'Text'),
        f('Department', 'Department', 'Text'),
        f('Email', 'Email', 'Email'),
        f('Phone', 'Business Phone', 'Phone'),
        f('MobilePhone', 'Mobile Phone', 'Phone'),
        f('Description', 'Contact Description', 'LongTextArea'),
        f('CurrencyIsoCode', 'Contact Currency', 'Picklist'),
        f('LastActivityDate', 'Last Activity', 'Date')
    ],
    Opportunity: [
        owner,
        f('Probability', 'Probability (%)', 'Percent'),
        f('ExpectedRevenue', 'Expected Amount', 'Currency', { readOnly: true }),
        f('IsClosed', 'Closed', 'Checkbox', { readOnly: true }),
        f('IsWon', 'Won', 'Checkbox', { readOnly: true }),
        f('Type', 'Opportunity Type', 'Picklist'),
        f('ForecastCategoryName', 'Forecast Category', 'Picklist'),
        f('CurrencyIsoCode', 'Opportunity Currency', 'Picklist')
    ],
    Case: [
        f('CaseNumber', 'Case Number', 'AutoNumber', { readOnly: true }),
        f('Subject', 'Subject', 'Text'),
        f('Status', 'Status', 'Picklist'),
        f('Priority', 'Priority', 'Picklist'),
        f('Origin', 'Case Origin', 'Picklist'),
        f('Type', 'Case Type', 'Picklist'),
        lookup('AccountId', 'Account ID', 'Account', 'Account'),
        lookup('ContactId', 'Contact ID', 'Contact', 'Contact'),
        owner,
        f('IsClosed', 'Closed', 'Checkbox'),
        f('ClosedDate', 'Closed Date', 'DateTime'),
        f('Description', 'Description', 'LongTextArea')
    ],
    // the fields the platform requires on a new User (Object Reference, "User"): a test that leaves one out
    // fails with REQUIRED_FIELD_MISSING as in an org
    User: [
        f('Username', 'Username', 'Text', { required: true }),
        f('Name', 'Full Name', 'Text', { readOnly: true }),
        f('FirstName', 'First Name', 'Text'),
        f('LastName', 'Last Name', 'Text', { required: true }),
        f('Alias', 'Alias', 'Text', { required: true }),
        f('Email', 'Email', 'Email', { required: true }),
        f('CommunityNickname', 'Nickname', 'Text'),
        f('Title', 'Title', 'Text'),
        f('Department', 'Department', 'Text'),
        f('CompanyName', 'Company Name', 'Text'),
        f('Phone', 'Phone', 'Phone'),
        f('IsActive', 'Active', 'Checkbox'),
        { ...lookup('ProfileId', 'Profile ID', 'Profile', 'Profile'), required: true },
        lookup('UserRoleId', 'Role ID', 'UserRole', 'UserRole'),
        lookup('ManagerId', 'Manager ID', 'User', 'Manager'),
        f('TimeZoneSidKey', 'Time Zone', 'Picklist', { required: true }),
        f('LocaleSidKey', 'Locale', 'Picklist', { required: true }),
        f('EmailEncodingKey', 'Email Encoding', 'Picklist', { required: true }),
        f('LanguageLocaleKey', 'Language', 'Picklist', { required: true }),
        f('UserType', 'User Type', 'Picklist', { readOnly: true }),
        f('FederationIdentifier', 'SAML Federation ID', 'Text'),
        f('SmallPhotoUrl', 'Photo', 'Url', { readOnly: true }),
        f('DefaultCurrencyIsoCode', 'Default Currency ISO Code', 'Picklist')
    ],
    Profile: [
        f('Name', 'Name', 'Text', { required: true }),
        lookup('UserLicenseId', 'User License ID', 'UserLicense', 'UserLicense'),
        f('UserType', 'User Type', 'Picklist', { readOnly: true })
    ],
    UserRole: [
        f('Name', 'Name', 'Text', { required: true }),
        f('DeveloperName', 'Role Name', 'Text'),
        lookup('ParentRoleId', 'Parent Role ID', 'UserRole', 'ParentRole')
    ],
    UserLicense: [
        f('Name', 'Name', 'Text', { readOnly: true }),
        f('TotalLicenses', 'Total Licenses', 'Int', { readOnly: true }),
        f('UsedLicenses', 'Used Licenses', 'Int', { readOnly: true })
    ],
    // the security setup as records ("Permission Set", "ObjectPermissions", "FieldPermissions",
    // "SetupEntityAccess", "PermissionSetAssignment" in the Object Reference): tests build and assign them
    PermissionSet: [
        f('Name', 'Name', 'Text', { required: true }),
        f('Label', 'Label', 'Text', { required: true }),
        f('Description', 'Description', 'Text'),
        f('IsOwnedByProfile', 'Is Owned By Profile', 'Checkbox', { readOnly: true }),
        lookup('ProfileId', 'Profile ID', 'Profile', 'Profile'),
        f('NamespacePrefix', 'Namespace Prefix', 'Text', { readOnly: true }),
        f('PermissionsViewAllData', 'View All Data', 'Checkbox'),
        f('PermissionsModifyAllData', 'Modify All Data', 'Checkbox'),
        f('PermissionsCustomizeApplication', 'Customize Application', 'Checkbox')
    ],
    ObjectPermissions: [
        { ...lookup('ParentId', 'Parent ID', 'PermissionSet', 'Parent'), required: true },
        f('SobjectType', 'Sobject Type Name', 'Picklist', { required: true }),
        f('PermissionsRead', 'Read Permissions', 'Checkbox'),
        f('PermissionsCreate', 'Create Permissions', 'Checkbox'),
        f('PermissionsEdit', 'Edit Permissions', 'Checkbox'),
        f('PermissionsDelete', 'Delete Permissions', 'Checkbox'),
        f('PermissionsViewAllRecords', 'View All Records', 'Checkbox'),
        f('PermissionsModifyAllRecords', 'Modify All Records', 'Checkbox')
    ],
    FieldPermissions: [
        { ...lookup('ParentId', 'Parent ID', 'PermissionSet', 'Parent'), required: true },
        f('SobjectType', 'Sobject Type Name', 'Picklist', { required: true }),
        f('Field', 'Field Name', 'Picklist', { required: true }),
        f('PermissionsRead', 'Read Access', 'Checkbox'),
        f('PermissionsEdit', 'Edit Access', 'Checkbox')
    ],
    SetupEntityAccess: [
        { ...lookup('ParentId', 'Parent ID', 'PermissionSet', 'Parent'), required: true },
        f('SetupEntityId', 'Setup Entity ID', 'Lookup', { required: true }),
        f('SetupEntityType', 'Setup Entity Type', 'Picklist', { readOnly: true })
    ],
    PermissionSetAssignment: [
        { ...lookup('AssigneeId', 'Assignee ID', 'User', 'Assignee'), required: true },
        {
            ...lookup('PermissionSetId', 'Permission Set ID', 'PermissionSet', 'PermissionSet'),
            required: true
        }
    ],
    ApexClass: [
        f('Name', 'Name', 'Text', { readOnly: true }),
        f('NamespacePrefix', 'Namespace Prefix', 'Text', { readOnly: true })
    ],
    // force-app's static resources, seeded into every org (the Body is the file, base64 as the API gives it)
    StaticResource: [
        f('Name', 'Name', 'Text', { readOnly: true }),
        f('NamespacePrefix', 'Namespace Prefix', 'Text', { readOnly: true }),
        f('ContentType', 'MIME Type', 'Text', { readOnly: true }),
        f('Body', 'Body', 'Base64', { readOnly: true }),
        f('BodyLength', 'Body Length', 'Int', { readOnly: true }),
        f('Description', 'Description', 'TextArea', { readOnly: true }),
        f('CacheControl', 'Cache Control', 'Picklist', { readOnly: true })
    ],
    // force-app's custom permissions ("CustomPermission" in the Object Reference): a test grants one to its
    // user through a SetupEntityAccess row of a permission set it builds
    CustomPermission: [
        f('DeveloperName', 'Developer Name', 'Text', { readOnly: true }),
        f('MasterLabel', 'Label', 'Text', { readOnly: true }),
        f('NamespacePrefix', 'Namespace Prefix', 'Text', { readOnly: true })
    ],
    CustomEntityDefinition: [
        f('DeveloperName', 'Developer Name', 'Text', { readOnly: true }),
        f('QualifiedApiName', 'Qualified API Name', 'Text', { readOnly: true })
    ],
    // approval processes as records (Object Reference: ProcessDefinition, ProcessInstance, …); only the
    // approval engine (org/approvals.ts) writes them, DML on them is refused as unsupported
    ProcessDefinition: [
        f('Name', 'Name', 'Text', { readOnly: true }),
        f('DeveloperName', 'Unique Name', 'Text', { readOnly: true }),
        f('Description', 'Description', 'Text', { readOnly: true }),
        f('Type', 'Type', 'Picklist', { readOnly: true }),
        f('TableEnumOrId', 'Object', 'Text', { readOnly: true }),
        f('State', 'State', 'Picklist', { readOnly: true }),
        f('LockType', 'Record Editability', 'Picklist', { readOnly: true })
    ],
    ProcessInstance: [
        {
            ...lookup('ProcessDefinitionId', 'Approval Process ID', 'ProcessDefinition', 'ProcessDefinition'),
            readOnly: true
        },
        {
            ...lookup('TargetObjectId', 'Target Object ID', 'Account', 'TargetObject'),
            readOnly: true,
            polymorphic: true
        },
        f('Status', 'Status', 'Picklist', { readOnly: true }),
        f('CompletedDate', 'Completed Date', 'DateTime', { readOnly: true }),
        { ...lookup('LastActorId', 'Last Actor ID', 'User', 'LastActor'), readOnly: true },
        { ...lookup('SubmittedById', 'Submitted By ID', 'User', 'SubmittedBy'), readOnly: true },
        f('ElapsedTimeInDays', 'Elapsed Time in Days', 'Number', { readOnly: true }),
        f('ElapsedTimeInHours', 'Elapsed Time in Hours', 'Number', { readOnly: true }),
        f('ElapsedTimeInMinutes', 'Elapsed Time in Minutes', 'Number', { readOnly: true })
    ],
    ProcessInstanceStep: [
        {
            ...lookup('ProcessInstanceId', 'Process Instance ID', 'ProcessInstance', 'ProcessInstance'),
            readOnly: true
        },
        { ...lookup('ActorId', 'Actual Approver ID', 'User', 'Actor'), readOnly: true },
        { ...lookup('OriginalActorId', 'Assigned Approver ID', 'User', 'OriginalActor'), readOnly: true },
        f('StepStatus', 'Status', 'Picklist', { readOnly: true }),
        f('Comments', 'Comments', 'TextArea', { readOnly: true }),
        f('StepNodeId', 'Step Node ID', 'Text', { readOnly: true }),
        f('ElapsedTimeInDays', 'Elapsed Time in Days', 'Number', { readOnly: true }),
        f('ElapsedTimeInHours', 'Elapsed Time in Hours', 'Number', { readOnly: true }),
        f('ElapsedTimeInMinutes', 'Elapsed Time in Minutes', 'Number', { readOnly: true })
    ],
    ProcessInstanceWorkitem: [
        {
            ...lookup('ProcessInstanceId', 'Process Instance ID', 'ProcessInstance', 'ProcessInstance'),
            readOnly: true
        },
        { ...lookup('ActorId', 'Actual Approver ID', 'User', 'Actor'), readOnly: true },
        { ...lookup('OriginalActorId', 'Assigned Approver ID', 'User', 'OriginalActor'), readOnly: true },
        f('ElapsedTimeInDays', 'Elapsed Time in Days', 'Number', { readOnly: true }),
        f('ElapsedTimeInHours', 'Elapsed Time in Hours', 'Number', { readOnly: true }),
        f('ElapsedTimeInMinutes', 'Elapsed Time in Minutes', 'Number', { readOnly: true })
    ],
    ProcessInstanceHistory: [
        {
            ...lookup('ProcessInstanceId', 'Process Instance ID', 'ProcessInstance', 'ProcessInstance'),
            readOnly: true
        },
        {
            ...lookup('TargetObjectId', 'Target Object ID', 'Account', 'TargetObject'),
            readOnly: true,
            polymorphic: true
        },
        { ...lookup('ActorId', 'Actual Approver ID', 'User', 'Actor'), readOnly: true },
        { ...lookup('OriginalActorId', 'Assigned Approver ID', 'User', 'OriginalActor'), readOnly: true },
        f('StepStatus', 'Status', 'Picklist', { readOnly: true }),
        f('Comments', 'Comments', 'TextArea', { readOnly: true }),
        f('IsPending', 'Pending', 'Checkbox', { readOnly: true }),
        f('ElapsedTimeInDays', 'Elapsed Time in Days', 'Number', { readOnly: true }),
        f('ElapsedTimeInHours', 'Elapsed Time in Hours', 'Number', { readOnly: true }),
        f('ElapsedTimeInMinutes', 'Elapsed Time in Minutes', 'Number', { readOnly: true })
    ],
    // scheduled and asynchronous Apex (Object Reference: CronTrigger, CronJobDetail, AsyncApexJob)
    CronJobDetail: [
        f('Name', 'Job Name', 'Text', { readOnly: true }),
        f('JobType', 'Job Type', 'Picklist', { readOnly: true })
    ],
    CronTrigger: [
        { ...lookup('CronJobDetailId', 'Job ID', 'CronJobDetail', 'CronJobDetail'), readOnly: true },
        f('CronExpression', 'Cron Expression', 'Text', { readOnly: true }),
        f('State', 'State', 'Picklist', { readOnly: true }),
        f('NextFireTime', 'Next Fire Time', 'DateTime', { readOnly: true }),
        f('PreviousFireTime', 'Previous Fire Time', 'DateTime', { readOnly: true }),
        f('StartTime', 'Start Time', 'DateTime', { readOnly: true }),
        f('EndTime', 'End Time', 'DateTime', { readOnly: true }),
        f('TimesTriggered', 'Times Triggered', 'Int', { readOnly: true }),
        f('TimeZoneSidKey', 'Time Zone', 'Picklist', { readOnly: true }),
        { ...owner, readOnly: true }
    ],
    AsyncApexJob: [
        { ...lookup('ApexClassId', 'Apex Class ID', 'ApexClass', 'ApexClass'), readOnly: true },
        { ...lookup('CronTriggerId', 'Scheduled Job ID', 'CronTrigger', 'CronTrigger'), readOnly: true },
        f('JobType', 'Job Type', 'Picklist', { readOnly: true }),
        f('MethodName', 'Apex Method', 'Text', { readOnly: true }),
        f('Status', 'Status', 'Picklist', { readOnly: true }),
        f('ExtendedStatus', 'Status Detail', 'Text', { readOnly: true }),
        f('JobItemsProcessed', 'Batches Processed', 'Int', { readOnly: true }),
        f('TotalJobItems', 'Total Batches', 'Int', { readOnly: true }),
        f('NumberOfErrors', 'Failures', 'Int', { readOnly: true }),
        f('CompletedDate', 'Completion Date', 'DateTime', { readOnly: true })
    ],
    Event: [
        f('Subject', 'Subject', 'Text'),
        { ...lookup('WhoId', 'Name ID', 'Contact', 'Who'), polymorphic: true },
        { ...lookup('WhatId', 'Related To ID', 'Account', 'What'), polymorphic: true },
        owner,
        f('ActivityDate', 'Due Date Only', 'Date'),
        f('StartDateTime', 'Start', 'DateTime'),
        f('EndDateTime', 'End', 'DateTime')
    ],
    Task: [
        f('Subject', 'Subject', 'Text'),
        { ...lookup('WhoId', 'Name ID', 'Contact', 'Who'), polymorphic: true },
        { ...lookup('WhatId', 'Related To ID', 'Account', 'What'), polymorphic: true },
        owner,
        f('ActivityDate', 'Due Date Only', 'Date'),
        f('Status', 'Status', 'Picklist'),
        f('Priority', 'Priority', 'Picklist'),
        f('IsClosed', 'Closed', 'Checkbox', { readOnly: true })
    ]
};
