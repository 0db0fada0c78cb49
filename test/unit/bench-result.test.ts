import { describe, expect, it } from 'vitest';
import {
  BENCH_RESULT_FORMAT,
  BENCH_RESULT_VERSION,
  BenchResultError,
  benchResultFileName,
  bestRun,
  caveatPhrases,
  createBenchResult,
  isScore,
  parseBenchResult,
  validateBenchResult,
  type BenchResult,
  type RunRecord,
} from '../../src/model/bench-result.js';
import { EVIDENCE } from './evidence-fixture.js';

const GENESIS_HEADER =
  '0100000000000000000000000000000000000000000000000000000000000000000000003ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4a29ab5f49ffff001d1dac2b7c';

function run(threads: number, hashrate: number, simd = true): RunRecord {
  return {
    threads,
    simd,
    lanes: simd ? 4 : 1,
    hashrate,
    perWorker: Array.from({ length: threads }, () => hashrate / threads),
    min: hashrate * 0.98,
    max: hashrate * 1.02,
    cv: 0.01,
    warmupSeconds: 2,
    windowSeconds: 1,
    measuredSeconds: 3,
    ended: 'time',
    windows: [
      { start: 2, seconds: 1, rate: hashrate * 0.98, valid: true },
      { start: 3, seconds: 1, rate: hashrate, valid: true },
      { start: 4, seconds: 1, rate: hashrate * 1.02, valid: true },
      { start: 5, seconds: 1, rate: 10, valid: false, invalid: 'hidden' },
    ],
    hiddenSeconds: 0.8,
    throttling: { checked: false, firstThird: 0, lastThird: 0, drop: 0, throttled: false },
    incidents: [],
    gpuHashrate: null,
    evidence: { ...EVIDENCE, core: { ...EVIDENCE.core, build: simd ? 'simd' : 'scalar', lanes: simd ? 4 : 1 } },
  };
}

function make(kind: BenchResult['kind'] = 'run', runs = [run(2, 9.9e6)], disturbedBy: string[] = []): BenchResult {
  return createBenchResult({
    kind,
    label: 'office laptop',
    date: '2025-01-31T12:34:56.789Z',
    workload: { algorithm: 'sha256d-header', header: GENESIS_HEADER },
    backend: 'wasm',
    adapter: null,
    caveats: { disturbedBy, emulated: false },
    app: 'PoW Lab (browser)',
    device: {
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0',
      cores: 8,
      simdSupported: true,
      crossOriginIsolated: true,
      deviceMemoryGiB: null,
      battery: { start: { level: 0.8, charging: false }, end: { level: 0.78, charging: false } },
    },
    runs,
  });
}

/** A deep copy with one change made by `edit`. */
function edited(edit: (r: any) => void): unknown {
  const copy = JSON.parse(JSON.stringify(make()));
  edit(copy);
  return copy;
}

