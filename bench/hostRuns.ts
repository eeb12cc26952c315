// Runs the in-host benchmark (bench/host/) in fresh code-server instances through the test
// harness: the first run times activation and the tree, the others activation only.
import * as path from 'node:path';
import { runHostTests } from '../test/harness/hostTier';
import { ensureRealVsCode } from '../test/harness/install';
import { HOST_RESULT_PREFIX, TREE_BENCH_VARIABLE, type HostBenchResult } from './host/result';

const HOST_ENTRY = path.join(__dirname, 'host', 'index.js');

async function runOnce(name: string, withTree: boolean): Promise<HostBenchResult> {
  const result = await runHostTests({
    name,
    testsEntry: HOST_ENTRY,
    env: { [TREE_BENCH_VARIABLE]: withTree ? '1' : '0' },
    echo: false,
    timeoutMs: 300_000,
  });

  const line = result.output.find((text) => text.includes(HOST_RESULT_PREFIX));
  if (result.exitCode !== 0 || line === undefined) {
    const tail = result.output.slice(-20).join('\n');
    throw new Error(`The in-host benchmark "${name}" ended with exit code ${result.exitCode} and no result line. Last output:\n${tail}`);
  }
  return JSON.parse(line.slice(line.indexOf(HOST_RESULT_PREFIX) + HOST_RESULT_PREFIX.length)) as HostBenchResult;
}

/** Returns one result per fresh code-server run; only the first carries the tree figures. */
export async function runHostBench(activationRuns: number): Promise<HostBenchResult[]> {
  ensureRealVsCode();
  const results: HostBenchResult[] = [];
  for (let run = 1; run <= activationRuns; run++) {
    results.push(await runOnce(`bench-host-${run}`, run === 1));
  }
  return results;
}
