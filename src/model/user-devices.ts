// Devices the user defines (name, kind, hashrate, watts, note): the checks a form and an imported
// file share, and the versioned JSON file they are exported to (docs/devices-schema.md). Pure data
// and checks: no DOM, no storage. Every failure is an InputError naming the field at fault.

import { DEVICE_KINDS, KIND_NAMES, type DeviceKind, type DeviceProfile } from './devices.js';
import { InputError, messageOf } from './validate.js';

export const USER_DEVICES_FORMAT = 'powlab-devices';
export const USER_DEVICES_VERSION = 1;

/** Above any device that exists (the whole Bitcoin network is ~1e21 H/s), low enough that every formula stays finite. */
export const MAX_USER_HASHRATE = 1e27;
/** A gigawatt: above any rig. */
export const MAX_USER_WATTS = 1e9;
export const MAX_NAME_LENGTH = 80;
export const MAX_NOTE_LENGTH = 500;
export const MAX_ID_LENGTH = 100;
/** Entries a file may hold. */
export const MAX_USER_DEVICES = 1000;

export interface UserDevice {
  id: string;
  name: string;
  kind: DeviceKind;
  /** Header hashes per second. */
  hashrate: number;
  watts: number | null;
  note: string;
}

export const HASHRATE_UNITS: readonly { unit: string; factor: number }[] = Object.freeze([
  { unit: 'H/s', factor: 1 },
  { unit: 'kH/s', factor: 1e3 },
  { unit: 'MH/s', factor: 1e6 },
  { unit: 'GH/s', factor: 1e9 },
  { unit: 'TH/s', factor: 1e12 },
  { unit: 'PH/s', factor: 1e15 },
  { unit: 'EH/s', factor: 1e18 },
]);

