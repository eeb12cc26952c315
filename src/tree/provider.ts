// The Sinch tree: profile → "Identity conflicts" (paged) and "Apps" → app → its conflicts →
// contacts. Failures become error nodes with a retry instead of notifications.
import * as vscode from 'vscode';
import type { Profile } from '../profiles/types';
import type { IdentityConflict } from '../sinch/types';
import { ConflictFilter, conflictsOfApp, matchesFilter } from './grouping';
import {
  appNode,
  appsRootNode,
  conflictNode,
  conflictsRootNode,
  contactNode,
  NodeOf,
  profileNode,
  RetryTarget,
  TreeNode,
} from './nodes';
import type { ProjectRegistry } from './projects';
import { toTreeItem } from './treeItems';

const REFRESH_DELAY_MS = 100;

export interface ProfileList {
  list(): Profile[];
}

export class ConflictsTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private filter: ConflictFilter | undefined;
  private readonly disposeModelListener: () => void;
  private refreshTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly profiles: ProfileList,
    private readonly projects: ProjectRegistry,
  ) {
    this.disposeModelListener = projects.onDidChange(() => this.scheduleRefresh());
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    this.disposeModelListener();
    this.changeEmitter.dispose();
  }

  /**
   * Redraws at most every 100 ms while models change. "Load all" changes the model once per
   * page, and redrawing a list of thousands of conflicts after each page would cost more than
   * the pages themselves.
   */
  private scheduleRefresh(): void {
    this.refreshTimer ??= setTimeout(() => {
      this.refreshTimer = undefined;
      this.refreshView();
    }, REFRESH_DELAY_MS);
  }

  /** Redraws the tree from what is loaded, without reloading anything. */
  refreshView(): void {
    this.changeEmitter.fire(undefined);
  }

  getFilter(): ConflictFilter | undefined {
    return this.filter;
  }

  setFilter(filter: ConflictFilter | undefined): void {
    this.filter = filter;
    this.refreshView();
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return toTreeItem(node, this.projects, this.filter);
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) {
      return this.profiles.list().map(profileNode);
    }
    switch (node.kind) {
      case 'profile':
        return [conflictsRootNode(node.profile), appsRootNode(node.profile)];
      case 'conflictsRoot':
        return this.conflictChildren(node);
      case 'appsRoot':
        return this.appChildren(node);
      case 'app':
        return this.appConflictChildren(node);
      case 'conflict':
        return this.contactChildren(node);
      default:
        return [];
    }
  }

  private async conflictChildren(node: NodeOf<'conflictsRoot'>): Promise<TreeNode[]> {
    const model = this.projects.model(node.profile);
    if (model.untouched) {
      await model.loadNextPage().catch(() => undefined);
    }
    const state = model.conflictState();
    const children: TreeNode[] = state.conflicts
      .filter((conflict) => matchesFilter(conflict, this.filter))
      .map((conflict) => conflictNode(node.id, node.profile, conflict));
    if (state.error !== undefined) {
      children.push(this.errorNode(node.profile, `${node.id}/error`, vscode.l10n.t('Could not load conflicts: {0}', describe(state.error)), 'conflicts'));
    } else if (!state.complete) {
      children.push({ kind: 'loadMore', id: `${node.id}/loadMore`, profile: node.profile });
      children.push({ kind: 'loadAll', id: `${node.id}/loadAll`, profile: node.profile, loaded: state.conflicts.length });
    } else if (state.conflicts.length === 0) {
      children.push({ kind: 'message', id: `${node.id}/none`, label: vscode.l10n.t('No identity conflicts: this project can turn on Unified Contact ID.') });
    }
    return children;
  }

  private async appChildren(node: NodeOf<'appsRoot'>): Promise<TreeNode[]> {
    const model = this.projects.model(node.profile);
    try {
      const apps = await model.loadApps();
      if (apps.length === 0) {
        return [{ kind: 'message', id: `${node.id}/none`, label: vscode.l10n.t('This project has no apps.') }];
      }
      return apps.map((app) => appNode(node.profile, app));
    } catch (error) {
      return [this.errorNode(node.profile, `${node.id}/error`, vscode.l10n.t('Could not load apps: {0}', describe(error)), 'apps')];
    }
  }

  private async appConflictChildren(node: NodeOf<'app'>): Promise<TreeNode[]> {
    const model = this.projects.model(node.profile);
    if (model.untouched) {
      await model.loadNextPage().catch(() => undefined);
    }
    const state = model.conflictState();
    const children: TreeNode[] = conflictsOfApp(node.app, state.conflicts)
      .filter((conflict: IdentityConflict) => matchesFilter(conflict, this.filter))
      .map((conflict) => conflictNode(node.id, node.profile, conflict));
    if (state.error !== undefined) {
      children.push(this.errorNode(node.profile, `${node.id}/error`, vscode.l10n.t('Could not load conflicts: {0}', describe(state.error)), 'conflicts'));
    } else if (!state.complete) {
      // Conflicts are listed for the project, not per app: only a complete list shows every one of this app's.
      children.push({ kind: 'loadAll', id: `${node.id}/loadAll`, profile: node.profile, loaded: state.conflicts.length });
    }
    return children;
  }

  private async contactChildren(node: NodeOf<'conflict'>): Promise<TreeNode[]> {
    const model = this.projects.model(node.profile);
    const results = await model.loadContacts(node.conflict);
    const children: TreeNode[] = node.conflict.contact_ids.map((contactId) => contactNode(node, contactId));
    const failed = node.conflict.contact_ids.filter((_, index) => results[index].status === 'rejected');
    if (failed.length > 0) {
      const first = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
      children.push(
        this.errorNode(
          node.profile,
          `${node.id}/error`,
          vscode.l10n.t('Could not read {0} of {1} contacts: {2}', failed.length, results.length, describe(first.reason)),
          { contactIds: failed },
        ),
      );
    }
    return children;
  }

  private errorNode(profile: Profile, id: string, message: string, retry: RetryTarget): TreeNode {
    return { kind: 'error', id, profile, message, retry };
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
