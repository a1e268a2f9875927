// The platform's own fields of the standard objects Keystone queries: force-app holds only our custom
// fields on them, so a query of `Contact.ReportsToId` or `Opportunity.IsWon` needs these definitions
// (names, describe types, lookups and their relationship names) from the platform's object reference.
import type { ChildRelationshipShape, FieldShape } from './dataSource';

const text = (name: string): FieldShape => ({ name, type: 'string' });
const lookup = (name: string, to: string[], relationshipName: string): FieldShape => ({
    name,
    type: 'reference',
    referenceTo: to,
    relationshipName
});

/** ElapsedTimeInDays/Hours/Minutes of the approval objects: since created, until completed. */
const elapsed = (): FieldShape[] =>
    ['Days', 'Hours', 'Minutes'].map((unit) => ({ name: `ElapsedTimeIn${unit}`, type: 'double' }));

/** Every object has these (Id is added by the evaluator too). */
export const SYSTEM_FIELDS: readonly FieldShape[] = [
    { name: 'Id', type: 'id' },
    { name: 'IsDeleted', type: 'boolean' },
    { name: 'CreatedDate', type: 'datetime' },
    lookup('CreatedById', ['User'], 'CreatedBy'),
    { name: 'LastModifiedDate', type: 'datetime' },
    lookup('LastModifiedById', ['User'], 'LastModifiedBy'),
    { name: 'SystemModstamp', type: 'datetime' }
];

/** Owned objects: the owner is a User or a queue (Group); SOQL resolves Owner.Name for both. */
export const OWNER = lookup('OwnerId', ['User', 'Group'], 'Owner');

