// Read-only JSON documents for apps, conflicts and contacts, served from memory under the
// `sinch-json` scheme by a file system provider registered with `isReadonly`, so the editor
// opens them read-only and no write can reach them.
import * as vscode from 'vscode';

export const JSON_SCHEME = 'sinch-json';

export class JsonDocuments implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly files = new Map<string, { data: Uint8Array; mtime: number }>();
  private readonly changeEmitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changeEmitter.event;
  private readonly registration: vscode.Disposable;

  constructor() {
    this.registration = vscode.workspace.registerFileSystemProvider(JSON_SCHEME, this, { isReadonly: true, isCaseSensitive: true });
  }

  dispose(): void {
    this.registration.dispose();
    this.changeEmitter.dispose();
  }

  /**
   * Stores `value` as pretty-printed JSON under a URI built from the path segments and
   * returns the URI. Slashes, backslashes and control characters in a segment become `_`,
   * so names from the API cannot add or leave path levels.
   */
  put(segments: string[], value: unknown): vscode.Uri {
    const path = '/' + segments.map(safeSegment).join('/') + '.json';
    const uri = vscode.Uri.from({ scheme: JSON_SCHEME, path });
    const known = this.files.has(uri.path);
    this.files.set(uri.path, { data: new TextEncoder().encode(JSON.stringify(value, null, 2) + '\n'), mtime: Date.now() });
    this.changeEmitter.fire([{ type: known ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri }]);
    return uri;
  }

  async show(uri: vscode.Uri): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(uri);
    const jsonDocument = await vscode.languages.setTextDocumentLanguage(document, 'json');
    return vscode.window.showTextDocument(jsonDocument, { preview: true });
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const file = this.files.get(uri.path);
    if (!file) {
      throw vscode.FileSystemError.FileNotFound(uri);
    }
    return { type: vscode.FileType.File, ctime: file.mtime, mtime: file.mtime, size: file.data.byteLength, permissions: vscode.FilePermission.Readonly };
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const file = this.files.get(uri.path);
    if (!file) {
      // After a window reload the memory is empty; the item must be opened again from the tree.
      throw vscode.FileSystemError.FileNotFound(uri);
    }
    return file.data;
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(oldUri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(oldUri);
  }
}

function safeSegment(segment: string): string {
  const cleaned = segment.replace(/[\/\\\u0000-\u001f\u007f]/g, '_').trim();
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? '_' : cleaned;
}
