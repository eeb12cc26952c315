import * as assert from 'node:assert/strict';
import { conflictsOf, waitForSandbox } from './sandboxControl';
import { startSampleData, treeRow, useJourney } from './workbench';

describe('journey: raw JSON', () => {
  const journey = useJourney('raw-json');

  it('opens a contact read-only and two contacts as a diff', async () => {
    const { page } = journey.workbench;
    await startSampleData(page);
    const state = await waitForSandbox(journey.sandboxPort);

    await treeRow(page, 'Identity conflicts').first().click();
    const conflictRow = page.locator('.monaco-list-row[aria-level="3"]').first();
    await conflictRow.waitFor({ timeout: 30_000 });
    const identity = (await conflictRow.locator('.label-name').innerText()).trim();
    const contactIds = conflictsOf(state).get(identity) ?? [];
    assert.ok(contactIds.length >= 2, `${identity} is not a conflict of the sandbox`);
    await conflictRow.click();

    // Selecting a contact opens its JSON.
    await treeRow(page, contactIds[0]).first().click();
    const tab = page.locator('.tab', { hasText: `${contactIds[0]}.json` });
    await tab.waitFor({ timeout: 30_000 });
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.view-lines', { hasText: contactIds[0] }).waitFor({ timeout: 30_000 });

    await editor.locator('.view-lines').click();
    await page.keyboard.type('x');
    await page.locator('.monaco-editor-overlaymessage', { hasText: /read-only/i }).waitFor({ timeout: 10_000 });
    await journey.workbench.screenshot('1-contact');

    // From the conflict's context menu.
    await treeRow(page, identity).first().click({ button: 'right' });
    // Menu items act on mouse-up after a hover; hover and Enter is the reliable way to choose one.
    await page.locator('.context-view .action-menu-item', { hasText: 'Compare Raw JSON' }).hover();
    await page.keyboard.press('Enter');
    if (contactIds.length > 2) {
      // Three or more contacts: choose the first two.
      for (const id of contactIds.slice(0, 2)) {
        await page.locator('.quick-input-list .monaco-list-row', { hasText: id }).locator('.monaco-checkbox, input[type=checkbox]').first().click();
      }
      await page.keyboard.press('Enter');
    }
    await page.locator('.monaco-diff-editor').first().waitFor({ timeout: 30_000 });
    const diffTab = page.locator('.tab', { hasText: '↔' });
    await diffTab.waitFor({ timeout: 30_000 });
    await journey.workbench.screenshot('2-diff');
  });
});
