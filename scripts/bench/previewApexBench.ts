// The preview's Apex calls, timed where the server spends them (the call through the runtime, without
// HTTP): each cacheable read of each demo account, the plan workspace's reads of each account's current
// plan and the health and scoring cards (what opening the Keystone tab asks for), the manager's portfolio,
// and the org chart's largest page (2,000 people) of a
// generated 20,000-person account. One line per account and method:
//   bench preview-apex account="Aeronova Group" method=OrgChartController.getOrgChart first_ms=… median_ms=… max_ms=… runs=…
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DATA_DIR } from '../lib/project';
import { generate } from '../data/generate';
import { invokeAura, type AuraContext } from '../preview/apex/auraBridge';
import { createPreviewOrg, userForRole } from '../preview/apex/previewOrg';

const READS = [
    'OrgChartController.getOrgChart',
    'LandscapeController.getLandscape',
    'AccountPlanController.getPlanSummary'
];

/** The workspace's sections, each read with the plan's Id (the header reads the account's). */
const PLAN_READS = [
    'PlanObjectiveController.getObjectives',
    'SwotBoardController.getBoard',
    'PlanMilestoneController.getMilestones',
    'PlanOpenCasesController.getOpenCases',
    'PlanSignOffController.getSignOff'
];

function median(values: readonly number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)]!;
}

function time(context: AuraContext, method: string, args: Record<string, unknown>, runs: number): number[] {
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
        const started = performance.now();
        invokeAura(context, method, args);
        times.push(performance.now() - started);
    }
    return times;
}

function line(account: string, method: string, times: readonly number[]): string {
    return `bench preview-apex account="${account}" method=${method} first_ms=${times[0]!.toFixed(1)} median_ms=${median(times).toFixed(1)} max_ms=${Math.max(...times).toFixed(1)} runs=${times.length}`;
}

/** Times the demo accounts' reads and the 20,000-person account's largest org chart page; prints and returns the lines. */
export function runPreviewApexBench(runs = 15, largeRuns = 5): string[] {
    const lines: string[] = [];
    const print = (text: string): void => {
        lines.push(text);
        console.log(text);
    };
    const demo = createPreviewOrg(DATA_DIR);
    const context: AuraContext = {
        org: demo.apex,
        registry: demo.registry,
        userId: userForRole(demo.apex, DATA_DIR, 'rep')
    };
    for (const account of demo.apex.store.all('Account')) {
        for (const method of READS)
            print(line(String(account.Name), method, time(context, method, { accountId: account.Id }, runs)));
        const header = 'AccountPlanWorkspaceController.getWorkspace';
        print(line(String(account.Name), header, time(context, header, { recordId: account.Id }, runs)));
        // the Keystone tab's two manager cards: hygiene and health with the trend, the scoring matrix
        const health = 'AccountHealthController.getHealth';
        print(line(String(account.Name), health, time(context, health, { recordId: account.Id }, runs)));
        const scoring = 'KeyAccountScoringController.getScoring';
        print(line(String(account.Name), scoring, time(context, scoring, { accountId: account.Id }, runs)));
        const workspace = invokeAura(context, header, { recordId: account.Id }) as {
            plan?: { id?: string } | null;
        } | null;
        const planId = workspace?.plan?.id;
        if (!planId) continue;
        for (const method of PLAN_READS)
            print(line(String(account.Name), method, time(context, method, { planId }, runs)));
    }

    // the manager's portfolio (every key account the manager sees, one call)
    const managerContext: AuraContext = { ...context, userId: userForRole(demo.apex, DATA_DIR, 'manager') };
    const portfolio = 'KeyAccountPortfolioController.getPortfolio';
    print(line('every key account (manager)', portfolio, time(managerContext, portfolio, {}, runs)));

    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keystone-bench-apex-'));
    try {
        generate({ contacts: 20000, seed: 7, out: dataDir });
        const large = createPreviewOrg(dataDir);
        const largeContext: AuraContext = {
            org: large.apex,
            registry: large.registry,
            userId: userForRole(large.apex, dataDir, 'rep')
        };
        const account = large.apex.store.all('Account')[0]!;
        print(
            line(
                `${String(account.Name)} (20000 people, page of 2000)`,
                'OrgChartController.getOrgChart',
                time(largeContext, 'OrgChartController.getOrgChart', { accountId: account.Id }, largeRuns)
            )
        );
    } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
    }
    return lines;
}
