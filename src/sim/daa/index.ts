// What every difficulty-adjustment algorithm (DAA) in the simulator has in common.
//
// The simulator keeps a chain as typed arrays (no object per block): integer timestamps and nBits.
// A DAA reads the chain up to block `last` and returns the nBits of block `last + 1`. Every DAA's
// output goes through the compact nBits form, as on a real chain, so the difficulty steps it shows
// are ones a header could carry.
//
// The double-precision nBits helpers below are the simulator's fast path: a BigInt per block would
// make a million blocks take seconds. They agree with target.ts's SetCompact / GetCompact wherever
// the double holds the value (tested against them property by property in daa.test.ts).

import { POW_LIMIT } from '../../model/target.js';

export type AlgorithmId = 'bitcoin' | 'asert' | 'lwma' | 'sma';

export const ALGORITHM_IDS: readonly AlgorithmId[] = ['bitcoin', 'asert', 'lwma', 'sma'];

/** The chain so far, as the simulator holds it. Entries past `last` are not yet valid. */
export interface ChainView {
  /** Block timestamps, integer seconds. */
  readonly times: Float64Array;
  /** Block nBits. */
  readonly bits: Uint32Array;
  /** Each block's target as a double (bitsToTargetNumber of its nBits), kept so no DAA decodes twice. */
  readonly targets: Float64Array;
}

export interface Daa {
  readonly id: AlgorithmId;
  /** How many blocks before the first simulated one it reads (the simulator pre-fills them). */
  readonly history: number;
  /** nBits of block last + 1, from blocks 0..last. */
  next(chain: ChainView, last: number): number;
}

export interface AlgorithmInfo {
  id: AlgorithmId;
  name: string;
  /** One line for learners. */
  summary: string;
  /** Where the rules come from. */
  source: string;
}

export const ALGORITHMS: Readonly<Record<AlgorithmId, AlgorithmInfo>> = {
  bitcoin: {
    id: 'bitcoin',
    name: 'Bitcoin (2016-block retarget)',
    summary: 'Once every 2016 blocks, scales the target by how long the period took, at most 4x either way.',
    source: 'Bitcoin Core src/pow.cpp CalculateNextWorkRequired',
  },
  asert: {
    id: 'asert',
    name: 'ASERT (aserti3-2d)',
    summary: 'Every block: the target doubles for each 2 days the chain runs behind its ideal schedule, and halves for each 2 days ahead.',
    source: 'Bitcoin Cash upgrade spec 2020-11-15-asert.md (aserti3-2d), v0.5.1',
  },
  lwma: {
    id: 'lwma',
    name: 'LWMA (Zawy)',
    summary: 'Every block: average target of the last N blocks times their solve times, recent blocks weighted more.',
    source: 'zawy12/difficulty-algorithms issue #3 (LWMA-1 for BTC clones)',
  },
  sma: {
    id: 'sma',
    name: 'Simple moving average',
    summary: 'Every block: average target of the last N blocks times how long those N blocks took over N × 600 s.',
    source: 'the textbook moving-average retarget (as in BCH’s 2017 DAA, without its median-of-3)',
  },
};

export function isAlgorithmId(value: string): value is AlgorithmId {
  return (ALGORITHM_IDS as readonly string[]).includes(value);
}

/** powLimit as the nearest double (2^224); compare nBits, not doubles, where exactness matters. */
export const POW_LIMIT_NUMBER = Number(POW_LIMIT);
/** nBits of powLimit. */
export const POW_LIMIT_BITS = 0x1d00ffff;

/**
 * SetCompact of a usable nBits (not negative, not overflowing) as a double: mantissa * 256^(size-3),
 * exact for every such nBits (24 bits of mantissa times a power of two).
 */
export function bitsToTargetNumber(bits: number): number {
  const size = bits >>> 24;
  const word = bits & 0x007fffff;
  return size <= 3 ? Math.floor(word / 2 ** (8 * (3 - size))) : word * 2 ** (8 * (size - 3));
}

/**
 * GetCompact of floor(target) for a finite, non-negative double: the top three bytes of the integer
 * part, with Core's sign-bit shift. Exact: only a floor and a division by a power of two are involved.
 * A target above powLimit gives powLimit's nBits; a target below 1 gives the hardest target, 1
 * (0x01010000), because no DAA may ask for target 0.
 */
export function targetNumberToBits(target: number): number {
  if (!(target >= 1)) return 0x01010000;
  if (target >= POW_LIMIT_NUMBER) return POW_LIMIT_BITS;
  const whole = Math.floor(target);
  // Bit length of `whole`: Math.log2 can be off by one near powers of two, so correct it.
  let bitLength = Math.floor(Math.log2(whole)) + 1;
  if (2 ** (bitLength - 1) > whole) bitLength--;
  else if (2 ** bitLength <= whole) bitLength++;
  let size = Math.ceil(bitLength / 8);
  let compact = size <= 3 ? whole * 2 ** (8 * (3 - size)) : Math.floor(whole / 2 ** (8 * (size - 3)));
  if (compact >= 0x00800000) {
    compact = Math.floor(compact / 256);
    size++;
  }
  return ((size << 24) | compact) >>> 0;
}
