// The statistics of a browser benchmark run, as pure functions over numbers (no DOM, no workers).
//
// A run is observed by polling the pool's cumulative per-worker hash counters. Each poll is a sample
// (time, counters). Consecutive samples are grouped into measurement windows of about
// `windowSeconds`; the rate of a window is its hashes divided by its measured length (the real time
// between its first and last sample, not the nominal length). Samples in the warm-up are not used.
//
// A window is invalid, and left out of every figure, when it overlaps a period in which the tab was
// hidden (browsers throttle background tabs) or the run was paused. A pause also ends the window in
// progress, so the next window starts cleanly when the run resumes.

import { median, spread, type Spread } from './stats.js';

/** One poll of the counters: seconds since the run started, and hashes done by each worker so far. */
export interface CounterSample {
  time: number;
  hashes: readonly number[];
}

/** A period of the run, in seconds since the run started; `end` is Infinity while it lasts. */
export interface Interval {
  start: number;
  end: number;
}

export type InvalidReason = 'hidden' | 'paused';

export interface MeasuredWindow {
  /** Seconds since the run started. */
  start: number;
  end: number;
  seconds: number;
  /** Hashes done by all workers in the window. */
  hashes: number;
  /** Total hashes per second. */
  rate: number;
  /** Hashes per second of each worker. */
  workerRates: number[];
  valid: boolean;
  /** Why the window is not counted, when it is not. */
  invalid?: InvalidReason;
}

export interface WindowPlan {
  warmupSeconds: number;
  windowSeconds: number;
  /** Periods in which the tab was hidden. */
  hidden?: readonly Interval[];
  /** Periods in which the run was paused. */
  paused?: readonly Interval[];
}

function overlaps(a: number, b: number, periods: readonly Interval[] | undefined): boolean {
  if (!periods) return false;
  return periods.some((p) => p.start < b && p.end > a);
}

function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

function makeWindow(from: CounterSample, to: CounterSample, invalid: InvalidReason | undefined): MeasuredWindow {
  const seconds = to.time - from.time;
  const workerRates = to.hashes.map((h, i) => Math.max(0, h - (from.hashes[i] ?? 0)) / seconds);
  const hashes = Math.max(0, sum(to.hashes) - sum(from.hashes));
  const window: MeasuredWindow = { start: from.time, end: to.time, seconds, hashes, rate: hashes / seconds, workerRates, valid: !invalid };
  if (invalid) window.invalid = invalid;
  return window;
}

/**
 * Cuts samples into measurement windows as they arrive, keeping only the two samples it needs (the
 * window's first and the latest), so a long run's memory does not grow with its samples. Only
 * complete windows are in `windows`. The hidden and paused periods are read at each push: a period
 * that touches a segment has always begun before the segment's closing sample is pushed.
 */
export class WindowCutter {
  readonly windows: MeasuredWindow[] = [];
  private first: CounterSample | undefined;
  private prev: CounterSample | undefined;
  private invalid: InvalidReason | undefined;
  private inPause = false;

  constructor(private readonly plan: WindowPlan) {
    if (!(plan.windowSeconds > 0)) throw new RangeError(`windowSeconds must be positive, got ${plan.windowSeconds}`);
    if (!(plan.warmupSeconds >= 0)) throw new RangeError(`warmupSeconds must be 0 or more, got ${plan.warmupSeconds}`);
  }

  /** Adds the next sample (in time order). */
  push(sample: CounterSample): void {
    const { plan } = this;
    if (sample.time < plan.warmupSeconds) {
      this.prev = sample;
      return;
    }
    if (!this.first) {
      // The first window starts at the first sample after the warm-up.
      this.first = sample;
      this.prev = sample;
      return;
    }
    const segmentStart = this.prev!.time;
    this.prev = sample;
    if (overlaps(segmentStart, sample.time, plan.paused)) {
      // A pause ends the window in progress (kept, marked invalid); the next starts after the pause.
      if (!this.inPause && sample.time > this.first.time) this.windows.push(makeWindow(this.first, sample, 'paused'));
      this.inPause = true;
      this.first = sample;
      this.invalid = undefined;
      return;
    }
    this.inPause = false;
    if (overlaps(segmentStart, sample.time, plan.hidden)) this.invalid = 'hidden';
    if (sample.time - this.first.time >= plan.windowSeconds - 1e-9) {
      this.windows.push(makeWindow(this.first, sample, this.invalid));
      this.first = sample;
      this.invalid = undefined;
    }
  }
}

/**
 * Cuts samples (in time order) into measurement windows. Only complete windows are returned: the
 * samples after the last full window are the window still being measured.
 */
export function cutWindows(samples: readonly CounterSample[], plan: WindowPlan): MeasuredWindow[] {
  const cutter = new WindowCutter(plan);
  for (const sample of samples) cutter.push(sample);
  return cutter.windows;
}

/** Time spent in the given periods up to `now` (an open period counts up to now). */
export function totalDuration(periods: readonly Interval[], now: number): number {
  return sum(periods.map((p) => Math.max(0, Math.min(p.end, now) - p.start)));
}

export interface Score extends Spread {
  /** Median total H/s over the valid windows: the figure a run reports. */
  hashrate: number;
  /** Median H/s of each worker over the valid windows. */
  perWorker: number[];
  validWindows: number;
  invalidWindows: number;
  /** Seconds covered by the valid windows. */
  measuredSeconds: number;
}

