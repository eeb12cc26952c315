import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { Profile } from '../../src/profiles/types';
import type { SandboxHandle } from '../../src/sandbox/api';
import type { NodeOf, TreeNode } from '../../src/tree/nodes';
import { childOfKind, childrenOf, descriptionOf, extensionApi, labelOf, sandboxProfile } from './helpers';

describe('conflicts tree', () => {
  let api: ExtensionApi;
  let profile: Profile;
  let sandbox: SandboxHandle;
  let profileItem: TreeNode;

  before(async () => {
    api = await extensionApi();
    ({ profile, sandbox } = await sandboxProfile(api));
  });

  beforeEach(async () => {
    sandbox.control.reset('default');
    await vscode.commands.executeCommand('sinchConflicts.clearFilter');
    await vscode.commands.executeCommand('sinchConflicts.refresh');
    const roots = await childrenOf(api, undefined);
    const found = roots.find((node) => node.kind === 'profile' && node.profile.id === profile.id);
    assert.ok(found, 'the Sandbox profile is not a root of the tree');
    profileItem = found;
  });

  function conflictNodes(children: TreeNode[]): NodeOf<'conflict'>[] {
    return children.filter((child): child is NodeOf<'conflict'> => child.kind === 'conflict');
  }

  it('pages conflicts by twenty', async () => {
    const root = await childOfKind(api, profileItem, 'conflictsRoot');
    const first = await childrenOf(api, root);
    assert.equal(conflictNodes(first).length, 20);
    assert.ok(first.some((child) => child.kind === 'loadMore'), 'no "Load more…" node after the first page');
    assert.ok(first.some((child) => child.kind === 'loadAll'), 'no "Load all" node after the first page');
    assert.equal(descriptionOf(api, root), '20 loaded');

    const total = sandbox.control.requests('listConflicts').length;
    assert.equal(total, 1, 'the first page took more than one request');
  });

  it('loads more, then everything, and says when complete', async () => {
    const root = await childOfKind(api, profileItem, 'conflictsRoot');
    await childrenOf(api, root);
    await vscode.commands.executeCommand('sinchConflicts.loadMore', profile.id);
    const afterMore = conflictNodes(await childrenOf(api, root)).length;
    assert.ok(afterMore > 20, `only ${afterMore} conflicts after "Load more…"`);

    await vscode.commands.executeCommand('sinchConflicts.loadAll', profile.id);
    const all = await childrenOf(api, root);
    const expected = api.projects.model(profile).conflictState();
    assert.equal(expected.complete, true);
    assert.equal(conflictNodes(all).length, expected.conflicts.length);
    assert.ok(!all.some((child) => child.kind === 'loadMore' || child.kind === 'loadAll'), 'paging nodes remain on a complete list');
    assert.equal(descriptionOf(api, root), String(expected.conflicts.length));

    const ids = new Set(all.map((child) => child.id));
    assert.equal(ids.size, all.length, 'tree item IDs repeat');
  });

  it('filters by channel and by identity', async () => {
    const root = await childOfKind(api, profileItem, 'conflictsRoot');
    await childrenOf(api, root);
    await vscode.commands.executeCommand('sinchConflicts.loadAll', profile.id);

    await vscode.commands.executeCommand('sinchConflicts.filter', 'rcs');
    const rcs = conflictNodes(await childrenOf(api, root));
    assert.ok(rcs.length > 0, 'no RCS conflicts in the default seed');
    for (const node of rcs) {
      assert.ok(node.conflict.channels.includes('RCS'), `${node.conflict.identity} is not on RCS`);
    }
    assert.equal(api.treeView.description, 'Channel: RCS');
    assert.equal(api.treeView.message, 'Showing conflicts on channel RCS.');
    assert.match(descriptionOf(api, root), /^\d+ of \d+ match$/);

    const sample = rcs[0].conflict.identity.replace(/^\+/, '').slice(-6);
    await vscode.commands.executeCommand('sinchConflicts.filter', sample);
    const byIdentity = conflictNodes(await childrenOf(api, root));
    assert.ok(byIdentity.length >= 1);
    for (const node of byIdentity) {
      assert.ok(node.conflict.identity.includes(sample));
    }
    assert.equal(api.treeView.description, `Identity: ${sample}`);

    await vscode.commands.executeCommand('sinchConflicts.clearFilter');
    assert.equal(api.treeView.description, undefined);
    assert.equal(api.treeView.message, undefined);
  });

  it('shows a failed page as an error node with retry', async () => {
    sandbox.control.injectFault({ route: 'listConflicts', kind: 'status', status: 400, times: 1 });
    const root = await childOfKind(api, profileItem, 'conflictsRoot');
    const failed = await childrenOf(api, root);
    const error = failed.find((child): child is NodeOf<'error'> => child.kind === 'error');
    assert.ok(error, `no error node; children: ${failed.map((child) => child.kind).join(', ')}`);
    assert.match(labelOf(api, error), /Could not load conflicts/);
    assert.equal(api.tree.getTreeItem(error).command?.command, 'sinchConflicts.refresh');

    await vscode.commands.executeCommand('sinchConflicts.refresh', error);
    await api.projects.model(profile).loadNextPage();
    const retried = await childrenOf(api, root);
    assert.equal(conflictNodes(retried).length, 20);
    assert.ok(!retried.some((child) => child.kind === 'error'));
  });

  it('groups loaded conflicts under the apps with those channels', async () => {
    const appsRoot = await childOfKind(api, profileItem, 'appsRoot');
    const apps = (await childrenOf(api, appsRoot)).filter((child): child is NodeOf<'app'> => child.kind === 'app');
    assert.equal(apps.length, sandbox.control.state().apps.length);

    await vscode.commands.executeCommand('sinchConflicts.loadAll', profile.id);
    for (const app of apps) {
      const channels = new Set((app.app.channel_credentials ?? []).map((credential) => credential.channel));
      const conflicts = conflictNodes(await childrenOf(api, app));
      for (const node of conflicts) {
        assert.ok(node.conflict.channels.some((channel) => channels.has(channel)), `${node.conflict.identity} is listed under ${app.app.id} without a shared channel`);
      }
      const hasConflictChannel = ['SMS', 'MMS', 'RCS'].some((channel) => channels.has(channel));
      assert.equal(conflicts.length > 0, hasConflictChannel, `app ${app.app.display_name} conflicts: ${conflicts.length}`);
    }
  });

  it('lists the contacts of a conflict', async () => {
    const root = await childOfKind(api, profileItem, 'conflictsRoot');
    const conflict = conflictNodes(await childrenOf(api, root))[0];
    const contacts = await childrenOf(api, conflict);
    assert.deepEqual(
      contacts.map((child) => (child.kind === 'contact' ? child.contactId : child.kind)),
      conflict.conflict.contact_ids,
    );
    const stored = sandbox.control.state().contacts.find((contact) => contact.id === conflict.conflict.contact_ids[0]);
    assert.equal(labelOf(api, contacts[0]), stored?.display_name || stored?.id);
  });

  it('copies the ID of each kind of item', async () => {
    const root = await childOfKind(api, profileItem, 'conflictsRoot');
    const conflict = conflictNodes(await childrenOf(api, root))[0];
    const contact = (await childrenOf(api, conflict))[0] as NodeOf<'contact'>;
    const appsRoot = await childOfKind(api, profileItem, 'appsRoot');
    const app = (await childrenOf(api, appsRoot))[0] as NodeOf<'app'>;

    const cases: [TreeNode, string][] = [
      [profileItem, profile.projectId],
      [app, app.app.id],
      [conflict, conflict.conflict.identity],
      [contact, contact.contactId],
    ];
    for (const [node, expected] of cases) {
      await vscode.commands.executeCommand('sinchConflicts.copyId', node);
      assert.equal(await vscode.env.clipboard.readText(), expected, `copy ID of a ${node.kind} node`);
    }
  });

  it('shows a contact that cannot be read as an error', async () => {
    const root = await childOfKind(api, profileItem, 'conflictsRoot');
    const conflict = conflictNodes(await childrenOf(api, root))[0];
    sandbox.control.injectFault({ route: 'getContact', kind: 'status', status: 404, times: 1 });
    const children = await childrenOf(api, conflict);
    const error = children.find((child) => child.kind === 'error');
    assert.ok(error, 'no error node for the unreadable contact');
    assert.match(labelOf(api, error), /Could not read 1 of \d+ contacts/);
  });
});
