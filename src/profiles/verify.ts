// The credentials check before a profile is saved: a cancellable progress notification, then
// on failure one error that names what was wrong, with "Try Again" and "Edit". Nothing is saved
// until the check passes.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { UserCancelledError, describeError } from '../commands/register';
import type { CredentialDraft } from './credentials';
import type { InputPrompter } from './prompter';
import { promptNewProfile, type ProfileDraft, type SandboxRegionSource } from './prompts';
import { DuplicateProfileError, type ProfileStore } from './store';

/** Checks credentials and returns the number of apps of the project; rejects with a message naming what to fix. */
export type CredentialChecker = (draft: CredentialDraft, secret: string, signal: AbortSignal) => Promise<number>;

/** Dependencies of the profile commands: the prompter, the credentials check and the embedded sandbox. Tests replace them through the object registerProfileCommands returns. */
export interface ProfileCommandHooks {
  prompter: InputPrompter;
  checkCredentials: CredentialChecker;
  /** Starts the embedded sandbox for the "Local sandbox" choice of Add Project… and returns its region. */
  sandboxRegion: SandboxRegionSource;
}

type CheckResult = { ok: true; apps: number } | { ok: false; message: string };

async function checkWithProgress(checker: CredentialChecker, draft: CredentialDraft, secret: string): Promise<CheckResult> {
  const title = vscode.l10n.t('Checking the credentials of project {0} in region {1}…', draft.projectId, draft.region);
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    async (_progress, token): Promise<CheckResult> => {
      const controller = new AbortController();
      const subscription = token.onCancellationRequested(() => controller.abort());
      try {
        return { ok: true, apps: await checker(draft, secret, controller.signal) };
      } catch (error) {
        if (token.isCancellationRequested) {
          throw new UserCancelledError();
        }
        return { ok: false, message: describeError(error) };
      } finally {
        subscription.dispose();
      }
    },
  );
}

/**
 * Checks until the credentials pass ('accepted') or the user chooses to edit them ('edit').
 * Dismissing the error ends the command with nothing saved.
 */
export async function checkUntilAccepted(
  hooks: ProfileCommandHooks,
  log: vscode.LogOutputChannel,
  draft: CredentialDraft,
  secret: string,
): Promise<{ outcome: 'accepted'; apps: number } | { outcome: 'edit' }> {
  const tryAgain = vscode.l10n.t('Try Again');
  const edit = vscode.l10n.t('Edit');

  for (;;) {
    const result = await checkWithProgress(hooks.checkCredentials, draft, secret);
    if (result.ok) {
      log.info(`Credentials of project ${draft.projectId} in region ${draft.region} accepted (${result.apps} apps).`);
      return { outcome: 'accepted', apps: result.apps };
    }

    log.warn(`Credentials check of project ${draft.projectId} in region ${draft.region} failed: ${result.message}`);
    const message = vscode.l10n.t(
      'Checking project {0} in region {1} failed, so nothing was saved. {2}',
      draft.projectId,
      draft.region,
      result.message,
    );
    const choice = await hooks.prompter.message('error', message, {}, tryAgain, edit);
    if (choice === edit) {
      return { outcome: 'edit' };
    }
    if (choice !== tryAgain) {
      throw new UserCancelledError();
    }
  }
}

/**
 * Checks a new profile's credentials and saves it when they pass. After "Edit" the user goes
 * through the input flow again with the answers prefilled, and may keep the secret entered.
 */
export async function addCheckedProfile(
  hooks: ProfileCommandHooks,
  log: vscode.LogOutputChannel,
  profiles: ProfileStore,
  draft: ProfileDraft,
  secret: string,
): Promise<void> {
  let current = { draft, secret };
  for (;;) {
    const checked = await checkUntilAccepted(hooks, log, current.draft, current.secret);
    if (checked.outcome === 'accepted') {
      await saveNewProfile(profiles, current.draft, current.secret);
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Added project "{0}" ({1} apps found).', current.draft.label, checked.apps),
      );
      return;
    }

    const edited = await promptNewProfile(hooks.prompter, profiles.list(), {
      initial: current.draft,
      knownSecret: current.secret,
      sandboxRegion: hooks.sandboxRegion,
    });
    current = { draft: edited.draft, secret: edited.secret ?? current.secret };
  }
}

async function saveNewProfile(profiles: ProfileStore, draft: ProfileDraft, secret: string): Promise<void> {
  try {
    await profiles.add({ id: randomUUID(), ...draft }, secret);
  } catch (error) {
    // Another window may have added the same project while this one was checking.
    if (error instanceof DuplicateProfileError) {
      throw new Error(
        vscode.l10n.t(
          'Project {0} in region {1} is already added as "{2}". Edit that profile instead of adding it again.',
          draft.projectId,
          draft.region,
          error.existing.label,
        ),
      );
    }
    throw error;
  }
}
