/// <reference types="@webgpu/types" />
// The WebGPU miner: the same contract as the WebAssembly core's search (engine/mining/search.ts): scan
// nonces start .. start+count-1 in order, report the first whose SHA-256d is <= the target, the hashes
// done up to and including it, the shares and the lowest hash of the range with its nonce. Never past
// nonce 2^32 - 1.
//
// Trust: the GPU only points. Every hash reported (the solution, the best) is recomputed by the
// caller's CPU SHA-256d (`verify`) before it counts; a GPU claim the CPU does not confirm (a solution
// that does not meet the target, a best whose top word differs) ends the search with an error.
//
// Lifecycle: the device is made on first use and destroyed after a while idle (or by close()). Up to
// two dispatches are in flight (double-buffered read-back), each sized from the measured GPU time to
// about 100 ms (browsers reset a GPU whose work runs long). A lost device is made again with smaller
// dispatches and the search goes on from the first dispatch not yet read. Nothing here touches the
// DOM: the GPU object is a parameter.

import { checkRange } from '../core/core.js';
import type { MineJob } from '../mining/protocol.js';
import type { SearchOutcome, SearchProgress } from '../mining/search.js';
import { withNonce } from '../../model/header.js';
import { InputError, messageOf } from '../../model/validate.js';
import { requestAdapter, type AdapterFacts } from './adapter.js';
import { bestCandidates, hashAtMost, hashLess, nextDispatchSize, parseReadback, topWord, type DispatchReadback } from './books.js';
import { JOB_WORDS, KERNEL_WGSL, NONCES_PER_WORKGROUP, prepareJob, RECORD_WORDS, RESULT_WORDS } from './kernel.js';

/** SHA-256d of an 80-byte header on the CPU (the wasm core's, through a worker, or any exact one). */
export type Sha256d = (header80: Uint8Array) => Promise<Uint8Array>;

export interface GpuMinerOptions {
  /** The CPU's SHA-256d, which decides every hash the GPU points at. */
  verify: Sha256d;
  /** Destroy the device after this long unused (default a minute). */
  idleCloseMs?: number;
  /** Seconds each dispatch should take (default 0.1; kept within 0.05..0.2). */
  dispatchSeconds?: number;
  /** Nonces in the first dispatch of a device, before any time is measured (default 65,536). */
  firstDispatch?: number;
  /** Device losses one search survives before it fails (default 3). */
  maxDeviceLosses?: number;
}

export interface GpuSearchOptions {
  signal?: AbortSignal;
  /** After every dispatch read back: the running totals (hashes, shares, best so far, next nonce). */
  onProgress?: (progress: SearchProgress) => void;
  /** The device was lost and made again; the message says so. */
  onIncident?: (message: string) => void;
  /**
   * Share of the time the GPU works, 0 < duty <= 1 (default 1): below 1, one dispatch at a time and a
   * rest after each, so the GPU (and the page) stays responsive and cooler.
   */
  duty?: number;
}

export interface GpuSearchOutcome extends SearchOutcome {
  /** Dispatches read back (a re-run of the prefix up to a solution included). */
  dispatches: number;
  /** Seconds from the first dispatch to the last read-back. */
  seconds: number;
}

export interface GpuMiner {
  readonly facts: AdapterFacts;
  /**
   * Scans start .. start+count-1 (within 0 .. 2^32-1) in nonce order. Rejects with an InputError for
   * a bad header, target or range, and with an Error when the GPU fails or its results do not verify.
   */
  search(job: MineJob, start: number, count: number, options?: GpuSearchOptions): Promise<GpuSearchOutcome>;
  /** Hashes read back since the miner was made (live between dispatches). */
  hashesDone(): number;
  /** Holds the search after the dispatches in flight until resume(). */
  pause(): void;
  resume(): void;
  readonly paused: boolean;
  /** Destroys the device now; the next search makes a new one. */
  close(): void;
  /** For tests: loses the device as a driver reset would (the search in progress recovers). */
  loseDevice(): void;
}

export type GpuMinerResult = { ok: true; miner: GpuMiner } | { ok: false; reason: string };

