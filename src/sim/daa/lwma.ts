// LWMA: Zawy's linearly weighted moving average difficulty algorithm, in the form of "LWMA-1 for BTC
// clones" (zawy12/difficulty-algorithms, GitHub issue #3, "LWMA difficulty algorithm", comment of
// 2018-11-27 and later edits; the code there is by h4x3rotab of Bitcoin Gold, modified by Zawy,
// itself a modification of Tom Harding's WT-144).
//
// Over the last N blocks, with j = 1 for the oldest and N for the newest:
//   solvetime_j = min(6T, timestamp_j - timestamp_(j-1)), timestamps forced to increase by >= 1 s
//   next_target = avg(target over the N blocks) * sum(j * solvetime_j) / (N (N + 1) T / 2)
// capped at powLimit. The weights make recent blocks count more, so it reacts faster than a simple
// moving average of the same window, and the 6T cap limits the effect of one very late timestamp.
// The issue recommends N = 60 for T = 600 s in its later revision (45 in the first).
//
// Here the sum runs in doubles, then goes through compact rounding; a coin's C++ does the same sum in
// 256-bit integers, which can differ in the last bits of the mantissa, never in behaviour.

import { InputError } from '../../model/validate.js';
import { targetNumberToBits, type ChainView, type Daa } from './index.js';

export const LWMA_DEFAULT_WINDOW = 60;

export function createLwma(window = LWMA_DEFAULT_WINDOW, spacing = 600): Daa {
  if (!Number.isInteger(window) || window < 2 || window > 10_000) {
    throw new InputError('lwmaWindow', `expected a whole number of blocks from 2 to 10000, got ${String(window)}`);
  }
  const n = window;
  const k = (n * (n + 1) * spacing) / 2;
  const maxSolvetime = 6 * spacing;
  return {
    id: 'lwma',
    history: n + 1,
    next(chain: ChainView, last: number): number {
      const { times, targets } = chain;
      let previous = times[last - n]!;
      let weighted = 0;
      let sumTarget = 0;
      for (let j = 1, i = last - n + 1; j <= n; j++, i++) {
        const raw = times[i]!;
        const stamp = raw > previous ? raw : previous + 1;
        const solvetime = stamp - previous;
        previous = stamp;
        weighted += j * (solvetime < maxSolvetime ? solvetime : maxSolvetime);
        sumTarget += targets[i]!;
      }
      return targetNumberToBits(((sumTarget / n) * weighted) / k);
    },
  };
}
