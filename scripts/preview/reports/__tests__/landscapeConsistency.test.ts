// The reports a manager reads tell the same story as the landscape a rep reads: for Aeronova, the
// whitespace report's potential per offering and in total, and the pipeline report's open amounts per
// buying center, equal what the real LandscapeController returns and the landscape component draws
// (lwc-ts/landscapeModel), both run as the same users over the same demo org. One difference is by design:
// the landscape shows active offerings only, while the report (a report type cannot reach the offering's
// Active__c without a lookup path) still counts the targets on an offering since retired, as its
// description says.
import '../../../lib/lwcModules';
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { FORCE_APP } from '../../../lib/project';
import { buildLandscape, landscapeFromApex } from '../../../../lwc-ts/landscapeModel/landscapeModel';
import { invokeAura } from '../../apex/auraBridge';
import { demoOrg } from '../../__tests__/demoOrg';
import { readReportCatalog, runReport, type ReportResult } from '../runReports';
import type { GroupNode } from '../summarize';

// inside Aeronova's FY2026 plan, so the pipeline report's "this calendar year" is the plan's period
const TODAY = '2026-11-30';
const catalog = readReportCatalog(FORCE_APP);

function report(name: string): (typeof catalog.reports)[number] {
    const found = catalog.reports.find((each) => each.developerName === name);
    assert.ok(found, `${name} is shipped`);
    return found;
}

function aeronova(role: 'rep' | 'manager') {
    const { org, context } = demoOrg(TODAY, role);
    return landscapeOf(org, context);
}

/** Aeronova and its landscape as the user reads them over the org as it is now. */
function landscapeOf(org: ReturnType<typeof demoOrg>['org'], context: ReturnType<typeof demoOrg>['context']) {
    const account = org.all('Account').find((each) => each.Name === 'Aeronova Group')!;
    const landscape = buildLandscape(
        landscapeFromApex(
            invokeAura(context, 'LandscapeController.getLandscape', { accountId: account.Id }) as never
        )
    );
    return { context, account, landscape };
}

const sumKey = (column: string): string => `s!${column}`;
const POTENTIAL = 'Account.Buying_Centers__r.Landscape_Cells__r$Potential_Value__c';

for (const role of ['rep', 'manager'] as const)
    describe(`reports against the landscape for Aeronova, as the ${role}`, () => {
        it("totals the whitespace targets per offering and overall as the landscape's targeted potential", () => {
            const { context, account, landscape } = aeronova(role);
            const result: ReportResult = runReport(
                context.org,
                catalog,
                report('Whitespace_Targets_By_Offering'),
                context.userId,
                [{ column: 'Account$Name', operator: 'equals', value: account.Name as string }]
            );
            assert.equal(result.error, undefined);
            const key = sumKey(POTENTIAL);
            const fromReport = new Map(
                (result.down ?? []).map((group) => [group.key, group.summary.values[key] ?? 0])
            );
            const fromLandscape = new Map(
                landscape.columns
                    .filter((column) => column.totals.targeted > 0)
                    .map((column) => [column.id, column.totals.targeted])
            );
            assert.ok(fromLandscape.size > 0, 'Aeronova has whitespace targets');
            assert.deepEqual(fromReport, fromLandscape);
            assert.equal(result.grand!.values[key], landscape.grand.targeted);
        });

        it("totals the open pipeline per buying center as the landscape's rows, the unplaced deals included", () => {
            const { context, account, landscape } = aeronova(role);
            const result = runReport(
                context.org,
                catalog,
                report('Pipeline_By_Buying_Center_And_Offering'),
                context.userId,
                [{ column: 'Account$Name', operator: 'equals', value: account.Name as string }]
            );
            assert.equal(result.error, undefined);
            const accounts: GroupNode[] = result.down ?? [];
            assert.deepEqual(
                accounts.map((group) => group.label),
                ['Aeronova Group']
            );
            const key = sumKey('Account.Opportunities$Amount');
            const byCenter = new Map(
                accounts[0]!.children.map((center) => [
                    center.key.split('\u241f')[1] || 'unmapped',
                    center.summary.values[key] ?? 0
                ])
            );
            const rows = new Map(
                landscape.rows
                    .filter((row) => row.totals.pipeline > 0)
                    .map((row) => [row.unmapped ? 'unmapped' : row.id, row.totals.pipeline])
            );
            assert.ok(rows.size > 1, 'Aeronova has pipeline in more than one row');
            assert.deepEqual(byCenter, rows);
            assert.equal(result.grand!.values[key], landscape.grand.pipeline);
        });
        it('still counts the targets on a retired offering, which the landscape no longer shows', () => {
            const { org, context: session } = demoOrg(TODAY, role);
            const aeronovaId = org.all('Account').find((each) => each.Name === 'Aeronova Group')!.Id;
            const centers = new Set(
                org
                    .all('Buying_Center__c')
                    .filter((each) => each.Account__c === aeronovaId)
                    .map((each) => each.Id)
            );
            const targets = org
                .all('Landscape_Cell__c')
                .filter(
                    (each) =>
                        centers.has(String(each.Buying_Center__c)) && each.Status__c === 'Whitespace Target'
                );
            const retired = String(targets[0]!.Offering__c);
            const retiredPotential = targets
                .filter((each) => each.Offering__c === retired)
                .reduce((sum, each) => sum + Number(each.Potential_Value__c ?? 0), 0);
            assert.ok(retiredPotential > 0, 'the retired offering had targeted potential at Aeronova');
            // retired in the catalog as an admin does it in the standard UI
            org.update(retired, { Active__c: false });
            const { context, account, landscape } = landscapeOf(org, session);
            assert.ok(
                !landscape.columns.some((column) => column.id === retired),
                'the landscape leaves it out'
            );
            const result = runReport(
                context.org,
                catalog,
                report('Whitespace_Targets_By_Offering'),
                context.userId,
                [{ column: 'Account$Name', operator: 'equals', value: account.Name as string }]
            );
            assert.equal(result.error, undefined);
            const key = sumKey(POTENTIAL);
            const fromReport = new Map(
                (result.down ?? []).map((group) => [group.key, group.summary.values[key] ?? 0])
            );
            assert.equal(fromReport.get(retired), retiredPotential);
            fromReport.delete(retired);
            assert.deepEqual(
                fromReport,
                new Map(
                    landscape.columns
                        .filter((column) => column.totals.targeted > 0)
                        .map((column) => [column.id, column.totals.targeted])
                )
            );
            assert.equal(result.grand!.values[key], landscape.grand.targeted + retiredPotential);
        });
    });
