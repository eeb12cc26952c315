import * as assert from 'node:assert/strict';
import { conflictsOf, waitForSandbox } from './sandboxControl';
import { DEFAULT_KEY_SECRET } from '../../src/sandbox/defaults';
import { openSinchView, runCommand, treeRow, useJourney } from './workbench';

describe('journey: try with sample data', () => {
  const journey = useJourney('sample-data');

  it('shows apps, conflicts and contacts from the welcome view', async () => {
    const { page } = journey.workbench;
    const pane = await openSinchView(page);
    const button = pane.locator('.welcome-view-content .monaco-button', { hasText: 'Try with Sample Data' });
    await button.waitFor({ timeout: 30_000 });
    await journey.workbench.screenshot('1-welcome');
    await button.click();

    const profileRow = treeRow(page, 'Sandbox (sample data)');
    await profileRow.waitFor({ timeout: 30_000 });
    const state = await waitForSandbox(journey.sandboxPort);
    const conflicts = conflictsOf(state);
    assert.ok(conflicts.size >= 25, `the sample data has only ${conflicts.size} conflicts`);

    await treeRow(page, 'Identity conflicts').click();
    await treeRow(page, 'Identity conflicts20 loaded').first().waitFor({ timeout: 30_000 });
    // The first row under "Identity conflicts" is the first conflict the API listed.
    const conflictRow = page.locator('.monaco-list-row[aria-level="3"]').first();
    await conflictRow.waitFor({ timeout: 30_000 });
    const firstIdentity = (await conflictRow.locator('.label-name').innerText()).trim();
    assert.ok(conflicts.has(firstIdentity), `the tree shows ${firstIdentity}, which is not a conflict of the sandbox`);
    await conflictRow.click();
    const contactIds = conflicts.get(firstIdentity) ?? [];
    for (const id of contactIds) {
      await treeRow(page, id).first().waitFor({ timeout: 30_000 });
    }
    await journey.workbench.screenshot('2-conflict-contacts');

    await treeRow(page, 'Identity conflicts').click();
    await treeRow(page, /^Apps/).first().click();
    for (const app of state.apps) {
      await treeRow(page, app.display_name ?? app.id).first().waitFor({ timeout: 30_000 });
    }
    await journey.workbench.screenshot('3-apps');

    // The log shows each request, and never the key secret.
    await runCommand(page, 'Sinch: Show Logs');
    const output = page.locator('.part.panel .monaco-editor .view-lines').filter({ hasText: 'Sandbox profile ready' });
    await output.waitFor({ timeout: 30_000 });
    // The editor renders spaces as no-break spaces.
    const logText = ((await output.textContent()) ?? '').replace(/\u00a0/g, ' ');
    // The output editor renders only the visible lines, so check the latest request: the apps list.
    assert.match(logText, /GET \/v1\/projects\/\S+\/apps 200/);
    assert.ok(!logText.includes(DEFAULT_KEY_SECRET), 'the log shows the key secret');
    await journey.workbench.screenshot('4-logs');

    // The filter button in the view's title bar opens an input box. A channel name filters by channel.
    await page.locator('.part.sidebar .action-label[aria-label^="Filter Conflicts"]').filter({ visible: true }).first().click();
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 10_000 });
    await input.fill('mms');
    await page.keyboard.press('Enter');
    await page.locator('.part.sidebar', { hasText: 'Showing conflicts on channel MMS.' }).waitFor({ timeout: 10_000 });
    // Collapse the apps and expand the conflicts, so the third-level rows are conflicts only.
    await treeRow(page, /^Apps/).first().click();
    await treeRow(page, 'Identity conflicts').first().click();
    await treeRow(page, 'Load more…').waitFor({ timeout: 10_000 });
    // Conflict rows read "<channels> · N contacts"; the paging rows under them do not.
    const descriptions = (await page.locator('.monaco-list-row[role="treeitem"][aria-level="3"] .label-description').allInnerTexts()).filter((text) =>
      /· \d+ contacts$/.test(text),
    );
    assert.ok(descriptions.length > 0, 'the filter left no conflict');
    for (const description of descriptions) {
      assert.match(description, /MMS/, `a conflict not on MMS passed the filter: ${description}`);
    }
    await journey.workbench.screenshot('5-filter');

    await page.locator('.part.sidebar .action-label[aria-label^="Clear Filter"]').filter({ visible: true }).first().click();
    await page.getByText('Showing conflicts on channel MMS.').waitFor({ state: 'detached', timeout: 10_000 });
  });
});
