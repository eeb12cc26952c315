// The HTTP side of the sandbox: reads each request, checks that it comes from loopback,
// routes it, applies injected faults and latency, responds, and records it.
import * as http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { RouteName } from './api';
import { handleApiRoute, type Reply } from './apiRoutes';
import { handleControlRoute } from './controlRoutes';
import type { Sandbox } from './core';
import { errorBody, notFound, SandboxError } from './errors';
import type { ActiveFault } from './faults';
import { isLoopbackAddress, isLoopbackHost } from './loopback';
import { redactedPath } from './requestLog';
import { matchRoute, type RouteMatch } from './routes';
import { handleTokenRequest } from './tokenRoute';

/** Larger request bodies are rejected; no route of the API needs more. */
const MAX_BODY_BYTES = 1024 * 1024;

/** Body of a `malformed` fault: JSON cut off in the middle. */
const MALFORMED_BODY = '{"error_injected_by_sandbox": "this body is cut off';

/** The server's outcome for a request: a reply to send, or a connection to destroy. */
type Outcome = { reply: Reply } | { reset: true };

interface ReadBody {
  text: string;
  tooLarge: boolean;
}

function readBody(request: http.IncomingMessage): Promise<ReadBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;

    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
      }
    });
    request.on('end', () => resolve({ text: Buffer.concat(chunks).toString('utf8'), tooLarge: size > MAX_BODY_BYTES }));
    request.on('error', reject);
  });
}

function errorReply(error: SandboxError): Reply {
  return { status: error.httpStatus, body: error.toBody(), headers: error.headers };
}

function faultOutcome(fault: ActiveFault, route: RouteName): Outcome {
  switch (fault.kind) {
    case 'reset':
      return { reset: true };
    case 'malformed':
      return { reply: { status: 200, body: undefined, rawBody: MALFORMED_BODY } };
    default: {
      const status = fault.status ?? 500;
      const headers: Record<string, string> = { ...(fault.retryAfter !== undefined ? { 'retry-after': fault.retryAfter } : {}), ...fault.headers };
      return { reply: { status, body: errorBody(status, `Fault injected into the sandbox: ${route} answers ${status}.`), headers } };
    }
  }
}

function send(response: http.ServerResponse, reply: Reply): void {
  const text = reply.rawBody ?? JSON.stringify(reply.body);
  response.writeHead(reply.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...reply.headers,
  });
  response.end(text);
}

