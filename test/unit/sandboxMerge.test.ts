// Merge rules of the sandbox on hand-built contacts with hand-written expected results,
// and the errors of the merge route.
import * as assert from 'node:assert/strict';
import { startSandbox } from '../../src/sandbox';
import type { SandboxHandle } from '../../src/sandbox/api';
import type { NewContact } from '../../src/sandbox/contactInput';
import type { Contact } from '../../src/sinch/types';
import { errorOf, SandboxCaller } from './sandboxHttp';

const UNKNOWN_ULID = '01ARZ3NDEKTSV4RRFFQ69G5FAV';

describe('sandbox merge', () => {
  let sandbox: SandboxHandle;
  let caller: SandboxCaller;

  before(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'empty' });
    caller = new SandboxCaller(sandbox);
  });

  beforeEach(() => {
    sandbox.control.reset('empty');
  });

  after(async () => {
    await sandbox.close();
  });

  async function merge(destinationId: string, body: unknown): Promise<{ status: number; json: any }> {
    return caller.api('POST', `contacts/${destinationId}:merge`, { body });
  }

  /** Creates both contacts, merges the source into the destination, and checks the stored result. */
  async function mergeNew(destinationFields: NewContact, sourceFields: NewContact): Promise<Contact> {
    const destination = await caller.createContact(destinationFields);
    const source = await caller.createContact(sourceFields);

    const call = await merge(destination.id, { source_id: source.id, strategy: 'MERGE' });
    assert.equal(call.status, 200);
    assert.equal(call.json.id, destination.id);

    assert.equal((await caller.api('GET', `contacts/${source.id}`)).status, 404, 'the source is deleted');
    assert.deepEqual((await caller.api('GET', `contacts/${destination.id}`)).json, call.json, 'the returned contact is stored');
    return call.json;
  }

  it('moves identities only for channels the destination lacks', async () => {
    const kept = await mergeNew(
      {
        channel_identities: [{ channel: 'SMS', identity: '+111' }, { channel: 'WHATSAPP', identity: '111' }],
        channel_priority: ['WHATSAPP', 'SMS'],
        display_name: 'Destination',
      },
      {
        channel_identities: [
          { channel: 'SMS', identity: '+222' },
          { channel: 'RCS', identity: '+111' },
          { channel: 'MESSENGER', identity: '9988776655', app_id: '01HZZZZZZZZZZZZZZZZZZZZZZZ' },
        ],
        channel_priority: ['MESSENGER', 'RCS', 'SMS'],
        display_name: 'Source',
      },
    );

    assert.deepEqual(kept.channel_identities, [
      { channel: 'SMS', identity: '+111' },
      { channel: 'WHATSAPP', identity: '111' },
      { channel: 'RCS', identity: '+111' },
      { channel: 'MESSENGER', identity: '9988776655', app_id: '01HZZZZZZZZZZZZZZZZZZZZZZZ' },
    ]);
    assert.deepEqual(kept.channel_priority, ['WHATSAPP', 'SMS', 'RCS', 'MESSENGER']);
    assert.equal(kept.display_name, 'Destination');
  });

  it('moves every identity of a channel the destination lacks but appends the channel once', async () => {
    const kept = await mergeNew(
      { channel_identities: [{ channel: 'SMS', identity: '1' }], channel_priority: ['SMS'] },
      {
        channel_identities: [
          { channel: 'MESSENGER', identity: 'psid-a', app_id: 'app-a' },
          { channel: 'MESSENGER', identity: 'psid-b', app_id: 'app-b' },
        ],
      },
    );

    assert.deepEqual(kept.channel_identities, [
      { channel: 'SMS', identity: '1' },
      { channel: 'MESSENGER', identity: 'psid-a', app_id: 'app-a' },
      { channel: 'MESSENGER', identity: 'psid-b', app_id: 'app-b' },
    ]);
    assert.deepEqual(kept.channel_priority, ['SMS', 'MESSENGER']);
  });

  it('keeps the priority when nothing moves', async () => {
    const kept = await mergeNew(
      { channel_identities: [{ channel: 'SMS', identity: '1' }], channel_priority: ['SMS'] },
      { channel_identities: [{ channel: 'SMS', identity: '2' }], channel_priority: ['SMS'] },
    );
    assert.deepEqual(kept.channel_identities, [{ channel: 'SMS', identity: '1' }]);
    assert.deepEqual(kept.channel_priority, ['SMS']);
  });

  it('does not add a moved channel already in the priority list', async () => {
    const kept = await mergeNew(
      { channel_identities: [{ channel: 'SMS', identity: '1' }], channel_priority: ['RCS', 'SMS'] },
      { channel_identities: [{ channel: 'RCS', identity: '1' }] },
    );
    assert.deepEqual(kept.channel_priority, ['RCS', 'SMS']);
  });

  it('fills empty destination fields from the source', async () => {
    const kept = await mergeNew(
      { channel_identities: [{ channel: 'SMS', identity: '1' }], email: '', language: 'UNSPECIFIED', metadata: '' },
      {
        channel_identities: [{ channel: 'SMS', identity: '2' }],
        display_name: 'Source Name',
        email: 'source@example.com',
        external_id: 'ext-source',
        language: 'SV',
        metadata: '{"from":"source"}',
      },
    );

    assert.deepEqual(kept, {
      id: kept.id,
      channel_identities: [{ channel: 'SMS', identity: '1' }],
      // "Unknown", stored for the empty display name, counts as a value.
      display_name: 'Unknown',
      email: 'source@example.com',
      external_id: 'ext-source',
      language: 'SV',
      metadata: '{"from":"source"}',
    });
  });

  it('keeps destination values and never combines metadata', async () => {
    const kept = await mergeNew(
      {
        channel_identities: [{ channel: 'SMS', identity: '1' }],
        display_name: 'Kept Name',
        email: 'kept@example.com',
        external_id: 'ext-kept',
        language: 'EN_US',
        metadata: '{"a":1}',
      },
      {
        channel_identities: [{ channel: 'SMS', identity: '2' }],
        display_name: 'Lost Name',
        email: 'lost@example.com',
        external_id: 'ext-lost',
        language: 'DE',
        metadata: '{"b":2}',
      },
    );

    assert.equal(kept.display_name, 'Kept Name');
    assert.equal(kept.email, 'kept@example.com');
    assert.equal(kept.external_id, 'ext-kept');
    assert.equal(kept.language, 'EN_US');
    assert.equal(kept.metadata, '{"a":1}');
  });

  it('does not copy empty source values', async () => {
    const kept = await mergeNew(
      { channel_identities: [{ channel: 'SMS', identity: '1' }], display_name: 'Kept' },
      { channel_identities: [{ channel: 'SMS', identity: '2' }], email: '', language: 'UNSPECIFIED', metadata: '', external_id: '' },
    );
    assert.deepEqual(kept, { id: kept.id, channel_identities: [{ channel: 'SMS', identity: '1' }], display_name: 'Kept' });
  });

  it('keeps a destination named "Unknown" against a named source', async () => {
    const kept = await mergeNew(
      { channel_identities: [{ channel: 'SMS', identity: '1' }], display_name: 'Unknown' },
      { channel_identities: [{ channel: 'SMS', identity: '2' }], display_name: 'Real Name' },
    );
    assert.equal(kept.display_name, 'Unknown');
  });

  it('defaults the strategy to MERGE', async () => {
    const destination = await caller.createContact({ channel_identities: [{ channel: 'SMS', identity: '1' }] });
    const source = await caller.createContact({ channel_identities: [{ channel: 'RCS', identity: '1' }] });
    const call = await merge(destination.id, { source_id: source.id });
    assert.equal(call.status, 200);
  });

  describe('errors', () => {
    let destination: Contact;
    let source: Contact;

    beforeEach(async () => {
      destination = await caller.createContact({ channel_identities: [{ channel: 'SMS', identity: '1' }] });
      source = await caller.createContact({ channel_identities: [{ channel: 'RCS', identity: '1' }] });
    });

    async function expectError(destinationId: string, body: unknown, status: number, statusName: string): Promise<void> {
      const call = await caller.api('POST', `contacts/${destinationId}:merge`, { body });
      assert.equal(call.status, status, call.text);
      assert.equal(errorOf(call).status, statusName);
      assert.equal(sandbox.control.state().contacts.length, 2, 'nothing was merged');
    }

    it('rejects merging a contact into itself with 400', async () => {
      await expectError(destination.id, { source_id: destination.id }, 400, 'INVALID_REQUEST');
    });

    it('answers an unknown destination with 404', async () => {
      await expectError(UNKNOWN_ULID, { source_id: source.id }, 404, 'NOT_FOUND');
    });

    it('answers an unknown source with 404', async () => {
      await expectError(destination.id, { source_id: UNKNOWN_ULID }, 404, 'NOT_FOUND');
    });

    it('rejects a destination ID that is not a ULID with 400', async () => {
      await expectError('not-a-ulid', { source_id: source.id }, 400, 'INVALID_REQUEST');
    });

    it('rejects a source_id that is not a ULID with 400', async () => {
      await expectError(destination.id, { source_id: 'contact-2' }, 400, 'INVALID_REQUEST');
    });

    it('rejects a missing source_id with 400', async () => {
      await expectError(destination.id, { strategy: 'MERGE' }, 400, 'INVALID_REQUEST');
    });

    it('rejects an unknown strategy with 400', async () => {
      await expectError(destination.id, { source_id: source.id, strategy: 'OVERWRITE' }, 400, 'INVALID_REQUEST');
    });

    it('rejects a body that is not JSON with 400', async () => {
      const call = await caller.api('POST', `contacts/${destination.id}:merge`, { rawBody: 'source_id=x' });
      assert.equal(call.status, 400);
      assert.equal(errorOf(call).status, 'INVALID_REQUEST');
    });

    it('answers a repeated merge with 404 for the source', async () => {
      assert.equal((await merge(destination.id, { source_id: source.id })).status, 200);
      const again = await caller.api('POST', `contacts/${destination.id}:merge`, { body: { source_id: source.id } });
      assert.equal(again.status, 404);
      assert.match(errorOf(again).message, new RegExp(source.id));
    });
  });
});
