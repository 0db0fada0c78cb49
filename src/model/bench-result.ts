// The benchmark result file: a versioned, documented JSON format (docs/bench-result-schema.md) that
// the Benchmark screen downloads, keeps in its history, and imports from other devices to compare.
// Pure data and checks: no DOM. parseBenchResult() is the one way in for anything read back.

import { messageOf } from './validate.js';
import { CHECKSUM_WORKLOAD, type WorkloadChecksum } from './workload-checksum.js';

export const BENCH_RESULT_FORMAT = 'powlab-bench-result';
/** Version 2 replaced version 1's constant `verified: true` with evidence; version 1 files still read. */
export const BENCH_RESULT_VERSION = 2;

/** What did the hashing: the WebAssembly core on the CPU, WebGPU, or both at once. */
export type Backend = 'wasm' | 'webgpu' | 'both';

/** The WebGPU adapter as the browser describes it (GPUAdapterInfo and the fallback flag). */
export interface AdapterFacts {
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  isFallbackAdapter: boolean;
}

/**
 * What the core proved before any figure was taken, as it found it: the build it was, the genesis
 * block's nonce and hash mined from just below the nonce, and the checksum workload's books.
 */
export interface CoreEvidence {
  core: {
    build: 'simd' | 'scalar';
    lanes: number;
    /** SHA-256 of the .wasm file that ran; null where the runtime could not read its bytes. */
    wasmSha256: string | null;
  };
  knownAnswer: { block: 'genesis'; nonce: number; hash: string };
  checksum: WorkloadChecksum;
}

/** Why a figure is not a clean score of the device. A result with none is a score. */
export interface Caveats {
  /** What else hashed or ran on the processor during the measurement (other screens' work). */
  disturbedBy: string[];
  /** The tab was hidden during the measurement (those windows are left out, but the device was not idle). */
  hidden: boolean;
  /** Measured on an emulated (software) GPU adapter: not a GPU figure. */
  emulated: boolean;
}

/** What a result file holds: one run, a thread sweep (1..N), or a SIMD on/off pair. */
export type BenchKind = 'run' | 'sweep' | 'simd';

export interface BatteryReading {
  /** 0..1 as the Battery Status API reports it. */
  level: number;
  charging: boolean;
}

export interface DeviceFacts {
  userAgent: string;
  /** navigator.hardwareConcurrency; null when the browser does not say. */
  cores: number | null;
  simdSupported: boolean;
  crossOriginIsolated: boolean;
  /** navigator.deviceMemory in GiB (rounded by the browser); null where not exposed. */
  deviceMemoryGiB: number | null;
  /** Battery at the start and end of the measurement; null where the Battery Status API is missing. */
  battery: { start: BatteryReading; end: BatteryReading } | null;
}

export interface WindowRecord {
  /** Seconds since the run started. */
  start: number;
  seconds: number;
  /** Total hashes per second in the window. */
  rate: number;
  valid: boolean;
  /** Why an invalid window was left out: the tab was hidden, or the run was paused. */
  invalid?: 'hidden' | 'paused';
}

/** One measurement at one thread count and one core build. */
export interface RunRecord {
  /** CPU worker threads that hashed; 0 when the GPU hashed alone. */
  threads: number;
  simd: boolean;
  /** Hashes computed side by side by one core call: 4 for SIMD, 1 for scalar. */
  lanes: number;
  /** Median total H/s over the valid windows: the score. */
  hashrate: number;
  /** Each CPU worker's median H/s. */
  perWorker: number[];
  /** The GPU's median H/s when it hashed (backend webgpu or both), else null. */
  gpuHashrate: number | null;
  min: number;
  max: number;
  /** Coefficient of variation of the valid windows' rates (standard deviation / mean). */
  cv: number;
  warmupSeconds: number;
  windowSeconds: number;
  /** Seconds covered by the valid windows. */
  measuredSeconds: number;
  /** Why the run ended: its planned time was up, or its rate was stable ("stop when stable" mode). */
  ended: 'time' | 'stable';
  windows: WindowRecord[];
  /** Seconds the tab was hidden during the run (0 when it stayed visible). */
  hiddenSeconds: number;
  throttling: { checked: boolean; firstThird: number; lastThird: number; drop: number; throttled: boolean };
  /** Workers that crashed or hung and were replaced, as the pool reported them. */
  incidents: string[];
  /** What this run's core proved before timing; null only in a file of format version 1. */
  evidence: CoreEvidence | null;
}

