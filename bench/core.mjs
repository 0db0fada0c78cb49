#!/usr/bin/env node
// npm run bench: single-thread header hashes per second (SHA-256d of an 80-byte header, nonce
// changing every hash) for our scalar and SIMD cores and for two generic libraries, then the
// thread scaling of the SIMD core. All figures come from this one run; compare only ratios.
//
// Method: each contender warms up (V8 tiers wasm up from Liftoff to TurboFan), then contenders take
// turns in rounds of ROUND_SECONDS so that machine noise hits them alike; the figure is the median.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { createSHA256 } from 'hash-wasm';
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { instantiateCore } from '../dist/engine/core/core.js';
import { compileCore } from '../dist/engine/core/wasm-node.js';
import { createNodePool } from '../dist/engine/mining/node-pool.js';
import { GENESIS } from '../dist/engine/core/known-answer.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ROUND_SECONDS = Number(process.env.BENCH_ROUND_SECONDS ?? 1);
const header = Buffer.from(GENESIS.headerHex, 'hex');
const zeroTarget = new Uint8Array(32);

/** @typedef {(() => number) & { native?: undefined }} Step runs a batch in this process, returns its hash count */
/** @typedef {{ native: true, run: (seconds: number) => number }} NativeStep runs for `seconds`, returns its rate */
/** @typedef {'powlab simd (4 lanes)' | 'powlab scalar' | 'hash-wasm sha256(sha256(h))' | '@noble/hashes sha256(sha256(h))' | 'native C 4-lane, gcc -O3' | 'native C 4-lane, -march=native'} Contender */

/**
 * @param {boolean} simd
 * @returns {Promise<Step>}
 */
async function coreContender(simd) {
  const { module } = await compileCore(simd);
  const core = await instantiateCore(module, simd);
  core.prepare({ header, target: zeroTarget });
  let nonce = 0;
  return () => {
    const n = 1 << 16;
    core.mineRange(nonce, n);
    nonce = (nonce + n) % 2 ** 31;
    return n;
  };
}

async function hashWasmContender() {
  const hasher = await createSHA256();
  const h = Buffer.from(header);
  return () => {
    for (let i = 0; i < 4096; i++) {
      h.writeUInt32LE(i, 76);
      hasher.init();
      hasher.update(h);
      const first = hasher.digest('binary');
      hasher.init();
      hasher.update(first);
      hasher.digest('binary');
    }
    return 4096;
  };
}

async function nobleContender() {
  const h = Buffer.from(header);
  return () => {
    for (let i = 0; i < 4096; i++) {
      h.writeUInt32LE(i, 76);
      nobleSha256(nobleSha256(h));
    }
    return 4096;
  };
}

// The yardstick of issue #2: a plain 4-lane native C loop (bench/native/sha256d-4lane.c), built here
// with gcc when it is available, run for the same round length as a child process. It checks itself
// on the genesis header and prints its own rate. "-O3" targets baseline x86-64 (SSE2), the "plain"
// loop; "-O3 -march=native" is shown too, as the best this CPU's compiler output does.
/**
 * @param {string[]} flags
 * @returns {NativeStep | undefined}
 */
function nativeContender(flags) {
  const out = `build/native/sha256d-4lane${flags.includes('-march=native') ? '-native' : ''}`;
  mkdirSync('build/native', { recursive: true });
  const cc = spawnSync('gcc', [...flags, '-o', out, 'bench/native/sha256d-4lane.c'], { encoding: 'utf8' });
  if (cc.status !== 0) return undefined;
  return { native: true, run: (seconds) => {
    const r = spawnSync(out, [String(seconds)], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`native reference failed: ${r.stderr}`);
    return Number(r.stdout.split(' ')[0]);
  } };
}

/**
 * @param {Step | NativeStep} step
 * @param {number} seconds
 */
function measure(step, seconds) {
  if (step.native) return step.run(seconds);
  const end = performance.now() + seconds * 1000;
  const begin = performance.now();
  let hashes = 0;
  while (performance.now() < end) hashes += step();
  return hashes / ((performance.now() - begin) / 1000);
}

