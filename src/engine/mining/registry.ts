// The one place that knows who is hashing. Screens never build pools: they claim the right to hash,
// and the lease hands them the shared pool. One claim at a time, so a benchmark can never measure a
// rate depressed by a mining run on another screen; CPU-heavy tasks (a chain simulation, a payout
// Monte Carlo) are recorded too, and a lease they overlap says so, so its figure is not taken as a
// score.
//
// The pool itself: started lazily, self-tested once per build (a fresh pool, or a new thread count
// or core build), rebuilt when the thread count or build changes, and closed after a while idle.

import { messageOf } from '../../model/validate.js';
import type { Pool } from './pool.js';

/** Makes a pool of `threads` workers, SIMD build when `simd` and supported (createBrowserPool). */
export type PoolFactory = (threads: number, simd: boolean) => Promise<Pool>;

/** Someone using the CPU for hashing (or a heavy task): a screen's name and how to stop it. */
export interface Holder {
  /** A person's name for it: "Mine a block", "Benchmark", "Difficulty simulation". */
  readonly owner: string;
  readonly kind: 'hashing' | 'task';
  stop(): void;
}

export interface Lease {
  readonly owner: string;
  /** The shared pool at this size and build, self-tested; rebuilt if either changed since last use. */
  pool(threads: number, simd: boolean): Promise<Pool>;
  /**
   * Whoever else used the CPU while this lease was held (tasks only: hashing claims are exclusive).
   * A measurement with any entry here is not a score.
   */
  disturbances(): string[];
  /** Gives the right to hash back; the pool stays warm for a while, then closes. Idempotent. */
  release(): void;
}

export type Claim = { ok: true; lease: Lease } | { ok: false; busy: Holder };

export interface RegistryOptions {
  /** Close the pool after this long with no lease (default a minute). */
  idleCloseMs?: number;
}

const IDLE_CLOSE_MS = 60_000;


export class HashingRegistry {
  private readonly idleCloseMs: number;
  private hashing: (Holder & { lease: LeaseImpl }) | undefined;
  private readonly tasks = new Set<Holder>();
  private readonly listeners = new Set<(holders: readonly Holder[]) => void>();
  private pending: Promise<Pool> | undefined;
  private shape = '';
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly factory: PoolFactory,
    options: RegistryOptions = {},
  ) {
    this.idleCloseMs = options.idleCloseMs ?? IDLE_CLOSE_MS;
  }

  /** Everyone using the CPU now: the hashing claim first, then tasks. */
  holders(): Holder[] {
    return [...(this.hashing ? [this.hashing] : []), ...this.tasks];
  }

  /** Calls `listener` now and on every change of holders; returns an unsubscribe. */
  watch(listener: (holders: readonly Holder[]) => void): () => void {
    this.listeners.add(listener);
    listener(this.holders());
    return () => this.listeners.delete(listener);
  }

  /**
   * The exclusive right to hash for `owner`, refused while another owner hashes (the answer names it
   * and can stop it). `exclusive` also refuses while a task runs: a measurement wants the CPU alone.
   */
  claim(owner: string, stop: () => void, options: { exclusive?: boolean } = {}): Claim {
    if (this.hashing) return { ok: false, busy: this.hashing };
    const task = options.exclusive ? this.tasks.values().next().value : undefined;
    if (task) return { ok: false, busy: task };
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    const lease = new LeaseImpl(this, owner);
    this.hashing = { owner, kind: 'hashing', stop, lease };
    this.changed();
    return { ok: true, lease };
  }

  /** Records a CPU-heavy task while it runs; call the returned function when it ends. */
  task(owner: string, stop: () => void): () => void {
    const holder: Holder = { owner, kind: 'task', stop };
    this.tasks.add(holder);
    this.hashing?.lease.disturbedBy(owner);
    this.changed();
    return () => {
      if (this.tasks.delete(holder)) this.changed();
    };
  }

  /** Terminates the pool now (a page going away); the next lease starts a fresh one. */
  close(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    this.pending?.then((p) => p.close(), () => undefined);
    this.pending = undefined;
    this.shape = '';
  }

  /** @internal the lease's pool(). */
  poolFor(lease: LeaseImpl, threads: number, simd: boolean): Promise<Pool> {
    if (this.hashing?.lease !== lease) return Promise.reject(new Error(`${lease.owner} no longer holds the right to hash`));
    const shape = `${threads}/${simd}`;
    if (!this.pending || this.shape !== shape) {
      this.close();
      this.shape = shape;
      const next = this.factory(threads, simd).then(
        async (pool) => {
          try {
            await pool.selfTest();
          } catch (error) {
            pool.close();
            throw new Error(`the hashing core failed its self-test, so its results cannot be trusted (${messageOf(error)})`);
          }
          return pool;
        },
        (error: unknown) => Promise.reject(new Error(`the hashing core could not start: ${messageOf(error)}`)),
      );
      // A pool that failed to start is not kept: the next claim tries again.
      next.catch(() => {
        if (this.pending === next) {
          this.pending = undefined;
          this.shape = '';
        }
      });
      this.pending = next;
    }
    return this.pending;
  }

  /** @internal the lease's release(). */
  releaseLease(lease: LeaseImpl): void {
    if (this.hashing?.lease !== lease) return;
    this.hashing = undefined;
    this.pending?.then((p) => p.resume(), () => undefined);
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.close(), this.idleCloseMs);
    this.changed();
  }

  private changed(): void {
    const holders = this.holders();
    for (const listener of this.listeners) listener(holders);
  }
}

class LeaseImpl implements Lease {
  private readonly others = new Set<string>();

  constructor(
    private readonly registry: HashingRegistry,
    readonly owner: string,
  ) {
    for (const holder of registry.holders()) if (holder.kind === 'task') this.others.add(holder.owner);
  }

  pool(threads: number, simd: boolean): Promise<Pool> {
    return this.registry.poolFor(this, threads, simd);
  }

  disturbedBy(owner: string): void {
    this.others.add(owner);
  }

  disturbances(): string[] {
    return [...this.others];
  }

  release(): void {
    this.registry.releaseLease(this);
  }
}
