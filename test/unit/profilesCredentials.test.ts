// The credentials check of a new profile, over real HTTP against a sandbox on 127.0.0.1.
import * as assert from 'node:assert/strict';
import { DEFAULT_ENVIRONMENT_REGION } from '../../src/profiles/validation';
import { clientSettingsFrom } from '../../src/profiles/clientSettings';
import { checkProfileCredentials, credentialClientOptions, type CredentialDraft } from '../../src/profiles/credentials';
import { startSandbox, type SandboxHandle } from '../../src/sandbox';
import { SinchApiError, resolveEndpoints } from '../../src/sinch';

const settings = clientSettingsFrom(() => undefined).settings;

describe('profile credentials check', () => {
  let sandbox: SandboxHandle;

  before(async () => {
    sandbox = await startSandbox({ seed: 'default' });
  });

  after(async () => {
    await sandbox.close();
  });

  function draft(overrides: Partial<CredentialDraft> = {}): CredentialDraft {
    return { projectId: sandbox.projectId, region: sandbox.region, keyId: sandbox.keyId, authMethod: 'oauth2', ...overrides };
  }

  function endpoints(): { conversationUrl: string; authUrl: string } {
    return { conversationUrl: `${sandbox.baseUrl}/{region}`, authUrl: sandbox.authUrl };
  }

  async function failure(check: Promise<unknown>): Promise<SinchApiError> {
    try {
      await check;
    } catch (error) {
      assert.ok(error instanceof SinchApiError, `expected a SinchApiError, got ${String(error)}`);
      return error;
    }
    assert.fail('the check passed');
  }

  it('passes with the right key, over OAuth2 and Basic', async () => {
    const apps = await checkProfileCredentials(draft(), sandbox.keySecret, { settings, endpoints: endpoints() });
    assert.ok(apps > 0, 'the default seed has apps');

    const basic = await checkProfileCredentials(draft({ authMethod: 'basic' }), sandbox.keySecret, { settings, endpoints: endpoints() });
    assert.equal(basic, apps);
  });

  it('names the key when the secret is wrong', async () => {
    const error = await failure(checkProfileCredentials(draft(), 'wrong-secret', { settings, endpoints: endpoints() }));
    assert.equal(error.httpStatus, 401);
    assert.match(error.message, /key ID and key secret/);
    assert.ok(!error.message.includes('wrong-secret'));
  });

  it('names the project when the key belongs elsewhere', async () => {
    const foreign = draft({ keyId: sandbox.foreignKey.keyId });
    const error = await failure(checkProfileCredentials(foreign, sandbox.foreignKey.keySecret, { settings, endpoints: endpoints() }));
    assert.equal(error.httpStatus, 403);
    assert.match(error.message, new RegExp(`project ${sandbox.projectId}`));
  });

  it('names the region when the project lives in another', async () => {
    const wrongRegion = sandbox.region === 'eu' ? 'us' : 'eu';
    const error = await failure(checkProfileCredentials(draft({ region: wrongRegion }), sandbox.keySecret, { settings, endpoints: endpoints() }));
    assert.equal(error.httpStatus, 404);
    assert.match(error.message, new RegExp(`region ${wrongRegion}`));
  });

  it('stops when cancelled', async () => {
    sandbox.control.setLatency(2_000);
    try {
      const controller = new AbortController();
      const check = checkProfileCredentials(draft(), sandbox.keySecret, { settings, endpoints: endpoints(), signal: controller.signal });
      setTimeout(() => controller.abort(), 50);
      const error = await failure(check);
      assert.equal(error.kind, 'cancelled');
    } finally {
      sandbox.control.setLatency(0);
    }
  });

  it('uses the Sinch hosts of the region without endpoints', () => {
    const options = credentialClientOptions(draft({ region: DEFAULT_ENVIRONMENT_REGION }), 'secret', { settings });
    assert.equal(options.endpoints, undefined);
    assert.deepEqual(resolveEndpoints(options), {
      conversationUrl: 'https://us.conversation.api.sinch.com',
      authUrl: 'https://auth.sinch.com/oauth2/token',
    });
  });

  it('passes the client settings on', () => {
    const custom = clientSettingsFrom((key) => ({ requestTimeoutSeconds: 7, maxConcurrentRequests: 3, maxRequestsPerSecond: 50 })[key]);
    const options = credentialClientOptions(draft(), 'secret', { settings: custom.settings });
    assert.equal(options.timeoutMs, 7_000);
    assert.equal(options.maxConcurrentRequests, 3);
    assert.equal(options.maxRequestsPerSecond, 50);
  });
});
