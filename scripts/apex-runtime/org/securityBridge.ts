// The org's security as the interpreter meets it: the setup records live in the store like any other
// records (so a test can query, copy, insert and assign them), the access model reads them back, and the
// running user's answers — object and field permissions for user mode, record access for sharing — come
// from that model. One place decides which objects are "setup" objects (mixed DML, no record sharing).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readPermissionSets, type PermissionSetGrants } from '../../lib/permissionSets';
import {
    DmlError,
    type OrgStore,
    type SaveBehaviour,
    type SObjectRecord
} from '../../preview/emulator/store';
import { AccessModel, type RecordAccess, type Row, type SetupReader } from '../security/access';
import { securedObjects } from '../security/objects';
import { ADMIN_USERNAME, seedSecurity } from '../security/setupRecords';
import { STANDARD_OBJECT_FIELDS } from './standardSchema';
import { APPROVAL_OBJECTS, ENGINE_OBJECTS } from './approvals';

export type ObjectAccess = 'read' | 'create' | 'edit' | 'delete';
export type FieldAccess = 'read' | 'edit';

/**
 * What the running user may do. Object and field answers are what user mode (`WITH USER_MODE`, `as user`,
 * `AccessLevel.USER_MODE`, describe `isAccessible()`…) checks; the row answers are record sharing, which
 * user mode and `with sharing` code apply. `canReadObject`/`canRead`/`isVisibleRow` are the shape the SOQL
 * source (`soql/storeSource.ts`'s `StoreAccess`) takes, so the query bridge can hand this hook over as is.
 */
export interface SecurityHook {
    objectAccess(object: string, access: ObjectAccess): boolean;
    fieldAccess(object: string, field: string, access: FieldAccess): boolean;
    canReadObject(object: string): boolean;
    canRead(object: string, field: string): boolean;
    /** Sharing: may the user see this stored row? */
    isVisibleRow(object: string, row: Row): boolean;
    /** Sharing: may the user edit it (update, or be the master of a new detail)? */
    isEditableRow(object: string, row: Row): boolean;
    /** Sharing: may the user delete it (full access; edit on the master for a detail)? */
    isDeletableRow(object: string, row: Row): boolean;
}

/** Everything allowed: an org built without force-app, or a test that switches security off on purpose. */
export const ALL_ACCESS: SecurityHook = {
    objectAccess: () => true,
    fieldAccess: () => true,
    canReadObject: () => true,
    canRead: () => true,
    isVisibleRow: () => true,
    isEditableRow: () => true,
    isDeletableRow: () => true
};

/**
 * Setup objects ("sObjects That Cannot Be Used Together in DML Operations"): DML on them and on other
 * objects in one transaction is a mixed DML error outside a runAs block; record sharing does not apply.
 */
const SETUP_OBJECTS = new Set(
    [
        'User',
        'UserRole',
        'Profile',
        'UserLicense',
        'PermissionSet',
        'PermissionSetAssignment',
        'ObjectPermissions',
        'FieldPermissions',
        'SetupEntityAccess',
        'ApexClass',
        'CustomEntityDefinition',
        'CustomPermission',
        'Group',
        'GroupMember'
    ].map((name) => name.toLowerCase())
);

export function isSetupObject(object: string): boolean {
    return SETUP_OBJECTS.has(object.toLowerCase());
}

/** Objects with no record sharing here: setup objects and custom metadata (readable per type access). */
function unshared(object: string): boolean {
    return (
        isSetupObject(object) ||
        object.toLowerCase().endsWith('__mdt') ||
        object.toLowerCase() === 'staticresource'
    );
}

const RANK: Record<RecordAccess, number> = { none: 0, read: 1, edit: 2, all: 3 };

