// What each worker (Web Worker or worker_thread) exposes through Comlink. No runtime specifics here:
// worker.ts and node-worker.ts only connect this object to their message port.

import { instantiateCore, type PowCore } from '../core/core.js';
import { findings, runChecksumWorkload, type CoreFindings } from '../core/evidence.js';
import type { WorkloadChecksum } from '../../model/workload-checksum.js';
import type { BatchResult, BenchPlan, BenchWindow, MineJob, SharedCounters, TimedBatch } from './protocol.js';
import { hashLess } from './search.js';

/** Nonces per timing check in a benchmark: about 15-30 ms of work on one thread. */
const BENCH_CHUNK = 1 << 16;
const ZERO_TARGET = new Uint8Array(32);
/**
 * With shared counters a batch runs in chunks of this many nonces (a few ms each), publishing its hash
 * count and checking the stop word between chunks: the page sees hashes as they happen and a stop
 * takes effect within a chunk instead of at the end of the batch.
 */
const LIVE_CHUNK = 1 << 14;

export function createWorkerApi() {
  let core: PowCore | undefined;
  let live: { control: Int32Array; hashes: BigInt64Array; slot: number } | undefined;
  let job_: MineJob | undefined;
  const ready = (): PowCore => {
    if (!core) throw new Error('worker used before init()');
    return core;
  };
  /** Runs a check that prepares its own job, then restores the current one in the same call. */
  const keepingJob = <T>(check: (core: PowCore) => T): T => {
    const c = ready();
    try {
      return check(c);
    } finally {
      if (job_) c.prepare(job_);
    }
  };

  return {
    async init(module: WebAssembly.Module, simd: boolean): Promise<{ simd: boolean; lanes: number }> {
      core = await instantiateCore(module, simd);
      return { simd: core.simd, lanes: core.lanes };
    },

    sha256: (data: Uint8Array): Uint8Array => ready().sha256(data),
    sha256d: (data: Uint8Array): Uint8Array => ready().sha256d(data),
    prepare(job: MineJob): void {
      ready().prepare(job);
      job_ = job;
    },
    /** Connects this worker to the pool's shared counters, as worker `slot`. */
    attach(shared: SharedCounters, slot: number): void {
      live = { control: new Int32Array(shared.control), hashes: new BigInt64Array(shared.hashes), slot };
    },

    mine: (start: number, count: number): BatchResult => ready().mineRange(start, count),

    /**
     * Scans start .. start + count - 1 like mine(), timed. With shared counters it publishes progress
     * as it goes and stops early once the stop word no longer equals `generation`.
     */
    mineTimed(start: number, count: number, generation = 0): TimedBatch {
      const c = ready();
      const began = performance.now();
      if (!live) {
        const r = c.mineRange(start, count);
        return { ...r, seconds: (performance.now() - began) / 1000, stopped: false };
      }
      const { control, hashes, slot } = live;
      let total: BatchResult | undefined;
      let stopped = false;
      for (let offset = 0; offset < count; ) {
        if (Atomics.load(control, 0) !== generation) {
          stopped = true;
          break;
        }
        const n = Math.min(LIVE_CHUNK, count - offset);
        const r = c.mineRange(start + offset, n);
        Atomics.add(hashes, slot, BigInt(r.hashes));
        total = total ? merge(total, r) : r;
        if (r.found) break;
        offset += n;
      }
      const seconds = (performance.now() - began) / 1000;
      if (!total) return { found: false, hashes: 0, shares: 0, bestNonce: start, bestHash: new Uint8Array(32).fill(0xff), seconds, stopped };
      return { ...total, seconds, stopped };
    },

    /** The known answer and the checksum workload as this worker's core computes them (evidence.ts). */
    selfTest: (): CoreFindings => keepingJob(findings),
    /** The checksum workload alone, run afresh: how an imported result is checked on this device. */
    checksum: (): WorkloadChecksum => keepingJob(runChecksumWorkload),

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

/** The books of two consecutive chunks as one batch: the later chunk's find, if any, ends it. */
function merge(a: BatchResult, b: BatchResult): BatchResult {
  const better = hashLess(b.bestHash, a.bestHash);
  const out: BatchResult = {
    found: b.found,
    hashes: a.hashes + b.hashes,
    shares: a.shares + b.shares,
    bestNonce: better ? b.bestNonce : a.bestNonce,
    bestHash: better ? b.bestHash : a.bestHash,
  };
  if (b.found) {
    out.nonce = b.nonce!;
    out.hash = b.hash!;
  }
  return out;
}

export type WorkerApi = ReturnType<typeof createWorkerApi>;
