// Add Project… aimed at the local sandbox: a wrong secret is rejected with a message and saves
// nothing, and the right one saves the profile. Every request goes to 127.0.0.1.
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { DEFAULT_KEY_ID, DEFAULT_KEY_SECRET, DEFAULT_PROJECT_ID, DEFAULT_REGION } from '../../src/sandbox/defaults';
import { sandboxState, waitForSandbox } from './sandboxControl';
import { chooseQuickPick, openSinchView, treeRow, useJourney } from './workbench';

/** Waits for the input box of step `step` of "Add Project (n/6)" and returns its text field. */
async function inputStep(page: Page, step: number): Promise<Locator> {
  await page.locator('.quick-input-widget .quick-input-title', { hasText: `Add Project (${step}/6)` }).waitFor({ timeout: 30_000 });
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  return input;
}

/** Types `text` into step `step` (or keeps its prefilled value when `text` is undefined) and presses Enter. */
async function answerStep(page: Page, step: number, text: string | undefined): Promise<void> {
  const input = await inputStep(page, step);
  if (text !== undefined) {
    await input.fill(text);
  }
  await page.keyboard.press('Enter');
}

/** Finds the progress notification of the credentials check, which closes some time after the check ends. */
function checkingToast(page: Page): Locator {
  return page.locator('.notification-toast', { hasText: 'Checking the credentials' });
}

/** Lists every file under `dir` whose bytes contain `text`. */
function filesContaining(dir: string, text: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).flatMap((entry) => {
    const full = path.join(entry.parentPath, entry.name);
    return entry.isFile() && fs.readFileSync(full).includes(text) ? [full] : [];
  });
}

describe('journey: add a project on the local sandbox', () => {
  const label = 'Practice project';
  const wrongSecret = `wrong_${randomUUID()}`;
  const journey = useJourney('add-project');

  it('rejects a wrong secret, then saves the right one', async () => {
    const { page } = journey.workbench;
    const pane = await openSinchView(page);
    await pane.locator('.welcome-view-content .monaco-button', { hasText: 'Add Project…' }).click();

    await answerStep(page, 1, label);
    await answerStep(page, 2, DEFAULT_PROJECT_ID);
    await inputStep(page, 3);
    const rows = await page.locator('.quick-input-list .monaco-list-row').all();
    const choices = await Promise.all(rows.map(async (row) => (await row.locator('.label-name').first().innerText()).trim()));
    assert.deepEqual(choices, ['us', 'eu', 'br', 'Local sandbox']);
    await journey.workbench.screenshot('0-region-step');
    await chooseQuickPick(page, 'Local sandbox');

    // Choosing the sandbox started it on the configured port.
    const state = await waitForSandbox(journey.sandboxPort);
    assert.equal(state.projectId, DEFAULT_PROJECT_ID);

    await answerStep(page, 4, DEFAULT_KEY_ID);
    const secretBox = await inputStep(page, 5);
    assert.equal(await secretBox.getAttribute('type'), 'password', 'the key secret box does not mask its text');
    await secretBox.fill(wrongSecret);
    await page.keyboard.press('Enter');
    await inputStep(page, 6);
    await chooseQuickPick(page, 'OAuth2');

    const error = page.locator('.notification-toast', { hasText: 'nothing was saved' });
    await error.waitFor({ timeout: 30_000 });
    const errorText = await error.innerText();
    assert.match(errorText, new RegExp(`Checking project ${DEFAULT_PROJECT_ID} in region ${DEFAULT_REGION} failed`));
    assert.match(errorText, new RegExp(`rejected access key ${DEFAULT_KEY_ID}`));
    assert.match(errorText, /Check the key ID and key secret/);
    assert.ok(!errorText.includes(wrongSecret), 'the error shows the secret');
    await checkingToast(page).waitFor({ state: 'detached', timeout: 15_000 });
    await journey.workbench.screenshot('1-wrong-secret');

    // The check reached the sandbox on 127.0.0.1, which rejected the key.
    const tokenRequests = (await sandboxState(journey.sandboxPort)).requests.filter((request) => request.route === 'token');
    assert.deepEqual(tokenRequests.map((request) => request.status), [401]);

    // Nothing was saved: no profile row, the welcome view is still shown, and no file contains the secret.
    assert.equal(await treeRow(page, label).count(), 0, 'the tree shows the rejected profile');
    assert.ok(await pane.locator('.welcome-view-content').isVisible(), 'the welcome view is gone');
    assert.deepEqual(filesContaining(path.join(journey.workbench.runDir, 'ud'), wrongSecret), []);
    assert.deepEqual([...journey.workbench.browser.blockedOrigins], [], 'the workbench tried to reach another host');

    // "Edit" goes through the prompts again, prefilled; the right secret saves the profile.
    await page.locator('.notification-toast', { hasText: 'nothing was saved' }).locator('.monaco-button', { hasText: 'Edit' }).click();

    const labelBox = await inputStep(page, 1);
    assert.equal(await labelBox.inputValue(), label, 'the label is not prefilled after Edit');
    await page.keyboard.press('Enter');
    await answerStep(page, 2, undefined);
    await inputStep(page, 3);
    const firstChoice = page.locator('.quick-input-list .monaco-list-row').first();
    assert.match(await firstChoice.innerText(), /Local sandbox/, 'the sandbox choice is not first after Edit');
    await chooseQuickPick(page, 'Local sandbox');
    await answerStep(page, 4, undefined);
    await answerStep(page, 5, DEFAULT_KEY_SECRET);
    await inputStep(page, 6);
    await chooseQuickPick(page, 'OAuth2');

    await page.locator('.notification-toast', { hasText: `Added project "${label}"` }).waitFor({ timeout: 30_000 });
    const row = treeRow(page, label);
    await row.waitFor({ timeout: 30_000 });
    assert.match(await row.innerText(), new RegExp(DEFAULT_PROJECT_ID));
    await checkingToast(page).waitFor({ state: 'detached', timeout: 15_000 });
    await journey.workbench.screenshot('2-added');

    const tokenStatuses = (await sandboxState(journey.sandboxPort)).requests.filter((request) => request.route === 'token').map((request) => request.status);
    assert.deepEqual(tokenStatuses.slice(0, 2), [401, 200]);
    assert.deepEqual(filesContaining(path.join(journey.workbench.runDir, 'ud'), wrongSecret), []);
  });
});
