// Aeronova's sign-off, end to end in headless Chromium over a fresh preview org (each run starts its own
// server over the demo data, so the walk can run again): the rep submits the In Review plan with a comment
// and is offered no Approve; the manager, Morgan Reyes, approves it with a comment; the status path and the
// history say so; the rep then raises an objective's target and the sign-off lists it under "changed since
// approved" with the old and the new value. Nowhere in the page can the rep type or pick Approved.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Browser, Locator, Page } from 'playwright-core';
import type { PreviewServer } from '../preview/server';
import { closePreviewSession, startPreviewSession, watchProblems } from './previewSession';

let server: PreviewServer;
let browser: Browser;

const WORKSPACE = 'c-account-plan-workspace';
const SIGN_OFF = `${WORKSPACE} c-plan-sign-off`;
const OBJECTIVES = `${WORKSPACE} c-plan-objectives`;
const PLAN = 'Aeronova Group FY2026 Account Plan';
const OBJECTIVE = 'Sign the Helicopters IoT pilot';

function squeeze(value: string | null): string {
    return (value ?? '').replace(/\s+/g, ' ').trim();
}

function planRecord(): Record<string, unknown> & { Id: string } {
    const plan = server.org.all('Account_Plan__c').find((record) => record.Name === PLAN);
    assert.ok(plan, 'the demo plan is loaded');
    return plan;
}

function currentStep(page: Page): Promise<string | null> {
    return page.locator(`${WORKSPACE} [data-id="status-path"] li.slds-is-current`).getAttribute('data-step');
}

async function viewAs(page: Page, role: 'rep' | 'manager'): Promise<void> {
    await page.locator('[data-id="user-switcher"]').selectOption(role);
    await page.locator(`${WORKSPACE} [data-id="plan-name"]`).waitFor();
    await page.locator(`${SIGN_OFF} [data-id="approver"]`).waitFor();
}

/** Starts an action of the sign-off panel, types the comment and confirms; waits for the panel's toast. */
async function signOffAction(page: Page, button: string, comment: string): Promise<void> {
    await page.locator(`${SIGN_OFF} [data-id="${button}"] button`).click();
    await page.locator(`${SIGN_OFF} [data-id="comment"] textarea`).fill(comment);
    await page.locator(`${SIGN_OFF} [data-id="confirm"] button`).click();
    await page.locator(`${SIGN_OFF} [data-id="comment-form"]`).waitFor({ state: 'detached' });
}

/** Every choice and typed value a page offers, through its components' shadow trees. */
async function offeredValues(scope: Locator): Promise<string[]> {
    return scope.evaluate((root) => {
        const values: string[] = [];
        const walk = (node: Element | ShadowRoot): void => {
            for (const element of Array.from(node.querySelectorAll('*'))) {
                if (element instanceof HTMLOptionElement) values.push(element.value, element.text);
                if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)
                    values.push(element.value);
                if (element.getAttribute('role') === 'option')
                    values.push(element.getAttribute('data-value') ?? '', element.textContent ?? '');
                if (element.shadowRoot) walk(element.shadowRoot);
            }
        };
        walk(root);
        return values.map((value) => value.trim()).filter((value) => value);
    });
}

