// Watches the calls VS Code makes to the tree provider: how often it rebuilds the conflicts
// root, how long the extension spends in getChildren and getTreeItem, and when a complete
// list has been handed to the view. It wraps the provider instance's two methods, timing
// them without changing what they return.
import { performance } from 'node:perf_hooks';
import type { ConflictsTreeProvider } from '../../src/tree/provider';
import type { TreeNode } from '../../src/tree/nodes';

interface FullRender {
  conflicts: number;
  resolve: (at: number) => void;
}

export class TreeProbe {
  rootBuilds = 0;
  treeCpuMs = 0;
  private itemsSeen = 0;
  private itemsExpected = 0;
  private waiting: FullRender | undefined;
  private readonly restore: () => void;

  constructor(tree: ConflictsTreeProvider) {
    const getChildren = tree.getChildren.bind(tree);
    const getTreeItem = tree.getTreeItem.bind(tree);

    tree.getChildren = async (node?: TreeNode): Promise<TreeNode[]> => {
      const started = performance.now();
      const children = await getChildren(node);
      if (node?.kind === 'conflictsRoot') {
        this.treeCpuMs += performance.now() - started;
        this.rootBuilds += 1;
        this.onRootBuilt(children.filter((child) => child.kind === 'conflict').length);
      }
      return children;
    };
    tree.getTreeItem = (node: TreeNode) => {
      const started = performance.now();
      const item = getTreeItem(node);
      if (node.kind === 'conflict') {
        this.treeCpuMs += performance.now() - started;
        this.onConflictItem();
      }
      return item;
    };

    this.restore = () => {
      delete (tree as Partial<ConflictsTreeProvider>).getChildren;
      delete (tree as Partial<ConflictsTreeProvider>).getTreeItem;
    };
  }

  reset(): void {
    this.rootBuilds = 0;
    this.treeCpuMs = 0;
  }

  /**
   * Resolves with the time at which the view received tree items for a list of `conflicts`
   * conflicts, that is, after a rebuild of the root that returned them all and the
   * getTreeItem call for each of them.
   */
  fullRender(conflicts: number, timeoutMs: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = undefined;
        reject(new Error(`The view did not render all ${conflicts} conflicts within ${timeoutMs} ms (root rebuilt ${this.rootBuilds} times).`));
      }, timeoutMs);
      this.waiting = {
        conflicts,
        resolve: (at) => {
          clearTimeout(timer);
          this.waiting = undefined;
          resolve(at);
        },
      };
    });
  }

  dispose(): void {
    this.restore();
  }

  private onRootBuilt(conflicts: number): void {
    if (this.waiting && conflicts === this.waiting.conflicts) {
      this.itemsSeen = 0;
      this.itemsExpected = conflicts;
    }
  }

  private onConflictItem(): void {
    if (!this.waiting || this.itemsExpected === 0) {
      return;
    }
    this.itemsSeen += 1;
    if (this.itemsSeen === this.itemsExpected) {
      this.itemsExpected = 0;
      this.waiting.resolve(performance.now());
    }
  }
}
