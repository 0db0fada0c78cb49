// Proof-of-work targets as Bitcoin Core defines them: the compact nBits encoding (arith_uint256
// SetCompact / GetCompact), difficulty (rpc/blockchain.cpp GetDifficulty), CheckProofOfWork and
// GetBlockProof (pow.cpp, chain.cpp). Targets are BigInts in [0, 2^256); hashes are the raw 32 bytes
// SHA-256d returns, which Bitcoin reads as a little-endian integer.
//
// Core's behaviour is reproduced on purpose where it is surprising (truncation of overflowing
// values, the sign-bit shift in GetCompact, the double arithmetic of GetDifficulty), because the
// point of this module is to agree with Core bit for bit, not to be tidy.

import { InputError } from './validate.js';

const TWO_256 = 1n << 256n;
const MASK_256 = TWO_256 - 1n;

/** Mainnet consensus.powLimit: the easiest target a mainnet block may use (nBits 0x1d00ffff). */
export const POW_LIMIT: bigint = (1n << 224n) - 1n;

/** The target of difficulty 1: nBits 0x1d00ffff decoded, 0x00000000ffff0000...0000. */
export const DIFF1_TARGET: bigint = 0xffffn << 208n;

export interface DecodedCompact {
  /**
   * The decoded value. When `overflow` is set this is what Core's arith_uint256 holds after the
   * shift (the value truncated to 256 bits); it is not a meaningful target.
   */
  target: bigint;
  negative: boolean;
  overflow: boolean;
}

function checkUint32(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
    throw new InputError(field, `not a 32-bit unsigned integer: ${String(value)}`);
  }
  return value;
}

function checkTarget(target: bigint, field: string): bigint {
  if (typeof target !== 'bigint' || target < 0n || target > MASK_256) {
    throw new InputError(field, 'not a 256-bit unsigned integer');
  }
  return target;
}

function checkHash(hash: Uint8Array, field: string): Uint8Array {
  if (!(hash instanceof Uint8Array) || hash.length !== 32) {
    throw new InputError(field, `expected 32 bytes, got ${hash instanceof Uint8Array ? hash.length : typeof hash}`);
  }
  return hash;
}

function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

/** arith_uint256::SetCompact. */
export function decodeCompact(bits: number): DecodedCompact {
  checkUint32(bits, 'bits');
  const size = bits >>> 24;
  let word = bits & 0x007fffff;
  let target: bigint;
  if (size <= 3) {
    // Core shifts the word itself here, so bytes shifted out do not count towards `negative`.
    word >>>= 8 * (3 - size);
    target = BigInt(word);
  } else {
    // Core's <<= on a 256-bit integer drops what passes bit 255; the overflow flag reports it.
    target = (BigInt(word) << BigInt(8 * (size - 3))) & MASK_256;
  }
  const negative = word !== 0 && (bits & 0x00800000) !== 0;
  const overflow = word !== 0 && (size > 34 || (word > 0xff && size > 33) || (word > 0xffff && size > 32));
  return { target, negative, overflow };
}

/** arith_uint256::GetCompact: the top three bytes of the value, rounded down. Returns a uint32. */
export function encodeCompact(target: bigint, negative = false): number {
  checkTarget(target, 'target');
  let size = Math.ceil(bitLength(target) / 8);
  let compact =
    size <= 3 ? Number(target << BigInt(8 * (3 - size))) : Number(target >> BigInt(8 * (size - 3)));
  // 0x00800000 is the sign bit, so a mantissa that would set it gives up its low byte instead.
  if (compact & 0x00800000) {
    compact >>>= 8;
    size++;
  }
  compact |= size << 24;
  if (negative && (compact & 0x007fffff) !== 0) compact |= 0x00800000;
  return compact >>> 0;
}

/**
 * rpc/blockchain.cpp GetDifficulty, operation for operation: 0xffff / mantissa in doubles, then scaled
 * by 256 per step of the exponent away from 29. The mantissa is the low 24 bits including the sign
 * bit, and exponents below 3 are not truncated as SetCompact would; that is Core's behaviour.
 * A zero mantissa gives Infinity.
 */
