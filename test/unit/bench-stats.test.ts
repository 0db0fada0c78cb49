import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  WindowCutter,
  cutWindows,
  isStable,
  scaling,
  score,
  throttleCheck,
  totalDuration,
  windowSecondsFor,
  type CounterSample,
  type Interval,
  type MeasuredWindow,
} from '../../src/model/bench-stats.js';

/** Samples every `step` s from 0 to `end` s of workers hashing at the given steady rates (H/s). */
function steady(rates: number[], end: number, step = 0.1, rateAt: (t: number) => number = () => 1): CounterSample[] {
  const samples: CounterSample[] = [];
  const totals = rates.map(() => 0);
  for (let i = 0; i * step <= end + 1e-9; i++) {
    const t = Math.round(i * step * 1e6) / 1e6;
    if (i > 0) rates.forEach((r, w) => (totals[w]! += r * step * rateAt(t)));
    samples.push({ time: t, hashes: [...totals] });
  }
  return samples;
}

function windowAt(start: number, end: number, rate: number, valid = true): MeasuredWindow {
  return { start, end, seconds: end - start, hashes: rate * (end - start), rate, workerRates: [rate], valid, ...(valid ? {} : { invalid: 'hidden' as const }) };
}

describe('cutWindows', () => {
  it('leaves out the warm-up and cuts 1 s windows with exact rates', () => {
    const windows = cutWindows(steady([1000, 3000], 12), { warmupSeconds: 2, windowSeconds: 1 });
    expect(windows).toHaveLength(10);
    expect(windows[0]!.start).toBeCloseTo(2);
    for (const w of windows) {
      expect(w.seconds).toBeCloseTo(1);
      expect(w.rate).toBeCloseTo(4000);
      expect(w.workerRates[0]).toBeCloseTo(1000);
      expect(w.workerRates[1]).toBeCloseTo(3000);
      expect(w.valid).toBe(true);
    }
  });

  it('uses the real time between samples, not the nominal window length', () => {
    const samples: CounterSample[] = [
      { time: 0, hashes: [0] },
      { time: 1.3, hashes: [1300] },
      { time: 2.6, hashes: [2600] },
    ];
    const [w] = cutWindows(samples, { warmupSeconds: 0, windowSeconds: 1 });
    expect(w!.seconds).toBeCloseTo(1.3);
    expect(w!.rate).toBeCloseTo(1000);
  });

  it('marks windows that overlap a hidden period invalid, and only those', () => {
    const windows = cutWindows(steady([1000], 10), { warmupSeconds: 0, windowSeconds: 1, hidden: [{ start: 3.5, end: 5.2 }] });
    const invalid = windows.filter((w) => !w.valid);
    expect(invalid.map((w) => Math.round(w.start))).toEqual([3, 4, 5]);
    expect(invalid.every((w) => w.invalid === 'hidden')).toBe(true);
    expect(windows.filter((w) => w.valid)).toHaveLength(7);
  });

  it('an open hidden period (end Infinity) invalidates everything after it starts', () => {
    const windows = cutWindows(steady([1000], 6), { warmupSeconds: 0, windowSeconds: 1, hidden: [{ start: 4.5, end: Infinity }] });
    expect(windows.map((w) => w.valid)).toEqual([true, true, true, true, false, false]);
  });

  it('a pause ends the window in progress as invalid and the next starts after it', () => {
    // Paused from 3.5 s to 6 s: no hashes then.
    const samples = steady([1000], 10, 0.1, (t) => (t > 3.5 && t <= 6 ? 0 : 1));
    const windows = cutWindows(samples, { warmupSeconds: 0, windowSeconds: 1, paused: [{ start: 3.5, end: 6 }] });
    const paused = windows.filter((w) => w.invalid === 'paused');
    expect(paused).toHaveLength(1);
    expect(paused[0]!.start).toBeCloseTo(3);
    const valid = windows.filter((w) => w.valid);
    expect(valid.every((w) => Math.abs(w.rate - 1000) < 1e-6)).toBe(true);
    const after = valid.filter((w) => w.start > 3.5);
    expect(after[0]!.start).toBeCloseTo(6);
    expect(valid).toHaveLength(3 + 4);
  });

  it('returns nothing before the first window is complete, and never NaN', () => {
    expect(cutWindows([], { warmupSeconds: 1, windowSeconds: 1 })).toEqual([]);
    expect(cutWindows(steady([5], 1.5), { warmupSeconds: 1, windowSeconds: 1 })).toEqual([]);
    const same: CounterSample[] = [{ time: 2, hashes: [10] }, { time: 2, hashes: [10] }, { time: 3, hashes: [20] }];
    for (const w of cutWindows(same, { warmupSeconds: 0, windowSeconds: 1 })) expect(Number.isFinite(w.rate)).toBe(true);
  });

  it('rejects a window length that is not positive', () => {
    expect(() => cutWindows([], { warmupSeconds: 0, windowSeconds: 0 })).toThrow(RangeError);
    expect(() => cutWindows([], { warmupSeconds: -1, windowSeconds: 1 })).toThrow(RangeError);
  });
});

