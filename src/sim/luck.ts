// Luck and solo-mining odds. Every hash is an independent trial that wins with probability
// p = 1 / (difficulty * 2^32), so at a steady hashrate H the number of blocks found in t seconds is
// Poisson with mean lambda = H * t * p, and the wait for the first block is exponential with mean
// 1 / (H * p). Everything here follows from those two facts.
//
// difficulty * 2^32 is the expected number of hashes per block that Bitcoin's docs and explorers
// use; the exact figure for a target is 2^256 / (target + 1) (target.ts expectedHashes), which for
// nBits targets is larger by the factor 65536 / 65535 (0.0015%). The toy targets below use the exact
// figure, since there it is a round power of two.

import { logGamma } from './random.js';
import { difficultyFromBits, expectedHashes, targetFromLeadingZeroBits } from '../model/target.js';
import { InputError } from '../model/validate.js';

export const SECONDS_PER_DAY = 86_400;
/** A Julian year, 365.25 days. */
export const SECONDS_PER_YEAR = 31_557_600;
/** "A lifetime" of mining, in years, unless the learner changes it. */
export const DEFAULT_LIFETIME_YEARS = 80;

/**
 * A recent Bitcoin mainnet difficulty, bundled as the default (the learner can edit it).
 *
 * nBits 0x17028c61 took effect at the retarget of block 878,976 on 12 January 2025: difficulty
 * 110,451,907,374,649.5 ("110.45 trillion at block height 878,976", cryptodnes.bg, "Bitcoin mining
 * difficulty hits record high as network strengthens", January 2025). The nBits is the one whose
 * Core GetDifficulty gives exactly the 110451907374649.515625 that miner firmware logged against a
 * live block template that week (the NerdQAxe test-stratum-server README; its template time is
 * 0x67845470, 2025-01-12 23:46 UTC). luck.test.ts checks that the two agree.
 */
export const BUNDLED_DIFFICULTY = Object.freeze({
  bits: 0x17028c61,
  difficulty: 110_451_907_374_649.52,
  height: 878_976,
  date: '2025-01-12',
  source: 'Bitcoin mainnet retarget at block 878,976 (12 January 2025), nBits 0x17028c61',
});

const TWO_POW_32 = 2 ** 32;

function positive(value: number, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new InputError(field, `expected a positive number, got ${String(value)}`);
  }
  return value;
}

/** Expected hashes per block at a difficulty: difficulty * 2^32. */
export function hashesPerBlock(difficulty: number): number {
  return positive(difficulty, 'difficulty') * TWO_POW_32;
}

/** Mean seconds to a block at this hashrate (hashes per second) and difficulty. */
export function expectedSecondsToBlock(hashrate: number, difficulty: number): number {
  return hashesPerBlock(difficulty) / positive(hashrate, 'hashrate');
}

/** Expected blocks in `seconds` (the Poisson mean): hashrate * seconds / (difficulty * 2^32). */
export function expectedBlocks(hashrate: number, difficulty: number, seconds: number): number {
  if (!(seconds >= 0) || !Number.isFinite(seconds)) throw new InputError('seconds', `expected a duration >= 0, got ${String(seconds)}`);
  return seconds / expectedSecondsToBlock(hashrate, difficulty);
}

/**
 * P(at least one block in `seconds`) = 1 - e^-lambda, computed as -expm1(-lambda) so that the tiny
 * odds of a single device against the whole network (1e-12 and less) are not rounded to 0.
 */
export function probabilityOfBlock(hashrate: number, difficulty: number, seconds: number): number {
  return -Math.expm1(-expectedBlocks(hashrate, difficulty, seconds));
}

/**
 * The time by which the first block has come with probability p: the p-quantile of the exponential,
 * -ln(1 - p) * mean (computed with log1p for small p).
 */
export function timeToFirstBlock(hashrate: number, difficulty: number, p: number): number {
  if (!(p >= 0 && p < 1)) throw new InputError('p', `expected a probability in [0, 1), got ${String(p)}`);
  return -Math.log1p(-p) * expectedSecondsToBlock(hashrate, difficulty);
}

export interface Percentiles {
  p10: number;
  p50: number;
  p90: number;
}

