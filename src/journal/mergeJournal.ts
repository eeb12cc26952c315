// The merge journal: a JSON file in the extension's global storage that contains both contacts
// of every merge as they were before it, written before the merge call, and its outcome after.
// A merge cannot be undone, so the journal is the user's only record of what a source held.
import * as vscode from 'vscode';
import type { Contact } from '../sinch/types';

export const JOURNAL_FILE_NAME = 'merge-journal.json';

export interface JournalProfile {
  label: string;
  projectId: string;
  region: string;
}

export interface JournalEntry {
  /** Random ID of this merge call. */
  id: string;
  startedAt: string;
  profile: JournalProfile;
  identity: string;
  /** The kept contact before the merge. */
  destination: Contact;
  /** The removed contact before the merge. */
  source: Contact;
  status: 'pending' | 'merged' | 'not merged' | 'unknown';
  finishedAt?: string;
  /** The kept contact as the server returned it, after a merge. */
  result?: Contact;
  error?: string;
}

export class MergeJournal {
  /** Writes are serialised so that two merges never interleave a read and a write. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly storageUri: vscode.Uri) {}

  get uri(): vscode.Uri {
    return vscode.Uri.joinPath(this.storageUri, JOURNAL_FILE_NAME);
  }

  /** Adds an entry in the `pending` state; call before the merge request is sent. */
  begin(entry: Omit<JournalEntry, 'status' | 'startedAt'>): Promise<void> {
    return this.update((entries) => {
      entries.push({ ...entry, startedAt: new Date().toISOString(), status: 'pending' });
    });
  }

  /** Records the outcome of the merge that `begin` recorded. */
  finish(id: string, outcome: Pick<JournalEntry, 'status' | 'result' | 'error'>): Promise<void> {
    return this.update((entries) => {
      const entry = entries.find((candidate) => candidate.id === id);
      if (entry) {
        Object.assign(entry, outcome, { finishedAt: new Date().toISOString() });
      }
    });
  }

  async read(): Promise<JournalEntry[]> {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(this.uri);
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') {
        return [];
      }
      throw error;
    }
    const parsed: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (!Array.isArray(parsed)) {
      throw new Error(`The merge journal ${this.uri.fsPath} is not a JSON array.`);
    }
    return parsed as JournalEntry[];
  }

  async exists(): Promise<boolean> {
    try {
      await vscode.workspace.fs.stat(this.uri);
      return true;
    } catch {
      return false;
    }
  }

  private update(change: (entries: JournalEntry[]) => void): Promise<void> {
    const next = this.queue.then(async () => {
      const entries = await this.readForUpdate();
      change(entries);
      await this.write(entries);
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Reads the journal; an unreadable one is moved aside, never overwritten, so no backup is lost. */
  private async readForUpdate(): Promise<JournalEntry[]> {
    try {
      return await this.read();
    } catch {
      const aside = vscode.Uri.joinPath(this.storageUri, `merge-journal.unreadable-${Date.now()}.json`);
      await vscode.workspace.fs.rename(this.uri, aside, { overwrite: false });
      void vscode.window.showWarningMessage(
        vscode.l10n.t('The merge journal could not be read, so it was kept as {0} and a new one was started.', aside.fsPath),
      );
      return [];
    }
  }

  /** Writes to a temporary file and renames it over the journal, so a crash leaves the old file whole. */
  private async write(entries: JournalEntry[]): Promise<void> {
    await vscode.workspace.fs.createDirectory(this.storageUri);
    const temporary = vscode.Uri.joinPath(this.storageUri, `${JOURNAL_FILE_NAME}.tmp`);
    await vscode.workspace.fs.writeFile(temporary, new TextEncoder().encode(JSON.stringify(entries, null, 2) + '\n'));
    await vscode.workspace.fs.rename(temporary, this.uri, { overwrite: true });
  }
}
