// Payout modules, exact answers: the input checks at each bound, the rates and closed forms on an
// input whose figures are whole numbers, the summary statistics on small arrays, and the trial loops
// driven by a scripted sampler. Written against the survivors of mutation testing (docs/quality.md);
// fast, unlike the Monte Carlo checks in payouts.test.ts, so Stryker kills most mutants here first.
//
// Known answers: Rosenfeld 2011 (arXiv:1112.4980) for the formulas; quantiles are Hyndman and Fan
// type 7 (R's and NumPy's default: numpy.quantile([1, 2, 3, 4], 0.1) = 1.3); E1 and the roots below
// are mpmath 1.3 at 30 digits (mpmath.e1, mpmath.findroot), E1 also in Abramowitz and Stegun table 5.1.
import { describe, expect, it } from 'vitest';
import { isInputError } from '../../src/model/validate.js';
import {
  hoppingExperiment, isSchemeId, normalizeInput, ppsOperator, ppsReserves, ppsRuinProbability, propHopperEfficiency, rates,
  SCHEME_IDS, SCHEMES, simulatePayouts, type OperatorInput, type PayoutInput,
} from '../../src/sim/payouts/index.js';
import {
  checkWork, DEFAULTS, forEachRound, histogram, MAX_BLOCK_REWARD, MAX_DIFFICULTY, MAX_SECONDS, MAX_WINDOW_FACTOR, MAX_WORK,
  MIN_DIFFICULTY, payRound, quantile, runTrials, schemeResult, summarize, summarizeFirstPayout, type TrialOutcome,
} from '../../src/sim/payouts/model.js';
import { expIntegralE1, propHoppingThreshold, propShareValue } from '../../src/sim/payouts/hopping.js';
import { PplnsWindow } from '../../src/sim/payouts/pplns.js';
import { scoreHopperEfficiency, scoreHoppingThreshold, scoreShareValue, streamScore, SCORE_HORIZON } from '../../src/sim/payouts/score.js';
import { Sampler } from '../../src/sim/samplers.js';

/** The InputError `fn` throws: its field and message. */
function inputError(fn: () => unknown): { field: string; message: string } {
  try {
    fn();
  } catch (error) {
    expect(isInputError(error), String(error)).toBe(true);
    return error as { field: string; message: string };
  }
  throw new Error('expected an InputError, nothing was thrown');
}

/** A sampler that replays scripted draws (and fails loudly when a script runs out). */
function scripted(draws: { exponential?: number[]; uniform?: number[]; poisson?: (mean: number) => number; normal?: number[]; binomial?: (n: number, p: number) => number }): Sampler {
  const take = (name: string, list: number[] | undefined): number => {
    const v = list?.shift();
    if (v === undefined) throw new Error(`scripted sampler: no ${name} left`);
    return v;
  };
  return {
    exponential: () => take('exponential', draws.exponential),
    uniform: () => take('uniform', draws.uniform),
    normal: () => take('normal', draws.normal),
    poisson: (mean: number) => (draws.poisson ? draws.poisson(mean) : take('poisson', undefined)),
    binomial: (n: number, p: number) => (draws.binomial ? draws.binomial(n, p) : take('binomial', undefined)),
  } as unknown as Sampler;
}

// Whole-number figures: h = 2^32 H/s, H = 4 h, D = 8, S = 2, t = 16 s, B = 3 + 1, f = 0.25.
const UNIT = { hashrate: 2 ** 32, poolHashrate: 4 * 2 ** 32, difficulty: 8, shareDifficulty: 2, seconds: 16, subsidy: 3, fees: 1, poolFee: 0.25 };
const unit = (extra: Partial<PayoutInput> = {}): PayoutInput => normalizeInput({ ...UNIT, ...extra });

