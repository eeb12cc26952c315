// `npm run test:electron`: the same in-host suite in desktop VS Code through @vscode/test-electron,
// for machines that can download VS Code. (Where the download host is unreachable, as on the
// project's CI machines, `npm test` runs the suite in code-server instead.)
import { runTests } from '@vscode/test-electron';
import { hostTestsEntry, repoRoot } from './paths';

async function main(): Promise<void> {
  await runTests({
    version: process.env.SINCH_VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: hostTestsEntry,
    launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((error: unknown) => {
  console.error(`The in-host suite failed or could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
