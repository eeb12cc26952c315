// One wrapper for every command: it logs the call, turns failures into one clear message,
// treats cancellation as a normal end, and ties the registration to the extension's lifetime.
import * as vscode from 'vscode';
import { CommandId } from './ids';

/** Thrown (or returned as a rejection) when the user dismissed a prompt or cancelled progress. */
export class UserCancelledError extends Error {
  constructor() {
    super('Cancelled by the user.');
    this.name = 'UserCancelledError';
  }
}

export function isCancellation(error: unknown): boolean {
  if (error instanceof UserCancelledError || error instanceof vscode.CancellationError) {
    return true;
  }
  return typeof error === 'object' && error !== null && (error as { kind?: unknown }).kind === 'cancelled';
}

/** Text of an error for a user: the message only, never a stack or a request body. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    return error.message;
  }
  return String(error);
}

export function registerCommand(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  id: CommandId,
  handler: (...args: any[]) => unknown,
): void {
  const wrapped = async (...args: unknown[]): Promise<unknown> => {
    log.debug(`Command ${id} started.`);
    try {
      return await handler(...args);
    } catch (error) {
      if (isCancellation(error)) {
        log.info(`Command ${id} cancelled.`);
        return undefined;
      }
      const message = describeError(error);
      log.error(`Command ${id} failed: ${message}`);
      const showLogs = vscode.l10n.t('Show Logs');
      void vscode.window.showErrorMessage(message, showLogs).then((choice) => {
        if (choice === showLogs) {
          void vscode.commands.executeCommand('sinchConflicts.showLogs');
        }
      });
      return undefined;
    }
  };
  context.subscriptions.push(vscode.commands.registerCommand(id, wrapped));
}
