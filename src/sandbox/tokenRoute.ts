// `POST /oauth2/token`: the OAuth2 client-credentials exchange of auth.sinch.com.
import type { TokenResponse } from '../sinch/types';
import type { Reply } from './apiRoutes';
import type { Sandbox } from './core';
import { invalidRequest, SandboxError } from './errors';

/**
 * Exchanges HTTP Basic `key_id:key_secret` and the form body `grant_type=client_credentials`
 * for an access token. The token endpoint is not counted against the project's rate limit.
 * NOTE: the sandbox does not model the real endpoint's own rate limit. A comment in
 * @sinch/sdk-client 1.5.0 calls it a token bucket of capacity 30 that refills 10 per second.
 */
export function handleTokenRequest(sandbox: Sandbox, authorization: string | undefined, body: string): Reply {
  const match = /^basic\s+(.+)$/i.exec(authorization ?? '');
  if (!match) {
    throw new SandboxError(401, 'Missing client credentials: send HTTP Basic key_id:key_secret.', 'UNAUTHENTICATED', {
      'www-authenticate': 'Basic realm="sinch-sandbox"',
    });
  }
  const principal = sandbox.auth.checkBasic(match[1]);

  const grantType = new URLSearchParams(body).get('grant_type');
  if (grantType !== 'client_credentials') {
    throw invalidRequest(`Unsupported grant_type "${grantType ?? ''}": send the form body grant_type=client_credentials.`);
  }

  const response: TokenResponse = {
    access_token: sandbox.auth.issueToken(principal, sandbox.tokenLifetimeSeconds),
    expires_in: sandbox.tokenLifetimeSeconds,
    scope: '',
    token_type: 'bearer',
  };
  return { status: 200, body: response };
}
