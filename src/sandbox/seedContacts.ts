// Contacts of the `default` seed: 150 realistic contacts with 30 identity conflicts (two of
// four contacts, four of three, the rest of two). Numbers come with and without a leading
// "+", optional fields are set, empty or missing, and hostile values test safe rendering.
import type { ChannelIdentity, Contact } from '../sinch/types';
import { Prng } from './prng';
import { UlidFactory } from './ulid';

const CONTACTS_RANDOM_SEED = 0x5eedc0de;

/** Seeded contacts are created one minute apart from this fixed time, before any runtime ID. */
const CONTACTS_EPOCH_MS = Date.UTC(2024, 2, 4, 9, 0, 0);
const MINUTE_MS = 60_000;

export const DEFAULT_SEED_CONTACTS = 150;

/** Contacts per seeded conflict: 30 conflicts in all. */
const CONFLICT_SIZES: readonly number[] = [4, 4, 3, 3, 3, 3, ...new Array<number>(24).fill(2)];

/** The first contact of these conflicts is the first contact of the conflict before, so it has two conflicting numbers. */
const SHARED_FIRST_CONTACT = new Set([11, 21]);

/** The example identity of the API documentation; the seed uses it for a conflict of four contacts. */
const DOCUMENTED_IDENTITY = '12015555555';

/** Two contacts that are not in conflict: identities are compared as given, with or without "+". */
export const PLUS_PAIR = ['+46701234567', '46701234567'] as const;

export const HOSTILE_DISPLAY_NAMES: readonly string[] = [
  '<img src=x onerror=alert(1)>',
  '<script>alert("sandbox")</script>',
  'مريم الحسيني',
  'שרה כהן',
  'Invoice \u202Egnp.exe',
  'Ana 🌸🚀 Souza',
  '👨‍👩‍👧‍👦 Family account',
  '[Open a terminal](command:workbench.action.terminal.new)',
  "Robert'); DROP TABLE contacts;--",
  '{{constructor.constructor("alert(1)")()}} ${7*7}',
  'Line one\nLine two',
  'Zero\u200Bwidth\u200Dname',
];

export const HOSTILE_EMAIL = '"><svg onload=alert(1)>@example.com';
export const HOSTILE_EXTERNAL_ID = 'javascript:alert(document.cookie)';

/** JSON metadata of exactly 1024 characters, the API's maximum. */
export const LONG_METADATA = (() => {
  const prefix = '{"history":"';
  const suffix = '"}';
  const filler = 'called about invoice; '.repeat(60).slice(0, 1024 - prefix.length - suffix.length);
  return prefix + filler + suffix;
})();

const FIRST_NAMES = ['Astrid', 'João', 'Mei', 'Aarav', 'Olusegun', 'Zoë', 'Łukasz', 'Fatima', 'Søren', 'Camila', 'Hiroshi', 'Amara', 'Mateo', 'Ingrid', 'Yusuf', 'Priya', 'Lars', 'Chloé', 'Tomás', 'Aisha'];
const LAST_NAMES = ['Lindqvist', 'Pereira', 'Chen', 'Sharma', 'Adeyemi', 'Müller', 'Wiśniewski', 'Al-Sayed', 'Nielsen', 'Rodríguez', 'Tanaka', 'Okafor', 'García', 'Berg', 'Demir', 'Iyer', 'Eriksson', 'Dubois', 'Silva', 'Bello'];
const LANGUAGES = ['EN_US', 'EN_GB', 'SV', 'DE', 'PT_BR', 'ES_MX', 'FR', 'AR', 'HE', 'JA', 'ZH_CN', 'UNSPECIFIED'];
const JSON_METADATA = [
  '{"crm_id":"C-10482","tier":"gold","opt_in":true}',
  '{"source":"web-form","tags":["vip","nordics"],"score":0.87}',
  '{"note":"<b>bold</b> & <i>italic</i>"}',
  '{"nested":{"a":{"b":{"c":[1,2,3]}}}}',
];
const PLAIN_METADATA = ['Prefers SMS after 18:00', 'Migrated from legacy CRM', '</script><script>alert(1)</script>', 'Kunde seit März'];
const COUNTRY_PREFIXES = ['46', '1', '44', '55', '49', '33', '91'];
const SIM_CHANNELS = ['SMS', 'RCS', 'MMS'];

type NewContact = Pick<Contact, 'channel_priority' | 'display_name' | 'email' | 'external_id' | 'metadata' | 'language'> & {
  channel_identities: ChannelIdentity[];
};

class ContactDrafter {
  private readonly usedNumbers = new Set<string>(PLUS_PAIR.map((number) => number.replace('+', '')));

  constructor(
    private readonly random: Prng,
    private readonly messengerAppId: string,
  ) {}

  /** Returns a phone number no other seeded contact has, as digits only. */
  uniqueNumber(): string {
    for (;;) {
      const prefix = this.random.pick(COUNTRY_PREFIXES);
      const number = prefix + this.random.chars(11 - prefix.length, '0123456789');
      if (!this.usedNumbers.has(number)) {
        this.usedNumbers.add(number);
        return number;
      }
    }
  }

