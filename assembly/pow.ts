// Proof-of-work search over an 80-byte block header: the nonce loop runs entirely inside WebAssembly.
//
// Per job (prepare): the midstate of the header's first 64 bytes, the first three rounds of the second
// block (they precede the nonce word), and the nonce-independent parts of that block's message schedule.
// Per nonce (headerTopWord): rounds 3..63 of the second block and rounds 0..60 of the second hash, with
// every constant message word folded into its round constant; it yields only the hash's last state word,
// which holds the hash's 32 most significant bits when the hash is read as Bitcoin does (a little-endian
// 256-bit integer). Only a nonce whose top word could beat a threshold is hashed again in full by the
// plain SHA-256 of sha256.ts (checkNonce), which decides exactly and keeps the books.
//
// The kernel is generic over the lane type: u32 scans one nonce at a time, v128 four.

import { IV, K } from './constants';
import {
  add, anyAtMost, bigSigma0, bigSigma1, byteSwap, choose, lanesOf, laneNonces, loadSplat, majority, majorityAfter, xor,
  smallSigma0, smallSigma1, splat,
} from './lanes';
import { compressSchedule, setWord } from './sha256';

/** The header being mined, 80 bytes as on the wire; its nonce field is ignored. */
export const HEADER: usize = memory.data(80, 16);
/** Solution target, 32 bytes little-endian (the byte order of a hash). */
export const TARGET: usize = memory.data(32, 16);
/** Share target (easier than TARGET, or zero for no shares), 32 bytes little-endian. */
export const SHARE_TARGET: usize = memory.data(32, 16);
/**
 * Result of the last mine() call, at these byte offsets (mirrored by RESULT_LAYOUT in
 * src/engine/core/abi.ts):
 *   0 found nonce | 4 hashes done | 8 shares | 12 best nonce | 16..48 best hash | 48..80 found hash
 * Numbers are u32 little-endian; hashes are in natural byte order (as SHA-256 outputs them). The found
 * nonce and hash are zero when mine() returns 0.
 */
const RESULT_FOUND_NONCE = 0;
const RESULT_HASHES = 4;
const RESULT_SHARES = 8;
const RESULT_BEST_NONCE = 12;
const RESULT_BEST_HASH = 16;
const RESULT_FOUND_HASH = 48;
const RESULT_SIZE = 80;
export const RESULT: usize = memory.data(RESULT_SIZE, 16);

// ---- constants of the message blocks, folded into the kernel ------------------------------------------
// Each round i adds K[i] + W[i], and each schedule word W[i] (i >= 16) sums four earlier ones. Where a
// message word is zero, headerTopWord leaves it out; where it is fixed padding or a length, it is folded
// with the constant beside it into one of the named constants below. So in a round a bare hex literal is
// that round's K[i] (constants.ts) alone. Values from FIPS 180-4: K and IV (§4.2.2, §5.3.3), padding
// (§5.1.1), σ0, σ1, Σ0, Σ1, Ch and Maj (§4.1.2); a wrong one fails every known-answer test.

// First hash, second block: W0..W2 are header bytes 64..75, W3 the nonce, W4 the padding bit after the
// 80 bytes, W5..W14 zero, W15 the header's length in bits.
const HEADER_PAD: u32 = 0x80000000; // W4
const HEADER_BITS: u32 = 640; // W15 = 80 * 8
const K4_PLUS_HEADER_PAD: u32 = 0xb956c25b; // K[4] + W4 = 0x3956c25b + 0x80000000
const K15_PLUS_HEADER_BITS: u32 = 0xc19bf3f4; // K[15] + W15 = 0xc19bf174 + 640
const SIGMA0_HEADER_BITS: u32 = 0x00a00055; // σ0(W15), the constant term of W30

// Second hash, one block: W0..W7 the first hash, W8 the padding bit after its 32 bytes, W9..W14 zero,
// W15 its length in bits.
const HASH_PAD: u32 = 0x80000000; // W8
const HASH_BITS: u32 = 256; // W15 = 32 * 8
const K8_PLUS_HASH_PAD: u32 = 0x5807aa98; // K[8] + W8 = 0xd807aa98 + 0x80000000 (mod 2^32)
const K15_PLUS_HASH_BITS: u32 = 0xc19bf274; // K[15] + W15 = 0xc19bf174 + 256
const SIGMA1_HASH_BITS: u32 = 0x00a00000; // σ1(W15), the constant term of W17
const SIGMA0_HASH_PAD: u32 = 0x11002000; // σ0(W8), the constant term of W23
const SIGMA0_HASH_BITS: u32 = 0x00400022; // σ0(W15), the constant term of W30
// Its round 0 starts from the IV, so all of it but W0 is constant: T1 = IV[7] + Σ1(IV[4]) +
// Ch(IV[4], IV[5], IV[6]) + K[0] + W0 and T2 = Σ0(IV[0]) + Maj(IV[0], IV[1], IV[2]).
const ROUND0_A_LESS_W0: u32 = 0xfc08884d; // the new a, T1 + T2, less W0
const ROUND0_E_LESS_W0: u32 = 0x98c7e2a2; // the new e, IV[3] + T1, less W0

// Per-job constants, in u32 words:
//   0..7 midstate | 8..15 state after round 2 of the second block (a..h) | 16 round 3's T1 less W3
//   17 round 3's T2 | 18..19 W16, W17 | 20 W18 less σ0(W3) | 21 W19 less W3 | 22 W31's constant part
//   23 W32's constant part | 24..31 TARGET as big-endian 32-bit limbs, most significant first
//   32..39 SHARE_TARGET likewise
const JOB: usize = memory.data(40 * 4, 16);
const HASH_STATE: usize = memory.data(32, 16);
const BEST_LIMBS: usize = memory.data(32, 16);

@inline function job(word: i32): u32 {
  return load<u32>(JOB + (<usize>word << 2));
}

@inline function headerWord(i: i32): u32 {
  return bswap<u32>(load<u32>(HEADER + (<usize>i << 2)));
}

@inline function ror(x: u32, n: u32): u32 {
  return rotr<u32>(x, n);
}

function sigma0(w: u32): u32 { return smallSigma0<u32>(w); }
function sigma1(w: u32): u32 { return smallSigma1<u32>(w); }

/** Reads a 32-byte little-endian number into 8 limbs, most significant first. */
function toLimbs(src: usize, dst: usize): void {
  for (let i = 0; i < 8; i++) store<u32>(dst + (<usize>i << 2), load<u32>(src + (<usize>(7 - i) << 2)));
}

/** Computes the per-job constants. Call after writing HEADER, TARGET and SHARE_TARGET. */
export function prepare(): void {
  // Midstate: the first 64 header bytes compressed from the IV.
  for (let i = 0; i < 8; i++) store<u32>(JOB + (<usize>i << 2), unchecked(IV[i]));
  for (let i = 0; i < 16; i++) setWord(i, headerWord(i));
  compressSchedule(JOB);

  // Rounds 0..2 of the second block (W0..W2: end of the merkle root, time, nBits).
  let a = job(0), b = job(1), c = job(2), d = job(3), e = job(4), f = job(5), g = job(6), h = job(7);
  for (let i = 0; i < 3; i++) {
    const t1 = h + bigSigma1<u32>(e) + choose<u32>(e, f, g) + unchecked(K[i]) + headerWord(16 + i);
    const t2 = bigSigma0<u32>(a) + majority<u32>(a, b, c);
    h = g; g = f; f = e; e = d + t1;
    d = c; c = b; b = a; a = t1 + t2;
  }
  store<u32>(JOB, a, 8 * 4); store<u32>(JOB, b, 9 * 4); store<u32>(JOB, c, 10 * 4); store<u32>(JOB, d, 11 * 4);
  store<u32>(JOB, e, 12 * 4); store<u32>(JOB, f, 13 * 4); store<u32>(JOB, g, 14 * 4); store<u32>(JOB, h, 15 * 4);
  // Round 3 minus its message word W3 (the nonce).
  store<u32>(JOB, h + bigSigma1<u32>(e) + choose<u32>(e, f, g) + unchecked(K[3]), 16 * 4);
  store<u32>(JOB, bigSigma0<u32>(a) + majority<u32>(a, b, c), 17 * 4);

  // Schedule: W4 = HEADER_PAD, W5..W14 = 0, W15 = HEADER_BITS.
  const w0 = headerWord(16), w1 = headerWord(17), w2 = headerWord(18);
  const w16 = sigma0(w1) + w0;
  const w17 = sigma1(HEADER_BITS) + sigma0(w2) + w1;
  store<u32>(JOB, w16, 18 * 4);
  store<u32>(JOB, w17, 19 * 4);
  store<u32>(JOB, sigma1(w16) + w2, 20 * 4);
  store<u32>(JOB, sigma1(w17) + sigma0(HEADER_PAD), 21 * 4);
  store<u32>(JOB, sigma0(w16) + HEADER_BITS, 22 * 4);
  store<u32>(JOB, sigma0(w17) + w16, 23 * 4);

  toLimbs(TARGET, JOB + 24 * 4);
  toLimbs(SHARE_TARGET, JOB + 32 * 4);

  if (!ASC_NO_ASSERT) {
    memory.copy(PREPARED_JOB, HEADER, 76);
    memory.copy(PREPARED_JOB + 76, TARGET, 32);
    memory.copy(PREPARED_JOB + 108, SHARE_TARGET, 32);
    prepared = true;
  }
}

