// The input flow for a profile: label, project ID, region, key ID, key secret, auth method.
// Every step stays open when focus moves away, and Escape ends the command with
// UserCancelledError, which the command wrapper treats as a normal end.
import * as vscode from 'vscode';
import { UserCancelledError } from '../commands/register';
import { REGIONS, type Region } from '../sinch/types';
import type { InputPrompter } from './prompter';
import type { AuthMethod, Profile } from './types';
import { findDuplicate, isUuid } from './validation';

/** The fields of a profile that a user enters. */
export interface ProfileDraft {
  label: string;
  projectId: string;
  region: Region;
  keyId: string;
  authMethod: AuthMethod;
  /** Set when the user chose the local sandbox in the region step; the region is then the sandbox's. */
  sandbox?: boolean;
}

export interface DraftWithSecret {
  draft: ProfileDraft;
  /** Undefined when the user kept the secret already known. */
  secret: string | undefined;
}

interface RegionItem extends vscode.QuickPickItem {
  /** Undefined for the "Local sandbox" item. */
  region: Region | undefined;
}

/** The answer of the region step: a Sinch region, or the sandbox's region with `sandbox` set. */
interface RegionAnswer {
  region: Region;
  sandbox: boolean;
}

/** Starts the embedded sandbox unless it runs already, and returns the region its project lives in. */
export type SandboxRegionSource = () => Promise<Region>;

export interface NewProfileOptions {
  /** Prefilled answers, after a failed check or from the environment. */
  initial?: Partial<ProfileDraft>;
  /** A secret entered before, which an empty answer keeps. */
  knownSecret?: string;
  /** Offers "Local sandbox" in the region step when given. */
  sandboxRegion?: SandboxRegionSource;
}

interface AuthItem extends vscode.QuickPickItem {
  authMethod: AuthMethod;
}

interface ProfileItem extends vscode.QuickPickItem {
  profile: Profile;
}

/** Numbers the steps of one flow in the title of each prompt, such as "Add Project (2/6)". */
class Steps {
  private current = 0;

  constructor(
    private readonly title: string,
    private readonly total: number,
  ) {}

  next(): string {
    this.current += 1;
    return `${this.title} (${this.current}/${this.total})`;
  }
}

function required<T>(value: T | undefined): T {
  if (value === undefined) {
    throw new UserCancelledError();
  }
  return value;
}

export function regionDescription(region: Region): string {
  switch (region) {
    case 'us':
      return vscode.l10n.t('United States: us.conversation.api.sinch.com');
    case 'eu':
      return vscode.l10n.t('Europe: eu.conversation.api.sinch.com');
    case 'br':
      return vscode.l10n.t('Brazil: br.conversation.api.sinch.com');
  }
}

/** Returns an error for a project ID that is not a UUID, or undefined when it is one. */
export function projectIdProblem(text: string): string | undefined {
  if (text.trim() === '') {
    return vscode.l10n.t('Enter the project ID shown on the Sinch dashboard.');
  }
  if (!isUuid(text)) {
    return vscode.l10n.t(
      'Project ID "{0}" is not a UUID (such as 5b8e2f4a-93c1-4d07-a6e5-1f2c3d4b5a69). Copy it from the Sinch dashboard.',
      text.trim(),
    );
  }
  return undefined;
}

/** Returns an error for an empty key ID, and a warning (which still lets the user go on) for one that is not a UUID. */
export function keyIdProblem(text: string): vscode.InputBoxValidationMessage | string | undefined {
  if (text.trim() === '') {
    return vscode.l10n.t('Enter the access key ID from the Access Keys page of the Sinch dashboard.');
  }
  if (!isUuid(text)) {
    return {
      message: vscode.l10n.t('Sinch access key IDs are UUIDs; "{0}" is not one. Press Enter to use it anyway.', text.trim()),
      severity: vscode.InputBoxValidationSeverity.Warning,
    };
  }
  return undefined;
}

function askLabel(prompter: InputPrompter, title: string, value: string | undefined): Thenable<string | undefined> {
  return prompter.inputBox({
    title,
    prompt: vscode.l10n.t('A name for this project in the Sinch view'),
    placeHolder: vscode.l10n.t('Production'),
    value,
    ignoreFocusOut: true,
    validateInput: (text) => (text.trim() === '' ? vscode.l10n.t('Enter a name for the project.') : undefined),
  });
}

