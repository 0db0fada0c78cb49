#!/usr/bin/env node
// npm run bench: single-thread header hashes per second (SHA-256d of an 80-byte header, nonce
// changing every hash) for our scalar and SIMD cores and for two generic libraries, then the
// thread scaling of the SIMD core. All figures come from this one run; compare only ratios.
//
// Method: each contender warms up (V8 tiers wasm up from Liftoff to TurboFan), then contenders take
// turns in rounds of ROUND_SECONDS so that machine noise hits them alike; the figure is the median.
import { availableParallelism, cpus } from 'node:os';
import { createSHA256 } from 'hash-wasm';
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { instantiateCore } from '../dist/engine/core.js';
import { compileCore } from '../dist/engine/wasm-node.js';
import { createNodePool } from '../dist/engine/node-pool.js';
import { GENESIS } from '../dist/engine/known-answer.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ROUND_SECONDS = Number(process.env.BENCH_ROUND_SECONDS ?? 1);
const header = Buffer.from(GENESIS.headerHex, 'hex');
const zeroTarget = new Uint8Array(32);

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

function measure(step, seconds) {
  const end = performance.now() + seconds * 1000;
  const begin = performance.now();
  let hashes = 0;
  while (performance.now() < end) hashes += step();
  return hashes / ((performance.now() - begin) / 1000);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const mhs = (x) => `${(x / 1e6).toFixed(3)} M/s`;

const contenders = {
  'powlab simd (4 lanes)': await coreContender(true),
  'powlab scalar': await coreContender(false),
  'hash-wasm sha256(sha256(h))': await hashWasmContender(),
  '@noble/hashes sha256(sha256(h))': await nobleContender(),
};
console.log(`# PoW Lab core benchmark, ${new Date().toISOString()}`);
console.log(`# node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} logical cores`);
console.log(`# ${ROUNDS} rounds of ${ROUND_SECONDS} s per contender after a warm-up; median shown\n`);

for (const step of Object.values(contenders)) measure(step, 1);
const samples = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
for (let r = 0; r < ROUNDS; r++) for (const [name, step] of Object.entries(contenders)) samples[name].push(measure(step, ROUND_SECONDS));

const rates = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
const bestGeneric = Math.max(rates['hash-wasm sha256(sha256(h))'], rates['@noble/hashes sha256(sha256(h))']);
console.log('single thread                      rate         vs best generic  min..max');
for (const [name, rate] of Object.entries(rates)) {
  const s = samples[name];
  console.log(`${name.padEnd(34)} ${mhs(rate).padStart(12)} ${`${(rate / bestGeneric).toFixed(2)}x`.padStart(10)}      ${mhs(Math.min(...s))}..${mhs(Math.max(...s))}`);
}
const simdRate = rates['powlab simd (4 lanes)'];
console.log(`\nSIMD vs scalar core: ${(simdRate / rates['powlab scalar']).toFixed(2)}x`);
console.log(`SIMD vs 4-lane native C reference of 5.0 M/s (issue #2, same machine class): ${((simdRate / 5.0e6) * 100).toFixed(0)}%`);

// Thread scaling: the worker pool (worker_threads), 1 thread then all threads, same method as `powlab bench`.
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
for (const { threads, rate } of scaling) console.log(`${String(threads).padStart(7)}  ${mhs(rate).padStart(11)}  ${(rate / scaling[0].rate).toFixed(2)}x`);
