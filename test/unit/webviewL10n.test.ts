import * as assert from 'node:assert/strict';
import { setL10nBundle, t, tNodes } from '../../src/webview/app/l10n';

describe('compare page translations', () => {
  afterEach(() => {
    setL10nBundle(undefined);
  });

  it('fills placeholders in English', () => {
    assert.equal(t('Merged {0} contacts into the kept contact.', 3), 'Merged 3 contacts into the kept contact.');
    assert.equal(t('Kept'), 'Kept');
  });

  it('uses the translation from the bundle', () => {
    setL10nBundle({ 'Merged away ({0} of {1})': 'Zusammengeführt ({0} von {1})' });
    assert.equal(t('Merged away ({0} of {1})', 1, 2), 'Zusammengeführt (1 von 2)');
    assert.equal(t('Kept'), 'Kept', 'a message missing from the bundle stays English');
  });

  it('keeps node arguments as they are', () => {
    const node = { isNode: true };
    assert.deepEqual(tNodes('After merging into {0}', node), ['After merging into ', node]);
    assert.deepEqual(tNodes('{0} identity {1} from {2}', 'SMS', node, node), ['SMS', ' identity ', node, ' from ', node]);
  });

  it('leaves a placeholder without argument visible', () => {
    assert.equal(t('from {0} to {1}', 'a'), 'from a to {1}');
  });
});
