// Builds one API client per profile from its stored fields and secret. A sandbox profile's
// endpoints come from the embedded sandbox; every other profile uses its region's Sinch hosts.
import type * as vscode from 'vscode';
import type { Profile } from '../profiles/types';
import { sandboxEndpoints } from '../sandbox/endpoints';
import type { ConversationClient } from '../sinch/client';
import type { Logger } from '../sinch/logger';
import { CONFLICT_PAGE_SIZE } from '../tree/constants';
import type { ProjectApi } from '../tree/projectApi';
import type { ProjectConnector } from '../tree/projects';
import type { SandboxHost } from './sandboxHost';

export interface SecretSource {
  getSecret(profileId: string): Promise<string | undefined>;
  isSessionOnly(profileId: string): boolean;
}

export interface ClientSettings {
  timeoutMs: number;
  maxConcurrentRequests: number;
  maxRequestsPerSecond: number;
}

export function channelLogger(channel: vscode.LogOutputChannel): Logger {
  return {
    trace: (message) => channel.trace(message),
    debug: (message) => channel.debug(message),
    info: (message) => channel.info(message),
    warn: (message) => channel.warn(message),
    error: (message) => channel.error(message),
  };
}

export class Connector implements ProjectConnector {
  private readonly clients = new Map<string, Promise<ConversationClient>>();

  constructor(
    private readonly secrets: SecretSource,
    private readonly sandbox: SandboxHost,
    private readonly logger: Logger,
    private readonly settings: () => ClientSettings,
  ) {}

  apiFor(profile: Profile): Promise<ProjectApi> {
    return this.clientFor(profile).then(projectApiOf);
  }

  clientFor(profile: Profile): Promise<ConversationClient> {
    let client = this.clients.get(profile.id);
    if (!client) {
      client = this.createClient(profile);
      client.catch(() => this.clients.delete(profile.id));
      this.clients.set(profile.id, client);
    }
    return client;
  }

  isSecretSessionOnly(profileId: string): boolean {
    return this.secrets.isSessionOnly(profileId);
  }

  /** Drops cached clients, so the next call reads the profile's secret and settings again. */
  forget(profileId?: string): void {
    if (profileId === undefined) {
      this.clients.clear();
    } else {
      this.clients.delete(profileId);
    }
  }

  private async createClient(profile: Profile): Promise<ConversationClient> {
    const keySecret = await this.secrets.getSecret(profile.id);
    if (!keySecret) {
      throw new Error(`No key secret is stored for "${profile.label}". Run "Sinch: Edit Project…" and enter the secret again.`);
    }
    const endpoints = profile.sandbox ? sandboxEndpoints(await this.sandbox.ensureStarted()) : undefined;
    // Loaded on first use: the client and node-fetch are not needed to activate the extension.
    const { ConversationClient } = await import('../sinch/client');
    return new ConversationClient({
      projectId: profile.projectId,
      region: profile.region,
      keyId: profile.keyId,
      keySecret,
      authMethod: profile.authMethod,
      endpoints,
      logger: this.logger,
      ...this.settings(),
    });
  }
}

/** Adapts the Sinch client to the narrow interface the tree and the commands use. */
export function projectApiOf(client: ConversationClient): ProjectApi {
  return {
    listApps: (signal) => client.listApps(signal),
    listConflictPage: (pageToken, signal) => client.listIdentityConflictsPage({ pageSize: CONFLICT_PAGE_SIZE, pageToken }, signal),
    getContact: (id, signal) => client.getContact(id, signal),
    mergeContacts: (destinationId, sourceId, identity, signal) => client.mergeContacts(destinationId, sourceId, { identity }, signal),
    getProjectSettings: (signal) => client.getProjectSettings(signal),
  };
}
