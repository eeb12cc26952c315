// State changes of the compare page that the extension side applies. Kept free of `vscode`
// so plain Node tests can run them.
import type { CompareState, MergeReport } from './messages';

/** Returns the state after a merge: merged sources removed, the destination replaced by the server's copy. */
export function applyMergeReport(state: CompareState, destinationId: string, report: MergeReport): CompareState {
  const merged = new Set(report.mergedSourceIds);
  const serverCopy = report.destination?.id === destinationId ? report.destination : undefined;
  const contacts = state.contacts
    .filter((contact) => !merged.has(contact.id))
    .map((contact) => (contact.id === destinationId && serverCopy ? serverCopy : contact));

  return {
    ...state,
    contacts,
    destinationId,
    merging: false,
    error: report.error,
    mergedSourceIds: [...(state.mergedSourceIds ?? []), ...report.mergedSourceIds],
  };
}
