// Paging, filters and response checks. The sandbox serves the normal lists. A small server
// of the test's own on 127.0.0.1 serves what the sandbox does not: a last page without a
// token, a token that repeats, bodies of the wrong shape.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SandboxHandle } from '../../src/sandbox/api';
import { ConversationClient, SinchApiError, type IdentityConflict } from '../../src/sinch';
import { clientFor, collect, openSandbox, rejectionOf } from './client-helpers';

interface ScriptedServer {
  url: string;
  /** Request URLs (path and query) in arrival order. */
  requests: string[];
  /** TCP connections accepted so far. */
  connections(): number;
  close(): Promise<void>;
}

/** Serves `respond(requestIndex)` as JSON for every request, on a free loopback port. */
async function startScriptedServer(
  respond: (index: number) => { status?: number; body: unknown },
): Promise<ScriptedServer> {
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    requests.push(request.url ?? '');
    const { status, body } = respond(requests.length - 1);
    response.writeHead(status ?? 200, { 'content-type': 'application/json' });
    response.end(typeof body === 'string' ? body : JSON.stringify(body));
  });

  let connections = 0;
  server.on('connection', () => {
    connections += 1;
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    connections: () => connections,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function clientOf(server: ScriptedServer): ConversationClient {
  return new ConversationClient({
    projectId: 'project-1',
    region: 'us',
    keyId: 'key-1',
    keySecret: 'secret-of-the-scripted-server',
    authMethod: 'basic',
    endpoints: { conversationUrl: `${server.url}/{region}`, authUrl: `${server.url}/oauth2/token` },
    retryBaseMs: 10,
    retryCapMs: 50,
  });
}

function conflict(identity: string): IdentityConflict {
  return { identity, channels: ['SMS'], contact_ids: [`A-${identity}`, `B-${identity}`] };
}

describe('client paging', function () {
  this.timeout(20_000);
  let sandbox: SandboxHandle;

  before(async () => {
    sandbox = await openSandbox();
  });

  after(async () => {
    await sandbox.close();
  });

  beforeEach(() => {
    sandbox.control.reset();
  });

  it('walks every conflict page and stops on ""', async () => {
    sandbox.control.reset('large', { largeConflicts: 45 });
    const client = clientFor(sandbox);

    const conflicts = await collect(client.identityConflicts());

    assert.equal(conflicts.length, 45);
    assert.equal(new Set(conflicts.map((item) => item.identity)).size, 45, 'no conflict twice');
    assert.equal(sandbox.control.requests('listConflicts').length, 3, 'three pages of 20, 20 and 5');
  });

  it('returns undefined for the "" token of the last page', async () => {
    sandbox.control.reset('large', { largeConflicts: 25 });
    const client = clientFor(sandbox);

    const first = await client.listIdentityConflictsPage({ pageSize: 20 });
    assert.equal(first.conflicts.length, 20);
    assert.equal(typeof first.nextPageToken, 'string');

    const last = await client.listIdentityConflictsPage({ pageSize: 20, pageToken: first.nextPageToken });
    assert.equal(last.conflicts.length, 5);
    assert.equal(last.nextPageToken, undefined);
  });

  it('lowers a page size above 20 to 20', async () => {
    sandbox.control.reset('large', { largeConflicts: 30 });
    const client = clientFor(sandbox);

    // The sandbox rejects page_size above 20 with a 400, so success shows the clamp.
    const page = await client.listIdentityConflictsPage({ pageSize: 500 });

    assert.equal(page.conflicts.length, 20);
    const [record] = sandbox.control.requests('listConflicts');
    assert.equal(record.status, 200);
  });

  it('rejects a page size below 1', async () => {
    const client = clientFor(sandbox);

    const error = await rejectionOf(() => client.listIdentityConflictsPage({ pageSize: 0 }));

    assert.ok(error instanceof SinchApiError);
    assert.equal(error.kind, 'config');
    assert.equal(sandbox.control.requests('listConflicts').length, 0);
  });

  it('keeps the colon of :identityConflicts unencoded', async () => {
    const client = clientFor(sandbox);

    await client.listIdentityConflictsPage();

    const [record] = sandbox.control.requests('listConflicts');
    assert.match(record.path, /\/contacts:identityConflicts/);
  });

  it('lists contacts by channel and identity', async () => {
    const client = clientFor(sandbox);
    const [first] = await collect(client.identityConflicts());

    // Each contact of a conflict has the identity on at least one of the conflict's channels.
    const found = new Set<string>();
    for (const channel of first.channels) {
      for (const contact of await collect(client.contacts({ channel, identity: first.identity }))) {
        found.add(contact.id);
      }
    }

    assert.deepEqual([...found].sort(), [...first.contact_ids].sort());
  });

  it('walks every contact page', async () => {
    const client = clientFor(sandbox);

    const contacts = await collect(client.contacts());

    assert.equal(contacts.length, sandbox.control.state().contacts.length);
    const pages = sandbox.control.requests('listContacts').length;
    assert.equal(pages, Math.max(1, Math.ceil(contacts.length / 20)));
  });

  it('rejects external ID combined with identity before sending', async () => {
    const client = clientFor(sandbox);

    const pageError = await rejectionOf(() =>
      client.listContactsPage({ externalId: 'crm-1', channel: 'SMS', identity: '12015550100' }),
    );
    assert.throws(() => client.contacts({ externalId: 'crm-1', identity: '12015550100' }), /cannot be combined/);
    assert.throws(() => client.contacts({ channel: 'SMS' }), /must be given together/);

    assert.ok(pageError instanceof SinchApiError);
    assert.equal(pageError.kind, 'config');
    assert.equal(sandbox.control.requests('listContacts').length, 0);
  });

  it('encodes contact IDs in the path', async () => {
    const client = clientFor(sandbox);

    const error = await rejectionOf(() => client.getContact('a/b?c'));

    assert.ok(error instanceof SinchApiError);
    const paths = sandbox.control.requests().map((record) => record.path);
    assert.ok(
      paths.some((path) => path.includes('/contacts/a%2Fb%3Fc')),
      `no encoded ID among ${paths.join(', ')}`,
    );
  });

  describe('against a scripted server', () => {
    let server: ScriptedServer | undefined;

    afterEach(async () => {
      await server?.close();
      server = undefined;
    });

    it('stops when next_page_token is missing', async () => {
      server = await startScriptedServer((index) =>
        index === 0
          ? { body: { conflicts: [conflict('1')], next_page_token: 'page-2' } }
          : { body: { conflicts: [conflict('2')] } },
      );

      const conflicts = await collect(clientOf(server).identityConflicts());

      assert.deepEqual(conflicts.map((item) => item.identity), ['1', '2']);
      assert.equal(server.requests.length, 2);
      assert.match(server.requests[1], /page_token=page-2/);
      assert.match(server.requests[1], /page_size=20/);
    });

    it('reuses one connection across pages', async () => {
      server = await startScriptedServer((index) => ({
        body: { conflicts: [conflict(String(index))], next_page_token: index < 4 ? `page-${index + 2}` : '' },
      }));

      const conflicts = await collect(clientOf(server).identityConflicts());

      assert.equal(conflicts.length, 5);
      assert.equal(server.requests.length, 5);
      assert.equal(server.connections(), 1, 'sequential pages share one keep-alive connection');
    });

    it('treats a missing conflicts list as empty', async () => {
      server = await startScriptedServer(() => ({ body: {} }));

      const page = await clientOf(server).listIdentityConflictsPage();

      assert.deepEqual(page.conflicts, []);
      assert.equal(page.nextPageToken, undefined);
    });

    it('stops with an error when a token repeats', async () => {
      server = await startScriptedServer((index) => ({
        body: { conflicts: [conflict(String(index))], next_page_token: 'same-token' },
      }));

      const error = await rejectionOf(() => collect(clientOf(server!).identityConflicts()));

      assert.ok(error instanceof SinchApiError);
      assert.equal(error.kind, 'malformed');
      assert.match(error.message, /^List identity conflicts failed: .*already sent/);
      assert.equal(server.requests.length, 2);
    });

    it('stops with an error when a token cycles', async () => {
      const tokens = ['t1', 't2', 't1'];
      server = await startScriptedServer((index) => ({
        body: { conflicts: [conflict(String(index))], next_page_token: tokens[index] ?? 't2' },
      }));

      const error = await rejectionOf(() => collect(clientOf(server!).identityConflicts()));

      assert.ok(error instanceof SinchApiError);
      assert.equal(error.kind, 'malformed');
      assert.equal(server.requests.length, 3);
    });

    it('reports a conflicts field that is not a list', async () => {
      server = await startScriptedServer(() => ({ body: { conflicts: { identity: '1' } } }));

      const error = await rejectionOf(() => clientOf(server!).listIdentityConflictsPage());

      assert.ok(error instanceof SinchApiError);
      assert.equal(error.kind, 'malformed');
      assert.match(error.message, /^List identity conflicts failed: .*"conflicts" is not an array/);
    });

    it('reports a conflict without identity', async () => {
      server = await startScriptedServer(() => ({ body: { conflicts: [{ channels: ['SMS'], contact_ids: ['a', 'b'] }] } }));

      const error = await rejectionOf(() => clientOf(server!).listIdentityConflictsPage());

      assert.ok(error instanceof SinchApiError);
      assert.equal(error.kind, 'malformed');
      assert.match(error.message, /conflict 0 has no "identity"/);
    });

    it('reports a contact without id', async () => {
      server = await startScriptedServer(() => ({ body: { display_name: 'No ID' } }));

      const error = await rejectionOf(() => clientOf(server!).getContact('01ABC'));

      assert.ok(error instanceof SinchApiError);
      assert.equal(error.kind, 'malformed');
      assert.match(error.message, /^Get contact failed/);
    });

    it('reads an error body without the error wrapper', async () => {
      server = await startScriptedServer(() => ({
        status: 404,
        body: { code: 404, message: 'Contact 01ABC was not found', status: 'NOT_FOUND', details: [] },
      }));

      const error = await rejectionOf(() => clientOf(server!).getContact('01ABC'));

      assert.ok(error instanceof SinchApiError);
      assert.equal(error.httpStatus, 404);
      assert.equal(error.sinchStatus, 'NOT_FOUND');
      assert.match(error.message, /Contact 01ABC was not found/);
    });

    it('reads an error body that is not JSON', async () => {
      server = await startScriptedServer(() => ({ status: 502, body: '<html>Bad gateway</html>' }));
      const client = new ConversationClient({
        projectId: 'project-1',
        region: 'us',
        keyId: 'key-1',
        keySecret: 'secret-of-the-scripted-server',
        authMethod: 'basic',
        endpoints: { conversationUrl: `${server.url}/{region}`, authUrl: `${server.url}/oauth2/token` },
        maxRetries: 0,
      });

      const error = await rejectionOf(() => client.listApps());

      assert.ok(error instanceof SinchApiError);
      assert.equal(error.kind, 'http');
      assert.equal(error.httpStatus, 502);
      assert.equal(error.sinchStatus, undefined);
    });
  });
});
