// Who may do what, computed from the org's setup records as the platform does: a user's profile and
// assigned permission sets add up (object CRUD, View/Modify All, field-level security, Apex class access,
// custom metadata types); record access follows ownership, the org-wide default and, for detail objects,
// the master record. Role hierarchy, sharing rules and manual shares are not modelled (see the README).
import { hasNoFieldSecurity } from '../../lib/permissionSets';
import { STANDARD_PARENT_FIELD, STANDARD_SHARING, type SharingModel } from './profiles';

export type Row = Readonly<Record<string, unknown>>;

/** The setup records the model reads, by object (User, Profile, PermissionSet, ...). */
export interface SetupReader {
    rows(object: string): readonly Row[];
    /** Changes whenever a setup record changes, so answers cached per user are dropped. */
    version(): number;
}

export interface SecuredField {
    name: string;
    /** Required or master-detail: no field-level security. */
    requiredOrMasterDetail: boolean;
    /** Formula, roll-up, auto-number: never editable. */
    readOnly: boolean;
    /** For a master-detail field, the master object. */
    masterOf?: string;
    /** For a master-detail field: read on the master is enough to create, edit or delete the detail. */
    writeRequiresMasterRead?: boolean;
}

export interface SecuredObject {
    name: string;
    custom: boolean;
    sharingModel?: SharingModel;
    /** Lower-case field name → field. */
    fields: ReadonlyMap<string, SecuredField>;
}

export interface ObjectRights {
    read: boolean;
    create: boolean;
    edit: boolean;
    delete: boolean;
    viewAll: boolean;
    modifyAll: boolean;
}

export type RecordAccess = 'none' | 'read' | 'edit' | 'all';
const RANK: Record<RecordAccess, number> = { none: 0, read: 1, edit: 2, all: 3 };

const NO_RIGHTS: ObjectRights = {
    read: false,
    create: false,
    edit: false,
    delete: false,
    viewAll: false,
    modifyAll: false
};

/** Finds a record and its object by Id (for a detail record's master). */
export type RecordResolver = (id: string) => { object: string; record: Row } | undefined;

const yes = (value: unknown): boolean => value === true;

/**
 * Objects every user reads without an object permission: users, static resources, and the records the
 * approval and job engines keep (Object Reference: ProcessInstance… "query()"; no permission names them).
 */
const EVERYONE_READS = new Set(
    [
        'User',
        'StaticResource',
        'ProcessDefinition',
        'ProcessInstance',
        'ProcessInstanceStep',
        'ProcessInstanceWorkitem',
        'ProcessInstanceHistory',
        'CronTrigger',
        'CronJobDetail',
        'AsyncApexJob'
    ].map((name) => name.toLowerCase())
);

/** One user's rights, computed once per setup version. */
export class UserRights {
    readonly objects = new Map<string, ObjectRights>();
    readonly fields = new Map<string, { read: boolean; edit: boolean }>();
    readonly classes = new Set<string>();
    readonly metadataTypes = new Set<string>();
    /** Custom permissions held, lower-case API names ($Permission, FeatureManagement.checkPermission). */
    readonly customPermissions = new Set<string>();
    viewAllData = false;
    modifyAllData = false;
    customizeApplication = false;
    active = true;

    constructor(
        readonly userId: string,
        private readonly model: AccessModel
    ) {}

    object(name: string): ObjectRights {
        const rights = this.objects.get(name.toLowerCase()) ?? NO_RIGHTS;
        if (this.modifyAllData)
            return { read: true, create: true, edit: true, delete: true, viewAll: true, modifyAll: true };
        if (this.viewAllData) return { ...rights, read: true, viewAll: true };
        return rights;
    }

    /** Read access to a field in user mode: object read plus field-level security where the field has it. */
    canReadField(object: string, field: string): boolean {
        if (!this.canReadObject(object)) return false;
        return this.fieldRight(object, field).read;
    }

    canEditField(object: string, field: string): boolean {
        const definition = this.model.field(object, field);
        if (definition?.readOnly) return false;
        const rights = this.object(object);
        if (!rights.edit && !rights.create) return false;
        return this.fieldRight(object, field).edit;
    }

    canReadObject(object: string): boolean {
        if (object.toLowerCase().endsWith('__mdt'))
            return this.customizeApplication || this.metadataTypes.has(object.toLowerCase());
        // every user reads users and static resources (a page's scripts, styles and data files), and the
        // approval and job records, which no permission grants: their target record's sharing decides
        if (EVERYONE_READS.has(object.toLowerCase())) return true;
        return this.object(object).read;
    }

