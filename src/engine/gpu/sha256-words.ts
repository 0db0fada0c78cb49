// SHA-256 on 32-bit words for the host side of the WebGPU backend: the constants, the word functions
// and one compression, enough for the per-job midstate. Values from FIPS 180-4: K (§4.2.2), the
// initial hash value (§5.3.3), σ0, σ1, Σ0, Σ1, Ch and Maj (§4.1.2). A wrong one fails the known-answer
// tests in test/unit/gpu-kernel.test.ts.

export const K: readonly number[] = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

export const IV: readonly number[] = [
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];

const rotr = (x: number, n: number): number => ((x >>> n) | (x << (32 - n))) >>> 0;

export const bigSigma0 = (x: number): number => (rotr(x, 2) ^ rotr(x, 13) ^ rotr(x, 22)) >>> 0;
export const bigSigma1 = (x: number): number => (rotr(x, 6) ^ rotr(x, 11) ^ rotr(x, 25)) >>> 0;
export const smallSigma0 = (x: number): number => (rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3)) >>> 0;
export const smallSigma1 = (x: number): number => (rotr(x, 17) ^ rotr(x, 19) ^ (x >>> 10)) >>> 0;
export const choose = (e: number, f: number, g: number): number => (((f ^ g) & e) ^ g) >>> 0;
export const majority = (a: number, b: number, c: number): number => ((a & b) | (c & (a | b))) >>> 0;

/** Byte-swaps a 32-bit word (a big-endian message word <-> a little-endian number). */
export const byteSwap = (x: number): number => (((x & 0xff) << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24)) >>> 0;

/** One SHA-256 compression of 16 message words into `state` (8 words); returns the new state. */
export function compress(state: readonly number[], block: readonly number[]): number[] {
  const w = block.slice(0, 16);
  for (let i = 16; i < 64; i++) w.push((smallSigma1(w[i - 2]!) + w[i - 7]! + smallSigma0(w[i - 15]!) + w[i - 16]!) >>> 0);
  let [a, b, c, d, e, f, g, h] = state as [number, number, number, number, number, number, number, number];
  for (let i = 0; i < 64; i++) {
    const t1 = (h + bigSigma1(e) + choose(e, f, g) + K[i]! + w[i]!) >>> 0;
    const t2 = (bigSigma0(a) + majority(a, b, c)) >>> 0;
    h = g; g = f; f = e; e = (d + t1) >>> 0;
    d = c; c = b; b = a; a = (t1 + t2) >>> 0;
  }
  return [a, b, c, d, e, f, g, h].map((x, i) => (x + state[i]!) >>> 0);
}

/** Big-endian 32-bit word `i` of `bytes` (SHA-256's message order). */
export function wordAt(bytes: Uint8Array, i: number): number {
  return ((bytes[4 * i]! << 24) | (bytes[4 * i + 1]! << 16) | (bytes[4 * i + 2]! << 8) | bytes[4 * i + 3]!) >>> 0;
}
