// The page's way to run payout simulations: one fresh module worker per run (payouts-worker.ts), with
// progress, and cancellation by terminating the worker. The worker checks the inputs; a bad field
// rejects with an InputError that still names the field (engine/errors.ts).
import { proxy, type Remote } from 'comlink';
import type { FieldNames } from '../../sim/payouts/model.js';
import type { HoppingInput, HoppingResult, OperatorInput, OperatorResult, PayoutInput, SchemeId, SchemeResult } from '../../sim/payouts/index.js';
import type { LuckInput, LuckResult, ProfitInput } from '../../sim/profitability.js';
import type { PayoutsWorkerApi } from './payouts-worker.js';
import { isAbortError, runInWorker, type TaskOptions } from './worker-task.js';

export interface RunOptions extends TaskOptions {
  onProgress?: (fraction: number) => void;
}

/** The caller's progress callback, proxied into the worker. */
const progressOf = (options: RunOptions) => (options.onProgress ? proxy(options.onProgress) : undefined);

function inWorker<T>(options: RunOptions, call: (api: Remote<PayoutsWorkerApi>) => Promise<T>): Promise<T> {
  return runInWorker<PayoutsWorkerApi, T>(
    () => new Worker(new URL('./payouts-worker.ts', import.meta.url), { type: 'module', name: 'powlab-payouts' }),
    { label: 'payouts', owner: 'the payout simulation (Pools & profit)' },
    options,
    call,
  );
}

/** Checks the input (an InputError names the field via `names`), then simulates each scheme. */
export function comparePayouts(
  raw: Partial<PayoutInput> & Pick<PayoutInput, 'hashrate' | 'difficulty' | 'subsidy'>,
  schemes: SchemeId[],
  names: FieldNames,
  options: RunOptions = {},
): Promise<SchemeResult[]> {
  return inWorker(options, (api) => api.compare(raw, schemes, names, progressOf(options)));
}

export function runOperator(input: OperatorInput, options: RunOptions = {}): Promise<OperatorResult> {
  return inWorker(options, (api) => api.operator(input, progressOf(options)));
}

export function runHopping(input: HoppingInput, options: RunOptions = {}): Promise<HoppingResult> {
  return inWorker(options, (api) => api.hopping(input, progressOf(options)));
}

export function runBreakEven(input: ProfitInput, luck: LuckInput[], options: RunOptions = {}): Promise<LuckResult[]> {
  return inWorker(options, (api) => api.breakEven(input, luck, progressOf(options)));
}

export { isAbortError };
