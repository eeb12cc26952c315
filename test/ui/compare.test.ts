import * as assert from 'node:assert/strict';
import { conflictsOf, sandboxState, waitForSandbox } from './sandboxControl';
import { chooseQuickPick, openSinchView, runCommand, treeRow, useJourney, webviewFrame } from './workbench';

describe('journey: compare contacts', () => {
  const dialogs: string[] = [];
  const journey = useJourney('compare', (opened) => {
    opened.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });

  it('shows every contact, the result, and markup as text', async () => {
    const { page } = journey.workbench;
    await openSinchView(page);
    await runCommand(page, 'Sinch: Try with Sample Data');
    await treeRow(page, 'Sandbox (sample data)').waitFor({ timeout: 30_000 });
    const state = await waitForSandbox(journey.sandboxPort);

    // A conflict whose contacts include a display name written as HTML.
    const hostile = state.contacts.find((contact) => /<img|<script/i.test(contact.display_name ?? '') && [...conflictsOf(state).values()].some((ids) => ids.includes(contact.id)));
    assert.ok(hostile, 'the sample data has no conflict with a markup display name');
    const [identity, contactIds] = [...conflictsOf(state)].find(([, ids]) => ids.includes(hostile.id)) ?? ['', []];

    await runCommand(page, 'Sinch: Compare Contacts');
    await chooseQuickPick(page, identity);

    let frame = await webviewFrame(page, 'table.comparison').catch(async (error: unknown) => {
      await journey.workbench.screenshot('failure');
      throw error;
    });
    const headings = await frame.locator('th.contact-heading .contact-name').allInnerTexts();
    assert.equal(headings.length, contactIds.length, `the page shows ${headings.length} of ${contactIds.length} contacts`);
    for (const id of contactIds) {
      assert.equal(await frame.locator('th.contact-heading .contact-id', { hasText: id }).count(), 1, `contact ${id} has no column`);
    }
    assert.ok(headings.includes(hostile.display_name ?? ''), `the markup name is not shown as text; headings: ${JSON.stringify(headings)}`);
    assert.equal(await frame.locator('img').count(), 0, 'the page created an <img> element from contact data');
    assert.equal(await frame.locator('th.result-heading').count(), 1, 'no predicted result column');
    assert.ok((await frame.locator('td.value-cell.result').count()) > 0, 'the result column has no cells');
    assert.ok((await frame.locator('tr.differs').count()) > 0, 'no row is marked as different');

    await journey.workbench.screenshot('1-webview');
    assert.deepEqual(dialogs, [], 'a script from contact data opened a dialog');

    // Keyboard: arrow keys move the "keep" choice, and the result column follows it.
    const radios = frame.locator('input[type=radio][name=destination]');
    await radios.first().focus();
    await page.keyboard.press('ArrowRight');
    await frame.locator('th.contact-heading.destination .contact-id', { hasText: contactIds[1] }).waitFor({ timeout: 10_000 });
    assert.equal(await radios.nth(1).isChecked(), true, 'the arrow key did not choose the second contact');

    // Hidden behind another editor and shown again, the page keeps the chosen contact.
    await runCommand(page, 'Sinch: Show JSON');
    await chooseQuickPick(page, 'Identity conflict…');
    await chooseQuickPick(page, identity);
    await page.locator('.tab', { hasText: `${identity}.json` }).waitFor({ timeout: 30_000 });
    await page.locator('.tab', { hasText: `Compare ${identity}` }).click();
    frame = await webviewFrame(page, 'table.comparison');
    await frame.locator('th.contact-heading.destination .contact-id', { hasText: contactIds[1] }).waitFor({ timeout: 10_000 });

    // The page's merge button sends a request to the extension, which confirms in its own modal dialog.
    await frame.locator('button.primary', { hasText: 'Merge' }).click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 30_000 });
    assert.ok((await dialog.innerText()).includes(contactIds[1]), 'the confirmation does not name the chosen contact');
    await journey.workbench.screenshot('2-confirm-from-page');
    await dialog.locator('.monaco-button', { hasText: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 10_000 });

    const after = await sandboxState(journey.sandboxPort);
    assert.equal(after.requests.filter((request) => request.route === 'merge').length, 0, 'a cancelled merge reached the sandbox');
    assert.equal(await frame.locator('th.contact-heading').count(), contactIds.length, 'the page dropped a contact after a cancelled merge');

    // Confirmed, the sources merge one at a time into the chosen contact.
    await frame.locator('button.primary', { hasText: 'Merge' }).click();
    await dialog.waitFor({ timeout: 30_000 });
    await dialog.locator('.monaco-button', { hasText: /^Merge$/ }).click();
    await page.locator('.notification-toast', { hasText: `Merged ${contactIds.length - 1} contacts` }).waitFor({ timeout: 30_000 });
    await frame.locator('p.notice', { hasText: 'Merged' }).waitFor({ timeout: 30_000 });
    assert.equal(await frame.locator('th.contact-heading').count(), 1, 'the page still shows merged contacts');
    assert.equal(await frame.locator('button.primary').count(), 0, 'the page offers a merge with nothing left to merge');
    await journey.workbench.screenshot('3-merged-from-page');

    const merged = await sandboxState(journey.sandboxPort);
    const sourceIds = contactIds.filter((id) => id !== contactIds[1]);
    assert.equal(merged.requests.filter((request) => request.route === 'merge').length, sourceIds.length, 'not one merge call per source');
    for (const id of sourceIds) {
      assert.ok(!merged.contacts.some((contact) => contact.id === id), `source ${id} still exists`);
    }
    assert.ok(!merged.conflicts.some((conflict) => conflict.identity === identity), `the conflict on ${identity} remains`);
  });
});
