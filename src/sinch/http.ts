// The request core: one HTTP exchange through node-fetch (so VS Code's proxy support, which
// patches Node's http and https modules, applies) under the client-wide limiter, with a
// per-attempt timeout, the caller's cancellation, and retries for idempotent requests.
// NOTE: node-fetch 2.7 parses every URL with Node's legacy `url.parse()`, so Node 24 prints a
// DEP0169 deprecation warning once per process. The warning is harmless; node-fetch 3 avoids it
// but ships only as an ES module.
import fetch, { type Headers } from 'node-fetch';
import { SinchApiError, sentenceCase, type SinchErrorKind } from './errors';
import type { RequestLimiter } from './limiter';
import type { Logger } from './logger';
import { isRetryableStatus, backoffDelayMs, retryDelayMs, sleep, type RetryPolicy } from './retry';

export interface HttpRequest {
  /** Name of the operation, such as "list apps", which starts every error message. */
  operation: string;
  method: 'GET' | 'POST';
  /** Full URL including the query string. */
  url: string;
  /** Path without the query string, for logs and errors. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Only idempotent requests (GETs and the token call) may be retried. */
  retry: boolean;
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
  retries: number;
}

export interface HttpCoreOptions {
  timeoutMs: number;
  retry: RetryPolicy;
  limiter: RequestLimiter;
  logger: Logger;
  userAgent: string;
}

/** A failure before any HTTP status arrived. */
class TransportFailure {
  constructor(
    readonly kind: Extract<SinchErrorKind, 'timeout' | 'network' | 'cancelled'>,
    readonly requestSent: boolean,
    readonly code?: string,
    readonly cause?: unknown,
  ) {}
}

export class HttpCore {
  constructor(private readonly options: HttpCoreOptions) {}

  /**
   * Sends `request` and returns the final response whatever its status. Retryable
   * statuses (429, 5xx), timeouts and network errors are retried when `request.retry` is
   * set; transport failures that remain are thrown as SinchApiError.
   */
  async send(request: HttpRequest): Promise<HttpResponse> {
    const { logger, retry } = this.options;
    const started = Date.now();
    let retries = 0;

    for (;;) {
      let delayMs: number;
      let reason: string;

      try {
        const attempt = await this.attempt(request);
        const canRetry = request.retry && isRetryableStatus(attempt.status) && retries < retry.maxRetries;
        if (!canRetry) {
          logger.info(`${request.method} ${request.path} ${attempt.status} ${Date.now() - started} ms, retries ${retries}`);
          return { ...attempt, retries };
        }

        delayMs = retryDelayMs(retries, retry, attempt.headers.get('retry-after'));
        reason = `HTTP ${attempt.status}`;
      } catch (error) {
        if (!(error instanceof TransportFailure)) {
          throw error;
        }

        const canRetry = request.retry && error.kind !== 'cancelled' && retries < retry.maxRetries;
        if (!canRetry) {
          logger.info(`${request.method} ${request.path} ${error.kind} ${Date.now() - started} ms, retries ${retries}`);
          throw this.transportError(request, error, retries);
        }

        delayMs = backoffDelayMs(retries, retry);
        reason = error.kind === 'timeout' ? 'timed out' : `network error ${error.code ?? ''}`.trim();
      }

      logger.debug(`${request.method} ${request.path}: ${reason}, retry ${retries + 1} of ${retry.maxRetries} in ${delayMs} ms`);
      try {
        await sleep(delayMs, request.operation, request.signal);
      } catch {
        logger.info(`${request.method} ${request.path} cancelled ${Date.now() - started} ms, retries ${retries}`);
        throw this.transportError(request, new TransportFailure('cancelled', true), retries);
      }
      retries += 1;
    }
  }

  /** Sends one exchange: waits for a limiter slot, sends, reads the whole body and frees the slot. */
  private async attempt(request: HttpRequest): Promise<Omit<HttpResponse, 'retries'>> {
    let release: () => void;
    try {
      release = await this.options.limiter.acquire(request.operation, request.signal);
    } catch {
      throw new TransportFailure('cancelled', false);
    }

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.options.timeoutMs);
    const onCallerAbort = (): void => controller.abort();
    request.signal?.addEventListener('abort', onCallerAbort, { once: true });

    try {
      if (request.signal?.aborted) {
        throw new TransportFailure('cancelled', false);
      }

      this.options.logger.trace(`${request.method} ${request.url} sending`);
      const response = await fetch(request.url, {
        method: request.method,
        headers: { 'user-agent': this.options.userAgent, accept: 'application/json', ...request.headers },
        body: request.body,
        signal: controller.signal,
        // Redirects are not followed, so credentials never travel to a host the profile did not name.
        redirect: 'manual',
      });
      const text = await response.text();
      return { status: response.status, headers: response.headers, text };
    } catch (error) {
      if (error instanceof TransportFailure) {
        throw error;
      }
      if (timedOut) {
        throw new TransportFailure('timeout', true, undefined, error);
      }
      if (request.signal?.aborted) {
        throw new TransportFailure('cancelled', true, undefined, error);
      }
      throw new TransportFailure('network', true, networkCode(error), error);
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onCallerAbort);
      release();
    }
  }

  private transportError(request: HttpRequest, failure: TransportFailure, retries: number): SinchApiError {
    const operation = sentenceCase(request.operation);
    const host = new URL(request.url).host;
    const retried = retries > 0 ? ` after ${retries} ${retries === 1 ? 'retry' : 'retries'}` : '';
    const messages = {
      cancelled: `${operation} was cancelled.`,
      timeout:
        `${operation} failed: ${host} did not answer within ${this.options.timeoutMs} ms${retried}. ` +
        'Check the network connection, or raise the request timeout.',
      network:
        `${operation} failed: the connection to ${host} failed (${failure.code ?? 'network error'})${retried}. ` +
        'Check the network connection and proxy settings.',
    };

    return new SinchApiError({
      kind: failure.kind,
      message: messages[failure.kind],
      operation: request.operation,
      method: request.method,
      path: request.path,
      retries,
      requestSent: failure.requestSent,
      cause: failure.cause,
    });
  }
}

function networkCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}