/** @param {number[]} xs */
const median = (xs) => /** @type {number} */ ([...xs].sort((a, b) => a - b)[xs.length >> 1]);
/** @param {number} x */
const mhs = (x) => `${(x / 1e6).toFixed(3)} M/s`;

/** @type {Record<string, Step | NativeStep>} */
const contenders = {
  'powlab simd (4 lanes)': await coreContender(true),
  'powlab scalar': await coreContender(false),
  'hash-wasm sha256(sha256(h))': await hashWasmContender(),
  '@noble/hashes sha256(sha256(h))': await nobleContender(),
};
const plainC = nativeContender(['-O3']);
const nativeC = nativeContender(['-O3', '-march=native']);
if (plainC) contenders['native C 4-lane, gcc -O3'] = plainC;
if (nativeC) contenders['native C 4-lane, -march=native'] = nativeC;
console.log(`# PoW Lab core benchmark, ${new Date().toISOString()}`);
console.log(`# node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} logical cores`);
console.log(`# ${ROUNDS} rounds of ${ROUND_SECONDS} s per contender after a warm-up; median shown\n`);

for (const step of Object.values(contenders)) measure(step, 1);
/** @type {Record<string, number[]>} */
const samples = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
for (let r = 0; r < ROUNDS; r++) for (const [name, step] of Object.entries(contenders)) /** @type {number[]} */ (samples[name]).push(measure(step, ROUND_SECONDS));

// The native C names are read only where that contender was built.
const rates = /** @type {Record<Contender, number>} */ (Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)])));
const bestGeneric = Math.max(rates['hash-wasm sha256(sha256(h))'], rates['@noble/hashes sha256(sha256(h))']);
console.log('single thread                      rate         vs best generic  min..max');
for (const [name, rate] of Object.entries(rates)) {
  const s = /** @type {number[]} */ (samples[name]);
  console.log(`${name.padEnd(34)} ${mhs(rate).padStart(12)} ${`${(rate / bestGeneric).toFixed(2)}x`.padStart(10)}      ${mhs(Math.min(...s))}..${mhs(Math.max(...s))}`);
}
const simdRate = rates['powlab simd (4 lanes)'];
console.log(`\nSIMD vs scalar core: ${(simdRate / rates['powlab scalar']).toFixed(2)}x`);
if (plainC) {
  console.log(`SIMD vs plain 4-lane native C, this run: ${((simdRate / rates['native C 4-lane, gcc -O3']) * 100).toFixed(0)}% (goal >= 85%)`);
  console.log(`SIMD vs the same C built for this CPU (-march=native): ${((simdRate / rates['native C 4-lane, -march=native']) * 100).toFixed(0)}%`);
} else {
  console.log('gcc not found: no native C reference this run');
}

// Thread scaling: the worker pool (worker_threads), 1 thread then all threads, same method as `powlab bench`.
/** @type {{ threads: number, rate: number }[]} */
const scaling = [];
for (const threads of [...new Set([1, Math.min(2, availableParallelism()), availableParallelism()])]) {
  const pool = await createNodePool(threads, true);
  await pool.selfTest();
  const report = await pool.bench(header, { warmupSeconds: 1, windowSeconds: ROUND_SECONDS, windows: ROUNDS });
  pool.close();
  const totals = report.windows.map((w) => w.reduce((s, t) => s + t.hashes / t.seconds, 0));
  scaling.push({ threads, rate: median(totals) });
}
console.log('\nthreads  total rate   speed-up');
for (const { threads, rate } of scaling) console.log(`${String(threads).padStart(7)}  ${mhs(rate).padStart(11)}  ${(rate / /** @type {{ rate: number }} */ (scaling[0]).rate).toFixed(2)}x`);
if (plainC) {
  console.log(`\n1 worker thread vs plain native C: ${((/** @type {{ rate: number }} */ (scaling[0]).rate / rates['native C 4-lane, gcc -O3']) * 100).toFixed(0)}% (the pool's single thread, no other contender in its process)`);
}
