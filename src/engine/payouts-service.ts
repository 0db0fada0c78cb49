// The page's way to run payout simulations: one fresh module worker per run (payouts-worker.ts), with
// progress, and cancellation by terminating the worker. Inputs are checked here first, on the page,
// so a bad field rejects with an InputError that still names the field (an error that crosses
// postMessage keeps only its name and message).
import { proxy, wrap, type Remote } from 'comlink';
import { checkWork, normalizeInput, rates, type FieldNames } from '../sim/payouts/model.js';
import type { HoppingInput, HoppingResult, OperatorInput, OperatorResult, PayoutInput, SchemeId, SchemeResult } from '../sim/payouts/index.js';
import type { LuckInput, LuckResult, ProfitInput } from '../sim/profitability.js';
import type { PayoutsWorkerApi } from './payouts-worker.js';

export interface RunOptions {
  onProgress?: (fraction: number) => void;
  /** Aborting terminates the worker at once; the promise rejects with an AbortError. */
  signal?: AbortSignal;
}

function abortError(): DOMException {
  return new DOMException('The simulation was cancelled.', 'AbortError');
}

function inWorker<T>(options: RunOptions, call: (api: Remote<PayoutsWorkerApi>) => Promise<T>): Promise<T> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(abortError());
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(new URL('./payouts-worker.ts', import.meta.url), { type: 'module', name: 'powlab-payouts' });
    const api = wrap<PayoutsWorkerApi>(worker);
    let settled = false;
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      worker.terminate();
      settle();
    };
    const onAbort = () => finish(() => reject(abortError()));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      finish(() => reject(new Error(`The payouts worker failed to run${event.message ? `: ${event.message}` : ''}.`)));
    });
    call(api).then(
      (result) => finish(() => resolve(result)),
      (error: unknown) => finish(() => reject(error instanceof Error ? error : new Error(String(error)))),
    );
  });
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

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException ? error.name === 'AbortError' : error instanceof Error && error.name === 'AbortError';
}
