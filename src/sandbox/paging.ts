// Page sizes and page tokens of the two list routes.
//
// Paging rule: each list has a sort key (contacts: ID, which for ULIDs is creation order;
// conflicts: identity). A page token contains the key of the last item of the page, and the
// next page starts at the first item whose key is greater. So items removed or added before
// the cursor (a merge, a new contact) neither repeat nor skip items that exist throughout.
// An item added after the cursor appears on a later page, and one added before it does not.
import { MAX_PAGE_SIZE } from '../sinch/types';
import { invalidRequest } from './errors';

export type ListName = 'contacts' | 'conflicts';

interface PageTokenContent {
  list: ListName;
  after: string;
}

/**
 * Parses `page_size`: absent, empty or 0 means the default (proto3 reads 0 as unset).
 * NOTE: the real API's response to a size above 20 is unconfirmed. The sandbox rejects it.
 */
export function parsePageSize(raw: string | null, defaultSize: number): number {
  if (raw === null || raw === '') {
    return defaultSize;
  }
  if (!/^\d+$/.test(raw)) {
    throw invalidRequest(`Invalid page_size "${raw}": use a whole number from 1 to ${MAX_PAGE_SIZE}.`);
  }

  const size = Number(raw);
  if (size === 0) {
    return defaultSize;
  }
  if (size > MAX_PAGE_SIZE) {
    throw invalidRequest(`Invalid page_size ${size}: the maximum is ${MAX_PAGE_SIZE}. Request ${MAX_PAGE_SIZE} or fewer.`);
  }
  return size;
}

/** Encodes a page token as base64url, which needs no escaping in a query string. */
export function encodePageToken(list: ListName, after: string): string {
  const content: PageTokenContent = { list, after };
  return Buffer.from(JSON.stringify(content), 'utf8').toString('base64url');
}

/** Returns the key a page starts after, or undefined for the first page. */
export function decodePageToken(raw: string | null, list: ListName): string | undefined {
  if (raw === null || raw === '') {
    return undefined;
  }

  let content: Partial<PageTokenContent> | undefined;
  try {
    content = /^[A-Za-z0-9_-]+$/.test(raw) ? JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) : undefined;
  } catch {
    content = undefined;
  }

  if (!content || content.list !== list || typeof content.after !== 'string') {
    throw invalidRequest(`Invalid page_token for the ${list} list: pass the next_page_token of the previous ${list} page unchanged, or omit it to start over.`);
  }
  return content.after;
}

/**
 * Returns one page of `items` (sorted ascending by `keyOf`) after the key `after`, and the
 * token of the next page, which is "" on the last page as the real API sends.
 */
export function slicePage<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  after: string | undefined,
  pageSize: number,
  list: ListName,
): { page: T[]; nextPageToken: string } {
  const start = after === undefined ? 0 : firstIndexAfter(items, keyOf, after);
  const page = items.slice(start, start + pageSize);
  const hasMore = start + pageSize < items.length;
  const nextPageToken = hasMore && page.length > 0 ? encodePageToken(list, keyOf(page[page.length - 1])) : '';
  return { page, nextPageToken };
}

/** Binary search for the first item whose key is greater than `key`. */
function firstIndexAfter<T>(items: readonly T[], keyOf: (item: T) => string, key: string): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (keyOf(items[middle]) <= key) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}
