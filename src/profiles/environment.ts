// Import from Environment: a profile from the variables the official Sinch SDKs read
// (SINCH_PROJECT_ID, SINCH_KEY_ID, SINCH_KEY_SECRET, SINCH_CONVERSATION_REGION), taken from the
// environment of the extension host, checked like a profile added by hand.
import * as vscode from 'vscode';
import { UserCancelledError } from '../commands/register';
import { rejectDuplicate } from './prompts';
import type { ProfileStore } from './store';
import { DEFAULT_ENVIRONMENT_REGION, ENVIRONMENT_VARIABLES, readEnvironmentCredentials, type InvalidVariable } from './validation';
import { addCheckedProfile, type ProfileCommandHooks } from './verify';

/** Builds the error for missing variables; every missing name is listed. */
export function missingVariablesMessage(names: readonly string[]): string {
  if (names.length === 1) {
    return vscode.l10n.t(
      'Import from Environment failed: {0} is not set in the environment of the extension host. Set it and restart VS Code from that shell, or use "Add Project…".',
      names[0],
    );
  }
  return vscode.l10n.t(
    'Import from Environment failed: {0} are not set in the environment of the extension host. Set them and restart VS Code from that shell, or use "Add Project…".',
    names.join(', '),
  );
}

function invalidVariableMessage(variable: InvalidVariable): string {
  if (variable.expected === 'region') {
    return vscode.l10n.t(
      '{0} is "{1}", which is not a region. Set it to us, eu or br, or unset it to use {2}.',
      variable.name,
      variable.value,
      DEFAULT_ENVIRONMENT_REGION,
    );
  }
  return vscode.l10n.t(
    '{0} is "{1}", which is not a UUID. Set it to the project ID shown on the Sinch dashboard.',
    variable.name,
    variable.value,
  );
}

export async function importFromEnvironment(
  hooks: ProfileCommandHooks,
  log: vscode.LogOutputChannel,
  profiles: ProfileStore,
): Promise<void> {
  const result = readEnvironmentCredentials(process.env);
  if (!result.ok) {
    if (result.missing.length > 0) {
      throw new Error(missingVariablesMessage(result.missing));
    }
    const reasons = result.invalid.map(invalidVariableMessage).join(' ');
    throw new Error(vscode.l10n.t('Import from Environment failed: {0}', reasons));
  }

  const { projectId, keyId, keySecret, region } = result.credentials;
  log.info(`Importing project ${projectId} (region ${region}) from ${ENVIRONMENT_VARIABLES.projectId} and related variables.`);
  rejectDuplicate(profiles.list(), projectId, region);

  const label = await hooks.prompter.inputBox({
    title: vscode.l10n.t('Import from Environment'),
    prompt: vscode.l10n.t('A name for project {0} (region {1}) in the Sinch view', projectId, region),
    value: vscode.l10n.t('Environment ({0})', projectId.slice(0, 8)),
    ignoreFocusOut: true,
    validateInput: (text) => (text.trim() === '' ? vscode.l10n.t('Enter a name for the project.') : undefined),
  });
  if (label === undefined) {
    throw new UserCancelledError();
  }

  const draft = { label: label.trim(), projectId, region, keyId, authMethod: 'oauth2' as const };
  await addCheckedProfile(hooks, log, profiles, draft, keySecret);
}
