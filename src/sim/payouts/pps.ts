// PPS (pay per share): every share is paid (1 - f) p B at once, whatever the pool finds, where
// p = S / D and B the block subsidy (FPPS adds the expected fees, fpps.ts). Rosenfeld 2011
// (arXiv:1112.4980) §2.2 and Appendix C: the miner carries no variance beyond the count of its own
// shares; the operator carries it all, about p B^2 per share, and with reserves R its probability of
// ever going bankrupt is about exp(-2 f R / B), so R = B ln(1 / delta) / (2 f) for a target delta.
//
// The operator's balance is R - c s + B N(s), with s the pool's shares in units of D, c = (1 - f) B
// what it pays per D shares, and N a Poisson process of rate 1: a process with only upward jumps,
// which can only go bankrupt by sliding down to 0. For such a process the probability of ruin ever
// is exactly exp(-theta R), where theta > 0 solves 1 - c theta = exp(-B theta) (the Lundberg
// equation of this "dual" risk model); Rosenfeld's 2 f / B is its first-order approximation in f.

import { InputError } from '../../model/validate.js';
import type { Analytic, PayoutInput, Scheme, SchemeId, SchemeResult, Summary } from './index.js';
import { checkWork, MAX_WORK, rates, runTrials, schemeResult, summarize, TWO_POW_32 } from './model.js';
import { Sampler } from '../samplers.js';

/** Rosenfeld's reserves for a ruin probability delta: R = B ln(1 / delta) / (2 f). */
export function ppsReserves(reward: number, fee: number, delta: number): number {
  if (!(fee > 0)) return Infinity;
  return (reward * Math.log(1 / delta)) / (2 * fee);
}

/**
 * Probability that a PPS operator with reserves R is ever bankrupt. `rosenfeld` is exp(-2 f R / B);
 * `exact` solves the Lundberg equation for an operator that earns `income` per block and pays
 * `paid` per D shares (income = B and paid = (1 - f) B in Rosenfeld's setting).
 */
export function ppsRuinProbability(reserves: number, income: number, paid: number): { rosenfeld: number; exact: number } {
  const edge = 1 - paid / income;
  if (!(edge > 0)) return { rosenfeld: 1, exact: 1 };
  const rosenfeld = Math.exp((-2 * edge * reserves) / income);
  // g(x) = 1 - (paid / income) x - e^-x has a root at 0 and one at x* > 0 with x = theta * income.
  // g is concave, positive just right of 0 and negative at 2 / (paid / income) -> bisect.
  const k = paid / income;
  let lo = 1e-12;
  let hi = 2 / k;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (1 - k * mid - Math.exp(-mid) > 0) lo = mid;
    else hi = mid;
  }
  return { rosenfeld, exact: Math.exp((-lo * reserves) / income) };
}

function perShare(input: PayoutInput, paysFees: boolean): number {
  const r = rates(input);
  return (1 - input.poolFee) * r.p * (paysFees ? r.reward : input.subsidy);
}

function makeAnalytic(paysFees: boolean) {
  return (input: PayoutInput): Analytic => {
    const r = rates(input);
    const c = perShare(input, paysFees);
    const basis = paysFees ? r.reward : input.subsidy;
    return {
      mean: c * r.minerShares,
      stdev: c * Math.sqrt(r.minerShares),
      pZero: Math.exp(-r.minerShares),
      meanTimeToFirstPayout: r.minerShareSeconds,
      perShare: c,
      expectedShares: r.minerShares,
      operatorVariancePerShare: r.p * basis * basis,
      reservesForDelta0001: input.poolFee > 0 ? ppsReserves(basis, input.poolFee, 0.001) : null,
    };
  };
}

export function makePerShareScheme(id: SchemeId, paysFees: boolean, name: string, explanation: string): Scheme {
  const analytic = makeAnalytic(paysFees);
  return {
    id,
    name,
    explanation,
    paysFees,
    analytic,
    simulate(input: PayoutInput, onProgress?: (fraction: number) => void): SchemeResult {
      const r = rates(input);
      checkWork(input, 1);
      const c = perShare(input, paysFees);
      const samples = runTrials(
        input,
        (s, out) => {
          const first = s.exponential(r.minerShareSeconds);
          if (first > input.seconds) return;
          const shares = 1 + s.poisson((r.minerShares * (input.seconds - first)) / input.seconds);
          out.earnings = shares * c;
          out.firstPayout = c > 0 ? first : Infinity;
        },
        onProgress,
      );
      return schemeResult(id, input, samples, analytic(input));
    },
  };
}

