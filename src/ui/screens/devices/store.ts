// The screen's one source of rows: the catalogue, the measured rows (this browser's last benchmark,
// benchmark files loaded here) with the watts the learner typed for them, and the learner's own
// devices; plus the economics every panel computes with. Every change goes through storage and comes
// back through its watcher, so another tab's benchmark or edit shows here too, and the panels redraw
// from one notification.
import type { BenchResult } from '../../../model/bench-result.js';
import { benchResultDevice, browserDevice, DEVICES, gpuDevice, type DeviceProfile } from '../../../model/devices.js';
import { userDeviceProfile, type UserDevice } from '../../../model/user-devices.js';
import { defaultEconomics, type EconomicsInput } from '../../../sim/device-economics.js';
import { readMeasuredGpu, watchMeasuredGpu, type MeasuredGpu } from '../../shared/measured-gpu.js';
import { readMeasuredHashrate, watchMeasuredHashrate, type MeasuredHashrate } from '../../shared/measured-hashrate.js';
import { watchStored } from '../../shared/storage.js';
import {
  BENCH_FILES_KEY,
  readBenchFiles,
  readTypedWatts,
  readUserDevices,
  USER_DEVICES_KEY,
  WATTS_KEY,
  writeBenchFiles,
  writeTypedWatts,
  writeUserDevices,
} from './stored.js';

/** 'rows': a device was added, removed or changed; 'economics': difficulty, price or the like. */
export type Change = 'rows' | 'economics';

export const BROWSER_ID = 'this-browser';
export const GPU_ID = 'this-gpu';

export class DeviceStore {
  private measured: MeasuredHashrate | undefined = readMeasuredHashrate();
  private measuredGpu: MeasuredGpu | undefined = readMeasuredGpu();
  private benchFiles: BenchResult[] = readBenchFiles();
  private user: UserDevice[] = readUserDevices();
  private watts: Map<string, number> = readTypedWatts();
  private economicsInput: EconomicsInput = defaultEconomics();
  private cache: DeviceProfile[] | undefined;
  private readonly listeners = new Set<(change: Change) => void>();

  constructor() {
    watchMeasuredHashrate((m) => {
      this.measured = m;
      this.changed('rows');
    });
    watchMeasuredGpu((m) => {
      this.measuredGpu = m;
      this.changed('rows');
    });
    watchStored(USER_DEVICES_KEY, () => {
      this.user = readUserDevices();
      this.changed('rows');
    });
    watchStored(BENCH_FILES_KEY, () => {
      this.benchFiles = readBenchFiles();
      this.changed('rows');
    });
    watchStored(WATTS_KEY, () => {
      this.watts = readTypedWatts();
      this.changed('rows');
    });
  }

  onChange(listener: (change: Change) => void): void {
    this.listeners.add(listener);
  }

  private changed(change: Change): void {
    if (change === 'rows') this.cache = undefined;
    for (const listener of this.listeners) listener(change);
  }

  /** Measured rows first (this browser, then loaded files), the learner's own, then the catalogue. */
  rows(): readonly DeviceProfile[] {
    this.cache ??= [...this.measuredRows(), ...this.userRows(), ...DEVICES];
    return this.cache;
  }

  byId(id: string): DeviceProfile | undefined {
    return this.rows().find((d) => d.id === id);
  }

  /** The last benchmark's figure as it was saved (hashrate, threads, date). */
  lastMeasurement(): MeasuredHashrate | undefined {
    return this.measured;
  }

  browser(): DeviceProfile | undefined {
    return this.measured ? browserDevice(this.measured, this.watts.get(BROWSER_ID) ?? null) : undefined;
  }

  /** This browser's GPU from its last WebGPU benchmark (never an emulated adapter's). */
  gpu(): DeviceProfile | undefined {
    return this.measuredGpu ? gpuDevice(this.measuredGpu, this.watts.get(GPU_ID) ?? null) : undefined;
  }

  measuredRows(): DeviceProfile[] {
    const browser = this.browser();
    const gpu = this.gpu();
    const files = this.benchFiles.map((r) => this.fileRow(r));
    return [...(browser ? [browser] : []), ...(gpu ? [gpu] : []), ...files];
  }

  private fileRow(result: BenchResult): DeviceProfile {
    const id = benchResultDevice(result, null).id;
    return benchResultDevice(result, this.watts.get(id) ?? null);
  }

  userRows(): DeviceProfile[] {
    return this.user.map(userDeviceProfile);
  }

  userDevices(): readonly UserDevice[] {
    return this.user;
  }

  get economics(): EconomicsInput {
    return this.economicsInput;
  }

  setEconomics(input: EconomicsInput): void {
    this.economicsInput = input;
    this.changed('economics');
  }

  /** Watts of a measured row as the learner typed them; null clears them. */
  setWatts(id: string, watts: number | null): boolean {
    const next = new Map(this.watts);
    if (watts === null) next.delete(id);
    else next.set(id, watts);
    return writeTypedWatts(next);
  }

  typedWatts(id: string): number | null {
    return this.watts.get(id) ?? null;
  }

  /** Adds a benchmark file's row; a file already loaded (same row id) is replaced. Returns the row. */
  addBenchFile(result: BenchResult): DeviceProfile {
    const id = benchResultDevice(result, null).id;
    writeBenchFiles([...this.benchFiles.filter((r) => benchResultDevice(r, null).id !== id), result]);
    return this.fileRow(result);
  }

  removeBenchFile(id: string): void {
    writeBenchFiles(this.benchFiles.filter((r) => benchResultDevice(r, null).id !== id));
    this.setWatts(id, null);
  }

  isBenchFile(id: string): boolean {
    return this.benchFiles.some((r) => benchResultDevice(r, null).id === id);
  }

  /** True when `id` names a catalogue or measured row (a user device must not take it). */
  isTaken(id: string): boolean {
    return id === BROWSER_ID || id === GPU_ID || DEVICES.some((d) => d.id === id) || this.benchFiles.some((r) => benchResultDevice(r, null).id === id);
  }

  /** Stores the learner's devices (the only key a devices file or the form writes). */
  setUserDevices(devices: readonly UserDevice[]): boolean {
    return writeUserDevices(devices);
  }
}
