// Web Worker entry for the chain simulation: a thin Comlink adapter around sim/chain-sim.ts, so a
// run of a million blocks never blocks the page. Progress goes back through a proxied callback, at
// most every 50 ms; the result's typed arrays are transferred, not copied. Cancelling is the
// caller's job: it terminates this worker (sim-service.ts), since a synchronous loop cannot be asked
// to stop.
import { expose, transfer } from 'comlink';
import { simulate, type ProgressCallback, type SimConfig, type SimResult } from '../../sim/chain-sim.js';
import { installErrorTransfer } from '../errors.js';

installErrorTransfer();

const PROGRESS_INTERVAL_MS = 50;

function buffersOf(result: SimResult): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const add = (array: Float64Array | Uint32Array) => buffers.add(array.buffer as ArrayBuffer);
  for (const r of result.results) {
    add(r.periodMeanInterval);
    for (const array of Object.values(r.series)) add(array);
    if (r.chain) {
      add(r.chain.times);
      add(r.chain.bits);
    }
  }
  return [...buffers];
}

const api = {
  run(config: SimConfig, onProgress?: ProgressCallback): SimResult {
    let last = -Infinity;
    const report: ProgressCallback | undefined = onProgress
      ? (done, total) => {
          const now = performance.now();
          if (done === total || now - last >= PROGRESS_INTERVAL_MS) {
            last = now;
            void onProgress(done, total);
          }
        }
      : undefined;
    const result = simulate(config, report);
    return transfer(result, buffersOf(result));
  },
};

export type SimWorkerApi = typeof api;

expose(api);
