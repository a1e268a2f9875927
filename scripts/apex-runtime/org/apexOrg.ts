// The org an Interpreter runs against: the preview's in-memory store (which enforces the objects' own
// rules), the schema catalog, the governor limits, the running user, the security hook and the SOQL
// engine (org/soqlBridge.ts) every query goes through.
import type { ExpressionContext, SoqlLiteralContext } from '@apexdevtools/apex-parser';
import { FORCE_APP } from '../../lib/project';
import { loadObjectSchemas } from '../../preview/emulator/schema';
import { withStandardFields } from '../../preview/emulator/standardFields';
import { OrgStore, type OrgSnapshot, type SObjectRecord } from '../../preview/emulator/store';
import type { Value } from '../values';
import { SchemaCatalog } from './catalog';
import { soqlEngine } from './soqlBridge';
import { GovernorLimits } from './limits';
import { STANDARD_OBJECT_FIELDS } from './standardSchema';
import { loadTriggers, parseTrigger, type TriggerDef } from './triggers';
import type { AccessModel } from '../security/access';
import {
    addSetupSchemas,
    seedStoreSecurity,
    setupSaveBehaviour,
    storeAccessModel,
    userSaveBehaviour,
    userSecurity,
    type SecurityHook
} from './securityBridge';
import { seedStaticResources } from './staticResources';
import { ApprovalEngine } from './approvals';
import * as path from 'node:path';

export { ALL_ACCESS, type FieldAccess, type ObjectAccess, type SecurityHook } from './securityBridge';

/** `WITH USER_MODE` / `as user` or system mode. */
export type AccessMode = 'user' | 'system';

/** Where a query stands in the Apex source (for messages and `unsupported: … at file:line`). */
export interface QueryOrigin {
    file: string;
    line: number;
}

/** What the interpreter hands the query engine: a static `[SELECT …]` or a dynamic query's text. */
export type QueryRequest =
    | {
          kind: 'static';
          node: SoqlLiteralContext;
          /** evaluates a `:bind` expression where the query stands */
          bind: (expression: ExpressionContext) => Value;
          /** `WITH USER_MODE` in the text decides; this is the default when the query names no mode */
          access: AccessMode;
          /** the running code enforces sharing (its class's `with sharing`, or its caller's) */
          withSharing: boolean;
          origin: QueryOrigin;
      }
    | {
          kind: 'dynamic';
          text: string;
          /** Database.queryWithBinds' map (keys as written), or null for Database.query */
          binds: ReadonlyMap<string, Value> | null;
          access: AccessMode;
          /** Database.countQuery */
          count: boolean;
          withSharing: boolean;
          origin: QueryOrigin;
      };

/** An engine's answer: the value (a List, or an Integer for a count) and the rows it read. */
export interface QueryAnswer {
    value: Value;
    /** every row returned or aggregated, subquery rows included (the 50,000-row limit) */
    rowsRetrieved: number;
}

/** A query engine answers a request; `soqlEngine` (org/soqlBridge.ts) is every org's. */
export type QueryEngine = (org: ApexOrg, request: QueryRequest) => QueryAnswer;

/** A savepoint: the store and recycle bin as they stood. */
export interface OrgState {
    readonly store: OrgSnapshot;
    readonly recycleBin: ReadonlyMap<string, SObjectRecord>;
    /** the approval locks: a rollback or a test's restore puts them back too */
    readonly locks: ReadonlySet<string>;
}

/**
 * Lets the store check the standard fields Apex saves that force-app does not define: required ones
 * (Account.Name, Contact.LastName) and references between the objects the store holds
 * (Contact.AccountId, Contact.ReportsToId), as the platform checks them on every save.
 */
