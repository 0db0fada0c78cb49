// The Devices screen's markup: static; every figure and every device is written later with
// textContent by the panels. Each section.panel with an h2 gets a link in the phone-width contents
// (its data-contents-label).
import { DEVICE_KINDS, KIND_NAMES } from '../../../model/devices.js';
import { HASHRATE_UNITS } from '../../../model/user-devices.js';

const KIND_OPTIONS = DEVICE_KINDS.map((k) => `<option value="${k}">${KIND_NAMES[k]}</option>`).join('');
const UNIT_OPTIONS = HASHRATE_UNITS.map((u) => `<option value="${u.unit}"${u.unit === 'TH/s' ? ' selected' : ''}>${u.unit}</option>`).join('');

/** A labelled text field with its hint and inline error line. */
function field(id: string, label: string, options: { value?: string; hint?: string; mode?: string; wide?: boolean; unit?: boolean } = {}): string {
  const describedBy = `${id}-error${options.hint ? ` ${id}-hint` : ''}`;
  const input = `<input id="${id}" class="input${options.mode === 'text' ? '' : ' input-mono'}" type="text" inputmode="${options.mode ?? 'decimal'}" autocomplete="off" spellcheck="false" value="${options.value ?? ''}" aria-describedby="${describedBy}" data-testid="${id}" />`;
  const unit = options.unit ? `<select id="${id}-unit" class="input input-unit" aria-label="${label}: unit" data-testid="${id}-unit">${UNIT_OPTIONS}</select>` : '';
  return `
    <div class="form-field${options.wide ? ' form-field-wide' : ''}">
      <label class="field-label" for="${id}">${label}</label>
      ${unit ? `<div class="input-with-unit">${input}${unit}</div>` : input}
      ${options.hint ? `<p id="${id}-hint" class="hint" data-testid="${id}-hint">${options.hint}</p>` : ''}
      <p id="${id}-error" class="field-error" aria-live="polite" data-testid="${id}-error"></p>
    </div>`;
}

/** A sortable column header: a button that says which way it sorts (aria-sort on the th). */
function sortable(key: string, label: string, numeric = false): string {
  return `<th scope="col"${numeric ? ' class="num"' : ''} data-sort-key="${key}"><button type="button" class="dv-sort" data-testid="dv-sort-${key}">${label}</button></th>`;
}

const LEGEND = `
  <ul class="dv-legend" aria-label="Colours of the kinds">
    ${DEVICE_KINDS.map((k) => `<li><span class="dv-swatch dv-kind-${k}" aria-hidden="true"></span>${KIND_NAMES[k]}</li>`).join('')}
    <li><span class="dv-swatch dv-measured-swatch" aria-hidden="true"></span>measured by PoW Lab (outlined)</li>
  </ul>`;

