// The page's way to run a chain simulation: one fresh module worker per run (sim-worker.ts), with
// progress, and cancellation by terminating the worker. The configuration is checked here first, on
// the page, so a bad field rejects with an InputError that still names the field (an error that
// crosses postMessage keeps only its name and message).
import { proxy, wrap } from 'comlink';
import { checkSimConfig, type SimConfig, type SimResult } from '../sim/chain-sim.js';
import type { SimWorkerApi } from './sim-worker.js';

export interface SimRunOptions {
  /** Blocks done so far over all algorithms, and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting terminates the worker at once; the promise rejects with an AbortError. */
  signal?: AbortSignal;
}

function abortError(): DOMException {
  return new DOMException('The simulation was cancelled.', 'AbortError');
}

export function runSimulation(config: SimConfig, options: SimRunOptions = {}): Promise<SimResult> {
  try {
    checkSimConfig(config);
  } catch (error) {
    return Promise.reject(error);
  }
  const { signal, onProgress } = options;
  if (signal?.aborted) return Promise.reject(abortError());
  return new Promise<SimResult>((resolve, reject) => {
    const worker = new Worker(new URL('./sim-worker.ts', import.meta.url), { type: 'module', name: 'powlab-sim' });
    const api = wrap<SimWorkerApi>(worker);
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
      finish(() => reject(new Error(`The simulation worker failed to run${event.message ? `: ${event.message}` : ''}.`)));
    });
    api.run(config, onProgress ? proxy(onProgress) : undefined).then(
      (result) => finish(() => resolve(result)),
      (error: unknown) => finish(() => reject(error instanceof Error ? error : new Error(String(error)))),
    );
  });
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException ? error.name === 'AbortError' : error instanceof Error && error.name === 'AbortError';
}
