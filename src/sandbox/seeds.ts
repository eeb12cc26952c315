// The data sets a sandbox starts from. Every seed is deterministic: a seeded PRNG, IDs
// derived from it and fixed timestamps give identical apps and contacts on every start.
import type { App, Contact } from '../sinch/types';
import type { SeedName } from './api';
import { DEFAULT_LARGE_CONFLICTS } from './defaults';
import { Prng } from './prng';
import { buildApps } from './seedApps';
import { buildDefaultContacts } from './seedContacts';
import { UlidFactory } from './ulid';

export const SEED_NAMES: readonly SeedName[] = ['default', 'large', 'empty'];

const LARGE_RANDOM_SEED = 0x5eed1a46;
const LARGE_EPOCH_MS = Date.UTC(2024, 5, 10, 12, 0, 0);
const LARGE_CHANNELS = ['SMS', 'RCS', 'MMS'];

export interface SeedData {
  apps: App[];
  contacts: Contact[];
}

/**
 * Builds `count` conflicts of two contacts each. Conflict i is the identity 15550000000 + i,
 * with a leading "+" for even i. Its first contact has it on SMS, the second on SMS, RCS or
 * MMS in turn.
 */
function buildLargeContacts(count: number): Contact[] {
  const random = new Prng(LARGE_RANDOM_SEED);
  let millisecond = 0;
  const ids = new UlidFactory(() => random.next(), () => LARGE_EPOCH_MS + millisecond++);
  const contacts: Contact[] = [];

  for (let i = 0; i < count; i++) {
    const identity = `${i % 2 === 0 ? '+' : ''}${15550000000 + i}`;
    const secondChannel = LARGE_CHANNELS[i % LARGE_CHANNELS.length];

    contacts.push({
      id: ids.next(),
      channel_identities: [{ channel: 'SMS', identity }],
      channel_priority: ['SMS'],
      display_name: `Bulk contact ${i} A`,
      email: `bulk.${i}.a@example.com`,
      external_id: '',
      language: 'EN_US',
      metadata: '',
    });
    contacts.push({
      id: ids.next(),
      channel_identities: [{ channel: secondChannel, identity }],
      channel_priority: [secondChannel],
      display_name: `Bulk contact ${i} B`,
      email: '',
      external_id: `bulk-${i}`,
      language: 'UNSPECIFIED',
      metadata: `{"batch":${i}}`,
    });
  }

  return contacts;
}

/** Builds a fresh copy of a seed; `largeConflicts` applies to the `large` seed only. */
export function buildSeed(name: SeedName, largeConflicts = DEFAULT_LARGE_CONFLICTS): SeedData {
  const { apps, messengerAppId } = buildApps();

  switch (name) {
    case 'default':
      return { apps, contacts: buildDefaultContacts(messengerAppId) };
    case 'large':
      if (!Number.isInteger(largeConflicts) || largeConflicts < 0) {
        throw new Error(`Invalid largeConflicts ${largeConflicts}: use a whole number >= 0.`);
      }
      return { apps, contacts: buildLargeContacts(largeConflicts) };
    case 'empty':
      return { apps, contacts: [] };
    default:
      throw new Error(`Unknown seed "${String(name)}": use one of ${SEED_NAMES.join(', ')}.`);
  }
}
