// The coverage gaps a KAM must see on an account: decision makers nobody owns, an influential person
// leaving with no back-up, powerful detractors, buying centers hanging on one relationship.
import type { Stakeholder } from 'c/orgChartData';
import { DECISION_ROLES } from 'c/relationshipGraph';
import { AGAINST, HIGH_INFLUENCE } from 'c/relationshipRisks';

export type InsightKind =
    'uncovered-decision-maker' | 'leaving-without-backup' | 'influential-detractor' | 'single-threaded';

export interface Insight {
    kind: InsightKind;
    contactId: string;
}

export interface InfluenceLink {
    fromId: string | null;
    toContactId: string | null;
    type: string | null;
}

// who decides, who works against us and who is influential are the relationship map's definitions: both
// views must agree on them (the map then looks at the network, these gaps at owners and strengths)
const DECIDERS = DECISION_ROLES;
/** Relationship strength from which a relationship counts as real. */
const REAL = 3;

const strength = (person: Stakeholder): number => person.relationshipStrength ?? 0;
const influence = (person: Stakeholder): number => person.influence ?? 0;

/**
 * Finds the gaps. A leaving person's back-up is someone else we know well who influences the same
 * people; when the leaving person has no recorded influence links, someone we know well in the same
 * buying center. Results are ordered by kind, then by input order.
 */
export function findInsights(people: readonly Stakeholder[], links: readonly InfluenceLink[]): Insight[] {
    const byId = new Map(people.map((person) => [person.id, person]));
    const influences = links.filter((link) => link.type === 'Influences' && link.fromId && link.toContactId);
    const insights: Insight[] = [];
    const add = (kind: InsightKind, person: Stakeholder): void => {
        insights.push({ kind, contactId: person.id });
    };

    for (const person of people) {
        if (person.decisionRole && DECIDERS.has(person.decisionRole) && !person.relationshipOwnerId)
            add('uncovered-decision-maker', person);
    }
    for (const person of people) {
        if (!person.leaving || influence(person) < HIGH_INFLUENCE) continue;
        const targets = new Set(
            influences.filter((link) => link.fromId === person.id).map((link) => link.toContactId as string)
        );
        const isBackup = (other: Stakeholder): boolean =>
            other.id !== person.id && !other.leaving && strength(other) >= REAL;
        const covered = targets.size
            ? influences.some(
                  (link) =>
                      targets.has(link.toContactId as string) &&
                      link.fromId !== person.id &&
                      isBackup(byId.get(link.fromId as string) ?? person)
              )
            : people.some(
                  (other) =>
                      isBackup(other) &&
                      strength(other) > REAL &&
                      !!person.buyingCenterId &&
                      other.buyingCenterId === person.buyingCenterId
              );
        if (!covered) add('leaving-without-backup', person);
    }
    for (const person of people) {
        if (person.stance && AGAINST.has(person.stance) && influence(person) >= HIGH_INFLUENCE)
            add('influential-detractor', person);
    }
    const realByCenter = new Map<string, Stakeholder[]>();
    for (const person of people) {
        if (!person.buyingCenterId || strength(person) < REAL) continue;
        realByCenter.set(person.buyingCenterId, [...(realByCenter.get(person.buyingCenterId) ?? []), person]);
    }
    const centersWithPeople = new Map<string, number>();
    for (const person of people) {
        if (person.buyingCenterId)
            centersWithPeople.set(
                person.buyingCenterId,
                (centersWithPeople.get(person.buyingCenterId) ?? 0) + 1
            );
    }
    for (const [center, real] of realByCenter) {
        if (real.length === 1 && (centersWithPeople.get(center) ?? 0) > 1) add('single-threaded', real[0]!);
    }
    return insights;
}
