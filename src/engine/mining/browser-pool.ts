// The pool over Web Workers, for the app. The wasm is compiled once on the page and the compiled
// WebAssembly.Module is posted to each worker, which only instantiates it.

import { wrap } from 'comlink';
import scalarUrl from '../../../build/wasm/pow.wasm?url';
import simdUrl from '../../../build/wasm/pow.simd.wasm?url';
import { createPool, type Pool } from './pool.js';
import { simdSupported } from '../core/simd.js';
import type { WorkerApi } from './worker-api.js';

const compiled = new Map<boolean, Promise<WebAssembly.Module>>();

function compile(simd: boolean): Promise<WebAssembly.Module> {
  let pending = compiled.get(simd);
  if (!pending) {
    pending = WebAssembly.compileStreaming(fetch(simd ? simdUrl : scalarUrl));
    compiled.set(simd, pending);
  }
  return pending;
}

export function browserSimdSupported(): boolean {
  return simdSupported();
}

export function defaultThreads(): number {
  return Math.max(1, navigator.hardwareConcurrency || 1);
}

export async function createBrowserPool(threads: number, preferSimd = true): Promise<Pool> {
  const simd = preferSimd && simdSupported();
  const module = await compile(simd);
  return createPool(
    threads,
    () => {
      const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'powlab-worker' });
      return {
        api: wrap<WorkerApi>(worker),
        terminate: () => worker.terminate(),
        onFailure(callback) {
          const report = (reason: string) => callback(reason);
          worker.addEventListener('error', (event) => report(event.message || 'uncaught error in the worker'), { once: true });
          worker.addEventListener('messageerror', () => report('a message could not be read'), { once: true });
        },
      };
    },
    module,
    simd,
  );
}
