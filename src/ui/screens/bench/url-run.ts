// URL-driven runs: /?bench=run&seconds=S&threads=T[&backend=wasm|webgpu|both][&simd=0|1][&warmup=W][&stable=1] starts that
// benchmark when the page opens. Every parameter is checked; a bad one stops the run with a message
// naming it.

import type { Backend } from '../../../model/bench-result.js';

export interface UrlRun {
  backend: Backend;
  seconds: number;
  threads: number;
  simd: boolean | undefined;
  warmupSeconds: number | undefined;
  stopWhenStable: boolean;
}

export type UrlRunParse = { kind: 'none' } | { kind: 'run'; run: UrlRun } | { kind: 'invalid'; problems: string[] };

export const URL_SECONDS = { min: 1, max: 3600 };
export const URL_WARMUP = { min: 0, max: 60 };

function flag(value: string | null, name: string, problems: string[]): boolean | undefined {
  if (value === null) return undefined;
  if (value === '1' || value === 'on' || value === 'true') return true;
  if (value === '0' || value === 'off' || value === 'false') return false;
  problems.push(`${name}=${value}: use ${name}=1 or ${name}=0.`);
  return undefined;
}

function decimal(value: string | null, name: string, min: number, max: number, problems: string[]): number | undefined {
  if (value === null) return undefined;
  const n = /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(n) || n < min || n > max) {
    problems.push(`${name}=${value}: must be a number of seconds from ${min} to ${max}.`);
    return undefined;
  }
  return n;
}

/** Reads the page's query string; `cores` bounds the thread count. */
export function parseUrlRun(search: string, cores: number): UrlRunParse {
  const params = new URLSearchParams(search);
  const bench = params.get('bench');
  if (bench === null) return { kind: 'none' };
  const problems: string[] = [];
  if (bench !== 'run') problems.push(`bench=${bench}: the only action is bench=run.`);
  const seconds = decimal(params.get('seconds'), 'seconds', URL_SECONDS.min, URL_SECONDS.max, problems);
  const warmupSeconds = decimal(params.get('warmup'), 'warmup', URL_WARMUP.min, URL_WARMUP.max, problems);
  let threads: number | undefined;
  const t = params.get('threads');
  if (t !== null) {
    if (!/^\s*\d+\s*$/.test(t) || Number(t) < 1 || Number(t) > cores) {
      problems.push(`threads=${t}: must be a whole number from 1 to ${cores} (this device's logical cores).`);
    } else threads = Number(t);
  }
  const simd = flag(params.get('simd'), 'simd', problems);
  const stable = flag(params.get('stable'), 'stable', problems);
  const b = params.get('backend');
  if (b !== null && b !== 'wasm' && b !== 'webgpu' && b !== 'both') problems.push(`backend=${b}: use backend=wasm (the CPU), backend=webgpu (the GPU) or backend=both.`);
  const backend: Backend = b === 'webgpu' || b === 'both' ? b : 'wasm';
  if (problems.length > 0) return { kind: 'invalid', problems };
  return { kind: 'run', run: { backend, seconds: seconds ?? 10, threads: threads ?? cores, simd, warmupSeconds, stopWhenStable: stable === true } };
}
