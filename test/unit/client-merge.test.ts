// Merge outcomes against the sandbox: success, a response lost after the merge was applied,
// a failure before it was applied, and a rejected merge. The POST is never sent twice.
import * as assert from 'node:assert/strict';
import type { SandboxHandle } from '../../src/sandbox/api';
import { SinchApiError, type ConversationClient, type IdentityConflict } from '../../src/sinch';
import { clientFor, collect, delay, openSandbox, rejectionOf } from './client-helpers';

describe('client merge', function () {
  this.timeout(20_000);
  let sandbox: SandboxHandle;
  let client: ConversationClient;
  let target: IdentityConflict;

  before(async () => {
    sandbox = await openSandbox();
  });

  after(async () => {
    await sandbox.close();
  });

  beforeEach(async () => {
    sandbox.control.reset();
    client = clientFor(sandbox);
    const conflicts = await collect(client.identityConflicts());
    assert.ok(conflicts.length > 0, 'the default seed has conflicts');
    target = conflicts[0];
  });

  function contactExists(id: string): boolean {
    return sandbox.control.state().contacts.some((contact) => contact.id === id);
  }

  it('merges and returns the kept contact', async () => {
    const [destination, source] = target.contact_ids;

    const outcome = await client.mergeContacts(destination, source, { identity: target.identity });

    assert.equal(outcome.status, 'merged');
    assert.ok(outcome.status === 'merged');
    assert.equal(outcome.contact.id, destination);
    assert.equal(outcome.reconciled, false);
    assert.equal(contactExists(source), false);
    assert.equal(sandbox.control.requests('merge').length, 1);
  });

  for (const fault of [
    { kind: 'reset' as const, label: 'a reset' },
    { kind: 'status' as const, status: 500, label: 'a 500' },
    { kind: 'malformed' as const, label: 'an unreadable body' },
  ]) {
    it(`reconciles ${fault.label} after the merge was applied as merged`, async () => {
      const [destination, source] = target.contact_ids;
      sandbox.control.injectFault({ route: 'merge', kind: fault.kind, status: fault.status, when: 'after' });

      const outcome = await client.mergeContacts(destination, source, { identity: target.identity });

      assert.equal(outcome.status, 'merged');
      assert.ok(outcome.status === 'merged');
      assert.equal(outcome.reconciled, true);
      assert.equal(outcome.contact.id, destination);
      assert.ok(outcome.error instanceof SinchApiError);
      assert.equal(sandbox.control.requests('merge').length, 1, 'the POST was sent exactly once');
      assert.equal(contactExists(source), false);
    });
  }

  for (const fault of [
    { kind: 'reset' as const, label: 'a reset' },
    { kind: 'status' as const, status: 500, label: 'a 500' },
    { kind: 'status' as const, status: 503, label: 'a 503' },
  ]) {
    it(`reconciles ${fault.label} before the merge was applied as not merged`, async () => {
      const [destination, source] = target.contact_ids;
      sandbox.control.injectFault({ route: 'merge', kind: fault.kind, status: fault.status, when: 'before' });

      const outcome = await client.mergeContacts(destination, source, { identity: target.identity });

      assert.equal(outcome.status, 'not merged');
      assert.ok(outcome.status === 'not merged');
      assert.ok(outcome.error instanceof SinchApiError);
      assert.equal(sandbox.control.requests('merge').length, 1, 'the POST was sent exactly once');
      assert.equal(contactExists(source), true);
      assert.deepEqual(
        sandbox.control.requests('getContact').map((record) => record.status),
        [200],
        'the source was read once and still exists',
      );
    });
  }

  it('reconciles without an identity by the source alone', async () => {
    const [destination, source] = target.contact_ids;
    sandbox.control.injectFault({ route: 'merge', kind: 'reset', when: 'after' });

    const outcome = await client.mergeContacts(destination, source);

    assert.equal(outcome.status, 'merged');
    assert.equal(sandbox.control.requests('merge').length, 1);
  });

  it('returns unknown when the destination lacks the identity', async () => {
    const [destination, source] = target.contact_ids;
    sandbox.control.injectFault({ route: 'merge', kind: 'reset', when: 'after' });

    const outcome = await client.mergeContacts(destination, source, { identity: 'an-identity-nobody-holds' });

    assert.equal(outcome.status, 'unknown');
    assert.equal(sandbox.control.requests('merge').length, 1);
  });

  it('returns unknown when the contacts cannot be read', async () => {
    const [destination, source] = target.contact_ids;
    const quick = clientFor(sandbox, { maxRetries: 0 });
    sandbox.control.injectFault({ route: 'merge', kind: 'status', status: 500, when: 'after' });
    sandbox.control.injectFault({ route: 'getContact', kind: 'status', status: 503 });

    const outcome = await quick.mergeContacts(destination, source, { identity: target.identity });

    assert.equal(outcome.status, 'unknown');
    assert.ok(outcome.status === 'unknown');
    assert.equal(outcome.error.httpStatus, 500, 'the merge failure is reported, not the read failure');
    assert.equal(sandbox.control.requests('merge').length, 1);
  });

  it('reports a merge into itself as not merged', async () => {
    const [destination] = target.contact_ids;

    const outcome = await client.mergeContacts(destination, destination, { identity: target.identity });

    assert.equal(outcome.status, 'not merged');
    assert.ok(outcome.status === 'not merged');
    assert.ok((outcome.error.httpStatus ?? 0) >= 400, `status ${outcome.error.httpStatus}`);
    assert.ok((outcome.error.httpStatus ?? 0) < 500, `status ${outcome.error.httpStatus}`);
    assert.equal(sandbox.control.requests('merge').length, 1);
    assert.equal(sandbox.control.requests('getContact').length, 0, 'a 4xx needs no reconciliation');
    assert.equal(contactExists(destination), true);
  });

  it('reports an unknown source as not merged', async () => {
    const [destination] = target.contact_ids;

    const outcome = await client.mergeContacts(destination, '01ARZ3NDEKTSV4RRFFQ69G5FAV');

    assert.equal(outcome.status, 'not merged');
    assert.equal(sandbox.control.requests('merge').length, 1);
  });

  it('does not retry a 429 on merge', async () => {
    const [destination, source] = target.contact_ids;
    sandbox.control.injectFault({ route: 'merge', kind: 'status', status: 429, retryAfter: '0' });

    const outcome = await client.mergeContacts(destination, source);

    assert.equal(outcome.status, 'not merged');
    assert.equal(sandbox.control.requests('merge').length, 1);
    assert.equal(contactExists(source), true);
  });

  it('resends a merge once after an expired-token 401', async () => {
    const [destination, source] = target.contact_ids;
    sandbox.control.injectFault({
      route: 'merge',
      kind: 'status',
      status: 401,
      headers: { 'www-authenticate': 'Bearer error="invalid_token", error_description="token expired"' },
    });

    const outcome = await client.mergeContacts(destination, source, { identity: target.identity });

    assert.equal(outcome.status, 'merged');
    assert.deepEqual(
      sandbox.control.requests('merge').map((record) => record.status),
      [401, 200],
      'a request rejected for its token was not processed, so it is sent once more',
    );
  });

  it('returns not merged when cancelled before sending', async () => {
    const [destination, source] = target.contact_ids;
    const controller = new AbortController();
    controller.abort();

    const outcome = await client.mergeContacts(destination, source, {}, controller.signal);

    assert.equal(outcome.status, 'not merged');
    assert.ok(outcome.status === 'not merged');
    assert.equal(outcome.error.kind, 'cancelled');
    assert.equal(sandbox.control.requests('merge').length, 0);
  });

  it('returns unknown when cancelled in flight', async () => {
    const [destination, source] = target.contact_ids;
    sandbox.control.injectFault({ route: 'merge', kind: 'delay', delayMs: 300 });
    const controller = new AbortController();

    const pending = client.mergeContacts(destination, source, {}, controller.signal);
    await delay(100);
    controller.abort();
    const outcome = await pending;

    assert.equal(outcome.status, 'unknown');
    assert.ok(outcome.status === 'unknown');
    assert.equal(outcome.error.kind, 'cancelled');
    await delay(400);
    assert.equal(sandbox.control.requests('merge').length, 1, 'the POST was sent once and not again');
  });

  it('rejects a missing source ID before sending', async () => {
    const [destination] = target.contact_ids;

    const error = await rejectionOf(() => client.mergeContacts(destination, ''));

    assert.ok(error instanceof SinchApiError);
    assert.equal(error.kind, 'config');
    assert.equal(sandbox.control.requests('merge').length, 0);
  });
});