export interface BenchResult {
  format: typeof BENCH_RESULT_FORMAT;
  version: typeof BENCH_RESULT_VERSION;
  kind: BenchKind;
  /** A name for this device, typed by the person who ran it (may be empty). */
  label: string;
  /** When the result was made, ISO 8601 (UTC). */
  date: string;
  /** What was hashed: SHA-256d of an 80-byte block header, all nonces, an unreachable target. */
  workload: { algorithm: 'sha256d-header'; header: string };
  backend: Backend;
  /** The WebGPU adapter, when the backend used one; null for the CPU alone. */
  adapter: AdapterFacts | null;
  caveats: Caveats;
  /** Which app made it, e.g. "PoW Lab (browser)". */
  app: string;
  device: DeviceFacts;
  /** At least one run; a sweep has one per thread count, a SIMD comparison one per build. */
  runs: RunRecord[];
}

/** A file that is not a valid result; the message names the field and says what was wrong. */
export class BenchResultError extends Error {
  override name = 'BenchResultError';
}

export function createBenchResult(fields: Omit<BenchResult, 'format' | 'version' | 'caveats'> & { caveats: Omit<Caveats, 'hidden'> }): BenchResult {
  if (fields.runs.some((r) => r.evidence === null)) throw new BenchResultError('runs: every new result records its core\'s evidence');
  const result: BenchResult = {
    format: BENCH_RESULT_FORMAT,
    version: BENCH_RESULT_VERSION,
    ...fields,
    caveats: { ...fields.caveats, hidden: fields.runs.some((r) => r.hiddenSeconds > 0) },
  };
  validateBenchResult(result);
  return result;
}

/** The caveats in words, one short phrase each; empty for a clean score. */
export function caveatPhrases(result: BenchResult): string[] {
  const { disturbedBy, hidden, emulated } = result.caveats;
  return [
    ...(disturbedBy.length > 0 ? [`${disturbedBy.join(' and ')} ran during the measurement`] : []),
    ...(hidden ? ['the tab was hidden during the measurement'] : []),
    ...(emulated ? ['measured on an emulated GPU adapter (the CPU), not a GPU'] : []),
  ];
}

/** True when every run recorded its core's evidence (false for files of format version 1). */
export function hasEvidence(result: BenchResult): boolean {
  return result.runs.every((r) => r.evidence !== null);
}

/** A figure fit to stand as this device's score: evidence recorded and nothing disturbed it. */
export function isScore(result: BenchResult): boolean {
  return hasEvidence(result) && caveatPhrases(result).length === 0;
}

/** The best run of a result (the highest score): what a one-line summary and the history show. */
export function bestRun(result: BenchResult): RunRecord {
  return result.runs.reduce((a, b) => (b.hashrate > a.hashrate ? b : a));
}

// ---- checks ----------------------------------------------------------------------------------------

type Obj = Record<string, unknown>;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.length > 40 ? `the text "${value.slice(0, 40)}…"` : `the text "${value}"`;
  if (typeof value === 'number') return Number.isFinite(value) ? `${value}` : String(value);
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

function fail(path: string, expected: string, got: unknown): never {
  throw new BenchResultError(`${path}: expected ${expected}, got ${describe(got)}`);
}

function obj(value: unknown, path: string): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'an object', value);
  return value as Obj;
}