describe('normalizeInput', () => {
  it('fills in the documented defaults and keeps what is given', () => {
    expect(normalizeInput({ hashrate: 5, difficulty: 3, subsidy: 2 })).toStrictEqual({
      hashrate: 5, poolHashrate: 5, difficulty: 3, subsidy: 2, fees: 0, poolFee: 0, shareDifficulty: 1, seconds: 86_400,
      trials: 10_000, seed: 1, window: undefined, windowFactor: undefined, scoreDecay: undefined, bins: 40,
    });
    expect(DEFAULTS).toEqual({ fees: 0, poolFee: 0, shareDifficulty: 1, seconds: 86_400, trials: 10_000, seed: 1, windowFactor: 1, scoreDecay: 0.05, bins: 40 });
    const given = { ...UNIT, trials: 7, seed: -3, window: 2, windowFactor: 3, scoreDecay: 0.5, bins: 9 };
    expect(normalizeInput(given)).toStrictEqual(given);
  });

  it('accepts every bound itself', () => {
    const base = { hashrate: 10, difficulty: 1e6, subsidy: 1 };
    const ok = (extra: Record<string, number>) => expect(() => normalizeInput({ ...base, ...extra })).not.toThrow();
    ok({ poolHashrate: 10 });
    ok({ difficulty: MAX_DIFFICULTY });
    ok({ difficulty: MIN_DIFFICULTY, shareDifficulty: MIN_DIFFICULTY });
    ok({ subsidy: 0, fees: 1 });
    ok({ subsidy: MAX_BLOCK_REWARD, fees: MAX_BLOCK_REWARD });
    ok({ poolFee: 0 });
    ok({ poolFee: 1 });
    ok({ shareDifficulty: 1e6 });
    ok({ seconds: MAX_SECONDS });
    ok({ trials: 1 });
    ok({ trials: 10_000_000 });
    ok({ seed: 0 });
    ok({ bins: 1 });
    ok({ bins: 1000 });
    ok({ window: 1 });
    ok({ window: MAX_WINDOW_FACTOR * 1e6, shareDifficulty: 1 });
    ok({ windowFactor: MAX_WINDOW_FACTOR });
    ok({ scoreDecay: 1000 });
    expect(MAX_WINDOW_FACTOR).toBe(1000);
    expect(MAX_SECONDS).toBe(36_525 * 86_400);
    expect(MAX_BLOCK_REWARD).toBe(1e15);
    // powLimit 0xffff * 2^208 over targets 1 and 2^256.
    expect(MAX_DIFFICULTY).toBe(0xffff * 2 ** 208);
    expect(MIN_DIFFICULTY).toBe(0xffff / 2 ** 48);
  });

  // [what, change, field, the key part of the message]
  const refused: [string, Record<string, number>, string, RegExp][] = [
    ['zero hashrate', { hashrate: 0 }, 'hashrate', /^hashrate: expected a hashrate above 0 H\/s, got 0$/],
    ['infinite hashrate', { hashrate: Infinity, poolHashrate: Infinity }, 'hashrate', /got Infinity/],
    ['zero pool', { poolHashrate: 0 }, 'poolHashrate', /^poolHashrate: expected a hashrate above 0 H\/s, got 0$/],
    ['NaN pool', { poolHashrate: NaN }, 'poolHashrate', /got NaN/],
    ['a pool smaller than the miner', { poolHashrate: 9 }, 'poolHashrate', /the pool \(9 H\/s\) cannot be smaller than the miner in it \(10 H\/s\)/],
    ['zero difficulty', { difficulty: 0 }, 'difficulty', /expected a difficulty above 0, got 0/],
    ['infinite difficulty', { difficulty: Infinity }, 'difficulty', /above 0, got Infinity/],
    ['a difficulty past powLimit / 1', { difficulty: MAX_DIFFICULTY * (1 + 2 ** -50) }, 'difficulty', /from 2\.33e-10 to 2\.70e\+67 \(what a 256-bit target can express\), got/],
    ['a difficulty below powLimit / 2^256', { difficulty: MIN_DIFFICULTY * (1 - 2 ** -50), shareDifficulty: MIN_DIFFICULTY / 2 }, 'difficulty', /from 2\.33e-10/],
    ['a negative subsidy', { subsidy: -1 }, 'subsidy', /expected a block subsidy of 0 or more, got -1/],
    ['a NaN subsidy', { subsidy: NaN }, 'subsidy', /0 or more, got NaN/],
    ['an absurd subsidy', { subsidy: MAX_BLOCK_REWARD * 2 }, 'subsidy', /at most 1000000000000000 coins, got 2000000000000000/],
    ['negative fees', { fees: -1 }, 'fees', /expected fees of 0 or more per block, got -1/],
    ['NaN fees', { fees: NaN }, 'fees', /got NaN/],
    ['absurd fees', { fees: MAX_BLOCK_REWARD * 2 }, 'fees', /at most 1000000000000000 coins per block/],
    ['no reward at all', { subsidy: 0, fees: 0 }, 'subsidy', /subsidy plus fees must be above 0/],
    ['a negative pool fee', { poolFee: -1e-9 }, 'poolFee', /expected a fee between 0 and 1 \(0\.02 is 2%\), got -1e-9/],
    ['a pool fee above 1', { poolFee: 1 + 1e-9 }, 'poolFee', /between 0 and 1/],
    ['a NaN pool fee', { poolFee: NaN }, 'poolFee', /got NaN/],
    ['a zero share difficulty', { shareDifficulty: 0 }, 'shareDifficulty', /expected a share difficulty above 0, got 0/],
    ['an infinite share difficulty', { shareDifficulty: Infinity }, 'shareDifficulty', /above 0, got Infinity/],
    ['a share difficulty below 2^256', { shareDifficulty: MIN_DIFFICULTY / 2 }, 'shareDifficulty', /at least 2\.33e-10 \(a target of 2\^256\)/],
    ['a share difficulty above the network', { shareDifficulty: 2e6 }, 'shareDifficulty', /\(2000000\) above the network difficulty \(1000000\) makes every share a block/],
    ['a zero period', { seconds: 0 }, 'seconds', /expected a period above 0, got 0/],
    ['an infinite period', { seconds: Infinity }, 'seconds', /above 0, got Infinity/],
    ['a period past 100 years', { seconds: MAX_SECONDS + 86_400 }, 'seconds', /at most 100 years \(36525 days\), got 36526 days/],
    ['zero trials', { trials: 0 }, 'trials', /expected an integer from 1 to 10,000,000, got 0/],
    ['too many trials', { trials: 10_000_001 }, 'trials', /got 10000001/],
    ['fractional trials', { trials: 2.5 }, 'trials', /got 2\.5/],
    ['a fractional seed', { seed: 0.5 }, 'seed', /expected an integer, got 0\.5/],
    ['zero bins', { bins: 0 }, 'bins', /expected 1\.\.1000 bins, got 0/],
    ['too many bins', { bins: 1001 }, 'bins', /got 1001/],
    ['fractional bins', { bins: 1.5 }, 'bins', /got 1\.5/],
    ['a window under one share', { window: 0.5 }, 'window', /expected a window of at least 1 share, got 0\.5/],
    ['a NaN window', { window: NaN }, 'window', /at least 1 share, got NaN/],
    ['a window past 1000 D / S', { window: 2e9 + 1, shareDifficulty: 0.5 }, 'window', /at most 1000 × D \/ S = 2\.00e\+9 shares, got 2000000001/],
    ['a zero window factor', { windowFactor: 0 }, 'windowFactor', /expected a window factor above 0 and at most 1000 \(× the difficulty\), got 0/],
    ['a window factor past 1000', { windowFactor: 1000.5 }, 'windowFactor', /got 1000\.5/],
    ['a NaN window factor', { windowFactor: NaN }, 'windowFactor', /got NaN/],
    ['a zero score decay', { scoreDecay: 0 }, 'scoreDecay', /expected a score decay above 0 and at most 1000 \(× the difficulty\), got 0/],
    ['a score decay past 1000', { scoreDecay: 1000.5 }, 'scoreDecay', /got 1000\.5/],
    ['a NaN score decay', { scoreDecay: NaN }, 'scoreDecay', /got NaN/],
  ];
  it.each(refused)('refuses %s, naming the field and the value', (_what, change, field, message) => {
    const e = inputError(() => normalizeInput({ hashrate: 10, difficulty: 1e6, subsidy: 1, ...change }));
    expect(e.field).toBe(field);
    expect(e.message).toMatch(message);
    // The caller's own name for the field (a CLI flag) replaces it.
    const named = inputError(() => normalizeInput({ hashrate: 10, difficulty: 1e6, subsidy: 1, ...change }, { [field]: `--${field}-flag` }));
    expect(named.field).toBe(`--${field}-flag`);
  });
});

