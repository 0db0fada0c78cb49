// Chain simulation: how block times and difficulty evolve under a difficulty-adjustment algorithm
// while the network's hashrate follows a scenario.
//
// The model. Each hash meets a target of difficulty D with probability 1 / (D * 2^32), and miners
// make H hashes per second, so block discovery is a Poisson process of rate H / (D * 2^32). Under
// a hashrate that changes over time the number of hashes needed is still an exponential number
// of expected-block-works: draw W ~ Exp(1) * D * 2^32 hashes, then walk through the hashrate
// schedule, spending H * (segment length) hashes per segment, until W is used up. For a
// piecewise-constant hashrate this is exact (the inverse of the cumulative hazard), not an
// approximation; a ramp is stepped hourly.
//
// Timestamps are the block times rounded down to whole seconds, as miners write them (honest
// miners: no timestamp manipulation is modelled). The difficulty of each block comes from its nBits,
// so each algorithm's compact rounding is part of the result.
//
// Scale: the chain lives in typed arrays (Float64Array times, Uint32Array nBits), with no object per
// block, and the per-block algorithms use doubles only (daa/*.ts), so a million blocks take well
// under a second on one core (bench/sim.mjs).

import { ALGORITHM_IDS, ALGORITHMS, bitsToTargetNumber, isAlgorithmId, POW_LIMIT_BITS, targetNumberToBits, type AlgorithmId, type Daa } from './daa/index.js';
import { createAsert, ASERT_HALF_LIFE } from './daa/asert.js';
import { createLwma, LWMA_DEFAULT_WINDOW } from './daa/lwma.js';
import { createSma, SMA_DEFAULT_WINDOW } from './daa/sma.js';
import { Random } from './random.js';
import { createBitcoinDaa, RETARGET_INTERVAL, TARGET_SPACING } from './retarget.js';
import { DIFF1_TARGET, difficultyFromBits } from '../model/target.js';
import { InputError } from '../model/validate.js';

const TWO_POW_32 = 2 ** 32;
const DAY = 86_400;
const HOUR = 3_600;
const DIFF1_NUMBER = Number(DIFF1_TARGET);

/** The most blocks one run may simulate (per algorithm). */
export const MAX_BLOCKS = 10_000_000;
/** Hashrates are accepted from 1 H/s up to this (a million times today's Bitcoin network). */
export const MAX_HASHRATE = 1e27;

export type Scenario =
  /** The same hashrate throughout. */
  | { kind: 'constant'; hashrate: number }
  /** At `atDays`, the hashrate is multiplied by `factor` (0.5: half the network leaves, as in mid-2021). */
  | { kind: 'drop'; hashrate: number; factor: number; atDays: number }
  /** From `startDays`, the hashrate moves linearly to `factor` times its start over `days` (stepped hourly). */
  | { kind: 'ramp'; hashrate: number; factor: number; startDays: number; days: number }
  /** Extra hashrate (`extra` times the base) mines for the first `duty` fraction of every `periodHours`. */
  | { kind: 'oscillation'; hashrate: number; extra: number; periodHours: number; duty: number }
  /**
   * Profit switchers: extra hashrate (`extra` times the base) mines whenever the difficulty is at most
   * `threshold` times the difficulty that suits the base hashrate alone, and leaves otherwise.
   */
  | { kind: 'switching'; hashrate: number; extra: number; threshold: number }
  /** A user-drawn or imported series: each hashrate holds from its day until the next point's. */
  | { kind: 'series'; points: SeriesPoint[] };

export type ScenarioKind = Scenario['kind'];
export const SCENARIO_KINDS: readonly ScenarioKind[] = ['constant', 'drop', 'ramp', 'oscillation', 'switching', 'series'];

export interface SeriesPoint {
  days: number;
  hashrate: number;
}

export interface SimConfig {
  algorithms: AlgorithmId[];
  scenario: Scenario;
  /** Blocks to simulate, per algorithm. */
  blocks: number;
  seed: number;
  /** Window of LWMA (default 60) and SMA (default 144), and ASERT's half-life in seconds (default 2 days). */
  lwmaWindow?: number;
  smaWindow?: number;
  asertHalfLife?: number;
  /** Buckets for the chart series (default 1000). */
  points?: number;
  /** Keep every block's time and nBits in the result (memory: 12 bytes per block per algorithm). */
  keepChain?: boolean;
}

