#!/usr/bin/env node
// npm run bench:gpu: the WebGPU backend's rate next to the WebAssembly core's, in one run.
//
// Builds the app into dist-app-bench-gpu, serves it with `vite preview`, and in headless Chromium with
// --enable-unsafe-webgpu runs, in alternating order over ROUNDS rounds, the page's own benchmark
// links /?bench=run&backend=webgpu and /?bench=run&backend=wasm&threads=1, reading
// [data-testid=bench-result] (data-hashrate, data-adapter, data-emulated) when each ends. Then, where
// Node's WebGPU finds an adapter (the optional webgpu package, a Vulkan loader and driver), the CLI's
// `powlab bench --gpu`, with the adapter and the ratio to the modeled native header rate of its class
// (0.47 x hashcat mode 1400, the Devices catalogue) when the adapter names a catalogue GPU.
//
// Headless Chromium here has only SwiftShader: a CPU emulation, so its rate is printed as
// "emulated on the CPU, not a GPU figure" and says nothing about any GPU.
//
//   BENCH_SECONDS (default 5), BENCH_WARMUP (1), BENCH_ROUNDS (2)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { median, rate, runStep, waitForServer } from './lib.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const PORT = 4181;
const OUT_DIR = 'dist-app-bench-gpu';
const BASE = `http://localhost:${PORT}`;

/** @param {string} message @returns {never} */
function fail(message) {
  console.error(`bench:gpu: ${message}`);
  process.exit(2);
}
for (const [name, value] of /** @type {[string, number][]} */ ([['BENCH_SECONDS', SECONDS], ['BENCH_WARMUP', WARMUP], ['BENCH_ROUNDS', ROUNDS]])) {
  if (!Number.isFinite(value) || value < 0) fail(`${name} must be a number of at least 0, got ${value}`);
}

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {'webgpu' | 'wasm'} backend
 */
async function pageBench(browser, backend) {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${BASE}/?bench=run&backend=${backend}&threads=1&seconds=${SECONDS}&warmup=${WARMUP}`);
    const result = page.locator('[data-testid="bench-result"][data-hashrate]');
    await result.waitFor({ state: 'attached', timeout: (SECONDS + WARMUP + 90) * 1000 }).catch(async () => {
      const why = await page.locator('[data-testid="bench-error"], [data-testid="bench-url-error"]').allTextContents();
      fail(`the ${backend} run gave no result: ${why.join(' ').trim() || 'timed out'}`);
    });
    return {
      hashrate: Number(await result.getAttribute('data-hashrate')),
      adapter: (await result.getAttribute('data-adapter')) ?? '',
      emulated: (await result.getAttribute('data-emulated')) === 'true',
    };
  } finally {
    await context.close();
  }
}

if (!existsSync('build/wasm/pow.simd.wasm')) runStep('npm', ['run', '--silent', 'build:wasm'], fail);
if (!existsSync('dist/cli/main.js')) runStep('npm', ['run', '--silent', 'build:cli'], fail);
runStep(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', OUT_DIR, '--logLevel', 'warn'], fail);
const preview = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--outDir', OUT_DIR, '--port', String(PORT), '--strictPort'], { stdio: ['ignore', 'ignore', 'inherit'] });
process.on('exit', () => preview.exitCode === null && preview.kill('SIGTERM'));

let browser;
try {
  await waitForServer(BASE, 30_000, fail);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--enable-unsafe-webgpu'] });
  console.log(`machine: ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${availableParallelism()} logical cores; Chromium ${browser.version()}; load average ${loadavg()[0]?.toFixed(1)}`);
  console.log(`each run: ${WARMUP} s warm-up + ${SECONDS} s measured; ${ROUNDS} rounds, WebGPU and WebAssembly (1 thread) in alternating order\n`);
  /** @type {Record<'webgpu' | 'wasm', number[]>} */
  const rates = { webgpu: [], wasm: [] };
  let adapter = '';
  let emulated = false;
  for (let round = 0; round < ROUNDS; round++) {
    /** @type {('wasm' | 'webgpu')[]} */
    const order = round % 2 ? ['wasm', 'webgpu'] : ['webgpu', 'wasm'];
    for (const backend of order) {
      const r = await pageBench(browser, backend);
      rates[backend].push(r.hashrate);
      if (backend === 'webgpu') ({ adapter, emulated } = r);
      console.log(`  round ${round + 1} ${backend.padEnd(6)} ${rate(r.hashrate).padStart(11)}${backend === 'webgpu' ? `  on ${r.adapter}${r.emulated ? ' (emulated on the CPU, not a GPU figure)' : ''}` : ''}`);
    }
  }
  const gpu = median(rates.webgpu);
  const cpu = median(rates.wasm);
  console.log(`\npage  WebGPU ${rate(gpu)} on ${adapter}${emulated ? ' - EMULATED ON THE CPU, NOT A GPU FIGURE' : ''}`);
  console.log(`page  WebAssembly, 1 thread ${rate(cpu)}`);
  console.log(`page  WebGPU / WebAssembly 1 thread: ${(gpu / cpu).toFixed(3)} (spread: WebGPU ${rates.webgpu.map(rate).join(', ')}; wasm ${rates.wasm.map(rate).join(', ')})`);
} finally {
  await browser?.close();
}

// The CLI's GPU, where Node's WebGPU finds an adapter.
const cli = spawnSync(process.execPath, ['bin/powlab.js', 'bench', '--gpu', '--seconds', String(SECONDS), '--warmup', String(WARMUP), '--json'], { encoding: 'utf8' });
if (cli.status === 0) {
  const json = JSON.parse(cli.stdout);
  const { modeledGpuFor } = await import('../dist/model/devices.js');
  const modeled = modeledGpuFor(json.adapter);
  const name = [json.adapter.vendor, json.adapter.architecture, json.adapter.description || json.adapter.device].filter(Boolean).join(' ');
  console.log(`\nnode  WebGPU ${rate(json.hashrate)} on ${name}${json.adapter.emulated ? ' - EMULATED ON THE CPU, NOT A GPU FIGURE' : ''} (cv ${(json.spread.cv * 100).toFixed(1)}%)`);
  if (modeled) console.log(`node  ${((100 * json.hashrate) / modeled.hashrate).toFixed(1)}% of the modeled ${modeled.name} (${rate(modeled.hashrate)}: ${(modeled.basis ?? "modeled").split(';')[0]}); goal at least 40%`);
  else console.log('node  the adapter names no GPU the catalogue models: no ratio to a modeled rate');
} else {
  console.log(`\nnode  no GPU figure: ${cli.stderr.trim().split('\n').at(-1)}`);
}
