// The extension-side model of one project, against the sandbox over real HTTP.
import * as assert from 'node:assert/strict';
import { startSandbox } from '../../src/sandbox';
import type { SandboxHandle } from '../../src/sandbox/api';
import { projectApiOf } from '../../src/session/connector';
import { clientFor } from './client-helpers';
import type { ProjectApi } from '../../src/tree/projectApi';
import { ProjectModel } from '../../src/tree/projectModel';

describe('project model', () => {
  let sandbox: SandboxHandle;
  let api: ProjectApi;

  before(async () => {
    sandbox = await startSandbox({ seed: 'large', largeConflicts: 65 });
    api = projectApiOf(clientFor(sandbox, { maxRetries: 0 }));
  });

  after(async () => {
    await sandbox.close();
  });

  beforeEach(() => {
    sandbox.control.reset('large', { largeConflicts: 65 });
  });

  function newModel(): ProjectModel {
    return new ProjectModel(async () => api);
  }

  it('loads one page of twenty per call', async () => {
    const model = newModel();
    assert.equal(model.untouched, true);
    await model.loadNextPage();
    assert.equal(model.conflictState().conflicts.length, 20);
    assert.equal(model.conflictState().complete, false);
    await model.loadNextPage();
    assert.equal(model.conflictState().conflicts.length, 40);
    assert.equal(sandbox.control.requests('listConflicts').length, 2);
  });

  it('shares one request among concurrent callers', async () => {
    const model = newModel();
    await Promise.all([model.loadNextPage(), model.loadNextPage(), model.loadNextPage()]);
    assert.equal(sandbox.control.requests('listConflicts').length, 1);
    assert.equal(model.conflictState().conflicts.length, 20);
  });

  it('loads all pages and reports progress', async () => {
    const model = newModel();
    const progress: number[] = [];
    await model.loadAll(undefined, (loaded) => progress.push(loaded));
    assert.deepEqual(progress, [20, 40, 60, 65]);
    assert.equal(model.conflictState().complete, true);
    assert.equal(new Set(model.conflictState().conflicts.map((conflict) => conflict.identity)).size, 65);
  });

  it('stops loading all on cancel and keeps what loaded', async () => {
    const model = newModel();
    const controller = new AbortController();
    await model.loadAll(controller.signal, (loaded) => {
      if (loaded >= 40) {
        controller.abort();
      }
    });
    const state = model.conflictState();
    assert.equal(state.conflicts.length, 40);
    assert.equal(state.complete, false);
    assert.equal(state.error, undefined, 'a cancel is recorded as a failure');
  });

  it('keeps loaded conflicts when a page fails', async () => {
    const model = newModel();
    await model.loadNextPage();
    sandbox.control.injectFault({ route: 'listConflicts', kind: 'status', status: 400 });
    await assert.rejects(model.loadNextPage());
    const failed = model.conflictState();
    assert.equal(failed.conflicts.length, 20);
    assert.ok(failed.error, 'the failure is not kept for the error node');

    await model.loadNextPage();
    const retried = model.conflictState();
    assert.equal(retried.conflicts.length, 40);
    assert.equal(retried.error, undefined);
  });

  it('reads contacts once and again when asked', async () => {
    const model = newModel();
    await model.loadNextPage();
    const conflict = model.conflictState().conflicts[0];
    const first = await model.loadContacts(conflict);
    assert.deepEqual(first.map((result) => result.status), ['fulfilled', 'fulfilled']);
    await model.loadContacts(conflict);
    assert.equal(sandbox.control.requests('getContact').length, 2, 'cached contacts were read again');
    await model.loadContacts(conflict, { fresh: true });
    assert.equal(sandbox.control.requests('getContact').length, 4);
  });

  it('rewrites conflicts after a merge', async () => {
    const model = newModel();
    await model.loadNextPage();
    const [first, second] = model.conflictState().conflicts;
    const changes: number[] = [];
    model.onDidChange(() => changes.push(model.conflictState().conflicts.length));

    model.removeConflict(first.identity);
    assert.equal(model.findConflict(first.identity), undefined);

    // Merging one contact of `second` into a contact of another conflict leaves `second` with one contact.
    model.replaceContacts([second.contact_ids[0]], second.contact_ids[1]);
    assert.equal(model.findConflict(second.identity), undefined);
    assert.equal(model.conflictState().conflicts.length, 18);
    assert.deepEqual(changes, [19, 18]);
  });

  it('forgets everything on reset', async () => {
    const model = newModel();
    await model.loadNextPage();
    await model.loadApps();
    model.reset();
    assert.equal(model.untouched, true);
    assert.equal(model.conflictState().conflicts.length, 0);
    assert.equal(model.appsState().status, 'idle');
  });
});