export interface Recovery {
  /** When the hashrate change happened (ramp: when it ended), days from the start. */
  eventDays: number;
  /**
   * Seconds from the event until the expected block interval (difficulty * 2^32 / hashrate, free of
   * the randomness of individual blocks) was back within ±10% of 600 s; 0 if it never left that
   * band; null if it had not come back by the end of the run.
   */
  seconds: number | null;
  /** Blocks mined between the event and the return. */
  blocks: number | null;
}

export interface AlgorithmResult {
  algorithm: AlgorithmId;
  blocks: number;
  /** Seconds from the start to the last block. */
  duration: number;
  meanInterval: number;
  stdInterval: number;
  maxInterval: number;
  /** Intervals longer than an hour. */
  longWaits: number;
  initialDifficulty: number;
  finalDifficulty: number;
  minDifficulty: number;
  maxDifficulty: number;
  /**
   * Mean block interval of each period, periods aligned with Bitcoin's retargets (the first has 2015
   * blocks, the others 2016; the last may be partial).
   */
  periodMeanInterval: Float64Array;
  /** Largest |period mean - 600 s| over the complete periods, seconds (0 with no complete period). */
  worstPeriodDeviation: number;
  recovery: Recovery | null;
  /** Chart series: `points` buckets of consecutive blocks. */
  series: {
    /** Time of the bucket's last block, days. */
    days: Float64Array;
    /** Mean difficulty over the bucket. */
    difficulty: Float64Array;
    /** Mean block interval over the bucket, seconds. */
    interval: Float64Array;
    /** The difficulty that would give 600 s blocks at the hashrate of the bucket's last block. */
    idealDifficulty: Float64Array;
  };
  /** Every block, when keepChain was set: time since the start (s) and nBits. */
  chain?: { times: Float64Array; bits: Uint32Array };
}

export interface SimResult {
  config: SimConfig;
  initialBits: number;
  results: AlgorithmResult[];
}

export type ProgressCallback = (done: number, total: number) => void;

// ---- checking --------------------------------------------------------------------------------

function finite(value: unknown, field: string, min: number, max: number, exclusiveMin = false): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new InputError(field, `expected a number, got ${String(value)}`);
  if (exclusiveMin ? value <= min : value < min) throw new InputError(field, `must be ${exclusiveMin ? 'above' : 'at least'} ${min}, got ${value}`);
  if (value > max) throw new InputError(field, `must be at most ${max}, got ${value}`);
  return value;
}

function integer(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new InputError(field, `expected a whole number, got ${String(value)}`);
  if (value < min || value > max) throw new InputError(field, `must be from ${min} to ${max}, got ${value}`);
  return value;
}

const hashrate = (value: unknown, field = 'hashrate') => finite(value, field, 1, MAX_HASHRATE);

/** Throws an InputError naming the field for anything that cannot be simulated. */
export function checkScenario(scenario: Scenario): Scenario {
  if (typeof scenario !== 'object' || scenario === null) throw new InputError('scenario', 'missing');
  switch (scenario.kind) {
    case 'constant':
      hashrate(scenario.hashrate);
      break;
    case 'drop':
      hashrate(scenario.hashrate);
      finite(scenario.factor, 'factor', 0, 1000, true);
      hashrate(scenario.hashrate * scenario.factor, 'factor');
      finite(scenario.atDays, 'atDays', 0, 1e6);
      break;
    case 'ramp':
      hashrate(scenario.hashrate);
      finite(scenario.factor, 'factor', 0, 1000, true);
      hashrate(scenario.hashrate * scenario.factor, 'factor');
      finite(scenario.startDays, 'startDays', 0, 1e6);
      finite(scenario.days, 'days', 1 / 24, 1e5);
      break;
    case 'oscillation':
      hashrate(scenario.hashrate);
      finite(scenario.extra, 'extra', 0, 1000, true);
      finite(scenario.periodHours, 'periodHours', 0.1, 1e5);
      finite(scenario.duty, 'duty', 0, 1, true);
      if (scenario.duty >= 1) throw new InputError('duty', 'must be below 1 (1 would mean the extra hashrate never leaves)');
      break;
    case 'switching':
      hashrate(scenario.hashrate);
      finite(scenario.extra, 'extra', 0, 1000, true);
      finite(scenario.threshold, 'threshold', 0, 100, true);
      break;
    case 'series': {
      const points = scenario.points;
      if (!Array.isArray(points) || points.length === 0) throw new InputError('series', 'needs at least one point (day, hashrate)');
      if (points.length > 100_000) throw new InputError('series', `at most 100000 points, got ${points.length}`);
      let previous = -Infinity;
      points.forEach((p, i) => {
        finite(p.days, `series point ${i + 1} day`, 0, 1e6);
        hashrate(p.hashrate, `series point ${i + 1} hashrate`);
        if (p.days <= previous) throw new InputError(`series point ${i + 1} day`, `${p.days} does not come after the previous point's day ${previous}`);
        previous = p.days;
      });
      break;
    }
    default:
      throw new InputError('scenario', `unknown kind ${JSON.stringify((scenario as { kind: unknown }).kind)} (kinds: ${SCENARIO_KINDS.join(', ')})`);
  }
  return scenario;
}

