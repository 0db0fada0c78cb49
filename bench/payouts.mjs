#!/usr/bin/env node
// npm run bench:payouts: speed of the payout Monte Carlo (src/sim/payouts, compiled to dist/ by
// `npm run build:cli`). The target from issue 5: 10,000 trials of a 30-day PPLNS simulation for a
// 5 PH/s miner in a 500 PH/s pool in under 3 s. Each case is checked against its closed form first
// (a fast wrong answer is no result), warmed up once, then timed as the median of ROUNDS runs.
import { cpus } from 'node:os';
import { simulatePayouts } from '../dist/sim/payouts/index.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const DAY = 86_400;
// Difficulty ~1e14 (mainnet in 2025 is ~1.1e14), subsidy 3.125 BTC after the April 2024 halving.
const NET = { difficulty: 1e14, subsidy: 3.125, fees: 0.1, poolFee: 0.02 };

/**
 * @type {{
 *   label: string;
 *   scheme: import('../dist/sim/payouts/index.js').SchemeId;
 *   target?: number;
 *   input: Parameters<typeof simulatePayouts>[1] & { trials: number };
 * }[]}
 */
const cases = [
  { label: 'PPLNS, 5 PH/s in a 500 PH/s pool, 30 days, 10,000 trials (target < 3 s)', scheme: 'pplns', target: 3000,
    input: { ...NET, hashrate: 5e15, poolHashrate: 5e17, seconds: 30 * DAY, trials: 10_000 } },
  { label: 'PPLNS, 5 PH/s in a 50 EH/s pool, 365 days, 1,000 trials (~3,700 pool blocks each)', scheme: 'pplns',
    input: { ...NET, hashrate: 5e15, poolHashrate: 5e19, seconds: 365 * DAY, trials: 1_000 } },
  { label: 'PROP, same large pool, 365 days, 1,000 trials', scheme: 'prop',
    input: { ...NET, hashrate: 5e15, poolHashrate: 5e19, seconds: 365 * DAY, trials: 1_000 } },
  { label: 'SOLO, 200 TH/s, 365 days, 100,000 trials', scheme: 'solo', input: { ...NET, hashrate: 2e14, seconds: 365 * DAY, trials: 100_000 } },
  { label: 'FPPS, 200 TH/s, 365 days, 100,000 trials', scheme: 'fpps', input: { ...NET, hashrate: 2e14, poolHashrate: 5e19, seconds: 365 * DAY, trials: 100_000 } },
];

/** @param {number[]} values */
function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return /** @type {number} */ (s[s.length >> 1]);
}

const rows = [];
let failed = false;
for (const c of cases) {
  // Verify: the simulated mean within 5 standard errors of the closed form.
  const check = simulatePayouts(c.scheme, { ...c.input, seed: 12345 });
  const sem = check.analytic.stdev / Math.sqrt(c.input.trials);
  if (Math.abs(check.earnings.mean - check.analytic.mean) > 5 * sem + 1e-12) {
    console.error(`${c.label}: mean ${check.earnings.mean} is not within 5 standard errors of ${check.analytic.mean}`);
    failed = true;
    continue;
  }
  const times = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    simulatePayouts(c.scheme, { ...c.input, seed: r + 1 });
    times.push(performance.now() - t0);
  }
  const ms = median(times);
  const ok = c.target === undefined || ms < c.target;
  if (!ok) failed = true;
  rows.push({ label: c.label, ms, ok, target: c.target });
  console.log(`${ms.toFixed(0).padStart(7)} ms  ${c.label}${c.target === undefined ? '' : ok ? '  OK' : '  TOO SLOW'}`);
}
console.log(`\nmedian of ${ROUNDS} runs each; node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), ${new Date().toISOString().slice(0, 10)}`);
process.exitCode = failed ? 1 : 0;
