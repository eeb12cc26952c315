// A fresh code-server with the packaged extension installed, opened in Chromium: the setting
// for every UI journey. Each journey gets its own run folder, user data and browser profile.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';
import { Browser, launchBrowser } from '../harness/browser';
import { CodeServer, startCodeServer } from '../harness/codeServer';
import { resultsDir, screenshotsDir, vsixPath } from '../harness/paths';
import { findFreePort } from '../harness/ports';

export interface Workbench {
  page: Page;
  server: CodeServer;
  browser: Browser;
  /** This journey's folder: user data (with the extension's global storage), logs. */
  runDir: string;
  /** Saves a full-page screenshot as test-results/screenshots/<journey>-<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export interface WorkbenchOptions {
  journey: string;
  settings?: Record<string, unknown>;
  env?: Record<string, string>;
}

export async function openWorkbench(options: WorkbenchOptions): Promise<Workbench> {
  if (!fs.existsSync(vsixPath)) {
    throw new Error(`${vsixPath} is missing; run "npm run package" first.`);
  }
  const runDir = path.join(resultsDir, 'runs', `ui-${options.journey}`);
  fs.rmSync(runDir, { recursive: true, force: true });
  const folder = path.join(runDir, 'workspace');
  fs.mkdirSync(folder, { recursive: true });
  fs.mkdirSync(screenshotsDir, { recursive: true });

  const server = await startCodeServer({
    runDir,
    folder,
    vsixFiles: [vsixPath],
    settings: {
      'workbench.colorTheme': 'Default Dark Modern',
      // The empty chat side bar on the right would take a third of every screenshot.
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      ...options.settings,
    },
    env: options.env,
  });
  let browser: Browser;
  try {
    browser = await launchBrowser();
  } catch (error) {
    await server.stop();
    throw error;
  }
  const { page } = browser;
  page.on('pageerror', (error) => console.log(`      [page error] ${error.message}`));

  await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });

  return {
    page,
    server,
    runDir,
    browser,
    screenshot: async (name) => {
      const file = path.join(screenshotsDir, `${options.journey}-${name}.png`);
      // Let animations and late layout settle, so the picture shows what a user would see.
      await page.waitForTimeout(300);
      await page.screenshot({ path: file });
      return file;
    },
    close: async () => {
      await browser.close();
      await server.stop();
    },
  };
}

/** The workbench of one journey, opened before its tests and closed after them. */
export interface Journey {
  readonly workbench: Workbench;
  /** Port of the sandbox that "Try with Sample Data" starts inside the extension. */
  readonly sandboxPort: number;
}

/**
 * Registers the mocha hooks of a journey: a fresh workbench with the embedded sandbox on a free
 * port before the tests, a screenshot after a failed test, and shutdown after the tests.
 */
export function useJourney(journey: string, onOpen?: (workbench: Workbench) => void): Journey {
  let workbench: Workbench | undefined;
  let sandboxPort: number | undefined;

  before(async () => {
    sandboxPort = await findFreePort();
    workbench = await openWorkbench({ journey, settings: { 'sinchConflicts.sandbox.port': sandboxPort } });
    onOpen?.(workbench);
  });

  afterEach(async function () {
    await saveFailure(this, workbench);
  });

  after(async () => {
    await workbench?.close();
  });

  return {
    get workbench(): Workbench {
      if (!workbench) {
        throw new Error(`The workbench of journey "${journey}" is not open; its before hook failed.`);
      }
      return workbench;
    },
    get sandboxPort(): number {
      if (sandboxPort === undefined) {
        throw new Error(`The sandbox port of journey "${journey}" is not set; its before hook failed.`);
      }
      return sandboxPort;
    },
  };
}

/** Saves a screenshot named after a failed test, for the reader of a red run. */
export async function saveFailure(context: Mocha.Context, workbench: Workbench | undefined): Promise<void> {
  if (context.currentTest?.state === 'failed' && workbench) {
    const name = (context.currentTest.title || 'test').replace(/[^a-z0-9]+/gi, '-').toLowerCase();
    await workbench.screenshot(`failed-${name}`).catch(() => undefined);
  }
}

/** Runs "Try with Sample Data" from the palette and waits for the Sandbox profile in the tree. */
export async function startSampleData(page: Page): Promise<void> {
  await openSinchView(page);
  await runCommand(page, 'Sinch: Try with Sample Data');
  await treeRow(page, 'Sandbox (sample data)').waitFor({ timeout: 30_000 });
}

/** Opens the Sinch container from the activity bar and returns the view's pane. */
export async function openSinchView(page: Page): Promise<Locator> {
  await page.locator('.activitybar [aria-label^="Sinch"]').first().click();
  const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /Identity Conflicts/i }) });
  await pane.first().waitFor({ timeout: 30_000 });
  await widenSideBar(page);
  return pane.first();
}

/** Drags the side bar's edge to 480 px, so tree descriptions are readable in screenshots. */
async function widenSideBar(page: Page): Promise<void> {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box || box.width >= 470) {
    return;
  }
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width + 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + 480, y, { steps: 5 });
  await page.mouse.up();
}

/** Runs a command from the Command Palette by its title, such as "Sinch: Refresh". */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

/** Locates the row of a tree item whose label contains `text`. */
export function treeRow(page: Page, text: string | RegExp): Locator {
  return page.locator('.monaco-list-row[role="treeitem"]', { hasText: text });
}

/** Finds the webview frame that contains `selector` (webviews render in nested iframes). */
export async function webviewFrame(page: Page, selector: string, timeoutMs = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) {
        continue;
      }
      const found = await frame.locator(selector).count().catch(() => 0);
      if (found > 0) {
        return frame;
      }
    }
    await page.waitForTimeout(250);
  }
  const urls = page.frames().map((frame) => frame.url().slice(0, 120));
  throw new Error(`No webview frame with "${selector}" appeared within ${timeoutMs} ms. Frames: ${urls.join(' | ')}`);
}

/** Picks the quick-pick row that contains `text`, after typing it into the quick input. */
export async function chooseQuickPick(page: Page, text: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  await input.fill(text);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first();
  await row.waitFor({ timeout: 30_000 });
  await row.click();
}

