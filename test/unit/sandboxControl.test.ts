// The control HTTP routes under /__sandbox/ and the loopback checks.
import * as assert from 'node:assert/strict';
import { startSandbox } from '../../src/sandbox';
import type { RequestRecord, SandboxHandle, SandboxState } from '../../src/sandbox/api';
import { isLoopbackAddress, isLoopbackHost } from '../../src/sandbox/loopback';
import { errorOf, SandboxCaller, sleep } from './sandboxHttp';

describe('sandbox control routes', () => {
  let sandbox: SandboxHandle;
  let caller: SandboxCaller;

  before(async () => {
    sandbox = await startSandbox({ port: 0 });
    caller = new SandboxCaller(sandbox);
  });

  beforeEach(async () => {
    await caller.control('POST', 'reset', { seed: 'default' });
    await caller.control('POST', 'latency', { fixedMs: 0, jitterMs: 0 });
    await caller.control('POST', 'rate-limit', { requestsPerSecond: 800 });
    await caller.control('POST', 'token-lifetime', { seconds: 3600 });
  });

  after(async () => {
    await sandbox.close();
  });

  it('POST latency sets the latency', async () => {
    const set = await caller.control('POST', 'latency', { fixedMs: 120, jitterMs: 0 });
    assert.equal(set.status, 200);
    assert.deepEqual(set.json, { fixedMs: 120, jitterMs: 0 });

    const started = Date.now();
    await caller.api('GET', 'settings');
    assert.ok(Date.now() - started >= 115);

    const controlStarted = Date.now();
    await caller.control('GET', 'faults');
    assert.ok(Date.now() - controlStarted < 100, 'control routes answer without latency');
  });

  it('POST latency rejects invalid values with 400', async () => {
    const call = await caller.control('POST', 'latency', { fixedMs: 'fast' });
    assert.equal(call.status, 400);
    assert.match(errorOf(call).message, /fixedMs/);
  });

  it('POST rate-limit sets the limit', async function () {
    this.timeout(5000);
    const set = await caller.control('POST', 'rate-limit', { requestsPerSecond: 2 });
    assert.equal(set.status, 200);
    assert.deepEqual(set.json, { requestsPerSecond: 2 });

    const statuses = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await caller.api('GET', 'apps')).status);
    }
    assert.deepEqual(statuses.slice(0, 2), [200, 200]);
    assert.ok(statuses.slice(2).includes(429), `${statuses}`);
    assert.equal((await caller.control('POST', 'rate-limit', { requestsPerSecond: 0 })).status, 400);
  });

  it('POST token-lifetime sets the lifetime of new tokens', async () => {
    const set = await caller.control('POST', 'token-lifetime', { seconds: 7 });
    assert.equal(set.status, 200);
    assert.equal((await caller.tokenCall()).json.expires_in, 7);
    assert.equal((await caller.control('POST', 'token-lifetime', { seconds: 1.5 })).status, 400);
  });

  it('POST, GET and DELETE faults', async () => {
    const added = await caller.control('POST', 'faults', { route: 'listApps', kind: 'status', status: 500, times: 3 });
    assert.equal(added.status, 200);
    assert.equal(added.json.faults.length, 1);

    assert.equal((await caller.api('GET', 'apps')).status, 500);
    const listed = await caller.control('GET', 'faults');
    assert.equal(listed.json.faults[0].remaining, 2);

    assert.equal((await caller.control('DELETE', 'faults')).status, 200);
    assert.deepEqual((await caller.control('GET', 'faults')).json.faults, []);
    assert.equal((await caller.api('GET', 'apps')).status, 200);
  });

  it('POST faults rejects an invalid spec with 400', async () => {
    const call = await caller.control('POST', 'faults', { route: 'merge', kind: 'status' });
    assert.equal(call.status, 400);
    assert.match(errorOf(call).message, /status/);
  });

  it('POST reset switches seeds and clears faults and the request log', async () => {
    await caller.control('POST', 'faults', { route: 'listApps', kind: 'reset' });
    await caller.api('GET', 'settings');

    const empty = await caller.control('POST', 'reset', { seed: 'empty' });
    assert.equal(empty.status, 200);
    assert.deepEqual(empty.json, { contacts: 0, conflicts: 0 });
    assert.deepEqual((await caller.control('GET', 'faults')).json.faults, []);
    const apiRecords = sandbox.control.requests().filter((record) => record.route !== 'control');
    assert.deepEqual(apiRecords, [], 'the request log is cleared');

    const large = await caller.control('POST', 'reset', { seed: 'large', largeConflicts: 50 });
    assert.deepEqual(large.json, { contacts: 100, conflicts: 50 });

    assert.equal((await caller.control('POST', 'reset', { seed: 'huge' })).status, 400);
    assert.equal((await caller.control('POST', 'reset', { seed: 'large', largeConflicts: -1 })).status, 400);
  });

  it('POST reset without a seed restores the starting seed', async () => {
    await caller.control('POST', 'reset', { seed: 'empty' });
    const call = await caller.control('POST', 'reset', {});
    assert.deepEqual(call.json, { contacts: 150, conflicts: 30 });
  });

  it('GET state returns the data', async () => {
    const call = await caller.control('GET', 'state');
    assert.equal(call.status, 200);
    const state = call.json as SandboxState;
    assert.equal(state.projectId, sandbox.projectId);
    assert.equal(state.apps.length, 6);
    assert.equal(state.contacts.length, 150);
    assert.equal(state.conflicts.length, 30);
    assert.equal(state.unifiedContactIdEnabled, false);
    const direct = JSON.parse(JSON.stringify(sandbox.control.state())) as SandboxState;
    assert.deepEqual(state.apps, direct.apps);
    assert.deepEqual(state.contacts, direct.contacts);
    assert.deepEqual(state.conflicts, direct.conflicts);
  });

  it('state() returns a copy that cannot change the sandbox', () => {
    const state = sandbox.control.state();
    state.contacts[0].display_name = 'changed';
    state.conflicts.pop();
    const fresh = sandbox.control.state();
    assert.notEqual(fresh.contacts[0].display_name, 'changed');
    assert.equal(fresh.conflicts.length, 30);
  });

  it('GET requests lists recorded calls, filtered by route', async () => {
    await caller.api('GET', 'apps');
    await caller.api('GET', 'settings');
    await caller.api('GET', 'contacts?page_size=2&client_secret=hunter2');
    await caller.api('GET', 'nowhere');

    const recorded = (await caller.control('GET', 'requests')).json.requests as RequestRecord[];
    assert.ok(recorded.some((record) => record.route === 'control' && record.path === '/__sandbox/reset'), 'control calls are recorded too');

    const all = recorded.filter((record) => record.route !== 'control');
    assert.deepEqual(all.map((record) => record.route), ['listApps', 'getSettings', 'listContacts', 'unknown']);

    const [apps] = all;
    assert.equal(apps.method, 'GET');
    assert.equal(apps.path, `/us/v1/projects/${sandbox.projectId}/apps`);
    assert.equal(apps.status, 200);
    assert.ok(Math.abs(apps.at - Date.now()) < 10_000);
    assert.equal(typeof apps.serverMs, 'number');

    assert.ok(all[2].path.includes('page_size=2'));
    assert.ok(!all[2].path.includes('hunter2'), 'secret-like query values are not recorded');
    assert.equal(all[3].status, 404);

    const filtered = (await caller.control('GET', 'requests?route=getSettings')).json.requests as RequestRecord[];
    assert.deepEqual(filtered.map((record) => record.route), ['getSettings']);
  });

  it('never records credentials', async () => {
    const token = await caller.token();
    await caller.api('GET', 'apps', { authorization: `Bearer ${token}` });
    const text = JSON.stringify(sandbox.control.requests());
    assert.ok(!text.includes(token));
    assert.ok(!text.includes(sandbox.keySecret));
  });

  it('answers an unknown control route with 404', async () => {
    const call = await caller.control('GET', 'nothing-here');
    assert.equal(call.status, 404);
    assert.equal(errorOf(call).status, 'NOT_FOUND');
  });

  it('answers a control body that is not JSON with 400', async () => {
    const response = await fetch(`${sandbox.baseUrl}/__sandbox/latency`, { method: 'POST', body: 'fixedMs=5' });
    assert.equal(response.status, 400);
  });

  it('close() returns while a delayed answer is pending', async () => {
    const other = await startSandbox({ port: 0, seed: 'empty', latencyMs: 60_000 });
    const pending = new SandboxCaller(other).api('GET', 'apps').catch((error: unknown) => error);
    await sleep(50);
    await other.close();
    assert.ok((await pending) instanceof Error, 'the pending call fails instead of hanging');
  });

  it('recognises loopback addresses and host names', () => {
    for (const address of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) {
      assert.ok(isLoopbackAddress(address), address);
    }
    for (const address of ['10.0.0.1', '192.168.1.5', '::ffff:10.0.0.1', 'fe80::1', '', undefined]) {
      assert.ok(!isLoopbackAddress(address), String(address));
    }
    for (const host of ['127.0.0.1:8080', 'localhost', 'LOCALHOST:1', '[::1]:80']) {
      assert.ok(isLoopbackHost(host), host);
    }
    for (const host of ['example.com', 'localhost.example.com', '127.0.0.1.nip.io', '', undefined]) {
      assert.ok(!isLoopbackHost(host), String(host));
    }
  });
});