export function difficultyFromBits(bits: number): number {
  checkUint32(bits, 'bits');
  let shift = (bits >>> 24) & 0xff;
  let diff = 0x0000ffff / (bits & 0x00ffffff);
  while (shift < 29) {
    diff *= 256.0;
    shift++;
  }
  while (shift > 29) {
    diff /= 256.0;
    shift--;
  }
  return diff;
}

/**
 * num / den as the nearest double, for non-negative BigInts of any size.
 *
 * Number(bigint) on each side would overflow to Infinity above 2^1024 and round each operand before
 * dividing. Instead the quotient is taken in integers with at least 64 significant bits, the
 * remainder folded into the lowest bit (a sticky bit, so a truncated quotient sitting exactly on a
 * rounding midpoint still rounds the right way), converted once (Number(bigint) rounds to nearest),
 * and scaled back by a power of two, which is exact while the result is a normal double. The result
 * is therefore correctly rounded.
 */
export function divideToNumber(num: bigint, den: bigint): number {
  if (num < 0n || den < 0n) throw new RangeError('divideToNumber: negative operand');
  if (den === 0n) return num === 0n ? NaN : Infinity;
  if (num === 0n) return 0;
  const k = Math.max(0, 65 + bitLength(den) - bitLength(num));
  const scaled = num << BigInt(k);
  let q = scaled / den;
  if (q * den !== scaled) q |= 1n;
  // Two steps so 2^-k cannot underflow to zero before the multiplication.
  const half = k >> 1;
  return Number(q) * 2 ** -half * 2 ** -(k - half);
}

/**
 * DIFF1_TARGET / target as the nearest double (see divideToNumber for how huge ratios stay exact).
 * For a target that nBits can express exactly this equals difficultyFromBits, since Core's loop only
 * scales a single rounded quotient by powers of two. Zero gives Infinity.
 */
export function difficultyFromTarget(target: bigint): number {
  checkTarget(target, 'target');
  return divideToNumber(DIFF1_TARGET, target);
}

/** 64 lowercase hex digits, most significant first, as Core's GetHex and block explorers show it. */
export function targetToHex(target: bigint): string {
  return checkTarget(target, 'target').toString(16).padStart(64, '0');
}

/** Exactly 64 hex digits (big-endian), with or without 0x. */
export function parseTargetHex(hex: string, field: string): bigint {
  if (typeof hex !== 'string') throw new InputError(field, 'expected 64 hex digits');
  const digits = hex.trim().replace(/^0x/i, '');
  if (digits.length !== 64) throw new InputError(field, `expected 64 hex digits (big-endian), got ${digits.length}`);
  const bad = digits.search(/[^0-9a-fA-F]/);
  if (bad >= 0) throw new InputError(field, `not hex: ${JSON.stringify(digits[bad])} at position ${bad}`);
  return BigInt(`0x${digits}`);
}

/** The target in the byte order of a raw hash (byte 0 least significant), for byte-wise comparison. */
export function targetToLittleEndian(target: bigint): Uint8Array {
  checkTarget(target, 'target');
  const out = new Uint8Array(32);
  let t = target;
  for (let i = 0; i < 32; i++, t >>= 8n) out[i] = Number(t & 0xffn);
  return out;
}

/** A raw 32-byte SHA-256d output as the integer Bitcoin compares with the target (little-endian). */
export function hashToBigInt(hash: Uint8Array): bigint {
  checkHash(hash, 'hash');
  let n = 0n;
  for (let i = 31; i >= 0; i--) n = (n << 8n) | BigInt(hash[i]!);
  return n;
}

/** "0x1d00ffff": lowercase, always 8 digits. */
export function formatBits(bits: number): string {
  return `0x${checkUint32(bits, 'bits').toString(16).padStart(8, '0')}`;
}

