import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './helpers';

describe('activation in the extension host', () => {
  it('activates the installed extension', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('runs on the Node of the host', () => {
    const major = Number(process.versions.node.split('.')[0]);
    assert.ok(major >= 20, `unexpected Node ${process.versions.node}`);
  });

  it('contributes the Sinch container and view', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    const contributes = extension?.packageJSON.contributes;
    assert.equal(contributes.viewsContainers.activitybar[0].id, 'sinchConflicts');
    assert.equal(contributes.views.sinchConflicts[0].id, 'sinchConflicts.explorer');
  });
});
