// What each worker (Web Worker or worker_thread) exposes through Comlink. No runtime specifics here:
// worker.ts and node-worker.ts only connect this object to their message port.

import { instantiateCore, type PowCore } from './core.js';
import { GENESIS } from './known-answer.js';
import type { BatchResult, BenchPlan, BenchWindow, MineJob } from './protocol.js';

/** Nonces per timing check in a benchmark: about 15-30 ms of work on one thread. */
const BENCH_CHUNK = 1 << 16;
const ZERO_TARGET = new Uint8Array(32);

function hexBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
}

function displayHex(hash: Uint8Array): string {
  return Array.from(hash, (b) => b.toString(16).padStart(2, '0')).reverse().join('');
}

export function createWorkerApi() {
  let core: PowCore | undefined;
  const ready = (): PowCore => {
    if (!core) throw new Error('worker used before init()');
    return core;
  };

  return {
    async init(module: WebAssembly.Module, simd: boolean): Promise<{ simd: boolean; lanes: number }> {
      core = await instantiateCore(module, simd);
      return { simd: core.simd, lanes: core.lanes };
    },

    sha256: (data: Uint8Array): Uint8Array => ready().sha256(data),
    sha256d: (data: Uint8Array): Uint8Array => ready().sha256d(data),
    prepare: (job: MineJob): void => ready().prepare(job),
    mine: (start: number, count: number): BatchResult => ready().mineRange(start, count),

    /** Mines the genesis header from just below its nonce; a message saying what differed, or null. */
    selfTest(): string | null {
      const c = ready();
      c.prepare({ header: hexBytes(GENESIS.headerHex), target: hexBytes(GENESIS.targetLittleEndianHex) });
      const r = c.mineRange(GENESIS.nonce - 1000, 2000);
      if (!r.found || r.nonce !== GENESIS.nonce || !r.hash || displayHex(r.hash) !== GENESIS.hash) {
        return `core self-test failed: expected nonce ${GENESIS.nonce} and hash ${GENESIS.hash}, got ${
          r.found ? `${r.nonce} ${displayHex(r.hash!)}` : 'no solution'
        }`;
      }
      return null;
    },

    /**
     * Hashes a header against an unreachable target for a warm-up, then for `plan.windows` windows,
     * reporting each window's hash count and its measured length. Synchronous by design: a worker
     * does nothing else meanwhile.
     */
    bench(header: Uint8Array, plan: BenchPlan): BenchWindow[] {
      const c = ready();
      c.prepare({ header, target: ZERO_TARGET });
      let nonce = 0;
      const run = (): number => {
        if (nonce > 0xffffffff - BENCH_CHUNK) nonce = 0;
        const r = c.mineRange(nonce, BENCH_CHUNK);
        nonce += BENCH_CHUNK;
        return r.hashes;
      };
      const warmupEnd = Date.now() + plan.warmupSeconds * 1000;
      while (Date.now() < Math.max(warmupEnd, plan.startAt)) run();
      const windows: BenchWindow[] = [];
      let windowStart = performance.now();
      let hashes = 0;
      while (windows.length < plan.windows) {
        hashes += run();
        const now = performance.now();
        if (now - windowStart >= plan.windowSeconds * 1000) {
          windows.push({ hashes, seconds: (now - windowStart) / 1000 });
          windowStart = now;
          hashes = 0;
        }
      }
      return windows;
    },
  };
}

export type WorkerApi = ReturnType<typeof createWorkerApi>;
