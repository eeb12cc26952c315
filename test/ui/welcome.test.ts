import * as assert from 'node:assert/strict';
import { openSinchView, useJourney } from './workbench';

describe('journey: first look at the Sinch view', () => {
  const journey = useJourney('welcome');

  it('shows the welcome view in the Sinch container', async () => {
    const pane = await openSinchView(journey.workbench.page);
    const welcome = pane.locator('.welcome-view-content');
    await welcome.waitFor({ timeout: 30_000 });
    const text = await welcome.innerText();
    assert.match(text, /Unified Contact ID/);
    assert.match(text, /cannot be undone/);
    await journey.workbench.screenshot('container');
  });
});
