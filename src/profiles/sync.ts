// Keeps the profile store in step with other VS Code windows, which share global state and
// SecretStorage but keep their own copy of the list.
import * as vscode from 'vscode';
import type { ProfileStore } from './store';

/**
 * Turns off Settings Sync for the profile list (a profile is useless on another machine
 * without its secret, which never syncs) and reads the list again whenever this window gains
 * focus. Secret changes from other windows arrive through SecretStorage.onDidChange.
 */
export function connectProfileStore(context: vscode.ExtensionContext, profiles: ProfileStore): void {
  context.globalState.setKeysForSync([]);
  context.subscriptions.push(
    vscode.window.onDidChangeWindowState((state) => {
      if (state.focused) {
        profiles.reload();
      }
    }),
  );
}