describe('bench result', () => {
  it('creates a versioned result carrying its core\'s evidence that round-trips through JSON', () => {
    const r = make();
    expect(r.format).toBe(BENCH_RESULT_FORMAT);
    expect(r.version).toBe(2);
    expect(BENCH_RESULT_VERSION).toBe(2);
    expect(r.runs[0]!.evidence).toEqual(EVIDENCE);
    expect(parseBenchResult(JSON.stringify(r))).toEqual(r);
  });

  it('refuses to create a result without evidence', () => {
    const bare = { ...run(2, 9.9e6), evidence: null };
    expect(() => make('run', [bare])).toThrow(/every new result records its core's evidence/);
  });

  it('marks a run with the tab hidden, or disturbed by another screen, as no score', () => {
    // run() has 0.8 s hidden: a caveat on its own.
    const hidden = make();
    expect(hidden.caveats).toEqual({ disturbedBy: [], hidden: true, emulated: false });
    expect(isScore(hidden)).toBe(false);
    expect(caveatPhrases(hidden)).toEqual(['the tab was hidden during the measurement']);
    const clean = make('run', [{ ...run(2, 9.9e6), hiddenSeconds: 0 }]);
    expect(clean.caveats.hidden).toBe(false);
    expect(isScore(clean)).toBe(true);
    const disturbed = make('run', [{ ...run(2, 9.9e6), hiddenSeconds: 0 }], ['the chain simulation (Difficulty)']);
    expect(isScore(disturbed)).toBe(false);
    expect(caveatPhrases(disturbed)).toEqual(['the chain simulation (Difficulty) ran during the measurement']);
    const emulated = { ...clean, caveats: { ...clean.caveats, emulated: true } };
    expect(isScore(emulated)).toBe(false);
  });

  it('reads a version 1 file: no evidence, so never a score, and never a constant stand-in for one', () => {
    const v1 = edited((r) => {
      r.version = 1;
      r.verified = true;
      for (const k of ['backend', 'adapter', 'caveats']) delete r[k];
      for (const run of r.runs) delete run.evidence;
      r.runs[0].hiddenSeconds = 0;
    });
    const read = parseBenchResult(JSON.stringify(v1));
    expect(read.version).toBe(2);
    expect(read).not.toHaveProperty('verified');
    expect(read.backend).toBe('wasm');
    expect(read.adapter).toBeNull();
    expect(read.runs[0]!.evidence).toBeNull();
    expect(read.caveats).toEqual({ disturbedBy: [], hidden: false, emulated: false });
    expect(isScore(read)).toBe(false);
    expect(() => validateBenchResult(read)).not.toThrow();
    // Version 1 still had to say verified: true.
    expect(() => parseBenchResult(JSON.stringify({ ...(v1 as object), verified: false }))).toThrow(/^verified: expected true/);
    // A version 1 file cannot be passed off as version 2 in memory.
    expect(() => validateBenchResult(v1)).toThrow(/^version: expected 2/);
  });

  it('accepts sweeps and SIMD pairs, and picks the best run', () => {
    const sweep = make('sweep', [run(1, 5e6), run(2, 9.8e6), run(3, 9.7e6)]);
    expect(bestRun(sweep).threads).toBe(2);
    const simd = make('simd', [run(2, 10e6, true), run(2, 3e6, false)]);
    expect(bestRun(simd).simd).toBe(true);
  });

  it('names its download after the date and what it holds', () => {
    expect(benchResultFileName(make())).toBe('powlab-bench-2025-01-31T12-34-56-2t.json');
    expect(benchResultFileName(make('sweep', [run(1, 5e6), run(2, 9e6)]))).toBe('powlab-bench-2025-01-31T12-34-56-sweep.json');
  });

  it('refuses text that is not JSON', () => {
    expect(() => parseBenchResult('{not json')).toThrow(/not valid JSON/);
    expect(() => parseBenchResult('')).toThrow(BenchResultError);
  });

  it('refuses files of another kind or a newer version with a clear reason', () => {
    expect(() => parseBenchResult('[]')).toThrow(/result: expected an object, got a list/);
    expect(() => parseBenchResult('{"format":"other"}')).toThrow(/not a PoW Lab benchmark result/);
    expect(() => validateBenchResult(edited((r) => (r.version = 3)))).toThrow(/newer PoW Lab \(format version 3\)/);
    expect(() => validateBenchResult(edited((r) => (r.version = '1')))).toThrow(/^version: expected a number, got the text "1"$/);
  });

  for (const [what, edit, message] of [
    ['an unknown kind', (r: any) => (r.kind = 'marathon'), /^kind: expected one of "run", "sweep", "simd"/],
    ['a bad date', (r: any) => (r.date = 'yesterday'), /^date: expected an ISO 8601 UTC date/],
    ['a header that is not 80 bytes', (r: any) => (r.workload.header = 'abcd'), /^workload.header: expected 160 lowercase hex digits/],
    ['a run without evidence', (r: any) => delete r.runs[0].evidence, /^runs\[0\]\.evidence: expected an object, got undefined/],
    ['a checksum of another workload', (r: any) => (r.runs[0].evidence.checksum.workload = 'xmrig'), /^runs\[0\]\.evidence\.checksum\.workload: expected one of "powlab-checksum-v1"/],
    ['a checksum that is not hex', (r: any) => (r.runs[0].evidence.checksum.value = 'zz'), /^runs\[0\]\.evidence\.checksum\.value: expected 64 lowercase hex digits/],
    ['a known answer nonce past 2^32 - 1', (r: any) => (r.runs[0].evidence.knownAnswer.nonce = 2 ** 32), /^runs\[0\]\.evidence\.knownAnswer\.nonce: expected a number from 0 to 4294967295/],
    ['an unknown backend', (r: any) => (r.backend = 'quantum'), /^backend: expected one of "wasm", "webgpu", "both"/],
    ['caveats missing', (r: any) => delete r.caveats, /^caveats: expected an object, got undefined/],
    ['an adapter without its fallback flag', (r: any) => (r.adapter = { vendor: 'v', architecture: 'a', device: 'd', description: '' }), /^adapter\.isFallbackAdapter: expected true or false/],
    ['no runs', (r: any) => (r.runs = []), /^runs: expected at least 1 entry, got 0/],
    ['two runs in a single run', (r: any) => r.runs.push(r.runs[0]), /kind "run" holds exactly 1 run/],
    ['a negative hashrate', (r: any) => (r.runs[0].hashrate = -1), /^runs\[0\]\.hashrate: expected a number from 0/],
    ['a NaN hashrate (null in JSON)', (r: any) => (r.runs[0].hashrate = null), /^runs\[0\]\.hashrate: expected a number, got null/],
    ['a median outside min..max', (r: any) => (r.runs[0].max = 1), /not between min/],
    ['one rate per worker missing', (r: any) => r.runs[0].perWorker.pop(), /^runs\[0\]\.perWorker: expected one rate per thread \(2\), got 1/],
    ['zero threads', (r: any) => (r.runs[0].threads = 0), /^runs\[0\]\.threads: expected a number from 1/],
    ['fractional threads', (r: any) => (r.runs[0].threads = 1.5), /^runs\[0\]\.threads: expected a whole number/],
    ['an invalid window without a reason', (r: any) => delete r.runs[0].windows[3].invalid, /^runs\[0\]\.windows\[3\]\.invalid: expected one of "hidden", "paused"/],
    ['no valid window', (r: any) => r.runs[0].windows.forEach((w: any) => ((w.valid = false), (w.invalid = 'hidden'))), /at least one valid window/],
    ['a battery level over 1', (r: any) => (r.device.battery.end.level = 78), /^device\.battery\.end\.level: expected a number from 0 to 1, got 78/],
    ['cores as text', (r: any) => (r.device.cores = 'eight'), /^device\.cores: expected a number, got the text "eight"/],
    ['a missing device', (r: any) => delete r.device, /^device: expected an object, got undefined/],
  ] as const) {
    it(`refuses ${what}, naming the field`, () => {
      expect(() => validateBenchResult(edited(edit))).toThrow(BenchResultError);
      expect(() => validateBenchResult(edited(edit))).toThrow(message);
    });
  }

  it('accepts browsers that expose neither cores, memory nor battery', () => {
    const r = edited((x) => {
      x.device.cores = null;
      x.device.deviceMemoryGiB = null;
      x.device.battery = null;
    });
    expect(() => validateBenchResult(r)).not.toThrow();
  });
});
