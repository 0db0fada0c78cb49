#!/usr/bin/env node
// npm run bench:stress [minutes] (default 5): a soak of the hashing pool, first in Node, then in the
// browser, each for `minutes` at 2 threads with one worker killed half way.
//
// CLI part: the compiled engine (dist/) with createPool() over worker_threads, spawned here (as
// node-pool.ts does) so that this script holds the Worker handles. After a 2 s warm-up it runs
// pool.search() over consecutive nonce ranges of 2^26 against an unreachable (zero) target, so every
// search must hash exactly its range. Every 10 s it samples the pool's live hash counters and the
// process's memory (rss covers the worker threads too: they live in this process; heapUsed and
// external are the main thread's). Half way it calls worker.terminate() on worker 1 behind the pool's
// back; the pool must see the exit, report it through onIncident, start a new worker and run the lost
// batch again. Checked at the end: each search's hash count equals its range, the batches reported
// through onBatch tile every range exactly once, and the incident was reported.
//
// Browser part: the built app (vite build into dist-app-<port>, vite preview) in headless Chromium
// (/usr/bin/chromium): the Benchmark screen's Stress preset (5 min; "Custom" with the same seconds
// for other lengths) at 2 threads. Every 10 s: the page's "Last window" rate, its JS heap (CDP
// Performance.getMetrics) and the RSS of Chromium's renderer processes (where the page's workers
// run). An init script records the page's hashing workers as they are made (no change to src/);
// half way one is terminated. A terminated Web Worker sends no event, so the pool finds it only by its
// hang timeout (10 s) and replaces it then. At the end the run's stored record gives every 1 s
// window, from which the 10 s rates and first and last minute are cut.
//
//   npm run bench:stress [minutes] [-- --only cli|browser]      STRESS_PORT (default 4312)
import { spawn as spawnProcess, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import { wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createPool } from '../dist/engine/mining/pool.js';
import { compileCore } from '../dist/engine/core/wasm-node.js';
import { GENESIS } from '../dist/engine/core/known-answer.js';

const args = process.argv.slice(2);
const onlyAt = args.indexOf('--only');
const ONLY = onlyAt >= 0 ? args[onlyAt + 1] : undefined;
const positional = args.filter((a, i) => !a.startsWith('--') && (onlyAt < 0 || i !== onlyAt + 1));
const MINUTES = positional[0] === undefined ? 5 : Number(positional[0]);
const THREADS = 2;
const SAMPLE_S = 10;
const PORT = Number(process.env.STRESS_PORT ?? 4312);
const RANGE = 2 ** 26;
const NONCES = 2 ** 32;
const GOAL_LOSS = 0.1;
const GOAL_MEMORY = 0.1;

if (!Number.isFinite(MINUTES) || MINUTES < 0.5 || MINUTES > 60) fail(`minutes must be a number from 0.5 to 60, got ${positional[0]}`);
if (ONLY !== undefined && ONLY !== 'cli' && ONLY !== 'browser') fail(`--only takes cli or browser, got ${ONLY}`);
const SECONDS = Math.round(MINUTES * 60);

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  console.error(`bench:stress: ${message}`);
  process.exit(2);
}

/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** @param {number} h */
const mhs = (h) => `${(h / 1e6).toFixed(3)} MH/s`;
/** @param {number} b */
const mib = (b) => `${(b / 2 ** 20).toFixed(1)} MiB`;
/** @param {number} x */
const pct = (x) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
/** @param {number[]} xs */
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? /** @type {number} */ (s[m]) : (/** @type {number} */ (s[m - 1]) + /** @type {number} */ (s[m])) / 2;
};
/** @param {number[]} xs */
const cv = (xs) => {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, xs.length - 1)) / mean;
};
const uptime = () => spawnSync('uptime', { encoding: 'utf8' }).stdout.trim();

/**
 * The spread of the 10 s rates, with and without the windows named in `skip`.
 * @param {number[]} rates
 * @param {Set<number>} skip
 */
