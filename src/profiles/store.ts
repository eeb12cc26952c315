// Profiles and their key secrets. The non-secret fields live in global state, the key secret
// only in SecretStorage (the OS keyring on desktop). When SecretStorage fails, the secret is
// kept in memory for this session and nowhere else. The store takes small storage interfaces
// that `vscode.Memento` and `vscode.SecretStorage` satisfy, so it also runs in plain Node.
import { Emitter, type Disposable } from './emitter';
import type { Profile } from './types';
import { findDuplicate, parseStoredProfile } from './validation';

export const PROFILES_STATE_KEY = 'sinchConflicts.profiles';
export const SECRET_KEY_PREFIX = 'sinchConflicts.secret.';

/** Version of the stored list, for a later change of its shape. */
const STATE_VERSION = 1;

export function secretKey(profileId: string): string {
  return SECRET_KEY_PREFIX + profileId;
}

/** The part of `vscode.Memento` the store uses. */
export interface StateStorage {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

/** The part of `vscode.SecretStorage` the store uses. */
export interface SecretStore {
  get(key: string): Thenable<string | undefined>;
  store(key: string, value: string): Thenable<void>;
  delete(key: string): Thenable<void>;
  onDidChange(listener: (event: { key: string }) => unknown): Disposable;
}

export interface StoreLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** A change to the store: the list of profiles, or the secret of one profile. */
export interface ProfileStoreChange {
  reason: 'profiles' | 'secret';
  profileId?: string;
}

export interface ProfileStoreOptions {
  state: StateStorage;
  secrets: SecretStore;
  logger: StoreLogger;
  /** Called when SecretStorage failed, so the user learns that a secret lasts for this session only. */
  onSecretStorageError?: (error: unknown, profile: Profile | undefined, operation: 'store' | 'read') => void;
}

/** Raised by `add` and `update` when another profile already has the project in that region. */
export class DuplicateProfileError extends Error {
  constructor(readonly existing: Profile) {
    super(`Profile "${existing.label}" already holds project ${existing.projectId} in region ${existing.region}.`);
    this.name = 'DuplicateProfileError';
  }
}

interface StoredList {
  version: number;
  profiles: unknown[];
}

export class ProfileStore implements Disposable {
  private profiles: Profile[] = [];
  private snapshot = '';
  private readonly sessionSecrets = new Map<string, string>();
  private readonly changes: Emitter<ProfileStoreChange>;
  private readonly subscriptions: Disposable[] = [];
  private readFailureReported = false;

  /** Writes run one after another, so two quick edits in this window cannot lose each other. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: ProfileStoreOptions) {
    this.changes = new Emitter((error) => options.logger.error(`A profile change listener failed: ${String(error)}`));
    this.onDidChange = this.changes.event;
    this.profiles = this.readState();
    this.snapshot = JSON.stringify(this.profiles);

    // Another window of VS Code stored or deleted a secret (this window's own writes fire too).
    this.subscriptions.push(
      options.secrets.onDidChange((event) => {
        if (event.key.startsWith(SECRET_KEY_PREFIX)) {
          this.changes.fire({ reason: 'secret', profileId: event.key.slice(SECRET_KEY_PREFIX.length) });
        }
      }),
    );
  }

  /** Fires after the list or a secret changed, in this window or (once noticed) in another. */
  readonly onDidChange: (listener: (change: ProfileStoreChange) => unknown) => Disposable;

  /** The SecretStorage this store writes to, for tests that check where a secret landed. */
  get secretStorage(): SecretStore {
    return this.options.secrets;
  }

  /** The global state this store writes to, for tests that check what was stored. */
  get stateStorage(): StateStorage {
    return this.options.state;
  }

  list(): Profile[] {
    return this.profiles.map((profile) => ({ ...profile }));
  }

  get(id: string): Profile | undefined {
    const profile = this.profiles.find((candidate) => candidate.id === id);
    return profile === undefined ? undefined : { ...profile };
  }

  /** True when the profile's secret is held in memory only, because SecretStorage failed. */
  isSessionOnly(id: string): boolean {
    return this.sessionSecrets.has(id);
  }

  /** Returns the key secret, or undefined when none is stored or SecretStorage cannot be read. */
  async getSecret(id: string): Promise<string | undefined> {
    const sessionSecret = this.sessionSecrets.get(id);
    if (sessionSecret !== undefined) {
      return sessionSecret;
    }

    try {
      return await this.options.secrets.get(secretKey(id));
    } catch (error) {
      this.options.logger.warn(`Reading the key secret of profile ${id} from SecretStorage failed: ${describe(error)}`);
      if (!this.readFailureReported) {
        this.readFailureReported = true;
        this.options.onSecretStorageError?.(error, this.get(id), 'read');
      }
      return undefined;
    }
  }

  /** Adds a profile and its secret. Raises DuplicateProfileError when the project and region are taken. */
  add(profile: Profile, secret: string): Promise<void> {
    return this.enqueue(async () => {
      const current = this.readState();
      if (current.some((candidate) => candidate.id === profile.id)) {
        throw new Error(`A profile with ID ${profile.id} already exists.`);
      }
      const duplicate = findDuplicate(current, profile.projectId, profile.region);
      if (duplicate !== undefined) {
        throw new DuplicateProfileError(duplicate);
      }

      // The secret goes first, so another window that sees the new profile also finds its secret.
      const stored = cleanProfile(profile);
      await this.storeSecret(stored, secret);
      try {
        await this.writeState([...current, stored]);
      } catch (error) {
        await this.forgetSecret(stored.id);
        throw error;
      }
      this.options.logger.info(`Added profile ${stored.id} (project ${stored.projectId}, region ${stored.region}).`);
    });
  }

