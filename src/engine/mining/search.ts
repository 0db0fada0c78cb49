// Splits a nonce range into batches and hands them, in increasing order, to whichever thread is free.
// The answer is the same as a single thread scanning in order: once a batch finds a solution no later
// batch is handed out, batches already running finish, and the lowest solution wins.

import type { BatchResult, TimedBatch } from './protocol.js';

export interface BatchRunner {
  mine(start: number, count: number): Promise<BatchResult | TimedBatch>;
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

/** One finished batch, as the onBatch callback sees it. */
export interface BatchEvent {
  /** Index of the runner (worker) that ran it. */
  worker: number;
  start: number;
  count: number;
  hashes: number;
  /** Seconds the core spent on it, when the runner timed it; otherwise undefined. */
  seconds: number | undefined;
  found: boolean;
}

export interface SearchOptions {
  /** Nonces per batch, or a function asked before each batch (the pool sizes batches to ~75 ms). */
  batchSize: number | (() => number);
  onBatch?: (progress: SearchProgress, event: BatchEvent) => void;
  signal?: AbortSignal;
  /** Awaited before each batch is handed out; a pending promise holds every thread (pause). */
  gate?: () => Promise<void> | undefined;
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
  const size = typeof options.batchSize === 'function' ? options.batchSize : () => options.batchSize as number;

  // A paused search still ends at once when aborted.
  const aborted = new Promise<void>((resolve) => {
    if (options.signal?.aborted) resolve();
    options.signal?.addEventListener('abort', () => resolve(), { once: true });
  });

  async function drive(runner: BatchRunner, worker: number): Promise<void> {
    while (!stopped() && state.nextNonce < end) {
      const gate = options.gate?.();
      if (gate) {
        await Promise.race([gate, aborted]);
        continue;
      }
      const batchStart = state.nextNonce;
      const n = Math.min(Math.max(1, Math.floor(size())), end - batchStart);
      state.nextNonce += n;
      const r = await runner.mine(batchStart, n);
      state.hashes += r.hashes;
      state.shares += r.shares;
      if (r.hashes > 0 && hashLess(r.bestHash, state.bestHash)) {
        state.bestHash = r.bestHash;
        state.bestNonce = r.bestNonce;
      }
      if (r.found && (!best || r.nonce! < best.nonce)) best = { nonce: r.nonce!, hash: r.hash! };
      const seconds = 'seconds' in r ? r.seconds : undefined;
      options.onBatch?.(state, { worker, start: batchStart, count: n, hashes: r.hashes, seconds, found: r.found });
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
