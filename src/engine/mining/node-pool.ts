// The pool over worker_threads, for the CLI and Node tests. Runs from the compiled dist/ (the worker
// entry must be JavaScript).

import { Worker } from 'node:worker_threads';
import { wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createPool, type Pool } from './pool.js';
import { compileCore } from '../core/wasm-node.js';
import type { WorkerApi } from './worker-api.js';

export async function createNodePool(threads: number, preferSimd = true): Promise<Pool> {
  const { module, simd, wasmSha256 } = await compileCore(preferSimd);
  return createPool(
    threads,
    () => {
      const worker = new Worker(new URL('./node-worker.js', import.meta.url));
      let terminating = false;
      return {
        api: wrap<WorkerApi>(nodeEndpoint(worker)),
        terminate: () => {
          terminating = true;
          void worker.terminate();
        },
        onFailure(callback) {
          worker.once('error', (error) => callback(error.message));
          worker.once('exit', (code) => terminating || callback(`exited with code ${code}`));
        },
      };
    },
    module,
    simd,
    { wasmSha256 },
  );
}
