// One benchmark measurement in the page: the shared pool at the chosen thread count and core build
// (from the job's lease on the hashing registry, which self-tests every pool it builds on the genesis
// block), hashing the genesis header over every nonce against an unreachable (zero) target while the
// page polls the pool's live per-worker counters. Warm-up first (not counted), then measurement
// windows (bench-stats.ts). Tab-hidden and paused periods are recorded and the windows they touch
// are left out. The pool is not closed here: the registry keeps it for the next step or screen.

import type { Lease } from '../../../engine/mining/registry.js';
import type { AdapterFacts, Backend, RunRecord } from '../../../model/bench-result.js';
import {
  isStable,
  score,
  throttleCheck,
  totalDuration,
  type Interval,
  type MeasuredWindow,
  WindowCutter,
} from '../../../model/bench-stats.js';
import { openSource, type HashSource } from './sources.js';

export interface MeasurePlan {
  backend: Backend;
  /** CPU threads (ignored for the GPU alone). */
  threads: number;
  simd: boolean;
  warmupSeconds: number;
  /** Measured time (after the warm-up); the most it runs in "stop when stable" mode. */
  seconds: number;
  windowSeconds: number;
  stopWhenStable: boolean;
}

/** 'starting': the lease builds (or reuses) the pool and self-tests a new one. */
export type MeasurePhase = 'starting' | 'warmup' | 'measuring';

export interface MeasureUpdate {
  phase: MeasurePhase;
  paused: boolean;
  /** Seconds run so far, pauses not counted, warm-up included. */
  elapsed: number;
  /** Warm-up plus measured time. */
  total: number;
  /** Every complete window so far (valid or not). */
  windows: readonly MeasuredWindow[];
  /** True while the tab is hidden. */
  hidden: boolean;
  hiddenSeconds: number;
  simd: boolean;
  lanes: number;
}

export interface MeasureCallbacks {
  onUpdate(update: MeasureUpdate): void;
  onIncident(message: string): void;
}

export type MeasureOutcome =
  /** `adapter` is the GPU's when one hashed; `emulated` when that adapter is a CPU emulation. */
  | { status: 'done'; run: RunRecord; adapter: AdapterFacts | null; emulated: boolean }
  | { status: 'cancelled' }
  /** Every window was invalid (the tab was hidden throughout, say): no figure to report. */
  | { status: 'no-valid-windows'; hiddenSeconds: number };

export interface Measurement {
  pause(): void;
  resume(): void;
  /** Cancels: workers are terminated and no result is made. */
  stop(): void;
  readonly paused: boolean;
  readonly done: Promise<MeasureOutcome>;
}

const POLL_MS = 100;

