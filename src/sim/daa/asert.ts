// aserti3-2d, Bitcoin Cash's difficulty adjustment since November 2020, from its specification:
// "ASERT Difficulty Adjustment Algorithm (aserti3-2d)", freetrader, J. Toomim, C. Culianu,
// M. Lundeberg, version 0.5.1, 2020-08-12 (bitcoincashorg/bitcoincash.org spec/2020-11-15-asert.md).
//
// The idea: next_target = anchor_target * 2^((time_delta - 600 * (height_delta + 1)) / 172800).
// The chain keeps an ideal schedule (one block per 600 s from the anchor); for every two days (the
// half-life) that the chain's timestamps run ahead of it, the target halves (difficulty doubles).
// Consensus needs identical results everywhere, so the spec computes it in integers: a 16-bit
// fixed-point exponent, a cubic approximation of 2^x on [0, 1), shifts, and compact rounding.
//
// Two implementations of the same pseudo-code live here:
// - asertNextBits: the spec line by line on BigInt (the reference, checked against the spec's
//   published test vectors in daa.test.ts);
// - asertNextBitsFast: the same integer result with doubles only, for the simulator's per-block
//   loop. It looks the polynomial up in a table (65,536 entries, built with BigInt from the spec's
//   formula), and uses that anchor_target * factor is below 2^41 times a power of two, so every
//   floor and shift is exact in a double. daa.test.ts checks it against asertNextBits.

import { decodeCompact, encodeCompact, POW_LIMIT } from '../../model/target.js';
import { InputError } from '../../model/validate.js';
import { POW_LIMIT_BITS, type ChainView, type Daa } from './index.js';

export const ASERT_IDEAL_BLOCK_TIME = 600;
/** Mainnet half-life: 2 days, in seconds. */
export const ASERT_HALF_LIFE = 172_800;
const RADIX = 65_536;
const RADIX_BIG = 65_536n;
/** target_to_bits(1): the hardest target, returned when the computed target is 0. */
const HARDEST_BITS = 0x01010000;

export interface AsertAnchor {
  /** Anchor block height (> 0). */
  height: number;
  /** Timestamp of the anchor block's parent. */
  parentTime: number;
  /** nBits of the anchor block. */
  bits: number;
}

export interface AsertParams {
  idealBlockTime: number;
  halfLife: number;
}

const MAINNET: AsertParams = { idealBlockTime: ASERT_IDEAL_BLOCK_TIME, halfLife: ASERT_HALF_LIFE };

function checkInt(value: number, field: string): void {
  if (!Number.isSafeInteger(value)) throw new InputError(field, `expected an integer, got ${String(value)}`);
}

/** The spec's cubic: 65536 * 2^(e / 65536) approximately, for 0 <= e < 65536, with f(0) = 65536. */
function factorBig(frac: bigint): bigint {
  return (
    ((195_766_423_245_049n * frac + 971_821_376n * frac * frac + 5_127n * frac * frac * frac + (1n << 47n)) >> 48n) + RADIX_BIG
  );
}

/** Truncating division of BigInts (BigInt's `/` already truncates toward zero, as the spec needs). */
const SHIFT_LIMIT = 512n;

function exponentOf(timeDelta: bigint, heightDelta: bigint, params: AsertParams): bigint {
  return ((timeDelta - BigInt(params.idealBlockTime) * (heightDelta + 1n)) * RADIX_BIG) / BigInt(params.halfLife);
}

/**
 * The spec's ALGORITHM aserti3-2d on BigInt: the nBits of block evalHeight + 1, given the anchor and
 * the height and timestamp of the evaluation block (the block before the one being mined).
 */
export function asertNextBits(anchor: AsertAnchor, evalHeight: number, evalTime: number, params: AsertParams = MAINNET): number {
  checkInt(anchor.height, 'anchor.height');
  checkInt(anchor.parentTime, 'anchor.parentTime');
  checkInt(evalHeight, 'evalHeight');
  checkInt(evalTime, 'evalTime');
  if (anchor.height <= 0) throw new InputError('anchor.height', 'must be above 0 (the genesis block cannot be the anchor)');
  if (evalHeight < anchor.height) throw new InputError('evalHeight', `${evalHeight} is below the anchor height ${anchor.height}`);
  const decoded = decodeCompact(anchor.bits);
  if (decoded.negative || decoded.overflow || decoded.target === 0n || decoded.target > POW_LIMIT) {
    throw new InputError('anchor.bits', 'not a usable target (the spec requires 0 < target <= max_target)');
  }
  const exponent = exponentOf(BigInt(evalTime - anchor.parentTime), BigInt(evalHeight - anchor.height), params);
  // BigInt >> is an arithmetic (flooring) shift, as the spec requires.
  const shifts = exponent >> 16n;
  const frac = exponent - shifts * RADIX_BIG;
  let next = decoded.target * factorBig(frac);
  // target * factor < 2^241, so shifting further than 512 bits either way gives the same clamped
  // result (max_target, or 0 then 1) as the full shift; without the limit a chain whose schedule has
  // drifted by centuries (a 1 H/s network) builds million-bit BigInts at every block.
  const limited = shifts > SHIFT_LIMIT ? SHIFT_LIMIT : shifts < -SHIFT_LIMIT ? -SHIFT_LIMIT : shifts;
  next = limited < 0n ? next >> -limited : next << limited;
  next >>= 16n;
  if (next === 0n) return HARDEST_BITS;
  if (next > POW_LIMIT) return POW_LIMIT_BITS;
  return encodeCompact(next);
}

