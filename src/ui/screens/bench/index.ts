// The Benchmark screen: how many SHA-256d block-header hashes per second this device computes, on
// the chosen threads and core build, measured the way a miner can trust: the core is verified on the
// genesis block first, a warm-up is left out, the score is the median of repeated windows with its
// spread, hidden-tab periods are left out, throttling is flagged. Results download as versioned JSON,
// stay in a local history, and can be compared with files from other devices.

import { browserSimdSupported, defaultThreads } from '../../../engine/mining/browser-pool.js';
import { GENESIS } from '../../../engine/core/known-answer.js';
import {
  BenchResultError,
  bestRun,
  benchResultFileName,
  createBenchResult,
  parseBenchResult,
  type BenchKind,
  type BenchResult,
  type RunRecord,
} from '../../../model/bench-result.js';
import { scaling, score, windowSecondsFor, type MeasuredWindow } from '../../../model/bench-stats.js';
import { deviceFacts, readBattery } from './device.js';
import { formatDate, formatDuration, formatPercent, formatRate } from './format.js';
import { addToHistory, clearHistory, loadHistory, removeFromHistory, saveLastHashrate } from './history.js';
import { startMeasurement, type Measurement, type MeasurePlan, type MeasureUpdate } from './measure.js';
import { coreName, kindName, resultName, summaryText } from './summary.js';
import { parseUrlRun } from './url-run.js';
import { createLineChart, type LineChart, type Series } from '../../shared/charts/line.js';

const PRESETS = { quick: 10, standard: 30, stress: 300 } as const;
type Preset = keyof typeof PRESETS | 'custom';
const WARMUP_SECONDS = 2;
const CUSTOM = { min: 1, max: 3600 };
/** How many history entries are on the compare chart by default. */
const COMPARE_DEFAULT = 3;

