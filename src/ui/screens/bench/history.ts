// Results kept in this browser (localStorage), newest first, and the last hashrate the Difficulty
// screen reads. Everything read back goes through parseBenchResult; a bad entry is dropped, not trusted.

import { bestRun, parseBenchResult, validateBenchResult, type BenchResult } from '../../../model/bench-result.js';

const HISTORY_KEY = 'powlab.benchHistory';
const LAST_HASHRATE_KEY = 'powlab.lastHashrate';
const MAX_ENTRIES = 50;

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // storage disabled (privacy settings): history simply stays empty
  }
}

export function loadHistory(): BenchResult[] {
  const raw = storage()?.getItem(HISTORY_KEY);
  if (!raw) return [];
  let entries: unknown;
  try {
    entries = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(entries)) return [];
  const results: BenchResult[] = [];
  for (const entry of entries) {
    try {
      results.push(parseBenchResult(JSON.stringify(entry)));
    } catch {
      // an entry from an older or damaged store: skipped
    }
  }
  return results;
}

function saveHistory(results: readonly BenchResult[]): boolean {
  try {
    storage()?.setItem(HISTORY_KEY, JSON.stringify(results.slice(0, MAX_ENTRIES)));
    return true;
  } catch {
    return false; // quota exceeded or storage disabled
  }
}

/** Adds a result at the front; returns the new history. */
export function addToHistory(result: BenchResult): BenchResult[] {
  validateBenchResult(result);
  const next = [result, ...loadHistory()].slice(0, MAX_ENTRIES);
  saveHistory(next);
  return next;
}

export function removeFromHistory(date: string): BenchResult[] {
  const next = loadHistory().filter((r) => r.date !== date);
  saveHistory(next);
  return next;
}

export function clearHistory(): void {
  try {
    storage()?.removeItem(HISTORY_KEY);
  } catch {
    // nothing to clear
  }
}

/** `powlab.lastHashrate` = {hashrate, threads, date}: the best run of the latest result. */
export function saveLastHashrate(result: BenchResult): void {
  const run = bestRun(result);
  try {
    storage()?.setItem(LAST_HASHRATE_KEY, JSON.stringify({ hashrate: run.hashrate, threads: run.threads, date: result.date }));
  } catch {
    // storage unavailable: the Difficulty screen will ask for a hashrate instead
  }
}
