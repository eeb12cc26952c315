// Shared steps of the in-host tree benchmarks: the extension's parts, the Sandbox profile, and
// the way the view builds a node's children.
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { Profile } from '../../src/profiles/types';
import type { SandboxHandle } from '../../src/sandbox/api';
import type { NodeOf, TreeNode } from '../../src/tree/nodes';
import { childOfKind } from '../../test/host/helpers';

export const CONFLICTS = 10_000;
export const LATENCY_MS = 20;
export const PAGE_SIZE = 20;

export interface TreeBench {
  api: ExtensionApi;
  profile: Profile;
  sandbox: SandboxHandle;
  /** Latency plus the baseline RTT measured in this extension host. */
  roundTripMs: number;
}

/** Returns the conflicts root of the profile, as the view shows it under the profile. */
export async function conflictsRoot(bench: TreeBench): Promise<NodeOf<'conflictsRoot'>> {
  const roots = await bench.api.tree.getChildren(undefined);
  const profileItem = roots.find((node) => node.kind === 'profile' && node.profile.id === bench.profile.id);
  if (!profileItem) {
    throw new Error('The Sandbox profile is not a root of the Sinch tree.');
  }
  return childOfKind(bench.api, profileItem, 'conflictsRoot');
}

/** Does what the view does to show a node's children: getChildren, then getTreeItem for each. */
export async function buildChildren(bench: TreeBench, node: TreeNode): Promise<TreeNode[]> {
  const children = await bench.api.tree.getChildren(node);
  for (const child of children) {
    bench.api.tree.getTreeItem(child);
  }
  return children;
}

export function conflictCount(children: TreeNode[]): number {
  return children.filter((child) => child.kind === 'conflict').length;
}

/** Forgets loaded conflicts and cached clients, as the Refresh command does. */
export async function refresh(): Promise<void> {
  await vscode.commands.executeCommand('sinchConflicts.refresh');
}
