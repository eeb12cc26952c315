// Messages between the compare webview and the extension. Both bundles import this file, so
// it must not import `vscode`. Each side checks what it receives with the guards below,
// because a webview message is untyped JSON at run time.
import type { Contact, ConversationChannel } from '../sinch/types';

/** Everything the compare page shows. The extension owns it and sends it whole in `init`. */
export interface CompareState {
  /** Page heading, such as "Identity 12015555555". */
  title: string;
  /** The identity the contacts share. */
  identity: string;
  channels: ConversationChannel[];
  /** The contacts in the order the conflict lists them, which is also the merge order. */
  contacts: Contact[];
  destinationId: string;
  /** True while the extension confirms or runs a merge, so the page disables its controls. */
  merging?: boolean;
  /** Error message of the last failed action, shown above the table. */
  error?: string;
  /** Sources already merged into the destination from this page. */
  mergedSourceIds?: string[];
  /** Translations of the page's messages (`vscode.l10n.bundle`); absent for English. */
  l10n?: Record<string, string>;
}

/** Outcome of a merge request from the page. */
export interface MergeReport {
  /** Sources merged into the destination, in merge order, or none. */
  mergedSourceIds: string[];
  /** The user declined the confirmation, so nothing was sent. */
  cancelled?: boolean;
  /** The destination as the server returned it after the last successful merge. */
  destination?: Contact;
  /** Error message when a source failed to merge or its outcome is unknown. */
  error?: string;
}

export type WebviewToExtensionMessage =
  | { type: 'ready' }
  | { type: 'chooseDestination'; destinationId: string }
  | { type: 'merge'; destinationId: string; sourceIds: string[] }
  | { type: 'openJson'; contactId: string };

export type ExtensionToWebviewMessage =
  | { type: 'init'; state: CompareState }
  | { type: 'mergeResult'; report: MergeReport };

/** Checks the shape of a message from the page. The extension still checks the IDs it names. */
export function isWebviewToExtensionMessage(value: unknown): value is WebviewToExtensionMessage {
  if (!isRecord(value)) {
    return false;
  }

  switch (value.type) {
    case 'ready':
      return true;
    case 'chooseDestination':
      return isId(value.destinationId);
    case 'merge':
      return isId(value.destinationId) && Array.isArray(value.sourceIds) && value.sourceIds.length > 0 && value.sourceIds.every(isId);
    case 'openJson':
      return isId(value.contactId);
    default:
      return false;
  }
}

/** Checks the shape of a message from the extension. */
export function isExtensionToWebviewMessage(value: unknown): value is ExtensionToWebviewMessage {
  if (!isRecord(value)) {
    return false;
  }

  switch (value.type) {
    case 'init':
      return isCompareState(value.state);
    case 'mergeResult':
      return isMergeReport(value.report);
    default:
      return false;
  }
}

/** Checks a state read back from `vscode.getState()` or received in `init`. */
export function isCompareState(value: unknown): value is CompareState {
  if (!isRecord(value)) {
    return false;
  }

  return (
    typeof value.title === 'string' &&
    typeof value.identity === 'string' &&
    isStringArray(value.channels) &&
    Array.isArray(value.contacts) &&
    value.contacts.every((contact) => isRecord(contact) && isId(contact.id)) &&
    isId(value.destinationId) &&
    isOptional(value.merging, (merging) => typeof merging === 'boolean') &&
    isOptional(value.error, (error) => typeof error === 'string') &&
    isOptional(value.mergedSourceIds, isStringArray) &&
    isOptional(value.l10n, isStringRecord)
  );
}

function isMergeReport(value: unknown): value is MergeReport {
  if (!isRecord(value)) {
    return false;
  }

  return (
    isStringArray(value.mergedSourceIds) &&
    isOptional(value.cancelled, (cancelled) => typeof cancelled === 'boolean') &&
    isOptional(value.destination, (destination) => isRecord(destination) && isId(destination.id)) &&
    isOptional(value.error, (error) => typeof error === 'string')
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Contact IDs are ULIDs on the real API, but the guard only requires a short non-empty string. */
function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 200;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isOptional(value: unknown, check: (present: unknown) => boolean): boolean {
  return value === undefined || check(value);
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return isRecord(value) && Object.values(value).every((entry) => typeof entry === 'string');
}
