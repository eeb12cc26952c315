// The profile store on in-memory stand-ins for VS Code's Memento and SecretStorage, which
// behave like the real ones for get, update, store, delete and onDidChange.
import * as assert from 'node:assert/strict';
import { Emitter } from '../../src/profiles/emitter';
import {
  DuplicateProfileError,
  PROFILES_STATE_KEY,
  ProfileStore,
  secretKey,
  type ProfileStoreChange,
  type SecretStore,
  type StateStorage,
} from '../../src/profiles/store';
import type { Profile } from '../../src/profiles/types';

/** Stand-in for `vscode.Memento`: a map, shared between stores as windows share global state. */
class InMemoryMemento implements StateStorage {
  readonly values = new Map<string, unknown>();

  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }

  async update(key: string, value: unknown): Promise<void> {
    // The real Memento stores JSON, so it keeps no reference to the caller's objects.
    this.values.set(key, JSON.parse(JSON.stringify(value)));
  }
}

/** Stand-in for `vscode.SecretStorage`: a map that fires onDidChange for every store and delete. */
class InMemorySecretStorage implements SecretStore {
  readonly values = new Map<string, string>();
  private readonly changes = new Emitter<{ key: string }>();
  readonly onDidChange = this.changes.event;

  async get(key: string): Promise<string | undefined> {
    return this.values.get(key);
  }

  async store(key: string, value: string): Promise<void> {
    this.values.set(key, value);
    this.changes.fire({ key });
  }

  async delete(key: string): Promise<void> {
    this.values.delete(key);
    this.changes.fire({ key });
  }
}

/** Stand-in for SecretStorage without an OS keyring: every call throws, as VS Code's does on such a Linux desktop. */
class ThrowingSecretStorage implements SecretStore {
  readonly onDidChange = new Emitter<{ key: string }>().event;

  async get(): Promise<string | undefined> {
    throw new Error('Cannot get password: no keyring available');
  }

  async store(): Promise<void> {
    throw new Error('Cannot save password: no keyring available');
  }

  async delete(): Promise<void> {
    throw new Error('Cannot delete password: no keyring available');
  }
}

class RecordingLogger {
  readonly lines: string[] = [];
  info(message: string): void {
    this.lines.push(`info ${message}`);
  }
  warn(message: string): void {
    this.lines.push(`warn ${message}`);
  }
  error(message: string): void {
    this.lines.push(`error ${message}`);
  }
}

const SECRET = 'sbx_secret_Q7tVn3KpW9xLr2Hd';

function profile(overrides: Partial<Profile> = {}): Profile {
  return {
    id: 'p1',
    label: 'Production',
    projectId: '5b8e2f4a-93c1-4d07-a6e5-1f2c3d4b5a69',
    region: 'us',
    keyId: 'c7d1e9a2-58b4-4f3e-9a06-2b7c8d9e0f14',
    authMethod: 'oauth2',
    ...overrides,
  };
}

interface Setup {
  state: InMemoryMemento;
  secrets: SecretStore;
  logger: RecordingLogger;
  store: ProfileStore;
  changes: ProfileStoreChange[];
  storageErrors: { profileId: string | undefined; operation: string }[];
}

function setup(secrets: SecretStore = new InMemorySecretStorage(), state = new InMemoryMemento()): Setup {
  const logger = new RecordingLogger();
  const storageErrors: Setup['storageErrors'] = [];
  const store = new ProfileStore({
    state,
    secrets,
    logger,
    onSecretStorageError: (_error, failed, operation) => storageErrors.push({ profileId: failed?.id, operation }),
  });
  const changes: ProfileStoreChange[] = [];
  store.onDidChange((change) => changes.push(change));
  return { state, secrets, logger, store, changes, storageErrors };
}

