// Payout modules: the survivors of the second mutation run (docs/quality.md), each pinned by a known
// answer. Separate from payouts.mutants.test.ts so Stryker's incremental mode keeps that file's kills.
//
// Known answers: Rosenfeld 2011 (arXiv:1112.4980) for the formulas; the Lundberg root for
// paid / income = 0.5 is mpmath 1.3 (findroot of 1 - 0.5 x - e^-x, 30 digits): 1.5936242600400401.
import { describe, expect, it } from 'vitest';
import {
  hoppingExperiment, normalizeInput, ppsOperator, ppsRuinProbability, propHopperEfficiency, SCHEMES, scoreHopperEfficiency, simulatePayouts, type OperatorInput,
} from '../../src/sim/payouts/index.js';
import { histogram, runTrials } from '../../src/sim/payouts/model.js';
import { PplnsWindow } from '../../src/sim/payouts/pplns.js';
import type { Sampler } from '../../src/sim/samplers.js';

const UNIT = { hashrate: 2 ** 32, poolHashrate: 4 * 2 ** 32, difficulty: 8, shareDifficulty: 2, seconds: 16, subsidy: 3, fees: 1, poolFee: 0.25 };

/** |simulated - expected| within k standard errors of a mean of n draws with this standard deviation. */
function expectWithin(simulated: number, expected: number, stdev: number, n: number, k = 4): void {
  expect(Math.abs(simulated - expected)).toBeLessThanOrEqual((k * stdev) / Math.sqrt(n));
}

describe('scheme names and figures a learner reads', () => {
  it('labels each simulated result with its scheme', () => {
    for (const id of ['solo', 'prop', 'pplns', 'score'] as const) expect(simulatePayouts(id, { ...UNIT, trials: 20 }).scheme).toBe(id);
  });

  it('names every scheme', () => {
    expect(Object.fromEntries(Object.values(SCHEMES).map((s) => [s.id, s.name]))).toEqual({
      solo: 'Solo',
      prop: 'PROP (proportional)',
      pps: 'PPS (pay per share)',
      fpps: 'FPPS (full pay per share)',
      pplns: 'PPLNS (pay per last N shares)',
      score: 'SCORE (Slush’s method)',
    });
  });

  it('PPLNS per-share variance p B^2 / N scales with 1 / N (N = 8 here, not 4, so it is not 1)', () => {
    const a = SCHEMES.pplns.analytic(normalizeInput({ ...UNIT, windowFactor: 2 }));
    expect(a['window']).toBe(8);
    expect(a['perShareVariance']).toBe(0.75 * 0.75 * ((0.25 * 16) / 8));
  });
});

describe('P(no payout) where it is large: e^-1 with one expected share or block (Rosenfeld §1.2, §2.2)', () => {
  const trials = 4000;
  const sd = Math.sqrt(Math.exp(-1) * (1 - Math.exp(-1)));
  it('PPS: one expected share in the period', () => {
    const r = simulatePayouts('pps', { ...UNIT, hashrate: 2 ** 32 / 8, trials, seed: 5 });
    expect(r.analytic.pZero).toBe(Math.exp(-1));
    expectWithin(r.earnings.pZero, Math.exp(-1), sd, trials);
  });

  it('solo: one expected block in the period', () => {
    const r = simulatePayouts('solo', { ...UNIT, hashrate: 2 ** 31, trials, seed: 6 });
    expect(r.analytic.pZero).toBe(Math.exp(-1));
    expectWithin(r.earnings.pZero, Math.exp(-1), sd, trials);
  });
});

describe('means with a pool fee and several blocks per trial (Rosenfeld §1.3: (1 - f) h t B / (2^32 D) = 6 here)', () => {
  it('solo: 1 + Poisson(lambda (t - first) / t) blocks after the first, lambda = 1', () => {
    const r = simulatePayouts('solo', { ...UNIT, hashrate: 2 ** 31, trials: 4000, seed: 8 });
    expect(r.analytic.mean).toBe(3);
    expectWithin(r.earnings.mean, 3, r.analytic.stdev, 4000);
  });

  it('prop keeps (1 - f) of each block', () => {
    const r = simulatePayouts('prop', { ...UNIT, trials: 4000, seed: 9 });
    expect(r.analytic.mean).toBe(6);
    expectWithin(r.earnings.mean, 6, r.earnings.stdev, 4000);
  });

  it('pplns: paid within the period, its first payout no later than the period ends', () => {
    const r = simulatePayouts('pplns', { ...UNIT, trials: 2000, seed: 10 });
    expectWithin(r.earnings.mean, 6, r.earnings.stdev, 2000);
    expect(r.firstPayout.pWithinPeriod).toBeGreaterThan(0.9);
    expect(r.firstPayout.meanSeconds!).toBeLessThan(16);
    expect(r.firstPayout.medianSeconds!).toBeLessThan(16);
  });
});

