// Payout schemes: closed forms from Rosenfeld 2011 (arXiv:1112.4980) and the Monte Carlo checked
// against them with fixed seeds. Tolerances are a few standard errors of the simulated figure, so a
// wrong formula or a biased sampler fails while the seeded run itself never flakes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInputError } from '../../src/model/validate.js';
import {
  hoppingExperiment, normalizeInput, ppsOperator, ppsReserves, ppsRuinProbability, propHopperEfficiency, SCHEME_IDS, SCHEMES,
  simulatePayouts, type PayoutInput, type SchemeId,
} from '../../src/sim/payouts/index.js';
import { expIntegralE1, propHoppingThreshold, propShareValue } from '../../src/sim/payouts/hopping.js';
import { Sampler } from '../../src/sim/samplers.js';
import { scoreHopperEfficiency, scoreHoppingThreshold, scoreShareValue, streamScore } from '../../src/sim/payouts/score.js';

// Rosenfeld's worked example (§1.2): 1 GH/s for a day at difficulty 1,690,906, 50 BTC blocks.
const EXAMPLE = { hashrate: 1e9, difficulty: 1_690_906, subsidy: 50, seconds: 86_400 };

function moments(draw: () => number, n: number): { mean: number; variance: number } {
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    sum += x;
    squares += x * x;
  }
  const mean = sum / n;
  return { mean, variance: (squares - n * mean * mean) / (n - 1) };
}

/** |simulated mean - expected| within k standard errors. */
function expectMean(simulated: number, expected: number, stdev: number, trials: number, k = 4): void {
  expect(Math.abs(simulated - expected)).toBeLessThanOrEqual((k * stdev) / Math.sqrt(trials) + 1e-12 * Math.abs(expected));
}

describe('samplers', () => {
  it('Poisson, Binomial and Gamma have the right mean and variance in every regime', () => {
    const s = new Sampler(42);
    for (const lambda of [0.3, 4, 50, 5e5, 3e6, 1e12]) {
      const m = moments(() => s.poisson(lambda), 20_000);
      expectMean(m.mean, lambda, Math.sqrt(lambda), 20_000);
      expect(m.variance / lambda).toBeGreaterThan(0.95);
      expect(m.variance / lambda).toBeLessThan(1.05);
    }
    // Small n (Bernoulli), small mean (waiting), mirrored, the Beta recursion, and the normal limit.
    for (const [n, p] of [[30, 0.4], [1000, 0.002], [1000, 0.998], [5000, 0.3], [123_457, 0.61], [1e7, 0.5], [1e13, 0.25]] as const) {
      const m = moments(() => s.binomial(n, p), 20_000);
      const variance = n * p * (1 - p);
      expectMean(m.mean, n * p, Math.sqrt(variance), 20_000);
      expect(m.variance / variance).toBeGreaterThan(0.95);
      expect(m.variance / variance).toBeLessThan(1.05);
    }
    for (const shape of [0.3, 1, 7.5, 1e4]) {
      const m = moments(() => s.gamma(shape, 2), 20_000);
      expectMean(m.mean, 2 * shape, 2 * Math.sqrt(shape), 20_000);
      expect(m.variance / (4 * shape)).toBeGreaterThan(0.94);
      expect(m.variance / (4 * shape)).toBeLessThan(1.06);
    }
  });

  it('binomial counts stay within 0..n', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer(), (n, p, seed) => {
        const k = new Sampler(seed).binomial(n, p);
        return Number.isInteger(k) && k >= 0 && k <= n;
      }),
      { numRuns: 300 },
    );
  });
});

