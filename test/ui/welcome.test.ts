import * as assert from 'node:assert/strict';
import { openSinchView, openWorkbench, saveFailure, Workbench } from './workbench';

describe('journey: first look at the Sinch view', () => {
  let workbench: Workbench;

  before(async () => {
    workbench = await openWorkbench({ journey: 'welcome' });
  });

  afterEach(async function () {
    await saveFailure(this, workbench);
  });

  after(async () => {
    await workbench?.close();
  });

  it('shows the welcome view in the Sinch container', async () => {
    const pane = await openSinchView(workbench.page);
    const welcome = pane.locator('.welcome-view-content');
    await welcome.waitFor({ timeout: 30_000 });
    const text = await welcome.innerText();
    assert.match(text, /Unified Contact ID/);
    assert.match(text, /cannot be undone/);
    await workbench.screenshot('container');
  });
});
