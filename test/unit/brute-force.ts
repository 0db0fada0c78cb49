// The reference every nonce scanner is held to (the wasm core, the GPU miner): each hash by node:crypto,
// compared as Bitcoin compares a hash with a target (a little-endian 256-bit number).
import { createHash } from 'node:crypto';

/** An arbitrary, fixed 80-byte header (no real block), so solutions land at unremarkable nonces. */
export const TEST_HEADER = Buffer.from(Array.from({ length: 80 }, (_, i) => (i * 113 + 29) & 0xff));

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest();

/** sha256d of `header` with `nonce` in its nonce field, in natural byte order. */
export function headerHash(header: Uint8Array, nonce: number): Buffer {
  const h = Buffer.from(header);
  h.writeUInt32LE(nonce >>> 0, 76);
  return sha256(sha256(h));
}

/** Compares raw hashes as little-endian 256-bit integers. */
export function compareLE(a: Uint8Array, b: Uint8Array): number {
  for (let i = 31; i >= 0; i--) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** A little-endian target whose top `zeroBits` bits are zero and the rest ones. */
export function targetWithZeroBits(zeroBits: number): Uint8Array {
  const t = new Uint8Array(32).fill(0xff);
  for (let bit = 0; bit < zeroBits; bit++) t[31 - (bit >> 3)]! &= ~(0x80 >> (bit & 7));
  return t;
}

export interface ScanBooks {
  found: boolean;
  nonce: number | undefined;
  /** Nonces hashed, up to and including the found one. */
  hashes: number;
  shares: number;
  /** The first lowest hash of the range (up to the find) and its nonce. */
  bestNonce: number;
  bestHash: Buffer;
}

/** Scans start .. start + count - 1 in order, one hash at a time; no share target counts none. */
export function bruteForce(header: Uint8Array, start: number, count: number, target: Uint8Array, share?: Uint8Array): ScanBooks {
  let shares = 0;
  let bestNonce = start;
  let bestHash = headerHash(header, start);
  for (let n = start; n < start + count; n++) {
    const h = headerHash(header, n);
    if (compareLE(h, bestHash) < 0) [bestNonce, bestHash] = [n, h];
    if (share && compareLE(h, share) <= 0) shares++;
    if (compareLE(h, target) <= 0) return { found: true, nonce: n, hashes: n - start + 1, shares, bestNonce, bestHash };
  }
  return { found: false, nonce: undefined, hashes: count, shares, bestNonce, bestHash };
}
