// Retries, backoff, timeouts, cancellation and malformed bodies against the sandbox.
import * as assert from 'node:assert/strict';
import type { RequestRecord, SandboxHandle } from '../../src/sandbox/api';
import { SinchApiError } from '../../src/sinch';
import { clientFor, delay, openSandbox, rejectionOf } from './client-helpers';

function gapsMs(records: RequestRecord[]): number[] {
  return records.slice(1).map((record, index) => record.at - records[index].at);
}

describe('client retries and failures', function () {
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
    sandbox.control.setLatency(0);
  });

  it('honours Retry-After in seconds on a 429', async () => {
    const client = clientFor(sandbox, { authMethod: 'basic' });
    sandbox.control.injectFault({ route: 'listApps', kind: 'status', status: 429, retryAfter: '1' });

    await client.listApps();

    const records = sandbox.control.requests('listApps');
    assert.deepEqual(records.map((record) => record.status), [429, 200]);
    // The backoff alone would wait at most 50 ms (retryCapMs), so a gap near 1 s is the header's.
    assert.ok(gapsMs(records)[0] >= 900, `waited ${gapsMs(records)[0]} ms, expected about 1000`);
  });

  it('honours Retry-After as an HTTP date', async () => {
    const client = clientFor(sandbox, { authMethod: 'basic' });
    // HTTP dates have whole seconds, so 2 s ahead leaves between 1 and 2 s to wait.
    const retryAt = new Date(Date.now() + 2000).toUTCString();
    sandbox.control.injectFault({ route: 'listApps', kind: 'status', status: 429, retryAfter: retryAt });

    await client.listApps();

    const records = sandbox.control.requests('listApps');
    assert.deepEqual(records.map((record) => record.status), [429, 200]);
    assert.ok(gapsMs(records)[0] >= 800, `waited ${gapsMs(records)[0]} ms, expected 1000 to 2000`);
  });

  it('caps a long Retry-After', async () => {
    const client = clientFor(sandbox, { authMethod: 'basic', retryAfterCapMs: 200 });
    sandbox.control.injectFault({ route: 'listApps', kind: 'status', status: 429, retryAfter: '30' });

    await client.listApps();

    const records = sandbox.control.requests('listApps');
    assert.deepEqual(records.map((record) => record.status), [429, 200]);
    assert.ok(gapsMs(records)[0] < 2000, `waited ${gapsMs(records)[0]} ms despite the 200 ms cap`);
  });

  it('backs off on a 429 without Retry-After', async () => {
    const client = clientFor(sandbox, { authMethod: 'basic' });
    sandbox.control.injectFault({ route: 'listApps', kind: 'status', status: 429, times: 2 });

    await client.listApps();

    const records = sandbox.control.requests('listApps');
    assert.deepEqual(records.map((record) => record.status), [429, 429, 200]);
    for (const gap of gapsMs(records)) {
      assert.ok(gap < 500, `gap ${gap} ms exceeds the 50 ms backoff cap by far`);
    }
  });

  it('gives up on a 5xx after maxRetries', async () => {
    const client = clientFor(sandbox, { authMethod: 'basic', maxRetries: 3, retryBaseMs: 20, retryCapMs: 40 });
    sandbox.control.injectFault({ route: 'listApps', kind: 'status', status: 503, times: 10 });

    const error = await rejectionOf(() => client.listApps());

    assert.ok(error instanceof SinchApiError);
    assert.equal(error.kind, 'http');
    assert.equal(error.httpStatus, 503);
    assert.equal(error.sinchStatus, 'UNAVAILABLE');
    assert.equal(error.retries, 3);
    assert.match(error.message, /after 3 retries/);
    assert.equal(error.operation, 'list apps');
    assert.equal(error.method, 'GET');
    assert.equal(error.path, `/v1/projects/${sandbox.projectId}/apps`);

    const records = sandbox.control.requests('listApps');
    assert.equal(records.length, 4, 'one call and three retries');
    for (const gap of gapsMs(records)) {
      assert.ok(gap < 500, `gap ${gap} ms exceeds the 40 ms backoff cap by far`);
    }
  });

  it('recovers from 500s within maxRetries', async () => {
    const client = clientFor(sandbox, { authMethod: 'basic' });
    sandbox.control.injectFault({ route: 'getSettings', kind: 'status', status: 500, times: 2 });

    const settings = await client.getProjectSettings();

    assert.equal(settings.project_id, sandbox.projectId);
    assert.deepEqual(
      sandbox.control.requests('getSettings').map((record) => record.status),
      [500, 500, 200],
    );
  });

  it('does not retry a 4xx', async () => {
    const client = clientFor(sandbox, { authMethod: 'basic' });

    const error = await rejectionOf(() => client.getContact('01ARZ3NDEKTSV4RRFFQ69G5FAV'));

    assert.ok(error instanceof SinchApiError);
    assert.equal(error.httpStatus, 404);
    assert.equal(error.sinchStatus, 'NOT_FOUND');
    assert.equal(sandbox.control.requests('getContact').length, 1);
  });

  it('retries after a connection reset', async () => {
    const client = clientFor(sandbox, { authMethod: 'basic' });
    sandbox.control.injectFault({ route: 'listApps', kind: 'reset' });

    const apps = await client.listApps();

    assert.ok(apps.length > 0);
    assert.equal(sandbox.control.requests('listApps').length, 2);
  });

  it('times out a slow response', async () => {
    const client = clientFor(sandbox, { authMethod: 'basic', timeoutMs: 200, maxRetries: 0 });
    sandbox.control.injectFault({ route: 'listApps', kind: 'delay', delayMs: 2000 });

    const started = Date.now();
    const error = await rejectionOf(() => client.listApps());
    const elapsed = Date.now() - started;

    assert.ok(error instanceof SinchApiError);
    assert.equal(error.kind, 'timeout');
    assert.match(error.message, /List apps failed: .* did not answer within 200 ms/);
    assert.ok(elapsed < 1500, `took ${elapsed} ms, the delay fault lasts 2000`);
  });

  it('retries a GET after a timeout', async () => {
    const client = clientFor(sandbox, { authMethod: 'basic', timeoutMs: 300, maxRetries: 2 });
    sandbox.control.injectFault({ route: 'listApps', kind: 'delay', delayMs: 600 });

    const apps = await client.listApps();
    // The sandbox logs a request when it sends the response, so the slow first call shows up later.
    await delay(600);

    assert.ok(apps.length > 0);
    assert.equal(sandbox.control.requests('listApps').length, 2, 'the slow call was sent again');
  });

  it('cancels a call in flight promptly', async () => {
    const client = clientFor(sandbox, { authMethod: 'basic' });
    sandbox.control.injectFault({ route: 'listApps', kind: 'delay', delayMs: 3000 });
    const controller = new AbortController();

    const started = Date.now();
    const pending = rejectionOf(() => client.listApps(controller.signal));
    await delay(100);
    controller.abort();
    const error = await pending;
    const elapsed = Date.now() - started;

    assert.ok(error instanceof SinchApiError);
    assert.equal(error.kind, 'cancelled');
    assert.equal(error.message, 'List apps was cancelled.');
    assert.ok(elapsed < 1000, `took ${elapsed} ms to cancel`);
  });

  it('frees the limiter slot of a cancelled call', async () => {
    const client = clientFor(sandbox, { authMethod: 'basic', maxConcurrentRequests: 1 });
    sandbox.control.injectFault({ route: 'listApps', kind: 'delay', delayMs: 3000 });
    const controller = new AbortController();

    const slow = rejectionOf(() => client.listApps(controller.signal));
    await delay(100);
    const queued = client.getProjectSettings();
    await delay(50);
    controller.abort();

    const started = Date.now();
    const settings = await queued;
    const waited = Date.now() - started;

    assert.equal(settings.project_id, sandbox.projectId);
    assert.ok(waited < 1000, `the queued call waited ${waited} ms for the cancelled call's slot`);
    const error = await slow;
    assert.ok(error instanceof SinchApiError);
    assert.equal(error.kind, 'cancelled');
  });

  it('cancels a call waiting for a slot', async () => {
    const client = clientFor(sandbox, { authMethod: 'basic', maxConcurrentRequests: 1 });
    sandbox.control.injectFault({ route: 'listApps', kind: 'delay', delayMs: 500 });
    const controller = new AbortController();

    const first = client.listApps();
    await delay(50);
    const waiting = rejectionOf(() => client.getProjectSettings(controller.signal));
    await delay(50);
    controller.abort();
    const error = await waiting;

    assert.ok(error instanceof SinchApiError);
    assert.equal(error.kind, 'cancelled');
    assert.equal(error.requestSent, false);
    await first;
    assert.equal(sandbox.control.requests('getSettings').length, 0, 'the waiting call was never sent');
  });

  it('rejects an already aborted signal without sending', async () => {
    const client = clientFor(sandbox, { authMethod: 'basic' });
    const controller = new AbortController();
    controller.abort();

    const error = await rejectionOf(() => client.listApps(controller.signal));

    assert.ok(error instanceof SinchApiError);
    assert.equal(error.kind, 'cancelled');
    assert.equal(sandbox.control.requests('listApps').length, 0);
  });

  it('reports invalid JSON as malformed, naming the operation', async () => {
    const client = clientFor(sandbox, { authMethod: 'basic' });
    sandbox.control.injectFault({ route: 'listConflicts', kind: 'malformed' });

    const error = await rejectionOf(() => client.listIdentityConflictsPage());

    assert.ok(error instanceof SinchApiError);
    assert.equal(error.kind, 'malformed');
    assert.equal(error.operation, 'list identity conflicts');
    assert.match(error.message, /^List identity conflicts failed: .*not valid JSON/);
    assert.equal(sandbox.control.requests('listConflicts').length, 1, 'a malformed body is not retried');
  });
});
