// The page's way to run payout simulations: one fresh module worker per run (payouts-worker.ts), with
// progress, and cancellation by terminating the worker. Inputs are checked here first, on the page,
// so a bad field rejects with an InputError that still names the field (an error that crosses
// postMessage keeps only its name and message).
import { proxy, type Remote } from 'comlink';
import { checkWork, normalizeInput, rates, type FieldNames } from '../../sim/payouts/model.js';
import type { HoppingInput, HoppingResult, OperatorInput, OperatorResult, PayoutInput, SchemeId, SchemeResult } from '../../sim/payouts/index.js';
import type { LuckInput, LuckResult, ProfitInput } from '../../sim/profitability.js';
import type { PayoutsWorkerApi } from './payouts-worker.js';
import { isAbortError, runInWorker, type TaskOptions } from './worker-task.js';

export interface RunOptions extends TaskOptions {
  onProgress?: (fraction: number) => void;
}

function inWorker<T>(options: RunOptions, call: (api: Remote<PayoutsWorkerApi>) => Promise<T>): Promise<T> {
  return runInWorker<PayoutsWorkerApi, T>(
    () => new Worker(new URL('./payouts-worker.ts', import.meta.url), { type: 'module', name: 'powlab-payouts' }),
    'payouts',
    options,
    call,
  );
}

/** Checks the input on the page (InputError naming the field via `names`), then simulates each scheme. */
export function comparePayouts(
  raw: Partial<PayoutInput> & Pick<PayoutInput, 'hashrate' | 'difficulty' | 'subsidy'>,
  schemes: SchemeId[],
  names: FieldNames,
  options: RunOptions = {},
): Promise<SchemeResult[]> {
  let input: PayoutInput;
  try {
    input = normalizeInput(raw, names);
    const r = rates(input);
    checkWork({ ...input, trials: input.trials * schemes.length }, r.poolBlocks, names);
  } catch (error) {
    return Promise.reject(error);
  }
  const { onProgress } = options;
  return inWorker(options, (api) => api.compare(input, schemes, onProgress ? proxy(onProgress) : undefined));
}

export function runOperator(input: OperatorInput, options: RunOptions = {}): Promise<OperatorResult> {
  return inWorker(options, (api) => api.operator(input));
}

export function runHopping(input: HoppingInput, options: RunOptions = {}): Promise<HoppingResult> {
  return inWorker(options, (api) => api.hopping(input));
}

export function runBreakEven(input: ProfitInput, luck: LuckInput[], options: RunOptions = {}): Promise<LuckResult[]> {
  return inWorker(options, (api) => api.breakEven(input, luck));
}

export { isAbortError };
