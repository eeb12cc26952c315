// Endpoints of a profile. A real profile derives both hosts from its region. Only a sandbox
// profile may name its own endpoints, and only on a loopback host, so no workspace setting or
// cloned repository can send a key to another host.
import { configError } from './errors';
import { REGIONS, type Region } from './types';

export const AUTH_URL = 'https://auth.sinch.com/oauth2/token';

export const REGION_PLACEHOLDER = '{region}';

const LOOPBACK_HOSTNAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface CustomEndpoints {
  /** Conversation API base URL; `{region}` is replaced by the profile's region. */
  conversationUrl: string;
  /** Full URL of the OAuth2 token endpoint. */
  authUrl: string;
}

export interface ResolvedEndpoints {
  /** Conversation API base URL without a trailing slash. */
  conversationUrl: string;
  authUrl: string;
}

export interface EndpointProfile {
  region: Region;
  endpoints?: CustomEndpoints;
}

export function conversationUrlForRegion(region: Region): string {
  return `https://${region}.conversation.api.sinch.com`;
}

/** Returns true when `url` parses as an http or https URL whose host is 127.0.0.1, localhost or [::1]. */
export function isLoopbackUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }

  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return false;
  }
  return LOOPBACK_HOSTNAMES.has(parsed.hostname.toLowerCase());
}

export function isRegion(value: unknown): value is Region {
  return typeof value === 'string' && (REGIONS as readonly string[]).includes(value);
}

/** Resolves the Conversation API base URL and token URL of a profile, or throws a `config` error. */
export function resolveEndpoints(profile: EndpointProfile): ResolvedEndpoints {
  if (!isRegion(profile.region)) {
    throw configError(
      `Invalid region "${String(profile.region)}". Choose one of ${REGIONS.join(', ')}.`,
    );
  }

  if (profile.endpoints === undefined) {
    return { conversationUrl: conversationUrlForRegion(profile.region), authUrl: AUTH_URL };
  }

  const conversationUrl = profile.endpoints.conversationUrl.split(REGION_PLACEHOLDER).join(profile.region);
  checkCustomUrl('conversation URL', conversationUrl);
  checkCustomUrl('token URL', profile.endpoints.authUrl);

  return {
    conversationUrl: conversationUrl.replace(/\/+$/, ''),
    authUrl: profile.endpoints.authUrl,
  };
}

function checkCustomUrl(label: string, url: string): void {
  if (!isLoopbackUrl(url)) {
    throw configError(
      `Invalid custom ${label} ${describeUrl(url)}: custom endpoints must use http or https on 127.0.0.1, ` +
        'localhost or [::1]. Remove the custom endpoints to use the Sinch hosts of the region.',
    );
  }

  const parsed = new URL(url);
  if (parsed.username !== '' || parsed.password !== '' || parsed.search !== '' || parsed.hash !== '') {
    throw configError(
      `Invalid custom ${label}: it must not contain a user name, password, query or fragment. ` +
        'Use a plain base URL such as http://127.0.0.1:8080/{region}.',
    );
  }
}

/** Names a URL by scheme and host only, because its user info or query may hold a secret. */
function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `(${parsed.protocol}//${parsed.host})`;
  } catch {
    return '(not a valid URL)';
  }
}