describe('score', () => {
  it('is the median of the valid windows with min, max and coefficient of variation', () => {
    const windows = [windowAt(0, 1, 100), windowAt(1, 2, 300), windowAt(2, 3, 200), windowAt(3, 4, 9999, false)];
    const s = score(windows)!;
    expect(s.hashrate).toBe(200);
    expect(s.min).toBe(100);
    expect(s.max).toBe(300);
    expect(s.cv).toBeCloseTo(0.5);
    expect(s.validWindows).toBe(3);
    expect(s.invalidWindows).toBe(1);
    expect(s.measuredSeconds).toBeCloseTo(3);
    expect(s.perWorker).toEqual([200]);
  });

  it('is undefined when no window is valid', () => {
    expect(score([])).toBeUndefined();
    expect(score([windowAt(0, 1, 5, false)])).toBeUndefined();
  });
});

describe('isStable', () => {
  const run = (rates: number[]) => rates.map((r, i) => windowAt(i, i + 1, r));
  it('needs enough windows', () => {
    expect(isStable(run([100, 100, 100, 100]))).toBe(false);
    expect(isStable(run([100, 100, 100, 100, 100]))).toBe(true);
  });
  it('is false while the latest windows vary more than 2%', () => {
    expect(isStable(run([100, 100, 100, 110, 90, 100]))).toBe(false);
    expect(isStable(run([100, 101, 99, 100, 100.5, 99.5]))).toBe(true);
  });
  it('is false while the rate still drifts away from the run so far', () => {
    expect(isStable(run([50, 50, 50, 50, 50, 50, 50, 100, 100, 100, 100, 100]))).toBe(false);
  });
  it('ignores invalid windows', () => {
    const windows = [...run([100, 100, 100, 100]), windowAt(4, 5, 1, false), windowAt(5, 6, 100)];
    expect(isStable(windows)).toBe(true);
  });
});

describe('throttleCheck', () => {
  const run = (rate: (i: number) => number, n: number) => Array.from({ length: n }, (_, i) => windowAt(i, i + 1, rate(i)));
  it('flags a last third more than 10% below the first', () => {
    const t = throttleCheck(run((i) => (i < 10 ? 1000 : i < 20 ? 950 : 850), 30));
    expect(t.checked).toBe(true);
    expect(t.firstThird).toBe(1000);
    expect(t.lastThird).toBe(850);
    expect(t.drop).toBeCloseTo(0.15);
    expect(t.throttled).toBe(true);
  });
  it('does not flag a drop of 10% or less, or a speed-up', () => {
    expect(throttleCheck(run((i) => (i < 20 ? 1000 : 901), 30)).throttled).toBe(false);
    expect(throttleCheck(run((i) => (i < 20 ? 1000 : 1200), 30)).drop).toBeLessThan(0);
  });
  it('does not judge short runs', () => {
    const t = throttleCheck(run((i) => (i < 5 ? 1000 : 100), 10));
    expect(t.checked).toBe(false);
    expect(t.throttled).toBe(false);
  });
  it('leaves invalid windows out of the thirds', () => {
    const windows = run((i) => (i >= 20 ? 500 : 1000), 30).map((w) => (w.start >= 20 ? { ...w, valid: false, invalid: 'hidden' as const } : w));
    expect(throttleCheck(windows).checked).toBe(false);
  });
});