describe('the PPS operator', () => {
  // 2^33 H/s at difficulty 4: a block every 2 s, five in the 10 s period.
  const op = (extra: Partial<OperatorInput> = {}): OperatorInput => ({
    poolHashrate: 2 ** 33, difficulty: 4, subsidy: 3, fees: 1, poolFee: 0.25, paysFees: false, reserves: 5, seconds: 10, trials: 2001, seed: 7, ...extra,
  });

  it('expects reserves + blocks (income - paid), and the simulated mean agrees', () => {
    const r = ppsOperator(op());
    expect(r.analytic.meanBalance).toBe(5 + 5 * (4 - 2.25));
    // The balance is reserves - paid x 5 + 4 x Poisson(5): standard deviation 4 sqrt(5).
    expectWithin(r.balance.mean, r.analytic.meanBalance, 4 * Math.sqrt(5), 2001);
  });

  it('is ruined exactly when the first block comes after a quarter block of work: e^-1/4, including a dip at the very end', () => {
    // One block a second, half a second long, reserves of a quarter block's payout (2.25 / 4).
    const r = ppsOperator(op({ poolHashrate: 2 ** 32, difficulty: 1, seconds: 0.5, reserves: 2.25 / 4, trials: 4000 }));
    const p = Math.exp(-0.25);
    expectWithin(r.ruin, p, Math.sqrt(p * (1 - p)), 4000);
  });

  it('the Lundberg root where the bisection must search past 1 (paid / income = 0.5)', () => {
    expect(ppsRuinProbability(1, 1, 0.5).exact).toBeCloseTo(Math.exp(-1.5936242600400401), 12);
  });

  it('reports progress ending at 1 for any trial count, with 40 histogram bins unless asked', () => {
    const seen: number[] = [];
    const r = ppsOperator(op({ trials: 150 }), (f) => seen.push(f));
    expect(seen).toHaveLength(50);
    expect(seen[0]).toBe(3 / 150);
    expect(seen.at(-1)).toBe(1);
    expect(r.balance.histogram.counts).toHaveLength(40);
    expect(ppsOperator(op({ trials: 150, bins: 7 })).balance.histogram.counts).toHaveLength(7);
  });
});

describe('trial loop and histogram', () => {
  it('runTrials reports progress ending at 1 when the step does not divide the trials evenly', () => {
    const seen: number[] = [];
    runTrials({ ...normalizeInput(UNIT), trials: 150 }, () => {}, (f) => seen.push(f));
    expect(seen).toHaveLength(50);
    expect(seen[0]).toBe(3 / 150);
    expect(seen.at(-1)).toBe(1);
  });

  it('histogram bins start at the minimum, not at zero', () => {
    expect(histogram(Float64Array.of(1, 2, 3, 4, 5), 2)).toEqual({ min: 1, width: 2, counts: [2, 3] });
    expect(histogram(Float64Array.of(-3, -1), 2)).toEqual({ min: -3, width: 1, counts: [1, 1] });
  });
});

describe('PplnsWindow', () => {
  it('draws a Binomial by default, and reset forgets every segment', () => {
    const calls: number[][] = [];
    const sampler = { binomial: (n: number, p: number) => (calls.push([n, p]), 1) } as unknown as Sampler;
    const w = new PplnsWindow(sampler, 4);
    w.add(0, 8, 10);
    expect(w.slideTo(10)).toBe(1);
    expect(calls).toEqual([[10, 0.25]]);
    w.reset();
    expect(w.inWindow).toBe(0);
    w.add(20, 21, 3);
    expect(w.slideTo(21)).toBe(3);
  });
});

describe('pool hopping: what the steady miners lose is what the hopper gains', () => {
  it('PROP steady miners get (1 - H s (1 - e^-t)) / (1 - s (1 - e^-t)) per share (the reward is conserved)', () => {
    // Hopper fraction 0.25 of the steady miners: s = 0.2 of the work while it is in; it stays t = 0.435 D.
    const t = 0.435;
    const s = 0.25 / 1.25;
    const present = 1 - Math.exp(-t); // E[min(L, t)] for L ~ Exp(1)
    const expected = (1 - propHopperEfficiency(t) * s * present) / (1 - s * present);
    const r = hoppingExperiment({ threshold: t, hopperFraction: 0.25, windowFactor: 1, rounds: 100_000, seed: 12 });
    expect(Math.abs(r.prop.steady - expected)).toBeLessThan(0.01);
  });

  it('SCORE with a slow decay (r = 1 D): the simulated hopper agrees with the closed form', () => {
    const r = hoppingExperiment({ threshold: 0.435, hopperFraction: 0.25, windowFactor: 1, scoreDecay: 1, rounds: 100_000, seed: 13 });
    expect(Math.abs(r.score.hopper / scoreHopperEfficiency(0.435, 1) - 1)).toBeLessThan(0.02);
  });

  it('PPLNS pays a hopper that never leaves its fair share with a window of 2 D as with 1 D', () => {
    const r = hoppingExperiment({ threshold: 1e9, hopperFraction: 0.5, windowFactor: 2, rounds: 2000, seed: 3 });
    expect(Math.abs(r.pplns.hopper - r.prop.hopper)).toBeLessThan(0.01);
    expect(Math.abs(r.pplns.steady - r.prop.steady)).toBeLessThan(0.01);
  });
});
