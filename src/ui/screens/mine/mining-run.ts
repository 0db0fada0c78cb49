// Runs a proof-of-work search for the "Mine a block" screen on a pool it is given (the hashing
// registry's, see claimed-search.ts), lap after lap: when every nonce of a header has failed, the
// caller supplies the next header (the time one second later) and the search goes on from nonce 0,
// as real miners do. Pause, resume and stop act at once; the live figures (hashes done, the nonce
// being tried about now) come from the pool's counters.

import type { MineJob } from '../../../engine/mining/protocol.js';
import { hashLess, type SearchOutcome, type SearchProgress } from '../../../engine/mining/search.js';
import { withNonce } from '../../../model/header.js';
import { targetToLittleEndian } from '../../../model/target.js';
import { errorText } from '../../shared/dom.js';

const NONCES = 2 ** 32;

export interface Lap {
  /** 1 for the first header, 2 after the first time roll, … */
  number: number;
  /** The header of this lap (its nonce field is ignored). */
  header: Uint8Array;
  /** First nonce scanned in this lap. */
  start: number;
}

export type RunResult =
  | {
      kind: 'found';
      header: Uint8Array;
      nonce: number;
      hash: Uint8Array;
      hashes: number;
      seconds: number;
      /**
       * Nonces scanned in order up to and including the one found, over every lap: what one thread
       * scanning in order would have tried, the draw luck decides. `hashes` also counts the work
       * other threads did past it before they heard of the find.
       */
      tried: number;
    }
  | { kind: 'stopped'; hashes: number; seconds: number }
  | { kind: 'exhausted'; hashes: number; seconds: number; reason: string }
  | { kind: 'failed'; hashes: number; seconds: number; message: string };

/**
 * What a run needs of a backend: the wasm pool (engine/mining/pool.ts) is one as it is; the page's
 * GPU miner is one through gpuSearcher (gpu-option.ts).
 */
export interface Searcher {
  search(
    job: MineJob,
    start: number,
    count: number,
    options: { signal?: AbortSignal; onBatch?: (progress: SearchProgress) => void; onIncident?: (message: string) => void },
  ): Promise<SearchOutcome>;
  /** Hashes done since the backend started, per worker (one entry for the GPU). */
  hashesByWorker(): number[];
  pause(): void;
  resume(): void;
}

export interface RunOptions {
  pool: Searcher;
  header: Uint8Array;
  target: bigint;
  start: number;
  /** Nonces to scan in the first lap; by default up to 2^32 - 1. */
  count?: number;
  /** The header to try once a lap has used every nonce, or a reason why there is none. */
  nextHeader?: (lap: Lap) => Uint8Array | string;
  onLap?: (lap: Lap) => void;
  onIncident?: (message: string) => void;
  onProgress?: (progress: SearchProgress) => void;
}

export interface Best {
  hash: Uint8Array;
  nonce: number;
  header: Uint8Array;
}

export class MiningRun {
  readonly done: Promise<RunResult>;
  private readonly pool: Searcher;
  private readonly abort = new AbortController();
  private readonly baseline: number;
  private lapBaseline: number;
  private lap: Lap;
  private settled = 0;
  private finalHashes: number | undefined;
  private startedAt = performance.now();
  private pausedAt: number | undefined;
  private pausedTotal = 0;
  private endedAt: number | undefined;
  best: Best | undefined;

  constructor(private readonly options: RunOptions) {
    this.pool = options.pool;
    this.baseline = this.liveTotal();
    this.lapBaseline = this.baseline;
    this.lap = { number: 1, header: options.header, start: options.start };
    this.done = this.run();
  }

  private liveTotal(): number {
    return this.pool.hashesByWorker().reduce((a, b) => a + b, 0);
  }

  /** Hashes done in this run so far (live, mid-batch where the page is cross-origin isolated). */
  hashes(): number {
    if (this.finalHashes !== undefined) return this.finalHashes;
    return Math.max(this.settled, this.liveTotal() - this.baseline);
  }

  /** Seconds spent mining, pauses excluded. */
  seconds(): number {
    const now = this.endedAt ?? this.pausedAt ?? performance.now();
    return Math.max(0, (now - this.startedAt - this.pausedTotal) / 1000);
  }

  /** The lap being mined and, about, the nonce being tried now (the threads share the range in order). */
  current(): { lap: Lap; nonce: number } {
    const done = Math.max(0, this.liveTotal() - this.lapBaseline);
    return { lap: this.lap, nonce: Math.min(NONCES - 1, this.lap.start + done) };
  }

  get paused(): boolean {
    return this.pausedAt !== undefined;
  }

  pause(): void {
    if (this.pausedAt !== undefined || this.endedAt !== undefined) return;
    this.pausedAt = performance.now();
    this.pool.pause();
  }

  resume(): void {
    if (this.pausedAt === undefined) return;
    this.pausedTotal += performance.now() - this.pausedAt;
    this.pausedAt = undefined;
    this.pool.resume();
  }

  stop(): void {
    this.abort.abort();
    // A paused search waits at its gate; open it so the abort is seen.
    this.resume();
  }

  private finish<T extends RunResult>(result: T): T {
    this.resume();
    this.endedAt = performance.now();
    this.finalHashes = result.hashes;
    return result;
  }

  private async run(): Promise<RunResult> {
    const { pool, target } = this.options;
    const job = { target: targetToLittleEndian(target) };
    let count = this.options.count ?? NONCES - this.options.start;
    let scannedBefore = 0;
    try {
      for (;;) {
        const lap = this.lap;
        const outcome = await pool.search({ ...job, header: lap.header }, lap.start, count, {
          signal: this.abort.signal,
          onBatch: (progress) => {
            if (progress.hashes > 0 && (!this.best || hashLess(progress.bestHash, this.best.hash))) {
              this.best = { hash: progress.bestHash, nonce: progress.bestNonce, header: lap.header };
            }
            this.options.onProgress?.(progress);
          },
          onIncident: (message) => this.options.onIncident?.(message),
        });
        this.settled += outcome.hashes;
        if (outcome.found) {
          return this.finish({
            kind: 'found',
            header: withNonce(lap.header, outcome.nonce!),
            nonce: outcome.nonce!,
            hash: outcome.hash!,
            hashes: this.settled,
            seconds: this.seconds(),
            tried: scannedBefore + (outcome.nonce! - lap.start + 1),
          });
        }
        if (outcome.aborted || this.abort.signal.aborted) return this.finish({ kind: 'stopped', hashes: this.settled, seconds: this.seconds() });
        const next = this.options.nextHeader?.(lap) ?? 'no other header to try';
        if (typeof next === 'string') {
          return this.finish({ kind: 'exhausted', hashes: this.settled, seconds: this.seconds(), reason: next });
        }
        scannedBefore += count;
        this.lap = { number: lap.number + 1, header: next, start: 0 };
        this.lapBaseline = this.liveTotal();
        count = NONCES;
        this.options.onLap?.(this.lap);
      }
    } catch (error) {
      return this.finish({
        kind: 'failed',
        hashes: this.settled,
        seconds: this.seconds(),
        message: errorText(error),
      });
    }
  }
}
