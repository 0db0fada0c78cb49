// Words for a result: its name in lists and charts, and the plain-text summary people paste into
// forums and chats.

import { bestRun, caveatPhrases, type BenchResult, type RunRecord } from '../../../model/bench-result.js';
import { scaling } from '../../../model/bench-stats.js';
import { formatDate, formatDuration, formatPercent, formatRate } from '../../shared/format.js';

/** "Chrome 131", "Firefox 133", … from a user agent; the first 30 characters when unrecognised. */
export function browserName(userAgent: string): string {
  for (const [re, name] of [
    [/Edg\/(\d+)/, 'Edge'],
    [/OPR\/(\d+)/, 'Opera'],
    [/Firefox\/(\d+)/, 'Firefox'],
    [/Chrom(?:e|ium)\/(\d+)/, 'Chrome'],
    [/Version\/(\d+)[\d.]* .*Safari/, 'Safari'],
  ] as const) {
    const m = re.exec(userAgent);
    if (m) return `${name} ${m[1]}`;
  }
  return userAgent.slice(0, 30) || 'unknown browser';
}

/** The name a result goes by: its label, else browser and cores. */
export function resultName(result: BenchResult): string {
  if (result.label.trim()) return result.label.trim();
  const cores = result.device.cores === null ? '' : `, ${result.device.cores} cores`;
  return `${browserName(result.device.userAgent)}${cores}`;
}

export function coreName(run: Pick<RunRecord, 'simd' | 'lanes'>): string {
  return run.simd ? `SIMD (${run.lanes} lanes)` : 'scalar';
}

/**
 * What hashed in a run, in words: "2 threads, SIMD (4 lanes)", "WebGPU", "WebGPU + 2 CPU threads";
 * a rate from an emulated adapter always carries the label saying it is not a GPU figure.
 */
export function runName(result: Pick<BenchResult, 'backend' | 'caveats'>, run: Pick<RunRecord, 'threads' | 'simd' | 'lanes'>): string {
  const cpu = `${run.threads} thread${run.threads === 1 ? '' : 's'}, ${coreName(run)}`;
  const gpu = `WebGPU${result.caveats.emulated ? ' (emulated on the CPU, not a GPU figure)' : ''}`;
  if (result.backend === 'webgpu') return gpu;
  if (result.backend === 'both') return `${gpu} + ${run.threads} CPU thread${run.threads === 1 ? '' : 's'}`;
  return cpu;
}

export function kindName(result: BenchResult): string {
  return result.kind === 'sweep' ? 'thread sweep' : result.kind === 'simd' ? 'SIMD on/off' : 'single run';
}

function runLine(result: BenchResult, run: RunRecord): string {
  return (
    `${formatRate(run.hashrate)} with ${runName(result, run)}` +
    ` (min ${formatRate(run.min)}, max ${formatRate(run.max)}, CV ${formatPercent(run.cv)}, ` +
    `${run.windows.filter((w) => w.valid).length} windows of ${formatDuration(run.windowSeconds)})`
  );
}

/** A few lines of plain text describing the result, for the clipboard. */
export function summaryText(result: BenchResult): string {
  const best = bestRun(result);
  const d = result.device;
  const lines = [
    `PoW Lab benchmark (${kindName(result)}), ${formatDate(result.date)}${result.label ? `, ${result.label}` : ''}`,
    `Score: ${runLine(result, best)}`,
    `Measured: SHA-256d block-header hashes per second (${result.backend === 'wasm' ? 'WebAssembly, in-browser workers' : result.backend === 'webgpu' ? 'WebGPU, every candidate re-checked by WebAssembly' : 'WebGPU and WebAssembly workers together'}); warm-up ${formatDuration(best.warmupSeconds)} excluded; median of windows; ${
      best.evidence
        ? `core checked before timing: genesis block found, ${best.evidence.checksum.workload} checksum ${best.evidence.checksum.value.slice(0, 16)}…`
        : 'no evidence recorded (format version 1 file)'
    }.`,
  ];
  const caveats = caveatPhrases(result);
  if (caveats.length > 0) lines.push(`Not a score: ${caveats.join('; ')}.`);
  if (result.kind === 'sweep') {
    for (const row of scaling(result.runs)) {
      lines.push(`  ${row.threads} thread${row.threads === 1 ? '' : 's'}: ${formatRate(row.hashrate)}, speed-up ${row.speedup.toFixed(2)}x, efficiency ${formatPercent(row.efficiency, 0)}`);
    }
  } else if (result.kind === 'simd') {
    for (const run of result.runs) lines.push(`  ${runLine(result, run)}`);
    const simd = result.runs.find((r) => r.simd);
    const scalar = result.runs.find((r) => !r.simd);
    if (simd && scalar && scalar.hashrate > 0) lines.push(`  SIMD is ${(simd.hashrate / scalar.hashrate).toFixed(2)}x scalar`);
  } else if (best.threads > 1) {
    lines.push(`Per worker: ${best.perWorker.map(formatRate).join(', ')}`);
  }
  for (const run of result.runs) {
    if (run.throttling.throttled) lines.push(`Warning: throttling, the last third was ${formatPercent(run.throttling.drop)} slower than the first (${run.threads} threads).`);
    if (run.hiddenSeconds > 0) lines.push(`Note: the tab was hidden for ${formatDuration(run.hiddenSeconds)}; those windows were left out.`);
  }
  const facts = [
    browserName(d.userAgent),
    d.cores === null ? 'cores unknown' : `${d.cores} logical cores`,
    d.deviceMemoryGiB === null ? null : `${d.deviceMemoryGiB} GiB memory (as reported)`,
    `SIMD ${d.simdSupported ? 'supported' : 'not supported'}`,
    `cross-origin isolated: ${d.crossOriginIsolated ? 'yes' : 'no'}`,
    d.battery ? `battery ${formatPercent(d.battery.start.level, 0)} → ${formatPercent(d.battery.end.level, 0)}${d.battery.end.charging ? ' (charging)' : ''}` : null,
  ].filter((f): f is string => f !== null);
  lines.push(`Device: ${facts.join(', ')}`);
  lines.push(`User agent: ${d.userAgent}`);
  return lines.join('\n');
}