const USAGE = { MAP_READ: 0x1, COPY_SRC: 0x4, COPY_DST: 0x8, UNIFORM: 0x40, STORAGE: 0x80 } as const;
const MAP_READ = 0x1;
const IDLE_CLOSE_MS = 60_000;
const MIN_DISPATCH = NONCES_PER_WORKGROUP * 16;
const NO_SOLUTION = 0xffffffff;

class DeviceLost extends Error {}

/** One read-back slot: its own params, result, records and staging buffers. */
interface Slot {
  params: GPUBuffer;
  result: GPUBuffer;
  records: GPUBuffer;
  staging: GPUBuffer;
  bindGroup: GPUBindGroup;
}

/** A device with the kernel compiled and its buffers made. */
interface Context {
  device: GPUDevice;
  pipeline: GPUComputePipeline;
  job: GPUBuffer;
  slots: [Slot, Slot];
  maxWorkgroups: number;
  /** Resolves when the device is lost for any reason but our own destroy(). */
  lost: Promise<string>;
  closing: boolean;
}

interface Dispatch {
  start: number;
  count: number;
  submitted: number;
  done: Promise<DispatchReadback>;
}

/**
 * Opens the miner on `gpu` (navigator.gpu, or Node's). Resolves, never rejects: without WebGPU, with no
 * adapter, a refused device or a kernel that does not compile, `reason` is one sentence.
 */
export async function openGpuMiner(gpu: GPU | undefined | null, options: GpuMinerOptions): Promise<GpuMinerResult> {
  const found = await requestAdapter(gpu);
  if (!found.ok) return found;
  const miner = new Miner(gpu!, found.adapter, found.facts, options);
  try {
    await miner.warm();
  } catch (error) {
    miner.close();
    return { ok: false, reason: `WebGPU is not usable here: ${messageOf(error)}.` };
  }
  return { ok: true, miner };
}

class Miner implements GpuMiner {
  private context: Promise<Context> | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private searching = false;
  private total = 0;
  private pausedGate: { promise: Promise<void>; open: () => void } | undefined;
  /** Nonces per dispatch on the current device, from measured times. */
  private size: number;
  private readonly idleCloseMs: number;
  private readonly dispatchSeconds: number;
  private readonly maxLosses: number;

  constructor(
    private readonly gpu: GPU,
    private adapter: GPUAdapter | undefined,
    readonly facts: AdapterFacts,
    private readonly options: GpuMinerOptions,
  ) {
    this.idleCloseMs = options.idleCloseMs ?? IDLE_CLOSE_MS;
    this.dispatchSeconds = Math.min(0.2, Math.max(0.05, options.dispatchSeconds ?? 0.1));
    this.maxLosses = options.maxDeviceLosses ?? 3;
    this.size = roundToWorkgroups(options.firstDispatch ?? 1 << 16);
  }

  get paused(): boolean {
    return this.pausedGate !== undefined;
  }

  pause(): void {
    if (this.pausedGate) return;
    let open = () => {};
    const promise = new Promise<void>((resolve) => (open = resolve));
    this.pausedGate = { promise, open };
  }

  resume(): void {
    const gate = this.pausedGate;
    this.pausedGate = undefined;
    gate?.open();
  }

  hashesDone(): number {
    return this.total;
  }

  close(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    const context = this.context;
    this.context = undefined;
    void context?.then(
      (c) => {
        c.closing = true;
        c.device.destroy();
      },
      () => undefined,
    );
  }

  loseDevice(): void {
    void this.context?.then((c) => c.device.destroy(), () => undefined);
  }

  /** Makes the device and compiles the kernel now (openGpuMiner reports a failure as a reason). */
  async warm(): Promise<void> {
    await this.ready();
    this.scheduleIdleClose();
  }

  private ready(): Promise<Context> {
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    if (!this.context) {
      const next = this.makeContext();
      next.catch(() => {
        if (this.context === next) this.context = undefined;
      });
      this.context = next;
    }
    return this.context;
  }

