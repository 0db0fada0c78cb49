// Panel 6: rigs, machines mining together (3 × S21 + 2 × RTX 4090 + this browser): each rig's
// machines with their counts, its total hashrate and power, and its odds and economics at the
// screen's difficulty and prices. Rigs are kept in this browser (stored.ts); until the learner
// changes anything, an example rig shows how one reads. A machine that is gone (a deleted device of
// their own, a browser not measured yet) stays listed and is left out of the totals, saying so.
import { KIND_NAMES, type DeviceProfile } from '../../../model/devices.js';
import { deviceFigures, MAX_RIG_COUNT, rigTotals } from '../../../sim/device-economics.js';
import { cell, find, h } from '../../shared/dom.js';
import { addTableExport } from '../../shared/export.js';
import { Field } from '../../shared/fields.js';
import { formatBigNumber, formatDuration, formatEfficiency, formatPower, formatProbability, formatRate } from '../../shared/format.js';
import { economicsCells } from './day-figures.js';
import { wholeNumber } from './parse.js';
import { BROWSER_ID, type DeviceStore } from './store.js';
import { newId, readRigs, writeRigs, type Rig } from './stored.js';
import { ENTER_WATTS } from './wording.js';

function exampleRig(): Rig {
  return {
    id: 'example',
    name: 'Example: a hybrid rig',
    items: [
      { deviceId: 's21', count: 3 },
      { deviceId: 'rtx4090', count: 2 },
      { deviceId: BROWSER_ID, count: 1 },
    ],
  };
}

export function mountRigsPanel(root: HTMLElement, store: DeviceStore): void {
  const panel = find(root, 'dv-rigs-panel');
  const list = find(panel, 'dv-rigs');
  let rigs: Rig[] = readRigs() ?? [exampleRig()];
  const cards = new Map<string, RigCard>();

  const save = () => writeRigs(rigs);
  const rebuild = () => {
    cards.clear();
    list.replaceChildren(
      ...rigs.map((rig) => {
        const card = new RigCard(rig, store, {
          changed: save,
          structure: () => {
            save();
            rebuild();
          },
          remove: () => {
            rigs = rigs.filter((r) => r !== rig);
            save();
            rebuild();
          },
        });
        cards.set(rig.id, card);
        return card.element;
      }),
    );
    if (rigs.length === 0) list.append(h('p', { class: 'hint', text: 'No rigs. Press New rig to combine machines.' }));
  };
  find(panel, 'dv-rig-new').addEventListener('click', () => {
    rigs = [...rigs, { id: newId('rig'), name: `Rig ${rigs.length + 1}`, items: [] }];
    save();
    rebuild();
    cards.get(rigs[rigs.length - 1]!.id)?.focusName();
  });
  store.onChange((change) => {
    if (change === 'rows') rebuild();
    else for (const card of cards.values()) card.refresh();
  });
  rebuild();
}

interface RigEvents {
  /** A count or the name changed: save, the card already shows it. */
  changed(): void;
  /** A machine was added or removed: save and draw the rig again. */
  structure(): void;
  remove(): void;
}

class RigCard {
  readonly element: HTMLElement;
  private readonly totals = h('dl', { class: 'dv-figures', attrs: { 'data-testid': 'dv-rig-totals' } });
  private readonly economics = h('tbody');
  private readonly note = h('p', { class: 'hint', attrs: { 'data-testid': 'dv-rig-note' } });
  private readonly name: HTMLInputElement;