    canRunClass(name: string): boolean {
        return this.modifyAllData || this.classes.has(name.toLowerCase());
    }

    private fieldRight(object: string, field: string): { read: boolean; edit: boolean } {
        const definition = this.model.field(object, field);
        if (EVERYONE_READS.has(object.toLowerCase()) || object.toLowerCase().endsWith('__mdt'))
            return { read: true, edit: false };
        if (hasNoFieldSecurity(object, field, definition?.requiredOrMasterDetail ?? false))
            return { read: true, edit: true };
        return this.fields.get(`${object}.${field}`.toLowerCase()) ?? { read: false, edit: false };
    }

    /**
     * This user's access to one record under `with sharing`: Modify All Data or the object's Modify All
     * give all; ownership gives all; View All gives read; then the org-wide default, and for a detail
     * (controlled by parent) the master's access, capped at edit.
     */
    recordAccess(object: string, record: Row, resolve: RecordResolver, depth = 0): RecordAccess {
        const rights = this.object(object);
        if (rights.modifyAll) return 'all';
        let best: RecordAccess = rights.viewAll ? 'read' : 'none';
        const owner = record.OwnerId;
        if (typeof owner === 'string' && sameId(owner, this.userId)) return 'all';
        const model = this.model.sharingModel(object);
        const own: RecordAccess =
            model === 'ReadWrite'
                ? 'edit'
                : model === 'Read'
                  ? 'read'
                  : model === 'ControlledByParent'
                    ? this.parentAccess(object, record, resolve, depth)
                    : 'none';
        if (RANK[own] > RANK[best]) best = own;
        return best;
    }

    private parentAccess(object: string, record: Row, resolve: RecordResolver, depth: number): RecordAccess {
        if (depth > 5) return 'none';
        const parentField = this.model.parentField(object);
        const parentId = parentField ? record[parentField] : undefined;
        if (typeof parentId !== 'string') return 'none';
        const parent = resolve(parentId);
        if (!parent) return 'none';
        const access = this.recordAccess(parent.object, parent.record, resolve, depth + 1);
        // CustomField.writeRequiresMasterRead (Metadata API): "true—Allows users with Read access to the master
        // record to create, edit, or delete child records"
        if (access === 'read' && this.model.parentAllowsWriteOnRead(object)) return 'edit';
        return access === 'all' ? 'edit' : access;
    }
}

export class AccessModel {
    private readonly objects = new Map<string, SecuredObject>();
    private cache = new Map<string, UserRights>();
    private cachedVersion = -1;
    private readonly orgWideDefaults = new Map<string, SharingModel>();

    constructor(
        objects: Iterable<SecuredObject>,
        private readonly setup: SetupReader
    ) {
        for (const object of objects) this.objects.set(object.name.toLowerCase(), object);
    }

    field(object: string, field: string): SecuredField | undefined {
        return this.objects.get(object.toLowerCase())?.fields.get(field.toLowerCase());
    }

    /**
     * Sets an object's org-wide default as an admin does in Sharing Settings (a private Account model,
     * say); until then standard objects keep a new org's defaults and custom objects their metadata's.
     */
    setOrgWideDefault(object: string, model: SharingModel): void {
        this.orgWideDefaults.set(object.toLowerCase(), model);
        this.sharingModels.delete(object.toLowerCase());
    }

    // asked once per row a query or a save checks under sharing: answered from a cache per object
    private readonly sharingModels = new Map<string, SharingModel>();
    private readonly parentFields = new Map<string, string | undefined>();

    sharingModel(object: string): SharingModel {
        const key = object.toLowerCase();
        let model = this.sharingModels.get(key);
        if (model === undefined) {
            const custom = this.objects.get(key);
            const standard = Object.entries(STANDARD_SHARING).find(([name]) => name.toLowerCase() === key);
            model =
                this.orgWideDefaults.get(key) ?? custom?.sharingModel ?? (standard ? standard[1] : 'Private');
            this.sharingModels.set(key, model);
        }
        return model;
    }

    /** Whether a detail's master-detail field lets a reader of the master write the detail. */
    parentAllowsWriteOnRead(object: string): boolean {
        const field = this.parentField(object);
        return Boolean(field && this.field(object, field)?.writeRequiresMasterRead);
    }

