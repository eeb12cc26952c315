// Operations of the Conversation API that the extension uses. Plain Node: cancellation is an
// AbortSignal and logging goes through the small Logger interface.
import { TOKEN_OPERATION, TokenSource, basicAuthorization } from './auth';
import { explainCredentialFailure } from './credentials';
import { SinchApiError } from './errors';
import { HttpCore, type HttpRequest, type HttpResponse } from './http';
import { RequestLimiter } from './limiter';
import { Redactor, redactingLogger, type Logger } from './logger';
import { needsReconciliation, reconcileMerge, type MergeOutcome } from './merge';
import { resolveOptions, type ClientOptions, type ResolvedOptions } from './options';
import { iteratePages, type Page, type PageRequest } from './paging';
import { contactFilterParams, encodeId, pageQuery, requireId, type ContactFilters } from './query';
import { parseBody, statusError, type ErrorContext } from './responses';
import { readApps, readConflictsPage, readContact, readContactsPage, readProjectSettings } from './shapes';
import {
  MAX_PAGE_SIZE,
  type App,
  type Contact,
  type IdentityConflict,
  type ProjectSettings,
} from './types';

export interface ConflictsPage {
  conflicts: IdentityConflict[];
  /** Undefined on the last page. */
  nextPageToken: string | undefined;
}

export interface ContactsPage {
  contacts: Contact[];
  nextPageToken: string | undefined;
}

export interface MergeOptions {
  /** The identity of the conflict being resolved, checked on the destination when reconciling. */
  identity?: string;
}

interface ApiCall {
  operation: string;
  method: 'GET' | 'POST';
  path: string;
  query?: URLSearchParams;
  body?: unknown;
  retry: boolean;
}

interface Authorization {
  header: string;
  accessToken?: string;
}

export class ConversationClient {
  private readonly options: ResolvedOptions;
  private readonly logger: Logger;
  private readonly core: HttpCore;
  private readonly tokens: TokenSource | undefined;
  private readonly basicHeader: string;
  private readonly context: ErrorContext;

  constructor(options: ClientOptions) {
    this.options = resolveOptions(options);
    this.basicHeader = basicAuthorization(this.options);

    const redactor = new Redactor();
    redactor.add(this.options.keySecret);
    redactor.add(this.basicHeader.slice('Basic '.length));
    this.logger = redactingLogger(this.options.logger, redactor);

    this.context = {
      projectId: this.options.projectId,
      region: this.options.region,
      redact: (text) => redactor.redact(text),
    };
    this.core = new HttpCore({
      timeoutMs: this.options.timeoutMs,
      limiter: new RequestLimiter(this.options.maxConcurrentRequests, this.options.maxRequestsPerSecond),
      logger: this.logger,
      userAgent: this.options.userAgent,
      retry: {
        maxRetries: this.options.maxRetries,
        baseMs: this.options.retryBaseMs,
        capMs: this.options.retryCapMs,
        retryAfterCapMs: this.options.retryAfterCapMs,
      },
    });

    this.tokens =
      this.options.authMethod === 'oauth2'
        ? new TokenSource({
            core: this.core,
            authUrl: this.options.endpoints.authUrl,
            key: this.options,
            context: this.context,
            refreshMarginMs: this.options.tokenRefreshMarginMs,
            onToken: (token) => redactor.add(token),
          })
        : undefined;
  }

  get projectId(): string {
    return this.options.projectId;
  }

  get region(): string {
    return this.options.region;
  }

  listApps(signal?: AbortSignal): Promise<App[]> {
    return this.getJson({ operation: 'list apps', method: 'GET', path: this.projectPath('/apps'), retry: true }, readApps, signal);
  }

  async listIdentityConflictsPage(page: PageRequest = {}, signal?: AbortSignal): Promise<ConflictsPage> {
    const query = pageQuery(page);
    const call: ApiCall = {
      operation: 'list identity conflicts',
      method: 'GET',
      path: this.projectPath('/contacts:identityConflicts'),
      query,
      retry: true,
    };

    const body = await this.getJson(call, readConflictsPage, signal);
    return { conflicts: body.items, nextPageToken: body.nextPageToken };
  }

  /** Yields every identity conflict of the project, 20 a request. */
  identityConflicts(signal?: AbortSignal): AsyncGenerator<IdentityConflict, void, undefined> {
    return iteratePages('list identity conflicts', async (pageToken): Promise<Page<IdentityConflict>> => {
      const page = await this.listIdentityConflictsPage({ pageSize: MAX_PAGE_SIZE, pageToken }, signal);
      return { items: page.conflicts, nextPageToken: page.nextPageToken };
    });
  }

  async getContact(contactId: string, signal?: AbortSignal): Promise<Contact> {
    const call: ApiCall = {
      operation: 'get contact',
      method: 'GET',
      path: this.projectPath(`/contacts/${encodeId('contact ID', contactId)}`),
      retry: true,
    };
    return this.getJson(call, readContact, signal);
  }

  async listContactsPage(filters: ContactFilters & PageRequest = {}, signal?: AbortSignal): Promise<ContactsPage> {
    const query = pageQuery(filters);
    for (const [name, value] of contactFilterParams(filters)) {
      query.set(name, value);
    }

    const call: ApiCall = { operation: 'list contacts', method: 'GET', path: this.projectPath('/contacts'), query, retry: true };
    const body = await this.getJson(call, readContactsPage, signal);
    return { contacts: body.items, nextPageToken: body.nextPageToken };
  }

