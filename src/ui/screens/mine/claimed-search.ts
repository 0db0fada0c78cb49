// One search of this screen (the block editor's or a real block's re-mine) under the page's hashing
// registry: the right to hash is claimed before anything starts, the search runs on the registry's
// shared pool, and the claim is released however the search ends (found, stopped, exhausted, failed).
// While someone else hashes (a benchmark), nothing starts: a notice beside the start button names it
// and offers to stop it, so a benchmark never measures a device slowed by mining.

import { pageGpuMiner } from '../../../engine/gpu/page-gpu.js';
import { hashing } from '../../../engine/mining/hashing.js';
import { showBusyNotice } from '../../shared/busy-notice.js';
import { errorText } from '../../shared/dom.js';
import { gpuSearcher } from './gpu-option.js';
import type { MiningRun, RunResult, Searcher } from './mining-run.js';

const WHY =
  'a search beside it would share the processor, slowing both, and a benchmark would measure a slowed device. Stop it or let it finish, then start again.';

export type SearchOutcome =
  /** Someone else hashes: the notice says who; nothing was started. */
  | { kind: 'refused' }
  /** The claim was granted but the workers did not start (or failed their self-test). */
  | { kind: 'no-workers'; message: string }
  | { kind: 'ended'; result: RunResult };

export interface SearchSteps {
  /** The claim was granted and the workers are starting. */
  claimed(): void;
  /** The workers (or the GPU) are ready: the run to make on them. */
  begin(pool: Searcher): MiningRun;
}

export class ClaimedSearch {
  private hideNotice: (() => void) | undefined;

  /**
   * `owner` is how the rest of the page names this search ("Mine a block"); `noticeSlot` is where
   * the busy notice goes, beside this search's start button.
   */
  constructor(
    private readonly owner: string,
    private readonly noticeSlot: HTMLElement,
  ) {}

  /**
   * `gpu`: on the page's GPU miner (WebGPU) instead of the pool's `threads` workers, working `duty`
   * of the time (1: flat out; less: a rest after each dispatch, so the GPU stays cooler and the page
   * smoother).
   */
  async run(threads: number, steps: SearchSteps, gpu = false, duty = 1): Promise<SearchOutcome> {
    this.hideNotice?.();
    this.hideNotice = undefined;
    let run: MiningRun | undefined;
    let stopped = false;
    // Someone else may stop this search (the Benchmark's notice): before the workers are ready
    // there is no run to stop yet, so remember it.
    const claim = hashing.claim(this.owner, () => {
      stopped = true;
      run?.stop();
    });
    if (!claim.ok) {
      this.hideNotice = showBusyNotice(this.noticeSlot, claim.busy, WHY);
      return { kind: 'refused' };
    }
    const { lease } = claim;
    try {
      steps.claimed();
      let pool: Searcher;
      try {
        if (gpu) {
          const opened = await pageGpuMiner();
          if (!opened.ok) return { kind: 'no-workers', message: opened.reason };
          pool = gpuSearcher(opened.miner, duty);
        } else pool = await lease.pool(threads, true);
      } catch (error) {
        return { kind: 'no-workers', message: errorText(error) };
      }
      if (stopped) return { kind: 'ended', result: { kind: 'stopped', hashes: 0, seconds: 0 } };
      run = steps.begin(pool);
      return { kind: 'ended', result: await run.done };
    } finally {
      lease.release();
    }
  }
}