describe('rates and checkWork', () => {
  it('derives every rate from the input', () => {
    expect(rates(unit())).toEqual({
      q: 0.25, p: 0.25, reward: 4, minerBlocks: 2, poolBlocks: 8, minerShares: 8, poolShares: 32,
      minerShareSeconds: 2, poolShareSeconds: 0.5, window: 4,
    });
    expect(rates(unit({ windowFactor: 3 })).window).toBe(12);
    expect(rates(unit({ window: 5, windowFactor: 3 })).window).toBe(5);
  });

  it('refuses more than MAX_WORK trials times pool blocks, naming trials', () => {
    expect(MAX_WORK).toBe(5e8);
    const input = { ...unit(), trials: 10 };
    expect(() => checkWork(input, 5e7)).not.toThrow();
    const e = inputError(() => checkWork(input, 5e7 + 10));
    expect(e.field).toBe('trials');
    expect(e.message).toMatch(/^trials: 10 trials of about 50000010 pool blocks each is too much work; use fewer trials/);
    expect(inputError(() => checkWork(input, 5e7 + 10, { trials: '--trials' })).field).toBe('--trials');
    // Fewer than one block per trial still costs one.
    expect(() => checkWork({ ...input, trials: 5e8 }, 0.01)).not.toThrow();
    expect(() => checkWork({ ...input, trials: 5e8 + 1 }, 0.01)).toThrow(/too much work/);
  });
});

