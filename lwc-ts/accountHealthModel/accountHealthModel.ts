// The account health view's model: the server's two scores become cards with their breakdown in words,
// and the stored snapshots become one point per month (the month's latest snapshot) with d3 line paths.
// Pure: no DOM, no Apex; the component only draws what this returns. The scores themselves are Apex's
// (HygieneScore, HealthScore): nothing here recalculates them.
import { line, scaleLinear, scalePoint } from 'c/d3lib';
import type {
    AccountHealthService_HealthView,
    AccountHealthService_TrendPoint,
    ScoreBreakdown_Result
} from '@salesforce/apex/types';

/** The words the model needs, from custom labels. */
export interface HealthTexts {
    hygieneTitle: string;
    healthTitle: string;
    hygieneSubtitle: string;
    healthSubtitle: string;
    /** "{0} of 100" */
    scoreOf: string;
    noScore: string;
    /** "{0} of {1} points" */
    points: string;
    missingPart: string;
    /** "Missing data: {0}" */
    missingList: string;
    bandGood: string;
    bandFair: string;
    bandWeak: string;
    /** "{0}: hygiene {1}, health {2}" for one month */
    trendPoint: string;
}

export type Band = 'good' | 'fair' | 'weak' | 'none';

export interface BreakdownLine {
    key: string;
    label: string;
    why: string;
    pointsText: string;
    missing: boolean;
    lineClass: string;
    barStyle: string;
}

export interface ScoreCard {
    key: 'hygiene' | 'health';
    title: string;
    subtitle: string;
    score: number | null;
    scoreText: string;
    band: Band;
    bandText: string;
    cardClass: string;
    lines: BreakdownLine[];
    missingText: string;
}

export interface TrendMonth {
    key: string;
    label: string;
    x: number;
    hygiene: number | null;
    health: number | null;
    hygieneY: number | null;
    healthY: number | null;
    title: string;
}

export interface TrendModel {
    width: number;
    height: number;
    months: TrendMonth[];
    hygienePath: string;
    healthPath: string;
    gridLines: { key: string; y: number; label: string }[];
    summary: string;
}

export interface HealthModel {
    hygiene: ScoreCard;
    health: ScoreCard;
    trend: TrendModel | null;
}

/** Where the bands start: presentation only, the scores are 0–100. */
export const GOOD_FROM = 70;
export const FAIR_FROM = 50;

export const TREND_WIDTH = 320;
export const TREND_HEIGHT = 140;
const MARGIN = { top: 8, right: 8, bottom: 20, left: 28 };

function fill(template: string, ...values: (string | number)[]): string {
    return values.reduce<string>((text, value, i) => text.split(`{${i}}`).join(String(value)), template);
}

function oneDecimal(value: number): string {
    return (Math.round(value * 10) / 10).toFixed(1);
}

/** The band of a score: good from 70, fair from 50, weak below, none without a score. */
export function bandOf(score: number | null | undefined): Band {
    if (score === null || score === undefined) return 'none';
    if (score >= GOOD_FROM) return 'good';
    return score >= FAIR_FROM ? 'fair' : 'weak';
}

function card(
    key: 'hygiene' | 'health',
    result: ScoreBreakdown_Result | null | undefined,
    title: string,
    subtitle: string,
    texts: HealthTexts
): ScoreCard {
    const score = result?.score ?? null;
    const band = bandOf(score);
    const bandText = { good: texts.bandGood, fair: texts.bandFair, weak: texts.bandWeak, none: '' }[band];
    const lines: BreakdownLine[] = (result?.lines ?? []).map((entry, index) => {
        const missing = entry.missing === true;
        const points = entry.points ?? 0;
        const max = entry.maxPoints ?? 0;
        const share = max > 0 ? Math.max(0, Math.min(1, points / max)) : 0;
        return {
            key: entry.name ?? String(index),
            label: entry.label ?? '',
            why: entry.why ?? '',
            pointsText: missing ? texts.missingPart : fill(texts.points, oneDecimal(points), oneDecimal(max)),
            missing,
            lineClass: missing ? 'line line_missing' : 'line',
            barStyle: `width: ${Math.round(share * 100)}%`
        };
    });
    const missing = result?.missing ?? [];
    return {
        key,
        title,
        subtitle,
        score,
        scoreText: score === null ? texts.noScore : fill(texts.scoreOf, Math.round(score)),
        band,
        bandText,
        cardClass: `score-card score-card_${band}`,
        lines,
        missingText: missing.length ? fill(texts.missingList, missing.join(', ')) : ''
    };
}

