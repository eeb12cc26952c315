// Client options, their defaults and their checks.
import { DEFAULT_REFRESH_MARGIN_MS } from './auth';
import { resolveEndpoints, type CustomEndpoints, type ResolvedEndpoints } from './endpoints';
import { configError } from './errors';
import { silentLogger, type Logger } from './logger';
import type { Region } from './types';

export type AuthMethod = 'oauth2' | 'basic';

export interface ClientOptions {
  projectId: string;
  region: Region;
  keyId: string;
  keySecret: string;
  /** `oauth2` exchanges the key for a bearer token; `basic` sends the key on every call. */
  authMethod: AuthMethod;
  /** Loopback endpoints of a sandbox; any other host is rejected. */
  endpoints?: CustomEndpoints;
  logger?: Logger;
  /** Per-attempt timeout in milliseconds (default 30,000). */
  timeoutMs?: number;
  /** Requests in flight at once across the whole client (default 10). */
  maxConcurrentRequests?: number;
  /** Request starts per second across the whole client (default 700, below the API's 800 per project). */
  maxRequestsPerSecond?: number;
  /** Retries of a GET or token call after a network error, timeout, 429 or 5xx (default 3). */
  maxRetries?: number;
  /** Backoff base in milliseconds (default 500). */
  retryBaseMs?: number;
  /** Maximum backoff wait in milliseconds (default 8,000). */
  retryCapMs?: number;
  /** Maximum wait a `Retry-After` header can impose, in milliseconds (default 60,000). */
  retryAfterCapMs?: number;
  /** How long before expiry a token is renewed, in milliseconds (default 60,000). */
  tokenRefreshMarginMs?: number;
  userAgent?: string;
}

export interface ResolvedOptions {
  projectId: string;
  region: Region;
  keyId: string;
  keySecret: string;
  authMethod: AuthMethod;
  endpoints: ResolvedEndpoints;
  logger: Logger;
  timeoutMs: number;
  maxConcurrentRequests: number;
  maxRequestsPerSecond: number;
  maxRetries: number;
  retryBaseMs: number;
  retryCapMs: number;
  retryAfterCapMs: number;
  tokenRefreshMarginMs: number;
  userAgent: string;
}

export const DEFAULT_USER_AGENT = 'sinch-identity-conflicts';

/** Applies defaults and checks every option, throwing a `config` error that names the bad one. */
export function resolveOptions(options: ClientOptions): ResolvedOptions {
  requireText('project ID', options.projectId);
  requireText('key ID', options.keyId);
  if (typeof options.keySecret !== 'string' || options.keySecret === '') {
    throw configError('Missing key secret. Enter the secret shown when the access key was created.');
  }
  if (options.authMethod !== 'oauth2' && options.authMethod !== 'basic') {
    throw configError(`Invalid auth method "${String(options.authMethod)}". Use "oauth2" or "basic".`);
  }

  return {
    projectId: options.projectId.trim(),
    region: options.region,
    keyId: options.keyId.trim(),
    keySecret: options.keySecret,
    authMethod: options.authMethod,
    endpoints: resolveEndpoints({ region: options.region, endpoints: options.endpoints }),
    logger: options.logger ?? silentLogger,
    timeoutMs: whole('timeoutMs', options.timeoutMs, 30_000, 1),
    maxConcurrentRequests: whole('maxConcurrentRequests', options.maxConcurrentRequests, 10, 1),
    maxRequestsPerSecond: whole('maxRequestsPerSecond', options.maxRequestsPerSecond, 700, 1),
    maxRetries: whole('maxRetries', options.maxRetries, 3, 0),
    retryBaseMs: whole('retryBaseMs', options.retryBaseMs, 500, 0),
    retryCapMs: whole('retryCapMs', options.retryCapMs, 8_000, 0),
    retryAfterCapMs: whole('retryAfterCapMs', options.retryAfterCapMs, 60_000, 0),
    tokenRefreshMarginMs: whole('tokenRefreshMarginMs', options.tokenRefreshMarginMs, DEFAULT_REFRESH_MARGIN_MS, 0),
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
  };
}

function requireText(label: string, value: unknown): void {
  if (typeof value !== 'string' || value.trim() === '') {
    throw configError(`Missing ${label}. Copy it from the Sinch dashboard.`);
  }
}

function whole(name: string, value: number | undefined, fallback: number, minimum: number): number {
  if (value === undefined) {
    return fallback;
  }
  if (!Number.isInteger(value) || value < minimum) {
    throw configError(`Invalid ${name} ${value}: use a whole number of at least ${minimum}.`);
  }
  return value;
}
