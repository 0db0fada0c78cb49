// A simple moving average retarget, adjusted every block: the textbook form that Bitcoin's own rule
// applies once per 2016 blocks, and that Bitcoin Cash used per block from November 2017 to November
// 2020 (there with a 144-block window and a median-of-three timestamp filter, left out here):
//
//   next_target = avg(target over the last N blocks) * (t_last - t_(last-N)) / (N * T)
//
// It is easy to explain and slow to settle: a change of hashrate is fully felt only after N blocks,
// and a block leaving the window moves the target as much as one entering it, which is what let
// BCH's miners time their switching to its daily oscillation.

import { InputError } from '../../model/validate.js';
import { targetNumberToBits, type ChainView, type Daa } from './index.js';

export const SMA_DEFAULT_WINDOW = 144;

export function createSma(window = SMA_DEFAULT_WINDOW, spacing = 600): Daa {
  if (!Number.isInteger(window) || window < 1 || window > 10_000) {
    throw new InputError('smaWindow', `expected a whole number of blocks from 1 to 10000, got ${String(window)}`);
  }
  const n = window;
  return {
    id: 'sma',
    history: n + 1,
    next(chain: ChainView, last: number): number {
      const { times, targets } = chain;
      let sumTarget = 0;
      for (let i = last - n + 1; i <= last; i++) sumTarget += targets[i]!;
      // Timestamps here never go backwards, but two blocks can share a second: keep the span >= 1 s.
      const span = Math.max(1, times[last]! - times[last - n]!);
      return targetNumberToBits(((sumTarget / n) * span) / (n * spacing));
    },
  };
}
