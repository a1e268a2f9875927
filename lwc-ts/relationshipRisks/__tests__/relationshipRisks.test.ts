import {
    buildRelationshipGraph,
    type GraphInput,
    type GraphLinkInput,
    type GraphPerson,
    type GraphProblem
} from 'c/relationshipGraph';
import { coverage } from 'c/relationshipPaths';
import { findRisks, HIGH_INFLUENCE, RISK_ORDER, type Risk, type RiskKind } from 'c/relationshipRisks';
import { generatedInput } from '../../relationshipGraph/__tests__/generatedGraphs';
import { demoGraphInput } from './demoGraph';

const person = (id: string, extra: Partial<GraphPerson> = {}): GraphPerson => ({ id, name: id, ...extra });
const tie = (fromId: string, to: string, type = 'Collaborates', strength = 4): GraphLinkInput => ({
    fromId,
    toContactId: to,
    type,
    strength
});

function risksOf(input: GraphInput, kind?: RiskKind): Risk[] {
    const { risks } = findRisks(buildRelationshipGraph(input));
    return kind ? risks.filter((risk) => risk.kind === kind) : risks;
}

const summary = (risks: Risk[]): string[] =>
    risks.map((risk) => `${risk.kind} ${risk.personId ?? risk.centerId}: ${risk.people.join(',')}`);

