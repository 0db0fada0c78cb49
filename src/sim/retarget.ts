// Bitcoin mainnet retargeting exactly as Bitcoin Core computes it (src/pow.cpp GetNextWorkRequired
// and CalculateNextWorkRequired, mainnet parameters from src/kernel/chainparams.cpp):
//
// - The target changes only for a block whose height is a multiple of 2016.
// - actual = time(last block of the period) - time(first block of the period). Those two blocks are
//   2015 intervals apart, yet the result is compared with 2016 * 600 s: a known off-by-one that has
//   been part of consensus since 2009 (it makes blocks come on average 600 * 2016/2015 ≈ 600.3 s
//   apart under constant hashrate), so it is reproduced, not fixed.
// - actual is clamped to [T/4, 4T]; newTarget = oldTarget * actual / T in 256-bit integers (BigInt
//   here), capped at powLimit, then rounded down through the compact nBits form (GetCompact), since
//   the header can only carry 24 bits of mantissa.
//
// The nBits conversions are those of target.ts (SetCompact / GetCompact), not a second copy.

import { checkBits, decodeCompact, difficultyFromBits, encodeCompact, POW_LIMIT } from '../model/target.js';
import type { ChainView, Daa } from './daa/index.js';
import { InputError } from '../model/validate.js';

/** Blocks per retarget period (consensus.DifficultyAdjustmentInterval()). */
export const RETARGET_INTERVAL = 2016;
/** Target block spacing, seconds (consensus.nPowTargetSpacing). */
export const TARGET_SPACING = 600;
/** Target timespan of a period, seconds (consensus.nPowTargetTimespan): two weeks. */
export const TARGET_TIMESPAN = RETARGET_INTERVAL * TARGET_SPACING;

export interface RetargetParams {
  /** Default mainnet: 1,209,600 s. */
  targetTimespan: number;
  /** Default mainnet powLimit, 2^224 - 1. */
  powLimit: bigint;
}

export const MAINNET_RETARGET: Readonly<RetargetParams> = Object.freeze({ targetTimespan: TARGET_TIMESPAN, powLimit: POW_LIMIT });

export interface RetargetResult {
  /** nBits of the first block of the new period. */
  bits: number;
  /** Its target, decoded from `bits` (so already rounded to what nBits can express). */
  target: bigint;
  /** The target before compact rounding (after the powLimit cap). */
  exactTarget: bigint;
  /** Core's GetDifficulty of `bits`. */
  difficulty: number;
  /** lastTime - firstTime, seconds: what the 2015 intervals of the period took. */
  timespan: number;
  /** timespan clamped to [T/4, 4T]: what the formula actually uses. */
  clampedTimespan: number;
  /** Which bound of the clamp applied, if any. */
  clamp: 'min' | 'max' | null;
  /** The new target would have been easier than powLimit, so powLimit was used. */
  cappedAtPowLimit: boolean;
}

/** [T/4, 4T]: Core's clamp on the measured timespan, so one period changes the target at most 4x. */
export function clampTimespan(timespan: number, targetTimespan = TARGET_TIMESPAN): number {
  const min = Math.trunc(targetTimespan / 4);
  const max = targetTimespan * 4;
  return timespan < min ? min : timespan > max ? max : timespan;
}

/** A block time as Core reads it: an integer number of seconds (nTime is a uint32). */
function checkTime(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 0 || value > 0xffffffff) {
    throw new InputError(field, `expected a Unix time in seconds (0 to 4294967295), got ${String(value)}`);
  }
  return value;
}

/**
 * CalculateNextWorkRequired for mainnet: the nBits of the block after `lastTime`'s block, when that
 * block starts a new period. `bits` is the nBits of the period that is ending; `firstTime` and
 * `lastTime` are the times of its first and last blocks.
 *
 * Throws an InputError for an nBits that is not a usable target (negative, zero, overflowing, above
 * powLimit) and for a last time before the first. (Core itself would accept such timestamps and clamp
 * the negative span to T/4; a calculator refuses them, because they are almost always a typing slip.)
 */
export function calculateNextWorkRequired(
  bits: number,
  firstTime: number,
  lastTime: number,
  params: RetargetParams = MAINNET_RETARGET,
): RetargetResult {
  const oldTarget = checkBits(bits, 'bits', params.powLimit);
  checkTime(firstTime, 'firstTime');
  checkTime(lastTime, 'lastTime');
  if (lastTime < firstTime) {
    throw new InputError('lastTime', `${lastTime} is before the first block's time ${firstTime}: the last block of a period cannot come before its first`);
  }
  return retargetFromTarget(oldTarget, lastTime - firstTime, params);
}

/** The retarget arithmetic itself, from a decoded target and a measured timespan (any integer). */
export function retargetFromTarget(oldTarget: bigint, timespan: number, params: RetargetParams = MAINNET_RETARGET): RetargetResult {
  if (!Number.isSafeInteger(timespan)) throw new InputError('timespan', `expected an integer number of seconds, got ${String(timespan)}`);
  const clampedTimespan = clampTimespan(timespan, params.targetTimespan);
  let exactTarget = (oldTarget * BigInt(clampedTimespan)) / BigInt(params.targetTimespan);
  const cappedAtPowLimit = exactTarget > params.powLimit;
  if (cappedAtPowLimit) exactTarget = params.powLimit;
  const bits = encodeCompact(exactTarget);
  return {
    bits,
    target: decodeCompact(bits).target,
    exactTarget,
    difficulty: difficultyFromBits(bits),
    timespan,
    clampedTimespan,
    clamp: clampedTimespan > timespan ? 'min' : clampedTimespan < timespan ? 'max' : null,
    cappedAtPowLimit,
  };
}

/** True when the block at this height starts a new period (and so may carry a new nBits). */
export function isRetargetHeight(height: number): boolean {
  return Number.isSafeInteger(height) && height > 0 && height % RETARGET_INTERVAL === 0;
}

/**
 * The heights whose times a retarget at `height` reads: the first and last blocks of the period that
 * ends just before it (Core: pindexLast->nHeight - (interval - 1), and pindexLast).
 */
export function retargetWindow(height: number): { firstHeight: number; lastHeight: number } {
  if (!isRetargetHeight(height)) throw new InputError('height', `${height} is not a retarget height (a positive multiple of ${RETARGET_INTERVAL})`);
  return { firstHeight: height - RETARGET_INTERVAL, lastHeight: height - 1 };
}

/**
 * The simulator's view of the same rule: blocks are indexed by height, and the chain starts at a
 * multiple of 2016, so `last + 1` is a retarget height exactly when Core would retarget.
 */
export function createBitcoinDaa(): Daa {
  return {
    id: 'bitcoin',
    history: 1,
    next(chain: ChainView, last: number): number {
      const bits = chain.bits[last]!;
      if ((last + 1) % RETARGET_INTERVAL !== 0) return bits;
      const timespan = chain.times[last]! - chain.times[last - (RETARGET_INTERVAL - 1)]!;
      return retargetFromTarget(decodeCompact(bits).target, timespan).bits;
    },
  };
}