// Debug builds only (ASC_NO_ASSERT is false there; release builds compile none of this, and the ternary
// keeps them from reserving the memory): what prepare() read, so that mine() traps when the host never
// called minePrepare() or changed the job after it. The header's nonce field is ignored, so not compared.
let prepared = false;
const PREPARED_JOB: usize = ASC_NO_ASSERT ? 0 : memory.data(76 + 32 + 32, 16);

function jobUnchanged(): bool {
  return memory.compare(PREPARED_JOB, HEADER, 76) == 0
    && memory.compare(PREPARED_JOB + 76, TARGET, 32) == 0
    && memory.compare(PREPARED_JOB + 108, SHARE_TARGET, 32) == 0;
}

/**
 * For each lane's nonce (w3: the nonce as the big-endian message word), the last word of
 * sha256d(header), before byte-swapping.
 */
@inline function headerTopWord<T>(w3: T): T {
  let t: T;
  // Maj(a, b, c) = b ^ ((a ^ b) & (b ^ c)), and this round's b ^ c is the last round's a ^ b: kept in
  // m0 and m1 in turn, Maj costs three operations instead of four.
  let m0: T, m1: T;
  const c3 = add<T>(loadSplat<T>(JOB + 16 * 4), w3);
  let a = add<T>(c3, loadSplat<T>(JOB + 17 * 4));
  let b = loadSplat<T>(JOB + 8 * 4);
  let c = loadSplat<T>(JOB + 9 * 4);
  let d = loadSplat<T>(JOB + 10 * 4);
  let e = add<T>(c3, loadSplat<T>(JOB + 11 * 4));
  let f = loadSplat<T>(JOB + 12 * 4);
  let g = loadSplat<T>(JOB + 13 * 4);
  let h = loadSplat<T>(JOB + 14 * 4);
  const w16 = loadSplat<T>(JOB + 18 * 4);
  const w17 = loadSplat<T>(JOB + 19 * 4);
  const c18 = loadSplat<T>(JOB + 20 * 4);
  const c19 = loadSplat<T>(JOB + 21 * 4);
  const c31 = loadSplat<T>(JOB + 22 * 4);
  const c32 = loadSplat<T>(JOB + 23 * 4);
    // First hash, rounds 4..15: W4 = HEADER_PAD, W5..W14 = 0, W15 = HEADER_BITS.
    t = add<T>(add<T>(h, bigSigma1<T>(e)), add<T>(choose<T>(e, f, g), splat<T>(K4_PLUS_HEADER_PAD))); d = add<T>(d, t);
    h = add<T>(t, add<T>(bigSigma0<T>(a), majorityAfter<T>(b, (m0 = xor<T>(a, b)), xor<T>(b, c))));
    t = add<T>(add<T>(g, bigSigma1<T>(d)), add<T>(choose<T>(d, e, f), splat<T>(0x59f111f1))); c = add<T>(c, t);
    g = add<T>(t, add<T>(bigSigma0<T>(h), majorityAfter<T>(a, (m1 = xor<T>(h, a)), m0)));
    t = add<T>(add<T>(f, bigSigma1<T>(c)), add<T>(choose<T>(c, d, e), splat<T>(0x923f82a4))); b = add<T>(b, t);
    f = add<T>(t, add<T>(bigSigma0<T>(g), majorityAfter<T>(h, (m0 = xor<T>(g, h)), m1)));
    t = add<T>(add<T>(e, bigSigma1<T>(b)), add<T>(choose<T>(b, c, d), splat<T>(0xab1c5ed5))); a = add<T>(a, t);
    e = add<T>(t, add<T>(bigSigma0<T>(f), majorityAfter<T>(g, (m1 = xor<T>(f, g)), m0)));
    t = add<T>(add<T>(d, bigSigma1<T>(a)), add<T>(choose<T>(a, b, c), splat<T>(0xd807aa98))); h = add<T>(h, t);
    d = add<T>(t, add<T>(bigSigma0<T>(e), majorityAfter<T>(f, (m0 = xor<T>(e, f)), m1)));
    t = add<T>(add<T>(c, bigSigma1<T>(h)), add<T>(choose<T>(h, a, b), splat<T>(0x12835b01))); g = add<T>(g, t);
    c = add<T>(t, add<T>(bigSigma0<T>(d), majorityAfter<T>(e, (m1 = xor<T>(d, e)), m0)));
    t = add<T>(add<T>(b, bigSigma1<T>(g)), add<T>(choose<T>(g, h, a), splat<T>(0x243185be))); f = add<T>(f, t);
    b = add<T>(t, add<T>(bigSigma0<T>(c), majorityAfter<T>(d, (m0 = xor<T>(c, d)), m1)));
    t = add<T>(add<T>(a, bigSigma1<T>(f)), add<T>(choose<T>(f, g, h), splat<T>(0x550c7dc3))); e = add<T>(e, t);
    a = add<T>(t, add<T>(bigSigma0<T>(b), majorityAfter<T>(c, (m1 = xor<T>(b, c)), m0)));
    t = add<T>(add<T>(h, bigSigma1<T>(e)), add<T>(choose<T>(e, f, g), splat<T>(0x72be5d74))); d = add<T>(d, t);
    h = add<T>(t, add<T>(bigSigma0<T>(a), majorityAfter<T>(b, (m0 = xor<T>(a, b)), m1)));
    t = add<T>(add<T>(g, bigSigma1<T>(d)), add<T>(choose<T>(d, e, f), splat<T>(0x80deb1fe))); c = add<T>(c, t);
    g = add<T>(t, add<T>(bigSigma0<T>(h), majorityAfter<T>(a, (m1 = xor<T>(h, a)), m0)));
    t = add<T>(add<T>(f, bigSigma1<T>(c)), add<T>(choose<T>(c, d, e), splat<T>(0x9bdc06a7))); b = add<T>(b, t);
    f = add<T>(t, add<T>(bigSigma0<T>(g), majorityAfter<T>(h, (m0 = xor<T>(g, h)), m1)));
    t = add<T>(add<T>(e, bigSigma1<T>(b)), add<T>(choose<T>(b, c, d), splat<T>(K15_PLUS_HEADER_BITS))); a = add<T>(a, t);
    e = add<T>(t, add<T>(bigSigma0<T>(f), majorityAfter<T>(g, (m1 = xor<T>(f, g)), m0)));
    // Rounds 16..63. W16 and W17 do not depend on the nonce, and W18..W33 only partly: the constant
    // terms (zero padding words vanish) were folded in prepare().
    t = add<T>(add<T>(d, bigSigma1<T>(a)), add<T>(choose<T>(a, b, c), add<T>(w16, splat<T>(0xe49b69c1)))); h = add<T>(h, t);
    d = add<T>(t, add<T>(bigSigma0<T>(e), majorityAfter<T>(f, (m0 = xor<T>(e, f)), m1)));
    t = add<T>(add<T>(c, bigSigma1<T>(h)), add<T>(choose<T>(h, a, b), add<T>(w17, splat<T>(0xefbe4786)))); g = add<T>(g, t);
    c = add<T>(t, add<T>(bigSigma0<T>(d), majorityAfter<T>(e, (m1 = xor<T>(d, e)), m0)));
    const w18 = add<T>(c18, smallSigma0<T>(w3));
    t = add<T>(add<T>(b, bigSigma1<T>(g)), add<T>(choose<T>(g, h, a), add<T>(w18, splat<T>(0x0fc19dc6)))); f = add<T>(f, t);
    b = add<T>(t, add<T>(bigSigma0<T>(c), majorityAfter<T>(d, (m0 = xor<T>(c, d)), m1)));
    const w19 = add<T>(c19, w3);
    t = add<T>(add<T>(a, bigSigma1<T>(f)), add<T>(choose<T>(f, g, h), add<T>(w19, splat<T>(0x240ca1cc)))); e = add<T>(e, t);
    a = add<T>(t, add<T>(bigSigma0<T>(b), majorityAfter<T>(c, (m1 = xor<T>(b, c)), m0)));
    const w20 = add<T>(smallSigma1<T>(w18), splat<T>(HEADER_PAD));
    t = add<T>(add<T>(h, bigSigma1<T>(e)), add<T>(choose<T>(e, f, g), add<T>(w20, splat<T>(0x2de92c6f)))); d = add<T>(d, t);
    h = add<T>(t, add<T>(bigSigma0<T>(a), majorityAfter<T>(b, (m0 = xor<T>(a, b)), m1)));
    const w21 = smallSigma1<T>(w19);
    t = add<T>(add<T>(g, bigSigma1<T>(d)), add<T>(choose<T>(d, e, f), add<T>(w21, splat<T>(0x4a7484aa)))); c = add<T>(c, t);
    g = add<T>(t, add<T>(bigSigma0<T>(h), majorityAfter<T>(a, (m1 = xor<T>(h, a)), m0)));
    const w22 = add<T>(smallSigma1<T>(w20), splat<T>(HEADER_BITS));
    t = add<T>(add<T>(f, bigSigma1<T>(c)), add<T>(choose<T>(c, d, e), add<T>(w22, splat<T>(0x5cb0a9dc)))); b = add<T>(b, t);
    f = add<T>(t, add<T>(bigSigma0<T>(g), majorityAfter<T>(h, (m0 = xor<T>(g, h)), m1)));
    const w23 = add<T>(smallSigma1<T>(w21), w16);
    t = add<T>(add<T>(e, bigSigma1<T>(b)), add<T>(choose<T>(b, c, d), add<T>(w23, splat<T>(0x76f988da)))); a = add<T>(a, t);
    e = add<T>(t, add<T>(bigSigma0<T>(f), majorityAfter<T>(g, (m1 = xor<T>(f, g)), m0)));
    const w24 = add<T>(smallSigma1<T>(w22), w17);
    t = add<T>(add<T>(d, bigSigma1<T>(a)), add<T>(choose<T>(a, b, c), add<T>(w24, splat<T>(0x983e5152)))); h = add<T>(h, t);
    d = add<T>(t, add<T>(bigSigma0<T>(e), majorityAfter<T>(f, (m0 = xor<T>(e, f)), m1)));
    const w25 = add<T>(smallSigma1<T>(w23), w18);
    t = add<T>(add<T>(c, bigSigma1<T>(h)), add<T>(choose<T>(h, a, b), add<T>(w25, splat<T>(0xa831c66d)))); g = add<T>(g, t);
    c = add<T>(t, add<T>(bigSigma0<T>(d), majorityAfter<T>(e, (m1 = xor<T>(d, e)), m0)));
    const w26 = add<T>(smallSigma1<T>(w24), w19);
    t = add<T>(add<T>(b, bigSigma1<T>(g)), add<T>(choose<T>(g, h, a), add<T>(w26, splat<T>(0xb00327c8)))); f = add<T>(f, t);
    b = add<T>(t, add<T>(bigSigma0<T>(c), majorityAfter<T>(d, (m0 = xor<T>(c, d)), m1)));
    const w27 = add<T>(smallSigma1<T>(w25), w20);
    t = add<T>(add<T>(a, bigSigma1<T>(f)), add<T>(choose<T>(f, g, h), add<T>(w27, splat<T>(0xbf597fc7)))); e = add<T>(e, t);
    a = add<T>(t, add<T>(bigSigma0<T>(b), majorityAfter<T>(c, (m1 = xor<T>(b, c)), m0)));
    const w28 = add<T>(smallSigma1<T>(w26), w21);
    t = add<T>(add<T>(h, bigSigma1<T>(e)), add<T>(choose<T>(e, f, g), add<T>(w28, splat<T>(0xc6e00bf3)))); d = add<T>(d, t);
    h = add<T>(t, add<T>(bigSigma0<T>(a), majorityAfter<T>(b, (m0 = xor<T>(a, b)), m1)));
    const w29 = add<T>(smallSigma1<T>(w27), w22);
    t = add<T>(add<T>(g, bigSigma1<T>(d)), add<T>(choose<T>(d, e, f), add<T>(w29, splat<T>(0xd5a79147)))); c = add<T>(c, t);
    g = add<T>(t, add<T>(bigSigma0<T>(h), majorityAfter<T>(a, (m1 = xor<T>(h, a)), m0)));
    const w30 = add<T>(add<T>(smallSigma1<T>(w28), w23), splat<T>(SIGMA0_HEADER_BITS));
    t = add<T>(add<T>(f, bigSigma1<T>(c)), add<T>(choose<T>(c, d, e), add<T>(w30, splat<T>(0x06ca6351)))); b = add<T>(b, t);
    f = add<T>(t, add<T>(bigSigma0<T>(g), majorityAfter<T>(h, (m0 = xor<T>(g, h)), m1)));
    const w31 = add<T>(add<T>(smallSigma1<T>(w29), w24), c31);
    t = add<T>(add<T>(e, bigSigma1<T>(b)), add<T>(choose<T>(b, c, d), add<T>(w31, splat<T>(0x14292967)))); a = add<T>(a, t);
    e = add<T>(t, add<T>(bigSigma0<T>(f), majorityAfter<T>(g, (m1 = xor<T>(f, g)), m0)));
    const w32 = add<T>(add<T>(smallSigma1<T>(w30), w25), c32);
    t = add<T>(add<T>(d, bigSigma1<T>(a)), add<T>(choose<T>(a, b, c), add<T>(w32, splat<T>(0x27b70a85)))); h = add<T>(h, t);
    d = add<T>(t, add<T>(bigSigma0<T>(e), majorityAfter<T>(f, (m0 = xor<T>(e, f)), m1)));
    const w33 = add<T>(add<T>(smallSigma1<T>(w31), w26), add<T>(smallSigma0<T>(w18), w17));
    t = add<T>(add<T>(c, bigSigma1<T>(h)), add<T>(choose<T>(h, a, b), add<T>(w33, splat<T>(0x2e1b2138)))); g = add<T>(g, t);
    c = add<T>(t, add<T>(bigSigma0<T>(d), majorityAfter<T>(e, (m1 = xor<T>(d, e)), m0)));
    const w34 = add<T>(add<T>(smallSigma1<T>(w32), w27), add<T>(smallSigma0<T>(w19), w18));
    t = add<T>(add<T>(b, bigSigma1<T>(g)), add<T>(choose<T>(g, h, a), add<T>(w34, splat<T>(0x4d2c6dfc)))); f = add<T>(f, t);
    b = add<T>(t, add<T>(bigSigma0<T>(c), majorityAfter<T>(d, (m0 = xor<T>(c, d)), m1)));
    const w35 = add<T>(add<T>(smallSigma1<T>(w33), w28), add<T>(smallSigma0<T>(w20), w19));
    t = add<T>(add<T>(a, bigSigma1<T>(f)), add<T>(choose<T>(f, g, h), add<T>(w35, splat<T>(0x53380d13)))); e = add<T>(e, t);
    a = add<T>(t, add<T>(bigSigma0<T>(b), majorityAfter<T>(c, (m1 = xor<T>(b, c)), m0)));
    const w36 = add<T>(add<T>(smallSigma1<T>(w34), w29), add<T>(smallSigma0<T>(w21), w20));
    t = add<T>(add<T>(h, bigSigma1<T>(e)), add<T>(choose<T>(e, f, g), add<T>(w36, splat<T>(0x650a7354)))); d = add<T>(d, t);
    h = add<T>(t, add<T>(bigSigma0<T>(a), majorityAfter<T>(b, (m0 = xor<T>(a, b)), m1)));
    const w37 = add<T>(add<T>(smallSigma1<T>(w35), w30), add<T>(smallSigma0<T>(w22), w21));
    t = add<T>(add<T>(g, bigSigma1<T>(d)), add<T>(choose<T>(d, e, f), add<T>(w37, splat<T>(0x766a0abb)))); c = add<T>(c, t);
    g = add<T>(t, add<T>(bigSigma0<T>(h), majorityAfter<T>(a, (m1 = xor<T>(h, a)), m0)));
    const w38 = add<T>(add<T>(smallSigma1<T>(w36), w31), add<T>(smallSigma0<T>(w23), w22));
    t = add<T>(add<T>(f, bigSigma1<T>(c)), add<T>(choose<T>(c, d, e), add<T>(w38, splat<T>(0x81c2c92e)))); b = add<T>(b, t);
    f = add<T>(t, add<T>(bigSigma0<T>(g), majorityAfter<T>(h, (m0 = xor<T>(g, h)), m1)));
    const w39 = add<T>(add<T>(smallSigma1<T>(w37), w32), add<T>(smallSigma0<T>(w24), w23));
    t = add<T>(add<T>(e, bigSigma1<T>(b)), add<T>(choose<T>(b, c, d), add<T>(w39, splat<T>(0x92722c85)))); a = add<T>(a, t);
    e = add<T>(t, add<T>(bigSigma0<T>(f), majorityAfter<T>(g, (m1 = xor<T>(f, g)), m0)));
    const w40 = add<T>(add<T>(smallSigma1<T>(w38), w33), add<T>(smallSigma0<T>(w25), w24));
    t = add<T>(add<T>(d, bigSigma1<T>(a)), add<T>(choose<T>(a, b, c), add<T>(w40, splat<T>(0xa2bfe8a1)))); h = add<T>(h, t);
    d = add<T>(t, add<T>(bigSigma0<T>(e), majorityAfter<T>(f, (m0 = xor<T>(e, f)), m1)));
    const w41 = add<T>(add<T>(smallSigma1<T>(w39), w34), add<T>(smallSigma0<T>(w26), w25));
    t = add<T>(add<T>(c, bigSigma1<T>(h)), add<T>(choose<T>(h, a, b), add<T>(w41, splat<T>(0xa81a664b)))); g = add<T>(g, t);
    c = add<T>(t, add<T>(bigSigma0<T>(d), majorityAfter<T>(e, (m1 = xor<T>(d, e)), m0)));
    const w42 = add<T>(add<T>(smallSigma1<T>(w40), w35), add<T>(smallSigma0<T>(w27), w26));
    t = add<T>(add<T>(b, bigSigma1<T>(g)), add<T>(choose<T>(g, h, a), add<T>(w42, splat<T>(0xc24b8b70)))); f = add<T>(f, t);
    b = add<T>(t, add<T>(bigSigma0<T>(c), majorityAfter<T>(d, (m0 = xor<T>(c, d)), m1)));
    const w43 = add<T>(add<T>(smallSigma1<T>(w41), w36), add<T>(smallSigma0<T>(w28), w27));
    t = add<T>(add<T>(a, bigSigma1<T>(f)), add<T>(choose<T>(f, g, h), add<T>(w43, splat<T>(0xc76c51a3)))); e = add<T>(e, t);
    a = add<T>(t, add<T>(bigSigma0<T>(b), majorityAfter<T>(c, (m1 = xor<T>(b, c)), m0)));
    const w44 = add<T>(add<T>(smallSigma1<T>(w42), w37), add<T>(smallSigma0<T>(w29), w28));
    t = add<T>(add<T>(h, bigSigma1<T>(e)), add<T>(choose<T>(e, f, g), add<T>(w44, splat<T>(0xd192e819)))); d = add<T>(d, t);
    h = add<T>(t, add<T>(bigSigma0<T>(a), majorityAfter<T>(b, (m0 = xor<T>(a, b)), m1)));
    const w45 = add<T>(add<T>(smallSigma1<T>(w43), w38), add<T>(smallSigma0<T>(w30), w29));
    t = add<T>(add<T>(g, bigSigma1<T>(d)), add<T>(choose<T>(d, e, f), add<T>(w45, splat<T>(0xd6990624)))); c = add<T>(c, t);
    g = add<T>(t, add<T>(bigSigma0<T>(h), majorityAfter<T>(a, (m1 = xor<T>(h, a)), m0)));
    const w46 = add<T>(add<T>(smallSigma1<T>(w44), w39), add<T>(smallSigma0<T>(w31), w30));
    t = add<T>(add<T>(f, bigSigma1<T>(c)), add<T>(choose<T>(c, d, e), add<T>(w46, splat<T>(0xf40e3585)))); b = add<T>(b, t);
    f = add<T>(t, add<T>(bigSigma0<T>(g), majorityAfter<T>(h, (m0 = xor<T>(g, h)), m1)));
    const w47 = add<T>(add<T>(smallSigma1<T>(w45), w40), add<T>(smallSigma0<T>(w32), w31));
    t = add<T>(add<T>(e, bigSigma1<T>(b)), add<T>(choose<T>(b, c, d), add<T>(w47, splat<T>(0x106aa070)))); a = add<T>(a, t);
    e = add<T>(t, add<T>(bigSigma0<T>(f), majorityAfter<T>(g, (m1 = xor<T>(f, g)), m0)));
    const w48 = add<T>(add<T>(smallSigma1<T>(w46), w41), add<T>(smallSigma0<T>(w33), w32));
    t = add<T>(add<T>(d, bigSigma1<T>(a)), add<T>(choose<T>(a, b, c), add<T>(w48, splat<T>(0x19a4c116)))); h = add<T>(h, t);
    d = add<T>(t, add<T>(bigSigma0<T>(e), majorityAfter<T>(f, (m0 = xor<T>(e, f)), m1)));
    const w49 = add<T>(add<T>(smallSigma1<T>(w47), w42), add<T>(smallSigma0<T>(w34), w33));
    t = add<T>(add<T>(c, bigSigma1<T>(h)), add<T>(choose<T>(h, a, b), add<T>(w49, splat<T>(0x1e376c08)))); g = add<T>(g, t);
    c = add<T>(t, add<T>(bigSigma0<T>(d), majorityAfter<T>(e, (m1 = xor<T>(d, e)), m0)));
    const w50 = add<T>(add<T>(smallSigma1<T>(w48), w43), add<T>(smallSigma0<T>(w35), w34));
    t = add<T>(add<T>(b, bigSigma1<T>(g)), add<T>(choose<T>(g, h, a), add<T>(w50, splat<T>(0x2748774c)))); f = add<T>(f, t);
    b = add<T>(t, add<T>(bigSigma0<T>(c), majorityAfter<T>(d, (m0 = xor<T>(c, d)), m1)));
    const w51 = add<T>(add<T>(smallSigma1<T>(w49), w44), add<T>(smallSigma0<T>(w36), w35));
    t = add<T>(add<T>(a, bigSigma1<T>(f)), add<T>(choose<T>(f, g, h), add<T>(w51, splat<T>(0x34b0bcb5)))); e = add<T>(e, t);
    a = add<T>(t, add<T>(bigSigma0<T>(b), majorityAfter<T>(c, (m1 = xor<T>(b, c)), m0)));
    const w52 = add<T>(add<T>(smallSigma1<T>(w50), w45), add<T>(smallSigma0<T>(w37), w36));
    t = add<T>(add<T>(h, bigSigma1<T>(e)), add<T>(choose<T>(e, f, g), add<T>(w52, splat<T>(0x391c0cb3)))); d = add<T>(d, t);
    h = add<T>(t, add<T>(bigSigma0<T>(a), majorityAfter<T>(b, (m0 = xor<T>(a, b)), m1)));
    const w53 = add<T>(add<T>(smallSigma1<T>(w51), w46), add<T>(smallSigma0<T>(w38), w37));
    t = add<T>(add<T>(g, bigSigma1<T>(d)), add<T>(choose<T>(d, e, f), add<T>(w53, splat<T>(0x4ed8aa4a)))); c = add<T>(c, t);
    g = add<T>(t, add<T>(bigSigma0<T>(h), majorityAfter<T>(a, (m1 = xor<T>(h, a)), m0)));
    const w54 = add<T>(add<T>(smallSigma1<T>(w52), w47), add<T>(smallSigma0<T>(w39), w38));
    t = add<T>(add<T>(f, bigSigma1<T>(c)), add<T>(choose<T>(c, d, e), add<T>(w54, splat<T>(0x5b9cca4f)))); b = add<T>(b, t);
    f = add<T>(t, add<T>(bigSigma0<T>(g), majorityAfter<T>(h, (m0 = xor<T>(g, h)), m1)));
    const w55 = add<T>(add<T>(smallSigma1<T>(w53), w48), add<T>(smallSigma0<T>(w40), w39));
    t = add<T>(add<T>(e, bigSigma1<T>(b)), add<T>(choose<T>(b, c, d), add<T>(w55, splat<T>(0x682e6ff3)))); a = add<T>(a, t);
    e = add<T>(t, add<T>(bigSigma0<T>(f), majorityAfter<T>(g, (m1 = xor<T>(f, g)), m0)));
    const w56 = add<T>(add<T>(smallSigma1<T>(w54), w49), add<T>(smallSigma0<T>(w41), w40));
    t = add<T>(add<T>(d, bigSigma1<T>(a)), add<T>(choose<T>(a, b, c), add<T>(w56, splat<T>(0x748f82ee)))); h = add<T>(h, t);
    d = add<T>(t, add<T>(bigSigma0<T>(e), majorityAfter<T>(f, (m0 = xor<T>(e, f)), m1)));
    const w57 = add<T>(add<T>(smallSigma1<T>(w55), w50), add<T>(smallSigma0<T>(w42), w41));
    t = add<T>(add<T>(c, bigSigma1<T>(h)), add<T>(choose<T>(h, a, b), add<T>(w57, splat<T>(0x78a5636f)))); g = add<T>(g, t);
    c = add<T>(t, add<T>(bigSigma0<T>(d), majorityAfter<T>(e, (m1 = xor<T>(d, e)), m0)));
    const w58 = add<T>(add<T>(smallSigma1<T>(w56), w51), add<T>(smallSigma0<T>(w43), w42));
    t = add<T>(add<T>(b, bigSigma1<T>(g)), add<T>(choose<T>(g, h, a), add<T>(w58, splat<T>(0x84c87814)))); f = add<T>(f, t);
    b = add<T>(t, add<T>(bigSigma0<T>(c), majorityAfter<T>(d, (m0 = xor<T>(c, d)), m1)));
    const w59 = add<T>(add<T>(smallSigma1<T>(w57), w52), add<T>(smallSigma0<T>(w44), w43));
    t = add<T>(add<T>(a, bigSigma1<T>(f)), add<T>(choose<T>(f, g, h), add<T>(w59, splat<T>(0x8cc70208)))); e = add<T>(e, t);
    a = add<T>(t, add<T>(bigSigma0<T>(b), majorityAfter<T>(c, (m1 = xor<T>(b, c)), m0)));
    const w60 = add<T>(add<T>(smallSigma1<T>(w58), w53), add<T>(smallSigma0<T>(w45), w44));
    t = add<T>(add<T>(h, bigSigma1<T>(e)), add<T>(choose<T>(e, f, g), add<T>(w60, splat<T>(0x90befffa)))); d = add<T>(d, t);
    h = add<T>(t, add<T>(bigSigma0<T>(a), majorityAfter<T>(b, (m0 = xor<T>(a, b)), m1)));
    const w61 = add<T>(add<T>(smallSigma1<T>(w59), w54), add<T>(smallSigma0<T>(w46), w45));
    t = add<T>(add<T>(g, bigSigma1<T>(d)), add<T>(choose<T>(d, e, f), add<T>(w61, splat<T>(0xa4506ceb)))); c = add<T>(c, t);
    g = add<T>(t, add<T>(bigSigma0<T>(h), majorityAfter<T>(a, (m1 = xor<T>(h, a)), m0)));
    const w62 = add<T>(add<T>(smallSigma1<T>(w60), w55), add<T>(smallSigma0<T>(w47), w46));
    t = add<T>(add<T>(f, bigSigma1<T>(c)), add<T>(choose<T>(c, d, e), add<T>(w62, splat<T>(0xbef9a3f7)))); b = add<T>(b, t);
    f = add<T>(t, add<T>(bigSigma0<T>(g), majorityAfter<T>(h, (m0 = xor<T>(g, h)), m1)));
    const w63 = add<T>(add<T>(smallSigma1<T>(w61), w56), add<T>(smallSigma0<T>(w48), w47));
    t = add<T>(add<T>(e, bigSigma1<T>(b)), add<T>(choose<T>(b, c, d), add<T>(w63, splat<T>(0xc67178f2)))); a = add<T>(a, t);
    e = add<T>(t, add<T>(bigSigma0<T>(f), majorityAfter<T>(g, (m1 = xor<T>(f, g)), m0)));
    // The first hash: midstate + state.
    const x0 = add<T>(loadSplat<T>(JOB + 0), e);
    const x1 = add<T>(loadSplat<T>(JOB + 4), f);
    const x2 = add<T>(loadSplat<T>(JOB + 8), g);
    const x3 = add<T>(loadSplat<T>(JOB + 12), h);
    const x4 = add<T>(loadSplat<T>(JOB + 16), a);
    const x5 = add<T>(loadSplat<T>(JOB + 20), b);
    const x6 = add<T>(loadSplat<T>(JOB + 24), c);
    const x7 = add<T>(loadSplat<T>(JOB + 28), d);
    // Second hash. Round 0 starts from the constant IV, so all but its message word is constant; b, c, d
    // and f, g, h are IV[0..2] and IV[4..6] moved along by one round.
    a = add<T>(x0, splat<T>(ROUND0_A_LESS_W0));
    b = splat<T>(0x6a09e667);
    c = splat<T>(0xbb67ae85);
    d = splat<T>(0x3c6ef372);
    e = add<T>(x0, splat<T>(ROUND0_E_LESS_W0));
    f = splat<T>(0x510e527f);
    g = splat<T>(0x9b05688c);
    h = splat<T>(0x1f83d9ab);
    // Rounds 1..7 use the first hash; rounds 8..15 the padding: W8 = HASH_PAD, W9..W14 = 0, W15 = HASH_BITS.
    t = add<T>(add<T>(h, bigSigma1<T>(e)), add<T>(choose<T>(e, f, g), add<T>(x1, splat<T>(0x71374491)))); d = add<T>(d, t);
    h = add<T>(t, add<T>(bigSigma0<T>(a), majorityAfter<T>(b, (m0 = xor<T>(a, b)), xor<T>(b, c))));
    t = add<T>(add<T>(g, bigSigma1<T>(d)), add<T>(choose<T>(d, e, f), add<T>(x2, splat<T>(0xb5c0fbcf)))); c = add<T>(c, t);
    g = add<T>(t, add<T>(bigSigma0<T>(h), majorityAfter<T>(a, (m1 = xor<T>(h, a)), m0)));
    t = add<T>(add<T>(f, bigSigma1<T>(c)), add<T>(choose<T>(c, d, e), add<T>(x3, splat<T>(0xe9b5dba5)))); b = add<T>(b, t);
    f = add<T>(t, add<T>(bigSigma0<T>(g), majorityAfter<T>(h, (m0 = xor<T>(g, h)), m1)));
    t = add<T>(add<T>(e, bigSigma1<T>(b)), add<T>(choose<T>(b, c, d), add<T>(x4, splat<T>(0x3956c25b)))); a = add<T>(a, t);
    e = add<T>(t, add<T>(bigSigma0<T>(f), majorityAfter<T>(g, (m1 = xor<T>(f, g)), m0)));
    t = add<T>(add<T>(d, bigSigma1<T>(a)), add<T>(choose<T>(a, b, c), add<T>(x5, splat<T>(0x59f111f1)))); h = add<T>(h, t);
    d = add<T>(t, add<T>(bigSigma0<T>(e), majorityAfter<T>(f, (m0 = xor<T>(e, f)), m1)));
    t = add<T>(add<T>(c, bigSigma1<T>(h)), add<T>(choose<T>(h, a, b), add<T>(x6, splat<T>(0x923f82a4)))); g = add<T>(g, t);
    c = add<T>(t, add<T>(bigSigma0<T>(d), majorityAfter<T>(e, (m1 = xor<T>(d, e)), m0)));
    t = add<T>(add<T>(b, bigSigma1<T>(g)), add<T>(choose<T>(g, h, a), add<T>(x7, splat<T>(0xab1c5ed5)))); f = add<T>(f, t);
    b = add<T>(t, add<T>(bigSigma0<T>(c), majorityAfter<T>(d, (m0 = xor<T>(c, d)), m1)));
    t = add<T>(add<T>(a, bigSigma1<T>(f)), add<T>(choose<T>(f, g, h), splat<T>(K8_PLUS_HASH_PAD))); e = add<T>(e, t);
    a = add<T>(t, add<T>(bigSigma0<T>(b), majorityAfter<T>(c, (m1 = xor<T>(b, c)), m0)));
    t = add<T>(add<T>(h, bigSigma1<T>(e)), add<T>(choose<T>(e, f, g), splat<T>(0x12835b01))); d = add<T>(d, t);
    h = add<T>(t, add<T>(bigSigma0<T>(a), majorityAfter<T>(b, (m0 = xor<T>(a, b)), m1)));
    t = add<T>(add<T>(g, bigSigma1<T>(d)), add<T>(choose<T>(d, e, f), splat<T>(0x243185be))); c = add<T>(c, t);
    g = add<T>(t, add<T>(bigSigma0<T>(h), majorityAfter<T>(a, (m1 = xor<T>(h, a)), m0)));
    t = add<T>(add<T>(f, bigSigma1<T>(c)), add<T>(choose<T>(c, d, e), splat<T>(0x550c7dc3))); b = add<T>(b, t);
    f = add<T>(t, add<T>(bigSigma0<T>(g), majorityAfter<T>(h, (m0 = xor<T>(g, h)), m1)));
    t = add<T>(add<T>(e, bigSigma1<T>(b)), add<T>(choose<T>(b, c, d), splat<T>(0x72be5d74))); a = add<T>(a, t);
    e = add<T>(t, add<T>(bigSigma0<T>(f), majorityAfter<T>(g, (m1 = xor<T>(f, g)), m0)));
    t = add<T>(add<T>(d, bigSigma1<T>(a)), add<T>(choose<T>(a, b, c), splat<T>(0x80deb1fe))); h = add<T>(h, t);
    d = add<T>(t, add<T>(bigSigma0<T>(e), majorityAfter<T>(f, (m0 = xor<T>(e, f)), m1)));
    t = add<T>(add<T>(c, bigSigma1<T>(h)), add<T>(choose<T>(h, a, b), splat<T>(0x9bdc06a7))); g = add<T>(g, t);
    c = add<T>(t, add<T>(bigSigma0<T>(d), majorityAfter<T>(e, (m1 = xor<T>(d, e)), m0)));
    t = add<T>(add<T>(b, bigSigma1<T>(g)), add<T>(choose<T>(g, h, a), splat<T>(K15_PLUS_HASH_BITS))); f = add<T>(f, t);
    b = add<T>(t, add<T>(bigSigma0<T>(c), majorityAfter<T>(d, (m0 = xor<T>(c, d)), m1)));
    // Rounds 16..60; the schedule again drops the zero words. Only the last state word matters for the
    // early test, and it is fixed three rounds early (e after round 60 becomes h), so rounds 58..60 skip a.
    const v16 = add<T>(smallSigma0<T>(x1), x0);
    t = add<T>(add<T>(a, bigSigma1<T>(f)), add<T>(choose<T>(f, g, h), add<T>(v16, splat<T>(0xe49b69c1)))); e = add<T>(e, t);
    a = add<T>(t, add<T>(bigSigma0<T>(b), majorityAfter<T>(c, (m1 = xor<T>(b, c)), m0)));
    const v17 = add<T>(add<T>(smallSigma0<T>(x2), x1), splat<T>(SIGMA1_HASH_BITS));
    t = add<T>(add<T>(h, bigSigma1<T>(e)), add<T>(choose<T>(e, f, g), add<T>(v17, splat<T>(0xefbe4786)))); d = add<T>(d, t);
    h = add<T>(t, add<T>(bigSigma0<T>(a), majorityAfter<T>(b, (m0 = xor<T>(a, b)), m1)));
    const v18 = add<T>(add<T>(smallSigma1<T>(v16), smallSigma0<T>(x3)), x2);
    t = add<T>(add<T>(g, bigSigma1<T>(d)), add<T>(choose<T>(d, e, f), add<T>(v18, splat<T>(0x0fc19dc6)))); c = add<T>(c, t);
    g = add<T>(t, add<T>(bigSigma0<T>(h), majorityAfter<T>(a, (m1 = xor<T>(h, a)), m0)));
    const v19 = add<T>(add<T>(smallSigma1<T>(v17), smallSigma0<T>(x4)), x3);
    t = add<T>(add<T>(f, bigSigma1<T>(c)), add<T>(choose<T>(c, d, e), add<T>(v19, splat<T>(0x240ca1cc)))); b = add<T>(b, t);
    f = add<T>(t, add<T>(bigSigma0<T>(g), majorityAfter<T>(h, (m0 = xor<T>(g, h)), m1)));
    const v20 = add<T>(add<T>(smallSigma1<T>(v18), smallSigma0<T>(x5)), x4);
    t = add<T>(add<T>(e, bigSigma1<T>(b)), add<T>(choose<T>(b, c, d), add<T>(v20, splat<T>(0x2de92c6f)))); a = add<T>(a, t);
    e = add<T>(t, add<T>(bigSigma0<T>(f), majorityAfter<T>(g, (m1 = xor<T>(f, g)), m0)));
    const v21 = add<T>(add<T>(smallSigma1<T>(v19), smallSigma0<T>(x6)), x5);
    t = add<T>(add<T>(d, bigSigma1<T>(a)), add<T>(choose<T>(a, b, c), add<T>(v21, splat<T>(0x4a7484aa)))); h = add<T>(h, t);
    d = add<T>(t, add<T>(bigSigma0<T>(e), majorityAfter<T>(f, (m0 = xor<T>(e, f)), m1)));
    const v22 = add<T>(add<T>(smallSigma1<T>(v20), smallSigma0<T>(x7)), add<T>(x6, splat<T>(HASH_BITS)));
    t = add<T>(add<T>(c, bigSigma1<T>(h)), add<T>(choose<T>(h, a, b), add<T>(v22, splat<T>(0x5cb0a9dc)))); g = add<T>(g, t);
    c = add<T>(t, add<T>(bigSigma0<T>(d), majorityAfter<T>(e, (m1 = xor<T>(d, e)), m0)));
    const v23 = add<T>(add<T>(smallSigma1<T>(v21), v16), add<T>(x7, splat<T>(SIGMA0_HASH_PAD)));
    t = add<T>(add<T>(b, bigSigma1<T>(g)), add<T>(choose<T>(g, h, a), add<T>(v23, splat<T>(0x76f988da)))); f = add<T>(f, t);
    b = add<T>(t, add<T>(bigSigma0<T>(c), majorityAfter<T>(d, (m0 = xor<T>(c, d)), m1)));
    const v24 = add<T>(add<T>(smallSigma1<T>(v22), v17), splat<T>(HASH_PAD));
    t = add<T>(add<T>(a, bigSigma1<T>(f)), add<T>(choose<T>(f, g, h), add<T>(v24, splat<T>(0x983e5152)))); e = add<T>(e, t);
    a = add<T>(t, add<T>(bigSigma0<T>(b), majorityAfter<T>(c, (m1 = xor<T>(b, c)), m0)));
    const v25 = add<T>(smallSigma1<T>(v23), v18);
    t = add<T>(add<T>(h, bigSigma1<T>(e)), add<T>(choose<T>(e, f, g), add<T>(v25, splat<T>(0xa831c66d)))); d = add<T>(d, t);
    h = add<T>(t, add<T>(bigSigma0<T>(a), majorityAfter<T>(b, (m0 = xor<T>(a, b)), m1)));
    const v26 = add<T>(smallSigma1<T>(v24), v19);
    t = add<T>(add<T>(g, bigSigma1<T>(d)), add<T>(choose<T>(d, e, f), add<T>(v26, splat<T>(0xb00327c8)))); c = add<T>(c, t);
    g = add<T>(t, add<T>(bigSigma0<T>(h), majorityAfter<T>(a, (m1 = xor<T>(h, a)), m0)));
    const v27 = add<T>(smallSigma1<T>(v25), v20);
    t = add<T>(add<T>(f, bigSigma1<T>(c)), add<T>(choose<T>(c, d, e), add<T>(v27, splat<T>(0xbf597fc7)))); b = add<T>(b, t);
    f = add<T>(t, add<T>(bigSigma0<T>(g), majorityAfter<T>(h, (m0 = xor<T>(g, h)), m1)));
    const v28 = add<T>(smallSigma1<T>(v26), v21);
    t = add<T>(add<T>(e, bigSigma1<T>(b)), add<T>(choose<T>(b, c, d), add<T>(v28, splat<T>(0xc6e00bf3)))); a = add<T>(a, t);
    e = add<T>(t, add<T>(bigSigma0<T>(f), majorityAfter<T>(g, (m1 = xor<T>(f, g)), m0)));
    const v29 = add<T>(smallSigma1<T>(v27), v22);
    t = add<T>(add<T>(d, bigSigma1<T>(a)), add<T>(choose<T>(a, b, c), add<T>(v29, splat<T>(0xd5a79147)))); h = add<T>(h, t);
    d = add<T>(t, add<T>(bigSigma0<T>(e), majorityAfter<T>(f, (m0 = xor<T>(e, f)), m1)));
    const v30 = add<T>(add<T>(smallSigma1<T>(v28), v23), splat<T>(SIGMA0_HASH_BITS));
    t = add<T>(add<T>(c, bigSigma1<T>(h)), add<T>(choose<T>(h, a, b), add<T>(v30, splat<T>(0x06ca6351)))); g = add<T>(g, t);
    c = add<T>(t, add<T>(bigSigma0<T>(d), majorityAfter<T>(e, (m1 = xor<T>(d, e)), m0)));
    const v31 = add<T>(add<T>(smallSigma1<T>(v29), v24), add<T>(smallSigma0<T>(v16), splat<T>(HASH_BITS)));
    t = add<T>(add<T>(b, bigSigma1<T>(g)), add<T>(choose<T>(g, h, a), add<T>(v31, splat<T>(0x14292967)))); f = add<T>(f, t);
    b = add<T>(t, add<T>(bigSigma0<T>(c), majorityAfter<T>(d, (m0 = xor<T>(c, d)), m1)));
    const v32 = add<T>(add<T>(smallSigma1<T>(v30), v25), add<T>(smallSigma0<T>(v17), v16));
    t = add<T>(add<T>(a, bigSigma1<T>(f)), add<T>(choose<T>(f, g, h), add<T>(v32, splat<T>(0x27b70a85)))); e = add<T>(e, t);
    a = add<T>(t, add<T>(bigSigma0<T>(b), majorityAfter<T>(c, (m1 = xor<T>(b, c)), m0)));
    const v33 = add<T>(add<T>(smallSigma1<T>(v31), v26), add<T>(smallSigma0<T>(v18), v17));
    t = add<T>(add<T>(h, bigSigma1<T>(e)), add<T>(choose<T>(e, f, g), add<T>(v33, splat<T>(0x2e1b2138)))); d = add<T>(d, t);
    h = add<T>(t, add<T>(bigSigma0<T>(a), majorityAfter<T>(b, (m0 = xor<T>(a, b)), m1)));
    const v34 = add<T>(add<T>(smallSigma1<T>(v32), v27), add<T>(smallSigma0<T>(v19), v18));
    t = add<T>(add<T>(g, bigSigma1<T>(d)), add<T>(choose<T>(d, e, f), add<T>(v34, splat<T>(0x4d2c6dfc)))); c = add<T>(c, t);
    g = add<T>(t, add<T>(bigSigma0<T>(h), majorityAfter<T>(a, (m1 = xor<T>(h, a)), m0)));
    const v35 = add<T>(add<T>(smallSigma1<T>(v33), v28), add<T>(smallSigma0<T>(v20), v19));
    t = add<T>(add<T>(f, bigSigma1<T>(c)), add<T>(choose<T>(c, d, e), add<T>(v35, splat<T>(0x53380d13)))); b = add<T>(b, t);
    f = add<T>(t, add<T>(bigSigma0<T>(g), majorityAfter<T>(h, (m0 = xor<T>(g, h)), m1)));
    const v36 = add<T>(add<T>(smallSigma1<T>(v34), v29), add<T>(smallSigma0<T>(v21), v20));
    t = add<T>(add<T>(e, bigSigma1<T>(b)), add<T>(choose<T>(b, c, d), add<T>(v36, splat<T>(0x650a7354)))); a = add<T>(a, t);
    e = add<T>(t, add<T>(bigSigma0<T>(f), majorityAfter<T>(g, (m1 = xor<T>(f, g)), m0)));
    const v37 = add<T>(add<T>(smallSigma1<T>(v35), v30), add<T>(smallSigma0<T>(v22), v21));
    t = add<T>(add<T>(d, bigSigma1<T>(a)), add<T>(choose<T>(a, b, c), add<T>(v37, splat<T>(0x766a0abb)))); h = add<T>(h, t);
    d = add<T>(t, add<T>(bigSigma0<T>(e), majorityAfter<T>(f, (m0 = xor<T>(e, f)), m1)));
    const v38 = add<T>(add<T>(smallSigma1<T>(v36), v31), add<T>(smallSigma0<T>(v23), v22));
    t = add<T>(add<T>(c, bigSigma1<T>(h)), add<T>(choose<T>(h, a, b), add<T>(v38, splat<T>(0x81c2c92e)))); g = add<T>(g, t);
    c = add<T>(t, add<T>(bigSigma0<T>(d), majorityAfter<T>(e, (m1 = xor<T>(d, e)), m0)));
    const v39 = add<T>(add<T>(smallSigma1<T>(v37), v32), add<T>(smallSigma0<T>(v24), v23));
    t = add<T>(add<T>(b, bigSigma1<T>(g)), add<T>(choose<T>(g, h, a), add<T>(v39, splat<T>(0x92722c85)))); f = add<T>(f, t);
    b = add<T>(t, add<T>(bigSigma0<T>(c), majorityAfter<T>(d, (m0 = xor<T>(c, d)), m1)));
    const v40 = add<T>(add<T>(smallSigma1<T>(v38), v33), add<T>(smallSigma0<T>(v25), v24));
    t = add<T>(add<T>(a, bigSigma1<T>(f)), add<T>(choose<T>(f, g, h), add<T>(v40, splat<T>(0xa2bfe8a1)))); e = add<T>(e, t);
    a = add<T>(t, add<T>(bigSigma0<T>(b), majorityAfter<T>(c, (m1 = xor<T>(b, c)), m0)));
    const v41 = add<T>(add<T>(smallSigma1<T>(v39), v34), add<T>(smallSigma0<T>(v26), v25));
    t = add<T>(add<T>(h, bigSigma1<T>(e)), add<T>(choose<T>(e, f, g), add<T>(v41, splat<T>(0xa81a664b)))); d = add<T>(d, t);
    h = add<T>(t, add<T>(bigSigma0<T>(a), majorityAfter<T>(b, (m0 = xor<T>(a, b)), m1)));
    const v42 = add<T>(add<T>(smallSigma1<T>(v40), v35), add<T>(smallSigma0<T>(v27), v26));
    t = add<T>(add<T>(g, bigSigma1<T>(d)), add<T>(choose<T>(d, e, f), add<T>(v42, splat<T>(0xc24b8b70)))); c = add<T>(c, t);
    g = add<T>(t, add<T>(bigSigma0<T>(h), majorityAfter<T>(a, (m1 = xor<T>(h, a)), m0)));
    const v43 = add<T>(add<T>(smallSigma1<T>(v41), v36), add<T>(smallSigma0<T>(v28), v27));
    t = add<T>(add<T>(f, bigSigma1<T>(c)), add<T>(choose<T>(c, d, e), add<T>(v43, splat<T>(0xc76c51a3)))); b = add<T>(b, t);
    f = add<T>(t, add<T>(bigSigma0<T>(g), majorityAfter<T>(h, (m0 = xor<T>(g, h)), m1)));
    const v44 = add<T>(add<T>(smallSigma1<T>(v42), v37), add<T>(smallSigma0<T>(v29), v28));
    t = add<T>(add<T>(e, bigSigma1<T>(b)), add<T>(choose<T>(b, c, d), add<T>(v44, splat<T>(0xd192e819)))); a = add<T>(a, t);
    e = add<T>(t, add<T>(bigSigma0<T>(f), majorityAfter<T>(g, (m1 = xor<T>(f, g)), m0)));
    const v45 = add<T>(add<T>(smallSigma1<T>(v43), v38), add<T>(smallSigma0<T>(v30), v29));
    t = add<T>(add<T>(d, bigSigma1<T>(a)), add<T>(choose<T>(a, b, c), add<T>(v45, splat<T>(0xd6990624)))); h = add<T>(h, t);
    d = add<T>(t, add<T>(bigSigma0<T>(e), majorityAfter<T>(f, (m0 = xor<T>(e, f)), m1)));
    const v46 = add<T>(add<T>(smallSigma1<T>(v44), v39), add<T>(smallSigma0<T>(v31), v30));
    t = add<T>(add<T>(c, bigSigma1<T>(h)), add<T>(choose<T>(h, a, b), add<T>(v46, splat<T>(0xf40e3585)))); g = add<T>(g, t);
    c = add<T>(t, add<T>(bigSigma0<T>(d), majorityAfter<T>(e, (m1 = xor<T>(d, e)), m0)));
    const v47 = add<T>(add<T>(smallSigma1<T>(v45), v40), add<T>(smallSigma0<T>(v32), v31));
    t = add<T>(add<T>(b, bigSigma1<T>(g)), add<T>(choose<T>(g, h, a), add<T>(v47, splat<T>(0x106aa070)))); f = add<T>(f, t);
    b = add<T>(t, add<T>(bigSigma0<T>(c), majorityAfter<T>(d, (m0 = xor<T>(c, d)), m1)));
    const v48 = add<T>(add<T>(smallSigma1<T>(v46), v41), add<T>(smallSigma0<T>(v33), v32));
    t = add<T>(add<T>(a, bigSigma1<T>(f)), add<T>(choose<T>(f, g, h), add<T>(v48, splat<T>(0x19a4c116)))); e = add<T>(e, t);
    a = add<T>(t, add<T>(bigSigma0<T>(b), majorityAfter<T>(c, (m1 = xor<T>(b, c)), m0)));
    const v49 = add<T>(add<T>(smallSigma1<T>(v47), v42), add<T>(smallSigma0<T>(v34), v33));
    t = add<T>(add<T>(h, bigSigma1<T>(e)), add<T>(choose<T>(e, f, g), add<T>(v49, splat<T>(0x1e376c08)))); d = add<T>(d, t);
    h = add<T>(t, add<T>(bigSigma0<T>(a), majorityAfter<T>(b, (m0 = xor<T>(a, b)), m1)));
    const v50 = add<T>(add<T>(smallSigma1<T>(v48), v43), add<T>(smallSigma0<T>(v35), v34));
    t = add<T>(add<T>(g, bigSigma1<T>(d)), add<T>(choose<T>(d, e, f), add<T>(v50, splat<T>(0x2748774c)))); c = add<T>(c, t);
    g = add<T>(t, add<T>(bigSigma0<T>(h), majorityAfter<T>(a, (m1 = xor<T>(h, a)), m0)));
    const v51 = add<T>(add<T>(smallSigma1<T>(v49), v44), add<T>(smallSigma0<T>(v36), v35));
    t = add<T>(add<T>(f, bigSigma1<T>(c)), add<T>(choose<T>(c, d, e), add<T>(v51, splat<T>(0x34b0bcb5)))); b = add<T>(b, t);
    f = add<T>(t, add<T>(bigSigma0<T>(g), majorityAfter<T>(h, (m0 = xor<T>(g, h)), m1)));
    const v52 = add<T>(add<T>(smallSigma1<T>(v50), v45), add<T>(smallSigma0<T>(v37), v36));
    t = add<T>(add<T>(e, bigSigma1<T>(b)), add<T>(choose<T>(b, c, d), add<T>(v52, splat<T>(0x391c0cb3)))); a = add<T>(a, t);
    e = add<T>(t, add<T>(bigSigma0<T>(f), majorityAfter<T>(g, (m1 = xor<T>(f, g)), m0)));
    const v53 = add<T>(add<T>(smallSigma1<T>(v51), v46), add<T>(smallSigma0<T>(v38), v37));
    t = add<T>(add<T>(d, bigSigma1<T>(a)), add<T>(choose<T>(a, b, c), add<T>(v53, splat<T>(0x4ed8aa4a)))); h = add<T>(h, t);
    d = add<T>(t, add<T>(bigSigma0<T>(e), majorityAfter<T>(f, (m0 = xor<T>(e, f)), m1)));
    const v54 = add<T>(add<T>(smallSigma1<T>(v52), v47), add<T>(smallSigma0<T>(v39), v38));
    t = add<T>(add<T>(c, bigSigma1<T>(h)), add<T>(choose<T>(h, a, b), add<T>(v54, splat<T>(0x5b9cca4f)))); g = add<T>(g, t);
    c = add<T>(t, add<T>(bigSigma0<T>(d), majorityAfter<T>(e, (m1 = xor<T>(d, e)), m0)));
    const v55 = add<T>(add<T>(smallSigma1<T>(v53), v48), add<T>(smallSigma0<T>(v40), v39));
    t = add<T>(add<T>(b, bigSigma1<T>(g)), add<T>(choose<T>(g, h, a), add<T>(v55, splat<T>(0x682e6ff3)))); f = add<T>(f, t);
    b = add<T>(t, add<T>(bigSigma0<T>(c), majorityAfter<T>(d, (m0 = xor<T>(c, d)), m1)));
    const v56 = add<T>(add<T>(smallSigma1<T>(v54), v49), add<T>(smallSigma0<T>(v41), v40));
    t = add<T>(add<T>(a, bigSigma1<T>(f)), add<T>(choose<T>(f, g, h), add<T>(v56, splat<T>(0x748f82ee)))); e = add<T>(e, t);
    a = add<T>(t, add<T>(bigSigma0<T>(b), majorityAfter<T>(c, (m1 = xor<T>(b, c)), m0)));
    const v57 = add<T>(add<T>(smallSigma1<T>(v55), v50), add<T>(smallSigma0<T>(v42), v41));
    t = add<T>(add<T>(h, bigSigma1<T>(e)), add<T>(choose<T>(e, f, g), add<T>(v57, splat<T>(0x78a5636f)))); d = add<T>(d, t);
    h = add<T>(t, add<T>(bigSigma0<T>(a), majorityAfter<T>(b, (m0 = xor<T>(a, b)), m1)));
    const v58 = add<T>(add<T>(smallSigma1<T>(v56), v51), add<T>(smallSigma0<T>(v43), v42));
    t = add<T>(add<T>(g, bigSigma1<T>(d)), add<T>(choose<T>(d, e, f), add<T>(v58, splat<T>(0x84c87814)))); c = add<T>(c, t);
    const v59 = add<T>(add<T>(smallSigma1<T>(v57), v52), add<T>(smallSigma0<T>(v44), v43));
    t = add<T>(add<T>(f, bigSigma1<T>(c)), add<T>(choose<T>(c, d, e), add<T>(v59, splat<T>(0x8cc70208)))); b = add<T>(b, t);
    const v60 = add<T>(add<T>(smallSigma1<T>(v58), v53), add<T>(smallSigma0<T>(v45), v44));
    t = add<T>(add<T>(e, bigSigma1<T>(b)), add<T>(choose<T>(b, c, d), add<T>(v60, splat<T>(0x90befffa)))); a = add<T>(a, t);
    // `a` now holds e after round 60, which rounds 61..63 would only move to h; the last word is IV[7] + h.
    return add<T>(a, splat<T>(0x5be0cd19));

}

