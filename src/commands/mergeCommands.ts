// Merge from the palette or the tree, the compare webview, and the merge history.
import * as vscode from 'vscode';
import type { Profile } from '../profiles/types';
import type { IdentityConflict } from '../sinch/types';
import { isTreeNode } from '../tree/nodes';
import { ComparePanel } from '../webview/comparePanel';
import type { CommandContext } from './context';
import { COMMAND_IDS } from './ids';
import { loadConflictContacts, reportMerge, runMerge } from './mergeFlow';
import { conflictOf, pickConflict, resolveProfile } from './pickers';
import { registerCommand } from './register';

export function registerMergeCommands(ctx: CommandContext): void {
  registerCommand(ctx.extension, ctx.log, COMMAND_IDS.mergeConflict, (argument?: unknown) => mergeConflict(ctx, argument));
  registerCommand(ctx.extension, ctx.log, COMMAND_IDS.compareContacts, (argument?: unknown) => compareContacts(ctx, argument));
  registerCommand(ctx.extension, ctx.log, COMMAND_IDS.showMergeHistory, () => showMergeHistory(ctx));
}

/** Returns the profile and conflict a command acts on: from its tree node, or from quick picks. */
async function resolveConflict(ctx: CommandContext, argument: unknown, purpose: string): Promise<{ profile: Profile; conflict: IdentityConflict }> {
  const conflict = conflictOf(argument);
  if (conflict && isTreeNode(argument) && 'profile' in argument) {
    return { profile: argument.profile, conflict };
  }
  const profile = await resolveProfile(ctx.profiles, argument, vscode.l10n.t('Which project?'));
  return { profile, conflict: await pickConflict(ctx.projects.model(profile), purpose) };
}

async function mergeConflict(ctx: CommandContext, argument: unknown): Promise<void> {
  const { profile, conflict } = await resolveConflict(ctx, argument, vscode.l10n.t('Merge the contacts of which conflict?'));
  const report = await runMerge(ctx, { profile, conflict, showPrediction: true });
  ComparePanel.find(panelKey(profile, conflict))?.dispose();
  await reportMerge(conflict, report);
}

function panelKey(profile: Profile, conflict: IdentityConflict): string {
  return `${profile.id}/${conflict.identity}`;
}

async function compareContacts(ctx: CommandContext, argument: unknown): Promise<void> {
  const { profile, conflict } = await resolveConflict(ctx, argument, vscode.l10n.t('Compare the contacts of which conflict?'));
  const contacts = await loadConflictContacts(ctx, profile, conflict);
  ComparePanel.show({
    extensionUri: ctx.extension.extensionUri,
    key: panelKey(profile, conflict),
    state: {
      title: vscode.l10n.t('Identity {0}', conflict.identity),
      identity: conflict.identity,
      channels: conflict.channels,
      contacts,
      destinationId: contacts[0].id,
    },
    handler: {
      merge: async (destinationId) => {
        const report = await runMerge(ctx, { profile, conflict, destinationId, showPrediction: false });
        await reportMerge(conflict, report);
        return report;
      },
      openJson: async (contactId) => {
        const contact = await ctx.projects.model(profile).loadContact(contactId, { fresh: true });
        await ctx.json.show(ctx.json.put([profile.label, 'contacts', contactId], contact));
      },
    },
  });
}

async function showMergeHistory(ctx: CommandContext): Promise<void> {
  if (!(await ctx.journal.exists())) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No merge has been made yet, so the merge journal is empty.'));
    return;
  }
  const document = await vscode.workspace.openTextDocument(ctx.journal.uri);
  await vscode.window.showTextDocument(document, { preview: false });
}
