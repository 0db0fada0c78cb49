// The checksum workload: a small, fixed, versioned piece of mining whose books any correct SHA-256d core
// reproduces bit for bit, in the manner of XMRig's `--bench` checksums. A benchmark result records the
// checksum its core computed before timing; a device importing the file runs the same workload and
// compares (docs/bench-result-schema.md, "evidence").
//
// Definition (version 1; never change it, add version 2 instead):
//   header template: Bitcoin's genesis header (its nonce field is ignored)
//   nonces:          0 .. 65,535, scanned through the core's mine() path in 1,024 slices of 64
//   target:          zero (nothing is found, every nonce is hashed)
//   share target:    2^252 - 1 (a hash counts as a share when its top 4 bits are zero: 1 in 16)
//   checksum:        SHA-256 over the slices' books in order, 40 bytes each: best nonce (u32 LE),
//                    shares (u32 LE), best hash (32 bytes as SHA-256d outputs it).
// Each of the 65,536 hashes competes for its slice's best and is tested against the share target, so a
// core that gets hashes wrong moves the checksum; the slices are multiples of 4 so every SIMD lane runs.

import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from './validate.js';

export const CHECKSUM_WORKLOAD = {
  id: 'powlab-checksum-v1',
  /** Bitcoin's genesis block header (height 0), as in ../shared/vectors/headers.json. */
  headerHex:
    '0100000000000000000000000000000000000000000000000000000000000000000000003ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4a29ab5f49ffff001d1dac2b7c',
  start: 0,
  slices: 1024,
  sliceNonces: 64,
  /** 2^252 - 1, 32 bytes little-endian. */
  shareTargetLittleEndianHex: 'ff'.repeat(31) + '0f',
} as const;

/**
 * The checksum of version 1 as a correct core computes it. Derived independently of the core in
 * test/unit/workload-checksum.test.ts (every hash by @noble/hashes) and checked against both builds.
 */
export const CHECKSUM_V1 = '501796b05e4fe0291ef2911f4c084c29dd1fddf5a0a51344c9769a25997f7bac';

/** One slice's books, as the core's mine() reports them. */
export interface SliceBooks {
  bestNonce: number;
  shares: number;
  /** 32 bytes, natural SHA-256d output order. */
  bestHash: Uint8Array;
}

export interface WorkloadChecksum {
  workload: typeof CHECKSUM_WORKLOAD.id;
  /** 64 lowercase hex digits. */
  value: string;
  /** Shares over the whole range. */
  shares: number;
  /** The range's lowest hash (display order) and its nonce. */
  bestNonce: number;
  bestHash: string;
}

/** The slice k covers nonces start .. start + count - 1. */
export function checksumSlice(k: number): { start: number; count: number } {
  return { start: CHECKSUM_WORKLOAD.start + k * CHECKSUM_WORKLOAD.sliceNonces, count: CHECKSUM_WORKLOAD.sliceNonces };
}

/** Folds the books of every slice, in order, into the workload's checksum. */
export function foldChecksum(books: readonly SliceBooks[]): WorkloadChecksum {
  if (books.length !== CHECKSUM_WORKLOAD.slices) throw new Error(`expected ${CHECKSUM_WORKLOAD.slices} slices, got ${books.length}`);
  const record = new Uint8Array(40 * books.length);
  const view = new DataView(record.buffer);
  let shares = 0;
  let best = books[0]!;
  books.forEach((b, i) => {
    view.setUint32(40 * i, b.bestNonce, true);
    view.setUint32(40 * i + 4, b.shares, true);
    record.set(b.bestHash, 40 * i + 8);
    shares += b.shares;
    if (lessLittleEndian(b.bestHash, best.bestHash)) best = b;
  });
  return {
    workload: CHECKSUM_WORKLOAD.id,
    value: bytesToHex(sha256(record)),
    shares,
    bestNonce: best.bestNonce,
    bestHash: bytesToHex(best.bestHash.slice().reverse()),
  };
}

/** a < b as 256-bit little-endian numbers (how Bitcoin compares a hash with a target). */
function lessLittleEndian(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = 31; i >= 0; i--) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}
