// A small seeded random number generator and the samplers the chain simulation needs, so that a run
// is reproducible from its seed on every machine (Math.random is neither seedable nor specified).
//
// Generator: xoshiro128** 1.1 (Blackman and Vigna, "Scrambled linear pseudorandom number
// generators", ACM TOMS 2021; reference description at https://prng.di.unimi.it/), 128 bits of state,
// seeded through SplitMix32 as its authors advise so that nearby seeds give unrelated streams.
// Samplers: the exponential by inversion; the Poisson by multiplication of uniforms for small means
// (Knuth, TAOCP vol. 2, 3.4.1) and by Hörmann's transformed rejection PTRS for large ones
// (W. Hörmann, "The transformed rejection method for generating Poisson random variables",
// Insurance: Mathematics and Economics 12, 1993).

const TWO_POW_32 = 2 ** 32;
const TWO_POW_53 = 2 ** 53;

/** SplitMix32 step (a 32-bit variant of Steele, Lea and Flood's SplitMix), used only for seeding. */
function splitMix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** Any integer seed (taken modulo 2^32); the same seed always gives the same stream. */
  constructor(seed: number) {
    if (!Number.isSafeInteger(seed)) throw new RangeError(`seed: expected an integer, got ${String(seed)}`);
    const state = { s: Number(BigInt.asUintN(32, BigInt(seed))) | 0 };
    this.a = splitMix32(state);
    this.b = splitMix32(state);
    this.c = splitMix32(state);
    this.d = splitMix32(state);
    // An all-zero state would stay zero for ever; SplitMix32 cannot give four zeros, but be explicit.
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
  }

  /** The next 32 random bits, as an unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** Uniform in [0, 1) with 53 random bits (every double of the form k / 2^53). */
  nextFloat(): number {
    const high = this.nextUint32() >>> 5; // 27 bits
    const low = this.nextUint32() >>> 6; // 26 bits
    return (high * 67108864 + low) / TWO_POW_53;
  }

  /**
   * Exponentially distributed with the given mean, by inversion: -mean * ln(U) with U uniform in
   * (0, 1]. Never returns Infinity (U is never 0) and returns 0 only with probability 2^-53.
   */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.nextFloat());
  }

  /** Poisson distributed with the given mean (lambda >= 0). */
  poisson(lambda: number): number {
    if (!(lambda >= 0) || !Number.isFinite(lambda)) throw new RangeError(`poisson: mean must be finite and >= 0, got ${lambda}`);
    if (lambda === 0) return 0;
    if (lambda < 10) {
      // Knuth: count uniforms until their product drops below e^-lambda.
      const limit = Math.exp(-lambda);
      let k = 0;
      let product = 1 - this.nextFloat();
      while (product > limit) {
        k++;
        product *= 1 - this.nextFloat();
      }
      return k;
    }
    return this.poissonPtrs(lambda);
  }

  /** Hörmann's PTRS, valid for lambda >= 10. */
  private poissonPtrs(lambda: number): number {
    const slam = Math.sqrt(lambda);
    const loglam = Math.log(lambda);
    const b = 0.931 + 2.53 * slam;
    const a = -0.059 + 0.02483 * b;
    const invalpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.nextFloat() - 0.5;
      const v = this.nextFloat();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -lambda + k * loglam - logGamma(k + 1)) {
        return k;
      }
    }
  }

  /** Uniform integer in [0, n), without modulo bias (n at most 2^32). */
  nextInt(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) throw new RangeError(`nextInt: bad bound ${n}`);
    const limit = TWO_POW_32 - (TWO_POW_32 % n);
    for (;;) {
      const x = this.nextUint32();
      if (x < limit) return x % n;
    }
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/**
 * ln Γ(x) for x > 0 by the Lanczos approximation (g = 7, n = 9 coefficients, as tabulated in
 * Numerical Recipes and widely since), accurate to about 15 significant digits.
 */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) sum += LANCZOS[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}
