// The project's contacts, kept in memory in creation order, and the identity conflicts
// computed from them.
import { CONFLICT_CHANNELS, type Contact, type IdentityConflict } from '../sinch/types';
import type { NewContact } from './contactInput';
import { notFound } from './errors';
import { mergeContacts } from './merge';
import type { UlidFactory } from './ulid';

function compareStrings(a: string, b: string): number {
  if (a < b) {
    return -1;
  }
  return a > b ? 1 : 0;
}

/**
 * Lists identities on SMS, MMS or RCS that more than one contact holds. Channels are
 * sorted by name, contact IDs come in creation order (the order of `contacts`), and the
 * conflicts are sorted by identity. Identities are compared as given, so `+46701234567`
 * and `46701234567` are two different identities.
 */
export function computeConflicts(contacts: Iterable<Contact>): IdentityConflict[] {
  const byIdentity = new Map<string, { channels: Set<string>; contactIds: string[] }>();

  for (const contact of contacts) {
    for (const { channel, identity } of contact.channel_identities ?? []) {
      if (!CONFLICT_CHANNELS.includes(channel)) {
        continue;
      }

      let entry = byIdentity.get(identity);
      if (!entry) {
        entry = { channels: new Set(), contactIds: [] };
        byIdentity.set(identity, entry);
      }
      entry.channels.add(channel);

      // One contact's identities are visited together, so a repeat is always the last ID.
      if (entry.contactIds[entry.contactIds.length - 1] !== contact.id) {
        entry.contactIds.push(contact.id);
      }
    }
  }

  const conflicts: IdentityConflict[] = [];
  for (const [identity, entry] of byIdentity) {
    if (entry.contactIds.length > 1) {
      conflicts.push({ identity, channels: [...entry.channels].sort(compareStrings), contact_ids: entry.contactIds });
    }
  }
  return conflicts.sort((a, b) => compareStrings(a.identity, b.identity));
}

/**
 * Contacts by ID in creation order. The sorted contact list and the conflict list are
 * computed once and cached until the next change, so paging through 10,000 conflicts
 * costs a binary search per page.
 */
export class ContactStore {
  private readonly contacts = new Map<string, Contact>();
  private sortedCache: Contact[] | undefined;
  private conflictCache: IdentityConflict[] | undefined;

  /** `ids` must produce increasing IDs, so ID order is creation order. */
  constructor(
    private readonly ids: UlidFactory,
    initial: Contact[] = [],
  ) {
    for (const contact of initial) {
      this.contacts.set(contact.id, contact);
    }
  }

  get size(): number {
    return this.contacts.size;
  }

  get(id: string): Contact | undefined {
    return this.contacts.get(id);
  }

  /** Returns all contacts sorted by ID, which is creation order. Callers must not change them. */
  sorted(): readonly Contact[] {
    this.sortedCache ??= [...this.contacts.values()].sort((a, b) => compareStrings(a.id, b.id));
    return this.sortedCache;
  }

  /** Returns the identity conflicts sorted by identity. Callers must not change them. */
  conflicts(): readonly IdentityConflict[] {
    this.conflictCache ??= computeConflicts(this.contacts.values());
    return this.conflictCache;
  }

  create(fields: NewContact): Contact {
    const contact: Contact = { id: this.ids.next(), ...fields };
    this.contacts.set(contact.id, contact);
    this.invalidate();
    return contact;
  }

  /** Merges the source into the destination, deletes the source and returns the destination. */
  merge(destinationId: string, sourceId: string): Contact {
    const destination = this.contacts.get(destinationId);
    if (!destination) {
      throw notFound(`Destination contact ${destinationId} not found. List the conflict again: it may have been merged already.`);
    }
    const source = this.contacts.get(sourceId);
    if (!source) {
      throw notFound(`Source contact ${sourceId} not found. List the conflict again: it may have been merged already.`);
    }

    // Map.set on an existing key keeps the destination's place in creation order.
    const merged = mergeContacts(destination, source);
    this.contacts.set(destinationId, merged);
    this.contacts.delete(sourceId);
    this.invalidate();
    return merged;
  }

  private invalidate(): void {
    this.sortedCache = undefined;
    this.conflictCache = undefined;
  }
}