export function checkSimConfig(config: SimConfig): SimConfig {
  if (!Array.isArray(config.algorithms) || config.algorithms.length === 0) throw new InputError('algorithms', 'choose at least one algorithm');
  for (const a of config.algorithms) {
    if (typeof a !== 'string' || !isAlgorithmId(a)) throw new InputError('algorithms', `unknown algorithm ${JSON.stringify(a)} (algorithms: ${ALGORITHM_IDS.join(', ')})`);
  }
  if (new Set(config.algorithms).size !== config.algorithms.length) throw new InputError('algorithms', 'an algorithm is listed twice');
  integer(config.blocks, 'blocks', 1, MAX_BLOCKS);
  integer(config.seed, 'seed', 0, 0xffffffff);
  if (config.lwmaWindow !== undefined) integer(config.lwmaWindow, 'lwmaWindow', 2, 2000);
  if (config.smaWindow !== undefined) integer(config.smaWindow, 'smaWindow', 1, 2000);
  if (config.asertHalfLife !== undefined) integer(config.asertHalfLife, 'asertHalfLife', 600, 1e8);
  if (config.points !== undefined) integer(config.points, 'points', 1, 100_000);
  checkScenario(config.scenario);
  return config;
}

// ---- the hashrate over time ------------------------------------------------------------------

/**
 * The scenario's hashrate as a step function of time t (seconds from the start): `rate` holds on
 * [t, next). Calls must come with non-decreasing t (the series keeps a cursor).
 */
class Schedule {
  rate = 0;
  next = Infinity;
  private cursor = 0;
  private readonly rampSteps: number;

  constructor(private readonly s: Scenario) {
    this.rampSteps = s.kind === 'ramp' ? Math.min(100_000, Math.max(1, Math.round((s.days * DAY) / HOUR))) : 0;
  }

  /** Sets rate and next for time t. */
  at(t: number): void {
    const s = this.s;
    switch (s.kind) {
      case 'constant':
      case 'switching':
        this.rate = s.hashrate;
        this.next = Infinity;
        return;
      case 'drop': {
        const at = s.atDays * DAY;
        this.rate = t < at ? s.hashrate : s.hashrate * s.factor;
        this.next = t < at ? at : Infinity;
        return;
      }
      case 'ramp': {
        const start = s.startDays * DAY;
        const length = s.days * DAY;
        if (t < start) {
          this.rate = s.hashrate;
          this.next = start;
        } else if (t >= start + length) {
          this.rate = s.hashrate * s.factor;
          this.next = Infinity;
        } else {
          const stepLength = length / this.rampSteps;
          let step = Math.floor((t - start) / stepLength);
          let next = start + (step + 1) * stepLength;
          if (next <= t) {
            step++;
            next = start + (step + 1) * stepLength;
          }
          // Each step holds the ramp's value at its midpoint, so the stepped ramp does the same work.
          this.rate = s.hashrate * (1 + ((s.factor - 1) * (step + 0.5)) / this.rampSteps);
          this.next = step + 1 >= this.rampSteps ? start + length : next;
        }
        return;
      }
      case 'oscillation': {
        const period = s.periodHours * HOUR;
        const on = s.duty * period;
        let base = Math.floor(t / period) * period;
        if (base + period <= t) base += period;
        if (t < base + on) {
          this.rate = s.hashrate * (1 + s.extra);
          this.next = base + on;
        } else {
          this.rate = s.hashrate;
          this.next = base + period;
        }
        return;
      }
      case 'series': {
        const points = s.points;
        while (this.cursor + 1 < points.length && points[this.cursor + 1]!.days * DAY <= t) this.cursor++;
        this.rate = points[this.cursor]!.hashrate;
        this.next = this.cursor + 1 < points.length ? points[this.cursor + 1]!.days * DAY : Infinity;
        return;
      }
    }
  }
}

