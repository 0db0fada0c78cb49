// The hashrate this browser last measured (the Benchmark screen's best run of its latest result),
// which Difficulty (luck), Pools & profit and Devices offer as "your device". One key, one shape.
import { readStored, watchStored, writeStored } from './storage.js';

const KEY = 'powlab.lastHashrate';

export interface MeasuredHashrate {
  /** Header hashes per second (median of the measurement windows). */
  hashrate: number;
  threads: number;
  /** ISO date of the measurement. */
  date: string;
}

function parse(value: unknown): MeasuredHashrate | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as { hashrate?: unknown; threads?: unknown; date?: unknown };
  if (typeof v.hashrate !== 'number' || !Number.isFinite(v.hashrate) || !(v.hashrate > 0)) return undefined;
  const threads = typeof v.threads === 'number' && Number.isInteger(v.threads) && v.threads > 0 ? v.threads : 1;
  return { hashrate: v.hashrate, threads, date: typeof v.date === 'string' ? v.date : '' };
}

export function readMeasuredHashrate(): MeasuredHashrate | undefined {
  return readStored(KEY, parse);
}

/** False when storage refused it (the other screens will then ask for a hashrate). */
export function saveMeasuredHashrate(measured: MeasuredHashrate): boolean {
  return writeStored(KEY, measured);
}

/** Calls `listener` with the new figure whenever a benchmark (in this tab or another) saves one. */
export function watchMeasuredHashrate(listener: (measured: MeasuredHashrate | undefined) => void): () => void {
  return watchStored(KEY, () => listener(readMeasuredHashrate()));
}
