import * as assert from 'node:assert/strict';
import { CLIENT_SETTING_RULES, clientSettingsFrom } from '../../src/profiles/clientSettings';
import type { Profile } from '../../src/profiles/types';
import {
  findDuplicate,
  isUuid,
  parseRegion,
  parseStoredProfile,
  readEnvironmentCredentials,
} from '../../src/profiles/validation';

const PROJECT_ID = '5b8e2f4a-93c1-4d07-a6e5-1f2c3d4b5a69';
const KEY_ID = 'c7d1e9a2-58b4-4f3e-9a06-2b7c8d9e0f14';

describe('profile validation', () => {
  describe('isUuid', () => {
    it('accepts UUIDs in either case', () => {
      assert.equal(isUuid(PROJECT_ID), true);
      assert.equal(isUuid(PROJECT_ID.toUpperCase()), true);
      assert.equal(isUuid(`  ${PROJECT_ID}\n`), true);
    });

    it('rejects other text', () => {
      for (const text of ['', 'project', PROJECT_ID.slice(1), `${PROJECT_ID}0`, PROJECT_ID.replace(/-/g, ''), PROJECT_ID.replace('5', 'g')]) {
        assert.equal(isUuid(text), false, `"${text}" passed as a UUID`);
      }
    });
  });

  describe('parseRegion', () => {
    it('reads the three regions, ignoring case and spaces', () => {
      assert.equal(parseRegion('us'), 'us');
      assert.equal(parseRegion(' EU '), 'eu');
      assert.equal(parseRegion('Br'), 'br');
    });

    it('rejects unknown regions', () => {
      assert.equal(parseRegion('apac'), undefined);
      assert.equal(parseRegion(''), undefined);
      assert.equal(parseRegion('us-east'), undefined);
    });
  });

  describe('readEnvironmentCredentials', () => {
    const complete = {
      SINCH_PROJECT_ID: PROJECT_ID,
      SINCH_KEY_ID: KEY_ID,
      SINCH_KEY_SECRET: 'secret-value',
      SINCH_CONVERSATION_REGION: 'eu',
    };

    it('reads all four variables', () => {
      const result = readEnvironmentCredentials(complete);
      assert.deepEqual(result, {
        ok: true,
        credentials: { projectId: PROJECT_ID, keyId: KEY_ID, keySecret: 'secret-value', region: 'eu' },
      });
    });

    it('defaults the region to us', () => {
      const result = readEnvironmentCredentials({ ...complete, SINCH_CONVERSATION_REGION: undefined });
      assert.ok(result.ok);
      assert.equal(result.credentials.region, 'us');

      const blank = readEnvironmentCredentials({ ...complete, SINCH_CONVERSATION_REGION: '  ' });
      assert.ok(blank.ok);
      assert.equal(blank.credentials.region, 'us');
    });

    it('lists every missing variable', () => {
      const result = readEnvironmentCredentials({ SINCH_KEY_ID: KEY_ID, SINCH_KEY_SECRET: '' });
      assert.equal(result.ok, false);
      assert.ok(!result.ok);
      assert.deepEqual(result.missing, ['SINCH_PROJECT_ID', 'SINCH_KEY_SECRET']);
    });

    it('lists all three when nothing is set', () => {
      const result = readEnvironmentCredentials({});
      assert.ok(!result.ok);
      assert.deepEqual(result.missing, ['SINCH_PROJECT_ID', 'SINCH_KEY_ID', 'SINCH_KEY_SECRET']);
    });

    it('names an invalid region', () => {
      const result = readEnvironmentCredentials({ ...complete, SINCH_CONVERSATION_REGION: 'apac' });
      assert.ok(!result.ok);
      assert.deepEqual(result.missing, []);
      assert.deepEqual(result.invalid, [{ name: 'SINCH_CONVERSATION_REGION', value: 'apac', expected: 'region' }]);
    });

    it('names a project ID that is not a UUID', () => {
      const result = readEnvironmentCredentials({ ...complete, SINCH_PROJECT_ID: 'my-project' });
      assert.ok(!result.ok);
      assert.deepEqual(result.invalid, [{ name: 'SINCH_PROJECT_ID', value: 'my-project', expected: 'uuid' }]);
    });

    it('never lists the key secret as invalid', () => {
      const result = readEnvironmentCredentials({ ...complete, SINCH_PROJECT_ID: 'x', SINCH_CONVERSATION_REGION: 'y' });
      assert.ok(!result.ok);
      assert.ok(!JSON.stringify(result).includes('secret-value'));
    });

    it('trims values', () => {
      const result = readEnvironmentCredentials({ ...complete, SINCH_KEY_SECRET: ' secret-value\n' });
      assert.ok(result.ok);
      assert.equal(result.credentials.keySecret, 'secret-value');
    });
  });

  describe('findDuplicate', () => {
    const existing: Profile[] = [
      { id: 'a', label: 'Prod', projectId: PROJECT_ID, region: 'us', keyId: KEY_ID, authMethod: 'oauth2' },
    ];

    it('finds the same project in the same region', () => {
      assert.equal(findDuplicate(existing, PROJECT_ID.toUpperCase(), 'us')?.id, 'a');
    });

    it('allows the same project in another region', () => {
      assert.equal(findDuplicate(existing, PROJECT_ID, 'eu'), undefined);
    });

    it('ignores the profile being edited', () => {
      assert.equal(findDuplicate(existing, PROJECT_ID, 'us', 'a'), undefined);
    });
  });

  describe('parseStoredProfile', () => {
    const valid = { id: 'a', label: 'Prod', projectId: PROJECT_ID, region: 'us', keyId: KEY_ID, authMethod: 'basic' };

    it('keeps only the known fields', () => {
      const result = parseStoredProfile({ ...valid, keySecret: 'leaked', sandbox: true });
      assert.ok(result.ok);
      assert.deepEqual(result.profile, { ...valid, sandbox: true });
    });

    it('rejects malformed entries with a reason', () => {
      const cases: [unknown, RegExp][] = [
        [null, /not an object/],
        [[valid], /not an object/],
        [{ ...valid, id: '' }, /"id"/],
        [{ ...valid, label: 3 }, /"label"/],
        [{ ...valid, region: 'apac' }, /region "apac"/],
        [{ ...valid, region: 'US' }, /region "US"/],
        [{ ...valid, authMethod: 'token' }, /auth method "token"/],
        [{ ...valid, sandbox: 'yes' }, /"sandbox"/],
      ];
      for (const [entry, reason] of cases) {
        const result = parseStoredProfile(entry);
        assert.equal(result.ok, false, `${JSON.stringify(entry)} was accepted`);
        assert.ok(!result.ok);
        assert.match(result.problem, reason);
      }
    });
  });

  describe('clientSettingsFrom', () => {
    it('uses the defaults when nothing is set', () => {
      const reading = clientSettingsFrom(() => undefined);
      assert.deepEqual(reading.settings, { timeoutMs: 30_000, maxConcurrentRequests: 10, maxRequestsPerSecond: 700 });
      assert.deepEqual(reading.problems, []);
    });

    it('converts seconds to milliseconds', () => {
      const values: Record<string, unknown> = { requestTimeoutSeconds: 5, maxConcurrentRequests: 4, maxRequestsPerSecond: 100 };
      const reading = clientSettingsFrom((key) => values[key]);
      assert.deepEqual(reading.settings, { timeoutMs: 5_000, maxConcurrentRequests: 4, maxRequestsPerSecond: 100 });
    });

    it('replaces out-of-range values with the default', () => {
      const values: Record<string, unknown> = { requestTimeoutSeconds: 0, maxConcurrentRequests: 2.5, maxRequestsPerSecond: 5000 };
      const reading = clientSettingsFrom((key) => values[key]);
      assert.deepEqual(reading.settings, { timeoutMs: 30_000, maxConcurrentRequests: 10, maxRequestsPerSecond: 700 });
      assert.equal(reading.problems.length, 3);
      assert.match(reading.problems[2], /sinchConflicts\.maxRequestsPerSecond is 5000/);
    });

    it('matches the bounds declared in package.json', () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const manifest = require('../../../package.json');
      const properties = manifest.contributes.configuration.properties;
      for (const rule of Object.values(CLIENT_SETTING_RULES)) {
        const declared = properties[`sinchConflicts.${rule.key}`];
        assert.ok(declared, `sinchConflicts.${rule.key} is not declared`);
        assert.equal(declared.default, rule.defaultValue);
        assert.equal(declared.minimum, rule.minimum);
        assert.equal(declared.maximum, rule.maximum);
        assert.equal(declared.scope, 'application');
      }
    });
  });
});