describe('the trial machinery', () => {
  it('forEachRound: the first round began before the period; rounds end at each block until the period does', () => {
    const rounds: [number, number][] = [];
    forEachRound(scripted({ exponential: [2, 3, 4, 10] }), 5, 8, (t, length) => rounds.push([t, length]));
    expect(rounds).toEqual([[3, 5], [7, 4]]);
    // A block exactly at the end of the period is in it.
    const atEnd: number[] = [];
    forEachRound(scripted({ exponential: [1, 8, 1] }), 5, 8, (t) => atEnd.push(t));
    expect(atEnd).toEqual([8]);
  });

  it('payRound: the finder is the miner with probability q, then the kept reward splits by weight', () => {
    const out: TrialOutcome = { earnings: 0, firstPayout: Infinity };
    payRound(scripted({ uniform: [0.3] }), out, 0.25, 12, 1, 2, 5); // others found it: 12 * 1 / 4
    expect(out).toEqual({ earnings: 3, firstPayout: 5 });
    payRound(scripted({ uniform: [0.2] }), out, 0.25, 12, 1, 2, 9); // the miner found it: 12 * 2 / 4
    expect(out).toEqual({ earnings: 9, firstPayout: 5 });
    const none: TrialOutcome = { earnings: 0, firstPayout: Infinity };
    payRound(scripted({ uniform: [0.25] }), none, 0.25, 12, 0, 3, 1); // u = q is not below q
    expect(none).toEqual({ earnings: 0, firstPayout: Infinity });
    payRound(scripted({ uniform: [0.24] }), none, 0.25, 12, 0, 3, 2);
    expect(none).toEqual({ earnings: 3, firstPayout: 2 });
  });

  it('runTrials resets the outcome each trial, depends only on the seed, and reports progress 50 times', () => {
    const progress: number[] = [];
    const input = { ...unit(), trials: 100, seed: 77 };
    const samples = runTrials(input, (s, out) => {
      out.earnings += s.uniform();
      if (out.earnings > 0.5) out.firstPayout = 1;
    }, (f) => progress.push(f));
    const replay = new Sampler(77);
    for (let i = 0; i < 100; i++) {
      const u = replay.uniform();
      expect(samples.earnings[i]).toBe(u);
      expect(samples.firstPayout[i]).toBe(u > 0.5 ? 1 : Infinity);
    }
    expect(progress).toHaveLength(50);
    expect(progress[0]).toBe(0.02);
    expect(progress[49]).toBe(1);
    const few: number[] = [];
    runTrials({ ...input, trials: 3 }, () => {}, (f) => few.push(f));
    expect(few).toEqual([1 / 3, 2 / 3, 1]);
  });

  it('quantile is type 7 (R, NumPy): numpy.quantile([1, 2, 3, 4], [0, .1, .5, .9, 1]) = 1, 1.3, 2.5, 3.7, 4', () => {
    const sorted = Float64Array.of(1, 2, 3, 4);
    expect([0, 0.1, 0.5, 0.9, 1].map((p) => quantile(sorted, p))).toEqual([1, 1.3, 2.5, 3.7, 4].map((v, i) => (i === 1 || i === 3 ? expect.closeTo(v, 12) : v)));
    expect(quantile(Float64Array.of(5), 0.9)).toBe(5);
    expect(quantile(new Float64Array(0), 0.5)).toBeNaN();
  });

  it('histogram: equal-width bins from min to max, the maximum in the last bin; one bin when all values agree', () => {
    expect(histogram(Float64Array.of(0, 1, 2, 3, 4), 2)).toEqual({ min: 0, width: 2, counts: [2, 3] });
    expect(histogram(Float64Array.of(0, 1, 2, 3, 4), 4)).toEqual({ min: 0, width: 1, counts: [1, 1, 1, 2] });
    expect(histogram(Float64Array.of(3, 3), 5)).toEqual({ min: 3, width: 0, counts: [2] });
    expect(histogram(new Float64Array(0), 5)).toEqual({ min: 0, width: 0, counts: [0] });
  });

  it('summarize: mean, sample standard deviation (n - 1), P(zero), quantiles and extremes of unsorted values', () => {
    const s = summarize(Float64Array.of(5, 0, 3, 0), 5);
    expect(s).toEqual({
      mean: 2, stdev: Math.sqrt(18 / 3), pZero: 0.5, median: 1.5, p10: 0, p90: expect.closeTo(4.4, 12), min: 0, max: 5,
      histogram: { min: 0, width: 1, counts: [2, 0, 0, 1, 1] },
    });
    expect(summarize(Float64Array.of(7), 3)).toMatchObject({ mean: 7, stdev: 0, pZero: 0, median: 7, min: 7, max: 7 });
  });

  it('summarizeFirstPayout: over the paid trials only; null when none was paid', () => {
    expect(summarizeFirstPayout(Float64Array.of(Infinity, 30, 10, 20))).toEqual({ pWithinPeriod: 0.75, meanSeconds: 20, medianSeconds: 20 });
    expect(summarizeFirstPayout(Float64Array.of(Infinity, Infinity))).toEqual({ pWithinPeriod: 0, meanSeconds: null, medianSeconds: null });
  });

  it('schemeResult carries the scheme, trials and period, with 40 bins unless asked', () => {
    const samples = { earnings: Float64Array.from({ length: 100 }, (_, i) => i), firstPayout: new Float64Array(100).fill(Infinity) };
    const input = { ...unit(), trials: 100, bins: undefined };
    const r = schemeResult('prop', input, samples, { mean: 1, stdev: 0, pZero: 0, meanTimeToFirstPayout: 0 });
    expect(r.scheme).toBe('prop');
    expect(r.trials).toBe(100);
    expect(r.seconds).toBe(16);
    expect(r.earnings.histogram.counts).toHaveLength(40);
    expect(r.firstPayout.pWithinPeriod).toBe(0);
    expect(r.analytic.mean).toBe(1);
  });
});

