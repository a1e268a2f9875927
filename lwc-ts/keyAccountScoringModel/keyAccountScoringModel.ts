// What the key-account scoring matrix draws, from what KeyAccountScoringController.getScoring returns: the
// criteria with their scores, the total and "why" as contribution bars with words, the tier with how far the
// next promotion or demotion is, the criteria still missing and the relationship type with its reasons. The
// rules themselves (total, tier, type) are Apex's; this module only words and lays out their answers, and
// checks what a manager typed before it goes to the server.
import type {
    KeyAccountScoring_BreakdownLine,
    KeyAccountScoringService_ScoringView,
    RelationshipTypeRule_Reason
} from '@salesforce/apex/types';
import { formatLabel } from 'c/keystoneText';

/** The texts the model needs, from custom labels. */
export interface ScoringTexts {
    /** "{0} × {1}% = {2}": score, weight share, contribution. */
    contribution: string;
    /** "Why {0}": the total. */
    why: string;
    /** "Not scored yet: {0}". */
    missing: string;
    /** "The total waits until every criterion is scored." */
    waiting: string;
    /** "{0} to {1}: promoted at {2}". */
    promotion: string;
    /** "{0} of room: drops to {1} below {2}". */
    demotion: string;
    /** "Highest tier". */
    topTier: string;
    /** "Not yet tiered". */
    noTier: string;
    /** "{0} (level {1} of 3)". */
    reasonLevel: string;
    /** "{0} more for {1}". */
    reasonNext: string;
    /** "Weight {0}". */
    weight: string;
    /** "Scores run from 1 to 10, whole numbers: {0}". */
    invalidScore: string;
    /** "The comment on {0} is longer than 255 characters." */
    commentTooLong: string;
    /** Tier and relationship type names by their picklist value. */
    names: Record<string, string>;
}

/** One criterion row of the matrix. */
export interface CriterionRowModel {
    criterion: string;
    label: string;
    description: string;
    weightText: string;
    scoreText: string;
    comment: string;
    scored: boolean;
}

/** One contribution bar: the criterion's points out of the most it could add. */
export interface BreakdownBar {
    criterion: string;
    label: string;
    words: string;
    pointsText: string;
    barStyle: string;
    maxStyle: string;
}

/** One reason of the relationship type. */
export interface ReasonModel {
    attribute: string;
    label: string;
    valueText: string;
    levelText: string;
    nextText: string;
    weightText: string;
    /** Level, weight and what the next level needs, in one line. */
    detailText: string;
    levelClass: string;
}

/** The whole view. */
export interface ScoringModel {
    rows: CriterionRowModel[];
    hasTotal: boolean;
    totalText: string;
    whyText: string;
    bars: BreakdownBar[];
    missingText: string;
    tierText: string;
    tierClass: string;
    promotionText: string;
    demotionText: string;
    relationshipText: string;
    relationshipLevelText: string;
    /** "Why Interdependent": the heading of the reasons. */
    relationshipWhyText: string;
    reasons: ReasonModel[];
}

/** A manager's typed score of one criterion, as the edit form holds it. */
export interface ScoreDraft {
    criterion: string;
    label: string;
    score: string;
    comment: string;
}

/** What the save sends for one criterion (CriterionScoreService.ScoreInput). */
export interface ScoreInputValue {
    criterion: string;
    score: number | null;
    comment: string | null;
}

const MAX_COMMENT = 255;

function number(value: number | null | undefined, digits: number): string {
    return value === null || value === undefined ? '' : value.toFixed(digits);
}

function plain(value: number | null | undefined): string {
    if (value === null || value === undefined) return '';
    return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(2)));
}

function nameOf(value: string | null | undefined, texts: ScoringTexts): string {
    return value ? (texts.names[value] ?? value) : '';
}

function bars(
    lines: KeyAccountScoring_BreakdownLine[],
    weightSum: number,
    texts: ScoringTexts
): BreakdownBar[] {
    return lines.map((line) => {
        const weight = line.weight ?? 0;
        const share = weightSum > 0 ? (weight / weightSum) * 100 : 0;
        const contribution = line.contribution ?? 0;
        // a bar's full width is 10 points, so bars compare with each other and with the total on one scale
        return {
            criterion: line.criterion ?? '',
            label: line.label ?? '',
            words: formatLabel(
                texts.contribution,
                plain(line.score),
                plain(Number(share.toFixed(1))),
                number(contribution, 2)
            ),
            pointsText: number(contribution, 2),
            barStyle: `width: ${Math.min(100, Math.max(0, contribution * 10)).toFixed(1)}%`,
            maxStyle: `width: ${Math.min(100, Math.max(0, share)).toFixed(1)}%`
        };
    });
}