  /** Yields every contact that matches `filters`, 20 a request. */
  contacts(filters: ContactFilters = {}, signal?: AbortSignal): AsyncGenerator<Contact, void, undefined> {
    contactFilterParams(filters);
    return iteratePages('list contacts', async (pageToken): Promise<Page<Contact>> => {
      const page = await this.listContactsPage({ ...filters, pageSize: MAX_PAGE_SIZE, pageToken }, signal);
      return { items: page.contacts, nextPageToken: page.nextPageToken };
    });
  }

  getProjectSettings(signal?: AbortSignal): Promise<ProjectSettings> {
    const call: ApiCall = { operation: 'get project settings', method: 'GET', path: this.projectPath('/settings'), retry: true };
    return this.getJson(call, readProjectSettings, signal);
  }

  /**
   * Merges the source contact into the destination, which is kept. The POST is sent once.
   * The only resend follows a 401 that reports an expired token, because the server rejects
   * such a request before processing it. When the response is lost (timeout, reset, 5xx,
   * unreadable body), both contacts are read to learn the outcome.
   */
  async mergeContacts(
    destinationId: string,
    sourceId: string,
    options: MergeOptions = {},
    signal?: AbortSignal,
  ): Promise<MergeOutcome> {
    const call: ApiCall = {
      operation: 'merge contacts',
      method: 'POST',
      path: this.projectPath(`/contacts/${encodeId('destination contact ID', destinationId)}:merge`),
      body: { source_id: requireId('source contact ID', sourceId), strategy: 'MERGE' },
      retry: false,
    };

    let failure: SinchApiError;
    try {
      const contact = await this.getJson(call, readContact, signal);
      return { status: 'merged', contact, reconciled: false };
    } catch (error) {
      if (!(error instanceof SinchApiError)) {
        throw error;
      }
      failure = error;
    }

    if (failure.operation === TOKEN_OPERATION || (failure.kind === 'cancelled' && failure.requestSent === false)) {
      return { status: 'not merged', error: failure };
    }
    if (failure.kind === 'cancelled') {
      return { status: 'unknown', error: failure };
    }
    // NOTE: the API does not document the status of a rejected merge, such as a merge into
    // itself or with an unknown ID. Every 4xx is read as "nothing was applied".
    if (!needsReconciliation(failure)) {
      return { status: 'not merged', error: failure };
    }

    this.logger.warn(
      `Merge of contact ${sourceId} into ${destinationId} has no reliable response (${failure.kind}` +
        `${failure.httpStatus ? ` ${failure.httpStatus}` : ''}); reading both contacts to learn whether it was applied.`,
    );
    const outcome = await reconcileMerge({
      destinationId,
      sourceId,
      identity: options.identity,
      error: failure,
      readContact: (id) => this.getContact(id, signal),
    });
    this.logger.info(`Merge of contact ${sourceId} into ${destinationId}: ${outcome.status} after reading both contacts.`);
    return outcome;
  }

  /**
   * Checks a profile by fetching a token (OAuth2) and listing the apps. A failure is rethrown
   * with a message that names the wrong part: the key (401), the project (403) or the region (404).
   */
  async checkCredentials(signal?: AbortSignal): Promise<App[]> {
    try {
      if (this.tokens !== undefined) {
        await this.tokens.token('check credentials', signal);
      }
      return await this.listApps(signal);
    } catch (error) {
      throw explainCredentialFailure(error, this.options);
    }
  }

  private projectPath(suffix: string): string {
    return `/v1/projects/${encodeURIComponent(this.options.projectId)}${suffix}`;
  }

  private async getJson<T>(call: ApiCall, read: (value: unknown) => T, signal?: AbortSignal): Promise<T> {
    const { request, response } = await this.send(call, signal);
    if (response.status < 200 || response.status >= 300) {
      throw statusError(response, request, this.context);
    }
    return parseBody(response, request, read);
  }

  /** Sends one call; after a 401 that reports an expired token it renews the token and sends once more. */
  private async send(call: ApiCall, signal?: AbortSignal): Promise<{ request: HttpRequest; response: HttpResponse }> {
    const authorization = await this.authorize(call.operation, signal);
    const request = this.buildRequest(call, authorization, signal);
    const response = await this.core.send(request);

    const challenge = response.headers.get('www-authenticate') ?? '';
    if (response.status !== 401 || this.tokens === undefined || !/expired/i.test(challenge)) {
      return { request, response };
    }

    this.tokens.invalidate(authorization.accessToken ?? '');
    this.logger.debug(`${call.method} ${call.path}: the access token expired; fetching a new one and sending once more`);
    const renewed = this.buildRequest(call, await this.authorize(call.operation, signal), signal);
    return { request: renewed, response: await this.core.send(renewed) };
  }

  private async authorize(operation: string, signal?: AbortSignal): Promise<Authorization> {
    if (this.tokens === undefined) {
      return { header: this.basicHeader };
    }
    const accessToken = await this.tokens.token(operation, signal);
    return { header: `Bearer ${accessToken}`, accessToken };
  }

  private buildRequest(call: ApiCall, authorization: Authorization, signal?: AbortSignal): HttpRequest {
    const query = call.query?.toString() ?? '';
    const headers: Record<string, string> = { authorization: authorization.header };
    if (call.body !== undefined) {
      headers['content-type'] = 'application/json';
    }

    return {
      operation: call.operation,
      method: call.method,
      url: `${this.options.endpoints.conversationUrl}${call.path}${query === '' ? '' : `?${query}`}`,
      path: call.path,
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      retry: call.retry,
      signal,
    };
  }
}
