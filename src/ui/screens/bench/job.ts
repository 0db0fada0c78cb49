// A benchmark job: one measurement, a thread sweep or a SIMD comparison, run step after step under
// one claim on the page's hashing registry. The claim is exclusive, so nothing starts while Mine a
// block hashes or a simulation runs; a task that starts anyway during the job (a simulation on
// another screen) is recorded against the lease and in the result's caveats: its figure is not a
// score. The lease is released when the job ends, is stopped or fails.

import { GENESIS } from '../../../engine/core/known-answer.js';
import { hashing } from '../../../engine/mining/hashing.js';
import type { Holder } from '../../../engine/mining/registry.js';
import { createBenchResult, type AdapterFacts, type Backend, type BenchKind, type BenchResult, type RunRecord } from '../../../model/bench-result.js';
import { windowSecondsFor } from '../../../model/bench-stats.js';
import { deviceFacts, readBattery } from './device.js';
import { startMeasurement, type Measurement, type MeasurePlan, type MeasureUpdate } from './measure.js';

/** The name the registry (and other screens' busy notices) give a running benchmark. */
export const BENCH_OWNER = 'the benchmark';
export const WARMUP_SECONDS = 2;
export const PRESETS = { quick: 10, standard: 30, stress: 300 } as const;
export const CUSTOM_SECONDS = { min: 1, max: 3600 };

export interface Job {
  kind: BenchKind;
  plans: MeasurePlan[];
  label: string;
  /** Put before every status line ("From the link: "), or ''. */
  origin: string;
}

export function planFor(threads: number, simd: boolean, seconds: number, stopWhenStable: boolean, warmupSeconds = WARMUP_SECONDS, backend: Backend = 'wasm'): MeasurePlan {
  return { backend, threads, simd, seconds, warmupSeconds, windowSeconds: windowSecondsFor(seconds), stopWhenStable };
}

export type JobOutcome =
  /** A result; when something disturbed it, its caveats say so and it is no score (isScore). */
  | { status: 'done'; result: BenchResult }
  | { status: 'stopped' }
  | { status: 'no-valid-windows'; hiddenSeconds: number };

export interface JobEvents {
  /** Step `step` (0-based) of the job measured `update`. */
  onUpdate(step: number, plan: MeasurePlan, update: MeasureUpdate): void;
  /** A new step begins (its chart starts empty). */
  onStep(step: number, plan: MeasurePlan): void;
  onIncident(message: string): void;
  /** Someone else started using the CPU while the job runs; `by` is everyone so far. */
  onDisturbed(by: readonly string[]): void;
}

export interface RunningJob {
  pause(): void;
  resume(): void;
  stop(): void;
  readonly paused: boolean;
  /** Rejects when a step fails (a pool that cannot start, a core that fails its self-test). */
  readonly done: Promise<JobOutcome>;
}

export type JobStart = { ok: true; job: RunningJob } | { ok: false; busy: Holder };

/** Claims the hashing registry and starts `job`, or says who holds it (nothing is started then). */
export function startJob(job: Job, events: JobEvents): JobStart {
  let current: Measurement | undefined;
  let stopped = false;
  let paused = false;
  const stop = () => {
    stopped = true;
    current?.stop();
  };
  const claim = hashing.claim(BENCH_OWNER, stop, { exclusive: true });
  if (!claim.ok) return claim;
  const { lease } = claim;

  let told = 0;
  const unwatch = hashing.watch(() => {
    const by = lease.disturbances();
    if (by.length > told) {
      told = by.length;
      events.onDisturbed(by);
    }
  });

  async function run(): Promise<JobOutcome> {
    const batteryStart = await readBattery();
    const runs: RunRecord[] = [];
    let adapter: AdapterFacts | null = null;
    let emulated = false;
    for (const [step, plan] of job.plans.entries()) {
      if (stopped) return { status: 'stopped' };
      events.onStep(step, plan);
      current = startMeasurement(lease, plan, {
        onUpdate: (update) => events.onUpdate(step, plan, update),
        onIncident: (message) => events.onIncident(message),
      });
      if (paused) current.pause();
      const outcome = await current.done;
      if (outcome.status === 'cancelled') return { status: 'stopped' };
      if (outcome.status === 'no-valid-windows') return outcome;
      runs.push(outcome.run);
      adapter ??= outcome.adapter;
      emulated ||= outcome.emulated;
    }
    const batteryEnd = batteryStart ? await readBattery() : null;
    const result = createBenchResult({
      kind: job.kind,
      label: job.label,
      date: new Date().toISOString(),
      workload: { algorithm: 'sha256d-header', header: GENESIS.headerHex },
      backend: job.plans[0]!.backend,
      adapter,
      caveats: { disturbedBy: lease.disturbances(), emulated },
      app: 'PoW Lab (browser)',
      device: deviceFacts(batteryStart && batteryEnd ? { start: batteryStart, end: batteryEnd } : null),
      runs,
    });
    return { status: 'done', result };
  }

  const done = run().finally(() => {
    current = undefined;
    unwatch();
    lease.release();
  });

  return {
    ok: true,
    job: {
      pause() {
        paused = true;
        current?.pause();
      },
      resume() {
        paused = false;
        current?.resume();
      },
      stop,
      get paused() {
        return paused;
      },
      done,
    },
  };
}
