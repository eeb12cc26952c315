// The tree's work per "Load more…" page, and the time to build the conflicts root's children
// from a loaded model, with the conflicts root collapsed in the view so that only these calls
// build it.
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { TreeNode } from '../../src/tree/nodes';
import { median, round } from '../stats';
import type { TreeBenchResult } from './result';
import { buildChildren, conflictCount, conflictsRoot, LATENCY_MS, refresh, type TreeBench } from './treeContext';

/** "Load more…" clicks measured one by one: up to 1,000 conflicts. */
const PAGED_PAGES = 50;
const BUILD_REPEATS = 5;

export type TreeBuild = TreeBenchResult['treeBuildMs'][number];

/** Median time of building the root's children from what is loaded; no request is sent. */
export async function timeBuild(bench: TreeBench, root: TreeNode): Promise<TreeBuild> {
  const total: number[] = [];
  const children: number[] = [];
  let loaded = 0;

  for (let i = 0; i < BUILD_REPEATS; i++) {
    const started = performance.now();
    const nodes = await bench.api.tree.getChildren(root);
    const listed = performance.now();
    for (const node of nodes) {
      bench.api.tree.getTreeItem(node);
    }
    total.push(performance.now() - started);
    children.push(listed - started);
    loaded = conflictCount(nodes);
  }
  return { loaded, ms: round(median(total), 3), getChildrenMs: round(median(children), 3) };
}

export async function measurePaging(bench: TreeBench): Promise<{ perPage: TreeBenchResult['perPage']; builds: TreeBuild[] }> {
  await refresh();
  const root = await conflictsRoot(bench);
  await buildChildren(bench, root);
  const builds = [await timeBuild(bench, root)];

  const ownWork: number[] = [];
  const loadMore: number[] = [];
  for (let page = 2; page <= PAGED_PAGES; page++) {
    const started = performance.now();
    await vscode.commands.executeCommand('sinchConflicts.loadMore', bench.profile.id);
    const loadedAt = performance.now();
    await buildChildren(bench, root);
    const builtAt = performance.now();

    const requests = bench.sandbox.control.requests('listConflicts');
    const serverMs = requests[requests.length - 1].serverMs ?? 0;
    loadMore.push(loadedAt - started);
    ownWork.push(loadedAt - started - LATENCY_MS - serverMs + (builtAt - loadedAt));
  }
  builds.push(await timeBuild(bench, root));

  const ownWorkMs = median(ownWork);
  return {
    perPage: {
      pages: PAGED_PAGES,
      ownWorkMs: round(ownWorkMs, 3),
      loadMoreMs: round(median(loadMore), 3),
      ownWorkPerRoundTrip: round(ownWorkMs / bench.roundTripMs, 3),
    },
    builds,
  };
}