// ---- exact check of one nonce, and the books of the current batch -------------------------------------

let shares: u32 = 0;
let bestNonce: u32 = 0;

/** Compares the hash in HASH_STATE (as a little-endian integer) with limbs at `limbs`: <= 0, > 1. */
function hashAtMost(limbs: usize): bool {
  for (let i = 0; i < 8; i++) {
    const h = bswap<u32>(load<u32>(HASH_STATE + (<usize>(7 - i) << 2)));
    const l = load<u32>(limbs + (<usize>i << 2));
    if (h != l) return h < l;
  }
  return true;
}

function writeHash(dst: usize): void {
  for (let i: usize = 0; i < 32; i += 4) store<u32>(dst + i, bswap<u32>(load<u32>(HASH_STATE + i)));
}

/** sha256d(header with this nonce) into HASH_STATE, by the plain compression function. */
function hashNonce(nonce: u32): void {
  memory.copy(HASH_STATE, JOB, 32);
  setWord(0, headerWord(16)); setWord(1, headerWord(17)); setWord(2, headerWord(18)); setWord(3, bswap<u32>(nonce));
  setWord(4, HEADER_PAD);
  for (let i = 5; i < 15; i++) setWord(i, 0);
  setWord(15, HEADER_BITS);
  compressSchedule(HASH_STATE);
  for (let i = 0; i < 8; i++) setWord(i, load<u32>(HASH_STATE + (<usize>i << 2)));
  setWord(8, HASH_PAD);
  for (let i = 9; i < 15; i++) setWord(i, 0);
  setWord(15, HASH_BITS);
  for (let i = 0; i < 8; i++) store<u32>(HASH_STATE + (<usize>i << 2), unchecked(IV[i]));
  compressSchedule(HASH_STATE);
}