describe('closed forms on whole-number figures (Rosenfeld §1.2, §1.3, §2.2, §3.3, §3.1)', () => {
  // Built inside each test: a mutant that throws here must fail tests, not the file's collection.
  const input = (): PayoutInput => unit();
  const keep = 0.75;

  it('solo: lambda = 2 blocks of 4 coins', () => {
    expect(SCHEMES.solo.analytic(input())).toEqual({
      mean: keep * 2 * 4, stdev: keep * 4 * Math.SQRT2, pZero: Math.exp(-2), meanTimeToFirstPayout: 8, expectedBlocks: 2, relativeStdev: 1 / Math.SQRT2,
    });
  });

  it('prop: q = 1/4 of the solo variance, 8 pool blocks', () => {
    expect(SCHEMES.prop.analytic(input())).toEqual({
      mean: 6, stdev: keep * Math.sqrt(0.25 * 32), pZero: Math.exp(-8), meanTimeToFirstPayout: 2, q: 0.25, poolBlocks: 8, soloStdev: keep * Math.sqrt(32),
    });
  });

  it('pplns: N = 4 shares, p = 1/4', () => {
    expect(SCHEMES.pplns.analytic(input())).toMatchObject({
      mean: 6, window: 4, perShareMean: keep * 0.25 * 4, perShareVariance: keep * keep * ((0.25 * 16) / 4), maturitySeconds: 1, maturityBlocks: 0.5,
      neverPaidFraction: Math.exp(-1),
    });
  });

  it('pps pays (1 - f) p subsidy per share and keeps the fees; fpps pays the fees too', () => {
    expect(SCHEMES.pps.analytic(input())).toEqual({
      mean: 0.5625 * 8, stdev: 0.5625 * Math.sqrt(8), pZero: Math.exp(-8), meanTimeToFirstPayout: 2, perShare: 0.5625, expectedShares: 8,
      operatorVariancePerShare: 0.25 * 9, reservesForDelta0001: (3 * Math.log(1000)) / 0.5,
    });
    expect(SCHEMES.fpps.analytic(input())).toMatchObject({ mean: 6, perShare: 0.75, operatorVariancePerShare: 4, reservesForDelta0001: (4 * Math.log(1000)) / 0.5 });
    expect(SCHEMES.pps.analytic(unit({ poolFee: 0 })).reservesForDelta0001).toBeNull();
  });

  it('score: decay r D / S shares, Slush c in seconds, late shares worth 1 / (1 + r)', () => {
    const a = SCHEMES.score.analytic(input());
    expect(a).toMatchObject({ mean: 6, scoreDecay: 0.05, decayShares: 0.2, decaySeconds: 0.1, lateShareValue: 1 / 1.05 });
    expect(a['hoppingThreshold']).toBeCloseTo(0.11954, 4);
    expect(SCHEMES.score.analytic(unit({ scoreDecay: 2 }))['decayShares']).toBe(8);
  });

  it('the registry: six schemes, which pay fees, and names a learner recognises', () => {
    expect(SCHEME_IDS).toEqual(['solo', 'prop', 'pps', 'fpps', 'pplns', 'score']);
    expect(Object.isFrozen(SCHEMES)).toBe(true);
    for (const id of SCHEME_IDS) {
      expect(SCHEMES[id].id).toBe(id);
      expect(SCHEMES[id].paysFees).toBe(id !== 'pps');
      expect(SCHEMES[id].explanation.length).toBeGreaterThan(80);
    }
    expect(SCHEMES.pps.name).toMatch(/^PPS \(pay per share\)$/);
    expect(SCHEMES.fpps.name).toMatch(/^FPPS \(full pay per share\)$/);
    expect(SCHEMES.pps.explanation).toMatch(/keeps the transaction fees/);
    expect(SCHEMES.fpps.explanation).toMatch(/transaction fees/);
    expect(isSchemeId('pplns')).toBe(true);
    expect(isSchemeId('toString')).toBe(false);
    expect(isSchemeId('')).toBe(false);
  });

  it('simulatePayouts checks the input, names fields and reports progress', () => {
    const seen: number[] = [];
    simulatePayouts('solo', { ...UNIT, trials: 50 }, { onProgress: (f) => seen.push(f) });
    expect(seen).toHaveLength(50);
    expect(inputError(() => simulatePayouts('pps', { ...UNIT, hashrate: -1 }, { names: { hashrate: '--h' } })).field).toBe('--h');
  });
});

describe('simulations, exact where the figures allow', () => {
  it('solo earnings are whole blocks, paid no later than the period', () => {
    const r = simulatePayouts('solo', { ...UNIT, trials: 2001, seed: 4 });
    const perBlock = 0.75 * 4;
    for (const v of [r.earnings.min, r.earnings.max, r.earnings.median]) expect(Number.isInteger(v / perBlock)).toBe(true);
    expect(r.earnings.min).toBe(0);
    expect(r.firstPayout.meanSeconds!).toBeLessThanOrEqual(16);
    expect(r.firstPayout.meanSeconds!).toBeGreaterThan(0);
  });

  it('pps and fpps pay whole shares; PPS with no subsidy pays nothing, so nobody is ever "paid"', () => {
    for (const id of ['pps', 'fpps'] as const) {
      const r = simulatePayouts(id, { ...UNIT, trials: 2001, seed: 6 });
      const c = id === 'pps' ? 0.5625 : 0.75;
      for (const v of [r.earnings.min, r.earnings.max, r.earnings.median]) expect(Number.isInteger(Math.round((v / c) * 1e9) / 1e9)).toBe(true);
      expect(r.earnings.max).toBeGreaterThan(0);
    }
    const unpaid = simulatePayouts('pps', { ...UNIT, subsidy: 0, fees: 1, trials: 200 });
    expect(unpaid.earnings.max).toBe(0);
    expect(unpaid.firstPayout).toEqual({ pWithinPeriod: 0, meanSeconds: null, medianSeconds: null });
    expect(simulatePayouts('fpps', { ...UNIT, subsidy: 0, fees: 1, trials: 200 }).firstPayout.pWithinPeriod).toBeGreaterThan(0.9);
  });
});

