import { buildScoringModel, draftsOf, inputsOf, type ScoringTexts } from 'c/keyAccountScoringModel';
import type { KeyAccountScoringService_ScoringView } from '@salesforce/apex/types';
import scoring from '../../keyAccountScoring/__tests__/data/scoring.json';

const TEXTS: ScoringTexts = {
    contribution: '{0} x {1}% = {2}',
    why: 'Why {0}',
    missing: 'Missing: {0}',
    waiting: 'Waiting',
    promotion: '{0} to {1} at {2}',
    demotion: '{0} room, {1} below {2}',
    topTier: 'Top',
    noTier: 'None',
    reasonLevel: '{0} ({1})',
    reasonNext: '{0} more for {1}',
    weight: 'w{0}',
    invalidScore: 'bad score {0}',
    commentTooLong: 'long {0}',
    names: {
        'Tier 1': 'T1',
        'Tier 2': 'T2',
        'Tier 3': 'T3',
        'Not Key': 'NK',
        Interdependent: 'Inter',
        Strategic: 'Strat'
    }
};

function view(
    changes: Partial<KeyAccountScoringService_ScoringView> = {}
): KeyAccountScoringService_ScoringView {
    return { ...(scoring as unknown as KeyAccountScoringService_ScoringView), ...changes };
}

describe('keyAccountScoringModel', () => {
    it('words the total and each criterion contribution: why 7.40', () => {
        const model = buildScoringModel(view(), TEXTS);
        expect(model.totalText).toBe('7.40');
        expect(model.whyText).toBe('Why 7.40');
        expect(model.bars.map((bar) => bar.words)).toEqual([
            '8 x 25% = 2.00',
            '7 x 25% = 1.75',
            '6 x 15% = 0.90',
            '9 x 15% = 1.35',
            '7 x 20% = 1.40'
        ]);
        // bars share one 10-point scale: 2 points fill a fifth, a weight of 25% caps the track at a quarter
        expect(model.bars[0]!.barStyle).toBe('width: 20.0%');
        expect(model.bars[0]!.maxStyle).toBe('width: 25.0%');
    });

    it('says how far the next promotion and the demotion are', () => {
        const model = buildScoringModel(view(), TEXTS);
        expect(model.tierText).toBe('T2');
        expect(model.promotionText).toBe('0.35 to T1 at 7.75');
        expect(model.demotionText).toBe('1.65 room, T3 below 5.75');
        expect(model.tierClass).toBe('tier tier-tier-2');
    });

    it('the top tier has no promotion, Not Key no demotion', () => {
        expect(buildScoringModel(view({ tier: 'Tier 1', promotionAt: null }), TEXTS).promotionText).toBe(
            'Top'
        );
        expect(buildScoringModel(view({ tier: 'Not Key', demotionBelow: null }), TEXTS).demotionText).toBe(
            ''
        );
    });

    it('without a total names what is missing and promises nothing', () => {
        const model = buildScoringModel(
            view({ total: null, missing: ['Purchasing Process', 'Existing Relationships'] }),
            TEXTS
        );
        expect(model.hasTotal).toBe(false);
        expect(model.totalText).toBe('–');
        expect(model.whyText).toBe('Waiting');
        expect(model.missingText).toBe('Missing: Purchasing Process, Existing Relationships');
        expect(model.promotionText).toBe('');
        expect(model.demotionText).toBe('');
    });

    it('an account without a tier says so', () => {
        expect(buildScoringModel(view({ tier: null }), TEXTS).tierText).toBe('None');
    });

    it('gives each relationship reason its value, level, weight and what the next level needs', () => {
        const model = buildScoringModel(view(), TEXTS);
        expect(model.relationshipText).toBe('Inter');
        expect(model.relationshipLevelText).toBe('1.90');
        expect(model.relationshipWhyText).toBe('Why Inter');
        expect(model.reasons[0]).toMatchObject({
            valueText: '4',
            levelText: 'Inter (2)',
            weightText: 'w20',
            nextText: '1 more for Strat',
            detailText: 'Inter (2) · w20 · 1 more for Strat',
            levelClass: 'level level-2'
        });
        expect(model.reasons[1]!.nextText).toBe('');
    });

    it('rows carry the weight as a share and mark unscored criteria', () => {
        const rows = view().rows!.map((row, i) => (i === 1 ? { ...row, score: null } : row));
        const model = buildScoringModel(view({ rows }), TEXTS);
        expect(model.rows[0]).toMatchObject({ weightText: '25%', scoreText: '8', scored: true });
        expect(model.rows[1]!.scored).toBe(false);
    });

    it('drafts start from the saved scores and send whole numbers, blanks as removals', () => {
        const drafts = draftsOf(view());
        expect(drafts[0]).toEqual({
            criterion: 'Product_Fit',
            label: 'Product Fit',
            score: '8',
            comment: 'Three programmes fit'
        });
        drafts[1] = { ...drafts[1]!, score: ' ' };
        const { inputs, error } = inputsOf(drafts, TEXTS);
        expect(error).toBe('');
        expect(inputs[0]).toEqual({ criterion: 'Product_Fit', score: 8, comment: 'Three programmes fit' });
        expect(inputs[1]).toEqual({ criterion: 'Revenue_Potential', score: null, comment: null });
    });

    it.each(['0', '11', '7.5', 'seven'])('refuses a typed score of %s, naming the criterion', (typed) => {
        const drafts = draftsOf(view());
        drafts[2] = { ...drafts[2]!, score: typed };
        expect(inputsOf(drafts, TEXTS)).toEqual({ inputs: [], error: 'bad score Average Transaction Size' });
    });

    it('refuses a comment over 255 characters', () => {
        const drafts = draftsOf(view());
        drafts[0] = { ...drafts[0]!, comment: 'x'.repeat(256) };
        expect(inputsOf(drafts, TEXTS).error).toBe('long Product Fit');
    });
});