function spread(rates, skip) {
  const rest = rates.filter((_, i) => !skip.has(i));
  const line = (/** @type {number[]} */ xs) => `median ${mhs(median(xs))}, min ${mhs(Math.min(...xs))}, max ${mhs(Math.max(...xs))}, cv ${(cv(xs) * 100).toFixed(1)}%`;
  return [`10 s rates (${rates.length}): ${line(rates)}`, ...(skip.size > 0 && rest.length > 1 ? [`  without the kill's window${skip.size > 1 ? 's' : ''} (${rest.length}): ${line(rest)}`] : [])];
}

/**
 * Indices of the windows between consecutive `times` that overlap [from, to].
 * @param {number[]} times
 * @param {number} from
 * @param {number} to
 */
function overlapping(times, from, to) {
  return new Set(times.slice(1).map((end, i) => (/** @type {number} */ (times[i]) <= to && end > from ? i : -1)).filter((i) => i >= 0));
}

/**
 * Verdict lines against the issue's goals.
 * @param {number} first rate of the first minute
 * @param {number} last rate of the last minute
 * @param {{ name: string, first: number, last: number, max: number }[]} memories
 */
function verdict(first, last, memories) {
  const loss = 1 - last / first;
  const lines = [`first minute ${mhs(first)}, last minute ${mhs(last)}: loss ${pct(loss)} (goal under ${GOAL_LOSS * 100}%): ${loss < GOAL_LOSS ? 'met' : 'NOT met'}`];
  if (SECONDS < 120) lines.push('  (a run under 2 minutes: its first and last minute overlap)');
  for (const m of memories) {
    const change = m.last / m.first - 1;
    const peak = m.max / m.first - 1;
    lines.push(`${m.name}: first ${mib(m.first)}, last ${mib(m.last)} (${pct(change)}), max ${mib(m.max)} (${pct(peak)}); flat within ${GOAL_MEMORY * 100}%: ${Math.abs(change) <= GOAL_MEMORY ? 'yes' : 'NO'}`);
  }
  return lines;
}

// ---- CLI: the pool over worker_threads -----------------------------------------------------------

