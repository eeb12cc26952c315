// Shape and determinism of the seeds, and the large seed's size and paging cost.
import * as assert from 'node:assert/strict';
import { startSandbox } from '../../src/sandbox';
import type { SandboxHandle, SandboxState } from '../../src/sandbox/api';
import { HOSTILE_DISPLAY_NAMES, LONG_METADATA, PLUS_PAIR } from '../../src/sandbox/seedContacts';
import { isUlid } from '../../src/sandbox/ulid';
import { CONFLICT_CHANNELS, type App, type ChannelCredential, type Contact } from '../../src/sinch/types';
import { SandboxCaller } from './sandboxHttp';

function channelsOf(app: App): string[] {
  return (app.channel_credentials ?? []).map((credential) => credential.channel).sort();
}

function dataOf(state: SandboxState): Omit<SandboxState, 'requests'> {
  return { projectId: state.projectId, apps: state.apps, contacts: state.contacts, conflicts: state.conflicts, unifiedContactIdEnabled: state.unifiedContactIdEnabled };
}

describe('sandbox seeds', () => {
  describe('default', () => {
    let sandbox: SandboxHandle;
    let state: SandboxState;

    before(async () => {
      sandbox = await startSandbox({ port: 0 });
      state = sandbox.control.state();
    });

    after(async () => {
      await sandbox.close();
    });

    it('has six apps with different channel sets', () => {
      const channelSets = state.apps.map((app) => channelsOf(app).join('+'));
      assert.equal(state.apps.length, 6);
      assert.ok(channelSets.includes('MMS+RCS+SMS'));
      assert.ok(channelSets.includes('SMS'));
      assert.ok(channelSets.includes('RCS'));
      assert.ok(channelSets.includes('WHATSAPP'));
      assert.ok(channelSets.includes('MESSENGER'));
      assert.equal(state.apps.filter((app) => app.processing_mode === 'DISPATCH').length, 1);
    });

    it('gives apps credentials with secrets and the other App fields', () => {
      const credentials: ChannelCredential[] = state.apps.flatMap((app) => app.channel_credentials ?? []);
      const bearer = credentials.find((credential) => credential.static_bearer) as unknown as { static_bearer: { claimed_identity: string; token: string } };
      const staticToken = credentials.find((credential) => credential.static_token) as unknown as { static_token: { token: string } };

      assert.ok(bearer.static_bearer.claimed_identity.length > 0);
      assert.ok(bearer.static_bearer.token.length >= 20);
      assert.ok(staticToken.static_token.token.length >= 20);
      assert.ok(credentials.some((credential) => (credential.callback_secret ?? '').length > 0));
      assert.deepEqual(new Set(credentials.map((credential) => credential.state?.status)), new Set(['ACTIVE', 'PENDING', 'FAILING']));

      for (const app of state.apps) {
        assert.ok(isUlid(app.id));
        for (const field of ['rate_limits', 'retention_policy', 'dispatch_retention_policy', 'queue_stats', 'smart_conversation', 'callback_settings']) {
          assert.ok(app[field], `app ${app.display_name} has ${field}`);
        }
      }
    });

    it('has 150 contacts with ULIDs in creation order', () => {
      assert.equal(state.contacts.length, 150);
      const ids = state.contacts.map((contact) => contact.id);
      assert.ok(ids.every(isUlid));
      assert.equal(new Set(ids).size, 150);
      assert.deepEqual([...ids].sort(), ids);
    });

    it('has 30 conflicts, some of three and four contacts', () => {
      const sizes = state.conflicts.map((conflict) => conflict.contact_ids.length);
      assert.equal(state.conflicts.length, 30);
      assert.equal(sizes.filter((size) => size === 4).length, 2);
      assert.equal(sizes.filter((size) => size === 3).length, 4);
      assert.ok(state.conflicts.some((conflict) => conflict.identity === '12015555555'));
    });

    it('has conflicts with and without a leading "+"', () => {
      assert.ok(state.conflicts.some((conflict) => conflict.identity.startsWith('+')));
      assert.ok(state.conflicts.some((conflict) => !conflict.identity.startsWith('+')));
    });

    it('keeps +46701234567 and 46701234567 as two identities without a conflict', () => {
      for (const number of PLUS_PAIR) {
        const holders = state.contacts.filter((contact) =>
          contact.channel_identities?.some((held) => held.identity === number && CONFLICT_CHANNELS.includes(held.channel)),
        );
        assert.equal(holders.length, 1, number);
        assert.ok(!state.conflicts.some((conflict) => conflict.identity === number));
      }
    });

    it('has a contact that holds two conflicting numbers', () => {
      const counts = new Map<string, number>();
      for (const id of state.conflicts.flatMap((conflict) => conflict.contact_ids)) {
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      assert.ok([...counts.values()].some((count) => count >= 2));
    });

    it('contains hostile display names, emails and metadata', () => {
      const names = state.contacts.map((contact) => contact.display_name);
      for (const hostile of HOSTILE_DISPLAY_NAMES) {
        assert.ok(names.includes(hostile), `display name ${JSON.stringify(hostile)} is seeded`);
      }
      assert.ok(names.some((name) => name?.includes('<img src=x onerror=alert(1)>')));
      assert.ok(names.some((name) => name?.includes('<script>')));
      assert.ok(names.some((name) => /[\u0590-\u08FF]/.test(name ?? '')), 'right-to-left text');
      assert.ok(names.some((name) => /\p{Extended_Pictographic}/u.test(name ?? '')), 'emoji');

      const metadata = state.contacts.map((contact) => contact.metadata);
      assert.ok(metadata.includes(LONG_METADATA));
      assert.equal(LONG_METADATA.length, 1024);
      assert.ok(metadata.some((value) => value?.includes('<script>')));
    });

    it('has conflicting contacts with hostile names', () => {
      const inConflict = new Set(state.conflicts.flatMap((conflict) => conflict.contact_ids));
      const hostileInConflict = state.contacts.filter((contact) => inConflict.has(contact.id) && HOSTILE_DISPLAY_NAMES.includes(contact.display_name ?? ''));
      assert.ok(hostileInConflict.length >= 8);
    });

    it('mixes present, empty and missing optional fields', () => {
      const contacts: Contact[] = state.contacts;
      for (const field of ['email', 'external_id', 'metadata', 'language'] as const) {
        assert.ok(contacts.some((contact) => contact[field] === undefined), `${field} missing somewhere`);
        assert.ok(contacts.some((contact) => typeof contact[field] === 'string' && contact[field] !== ''), `${field} set somewhere`);
      }
      for (const field of ['email', 'external_id', 'metadata'] as const) {
        assert.ok(contacts.some((contact) => contact[field] === ''), `${field} empty somewhere`);
      }
      const languages = new Set(contacts.map((contact) => contact.language));
      for (const language of ['EN_US', 'SV', 'UNSPECIFIED']) {
        assert.ok(languages.has(language), language);
      }
      assert.ok(contacts.some((contact) => contact.display_name === 'Unknown'));

      const metadata = contacts.map((contact) => contact.metadata ?? '').filter((value) => value !== '');
      const isJson = (value: string): boolean => {
        try {
          JSON.parse(value);
          return true;
        } catch {
          return false;
        }
      };
      assert.ok(metadata.some(isJson), 'JSON metadata');
      assert.ok(metadata.some((value) => !isJson(value)), 'plain metadata');
    });

    it('gives Messenger identities the Messenger app ID', () => {
      const messengerApp = state.apps.find((app) => channelsOf(app).includes('MESSENGER'))!;
      const messenger = state.contacts.flatMap((contact) => contact.channel_identities ?? []).filter((held) => held.channel === 'MESSENGER');
      assert.ok(messenger.length > 0);
      for (const identity of messenger) {
        assert.equal(identity.app_id, messengerApp.id);
      }
    });

    it('is identical on every start', async () => {
      const again = await startSandbox({ port: 0 });
      try {
        assert.deepEqual(dataOf(again.control.state()), dataOf(state));
      } finally {
        await again.close();
      }
    });

    it('is identical after a reset', () => {
      sandbox.control.reset();
      assert.deepEqual(dataOf(sandbox.control.state()), dataOf(state));
    });
  });

  describe('empty', () => {
    it('has the apps and no contacts', async () => {
      const sandbox = await startSandbox({ port: 0, seed: 'empty' });
      try {
        const state = sandbox.control.state();
        assert.equal(state.apps.length, 6);
        assert.deepEqual(state.contacts, []);
        assert.deepEqual(state.conflicts, []);
      } finally {
        await sandbox.close();
      }
    });
  });

  describe('large', () => {
    let sandbox: SandboxHandle;

    before(async function () {
      this.timeout(10_000);
      const started = Date.now();
      sandbox = await startSandbox({ port: 0, seed: 'large' });
      assert.ok(Date.now() - started < 3000, `started in ${Date.now() - started} ms`);
    });

    after(async () => {
      await sandbox.close();
    });

    it('has 10,000 conflicts of two contacts each', () => {
      const state = sandbox.control.state();
      assert.equal(state.conflicts.length, 10_000);
      assert.equal(state.contacts.length, 20_000);
      assert.ok(state.conflicts.every((conflict) => conflict.contact_ids.length === 2));
      assert.ok(state.conflicts.some((conflict) => conflict.identity.startsWith('+')));
      assert.ok(state.conflicts.some((conflict) => !conflict.identity.startsWith('+')));
    });

    it('pages through 10,000 conflicts cheaply', async function () {
      this.timeout(20_000);
      const caller = new SandboxCaller(sandbox);
      const identities = new Set<string>();
      let token = '';
      let pages = 0;

      do {
        const call = await caller.api('GET', `contacts:identityConflicts?page_size=20${token ? `&page_token=${token}` : ''}`);
        assert.equal(call.status, 200);
        for (const conflict of call.json.conflicts) {
          identities.add(conflict.identity);
        }
        token = call.json.next_page_token;
        pages++;
      } while (token !== '');

      assert.equal(pages, 500);
      assert.equal(identities.size, 10_000);

      // The median shows the cost of a page; the mean bound catches per-page recomputation of
      // the conflicts (tens of milliseconds each) while tolerating garbage-collection pauses.
      const serverMs = sandbox.control.requests('listConflicts').map((record) => record.serverMs ?? Infinity);
      const sorted = [...serverMs].sort((a, b) => a - b);
      const median = sorted[Math.floor(sorted.length / 2)];
      const mean = serverMs.reduce((sum, value) => sum + value, 0) / serverMs.length;
      assert.equal(serverMs.length, 500);
      assert.ok(median < 1, `median server time per page ${median.toFixed(3)} ms`);
      assert.ok(mean < 3, `mean server time per page ${mean.toFixed(3)} ms`);
    });

    it('builds more than 10,000 conflicts when asked', function () {
      this.timeout(10_000);
      const started = Date.now();
      sandbox.control.reset('large', { largeConflicts: 12_000 });
      assert.equal(sandbox.control.state().conflicts.length, 12_000);
      assert.ok(Date.now() - started < 4000, `reset took ${Date.now() - started} ms`);
    });
  });
});
