// The warning shown when SecretStorage fails. On desktop Linux that happens when no keyring
// service (such as gnome-keyring) runs or it is locked; the user can then install or unlock
// one, or pick the backend with the "password-store" runtime argument in argv.json.
import * as vscode from 'vscode';
import type { Profile } from './types';

/** Builds the warning text: what happened to the secret and how to fix the keyring. */
export function keyringWarningMessage(profile: Profile | undefined, operation: 'store' | 'read'): string {
  if (operation === 'read') {
    return vscode.l10n.t(
      'The OS keyring could not be read, so stored key secrets are unavailable in this window. Unlock the keyring (such as gnome-keyring or KWallet), or set "password-store" in argv.json (command "Preferences: Configure Runtime Arguments"), then restart VS Code.',
    );
  }
  return vscode.l10n.t(
    'The OS keyring is unavailable, so the key secret of "{0}" is kept in memory until this window closes and is not saved anywhere. To keep it, install and unlock a keyring such as gnome-keyring, or set "password-store" in argv.json (command "Preferences: Configure Runtime Arguments"), restart VS Code and enter the secret again with "Edit Project…".',
    profile?.label ?? '',
  );
}

/** Shows the keyring warning with a button that opens argv.json. Fits ProfileStoreOptions.onSecretStorageError. */
export function showKeyringWarning(_error: unknown, profile: Profile | undefined, operation: 'store' | 'read'): void {
  const configure = vscode.l10n.t('Configure Runtime Arguments');
  void vscode.window.showWarningMessage(keyringWarningMessage(profile, operation), configure).then((choice) => {
    if (choice === configure) {
      void vscode.commands.executeCommand('workbench.action.configureRuntimeArguments');
    }
  });
}
