// SCORE (Slush's method): every share gets a score that grows exponentially with its position in the
// round, and when the pool finds a block its reward, less the fee, is split in proportion to the
// round's scores. Rosenfeld 2011 (arXiv:1112.4980) §3.1. Slush's pool scored a share exp(T / c),
// T the seconds since the round began (c = 300 s there); c is a time, so what it means depends on
// the pool's hashrate. Here the decay is set in shares instead: a share submitted s difficulty-1
// shares into the round scores exp(s / (r D)), so `scoreDecay` r is the decay length as a multiple
// of D (in seconds, c = r D 2^32 / H; `decaySeconds` in the analytic figures). Default r = 0.05.
//
// Why it resists hopping (§3.1, and §6.1 on pool hopping): late in a round the scores already given
// dwarf the early ones, so an old share is worth little and a share's value no longer depends on how
// long the round has run. A share x D shares into the round is worth, relative to a fair share p B,
//   v(x) = E_Y[ e^{x/r} / (r (e^{(x+Y)/r} - 1)) ],  Y ~ Exp(1) the rest of the round (memoryless),
// which falls from +infinity at x = 0 to 1 / (1 + r) once x is a few r. The surplus goes to the first
// shares of a round, so hopping still pays a little ("resistant", not immune as Rosenfeld's
// geometric method of §3.2 is): a hopper leaving at tau D earns, per share,
//   1 + e^-tau / (1 - e^-tau) * Int_0^inf e^-u e^{-u/r} (1 - e^{-tau/r}) / (1 - e^{-(tau+u)/r}) du
// times its fair value (hopperEfficiency below; r -> infinity gives PROP's 1 + tau E1(tau) /
// (1 - e^-tau) of hopping.ts). With r = 0.05 and tau = 0.435 that is 1.087, against PROP's 1.798.
// A steady miner with a fraction q of the hashrate holds on average exactly q of every round's
// score (each share is its with probability q, whatever its score), so its expected reward is
// PROP's, (1 - f) h t B / (2^32 D) (§1.3), and over many rounds its variance is q times the solo
// variance to first order, as PROP's; the extra noise of the weighting is of order 1 / (q r D / S)
// relative, negligible at real difficulties.
//
// Simulation, per trial, as PROP (prop.ts): pool blocks are a Poisson process in time, the round in
// progress at the start began an exponential time earlier. For each round, with rho = r D / S the
// decay length in pool shares and Lambda = (round length in shares) / rho, scores are taken relative
// to the round's end (e^{-v}, v decay lengths before it) so nothing overflows; the share that found
// the block scores 1 and is the miner's with probability q. The miner's shares and the others' are
// independent Poisson streams with a = q rho and (1 - q) rho shares per decay length (the pool's
// shares thinned), and a stream's score is W = sum of e^{-v_i} over its shares. Shares more than 40
// decay lengths back (weights below e^-40 ~ 4e-18 of the block's own share) are dropped. W is drawn
// in aggregate, never share by share:
//   - a >= LARGE_MEAN shares per decay length (every real pool): W is a compound Poisson sum of
//     millions of terms, drawn from the normal with its exact cumulants, mean a (1 - e^-Lambda) and
//     variance (a / 2) (1 - e^{-2 Lambda}); its skewness is below 0.94 / sqrt(a) < 1e-3;
//   - otherwise, one decay length at a time: the count in segment k is Poisson(a * length) (exact
//     below LARGE_MEAN, rng.ts), its shares are uniform in the segment, each weighs e^-k e^-u with u
//     uniform; up to 64 shares are summed one by one, more from the normal of a sum of that many iid
//     terms within a factor e of each other (one term's skewness is at most 0.42, the sum's under
//     0.42 / sqrt(64) ~ 0.05).

import type { Analytic, PayoutInput, Scheme, SchemeResult } from './index.js';
import { checkWork, DEFAULTS, forEachRound, payRound, rates, runTrials, schemeResult } from './model.js';
import { pooledAnalytic } from './prop.js';
import { LARGE_MEAN, type Sampler } from '../samplers.js';

/** Decay lengths kept behind the end of a round. */
export const SCORE_HORIZON = 40;
/** Above this many shares in a segment their scores are summed from the normal approximation. */
const EXACT_SHARES = 64;

/** Adaptive Simpson on [a, b] to an absolute tolerance (the integrands here are smooth and bounded). */
function simpson(f: (x: number) => number, a: number, b: number, tolerance = 1e-12): number {
  const step = (lo: number, hi: number, flo: number, fmid: number, fhi: number, whole: number, tol: number, depth: number): number => {
    const mid = (lo + hi) / 2;
    const fl = f((lo + mid) / 2);
    const fr = f((mid + hi) / 2);
    const left = ((mid - lo) / 6) * (flo + 4 * fl + fmid);
    const right = ((hi - mid) / 6) * (fmid + 4 * fr + fhi);
    if (depth <= 0 || Math.abs(left + right - whole) <= 15 * tol) return left + right + (left + right - whole) / 15;
    return step(lo, mid, flo, fl, fmid, left, tol / 2, depth - 1) + step(mid, hi, fmid, fr, fhi, right, tol / 2, depth - 1);
  };
  const fa = f(a);
  const fb = f(b);
  const fm = f((a + b) / 2);
  return step(a, b, fa, fm, fb, ((b - a) / 6) * (fa + 4 * fm + fb), tolerance, 40);
}

