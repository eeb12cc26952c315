// Checks of response bodies. Every field is optional on the wire, and proto3 JSON leaves out
// empty lists and false booleans, so a missing list reads as empty. A field of the wrong type,
// or an item without the field that identifies it, makes the body malformed.
import type { App, Contact, IdentityConflict, ProjectSettings } from './types';

/** A body that does not have the expected shape; the client turns it into a `malformed` error. */
export class ShapeError extends Error {}

export interface TokenBody {
  accessToken: string;
  expiresInSeconds: number | undefined;
}

export interface PageBody<T> {
  items: T[];
  nextPageToken: string | undefined;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requireObject(value: unknown, description: string): JsonObject {
  if (!isObject(value)) {
    throw new ShapeError(`${description} is not a JSON object`);
  }
  return value;
}

function optionalList(body: JsonObject, field: string): unknown[] {
  const value = body[field];
  if (value === undefined || value === null) {
    return [];
  }
  if (!Array.isArray(value)) {
    throw new ShapeError(`"${field}" is not an array`);
  }
  return value;
}

function requireId(item: JsonObject, description: string, index: number): void {
  if (typeof item.id !== 'string' || item.id === '') {
    throw new ShapeError(`${description} ${index} has no "id"`);
  }
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string');
}

/** Reads `next_page_token`: the last page sends "" or leaves the field out. */
function readNextPageToken(body: JsonObject): string | undefined {
  const token = body.next_page_token;
  if (token === undefined || token === null || token === '') {
    return undefined;
  }
  if (typeof token !== 'string') {
    throw new ShapeError('"next_page_token" is not a string');
  }
  return token;
}

export function readToken(value: unknown): TokenBody {
  const body = requireObject(value, 'the token response');
  if (typeof body.access_token !== 'string' || body.access_token === '') {
    throw new ShapeError('the token response has no "access_token"');
  }

  const expiresIn = body.expires_in;
  const expiresInSeconds = typeof expiresIn === 'number' && expiresIn > 0 ? expiresIn : undefined;
  return { accessToken: body.access_token, expiresInSeconds };
}

export function readApps(value: unknown): App[] {
  const body = requireObject(value, 'the response');
  const apps = optionalList(body, 'apps');

  apps.forEach((app, index) => requireId(requireObject(app, `app ${index}`), 'app', index));
  return apps as App[];
}

export function readContact(value: unknown): Contact {
  const body = requireObject(value, 'the contact');
  requireId(body, 'the contact', 0);
  return body as Contact;
}

export function readContactsPage(value: unknown): PageBody<Contact> {
  const body = requireObject(value, 'the response');
  const contacts = optionalList(body, 'contacts');

  contacts.forEach((contact, index) => requireId(requireObject(contact, `contact ${index}`), 'contact', index));
  return { items: contacts as Contact[], nextPageToken: readNextPageToken(body) };
}

export function readConflictsPage(value: unknown): PageBody<IdentityConflict> {
  const body = requireObject(value, 'the response');
  const conflicts = optionalList(body, 'conflicts').map(readConflict);
  return { items: conflicts, nextPageToken: readNextPageToken(body) };
}

function readConflict(value: unknown, index: number): IdentityConflict {
  const conflict = requireObject(value, `conflict ${index}`);
  if (typeof conflict.identity !== 'string' || conflict.identity === '') {
    throw new ShapeError(`conflict ${index} has no "identity"`);
  }
  if (!isStringList(conflict.contact_ids)) {
    throw new ShapeError(`conflict ${index} has no "contact_ids" list`);
  }

  const channels = conflict.channels ?? [];
  if (!isStringList(channels)) {
    throw new ShapeError(`"channels" of conflict ${index} is not a list of names`);
  }
  return { ...conflict, identity: conflict.identity, channels, contact_ids: conflict.contact_ids };
}

export function readProjectSettings(value: unknown): ProjectSettings {
  const body = requireObject(value, 'the response');
  const settings = body.settings === undefined ? {} : requireObject(body.settings, '"settings"');
  const contactSettings =
    settings.contact_settings === undefined ? {} : requireObject(settings.contact_settings, '"contact_settings"');

  const enabled = contactSettings.unified_contact_id_enabled;
  if (enabled !== undefined && typeof enabled !== 'boolean') {
    throw new ShapeError('"unified_contact_id_enabled" is not a boolean');
  }

  return {
    ...body,
    project_id: typeof body.project_id === 'string' ? body.project_id : '',
    settings: {
      ...settings,
      contact_settings: { ...contactSettings, unified_contact_id_enabled: enabled === true },
    },
  } as ProjectSettings;
}
