// The WebGPU miner's host logic in Node, on a fake GPU: a stand-in for the WebGPU API whose "kernel"
// keeps the real kernel's contract (result words, per-workgroup best records) computed with the host's
// SHA-256 from the job buffer the miner wrote. Checked against a brute-force search with node:crypto:
// the first solution, hashes, shares and best (the prefix re-run after a find), dispatch sizing, abort,
// pause, the duty cycle, a lost device recovered, and a GPU that lies being caught by the CPU check.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { JOB, NONCES_PER_WORKGROUP as WG, RECORD_WORDS } from '../../src/engine/gpu/kernel.js';
import { openGpuMiner, type GpuMiner } from '../../src/engine/gpu/miner.js';
import { IV, byteSwap, compress } from '../../src/engine/gpu/sha256-words.js';
import { bruteForce, headerHash, TEST_HEADER, targetWithZeroBits } from './brute-force.js';

const header = TEST_HEADER;
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest();
const cpuHash = (h: Uint8Array, nonce: number) => new Uint8Array(headerHash(h, nonce));
/** The reference books, best hash as hex (how summary() gives the miner's). */
function reference(start: number, count: number, target: Uint8Array, share?: Uint8Array) {
  const books = bruteForce(header, start, count, target, share);
  return { ...books, bestHash: books.bestHash.toString('hex') };
}

// ---- the fake GPU ------------------------------------------------------------------------------------

interface FakeOptions {
  /** Milliseconds a dispatch takes per 1,000 nonces (the read-back resolves after that). */
  msPer1000?: number;
  /** Hash only each workgroup's first nonce (its record), so timing is the simulated one. */
  cheap?: boolean;
  lie?: 'solution' | 'best';
}

class FakeBuffer {
  readonly bytes: Uint8Array;
  constructor(readonly size: number, private readonly device: FakeDevice) {
    this.bytes = new Uint8Array(size);
  }
  mapAsync(): Promise<void> {
    return this.device.afterWork();
  }
  getMappedRange(offset: number, size: number): ArrayBuffer {
    return this.bytes.slice(offset, offset + size).buffer;
  }
  unmap(): void {}
}

