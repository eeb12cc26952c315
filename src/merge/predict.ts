// Predicts what `POST /contacts/{destination_id}:merge` does, following the merge rules of
// the Sinch developer docs. The destination is kept and the source deleted. Source identities
// move only for channels the destination lacks, and moved channels go to the end of the
// destination's `channel_priority`. Each optional field is copied only into an empty
// destination field. The sandbox implements merge separately, so the two can be compared.
import type { ChannelIdentity, Contact, ConversationChannel } from '../sinch/types';
import {
  MERGE_FIELDS,
  type AppendedChannel,
  type CopiedField,
  type LostValue,
  type MergeChainPrediction,
  type MergeField,
  type MergePrediction,
  type MovedIdentity,
} from './types';

/**
 * Returns whether a merge treats `value` of `field` as empty, so the source's value fills it.
 * Empty is missing, `null`, `""`, and `UNSPECIFIED` for language.
 */
export function isEmptyField(field: MergeField, value: unknown): boolean {
  // NOTE: reading proto3 defaults as "empty" is unconfirmed. So is treating the display name
  // "Unknown", which the server stores when none is given, as a value that blocks the copy.
  if (value === undefined || value === null || value === '') {
    return true;
  }
  return field === 'language' && value === 'UNSPECIFIED';
}

/**
 * Predicts merging `source` into `destination` without changing either. A source value
 * counts as lost only when the result does not hold the same value, so the identity the two
 * contacts share in a conflict is not listed.
 */
export function predictMerge(destination: Contact, source: Contact): MergePrediction {
  if (source.id === destination.id) {
    throw new Error(`Cannot merge contact ${source.id} into itself: choose a different source contact.`);
  }

  const result = cloneContact(destination);
  const lost: LostValue[] = [];
  const fields = copyEmptyFields(result, source, lost);
  const identities = moveIdentities(result, source, lost);
  const priority = appendPriority(result, source.id, identities);
  return { result, lost, moved: { identities, fields, priority } };
}

/**
 * Predicts merging `sources` into `destination` one at a time, in the given order (the order
 * the conflict lists its contacts). Each loss and move names the source it came from.
 */
export function predictMergeChain(destination: Contact, sources: readonly Contact[]): MergeChainPrediction {
  const seen = new Set<string>([destination.id]);
  for (const source of sources) {
    if (seen.has(source.id)) {
      throw new Error(
        `Contact ${source.id} appears twice in the merge (as destination or source): list each contact once.`,
      );
    }
    seen.add(source.id);
  }

  const steps: MergePrediction[] = [];
  let current = cloneContact(destination);
  for (const source of sources) {
    const step = predictMerge(current, source);
    steps.push(step);
    current = step.result;
  }

  return {
    result: current,
    lost: steps.flatMap((step) => step.lost),
    moved: {
      identities: steps.flatMap((step) => step.moved.identities),
      fields: steps.flatMap((step) => step.moved.fields),
      priority: steps.flatMap((step) => step.moved.priority),
    },
    steps,
  };
}

/** Returns whether two identities name the same address; a missing `app_id` equals `""`. */
export function isSameIdentity(left: ChannelIdentity, right: ChannelIdentity): boolean {
  return left.channel === right.channel && left.identity === right.identity && (left.app_id ?? '') === (right.app_id ?? '');
}

function copyEmptyFields(result: Contact, source: Contact, lost: LostValue[]): CopiedField[] {
  const copied: CopiedField[] = [];
  for (const field of MERGE_FIELDS) {
    const sourceValue = source[field];
    if (isEmptyField(field, sourceValue)) {
      continue;
    }

    // Metadata is replaced whole or not at all: two JSON objects are never combined.
    if (isEmptyField(field, result[field])) {
      result[field] = sourceValue;
      copied.push({ sourceId: source.id, field, value: sourceValue as string });
    } else if (result[field] !== sourceValue) {
      lost.push({ kind: 'field', sourceId: source.id, field, value: sourceValue as string });
    }
  }
  return copied;
}

function moveIdentities(result: Contact, source: Contact, lost: LostValue[]): MovedIdentity[] {
  const destinationIdentities = result.channel_identities ?? [];
  const destinationChannels = new Set(destinationIdentities.map((identity) => identity.channel));
  const moved: MovedIdentity[] = [];

  // Every source identity on a channel the destination lacks moves, even several on one
  // channel (app-scoped channels hold one identity per app).
  for (const identity of source.channel_identities ?? []) {
    if (!destinationChannels.has(identity.channel)) {
      moved.push({ ...identity, sourceId: source.id });
    } else if (!destinationIdentities.some((existing) => isSameIdentity(existing, identity))) {
      lost.push({ kind: 'identity', sourceId: source.id, ...identity });
    }
  }

  if (moved.length > 0) {
    result.channel_identities = [...destinationIdentities, ...moved.map(({ sourceId: _sourceId, ...identity }) => identity)];
  }
  return moved;
}

function appendPriority(result: Contact, sourceId: string, moved: readonly MovedIdentity[]): AppendedChannel[] {
  const priority = result.channel_priority ?? [];
  const appended: ConversationChannel[] = [];

  // NOTE: the order of the appended channels is unconfirmed. This module appends them in the
  // order they first appear in the source's `channel_identities`, and skips a channel the
  // destination's priority already lists.
  for (const identity of moved) {
    if (!priority.includes(identity.channel) && !appended.includes(identity.channel)) {
      appended.push(identity.channel);
    }
  }

  if (appended.length > 0) {
    result.channel_priority = [...priority, ...appended];
  }
  return appended.map((channel) => ({ sourceId, channel }));
}

/** Copies a contact deeply so a prediction never changes its inputs; contacts are plain JSON. */
function cloneContact(contact: Contact): Contact {
  return JSON.parse(JSON.stringify(contact)) as Contact;
}