// ---- fast path -----------------------------------------------------------------------------------

let factorTable: Uint32Array | undefined;

/** factorBig(e) for every e in [0, 65536), computed once (about 20 ms) on first use. */
function factors(): Uint32Array {
  if (!factorTable) {
    factorTable = new Uint32Array(RADIX);
    for (let e = 0; e < RADIX; e++) factorTable[e] = Number(factorBig(BigInt(e)));
  }
  return factorTable;
}

/**
 * Same result as asertNextBits, with doubles only. Valid while |(time_delta - 600 * (height_delta +
 * 1)) * 65536| stays below 2^53 (about 4,300 years of schedule drift); beyond that it falls back to
 * the BigInt path.
 */
export function asertNextBitsFast(anchor: AsertAnchor, evalHeight: number, evalTime: number, params: AsertParams = MAINNET): number {
  const numerator = (evalTime - anchor.parentTime - params.idealBlockTime * (evalHeight - anchor.height + 1)) * RADIX;
  if (!Number.isSafeInteger(numerator) || Math.abs(numerator) > 2 ** 52) return asertNextBits(anchor, evalHeight, evalTime, params);
  // The quotient's distance from the next integer is at least 1/halfLife, far above its rounding
  // error for numerators below 2^52, so Math.trunc of the double quotient is the truncated quotient.
  const exponent = Math.trunc(numerator / params.halfLife);
  const shifts = Math.floor(exponent / RADIX);
  const frac = exponent - shifts * RADIX;
  // anchor target = mantissa * 2^(8 * (size - 3)); mantissa < 2^23, factor < 2^17: product < 2^40.
  const size = anchor.bits >>> 24;
  let mantissa = anchor.bits & 0x007fffff;
  let scale = 8 * (size - 3);
  if (size < 3) {
    // SetCompact truncates the mantissa itself for small sizes.
    mantissa = Math.floor(mantissa / 2 ** -scale);
    scale = 0;
  }
  const product = mantissa * factors()[frac]!;
  // next = floor(product * 2^(scale + shifts - 16)).
  const power = scale + shifts - 16;
  return fastCompact(product, power);
}

/** GetCompact(floor(p * 2^k)) with the spec's two limits, for an integer 0 <= p < 2^53. */
function fastCompact(p: number, k: number): number {
  if (p === 0) return HARDEST_BITS;
  let pBits = Math.floor(Math.log2(p)) + 1;
  if (2 ** (pBits - 1) > p) pBits--;
  else if (2 ** pBits <= p) pBits++;
  const bitLength = pBits + k; // of p * 2^k, before the floor
  if (bitLength <= 0) return HARDEST_BITS; // p * 2^k < 1, so floor is 0
  if (bitLength > 224) return POW_LIMIT_BITS; // >= 2^224 > max_target
  let size = Math.ceil(bitLength / 8);
  // floor(floor(p * 2^k) / 256^(size - 3)) = floor(p * 2^(k - 8 * (size - 3))) for size >= 3.
  let compact = size >= 3 ? Math.floor(p * 2 ** (k - 8 * (size - 3))) : Math.floor(p * 2 ** k) * 2 ** (8 * (3 - size));
  if (compact >= 0x00800000) {
    compact = Math.floor(compact / 256);
    size++;
  }
  return ((size << 24) | compact) >>> 0;
}

/**
 * The simulator's ASERT: anchored at the block before the first simulated one (as BCH anchored at
 * the last block before the fork), so it needs one block of history (the anchor's parent).
 */
export function createAsert(anchorIndex: number, halfLife = ASERT_HALF_LIFE): Daa {
  if (!Number.isSafeInteger(halfLife) || halfLife < 600) throw new InputError('halfLife', `expected whole seconds, at least 600, got ${String(halfLife)}`);
  const params: AsertParams = { idealBlockTime: ASERT_IDEAL_BLOCK_TIME, halfLife };
  let anchor: AsertAnchor | undefined;
  return {
    id: 'asert',
    history: 2,
    next(chain: ChainView, last: number): number {
      // Block indices stand in for heights; index anchorIndex >= 1 is the anchor.
      anchor ??= { height: anchorIndex, parentTime: chain.times[anchorIndex - 1]!, bits: chain.bits[anchorIndex]! };
      return asertNextBitsFast(anchor, last, chain.times[last]!, params);
    },
  };
}
