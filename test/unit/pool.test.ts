// The pool over real worker_threads (the compiled dist/engine/node-worker.js, built by `npm test`):
// partitioning, aggregation, the shared stop word and counters, pause, and replacing a worker that
// crashes or hangs. Answers are checked against node:crypto, never against the pool itself.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPool, type Pool, type WorkerHandle } from '../../src/engine/mining/pool.js';
import type { BatchEvent } from '../../src/engine/mining/search.js';
import { compileCore } from '../../src/engine/core/wasm-node.js';
import type { WorkerApi } from '../../src/engine/mining/worker-api.js';

const WORKER = new URL('../../dist/engine/mining/node-worker.js', import.meta.url);

// An arbitrary header and an easy target: about one hash in 4096 meets it.
const header = Uint8Array.from({ length: 80 }, (_, i) => (i * 59 + 7) & 0xff);
const target = new Uint8Array(32).fill(0xff);
target[31] = 0;
target[30] = 0x0f;
const ZERO = new Uint8Array(32);

function sha256d(nonce: number): Buffer {
  const h = Buffer.from(header);
  h.writeUInt32LE(nonce, 76);
  return createHash('sha256').update(createHash('sha256').update(h).digest()).digest();
}
function meets(hash: Buffer): boolean {
  for (let i = 31; i >= 0; i--) if (hash[i] !== target[i]) return hash[i]! < target[i]!;
  return true;
}
function firstSolution(start: number): number {
  for (let n = start; ; n++) if (meets(sha256d(n))) return n;
}

interface Spawned {
  worker: Worker;
  handle: WorkerHandle;
}

/** A spawn function that keeps the Worker objects, so a test can kill one as a crash would. */
function spawner(): { spawn: () => WorkerHandle; spawned: Spawned[] } {
  const spawned: Spawned[] = [];
  return {
    spawned,
    spawn() {
      const worker = new Worker(WORKER);
      let quitting = false;
      const handle: WorkerHandle = {
        api: wrap<WorkerApi>(nodeEndpoint(worker)),
        terminate: () => {
          quitting = true;
          void worker.terminate();
        },
        onFailure(callback) {
          worker.once('error', (e) => callback(e.message));
          worker.once('exit', (code) => quitting || callback(`exited with code ${code}`));
        },
      };
      spawned.push({ worker, handle });
      return handle;
    },
  };
}

