// The org's security setup as records, the way the platform keeps it: Profile, PermissionSet (one per
// profile, IsOwnedByProfile, plus ours from force-app), ObjectPermissions, FieldPermissions,
// SetupEntityAccess for Apex classes and custom metadata types, and the installing admin. Tests query and
// copy these records (KeystoneTestDataFactory builds a permission set from Keystone User's rows), and the
// access model reads them, so a permission set created by a test is enforced like one from force-app.
import { hasNoFieldSecurity, type PermissionSetGrants } from '../../lib/permissionSets';
import { STANDARD_OBJECTS } from '../../verify/standardObjects';
import { STANDARD_PROFILES, type StandardProfile } from './profiles';

export type SetupRow = Record<string, string | number | boolean | null>;
export type SetupRecords = Record<string, SetupRow[]>;

/** What the seed needs to know of the org's objects. */
export interface SeedObject {
    name: string;
    custom: boolean;
}

export interface SeedInput {
    objects: readonly SeedObject[];
    permissionSets: ReadonlyMap<string, PermissionSetGrants>;
    apexClasses: readonly string[];
    /** The org's custom permissions (force-app's `customPermissions` folder), by API name. */
    customPermissions?: readonly string[];
    /** Hands out an Id for a record of the object. */
    newId: (object: string) => string;
}

export const ADMIN_USERNAME = 'admin@keystone-runtime.example';

/** Standard fields the platform computes: readable with field security, never editable. */
const COMPUTED_STANDARD_FIELDS = new Set([
    'isclosed',
    'iswon',
    'lastactivitydate',
    'casenumber',
    'isescalated'
]);

/** The standard fields (not relationship names) of a standard object that carry field-level security. */
export function securedStandardFields(object: string): string[] {
    const names = STANDARD_OBJECTS[object] ?? [];
    const lower = new Set(names.map((name) => name.toLowerCase()));
    return names.filter(
        (name) => !lower.has(`${name.toLowerCase()}id`) && !hasNoFieldSecurity(object, name, false)
    );
}

function objectRow(parentId: string, object: string, level: 'crud' | 'read' | 'all', id: string): SetupRow {
    return {
        Id: id,
        ParentId: parentId,
        SobjectType: object,
        PermissionsRead: true,
        PermissionsCreate: level !== 'read',
        PermissionsEdit: level !== 'read',
        PermissionsDelete: level !== 'read',
        PermissionsViewAllRecords: level === 'all',
        PermissionsModifyAllRecords: level === 'all'
    };
}