class FakeDevice {
  readonly limits = { maxComputeWorkgroupsPerDimension: 65535 };
  readonly lost: Promise<{ reason: string; message: string }>;
  private loseNow!: (info: { reason: string; message: string }) => void;
  private busyUntil = 0;
  destroyed = false;
  dispatches: Array<{ start: number; count: number }> = [];
  readonly queue = {
    writeBuffer: (buffer: FakeBuffer, offset: number, data: Uint32Array) => buffer.bytes.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), offset),
    submit: (commands: Array<Array<() => void>>) => {
      for (const list of commands) for (const op of list) op();
    },
  };

  constructor(private readonly options: FakeOptions) {
    this.lost = new Promise((resolve) => (this.loseNow = resolve));
  }

  afterWork(): Promise<void> {
    const wait = Math.max(0, this.busyUntil - performance.now());
    return new Promise((resolve, reject) => {
      setTimeout(() => (this.destroyed ? reject(new Error('AbortError: device destroyed')) : resolve()), wait);
    });
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.loseNow({ reason: 'destroyed', message: 'Device was destroyed.' });
  }

  createShaderModule() {
    return { getCompilationInfo: async () => ({ messages: [] }) };
  }
  pushErrorScope(): void {}
  async popErrorScope() {
    return null;
  }
  async createComputePipelineAsync() {
    return { getBindGroupLayout: () => ({}) };
  }
  createBuffer({ size }: { size: number }) {
    return new FakeBuffer(size, this);
  }
  createBindGroup({ entries }: { entries: Array<{ binding: number; resource: { buffer: FakeBuffer } }> }) {
    return entries.map((e) => e.resource.buffer);
  }
  createCommandEncoder() {
    const ops: Array<() => void> = [];
    let group: FakeBuffer[] = [];
    return {
      beginComputePass: () => ({
        setPipeline: () => {},
        setBindGroup: (_: number, g: FakeBuffer[]) => (group = g),
        dispatchWorkgroups: (n: number) => {
          const g = group;
          ops.push(() => this.run(g, n));
        },
        end: () => {},
      }),
      copyBufferToBuffer: (src: FakeBuffer, so: number, dst: FakeBuffer, d: number, size: number) =>
        ops.push(() => dst.bytes.set(src.bytes.subarray(so, so + size), d)),
      finish: () => ops,
    };
  }

  /** The kernel's contract, in JavaScript: result words and one record per workgroup. */
  private run([jobBuf, paramsBuf, resultBuf, recordsBuf]: FakeBuffer[], workgroups: number): void {
    const job = new Uint32Array(jobBuf!.bytes.buffer);
    const [start, count] = new Uint32Array(paramsBuf!.bytes.buffer);
    const result = new Uint32Array(resultBuf!.bytes.buffer);
    const records = new Uint32Array(recordsBuf!.bytes.buffer);
    this.dispatches.push({ start: start!, count: count! });
    this.busyUntil = Math.max(this.busyUntil, performance.now()) + (count! / 1000) * (this.options.msPer1000 ?? 0);
    const mid = Array.from(job.subarray(JOB.midstate, JOB.midstate + 8));
    const tail = [job[JOB.tail]!, job[JOB.tail + 1]!, job[JOB.tail + 2]!];
    const atMost = (h: number[], base: number) => {
      for (let i = 0; i < 8; i++) {
        const x = byteSwap(h[7 - i]!);
        if (x !== job[base + i]) return x < job[base + i]!;
      }
      return true;
    };
    for (let w = 0; w < workgroups; w++) {
      let least = 0xffffffff;
      let index = 0;
      let holders = 0;
      const to = this.options.cheap ? w * WG + 1 : Math.min(count!, (w + 1) * WG);
      for (let idx = w * WG; idx < to; idx++) {
        const nonce = (start! + idx) >>> 0;
        const first = compress(mid, [...tail, byteSwap(nonce), 0x80000000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 640]);
        const h = compress(IV, [...first, 0x80000000, 0, 0, 0, 0, 0, 0, 256]);
        const top = byteSwap(h[7]!);
        if (holders === 0 || top < least) [least, index, holders] = [top, idx, 1];
        else if (top === least) holders++;
        if (job[JOB.hasShare] && atMost(h, JOB.share)) result[2]!++;
        if (atMost(h, JOB.target)) {
          result[0]!++;
          result[1] = Math.min(result[1]!, idx);
        }
      }
      // A record claiming a lower hash than its workgroup has (hiding one cannot be caught without
      // redoing the work, as a missed solution cannot).
      if (this.options.lie === 'best' && w === 1) least = 0;
      records.set([least, index, holders], w * RECORD_WORDS);
    }
    if (this.options.lie === 'solution' && count! > 5) {
      result[0] = 1;
      result[1] = 3;
    }
  }
}

class FakeGpu {
  devices: FakeDevice[] = [];
  constructor(private readonly options: FakeOptions = {}) {}
  async requestAdapter() {
    return {
      info: { vendor: 'fake', architecture: 'test', device: '', description: 'a fake GPU', isFallbackAdapter: false },
      requestDevice: async () => {
        const d = new FakeDevice(this.options);
        this.devices.push(d);
        return d;
      },
    };
  }
}

async function open(gpu: FakeGpu, extra: { firstDispatch?: number } = {}): Promise<GpuMiner> {
  const r = await openGpuMiner(gpu as unknown as GPU, { verify: async (h) => new Uint8Array(sha256(sha256(h))), idleCloseMs: 50, ...extra });
  if (!r.ok) throw new Error(r.reason);
  return r.miner;
}

const summary = (o: { found: boolean; nonce?: number; hashes: number; shares: number; bestNonce: number; bestHash: Uint8Array }) => ({
  found: o.found, nonce: o.nonce, hashes: o.hashes, shares: o.shares, bestNonce: o.bestNonce, bestHash: Buffer.from(o.bestHash).toString('hex'),
});

