#!/usr/bin/env node
// npm run bench:sim: how long the chain simulation takes for 1,000,000 blocks, per algorithm, on one
// core (the same code the page runs in its worker). Runs on the compiled dist/ (npm run build:cli).
// Each algorithm runs once to warm up, then ROUNDS times; the figure is the median.
import { cpus } from 'node:os';
import { simulate } from '../dist/sim/chain-sim.js';

const BLOCKS = Number(process.env.BENCH_BLOCKS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
/** @type {import('../dist/sim/chain-sim.js').Scenario} */
const scenario = { kind: 'drop', hashrate: 8e20, factor: 0.5, atDays: 30 };

/** @param {import('../dist/sim/chain-sim.js').SimConfig['algorithms']} algorithms */
function time(algorithms) {
  const started = performance.now();
  const result = simulate({ algorithms, scenario, blocks: BLOCKS, seed: 1 });
  const ms = performance.now() - started;
  // Check the run before timing counts: every algorithm kept blocks near 600 s.
  for (const r of result.results) {
    if (!(Math.abs(r.meanInterval - 600) < 60)) throw new Error(`${r.algorithm}: mean interval ${r.meanInterval} s; refusing to report a time`);
  }
  return ms;
}

/** @param {number[]} xs */
const median = (xs) => /** @type {number} */ ([...xs].sort((a, b) => a - b)[xs.length >> 1]);

console.log(`chain simulation, ${BLOCKS.toLocaleString('en-US')} blocks, scenario "drop to half at day 30", median of ${ROUNDS}`);
console.log(`${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
const rows = [];
for (const algorithms of /** @type {import('../dist/sim/chain-sim.js').SimConfig['algorithms'][]} */ ([['bitcoin'], ['asert'], ['lwma'], ['sma'], ['bitcoin', 'asert', 'lwma', 'sma']])) {
  time(algorithms);
  const ms = median(Array.from({ length: ROUNDS }, () => time(algorithms)));
  const label = algorithms.length > 1 ? 'all four, side by side' : /** @type {string} */ (algorithms[0]);
  rows.push({ label, ms });
  console.log(`  ${label.padEnd(24)} ${ms.toFixed(0).padStart(6)} ms  (${((BLOCKS * algorithms.length) / ms / 1000).toFixed(2)} M blocks/s)`);
}
const worst = Math.max(...rows.slice(0, 4).map((r) => r.ms));
console.log(`slowest single algorithm: ${worst.toFixed(0)} ms for ${BLOCKS.toLocaleString('en-US')} blocks (${worst < 2000 ? 'under' : 'OVER'} the 2 s goal)`);
