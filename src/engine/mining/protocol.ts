// Plain, structured-clone-safe types that cross the worker boundary.

/** One proof-of-work job: what to hash and what counts. */
export interface MineJob {
  /** 80-byte header as on the wire; its nonce field is ignored. */
  header: Uint8Array;
  /** Solution target, 32 bytes little-endian (a hash meets it when hash <= target). */
  target: Uint8Array;
  /** Share target (usually easier), 32 bytes little-endian; omitted means no shares are counted. */
  shareTarget?: Uint8Array;
}

/** What one scan of a nonce range found. Hashes are raw sha256d output (natural byte order). */
export interface BatchResult {
  found: boolean;
  /** The first nonce in the range meeting the target, when found. */
  nonce?: number;
  hash?: Uint8Array;
  /** Nonces hashed (up to and including the found one). */
  hashes: number;
  shares: number;
  bestNonce: number;
  bestHash: Uint8Array;
}

/** A batch as one worker ran it: its result, how long the core took, and whether a stop cut it short. */
export interface TimedBatch extends BatchResult {
  /** Seconds the worker spent inside the core on this batch. */
  seconds: number;
  /** True when the batch ended early because the pool asked every worker to stop. */
  stopped: boolean;
}

/**
 * Memory shared by the pool and its workers when SharedArrayBuffer is available (Node, or a
 * cross-origin isolated page): a stop word the workers poll between chunks of a batch, and one live
 * hash counter per worker slot.
 */
export interface SharedCounters {
  /** Int32Array over it: [0] is the stop generation; a batch stops when it differs from its own. */
  control: SharedArrayBuffer;
  /** BigInt64Array over it: hashes done by each worker slot since the pool started. */
  hashes: SharedArrayBuffer;
}

/** Hash counts of one measurement window of one thread. */
export interface BenchWindow {
  hashes: number;
  seconds: number;
}

export interface BenchPlan {
  warmupSeconds: number;
  windowSeconds: number;
  windows: number;
  /** Absolute time (Date.now()) at which measurement starts, shared by all threads so windows align. */
  startAt: number;
}
