// Pure rules for what the tree shows under an app and what a filter keeps.
import type { App, IdentityConflict } from '../sinch/types';

/** Channels an app has credentials for. */
export function appChannels(app: App): string[] {
  return (app.channel_credentials ?? []).map((credential) => String(credential.channel));
}

/**
 * Conflicts that affect an app: contacts belong to the project and SMS, MMS and RCS identities
 * carry no app ID, so an app is affected when it has credentials for one of the conflict's channels.
 */
export function conflictsOfApp(app: App, conflicts: readonly IdentityConflict[]): IdentityConflict[] {
  const channels = new Set(appChannels(app));
  return conflicts.filter((conflict) => conflict.channels.some((channel) => channels.has(channel)));
}

export interface ConflictFilter {
  /** The text the user typed, shown in the view's description. */
  text: string;
  /** Set when the text names a channel: conflicts on that channel match. */
  channel?: string;
}

/** Parses filter text: a channel name (any case) filters by channel, anything else by identity. */
export function parseFilter(text: string, knownChannels: readonly string[]): ConflictFilter | undefined {
  const trimmed = text.trim();
  if (trimmed === '') {
    return undefined;
  }
  const channel = knownChannels.find((name) => name.toLowerCase() === trimmed.toLowerCase());
  return channel ? { text: trimmed, channel } : { text: trimmed };
}

/** Keeps conflicts on the filter's channel, or whose identity contains the text (a leading `+` optional). */
export function matchesFilter(conflict: IdentityConflict, filter: ConflictFilter | undefined): boolean {
  if (!filter) {
    return true;
  }
  if (filter.channel) {
    return conflict.channels.includes(filter.channel);
  }
  const wanted = filter.text.replace(/^\+/, '').replace(/[\s()-]/g, '');
  return conflict.identity.replace(/^\+/, '').includes(wanted);
}
