// Launches Debian's Chromium through playwright-core with a fresh profile. Every request
// that is not to 127.0.0.1 or localhost is aborted, so nothing leaves the machine.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { CHROMIUM_PATH } from './install';

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Origins whose requests were aborted. */
  blockedOrigins: Set<string>;
  close(): Promise<void>;
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  // Without these Chromium keeps trying to reach Google's hosts on a closed network.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function isLocal(url: string): boolean {
  const parsed = new URL(url);
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') {
    return true;
  }
  return parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost';
}

export async function launchBrowser(): Promise<Browser> {
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sinch-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: CHROMIUM_ARGS,
  });
  const blockedOrigins = new Set<string>();
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url)) {
      return route.continue();
    }
    blockedOrigins.add(new URL(url).origin);
    return route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    blockedOrigins,
    close: async () => {
      await context.close().catch(() => undefined);
      fs.rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