describe('worker pool on worker_threads', () => {
  let module: WebAssembly.Module;
  let pool: Pool | undefined;
  beforeAll(async () => {
    if (!existsSync(WORKER)) throw new Error('dist/engine/node-worker.js is missing: run "npm run build:cli" (npm test does)');
    module = (await compileCore(true)).module;
  });
  afterEach(() => pool?.close());

  it('hands out disjoint, contiguous batches and finds the lowest solution', async () => {
    const s = spawner();
    pool = await createPool(2, s.spawn, module, true);
    const start = 12_345;
    const expected = firstSolution(start);
    const events: BatchEvent[] = [];
    const outcome = await pool.search({ header, target }, start, 1_000_000, { batchSize: 700, onBatch: (_, e) => events.push({ ...e }) });
    expect(outcome.found).toBe(true);
    expect(outcome.nonce).toBe(expected);
    expect(Buffer.from(outcome.hash!).equals(sha256d(expected))).toBe(true);

    const sorted = [...events].sort((a, b) => a.start - b.start);
    expect(sorted[0]!.start).toBe(start);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.start).toBe(sorted[i - 1]!.start + sorted[i - 1]!.count);
    expect(new Set(events.map((e) => e.worker))).toEqual(new Set([0, 1]));
    expect(events.every((e) => e.seconds !== undefined && e.seconds >= 0)).toBe(true);
  });

  it('adds every batch into the totals and the per-worker counters', async () => {
    const s = spawner();
    pool = await createPool(2, s.spawn, module, true);
    expect(pool.shared).toBe(true);
    const before = pool.hashesByWorker();
    const outcome = await pool.search({ header, target: ZERO }, 100, 50_000, { batchSize: 1_000 });
    expect(outcome.found).toBe(false);
    expect(outcome.hashes).toBe(50_000);
    const after = pool.hashesByWorker();
    expect(after.reduce((a, b) => a + b) - before.reduce((a, b) => a + b)).toBe(50_000);

    let best = 100;
    for (let n = 101; n < 50_100; n++) if (Buffer.compare(sha256d(n).reverse(), sha256d(best).reverse()) < 0) best = n;
    expect(outcome.bestNonce).toBe(best);
  });

  it('stops running batches part-way through when aborted', async () => {
    const s = spawner();
    pool = await createPool(2, s.spawn, module, true);
    const controller = new AbortController();
    const batch = 1 << 24; // several seconds each: only the stop word can end them early
    const run = pool.search({ header, target: ZERO }, 0, 2 ** 32, { batchSize: batch, signal: controller.signal });
    await new Promise((r) => setTimeout(r, 300));
    controller.abort();
    const outcome = await run;
    expect(outcome.aborted).toBe(true);
    expect(outcome.hashes).toBeGreaterThan(0);
    expect(outcome.hashes).toBeLessThan(batch);
  });

  it('holds every thread while paused and carries on after resume', async () => {
    const s = spawner();
    pool = await createPool(2, s.spawn, module, true);
    const controller = new AbortController();
    const run = pool.sweep({ header, target: ZERO }, { signal: controller.signal, batchSize: 20_000 });
    await new Promise((r) => setTimeout(r, 200));
    pool.pause();
    expect(pool.paused).toBe(true);
    await new Promise((r) => setTimeout(r, 200)); // running batches finish
    const held = pool.hashesByWorker().reduce((a, b) => a + b);
    await new Promise((r) => setTimeout(r, 300));
    expect(pool.hashesByWorker().reduce((a, b) => a + b)).toBe(held);
    pool.resume();
    await new Promise((r) => setTimeout(r, 300));
    expect(pool.hashesByWorker().reduce((a, b) => a + b)).toBeGreaterThan(held);
    pool.pause();
    await new Promise((r) => setTimeout(r, 100));
    // Aborting a paused run ends it without a resume.
    controller.abort();
    const outcome = await run;
    expect(outcome.aborted).toBe(true);
    expect(pool.paused).toBe(true);
    pool.resume();
  });

  it('replaces a worker that crashes mid-run and still gets the right answer', async () => {
    const s = spawner();
    pool = await createPool(2, s.spawn, module, true);
    const incidents: string[] = [];
    // A harder target (about one hash in 65536) so the run outlasts the crash by many batches.
    const hard = new Uint8Array(32).fill(0xff);
    hard[31] = 0;
    hard[30] = 0;
    let expected = 0;
    while (!(sha256d(expected)[31] === 0 && sha256d(expected)[30] === 0)) expected++;
    let killed = false;
    const outcome = await pool.search({ header, target: hard }, 0, 1_000_000, {
      batchSize: 500,
      onIncident: (m) => incidents.push(m),
      onBatch: (_, e) => {
        if (!killed && e.worker === 1) {
          killed = true;
          void s.spawned[1]!.worker.terminate(); // not through the handle: the pool sees a crash
        }
      },
    });
    expect(killed).toBe(true);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatch(/Worker 2 crashed.*replaced/);
    expect(s.spawned).toHaveLength(3);
    expect(outcome.nonce).toBe(expected);
  });

  it('replaces a worker that stops answering', async () => {
    const s = spawner();
    let hangOnce = true;
    const spawn = (): WorkerHandle => {
      const real = s.spawn();
      if (s.spawned.length !== 2) return real;
      // The second worker never answers its first batch, as a stuck worker would not.
      const api = new Proxy(real.api, {
        get(target, key, receiver) {
          if (key === 'mineTimed' && hangOnce) {
            hangOnce = false;
            return () => new Promise(() => {});
          }
          return Reflect.get(target, key, receiver);
        },
      });
      return { ...real, api };
    };
    pool = await createPool(2, spawn, module, true, { hangMinMs: 300 });
    const incidents: string[] = [];
    const expected = firstSolution(0);
    const outcome = await pool.search({ header, target }, 0, 1_000_000, { batchSize: 200, onIncident: (m) => incidents.push(m) });
    expect(incidents.some((m) => /Worker 2 stopped responding/.test(m))).toBe(true);
    expect(outcome.nonce).toBe(expected);
  });
});
