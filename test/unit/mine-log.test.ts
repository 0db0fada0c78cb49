// The "Mine a block" log: tolerant parsing of what localStorage holds, the cap, the per-difficulty
// summary with known answers, and the 1/sqrt(n) spread checked against simulated geometric waits.
import { describe, expect, it } from 'vitest';
import {
  appendMineLog, bitsOfTarget, MINE_LOG_LIMIT, parseMineLog, relativeSpread, spreadStatement, summarizeMineLog,
  type MineLogEntry,
} from '../../src/model/mine-log.js';
import { zeroBitsTarget } from '../../src/model/block.js';
import { Random } from '../../src/sim/random.js';
import { decodeCompact } from '../../src/model/target.js';

const DATE = '2025-01-12T10:00:00.000Z';
const entry = (bits: number, hashes: number, seconds: number, extra: Partial<MineLogEntry> = {}): MineLogEntry => ({
  bits, hashes, seconds, threads: 2, date: DATE, ...extra,
});

describe('bitsOfTarget', () => {
  it('gives the zero bits of a zero-bits target, and log2(2^256/(target+1)) to 2 decimals otherwise', () => {
    expect(bitsOfTarget(zeroBitsTarget(20))).toBe(20);
    expect(bitsOfTarget(zeroBitsTarget(1))).toBe(1);
    expect(bitsOfTarget(zeroBitsTarget(40))).toBe(40);
    // 3 × 2^236: 256 - (236 + log2 3) = 20 - 1.58496… = 18.415… → 18.42
    expect(bitsOfTarget(3n << 236n)).toBe(18.42);
    // The screen's default nBits 0x1f00ffff: target 0xffff × 2^224, just under 2^240 → 16.00
    expect(bitsOfTarget(decodeCompact(0x1f00ffff).target)).toBe(16);
    // Bitcoin's difficulty 1 (0x1d00ffff): 0xffff × 2^208 → 32.00
    expect(bitsOfTarget(decodeCompact(0x1d00ffff).target)).toBe(32);
    expect(bitsOfTarget(0n)).toBe(256);
    expect(bitsOfTarget((1n << 256n) - 1n)).toBe(0);
    expect(() => bitsOfTarget(-1n)).toThrow(RangeError);
    expect(() => bitsOfTarget(1n << 256n)).toThrow(RangeError);
  });
});

describe('parseMineLog', () => {
  it('reads a well-formed log back', () => {
    const log = [entry(16, 70000, 0.5), entry(18.42, 200000, 1.25, { work: 250000 })];
    expect(parseMineLog(JSON.stringify(log))).toEqual(log);
  });

  it('gives an empty log for nothing, bad JSON, or JSON that is not an array', () => {
    for (const raw of [null, undefined, '', '{', 'not json', '42', '"text"', '{"bits":16}', 'null']) {
      expect(parseMineLog(raw), String(raw)).toEqual([]);
    }
  });

  it('drops malformed entries and keeps the rest', () => {
    const good = entry(20, 1_000_000, 2);
    const raw = JSON.stringify([
      null, 7, 'x', [], {},
      { ...good, bits: -1 }, { ...good, bits: 300 }, { ...good, bits: 'NaN' },
      { ...good, hashes: 0 }, { ...good, hashes: '5' }, { ...good, seconds: -1 },
      { ...good, threads: 0 }, { ...good, threads: 1.5 }, { ...good, date: 'yesterday' }, { ...good, date: 5 },
      good,
    ]);
    expect(parseMineLog(raw)).toEqual([good]);
    // Infinity cannot come through JSON, but a value of 1e999 parses to it.
    expect(parseMineLog('[{"bits":16,"hashes":1e999,"seconds":1,"threads":1,"date":"2025-01-01"}]')).toEqual([]);
  });

  it('ignores an unusable work figure but keeps the entry', () => {
    const raw = JSON.stringify([{ ...entry(16, 1000, 1), work: 10 }, { ...entry(16, 1000, 1), work: 'lots' }]);
    expect(parseMineLog(raw)).toEqual([entry(16, 1000, 1), entry(16, 1000, 1)]);
  });

  it('keeps only the latest MINE_LOG_LIMIT entries', () => {
    const many = Array.from({ length: MINE_LOG_LIMIT + 50 }, (_, i) => entry(16, i + 1, 1));
    const log = parseMineLog(JSON.stringify(many));
    expect(log).toHaveLength(200);
    expect(log[0]!.hashes).toBe(51);
    expect(log[199]!.hashes).toBe(250);
  });
});

