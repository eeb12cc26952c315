// Maps a method and path to a route. The Conversation API lives under
// `/{region}/v1/projects/{project_id}/`, the token endpoint at `/oauth2/token`, and the
// sandbox's own controls under `/__sandbox/`.
import { REGIONS } from '../sinch/types';
import type { RouteName } from './api';

export type ApiRouteName = Exclude<RouteName, 'token'>;

export type RouteMatch =
  | { kind: 'api'; route: ApiRouteName; region: string; projectId: string; contactId?: string }
  | { kind: 'token'; route: 'token' }
  | { kind: 'control'; action: string }
  | { kind: 'unknown' };

const UNKNOWN: RouteMatch = { kind: 'unknown' };
const MERGE_SUFFIX = ':merge';

/** Splits a path into decoded segments, so `contacts%3AidentityConflicts` reads as `contacts:identityConflicts`. */
function decodeSegments(pathname: string): string[] | undefined {
  try {
    return pathname.split('/').slice(1).map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
}

function matchProjectPath(method: string, rest: string[]): { route: ApiRouteName; contactId?: string } | undefined {
  const [first, second, ...extra] = rest;
  if (extra.length > 0) {
    return undefined;
  }

  if (second === undefined) {
    if (first === 'apps' && method === 'GET') return { route: 'listApps' };
    if (first === 'contacts' && method === 'GET') return { route: 'listContacts' };
    if (first === 'contacts' && method === 'POST') return { route: 'createContact' };
    if (first === 'contacts:identityConflicts' && method === 'GET') return { route: 'listConflicts' };
    if (first === 'settings' && method === 'GET') return { route: 'getSettings' };
    if (first === 'settings' && method === 'PATCH') return { route: 'patchSettings' };
    return undefined;
  }

  if (first !== 'contacts' || second === '') {
    return undefined;
  }
  if (second.endsWith(MERGE_SUFFIX) && method === 'POST') {
    return { route: 'merge', contactId: second.slice(0, -MERGE_SUFFIX.length) };
  }
  if (!second.includes(':') && method === 'GET') {
    return { route: 'getContact', contactId: second };
  }
  return undefined;
}

export function matchRoute(method: string, pathname: string): RouteMatch {
  const segments = decodeSegments(pathname);
  if (!segments) {
    return UNKNOWN;
  }

  if (segments[0] === '__sandbox') {
    return { kind: 'control', action: segments.slice(1).join('/') };
  }
  if (segments.length === 2 && segments[0] === 'oauth2' && segments[1] === 'token') {
    return method === 'POST' ? { kind: 'token', route: 'token' } : UNKNOWN;
  }

  const [region, version, projects, projectId, ...rest] = segments;
  if (!(REGIONS as readonly string[]).includes(region) || version !== 'v1' || projects !== 'projects' || !projectId) {
    return UNKNOWN;
  }

  const match = matchProjectPath(method, rest);
  return match ? { kind: 'api', region, projectId, ...match } : UNKNOWN;
}
