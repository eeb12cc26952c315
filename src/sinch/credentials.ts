// Messages for a failed credentials check, which name the part of the profile to fix.
import { SinchApiError } from './errors';
import { REGIONS, type Region } from './types';

export interface CheckedProfile {
  projectId: string;
  region: Region;
  keyId: string;
}

/** Rewrites the message of a failed check so it names the wrong value; other errors pass through. */
export function explainCredentialFailure(error: unknown, profile: CheckedProfile): unknown {
  if (!(error instanceof SinchApiError)) {
    return error;
  }

  const message = credentialMessage(error, profile);
  if (message === undefined) {
    return error;
  }

  return new SinchApiError({
    kind: error.kind,
    message,
    operation: 'check credentials',
    method: error.method,
    path: error.path,
    httpStatus: error.httpStatus,
    sinchStatus: error.sinchStatus,
    retries: error.retries,
    requestSent: error.requestSent,
    cause: error,
  });
}

function credentialMessage(error: SinchApiError, profile: CheckedProfile): string | undefined {
  const status = error.sinchStatus ? ` ${error.sinchStatus}` : '';

  if (error.kind === 'credentials') {
    return (
      `Sinch rejected access key ${profile.keyId} (HTTP 401${status}). Check the key ID and key secret; ` +
      'the secret is shown only once, when the key is created, so create a new key if it is lost.'
    );
  }
  if (error.httpStatus === 403) {
    return (
      `Access key ${profile.keyId} is valid but has no access to project ${profile.projectId} (HTTP 403${status}). ` +
      'Check the project ID, or use a key created in that project.'
    );
  }
  if (error.httpStatus === 404) {
    const others = REGIONS.filter((region) => region !== profile.region).join(' or ');
    return (
      `Project ${profile.projectId} was not found in region ${profile.region} (HTTP 404${status}). ` +
      `The region must be the one the project's apps were created in: try ${others}, or check the project ID.`
    );
  }
  return undefined;
}
