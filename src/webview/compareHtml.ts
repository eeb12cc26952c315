// The compare page's HTML shell. It carries no contact data: the page script receives that
// by `postMessage` after it posts `ready`, and renders it as text. Kept free of `vscode` so
// plain Node tests can check the CSP.

export interface CompareHtmlOptions {
  /**
   * `webview.cspSource`: the sources the webview serves local resources from. It can hold
   * several, such as `'self' https://*.vscode-cdn.net` in VS Code for the Web (code-server 4.139).
   */
  cspSource: string;
  /** A fresh random value per render. Only the script tag carrying it may run. */
  nonce: string;
  /** `asWebviewUri` of dist/webview.js. */
  scriptUri: string;
  /** `asWebviewUri` of media/compare.css. */
  styleUri: string;
  /** Document title, such as "Compare contacts". */
  title: string;
}

/** A CSP nonce is a base64 value (CSP Level 3, `nonce-source`), and anything else could break out of the policy. */
const NONCE_PATTERN = /^[A-Za-z0-9+/_-]{16,}={0,2}$/;

/** Builds the page's HTML with a CSP that allows only the nonce-tagged script and local styles and images. */
export function buildCompareHtml(options: CompareHtmlOptions): string {
  if (!NONCE_PATTERN.test(options.nonce)) {
    throw new Error('Invalid CSP nonce for the compare page: expected at least 16 base64 characters.');
  }
  // A semicolon, comma, quote or line break would end the directive and let the value add its own.
  if (/[;,"\r\n]/.test(options.cspSource) || options.cspSource.trim() === '') {
    throw new Error(`Invalid webview CSP source "${options.cspSource}": expected space-separated sources.`);
  }

  const policy = [
    "default-src 'none'",
    `style-src ${options.cspSource}`,
    `script-src 'nonce-${options.nonce}'`,
    `img-src ${options.cspSource}`,
  ].join('; ');

  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="UTF-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
    `<link rel="stylesheet" href="${escapeHtml(options.styleUri)}">`,
    `<title>${escapeHtml(options.title)}</title>`,
    '</head>',
    '<body>',
    '<main id="app"></main>',
    `<script nonce="${escapeHtml(options.nonce)}" src="${escapeHtml(options.scriptUri)}"></script>`,
    '</body>',
    '</html>',
  ].join('\n');
}

/** Escapes text for an HTML text node or a double-quoted attribute value (every attribute here uses double quotes). */
function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