/** Hashes one candidate exactly and updates shares and best; true when it meets TARGET. */
function checkNonce(nonce: u32): bool {
  hashNonce(nonce);
  if (hashAtMost(BEST_LIMBS)) {
    for (let i = 0; i < 8; i++) {
      store<u32>(BEST_LIMBS + (<usize>i << 2), bswap<u32>(load<u32>(HASH_STATE + (<usize>(7 - i) << 2))));
    }
    bestNonce = nonce;
    writeHash(RESULT + RESULT_BEST_HASH);
  }
  if (hashAtMost(JOB + 32 * 4)) shares++;
  if (hashAtMost(JOB + 24 * 4)) {
    store<u32>(RESULT, nonce, RESULT_FOUND_NONCE);
    writeHash(RESULT + RESULT_FOUND_HASH);
    return true;
  }
  return false;
}

/** The largest top word that could still matter: beat the best so far, be a share, or be a solution. */
@inline function threshold(): u32 {
  return max(max(job(24), job(32)), load<u32>(BEST_LIMBS));
}

/** Scans [start, start + count) with lanes of type T; returns the number of nonces scanned. */
@inline function scan<T>(start: u32, count: u32, found: usize): u32 {
  const lanes = lanesOf<T>();
  const groups = count / lanes;
  let limit = threshold();
  let nonce = start;
  for (let i: u32 = 0; i < groups; i++) {
    const top = byteSwap<T>(headerTopWord<T>(byteSwap<T>(laneNonces<T>(nonce))));
    if (anyAtMost<T>(top, limit)) {
      for (let lane: u32 = 0; lane < lanes; lane++) {
        if (checkNonce(nonce + lane)) {
          store<u32>(found, 1);
          return i * lanes + lane + 1;
        }
      }
      limit = threshold();
    }
    nonce += lanes;
  }
  return groups * lanes;
}