export function startMeasurement(lease: Pick<Lease, 'pool'>, plan: MeasurePlan, callbacks: MeasureCallbacks): Measurement {
  const cancel = new AbortController();
  let source: HashSource | undefined;
  let paused = false;
  let t0 = 0;
  const pausedPeriods: Interval[] = [];
  const hiddenPeriods: Interval[] = [];
  const incidents: string[] = [];
  const now = () => (performance.now() - t0) / 1000;

  const onVisibility = () => {
    if (t0 === 0) return;
    const t = now();
    if (document.hidden) hiddenPeriods.push({ start: t, end: Infinity });
    else {
      const open = hiddenPeriods[hiddenPeriods.length - 1];
      if (open && open.end === Infinity) open.end = t;
    }
  };

  async function run(): Promise<MeasureOutcome> {
    const total = plan.warmupSeconds + plan.seconds;
    const report = (phase: MeasurePhase, windows: readonly MeasuredWindow[] = [], elapsed = 0) =>
      callbacks.onUpdate({
        phase,
        paused,
        elapsed,
        total,
        windows,
        hidden: document.hidden,
        hiddenSeconds: t0 ? totalDuration(hiddenPeriods, now()) : 0,
        simd: source?.simd ?? plan.simd,
        lanes: source?.lanes ?? 1,
      });

    report('starting');
    // No figure from a core that gets the genesis block wrong: the lease's pool is self-tested, and
    // so is the core that checks the GPU's every candidate.
    source = await openSource(lease, plan.backend, plan.threads, plan.simd);
    try {
      if (cancel.signal.aborted) return { status: 'cancelled' };
      // Paused while the pool was starting (or between the steps of a sweep).
      if (paused) source.pause();

      const stopHashing = new AbortController();
      t0 = performance.now();
      if (document.hidden) hiddenPeriods.push({ start: 0, end: Infinity });
      if (paused) pausedPeriods.push({ start: 0, end: Infinity });
      document.addEventListener('visibilitychange', onVisibility);
      const hashing = source.start((message) => {
        incidents.push(message);
        callbacks.onIncident(message);
      });
      const windowPlan = { warmupSeconds: plan.warmupSeconds, windowSeconds: plan.windowSeconds, hidden: hiddenPeriods, paused: pausedPeriods };
      // Windows are cut as the samples come (ten a second), so memory stays flat however long the run.
      const cutter = new WindowCutter(windowPlan);
      cutter.push({ time: 0, hashes: source.counts().map(() => 0) });
      let ticks = 0;
      stopHashing.signal.addEventListener('abort', () => source!.stop());
      // A failure of the pool (a worker that keeps dying) ends the wait below at once.
      let failure: unknown;
      hashing.catch((error: unknown) => (failure = error ?? new Error('the hashing pool failed')));

      const windows: readonly MeasuredWindow[] = cutter.windows;
      let lastCount = -1;
      const ended = await new Promise<'time' | 'stable' | 'cancelled' | 'failed'>((resolve) => {
        const tick = () => {
          if (cancel.signal.aborted) return resolve('cancelled');
          if (failure) return resolve('failed');
          const t = now();
          cutter.push({ time: t, hashes: source!.counts() });
          ticks++;
          const elapsed = t - totalDuration(pausedPeriods, t);
          if (elapsed >= total) return resolve('time');
          if (plan.stopWhenStable && !paused && isStable(windows)) return resolve('stable');
          // The page redraws only when a window completes, else twice a second for the progress
          // text: as little main-thread work as possible while the workers hash.
          if (windows.length !== lastCount || ticks % 5 === 0) {
            lastCount = windows.length;
            report(elapsed < plan.warmupSeconds ? 'warmup' : 'measuring', windows, elapsed);
          }
          timer = setTimeout(tick, POLL_MS);
        };
        let timer = setTimeout(tick, POLL_MS);
        cancel.signal.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve('cancelled');
        });
      });
      stopHashing.abort();
      source.resume();
      document.removeEventListener('visibilitychange', onVisibility);
      await hashing.catch(() => undefined);
      if (ended === 'cancelled') return { status: 'cancelled' };
      if (ended === 'failed') throw failure;

      const end = now();
      for (const p of hiddenPeriods) if (p.end === Infinity) p.end = end;
      const hiddenSeconds = totalDuration(hiddenPeriods, end);
      const s = score(windows);
      if (!s) return { status: 'no-valid-windows', hiddenSeconds };
      const throttling = throttleCheck(windows);
      const gpuHashes = source.adapter !== null;
      const record: RunRecord = {
        threads: source.threads,
        simd: source.simd,
        lanes: source.lanes,
        hashrate: s.hashrate,
        perWorker: s.perWorker.slice(0, source.threads),
        gpuHashrate: gpuHashes ? (s.perWorker[source.threads] ?? 0) : null,
        min: s.min,
        max: s.max,
        cv: s.cv,
        warmupSeconds: plan.warmupSeconds,
        windowSeconds: plan.windowSeconds,
        measuredSeconds: s.measuredSeconds,
        ended,
        windows: windows.map((w) => ({
          start: w.start,
          seconds: w.seconds,
          rate: w.rate,
          valid: w.valid,
          ...(w.invalid ? { invalid: w.invalid } : {}),
        })),
        hiddenSeconds,
        throttling,
        incidents,
        // The lease's pools are self-tested before they are handed out, so this is always set.
        evidence: source.evidence,
      };
      const { adapter } = source;
      return {
        status: 'done',
        run: record,
        adapter: adapter ? { vendor: adapter.vendor, architecture: adapter.architecture, device: adapter.device, description: adapter.description, isFallbackAdapter: adapter.isFallbackAdapter } : null,
        emulated: adapter?.emulated ?? false,
      };
    } finally {
      document.removeEventListener('visibilitychange', onVisibility);
      // A stop while paused must not leave the shared pool holding its threads.
      source.resume();
    }
  }

  return {
    pause() {
      if (paused) return;
      paused = true;
      source?.pause();
      if (t0) pausedPeriods.push({ start: now(), end: Infinity });
    },
    resume() {
      if (!paused) return;
      paused = false;
      const open = pausedPeriods[pausedPeriods.length - 1];
      if (open && open.end === Infinity) open.end = now();
      source?.resume();
    },
    stop() {
      cancel.abort();
    },
    get paused() {
      return paused;
    },
    done: run(),
  };
}