export const STANDARD_FIELDS: Readonly<Record<string, readonly FieldShape[]>> = {
    Account: [
        text('Name'),
        OWNER,
        lookup('ParentId', ['Account'], 'Parent'),
        { name: 'Type', type: 'picklist' },
        { name: 'Industry', type: 'picklist' },
        { name: 'AnnualRevenue', type: 'currency' },
        { name: 'Website', type: 'url' },
        { name: 'Description', type: 'textarea' }
    ],
    Contact: [
        text('Name'),
        text('FirstName'),
        text('LastName'),
        OWNER,
        lookup('AccountId', ['Account'], 'Account'),
        lookup('ReportsToId', ['Contact'], 'ReportsTo'),
        text('Title'),
        text('Department'),
        { name: 'Email', type: 'email' },
        { name: 'Phone', type: 'phone' },
        { name: 'LastActivityDate', type: 'date' }
    ],
    Opportunity: [
        text('Name'),
        OWNER,
        lookup('AccountId', ['Account'], 'Account'),
        { name: 'Amount', type: 'currency' },
        { name: 'CloseDate', type: 'date' },
        { name: 'StageName', type: 'picklist' },
        { name: 'Probability', type: 'percent' },
        { name: 'ExpectedRevenue', type: 'currency' },
        { name: 'IsWon', type: 'boolean' },
        { name: 'IsClosed', type: 'boolean' },
        text('NextStep'),
        { name: 'Description', type: 'textarea' }
    ],
    Case: [
        text('CaseNumber'),
        OWNER,
        lookup('AccountId', ['Account'], 'Account'),
        lookup('ContactId', ['Contact'], 'Contact'),
        text('Subject'),
        { name: 'Status', type: 'picklist' },
        { name: 'Priority', type: 'picklist' },
        { name: 'Origin', type: 'picklist' },
        { name: 'IsClosed', type: 'boolean' },
        { name: 'Description', type: 'textarea' }
    ],
    // activities: WhoId and WhatId are polymorphic (a contact or lead; any record with activities)
    Event: [
        text('Subject'),
        OWNER,
        lookup('WhoId', ['Contact'], 'Who'),
        lookup('WhatId', ['Account'], 'What'),
        { name: 'ActivityDate', type: 'date' },
        { name: 'StartDateTime', type: 'datetime' },
        { name: 'EndDateTime', type: 'datetime' }
    ],
    Task: [
        text('Subject'),
        OWNER,
        lookup('WhoId', ['Contact'], 'Who'),
        lookup('WhatId', ['Account'], 'What'),
        { name: 'ActivityDate', type: 'date' },
        { name: 'Status', type: 'picklist' },
        { name: 'Priority', type: 'picklist' },
        { name: 'IsClosed', type: 'boolean' }
    ],
    User: [
        text('Name'),
        text('FirstName'),
        text('LastName'),
        text('Alias'),
        text('Title'),
        { name: 'Email', type: 'email' },
        { name: 'IsActive', type: 'boolean' },
        { name: 'UserType', type: 'picklist' },
        { name: 'SmallPhotoUrl', type: 'url' },
        lookup('ProfileId', ['Profile'], 'Profile')
    ],
    Group: [text('Name'), { name: 'Type', type: 'picklist' }],
    // approval processes and asynchronous Apex as the approval and job engines store them
    ProcessDefinition: [
        text('Name'),
        text('DeveloperName'),
        text('Description'),
        { name: 'Type', type: 'picklist' },
        text('TableEnumOrId'),
        { name: 'State', type: 'picklist' },
        { name: 'LockType', type: 'picklist' }
    ],
    ProcessInstance: [
        lookup('ProcessDefinitionId', ['ProcessDefinition'], 'ProcessDefinition'),
        { name: 'TargetObjectId', type: 'reference', referenceTo: [], relationshipName: 'TargetObject' },
        { name: 'Status', type: 'picklist' },
        { name: 'CompletedDate', type: 'datetime' },
        lookup('LastActorId', ['User'], 'LastActor'),
        lookup('SubmittedById', ['User'], 'SubmittedBy'),
        ...elapsed()
    ],
    ProcessInstanceStep: [
        lookup('ProcessInstanceId', ['ProcessInstance'], 'ProcessInstance'),
        lookup('ActorId', ['User'], 'Actor'),
        lookup('OriginalActorId', ['User'], 'OriginalActor'),
        { name: 'StepStatus', type: 'picklist' },
        { name: 'Comments', type: 'textarea' },
        text('StepNodeId'),
        ...elapsed()
    ],
    ProcessInstanceWorkitem: [
        lookup('ProcessInstanceId', ['ProcessInstance'], 'ProcessInstance'),
        lookup('ActorId', ['User'], 'Actor'),
        lookup('OriginalActorId', ['User'], 'OriginalActor'),
        ...elapsed()
    ],
    ProcessInstanceHistory: [
        lookup('ProcessInstanceId', ['ProcessInstance'], 'ProcessInstance'),
        { name: 'TargetObjectId', type: 'reference', referenceTo: [], relationshipName: 'TargetObject' },
        lookup('ActorId', ['User'], 'Actor'),
        lookup('OriginalActorId', ['User'], 'OriginalActor'),
        { name: 'StepStatus', type: 'picklist' },
        { name: 'Comments', type: 'textarea' },
        { name: 'IsPending', type: 'boolean' },
        ...elapsed()
    ],
    CronJobDetail: [text('Name'), { name: 'JobType', type: 'picklist' }],
    CronTrigger: [
        lookup('CronJobDetailId', ['CronJobDetail'], 'CronJobDetail'),
        text('CronExpression'),
        { name: 'State', type: 'picklist' },
        { name: 'NextFireTime', type: 'datetime' },
        { name: 'PreviousFireTime', type: 'datetime' },
        { name: 'StartTime', type: 'datetime' },
        { name: 'EndTime', type: 'datetime' },
        { name: 'TimesTriggered', type: 'int' },
        { name: 'TimeZoneSidKey', type: 'picklist' },
        OWNER
    ],
    AsyncApexJob: [
        lookup('ApexClassId', ['ApexClass'], 'ApexClass'),
        lookup('CronTriggerId', ['CronTrigger'], 'CronTrigger'),
        { name: 'JobType', type: 'picklist' },
        text('MethodName'),
        { name: 'Status', type: 'picklist' },
        text('ExtendedStatus'),
        { name: 'JobItemsProcessed', type: 'int' },
        { name: 'TotalJobItems', type: 'int' },
        { name: 'NumberOfErrors', type: 'int' },
        { name: 'CompletedDate', type: 'datetime' }
    ],
    StaticResource: [
        text('Name'),
        text('NamespacePrefix'),
        text('ContentType'),
        { name: 'Body', type: 'base64' },
        { name: 'BodyLength', type: 'int' },
        { name: 'Description', type: 'textarea' },
        text('CacheControl')
    ]
};

/** The standard child relationships (Account.Contacts…), by parent object. */
export const STANDARD_CHILDREN: Readonly<Record<string, readonly ChildRelationshipShape[]>> = {
    Account: [
        { name: 'Contacts', childObject: 'Contact', field: 'AccountId' },
        { name: 'Opportunities', childObject: 'Opportunity', field: 'AccountId' },
        { name: 'Cases', childObject: 'Case', field: 'AccountId' },
        { name: 'ChildAccounts', childObject: 'Account', field: 'ParentId' }
    ],
    Contact: [{ name: 'Cases', childObject: 'Case', field: 'ContactId' }],
    ProcessInstance: [
        { name: 'Steps', childObject: 'ProcessInstanceStep', field: 'ProcessInstanceId' },
        { name: 'Workitems', childObject: 'ProcessInstanceWorkitem', field: 'ProcessInstanceId' },
        { name: 'StepsAndWorkitems', childObject: 'ProcessInstanceHistory', field: 'ProcessInstanceId' }
    ]
};
