// Pool hopping: a miner who mines in a PROP pool only during the first part of each round, and
// elsewhere (at a fair PPS rate) after it, earns more than its work is worth, at the expense of the
// pool's steady miners. Rosenfeld 2011 (arXiv:1112.4980) §2.1 (and the paper's appendix on PROP):
// a share submitted when the round already holds x D shares is worth e^x E1(x) times a fair share
// (E1 the exponential integral), which falls below 1 at x ≈ 0.4348: hopping pays until about 43.5%
// of D shares into a round. A hopper that leaves at tau D earns, per share,
//   1 + tau E1(tau) / (1 - e^-tau)
// times its fair value, whatever its size, since the round's length in shares does not depend on
// who mines it. PPLNS and PPS pay a share the same whenever it is submitted, so hopping gains
// nothing there (§3.3, §2.2). SCORE (score.ts, §3.1) resists it: old shares fade, so the hopper's
// head start is worth little; with the default decay r = 0.05 D a hopper leaving at 0.435 D earns
// about 1.087 times its fair share against PROP's 1.798 (scoreHopperEfficiency), though leaving at
// SCORE's own break-even point (~0.12 D) still gains about 1.36 per share, on far fewer shares.
//
// The experiment works in units of D shares, with counts so large (D ~ 1e14) that each miner's part
// of any stretch of work is its exact fraction of the hashrate; the only randomness is where the
// blocks fall. Rounds are exponential with mean 1 (in units of D). Under SCORE the hopper's part of a
// round's score is its share of the work times (e^{p/r} - 1) / (e^{L/r} - 1), p how long it stayed
// and L the round's length (the integral of exp(x / r) over its stretch and over the round).

import { InputError } from '../../model/validate.js';
import { DEFAULTS } from './model.js';
import { PplnsWindow } from './pplns.js';
import { Sampler } from '../samplers.js';
import { scoreHopperEfficiency } from './score.js';

const EULER_GAMMA = 0.5772156649015329;

/** The exponential integral E1(x) for x > 0 (series below 1, continued fraction above). */
export function expIntegralE1(x: number): number {
  if (!(x > 0)) throw new RangeError(`E1: expected x > 0, got ${x}`);
  if (x <= 1) {
    let sum = 0;
    let term = 1;
    for (let k = 1; k < 60; k++) {
      term *= -x / k;
      sum -= term / k;
      if (Math.abs(term / k) < 1e-17) break;
    }
    return -EULER_GAMMA - Math.log(x) + sum;
  }
  // Lentz's method for the continued fraction e^-x / (x + 1 / (1 + 1 / (x + 2 / (1 + 2 / ...)))),
  // in the even form  e^-x * 1/(x+1- 1/(x+3- 4/(x+5- ...))).
  let b = x + 1;
  let c = 1e300;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 200; i++) {
    const a = -i * i;
    b += 2;
    d = 1 / (a * d + b);
    c = b + a / c;
    const delta = c * d;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return h * Math.exp(-x);
}

/** The value of a PROP share submitted x D shares into a round, relative to a fair share. */
export function propShareValue(x: number): number {
  if (x === 0) return Infinity;
  return Math.exp(x) * expIntegralE1(x);
}

