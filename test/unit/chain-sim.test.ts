// The chain simulation: its random sources (statistics on fixed seeds), its scenarios, and what the
// algorithms must do on them. Tolerances are several standard errors wide, and the seeds are fixed,
// so these pass or fail the same way on every run.
import { describe, expect, it } from 'vitest';
import {
  bitsForHashrate, checkSimConfig, parseHashrate, parseHashrateCsv, simulate, summarize, type SimConfig,
} from '../../src/sim/chain-sim.js';
import { bitsToTargetNumber } from '../../src/sim/daa/index.js';
import { Random } from '../../src/sim/random.js';
import { calculateNextWorkRequired } from '../../src/sim/retarget.js';
import { difficultyFromBits } from '../../src/model/target.js';
import { isInputError } from '../../src/model/validate.js';

const NETWORK = 8e20; // about Bitcoin's hashrate in 2025, H/s

function moments(values: Float64Array | number[]): { mean: number; variance: number } {
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / values.length;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  return { mean, variance: squares / (values.length - 1) };
}

describe('Random', () => {
  it('is reproducible from its seed and differs between seeds', () => {
    const a = new Random(42);
    const b = new Random(42);
    const c = new Random(43);
    const xs = Array.from({ length: 8 }, () => a.nextUint32());
    expect(Array.from({ length: 8 }, () => b.nextUint32())).toEqual(xs);
    expect(Array.from({ length: 8 }, () => c.nextUint32())).not.toEqual(xs);
  });

  it('gives uniform floats in [0, 1) with mean 1/2 and variance 1/12', () => {
    const r = new Random(1);
    const xs = Float64Array.from({ length: 200_000 }, () => r.nextFloat());
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const { mean, variance } = moments(xs);
    // Standard error of the mean: sqrt(1/12 / 200000) ≈ 0.00065.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.003);
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.002);
  });

  it('samples the exponential with the right mean and variance (mean², so CV 1)', () => {
    const r = new Random(7);
    const xs = Float64Array.from({ length: 200_000 }, () => r.exponential(600));
    const { mean, variance } = moments(xs);
    // SE of the mean: 600 / sqrt(200000) ≈ 1.34 s; of the variance: about 600² * sqrt(8/200000) ≈ 2277.
    expect(Math.abs(mean - 600)).toBeLessThan(6);
    expect(Math.abs(variance - 360_000)).toBeLessThan(12_000);
    // Memorylessness shows in the tail: P(X > 1800) = e^-3.
    const tail = xs.filter((x) => x > 1800).length / xs.length;
    expect(Math.abs(tail - Math.exp(-3))).toBeLessThan(0.003);
  });

  it.each([0.3, 4, 25, 1000])('samples Poisson(%d) with mean = variance = lambda', (lambda) => {
    const r = new Random(11);
    const ks = Array.from({ length: 100_000 }, () => r.poisson(lambda));
    expect(ks.every((k) => Number.isInteger(k) && k >= 0)).toBe(true);
    const { mean, variance } = moments(ks);
    const se = Math.sqrt(lambda / ks.length);
    expect(Math.abs(mean - lambda)).toBeLessThan(5 * se);
    expect(Math.abs(variance / lambda - 1)).toBeLessThan(0.03);
  });

  it('Poisson counts match the exact probabilities (chi-square, lambda 4)', () => {
    const r = new Random(3);
    const n = 100_000;
    const counts = new Array(12).fill(0);
    for (let i = 0; i < n; i++) counts[Math.min(11, r.poisson(4))]++;
    let chi = 0;
    let cumulative = 0;
    for (let k = 0; k < 12; k++) {
      let p: number;
      if (k < 11) {
        p = (Math.exp(-4) * 4 ** k) / [1, 1, 2, 6, 24, 120, 720, 5040, 40320, 362880, 3628800][k]!;
        cumulative += p;
      } else p = 1 - cumulative;
      chi += (counts[k] - n * p) ** 2 / (n * p);
    }
    // 11 degrees of freedom: the 99.9th percentile is 31.3.
    expect(chi).toBeLessThan(31.3);
  });
});

const base = (over: Partial<SimConfig> = {}): SimConfig => ({
  algorithms: ['bitcoin', 'asert', 'lwma', 'sma'],
  scenario: { kind: 'constant', hashrate: NETWORK },
  blocks: 20_160,
  seed: 1,
  ...over,
});

