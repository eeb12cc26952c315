// Every Conversation API route of the sandbox: success shapes, input errors, settings and
// unknown routes, over real HTTP.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import { startSandbox } from '../../src/sandbox';
import type { SandboxHandle } from '../../src/sandbox/api';
import { isUlid } from '../../src/sandbox/ulid';
import type { Contact } from '../../src/sinch/types';
import { errorOf, SandboxCaller } from './sandboxHttp';

const UNKNOWN_ULID = '01ARZ3NDEKTSV4RRFFQ69G5FAV';

describe('sandbox API routes', () => {
  let sandbox: SandboxHandle;
  let caller: SandboxCaller;

  before(async () => {
    sandbox = await startSandbox({ port: 0 });
    caller = new SandboxCaller(sandbox);
  });

  beforeEach(() => {
    sandbox.control.reset('default');
  });

  after(async () => {
    await sandbox.close();
  });

  describe('apps', () => {
    it('lists the apps', async () => {
      const call = await caller.api('GET', 'apps');
      assert.equal(call.status, 200);
      assert.match(call.headers.get('content-type') ?? '', /application\/json/);
      assert.equal(call.json.apps.length, 6);
      for (const app of call.json.apps) {
        assert.ok(isUlid(app.id), `app ID ${app.id} is a ULID`);
        assert.equal(typeof app.display_name, 'string');
        assert.ok(Array.isArray(app.channel_credentials));
      }
    });
  });

  describe('contacts', () => {
    it('lists contacts with the default page size of 10', async () => {
      const call = await caller.api('GET', 'contacts');
      assert.equal(call.status, 200);
      assert.equal(call.json.contacts.length, 10);
      assert.equal(typeof call.json.next_page_token, 'string');
      assert.notEqual(call.json.next_page_token, '');
    });

    it('gets one contact by ID', async () => {
      const expected = sandbox.control.state().contacts[7];
      const call = await caller.api('GET', `contacts/${expected.id}`);
      assert.equal(call.status, 200);
      assert.deepEqual(call.json, expected);
    });

    it('answers a non-ULID contact ID with 400', async () => {
      const call = await caller.api('GET', 'contacts/not-a-ulid');
      assert.equal(call.status, 400);
      assert.equal(errorOf(call).status, 'INVALID_REQUEST');
    });

    it('answers an unknown contact ID with 404', async () => {
      const call = await caller.api('GET', `contacts/${UNKNOWN_ULID}`);
      assert.equal(call.status, 404);
      assert.equal(errorOf(call).status, 'NOT_FOUND');
    });

    it('creates a contact with a new ULID', async () => {
      const fields = {
        channel_identities: [{ channel: 'SMS', identity: '+46700000001' }],
        channel_priority: ['SMS'],
        display_name: 'Created Contact',
        email: 'created@example.com',
        external_id: 'ext-1',
        language: 'SV',
        metadata: '{"k":"v"}',
      };
      const call = await caller.api('POST', 'contacts', { body: { ...fields, id: 'ignored' } });

      assert.equal(call.status, 200);
      assert.ok(isUlid(call.json.id));
      assert.deepEqual(call.json, { id: call.json.id, ...fields });
      const ids = sandbox.control.state().contacts.map((contact) => contact.id);
      assert.equal(ids[ids.length - 1], call.json.id, 'the new contact sorts last, after every seeded ID');
      assert.deepEqual((await caller.api('GET', `contacts/${call.json.id}`)).json, call.json);
    });

    for (const displayName of [undefined, '', null]) {
      it(`stores display_name "Unknown" when it is ${JSON.stringify(displayName) ?? 'missing'}`, async () => {
        const contact = await caller.createContact({ channel_identities: [{ channel: 'RCS', identity: '15550000099' }], display_name: displayName as string });
        assert.equal(contact.display_name, 'Unknown');
      });
    }

    const invalidBodies: Array<[string, unknown]> = [
      ['no channel_identities', { display_name: 'x' }],
      ['empty channel_identities', { channel_identities: [] }],
      ['an identity without channel', { channel_identities: [{ identity: '1' }] }],
      ['a non-string email', { channel_identities: [{ channel: 'SMS', identity: '1' }], email: 5 }],
      ['metadata of 1025 characters', { channel_identities: [{ channel: 'SMS', identity: '1' }], metadata: 'm'.repeat(1025) }],
      ['an array body', [1, 2]],
    ];
    for (const [name, body] of invalidBodies) {
      it(`rejects a new contact with ${name}`, async () => {
        const call = await caller.api('POST', 'contacts', { body });
        assert.equal(call.status, 400);
        assert.equal(errorOf(call).status, 'INVALID_REQUEST');
      });
    }

    it('accepts metadata of exactly 1024 characters', async () => {
      const contact = await caller.createContact({ channel_identities: [{ channel: 'SMS', identity: '1' }], metadata: 'm'.repeat(1024) });
      assert.equal(contact.metadata?.length, 1024);
    });

    it('rejects a body that is not JSON', async () => {
      const call = await caller.api('POST', 'contacts', { rawBody: '{"channel_identities": [' });
      assert.equal(call.status, 400);
      assert.match(errorOf(call).message, /JSON/);
    });

    it('filters by external_id', async () => {
      const target = sandbox.control.state().contacts.find((contact) => contact.external_id === 'crm-000042')!;
      const call = await caller.api('GET', 'contacts?external_id=crm-000042');
      assert.equal(call.status, 200);
      assert.deepEqual(call.json.contacts.map((contact: Contact) => contact.id), [target.id]);
      assert.equal(call.json.next_page_token, '');
    });

    it('filters by channel and identity', async () => {
      const call = await caller.api('GET', `contacts?channel=SMS&identity=${encodeURIComponent('+46701234567')}`);
      assert.equal(call.status, 200);
      assert.equal(call.json.contacts.length, 1);
      assert.ok(call.json.contacts[0].channel_identities.some((held: { identity: string }) => held.identity === '+46701234567'));
    });

    it('rejects external_id combined with channel and identity', async () => {
      const call = await caller.api('GET', 'contacts?external_id=x&channel=SMS&identity=1');
      assert.equal(call.status, 400);
      assert.equal(errorOf(call).status, 'INVALID_REQUEST');
    });

    it('rejects channel without identity and identity without channel', async () => {
      assert.equal((await caller.api('GET', 'contacts?channel=SMS')).status, 400);
      assert.equal((await caller.api('GET', 'contacts?identity=123')).status, 400);
    });
  });

  describe('identity conflicts', () => {
    it('lists conflicts with a default page size of 20', async () => {
      const call = await caller.api('GET', 'contacts:identityConflicts');
      assert.equal(call.status, 200);
      assert.equal(call.json.conflicts.length, 20);
      assert.notEqual(call.json.next_page_token, '');
      for (const conflict of call.json.conflicts) {
        assert.equal(typeof conflict.identity, 'string');
        assert.ok(conflict.channels.length >= 1);
        assert.ok(conflict.contact_ids.length >= 2);
      }
    });

    it('accepts the colon encoded as %3A', async () => {
      const plain = await caller.api('GET', 'contacts:identityConflicts?page_size=3');
      const encoded = await caller.api('GET', 'contacts%3AidentityConflicts?page_size=3');
      assert.equal(encoded.status, 200);
      assert.deepEqual(encoded.json, plain.json);
    });
  });

  describe('merge', () => {
    it('merges with the colon plain or encoded as %3A', async () => {
      const [first, second] = sandbox.control.state().conflicts;
      const plain = await caller.api('POST', `contacts/${first.contact_ids[0]}:merge`, { body: { source_id: first.contact_ids[1], strategy: 'MERGE' } });
      const encoded = await caller.api('POST', `contacts/${second.contact_ids[0]}%3Amerge`, { body: { source_id: second.contact_ids[1], strategy: 'MERGE' } });

      assert.equal(plain.status, 200);
      assert.equal(plain.json.id, first.contact_ids[0]);
      assert.equal(encoded.status, 200);
      assert.equal(encoded.json.id, second.contact_ids[0]);
    });

    it('answers GET on a merge path with 404', async () => {
      const call = await caller.api('GET', `contacts/${UNKNOWN_ULID}:merge`);
      assert.equal(call.status, 404);
    });
  });

  describe('settings', () => {
    it('returns the project settings', async () => {
      const call = await caller.api('GET', 'settings');
      assert.equal(call.status, 200);
      assert.deepEqual(call.json, { project_id: sandbox.projectId, settings: { contact_settings: { unified_contact_id_enabled: false } } });
    });

    it('rejects enabling Unified Contact ID while conflicts remain', async () => {
      const call = await caller.api('PATCH', 'settings', { body: { contact_settings: { unified_contact_id_enabled: true } } });
      assert.equal(call.status, 400);
      const error = errorOf(call);
      assert.equal(error.status, 'FAILED_PRECONDITION');
      assert.match(error.message, /\b30 identity conflicts remain\b/);
      assert.equal(sandbox.control.state().unifiedContactIdEnabled, false);
    });

    it('enables Unified Contact ID once no conflict remains', async () => {
      sandbox.control.reset('empty');
      const call = await caller.api('PATCH', 'settings', { body: { settings: { contact_settings: { unified_contact_id_enabled: true } } } });
      assert.equal(call.status, 200);
      assert.equal(call.json.settings.contact_settings.unified_contact_id_enabled, true);
      assert.equal((await caller.api('GET', 'settings')).json.settings.contact_settings.unified_contact_id_enabled, true);
    });

    it('disables Unified Contact ID with conflicts present', async () => {
      const call = await caller.api('PATCH', 'settings', { body: { contact_settings: { unified_contact_id_enabled: false } } });
      assert.equal(call.status, 200);
      assert.equal(call.json.settings.contact_settings.unified_contact_id_enabled, false);
    });

    it('rejects a settings body without the flag', async () => {
      const call = await caller.api('PATCH', 'settings', { body: { contact_settings: {} } });
      assert.equal(call.status, 400);
      assert.equal(errorOf(call).status, 'INVALID_REQUEST');
    });

    it('rejects a settings body that is not JSON', async () => {
      const call = await caller.api('PATCH', 'settings', { rawBody: 'unified=true' });
      assert.equal(call.status, 400);
    });
  });

  describe('unknown routes', () => {
    const unknown: Array<[string, string]> = [
      ['GET', 'unknown'],
      ['DELETE', `contacts/${UNKNOWN_ULID}`],
      ['PUT', 'settings'],
      ['GET', 'contacts:somethingElse'],
      ['GET', 'apps/extra/segments'],
    ];
    for (const [method, path] of unknown) {
      it(`answers ${method} ${path} with 404`, async () => {
        const call = await caller.api(method, path);
        assert.equal(call.status, 404);
        assert.equal(errorOf(call).status, 'NOT_FOUND');
      });
    }

    it('answers paths outside the API with 404', async () => {
      for (const path of ['/', '/v1/projects', '/us/v2/projects/x/apps']) {
        const response = await fetch(`${sandbox.baseUrl}${path}`);
        assert.equal(response.status, 404, path);
        const body = (await response.json()) as { error: { status: string } };
        assert.equal(body.error.status, 'NOT_FOUND');
      }
    });

    it('rejects a body larger than 1 MiB with 413', async () => {
      const call = await caller.api('POST', 'contacts', { rawBody: 'x'.repeat(1024 * 1024 + 1) });
      assert.equal(call.status, 413);
    });
  });

  describe('loopback guard', () => {
    function statusWithHost(host: string): Promise<number> {
      return new Promise<number>((resolve, reject) => {
        const request = http.request({ host: '127.0.0.1', port: sandbox.port, path: '/__sandbox/state', headers: { host } }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        });
        request.on('error', reject);
        request.end();
      });
    }

    it('rejects a Host header that is not a loopback name', async () => {
      assert.equal(await statusWithHost('attacker.example:80'), 403);
      assert.equal(await statusWithHost('127.0.0.1.attacker.example'), 403);
    });

    it('accepts loopback names as Host', async () => {
      assert.equal(await statusWithHost(`localhost:${sandbox.port}`), 200);
      assert.equal(await statusWithHost(`127.0.0.1:${sandbox.port}`), 200);
      assert.equal(await statusWithHost(`[::1]:${sandbox.port}`), 200);
    });

    it('rejects control calls that carry an Origin header', async () => {
      const response = await fetch(`${sandbox.baseUrl}/__sandbox/reset`, {
        method: 'POST',
        headers: { origin: 'https://attacker.example', 'content-type': 'application/json' },
        body: '{"seed":"empty"}',
      });
      assert.equal(response.status, 403);
      assert.equal(sandbox.control.state().contacts.length, 150, 'the reset did not happen');
    });
  });
});
