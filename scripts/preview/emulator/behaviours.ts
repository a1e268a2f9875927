// The preview's equivalents of Keystone's Apex trigger actions: keep unique keys, refuse illegal plan
// status moves, record a stance observation when a contact's stance changes, keep the overall health
// score. The rules themselves live in rules.ts and are checked against the shared vectors.
import { DmlError, type OrgStore, type SaveBehaviour, type SObjectRecord } from './store';
import { isPlanStatusChangeAllowed, overallHealthScore, planStatusChangeMessage, uniqueKeyOf } from './rules';
import { duplicateBuyingCenterMessage, refusedIndexes, siblingKey } from './buyingCenterNames';

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

/** Installs the behaviours on a store; `dimensionWeights` come from Keystone Health Dimension metadata. */
export function installBehaviours(store: OrgStore, dimensionWeights: Record<string, number>): void {
    store.behaviours = {
        Landscape_Cell__c: [keepUniqueKey('Landscape_Cell__c')],
        Buying_Center__c: [buyingCenterName],
        Stakeholder_Link__c: [keepUniqueKey('Stakeholder_Link__c')],
        Health_Score__c: [keepUniqueKey('Health_Score__c'), healthScore(dimensionWeights)],
        Account_Plan__c: [planStatus],
        Contact: [stanceObservation]
    };
}

export type { SObjectRecord };
