// The row model of the compare view: one column per contact plus the predicted result, one
// row per field, per channel with identities, and for the channel priority. It contains data
// only, and the webview turns it into DOM nodes.
import type { ChannelIdentity, Contact, ConversationChannel } from '../sinch/types';
import { isEmptyField, isSameIdentity, predictMergeChain } from './predict';
import { MERGE_FIELDS, type MergeChainPrediction, type MergeField } from './types';

/** One displayed value: a field value, one identity or one channel of the priority list. */
export interface ComparisonValue {
  /** The value as stored, or pretty-printed JSON when `format` is `json`. */
  text: string;
  format: 'text' | 'json';
  /** The app of an app-scoped identity (MESSENGER, INSTAGRAM, LINE, WECHAT). */
  appId?: string;
  /** A stored value that merge treats as empty, such as the language `UNSPECIFIED`. */
  empty: boolean;
  /** A source value that the merged contact will not hold. */
  lost: boolean;
  /** In result cells, the contact the value comes from. */
  originId?: string;
}

export interface ComparisonCell {
  contactId: string;
  /** No values means the field is missing, `null` or `""`, or the contact has no identity on the channel. */
  values: ComparisonValue[];
}

export interface ComparisonRow {
  /** Unique within a comparison: the field name, `identity:<channel>` or `channel_priority`. */
  key: string;
  kind: 'field' | 'identities' | 'priority';
  label: string;
  field?: MergeField;
  channel?: ConversationChannel;
  /** One cell per contact, in the order the contacts were given. */
  cells: ComparisonCell[];
  /** The predicted merged contact's value, in a cell with the destination's `contactId`. */
  result: ComparisonCell;
  /** Whether the contacts' values differ, treating every empty value as the same. */
  differs: boolean;
}

export interface ComparisonColumn {
  contactId: string;
  displayName?: string;
  role: 'destination' | 'source';
}

export interface Comparison {
  destinationId: string;
  /** Sources in merge order: the contacts' order without the destination. */
  sourceIds: string[];
  columns: ComparisonColumn[];
  rows: ComparisonRow[];
  prediction: MergeChainPrediction;
}

/** Labels of the merge fields in the compare view. */
export const MERGE_FIELD_LABELS: Readonly<Record<MergeField, string>> = {
  display_name: 'Display name',
  email: 'Email',
  external_id: 'External ID',
  language: 'Language',
  metadata: 'Metadata',
};

/**
 * Builds the compare view's rows for `contacts` with `destinationId` kept and the others
 * merged into it in the given order. Throws when `destinationId` is not one of the contacts.
 */
export function buildComparison(contacts: readonly Contact[], destinationId: string): Comparison {
  const destination = contacts.find((contact) => contact.id === destinationId);
  if (!destination) {
    const known = contacts.map((contact) => contact.id).join(', ');
    throw new Error(`Destination contact ${destinationId} is not among the compared contacts (${known}): choose one of them.`);
  }

  const sources = contacts.filter((contact) => contact !== destination);
  const prediction = predictMergeChain(destination, sources);
  const context: RowContext = { contacts, destinationId, prediction };

  const rows: ComparisonRow[] = MERGE_FIELDS.map((field) => buildFieldRow(context, field));
  for (const channel of listChannels(contacts)) {
    rows.push(buildIdentityRow(context, channel));
  }
  rows.push(buildPriorityRow(context));

  return {
    destinationId,
    sourceIds: sources.map((source) => source.id),
    columns: contacts.map((contact) => ({
      contactId: contact.id,
      displayName: contact.display_name,
      role: contact === destination ? 'destination' : 'source',
    })),
    rows,
    prediction,
  };
}

/**
 * Formats metadata for display: a JSON object or array is pretty-printed with two-space
 * indentation, anything else (plain text, a bare number) is shown as stored.
 */
export function formatMetadata(metadata: string): Pick<ComparisonValue, 'text' | 'format'> {
  try {
    const parsed: unknown = JSON.parse(metadata);
    if (parsed !== null && typeof parsed === 'object') {
      return { text: JSON.stringify(parsed, null, 2), format: 'json' };
    }
  } catch {
    // Not JSON: metadata is a free string, so the raw text is the value.
  }
  return { text: metadata, format: 'text' };
}

interface RowContext {
  contacts: readonly Contact[];
  destinationId: string;
  prediction: MergeChainPrediction;
}

