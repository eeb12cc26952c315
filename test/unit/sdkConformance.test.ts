// Drives the sandbox with the official Node SDK (@sinch/conversation 1.4.0, through
// @sinch/sdk-client 1.5.0), so the sandbox's wire protocol matches what real clients send
// and expect. Every outgoing connection of the process is observed, and all must go to the
// sandbox on 127.0.0.1.
import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { startSandbox } from '../../src/sandbox';
import type { SandboxHandle } from '../../src/sandbox/api';
import type { Contact, IdentityConflict } from '../../src/sinch/types';

// The SDK ships CommonJS without types this project compiles against.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ConversationService } = require('@sinch/conversation');

interface Destination {
  host: string;
  port: number;
}

/** Records the host and port of every TCP connection this process opens while installed. */
class ConnectionRecorder {
  readonly destinations: Destination[] = [];
  private original: typeof net.Socket.prototype.connect | undefined;

  install(): void {
    const original = net.Socket.prototype.connect;
    const destinations = this.destinations;
    this.original = original;

    net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
      // http.Agent passes Node's normalized arguments: one array whose first item is the options.
      const [first, second] = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
      if (typeof first === 'object' && first !== null) {
        const options = first as { host?: string; port?: number; path?: string };
        destinations.push({ host: options.path ?? options.host ?? 'localhost', port: Number(options.port) });
      } else if (typeof first === 'number' || typeof first === 'string') {
        destinations.push({ host: typeof second === 'string' ? second : 'localhost', port: Number(first) });
      }
      return (original as (...values: unknown[]) => net.Socket).apply(this, args);
    } as typeof net.Socket.prototype.connect;
  }

  uninstall(): void {
    if (this.original) {
      net.Socket.prototype.connect = this.original;
    }
  }
}

