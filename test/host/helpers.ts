// Shared steps of the in-host tests: the extension's parts, and a Sandbox profile to test on.
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { Profile } from '../../src/profiles/types';
import type { SandboxHandle } from '../../src/sandbox/api';
import type { TreeNode } from '../../src/tree/nodes';

export const EXTENSION_ID = 'conversation-tools.sinch-identity-conflicts';

export async function extensionApi(): Promise<ExtensionApi> {
  const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  if (!extension) {
    throw new Error(`${EXTENSION_ID} is not loaded in this extension host.`);
  }
  const api = await extension.activate();
  if (!api) {
    throw new Error('The extension returned no test API: the in-host tests must run in extension test mode.');
  }
  return api;
}

/** Runs "Try with Sample Data" and returns the Sandbox profile and the running sandbox. */
export async function sandboxProfile(api: ExtensionApi): Promise<{ profile: Profile; sandbox: SandboxHandle }> {
  const profile = (await vscode.commands.executeCommand('sinchConflicts.trySampleData')) as Profile | undefined;
  if (!profile || !api.sandbox.current) {
    throw new Error('"Try with Sample Data" did not start the sandbox; see the Sinch log.');
  }
  return { profile, sandbox: api.sandbox.current };
}

export async function childrenOf(api: ExtensionApi, node: TreeNode | undefined): Promise<TreeNode[]> {
  return api.tree.getChildren(node);
}

/** Finds the child of `parent` of the given kind (and label text for conflicts and apps). */
export async function childOfKind<K extends TreeNode['kind']>(api: ExtensionApi, parent: TreeNode | undefined, kind: K): Promise<Extract<TreeNode, { kind: K }>> {
  const children = await childrenOf(api, parent);
  const found = children.find((child) => child.kind === kind);
  if (!found) {
    throw new Error(`No ${kind} node under ${parent?.id ?? 'the root'}; children: ${children.map((child) => child.kind).join(', ')}`);
  }
  return found as Extract<TreeNode, { kind: K }>;
}

export function labelOf(api: ExtensionApi, node: TreeNode): string {
  const item = api.tree.getTreeItem(node);
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

export function descriptionOf(api: ExtensionApi, node: TreeNode): string {
  const description = api.tree.getTreeItem(node).description;
  return typeof description === 'string' ? description : '';
}
