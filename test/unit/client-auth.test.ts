// Authorization against the sandbox: token cache and refresh, expired-token retry, and the
// errors for a wrong secret, a key of another project and a wrong region.
import * as assert from 'node:assert/strict';
import type { SandboxHandle } from '../../src/sandbox/api';
import { SinchApiError } from '../../src/sinch';
import { clientFor, delay, openSandbox, rejectionOf } from './client-helpers';

/** Waits until the clock is within the first 100 ms of a second. */
async function startOfSecond(): Promise<void> {
  while (Date.now() % 1000 >= 100) {
    await delay(Math.max(1, 1000 - (Date.now() % 1000)));
  }
}

const EXPIRED_CHALLENGE = 'Bearer error="invalid_token", error_description="The access token expired"';

describe('client authorization', function () {
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
    sandbox.control.setTokenLifetime(3600);
  });

  it('reuses one token across calls', async () => {
    const client = clientFor(sandbox);

    await client.listApps();
    await client.listApps();
    await client.listApps();

    assert.equal(sandbox.control.requests('token').length, 1);
    assert.equal(sandbox.control.requests('listApps').length, 3);
  });

  it('refreshes the token before it expires', async () => {
    // A 4 s token (exp in whole seconds, so 3 to 4 s left) is renewed at half its lifetime
    // at the latest, so a call 2.1 s later is after the refresh point and before exp.
    sandbox.control.setTokenLifetime(4);
    const client = clientFor(sandbox);

    await client.listApps();
    await delay(2100);
    await client.listApps();

    const all = sandbox.control.requests();
    assert.equal(sandbox.control.requests('token').length, 2);
    assert.deepEqual(
      all.filter((record) => record.status === 401),
      [],
      'no call may be rejected as expired',
    );
    assert.deepEqual(
      sandbox.control.requests('listApps').map((record) => record.status),
      [200, 200],
    );
  });

  it('refreshes at the configured margin', async () => {
    // Tokens carry `exp` in whole seconds, so the test starts at the top of a second: a 3 s
    // token then has about 2.9 s left, and a 1 s margin makes it due about 1.9 s after issue.
    sandbox.control.setTokenLifetime(3);
    const client = clientFor(sandbox, { tokenRefreshMarginMs: 1000 });
    await startOfSecond();

    await client.listApps();
    await delay(500);
    await client.listApps();
    assert.equal(sandbox.control.requests('token').length, 1, 'not due yet at 0.5 s');

    await delay(1800);
    await client.listApps();
    assert.equal(sandbox.control.requests('token').length, 2, 'due at 2.3 s');
    assert.deepEqual(
      sandbox.control.requests('listApps').map((record) => record.status),
      [200, 200, 200],
    );
  });

  it('shares one token request among ten concurrent calls', async () => {
    sandbox.control.setLatency(50);
    const client = clientFor(sandbox);

    const results = await Promise.all(Array.from({ length: 10 }, () => client.listApps()));

    sandbox.control.setLatency(0);
    assert.equal(results.length, 10);
    assert.equal(sandbox.control.requests('token').length, 1);
    assert.equal(sandbox.control.requests('listApps').length, 10);
  });

  it('renews an expired token once and resends', async () => {
    const client = clientFor(sandbox);
    await client.listApps();
    sandbox.control.injectFault({
      route: 'listApps',
      kind: 'status',
      status: 401,
      headers: { 'www-authenticate': EXPIRED_CHALLENGE },
    });

    const apps = await client.listApps();

    assert.ok(apps.length > 0);
    assert.equal(sandbox.control.requests('token').length, 2, 'exactly one refresh');
    assert.deepEqual(
      sandbox.control.requests('listApps').map((record) => record.status),
      [200, 401, 200],
      'exactly one resend after the 401',
    );
  });

  it('gives up after a second expired 401', async () => {
    const client = clientFor(sandbox);
    sandbox.control.injectFault({
      route: 'listApps',
      kind: 'status',
      status: 401,
      headers: { 'www-authenticate': EXPIRED_CHALLENGE },
      times: 2,
    });

    const error = await rejectionOf(() => client.listApps());

    assert.ok(error instanceof SinchApiError);
    assert.equal(error.kind, 'credentials');
    assert.equal(sandbox.control.requests('listApps').length, 2);
    assert.equal(sandbox.control.requests('token').length, 2);
  });

  it('treats a 401 without "expired" as rejected credentials', async () => {
    const client = clientFor(sandbox);
    sandbox.control.injectFault({
      route: 'listApps',
      kind: 'status',
      status: 401,
      headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
    });

    const error = await rejectionOf(() => client.listApps());

    assert.ok(error instanceof SinchApiError);
    assert.equal(error.kind, 'credentials');
    assert.equal(error.httpStatus, 401);
    assert.equal(sandbox.control.requests('listApps').length, 1, 'no resend');
    assert.equal(sandbox.control.requests('token').length, 1, 'no refresh');
  });

  it('reports a wrong secret as rejected credentials', async () => {
    const client = clientFor(sandbox, { keySecret: 'not-the-right-secret' });

    const error = await rejectionOf(() => client.listApps());

    assert.ok(error instanceof SinchApiError);
    assert.equal(error.kind, 'credentials');
    assert.equal(error.httpStatus, 401);
    assert.equal(error.operation, 'get access token');
    assert.match(error.message, /key ID and key secret/);
    assert.equal(sandbox.control.requests('token').length, 1, 'a 401 from the token endpoint is not retried');
    assert.equal(sandbox.control.requests('listApps').length, 0);
  });

  it('reports a wrong secret with HTTP Basic', async () => {
    const client = clientFor(sandbox, { authMethod: 'basic', keySecret: 'not-the-right-secret' });

    const error = await rejectionOf(() => client.listApps());

    assert.ok(error instanceof SinchApiError);
    assert.equal(error.kind, 'credentials');
    assert.equal(error.httpStatus, 401);
    assert.equal(sandbox.control.requests('token').length, 0);
  });

  it('checkCredentials names the rejected key', async () => {
    const client = clientFor(sandbox, { keySecret: 'not-the-right-secret' });

    const error = await rejectionOf(() => client.checkCredentials());

    assert.ok(error instanceof SinchApiError);
    assert.equal(error.kind, 'credentials');
    assert.match(error.message, new RegExp(sandbox.keyId));
    assert.match(error.message, /key ID and key secret/);
  });

  it('sends HTTP Basic without a token call', async () => {
    const client = clientFor(sandbox, { authMethod: 'basic' });

    const apps = await client.listApps();
    const settings = await client.getProjectSettings();

    assert.ok(apps.length > 0);
    assert.equal(typeof settings.settings.contact_settings.unified_contact_id_enabled, 'boolean');
    assert.equal(sandbox.control.requests('token').length, 0);
  });

  it('reports a key of another project as 403', async () => {
    const client = clientFor(sandbox, {
      keyId: sandbox.foreignKey.keyId,
      keySecret: sandbox.foreignKey.keySecret,
    });

    const error = await rejectionOf(() => client.listApps());

    assert.ok(error instanceof SinchApiError);
    assert.equal(error.kind, 'http');
    assert.equal(error.httpStatus, 403);
    assert.equal(error.sinchStatus, 'UNAUTHORIZED');
    assert.match(error.message, new RegExp(sandbox.projectId));
  });

  it('checkCredentials explains a key of another project', async () => {
    const client = clientFor(sandbox, {
      keyId: sandbox.foreignKey.keyId,
      keySecret: sandbox.foreignKey.keySecret,
    });

    const error = await rejectionOf(() => client.checkCredentials());

    assert.ok(error instanceof SinchApiError);
    assert.equal(error.httpStatus, 403);
    assert.equal(error.sinchStatus, 'UNAUTHORIZED');
    assert.match(error.message, /no access to project/);
  });

  it('reports a wrong region as 404 and suggests another', async () => {
    assert.equal(sandbox.region, 'us', 'the default sandbox project lives in us');
    const client = clientFor(sandbox, { region: 'eu' });

    const listError = await rejectionOf(() => client.listApps());
    const checkError = await rejectionOf(() => client.checkCredentials());

    assert.ok(listError instanceof SinchApiError);
    assert.equal(listError.httpStatus, 404);
    assert.ok(checkError instanceof SinchApiError);
    assert.equal(checkError.httpStatus, 404);
    assert.match(checkError.message, /not found in region eu/);
    assert.match(checkError.message, /try us or br/);
  });

  it('checkCredentials returns the apps of a valid profile', async () => {
    const client = clientFor(sandbox);

    const apps = await client.checkCredentials();

    assert.deepEqual(
      apps.map((app) => app.id),
      sandbox.control.state().apps.map((app) => app.id),
    );
  });

  it('reports a 401 fault on the token endpoint as rejected credentials', async () => {
    const client = clientFor(sandbox);
    sandbox.control.injectFault({ route: 'token', kind: 'status', status: 401 });

    const error = await rejectionOf(() => client.listApps());

    assert.ok(error instanceof SinchApiError);
    assert.equal(error.kind, 'credentials');
    assert.equal(sandbox.control.requests('token').length, 1);
  });

  it('retries the token call after a 503', async () => {
    const client = clientFor(sandbox);
    sandbox.control.injectFault({ route: 'token', kind: 'status', status: 503 });

    await client.listApps();

    assert.deepEqual(
      sandbox.control.requests('token').map((record) => record.status),
      [503, 200],
    );
  });
});