  /** Replaces the non-secret fields of a profile, and its secret when `secret` is given. */
  update(profile: Profile, secret?: string): Promise<void> {
    return this.enqueue(async () => {
      const current = this.readState();
      const index = current.findIndex((candidate) => candidate.id === profile.id);
      if (index < 0) {
        throw new Error(`Profile ${profile.id} no longer exists. It may have been removed in another window.`);
      }
      const duplicate = findDuplicate(current, profile.projectId, profile.region, profile.id);
      if (duplicate !== undefined) {
        throw new DuplicateProfileError(duplicate);
      }

      const stored = cleanProfile(profile);
      if (secret !== undefined) {
        await this.storeSecret(stored, secret);
      }
      const next = [...current];
      next[index] = stored;
      await this.writeState(next);
      this.options.logger.info(`Updated profile ${stored.id}${secret === undefined ? '' : ' and its key secret'}.`);
    });
  }

  /** Removes a profile and its secret. Removing an unknown ID does nothing. */
  remove(id: string): Promise<void> {
    return this.enqueue(async () => {
      const current = this.readState();
      const next = current.filter((candidate) => candidate.id !== id);
      if (next.length !== current.length) {
        await this.writeState(next);
        this.options.logger.info(`Removed profile ${id}.`);
      }
      await this.forgetSecret(id);
    });
  }

  /**
   * Reads the list from global state again and fires onDidChange when it differs, so edits
   * made in another window show up. The extension calls this when its window gains focus.
   */
  reload(): void {
    const profiles = this.readState();
    const snapshot = JSON.stringify(profiles);
    if (snapshot === this.snapshot) {
      return;
    }

    this.profiles = profiles;
    this.snapshot = snapshot;
    for (const id of [...this.sessionSecrets.keys()]) {
      if (!profiles.some((profile) => profile.id === id)) {
        this.sessionSecrets.delete(id);
      }
    }
    this.changes.fire({ reason: 'profiles' });
  }

  dispose(): void {
    for (const subscription of this.subscriptions) {
      subscription.dispose();
    }
    this.changes.dispose();
    this.sessionSecrets.clear();
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Reads and checks the stored list; a malformed entry is logged and skipped. */
  private readState(): Profile[] {
    const raw = this.options.state.get<unknown>(PROFILES_STATE_KEY);
    if (raw === undefined) {
      return [];
    }
    if (!isStoredList(raw)) {
      this.options.logger.warn(`Stored profiles under ${PROFILES_STATE_KEY} are not a list; ignoring them.`);
      return [];
    }

    const profiles: Profile[] = [];
    raw.profiles.forEach((entry, index) => {
      const result = parseStoredProfile(entry);
      if (!result.ok) {
        this.options.logger.warn(`Skipped stored profile #${index + 1}: ${result.problem}.`);
      } else if (profiles.some((profile) => profile.id === result.profile.id)) {
        this.options.logger.warn(`Skipped stored profile #${index + 1}: its ID ${result.profile.id} is used twice.`);
      } else {
        profiles.push(result.profile);
      }
    });
    return profiles;
  }

  private async writeState(profiles: Profile[]): Promise<void> {
    const list: StoredList = { version: STATE_VERSION, profiles };
    await this.options.state.update(PROFILES_STATE_KEY, list);
    this.profiles = profiles;
    this.snapshot = JSON.stringify(profiles);
    this.changes.fire({ reason: 'profiles' });
  }

  /** Stores a secret in SecretStorage, or in memory for this session when SecretStorage fails. */
  private async storeSecret(profile: Profile, secret: string): Promise<void> {
    try {
      await this.options.secrets.store(secretKey(profile.id), secret);
      this.sessionSecrets.delete(profile.id);
    } catch (error) {
      this.sessionSecrets.set(profile.id, secret);
      const reason = describe(error).split(secret).join('[redacted]');
      this.options.logger.warn(
        `Storing the key secret of profile ${profile.id} in SecretStorage failed: ${reason}. ` +
          'The secret is kept in memory until this window closes.',
      );
      this.options.onSecretStorageError?.(error, profile, 'store');
      this.changes.fire({ reason: 'secret', profileId: profile.id });
    }
  }

  private async forgetSecret(id: string): Promise<void> {
    this.sessionSecrets.delete(id);
    try {
      await this.options.secrets.delete(secretKey(id));
    } catch (error) {
      this.options.logger.warn(`Deleting the key secret of profile ${id} from SecretStorage failed: ${describe(error)}.`);
    }
  }
}

function isStoredList(value: unknown): value is StoredList {
  return typeof value === 'object' && value !== null && Array.isArray((value as StoredList).profiles);
}

/** Copies only the known fields, so nothing else (such as a secret) reaches global state. */
function cleanProfile(profile: Profile): Profile {
  const result = parseStoredProfile(profile);
  if (!result.ok) {
    throw new Error(`Invalid profile: ${result.problem}.`);
  }
  return result.profile;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
