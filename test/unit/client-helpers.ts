// Shared setup for the client tests: a real sandbox on 127.0.0.1, a client pointed at it,
// and a logger that records every line at every level.
import { ConversationClient, type ClientOptions, type Logger } from '../../src/sinch';
import type { SandboxHandle, SandboxOptions } from '../../src/sandbox/api';
import { startSandbox } from '../../src/sandbox';
import { sandboxEndpoints } from '../../src/sandbox/endpoints';

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

export class RecordingLogger implements Logger {
  readonly lines: Array<{ level: LogLevel; message: string }> = [];

  trace(message: string): void {
    this.lines.push({ level: 'trace', message });
  }
  debug(message: string): void {
    this.lines.push({ level: 'debug', message });
  }
  info(message: string): void {
    this.lines.push({ level: 'info', message });
  }
  warn(message: string): void {
    this.lines.push({ level: 'warn', message });
  }
  error(message: string): void {
    this.lines.push({ level: 'error', message });
  }

  text(): string {
    return this.lines.map((line) => `${line.level} ${line.message}`).join('\n');
  }
}

export function openSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  return startSandbox(options);
}

/** Creates a client for the sandbox's project with short backoffs, so retry tests stay quick. */
export function clientFor(sandbox: SandboxHandle, overrides: Partial<ClientOptions> = {}): ConversationClient {
  return new ConversationClient({
    projectId: sandbox.projectId,
    region: sandbox.region,
    keyId: sandbox.keyId,
    keySecret: sandbox.keySecret,
    authMethod: 'oauth2',
    endpoints: sandboxEndpoints(sandbox),
    retryBaseMs: 10,
    retryCapMs: 50,
    ...overrides,
  });
}

/** Runs `action` and returns the error it rejects with, failing the test if it resolves. */
export async function rejectionOf(action: () => Promise<unknown>): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const result: T[] = [];
  for await (const item of items) {
    result.push(item);
  }
  return result;
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
