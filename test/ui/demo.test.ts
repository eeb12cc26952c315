// `npm run demo` is the README's first command; this drives the same start-up in a browser.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { Browser, launchBrowser } from '../harness/browser';
import { CodeServer } from '../harness/codeServer';
import { startDemo } from '../harness/demo';
import { resultsDir, screenshotsDir } from '../harness/paths';
import { openSinchView, treeRow } from './workbench';

describe('journey: npm run demo', () => {
  let server: CodeServer;
  let browser: Browser;

  before(async () => {
    server = await startDemo({ runDir: path.join(resultsDir, 'runs', 'ui-demo') });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens with the Sandbox profile connected', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await openSinchView(page);

    await treeRow(page, 'Sandbox (sample data)').waitFor({ timeout: 30_000 });
    await treeRow(page, 'Identity conflicts').first().click();
    await page.locator('.monaco-list-row[role="treeitem"][aria-level="3"]').first().waitFor({ timeout: 30_000 });
    const rows = await page.locator('.monaco-list-row[role="treeitem"][aria-level="3"]').count();
    assert.ok(rows >= 10, `only ${rows} conflict rows are visible`);
    await page.screenshot({ path: path.join(screenshotsDir, 'demo-1-connected.png') });
  });
});
