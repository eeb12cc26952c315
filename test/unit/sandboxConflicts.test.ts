// Identity conflicts computed from a hand-built set of contacts, starting from the empty seed.
import * as assert from 'node:assert/strict';
import { startSandbox } from '../../src/sandbox';
import type { SandboxHandle } from '../../src/sandbox/api';
import { computeConflicts } from '../../src/sandbox/store';
import type { ChannelIdentity, IdentityConflict } from '../../src/sinch/types';
import { SandboxCaller } from './sandboxHttp';

describe('sandbox identity conflicts', () => {
  let sandbox: SandboxHandle;
  let caller: SandboxCaller;

  before(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'empty' });
    caller = new SandboxCaller(sandbox);
  });

  beforeEach(() => {
    sandbox.control.reset('empty');
  });

  after(async () => {
    await sandbox.close();
  });

  async function create(...identities: ChannelIdentity[]): Promise<string> {
    return (await caller.createContact({ channel_identities: identities })).id;
  }

  async function listConflicts(): Promise<IdentityConflict[]> {
    const call = await caller.api('GET', 'contacts:identityConflicts?page_size=20');
    assert.equal(call.status, 200);
    assert.equal(call.json.next_page_token, '');
    return call.json.conflicts;
  }

  it('starts the empty seed with apps and no contacts', async () => {
    assert.equal((await caller.api('GET', 'apps')).json.apps.length, 6);
    assert.deepEqual(await listConflicts(), []);
  });

  it('lists identities held by several contacts on SMS, MMS or RCS', async () => {
    const a = await create({ channel: 'SMS', identity: '+15550001' }, { channel: 'WHATSAPP', identity: '+15550002' });
    const b = await create({ channel: 'RCS', identity: '+15550001' });
    await create({ channel: 'SMS', identity: '15550001' });
    const d = await create({ channel: 'MMS', identity: '+15550003' }, { channel: 'SMS', identity: '+15550003' });
    const e = await create({ channel: 'MMS', identity: '+15550003' });
    await create({ channel: 'WHATSAPP', identity: '+15550002' });
    const g = await create({ channel: 'SMS', identity: '+15550003' }, { channel: 'RCS', identity: '+15550004' });
    const h = await create({ channel: 'RCS', identity: '+15550004' });
    const i = await create({ channel: 'SMS', identity: '+15550001' });
    await create({ channel: 'MESSENGER', identity: '+15550004', app_id: 'app' });

    assert.deepEqual(await listConflicts(), [
      { identity: '+15550001', channels: ['RCS', 'SMS'], contact_ids: [a, b, i] },
      { identity: '+15550003', channels: ['MMS', 'SMS'], contact_ids: [d, e, g] },
      { identity: '+15550004', channels: ['RCS'], contact_ids: [g, h] },
    ]);
  });

  it('treats numbers with and without "+" as different identities', async () => {
    await create({ channel: 'SMS', identity: '+46701234567' });
    await create({ channel: 'SMS', identity: '46701234567' });
    assert.deepEqual(await listConflicts(), []);
  });

  it('counts a contact once when it holds the identity on several channels', async () => {
    const a = await create({ channel: 'SMS', identity: '123' }, { channel: 'MMS', identity: '123' }, { channel: 'RCS', identity: '123' });
    assert.deepEqual(await listConflicts(), []);

    const b = await create({ channel: 'SMS', identity: '123' });
    assert.deepEqual(await listConflicts(), [{ identity: '123', channels: ['MMS', 'RCS', 'SMS'], contact_ids: [a, b] }]);
  });

  it('updates conflicts after a merge', async () => {
    const a = await create({ channel: 'SMS', identity: '+15550001' });
    const b = await create({ channel: 'RCS', identity: '+15550001' });
    const c = await create({ channel: 'SMS', identity: '+15550001' });

    const merge = await caller.api('POST', `contacts/${a}:merge`, { body: { source_id: b, strategy: 'MERGE' } });
    assert.equal(merge.status, 200);
    assert.deepEqual(await listConflicts(), [{ identity: '+15550001', channels: ['RCS', 'SMS'], contact_ids: [a, c] }]);

    assert.equal((await caller.api('POST', `contacts/${a}:merge`, { body: { source_id: c } })).status, 200);
    assert.deepEqual(await listConflicts(), []);
  });

  it('lists contact IDs in creation order even when the destination is newer', async () => {
    const a = await create({ channel: 'SMS', identity: '777' });
    const b = await create({ channel: 'SMS', identity: '777' });
    const c = await create({ channel: 'SMS', identity: '777' });

    assert.equal((await caller.api('POST', `contacts/${c}:merge`, { body: { source_id: a } })).status, 200);
    assert.deepEqual(await listConflicts(), [{ identity: '777', channels: ['SMS'], contact_ids: [b, c] }]);
  });

  it('sorts conflicts by identity', () => {
    const conflicts = computeConflicts([
      { id: '1', channel_identities: [{ channel: 'SMS', identity: 'b' }, { channel: 'SMS', identity: 'a' }] },
      { id: '2', channel_identities: [{ channel: 'RCS', identity: 'a' }, { channel: 'MMS', identity: 'b' }] },
    ]);
    assert.deepEqual(conflicts.map((conflict) => conflict.identity), ['a', 'b']);
  });
});