/** The hashrate at time 0 (for the switching scenario, without the switchers). */
export function initialHashrate(scenario: Scenario): number {
  return scenario.kind === 'series' ? scenario.points[0]!.hashrate : scenario.hashrate;
}

/** When the scenario's hashrate change is over, for the recovery measure; null when there is none. */
function eventTime(scenario: Scenario): number | null {
  switch (scenario.kind) {
    case 'drop':
      return scenario.atDays * DAY;
    case 'ramp':
      return (scenario.startDays + scenario.days) * DAY;
    case 'series':
      return scenario.points.length > 1 ? scenario.points[scenario.points.length - 1]!.days * DAY : null;
    default:
      return null;
  }
}

/** nBits whose difficulty gives blocks every 600 s at this hashrate (difficulty below 1: powLimit). */
export function bitsForHashrate(rate: number): number {
  const difficulty = (rate * TARGET_SPACING) / TWO_POW_32;
  return difficulty <= 1 ? POW_LIMIT_BITS : targetNumberToBits(DIFF1_NUMBER / difficulty);
}

function createDaa(id: AlgorithmId, config: SimConfig, anchorIndex: number): Daa {
  switch (id) {
    case 'bitcoin':
      return createBitcoinDaa();
    case 'asert':
      return createAsert(anchorIndex, config.asertHalfLife ?? ASERT_HALF_LIFE);
    case 'lwma':
      return createLwma(config.lwmaWindow ?? LWMA_DEFAULT_WINDOW);
    case 'sma':
      return createSma(config.smaWindow ?? SMA_DEFAULT_WINDOW);
  }
}

// ---- the simulation --------------------------------------------------------------------------

/**
 * Runs the scenario once per algorithm, each from the same seed (so the same sequence of random
 * draws), and summarises each run. Synchronous; call it in a worker for big runs.
 */
export function simulate(config: SimConfig, onProgress?: ProgressCallback): SimResult {
  checkSimConfig(config);
  const initialBits = bitsForHashrate(initialHashrate(config.scenario));
  const total = config.blocks * config.algorithms.length;
  const results = config.algorithms.map((id, index) =>
    runOne(id, config, initialBits, onProgress ? (done) => onProgress(index * config.blocks + done, total) : undefined),
  );
  return { config, initialBits, results };
}

/**
 * Blocks before the first simulated one, 600 s apart at the initial nBits. The last of them has a
 * height that is a multiple of 2016: it opens a Bitcoin period, so the first simulated block is the
 * second of that period and Bitcoin's first retarget comes 2015 simulated blocks later. (Starting
 * one block later would make Bitcoin retarget at once, over a made-up history.)
 */
const PREHISTORY = RETARGET_INTERVAL + 1;
const PROGRESS_EVERY = 1 << 16;
const BAND = 0.1;

