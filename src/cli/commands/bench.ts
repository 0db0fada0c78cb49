import { availableParallelism } from 'node:os';
import { createNodePool } from '../../engine/mining/node-pool.js';
import { GENESIS } from '../../engine/core/known-answer.js';
import { median, spread } from '../../model/stats.js';
import { hexToBytes, parseInteger, parseNumber } from '../../model/validate.js';
import { parseCommandArgs, stringFlag } from '../args.js';
import { formatRate, type Output } from '../output.js';

export const benchHelp = `powlab bench [--seconds S] [--threads T] [--no-simd] [--warmup W]

Measures header hashes per second (SHA-256d of an 80-byte header, the proof-of-work unit). Each thread
first mines the genesis header to check the core, then warms up for W seconds (not counted), then
hashes for S seconds split into repeated windows.
  --seconds  measured time (default 10, 0.5..3600)
  --warmup   warm-up time, excluded (default 1)
  --threads  worker threads (default: all ${availableParallelism()} cores)
  --no-simd  use the scalar core
  --json     {"hashrate", "threads", "simd", "perThread", "windows", "spread", ...}
"hashrate" is the median over windows of the total rate; "perThread" each thread's median rate;
"windows" the total rate of each window; "spread" their min, max and coefficient of variation.`;

export async function benchCommand(argv: string[], out: Output): Promise<number> {
  const args = parseCommandArgs(
    'bench',
    argv,
    { seconds: { type: 'string' }, threads: { type: 'string' }, warmup: { type: 'string' }, 'no-simd': { type: 'boolean' } },
    0,
  );
  const seconds = parseNumber(stringFlag(args, 'seconds') ?? '10', '--seconds', 0.5, 3600);
  const warmupSeconds = parseNumber(stringFlag(args, 'warmup') ?? '1', '--warmup', 0, 600);
  const threads = parseInteger(stringFlag(args, 'threads') ?? String(availableParallelism()), '--threads', 1, 1024);
  const windowCount = Math.min(60, Math.max(3, Math.round(seconds)));
  const windowSeconds = seconds / windowCount;

  const pool = await createNodePool(threads, args.flags['no-simd'] !== true);
  try {
    // Refuse to report a figure from a core that gets a known answer wrong.
    await pool.selfTest();
    out.progress(`benchmarking ${threads} thread${threads > 1 ? 's' : ''} for ${warmupSeconds + seconds} s ...`);
    const report = await pool.bench(hexBytes(GENESIS.headerHex), { warmupSeconds, windowSeconds, windows: windowCount });
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
      verified: true,
      runtime: `node ${process.version}`,
      date: new Date().toISOString(),
    };
    out.result(value, () => [
      `hashrate   ${formatRate(hashrate)} (median of ${windowCount} windows of ${windowSeconds.toFixed(2)} s)`,
      `threads    ${threads}, ${pool.simd ? 'SIMD (4 lanes)' : 'scalar'}`,
      `per thread ${perThread.map(formatRate).join(', ')}`,
      `spread     min ${formatRate(value.spread.min)}, max ${formatRate(value.spread.max)}, cv ${(value.spread.cv * 100).toFixed(1)}%`,
    ]);
    return 0;
  } finally {
    pool.close();
  }
}

function hexBytes(hex: string): Uint8Array {
  return hexToBytes(hex, 'header');
}