describe('appendMineLog', () => {
  it('appends without changing the input, caps at 200, and refuses a bad entry', () => {
    const before = [entry(16, 1, 1)];
    const after = appendMineLog(before, entry(17, 2, 1));
    expect(before).toHaveLength(1);
    expect(after.map((e) => e.bits)).toEqual([16, 17]);

    let log: MineLogEntry[] = [];
    for (let i = 1; i <= 205; i++) log = appendMineLog(log, entry(16, i, 1));
    expect(log).toHaveLength(MINE_LOG_LIMIT);
    expect(log[0]!.hashes).toBe(6);
    expect(() => appendMineLog([], entry(16, 0, 1))).toThrow(RangeError);
  });
});

describe('summarizeMineLog', () => {
  it('is empty for an empty log', () => {
    expect(summarizeMineLog([])).toEqual([]);
  });

  it('groups by bits in increasing order, with known means, ratios and times', () => {
    const rows = summarizeMineLog([
      entry(20, 2 ** 20, 4, { work: 2 ** 21 }),
      entry(16, 65536, 1),
      entry(16, 131072, 3),
    ]);
    expect(rows.map((r) => [r.bits, r.count])).toEqual([[16, 2], [20, 1]]);
    const [r16, r20] = rows as [NonNullable<(typeof rows)[0]>, NonNullable<(typeof rows)[0]>];
    expect(r16.meanHashes).toBe(98304);
    expect(r16.expectedHashes).toBe(65536);
    expect(r16.ratio).toBe(1.5);
    expect(r16.meanSeconds).toBe(2);
    expect(r16.hashrate).toBe(196608 / 4); // no work stored: hashes / seconds
    expect(r16.expectedSeconds).toBeCloseTo(4 / 3, 12);
    expect(r16.relativeSpread).toBeCloseTo(Math.SQRT1_2, 12);
    expect(r16.withinTwoSpreads).toBe(true);

    expect(r20.ratio).toBe(1);
    expect(r20.hashrate).toBe(2 ** 21 / 4); // the work done, not just the hashes up to the winner
    expect(r20.expectedSeconds).toBe(2);
    expect(r20.relativeSpread).toBe(1);
  });

  it('flags an average far outside the luck expected for n blocks, and leaves the hashrate unknown without time', () => {
    const rows = summarizeMineLog(Array.from({ length: 100 }, () => entry(10, 3 * 1024, 0)));
    expect(rows[0]!.ratio).toBe(3);
    expect(rows[0]!.relativeSpread).toBe(0.1);
    expect(rows[0]!.withinTwoSpreads).toBe(false);
    expect(rows[0]!.hashrate).toBe(0);
    expect(rows[0]!.expectedSeconds).toBeNaN();
  });
});

describe('relativeSpread', () => {
  it('is 1/sqrt(n)', () => {
    expect(relativeSpread(1)).toBe(1);
    expect(relativeSpread(4)).toBe(0.5);
    expect(relativeSpread(100)).toBe(0.1);
    expect(relativeSpread(0)).toBe(Infinity);
  });

  it('matches the spread of averages of simulated geometric waits', () => {
    // Waits for a hit with p = 2^-12, drawn by inversion; 2,000 averages of n = 16 each.
    const rng = new Random(7);
    const p = 2 ** -12;
    const n = 16;
    const means: number[] = [];
    for (let k = 0; k < 2000; k++) {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += Math.ceil(Math.log(1 - rng.nextFloat()) / Math.log(1 - p));
      means.push(sum / n / 2 ** 12);
    }
    const mean = means.reduce((a, b) => a + b, 0) / means.length;
    const sd = Math.sqrt(means.reduce((a, b) => a + (b - mean) ** 2, 0) / (means.length - 1));
    expect(mean).toBeGreaterThan(0.95);
    expect(mean).toBeLessThan(1.05);
    expect(sd / relativeSpread(n)).toBeGreaterThan(0.9);
    expect(sd / relativeSpread(n)).toBeLessThan(1.1);
  });

  it('reads as a sentence', () => {
    expect(spreadStatement(0)).toBe('No blocks yet.');
    expect(spreadStatement(1)).toContain('±100%');
    expect(spreadStatement(4)).toBe('With 4 blocks the average is typically within ±50% of 2^bits (relative spread 1/√4).');
    expect(spreadStatement(100)).toContain('±10%');
  });
});
