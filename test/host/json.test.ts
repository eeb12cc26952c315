import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { Profile } from '../../src/profiles/types';
import type { SandboxHandle } from '../../src/sandbox/api';
import type { NodeOf, TreeNode } from '../../src/tree/nodes';
import { childOfKind, childrenOf, extensionApi, sandboxProfile } from './helpers';

describe('raw JSON documents', () => {
  let api: ExtensionApi;
  let profile: Profile;
  let sandbox: SandboxHandle;
  let profileItem: TreeNode;

  before(async () => {
    api = await extensionApi();
    ({ profile, sandbox } = await sandboxProfile(api));
    sandbox.control.reset('default');
    await vscode.commands.executeCommand('sinchConflicts.refresh');
    const roots = await childrenOf(api, undefined);
    profileItem = roots.find((node) => node.kind === 'profile' && node.profile.id === profile.id) as TreeNode;
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  async function firstConflict(minContacts = 2): Promise<NodeOf<'conflict'>> {
    const root = await childOfKind(api, profileItem, 'conflictsRoot');
    await vscode.commands.executeCommand('sinchConflicts.loadAll', profile.id);
    const conflicts = (await childrenOf(api, root)).filter((child): child is NodeOf<'conflict'> => child.kind === 'conflict');
    const found = conflicts.find((node) => node.conflict.contact_ids.length >= minContacts && node.conflict.contact_ids.length <= (minContacts === 2 ? 2 : 9));
    assert.ok(found, `no conflict with ${minContacts} contacts`);
    return found;
  }

  it('opens a contact as read-only JSON', async () => {
    const conflict = await firstConflict();
    const contact = (await childrenOf(api, conflict))[0] as NodeOf<'contact'>;
    await vscode.commands.executeCommand('sinchConflicts.openJson', contact);

    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'no editor opened');
    assert.equal(editor.document.uri.scheme, 'sinch-json');
    assert.equal(editor.document.languageId, 'json');
    const shown = JSON.parse(editor.document.getText());
    assert.equal(shown.id, contact.contactId);

    assert.equal(vscode.workspace.fs.isWritableFileSystem('sinch-json'), false);
    await assert.rejects(
      Promise.resolve(vscode.workspace.fs.writeFile(editor.document.uri, new TextEncoder().encode('{}'))),
      'writing to a JSON document succeeded',
    );
  });

  it('masks channel secrets in app JSON', async () => {
    const appsRoot = await childOfKind(api, profileItem, 'appsRoot');
    const apps = (await childrenOf(api, appsRoot)).filter((child): child is NodeOf<'app'> => child.kind === 'app');
    const secrets: string[] = [];
    for (const app of sandbox.control.state().apps) {
      for (const credential of app.channel_credentials ?? []) {
        const text = JSON.stringify(credential);
        for (const match of text.matchAll(/"(?:token|callback_secret|secret|password)":"([^"]+)"/g)) {
          secrets.push(match[1]);
        }
      }
    }
    assert.ok(secrets.length > 0, 'the seed has no channel secrets to mask');

    for (const app of apps) {
      await vscode.commands.executeCommand('sinchConflicts.openJson', app);
      const text = vscode.window.activeTextEditor?.document.getText() ?? '';
      assert.equal(JSON.parse(text).id, app.app.id);
      for (const secret of secrets) {
        assert.ok(!text.includes(secret), `app ${app.app.id} JSON shows a channel secret`);
      }
    }
  });

  it('opens a conflict as JSON', async () => {
    const conflict = await firstConflict();
    await vscode.commands.executeCommand('sinchConflicts.openJson', conflict);
    const shown = JSON.parse(vscode.window.activeTextEditor?.document.getText() ?? '{}');
    assert.deepEqual(shown, conflict.conflict);
  });

  it('opens two contacts in the diff editor', async () => {
    const conflict = await firstConflict();
    await vscode.commands.executeCommand('sinchConflicts.compareRawJson', conflict);
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab?.input instanceof vscode.TabInputTextDiff, 'the active tab is not a diff editor');
    const input = tab.input as vscode.TabInputTextDiff;
    assert.equal(input.original.scheme, 'sinch-json');
    assert.ok(input.original.path.endsWith(`${conflict.conflict.contact_ids[0]}.json`));
    assert.ok(input.modified.path.endsWith(`${conflict.conflict.contact_ids[1]}.json`));
  });
});
