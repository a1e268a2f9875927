import {
    buildAwaitingSignOff,
    buildOverdueReviews,
    buildTableRows,
    buildTierChanges,
    FIRST_DIRECTION,
    quadrantPoints,
    SORT_COLUMNS,
    type PortfolioTexts
} from 'c/portfolioModel';
import { DEFAULT_SETTINGS } from 'c/portfolioQuadrant';
import type {
    KeyAccountPortfolioService_KeyAccount,
    KeyAccountPortfolioService_Portfolio
} from '@salesforce/apex/types';
import portfolio from '../../keyAccountPortfolio/__tests__/data/portfolio.json';

const TEXTS: PortfolioTexts = {
    none: '—',
    daysOverdue: '{0} days overdue',
    daysWaiting: '{0} days waiting',
    noTier: 'No tier',
    quadrantNames: {
        invest: 'Invest',
        fix: 'Fix the relationship',
        maintain: 'Maintain',
        reconsider: 'Reconsider'
    }
};
const view = portfolio as unknown as KeyAccountPortfolioService_Portfolio;
const LOCALE = 'en-GB';

function names(column: Parameters<typeof buildTableRows>[3], direction: 'asc' | 'desc'): string[] {
    return buildTableRows(view, DEFAULT_SETTINGS, TEXTS, column, direction, LOCALE).map((row) => row.name);
}

describe('buildTableRows', () => {
    it('ranks by score and writes each cell readably', () => {
        const rows = buildTableRows(view, DEFAULT_SETTINGS, TEXTS, 'rank', 'asc', LOCALE);
        expect(rows.map((row) => [row.rankText, row.name, row.tier, row.scoreText, row.healthText])).toEqual([
            ['1', 'Aeronova Group', 'Tier 1', '8.6', '38'],
            ['2', 'Meridian Bank', 'Tier 2', '7.4', '74'],
            ['3', 'Globex Industries', 'Tier 3', '6.1', '—']
        ]);
        expect(rows[0]).toMatchObject({
            hygieneText: '82',
            relationshipType: 'Cooperative',
            ownerName: 'Jordan Blake',
            planStatus: 'In Review',
            nextReviewText: '4 Dec 2026',
            overdue: false,
            quadrantName: 'Fix the relationship',
            rowClass: 'portfolio-row'
        });
        expect(rows[1]).toMatchObject({
            overdue: true,
            overdueText: '5 days overdue',
            quadrantName: 'Invest',
            rowClass: 'portfolio-row portfolio-row_overdue'
        });
        expect(rows[2]).toMatchObject({
            planStatus: '—',
            nextReviewText: '—',
            quadrantName: '—',
            hygieneText: '—'
        });
    });

    it.each([
        ['name', 'asc', ['Aeronova Group', 'Globex Industries', 'Meridian Bank']],
        ['name', 'desc', ['Meridian Bank', 'Globex Industries', 'Aeronova Group']],
        ['health', 'desc', ['Meridian Bank', 'Aeronova Group', 'Globex Industries']],
        ['health', 'asc', ['Aeronova Group', 'Meridian Bank', 'Globex Industries']],
        ['tier', 'desc', ['Globex Industries', 'Meridian Bank', 'Aeronova Group']],
        ['relationship', 'desc', ['Meridian Bank', 'Aeronova Group', 'Globex Industries']],
        ['nextReview', 'asc', ['Meridian Bank', 'Aeronova Group', 'Globex Industries']],
        ['plan', 'asc', ['Meridian Bank', 'Aeronova Group', 'Globex Industries']],
        ['owner', 'asc', ['Meridian Bank', 'Aeronova Group', 'Globex Industries']],
        ['score', 'asc', ['Globex Industries', 'Meridian Bank', 'Aeronova Group']],
        ['rank', 'desc', ['Globex Industries', 'Meridian Bank', 'Aeronova Group']]
    ] as const)('sorts by %s %s, empty values last', (column, direction, expected) => {
        expect(names(column, direction)).toEqual(expected);
    });

    it('shares a rank between equal scores and gives the unscored none', () => {
        const accounts: KeyAccountPortfolioService_KeyAccount[] = [
            { ...view.accounts![0]!, id: '1', name: 'A', score: 7 },
            { ...view.accounts![0]!, id: '2', name: 'B', score: 7 },
            { ...view.accounts![0]!, id: '3', name: 'C', score: null },
            { ...view.accounts![0]!, id: '4', name: 'D', score: 6 }
        ];
        const rows = buildTableRows({ ...view, accounts }, DEFAULT_SETTINGS, TEXTS, 'rank', 'asc', LOCALE);
        expect(rows.map((row) => `${row.name}:${row.rankText}`)).toEqual(['A:1', 'B:1', 'D:3', 'C:—']);
    });

    it('follows the quadrant boundaries App Builder sets', () => {
        const rows = buildTableRows(
            view,
            { ...DEFAULT_SETTINGS, attractivenessSplit: 8, healthSplit: 30 },
            TEXTS,
            'rank',
            'asc',
            LOCALE
        );
        expect(rows.map((row) => row.quadrantName)).toEqual(['Invest', 'Maintain', '—']);
    });

    it('is empty for a view without accounts and skips rows without an id', () => {
        expect(buildTableRows({ ...view, accounts: null }, DEFAULT_SETTINGS, TEXTS, 'rank', 'asc')).toEqual(
            []
        );
        expect(
            buildTableRows(
                { ...view, accounts: [{ ...view.accounts![0]!, id: null }] },
                DEFAULT_SETTINGS,
                TEXTS,
                'rank',
                'asc'
            )
        ).toEqual([]);
    });

    it('has a first direction for every column', () => {
        for (const column of SORT_COLUMNS) expect(['asc', 'desc']).toContain(FIRST_DIRECTION[column]);
    });
});

