// Conversion of HTTP responses into values, or into one SinchApiError whose message names
// what failed, on which request, and what to do next.
import { SinchApiError, sentenceCase } from './errors';
import type { HttpRequest, HttpResponse } from './http';
import { ShapeError } from './shapes';

const MAX_SERVER_MESSAGE_LENGTH = 300;

export interface ErrorBodyFields {
  sinchStatus?: string;
  serverMessage?: string;
}

/** Context that makes a message actionable: which project and region the call used. */
export interface ErrorContext {
  projectId: string;
  region: string;
  /** Removes known secrets from server-supplied text, which could echo a header back. */
  redact: (text: string) => string;
}

/** Reads a Sinch error body, with or without its `error` wrapper; returns {} for anything else. */
export function readErrorBody(text: string): ErrorBodyFields {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null) {
    return {};
  }

  const wrapper = parsed as Record<string, unknown>;
  const fields = (typeof wrapper.error === 'object' && wrapper.error !== null ? wrapper.error : wrapper) as Record<
    string,
    unknown
  >;

  return {
    sinchStatus: typeof fields.status === 'string' && fields.status !== '' ? fields.status : undefined,
    serverMessage: typeof fields.message === 'string' && fields.message !== '' ? fields.message : undefined,
  };
}

/** Collapses a server message to one line without a final period, cut at a fixed length. */
function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim().replace(/\.$/, '');
  return oneLine.length > MAX_SERVER_MESSAGE_LENGTH ? `${oneLine.slice(0, MAX_SERVER_MESSAGE_LENGTH)}…` : oneLine;
}

/** Parses a 2xx body as JSON and checks its shape with `read`, or throws a `malformed` error. */
export function parseBody<T>(response: HttpResponse, request: HttpRequest, read: (value: unknown) => T): T {
  let value: unknown;
  try {
    value = JSON.parse(response.text);
  } catch (error) {
    throw malformedError(request, response, 'the body is not valid JSON', error);
  }

  try {
    return read(value);
  } catch (error) {
    if (error instanceof ShapeError) {
      throw malformedError(request, response, error.message, error);
    }
    throw error;
  }
}

export function malformedError(
  request: HttpRequest,
  response: HttpResponse,
  detail: string,
  cause?: unknown,
): SinchApiError {
  return new SinchApiError({
    kind: 'malformed',
    message:
      `${sentenceCase(request.operation)} failed: the server sent an unexpected response ` +
      `(HTTP ${response.status}, ${detail}). Try again; if it persists, the API may have changed.`,
    operation: request.operation,
    method: request.method,
    path: request.path,
    httpStatus: response.status,
    retries: response.retries,
    cause,
  });
}

/** Builds the error for a response whose status is not 2xx. */
export function statusError(response: HttpResponse, request: HttpRequest, context: ErrorContext): SinchApiError {
  const { sinchStatus, serverMessage } = readErrorBody(response.text);
  const status = response.status;
  const label = [`HTTP ${status}`, sinchStatus].filter(Boolean).join(' ');
  // Redact before shortening, so a cut cannot leave part of a secret behind.
  const serverText = serverMessage ? `: ${shorten(context.redact(serverMessage))}` : '';
  const retried = response.retries > 0 ? ` after ${response.retries} ${response.retries === 1 ? 'retry' : 'retries'}` : '';

  return new SinchApiError({
    kind: status === 401 ? 'credentials' : 'http',
    message: `${sentenceCase(request.operation)} failed: ${describeStatus(status, context)} (${label}${serverText})${retried}. ${nextStep(status, context)}`,
    operation: request.operation,
    method: request.method,
    path: request.path,
    httpStatus: status,
    sinchStatus,
    retries: response.retries,
  });
}

function describeStatus(status: number, context: ErrorContext): string {
  if (status === 401) {
    return 'Sinch rejected the access key';
  }
  if (status === 403) {
    return `the access key has no access to project ${context.projectId}`;
  }
  if (status === 404) {
    return 'not found';
  }
  if (status === 429) {
    return 'too many requests';
  }
  if (status >= 500) {
    return 'the Sinch server failed';
  }
  if (status >= 300 && status < 400) {
    return 'unexpected redirect';
  }
  return 'the request was rejected';
}

function nextStep(status: number, context: ErrorContext): string {
  if (status === 401) {
    return 'Check the key ID and key secret of this profile.';
  }
  if (status === 403) {
    return `Check that the access key was created in project ${context.projectId}.`;
  }
  if (status === 404) {
    return `Check the ID, and that project ${context.projectId} lives in region ${context.region}.`;
  }
  if (status === 429 || status >= 500) {
    return 'Wait a moment and try again.';
  }
  return 'Check the values sent.';
}
