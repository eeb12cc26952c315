import type { Region } from '../sinch/types';

export type AuthMethod = 'oauth2' | 'basic';

/** A Sinch project the user added: everything but the key secret, which lives in SecretStorage. */
export interface Profile {
  /** Stable random ID, used in tree item IDs and as the SecretStorage key suffix. */
  id: string;
  label: string;
  projectId: string;
  region: Region;
  keyId: string;
  authMethod: AuthMethod;
  /** Set for the embedded sandbox profile, whose endpoints are loopback and change per run. */
  sandbox?: boolean;
}
