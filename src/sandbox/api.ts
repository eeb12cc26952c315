// The sandbox's public contract: what `startSandbox` takes and returns, and the controls
// that tests, benchmarks and the extension's "Try with sample data" use.
import type { App, Contact, IdentityConflict, Region } from '../sinch/types';

export type SeedName = 'default' | 'large' | 'empty';

export interface SandboxOptions {
  /** TCP port on 127.0.0.1; 0 or absent picks a free one. */
  port?: number;
  seed?: SeedName;
  /** Conflicts the `large` seed creates (default 10,000). */
  largeConflicts?: number;
  projectId?: string;
  region?: Region;
  keyId?: string;
  keySecret?: string;
  /** Fixed latency added to every response, in milliseconds. */
  latencyMs?: number;
  /** Uniform random extra latency in [0, jitterMs) milliseconds. */
  jitterMs?: number;
  /** Lifetime of issued access tokens, in seconds (default 3600). */
  tokenLifetimeSeconds?: number;
  /** Requests per second per project before the sandbox returns 429 (default 800). */
  rateLimitPerSecond?: number;
  /** Receives one line per request and per internal error, never a secret. */
  log?: (line: string) => void;
}

/** Names of the routes a fault can target. */
export type RouteName =
  | 'token'
  | 'listApps'
  | 'listContacts'
  | 'getContact'
  | 'createContact'
  | 'listConflicts'
  | 'merge'
  | 'getSettings'
  | 'patchSettings';

export interface FaultSpec {
  route: RouteName;
  /**
   * `status`: answer `status` with a Sinch error body; `reset`: destroy the socket;
   * `malformed`: answer 200 with a body that is not valid JSON; `delay`: wait `delayMs`
   * before answering normally.
   */
  kind: 'status' | 'reset' | 'malformed' | 'delay';
  status?: number;
  /** Value of a `Retry-After` header sent with a `status` fault. */
  retryAfter?: string;
  /** Extra headers sent with a `status` fault, such as `www-authenticate`. */
  headers?: Record<string, string>;
  delayMs?: number;
  /** How many matching calls the fault applies to (default 1). */
  times?: number;
  /** `before`: nothing is applied; `after`: the state change is applied, the response lost. */
  when?: 'before' | 'after';
}

export interface RequestRecord {
  method: string;
  path: string;
  route: RouteName | 'unknown' | 'control';
  /** HTTP status sent; 0 when a `reset` fault destroyed the connection. */
  status: number;
  /** Arrival time, in milliseconds since the epoch. */
  at: number;
  /** Time the sandbox spent on the request, without injected latency or delay faults, in milliseconds. */
  serverMs?: number;
  /** Kind of the injected fault that hit this request, if any. */
  fault?: FaultSpec['kind'];
}

export interface SandboxState {
  projectId: string;
  apps: App[];
  contacts: Contact[];
  /** Identity conflicts in the order the conflict list returns them. */
  conflicts: IdentityConflict[];
  unifiedContactIdEnabled: boolean;
  requests: RequestRecord[];
}

export interface SandboxControl {
  setLatency(fixedMs: number, jitterMs?: number): void;
  setRateLimit(requestsPerSecond: number): void;
  setTokenLifetime(seconds: number): void;
  injectFault(fault: FaultSpec): void;
  clearFaults(): void;
  /**
   * Replaces all data with a fresh copy of a seed (by default the one the sandbox started
   * with) and clears faults and the request log.
   */
  reset(seed?: SeedName, options?: { largeConflicts?: number }): void;
  state(): SandboxState;
  /** Calls seen so far, optionally only those of one route. */
  requests(route?: RouteName): RequestRecord[];
}

export interface SandboxHandle {
  /** Base URL of the Conversation API for a region, such as `http://127.0.0.1:PORT/us`. */
  conversationUrl(region: Region): string;
  /** Full URL of the OAuth2 token endpoint. */
  authUrl: string;
  /** `http://127.0.0.1:PORT`. */
  baseUrl: string;
  port: number;
  projectId: string;
  region: Region;
  keyId: string;
  keySecret: string;
  /** A valid access key of another project: using it on this project returns 403. */
  foreignKey: { keyId: string; keySecret: string; projectId: string };
  control: SandboxControl;
  close(): Promise<void>;
}
