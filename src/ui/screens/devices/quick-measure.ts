// "Measure now": a short benchmark in place, with the Benchmark's method but none of its screen.
// It claims the page's hashing registry exclusively (nothing else hashes or simulates meanwhile),
// takes the lease's self-tested pool, sweeps the genesis header against an unreachable (zero)
// target while polling the workers' live counters, and scores the median of 1-second windows after
// a warm-up (model/bench-stats.ts). Windows the tab spent hidden are left out. The figure is saved
// as this browser's measured hashrate only when nobody else used the processor during the lease.
import { GENESIS } from '../../../engine/core/known-answer.js';
import { hashing } from '../../../engine/mining/hashing.js';
import type { Holder } from '../../../engine/mining/registry.js';
import { cutWindows, score, type CounterSample, type Interval } from '../../../model/bench-stats.js';
import { hexToBytes } from '../../../model/validate.js';
import { saveMeasuredHashrate } from '../../shared/measured-hashrate.js';

/** The name other screens' busy notices and the status bar give this run. */
export const MEASURE_OWNER = 'the devices measurement (Devices)';
export const WARMUP_SECONDS = 1;
const WINDOW_SECONDS = 1;
const POLL_MS = 100;
const HEADER = hexToBytes(GENESIS.headerHex, 'header', 80);

export interface QuickProgress {
  /** Seconds run so far, warm-up included. */
  elapsed: number;
  total: number;
  /** Median so far of the valid windows, once there is one. */
  hashrate: number | undefined;
  windows: number;
}

export type QuickOutcome =
  | { status: 'saved'; hashrate: number; threads: number; date: string }
  /** Measured, but not saved: storage refused it, or someone else used the CPU meanwhile (`by`). */
  | { status: 'not-saved'; hashrate: number; threads: number; by: string[] }
  | { status: 'stopped' }
  | { status: 'no-valid-windows' };

export interface QuickRun {
  stop(): void;
  /** Rejects when the pool cannot start or its core fails the self-test. */
  readonly done: Promise<QuickOutcome>;
}

export type QuickStart = { ok: true; run: QuickRun } | { ok: false; busy: Holder };

export function startQuickMeasure(threads: number, seconds: number, onProgress: (p: QuickProgress) => void): QuickStart {
  const cancel = new AbortController();
  const claim = hashing.claim(MEASURE_OWNER, () => cancel.abort(), { exclusive: true });
  if (!claim.ok) return claim;
  const { lease } = claim;
  const total = WARMUP_SECONDS + seconds;

  async function run(): Promise<QuickOutcome> {
    onProgress({ elapsed: 0, total, hashrate: undefined, windows: 0 });
    const pool = await lease.pool(threads, true);
    if (cancel.signal.aborted) return { status: 'stopped' };
    const hidden: Interval[] = [];
    const t0 = performance.now();
    const now = () => (performance.now() - t0) / 1000;
    const onVisibility = () => {
      const open = hidden[hidden.length - 1];
      if (document.hidden) hidden.push({ start: now(), end: Infinity });
      else if (open && open.end === Infinity) open.end = now();
    };
    if (document.hidden) hidden.push({ start: 0, end: Infinity });
    document.addEventListener('visibilitychange', onVisibility);
    const base = pool.hashesByWorker();
    const samples: CounterSample[] = [{ time: 0, hashes: base.map(() => 0) }];
    const plan = { warmupSeconds: WARMUP_SECONDS, windowSeconds: WINDOW_SECONDS, hidden };
    const stopHashing = new AbortController();
    const sweeping = pool.sweep({ header: HEADER, target: new Uint8Array(32) }, { signal: stopHashing.signal });
    let failure: unknown;
    sweeping.catch((error: unknown) => (failure = error ?? new Error('the hashing pool failed')));
    try {
      const ended = await new Promise<'time' | 'stopped' | 'failed'>((resolve) => {
        let timer: ReturnType<typeof setTimeout>;
        const tick = () => {
          if (failure) return resolve('failed');
          const t = now();
          samples.push({ time: t, hashes: pool.hashesByWorker().map((h, i) => h - (base[i] ?? 0)) });
          const windows = cutWindows(samples, plan);
          onProgress({ elapsed: Math.min(t, total), total, hashrate: score(windows)?.hashrate, windows: windows.length });
          if (t >= total) return resolve('time');
          timer = setTimeout(tick, POLL_MS);
        };
        timer = setTimeout(tick, POLL_MS);
        cancel.signal.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve('stopped');
        });
      });
      stopHashing.abort();
      await sweeping.catch(() => undefined);
      if (ended === 'stopped') return { status: 'stopped' };
      if (ended === 'failed') throw failure;
      const end = now();
      for (const p of hidden) if (p.end === Infinity) p.end = end;
      const s = score(cutWindows(samples, plan));
      if (!s) return { status: 'no-valid-windows' };
      const by = lease.disturbances();
      const date = new Date().toISOString();
      if (by.length === 0 && saveMeasuredHashrate({ hashrate: s.hashrate, threads, date })) return { status: 'saved', hashrate: s.hashrate, threads, date };
      return { status: 'not-saved', hashrate: s.hashrate, threads, by };
    } finally {
      stopHashing.abort();
      document.removeEventListener('visibilitychange', onVisibility);
    }
  }

  const done = run().finally(() => lease.release());
  return { ok: true, run: { stop: () => cancel.abort(), done } };
}
