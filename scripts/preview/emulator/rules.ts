// Keystone's data rules as the preview applies them — the TypeScript side of rules Apex enforces in
// its trigger actions. Both suites check them against the shared KeystoneRuleVectors cases.
import { caseSafeSuffix } from './ids';

export const PLAN_STATUS_TRANSITIONS: Readonly<Record<string, readonly string[]>> = {
    Draft: ['In Review', 'Closed'],
    'In Review': ['Approved', 'Draft'],
    Approved: ['Closed', 'Draft'],
    Closed: []
};

/** Whether a plan may move from one status to another (staying put is always allowed). */
export function isPlanStatusChangeAllowed(from: string | null, to: string | null): boolean {
    if (!from || !to || from === to) return true;
    return PLAN_STATUS_TRANSITIONS[from]?.includes(to) ?? false;
}

export function planStatusChangeMessage(from: string, to: string): string {
    return `A plan in status ${from} cannot move to ${to}.`;
}

function id18(value: unknown): string {
    const text = value === null || value === undefined ? '' : String(value);
    return text.length === 15 ? text + caseSafeSuffix(text) : text;
}

/** The unique key Keystone keeps on cells, links and scores, so a pair is recorded once. */
export function uniqueKeyOf(sobject: string, fields: Record<string, unknown>): string | null {
    switch (sobject) {
        case 'Landscape_Cell__c':
            return `${id18(fields.Buying_Center__c)}:${id18(fields.Offering__c)}`;
        case 'Stakeholder_Link__c':
            return `${id18(fields.From_Contact__c)}:${id18(fields.To_Contact__c ?? fields.To_User__c)}:${String(fields.Link_Type__c ?? '')}`;
        case 'Health_Score__c':
            return `${id18(fields.Health_Assessment__c)}:${String(fields.Dimension__c ?? '')}`;
        default:
            return null;
    }
}

export interface DimensionScore {
    dimension: string;
    score: number;
}

/** Weighted mean of dimension scores, one decimal, halves up; a dimension without a weight counts once. */
export function overallHealthScore(
    scores: readonly DimensionScore[],
    weights: Readonly<Record<string, number>>
): number | null {
    let total = 0;
    let weightSum = 0;
    for (const { dimension, score } of scores) {
        const weight = weights[dimension] ?? 1;
        total += score * weight;
        weightSum += weight;
    }
    if (weightSum <= 0) return null;
    return Math.round((total / weightSum) * 10 + 1e-9) / 10;
}
