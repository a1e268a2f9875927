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
    User: [
        f('Username', 'Username', 'Text'),
        f('Name', 'Full Name', 'Text'),
        f('FirstName', 'First Name', 'Text'),
        f('LastName', 'Last Name', 'Text'),
        f('Alias', 'Alias', 'Text'),
        f('Email', 'Email', 'Email'),
        f('Title', 'Title', 'Text'),
        f('IsActive', 'Active', 'Checkbox'),
        lookup('ProfileId', 'Profile ID', 'Profile', 'Profile'),
        lookup('ManagerId', 'Manager ID', 'User', 'Manager'),
        f('SmallPhotoUrl', 'Photo', 'Url'),
        f('DefaultCurrencyIsoCode', 'Default Currency ISO Code', 'Picklist')
    ],
    Profile: [f('Name', 'Name', 'Text')],
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
        f('Status', 'Status', 'Picklist')
    ]
};
