// The one error type the client throws. Every failure carries the request it came from,
// so the extension can log it and show one message a user can act on.

export type SinchErrorKind =
  | 'http'
  | 'credentials'
  | 'timeout'
  | 'network'
  | 'cancelled'
  | 'malformed'
  | 'config';

export interface SinchErrorDetails {
  kind: SinchErrorKind;
  message: string;
  /** Name of the failed operation, such as "list identity conflicts". */
  operation?: string;
  method?: string;
  /** Request path without its query string. */
  path?: string;
  httpStatus?: number;
  /** The `error.status` field of a Sinch error body, such as `NOT_FOUND`. */
  sinchStatus?: string;
  /** Retries made before the client gave up. */
  retries?: number;
  /** False when a `cancelled` failure came before the request left the client. */
  requestSent?: boolean;
  cause?: unknown;
}

export class SinchApiError extends Error {
  readonly kind: SinchErrorKind;
  readonly operation?: string;
  readonly method?: string;
  readonly path?: string;
  readonly httpStatus?: number;
  readonly sinchStatus?: string;
  readonly retries?: number;
  readonly requestSent?: boolean;

  constructor(details: SinchErrorDetails) {
    super(details.message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'SinchApiError';
    this.kind = details.kind;
    this.operation = details.operation;
    this.method = details.method;
    this.path = details.path;
    this.httpStatus = details.httpStatus;
    this.sinchStatus = details.sinchStatus;
    this.retries = details.retries;
    this.requestSent = details.requestSent;
  }
}

export function isSinchApiError(value: unknown): value is SinchApiError {
  return value instanceof SinchApiError;
}

/** Capitalises an operation name for the start of a message: "list apps" → "List apps". */
export function sentenceCase(operation: string): string {
  return operation.charAt(0).toUpperCase() + operation.slice(1);
}

export function configError(message: string): SinchApiError {
  return new SinchApiError({ kind: 'config', message });
}

/** Creates the error of a call cancelled before its request was sent. */
export function cancelledError(operation: string): SinchApiError {
  return new SinchApiError({
    kind: 'cancelled',
    message: `${sentenceCase(operation)} was cancelled.`,
    operation,
    requestSent: false,
  });
}
