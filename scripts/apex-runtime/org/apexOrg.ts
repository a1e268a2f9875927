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
import * as path from 'node:path';

export type ObjectAccess = 'read' | 'create' | 'edit' | 'delete';
export type FieldAccess = 'read' | 'edit';

/**
 * What the running user may do. The security increment fills it from profiles and permission sets;
 * until then {@link ALL_ACCESS} answers yes to everything (the running user is a System Administrator).
 */
export interface SecurityHook {
    objectAccess(object: string, access: ObjectAccess): boolean;
    fieldAccess(object: string, field: string, access: FieldAccess): boolean;
}

export const ALL_ACCESS: SecurityHook = {
    objectAccess: () => true,
    fieldAccess: () => true
};

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
    security: SecurityHook = ALL_ACCESS;
    /** runs SOQL: the SOQL module over this org's store (a test may swap in its own) */
    queryEngine: QueryEngine = soqlEngine;
    /** Test.isRunningTest(): the test runner sets it */
    isRunningTest = false;
    readonly runningUserId: string;
    /** deleted records by Id, for undelete */
    readonly recycleBin = new Map<string, SObjectRecord>();
    /** the org's triggers by object (lower-cased) */
    readonly triggers: Map<string, TriggerDef[]>;

    /**
     * @param store the records; its TypeScript save behaviours are switched off, since the org's own
     * Apex triggers run instead
     * @param runningUserId a User in the store; without one a "Runtime User" is created
     */
    constructor(
        readonly store: OrgStore,
        forceApp: string | null = FORCE_APP,
        runningUserId?: string
    ) {
        store.behaviours = {};
        enforceStandardFields(store);
        this.catalog = new SchemaCatalog(store.schemas, forceApp);
        this.triggers = forceApp ? loadTriggers(path.join(forceApp, 'triggers')) : new Map();
        this.runningUserId =
            runningUserId ??
            store.insert('User', {
                FirstName: 'Runtime',
                LastName: 'User',
                Name: 'Runtime User',
                Alias: 'runtime',
                ProfileId: store.ids.next('Profile'),
                DefaultCurrencyIsoCode: 'USD',
                IsActive: true
            });
        store.currentUserId = this.runningUserId;
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
        const user = this.store.get(this.runningUserId);
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
        return { store: this.store.snapshot(), recycleBin: new Map(this.recycleBin) };
    }

    restoreState(state: OrgState): void {
        this.store.restore(state.store);
        this.recycleBin.clear();
        for (const [id, record] of state.recycleBin) this.recycleBin.set(id, record);
    }
}
