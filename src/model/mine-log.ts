// The log of blocks found on the "Mine a block" screen, kept in localStorage so the Difficulty screen
// can set what the learner measured beside what the odds say. Pure: parsing (tolerant of corrupted
// or hand-edited storage), appending, and the per-difficulty summary with how much an average of n
// blocks is expected to wander from 2^bits.

/** The localStorage key the log lives under. */
export const MINE_LOG_KEY = 'powlab.mineLog';

/** Only the latest this many blocks are kept. */
export const MINE_LOG_LIMIT = 200;

export interface MineLogEntry {
  /**
   * The block's difficulty in bits: the required leading zero bits, or for an nBits target
   * log2(2^256 / (target + 1)) rounded to 2 decimals.
   */
  bits: number;
  /** Hashes tried for the block: the nonces scanned in order up to and including the one found. */
  hashes: number;
  /** Seconds spent mining it, pauses excluded. */
  seconds: number;
  threads: number;
  /** When it was found, as an ISO string. */
  date: string;
  /**
   * Optional: every hash the workers computed for it, including those of threads still busy past the
   * winning nonce. Gives the hashrate; `hashes` is what luck decided.
   */
  work?: number;
}

/** log2(2^256 / (target + 1)) rounded to 2 decimals: the difficulty in bits of any target. */
export function bitsOfTarget(target: bigint): number {
  if (target < 0n || target >= 1n << 256n) throw new RangeError(`target out of range: ${target.toString(16)}`);
  // log2(2^256 / (t + 1)) = 256 - log2(t + 1); log2 of a big integer from its top 53 bits.
  const t = target + 1n;
  const length = t.toString(2).length;
  const shift = Math.max(0, length - 53);
  const log2 = Math.log2(Number(t >> BigInt(shift))) + shift;
  return Math.round((256 - log2) * 100) / 100;
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** One stored entry if it is well formed, else undefined. */
export function parseEntry(value: unknown): MineLogEntry | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  if (!isCount(v['bits']) || v['bits'] > 256) return undefined;
  if (!isCount(v['hashes']) || v['hashes'] < 1) return undefined;
  if (!isCount(v['seconds'])) return undefined;
  if (!isCount(v['threads']) || !Number.isInteger(v['threads']) || v['threads'] < 1) return undefined;
  if (typeof v['date'] !== 'string' || Number.isNaN(Date.parse(v['date']))) return undefined;
  const entry: MineLogEntry = {
    bits: Math.round(v['bits'] * 100) / 100,
    hashes: v['hashes'],
    seconds: v['seconds'],
    threads: v['threads'],
    date: v['date'],
  };
  if (isCount(v['work']) && v['work'] >= v['hashes']) entry.work = v['work'];
  return entry;
}

/**
 * The log from its stored text: null, invalid JSON or a non-array give an empty log; malformed
 * entries are dropped and the rest kept; only the latest MINE_LOG_LIMIT survive.
 */
export function parseMineLog(raw: string | null | undefined): MineLogEntry[] {
  if (!raw) return [];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return [];
  }
  return mineLogFrom(value);
}

/** The log from an already parsed value: a non-array gives an empty log; malformed entries are dropped. */
export function mineLogFrom(value: unknown): MineLogEntry[] {
  if (!Array.isArray(value)) return [];
  const entries: MineLogEntry[] = [];
  for (const item of value) {
    const entry = parseEntry(item);
    if (entry) entries.push(entry);
  }
  return entries.slice(-MINE_LOG_LIMIT);
}

/** The log with `entry` appended, oldest dropped beyond MINE_LOG_LIMIT. Throws on a malformed entry. */
export function appendMineLog(log: readonly MineLogEntry[], entry: MineLogEntry): MineLogEntry[] {
  const checked = parseEntry(entry);
  if (!checked) throw new RangeError(`not a valid mine log entry: ${JSON.stringify(entry)}`);
  return [...log, checked].slice(-MINE_LOG_LIMIT);
}

/**
 * The relative standard deviation of the mean of n independent exponential (or, nearly, geometric)
 * waits: each wait's standard deviation equals its mean, so the average's is mean / sqrt(n).
 */
export function relativeSpread(n: number): number {
  if (!(n >= 1)) return Number.POSITIVE_INFINITY;
  return 1 / Math.sqrt(n);
}

export interface MineLogSummary {
  bits: number;
  /** Blocks found at this difficulty. */
  count: number;
  meanHashes: number;
  /** 2^bits. */
  expectedHashes: number;
  /** meanHashes / expectedHashes: 1 on average; luck moves it by about ±relativeSpread. */
  ratio: number;
  meanSeconds: number;
  /** Hashrate while mining these blocks: total work (or hashes where no work was stored) / total seconds. 0 if no time. */
  hashrate: number;
  /** expectedHashes / hashrate, or NaN when the hashrate is unknown. */
  expectedSeconds: number;
  /** 1 / sqrt(count). */
  relativeSpread: number;
  /** Whether the ratio lies within two relative spreads of 1 (about 95% of the time, for n of 5 or more). */
  withinTwoSpreads: boolean;
}

/** One row per difficulty seen, in increasing bits. */
export function summarizeMineLog(log: readonly MineLogEntry[]): MineLogSummary[] {
  const groups = new Map<number, MineLogEntry[]>();
  for (const entry of log) {
    const list = groups.get(entry.bits);
    if (list) list.push(entry);
    else groups.set(entry.bits, [entry]);
  }
  const rows: MineLogSummary[] = [];
  for (const [bits, entries] of groups) {
    const count = entries.length;
    let hashes = 0;
    let seconds = 0;
    let work = 0;
    for (const e of entries) {
      hashes += e.hashes;
      seconds += e.seconds;
      work += e.work ?? e.hashes;
    }
    const meanHashes = hashes / count;
    const expectedHashes = 2 ** bits;
    const ratio = meanHashes / expectedHashes;
    const hashrate = seconds > 0 ? work / seconds : 0;
    const spread = relativeSpread(count);
    rows.push({
      bits,
      count,
      meanHashes,
      expectedHashes,
      ratio,
      meanSeconds: seconds / count,
      hashrate,
      expectedSeconds: hashrate > 0 ? expectedHashes / hashrate : Number.NaN,
      relativeSpread: spread,
      withinTwoSpreads: Math.abs(ratio - 1) <= 2 * spread,
    });
  }
  return rows.sort((a, b) => a.bits - b.bits);
}

/** A sentence on how far the average of n blocks may honestly be from the expected figure. */
export function spreadStatement(n: number): string {
  if (!(n >= 1)) return 'No blocks yet.';
  const pct = Math.round(relativeSpread(n) * 100);
  return n === 1
    ? 'With 1 block the spread is as large as the expectation itself (±100%): one block says little.'
    : `With ${n} blocks the average is typically within ±${pct}% of 2^bits (relative spread 1/√${n}).`;
}
