// Runs the in-host mocha suite inside code-server's real extension host. The workbench URL
// carries a test payload (extensionDevelopmentPath, extensionTestsPath) that VS Code reads
// when started with the smoke-test driver. The suite's output and exit code come back through
// two functions the page exposes: codeAutomationLog and codeAutomationExit.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import { launchBrowser } from './browser';
import { startCodeServer } from './codeServer';
import { hostTestsEntry, repoRoot, resultsDir } from './paths';
import { parseStatsLine, SUITE_START_LINE, TierStats } from './stats';

export interface HostRunOptions {
  /** Extra environment for the extension host, such as SINCH_EXTRA_HOST_TESTS. */
  env?: Record<string, string>;
  /** Name of this run's folder under test-results/. */
  name?: string;
  settings?: Record<string, unknown>;
  /** Prints the suite's output as it arrives (default true). */
  echo?: boolean;
  timeoutMs?: number;
  /** Module whose `run()` the extension host calls (default: the in-host mocha suite's entry). */
  testsEntry?: string;
}

export interface HostRunResult {
  exitCode: number | 'timeout';
  stats: TierStats | undefined;
  output: string[];
}


function testPayloadUrl(serverUrl: string, folder: string, testsEntry: string): string {
  const host = new URL(serverUrl).host;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', `vscode-remote://${host}${repoRoot}`],
    ['extensionTestsPath', `vscode-remote://${host}${testsEntry}`],
    ['enableProposedApi', ''],
    ['skipWelcome', 'true'],
  ]);
  return `${serverUrl}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`;
}

/** Workbench log lines unrelated to the extension: the closed gallery port and its stack traces. */
const WORKBENCH_NOISE = /ECONNREFUSED 127\.0\.0\.1:9\b|^\s*at .*workbench\.js/;

export async function runHostTests(options: HostRunOptions = {}): Promise<HostRunResult> {
  const runDir = path.join(resultsDir, 'runs', options.name ?? 'host');
  fs.rmSync(runDir, { recursive: true, force: true });
  const folder = path.join(runDir, 'workspace');
  fs.mkdirSync(folder, { recursive: true });
  const echo = options.echo ?? true;

  const server = await startCodeServer({
    runDir,
    folder,
    enableSmokeTestDriver: true,
    env: options.env,
    settings: options.settings,
  });
  const browser = await launchBrowser().catch(async (error: unknown) => {
    await server.stop();
    throw error;
  });

  const output: string[] = [];
  let stats: TierStats | undefined;
  // Workbench start-up chatter before the suite's first line is kept in `output` but not echoed.
  let suiteStarted = false;
  try {
    let finish!: (code: number | 'timeout') => void;
    const finished = new Promise<number | 'timeout'>((resolve) => (finish = resolve));

    await browser.page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const line = util.format(...(Array.isArray(args) ? args : [args]));
      stats = parseStatsLine(line) ?? stats;
      output.push(line);
      suiteStarted ||= line.startsWith(SUITE_START_LINE);
      if (echo && suiteStarted && !WORKBENCH_NOISE.test(line)) {
        console.log(`    ${type === 'error' ? '[error] ' : ''}${line}`);
      }
    });
    await browser.page.exposeFunction('codeAutomationExit', (code: number) => finish(code));

    const timer = setTimeout(() => finish('timeout'), options.timeoutMs ?? 600_000);
    await browser.page.goto(testPayloadUrl(server.url, folder, options.testsEntry ?? hostTestsEntry));
    const exitCode = await finished;
    clearTimeout(timer);
    if (exitCode !== 0) {
      await browser.page.screenshot({ path: path.join(runDir, 'failure.png') }).catch(() => undefined);
    }
    return { exitCode, stats, output };
  } finally {
    await browser.close();
    await server.stop();
  }
}
