// Where the "Mine a block" screen keeps the blocks it found (localStorage, powlab.mineLog) for the
// Difficulty screen to compare with the odds. The format and its checks are in sim/mine-log.ts.

import { appendMineLog, MINE_LOG_KEY, parseMineLog, type MineLogEntry } from '../../model/mine-log.js';

/** Fired on window in this tab when the log changes (the 'storage' event only reaches other tabs). */
export const MINE_LOG_EVENT = 'powlab:minelog';

/** The stored log; empty when storage is unavailable or holds something unusable. */
export function readMineLog(): MineLogEntry[] {
  try {
    return parseMineLog(localStorage.getItem(MINE_LOG_KEY));
  } catch {
    return [];
  }
}

function write(log: readonly MineLogEntry[]): boolean {
  try {
    if (log.length === 0) localStorage.removeItem(MINE_LOG_KEY);
    else localStorage.setItem(MINE_LOG_KEY, JSON.stringify(log));
  } catch {
    return false; // private mode or full storage: the block still counts on this screen
  }
  dispatchEvent(new Event(MINE_LOG_EVENT));
  return true;
}

/** Appends one found block (keeping the latest 200); false if it could not be stored. */
export function recordMinedBlock(entry: MineLogEntry): boolean {
  try {
    return write(appendMineLog(readMineLog(), entry));
  } catch {
    return false;
  }
}

export function clearMineLog(): boolean {
  return write([]);
}
