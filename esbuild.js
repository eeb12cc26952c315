// Builds the two bundles: the extension (Node, CommonJS, `vscode` external) and the
// compare webview's script (browser). Type-checking is a separate step: `npm run typecheck`.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints build errors in the format of VS Code's `$esbuild-watch` problem matcher. */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

/**
 * Loads `vscode` through one module that re-exports it. For `import * as vscode from 'vscode'`
 * of an external, esbuild emits `__toESM(require('vscode'))` in every importing file, and each
 * call copies all of the API's properties (347 in VS Code 1.139) as getters. In code-server
 * 4.139.1's extension host on a 2-CPU machine, loading the bundle took 11 to 13 ms with those
 * copies and 4 to 7.5 ms with one re-export (bench/README.md).
 */
const vscodeOncePlugin = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' },
    );
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

/**
 * Bundles loaded on first use: the sandbox when "Try with Sample Data" runs, and the API client
 * (with node-fetch) when the first request is made. The extension reaches them through dynamic
 * `import()`, which this plugin points at the separate files, so activation parses less code.
 */
const LAZY_BUNDLES = {
  '../sandbox/index': './sandbox.js',
  '../sinch/client': './client.js',
};

const lazyBundlesPlugin = {
  name: 'lazy-bundles',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/(sandbox\/index|sinch\/client)$/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: LAZY_BUNDLES[args.path], external: true } : undefined,
    );
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  plugins: watch ? [problemMatcherPlugin] : [],
};

const nodeBundle = {
  ...common,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  alias: { 'whatwg-url': './src/shims/whatwgUrl.ts' },
};

const bundles = [
  {
    ...nodeBundle,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    plugins: [...common.plugins, vscodeOncePlugin, lazyBundlesPlugin],
    // Emits `import()` of the lazy bundles as `require`, so they load through the CommonJS loader like the extension.
    supported: { 'dynamic-import': false },
  },
  { ...nodeBundle, entryPoints: ['src/sandbox/index.ts'], outfile: 'dist/sandbox.js' },
  { ...nodeBundle, entryPoints: ['src/sinch/client.ts'], outfile: 'dist/client.js' },
  {
    ...common,
    entryPoints: ['src/webview/app/main.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];

async function main() {
  const contexts = await Promise.all(bundles.map((options) => esbuild.context(options)));
  if (watch) {
    await Promise.all(contexts.map((context) => context.watch()));
    return;
  }
  await Promise.all(contexts.map((context) => context.rebuild()));
  await Promise.all(contexts.map((context) => context.dispose()));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