    /** The field holding a controlled-by-parent record's master. */
    parentField(object: string): string | undefined {
        const key = object.toLowerCase();
        if (this.parentFields.has(key)) return this.parentFields.get(key);
        const definition = this.objects.get(key);
        const master = definition
            ? [...definition.fields.values()].find((field) => field.masterOf)
            : undefined;
        const field =
            master?.name ??
            Object.entries(STANDARD_PARENT_FIELD).find(([name]) => name.toLowerCase() === key)?.[1];
        this.parentFields.set(key, field);
        return field;
    }

    /** The rights of a user; throws when the user does not exist. */
    rights(userId: string): UserRights {
        if (this.setup.version() !== this.cachedVersion) {
            this.cache = new Map();
            this.cachedVersion = this.setup.version();
        }
        const key = userId.slice(0, 15);
        const cached = this.cache.get(key);
        if (cached) return cached;
        const rights = this.compute(userId);
        this.cache.set(key, rights);
        return rights;
    }

    private compute(userId: string): UserRights {
        const user = this.setup
            .rows('User')
            .find((row) => typeof row.Id === 'string' && sameId(row.Id, userId));
        if (!user) throw new Error(`no user ${userId} in the org`);
        const rights = new UserRights(userId, this);
        rights.active = user.IsActive !== false;
        const assigned = new Set(
            this.setup
                .rows('PermissionSetAssignment')
                .filter((row) => typeof row.AssigneeId === 'string' && sameId(row.AssigneeId, userId))
                .map((row) => String(row.PermissionSetId).slice(0, 15))
        );
        const sets = this.setup
            .rows('PermissionSet')
            .filter(
                (row) =>
                    (yes(row.IsOwnedByProfile) &&
                        typeof row.ProfileId === 'string' &&
                        typeof user.ProfileId === 'string' &&
                        sameId(row.ProfileId, user.ProfileId)) ||
                    assigned.has(String(row.Id).slice(0, 15))
            );
        const setIds = new Set(sets.map((row) => String(row.Id).slice(0, 15)));
        for (const set of sets) {
            rights.viewAllData ||= yes(set.PermissionsViewAllData);
            rights.modifyAllData ||= yes(set.PermissionsModifyAllData);
            rights.customizeApplication ||= yes(set.PermissionsCustomizeApplication);
        }
        const inSets = (row: Row): boolean => setIds.has(String(row.ParentId).slice(0, 15));
        for (const row of this.setup.rows('ObjectPermissions').filter(inSets)) {
            const key = String(row.SobjectType).toLowerCase();
            const had = rights.objects.get(key) ?? NO_RIGHTS;
            rights.objects.set(key, {
                read: had.read || yes(row.PermissionsRead),
                create: had.create || yes(row.PermissionsCreate),
                edit: had.edit || yes(row.PermissionsEdit),
                delete: had.delete || yes(row.PermissionsDelete),
                viewAll: had.viewAll || yes(row.PermissionsViewAllRecords),
                modifyAll: had.modifyAll || yes(row.PermissionsModifyAllRecords)
            });
        }
        for (const row of this.setup.rows('FieldPermissions').filter(inSets)) {
            const key = String(row.Field).toLowerCase();
            const had = rights.fields.get(key) ?? { read: false, edit: false };
            // Edit implies read on the platform; a row granting edit alone is refused there.
            rights.fields.set(key, {
                read: had.read || yes(row.PermissionsRead) || yes(row.PermissionsEdit),
                edit: had.edit || yes(row.PermissionsEdit)
            });
        }
        const classNames = new Map(
            this.setup.rows('ApexClass').map((row) => [String(row.Id).slice(0, 15), String(row.Name)])
        );
        const typeNames = new Map(
            this.setup
                .rows('CustomEntityDefinition')
                .map((row) => [String(row.Id).slice(0, 15), String(row.QualifiedApiName)])
        );
        const permissionNames = new Map(
            this.setup
                .rows('CustomPermission')
                .map((row) => [String(row.Id).slice(0, 15), String(row.DeveloperName)])
        );
        for (const row of this.setup.rows('SetupEntityAccess').filter(inSets)) {
            const entity = String(row.SetupEntityId).slice(0, 15);
            const className = classNames.get(entity);
            if (className) rights.classes.add(className.toLowerCase());
            const typeName = typeNames.get(entity);
            if (typeName) rights.metadataTypes.add(typeName.toLowerCase());
            const permissionName = permissionNames.get(entity);
            if (permissionName) rights.customPermissions.add(permissionName.toLowerCase());
        }
        return rights;
    }
}

/** 15- and 18-character forms of one Id are the same record. */
export function sameId(a: string, b: string): boolean {
    return a.slice(0, 15) === b.slice(0, 15);
}
