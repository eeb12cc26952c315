// The comparison table: a column per contact, a row per field or channel, and the predicted
// result in the last column. Differences and losses are marked by class and by visible text,
// so they do not depend on colour.
import type { Comparison, ComparisonCell, ComparisonRow, ComparisonValue } from '../../merge';
import type { Contact } from '../../sinch/types';
import { createElement, isolate } from './dom';
import { t, tNodes } from './l10n';

export interface TableActions {
  chooseDestination(contactId: string): void;
  openJson(contactId: string): void;
}

export interface TableOptions {
  comparison: Comparison;
  contacts: readonly Contact[];
  identity: string;
  /** Disables the radios while a merge runs. */
  disabled: boolean;
  actions: TableActions;
}

/** Returns the name to show for a contact. The server stores "Unknown" when none was given, so that shows as is. */
export function contactLabel(contact: Pick<Contact, 'display_name'> | undefined): string {
  return contact?.display_name ? contact.display_name : t('(no display name)');
}

export function renderComparisonTable(options: TableOptions): HTMLTableElement {
  const { comparison } = options;

  const caption = createElement(
    'caption',
    {},
    tNodes('Contacts that hold identity {0}. Choose the contact to keep. The others merge into it one at a time, from left to right.', isolate(options.identity)),
  );

  const table = createElement('table', { className: 'comparison' }, [
    caption,
    renderHead(options),
    createElement(
      'tbody',
      {},
      comparison.rows.map((row) => renderRow(row, comparison, options.contacts)),
    ),
  ]);
  return table;
}

function renderHead(options: TableOptions): HTMLTableSectionElement {
  const { comparison } = options;
  const cells: Node[] = [createElement('th', { className: 'field-heading', attributes: { scope: 'col' } }, [t('Field')])];

  for (const contact of options.contacts) {
    cells.push(renderContactHeading(contact, options));
  }

  const destination = options.contacts.find((contact) => contact.id === comparison.destinationId);
  cells.push(
    createElement('th', { className: 'result-heading', attributes: { scope: 'col' } }, [
      createElement('span', { className: 'contact-name' }, [t('Result')]),
      createElement('span', { className: 'result-note' }, tNodes('After merging into {0}', isolate(contactLabel(destination)))),
    ]),
  );

  return createElement('thead', {}, [createElement('tr', {}, cells)]);
}

function renderContactHeading(contact: Contact, options: TableOptions): HTMLTableCellElement {
  const isDestination = contact.id === options.comparison.destinationId;
  const radioId = `keep-${options.contacts.indexOf(contact)}`;

  const radio = createElement('input', {
    attributes: { type: 'radio', name: 'destination', id: radioId, 'data-focus-key': `keep:${contact.id}` },
  });
  radio.value = contact.id;
  radio.checked = isDestination;
  radio.disabled = options.disabled;
  radio.addEventListener('change', () => {
    if (radio.checked) {
      options.actions.chooseDestination(contact.id);
    }
  });

  const openJson = createElement(
    'button',
    { className: 'secondary', attributes: { type: 'button', 'data-focus-key': `json:${contact.id}` } },
    [t('Open JSON')],
  );
  openJson.addEventListener('click', () => options.actions.openJson(contact.id));

  const sourceIndex = options.comparison.sourceIds.indexOf(contact.id);
  const role = isDestination ? t('Kept') : t('Merged away ({0} of {1})', sourceIndex + 1, options.comparison.sourceIds.length);

  return createElement(
    'th',
    { className: isDestination ? 'contact-heading destination' : 'contact-heading', attributes: { scope: 'col' } },
    [
      createElement('span', { className: 'contact-name', attributes: { dir: 'auto' } }, [contactLabel(contact)]),
      createElement('span', { className: 'contact-id' }, [contact.id]),
      createElement('span', { className: isDestination ? 'role role-destination' : 'role role-source' }, [role]),
      createElement('label', { className: 'keep', attributes: { for: radioId } }, [radio, ' ', t('Keep this contact')]),
      openJson,
    ],
  );
}

function renderRow(row: ComparisonRow, comparison: Comparison, contacts: readonly Contact[]): HTMLTableRowElement {
  const heading = createElement('th', { attributes: { scope: 'row' } }, [
    createElement('span', { className: 'row-label', attributes: { dir: 'auto' } }, [t(row.label)]),
  ]);
  if (row.kind === 'identities') {
    heading.append(createElement('span', { className: 'row-kind' }, [t('identities')]));
  }
  if (row.differs) {
    heading.append(createElement('span', { className: 'differs-marker' }, [t('≠ differs')]));
  }

  const cells: Node[] = [heading];
  for (const cell of row.cells) {
    const isDestination = cell.contactId === comparison.destinationId;
    cells.push(renderCell(cell, row, isDestination ? 'destination' : 'source', contacts, comparison));
  }
  cells.push(renderCell(row.result, row, 'result', contacts, comparison));

  return createElement('tr', { className: row.differs ? 'differs' : 'same' }, cells);
}

function renderCell(
  cell: ComparisonCell,
  row: ComparisonRow,
  column: 'destination' | 'source' | 'result',
  contacts: readonly Contact[],
  comparison: Comparison,
): HTMLTableCellElement {
  const td = createElement('td', { className: `value-cell ${column}` });
  if (cell.values.length === 0) {
    td.append(createElement('span', { className: 'no-value' }, [t('(empty)')]));
    return td;
  }

  const list = createElement(row.kind === 'field' ? 'div' : 'ol', { className: 'values' });
  for (const value of cell.values) {
    const item = createElement(row.kind === 'field' ? 'div' : 'li', { className: 'value' });
    item.append(renderValueText(value));
    if (value.appId) {
      item.append(createElement('span', { className: 'note' }, [t('app {0}', value.appId)]));
    }
    if (value.empty) {
      item.append(createElement('span', { className: 'note' }, [t('counts as empty')]));
    }
    if (value.lost) {
      item.classList.add('lost');
      item.append(createElement('span', { className: 'lost-label' }, [t('lost')]));
    }
    if (column === 'result' && value.originId && value.originId !== comparison.destinationId) {
      const origin = contacts.find((contact) => contact.id === value.originId);
      item.classList.add('from-source');
      item.append(createElement('span', { className: 'origin-label' }, tNodes('from {0}', isolate(contactLabel(origin)))));
    }
    list.append(item);
  }
  td.append(list);
  return td;
}

function renderValueText(value: ComparisonValue): HTMLElement {
  const text = value.format === 'json'
    ? createElement('pre', { className: 'json', attributes: { dir: 'ltr' } }, [value.text])
    : createElement('span', { className: 'text', attributes: { dir: 'auto' } }, [value.text]);

  // A struck-through value reads as removed, and the "lost" label states it without styling.
  return value.lost ? createElement('del', {}, [text]) : text;
}
