// The manager's Health Trend report tells the demo story the account health card tells: Aeronova keeps good
// hygiene while its health weakens month after month, Meridian Bank stays healthy. The report runs over the
// demo org as it loads (six months of snapshots and today's, taken by the real Key Account Score job).
import '../../../lib/lwcModules';
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { FORCE_APP } from '../../../lib/project';
import { demoOrg } from '../../__tests__/demoOrg';
import { readReportCatalog, runReport, type ReportResult } from '../runReports';

const TODAY = '2026-11-30';
const HYGIENE = 'a!Account.Score_Snapshots__r$Hygiene_Score__c';
const HEALTH = 'a!Account.Score_Snapshots__r$Health_Score__c';
/** The account health card's bands: good from 70, weak below 50. */
const GOOD = 70;
const WEAK = 50;

function healthTrend(): ReportResult {
    const catalog = readReportCatalog(FORCE_APP);
    const report = catalog.reports.find((each) => each.developerName === 'Health_Trend');
    assert.ok(report, 'Health_Trend is shipped');
    const { context } = demoOrg(TODAY, 'manager');
    const result = runReport(context.org, catalog, report, context.userId);
    assert.equal(result.error, undefined);
    return result;
}

/** The account's average hygiene and health per month, oldest first. */
function monthsOf(
    result: ReportResult,
    account: string
): { month: string; hygiene: number; health: number }[] {
    const row = result.down!.find((node) => node.label === account);
    assert.ok(row, `${account} is a row of the report`);
    return [...result.across!]
        .sort((a, b) => a.key.localeCompare(b.key))
        .flatMap((month) => {
            const cell = Object.entries(result.cells!).find(
                ([key]) => key.startsWith(row.key) && key.endsWith(month.key)
            )?.[1];
            if (!cell || cell.rowCount === 0) return [];
            return [
                {
                    month: month.label,
                    hygiene: cell.values[HYGIENE] as number,
                    health: cell.values[HEALTH] as number
                }
            ];
        });
}

describe('the Health Trend report over the demo story', () => {
    const result = healthTrend();

    it('shows Aeronova with good hygiene and weak health this month, its health falling since June', () => {
        const months = monthsOf(result, 'Aeronova Group');
        assert.equal(months.length, 6, 'June to November');
        const now = months.at(-1)!;
        assert.equal(now.month, 'November 2026');
        assert.ok(now.hygiene >= GOOD, `hygiene ${now.hygiene}`);
        assert.ok(now.health < WEAK, `health ${now.health}`);
        assert.ok(
            months.every((each, i) => i === 0 || each.health < months[i - 1]!.health),
            `falling: ${months.map((each) => each.health).join(', ')}`
        );
    });

    it('shows Meridian Bank healthy, good on both scores every month', () => {
        const months = monthsOf(result, 'Meridian Bank');
        assert.equal(months.length, 6);
        for (const each of months) {
            assert.ok(each.hygiene >= GOOD, `${each.month} hygiene ${each.hygiene}`);
            assert.ok(each.health >= GOOD, `${each.month} health ${each.health}`);
        }
    });
});
