// PROP (proportional): a round runs from one pool block to the next; the block's reward, less the
// fee, is split among the round's shares in proportion. Rosenfeld 2011 (arXiv:1112.4980) §2.1; the
// miner's expected reward is the solo one less the fee (§1.3), and with many shares per round its
// variance is q times the solo variance (q = h / H): the pool's own luck, scaled down to the miner.
// PROP is open to pool hopping (hopping.ts).
//
// Simulation, per trial: the pool's blocks are a Poisson process in time; the round in progress at
// the start began an exponential time earlier (the miner has been in the pool for a while). For each
// block in the period, the round's other shares and the miner's shares are independent Poisson counts
// (aggregated, never single shares), and the block's own share is the miner's with probability q.

import type { Analytic, PayoutInput, Scheme, SchemeResult } from './index.js';
import { checkWork, forEachRound, payRound, rates, runTrials, schemeResult } from './model.js';

export function pooledAnalytic(input: PayoutInput): Analytic {
  const r = rates(input);
  const keep = 1 - input.poolFee;
  const soloVariance = r.minerBlocks * r.reward * r.reward;
  return {
    mean: keep * r.minerBlocks * r.reward,
    // §1.3: q times the solo variance.
    stdev: keep * Math.sqrt(r.q * soloVariance),
    pZero: Math.exp(-r.poolBlocks),
    meanTimeToFirstPayout: input.seconds / r.poolBlocks,
    q: r.q,
    poolBlocks: r.poolBlocks,
    soloStdev: keep * Math.sqrt(soloVariance),
  };
}

function simulate(input: PayoutInput, onProgress?: (fraction: number) => void): SchemeResult {
  const r = rates(input);
  checkWork(input, r.poolBlocks);
  const keep = (1 - input.poolFee) * r.reward;
  const blockSeconds = input.seconds / r.poolBlocks;
  const { q } = r;
  const samples = runTrials(
    input,
    (s, out) => {
      forEachRound(s, blockSeconds, input.seconds, (t, length) => {
        const work = length / r.poolShareSeconds;
        const mine = s.poisson(q * work);
        const others = s.poisson((1 - q) * work);
        payRound(s, out, q, keep, mine, others, t);
      });
    },
    onProgress,
  );
  return schemeResult('prop', input, samples, pooledAnalytic(input));
}

export const prop: Scheme = {
  id: 'prop',
  name: 'PROP (proportional)',
  explanation:
    'When the pool finds a block, its reward is split among the shares submitted since the previous block, in proportion. Payouts are smoother than solo, but short rounds pay more per share than long ones, which "pool hoppers" exploit by leaving rounds that run long.',
  paysFees: true,
  analytic: pooledAnalytic,
  simulate,
};
