// Handlers of the Conversation API routes. Each one gets an authenticated request for this
// project and returns the reply; state changes happen here, synchronously.
import type { Contact, IdentityConflict, ListContactsResponse, ListIdentityConflictsResponse, ProjectSettings } from '../sinch/types';
import { parseNewContact } from './contactInput';
import type { Sandbox } from './core';
import { DEFAULT_CONFLICTS_PAGE_SIZE, DEFAULT_CONTACTS_PAGE_SIZE } from './defaults';
import { invalidRequest, notFound, SandboxError } from './errors';
import { decodePageToken, parsePageSize, slicePage } from './paging';
import type { ApiRouteName } from './routes';
import { isUlid } from './ulid';

export interface ApiRequest {
  route: ApiRouteName;
  contactId?: string;
  query: URLSearchParams;
  body: string;
}

export interface Reply {
  status: number;
  body: unknown;
  /** Sent instead of `body` as JSON, for a malformed-body fault. */
  rawBody?: string;
  headers?: Record<string, string>;
}

function ok(body: unknown): Reply {
  return { status: 200, body };
}

function parseJsonBody(body: string): Record<string, unknown> {
  if (body.trim() === '') {
    throw invalidRequest('Missing request body: send a JSON object.');
  }

  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    throw invalidRequest(`Invalid JSON in the request body: ${(error as Error).message}.`);
  }

  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidRequest('Invalid request body: send a JSON object.');
  }
  return value as Record<string, unknown>;
}

function requireUlid(name: string, value: unknown): string {
  if (typeof value !== 'string' || value === '') {
    throw invalidRequest(`Missing ${name}: send the contact's ID.`);
  }
  if (!isUlid(value)) {
    throw invalidRequest(`Invalid ${name} "${value}": contact IDs are 26-character ULIDs.`);
  }
  return value;
}

/** Returns a query parameter, with an empty value read as absent. */
function queryValue(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name);
  return value === null || value === '' ? undefined : value;
}

function listContacts(sandbox: Sandbox, query: URLSearchParams): Reply {
  const pageSize = parsePageSize(query.get('page_size'), DEFAULT_CONTACTS_PAGE_SIZE);
  const after = decodePageToken(query.get('page_token'), 'contacts');
  const externalId = queryValue(query, 'external_id');
  const channel = queryValue(query, 'channel');
  const identity = queryValue(query, 'identity');

  if (externalId !== undefined && (channel !== undefined || identity !== undefined)) {
    throw invalidRequest('Invalid filter: external_id cannot be combined with channel or identity. Send one of the two filters.');
  }
  if ((channel === undefined) !== (identity === undefined)) {
    throw invalidRequest('Invalid filter: channel and identity must be sent together.');
  }

  let contacts = sandbox.store.sorted();
  if (externalId !== undefined) {
    contacts = contacts.filter((contact) => contact.external_id === externalId);
  } else if (channel !== undefined) {
    contacts = contacts.filter((contact) =>
      (contact.channel_identities ?? []).some((held) => held.channel === channel && held.identity === identity),
    );
  }

  const { page, nextPageToken } = slicePage(contacts, (contact) => contact.id, after, pageSize, 'contacts');
  const response: ListContactsResponse = { contacts: page, next_page_token: nextPageToken };
  return ok(response);
}

function getContact(sandbox: Sandbox, contactId: string | undefined): Reply {
  const id = requireUlid('contact_id', contactId);
  const contact = sandbox.store.get(id);
  if (!contact) {
    throw notFound(`Contact ${id} not found in project ${sandbox.projectId}.`);
  }
  return ok(contact);
}

function listConflicts(sandbox: Sandbox, query: URLSearchParams): Reply {
  const pageSize = parsePageSize(query.get('page_size'), DEFAULT_CONFLICTS_PAGE_SIZE);
  const after = decodePageToken(query.get('page_token'), 'conflicts');
  const conflicts = sandbox.store.conflicts();

  const { page, nextPageToken } = slicePage<IdentityConflict>(conflicts, (conflict) => conflict.identity, after, pageSize, 'conflicts');
  const response: ListIdentityConflictsResponse = { conflicts: page, next_page_token: nextPageToken };
  return ok(response);
}

function merge(sandbox: Sandbox, destination: string | undefined, body: string): Reply {
  const destinationId = requireUlid('destination_id', destination);
  const request = parseJsonBody(body);
  const sourceId = requireUlid('source_id', request.source_id);

  if (request.strategy !== undefined && request.strategy !== 'MERGE') {
    throw invalidRequest(`Invalid strategy "${String(request.strategy)}": the only merge strategy is "MERGE".`);
  }
  if (sourceId === destinationId) {
    throw invalidRequest(`Invalid merge: source_id and destination_id are both ${sourceId}. Choose two different contacts.`);
  }

  const kept: Contact = sandbox.store.merge(destinationId, sourceId);
  return ok(kept);
}

function settingsOf(sandbox: Sandbox): ProjectSettings {
  return {
    project_id: sandbox.projectId,
    settings: { contact_settings: { unified_contact_id_enabled: sandbox.unifiedContactIdEnabled } },
  };
}

/**
 * Accepts `{contact_settings: {...}}` (the SDK's update body) and `{settings: {contact_settings: {...}}}`
 * (the shape GET returns).
 * NOTE: whether the real API rejects enabling Unified Contact ID while conflicts remain, and
 * with which error, is unconfirmed. The sandbox responds 400 FAILED_PRECONDITION.
 */
function patchSettings(sandbox: Sandbox, body: string): Reply {
  const request = parseJsonBody(body);
  const container = (typeof request.settings === 'object' && request.settings !== null ? request.settings : request) as Record<string, unknown>;
  const contactSettings = container.contact_settings as Record<string, unknown> | undefined;
  const enabled = contactSettings?.unified_contact_id_enabled;

  if (typeof enabled !== 'boolean') {
    throw invalidRequest('Invalid settings: send {"contact_settings": {"unified_contact_id_enabled": true or false}}.');
  }

  const remaining = sandbox.store.conflicts().length;
  if (enabled && remaining > 0) {
    throw new SandboxError(
      400,
      `Cannot enable unified_contact_id_enabled: ${remaining} identity conflicts remain. Merge them first, then try again.`,
      'FAILED_PRECONDITION',
    );
  }

  sandbox.unifiedContactIdEnabled = enabled;
  return ok(settingsOf(sandbox));
}

export function handleApiRoute(sandbox: Sandbox, request: ApiRequest): Reply {
  switch (request.route) {
    case 'listApps':
      return ok({ apps: sandbox.apps });
    case 'listContacts':
      return listContacts(sandbox, request.query);
    case 'getContact':
      return getContact(sandbox, request.contactId);
    case 'createContact':
      return ok(sandbox.store.create(parseNewContact(parseJsonBody(request.body))));
    case 'listConflicts':
      return listConflicts(sandbox, request.query);
    case 'merge':
      return merge(sandbox, request.contactId, request.body);
    case 'getSettings':
      return ok(settingsOf(sandbox));
    case 'patchSettings':
      return patchSettings(sandbox, request.body);
  }
}
