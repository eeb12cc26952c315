// Access keys, OAuth2 access tokens and HTTP Basic credentials, as the Sinch token endpoint
// and the Conversation API accept them.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { SandboxError } from './errors';

export interface AccessKey {
  keyId: string;
  keySecret: string;
  projectId: string;
}

/** The key that a valid `Authorization` header proves, and the project it belongs to. */
export interface Principal {
  keyId: string;
  projectId: string;
}

interface TokenPayload {
  iss: string;
  sub: string;
  project_id: string;
  iat: number;
  exp: number;
}

const ISSUER = 'sinch-sandbox';
const BASE64URL_PART = /^[A-Za-z0-9_-]+$/;

/**
 * The header the SDKs look for: all four official SDKs treat a 401 as an expired token,
 * drop it and fetch a new one, only when `www-authenticate` contains "expired".
 */
const EXPIRED_CHALLENGE = 'Bearer error="invalid_token", error_description="token expired"';
const INVALID_CHALLENGE = 'Bearer error="invalid_token", error_description="token is invalid"';
const MISSING_CHALLENGE = 'Bearer realm="sinch-sandbox"';

function encodeJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

function unauthenticated(message: string, challenge: string): SandboxError {
  return new SandboxError(401, message, 'UNAUTHENTICATED', { 'www-authenticate': challenge });
}

/** Issues and checks JWT-shaped access tokens signed with HMAC-SHA256. */
export class Authenticator {
  /** Random per process, so tokens from another sandbox run or a forged signature fail. */
  private readonly signingKey = randomBytes(32);

  private readonly keys = new Map<string, AccessKey>();

  constructor(keys: AccessKey[]) {
    for (const key of keys) {
      this.keys.set(key.keyId, key);
    }
  }

  /** Checks HTTP Basic `key_id:key_secret` and returns the key's principal. */
  checkBasic(encoded: string): Principal {
    const decoded = Buffer.from(encoded.trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const keyId = colon >= 0 ? decoded.slice(0, colon) : decoded;
    const secret = colon >= 0 ? decoded.slice(colon + 1) : '';
    const key = this.keys.get(keyId);

    if (!key || !safeEqual(secret, key.keySecret)) {
      throw unauthenticated('Invalid access key ID or secret in the Basic credentials. Check the key of this project.', 'Basic realm="sinch-sandbox"');
    }

    return { keyId: key.keyId, projectId: key.projectId };
  }

  issueToken(principal: Principal, lifetimeSeconds: number, nowMs = Date.now()): string {
    const issuedAt = Math.floor(nowMs / 1000);
    const payload: TokenPayload = {
      iss: ISSUER,
      sub: principal.keyId,
      project_id: principal.projectId,
      iat: issuedAt,
      exp: issuedAt + lifetimeSeconds,
    };
    const signingInput = `${encodeJson({ alg: 'HS256', typ: 'JWT' })}.${encodeJson(payload)}`;
    return `${signingInput}.${this.sign(signingInput)}`;
  }

  /** Checks a bearer token's signature, expiry and key; throws a 401 otherwise. */
  checkToken(token: string, nowMs = Date.now()): Principal {
    const parts = token.trim().split('.');
    if (parts.length !== 3 || !parts.every((part) => BASE64URL_PART.test(part))) {
      throw unauthenticated('The access token is malformed. Request a new token from /oauth2/token.', INVALID_CHALLENGE);
    }

    const [header, body, signature] = parts;
    if (!safeEqual(signature, this.sign(`${header}.${body}`))) {
      throw unauthenticated('The access token signature is invalid. Request a new token from /oauth2/token.', INVALID_CHALLENGE);
    }

    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenPayload;
    if (nowMs / 1000 >= payload.exp) {
      throw unauthenticated('The access token expired. Request a new token from /oauth2/token.', EXPIRED_CHALLENGE);
    }

    const key = this.keys.get(payload.sub);
    if (!key) {
      throw unauthenticated(`Access key ${payload.sub} of the token is unknown. Request a new token.`, INVALID_CHALLENGE);
    }

    return { keyId: key.keyId, projectId: key.projectId };
  }

  /** Checks an `Authorization` header of an API call: `Bearer <token>` or `Basic <base64>`. */
  checkAuthorization(header: string | undefined): Principal {
    const match = /^(\S+)\s+(.+)$/.exec(header ?? '');
    const scheme = match?.[1].toLowerCase();

    if (scheme === 'bearer') {
      return this.checkToken(match![2]);
    }
    if (scheme === 'basic') {
      return this.checkBasic(match![2]);
    }

    throw unauthenticated('Missing credentials: send "Authorization: Bearer <access token>" or HTTP Basic key_id:key_secret.', MISSING_CHALLENGE);
  }

  private sign(signingInput: string): string {
    return createHmac('sha256', this.signingKey).update(signingInput).digest('base64url');
  }
}
