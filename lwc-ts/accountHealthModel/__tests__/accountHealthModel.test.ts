import { bandOf, buildHealthModel, buildTrend, latestPerMonth, type HealthTexts } from 'c/accountHealthModel';
import type { AccountHealthService_HealthView } from '@salesforce/apex/types';
import view from '../../accountHealth/__tests__/data/health.json';

const TEXTS: HealthTexts = {
    hygieneTitle: 'Hygiene',
    healthTitle: 'Health',
    hygieneSubtitle: 'The numbers',
    healthSubtitle: 'The position',
    scoreOf: '{0} of 100',
    noScore: 'No score yet',
    points: '{0} of {1} points',
    missingPart: 'no data',
    missingList: 'Not counted: {0}.',
    bandGood: 'Good',
    bandFair: 'Fair',
    bandWeak: 'Weak',
    trendPoint: '{0}: hygiene {1}, health {2}'
};
const data = view as unknown as AccountHealthService_HealthView;

describe('bandOf', () => {
    it.each([
        [100, 'good'],
        [70, 'good'],
        [69.9, 'fair'],
        [50, 'fair'],
        [49.9, 'weak'],
        [0, 'weak'],
        [null, 'none']
    ])('%p is %p', (score, band) => {
        expect(bandOf(score as number | null)).toBe(band);
    });
});

describe('buildHealthModel', () => {
    it('puts hygiene and health side by side with their band and breakdown in words', () => {
        const model = buildHealthModel(data, TEXTS, 'en-US');
        expect(model?.hygiene.scoreText).toBe('86 of 100');
        expect(model?.hygiene.bandText).toBe('Good');
        expect(model?.hygiene.cardClass).toBe('score-card score-card_good');
        expect(model?.health.scoreText).toBe('31 of 100');
        expect(model?.health.band).toBe('weak');
        expect(model?.hygiene.lines.map((line) => [line.label, line.pointsText, line.barStyle])).toEqual([
            ['Revenue Won Against Goal', '37.0 of 40.0 points', 'width: 93%'],
            ['Review Freshness', '20.0 of 20.0 points', 'width: 100%']
        ]);
        expect(model?.health.lines[0].why).toContain('CIO Org');
    });

    it('names a component without data instead of showing it as zero', () => {
        const model = buildHealthModel(data, TEXTS, 'en-US');
        const assessment = model?.health.lines[1];
        expect(assessment?.pointsText).toBe('no data');
        expect(assessment?.lineClass).toBe('line line_missing');
        expect(model?.health.missingText).toBe('Not counted: Latest Health Assessment.');
        expect(model?.hygiene.missingText).toBe('');
    });

    it('says when there is no score and when there is nothing to show', () => {
        const bare = {
            ...data,
            current: {
                ...data.current,
                hygiene: { score: null, lines: [], missing: ['Revenue Won Against Goal'] }
            }
        } as AccountHealthService_HealthView;
        const model = buildHealthModel(bare, TEXTS);
        expect(model?.hygiene.scoreText).toBe('No score yet');
        expect(model?.hygiene.band).toBe('none');
        expect(buildHealthModel({ current: null, trend: [], trendReadable: true }, TEXTS)).toBeNull();
        expect(buildHealthModel(undefined, TEXTS)).toBeNull();
    });

    it('has no trend for a user who may not read snapshots', () => {
        expect(buildHealthModel({ ...data, trendReadable: false }, TEXTS)?.trend).toBeNull();
    });
});

describe('the trend', () => {
    it('keeps the latest snapshot of each month, oldest month first', () => {
        expect(latestPerMonth(data.trend ?? [])).toEqual([
            { key: '2026-06', hygiene: 80, health: 62 },
            { key: '2026-07', hygiene: 84, health: 51 },
            { key: '2026-08', hygiene: 86, health: 38 }
        ]);
    });

    it('draws both scores on one 0–100 scale, health sliding below hygiene', () => {
        const trend = buildTrend(data.trend ?? [], TEXTS, 'en-US');
        expect(trend?.months.map((month) => month.label)).toEqual(['Jun 26', 'Jul 26', 'Aug 26']);
        expect(trend?.hygienePath.startsWith('M')).toBe(true);
        expect(trend?.healthPath.split('L')).toHaveLength(3);
        const [first, , last] = trend?.months ?? [];
        // SVG y grows downwards: a lower score sits lower on the chart
        expect(last.healthY).toBeGreaterThan(first.healthY ?? 0);
        expect(last.hygieneY).toBeLessThan(first.hygieneY ?? 0);
        expect(trend?.summary).toBe(
            'Jun 26: hygiene 80, health 62; Jul 26: hygiene 84, health 51; Aug 26: hygiene 86, health 38'
        );
        expect(trend?.gridLines.map((grid) => grid.label)).toEqual(['0', '50', '100']);
    });

    it('leaves a gap where a month has no score and is empty without snapshots', () => {
        const trend = buildTrend(
            [
                { day: '2026-01-31', hygiene: 50, health: 40 },
                { day: '2026-02-28', hygiene: null, health: 45 },
                { day: '2026-03-31', hygiene: 60, health: 50 }
            ],
            TEXTS
        );
        expect(trend?.hygienePath.match(/M/g)).toHaveLength(2);
        expect(buildTrend([], TEXTS)).toBeNull();
    });
});
