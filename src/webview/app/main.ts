// Entry point of the compare page (bundled by esbuild into dist/webview.js as an IIFE). It
// posts `ready`, renders every `init` state, and keeps the last state in the webview's own
// storage so the page comes back after it is hidden or reloaded.
import {
  isCompareState,
  isExtensionToWebviewMessage,
  type CompareState,
  type MergeReport,
  type WebviewToExtensionMessage,
} from '../messages';
import { createElement } from './dom';
import { t } from './l10n';
import { renderPage, type PageActions } from './page';

interface VsCodeApi {
  postMessage(message: WebviewToExtensionMessage): void;
  getState(): unknown;
  setState(state: PersistedState): void;
}

/** Provided by the VS Code webview host; it may be called only once per page. */
declare function acquireVsCodeApi(): VsCodeApi;

interface PersistedState {
  state: CompareState;
  notice?: string;
}

const vscode = acquireVsCodeApi();
const root = document.getElementById('app') ?? document.body;
let current: PersistedState | undefined = readPersistedState();

const actions: PageActions = {
  chooseDestination(destinationId) {
    if (!current) {
      return;
    }
    update({ state: { ...current.state, destinationId }, notice: undefined });
    vscode.postMessage({ type: 'chooseDestination', destinationId });
  },
  openJson(contactId) {
    vscode.postMessage({ type: 'openJson', contactId });
  },
  merge(destinationId, sourceIds) {
    vscode.postMessage({ type: 'merge', destinationId, sourceIds });
  },
};

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isExtensionToWebviewMessage(message)) {
    return;
  }

  if (message.type === 'init') {
    // A new merge starts with a `merging` state, so the previous outcome no longer applies.
    update({ state: message.state, notice: message.state.merging ? undefined : current?.notice });
  } else if (current) {
    update({ state: current.state, notice: describeReport(message.report) });
  }
});

if (current) {
  render(current);
}
vscode.postMessage({ type: 'ready' });

function update(next: PersistedState): void {
  current = next;
  vscode.setState(next);
  render(next);
}

/** Replaces the page, then puts focus back on the control that had it so keyboard users keep their place. */
function render(persisted: PersistedState): void {
  const focusKey = document.activeElement?.getAttribute('data-focus-key');

  try {
    root.replaceChildren(...renderPage(persisted.state, persisted.notice, actions));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    root.replaceChildren(
      createElement('p', { className: 'error', attributes: { role: 'alert' } }, [
        t('Could not show the comparison: {0}. Close this tab and open the comparison again.', reason),
      ]),
    );
  }

  if (focusKey) {
    const target = Array.from(root.querySelectorAll<HTMLElement>('[data-focus-key]')).find(
      (candidate) => candidate.getAttribute('data-focus-key') === focusKey,
    );
    target?.focus();
  }
}

function describeReport(report: MergeReport): string {
  if (report.cancelled) {
    return t('Merge cancelled. Nothing was changed.');
  }
  const count = report.mergedSourceIds.length;
  if (count === 0) {
    return t('No contact was merged.');
  }
  return count === 1 ? t('Merged 1 contact into the kept contact.') : t('Merged {0} contacts into the kept contact.', count);
}

function readPersistedState(): PersistedState | undefined {
  const saved = vscode.getState();
  if (typeof saved !== 'object' || saved === null) {
    return undefined;
  }

  const candidate = saved as Partial<PersistedState>;
  if (!isCompareState(candidate.state)) {
    return undefined;
  }
  return { state: candidate.state, notice: typeof candidate.notice === 'string' ? candidate.notice : undefined };
}
