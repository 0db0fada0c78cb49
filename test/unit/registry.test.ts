// The hashing registry: one claim at a time, tasks recorded against the lease they overlap, the pool
// built lazily, self-tested once per build, rebuilt on a new size or build, closed when idle.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Pool } from '../../src/engine/mining/pool.js';
import { HashingRegistry } from '../../src/engine/mining/registry.js';

interface FakePool {
  threads: number;
  simd: boolean;
  selfTests: number;
  closed: boolean;
  resumed: number;
}

function fakeFactory(options: { failSelfTest?: boolean } = {}) {
  const built: FakePool[] = [];
  const factory = async (threads: number, simd: boolean): Promise<Pool> => {
    const state: FakePool = { threads, simd, selfTests: 0, closed: false, resumed: 0 };
    built.push(state);
    return {
      threads,
      simd,
      async selfTest() {
        state.selfTests++;
        if (options.failSelfTest) throw new Error('genesis nonce not found');
      },
      close() {
        state.closed = true;
      },
      resume() {
        state.resumed++;
      },
    } as unknown as Pool;
  };
  return { factory, built };
}

afterEach(() => vi.useRealTimers());

describe('claims', () => {
  it('refuses a second owner while the first hashes, naming it and able to stop it', () => {
    const { factory } = fakeFactory();
    const registry = new HashingRegistry(factory);
    const stop = vi.fn();
    const first = registry.claim('Mine a block', stop);
    expect(first.ok).toBe(true);
    const second = registry.claim('Benchmark', () => {}, { exclusive: true });
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.busy.owner).toBe('Mine a block');
    second.busy.stop();
    expect(stop).toHaveBeenCalledOnce();
  });

  it('grants the next claim once the first lease is released, and release is idempotent', () => {
    const registry = new HashingRegistry(fakeFactory().factory);
    const first = registry.claim('Mine a block', () => {});
    if (!first.ok) throw new Error('unexpected');
    first.lease.release();
    const second = registry.claim('Benchmark', () => {});
    expect(second.ok).toBe(true);
    first.lease.release(); // a stale lease must not free the new holder's claim
    expect(registry.claim('Mine a block', () => {}).ok).toBe(false);
  });

  it('an exclusive claim is refused while a task runs; a plain claim is granted and records it', () => {
    const registry = new HashingRegistry(fakeFactory().factory);
    const ended = registry.task('the chain simulation (Difficulty)', () => {});
    const bench = registry.claim('Benchmark', () => {}, { exclusive: true });
    expect(bench.ok).toBe(false);
    if (!bench.ok) expect(bench.busy.owner).toBe('the chain simulation (Difficulty)');
    const mine = registry.claim('Mine a block', () => {});
    if (!mine.ok) throw new Error('unexpected');
    expect(mine.lease.disturbances()).toEqual(['the chain simulation (Difficulty)']);
    ended();
    mine.lease.release();
    const after = registry.claim('Benchmark', () => {}, { exclusive: true });
    expect(after.ok).toBe(true);
  });

  it('a task that starts during a lease marks it disturbed; one that started and ended before does not', () => {
    const registry = new HashingRegistry(fakeFactory().factory);
    registry.task('before', () => {})();
    const claim = registry.claim('Benchmark', () => {}, { exclusive: true });
    if (!claim.ok) throw new Error('unexpected');
    expect(claim.lease.disturbances()).toEqual([]);
    const ended = registry.task('the payout simulation (Pools & profit)', () => {});
    ended();
    expect(claim.lease.disturbances()).toEqual(['the payout simulation (Pools & profit)']);
  });

  it('tells watchers who holds the CPU', () => {
    const registry = new HashingRegistry(fakeFactory().factory);
    const seen: string[][] = [];
    registry.watch((holders) => seen.push(holders.map((h) => `${h.kind}:${h.owner}`)));
    const claim = registry.claim('Mine a block', () => {});
    const ended = registry.task('sim', () => {});
    ended();
    if (claim.ok) claim.lease.release();
    expect(seen).toEqual([[], ['hashing:Mine a block'], ['hashing:Mine a block', 'task:sim'], ['hashing:Mine a block'], []]);
  });
});

describe('the pool', () => {
  it('is built lazily, self-tested once, and reused at the same size and build', async () => {
    const { factory, built } = fakeFactory();
    const registry = new HashingRegistry(factory);
    const claim = registry.claim('Mine a block', () => {});
    if (!claim.ok) throw new Error('unexpected');
    expect(built).toHaveLength(0);
    const a = await claim.lease.pool(2, true);
    const b = await claim.lease.pool(2, true);
    expect(a).toBe(b);
    expect(built).toHaveLength(1);
    expect(built[0]!.selfTests).toBe(1);
  });

  it('is rebuilt (the old one closed, the new one self-tested) when the thread count or build changes', async () => {
    const { factory, built } = fakeFactory();
    const registry = new HashingRegistry(factory);
    const claim = registry.claim('Benchmark', () => {});
    if (!claim.ok) throw new Error('unexpected');
    await claim.lease.pool(2, true);
    await claim.lease.pool(1, true);
    await claim.lease.pool(1, false);
    expect(built.map((p) => `${p.threads}/${p.simd}`)).toEqual(['2/true', '1/true', '1/false']);
    expect(built.map((p) => p.closed)).toEqual([true, true, false]);
    expect(built.map((p) => p.selfTests)).toEqual([1, 1, 1]);
  });

  it('is refused to a lease that was released', async () => {
    const registry = new HashingRegistry(fakeFactory().factory);
    const claim = registry.claim('Benchmark', () => {});
    if (!claim.ok) throw new Error('unexpected');
    claim.lease.release();
    await expect(claim.lease.pool(1, true)).rejects.toThrow(/no longer holds/);
  });

  it('a pool that fails its self-test is closed, rejected with the reason, and not kept', async () => {
    const { factory, built } = fakeFactory({ failSelfTest: true });
    const registry = new HashingRegistry(factory);
    const claim = registry.claim('Mine a block', () => {});
    if (!claim.ok) throw new Error('unexpected');
    await expect(claim.lease.pool(1, true)).rejects.toThrow(/failed its self-test.*genesis nonce not found/);
    expect(built[0]!.closed).toBe(true);
    await expect(claim.lease.pool(1, true)).rejects.toThrow(/self-test/);
    expect(built).toHaveLength(2);
  });

  it('is resumed on release (a paused run never leaves it held) and closed after the idle time', async () => {
    vi.useFakeTimers();
    const { factory, built } = fakeFactory();
    const registry = new HashingRegistry(factory, { idleCloseMs: 1000 });
    const claim = registry.claim('Mine a block', () => {});
    if (!claim.ok) throw new Error('unexpected');
    await claim.lease.pool(1, true);
    claim.lease.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(built[0]!.resumed).toBe(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(built[0]!.closed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(built[0]!.closed).toBe(true);
  });

  it('a new claim before the idle time keeps the warm pool', async () => {
    vi.useFakeTimers();
    const { factory, built } = fakeFactory();
    const registry = new HashingRegistry(factory, { idleCloseMs: 1000 });
    const first = registry.claim('Mine a block', () => {});
    if (!first.ok) throw new Error('unexpected');
    await first.lease.pool(1, true);
    first.lease.release();
    await vi.advanceTimersByTimeAsync(500);
    const second = registry.claim('Benchmark', () => {});
    if (!second.ok) throw new Error('unexpected');
    await vi.advanceTimersByTimeAsync(5000);
    expect(await second.lease.pool(1, true)).toBeDefined();
    expect(built).toHaveLength(1);
    expect(built[0]!.closed).toBe(false);
  });
});
