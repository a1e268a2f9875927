import { findInsights, type InfluenceLink } from 'c/orgInsights';
import type { Stakeholder } from 'c/orgChartData';
import { stakeholder } from '../../orgChartModel/__tests__/stakeholder';

function person(id: string, extra: Partial<Stakeholder> = {}): Stakeholder {
    return stakeholder({ id, name: id, title: null, ...extra });
}

const influences = (fromId: string, toContactId: string): InfluenceLink => ({
    fromId,
    toContactId,
    type: 'Influences'
});

describe('findInsights', () => {
    it('flags decision makers and economic buyers nobody owns', () => {
        const insights = findInsights(
            [
                person('a', { decisionRole: 'Decision Maker', relationshipOwnerId: null }),
                person('b', { decisionRole: 'Economic Buyer', relationshipOwnerId: null }),
                person('c', { decisionRole: 'Decision Maker' }),
                person('d', { decisionRole: 'User', relationshipOwnerId: null })
            ],
            []
        );
        expect(insights).toEqual([
            { kind: 'uncovered-decision-maker', contactId: 'a' },
            { kind: 'uncovered-decision-maker', contactId: 'b' }
        ]);
    });

    it.each([
        ['nobody else influences her target', [influences('priya', 'cio')], [], true],
        [
            'a colleague we know well influences the same person',
            [influences('priya', 'cio'), influences('tomas', 'cio')],
            [],
            false
        ],
        [
            'the other influencer is someone we barely know',
            [influences('priya', 'cio'), influences('weak', 'cio')],
            [],
            true
        ],
        ['no links: a strong relationship in her buying center covers her', [], ['strong'], false],
        ['no links and nobody strong in her buying center', [], [], true]
    ] as [string, InfluenceLink[], string[], boolean][])(
        'a leaving influencer: %s',
        (_name, links, sameCenter, expected) => {
            const people = [
                person('priya', {
                    leaving: true,
                    influence: 5,
                    relationshipStrength: 5,
                    buyingCenterId: 'cioOrg'
                }),
                person('cio', { buyingCenterId: 'cioOrg' }),
                person('tomas', { relationshipStrength: 4, buyingCenterId: 'other' }),
                person('weak', { relationshipStrength: 1, buyingCenterId: 'other' }),
                ...sameCenter.map((id) => person(id, { relationshipStrength: 5, buyingCenterId: 'cioOrg' }))
            ];
            const flagged = findInsights(people, links).some(
                (insight) => insight.kind === 'leaving-without-backup'
            );
            expect(flagged).toBe(expected);
        }
    );

    it('flags detractors and blockers with influence 4 or 5 only', () => {
        const insights = findInsights(
            [
                person('victor', { stance: 'Detractor', influence: 5 }),
                person('block', { stance: 'Blocker', influence: 4 }),
                person('mild', { stance: 'Detractor', influence: 3 }),
                person('fan', { stance: 'Champion', influence: 5 })
            ],
            []
        );
        expect(insights.map((insight) => insight.contactId)).toEqual(['victor', 'block']);
    });

    it('flags a buying center hanging on one real relationship', () => {
        const insights = findInsights(
            [
                person('jeanluc', { relationshipStrength: 4, buyingCenterId: 'heli' }),
                person('claire', { buyingCenterId: 'heli' }),
                person('pavel', { relationshipStrength: 1, buyingCenterId: 'heli' }),
                person('a', { relationshipStrength: 4, buyingCenterId: 'cio' }),
                person('b', { relationshipStrength: 3, buyingCenterId: 'cio' }),
                person('alone', { relationshipStrength: 5, buyingCenterId: 'tiny' })
            ],
            []
        );
        expect(insights).toEqual([{ kind: 'single-threaded', contactId: 'jeanluc' }]);
    });

    it('finds nothing in an empty account', () => {
        expect(findInsights([], [])).toEqual([]);
    });
});