describe("Aeronova's sign-off in Chromium", () => {
    before(async () => {
        ({ server, browser } = await startPreviewSession());
    });

    after(async () => {
        await closePreviewSession({ server, browser });
    });

    it('walks the plan from In Review to Approved, then shows an objective changed since', async () => {
        // a browser context of its own: its own "Viewing as" cookie, starting as the rep
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
        const problems = watchProblems(page);
        await page.goto(server.url);
        await page.locator(`${WORKSPACE} [data-id="plan-name"]`, { hasText: PLAN }).waitFor();
        assert.equal(await currentStep(page), 'In Review');
        assert.equal(
            squeeze(await page.locator(`${SIGN_OFF} [data-id="approver"]`).textContent()),
            'Morgan Reyes'
        );
        await page.locator(`${SIGN_OFF} [data-id="no-history"]`).waitFor();

        // the rep submits with a comment: pending for Morgan, and the rep may recall but not approve
        assert.equal(await page.locator(`${SIGN_OFF} [data-id="approve"]`).count(), 0);
        await signOffAction(page, 'submit', 'Helicopters pilot and the CIO sponsor are in; please sign off.');
        await page.locator(`${SIGN_OFF} [data-id="status-line"]`, { hasText: 'Morgan Reyes' }).waitFor();
        await page.locator(`${SIGN_OFF} [data-id="recall"]`).waitFor();
        assert.equal(
            await page.locator(`${SIGN_OFF} [data-id="approve"]`).count(),
            0,
            'no Approve for the rep'
        );
        assert.equal(
            await page.locator(`${SIGN_OFF} [data-id="reject"]`).count(),
            0,
            'no Reject for the rep'
        );
        assert.equal(await page.locator(`${SIGN_OFF} [data-id="submit"]`).count(), 0, 'submitted once');
        assert.equal(await currentStep(page), 'In Review');
        assert.equal(planRecord().Status__c, 'In Review');

        // the manager approves with a comment
        await viewAs(page, 'manager');
        await page.locator(`${SIGN_OFF} [data-id="approve"]`).waitFor();
        await signOffAction(page, 'approve', 'Approved: keep the Q1 review with Priya and Tomás.');
        await page
            .locator(`${WORKSPACE} [data-id="status-path"] li.slds-is-current[data-step="Approved"]`)
            .waitFor();
        assert.equal(planRecord().Status__c, 'Approved');
        assert.match(String(planRecord().Approval_Date__c), /^\d{4}-\d{2}-\d{2}$/, 'dated by the process');
        assert.equal(await page.locator(`${SIGN_OFF} [data-id="approve"]`).count(), 0, 'decided once');

        const history = (await page.locator(`${SIGN_OFF} [data-id="history"] li`).allTextContents()).map(
            squeeze
        );
        assert.equal(history.length, 2, history.join(' | '));
        const submitted = history.find((line) => line.startsWith('Submitted'));
        const approved = history.find((line) => line.startsWith('Approved'));
        assert.match(
            submitted ?? '',
            /^Submitted · Alex Morgan · .+ — Helicopters pilot and the CIO sponsor/
        );
        assert.match(
            approved ?? '',
            /^Approved · Morgan Reyes · .+ — Approved: keep the Q1 review with Priya/
        );
        await page.locator(`${SIGN_OFF} [data-id="no-changes"]`).waitFor();

        // back to the rep, who may still work the objectives of an approved plan: the target goes 1 → 3
        await viewAs(page, 'rep');
        assert.equal(await currentStep(page), 'Approved');
        const row = page.locator(`${OBJECTIVES} [data-id="objective"]`, { hasText: OBJECTIVE });
        await row.locator('[data-id="edit"] button').click();
        const target = page.locator(`${OBJECTIVES} [data-field="targetValue"] input`);
        assert.equal(await target.inputValue(), '1');
        await target.fill('3');
        await page.locator(`${OBJECTIVES} [data-id="save"] button`).click();
        await page.locator(`${OBJECTIVES} [data-id="form"]`).waitFor({ state: 'detached' });
        const objective = server.org.all('Plan_Objective__c').find((record) => record.Name === OBJECTIVE);
        assert.equal(Number(objective?.Target_Value__c), 3, 'saved');

        // the sign-off panel on the same page lists the change, with no reload
        const changes = page.locator(`${SIGN_OFF} [data-id="changes"]`);
        await changes.waitFor();
        assert.match(
            squeeze(await page.locator(`${SIGN_OFF} [data-id="changes-heading"]`).textContent()),
            /^Changed since approved on /
        );
        const lines = (await changes.locator('li').allTextContents()).map(squeeze);
        assert.ok(
            lines.some((line) => line.includes(OBJECTIVE) && / 1 → 3$/.test(line)),
            `old → new: ${lines.join(' | ')}`
        );

        // no way for the rep to set Approved by hand: the path's steps are labels, and no field or choice
        // anywhere in the page offers the status
        assert.equal(
            await page
                .locator(
                    `${WORKSPACE} [data-id="status-path"] button, ${WORKSPACE} [data-id="status-path"] a`
                )
                .count(),
            0
        );
        await row.locator('[data-id="edit"] button').click();
        await page.locator(`${OBJECTIVES} [data-id="form"]`).waitFor();
        const offered = await offeredValues(page.locator('body'));
        assert.ok(offered.length > 0, 'the walk sees the open form');
        assert.ok(
            !offered.includes('Approved'),
            `a choice or a field offers Approved: ${offered.join(', ')}`
        );
        await page.locator(`${OBJECTIVES} [data-id="cancel"] button`).click();

        assert.deepEqual(problems, []);
        await page.close();
    });

    it('on a phone, the approved plan reads its whole status and its sign-off fits the screen', async () => {
        // runs after the walk above: the plan is Approved now
        const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
        const problems = watchProblems(page);
        await page.goto(server.url);
        await page.locator(`${SIGN_OFF} [data-id="changes"]`).waitFor();
        const current = page.locator(
            `${WORKSPACE} [data-id="status-path"] li.slds-is-current .slds-path__title`
        );
        assert.equal(squeeze(await current.textContent()), 'Approved');
        const cut = await current.evaluate((title) => title.scrollWidth > title.clientWidth);
        assert.equal(cut, false, 'the current step shows its whole name');
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 390, `page is ${width} px wide`);
        assert.deepEqual(problems, []);
        await page.close();
    });
});
