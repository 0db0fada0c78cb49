// PPLNS (pay per last N shares): when the pool finds a block, the last N shares, across round
// boundaries, are paid (1 - f) B / N each. Rosenfeld 2011 (arXiv:1112.4980) §3.3: a share is paid
// once for every block among the N shares that follow it, so its expected reward is (1 - f) p B
// whatever N is, with variance about p B^2 / N per share; it is paid on average N / 2 shares
// (p N / 2 blocks) later, and a share has probability e^(-p N) of never being paid (36.8% when
// N = D in difficulty-1 shares). Over a period much longer than the window, the miner's variance is
// still q times the solo variance (§1.3): N trades waiting for smoothness per share, but cannot
// remove the pool's own luck.
//
// Simulation, per trial, in "pool share" positions (one unit per share of difficulty S, time =
// position x the pool's seconds per share): the miner has been in the pool for a while, so the
// window before the period holds Poisson(q N) of its shares. Blocks come after exponential gaps of
// mean D / S shares. The miner's shares are kept as counts per segment between blocks; when the
// window's left edge moves into a segment, the shares still inside are Binomial(count, fraction)
// (shares in a segment are uniform in it, given their count), so overlapping windows stay
// consistent. Counts of 10^12 and more are drawn in aggregate (rng.ts).

import type { Analytic, PayoutInput, Scheme, SchemeResult } from './index.js';
import { checkWork, rates, runTrials, schemeResult } from './model.js';
import { pooledAnalytic } from './prop.js';
import type { Sampler } from '../samplers.js';

function analytic(input: PayoutInput): Analytic {
  const r = rates(input);
  const keep = 1 - input.poolFee;
  return {
    ...pooledAnalytic(input),
    window: r.window,
    perShareMean: keep * r.p * r.reward,
    perShareVariance: keep * keep * ((r.p * r.reward * r.reward) / r.window),
    maturitySeconds: (r.window / 2) * r.poolShareSeconds,
    maturityBlocks: (r.p * r.window) / 2,
    neverPaidFraction: Math.exp(-r.p * r.window),
  };
}

/**
 * A sliding PPLNS window over one stream of shares with a given intensity; `payoutsOf` is called at
 * each pool block with the shares in the window. Exported for the pool-hopping experiment.
 */
export class PplnsWindow {
  private starts: number[] = [];
  private ends: number[] = [];
  private counts: number[] = [];
  private head = 0;
  /** The miner's shares now in the window. */
  inWindow = 0;

  /**
   * With `continuous`, counts are amounts of work and the part of a segment left inside the window
   * is its exact fraction (the limit of many shares); otherwise a Binomial draw.
   */
  constructor(
    private readonly sampler: Sampler,
    private readonly window: number,
    private readonly continuous = false,
  ) {}

  reset(): void {
    this.starts.length = 0;
    this.ends.length = 0;
    this.counts.length = 0;
    this.head = 0;
    this.inWindow = 0;
  }

  /** The miner submitted `count` shares spread uniformly over positions (start, end]. */
  add(start: number, end: number, count: number): void {
    if (this.head > 64 && this.head * 2 > this.starts.length) {
      this.starts.splice(0, this.head);
      this.ends.splice(0, this.head);
      this.counts.splice(0, this.head);
      this.head = 0;
    }
    this.starts.push(start);
    this.ends.push(end);
    this.counts.push(count);
    this.inWindow += count;
  }

  /** Moves the window so that it ends at `position`; returns the miner's shares inside. */
  slideTo(position: number): number {
    const edge = position - this.window;
    const { starts, ends, counts } = this;
    while (this.head < starts.length && ends[this.head]! <= edge) {
      this.inWindow -= counts[this.head]!;
      this.head++;
    }
    const i = this.head;
    if (i < starts.length && starts[i]! < edge) {
      const count = counts[i]!;
      const fraction = (ends[i]! - edge) / (ends[i]! - starts[i]!);
      const kept = count === 0 ? 0 : this.continuous ? count * fraction : this.sampler.binomial(count, fraction);
      this.inWindow -= count - kept;
      counts[i] = kept;
      starts[i] = edge;
    }
    return this.inWindow;
  }
}

function simulate(input: PayoutInput, onProgress?: (fraction: number) => void): SchemeResult {
  const r = rates(input);
  checkWork(input, r.poolBlocks);
  const perShare = ((1 - input.poolFee) * r.reward) / r.window;
  const meanGap = 1 / r.p;
  const end = r.poolShares;
  const { q, window } = r;
  let pplnsWindow: PplnsWindow | undefined;
  const samples = runTrials(
    input,
    (s, out) => {
      pplnsWindow ??= new PplnsWindow(s, window);
      const w = pplnsWindow;
      w.reset();
      w.add(-window, 0, s.poisson(q * window));
      let position = 0;
      for (;;) {
        const gap = s.exponential(meanGap);
        if (position + gap > end) break;
        w.add(position, position + gap, s.poisson(q * gap));
        position += gap;
        const mine = w.slideTo(position);
        if (mine > 0) {
          out.earnings += mine * perShare;
          if (out.firstPayout === Infinity) out.firstPayout = position * r.poolShareSeconds;
        }
      }
    },
    onProgress,
  );
  return schemeResult('pplns', input, samples, analytic(input));
}

export const pplns: Scheme = {
  id: 'pplns',
  name: 'PPLNS (pay per last N shares)',
  explanation:
    'When the pool finds a block, the reward is split among the last N shares submitted, however many rounds they span. Each share can be paid by several blocks, or by none; on average it earns the same as under PPS, and hopping between pools gains nothing. A new miner waits for the window to fill.',
  paysFees: true,
  analytic,
  simulate,
};