describe('the lists', () => {
    it('writes tier changes most recent first, marking promotions', () => {
        const items = buildTierChanges(
            [
                {
                    accountId: '1',
                    accountName: 'Older',
                    fromTier: 'Tier 3',
                    toTier: 'Tier 2',
                    changedOn: '2026-09-10',
                    promoted: true
                },
                ...view.tierChanges!,
                {
                    accountId: '2',
                    accountName: 'Undated',
                    fromTier: null,
                    toTier: 'Tier 3',
                    changedOn: null,
                    promoted: true
                }
            ],
            TEXTS,
            LOCALE
        );
        expect(
            items.map((item) => [
                item.accountName,
                item.fromTier,
                item.toTier,
                item.changedOnText,
                item.itemClass
            ])
        ).toEqual([
            ['Globex Industries', 'Tier 2', 'Tier 3', '31 Oct 2026', 'tier-change tier-change_down'],
            ['Older', 'Tier 3', 'Tier 2', '10 Sept 2026', 'tier-change tier-change_up'],
            ['Undated', 'No tier', 'Tier 3', '', 'tier-change tier-change_up']
        ]);
    });

    it('lists plans awaiting sign-off longest waiting first with their approver', () => {
        const items = buildAwaitingSignOff(
            [
                ...view.awaitingSignOff!,
                {
                    ...view.awaitingSignOff![0]!,
                    id: 'x',
                    accountName: 'Longer',
                    daysWaiting: 21,
                    approverName: null
                }
            ],
            TEXTS,
            LOCALE
        );
        expect(items.map((item) => [item.accountName, item.approverName, item.detailText])).toEqual([
            ['Longer', '—', '21 days waiting'],
            ['Aeronova Group', 'Morgan Reyes', '10 days waiting']
        ]);
        expect(items[1]!.dateText).toBe('20 Nov 2026');
    });

    it('lists overdue reviews most overdue first', () => {
        const items = buildOverdueReviews(
            [
                ...view.overdueReviews!,
                { ...view.overdueReviews![0]!, id: 'y', accountName: 'Worse', daysOverdue: 40 }
            ],
            TEXTS,
            LOCALE
        );
        expect(items.map((item) => item.detailText)).toEqual(['40 days overdue', '5 days overdue']);
        expect(items[1]!.dateText).toBe('25 Nov 2026');
        expect(buildOverdueReviews(null, TEXTS)).toEqual([]);
    });
});

describe('quadrantPoints', () => {
    it('sizes by revenue or by pipeline', () => {
        expect(quadrantPoints(view, 'revenue').map((point) => point.size)).toEqual([4200000, 1000000, 0]);
        expect(quadrantPoints(view, 'pipeline').map((point) => point.size)).toEqual([1800000, 600000, 0]);
        expect(quadrantPoints(view, 'revenue')[0]).toMatchObject({
            id: '001000000000001AAA',
            score: 8.6,
            health: 38,
            tier: 'Tier 1'
        });
    });
});