function reasonOf(reason: RelationshipTypeRule_Reason, texts: ScoringTexts): ReasonModel {
    const level = reason.level ?? 0;
    const next = reason.nextAt;
    const nextType = ['Cooperative', 'Interdependent', 'Strategic'][level];
    const levelText = formatLabel(texts.reasonLevel, nameOf(reason.levelType, texts), level);
    const weightText = formatLabel(texts.weight, plain(reason.weight));
    const nextText =
        next === null || next === undefined || !nextType
            ? ''
            : formatLabel(
                  texts.reasonNext,
                  plain(Math.max(0, next - (reason.value ?? 0))),
                  nameOf(nextType, texts)
              );
    return {
        attribute: reason.attribute ?? '',
        label: reason.label ?? '',
        valueText: plain(reason.value ?? 0),
        levelText,
        nextText,
        weightText,
        detailText: [levelText, weightText, nextText].filter((part) => part).join(' · '),
        levelClass: `level level-${level}`
    };
}

/**
 * The matrix as drawn: rows, total and breakdown, tier and its distances, missing criteria, relationship.
 * @param view what getScoring returned
 * @param texts the labels
 */
export function buildScoringModel(
    view: KeyAccountScoringService_ScoringView,
    texts: ScoringTexts
): ScoringModel {
    const rows = view.rows ?? [];
    const weightSum = rows.reduce((sum, row) => sum + (row.weight ?? 0), 0);
    const total = view.total;
    const hasTotal = total !== null && total !== undefined;
    const tier = view.tier ?? '';
    const missing = view.missing ?? [];
    const promotionAt = view.promotionAt;
    const demotionBelow = view.demotionBelow;
    const relationship = view.relationship;
    return {
        rows: rows.map((row) => ({
            criterion: row.criterion ?? '',
            label: row.label ?? '',
            description: row.description ?? '',
            weightText:
                plain(weightSum > 0 ? Number((((row.weight ?? 0) / weightSum) * 100).toFixed(1)) : 0) + '%',
            scoreText: plain(row.score),
            comment: row.comment ?? '',
            scored: row.score !== null && row.score !== undefined
        })),
        hasTotal,
        totalText: hasTotal ? number(total, 2) : '–',
        whyText: hasTotal ? formatLabel(texts.why, number(total, 2)) : texts.waiting,
        bars: bars(view.breakdown ?? [], weightSum, texts),
        missingText: missing.length ? formatLabel(texts.missing, missing.join(', ')) : '',
        tierText: tier ? nameOf(tier, texts) : texts.noTier,
        tierClass: `tier tier-${tier ? tier.replace(/\s+/g, '-').toLowerCase() : 'none'}`,
        promotionText:
            !tier || !hasTotal
                ? ''
                : promotionAt === null || promotionAt === undefined
                  ? texts.topTier
                  : formatLabel(
                        texts.promotion,
                        number(Math.max(0, promotionAt - total), 2),
                        nameOf(view.promotionTier, texts),
                        number(promotionAt, 2)
                    ),
        demotionText:
            !tier || !hasTotal || demotionBelow === null || demotionBelow === undefined
                ? ''
                : formatLabel(
                      texts.demotion,
                      number(Math.max(0, total - demotionBelow), 2),
                      nameOf(view.demotionTier, texts),
                      number(demotionBelow, 2)
                  ),
        relationshipText: nameOf(relationship?.type, texts),
        relationshipLevelText: number(relationship?.meanLevel, 2),
        relationshipWhyText: relationship?.type
            ? formatLabel(texts.why, nameOf(relationship.type, texts))
            : '',
        reasons: (relationship?.reasons ?? []).map((reason) => reasonOf(reason, texts))
    };
}

/**
 * The edit form's starting values: every row's score and comment as text.
 * @param view what getScoring returned
 */
export function draftsOf(view: KeyAccountScoringService_ScoringView): ScoreDraft[] {
    return (view.rows ?? []).map((row) => ({
        criterion: row.criterion ?? '',
        label: row.label ?? '',
        score: plain(row.score),
        comment: row.comment ?? ''
    }));
}

/**
 * What to send for typed scores, or the first readable problem: a score must be blank (removes it) or a whole
 * number from 1 to 10; a comment at most 255 characters. The server checks the same again.
 * @param drafts the form's values
 * @param texts the labels
 */
export function inputsOf(
    drafts: ScoreDraft[],
    texts: ScoringTexts
): { inputs: ScoreInputValue[]; error: string } {
    const inputs: ScoreInputValue[] = [];
    for (const draft of drafts) {
        const typed = draft.score.trim();
        const score = typed === '' ? null : Number(typed);
        if (score !== null && (!Number.isInteger(score) || score < 1 || score > 10)) {
            return { inputs: [], error: formatLabel(texts.invalidScore, draft.label) };
        }
        const comment = draft.comment.trim();
        if (comment.length > MAX_COMMENT) {
            return { inputs: [], error: formatLabel(texts.commentTooLong, draft.label) };
        }
        inputs.push({ criterion: draft.criterion, score, comment: comment || null });
    }
    return { inputs, error: '' };
}
