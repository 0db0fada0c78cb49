// What every payout scheme shares: input checks, the expected rates of shares and blocks, the trial
// loop and the summary of the simulated earnings (histogram, quantiles, time to first payout).
//
// The model is Rosenfeld's (M. Rosenfeld, "Analysis of Bitcoin Pooled Mining Reward Systems", 2011,
// arXiv:1112.4980, §1): every hash is a share of difficulty S with probability 1 / (2^32 S), and
// every share is a block with probability p = S / D, all independent. Hashrates are constant over
// the period, so shares and blocks are Poisson processes in time.

import { InputError } from '../../model/validate.js';
import type { Analytic, FirstPayout, Histogram, PayoutInput, Rates, SchemeId, SchemeResult, Summary } from './index.js';
import { Sampler } from '../samplers.js';

export const TWO_POW_32 = 2 ** 32;
/** The most trials times pool blocks per trial that one simulation may cost. */
export const MAX_WORK = 5e8;

/** The largest difficulty Bitcoin's rules can express: powLimit (0xffff × 2^208) over a target of 1. */
export const MAX_DIFFICULTY = 0xffff * 2 ** 208;
/** The smallest: powLimit over the largest target, 2^256 (about 2.3e-10). */
export const MIN_DIFFICULTY = (0xffff * 2 ** 208) / 2 ** 256;
/** A cap on the coins per block (subsidy, fees), far above any real chain's, so every figure stays finite. */
export const MAX_BLOCK_REWARD = 1e15;
/** A cap on the PPLNS window and SCORE decay, as multiples of the difficulty. */
export const MAX_WINDOW_FACTOR = 1000;
/** The longest period simulated: 100 years. */
export const MAX_SECONDS = 36_525 * 86_400;

export const DEFAULTS = {
  fees: 0,
  poolFee: 0,
  shareDifficulty: 1,
  seconds: 86_400,
  trials: 10_000,
  seed: 1,
  windowFactor: 1,
  /** SCORE decay length as a multiple of D (score.ts). */
  scoreDecay: 0.05,
  bins: 40,
} as const;

/** Names the fields in messages: the CLI passes its flag names, forms their input names. */
export type FieldNames = Partial<Record<keyof PayoutInput, string>>;

