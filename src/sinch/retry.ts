// Retry policy: which failures are worth another attempt and how long to wait before it.
import { cancelledError } from './errors';

export interface RetryPolicy {
  maxRetries: number;
  baseMs: number;
  capMs: number;
  /** Upper bound on a server's `Retry-After`, so one header cannot stall the client. */
  retryAfterCapMs: number;
}

/** 429 and every 5xx may succeed on a later attempt; other statuses will not. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/**
 * Computes a full-jitter exponential backoff: a uniform random wait in [0, min(cap, base * 2^attempt)).
 * `attempt` counts from 0 for the first retry.
 */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

// NOTE: whether the Conversation API sends `Retry-After` with a 429 is not documented. The
// client honours it when present and falls back to backoff otherwise.

/**
 * Parses a `Retry-After` value, either delay seconds or an HTTP date, into milliseconds
 * from `now`. Returns undefined when the header is absent or unreadable.
 */
export function parseRetryAfterMs(header: string | null | undefined, now: number = Date.now()): number | undefined {
  if (header === null || header === undefined) {
    return undefined;
  }

  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    return Math.round(Number(trimmed) * 1000);
  }

  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) {
    return undefined;
  }
  return Math.max(0, date - now);
}

/** Chooses the wait before retry number `attempt` (from 0) after a response or a failure. */
export function retryDelayMs(
  attempt: number,
  policy: RetryPolicy,
  retryAfterHeader: string | null | undefined,
): number {
  const retryAfter = parseRetryAfterMs(retryAfterHeader);
  if (retryAfter !== undefined) {
    return Math.min(retryAfter, policy.retryAfterCapMs);
  }
  return backoffDelayMs(attempt, policy);
}

/** Sleeps for `ms`, rejecting with a `cancelled` error as soon as `signal` aborts. */
export function sleep(ms: number, operation: string, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) {
    return Promise.reject(cancelledError(operation));
  }

  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(cancelledError(operation));
    };

    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);

    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
