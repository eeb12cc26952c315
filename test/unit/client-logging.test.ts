// A whole session at every log level, checked for secrets. A recording proxy of the test's
// own sits between the client and the sandbox, so the test records every access token and
// Authorization header the client used without any hook inside the client.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SandboxHandle } from '../../src/sandbox/api';
import { ConversationClient, SinchApiError } from '../../src/sinch';
import { RecordingLogger, clientFor, collect, openSandbox, rejectionOf } from './client-helpers';

interface RecordingProxy {
  url: string;
  authorizations: Set<string>;
  accessTokens: Set<string>;
  close(): Promise<void>;
}

/** Forwards every request to `target` and records Authorization headers and issued tokens. */
async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const authorizations = new Set<string>();
  const accessTokens = new Set<string>();

  const server = http.createServer((request, response) => {
    if (request.headers.authorization) {
      authorizations.add(request.headers.authorization);
    }

    const upstream = http.request(
      `${target}${request.url ?? ''}`,
      { method: request.method, headers: request.headers },
      (upstreamResponse) => {
        const chunks: Buffer[] = [];
        upstreamResponse.on('data', (chunk: Buffer) => chunks.push(chunk));
        upstreamResponse.on('end', () => {
          const body = Buffer.concat(chunks);
          const match = /"access_token"\s*:\s*"([^"]+)"/.exec(body.toString('utf8'));
          if (match) {
            accessTokens.add(match[1]);
          }
          response.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
          response.end(body);
        });
      },
    );
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    authorizations,
    accessTokens,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('client logging', function () {
  this.timeout(20_000);
  let sandbox: SandboxHandle;
  let proxy: RecordingProxy;

  before(async () => {
    sandbox = await openSandbox();
    proxy = await startRecordingProxy(sandbox.baseUrl);
  });

  after(async () => {
    await proxy.close();
    await sandbox.close();
  });

  function proxiedClient(logger: RecordingLogger, overrides = {}): ConversationClient {
    return clientFor(sandbox, {
      logger,
      endpoints: { conversationUrl: `${proxy.url}/{region}`, authUrl: `${proxy.url}/oauth2/token` },
      ...overrides,
    });
  }

  it('logs one info line per request', async () => {
    sandbox.control.reset();
    const logger = new RecordingLogger();
    const client = proxiedClient(logger);

    await client.listApps();

    const info = logger.lines.filter((line) => line.level === 'info').map((line) => line.message);
    assert.equal(info.length, 2, `expected the token call and list apps, got ${info.join(' | ')}`);
    assert.match(info[0], /^POST \/oauth2\/token 200 \d+ ms, retries 0$/);
    assert.match(info[1], new RegExp(`^GET /v1/projects/${sandbox.projectId}/apps 200 \\d+ ms, retries 0$`));
  });

  it('keeps secrets, tokens and headers out of logs and errors', async () => {
    sandbox.control.reset();
    const logger = new RecordingLogger();
    const client = proxiedClient(logger, { maxRetries: 1 });
    const messages: string[] = [];

    // Token exchange, a list and paging.
    await client.checkCredentials();
    const conflicts = await collect(client.identityConflicts());

    // A 401 that reports an expired token: one refresh and one resend.
    sandbox.control.injectFault({
      route: 'listApps',
      kind: 'status',
      status: 401,
      headers: { 'www-authenticate': 'Bearer error="invalid_token", error_description="token expired"' },
    });
    await client.listApps();

    // Errors: not found, a 5xx after retries, a malformed body, a timeout.
    messages.push(errorMessage(await rejectionOf(() => client.getContact('01ARZ3NDEKTSV4RRFFQ69G5FAV'))));
    sandbox.control.injectFault({ route: 'listApps', kind: 'status', status: 503, times: 2 });
    messages.push(errorMessage(await rejectionOf(() => client.listApps())));
    sandbox.control.injectFault({ route: 'getSettings', kind: 'malformed' });
    messages.push(errorMessage(await rejectionOf(() => client.getProjectSettings())));

    // A merge whose response is lost, then reconciled.
    const [destination, source] = conflicts[0].contact_ids;
    sandbox.control.injectFault({ route: 'merge', kind: 'status', status: 500, when: 'after' });
    const outcome = await client.mergeContacts(destination, source, { identity: conflicts[0].identity });
    assert.equal(outcome.status, 'merged');
    messages.push(outcome.error?.message ?? '');

    // Rejected credentials, for OAuth2 and for HTTP Basic.
    const wrongSecret = 'wrong-secret-7d1f0c9e';
    messages.push(errorMessage(await rejectionOf(() => proxiedClient(logger, { keySecret: wrongSecret }).checkCredentials())));
    messages.push(
      errorMessage(
        await rejectionOf(() => proxiedClient(logger, { keySecret: wrongSecret, authMethod: 'basic' }).listApps()),
      ),
    );
    // The Basic calls of the rejected client carry the wrong secret, so they are checked too.
    await proxiedClient(logger, { authMethod: 'basic' }).listApps();

    const levels = new Set(logger.lines.map((line) => line.level));
    for (const level of ['trace', 'debug', 'info', 'warn'] as const) {
      assert.ok(levels.has(level), `the session wrote no ${level} line`);
    }
    // The sandbox issues identical tokens for one key within one second, so count token calls.
    assert.ok(sandbox.control.requests('token').length >= 2, 'the session fetched at least two access tokens');
    assert.ok(proxy.accessTokens.size >= 1);
    const schemes = new Set([...proxy.authorizations].map((header) => header.split(' ')[0]));
    assert.deepEqual([...schemes].sort(), ['Basic', 'Bearer']);

    const forbidden = new Map<string, string>([
      ['the key secret', sandbox.keySecret],
      ['the wrong secret', wrongSecret],
    ]);
    for (const token of proxy.accessTokens) {
      forbidden.set('an access token', token);
    }
    for (const header of proxy.authorizations) {
      const [, credential] = header.split(' ');
      forbidden.set(`an Authorization header`, header);
      forbidden.set(`the credential of an Authorization header`, credential);
    }

    const logText = logger.text();
    for (const [label, secret] of forbidden) {
      assert.ok(!logText.includes(secret), `the log contains ${label}`);
      for (const message of messages) {
        assert.ok(!message.includes(secret), `an error message contains ${label}: ${message}`);
      }
    }
    assert.doesNotMatch(logText, /authorization/i);
    assert.doesNotMatch(logText, /Bearer\s+\S/);
    assert.doesNotMatch(logText, /Basic\s+\S/);
    assert.doesNotMatch(logText, /grant_type/);
  });
});

