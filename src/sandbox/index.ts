// Entry point of the sandbox: a local server that speaks the subset of the Sinch
// Conversation API this extension uses, with its data in memory.
import type { Region } from '../sinch/types';
import type { SandboxHandle, SandboxOptions } from './api';
import { Sandbox } from './core';
import { SandboxServer } from './server';

export type { FaultSpec, RequestRecord, RouteName, SandboxControl, SandboxHandle, SandboxOptions, SandboxState, SeedName } from './api';

/** Starts a sandbox on 127.0.0.1 and resolves once it accepts connections. */
export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  const sandbox = new Sandbox(options);
  const server = new SandboxServer(sandbox);
  const port = await server.listen(options.port ?? 0);
  const baseUrl = `http://127.0.0.1:${port}`;

  return {
    conversationUrl: (region: Region) => `${baseUrl}/${region}`,
    authUrl: `${baseUrl}/oauth2/token`,
    baseUrl,
    port,
    projectId: sandbox.projectId,
    region: sandbox.region,
    keyId: sandbox.key.keyId,
    keySecret: sandbox.key.keySecret,
    foreignKey: { ...sandbox.foreignKey },
    control: sandbox.control,
    close: () => server.close(),
  };
}
