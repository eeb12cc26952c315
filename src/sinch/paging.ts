// Paging through a list. The API ends a list with an empty or missing `next_page_token`. A
// server that returns a token it sent before would cause an endless loop, so that is an error.
import { SinchApiError, configError, sentenceCase } from './errors';
import { MAX_PAGE_SIZE } from './types';

export interface PageRequest {
  /** Items per page; values above the API's maximum of 20 are lowered to 20. */
  pageSize?: number;
  pageToken?: string;
}

export interface Page<T> {
  items: T[];
  nextPageToken: string | undefined;
}

/** Lowers a page size to the API's maximum, or throws a `config` error for a value below 1. */
export function clampPageSize(pageSize: number | undefined): number | undefined {
  if (pageSize === undefined) {
    return undefined;
  }
  if (!Number.isFinite(pageSize) || pageSize < 1) {
    throw configError(`Invalid page size ${pageSize}: use a whole number from 1 to ${MAX_PAGE_SIZE}.`);
  }
  return Math.min(Math.floor(pageSize), MAX_PAGE_SIZE);
}

/** Yields every item of every page, fetching the next page only when the caller asks for more. */
export async function* iteratePages<T>(
  operation: string,
  fetchPage: (pageToken: string | undefined) => Promise<Page<T>>,
): AsyncGenerator<T, void, undefined> {
  const seenTokens = new Set<string>();
  let pageToken: string | undefined;

  do {
    const page = await fetchPage(pageToken);
    yield* page.items;

    pageToken = page.nextPageToken;
    if (pageToken !== undefined) {
      if (seenTokens.has(pageToken)) {
        throw repeatedTokenError(operation, seenTokens.size + 1);
      }
      seenTokens.add(pageToken);
    }
  } while (pageToken !== undefined);
}

function repeatedTokenError(operation: string, pageNumber: number): SinchApiError {
  return new SinchApiError({
    kind: 'malformed',
    message:
      `${sentenceCase(operation)} failed: page ${pageNumber} returned a next_page_token the server had ` +
      'already sent, so paging stopped instead of looping forever. Reload the list; if it happens again, ' +
      'the server is at fault.',
    operation,
  });
}
