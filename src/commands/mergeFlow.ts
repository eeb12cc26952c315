// One merge of a conflict: choose the contact to keep, preview, confirm, journal, merge each
// source in turn, and bring the tree up to date. Used by the palette, the tree and the webview.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { MERGE_FIELD_LABELS, predictMergeChain, type LostValue } from '../merge';
import type { Profile } from '../profiles/types';
import type { Contact, IdentityConflict } from '../sinch/types';
import { contactLabel } from '../tree/treeItems';
import type { MergeReport } from '../webview/messages';
import type { CommandContext } from './context';
import { abortSignalFor } from './pickers';
import { UserCancelledError } from './register';

export interface MergeRequest {
  profile: Profile;
  conflict: IdentityConflict;
  /** The contact to keep; asked for when absent. */
  destinationId?: string;
  /** Whether to open the predicted result as a JSON document before confirming. */
  showPrediction: boolean;
}

/** Loads the conflict's contacts fresh, since a stale copy would make a wrong prediction. */
export async function loadConflictContacts(ctx: CommandContext, profile: Profile, conflict: IdentityConflict): Promise<Contact[]> {
  const model = ctx.projects.model(profile);
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading the contacts of {0}', conflict.identity) },
    () => Promise.all(conflict.contact_ids.map((id) => model.loadContact(id, { fresh: true }))),
  );
}

async function pickDestination(contacts: Contact[]): Promise<Contact> {
  const picked = await vscode.window.showQuickPick(
    contacts.map((contact) => ({
      label: contactLabel(contact),
      description: contact.id,
      detail: (contact.channel_identities ?? []).map((entry) => `${entry.channel} ${entry.identity}`).join(' · '),
      contact,
    })),
    {
      placeHolder: vscode.l10n.t('Choose the contact to keep (the destination); the others are merged into it and deleted'),
      ignoreFocusOut: true,
      matchOnDescription: true,
      matchOnDetail: true,
    },
  );
  if (!picked) {
    throw new UserCancelledError();
  }
  return picked.contact;
}

function describeLost(lost: LostValue, contacts: Contact[]): string {
  const source = contacts.find((contact) => contact.id === lost.sourceId);
  const from = source ? contactLabel(source) : lost.sourceId;
  if (lost.kind === 'field') {
    return vscode.l10n.t('{0} of {1}: {2}', vscode.l10n.t(MERGE_FIELD_LABELS[lost.field]), from, lost.value);
  }
  return vscode.l10n.t('{0} identity {1} of {2}', lost.channel, lost.identity, from);
}

function confirmationDetail(destination: Contact, sources: Contact[], lost: LostValue[], contacts: Contact[]): string {
  const lines = [
    vscode.l10n.t('Keep: {0} ({1})', contactLabel(destination), destination.id),
    ...sources.map((source) => vscode.l10n.t('Merge and delete: {0} ({1})', contactLabel(source), source.id)),
    '',
  ];
  if (lost.length > 0) {
    lines.push(vscode.l10n.t('These values will be lost:'));
    const shown = lost.slice(0, 12).map((value) => `• ${describeLost(value, contacts)}`);
    lines.push(...shown);
    if (lost.length > shown.length) {
      lines.push(vscode.l10n.t('…and {0} more (see the predicted result).', lost.length - shown.length));
    }
  } else {
    lines.push(vscode.l10n.t('No value of the merged contacts will be lost.'));
  }
  lines.push('', vscode.l10n.t('A merge cannot be undone. Each merge saves the kept and the deleted contact to the merge journal first.'));
  return lines.join('\n');
}

/** Runs the whole merge flow and reports what happened; a declined confirmation merges nothing. */
export async function runMerge(ctx: CommandContext, request: MergeRequest): Promise<MergeReport> {
  const { profile, conflict } = request;
  const contacts = await loadConflictContacts(ctx, profile, conflict);
  const destination = request.destinationId
    ? contacts.find((contact) => contact.id === request.destinationId)
    : await pickDestination(contacts);
  if (!destination) {
    throw new Error(vscode.l10n.t('Contact {0} is not part of the conflict on {1}.', request.destinationId ?? '', conflict.identity));
  }
  // Sources merge one at a time in the order the conflict lists them.
  const sources = contacts.filter((contact) => contact.id !== destination.id);
  const prediction = predictMergeChain(destination, sources);

  if (request.showPrediction) {
    const uri = ctx.json.put([profile.label, 'predicted', `${conflict.identity} merged into ${destination.id}`], prediction.result);
    await vscode.window.showTextDocument(await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), 'json'), {
      preview: true,
      viewColumn: vscode.ViewColumn.Beside,
    });
  }

  const mergeLabel = vscode.l10n.t('Merge');
  const choice = await vscode.window.showWarningMessage(
    sources.length === 1
      ? vscode.l10n.t('Merge "{0}" into "{1}"?', contactLabel(sources[0]), contactLabel(destination))
      : vscode.l10n.t('Merge {0} contacts into "{1}"?', sources.length, contactLabel(destination)),
    { modal: true, detail: confirmationDetail(destination, sources, prediction.lost, contacts) },
    mergeLabel,
  );
  if (choice !== mergeLabel) {
    return { mergedSourceIds: [], cancelled: true };
  }
  return mergeSources(ctx, profile, conflict, destination, sources);
}

