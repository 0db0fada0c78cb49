// What the page-driving benchmarks (bench:browser, bench:gpu) share: the median, a rate in words, a
// build step that must succeed, and waiting for `vite preview` to answer.
import { spawnSync } from 'node:child_process';

/** @param {number[]} values */
export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? /** @type {number} */ (s[m]) : (/** @type {number} */ (s[m - 1]) + /** @type {number} */ (s[m])) / 2;
}

/** 4_180_000 -> "4.18 MH/s". @param {number} h */
export function rate(h) {
  const units = ['H/s', 'kH/s', 'MH/s', 'GH/s', 'TH/s'];
  let u = 0;
  while (h >= 1000 && u < units.length - 1) {
    h /= 1000;
    u++;
  }
  return `${h.toFixed(h < 10 ? 2 : h < 100 ? 1 : 0)} ${units[u]}`;
}

/**
 * Runs a step with its output shown; `fail` ends the benchmark when it does not succeed.
 * @param {string} command @param {string[]} args @param {(message: string) => never} fail
 */
export function runStep(command, args, fail) {
  const r = spawnSync(command, args, { stdio: 'inherit' });
  if (r.status !== 0) fail(`${command} ${args.join(' ')} failed (exit ${r.status})`);
}

/** @param {string} url @param {number} ms @param {(message: string) => never} fail */
export async function waitForServer(url, ms, fail) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  fail(`vite preview did not answer at ${url}`);
}
