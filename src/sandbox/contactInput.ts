// Validation of the body of `POST contacts`.
import type { ChannelIdentity, Contact } from '../sinch/types';
import { invalidRequest } from './errors';

/** The API limits contact metadata to 1024 characters. */
export const MAX_METADATA_LENGTH = 1024;

/** The display name the API stores when a contact is created without one. */
export const DEFAULT_DISPLAY_NAME = 'Unknown';

/** The fields a client sets on a new contact; the sandbox assigns `id`. */
export type NewContact = Pick<Contact, 'channel_identities' | 'channel_priority' | 'display_name' | 'email' | 'external_id' | 'metadata' | 'language'>;

const STRING_FIELDS = ['display_name', 'email', 'external_id', 'language', 'metadata'] as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseIdentity(value: unknown, index: number): ChannelIdentity {
  if (!isObject(value) || typeof value.channel !== 'string' || value.channel === '' || typeof value.identity !== 'string' || value.identity === '') {
    throw invalidRequest(`Invalid channel_identities[${index}]: each entry needs a non-empty "channel" and "identity" string.`);
  }

  const identity: ChannelIdentity = { channel: value.channel, identity: value.identity };
  if (typeof value.app_id === 'string') {
    identity.app_id = value.app_id;
  }
  return identity;
}

/**
 * Reads a new contact from a request body: a Contact without `id` (an `id` or unknown
 * field in the body is ignored). Null fields count as absent, as proto3 JSON reads them.
 * NOTE: what the real API rejects here is unconfirmed. The sandbox accepts any channel and
 * language name, and an identity that another contact already has.
 */
export function parseNewContact(body: unknown): NewContact {
  if (!isObject(body)) {
    throw invalidRequest('Invalid contact: the request body must be a JSON object.');
  }

  const identities = body.channel_identities;
  if (!Array.isArray(identities) || identities.length === 0) {
    throw invalidRequest('Invalid contact: "channel_identities" must be an array with at least one entry.');
  }

  const contact: NewContact = { channel_identities: identities.map(parseIdentity) };

  if (body.channel_priority !== undefined && body.channel_priority !== null) {
    if (!Array.isArray(body.channel_priority) || !body.channel_priority.every((channel) => typeof channel === 'string')) {
      throw invalidRequest('Invalid contact: "channel_priority" must be an array of channel names.');
    }
    contact.channel_priority = [...body.channel_priority];
  }

  for (const field of STRING_FIELDS) {
    const value = body[field];
    if (value === undefined || value === null) {
      continue;
    }
    if (typeof value !== 'string') {
      throw invalidRequest(`Invalid contact: "${field}" must be a string.`);
    }
    contact[field] = value;
  }

  if ((contact.metadata ?? '').length > MAX_METADATA_LENGTH) {
    throw invalidRequest(`Invalid contact: "metadata" has ${contact.metadata!.length} characters; the maximum is ${MAX_METADATA_LENGTH}.`);
  }

  // The API stores "Unknown" when the display name is empty.
  if (!contact.display_name) {
    contact.display_name = DEFAULT_DISPLAY_NAME;
  }

  return contact;
}