/**
 * One point per month: the latest snapshot of each month, oldest month first.
 * @param points the snapshots, any order (days as yyyy-MM-dd)
 * @returns the month key (yyyy-MM) with that month's latest hygiene and health
 */
export function latestPerMonth(
    points: readonly AccountHealthService_TrendPoint[]
): { key: string; hygiene: number | null; health: number | null }[] {
    const latest = new Map<string, AccountHealthService_TrendPoint>();
    for (const point of points) {
        if (!point.day) continue;
        const key = point.day.slice(0, 7);
        const known = latest.get(key);
        if (!known || (known.day ?? '') < point.day) latest.set(key, point);
    }
    return [...latest.keys()].sort().map((key) => ({
        key,
        hygiene: latest.get(key)?.hygiene ?? null,
        health: latest.get(key)?.health ?? null
    }));
}

function monthLabel(key: string, locale?: string): string {
    const [year, month] = key.split('-').map(Number);
    return new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(
        new Date(Date.UTC(year, month - 1, 1))
    );
}

/**
 * The trend as d3 line paths over months: hygiene and health on one 0–100 scale.
 * @param points the snapshots
 * @param texts the words
 * @param locale the user's locale for month names
 * @returns the trend, or null without snapshots
 */
export function buildTrend(
    points: readonly AccountHealthService_TrendPoint[],
    texts: HealthTexts,
    locale?: string
): TrendModel | null {
    const months = latestPerMonth(points);
    if (!months.length) return null;
    const x = scalePoint<string>()
        .domain(months.map((month) => month.key))
        .range([MARGIN.left, TREND_WIDTH - MARGIN.right])
        .padding(0.5);
    const y = scaleLinear()
        .domain([0, 100])
        .range([TREND_HEIGHT - MARGIN.bottom, MARGIN.top]);
    const drawn: TrendMonth[] = months.map((month) => {
        const label = monthLabel(month.key, locale);
        return {
            key: month.key,
            label,
            x: x(month.key) ?? 0,
            hygiene: month.hygiene,
            health: month.health,
            hygieneY: month.hygiene === null ? null : y(month.hygiene),
            healthY: month.health === null ? null : y(month.health),
            title: fill(
                texts.trendPoint,
                label,
                month.hygiene === null ? '—' : Math.round(month.hygiene),
                month.health === null ? '—' : Math.round(month.health)
            )
        };
    });
    const path = (pick: (month: TrendMonth) => number | null): string =>
        line<TrendMonth>()
            .defined((month) => pick(month) !== null)
            .x((month) => month.x)
            .y((month) => pick(month) ?? 0)(drawn) ?? '';
    return {
        width: TREND_WIDTH,
        height: TREND_HEIGHT,
        months: drawn,
        hygienePath: path((month) => month.hygieneY),
        healthPath: path((month) => month.healthY),
        gridLines: [0, 50, 100].map((value) => ({ key: String(value), y: y(value), label: String(value) })),
        summary: drawn.map((month) => month.title).join('; ')
    };
}

/**
 * The whole view's model.
 * @param view the server's view
 * @param texts the words
 * @param locale the user's locale
 * @returns the cards and the trend, or null when there is no account to show
 */
export function buildHealthModel(
    view: AccountHealthService_HealthView | null | undefined,
    texts: HealthTexts,
    locale?: string
): HealthModel | null {
    const current = view?.current;
    if (!current) return null;
    return {
        hygiene: card('hygiene', current.hygiene, texts.hygieneTitle, texts.hygieneSubtitle, texts),
        health: card('health', current.health, texts.healthTitle, texts.healthSubtitle, texts),
        trend: view?.trendReadable === false ? null : buildTrend(view?.trend ?? [], texts, locale)
    };
}
