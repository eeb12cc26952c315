// The sandbox's controls as HTTP routes under `/__sandbox/`, for tests and tools in other
// processes. They need no credentials, so the server serves them on loopback only.
import type { FaultSpec, RouteName, SeedName } from './api';
import type { Reply } from './apiRoutes';
import type { Sandbox } from './core';
import { invalidRequest, notFound } from './errors';

const ROUTES_HELP =
  'POST latency {fixedMs, jitterMs}, POST rate-limit {requestsPerSecond}, POST token-lifetime {seconds}, ' +
  'GET|POST|DELETE faults, POST reset {seed, largeConflicts}, GET state, GET requests?route=';

function parseBody(body: string): Record<string, unknown> {
  if (body.trim() === '') {
    return {};
  }
  try {
    const value: unknown = JSON.parse(body);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch {
    // Reported below with the same message as a non-object body.
  }
  throw invalidRequest('Invalid control request body: send a JSON object.');
}

/** Runs a control setter and turns its validation error into a 400 reply. */
function apply(action: () => void): void {
  try {
    action();
  } catch (error) {
    throw invalidRequest((error as Error).message);
  }
}

export function handleControlRoute(sandbox: Sandbox, method: string, action: string, query: URLSearchParams, rawBody: string): Reply {
  const control = sandbox.control;
  const key = `${method} ${action}`;
  const body = method === 'POST' ? parseBody(rawBody) : {};

  switch (key) {
    case 'POST latency':
      apply(() => control.setLatency(body.fixedMs as number, (body.jitterMs as number | undefined) ?? 0));
      return { status: 200, body: sandbox.latency };
    case 'POST rate-limit':
      apply(() => control.setRateLimit(body.requestsPerSecond as number));
      return { status: 200, body: { requestsPerSecond: sandbox.limiter.limit } };
    case 'POST token-lifetime':
      apply(() => control.setTokenLifetime(body.seconds as number));
      return { status: 200, body: { seconds: sandbox.tokenLifetimeSeconds } };
    case 'GET faults':
      return { status: 200, body: { faults: sandbox.faults.list() } };
    case 'POST faults':
      apply(() => control.injectFault(body as unknown as FaultSpec));
      return { status: 200, body: { faults: sandbox.faults.list() } };
    case 'DELETE faults':
      control.clearFaults();
      return { status: 200, body: { faults: [] } };
    case 'POST reset':
      apply(() => control.reset(body.seed as SeedName | undefined, { largeConflicts: body.largeConflicts as number | undefined }));
      return { status: 200, body: { contacts: sandbox.store.size, conflicts: sandbox.store.conflicts().length } };
    case 'GET state':
      return { status: 200, body: control.state() };
    case 'GET requests':
      return { status: 200, body: { requests: control.requests((query.get('route') || undefined) as RouteName | undefined) } };
    default:
      throw notFound(`Unknown sandbox control route "${key}". Available: ${ROUTES_HELP}.`);
  }
}
