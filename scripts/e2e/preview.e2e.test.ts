// The preview end to end in headless Chromium: the real compiled components over the demo data, as a
// rep would use them — read Aeronova's plan, create a plan where there is none, be told what is wrong.
import * as fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Browser, Locator, Page } from 'playwright-core';
import type { SObjectRecord } from '../preview/emulator/store';
import type { PreviewServer } from '../preview/server';
import { closePreviewSession, startPreviewSession, watchProblems } from './previewSession';

let server: PreviewServer;
let browser: Browser;

interface OpenPage {
    page: Page;
    problems: string[];
}

async function open(hash: string): Promise<OpenPage> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watchProblems(page);
    await page.goto(`${server.url}${hash}`);
    return { page, problems };
}

function accountId(name: string): string {
    const account = server.org.all('Account').find((record) => record.Name === name);
    assert.ok(account, `${name} is in the demo data`);
    return account.Id;
}

const card = 'c-account-plan-summary';

describe('preview in Chromium', () => {
    before(async () => {
        ({ server, browser } = await startPreviewSession());
    });

    after(async () => {
        await closePreviewSession({ server, browser });
    });

    it("shows Aeronova Group's plan card with no console errors", async () => {
        const { page, problems } = await open('');
        await page.locator(`${card} [data-id="plan"]`).waitFor();
        assert.equal(await page.locator('[data-id="highlights"] h1').textContent(), 'Aeronova Group');
        assert.equal(
            (await page.locator(`${card} .plan-name`).textContent())?.trim(),
            'Aeronova Group FY2026 Account Plan'
        );
        assert.equal((await page.locator(`${card} [data-id="status"]`).textContent())?.trim(), 'In Review');
        assert.equal(
            (await page.locator(`${card} [data-id="progress"]`).textContent())?.trim(),
            '62% of goal won'
        );
        assert.match((await page.locator(`${card} [data-id="won"]`).textContent()) ?? '', /\$7,450,000/);
        assert.match((await page.locator(`${card} [data-id="goal"]`).textContent()) ?? '', /\$12,000,000/);
        assert.deepEqual(problems, []);
        await page.close();
    });

    it("draws Aeronova's org chart with the story's tensions on the cards", async () => {
        const { page, problems } = await open('');
        const chart = 'c-org-chart-heat-map';
        await page.locator(`${chart} g.node`).first().waitFor();
        const label = async (name: string): Promise<string> => {
            const id = server.org
                .all('Contact')
                .find((contact) => `${contact.FirstName} ${contact.LastName}` === name)!.Id;
            return (await page.locator(`${chart} g.node[data-id="${id}"]`).getAttribute('aria-label')) ?? '';
        };
        const victor = await label('Victor Hale');
        assert.match(victor, /Decision maker/);
        assert.match(victor, /No owner/);
        assert.match(await label('Priya Natarajan'), /Leaving/);
        assert.match(await label('Daniel Brandt'), /Champions Brightwave Consulting/);
        const victorId = server.org.all('Contact').find((contact) => contact.LastName === 'Hale')!.Id;
        assert.equal(
            await page.locator(`${chart} g.node[data-id="${victorId}"]`).getAttribute('class'),
            'node heat-cold'
        );
        assert.ok((await page.locator(`${chart} path.influence`).count()) > 0, 'influence links drawn');
        // the first gaps by name, then a count per kind that shows just those people
        assert.equal(await page.locator(`${chart} [data-id="insights"] li`).count(), 4);
        const insights = ((await page.locator(`${chart} [data-id="insights"]`).textContent()) ?? '').replace(
            /\s+/g,
            ' '
        );
        assert.match(insights, /Victor Hale decides, and nobody on our team owns the relationship\./);
        assert.match(insights, /Decision makers nobody owns: \d+/);
        assert.match(insights, /Leaving without a back-up: 1/);
        assert.match(insights, /Influential detractors: \d+/);
        assert.match(insights, /Single-threaded buying centers: \d+/);
        const leaving = page.locator(`${chart} [data-id="insight-groups"] button`, {
            hasText: 'Leaving without a back-up'
        });
        await leaving.click();
        assert.equal(await leaving.getAttribute('aria-pressed'), 'true');
        assert.equal(
            (await page.locator(`${chart} [data-id="match-count"]`).textContent())?.trim(),
            'Matching: 1'
        );
        const priya = server.org.all('Contact').find((contact) => contact.LastName === 'Natarajan')!.Id;
        assert.doesNotMatch(
            (await page.locator(`${chart} g.node[data-id="${priya}"]`).getAttribute('class'))!,
            /dimmed/
        );
        await leaving.click();
        assert.equal(await page.locator(`${chart} g.node.dimmed`).count(), 0);
        await page.locator(`${chart} [data-id="expand-all"] button`).click();
        assert.equal(await page.locator(`${chart} g.node`).count(), 60);
        await page.locator(`${chart} select[data-filter="stance"]`).selectOption('Detractor');
        const detractors = server.org
            .all('Contact')
            .filter(
                (contact) =>
                    contact.AccountId === accountId('Aeronova Group') && contact.Stance__c === 'Detractor'
            );
        assert.equal(
            (await page.locator(`${chart} [data-id="match-count"]`).textContent())?.trim(),
            `Matching: ${detractors.length}`
        );
        assert.doesNotMatch(
            (await page.locator(`${chart} g.node[data-id="${victorId}"]`).getAttribute('class'))!,
            /dimmed/
        );
        assert.equal(await page.locator(`${chart} g.node.dimmed`).count(), 60 - detractors.length);
        await page.locator(`${chart} select[data-filter="stance"]`).selectOption('');
        assert.equal(await page.locator(`${chart} g.node.dimmed`).count(), 0);
        assert.deepEqual(problems, []);
        await page.close();
    });

    it('edits a stakeholder in the side panel and moves people by dragging, with undo and loop refusal', async () => {
        const { page, problems } = await open('');
        const chart = 'c-org-chart-heat-map';
        const contact = (name: string): SObjectRecord =>
            server.org.all('Contact').find((person) => `${person.FirstName} ${person.LastName}` === name)!;
        const node = (id: string): Locator => page.locator(`${chart} g.node[data-id="${id}"]`);
        // wide enough for the chart beside the open side panel
        await page.setViewportSize({ width: 1600, height: 1000 });
        await page.locator(`${chart} g.node`).first().waitFor();

        const victor = contact('Victor Hale');
        // search finds, centres and opens the person
        await page.locator(`${chart} [data-id="search"] input`).fill('Victor Hale');
        const panel = page.locator(`${chart} c-stakeholder-panel`);
        await panel.locator('[data-id="panel-name"]').waitFor();
        assert.equal((await panel.locator('[data-id="panel-name"]').textContent())?.trim(), 'Victor Hale');
        assert.match((await panel.locator('[data-id="why"]').textContent()) ?? '', /Stance: 25% warm/);
        await panel.locator('select[data-field="stance"]').selectOption('Supporter');
        await panel.locator('[data-id="save"] button').click();
        await panel.locator('[data-id="panel-message"]').waitFor();
        assert.equal(server.org.get(victor.Id)!.Stance__c, 'Supporter');
        assert.match((await panel.locator('[data-id="why"]').textContent()) ?? '', /Stance: 75% warm/);

        const influence = panel.locator('select[data-field="influence"]');
        await influence.selectOption('');
        await panel.locator('[data-id="save"] button').click();
        await panel.locator('[data-id="panel-message"]').waitFor();
        assert.equal(server.org.get(victor.Id)!.Influence__c, null);

        // drag a report onto someone else, then undo: the report centred at a readable zoom by search
        const report = server.org
            .all('Contact')
            .find((person) => person.ReportsToId === victor.Id && !person.Leaving__c)!;
        await page
            .locator(`${chart} [data-id="search"] input`)
            .fill(`${report.FirstName} ${report.LastName}`);
        await panel.locator('[data-id="panel-name"]', { hasText: String(report.LastName) }).waitFor();
        await page.locator(`${chart} [data-id="chart"]`).scrollIntoViewIfNeeded();
        const chartBox = (await page.locator(`${chart} [data-id="chart"]`).boundingBox())!;
        const onScreen = async (id: string): Promise<boolean> => {
            if (!(await node(id).count())) return false;
            const box = await node(id).locator('rect.card').boundingBox();
            return (
                !!box &&
                box.x >= chartBox.x &&
                box.y >= chartBox.y &&
                box.x + box.width <= chartBox.x + chartBox.width &&
                box.y + box.height <= chartBox.y + chartBox.height
            );
        };
        let target: SObjectRecord | undefined;
        for (const candidate of server.org
            .all('Contact')
            .filter(
                (person) =>
                    person.AccountId === victor.AccountId &&
                    person.Id !== report.Id &&
                    person.Id !== victor.Id
            )) {
            if (candidate.ReportsToId !== report.Id && (await onScreen(candidate.Id))) {
                target = candidate;
                break;
            }
        }
        assert.ok(target, 'someone to move the report under is on screen next to them');
        assert.ok(await onScreen(victor.Id), 'the manager is on screen above the report');
        const drag = async (from: string, to: string): Promise<void> => {
            const a = (await node(from).locator('rect.card').boundingBox())!;
            const b = (await node(to).locator('rect.card').boundingBox())!;
            await page.mouse.move(a.x + 20, a.y + a.height / 2);
            await page.mouse.down();
            await page.mouse.move(a.x + 40, a.y + a.height / 2, { steps: 3 });
            await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
            await page.mouse.up();
        };
        await drag(report.Id, target.Id);
        const status = page.locator(`${chart} [data-id="status"]`);
        await status.locator('[data-id="undo"]').waitFor();
        assert.equal(server.org.get(report.Id)!.ReportsToId, target.Id);
        assert.match((await status.textContent()) ?? '', /now reports to/);
        await status.locator('[data-id="undo"]').click();
        await page.waitForFunction(
            ([selector]) => !document.querySelector(selector!),
            [`${chart} [data-id="undo"]`]
        );
        assert.equal(server.org.get(report.Id)!.ReportsToId, victor.Id);

        // a manager dropped on their own report is refused here, and nothing is saved
        await node(victor.Id).waitFor();
        await drag(victor.Id, report.Id);
        await page.locator(`${chart} [data-id="status"].slds-alert_error`).waitFor();
        assert.match((await status.textContent()) ?? '', /would make a reporting loop/);
        assert.equal(server.org.get(victor.Id)!.ReportsToId, victor.ReportsToId);
        assert.deepEqual(problems, []);
        await page.close();
    });

    it('exports the whole open chart with a title, the date and the legend as SVG and PNG', async () => {
        const { page, problems } = await open('');
        const chart = 'c-org-chart-heat-map';
        await page.locator(`${chart} g.node`).first().waitFor();
        const saved = async (button: string): Promise<Buffer> => {
            const [download] = await Promise.all([
                page.waitForEvent('download'),
                page.locator(`${chart} [data-id="${button}"] button`).click()
            ]);
            const file = await download.path();
            return fs.readFileSync(file!);
        };
        const svg = (await saved('export-svg')).toString('utf8');
        assert.match(svg, /^<\?xml/);
        assert.match(svg, /<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
        assert.match(svg, />Victor Hale</);
        assert.match(svg, />Aeronova Group — Org Chart</);
        assert.match(svg, />As of [^<]+2026</);
        assert.match(svg, />Reporting line</);
        assert.match(svg, />Initials: who on our team owns the relationship</);
        assert.doesNotMatch(svg, /<foreignObject|<div/);
        // every person open on the chart, on screen or not: one card group each
        const openCards = await page.locator(`${chart} g.node`).count();
        assert.equal((svg.match(/<rect width="220" height="96"/g) ?? []).length, openCards);
        const png = await saved('export-png');
        assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
        assert.ok(png.length > 5000, 'a real picture');
        assert.deepEqual(problems, []);
        await page.close();
    });

    it("shows Aeronova's landscape: Salesforce Practice targets in Sales and Marketing, unmapped business, CSV", async () => {
        const { page, problems } = await open('');
        const grid = 'c-landscape-grid';
        await page.locator(`${grid} table`).waitFor();
        const named = (object: string, name: string): string =>
            server.org.all(object).find((record) => record.Name === name)!.Id;
        const salesforce = named('Offering__c', 'Salesforce Practice');
        const cell = (center: string): Locator =>
            page.locator(
                `${grid} td[data-row="${named('Buying_Center__c', center)}"][data-column="${salesforce}"]`
            );
        assert.equal((await cell('Sales').textContent())?.trim(), '$1M target');
        assert.equal((await cell('Marketing').textContent())?.trim(), '$1M target');
        assert.equal(
            (
                await page.locator(`${grid} td[data-row="unmapped"][data-column="unmapped"]`).textContent()
            )?.trim(),
            '$250K pipeline'
        );
        await page.locator(`${grid} [data-view="status"] button`).click();
        assert.equal((await cell('Sales').getAttribute('class'))?.includes('state-target'), true);
        const [download] = await Promise.all([
            page.waitForEvent('download'),
            page.locator(`${grid} [data-id="export-csv"] button`).click()
        ]);
        const csv = fs.readFileSync((await download.path())!, 'utf8');
        const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
        assert.match(
            lines[0]!,
            /^Buying center,Engineering Consulting,.*Salesforce Practice,Unmapped,Total$/
        );
        assert.ok(
            lines.some((line) => /^Sales,.*Whitespace target/.test(line)),
            'the status view as shown'
        );
        assert.match(lines[lines.length - 1]!, /^Total,/);
        assert.deepEqual(problems, []);
        await page.close();
    });

    it('marks landscape cells, refuses a competitor without a name, opens an opportunity and adds a buying center', async () => {
        const { page, problems } = await open('');
        const grid = 'c-landscape-grid';
        await page.locator(`${grid} table`).waitFor();
        const named = (object: string, name: string): string =>
            server.org.all(object).find((record) => record.Name === name)!.Id;
        const heli = named('Buying_Center__c', 'Helicopters');
        const salesforce = named('Offering__c', 'Salesforce Practice');
        const cell = page.locator(`${grid} td[data-row="${heli}"][data-column="${salesforce}"]`);
        const editor = page.locator(`${grid} [data-id="cell-editor"]`);
        await cell.click();
        await editor.locator('select[data-field="status"]').selectOption('Competitor Incumbent');
        await editor.locator('[data-id="save-cell"] button').click();
        await editor.locator('[data-id="edit-error"]').waitFor();
        assert.equal(
            (await editor.locator('[data-id="edit-error"]').textContent())?.trim(),
            'Name the competitor that holds this business.'
        );
        await editor.locator('select[data-field="status"]').selectOption('Whitespace Target');
        await editor.locator('lightning-input[data-field="potentialValue"] input').fill('750000');
        // the date field reads dates as the user's locale writes them
        await editor.locator('lightning-input[data-field="targetDate"] input').fill('Sep 30, 2027');
        await editor.locator('lightning-input[data-field="targetDate"] input').blur();
        await editor.locator('[data-id="save-cell"] button').click();
        await editor.waitFor({ state: 'detached' });
        assert.equal((await cell.textContent())?.trim(), '$750K target');
        const saved = server.org
            .all('Landscape_Cell__c')
            .find((record) => record.Buying_Center__c === heli && record.Offering__c === salesforce)!;
        assert.equal(saved.Target_Date__c, '2027-09-30');

        await cell.click();
        await page.evaluate(() => {
            const store = window as unknown as { navigations: unknown[] };
            store.navigations = [];
            window.addEventListener('preview__navigate', (event) =>
                store.navigations.push((event as CustomEvent).detail)
            );
        });
        await editor.locator('[data-id="create-opportunity"] button').click();
        const [reference] = (await page.evaluate(
            () => (window as unknown as { navigations: unknown[] }).navigations
        )) as { attributes: Record<string, string>; state: { defaultFieldValues: string } }[];
        assert.equal(reference?.attributes.objectApiName, 'Opportunity');
        assert.equal(reference?.attributes.actionName, 'new');
        assert.match(reference!.state.defaultFieldValues, new RegExp(`Buying_Center__c=${heli}`));
        assert.match(reference!.state.defaultFieldValues, /Amount=750000,CloseDate=2027-09-30/);
        // the preview opens the new-Opportunity form over the page, as the platform does; back to the grid
        await page.locator('preview-record-form [data-id="form-cancel"]').click();
        await page.locator(`${grid} table`).waitFor();
        await cell.click();
        await editor.locator('[data-id="clear-cell"] button').click();
        await editor.waitFor({ state: 'detached' });
        assert.equal((await cell.textContent())?.trim(), '');

        await page.locator(`${grid} [data-id="add-center-button"] button`).click();
        const form = page.locator(`${grid} [data-id="add-center"]`);
        await form.locator('lightning-input input').fill('Procurement');
        await form.locator('select[data-field="kind"]').selectOption('Function');
        await form.locator('[data-id="save-center"] button').click();
        await form.waitFor({ state: 'detached' });
        // the org chart on the same page offers it in its filter at once
        await page
            .locator('c-org-chart-heat-map select[data-filter="buyingCenterId"] option', {
                hasText: 'Procurement'
            })
            .waitFor({ state: 'attached' });
        const procurement = named('Buying_Center__c', 'Procurement');
        await page.locator(`${grid} tr[data-row="${procurement}"]`).waitFor();
        assert.deepEqual(problems, []);
        await page.close();
    });

    it('switches accounts with the account switcher', async () => {
        const { page, problems } = await open('');
        await page.locator(`${card} [data-id="plan"]`).waitFor();
        await page.locator('[data-id="account-switcher"]').selectOption({ label: 'Meridian Bank' });
        await page.locator(`${card} .plan-name`, { hasText: 'Meridian Bank FY2026 Account Plan' }).waitFor();
        assert.equal((await page.locator(`${card} [data-id="status"]`).textContent())?.trim(), 'Approved');
        assert.deepEqual(problems, []);
        await page.close();
    });

    it('creates a plan for an account without one, refusing bad input with the validation message first', async () => {
        const globexId = accountId('Globex Industries');
        const { page, problems } = await open(`#/record/${globexId}`);
        await page.locator(`${card} [data-id="empty"]`).waitFor();
        await page.locator(`${card} [data-id="create"] button`).click();
        await page.locator(`${card} [data-id="create-form"]`).waitFor();

        const goal = page.locator(`${card} lightning-input[data-field="revenueGoal"] input`);
        await goal.fill('-5');
        await goal.blur();
        await page.locator(`${card} [data-id="save"] button`).click();
        await page.locator(`${card} [data-id="form-error"]`).waitFor();
        assert.equal(
            (await page.locator(`${card} [data-id="form-error"]`).textContent())?.trim(),
            'The revenue goal cannot be negative.'
        );
        assert.equal(
            server.org.all('Account_Plan__c').filter((plan) => plan.Account__c === globexId).length,
            0,
            'nothing was saved'
        );

        // the currency input re-formats its text: replace it the way a person does
        await goal.click();
        await goal.press('Control+A');
        await goal.press('Delete');
        await goal.pressSequentially('2500000');
        await goal.blur();
        await page.locator(`${card} [data-id="save"] button`).click();
        await page.locator(`${card} [data-id="plan"]`).waitFor();
        assert.match(
            (await page.locator(`${card} .plan-name`).textContent()) ?? '',
            /^Globex Industries FY\d{4} plan$/
        );
        assert.equal((await page.locator(`${card} [data-id="status"]`).textContent())?.trim(), 'Draft');
        await page.locator('[data-id="toast"]', { hasText: 'Plan created' }).waitFor();
        assert.equal(
            server.org.all('Account_Plan__c').filter((plan) => plan.Account__c === globexId).length,
            1
        );
        assert.deepEqual(problems, []);
        await page.close();
    });

    it('says so when the record in the address does not exist', async () => {
        const { page } = await open('#/record/001000000000999AAA');
        await page.locator('[role="alert"]', { hasText: 'No account with Id 001000000000999AAA' }).waitFor();
        await page.close();
    });
});
