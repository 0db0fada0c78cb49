// The pool over Web Workers, for the app. The wasm is compiled once on the page and the compiled
// WebAssembly.Module is posted to each worker, which only instantiates it.

import { sha256 } from '@noble/hashes/sha2.js';
import { wrap } from 'comlink';
import scalarUrl from '../../../build/wasm/pow.wasm?url';
import simdUrl from '../../../build/wasm/pow.simd.wasm?url';
import { createPool, type Pool } from './pool.js';
import { simdSupported } from '../core/simd.js';
import { bytesToHex } from '../../model/validate.js';
import type { WorkerApi } from './worker-api.js';

interface Compiled {
  module: WebAssembly.Module;
  /** SHA-256 of the .wasm bytes: which build ran, recorded in a result's evidence. */
  wasmSha256: string;
}

const compiled = new Map<boolean, Promise<Compiled>>();

function compile(simd: boolean): Promise<Compiled> {
  let pending = compiled.get(simd);
  if (!pending) {
    // Bytes first rather than compileStreaming: the digest needs them, and the core is about 10 kB.
    pending = fetch(simd ? simdUrl : scalarUrl)
      .then((response) => {
        if (!response.ok) throw new Error(`the core could not be loaded (HTTP ${response.status})`);
        return response.arrayBuffer();
      })
      .then(async (buffer) => ({ module: await WebAssembly.compile(buffer), wasmSha256: bytesToHex(sha256(new Uint8Array(buffer))) }));
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
  const { module, wasmSha256 } = await compile(simd);
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
    { wasmSha256 },
  );
}
