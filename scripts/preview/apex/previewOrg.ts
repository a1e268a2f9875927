// The preview's org: Keystone's objects in the in-memory store, its setup records (profiles, permission
// sets, the installing admin), the demo data loaded as `sf data import tree` loads it — through the org's
// own Apex triggers — and the demo team created as the scratch-org setup creates it (Standard User and
// the team member's permission set). Keystone's Apex classes are parsed once per process.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FORCE_APP, ROOT } from '../../lib/project';
import { INSTALLER_PERMISSION_SETS, SCRATCH_ONLY_SOURCE } from '../../lib/orgCommands';
import { readPermissionSets } from '../../lib/permissionSets';
import { readTeam, TODAYS_SCORES_APEX, userDefinition, type Team, type TeamMember } from '../../lib/team';
import { Interpreter } from '../../apex-runtime/interpreter';
import { Registry } from '../../apex-runtime/registry';
import { ApexOrg } from '../../apex-runtime/org/apexOrg';
import { deployPermissionSet } from '../../apex-runtime/org/securityBridge';
import { runDml } from '../../apex-runtime/org/dml';
import { GovernorLimits, SYNC_LIMITS } from '../../apex-runtime/org/limits';
import { ApexSObject } from '../../apex-runtime/values';
import { loadObjectSchemas } from '../emulator/schema';
import { withStandardFields } from '../emulator/standardFields';
import { DmlError, OrgStore, type FieldValue } from '../emulator/store';
import { loadTreeData, TreeRowError, type TreeTarget } from '../emulator/treeData';

/** Who the preview runs as: a rep with Keystone User (the default), their manager, or the admin. */
export type PreviewRole = 'rep' | 'manager' | 'admin';

export const PREVIEW_ROLES: readonly PreviewRole[] = ['rep', 'manager', 'admin'];

// a data folder without a team (a generated one) still gets a rep and a manager to run as
const STAND_INS: Record<'rep' | 'manager', TeamMember> = {
    rep: { alias: 'ksRep', firstName: 'Preview', lastName: 'Rep', title: 'Key Account Manager' },
    manager: {
        alias: 'ksLead',
        firstName: 'Preview',
        lastName: 'Manager',
        title: 'Head of Key Accounts',
        role: 'manager'
    }
};

let classes: Registry | null = null;

/**
 * Keystone's deployable classes (not its test classes, which the preview never calls), parsed once: static
 * state lives in each Interpreter, so one registry serves every transaction.
 */
export function keystoneClasses(forceApp: string = FORCE_APP): Registry {
    if (classes && forceApp === FORCE_APP) return classes;
    const registry = new Registry();
    const folder = path.join(forceApp, 'classes');
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
        if (entry.isDirectory() && entry.name !== 'tests') registry.loadFolder(path.join(folder, entry.name));
        else if (entry.isFile() && entry.name.endsWith('.cls'))
            registry.addSource(fs.readFileSync(path.join(folder, entry.name), 'utf8'), entry.name);
    }
    if (forceApp === FORCE_APP) classes = registry;
    return registry;
}

/**
 * Saves records as one import request does: one DML statement in system mode as the running user (the
 * installing admin), in a transaction of its own, so the org's triggers run over the chunk. Fields the
 * runtime's catalog does not describe (standard fields Keystone never reads in Apex, such as
 * Account.Website) cannot travel in an SObject; they are written to the saved records afterwards, where
 * no trigger could have looked at them anyway.
 */
export function apexTreeTarget(org: ApexOrg, registry: Registry): TreeTarget {
    return {
        schemas: org.store.schemas,
        insertAll(sobject, rows) {
            org.limits = new GovernorLimits(SYNC_LIMITS);
            const interpreter = new Interpreter(registry, org);
            const object = org.catalog.object(sobject)?.name ?? sobject;
            const extras: Record<string, FieldValue>[] = [];
            const records = rows.map((values, row) => {
                const record = new ApexSObject(object);
                extras[row] = {};
                for (const [name, value] of Object.entries(values)) {
                    const field = org.catalog.field(object, name);
                    if (field?.writable) record.fields.set(field.name, org.catalog.toApex(field, value));
                    else if (!field) extras[row]![name] = value;
                }
                return record;
            });
            const results = runDml(org, interpreter, 'insert', records, true, 'system');
            const failed = results.findIndex((result) => result.errors.length);
            if (failed >= 0) {
                const error = results[failed]!.errors[0]!;
                throw new TreeRowError(failed, `${error.statusCode}: ${error.message}`);
            }
            return results.map((result, row) => {
                const id = result.id!;
                if (Object.keys(extras[row]!).length) org.store.update(id, extras[row]!);
                return id;
            });
        }
    };
}

