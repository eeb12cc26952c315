// The check a profile passes before it is saved: fetch a token (OAuth2) and list the apps of
// the project with the entered key. Plain Node, so unit tests run it against the sandbox.
import type { ClientOptions, CustomEndpoints, Logger } from '../sinch';
import type { Region } from '../sinch/types';
import type { ClientSettings } from './clientSettings';
import type { AuthMethod } from './types';

/** The fields of a profile that decide whether the credentials work. */
export interface CredentialDraft {
  projectId: string;
  region: Region;
  keyId: string;
  authMethod: AuthMethod;
  /** Set for a profile of the embedded sandbox, which must be checked on its loopback endpoints. */
  sandbox?: boolean;
}

export interface CheckOptions {
  settings: ClientSettings;
  /** Loopback endpoints of a sandbox. Without them the client uses the Sinch hosts of the region. */
  endpoints?: CustomEndpoints;
  logger?: Logger;
  signal?: AbortSignal;
}

export function credentialClientOptions(
  draft: CredentialDraft,
  secret: string,
  options: Omit<CheckOptions, 'signal'>,
): ClientOptions {
  return {
    projectId: draft.projectId,
    region: draft.region,
    keyId: draft.keyId,
    keySecret: secret,
    authMethod: draft.authMethod,
    endpoints: options.endpoints,
    logger: options.logger,
    timeoutMs: options.settings.timeoutMs,
    maxConcurrentRequests: options.settings.maxConcurrentRequests,
    maxRequestsPerSecond: options.settings.maxRequestsPerSecond,
  };
}

/**
 * Checks the credentials and returns how many apps the project has. A failure is the client's
 * SinchApiError, whose message names what to fix: the key (401), the project (403) or the region (404).
 */
export async function checkProfileCredentials(draft: CredentialDraft, secret: string, options: CheckOptions): Promise<number> {
  // Without endpoints the client would send the sandbox's key to the Sinch hosts of the region.
  if (draft.sandbox === true && options.endpoints === undefined) {
    throw new Error(
      `Checking sandbox project ${draft.projectId} failed: no sandbox endpoints were given. Start the sample-data sandbox and try again.`,
    );
  }
  // Loaded on first use: the client and node-fetch are not needed to activate the extension.
  const { ConversationClient } = await import('../sinch/client');
  const client = new ConversationClient(credentialClientOptions(draft, secret, options));
  const apps = await client.checkCredentials(options.signal);
  return apps.length;
}