async function cliSoak() {
  console.log(`\n== CLI: createPool over worker_threads, ${THREADS} threads, ${SECONDS} s ==`);
  console.log(`load before: ${uptime()}`);
  const { module, simd } = await compileCore(true);
  const workerUrl = new URL('../dist/engine/mining/node-worker.js', import.meta.url);
  /** @type {Worker[]} every worker the pool asked for, in order: the first THREADS are slots 1..THREADS */
  const spawned = [];
  const pool = await createPool(
    THREADS,
    () => {
      const worker = new Worker(workerUrl);
      spawned.push(worker);
      let terminating = false;
      return {
        api: wrap(nodeEndpoint(worker)),
        terminate: () => {
          terminating = true;
          void worker.terminate();
        },
        onFailure(callback) {
          worker.once('error', (error) => callback(error.message));
          worker.once('exit', (code) => terminating || callback(`exited with code ${code}`));
        },
      };
    },
    module,
    simd,
  );
  await pool.selfTest();
  const job = { header: Buffer.from(GENESIS.headerHex, 'hex'), target: new Uint8Array(32) };

  // Warm-up (V8 tiers the wasm up): not counted.
  const warm = await pool.search(job, 0, 2 ** 24);
  const liveTotal = () => pool.hashesByWorker().reduce((a, b) => a + b, 0);
  const liveBase = pool.hashesByWorker();

  // The main thread's heap is a few MiB, and when the collector last ran moves it by more than 10%:
  // each sample also reads it after a full collection ("retained"), which is what a leak would grow.
  setFlagsFromString('--expose-gc');
  const gc = /** @type {() => void} */ (runInNewContext('gc'));
  /** @type {{ t: number, worker: number, start: number, count: number, hashes: number }[]} the current search's batches only */
  let batches = [];
  /** @type {{ t: number, worker: number, start: number, count: number } | undefined} worker 1's first finished batch after the kill */
  let back;
  /** @type {{ t: number, message: string }[]} */
  const incidents = [];
  /** @type {{ t: number, live: number, settled: number, batches: number, rss: number, heapUsed: number, retained: number }[]} */
  const samples = [];
  let settled = 0;
  let batchCount = 0;
  const t0 = performance.now();
  const now = () => (performance.now() - t0) / 1000;
  const liveBaseSum = liveBase.reduce((a, b) => a + b, 0);
  const sample = () => {
    const t = now();
    const live = liveTotal() - liveBaseSum;
    const { rss, heapUsed } = process.memoryUsage();
    gc();
    samples.push({ t, live, settled, batches: batchCount, rss, heapUsed, retained: process.memoryUsage().heapUsed });
  };
  sample();
  // Samples on a fixed 10 s grid up to the run's length; the search running then finishes unsampled.
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let sampler;
  const schedule = (/** @type {number} */ k) => {
    sampler = setTimeout(() => {
      sample();
      if (k * SAMPLE_S < SECONDS) schedule(k + 1);
    }, Math.max(0, t0 + Math.min(k * SAMPLE_S, SECONDS) * 1000 - performance.now()));
  };
  schedule(1);
  const killAt = SECONDS / 2;
  /** @type {{ t: number, exitCode?: number } | undefined} */
  let kill;
  const killer = setTimeout(() => {
    const victim = /** @type {Worker} */ (spawned[0]);
    kill = { t: now() };
    victim.once('exit', (code) => kill && (kill.exitCode = code));
    void victim.terminate();
  }, killAt * 1000);

  let start = 2 ** 24;
  let covered = 0;
  let searched = 0;
  let searches = 0;
  /** @type {string[]} */
  const problems = [];
  while (now() < SECONDS) {
    if (start + RANGE > NONCES) start = 0;
    batches = [];
    const r = await pool.search(job, start, RANGE, {
      onBatch: (_, e) => {
        settled += e.hashes;
        batchCount++;
        const b = { t: now(), worker: e.worker, start: e.start, count: e.count, hashes: e.hashes };
        batches.push(b);
        if (kill && !back && e.worker === 0 && b.t > kill.t) back = b;
      },
      onIncident: (message) => incidents.push({ t: now(), message }),
    });
    searches++;
    if (r.found) problems.push(`search ${searches} found a solution against a zero target`);
    if (r.hashes !== RANGE) problems.push(`search ${searches} (${start}..${start + RANGE - 1}) counted ${r.hashes} hashes for ${RANGE} nonces`);
    // The batches of this search, in nonce order, must cover the range exactly once.
    const mine = batches.sort((a, b) => a.start - b.start);
    let next = start;
    for (const b of mine) {
      if (b.start !== next) problems.push(`search ${searches}: batch at ${b.start}, expected ${next} (${b.start > next ? 'a gap' : 'an overlap'})`);
      if (b.hashes !== b.count) problems.push(`search ${searches}: batch at ${b.start} hashed ${b.hashes} of ${b.count}`);
      next = b.start + b.count;
    }
    if (next !== start + RANGE) problems.push(`search ${searches}: batches end at ${next}, not ${start + RANGE}`);
    covered += RANGE;
    searched += r.hashes;
    start += RANGE;
  }
  while (samples.length <= Math.ceil(SECONDS / SAMPLE_S)) await sleep(100);
  clearTimeout(sampler);
  clearTimeout(killer);
  const end = now();
  const live = pool.hashesByWorker().map((h, i) => h - (liveBase[i] ?? 0));
  pool.close();
  const loadAfter = uptime();

  // Rates per 10 s from the live counters (what the app's benchmark reads).
  const rates = samples.slice(1).map((s, i) => (s.live - /** @type {typeof s} */ (samples[i]).live) / (s.t - /** @type {typeof s} */ (samples[i]).t));
  const incident = kill ? incidents.find((i) => i.t >= /** @type {{ t: number }} */ (kill).t) : undefined;
  // The windows that overlap the time from the kill to the incident (the replacement).
  const killWindows = kill ? overlapping(samples.map((s) => s.t), kill.t, incident?.t ?? kill.t) : new Set();
  const at = (/** @type {number} */ t) => /** @type {(typeof samples)[number]} */ (samples.reduce((best, s) => (Math.abs(s.t - t) < Math.abs(best.t - t) ? s : best)));
  const m0 = /** @type {(typeof samples)[number]} */ (samples[0]);
  const m1 = at(60);
  const last = /** @type {(typeof samples)[number]} */ (samples[samples.length - 1]);
  const lm = at(last.t - 60);
  const firstRate = (m1.live - m0.live) / (m1.t - m0.t);
  const lastRate = (last.live - lm.live) / (last.t - lm.t);

  console.log(`${simd ? 'SIMD' : 'scalar'} core, ${pool.lanes} lanes, shared counters ${pool.shared ? 'yes' : 'no'}; 2 s warm-up (${warm.hashes} hashes) not counted`);
  console.log('  t (s)   rate over the 10 s   rss        heapUsed   retained');
  for (const [i, s] of samples.entries()) {
    const r = i === 0 ? '' : mhs(/** @type {number} */ (rates[i - 1]));
    console.log(`${s.t.toFixed(1).padStart(7)}   ${r.padStart(14)}${killWindows.has(i - 1) ? ' *' : '  '}   ${mib(s.rss).padStart(9)}  ${mib(s.heapUsed).padStart(9)}  ${mib(s.retained).padStart(9)}`);
  }
  console.log('  (* the window with the kill and the replacement; retained: heapUsed after a full collection)');
  for (const line of spread(rates, killWindows)) console.log(line);

  if (kill) {
    console.log(`kill: worker 1 terminated at ${kill.t.toFixed(1)} s (exit code ${kill.exitCode ?? 'none seen'}); ${spawned.length} workers spawned in all`);
    console.log(`  incident ${incident ? `reported at ${incident.t.toFixed(2)} s (+${((incident.t - kill.t) * 1000).toFixed(0)} ms): "${incident.message}"` : 'NOT reported'}`);
    console.log(`  worker 1's next finished batch at ${back ? `${back.t.toFixed(2)} s (+${((back.t - kill.t) * 1000).toFixed(0)} ms, ${back.count} nonces from ${back.start}, the batch run again)` : 'never'}`);
  } else console.log('kill: not done (the run ended first)');
  if (incidents.length !== 1) problems.push(`${incidents.length} incidents reported, expected 1: ${incidents.map((i) => i.message).join(' | ')}`);

  const liveSum = live.reduce((a, b) => a + b, 0);
  console.log(`count: ${searches} searches of ${RANGE} nonces, ${covered} nonces covered in ${end.toFixed(1)} s (the last search ran on past ${SECONDS} s, unsampled); the searches counted ${searched} hashes, onBatch ${settled}`);
  console.log(`  live counters: ${liveSum} (${liveSum - searched >= 0 ? '+' : ''}${liveSum - searched} against the nonces: what the killed worker hashed of its unfinished batch, run again in full; 0 if it died before a chunk)`);
  if (searched !== covered || settled !== covered) problems.push(`hashes ${searched} (searches) / ${settled} (batches) for ${covered} nonces covered`);
  console.log(problems.length === 0 ? 'count check: OK, every nonce counted exactly once, nothing lost' : `count check: FAILED\n  ${problems.slice(0, 20).join('\n  ')}`);

  const memories = [
    { name: 'rss (process, workers included)', first: /** @type {(typeof samples)[number]} */ (samples[1] ?? m0).rss, last: last.rss, max: Math.max(...samples.map((s) => s.rss)) },
    { name: 'heapUsed (main thread)', first: /** @type {(typeof samples)[number]} */ (samples[1] ?? m0).heapUsed, last: last.heapUsed, max: Math.max(...samples.map((s) => s.heapUsed)) },
    { name: 'retained heap (main thread, after a full collection)', first: /** @type {(typeof samples)[number]} */ (samples[1] ?? m0).retained, last: last.retained, max: Math.max(...samples.map((s) => s.retained)) },
  ];
  console.log(`memory: "first" is the sample at ${(/** @type {(typeof samples)[number]} */ (samples[1] ?? m0)).t.toFixed(0)} s (at 0 s: rss ${mib(m0.rss)}, heapUsed ${mib(m0.heapUsed)}, retained ${mib(m0.retained)})`);
  for (const line of verdict(firstRate, lastRate, memories)) console.log(line);
  const s1 = /** @type {(typeof samples)[number]} */ (samples[1] ?? m0);
  if (last.batches > s1.batches) console.log(`  retained heap per finished batch from ${s1.t.toFixed(0)} s to the end: ${((last.retained - s1.retained) / (last.batches - s1.batches)).toFixed(0)} B (${last.batches - s1.batches} batches)`);
  console.log(`load after: ${loadAfter}`);
  return problems.length === 0;
}

