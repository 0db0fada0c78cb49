// Pool payout schemes side by side: one module per scheme, the shared types here, and the registry
// the UI, the worker and the CLI pick schemes from.
//
// Every simulation is a Monte Carlo over a period: the miner's earnings in coins (after the pool
// fee) in each trial, summarised as a histogram, mean, standard deviation, P(no payout), median,
// p10 and p90, with the time to the first payout. Next to them, `analytic` holds the closed forms
// from Rosenfeld 2011 (arXiv:1112.4980) that the tests check the simulation against.

import { fpps } from './fpps.js';
import { normalizeInput, type FieldNames } from './model.js';
import { pplns } from './pplns.js';
import { pps } from './pps.js';
import { prop } from './prop.js';
import { score } from './score.js';
import { solo } from './solo.js';

export type SchemeId = 'solo' | 'prop' | 'pps' | 'fpps' | 'pplns' | 'score';

export interface PayoutInput {
  /** The miner's hashrate, H/s. */
  hashrate: number;
  /** The whole pool's hashrate including the miner, H/s (solo ignores it). */
  poolHashrate: number;
  /** Network difficulty (difficulty-1 target = 2^32 expected hashes per share). */
  difficulty: number;
  /** Block subsidy, coins. */
  subsidy: number;
  /** Average transaction fees per block, coins. */
  fees: number;
  /** The pool's fee as a fraction, 0..1 (0.02 is 2%). */
  poolFee: number;
  /** Difficulty of one share; 1 is Rosenfeld's unit. */
  shareDifficulty: number;
  /** Length of the period, seconds. */
  seconds: number;
  trials: number;
  seed: number;
  /** PPLNS window in shares of `shareDifficulty`; by default windowFactor * D / S. */
  window?: number | undefined;
  /** PPLNS window as a multiple X of the difficulty (N = X D in difficulty-1 shares); default 1. */
  windowFactor?: number | undefined;
  /** SCORE decay length r as a multiple of D: a share s shares into the round scores exp(s / (r D)); default 0.05. */
  scoreDecay?: number | undefined;
  /** Histogram bins, default 40. */
  bins?: number | undefined;
}

/** Expected counts over the period, derived once from the input. */
export interface Rates {
  /** The miner's fraction of the pool, h / H. */
  q: number;
  /** Probability that a share is a block, S / D. */
  p: number;
  /** Subsidy plus fees, coins. */
  reward: number;
  minerBlocks: number;
  poolBlocks: number;
  minerShares: number;
  poolShares: number;
  /** Mean seconds between the miner's shares, and the pool's. */
  minerShareSeconds: number;
  poolShareSeconds: number;
  /** PPLNS window N, in shares of the share difficulty. */
  window: number;
}

export interface Histogram {
  /** Left edge of the first bin. */
  min: number;
  /** Bin width; 0 when every value is the same (then one bin holds them all). */
  width: number;
  counts: number[];
}

export interface Summary {
  mean: number;
  stdev: number;
  /** Fraction of trials with no payout at all in the period. */
  pZero: number;
  median: number;
  p10: number;
  p90: number;
  min: number;
  max: number;
  histogram: Histogram;
}

export interface FirstPayout {
  /** Fraction of trials with at least one payout in the period. */
  pWithinPeriod: number;
  /** Mean and median over the trials that were paid at all. */
  meanSeconds: number | null;
  medianSeconds: number | null;
}

/**
 * The closed forms for the same input. `mean` and `stdev` are of the earnings over the period;
 * `pZero` the chance of no payout; `meanTimeToFirstPayout` in seconds for a miner already mining.
 * Scheme-specific figures (PPS reserves, PPLNS variance per share, ...) are added by each scheme.
 */
export interface Analytic {
  mean: number;
  stdev: number;
  pZero: number;
  meanTimeToFirstPayout: number;
  [figure: string]: number | null;
}

export interface SchemeResult {
  scheme: SchemeId;
  trials: number;
  seconds: number;
  /** The miner's earnings over the period, coins after the pool fee. */
  earnings: Summary;
  firstPayout: FirstPayout;
  analytic: Analytic;
  /** Scheme-specific simulated extras (e.g. the PPS operator's balance). */
  extra?: Record<string, unknown>;
}

export interface Scheme {
  id: SchemeId;
  name: string;
  /** Two or three sentences for a learner. */
  explanation: string;
  /** Whether the miner's payouts include transaction fees. */
  paysFees: boolean;
  analytic(input: PayoutInput): Analytic;
  simulate(input: PayoutInput, onProgress?: (fraction: number) => void): SchemeResult;
}

export const SCHEMES: Readonly<Record<SchemeId, Scheme>> = Object.freeze({ solo, prop, pps, fpps, pplns, score });
export const SCHEME_IDS = Object.keys(SCHEMES) as SchemeId[];

export function isSchemeId(value: string): value is SchemeId {
  return Object.prototype.hasOwnProperty.call(SCHEMES, value);
}

/** Checks the input (InputError naming the field), fills in defaults and simulates one scheme. */
export function simulatePayouts(
  scheme: SchemeId,
  raw: Partial<PayoutInput> & Pick<PayoutInput, 'hashrate' | 'difficulty' | 'subsidy'>,
  options: { names?: FieldNames; onProgress?: (fraction: number) => void } = {},
): SchemeResult {
  const input = normalizeInput(raw, options.names);
  return SCHEMES[scheme].simulate(input, options.onProgress);
}

export { normalizeInput, rates, DEFAULTS, type FieldNames } from './model.js';
export { ppsOperator, ppsReserves, ppsRuinProbability, type OperatorInput, type OperatorResult } from './pps.js';
export { hoppingExperiment, propShareValue, propHopperEfficiency, type HoppingInput, type HoppingResult } from './hopping.js';
export { scoreHopperEfficiency, scoreHoppingThreshold, scoreShareValue } from './score.js';
