// Proves the in-host tier cannot pass by accident: a suite with a failing test must fail the run.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { runHostTests } from '../harness/hostTier';
import { repoRoot } from '../harness/paths';

describe('harness self-check', () => {
  it('failing in-host test fails the run', async () => {
    const failingFile = path.join(repoRoot, 'out', 'test', 'fixtures', 'failingHostTest.js');
    const result = await runHostTests({
      name: 'harness-self-check',
      echo: false,
      env: { SINCH_EXTRA_HOST_TESTS: failingFile, SINCH_HOST_GREP: 'harness self-check' },
    });

    assert.equal(result.exitCode, 1, `exit code ${result.exitCode}; output:\n${result.output.join('\n')}`);
    assert.deepEqual(result.stats, { passed: 1, failed: 1, skipped: 0 });
    assert.ok(result.output.some((line) => line.includes('this failure is expected')), 'the failure message was not reported');
  });
});
