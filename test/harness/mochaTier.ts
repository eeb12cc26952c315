// Runs a folder of mocha test files in a child Node process and reads back its counts.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './paths';
import { TierStats } from './stats';

export interface MochaTierOptions {
  /** Glob of compiled test files, relative to the repository root. */
  spec: string;
  timeoutMs: number;
  env?: Record<string, string>;
}

/** Runs mocha on Node from PATH (the machine's Node 20) and returns the counts it reported. */
export async function runMochaTier(options: MochaTierOptions): Promise<TierStats> {
  const statsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sinch-stats-')), 'stats.json');
  const mochaBin = path.join(repoRoot, 'node_modules', 'mocha', 'bin', 'mocha.js');
  const reporter = path.join(repoRoot, 'out', 'test', 'harness', 'statsReporter.js');
  const args = [mochaBin, '--reporter', reporter, '--timeout', String(options.timeoutMs), options.spec];

  const exitCode = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: repoRoot,
      stdio: 'inherit',
      env: { ...process.env, ...options.env, SINCH_STATS_FILE: statsFile },
    });
    child.once('exit', (code) => resolve(code ?? 1));
  });

  let stats: TierStats;
  if (fs.existsSync(statsFile)) {
    stats = JSON.parse(fs.readFileSync(statsFile, 'utf8')) as TierStats;
  } else {
    // Mocha ended before its reporter finished (a crash or a load error): count one failure.
    stats = { passed: 0, failed: 1, skipped: 0 };
  }
  fs.rmSync(path.dirname(statsFile), { recursive: true, force: true });
  if (exitCode !== 0 && stats.failed === 0) {
    stats.failed = 1;
  }
  return stats;
}