const NUMBER = /^\s*[+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i;

function quoted(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/** value text + unit → H/s; InputError(field) for negative, zero, NaN, 1e400, text, unknown unit, overflow after the unit. */
export function parseHashrateInput(value: string, unit: string, field: string): number {
  const u = HASHRATE_UNITS.find((x) => x.unit === unit) ?? HASHRATE_UNITS.find((x) => x.unit.toLowerCase() === String(unit).trim().toLowerCase());
  if (!u) throw new InputError(field, `unknown unit ${quoted(String(unit))} (units: ${HASHRATE_UNITS.map((x) => x.unit).join(', ')})`);
  const text = String(value);
  if (text.trim() === '') throw new InputError(field, 'enter a hashrate');
  if (/^\s*-/.test(text)) throw new InputError(field, `a hashrate cannot be negative, got ${quoted(text)}`);
  if (!NUMBER.test(text)) throw new InputError(field, `not a number: ${quoted(text)}`);
  const n = Number(text);
  if (!Number.isFinite(n)) throw new InputError(field, `too large to be a number: ${quoted(text)}`);
  if (n === 0) throw new InputError(field, 'a hashrate must be above 0');
  const rate = n * u.factor;
  if (!(rate <= MAX_USER_HASHRATE)) throw new InputError(field, `${text} ${u.unit} is above the largest hashrate accepted, ${MAX_USER_HASHRATE} H/s`);
  return rate;
}

/** Watts as typed: empty → null (unknown); otherwise a number above 0 and at most MAX_USER_WATTS. */
export function parseWattsInput(value: string, field: string): number | null {
  const text = String(value);
  if (text.trim() === '') return null;
  if (/^\s*-/.test(text)) throw new InputError(field, `watts cannot be negative, got ${quoted(text)}`);
  if (!NUMBER.test(text)) throw new InputError(field, `not a number: ${quoted(text)}`);
  const n = Number(text);
  if (!Number.isFinite(n)) throw new InputError(field, `too large to be a number: ${quoted(text)}`);
  if (n === 0) throw new InputError(field, 'watts must be above 0 (leave it empty when unknown)');
  if (n > MAX_USER_WATTS) throw new InputError(field, `${text} W is above the largest power accepted, ${MAX_USER_WATTS} W`);
  return n;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text ${quoted(value)}`;
  if (typeof value === 'number') return String(value);
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

function text(value: unknown, field: string, max: number, required: boolean): string {
  if (value === undefined && !required) return '';
  if (typeof value !== 'string') throw new InputError(field, `expected text, got ${describe(value)}`);
  const t = value.trim();
  if (required && t === '') throw new InputError(field, 'must not be empty');
  if (t.length > max) throw new InputError(field, `at most ${max} characters, got ${t.length}`);
  return t;
}

function slug(t: string): string {
  return t.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'device';
}

/** Checks one entry (from a form or a file); InputError naming the field ('id', 'name', 'kind', 'hashrate', 'watts', 'note'). */
export function checkUserDevice(raw: unknown): UserDevice {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new InputError('device', `expected an object, got ${describe(raw)}`);
  const r = raw as Record<string, unknown>;
  const name = text(r.name, 'name', MAX_NAME_LENGTH, true);
  const id = r.id === undefined ? `user-${slug(name)}` : text(r.id, 'id', MAX_ID_LENGTH, true);
  if (typeof r.kind !== 'string' || !DEVICE_KINDS.includes(r.kind as DeviceKind)) {
    throw new InputError('kind', `expected one of ${DEVICE_KINDS.map((k) => `"${k}" (${KIND_NAMES[k]})`).join(', ')}, got ${describe(r.kind)}`);
  }
  const h = r.hashrate;
  if (typeof h !== 'number' || Number.isNaN(h)) throw new InputError('hashrate', `expected a number of H/s, got ${describe(h)}`);
  if (h <= 0) throw new InputError('hashrate', `expected a hashrate above 0 H/s, got ${h}`);
  if (!(h <= MAX_USER_HASHRATE)) throw new InputError('hashrate', `expected at most ${MAX_USER_HASHRATE} H/s, got ${h}`);
  const w = r.watts === undefined ? null : r.watts;
  if (w !== null) {
    if (typeof w !== 'number' || Number.isNaN(w)) throw new InputError('watts', `expected a number of watts or null (unknown), got ${describe(w)}`);
    if (w <= 0) throw new InputError('watts', `expected watts above 0 (null when unknown), got ${w}`);
    if (!(w <= MAX_USER_WATTS)) throw new InputError('watts', `expected at most ${MAX_USER_WATTS} W, got ${w}`);
  }
  const note = text(r.note, 'note', MAX_NOTE_LENGTH, false);
  return { id, name, kind: r.kind as DeviceKind, hashrate: h, watts: w, note };
}

/** A whole file: wrong format/version or not JSON → throws InputError('file', …); bad entries are listed (index, name, why) and the rest returned. */
export function parseUserDevicesFile(text: string): { devices: UserDevice[]; problems: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError('file', `not JSON (${messageOf(error)})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new InputError('file', `expected an object with "format": "${USER_DEVICES_FORMAT}", got ${describe(data)}`);
  const d = data as Record<string, unknown>;
  if (d.format !== USER_DEVICES_FORMAT) throw new InputError('file', `not a PoW Lab devices file: "format" is ${describe(d.format)}, expected "${USER_DEVICES_FORMAT}"`);
  if (d.version !== USER_DEVICES_VERSION) throw new InputError('file', `version ${describe(d.version)} is not supported (this PoW Lab reads version ${USER_DEVICES_VERSION})`);
  if (!Array.isArray(d.devices)) throw new InputError('file', `"devices": expected a list, got ${describe(d.devices)}`);
  if (d.devices.length > MAX_USER_DEVICES) throw new InputError('file', `"devices": at most ${MAX_USER_DEVICES} entries, got ${d.devices.length}`);
  const devices: UserDevice[] = [];
  const problems: string[] = [];
  const ids = new Set<string>();
  d.devices.forEach((entry, i) => {
    const rawName = typeof entry === 'object' && entry !== null && typeof (entry as { name?: unknown }).name === 'string' ? ` (${quoted((entry as { name: string }).name)})` : '';
    try {
      const device = checkUserDevice(entry);
      if (ids.has(device.id)) throw new InputError('id', `${quoted(device.id)} appears twice`);
      ids.add(device.id);
      devices.push(device);
    } catch (error) {
      problems.push(`entry ${i + 1}${rawName}: ${messageOf(error)}`);
    }
  });
  return { devices, problems };
}

/** Pretty JSON of {format, version, devices}. */
export function userDevicesFile(devices: readonly UserDevice[]): string {
  const out = devices.map((u) => ({ id: u.id, name: u.name, kind: u.kind, hashrate: u.hashrate, watts: u.watts, note: u.note }));
  return `${JSON.stringify({ format: USER_DEVICES_FORMAT, version: USER_DEVICES_VERSION, devices: out }, null, 2)}\n`;
}

/** A user device as a catalogue-shaped row: source 'your own figure', confidence 'low', not measured. */
export function userDeviceProfile(u: UserDevice): DeviceProfile {
  return {
    id: u.id,
    name: u.name,
    maker: 'you',
    kind: u.kind,
    hashrate: u.hashrate,
    watts: u.watts,
    released: new Date().toISOString().slice(0, 7),
    source: 'your own figure',
    confidence: 'low',
    basis: u.note || 'entered by you',
    measured: false,
  };
}