function buildFieldRow(context: RowContext, field: MergeField): ComparisonRow {
  const { prediction, destinationId } = context;

  const cells = context.contacts.map((contact) => {
    const isLost = prediction.lost.some(
      (lost) => lost.kind === 'field' && lost.sourceId === contact.id && lost.field === field,
    );
    return { contactId: contact.id, values: fieldValues(field, contact[field], isLost) };
  });

  const copied = prediction.moved.fields.find((moved) => moved.field === field);
  const resultValues = fieldValues(field, prediction.result[field], false).map((value) => ({
    ...value,
    originId: copied ? copied.sourceId : destinationId,
  }));

  return {
    key: field,
    kind: 'field',
    label: MERGE_FIELD_LABELS[field],
    field,
    cells,
    result: { contactId: destinationId, values: resultValues },
    differs: new Set(context.contacts.map((contact) => fieldComparisonKey(field, contact[field]))).size > 1,
  };
}

function buildIdentityRow(context: RowContext, channel: ConversationChannel): ComparisonRow {
  const { prediction, destinationId } = context;

  const cells = context.contacts.map((contact) => ({
    contactId: contact.id,
    values: identitiesOn(contact, channel).map((identity) => {
      const isLost = prediction.lost.some(
        (lost) => lost.kind === 'identity' && lost.sourceId === contact.id && isSameIdentity(lost, identity),
      );
      return identityValue(identity, isLost);
    }),
  }));

  const resultValues = identitiesOn(prediction.result, channel).map((identity) => {
    const moved = prediction.moved.identities.find((candidate) => isSameIdentity(candidate, identity));
    return { ...identityValue(identity, false), originId: moved ? moved.sourceId : destinationId };
  });

  const keys = context.contacts.map((contact) =>
    identitiesOn(contact, channel)
      .map((identity) => `${identity.identity}\u0000${identity.app_id ?? ''}`)
      .sort()
      .join('\u0001'),
  );

  return {
    key: `identity:${channel}`,
    kind: 'identities',
    label: channel,
    channel,
    cells,
    result: { contactId: destinationId, values: resultValues },
    differs: new Set(keys).size > 1,
  };
}

function buildPriorityRow(context: RowContext): ComparisonRow {
  const { prediction, destinationId } = context;

  const cells = context.contacts.map((contact) => ({
    contactId: contact.id,
    values: (contact.channel_priority ?? []).map((channel) => plainValue(channel)),
  }));

  const resultValues = (prediction.result.channel_priority ?? []).map((channel) => {
    const appended = prediction.moved.priority.find((candidate) => candidate.channel === channel);
    return { ...plainValue(channel), originId: appended ? appended.sourceId : destinationId };
  });

  // Order matters in a priority list, so the key keeps it.
  const keys = context.contacts.map((contact) => (contact.channel_priority ?? []).join('\u0001'));

  return {
    key: 'channel_priority',
    kind: 'priority',
    label: 'Channel priority',
    cells,
    result: { contactId: destinationId, values: resultValues },
    differs: new Set(keys).size > 1,
  };
}

function fieldValues(field: MergeField, value: unknown, lost: boolean): ComparisonValue[] {
  if (value === undefined || value === null || value === '') {
    return [];
  }

  const stored = String(value);
  const display = field === 'metadata' ? formatMetadata(stored) : { text: stored, format: 'text' as const };
  return [{ ...display, empty: isEmptyField(field, value), lost }];
}

/** Returns the text that decides whether a field differs; every empty value maps to "". */
function fieldComparisonKey(field: MergeField, value: unknown): string {
  if (isEmptyField(field, value)) {
    return '';
  }
  const stored = String(value);
  return field === 'metadata' ? formatMetadata(stored).text : stored;
}

function identityValue(identity: ChannelIdentity, lost: boolean): ComparisonValue {
  const value: ComparisonValue = { text: String(identity.identity ?? ''), format: 'text', empty: false, lost };
  if (identity.app_id) {
    value.appId = identity.app_id;
  }
  return value;
}

function plainValue(text: string): ComparisonValue {
  return { text: String(text), format: 'text', empty: false, lost: false };
}

function identitiesOn(contact: Contact, channel: ConversationChannel): ChannelIdentity[] {
  return (contact.channel_identities ?? []).filter((identity) => identity.channel === channel);
}

/** Lists the channels with identities in any contact, in order of first appearance. */
function listChannels(contacts: readonly Contact[]): ConversationChannel[] {
  const channels: ConversationChannel[] = [];
  for (const contact of contacts) {
    for (const identity of contact.channel_identities ?? []) {
      if (!channels.includes(identity.channel)) {
        channels.push(identity.channel);
      }
    }
  }
  return channels;
}
