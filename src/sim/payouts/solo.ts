// SOLO: the miner keeps every block it finds, whole (less a solo pool's fee, if it uses one).
// Rosenfeld 2011 (arXiv:1112.4980) §1.1–1.2: blocks are a Poisson process with rate h / (2^32 D), so
// in time t the count is Poisson with lambda = h t / (2^32 D); the reward has mean lambda B and
// variance lambda B^2 (relative standard deviation 1 / sqrt(lambda)); P(no block) = e^-lambda; the
// wait for the first block is exponential with mean 2^32 D / h.

import type { Analytic, PayoutInput, Scheme, SchemeResult } from './index.js';
import { checkWork, rates, runTrials, schemeResult } from './model.js';

function analytic(input: PayoutInput): Analytic {
  const r = rates(input);
  const keep = 1 - input.poolFee;
  return {
    mean: keep * r.minerBlocks * r.reward,
    stdev: keep * r.reward * Math.sqrt(r.minerBlocks),
    pZero: Math.exp(-r.minerBlocks),
    meanTimeToFirstPayout: input.seconds / r.minerBlocks,
    expectedBlocks: r.minerBlocks,
    relativeStdev: 1 / Math.sqrt(r.minerBlocks),
  };
}

function simulate(input: PayoutInput, onProgress?: (fraction: number) => void): SchemeResult {
  const r = rates(input);
  checkWork(input, 1);
  const perBlock = (1 - input.poolFee) * r.reward;
  const meanWait = input.seconds / r.minerBlocks;
  // The first block's time, then a Poisson count of the rest: exact, and it gives the first payout.
  const samples = runTrials(
    input,
    (s, out) => {
      const first = s.exponential(meanWait);
      if (first > input.seconds) return;
      const blocks = 1 + s.poisson((r.minerBlocks * (input.seconds - first)) / input.seconds);
      out.earnings = blocks * perBlock;
      out.firstPayout = first;
    },
    onProgress,
  );
  return schemeResult('solo', input, samples, analytic(input));
}

export const solo: Scheme = {
  id: 'solo',
  name: 'Solo',
  explanation:
    'You keep every block you find, fees included, and nothing else. The average is the same as in a pool, but blocks are rare: at a small hashrate most periods pay nothing, and the rare one pays a whole block.',
  paysFees: true,
  analytic,
  simulate,
};
