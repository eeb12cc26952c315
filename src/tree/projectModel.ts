// The loaded part of one project: conflicts page by page, apps, and contacts read so far.
// The API gives no total, so the model records only what it has loaded and whether the list
// is complete. It uses no VS Code types so that it can be measured and tested in plain Node.
import type { App, Contact, IdentityConflict } from '../sinch/types';
import type { ProjectApi } from './projectApi';

export type LoadState<T> =
  | { status: 'idle' }
  | { status: 'loading'; promise: Promise<T> }
  | { status: 'loaded'; value: T }
  | { status: 'failed'; error: unknown };

export interface ConflictListState {
  conflicts: IdentityConflict[];
  /** True once a page came back without a next page token. */
  complete: boolean;
  /** Set when the last page request failed; what was loaded before stays. */
  error: unknown;
  loading: boolean;
}

export class ProjectModel {
  private conflicts: IdentityConflict[] = [];
  private readonly identities = new Set<string>();
  private nextPageToken: string | undefined;
  private complete = false;
  private started = false;
  private pageError: unknown;
  private pageInFlight: Promise<void> | undefined;
  private apps: LoadState<App[]> = { status: 'idle' };
  private readonly contacts = new Map<string, LoadState<Contact>>();
  private readonly listeners = new Set<() => void>();

  /** `connect` returns the project's API client; it is called on first use, never during activation. */
  constructor(private readonly connect: () => Promise<ProjectApi>) {}

  onDidChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) {
      listener();
    }
  }

  conflictState(): ConflictListState {
    return { conflicts: this.conflicts, complete: this.complete, error: this.pageError, loading: this.pageInFlight !== undefined };
  }

  /** True before the first page was requested. */
  get untouched(): boolean {
    return !this.started;
  }

  /**
   * Loads the next page of conflicts; concurrent callers share one request. A failure is kept
   * in the state (for an error node) and rethrown; conflicts loaded before it stay.
   */
  loadNextPage(signal?: AbortSignal): Promise<void> {
    if (this.complete) {
      return Promise.resolve();
    }
    if (this.pageInFlight) {
      return this.pageInFlight;
    }
    this.started = true;
    this.pageError = undefined;
    const request = this.fetchPage(signal).finally(() => {
      this.pageInFlight = undefined;
      this.changed();
    });
    this.pageInFlight = request;
    return request;
  }

  private async fetchPage(signal: AbortSignal | undefined): Promise<void> {
    try {
      const api = await this.connect();
      const page = await api.listConflictPage(this.nextPageToken, signal);
      for (const conflict of page.conflicts) {
        // Pages may repeat a conflict when the list changes between requests.
        if (!this.identities.has(conflict.identity)) {
          this.identities.add(conflict.identity);
          this.conflicts.push(conflict);
        }
      }
      this.nextPageToken = page.nextPageToken;
      this.complete = page.nextPageToken === undefined;
    } catch (error) {
      // A page the caller cancelled is not a failure to show in the tree.
      if (!signal?.aborted) {
        this.pageError = error;
      }
      throw error;
    }
  }

  /** Loads pages until the list is complete or `signal` aborts; `onPage` reports progress. */
  async loadAll(signal?: AbortSignal, onPage?: (loaded: number) => void): Promise<void> {
    while (!this.complete) {
      if (signal?.aborted) {
        return;
      }
      await this.loadNextPage(signal);
      onPage?.(this.conflicts.length);
    }
  }

  /** Forgets everything loaded; the next read starts from the first page. */
  reset(): void {
    this.conflicts = [];
    this.identities.clear();
    this.nextPageToken = undefined;
    this.complete = false;
    this.started = false;
    this.pageError = undefined;
    this.pageInFlight = undefined;
    this.apps = { status: 'idle' };
    this.contacts.clear();
    this.changed();
  }

  /** Removes a conflict that a merge resolved, without reloading the list. */
  removeConflict(identity: string): void {
    if (!this.identities.delete(identity)) {
      return;
    }
    this.conflicts = this.conflicts.filter((conflict) => conflict.identity !== identity);
    this.changed();
  }

  appsState(): LoadState<App[]> {
    return this.apps;
  }

  /** Loads the project's apps once; a failure is kept so the tree can offer a retry. */
  async loadApps(signal?: AbortSignal): Promise<App[]> {
    if (this.apps.status === 'loaded') {
      return this.apps.value;
    }
    if (this.apps.status === 'loading') {
      return this.apps.promise;
    }
    const promise = this.connect().then((api) => api.listApps(signal));
    this.apps = { status: 'loading', promise };
    try {
      const value = await promise;
      this.apps = { status: 'loaded', value };
      return value;
    } catch (error) {
      this.apps = { status: 'failed', error };
      throw error;
    } finally {
      this.changed();
    }
  }

  resetApps(): void {
    this.apps = { status: 'idle' };
    this.changed();
  }

  contactState(id: string): LoadState<Contact> {
    return this.contacts.get(id) ?? { status: 'idle' };
  }

  /** Reads a contact once and caches it; `fresh` reads it again. */
  async loadContact(id: string, options: { fresh?: boolean; signal?: AbortSignal } = {}): Promise<Contact> {
    const known = this.contacts.get(id);
    if (!options.fresh && known?.status === 'loaded') {
      return known.value;
    }
    if (!options.fresh && known?.status === 'loading') {
      return known.promise;
    }
    const promise = this.connect().then((api) => api.getContact(id, options.signal));
    this.contacts.set(id, { status: 'loading', promise });
    try {
      const value = await promise;
      this.contacts.set(id, { status: 'loaded', value });
      return value;
    } catch (error) {
      this.contacts.set(id, { status: 'failed', error });
      throw error;
    }
  }

  /** Reads the contacts of a conflict concurrently; each result is a contact or the error for it. */
  loadContacts(conflict: IdentityConflict, options: { fresh?: boolean; signal?: AbortSignal } = {}): Promise<PromiseSettledResult<Contact>[]> {
    return Promise.allSettled(conflict.contact_ids.map((id) => this.loadContact(id, options)));
  }

  forgetContacts(ids: string[]): void {
    for (const id of ids) {
      this.contacts.delete(id);
    }
  }

  /**
   * Rewrites loaded conflicts after a merge deleted `removedIds` into `keptId`; a conflict left
   * with fewer than two contacts is resolved and dropped.
   */
  replaceContacts(removedIds: string[], keptId: string): void {
    if (removedIds.length === 0) {
      return;
    }
    const removed = new Set(removedIds);
    const updated: IdentityConflict[] = [];
    for (const conflict of this.conflicts) {
      if (!conflict.contact_ids.some((id) => removed.has(id))) {
        updated.push(conflict);
        continue;
      }
      const ids = [...new Set(conflict.contact_ids.map((id) => (removed.has(id) ? keptId : id)))];
      if (ids.length >= 2) {
        updated.push({ ...conflict, contact_ids: ids });
      } else {
        this.identities.delete(conflict.identity);
      }
    }
    this.conflicts = updated;
    this.changed();
  }

  findConflict(identity: string): IdentityConflict | undefined {
    return this.conflicts.find((conflict) => conflict.identity === identity);
  }
}