function askProjectId(prompter: InputPrompter, title: string, value: string | undefined): Thenable<string | undefined> {
  return prompter.inputBox({
    title,
    prompt: vscode.l10n.t('Project ID (a UUID from the Sinch dashboard)'),
    placeHolder: '5b8e2f4a-93c1-4d07-a6e5-1f2c3d4b5a69',
    value,
    ignoreFocusOut: true,
    validateInput: projectIdProblem,
  });
}

function regionItems(current: Region | undefined): RegionItem[] {
  return REGIONS.map((region) => ({
    label: region,
    description: regionDescription(region),
    detail: region === current ? vscode.l10n.t('Current region') : undefined,
    region,
  }));
}

function sandboxItem(current: boolean): RegionItem {
  return {
    label: vscode.l10n.t('Local sandbox'),
    description: vscode.l10n.t('Sample data server on this machine (127.0.0.1)'),
    detail: current
      ? vscode.l10n.t('Current choice')
      : vscode.l10n.t('Practise adding a project on the sample data. Nothing leaves this computer.'),
    region: undefined,
  };
}

/**
 * Asks for the region. With `sandboxRegion`, a last item "Local sandbox" aims the profile at the
 * embedded sandbox, which is started when the user picks it. That item is always offered, not
 * only once a sandbox profile exists, because the sandbox starts on demand: a new user can
 * practise adding a project before, or instead of, running "Try with Sample Data".
 */
async function askRegion(
  prompter: InputPrompter,
  title: string,
  current: { region?: Region; sandbox?: boolean },
  sandboxRegion: SandboxRegionSource | undefined,
): Promise<RegionAnswer> {
  const currentRegion = current.sandbox === true ? undefined : current.region;
  const items = regionItems(currentRegion);
  if (sandboxRegion !== undefined) {
    items.push(sandboxItem(current.sandbox === true));
  }
  const isCurrent = (item: RegionItem): boolean => (item.region === undefined ? current.sandbox === true : item.region === currentRegion);
  items.sort((a, b) => Number(isCurrent(b)) - Number(isCurrent(a)));

  const picked = required(
    await prompter.quickPick(items, {
      title,
      placeHolder: vscode.l10n.t('Region the project\'s apps were created in (a wrong region answers "not found")'),
      ignoreFocusOut: true,
    }),
  );
  if (picked.region !== undefined) {
    return { region: picked.region, sandbox: false };
  }
  if (sandboxRegion === undefined) {
    throw new Error('The region step returned the sandbox item without a way to start the sandbox.');
  }
  return { region: await sandboxRegion(), sandbox: true };
}

function askKeyId(prompter: InputPrompter, title: string, value: string | undefined): Thenable<string | undefined> {
  return prompter.inputBox({
    title,
    prompt: vscode.l10n.t('Access key ID'),
    placeHolder: 'c7d1e9a2-58b4-4f3e-9a06-2b7c8d9e0f14',
    value,
    ignoreFocusOut: true,
    validateInput: keyIdProblem,
  });
}

/** Asks for the key secret; with `canKeep`, an empty answer keeps the secret already known. */
async function askSecret(prompter: InputPrompter, title: string, canKeep: boolean): Promise<string | undefined> {
  const answer = required(
    await prompter.inputBox({
      title,
      prompt: canKeep
        ? vscode.l10n.t('Access key secret (leave empty to keep the current one)')
        : vscode.l10n.t('Access key secret (shown once, when the key was created)'),
      password: true,
      ignoreFocusOut: true,
      validateInput: (text) =>
        !canKeep && text.trim() === '' ? vscode.l10n.t('Enter the key secret. It is stored in the OS keyring only.') : undefined,
    }),
  );
  return answer.trim() === '' ? undefined : answer.trim();
}