describe('closed forms', () => {
  it("reproduce Rosenfeld's solo example: 0.0119 blocks, 0.595 BTC a day, stdev 5.45, 1.18% chance", () => {
    const a = SCHEMES.solo.analytic(normalizeInput(EXAMPLE));
    expect(a['expectedBlocks']).toBeCloseTo(0.0119, 4);
    expect(a.mean).toBeCloseTo(0.595, 3);
    expect(a.stdev).toBeCloseTo(5.45, 2);
    expect(a['relativeStdev']).toBeCloseTo(9.17, 2); // 917% of the mean
    expect(1 - a.pZero).toBeCloseTo(0.0118, 4);
    expect(a.meanTimeToFirstPayout).toBeCloseTo((2 ** 32 * 1_690_906) / 1e9, 3);
  });

  it('PPS reserves R = B ln(1/delta) / (2 f): 3454 BTC for B = 50, delta = 0.001, f = 0.05', () => {
    expect(ppsReserves(50, 0.05, 0.001)).toBeCloseTo(3453.9, 1);
    const ruin = ppsRuinProbability(3453.9, 50, 0.95 * 50);
    expect(ruin.rosenfeld).toBeCloseTo(0.001, 5);
    // The exact Lundberg root sits slightly above 2f/B for f = 0.05, so the exact ruin is lower.
    expect(ruin.exact).toBeLessThan(ruin.rosenfeld);
    expect(ruin.exact).toBeGreaterThan(0.0005);
    // As the fee shrinks, the exact value converges to Rosenfeld's approximation.
    const small = ppsRuinProbability(500, 1, 0.999);
    expect(small.exact / small.rosenfeld).toBeCloseTo(1, 1);
  });

  it('every scheme expects the solo reward less the fee (PPS without the fees it keeps)', () => {
    const input = normalizeInput({ ...EXAMPLE, poolHashrate: 1e11, fees: 2, poolFee: 0.03 });
    const solo = SCHEMES.solo.analytic(input).mean;
    expect(solo).toBeCloseTo(0.97 * 0.011896916 * 52, 6);
    for (const id of ['prop', 'fpps', 'pplns', 'score'] as const) expect(SCHEMES[id].analytic(input).mean).toBeCloseTo(solo, 9);
    expect(SCHEMES.pps.analytic(input).mean).toBeCloseTo((solo * 50) / 52, 9);
  });

  it('pooled variance is q times the solo variance; PPLNS per share p B^2 / N, e^-1 never paid at N = D', () => {
    const input = normalizeInput({ ...EXAMPLE, poolHashrate: 4e10 });
    const solo = SCHEMES.solo.analytic(input);
    const pplns = SCHEMES.pplns.analytic(input);
    expect(SCHEMES.prop.analytic(input).stdev ** 2).toBeCloseTo(0.025 * solo.stdev ** 2, 9);
    expect(pplns.stdev).toBeCloseTo(SCHEMES.prop.analytic(input).stdev, 12);
    expect(pplns['perShareVariance']).toBeCloseTo((50 * 50) / 1_690_906 / 1_690_906, 15);
    expect(pplns['neverPaidFraction']).toBeCloseTo(Math.exp(-1), 12);
    expect(pplns['maturityBlocks']).toBeCloseTo(0.5, 12);
    const wide = SCHEMES.pplns.analytic(normalizeInput({ ...EXAMPLE, poolHashrate: 4e10, windowFactor: 4 }));
    expect(wide['perShareMean']).toBeCloseTo(pplns['perShareMean']!, 15);
    expect(wide['perShareVariance']).toBeCloseTo(pplns['perShareVariance']! / 4, 18);
    expect(wide['maturityBlocks']).toBe(2);
  });

  it('the exponential integral and the PROP hopping threshold (~43.5% of D)', () => {
    expect(expIntegralE1(0.5)).toBeCloseTo(0.5597735947761608, 12);
    expect(expIntegralE1(1)).toBeCloseTo(0.21938393439552029, 12);
    expect(expIntegralE1(2)).toBeCloseTo(0.04890051070806112, 12);
    expect(expIntegralE1(10)).toBeCloseTo(4.156968929685324e-6, 16);
    expect(propHoppingThreshold()).toBeCloseTo(0.4348, 3);
    expect(propShareValue(0.2)).toBeGreaterThan(1);
    expect(propShareValue(0.6)).toBeLessThan(1);
  });
});