// Static markup only: every piece of data (results, file names, labels) is written with textContent.
const TEMPLATE = `
<section class="panel" aria-labelledby="bench-title">
  <h1 id="bench-title">Benchmark this device</h1>
  <p class="lede">
    Measures how many Bitcoin block-header hashes per second this device computes: SHA-256d of an
    80-byte header, the unit of proof-of-work, in WebAssembly on the threads you choose. The core is
    checked on the genesis block first; a warm-up is run and not counted; the score is the median of
    repeated short windows (1 s, or less for runs under 5 s), shown with their spread.
  </p>
  <div class="alert" role="alert" data-testid="bench-url-error" hidden></div>

  <form class="bench-form" data-testid="bench-form" novalidate>
    <fieldset class="mode bench-presets">
      <legend>Length <span class="muted">(measured time, after a ${WARMUP_SECONDS} s warm-up)</span></legend>
      <label class="mode-option"><input type="radio" name="bench-preset" value="quick" checked data-testid="bench-preset-quick" /> Quick <span class="muted">10 s</span></label>
      <label class="mode-option"><input type="radio" name="bench-preset" value="standard" data-testid="bench-preset-standard" /> Standard <span class="muted">30 s</span></label>
      <label class="mode-option"><input type="radio" name="bench-preset" value="stress" data-testid="bench-preset-stress" /> Stress <span class="muted">5 min</span></label>
      <label class="mode-option"><input type="radio" name="bench-preset" value="custom" data-testid="bench-preset-custom" /> Custom</label>
    </fieldset>

    <div class="bench-fields">
      <div class="bench-field" data-testid="bench-seconds-field" hidden>
        <label class="field-label" for="bench-seconds">Seconds</label>
        <input id="bench-seconds" class="bench-input" type="number" inputmode="decimal" min="${CUSTOM.min}" max="${CUSTOM.max}" step="any" value="10"
          aria-describedby="bench-seconds-error bench-seconds-hint" data-testid="bench-seconds" />
        <p id="bench-seconds-hint" class="hint">${CUSTOM.min} to ${CUSTOM.max}</p>
        <p id="bench-seconds-error" class="field-error" aria-live="polite" data-testid="bench-seconds-error"></p>
      </div>
      <div class="bench-field">
        <label class="field-label" for="bench-threads">Threads</label>
        <input id="bench-threads" class="bench-input" type="number" inputmode="numeric" min="1" step="1"
          aria-describedby="bench-threads-error bench-threads-hint" data-testid="bench-threads" />
        <p id="bench-threads-hint" class="hint" data-testid="bench-threads-hint"></p>
        <p id="bench-threads-error" class="field-error" aria-live="polite" data-testid="bench-threads-error"></p>
      </div>
      <div class="bench-field bench-field-wide">
        <label class="field-label" for="bench-label">Device name <span class="muted">(optional, to tell results apart)</span></label>
        <input id="bench-label" class="bench-input" type="text" maxlength="80" autocomplete="off" placeholder="e.g. my phone, office laptop" data-testid="bench-label" />
      </div>
    </div>

    <div class="bench-checks">
      <label class="mode-option"><input type="checkbox" checked data-testid="bench-simd" aria-describedby="bench-simd-hint" /> Use the SIMD core <span class="muted">(4 hashes per instruction)</span></label>
      <p id="bench-simd-hint" class="hint" data-testid="bench-simd-hint" hidden>This browser has no WebAssembly SIMD: the scalar core is used.</p>
      <label class="mode-option"><input type="checkbox" data-testid="bench-stable" aria-describedby="bench-stable-hint" /> Stop early once the rate is stable</label>
      <p id="bench-stable-hint" class="hint">Ends when the last 5 windows vary by 2% or less and agree with the run so far; the length above is then the longest it runs.</p>
    </div>

    <div class="bench-actions">
      <button type="submit" class="button button-primary" data-testid="bench-start">Start benchmark</button>
      <button type="button" class="button" data-testid="bench-pause" disabled>Pause</button>
      <button type="button" class="button" data-testid="bench-stop" disabled>Stop</button>
    </div>
    <div class="bench-actions bench-more">
      <button type="button" class="button" data-testid="bench-sweep" aria-describedby="bench-more-hint"></button>
      <button type="button" class="button" data-testid="bench-simd-compare" aria-describedby="bench-more-hint">Compare SIMD on and off</button>
      <p id="bench-more-hint" class="hint">A thread sweep measures 1, 2, … threads in turn, each for the length above, to show how the rate scales with cores.</p>
    </div>
  </form>

  <div class="bench-progress">
    <progress max="1" value="0" aria-labelledby="bench-status" data-testid="bench-progress"></progress>
    <p id="bench-status" class="bench-status" aria-live="polite" data-testid="bench-status">Ready. Nothing is hashed until you start.</p>
    <div class="alert" role="alert" data-testid="bench-error" hidden></div>
  </div>
</section>

<section class="panel" aria-labelledby="bench-live-title">
  <h2 id="bench-live-title">Hashrate over time</h2>
  <dl class="bench-stats" data-testid="bench-live">
    <div><dt>Last window</dt><dd data-testid="bench-live-last">—</dd></div>
    <div><dt>Median so far</dt><dd data-testid="bench-live-median">—</dd></div>
    <div><dt>Spread (CV)</dt><dd data-testid="bench-live-cv">—</dd></div>
    <div><dt>Windows</dt><dd data-testid="bench-live-windows">—</dd></div>
  </dl>
  <div class="chart-box" data-testid="bench-live-chart" data-points="0">
    <canvas role="img" aria-label="Hashrate of each measurement window over time: the total and each worker"></canvas>
    <p class="chart-empty" data-testid="bench-live-empty">The chart fills in as each window is measured, once the warm-up is over.</p>
  </div>
  <p class="hint">Each point is one window: total hashes per second, and each worker's share. The warm-up is not shown.</p>
  <p class="bench-warning" data-testid="bench-hidden-note" hidden></p>
  <ul class="bench-incidents" aria-live="polite" data-testid="bench-incidents"></ul>
</section>

<section class="panel bench-result" aria-labelledby="bench-result-title" data-testid="bench-result" hidden>
  <h2 id="bench-result-title">Result</h2>
  <p class="bench-score"><strong data-testid="bench-score"></strong> <span class="muted" data-testid="bench-score-note"></span></p>
  <dl class="bench-facts" data-testid="bench-facts"></dl>
  <p class="bench-warning" data-testid="bench-throttle" hidden></p>
  <p class="hint" data-testid="bench-throttle-note" hidden></p>
  <div data-testid="bench-scaling" hidden>
    <h3>Thread scaling</h3>
    <div class="chart-box" data-testid="bench-scaling-chart">
      <canvas role="img" aria-label="Speed-up and efficiency for each thread count"></canvas>
    </div>
    <p class="hint">Speed-up is the rate over the one-thread rate; efficiency is speed-up per thread (100% is perfect scaling; hyper-threads and shared caches usually give less).</p>
    <div class="table-wrap"><table class="bench-table" data-testid="bench-scaling-table">
      <thead><tr><th scope="col">Threads</th><th scope="col">Hashrate</th><th scope="col">Speed-up</th><th scope="col">Efficiency</th><th scope="col">CV</th></tr></thead>
      <tbody></tbody>
    </table></div>
  </div>
  <div data-testid="bench-simd-table" hidden>
    <h3>SIMD on and off</h3>
    <div class="table-wrap"><table class="bench-table">
      <thead><tr><th scope="col">Core</th><th scope="col">Threads</th><th scope="col">Hashrate</th><th scope="col">CV</th></tr></thead>
      <tbody></tbody>
    </table></div>
    <p class="bench-ratio" data-testid="bench-simd-ratio"></p>
  </div>
  <div class="bench-actions">
    <button type="button" class="button" data-testid="bench-download">Download JSON</button>
    <button type="button" class="button" data-testid="bench-copy">Copy summary</button>
  </div>
  <p class="hint" aria-live="polite" data-testid="bench-copy-status"></p>
  <label class="field-label" for="bench-summary" data-testid="bench-summary-label" hidden>Summary (select and copy)</label>
  <textarea id="bench-summary" class="bench-summary" readonly rows="8" data-testid="bench-summary" hidden></textarea>
  <details class="bench-device">
    <summary>Device facts recorded with this result</summary>
    <dl class="bench-facts" data-testid="bench-device"></dl>
  </details>
</section>

<section class="panel" aria-labelledby="bench-compare-title">
  <h2 id="bench-compare-title">Compare results</h2>
  <p class="lede">
    Results stay in this browser. Download one on another device (a phone, a second computer) and
    import it here to see them side by side: hashrate by thread count.
  </p>
  <div class="bench-actions">
    <input id="bench-import" class="visually-hidden" type="file" accept=".json,application/json" multiple
      aria-describedby="bench-import-error" data-testid="bench-import" />
    <label class="button" for="bench-import">Import result files…</label>
    <button type="button" class="button" data-testid="bench-clear-history">Clear history</button>
  </div>
  <div id="bench-import-error" class="bench-import-error" aria-live="polite" data-testid="bench-import-error"></div>
  <div class="chart-box" data-testid="bench-compare-chart" data-series="0">
    <canvas role="img" aria-label="Hashrate by thread count for each result chosen below"></canvas>
  </div>
  <p class="hint" data-testid="bench-compare-empty">No results yet: run a benchmark or import a file.</p>
  <ul class="bench-list" data-testid="bench-compare-list"></ul>
</section>
`;

