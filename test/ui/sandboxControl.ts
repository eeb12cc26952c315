// Reads the state of the sandbox that the extension runs inside code-server, through its
// control routes on 127.0.0.1 (the UI tests fix its port with `sinchConflicts.sandbox.port`).
import type { SandboxState } from '../../src/sandbox/api';
import { findFreePort } from '../harness/ports';

export { findFreePort };

export async function sandboxState(port: number): Promise<SandboxState> {
  const response = await fetch(`http://127.0.0.1:${port}/__sandbox/state`);
  if (!response.ok) {
    throw new Error(`GET /__sandbox/state on port ${port} answered ${response.status}`);
  }
  return (await response.json()) as SandboxState;
}

/** Polls the sandbox until it responds, since the extension starts it on demand. */
export async function waitForSandbox(port: number, timeoutMs = 30_000): Promise<SandboxState> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      return await sandboxState(port);
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`The sandbox on port ${port} did not answer: ${String(lastError)}`);
}

/** Computes the conflicts of a state the way the API defines them, to check what the tree shows. */
export function conflictsOf(state: SandboxState): Map<string, string[]> {
  const holders = new Map<string, string[]>();
  for (const contact of state.contacts) {
    const identities = new Set(
      (contact.channel_identities ?? []).filter((entry) => ['SMS', 'MMS', 'RCS'].includes(entry.channel)).map((entry) => entry.identity),
    );
    for (const identity of identities) {
      holders.set(identity, [...(holders.get(identity) ?? []), contact.id]);
    }
  }
  return new Map([...holders].filter(([, ids]) => ids.length > 1));
}
