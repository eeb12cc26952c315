import * as vscode from 'vscode';

/** Activates the extension. Activation reads profiles only: no network and no other disk work. */
export function activate(context: vscode.ExtensionContext): void {
  void context;
}

export function deactivate(): void {
  // Disposables registered in `context.subscriptions` are released by VS Code.
}
