// Query parameters and path segments of Conversation API requests, checked before sending.
import { configError } from './errors';
import { clampPageSize, type PageRequest } from './paging';
import type { ConversationChannel } from './types';

/** Either `externalId`, or `channel` with `identity`, or nothing to list every contact. */
export interface ContactFilters {
  externalId?: string;
  channel?: ConversationChannel;
  identity?: string;
}

export function pageQuery(page: PageRequest): URLSearchParams {
  const query = new URLSearchParams();
  const pageSize = clampPageSize(page.pageSize);
  if (pageSize !== undefined) {
    query.set('page_size', String(pageSize));
  }
  if (page.pageToken !== undefined && page.pageToken !== '') {
    query.set('page_token', page.pageToken);
  }
  return query;
}

/** Checks the filter rules of list contacts before anything is sent and returns the query parameters. */
export function contactFilterParams(filters: ContactFilters): Array<[string, string]> {
  const hasExternalId = filters.externalId !== undefined && filters.externalId !== '';
  const hasChannel = filters.channel !== undefined && filters.channel !== '';
  const hasIdentity = filters.identity !== undefined && filters.identity !== '';

  if (hasExternalId && (hasChannel || hasIdentity)) {
    throw configError(
      `Invalid contact filter: external ID "${filters.externalId}" cannot be combined with channel or identity. ` +
        'Filter by external ID, or by channel and identity.',
    );
  }
  if (hasChannel !== hasIdentity) {
    const lone = hasChannel ? `channel "${filters.channel}"` : `identity "${filters.identity}"`;
    throw configError(`Invalid contact filter: ${lone} was given alone. Channel and identity must be given together.`);
  }

  if (hasExternalId) {
    return [['external_id', filters.externalId as string]];
  }
  if (hasChannel) {
    return [
      ['channel', filters.channel as string],
      ['identity', filters.identity as string],
    ];
  }
  return [];
}

export function requireId(label: string, id: string): string {
  if (typeof id !== 'string' || id.trim() === '') {
    throw configError(`Missing ${label}: pass the ID of an existing contact.`);
  }
  return id;
}

export function encodeId(label: string, id: string): string {
  return encodeURIComponent(requireId(label, id));
}
