// Benchmark 5, in the extension host: the tree's own work per page against one round trip,
// and "Load all" on 10,000 conflicts against the floor of sequential paging. The sandbox is
// the extension's own ("Try with Sample Data"), so it shares the extension host's event loop.
import type { ExtensionApi } from '../../src/extension';
import { sandboxProfile } from '../../test/host/helpers';
import { baselineRttMs } from '../baseline';
import { round } from '../stats';
import { expandConflictsRoot, measureLoadAllCollapsed, measureLoadAllExpanded } from './loadAll';
import { measurePaging, timeBuild } from './paging';
import type { TreeBenchResult } from './result';
import { CONFLICTS, conflictsRoot, LATENCY_MS, PAGE_SIZE, type TreeBench } from './treeContext';

export async function runTreeBench(api: ExtensionApi): Promise<TreeBenchResult> {
  const { profile, sandbox } = await sandboxProfile(api);

  sandbox.control.reset('large', { largeConflicts: CONFLICTS });
  sandbox.control.setLatency(0);
  const baseline = await baselineRttMs(sandbox);
  sandbox.control.setLatency(LATENCY_MS, 0);
  const bench: TreeBench = { api, profile, sandbox, roundTripMs: LATENCY_MS + baseline };

  const paging = await measurePaging(bench);
  const loadAllCollapsed = await measureLoadAllCollapsed(bench);
  const full = await timeBuild(bench, await conflictsRoot(bench));
  await expandConflictsRoot(bench);
  const loadAllExpanded = await measureLoadAllExpanded(bench);

  for (const run of [loadAllCollapsed, loadAllExpanded]) {
    if (run.pages !== CONFLICTS / PAGE_SIZE) {
      throw new Error(`"Load all" sent ${run.pages} list requests; expected ${CONFLICTS / PAGE_SIZE}.`);
    }
  }
  return {
    conflicts: CONFLICTS,
    latencyMs: LATENCY_MS,
    baselineRttMs: round(baseline, 3),
    roundTripMs: round(bench.roundTripMs, 3),
    loadAllCollapsed,
    loadAllExpanded,
    treeBuildMs: [...paging.builds, full],
    perPage: paging.perPage,
  };
}
