// The odds and economics tables start with the devices that tell the story, not all of them: every
// measured row and every device of the learner's own, then the oldest and the newest of each kind
// (from the catalogue's dates, so a new row changes the pick by itself) and the S21 the sentences
// compare with. A checkbox beside each table shows every device.
import type { DeviceProfile } from '../../../model/devices.js';
import { find } from '../../shared/dom.js';
import type { DeviceStore } from './store.js';

const ALWAYS = new Set(['s21']);

export function keyDevices(rows: readonly DeviceProfile[], own: ReadonlySet<string>): DeviceProfile[] {
  const picked = new Set<string>(ALWAYS);
  const catalogue = rows.filter((d) => !d.measured && !own.has(d.id));
  for (const kind of new Set(catalogue.map((d) => d.kind))) {
    const ofKind = catalogue.filter((d) => d.kind === kind);
    const byDate = [...ofKind].sort((a, b) => a.released.localeCompare(b.released) || a.hashrate - b.hashrate);
    picked.add(byDate[0]!.id);
    picked.add(byDate[byDate.length - 1]!.id);
  }
  return rows.filter((d) => d.measured || own.has(d.id) || picked.has(d.id));
}

/** The rows a table shows: the key devices, or all of them while its "every device" box is ticked. */
export function rowsToShow(panel: HTMLElement, testId: string, store: DeviceStore, redraw: () => void): () => readonly DeviceProfile[] {
  const all = find<HTMLInputElement>(panel, testId);
  const label = find(panel, `${testId}-count`);
  all.addEventListener('change', redraw);
  return () => {
    const rows = store.rows();
    label.textContent = String(rows.length);
    return all.checked ? rows : keyDevices(rows, new Set(store.userRows().map((d) => d.id)));
  };
}
