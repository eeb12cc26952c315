import * as assert from 'node:assert/strict';
import type { Contact } from '../../src/sinch/types';
import {
  buildComparison,
  formatMetadata,
  isEmptyField,
  predictMerge,
  predictMergeChain,
  type ComparisonRow,
  type LostValue,
} from '../../src/merge';

const PHONE = '12015555555';

function rowByKey(rows: readonly ComparisonRow[], key: string): ComparisonRow {
  const row = rows.find((candidate) => candidate.key === key);
  assert.ok(row, `row ${key} missing; rows are ${rows.map((candidate) => candidate.key).join(', ')}`);
  return row;
}

function texts(values: readonly { text: string }[]): string[] {
  return values.map((value) => value.text);
}

describe('merge rules: isEmptyField', () => {
  const cases: Array<[Parameters<typeof isEmptyField>[0], unknown, boolean]> = [
    ['display_name', undefined, true],
    ['display_name', null, true],
    ['display_name', '', true],
    ['display_name', 'Unknown', false],
    ['display_name', ' ', false],
    ['email', 'ada@example.com', false],
    ['language', 'UNSPECIFIED', true],
    ['language', 'EN_US', false],
    ['metadata', '', true],
    ['metadata', '{}', false],
    ['external_id', 'UNSPECIFIED', false],
  ];

  for (const [field, value, expected] of cases) {
    it(`${field} = ${JSON.stringify(value)} is ${expected ? 'empty' : 'a value'}`, () => {
      assert.equal(isEmptyField(field, value), expected);
    });
  }
});