describe('findRisks, rule by rule', () => {
    it('flags a decision maker we do not reach, and one we reach through one path only', () => {
        const input: GraphInput = {
            contacts: [
                person('far', { decisionRole: 'Decision Maker' }),
                person('one', { decisionRole: 'Economic Buyer', relationshipOwnerId: 'u1' }),
                person('two', { decisionRole: 'Decision Maker', relationshipOwnerId: 'u1' }),
                person('helper', { relationshipOwnerId: 'u2' })
            ],
            users: [{ id: 'u1' }, { id: 'u2' }],
            links: [tie('helper', 'two')]
        };
        expect(summary(risksOf(input, 'unreached-decision-maker'))).toEqual([
            'unreached-decision-maker far: far'
        ]);
        expect(summary(risksOf(input, 'single-threaded-decision-maker'))).toEqual([
            'single-threaded-decision-maker one: one,u1'
        ]);
    });

    it('flags buying centers with one way in or none, naming the path or the people', () => {
        const input: GraphInput = {
            contacts: [
                person('a', { buyingCenterId: 'single', relationshipOwnerId: 'u1' }),
                person('b', { buyingCenterId: 'single' }),
                person('c', { buyingCenterId: 'dark' }),
                person('d', { buyingCenterId: 'double', relationshipOwnerId: 'u1' }),
                person('e', { buyingCenterId: 'double', relationshipOwnerId: 'u2' })
            ],
            users: [{ id: 'u1' }, { id: 'u2' }],
            buyingCenters: [{ id: 'single' }, { id: 'dark' }, { id: 'double' }, { id: 'empty' }]
        };
        expect(summary(risksOf(input).filter((risk) => risk.centerId))).toEqual([
            'unreached-buying-center dark: c',
            'single-threaded-buying-center single: u1,a'
        ]);
    });

    it('names the people we would lose with a person our reach hangs on', () => {
        const [risk] = risksOf(
            {
                contacts: [person('bridge', { relationshipOwnerId: 'u1' }), person('x'), person('y')],
                users: [{ id: 'u1' }, { id: 'u2' }],
                links: [
                    tie('bridge', 'x'),
                    tie('x', 'y'),
                    { fromId: 'bridge', toUserId: 'u2', type: 'Owns Relationship' }
                ]
            },
            'cut-person'
        );
        expect(risk).toEqual(
            expect.objectContaining({ personId: 'bridge', people: ['bridge', 'x', 'y'], lost: ['x', 'y'] })
        );
    });

    describe('a leaving influencer', () => {
        const base = (extra: GraphLinkInput[], others: GraphPerson[] = []): GraphInput => ({
            contacts: [
                person('leaver', {
                    leaving: true,
                    influence: HIGH_INFLUENCE,
                    relationshipOwnerId: 'u1',
                    buyingCenterId: 'bc'
                }),
                person('boss', { relationshipOwnerId: 'u1' }),
                ...others
            ],
            users: [{ id: 'u1' }],
            links: [tie('leaver', 'boss', 'Influences'), ...extra]
        });

        it('with nobody else swaying the people they sway is flagged, naming those people', () => {
            expect(summary(risksOf(base([]), 'leaving-without-backup'))).toEqual([
                'leaving-without-backup leaver: leaver,boss'
            ]);
        });

        it('is backed up by someone we reach who also sways them', () => {
            const input = base(
                [tie('backup', 'boss', 'Mentors')],
                [person('backup', { relationshipOwnerId: 'u1' })]
            );
            expect(risksOf(input, 'leaving-without-backup')).toEqual([]);
        });

        it.each<[string, Partial<GraphPerson>]>([
            ['we do not reach', { relationshipOwnerId: null }],
            ['is leaving too', { relationshipOwnerId: 'u1', leaving: true }]
        ])('is not backed up by someone who %s', (_name, backup) => {
            // a weak tie: the backup's sway is recorded, but it is no way for us to reach them
            const input = base([tie('backup', 'boss', 'Influences', 1)], [person('backup', backup)]);
            expect(risksOf(input, 'leaving-without-backup')).toHaveLength(1);
        });

        it('with no recorded influence is backed up by an influential person we reach in their group', () => {
            const alone: GraphInput = {
                contacts: [
                    person('leaver', {
                        leaving: true,
                        influence: 5,
                        buyingCenterId: 'bc',
                        relationshipOwnerId: 'u1'
                    }),
                    person('peer', { influence: HIGH_INFLUENCE, buyingCenterId: 'bc' })
                ],
                users: [{ id: 'u1' }]
            };
            expect(risksOf(alone, 'leaving-without-backup')).toHaveLength(1);
            alone.contacts = [alone.contacts[0]!, { ...alone.contacts[1]!, relationshipOwnerId: 'u1' }];
            expect(risksOf(alone, 'leaving-without-backup')).toEqual([]);
        });

        it('below high influence is not flagged', () => {
            const input = base([]);
            input.contacts = [{ ...input.contacts[0]!, influence: HIGH_INFLUENCE - 1 }, input.contacts[1]!];
            expect(risksOf(input, 'leaving-without-backup')).toEqual([]);
        });
    });

    it.each<[string, Partial<GraphPerson>, boolean]>([
        ['a detractor of high influence', { stance: 'Detractor', influence: HIGH_INFLUENCE }, true],
        ['a blocker of top influence', { stance: 'Blocker', influence: 5 }, true],
        ['a detractor of middling influence', { stance: 'Detractor', influence: HIGH_INFLUENCE - 1 }, false],
        ['an influential supporter', { stance: 'Supporter', influence: 5 }, false]
    ])('influential detractors: %s', (_name, extra, flagged) => {
        expect(risksOf({ contacts: [person('p', extra)] }, 'influential-detractor')).toHaveLength(
            flagged ? 1 : 0
        );
    });

    it('flags a competitor champion who sways a decision maker, or is one', () => {
        const input: GraphInput = {
            contacts: [
                person('champ', { competitorChampion: 'Brightwave' }),
                person('quiet', { competitorChampion: 'Brightwave' }),
                person('signer', { competitorChampion: 'Other', decisionRole: 'Decision Maker' }),
                person('dm', { decisionRole: 'Economic Buyer' }),
                person('user')
            ],
            links: [
                tie('champ', 'dm', 'Influences', 1),
                tie('quiet', 'user', 'Influences'),
                tie('quiet', 'dm', 'Collaborates')
            ]
        };
        const risks = risksOf(input, 'competitor-champion');
        expect(risks.map((risk) => [risk.personId, risk.people, risk.competitor])).toEqual([
            ['champ', ['champ', 'dm'], 'Brightwave'],
            ['signer', ['signer'], 'Other']
        ]);
    });

    it('lists kinds in the order that loses a deal first', () => {
        const { risks } = findRisks(
            buildRelationshipGraph(
                generatedInput({
                    contacts: 300,
                    users: 4,
                    linksPerContact: 2,
                    owned: 0.1,
                    centers: 6,
                    seed: 3
                })
            )
        );
        const ranks = risks.map((risk) => RISK_ORDER.indexOf(risk.kind));
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
        expect(new Set(risks.map((risk) => risk.kind)).size).toBeGreaterThan(4);
    });

    // generated accounts with bad rows mixed in: they are counted, and change no path, cut or risk
    it.each([1, 2, 3, 4, 5, 6])('is not moved by bad rows (generated, seed %i)', (seed) => {
        const clean = generatedInput({
            contacts: 80,
            users: 3,
            linksPerContact: 1.5,
            owned: 0.15,
            centers: 4,
            seed
        });
        const links = clean.links!;
        const dirty: GraphInput = {
            ...clean,
            accountId: 'acc',
            contacts: [
                ...clean.contacts,
                person('elsewhere', { accountId: 'other', relationshipOwnerId: 'u0' })
            ],
            hiddenContactIds: ['secret'],
            links: [
                ...links,
                ...links.slice(0, 5).map((link) => ({ ...link, id: `${link.id}-again` })),
                ...links.slice(0, 4).map((link) => ({ ...link, toContactId: link.fromId })),
                tie('c1', 'elsewhere'),
                tie('secret', 'c2'),
                tie('c3', 'secret'),
                tie('c4', 'nobody'),
                { fromId: 'c5', toContactId: 'c6', toUserId: 'u0', type: 'Collaborates' }
            ]
        };
        const cleanGraph = buildRelationshipGraph(clean);
        const before = findRisks(cleanGraph);
        const graph = buildRelationshipGraph(dirty);
        const added = Object.fromEntries(
            Object.entries(graph.problems)
                .map(([problem, count]) => [problem, count - cleanGraph.problems[problem as GraphProblem]])
                .filter(([, count]) => count !== 0)
        );
        expect(added).toEqual({
            'duplicate-link': 5,
            'self-loop': 4,
            'outside-account': 2,
            'hidden-person': 2,
            'unknown-end': 1,
            'not-one-target': 1
        });
        const after = findRisks(graph);
        expect(after.risks).toEqual(before.risks);
        expect(after.cuts.cuts).toEqual(before.cuts.cuts);
        expect([...after.coverage.decisionMakers]).toEqual([...before.coverage.decisionMakers]);
    });

    it('finds nothing on an empty account', () => {
        expect(risksOf({ contacts: [] })).toEqual([]);
    });
});