/**
 * A fresh preview org from a data folder: Keystone deployed, the data imported through the triggers, the
 * team's users (Standard User with their permission set) and their relationships, as the scratch-org
 * setup leaves them. `org.runningUserId` is the installing admin until {@link runAsRole} picks another.
 */
export function createPreviewOrg(
    dataDir: string,
    today?: string,
    forceApp: string = FORCE_APP
): { apex: ApexOrg; registry: Registry; counts: Record<string, number> } {
    const store = new OrgStore(withStandardFields(loadObjectSchemas(forceApp)), today);
    const apex = new ApexOrg(store, forceApp);
    // as setup:scratch: the scratch-only folder's demo loader is deployed beside force-app, and the
    // installing admin holds Keystone Manager, Keystone Admin and the loader before importing the demo story
    // (our fields are deployed without profile access, and the triggers read in user mode); the loader's
    // custom permission is what lets the approved Meridian plan load past the sign-off validation rules
    if (forceApp === FORCE_APP) {
        for (const grants of readPermissionSets(path.join(ROOT, SCRATCH_ONLY_SOURCE)).values())
            deployPermissionSet(store, grants);
        apex.setupChanged();
    }
    const sets = new Set(store.all('PermissionSet').map((row) => String(row.Name)));
    for (const name of INSTALLER_PERMISSION_SETS)
        if (sets.has(name)) apex.assignPermissionSet(apex.adminId, name);
    const registry = keystoneClasses(forceApp);
    const target = apexTreeTarget(apex, registry);
    const counts = loadTreeData(target, dataDir);
    const team = readTeam(dataDir);
    const userIds = new Map<string, string>();
    for (const member of team.users) userIds.set(member.alias, createUser(apex, member));
    const owned = store.all('Contact').flatMap((person) => {
        const alias = team.relationshipOwners[String(person.Email ?? '')];
        const owner = alias ? userIds.get(alias) : undefined;
        return owner ? [{ Id: person.Id, Relationship_Owner__c: owner }] : [];
    });
    for (let start = 0; start < owned.length; start += 200) {
        const records = owned.slice(start, start + 200).map((values) => {
            const record = new ApexSObject('Contact');
            record.fields.set('Id', values.Id);
            record.fields.set('Relationship_Owner__c', values.Relationship_Owner__c);
            return record;
        });
        const results = runDml(apex, new Interpreter(registry, apex), 'update', records, true, 'system');
        const failed = results.find((result) => result.errors.length);
        if (failed)
            throw new Error(`the demo team's relationships were refused: ${failed.errors[0]!.message}`);
    }
    // as setup:scratch names each plan's approver (a manager), so the preview's plans can be signed off
    const approvals = store.all('Account_Plan__c').flatMap((plan) => {
        const alias = team.planApprovers[String(plan.Name ?? '')];
        const approver = alias ? userIds.get(alias) : undefined;
        return approver ? [{ Id: String(plan.Id), value: approver }] : [];
    });
    updateLookups(apex, registry, 'Account_Plan__c', 'Approver__c', approvals, "the demo plans' approvers");
    // and who on the team delivers each milestone, so the milestones and their reminders have someone
    const assignments = milestoneAssignments(team, store.all('Plan_Milestone__c'), userIds);
    updateLookups(
        apex,
        registry,
        'Plan_Milestone__c',
        'Assignee__c',
        assignments,
        "the demo milestones' assignees"
    );
    // as setup:scratch ends: the key accounts measured today, beside the story's snapshot history
    apex.limits = new GovernorLimits(SYNC_LIMITS);
    new Interpreter(registry, apex).runSnippet(`${TODAYS_SCORES_APEX.join('\n')}\nreturn null;`);
    if (team.users.length) counts.User = team.users.length;
    return { apex, registry, counts };
}

/**
 * Each demo milestone's assignee from the team's `milestoneAssignees` (milestone name → alias), as the
 * scratch setup's Apex sets them: a name that is no milestone's, or more than one's, is refused by name.
 */
