// Profiles in the real extension host: where secrets land, what a workspace can change, and
// the profile commands driven end to end against a sandbox on 127.0.0.1.
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { checkProfileCredentials, credentialClientOptions } from '../../src/profiles/credentials';
import { missingVariablesMessage } from '../../src/profiles/environment';
import { keyringWarningMessage } from '../../src/profiles/keyring';
import { clientSettings } from '../../src/profiles/settings';
import { PROFILES_STATE_KEY, ProfileStore, secretKey, type SecretStore } from '../../src/profiles/store';
import type { Profile } from '../../src/profiles/types';
import type { ProfileCommandHooks } from '../../src/profiles/verify';
import { startSandbox, type SandboxHandle } from '../../src/sandbox';
import { DEFAULT_KEY_ID, DEFAULT_PROJECT_ID } from '../../src/sandbox/defaults';
import { resolveEndpoints } from '../../src/sinch';
import { extensionApi } from './helpers';
import { ScriptedPrompter, type ScriptStep } from './scriptedPrompter';

/** A SecretStorage without an OS keyring: every call throws, as VS Code's does on such a Linux desktop. */
class ThrowingSecretStorage implements SecretStore {
  storeCalls = 0;
  private readonly emitter = new vscode.EventEmitter<{ key: string }>();
  readonly onDidChange = this.emitter.event;

  async get(): Promise<string | undefined> {
    throw new Error('Cannot get password: no keyring available');
  }

  async store(): Promise<void> {
    this.storeCalls += 1;
    throw new Error('Cannot save password: no keyring available');
  }

  async delete(): Promise<void> {
    throw new Error('Cannot delete password: no keyring available');
  }
}

const keep = (options: vscode.InputBoxOptions): string | undefined => options.value;

function storedListJson(api: ExtensionApi): string {
  return JSON.stringify(api.profiles.stateStorage.get(PROFILES_STATE_KEY) ?? null);
}

function settingsJson(): string {
  return JSON.stringify(vscode.workspace.getConfiguration());
}

function workspaceFolder(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the in-host tests need an open folder');
  return folder.uri.fsPath;
}

/** Polls `condition` every 50 ms; returns false when it is still false after `timeoutMs`. */
async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      return false;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

/** Lists every file under `dir` whose bytes contain `text`. */
function filesContaining(dir: string, text: string): string[] {
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).flatMap((entry) => {
    const full = path.join(entry.parentPath, entry.name);
    return entry.isFile() && fs.readFileSync(full).includes(text) ? [full] : [];
  });
}

