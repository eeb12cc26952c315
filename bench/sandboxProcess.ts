// The sandbox in a child process, so the benchmark process's heap and event loop hold only
// the client and the model. Its controls are the HTTP routes under `/__sandbox/`.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import type { RequestRecord, RouteName, SeedName } from '../src/sandbox/api';
import { DEFAULT_KEY_ID, DEFAULT_KEY_SECRET, DEFAULT_PROJECT_ID, DEFAULT_REGION } from '../src/sandbox/defaults';
import type { SandboxAddress } from './sandboxAddress';

const CLI_PATH = path.join(__dirname, '..', 'src', 'sandbox', 'cli.js');
const LISTENING_LINE = /listening on (http:\/\/127\.0\.0\.1:\d+)/;
const START_TIMEOUT_MS = 30_000;

export interface SandboxProcessOptions {
  seed: SeedName;
  largeConflicts?: number;
}

export class SandboxProcess implements SandboxAddress {
  readonly projectId = DEFAULT_PROJECT_ID;
  readonly region = DEFAULT_REGION;
  readonly keyId = DEFAULT_KEY_ID;
  readonly keySecret = DEFAULT_KEY_SECRET;

  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
  ) {}

  get authUrl(): string {
    return `${this.baseUrl}/oauth2/token`;
  }

  conversationUrl(region: string): string {
    return `${this.baseUrl}/${region}`;
  }

  /** Starts `out/src/sandbox/cli.js` on a free port of 127.0.0.1 and waits for its address. */
  static async start(options: SandboxProcessOptions): Promise<SandboxProcess> {
    const args = [CLI_PATH, '--port', '0', '--seed', options.seed];
    if (options.largeConflicts !== undefined) {
      args.push('--large-conflicts', String(options.largeConflicts));
    }
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });

    const baseUrl = await new Promise<string>((resolve, reject) => {
      let stderr = '';
      let stdout = '';
      const timer = setTimeout(() => reject(new Error(`Starting the sandbox process timed out: no address after ${START_TIMEOUT_MS} ms. Run "npm run sandbox" to see its output.`)), START_TIMEOUT_MS);

      child.stdout?.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        const match = LISTENING_LINE.exec(stdout);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`The sandbox process exited with code ${code} before listening: ${stderr.trim()}`));
      });
    });

    // The sandbox logs one line per request: the pipe is drained so that it never fills and blocks.
    child.stdout?.removeAllListeners('data');
    child.stdout?.resume();
    return new SandboxProcess(child, baseUrl);
  }

  setLatency(fixedMs: number, jitterMs = 0): Promise<void> {
    return this.post('latency', { fixedMs, jitterMs });
  }

  /** Sets the per-project limit, which also refills the sandbox's token bucket. */
  setRateLimit(requestsPerSecond: number): Promise<void> {
    return this.post('rate-limit', { requestsPerSecond });
  }

  /** Rebuilds the data from a seed and clears the request log. */
  reset(seed: SeedName, largeConflicts?: number): Promise<void> {
    return this.post('reset', { seed, largeConflicts });
  }

  async requests(route?: RouteName): Promise<RequestRecord[]> {
    const query = route ? `?route=${route}` : '';
    const response = await fetch(`${this.baseUrl}/__sandbox/requests${query}`);
    if (!response.ok) {
      throw new Error(`Reading the sandbox request log failed: HTTP ${response.status} ${await response.text()}`);
    }
    const body = (await response.json()) as { requests: RequestRecord[] };
    return body.requests;
  }

  /** Stops the child process and waits for it to exit. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) {
      return;
    }
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    await exited;
  }

  private async post(action: string, body: unknown): Promise<void> {
    const response = await fetch(`${this.baseUrl}/__sandbox/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      throw new Error(`Sandbox control "${action}" failed: HTTP ${response.status} ${await response.text()}`);
    }
    await response.arrayBuffer();
  }
}
