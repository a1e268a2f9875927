// Permission sets as force-app declares them, and the platform's rule for which fields have no field-level
// security. One definition, read by the user-mode-access check and by the Apex runtime's security model.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { childText, descendants, parseXml, type XmlElement } from './xmlTree';

export interface ObjectAccess {
    /** The object as the file names it. */
    name: string;
    read: boolean;
    create: boolean;
    edit: boolean;
    delete: boolean;
    viewAll: boolean;
    modifyAll: boolean;
}

export interface PermissionSetGrants {
    name: string;
    label: string;
    file: string;
    /** Keyed by lower-case object name. */
    objects: Map<string, ObjectAccess>;
    /** Keyed by lower-case `object.field`. */
    fields: Map<string, { name: string; read: boolean; edit: boolean }>;
    /** Lower-case custom metadata type names. */
    metadataTypes: Set<string>;
    /** Apex classes as declared (case kept). */
    classes: string[];
    /** System permissions set to true, e.g. ViewAllData (case kept). */
    userPermissions: string[];
    /** Custom permissions enabled, by API name (case kept). */
    customPermissions: string[];
}

function readXml(file: string): XmlElement | null {
    try {
        return parseXml(fs.readFileSync(file, 'utf8'));
    } catch {
        return null;
    }
}

/** A permission set's grants; an unreadable file grants nothing (the metadata checks report it). */
export function readPermissionSet(file: string): PermissionSetGrants {
    const root = readXml(file);
    const name = path.basename(file, '.permissionset-meta.xml');
    const grants: PermissionSetGrants = {
        name,
        label: name,
        file,
        objects: new Map(),
        fields: new Map(),
        metadataTypes: new Set(),
        classes: [],
        userPermissions: [],
        customPermissions: []
    };
    if (!root) return grants;
    grants.label = childText(root, 'label') ?? name;
    const yes = (entry: XmlElement, field: string): boolean => childText(entry, field) === 'true';
    for (const entry of descendants(root, 'objectPermissions')) {
        const object = childText(entry, 'object') ?? '';
        grants.objects.set(object.toLowerCase(), {
            name: object,
            read: yes(entry, 'allowRead'),
            create: yes(entry, 'allowCreate'),
            edit: yes(entry, 'allowEdit'),
            delete: yes(entry, 'allowDelete'),
            viewAll: yes(entry, 'viewAllRecords'),
            modifyAll: yes(entry, 'modifyAllRecords')
        });
    }
    for (const entry of descendants(root, 'fieldPermissions')) {
        const field = childText(entry, 'field') ?? '';
        grants.fields.set(field.toLowerCase(), {
            name: field,
            read: yes(entry, 'readable'),
            edit: yes(entry, 'editable')
        });
    }
    for (const entry of descendants(root, 'customMetadataTypeAccesses')) {
        if (yes(entry, 'enabled')) grants.metadataTypes.add((childText(entry, 'name') ?? '').toLowerCase());
    }
    for (const entry of descendants(root, 'classAccesses')) {
        if (yes(entry, 'enabled')) grants.classes.push(childText(entry, 'apexClass') ?? '');
    }
    for (const entry of descendants(root, 'userPermissions')) {
        if (yes(entry, 'enabled')) grants.userPermissions.push(childText(entry, 'name') ?? '');
    }
    for (const entry of descendants(root, 'customPermissions')) {
        if (yes(entry, 'enabled')) grants.customPermissions.push(childText(entry, 'name') ?? '');
    }
    return grants;
}

/** Every permission set in a source folder (e.g. force-app/main/default), by name. */
export function readPermissionSets(sourceDir: string): Map<string, PermissionSetGrants> {
    const dir = path.join(sourceDir, 'permissionsets');
    const sets = new Map<string, PermissionSetGrants>();
    if (!fs.existsSync(dir)) return sets;
    for (const file of fs.readdirSync(dir).sort()) {
        if (!file.endsWith('.permissionset-meta.xml')) continue;
        const grants = readPermissionSet(path.join(dir, file));
        sets.set(grants.name, grants);
    }
    return sets;
}

/**
 * Fields the platform grants with object access and refuses in a permission set, on every object: Id, the
 * record name, owner, record type, currency, deletion flag, audit fields and the view dates it keeps.
 */
export const ALWAYS_ACCESSIBLE = new Set(
    [
        'Id',
        'Name',
        'OwnerId',
        'RecordTypeId',
        'CurrencyIsoCode',
        'IsDeleted',
        'CreatedDate',
        'CreatedById',
        'LastModifiedDate',
        'LastModifiedById',
        'SystemModstamp',
        'LastViewedDate',
        'LastReferencedDate'
    ].map((name) => name.toLowerCase())
);

/** Standard fields the platform makes required or derives without field-level security. */
export const STANDARD_ALWAYS_ACCESSIBLE = new Set(
    [
        'Account.Name',
        'Contact.LastName',
        'Contact.FirstName',
        'Contact.LastActivityDate',
        'Opportunity.StageName',
        'Opportunity.CloseDate',
        'Opportunity.IsClosed',
        'Opportunity.IsWon',
        'Case.IsClosed',
        'Case.CaseNumber'
    ].map((name) => name.toLowerCase())
);

/**
 * True when a field has no field-level security: it is readable (and, unless read-only, editable) by
 * whoever may read (edit) its object. `requiredOrMasterDetail` comes from the custom field's metadata.
 */
export function hasNoFieldSecurity(object: string, field: string, requiredOrMasterDetail: boolean): boolean {
    return (
        requiredOrMasterDetail ||
        ALWAYS_ACCESSIBLE.has(field.toLowerCase()) ||
        STANDARD_ALWAYS_ACCESSIBLE.has(`${object}.${field}`.toLowerCase())
    );
}
