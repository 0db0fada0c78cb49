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
// SHA-256 here is a small synchronous implementation (FIPS 180-4) so the page can recheck a chain or
// verify a found block on the main thread, independently of the WebAssembly core that mined it. It is
// tested against node:crypto in test/unit/block.test.ts.

import { hashToDisplayHex, serializeHeader, type BlockHeader, HEADER_SIZE } from './header.js';
import { checkBits, decodeCompact, encodeCompact, expectedHashes, formatBits, hashToBigInt, leadingZeroBits } from './target.js';
import { bytesToHex, InputError } from './validate.js';

// ---- SHA-256 ------------------------------------------------------------------------------------

// FIPS 180-4 section 4.2.2: the first 32 bits of the fractional parts of the cube roots of the first
// 64 primes.
const K = Uint32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

// Section 5.3.3: the first 32 bits of the fractional parts of the square roots of the first 8 primes.
const IV = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));

/** SHA-256 of the bytes (FIPS 180-4), synchronously. */
export function sha256(data: Uint8Array): Uint8Array {
  if (!(data instanceof Uint8Array)) throw new InputError('data', 'expected bytes (a Uint8Array)');
  // Padding: 0x80, zeros, then the length in bits as a 64-bit big-endian integer.
  const blocks = Math.ceil((data.length + 9) / 64);
  const padded = new Uint8Array(blocks * 64);
  padded.set(data);
  padded[data.length] = 0x80;
  const pv = new DataView(padded.buffer);
  const bitLength = data.length * 8;
  pv.setUint32(padded.length - 8, Math.floor(bitLength / 2 ** 32));
  pv.setUint32(padded.length - 4, bitLength >>> 0);

  const h = IV.slice();
  const w = new Uint32Array(64);
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let t = 0; t < 16; t++) w[t] = pv.getUint32(offset + 4 * t);
    for (let t = 16; t < 64; t++) {
      const a = w[t - 15]!;
      const b = w[t - 2]!;
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
      w[t] = (w[t - 16]! + s0 + w[t - 7]! + s1) | 0;
    }
    let [a, b, c, d, e, f, g, hh] = h as [number, number, number, number, number, number, number, number];
    for (let t = 0; t < 64; t++) {
      const S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + K[t]! + w[t]!) | 0;
      const S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h[0] = (h[0]! + a) | 0;
    h[1] = (h[1]! + b) | 0;
    h[2] = (h[2]! + c) | 0;
    h[3] = (h[3]! + d) | 0;
    h[4] = (h[4]! + e) | 0;
    h[5] = (h[5]! + f) | 0;
    h[6] = (h[6]! + g) | 0;
    h[7] = (h[7]! + hh) | 0;
  }
  const out = new Uint8Array(32);
  const ov = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) ov.setUint32(4 * i, h[i]! >>> 0);
  return out;
}

/** SHA-256 of the SHA-256: Bitcoin's hash for headers and transactions. */
export function sha256d(data: Uint8Array): Uint8Array {
  return sha256(sha256(data));
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
      problems.push({ kind: 'fields', message: error instanceof Error ? error.message : String(error) });
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
