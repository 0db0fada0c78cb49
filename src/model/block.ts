// A toy block and a toy chain, for the "Mine a block" screen: pure math, no DOM, no workers.
//
// The block is a real Bitcoin-format header (version, previous hash, merkle root, time, nBits, nonce;
// 80 bytes, see header.ts) over a block that holds one "transaction": the UTF-8 bytes of the learner's
// text. With a single transaction Bitcoin's merkle root is simply that transaction's SHA-256d (the
// tree has one leaf and no pairs to hash), so that is what goes in the header.
//
// The chain re-checks itself from scratch: every block's hash is recomputed from its fields, compared
// with the target its nBits encodes, and with the previous-hash field of the block after it. Editing
// an old block therefore changes its hash, which no longer meets its target and no longer matches
// what the next block recorded, and every later block is broken with it.
//
// SHA-256 here is @noble/hashes (audited, synchronous), so the page can recheck a chain or verify a
// found block on the main thread, independently of the WebAssembly core that mined it. It is tested
// against node:crypto in test/unit/block.test.ts.

import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { hashToDisplayHex, serializeHeader, type BlockHeader, HEADER_SIZE } from './header.js';
import { checkBits, decodeCompact, encodeCompact, expectedHashes, formatBits, hashToBigInt, leadingZeroBits } from './target.js';
import { bytesToHex, InputError, messageOf } from './validate.js';

// ---- SHA-256 ------------------------------------------------------------------------------------

/** SHA-256 (FIPS 180-4), by @noble/hashes: synchronous, so the main thread can recheck a chain. */
export function sha256(data: Uint8Array): Uint8Array {
  return nobleSha256(data);
}

/** SHA-256 of the SHA-256: Bitcoin's hash for headers and transactions. */
export function sha256d(data: Uint8Array): Uint8Array {
  return nobleSha256(nobleSha256(data));
}

// ---- The toy block ------------------------------------------------------------------------------

/** The version every toy block uses: 1, as in Bitcoin's first blocks. */
export const TOY_VERSION = 1;
/** Zero-bit difficulties the editor offers, in steps of one bit. */
export const MIN_ZERO_BITS = 1;
export const MAX_ZERO_BITS = 40;
export const ZERO_PREV_HASH = '0'.repeat(64);
/** 2^256 - 1: the toy chain accepts any usable nBits, however easy (mainnet stops at powLimit). */
export const TOY_POW_LIMIT = (1n << 256n) - 1n;

const utf8 = new TextEncoder();

/** The block's one transaction: the UTF-8 bytes of its text. */
export function transactionBytes(data: string): Uint8Array {
  if (typeof data !== 'string') throw new InputError('data', 'expected text');
  return utf8.encode(data);
}

/** Merkle root of a block whose only transaction is `data`: sha256d of it, in display order. */
export function merkleRootOfData(data: string): string {
  return hashToDisplayHex(sha256d(transactionBytes(data)));
}

/**
 * The target a hash must be at most to start with at least `zeroBits` zero bits: 2^(256 - zeroBits).
 * (Every hash below it has that many leading zeros; the one hash equal to it, a 1 followed by zeros,
 * also passes, as Bitcoin's "hash <= target" rule says.) Unlike 2^(256 - z) - 1 this value fits the
 * compact nBits form exactly, so the header's bits field states the very target that was mined.
 */
export function zeroBitsTarget(zeroBits: number, field = 'zeroBits'): bigint {
  if (!Number.isInteger(zeroBits) || zeroBits < MIN_ZERO_BITS || zeroBits > MAX_ZERO_BITS) {
    throw new InputError(field, `expected a whole number of bits in ${MIN_ZERO_BITS}..${MAX_ZERO_BITS}, got ${String(zeroBits)}`);
  }
  return 1n << BigInt(256 - zeroBits);
}

/** The nBits that encodes zeroBitsTarget(zeroBits) exactly. */
export function zeroBitsToBits(zeroBits: number, field = 'zeroBits'): number {
  return encodeCompact(zeroBitsTarget(zeroBits, field));
}

/** The target of nBits when the toy chain can use it (not negative, not overflowing, not zero). */
export function toyTarget(bits: number, field = 'bits'): bigint {
  return checkBits(bits, field, TOY_POW_LIMIT);
}

/** What the learner edits: everything but the nonce, which mining finds. */
export interface BlockFields {
  data: string;
  /** 64 hex digits, display order. */
  prevHash: string;
  /** Unix seconds. */
  time: number;
  bits: number;
}

export interface ToyBlock extends BlockFields {
  nonce: number;
}

export function toyHeader(block: ToyBlock): BlockHeader {
  return {
    version: TOY_VERSION,
    prevHash: block.prevHash.toLowerCase(),
    merkleRoot: merkleRootOfData(block.data),
    time: block.time,
    bits: block.bits,
    nonce: block.nonce,
  };
}

/** The 80 bytes that are hashed. Throws InputError naming the field when one is malformed. */
export function toyHeaderBytes(block: ToyBlock): Uint8Array {
  return serializeHeader(toyHeader(block));
}

