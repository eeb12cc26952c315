// The operations the tree and the commands use from a project's API client. The connector
// adapts the Sinch client to this interface, which is narrow so the model runs without VS Code.
import type { MergeOutcome } from '../sinch/merge';
import type { App, Contact, IdentityConflict, ProjectSettings } from '../sinch/types';

export interface ConflictPage {
  conflicts: IdentityConflict[];
  /** Undefined once the last page has been read. */
  nextPageToken: string | undefined;
}

export interface ProjectApi {
  listApps(signal?: AbortSignal): Promise<App[]>;
  listConflictPage(pageToken: string | undefined, signal?: AbortSignal): Promise<ConflictPage>;
  getContact(id: string, signal?: AbortSignal): Promise<Contact>;
  mergeContacts(destinationId: string, sourceId: string, identity: string, signal?: AbortSignal): Promise<MergeOutcome>;
  getProjectSettings(signal?: AbortSignal): Promise<ProjectSettings>;
}
