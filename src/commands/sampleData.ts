// "Try with sample data": starts the sandbox inside the extension and adds a Sandbox profile,
// so a new user sees realistic conflicts without a Sinch account.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { Profile } from '../profiles/types';
import type { CommandContext } from './context';
import { COMMAND_IDS } from './ids';
import { registerCommand } from './register';

export interface SandboxProfileStore {
  list(): Profile[];
  add(profile: Profile, secret: string): Promise<void>;
  update(profile: Profile, secret?: string): Promise<void>;
}

export function registerSampleDataCommand(ctx: CommandContext, store: SandboxProfileStore): void {
  registerCommand(ctx.extension, ctx.log, COMMAND_IDS.trySampleData, () => trySampleData(ctx, store));
}

async function trySampleData(ctx: CommandContext, store: SandboxProfileStore): Promise<Profile> {
  const sandbox = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Starting the sample-data sandbox') },
    () => ctx.sandbox.ensureStarted(),
  );
  const fields = {
    label: vscode.l10n.t('Sandbox (sample data)'),
    projectId: sandbox.projectId,
    region: sandbox.region,
    keyId: sandbox.keyId,
    authMethod: 'oauth2' as const,
    sandbox: true,
  };

  const existing = store.list().find((profile) => profile.sandbox);
  let profile: Profile;
  if (existing) {
    profile = { ...existing, ...fields, label: existing.label };
    await store.update(profile, sandbox.keySecret);
  } else {
    profile = { id: randomUUID(), ...fields };
    await store.add(profile, sandbox.keySecret);
  }
  ctx.connector.forget(profile.id);
  ctx.projects.existing(profile.id)?.reset();
  ctx.log.info(`Sandbox profile ready: project ${sandbox.projectId} at ${sandbox.baseUrl}.`);
  await vscode.commands.executeCommand('sinchConflicts.explorer.focus');
  return profile;
}
