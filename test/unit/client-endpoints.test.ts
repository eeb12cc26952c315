// Endpoint rules: region hosts, loopback-only custom endpoints, and option checks.
import * as assert from 'node:assert/strict';
import { AUTH_URL, ConversationClient, SinchApiError, isLoopbackUrl, resolveEndpoints } from '../../src/sinch';

const VALID = {
  projectId: 'project-1',
  region: 'us' as const,
  keyId: 'key-1',
  keySecret: 'secret-1',
  authMethod: 'oauth2' as const,
};

function configErrorOf(action: () => unknown): SinchApiError {
  try {
    action();
  } catch (error) {
    assert.ok(error instanceof SinchApiError, `expected SinchApiError, got ${String(error)}`);
    assert.equal(error.kind, 'config');
    return error;
  }
  throw new Error('expected a config error');
}

describe('client endpoints', () => {
  it('derives hosts from the region', () => {
    for (const region of ['us', 'eu', 'br'] as const) {
      const endpoints = resolveEndpoints({ region });
      assert.equal(endpoints.conversationUrl, `https://${region}.conversation.api.sinch.com`);
      assert.equal(endpoints.authUrl, AUTH_URL);
    }
    assert.equal(AUTH_URL, 'https://auth.sinch.com/oauth2/token');
  });

  it('substitutes the region in a loopback URL', () => {
    const endpoints = resolveEndpoints({
      region: 'eu',
      endpoints: { conversationUrl: 'http://127.0.0.1:4010/{region}/', authUrl: 'http://127.0.0.1:4010/oauth2/token' },
    });

    assert.equal(endpoints.conversationUrl, 'http://127.0.0.1:4010/eu');
    assert.equal(endpoints.authUrl, 'http://127.0.0.1:4010/oauth2/token');
  });

  it('recognises loopback URLs', () => {
    const cases: Array<[string, boolean]> = [
      ['http://127.0.0.1:8080/us', true],
      ['https://localhost/', true],
      ['http://LOCALHOST:1', true],
      ['http://[::1]:9000/x', true],
      ['http://127.0.0.2/', false],
      ['http://localhost.example.com/', false],
      ['http://127.0.0.1.nip.io/', false],
      ['https://us.conversation.api.sinch.com', false],
      ['ftp://127.0.0.1/', false],
      ['file:///etc/hosts', false],
      ['not a url', false],
      ['', false],
    ];

    for (const [url, expected] of cases) {
      assert.equal(isLoopbackUrl(url), expected, url);
    }
  });

  it('rejects custom endpoints off loopback', () => {
    const badConversationUrls = [
      'https://evil.example.com/{region}',
      'http://10.0.0.5:8080/{region}',
      'http://{region}.localhost/',
      'ftp://127.0.0.1/{region}',
    ];

    for (const conversationUrl of badConversationUrls) {
      const error = configErrorOf(() =>
        resolveEndpoints({ region: 'us', endpoints: { conversationUrl, authUrl: 'http://127.0.0.1:1/oauth2/token' } }),
      );
      assert.match(error.message, /127\.0\.0\.1, localhost or \[::1\]/, conversationUrl);
    }

    configErrorOf(() =>
      resolveEndpoints({
        region: 'us',
        endpoints: { conversationUrl: 'http://127.0.0.1:1/{region}', authUrl: 'https://auth.sinch.com.evil.example/oauth2/token' },
      }),
    );
  });

  it('rejects a client with custom endpoints off loopback', () => {
    configErrorOf(
      () =>
        new ConversationClient({
          ...VALID,
          endpoints: { conversationUrl: 'https://example.com/{region}', authUrl: 'https://example.com/oauth2/token' },
        }),
    );
  });

  it('keeps user info out of the message', () => {
    const error = configErrorOf(() =>
      resolveEndpoints({
        region: 'us',
        endpoints: { conversationUrl: 'https://user:hunter2@example.com/{region}', authUrl: 'http://127.0.0.1:1/t' },
      }),
    );
    assert.doesNotMatch(error.message, /hunter2/);

    const loopbackError = configErrorOf(() =>
      resolveEndpoints({
        region: 'us',
        endpoints: { conversationUrl: 'http://user:hunter2@127.0.0.1:1/{region}', authUrl: 'http://127.0.0.1:1/t' },
      }),
    );
    assert.doesNotMatch(loopbackError.message, /hunter2/);
  });

  it('rejects an unknown region', () => {
    const error = configErrorOf(() => new ConversationClient({ ...VALID, region: 'ap' as never }));
    assert.match(error.message, /"ap"/);
  });

  it('rejects missing credentials and bad numbers', () => {
    configErrorOf(() => new ConversationClient({ ...VALID, projectId: ' ' }));
    configErrorOf(() => new ConversationClient({ ...VALID, keyId: '' }));
    configErrorOf(() => new ConversationClient({ ...VALID, keySecret: '' }));
    configErrorOf(() => new ConversationClient({ ...VALID, authMethod: 'token' as never }));
    configErrorOf(() => new ConversationClient({ ...VALID, timeoutMs: 0 }));
    configErrorOf(() => new ConversationClient({ ...VALID, maxRequestsPerSecond: 1.5 }));
    configErrorOf(() => new ConversationClient({ ...VALID, maxRetries: -1 }));
  });
});