describe('SCORE closed forms (Rosenfeld §3.1)', () => {
  it('a share late in a round is worth 1 / (1 + r); as r grows the values become PROP\'s', () => {
    expect(scoreShareValue(5, 0.05)).toBeCloseTo(1 / 1.05, 9);
    expect(scoreShareValue(20, 0.5)).toBeCloseTo(1 / 1.5, 9);
    for (const x of [0.05, 0.3, 1, 2]) expect(scoreShareValue(x, 1e9)).toBeCloseTo(propShareValue(x), 6);
    // Early shares are worth more than fair, late ones less: the value falls with the position.
    expect(scoreShareValue(0.01, 0.05)).toBeGreaterThan(scoreShareValue(0.1, 0.05));
    expect(scoreShareValue(0.1, 0.05)).toBeGreaterThan(scoreShareValue(0.3, 0.05));
  });

  it('hopping stops paying at 0.1195 D with r = 0.05 (PROP: 0.4348); the hopper earns 1.087x at 0.435 D against 1.798x', () => {
    expect(scoreHoppingThreshold(0.05)).toBeCloseTo(0.11954, 4);
    expect(scoreHoppingThreshold(1e9)).toBeCloseTo(propHoppingThreshold(), 4);
    expect(scoreHopperEfficiency(0.435, 0.05)).toBeCloseTo(1.08737, 4);
    expect(scoreHopperEfficiency(0.435, 1e9)).toBeCloseTo(propHopperEfficiency(0.435), 6);
    expect(scoreHopperEfficiency(0.435, 0.1)).toBeCloseTo(1.16579, 4);
    // A faster decay resists better.
    expect(scoreHopperEfficiency(0.435, 0.02)).toBeLessThan(scoreHopperEfficiency(0.435, 0.05));
    expect(scoreHopperEfficiency(Infinity, 0.05)).toBe(1);
  });

  it("the decay in seconds is Slush's c: r D 2^32 / H", () => {
    const a = SCHEMES.score.analytic(normalizeInput({ ...EXAMPLE, poolHashrate: 1e11, scoreDecay: 0.1 }));
    expect(a['decaySeconds']).toBeCloseTo((0.1 * 1_690_906 * 2 ** 32) / 1e11, 6);
    expect(a['lateShareValue']).toBeCloseTo(1 / 1.1, 12);
    expect(a.mean).toBeCloseTo(SCHEMES.prop.analytic(normalizeInput({ ...EXAMPLE, poolHashrate: 1e11 })).mean, 12);
  });

  it('a stream of scores has mean a (1 - e^-L) and variance (a / 2)(1 - e^-2L) in every regime', () => {
    const s = new Sampler(21);
    // Exact shares, segments with the normal given the count, and the one-shot normal.
    for (const a of [0.4, 30, 5000, 3e6]) {
      for (const span of [0.2, 2.5, 40]) {
        const n = 8000;
        const m = moments(() => streamScore(s, a, span), n);
        const mean = -a * Math.expm1(-span);
        const variance = (-a / 2) * Math.expm1(-2 * span);
        expectMean(m.mean, mean, Math.sqrt(variance), n);
        expect(m.variance / variance).toBeGreaterThan(0.92);
        expect(m.variance / variance).toBeLessThan(1.08);
      }
    }
  });
});