/**
 * Scans nonces start, start+1, ... (at most count of them, never past 0xffffffff) and stops at the
 * first whose sha256d is <= TARGET. Returns 1 if found, else 0; RESULT holds the batch's books.
 */
@inline export function mineWith<T>(start: u32, count: u32): u32 {
  if (!ASC_NO_ASSERT) {
    assert(prepared, 'mine() before minePrepare()');
    assert(jobUnchanged(), 'mine(): header or target changed since minePrepare()');
  }
  const room = <u64>0x100000000 - <u64>start;
  const n = <u32>min(<u64>count, room);
  shares = 0;
  memory.fill(BEST_LIMBS, 0xff, 32);
  memory.fill(RESULT, 0, RESULT_SIZE);
  store<u32>(JOB_FOUND, 0);
  let done = scan<T>(start, n, JOB_FOUND);
  if (load<u32>(JOB_FOUND) == 0 && done < n) {
    done += scan<u32>(start + done, n - done, JOB_FOUND);
  }
  store<u32>(RESULT, done, RESULT_HASHES);
  store<u32>(RESULT, shares, RESULT_SHARES);
  store<u32>(RESULT, bestNonce, RESULT_BEST_NONCE);
  return load<u32>(JOB_FOUND);
}

const JOB_FOUND: usize = memory.data(4, 4);