function enforceStandardFields(store: OrgStore): void {
    for (const [object, fields] of Object.entries(STANDARD_OBJECT_FIELDS)) {
        const checked = fields.filter(
            (field) =>
                !field.readOnly &&
                !field.polymorphic &&
                (field.required || (field.referenceTo && ['Account', 'Contact'].includes(field.referenceTo)))
        );
        if (!checked.length) continue;
        let schema = store.schemas.get(object);
        if (!schema) {
            schema = { name: object, custom: false, fields: new Map(), validationRules: [] };
            store.schemas.set(object, schema);
        }
        for (const field of checked) {
            if (schema.fields.has(field.name)) continue;
            const { readOnly: _readOnly, polymorphic: _polymorphic, ...plain } = field;
            void _readOnly;
            void _polymorphic;
            schema.fields.set(field.name, plain);
        }
    }
}

export class ApexOrg {
    readonly catalog: SchemaCatalog;
    limits = new GovernorLimits();
    /** runs SOQL: the SOQL module over this org's store (a test may swap in its own) */
    queryEngine: QueryEngine = soqlEngine;
    /** Test.isRunningTest(): the test runner sets it */
    isRunningTest = false;
    /** deleted records by Id, for undelete */
    readonly recycleBin = new Map<string, SObjectRecord>();
    /** force-app's approval processes, their instances and the record locks */
    readonly approvals: ApprovalEngine;
    /** the org's triggers by object (lower-cased) */
    readonly triggers: Map<string, TriggerDef[]>;
    /** who may do what, read from the setup records in the store */
    readonly access: AccessModel;
    /** the installing admin the org was seeded with (System Administrator) */
    readonly adminId: string;
    /**
     * Is the code running now `with sharing`? The interpreter answers from its call stack; without one
     * (an org used from TypeScript alone) nothing runs with sharing.
     */
    sharingMode: () => boolean = () => false;
    private currentUserId: string;
    private securityOverride: SecurityHook | null = null;
    private setupEdits = 0;
    private mixedDml: { limits: GovernorLimits; setup: string | null; other: string | null } | null = null;

    /**
     * @param store the records; its TypeScript save behaviours are switched off, since the org's own
     * Apex triggers run instead. The org's setup records (profiles, permission sets, the admin) are
     * seeded into it.
     * @param runningUserId a User in the store; without one the seeded admin runs
     */
    constructor(
        readonly store: OrgStore,
        forceApp: string | null = FORCE_APP,
        runningUserId?: string
    ) {
        const changed = (): void => {
            this.setupEdits++;
        };
        store.behaviours = { User: [userSaveBehaviour(changed)] };
        for (const object of [
            'Profile',
            'PermissionSet',
            'PermissionSetAssignment',
            'ObjectPermissions',
            'FieldPermissions',
            'SetupEntityAccess'
        ])
            store.behaviours[object] = [setupSaveBehaviour(changed)];
        addSetupSchemas(store);
        enforceStandardFields(store);
        this.catalog = new SchemaCatalog(store.schemas, forceApp);
        this.triggers = forceApp ? loadTriggers(path.join(forceApp, 'triggers')) : new Map();
        this.adminId = seedStoreSecurity(store, forceApp);
        seedStaticResources(store, forceApp);
        this.approvals = new ApprovalEngine(store, forceApp);
        this.access = storeAccessModel(store, forceApp, () => this.setupEdits);
        if (runningUserId && !store.get(runningUserId))
            throw new Error(`the running user ${runningUserId} is not in the org`);
        this.currentUserId = runningUserId ?? this.adminId;
        store.currentUserId = this.currentUserId;
        // validation rules' $Permission.Name answers for the running user, as the platform evaluates them
        store.permissionCheck = (name) => this.hasCustomPermission(name);
    }

    /** Whether the running user holds a custom permission through a permission set (or profile). */
    hasCustomPermission(name: string): boolean {
        return this.access.rights(this.currentUserId).customPermissions.has(name.toLowerCase());
    }

    /** The running user's Id (UserInfo.getUserId()): the admin, or whoever a runAs block runs as. */
    get runningUserId(): string {
        return this.currentUserId;
    }

    /** What the running user may do; a test may set a hook of its own (ALL_ACCESS) and clear it with null. */
    get security(): SecurityHook {
        return this.securityOverride ?? userSecurity(this.access, this.currentUserId, this.store);
    }

    set security(hook: SecurityHook | null) {
        this.securityOverride = hook;
    }