/** The hook for one user, over the model; the user's rights are cached by the model per setup version. */
export function userSecurity(model: AccessModel, userId: string, store: OrgStore): SecurityHook {
    const rights = () => model.rights(userId);
    const resolve = (id: string): { object: string; record: Row } | undefined => {
        const record = store.get(id);
        return record ? { object: record.attributes.type, record } : undefined;
    };
    const access = (object: string, row: Row): RecordAccess => {
        const lower = object.toLowerCase();
        // an approval row is seen by whoever sees the record in the process (read only: the engine writes)
        if (APPROVAL_OBJECTS.has(lower)) {
            const instanceId = lower === 'processinstance' ? row.Id : row.ProcessInstanceId;
            const instance = typeof instanceId === 'string' ? store.get(instanceId) : undefined;
            const target = instance ? store.get(String(instance.TargetObjectId)) : undefined;
            if (!target) return 'none';
            // the current approver sees the request assigned to them (their "Items to Approve")
            const approver = store
                .all('ProcessInstanceWorkitem')
                .some(
                    (item) =>
                        item.ProcessInstanceId === instance!.Id &&
                        String(item.ActorId).slice(0, 15) === userId.slice(0, 15)
                );
            return approver || access(target.attributes.type, target) !== 'none' ? 'read' : 'none';
        }
        if (ENGINE_OBJECTS.has(lower)) return 'read';
        return unshared(object) ? 'all' : rights().recordAccess(object, row, resolve);
    };
    const objectAccess = (object: string, wanted: ObjectAccess): boolean => {
        const mine = rights();
        if (wanted === 'read') return mine.canReadObject(object);
        if (object.toLowerCase().endsWith('__mdt')) return false;
        // creating users and permission sets takes Manage Users; the admin's Modify All Data stands for it
        if (isSetupObject(object)) return mine.modifyAllData;
        const granted = mine.object(object);
        return wanted === 'create' ? granted.create : wanted === 'edit' ? granted.edit : granted.delete;
    };
    const fieldAccess = (object: string, field: string, wanted: FieldAccess): boolean => {
        const mine = rights();
        if (isSetupObject(object)) return wanted === 'read' || mine.modifyAllData;
        return wanted === 'read' ? mine.canReadField(object, field) : mine.canEditField(object, field);
    };
    return {
        objectAccess,
        fieldAccess,
        canReadObject: (object) => objectAccess(object, 'read'),
        canRead: (object, field) => fieldAccess(object, field, 'read'),
        isVisibleRow: (object, row) => access(object, row) !== 'none',
        isEditableRow: (object, row) => RANK[access(object, row)] >= RANK.edit,
        isDeletableRow: (object, row) => {
            const level = access(object, row);
            if (level === 'all') return true;
            // a detail is deleted by whoever may edit its master ("Considerations for Relationships")
            return level === 'edit' && model.sharingModel(object) === 'ControlledByParent';
        }
    };
}

/** The store as the access model's source of setup records; `version` moves whenever one changes. */
export function storeSetupReader(store: OrgStore, version: () => number): SetupReader {
    return { rows: (object) => store.all(object), version };
}

function apexClassNames(forceApp: string): string[] {
    const dir = path.join(forceApp, 'classes');
    if (!fs.existsSync(dir)) return [];
    return fs
        .readdirSync(dir, { recursive: true })
        .map(String)
        .filter((file) => file.endsWith('.cls'))
        .map((file) => path.basename(file, '.cls'));
}

function customPermissionNames(forceApp: string): string[] {
    const dir = path.join(forceApp, 'customPermissions');
    if (!fs.existsSync(dir)) return [];
    return fs
        .readdirSync(dir)
        .filter((file) => file.endsWith('.customPermission-meta.xml'))
        .map((file) => path.basename(file, '.customPermission-meta.xml'));
}

/**
 * Writes the setup records of a new org with force-app deployed into the store and returns the installing
 * admin's Id. The rows reference each other by the Ids the seed handed out, so they are stored as they are
 * (the org ships them; no save runs for them).
 */
export function seedStoreSecurity(store: OrgStore, forceApp: string | null): string {
    // a store another ApexOrg already seeded (the preview's org, loaded through Apex) keeps its setup
    const seeded = store.all('User').find((user) => user.Username === ADMIN_USERNAME);
    if (seeded) return seeded.Id;
    const records = seedSecurity({
        objects: [...store.schemas.values()],
        permissionSets: forceApp ? readPermissionSets(forceApp) : new Map(),
        apexClasses: forceApp ? apexClassNames(forceApp) : [],
        customPermissions: forceApp ? customPermissionNames(forceApp) : [],
        newId: (object) => store.ids.next(object)
    });
    for (const [object, rows] of Object.entries(records))
        for (const row of rows)
            // undelete stores a record under its own Id without a save: the only door for pre-built rows
            store.undelete({ ...row, attributes: { type: object } } as SObjectRecord);
    return String(records.User![0]!.Id);
}

/**
 * Deploys one more permission set into a seeded store, as `sf project deploy` of a folder beside force-app
 * does (the scratch-only demo loader): its PermissionSet, ObjectPermissions, FieldPermissions and
 * SetupEntityAccess rows for the classes, custom metadata types and custom permissions the org has.
 */