/** Every setup record of a new org with Keystone deployed, and its installing admin (first User row). */
export function seedSecurity(input: SeedInput): SetupRecords {
    const out: SetupRecords = {
        UserLicense: [],
        Profile: [],
        PermissionSet: [],
        ObjectPermissions: [],
        FieldPermissions: [],
        ApexClass: [],
        CustomEntityDefinition: [],
        CustomPermission: [],
        SetupEntityAccess: [],
        User: [],
        PermissionSetAssignment: []
    };
    const licenceId = input.newId('UserLicense');
    out.UserLicense!.push({ Id: licenceId, Name: 'Salesforce', TotalLicenses: 100, UsedLicenses: 1 });
    const classIds = new Map<string, string>();
    for (const name of input.apexClasses) {
        const id = input.newId('ApexClass');
        classIds.set(name.toLowerCase(), id);
        out.ApexClass!.push({ Id: id, Name: name, NamespacePrefix: null });
    }
    const metadataTypeIds = new Map<string, string>();
    for (const object of input.objects.filter((o) => o.name.endsWith('__mdt'))) {
        const id = input.newId('CustomEntityDefinition');
        metadataTypeIds.set(object.name.toLowerCase(), id);
        out.CustomEntityDefinition!.push({
            Id: id,
            DeveloperName: object.name.replace(/__mdt$/, ''),
            QualifiedApiName: object.name
        });
    }

    const customPermissionIds = new Map<string, string>();
    for (const name of input.customPermissions ?? []) {
        const id = input.newId('CustomPermission');
        customPermissionIds.set(name.toLowerCase(), id);
        out.CustomPermission!.push({ Id: id, DeveloperName: name, MasterLabel: name, NamespacePrefix: null });
    }

    const profileIds = new Map<string, string>();
    for (const profile of STANDARD_PROFILES) {
        const profileId = input.newId('Profile');
        profileIds.set(profile.name, profileId);
        out.Profile!.push({
            Id: profileId,
            Name: profile.name,
            UserLicenseId: licenceId,
            UserType: 'Standard'
        });
        seedProfile(profile, profileId, input, out);
    }

    for (const grants of input.permissionSets.values()) {
        const setId = input.newId('PermissionSet');
        out.PermissionSet!.push({
            Id: setId,
            Name: grants.name,
            Label: grants.label,
            IsOwnedByProfile: false,
            ProfileId: null,
            NamespacePrefix: null,
            PermissionsViewAllData: grants.userPermissions.includes('ViewAllData'),
            PermissionsModifyAllData: grants.userPermissions.includes('ModifyAllData'),
            PermissionsCustomizeApplication: grants.userPermissions.includes('CustomizeApplication')
        });
        for (const access of grants.objects.values()) {
            out.ObjectPermissions!.push({
                Id: input.newId('ObjectPermissions'),
                ParentId: setId,
                SobjectType: access.name,
                PermissionsRead: access.read,
                PermissionsCreate: access.create,
                PermissionsEdit: access.edit,
                PermissionsDelete: access.delete,
                PermissionsViewAllRecords: access.viewAll,
                PermissionsModifyAllRecords: access.modifyAll
            });
        }
        for (const access of grants.fields.values()) {
            out.FieldPermissions!.push({
                Id: input.newId('FieldPermissions'),
                ParentId: setId,
                SobjectType: access.name.split('.')[0] ?? '',
                Field: access.name,
                PermissionsRead: access.read,
                PermissionsEdit: access.edit
            });
        }
        for (const name of grants.classes) {
            const classId = classIds.get(name.toLowerCase());
            if (classId)
                out.SetupEntityAccess!.push({
                    Id: input.newId('SetupEntityAccess'),
                    ParentId: setId,
                    SetupEntityId: classId,
                    SetupEntityType: 'ApexClass'
                });
        }
        for (const type of grants.metadataTypes) {
            const typeId = metadataTypeIds.get(type);
            if (typeId)
                out.SetupEntityAccess!.push({
                    Id: input.newId('SetupEntityAccess'),
                    ParentId: setId,
                    SetupEntityId: typeId,
                    SetupEntityType: 'CustomEntityDefinition'
                });
        }
        for (const name of grants.customPermissions) {
            const permissionId = customPermissionIds.get(name.toLowerCase());
            if (permissionId)
                out.SetupEntityAccess!.push({
                    Id: input.newId('SetupEntityAccess'),
                    ParentId: setId,
                    SetupEntityId: permissionId,
                    SetupEntityType: 'CustomPermission'
                });
        }
    }

    const adminId = input.newId('User');
    out.User!.push({
        Id: adminId,
        Username: ADMIN_USERNAME,
        FirstName: 'Keystone',
        LastName: 'Admin',
        Name: 'Keystone Admin',
        Alias: 'ksadmin',
        Email: ADMIN_USERNAME,
        ProfileId: profileIds.get('System Administrator')!,
        IsActive: true,
        TimeZoneSidKey: 'GMT',
        LocaleSidKey: 'en_US',
        LanguageLocaleKey: 'en_US',
        EmailEncodingKey: 'UTF-8',
        DefaultCurrencyIsoCode: 'USD',
        UserType: 'Standard'
    });
    return out;
}

function seedProfile(profile: StandardProfile, profileId: string, input: SeedInput, out: SetupRecords): void {
    const setId = input.newId('PermissionSet');
    out.PermissionSet!.push({
        Id: setId,
        Name: `X00e_${profile.name.replace(/\W+/g, '_')}`,
        Label: profile.name,
        IsOwnedByProfile: true,
        ProfileId: profileId,
        NamespacePrefix: null,
        PermissionsViewAllData: profile.allData,
        PermissionsModifyAllData: profile.allData,
        PermissionsCustomizeApplication: profile.customizeApplication
    });
    for (const [object, level] of Object.entries(profile.standardObjects)) {
        out.ObjectPermissions!.push(objectRow(setId, object, level, input.newId('ObjectPermissions')));
        if (!profile.standardFields) continue;
        for (const field of securedStandardFields(object)) {
            out.FieldPermissions!.push({
                Id: input.newId('FieldPermissions'),
                ParentId: setId,
                SobjectType: object,
                Field: `${object}.${field}`,
                PermissionsRead: true,
                PermissionsEdit: !COMPUTED_STANDARD_FIELDS.has(field.toLowerCase())
            });
        }
    }
    if (profile.customObjects === 'all') {
        for (const object of input.objects.filter((o) => o.custom && o.name.endsWith('__c')))
            out.ObjectPermissions!.push(
                objectRow(setId, object.name, 'all', input.newId('ObjectPermissions'))
            );
    }
}