describe('simulate: constant hashrate', () => {
  const result = simulate(base({ keepChain: true }));

  it('keeps blocks about 600 s apart with exponential spread, for every algorithm', () => {
    for (const r of result.results) {
      // The standard error of a mean of 20,160 independent exponential intervals is 600 / sqrt(20160)
      // ≈ 4.2 s; algorithms that correct accumulated drift only shrink it. Four of those (16.9 s) hold
      // LWMA's known small bias too (+3.2..+3.9 s over seeds 1-8, the others within ±2.2 s).
      const standardError = 600 / Math.sqrt(20_160);
      expect(Math.abs(r.meanInterval - 600), r.algorithm).toBeLessThan(4 * standardError);
      expect(Math.abs(r.stdInterval / r.meanInterval - 1), r.algorithm).toBeLessThan(0.05);
      expect(Math.abs(r.finalDifficulty / r.initialDifficulty - 1), r.algorithm).toBeLessThan(0.2);
      expect(r.recovery).toBeNull();
    }
  });

  it('starts at the difficulty that suits the hashrate', () => {
    const d = difficultyFromBits(bitsForHashrate(NETWORK));
    expect(Math.abs((d * 2 ** 32) / NETWORK / 600 - 1)).toBeLessThan(1e-4);
    for (const r of result.results) expect(r.initialDifficulty).toBe(d);
  });

  it('is reproducible: the same seed gives the same chain, another seed another', () => {
    const again = simulate(base({ keepChain: true }));
    expect(again.results.map(summarize)).toEqual(result.results.map(summarize));
    const other = simulate(base({ seed: 2 }));
    expect(other.results[0]!.meanInterval).not.toBe(result.results[0]!.meanInterval);
  });

  it('keeps Bitcoin’s nBits within a period and retargets by Core’s rule between them', () => {
    const chain = result.results[0]!.chain!;
    // Simulated block k has height 2017 + k: periods change at k = 2015, 4031, ...
    for (let k = 1; k < 2015; k++) expect(chain.bits[k]).toBe(chain.bits[0]);
    // Core reads the first and last block of the period: heights 2016 (the start, time 0) and 4031.
    const expected = calculateNextWorkRequired(chain.bits[0]!, 1_000_000_000, 1_000_000_000 + Math.floor(chain.times[2014]!));
    expect(chain.bits[2015]).toBe(expected.bits);
    for (let k = 2016; k < 4031; k++) expect(chain.bits[k]).toBe(chain.bits[2015]);
  });

  it('writes whole-second timestamps that never go backwards', () => {
    for (const r of result.results) {
      const times = r.chain!.times;
      for (let k = 1; k < times.length; k++) {
        expect(Number.isInteger(times[k])).toBe(true);
        expect(times[k]!).toBeGreaterThanOrEqual(times[k - 1]!);
      }
    }
  });

  it('fills chart series and period means with finite numbers only', () => {
    for (const r of result.results) {
      expect(r.series.days.length).toBe(1000);
      for (const array of [...Object.values(r.series), r.periodMeanInterval]) {
        expect(Array.from(array).every(Number.isFinite), r.algorithm).toBe(true);
      }
      expect(r.periodMeanInterval.length).toBe(11); // 2015 + 9 x 2016 + 1 leftover block
      expect(r.series.days[999]).toBeCloseTo(r.duration / 86_400, 9);
    }
  });
});

