// Navigation in the preview, in headless Chromium: "Create opportunity" on a whitespace target opens the
// new-Opportunity form over the same account, prefilled; the org emulator's checks refuse bad input in
// the form; Save creates the record, Cancel and Back leave nothing behind; record links of other objects
// show their record, an Account link switches account.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from '../preview/server';
import { closePreviewSession, startPreviewSession, watchProblems } from './previewSession';

let server: PreviewServer;
let browser: Browser;

async function open(hash: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watchProblems(page);
    await page.goto(`${server.url}${hash}`);
    return { page, problems };
}

function idOf(object: string, name: string): string {
    const record = server.org.all(object).find((each) => each.Name === name);
    assert.ok(record, `${object} ${name} is in the demo data`);
    return record.Id;
}

/** Meridian's whitespace target with a value and a date: the cell the rep creates the opportunity from. */
function meridianTarget(): { buyingCenter: string; offering: string; value: number; date: string } {
    const meridian = idOf('Account', 'Meridian Bank');
    const cell = server.org
        .all('Landscape_Cell__c')
        .find(
            (each) =>
                each.Status__c === 'Whitespace Target' &&
                typeof each.Potential_Value__c === 'number' &&
                typeof each.Target_Date__c === 'string' &&
                server.org.get(String(each.Buying_Center__c))?.Account__c === meridian
        );
    assert.ok(cell, 'Meridian Bank has a whitespace target with a value and a date');
    return {
        buyingCenter: String(cell.Buying_Center__c),
        offering: String(cell.Offering__c),
        value: cell.Potential_Value__c as number,
        date: cell.Target_Date__c as string
    };
}

const grid = 'c-landscape-grid';
const form = 'preview-record-form [data-id="record-form"]';
const field = (name: string): string => `${form} [data-field="${name}"]`;

async function openCreateForm(page: Page, target: ReturnType<typeof meridianTarget>): Promise<void> {
    await page
        .locator(`${grid} td[data-row="${target.buyingCenter}"][data-column="${target.offering}"]`)
        .click();
    await page.locator(`${grid} [data-id="create-opportunity"] button`).click();
    await page.locator(form).waitFor();
    await page.locator(`${field('Name')} input`).waitFor();
}

async function heading(page: Page): Promise<string> {
    return ((await page.locator('[data-id="highlights"] h1').textContent()) ?? '').trim();
}

