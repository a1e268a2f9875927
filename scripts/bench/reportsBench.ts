// `npm run bench -- --only reports`: every shipped report (force-app/main/default/reports) run by the
// preview's report engine over a generated portfolio of 200 key accounts — buying centers, landscape
// cells, opportunities, stakeholders and cases loaded into the demo org through Keystone's triggers — as
// the manager in user mode, timed from the first query to the last dashboard component. The peer runs
// the same reads and filters and then groups naively, row by row (each group's summary found by scanning
// every row again), the way a first implementation without buckets would:
//   bench reports accounts=200 reports=… rows=… keystone_ms=… peer_ms=… ratio=… peer=naive-row-by-row
import { FORCE_APP, DATA_DIR } from '../lib/project';
import { seededRandom } from '../data/generate';
import { apexTreeTarget, createPreviewOrg, userForRole } from '../preview/apex/previewOrg';
import type { ApexOrg } from '../apex-runtime/org/apexOrg';
import type { FieldValue } from '../preview/emulator/store';
import { columnsRead, readReportCatalog, reportTypeOf, runReportsPage } from '../preview/reports/runReports';
import { fetchRows } from '../preview/reports/fetchRows';
import { filterRows } from '../preview/reports/filters';
import { summariesOf } from '../preview/reports/summarize';

const ACCOUNTS = 200;
const CENTERS_PER_ACCOUNT = 8;
const OPPORTUNITIES_PER_ACCOUNT = 20;
const CONTACTS_PER_ACCOUNT = 15;
const CASES_PER_ACCOUNT = 3;
const ROUNDS = 5;
const TIERS = ['Tier 1', 'Tier 2', 'Tier 3'];
const STAGES = [
    'Prospecting',
    'Qualification',
    'Proposal/Price Quote',
    'Negotiation/Review',
    'Closed Won',
    'Closed Lost'
];
const ROLES = ['Decision Maker', 'Economic Buyer', 'Influencer', 'Technical Evaluator', 'User', 'Gatekeeper'];
const STANCES = ['Champion', 'Supporter', 'Neutral', 'Detractor', 'Blocker'];

/** Loads the generated portfolio into the org through its triggers, in chunks of 200 as a data load does. */
export function generatePortfolio(
    org: ApexOrg,
    registry: Parameters<typeof apexTreeTarget>[1],
    seed = 12
): number {
    const random = seededRandom(seed);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const target = apexTreeTarget(org, registry);
    const insert = (object: string, rows: Record<string, FieldValue>[]): string[] => {
        const ids: string[] = [];
        for (let start = 0; start < rows.length; start += 200)
            ids.push(...target.insertAll(object, rows.slice(start, start + 200)));
        return ids;
    };
    const offerings = org.store
        .all('Offering__c')
        .filter((each) => each.Active__c === true)
        .map((each) => String(each.Id));
    const year = Number(org.store.today.slice(0, 4));
    const accounts = insert(
        'Account',
        Array.from({ length: ACCOUNTS }, (_, i) => ({
            Name: `Portfolio Account ${i + 1}`,
            Key_Account_Tier__c: TIERS[i % 3]!
        }))
    );
    const centerRows = accounts.flatMap((account) =>
        Array.from({ length: CENTERS_PER_ACCOUNT }, (_, i) => ({
            Name: `Center ${i + 1}`,
            Account__c: account,
            Active__c: true
        }))
    );
    const centers = insert('Buying_Center__c', centerRows);
    const centersOf = (index: number): string[] =>
        centers.slice(index * CENTERS_PER_ACCOUNT, (index + 1) * CENTERS_PER_ACCOUNT);
    const cells: Record<string, FieldValue>[] = [];
    centers.forEach((center, i) => {
        if (i % 2) return;
        const offering = offerings[i % offerings.length]!;
        cells.push(
            random() < 0.7
                ? {
                      Buying_Center__c: center,
                      Offering__c: offering,
                      Status__c: 'Whitespace Target',
                      Potential_Value__c: Math.round(random() * 20) * 50000,
                      Target_Date__c: `${year + 1}-03-31`
                  }
                : {
                      Buying_Center__c: center,
                      Offering__c: offering,
                      Status__c: 'Competitor Incumbent',
                      Competitor__c: 'Brightwave Consulting'
                  }
        );
    });
    insert('Landscape_Cell__c', cells);
    insert(
        'Opportunity',
        accounts.flatMap((account, a) =>
            Array.from({ length: OPPORTUNITIES_PER_ACCOUNT }, (_, i) => ({
                Name: `Deal ${a + 1}-${i + 1}`,
                AccountId: account,
                StageName: pick(STAGES),
                CloseDate: `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-15`,
                Amount: Math.round(random() * 40) * 25000,
                Buying_Center__c: random() < 0.9 ? pick(centersOf(a)) : null,
                Offering__c: pick(offerings)
            }))
        )
    );
    insert(
        'Contact',
        accounts.flatMap((account, a) =>
            Array.from({ length: CONTACTS_PER_ACCOUNT }, (_, i) => ({
                LastName: `Person ${a + 1}-${i + 1}`,
                AccountId: account,
                Decision_Role__c: pick(ROLES),
                Stance__c: pick(STANCES),
                Buying_Center__c: pick(centersOf(a))
            }))
        )
    );
    insert(
        'Case',
        accounts.flatMap((account, a) =>
            Array.from({ length: CASES_PER_ACCOUNT }, (_, i) => ({
                Subject: `Issue ${a + 1}-${i + 1}`,
                AccountId: account,
                Status: i === 0 ? 'Closed' : 'New',
                Priority: pick(['Low', 'Medium', 'High'])
            }))
        )
    );
    return accounts.length;
}

