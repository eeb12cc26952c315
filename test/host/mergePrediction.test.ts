// The merge prediction (src/merge) and the sandbox's merge are written separately. This test
// runs both on every conflict of the default seed and requires the same result.
import * as assert from 'node:assert/strict';
import type { ExtensionApi } from '../../src/extension';
import { predictMergeChain } from '../../src/merge';
import type { SandboxHandle } from '../../src/sandbox/api';
import type { Contact } from '../../src/sinch/types';
import { extensionApi, sandboxProfile } from './helpers';
import type { Profile } from '../../src/profiles/types';

/** Returns the fields a merge defines. The order of identities and priority is part of the contract. */
function comparable(contact: Contact): Record<string, unknown> {
  return {
    id: contact.id,
    display_name: contact.display_name ?? '',
    email: contact.email ?? '',
    external_id: contact.external_id ?? '',
    language: contact.language ?? '',
    metadata: contact.metadata ?? '',
    channel_identities: (contact.channel_identities ?? []).map((entry) => ({ channel: entry.channel, identity: entry.identity, app_id: entry.app_id ?? '' })),
    channel_priority: contact.channel_priority ?? [],
  };
}

describe('merge prediction against the sandbox', () => {
  let api: ExtensionApi;
  let profile: Profile;
  let sandbox: SandboxHandle;

  before(async () => {
    api = await extensionApi();
    ({ profile, sandbox } = await sandboxProfile(api));
  });

  after(() => {
    sandbox.control.reset('default');
  });

  it('matches the sandbox on every seeded conflict', async function () {
    this.timeout(120_000);
    sandbox.control.reset('default');
    const client = await api.connector.apiFor(profile);
    const conflicts = [];
    let pageToken: string | undefined;
    do {
      const page = await client.listConflictPage(pageToken);
      conflicts.push(...page.conflicts);
      pageToken = page.nextPageToken;
    } while (pageToken !== undefined);
    assert.ok(conflicts.length >= 25, `only ${conflicts.length} conflicts in the default seed`);

    let multiSource = 0;
    for (const conflict of conflicts) {
      // Each case starts from the seed, so earlier merges cannot change it.
      sandbox.control.reset('default');
      const contacts = await Promise.all(conflict.contact_ids.map((id) => client.getContact(id)));
      const [destination, ...sources] = contacts;
      const predicted = predictMergeChain(destination, sources).result;
      multiSource += sources.length > 1 ? 1 : 0;

      let actual: Contact = destination;
      for (const source of sources) {
        const outcome = await client.mergeContacts(actual.id, source.id, conflict.identity);
        assert.equal(outcome.status, 'merged', `merge of ${source.id} into ${actual.id} (${conflict.identity}) was ${outcome.status}`);
        if (outcome.status === 'merged') {
          actual = outcome.contact;
        }
      }
      assert.deepEqual(comparable(predicted), comparable(actual), `prediction differs from the sandbox for ${conflict.identity}`);
    }
    assert.ok(multiSource > 0, 'no conflict with three or more contacts was checked');
  });
});