describe('navigation in the preview', () => {
    before(async () => {
        ({ server, browser } = await startPreviewSession());
    });

    after(async () => {
        await closePreviewSession({ server, browser });
    });

    it('creates an opportunity from a Meridian whitespace target: prefilled form, refusals, save', async () => {
        const meridian = idOf('Account', 'Meridian Bank');
        const target = meridianTarget();
        const { page, problems } = await open(`#/record/${meridian}`);
        await page.locator(`${grid} table`).waitFor();
        await openCreateForm(page, target);

        assert.equal(
            (await page.locator(`${form} [data-id="form-title"]`).textContent())?.trim(),
            'New Opportunity'
        );
        assert.equal(await heading(page), 'Meridian Bank', 'the account page stays under the form');
        assert.equal(await page.locator('[data-id="account-switcher"]').inputValue(), meridian);
        const selected = async (name: string): Promise<[string, string]> => [
            await page.locator(`${field(name)} select`).inputValue(),
            ((await page.locator(`${field(name)} select option:checked`).textContent()) ?? '').trim()
        ];
        assert.deepEqual(await selected('AccountId'), [meridian, 'Meridian Bank']);
        const centerName = String(server.org.get(target.buyingCenter)!.Name);
        const offeringName = String(server.org.get(target.offering)!.Name);
        assert.deepEqual(await selected('Buying_Center__c'), [target.buyingCenter, centerName]);
        assert.deepEqual(await selected('Offering__c'), [target.offering, offeringName]);
        assert.equal(await page.locator(`${field('Amount')} input`).inputValue(), String(target.value));
        assert.equal(await page.locator(`${field('CloseDate')} input`).inputValue(), target.date);
        const name = await page.locator(`${field('Name')} input`).inputValue();
        assert.match(name, new RegExp(`^Meridian Bank — .*${centerName}.*${offeringName}`));
        assert.deepEqual(await selected('StageName'), ['', '--None--']);

        const before = server.org.all('Opportunity').length;
        // the stage is required: the emulator refuses, the form says so and marks the field
        await page.locator(`${form} [data-id="form-save"]`).click();
        const error = page.locator(`${form} [data-id="form-error"]`);
        await error.waitFor();
        assert.equal((await error.textContent())?.trim(), 'Required fields are missing: [StageName]');
        assert.match((await page.locator(field('StageName')).getAttribute('class')) ?? '', /slds-has-error/);
        assert.equal(server.org.all('Opportunity').length, before, 'nothing saved');

        // a buying center of another account breaks the field's lookup filter
        await page.locator(`${field('StageName')} select`).selectOption('Prospecting');
        await page
            .locator(`${field('Buying_Center__c')} select`)
            .selectOption(idOf('Buying_Center__c', 'Helicopters'));
        await page.locator(`${form} [data-id="form-save"]`).click();
        await page
            .locator(`${form} [data-id="form-error"]`, {
                hasText: "Choose a buying center of the opportunity's account."
            })
            .waitFor();
        assert.equal(server.org.all('Opportunity').length, before, 'nothing saved');

        await page.locator(`${field('Buying_Center__c')} select`).selectOption(target.buyingCenter);
        await page.locator(`${form} [data-id="form-save"]`).click();
        await page.locator(form).waitFor({ state: 'detached' });
        const created = server.org.all('Opportunity').filter((each) => each.Name === name);
        assert.equal(created.length, 1);
        const [opportunity] = created;
        assert.equal(opportunity!.AccountId, meridian);
        assert.equal(opportunity!.Buying_Center__c, target.buyingCenter);
        assert.equal(opportunity!.Offering__c, target.offering);
        assert.equal(opportunity!.Amount, target.value);
        assert.equal(opportunity!.CloseDate, target.date);
        assert.equal(opportunity!.StageName, 'Prospecting');
        await page.locator('[data-id="toast"]', { hasText: `Opportunity "${name}" was created.` }).waitFor();
        assert.equal(new URL(page.url()).hash, `#/record/${meridian}`);
        assert.equal(await heading(page), 'Meridian Bank');
        // the grid's editor closed when the form opened; Refresh asks the server again for every view
        assert.equal(await page.locator(`${grid} [data-id="cell-editor"]`).count(), 0);
        const reloads = [
            'LandscapeController.getLandscape',
            'OrgChartController.getOrgChart',
            'AccountPlanController.getPlanSummary'
        ].map((method) => page.waitForRequest((request) => request.url().endsWith(`/api/apex/${method}`)));
        await page.locator(`${grid} [data-id="refresh"] button`).click();
        await Promise.all(reloads);
        await page.locator(`${grid} table`).waitFor();
        assert.deepEqual(problems, []);
        await page.close();
    });

    it('leaves nothing behind on Cancel or the browser Back, and opens the form straight from its address', async () => {
        const meridian = idOf('Account', 'Meridian Bank');
        const target = meridianTarget();
        const { page, problems } = await open(`#/record/${meridian}`);
        await page.locator(`${grid} table`).waitFor();
        const before = server.org.all('Opportunity').length;

        await openCreateForm(page, target);
        await page.locator(`${form} [data-id="form-cancel"]`).click();
        await page.locator(form).waitFor({ state: 'detached' });
        assert.equal(new URL(page.url()).hash, `#/record/${meridian}`);

        await openCreateForm(page, target);
        const address = new URL(page.url()).hash;
        assert.match(address, /^#\/page\//);
        await page.goBack();
        await page.locator(form).waitFor({ state: 'detached' });
        assert.equal(await heading(page), 'Meridian Bank');
        assert.equal(server.org.all('Opportunity').length, before, 'nothing saved');

        // a fresh tab on the form's address: the account the defaults name, not the first one
        const fresh = await open(address);
        await fresh.page.locator(`${field('Name')} input`).waitFor();
        assert.equal(await heading(fresh.page), 'Meridian Bank');
        await fresh.page.keyboard.press('Escape');
        await fresh.page.locator(form).waitFor({ state: 'detached' });
        assert.equal(new URL(fresh.page.url()).hash, `#/record/${meridian}`);
        assert.deepEqual([...problems, ...fresh.problems], []);
        await fresh.page.close();
        await page.close();
    });

    it('shows the record page of an Opportunity or a Contact and switches account on an Account link', async () => {
        const meridian = idOf('Account', 'Meridian Bank');
        const deal = server.org.all('Opportunity').find((each) => each.AccountId === meridian)!;
        const person = server.org.all('Contact').find((each) => each.AccountId === meridian)!;
        const { page, problems } = await open(`#/record/${meridian}`);
        await page.locator('[data-id="highlights"]').waitFor();
        await page.evaluate((id) => (window.location.hash = `#/record/${id}`), deal.Id);
        const view = 'preview-record-view';
        await page.locator(`${view} [data-id="record-name"]`, { hasText: String(deal.Name) }).waitFor();
        assert.equal(
            (await page.locator(`${view} [data-id="record-object"]`).textContent())?.trim(),
            'Opportunity'
        );
        assert.equal(
            (await page.locator(`${view} dd[data-field="AccountId"]`).textContent())?.trim(),
            'Meridian Bank'
        );
        assert.equal(await page.locator('[data-id="account-switcher"]').inputValue(), meridian);

        await page.evaluate((id) => (window.location.hash = `#/record/${id}`), person.Id);
        await page
            .locator(`${view} [data-id="record-name"]`, {
                hasText: `${String(person.FirstName)} ${String(person.LastName)}`
            })
            .waitFor();
        await page.locator('[data-id="back-to-account"]').click();
        await page.locator('[data-id="highlights"] h1', { hasText: 'Meridian Bank' }).waitFor();

        await page.evaluate(
            (id) => (window.location.hash = `#/record/${id}`),
            idOf('Account', 'Aeronova Group')
        );
        await page.locator('[data-id="highlights"] h1', { hasText: 'Aeronova Group' }).waitFor();
        assert.equal(await page.locator(view).count(), 0);
        assert.deepEqual(problems, []);
        await page.close();
    });
});
