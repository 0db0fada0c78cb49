/// <reference types="@webgpu/types" />
// The page's one WebGPU miner (as hashing.ts is its one pool): opened on first use on navigator.gpu,
// its every hash verified by the page's one-worker wasm core (hash-core.ts). Screens that mine or
// measure on the GPU still claim the hashing registry first (hashing.claim), so one place knows who
// is hashing. Runs in the page or a worker (navigator, no DOM).

import { hashPool } from '../mining/hash-core.js';
import { requestAdapter, type AdapterResult } from './adapter.js';
import { openGpuMiner, type GpuMinerResult } from './miner.js';

let probe: Promise<AdapterResult> | undefined;
let miner: Promise<GpuMinerResult> | undefined;

function pageGpu(): GPU | undefined {
  return (globalThis as { navigator?: { gpu?: GPU } }).navigator?.gpu;
}

/** Whether this page has a WebGPU adapter and what it is, without making a device or compiling. */
export function probePageGpu(): Promise<AdapterResult> {
  probe ??= requestAdapter(pageGpu());
  return probe;
}

/** The page's GPU miner, opened (device made, kernel compiled) on the first call. */
export function pageGpuMiner(): Promise<GpuMinerResult> {
  if (!miner) {
    const next = openGpuMiner(pageGpu(), {
      verify: async (header) => (await hashPool()).sha256d(header),
    });
    // A failure is not kept: the next call tries again (the user may have switched WebGPU on).
    void next.then((r) => {
      if (!r.ok && miner === next) miner = undefined;
    });
    miner = next;
  }
  return miner;
}

addEventListener('pagehide', () => void miner?.then((r) => r.ok && r.miner.close()));
