// The sandbox's state in memory (apps, contacts, settings, keys, faults, limits) and the
// control API that tests, benchmarks and the extension use to change it.
import { REGIONS, type App, type Region } from '../sinch/types';
import type { FaultSpec, RouteName, SandboxControl, SandboxOptions, SandboxState, SeedName } from './api';
import { Authenticator, type AccessKey } from './auth';
import {
  DEFAULT_KEY_ID,
  DEFAULT_KEY_SECRET,
  DEFAULT_LARGE_CONFLICTS,
  DEFAULT_PROJECT_ID,
  DEFAULT_RATE_LIMIT_PER_SECOND,
  DEFAULT_REGION,
  DEFAULT_TOKEN_LIFETIME_SECONDS,
  FOREIGN_KEY,
} from './defaults';
import { FaultQueue } from './faults';
import { Prng } from './prng';
import { ProjectRateLimiter } from './rateLimit';
import { RequestLog } from './requestLog';
import { buildSeed, SEED_NAMES } from './seeds';
import { ContactStore } from './store';
import { UlidFactory } from './ulid';

/** Seed of the generator behind IDs of contacts created at run time. */
const RUNTIME_RANDOM_SEED = 0x5eedf00d;

function requireNumber(name: string, value: unknown, minimum: number, unit: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < minimum) {
    throw new Error(`Invalid ${name} ${String(value)}: use a number >= ${minimum} (${unit}).`);
  }
  return value;
}

export class Sandbox {
  readonly projectId: string;
  readonly region: Region;
  readonly key: AccessKey;
  readonly foreignKey: AccessKey = { ...FOREIGN_KEY };
  readonly auth: Authenticator;
  readonly faults = new FaultQueue();
  readonly requestLog = new RequestLog();
  readonly limiter: ProjectRateLimiter;
  readonly log: (line: string) => void;

  apps: App[] = [];
  store!: ContactStore;
  unifiedContactIdEnabled = false;
  latency = { fixedMs: 0, jitterMs: 0 };
  tokenLifetimeSeconds = DEFAULT_TOKEN_LIFETIME_SECONDS;

  private readonly startSeed: SeedName;
  private readonly startLargeConflicts: number;

  readonly control: SandboxControl = {
    setLatency: (fixedMs, jitterMs = 0) => {
      this.latency = {
        fixedMs: requireNumber('fixedMs', fixedMs, 0, 'milliseconds'),
        jitterMs: requireNumber('jitterMs', jitterMs, 0, 'milliseconds'),
      };
    },
    setRateLimit: (requestsPerSecond) => {
      this.limiter.setLimit(requireNumber('requestsPerSecond', requestsPerSecond, 1, 'requests per second'));
    },
    setTokenLifetime: (seconds) => {
      if (!Number.isInteger(seconds) || seconds < 1) {
        throw new Error(`Invalid token lifetime ${String(seconds)}: use a whole number of seconds >= 1.`);
      }
      this.tokenLifetimeSeconds = seconds;
    },
    injectFault: (fault: FaultSpec) => this.faults.add(fault),
    clearFaults: () => this.faults.clear(),
    reset: (seed, options) => this.reset(seed, options?.largeConflicts),
    state: () => this.snapshot(),
    requests: (route?: RouteName) => this.requestLog.list(route),
  };

  constructor(options: SandboxOptions = {}) {
    const region = options.region ?? DEFAULT_REGION;
    if (!REGIONS.includes(region)) {
      throw new Error(`Invalid region "${String(region)}": use one of ${REGIONS.join(', ')}.`);
    }

    this.region = region;
    this.projectId = options.projectId ?? DEFAULT_PROJECT_ID;
    this.key = {
      keyId: options.keyId ?? DEFAULT_KEY_ID,
      keySecret: options.keySecret ?? DEFAULT_KEY_SECRET,
      projectId: this.projectId,
    };
    this.auth = new Authenticator([this.key, this.foreignKey]);
    this.limiter = new ProjectRateLimiter(DEFAULT_RATE_LIMIT_PER_SECOND);
    this.log = options.log ?? (() => undefined);

    this.control.setLatency(options.latencyMs ?? 0, options.jitterMs ?? 0);
    this.control.setRateLimit(options.rateLimitPerSecond ?? DEFAULT_RATE_LIMIT_PER_SECOND);
    this.control.setTokenLifetime(options.tokenLifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS);

    this.startSeed = options.seed ?? 'default';
    this.startLargeConflicts = options.largeConflicts ?? DEFAULT_LARGE_CONFLICTS;
    this.reset(this.startSeed, this.startLargeConflicts);
  }

  /**
   * Replaces apps, contacts and settings with a fresh copy of a seed (by default the one the
   * sandbox started with), clears faults and the request log, and refills the rate limit.
   * Latency, rate limit and token lifetime stay as they are, and issued tokens stay valid.
   */
  reset(seed: SeedName = this.startSeed, largeConflicts = this.startLargeConflicts): void {
    if (!SEED_NAMES.includes(seed)) {
      throw new Error(`Unknown seed "${String(seed)}": use one of ${SEED_NAMES.join(', ')}.`);
    }

    const data = buildSeed(seed, largeConflicts);
    const random = new Prng(RUNTIME_RANDOM_SEED);
    this.apps = data.apps;
    this.store = new ContactStore(new UlidFactory(() => random.next()), data.contacts);

    // Computed now, so the first page of a large seed costs no more than the others.
    this.store.conflicts();
    this.unifiedContactIdEnabled = false;
    this.faults.clear();
    this.requestLog.clear();
    this.limiter.setLimit(this.limiter.limit);
  }

  /** Returns a deep copy of the data, so callers cannot change the sandbox through it. */
  snapshot(): SandboxState {
    return structuredClone({
      projectId: this.projectId,
      apps: this.apps,
      contacts: [...this.store.sorted()],
      conflicts: [...this.store.conflicts()],
      unifiedContactIdEnabled: this.unifiedContactIdEnabled,
      requests: this.requestLog.list(),
    });
  }
}
