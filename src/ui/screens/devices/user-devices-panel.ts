// The learner's own devices: a form to add or edit one (name, kind, hashrate with its unit, watts,
// note), the list with Edit and Delete, and the JSON file they export to and import from
// (model/user-devices.ts checks every value and the file's format; a bad value is shown beside its
// field). Only the user-devices key is ever written here: an import changes nothing else.
import { KIND_NAMES, type DeviceKind } from '../../../model/devices.js';
import { checkUserDevice, HASHRATE_UNITS, parseHashrateInput, parseUserDevicesFile, parseWattsInput, userDevicesFile, type UserDevice } from '../../../model/user-devices.js';
import { cell, errorText, find, h } from '../../shared/dom.js';
import { downloadText } from '../../shared/download.js';
import { Fields } from '../../shared/fields.js';
import { formatPower, formatRate, plural } from '../../shared/format.js';
import type { DeviceStore } from './store.js';
import { newId } from './stored.js';

/** The model's field names → this form's test ids. */
const FIELD_IDS: Record<string, string> = {
  name: 'dv-ud-name',
  kind: 'dv-ud-kind',
  hashrate: 'dv-ud-hashrate',
  watts: 'dv-ud-watts',
  note: 'dv-ud-note',
  file: 'dv-ud-import',
};
const FORM_FIELDS = ['dv-ud-name', 'dv-ud-kind', 'dv-ud-hashrate', 'dv-ud-watts', 'dv-ud-note'];

/** A hashrate in the largest unit it reaches: 4.5e6 H/s → "4.5" MH/s. */
function inUnit(hashrate: number): { value: string; unit: string } {
  const unit = [...HASHRATE_UNITS].reverse().find((u) => hashrate >= u.factor) ?? HASHRATE_UNITS[0]!;
  return { value: String(Number((hashrate / unit.factor).toPrecision(12))), unit: unit.unit };
}

export function mountUserDevicesPanel(root: HTMLElement, store: DeviceStore): void {
  const panel = find(root, 'dv-user-panel');
  const fields = new Fields(panel, (field) => FIELD_IDS[field]);
  const form = find<HTMLFormElement>(panel, 'dv-ud-form');
  const unit = find<HTMLSelectElement>(panel, 'dv-ud-hashrate-unit');
  const save = find<HTMLButtonElement>(panel, 'dv-ud-save');
  const cancel = find<HTMLButtonElement>(panel, 'dv-ud-cancel');
  const status = find(panel, 'dv-ud-status');
  let editing: string | undefined;

  const resetForm = () => {
    editing = undefined;
    form.reset();
    for (const id of FORM_FIELDS) fields.get(id).clear();
    save.textContent = 'Add device';
    cancel.hidden = true;
  };

  const edit = (u: UserDevice) => {
    editing = u.id;
    const rate = inUnit(u.hashrate);
    fields.get('dv-ud-name').value = u.name;
    fields.get('dv-ud-kind').value = u.kind;
    fields.get('dv-ud-hashrate').value = rate.value;
    unit.value = rate.unit;
    fields.get('dv-ud-watts').value = u.watts === null ? '' : String(u.watts);
    fields.get('dv-ud-note').value = u.note;
    for (const id of FORM_FIELDS) fields.get(id).clear();
    save.textContent = 'Save changes';
    cancel.hidden = false;
    status.textContent = `Editing "${u.name}".`;
    fields.get('dv-ud-name').input.focus();
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    for (const id of FORM_FIELDS) fields.get(id).clear();
    const hashrate = fields.get('dv-ud-hashrate').read((text) => parseHashrateInput(text, unit.value, 'hashrate'));
    const watts = fields.get('dv-ud-watts').read((text) => parseWattsInput(text, 'watts'));
    let device: UserDevice;
    try {
      // Checked even when the hashrate or watts were refused, so every bad field shows at once.
      device = checkUserDevice({
        id: editing ?? newId('user'),
        name: fields.get('dv-ud-name').value,
        kind: fields.get('dv-ud-kind').value as DeviceKind,
        hashrate: hashrate ?? 1,
        watts: watts ?? null,
        note: fields.get('dv-ud-note').value,
      });
    } catch (error) {
      if (!fields.place(error)) status.textContent = errorText(error);
      return;
    }
    if (hashrate === undefined || watts === undefined) return;
    const list = store.userDevices();
    const replaced = list.some((u) => u.id === device.id);
    const next = replaced ? list.map((u) => (u.id === device.id ? device : u)) : [...list, device];
    if (!store.setUserDevices(next)) {
      status.textContent = 'This browser refused to store it (storage full or disabled).';
      return;
    }
    resetForm();
    status.textContent = replaced ? `Saved "${device.name}".` : `Added "${device.name}": it is in every chart and table now.`;
  });
  cancel.addEventListener('click', () => {
    resetForm();
    status.textContent = '';
  });

  const table = find<HTMLTableElement>(panel, 'dv-ud-table');
  const body = find(panel, 'dv-ud-body');
  const empty = find(panel, 'dv-ud-empty');
  const render = () => {
    const list = store.userDevices();
    table.hidden = list.length === 0;
    empty.hidden = list.length > 0;
    body.replaceChildren(
      ...list.map((u) => {
        const row = h('tr', { attrs: { 'data-testid': 'dv-ud-row', 'data-device-id': u.id } });
        cell(row, u.name, true);
        cell(row, KIND_NAMES[u.kind]);
        cell(row, formatRate(u.hashrate)).className = 'num';
        cell(row, u.watts === null ? 'unknown' : formatPower(u.watts)).className = 'num';
        cell(row, u.note);
        const editButton = h('button', { class: 'button button-small', text: 'Edit', attrs: { type: 'button', 'data-testid': 'dv-ud-edit' } });
        const deleteButton = h('button', { class: 'button button-small', text: 'Delete', attrs: { type: 'button', 'data-testid': 'dv-ud-delete' } });
        editButton.addEventListener('click', () => edit(u));
        deleteButton.addEventListener('click', () => {
          if (editing === u.id) resetForm();
          store.setUserDevices(store.userDevices().filter((x) => x.id !== u.id));
          status.textContent = `Deleted "${u.name}".`;
        });
        cell(row, '').append(h('span', { class: 'dv-row-actions' }, editButton, deleteButton));
        return row;
      }),
    );
  };
  store.onChange((change) => change === 'rows' && render());
  render();

  find(panel, 'dv-ud-export').addEventListener('click', () => downloadText('powlab-devices.json', userDevicesFile(store.userDevices())));
  mountImport(panel, store, fields);
}

