// The outcome of a merge call. A merge cannot be undone and is never sent twice, so when its
// response is lost the client reads both contacts to learn whether it was applied.
import { SinchApiError } from './errors';
import type { Contact } from './types';

export type MergeOutcome =
  | {
      status: 'merged';
      /** The destination contact as the server now stores it. */
      contact: Contact;
      /** True when the merge response was lost and the result was learnt by reading both contacts. */
      reconciled: boolean;
      /** The failure that made reconciliation necessary. */
      error?: SinchApiError;
    }
  | { status: 'not merged'; error: SinchApiError }
  | { status: 'unknown'; error: SinchApiError };

export interface ReconcileInput {
  destinationId: string;
  sourceId: string;
  /** The identity the conflict is about; the destination must hold it after a merge. */
  identity?: string;
  /** The failure of the merge call. */
  error: SinchApiError;
  readContact: (id: string) => Promise<Contact>;
}

/** Returns true for failures after which the merge may or may not have been applied. */
export function needsReconciliation(error: SinchApiError): boolean {
  if (error.kind === 'timeout' || error.kind === 'network' || error.kind === 'malformed') {
    return true;
  }
  return error.kind === 'http' && error.httpStatus !== undefined && error.httpStatus >= 500;
}

/**
 * Reads the source and the destination after a merge call whose result is unknown.
 * Merged: the source is gone (404) and the destination contains the identity (or, with no
 * identity given, still exists). Not merged: the source still exists. Anything else: unknown.
 */
export async function reconcileMerge(input: ReconcileInput): Promise<MergeOutcome> {
  try {
    await input.readContact(input.sourceId);
    return { status: 'not merged', error: input.error };
  } catch (error) {
    if (!isNotFound(error)) {
      return { status: 'unknown', error: input.error };
    }
  }

  let destination: Contact;
  try {
    destination = await input.readContact(input.destinationId);
  } catch {
    return { status: 'unknown', error: input.error };
  }

  if (input.identity !== undefined && !holdsIdentity(destination, input.identity)) {
    return { status: 'unknown', error: input.error };
  }
  return { status: 'merged', contact: destination, reconciled: true, error: input.error };
}

function isNotFound(error: unknown): boolean {
  return error instanceof SinchApiError && error.kind === 'http' && error.httpStatus === 404;
}

function holdsIdentity(contact: Contact, identity: string): boolean {
  return (contact.channel_identities ?? []).some((entry) => entry.identity === identity);
}