/** The round position (units of D) after which a PROP share is worth less than a fair one: ~0.4348. */
export function propHoppingThreshold(): number {
  let lo = 0.1;
  let hi = 1;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (propShareValue(mid) > 1) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** A hopper's earnings per share relative to fair, leaving PROP rounds at tau D shares. */
export function propHopperEfficiency(tau: number): number {
  if (!Number.isFinite(tau)) return 1;
  return 1 + (tau * expIntegralE1(tau)) / (1 - Math.exp(-tau));
}

export interface HoppingInput {
  /** The hopper leaves a round after this many D shares (0.435 by default). */
  threshold: number;
  /** The hopper's hashrate as a fraction of the steady miners' (0.1 = a tenth). */
  hopperFraction: number;
  /** The PPLNS window as a multiple of D. */
  windowFactor: number;
  /** The SCORE decay length r as a multiple of D (0.05 by default). */
  scoreDecay?: number | undefined;
  /** Pool blocks simulated. */
  rounds: number;
  seed: number;
}

export interface SchemeEfficiency {
  /** Reward per share relative to a fair share (p B): above 1 means the miner gains. */
  hopper: number;
  steady: number;
}

export interface HoppingResult {
  threshold: number;
  prop: SchemeEfficiency;
  pplns: SchemeEfficiency;
  pps: SchemeEfficiency;
  score: SchemeEfficiency;
  analytic: {
    propHopper: number;
    /** The SCORE hopper's efficiency in closed form (a one-dimensional integral). */
    scoreHopper: number;
    scoreDecay: number;
    /** Where hopping stops paying, ~0.4348. */
    breakEvenThreshold: number;
  };
  /** e^x E1(x) for x from 0.05 to 2 in steps of 0.05, for a chart. */
  shareValueCurve: { x: number; value: number }[];
}

/** `onProgress` hears the fraction of rounds done, about a hundred times over the run. */
export function hoppingExperiment(input: HoppingInput, onProgress?: (fraction: number) => void): HoppingResult {
  const { threshold, hopperFraction, windowFactor, rounds, seed } = input;
  const scoreDecay = input.scoreDecay ?? DEFAULTS.scoreDecay;
  if (!(threshold > 0 && Number.isFinite(threshold))) throw new InputError('threshold', `expected a positive number of D shares, got ${threshold}`);
  if (!(hopperFraction > 0 && Number.isFinite(hopperFraction))) throw new InputError('hopperFraction', `expected a fraction above 0, got ${hopperFraction}`);
  if (!(windowFactor > 0 && Number.isFinite(windowFactor))) throw new InputError('windowFactor', `expected a window above 0, got ${windowFactor}`);
  if (!(scoreDecay > 0 && Number.isFinite(scoreDecay))) throw new InputError('scoreDecay', `expected a decay above 0, got ${scoreDecay}`);
  if (!(Number.isSafeInteger(rounds) && rounds >= 1 && rounds <= 10_000_000)) throw new InputError('rounds', `expected 1..10,000,000 rounds, got ${rounds}`);
  const s = new Sampler(seed);
  const share = hopperFraction / (1 + hopperFraction); // the hopper's part of the work while it is in
  const window = new PplnsWindow(s, windowFactor, true);
  let position = 0;
  let hopperWork = 0;
  let steadyWork = 0;
  let propHopper = 0;
  let propSteady = 0;
  let pplnsHopper = 0;
  let pplnsSteady = 0;
  let scoreHopper = 0;
  let scoreSteady = 0;
  const step = Math.max(1, Math.floor(rounds / 100));
  for (let i = 0; i < rounds; i++) {
    if (onProgress && i % step === 0) onProgress(i / rounds);
    const length = s.exponential(1);
    const present = Math.min(length, threshold);
    const hop = share * present;
    hopperWork += hop;
    steadyWork += length - hop;
    // PROP: the block's reward (1 per block) split by the round's work.
    propHopper += hop / length;
    propSteady += 1 - hop / length;
    // SCORE: the hopper's part of the round's score, computed relative to the round's end.
    const scored = present === length ? share : share * Math.exp((present - length) / scoreDecay) * (Math.expm1(-present / scoreDecay) / Math.expm1(-length / scoreDecay));
    scoreHopper += scored;
    scoreSteady += 1 - scored;
    // PPLNS: the last windowFactor D shares, across rounds.
    window.add(position, position + present, hop);
    position += length;
    const mine = window.slideTo(position);
    pplnsHopper += mine / windowFactor;
    pplnsSteady += 1 - mine / windowFactor;
  }
  const curve: { x: number; value: number }[] = [];
  for (let k = 1; k <= 40; k++) curve.push({ x: k * 0.05, value: propShareValue(k * 0.05) });
  return {
    threshold,
    // A fair share of work w (in units of D) is worth w blocks.
    prop: { hopper: propHopper / hopperWork, steady: propSteady / steadyWork },
    pplns: { hopper: pplnsHopper / hopperWork, steady: pplnsSteady / steadyWork },
    pps: { hopper: 1, steady: 1 },
    score: { hopper: scoreHopper / hopperWork, steady: scoreSteady / steadyWork },
    analytic: {
      propHopper: propHopperEfficiency(threshold),
      scoreHopper: scoreHopperEfficiency(threshold, scoreDecay),
      scoreDecay,
      breakEvenThreshold: propHoppingThreshold(),
    },
    shareValueCurve: curve,
  };
}