export const pps = makePerShareScheme(
  'pps',
  false,
  'PPS (pay per share)',
  'The pool pays a fixed amount for every share you submit, at once, whether or not the pool finds blocks. Your income is almost perfectly steady; the operator takes the luck (and keeps the transaction fees), so it charges a higher fee and needs large reserves.',
);

export interface OperatorInput {
  poolHashrate: number;
  difficulty: number;
  subsidy: number;
  fees: number;
  poolFee: number;
  /** FPPS pays the fees too; PPS keeps them. */
  paysFees: boolean;
  /** The operator's reserves at the start, coins. */
  reserves: number;
  seconds: number;
  trials: number;
  seed: number;
  bins?: number;
}

export interface OperatorResult {
  /** The operator's balance at the end of the period, coins. */
  balance: Summary;
  /** Fraction of trials in which the balance went below zero at any time in the period. */
  ruin: number;
  analytic: {
    meanBalance: number;
    /** Ruin ever (infinite horizon): Rosenfeld's approximation and the exact Lundberg value. */
    ruinRosenfeld: number;
    ruinExact: number;
    /** Reserves for a 0.1% chance of ruin, Rosenfeld's formula. */
    reservesForDelta0001: number;
  };
}

/** Monte Carlo of a PPS/FPPS operator's balance over the period, block by block. */
export function ppsOperator(input: OperatorInput, onProgress?: (fraction: number) => void): OperatorResult {
  const { poolHashrate, difficulty, subsidy, fees, poolFee, reserves, seconds, trials, seed } = input;
  const ok = (v: number) => typeof v === 'number' && Number.isFinite(v);
  if (!(ok(poolHashrate) && poolHashrate > 0)) throw new InputError('poolHashrate', `expected a hashrate above 0, got ${poolHashrate}`);
  if (!(ok(difficulty) && difficulty > 0)) throw new InputError('difficulty', `expected a difficulty above 0, got ${difficulty}`);
  if (!(ok(poolFee) && poolFee >= 0 && poolFee <= 1)) throw new InputError('poolFee', `expected a fee between 0 and 1, got ${poolFee}`);
  if (!(ok(reserves) && reserves >= 0)) throw new InputError('reserves', `expected reserves of 0 or more, got ${reserves}`);
  if (!(ok(seconds) && seconds > 0)) throw new InputError('seconds', `expected a period above 0, got ${seconds}`);
  if (!(Number.isSafeInteger(trials) && trials >= 1)) throw new InputError('trials', `expected a positive integer, got ${trials}`);
  const income = subsidy + fees;
  if (!(ok(income) && income > 0 && subsidy >= 0 && fees >= 0)) throw new InputError('subsidy', 'subsidy and fees must be 0 or more, and not both 0');
  const blockSeconds = (TWO_POW_32 * difficulty) / poolHashrate;
  const blocks = seconds / blockSeconds;
  if (trials * Math.max(1, blocks) > MAX_WORK) throw new InputError('trials', 'too many trials times pool blocks for one run; use fewer trials or a shorter period');
  // What the operator pays per D shares (one expected block's worth of work).
  const paid = (1 - poolFee) * (input.paysFees ? income : subsidy);
  const s = new Sampler(seed);
  const balances = new Float64Array(trials);
  let ruined = 0;
  const step = Math.max(1, Math.floor(trials / 50));
  for (let i = 0; i < trials; i++) {
    let balance = reserves;
    let work = 0; // in units of D shares
    let broke = false;
    for (;;) {
      const gap = s.exponential(1);
      if (work + gap > blocks) {
        balance -= paid * (blocks - work);
        if (balance < 0) broke = true;
        break;
      }
      work += gap;
      balance -= paid * gap; // the lowest point: just before the block comes in
      if (balance < 0) broke = true;
      balance += income;
    }
    balances[i] = balance;
    if (broke) ruined++;
    if (onProgress && (i + 1) % step === 0) onProgress((i + 1) / trials);
  }
  const ruin = ppsRuinProbability(reserves, income, paid);
  return {
    balance: summarize(balances, input.bins ?? 40),
    ruin: ruined / trials,
    analytic: {
      meanBalance: reserves + blocks * (income - paid),
      ruinRosenfeld: ruin.rosenfeld,
      ruinExact: ruin.exact,
      reservesForDelta0001: income > paid ? ppsReserves(income, 1 - paid / income, 0.001) : Infinity,
    },
  };
}
