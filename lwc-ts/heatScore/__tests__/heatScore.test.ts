import { coldestFactors, heatOf, type HeatInput, type HeatSettings } from 'c/heatScore';
import { defaultHeatSettings } from './defaultHeatSettings';

const TODAY = '2026-11-22';
const settings = defaultHeatSettings();
const simple: HeatSettings = {
    ...settings,
    stanceWeight: 1,
    strengthWeight: 1,
    influenceWeight: 0,
    recencyWeight: 0
};

describe('heatOf', () => {
    it.each([
        ['a trusted champion', { stance: 'Champion', relationshipStrength: 5 }, 1, 'warm'],
        ['a weak blocker', { stance: 'Blocker', relationshipStrength: 1 }, 0, 'cold'],
        ['a neutral middle', { stance: 'Neutral', relationshipStrength: 3 }, 0.5, 'neutral'],
        ['a detractor we know well', { stance: 'Detractor', relationshipStrength: 5 }, 0.625, 'neutral'],
        ['only the stance is known: it decides alone', { stance: 'Supporter' }, 0.75, 'warm'],
        ['nothing known', {}, null, 'unknown'],
        ['an unknown stance value is unknown, not cold', { stance: 'Enthusiast' }, null, 'unknown'],
        ['strength outside 1–5 is clamped', { stance: 'Champion', relationshipStrength: 9 }, 1, 'warm'],
        ['NaN strength is unknown', { stance: 'Champion', relationshipStrength: Number.NaN }, 1, 'warm']
    ] as [string, HeatInput, number | null, string][])('%s', (_name, input, score, band) => {
        const result = heatOf(input, simple, TODAY);
        expect(result.score).toBe(score);
        expect(result.band).toBe(band);
    });

    it('colours the bands from the settings', () => {
        expect(heatOf({ stance: 'Champion' }, settings, TODAY).colour).toBe(settings.warmColour);
        expect(heatOf({ stance: 'Blocker' }, settings, TODAY).colour).toBe(settings.coldColour);
        expect(heatOf({ stance: 'Neutral' }, settings, TODAY).colour).toBe(settings.neutralColour);
        expect(heatOf({}, settings, TODAY).colour).toBe(settings.unknownColour);
    });

    it('reads influence alone as unknown: it says how much someone weighs, not how warm we are', () => {
        for (const influence of [1, 5]) {
            const alone = heatOf({ influence }, settings, TODAY);
            expect(alone.band).toBe('unknown');
            expect(alone.colour).toBe(settings.unknownColour);
        }
        expect(heatOf({ influence: 1, stance: 'Champion' }, settings, TODAY).band).not.toBe('unknown');
    });

    it.each([
        ['today', '2026-11-22', 1],
        ['45 days ago of 90', '2026-10-08', 0.5],
        ['beyond the window', '2025-01-01', 0],
        ['a future date counts as today', '2026-12-01', 1]
    ])('recency: last activity %s', (_name, date, value) => {
        const result = heatOf({ lastActivityDate: date }, { ...settings, recencyDays: 90 }, TODAY);
        expect(result.factors.find((factor) => factor.factor === 'recency')?.value).toBeCloseTo(value, 5);
    });

    it('explains itself: shares of known factors add up to one, contributions to the score', () => {
        const result = heatOf(
            { stance: 'Detractor', relationshipStrength: 2, influence: 5, lastActivityDate: '2026-09-01' },
            settings,
            TODAY
        );
        const known = result.factors.filter((factor) => factor.known);
        expect(known).toHaveLength(4);
        expect(known.reduce((sum, factor) => sum + factor.share, 0)).toBeCloseTo(1, 10);
        expect(known.reduce((sum, factor) => sum + factor.contribution, 0)).toBeCloseTo(
            result.score as number,
            2
        );
        expect(coldestFactors(result).map((factor) => factor.factor)).toEqual(['recency', 'stance']);
    });

    it('ignores negative weights and crossed thresholds safely', () => {
        const odd: HeatSettings = { ...simple, stanceWeight: -1, warmThreshold: 0.3, coldThreshold: 0.6 };
        const result = heatOf({ stance: 'Blocker', relationshipStrength: 3 }, odd, TODAY);
        expect(result.factors.find((factor) => factor.factor === 'stance')?.share).toBe(0);
        expect(result.band).toBe('warm');
    });

    it('never throws on generated stakeholders and always scores within 0–1', () => {
        const stances = ['Champion', 'Supporter', 'Neutral', 'Detractor', 'Blocker', null, undefined, ''];
        const problems: string[] = [];
        for (let i = 0; i < 2000; i++) {
            const result = heatOf(
                {
                    stance: stances[i % stances.length],
                    relationshipStrength: i % 7 === 0 ? null : (i % 6) - 0.5,
                    influence: i % 5 === 0 ? undefined : i % 6,
                    lastActivityDate: i % 3 === 0 ? null : `2026-${String((i % 12) + 1).padStart(2, '0')}-15`
                },
                settings,
                TODAY
            );
            const inRange =
                result.score === null ? result.band === 'unknown' : result.score >= 0 && result.score <= 1;
            if (!inRange) problems.push(`case ${i}: ${JSON.stringify(result)}`);
        }
        expect(problems).toEqual([]);
    });
});
