// Wire shapes of the Sinch Conversation API v1, as the public OpenAPI description and the
// official SDKs (`@sinch/conversation` 1.4.0) define them. Every field of a response is
// optional on the wire, and servers add fields over time, so readers keep what they do
// not know and check what they use.

/** Channel names the API documents. Unknown names are kept and displayed as they come. */
export const KNOWN_CHANNELS = [
  'SMS',
  'RCS',
  'WHATSAPP',
  'MMS',
  'KAKAOTALK',
  'KAKAOTALKCHAT',
  'VIBERBM',
  'LINE',
  'INSTAGRAM',
  'MESSENGER',
  'WECHAT',
  'TELEGRAM',
  'APPLEBC',
  'VIBER',
  'CHANNEL_UNSPECIFIED',
] as const;

export type ConversationChannel = string;

/** The SIM-based channels on which one identity held by several contacts is a conflict. */
export const CONFLICT_CHANNELS: readonly ConversationChannel[] = ['SMS', 'MMS', 'RCS'];

/** Channels whose identities are scoped to one app and carry its `app_id`. */
export const APP_SCOPED_CHANNELS: readonly ConversationChannel[] = ['MESSENGER', 'INSTAGRAM', 'LINE', 'WECHAT'];

export interface ChannelIdentity {
  channel: ConversationChannel;
  identity: string;
  app_id?: string;
}

export interface Contact {
  id: string;
  channel_identities?: ChannelIdentity[];
  channel_priority?: ConversationChannel[];
  display_name?: string;
  email?: string;
  external_id?: string;
  metadata?: string;
  language?: string;
  [unknownField: string]: unknown;
}

export interface IdentityConflict {
  identity: string;
  channels: ConversationChannel[];
  contact_ids: string[];
}

export interface ChannelCredential {
  channel: ConversationChannel;
  callback_secret?: string;
  channel_known_id?: string;
  state?: { status?: 'PENDING' | 'ACTIVE' | 'FAILING' | string; description?: string };
  [credentialObject: string]: unknown;
}

export interface App {
  id: string;
  display_name?: string;
  channel_credentials?: ChannelCredential[];
  processing_mode?: 'CONVERSATION' | 'DISPATCH' | string;
  [unknownField: string]: unknown;
}

export interface ListAppsResponse {
  apps: App[];
}

export interface ListIdentityConflictsResponse {
  conflicts: IdentityConflict[];
  next_page_token?: string;
}

export interface ListContactsResponse {
  contacts: Contact[];
  next_page_token?: string;
}

export interface MergeContactsRequest {
  source_id: string;
  strategy?: 'MERGE';
}

export interface ProjectSettings {
  project_id: string;
  settings: {
    contact_settings: {
      unified_contact_id_enabled: boolean;
    };
  };
}

export interface TokenResponse {
  access_token: string;
  expires_in: number;
  scope?: string;
  token_type: string;
}

/** Sinch error body. Some spec examples omit the `error` wrapper, so readers accept both. */
export interface SinchErrorBody {
  error: {
    code: number;
    message: string;
    status: string;
    details: unknown[];
  };
}

export type Region = 'us' | 'eu' | 'br';

export const REGIONS: readonly Region[] = ['us', 'eu', 'br'];

/** The API caps `page_size` at 20 for conflicts and contacts. */
export const MAX_PAGE_SIZE = 20;
