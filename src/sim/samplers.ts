// The samplers the payout simulators need on top of the project's seeded generator (../random.ts):
// normal, Poisson for any mean, Gamma, Beta and Binomial for counts up to about 2^52.
//
// Realistic difficulties (~1e14) mean ~1e12 shares per block, so the simulators never draw single
// hashes or shares: they draw aggregated counts. Above LARGE_MEAN the Poisson and Binomial are
// drawn from their normal approximation (relative skewness below 1e-3 there, far under the Monte
// Carlo noise of any figure we report); below it they are exact.
//
// Sources: normal by the Marsaglia polar method (Marsaglia and Bray 1964); Gamma by Marsaglia and
// Tsang, "A simple method for generating gamma variables", ACM TOMS 26(3), 2000, with the
// U^(1/a) boost for shape < 1 given there; Binomial by Knuth's beta-splitting recursion (TAOCP
// vol. 2, 3.4.1, algorithm for the binomial distribution) down to a small n, then Bernoulli trials.

import { Random } from './random.js';

/** Above this mean the Poisson and Binomial use the normal approximation. */
export const LARGE_MEAN = 1e6;
/** Below this success probability a Binomial with a mean of 8 or more is drawn as a Poisson. */
export const SMALL_P = 1e-4;

export class Sampler {
  private readonly random: Random;
  private spare = NaN;

  constructor(seed: number) {
    this.random = new Random(seed);
  }

  /** Uniform in [0, 1). */
  uniform(): number {
    return this.random.nextFloat();
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return this.random.exponential(mean);
  }

  /** Standard normal. */
  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const z = this.spare;
      this.spare = NaN;
      return z;
    }
    for (;;) {
      const u = 2 * this.random.nextFloat() - 1;
      const v = 2 * this.random.nextFloat() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const k = Math.sqrt((-2 * Math.log(s)) / s);
        this.spare = v * k;
        return u * k;
      }
    }
  }

  /** Poisson with mean lambda >= 0 (exact below LARGE_MEAN, normal approximation above). */
  poisson(lambda: number): number {
    if (lambda < LARGE_MEAN) return this.random.poisson(lambda);
    return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
  }

  /** Gamma with the given shape (> 0) and scale (Marsaglia and Tsang). */
  gamma(shape: number, scale = 1): number {
    if (shape < 1) {
      // Gamma(a) = Gamma(a + 1) * U^(1/a).
      return this.gamma(shape + 1, scale) * Math.pow(1 - this.random.nextFloat(), 1 / shape);
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = 1 - this.random.nextFloat();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) return d * v * scale;
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v * scale;
    }
  }

  /** Beta(a, b) as G_a / (G_a + G_b). */
  beta(a: number, b: number): number {
    const x = this.gamma(a);
    return x / (x + this.gamma(b));
  }

  /**
   * Binomial(n, p): the number of successes in n trials (n a non-negative integer up to 2^53).
   * Exact for moderate n; the normal approximation once the variance passes LARGE_MEAN, and the
   * Poisson one for p below SMALL_P.
   */
  binomial(n: number, p: number): number {
    if (n <= 0 || p <= 0) return 0;
    if (p >= 1) return n;
    let k = 0;
    // Knuth's recursion: the a-th smallest of n uniforms is Beta(a, n + 1 - a); it splits the trials
    // into those below it and those above, and we keep only the side that still straddles p.
    while (n > 40) {
      const mean = n * p;
      const variance = mean * (1 - p);
      if (variance > LARGE_MEAN) {
        const x = Math.round(mean + Math.sqrt(variance) * this.normal());
        return k + Math.min(n, Math.max(0, x));
      }
      if (mean < 8) return k + this.binomialByWaiting(n, p);
      if (n - mean < 8) return k + n - this.binomialByWaiting(n, 1 - p);
      // Many trials, each rarely a success: Poisson(n p), off by O(p) in distribution.
      if (p < SMALL_P) return k + Math.min(n, this.poisson(mean));
      if (1 - p < SMALL_P) return k + n - Math.min(n, this.poisson(n - mean));
      const a = 1 + Math.floor(n / 2);
      const x = this.beta(a, n + 1 - a);
      if (x >= p) {
        n = a - 1;
        p /= x;
      } else {
        k += a;
        n -= a;
        p = (p - x) / (1 - x);
      }
    }
    for (let i = 0; i < n; i++) if (this.random.nextFloat() < p) k++;
    return k;
  }

  /** Binomial for a small mean: count geometric gaps between successes until they pass n. */
  private binomialByWaiting(n: number, p: number): number {
    const logq = Math.log1p(-p);
    let position = 0;
    let k = -1;
    do {
      k++;
      position += Math.floor(Math.log(1 - this.random.nextFloat()) / logq) + 1;
    } while (position <= n);
    return k;
  }
}
