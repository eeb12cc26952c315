// The client-wide rate and concurrency limits, checked on the server side: the sandbox's
// request log for the rate, and a counting server of the test's own for concurrency.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SandboxHandle } from '../../src/sandbox/api';
import { ConversationClient } from '../../src/sinch';
import { clientFor, delay, openSandbox } from './client-helpers';

describe('client limits', function () {
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

  it('spreads 50 calls at 20 per second', async () => {
    const client = clientFor(sandbox, { authMethod: 'basic', maxRequestsPerSecond: 20, maxConcurrentRequests: 50 });

    // Opening 20 connections at once delays some arrivals by hundreds of milliseconds on a
    // busy machine, which would blur the server-side timing. Warm keep-alive connections first.
    await Promise.all(Array.from({ length: 20 }, () => client.listApps()));
    await delay(1100);
    sandbox.control.reset();

    await Promise.all(Array.from({ length: 50 }, () => client.listApps()));

    const times = sandbox.control
      .requests('listApps')
      .map((record) => record.at)
      .sort((a, b) => a - b);
    assert.equal(times.length, 50);
    // At most 20 starts fit in any one second, so request i and request i + 20 start at least
    // a second apart. 100 ms of slack covers the way from client to server log.
    for (let index = 0; index + 20 < times.length; index += 1) {
      const gap = times[index + 20] - times[index];
      assert.ok(gap >= 900, `requests ${index} and ${index + 20} arrived ${gap} ms apart`);
    }
    assert.ok(times[49] - times[0] >= 1800, `50 calls took only ${times[49] - times[0]} ms`);
    assert.equal(
      sandbox.control.requests('listApps').filter((record) => record.status === 429).length,
      0,
    );
  });

  it('keeps concurrency at the limit on the sandbox', async () => {
    sandbox.control.setLatency(150);
    const client = clientFor(sandbox, { authMethod: 'basic', maxConcurrentRequests: 3 });

    const started = Date.now();
    await Promise.all(Array.from({ length: 12 }, () => client.listApps()));
    const elapsed = Date.now() - started;

    // Twelve calls of at least 150 ms each, three at a time, need four rounds.
    assert.ok(elapsed >= 4 * 150 - 20, `12 calls finished in ${elapsed} ms`);
    const times = sandbox.control
      .requests('listApps')
      .map((record) => record.at)
      .sort((a, b) => a - b);
    for (let index = 0; index + 3 < times.length; index += 1) {
      const gap = times[index + 3] - times[index];
      assert.ok(gap >= 130, `requests ${index} and ${index + 3} were ${gap} ms apart, so four overlapped`);
    }
  });

  it('never has more requests in flight than the limit', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const server = http.createServer((request, response) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      setTimeout(() => {
        inFlight -= 1;
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ apps: [] }));
      }, 40);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    try {
      const client = new ConversationClient({
        projectId: 'project-1',
        region: 'us',
        keyId: 'key-1',
        keySecret: 'secret-of-the-counting-server',
        authMethod: 'basic',
        endpoints: { conversationUrl: `${base}/{region}`, authUrl: `${base}/oauth2/token` },
        maxConcurrentRequests: 4,
      });

      await Promise.all(Array.from({ length: 30 }, () => client.listApps()));
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }

    assert.equal(maxInFlight, 4, 'the limit is reached and never passed');
  });
});
