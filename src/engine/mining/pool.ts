// The facade the CLI and the UI use: N workers running the core, one job at a time. The runtime
// (worker_threads or Web Workers) is supplied by node-pool.ts or browser-pool.ts.
//
// Lifecycle: a worker that crashes, or whose batch runs far past its expected time, is terminated and
// replaced by a fresh one (instantiated from the same compiled module and given the current job); the
// batch is run again and the caller is told through onIncident. Abort sets a shared stop word, so with
// SharedArrayBuffer running batches end within a few milliseconds; without it they finish (they are
// sized to about 75 ms) and no new batch is handed out.

import type { Remote } from 'comlink';
import { checkRange } from '../core/core.js';
import { installErrorTransfer } from '../errors.js';
import { findingsProblem } from '../core/evidence.js';
import type { CoreEvidence } from '../../model/bench-result.js';
import type { WorkloadChecksum } from '../../model/workload-checksum.js';
import type { BenchPlan, BenchWindow, MineJob, SharedCounters, TimedBatch } from './protocol.js';
import { hashLess, searchRange, type BatchEvent, type BatchRunner, type SearchOutcome, type SearchProgress } from './search.js';
import type { WorkerApi } from './worker-api.js';

export type { BatchEvent, SearchOutcome, SearchProgress } from './search.js';

export interface WorkerHandle {
  api: Remote<WorkerApi>;
  terminate(): void;
  /** Registers a callback for the worker dying (an uncaught error, an exit); called at most once. */
  onFailure(callback: (reason: string) => void): void;
}

export interface PoolInfo {
  threads: number;
  simd: boolean;
  lanes: number;
  /** True when workers publish live counters and stop mid-batch through SharedArrayBuffer. */
  shared: boolean;
}

export interface BenchReport {
  /** windows[w][t]: window w of thread t. */
  windows: BenchWindow[][];
}

export interface RunOptions {
  /** Fixed nonces per batch; by default the pool sizes batches to about 75 ms of work each. */
  batchSize?: number;
  signal?: AbortSignal;
  /** Called after every batch with the running totals and that batch's own figures. */
  onBatch?: (progress: SearchProgress, event: BatchEvent) => void;
  /** A worker crashed or hung and was replaced; the message says which and why. */
  onIncident?: (message: string) => void;
}

export interface Pool extends PoolInfo {
  sha256(data: Uint8Array): Promise<Uint8Array>;
  sha256d(data: Uint8Array): Promise<Uint8Array>;
  /**
   * Verifies every worker's core on a real header and the checksum workload; rejects with the reason
   * if any gets either wrong, else resolves with the evidence a result records (also kept as `evidence`).
   */
  selfTest(): Promise<CoreEvidence>;
  /** The evidence of the last passed self-test; undefined before one passed. */
  readonly evidence: CoreEvidence | undefined;
  /** Runs the checksum workload afresh on one worker (the check of an imported result). */
  checksum(): Promise<WorkloadChecksum>;
  /** Scans start .. start+count-1 on every thread; resolves with the lowest solution, or none. */
  search(job: MineJob, start: number, count: number, options?: RunOptions): Promise<SearchOutcome>;
  /**
   * Hashes the whole nonce space over and over on every thread until the signal aborts (or a
   * solution turns up): the benchmark's workload. `hashes` in the outcome is the grand total.
   */
  sweep(job: MineJob, options: RunOptions & { signal: AbortSignal }): Promise<SearchOutcome>;
  /** Holds every thread after its current batch until resume(). */
  pause(): void;
  resume(): void;
  readonly paused: boolean;
  /**
   * Hashes done by each worker slot since the pool started: live (mid-batch) with shared counters,
   * else as of each worker's last finished batch.
   */
  hashesByWorker(): number[];
  /** In-worker synchronous benchmark (the CLI's): warm-up then aligned windows on every thread. */
  bench(header: Uint8Array, plan: Omit<BenchPlan, 'startAt'>): Promise<BenchReport>;
  close(): void;
}

/** First batch before any rate is known: about 50-100 ms on a current core. */
export function defaultBatchSize(lanes: number): number {
  return lanes > 1 ? 1 << 18 : 1 << 17;
}

const BATCH_SECONDS = 0.075;
const MIN_BATCH = 1 << 12;
const MAX_BATCH = 1 << 24;
/** A batch this many times over its expected time (and at least HANG_MIN_MS) counts as hung. */
const HANG_FACTOR = 40;
const HANG_MIN_MS = 10_000;
/** Replacements in a row for one batch before the run gives up with an error. */
const MAX_RETRIES = 2;
const MAX_NONCE = 0xffffffff;