async function askAuthMethod(prompter: InputPrompter, title: string, current: AuthMethod | undefined): Promise<AuthMethod> {
  const items: AuthItem[] = [
    {
      label: vscode.l10n.t('OAuth2'),
      description: vscode.l10n.t('Recommended'),
      detail: vscode.l10n.t('Exchanges the key for a short-lived access token.'),
      authMethod: 'oauth2',
    },
    {
      label: vscode.l10n.t('HTTP Basic'),
      description: vscode.l10n.t('Testing only, heavily rate limited'),
      detail: vscode.l10n.t('Sends the key ID and secret with every request.'),
      authMethod: 'basic',
    },
  ];
  if (current === 'basic') {
    items.reverse();
  }

  const picked = await prompter.quickPick(items, {
    title,
    placeHolder: vscode.l10n.t('How to authenticate'),
    ignoreFocusOut: true,
  });
  return required(picked).authMethod;
}

/** Throws, with a message naming the profile to edit instead, when the project and region are taken. */
export function rejectDuplicate(profiles: readonly Profile[], projectId: string, region: Region, exceptId?: string): void {
  const duplicate = findDuplicate(profiles, projectId, region, exceptId);
  if (duplicate !== undefined) {
    throw new Error(
      vscode.l10n.t(
        'Project {0} in region {1} is already added as "{2}". Edit that profile instead of adding it again.',
        duplicate.projectId,
        region,
        duplicate.label,
      ),
    );
  }
}

/**
 * Asks for every field of a new profile. `options.initial` prefills the answers and
 * `options.knownSecret` lets the user keep a secret entered before. Choosing "Local sandbox"
 * starts the sandbox through `options.sandboxRegion` and takes its region.
 */
export async function promptNewProfile(
  prompter: InputPrompter,
  existing: readonly Profile[],
  options: NewProfileOptions = {},
): Promise<DraftWithSecret> {
  const { initial, knownSecret, sandboxRegion } = options;
  const steps = new Steps(vscode.l10n.t('Add Project'), 6);
  const label = required(await askLabel(prompter, steps.next(), initial?.label)).trim();
  const projectId = required(await askProjectId(prompter, steps.next(), initial?.projectId)).trim();

  const { region, sandbox } = await askRegion(prompter, steps.next(), { region: initial?.region, sandbox: initial?.sandbox }, sandboxRegion);
  rejectDuplicate(existing, projectId, region);

  const keyId = required(await askKeyId(prompter, steps.next(), initial?.keyId)).trim();
  const secret = (await askSecret(prompter, steps.next(), knownSecret !== undefined)) ?? knownSecret;
  const authMethod = await askAuthMethod(prompter, steps.next(), initial?.authMethod);
  const draft: ProfileDraft = { label, projectId, region, keyId, authMethod };
  if (sandbox) {
    draft.sandbox = true;
  }
  return { draft, secret };
}

/** Asks for new values of a profile; the project ID stays. A sandbox profile changes its label only. */
export async function promptProfileChanges(
  prompter: InputPrompter,
  profile: Profile,
  others: readonly Profile[],
  hasStoredSecret: boolean,
): Promise<DraftWithSecret> {
  const title = vscode.l10n.t('Edit Project "{0}"', profile.label);
  if (profile.sandbox === true) {
    const label = required(await askLabel(prompter, title, profile.label)).trim();
    return { draft: { ...profile, label }, secret: undefined };
  }

  const steps = new Steps(title, 5);
  const label = required(await askLabel(prompter, steps.next(), profile.label)).trim();
  const { region } = await askRegion(prompter, steps.next(), { region: profile.region }, undefined);
  rejectDuplicate(others, profile.projectId, region, profile.id);

  const keyId = required(await askKeyId(prompter, steps.next(), profile.keyId)).trim();
  const secret = await askSecret(prompter, steps.next(), hasStoredSecret);
  const authMethod = await askAuthMethod(prompter, steps.next(), profile.authMethod);
  return { draft: { label, projectId: profile.projectId, region, keyId, authMethod }, secret };
}

/** Lets the user pick a profile from the palette. */
export async function pickProfile(prompter: InputPrompter, profiles: readonly Profile[], placeHolder: string): Promise<Profile> {
  const items: ProfileItem[] = profiles.map((profile) => ({
    label: profile.label,
    description: profile.sandbox === true ? vscode.l10n.t('sample data') : `${profile.region} · ${profile.projectId}`,
    profile,
  }));
  const picked = await prompter.quickPick(items, { placeHolder, ignoreFocusOut: true, matchOnDescription: true });
  return required(picked).profile;
}
