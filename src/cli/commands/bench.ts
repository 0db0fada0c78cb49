import { availableParallelism } from 'node:os';
import { createNodePool } from '../../engine/mining/node-pool.js';
import { GENESIS } from '../../engine/core/known-answer.js';
import { median, spread } from '../../model/stats.js';
import { hexToBytes } from '../../model/validate.js';
import { adapterSummary, openCliGpu } from '../gpu.js';
import { formatRate, type Output } from '../output.js';
import { command, integerIn, numberIn, option, toggle } from '../spec.js';

export const benchCommand = command({
  name: 'bench',
  summary: 'measure header hashes per second',
  about: `Measures header hashes per second (SHA-256d of an 80-byte header, the proof-of-work unit). Each thread
first mines the genesis header and runs the checksum workload to check the core (both recorded as
"evidence"), then warms up for W seconds (not counted), then
hashes for S seconds split into repeated windows.`,
  flags: {
    seconds: option({ value: 'S', describe: 'measured time in seconds', default: '10', parse: numberIn(0.5, 3600) }),
    warmup: option({ value: 'W', describe: 'warm-up time in seconds, excluded', default: '1', parse: numberIn(0, 600) }),
    threads: option({ value: 'T', describe: 'worker threads', default: String(availableParallelism()), defaultText: `all ${availableParallelism()} cores`, parse: integerIn(1, 1024) }),
    'no-simd': toggle('use the scalar core'),
    gpu: toggle("measure the GPU through WebGPU (Node's webgpu package) instead of CPU threads"),
  },
  json: '{"hashrate", "threads", "simd", "perThread", "windows", "spread", "evidence", ...}',
  notes: `"hashrate" is the median over windows of the total rate; "perThread" each thread's median rate;
"windows" the total rate of each window; "spread" their min, max and coefficient of variation;
"evidence" the core build, the genesis nonce and hash it found and its workload checksum.
With --gpu: "backend" "webgpu", "adapter" (vendor, architecture, device, description,
isFallbackAdapter, emulated) and no threads; an emulated adapter's rate is the CPU's, not a GPU's.
No WebGPU adapter: exit 2.`,
  async run({ seconds, warmup: warmupSeconds, threads, noSimd, gpu }, out) {
    const windowCount = Math.min(60, Math.max(3, Math.round(seconds)));
    const windowSeconds = seconds / windowCount;
    if (gpu) return benchGpu(warmupSeconds, windowSeconds, windowCount, out);

    const pool = await createNodePool(threads, !noSimd);
    try {
      // Refuse to report a figure from a core that gets a known answer wrong.
      const evidence = await pool.selfTest();
      out.progress(`benchmarking ${threads} thread${threads > 1 ? 's' : ''} for ${warmupSeconds + seconds} s ...`);
      const report = await pool.bench(hexToBytes(GENESIS.headerHex, 'header'), { warmupSeconds, windowSeconds, windows: windowCount });
      out.endProgress();
      const windows = report.windows.map((w) => w.reduce((s, t) => s + t.hashes / t.seconds, 0));
      const perThread = Array.from({ length: threads }, (_, t) => median(report.windows.map((w) => w[t]!.hashes / w[t]!.seconds)));
      const hashrate = median(windows);
      const value = {
        hashrate,
        threads,
        simd: pool.simd,
        lanes: pool.lanes,
        perThread,
        windows,
        spread: spread(windows),
        windowSeconds,
        warmupSeconds,
        evidence,
        runtime: `node ${process.version}`,
        date: new Date().toISOString(),
      };
      out.result(value, () => [
        `hashrate   ${formatRate(hashrate)} (median of ${windowCount} windows of ${windowSeconds.toFixed(2)} s)`,
        `threads    ${threads}, ${pool.simd ? 'SIMD (4 lanes)' : 'scalar'}`,
        `per thread ${perThread.map(formatRate).join(', ')}`,
        `evidence   ${evidence.core.build} core, genesis nonce ${evidence.knownAnswer.nonce}, ${evidence.checksum.workload} ${evidence.checksum.value.slice(0, 16)}…`,
        `spread     min ${formatRate(value.spread.min)}, max ${formatRate(value.spread.max)}, cv ${(value.spread.cv * 100).toFixed(1)}%`,
      ]);
      return 0;
    } finally {
      pool.close();
    }
  },
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The GPU's rate: the whole nonce space scanned over and over, its counter read at window ends. */
async function benchGpu(warmupSeconds: number, windowSeconds: number, windowCount: number, out: Output): Promise<number> {
  const { miner, evidence } = await openCliGpu();
  const stop = new AbortController();
  const job = { header: hexToBytes(GENESIS.headerHex, 'header'), target: new Uint8Array(32) };
  let failure: unknown;
  const hashing = (async () => {
    while (!stop.signal.aborted) await miner.search(job, 0, 2 ** 32, { signal: stop.signal });
  })().catch((error: unknown) => (failure = error));
  try {
    out.progress(`benchmarking the GPU for ${warmupSeconds + windowSeconds * windowCount} s ...`);
    await sleep(warmupSeconds * 1000);
    const windows: number[] = [];
    let last = miner.hashesDone();
    let at = performance.now();
    while (windows.length < windowCount && failure === undefined) {
      await sleep(windowSeconds * 1000);
      const now = performance.now();
      const done = miner.hashesDone();
      windows.push((done - last) / ((now - at) / 1000));
      last = done;
      at = now;
    }
    if (failure !== undefined) throw failure;
    out.endProgress();
    const { adapter, name } = adapterSummary(miner.facts);
    const hashrate = median(windows);
    const value = { hashrate, backend: 'webgpu', adapter, emulated: adapter.emulated, windows, spread: spread(windows), windowSeconds, warmupSeconds, evidence, runtime: `node ${process.version}`, date: new Date().toISOString() };
    out.result(value, () => [
      `hashrate   ${formatRate(hashrate)} (median of ${windowCount} windows of ${windowSeconds.toFixed(2)} s)${adapter.emulated ? ' - emulated on the CPU, not a GPU figure' : ''}`,
      `backend    WebGPU on ${name}; every candidate re-hashed by the ${evidence.core.build} wasm core`,
      `spread     min ${formatRate(value.spread.min)}, max ${formatRate(value.spread.max)}, cv ${(value.spread.cv * 100).toFixed(1)}%`,
    ]);
    return 0;
  } finally {
    stop.abort();
    await hashing;
    miner.close();
  }
}