/** "0x1d00ffff" or "1d00ffff" (1 to 8 hex digits) to a uint32. */
export function parseBits(text: string, field: string): number {
  if (typeof text !== 'string') throw new InputError(field, 'expected nBits as hex, e.g. 0x1d00ffff');
  const digits = text.trim().replace(/^0x/i, '');
  if (!/^[0-9a-fA-F]{1,8}$/.test(digits)) {
    throw new InputError(field, `expected nBits as 1 to 8 hex digits, e.g. 0x1d00ffff; got ${JSON.stringify(text)}`);
  }
  return parseInt(digits, 16) >>> 0;
}

/**
 * The target of nBits when it can serve as a proof-of-work target (the conditions of
 * CheckProofOfWork), else an InputError naming the field and the reason.
 */
export function checkBits(bits: number, field: string, powLimit: bigint = POW_LIMIT): bigint {
  checkUint32(bits, field);
  const { target, negative, overflow } = decodeCompact(bits);
  const shown = formatBits(bits);
  if (negative) throw new InputError(field, `${shown} is negative (sign bit 0x00800000 set): not a usable target`);
  if (overflow) throw new InputError(field, `${shown} overflows 256 bits: not a usable target`);
  if (target === 0n) {
    // Core counts the sign bit only on a non-zero mantissa; say so, since the user likely meant it.
    const sign = (bits & 0x00800000) !== 0 ? ' (its sign bit is set, but Core does not call a zero mantissa negative)' : '';
    throw new InputError(field, `${shown} decodes to zero${sign}: no hash can meet it`);
  }
  if (target > powLimit) {
    throw new InputError(field, `${shown} is above powLimit ${targetToHex(powLimit)}: easier than the chain allows`);
  }
  return target;
}

/** pow.cpp CheckProofOfWork: the target must be usable, and the hash at most the target. */
export function checkProofOfWork(hash: Uint8Array, bits: number, powLimit: bigint = POW_LIMIT): boolean {
  checkHash(hash, 'hash');
  const { target, negative, overflow } = decodeCompact(bits);
  if (negative || target === 0n || overflow || target > powLimit) return false;
  return hashToBigInt(hash) <= target;
}

/** Leading zero bits of the hash as displayed (so from byte 31 of the raw hash down); 256 for all zero. */
export function leadingZeroBits(hash: Uint8Array): number {
  checkHash(hash, 'hash');
  let count = 0;
  for (let i = 31; i >= 0; i--) {
    const b = hash[i]!;
    if (b !== 0) return count + Math.clz32(b) - 24;
    count += 8;
  }
  return count;
}

/** (2^256 >> zeroBits) - 1: a hash meets it exactly when it has at least zeroBits leading zero bits. */
export function targetFromLeadingZeroBits(zeroBits: number, field = 'zeroBits'): bigint {
  if (!Number.isInteger(zeroBits) || zeroBits < 0 || zeroBits > 255) {
    throw new InputError(field, `expected an integer in 0..255, got ${String(zeroBits)}`);
  }
  return (TWO_256 >> BigInt(zeroBits)) - 1n;
}

/** Expected hashes to meet the target, 2^256 / (target + 1), as the nearest double. */
export function expectedHashes(target: bigint): number {
  checkTarget(target, 'target');
  return divideToNumber(TWO_256, target + 1n);
}

/**
 * chain.cpp GetBlockProof, in integers: floor(2^256 / (target + 1)), computed as Core does to stay
 * inside 256 bits. Zero for negative, overflowing or zero nBits. Summed over a chain it is chainwork.
 */
export function blockProof(bits: number): bigint {
  const { target, negative, overflow } = decodeCompact(bits);
  if (negative || overflow || target === 0n) return 0n;
  return (MASK_256 ^ target) / (target + 1n) + 1n;
}

/** The sum of blockProof over a sequence of nBits: Core's nChainWork after those blocks. */
export function chainWork(bitsList: Iterable<number>): bigint {
  let work = 0n;
  for (const bits of bitsList) work += blockProof(bits);
  return work;
}
