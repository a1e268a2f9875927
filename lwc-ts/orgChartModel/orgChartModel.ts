// Turns the org chart controller's pages into what the chart draws: the hierarchy, and for each person
// a card (name, title, role, colour by heat, stance or strength, flags a KAM must see), all DOM-free.
import { buildHierarchy, type Hierarchy } from 'c/orgHierarchy';
import { heatOf, STANCE_VALUES, type HeatFactorName, type HeatResult, type HeatSettings } from 'c/heatScore';
import decisionMakerLabel from '@salesforce/label/c.Keystone_Flag_Decision_Maker';
import leavingLabel from '@salesforce/label/c.Keystone_Flag_Leaving';
import competitorLabel from '@salesforce/label/c.Keystone_Flag_Competitor';
import noOwnerLabel from '@salesforce/label/c.Keystone_Flag_No_Owner';
import factorLabel from '@salesforce/label/c.Keystone_Heat_Factor';
import factorUnknownLabel from '@salesforce/label/c.Keystone_Heat_Factor_Unknown';
import stanceFactorLabel from '@salesforce/label/c.Keystone_Factor_Stance';
import strengthFactorLabel from '@salesforce/label/c.Keystone_Factor_Strength';
import influenceFactorLabel from '@salesforce/label/c.Keystone_Factor_Influence';
import recencyFactorLabel from '@salesforce/label/c.Keystone_Factor_Recency';
import { formatLabel } from 'c/keystoneText';
import type { Stakeholder } from 'c/orgChartData';

/** What a card is drawn from: the stakeholder fields the chart reads. */
export type ChartPerson = Pick<
    Stakeholder,
    | 'id'
    | 'name'
    | 'title'
    | 'reportsToId'
    | 'decisionRole'
    | 'stance'
    | 'influence'
    | 'relationshipStrength'
    | 'relationshipOwnerId'
    | 'relationshipOwnerName'
    | 'competitorChampion'
    | 'leaving'
    | 'lastActivityDate'
    | 'openCases'
    | 'recentStances'
>;

export type ColourBy = 'heat' | 'stance' | 'strength';
export type FlagKind = 'decision-maker' | 'leaving' | 'competitor' | 'no-owner';
export type Trend = 'warming' | 'cooling' | 'steady' | 'none';

export interface Card {
    id: string;
    name: string;
    title: string;
    role: string;
    colour: string;
    heat: HeatResult;
    ownerInitials: string;
    trend: Trend;
    flags: { kind: FlagKind; label: string }[];
    /** Lower-case text the search matches. */
    searchText: string;
}

export interface OrgChartModel {
    hierarchy: Hierarchy;
    cards: Card[];
}

/** Initials of a person's name ("Alex Morgan" → "AM"), at most two letters. */
export function initials(name: string | null | undefined): string {
    const parts = (name ?? '').trim().split(/\s+/).filter(Boolean);
    if (!parts.length) return '';
    const first = parts[0]!.charAt(0);
    const last = parts.length > 1 ? parts[parts.length - 1]!.charAt(0) : '';
    return (first + last).toUpperCase();
}

/** Whether the stance warmed or cooled across the recent observations (newest first). */
export function stanceTrend(recent: readonly { stance: string }[] | null | undefined): Trend {
    const ranks = (recent ?? [])
        .map((observation) => STANCE_VALUES[observation.stance])
        .filter((rank): rank is number => rank !== undefined);
    if (ranks.length < 2) return 'none';
    const newest = ranks[0]!;
    const oldest = ranks[ranks.length - 1]!;
    return newest > oldest ? 'warming' : newest < oldest ? 'cooling' : 'steady';
}

function flagsOf(person: ChartPerson): Card['flags'] {
    const flags: Card['flags'] = [];
    if (person.decisionRole === 'Decision Maker' || person.decisionRole === 'Economic Buyer')
        flags.push({ kind: 'decision-maker', label: decisionMakerLabel });
    if (person.leaving) flags.push({ kind: 'leaving', label: leavingLabel });
    if (person.competitorChampion)
        flags.push({ kind: 'competitor', label: competitorLabel.replace('{0}', person.competitorChampion) });
    if (!person.relationshipOwnerId) flags.push({ kind: 'no-owner', label: noOwnerLabel });
    return flags;
}

function colourOf(person: ChartPerson, heat: HeatResult, colourBy: ColourBy, settings: HeatSettings): string {
    if (colourBy === 'heat') return heat.colour;
    const value =
        colourBy === 'stance'
            ? person.stance && STANCE_VALUES[person.stance] !== undefined
                ? STANCE_VALUES[person.stance]!
                : null
            : typeof person.relationshipStrength === 'number'
              ? (person.relationshipStrength - 1) / 4
              : null;
    if (value === null) return settings.unknownColour;
    return value >= 0.75 ? settings.warmColour : value < 0.5 ? settings.coldColour : settings.neutralColour;
}

/** The model of every loaded page together. */
export function buildOrgChart(
    stakeholders: readonly ChartPerson[],
    settings: HeatSettings,
    colourBy: ColourBy,
    today: string
): OrgChartModel {
    const hierarchy = buildHierarchy(
        stakeholders.map((person) => ({ id: person.id, reportsToId: person.reportsToId }))
    );
    const byId = new Map(stakeholders.map((person) => [person.id, person]));
    const cards = hierarchy.ids.map((id): Card => {
        const person = byId.get(id)!;
        const heat = heatOf(person, settings, today);
        const name = person.name ?? '';
        const title = person.title ?? '';
        return {
            id,
            name,
            title,
            role: person.decisionRole ?? '',
            colour: colourOf(person, heat, colourBy, settings),
            heat,
            ownerInitials: initials(person.relationshipOwnerName),
            trend: stanceTrend(person.recentStances),
            flags: flagsOf(person),
            searchText: `${name} ${title} ${person.decisionRole ?? ''}`
        };
    });
    return { hierarchy, cards };
}

const FACTOR_LABELS: Record<HeatFactorName, string> = {
    stance: stanceFactorLabel,
    strength: strengthFactorLabel,
    influence: influenceFactorLabel,
    recency: recencyFactorLabel
};

/**
 * "Why is this red": one line per heat factor, the ones that pull the score down most first, unknown
 * factors last (they do not count).
 */
export function heatExplanation(heat: HeatResult): { key: string; text: string; known: boolean }[] {
    return [...heat.factors]
        .filter((factor) => factor.weight > 0)
        .sort((a, b) => {
            if (a.known !== b.known) return a.known ? -1 : 1;
            // the points each factor loses the score, largest first
            return b.share - b.contribution - (a.share - a.contribution);
        })
        .map((factor) => ({
            key: factor.factor,
            known: factor.known,
            text: factor.known
                ? formatLabel(
                      factorLabel,
                      FACTOR_LABELS[factor.factor],
                      Math.round(factor.value * 100),
                      Math.round(factor.share * 100)
                  )
                : formatLabel(factorUnknownLabel, FACTOR_LABELS[factor.factor])
        }));
}
