// Sinch-shaped errors. Every failure the sandbox returns has the body
// `{"error":{"code","message","status","details":[]}}`, as the Conversation API does.
import type { SinchErrorBody } from '../sinch/types';

/** Sinch status names by HTTP status code; unlisted codes use `UNKNOWN`. */
const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'UNAUTHORIZED',
  404: 'NOT_FOUND',
  408: 'DEADLINE_EXCEEDED',
  409: 'ALREADY_EXISTS',
  413: 'INVALID_REQUEST',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  501: 'NOT_IMPLEMENTED',
  502: 'BAD_GATEWAY',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

/** A failure that the sandbox sends to the client as a Sinch error response. */
export class SandboxError extends Error {
  constructor(
    readonly httpStatus: number,
    message: string,
    readonly statusName: string = statusNameOf(httpStatus),
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'SandboxError';
  }

  toBody(): SinchErrorBody {
    return errorBody(this.httpStatus, this.message, this.statusName);
  }
}

export function statusNameOf(httpStatus: number): string {
  return STATUS_NAMES[httpStatus] ?? 'UNKNOWN';
}

export function errorBody(httpStatus: number, message: string, statusName = statusNameOf(httpStatus)): SinchErrorBody {
  return { error: { code: httpStatus, message, status: statusName, details: [] } };
}

export function invalidRequest(message: string): SandboxError {
  return new SandboxError(400, message);
}

export function notFound(message: string): SandboxError {
  return new SandboxError(404, message);
}