describe('PPS operator and reserves (Rosenfeld §2.2, Appendix C)', () => {
  it('ppsReserves: no fee means no finite reserve', () => {
    expect(ppsReserves(50, 0, 0.001)).toBe(Infinity);
    expect(ppsReserves(50, -0.1, 0.001)).toBe(Infinity);
    expect(ppsReserves(50, NaN, 0.001)).toBe(Infinity);
    expect(ppsReserves(50, 0.05, 0.001)).toBe((50 * Math.log(1000)) / 0.1);
  });

  it('ppsRuinProbability: the Lundberg root (mpmath: 0.2145557412713296 for paid / income = 0.9), and certain ruin without an edge', () => {
    const r = ppsRuinProbability(100, 50, 45);
    expect(r.rosenfeld).toBeCloseTo(Math.exp((-2 * 0.1 * 100) / 50), 15);
    expect(r.exact).toBeCloseTo(Math.exp((-0.2145557412713296 * 100) / 50), 12);
    const r95 = ppsRuinProbability(50, 1, 0.95);
    expect(r95.exact).toBeCloseTo(Math.exp(-0.10347883154622276 * 50), 10);
    expect(ppsRuinProbability(100, 50, 50)).toEqual({ rosenfeld: 1, exact: 1 });
    expect(ppsRuinProbability(100, 50, 60)).toEqual({ rosenfeld: 1, exact: 1 });
  });

  // 2^32 H/s at difficulty 1: one block a second on average, ten in the period.
  const op = (extra: Partial<OperatorInput> = {}): OperatorInput => ({
    poolHashrate: 2 ** 32, difficulty: 1, subsidy: 3, fees: 1, poolFee: 0.25, paysFees: false, reserves: 5, seconds: 10, trials: 101, seed: 2, ...extra,
  });

  it('the balance is reserves - paid x work + income x blocks: a whole number of blocks above the drift', () => {
    for (const paysFees of [false, true]) {
      const paid = 0.75 * (paysFees ? 4 : 3);
      const r = ppsOperator(op({ paysFees }));
      expect(r.analytic.meanBalance).toBe(5 + 10 * (4 - paid));
      expect(r.analytic.reservesForDelta0001).toBeCloseTo((4 * Math.log(1000)) / (2 * (1 - paid / 4)), 9);
      const ruin = ppsRuinProbability(5, 4, paid);
      expect(r.analytic.ruinExact).toBe(ruin.exact);
      expect(r.analytic.ruinRosenfeld).toBe(ruin.rosenfeld);
      // Odd trials: the median and the 10th and 90th percentiles are single trials.
      for (const v of [r.balance.min, r.balance.max, r.balance.median, r.balance.p10, r.balance.p90]) {
        const blocks = (v - 5 + paid * 10) / 4;
        expect(Math.abs(blocks - Math.round(blocks)), `${v}`).toBeLessThan(1e-9);
      }
      expect(r.balance.max).toBeGreaterThan(r.balance.min);
    }
    // No fee on what it pays out (FPPS at 0%): no edge, no finite reserve.
    expect(ppsOperator(op({ poolFee: 0, paysFees: true })).analytic.reservesForDelta0001).toBe(Infinity);
  });

  it('no reserves and any payout: ruined before the first block; nothing paid out: never ruined', () => {
    expect(ppsOperator(op({ reserves: 0 })).ruin).toBe(1);
    const free = ppsOperator(op({ reserves: 0, poolFee: 1 }));
    expect(free.ruin).toBe(0);
    expect(free.balance.min).toBeGreaterThanOrEqual(0);
    expect(ppsOperator(op({ reserves: 1e6 })).ruin).toBe(0);
  });

  it('reports progress 50 times', () => {
    const seen: number[] = [];
    ppsOperator(op({ trials: 100 }), (f) => seen.push(f));
    expect(seen).toHaveLength(50);
    expect(seen.at(-1)).toBe(1);
  });

  it.each([
    ['poolHashrate', { poolHashrate: 0 }, /expected a hashrate above 0, got 0/],
    ['poolHashrate', { poolHashrate: NaN }, /got NaN/],
    ['difficulty', { difficulty: 0 }, /expected a difficulty above 0, got 0/],
    ['difficulty', { difficulty: Infinity }, /got Infinity/],
    ['poolFee', { poolFee: -0.1 }, /expected a fee between 0 and 1, got -0\.1/],
    ['poolFee', { poolFee: 1.1 }, /got 1\.1/],
    ['reserves', { reserves: -1 }, /expected reserves of 0 or more, got -1/],
    ['reserves', { reserves: Infinity }, /got Infinity/],
    ['seconds', { seconds: 0 }, /expected a period above 0, got 0/],
    ['seconds', { seconds: NaN }, /got NaN/],
    ['trials', { trials: 0 }, /expected a positive integer, got 0/],
    ['trials', { trials: 1.5 }, /got 1\.5/],
    ['subsidy', { subsidy: 0, fees: 0 }, /subsidy and fees must be 0 or more, and not both 0/],
    ['subsidy', { subsidy: -1, fees: 2 }, /0 or more/],
    ['subsidy', { subsidy: 2, fees: -1 }, /0 or more/],
    ['subsidy', { subsidy: Infinity }, /0 or more/],
    ['trials', { trials: 1000, seconds: 5e6 }, /too many trials times pool blocks for one run/],
  ] as const)('refuses a bad %s (%j)', (field, change, message) => {
    const e = inputError(() => ppsOperator(op(change)));
    expect(e.field).toBe(field);
    expect(e.message).toMatch(message);
  });

  it('accepts the bounds themselves', () => {
    expect(() => ppsOperator(op({ poolFee: 0 }))).not.toThrow();
    expect(() => ppsOperator(op({ poolFee: 1 }))).not.toThrow();
    expect(() => ppsOperator(op({ reserves: 0 }))).not.toThrow();
    expect(() => ppsOperator(op({ trials: 1 }))).not.toThrow();
    expect(() => ppsOperator(op({ subsidy: 0 }))).not.toThrow();
    expect(() => ppsOperator(op({ fees: 0 }))).not.toThrow();
    // One block past MAX_WORK (5e8 trials times blocks) is refused (exactly 5e8 would take minutes to run).
    expect(() => ppsOperator(op({ trials: 1, seconds: 5e8 + 1 }))).toThrow(/too many/);
  });
});

