// The three clients the benchmarks compare, each pointed at a sandbox: the extension's
// ConversationClient, the extension's ProjectModel behind its real Connector, and the
// official SDK (@sinch/conversation 1.4.0).
import type { Profile } from '../src/profiles/types';
import type { ClientSettings, SecretSource } from '../src/session/connector';
import { Connector } from '../src/session/connector';
import type { SandboxHost } from '../src/session/sandboxHost';
import { ConversationClient, silentLogger, type ClientOptions } from '../src/sinch';
import type { IdentityConflict } from '../src/sinch/types';
import { ProjectModel } from '../src/tree/projectModel';
import { sandboxEndpoints } from '../src/sandbox/endpoints';
import type { SandboxAddress } from './sandboxAddress';

/** The extension's defaults of the `sinchConflicts.*` client settings. */
export const EXTENSION_CLIENT_SETTINGS: ClientSettings = { timeoutMs: 30_000, maxConcurrentRequests: 10, maxRequestsPerSecond: 700 };

export function ourClient(sandbox: SandboxAddress, overrides: Partial<ClientOptions> = {}): ConversationClient {
  return new ConversationClient({
    projectId: sandbox.projectId,
    region: sandbox.region,
    keyId: sandbox.keyId,
    keySecret: sandbox.keySecret,
    authMethod: 'oauth2',
    endpoints: sandboxEndpoints(sandbox),
    ...overrides,
  });
}

/** A Sandbox profile of the extension, connected the way the extension connects it. */
export class ExtensionSide {
  readonly connector: Connector;
  readonly profile: Profile;

  constructor(sandbox: SandboxAddress, settings: Partial<ClientSettings> = {}) {
    this.profile = {
      id: 'bench-profile',
      label: 'Benchmark sandbox',
      projectId: sandbox.projectId,
      region: sandbox.region,
      keyId: sandbox.keyId,
      authMethod: 'oauth2',
      sandbox: true,
    };
    const secrets: SecretSource = {
      getSecret: async () => sandbox.keySecret,
      isSessionOnly: () => false,
    };
    // The Connector reads only the address of the running sandbox from its SandboxHost.
    const host = { ensureStarted: async () => sandbox } as unknown as SandboxHost;
    this.connector = new Connector(secrets, host, silentLogger, () => ({ ...EXTENSION_CLIENT_SETTINGS, ...settings }));
  }

  /** Creates an empty model of the profile, as the tree does on first use. */
  newModel(): ProjectModel {
    return new ProjectModel(() => this.connector.apiFor(this.profile));
  }
}

/** The part of the SDK's ConversationService that the benchmarks call. */
export interface SdkConversationService {
  contact: {
    listIdentityConflicts(request: { page_size: number }): AsyncIterable<IdentityConflict>;
  };
}

export function sdkService(sandbox: SandboxAddress): SdkConversationService {
  // The SDK ships CommonJS without types this project compiles against.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { ConversationService } = require('@sinch/conversation');

  // The SDK appends /oauth2/token to authHostname and /v1/projects/... to conversationHostname.
  // null selects the SDK's no-op logger.
  return new ConversationService({
    projectId: sandbox.projectId,
    keyId: sandbox.keyId,
    keySecret: sandbox.keySecret,
    authHostname: sandbox.baseUrl,
    conversationHostname: sandbox.conversationUrl(sandbox.region),
    conversationTemplatesHostname: sandbox.conversationUrl(sandbox.region),
    conversationRegion: sandbox.region,
    logger: null,
  }) as SdkConversationService;
}