describe('simulate: scenarios', () => {
  it('a sudden drop to half: every algorithm brings the difficulty down by about half; Bitcoin takes longest', () => {
    const result = simulate(base({ scenario: { kind: 'drop', hashrate: NETWORK, factor: 0.5, atDays: 20 }, blocks: 12_096 }));
    const byId = Object.fromEntries(result.results.map((r) => [r.algorithm, r]));
    for (const r of result.results) {
      expect(r.finalDifficulty / r.initialDifficulty, r.algorithm).toBeGreaterThan(0.35);
      expect(r.finalDifficulty / r.initialDifficulty, r.algorithm).toBeLessThan(0.7);
      expect(r.recovery?.eventDays).toBe(20);
      expect(r.recovery?.seconds, r.algorithm).not.toBeNull();
    }
    expect(byId.bitcoin!.recovery!.seconds!).toBeGreaterThan(byId.asert!.recovery!.seconds!);
    expect(byId.asert!.recovery!.seconds!).toBeGreaterThan(byId.lwma!.recovery!.seconds!);
    // Right after the drop Bitcoin's blocks take twice as long, until its next retarget.
    expect(byId.bitcoin!.worstPeriodDeviation).toBeGreaterThan(300);
    expect(byId.lwma!.worstPeriodDeviation).toBeLessThan(100);
  });

  it('a ramp to double: difficulty follows the hashrate up; Bitcoin lags, so its blocks come early', () => {
    const result = simulate(base({ scenario: { kind: 'ramp', hashrate: NETWORK, factor: 2, startDays: 5, days: 30 }, blocks: 12_096 }));
    for (const r of result.results) {
      expect(r.finalDifficulty / r.initialDifficulty, r.algorithm).toBeGreaterThan(1.6);
      expect(r.finalDifficulty / r.initialDifficulty, r.algorithm).toBeLessThan(2.5);
    }
    expect(result.results[0]!.meanInterval).toBeLessThan(570);
  });

  it('the hashrate schedule is exact: block counts per step match the step’s rate', () => {
    // Within Bitcoin's first period the difficulty is fixed, so blocks are a Poisson process whose
    // rate follows the hashrate: 144 a day at H, 576 a day at 4H, 36 a day at H/4.
    const result = simulate({
      algorithms: ['bitcoin'],
      scenario: { kind: 'series', points: [{ days: 0, hashrate: NETWORK }, { days: 2, hashrate: NETWORK * 4 }, { days: 3, hashrate: NETWORK / 4 }] },
      blocks: 2000,
      seed: 5,
      keepChain: true,
    });
    const times = result.results[0]!.chain!.times;
    expect(times[1999]).toBeGreaterThan(4 * 86_400);
    const count = (from: number, to: number) => times.filter((t) => t >= from * 86_400 && t < to * 86_400).length;
    for (const [from, to, expected] of [[0, 2, 288], [2, 3, 576], [3, 4, 36]] as const) {
      // Poisson: standard deviation sqrt(expected); allow 4 of them.
      expect(Math.abs(count(from, to) - expected), `days ${from}-${to}`).toBeLessThan(4 * Math.sqrt(expected));
    }
  });

  it('oscillation and profit switching produce finite results and move the difficulty', () => {
    const osc = simulate(base({ scenario: { kind: 'oscillation', hashrate: NETWORK, extra: 1, periodHours: 24, duty: 0.5 }, blocks: 6048 }));
    const sw = simulate(base({ scenario: { kind: 'switching', hashrate: NETWORK, extra: 2, threshold: 1.1 }, blocks: 12_096 }));
    for (const r of [...osc.results, ...sw.results]) {
      expect(Number.isFinite(r.meanInterval)).toBe(true);
      expect(r.recovery).toBeNull();
    }
    // Switchers join at once (difficulty 1.0 <= 1.1): Bitcoin's first period runs 3x too fast, its
    // retarget triples the difficulty (within the 4x clamp), and then they leave.
    const bitcoin = sw.results[0]!;
    expect(bitcoin.periodMeanInterval[0]!).toBeLessThan(250);
    expect(bitcoin.maxDifficulty / bitcoin.initialDifficulty).toBeGreaterThan(2.5);
    // ASERT hovers near the switching threshold instead of swinging.
    const asert = sw.results[1]!;
    expect(asert.maxDifficulty / asert.initialDifficulty).toBeLessThan(1.6);
  });

  it('reports progress up to the total, in order', () => {
    const seen: number[] = [];
    simulate(base({ blocks: 70_000, algorithms: ['asert', 'sma'] }), (done, total) => {
      expect(total).toBe(140_000);
      seen.push(done);
    });
    expect(seen.at(-1)).toBe(140_000);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });
});

