#!/usr/bin/env node
// npm run bench:browser: the browser's hashrate next to the CLI's, on this machine, in one run.
//
// Builds the app into dist-app-bench (and the wasm core and CLI if they are missing), serves it with
// `vite preview` (cross-origin isolated), and for each thread count T runs, in turns:
//   - the CLI:     node bin/powlab.js bench --seconds S --threads T --warmup W --json
//   - the browser: headless Chromium opens /?bench=run&seconds=S&threads=T&warmup=W and reads
//                  [data-testid=bench-result] data-hashrate when the run ends.
// Both hash the genesis header with the SIMD core after a verified self-test, and both report the
// median of their windows. Turns alternate (CLI first, then browser first) over ROUNDS rounds so that
// machine noise hits both alike; the figure for each side is the median of its rounds.
//
//   BENCH_SECONDS (default 10), BENCH_WARMUP (2), BENCH_ROUNDS (2), BENCH_THREADS ("1,2")
//   --record   also append the table to bench/RESULTS.md under "## Browser vs CLI"
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { chromium } from '@playwright/test';
import { median, rate, runStep, waitForServer } from './lib.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const THREADS = (process.env.BENCH_THREADS ?? '1,2').split(',').map(Number);
const PORT = 4180;
const OUT_DIR = 'dist-app-bench';
const BASE = `http://localhost:${PORT}`;
const TARGET = 0.15;

for (const [name, value] of /** @type {[string, number][]} */ ([['BENCH_SECONDS', SECONDS], ['BENCH_WARMUP', WARMUP], ['BENCH_ROUNDS', ROUNDS]])) {
  if (!Number.isFinite(value) || value < 0) fail(`${name} must be a number of at least 0, got ${value}`);
}
if (THREADS.some((t) => !Number.isInteger(t) || t < 1)) fail(`BENCH_THREADS must list whole numbers of at least 1, got ${process.env.BENCH_THREADS}`);

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  console.error(`bench:browser: ${message}`);
  process.exit(2);
}

/** @param {number} threads */
function cliBench(threads) {
  const r = spawnSync(process.execPath, ['bin/powlab.js', 'bench', '--seconds', String(SECONDS), '--threads', String(threads), '--warmup', String(WARMUP), '--json'], {
    encoding: 'utf8',
  });
  if (r.status !== 0) fail(`the CLI bench failed (exit ${r.status}): ${r.stderr.trim()}`);
  const json = JSON.parse(r.stdout);
  if (!(json.hashrate > 0) || json.evidence?.checksum?.workload !== "powlab-checksum-v1") fail(`the CLI reported no hashrate with its core's evidence: ${r.stdout}`);
  return { hashrate: json.hashrate, perThread: json.perThread, cv: json.spread.cv, simd: json.simd };
}

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {number} threads
 */
async function browserBench(browser, threads) {
  const context = await browser.newContext();
  const page = await context.newPage();
  /** @type {string[]} */
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(`${BASE}/?bench=run&seconds=${SECONDS}&threads=${threads}&warmup=${WARMUP}`);
    if (!(await page.evaluate(() => globalThis.crossOriginIsolated))) fail('the page is not cross-origin isolated');
    const result = page.locator('[data-testid="bench-result"][data-hashrate]');
    await result.waitFor({ state: 'attached', timeout: (SECONDS + WARMUP + 60) * 1000 }).catch(async () => {
      const why = await page.locator('[data-testid="bench-error"], [data-testid="bench-url-error"]').allTextContents();
      fail(`the browser run gave no result: ${why.join(' ').trim() || errors.join('; ') || 'timed out'}`);
    });
    const hashrate = Number(await result.getAttribute('data-hashrate'));
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('powlab.benchHistory') ?? '[]')[0]);
    const record = stored?.runs?.[0];
    if (!(hashrate > 0) || !record) fail(`the browser reported no hashrate (${hashrate})`);
    if (errors.length) fail(`console errors in the page: ${errors.join('; ')}`);
    return { hashrate, perThread: record.perWorker, cv: record.cv, simd: record.simd, hidden: record.hiddenSeconds };
  } finally {
    await context.close();
  }
}

/** @typedef {ReturnType<typeof cliBench>} CliRun */
/** @typedef {Awaited<ReturnType<typeof browserBench>>} BrowserRun */

