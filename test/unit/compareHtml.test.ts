import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { buildCompareHtml, type CompareHtmlOptions } from '../../src/webview/compareHtml';

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';

function options(overrides: Partial<CompareHtmlOptions> = {}): CompareHtmlOptions {
  return {
    cspSource: CSP_SOURCE,
    nonce: randomBytes(18).toString('base64'),
    scriptUri: `${CSP_SOURCE}/ext/dist/webview.js`,
    styleUri: `${CSP_SOURCE}/ext/media/compare.css`,
    title: 'Compare contacts',
    ...overrides,
  };
}

function policyOf(html: string): string {
  const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(match, 'no CSP meta tag in the page');
  return match[1];
}

describe('compare page HTML', () => {
  it('sets the strict CSP', () => {
    const input = options();
    const policy = policyOf(buildCompareHtml(input));

    assert.deepEqual(policy.split('; '), [
      "default-src 'none'",
      `style-src ${CSP_SOURCE}`,
      `script-src 'nonce-${input.nonce}'`,
      `img-src ${CSP_SOURCE}`,
    ]);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval|\*/);
  });

  it('tags the only script with the nonce', () => {
    const input = options();
    const html = buildCompareHtml(input);
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];

    assert.deepEqual(scripts, [`<script nonce="${input.nonce}" src="${input.scriptUri}">`]);
    assert.match(html, /<script [^>]*><\/script>/, 'the script tag must have no inline body');
  });

  it('links the stylesheet and nothing inline', () => {
    const input = options();
    const html = buildCompareHtml(input);

    assert.ok(html.includes(`<link rel="stylesheet" href="${input.styleUri}">`));
    assert.doesNotMatch(html, /<style\b/);
    assert.doesNotMatch(html, /\sstyle=/);
    assert.doesNotMatch(html, /\son[a-z]+=/i);
  });

  it('carries no data', () => {
    const html = buildCompareHtml(options());
    const body = /<body>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '';
    const withoutScript = body.replace(/<script\b[^>]*><\/script>/, '').trim();

    assert.equal(withoutScript, '<main id="app"></main>');
  });

  it('differs only by nonce between renders', () => {
    const first = options();
    const second = options();

    assert.notEqual(first.nonce, second.nonce);
    assert.equal(
      buildCompareHtml(first).split(first.nonce).join('NONCE'),
      buildCompareHtml(second).split(second.nonce).join('NONCE'),
    );
  });

  it('escapes the title and URIs', () => {
    const html = buildCompareHtml(
      options({ title: '</title><script>alert(1)</script>', styleUri: `${CSP_SOURCE}/a.css?x="><script>` }),
    );

    assert.equal((html.match(/<script\b/g) ?? []).length, 1);
    assert.ok(html.includes('<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>'));
    assert.ok(html.includes('a.css?x=&quot;&gt;&lt;script&gt;"'));
  });

  it('rejects a bad nonce', () => {
    assert.throws(() => buildCompareHtml(options({ nonce: "abc'; script-src *" })), /Invalid CSP nonce/);
    assert.throws(() => buildCompareHtml(options({ nonce: 'short' })), /Invalid CSP nonce/);
  });

  it('accepts the multi-source CSP of the web workbench', () => {
    const html = buildCompareHtml(options({ cspSource: "'self' https://*.vscode-cdn.net" }));
    assert.ok(html.includes("style-src 'self' https://*.vscode-cdn.net;"), html);
  });

  it('rejects a CSP source with separators', () => {
    assert.throws(
      () => buildCompareHtml(options({ cspSource: "https://a.example; script-src 'unsafe-inline'" })),
      /Invalid webview CSP source/,
    );
  });
});