describe('pool hopping, exact parts', () => {
  it('E1 against mpmath / Abramowitz and Stegun table 5.1, on both sides of the series / continued fraction switch', () => {
    expect(expIntegralE1(0.1)).toBeCloseTo(1.8229239584193906, 13);
    expect(expIntegralE1(1)).toBeCloseTo(0.21938393439552027, 14);
    expect(expIntegralE1(1 + 1e-9)).toBeCloseTo(0.21938393439552027 - 1e-9 * Math.exp(-1), 12);
    expect(expIntegralE1(5)).toBeCloseTo(0.0011482955912753258, 16);
    expect(expIntegralE1(0.435)).toBeCloseTo(0.6471117610481821, 13);
    expect(() => expIntegralE1(0)).toThrow(/E1: expected x > 0, got 0/);
    expect(() => expIntegralE1(NaN)).toThrow(RangeError);
  });

  it('the PROP break-even point e^x E1(x) = 1 is x = 0.4348182043849038 (mpmath), and the hopper there earns 1.79803 per share', () => {
    expect(propHoppingThreshold()).toBeCloseTo(0.4348182043849038, 9);
    expect(propShareValue(0)).toBe(Infinity);
    expect(propShareValue(0.4348182043849038)).toBeCloseTo(1, 9);
    expect(propHopperEfficiency(0.435)).toBeCloseTo(1.7980306756460749, 12);
    expect(propHopperEfficiency(1)).toBeCloseTo(1.3470602740750615, 12);
  });

  it('a hopper that never leaves is a steady miner: every scheme pays it exactly as the others', () => {
    const r = hoppingExperiment({ threshold: 1e9, hopperFraction: 0.5, windowFactor: 1, rounds: 2000, seed: 3 });
    expect(r.threshold).toBe(1e9);
    expect(r.prop.hopper).toBeCloseTo(r.prop.steady, 12);
    expect(r.score.hopper).toBeCloseTo(r.prop.hopper, 12);
    expect(r.score.steady).toBeCloseTo(r.prop.steady, 12);
    expect(r.pps).toEqual({ hopper: 1, steady: 1 });
    // 2000 rounds of mean 1 D: a fair share of w D is worth w blocks, so about 1 each.
    expect(Math.abs(r.prop.hopper - 1)).toBeLessThan(4 / Math.sqrt(2000));
    // PPLNS credits the steady miners with the window before the first block, so only nearly equal.
    expect(Math.abs(r.pplns.hopper - r.pplns.steady)).toBeLessThan(0.01);
  });

  it('returns the share-value curve, the closed forms and the decay it used', () => {
    const r = hoppingExperiment({ threshold: 0.435, hopperFraction: 0.1, windowFactor: 1, scoreDecay: 0.1, rounds: 500, seed: 1 });
    expect(r.shareValueCurve).toHaveLength(40);
    expect(r.shareValueCurve[0]).toEqual({ x: 0.05, value: propShareValue(0.05) });
    expect(r.shareValueCurve[39]!.x).toBeCloseTo(2, 12);
    expect(r.analytic.propHopper).toBe(propHopperEfficiency(0.435));
    expect(r.analytic.scoreHopper).toBe(scoreHopperEfficiency(0.435, 0.1));
    expect(r.analytic.scoreDecay).toBe(0.1);
    expect(r.analytic.breakEvenThreshold).toBe(propHoppingThreshold());
    const seen: number[] = [];
    hoppingExperiment({ threshold: 0.435, hopperFraction: 0.1, windowFactor: 1, rounds: 1000, seed: 1 }, (f) => seen.push(f));
    expect(seen).toHaveLength(100);
    expect(seen[0]).toBe(0);
    expect(seen[99]).toBe(0.99);
  });

  it.each([
    ['threshold', { threshold: 0 }, /expected a positive number of D shares, got 0/],
    ['threshold', { threshold: Infinity }, /got Infinity/],
    ['hopperFraction', { hopperFraction: 0 }, /expected a fraction above 0, got 0/],
    ['hopperFraction', { hopperFraction: Infinity }, /got Infinity/],
    ['windowFactor', { windowFactor: 0 }, /expected a window above 0, got 0/],
    ['windowFactor', { windowFactor: Infinity }, /got Infinity/],
    ['scoreDecay', { scoreDecay: 0 }, /expected a decay above 0, got 0/],
    ['scoreDecay', { scoreDecay: Infinity }, /got Infinity/],
    ['rounds', { rounds: 0 }, /expected 1\.\.10,000,000 rounds, got 0/],
    ['rounds', { rounds: 10_000_001 }, /got 10000001/],
    ['rounds', { rounds: 1.5 }, /got 1\.5/],
  ] as const)('refuses a bad %s (%j)', (field, change, message) => {
    const e = inputError(() => hoppingExperiment({ threshold: 0.435, hopperFraction: 0.1, windowFactor: 1, rounds: 10, seed: 1, ...change }));
    expect(e.field).toBe(field);
    expect(e.message).toMatch(message);
  });

  it('accepts a single round', () => {
    expect(() => hoppingExperiment({ threshold: 0.435, hopperFraction: 0.1, windowFactor: 1, rounds: 1, seed: 1 })).not.toThrow();
  });
});

