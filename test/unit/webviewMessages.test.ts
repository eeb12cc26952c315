import * as assert from 'node:assert/strict';
import { applyMergeReport } from '../../src/webview/compareState';
import {
  isCompareState,
  isExtensionToWebviewMessage,
  isWebviewToExtensionMessage,
  type CompareState,
} from '../../src/webview/messages';

const state: CompareState = {
  title: 'Identity 12015555555',
  identity: '12015555555',
  channels: ['SMS', 'MMS'],
  contacts: [
    { id: '01HZZZA', display_name: 'Ada' },
    { id: '01HZZZB', display_name: '<img src=x onerror=alert(1)>' },
    { id: '01HZZZC' },
  ],
  destinationId: '01HZZZA',
};

describe('webview messages: page to extension', () => {
  const valid: unknown[] = [
    { type: 'ready' },
    { type: 'chooseDestination', destinationId: '01HZZZA' },
    { type: 'merge', destinationId: '01HZZZA', sourceIds: ['01HZZZB', '01HZZZC'] },
    { type: 'openJson', contactId: '01HZZZB' },
    { type: 'ready', extra: 'ignored' },
  ];
  const invalid: Array<[string, unknown]> = [
    ['undefined', undefined],
    ['null', null],
    ['a string', 'ready'],
    ['an array', [{ type: 'ready' }]],
    ['no type', { destinationId: '01HZZZA' }],
    ['unknown type', { type: 'deleteEverything' }],
    ['extension-side type', { type: 'init', state }],
    ['destination missing', { type: 'chooseDestination' }],
    ['destination a number', { type: 'chooseDestination', destinationId: 7 }],
    ['destination empty', { type: 'chooseDestination', destinationId: '' }],
    ['destination too long', { type: 'chooseDestination', destinationId: 'x'.repeat(201) }],
    ['merge without sources', { type: 'merge', destinationId: '01HZZZA', sourceIds: [] }],
    ['merge sources not an array', { type: 'merge', destinationId: '01HZZZA', sourceIds: '01HZZZB' }],
    ['merge source not a string', { type: 'merge', destinationId: '01HZZZA', sourceIds: ['01HZZZB', 3] }],
    ['merge without destination', { type: 'merge', sourceIds: ['01HZZZB'] }],
    ['openJson without contact', { type: 'openJson' }],
  ];

  for (const message of valid) {
    it(`accepts ${JSON.stringify(message)}`, () => {
      assert.equal(isWebviewToExtensionMessage(message), true);
    });
  }

  for (const [name, message] of invalid) {
    it(`rejects ${name}`, () => {
      assert.equal(isWebviewToExtensionMessage(message), false);
    });
  }
});

describe('webview messages: extension to page', () => {
  it('accepts init with a full state', () => {
    const full: CompareState = { ...state, merging: true, error: 'Merge failed', mergedSourceIds: ['01HZZZD'], l10n: { Result: 'Resultat' } };
    assert.equal(isExtensionToWebviewMessage({ type: 'init', state: full }), true);
  });

  it('accepts mergeResult reports', () => {
    assert.equal(isExtensionToWebviewMessage({ type: 'mergeResult', report: { mergedSourceIds: [] } }), true);
    assert.equal(
      isExtensionToWebviewMessage({
        type: 'mergeResult',
        report: { mergedSourceIds: ['01HZZZB'], destination: { id: '01HZZZA' }, error: 'timed out' },
      }),
      true,
    );
    assert.equal(
      isExtensionToWebviewMessage({ type: 'mergeResult', report: { mergedSourceIds: [], cancelled: true } }),
      true,
    );
  });

  const invalid: Array<[string, unknown]> = [
    ['page-side type', { type: 'ready' }],
    ['init without state', { type: 'init' }],
    ['state without contacts', { type: 'init', state: { ...state, contacts: undefined } }],
    ['contact without id', { type: 'init', state: { ...state, contacts: [{ display_name: 'x' }] } }],
    ['contact not an object', { type: 'init', state: { ...state, contacts: ['01HZZZA'] } }],
    ['channels not strings', { type: 'init', state: { ...state, channels: [1] } }],
    ['merging not boolean', { type: 'init', state: { ...state, merging: 'yes' } }],
    ['error not a string', { type: 'init', state: { ...state, error: { message: 'x' } } }],
    ['merged ids not strings', { type: 'init', state: { ...state, mergedSourceIds: [1] } }],
    ['title missing', { type: 'init', state: { ...state, title: undefined } }],
    ['translations not strings', { type: 'init', state: { ...state, l10n: { Result: 1 } } }],
    ['translations not an object', { type: 'init', state: { ...state, l10n: 'Resultat' } }],
    ['report without ids', { type: 'mergeResult', report: {} }],
    ['report destination without id', { type: 'mergeResult', report: { mergedSourceIds: [], destination: {} } }],
    ['report cancelled not boolean', { type: 'mergeResult', report: { mergedSourceIds: [], cancelled: 1 } }],
  ];

  for (const [name, message] of invalid) {
    it(`rejects ${name}`, () => {
      assert.equal(isExtensionToWebviewMessage(message), false);
    });
  }

  it('checks saved page state', () => {
    assert.equal(isCompareState(state), true);
    assert.equal(isCompareState(JSON.parse(JSON.stringify(state))), true);
    assert.equal(isCompareState(undefined), false);
    assert.equal(isCompareState({ ...state, destinationId: '' }), false);
  });
});

describe('webview state: applyMergeReport', () => {
  it('removes merged sources', () => {
    const next = applyMergeReport({ ...state, merging: true }, '01HZZZA', {
      mergedSourceIds: ['01HZZZB', '01HZZZC'],
      destination: { id: '01HZZZA', display_name: 'Ada', email: 'ada@example.com' },
    });

    assert.deepEqual(next.contacts, [{ id: '01HZZZA', display_name: 'Ada', email: 'ada@example.com' }]);
    assert.deepEqual(next.mergedSourceIds, ['01HZZZB', '01HZZZC']);
    assert.equal(next.merging, false);
    assert.equal(next.error, undefined);
  });

  it('keeps unmerged sources after a failure', () => {
    const next = applyMergeReport({ ...state, merging: true, mergedSourceIds: ['01HZZZX'] }, '01HZZZA', {
      mergedSourceIds: ['01HZZZB'],
      error: 'Merging 01HZZZC failed: 503 UNAVAILABLE',
    });

    assert.deepEqual(
      next.contacts.map((contact) => contact.id),
      ['01HZZZA', '01HZZZC'],
    );
    assert.deepEqual(next.contacts[0], { id: '01HZZZA', display_name: 'Ada' });
    assert.deepEqual(next.mergedSourceIds, ['01HZZZX', '01HZZZB']);
    assert.equal(next.error, 'Merging 01HZZZC failed: 503 UNAVAILABLE');
    assert.equal(next.merging, false);
  });

  it('ignores a server copy of another contact', () => {
    const next = applyMergeReport(state, '01HZZZA', {
      mergedSourceIds: [],
      destination: { id: '01HZZZB', display_name: 'Wrong' },
    });

    assert.deepEqual(next.contacts, state.contacts);
  });

  it('records the chosen destination', () => {
    const next = applyMergeReport(state, '01HZZZC', { mergedSourceIds: [], cancelled: true });

    assert.equal(next.destinationId, '01HZZZC');
    assert.deepEqual(next.contacts, state.contacts);
  });
});
