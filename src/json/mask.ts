// Masks the secrets an App response carries (channel tokens, callback secrets, passwords)
// before it is shown. Keys known to be harmless are kept; any other string inside a channel
// credential is masked, because new credential kinds appear over time.

export const MASK = '••••••••';

/** Keys inside `channel_credentials` entries that are not secret. */
const SAFE_CREDENTIAL_KEYS = new Set(['channel', 'status', 'description', 'channel_known_id', 'claimed_identity', 'app_id', 'state']);

/** Keys that name a secret wherever they appear. */
const SECRET_KEY = /secret|token|password|api_?key|private_?key|signature/i;

/** Returns a deep copy of an app with channel secrets replaced by a mask. */
export function maskAppSecrets(app: unknown): unknown {
  return maskValue(app, false, undefined);
}

function maskValue(value: unknown, insideCredentials: boolean, key: string | undefined): unknown {
  if (Array.isArray(value)) {
    return value.map((item) => maskValue(item, insideCredentials, key));
  }
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [childKey, child] of Object.entries(value)) {
      copy[childKey] = maskValue(child, insideCredentials || childKey === 'channel_credentials', childKey);
    }
    return copy;
  }
  if (typeof value !== 'string' || value === '') {
    return value;
  }
  if (key !== undefined && SECRET_KEY.test(key)) {
    return MASK;
  }
  if (insideCredentials && (key === undefined || !SAFE_CREDENTIAL_KEYS.has(key))) {
    return MASK;
  }
  return value;
}