/** The peer: the same reads and filters, each group's summaries found by scanning every row again. */
function naiveRun(org: ApexOrg, catalog: ReturnType<typeof readReportCatalog>, userId: string): number {
    let groups = 0;
    for (const report of catalog.reports) {
        const type = reportTypeOf(catalog, report);
        const { rows, shapes } = fetchRows(org, type, columnsRead(report), userId);
        const typeOf = (column: string): string => shapes.get(column)?.type ?? 'Text';
        const kept = filterRows(rows, report.filter, report.timeFrame, typeOf, org.store.today);
        const fields = [...report.groupingsDown, ...report.groupingsAcross].map((each) => each.field);
        const keyOf = (row: (typeof kept)[number]): string =>
            fields.map((field) => String(row.get(field)?.value ?? '')).join('|');
        const keys: string[] = [];
        for (const row of kept) if (!keys.includes(keyOf(row))) keys.push(keyOf(row));
        for (const key of keys) {
            const members = kept.filter((row) => keyOf(row) === key);
            for (const summary of summariesOf(report))
                if (summary.column)
                    members.reduce((sum, row) => sum + Number(row.get(summary.column!)?.value ?? 0), 0);
            groups++;
        }
    }
    return groups;
}

function median(run: () => void): number {
    run();
    const times: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
        const started = performance.now();
        run();
        times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)]!;
}

/** Generates the portfolio, times both sides and prints the line; returns it. */
export function runReportsBench(): string {
    const { apex, registry } = createPreviewOrg(DATA_DIR);
    const accounts = generatePortfolio(apex, registry);
    const manager = userForRole(apex, DATA_DIR, 'manager');
    const catalog = readReportCatalog(FORCE_APP);
    let rows = 0;
    const keystone = median(() => {
        const page = runReportsPage(apex, catalog, manager);
        const failed = page.reports.find((report) => report.error);
        if (failed) throw new Error(`bench reports: ${failed.error}`);
        rows = page.reports.reduce((sum, report) => sum + (report.rowCount ?? 0), 0);
    });
    const peer = median(() => naiveRun(apex, catalog, manager));
    const line = `bench reports accounts=${accounts} reports=${catalog.reports.length} rows=${rows} keystone_ms=${keystone.toFixed(1)} peer_ms=${peer.toFixed(1)} ratio=${(peer / keystone).toFixed(2)} peer=naive-row-by-row`;
    console.log(line);
    return line;
}