function list(value: unknown, path: string, minLength = 0): unknown[] {
  if (!Array.isArray(value)) fail(path, 'a list', value);
  if (value.length < minLength) throw new BenchResultError(`${path}: expected at least ${minLength} entr${minLength === 1 ? 'y' : 'ies'}, got ${value.length}`);
  return value;
}

function num(value: unknown, path: string, min = 0, max = Number.MAX_VALUE): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, 'a number', value);
  if (value < min || value > max) fail(path, `a number from ${min} to ${max}`, value);
  return value;
}

function int(value: unknown, path: string, min: number, max: number): number {
  const n = num(value, path, min, max);
  if (!Number.isInteger(n)) fail(path, 'a whole number', value);
  return n;
}

function bool(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, 'true or false', value);
  return value;
}

function str(value: unknown, path: string, maxLength = 2000): string {
  if (typeof value !== 'string') fail(path, 'text', value);
  if (value.length > maxLength) fail(path, `text of at most ${maxLength} characters`, `${value.length} characters`);
  return value;
}

function oneOf<T extends string>(value: unknown, path: string, options: readonly T[]): T {
  if (typeof value !== 'string' || !options.includes(value as T)) fail(path, `one of ${options.map((o) => `"${o}"`).join(', ')}`, value);
  return value as T;
}

function battery(value: unknown, path: string): void {
  const b = obj(value, path);
  num(b['level'], `${path}.level`, 0, 1);
  bool(b['charging'], `${path}.charging`);
}

function checkDevice(value: unknown, path: string): void {
  const d = obj(value, path);
  str(d['userAgent'], `${path}.userAgent`);
  if (d['cores'] !== null) int(d['cores'], `${path}.cores`, 1, 65536);
  bool(d['simdSupported'], `${path}.simdSupported`);
  bool(d['crossOriginIsolated'], `${path}.crossOriginIsolated`);
  if (d['deviceMemoryGiB'] !== null) num(d['deviceMemoryGiB'], `${path}.deviceMemoryGiB`, 0, 1 << 20);
  if (d['battery'] !== null) {
    const b = obj(d['battery'], `${path}.battery`);
    battery(b['start'], `${path}.battery.start`);
    battery(b['end'], `${path}.battery.end`);
  }
}

function checkRun(value: unknown, path: string, version: number, backend: Backend): void {
  const r = obj(value, path);
  if (version >= 2) {
    if (r['evidence'] !== null) checkEvidence(r['evidence'], `${path}.evidence`);
    if (backend === 'wasm') {
      if (r['gpuHashrate'] !== null) fail(`${path}.gpuHashrate`, 'null (no GPU hashed on the "wasm" backend)', r['gpuHashrate']);
    } else num(r['gpuHashrate'], `${path}.gpuHashrate`);
  }
  const threads = int(r['threads'], `${path}.threads`, backend === 'webgpu' ? 0 : 1, 65536);
  bool(r['simd'], `${path}.simd`);
  int(r['lanes'], `${path}.lanes`, 1, 64);
  const hashrate = num(r['hashrate'], `${path}.hashrate`);
  const perWorker = list(r['perWorker'], `${path}.perWorker`);
  if (perWorker.length !== threads) throw new BenchResultError(`${path}.perWorker: expected one rate per thread (${threads}), got ${perWorker.length}`);
  perWorker.forEach((v, i) => num(v, `${path}.perWorker[${i}]`));
  const min = num(r['min'], `${path}.min`);
  const max = num(r['max'], `${path}.max`);
  if (min > hashrate || hashrate > max) throw new BenchResultError(`${path}: the median hashrate ${hashrate} is not between min ${min} and max ${max}`);
  num(r['cv'], `${path}.cv`, 0, 100);
  num(r['warmupSeconds'], `${path}.warmupSeconds`, 0, 86400);
  num(r['windowSeconds'], `${path}.windowSeconds`, 0.001, 86400);
  num(r['measuredSeconds'], `${path}.measuredSeconds`, 0, 10 * 86400);
  oneOf(r['ended'], `${path}.ended`, ['time', 'stable'] as const);
  const windows = list(r['windows'], `${path}.windows`, 1);
  windows.forEach((w, i) => {
    const p = `${path}.windows[${i}]`;
    const o = obj(w, p);
    num(o['start'], `${p}.start`);
    num(o['seconds'], `${p}.seconds`, 0.000001, 86400);
    num(o['rate'], `${p}.rate`);
    const valid = bool(o['valid'], `${p}.valid`);
    if (!valid) oneOf(o['invalid'], `${p}.invalid`, ['hidden', 'paused'] as const);
    else if (o['invalid'] !== undefined) fail(`${p}.invalid`, 'no reason on a valid window', o['invalid']);
  });
  if (!windows.some((w) => (w as Obj)['valid'] === true)) throw new BenchResultError(`${path}.windows: expected at least one valid window, got none`);
  num(r['hiddenSeconds'], `${path}.hiddenSeconds`, 0, 10 * 86400);
  const t = obj(r['throttling'], `${path}.throttling`);
  bool(t['checked'], `${path}.throttling.checked`);
  num(t['firstThird'], `${path}.throttling.firstThird`);
  num(t['lastThird'], `${path}.throttling.lastThird`);
  num(t['drop'], `${path}.throttling.drop`, -1e6, 1);
  bool(t['throttled'], `${path}.throttling.throttled`);
  list(r['incidents'], `${path}.incidents`).forEach((m, i) => str(m, `${path}.incidents[${i}]`));
}