// ---- Browser: the Stress preset in the built app -------------------------------------------------

/** Pids of this process's descendants that are Chromium renderers, with their RSS in bytes. */
function rendererRss() {
  /** @type {Map<number, number>} */
  const parent = new Map();
  /** @type {Map<number, string>} */
  const cmd = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      cmd.set(Number(d), readFileSync(`/proc/${d}/cmdline`, 'utf8'));
    } catch {
      // gone meanwhile
    }
  }
  const mine = (/** @type {number} */ pid) => {
    for (let p = pid, hops = 0; p > 1 && hops < 20; p = parent.get(p) ?? 0, hops++) if (p === process.pid) return true;
    return false;
  };
  let rss = 0;
  for (const [pid, c] of cmd) {
    if (!c.includes('--type=renderer') || !mine(pid)) continue;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      rss += Number(m?.[1] ?? 0) * 1024;
    } catch {
      // gone meanwhile
    }
  }
  return rss;
}

/** Parses the page's formatted rate ("9.21 MH/s") into H/s, or NaN. */
function parseRate(/** @type {string} */ text) {
  const m = /([\d.,]+)\s*([kMG]?)H\/s/.exec(text);
  if (!m) return NaN;
  return Number(/** @type {string} */ (m[1]).replace(/,/g, '')) * ({ '': 1, k: 1e3, M: 1e6, G: 1e9 }[/** @type {'' | 'k' | 'M' | 'G'} */ (m[2])] ?? NaN);
}

