// Public surface of the Conversation API client.
export { ConversationClient } from './client';
export type { ConflictsPage, ContactsPage, MergeOptions } from './client';
export type { ContactFilters } from './query';
export type { AuthMethod, ClientOptions } from './options';
export { AUTH_URL, conversationUrlForRegion, isLoopbackUrl, isRegion, resolveEndpoints } from './endpoints';
export type { CustomEndpoints, EndpointProfile, ResolvedEndpoints } from './endpoints';
export { SinchApiError, isSinchApiError } from './errors';
export type { SinchErrorKind } from './errors';
export type { MergeOutcome } from './merge';
export type { PageRequest } from './paging';
export { silentLogger } from './logger';
export type { Logger } from './logger';
export * from './types';