describe('profiles', () => {
  let api: ExtensionApi;
  let sandbox: SandboxHandle;
  let originalHooks: ProfileCommandHooks;
  const region = 'eu' as const;

  before(async () => {
    api = await extensionApi();
    // A project of its own, so these profiles never collide with the "Try with Sample Data" one.
    sandbox = await startSandbox({ projectId: randomUUID(), region });
    originalHooks = { ...api.profileCommands };
  });

  after(async () => {
    await sandbox.close();
  });

  afterEach(async () => {
    Object.assign(api.profileCommands, originalHooks);
    for (const profile of api.profiles.list()) {
      if (profile.projectId === sandbox.projectId) {
        await api.profiles.remove(profile.id);
      }
    }
  });

  function ours(): Profile[] {
    return api.profiles.list().filter((profile) => profile.projectId === sandbox.projectId);
  }

  function newProfile(overrides: Partial<Profile> = {}): Profile {
    return {
      id: randomUUID(),
      label: 'Store test',
      projectId: sandbox.projectId,
      region,
      keyId: sandbox.keyId,
      authMethod: 'oauth2',
      ...overrides,
    };
  }

  /** Points the commands at the scripted prompter and the sandbox; the check itself is the production one. */
  function script(steps: ScriptStep[]): ScriptedPrompter {
    const prompter = new ScriptedPrompter(steps);
    api.profileCommands.prompter = prompter;
    api.profileCommands.checkCredentials = (draft, secret, signal) =>
      checkProfileCredentials(draft, secret, {
        settings: clientSettings(),
        endpoints: { conversationUrl: `${sandbox.baseUrl}/{region}`, authUrl: sandbox.authUrl },
        signal,
      });
    return prompter;
  }

  function addSteps(label: string, secret: string, options: { region?: string; projectId?: string[] } = {}): ScriptStep[] {
    return [
      { input: label },
      { input: options.projectId ?? [sandbox.projectId] },
      { pick: options.region ?? region },
      { input: sandbox.keyId },
      { input: secret },
      { pick: 'OAuth2' },
    ];
  }

  function assertScriptDone(prompter: ScriptedPrompter): void {
    assert.deepEqual(prompter.mismatches, []);
    assert.equal(prompter.remaining, 0, 'the command ended before the script');
  }

  describe('store', () => {
    it('keeps the secret in SecretStorage only', async () => {
      const profile = newProfile();
      const secret = `sec_${randomUUID()}`;
      await api.profiles.add(profile, secret);

      assert.equal(await api.profiles.secretStorage.get(secretKey(profile.id)), secret);
      assert.equal(api.profiles.isSessionOnly(profile.id), false);
      assert.equal(await api.profiles.getSecret(profile.id), secret);

      const stored = storedListJson(api);
      assert.ok(stored.includes(profile.id), 'the profile is not in global state');
      assert.ok(!stored.includes(secret), 'global state holds the secret');
      assert.ok(!/secret/i.test(stored), `a stored profile has a secret field: ${stored}`);
      assert.ok(!settingsJson().includes(secret), 'the settings hold the secret');
      assert.deepEqual(filesContaining(workspaceFolder(), secret), []);
    });

    it('removes the secret with the profile', async () => {
      const profile = newProfile();
      await api.profiles.add(profile, 'secret-to-remove');
      await api.profiles.remove(profile.id);

      assert.equal(api.profiles.get(profile.id), undefined);
      assert.equal(await api.profiles.secretStorage.get(secretKey(profile.id)), undefined);
      assert.ok(!storedListJson(api).includes(profile.id));
    });

    it('keeps the secret for the session without a keyring', async () => {
      const throwing = new ThrowingSecretStorage();
      const warnings: string[] = [];
      const logLines: string[] = [];
      const log = { info: (line: string) => logLines.push(line), warn: (line: string) => logLines.push(line), error: (line: string) => logLines.push(line) };
      const store = new ProfileStore({
        state: api.profiles.stateStorage,
        secrets: throwing,
        logger: log,
        onSecretStorageError: (_error, failed, operation) => warnings.push(keyringWarningMessage(failed, operation)),
      });
      const profile = newProfile({ label: 'No keyring' });
      const secret = `sec_${randomUUID()}`;

      try {
        await store.add(profile, secret);

        assert.equal(throwing.storeCalls, 1);
        assert.equal(store.isSessionOnly(profile.id), true);
        assert.equal(await store.getSecret(profile.id), secret);

        assert.equal(warnings.length, 1);
        assert.match(warnings[0], /"No keyring"/);
        assert.match(warnings[0], /gnome-keyring/);
        assert.match(warnings[0], /"password-store" in argv\.json/);

        assert.ok(!storedListJson(api).includes(secret), 'global state holds the secret');
        assert.ok(!settingsJson().includes(secret), 'the settings hold the secret');
        assert.equal(await api.profiles.secretStorage.get(secretKey(profile.id)), undefined);
        assert.deepEqual(filesContaining(workspaceFolder(), secret), []);
        assert.ok(!logLines.join('\n').includes(secret), 'the log holds the secret');
      } finally {
        await store.remove(profile.id);
        store.dispose();
        api.profiles.reload();
      }
    });
  });

  describe('settings', () => {
    const section = () => vscode.workspace.getConfiguration('sinchConflicts');

    it('rejects client settings in the workspace', async () => {
      await assert.rejects(
        Promise.resolve(section().update('requestTimeoutSeconds', 1, vscode.ConfigurationTarget.Workspace)),
        /user settings|User Settings|application/i,
      );
      await assert.rejects(
        Promise.resolve(section().update('conversationUrl', 'http://127.0.0.1:9/{region}', vscode.ConfigurationTarget.Workspace)),
        /not a registered configuration/,
      );
      assert.equal(clientSettings().timeoutMs, 30_000);
    });

    it('ignores a workspace settings file', async () => {
      const dir = path.join(workspaceFolder(), '.vscode');
      const file = path.join(dir, 'settings.json');
      fs.mkdirSync(dir, { recursive: true });
      // editor.tabSize, a setting a workspace may set, shows that VS Code has read the file.
      fs.writeFileSync(
        file,
        JSON.stringify({ 'editor.tabSize': 7, 'sinchConflicts.requestTimeoutSeconds': 1, 'sinchConflicts.maxRequestsPerSecond': 1 }),
      );

      try {
        const readByVsCode = await waitFor(() => vscode.workspace.getConfiguration('editor').get('tabSize') === 7, 15_000);
        assert.ok(readByVsCode, 'VS Code did not read the workspace settings file within 15 seconds');
        assert.deepEqual(clientSettings(), { timeoutMs: 30_000, maxConcurrentRequests: 10, maxRequestsPerSecond: 700 });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('honours user settings', async () => {
      await section().update('requestTimeoutSeconds', 12, vscode.ConfigurationTarget.Global);
      try {
        assert.equal(clientSettings().timeoutMs, 12_000);
      } finally {
        await section().update('requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
      }
      assert.equal(clientSettings().timeoutMs, 30_000);
    });

    it('sends a real profile to the Sinch hosts of its region', () => {
      const options = credentialClientOptions(newProfile(), 'secret', { settings: clientSettings() });
      assert.equal(options.endpoints, undefined);
      assert.deepEqual(resolveEndpoints(options), {
        conversationUrl: 'https://eu.conversation.api.sinch.com',
        authUrl: 'https://auth.sinch.com/oauth2/token',
      });
    });
  });

  describe('Add Project…', () => {
    it('saves nothing when the secret is wrong', async () => {
      const prompter = script([...addSteps('Wrong secret', 'not-the-secret', { projectId: ['my-project', sandbox.projectId] }), { message: undefined }]);
      await vscode.commands.executeCommand('sinchConflicts.addProject');

      assertScriptDone(prompter);
      assert.equal(prompter.rejected.length, 1);
      assert.match(prompter.rejected[0], /"my-project" is not a UUID/);

      const error = prompter.prompts.at(-1);
      assert.equal(error?.severity, 'error');
      assert.match(error?.text ?? '', /nothing was saved/);
      assert.match(error?.text ?? '', /key ID and key secret/);
      assert.deepEqual(error?.choices, ['Try Again', 'Edit']);
      assert.ok(!(error?.text ?? '').includes('not-the-secret'), 'the message shows the secret');

      assert.deepEqual(ours(), []);
      assert.ok(!storedListJson(api).includes(sandbox.projectId));
    });

    it('names the region when it is wrong', async () => {
      const prompter = script([...addSteps('Wrong region', sandbox.keySecret, { region: 'us' }), { message: undefined }]);
      await vscode.commands.executeCommand('sinchConflicts.addProject');

      assertScriptDone(prompter);
      assert.match(prompter.prompts.at(-1)?.text ?? '', /not found in region us/);
      assert.deepEqual(ours(), []);
    });

    it('saves a profile whose credentials pass', async () => {
      const tokensBefore = sandbox.control.requests('token').length;
      const prompter = script(addSteps('Checked project', sandbox.keySecret));
      await vscode.commands.executeCommand('sinchConflicts.addProject');

      assertScriptDone(prompter);
      const [saved] = ours();
      assert.ok(saved, 'the profile was not saved');
      assert.deepEqual({ ...saved, id: '' }, {
        id: '',
        label: 'Checked project',
        projectId: sandbox.projectId,
        region,
        keyId: sandbox.keyId,
        authMethod: 'oauth2',
      });
      assert.equal(await api.profiles.secretStorage.get(secretKey(saved.id)), sandbox.keySecret);
      assert.ok(!storedListJson(api).includes(sandbox.keySecret));
      assert.ok(sandbox.control.requests('token').length > tokensBefore, 'the credentials were not checked');

      for (const prompt of prompter.prompts.filter((entry) => entry.kind !== 'message')) {
        assert.equal((prompt.options as vscode.InputBoxOptions).ignoreFocusOut, true);
      }
      const secretBox = prompter.prompts[4].options as vscode.InputBoxOptions;
      assert.equal(secretBox.password, true);
      assert.deepEqual(prompter.prompts[2].choices, ['us', 'eu', 'br', 'Local sandbox']);
    });

    it('goes back to the prompts on Edit', async () => {
      const prompter = script([
        ...addSteps('Second try', 'not-the-secret'),
        { message: 'Edit' },
        { input: keep },
        { input: keep },
        { pick: region },
        { input: keep },
        { input: sandbox.keySecret },
        { pick: 'OAuth2' },
      ]);
      await vscode.commands.executeCommand('sinchConflicts.addProject');

      assertScriptDone(prompter);
      assert.equal(prompter.prompts[7].text, 'Second try', 'the label was not prefilled');
      assert.equal(prompter.prompts[8].text, sandbox.projectId, 'the project ID was not prefilled');
      const [saved] = ours();
      assert.equal(saved?.label, 'Second try');
      assert.equal(await api.profiles.secretStorage.get(secretKey(saved.id)), sandbox.keySecret);
    });

    it('says when the project is already added', async () => {
      await api.profiles.add(newProfile({ label: 'Existing' }), sandbox.keySecret);
      const prompter = script([{ input: 'Again' }, { input: sandbox.projectId }, { pick: region }]);
      await vscode.commands.executeCommand('sinchConflicts.addProject');

      assertScriptDone(prompter);
      assert.equal(ours().length, 1);
    });

    it('warns about a key ID that is not a UUID', async () => {
      const prompter = script([
        { input: 'Odd key' },
        { input: sandbox.projectId },
        { pick: region },
        { input: ['', 'legacy-key'] },
        { input: 'any-secret' },
        { pick: 'HTTP Basic' },
        { message: undefined },
      ]);
      await vscode.commands.executeCommand('sinchConflicts.addProject');

      assertScriptDone(prompter);
      assert.equal(prompter.rejected.length, 1, 'an empty key ID was accepted');
      assert.equal(prompter.warned.length, 1);
      assert.match(prompter.warned[0], /"legacy-key" is not one/);
      assert.deepEqual(ours(), []);
    });
  });

  describe('Add Project… on the local sandbox', () => {
    const practice = /^Practice/;
    let hadSampleProfile = false;

    before(async () => {
      // The embedded sandbox and the "Try with Sample Data" profile may remain from other files:
      // the profile would make every hand-added one a duplicate, and a stopped sandbox shows the
      // region step starting it.
      for (const profile of api.profiles.list().filter((candidate) => candidate.sandbox === true)) {
        hadSampleProfile = true;
        await api.profiles.remove(profile.id);
      }
      await api.sandbox.stop();
    });

    afterEach(async () => {
      for (const profile of api.profiles.list().filter((candidate) => practice.test(candidate.label))) {
        await api.profiles.remove(profile.id);
      }
    });

    after(async () => {
      if (hadSampleProfile && !api.profiles.list().some((profile) => profile.sandbox === true)) {
        await vscode.commands.executeCommand('sinchConflicts.trySampleData');
      }
    });

    /** Scripts the prompts only. The check is the production one, behind a guard that rejects any draft but a sandbox one. */
    function scriptOnEmbedded(steps: ScriptStep[]): ScriptedPrompter {
      const prompter = new ScriptedPrompter(steps);
      api.profileCommands.prompter = prompter;
      api.profileCommands.checkCredentials = (draft, secret, signal) => {
        if (draft.sandbox !== true) {
          return Promise.reject(new Error(`This test must check sandbox drafts only, but got project ${draft.projectId} in region ${draft.region}.`));
        }
        return originalHooks.checkCredentials(draft, secret, signal);
      };
      return prompter;
    }

    function practiceSteps(label: string, secret: string): ScriptStep[] {
      return [
        { input: label },
        { input: DEFAULT_PROJECT_ID },
        { pick: 'Local sandbox' },
        { input: DEFAULT_KEY_ID },
        { input: secret },
        { pick: 'OAuth2' },
      ];
    }

    function practiceProfiles(): Profile[] {
      return api.profiles.list().filter((profile) => practice.test(profile.label));
    }

    function rejectedTokenRequests(embedded: SandboxHandle): number {
      return embedded.control.requests('token').filter((request) => request.status === 401).length;
    }

    it('starts the sandbox and saves nothing on a wrong secret', async () => {
      const runningBefore = api.sandbox.current !== undefined;
      assert.equal(runningBefore, false, 'the embedded sandbox still runs');
      const wrongSecret = `wrong_${randomUUID()}`;
      const prompter = scriptOnEmbedded([...practiceSteps('Practice wrong', wrongSecret), { message: undefined }]);
      await vscode.commands.executeCommand('sinchConflicts.addProject');

      assertScriptDone(prompter);
      const embedded = api.sandbox.current;
      assert.ok(embedded, 'choosing "Local sandbox" did not start the embedded sandbox');
      assert.equal(rejectedTokenRequests(embedded), 1, 'the wrong secret was not checked on the embedded sandbox');

      const regionStep = prompter.prompts[2];
      assert.deepEqual(regionStep.choices, ['us', 'eu', 'br', 'Local sandbox']);
      const error = prompter.prompts.at(-1);
      assert.equal(error?.severity, 'error');
      assert.match(error?.text ?? '', new RegExp(`project ${DEFAULT_PROJECT_ID} in region ${embedded.region} failed, so nothing was saved`));
      assert.match(error?.text ?? '', /key ID and key secret/);
      assert.ok(!(error?.text ?? '').includes(wrongSecret), 'the message shows the secret');

      assert.deepEqual(practiceProfiles(), []);
      assert.ok(!storedListJson(api).includes(DEFAULT_PROJECT_ID), 'global state holds the sandbox project');
      assert.ok(!storedListJson(api).includes(wrongSecret), 'global state holds the secret');
      assert.ok(!settingsJson().includes(wrongSecret), 'the settings hold the secret');
    });

    it('saves a sandbox profile on the right secret', async () => {
      const embedded = await api.sandbox.ensureStarted();
      const tokensBefore = embedded.control.requests('token').length;
      const prompter = scriptOnEmbedded(practiceSteps('Practice right', embedded.keySecret));
      await vscode.commands.executeCommand('sinchConflicts.addProject');

      assertScriptDone(prompter);
      const [saved] = practiceProfiles();
      assert.ok(saved, 'the profile was not saved');
      assert.deepEqual({ ...saved, id: '' }, {
        id: '',
        label: 'Practice right',
        projectId: DEFAULT_PROJECT_ID,
        region: embedded.region,
        keyId: DEFAULT_KEY_ID,
        authMethod: 'oauth2',
        sandbox: true,
      });
      assert.equal(await api.profiles.secretStorage.get(secretKey(saved.id)), embedded.keySecret);
      assert.ok(embedded.control.requests('token').length > tokensBefore, 'the credentials were not checked on the embedded sandbox');

      // Later requests of the profile go to the embedded sandbox as well.
      const appsBefore = embedded.control.requests('listApps').length;
      const apps = await (await api.connector.apiFor(saved)).listApps();
      assert.equal(apps.length, embedded.control.state().apps.length);
      assert.ok(embedded.control.requests('listApps').length > appsBefore, 'the profile did not list the apps of the embedded sandbox');
    });

    it('keeps the sandbox choice on Edit', async () => {
      const embedded = await api.sandbox.ensureStarted();
      const prompter = scriptOnEmbedded([
        ...practiceSteps('Practice edit', 'not-the-secret'),
        { message: 'Edit' },
        { input: keep },
        { input: keep },
        { pick: 'Local sandbox' },
        { input: keep },
        { input: embedded.keySecret },
        { pick: 'OAuth2' },
      ]);
      await vscode.commands.executeCommand('sinchConflicts.addProject');

      assertScriptDone(prompter);
      const regionAgain = prompter.prompts[9];
      assert.equal(regionAgain.choices[0], 'Local sandbox', 'the sandbox choice is not offered first after Edit');
      const [saved] = practiceProfiles();
      assert.equal(saved?.sandbox, true);
      assert.equal(saved?.region, embedded.region);
    });

    it('rejects the project of the sample-data profile', async () => {
      await vscode.commands.executeCommand('sinchConflicts.trySampleData');
      const embedded = api.sandbox.current;
      assert.ok(embedded);
      const tokensBefore = embedded.control.requests('token').length;
      const prompter = scriptOnEmbedded(practiceSteps('Practice duplicate', embedded.keySecret).slice(0, 3));
      await vscode.commands.executeCommand('sinchConflicts.addProject');

      assertScriptDone(prompter);
      assert.deepEqual(practiceProfiles(), []);
      assert.equal(api.profiles.list().filter((profile) => profile.sandbox === true).length, 1);
      assert.equal(embedded.control.requests('token').length, tokensBefore, 'a duplicate was checked');
    });
  });

  describe('Edit Project…', () => {
    async function added(): Promise<Profile> {
      const profile = newProfile({ label: 'Before edit' });
      await api.profiles.add(profile, sandbox.keySecret);
      return profile;
    }

    it('renames without a check', async () => {
      const profile = await added();
      const requestsBefore = sandbox.control.state().requests.length;
      const prompter = script([{ input: 'Renamed' }, { pick: region }, { input: keep }, { input: '' }, { pick: 'OAuth2' }]);
      await vscode.commands.executeCommand('sinchConflicts.editProject', { profile });

      assertScriptDone(prompter);
      assert.equal(api.profiles.get(profile.id)?.label, 'Renamed');
      assert.equal(sandbox.control.state().requests.length, requestsBefore, 'a rename sent requests');
      assert.equal(await api.profiles.secretStorage.get(secretKey(profile.id)), sandbox.keySecret);
    });

    it('checks a changed auth method and keeps the secret', async () => {
      const profile = await added();
      const appsBefore = sandbox.control.requests('listApps').length;
      const prompter = script([{ input: keep }, { pick: region }, { input: keep }, { input: '' }, { pick: 'HTTP Basic' }]);
      await vscode.commands.executeCommand('sinchConflicts.editProject', profile.id);

      assertScriptDone(prompter);
      assert.equal(api.profiles.get(profile.id)?.authMethod, 'basic');
      assert.ok(sandbox.control.requests('listApps').length > appsBefore, 'the change was not checked');
      assert.equal(await api.profiles.secretStorage.get(secretKey(profile.id)), sandbox.keySecret);
    });

    it('keeps everything when a new secret fails', async () => {
      const profile = await added();
      const prompter = script([
        { pick: 'Before edit' },
        { input: 'Should not stick' },
        { pick: region },
        { input: keep },
        { input: 'wrong-new-secret' },
        { pick: 'OAuth2' },
        { message: undefined },
      ]);
      await vscode.commands.executeCommand('sinchConflicts.editProject');

      assertScriptDone(prompter);
      assert.match(prompter.prompts.at(-1)?.text ?? '', /nothing was saved/);
      assert.deepEqual(api.profiles.get(profile.id), profile);
      assert.equal(await api.profiles.secretStorage.get(secretKey(profile.id)), sandbox.keySecret);
    });

    it('changes only the label of a sandbox profile', async () => {
      const profile = newProfile({ label: 'Sample', sandbox: true });
      await api.profiles.add(profile, sandbox.keySecret);
      const prompter = script([{ input: 'Sample renamed' }]);
      await vscode.commands.executeCommand('sinchConflicts.editProject', { profile });

      assertScriptDone(prompter);
      assert.deepEqual(api.profiles.get(profile.id), { ...profile, label: 'Sample renamed' });
    });
  });

  describe('Remove Project', () => {
    it('keeps the profile when not confirmed', async () => {
      const profile = newProfile({ label: 'Keep me' });
      await api.profiles.add(profile, sandbox.keySecret);
      const prompter = script([{ message: undefined }]);
      await vscode.commands.executeCommand('sinchConflicts.removeProject', { profile });

      assertScriptDone(prompter);
      assert.equal((prompter.prompts[0].options as vscode.MessageOptions).modal, true);
      assert.ok(api.profiles.get(profile.id));
    });

    it('removes the profile and its secret', async () => {
      const profile = newProfile({ label: 'Remove me' });
      await api.profiles.add(profile, sandbox.keySecret);
      const prompter = script([{ pick: 'Remove me' }, { message: 'Remove' }]);
      await vscode.commands.executeCommand('sinchConflicts.removeProject');

      assertScriptDone(prompter);
      assert.equal(api.profiles.get(profile.id), undefined);
      assert.equal(await api.profiles.secretStorage.get(secretKey(profile.id)), undefined);
    });
  });

  describe('Import from Environment', () => {
    const names = ['SINCH_PROJECT_ID', 'SINCH_KEY_ID', 'SINCH_KEY_SECRET', 'SINCH_CONVERSATION_REGION'];
    let saved: Record<string, string | undefined>;

    beforeEach(() => {
      saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));
    });

    afterEach(() => {
      for (const name of names) {
        if (saved[name] === undefined) {
          delete process.env[name];
        } else {
          process.env[name] = saved[name];
        }
      }
    });

    function setEnvironment(values: Record<string, string | undefined>): void {
      for (const name of names) {
        const value = values[name];
        if (value === undefined) {
          delete process.env[name];
        } else {
          process.env[name] = value;
        }
      }
    }

    it('imports and checks the SDK variables', async () => {
      setEnvironment({
        SINCH_PROJECT_ID: sandbox.projectId,
        SINCH_KEY_ID: sandbox.keyId,
        SINCH_KEY_SECRET: sandbox.keySecret,
        SINCH_CONVERSATION_REGION: region,
      });
      const prompter = script([{ input: keep }]);
      await vscode.commands.executeCommand('sinchConflicts.importFromEnvironment');

      assertScriptDone(prompter);
      const [imported] = ours();
      assert.ok(imported, 'nothing was imported');
      assert.equal(imported.label, `Environment (${sandbox.projectId.slice(0, 8)})`);
      assert.equal(imported.region, region);
      assert.equal(imported.authMethod, 'oauth2');
      assert.equal(await api.profiles.secretStorage.get(secretKey(imported.id)), sandbox.keySecret);
    });

    it('stops before any prompt when variables are missing', async () => {
      setEnvironment({ SINCH_PROJECT_ID: sandbox.projectId });
      const prompter = script([]);
      await vscode.commands.executeCommand('sinchConflicts.importFromEnvironment');

      assert.deepEqual(prompter.prompts, []);
      assert.deepEqual(ours(), []);
      const message = missingVariablesMessage(['SINCH_KEY_ID', 'SINCH_KEY_SECRET']);
      assert.match(message, /SINCH_KEY_ID, SINCH_KEY_SECRET are not set/);
    });

    it('stops on an invalid region', async () => {
      setEnvironment({
        SINCH_PROJECT_ID: sandbox.projectId,
        SINCH_KEY_ID: sandbox.keyId,
        SINCH_KEY_SECRET: sandbox.keySecret,
        SINCH_CONVERSATION_REGION: 'apac',
      });
      const prompter = script([]);
      await vscode.commands.executeCommand('sinchConflicts.importFromEnvironment');

      assert.deepEqual(prompter.prompts, []);
      assert.deepEqual(ours(), []);
    });

    it('saves nothing when the secret is wrong', async () => {
      setEnvironment({
        SINCH_PROJECT_ID: sandbox.projectId,
        SINCH_KEY_ID: sandbox.keyId,
        SINCH_KEY_SECRET: 'not-the-secret',
        SINCH_CONVERSATION_REGION: undefined,
      });
      const prompter = script([{ input: keep }, { message: undefined }]);
      await vscode.commands.executeCommand('sinchConflicts.importFromEnvironment');

      assertScriptDone(prompter);
      // SINCH_CONVERSATION_REGION is unset, so the import uses region us.
      assert.match(prompter.prompts.at(-1)?.text ?? '', /in region us failed/);
      assert.match(prompter.prompts.at(-1)?.text ?? '', /key ID and key secret/);
      assert.deepEqual(ours(), []);
    });
  });
});