function mountImport(panel: HTMLElement, store: DeviceStore, fields: Fields): void {
  const field = fields.get('dv-ud-import');
  const status = find(panel, 'dv-ud-import-status');
  field.input.addEventListener('change', async () => {
    const file = field.input.files?.[0];
    if (!file) return;
    field.clear();
    status.replaceChildren();
    try {
      const { devices, problems } = parseUserDevicesFile(await file.text());
      const mine = [...store.userDevices()];
      let replaced = 0;
      const renamed: string[] = [];
      for (const incoming of devices) {
        // A catalogue or measured row's id would make two rows one: the import gets an id of its own.
        const device = store.isTaken(incoming.id) ? { ...incoming, id: newId('user') } : incoming;
        if (device !== incoming) renamed.push(`"${incoming.name}" (id "${incoming.id}" is a listed device's; given ${device.id})`);
        const at = mine.findIndex((u) => u.id === device.id);
        if (at >= 0) {
          mine[at] = device;
          replaced++;
        } else mine.push(device);
      }
      if (devices.length > 0 && !store.setUserDevices(mine)) throw new Error('this browser refused to store them (storage full or disabled)');
      const lines = [`Loaded ${plural(devices.length, 'device', 'devices')} from ${file.name}${replaced > 0 ? ` (${replaced} replaced yours with the same id)` : ''}.`];
      if (renamed.length > 0) lines.push(`New ids for ${renamed.join('; ')}.`);
      status.append(...lines.map((text) => h('p', { class: 'hint', text })));
      if (problems.length > 0) {
        status.append(
          h('p', { class: 'dv-problems-title', text: `Skipped ${plural(problems.length, 'entry', 'entries')} with bad values:` }),
          h('ul', { class: 'dv-problems', attrs: { 'data-testid': 'dv-ud-import-problems' } }, ...problems.map((p) => h('li', { text: p }))),
        );
      }
    } catch (error) {
      if (!fields.place(error)) field.fail(`${file.name} was not loaded: ${errorText(error)}.`);
    }
    field.input.value = '';
  });
}
