// Injected faults of every kind, before and after the state change, plus the rate limit
// and latency.
import * as assert from 'node:assert/strict';
import { startSandbox } from '../../src/sandbox';
import type { SandboxHandle } from '../../src/sandbox/api';
import { TokenBucket } from '../../src/sandbox/rateLimit';
import type { IdentityConflict } from '../../src/sinch/types';
import { basicAuth, errorOf, SandboxCaller, sleep } from './sandboxHttp';

describe('sandbox faults, rate limit and latency', () => {
  let sandbox: SandboxHandle;
  let caller: SandboxCaller;

  before(async () => {
    sandbox = await startSandbox({ port: 0 });
    caller = new SandboxCaller(sandbox);
  });

  beforeEach(() => {
    sandbox.control.reset('default');
    sandbox.control.setLatency(0, 0);
    sandbox.control.setRateLimit(800);
  });

  after(async () => {
    await sandbox.close();
  });

  function firstConflict(): IdentityConflict {
    return sandbox.control.state().conflicts[0];
  }

  function contactExists(id: string): boolean {
    return sandbox.control.state().contacts.some((contact) => contact.id === id);
  }

  function mergeCall(conflict: IdentityConflict): Promise<Response> {
    return fetch(`${sandbox.conversationUrl(sandbox.region)}/v1/projects/${sandbox.projectId}/contacts/${conflict.contact_ids[0]}:merge`, {
      method: 'POST',
      headers: { authorization: basicAuth(sandbox.keyId, sandbox.keySecret), 'content-type': 'application/json' },
      body: JSON.stringify({ source_id: conflict.contact_ids[1], strategy: 'MERGE' }),
    });
  }

  describe('status', () => {
    it('answers the next N calls with the status, Retry-After and headers', async () => {
      sandbox.control.injectFault({ route: 'listApps', kind: 'status', status: 503, retryAfter: '2', headers: { 'x-sandbox-test': 'yes' }, times: 2 });

      for (let i = 0; i < 2; i++) {
        const call = await caller.api('GET', 'apps');
        assert.equal(call.status, 503);
        assert.equal(errorOf(call).status, 'UNAVAILABLE');
        assert.equal(call.headers.get('retry-after'), '2');
        assert.equal(call.headers.get('x-sandbox-test'), 'yes');
      }
      assert.equal((await caller.api('GET', 'apps')).status, 200);

      const records = sandbox.control.requests('listApps');
      assert.deepEqual(records.map((record) => record.status), [503, 503, 200]);
      assert.deepEqual(records.map((record) => record.fault), ['status', 'status', undefined]);
    });

    it('applies only to the route it names', async () => {
      sandbox.control.injectFault({ route: 'getSettings', kind: 'status', status: 500 });
      assert.equal((await caller.api('GET', 'apps')).status, 200);
      assert.equal((await caller.api('GET', 'settings')).status, 500);
      assert.equal((await caller.api('GET', 'settings')).status, 200);
    });

    it('can fake an expired token with a www-authenticate header', async () => {
      sandbox.control.injectFault({
        route: 'listConflicts',
        kind: 'status',
        status: 401,
        headers: { 'www-authenticate': 'Bearer error="invalid_token", error_description="token expired"' },
      });
      const call = await caller.api('GET', 'contacts:identityConflicts');
      assert.equal(call.status, 401);
      assert.equal(errorOf(call).status, 'UNAUTHENTICATED');
      assert.match(call.headers.get('www-authenticate') ?? '', /expired/);
    });

    it('before a merge leaves both contacts in place', async () => {
      const conflict = firstConflict();
      sandbox.control.injectFault({ route: 'merge', kind: 'status', status: 500, when: 'before' });

      const response = await mergeCall(conflict);
      assert.equal(response.status, 500);
      assert.ok(contactExists(conflict.contact_ids[1]), 'the source still exists');
    });

    it('after a merge applies the merge and loses the answer', async () => {
      const conflict = firstConflict();
      sandbox.control.injectFault({ route: 'merge', kind: 'status', status: 502, when: 'after' });

      const response = await mergeCall(conflict);
      assert.equal(response.status, 502);
      assert.ok(!contactExists(conflict.contact_ids[1]), 'the source is gone');
    });

    it('after a create keeps the created contact', async () => {
      sandbox.control.injectFault({ route: 'createContact', kind: 'status', status: 504, when: 'after' });
      const call = await caller.api('POST', 'contacts', { body: { channel_identities: [{ channel: 'SMS', identity: '42' }] } });
      assert.equal(call.status, 504);
      assert.equal(sandbox.control.state().contacts.length, 151);
    });

    it('on the token endpoint', async () => {
      sandbox.control.injectFault({ route: 'token', kind: 'status', status: 429 });
      assert.equal((await caller.tokenCall()).status, 429);
      assert.equal((await caller.tokenCall()).status, 200);
    });
  });

  describe('reset', () => {
    it('before a merge drops the connection and changes nothing', async () => {
      const conflict = firstConflict();
      sandbox.control.injectFault({ route: 'merge', kind: 'reset', when: 'before' });

      await assert.rejects(mergeCall(conflict));
      assert.ok(contactExists(conflict.contact_ids[1]), 'the source still exists');
      assert.deepEqual(firstConflict(), conflict);
      assert.equal(sandbox.control.requests('merge')[0].status, 0);
      assert.equal(sandbox.control.requests('merge')[0].fault, 'reset');
    });

    it('after a merge drops the connection but the source is gone', async () => {
      const conflict = firstConflict();
      sandbox.control.injectFault({ route: 'merge', kind: 'reset', when: 'after' });

      await assert.rejects(mergeCall(conflict));
      assert.ok(!contactExists(conflict.contact_ids[1]), 'the source is gone');
      const destination = await caller.api('GET', `contacts/${conflict.contact_ids[0]}`);
      assert.ok(destination.json.channel_identities.some((held: { identity: string }) => held.identity === conflict.identity));
    });

    it('on a read leaves the next read working', async () => {
      sandbox.control.injectFault({ route: 'listContacts', kind: 'reset' });
      await assert.rejects(caller.api('GET', 'contacts'));
      assert.equal((await caller.api('GET', 'contacts')).status, 200);
    });
  });

  describe('malformed', () => {
    it('before answers 200 with a body that is not JSON', async () => {
      sandbox.control.injectFault({ route: 'listConflicts', kind: 'malformed' });
      const call = await caller.api('GET', 'contacts:identityConflicts');
      assert.equal(call.status, 200);
      assert.equal(call.json, undefined);
      assert.throws(() => JSON.parse(call.text));
    });

    it('after a merge applies it and sends a broken body', async () => {
      const conflict = firstConflict();
      sandbox.control.injectFault({ route: 'merge', kind: 'malformed', when: 'after' });

      const response = await mergeCall(conflict);
      assert.equal(response.status, 200);
      await assert.rejects(response.json());
      assert.ok(!contactExists(conflict.contact_ids[1]));
    });
  });

  describe('delay', () => {
    it('before holds the call, then answers normally', async () => {
      const contact = sandbox.control.state().contacts[0];
      sandbox.control.injectFault({ route: 'getContact', kind: 'delay', delayMs: 200 });

      const started = Date.now();
      const call = await caller.api('GET', `contacts/${contact.id}`);
      assert.ok(Date.now() - started >= 190, 'the answer waited');
      assert.equal(call.status, 200);
      assert.equal(call.json.id, contact.id);
    });

    it('before a merge changes nothing until the delay ends', async () => {
      const conflict = firstConflict();
      sandbox.control.injectFault({ route: 'merge', kind: 'delay', delayMs: 300, when: 'before' });

      const pending = mergeCall(conflict);
      await sleep(100);
      assert.ok(contactExists(conflict.contact_ids[1]), 'the source exists during the delay');
      assert.equal((await pending).status, 200);
      assert.ok(!contactExists(conflict.contact_ids[1]));
    });

    it('after a merge holds the answer of an applied merge', async () => {
      const conflict = firstConflict();
      sandbox.control.injectFault({ route: 'merge', kind: 'delay', delayMs: 300, when: 'after' });

      const pending = mergeCall(conflict);
      await sleep(100);
      assert.ok(!contactExists(conflict.contact_ids[1]), 'the source is gone before the answer arrives');
      assert.equal((await pending).status, 200);
    });
  });

  describe('fault control', () => {
    it('counts down times and clears', async () => {
      sandbox.control.injectFault({ route: 'listApps', kind: 'status', status: 500, times: 5 });
      assert.equal((await caller.api('GET', 'apps')).status, 500);
      sandbox.control.clearFaults();
      assert.equal((await caller.api('GET', 'apps')).status, 200);
    });

    it('applies faults of one route in the order they were injected', async () => {
      sandbox.control.injectFault({ route: 'listApps', kind: 'status', status: 500 });
      sandbox.control.injectFault({ route: 'listApps', kind: 'status', status: 503 });
      assert.equal((await caller.api('GET', 'apps')).status, 500);
      assert.equal((await caller.api('GET', 'apps')).status, 503);
      assert.equal((await caller.api('GET', 'apps')).status, 200);
    });

    it('rejects invalid fault specs', () => {
      assert.throws(() => sandbox.control.injectFault({ route: 'nope' as 'merge', kind: 'reset' }), /route/);
      assert.throws(() => sandbox.control.injectFault({ route: 'merge', kind: 'explode' as 'reset' }), /kind/);
      assert.throws(() => sandbox.control.injectFault({ route: 'merge', kind: 'status' }), /status/);
      assert.throws(() => sandbox.control.injectFault({ route: 'merge', kind: 'status', status: 200 }), /status/);
      assert.throws(() => sandbox.control.injectFault({ route: 'merge', kind: 'delay' }), /delayMs/);
      assert.throws(() => sandbox.control.injectFault({ route: 'merge', kind: 'reset', times: 0 }), /times/);
      assert.throws(() => sandbox.control.injectFault({ route: 'merge', kind: 'reset', when: 'during' as 'after' }), /when/);
    });
  });

  describe('rate limit', () => {
    it('answers 429 RESOURCE_EXHAUSTED with Retry-After: 1 past the limit', async function () {
      this.timeout(5000);
      sandbox.control.setRateLimit(5);

      const started = Date.now();
      const calls = await Promise.all(Array.from({ length: 12 }, () => caller.api('GET', 'apps')));
      const refilled = Math.ceil(((Date.now() - started) / 1000) * 5);
      const statuses = calls.map((call) => call.status);
      const limited = calls.filter((call) => call.status === 429);

      assert.ok(statuses.filter((status) => status === 200).length <= 5 + refilled, `the bucket's 5 and its refill pass: ${statuses}`);
      assert.ok(limited.length >= 12 - 5 - refilled, `the rest are limited: ${statuses}`);
      assert.ok(limited.length > 0, `some calls are limited: ${statuses}`);
      for (const call of limited) {
        assert.equal(call.headers.get('retry-after'), '1');
        assert.equal(errorOf(call).status, 'RESOURCE_EXHAUSTED');
      }

      // The token endpoint is not counted against the project.
      assert.equal((await caller.tokenCall()).status, 200);

      await sleep(1100);
      assert.equal((await caller.api('GET', 'apps')).status, 200, 'the bucket refilled');
    });

    it('refills continuously at the limit per second', () => {
      const bucket = new TokenBucket(10, 0);
      let taken = 0;
      while (bucket.tryTake(0)) {
        taken++;
      }
      assert.equal(taken, 10, 'capacity equals the limit');
      assert.equal(bucket.tryTake(50), false, 'half a token after 50 ms');
      assert.equal(bucket.tryTake(100), true, 'one token after 100 ms');
      assert.equal(bucket.tryTake(100), false);
      assert.equal(bucket.tryTake(10_000), true, 'refill stops at capacity');
    });
  });

  describe('latency', () => {
    it('holds each answer for the fixed latency plus jitter', async () => {
      sandbox.control.setLatency(80, 40);
      const started = Date.now();
      const call = await caller.api('GET', 'apps');
      const elapsed = Date.now() - started;

      assert.equal(call.status, 200);
      assert.ok(elapsed >= 75, `waited ${elapsed} ms`);
      assert.ok(elapsed < 1000, `waited ${elapsed} ms`);
      const record = sandbox.control.requests('listApps')[0];
      assert.equal(typeof record.serverMs, 'number');
      assert.ok(record.serverMs! < 50, 'serverMs leaves the latency out');
    });

    it('rejects negative latency', () => {
      assert.throws(() => sandbox.control.setLatency(-1), /fixedMs/);
      assert.throws(() => sandbox.control.setLatency(0, -5), /jitterMs/);
    });
  });
});