describe('PplnsWindow', () => {
  it('continuous: keeps the exact fraction of a segment the window still covers', () => {
    const w = new PplnsWindow(scripted({}), 10, true);
    w.add(0, 10, 5);
    expect(w.inWindow).toBe(5);
    expect(w.slideTo(10)).toBe(5);
    expect(w.slideTo(15)).toBe(2.5);
    w.add(15, 20, 4);
    expect(w.inWindow).toBe(6.5);
    expect(w.slideTo(25)).toBe(4);
    expect(w.slideTo(30)).toBe(0);
    w.reset();
    expect(w.inWindow).toBe(0);
    expect(w.slideTo(100)).toBe(0);
  });

  it('discrete: a Binomial draw of the part still inside, none for an empty segment', () => {
    const calls: [number, number][] = [];
    const w = new PplnsWindow(scripted({ binomial: (n, p) => (calls.push([n, p]), Math.floor(n * p)) }), 4, false);
    w.add(0, 8, 10);
    w.add(8, 9, 0);
    expect(w.slideTo(10)).toBe(2); // edge 6: 10 shares over (0, 8], a quarter left: Binomial(10, 1/4) = 2
    expect(calls).toEqual([[10, 0.25]]);
    expect(w.slideTo(12.5)).toBe(0); // edge 8.5: past the first, half into the empty one (no draw)
    expect(calls).toHaveLength(1);
  });

  it('stays exact after dropping a long prefix of old segments', () => {
    const w = new PplnsWindow(scripted({}), 3, true);
    for (let i = 0; i < 200; i++) {
      w.add(i, i + 1, 1);
      expect(w.slideTo(i + 1)).toBe(Math.min(i + 1, 3));
    }
    expect(w.slideTo(201.5)).toBe(1.5);
  });
});

describe('SCORE, exact parts', () => {
  it('refuses a decay that is not a finite r > 0, and a hopper leaving before it starts', () => {
    for (const r of [0, -1, Infinity, NaN]) {
      expect(() => scoreShareValue(1, r)).toThrow(/score decay: expected a finite r > 0, got/);
      expect(() => scoreHoppingThreshold(r)).toThrow(RangeError);
      expect(() => scoreHopperEfficiency(0.4, r)).toThrow(RangeError);
    }
    expect(() => scoreHopperEfficiency(0, 0.05)).toThrow(/expected tau > 0, got 0/);
    expect(scoreHopperEfficiency(Infinity, 0.05)).toBe(1);
    expect(scoreShareValue(0, 0.05)).toBe(Infinity);
    expect(scoreShareValue(-1, 0.05)).toBe(Infinity);
  });

  it('streamScore is zero for no shares or no time, and exact when every draw is scripted', () => {
    expect(streamScore(scripted({}), 0, 5)).toBe(0);
    expect(streamScore(scripted({}), 5, 0)).toBe(0);
    expect(streamScore(scripted({}), -1, 5)).toBe(0);
    const m1 = (l: number) => -Math.expm1(-l) / l;
    // 64 shares in one decay length: summed one by one (uniform 0: each weighs e^0 = 1).
    expect(streamScore(scripted({ poisson: () => 64, uniform: new Array(64).fill(0) }), 64, 1)).toBe(64);
    // 65: from their mean (normal draw 0).
    expect(streamScore(scripted({ poisson: () => 65, normal: [0] }), 65, 1)).toBeCloseTo(65 * m1(1), 12);
    // Segments of 1, 1 and 0.5 decay lengths, each scaled by e^-k; an empty segment adds nothing.
    const counts = [100, 0, 50];
    const s = scripted({ poisson: () => counts.shift()!, normal: [0], uniform: new Array(50).fill(0.5) });
    expect(streamScore(s, 100, 2.5)).toBeCloseTo(100 * m1(1) + Math.exp(-2) * 50 * Math.exp(-0.25), 12);
    // A million shares per decay length: the one-shot normal, mean a (1 - e^-L).
    expect(streamScore(scripted({ normal: [0] }), 1e6, 3)).toBeCloseTo(-1e6 * Math.expm1(-3), 6);
    expect(streamScore(scripted({ normal: [-1e9] }), 1e6, 3)).toBe(0);
    expect(SCORE_HORIZON).toBe(40);
  });
});
