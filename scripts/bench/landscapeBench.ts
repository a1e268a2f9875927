// The landscape in headless Chromium: our landscapeGrid against lightning-datatable showing the same
// matrix, on generated grids, each case in a fresh page. One line per grid size and measure:
//   bench landscape rows=200 cols=100 mode=first-render keystone_ms=… peer_ms=… ratio=…
import '../lib/lwcModules';
import type { Browser } from 'playwright-core';
import type { LandscapeService_Landscape } from '@salesforce/apex/types';
import {
    buildLandscape,
    landscapeFromApex,
    type BusinessGroup,
    type CellRecord,
    type LandscapeView
} from '../../lwc-ts/landscapeModel/landscapeModel';
import { cellText } from '../../lwc-ts/landscapeCell/landscapeCell';
import { compactMoney } from '../../lwc-ts/landscapeMoney/landscapeMoney';
import { landscapeResult } from '../../lwc-ts/landscapeModel/__tests__/landscape';
import { CELL_WORDS as WORDS } from '../../lwc-ts/landscapeWords/landscapeWords';
import { seededRandom } from '../data/generate';

export const GRID_SIZES: readonly [number, number][] = [
    [50, 20],
    [200, 100]
];
const ROUNDS = 3;
const ACCOUNT_ID = '001000000000001AAA';

/** A generated account: buying centers in divisions and regions, offerings in families, business in a third of the cells. */
export function generatedLandscape(rows: number, columns: number, seed: number): LandscapeService_Landscape {
    const random = seededRandom(seed);
    const id = (prefix: string, i: number): string =>
        `${prefix}${String(i).padStart(15 - prefix.length, '0')}AAA`;
    const buyingCenters = Array.from({ length: rows }, (_, i) => ({
        id: id('a01', i),
        name: `Buying center ${i}`,
        parentId: i > 0 && random() < 0.3 ? id('a01', Math.floor(random() * i)) : null,
        kind: null,
        active: true
    }));
    const offerings = Array.from({ length: columns }, (_, i) => ({
        id: id('a02', i),
        name: `Offering ${i}`,
        family: `Family ${i % 7}`,
        sortOrder: i
    }));
    const business: BusinessGroup[] = [];
    const cells: CellRecord[] = [];
    const outcomes = ['won', 'open', 'lost'] as const;
    for (const center of buyingCenters) {
        for (const offering of offerings) {
            const roll = random();
            if (roll < 0.33) {
                business.push({
                    buyingCenterId: center.id,
                    offeringId: offering.id,
                    period: random() < 0.8 ? 'current' : 'previous',
                    outcome: outcomes[Math.floor(random() * 3)]!,
                    amount: Math.round(random() * 5_000_000),
                    expected: Math.round(random() * 1_000_000),
                    deals: 1 + Math.floor(random() * 4)
                });
            } else if (roll < 0.4) {
                cells.push({
                    id: `c-${center.id}-${offering.id}`,
                    buyingCenterId: center.id,
                    offeringId: offering.id,
                    status: 'Whitespace Target',
                    potentialValue: Math.round(random() * 2_000_000),
                    targetDate: '2027-06-30',
                    competitor: null,
                    notes: null,
                    version: null
                });
            }
        }
    }
    return landscapeResult({
        accountId: ACCOUNT_ID,
        accountName: 'Generated',
        canAddBuyingCenter: true,
        kinds: [],
        buyingCenters,
        offerings,
        cells,
        business,
        coverage: [],
        openCases: [],
        plan: null
    });
}

/** The matrix as an admin's datatable would hold it: a row per buying center, a text column per offering. */
export function datatableOf(
    dto: LandscapeService_Landscape,
    view: LandscapeView
): { columns: { label: string; fieldName: string; type: string }[]; data: Record<string, string>[] } {
    const grid = buildLandscape(landscapeFromApex(dto));
    const money = (amount: number): string => compactMoney(amount, 'USD', 'en-US');
    return {
        columns: [
            { label: 'Buying center', fieldName: 'name', type: 'text' },
            ...grid.columns.map((column, c) => ({ label: column.name, fieldName: `c${c}`, type: 'text' }))
        ],
        data: grid.rows.map((row, r) => {
            const line: Record<string, string> = { id: row.id, name: row.name };
            grid.cells[r]!.forEach((cell, c) => {
                line[`c${c}`] = cellText(cell, view, WORDS, money);
            });
            return line;
        })
    };
}

type BenchWindow = Window & {
    landscapeBench: {
        answer(endpoint: string, result: unknown): void;
        keystone(accountId: string, rows: number): Promise<number>;
        keystoneView(view: string, marker: string): Promise<number>;
        peer(columns: unknown[], data: unknown[]): Promise<number>;
        peerView(data: unknown[]): Promise<number>;
        domNodes(): number;
    };
};

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)]!;
}

/** Prints the landscape lines; `baseUrl` serves /bench.html (the preview server after buildBenchPage). */
export async function runLandscapeBench(browser: Browser, baseUrl: string): Promise<string[]> {
    const lines: string[] = [];
    for (const [rows, cols] of GRID_SIZES) {
        const dto = generatedLandscape(rows, cols, rows * 1000 + cols);
        const shownRows = buildLandscape(landscapeFromApex(dto)).rows.length;
        const value = datatableOf(dto, 'value');
        const status = datatableOf(dto, 'status');
        const times = {
            keystone: [] as number[],
            keystoneView: [] as number[],
            peer: [] as number[],
            peerView: [] as number[]
        };
        const dom = { keystone: 0, peer: 0 };
        for (let round = 0; round < ROUNDS; round++) {
            const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
            await page.goto(new URL('/bench.html', baseUrl).toString());
            await page.waitForFunction(() => 'landscapeBench' in window);
            await page.evaluate(
                (result) =>
                    (window as unknown as BenchWindow).landscapeBench.answer(
                        'LandscapeController.getLandscape',
                        result
                    ),
                dto
            );
            times.keystone.push(
                await page.evaluate(
                    ([accountId, count]) =>
                        (window as unknown as BenchWindow).landscapeBench.keystone(accountId, count),
                    [ACCOUNT_ID, shownRows] as const
                )
            );
            dom.keystone = await page.evaluate(() =>
                (window as unknown as BenchWindow).landscapeBench.domNodes()
            );
            times.keystoneView.push(
                await page.evaluate(() =>
                    (window as unknown as BenchWindow).landscapeBench.keystoneView('status', 'state-existing')
                )
            );
            times.peer.push(
                await page.evaluate(
                    ([columns, data]) =>
                        (window as unknown as BenchWindow).landscapeBench.peer(columns, data),
                    [value.columns, value.data] as const
                )
            );
            dom.peer = await page.evaluate(() =>
                (window as unknown as BenchWindow).landscapeBench.domNodes()
            );
            times.peerView.push(
                await page.evaluate(
                    (data) => (window as unknown as BenchWindow).landscapeBench.peerView(data),
                    status.data
                )
            );
            await page.close();
        }
        const line = (mode: string, ours: number[], theirs: number[], extra = ''): void => {
            const keystone = median(ours);
            const peer = median(theirs);
            const text = `bench landscape rows=${rows} cols=${cols} mode=${mode} keystone_ms=${keystone.toFixed(1)} peer_ms=${peer.toFixed(1)} ratio=${(peer / keystone).toFixed(2)}${extra}`;
            lines.push(text);
            console.log(text);
        };
        line(
            'first-render',
            times.keystone,
            times.peer,
            ` keystone_dom=${dom.keystone} peer_dom=${dom.peer}`
        );
        line('view-switch', times.keystoneView, times.peerView);
    }
    return lines;
}
