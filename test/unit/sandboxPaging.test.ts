// Paging of contacts and conflicts: page sizes, the empty token on the last page, invalid
// tokens, and cursors that stay valid while contacts are merged and created between pages.
import * as assert from 'node:assert/strict';
import { startSandbox } from '../../src/sandbox';
import type { SandboxHandle } from '../../src/sandbox/api';
import type { Contact, IdentityConflict } from '../../src/sinch/types';
import { errorOf, SandboxCaller } from './sandboxHttp';

describe('sandbox paging', () => {
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

  /** Reads pages until next_page_token is "", returning the items and the page count. */
  async function readAll<T>(path: string, key: 'contacts' | 'conflicts', pageSize: number): Promise<{ items: T[]; pages: number }> {
    const items: T[] = [];
    let token = '';
    let pages = 0;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const call = await caller.api('GET', `${path}${separator}page_size=${pageSize}${token ? `&page_token=${token}` : ''}`);
      assert.equal(call.status, 200, call.text);
      assert.equal(typeof call.json.next_page_token, 'string');
      items.push(...call.json[key]);
      token = call.json.next_page_token;
      pages++;
      assert.ok(pages < 1000, 'paging ends');
    } while (token !== '');
    return { items, pages };
  }

  it('pages through all conflicts and ends with ""', async () => {
    const { items, pages } = await readAll<IdentityConflict>('contacts:identityConflicts', 'conflicts', 20);
    assert.equal(pages, 2);
    assert.deepEqual(items, sandbox.control.state().conflicts);
  });

  it('pages through all contacts in ID order', async () => {
    const { items, pages } = await readAll<Contact>('contacts', 'contacts', 20);
    assert.equal(pages, 8);
    assert.equal(items.length, 150);
    assert.deepEqual(items, sandbox.control.state().contacts);

    const ids = items.map((contact) => contact.id);
    assert.deepEqual([...ids].sort(), ids);
  });

  it('sends "" on a last page that is exactly full', async () => {
    const call = await caller.api('GET', 'contacts:identityConflicts?page_size=15');
    const last = await caller.api('GET', `contacts:identityConflicts?page_size=15&page_token=${call.json.next_page_token}`);
    assert.equal(last.json.conflicts.length, 15);
    assert.equal(last.json.next_page_token, '');
  });

  it('sends "" on the only page of a small list', async () => {
    sandbox.control.reset('empty');
    const contacts = await caller.api('GET', 'contacts');
    const conflicts = await caller.api('GET', 'contacts:identityConflicts');
    assert.deepEqual(contacts.json, { contacts: [], next_page_token: '' });
    assert.deepEqual(conflicts.json, { conflicts: [], next_page_token: '' });
  });

  for (const path of ['contacts', 'contacts:identityConflicts']) {
    it(`rejects page_size 21 on ${path}`, async () => {
      const call = await caller.api('GET', `${path}?page_size=21`);
      assert.equal(call.status, 400);
      assert.equal(errorOf(call).status, 'INVALID_REQUEST');
      assert.match(errorOf(call).message, /20/);
    });

    it(`rejects a non-numeric or negative page_size on ${path}`, async () => {
      assert.equal((await caller.api('GET', `${path}?page_size=abc`)).status, 400);
      assert.equal((await caller.api('GET', `${path}?page_size=-1`)).status, 400);
    });

    it(`rejects an invalid page_token on ${path}`, async () => {
      for (const token of ['garbage!', 'bm90LWpzb24', Buffer.from('{"list":"other","after":"x"}').toString('base64url')]) {
        const call = await caller.api('GET', `${path}?page_token=${token}`);
        assert.equal(call.status, 400, token);
        assert.equal(errorOf(call).status, 'INVALID_REQUEST');
      }
    });
  }

  it('accepts page_size 20 and reads 0 as the default', async () => {
    assert.equal((await caller.api('GET', 'contacts?page_size=20')).json.contacts.length, 20);
    assert.equal((await caller.api('GET', 'contacts?page_size=0')).json.contacts.length, 10);
    assert.equal((await caller.api('GET', 'contacts:identityConflicts?page_size=0')).json.conflicts.length, 20);
  });

  it('rejects a conflicts token on the contact list', async () => {
    const conflicts = await caller.api('GET', 'contacts:identityConflicts?page_size=2');
    const call = await caller.api('GET', `contacts?page_token=${conflicts.json.next_page_token}`);
    assert.equal(call.status, 400);
  });

  it('keeps conflict pages stable across merges and new contacts', async () => {
    const before = sandbox.control.state().conflicts;
    const first = await caller.api('GET', 'contacts:identityConflicts?page_size=10');
    const firstPage: IdentityConflict[] = first.json.conflicts;
    const cursor = firstPage[firstPage.length - 1].identity;

    // Resolve a conflict on the first page, and one after the cursor.
    const resolvedBefore = firstPage[2];
    const resolvedAfter = before[15];
    for (const conflict of [resolvedBefore, resolvedAfter]) {
      for (const source of conflict.contact_ids.slice(1)) {
        const merge = await caller.api('POST', `contacts/${conflict.contact_ids[0]}:merge`, { body: { source_id: source } });
        assert.equal(merge.status, 200, merge.text);
      }
    }

    // New conflicts: one sorts before the cursor, one after every identity.
    const lowIdentity = '+0000000001';
    const highIdentity = '99999999999';
    for (const identity of [lowIdentity, lowIdentity, highIdentity, highIdentity]) {
      await caller.createContact({ channel_identities: [{ channel: 'SMS', identity }] });
    }

    const rest: IdentityConflict[] = [];
    let token: string = first.json.next_page_token;
    while (token) {
      const call = await caller.api('GET', `contacts:identityConflicts?page_size=10&page_token=${token}`);
      rest.push(...call.json.conflicts);
      token = call.json.next_page_token;
    }

    const seen = [...firstPage, ...rest].map((conflict) => conflict.identity);
    assert.equal(new Set(seen).size, seen.length, 'no conflict repeats');
    for (const conflict of before) {
      if (conflict !== resolvedAfter) {
        assert.ok(seen.includes(conflict.identity), `conflict ${conflict.identity} that existed throughout is listed`);
      }
    }
    assert.ok(!rest.some((conflict) => conflict.identity === resolvedAfter.identity), 'a conflict resolved after the cursor is gone');
    assert.ok(rest.some((conflict) => conflict.identity === highIdentity), 'a conflict added after the cursor appears');
    assert.ok(!seen.includes(lowIdentity), 'a conflict added before the cursor is not listed');
    assert.ok(rest.every((conflict) => conflict.identity > cursor));
  });

  it('keeps contact pages stable across merges and new contacts', async () => {
    const before = sandbox.control.state().contacts;
    const first = await caller.api('GET', 'contacts?page_size=20');
    const firstPage: Contact[] = first.json.contacts;

    // Merge a contact of the first page into another one, and delete a contact of a later page.
    const merged = await caller.api('POST', `contacts/${firstPage[0].id}:merge`, { body: { source_id: firstPage[1].id } });
    assert.equal(merged.status, 200);
    const lateSource = before[100];
    assert.equal((await caller.api('POST', `contacts/${before[99].id}:merge`, { body: { source_id: lateSource.id } })).status, 200);
    const created = await caller.createContact({ channel_identities: [{ channel: 'SMS', identity: '+4600000000' }] });

    const rest: Contact[] = [];
    let token: string = first.json.next_page_token;
    while (token) {
      const call = await caller.api('GET', `contacts?page_size=20&page_token=${token}`);
      rest.push(...call.json.contacts);
      token = call.json.next_page_token;
    }

    const seen = [...firstPage, ...rest].map((contact) => contact.id);
    assert.equal(new Set(seen).size, seen.length, 'no contact repeats');
    for (const contact of before) {
      if (contact.id !== lateSource.id) {
        assert.ok(seen.includes(contact.id), `contact ${contact.id} that existed throughout is listed`);
      }
    }
    assert.ok(!seen.includes(lateSource.id), 'a contact deleted after the cursor is gone');
    assert.equal(rest[rest.length - 1].id, created.id, 'a new contact appears at the end');
  });
});
