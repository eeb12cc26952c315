// The prompts the profile commands show, behind one interface: VS Code's own input boxes,
// quick picks and messages here, and a scripted implementation in the in-host tests, which
// answers them without a person at the keyboard.
import * as vscode from 'vscode';

/** Each call returns undefined when the user dismissed the prompt (Escape, or closing a message). */
export interface InputPrompter {
  inputBox(options: vscode.InputBoxOptions): Thenable<string | undefined>;
  quickPick<T extends vscode.QuickPickItem>(
    items: readonly T[],
    options: vscode.QuickPickOptions & { canPickMany?: false },
  ): Thenable<T | undefined>;
  /** Shows a message with buttons and returns the button chosen. */
  message(
    severity: 'error' | 'warning' | 'info',
    text: string,
    options: vscode.MessageOptions,
    ...actions: string[]
  ): Thenable<string | undefined>;
}

export const vscodePrompter: InputPrompter = {
  inputBox: (options) => vscode.window.showInputBox(options),
  quickPick: (items, options) => vscode.window.showQuickPick(items, options),
  message: (severity, text, options, ...actions) => {
    if (severity === 'error') {
      return vscode.window.showErrorMessage(text, options, ...actions);
    }
    if (severity === 'warning') {
      return vscode.window.showWarningMessage(text, options, ...actions);
    }
    return vscode.window.showInformationMessage(text, options, ...actions);
  },
};
