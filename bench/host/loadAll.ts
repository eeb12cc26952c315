// "Load all" on 10,000 conflicts against the floor of sequential paging: once with the
// conflicts root collapsed in the view (the inline action on the root), and once with it
// expanded, where VS Code rebuilds the growing list while pages arrive.
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { TreeNode } from '../../src/tree/nodes';
import { round } from '../stats';
import type { LoadAllResult } from './result';
import { TreeProbe } from './treeProbe';
import { buildChildren, CONFLICTS, conflictCount, conflictsRoot, refresh, type TreeBench } from './treeContext';

const RENDER_TIMEOUT_MS = 60_000;

function listRequests(bench: TreeBench): number {
  return bench.sandbox.control.requests('listConflicts').length;
}

function summarize(bench: TreeBench, pages: number, totalMs: number): LoadAllResult {
  const floorMs = pages * bench.roundTripMs;
  return { pages, totalMs: round(totalMs), floorMs: round(floorMs), perFloor: round(totalMs / floorMs, 3) };
}

/** Expanding "Identity conflicts", "Load all", then building the root's children once. */
export async function measureLoadAllCollapsed(bench: TreeBench): Promise<LoadAllResult> {
  await refresh();
  const root = await conflictsRoot(bench);
  const requestsBefore = listRequests(bench);

  const started = performance.now();
  await buildChildren(bench, root);
  await vscode.commands.executeCommand('sinchConflicts.loadAll', bench.profile.id);
  const loaded = conflictCount(await buildChildren(bench, root));
  const totalMs = performance.now() - started;

  if (loaded !== CONFLICTS) {
    throw new Error(`"Load all" showed ${loaded} conflicts; expected ${CONFLICTS}. See the Sinch log.`);
  }
  return summarize(bench, listRequests(bench) - requestsBefore, totalMs);
}

/** Expands "Identity conflicts" in the real view with the list keyboard commands. */
export async function expandConflictsRoot(bench: TreeBench): Promise<void> {
  let subscription: vscode.Disposable | undefined;
  const expanded = new Promise<void>((resolve) => {
    subscription = bench.api.treeView.onDidExpandElement((event) => {
      if ((event.element as TreeNode).kind === 'conflictsRoot') {
        resolve();
      }
    });
  });
  const timeout = new Promise<never>((_, reject) => {
    setTimeout(() => reject(new Error('"Identity conflicts" did not expand in the view within 10 s.')), 10_000);
  });

  try {
    // A fresh workbench lists one profile: its row is first, "Identity conflicts" second.
    await vscode.commands.executeCommand('sinchConflicts.explorer.focus');
    await vscode.commands.executeCommand('list.focusFirst');
    await vscode.commands.executeCommand('list.focusDown');
    await vscode.commands.executeCommand('list.expand');
    await Promise.race([expanded, timeout]);
  } finally {
    subscription?.dispose();
  }
}

/**
 * From Refresh (which makes the expanded view load the first page) until the view has received
 * tree items for all conflicts. Needs the root expanded in the view.
 */
export async function measureLoadAllExpanded(bench: TreeBench): Promise<LoadAllResult> {
  const probe = new TreeProbe(bench.api.tree);
  try {
    const requestsBefore = listRequests(bench);
    const rendered = probe.fullRender(CONFLICTS, RENDER_TIMEOUT_MS);

    const started = performance.now();
    await refresh();
    await vscode.commands.executeCommand('sinchConflicts.loadAll', bench.profile.id);
    const renderedAt = await rendered;

    return {
      ...summarize(bench, listRequests(bench) - requestsBefore, renderedAt - started),
      rootBuilds: probe.rootBuilds,
      treeCpuMs: round(probe.treeCpuMs),
    };
  } finally {
    probe.dispose();
  }
}