// ---- build what is needed -----------------------------------------------------------------------

if (!existsSync('build/wasm/pow.wasm') || !existsSync('build/wasm/pow.simd.wasm')) runStep('npm', ['run', '--silent', 'build:wasm'], fail);
if (!existsSync('dist/cli/main.js')) runStep('npm', ['run', '--silent', 'build:cli'], fail);
runStep(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', OUT_DIR, '--logLevel', 'warn'], fail);

const preview = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--outDir', OUT_DIR, '--port', String(PORT), '--strictPort'], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
const stopPreview = () => {
  if (preview.exitCode === null) preview.kill('SIGTERM');
};
process.on('exit', stopPreview);

let browser;
try {
  await waitForServer(BASE, 30_000, fail);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  const chromeVersion = browser.version();
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const loadBefore = /** @type {number} */ (loadavg()[0]).toFixed(1);
  console.log(`machine: ${cpu}, ${availableParallelism()} logical cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; node ${process.version}; Chromium ${chromeVersion}; load average ${loadBefore}`);
  console.log(`each run: ${WARMUP} s warm-up + ${SECONDS} s measured; ${ROUNDS} round${ROUNDS === 1 ? '' : 's'} per thread count, CLI and browser in alternating order\n`);

  const rows = [];
  for (const threads of THREADS) {
    const cli = [];
    const web = [];
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? ['cli', 'browser'] : ['browser', 'cli'];
      for (const side of order) {
        if (side === 'cli') {
          const r = cliBench(threads);
          cli.push(r);
          console.log(`  T=${threads} round ${round + 1} CLI     ${rate(r.hashrate).padStart(11)}  (cv ${(r.cv * 100).toFixed(1)}%)`);
        } else {
          const r = await browserBench(browser, threads);
          web.push(r);
          console.log(`  T=${threads} round ${round + 1} browser ${rate(r.hashrate).padStart(11)}  (cv ${(r.cv * 100).toFixed(1)}%${r.hidden ? `, hidden ${r.hidden.toFixed(1)} s` : ''})`);
        }
      }
    }
    const c = median(cli.map((r) => r.hashrate));
    const b = median(web.map((r) => r.hashrate));
    rows.push({ threads, cli: c, browser: b, ratio: b / c, simd: /** @type {CliRun} */ (cli[0]).simd && /** @type {BrowserRun} */ (web[0]).simd });
  }

  const header = '| threads | CLI total | browser total | CLI per thread | browser per thread | browser / CLI | within 15% |';
  const lines = [
    header,
    '| ---: | ---: | ---: | ---: | ---: | ---: | :---: |',
    ...rows.map(
      (r) =>
        `| ${r.threads} | ${rate(r.cli)} | ${rate(r.browser)} | ${rate(r.cli / r.threads)} | ${rate(r.browser / r.threads)} | ${r.ratio.toFixed(3)} | ${Math.abs(1 - r.ratio) <= TARGET ? 'yes' : 'no'} |`,
    ),
  ];
  console.log(`\n${lines.join('\n')}`);

  if (process.argv.includes('--record')) {
    const date = new Date().toISOString().slice(0, 10);
    const file = 'bench/RESULTS.md';
    const existing = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const section = [
      existing === '' ? '# Benchmark results\n' : '',
      `## Browser vs CLI (${date})`,
      '',
      `\`npm run bench:browser\` on ${cpu}, ${availableParallelism()} logical cores; node ${process.version}; Debian Chromium ${chromeVersion} headless.`,
      `SIMD core, genesis header, ${WARMUP} s warm-up + ${SECONDS} s measured per run, median of ${ROUNDS} alternating rounds per side; each side's figure is itself the median of its windows.`,
      `1-minute load average ${loadBefore} before and ${/** @type {number} */ (loadavg()[0]).toFixed(1)} after (other work on the machine; with more runnable threads than cores, every figure is noisy).`,
      '',
      ...lines,
      '',
      '',
    ].join('\n');
    appendFileSync(file, `${existing === '' || existing.endsWith('\n\n') ? '' : existing.endsWith('\n') ? '\n' : '\n\n'}${section}`);
    console.log(`\nappended to ${file}`);
  }
} finally {
  await browser?.close();
  stopPreview();
}
