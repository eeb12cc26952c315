// Turns tree nodes into TreeItems. Labels, descriptions and tooltips are plain strings, never
// Markdown: names and identities come from end users and must show as typed.
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../commands/ids';
import type { Contact } from '../sinch/types';
import { CONTEXT_VALUES } from './contextValues';
import { appChannels, ConflictFilter, matchesFilter } from './grouping';
import type { TreeNode } from './nodes';
import type { ProjectRegistry } from './projects';

const Collapsed = vscode.TreeItemCollapsibleState.Collapsed;
const Expanded = vscode.TreeItemCollapsibleState.Expanded;
const None = vscode.TreeItemCollapsibleState.None;

export function toTreeItem(node: TreeNode, projects: ProjectRegistry, filter: ConflictFilter | undefined): vscode.TreeItem {
  switch (node.kind) {
    case 'profile': {
      const { profile } = node;
      const item = new vscode.TreeItem(profile.label, Expanded);
      const sessionOnly = projects.isSecretSessionOnly(profile.id) ? vscode.l10n.t(' · secret kept for this session only') : '';
      item.description = `${profile.region.toUpperCase()} · ${profile.projectId}${sessionOnly}`;
      item.tooltip = vscode.l10n.t('Project {0} in region {1}, key {2}, {3}', profile.projectId, profile.region, profile.keyId, profile.authMethod === 'basic' ? 'HTTP Basic' : 'OAuth2');
      item.iconPath = new vscode.ThemeIcon(profile.sandbox ? 'beaker' : 'cloud');
      item.contextValue = profile.sandbox ? CONTEXT_VALUES.sandboxProfile : CONTEXT_VALUES.profile;
      return withId(item, node);
    }
    case 'conflictsRoot': {
      const item = new vscode.TreeItem(vscode.l10n.t('Identity conflicts'), Collapsed);
      item.description = conflictCount(projects, node.profile.id, filter);
      item.tooltip = vscode.l10n.t('Phone numbers held by more than one contact on SMS, MMS or RCS. Each must be merged away before Unified Contact ID can be turned on.');
      item.iconPath = new vscode.ThemeIcon('warning');
      item.contextValue = CONTEXT_VALUES.conflictsRoot;
      return withId(item, node);
    }
    case 'appsRoot': {
      const item = new vscode.TreeItem(vscode.l10n.t('Apps'), Collapsed);
      const apps = projects.peekApps(node.profile.id);
      item.description = apps ? String(apps.length) : undefined;
      item.tooltip = vscode.l10n.t('Apps of the project, each with the loaded conflicts on the channels it has credentials for.');
      item.iconPath = new vscode.ThemeIcon('symbol-module');
      item.contextValue = CONTEXT_VALUES.appsRoot;
      return withId(item, node);
    }
    case 'app': {
      const { app } = node;
      const item = new vscode.TreeItem(app.display_name || app.id, Collapsed);
      const channels = appChannels(app);
      item.description = `${channels.join(', ') || vscode.l10n.t('no channels')} · ${app.processing_mode ?? 'CONVERSATION'}`;
      item.tooltip = `${app.display_name ?? ''}\n${app.id}\n${vscode.l10n.t('Channels: {0}', channels.join(', ') || '-')}\n${vscode.l10n.t('Processing mode: {0}', app.processing_mode ?? '-')}`;
      item.iconPath = new vscode.ThemeIcon('package');
      item.contextValue = CONTEXT_VALUES.app;
      return withId(item, node);
    }
    case 'conflict': {
      const { conflict } = node;
      const item = new vscode.TreeItem(conflict.identity, Collapsed);
      item.description = vscode.l10n.t('{0} · {1} contacts', conflict.channels.join(', '), conflict.contact_ids.length);
      item.tooltip = vscode.l10n.t('{0} is held by {1} contacts on {2}.', conflict.identity, conflict.contact_ids.length, conflict.channels.join(', '));
      item.iconPath = new vscode.ThemeIcon('person-add');
      item.contextValue = CONTEXT_VALUES.conflict;
      return withId(item, node);
    }
    case 'contact': {
      const state = projects.model(node.profile).contactState(node.contactId);
      const contact = state.status === 'loaded' ? state.value : undefined;
      const item = new vscode.TreeItem(contact ? contactLabel(contact) : node.contactId, None);
      item.description = contact ? node.contactId : undefined;
      item.tooltip = contact ? contactTooltip(contact) : node.contactId;
      item.iconPath = new vscode.ThemeIcon('person');
      item.contextValue = CONTEXT_VALUES.contact;
      item.command = { command: COMMAND_IDS.openJson, title: vscode.l10n.t('Show JSON'), arguments: [node] };
      return withId(item, node);
    }
    case 'loadMore': {
      const item = new vscode.TreeItem(vscode.l10n.t('Load more…'), None);
      item.iconPath = new vscode.ThemeIcon('ellipsis');
      item.command = { command: COMMAND_IDS.loadMore, title: vscode.l10n.t('Load More'), arguments: [node.profile.id] };
      return withId(item, node);
    }
    case 'loadAll': {
      const item = new vscode.TreeItem(vscode.l10n.t('Load all'), None);
      item.description = vscode.l10n.t('{0} loaded so far', node.loaded);
      item.iconPath = new vscode.ThemeIcon('cloud-download');
      item.command = { command: COMMAND_IDS.loadAll, title: vscode.l10n.t('Load All'), arguments: [node.profile.id] };
      return withId(item, node);
    }
    case 'error': {
      const item = new vscode.TreeItem(node.message, None);
      item.tooltip = vscode.l10n.t('{0}\nSelect to retry.', node.message);
      item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
      item.command = { command: COMMAND_IDS.refresh, title: vscode.l10n.t('Retry'), arguments: [node] };
      return withId(item, node);
    }
    case 'message': {
      const item = new vscode.TreeItem(node.label, None);
      item.tooltip = node.tooltip ?? node.label;
      item.iconPath = new vscode.ThemeIcon('info');
      return withId(item, node);
    }
  }
}

/** Sets the stable ID, and a screen-reader label of label and description (not the long tooltip). */
function withId(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
  item.id = node.id;
  const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
  const description = typeof item.description === 'string' ? item.description : '';
  item.accessibilityInformation = { label: description ? `${label}, ${description}` : label };
  return item;
}

/** "N loaded" until the whole list is loaded: the API gives no total, so none is invented. */
function conflictCount(projects: ProjectRegistry, profileId: string, filter: ConflictFilter | undefined): string | undefined {
  const state = projects.peekConflicts(profileId);
  if (!state || (state.conflicts.length === 0 && !state.complete)) {
    return state?.loading ? vscode.l10n.t('loading…') : undefined;
  }
  const total = state.conflicts.length;
  if (filter) {
    const matching = state.conflicts.filter((conflict) => matchesFilter(conflict, filter)).length;
    return state.complete ? vscode.l10n.t('{0} of {1} match', matching, total) : vscode.l10n.t('{0} of {1} loaded match', matching, total);
  }
  return state.complete ? String(total) : vscode.l10n.t('{0} loaded', total);
}

export function contactLabel(contact: Contact): string {
  return contact.display_name || contact.id;
}

function contactTooltip(contact: Contact): string {
  const lines = [contactLabel(contact), contact.id];
  for (const identity of contact.channel_identities ?? []) {
    lines.push(`${identity.channel}: ${identity.identity}`);
  }
  if (contact.email) {
    lines.push(contact.email);
  }
  return lines.join('\n');
}
