// Splits a nonce range into batches and hands them, in increasing order, to whichever thread is free.
// The answer is the same as a single thread scanning in order: once a batch finds a solution no later
// batch is handed out, batches already running finish, and the lowest solution wins.

import type { BatchResult } from './protocol.js';

export interface BatchRunner {
  mine(start: number, count: number): Promise<BatchResult>;
}

export interface SearchProgress {
  hashes: number;
  shares: number;
  /** Lowest hash seen so far (raw sha256d output) and its nonce. */
  bestHash: Uint8Array;
  bestNonce: number;
  /** The lowest nonce not yet handed out. */
  nextNonce: number;
}

export interface SearchOutcome extends SearchProgress {
  found: boolean;
  nonce?: number;
  hash?: Uint8Array;
  aborted: boolean;
}

export interface SearchOptions {
  /** Nonces per batch; the pool sizes it to about 50-100 ms of work. */
  batchSize: number;
  onBatch?: (progress: SearchProgress) => void;
  signal?: AbortSignal;
}

/** a < b when both raw hashes are read as little-endian 256-bit integers. */
export function hashLess(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = 31; i >= 0; i--) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

export async function searchRange(
  runners: readonly BatchRunner[],
  start: number,
  count: number,
  options: SearchOptions,
): Promise<SearchOutcome> {
  const end = start + count;
  const state: SearchOutcome = {
    found: false,
    aborted: false,
    hashes: 0,
    shares: 0,
    bestHash: new Uint8Array(32).fill(0xff),
    bestNonce: start,
    nextNonce: start,
  };
  let best: { nonce: number; hash: Uint8Array } | undefined;
  const stopped = () => best !== undefined || options.signal?.aborted === true;

  async function drive(runner: BatchRunner): Promise<void> {
    while (!stopped() && state.nextNonce < end) {
      const batchStart = state.nextNonce;
      const n = Math.min(options.batchSize, end - batchStart);
      state.nextNonce += n;
      const r = await runner.mine(batchStart, n);
      state.hashes += r.hashes;
      state.shares += r.shares;
      if (hashLess(r.bestHash, state.bestHash)) {
        state.bestHash = r.bestHash;
        state.bestNonce = r.bestNonce;
      }
      if (r.found && (!best || r.nonce! < best.nonce)) best = { nonce: r.nonce!, hash: r.hash! };
      options.onBatch?.(state);
    }
  }

  await Promise.all(runners.map(drive));
  if (best) {
    state.found = true;
    state.nonce = best.nonce;
    state.hash = best.hash;
  } else if (options.signal?.aborted) {
    state.aborted = true;
  }
  return state;
}
