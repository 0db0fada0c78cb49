// The GPU rate this browser last measured through WebGPU (the Benchmark screen's best run of its latest
// WebGPU-only result that is a score, so never an emulated adapter's), which Devices shows as "this
// GPU (measured)". Apart from powlab.lastHashrate: a GPU's rate is not the CPU's.
import type { AdapterFacts } from '../../model/bench-result.js';
import { readStored, watchStored, writeStored } from './storage.js';

const KEY = 'powlab.lastGpuHashrate';

export interface MeasuredGpu {
  hashrate: number;
  adapter: AdapterFacts;
  /** ISO date of the measurement. */
  date: string;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, 200) : '';
}

function parse(value: unknown): MeasuredGpu | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as { hashrate?: unknown; adapter?: Record<string, unknown>; date?: unknown };
  if (typeof v.hashrate !== 'number' || !Number.isFinite(v.hashrate) || !(v.hashrate > 0)) return undefined;
  const a = v.adapter;
  if (typeof a !== 'object' || a === null || a['isFallbackAdapter'] !== false) return undefined;
  return {
    hashrate: v.hashrate,
    adapter: { vendor: text(a['vendor']), architecture: text(a['architecture']), device: text(a['device']), description: text(a['description']), isFallbackAdapter: false },
    date: text(v.date),
  };
}

export function readMeasuredGpu(): MeasuredGpu | undefined {
  return readStored(KEY, parse);
}

export function saveMeasuredGpu(measured: MeasuredGpu): boolean {
  return writeStored(KEY, measured);
}

export function watchMeasuredGpu(listener: (measured: MeasuredGpu | undefined) => void): () => void {
  return watchStored(KEY, () => listener(readMeasuredGpu()));
}