describe('the demo story', () => {
    const risksIn = (account: string): Risk[] => risksOf(demoGraphInput(account));
    const kinds = (risks: Risk[], kind: RiskKind): string[] =>
        risks.filter((risk) => risk.kind === kind).map((risk) => risk.personId ?? risk.centerId ?? '');

    it('shows Aeronova’s planted risks, each with its people', () => {
        const risks = risksIn('AeronovaGroup');
        // Helicopters hangs on one relationship: Jordan's with its president
        expect(risks).toContainEqual(
            expect.objectContaining({
                kind: 'single-threaded-buying-center',
                centerId: 'BCHelicopters',
                people: ['ksJordan', 'JeanLucMoreau']
            })
        );
        // the CIO's deputy, our main influencer, is leaving and nobody else sways the CIO
        expect(risks).toContainEqual(
            expect.objectContaining({
                kind: 'leaving-without-backup',
                personId: 'PriyaNatarajan',
                lost: ['RafaelOkafor']
            })
        );
        // the influential detractor heading Commercial Aircraft
        expect(kinds(risks, 'influential-detractor')).toContain('VictorHale');
        // the procurement lead who champions Brightwave sways the CFO
        expect(risks).toContainEqual(
            expect.objectContaining({
                kind: 'competitor-champion',
                personId: 'DanielBrandt',
                people: ['DanielBrandt', 'MargaretOsei'],
                competitor: 'Brightwave Consulting'
            })
        );
        // Defence & Space: nobody of ours reaches its president
        expect(kinds(risks, 'unreached-decision-maker')).toEqual(['IngridSolberg']);
        expect(kinds(risks, 'unreached-buying-center')).toContain('BCDefenceSpace');
        // the CFO hangs on the detractor in procurement
        expect(risks).toContainEqual(
            expect.objectContaining({
                kind: 'cut-person',
                personId: 'DanielBrandt',
                lost: ['MargaretOsei', 'PatrickDoyle']
            })
        );
    });

    it('counts two independent ways to Aeronova’s CIO while the deputy stays', () => {
        const graph = buildRelationshipGraph(demoGraphInput('AeronovaGroup'));
        const cio = graph.indexById.get('RafaelOkafor')!;
        const paths = coverage(graph).decisionMakers.get(cio)!;
        expect(findRisks(graph).coverage.decisionMakers.get(cio)).toEqual({
            count: 2,
            paths: [],
            atLeast: true
        });
        expect(paths.count).toBe(2);
        expect(paths.paths.map((path) => path.map((i) => graph.nodes[i]!.id))).toEqual([
            ['ksAlex', 'RafaelOkafor'],
            ['ksSam', 'SamuelAdeyemi', 'PriyaNatarajan', 'RafaelOkafor']
        ]);
    });

    it('finds Meridian multi-threaded: no unreached decision maker, no leaver, no detractor, no champion', () => {
        const risks = risksIn('MeridianBank');
        for (const kind of [
            'unreached-decision-maker',
            'unreached-buying-center',
            'leaving-without-backup',
            'influential-detractor',
            'competitor-champion'
        ] as const)
            expect(kinds(risks, kind)).toEqual([]);
        expect(risks.length).toBeLessThan(risksIn('AeronovaGroup').length / 2);
    });
});
