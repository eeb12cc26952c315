// Builds the whole compare page from the state: heading, notices, the table, the list of
// values the merge loses, and the merge button.
import { buildComparison, MERGE_FIELD_LABELS, type Comparison, type LostValue } from '../../merge';
import type { Contact } from '../../sinch/types';
import type { CompareState } from '../messages';
import { createElement, isolate } from './dom';
import { setL10nBundle, t, tNodes } from './l10n';
import { contactLabel, renderComparisonTable, type TableActions } from './table';

export interface PageActions extends TableActions {
  merge(destinationId: string, sourceIds: string[]): void;
}

export function renderPage(state: CompareState, notice: string | undefined, actions: PageActions): Node[] {
  setL10nBundle(state.l10n);
  const nodes: Node[] = [renderHeader(state)];

  // The status region exists from the start so screen readers announce later changes to it.
  nodes.push(createElement('p', { className: 'notice', attributes: { role: 'status' } }, notice ? [notice] : []));
  if (state.error) {
    nodes.push(createElement('p', { className: 'error', attributes: { role: 'alert' } }, [state.error]));
  }

  if (state.contacts.length === 0) {
    nodes.push(createElement('p', {}, [t('No contact holds this identity any more.')]));
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
    createElement(
      'p',
      { className: 'subtitle' },
      count === 1
        ? tNodes('Identity {0} on {1} · 1 contact', isolate(state.identity), state.channels.join(', ') || t('no channel'))
        : tNodes('Identity {0} on {1} · {2} contacts', isolate(state.identity), state.channels.join(', ') || t('no channel'), count),
    ),
  ]);
}

function renderLosses(comparison: Comparison, contacts: readonly Contact[]): HTMLElement {
  const section = createElement('section', { className: 'losses', attributes: { 'aria-labelledby': 'losses-heading' } }, [
    createElement('h2', { attributes: { id: 'losses-heading' } }, [t('What the merge drops')]),
  ]);

  const lost = comparison.prediction.lost;
  if (lost.length === 0) {
    section.append(createElement('p', {}, [t('Nothing: the kept contact will hold every value of the merged ones.')]));
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
  const name = isolate(contactLabel(source));

  if (value.kind === 'field') {
    const code = createElement('code', { attributes: { dir: 'auto' } }, [value.value]);
    return tNodes('{0} {1} from {2} ({3})', t(MERGE_FIELD_LABELS[value.field]), code, name, value.sourceId);
  }
  const code = createElement('code', { attributes: { dir: 'auto' } }, [value.identity]);
  return tNodes('{0} identity {1} from {2} ({3})', value.channel, code, name, value.sourceId);
}

function renderActions(comparison: Comparison, state: CompareState, actions: PageActions): HTMLElement {
  const sourceCount = comparison.sourceIds.length;
  if (sourceCount === 0) {
    return createElement('div', { className: 'actions' }, [
      createElement('p', { className: 'hint' }, [t('Only one contact is left, so there is nothing to merge.')]),
    ]);
  }
  const destination = state.contacts.find((contact) => contact.id === comparison.destinationId);

  const name = isolate(contactLabel(destination));
  const label = sourceCount === 1 ? tNodes('Merge 1 contact into {0}…', name) : tNodes('Merge {0} contacts into {1}…', sourceCount, name);
  const button = createElement('button', { className: 'primary', attributes: { type: 'button', 'data-focus-key': 'merge' } }, label);
  button.disabled = Boolean(state.merging);
  button.addEventListener('click', () => {
    // Disabled at once so a double click sends one request. The extension's next state re-enables it.
    button.disabled = true;
    actions.merge(comparison.destinationId, comparison.sourceIds);
  });

  const hint = state.merging
    ? t('Merging… Confirm or cancel in the dialog.')
    : t('VS Code asks for confirmation before anything changes. A merge cannot be undone.');

  return createElement('div', { className: 'actions' }, [button, createElement('p', { className: 'hint' }, [hint])]);
}