describe('bad configurations are refused, naming the field', () => {
  const bad: [string, Partial<SimConfig>, RegExp][] = [
    ['no algorithm', { algorithms: [] }, /algorithms/],
    ['an unknown algorithm', { algorithms: ['eth' as never] }, /unknown algorithm/],
    ['zero blocks', { blocks: 0 }, /blocks/],
    ['fractional blocks', { blocks: 10.5 }, /blocks/],
    ['a negative seed', { seed: -1 }, /seed/],
    ['a zero hashrate', { scenario: { kind: 'constant', hashrate: 0 } }, /hashrate/],
    ['a NaN hashrate', { scenario: { kind: 'constant', hashrate: NaN } }, /hashrate/],
    ['a drop factor of 0', { scenario: { kind: 'drop', hashrate: NETWORK, factor: 0, atDays: 1 } }, /factor/],
    ['a negative drop day', { scenario: { kind: 'drop', hashrate: NETWORK, factor: 0.5, atDays: -1 } }, /atDays/],
    ['a zero-length ramp', { scenario: { kind: 'ramp', hashrate: NETWORK, factor: 2, startDays: 0, days: 0 } }, /days/],
    ['a duty of 1', { scenario: { kind: 'oscillation', hashrate: NETWORK, extra: 1, periodHours: 24, duty: 1 } }, /duty/],
    ['a zero period', { scenario: { kind: 'oscillation', hashrate: NETWORK, extra: 1, periodHours: 0, duty: 0.5 } }, /periodHours/],
    ['a negative threshold', { scenario: { kind: 'switching', hashrate: NETWORK, extra: 1, threshold: -1 } }, /threshold/],
    ['an empty series', { scenario: { kind: 'series', points: [] } }, /series/],
    ['an unsorted series', { scenario: { kind: 'series', points: [{ days: 2, hashrate: 1e9 }, { days: 1, hashrate: 1e9 }] } }, /series point 2 day/],
    ['an unknown scenario', { scenario: { kind: 'wobble' } as never }, /unknown kind/],
    ['a tiny LWMA window', { lwmaWindow: 1 }, /lwmaWindow/],
  ];
  it.each(bad)('%s', (_name, over, message) => {
    let caught: unknown;
    try {
      checkSimConfig(base(over));
    } catch (error) {
      caught = error;
    }
    expect(isInputError(caught)).toBe(true);
    expect((caught as Error).message).toMatch(message);
  });
});

describe('parsing user input', () => {
  it('reads hashrates with SI suffixes', () => {
    expect(parseHashrate('800e18')).toBe(8e20);
    expect(parseHashrate('800 EH/s')).toBe(8e20);
    expect(parseHashrate('1.5T')).toBe(1.5e12);
    expect(parseHashrate('250 kH/s')).toBe(250_000);
    for (const bad of ['', 'fast', '-5', '0', '1e400', 'NaN', '5 XH/s']) expect(() => parseHashrate(bad), bad).toThrow(/hashrate/);
    // A value too large for a double is reported as typed, never as "Infinity".
    expect(() => parseHashrate('1e400')).toThrow('hashrate: must be at most 1e+27, got "1e400"');
    // It must throw (a double overflows once the unit is applied), naming the field, without "Infinity".
    let message = '';
    try {
      parseHashrate('1e300 EH/s');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^hashrate: /);
    expect(message).not.toMatch(/Infinity/);
  });

  it('reads a CSV series with a header, comments and units, and reports bad lines by number', () => {
    const points = parseHashrateCsv('day,hashrate\n0, 800E\n# the 2021 ban\n30;400 EH/s\n60\t600e18\n');
    expect(points).toEqual([
      { days: 0, hashrate: 8e20 },
      { days: 30, hashrate: 4e20 },
      { days: 60, hashrate: 6e20 },
    ]);
    expect(() => parseHashrateCsv('0,1e20\n5,abc')).toThrow(/line 2/);
    expect(() => parseHashrateCsv('0,1e20\nx,1e20')).toThrow(/line 2: day/);
    expect(() => parseHashrateCsv('0,1e20,3')).toThrow(/two values/);
    expect(() => parseHashrateCsv('day,hashrate\n')).toThrow(/no data/);
    expect(() => parseHashrateCsv('1,1e20\n1,2e20')).toThrow(/twice/);
  });
});

it('the chart’s ideal-difficulty line is the hashrate at 600 s', () => {
  const r = simulate({ algorithms: ['sma'], scenario: { kind: 'constant', hashrate: NETWORK }, blocks: 500, seed: 9, points: 10 }).results[0]!;
  for (const ideal of r.series.idealDifficulty) expect(ideal).toBeCloseTo((NETWORK * 600) / 2 ** 32, -3);
  expect(bitsToTargetNumber(bitsForHashrate(1))).toBe(bitsToTargetNumber(0x1d00ffff));
});
