// Benchmark 1b: byte sizes of the production bundles and the .vsix that `npm run package` writes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { kib, ratio, round } from './stats';

const ROOT = path.resolve(__dirname, '..', '..');
const EXTENSION_BUDGET_BYTES = 300 * 1024;

export interface SizeResult {
  /** dist/extension.js, the bundle loaded at activation. */
  extensionBytes: number;
  /** dist/client.js and dist/sandbox.js, loaded on first request and on "Try with Sample Data". */
  clientBytes: number;
  sandboxBytes: number;
  /** All extension-host code, the figure held against the budget: splitting must not hide size. */
  extensionHostBytes: number;
  webviewBytes: number;
  vsixBytes: number;
  extensionBudgetBytes: number;
  extensionPerBudget: number;
}

function sizeOf(relativePath: string): number {
  const file = path.join(ROOT, relativePath);
  if (!fs.existsSync(file)) {
    throw new Error(`${file} is missing: run "npm run package" first (npm run bench does).`);
  }
  return fs.statSync(file).size;
}

export function measureSizes(): SizeResult {
  const extensionBytes = sizeOf('dist/extension.js');
  const clientBytes = sizeOf('dist/client.js');
  const sandboxBytes = sizeOf('dist/sandbox.js');
  const extensionHostBytes = extensionBytes + clientBytes + sandboxBytes;
  return {
    extensionBytes,
    clientBytes,
    sandboxBytes,
    extensionHostBytes,
    webviewBytes: sizeOf('dist/webview.js'),
    vsixBytes: sizeOf('sinch-identity-conflicts.vsix'),
    extensionBudgetBytes: EXTENSION_BUDGET_BYTES,
    extensionPerBudget: round(extensionHostBytes / EXTENSION_BUDGET_BYTES, 3),
  };
}

export function printSizes(result: SizeResult): void {
  console.log('1b. Size of the production build');
  console.log(`   dist/extension.js              ${kib(result.extensionBytes).padStart(10)}   (loaded at activation)`);
  console.log(`   dist/client.js                 ${kib(result.clientBytes).padStart(10)}   (loaded on the first request)`);
  console.log(`   dist/sandbox.js                ${kib(result.sandboxBytes).padStart(10)}   (loaded by Try with Sample Data)`);
  console.log(`   extension-host code in all     ${kib(result.extensionHostBytes).padStart(10)}   budget ${kib(result.extensionBudgetBytes)}   ratio ${ratio(result.extensionPerBudget)}`);
  console.log(`   dist/webview.js                ${kib(result.webviewBytes).padStart(10)}`);
  console.log(`   sinch-identity-conflicts.vsix  ${kib(result.vsixBytes).padStart(10)}`);
}