describe('profile store', () => {
  it('keeps the secret out of global state', async () => {
    const { state, secrets, store } = setup();
    await store.add(profile(), SECRET);

    assert.deepEqual(store.list(), [profile()]);
    assert.equal(await store.getSecret('p1'), SECRET);
    assert.equal(await secrets.get(secretKey('p1')), SECRET);
    assert.equal(store.isSessionOnly('p1'), false);

    const stored = JSON.stringify(state.get(PROFILES_STATE_KEY));
    assert.ok(!stored.includes(SECRET), `global state holds the secret: ${stored}`);
    assert.match(stored, /"projectId":"5b8e2f4a-/);
  });

  it('drops unknown fields before storing', async () => {
    const { state, store } = setup();
    await store.add({ ...profile(), keySecret: SECRET } as Profile, SECRET);
    assert.ok(!JSON.stringify(state.get(PROFILES_STATE_KEY)).includes(SECRET));
    assert.deepEqual(store.get('p1'), profile());
  });

  it('fires onDidChange on add, update and remove', async () => {
    const { store, changes } = setup();
    await store.add(profile(), SECRET);
    await store.update({ ...profile(), label: 'Renamed' });
    await store.remove('p1');
    assert.equal(changes.filter((change) => change.reason === 'profiles').length, 3);
  });

  it('updates fields and optionally the secret', async () => {
    const { store } = setup();
    await store.add(profile(), SECRET);

    await store.update({ ...profile(), label: 'Renamed', region: 'eu' });
    assert.equal(store.get('p1')?.label, 'Renamed');
    assert.equal(store.get('p1')?.region, 'eu');
    assert.equal(await store.getSecret('p1'), SECRET);

    await store.update(profile(), 'new-secret-value');
    assert.equal(await store.getSecret('p1'), 'new-secret-value');
  });

  it('removes the secret with the profile', async () => {
    const { store, secrets } = setup();
    await store.add(profile(), SECRET);
    await store.remove('p1');

    assert.deepEqual(store.list(), []);
    assert.equal(await secrets.get(secretKey('p1')), undefined);
    assert.equal(await store.getSecret('p1'), undefined);
  });

  it('rejects a second profile of the same project and region', async () => {
    const { store } = setup();
    await store.add(profile(), SECRET);
    await assert.rejects(store.add(profile({ id: 'p2' }), SECRET), DuplicateProfileError);
    await store.add(profile({ id: 'p3', region: 'eu' }), SECRET);
    assert.equal(store.list().length, 2);
  });

  it('rejects an update that would duplicate another profile', async () => {
    const { store } = setup();
    await store.add(profile(), SECRET);
    await store.add(profile({ id: 'p2', region: 'eu' }), SECRET);
    await assert.rejects(store.update(profile({ id: 'p2', region: 'us' })), DuplicateProfileError);
    assert.equal(store.get('p2')?.region, 'eu');
  });

  it('rejects an update of a removed profile', async () => {
    const { store } = setup();
    await assert.rejects(store.update(profile()), /no longer exists/);
  });

  it('serialises concurrent writes', async () => {
    const { store } = setup();
    await Promise.all([
      store.add(profile({ id: 'a', region: 'us' }), SECRET),
      store.add(profile({ id: 'b', region: 'eu' }), SECRET),
      store.add(profile({ id: 'c', region: 'br' }), SECRET),
    ]);
    assert.deepEqual(store.list().map((entry) => entry.id).sort(), ['a', 'b', 'c']);
  });

  it('skips malformed stored entries with a warning', () => {
    const state = new InMemoryMemento();
    state.values.set(PROFILES_STATE_KEY, {
      version: 1,
      profiles: [profile(), { id: 'bad', region: 'mars' }, 'text', profile({ label: 'Copy' })],
    });

    const { store, logger } = setup(new InMemorySecretStorage(), state);
    assert.deepEqual(store.list(), [profile()]);
    const warnings = logger.lines.filter((line) => line.startsWith('warn'));
    assert.equal(warnings.length, 3, warnings.join('\n'));
    assert.match(warnings[0], /#2/);
    assert.match(warnings[2], /used twice/);
  });

  it('ignores stored data that is not a list', () => {
    const state = new InMemoryMemento();
    state.values.set(PROFILES_STATE_KEY, 'garbage');
    const { store, logger } = setup(new InMemorySecretStorage(), state);
    assert.deepEqual(store.list(), []);
    assert.ok(logger.lines.some((line) => line.startsWith('warn') && line.includes('not a list')));
  });

  it('picks up a profile added in another window on reload', async () => {
    const shared = new InMemoryMemento();
    const secrets = new InMemorySecretStorage();
    const first = setup(secrets, shared);
    const second = setup(secrets, shared);

    await first.store.add(profile(), SECRET);
    assert.deepEqual(second.store.list(), []);

    second.store.reload();
    assert.deepEqual(second.store.list(), [profile()]);
    assert.ok(second.changes.some((change) => change.reason === 'profiles'));

    const before = second.changes.length;
    second.store.reload();
    assert.equal(second.changes.length, before, 'a reload without a change fired onDidChange');
  });

  it('keeps a profile added in another window when adding', async () => {
    const shared = new InMemoryMemento();
    const secrets = new InMemorySecretStorage();
    const first = setup(secrets, shared);
    const second = setup(secrets, shared);

    await first.store.add(profile(), SECRET);
    await second.store.add(profile({ id: 'p2', region: 'eu' }), SECRET);
    assert.deepEqual(second.store.list().map((entry) => entry.id), ['p1', 'p2']);
  });

  it('reports secret changes made in another window', async () => {
    const secrets = new InMemorySecretStorage();
    const { changes } = setup(secrets);
    await secrets.store(secretKey('p9'), 'other');
    await secrets.store('unrelated.key', 'x');
    assert.deepEqual(changes, [{ reason: 'secret', profileId: 'p9' }]);
  });

  describe('without a keyring', () => {
    it('keeps the secret for the session only', async () => {
      const { store, state, storageErrors, logger } = setup(new ThrowingSecretStorage());
      await store.add(profile(), SECRET);

      assert.equal(store.isSessionOnly('p1'), true);
      assert.equal(await store.getSecret('p1'), SECRET);
      assert.deepEqual(storageErrors, [{ profileId: 'p1', operation: 'store' }]);
      assert.ok(!JSON.stringify(state.get(PROFILES_STATE_KEY)).includes(SECRET));
      assert.ok(!logger.lines.join('\n').includes(SECRET), 'the log holds the secret');
    });

    it('forgets the session secret on remove', async () => {
      const { store } = setup(new ThrowingSecretStorage());
      await store.add(profile(), SECRET);
      await store.remove('p1');
      assert.equal(store.isSessionOnly('p1'), false);
      assert.equal(await store.getSecret('p1'), undefined);
      assert.deepEqual(store.list(), []);
    });

    it('reports a failed read once', async () => {
      const state = new InMemoryMemento();
      state.values.set(PROFILES_STATE_KEY, { version: 1, profiles: [profile()] });
      const { store, storageErrors } = setup(new ThrowingSecretStorage(), state);

      assert.equal(await store.getSecret('p1'), undefined);
      assert.equal(await store.getSecret('p1'), undefined);
      assert.deepEqual(storageErrors, [{ profileId: 'p1', operation: 'read' }]);
    });
  });
});
