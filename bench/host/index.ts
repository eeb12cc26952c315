// Entry of the in-host benchmark, which VS Code loads as `extensionTestsPath` into code-server's
// real extension host: it times the extension's first activation, then (unless
// SINCH_BENCH_TREE=0) the tree benchmark, and prints one result line for the runner.
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { EXTENSION_ID } from '../../test/host/helpers';
import { round } from '../stats';
import { HOST_RESULT_PREFIX, TREE_BENCH_VARIABLE, type ActivationPhases, type HostBenchResult } from './result';
import { runTreeBench } from './tree';

/** Times `activate()` of the extension, which nothing has activated yet: no Sinch view is open. */
async function activate(): Promise<{ api: ExtensionApi; activationMs: number }> {
  const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  if (!extension) {
    throw new Error(`${EXTENSION_ID} is not loaded in this extension host.`);
  }
  if (extension.isActive) {
    throw new Error(`${EXTENSION_ID} was already active before the benchmark, so its activation cannot be timed.`);
  }

  const started = performance.now();
  const api = await extension.activate();
  const activationMs = performance.now() - started;

  if (!api) {
    throw new Error('The extension returned no test API: the benchmark must run in extension test mode.');
  }
  return { api, activationMs };
}

interface PerformanceMark {
  name: string;
  startTime: number;
}

/**
 * Reads the activation phases from the marks VS Code's extension host records with Date.now()
 * (code/extHost/willLoadExtensionCode/ID and the like).
 * NOTE: `globalThis.MonacoPerformanceMarks` is internal to VS Code. It was read on VS Code
 * 1.139.1 (code-server 4.139.1), and this returns undefined where it is missing.
 */
function activationPhases(): ActivationPhases | undefined {
  const registry = (globalThis as { MonacoPerformanceMarks?: { getMarks(): PerformanceMark[] } }).MonacoPerformanceMarks;
  const marks = registry?.getMarks() ?? [];
  const at = (phase: string): number | undefined => marks.find((mark) => mark.name === `code/extHost/${phase}/${EXTENSION_ID}`)?.startTime;

  const willLoad = at('willLoadExtensionCode');
  const didLoad = at('didLoadExtensionCode');
  const willActivate = at('willActivateExtension');
  const didActivate = at('didActivateExtension');
  if (willLoad === undefined || didLoad === undefined || willActivate === undefined || didActivate === undefined) {
    return undefined;
  }
  return { loadCodeMs: didLoad - willLoad, untilActivateCallMs: willActivate - willLoad, activateCallMs: didActivate - willActivate };
}

/**
 * The extension activates when its view is opened, normally after start-up has settled. The
 * wait keeps the workbench's own start-up work out of the measurement.
 */
const SETTLE_MS = 2_000;

export async function run(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const { api, activationMs } = await activate();
  const result: HostBenchResult = {
    vscodeVersion: vscode.version,
    nodeVersion: process.versions.node,
    activationMs: round(activationMs, 3),
    phases: activationPhases(),
  };

  if (process.env[TREE_BENCH_VARIABLE] !== '0') {
    result.tree = await runTreeBench(api);
  }
  console.log(HOST_RESULT_PREFIX + JSON.stringify(result));
}
