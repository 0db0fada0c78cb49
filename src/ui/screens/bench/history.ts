// Results kept in this browser, newest first. Everything read back goes through parseBenchResult; a
// bad entry is dropped, not trusted. (The hashrate other screens read is measured-hashrate.ts.)

import { parseBenchResult, validateBenchResult, type BenchResult } from '../../../model/bench-result.js';
import { readStored, removeStored, writeStored } from '../../shared/storage.js';

const HISTORY_KEY = 'powlab.benchHistory';
const MAX_ENTRIES = 50;

function parseHistory(value: unknown): BenchResult[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const results: BenchResult[] = [];
  for (const entry of value) {
    try {
      results.push(parseBenchResult(JSON.stringify(entry)));
    } catch {
      // an entry from an older or damaged store: skipped
    }
  }
  return results;
}

export function loadHistory(): BenchResult[] {
  return readStored(HISTORY_KEY, parseHistory) ?? [];
}

/** Adds a result at the front (storage full or disabled: the history simply does not grow). */
export function addToHistory(result: BenchResult): void {
  validateBenchResult(result);
  writeStored(HISTORY_KEY, [result, ...loadHistory()].slice(0, MAX_ENTRIES));
}

export function removeFromHistory(date: string): void {
  writeStored(HISTORY_KEY, loadHistory().filter((r) => r.date !== date));
}

export function clearHistory(): void {
  removeStored(HISTORY_KEY);
}