async function browserSoak() {
  const { chromium } = await import('@playwright/test');
  const outDir = `dist-app-${PORT}`;
  const base = `http://localhost:${PORT}`;
  console.log(`\n== Browser: the Benchmark screen, ${SECONDS === 300 ? 'Stress preset' : `Custom ${SECONDS} s`}, ${THREADS} threads ==`);
  if (!existsSync('build/wasm/pow.wasm') || !existsSync('build/wasm/pow.simd.wasm')) {
    if (spawnSync('npm', ['run', '--silent', 'build:wasm'], { stdio: 'inherit' }).status !== 0) fail('npm run build:wasm failed');
  }
  if (spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', outDir, '--logLevel', 'warn'], { stdio: 'inherit' }).status !== 0) fail('vite build failed');
  const preview = spawnProcess(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--outDir', outDir, '--port', String(PORT), '--strictPort'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const stopPreview = () => preview.exitCode === null && preview.kill('SIGTERM');
  process.on('exit', stopPreview);
  let browser;
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(base)).ok) break;
      } catch {
        // not up yet
      }
      if (i > 120) fail(`vite preview did not answer at ${base}`);
      await sleep(250);
    }
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-dev-shm-usage'],
    });
    const context = await browser.newContext();
    // Keeps every hashing worker the page makes, and when the page last posted to it, so that one of
    // the benchmark's can be terminated from outside (the Hash screen's one-thread pool is idle then).
    await context.addInitScript(`(() => {
      const Native = globalThis.Worker;
      if (!Native) return;
      globalThis.__stressWorkers = [];
      globalThis.Worker = class extends Native {
        constructor(url, options) {
          super(url, options);
          this.__lastPost = 0;
          if (options && options.name === 'powlab-worker') globalThis.__stressWorkers.push(this);
        }
        postMessage(...args) {
          this.__lastPost = performance.now();
          return super.postMessage(...args);
        }
      };
    })()`);
    const page = await context.newPage();
    /** @type {string[]} */
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const heapUsed = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
    };
    // As in the CLI part: the heap as it is, and after a full collection ("retained").
    const heap = async () => {
      const used = await heapUsed();
      await cdp.send('HeapProfiler.collectGarbage');
      return { used, retained: await heapUsed() };
    };

    await page.goto(`${base}/#bench`);
    if (!(await page.evaluate('globalThis.crossOriginIsolated'))) fail('the page is not cross-origin isolated');
    if (SECONDS === 300) await page.getByTestId('bench-preset-stress').check();
    else {
      await page.getByTestId('bench-preset-custom').check();
      await page.getByTestId('bench-seconds').fill(String(SECONDS));
    }
    await page.getByTestId('bench-threads').fill(String(THREADS));
    console.log(`Chromium ${browser.version()}; load before: ${uptime()}`);
    await page.getByTestId('bench-start').click();
    const clicked = performance.now();
    await page.getByTestId('bench-status').filter({ hasText: /measuring/i }).waitFor({ timeout: 60_000 });
    // The page's own clock starts when the pool is ready (before its 2 s warm-up); this one at "measuring".
    const t0 = performance.now();
    const now = () => (performance.now() - t0) / 1000;
    console.log(`start to "measuring": ${((t0 - clicked) / 1000).toFixed(1)} s`);

    /** @type {{ t: number, last: string, heap: number, retained: number, rss: number }[]} */
    const samples = [];
    const take = async () => {
      const t = now();
      const last = (await page.getByTestId('bench-live-last').textContent()) ?? '';
      const { used, retained } = await heap();
      samples.push({ t, last, heap: used, retained, rss: rendererRss() });
    };
    await take();
    /** @type {{ t: number, workers: number, index: number, busy: number } | undefined} */
    let kill;
    const result = page.locator('[data-testid="bench-result"][data-hashrate]');
    for (let next = SAMPLE_S; ; next += SAMPLE_S) {
      while (now() < next) {
        if (!kill && now() >= SECONDS / 2) {
          // The first of the workers posted to in the last second: worker 1 of the benchmark's pool.
          kill = { t: now(), .../** @type {{ workers: number, index: number, busy: number }} */ (await page.evaluate(`(() => {
            const all = globalThis.__stressWorkers || [];
            const busy = all.filter((w) => performance.now() - w.__lastPost < 1000);
            if (busy[0]) busy[0].terminate();
            return { workers: all.length, index: all.indexOf(busy[0]), busy: busy.length };
          })()`)) };
        }
        await sleep(Math.min(500, Math.max(10, (next - now()) * 1000)));
      }
      if ((await result.count()) > 0) break;
      await take();
      if (now() > SECONDS + 120) fail('the browser run gave no result in time');
    }
    const record = /** @type {{ hashrate: number, incidents: string[], windows: { start: number, seconds: number, rate: number, valid: boolean }[], hiddenSeconds: number, cv: number }} */ (
      await page.evaluate(`JSON.parse(localStorage.getItem('powlab.benchHistory') || '[]')[0]?.runs?.[0] ?? null`)
    );
    const workersAfter = Number(await page.evaluate('(globalThis.__stressWorkers || []).length'));
    const loadAfter = uptime();
    if (!record) fail('the page stored no result');

    // 10 s rates from the page's 1 s windows (its clock: 0 is the start of the warm-up).
    const measured = record.windows;
    const w0 = /** @type {{ start: number }} */ (measured[0]).start;
    /** @type {number[]} */
    const rates = [];
    /** @type {boolean[]} */
    const invalid = [];
    for (let from = w0; from < w0 + SECONDS - 1e-6; from += SAMPLE_S) {
      const ws = measured.filter((w) => w.start >= from - 1e-6 && w.start < from + SAMPLE_S - 1e-6);
      const secs = ws.reduce((a, w) => a + w.seconds, 0);
      rates.push(ws.reduce((a, w) => a + w.rate * w.seconds, 0) / secs);
      invalid.push(ws.some((w) => !w.valid));
    }
    const minute = (/** @type {number} */ from) => {
      const ws = measured.filter((w) => w.start >= from - 1e-6 && w.start < from + 60 - 1e-6);
      return ws.reduce((a, w) => a + w.rate * w.seconds, 0) / ws.reduce((a, w) => a + w.seconds, 0);
    };
    const lastStart = /** @type {{ start: number, seconds: number }} */ (measured[measured.length - 1]);
    const firstRate = minute(w0);
    const lastRate = minute(lastStart.start + lastStart.seconds - 60);
    // The page's measuring clock runs about the warm-up ahead of this script's (both start near "measuring").
    // The pool finds a terminated Web Worker by its hang timeout, 10 s; the windows up to then are marked.
    const killWindows = kill ? overlapping(rates.map((_, i) => i * SAMPLE_S).concat(rates.length * SAMPLE_S), kill.t, kill.t + 10) : new Set();

    console.log(`result: median ${mhs(record.hashrate)} over ${measured.length} windows of ${(/** @type {{ seconds: number }} */ (measured[0]).seconds).toFixed(2)} s (cv ${(record.cv * 100).toFixed(1)}%), ${measured.filter((w) => !w.valid).length} left out, hidden ${record.hiddenSeconds} s`);
    console.log('  t (s)   page "Last window"   10 s rate (its windows)   JS heap    retained   renderer rss');
    for (const [i, s] of samples.entries()) {
      const r = i === 0 || rates[i - 1] === undefined ? '' : mhs(/** @type {number} */ (rates[i - 1]));
      console.log(`${s.t.toFixed(1).padStart(7)}   ${s.last.padStart(16)}   ${r.padStart(14)}${killWindows.has(i - 1) ? ' *' : invalid[i - 1] ? ' !' : '  '}          ${mib(s.heap).padStart(9)}  ${mib(s.retained).padStart(9)}  ${mib(s.rss).padStart(9)}`);
    }
    for (let i = samples.length - 1; i < rates.length; i++) console.log(`      -   ${''.padStart(16)}   ${mhs(/** @type {number} */ (rates[i])).padStart(14)}${killWindows.has(i) ? ' *' : '  '}`);
    console.log('  (* the windows from the kill to the hang timeout 10 s later; ! a window the page left out)');
    for (const line of spread(rates, killWindows)) console.log(line);
    if (kill) {
      console.log(`kill: at ${kill.t.toFixed(1)} s, ${kill.busy} of the page's ${kill.workers} hashing workers were busy; the first of them (made ${kill.index + 1}${['st', 'nd', 'rd'][kill.index] ?? 'th'}) was terminated; ${workersAfter} made in all by the end`);
      console.log(`  incidents in the result: ${record.incidents.length ? record.incidents.map((m) => `"${m}"`).join('; ') : 'NONE'}`);
    }
    const ok = !!kill && kill.busy === THREADS && record.incidents.length === 1 && workersAfter === kill.workers + 1 && errors.length === 0;
    if (errors.length) console.log(`page errors: ${errors.join(' | ')}`);
    const s1 = /** @type {(typeof samples)[number]} */ (samples[1] ?? samples[0]);
    const sl = /** @type {(typeof samples)[number]} */ (samples[samples.length - 1]);
    console.log(`memory: "first" is the sample at ${s1.t.toFixed(0)} s (at 0 s: JS heap ${mib(/** @type {(typeof samples)[number]} */ (samples[0]).heap)}, renderer rss ${mib(/** @type {(typeof samples)[number]} */ (samples[0]).rss)})`);
    for (const line of verdict(firstRate, lastRate, [
      { name: 'page JS heap (main thread)', first: s1.heap, last: sl.heap, max: Math.max(...samples.map((s) => s.heap)) },
      { name: 'page JS heap retained (after a full collection)', first: s1.retained, last: sl.retained, max: Math.max(...samples.map((s) => s.retained)) },
      { name: 'renderer rss (page and its workers)', first: s1.rss, last: sl.rss, max: Math.max(...samples.map((s) => s.rss)) },
    ])) console.log(line);
    console.log(`load after: ${loadAfter}`);
    return ok;
  } finally {
    await browser?.close();
    stopPreview();
  }
}

console.log(`# PoW Lab soak, ${new Date().toISOString()}: ${MINUTES} min per part, ${THREADS} threads, samples every ${SAMPLE_S} s`);
console.log(`# node ${process.version}, ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${availableParallelism()} logical cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`);
let ok = true;
if (ONLY !== 'browser') ok = (await cliSoak()) && ok;
if (ONLY !== 'cli') ok = (await browserSoak()) && ok;
process.exit(ok ? 0 : 1);
