// The Benchmark screen's static markup: the run form, the live chart, the result and the comparison.
// Every piece of data (results, file names, labels) is written later with textContent.
import { CUSTOM_SECONDS, WARMUP_SECONDS } from './job.js';

export const TEMPLATE = `
<section class="panel" aria-labelledby="bench-title">
  <h1 id="bench-title">Benchmark this device</h1>
  <p class="lede">
    Measures how many Bitcoin block-header hashes per second this device computes: SHA-256d of an
    80-byte header, the unit of proof-of-work, in WebAssembly on the threads you choose, on the GPU
    through WebGPU, or both at once. The core is checked on the genesis block and a checksum workload
    first; a warm-up is run and not counted; the score is the median of repeated short windows (1 s,
    or less for runs under 5 s), shown with their spread.
  </p>
  <div class="alert" role="alert" data-testid="bench-url-error" hidden></div>

  <form data-testid="bench-form" novalidate>
    <fieldset class="mode">
      <legend>Length <span class="muted">(measured time, after a ${WARMUP_SECONDS} s warm-up)</span></legend>
      <label class="mode-option"><input type="radio" name="bench-preset" value="quick" checked data-testid="bench-preset-quick" /> Quick <span class="muted">10 s</span></label>
      <label class="mode-option"><input type="radio" name="bench-preset" value="standard" data-testid="bench-preset-standard" /> Standard <span class="muted">30 s</span></label>
      <label class="mode-option"><input type="radio" name="bench-preset" value="stress" data-testid="bench-preset-stress" /> Stress <span class="muted">5 min</span></label>
      <label class="mode-option"><input type="radio" name="bench-preset" value="custom" data-testid="bench-preset-custom" /> Custom</label>
    </fieldset>

    <div class="form-fields">
      <div class="form-field" data-testid="bench-seconds-field" hidden>
        <label class="field-label" for="bench-seconds">Seconds</label>
        <input id="bench-seconds" class="input" type="number" inputmode="decimal" min="${CUSTOM_SECONDS.min}" max="${CUSTOM_SECONDS.max}" step="any" value="10"
          aria-describedby="bench-seconds-error bench-seconds-hint" data-testid="bench-seconds" />
        <p id="bench-seconds-hint" class="hint">${CUSTOM_SECONDS.min} to ${CUSTOM_SECONDS.max}</p>
        <p id="bench-seconds-error" class="field-error" aria-live="polite" data-testid="bench-seconds-error"></p>
      </div>
      <div class="form-field">
        <label class="field-label" for="bench-threads">Threads</label>
        <input id="bench-threads" class="input" type="number" inputmode="numeric" min="1" step="1"
          aria-describedby="bench-threads-error bench-threads-range" data-testid="bench-threads" />
        <p id="bench-threads-range" class="hint" data-testid="bench-threads-range"></p>
        <p id="bench-threads-error" class="field-error" aria-live="polite" data-testid="bench-threads-error"></p>
      </div>
      <div class="form-field form-field-wide">
        <label class="field-label" for="bench-label">Device name <span class="muted">(optional, to tell results apart)</span></label>
        <input id="bench-label" class="input" type="text" maxlength="80" autocomplete="off" placeholder="e.g. my phone, office laptop" data-testid="bench-label" />
      </div>
    </div>

    <fieldset class="mode" aria-describedby="bench-gpu-status">
      <legend>Backend</legend>
      <label class="mode-option"><input type="radio" name="bench-backend" value="wasm" checked data-testid="bench-backend-wasm" /> WebAssembly <span class="muted">(CPU threads)</span></label>
      <label class="mode-option"><input type="radio" name="bench-backend" value="webgpu" data-testid="bench-backend-webgpu" /> WebGPU <span class="muted">(the GPU)</span></label>
      <label class="mode-option"><input type="radio" name="bench-backend" value="both" data-testid="bench-backend-both" /> Both at once <span class="muted">(hybrid)</span></label>
      <p id="bench-gpu-status" class="hint" data-testid="bench-gpu-status">Looking for a WebGPU adapter…</p>
    </fieldset>

    <div class="bench-checks">
      <label class="mode-option"><input type="checkbox" checked data-testid="bench-simd" aria-describedby="bench-simd-hint" /> Use the SIMD core <span class="muted">(4 hashes per instruction)</span></label>
      <p id="bench-simd-hint" class="hint" data-testid="bench-simd-hint" hidden>This browser has no WebAssembly SIMD: the scalar core is used.</p>
      <label class="mode-option"><input type="checkbox" data-testid="bench-stable" aria-describedby="bench-stable-hint" /> Stop early once the rate is stable</label>
      <p id="bench-stable-hint" class="hint">Ends when the last 5 windows vary by 2% or less and agree with the run so far; the length above is then the longest it runs.</p>
    </div>

    <div class="actions bench-actions">
      <button type="submit" class="button button-primary" data-testid="bench-start">Start benchmark</button>
      <button type="button" class="button" data-testid="bench-pause" disabled>Pause</button>
      <button type="button" class="button" data-testid="bench-stop" disabled>Stop</button>
    </div>
    <div class="actions bench-actions bench-more">
      <button type="button" class="button" data-testid="bench-sweep" aria-describedby="bench-more-hint"></button>
      <button type="button" class="button" data-testid="bench-simd-compare" aria-describedby="bench-more-hint">Compare SIMD on and off</button>
      <p id="bench-more-hint" class="hint">A thread sweep measures 1, 2, … threads in turn, each for the length above, to show how the rate scales with cores.</p>
    </div>
  </form>
  <div data-testid="bench-busy" hidden></div>

  <div class="bench-progress">
    <progress max="1" value="0" aria-labelledby="bench-status" data-testid="bench-progress"></progress>
    <p id="bench-status" class="bench-status" aria-live="polite" data-testid="bench-status">Ready. Nothing is hashed until you start.</p>
    <p class="bench-warning" role="alert" data-testid="bench-disturbed" hidden></p>
    <div class="alert" role="alert" data-testid="bench-error" hidden></div>
  </div>
</section>

<section class="panel" aria-labelledby="bench-live-title" data-contents-label="Live">
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
    <div class="table-wrap"><table class="table bench-table" data-testid="bench-scaling-table">
      <thead><tr><th scope="col">Threads</th><th scope="col" class="num">Hashrate</th><th scope="col" class="num">Speed-up</th><th scope="col" class="num">Efficiency</th><th scope="col" class="num">CV</th></tr></thead>
      <tbody></tbody>
    </table></div>
  </div>
  <div data-testid="bench-simd-table" hidden>
    <h3>SIMD on and off</h3>
    <div class="table-wrap"><table class="table bench-table">
      <thead><tr><th scope="col">Core</th><th scope="col" class="num">Threads</th><th scope="col" class="num">Hashrate</th><th scope="col" class="num">CV</th></tr></thead>
      <tbody></tbody>
    </table></div>
    <p class="bench-ratio" data-testid="bench-simd-ratio"></p>
  </div>
  <div class="actions bench-actions">
    <button type="button" class="button" data-testid="bench-download">Download JSON</button>
    <button type="button" class="button" data-testid="bench-copy">Copy summary</button>
  </div>
  <p class="hint" aria-live="polite" data-testid="bench-copy-status"></p>
  <label class="field-label" for="bench-summary" data-testid="bench-summary-label" hidden>Summary (select and copy)</label>
  <textarea id="bench-summary" class="input input-mono" readonly rows="8" data-testid="bench-summary" hidden></textarea>
  <details class="bench-device">
    <summary>Device facts recorded with this result</summary>
    <dl class="bench-facts" data-testid="bench-device"></dl>
  </details>
</section>

<section class="panel" aria-labelledby="bench-compare-title" data-contents-label="Compare">
  <h2 id="bench-compare-title">Compare results</h2>
  <p class="lede">
    Results stay in this browser. Download one on another device (a phone, a second computer) and
    import it here to see them side by side: hashrate by thread count.
  </p>
  <div class="actions bench-actions">
    <input id="bench-import" class="visually-hidden" type="file" accept=".json,application/json" multiple
      aria-describedby="bench-import-error" data-testid="bench-import" />
    <label class="button bench-file-button" for="bench-import">Import result files…</label>
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
