// The kinds of item in the Sinch tree. Nodes are plain data; `treeItems.ts` turns them into
// TreeItems. IDs join the profile ID and the path, so they are unique across profiles and stable
// across refreshes (VS Code keeps expansion state by ID).
import type { Profile } from '../profiles/types';
import type { App, IdentityConflict } from '../sinch/types';

export type TreeNode =
  | { kind: 'profile'; id: string; profile: Profile }
  | { kind: 'conflictsRoot'; id: string; profile: Profile }
  | { kind: 'appsRoot'; id: string; profile: Profile }
  | { kind: 'app'; id: string; profile: Profile; app: App }
  | { kind: 'conflict'; id: string; profile: Profile; conflict: IdentityConflict }
  | { kind: 'contact'; id: string; profile: Profile; conflict: IdentityConflict; contactId: string }
  | { kind: 'loadMore'; id: string; profile: Profile }
  | { kind: 'loadAll'; id: string; profile: Profile; loaded: number }
  | { kind: 'error'; id: string; profile: Profile; message: string; retry: RetryTarget }
  | { kind: 'message'; id: string; label: string; tooltip?: string };

/** The part of the model that a retry on an error node reloads. */
export type RetryTarget = 'conflicts' | 'apps' | { contactIds: string[] };

export type NodeOf<K extends TreeNode['kind']> = Extract<TreeNode, { kind: K }>;

export function profileNode(profile: Profile): NodeOf<'profile'> {
  return { kind: 'profile', id: profile.id, profile };
}

export function conflictsRootNode(profile: Profile): NodeOf<'conflictsRoot'> {
  return { kind: 'conflictsRoot', id: `${profile.id}/conflicts`, profile };
}

export function appsRootNode(profile: Profile): NodeOf<'appsRoot'> {
  return { kind: 'appsRoot', id: `${profile.id}/apps`, profile };
}

export function appNode(profile: Profile, app: App): NodeOf<'app'> {
  return { kind: 'app', id: `${profile.id}/apps/${app.id}`, profile, app };
}

export function conflictNode(parentId: string, profile: Profile, conflict: IdentityConflict): NodeOf<'conflict'> {
  return { kind: 'conflict', id: `${parentId}/${conflict.identity}`, profile, conflict };
}

export function contactNode(parent: NodeOf<'conflict'>, contactId: string): NodeOf<'contact'> {
  return { kind: 'contact', id: `${parent.id}/${contactId}`, profile: parent.profile, conflict: parent.conflict, contactId };
}

/** Reads the profile a command argument refers to: a node, or a profile ID passed by a TreeItem command. */
export function profileIdOf(argument: unknown): string | undefined {
  if (typeof argument === 'string') {
    return argument;
  }
  if (typeof argument === 'object' && argument !== null && 'profile' in argument) {
    return (argument as { profile: Profile }).profile.id;
  }
  return undefined;
}

export function isTreeNode(argument: unknown): argument is TreeNode {
  return typeof argument === 'object' && argument !== null && 'kind' in argument && 'id' in argument;
}
