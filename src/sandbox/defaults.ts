// Default settings and credentials of a sandbox. The IDs and secrets are made up for the
// sandbox and unlock nothing anywhere else: they are not real Sinch credentials.
import type { Region } from '../sinch/types';
import type { AccessKey } from './auth';

export const DEFAULT_PROJECT_ID = '5b8e2f4a-93c1-4d07-a6e5-1f2c3d4b5a69';
export const DEFAULT_KEY_ID = 'c7d1e9a2-58b4-4f3e-9a06-2b7c8d9e0f14';
export const DEFAULT_KEY_SECRET = 'sbx_Q7tVn3KpW9xLr2HdM5yBfZ8cJ4gE';

/** A key of another project, so clients can be tested against 403 UNAUTHORIZED. */
export const FOREIGN_KEY: AccessKey = {
  projectId: 'e2a94c17-0d6b-4b3f-8c52-7f1a9e3d6b80',
  keyId: '3f6a8b2c-1d4e-4a9f-b7c0-5e8d2a1f9c36',
  keySecret: 'sbx_foreign_Hs4Rk8Wq2Nv6Ty9Pm3Lc',
};

export const DEFAULT_REGION: Region = 'us';

/** The Conversation API's published limit: 800 requests per second per project. */
export const DEFAULT_RATE_LIMIT_PER_SECOND = 800;

/** The real token endpoint returns `expires_in` of about 3600 seconds. */
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 3600;

export const DEFAULT_LARGE_CONFLICTS = 10_000;

/** Contacts per page when `page_size` is absent, as the API documents. */
export const DEFAULT_CONTACTS_PAGE_SIZE = 10;

/** NOTE: the real default page size of the conflict list is unconfirmed; 20 is a guess. */
export const DEFAULT_CONFLICTS_PAGE_SIZE = 20;
