// Plain SHA-256 (FIPS 180-4): the compression function over 16 message words, and a streaming hasher
// over bytes written by the host into a fixed input buffer. Used for hashing arbitrary data and as the
// exact, independent check of every mining candidate; the mining hot loop lives in pow.ts.

import { K, IV } from './constants';
import { bigSigma0, bigSigma1, choose, majority, smallSigma0, smallSigma1 } from './lanes';

/** Message schedule scratch: 64 words. */
const W: usize = memory.data(64 * 4, 16);

/**
 * Compresses the 16 words at W[0..16) (already in native order) into the 8-word state at `state`.
 * W[16..64) is overwritten.
 */
export function compressSchedule(state: usize): void {
  for (let i = 16; i < 64; i++) {
    const p = W + (<usize>i << 2);
    store<u32>(
      p,
      smallSigma1<u32>(load<u32>(p - 8)) + load<u32>(p - 28) + smallSigma0<u32>(load<u32>(p - 60)) + load<u32>(p - 64),
    );
  }
  let a = load<u32>(state, 0), b = load<u32>(state, 4), c = load<u32>(state, 8), d = load<u32>(state, 12);
  let e = load<u32>(state, 16), f = load<u32>(state, 20), g = load<u32>(state, 24), h = load<u32>(state, 28);
  for (let i = 0; i < 64; i++) {
    const t1 = h + bigSigma1<u32>(e) + choose<u32>(e, f, g) + unchecked(K[i]) + load<u32>(W + (<usize>i << 2));
    const t2 = bigSigma0<u32>(a) + majority<u32>(a, b, c);
    h = g; g = f; f = e; e = d + t1;
    d = c; c = b; b = a; a = t1 + t2;
  }
  store<u32>(state, load<u32>(state, 0) + a, 0);
  store<u32>(state, load<u32>(state, 4) + b, 4);
  store<u32>(state, load<u32>(state, 8) + c, 8);
  store<u32>(state, load<u32>(state, 12) + d, 12);
  store<u32>(state, load<u32>(state, 16) + e, 16);
  store<u32>(state, load<u32>(state, 20) + f, 20);
  store<u32>(state, load<u32>(state, 24) + g, 24);
  store<u32>(state, load<u32>(state, 28) + h, 28);
}

/** Sets message word i of the block being compressed. */
@inline export function setWord(i: i32, value: u32): void {
  store<u32>(W + (<usize>i << 2), value);
}

/** Compresses the 64-byte block at `block` (big-endian words, as SHA-256 reads bytes) into `state`. */
export function compressBytes(state: usize, block: usize): void {
  for (let i = 0; i < 16; i++) setWord(i, bswap<u32>(load<u32>(block + (<usize>i << 2))));
  compressSchedule(state);
}

export function resetState(state: usize): void {
  for (let i = 0; i < 8; i++) store<u32>(state + (<usize>i << 2), unchecked(IV[i]));
}

/** Writes the 8 state words as the 32 digest bytes (big-endian). */
export function writeDigest(state: usize, out: usize): void {
  for (let i: usize = 0; i < 32; i += 4) store<u32>(out + i, bswap<u32>(load<u32>(state + i)));
}

// ---- streaming hasher -------------------------------------------------------------------------------

export const INPUT_SIZE: i32 = 65536;
export const INPUT: usize = memory.data(INPUT_SIZE, 16);
export const DIGEST: usize = memory.data(32, 16);

const streamState: usize = memory.data(32, 16);
const pending: usize = memory.data(64, 16);
let pendingLength: i32 = 0;
let totalLength: u64 = 0;
// Debug builds only (ASC_NO_ASSERT is false there): whether streamInit() began a hash that streamFinal()
// has not finished. Release builds compile these checks away.
let streamOpen = false;

export function streamInit(): void {
  resetState(streamState);
  pendingLength = 0;
  totalLength = 0;
  if (!ASC_NO_ASSERT) streamOpen = true;
}

/** Absorbs `length` bytes from INPUT (0 <= length <= INPUT_SIZE). */
export function streamUpdate(length: i32): void {
  assert(streamOpen, 'sha256Update() without sha256Init()');
  assert(length >= 0 && length <= INPUT_SIZE, 'sha256Update(length): length outside 0..inputSize()');
  let src = INPUT;
  let left = length;
  totalLength += <u64>length;
  if (pendingLength > 0) {
    const take = min(64 - pendingLength, left);
    memory.copy(pending + pendingLength, src, take);
    pendingLength += take;
    src += take;
    left -= take;
    if (pendingLength < 64) return;
    compressBytes(streamState, pending);
    pendingLength = 0;
  }
  while (left >= 64) {
    compressBytes(streamState, src);
    src += 64;
    left -= 64;
  }
  if (left > 0) {
    memory.copy(pending, src, left);
    pendingLength = left;
  }
}

/** Pads, finishes, and writes the digest to DIGEST. The hasher must be re-initialised afterwards. */
export function streamFinal(): void {
  assert(streamOpen, 'sha256Final() without sha256Init()');
  if (!ASC_NO_ASSERT) streamOpen = false;
  const bitLength = totalLength << 3;
  store<u8>(pending + pendingLength, 0x80);
  pendingLength++;
  if (pendingLength > 56) {
    memory.fill(pending + pendingLength, 0, 64 - pendingLength);
    compressBytes(streamState, pending);
    pendingLength = 0;
  }
  memory.fill(pending + pendingLength, 0, 56 - pendingLength);
  store<u64>(pending, bswap<u64>(bitLength), 56);
  compressBytes(streamState, pending);
  writeDigest(streamState, DIGEST);
}
