// Quick picks shared by commands run from the Command Palette, where no tree item names
// the profile or conflict.
import * as vscode from 'vscode';
import type { Profile } from '../profiles/types';
import type { IdentityConflict } from '../sinch/types';
import { isTreeNode, profileIdOf } from '../tree/nodes';
import type { ProjectModel } from '../tree/projectModel';
import type { ProfileAccess } from './context';
import { UserCancelledError } from './register';

/** Returns the profile a command argument names, or shows a quick pick (a single profile is returned without one). */
export async function resolveProfile(profiles: ProfileAccess, argument: unknown, placeHolder: string): Promise<Profile> {
  const id = profileIdOf(argument);
  if (id !== undefined) {
    const profile = profiles.get(id);
    if (!profile) {
      throw new Error(vscode.l10n.t('The project profile was removed. Refresh the Sinch view and try again.'));
    }
    return profile;
  }
  const all = profiles.list();
  if (all.length === 0) {
    throw new Error(vscode.l10n.t('No Sinch project has been added yet. Run "Sinch: Add Project…" or "Sinch: Try with Sample Data" first.'));
  }
  if (all.length === 1) {
    return all[0];
  }
  const picked = await vscode.window.showQuickPick(
    all.map((profile) => ({ label: profile.label, description: `${profile.region.toUpperCase()} · ${profile.projectId}`, profile })),
    { placeHolder, ignoreFocusOut: true },
  );
  if (!picked) {
    throw new UserCancelledError();
  }
  return picked.profile;
}

/** Returns the conflict a tree node carries, if any. */
export function conflictOf(argument: unknown): IdentityConflict | undefined {
  if (isTreeNode(argument) && (argument.kind === 'conflict' || argument.kind === 'contact')) {
    return argument.conflict;
  }
  return undefined;
}

/** Converts a VS Code cancellation token into the AbortSignal the API client takes. */
export function abortSignalFor(token: vscode.CancellationToken): AbortSignal {
  const controller = new AbortController();
  if (token.isCancellationRequested) {
    controller.abort();
  } else {
    token.onCancellationRequested(() => controller.abort());
  }
  return controller.signal;
}

interface ConflictItem extends vscode.QuickPickItem {
  conflict: IdentityConflict;
}

function conflictItem(conflict: IdentityConflict): ConflictItem {
  return {
    label: conflict.identity,
    description: vscode.l10n.t('{0} · {1} contacts', conflict.channels.join(', '), conflict.contact_ids.length),
    conflict,
  };
}

/**
 * Asks for a conflict of a project. The list opens at once with what is loaded and keeps
 * growing while further pages load in the background; typing filters by identity or channel.
 */
export async function pickConflict(model: ProjectModel, title: string): Promise<IdentityConflict> {
  const quickPick = vscode.window.createQuickPick<ConflictItem>();
  quickPick.title = title;
  quickPick.placeholder = vscode.l10n.t('Type a phone number or a channel to search');
  quickPick.matchOnDescription = true;
  quickPick.ignoreFocusOut = true;
  const controller = new AbortController();

  const update = (): void => {
    const state = model.conflictState();
    quickPick.items = state.conflicts.map(conflictItem);
    quickPick.busy = !state.complete && !controller.signal.aborted;
  };
  const stopListening = model.onDidChange(update);
  update();
  void model.loadAll(controller.signal).catch((error: unknown) => {
    quickPick.busy = false;
    quickPick.placeholder = vscode.l10n.t('Loading more conflicts failed: {0}', error instanceof Error ? error.message : String(error));
  });

  try {
    const picked = await new Promise<IdentityConflict | undefined>((resolve) => {
      quickPick.onDidAccept(() => resolve(quickPick.selectedItems[0]?.conflict));
      quickPick.onDidHide(() => resolve(undefined));
      quickPick.show();
    });
    if (!picked) {
      throw new UserCancelledError();
    }
    return picked;
  } finally {
    controller.abort();
    stopListening();
    quickPick.dispose();
  }
}