describe('merge rules: predictMerge fields', () => {
  it('fills empty destination fields', () => {
    const destination = {
      id: 'DEST',
      display_name: null,
      email: '',
      language: 'EN_US',
    } as unknown as Contact;
    const source: Contact = {
      id: 'SRC',
      display_name: 'Ada Lovelace',
      email: 'ada@example.com',
      external_id: 'crm-17',
      language: 'SV_SE',
      metadata: 'vip',
    };

    const { result, lost, moved } = predictMerge(destination, source);

    assert.deepEqual(result, {
      id: 'DEST',
      display_name: 'Ada Lovelace',
      email: 'ada@example.com',
      external_id: 'crm-17',
      language: 'EN_US',
      metadata: 'vip',
    });
    assert.deepEqual(moved.fields, [
      { sourceId: 'SRC', field: 'display_name', value: 'Ada Lovelace' },
      { sourceId: 'SRC', field: 'email', value: 'ada@example.com' },
      { sourceId: 'SRC', field: 'external_id', value: 'crm-17' },
      { sourceId: 'SRC', field: 'metadata', value: 'vip' },
    ]);
    assert.deepEqual(lost, [{ kind: 'field', sourceId: 'SRC', field: 'language', value: 'SV_SE' }]);
  });

  it('keeps the display name Unknown', () => {
    const { result, lost } = predictMerge(
      { id: 'DEST', display_name: 'Unknown' },
      { id: 'SRC', display_name: 'Grace Hopper' },
    );

    assert.equal(result.display_name, 'Unknown');
    assert.deepEqual(lost, [{ kind: 'field', sourceId: 'SRC', field: 'display_name', value: 'Grace Hopper' }]);
  });

  it('replaces the language UNSPECIFIED', () => {
    const { result, lost, moved } = predictMerge(
      { id: 'DEST', language: 'UNSPECIFIED' },
      { id: 'SRC', language: 'DE_DE' },
    );

    assert.equal(result.language, 'DE_DE');
    assert.deepEqual(lost, []);
    assert.deepEqual(moved.fields, [{ sourceId: 'SRC', field: 'language', value: 'DE_DE' }]);
  });

  it('copies nothing from empty source fields', () => {
    const { result, lost, moved } = predictMerge(
      { id: 'DEST' },
      { id: 'SRC', language: 'UNSPECIFIED', email: '', metadata: '' },
    );

    assert.deepEqual(result, { id: 'DEST' });
    assert.deepEqual(lost, []);
    assert.deepEqual(moved.fields, []);
  });

  it('lists no loss for equal values', () => {
    const { lost } = predictMerge(
      { id: 'DEST', email: 'same@example.com', display_name: 'Ada' },
      { id: 'SRC', email: 'same@example.com', display_name: 'Ada L.' },
    );

    assert.deepEqual(lost, [{ kind: 'field', sourceId: 'SRC', field: 'display_name', value: 'Ada L.' }]);
  });

  it('never combines metadata', () => {
    const { result, lost } = predictMerge(
      { id: 'DEST', metadata: '{"tier":"gold"}' },
      { id: 'SRC', metadata: '{"crm":"17","tier":"silver"}' },
    );

    assert.equal(result.metadata, '{"tier":"gold"}');
    assert.deepEqual(lost, [
      { kind: 'field', sourceId: 'SRC', field: 'metadata', value: '{"crm":"17","tier":"silver"}' },
    ]);
  });

  it('keeps unknown destination fields', () => {
    const destination: Contact = { id: 'DEST', created_at: '2024-01-01T00:00:00Z', flags: { vip: true } };
    const source: Contact = { id: 'SRC', created_at: '2023-05-05T00:00:00Z', source_only: 'x' };

    const { result } = predictMerge(destination, source);

    assert.deepEqual(result, { id: 'DEST', created_at: '2024-01-01T00:00:00Z', flags: { vip: true } });
  });

  it('leaves both inputs unchanged', () => {
    const destination: Contact = {
      id: 'DEST',
      channel_identities: [{ channel: 'SMS', identity: PHONE }],
      channel_priority: ['SMS'],
      flags: { vip: true },
    };
    const source: Contact = {
      id: 'SRC',
      email: 'x@example.com',
      channel_identities: [{ channel: 'WHATSAPP', identity: PHONE }],
    };
    const destinationBefore = JSON.parse(JSON.stringify(destination)) as Contact;
    const sourceBefore = JSON.parse(JSON.stringify(source)) as Contact;

    const { result } = predictMerge(destination, source);
    (result.flags as { vip: boolean }).vip = false;

    assert.deepEqual(destination, destinationBefore);
    assert.deepEqual(source, sourceBefore);
  });

  it('rejects merging a contact into itself', () => {
    assert.throws(() => predictMerge({ id: 'SAME' }, { id: 'SAME' }), /Cannot merge contact SAME into itself/);
  });
});

