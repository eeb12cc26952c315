// Commands that act on the tree: refresh, filter, paging, copy, logs.
import * as vscode from 'vscode';
import { KNOWN_CHANNELS } from '../sinch/types';
import { parseFilter } from '../tree/grouping';
import { isTreeNode, TreeNode } from '../tree/nodes';
import type { CommandContext } from './context';
import { COMMAND_IDS } from './ids';
import { abortSignalFor, resolveProfile } from './pickers';
import { registerCommand, UserCancelledError } from './register';

export const FILTER_CONTEXT_KEY = 'sinchConflicts.filterActive';

export function registerTreeCommands(ctx: CommandContext): void {
  const { extension, log } = ctx;
  registerCommand(extension, log, COMMAND_IDS.refresh, (argument?: unknown) => refresh(ctx, argument));
  registerCommand(extension, log, COMMAND_IDS.filter, (text?: unknown) => filter(ctx, text));
  registerCommand(extension, log, COMMAND_IDS.clearFilter, () => applyFilter(ctx, ''));
  registerCommand(extension, log, COMMAND_IDS.loadMore, (argument?: unknown) => loadMore(ctx, argument));
  registerCommand(extension, log, COMMAND_IDS.loadAll, (argument?: unknown) => loadAll(ctx, argument));
  registerCommand(extension, log, COMMAND_IDS.copyId, (argument?: unknown) => copyId(argument));
  registerCommand(extension, log, COMMAND_IDS.showLogs, () => log.show());
}

/** Reloads what a node shows: a whole profile, its conflicts, its apps, or failed contacts. */
function refresh(ctx: CommandContext, argument: unknown): void {
  ctx.connector.forget();
  if (!isTreeNode(argument)) {
    ctx.projects.resetAll();
    ctx.tree.refreshView();
    return;
  }
  const node: TreeNode = argument;
  if (!('profile' in node)) {
    ctx.tree.refreshView();
    return;
  }
  const model = ctx.projects.model(node.profile);
  if (node.kind === 'error') {
    if (node.retry === 'apps') {
      model.resetApps();
    } else if (node.retry === 'conflicts') {
      void model.loadNextPage().catch(() => undefined);
    } else {
      model.forgetContacts(node.retry.contactIds);
    }
  } else if (node.kind === 'appsRoot') {
    model.resetApps();
  } else if (node.kind === 'conflict') {
    model.forgetContacts(node.conflict.contact_ids);
  } else {
    model.reset();
  }
  ctx.tree.refreshView();
}

/** Asks for filter text; a string argument (from another command or a test) skips the prompt. */
async function filter(ctx: CommandContext, argument: unknown): Promise<void> {
  if (typeof argument === 'string') {
    await applyFilter(ctx, argument);
    return;
  }
  const text = await vscode.window.showInputBox({
    title: vscode.l10n.t('Filter Identity Conflicts'),
    prompt: vscode.l10n.t('A phone number (or part of one), or a channel such as SMS, MMS or RCS. Empty clears the filter.'),
    value: ctx.tree.getFilter()?.text ?? '',
    placeHolder: vscode.l10n.t('for example 4670 or RCS'),
  });
  if (text === undefined) {
    throw new UserCancelledError();
  }
  await applyFilter(ctx, text);
}

async function applyFilter(ctx: CommandContext, text: string): Promise<void> {
  const parsed = parseFilter(text, KNOWN_CHANNELS);
  ctx.tree.setFilter(parsed);
  // The description appears in the view's header. A container with this view alone merges that
  // header into its title and hides it, so the message above the tree repeats the filter.
  if (parsed) {
    ctx.treeView.description = parsed.channel
      ? vscode.l10n.t('Channel: {0}', parsed.channel)
      : vscode.l10n.t('Identity: {0}', parsed.text);
    ctx.treeView.message = parsed.channel
      ? vscode.l10n.t('Showing conflicts on channel {0}.', parsed.channel)
      : vscode.l10n.t('Showing conflicts whose identity contains {0}.', parsed.text);
  } else {
    ctx.treeView.description = undefined;
    ctx.treeView.message = undefined;
  }
  await vscode.commands.executeCommand('setContext', FILTER_CONTEXT_KEY, parsed !== undefined);
}

async function loadMore(ctx: CommandContext, argument: unknown): Promise<void> {
  const profile = await resolveProfile(ctx.profiles, argument, vscode.l10n.t('Load more conflicts of which project?'));
  await ctx.projects.model(profile).loadNextPage();
}

/** Loads every page, with progress and cancel; what was loaded before a cancel stays. */
async function loadAll(ctx: CommandContext, argument: unknown): Promise<void> {
  const profile = await resolveProfile(ctx.profiles, argument, vscode.l10n.t('Load all conflicts of which project?'));
  const model = ctx.projects.model(profile);
  await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Loading identity conflicts of {0}', profile.label),
      cancellable: true,
    },
    async (progress, token) => {
      await model.loadAll(abortSignalFor(token), (loaded) => {
        progress.report({ message: vscode.l10n.t('{0} loaded', loaded) });
      });
    },
  );
  const state = model.conflictState();
  if (state.complete) {
    ctx.log.info(`Loaded all ${state.conflicts.length} identity conflicts of ${profile.label}.`);
  }
}

async function copyId(argument: unknown): Promise<void> {
  if (!isTreeNode(argument)) {
    throw new Error(vscode.l10n.t('Select a project, app, conflict or contact in the Sinch view to copy its ID.'));
  }
  let value: string | undefined;
  switch (argument.kind) {
    case 'profile':
      value = argument.profile.projectId;
      break;
    case 'app':
      value = argument.app.id;
      break;
    case 'conflict':
      value = argument.conflict.identity;
      break;
    case 'contact':
      value = argument.contactId;
      break;
  }
  if (value === undefined) {
    throw new Error(vscode.l10n.t('This item has no ID to copy.'));
  }
  await vscode.env.clipboard.writeText(value);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', value), 3000);
}
