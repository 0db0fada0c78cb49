// The table beside the hashrate chart: one row per device (`tr[data-device-id]`, data-measured on
// measured rows), sortable by any column (the header buttons; aria-sort says which way), filtered
// by name and kind. Each device's name opens its source, date, confidence and basis.
import { efficiencyJPerTH, type DeviceProfile } from '../../../model/devices.js';
import { cell, find, h } from '../../shared/dom.js';
import { formatRate } from '../../shared/format.js';
import type { DeviceStore } from './store.js';
import { efficiencyText, kindName, wattsText } from './wording.js';

type SortKey = 'name' | 'kind' | 'hashrate' | 'watts' | 'efficiency' | 'released';

/** A row's value for a column; null (unknown watts) sorts last whichever way. */
const SORT_VALUE: Record<SortKey, (d: DeviceProfile) => number | string | null> = {
  name: (d) => d.name.toLowerCase(),
  kind: (d) => kindName(d),
  hashrate: (d) => d.hashrate,
  watts: (d) => d.watts,
  efficiency: (d) => efficiencyJPerTH(d),
  released: (d) => d.released,
};

/** Which way a column sorts on its first click: big numbers and new dates first. */
const FIRST_DIRECTION: Record<SortKey, 1 | -1> = { name: 1, kind: 1, hashrate: -1, watts: -1, efficiency: 1, released: -1 };

function compare(a: DeviceProfile, b: DeviceProfile, key: SortKey, direction: 1 | -1): number {
  const x = SORT_VALUE[key](a);
  const y = SORT_VALUE[key](b);
  if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
  return (x < y ? -1 : x > y ? 1 : 0) * direction;
}

function matches(d: DeviceProfile, text: string, kind: string, own: boolean): boolean {
  if (kind === 'measured' && !d.measured) return false;
  if (kind === 'yours' && !own) return false;
  if (kind !== 'all' && kind !== 'measured' && kind !== 'yours' && d.kind !== kind) return false;
  const t = text.trim().toLowerCase();
  return t === '' || `${d.name} ${d.maker}`.toLowerCase().includes(t);
}

/** The name cell: a disclosure whose body is where the figures come from. */
function aboutCell(row: HTMLTableRowElement, d: DeviceProfile): void {
  const about = h('dl', { class: 'dv-about' });
  const add = (term: string, text: string) => about.append(h('dt', { text: term }), h('dd', { text }));
  add('Source', d.source);
  add(d.measured ? 'Measured' : 'Released', d.released);
  add('Confidence', d.confidence);
  if (d.basis) add('Basis', d.basis);
  const details = h('details', { attrs: { 'data-testid': 'dv-about' } }, h('summary', { text: d.name }), about);
  const c = cell(row, '', true);
  c.append(details);
}

export function mountDeviceTable(panel: HTMLElement, store: DeviceStore): void {
  const body = find(panel, 'dv-table-body');
  const filter = find<HTMLInputElement>(panel, 'dv-filter');
  const kind = find<HTMLSelectElement>(panel, 'dv-filter-kind');
  const count = find(panel, 'dv-table-count');
  const headers = [...panel.querySelectorAll<HTMLTableCellElement>('th[data-sort-key]')];
  let key: SortKey = 'hashrate';
  let direction: 1 | -1 = -1;

  const render = () => {
    const own = new Set(store.userRows().map((d) => d.id));
    const all = store.rows();
    const shown = all.filter((d) => matches(d, filter.value, kind.value, own.has(d.id))).sort((a, b) => compare(a, b, key, direction));
    body.replaceChildren(
      ...shown.map((d) => {
        const row = h('tr', { attrs: { 'data-device-id': d.id, 'data-kind': d.kind, 'data-hashrate': String(d.hashrate), ...(d.measured ? { 'data-measured': 'true', class: 'dv-measured-row' } : {}) } });
        aboutCell(row, d);
        cell(row, own.has(d.id) ? `${kindName(d)}, yours` : kindName(d));
        cell(row, formatRate(d.hashrate)).className = 'num';
        cell(row, wattsText(d)).className = 'num';
        cell(row, efficiencyText(d)).className = 'num';
        cell(row, d.released).className = 'num';
        return row;
      }),
    );
    count.textContent = shown.length === all.length ? `${all.length} devices.` : `${shown.length} of ${all.length} devices match the filter.`;
    for (const th of headers) {
      if (th.dataset['sortKey'] === key) th.setAttribute('aria-sort', direction === 1 ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    }
  };

  for (const th of headers) {
    th.querySelector('button')!.addEventListener('click', () => {
      const next = th.dataset['sortKey'] as SortKey;
      direction = next === key ? (direction === 1 ? -1 : 1) : FIRST_DIRECTION[next];
      key = next;
      render();
    });
  }
  filter.addEventListener('input', render);
  kind.addEventListener('change', render);
  store.onChange((change) => change === 'rows' && render());
  render();
}