export function firstBlockPercentiles(hashrate: number, difficulty: number): Percentiles {
  return {
    p10: timeToFirstBlock(hashrate, difficulty, 0.1),
    p50: timeToFirstBlock(hashrate, difficulty, 0.5),
    p90: timeToFirstBlock(hashrate, difficulty, 0.9),
  };
}

/** P(exactly k blocks) for a Poisson mean lambda, in log space so large k and lambda stay finite. */
export function poissonPmf(k: number, lambda: number): number {
  if (!Number.isInteger(k) || k < 0) return 0;
  if (!(lambda >= 0) || !Number.isFinite(lambda)) throw new InputError('lambda', `expected a finite mean >= 0, got ${String(lambda)}`);
  if (lambda === 0) return k === 0 ? 1 : 0;
  return Math.exp(k * Math.log(lambda) - lambda - logGamma(k + 1));
}

export interface PoissonBar {
  k: number;
  probability: number;
}

/**
 * The distribution of blocks found in a period, for a chart: every k with non-negligible probability,
 * from the lowest to the highest, at most `maxBars` of them (the middle of the distribution is kept
 * when it is wider). `rest` is the probability outside the bars shown.
 */
export function poissonDistribution(lambda: number, maxBars = 41): { bars: PoissonBar[]; rest: number } {
  if (!(lambda >= 0) || !Number.isFinite(lambda)) throw new InputError('lambda', `expected a finite mean >= 0, got ${String(lambda)}`);
  if (!Number.isInteger(maxBars) || maxBars < 1) throw new InputError('maxBars', `expected a positive whole number, got ${String(maxBars)}`);
  const mode = Math.floor(lambda);
  const half = Math.floor((maxBars - 1) / 2);
  let low = Math.max(0, mode - half);
  let high = low + maxBars - 1;
  // Trim bars too small to see (below 1e-6), keeping the mode.
  while (high > mode && poissonPmf(high, lambda) < 1e-6) high--;
  while (low < mode && poissonPmf(low, lambda) < 1e-6) low++;
  const bars: PoissonBar[] = [];
  let shown = 0;
  for (let k = low; k <= high; k++) {
    const probability = poissonPmf(k, lambda);
    shown += probability;
    bars.push({ k, probability });
  }
  return { bars, rest: Math.max(0, 1 - shown) };
}

export interface SoloOdds {
  hashrate: number;
  difficulty: number;
  expectedSeconds: number;
  /** P(at least one block) within a day, a year and a lifetime. */
  day: number;
  year: number;
  lifetime: number;
  lifetimeYears: number;
  percentiles: Percentiles;
}

export function soloOdds(hashrate: number, difficulty: number, lifetimeYears = DEFAULT_LIFETIME_YEARS): SoloOdds {
  positive(lifetimeYears, 'lifetimeYears');
  return {
    hashrate,
    difficulty,
    expectedSeconds: expectedSecondsToBlock(hashrate, difficulty),
    day: probabilityOfBlock(hashrate, difficulty, SECONDS_PER_DAY),
    year: probabilityOfBlock(hashrate, difficulty, SECONDS_PER_YEAR),
    lifetime: probabilityOfBlock(hashrate, difficulty, lifetimeYears * SECONDS_PER_YEAR),
    lifetimeYears,
    percentiles: firstBlockPercentiles(hashrate, difficulty),
  };
}

/**
 * A toy target a learner can actually hit: a hash with at least `zeroBits` leading zero bits. Its
 * expected hashes are exactly 2^zeroBits, and its difficulty in Bitcoin's units (which may be far
 * below 1) is 2^zeroBits / 2^32.
 */
export function toyDifficulty(zeroBits: number): { zeroBits: number; expectedHashes: number; difficulty: number } {
  const target = targetFromLeadingZeroBits(zeroBits, 'zeroBits');
  const hashes = expectedHashes(target);
  return { zeroBits, expectedHashes: hashes, difficulty: hashes / TWO_POW_32 };
}

/** The difficulty of nBits (Core's GetDifficulty), for a learner who types nBits instead. */
export function difficultyOfBits(bits: number): number {
  return difficultyFromBits(bits);
}

/** The network hashrate that makes blocks come every 600 s at this difficulty. */
export function networkHashrate(difficulty: number): number {
  return hashesPerBlock(difficulty) / 600;
}
