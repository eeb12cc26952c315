// The in-host benchmark's report: one console line with this prefix and a JSON object. The line
// reaches the runner through the workbench's automation log.

export const HOST_RESULT_PREFIX = 'SINCH_BENCH_HOST ';

/** Set to "0" in the extension host's environment to measure activation only. */
export const TREE_BENCH_VARIABLE = 'SINCH_BENCH_TREE';

export interface LoadAllResult {
  pages: number;
  totalMs: number;
  /** pages × round trip. */
  floorMs: number;
  perFloor: number;
  /** Times the view rebuilt the conflicts root meanwhile (expanded root only). */
  rootBuilds?: number;
  /** Time the extension spent in those rebuilds: getChildren of the root and getTreeItem of each conflict. */
  treeCpuMs?: number;
}

export interface TreeBenchResult {
  conflicts: number;
  latencyMs: number;
  /** Median time of a near-empty GET at latency 0, in the extension host. */
  baselineRttMs: number;
  /** latency + baseline RTT: one round trip. */
  roundTripMs: number;
  /** Root collapsed in the view: expanding it (first page), "Load all", one build of the root's children. */
  loadAllCollapsed: LoadAllResult;
  /** Root expanded in the view: from Refresh until the view has received all conflicts. */
  loadAllExpanded: LoadAllResult;
  /** getChildren of the conflicts root plus getTreeItem of every child, on a loaded model (no network). */
  treeBuildMs: { loaded: number; ms: number; getChildrenMs: number }[];
  perPage: {
    pages: number;
    /** Median over pages of: "Load more…" wall − latency − the sandbox's serverMs, plus the tree build. */
    ownWorkMs: number;
    /** Median "Load more…" wall time. */
    loadMoreMs: number;
    ownWorkPerRoundTrip: number;
  };
}

/** Phases of the activation from VS Code's own performance marks, in whole milliseconds. */
export interface ActivationPhases {
  /** Loading and evaluating dist/extension.js. */
  loadCodeMs: number;
  /** From the start of loading until activate() is called: the code and, in parallel, the ExtensionContext. */
  untilActivateCallMs: number;
  /** activate() and the promise it returns. */
  activateCallMs: number;
}

export interface HostBenchResult {
  vscodeVersion: string;
  nodeVersion: string;
  /** Wall time of `extension.activate()` on an extension that was not active. */
  activationMs: number;
  /** Undefined when this VS Code build records no such marks. */
  phases?: ActivationPhases;
  tree?: TreeBenchResult;
}
