// Folders the test harness reads and writes, all relative to the repository root.
import * as path from 'node:path';

/** The repository root (compiled files live in `out/test/harness`). */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** Node 24 and code-server, installed once and reused; git-ignored like `.vscode-test/` of test-electron. */
export const cacheDir = path.join(repoRoot, '.vscode-test');

/** Screenshots, logs and per-run folders. Git-ignored. */
export const resultsDir = path.join(repoRoot, 'test-results');

export const screenshotsDir = path.join(resultsDir, 'screenshots');

/** The `.vsix` that `npm run package` writes and the UI tier installs. */
export const vsixPath = path.join(repoRoot, 'sinch-identity-conflicts.vsix');

/** The in-host suite's entry, a standard mocha `run()` module. */
export const hostTestsEntry = path.join(repoRoot, 'out', 'test', 'host', 'index.js');