function runOne(id: AlgorithmId, config: SimConfig, initialBits: number, onProgress?: (done: number) => void): AlgorithmResult {
  const n = config.blocks;
  const daa = createDaa(id, config, PREHISTORY - 1);
  if (daa.history > PREHISTORY) throw new InputError(`${id}Window`, `needs ${daa.history} blocks of history, more than ${PREHISTORY}`);
  const length = PREHISTORY + n;
  const times = new Float64Array(length);
  const bits = new Uint32Array(length);
  const targets = new Float64Array(length);
  const chain = { times, bits, targets };
  // Prehistory: the chain has been running at 600 s per block at the initial difficulty.
  const startStamp = (PREHISTORY - 1) * TARGET_SPACING;
  const initialTarget = bitsToTargetNumber(initialBits);
  for (let i = 0; i < PREHISTORY; i++) {
    times[i] = i * TARGET_SPACING;
    bits[i] = initialBits;
    targets[i] = initialTarget;
  }

  const scenario = config.scenario;
  const schedule = new Schedule(scenario);
  const random = new Random(config.seed);
  const switching = scenario.kind === 'switching';
  const switchLimit = switching ? scenario.threshold * ((scenario.hashrate * TARGET_SPACING) / TWO_POW_32) : 0;
  const switchExtra = switching ? scenario.extra * scenario.hashrate : 0;

  const points = Math.min(config.points ?? 1000, n);
  const seriesDays = new Float64Array(points);
  const seriesDifficulty = new Float64Array(points);
  const seriesInterval = new Float64Array(points);
  const seriesIdeal = new Float64Array(points);
  // Periods follow Bitcoin's retargets: the first has 2015 simulated blocks, the others 2016.
  const periodMean = new Float64Array(Math.ceil((n + 1) / RETARGET_INTERVAL));
  let period = 0;
  let periodBlocks = 0;
  let worst = 0;

  const event = eventTime(scenario);
  let recoverySeconds: number | null = null;
  let recoveryBlocks: number | null = null;
  let leftBand = false;
  let eventBlock = -1;

  let t = 0; // seconds since the start (the time of the last prehistory block)
  let sum = 0;
  let sumSquares = 0;
  let maxInterval = 0;
  let longWaits = 0;
  let minDifficulty = Infinity;
  let maxDifficulty = 0;
  let lastBits = -1;
  let difficulty = 0;
  let target = 0;
  let bucket = 0;
  let bucketDifficulty = 0;
  let bucketStartTime = 0;
  let bucketCount = 0;
  let periodStartTime = 0;
  let initialDifficulty = 0;

  for (let k = 0; k < n; k++) {
    const index = PREHISTORY + k;
    const b = daa.next(chain, index - 1);
    bits[index] = b;
    if (b !== lastBits) {
      lastBits = b;
      difficulty = difficultyFromBits(b);
      target = bitsToTargetNumber(b);
    }
    targets[index] = target;
    if (k === 0) initialDifficulty = difficulty;
    // Hashes this block needs, then spend them along the hashrate schedule.
    let work = random.exponential(difficulty * TWO_POW_32);
    const extra = switching && difficulty <= switchLimit ? switchExtra : 0;
    const start = t;
    schedule.at(t);
    const startRate = schedule.rate + extra;
    for (;;) {
      const rate = schedule.rate + extra;
      const needed = work / rate;
      if (t + needed <= schedule.next) {
        t += needed;
        break;
      }
      work -= rate * (schedule.next - t);
      t = schedule.next;
      schedule.at(t);
    }
    times[index] = startStamp + Math.floor(t);
    const interval = t - start;

    sum += interval;
    sumSquares += interval * interval;
    if (interval > maxInterval) maxInterval = interval;
    if (interval > HOUR) longWaits++;
    if (difficulty < minDifficulty) minDifficulty = difficulty;
    if (difficulty > maxDifficulty) maxDifficulty = difficulty;

    // Recovery: the noise-free expected interval of this block, after the event.
    if (event !== null && start >= event && recoverySeconds === null) {
      if (eventBlock < 0) eventBlock = k;
      const expected = (difficulty * TWO_POW_32) / startRate;
      const inside = Math.abs(expected / TARGET_SPACING - 1) <= BAND;
      if (!inside) leftBand = true;
      else {
        recoverySeconds = leftBand ? start - event : 0;
        recoveryBlocks = leftBand ? k - eventBlock : 0;
      }
    }

    // Chart buckets: block k belongs to bucket floor(k * points / n).
    bucketDifficulty += difficulty;
    bucketCount++;
    if (k + 1 === n || Math.floor(((k + 1) * points) / n) !== bucket) {
      seriesDays[bucket] = t / DAY;
      seriesDifficulty[bucket] = bucketDifficulty / bucketCount;
      seriesInterval[bucket] = (t - bucketStartTime) / bucketCount;
      schedule.at(t);
      seriesIdeal[bucket] = ((schedule.rate + extra) * TARGET_SPACING) / TWO_POW_32;
      bucket++;
      bucketDifficulty = 0;
      bucketCount = 0;
      bucketStartTime = t;
    }
    periodBlocks++;
    const periodEnds = (index + 1) % RETARGET_INTERVAL === 0;
    if (periodEnds || k + 1 === n) {
      const mean = (t - periodStartTime) / periodBlocks;
      periodMean[period] = mean;
      if (periodEnds) worst = Math.max(worst, Math.abs(mean - TARGET_SPACING));
      period++;
      periodBlocks = 0;
      periodStartTime = t;
    }
    if (onProgress && (k + 1) % PROGRESS_EVERY === 0) onProgress(k + 1);
  }
  onProgress?.(n);

  const mean = sum / n;
  const variance = n > 1 ? Math.max(0, (sumSquares - n * mean * mean) / (n - 1)) : 0;

  const result: AlgorithmResult = {
    algorithm: id,
    blocks: n,
    duration: t,
    meanInterval: mean,
    stdInterval: Math.sqrt(variance),
    maxInterval,
    longWaits,
    initialDifficulty,
    finalDifficulty: difficulty,
    minDifficulty,
    maxDifficulty,
    periodMeanInterval: periodMean.slice(0, period),
    worstPeriodDeviation: worst,
    recovery: event === null ? null : { eventDays: event / DAY, seconds: recoverySeconds, blocks: recoveryBlocks },
    series: { days: seriesDays, difficulty: seriesDifficulty, interval: seriesInterval, idealDifficulty: seriesIdeal },
  };
  if (config.keepChain) {
    const chainTimes = new Float64Array(n);
    for (let k = 0; k < n; k++) chainTimes[k] = times[PREHISTORY + k]! - startStamp;
    result.chain = { times: chainTimes, bits: bits.slice(PREHISTORY) };
  }
  return result;
}

