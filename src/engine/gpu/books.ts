// Pure host-side pieces of the WebGPU miner, tested without a GPU (test/unit/gpu-books.test.ts): the
// read-back layout, the final reduction of the per-workgroup best records, hash comparisons as Bitcoin
// makes them, and dispatch sizing from measured times.

import { NONCES_PER_WORKGROUP, RECORD_WORDS, RESULT, RESULT_WORDS } from './kernel.js';

/** One dispatch's read-back: the result words, then one record per workgroup. */
export interface DispatchReadback {
  solutions: number;
  /** Index (nonce - dispatch start) of the lowest solution; meaningful when solutions > 0. */
  firstSolution: number;
  shares: number;
  /** RECORD_WORDS u32 per workgroup: least top word, least index holding it, how many nonces hold it. */
  records: Uint32Array;
}

export function parseReadback(words: Uint32Array, workgroups: number): DispatchReadback {
  return {
    solutions: words[RESULT.solutions]!,
    firstSolution: words[RESULT.firstSolution]!,
    shares: words[RESULT.shares]!,
    records: words.slice(RESULT_WORDS, RESULT_WORDS + workgroups * RECORD_WORDS),
  };
}

/** Where the dispatch's lowest hash can be: single indices, or whole workgroup ranges to rescan. */
export interface BestCandidates {
  /** The least top word of the dispatch. */
  top: number;
  /** Indices (nonce - dispatch start) that hold it alone in their workgroup. */
  indices: number[];
  /** [from, to) index ranges of workgroups where several nonces hold it: the host hashes them all. */
  ranges: Array<[number, number]>;
}

/**
 * The final reduction of the workgroups' records for a dispatch of `count` nonces: the least top word
 * and every place a hash with it may be. Deciding among them needs the full hashes (the caller's).
 */
export function bestCandidates(records: Uint32Array, count: number): BestCandidates {
  const workgroups = Math.ceil(count / NONCES_PER_WORKGROUP);
  let top = 0xffffffff;
  for (let w = 0; w < workgroups; w++) top = Math.min(top, records[w * RECORD_WORDS]!);
  const indices: number[] = [];
  const ranges: Array<[number, number]> = [];
  for (let w = 0; w < workgroups; w++) {
    const r = w * RECORD_WORDS;
    if (records[r] !== top) continue;
    const holders = records[r + 2]!;
    if (holders === 1) indices.push(records[r + 1]!);
    else ranges.push([w * NONCES_PER_WORKGROUP, Math.min(count, (w + 1) * NONCES_PER_WORKGROUP)]);
  }
  return { top, indices, ranges };
}

/** a < b, both raw hashes read as little-endian 256-bit numbers (as Bitcoin compares them). */
export function hashLess(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = 31; i >= 0; i--) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

/** hash <= target, both little-endian 256-bit numbers. */
export function hashAtMost(hash: Uint8Array, target: Uint8Array): boolean {
  return !hashLess(target, hash);
}

/** A raw hash's 32 most significant bits (bytes 28..31 read little-endian). */
export function topWord(hash: Uint8Array): number {
  return (hash[28]! | (hash[29]! << 8) | (hash[30]! << 16) | (hash[31]! << 24)) >>> 0;
}

export interface SizingLimits {
  /** Seconds one dispatch should take. */
  target: number;
  min: number;
  max: number;
}

/**
 * The next dispatch's nonce count from the last one's (`count` nonces in `seconds` of GPU time): the
 * count that would take `target` seconds at that rate, at most 4 times the last (a first measurement
 * can be noisy), within [min, max], rounded to whole workgroups.
 */
export function nextDispatchSize(count: number, seconds: number, limits: SizingLimits): number {
  const wanted = seconds > 0 ? (count / seconds) * limits.target : count * 4;
  const size = Math.min(wanted, count * 4, limits.max);
  const rounded = Math.floor(size / NONCES_PER_WORKGROUP) * NONCES_PER_WORKGROUP;
  return Math.max(limits.min, Math.min(limits.max, rounded));
}
