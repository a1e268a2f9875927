import { buildOrgChart, heatExplanation, initials, stanceTrend } from 'c/orgChartModel';
import { heatOf } from 'c/heatScore';
import type { HeatSettings } from 'c/heatScore';
import { defaultHeatSettings } from '../../heatScore/__tests__/defaultHeatSettings';
import { stakeholder as person } from './stakeholder';

const settings: HeatSettings = defaultHeatSettings();

describe('initials', () => {
    it.each([
        ['Alex Morgan', 'AM'],
        ['Jean-Luc de la Moreau', 'JM'],
        ['Cher', 'C'],
        ['  ', ''],
        [null, ''],
        ['léa fontaine', 'LF']
    ])('%j → %j', (name, expected) => {
        expect(initials(name)).toBe(expected);
    });
});

describe('stanceTrend (newest first)', () => {
    it.each([
        [[], 'none'],
        [[{ stance: 'Neutral' }], 'none'],
        [[{ stance: 'Neutral' }, { stance: 'Supporter' }, { stance: 'Champion' }], 'cooling'],
        [[{ stance: 'Champion' }, { stance: 'Detractor' }], 'warming'],
        [[{ stance: 'Neutral' }, { stance: 'Neutral' }], 'steady'],
        [[{ stance: 'Unheard of' }, { stance: 'Neutral' }], 'none']
    ])('%j is %s', (recent, expected) => {
        expect(stanceTrend(recent)).toBe(expected);
    });
});

describe('buildOrgChart', () => {
    const people = [
        person({
            id: 'ceo',
            name: 'Helena Marsh',
            decisionRole: 'Decision Maker',
            stance: 'Neutral',
            relationshipStrength: 2
        }),
        person({
            id: 'victor',
            reportsToId: 'ceo',
            name: 'Victor Hale',
            decisionRole: 'Decision Maker',
            stance: 'Detractor',
            relationshipStrength: 2,
            relationshipOwnerId: null,
            relationshipOwnerName: null
        }),
        person({
            id: 'priya',
            reportsToId: 'ceo',
            name: 'Priya Natarajan',
            stance: 'Champion',
            relationshipStrength: 5,
            leaving: true
        }),
        person({
            id: 'daniel',
            reportsToId: 'ceo',
            name: 'Daniel Brandt',
            competitorChampion: 'Brightwave Consulting'
        }),
        person({ id: 'hidden', reportsToId: 'gone', name: null, title: null })
    ];
    const model = buildOrgChart(people, settings, 'heat', '2026-11-22');
    const card = (id: string) => model.cards[model.hierarchy.indexById.get(id)!]!;

    it('shows the flags a key account manager must see', () => {
        expect(card('victor').flags.map((flag) => flag.kind)).toEqual(['decision-maker', 'no-owner']);
        expect(card('priya').flags.map((flag) => flag.label)).toEqual(['Leaving']);
        expect(card('daniel').flags.map((flag) => flag.label)).toEqual(['Champions Brightwave Consulting']);
    });

    it('colours by heat: a trusted champion is warm, a detractor cold, unknown grey', () => {
        expect(card('priya').colour).toBe(settings.warmColour);
        expect(card('victor').colour).toBe(settings.coldColour);
        expect(card('daniel').colour).toBe(settings.unknownColour);
    });

    it('colours by stance or strength on request', () => {
        const byStance = buildOrgChart(people, settings, 'stance', '2026-11-22');
        const byStrength = buildOrgChart(people, settings, 'strength', '2026-11-22');
        const index = model.hierarchy.indexById.get('ceo')!;
        expect(byStance.cards[index]!.colour).toBe(settings.neutralColour);
        expect(byStrength.cards[index]!.colour).toBe(settings.coldColour);
    });

    it('keeps unreadable values empty and puts people with a missing manager under the account', () => {
        expect(card('hidden').name).toBe('');
        expect(model.hierarchy.issues).toEqual([{ kind: 'manager-not-visible', contactId: 'hidden' }]);
        expect(card('ceo').ownerInitials).toBe('AM');
    });
});

describe('heatExplanation ("why is this red")', () => {
    it('lists the factors that cost the most points first and unknown ones last, not counted', () => {
        const heat = heatOf(
            { stance: 'Blocker', relationshipStrength: 5, influence: null, lastActivityDate: null },
            settings,
            '2026-11-22'
        );
        const lines = heatExplanation(heat);
        expect(lines.map((line) => line.key)).toEqual(['stance', 'strength', 'influence', 'recency']);
        expect(lines[0]!.text).toMatch(/^Stance: 0% warm, \d+% of the score$/);
        expect(lines[1]!.text).toMatch(/^Relationship strength: 100% warm/);
        expect(lines.slice(2).every((line) => !line.known && /unknown, not counted/.test(line.text))).toBe(
            true
        );
    });

    it('gives shares of the known factors that add up to the whole score', () => {
        const heat = heatOf(
            { stance: 'Neutral', relationshipStrength: 3, influence: 4, lastActivityDate: '2026-11-01' },
            settings,
            '2026-11-22'
        );
        const shares = heatExplanation(heat).map((line) => Number(/(\d+)% of the score/.exec(line.text)![1]));
        expect(Math.abs(shares.reduce((sum, share) => sum + share, 0) - 100)).toBeLessThanOrEqual(2);
    });

    it('leaves out factors an admin weighted at zero', () => {
        const heat = heatOf({ stance: 'Champion' }, { ...settings, recencyWeight: 0 }, '2026-11-22');
        expect(heatExplanation(heat).map((line) => line.key)).not.toContain('recency');
    });
});