describe('merge rules: predictMerge identities', () => {
  it('moves new channels and loses taken ones', () => {
    const destination: Contact = {
      id: 'DEST',
      channel_identities: [
        { channel: 'SMS', identity: PHONE, app_id: '' },
        { channel: 'MMS', identity: '19995550000' },
      ],
      channel_priority: ['SMS', 'MMS'],
    };
    const source: Contact = {
      id: 'SRC',
      channel_identities: [
        { channel: 'SMS', identity: PHONE },
        { channel: 'MMS', identity: PHONE, app_id: '' },
        { channel: 'WHATSAPP', identity: '447700900123' },
      ],
      channel_priority: ['WHATSAPP', 'MMS', 'SMS'],
    };

    const { result, lost, moved } = predictMerge(destination, source);

    assert.deepEqual(result.channel_identities, [
      { channel: 'SMS', identity: PHONE, app_id: '' },
      { channel: 'MMS', identity: '19995550000' },
      { channel: 'WHATSAPP', identity: '447700900123' },
    ]);
    assert.deepEqual(result.channel_priority, ['SMS', 'MMS', 'WHATSAPP']);
    assert.deepEqual(moved.identities, [{ channel: 'WHATSAPP', identity: '447700900123', sourceId: 'SRC' }]);
    // The shared SMS identity survives in the destination, so only the MMS one is lost.
    assert.deepEqual(lost, [{ kind: 'identity', sourceId: 'SRC', channel: 'MMS', identity: PHONE, app_id: '' }]);
  });

  it('appends priority in source identity order', () => {
    const { result, moved } = predictMerge(
      { id: 'DEST', channel_identities: [{ channel: 'SMS', identity: PHONE }], channel_priority: ['SMS'] },
      {
        id: 'SRC',
        channel_identities: [
          { channel: 'TELEGRAM', identity: 'tg-1' },
          { channel: 'MESSENGER', identity: 'psid-1', app_id: 'APP_A' },
          { channel: 'MESSENGER', identity: 'psid-2', app_id: 'APP_B' },
        ],
        channel_priority: ['MESSENGER', 'TELEGRAM'],
      },
    );

    assert.deepEqual(result.channel_priority, ['SMS', 'TELEGRAM', 'MESSENGER']);
    assert.deepEqual(moved.priority, [
      { sourceId: 'SRC', channel: 'TELEGRAM' },
      { sourceId: 'SRC', channel: 'MESSENGER' },
    ]);
    assert.deepEqual(
      result.channel_identities?.map((identity) => identity.identity),
      [PHONE, 'tg-1', 'psid-1', 'psid-2'],
    );
  });

  it('creates priority when destination has none', () => {
    const { result } = predictMerge(
      { id: 'DEST' },
      { id: 'SRC', channel_identities: [{ channel: 'RCS', identity: PHONE }] },
    );

    assert.deepEqual(result.channel_identities, [{ channel: 'RCS', identity: PHONE }]);
    assert.deepEqual(result.channel_priority, ['RCS']);
  });

  it('does not repeat a listed priority channel', () => {
    const { result, moved } = predictMerge(
      { id: 'DEST', channel_identities: [{ channel: 'SMS', identity: PHONE }], channel_priority: ['RCS', 'SMS'] },
      { id: 'SRC', channel_identities: [{ channel: 'RCS', identity: PHONE }] },
    );

    assert.deepEqual(result.channel_priority, ['RCS', 'SMS']);
    assert.deepEqual(moved.priority, []);
    assert.deepEqual(moved.identities, [{ channel: 'RCS', identity: PHONE, sourceId: 'SRC' }]);
  });

  it('leaves priority untouched when nothing moves', () => {
    const { result } = predictMerge(
      { id: 'DEST', channel_identities: [{ channel: 'SMS', identity: PHONE }] },
      { id: 'SRC', channel_identities: [{ channel: 'SMS', identity: PHONE }] },
    );

    assert.equal('channel_priority' in result, false);
  });

  it('keeps and moves unknown channels', () => {
    const { result, lost } = predictMerge(
      {
        id: 'DEST',
        channel_identities: [{ channel: 'FUTURE_CHAT', identity: 'fc-dest' }],
        channel_priority: ['FUTURE_CHAT'],
      },
      {
        id: 'SRC',
        channel_identities: [
          { channel: 'FUTURE_CHAT', identity: 'fc-src' },
          { channel: 'VIBER', identity: 'viber-1' },
        ],
      },
    );

    assert.deepEqual(result.channel_identities, [
      { channel: 'FUTURE_CHAT', identity: 'fc-dest' },
      { channel: 'VIBER', identity: 'viber-1' },
    ]);
    assert.deepEqual(result.channel_priority, ['FUTURE_CHAT', 'VIBER']);
    assert.deepEqual(lost, [{ kind: 'identity', sourceId: 'SRC', channel: 'FUTURE_CHAT', identity: 'fc-src' }]);
  });
});

