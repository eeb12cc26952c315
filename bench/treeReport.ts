// Prints benchmark 5, which bench/host/ measures in the extension host.
import type { LoadAllResult, TreeBenchResult } from './host/result';
import { ms, ratio } from './stats';

function printLoadAll(label: string, run: LoadAllResult): void {
  console.log(`   ${label.padEnd(44)} ${ms(run.totalMs).padStart(9)}   floor ${ms(run.floorMs)}   ours/floor ${ratio(run.perFloor)}`);
  if (run.rootBuilds !== undefined && run.treeCpuMs !== undefined) {
    console.log(`   ${''.padEnd(44)} the view rebuilt the list ${run.rootBuilds} times, ${ms(run.treeCpuMs)} in getChildren + getTreeItem`);
  }
}

export function printTree(result: TreeBenchResult): void {
  const roundTrip = result.roundTripMs;
  console.log(`5. Tree in the extension host: ${result.conflicts} conflicts, ${result.latencyMs} ms latency, sandbox in the extension host`);
  console.log(`   one round trip = latency + baseline RTT ${ms(result.baselineRttMs)} = ${ms(roundTrip)}`);
  console.log(
    `   per "Load more…" page (median of ${result.perPage.pages - 1}): wall ${ms(result.perPage.loadMoreMs)}, ` +
      `own work ${ms(result.perPage.ownWorkMs)}   own/round trip ${ratio(result.perPage.ownWorkPerRoundTrip)}`,
  );
  for (const build of result.treeBuildMs) {
    console.log(
      `   tree build at ${String(build.loaded).padStart(5)} loaded: ${ms(build.ms).padStart(9)} ` +
        `(getChildren ${ms(build.getChildrenMs)})   build/round trip ${ratio(build.ms / roundTrip)}`,
    );
  }
  printLoadAll('"Load all", root collapsed in the view', result.loadAllCollapsed);
  printLoadAll('"Load all", root expanded in the view', result.loadAllExpanded);
}
