// The address and key of a sandbox, whether it runs in this process (SandboxHandle) or in a
// child process (SandboxProcess).
import type { Region } from '../src/sinch/types';

export interface SandboxAddress {
  /** `http://127.0.0.1:PORT`. */
  baseUrl: string;
  authUrl: string;
  conversationUrl(region: Region): string;
  projectId: string;
  region: Region;
  keyId: string;
  keySecret: string;
}
