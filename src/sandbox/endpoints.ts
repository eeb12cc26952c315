import type { CustomEndpoints } from '../sinch/endpoints';
import type { SandboxHandle } from './api';

/** Returns a sandbox's loopback endpoints for the client: every region is a path prefix of one server. */
export function sandboxEndpoints(sandbox: Pick<SandboxHandle, 'baseUrl' | 'authUrl'>): CustomEndpoints {
  return { conversationUrl: `${sandbox.baseUrl}/{region}`, authUrl: sandbox.authUrl };
}