/** The summary of a result as plain JSON (no typed arrays), for the CLI and for tests. */
export function summarize(result: AlgorithmResult) {
  return {
    algorithm: result.algorithm,
    name: ALGORITHMS[result.algorithm].name,
    blocks: result.blocks,
    days: result.duration / DAY,
    meanInterval: result.meanInterval,
    stdInterval: result.stdInterval,
    maxInterval: result.maxInterval,
    longWaits: result.longWaits,
    initialDifficulty: result.initialDifficulty,
    finalDifficulty: result.finalDifficulty,
    minDifficulty: result.minDifficulty,
    maxDifficulty: result.maxDifficulty,
    periods: result.periodMeanInterval.length,
    worstPeriodDeviation: result.worstPeriodDeviation,
    recovery: result.recovery,
  };
}

// ---- user series -----------------------------------------------------------------------------

/**
 * A hashrate series from CSV text: one "day,hashrate" pair per line (commas, semicolons, tabs or
 * spaces between), an optional header line, # comments. Hashrates take SI suffixes (800E, 800 EH/s).
 */
export function parseHashrateCsv(text: string, field = 'csv'): SeriesPoint[] {
  if (typeof text !== 'string') throw new InputError(field, 'expected text');
  const points: SeriesPoint[] = [];
  const lines = text.split(/\r?\n/);
  let first = true;
  lines.forEach((raw, i) => {
    const line = raw.replace(/#.*/, '').trim();
    if (line === '') return;
    const cells = line.split(/\s*[,;\t]\s*|\s+(?=[\d.+-])/).filter((c) => c !== '');
    const isHeader = first && !/^[\d.+-]/.test(cells[0] ?? '');
    first = false;
    if (isHeader) return;
    if (cells.length !== 2) throw new InputError(`${field} line ${i + 1}`, `expected two values (day, hashrate), got ${JSON.stringify(raw.trim())}`);
    const day = Number(cells[0]);
    if (!/^[+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cells[0]!) || !Number.isFinite(day)) {
      throw new InputError(`${field} line ${i + 1}`, `day ${JSON.stringify(cells[0])} is not a number of days`);
    }
    points.push({ days: day, hashrate: parseHashrate(cells[1]!, `${field} line ${i + 1}`) });
  });
  if (points.length === 0) throw new InputError(field, 'no data: expected lines of "day,hashrate"');
  points.sort((a, b) => a.days - b.days);
  for (let i = 1; i < points.length; i++) {
    if (points[i]!.days === points[i - 1]!.days) throw new InputError(field, `day ${points[i]!.days} appears twice`);
  }
  return points;
}

const SI: Record<string, number> = { '': 1, k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18, Z: 1e21 };

/** "800e18", "800 EH/s", "1.5T", "250 kH/s" to hashes per second (finite, at least 1 H/s). */
export function parseHashrate(text: string | number, field = 'hashrate'): number {
  if (typeof text === 'number') return hashrate(text, field);
  const match = /^\s*([+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)\s*([kKMGTPEZ]?)(?:H\/s|H|h\/s)?\s*$/.exec(text);
  if (!match) throw new InputError(field, `expected a hashrate such as 800e18 or 800 EH/s, got ${JSON.stringify(text)}`);
  const value = Number(match[1]) * SI[match[2]!]!;
  if (!Number.isFinite(value)) throw new InputError(field, `must be at most ${MAX_HASHRATE}, got ${JSON.stringify(text.trim())}`);
  return hashrate(value, field);
}