async function mergeSources(
  ctx: CommandContext,
  profile: Profile,
  conflict: IdentityConflict,
  destination: Contact,
  sources: Contact[],
): Promise<MergeReport> {
  const model = ctx.projects.model(profile);
  const api = await ctx.connector.apiFor(profile);
  const merged: string[] = [];
  let current = destination;
  let problem: string | undefined;

  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Merging contacts of {0}', conflict.identity), cancellable: true },
    async (progress, token) => {
      for (const [index, source] of sources.entries()) {
        // Cancel stops before the next source; a merge already sent is never interrupted.
        if (token.isCancellationRequested) {
          problem = vscode.l10n.t('Cancelled after {0} of {1} merges.', merged.length, sources.length);
          return;
        }
        progress.report({ message: vscode.l10n.t('{0} of {1}: {2}', index + 1, sources.length, contactLabel(source)), increment: 100 / sources.length });

        const journalId = randomUUID();
        await ctx.journal.begin({
          id: journalId,
          profile: { label: profile.label, projectId: profile.projectId, region: profile.region },
          identity: conflict.identity,
          destination: current,
          source,
        });
        ctx.log.info(`Merging contact ${source.id} into ${current.id} (${conflict.identity}, journal entry ${journalId}).`);
        const outcome = await api.mergeContacts(current.id, source.id, conflict.identity, abortSignalFor(token));
        if (outcome.status === 'merged') {
          await ctx.journal.finish(journalId, { status: 'merged', result: outcome.contact });
          merged.push(source.id);
          current = outcome.contact;
          ctx.log.info(`Merged contact ${source.id} into ${current.id}${outcome.reconciled ? ' (confirmed by reading both contacts after the response was lost)' : ''}.`);
          continue;
        }
        await ctx.journal.finish(journalId, { status: outcome.status, error: outcome.error.message });
        ctx.log.error(`Merge of ${source.id} into ${current.id} ${outcome.status === 'unknown' ? 'has an unknown outcome' : 'failed'}: ${outcome.error.message}`);
        problem =
          outcome.status === 'unknown'
            ? vscode.l10n.t('Whether {0} was merged is unknown: {1}. Refresh and check the contacts before trying again.', contactLabel(source), outcome.error.message)
            : vscode.l10n.t('{0} was not merged: {1}', contactLabel(source), outcome.error.message);
        return;
      }
    },
  );

  applyToModel(model, conflict, current.id, merged, merged.length === sources.length);
  return { mergedSourceIds: merged, destination: current, error: problem };
}

/** Brings the loaded conflicts up to date without reloading every page. */
function applyToModel(
  model: ReturnType<CommandContext['projects']['model']>,
  conflict: IdentityConflict,
  destinationId: string,
  mergedIds: string[],
  resolved: boolean,
): void {
  model.forgetContacts([destinationId, ...mergedIds]);
  if (resolved) {
    model.removeConflict(conflict.identity);
  }
  model.replaceContacts(mergedIds, destinationId);
}

/** Shows the outcome of a merge as one message. */
export async function reportMerge(conflict: IdentityConflict, report: MergeReport): Promise<void> {
  if (report.cancelled) {
    return;
  }
  if (report.error === undefined) {
    const destinationName = report.destination ? contactLabel(report.destination) : '';
    void vscode.window.showInformationMessage(
      report.mergedSourceIds.length === 1
        ? vscode.l10n.t('Merged 1 contact into "{0}". The conflict on {1} is resolved.', destinationName, conflict.identity)
        : vscode.l10n.t('Merged {0} contacts into "{1}". The conflict on {2} is resolved.', report.mergedSourceIds.length, destinationName, conflict.identity),
    );
    return;
  }
  const openJournal = vscode.l10n.t('Show Merge History');
  const choice = await vscode.window.showWarningMessage(report.error, openJournal);
  if (choice === openJournal) {
    await vscode.commands.executeCommand('sinchConflicts.showMergeHistory');
  }
}
