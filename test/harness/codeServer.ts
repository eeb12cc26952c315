// Starts code-server (VS Code 1.139 with its real Node extension host) on 127.0.0.1 in a
// process group of its own, so that stopping it also ends the extension host and watchers.
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { codeServerBin, node24Bin } from './install';
import { findFreePort } from './ports';

export interface CodeServerOptions {
  /** Folder for everything this server writes: user data, extensions, HOME, TMPDIR, log. */
  runDir: string;
  /** Folder the workbench opens. */
  folder: string;
  /** `.vsix` files to install before the server starts. */
  vsixFiles?: string[];
  /** Loads the tests payload of the URL (`extensionTestsPath`); needed for the in-host tier. */
  enableSmokeTestDriver?: boolean;
  /** User settings merged over the offline defaults. */
  settings?: Record<string, unknown>;
  /** Extra environment for the server and so for the extension host. */
  env?: Record<string, string>;
  port?: number;
}

export interface CodeServer {
  url: string;
  port: number;
  runDir: string;
  logFile: string;
  stop(): Promise<void>;
}

/** Settings that keep a test workbench offline and quiet. */
const OFFLINE_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'npm.fetchOnlinePackageInfo': false,
  'security.workspace.trust.enabled': false,
  // Run folders sit inside this repository; without these, Git offers to open it.
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  // Without this, VS Code 1.139 starts a bundled agent process that tries to reach the network.
  'chat.disableAIFeatures': true,
};

/** A gallery on a closed local port, so the workbench never tries the public marketplace. */
const CLOSED_GALLERY = JSON.stringify({
  serviceUrl: 'http://127.0.0.1:9/gallery',
  itemUrl: 'http://127.0.0.1:9/item',
  resourceUrlTemplate: 'http://127.0.0.1:9/{publisher}/{name}/{version}/{path}',
});

function serverEnv(runDir: string, extra: Record<string, string> | undefined): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${node24Bin}:${process.env.PATH ?? ''}`,
    // HOME and TMPDIR inside the run folder keep ~/.config, ~/.local and IPC sockets out of the user's.
    HOME: path.join(runDir, 'home'),
    TMPDIR: path.join(runDir, 'tmp'),
    EXTENSIONS_GALLERY: CLOSED_GALLERY,
    ...extra,
  };
}

function commonArgs(runDir: string): string[] {
  return ['--user-data-dir', path.join(runDir, 'ud'), '--extensions-dir', path.join(runDir, 'exts')];
}

function prepareRunDir(runDir: string, settings: Record<string, unknown> | undefined): void {
  for (const sub of ['ud/User', 'exts', 'home', 'tmp']) {
    fs.mkdirSync(path.join(runDir, sub), { recursive: true });
  }
  const settingsFile = path.join(runDir, 'ud', 'User', 'settings.json');
  fs.writeFileSync(settingsFile, JSON.stringify({ ...OFFLINE_SETTINGS, ...settings }, null, 2));
}

function installVsix(runDir: string, vsix: string, env: NodeJS.ProcessEnv): void {
  const result = spawnSync(codeServerBin, [...commonArgs(runDir), '--install-extension', vsix], { env, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`Installing ${vsix} into code-server failed:\n${result.stdout}\n${result.stderr}`);
  }
}

async function waitForHealth(url: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`code-server exited with code ${child.exitCode}; see ${logFile}`);
    }
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) {
        return;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer ${url}/healthz within 60 s; see ${logFile}`);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) {
    return;
  }
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group has already exited.
  }
}

/** Starts code-server and waits until /healthz responds; `stop()` ends its whole process group. */
export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const { runDir } = options;
  prepareRunDir(runDir, options.settings);
  const env = serverEnv(runDir, options.env);
  for (const vsix of options.vsixFiles ?? []) {
    installVsix(runDir, vsix, env);
  }

  const port = options.port ?? (await findFreePort());
  const args = [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    ...commonArgs(runDir),
  ];
  if (options.enableSmokeTestDriver) {
    args.push('--vscode-option', 'enable-smoke-test-driver');
  }
  args.push(options.folder);

  const logFile = path.join(runDir, 'server.log');
  const log = fs.openSync(logFile, 'a');
  const child = spawn(codeServerBin, args, { env, detached: true, stdio: ['ignore', log, log] });
  fs.closeSync(log);

  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) {
      return;
    }
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    // The extension host and watchers are in the same group and may outlive the parent briefly.
    killGroup(child, 'SIGKILL');
  };

  try {
    await waitForHealth(url, child, logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, runDir, logFile, stop };
}