  constructor(
    private readonly rig: Rig,
    private readonly store: DeviceStore,
    private readonly events: RigEvents,
  ) {
    const nameId = `dv-rig-name-${rig.id}`;
    this.name = h('input', { class: 'input', attrs: { id: nameId, type: 'text', maxlength: '80', autocomplete: 'off', 'data-testid': 'dv-rig-name' } });
    this.name.value = rig.name;
    this.name.addEventListener('input', () => {
      rig.name = this.name.value.slice(0, 80);
      events.changed();
    });
    const remove = h('button', { class: 'button button-small', text: 'Delete this rig', attrs: { type: 'button', 'data-testid': 'dv-rig-delete' } });
    remove.addEventListener('click', () => events.remove());
    const economics = h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'table', attrs: { 'data-testid': 'dv-rig-economics' } },
        h('caption', { class: 'visually-hidden', text: 'The rig a day' }),
        h('thead', {}, h('tr', {}, ...['Coins a day', 'Revenue a day', 'Electricity a day', 'Profit a day'].map((t) => h('th', { class: 'num', text: t, attrs: { scope: 'col' } })))),
        this.economics,
      ),
    );
    this.element = h(
      'article',
      { class: 'dv-rig', attrs: { 'data-testid': 'dv-rig', 'data-rig-id': rig.id } },
      h('div', { class: 'dv-rig-head' }, h('label', { class: 'field-label', text: 'Rig name', attrs: { for: nameId } }), this.name, remove),
      this.itemsTable(),
      this.addForm(),
      this.totals,
      economics,
      this.note,
    );
    // Rigs are drawn after the screen wired its tables, and again on every change of machines.
    const items = this.element.querySelector<HTMLTableElement>('table.dv-rig-items');
    if (items) addTableExport(items, { name: () => `rig ${rig.name} machines`, label: () => `machines of ${rig.name}` });
    addTableExport(economics.querySelector('table')!, { name: () => `rig ${rig.name} a day`, label: () => `${rig.name}, a day` });
    this.refresh();
  }

  focusName(): void {
    this.name.focus();
    this.name.select();
  }

  private itemsTable(): HTMLElement {
    const body = h('tbody');
    for (const item of this.rig.items) {
      const device = this.store.byId(item.deviceId);
      const row = h('tr', { attrs: { 'data-device-id': item.deviceId, 'data-testid': 'dv-rig-item' } });
      cell(row, device?.name ?? (item.deviceId === BROWSER_ID ? 'This browser (not measured yet)' : `${item.deviceId} (no longer listed)`), true);
      const countId = `dv-rig-count-${this.rig.id}-${item.deviceId}`;
      const input = h('input', {
        class: 'input input-mono dv-count',
        attrs: { id: countId, type: 'text', inputmode: 'numeric', autocomplete: 'off', 'aria-label': `How many ${device?.name ?? item.deviceId}`, 'aria-describedby': `${countId}-error`, 'data-testid': countId },
      });
      input.value = String(item.count);
      const error = h('span', { class: 'field-error', attrs: { id: `${countId}-error`, 'aria-live': 'polite', 'data-testid': `${countId}-error` } });
      const countCell = cell(row, '');
      countCell.append(input, error);
      const field = new Field(row, countId);
      input.addEventListener('input', () => {
        const count = field.read(wholeNumber('count', 1, MAX_RIG_COUNT));
        if (count === undefined) return;
        item.count = count;
        this.events.changed();
        this.refresh();
      });
      const drop = h('button', { class: 'button button-small', text: 'Remove', attrs: { type: 'button', 'data-testid': 'dv-rig-remove' } });
      drop.addEventListener('click', () => {
        this.rig.items = this.rig.items.filter((i) => i !== item);
        this.events.structure();
      });
      cell(row, '').append(drop);
      body.append(row);
    }
    const head = h('thead', {}, h('tr', {}, h('th', { text: 'Machine', attrs: { scope: 'col' } }), h('th', { text: 'How many', attrs: { scope: 'col' } }), h('th', { attrs: { scope: 'col' } }, h('span', { class: 'visually-hidden', text: 'Actions' }))));
    const table = h('table', { class: 'table dv-rig-items' }, h('caption', { class: 'visually-hidden', text: `Machines of ${this.rig.name}` }), head, body);
    return this.rig.items.length > 0 ? h('div', { class: 'table-wrap' }, table) : h('p', { class: 'hint', text: 'No machines yet: add some below.' });
  }

  private addForm(): HTMLElement {
    const selectId = `dv-rig-device-${this.rig.id}`;
    const countId = `dv-rig-add-count-${this.rig.id}`;
    const select = h('select', { class: 'input', attrs: { id: selectId, 'data-testid': 'dv-rig-device' } });
    const groups = new Map<string, DeviceProfile[]>();
    for (const d of this.store.rows()) {
      const group = d.measured ? 'measured' : this.store.userRows().some((u) => u.id === d.id) ? 'your own' : KIND_NAMES[d.kind];
      groups.set(group, [...(groups.get(group) ?? []), d]);
    }
    for (const [label, devices] of groups) select.append(h('optgroup', { attrs: { label } }, ...devices.map((d) => h('option', { text: d.name, attrs: { value: d.id } }))));
    const count = h('input', { class: 'input input-mono dv-count', attrs: { id: countId, type: 'text', inputmode: 'numeric', autocomplete: 'off', 'aria-describedby': `${countId}-error`, 'data-testid': 'dv-rig-add-count' } });
    count.value = '1';
    const error = h('p', { class: 'field-error', attrs: { id: `${countId}-error`, 'aria-live': 'polite', 'data-testid': 'dv-rig-add-count-error' } });
    const add = h('button', { class: 'button', text: 'Add to rig', attrs: { type: 'submit', 'data-testid': 'dv-rig-add' } });
    const form = h(
      'form',
      { class: 'form-fields dv-rig-add', attrs: { novalidate: '' } },
      h('div', { class: 'form-field form-field-wide' }, h('label', { class: 'field-label', text: 'Machine', attrs: { for: selectId } }), select),
      h('div', { class: 'form-field dv-count-field' }, h('label', { class: 'field-label', text: 'How many', attrs: { for: countId } }), count, error),
      h('div', { class: 'form-field dv-add-button' }, add),
    );
    const field = new Field(form, 'dv-rig-add-count');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const n = field.read(wholeNumber('count', 1, MAX_RIG_COUNT));
      if (n === undefined) return;
      const existing = this.rig.items.find((i) => i.deviceId === select.value);
      if (existing) existing.count = Math.min(MAX_RIG_COUNT, existing.count + n);
      else this.rig.items.push({ deviceId: select.value, count: n });
      this.events.structure();
    });
    return form;
  }

  /** Totals, odds and economics from the rig's counts and the screen's difficulty and prices. */
  refresh(): void {
    const present = this.rig.items.flatMap((i) => {
      const device = this.store.byId(i.deviceId);
      return device ? [{ device, count: i.count }] : [];
    });
    const missing = this.rig.items.filter((i) => !this.store.byId(i.deviceId));
    const add = (term: string, text: string, id: string) => this.totals.append(h('div', {}, h('dt', { text: term }), h('dd', { text, attrs: { 'data-testid': id } })));
    this.totals.replaceChildren();
    this.economics.replaceChildren();
    const notes: string[] = [];
    if (missing.length > 0) notes.push(`Left out of the totals: ${missing.map((i) => (i.deviceId === BROWSER_ID ? 'this browser (measure it above)' : `${i.deviceId} (no longer listed)`)).join(', ')}.`);
    if (present.length === 0) {
      this.note.textContent = [...notes, 'Add machines to see what the rig would make.'].join(' ');
      return;
    }
    const totals = rigTotals(present);
    const unknown = present.filter((i) => i.device.watts === null).map((i) => i.device);
    const measuredUnknown = unknown.some((d) => d.measured);
    const f = deviceFigures(totals, this.store.economics);
    add('Hashrate', formatRate(totals.hashrate), 'dv-rig-hashrate');
    add('Power', totals.watts === null ? (measuredUnknown ? ENTER_WATTS : 'unknown') : formatPower(totals.watts), 'dv-rig-watts');
    add('Efficiency', f.efficiency === null ? (measuredUnknown ? ENTER_WATTS : 'unknown') : formatEfficiency(f.efficiency), 'dv-rig-efficiency');
    add('Expected wait for a block', formatDuration(f.expectedSecondsToBlock), 'dv-rig-wait');
    add('P(block within a year)', formatProbability(f.pBlockPerYear), 'dv-rig-year');
    add('Per day', `1 in ${formatBigNumber(f.oneInNPerDay)}`, 'dv-rig-day');
    const row = h('tr');
    economicsCells(row, f, { watts: totals.watts, measured: measuredUnknown });
    this.economics.append(row);
    if (unknown.length > 0) notes.push(`Power unknown for ${unknown.map((d) => d.name).join(', ')}${measuredUnknown ? ': enter watts for measured rows above' : ''}, so the rig's power and electricity stay empty.`);
    this.note.textContent = notes.join(' ');
  }
}
