// The manifest promises commands, menus, views and settings; these checks keep it truthful.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMAND_IDS } from '../../src/commands/ids';
import { CONTEXT_VALUES } from '../../src/tree/contextValues';

const root = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
const contributes = manifest.contributes;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return sourceFiles(full);
    }
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const sources = sourceFiles(path.join(root, 'src')).map((file) => fs.readFileSync(file, 'utf8')).join('\n');

function menuEntries(): { menu: string; command?: string; when?: string }[] {
  const menus = (contributes.menus ?? {}) as Record<string, { command?: string; when?: string }[]>;
  return Object.entries(menus).flatMap(([menu, entries]) => entries.map((entry) => ({ menu, ...entry })));
}

function whenClauses(): string[] {
  const clauses = menuEntries().map((entry) => entry.when ?? '');
  for (const welcome of contributes.viewsWelcome ?? []) {
    clauses.push(welcome.when ?? '');
  }
  return clauses;
}

/** `viewItem` values a clause matches: `viewItem == x` and the alternatives of `viewItem =~ /^(a|b)$/`. */
function viewItemValues(clause: string): string[] {
  const values = [...clause.matchAll(/viewItem\s*==\s*'?([\w.-]+)'?/g)].map((match) => match[1]);
  for (const match of clause.matchAll(/viewItem\s*=~\s*\/\^?\(?([\w.|\\-]+?)\)?\$?\//g)) {
    values.push(...match[1].split('|').map((value) => value.replace(/\\\./g, '.')));
  }
  return values;
}

describe('manifest', () => {
  const declaredCommands: string[] = (contributes.commands ?? []).map((command: { command: string }) => command.command);
  const knownCommands = Object.values(COMMAND_IDS) as string[];

  it('declares exactly the commands in COMMAND_IDS', () => {
    assert.deepEqual([...declaredCommands].sort(), [...knownCommands].sort());
  });

  it('registers every declared command', () => {
    for (const [key, id] of Object.entries(COMMAND_IDS)) {
      const registered = new RegExp(`registerCommand\\([^)]*COMMAND_IDS\\.${key}\\b`).test(sources);
      assert.ok(registered, `${id} is declared but no registerCommand(..., COMMAND_IDS.${key}, ...) was found in src/`);
    }
  });

  it('names only declared commands in menus', () => {
    for (const entry of menuEntries()) {
      if (entry.command) {
        assert.ok(declaredCommands.includes(entry.command), `menu ${entry.menu} names unknown command ${entry.command}`);
      }
    }
  });

  it('names only declared views in when clauses', () => {
    const views = Object.values(contributes.views ?? {}).flatMap((list) => (list as { id: string }[]).map((view) => view.id));
    for (const clause of whenClauses()) {
      for (const match of clause.matchAll(/\bview\s*==\s*'?([\w.-]+)'?/g)) {
        assert.ok(views.includes(match[1]), `when clause "${clause}" names unknown view ${match[1]}`);
      }
    }
  });

  it('matches menu item values and context values', () => {
    const used = new Set(whenClauses().flatMap(viewItemValues));
    const known = new Set(Object.values(CONTEXT_VALUES) as string[]);
    for (const value of used) {
      assert.ok(known.has(value), `a menu matches viewItem "${value}", which no tree item uses`);
    }
    for (const value of known) {
      assert.ok(used.has(value), `tree items use contextValue "${value}", but no menu matches it`);
    }
  });

  it('localises every %key% of the manifest', () => {
    const keys = [...JSON.stringify(manifest).matchAll(/"%([\w.-]+)%"/g)].map((match) => match[1]);
    assert.ok(keys.length > 0);
    for (const key of keys) {
      assert.ok(typeof nls[key] === 'string' && nls[key].length > 0, `package.nls.json has no text for %${key}%`);
    }
  });

  it('declares workspace trust and virtual workspace support', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
    assert.equal(manifest.capabilities.virtualWorkspaces.supported, true);
  });

  it('uses the names of the product', () => {
    assert.equal(manifest.name, 'sinch-identity-conflicts');
    assert.equal(manifest.publisher, 'conversation-tools');
    assert.equal(contributes.viewsContainers.activitybar[0].id, 'sinchConflicts');
    for (const command of contributes.commands ?? []) {
      assert.match(command.command, /^sinchConflicts\.[a-zA-Z]+$/);
      assert.equal(command.category, 'Sinch', `${command.command} must be in the "Sinch" category`);
    }
    for (const key of Object.keys(contributes.configuration?.properties ?? {})) {
      assert.match(key, /^sinchConflicts\./);
    }
  });

  it('packages only bundles, media and docs', function () {
    this.timeout(30_000);
    const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
    const listed = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    const allowed = new Set(['package.json', 'package.nls.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'media/sinch.svg', 'media/compare.css', 'dist/extension.js', 'dist/webview.js', 'dist/sandbox.js', 'dist/client.js']);
    for (const file of listed) {
      assert.ok(allowed.has(file), `the .vsix would include ${file}`);
    }
    for (const required of ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'media/sinch.svg', 'media/compare.css']) {
      assert.ok(listed.includes(required), `the .vsix would lack ${required}`);
    }
  });
});
