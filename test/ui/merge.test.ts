import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { conflictsOf, sandboxState, waitForSandbox } from './sandboxControl';
import { chooseQuickPick, runCommand, startSampleData, treeRow, useJourney } from './workbench';

describe('journey: merge from the Command Palette', () => {
  const journey = useJourney('merge');

  it('previews, confirms, journals and merges', async () => {
    const { page } = journey.workbench;
    await startSampleData(page);
    const before = await waitForSandbox(journey.sandboxPort);

    await treeRow(page, 'Identity conflicts').first().click();
    const firstRow = page.locator('.monaco-list-row[aria-level="3"]').first();
    await firstRow.waitFor({ timeout: 30_000 });
    // The first listed conflict with exactly two contacts.
    const twoContactIdentities = [...conflictsOf(before)].filter(([, ids]) => ids.length === 2).map(([identity]) => identity);
    const shown = (await page.locator('.monaco-list-row[aria-level="3"] .label-name').allInnerTexts()).map((text) => text.trim());
    const identity = shown.find((text) => twoContactIdentities.includes(text));
    assert.ok(identity, `no two-contact conflict among the rows: ${shown.join(', ')}`);
    const [destinationId, sourceId] = conflictsOf(before).get(identity) ?? [];
    const source = before.contacts.find((contact) => contact.id === sourceId);

    await runCommand(page, 'Sinch: Merge Conflict…');
    await chooseQuickPick(page, identity);
    await chooseQuickPick(page, destinationId);

    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 30_000 });
    const dialogText = await dialog.innerText();
    assert.match(dialogText, /cannot be undone/);
    assert.ok(dialogText.includes(sourceId), 'the confirmation does not name the contact to delete');
    await journey.workbench.screenshot('1-confirmation');
    await dialog.locator('.monaco-button', { hasText: /^Merge$/ }).click();

    await page.locator('.notification-toast', { hasText: 'is resolved' }).waitFor({ timeout: 30_000 });
    await treeRow(page, identity).waitFor({ state: 'detached', timeout: 30_000 });
    await journey.workbench.screenshot('2-merged');

    const after = await sandboxState(journey.sandboxPort);
    assert.ok(!after.contacts.some((contact) => contact.id === sourceId), 'the sandbox still has the source contact');
    assert.ok(after.contacts.some((contact) => contact.id === destinationId), 'the sandbox lost the destination contact');
    assert.equal(after.requests.filter((request) => request.route === 'merge').length, 1, 'not exactly one merge call');

    const journalFile = path.join(journey.workbench.runDir, 'ud', 'User', 'globalStorage', 'conversation-tools.sinch-identity-conflicts', 'merge-journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
    assert.equal(journal.length, 1);
    assert.equal(journal[0].status, 'merged');
    assert.equal(journal[0].destination.id, destinationId);
    assert.deepEqual(journal[0].source, source, 'the journal does not hold the source contact as it was');

    await runCommand(page, 'Sinch: Show Merge History');
    await page.locator('.tab', { hasText: 'merge-journal.json' }).waitFor({ timeout: 30_000 });
    await journey.workbench.screenshot('3-history');
  });
});
