// The preview's equivalents of Keystone's Apex trigger actions: keep unique keys, refuse illegal plan
// status moves, refuse a reporting loop, record a stance observation when a contact's stance changes,
// keep the overall health score. The rules themselves live in rules.ts (and c/orgHierarchy for the
// reporting lines) and are checked against the shared vectors. Like the Apex dispatcher, an action whose
// Keystone Trigger Setting record is inactive does not run.
import { DmlError, type OrgStore, type SaveBehaviour, type SObjectRecord } from './store';
import { isPlanStatusChangeAllowed, overallHealthScore, planStatusChangeMessage, uniqueKeyOf } from './rules';
import { duplicateBuyingCenterMessage, refusedIndexes, siblingKey } from './buyingCenterNames';
import { moveRefusal } from '../../../lwc-ts/orgHierarchy/orgHierarchy';
import { loadCustomMetadata } from './schema';
import { FORCE_APP } from '../../lib/project';

/** ReportingLineTriggerAction.SELF_MESSAGE and LOOP_MESSAGE, word for word. */
export const REPORTING_LINE_MESSAGES = {
    self: 'Nobody can report to themselves.',
    cycle: 'That change would make a reporting loop: the new manager already reports, directly or not, to this person.'
} as const;

const keepUniqueKey = (sobject: string): SaveBehaviour => ({
    beforeSave(_store, record) {
        record.Unique_Key__c = uniqueKeyOf(sobject, record);
    }
});

const planStatus: SaveBehaviour = {
    beforeSave(_store, record, prior) {
        const from = prior ? (prior.Status__c as string | null) : null;
        const to = record.Status__c as string | null;
        if (prior && !isPlanStatusChangeAllowed(from, to)) {
            throw new DmlError(
                'FIELD_CUSTOM_VALIDATION_EXCEPTION',
                planStatusChangeMessage(String(from), String(to)),
                ['Status__c']
            );
        }
    }
};

// StanceObservationService.stancesBeingObserved: contacts whose stance a recorded observation is
// setting right now, with that stance; the observation exists, so the change must not record it again.
const stancesBeingObserved = new WeakMap<OrgStore, Map<string, string>>();

/**
 * Runs `work` (which sets contacts' stances from observations just recorded) without the stance-change
 * behaviour recording those same stances a second time.
 */
export function whileObservingStances<T>(store: OrgStore, stances: Map<string, string>, work: () => T): T {
    stancesBeingObserved.set(store, stances);
    try {
        return work();
    } finally {
        stancesBeingObserved.delete(store);
    }
}

const stanceObservation: SaveBehaviour = {
    afterSave(store, record, prior) {
        const stance = record.Stance__c;
        if (!stance || (prior && prior.Stance__c === stance)) return;
        if (stancesBeingObserved.get(store)?.get(record.Id) === stance) return;
        store.insert('Stance_Observation__c', {
            Contact__c: record.Id,
            Observed_On__c: store.today,
            Stance__c: stance as string,
            Source__c: 'Stance Change'
        });
    }
};

// ReportingLineTriggerAction: any save of a new manager (the org chart, a record form, a data load)
// that would close a loop is refused. The emulator saves one record at a time, so the walk reads the
// saved lines; it follows managers in every account, as the Apex reads them in system mode. Only the
// chain above the new manager is read (not every contact), so loading 20,000 people stays linear.
const reportingLine: SaveBehaviour = {
    beforeSave(store, record, prior) {
        const managerId = (record.ReportsToId as string | null | undefined) ?? null;
        if (!prior || managerId === null || managerId === ((prior.ReportsToId as string | null) ?? null))
            return;
        const lines = new Map<string, string | null>([
            [record.Id, (prior.ReportsToId as string | null) ?? null]
        ]);
        for (let at: string | null = managerId; at !== null && !lines.has(at);) {
            const next: string | null = (store.get(at)?.ReportsToId as string | null | undefined) ?? null;
            lines.set(at, next);
            at = next;
        }
        const refusal = moveRefusal(lines, record.Id, managerId);
        if (refusal === 'self' || refusal === 'cycle')
            throw new DmlError('FIELD_CUSTOM_VALIDATION_EXCEPTION', REPORTING_LINE_MESSAGES[refusal], [
                'ReportsToId'
            ]);
    }
};

// the emulator saves one record at a time, so a batch's duplicates meet as saved siblings
const buyingCenterName: SaveBehaviour = {
    beforeSave(store, record, prior) {
        const keyOf = (center: SObjectRecord): string | null =>
            siblingKey(
                center.Account__c as string | null,
                center.Parent_Buying_Center__c as string | null,
                center.Name as string | null
            );
        const key = keyOf(record);
        if (key === null || (prior && keyOf(prior) === key)) return;
        const siblings = store
            .all('Buying_Center__c')
            .filter((center) => center.Id !== record.Id && center.Account__c === record.Account__c)
            .map(keyOf)
            .filter((sibling): sibling is string => sibling !== null);
        if (refusedIndexes(siblings, [key]).length)
            throw new DmlError(
                'FIELD_CUSTOM_VALIDATION_EXCEPTION',
                duplicateBuyingCenterMessage(String(record.Name)),
                ['Name']
            );
    }
};

function healthScore(weights: Record<string, number>): SaveBehaviour {
    return {
        afterSave(store, record) {
            const assessmentId = record.Health_Assessment__c;
            if (typeof assessmentId !== 'string') return;
            const scores = store
                .all('Health_Score__c')
                .filter((score) => score.Health_Assessment__c === assessmentId)
                .map((score) => ({ dimension: String(score.Dimension__c), score: Number(score.Score__c) }));
            store.update(assessmentId, { Overall_Score__c: overallHealthScore(scores, weights) });
        }
    };
}

/** Keystone Trigger Setting records by name: false for a switched-off action (others run). */
export function triggerSettings(forceApp: string = FORCE_APP): Record<string, boolean> {
    const records = loadCustomMetadata(forceApp).Keystone_Trigger_Setting ?? {};
    return Object.fromEntries(
        Object.entries(records).map(([name, values]) => [name, values.Active__c !== 'false'])
    );
}

/**
 * Installs the behaviours on a store; `dimensionWeights` come from Keystone Health Dimension metadata,
 * `settings` (Keystone Trigger Setting records, by name) switch actions off as in an org.
 */
export function installBehaviours(
    store: OrgStore,
    dimensionWeights: Record<string, number>,
    settings: Record<string, boolean> = triggerSettings()
): void {
    // names as KeystoneTriggerService.settingName gives them: the class name without TriggerAction
    const on = (name: string, behaviour: SaveBehaviour): SaveBehaviour[] =>
        Object.hasOwn(settings, name) && settings[name] === false ? [] : [behaviour];
    store.behaviours = {
        Landscape_Cell__c: on('Unique_Key', keepUniqueKey('Landscape_Cell__c')),
        Buying_Center__c: on('Buying_Center_Name', buyingCenterName),
        Stakeholder_Link__c: on('Unique_Key', keepUniqueKey('Stakeholder_Link__c')),
        Health_Score__c: [
            ...on('Unique_Key', keepUniqueKey('Health_Score__c')),
            ...on('Health_Score', healthScore(dimensionWeights))
        ],
        Account_Plan__c: on('Plan_Status', planStatus),
        Contact: [...on('Reporting_Line', reportingLine), ...on('Stance_Change', stanceObservation)]
    };
}

export type { SObjectRecord };