function hex64(value: unknown, path: string): string {
  const text = str(value, path, 64);
  if (!/^[0-9a-f]{64}$/.test(text)) fail(path, '64 lowercase hex digits', text);
  return text;
}

function checkAdapter(value: unknown, path: string): void {
  const a = obj(value, path);
  for (const key of ['vendor', 'architecture', 'device', 'description'] as const) str(a[key], `${path}.${key}`, 200);
  bool(a['isFallbackAdapter'], `${path}.isFallbackAdapter`);
}

function checkEvidence(value: unknown, path: string): void {
  const e = obj(value, path);
  const core = obj(e['core'], `${path}.core`);
  oneOf(core['build'], `${path}.core.build`, ['simd', 'scalar'] as const);
  int(core['lanes'], `${path}.core.lanes`, 1, 64);
  if (core['wasmSha256'] !== null) hex64(core['wasmSha256'], `${path}.core.wasmSha256`);
  const known = obj(e['knownAnswer'], `${path}.knownAnswer`);
  oneOf(known['block'], `${path}.knownAnswer.block`, ['genesis'] as const);
  int(known['nonce'], `${path}.knownAnswer.nonce`, 0, 0xffffffff);
  hex64(known['hash'], `${path}.knownAnswer.hash`);
  const c = obj(e['checksum'], `${path}.checksum`);
  oneOf(c['workload'], `${path}.checksum.workload`, [CHECKSUM_WORKLOAD.id] as const);
  hex64(c['value'], `${path}.checksum.value`);
  int(c['shares'], `${path}.checksum.shares`, 0, 0xffffffff);
  int(c['bestNonce'], `${path}.checksum.bestNonce`, 0, 0xffffffff);
  hex64(c['bestHash'], `${path}.checksum.bestHash`);
}

function checkCaveats(value: unknown, path: string): void {
  const c = obj(value, path);
  list(c['disturbedBy'], `${path}.disturbedBy`).forEach((m, i) => str(m, `${path}.disturbedBy[${i}]`, 200));
  bool(c['hidden'], `${path}.hidden`);
  bool(c['emulated'], `${path}.emulated`);
}

/**
 * A version 1 file in today's shape: it recorded no evidence (only a constant `verified: true`), ran
 * on the CPU, and knew nothing of caveats beyond the hidden seconds each run kept.
 */
