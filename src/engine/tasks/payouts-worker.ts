// Web Worker entry for the payout simulations: a thin Comlink adapter around sim/payouts and
// sim/profitability, so a year of a large pool never blocks the page. Progress goes back through a
// proxied callback at most every 50 ms. Cancelling is the caller's job: it terminates this worker
// (payouts-service.ts), since a synchronous loop cannot be asked to stop.
import { expose } from 'comlink';
import { hoppingExperiment, ppsOperator, SCHEMES, type HoppingInput, type HoppingResult, type OperatorInput, type OperatorResult, type PayoutInput, type SchemeId, type SchemeResult } from '../../sim/payouts/index.js';
import { checkWork, normalizeInput, rates, type FieldNames } from '../../sim/payouts/model.js';
import { installErrorTransfer } from '../errors.js';

installErrorTransfer();
import { breakEvenProbability, type LuckInput, type LuckResult, type ProfitInput } from '../../sim/profitability.js';

const PROGRESS_INTERVAL_MS = 50;

type Progress = (fraction: number) => void | Promise<void>;

function throttle(onProgress: Progress | undefined, offset: number, share: number): ((fraction: number) => void) | undefined {
  if (!onProgress) return undefined;
  let last = -Infinity;
  return (fraction) => {
    const now = performance.now();
    if (fraction >= 1 || now - last >= PROGRESS_INTERVAL_MS) {
      last = now;
      void onProgress(offset + share * fraction);
    }
  };
}

const api = {
  /**
   * Checks the input (errors name the page's fields through `names`), then simulates each scheme in
   * turn on it, refusing up front when all of them together would be too much work.
   */
  compare(raw: Partial<PayoutInput> & Pick<PayoutInput, 'hashrate' | 'difficulty' | 'subsidy'>, schemes: SchemeId[], names: FieldNames, onProgress?: Progress): SchemeResult[] {
    const input = normalizeInput(raw, names);
    checkWork({ ...input, trials: input.trials * schemes.length }, rates(input).poolBlocks, names);
    return schemes.map((id, i) => SCHEMES[id].simulate(input, throttle(onProgress, i / schemes.length, 1 / schemes.length)));
  },
  operator(input: OperatorInput, onProgress?: Progress): OperatorResult {
    return ppsOperator(input, throttle(onProgress, 0, 1));
  },
  hopping(input: HoppingInput, onProgress?: Progress): HoppingResult {
    return hoppingExperiment(input, throttle(onProgress, 0, 1));
  },
  /** One break-even estimate per horizon, in turn; progress runs over all of them. */
  breakEven(input: ProfitInput, luck: LuckInput[], onProgress?: Progress): LuckResult[] {
    return luck.map((l, i) => breakEvenProbability(input, l, throttle(onProgress, i / luck.length, 1 / luck.length)));
  },
};

export type PayoutsWorkerApi = typeof api;

expose(api);
