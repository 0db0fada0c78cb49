// The facade the CLI and the UI use: N workers running the core, one job at a time. The runtime
// (worker_threads or Web Workers) is supplied by node-pool.ts or browser-pool.ts.

import type { Remote } from 'comlink';
import { checkRange } from './core.js';
import type { BenchPlan, BenchWindow, MineJob } from './protocol.js';
import { searchRange, type SearchOptions, type SearchOutcome } from './search.js';
import type { WorkerApi } from './worker-api.js';

export interface WorkerHandle {
  api: Remote<WorkerApi>;
  terminate(): void;
}

export interface PoolInfo {
  threads: number;
  simd: boolean;
  lanes: number;
}

export interface BenchReport {
  /** windows[w][t]: window w of thread t. */
  windows: BenchWindow[][];
}

export interface Pool extends PoolInfo {
  sha256(data: Uint8Array): Promise<Uint8Array>;
  sha256d(data: Uint8Array): Promise<Uint8Array>;
  /** Verifies every worker's core on a real header; rejects with the reason if any disagrees. */
  selfTest(): Promise<void>;
  search(job: MineJob, start: number, count: number, options?: Partial<SearchOptions>): Promise<SearchOutcome>;
  bench(header: Uint8Array, plan: Omit<BenchPlan, 'startAt'>): Promise<BenchReport>;
  close(): void;
}

/** Default batch: about 50-100 ms per batch on a current core, so a stop is prompt. */
export function defaultBatchSize(lanes: number): number {
  return lanes > 1 ? 1 << 18 : 1 << 17;
}

export async function createPool(
  threads: number,
  spawn: () => WorkerHandle,
  module: WebAssembly.Module,
  simd: boolean,
): Promise<Pool> {
  const workers: WorkerHandle[] = [];
  try {
    for (let i = 0; i < threads; i++) workers.push(spawn());
    const infos = await Promise.all(workers.map((w) => w.api.init(module, simd)));
    const lanes = infos[0]!.lanes;
    const first = workers[0]!.api;

    return {
      threads,
      simd,
      lanes,
      sha256: (data) => first.sha256(data),
      sha256d: (data) => first.sha256d(data),
      async selfTest() {
        const failures = (await Promise.all(workers.map((w) => w.api.selfTest()))).filter((f) => f !== null);
        if (failures.length > 0) throw new Error(failures[0]!);
      },
      async search(job, start, count, options = {}) {
        checkRange(start, count);
        await Promise.all(workers.map((w) => w.api.prepare(job)));
        const runners = workers.map((w) => ({ mine: (s: number, n: number) => w.api.mine(s, n) }));
        return searchRange(runners, start, count, { batchSize: defaultBatchSize(lanes), ...options });
      },
      async bench(header, plan) {
        const startAt = Date.now() + plan.warmupSeconds * 1000 + 100;
        const perThread = await Promise.all(workers.map((w) => w.api.bench(header, { ...plan, startAt })));
        const windows = Array.from({ length: plan.windows }, (_, i) => perThread.map((t) => t[i]!));
        return { windows };
      },
      close() {
        for (const w of workers) w.terminate();
      },
    };
  } catch (error) {
    for (const w of workers) w.terminate();
    throw error;
  }
}