export class SandboxServer {
  readonly http: http.Server;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly sandbox: Sandbox) {
    this.http = http.createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        this.sandbox.log(`Sandbox failed to respond to ${request.method} ${request.url?.split('?')[0]}: ${(error as Error).message}`);
        response.destroy();
      });
    });
  }

  /** Listens on 127.0.0.1 only and returns the port. */
  listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen({ port, host: '127.0.0.1' }, () => {
        this.http.off('error', reject);
        resolve((this.http.address() as { port: number }).port);
      });
    });
  }

  /** Stops listening, drops open connections and cancels pending latency timers. */
  close(): Promise<void> {
    for (const timer of this.timers) {
      clearTimeout(timer);
    }
    this.timers.clear();

    return new Promise((resolve) => {
      this.http.close(() => resolve());
      this.http.closeAllConnections();
    });
  }

  /** Waits `ms` milliseconds and returns how long the wait really took. */
  private async sleep(ms: number): Promise<number> {
    if (ms <= 0) {
      return 0;
    }
    const start = performance.now();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
    return performance.now() - start;
  }

  private latencyMs(): number {
    const { fixedMs, jitterMs } = this.sandbox.latency;
    return fixedMs + Math.random() * jitterMs;
  }

  /** Runs a handler and turns its SandboxError, or any other error, into a reply. */
  private run(handler: () => Reply): Reply {
    try {
      return handler();
    } catch (error) {
      if (error instanceof SandboxError) {
        return errorReply(error);
      }
      this.sandbox.log(`Sandbox internal error: ${(error as Error).stack ?? String(error)}`);
      return errorReply(new SandboxError(500, `Sandbox internal error: ${(error as Error).message}`));
    }
  }

  /** Checks credentials, region, project and rate limit, then runs the route. */
  private process(match: RouteMatch, request: http.IncomingMessage, url: URL, body: string): Reply {
    const sandbox = this.sandbox;

    if (match.kind === 'token') {
      return handleTokenRequest(sandbox, request.headers.authorization, body);
    }
    if (match.kind !== 'api') {
      throw notFound(`No route for ${request.method} ${url.pathname}. API paths start with /{region}/v1/projects/{project_id}/.`);
    }

    const principal = sandbox.auth.checkAuthorization(request.headers.authorization);

    // A project lives in one region, and the real API responds 404 in the others.
    if (match.region !== sandbox.region) {
      throw notFound(`Project ${match.projectId} not found in region "${match.region}". Use the region the project was created in.`);
    }

    // The sandbox serves one project: any other project ID in the path is not found, whatever
    // the key. A valid key of another project on this project is 403 UNAUTHORIZED.
    if (match.projectId !== sandbox.projectId) {
      throw notFound(`Project ${match.projectId} not found. Check the project ID.`);
    }
    if (principal.projectId !== sandbox.projectId) {
      throw new SandboxError(403, `Access key ${principal.keyId} does not belong to project ${match.projectId}. Use an access key of this project.`, 'UNAUTHORIZED');
    }

    if (!sandbox.limiter.tryTake(sandbox.projectId)) {
      throw new SandboxError(
        429,
        `Rate limit of ${sandbox.limiter.limit} requests per second exceeded for project ${sandbox.projectId}. Retry after 1 second.`,
        'RESOURCE_EXHAUSTED',
        { 'retry-after': '1' },
      );
    }

    return handleApiRoute(sandbox, { route: match.route, contactId: match.contactId, query: url.searchParams, body });
  }

  /** Returns a 403 reply for a request from outside this machine; the control routes need no credentials. */
  private rejectNonLoopback(request: http.IncomingMessage, match: RouteMatch): Reply | undefined {
    if (!isLoopbackAddress(request.socket.remoteAddress) || !isLoopbackHost(request.headers.host)) {
      return errorReply(new SandboxError(403, 'Request rejected: the sandbox accepts only requests from this machine addressed to 127.0.0.1 or localhost.', 'UNAUTHORIZED'));
    }
    // Browsers send Origin on cross-site requests; tools and SDKs do not.
    if (match.kind === 'control' && request.headers.origin !== undefined) {
      return errorReply(new SandboxError(403, 'Sandbox control routes do not accept requests from web pages (Origin header present).', 'UNAUTHORIZED'));
    }
    return undefined;
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const at = Date.now();
    const startedAt = performance.now();
    let sleptMs = 0;

    response.on('error', () => undefined);
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const match = matchRoute(method, url.pathname);
    const route = match.kind === 'api' || match.kind === 'token' ? match.route : match.kind;
    const body = await readBody(request);

    let fault: ActiveFault | undefined;
    let outcome: Outcome;
    const rejection = this.rejectNonLoopback(request, match);

    if (rejection) {
      outcome = { reply: rejection };
    } else if (body.tooLarge) {
      outcome = { reply: errorReply(new SandboxError(413, `Request body exceeds ${MAX_BODY_BYTES} bytes.`)) };
    } else if (match.kind === 'control') {
      outcome = { reply: this.run(() => handleControlRoute(this.sandbox, method, match.action, url.searchParams, body.text)) };
    } else {
      fault = match.kind === 'unknown' ? undefined : this.sandbox.faults.take(match.route);

      // `before`: the fault replaces the call, so nothing changes. A delay waits, then runs it.
      if (fault?.when === 'before' && fault.kind !== 'delay') {
        outcome = faultOutcome(fault, route as RouteName);
      } else {
        if (fault?.when === 'before') {
          sleptMs += await this.sleep(fault.delayMs ?? 0);
        }
        outcome = { reply: this.run(() => this.process(match, request, url, body.text)) };

        // `after`: the call has changed the state, and now its response is lost, broken or late.
        if (fault?.when === 'after') {
          if (fault.kind === 'delay') {
            sleptMs += await this.sleep(fault.delayMs ?? 0);
          } else {
            outcome = faultOutcome(fault, route as RouteName);
          }
        }
      }

      sleptMs += await this.sleep(this.latencyMs());
    }

    let status = 0;
    if ('reset' in outcome) {
      request.socket.destroy();
    } else {
      status = outcome.reply.status;
      send(response, outcome.reply);
    }

    const serverMs = performance.now() - startedAt - sleptMs;
    const path = redactedPath(url);
    this.sandbox.requestLog.add({ method, path, route, status, at, serverMs, ...(fault ? { fault: fault.kind } : {}) });
    this.sandbox.log(`${method} ${path} ${status || 'reset'} ${serverMs.toFixed(2)} ms${fault ? ` (fault: ${fault.kind} ${fault.when})` : ''}`);
  }
}