describe('official SDK against the sandbox', function () {
  this.timeout(20_000);

  let sandbox: SandboxHandle;
  let service: any;
  const recorder = new ConnectionRecorder();

  before(async () => {
    recorder.install();
    sandbox = await startSandbox({ port: 0 });

    // The SDK appends /oauth2/token to authHostname and /v1/projects/... to
    // conversationHostname. The templates host is set too, so no default Sinch host is left.
    service = new ConversationService({
      projectId: sandbox.projectId,
      keyId: sandbox.keyId,
      keySecret: sandbox.keySecret,
      authHostname: sandbox.baseUrl,
      conversationHostname: sandbox.conversationUrl(sandbox.region),
      conversationTemplatesHostname: sandbox.conversationUrl(sandbox.region),
      conversationRegion: sandbox.region,
      // null selects the SDK's no-op logger, which keeps it from printing every 4xx response.
      logger: null,
    });
  });

  after(async () => {
    recorder.uninstall();
    await sandbox.close();
  });

  it('exchanges the key for a token and lists apps', async () => {
    const response = await service.app.list({});

    assert.deepEqual(
      response.apps.map((app: { id: string }) => app.id),
      sandbox.control.state().apps.map((app) => app.id),
    );
    const tokenCalls = sandbox.control.requests('token');
    assert.equal(tokenCalls.length, 1);
    assert.equal(tokenCalls[0].status, 200);
    assert.equal(sandbox.control.requests('listApps')[0].status, 200);
  });

  it('pages through all conflicts of the default seed', async () => {
    const before = sandbox.control.requests('listConflicts').length;
    const conflicts: IdentityConflict[] = [];
    for await (const conflict of service.contact.listIdentityConflicts({ page_size: 20 })) {
      conflicts.push(conflict);
    }

    assert.deepEqual(conflicts, sandbox.control.state().conflicts);
    assert.equal(sandbox.control.requests('listConflicts').length - before, 2, 'two pages of 20');
  });

  it('pages with a small page size through page tokens', async () => {
    const before = sandbox.control.requests('listConflicts').length;
    const identities: string[] = [];
    for await (const conflict of service.contact.listIdentityConflicts({ page_size: 7 })) {
      identities.push(conflict.identity);
    }

    assert.deepEqual(identities, sandbox.control.state().conflicts.map((conflict) => conflict.identity));
    assert.equal(sandbox.control.requests('listConflicts').length - before, 5);
  });

  it('lists all contacts page by page', async () => {
    const ids: string[] = [];
    for await (const contact of service.contact.list({ page_size: 20 })) {
      ids.push(contact.id);
    }
    assert.deepEqual(ids, sandbox.control.state().contacts.map((contact) => contact.id));
  });

  it('gets the contacts of a conflict', async () => {
    const state = sandbox.control.state();
    const conflict = state.conflicts.find((candidate) => candidate.contact_ids.length === 4)!;

    for (const id of conflict.contact_ids) {
      const contact = await service.contact.get({ contact_id: id });
      assert.deepEqual(contact, state.contacts.find((candidate) => candidate.id === id));
    }
  });

  it('merges two contacts and returns the kept one with the merge rules applied', async () => {
    const destination: Contact = await service.contact.create({
      contactCreateRequestBody: {
        channel_identities: [{ channel: 'SMS', identity: '+15557770001' }],
        channel_priority: ['SMS'],
        display_name: 'SDK Destination',
        email: '',
        language: 'UNSPECIFIED',
      },
    });
    const source: Contact = await service.contact.create({
      contactCreateRequestBody: {
        channel_identities: [
          { channel: 'RCS', identity: '+15557770001' },
          { channel: 'SMS', identity: '+15557770002' },
        ],
        channel_priority: ['RCS', 'SMS'],
        display_name: 'SDK Source',
        email: 'source@example.com',
        external_id: 'sdk-source',
        language: 'PT_BR',
        metadata: '{"origin":"sdk"}',
      },
    });

    const kept = await service.contact.mergeContact({
      destination_id: destination.id,
      mergeContactRequestBody: { source_id: source.id, strategy: 'MERGE' },
    });

    assert.deepEqual(kept, {
      id: destination.id,
      channel_identities: [
        { channel: 'SMS', identity: '+15557770001' },
        { channel: 'RCS', identity: '+15557770001' },
      ],
      channel_priority: ['SMS', 'RCS'],
      display_name: 'SDK Destination',
      email: 'source@example.com',
      external_id: 'sdk-source',
      language: 'PT_BR',
      metadata: '{"origin":"sdk"}',
    });

    await assert.rejects(service.contact.get({ contact_id: source.id }), (error: { statusCode?: number }) => error.statusCode === 404);
  });

  it('merges a seeded conflict and sees it leave the list', async () => {
    const conflict = sandbox.control.state().conflicts[0];

    const kept = await service.contact.mergeContact({
      destination_id: conflict.contact_ids[0],
      mergeContactRequestBody: { source_id: conflict.contact_ids[1], strategy: 'MERGE' },
    });

    assert.equal(kept.id, conflict.contact_ids[0]);
    assert.ok(kept.channel_identities.some((held: { identity: string }) => held.identity === conflict.identity));
    const remaining: IdentityConflict[] = [];
    for await (const item of service.contact.listIdentityConflicts({ page_size: 20 })) {
      remaining.push(item);
    }
    assert.ok(!remaining.some((item) => item.identity === conflict.identity && item.contact_ids.includes(conflict.contact_ids[1])));
  });

  it('refreshes its token once on a 401 that says "expired"', async () => {
    const tokensBefore = sandbox.control.requests('token').length;
    sandbox.control.injectFault({
      route: 'getSettings',
      kind: 'status',
      status: 401,
      headers: { 'www-authenticate': 'Bearer error="invalid_token", error_description="token expired"' },
    });

    const settings = await service.projectSettings.get({});

    assert.equal(settings.project_id, sandbox.projectId);
    assert.equal(sandbox.control.requests('token').length, tokensBefore + 1, 'one new token');
    assert.deepEqual(sandbox.control.requests('getSettings').map((record) => record.status), [401, 200]);
  });

  it('surfaces 429 with its status code', async () => {
    sandbox.control.injectFault({ route: 'listApps', kind: 'status', status: 429, retryAfter: '1' });
    await assert.rejects(service.app.list({}), (error: { statusCode?: number }) => error.statusCode === 429);
  });

  it('contacted no host but the sandbox on 127.0.0.1', () => {
    assert.ok(recorder.destinations.length > 0, 'connections were observed');
    for (const destination of recorder.destinations) {
      assert.equal(destination.host, '127.0.0.1');
      assert.equal(destination.port, sandbox.port);
    }
  });
});
