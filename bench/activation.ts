// Benchmark 1a: activation in the real extension host, one activation per fresh code-server
// run, against a 10 ms budget.
import type { ActivationPhases, HostBenchResult } from './host/result';
import { median, ms, ratio, round } from './stats';

const BUDGET_MS = 10;

export interface ActivationResult {
  runs: number;
  vscodeVersion: string;
  hostNodeVersion: string;
  budgetMs: number;
  /** Wall time of `extension.activate()` per run. */
  wallMs: number[];
  /** VS Code's marks per run; missing where the build records none. */
  phases: (ActivationPhases | undefined)[];
  /** Loading the code plus the activate() call: the part the extension controls. */
  ownMs: (number | undefined)[];
  medianWallMs: number;
  medianOwnMs: number | undefined;
  wallPerBudget: number;
  ownPerBudget: number | undefined;
}

export function summarizeActivation(results: HostBenchResult[]): ActivationResult {
  const wallMs = results.map((result) => result.activationMs);
  const phases = results.map((result) => result.phases);
  const ownMs = phases.map((phase) => (phase ? phase.loadCodeMs + phase.activateCallMs : undefined));
  const known = ownMs.filter((value): value is number => value !== undefined);
  const medianOwnMs = known.length > 0 ? median(known) : undefined;
  const medianWallMs = median(wallMs);

  return {
    runs: results.length,
    vscodeVersion: results[0].vscodeVersion,
    hostNodeVersion: results[0].nodeVersion,
    budgetMs: BUDGET_MS,
    wallMs,
    phases,
    ownMs,
    medianWallMs,
    medianOwnMs,
    wallPerBudget: round(medianWallMs / BUDGET_MS, 3),
    ownPerBudget: medianOwnMs === undefined ? undefined : round(medianOwnMs / BUDGET_MS, 3),
  };
}

function list(values: (number | undefined)[]): string {
  return values.map((value) => (value === undefined ? '-' : value.toFixed(1))).join(', ');
}

export function printActivation(result: ActivationResult): void {
  console.log(`1a. Activation in the extension host of VS Code ${result.vscodeVersion} (code-server, Node ${result.hostNodeVersion}), ${result.runs} fresh runs`);
  console.log(`   extension.activate() wall time      median ${ms(result.medianWallMs)}   runs: ${list(result.wallMs)} ms   wall/budget ${ratio(result.wallPerBudget)}`);
  console.log(`   load code (VS Code marks, 1 ms steps)        runs: ${list(result.phases.map((phase) => phase?.loadCodeMs))} ms`);
  console.log(`   activate() call (VS Code marks)              runs: ${list(result.phases.map((phase) => phase?.activateCallMs))} ms`);
  console.log(`   until activate() is called                   runs: ${list(result.phases.map((phase) => phase?.untilActivateCallMs))} ms (code, and in parallel VS Code's ExtensionContext)`);
  if (result.medianOwnMs !== undefined && result.ownPerBudget !== undefined) {
    console.log(`   extension's own share (load + call) median ${ms(result.medianOwnMs)}   budget ${result.budgetMs} ms   own/budget ${ratio(result.ownPerBudget)}`);
  }
}
