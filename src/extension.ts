import * as vscode from 'vscode';
import type { CommandContext } from './commands/context';
import { registerJsonCommands } from './commands/jsonCommands';
import { registerMergeCommands } from './commands/mergeCommands';
import { registerSampleDataCommand } from './commands/sampleData';
import { FILTER_CONTEXT_KEY, registerTreeCommands } from './commands/treeCommands';
import { MergeJournal } from './journal/mergeJournal';
import { JsonDocuments } from './json/jsonDocuments';
import { registerProfileCommands, type ProfileCommandHooks } from './profiles/commands';
import { showKeyringWarning } from './profiles/keyring';
import { clientSettings } from './profiles/settings';
import { ProfileStore } from './profiles/store';
import { channelLogger, Connector } from './session/connector';
import { SandboxHost } from './session/sandboxHost';
import { ConflictsTreeProvider } from './tree/provider';
import { ProjectRegistry } from './tree/projects';
import { ComparePanel } from './webview/comparePanel';

/** The extension's parts, which activate() returns to the in-host tests only. */
export interface ExtensionApi {
  profiles: ProfileStore;
  projects: ProjectRegistry;
  connector: Connector;
  sandbox: SandboxHost;
  journal: MergeJournal;
  tree: ConflictsTreeProvider;
  treeView: vscode.TreeView<unknown>;
  profileCommands: ProfileCommandHooks;
}

let sandboxHost: SandboxHost | undefined;

/** Activates the extension. Activation reads profiles only: no network and no other disk work. */
export function activate(context: vscode.ExtensionContext): ExtensionApi | undefined {
  const log = vscode.window.createOutputChannel('Sinch Identity Conflicts', { log: true });
  context.subscriptions.push(log);

  const profiles = new ProfileStore({
    state: context.globalState,
    secrets: context.secrets,
    logger: log,
    onSecretStorageError: showKeyringWarning,
  });
  context.subscriptions.push(profiles);

  const sandbox = new SandboxHost(log);
  sandboxHost = sandbox;
  context.subscriptions.push(sandbox);

  const connector = new Connector(profiles, sandbox, channelLogger(log), () => clientSettings(log));
  const projects = new ProjectRegistry(connector);
  const tree = new ConflictsTreeProvider(profiles, projects);
  const treeView = vscode.window.createTreeView('sinchConflicts.explorer', { treeDataProvider: tree, showCollapseAll: true });
  context.subscriptions.push(tree, treeView);

  context.subscriptions.push(
    profiles.onDidChange((change) => {
      connector.forget(change.profileId);
      projects.retain(profiles.list());
      tree.refreshView();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('sinchConflicts')) {
        connector.forget();
      }
    }),
  );

  const journal = new MergeJournal(context.globalStorageUri);
  const json = new JsonDocuments();
  context.subscriptions.push(json, { dispose: () => ComparePanel.disposeAll() });
  void vscode.commands.executeCommand('setContext', FILTER_CONTEXT_KEY, false);

  const ctx: CommandContext = { extension: context, log, profiles, projects, connector, sandbox, tree, treeView, journal, json };
  registerTreeCommands(ctx);
  registerJsonCommands(ctx);
  registerMergeCommands(ctx);
  registerSampleDataCommand(ctx, profiles);
  const profileCommands = registerProfileCommands(context, log, profiles, sandbox);

  connectSandboxOnStartup(log);

  // The parts include the profile store, which can read secrets: other extensions must not get them.
  if (context.extensionMode !== vscode.ExtensionMode.Test) {
    return undefined;
  }
  return { profiles, projects, connector, sandbox, journal, tree, treeView, profileCommands };
}

/** Runs "Try with Sample Data" at activation when the user asked for it (demos and tests). */
function connectSandboxOnStartup(log: vscode.LogOutputChannel): void {
  const wanted = vscode.workspace.getConfiguration('sinchConflicts').inspect<boolean>('sandbox.connectOnStartup')?.globalValue === true;
  if (wanted) {
    log.info('Connecting the sample-data sandbox at startup, as sinchConflicts.sandbox.connectOnStartup asks.');
    void vscode.commands.executeCommand('sinchConflicts.trySampleData');
  }
}

/** Stops the embedded sandbox before the extension host goes away. */
export async function deactivate(): Promise<void> {
  await sandboxHost?.stop();
  sandboxHost = undefined;
}
