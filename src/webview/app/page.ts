// Builds the whole compare page from the state: heading, notices, the table, the list of
// values the merge loses, and the merge button.
import { buildComparison, MERGE_FIELD_LABELS, type Comparison, type LostValue } from '../../merge';
import type { Contact } from '../../sinch/types';
import type { CompareState } from '../messages';
import { createElement, isolate } from './dom';
import { contactLabel, renderComparisonTable, type TableActions } from './table';

export interface PageActions extends TableActions {
  merge(destinationId: string, sourceIds: string[]): void;
}

export function renderPage(state: CompareState, notice: string | undefined, actions: PageActions): Node[] {
  const nodes: Node[] = [renderHeader(state)];

  // The status region exists from the start so screen readers announce later changes to it.
  nodes.push(createElement('p', { className: 'notice', attributes: { role: 'status' } }, notice ? [notice] : []));
  if (state.error) {
    nodes.push(createElement('p', { className: 'error', attributes: { role: 'alert' } }, [state.error]));
  }

  if (state.contacts.length === 0) {
    nodes.push(createElement('p', {}, ['No contact holds this identity any more.']));
    return nodes;
  }

  const comparison = buildComparison(state.contacts, chooseValidDestination(state));
  nodes.push(
    createElement('div', { className: 'table-scroll' }, [
      renderComparisonTable({
        comparison,
        contacts: state.contacts,
        identity: state.identity,
        disabled: Boolean(state.merging),
        actions,
      }),
    ]),
  );
  nodes.push(renderLosses(comparison, state.contacts));
  nodes.push(renderActions(comparison, state, actions));
  return nodes;
}

/** Returns the state's destination, or the first contact when a stale state names another. */
export function chooseValidDestination(state: CompareState): string {
  const known = state.contacts.some((contact) => contact.id === state.destinationId);
  return known ? state.destinationId : state.contacts[0].id;
}

function renderHeader(state: CompareState): HTMLElement {
  const count = state.contacts.length;
  return createElement('header', {}, [
    createElement('h1', { attributes: { dir: 'auto' } }, [state.title]),
    createElement('p', { className: 'subtitle' }, [
      'Identity ',
      isolate(state.identity),
      ` on ${state.channels.join(', ') || 'no channel'} · ${count} ${count === 1 ? 'contact' : 'contacts'}`,
    ]),
  ]);
}

function renderLosses(comparison: Comparison, contacts: readonly Contact[]): HTMLElement {
  const section = createElement('section', { className: 'losses', attributes: { 'aria-labelledby': 'losses-heading' } }, [
    createElement('h2', { attributes: { id: 'losses-heading' } }, ['What the merge drops']),
  ]);

  const lost = comparison.prediction.lost;
  if (lost.length === 0) {
    section.append(createElement('p', {}, ['Nothing: the kept contact will hold every value of the merged ones.']));
    return section;
  }

  const list = createElement('ul');
  for (const value of lost) {
    list.append(createElement('li', {}, describeLoss(value, contacts)));
  }
  section.append(list);
  return section;
}

function describeLoss(value: LostValue, contacts: readonly Contact[]): Array<Node | string> {
  const source = contacts.find((contact) => contact.id === value.sourceId);
  const from = [' from ', isolate(contactLabel(source)), ` (${value.sourceId})`];

  if (value.kind === 'field') {
    return [`${MERGE_FIELD_LABELS[value.field]} `, createElement('code', { attributes: { dir: 'auto' } }, [value.value]), ...from];
  }
  return [`${value.channel} identity `, createElement('code', { attributes: { dir: 'auto' } }, [value.identity]), ...from];
}

function renderActions(comparison: Comparison, state: CompareState, actions: PageActions): HTMLElement {
  const sourceCount = comparison.sourceIds.length;
  if (sourceCount === 0) {
    return createElement('div', { className: 'actions' }, [
      createElement('p', { className: 'hint' }, ['Only one contact is left, so there is nothing to merge.']),
    ]);
  }
  const destination = state.contacts.find((contact) => contact.id === comparison.destinationId);

  const button = createElement('button', { className: 'primary', attributes: { type: 'button', 'data-focus-key': 'merge' } }, [
    `Merge ${sourceCount} ${sourceCount === 1 ? 'contact' : 'contacts'} into `,
    isolate(contactLabel(destination)),
    '…',
  ]);
  button.disabled = Boolean(state.merging);
  button.addEventListener('click', () => {
    // Disabled at once so a double click sends one request. The extension's next state re-enables it.
    button.disabled = true;
    actions.merge(comparison.destinationId, comparison.sourceIds);
  });

  const hint = state.merging
    ? 'Merging… Confirm or cancel in the dialog.'
    : 'VS Code asks for confirmation before anything changes. A merge cannot be undone.';

  return createElement('div', { className: 'actions' }, [button, createElement('p', { className: 'hint' }, [hint])]);
}
