// What the Devices screen keeps in this browser, one key per concept, each read through a parser
// that drops what it cannot trust (storage.ts never throws). The measured hashrate itself is the
// shared `powlab.lastHashrate` (measured-hashrate.ts); this screen only adds what the learner typed
// or loaded here.
import { parseBenchResult, type BenchResult } from '../../../model/bench-result.js';
import { checkUserDevice, MAX_USER_WATTS, type UserDevice } from '../../../model/user-devices.js';
import { MAX_RIG_COUNT } from '../../../sim/device-economics.js';
import { readStored, writeStored } from '../../shared/storage.js';

export const USER_DEVICES_KEY = 'powlab.devices.user';
export const WATTS_KEY = 'powlab.devices.watts';
export const BENCH_FILES_KEY = 'powlab.devices.benchResults';
export const RIGS_KEY = 'powlab.devices.rigs';

function listOf<T>(value: unknown, check: (entry: unknown) => T): T[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const kept: T[] = [];
  for (const entry of value) {
    try {
      kept.push(check(entry));
    } catch {
      // an entry written by another version, or edited by hand: left out, not trusted
    }
  }
  return kept;
}

export function readUserDevices(): UserDevice[] {
  return readStored(USER_DEVICES_KEY, (v) => listOf(v, checkUserDevice)) ?? [];
}

export function writeUserDevices(devices: readonly UserDevice[]): boolean {
  return writeStored(USER_DEVICES_KEY, devices);
}

/** Watts typed for measured rows, by row id. */
export function readTypedWatts(): Map<string, number> {
  const stored = readStored(WATTS_KEY, (v) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined));
  const watts = new Map<string, number>();
  for (const [id, w] of Object.entries(stored ?? {})) {
    if (typeof w === 'number' && Number.isFinite(w) && w > 0 && w <= MAX_USER_WATTS) watts.set(id, w);
  }
  return watts;
}

export function writeTypedWatts(watts: ReadonlyMap<string, number>): boolean {
  return writeStored(WATTS_KEY, Object.fromEntries(watts));
}

/** Benchmark result files loaded on this screen (each becomes a measured row). */
export function readBenchFiles(): BenchResult[] {
  return readStored(BENCH_FILES_KEY, (v) => listOf(v, (entry) => parseBenchResult(JSON.stringify(entry)))) ?? [];
}

export function writeBenchFiles(results: readonly BenchResult[]): boolean {
  return writeStored(BENCH_FILES_KEY, results);
}

export interface RigItem {
  deviceId: string;
  count: number;
}

export interface Rig {
  id: string;
  name: string;
  items: RigItem[];
}

function checkRig(value: unknown): Rig {
  const v = value as Partial<Rig> | null;
  if (typeof v !== 'object' || v === null || typeof v.id !== 'string' || typeof v.name !== 'string' || !Array.isArray(v.items)) throw new TypeError('not a rig');
  const items = v.items.filter(
    (i): i is RigItem => typeof i?.deviceId === 'string' && Number.isInteger(i.count) && i.count >= 1 && i.count <= MAX_RIG_COUNT,
  );
  return { id: v.id, name: v.name.slice(0, 80), items: items.map((i) => ({ deviceId: i.deviceId, count: i.count })) };
}

export function readRigs(): Rig[] | undefined {
  return readStored(RIGS_KEY, (v) => listOf(v, checkRig));
}

export function writeRigs(rigs: readonly Rig[]): boolean {
  return writeStored(RIGS_KEY, rigs);
}

/** A fresh id for something the learner creates here ("user-lq3k9x-4f"). */
export function newId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.floor(Math.random() * 36 ** 3).toString(36)}`;
}
