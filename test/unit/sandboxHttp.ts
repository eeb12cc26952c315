// Shared helpers of the sandbox tests: real HTTP calls to a sandbox on 127.0.0.1.
import type { SandboxHandle } from '../../src/sandbox/api';
import type { NewContact } from '../../src/sandbox/contactInput';
import type { Contact, Region } from '../../src/sinch/types';

export interface Call {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: any;
}

export interface ApiOptions {
  /** Full `Authorization` header; defaults to Basic with the sandbox's own key. */
  authorization?: string | null;
  body?: unknown;
  rawBody?: string;
  region?: Region | string;
  projectId?: string;
}

export function basicAuth(keyId: string, keySecret: string): string {
  return `Basic ${Buffer.from(`${keyId}:${keySecret}`).toString('base64')}`;
}

async function toCall(response: Response): Promise<Call> {
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export class SandboxCaller {
  constructor(readonly sandbox: SandboxHandle) {}

  /** Posts to the token endpoint with Basic credentials. */
  async tokenCall(keyId = this.sandbox.keyId, keySecret = this.sandbox.keySecret, body = 'grant_type=client_credentials'): Promise<Call> {
    const response = await fetch(this.sandbox.authUrl, {
      method: 'POST',
      headers: { authorization: basicAuth(keyId, keySecret), 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    return toCall(response);
  }

  async token(keyId?: string, keySecret?: string): Promise<string> {
    const call = await this.tokenCall(keyId, keySecret);
    if (call.status !== 200) {
      throw new Error(`token call failed with ${call.status}: ${call.text}`);
    }
    return call.json.access_token as string;
  }

  /** Calls `{region}/v1/projects/{project}/{path}`. */
  async api(method: string, path: string, options: ApiOptions = {}): Promise<Call> {
    const region = options.region ?? this.sandbox.region;
    const projectId = options.projectId ?? this.sandbox.projectId;
    const url = `${this.sandbox.baseUrl}/${region}/v1/projects/${projectId}/${path}`;
    const headers: Record<string, string> = {};

    const authorization = options.authorization === undefined ? basicAuth(this.sandbox.keyId, this.sandbox.keySecret) : options.authorization;
    if (authorization !== null) {
      headers.authorization = authorization;
    }

    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
    }
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
    }

    return toCall(await fetch(url, { method, headers, body }));
  }

  /** Calls a sandbox control route under `/__sandbox/`. */
  async control(method: string, action: string, body?: unknown): Promise<Call> {
    const response = await fetch(`${this.sandbox.baseUrl}/__sandbox/${action}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return toCall(response);
  }

  /** Creates a contact and returns it, failing the test on any other status than 200. */
  async createContact(fields: NewContact): Promise<Contact> {
    const call = await this.api('POST', 'contacts', { body: fields });
    if (call.status !== 200) {
      throw new Error(`create contact failed with ${call.status}: ${call.text}`);
    }
    return call.json as Contact;
  }
}

/** Checks the Sinch error body shape and returns its `error` object. */
export function errorOf(call: Call): { code: number; message: string; status: string; details: unknown[] } {
  const error = call.json?.error;
  if (!error || typeof error.code !== 'number' || typeof error.message !== 'string' || typeof error.status !== 'string' || !Array.isArray(error.details)) {
    throw new Error(`expected a Sinch error body, got ${call.status}: ${call.text}`);
  }
  if (error.code !== call.status) {
    throw new Error(`error.code ${error.code} differs from HTTP status ${call.status}`);
  }
  return error;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
