// The three standard profiles Keystone's tests and demo use, as the platform ships them in a new org, and
// the org-wide sharing defaults of the standard objects Keystone reads. Our custom objects are deployed
// without profile access, so no profile grants them (or their custom fields): only permission sets do.

/** A standard profile's grants, before it becomes setup records. */
export interface StandardProfile {
    name: string;
    /** View All Data and Modify All Data: every record, whatever the sharing. */
    allData: boolean;
    /** Customize Application: custom metadata types are readable in user mode. */
    customizeApplication: boolean;
    /** Object name → access on standard objects ('all' adds delete, View All and Modify All). */
    standardObjects: Record<string, 'crud' | 'read' | 'all'>;
    /** Custom objects: 'all' for System Administrator (object access only; field security stays with permission sets). */
    customObjects: 'all' | 'none';
    /** Field-level security on the standard fields of the standard objects it may read. */
    standardFields: boolean;
}

const SALES_OBJECTS = ['Account', 'Contact', 'Opportunity', 'Case', 'Event', 'Task', 'Lead'];

export const STANDARD_PROFILES: readonly StandardProfile[] = [
    {
        name: 'System Administrator',
        allData: true,
        customizeApplication: true,
        standardObjects: Object.fromEntries(SALES_OBJECTS.map((name) => [name, 'all'])),
        customObjects: 'all',
        standardFields: true
    },
    {
        name: 'Standard User',
        allData: false,
        customizeApplication: false,
        standardObjects: Object.fromEntries(SALES_OBJECTS.map((name) => [name, 'crud'])),
        customObjects: 'none',
        standardFields: true
    },
    {
        name: 'Minimum Access - Salesforce',
        allData: false,
        customizeApplication: false,
        standardObjects: {},
        customObjects: 'none',
        standardFields: false
    }
];

export type SharingModel = 'Private' | 'Read' | 'ReadWrite' | 'ControlledByParent';

/**
 * Internal org-wide defaults of a new org for the standard objects (Salesforce Help, "Default
 * Organization-Wide Access Levels"): public read/write, contacts controlled by their account, activities
 * private. Custom objects take theirs from their `sharingModel` in force-app.
 */
export const STANDARD_SHARING: Readonly<Record<string, SharingModel>> = {
    Account: 'ReadWrite',
    Contact: 'ControlledByParent',
    Opportunity: 'ReadWrite',
    Case: 'ReadWrite',
    Lead: 'ReadWrite',
    Event: 'Private',
    Task: 'Private',
    User: 'Read'
};

/** The parent whose access a standard object's ControlledByParent records follow. */
export const STANDARD_PARENT_FIELD: Readonly<Record<string, string>> = { Contact: 'AccountId' };