interface CompareEntry {
  key: string;
  result: BenchResult;
  source: 'history' | 'file';
  fileName?: string;
  shown: boolean;
}

function el<T extends HTMLElement = HTMLElement>(root: HTMLElement, testId: string): T {
  const found = root.querySelector<T>(`[data-testid="${testId}"]`);
  if (!found) throw new Error(`bench view: missing ${testId}`);
  return found;
}

function fact(list: HTMLElement, term: string, value: string, testId?: string): void {
  const div = document.createElement('div');
  const dt = document.createElement('dt');
  dt.textContent = term;
  const dd = document.createElement('dd');
  dd.textContent = value;
  if (testId) dd.dataset['testid'] = testId;
  div.append(dt, dd);
  list.append(div);
}

function cell(row: HTMLTableRowElement, text: string, header = false): void {
  const c = document.createElement(header ? 'th' : 'td');
  if (header) c.setAttribute('scope', 'row');
  c.textContent = text;
  row.append(c);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function mountBenchView(root: HTMLElement): void {
  root.innerHTML = TEMPLATE;
  const cores = defaultThreads();
  const simdOk = browserSimdSupported();

  const form = el<HTMLFormElement>(root, 'bench-form');
  const presetInputs = [...root.querySelectorAll<HTMLInputElement>('input[name="bench-preset"]')];
  const secondsField = el(root, 'bench-seconds-field');
  const secondsInput = el<HTMLInputElement>(root, 'bench-seconds');
  const secondsError = el(root, 'bench-seconds-error');
  const threadsInput = el<HTMLInputElement>(root, 'bench-threads');
  const threadsError = el(root, 'bench-threads-error');
  const labelInput = el<HTMLInputElement>(root, 'bench-label');
  const simdInput = el<HTMLInputElement>(root, 'bench-simd');
  const stableInput = el<HTMLInputElement>(root, 'bench-stable');
  const startButton = el<HTMLButtonElement>(root, 'bench-start');
  const pauseButton = el<HTMLButtonElement>(root, 'bench-pause');
  const stopButton = el<HTMLButtonElement>(root, 'bench-stop');
  const sweepButton = el<HTMLButtonElement>(root, 'bench-sweep');
  const simdCompareButton = el<HTMLButtonElement>(root, 'bench-simd-compare');
  const progress = el<HTMLProgressElement>(root, 'bench-progress');
  const status = el(root, 'bench-status');
  const errorBox = el(root, 'bench-error');
  const urlError = el(root, 'bench-url-error');
  const liveBox = el(root, 'bench-live-chart');
  const hiddenNote = el(root, 'bench-hidden-note');
  const incidents = el(root, 'bench-incidents');
  const resultPanel = el(root, 'bench-result');
  const compareBox = el(root, 'bench-compare-chart');
  const compareList = el(root, 'bench-compare-list');
  const importInput = el<HTMLInputElement>(root, 'bench-import');
  const importError = el(root, 'bench-import-error');

  el(root, 'bench-threads-hint').textContent = `1 to ${cores} (this device reports ${cores} logical core${cores === 1 ? '' : 's'})`;
  threadsInput.max = String(cores);
  threadsInput.value = String(cores);
  if (!simdOk) {
    simdInput.checked = false;
    simdInput.disabled = true;
    simdCompareButton.disabled = true;
    el(root, 'bench-simd-hint').hidden = false;
  }

  let liveChart: LineChart | undefined;
  let scalingChart: LineChart | undefined;
  let compareChart: LineChart | undefined;
  const charts = {
    live: () => (liveChart ??= createLineChart(liveBox.querySelector('canvas')!, {
      x: { title: 'seconds since start', format: (v) => `${v}` },
      y: { title: 'hashes per second', format: formatRate },
      tooltip: (s, x, y) => `${s}: ${formatRate(y)} at ${x.toFixed(1)} s`,
    })),
    scaling: () => (scalingChart ??= createLineChart(el(root, 'bench-scaling-chart').querySelector('canvas')!, {
      x: { title: 'threads', integer: true, zero: false },
      y: { title: 'speed-up (×)', format: (v) => `${v}×` },
      y2: { title: 'efficiency', format: (v) => formatPercent(v, 0), max: 1.2 },
      tooltip: (s, x, y) => `${s} at ${x} thread${x === 1 ? '' : 's'}: ${s === 'efficiency' ? formatPercent(y, 0) : `${y.toFixed(2)}×`}`,
    })),
    compare: () => (compareChart ??= createLineChart(compareBox.querySelector('canvas')!, {
      x: { title: 'threads', integer: true, zero: false },
      y: { title: 'hashes per second', format: formatRate },
      tooltip: (s, x, y) => `${s}: ${formatRate(y)} with ${x} thread${x === 1 ? '' : 's'}`,
    })),
  };

  // ---- form ------------------------------------------------------------------------------------

  const preset = (): Preset => (presetInputs.find((i) => i.checked)?.value as Preset | undefined) ?? 'quick';

  function readSeconds(): number | undefined {
    const p = preset();
    if (p !== 'custom') return PRESETS[p];
    const raw = secondsInput.value.trim();
    const n = Number(raw);
    let message = '';
    if (raw === '') message = 'Enter how many seconds to measure.';
    else if (!Number.isFinite(n)) message = `“${raw}” is not a number of seconds.`;
    else if (n < CUSTOM.min || n > CUSTOM.max) message = `Choose from ${CUSTOM.min} to ${CUSTOM.max} seconds.`;
    secondsError.textContent = message;
    secondsInput.setAttribute('aria-invalid', String(message !== ''));
    return message ? undefined : n;
  }

  function readThreads(): number | undefined {
    const raw = threadsInput.value.trim();
    const n = Number(raw);
    let message = '';
    if (raw === '') message = 'Enter a number of threads.';
    else if (!Number.isInteger(n)) message = 'Threads must be a whole number.';
    else if (n < 1) message = 'At least 1 thread is needed.';
    else if (n > cores) message = `This device reports ${cores} logical core${cores === 1 ? '' : 's'}: choose ${cores === 1 ? '1' : `1 to ${cores}`}.`;
    threadsError.textContent = message;
    threadsInput.setAttribute('aria-invalid', String(message !== ''));
    return message ? undefined : n;
  }

  function updateSweepLabel(): void {
    const s = preset() === 'custom' ? Number(secondsInput.value) : PRESETS[preset() as keyof typeof PRESETS];
    const each = Number.isFinite(s) && s > 0 ? s + WARMUP_SECONDS : NaN;
    const total = cores * each;
    sweepButton.textContent = `Thread sweep 1–${cores}${Number.isFinite(total) ? ` (about ${formatDuration(total)})` : ''}`;
  }

  for (const input of presetInputs) {
    input.addEventListener('change', () => {
      secondsField.hidden = preset() !== 'custom';
      if (preset() !== 'custom') {
        secondsError.textContent = '';
        secondsInput.removeAttribute('aria-invalid');
      }
      updateSweepLabel();
    });
  }
  secondsInput.addEventListener('input', () => {
    readSeconds();
    updateSweepLabel();
  });
  threadsInput.addEventListener('input', () => void readThreads());
  updateSweepLabel();

  // ---- running ---------------------------------------------------------------------------------

  let current: Measurement | undefined;
  let busy = false;

  function setBusy(on: boolean): void {
    busy = on;
    for (const control of form.querySelectorAll<HTMLInputElement | HTMLButtonElement>('input, button')) {
      if (control === pauseButton || control === stopButton) control.disabled = !on;
      else if (control === simdInput || control === simdCompareButton) control.disabled = on || !simdOk;
      else control.disabled = on;
    }
    pauseButton.textContent = 'Pause';
    pauseButton.setAttribute('aria-pressed', 'false');
    root.dataset['state'] = on ? 'running' : 'idle';
  }

  function showError(message: string | null): void {
    errorBox.textContent = message ?? '';
    errorBox.hidden = message === null;
  }

  function drawLive(windows: readonly MeasuredWindow[], threads: number): void {
    const total: Series = { label: 'total', points: windows.map((w) => ({ x: w.end, y: w.valid ? w.rate : null })), bold: true, color: 0 };
    const series: Series[] = [total];
    if (threads > 1) {
      for (let i = 0; i < threads; i++) {
        series.push({ label: `worker ${i + 1}`, points: windows.map((w) => ({ x: w.end, y: w.valid ? (w.workerRates[i] ?? 0) : null })), color: 1 + (i % 6) });
      }
    }
    const left = windows.filter((w) => !w.valid);
    if (left.length > 0) series.push({ label: 'left out (hidden tab or pause)', points: left.map((w) => ({ x: w.end, y: w.rate })), pointsOnly: true, color: 7 });
    charts.live().setSeries(series);
    liveBox.dataset['points'] = String(windows.length);
    el(root, 'bench-live-empty').hidden = windows.length > 0;
  }

  let drawnWindows = 0;

  function showLive(update: MeasureUpdate, threads: number): void {
    const s = score(update.windows);
    const last = update.windows[update.windows.length - 1];
    el(root, 'bench-live-last').textContent = last ? (last.valid ? formatRate(last.rate) : `${formatRate(last.rate)} (left out)`) : '—';
    el(root, 'bench-live-median').textContent = s ? formatRate(s.hashrate) : '—';
    el(root, 'bench-live-cv').textContent = s && s.validWindows > 1 ? formatPercent(s.cv) : '—';
    el(root, 'bench-live-windows').textContent = s ? `${s.validWindows}${s.invalidWindows ? ` (+${s.invalidWindows} left out)` : ''}` : '—';
    if (update.windows.length !== drawnWindows) {
      drawnWindows = update.windows.length;
      drawLive(update.windows, threads);
    }
    if (update.hiddenSeconds > 0 || update.hidden) {
      hiddenNote.hidden = false;
      hiddenNote.textContent = `The tab was hidden for ${formatDuration(update.hiddenSeconds)} during this run. Browsers slow down background tabs, so the windows measured then are marked invalid and left out of the score.`;
    }
  }

  function addIncident(message: string): void {
    const li = document.createElement('li');
    li.textContent = message;
    incidents.append(li);
  }

  interface Job {
    kind: BenchKind;
    plans: MeasurePlan[];
    label: string;
    origin: string;
  }

  function planFrom(threads: number, simd: boolean, seconds: number, warmupSeconds = WARMUP_SECONDS, stopWhenStable = stableInput.checked): MeasurePlan {
    return { threads, simd, seconds, warmupSeconds, windowSeconds: windowSecondsFor(seconds), stopWhenStable };
  }

  async function runJob(job: Job): Promise<void> {
    if (busy) return;
    setBusy(true);
    showError(null);
    hiddenNote.hidden = true;
    incidents.replaceChildren();
    progress.value = 0;
    // The result element carries a figure only once this run has one.
    resultPanel.hidden = true;
    delete resultPanel.dataset['hashrate'];
    delete resultPanel.dataset['threads'];
    const batteryStart = await readBattery();
    const runs: RunRecord[] = [];
    try {
      for (let i = 0; i < job.plans.length; i++) {
        const plan = job.plans[i]!;
        const step = job.plans.length > 1 ? `${job.kind === 'sweep' ? 'Thread sweep' : 'SIMD comparison'}, step ${i + 1} of ${job.plans.length} (${plan.threads} thread${plan.threads === 1 ? '' : 's'}, ${plan.simd ? 'SIMD' : 'scalar'}): ` : '';
        drawLive([], plan.threads);
        drawnWindows = 0;
        const measurement = startMeasurement(plan, {
          onUpdate: (u) => {
            const fraction = Math.min(1, u.elapsed / u.total);
            progress.value = (i + fraction) / job.plans.length;
            const what =
              u.phase === 'starting' ? 'starting the workers…'
              : u.phase === 'testing' ? 'checking the core on the genesis block…'
              : u.phase === 'warmup' ? `warming up, not counted (${formatDuration(u.elapsed)} of ${formatDuration(plan.warmupSeconds)})…`
              : `measuring with ${plan.threads} thread${plan.threads === 1 ? '' : 's'}, ${coreName(u)}: ${formatDuration(Math.max(0, u.elapsed - plan.warmupSeconds))} of ${formatDuration(plan.seconds)}${plan.stopWhenStable ? ' at most' : ''}`;
            status.textContent = `${step}${u.paused ? 'Paused. ' : ''}${job.origin}${what}`;
            showLive(u, plan.threads);
          },
          onIncident: addIncident,
        });
        current = measurement;
        const outcome = await measurement.done;
        if (outcome.status === 'cancelled') {
          status.textContent = 'Stopped. No result was recorded.';
          progress.value = 0;
          return;
        }
        if (outcome.status === 'no-valid-windows') {
          showError(`No figure: the tab was hidden for ${formatDuration(outcome.hiddenSeconds)}, which left no valid measurement window. Keep this tab in front while it runs.`);
          status.textContent = 'Finished without a result.';
          return;
        }
        runs.push(outcome.run);
      }
      const batteryEnd = batteryStart ? await readBattery() : null;
      const result = createBenchResult({
        kind: job.kind,
        label: job.label,
        date: new Date().toISOString(),
        workload: { algorithm: 'sha256d-header', header: GENESIS.headerHex },
        app: 'PoW Lab (browser)',
        device: deviceFacts(batteryStart && batteryEnd ? { start: batteryStart, end: batteryEnd } : null),
        runs,
      });
      progress.value = 1;
      const best = bestRun(result);
      status.textContent = `Done: ${formatRate(best.hashrate)} with ${best.threads} thread${best.threads === 1 ? '' : 's'}${best.ended === 'stable' ? ' (stopped early: the rate was stable)' : ''}.`;
      saveLastHashrate(result);
      addToHistory(result);
      refreshHistory(result.date);
      showResult(result);
    } catch (error) {
      status.textContent = 'Stopped by an error. No figure is reported.';
      showError(`No figure is reported: ${messageOf(error)}`);
    } finally {
      current = undefined;
      setBusy(false);
    }
  }

  function jobFromForm(kind: BenchKind): Job | undefined {
    const seconds = readSeconds();
    const threads = readThreads();
    if (seconds === undefined || threads === undefined) {
      (seconds === undefined ? secondsInput : threadsInput).focus();
      return undefined;
    }
    const simd = simdInput.checked && simdOk;
    const label = labelInput.value.trim();
    if (kind === 'sweep') return { kind, label, origin: '', plans: Array.from({ length: cores }, (_, i) => planFrom(i + 1, simd, seconds)) };
    if (kind === 'simd') return { kind, label, origin: '', plans: [planFrom(threads, true, seconds), planFrom(threads, false, seconds)] };
    return { kind, label, origin: '', plans: [planFrom(threads, simd, seconds)] };
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const job = jobFromForm('run');
    if (job) void runJob(job);
  });
  sweepButton.addEventListener('click', () => {
    const job = jobFromForm('sweep');
    if (job) void runJob(job);
  });
  simdCompareButton.addEventListener('click', () => {
    const job = jobFromForm('simd');
    if (job) void runJob(job);
  });
  pauseButton.addEventListener('click', () => {
    if (!current) return;
    if (current.paused) {
      current.resume();
      pauseButton.textContent = 'Pause';
      pauseButton.setAttribute('aria-pressed', 'false');
    } else {
      current.pause();
      pauseButton.textContent = 'Resume';
      pauseButton.setAttribute('aria-pressed', 'true');
      status.textContent = 'Paused. The window in progress is left out; measuring goes on after you resume.';
    }
  });
  stopButton.addEventListener('click', () => current?.stop());

  // ---- result ----------------------------------------------------------------------------------

  let shownResult: BenchResult | undefined;

  function showResult(result: BenchResult): void {
    shownResult = result;
    const best = bestRun(result);
    resultPanel.hidden = false;
    resultPanel.dataset['hashrate'] = String(best.hashrate);
    resultPanel.dataset['threads'] = String(best.threads);
    resultPanel.dataset['kind'] = result.kind;
    el(root, 'bench-score').textContent = formatRate(best.hashrate);
    const valid = best.windows.filter((w) => w.valid).length;
    el(root, 'bench-score-note').textContent =
      `median of ${valid} window${valid === 1 ? '' : 's'}, ${best.threads} thread${best.threads === 1 ? '' : 's'}, ${coreName(best)}${result.kind === 'run' ? '' : ` (best of the ${kindName(result)})`}`;

    const facts = el(root, 'bench-facts');
    facts.replaceChildren();
    fact(facts, 'Spread', `min ${formatRate(best.min)}, max ${formatRate(best.max)}, CV ${formatPercent(best.cv)}`, 'bench-spread');
    fact(facts, 'Per thread', formatRate(best.hashrate / best.threads));
    if (best.threads > 1) fact(facts, 'Per worker', best.perWorker.map(formatRate).join(', '));
    fact(facts, 'Measured', `${formatDuration(best.measuredSeconds)} in ${formatDuration(best.windowSeconds)} windows, after a ${formatDuration(best.warmupSeconds)} warm-up${best.ended === 'stable' ? '; stopped early, the rate was stable' : ''}`);
    const leftOut = best.windows.length - valid;
    if (leftOut > 0) fact(facts, 'Left out', `${leftOut} window${leftOut === 1 ? '' : 's'} (tab hidden or paused)`);
    fact(facts, 'Date', formatDate(result.date));

    const throttle = el(root, 'bench-throttle');
    const throttleNote = el(root, 'bench-throttle-note');
    const throttled = result.runs.filter((r) => r.throttling.throttled);
    throttle.hidden = throttled.length === 0;
    throttle.textContent = throttled
      .map((r) => `Throttling: with ${r.threads} thread${r.threads === 1 ? '' : 's'} the last third of the run was ${formatPercent(r.throttling.drop)} slower than the first (${formatRate(r.throttling.firstThird)} → ${formatRate(r.throttling.lastThird)}). The device is probably slowing down to stay cool or save power; the stress preset shows how far.`)
      .join(' ');
    const unchecked = result.runs.every((r) => !r.throttling.checked);
    throttleNote.hidden = !unchecked;
    throttleNote.textContent = 'Throttling is checked on runs of 20 s or more (standard or stress): the last third is compared with the first.';

    const hidden = result.runs.reduce((s, r) => s + r.hiddenSeconds, 0);
    if (hidden > 0) {
      hiddenNote.hidden = false;
      hiddenNote.textContent = `The tab was hidden for ${formatDuration(hidden)} during this benchmark. Browsers slow down background tabs, so the windows measured then were marked invalid and left out of the score.`;
    }

    const scalingBox = el(root, 'bench-scaling');
    scalingBox.hidden = result.kind !== 'sweep';
    if (result.kind === 'sweep') {
      const rows = scaling(result.runs);
      const maxThreads = Math.max(...rows.map((r) => r.threads));
      charts.scaling().setSeries([
        { label: 'speed-up', points: rows.map((r) => ({ x: r.threads, y: r.speedup })), bold: true, color: 0 },
        { label: 'ideal', points: [{ x: 1, y: 1 }, { x: maxThreads, y: maxThreads }], dashed: true, color: 7 },
        { label: 'efficiency', points: rows.map((r) => ({ x: r.threads, y: r.efficiency })), axis: 'y2', color: 1 },
      ]);
      const body = el(root, 'bench-scaling-table').querySelector('tbody')!;
      body.replaceChildren(
        ...rows.map((r, i) => {
          const tr = document.createElement('tr');
          cell(tr, String(r.threads), true);
          cell(tr, formatRate(r.hashrate));
          cell(tr, `${r.speedup.toFixed(2)}×`);
          cell(tr, formatPercent(r.efficiency, 0));
          cell(tr, formatPercent(result.runs.slice().sort((a, b) => a.threads - b.threads)[i]!.cv));
          return tr;
        }),
      );
    }

    const simdBox = el(root, 'bench-simd-table');
    simdBox.hidden = result.kind !== 'simd';
    if (result.kind === 'simd') {
      simdBox.querySelector('tbody')!.replaceChildren(
        ...result.runs.map((r) => {
          const tr = document.createElement('tr');
          cell(tr, coreName(r), true);
          cell(tr, String(r.threads));
          cell(tr, formatRate(r.hashrate));
          cell(tr, formatPercent(r.cv));
          return tr;
        }),
      );
      const on = result.runs.find((r) => r.simd);
      const off = result.runs.find((r) => !r.simd);
      el(root, 'bench-simd-ratio').textContent =
        on && off && off.hashrate > 0 ? `The SIMD core is ${(on.hashrate / off.hashrate).toFixed(2)}× the scalar core on this device.` : '';
    }

    const device = el(root, 'bench-device');
    const d = result.device;
    device.replaceChildren();
    fact(device, 'User agent', d.userAgent);
    fact(device, 'Logical cores', d.cores === null ? 'not reported' : String(d.cores));
    fact(device, 'WebAssembly SIMD', d.simdSupported ? 'supported' : 'not supported');
    fact(device, 'Cross-origin isolated', d.crossOriginIsolated ? 'yes' : 'no');
    fact(device, 'Device memory', d.deviceMemoryGiB === null ? 'not exposed by this browser' : `${d.deviceMemoryGiB} GiB (as the browser rounds it)`);
    fact(
      device,
      'Battery',
      d.battery
        ? `${formatPercent(d.battery.start.level, 0)} → ${formatPercent(d.battery.end.level, 0)}${d.battery.end.charging ? ', charging' : ', on battery'}`
        : 'not available in this browser',
    );
    fact(device, 'Date', result.date);
    el(root, 'bench-copy-status').textContent = '';
    el(root, 'bench-summary').hidden = true;
    el(root, 'bench-summary-label').hidden = true;
  }

  el(root, 'bench-download').addEventListener('click', () => {
    if (shownResult) download(shownResult);
  });

  el(root, 'bench-copy').addEventListener('click', async () => {
    if (!shownResult) return;
    const text = summaryText(shownResult);
    const copyStatus = el(root, 'bench-copy-status');
    const box = el<HTMLTextAreaElement>(root, 'bench-summary');
    box.value = text;
    try {
      await navigator.clipboard.writeText(text);
      copyStatus.textContent = 'Summary copied to the clipboard.';
    } catch {
      // No clipboard permission (or an insecure context): show the text to copy by hand.
      box.hidden = false;
      el(root, 'bench-summary-label').hidden = false;
      box.focus();
      box.select();
      copyStatus.textContent = 'The browser did not allow copying: the summary is selected below, copy it from there.';
    }
  });

  function download(result: BenchResult): void {
    const blob = new Blob([`${JSON.stringify(result, null, 2)}\n`], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = benchResultFileName(result);
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  // ---- history and comparison -----------------------------------------------------------------

  let entries: CompareEntry[] = [];
  let fileCount = 0;

  function refreshHistory(newest?: string): void {
    const shown = new Map(entries.filter((e) => e.source === 'history').map((e) => [e.key, e.shown]));
    const history = loadHistory().map(
      (result, i): CompareEntry => ({
        key: `history:${result.date}`,
        result,
        source: 'history',
        shown: shown.get(`history:${result.date}`) ?? (result.date === newest || (shown.size === 0 && i < COMPARE_DEFAULT)),
      }),
    );
    entries = [...history, ...entries.filter((e) => e.source === 'file')];
    renderCompare();
  }

  function seriesOf(entry: CompareEntry, color: number): Series[] {
    const name = resultName(entry.result) + (entry.source === 'file' ? ' (imported)' : '');
    const builds = [true, false].filter((simd) => entry.result.runs.some((r) => r.simd === simd));
    return builds.map((simd, i) => {
      const runs = entry.result.runs.filter((r) => r.simd === simd).sort((a, b) => a.threads - b.threads);
      return {
        label: builds.length > 1 || !simd ? `${name}, ${simd ? 'SIMD' : 'scalar'}` : name,
        points: runs.map((r) => ({ x: r.threads, y: r.hashrate })),
        pointsOnly: runs.length === 1,
        dashed: i > 0,
        color,
      };
    });
  }

  function renderCompare(): void {
    const shown = entries.filter((e) => e.shown);
    const series = shown.flatMap((e, i) => seriesOf(e, i));
    if (series.length > 0 || compareChart) charts.compare().setSeries(series);
    compareBox.dataset['series'] = String(series.length);
    compareBox.hidden = series.length === 0;
    el(root, 'bench-compare-empty').hidden = entries.length > 0;
    el(root, 'bench-compare-empty').textContent =
      entries.length === 0 ? 'No results yet: run a benchmark or import a file.' : '';
    el<HTMLButtonElement>(root, 'bench-clear-history').disabled = busy || !entries.some((e) => e.source === 'history');

    compareList.replaceChildren(
      ...entries.map((entry) => {
        const li = document.createElement('li');
        li.className = 'bench-entry';
        li.dataset['testid'] = 'bench-compare-item';
        li.dataset['source'] = entry.source;
        const best = bestRun(entry.result);
        li.dataset['hashrate'] = String(best.hashrate);

        const id = `bench-entry-${entry.key.replace(/[^a-z0-9]/gi, '-')}`;
        const check = document.createElement('input');
        check.type = 'checkbox';
        check.id = id;
        check.checked = entry.shown;
        check.addEventListener('change', () => {
          entry.shown = check.checked;
          renderCompare();
        });
        const label = document.createElement('label');
        label.htmlFor = id;
        label.className = 'bench-entry-label';
        const name = document.createElement('strong');
        name.textContent = resultName(entry.result);
        const detail = document.createElement('span');
        detail.className = 'muted';
        detail.textContent = ` ${formatRate(best.hashrate)}, ${best.threads} thread${best.threads === 1 ? '' : 's'}, ${coreName(best)} · ${kindName(entry.result)} · ${formatDate(entry.result.date)}${entry.source === 'file' ? ` · from ${entry.fileName}` : ' · this browser'}`;
        label.append(name, detail);

        const actions = document.createElement('span');
        actions.className = 'bench-entry-actions';
        const show = document.createElement('button');
        show.type = 'button';
        show.className = 'button button-small';
        show.textContent = 'Details';
        show.setAttribute('aria-label', `Show details of ${resultName(entry.result)}, ${formatDate(entry.result.date)}`);
        show.addEventListener('click', () => {
          showResult(entry.result);
          resultPanel.scrollIntoView({ block: 'start' });
        });
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'button button-small';
        remove.textContent = 'Remove';
        remove.setAttribute('aria-label', `Remove ${resultName(entry.result)}, ${formatDate(entry.result.date)}${entry.source === 'history' ? ' from the history' : ''}`);
        remove.addEventListener('click', () => {
          if (entry.source === 'history') removeFromHistory(entry.result.date);
          entries = entries.filter((e) => e !== entry);
          renderCompare();
        });
        actions.append(show, remove);
        li.append(check, label, actions);
        return li;
      }),
    );
  }

  importInput.addEventListener('change', async () => {
    const files = [...(importInput.files ?? [])];
    importInput.value = '';
    const problems: string[] = [];
    for (const file of files) {
      try {
        if (file.size > 5_000_000) throw new BenchResultError(`the file is ${Math.round(file.size / 1e6)} MB; a result is a few kB`);
        const result = parseBenchResult(await file.text());
        entries.push({ key: `file:${++fileCount}`, result, source: 'file', fileName: file.name, shown: true });
      } catch (error) {
        problems.push(`${file.name}: ${error instanceof BenchResultError ? error.message : messageOf(error)}`);
      }
    }
    importError.replaceChildren(
      ...problems.map((p) => {
        const line = document.createElement('p');
        line.textContent = `Not imported: ${p}`;
        return line;
      }),
    );
    renderCompare();
  });

  el(root, 'bench-clear-history').addEventListener('click', () => {
    clearHistory();
    entries = entries.filter((e) => e.source === 'file');
    renderCompare();
  });

  refreshHistory();
  const latest = loadHistory()[0];
  if (latest) showResult(latest);

  // ---- URL-driven run ---------------------------------------------------------------------------

  const fromUrl = parseUrlRun(location.search, cores);
  if (fromUrl.kind === 'invalid') {
    urlError.hidden = false;
    const head = document.createElement('strong');
    head.textContent = 'The benchmark link has a problem, so nothing was started:';
    const list = document.createElement('ul');
    list.append(
      ...fromUrl.problems.map((p) => {
        const li = document.createElement('li');
        li.textContent = p;
        return li;
      }),
    );
    urlError.replaceChildren(head, list);
  } else if (fromUrl.kind === 'run') {
    const { run } = fromUrl;
    const custom = presetInputs.find((i) => i.value === 'custom')!;
    custom.checked = true;
    secondsField.hidden = false;
    secondsInput.value = String(run.seconds);
    threadsInput.value = String(run.threads);
    if (run.simd !== undefined && simdOk) simdInput.checked = run.simd;
    stableInput.checked = run.stopWhenStable;
    updateSweepLabel();
    void runJob({
      kind: 'run',
      label: '',
      origin: 'From the link: ',
      plans: [planFrom(run.threads, simdInput.checked && simdOk, run.seconds, run.warmupSeconds ?? WARMUP_SECONDS, run.stopWhenStable)],
    });
  }
}
