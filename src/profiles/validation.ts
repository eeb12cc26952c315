// Checks of what a user types or the environment holds, and of what the store reads back.
// Plain functions without `vscode`, so unit tests run them in Node; the prompts turn their
// results into localised messages.
import { REGIONS, type Region } from '../sinch/types';
import type { AuthMethod, Profile } from './types';

/** Sinch project IDs and access key IDs are UUIDs such as `5b8e2f4a-93c1-4d07-a6e5-1f2c3d4b5a69`. */
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const AUTH_METHODS: readonly AuthMethod[] = ['oauth2', 'basic'];

export function isUuid(text: string): boolean {
  return UUID_PATTERN.test(text.trim());
}

/** Reads a region name, ignoring case and surrounding spaces; undefined when it is none of us, eu, br. */
export function parseRegion(text: string): Region | undefined {
  const candidate = text.trim().toLowerCase();
  return (REGIONS as readonly string[]).includes(candidate) ? (candidate as Region) : undefined;
}

/** Environment variables of the official Sinch SDKs. */
export const ENVIRONMENT_VARIABLES = {
  projectId: 'SINCH_PROJECT_ID',
  keyId: 'SINCH_KEY_ID',
  keySecret: 'SINCH_KEY_SECRET',
  region: 'SINCH_CONVERSATION_REGION',
} as const;

/** Region used when SINCH_CONVERSATION_REGION is unset, as in the official SDKs. */
export const DEFAULT_ENVIRONMENT_REGION: Region = 'us';

export interface EnvironmentCredentials {
  projectId: string;
  keyId: string;
  keySecret: string;
  region: Region;
}

/** A variable whose value cannot be used. The key secret is never listed, so its value never reaches a message. */
export interface InvalidVariable {
  name: string;
  value: string;
  expected: 'uuid' | 'region';
}

export type EnvironmentResult =
  | { ok: true; credentials: EnvironmentCredentials }
  | { ok: false; missing: string[]; invalid: InvalidVariable[] };

/**
 * Reads the SDK variables from `env`. Empty and blank values count as unset. Every missing
 * variable is listed; values are checked only when none is missing.
 */
export function readEnvironmentCredentials(env: Record<string, string | undefined>): EnvironmentResult {
  const value = (name: string): string => (env[name] ?? '').trim();
  const required = [ENVIRONMENT_VARIABLES.projectId, ENVIRONMENT_VARIABLES.keyId, ENVIRONMENT_VARIABLES.keySecret];
  const missing = required.filter((name) => value(name) === '');
  if (missing.length > 0) {
    return { ok: false, missing, invalid: [] };
  }

  const invalid: InvalidVariable[] = [];
  const projectId = value(ENVIRONMENT_VARIABLES.projectId);
  if (!isUuid(projectId)) {
    invalid.push({ name: ENVIRONMENT_VARIABLES.projectId, value: projectId, expected: 'uuid' });
  }

  const regionText = value(ENVIRONMENT_VARIABLES.region);
  const region = regionText === '' ? DEFAULT_ENVIRONMENT_REGION : parseRegion(regionText);
  if (region === undefined) {
    invalid.push({ name: ENVIRONMENT_VARIABLES.region, value: regionText, expected: 'region' });
  }

  if (invalid.length > 0 || region === undefined) {
    return { ok: false, missing: [], invalid };
  }
  return {
    ok: true,
    credentials: {
      projectId,
      keyId: value(ENVIRONMENT_VARIABLES.keyId),
      keySecret: value(ENVIRONMENT_VARIABLES.keySecret),
      region,
    },
  };
}

/** Returns the profile, other than `exceptId`, that already has this project in this region. */
export function findDuplicate(
  profiles: readonly Profile[],
  projectId: string,
  region: Region,
  exceptId?: string,
): Profile | undefined {
  const wanted = projectId.trim().toLowerCase();
  return profiles.find(
    (profile) => profile.id !== exceptId && profile.region === region && profile.projectId.toLowerCase() === wanted,
  );
}

export type StoredProfileResult = { ok: true; profile: Profile } | { ok: false; problem: string };

/**
 * Checks one entry read back from storage and keeps only the known fields, so a stray field
 * (a secret written by a broken version, say) never travels further.
 */
export function parseStoredProfile(value: unknown): StoredProfileResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problem: 'the entry is not an object' };
  }

  const entry = value as Record<string, unknown>;
  for (const field of ['id', 'label', 'projectId', 'keyId'] as const) {
    if (typeof entry[field] !== 'string' || (entry[field] as string).trim() === '') {
      return { ok: false, problem: `field "${field}" is missing or not a non-empty string` };
    }
  }
  if (typeof entry.region !== 'string' || parseRegion(entry.region) !== entry.region) {
    return { ok: false, problem: `region ${JSON.stringify(entry.region)} is not one of ${REGIONS.join(', ')}` };
  }
  if (!(AUTH_METHODS as readonly unknown[]).includes(entry.authMethod)) {
    return { ok: false, problem: `auth method ${JSON.stringify(entry.authMethod)} is not oauth2 or basic` };
  }
  if (entry.sandbox !== undefined && typeof entry.sandbox !== 'boolean') {
    return { ok: false, problem: 'field "sandbox" is not a boolean' };
  }

  const profile: Profile = {
    id: entry.id as string,
    label: entry.label as string,
    projectId: entry.projectId as string,
    region: entry.region as Region,
    keyId: entry.keyId as string,
    authMethod: entry.authMethod as AuthMethod,
  };
  if (entry.sandbox === true) {
    profile.sandbox = true;
  }
  return { ok: true, profile };
}
