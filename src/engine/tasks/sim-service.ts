// The page's way to run a chain simulation: one fresh module worker per run (sim-worker.ts), with
// progress, and cancellation by terminating the worker. The worker checks the configuration; a bad
// field rejects with an InputError that still names it (engine/errors.ts).
import { proxy } from 'comlink';
import type { SimConfig, SimResult } from '../../sim/chain-sim.js';
import type { SimWorkerApi } from './sim-worker.js';
import { isAbortError, runInWorker, type TaskOptions } from './worker-task.js';

export interface SimRunOptions extends TaskOptions {
  /** Blocks done so far over all algorithms, and the total. */
  onProgress?: (done: number, total: number) => void;
}

export function runSimulation(config: SimConfig, options: SimRunOptions = {}): Promise<SimResult> {
  const { onProgress } = options;
  return runInWorker<SimWorkerApi, SimResult>(
    () => new Worker(new URL('./sim-worker.ts', import.meta.url), { type: 'module', name: 'powlab-sim' }),
    { label: 'simulation', owner: 'the chain simulation (Difficulty)' },
    options,
    (api) => api.run(config, onProgress ? proxy(onProgress) : undefined),
  );
}

export { isAbortError };
