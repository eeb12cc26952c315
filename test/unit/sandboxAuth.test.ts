// Token endpoint, Basic and bearer authentication, expiry, foreign keys, regions and projects.
import * as assert from 'node:assert/strict';
import { startSandbox } from '../../src/sandbox';
import type { SandboxHandle } from '../../src/sandbox/api';
import { basicAuth, errorOf, SandboxCaller, sleep } from './sandboxHttp';

function decodePart(part: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}

describe('sandbox authentication', () => {
  let sandbox: SandboxHandle;
  let caller: SandboxCaller;

  before(async () => {
    sandbox = await startSandbox({ port: 0 });
    caller = new SandboxCaller(sandbox);
  });

  after(async () => {
    await sandbox.close();
  });

  describe('token endpoint', () => {
    it('issues a JWT-shaped bearer token', async () => {
      const call = await caller.tokenCall();

      assert.equal(call.status, 200);
      assert.equal(call.json.token_type, 'bearer');
      assert.equal(call.json.expires_in, 3600);
      assert.equal(typeof call.json.scope, 'string');

      const parts = (call.json.access_token as string).split('.');
      assert.equal(parts.length, 3);
      const header = decodePart(parts[0]);
      const payload = decodePart(parts[1]);
      assert.equal(header.alg, 'HS256');
      assert.equal(payload.sub, sandbox.keyId);
      assert.equal(typeof payload.iat, 'number');
      assert.equal((payload.exp as number) - (payload.iat as number), 3600);
      assert.ok(Math.abs((payload.iat as number) - Date.now() / 1000) < 5, 'iat is in seconds and close to now');
    });

    it('rejects a wrong secret with 401', async () => {
      const call = await caller.tokenCall(sandbox.keyId, 'not-the-secret');
      assert.equal(call.status, 401);
      assert.equal(errorOf(call).status, 'UNAUTHENTICATED');
      assert.ok(!call.text.includes(sandbox.keySecret), 'the error does not echo the secret');
    });

    it('rejects an unknown key with 401', async () => {
      const call = await caller.tokenCall('00000000-0000-4000-8000-000000000000', sandbox.keySecret);
      assert.equal(call.status, 401);
      assert.equal(errorOf(call).status, 'UNAUTHENTICATED');
    });

    it('rejects a call without Basic credentials', async () => {
      const response = await fetch(sandbox.authUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials',
      });
      assert.equal(response.status, 401);
    });

    it('rejects another grant type with 400', async () => {
      const call = await caller.tokenCall(sandbox.keyId, sandbox.keySecret, 'grant_type=password');
      assert.equal(call.status, 400);
      assert.match(errorOf(call).message, /grant_type/);
    });

    it('answers GET with 404', async () => {
      const response = await fetch(sandbox.authUrl);
      assert.equal(response.status, 404);
    });
  });

  describe('API credentials', () => {
    it('accepts a bearer token', async () => {
      const token = await caller.token();
      const call = await caller.api('GET', 'apps', { authorization: `Bearer ${token}` });
      assert.equal(call.status, 200);
      assert.ok(Array.isArray(call.json.apps));
    });

    it('accepts HTTP Basic key_id:key_secret', async () => {
      const call = await caller.api('GET', 'apps', { authorization: basicAuth(sandbox.keyId, sandbox.keySecret) });
      assert.equal(call.status, 200);
    });

    it('rejects a wrong Basic secret without "expired"', async () => {
      const call = await caller.api('GET', 'apps', { authorization: basicAuth(sandbox.keyId, 'wrong') });
      assert.equal(call.status, 401);
      assert.equal(errorOf(call).status, 'UNAUTHENTICATED');
      assert.ok(!(call.headers.get('www-authenticate') ?? '').includes('expired'));
    });

    it('rejects missing credentials without "expired"', async () => {
      const call = await caller.api('GET', 'apps', { authorization: null });
      assert.equal(call.status, 401);
      assert.equal(errorOf(call).status, 'UNAUTHENTICATED');
      assert.ok(call.headers.get('www-authenticate'));
      assert.ok(!call.headers.get('www-authenticate')!.includes('expired'));
    });

    it('rejects a token whose payload was changed', async () => {
      const [header, payload, signature] = (await caller.token()).split('.');
      const claims = decodePart(payload);
      claims.exp = (claims.exp as number) + 86_400;
      const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;

      const call = await caller.api('GET', 'apps', { authorization: `Bearer ${forged}` });
      assert.equal(call.status, 401);
      assert.ok(!(call.headers.get('www-authenticate') ?? '').includes('expired'));
    });

    it('rejects a token of another sandbox run', async () => {
      const other = await startSandbox({ port: 0 });
      try {
        const foreignToken = await new SandboxCaller(other).token();
        const call = await caller.api('GET', 'apps', { authorization: `Bearer ${foreignToken}` });
        assert.equal(call.status, 401);
      } finally {
        await other.close();
      }
    });

    it('rejects a malformed bearer token', async () => {
      const call = await caller.api('GET', 'apps', { authorization: 'Bearer not-a-jwt' });
      assert.equal(call.status, 401);
      assert.equal(errorOf(call).status, 'UNAUTHENTICATED');
    });

    it('answers an expired token with "expired" in www-authenticate', async function () {
      this.timeout(5000);
      sandbox.control.setTokenLifetime(1);
      try {
        const call = await caller.tokenCall();
        assert.equal(call.json.expires_in, 1);
        const token = call.json.access_token as string;

        assert.equal((await caller.api('GET', 'apps', { authorization: `Bearer ${token}` })).status, 200);
        await sleep(1200);

        const expired = await caller.api('GET', 'apps', { authorization: `Bearer ${token}` });
        assert.equal(expired.status, 401);
        assert.equal(errorOf(expired).status, 'UNAUTHENTICATED');
        assert.match(expired.headers.get('www-authenticate') ?? '', /expired/);

        const fresh = await caller.token();
        assert.equal((await caller.api('GET', 'apps', { authorization: `Bearer ${fresh}` })).status, 200);
      } finally {
        sandbox.control.setTokenLifetime(3600);
      }
    });
  });

  describe('projects and regions', () => {
    it('answers a foreign key with 403 UNAUTHORIZED over Basic', async () => {
      const { keyId, keySecret } = sandbox.foreignKey;
      const call = await caller.api('GET', 'apps', { authorization: basicAuth(keyId, keySecret) });
      assert.equal(call.status, 403);
      assert.equal(errorOf(call).status, 'UNAUTHORIZED');
    });

    it('answers a foreign key with 403 UNAUTHORIZED over a token', async () => {
      const { keyId, keySecret } = sandbox.foreignKey;
      const token = await caller.token(keyId, keySecret);
      const call = await caller.api('GET', 'contacts:identityConflicts', { authorization: `Bearer ${token}` });
      assert.equal(call.status, 403);
      assert.equal(errorOf(call).status, 'UNAUTHORIZED');
    });

    for (const region of ['eu', 'br']) {
      it(`answers the wrong region ${region} with 404`, async () => {
        const call = await caller.api('GET', 'apps', { region });
        assert.equal(call.status, 404);
        assert.equal(errorOf(call).status, 'NOT_FOUND');
      });
    }

    it('answers an unknown region prefix with 404', async () => {
      const call = await caller.api('GET', 'apps', { region: 'xx' });
      assert.equal(call.status, 404);
      assert.equal(errorOf(call).status, 'NOT_FOUND');
    });

    it('answers an unknown project ID with 404', async () => {
      const call = await caller.api('GET', 'apps', { projectId: '11111111-2222-4333-8444-555555555555' });
      assert.equal(call.status, 404);
      assert.equal(errorOf(call).status, 'NOT_FOUND');
    });

    it('answers the foreign project with 404, as it has no data here', async () => {
      const { keyId, keySecret, projectId } = sandbox.foreignKey;
      const call = await caller.api('GET', 'apps', { projectId, authorization: basicAuth(keyId, keySecret) });
      assert.equal(call.status, 404);
    });

    it('serves a project started in another region there only', async () => {
      const european = await startSandbox({ port: 0, region: 'eu', seed: 'empty' });
      try {
        const europeanCaller = new SandboxCaller(european);
        assert.equal(european.conversationUrl('eu'), `${european.baseUrl}/eu`);
        assert.equal((await europeanCaller.api('GET', 'apps')).status, 200);
        assert.equal((await europeanCaller.api('GET', 'apps', { region: 'us' })).status, 404);
      } finally {
        await european.close();
      }
    });
  });
});
