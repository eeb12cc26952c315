// The record of every request the sandbox handled, for tests and benchmarks.
import type { RequestRecord, RouteName } from './api';

/** Records kept; the oldest are dropped beyond this so a long-running sandbox stays small. */
const MAX_RECORDS = 50_000;

/** Query parameters whose values could be credentials; their values are not recorded. */
const SECRET_PARAMETER = /secret|password|access_token|api_key|authorization/i;

/** Returns the path with its query, with the values of credential-like parameters replaced. */
export function redactedPath(url: URL): string {
  if (!url.search) {
    return url.pathname;
  }

  const query = [...url.searchParams]
    .map(([name, value]) => `${encodeURIComponent(name)}=${SECRET_PARAMETER.test(name) ? 'REDACTED' : encodeURIComponent(value)}`)
    .join('&');
  return `${url.pathname}?${query}`;
}

export class RequestLog {
  private records: RequestRecord[] = [];

  add(record: RequestRecord): void {
    this.records.push(record);
    if (this.records.length > MAX_RECORDS * 1.1) {
      this.records = this.records.slice(-MAX_RECORDS);
    }
  }

  list(route?: RouteName): RequestRecord[] {
    const records = route ? this.records.filter((record) => record.route === route) : this.records;
    return records.map((record) => ({ ...record }));
  }

  clear(): void {
    this.records = [];
  }
}
