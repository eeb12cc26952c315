// The profile commands: Add Project…, Edit Project…, Remove Project, Import from Environment.
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../commands/ids';
import { UserCancelledError, registerCommand } from '../commands/register';
import type { SandboxHandle } from '../sandbox/api';
import { sandboxEndpoints } from '../sandbox/endpoints';
import type { SandboxHost } from '../session/sandboxHost';
import { checkProfileCredentials } from './credentials';
import { importFromEnvironment } from './environment';
import { vscodePrompter, type InputPrompter } from './prompter';
import { pickProfile, promptNewProfile, promptProfileChanges, type ProfileDraft } from './prompts';
import { clientSettings } from './settings';
import type { ProfileStore } from './store';
import { connectProfileStore } from './sync';
import type { Profile } from './types';
import { addCheckedProfile, checkUntilAccepted, type ProfileCommandHooks } from './verify';

export type { ProfileCommandHooks } from './verify';

/**
 * Registers the four profile commands and connects the store to other windows. The returned
 * hooks decide how the commands prompt, check credentials and start the sandbox. The in-host
 * tests swap the prompter for a scripted one and may point the check at a sandbox of their own.
 */
export function registerProfileCommands(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  profiles: ProfileStore,
  sandbox: SandboxHost,
): ProfileCommandHooks {
  connectProfileStore(context, profiles);

  const startSandbox = (): Thenable<SandboxHandle> =>
    vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Starting the sample-data sandbox') },
      () => sandbox.ensureStarted(),
    );

  const hooks: ProfileCommandHooks = {
    prompter: vscodePrompter,
    // A sandbox draft is checked on the embedded sandbox's loopback endpoints; every other
    // draft goes to the Sinch hosts of its region.
    checkCredentials: async (draft, secret, signal) => {
      const endpoints = draft.sandbox === true ? sandboxEndpoints(await startSandbox()) : undefined;
      return checkProfileCredentials(draft, secret, { settings: clientSettings(log), endpoints, logger: log, signal });
    },
    sandboxRegion: async () => (await startSandbox()).region,
  };

  registerCommand(context, log, COMMAND_IDS.addProject, async () => {
    const { draft, secret } = await promptNewProfile(hooks.prompter, profiles.list(), { sandboxRegion: hooks.sandboxRegion });
    await addCheckedProfile(hooks, log, profiles, draft, requireSecret(secret));
  });
  registerCommand(context, log, COMMAND_IDS.editProject, (target?: unknown) => editProject(hooks, log, profiles, target));
  registerCommand(context, log, COMMAND_IDS.removeProject, (target?: unknown) => removeProject(hooks.prompter, profiles, target));
  registerCommand(context, log, COMMAND_IDS.importFromEnvironment, () => importFromEnvironment(hooks, log, profiles));

  return hooks;
}

function requireSecret(secret: string | undefined): string {
  if (secret === undefined) {
    throw new Error(vscode.l10n.t('Missing key secret. Run the command again and enter the secret of the access key.'));
  }
  return secret;
}

/** Reads the profile ID from a tree item (`{ profile }`), a profile, or a plain ID string. */
export function profileIdOf(target: unknown): string | undefined {
  if (typeof target === 'string') {
    return target;
  }
  if (typeof target !== 'object' || target === null) {
    return undefined;
  }

  const candidate: unknown = 'profile' in target ? target.profile : target;
  if (typeof candidate === 'object' && candidate !== null && 'id' in candidate && 'projectId' in candidate) {
    return typeof candidate.id === 'string' ? candidate.id : undefined;
  }
  return undefined;
}

/** Returns the profile a command acts on: its argument when invoked from the tree, else the user's pick. */
async function resolveProfile(
  prompter: InputPrompter,
  profiles: ProfileStore,
  target: unknown,
  placeHolder: string,
): Promise<Profile | undefined> {
  const id = profileIdOf(target);
  if (id !== undefined) {
    const profile = profiles.get(id);
    if (profile === undefined) {
      throw new Error(vscode.l10n.t('Profile {0} no longer exists. It may have been removed in another window.', id));
    }
    return profile;
  }

  const all = profiles.list();
  if (all.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No project has been added yet. Use "Add Project…" first.'));
    return undefined;
  }
  return pickProfile(prompter, all, placeHolder);
}

function credentialsChanged(profile: Profile, draft: ProfileDraft, secret: string | undefined): boolean {
  return (
    secret !== undefined ||
    draft.region !== profile.region ||
    draft.keyId !== profile.keyId ||
    draft.authMethod !== profile.authMethod
  );
}

/** Edits a profile. A change of anything but the label is checked against the API before it is saved. */
async function editProject(
  hooks: ProfileCommandHooks,
  log: vscode.LogOutputChannel,
  profiles: ProfileStore,
  target: unknown,
): Promise<void> {
  const profile = await resolveProfile(hooks.prompter, profiles, target, vscode.l10n.t('Project to edit'));
  if (profile === undefined) {
    return;
  }

  const storedSecret = profile.sandbox === true ? undefined : await profiles.getSecret(profile.id);
  let prefill: Profile = profile;
  let enteredSecret: string | undefined;

  for (;;) {
    const others = profiles.list().filter((candidate) => candidate.id !== profile.id);
    const keptSecret = enteredSecret ?? storedSecret;
    const answer = await promptProfileChanges(hooks.prompter, prefill, others, keptSecret !== undefined);
    enteredSecret = answer.secret ?? enteredSecret;
    const updated: Profile = { ...profile, ...answer.draft, id: profile.id };

    if (profile.sandbox === true || !credentialsChanged(profile, answer.draft, enteredSecret)) {
      await profiles.update(updated);
      void vscode.window.showInformationMessage(vscode.l10n.t('Saved project "{0}".', updated.label));
      return;
    }

    const secret = requireSecret(enteredSecret ?? storedSecret);
    const checked = await checkUntilAccepted(hooks, log, answer.draft, secret);
    if (checked.outcome === 'accepted') {
      await profiles.update(updated, enteredSecret);
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Saved project "{0}" ({1} apps found).', updated.label, checked.apps),
      );
      return;
    }
    prefill = updated;
  }
}

/** Removes a profile and its key secret after a modal confirmation. */
async function removeProject(prompter: InputPrompter, profiles: ProfileStore, target: unknown): Promise<void> {
  const profile = await resolveProfile(prompter, profiles, target, vscode.l10n.t('Project to remove'));
  if (profile === undefined) {
    return;
  }

  const remove = vscode.l10n.t('Remove');
  const choice = await prompter.message(
    'warning',
    vscode.l10n.t('Remove project "{0}" from this list?', profile.label),
    {
      modal: true,
      detail: vscode.l10n.t(
        'Its key secret is deleted from the keyring of this computer. The Sinch project ({0}, region {1}) and its contacts are not changed.',
        profile.projectId,
        profile.region,
      ),
    },
    remove,
  );
  if (choice !== remove) {
    throw new UserCancelledError();
  }

  await profiles.remove(profile.id);
  void vscode.window.showInformationMessage(vscode.l10n.t('Removed project "{0}".', profile.label));
}