function upgradeFromVersion1(r: Obj): BenchResult {
  const { verified: _verified, ...rest } = r;
  const runs = (rest['runs'] as RunRecord[]).map((run) => ({ ...run, gpuHashrate: null, evidence: null }));
  return {
    ...(rest as unknown as BenchResult),
    version: BENCH_RESULT_VERSION,
    runs,
    backend: 'wasm',
    adapter: null,
    caveats: { disturbedBy: [], hidden: runs.some((run) => run.hiddenSeconds > 0), emulated: false },
  };
}

/** Throws BenchResultError naming the first field that is wrong; a result in memory is version 2. */
export function validateBenchResult(value: unknown): asserts value is BenchResult {
  const version = checkFile(value);
  if (version !== BENCH_RESULT_VERSION) fail('version', `${BENCH_RESULT_VERSION} (version 1 files are read by parseBenchResult)`, version);
}

/** Checks a file of any version this reader knows; returns the version. */
function checkFile(value: unknown): number {
  const r = obj(value, 'result');
  if (r['format'] !== BENCH_RESULT_FORMAT) {
    throw new BenchResultError(`this is not a PoW Lab benchmark result: "format" should be "${BENCH_RESULT_FORMAT}", got ${describe(r['format'])}`);
  }
  const version = int(r['version'], 'version', 1, Number.MAX_SAFE_INTEGER);
  if (version > BENCH_RESULT_VERSION) {
    throw new BenchResultError(`version: this result was made by a newer PoW Lab (format version ${version}); this one reads version ${BENCH_RESULT_VERSION}`);
  }
  const kind = oneOf(r['kind'], 'kind', ['run', 'sweep', 'simd'] as const);
  str(r['label'], 'label', 200);
  const date = str(r['date'], 'date', 40);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(date) || Number.isNaN(Date.parse(date))) fail('date', 'an ISO 8601 UTC date like 2025-01-31T12:00:00.000Z', date);
  const w = obj(r['workload'], 'workload');
  oneOf(w['algorithm'], 'workload.algorithm', ['sha256d-header'] as const);
  const header = str(w['header'], 'workload.header', 160);
  if (!/^[0-9a-f]{160}$/.test(header)) fail('workload.header', '160 lowercase hex digits (an 80-byte header)', header);
  let backend: Backend = 'wasm';
  if (version === 1) {
    if (r['verified'] !== true) fail('verified', 'true (results are only made from a core that passed its self-test)', r['verified']);
  } else {
    backend = oneOf(r['backend'], 'backend', ['wasm', 'webgpu', 'both'] as const);
    if (backend !== 'wasm') checkAdapter(r['adapter'], 'adapter');
    if (r['adapter'] !== null) checkAdapter(r['adapter'], 'adapter');
    checkCaveats(r['caveats'], 'caveats');
  }
  str(r['app'], 'app', 200);
  checkDevice(r['device'], 'device');
  const runs = list(r['runs'], 'runs', 1);
  runs.forEach((run, i) => checkRun(run, `runs[${i}]`, version, backend));
  if (kind === 'run' && runs.length !== 1) throw new BenchResultError(`runs: a result of kind "run" holds exactly 1 run, got ${runs.length}`);
  return version;
}

/** Reads a result file's text; throws BenchResultError with a message fit to show the person. */
export function parseBenchResult(text: string): BenchResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new BenchResultError(`the file is not valid JSON (${messageOf(error)})`);
  }
  const version = checkFile(value);
  return version === 1 ? upgradeFromVersion1(value as Obj) : (value as BenchResult);
}

/** The file name a result downloads as, e.g. powlab-bench-2025-01-31T12-00-00-4t.json. */
export function benchResultFileName(result: BenchResult): string {
  const stamp = result.date.replace(/\.\d+Z$/, 'Z').replace(/[:]/g, '-').replace(/Z$/, '');
  const run = bestRun(result);
  const what = result.kind === 'sweep' ? 'sweep' : result.kind === 'simd' ? 'simd' : `${run.threads}t`;
  return `powlab-bench-${stamp}-${what}.json`;
}