function check(ok: boolean, field: keyof PayoutInput, names: FieldNames, message: string): void {
  if (!ok) throw new InputError(names[field] ?? field, message);
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Fills in defaults and checks every field; throws an InputError naming the first bad one. */
export function normalizeInput(raw: Partial<PayoutInput> & Pick<PayoutInput, 'hashrate' | 'difficulty' | 'subsidy'>, names: FieldNames = {}): PayoutInput {
  const input: PayoutInput = {
    hashrate: raw.hashrate,
    poolHashrate: raw.poolHashrate ?? raw.hashrate,
    difficulty: raw.difficulty,
    subsidy: raw.subsidy,
    fees: raw.fees ?? DEFAULTS.fees,
    poolFee: raw.poolFee ?? DEFAULTS.poolFee,
    shareDifficulty: raw.shareDifficulty ?? DEFAULTS.shareDifficulty,
    seconds: raw.seconds ?? DEFAULTS.seconds,
    trials: raw.trials ?? DEFAULTS.trials,
    seed: raw.seed ?? DEFAULTS.seed,
    window: raw.window,
    windowFactor: raw.windowFactor,
    scoreDecay: raw.scoreDecay,
    bins: raw.bins ?? DEFAULTS.bins,
  };
  check(finite(input.hashrate) && input.hashrate > 0, 'hashrate', names, `expected a hashrate above 0 H/s, got ${input.hashrate}`);
  check(finite(input.poolHashrate) && input.poolHashrate > 0, 'poolHashrate', names, `expected a hashrate above 0 H/s, got ${input.poolHashrate}`);
  check(input.poolHashrate >= input.hashrate, 'poolHashrate', names, `the pool (${input.poolHashrate} H/s) cannot be smaller than the miner in it (${input.hashrate} H/s)`);
  check(finite(input.difficulty) && input.difficulty > 0, 'difficulty', names, `expected a difficulty above 0, got ${input.difficulty}`);
  check(
    input.difficulty >= MIN_DIFFICULTY && input.difficulty <= MAX_DIFFICULTY,
    'difficulty',
    names,
    `expected a difficulty from ${MIN_DIFFICULTY.toPrecision(3)} to ${MAX_DIFFICULTY.toPrecision(3)} (what a 256-bit target can express), got ${input.difficulty}`,
  );
  check(finite(input.subsidy) && input.subsidy >= 0, 'subsidy', names, `expected a block subsidy of 0 or more, got ${input.subsidy}`);
  check(input.subsidy <= MAX_BLOCK_REWARD, 'subsidy', names, `expected a block subsidy of at most ${MAX_BLOCK_REWARD} coins, got ${input.subsidy}`);
  check(finite(input.fees) && input.fees >= 0, 'fees', names, `expected fees of 0 or more per block, got ${input.fees}`);
  check(input.fees <= MAX_BLOCK_REWARD, 'fees', names, `expected fees of at most ${MAX_BLOCK_REWARD} coins per block, got ${input.fees}`);
  check(input.subsidy + input.fees > 0, 'subsidy', names, 'subsidy plus fees must be above 0');
  check(finite(input.poolFee) && input.poolFee >= 0 && input.poolFee <= 1, 'poolFee', names, `expected a fee between 0 and 1 (0.02 is 2%), got ${input.poolFee}`);
  check(finite(input.shareDifficulty) && input.shareDifficulty > 0, 'shareDifficulty', names, `expected a share difficulty above 0, got ${input.shareDifficulty}`);
  check(input.shareDifficulty >= MIN_DIFFICULTY, 'shareDifficulty', names, `expected a share difficulty of at least ${MIN_DIFFICULTY.toPrecision(3)} (a target of 2^256), got ${input.shareDifficulty}`);
  check(input.shareDifficulty <= input.difficulty, 'shareDifficulty', names, `a share difficulty (${input.shareDifficulty}) above the network difficulty (${input.difficulty}) makes every share a block`);
  check(finite(input.seconds) && input.seconds > 0, 'seconds', names, `expected a period above 0, got ${input.seconds}`);
  check(input.seconds <= MAX_SECONDS, 'seconds', names, `expected a period of at most 100 years (36525 days), got ${input.seconds / 86_400} days`);
  check(Number.isSafeInteger(input.trials) && input.trials >= 1 && input.trials <= 10_000_000, 'trials', names, `expected an integer from 1 to 10,000,000, got ${input.trials}`);
  check(Number.isSafeInteger(input.seed), 'seed', names, `expected an integer, got ${input.seed}`);
  check(input.bins === undefined || (Number.isSafeInteger(input.bins) && input.bins >= 1 && input.bins <= 1000), 'bins', names, `expected 1..1000 bins, got ${input.bins}`);
  if (input.window !== undefined) {
    check(finite(input.window) && input.window >= 1, 'window', names, `expected a window of at least 1 share, got ${input.window}`);
    const most = (MAX_WINDOW_FACTOR * input.difficulty) / input.shareDifficulty;
    check(input.window <= most, 'window', names, `expected a window of at most ${MAX_WINDOW_FACTOR} × D / S = ${most.toPrecision(3)} shares, got ${input.window}`);
  }
  if (input.windowFactor !== undefined) {
    check(
      finite(input.windowFactor) && input.windowFactor > 0 && input.windowFactor <= MAX_WINDOW_FACTOR,
      'windowFactor',
      names,
      `expected a window factor above 0 and at most ${MAX_WINDOW_FACTOR} (× the difficulty), got ${input.windowFactor}`,
    );
  }
  if (input.scoreDecay !== undefined) {
    check(finite(input.scoreDecay) && input.scoreDecay > 0 && input.scoreDecay <= 1000, 'scoreDecay', names, `expected a score decay above 0 and at most 1000 (× the difficulty), got ${input.scoreDecay}`);
  }
  return input;
}

export function rates(input: PayoutInput): Rates {
  const { hashrate, poolHashrate, difficulty, shareDifficulty, seconds } = input;
  const reward = input.subsidy + input.fees;
  const window = input.window ?? ((input.windowFactor ?? DEFAULTS.windowFactor) * difficulty) / shareDifficulty;
  return {
    q: hashrate / poolHashrate,
    p: shareDifficulty / difficulty,
    reward,
    minerBlocks: (hashrate * seconds) / (TWO_POW_32 * difficulty),
    poolBlocks: (poolHashrate * seconds) / (TWO_POW_32 * difficulty),
    minerShares: (hashrate * seconds) / (TWO_POW_32 * shareDifficulty),
    poolShares: (poolHashrate * seconds) / (TWO_POW_32 * shareDifficulty),
    minerShareSeconds: (TWO_POW_32 * shareDifficulty) / hashrate,
    poolShareSeconds: (TWO_POW_32 * shareDifficulty) / poolHashrate,
    window,
  };
}

/** Refuses a simulation that would take minutes (the UI and CLI show this as an input error). */
export function checkWork(input: PayoutInput, blocksPerTrial: number, names: FieldNames = {}): void {
  const work = input.trials * Math.max(1, blocksPerTrial);
  if (work > MAX_WORK) {
    throw new InputError(
      names.trials ?? 'trials',
      `${input.trials} trials of about ${Math.round(blocksPerTrial)} pool blocks each is too much work; use fewer trials, a shorter period or a higher difficulty`,
    );
  }
}

/** One trial writes its earnings (coins) and the time of its first payout (Infinity if none). */
export interface TrialOutcome {
  earnings: number;
  firstPayout: number;
}

/**
 * The pool's blocks over `seconds`, a Poisson process with mean gap `blockSeconds`: calls `round`
 * with each block's time and the length of the round it ends. The first round began before the
 * period (a draw of its own), as a miner joins a pool mid-round.
 */
export function forEachRound(s: Sampler, blockSeconds: number, seconds: number, round: (t: number, length: number) => void): void {
  let last = -s.exponential(blockSeconds);
  let t = 0;
  for (;;) {
    t += s.exponential(blockSeconds);
    if (t > seconds) break;
    round(t, t - last);
    last = t;
  }
}

/**
 * A round ends with a block. Its finding share is the miner's with probability q (the miner's part of
 * the pool's hashrate), then the reward kept after the fee is split by weight: share counts under
 * PROP, scores under SCORE. `t` is when the round ended, for the first payout.
 */
export function payRound(s: Sampler, out: TrialOutcome, q: number, keep: number, mine: number, others: number, t: number): void {
  if (s.uniform() < q) mine += 1;
  else others += 1;
  if (mine > 0) {
    out.earnings += (keep * mine) / (mine + others);
    if (out.firstPayout === Infinity) out.firstPayout = t;
  }
}

export interface Samples {
  earnings: Float64Array;
  firstPayout: Float64Array;
}

/**
 * Runs `trials` trials, each with the same sampler stream continued, so the result depends only on
 * the seed. `onProgress` is called with the fraction done every ~1/50 of the trials.
 */
export function runTrials(input: PayoutInput, trial: (sampler: Sampler, out: TrialOutcome) => void, onProgress?: (fraction: number) => void): Samples {
  const sampler = new Sampler(input.seed);
  const earnings = new Float64Array(input.trials);
  const firstPayout = new Float64Array(input.trials);
  const out: TrialOutcome = { earnings: 0, firstPayout: Infinity };
  const step = Math.max(1, Math.floor(input.trials / 50));
  for (let i = 0; i < input.trials; i++) {
    out.earnings = 0;
    out.firstPayout = Infinity;
    trial(sampler, out);
    earnings[i] = out.earnings;
    firstPayout[i] = out.firstPayout;
    if (onProgress && (i + 1) % step === 0) onProgress((i + 1) / input.trials);
  }
  return { earnings, firstPayout };
}

/** Linear interpolation between order statistics (Hyndman and Fan type 7, as R and NumPy default). */
export function quantile(sorted: Float64Array, prob: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * prob;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export function histogram(sorted: Float64Array, bins: number): Histogram {
  const min = sorted[0] ?? 0;
  const max = sorted[sorted.length - 1] ?? 0;
  const width = max > min ? (max - min) / bins : 0;
  const counts = new Array<number>(width > 0 ? bins : 1).fill(0);
  for (const v of sorted) {
    const i = width > 0 ? Math.min(bins - 1, Math.floor((v - min) / width)) : 0;
    counts[i]!++;
  }
  return { min, width, counts };
}

export function summarize(values: Float64Array, bins: number): Summary {
  const n = values.length;
  let sum = 0;
  let zeros = 0;
  for (const v of values) {
    sum += v;
    if (v === 0) zeros++;
  }
  const mean = sum / n;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  const sorted = Float64Array.from(values).sort();
  return {
    mean,
    stdev: n > 1 ? Math.sqrt(squares / (n - 1)) : 0,
    pZero: zeros / n,
    median: quantile(sorted, 0.5),
    p10: quantile(sorted, 0.1),
    p90: quantile(sorted, 0.9),
    min: sorted[0]!,
    max: sorted[n - 1]!,
    histogram: histogram(sorted, bins),
  };
}

export function summarizeFirstPayout(times: Float64Array): FirstPayout {
  const paid = times.filter((t) => Number.isFinite(t)).sort();
  let sum = 0;
  for (const t of paid) sum += t;
  return {
    pWithinPeriod: paid.length / times.length,
    meanSeconds: paid.length > 0 ? sum / paid.length : null,
    medianSeconds: paid.length > 0 ? quantile(paid, 0.5) : null,
  };
}

/** A scheme's result: the trials' earnings and first payouts summarised, beside its closed forms. */
export function schemeResult(scheme: SchemeId, input: PayoutInput, samples: Samples, analytic: Analytic): SchemeResult {
  return {
    scheme,
    trials: input.trials,
    seconds: input.seconds,
    earnings: summarize(samples.earnings, input.bins ?? 40),
    firstPayout: summarizeFirstPayout(samples.firstPayout),
    analytic,
  };
}