/** One labelled run of the header's hex, in wire order, for showing which digits are which field. */
export interface HeaderSegment {
  field: keyof BlockHeader;
  label: string;
  offset: number;
  size: number;
  /** Wire-order hex of these bytes. */
  hex: string;
}

const SEGMENTS: ReadonlyArray<Omit<HeaderSegment, 'hex'>> = [
  { field: 'version', label: 'version', offset: 0, size: 4 },
  { field: 'prevHash', label: 'previous block hash', offset: 4, size: 32 },
  { field: 'merkleRoot', label: 'merkle root', offset: 36, size: 32 },
  { field: 'time', label: 'time', offset: 68, size: 4 },
  { field: 'bits', label: 'bits (nBits)', offset: 72, size: 4 },
  { field: 'nonce', label: 'nonce', offset: 76, size: 4 },
];

/** The header's 160 hex digits cut into its six fields. */
export function headerSegments(header: Uint8Array): HeaderSegment[] {
  if (!(header instanceof Uint8Array) || header.length !== HEADER_SIZE) {
    throw new InputError('header', `a block header is ${HEADER_SIZE} bytes`);
  }
  return SEGMENTS.map((s) => ({ ...s, hex: bytesToHex(header.subarray(s.offset, s.offset + s.size)) }));
}

/** The next thing to try once every nonce 0..2^32-1 has failed: the same block one second later. */
export function rollTime(fields: BlockFields): BlockFields {
  if (fields.time >= 0xffffffff) throw new InputError('time', 'the timestamp cannot go past 4294967295 (year 2106)');
  return { ...fields, time: fields.time + 1 };
}

// ---- Checking a hash ----------------------------------------------------------------------------

export interface PowCheck {
  /** Display-order hex. */
  hash: string;
  /** 64 hex digits. */
  target: string;
  meetsTarget: boolean;
  zeroBits: number;
  /** Hashes expected before one meets this target: 2^256 / (target + 1). */
  expectedHashes: number;
}

/** sha256d of the header, checked against the target its own bits field encodes. */
export function checkHeaderPow(header: Uint8Array): PowCheck & { raw: Uint8Array } {
  const raw = sha256d(header);
  const bits = new DataView(header.buffer, header.byteOffset, header.byteLength).getUint32(72, true);
  const { target, negative, overflow } = decodeCompact(bits);
  const usable = !negative && !overflow && target !== 0n;
  return {
    raw,
    hash: hashToDisplayHex(raw),
    target: target.toString(16).padStart(64, '0'),
    meetsTarget: usable && hashToBigInt(raw) <= target,
    zeroBits: leadingZeroBits(raw),
    expectedHashes: usable ? expectedHashes(target) : Infinity,
  };
}

// ---- The toy chain ------------------------------------------------------------------------------

export type LinkProblem =
  | { kind: 'pow'; message: string }
  | { kind: 'link'; message: string }
  | { kind: 'earlier'; message: string }
  | { kind: 'fields'; message: string };

export interface BlockStatus {
  index: number;
  headerHex: string;
  hash: string;
  zeroBits: number;
  meetsTarget: boolean;
  /** The previous-hash field equals the hash of the block before (always true for the first block). */
  linked: boolean;
  /** This block and every block before it are fine. */
  valid: boolean;
  problems: LinkProblem[];
}

const short = (hex: string): string => `${hex.slice(0, 12)}…${hex.slice(-6)}`;

/**
 * Recomputes every block's hash and checks each link and each proof of work, in order. A block is
 * valid only when its own proof of work holds, it names the previous block's current hash, and every
 * block before it is valid.
 */
export function evaluateChain(blocks: readonly ToyBlock[]): BlockStatus[] {
  const out: BlockStatus[] = [];
  let previous: BlockStatus | undefined;
  for (const [index, block] of blocks.entries()) {
    const problems: LinkProblem[] = [];
    let header: Uint8Array | undefined;
    try {
      header = toyHeaderBytes(block);
    } catch (error) {
      problems.push({ kind: 'fields', message: messageOf(error) });
    }
    const pow = header ? checkHeaderPow(header) : undefined;
    if (pow && !pow.meetsTarget) {
      problems.push({
        kind: 'pow',
        message: `Its hash ${short(pow.hash)} is above its target ${short(pow.target)} (bits ${formatBits(block.bits)}): the proof of work no longer holds.`,
      });
    }
    const prevHash = block.prevHash.toLowerCase();
    const linked = previous === undefined || prevHash === previous.hash;
    if (!linked && previous) {
      problems.push({
        kind: 'link',
        message: `It records the previous hash as ${short(prevHash)}, but block ${previous.index + 1} now hashes to ${short(previous.hash)}.`,
      });
    }
    if (previous && !previous.valid) {
      problems.push({ kind: 'earlier', message: `Block ${previous.index + 1} before it is broken, so this block does not sit on a valid chain.` });
    }
    const status: BlockStatus = {
      index,
      headerHex: header ? bytesToHex(header) : '',
      hash: pow?.hash ?? '',
      zeroBits: pow?.zeroBits ?? 0,
      meetsTarget: pow?.meetsTarget ?? false,
      linked,
      valid: problems.length === 0,
      problems,
    };
    out.push(status);
    previous = status;
  }
  return out;
}
