// Where the "Mine a block" screen keeps the blocks it found (localStorage, powlab.mineLog) for the
// Difficulty screen to compare with the odds. The format and its checks are in model/mine-log.ts.

import { appendMineLog, MINE_LOG_KEY, mineLogFrom, type MineLogEntry } from '../../model/mine-log.js';
import { readStored, removeStored, watchStored, writeStored } from './storage.js';

/** The stored log; empty when storage is unavailable or holds something unusable. */
export function readMineLog(): MineLogEntry[] {
  return readStored(MINE_LOG_KEY, mineLogFrom) ?? [];
}

/** Appends one found block (keeping the latest 200); false if it could not be stored. */
export function recordMinedBlock(entry: MineLogEntry): boolean {
  try {
    return writeStored(MINE_LOG_KEY, appendMineLog(readMineLog(), entry));
  } catch {
    return false; // a malformed entry: the block still counts on its own screen
  }
}

export function clearMineLog(): boolean {
  return removeStored(MINE_LOG_KEY);
}

/** Calls `listener` whenever the log changes, in this tab or another. */
export function watchMineLog(listener: () => void): () => void {
  return watchStored(MINE_LOG_KEY, listener);
}
