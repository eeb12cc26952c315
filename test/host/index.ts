// Entry of the in-host suite: a standard mocha `run()` module that VS Code loads into the real
// extension host. It does not care which launcher started it (code-server's test payload here,
// @vscode/test-electron on a desktop), and reports its counts on one line for the runner.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha = require('mocha');
import { fromMochaStats, STATS_LINE_PREFIX, SUITE_START_LINE } from '../harness/stats';

/** Test files of this folder, plus any named in SINCH_EXTRA_HOST_TESTS (comma-separated paths). */
function testFiles(): string[] {
  const files = fs
    .readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .sort()
    .map((name) => path.join(__dirname, name));
  const extra = (process.env.SINCH_EXTRA_HOST_TESTS ?? '').split(',').filter((file) => file.trim() !== '');
  return [...files, ...extra.map((file) => path.resolve(file))];
}

function vscodeVersion(): string {
  // Loaded lazily so this entry also loads where `vscode` is not available.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('vscode') as typeof import('vscode')).version;
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  const grep = process.env.SINCH_HOST_GREP;
  if (grep) {
    mocha.grep(grep);
  }
  for (const file of testFiles()) {
    mocha.addFile(file);
  }

  console.log(`${SUITE_START_LINE} (VS Code ${vscodeVersion()}, Node ${process.versions.node})`);
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      console.log(STATS_LINE_PREFIX + JSON.stringify(fromMochaStats(runner.stats)));
      if (failures > 0) {
        reject(new Error(`${failures} in-host test(s) failed.`));
      } else {
        resolve();
      }
    });
  });
}
