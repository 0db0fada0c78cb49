// The batch scheduler over several in-process cores: the same answer as one thread scanning in order.
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PowCore } from '../../src/engine/core/core.js';
import type { MineJob } from '../../src/engine/mining/protocol.js';
import { hashLess, searchRange, type BatchRunner } from '../../src/engine/mining/search.js';
import { CORE_PATHS, loadCore } from './core-paths.js';

// An arbitrary header (not a real block) and an easy target: about 1 hash in 4096 meets it.
const header = Uint8Array.from({ length: 80 }, (_, i) => (i * 37 + 11) & 0xff);
const target = new Uint8Array(32);
target[30] = 0x0f;
target.fill(0xff, 0, 30);

function sha256dWithNonce(nonce: number): Buffer {
  const h = Buffer.from(header);
  h.writeUInt32LE(nonce, 76);
  return createHash('sha256').update(createHash('sha256').update(h).digest()).digest();
}

function firstSolution(start: number, count: number): number | undefined {
  for (let n = start; n < start + count; n++) if (!hashLess(target, sha256dWithNonce(n))) return n;
  return undefined;
}

describe('searchRange', () => {
  const cores: PowCore[] = [];
  beforeAll(async () => {
    for (const path of [...CORE_PATHS, ...CORE_PATHS]) cores.push(await loadCore(path.simd));
  });

  const job: MineJob = { header, target };
  const runners = (n: number, prepared: MineJob = job): BatchRunner[] =>
    cores.slice(0, n).map((core) => {
      core.prepare(prepared);
      // Yield between batches like a real worker would, so batches interleave across runners.
      return { mine: async (s, c) => (await new Promise((r) => setTimeout(r, Math.random() * 3)), core.mineRange(s, c)) };
    });

  it('finds the lowest solution whatever the thread count and batch size', async () => {
    const expected = firstSolution(1000, 60_000);
    expect(expected).toBeDefined();
    for (const threads of [1, 2, 3, 4]) {
      for (const batchSize of [97, 1000, 4096]) {
        const outcome = await searchRange(runners(threads), 1000, 60_000, { batchSize });
        expect(outcome.found, `${threads} threads, batch ${batchSize}`).toBe(true);
        expect(outcome.nonce).toBe(expected);
        expect(Buffer.from(outcome.hash!).equals(sha256dWithNonce(expected!))).toBe(true);
      }
    }
  });

  it('reports no solution, every hash and the best hash of a range without one', async () => {
    // A target no hash meets in practice: all zero.
    const zero: MineJob = { header, target: new Uint8Array(32) };
    const rs = cores.slice(0, 3).map((core) => (core.prepare(zero), { mine: async (s: number, c: number) => core.mineRange(s, c) }));
    const outcome = await searchRange(rs, 5, 10_000, { batchSize: 333 });
    expect(outcome.found).toBe(false);
    expect(outcome.hashes).toBe(10_000);
    let best = 5;
    for (let n = 6; n < 10_005; n++) if (hashLess(sha256dWithNonce(n), sha256dWithNonce(best))) best = n;
    expect(outcome.bestNonce).toBe(best);
    expect(Buffer.from(outcome.bestHash).equals(sha256dWithNonce(best))).toBe(true);
  });

  it('stops handing out batches once aborted', async () => {
    // A zero target has no solution, so only the abort can end this search before its million nonces.
    const controller = new AbortController();
    const outcome = await searchRange(runners(2, { header, target: new Uint8Array(32) }), 0, 1_000_000, {
      batchSize: 1000,
      signal: controller.signal,
      onBatch: (p) => {
        if (p.hashes >= 3000) controller.abort();
      },
    });
    expect(outcome.found).toBe(false);
    expect(outcome.aborted).toBe(true);
    expect(outcome.hashes).toBeGreaterThanOrEqual(3000);
    expect(outcome.hashes).toBeLessThan(10_000);
  });

  it('orders hashes as little-endian integers', () => {
    const a = new Uint8Array(32);
    const b = new Uint8Array(32);
    a[0] = 0xff;
    b[31] = 0x01;
    expect(hashLess(a, b)).toBe(true);
    expect(hashLess(b, a)).toBe(false);
    expect(hashLess(a, a)).toBe(false);
  });
});