function sharedCountersFor(threads: number): SharedCounters | undefined {
  if (typeof SharedArrayBuffer !== 'function') return undefined;
  // A page that is not cross-origin isolated has the constructor but cannot post the buffer.
  const { crossOriginIsolated } = globalThis as { crossOriginIsolated?: boolean };
  if (typeof crossOriginIsolated === 'boolean' && !crossOriginIsolated) return undefined;
  return { control: new SharedArrayBuffer(4), hashes: new SharedArrayBuffer(8 * threads) };
}

class WorkerLost extends Error {}

export interface PoolTuning {
  /** Least time before a batch with no answer counts as hung (default 10 s). */
  hangMinMs?: number;
  /** SHA-256 of the .wasm bytes the module was compiled from, recorded in the evidence. */
  wasmSha256?: string;
}

export async function createPool(
  threads: number,
  spawn: () => WorkerHandle,
  module: WebAssembly.Module,
  simd: boolean,
  tuning: PoolTuning = {},
): Promise<Pool> {
  installErrorTransfer();
  const hangMinMs = tuning.hangMinMs ?? HANG_MIN_MS;
  const shared = sharedCountersFor(threads);
  const control = shared ? new Int32Array(shared.control) : undefined;
  const liveHashes = shared ? new BigInt64Array(shared.hashes) : undefined;
  const settledHashes = new Array<number>(threads).fill(0);
  const workers: WorkerHandle[] = [];
  /**
   * Each slot's death, as a reason once it died and the batches waiting on it until then. A set per
   * slot, not a promise chained per batch: a chain onto a promise that stays pending while the worker
   * lives kept about 0.7 kB per batch until the worker died (seen growing in npm run bench:stress).
   */
  const deaths: Array<{ reason?: string; waiting: Set<(reason: string) => void> }> = [];
  let currentJob: MineJob | undefined;
  let lanes = 1;
  let batchNonces = 0;
  let ratePerThread = 0;
  let gate: { promise: Promise<void>; open: () => void } | undefined;
  let closed = false;
  let evidence: CoreEvidence | undefined;

  async function start(slot: number): Promise<void> {
    const handle = spawn();
    workers[slot] = handle;
    const death: { reason?: string; waiting: Set<(reason: string) => void> } = { waiting: new Set() };
    deaths[slot] = death;
    handle.onFailure((reason) => {
      death.reason = reason;
      for (const wake of death.waiting) wake(reason);
      death.waiting.clear();
    });
    const info = await handle.api.init(module, simd);
    lanes = info.lanes;
    if (shared) await handle.api.attach(shared, slot);
    if (currentJob) await handle.api.prepare(currentJob);
  }

  async function replace(slot: number, why: string, onIncident?: (message: string) => void): Promise<void> {
    workers[slot]?.terminate();
    onIncident?.(`Worker ${slot + 1} ${why}; it was stopped and replaced by a new one, and its batch was run again.`);
    await start(slot);
  }

  function withTimeout<T>(work: Promise<T>, slot: number, ms: number): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const hung = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new WorkerLost(`stopped responding (no answer in ${(ms / 1000).toFixed(0)} s)`)), ms);
    });
    const death = deaths[slot]!;
    let wake: ((reason: string) => void) | undefined;
    const died = new Promise<never>((_, reject) => {
      wake = (reason) => reject(new WorkerLost(`crashed (${reason})`));
      if (death.reason !== undefined) wake(death.reason);
      else death.waiting.add(wake);
    });
    return Promise.race([work, hung, died]).finally(() => {
      clearTimeout(timer);
      death.waiting.delete(wake!);
    });
  }

  function runner(slot: number, options: RunOptions): BatchRunner {
    return {
      async mine(s, n) {
        for (let attempt = 0; ; attempt++) {
          const generation = control ? Atomics.load(control, 0) : 0;
          const expectedMs = ratePerThread > 0 ? (n / ratePerThread) * 1000 : 0;
          try {
            const r: TimedBatch = await withTimeout(
              workers[slot]!.api.mineTimed(s, n, generation),
              slot,
              Math.max(hangMinMs, expectedMs * HANG_FACTOR),
            );
            settledHashes[slot]! += r.hashes;
            if (!options.batchSize && !r.stopped && r.seconds > 0.005) {
              const rate = r.hashes / r.seconds;
              ratePerThread = ratePerThread === 0 ? rate : 0.7 * ratePerThread + 0.3 * rate;
              const next = Math.round((ratePerThread * BATCH_SECONDS) / 1024) * 1024;
              batchNonces = Math.min(MAX_BATCH, Math.max(MIN_BATCH, next));
            }
            return r;
          } catch (error) {
            if (!(error instanceof WorkerLost) || closed) throw error;
            if (attempt >= MAX_RETRIES) throw new Error(`worker ${slot + 1} ${error.message} ${attempt + 1} times in a row; giving up`);
            await replace(slot, error.message, options.onIncident);
          }
        }
      },
    };
  }

  async function run(job: MineJob, first: number, count: number, options: RunOptions): Promise<SearchOutcome> {
    checkRange(first, count);
    currentJob = job;
    await Promise.all(workers.map((w) => w.api.prepare(job)));
    const onAbort = () => control && Atomics.add(control, 0, 1);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await searchRange(
        workers.map((_, slot) => runner(slot, options)),
        first,
        count,
        {
          batchSize: options.batchSize ?? (() => batchNonces),
          gate: () => gate?.promise,
          ...(options.signal ? { signal: options.signal } : {}),
          ...(options.onBatch ? { onBatch: options.onBatch } : {}),
        },
      );
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
    }
  }

  try {
    await Promise.all(Array.from({ length: threads }, (_, slot) => start(slot)));
  } catch (error) {
    for (const w of workers) w?.terminate();
    throw error;
  }
  batchNonces = defaultBatchSize(lanes);
  const first = () => workers[0]!.api;

  return {
    threads,
    simd,
    lanes,
    shared: shared !== undefined,
    sha256: (data) => first().sha256(data),
    sha256d: (data) => first().sha256d(data),
    async selfTest() {
      const results = await Promise.all(workers.map((w) => w.api.selfTest()));
      const failure = results.map(findingsProblem).find((f) => f !== null);
      if (failure) throw new Error(failure);
      const [first] = results;
      evidence = {
        core: { build: simd ? 'simd' : 'scalar', lanes, wasmSha256: tuning.wasmSha256 ?? null },
        // findingsProblem() has held both to the genesis block's answer.
        knownAnswer: { block: 'genesis', nonce: first!.knownAnswer.nonce!, hash: first!.knownAnswer.hash! },
        checksum: first!.checksum,
      };
      return evidence;
    },
    get evidence() {
      return evidence;
    },
    checksum: () => first().checksum(),
    search: (job, s, n, options = {}) => run(job, s, n, options),
    async sweep(job, options) {
      const total: SearchOutcome = {
        found: false,
        aborted: false,
        hashes: 0,
        shares: 0,
        bestHash: new Uint8Array(32).fill(0xff),
        bestNonce: 0,
        nextNonce: 0,
      };
      while (!options.signal.aborted) {
        const base = { ...total };
        const lap = await run(job, 0, MAX_NONCE + 1, {
          ...options,
          ...(options.onBatch
            ? { onBatch: (p: SearchProgress, e: BatchEvent) => options.onBatch!({ ...p, hashes: base.hashes + p.hashes, shares: base.shares + p.shares }, e) }
            : {}),
        });
        total.hashes += lap.hashes;
        total.shares += lap.shares;
        if (lap.hashes > 0 && hashLess(lap.bestHash, total.bestHash)) {
          total.bestHash = lap.bestHash;
          total.bestNonce = lap.bestNonce;
        }
        total.nextNonce = lap.nextNonce;
        if (lap.found) return { ...total, found: true, nonce: lap.nonce!, hash: lap.hash! };
      }
      return { ...total, aborted: true };
    },
    pause() {
      if (gate) return;
      let open!: () => void;
      const promise = new Promise<void>((resolve) => (open = resolve));
      gate = { promise, open };
    },
    resume() {
      const g = gate;
      gate = undefined;
      g?.open();
    },
    get paused() {
      return gate !== undefined;
    },
    hashesByWorker() {
      if (liveHashes) return Array.from(liveHashes, (v) => Number(v));
      return [...settledHashes];
    },
    async bench(header, plan) {
      const startAt = Date.now() + plan.warmupSeconds * 1000 + 100;
      const perThread = await Promise.all(workers.map((w) => w.api.bench(header, { ...plan, startAt })));
      const windows = Array.from({ length: plan.windows }, (_, i) => perThread.map((t) => t[i]!));
      return { windows };
    },
    close() {
      closed = true;
      gate?.open();
      if (control) Atomics.add(control, 0, 1);
      for (const w of workers) w?.terminate();
    },
  };
}
