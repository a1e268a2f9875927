// The portfolio quadrant's layout: key-account score (attractiveness, 0–10) across, health (0–100) up, split
// into four quadrants at boundaries an admin sets in App Builder. Data in, positions out: each key account a
// bubble sized by revenue or pipeline and coloured by tier, with a label a screen reader reads; accounts
// missing either score are listed, not placed. No DOM here (c/portfolioQuadrantDraw draws it).

export type QuadrantKey = 'invest' | 'fix' | 'maintain' | 'reconsider';
export type BubbleSize = 'revenue' | 'pipeline';

/** The quadrant as App Builder configures it. */
export interface QuadrantSettings {
    /** Key-account score at which attractiveness counts as high (0–10). */
    attractivenessSplit: number;
    /** Health score at which health counts as strong (0–100). */
    healthSplit: number;
    /** What a bubble's area stands for. */
    bubbleSize: BubbleSize;
}

export const DEFAULT_SETTINGS: Readonly<QuadrantSettings> = {
    attractivenessSplit: 5,
    healthSplit: 50,
    bubbleSize: 'revenue'
};

export const SCORE_MAX = 10;
export const HEALTH_MAX = 100;

/** What an admin typed in App Builder, before checking. */
export interface RawSettings {
    attractivenessSplit?: unknown;
    healthSplit?: unknown;
    bubbleSize?: unknown;
}

/** The settings to draw with, and the names of the properties that were refused (their defaults were used). */
export interface CheckedSettings {
    settings: QuadrantSettings;
    refused: (keyof QuadrantSettings)[];
}

function numberWithin(value: unknown, min: number, max: number): number | undefined {
    const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    return typeof number === 'number' && Number.isFinite(number) && number > min && number < max
        ? number
        : undefined;
}

/**
 * The settings from App Builder's properties: a boundary must lie strictly inside its axis (a boundary on
 * the edge leaves two quadrants empty), the size one of the two measures. Absent values take the default
 * silently; present but refused ones take it and are named, so the page can say so.
 */
export function checkSettings(raw: RawSettings): CheckedSettings {
    const refused: (keyof QuadrantSettings)[] = [];
    const pick = <K extends keyof QuadrantSettings>(
        key: K,
        value: unknown,
        check: (value: unknown) => QuadrantSettings[K] | undefined
    ): QuadrantSettings[K] => {
        if (value === undefined || value === null || value === '') return DEFAULT_SETTINGS[key];
        const checked = check(value);
        if (checked === undefined) {
            refused.push(key);
            return DEFAULT_SETTINGS[key];
        }
        return checked;
    };
    const settings: QuadrantSettings = {
        attractivenessSplit: pick('attractivenessSplit', raw.attractivenessSplit, (value) =>
            numberWithin(value, 0, SCORE_MAX)
        ),
        healthSplit: pick('healthSplit', raw.healthSplit, (value) => numberWithin(value, 0, HEALTH_MAX)),
        bubbleSize: pick('bubbleSize', raw.bubbleSize, (value) => {
            return value === 'revenue' || value === 'pipeline' ? value : undefined;
        })
    };
    return { settings, refused };
}

/** The quadrant an account falls in; a score on a boundary counts as the higher side. */
export function quadrantOf(score: number, health: number, settings: QuadrantSettings): QuadrantKey {
    const attractive = score >= settings.attractivenessSplit;
    const healthy = health >= settings.healthSplit;
    if (attractive) return healthy ? 'invest' : 'fix';
    return healthy ? 'maintain' : 'reconsider';
}

/** One key account to place. */
export interface QuadrantPoint {
    id: string;
    name: string;
    score: number | null;
    health: number | null;
    tier: string | null;
    /** Revenue or pipeline (what the bubble's area shows); null when unknown. */
    size: number | null;
}

/** The words the layout puts on the page, all from labels. */
export interface QuadrantTexts {
    names: Record<QuadrantKey, string>;
    /** "{0}: key-account score {1}, health {2}, {3}, {4}" — name, score, health, tier, quadrant name. */
    bubble: string;
    /** The tier of an account without one. */
    noTier: string;
}

export interface Region {
    key: QuadrantKey;
    name: string;
    x: number;
    y: number;
    width: number;
    height: number;
    /** Where the quadrant's name sits: its outer corner. */
    labelX: number;
    labelY: number;
    labelAnchor: 'start' | 'end';
}

export interface Bubble {
    id: string;
    name: string;
    cx: number;
    cy: number;
    r: number;
    fill: string;
    tier: string;
    quadrant: QuadrantKey;
    /** What a screen reader says and the tooltip shows. */
    label: string;
    /** Which side of the bubble its name is written on: the left in the right quarter, so it stays inside. */
    nameSide: 'left' | 'right';
}

export interface Tick {
    value: number;
    position: number;
}

export interface QuadrantLayout {
    width: number;
    height: number;
    plot: { left: number; top: number; right: number; bottom: number };
    /** Where the boundaries are drawn. */
    splitX: number;
    splitY: number;
    regions: Region[];
    /** Largest first, so smaller bubbles are drawn over larger ones and stay clickable. */
    bubbles: Bubble[];
    /** Accounts missing a score or a health score, in the given order. */
    unplaced: { id: string; name: string }[];
    xTicks: Tick[];
    yTicks: Tick[];
}

export const MIN_RADIUS = 6;
export const MAX_RADIUS = 22;
const MARGIN = { left: 44, top: 12, right: 16, bottom: 36 };

/** The colour of a tier's bubbles: the more strategic, the darker (contrast 3:1 or more on white). */
export const TIER_COLOURS: Readonly<Record<string, string>> = {
    'Tier 1': '#032d60',
    'Tier 2': '#0b5cab',
    'Tier 3': '#1b96ff'
};
export const OTHER_TIER_COLOUR = '#706e6b';

