// Hosts the compare page in a WebviewPanel: one panel per conflict key, opened or revealed
// by `ComparePanel.show`. The page receives its data only through messages after it posts
// `ready`, and stores it with `setState`, so a reload or a hidden tab needs no retained
// context. Merges run through the handler the extension passes in, which confirms first.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { buildCompareHtml } from './compareHtml';
import { applyMergeReport } from './compareState';
import {
  isWebviewToExtensionMessage,
  type CompareState,
  type ExtensionToWebviewMessage,
  type MergeReport,
} from './messages';

/** Extension actions behind the page's requests. `merge` shows its own confirmation before anything changes. */
export interface CompareHandler {
  merge(destinationId: string, sourceIds: string[]): Promise<MergeReport>;
  openJson(contactId: string): Promise<void>;
}

export interface ShowCompareOptions {
  extensionUri: vscode.Uri;
  /** Conflict key, for example `<profile>/<identity>`. One panel exists per key. */
  key: string;
  state: CompareState;
  handler: CompareHandler;
}

export const COMPARE_VIEW_TYPE = 'sinchConflicts.compare';

export class ComparePanel implements vscode.Disposable {
  private static readonly panels = new Map<string, ComparePanel>();

  private readonly disposables: vscode.Disposable[] = [];
  private disposed = false;

  /** Opens the panel for `options.key`, or reveals it with the new state keeping the chosen destination. */
  static show(options: ShowCompareOptions): ComparePanel {
    const existing = ComparePanel.panels.get(options.key);
    if (existing) {
      const chosen = existing.state.destinationId;
      const keepsChoice = options.state.contacts.some((contact) => contact.id === chosen);
      existing.handler = options.handler;
      existing.update(keepsChoice ? { ...options.state, destinationId: chosen } : options.state);
      existing.panel.reveal();
      return existing;
    }

    const panel = vscode.window.createWebviewPanel(
      COMPARE_VIEW_TYPE,
      panelTitle(options.state),
      vscode.ViewColumn.Active,
      {
        enableScripts: true,
        localResourceRoots: [
          vscode.Uri.joinPath(options.extensionUri, 'dist'),
          vscode.Uri.joinPath(options.extensionUri, 'media'),
        ],
      },
    );
    const comparePanel = new ComparePanel(panel, options);
    ComparePanel.panels.set(options.key, comparePanel);
    return comparePanel;
  }

  /** Returns the open panel for a conflict key, for example to update it after a refresh. */
  static find(key: string): ComparePanel | undefined {
    return ComparePanel.panels.get(key);
  }

  static disposeAll(): void {
    for (const panel of [...ComparePanel.panels.values()]) {
      panel.dispose();
    }
  }

  private state: CompareState;
  private handler: CompareHandler;

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly options: ShowCompareOptions,
  ) {
    this.state = options.state;
    this.handler = options.handler;
    panel.iconPath = vscode.Uri.joinPath(options.extensionUri, 'media', 'sinch.svg');
    panel.webview.html = this.buildHtml();

    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Replaces the page's state (after a merge or a refresh) and sends it to the page. */
  update(state: CompareState): void {
    this.state = state;
    this.panel.title = panelTitle(state);
    this.post({ type: 'init', state });
  }

  dispose(): void {
    if (this.disposed) {
      return;
    }
    this.disposed = true;

    if (ComparePanel.panels.get(this.options.key) === this) {
      ComparePanel.panels.delete(this.options.key);
    }
    this.panel.dispose();
    for (const disposable of this.disposables.splice(0)) {
      disposable.dispose();
    }
  }

  private buildHtml(): string {
    const webview = this.panel.webview;
    const extensionUri = this.options.extensionUri;
    return buildCompareHtml({
      cspSource: webview.cspSource,
      nonce: randomBytes(18).toString('base64'),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'compare.css')).toString(),
      title: vscode.l10n.t('Compare contacts'),
    });
  }

  private async receive(message: unknown): Promise<void> {
    // The page is ours, but its messages are still untyped JSON: ignore anything malformed.
    if (this.disposed || !isWebviewToExtensionMessage(message)) {
      return;
    }

    switch (message.type) {
      case 'ready':
        this.post({ type: 'init', state: this.state });
        return;
      case 'chooseDestination':
        if (this.isKnownContact(message.destinationId)) {
          this.state = { ...this.state, destinationId: message.destinationId };
        }
        return;
      case 'openJson':
        await this.openJson(message.contactId);
        return;
      case 'merge':
        await this.merge(message.destinationId, message.sourceIds);
        return;
    }
  }

  private async openJson(contactId: string): Promise<void> {
    if (!this.isKnownContact(contactId)) {
      return;
    }

    try {
      await this.handler.openJson(contactId);
    } catch (error) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('Could not open the JSON of contact {0}: {1}', contactId, describeError(error)),
      );
    }
  }

  private async merge(destinationId: string, sourceIds: string[]): Promise<void> {
    if (this.state.merging) {
      return;
    }

    const problem = this.checkMergeRequest(destinationId, sourceIds);
    if (problem) {
      this.update({ ...this.state, error: problem });
      return;
    }

    this.update({ ...this.state, destinationId, merging: true, error: undefined });
    let report: MergeReport;
    try {
      report = await this.handler.merge(destinationId, sourceIds);
    } catch (error) {
      report = { mergedSourceIds: [], error: vscode.l10n.t('Merge failed: {0}', describeError(error)) };
    }
    if (this.disposed) {
      return;
    }

    this.post({ type: 'mergeResult', report });
    this.update(applyMergeReport(this.state, destinationId, report));
  }

  /** Returns why a merge request from the page cannot run, or undefined when it can. */
  private checkMergeRequest(destinationId: string, sourceIds: readonly string[]): string | undefined {
    const unknown = [destinationId, ...sourceIds].find((id) => !this.isKnownContact(id));
    if (unknown) {
      return vscode.l10n.t(
        'Contact {0} is not part of this comparison any more. Refresh the conflict and compare again.',
        unknown,
      );
    }
    if (sourceIds.includes(destinationId) || new Set(sourceIds).size !== sourceIds.length) {
      return vscode.l10n.t('Each contact can be merged only once, and not into itself. Choose the contact to keep again.');
    }
    return undefined;
  }

  private isKnownContact(contactId: string): boolean {
    return this.state.contacts.some((contact) => contact.id === contactId);
  }

  private post(message: ExtensionToWebviewMessage): void {
    // Every state carries the display language's translations, which the page cannot read itself.
    const withL10n = message.type === 'init' ? { ...message, state: { ...message.state, l10n: vscode.l10n.bundle } } : message;
    // A hidden panel without retained context drops messages, and its page posts `ready` again when shown.
    void this.panel.webview.postMessage(withL10n);
  }
}

function panelTitle(state: CompareState): string {
  return vscode.l10n.t('Compare {0}', state.identity);
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