describe('merge rules: predictMergeChain', () => {
  const destination: Contact = {
    id: 'A',
    display_name: 'Unknown',
    language: 'UNSPECIFIED',
    channel_identities: [{ channel: 'SMS', identity: PHONE }],
    channel_priority: ['SMS'],
  };
  const sourceB: Contact = {
    id: 'B',
    display_name: 'Bea',
    email: 'bea@example.com',
    channel_identities: [
      { channel: 'SMS', identity: PHONE },
      { channel: 'MMS', identity: PHONE },
    ],
    channel_priority: ['MMS', 'SMS'],
  };
  const sourceC: Contact = {
    id: 'C',
    email: 'cat@example.com',
    language: 'FR_FR',
    metadata: '{"c":1}',
    channel_identities: [
      { channel: 'MMS', identity: '13335550000' },
      { channel: 'RCS', identity: PHONE },
    ],
  };
  const sourceD: Contact = {
    id: 'D',
    language: 'ES_ES',
    metadata: 'plain',
    external_id: 'ext-d',
    channel_identities: [
      { channel: 'RCS', identity: '14445550000' },
      { channel: 'WHATSAPP', identity: PHONE },
    ],
  };

  it('merges three contacts in order', () => {
    const chain = predictMergeChain(destination, [sourceB, sourceC]);

    assert.deepEqual(chain.result, {
      id: 'A',
      display_name: 'Unknown',
      email: 'bea@example.com',
      language: 'FR_FR',
      metadata: '{"c":1}',
      channel_identities: [
        { channel: 'SMS', identity: PHONE },
        { channel: 'MMS', identity: PHONE },
        { channel: 'RCS', identity: PHONE },
      ],
      channel_priority: ['SMS', 'MMS', 'RCS'],
    });
    const expectedLost: LostValue[] = [
      { kind: 'field', sourceId: 'B', field: 'display_name', value: 'Bea' },
      { kind: 'field', sourceId: 'C', field: 'email', value: 'cat@example.com' },
      { kind: 'identity', sourceId: 'C', channel: 'MMS', identity: '13335550000' },
    ];
    assert.deepEqual(chain.lost, expectedLost);
    assert.equal(chain.steps.length, 2);
    assert.equal(chain.steps[0].result.email, 'bea@example.com');
    assert.equal(chain.steps[0].result.language, 'UNSPECIFIED');
  });

  it('merges four contacts in order', () => {
    const chain = predictMergeChain(destination, [sourceB, sourceC, sourceD]);

    assert.deepEqual(chain.result, {
      id: 'A',
      display_name: 'Unknown',
      email: 'bea@example.com',
      language: 'FR_FR',
      metadata: '{"c":1}',
      external_id: 'ext-d',
      channel_identities: [
        { channel: 'SMS', identity: PHONE },
        { channel: 'MMS', identity: PHONE },
        { channel: 'RCS', identity: PHONE },
        { channel: 'WHATSAPP', identity: PHONE },
      ],
      channel_priority: ['SMS', 'MMS', 'RCS', 'WHATSAPP'],
    });
    assert.deepEqual(chain.lost, [
      { kind: 'field', sourceId: 'B', field: 'display_name', value: 'Bea' },
      { kind: 'field', sourceId: 'C', field: 'email', value: 'cat@example.com' },
      { kind: 'identity', sourceId: 'C', channel: 'MMS', identity: '13335550000' },
      { kind: 'field', sourceId: 'D', field: 'language', value: 'ES_ES' },
      { kind: 'field', sourceId: 'D', field: 'metadata', value: 'plain' },
      { kind: 'identity', sourceId: 'D', channel: 'RCS', identity: '14445550000' },
    ]);
    assert.deepEqual(chain.moved.fields, [
      { sourceId: 'B', field: 'email', value: 'bea@example.com' },
      { sourceId: 'C', field: 'language', value: 'FR_FR' },
      { sourceId: 'C', field: 'metadata', value: '{"c":1}' },
      { sourceId: 'D', field: 'external_id', value: 'ext-d' },
    ]);
    assert.deepEqual(chain.moved.priority, [
      { sourceId: 'B', channel: 'MMS' },
      { sourceId: 'C', channel: 'RCS' },
      { sourceId: 'D', channel: 'WHATSAPP' },
    ]);
  });

  it('depends on source order', () => {
    const chain = predictMergeChain(destination, [sourceD, sourceC, sourceB]);

    assert.equal(chain.result.language, 'ES_ES');
    assert.equal(chain.result.metadata, 'plain');
    assert.equal(chain.result.email, 'cat@example.com');
    assert.deepEqual(chain.result.channel_priority, ['SMS', 'RCS', 'WHATSAPP', 'MMS']);
  });

  it('returns the destination for no sources', () => {
    const chain = predictMergeChain(destination, []);

    assert.deepEqual(chain.result, destination);
    assert.notEqual(chain.result, destination);
    assert.deepEqual(chain.lost, []);
  });

  it('rejects a contact listed twice', () => {
    assert.throws(() => predictMergeChain(destination, [sourceB, sourceB]), /Contact B appears twice/);
    assert.throws(() => predictMergeChain(destination, [sourceB, destination]), /Contact A appears twice/);
  });
});

