/// <reference types="@webgpu/types" />
// What a benchmark measures: the WebAssembly pool on the CPU, the WebGPU miner, or both at once
// (hybrid). Each source hashes the genesis header against an unreachable target until stopped and
// exposes cumulative hash counters, one per CPU worker and one for the GPU, that measure.ts samples.

import { GENESIS } from '../../../engine/core/known-answer.js';
import { pageGpuMiner } from '../../../engine/gpu/page-gpu.js';
import type { AdapterFacts as GpuAdapterFacts } from '../../../engine/gpu/adapter.js';
import { hashPool } from '../../../engine/mining/hash-core.js';
import type { Pool } from '../../../engine/mining/pool.js';
import type { Lease } from '../../../engine/mining/registry.js';
import type { Backend, CoreEvidence } from '../../../model/bench-result.js';
import { hexToBytes } from '../../../model/validate.js';

const HEADER = hexToBytes(GENESIS.headerHex, 'header', 80);
const NONCES = 2 ** 32;

export interface HashSource {
  readonly backend: Backend;
  /** CPU workers counted first in counts(); 0 for the GPU alone. */
  readonly threads: number;
  /** The CPU core: the one that hashed (wasm, both) or verified the GPU's candidates (webgpu). */
  readonly simd: boolean;
  readonly lanes: number;
  readonly evidence: CoreEvidence | null;
  readonly adapter: GpuAdapterFacts | null;
  /** Cumulative hashes since start(): the CPU workers', then the GPU's (when it hashes). */
  counts(): number[];
  /** Starts hashing; the promise settles when it stops (rejects if a backend fails). */
  start(onIncident: (message: string) => void): Promise<void>;
  stop(): void;
  pause(): void;
  resume(): void;
}

/** Opens the source for `backend`; rejects with one sentence when WebGPU cannot serve. */
export async function openSource(lease: Pick<Lease, 'pool'>, backend: Backend, threads: number, simd: boolean): Promise<HashSource> {
  const pool: Pool | undefined = backend === 'webgpu' ? undefined : await lease.pool(threads, simd);
  let gpu: Awaited<ReturnType<typeof pageGpuMiner>> | undefined;
  let verifier: Pool | undefined;
  if (backend !== 'wasm') {
    gpu = await pageGpuMiner();
    if (!gpu.ok) throw new Error(gpu.reason);
    verifier = await hashPool();
    // The verifying core's evidence, from its self-test (run once per page by hash-core.ts; run
    // here only when that has not passed yet).
    if (!verifier.evidence) await verifier.selfTest();
  }
  const miner = gpu?.ok ? gpu.miner : undefined;
  const cpu = pool ?? verifier!;
  const stopper = new AbortController();
  let cpuBase: number[] = [];
  let gpuBase = 0;

  return {
    backend,
    threads: pool ? pool.threads : 0,
    simd: cpu.simd,
    lanes: cpu.lanes,
    evidence: cpu.evidence ?? null,
    adapter: miner ? miner.facts : null,
    counts() {
      const c = pool ? pool.hashesByWorker().map((h, i) => h - (cpuBase[i] ?? 0)) : [];
      return miner ? [...c, miner.hashesDone() - gpuBase] : c;
    },
    async start(onIncident) {
      cpuBase = pool?.hashesByWorker() ?? [];
      gpuBase = miner?.hashesDone() ?? 0;
      const parts: Promise<unknown>[] = [];
      if (pool) parts.push(pool.sweep({ header: HEADER, target: new Uint8Array(32) }, { signal: stopper.signal, onIncident }));
      if (miner) {
        parts.push(
          (async () => {
            while (!stopper.signal.aborted) {
              await miner.search({ header: HEADER, target: new Uint8Array(32) }, 0, NONCES, { signal: stopper.signal, onIncident });
            }
          })(),
        );
      }
      // One backend failing stops the other: no figure is half of a hybrid.
      try {
        await Promise.all(parts.map((p) => p.catch((error: unknown) => {
          stopper.abort();
          throw error;
        })));
      } finally {
        pool?.resume();
        miner?.resume();
      }
    },
    stop: () => stopper.abort(),
    pause() {
      pool?.pause();
      miner?.pause();
    },
    resume() {
      pool?.resume();
      miner?.resume();
    },
  };
}
