// The demo org the preview serves, for tests: built once per test file (loading runs Keystone's triggers
// through the Apex runtime, which takes a second), then put back as it was loaded for every test, with
// `invokeApex` calling an @AuraEnabled method as the preview's rep does.
import { DATA_DIR } from '../../lib/project';
import type { OrgState } from '../../apex-runtime/org/apexOrg';
import { invokeAura, type AuraContext } from '../apex/auraBridge';
import { createPreviewOrg, saveAsUser, userForRole, type PreviewRole } from '../apex/previewOrg';
import type { FieldValue, OrgStore } from '../emulator/store';

interface Loaded {
    context: AuraContext;
    state: OrgState;
    counts: Record<string, number>;
    users: Partial<Record<PreviewRole, string>>;
}

const loaded = new Map<string, Loaded>();
const contexts = new WeakMap<OrgStore, AuraContext>();

/**
 * The demo org as the preview loads it on `today`, fresh for the caller (nothing an earlier test saved),
 * its Apex running as `role`.
 */
export function demoOrg(
    today: string,
    role: PreviewRole = 'rep'
): { org: OrgStore; counts: Record<string, number>; context: AuraContext } {
    let entry = loaded.get(today);
    if (!entry) {
        const { apex, registry, counts } = createPreviewOrg(DATA_DIR, today);
        const users = Object.fromEntries(
            (['rep', 'manager', 'admin'] as const).map((each) => [each, userForRole(apex, DATA_DIR, each)])
        );
        entry = {
            context: { org: apex, registry, userId: users.rep! },
            state: apex.saveState(),
            counts,
            users
        };
        loaded.set(today, entry);
    }
    entry.context.org.restoreState(entry.state);
    const context: AuraContext = { ...entry.context, userId: entry.users[role]! };
    contexts.set(context.org.store, context);
    return { org: context.org.store, counts: { ...entry.counts }, context };
}

/** Calls `Class.method` on the org {@link demoOrg} last handed out, as its role. */
export function invokeApex(org: OrgStore, endpoint: string, args: unknown): unknown {
    const context = contexts.get(org);
    if (!context) throw new Error('invokeApex needs an org from demoOrg()');
    return invokeAura(context, endpoint, args);
}

/**
 * Saves as a record form does (the UI API: one DML statement in user mode as the org's role, Keystone's
 * triggers running), for the org {@link demoOrg} last handed out; a refused row throws the store's DmlError.
 */
export function formSave(org: OrgStore): {
    insert(sobject: string, values: Record<string, FieldValue>): string;
    update(id: string, values: Record<string, FieldValue>): void;
} {
    const context = contexts.get(org);
    if (!context) throw new Error('formSave needs an org from demoOrg()');
    return {
        insert: (sobject, values) =>
            saveAsUser(context.org, context.registry, context.userId, 'insert', sobject, values),
        update: (id, values) => {
            const sobject = org.get(id)?.attributes.type ?? '';
            saveAsUser(context.org, context.registry, context.userId, 'update', sobject, {
                ...values,
                Id: id
            });
        }
    };
}
