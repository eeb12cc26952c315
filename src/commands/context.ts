// The services every command handler receives: the stores, the tree and the log.
import type * as vscode from 'vscode';
import type { Profile } from '../profiles/types';
import type { MergeJournal } from '../journal/mergeJournal';
import type { Connector } from '../session/connector';
import type { SandboxHost } from '../session/sandboxHost';
import type { ConflictsTreeProvider } from '../tree/provider';
import type { ProjectRegistry } from '../tree/projects';
import type { JsonDocuments } from '../json/jsonDocuments';

export interface ProfileAccess {
  list(): Profile[];
  get(id: string): Profile | undefined;
}

export interface CommandContext {
  extension: vscode.ExtensionContext;
  log: vscode.LogOutputChannel;
  profiles: ProfileAccess;
  projects: ProjectRegistry;
  connector: Connector;
  sandbox: SandboxHost;
  tree: ConflictsTreeProvider;
  treeView: vscode.TreeView<unknown>;
  journal: MergeJournal;
  json: JsonDocuments;
}
