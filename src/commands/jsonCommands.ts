// Raw JSON of apps, conflicts and contacts, and the raw diff of two contacts.
import * as vscode from 'vscode';
import { maskAppSecrets } from '../json/mask';
import type { Profile } from '../profiles/types';
import type { Contact, IdentityConflict } from '../sinch/types';
import { isTreeNode } from '../tree/nodes';
import { contactLabel } from '../tree/treeItems';
import type { CommandContext } from './context';
import { COMMAND_IDS } from './ids';
import { conflictOf, pickConflict, resolveProfile } from './pickers';
import { registerCommand, UserCancelledError } from './register';

export function registerJsonCommands(ctx: CommandContext): void {
  registerCommand(ctx.extension, ctx.log, COMMAND_IDS.openJson, (argument?: unknown) => openJson(ctx, argument));
  registerCommand(ctx.extension, ctx.log, COMMAND_IDS.compareRawJson, (argument?: unknown) => compareRawJson(ctx, argument));
}

async function openJson(ctx: CommandContext, argument: unknown): Promise<void> {
  if (isTreeNode(argument)) {
    switch (argument.kind) {
      case 'app':
        await showApp(ctx, argument.profile, argument.app.id);
        return;
      case 'conflict':
        await showConflict(ctx, argument.profile, argument.conflict);
        return;
      case 'contact':
        await showContact(ctx, argument.profile, argument.contactId);
        return;
    }
  }
  const profile = await resolveProfile(ctx.profiles, argument, vscode.l10n.t('Show JSON from which project?'));
  const choice = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('App…'), target: 'app' as const },
      { label: vscode.l10n.t('Identity conflict…'), target: 'conflict' as const },
      { label: vscode.l10n.t('Contact by ID…'), target: 'contact' as const },
    ],
    { placeHolder: vscode.l10n.t('Show the JSON of what?') },
  );
  if (!choice) {
    throw new UserCancelledError();
  }
  const model = ctx.projects.model(profile);
  if (choice.target === 'app') {
    const apps = await model.loadApps();
    const picked = await vscode.window.showQuickPick(
      apps.map((app) => ({ label: app.display_name || app.id, description: app.id, app })),
      { placeHolder: vscode.l10n.t('Choose an app') },
    );
    if (!picked) {
      throw new UserCancelledError();
    }
    await showApp(ctx, profile, picked.app.id);
  } else if (choice.target === 'conflict') {
    await showConflict(ctx, profile, await pickConflict(model, vscode.l10n.t('Show the JSON of which conflict?')));
  } else {
    const id = await vscode.window.showInputBox({
      prompt: vscode.l10n.t('Contact ID'),
      validateInput: (value) => (/^[0-9A-Za-z]{10,64}$/.test(value.trim()) ? undefined : vscode.l10n.t('A contact ID is a ULID such as 01H8Z5K3Q9XWZ7R2M4N6P8T0VB.')),
    });
    if (id === undefined) {
      throw new UserCancelledError();
    }
    await showContact(ctx, profile, id.trim());
  }
}

async function showApp(ctx: CommandContext, profile: Profile, appId: string): Promise<void> {
  const apps = await ctx.projects.model(profile).loadApps();
  const app = apps.find((candidate) => candidate.id === appId);
  if (!app) {
    throw new Error(vscode.l10n.t('App {0} is no longer in project {1}. Refresh the Sinch view.', appId, profile.label));
  }
  await ctx.json.show(ctx.json.put([profile.label, 'apps', app.display_name || app.id], maskAppSecrets(app)));
}

async function showConflict(ctx: CommandContext, profile: Profile, conflict: IdentityConflict): Promise<void> {
  await ctx.json.show(ctx.json.put([profile.label, 'conflicts', conflict.identity], conflict));
}

async function showContact(ctx: CommandContext, profile: Profile, contactId: string): Promise<void> {
  const contact = await ctx.projects.model(profile).loadContact(contactId, { fresh: true });
  await ctx.json.show(ctx.json.put([profile.label, 'contacts', contactId], contact));
}

/** Opens two contacts of a conflict in VS Code's diff editor; with more than two, the user picks two. */
async function compareRawJson(ctx: CommandContext, argument: unknown): Promise<void> {
  let profile: Profile;
  let conflict = conflictOf(argument);
  if (conflict && isTreeNode(argument) && 'profile' in argument) {
    profile = argument.profile;
  } else {
    profile = await resolveProfile(ctx.profiles, argument, vscode.l10n.t('Compare contacts of which project?'));
    conflict = await pickConflict(ctx.projects.model(profile), vscode.l10n.t('Compare the raw JSON of which conflict?'));
  }

  const model = ctx.projects.model(profile);
  const contacts = await Promise.all(conflict.contact_ids.map((id) => model.loadContact(id, { fresh: true })));
  let pair: Contact[] = contacts;
  if (contacts.length > 2) {
    const picked = await vscode.window.showQuickPick(
      contacts.map((contact) => ({ label: contactLabel(contact), description: contact.id, contact })),
      { canPickMany: true, matchOnDescription: true, placeHolder: vscode.l10n.t('Choose two contacts to compare') },
    );
    if (!picked) {
      throw new UserCancelledError();
    }
    if (picked.length !== 2) {
      throw new Error(vscode.l10n.t('Choose exactly two contacts to compare; {0} were chosen.', picked.length));
    }
    pair = picked.map((item) => item.contact);
  }

  const [left, right] = pair.map((contact) => ctx.json.put([profile.label, 'contacts', contact.id], contact));
  const title = vscode.l10n.t('{0}: {1} ↔ {2}', conflict.identity, contactLabel(pair[0]), contactLabel(pair[1]));
  await vscode.commands.executeCommand('vscode.diff', left, right, title, { preview: true });
}
