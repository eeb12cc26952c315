import * as assert from 'node:assert/strict';
import { maskAppSecrets, MASK } from '../../src/json/mask';
import type { App, IdentityConflict } from '../../src/sinch/types';
import { KNOWN_CHANNELS } from '../../src/sinch/types';
import { conflictsOfApp, matchesFilter, parseFilter } from '../../src/tree/grouping';

const conflicts: IdentityConflict[] = [
  { identity: '+46701234567', channels: ['SMS', 'MMS'], contact_ids: ['a', 'b'] },
  { identity: '46701234567', channels: ['RCS'], contact_ids: ['c', 'd'] },
  { identity: '12015555555', channels: ['MMS', 'RCS', 'SMS'], contact_ids: ['e', 'f', 'g'] },
];

describe('tree grouping and filter', () => {
  it('lists conflicts on the channels of an app', () => {
    const rcsApp: App = { id: 'app1', channel_credentials: [{ channel: 'RCS' }] };
    const whatsappApp: App = { id: 'app2', channel_credentials: [{ channel: 'WHATSAPP' }] };
    const bareApp: App = { id: 'app3' };
    assert.deepEqual(conflictsOfApp(rcsApp, conflicts).map((conflict) => conflict.identity), ['46701234567', '12015555555']);
    assert.deepEqual(conflictsOfApp(whatsappApp, conflicts), []);
    assert.deepEqual(conflictsOfApp(bareApp, conflicts), []);
  });

  it('reads a channel name in any case', () => {
    assert.deepEqual(parseFilter('rcs', KNOWN_CHANNELS), { text: 'rcs', channel: 'RCS' });
    assert.deepEqual(parseFilter('  4670 ', KNOWN_CHANNELS), { text: '4670' });
    assert.equal(parseFilter('   ', KNOWN_CHANNELS), undefined);
  });

  it('filters by channel', () => {
    const filter = parseFilter('SMS', KNOWN_CHANNELS);
    assert.deepEqual(conflicts.filter((conflict) => matchesFilter(conflict, filter)).map((conflict) => conflict.identity), ['+46701234567', '12015555555']);
  });

  it('filters by identity with or without plus', () => {
    for (const text of ['4670', '+4670', '46 70-12']) {
      const filter = parseFilter(text, KNOWN_CHANNELS);
      const matched = conflicts.filter((conflict) => matchesFilter(conflict, filter)).map((conflict) => conflict.identity);
      assert.deepEqual(matched, ['+46701234567', '46701234567'], `filter "${text}"`);
    }
    assert.equal(matchesFilter(conflicts[0], undefined), true);
  });
});

describe('app secret masking', () => {
  const app = {
    id: '01HAPP',
    display_name: 'Support',
    channel_credentials: [
      {
        channel: 'SMS',
        static_bearer: { claimed_identity: '+46700000000', token: 'bearer-token-value' },
        callback_secret: 'callback-secret-value',
        state: { status: 'ACTIVE', description: '' },
        channel_known_id: 'known-1',
      },
      { channel: 'WHATSAPP', new_kind_of_credential: { client_id: 'client-id-value' } },
    ],
    callback_settings: { secret_for_overridden_callback_urls: 'override-secret-value' },
  };

  it('masks every credential secret', () => {
    const text = JSON.stringify(maskAppSecrets(app));
    for (const secret of ['bearer-token-value', 'callback-secret-value', 'client-id-value', 'override-secret-value']) {
      assert.ok(!text.includes(secret), `${secret} is shown`);
    }
    assert.ok(text.includes(MASK));
  });

  it('keeps fields that are not secret', () => {
    const masked = maskAppSecrets(app) as typeof app;
    const sms = masked.channel_credentials[0] as (typeof app)['channel_credentials'][0] & {
      static_bearer: { claimed_identity: string };
      state: { status: string };
    };
    assert.equal(masked.id, '01HAPP');
    assert.equal(masked.display_name, 'Support');
    assert.equal(sms.channel, 'SMS');
    assert.equal(sms.static_bearer.claimed_identity, '+46700000000');
    assert.equal(sms.state.status, 'ACTIVE');
    assert.equal(sms.channel_known_id, 'known-1');
  });

  it('leaves the input unchanged', () => {
    maskAppSecrets(app);
    assert.equal(app.channel_credentials[0].callback_secret, 'callback-secret-value');
  });
});