function checkDecay(r: number): void {
  if (!(r > 0 && Number.isFinite(r))) throw new RangeError(`score decay: expected a finite r > 0, got ${r}`);
}

/**
 * The value of a SCORE share submitted x D shares into a round, relative to a fair share (the
 * marginal value of §3.1's scores): v(x) = Int_0^inf e^{-(1 + 1/r) u} / (r (1 - e^{-(x+u)/r})) du.
 */
export function scoreShareValue(x: number, r: number): number {
  checkDecay(r);
  if (!(x > 0)) return Infinity;
  const k = 1 + 1 / r;
  // In w = k u the integrand is e^-w times a bounded factor; e^-60 is far below the tolerance.
  return simpson((w) => Math.exp(-w) / (r * -Math.expm1(-(x + w / k) / r)), 0, 60) / k;
}

/** Where a SCORE share stops being worth more than a fair one (units of D); PROP's 0.4348 as r grows. */
export function scoreHoppingThreshold(r: number): number {
  checkDecay(r);
  let lo = 1e-9;
  let hi = 50;
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (scoreShareValue(mid, r) > 1) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * A hopper's earnings per share relative to fair, mining only the first tau D shares of each SCORE
 * round: E[score fraction of the first min(tau, L)] / E[min(tau, L)] with L ~ Exp(1).
 */
export function scoreHopperEfficiency(tau: number, r: number): number {
  checkDecay(r);
  if (!Number.isFinite(tau)) return 1;
  if (!(tau > 0)) throw new RangeError(`expected tau > 0, got ${tau}`);
  const k = 1 + 1 / r;
  const head = -Math.expm1(-tau / r);
  const tail = simpson((w) => Math.exp(-w) * (head / -Math.expm1(-(tau + w / k) / r)), 0, 60) / k;
  return 1 + (Math.exp(-tau) * tail) / -Math.expm1(-tau);
}

/**
 * The summed score, relative to the round's end, of a Poisson stream of shares with `a` shares per
 * decay length over the last `span` decay lengths (see the method at the top).
 */
export function streamScore(s: Sampler, a: number, span: number): number {
  if (a <= 0 || span <= 0) return 0;
  if (a * Math.min(span, 1) >= LARGE_MEAN) {
    const mean = -a * Math.expm1(-span);
    const variance = (-a / 2) * Math.expm1(-2 * span);
    return Math.max(0, mean + Math.sqrt(variance) * s.normal());
  }
  let total = 0;
  for (let k = 0; k < span; k++) {
    const length = Math.min(1, span - k);
    const n = s.poisson(a * length);
    if (n === 0) continue;
    let sum = 0;
    if (n <= EXACT_SHARES) {
      for (let i = 0; i < n; i++) sum += Math.exp(-length * s.uniform());
    } else {
      // n iid e^{-length U}: first and second moments.
      const m1 = -Math.expm1(-length) / length;
      const m2 = -Math.expm1(-2 * length) / (2 * length);
      sum = Math.max(0, n * m1 + Math.sqrt(Math.max(0, n * (m2 - m1 * m1))) * s.normal());
    }
    total += Math.exp(-k) * sum;
  }
  return total;
}

function analytic(input: PayoutInput): Analytic {
  const r = rates(input);
  const decay = input.scoreDecay ?? DEFAULTS.scoreDecay;
  const decayShares = (decay * input.difficulty) / input.shareDifficulty;
  return {
    ...pooledAnalytic(input),
    scoreDecay: decay,
    decayShares,
    // Slush's c for this pool: the decay length in seconds.
    decaySeconds: decayShares * r.poolShareSeconds,
    // A share long after the round began is worth 1 / (1 + r) of a fair share; the rest of the
    // reward goes to the first shares of each round.
    lateShareValue: 1 / (1 + decay),
    hoppingThreshold: scoreHoppingThreshold(decay),
  };
}

function simulate(input: PayoutInput, onProgress?: (fraction: number) => void): SchemeResult {
  const r = rates(input);
  checkWork(input, r.poolBlocks);
  const keep = (1 - input.poolFee) * r.reward;
  const blockSeconds = input.seconds / r.poolBlocks;
  const { q } = r;
  const rho = ((input.scoreDecay ?? DEFAULTS.scoreDecay) * input.difficulty) / input.shareDifficulty;
  const mineRate = q * rho;
  const othersRate = (1 - q) * rho;
  const samples = runTrials(
    input,
    (s, out) => {
      forEachRound(s, blockSeconds, input.seconds, (t, length) => {
        const span = Math.min(SCORE_HORIZON, length / r.poolShareSeconds / rho);
        const mine = streamScore(s, mineRate, span);
        const others = streamScore(s, othersRate, span);
        // The share that found the block comes at the round's end: score 1.
        payRound(s, out, q, keep, mine, others, t);
      });
    },
    onProgress,
  );
  return schemeResult('score', input, samples, analytic(input));
}

export const score: Scheme = {
  id: 'score',
  name: 'SCORE (Slush’s method)',
  explanation:
    'When the pool finds a block, the reward is split by score rather than by share count: each share scores more the later it comes in the round, growing exponentially, so the last few shares before a block count most. Old shares fade, which takes most of the profit out of pool hopping; on average you earn the same as under PROP.',
  paysFees: true,
  analytic,
  simulate,
};