/** The score of a run, or undefined when it has no valid window (nothing trustworthy to report). */
export function score(windows: readonly MeasuredWindow[]): Score | undefined {
  const valid = windows.filter((w) => w.valid);
  if (valid.length === 0) return undefined;
  const rates = valid.map((w) => w.rate);
  const workers = Math.max(...valid.map((w) => w.workerRates.length));
  return {
    hashrate: median(rates),
    ...spread(rates),
    perWorker: Array.from({ length: workers }, (_, i) => median(valid.map((w) => w.workerRates[i] ?? 0))),
    validWindows: valid.length,
    invalidWindows: windows.length - valid.length,
    measuredSeconds: sum(valid.map((w) => w.seconds)),
  };
}

export interface StablePlan {
  /** How many of the latest valid windows are judged (default 5). */
  last?: number;
  /** Their coefficient of variation must be at or below this (default 0.02, i.e. 2%). */
  maxCv?: number;
  /** And their median within this fraction of the median of every valid window (default 0.02). */
  maxDrift?: number;
}

/**
 * "Stop when stable": true once the latest valid windows agree with each other (low coefficient of
 * variation) and with the run so far (median has stopped drifting). Needs at least `last` valid windows.
 */
export function isStable(windows: readonly MeasuredWindow[], plan: StablePlan = {}): boolean {
  const last = plan.last ?? 5;
  const maxCv = plan.maxCv ?? 0.02;
  const maxDrift = plan.maxDrift ?? 0.02;
  const valid = windows.filter((w) => w.valid).map((w) => w.rate);
  if (valid.length < last || last < 2) return false;
  const recent = valid.slice(-last);
  const all = median(valid);
  if (!(all > 0)) return false;
  return spread(recent).cv <= maxCv && Math.abs(median(recent) - all) / all <= maxDrift;
}

export interface ThrottleCheck {
  /** False when the run was too short (or had too few valid windows) to judge. */
  checked: boolean;
  /** Median H/s of the valid windows in the first and the last third of the run. */
  firstThird: number;
  lastThird: number;
  /** Fraction the last third is below the first (negative when faster). */
  drop: number;
  /** True when the last third is more than `threshold` below the first. */
  throttled: boolean;
}

export interface ThrottlePlan {
  /** Shortest run (measured seconds, first to last window) judged; default 20. */
  minSeconds?: number;
  /** Default 0.10: more than 10% slower counts as throttling. */
  threshold?: number;
}

/**
 * Thermal or power throttling: the last third of a long run more than 10% below the first third.
 * Thirds are by time between the first window's start and the last window's end; a window belongs
 * to the third holding its midpoint.
 */
export function throttleCheck(windows: readonly MeasuredWindow[], plan: ThrottlePlan = {}): ThrottleCheck {
  const minSeconds = plan.minSeconds ?? 20;
  const threshold = plan.threshold ?? 0.1;
  const none: ThrottleCheck = { checked: false, firstThird: 0, lastThird: 0, drop: 0, throttled: false };
  if (windows.length === 0) return none;
  const begin = windows[0]!.start;
  const end = windows[windows.length - 1]!.end;
  const length = end - begin;
  if (length < minSeconds) return none;
  const mid = (w: MeasuredWindow) => (w.start + w.end) / 2;
  const valid = windows.filter((w) => w.valid);
  const first = valid.filter((w) => mid(w) < begin + length / 3).map((w) => w.rate);
  const lastThird = valid.filter((w) => mid(w) >= end - length / 3).map((w) => w.rate);
  if (first.length < 2 || lastThird.length < 2) return none;
  const a = median(first);
  const b = median(lastThird);
  if (!(a > 0)) return none;
  const drop = 1 - b / a;
  return { checked: true, firstThird: a, lastThird: b, drop, throttled: drop > threshold };
}

export interface ScalingPoint {
  threads: number;
  hashrate: number;
}

export interface ScalingRow extends ScalingPoint {
  /** Hashrate over the one-thread hashrate. */
  speedup: number;
  /** Speed-up over thread count: 1 is perfect scaling. */
  efficiency: number;
}

/**
 * Speed-up and efficiency for each thread count, relative to one thread. Without a one-thread point
 * the smallest thread count stands in, assumed to scale perfectly up to itself.
 */
export function scaling(points: readonly ScalingPoint[]): ScalingRow[] {
  if (points.length === 0) return [];
  for (const p of points) {
    if (!Number.isInteger(p.threads) || p.threads < 1) throw new RangeError(`threads must be a whole number of at least 1, got ${p.threads}`);
    if (!Number.isFinite(p.hashrate) || p.hashrate < 0) throw new RangeError(`hashrate must be a finite number of at least 0, got ${p.hashrate}`);
  }
  const sorted = [...points].sort((a, b) => a.threads - b.threads);
  const base = sorted[0]!;
  const perThread = base.hashrate / base.threads;
  return sorted.map((p) => {
    const speedup = perThread > 0 ? p.hashrate / perThread : 0;
    return { ...p, speedup, efficiency: speedup / p.threads };
  });
}

/** Window length for a run of `seconds`: 1 s, shorter for short runs so there are at least 5 windows. */
export function windowSecondsFor(seconds: number): number {
  return Math.min(1, Math.max(0.25, seconds / 5));
}