describe('Monte Carlo against the closed forms', () => {
  const trials = 40_000;

  it('solo: mean, stdev, P(no block) and time to the first block', () => {
    const r = simulatePayouts('solo', { ...EXAMPLE, trials, seed: 11 });
    expectMean(r.earnings.mean, r.analytic.mean, r.analytic.stdev, trials);
    expect(r.earnings.stdev / r.analytic.stdev).toBeGreaterThan(0.93);
    expect(r.earnings.stdev / r.analytic.stdev).toBeLessThan(1.07);
    expectMean(r.earnings.pZero, r.analytic.pZero, Math.sqrt(r.analytic.pZero * (1 - r.analytic.pZero)), trials);
    expect(r.earnings.median).toBe(0);
    // Given a block within the day, its time is uniform in the day (mean half a day).
    expect(r.firstPayout.meanSeconds! / 43_200).toBeGreaterThan(0.9);
    expect(r.firstPayout.meanSeconds! / 43_200).toBeLessThan(1.1);
    const bins = r.earnings.histogram.counts;
    expect(bins.reduce((a, b) => a + b, 0)).toBe(trials);
  });

  it.each(['prop', 'pplns', 'score'] as const)('%s: mean, q-times-solo stdev and P(no pool block)', (scheme) => {
    const r = simulatePayouts(scheme, { ...EXAMPLE, poolHashrate: 5e10, seconds: 7 * 86_400, trials, seed: 5 });
    expectMean(r.earnings.mean, r.analytic.mean, r.analytic.stdev, trials);
    expect(r.earnings.stdev / r.analytic.stdev).toBeGreaterThan(0.96);
    expect(r.earnings.stdev / r.analytic.stdev).toBeLessThan(1.04);
    // A proportion's standard deviation is sqrt(p (1 - p)); expectMean allows 4 standard errors.
    expectMean(r.earnings.pZero, r.analytic.pZero, Math.sqrt(r.analytic.pZero * (1 - r.analytic.pZero)), trials);
    expect(r.earnings.p10).toBeLessThanOrEqual(r.earnings.median);
    expect(r.earnings.median).toBeLessThanOrEqual(r.earnings.p90);
  });

  it('pps and fpps: a steady income; FPPS pays the fees, PPS keeps them', () => {
    const base = { ...EXAMPLE, hashrate: 1e7, poolHashrate: 1e11, fees: 10, poolFee: 0.04, trials, seed: 3 };
    const pps = simulatePayouts('pps', base);
    const fpps = simulatePayouts('fpps', base);
    for (const r of [pps, fpps]) {
      expectMean(r.earnings.mean, r.analytic.mean, r.analytic.stdev, trials);
      expect(r.earnings.stdev / r.analytic.stdev).toBeGreaterThan(0.96);
      expect(r.earnings.stdev / r.analytic.stdev).toBeLessThan(1.04);
    }
    expect(fpps.earnings.mean / pps.earnings.mean).toBeCloseTo(60 / 50, 2);
    // ~201 shares a day: a fraction of a percent of noise, against 900% solo.
    expect(pps.earnings.stdev / pps.earnings.mean).toBeLessThan(0.08);
    expect(pps.earnings.pZero).toBe(0);
  });

  it('PPLNS pays the same on average whatever the window; a short window often misses a tiny miner', () => {
    const base = { ...EXAMPLE, hashrate: 1e6, poolHashrate: 1e11, seconds: 3 * 86_400, trials: 20_000, seed: 9 };
    const short = simulatePayouts('pplns', { ...base, windowFactor: 0.25 });
    const long = simulatePayouts('pplns', { ...base, windowFactor: 4 });
    expectMean(short.earnings.mean, short.analytic.mean, short.earnings.stdev, 20_000);
    expectMean(long.earnings.mean, long.analytic.mean, long.earnings.stdev, 20_000);
    // A tiny miner (~60 shares per D): a short window often holds none of its shares.
    expect(short.earnings.pZero).toBeGreaterThan(long.earnings.pZero);
  });

  it('a 5 PH/s miner in a 500 PH/s pool at difficulty 1e14: 10,000 PPLNS trials of 30 days in aggregate counts', () => {
    const r = simulatePayouts('pplns', { hashrate: 5e15, poolHashrate: 5e17, difficulty: 1e14, subsidy: 3.125, fees: 0.1, poolFee: 0.02, seconds: 30 * 86_400, trials: 10_000, seed: 1 });
    expectMean(r.earnings.mean, r.analytic.mean, r.analytic.stdev, 10_000);
    expect(r.earnings.stdev / r.analytic.stdev).toBeGreaterThan(0.95);
    expect(r.earnings.stdev / r.analytic.stdev).toBeLessThan(1.05);
  });

  it('SCORE pays a tiny miner (under one share per decay length: exact shares) its fair mean at any decay', () => {
    const base = { ...EXAMPLE, hashrate: 1e6, poolHashrate: 1e11, seconds: 3 * 86_400, trials: 20_000, seed: 13 };
    for (const scoreDecay of [0.01, 0.05, 2]) {
      const r = simulatePayouts('score', { ...base, scoreDecay });
      expectMean(r.earnings.mean, r.analytic.mean, r.earnings.stdev, 20_000);
    }
    // A tiny miner (~17 shares per D, 0.17 per decay length at r = 0.01) rarely has a share near the
    // end of a round, where the score is: a fast decay adds its own share luck to the pool's (stdev
    // 0.0019 against 0.0012 at r = 2), though it pays the same on average.
    const fast = simulatePayouts('score', { ...base, scoreDecay: 0.01 });
    const slow = simulatePayouts('score', { ...base, scoreDecay: 2 });
    expect(fast.earnings.stdev).toBeGreaterThan(1.3 * slow.earnings.stdev);
  });

  it('SCORE for a 5 PH/s miner in a 500 PH/s pool at difficulty 1e14 over 30 days, in aggregate', () => {
    const r = simulatePayouts('score', { hashrate: 5e15, poolHashrate: 5e17, difficulty: 1e14, subsidy: 3.125, fees: 0.1, poolFee: 0.02, seconds: 30 * 86_400, trials: 10_000, seed: 1 });
    // (1 - f) h t B / (2^32 D)
    expect(r.analytic.mean).toBeCloseTo((0.98 * 5e15 * 30 * 86_400 * 3.225) / (2 ** 32 * 1e14), 12);
    expectMean(r.earnings.mean, r.analytic.mean, r.analytic.stdev, 10_000);
    expect(r.earnings.stdev / r.analytic.stdev).toBeGreaterThan(0.95);
    expect(r.earnings.stdev / r.analytic.stdev).toBeLessThan(1.05);
  });

  it('the same seed gives the same result; another seed another', () => {
    const input = { ...EXAMPLE, poolHashrate: 1e10, trials: 500 };
    for (const id of SCHEME_IDS) {
      const a = simulatePayouts(id, { ...input, seed: 1 });
      expect(simulatePayouts(id, { ...input, seed: 1 })).toEqual(a);
      expect(simulatePayouts(id, { ...input, seed: 2 }).earnings.mean).not.toBe(a.earnings.mean);
    }
  });

  it('earnings are never negative and their quantiles are ordered (any input)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<SchemeId>(...SCHEME_IDS),
        fc.double({ min: 1e6, max: 1e12, noNaN: true }),
        fc.double({ min: 1, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (scheme, hashrate, poolFactor, fee, seed) => {
          const r = simulatePayouts(scheme, { hashrate, poolHashrate: hashrate * poolFactor, difficulty: 1e6, subsidy: 6.25, poolFee: fee, seconds: 3600, trials: 50, seed });
          const e = r.earnings;
          return e.min >= 0 && e.p10 <= e.median && e.median <= e.p90 && e.p90 <= e.max && e.pZero >= 0 && e.pZero <= 1;
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('the PPS operator', () => {
  it('goes bankrupt about as often as the Lundberg equation says', () => {
    // B = 50, f = 0.1, reserves of two blocks: exact ruin ever = exp(-theta R) ~ 0.65.
    const r = ppsOperator({ poolHashrate: 1e11, difficulty: 1_690_906, subsidy: 50, fees: 0, poolFee: 0.1, paysFees: false, reserves: 100, seconds: 4 * 365 * 86_400, trials: 4000, seed: 3 });
    expect(r.analytic.ruinExact).toBeCloseTo(0.651, 2);
    expect(Math.abs(r.ruin - r.analytic.ruinExact)).toBeLessThan(4 * Math.sqrt(0.25 / 4000));
    expectMean(r.balance.mean, r.analytic.meanBalance, r.balance.stdev, 4000);
  });

  it('with reserves from R = B ln(1/delta)/(2f) it rarely goes bankrupt', () => {
    const reserves = ppsReserves(50, 0.1, 0.01);
    const r = ppsOperator({ poolHashrate: 1e11, difficulty: 1_690_906, subsidy: 50, fees: 0, poolFee: 0.1, paysFees: false, reserves, seconds: 365 * 86_400, trials: 3000, seed: 4 });
    expect(r.ruin).toBeLessThan(0.02);
    expect(r.analytic.ruinRosenfeld).toBeCloseTo(0.01, 6);
  });
});

describe('pool hopping', () => {
  it('a hopper leaving PROP rounds at 43.5% of D earns ~1.8x its fair share; PPLNS and PPS pay it fairly', () => {
    const r = hoppingExperiment({ threshold: 0.435, hopperFraction: 0.25, windowFactor: 1, rounds: 300_000, seed: 8 });
    expect(r.analytic.propHopper).toBeCloseTo(propHopperEfficiency(0.435), 12);
    expect(r.analytic.propHopper).toBeGreaterThan(1.79);
    expect(r.prop.hopper / r.analytic.propHopper).toBeGreaterThan(0.985);
    expect(r.prop.hopper / r.analytic.propHopper).toBeLessThan(1.015);
    // The steady miners pay for it.
    expect(r.prop.steady).toBeLessThan(0.97);
    expect(Math.abs(r.pplns.hopper - 1)).toBeLessThan(0.01);
    expect(Math.abs(r.pplns.steady - 1)).toBeLessThan(0.01);
    expect(r.pps.hopper).toBe(1);
  });

  it('SCORE resists hopping: 1.087x at 0.435 D with r = 0.05 against PROP\'s 1.80x; ~1.36x at its own break-even', () => {
    const r = hoppingExperiment({ threshold: 0.435, hopperFraction: 0.25, windowFactor: 1, scoreDecay: 0.05, rounds: 300_000, seed: 8 });
    expect(r.analytic.scoreHopper).toBeCloseTo(1.0874, 3);
    expect(r.score.hopper / r.analytic.scoreHopper).toBeGreaterThan(0.985);
    expect(r.score.hopper / r.analytic.scoreHopper).toBeLessThan(1.015);
    expect(r.score.hopper).toBeLessThan(1.1);
    expect(r.prop.hopper - 1).toBeGreaterThan(7 * (r.score.hopper - 1));
    expect(r.score.steady).toBeGreaterThan(0.985);
    // Not immune: leaving where a SCORE share stops being worth more than fair still gains.
    const best = hoppingExperiment({ threshold: scoreHoppingThreshold(0.05), hopperFraction: 0.25, windowFactor: 1, scoreDecay: 0.05, rounds: 300_000, seed: 9 });
    expect(best.analytic.scoreHopper).toBeCloseTo(1.3577, 3);
    expect(Math.abs(best.score.hopper / best.analytic.scoreHopper - 1)).toBeLessThan(0.02);
    // The SCORE default decay is 0.05 D.
    expect(hoppingExperiment({ threshold: 0.435, hopperFraction: 0.25, windowFactor: 1, rounds: 1000, seed: 1 }).analytic.scoreDecay).toBe(0.05);
  });

  it('hopping later than the break-even point gains less than hopping at it', () => {
    expect(propHopperEfficiency(0.435)).toBeGreaterThan(propHopperEfficiency(2));
    expect(propHopperEfficiency(Infinity)).toBe(1);
  });
});

describe('input checks', () => {
  // Built inside each test: a mutant that throws here must fail tests, not the file's collection.
  const good = (): PayoutInput => normalizeInput({ ...EXAMPLE, poolHashrate: 1e10 });
  it.each([
    ['negative hashrate', { hashrate: -1 }, 'hashrate'],
    ['fee above 1', { poolFee: 1.5 }, 'poolFee'],
    ['negative fee', { poolFee: -0.1 }, 'poolFee'],
    ['pool smaller than the miner', { poolHashrate: 1e8 }, 'poolHashrate'],
    ['zero difficulty', { difficulty: 0 }, 'difficulty'],
    ['share difficulty above the network', { shareDifficulty: 2e6 }, 'shareDifficulty'],
    ['fractional trials', { trials: 1.5 }, 'trials'],
    ['NaN period', { seconds: NaN }, 'seconds'],
    ['zero score decay', { scoreDecay: 0 }, 'scoreDecay'],
    // Values past what a 256-bit target or any chain allows, which used to give Infinity and NaN.
    ['difficulty past a target of 1', { difficulty: 1e300 }, 'difficulty'],
    ['difficulty below a target of 2^256', { difficulty: 1e-300, shareDifficulty: 1e-301 }, 'difficulty'],
    ['absurd subsidy', { subsidy: 1e300 }, 'subsidy'],
    ['absurd fees', { fees: 1e300 }, 'fees'],
    ['absurd PPLNS window factor', { windowFactor: 1e300 }, 'windowFactor'],
    ['absurd PPLNS window', { window: 1e300 }, 'window'],
    ['share difficulty below a target of 2^256', { shareDifficulty: 1e-300 }, 'shareDifficulty'],
    ['a period of 1e300 seconds', { seconds: 1e300 }, 'seconds'],
  ] as const)('%s is an InputError naming %s', (_, change, field) => {
    let caught: unknown;
    try {
      simulatePayouts('pplns', { ...good(), ...change });
    } catch (error) {
      caught = error;
    }
    expect(isInputError(caught)).toBe(true);
    expect((caught as { field: string }).field).toBe(field);
  });

  it('names fields as the caller asks, and refuses runs that would take minutes', () => {
    expect(() => simulatePayouts('solo', { ...good(), hashrate: -5 }, { names: { hashrate: '--hashrate' } })).toThrow(/^--hashrate: /);
    expect(() => simulatePayouts('prop', { ...good(), difficulty: 1, shareDifficulty: 1, seconds: 1e7, trials: 1e6 })).toThrow(/too much work/);
  });
});
