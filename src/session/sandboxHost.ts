// The sandbox that "Try with sample data" runs inside the extension host: started on first
// use (never during activation), on 127.0.0.1 only, and stopped with the extension.
import * as vscode from 'vscode';
import type { SandboxHandle } from '../sandbox/api';

export const SANDBOX_PORT_SETTING = 'sandbox.port';

export class SandboxHost implements vscode.Disposable {
  private starting: Promise<SandboxHandle> | undefined;
  private handle: SandboxHandle | undefined;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  /** The running sandbox, if any. */
  get current(): SandboxHandle | undefined {
    return this.handle;
  }

  /** Starts the sandbox with the default seed unless it runs already. */
  ensureStarted(): Promise<SandboxHandle> {
    this.starting ??= this.start().catch((error: unknown) => {
      this.starting = undefined;
      throw error;
    });
    return this.starting;
  }

  private async start(): Promise<SandboxHandle> {
    // Loaded on demand so activation does not evaluate the sandbox's code and seed data.
    const { startSandbox } = await import('../sandbox/index');
    const port = vscode.workspace.getConfiguration('sinchConflicts').get<number>(SANDBOX_PORT_SETTING, 0);
    let handle: SandboxHandle;
    try {
      handle = await startSandbox({ port, seed: 'default' });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(
        vscode.l10n.t('Could not start the sample-data sandbox on 127.0.0.1 port {0}: {1}. Set "sinchConflicts.sandbox.port" to 0 to use a free port.', port, reason),
      );
    }
    this.handle = handle;
    this.log.info(`Sample-data sandbox listening on ${handle.baseUrl}.`);
    return handle;
  }

  async stop(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    this.starting = undefined;
    if (handle) {
      await handle.close();
      this.log.info('Sample-data sandbox stopped.');
    }
  }

  dispose(): void {
    void this.stop();
  }
}