    /** Is the running code `with sharing` (record access enforced in system mode)? */
    enforcesSharing(): boolean {
        return this.sharingMode();
    }

    /**
     * Runs `work` as another user (System.runAs): UserInfo, security and sharing answer for them, and the
     * previous user comes back afterwards, also when `work` throws. DML inside starts its own mixed-DML
     * context, as the platform lets runAs blocks separate setup and other DML.
     */
    runAs<T>(userId: string, work: () => T): T {
        const user = this.store.get(userId);
        if (!user || user.attributes.type !== 'User') throw new Error(`no user ${userId} in the org`);
        const previous = { user: this.currentUserId, mixed: this.mixedDml };
        this.currentUserId = user.Id;
        this.store.currentUserId = user.Id;
        this.mixedDml = null;
        try {
            return work();
        } finally {
            this.currentUserId = previous.user;
            this.store.currentUserId = previous.user;
            this.mixedDml = previous.mixed;
        }
    }

    /** Assigns a permission set by API name (what `sf org assign permset` does); returns the assignment's Id. */
    assignPermissionSet(userId: string, permissionSetName: string): string {
        const set = this.store.all('PermissionSet').find((row) => row.Name === permissionSetName);
        if (!set) throw new Error(`no permission set ${permissionSetName} in the org`);
        return this.store.insert('PermissionSetAssignment', { AssigneeId: userId, PermissionSetId: set.Id });
    }

    /** A setup record was deleted or undeleted (saves are seen by the store's behaviours). */
    setupChanged(): void {
        this.setupEdits++;
    }

    /**
     * Mixed DML ("sObjects That Cannot Be Used Together in DML Operations"): the first object of the other
     * kind this transaction (or runAs block) saved, or null when a save of `object` may go ahead, which is
     * then remembered. `neutral` is a save the platform allows alongside both kinds (a User without a role).
     */
    mixedDmlClash(object: string, kind: 'setup' | 'other' | 'neutral'): string | null {
        if (this.mixedDml?.limits !== this.limits)
            this.mixedDml = { limits: this.limits, setup: null, other: null };
        if (kind === 'neutral') return null;
        const clash = kind === 'setup' ? this.mixedDml.other : this.mixedDml.setup;
        if (clash) return clash;
        if (kind === 'setup') this.mixedDml.setup ??= object;
        else this.mixedDml.other ??= object;
        return null;
    }

    /** An empty org with Keystone's objects. */
    static empty(forceApp: string = FORCE_APP, today?: string): ApexOrg {
        return new ApexOrg(new OrgStore(withStandardFields(loadObjectSchemas(forceApp)), today), forceApp);
    }

    /** Adds a trigger from its source (tests); it runs after the object's triggers already loaded. */
    addTrigger(source: string, file = 'Test.trigger'): TriggerDef {
        const trigger = parseTrigger(source, file);
        const key = trigger.object.toLowerCase();
        this.triggers.set(key, [...(this.triggers.get(key) ?? []), trigger]);
        return trigger;
    }

    runningUser(): SObjectRecord {
        const user = this.store.get(this.currentUserId);
        if (!user) throw new Error(`the running user ${this.runningUserId} is not in the org`);
        return user;
    }

    /** The object an Id belongs to, by its key prefix. */
    objectOfId(id: string): string | undefined {
        return this.store.ids.objectOf(id);
    }

    /** The one door for SOQL: counts the query (the 101st fails), runs the engine, counts the rows it read. */
    query(request: QueryRequest): Value {
        this.limits.countQuery();
        const answer = this.queryEngine(this, request);
        this.limits.countQueryRows(answer.rowsRetrieved);
        return answer.value;
    }

    saveState(): OrgState {
        return {
            store: this.store.snapshot(),
            recycleBin: new Map(this.recycleBin),
            locks: new Set(this.approvals.locks)
        };
    }

    restoreState(state: OrgState): void {
        this.store.restore(state.store);
        this.setupEdits++;
        this.recycleBin.clear();
        for (const [id, record] of state.recycleBin) this.recycleBin.set(id, record);
        this.approvals.locks = new Set(state.locks);
    }
}