export function milestoneAssignments(
    team: Team,
    milestones: readonly Record<string, unknown>[],
    userIds: ReadonlyMap<string, string>
): { Id: string; value: string }[] {
    const byName = new Map<string, Record<string, unknown>[]>();
    for (const milestone of milestones) {
        const name = String(milestone.Name ?? '');
        byName.set(name, [...(byName.get(name) ?? []), milestone]);
    }
    return Object.entries(team.milestoneAssignees).flatMap(([name, alias]) => {
        const named = byName.get(name) ?? [];
        if (named.length === 0)
            throw new Error(`the team assigns "${name}", but no demo milestone has that name`);
        if (named.length > 1)
            throw new Error(`the team assigns "${name}", but ${named.length} demo milestones have that name`);
        const assignee = userIds.get(alias);
        return assignee ? [{ Id: String(named[0]!.Id), value: assignee }] : [];
    });
}

/** Sets one lookup on records through the triggers and validation rules, in system mode as a data load. */
function updateLookups(
    apex: ApexOrg,
    registry: Registry,
    objectName: string,
    field: string,
    rows: { Id: string; value: string }[],
    what: string
): void {
    if (!rows.length) return;
    const records = rows.map((row) => {
        const record = new ApexSObject(objectName);
        record.fields.set('Id', row.Id);
        record.fields.set(field, row.value);
        return record;
    });
    const results = runDml(apex, new Interpreter(registry, apex), 'update', records, true, 'system');
    const failed = results.find((result) => result.errors.length);
    if (failed) throw new Error(`${what} were refused: ${failed.errors[0]!.message}`);
}

/** Creates a team member as `sf org create user` with their definition does; returns the User's Id. */
function createUser(apex: ApexOrg, member: TeamMember): string {
    const { profileName, permsets, generatePassword: _generate, ...fields } = userDefinition(member);
    void _generate;
    const profile = apex.store.all('Profile').find((row) => row.Name === profileName);
    if (!profile) throw new Error(`the org has no ${String(profileName)} profile`);
    const id = apex.store.insert('User', {
        ...(fields as Record<string, FieldValue>),
        ProfileId: profile.Id
    });
    for (const name of permsets as string[]) apex.assignPermissionSet(id, name);
    return id;
}

/**
 * The user the preview runs as for a role: the team's first rep or its manager (a stand-in when the data
 * has none), or the installing admin (who holds Keystone Manager and Keystone Admin, as after setup:scratch).
 */
export function userForRole(apex: ApexOrg, dataDir: string, role: PreviewRole): string {
    if (role === 'admin') return apex.adminId;
    const team = readTeam(dataDir);
    const member = team.users.find((user) => (user.role ?? 'rep') === role) ?? STAND_INS[role];
    const existing = apex.store.all('User').find((user) => user.Alias === member.alias);
    if (existing) return existing.Id;
    return createUser(apex, member);
}

/**
 * A save from the UI API (uiRecordApi's createRecord/updateRecord, the record form): one DML statement in
 * user mode as the preview's user, so object and field access, sharing and the org's triggers apply as
 * they do to a save in Lightning. The first refused row's error is thrown as the store's DmlError.
 */
export function saveAsUser(
    apex: ApexOrg,
    registry: Registry,
    userId: string,
    operation: 'insert' | 'update',
    sobject: string,
    values: Record<string, FieldValue>
): string {
    const object = apex.catalog.object(sobject)?.name ?? sobject;
    const record = new ApexSObject(object);
    for (const [name, value] of Object.entries(values)) {
        const field = name === 'Id' ? undefined : apex.catalog.field(object, name);
        if (name === 'Id') record.fields.set('Id', value === null ? null : String(value));
        else if (!field)
            throw new DmlError('INVALID_FIELD', `No such column '${name}' on entity '${object}'.`, [name]);
        else if (value !== null && typeof value === 'object')
            throw new DmlError('INVALID_TYPE_ON_FIELD_IN_RECORD', `${name}: value not of required type`, [
                name
            ]);
        else if (!field.writable)
            throw new DmlError(
                'INVALID_FIELD_FOR_INSERT_UPDATE',
                `Unable to create/update fields: ${field.name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
                [field.name]
            );
        else record.fields.set(field.name, apex.catalog.toApex(field, value));
    }
    // a transaction of its own, under the full limits whatever the last call ran under (a cacheable one's none)
    apex.limits = new GovernorLimits(SYNC_LIMITS);
    const results = apex.runAs(userId, () =>
        runDml(apex, new Interpreter(registry, apex), operation, [record], true, 'user')
    );
    const error = results[0]!.errors[0];
    if (error) throw new DmlError(error.statusCode, error.message, error.fields);
    return results[0]!.id!;
}