export function tierColour(tier: string | null | undefined): string {
    return (tier && TIER_COLOURS[tier]) ?? OTHER_TIER_COLOUR;
}

/**
 * Bubble radius for a value: area in proportion to the value against the largest (radius by square
 * root), between MIN_RADIUS and MAX_RADIUS; an unknown, zero or negative value is the smallest bubble.
 */
export function radiusFor(value: number | null | undefined, largest: number): number {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || !(largest > 0))
        return MIN_RADIUS;
    const share = Math.min(1, value / largest);
    return MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(share);
}

function format(template: string, ...values: string[]): string {
    return template.replace(/\{(\d+)\}/g, (whole, index: string) => values[Number(index)] ?? whole);
}

function clamp(value: number, min: number, max: number): number {
    return Math.min(max, Math.max(min, value));
}

/** Lays out the quadrant in a width × height drawing (the SVG's viewBox; the page scales it). */
export function layoutQuadrant(
    points: readonly QuadrantPoint[],
    settings: QuadrantSettings,
    texts: QuadrantTexts,
    width = 640,
    height = 420
): QuadrantLayout {
    const plot = {
        left: MARGIN.left,
        top: MARGIN.top,
        right: width - MARGIN.right,
        bottom: height - MARGIN.bottom
    };
    const x = (score: number): number =>
        plot.left + ((plot.right - plot.left) * clamp(score, 0, SCORE_MAX)) / SCORE_MAX;
    const y = (health: number): number =>
        plot.bottom - ((plot.bottom - plot.top) * clamp(health, 0, HEALTH_MAX)) / HEALTH_MAX;
    const splitX = x(settings.attractivenessSplit);
    const splitY = y(settings.healthSplit);
    const pad = 6;
    const regions: Region[] = [
        { key: 'maintain', x: plot.left, y: plot.top, width: splitX - plot.left, height: splitY - plot.top },
        { key: 'invest', x: splitX, y: plot.top, width: plot.right - splitX, height: splitY - plot.top },
        {
            key: 'reconsider',
            x: plot.left,
            y: splitY,
            width: splitX - plot.left,
            height: plot.bottom - splitY
        },
        { key: 'fix', x: splitX, y: splitY, width: plot.right - splitX, height: plot.bottom - splitY }
    ].map((region) => {
        const right = region.key === 'invest' || region.key === 'fix';
        const top = region.key === 'invest' || region.key === 'maintain';
        return {
            ...region,
            key: region.key as QuadrantKey,
            name: texts.names[region.key as QuadrantKey],
            labelX: right ? plot.right - pad : plot.left + pad,
            labelY: top ? plot.top + 14 : plot.bottom - pad,
            labelAnchor: right ? ('end' as const) : ('start' as const)
        };
    });
    const placed = points.filter(
        (point) =>
            typeof point.score === 'number' &&
            Number.isFinite(point.score) &&
            typeof point.health === 'number' &&
            Number.isFinite(point.health)
    );
    const largest = placed.reduce(
        (max, point) => (typeof point.size === 'number' && point.size > max ? point.size : max),
        0
    );
    const bubbles = placed
        .map((point): Bubble => {
            const score = point.score as number;
            const health = point.health as number;
            const quadrant = quadrantOf(score, health, settings);
            const tier = point.tier || texts.noTier;
            return {
                id: point.id,
                name: point.name,
                cx: x(score),
                cy: y(health),
                r: radiusFor(point.size, largest),
                fill: tierColour(point.tier),
                tier,
                quadrant,
                nameSide: x(score) > plot.left + 0.75 * (plot.right - plot.left) ? 'left' : 'right',
                label: format(
                    texts.bubble,
                    point.name,
                    score.toFixed(1),
                    String(Math.round(health)),
                    tier,
                    texts.names[quadrant]
                )
            };
        })
        .map((bubble, index) => ({ bubble, index }))
        .sort((a, b) => b.bubble.r - a.bubble.r || a.index - b.index)
        .map((entry) => entry.bubble);
    const unplaced = points
        .filter((point) => !placed.includes(point))
        .map((point) => ({ id: point.id, name: point.name }));
    const xTicks = [0, 2, 4, 6, 8, 10].map((value) => ({ value, position: x(value) }));
    const yTicks = [0, 25, 50, 75, 100].map((value) => ({ value, position: y(value) }));
    return { width, height, plot, splitX, splitY, regions, bubbles, unplaced, xTicks, yTicks };
}

/**
 * The bubble keyboard focus moves to from another with an arrow key: the nearest bubble in that direction
 * (by distance, counting sideways distance double so the move stays on its line); the same bubble at an edge.
 */
export function neighbour(
    bubbles: readonly Pick<Bubble, 'cx' | 'cy'>[],
    from: number,
    direction: 'left' | 'right' | 'up' | 'down'
): number {
    const origin = bubbles[from];
    if (!origin) return from;
    let best = from;
    let bestCost = Infinity;
    bubbles.forEach((bubble, index) => {
        if (index === from) return;
        const dx = bubble.cx - origin.cx;
        const dy = bubble.cy - origin.cy;
        const along = direction === 'left' ? -dx : direction === 'right' ? dx : direction === 'up' ? -dy : dy;
        const across = direction === 'left' || direction === 'right' ? Math.abs(dy) : Math.abs(dx);
        if (along <= 0) return;
        const cost = along + 2 * across;
        if (cost < bestCost || (cost === bestCost && index < best)) {
            bestCost = cost;
            best = index;
        }
    });
    return best;
}