describe('scaling', () => {
  it('gives speed-up over one thread and efficiency per thread', () => {
    const rows = scaling([
      { threads: 4, hashrate: 14 },
      { threads: 1, hashrate: 4 },
      { threads: 2, hashrate: 8 },
    ]);
    expect(rows.map((r) => r.threads)).toEqual([1, 2, 4]);
    expect(rows.map((r) => r.speedup)).toEqual([1, 2, 3.5]);
    expect(rows.map((r) => r.efficiency)).toEqual([1, 1, 0.875]);
  });
  it('without one thread, the smallest count stands in as perfectly scaled', () => {
    const rows = scaling([
      { threads: 2, hashrate: 10 },
      { threads: 4, hashrate: 15 },
    ]);
    expect(rows[0]!.speedup).toBe(2);
    expect(rows[1]!.speedup).toBe(3);
    expect(rows[1]!.efficiency).toBe(0.75);
  });
  it('never gives NaN, and rejects bad points', () => {
    expect(scaling([{ threads: 1, hashrate: 0 }, { threads: 2, hashrate: 0 }]).every((r) => r.speedup === 0 && r.efficiency === 0)).toBe(true);
    expect(scaling([])).toEqual([]);
    expect(() => scaling([{ threads: 0, hashrate: 1 }])).toThrow(RangeError);
    expect(() => scaling([{ threads: 1, hashrate: NaN }])).toThrow(RangeError);
  });
});

describe('helpers', () => {
  it('totalDuration counts open periods up to now', () => {
    expect(totalDuration([{ start: 1, end: 2 }, { start: 5, end: Infinity }], 7)).toBe(3);
    expect(totalDuration([], 7)).toBe(0);
  });
  it('windowSecondsFor gives 1 s windows, shorter for short runs', () => {
    expect(windowSecondsFor(30)).toBe(1);
    expect(windowSecondsFor(3)).toBeCloseTo(0.6);
    expect(windowSecondsFor(1)).toBe(0.25);
  });
});

describe('WindowCutter: windows cut as samples arrive', () => {
  // What measure.ts does: samples every ~100 ms; a hidden or paused period opens (end Infinity)
  // between two samples and closes later. Cutting as the samples come must give the windows that
  // cutting every sample afterwards, with the periods closed, gives.
  it('equals cutting all the samples at the end, with periods that open and close between samples', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 50, max: 150 }), { minLength: 5, maxLength: 120 }),
        fc.array(fc.tuple(fc.constantFrom('hidden', 'paused'), fc.nat(119), fc.integer({ min: 1, max: 30 }), fc.double({ min: 0.05, max: 0.95, noNaN: true })), { maxLength: 4 }),
        fc.constantFrom(0, 0.5, 2),
        fc.integer({ min: 1, max: 4 }),
        (gapsMs, periodSpecs, warmupSeconds, threads) => {
          const times: number[] = [0];
          for (const g of gapsMs) times.push(times[times.length - 1]! + g / 1000);
          const hidden: Interval[] = [];
          const paused: Interval[] = [];
          const plan = { warmupSeconds, windowSeconds: 1, hidden, paused };
          const cutter = new WindowCutter(plan);
          const samples: CounterSample[] = [];
          let hashes = Array.from({ length: threads }, () => 0);
          const opens = periodSpecs.map(([kind, at, length, frac]) => ({ kind, at: at % times.length, end: Math.min(times.length - 1, (at % times.length) + length), frac, period: undefined as Interval | undefined }));
          times.forEach((time, i) => {
            // Periods open and close between sample i-1 and sample i, at a fraction of the gap.
            for (const o of opens) {
              const between = i > 0 ? times[i - 1]! + o.frac * (time - times[i - 1]!) : time;
              if (i === o.at && i > 0) {
                o.period = { start: between, end: Infinity };
                (o.kind === 'hidden' ? hidden : paused).push(o.period);
              }
              if (i === o.end && o.period && o.period.end === Infinity) o.period.end = between;
            }
            hashes = hashes.map((h, w) => h + 1000 * (w + 1) + i);
            const sample = { time, hashes: [...hashes] };
            samples.push(sample);
            cutter.push(sample);
          });
          for (const o of opens) if (o.period && o.period.end === Infinity) o.period.end = times[times.length - 1]!;
          expect(cutter.windows).toEqual(cutWindows(samples, plan));
        },
      ),
      { seed: 20261202, numRuns: 300 },
    );
  });
});
