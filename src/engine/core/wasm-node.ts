// Compiles the core for Node (CLI, tests, worker_threads). The .wasm files are built by
// `npm run build:wasm` into build/wasm/, three levels above both src/engine/core/ and dist/engine/core/.

import { readFile } from 'node:fs/promises';
import { sha256 } from '@noble/hashes/sha2.js';
import { simdSupported } from './simd.js';
import { bytesToHex } from '../../model/validate.js';

export interface CompiledCore {
  module: WebAssembly.Module;
  simd: boolean;
  /** SHA-256 of the .wasm file: which build ran, recorded in a result's evidence. */
  wasmSha256: string;
}

const cache = new Map<boolean, Promise<CompiledCore>>();

export function wasmPath(simd: boolean): URL {
  return new URL(simd ? '../../../build/wasm/pow.simd.wasm' : '../../../build/wasm/pow.wasm', import.meta.url);
}

/** Compiles once per flavour. `preferSimd` falls back to scalar where SIMD is unsupported. */
export function compileCore(preferSimd = true): Promise<CompiledCore> {
  const simd = preferSimd && simdSupported();
  let pending = cache.get(simd);
  if (!pending) {
    pending = readFile(wasmPath(simd)).then(
      async (bytes) => ({ module: await WebAssembly.compile(bytes), simd, wasmSha256: bytesToHex(sha256(bytes)) }),
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') {
          throw new Error(`${wasmPath(simd).pathname} is missing: run "npm run build:wasm"`);
        }
        throw error;
      },
    );
    cache.set(simd, pending);
  }
  return pending;
}