describe('merge rules: buildComparison', () => {
  const contacts: Contact[] = [
    {
      id: 'A',
      display_name: 'Ada',
      email: 'ada@example.com',
      language: 'UNSPECIFIED',
      metadata: '{"tier":"gold","tags":["a"]}',
      channel_identities: [
        { channel: 'SMS', identity: PHONE },
        { channel: 'MESSENGER', identity: 'psid-a', app_id: 'APP_1' },
      ],
      channel_priority: ['SMS', 'MESSENGER'],
    },
    {
      id: 'B',
      display_name: 'Bea',
      email: 'ada@example.com',
      language: '',
      metadata: 'not json {',
      channel_identities: [
        { channel: 'MMS', identity: PHONE },
        { channel: 'SMS', identity: PHONE },
      ],
      channel_priority: ['SMS', 'MESSENGER'],
    },
    {
      id: 'C',
      language: 'EN_US',
      metadata: '{ "tier": "gold", "tags": [ "a" ] }',
      channel_identities: [
        { channel: 'SMS', identity: PHONE },
        { channel: 'MMS', identity: '13335550000' },
      ],
    },
  ];

  it('lists rows in the documented order', () => {
    const comparison = buildComparison(contacts, 'A');

    assert.deepEqual(
      comparison.rows.map((row) => row.key),
      [
        'display_name',
        'email',
        'external_id',
        'language',
        'metadata',
        'identity:SMS',
        'identity:MESSENGER',
        'identity:MMS',
        'channel_priority',
      ],
    );
    assert.deepEqual(
      comparison.rows.map((row) => row.label),
      ['Display name', 'Email', 'External ID', 'Language', 'Metadata', 'SMS', 'MESSENGER', 'MMS', 'Channel priority'],
    );
  });

  it('sets differs flags', () => {
    const rows = buildComparison(contacts, 'A').rows;
    const differs = Object.fromEntries(rows.map((row) => [row.key, row.differs]));

    assert.deepEqual(differs, {
      display_name: true,
      email: true,
      external_id: false,
      // UNSPECIFIED, "" and EN_US: the first two are both empty, the third is not.
      language: true,
      // A and C hold the same JSON with different spacing; B's text differs.
      metadata: true,
      'identity:SMS': false,
      'identity:MESSENGER': true,
      'identity:MMS': true,
      channel_priority: true,
    });
  });

  it('treats all empty values as equal', () => {
    const rows = buildComparison(
      [
        { id: 'A', language: 'UNSPECIFIED', email: '' },
        { id: 'B', language: '' },
        { id: 'C', email: undefined },
      ],
      'A',
    ).rows;

    assert.equal(rowByKey(rows, 'language').differs, false);
    assert.equal(rowByKey(rows, 'email').differs, false);
    assert.equal(rowByKey(rows, 'channel_priority').differs, false);
  });

  it('compares JSON metadata by content', () => {
    const rows = buildComparison([contacts[0], contacts[2]], 'A').rows;

    assert.equal(rowByKey(rows, 'metadata').differs, false);
  });

  it('pretty-prints JSON metadata and keeps raw text', () => {
    const metadata = rowByKey(buildComparison(contacts, 'A').rows, 'metadata');

    assert.deepEqual(metadata.cells[0].values, [
      {
        text: '{\n  "tier": "gold",\n  "tags": [\n    "a"\n  ]\n}',
        format: 'json',
        empty: false,
        lost: false,
      },
    ]);
    assert.deepEqual(metadata.cells[1].values, [{ text: 'not json {', format: 'text', empty: false, lost: true }]);
    assert.equal(metadata.cells[2].values[0].lost, true);
    assert.equal(metadata.result.values[0].format, 'json');
    assert.equal(metadata.result.values[0].originId, 'A');
  });

  it('formats scalar metadata as text', () => {
    assert.deepEqual(formatMetadata('42'), { text: '42', format: 'text' });
    assert.deepEqual(formatMetadata('[1,2]'), { text: '[\n  1,\n  2\n]', format: 'json' });
    assert.deepEqual(formatMetadata('<script>alert(1)</script>'), { text: '<script>alert(1)</script>', format: 'text' });
  });

  it('groups identities by channel', () => {
    const rows = buildComparison(contacts, 'A').rows;
    const mms = rowByKey(rows, 'identity:MMS');
    const messenger = rowByKey(rows, 'identity:MESSENGER');

    assert.equal(mms.kind, 'identities');
    assert.equal(mms.channel, 'MMS');
    assert.deepEqual(
      mms.cells.map((cell) => texts(cell.values)),
      [[], [PHONE], ['13335550000']],
    );
    assert.deepEqual(messenger.cells[0].values, [
      { text: 'psid-a', format: 'text', appId: 'APP_1', empty: false, lost: false },
    ]);
    assert.deepEqual(messenger.cells[1].values, []);
  });

  it('marks lost values and result origins', () => {
    const rows = buildComparison(contacts, 'A').rows;
    const mms = rowByKey(rows, 'identity:MMS');
    const sms = rowByKey(rows, 'identity:SMS');
    const language = rowByKey(rows, 'language');
    const displayName = rowByKey(rows, 'display_name');
    const priority = rowByKey(rows, 'channel_priority');

    // B moves MMS first, so C's MMS identity is lost.
    assert.equal(mms.cells[1].values[0].lost, false);
    assert.equal(mms.cells[2].values[0].lost, true);
    assert.deepEqual(mms.result.values, [
      { text: PHONE, format: 'text', empty: false, lost: false, originId: 'B' },
    ]);

    // Every contact has the shared SMS identity, so no source loses it.
    assert.deepEqual(
      sms.cells.map((cell) => cell.values.map((value) => value.lost)),
      [[false], [false], [false]],
    );

    assert.deepEqual(language.cells[0].values, [{ text: 'UNSPECIFIED', format: 'text', empty: true, lost: false }]);
    assert.deepEqual(language.cells[1].values, []);
    assert.deepEqual(language.result.values, [
      { text: 'EN_US', format: 'text', empty: false, lost: false, originId: 'C' },
    ]);

    assert.equal(displayName.cells[1].values[0].lost, true);
    assert.deepEqual(displayName.cells[2].values, []);

    assert.deepEqual(
      priority.result.values.map((value) => [value.text, value.originId]),
      [
        ['SMS', 'A'],
        ['MESSENGER', 'A'],
        ['MMS', 'B'],
      ],
    );
  });

  it('describes columns and merge order', () => {
    const comparison = buildComparison(contacts, 'B');

    assert.deepEqual(comparison.sourceIds, ['A', 'C']);
    assert.deepEqual(comparison.columns, [
      { contactId: 'A', displayName: 'Ada', role: 'source' },
      { contactId: 'B', displayName: 'Bea', role: 'destination' },
      { contactId: 'C', displayName: undefined, role: 'source' },
    ]);
    assert.equal(comparison.prediction.result.id, 'B');
    assert.equal(comparison.rows[0].result.contactId, 'B');
  });

  it('rejects an unknown destination', () => {
    assert.throws(() => buildComparison(contacts, 'Z'), /Destination contact Z is not among the compared contacts \(A, B, C\)/);
  });
});
