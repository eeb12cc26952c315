// Authorization for Conversation API calls: HTTP Basic with the access key, or an OAuth2
// client-credentials token that is cached, refreshed before it expires, and fetched by one
// shared request however many callers need it at once.
import { cancelledError } from './errors';
import type { HttpCore, HttpRequest } from './http';
import { parseBody, statusError, type ErrorContext } from './responses';
import { readToken } from './shapes';

export const TOKEN_OPERATION = 'get access token';

/** Refresh this long before `exp`, as the official Node SDK does. */
export const DEFAULT_REFRESH_MARGIN_MS = 60_000;

/** Lifetime assumed when a token carries neither an `exp` claim nor `expires_in`. */
const FALLBACK_LIFETIME_MS = 300_000;

export interface AccessKey {
  keyId: string;
  keySecret: string;
}

export interface CachedToken {
  accessToken: string;
  expiresAt: number;
  refreshAt: number;
}

export function basicAuthorization(key: AccessKey): string {
  return `Basic ${Buffer.from(`${key.keyId}:${key.keySecret}`, 'utf8').toString('base64')}`;
}

/** Reads the `exp` claim (seconds since the epoch) from a JWT payload, or undefined. */
export function readJwtExpiry(token: string): number | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) {
    return undefined;
  }

  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    if (typeof payload === 'object' && payload !== null && 'exp' in payload && typeof payload.exp === 'number') {
      return payload.exp;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/**
 * Computes when a token expires and when to refresh it. The `exp` claim wins, and
 * `expires_in` is the fallback. `expires_in` also replaces an `exp` that lies in the past by
 * the local clock, because such a token would make every call fetch a new one.
 */
export function scheduleToken(
  accessToken: string,
  expiresInSeconds: number | undefined,
  receivedAt: number,
  marginMs: number,
): CachedToken {
  const exp = readJwtExpiry(accessToken);
  let lifetimeMs = exp === undefined ? 0 : exp * 1000 - receivedAt;
  if (lifetimeMs <= 0) {
    lifetimeMs = expiresInSeconds === undefined ? FALLBACK_LIFETIME_MS : expiresInSeconds * 1000;
  }

  // A short-lived token would be stale from the start with the full margin, so refresh at
  // half its lifetime at the latest.
  const effectiveMargin = Math.min(marginMs, lifetimeMs / 2);
  return { accessToken, expiresAt: receivedAt + lifetimeMs, refreshAt: receivedAt + lifetimeMs - effectiveMargin };
}

export interface TokenSourceOptions {
  core: HttpCore;
  authUrl: string;
  key: AccessKey;
  context: ErrorContext;
  refreshMarginMs: number;
  /** Called with every token received, so it can be redacted from logs and messages. */
  onToken: (accessToken: string) => void;
  now?: () => number;
}

export class TokenSource {
  private current: CachedToken | undefined;
  private inflight: Promise<CachedToken> | undefined;
  private readonly now: () => number;

  constructor(private readonly options: TokenSourceOptions) {
    this.now = options.now ?? Date.now;
  }

  /**
   * Returns a valid access token, fetching one when none is cached or the cached one is due.
   * `operation` names the caller's call in the error of a cancelled wait.
   */
  async token(operation: string, signal?: AbortSignal): Promise<string> {
    const cached = this.current;
    if (cached !== undefined && this.now() < cached.refreshAt) {
      return cached.accessToken;
    }

    const issued = await waitUnlessAborted(this.refresh(), operation, signal);
    return issued.accessToken;
  }

  /** Drops `accessToken` after the server called it expired, unless a newer one replaced it already. */
  invalidate(accessToken: string): void {
    if (this.current?.accessToken === accessToken) {
      this.current = undefined;
    }
  }

  /**
   * Starts one token request shared by every caller. It runs without any caller's signal,
   * because one caller's cancellation must not fail the others; the request timeout and
   * retry limit bound it instead.
   */
  private refresh(): Promise<CachedToken> {
    if (this.inflight === undefined) {
      const request = this.requestToken().then((issued) => {
        this.current = issued;
        return issued;
      });

      this.inflight = request.finally(() => {
        this.inflight = undefined;
      });
      // Callers that gave up no longer listen; this keeps a later failure from going unhandled.
      this.inflight.catch(() => undefined);
    }
    return this.inflight;
  }

  private async requestToken(): Promise<CachedToken> {
    const { core, authUrl, key, context } = this.options;
    const request: HttpRequest = {
      operation: TOKEN_OPERATION,
      method: 'POST',
      url: authUrl,
      path: new URL(authUrl).pathname,
      headers: {
        authorization: basicAuthorization(key),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
      // The token call changes nothing on the server, so it is retried like a GET.
      retry: true,
    };

    // expires_in counts from when the server issued the token, so the send time is the safe origin.
    const requestedAt = this.now();
    const response = await core.send(request);
    if (response.status < 200 || response.status >= 300) {
      throw statusError(response, request, context);
    }

    const body = parseBody(response, request, readToken);
    this.options.onToken(body.accessToken);
    return scheduleToken(body.accessToken, body.expiresInSeconds, requestedAt, this.options.refreshMarginMs);
  }
}

/** Waits for `promise`, but rejects with a `cancelled` error as soon as `signal` aborts. */
function waitUnlessAborted<T>(promise: Promise<T>, operation: string, signal?: AbortSignal): Promise<T> {
  if (signal === undefined) {
    return promise;
  }
  if (signal.aborted) {
    return Promise.reject(cancelledError(operation));
  }

  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(cancelledError(operation));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
