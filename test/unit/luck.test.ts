// Luck and solo odds: closed forms checked against independent arithmetic and against simulation.
import { describe, expect, it } from 'vitest';
import {
  BUNDLED_DIFFICULTY, expectedBlocks, expectedSecondsToBlock, firstBlockPercentiles, networkHashrate, poissonDistribution,
  poissonPmf, probabilityOfBlock, SECONDS_PER_DAY, SECONDS_PER_YEAR, soloOdds, timeToFirstBlock, toyDifficulty,
} from '../../src/sim/luck.js';
import { Random } from '../../src/sim/random.js';
import { difficultyFromBits } from '../../src/model/target.js';
import { isInputError } from '../../src/model/validate.js';

const CPU = 5e6; // a few MH/s: one browser on a laptop

describe('the bundled difficulty', () => {
  it('is what its nBits gives (Core’s GetDifficulty), and what miners logged that week', () => {
    expect(difficultyFromBits(BUNDLED_DIFFICULTY.bits)).toBe(BUNDLED_DIFFICULTY.difficulty);
    // Logged by miner firmware as 110451907374649.515625 (test-stratum-server README), a double.
    expect(BUNDLED_DIFFICULTY.difficulty).toBe(110451907374649.515625);
    expect(BUNDLED_DIFFICULTY.date).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(BUNDLED_DIFFICULTY.height % 2016).toBe(0); // a retarget height
  });

  it('means a network of about 790 EH/s at 600 s per block', () => {
    expect(networkHashrate(BUNDLED_DIFFICULTY.difficulty) / 1e18).toBeCloseTo(790.6, 0);
  });
});

describe('expected time and probabilities', () => {
  it('difficulty 1 at 2^32 / 600 H/s gives a block every 600 s', () => {
    expect(expectedSecondsToBlock(2 ** 32 / 600, 1)).toBeCloseTo(600, 9);
  });

  it('a browser against today’s network: tens of millions of years, odds that do not round to zero', () => {
    const odds = soloOdds(CPU, BUNDLED_DIFFICULTY.difficulty);
    const years = odds.expectedSeconds / SECONDS_PER_YEAR;
    expect(years).toBeGreaterThan(1e6);
    // Tiny but exact: lambda for a day, with 1 - e^-lambda ≈ lambda.
    const lambda = (CPU * SECONDS_PER_DAY) / (BUNDLED_DIFFICULTY.difficulty * 2 ** 32);
    expect(odds.day).toBeGreaterThan(0);
    expect(odds.day / lambda).toBeCloseTo(1, 9);
    expect(odds.year).toBeGreaterThan(odds.day);
    expect(odds.lifetime).toBeGreaterThan(odds.year);
    expect(odds.lifetime).toBeLessThan(1e-4);
  });

  it('P(at least one block) = 1 - e^-lambda, and percentiles invert it', () => {
    const h = 1e12;
    const d = 1e3;
    const mean = expectedSecondsToBlock(h, d);
    expect(probabilityOfBlock(h, d, mean)).toBeCloseTo(1 - Math.exp(-1), 12);
    const p = firstBlockPercentiles(h, d);
    expect(p.p50 / mean).toBeCloseTo(Math.LN2, 12);
    expect(p.p10).toBeLessThan(p.p50);
    expect(p.p50).toBeLessThan(p.p90);
    for (const q of [0.1, 0.5, 0.9]) expect(probabilityOfBlock(h, d, timeToFirstBlock(h, d, q))).toBeCloseTo(q, 12);
  });

  it('percentiles agree with sampled first-block times', () => {
    const h = 2e9;
    const d = 5;
    const mean = expectedSecondsToBlock(h, d);
    const r = new Random(21);
    const samples = Float64Array.from({ length: 50_000 }, () => r.exponential(mean)).sort();
    const p = firstBlockPercentiles(h, d);
    expect(samples[5_000]! / p.p10).toBeCloseTo(1, 1);
    expect(samples[25_000]! / p.p50).toBeCloseTo(1, 1);
    expect(samples[45_000]! / p.p90).toBeCloseTo(1, 1);
  });

  it('a toy target of 20 zero bits takes 2^20 hashes: a fraction of a second in a browser', () => {
    const toy = toyDifficulty(20);
    expect(toy.expectedHashes).toBe(2 ** 20);
    expect(toy.difficulty).toBe(2 ** 20 / 2 ** 32);
    expect(expectedSecondsToBlock(CPU, toy.difficulty)).toBeCloseTo(2 ** 20 / CPU, 9);
  });
});

describe('the Poisson distribution of blocks in a period', () => {
  it('has probabilities that sum to 1 and the right mean', () => {
    for (const lambda of [0.01, 1, 6.5, 144, 52_560]) {
      const { bars, rest } = poissonDistribution(lambda, 4001);
      const total = bars.reduce((s, b) => s + b.probability, 0);
      expect(total + rest).toBeCloseTo(1, 9);
      const mean = bars.reduce((s, b) => s + b.k * b.probability, 0);
      // Bars below 1e-6 are trimmed, which shifts the mean of tiny lambdas by about 1e-4.
      expect(mean / lambda).toBeCloseTo(1, 3);
    }
  });

  it('matches the textbook values', () => {
    expect(poissonPmf(0, 2)).toBeCloseTo(Math.exp(-2), 15);
    expect(poissonPmf(3, 2)).toBeCloseTo((8 / 6) * Math.exp(-2), 15);
    expect(poissonPmf(2.5, 2)).toBe(0);
    expect(poissonPmf(0, 0)).toBe(1);
  });

  it('keeps at most maxBars bars around the mode', () => {
    const { bars } = poissonDistribution(144, 41);
    expect(bars.length).toBeLessThanOrEqual(41);
    expect(bars.some((b) => b.k === 144)).toBe(true);
  });

  it('agrees with simulated counts: blocks per day at 144 a day', () => {
    const r = new Random(99);
    const days = 20_000;
    const counts = new Map<number, number>();
    for (let i = 0; i < days; i++) {
      let t = r.exponential(600);
      let k = 0;
      while (t < SECONDS_PER_DAY) {
        k++;
        t += r.exponential(600);
      }
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const lambda = expectedBlocks(2 ** 32 / 600, 1, SECONDS_PER_DAY);
    expect(lambda).toBeCloseTo(144, 9);
    for (const k of [130, 144, 160]) {
      const expected = poissonPmf(k, lambda) * days;
      expect(Math.abs((counts.get(k) ?? 0) - expected), `k=${k}`).toBeLessThan(5 * Math.sqrt(expected));
    }
  });
});

describe('bad input', () => {
  it.each([
    ['zero hashrate', () => expectedSecondsToBlock(0, 1), /hashrate/],
    ['negative difficulty', () => expectedSecondsToBlock(1, -1), /difficulty/],
    ['NaN hashrate', () => soloOdds(NaN, 1), /hashrate/],
    ['a probability of 1', () => timeToFirstBlock(1, 1, 1), /probability/],
    ['a negative duration', () => probabilityOfBlock(1, 1, -5), /seconds/],
    ['zero lifetime', () => soloOdds(1, 1, 0), /lifetimeYears/],
    ['256 zero bits', () => toyDifficulty(256), /zeroBits/],
  ] as const)('%s', (_name, call, message) => {
    let caught: unknown;
    try {
      call();
    } catch (error) {
      caught = error;
    }
    expect(isInputError(caught)).toBe(true);
    expect((caught as Error).message).toMatch(message);
  });
});