  /** Returns a contact with randomly present, empty or missing optional fields and no identities yet. */
  draft(): NewContact {
    const random = this.random;
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const contact: NewContact = { channel_identities: [] };

    contact.display_name = random.chance(0.08) ? 'Unknown' : `${first} ${last}`;

    const emailRoll = random.next();
    if (emailRoll < 0.6) {
      const local = `${first}.${last}`.normalize('NFD').replace(/[^A-Za-z.]/g, '').toLowerCase();
      contact.email = `${local}@example.com`;
    } else if (emailRoll < 0.8) {
      contact.email = '';
    }

    const externalRoll = random.next();
    if (externalRoll < 0.4) {
      contact.external_id = `crm-${random.chars(6, '0123456789')}`;
    } else if (externalRoll < 0.7) {
      contact.external_id = '';
    }

    if (random.chance(0.9)) {
      contact.language = random.pick(LANGUAGES);
    }

    const metadataRoll = random.next();
    if (metadataRoll < 0.3) {
      contact.metadata = random.pick(JSON_METADATA);
    } else if (metadataRoll < 0.5) {
      contact.metadata = random.pick(PLAIN_METADATA);
    } else if (metadataRoll < 0.75) {
      contact.metadata = '';
    }

    return contact;
  }

  /** Adds identities on channels outside the conflict channels, and sets channel_priority. */
  finish(contact: NewContact): void {
    const random = this.random;
    const phone = contact.channel_identities.find((identity) => SIM_CHANNELS.includes(identity.channel))?.identity;

    if (random.chance(0.25)) {
      contact.channel_identities.push({ channel: 'WHATSAPP', identity: (phone ?? this.uniqueNumber()).replace('+', '') });
    }
    if (random.chance(0.15) || contact.channel_identities.length === 0) {
      contact.channel_identities.push({ channel: 'MESSENGER', identity: random.chars(16, '0123456789'), app_id: this.messengerAppId });
    }

    const priorityRoll = random.next();
    if (priorityRoll < 0.75) {
      contact.channel_priority = [...new Set(contact.channel_identities.map((identity) => identity.channel))];
    } else if (priorityRoll < 0.9) {
      contact.channel_priority = [];
    }
  }
}

function addConflictContacts(drafter: ContactDrafter, random: Prng, contacts: NewContact[]): NewContact[][] {
  const groups: NewContact[][] = [];

  CONFLICT_SIZES.forEach((size, groupIndex) => {
    const digits = groupIndex === 1 ? DOCUMENTED_IDENTITY : drafter.uniqueNumber();
    const identity = groupIndex % 2 === 0 ? `+${digits}` : digits;
    const members: NewContact[] = [];

    for (let member = 0; member < size; member++) {
      let contact: NewContact;
      if (member === 0 && SHARED_FIRST_CONTACT.has(groupIndex)) {
        contact = groups[groupIndex - 1][0];
      } else {
        contact = drafter.draft();
        contacts.push(contact);
      }

      const channel = SIM_CHANNELS[(groupIndex + member) % SIM_CHANNELS.length];
      contact.channel_identities.push({ channel, identity });
      if (random.chance(0.3)) {
        const second = SIM_CHANNELS[(groupIndex + member + 1) % SIM_CHANNELS.length];
        contact.channel_identities.push({ channel: second, identity });
      }
      members.push(contact);
    }
    groups.push(members);
  });

  return groups;
}

/** Puts values that matter for merges and for safe rendering on chosen contacts. */
function placeSpecialValues(groups: NewContact[][], singles: NewContact[]): void {
  // A conflict of four whose merge fills empty fields: "Unknown" is a value, "" and UNSPECIFIED are empty.
  const [kept, withValues, bare, withExternalId] = groups[0];
  Object.assign(kept, { display_name: 'Unknown', email: '', language: 'UNSPECIFIED', external_id: '', metadata: '' });
  Object.assign(withValues, { display_name: 'Astrid Lindqvist', email: 'astrid.lindqvist@example.com', language: 'SV', metadata: JSON_METADATA[0] });
  for (const field of ['email', 'external_id', 'language', 'metadata'] as const) {
    delete bare[field];
  }
  Object.assign(withExternalId, { external_id: 'crm-000042', metadata: PLAIN_METADATA[0] });

  // Hostile display names on the second contact of conflicts 1 to 8 and on four single contacts.
  HOSTILE_DISPLAY_NAMES.forEach((name, index) => {
    const contact = index < 8 ? groups[index + 1][1] : singles[index - 8];
    contact.display_name = name;
  });
  groups[2][2].email = HOSTILE_EMAIL;
  groups[3][0].external_id = HOSTILE_EXTERNAL_ID;
  groups[4][1].metadata = PLAIN_METADATA[2];
  singles[4].metadata = LONG_METADATA;
}

/** Builds the contacts of the `default` seed, with IDs in creation order. */
export function buildDefaultContacts(messengerAppId: string): Contact[] {
  const random = new Prng(CONTACTS_RANDOM_SEED);
  const drafter = new ContactDrafter(random, messengerAppId);
  const drafts: NewContact[] = [];

  const groups = addConflictContacts(drafter, random, drafts);

  const singles: NewContact[] = [];
  for (const number of PLUS_PAIR) {
    const contact = drafter.draft();
    contact.channel_identities.push({ channel: 'SMS', identity: number });
    singles.push(contact);
  }
  while (drafts.length + singles.length < DEFAULT_SEED_CONTACTS) {
    const contact = drafter.draft();
    const roll = random.next();
    if (roll < 0.8) {
      const number = drafter.uniqueNumber();
      contact.channel_identities.push({ channel: random.pick(SIM_CHANNELS), identity: random.chance(0.5) ? `+${number}` : number });
    } else if (roll < 0.9) {
      contact.channel_identities.push({ channel: 'WHATSAPP', identity: drafter.uniqueNumber() });
    }
    singles.push(contact);
  }

  placeSpecialValues(groups, singles);

  const all = random.shuffle([...drafts, ...singles]);
  for (const contact of all) {
    drafter.finish(contact);
  }

  let minute = 0;
  const ids = new UlidFactory(() => random.next(), () => CONTACTS_EPOCH_MS + minute++ * MINUTE_MS);
  return all.map((contact) => ({ id: ids.next(), ...contact }));
}