export function deployPermissionSet(store: OrgStore, grants: PermissionSetGrants): void {
    const byName = (object: string, field: string): Map<string, string> =>
        new Map(store.all(object).map((row) => [String(row[field]).toLowerCase(), row.Id]));
    const classes = byName('ApexClass', 'Name');
    const types = byName('CustomEntityDefinition', 'QualifiedApiName');
    const permissions = byName('CustomPermission', 'DeveloperName');
    const setId = store.ids.next('PermissionSet');
    const rows: SObjectRecord[] = [
        {
            attributes: { type: 'PermissionSet' },
            Id: setId,
            Name: grants.name,
            Label: grants.label,
            IsOwnedByProfile: false,
            ProfileId: null,
            NamespacePrefix: null,
            PermissionsViewAllData: grants.userPermissions.includes('ViewAllData'),
            PermissionsModifyAllData: grants.userPermissions.includes('ModifyAllData'),
            PermissionsCustomizeApplication: grants.userPermissions.includes('CustomizeApplication')
        } as SObjectRecord
    ];
    for (const access of grants.objects.values())
        rows.push({
            attributes: { type: 'ObjectPermissions' },
            Id: store.ids.next('ObjectPermissions'),
            ParentId: setId,
            SobjectType: access.name,
            PermissionsRead: access.read,
            PermissionsCreate: access.create,
            PermissionsEdit: access.edit,
            PermissionsDelete: access.delete,
            PermissionsViewAllRecords: access.viewAll,
            PermissionsModifyAllRecords: access.modifyAll
        } as SObjectRecord);
    for (const access of grants.fields.values())
        rows.push({
            attributes: { type: 'FieldPermissions' },
            Id: store.ids.next('FieldPermissions'),
            ParentId: setId,
            SobjectType: access.name.split('.')[0] ?? '',
            Field: access.name,
            PermissionsRead: access.read,
            PermissionsEdit: access.edit
        } as SObjectRecord);
    const entities: [string | undefined, string][] = [
        ...grants.classes.map((name): [string | undefined, string] => [
            classes.get(name.toLowerCase()),
            'ApexClass'
        ]),
        ...[...grants.metadataTypes].map((name): [string | undefined, string] => [
            types.get(name),
            'CustomEntityDefinition'
        ]),
        ...grants.customPermissions.map((name): [string | undefined, string] => [
            permissions.get(name.toLowerCase()),
            'CustomPermission'
        ])
    ];
    for (const [entityId, type] of entities)
        if (entityId)
            rows.push({
                attributes: { type: 'SetupEntityAccess' },
                Id: store.ids.next('SetupEntityAccess'),
                ParentId: setId,
                SetupEntityId: entityId,
                SetupEntityType: type
            } as SObjectRecord);
    for (const row of rows) store.undelete(row);
}

/**
 * Puts the setup objects' platform fields into the store's schemas, so the store checks what the platform
 * checks on a save (required fields, lookups to a Profile or a PermissionSet that exists) and the SOQL
 * source describes them (`SELECT PermissionsRead FROM ObjectPermissions`). Number-of-licences fields stay
 * out: the store's SOQL shapes have no integer type, and nothing queries them from Apex.
 */
export function addSetupSchemas(store: OrgStore): void {
    for (const [object, fields] of Object.entries(STANDARD_OBJECT_FIELDS)) {
        if (!isSetupObject(object)) continue;
        const schema = store.schemas.get(object) ?? {
            name: object,
            custom: false,
            fields: new Map(),
            validationRules: []
        };
        for (const field of fields)
            if (!schema.fields.has(field.name) && field.type !== 'Int')
                schema.fields.set(field.name, { ...field });
        store.schemas.set(object, schema);
    }
}

/** The model over the store's setup records and the org's objects. */
export function storeAccessModel(
    store: OrgStore,
    forceApp: string | null,
    version: () => number
): AccessModel {
    return new AccessModel(
        securedObjects(store.schemas, forceApp ?? '/nonexistent'),
        storeSetupReader(store, version)
    );
}

const DUPLICATE_USERNAME =
    "Duplicate Username.<br>The username already exists in this or another Salesforce organization. Usernames must be unique across all Salesforce organizations. To resolve, use a different username (it doesn't need to match the user's email address).";

/**
 * What the platform does on every User save: Username unique (DUPLICATE_USERNAME, as the API says it),
 * Name composed from first and last name, active unless told otherwise.
 */
export function userSaveBehaviour(onChange: () => void): SaveBehaviour {
    return {
        beforeSave(store, record) {
            const username = String(record.Username ?? '').toLowerCase();
            if (
                username &&
                store
                    .all('User')
                    .some(
                        (other) =>
                            other.Id !== record.Id && String(other.Username ?? '').toLowerCase() === username
                    )
            )
                throw new DmlError('DUPLICATE_USERNAME', DUPLICATE_USERNAME, ['Username']);
            record.Name = [record.FirstName, record.LastName].filter((part) => part).join(' ');
            if (record.IsActive === null || record.IsActive === undefined) record.IsActive = true;
            if (!record.UserType) record.UserType = 'Standard';
            if (!record.DefaultCurrencyIsoCode) record.DefaultCurrencyIsoCode = 'USD';
        },
        afterSave: () => onChange()
    };
}

/** Setup records change who may do what: every save of one moves the model's version. */
export function setupSaveBehaviour(onChange: () => void): SaveBehaviour {
    return { afterSave: () => onChange() };
}
