// The main job: the packaged extension in a real VS Code (code-server, opened in a browser),
// connected to the sample-data sandbox, until Ctrl+C. `--desktop` uses the desktop `code`
// command instead, when it is installed.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodeServer, startCodeServer } from './codeServer';
import { ensureRealVsCode } from './install';
import { repoRoot, resultsDir, vsixPath } from './paths';

/** User settings of the demo: the Sandbox profile is added as soon as the extension activates. */
export const DEMO_SETTINGS = {
  'sinchConflicts.sandbox.connectOnStartup': true,
  'workbench.colorTheme': 'Default Dark Modern',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

export interface DemoOptions {
  port?: number;
  /** Folder for the demo's user data; emptied first. */
  runDir?: string;
}

/** Starts code-server with the extension installed and returns it; the caller stops it. */
export async function startDemo(options: DemoOptions = {}): Promise<CodeServer> {
  ensureRealVsCode();
  const runDir = options.runDir ?? path.join(resultsDir, 'demo');
  fs.rmSync(runDir, { recursive: true, force: true });
  const folder = path.join(runDir, 'workspace');
  fs.mkdirSync(folder, { recursive: true });
  return startCodeServer({ runDir, folder, vsixFiles: [vsixPath], settings: DEMO_SETTINGS, port: options.port });
}

function readPort(args: string[]): number | undefined {
  const at = args.indexOf('--port');
  if (at < 0) {
    return undefined;
  }
  const port = Number(args[at + 1]);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`Invalid --port "${args[at + 1] ?? ''}": give a TCP port from 1 to 65535.`);
  }
  return port;
}

function runDesktop(): Promise<void> {
  if (spawnSync('code', ['--version'], { stdio: 'ignore' }).status !== 0) {
    throw new Error('The desktop "code" command was not found. Install VS Code, or run "npm run demo" without --desktop to use code-server in a browser.');
  }
  const runDir = path.join(resultsDir, 'demo-desktop');
  const userData = path.join(runDir, 'user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(DEMO_SETTINGS, null, 2));
  console.log('Starting desktop VS Code with the extension from this folder (close the window to end the demo) ...');
  const child = spawn('code', ['--wait', '--new-window', '--user-data-dir', userData, '--extensionDevelopmentPath', repoRoot], { stdio: 'inherit' });
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** `npm run demo [-- --port N | --desktop]`: runs until Ctrl+C (or until the desktop window closes). */
export async function runDemo(args: string[]): Promise<void> {
  if (args.includes('--desktop')) {
    await runDesktop();
    return;
  }
  const server = await startDemo({ port: readPort(args) });
  console.log('');
  console.log(`Sinch Identity Conflicts is running in VS Code at ${server.url}`);
  console.log('Open it in a browser on this machine and select the Sinch icon in the activity bar:');
  console.log('the Sandbox profile with sample data is connected. Press Ctrl+C to stop.');
  console.log(`Server log: ${server.logFile}`);

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  console.log('\nStopping ...');
  await server.stop();
}