describe('client redaction', () => {
  it('removes echoed credentials from server messages', async () => {
    const secret = 'echoed-secret-5b2e9a71';
    const logger = new RecordingLogger();
    // A server that copies the request's Authorization header into its error message.
    const server = http.createServer((request, response) => {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          error: { code: 500, status: 'INTERNAL', message: `failed for ${request.headers.authorization} and ${secret}` },
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    let message: string;
    try {
      const client = new ConversationClient({
        projectId: 'project-1',
        region: 'us',
        keyId: 'key-1',
        keySecret: secret,
        authMethod: 'basic',
        endpoints: { conversationUrl: `${base}/{region}`, authUrl: `${base}/oauth2/token` },
        maxRetries: 0,
        logger,
      });
      message = errorMessage(await rejectionOf(() => client.listApps()));
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }

    const credential = Buffer.from(`key-1:${secret}`).toString('base64');
    assert.match(message, /failed for Basic \[redacted\] and \[redacted\]/);
    assert.ok(!message.includes(secret), message);
    assert.ok(!message.includes(credential), message);
    assert.ok(!logger.text().includes(secret));
    assert.ok(!logger.text().includes(credential));
  });
});

function errorMessage(error: unknown): string {
  assert.ok(error instanceof SinchApiError, `expected SinchApiError, got ${String(error)}`);
  return error.message;
}
