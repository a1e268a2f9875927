// How warm our relationship with a stakeholder is, and why: a weighted score over stance, relationship
// strength, influence and recency, with weights, bands and colours from Keystone Heat Settings.

export type HeatBand = 'warm' | 'neutral' | 'cold' | 'unknown';
export type HeatFactorName = 'stance' | 'strength' | 'influence' | 'recency';

/** Keystone_Heat_Setting__mdt as the controller returns it. */
export interface HeatSettings {
    stanceWeight: number;
    strengthWeight: number;
    influenceWeight: number;
    recencyWeight: number;
    /** After this many days without contact, recency counts as fully cold. */
    recencyDays: number;
    warmThreshold: number;
    coldThreshold: number;
    warmColour: string;
    neutralColour: string;
    coldColour: string;
    unknownColour: string;
}

/** What the score reads from a stakeholder; anything missing is unknown, not zero. */
export interface HeatInput {
    stance?: string | null;
    relationshipStrength?: number | null;
    influence?: number | null;
    /** ISO date of the last activity with the stakeholder. */
    lastActivityDate?: string | null;
}

/** One factor's part in the score: "why is this red". */
export interface HeatFactor {
    factor: HeatFactorName;
    known: boolean;
    /** 0 (cold) to 1 (warm); 0 when unknown. */
    value: number;
    /** The weight as configured. */
    weight: number;
    /** Share of the score this factor carries: weight / total weight of known factors. */
    share: number;
    /** value × share: the points this factor adds to the score. */
    contribution: number;
}

export interface HeatResult {
    /** 0 to 1, or null when nothing is known. */
    score: number | null;
    band: HeatBand;
    colour: string;
    factors: HeatFactor[];
}

/**
 * The stances from warmest to coldest: the one order Keystone uses, the same as the Keystone Stance global
 * value set's (a test holds them together).
 */
export const STANCE_ORDER: readonly string[] = ['Champion', 'Supporter', 'Neutral', 'Detractor', 'Blocker'];

/** How warm each stance is, evenly from 1 (the warmest) to 0 (the coldest), by STANCE_ORDER. */
export const STANCE_VALUES: Readonly<Record<string, number>> = Object.fromEntries(
    STANCE_ORDER.map((stance, index) => [stance, 1 - index / (STANCE_ORDER.length - 1)])
);

const MS_PER_DAY = 86_400_000;

function scale(value: number | null | undefined, low: number, high: number): number | null {
    if (typeof value !== 'number' || !Number.isFinite(value)) return null;
    return Math.min(1, Math.max(0, (value - low) / (high - low)));
}

function recencyValue(
    lastActivityDate: string | null | undefined,
    today: string,
    recencyDays: number
): number | null {
    if (!lastActivityDate) return null;
    const days =
        (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${lastActivityDate}T00:00:00Z`)) / MS_PER_DAY;
    if (!Number.isFinite(days)) return null;
    if (recencyDays <= 0) return days <= 0 ? 1 : 0;
    return Math.min(1, Math.max(0, 1 - Math.max(0, days) / recencyDays));
}

function weight(value: number): number {
    return Number.isFinite(value) && value > 0 ? value : 0;
}

/** Scores one stakeholder. Unknown factors are left out and the rest re-weighted, so missing data reads as unknown, not cold. */
export function heatOf(input: HeatInput, settings: HeatSettings, today: string): HeatResult {
    const raw: [HeatFactorName, number | null, number][] = [
        [
            'stance',
            input.stance ? (STANCE_VALUES[input.stance] ?? null) : null,
            weight(settings.stanceWeight)
        ],
        ['strength', scale(input.relationshipStrength, 1, 5), weight(settings.strengthWeight)],
        ['influence', scale(input.influence, 1, 5), weight(settings.influenceWeight)],
        [
            'recency',
            recencyValue(input.lastActivityDate, today, settings.recencyDays),
            weight(settings.recencyWeight)
        ]
    ];
    const knownWeight = raw.reduce((sum, [, value, w]) => sum + (value === null ? 0 : w), 0);
    const factors: HeatFactor[] = raw.map(([factor, value, w]) => {
        const known = value !== null;
        const share = known && knownWeight > 0 ? w / knownWeight : 0;
        return { factor, known, value: value ?? 0, weight: w, share, contribution: (value ?? 0) * share };
    });
    // influence says how much a person weighs, not how warm we are with them: with nothing known of the
    // relationship itself (stance, strength, recent contact) the heat is unknown, not cold
    const knowsRelationship = factors.some((factor) => factor.known && factor.factor !== 'influence');
    if (knownWeight <= 0 || !knowsRelationship) {
        return { score: null, band: 'unknown', colour: settings.unknownColour, factors };
    }
    const score = Math.round(factors.reduce((sum, factor) => sum + factor.contribution, 0) * 1000) / 1000;
    const cold = Math.min(settings.coldThreshold, settings.warmThreshold);
    const band: HeatBand = score >= settings.warmThreshold ? 'warm' : score < cold ? 'cold' : 'neutral';
    const colour =
        band === 'warm'
            ? settings.warmColour
            : band === 'cold'
              ? settings.coldColour
              : settings.neutralColour;
    return { score, band, colour, factors };
}

/** The factors that pull the score down most, coldest first: the answer to "why is this red". */
export function coldestFactors(result: HeatResult, limit = 2): HeatFactor[] {
    return result.factors
        .filter((factor) => factor.known && factor.share > 0)
        .sort((a, b) => a.value - b.value || b.share - a.share)
        .slice(0, limit);
}
