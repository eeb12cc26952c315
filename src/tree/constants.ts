/** Conflicts per page: the API's maximum page size, so listing everything costs the fewest requests. */
export const CONFLICT_PAGE_SIZE = 20;