describe('the GPU miner on a fake GPU', () => {
  it('says why when there is no GPU object or no adapter', async () => {
    expect(await openGpuMiner(undefined, { verify: async () => new Uint8Array(32) })).toMatchObject({ ok: false, reason: expect.stringMatching(/no navigator\.gpu/) });
    const none = { requestAdapter: async () => null } as unknown as GPU;
    expect(await openGpuMiner(none, { verify: async () => new Uint8Array(32) })).toMatchObject({ ok: false, reason: expect.stringMatching(/no usable GPU adapter/) });
    const refused = { requestAdapter: async () => Promise.reject(new Error('denied')) } as unknown as GPU;
    expect(await openGpuMiner(refused, { verify: async () => new Uint8Array(32) })).toMatchObject({ ok: false, reason: expect.stringMatching(/refused \(denied\)/) });
  });

  it('equals brute force over many dispatches, with and without a find, shares counted up to it', async () => {
    const gpu = new FakeGpu();
    const miner = await open(gpu, { firstDispatch: 3 * WG });
    const share = targetWithZeroBits(4);
    for (const [start, count, zeros] of [[0, 5000, 30], [1234, 7777, 10], [99, 20_000, 13], [7, 1, 1], [4_294_960_000, 7296, 30]] as const) {
      const target = targetWithZeroBits(zeros);
      const got = await miner.search({ header, target, shareTarget: share }, start, count);
      expect(summary(got), `${start}+${count} at ${zeros} bits`).toEqual(reference(start, count, target, share));
    }
    // Dispatches never pass the range's end or the last nonce.
    for (const d of gpu.devices[0]!.dispatches) expect(d.start + d.count - 1).toBeLessThanOrEqual(0xffffffff);
    miner.close();
  });

  it('sizes dispatches from the measured time, towards about 100 ms', async () => {
    const gpu = new FakeGpu({ msPer1000: 2, cheap: true }); // 500 kH/s: 100 ms is about 50,000 nonces
    const miner = await open(gpu, { firstDispatch: 16 * WG });
    await miner.search({ header, target: targetWithZeroBits(40) }, 0, 600_000);
    const counts = gpu.devices[0]!.dispatches.map((d) => d.count);
    // The first two go out before any time is known.
    expect(counts.slice(0, 2)).toEqual([16 * WG, 16 * WG]);
    for (const c of counts.slice(4, -1)) {
      expect(c).toBeGreaterThan(20_000); // 40 ms of work (a loaded machine stretches the timers)
      expect(c).toBeLessThan(100_000); // 200 ms
    }
    miner.close();
  });

  it('grows a dispatch at most fourfold over the last, however fast the GPU', async () => {
    const gpu = new FakeGpu({ msPer1000: 0.1, cheap: true }); // 10 MH/s: 100 ms is a million nonces
    const miner = await open(gpu, { firstDispatch: 16 * WG });
    await miner.search({ header, target: targetWithZeroBits(40) }, 0, 2_000_000);
    const counts = gpu.devices[0]!.dispatches.map((d) => d.count);
    expect(counts.slice(0, 4)).toEqual([16 * WG, 16 * WG, 64 * WG, 64 * WG]);
    miner.close();
  });

  it('stops within a dispatch or two when aborted, reporting only what was read back', async () => {
    const miner = await open(new FakeGpu({ msPer1000: 2 }), { firstDispatch: 32 * WG });
    const abort = new AbortController();
    let reads = 0;
    const got = await miner.search({ header, target: targetWithZeroBits(40) }, 0, 10_000_000, {
      signal: abort.signal,
      onProgress: () => ++reads === 2 && abort.abort(),
    });
    expect(got.aborted).toBe(true);
    expect(got.found).toBe(false);
    expect(got.dispatches).toBeLessThanOrEqual(3);
    expect(got.hashes).toBe(got.nextNonce);
    miner.close();
  });

  it('pauses between dispatches and goes on where it stopped', async () => {
    const miner = await open(new FakeGpu({ msPer1000: 1, cheap: true }), { firstDispatch: 32 * WG });
    const target = targetWithZeroBits(40);
    let paused = false;
    const search = miner.search({ header, target }, 0, 200_000, {
      onProgress: () => {
        if (!paused) {
          paused = true;
          miner.pause();
        }
      },
    });
    // The dispatch still in flight when it paused is read back; then nothing moves (waited for up to
    // 3 s, as a loaded machine may be slow to read that one back).
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    let during = -1;
    for (let tries = 0; tries < 10 && miner.hashesDone() !== during; tries++) {
      during = miner.hashesDone();
      await sleep(300);
    }
    expect(miner.hashesDone()).toBe(during);
    expect(during).toBeGreaterThan(0);
    expect(during).toBeLessThan(200_000);
    miner.resume();
    const got = await search;
    expect(got.hashes).toBe(200_000);
    miner.close();
  });

  it('rests between dispatches under a duty cycle', async () => {
    const gpu = new FakeGpu({ msPer1000: 1, cheap: true });
    const miner = await open(gpu, { firstDispatch: 64 * WG });
    const began = performance.now();
    await miner.search({ header, target: targetWithZeroBits(40) }, 0, 4 * 64 * WG, { duty: 0.5 });
    const gpuMs = (4 * 64 * WG) / 1000;
    expect(performance.now() - began).toBeGreaterThan(1.6 * gpuMs);
    await expect(miner.search({ header, target: targetWithZeroBits(40) }, 0, 10, { duty: 0 })).rejects.toThrow(/duty/);
    miner.close();
  });

  it('makes a lost device again with smaller dispatches and still gives the exact answer', async () => {
    const gpu = new FakeGpu({ msPer1000: 1 });
    const miner = await open(gpu, { firstDispatch: 64 * WG });
    const incidents: string[] = [];
    let reads = 0;
    const target = targetWithZeroBits(18);
    const share = targetWithZeroBits(5);
    const got = await miner.search({ header, target, shareTarget: share }, 1000, 200_000, {
      onIncident: (m) => incidents.push(m),
      onProgress: () => ++reads === 1 && miner.loseDevice(),
    });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatch(/lost.*smaller dispatches/);
    expect(gpu.devices).toHaveLength(2);
    expect(gpu.devices[1]!.dispatches[0]!.count).toBeLessThan(Math.max(...gpu.devices[0]!.dispatches.map((d) => d.count)));
    expect(summary(got)).toEqual(reference(1000, 200_000, target, share));
    miner.close();
  });

  it('refuses a GPU whose solution or best hash the CPU does not confirm', async () => {
    const liar = await open(new FakeGpu({ lie: 'solution' }));
    await expect(liar.search({ header, target: targetWithZeroBits(40) }, 0, 2000)).rejects.toThrow(/does not meet the target|found nonce .* once and not again/);
    liar.close();
    const bestLiar = await open(new FakeGpu({ lie: 'best' }));
    await expect(bestLiar.search({ header, target: targetWithZeroBits(40) }, 0, 2000)).rejects.toThrow(/did not verify on the CPU/);
    bestLiar.close();
  });

  it('rejects bad input with the field named, and closes the device when idle', async () => {
    const gpu = new FakeGpu();
    const miner = await open(gpu);
    await expect(miner.search({ header: header.subarray(1), target: targetWithZeroBits(1) }, 0, 1)).rejects.toThrow(/header: expected 80 bytes/);
    await expect(miner.search({ header, target: targetWithZeroBits(1) }, 0xffffffff, 2)).rejects.toThrow(/passes the last nonce/);
    await miner.search({ header, target: targetWithZeroBits(40) }, 0, 100);
    await new Promise((r) => setTimeout(r, 120));
    expect(gpu.devices[0]!.destroyed).toBe(true);
    // The next search makes a new device.
    await miner.search({ header, target: targetWithZeroBits(40) }, 0, 100);
    expect(gpu.devices).toHaveLength(2);
    miner.close();
  });
});