export const DEVICES_TEMPLATE = `
<section class="panel" aria-labelledby="dv-title">
  <h1 id="dv-title">Devices: the browser in front of you beside GPUs, ASICs and home miners</h1>
  <p class="lede">
    Every miner does the same work: double SHA-256 of an 80-byte block header, over and over. What
    differs is how many headers a second it hashes and how much power that takes. Here your own
    browser, measured, sits beside the catalogue of real machines, each figure with the document it
    was read from. Nothing is invented: where nobody measured the power, the screen says so.
  </p>
</section>

<section class="panel" aria-labelledby="dv-measured-title" data-testid="dv-measured-panel" data-contents-label="Measured">
  <h2 id="dv-measured-title">This browser and your measurements</h2>
  <p data-testid="dv-browser-status" aria-live="polite"></p>
  <p data-testid="dv-gpu-status" aria-live="polite"></p>
  <form class="dv-measure" data-testid="dv-measure-form" novalidate>
    <div class="form-fields">
      <div class="form-field">
        <label class="field-label" for="dv-threads">Threads</label>
        <input id="dv-threads" class="input input-mono" type="number" min="1" step="1" inputmode="numeric" aria-describedby="dv-threads-range dv-threads-error" data-testid="dv-threads" />
        <p id="dv-threads-range" class="hint" data-testid="dv-threads-range"></p>
        <p id="dv-threads-error" class="field-error" aria-live="polite" data-testid="dv-threads-error"></p>
      </div>
      <div class="form-field">
        <label class="field-label" for="dv-seconds">Length</label>
        <select id="dv-seconds" class="input" data-testid="dv-seconds">
          <option value="3">3 s (quick)</option>
          <option value="5" selected>5 s</option>
          <option value="10">10 s (steadier)</option>
        </select>
        <p class="hint">after 1 s of warm-up; the median of 1-second windows</p>
      </div>
    </div>
    <div class="actions">
      <button type="submit" class="button button-primary" data-testid="dv-measure">Measure now</button>
      <button type="button" class="button" data-testid="dv-measure-cancel" disabled>Cancel</button>
      <progress max="1" value="0" class="dv-progress" aria-labelledby="dv-measure-status" data-testid="dv-measure-progress"></progress>
    </div>
    <p id="dv-measure-status" class="hint" aria-live="polite" data-testid="dv-measure-status">Nothing is hashed until you press Measure now. The Benchmark screen measures longer and keeps the result.</p>
    <div data-testid="dv-busy" hidden></div>
  </form>

  <h3>Measured rows</h3>
  <p class="hint">
    A measured row's power is yours to type: a browser cannot read the watts its computer draws. Until
    you do, its efficiency reads "enter watts".
  </p>
  <ul class="dv-measured-list" data-testid="dv-measured-list"></ul>
  <details class="dv-typical" data-testid="dv-typical">
    <summary>Typical power, not measured: where the hint's ranges come from</summary>
    <ul data-testid="dv-typical-list"></ul>
  </details>

  <div class="form-fields dv-file-field">
    <div class="form-field form-field-wide">
      <label class="field-label" for="dv-bench-file">Add a benchmark result file (from a phone, a second laptop)</label>
      <input id="dv-bench-file" class="input" type="file" accept=".json,application/json" aria-describedby="dv-bench-file-hint dv-bench-file-error" data-testid="dv-bench-file" />
      <p id="dv-bench-file-hint" class="hint">The JSON the Benchmark screen downloads. Each file becomes a measured row under its device's name.</p>
      <p id="dv-bench-file-error" class="field-error" aria-live="polite" data-testid="dv-bench-file-error"></p>
      <p class="hint" aria-live="polite" data-testid="dv-bench-file-status"></p>
    </div>
  </div>
</section>

<section class="panel" aria-labelledby="dv-sentences-title" data-testid="dv-sentences-panel" data-contents-label="In words">
  <h2 id="dv-sentences-title">What it means, in two sentences</h2>
  <p class="dv-sentence" data-testid="dv-sentence-wait"></p>
  <p class="dv-sentence" data-testid="dv-sentence-match"></p>
  <p class="hint" data-testid="dv-sentence-note"></p>
</section>

<section class="panel" aria-labelledby="dv-hashrate-title" data-testid="dv-hashrate-panel" data-contents-label="Hashrate">
  <h2 id="dv-hashrate-title">Hashrate of every device</h2>
  <p class="explain">
    Header hashes per second on a log scale: each grid line is ten times the one before, which is the
    only way a browser and an ASIC fit on one chart. ASIC figures are the makers' and retailers'
    sheets; GPU figures are modeled from hashcat's published SHA-256 benchmarks (the basis of each row
    says how).
  </p>
  ${LEGEND}
  <div class="dv-hashrate-layout">
    <figure class="dv-chart">
      <div class="dv-chart-box dv-bars" data-testid="dv-hashrate-box">
        <canvas role="img" aria-label="Hashrate of every device, log scale" data-testid="dv-hashrate-chart"></canvas>
      </div>
    </figure>
    <div class="dv-table-side">
      <div class="form-fields dv-filters">
        <div class="form-field">
          <label class="field-label" for="dv-filter">Filter by name</label>
          <input id="dv-filter" class="input" type="search" autocomplete="off" placeholder="e.g. S21, RTX" data-testid="dv-filter" />
        </div>
        <div class="form-field">
          <label class="field-label" for="dv-filter-kind">Kind</label>
          <select id="dv-filter-kind" class="input" data-testid="dv-filter-kind">
            <option value="all">every kind</option>
            ${KIND_OPTIONS}
            <option value="measured">measured only</option>
            <option value="yours">your own devices</option>
          </select>
        </div>
      </div>
      <p class="hint" aria-live="polite" data-testid="dv-table-count"></p>
      <div class="table-wrap dv-table-wrap" data-testid="dv-table-wrap">
        <table class="table dv-table" data-testid="device-table">
          <caption class="visually-hidden">Every device's figures; open a device's name for its source, date, confidence and basis</caption>
          <thead>
            <tr>
              ${sortable('name', 'Device')}
              ${sortable('kind', 'Kind')}
              ${sortable('hashrate', 'Hashrate', true)}
              ${sortable('watts', 'Power', true)}
              ${sortable('efficiency', 'J/TH', true)}
              ${sortable('released', 'Released', true)}
            </tr>
          </thead>
          <tbody data-testid="dv-table-body"></tbody>
        </table>
      </div>
    </div>
  </div>
</section>

<section class="panel" aria-labelledby="dv-efficiency-title" data-testid="dv-efficiency-panel" data-contents-label="Efficiency">
  <h2 id="dv-efficiency-title">Efficiency against release date</h2>
  <p class="explain">
    Joules per terahash (lower is better, log scale) against the month each device came out: from
    CPUs and GPUs, through the first ASICs, to the 2026 machines. Measured rows are plotted at the
    date they were measured, once you have typed their watts.
  </p>
  <figure class="dv-chart">
    <div class="dv-chart-box">
      <canvas role="img" aria-label="Efficiency in joules per terahash against release date" data-testid="dv-efficiency-chart"></canvas>
    </div>
  </figure>
  <p class="hint" data-testid="dv-efficiency-note"></p>
</section>

<section class="panel" aria-labelledby="dv-odds-title" data-testid="dv-odds-panel" data-contents-label="Solo odds">
  <h2 id="dv-odds-title">Solo odds: mining alone at a difficulty</h2>
  <p class="explain">
    Each hash wins with probability 1 in (difficulty × 2³²), so a device's expected wait for a block is
    difficulty × 2³² ÷ hashrate. Blocks come at random, so the chance of at least one in a year is
    1 − e^(−year ÷ wait), and "1 in N per day" is how rare a winning day is.
  </p>
  <div class="form-fields">
    ${field('dv-difficulty', 'Network difficulty', { hint: 'The bundled mainnet figure.', wide: true })}
  </div>
  <div class="actions">
    <button type="button" class="button button-small" data-testid="dv-difficulty-bundled">Use the bundled difficulty</button>
  </div>
  <label class="mode-option dv-show-all"><input type="checkbox" data-testid="dv-odds-all" /> <span>Show every device (<span data-testid="dv-odds-all-count"></span>), not only the measured rows, yours, and the oldest and newest of each kind</span></label>
  <div class="table-wrap">
    <table class="table" data-testid="dv-odds-table">
      <caption class="visually-hidden">Solo odds of every device at this difficulty</caption>
      <thead>
        <tr><th scope="col">Device</th><th scope="col" class="num">Hashrate</th><th scope="col" class="num">Expected wait</th><th scope="col" class="num">P(block within a year)</th><th scope="col" class="num">Per day</th></tr>
      </thead>
      <tbody data-testid="dv-odds-body"></tbody>
    </table>
  </div>
</section>

<section class="panel" aria-labelledby="dv-economics-title" data-testid="dv-economics-panel" data-contents-label="Economics">
  <h2 id="dv-economics-title">Economics per day</h2>
  <p class="explain">
    The profitability model's figures for each device at the difficulty above: coins a day are the
    block's reward and fees, less the pool's fee, times the blocks it finds on average; money needs a
    price, and electricity needs both the device's watts and your price per kWh. A figure that lacks
    one of them stays empty rather than being guessed.
  </p>
  <div class="form-fields">
    ${field('dv-reward', 'Block subsidy (coins)')}
    ${field('dv-fees', 'Fees per block (coins)', { value: '0' })}
    ${field('dv-pool-fee', 'Pool fee (%)', { value: '0' })}
    ${field('dv-price', 'Price per coin', { hint: 'empty: no money figures' })}
    ${field('dv-electricity', 'Electricity per kWh', { hint: 'empty: no electricity or profit' })}
  </div>
  <p data-testid="dv-hashprice"></p>
  <label class="mode-option dv-show-all"><input type="checkbox" data-testid="dv-economics-all" /> <span>Show every device (<span data-testid="dv-economics-all-count"></span>), not only the measured rows, yours, and the oldest and newest of each kind</span></label>
  <div class="table-wrap">
    <table class="table" data-testid="dv-economics-table">
      <caption class="visually-hidden">Coins, revenue, electricity and profit per day of every device</caption>
      <thead>
        <tr><th scope="col">Device</th><th scope="col" class="num">Coins a day</th><th scope="col" class="num">Revenue a day</th><th scope="col" class="num">Electricity a day</th><th scope="col" class="num">Profit a day</th></tr>
      </thead>
      <tbody data-testid="dv-economics-body"></tbody>
    </table>
  </div>
</section>

<section class="panel" aria-labelledby="dv-rigs-title" data-testid="dv-rigs-panel" data-contents-label="Rigs">
  <h2 id="dv-rigs-title">Rigs: machines mining together</h2>
  <p class="explain">
    A rig adds its machines' hashrates and their power: three S21s, two RTX 4090s and this browser
    hash as one miner would, at the difficulty and prices above. Rigs are kept in this browser.
  </p>
  <div data-testid="dv-rigs"></div>
  <div class="actions">
    <button type="button" class="button" data-testid="dv-rig-new">New rig</button>
  </div>
</section>

<section class="panel" aria-labelledby="dv-user-title" data-testid="dv-user-panel" data-contents-label="Your devices">
  <h2 id="dv-user-title">Your own devices</h2>
  <p class="explain">
    A machine the catalogue lacks: type its figures (from its sheet, or your own meter). It joins
    every chart and table, marked as your own figure, and is kept in this browser; export the list to
    move it to another.
  </p>
  <form data-testid="dv-ud-form" novalidate>
    <div class="form-fields">
      ${field('dv-ud-name', 'Name', { mode: 'text' })}
      <div class="form-field">
        <label class="field-label" for="dv-ud-kind">Kind</label>
        <select id="dv-ud-kind" class="input" aria-describedby="dv-ud-kind-error" data-testid="dv-ud-kind">${KIND_OPTIONS}</select>
        <p id="dv-ud-kind-error" class="field-error" aria-live="polite" data-testid="dv-ud-kind-error"></p>
      </div>
      ${field('dv-ud-hashrate', 'Hashrate', { unit: true })}
      ${field('dv-ud-watts', 'Power (W)', { hint: 'empty when unknown' })}
      ${field('dv-ud-note', 'Note', { mode: 'text', wide: true, hint: 'where the figures come from' })}
    </div>
    <div class="actions">
      <button type="submit" class="button button-primary" data-testid="dv-ud-save">Add device</button>
      <button type="button" class="button" data-testid="dv-ud-cancel" hidden>Cancel editing</button>
      <span class="hint" aria-live="polite" data-testid="dv-ud-status"></span>
    </div>
  </form>
  <div class="table-wrap">
    <table class="table" data-testid="dv-ud-table" hidden>
      <caption class="visually-hidden">Your devices</caption>
      <thead>
        <tr><th scope="col">Name</th><th scope="col">Kind</th><th scope="col" class="num">Hashrate</th><th scope="col" class="num">Power</th><th scope="col">Note</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr>
      </thead>
      <tbody data-testid="dv-ud-body"></tbody>
    </table>
  </div>
  <p class="hint" data-testid="dv-ud-empty">No devices of your own yet.</p>
  <div class="actions">
    <button type="button" class="button" data-testid="dv-ud-export">Export your devices (JSON)</button>
  </div>
  <div class="form-fields dv-file-field">
    <div class="form-field form-field-wide">
      <label class="field-label" for="dv-ud-import">Import a devices file</label>
      <input id="dv-ud-import" class="input" type="file" accept=".json,application/json" aria-describedby="dv-ud-import-hint dv-ud-import-error" data-testid="dv-ud-import" />
      <p id="dv-ud-import-hint" class="hint">A file exported here (format "powlab-devices", version 1; docs/devices-schema.md). Its devices are added to yours; one with the same id replaces yours.</p>
      <p id="dv-ud-import-error" class="field-error" aria-live="polite" data-testid="dv-ud-import-error"></p>
      <div aria-live="polite" data-testid="dv-ud-import-status"></div>
    </div>
  </div>
</section>
`;
