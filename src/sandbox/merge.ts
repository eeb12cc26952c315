// The merge rules of `POST contacts/{destination_id}:merge`, as the Conversation API
// documents them. The extension predicts merges with its own module; tests compare the two.
import type { ChannelIdentity, Contact } from '../sinch/types';

/** Optional fields copied from the source only where the destination's value is empty. */
export const MERGED_FIELDS = ['display_name', 'email', 'external_id', 'language', 'metadata'] as const;

type MergedField = (typeof MERGED_FIELDS)[number];

/**
 * Returns whether a field counts as empty: missing, null, "" or, for language, `UNSPECIFIED`
 * (the proto3 defaults). So the server-assigned display name "Unknown" counts as a value.
 * NOTE: both readings are unconfirmed: the API documents only "empty".
 */
export function isEmptyField(field: MergedField, value: unknown): boolean {
  if (value === undefined || value === null || value === '') {
    return true;
  }
  return field === 'language' && value === 'UNSPECIFIED';
}

/**
 * Returns the destination after `source` is merged into it; neither input is changed.
 *
 * Source identities move only for channels among which the destination has no identity.
 * Each moved channel is appended once to the end of the destination's channel_priority,
 * in the order the moved identities have in the source.
 * NOTE: the API documents "placed at the bottom" but not the order among moved channels.
 * Metadata is copied whole or not at all, never combined.
 */
export function mergeContacts(destination: Contact, source: Contact): Contact {
  const result: Contact = structuredClone(destination);

  const destinationChannels = new Set((destination.channel_identities ?? []).map((identity) => identity.channel));
  const moved: ChannelIdentity[] = (source.channel_identities ?? [])
    .filter((identity) => !destinationChannels.has(identity.channel))
    .map((identity) => ({ ...identity }));

  if (moved.length > 0) {
    result.channel_identities = [...(result.channel_identities ?? []), ...moved];

    const priority = [...(result.channel_priority ?? [])];
    for (const identity of moved) {
      if (!priority.includes(identity.channel)) {
        priority.push(identity.channel);
      }
    }
    result.channel_priority = priority;
  }

  for (const field of MERGED_FIELDS) {
    if (isEmptyField(field, destination[field]) && !isEmptyField(field, source[field])) {
      result[field] = source[field];
    }
  }

  return result;
}