  private scheduleIdleClose(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.close(), this.idleCloseMs);
  }

  private async makeContext(): Promise<Context> {
    // An adapter gives one device; after a loss (or an idle close) ask for a fresh adapter.
    let adapter = this.adapter;
    this.adapter = undefined;
    if (!adapter) {
      const again = await requestAdapter(this.gpu);
      if (!again.ok) throw new Error(again.reason);
      adapter = again.adapter;
    }
    const device = await adapter.requestDevice();
    const context = { device, closing: false } as Context;
    // Our own destroy() (close, idle close) is not a loss: that promise never settles.
    context.lost = device.lost.then((info) => (context.closing ? new Promise<string>(() => {}) : `${info.reason}: ${info.message || 'no message'}`));
    const module = device.createShaderModule({ code: KERNEL_WGSL, label: 'powlab sha256d' });
    const info = await module.getCompilationInfo();
    const errors = info.messages.filter((m) => m.type === 'error');
    if (errors.length > 0) {
      device.destroy();
      throw new Error(`the kernel did not compile: ${errors.map((m) => `${m.lineNum}:${m.linePos} ${m.message}`).join('; ')}`);
    }
    device.pushErrorScope('validation');
    const pipeline = await device.createComputePipelineAsync({ layout: 'auto', compute: { module, entryPoint: 'main' } });
    const maxWorkgroups = device.limits.maxComputeWorkgroupsPerDimension;
    const recordBytes = maxWorkgroups * RECORD_WORDS * 4;
    const job = device.createBuffer({ size: JOB_WORDS * 4, usage: USAGE.STORAGE | USAGE.COPY_DST });
    const slot = (): Slot => {
      const params = device.createBuffer({ size: 16, usage: USAGE.UNIFORM | USAGE.COPY_DST });
      const result = device.createBuffer({ size: RESULT_WORDS * 4, usage: USAGE.STORAGE | USAGE.COPY_SRC | USAGE.COPY_DST });
      const records = device.createBuffer({ size: recordBytes, usage: USAGE.STORAGE | USAGE.COPY_SRC });
      const staging = device.createBuffer({ size: RESULT_WORDS * 4 + recordBytes, usage: USAGE.MAP_READ | USAGE.COPY_DST });
      const bindGroup = device.createBindGroup({
        layout: pipeline.getBindGroupLayout(0),
        entries: [
          { binding: 0, resource: { buffer: job } },
          { binding: 1, resource: { buffer: params } },
          { binding: 2, resource: { buffer: result } },
          { binding: 3, resource: { buffer: records } },
        ],
      });
      return { params, result, records, staging, bindGroup };
    };
    const slots: [Slot, Slot] = [slot(), slot()];
    const invalid = await device.popErrorScope();
    if (invalid) {
      device.destroy();
      throw new Error(`the kernel's pipeline or buffers were refused: ${invalid.message}`);
    }
    return Object.assign(context, { pipeline, job, slots, maxWorkgroups });
  }

  private submit(c: Context, slot: Slot, start: number, count: number): Dispatch {
    const workgroups = Math.ceil(count / NONCES_PER_WORKGROUP);
    const readBytes = (RESULT_WORDS + workgroups * RECORD_WORDS) * 4;
    c.device.queue.writeBuffer(slot.params, 0, new Uint32Array([start, count, 0, 0]));
    c.device.queue.writeBuffer(slot.result, 0, new Uint32Array([0, NO_SOLUTION, 0, 0]));
    const encoder = c.device.createCommandEncoder();
    const pass = encoder.beginComputePass();
    pass.setPipeline(c.pipeline);
    pass.setBindGroup(0, slot.bindGroup);
    pass.dispatchWorkgroups(workgroups);
    pass.end();
    encoder.copyBufferToBuffer(slot.result, 0, slot.staging, 0, RESULT_WORDS * 4);
    encoder.copyBufferToBuffer(slot.records, 0, slot.staging, RESULT_WORDS * 4, workgroups * RECORD_WORDS * 4);
    c.device.queue.submit([encoder.finish()]);
    const read = slot.staging.mapAsync(MAP_READ, 0, readBytes).then(() => {
      const words = new Uint32Array(slot.staging.getMappedRange(0, readBytes).slice(0));
      slot.staging.unmap();
      return parseReadback(words, workgroups);
    });
    const lost = c.lost.then((reason) => Promise.reject(new DeviceLost(reason)));
    const done = Promise.race([read, lost]);
    done.catch(() => undefined); // a dispatch dropped after a loss or a find is never awaited
    return { start, count, submitted: performance.now(), done };
  }

  async search(job: MineJob, start: number, count: number, options: GpuSearchOptions = {}): Promise<GpuSearchOutcome> {
    checkJob(job);
    checkRange(start, count);
    const duty = options.duty ?? 1;
    if (!(duty > 0 && duty <= 1)) throw new InputError('duty', `must be in (0, 1], got ${duty}`);
    if (this.searching) throw new Error('a GPU search is already running on this miner');
    this.searching = true;
    try {
      return await this.run(job, start, count, options, duty);
    } finally {
      this.searching = false;
      this.scheduleIdleClose();
    }
  }

  private async run(job: MineJob, start: number, count: number, options: GpuSearchOptions, duty: number): Promise<GpuSearchOutcome> {
    const { verify } = this.options;
    const { signal } = options;
    const words = prepareJob(job.header, job.target, job.shareTarget);
    const end = start + count;
    const began = performance.now();
    const out: GpuSearchOutcome = {
      found: false, aborted: false, hashes: 0, shares: 0,
      bestHash: new Uint8Array(32).fill(0xff), bestNonce: start, nextNonce: start,
      dispatches: 0, seconds: 0,
    };
    const hashAt = async (nonce: number) => verify(withNonce(job.header, nonce));

    let c = await this.ready();
    c.device.queue.writeBuffer(c.job, 0, words);
    let losses = 0;
    let next = start;
    let slotIndex = 0;
    let lastRead = performance.now();
    const inflight: Dispatch[] = [];
    const depth = duty < 1 ? 1 : 2;

    const launch = (from: number, n: number) => {
      const slot = c.slots[slotIndex]!;
      slotIndex ^= 1;
      return this.submit(c, slot, from, n);
    };
    const measure = (d: Dispatch) => {
      const now = performance.now();
      const seconds = (now - Math.max(d.submitted, lastRead)) / 1000;
      lastRead = now;
      return seconds;
    };
    const limits = () => ({ target: this.dispatchSeconds, min: MIN_DISPATCH, max: c.maxWorkgroups * NONCES_PER_WORKGROUP });

    /** Books a range's best: the CPU hashes every place the GPU says the least top word may be. */
    let haveBest = false;
    const bookBest = async (d: { start: number; count: number }, r: DispatchReadback) => {
      const cands = bestCandidates(r.records, d.count);
      if (haveBest && cands.top > topWord(out.bestHash)) return;
      const consider = (nonce: number, hash: Uint8Array) => {
        if (!haveBest || hashLess(hash, out.bestHash)) {
          out.bestHash = hash;
          out.bestNonce = nonce;
          haveBest = true;
        }
      };
      const untrusted = (where: string) =>
        new Error(`the GPU's least hash ${where} did not verify on the CPU (top word ${cands.top.toString(16)}), so its results cannot be trusted`);
      for (const index of cands.indices) {
        const hash = await hashAt(d.start + index);
        if (topWord(hash) !== cands.top) throw untrusted(`at nonce ${d.start + index}`);
        consider(d.start + index, hash);
      }
      for (const [from, to] of cands.ranges) {
        let seen = false;
        for (let i = from; i < to; i++) {
          const hash = await hashAt(d.start + i);
          if (topWord(hash) === cands.top) seen = true;
          consider(d.start + i, hash);
        }
        if (!seen) throw untrusted(`in nonces ${d.start + from}..${d.start + to - 1}`);
      }
    };

    for (;;) {
      // Keep up to `depth` dispatches in flight, unless stopping, paused or done.
      while (inflight.length < depth && next < end && !signal?.aborted && !this.pausedGate) {
        const n = Math.min(this.size, end - next);
        inflight.push(launch(next, n));
        next += n;
      }
      const d = inflight.shift();
      if (!d) {
        if (next < end && this.pausedGate && !signal?.aborted) {
          await Promise.race([this.pausedGate.promise, abortPromise(signal)]);
          lastRead = performance.now();
          continue;
        }
        break;
      }
      let r: DispatchReadback;
      try {
        r = await d.done;
      } catch (error) {
        if (!(error instanceof DeviceLost) || losses >= this.maxLosses || this.context === undefined) {
          throw error instanceof DeviceLost ? new Error(`the GPU device was lost (${error.message}) ${losses + 1} times in this search`) : error;
        }
        losses++;
        inflight.length = 0;
        next = d.start;
        this.size = Math.max(MIN_DISPATCH, roundToWorkgroups(this.size / 4));
        this.context = undefined;
        options.onIncident?.(`The GPU device was lost (${error.message}); it was made again with smaller dispatches (${this.size.toLocaleString('en')} nonces) and the search went on from nonce ${d.start}.`);
        c = await this.ready();
        c.device.queue.writeBuffer(c.job, 0, words);
        lastRead = performance.now();
        continue;
      }
      out.dispatches++;
      const seconds = measure(d);
      this.size = nextDispatchSize(d.count, seconds, limits());

      if (r.solutions > 0) {
        const index = r.firstSolution;
        if (index >= d.count) throw new Error(`the GPU reported a solution at index ${index} of a ${d.count}-nonce dispatch, so its results cannot be trusted`);
        let books = r;
        let range = d;
        if (index < d.count - 1) {
          // Shares and the best hash count only up to the solution: scan that prefix again alone.
          for (const other of inflight) void other.done.catch(() => undefined);
          await Promise.allSettled(inflight.map((x) => x.done));
          inflight.length = 0;
          range = launch(d.start, index + 1);
          books = await range.done;
          out.dispatches++;
          if (books.solutions === 0 || books.firstSolution !== index) {
            throw new Error(`the GPU found nonce ${d.start + index} once and not again, so its results cannot be trusted`);
          }
        }
        const nonce = d.start + index;
        const hash = await hashAt(nonce);
        if (!hashAtMost(hash, job.target)) {
          throw new Error(`the GPU reported nonce ${nonce} as a solution, but its SHA-256d recomputed on the CPU does not meet the target, so its results cannot be trusted`);
        }
        await bookBest(range, books);
        out.hashes += index + 1;
        out.shares += books.shares;
        this.total += index + 1;
        out.found = true;
        out.nonce = nonce;
        out.hash = hash;
        out.nextNonce = nonce + 1;
        options.onProgress?.(out);
        // Anything still in flight is past the solution: let it finish unread.
        await Promise.allSettled(inflight.map((x) => x.done));
        break;
      }
      await bookBest(d, r);
      out.hashes += d.count;
      out.shares += r.shares;
      this.total += d.count;
      out.nextNonce = d.start + d.count;
      options.onProgress?.(out);
      if (duty < 1 && !signal?.aborted) await sleep(seconds * 1000 * (1 / duty - 1));
    }
    if (!out.found && signal?.aborted && out.nextNonce < end) out.aborted = true;
    out.seconds = (performance.now() - began) / 1000;
    return out;
  }
}

function roundToWorkgroups(n: number): number {
  return Math.max(NONCES_PER_WORKGROUP, Math.floor(n / NONCES_PER_WORKGROUP) * NONCES_PER_WORKGROUP);
}

function checkJob(job: MineJob): void {
  const bytes = (v: unknown, field: string, length: number) => {
    if (!(v instanceof Uint8Array)) throw new InputError(field, 'expected bytes (Uint8Array)');
    if (v.length !== length) throw new InputError(field, `expected ${length} bytes, got ${v.length}`);
  };
  bytes(job.header, 'header', 80);
  bytes(job.target, 'target', 32);
  if (job.shareTarget !== undefined) bytes(job.shareTarget, 'shareTarget', 32);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function abortPromise(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!signal) return;
    if (signal.aborted) resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
