// The Difficulty screen: Bitcoin's retarget as a calculator, a chain simulation that compares
// difficulty algorithms side by side (in a worker, with progress and cancel), and the odds of
// finding a block alone. All arithmetic is in sim/ (retarget.ts, chain-sim.ts, luck.ts); this file
// only reads fields, shows inline errors, and draws.

import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, LogarithmicScale,
  PointElement, Tooltip, type ChartConfiguration, type ChartDataset,
} from 'chart.js';
import { isAbortError, runSimulation } from '../../../engine/tasks/sim-service.js';
import {
  checkSimConfig, MAX_BLOCKS, parseHashrate, parseHashrateCsv, summarize, type Scenario, type ScenarioKind, type SimConfig,
  type SimResult,
} from '../../../sim/chain-sim.js';
import { ALGORITHM_IDS, ALGORITHMS, type AlgorithmId } from '../../../sim/daa/index.js';
import {
  BUNDLED_DIFFICULTY, DEFAULT_LIFETIME_YEARS, expectedBlocks, networkHashrate, poissonDistribution, probabilityOfBlock,
  SECONDS_PER_DAY, SECONDS_PER_YEAR, soloOdds, toyDifficulty,
} from '../../../sim/luck.js';
import { spreadStatement, summarizeMineLog } from '../../../model/mine-log.js';
import { calculateNextWorkRequired, TARGET_TIMESPAN } from '../../../sim/retarget.js';
import { checkBits, difficultyFromBits, formatBits, parseBits, targetToHex } from '../../../model/target.js';
import { isInputError, parseInteger, parseNumber } from '../../../model/validate.js';
import { clearMineLog, readMineLog, watchMineLog } from '../../shared/mine-log-store.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, CategoryScale, BarController, BarElement, Legend, Tooltip);

/** What the Benchmark screen leaves behind: {hashrate, threads, date}. */
export const LAST_HASHRATE_KEY = 'powlab.lastHashrate';

const COLORS: Record<AlgorithmId, string> = { bitcoin: '#e07b00', asert: '#0b7bd6', lwma: '#2a9d3f', sma: '#9b4dca' };

// Static markup only: every value is written with textContent below.
const TEMPLATE = `
<section class="panel" aria-labelledby="diff-title">
  <h1 id="diff-title">Difficulty: why blocks come every ten minutes</h1>
  <p class="lede">
    A block is found when a header's hash falls below the target. Each hash is a lottery ticket that
    wins with probability 1 in (difficulty × 2³²), so the more hashes the network makes, the sooner a
    block comes. To keep about 600 seconds between blocks whatever the hashrate, the chain itself
    adjusts the difficulty. Here you can compute Bitcoin's adjustment, watch several algorithms react
    to hashrate changes, and see what your own device's odds are.
  </p>
</section>

<section class="panel diff-retarget" aria-labelledby="rt-title" data-testid="rt-panel">
  <h2 id="rt-title">Bitcoin's retarget, as Bitcoin Core computes it</h2>
  <p class="explain">
    Every 2016 blocks, Bitcoin compares how long the period took with two weeks (1,209,600 s) and
    scales the target by that ratio. The time is measured from the period's first block to its last:
    only 2015 intervals, compared with 2016 × 600 s, a small off-by-one that has been part of the rules
    since 2009 (it makes blocks come about 0.05% slower than 600 s). The ratio is clamped to ¼…4, the
    target may never be easier than powLimit, and the result is rounded down to what nBits can hold.
  </p>
  <div class="diff-fields">
    <div class="diff-field">
      <label class="field-label" for="rt-bits">nBits of the period that ends</label>
      <input id="rt-bits" class="diff-input" type="text" inputmode="text" spellcheck="false" autocomplete="off" value="0x1d00ffff" aria-describedby="rt-bits-error" data-testid="rt-bits" />
      <p id="rt-bits-error" class="field-error" aria-live="polite" data-testid="rt-bits-error"></p>
    </div>
    <div class="diff-field">
      <label class="field-label" for="rt-first">Time of its first block <span class="muted">(Unix seconds)</span></label>
      <input id="rt-first" class="diff-input" type="text" inputmode="numeric" autocomplete="off" value="1261130161" aria-describedby="rt-first-error rt-first-date" data-testid="rt-first" />
      <p id="rt-first-date" class="hint" data-testid="rt-first-date"></p>
      <p id="rt-first-error" class="field-error" aria-live="polite" data-testid="rt-first-error"></p>
    </div>
    <div class="diff-field">
      <label class="field-label" for="rt-last">Time of its last block <span class="muted">(Unix seconds)</span></label>
      <input id="rt-last" class="diff-input" type="text" inputmode="numeric" autocomplete="off" value="1262152739" aria-describedby="rt-last-error rt-last-date" data-testid="rt-last" />
      <p id="rt-last-date" class="hint" data-testid="rt-last-date"></p>
      <p id="rt-last-error" class="field-error" aria-live="polite" data-testid="rt-last-error"></p>
    </div>
  </div>
  <div class="examples">
    <span class="examples-label" id="rt-examples-label">Cases from Bitcoin Core's tests:</span>
    <button type="button" class="button" data-testid="rt-example-32256" aria-describedby="rt-examples-label">Block 32,256 (Dec 2009)</button>
    <button type="button" class="button" data-testid="rt-example-fast" aria-describedby="rt-examples-label">Too fast: clamped at ¼</button>
    <button type="button" class="button" data-testid="rt-example-slow" aria-describedby="rt-examples-label">Too slow: clamped at 4×</button>
    <button type="button" class="button" data-testid="rt-example-limit" aria-describedby="rt-examples-label">Capped at powLimit</button>
  </div>
  <dl class="diff-results" data-testid="rt-results" data-state="idle">
    <div><dt>New nBits</dt><dd><code data-testid="rt-out-bits">—</code></dd></div>
    <div><dt>New difficulty</dt><dd data-testid="rt-out-difficulty">—</dd></div>
    <div><dt>Change</dt><dd data-testid="rt-out-change">—</dd></div>
    <div><dt>Timespan</dt><dd data-testid="rt-out-timespan">—</dd></div>
    <div><dt>Used (clamped)</dt><dd data-testid="rt-out-clamped">—</dd></div>
    <div class="diff-wide"><dt>New target</dt><dd><code class="diff-hex" data-testid="rt-out-target">—</code></dd></div>
  </dl>
  <p class="hint" aria-live="polite" data-testid="rt-note"></p>
</section>

<section class="panel diff-sim" aria-labelledby="sim-title" data-testid="sim-panel">
  <h2 id="sim-title">Simulate a chain</h2>
  <p class="explain">
    Each block's time is drawn at random, as real mining is: exponential, with mean
    difficulty × 2³² / hashrate. The hashrate follows the scenario you pick; each algorithm sets the
    difficulty of the next block from the blocks so far. Every algorithm sees the same random draws
    (the same seed), so differences between them come from the algorithms alone.
  </p>
  <form class="diff-form" data-testid="sim-form" novalidate>
    <div class="diff-fields">
      <div class="diff-field">
        <label class="field-label" for="sim-scenario">Scenario</label>
        <select id="sim-scenario" class="diff-input" data-testid="sim-scenario">
          <option value="constant">Constant hashrate</option>
          <option value="drop" selected>Sudden drop (half the miners leave, as in mid-2021)</option>
          <option value="ramp">Ramp (new machines arrive)</option>
          <option value="oscillation">Daily oscillation</option>
          <option value="switching">Profit switching</option>
          <option value="series">My own series (CSV)</option>
        </select>
        <p class="hint" data-testid="sim-scenario-hint"></p>
      </div>
      <div class="diff-field" data-when="constant drop ramp oscillation switching">
        <label class="field-label" for="sim-hashrate">Starting hashrate <span class="muted">(H/s; 790 EH/s, 5e6, 12 MH/s)</span></label>
        <input id="sim-hashrate" class="diff-input" type="text" spellcheck="false" autocomplete="off" aria-describedby="sim-hashrate-error" data-testid="sim-hashrate" />
        <p id="sim-hashrate-error" class="field-error" aria-live="polite" data-testid="sim-hashrate-error"></p>
      </div>
      <div class="diff-field" data-when="drop ramp">
        <label class="field-label" for="sim-factor">Hashrate becomes × <span class="muted">(0.5 = half)</span></label>
        <input id="sim-factor" class="diff-input" type="text" inputmode="decimal" value="0.5" aria-describedby="sim-factor-error" data-testid="sim-factor" />
        <p id="sim-factor-error" class="field-error" aria-live="polite" data-testid="sim-factor-error"></p>
      </div>
      <div class="diff-field" data-when="drop ramp">
        <label class="field-label" for="sim-at-days">Starting on day</label>
        <input id="sim-at-days" class="diff-input" type="text" inputmode="decimal" value="30" aria-describedby="sim-at-days-error" data-testid="sim-at-days" />
        <p id="sim-at-days-error" class="field-error" aria-live="polite" data-testid="sim-at-days-error"></p>
      </div>
      <div class="diff-field" data-when="ramp">
        <label class="field-label" for="sim-ramp-days">Ramp lasts (days)</label>
        <input id="sim-ramp-days" class="diff-input" type="text" inputmode="decimal" value="60" aria-describedby="sim-ramp-days-error" data-testid="sim-ramp-days" />
        <p id="sim-ramp-days-error" class="field-error" aria-live="polite" data-testid="sim-ramp-days-error"></p>
      </div>
      <div class="diff-field" data-when="oscillation switching">
        <label class="field-label" for="sim-extra">Extra hashrate, × the base</label>
        <input id="sim-extra" class="diff-input" type="text" inputmode="decimal" value="1" aria-describedby="sim-extra-error" data-testid="sim-extra" />
        <p id="sim-extra-error" class="field-error" aria-live="polite" data-testid="sim-extra-error"></p>
      </div>
      <div class="diff-field" data-when="oscillation">
        <label class="field-label" for="sim-period">Period (hours)</label>
        <input id="sim-period" class="diff-input" type="text" inputmode="decimal" value="24" aria-describedby="sim-period-error" data-testid="sim-period" />
        <p id="sim-period-error" class="field-error" aria-live="polite" data-testid="sim-period-error"></p>
      </div>
      <div class="diff-field" data-when="oscillation">
        <label class="field-label" for="sim-duty">Fraction of each period it mines</label>
        <input id="sim-duty" class="diff-input" type="text" inputmode="decimal" value="0.5" aria-describedby="sim-duty-error" data-testid="sim-duty" />
        <p id="sim-duty-error" class="field-error" aria-live="polite" data-testid="sim-duty-error"></p>
      </div>
      <div class="diff-field" data-when="switching">
        <label class="field-label" for="sim-threshold">Switchers mine while difficulty ≤ × the base level</label>
        <input id="sim-threshold" class="diff-input" type="text" inputmode="decimal" value="1.1" aria-describedby="sim-threshold-error" data-testid="sim-threshold" />
        <p id="sim-threshold-error" class="field-error" aria-live="polite" data-testid="sim-threshold-error"></p>
      </div>
      <div class="diff-field diff-wide" data-when="series">
        <label class="field-label" for="sim-csv">Hashrate series: one “day, hashrate” per line; each holds until the next day</label>
        <textarea id="sim-csv" class="field diff-csv" rows="5" spellcheck="false" aria-describedby="sim-csv-error" data-testid="sim-csv">day,hashrate
0,790 EH/s
30,400 EH/s
90,600 EH/s
150,900 EH/s</textarea>
        <label class="diff-file">Or load a CSV file: <input type="file" accept=".csv,.txt,text/csv,text/plain" data-testid="sim-csv-file" /></label>
        <p id="sim-csv-error" class="field-error" aria-live="polite" data-testid="sim-csv-error"></p>
      </div>
      <div class="diff-field">
        <label class="field-label" for="sim-blocks">Blocks per algorithm</label>
        <input id="sim-blocks" class="diff-input" type="text" inputmode="numeric" value="40320" aria-describedby="sim-blocks-error" data-testid="sim-blocks" />
        <p id="sim-blocks-error" class="field-error" aria-live="polite" data-testid="sim-blocks-error"></p>
      </div>
      <div class="diff-field">
        <label class="field-label" for="sim-seed">Random seed</label>
        <input id="sim-seed" class="diff-input" type="text" inputmode="numeric" value="1" aria-describedby="sim-seed-error" data-testid="sim-seed" />
        <p id="sim-seed-error" class="field-error" aria-live="polite" data-testid="sim-seed-error"></p>
      </div>
    </div>
    <fieldset class="diff-algos">
      <legend>Algorithms to compare</legend>
      <div class="diff-algo-list" data-testid="sim-algos"></div>
      <p class="field-error" aria-live="polite" data-testid="sim-algos-error"></p>
    </fieldset>
    <div class="diff-actions">
      <button type="submit" class="button diff-primary" data-testid="sim-run">Run simulation</button>
      <button type="button" class="button" data-testid="sim-cancel" hidden>Cancel</button>
      <progress max="1" value="0" data-testid="sim-progress" hidden></progress>
      <span class="muted" aria-live="polite" data-testid="sim-status"></span>
    </div>
  </form>
  <p class="results-error" role="alert" data-testid="sim-error" hidden></p>
  <div class="diff-sim-results" data-testid="sim-results" data-state="idle">
    <div class="diff-table-wrap">
      <table class="diff-table" data-testid="sim-summary">
        <caption>Summary per algorithm</caption>
        <thead>
          <tr>
            <th scope="col">Algorithm</th>
            <th scope="col">Mean interval</th>
            <th scope="col">Std dev</th>
            <th scope="col">Longest</th>
            <th scope="col">Worst 2016-block period</th>
            <th scope="col">Back to 600 s</th>
            <th scope="col">Difficulty start → end</th>
          </tr>
        </thead>
        <tbody></tbody>
      </table>
    </div>
    <div class="diff-charts">
      <figure class="diff-chart"><figcaption>Difficulty over time (days)</figcaption><div class="diff-canvas"><canvas data-testid="sim-chart-difficulty" aria-label="Difficulty over time for each algorithm" role="img"></canvas></div></figure>
      <figure class="diff-chart"><figcaption>Average block interval (seconds), over time (days)</figcaption><div class="diff-canvas"><canvas data-testid="sim-chart-interval" aria-label="Average block interval over time" role="img"></canvas></div></figure>
      <figure class="diff-chart diff-wide"><figcaption>Average interval of each 2016-block period (seconds)</figcaption><div class="diff-canvas"><canvas data-testid="sim-chart-periods" aria-label="Average interval per period" role="img"></canvas></div></figure>
    </div>
    <p class="explain">
      <strong>Reading the charts.</strong> The dashed line is the difficulty that would give exactly
      600 s blocks at the hashrate of that moment. Bitcoin's line moves in steps, once per 2016 blocks,
      so after a sudden drop blocks stay slow until the period ends; the per-block algorithms (ASERT,
      LWMA, the moving average) follow within hours or days but wobble more. “Back to 600 s” is the time
      from the change until the expected interval (difficulty × 2³² / hashrate, without the luck of
      single blocks) is again within 10% of 600 s.
    </p>
  </div>
</section>

<section class="panel diff-luck" aria-labelledby="luck-title" data-testid="luck-panel">
  <h2 id="luck-title">Your odds of finding a block alone</h2>
  <div class="diff-fields">
    <div class="diff-field">
      <label class="field-label" for="luck-hashrate">Your hashrate <span class="muted">(H/s; e.g. 5 MH/s)</span></label>
      <input id="luck-hashrate" class="diff-input" type="text" spellcheck="false" autocomplete="off" aria-describedby="luck-hashrate-error luck-hashrate-source" data-testid="luck-hashrate" />
      <p id="luck-hashrate-source" class="hint" data-testid="luck-hashrate-source"></p>
      <p id="luck-hashrate-error" class="field-error" aria-live="polite" data-testid="luck-hashrate-error"></p>
    </div>
    <div class="diff-field">
      <label class="field-label" for="luck-difficulty">Network difficulty</label>
      <input id="luck-difficulty" class="diff-input" type="text" inputmode="decimal" autocomplete="off" aria-describedby="luck-difficulty-error luck-difficulty-source" data-testid="luck-difficulty" />
      <p id="luck-difficulty-source" class="hint" data-testid="luck-difficulty-source"></p>
      <button type="button" class="button diff-small" data-testid="luck-difficulty-reset">Use the bundled figure</button>
      <p id="luck-difficulty-error" class="field-error" aria-live="polite" data-testid="luck-difficulty-error"></p>
    </div>
    <div class="diff-field">
      <label class="field-label" for="luck-lifetime">A lifetime, in years</label>
      <input id="luck-lifetime" class="diff-input" type="text" inputmode="decimal" aria-describedby="luck-lifetime-error" data-testid="luck-lifetime" />
      <p id="luck-lifetime-error" class="field-error" aria-live="polite" data-testid="luck-lifetime-error"></p>
    </div>
  </div>
  <div data-testid="luck-results" data-state="idle">
    <dl class="diff-results">
      <div><dt>Expected time to a block</dt><dd data-testid="luck-expected">—</dd></div>
      <div><dt>P(a block within a day)</dt><dd data-testid="luck-day">—</dd></div>
      <div><dt>P(within a year)</dt><dd data-testid="luck-year">—</dd></div>
      <div><dt data-testid="luck-lifetime-label">P(within a lifetime)</dt><dd data-testid="luck-lifetime-odds">—</dd></div>
      <div><dt>10% of the time, the first block comes within</dt><dd data-testid="luck-p10">—</dd></div>
      <div><dt>Half the time, within</dt><dd data-testid="luck-p50">—</dd></div>
      <div><dt>90% of the time, within</dt><dd data-testid="luck-p90">—</dd></div>
    </dl>
    <div class="diff-charts">
      <figure class="diff-chart"><figcaption>P(at least one block) by time mined</figcaption><div class="diff-canvas"><canvas data-testid="luck-chart-cdf" aria-label="Probability of at least one block by time" role="img"></canvas></div></figure>
      <figure class="diff-chart">
        <figcaption>
          Blocks found in
          <select class="diff-inline-select" aria-label="Period" data-testid="luck-period">
            <option value="3600">an hour</option>
            <option value="86400" selected>a day</option>
            <option value="604800">a week</option>
            <option value="31557600">a year</option>
          </select>
          : the Poisson distribution
        </figcaption>
        <div class="diff-canvas"><canvas data-testid="luck-chart-poisson" aria-label="Distribution of blocks found in the period" role="img"></canvas></div>
        <p class="hint" data-testid="luck-poisson-note"></p>
      </figure>
    </div>
  </div>
  <p class="explain">
    Hashes are independent tries, so the wait for your first block does not depend on how long you
    have already mined (there is no “due”): the average wait is the same on day 1 and on day 1,000.
    Half the time the first block comes within 69% of the average wait, and one time in ten only
    after 2.3 times it. Pools exist because of this: they share blocks so miners get a steady income.
  </p>

  <h3 class="diff-subhead">A difficulty you can hit during the lesson</h3>
  <div class="diff-fields">
    <div class="diff-field">
      <label class="field-label" for="toy-bits">Leading zero bits required</label>
      <input id="toy-bits" class="diff-input" type="text" inputmode="numeric" value="20" aria-describedby="toy-bits-error" data-testid="toy-bits" />
      <p id="toy-bits-error" class="field-error" aria-live="polite" data-testid="toy-bits-error"></p>
    </div>
  </div>
  <dl class="diff-results" data-testid="toy-results">
    <div><dt>Expected hashes</dt><dd data-testid="toy-hashes">—</dd></div>
    <div><dt>Difficulty (Bitcoin's units)</dt><dd data-testid="toy-difficulty">—</dd></div>
    <div><dt>Expected time at your hashrate</dt><dd data-testid="toy-time">—</dd></div>
    <div><dt>Half the time within</dt><dd data-testid="toy-p50">—</dd></div>
    <div><dt>P(found within 10 s)</dt><dd data-testid="toy-10s">—</dd></div>
  </dl>
  <p class="explain">
    Set the same number of zero bits on the “Mine a block” screen and time a few searches: most land
    near these figures, and some take several times longer. That spread is the same luck that decides
    which miner finds each Bitcoin block.
  </p>

  <h3 class="diff-subhead" id="minelog-title">What you measured on “Mine a block”</h3>
  <div data-testid="minelog" data-state="empty" aria-labelledby="minelog-title" role="region">
    <p class="hint" data-testid="minelog-empty">
      No blocks logged yet. Mine a few blocks at 16 to 20 zero bits on the “Mine a block” screen (each
      takes a moment) and come back: every block you find is counted here beside what the odds say.
    </p>
    <div class="diff-table-wrap" data-testid="minelog-wrap" hidden>
      <table class="diff-table" data-testid="minelog-table">
        <caption>Blocks you found, per difficulty</caption>
        <thead>
          <tr>
            <th scope="col">Zero bits</th>
            <th scope="col">Blocks found</th>
            <th scope="col">Average hashes per block</th>
            <th scope="col">Expected (2^bits)</th>
            <th scope="col">Ratio</th>
            <th scope="col">Average time</th>
            <th scope="col">Expected at the measured hashrate</th>
          </tr>
        </thead>
        <tbody data-testid="minelog-rows"></tbody>
      </table>
    </div>
    <p class="explain" data-testid="minelog-note" hidden>
      Luck makes single blocks vary wildly (one can take a tenth of the expected hashes, another three
      times as many), but the average over n blocks converges: its relative spread is about 1/√n, so
      ±100% for one block, ±50% for four, ±10% for a hundred.
    </p>
    <div class="diff-actions">
      <button type="button" class="button diff-small" data-testid="minelog-clear" disabled>Clear</button>
      <span class="muted" aria-live="polite" data-testid="minelog-status"></span>
    </div>
  </div>
</section>
`;

// ---- formatting ------------------------------------------------------------------------------

const grouped = new Intl.NumberFormat('en-US');
const BIG_WORDS: [number, string][] = [
  [1e18, 'quintillion'],
  [1e15, 'quadrillion'],
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
];

function sig(n: number, digits = 3): string {
  return Number(n.toPrecision(digits)).toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/** 1.23 million, 45.6 billion, 3.2 × 10²⁴. */
function bigNumber(n: number): string {
  if (!Number.isFinite(n)) return '—';
  if (n >= 1e21) return scientific(n);
  for (const [size, word] of BIG_WORDS) if (n >= size) return `${sig(n / size)} ${word}`;
  return n >= 1000 ? grouped.format(Math.round(n)) : sig(n);
}

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

function scientific(n: number): string {
  const [mantissa, exponent] = n.toExponential(2).split('e');
  return `${mantissa} × 10${String(Number(exponent)).replace(/./g, (c) => SUPERSCRIPT[c] ?? c)}`;
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—';
  if (seconds < 1) return `${sig(seconds * 1000)} ms`;
  if (seconds < 120) return `${sig(seconds)} s`;
  if (seconds < 2 * 3600) return `${sig(seconds / 60)} minutes`;
  if (seconds < 3 * SECONDS_PER_DAY) return `${sig(seconds / 3600)} hours`;
  if (seconds < SECONDS_PER_YEAR) return `${sig(seconds / SECONDS_PER_DAY)} days`;
  const years = seconds / SECONDS_PER_YEAR;
  return `${years < 1e6 ? sig(years) : bigNumber(years)} years`;
}

function probability(p: number): string {
  if (!Number.isFinite(p)) return '—';
  if (p >= 0.999995) return 'practically certain (> 99.999%)';
  if (p >= 0.0001) return `${sig(p * 100)}%`;
  if (p === 0) return '0';
  return `1 in ${bigNumber(1 / p)} (${scientific(p)})`;
}

function rate(hashesPerSecond: number): string {
  const units = ['H/s', 'kH/s', 'MH/s', 'GH/s', 'TH/s', 'PH/s', 'EH/s', 'ZH/s'];
  let value = hashesPerSecond;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${sig(value)} ${units[unit]}`;
}

function utcDate(seconds: number): string {
  return `${new Date(seconds * 1000).toISOString().replace('T', ' ').replace('.000Z', '')} UTC`;
}

// ---- fields ----------------------------------------------------------------------------------

function find<T extends HTMLElement>(root: ParentNode, testId: string): T {
  const el = root.querySelector<T>(`[data-testid="${testId}"]`);
  if (!el) throw new Error(`difficulty view: missing element ${testId}`);
  return el;
}

/** An input with its inline error line: `read` parses it or records the message. */
class Field {
  constructor(
    readonly input: HTMLInputElement | HTMLTextAreaElement,
    private readonly error: HTMLElement,
  ) {}

  get value(): string {
    return this.input.value;
  }

  set value(text: string) {
    this.input.value = text;
  }

  clear(): void {
    this.error.textContent = '';
    this.input.removeAttribute('aria-invalid');
  }

  fail(message: string): void {
    this.error.textContent = message;
    this.input.setAttribute('aria-invalid', 'true');
  }

  /** Runs the parser; on an InputError shows its message (without the field prefix) and returns undefined. */
  read<T>(parse: (text: string) => T): T | undefined {
    try {
      const value = parse(this.input.value.trim());
      this.clear();
      return value;
    } catch (error) {
      if (!isInputError(error)) throw error;
      this.fail(humanize(error.message, error.field));
      return undefined;
    }
  }
}

/** "hashrate: expected a number, got x" → "Expected a number, got x." */
function humanize(message: string, field: string): string {
  let text = message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
  // Keep where in a pasted series the problem is: "CSV line 2" becomes "Line 2: ...".
  const where = /^CSV (line \d+)/.exec(field)?.[1];
  if (where) text = `${where}: ${text}`;
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

function field(root: ParentNode, id: string): Field {
  return new Field(find<HTMLInputElement>(root, id), find(root, `${id}-error`));
}

function setText(el: HTMLElement, text: string): void {
  el.textContent = text;
}

// ---- charts ----------------------------------------------------------------------------------

function baseOptions(xTitle: string, yTitle: string, logY = false): ChartConfiguration<'line'>['options'] {
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    parsing: false,
    normalized: true,
    interaction: { mode: 'nearest', intersect: false },
    plugins: { legend: { position: 'bottom', labels: { boxWidth: 14 } }, tooltip: { enabled: true } },
    scales: {
      x: { type: 'linear', title: { display: true, text: xTitle } },
      y: { type: logY ? 'logarithmic' : 'linear', title: { display: true, text: yTitle } },
    },
  };
}

function lineChart(canvas: HTMLCanvasElement, xTitle: string, yTitle: string, logY = false, yLabel?: (value: number) => string): Chart<'line'> {
  const options = baseOptions(xTitle, yTitle, logY)!;
  if (yLabel) options.scales!['y']!.ticks = { callback: (value) => yLabel(Number(value)) };
  return new Chart(canvas, { type: 'line', data: { datasets: [] }, options });
}

/** Labels a log axis only at 1, 10, 100 ... so its ticks do not crowd. */
function powerOfTenLabel(value: number): string {
  const exponent = Math.log10(value);
  return Math.abs(exponent - Math.round(exponent)) < 1e-9 ? bigNumber(value) : '';
}

type Points = { x: number; y: number }[];

function points(xs: ArrayLike<number>, ys: ArrayLike<number>): Points {
  const out: Points = [];
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    const y = ys[i]!;
    if (Number.isFinite(x) && Number.isFinite(y)) out.push({ x, y });
  }
  return out;
}

/**
 * Records on the canvas how many points it shows and whether all are finite numbers, so a test (or a
 * curious learner in devtools) can check that no NaN reached a chart.
 */
function markFinite(chart: Chart<'line'> | Chart<'bar', number[], string>): void {
  let count = 0;
  let finite = true;
  for (const ds of chart.data.datasets) {
    for (const p of ds.data as unknown[]) {
      count++;
      const values = typeof p === 'number' ? [p] : typeof p === 'object' && p !== null ? [(p as { x: unknown }).x, (p as { y: unknown }).y] : [p];
      if (!values.every((v) => typeof v === 'number' && Number.isFinite(v))) finite = false;
    }
  }
  chart.canvas.dataset['points'] = String(count);
  chart.canvas.dataset['finite'] = String(finite);
}

function dataset(label: string, data: Points, color: string, dashed = false): ChartDataset<'line', Points> {
  return {
    label,
    data,
    borderColor: color,
    backgroundColor: color,
    borderWidth: 1.5,
    borderDash: dashed ? [6, 4] : [],
    pointRadius: 0,
    tension: 0,
  };
}

// ---- the screen ------------------------------------------------------------------------------

const SCENARIO_HINTS: Record<ScenarioKind, string> = {
  constant: 'The same hashrate throughout: shows the noise each algorithm adds on its own.',
  drop: 'At the chosen day the hashrate is multiplied by the factor (0.5: half the miners leave, as when China banned mining in 2021).',
  ramp: 'From the chosen day the hashrate changes steadily to factor × its start over the ramp’s length.',
  oscillation: 'Extra miners mine for part of every period, then leave: a clock-driven swing.',
  switching:
    'Profit switchers: extra miners join whenever the difficulty is at most the threshold × the level that suits the steady miners, and leave when it rises above. Watch Bitcoin swing.',
  series: 'Type or paste “day, hashrate” lines, or load a CSV file. Units like EH/s are understood.',
};

export function mountDifficultyView(root: HTMLElement): void {
  root.innerHTML = TEMPLATE;
  root.classList.add('diff-view');
  mountRetarget(root);
  mountSimulation(root);
  mountLuck(root);
  mountMineLog(root);
}

function mountRetarget(root: HTMLElement): void {
  const bits = field(root, 'rt-bits');
  const first = field(root, 'rt-first');
  const last = field(root, 'rt-last');
  const results = find(root, 'rt-results');
  const out = {
    bits: find(root, 'rt-out-bits'),
    target: find(root, 'rt-out-target'),
    difficulty: find(root, 'rt-out-difficulty'),
    change: find(root, 'rt-out-change'),
    timespan: find(root, 'rt-out-timespan'),
    clamped: find(root, 'rt-out-clamped'),
    note: find(root, 'rt-note'),
    firstDate: find(root, 'rt-first-date'),
    lastDate: find(root, 'rt-last-date'),
  };

  const clearOut = () => {
    for (const el of [out.bits, out.target, out.difficulty, out.change, out.timespan, out.clamped]) setText(el, '—');
    setText(out.note, '');
  };

  const update = () => {
    const b = bits.read((t) => {
      const value = parseBits(t, 'nBits');
      checkBits(value, 'nBits');
      return value;
    });
    const t0 = first.read((t) => parseInteger(t, 'time', 0, 0xffffffff));
    const t1 = last.read((t) => parseInteger(t, 'time', 0, 0xffffffff));
    setText(out.firstDate, t0 === undefined ? '' : utcDate(t0));
    setText(out.lastDate, t1 === undefined ? '' : utcDate(t1));
    if (t0 !== undefined && t1 !== undefined && t1 < t0) {
      last.fail('The last block cannot come before the first: this time is earlier than the first block’s.');
    }
    if (b === undefined || t0 === undefined || t1 === undefined || t1 < t0) {
      results.dataset['state'] = 'invalid';
      clearOut();
      setText(out.note, 'Fix the fields above to see the new target.');
      return;
    }
    const r = calculateNextWorkRequired(b, t0, t1);
    const oldDifficulty = difficultyFromBits(b);
    const change = (r.difficulty / oldDifficulty - 1) * 100;
    setText(out.bits, formatBits(r.bits));
    setText(out.target, targetToHex(r.target));
    setText(out.difficulty, `${sig(r.difficulty, 8)} (was ${sig(oldDifficulty, 8)})`);
    setText(out.change, `${change >= 0 ? '+' : ''}${change.toFixed(2)}% difficulty`);
    setText(out.timespan, `${grouped.format(r.timespan)} s = ${(r.timespan / SECONDS_PER_DAY).toFixed(2)} days (2015 blocks, ${(r.timespan / 2015).toFixed(1)} s each)`);
    setText(
      out.clamped,
      `${grouped.format(r.clampedTimespan)} s${r.clamp === 'min' ? ' (raised to ¼ of two weeks)' : r.clamp === 'max' ? ' (lowered to 4 × two weeks)' : ''}`,
    );
    const notes: string[] = [];
    notes.push(`new target = old target × ${grouped.format(r.clampedTimespan)} / ${grouped.format(TARGET_TIMESPAN)}, rounded down to nBits.`);
    if (r.clamp === 'min') notes.push('The period was more than 4× too fast, so the difficulty rises by the most one retarget allows: 4×.');
    if (r.clamp === 'max') notes.push('The period was more than 4× too slow, so the difficulty falls by the most one retarget allows: to ¼.');
    if (r.cappedAtPowLimit) notes.push('The new target would be easier than powLimit (difficulty 1), so powLimit is used.');
    setText(out.note, notes.join(' '));
    results.dataset['state'] = 'ready';
  };

  for (const f of [bits, first, last]) f.input.addEventListener('input', update);
  const example = (testId: string, b: string, t0: number, t1: number) =>
    find(root, testId).addEventListener('click', () => {
      bits.value = b;
      first.value = String(t0);
      last.value = String(t1);
      update();
    });
  // Bitcoin Core src/test/pow_tests.cpp: get_next_work, *_lower_limit_actual, *_upper_limit_actual, *_pow_limit.
  example('rt-example-32256', '0x1d00ffff', 1261130161, 1262152739);
  example('rt-example-fast', '0x1c05a3f4', 1279008237, 1279297671);
  example('rt-example-slow', '0x1c387f6f', 1263163443, 1269211443);
  example('rt-example-limit', '0x1d00ffff', 1231006505, 1233061996);
  update();
}

function mountSimulation(root: HTMLElement): void {
  const form = find<HTMLFormElement>(root, 'sim-form');
  const scenarioSelect = find<HTMLSelectElement>(root, 'sim-scenario');
  const scenarioHint = find(root, 'sim-scenario-hint');
  const f = {
    hashrate: field(root, 'sim-hashrate'),
    factor: field(root, 'sim-factor'),
    atDays: field(root, 'sim-at-days'),
    rampDays: field(root, 'sim-ramp-days'),
    extra: field(root, 'sim-extra'),
    period: field(root, 'sim-period'),
    duty: field(root, 'sim-duty'),
    threshold: field(root, 'sim-threshold'),
    csv: field(root, 'sim-csv'),
    blocks: field(root, 'sim-blocks'),
    seed: field(root, 'sim-seed'),
  };
  f.hashrate.value = rate(networkHashrate(BUNDLED_DIFFICULTY.difficulty));
  const algosBox = find(root, 'sim-algos');
  const algosError = find(root, 'sim-algos-error');
  const checks = new Map<AlgorithmId, HTMLInputElement>();
  for (const id of ALGORITHM_IDS) {
    const label = document.createElement('label');
    label.className = 'diff-algo';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = true;
    box.dataset['testid'] = `sim-algo-${id}`;
    const swatch = document.createElement('span');
    swatch.className = 'diff-swatch';
    swatch.style.backgroundColor = COLORS[id];
    const name = document.createElement('span');
    name.textContent = ALGORITHMS[id].name;
    const about = document.createElement('span');
    about.className = 'diff-algo-about';
    about.textContent = ALGORITHMS[id].summary;
    label.append(box, swatch, name, about);
    algosBox.append(label);
    checks.set(id, box);
  }
  const runButton = find<HTMLButtonElement>(root, 'sim-run');
  const cancelButton = find<HTMLButtonElement>(root, 'sim-cancel');
  const progress = find<HTMLProgressElement>(root, 'sim-progress');
  const status = find(root, 'sim-status');
  const errorBox = find(root, 'sim-error');
  const results = find(root, 'sim-results');
  const tbody = find(root, 'sim-summary').querySelector('tbody')!;
  const charts = {
    difficulty: lineChart(find<HTMLCanvasElement>(root, 'sim-chart-difficulty'), 'days', 'difficulty', false, (v) => bigNumber(v)),
    interval: lineChart(find<HTMLCanvasElement>(root, 'sim-chart-interval'), 'days', 'seconds'),
    periods: lineChart(find<HTMLCanvasElement>(root, 'sim-chart-periods'), 'period (2016 blocks)', 'seconds'),
  };
  results.hidden = true;

  const showScenario = () => {
    const kind = scenarioSelect.value as ScenarioKind;
    for (const el of root.querySelectorAll<HTMLElement>('.diff-sim [data-when]')) {
      el.hidden = !(el.dataset['when'] ?? '').split(' ').includes(kind);
    }
    // The factor means "becomes ×": 0.5 suits a drop, 2 a ramp.
    if (kind === 'ramp' && f.factor.value.trim() === '0.5') f.factor.value = '2';
    if (kind === 'drop' && f.factor.value.trim() === '2') f.factor.value = '0.5';
    if (kind === 'switching' && f.extra.value.trim() === '1') f.extra.value = '2';
    if (kind === 'oscillation' && f.extra.value.trim() === '2') f.extra.value = '1';
    scenarioHint.textContent = SCENARIO_HINTS[kind];
  };
  scenarioSelect.addEventListener('change', showScenario);
  showScenario();

  find<HTMLInputElement>(root, 'sim-csv-file').addEventListener('change', async (event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    if (file.size > 5_000_000) {
      f.csv.fail('That file is larger than 5 MB; a hashrate series needs far less.');
      return;
    }
    f.csv.value = await file.text();
    f.csv.read((t) => parseHashrateCsv(t, 'CSV'));
  });

  /** Reads every visible field; returns the config, or undefined after marking the bad fields. */
  const readConfig = (): SimConfig | undefined => {
    const kind = scenarioSelect.value as ScenarioKind;
    let ok = true;
    const need = <T>(value: T | undefined): T => {
      if (value === undefined) ok = false;
      return value as T;
    };
    for (const field of Object.values(f)) field.clear();
    const num = (fl: Field, name: string, min: number, max: number) => need(fl.read((t) => parseNumber(t, name, min, max)));
    let scenario: Scenario | undefined;
    const hashrate = () => need(f.hashrate.read((t) => parseHashrate(t, 'hashrate')));
    switch (kind) {
      case 'constant':
        scenario = { kind, hashrate: hashrate() };
        break;
      case 'drop':
        scenario = { kind, hashrate: hashrate(), factor: num(f.factor, 'factor', 0.001, 1000), atDays: num(f.atDays, 'day', 0, 100_000) };
        break;
      case 'ramp':
        scenario = {
          kind,
          hashrate: hashrate(),
          factor: num(f.factor, 'factor', 0.001, 1000),
          startDays: num(f.atDays, 'day', 0, 100_000),
          days: num(f.rampDays, 'days', 0.05, 100_000),
        };
        break;
      case 'oscillation':
        scenario = {
          kind,
          hashrate: hashrate(),
          extra: num(f.extra, 'extra', 0.001, 1000),
          periodHours: num(f.period, 'hours', 0.1, 100_000),
          duty: num(f.duty, 'fraction', 0.01, 0.99),
        };
        break;
      case 'switching':
        scenario = { kind, hashrate: hashrate(), extra: num(f.extra, 'extra', 0.001, 1000), threshold: num(f.threshold, 'threshold', 0.01, 100) };
        break;
      case 'series':
        scenario = { kind, points: need(f.csv.read((t) => parseHashrateCsv(t, 'CSV'))) };
        break;
    }
    const blocks = need(f.blocks.read((t) => parseInteger(t.replace(/[,_\s]/g, ''), 'blocks', 1, MAX_BLOCKS)));
    const seed = need(f.seed.read((t) => parseInteger(t, 'seed', 0, 0xffffffff)));
    const algorithms = ALGORITHM_IDS.filter((id) => checks.get(id)!.checked);
    algosError.textContent = algorithms.length === 0 ? 'Choose at least one algorithm.' : '';
    if (!ok || algorithms.length === 0 || !scenario) return undefined;
    const config: SimConfig = { algorithms, scenario, blocks, seed, points: 600 };
    try {
      return checkSimConfig(config);
    } catch (error) {
      if (!isInputError(error)) throw error;
      algosError.textContent = humanize(error.message, error.field);
      return undefined;
    }
  };

  let controller: AbortController | undefined;
  const setRunning = (running: boolean) => {
    runButton.disabled = running;
    cancelButton.hidden = !running;
    progress.hidden = !running;
    results.setAttribute('aria-busy', String(running));
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (controller) return;
    const config = readConfig();
    if (!config) {
      setText(status, 'Fix the marked fields, then run again.');
      return;
    }
    errorBox.hidden = true;
    controller = new AbortController();
    const started = performance.now();
    setRunning(true);
    progress.value = 0;
    results.dataset['state'] = 'running';
    setText(status, 'Simulating…');
    const signal = controller.signal;
    let finished = false;
    runSimulation(config, {
      signal,
      onProgress: (done, total) => {
        // Progress comes on its own channel, so a message can land after the result or the cancel:
        // it must not overwrite "Done" or "Cancelled".
        if (signal.aborted || finished) return;
        progress.value = done / total;
        setText(status, `Simulating… ${Math.floor((done / total) * 100)}% of ${grouped.format(total)} blocks`);
      },
    })
      .then((result) => {
        finished = true;
        const seconds = (performance.now() - started) / 1000;
        show(result);
        setText(status, `Done: ${grouped.format(config.blocks * config.algorithms.length)} blocks in ${seconds.toFixed(2)} s.`);
        results.dataset['state'] = 'done';
      })
      .catch((error: unknown) => {
        if (isAbortError(error)) {
          setText(status, results.hidden ? 'Cancelled.' : 'Cancelled: the results below are from the previous run.');
          results.dataset['state'] = 'cancelled';
          return;
        }
        errorBox.textContent = `The simulation failed: ${error instanceof Error ? error.message : String(error)}`;
        errorBox.hidden = false;
        setText(status, '');
        results.dataset['state'] = 'error';
      })
      .finally(() => {
        finished = true;
        controller = undefined;
        setRunning(false);
      });
  });
  cancelButton.addEventListener('click', () => controller?.abort());

  const show = (result: SimResult) => {
    results.hidden = false;
    tbody.replaceChildren(
      ...result.results.map((r) => {
        const s = summarize(r);
        const row = document.createElement('tr');
        row.dataset['algorithm'] = r.algorithm;
        const head = document.createElement('th');
        head.scope = 'row';
        const swatch = document.createElement('span');
        swatch.className = 'diff-swatch';
        swatch.style.backgroundColor = COLORS[r.algorithm];
        head.append(swatch, ALGORITHMS[r.algorithm].name);
        const cells = [
          `${s.meanInterval.toFixed(1)} s`,
          `${s.stdInterval.toFixed(0)} s`,
          duration(s.maxInterval),
          s.blocks >= 2015 ? `${s.worstPeriodDeviation.toFixed(1)} s off 600 s` : '— (no full period)',
          s.recovery === null ? 'no change in this scenario' : s.recovery.seconds === null ? 'not within the run' : s.recovery.seconds === 0 ? 'never left ±10%' : `${duration(s.recovery.seconds)} (${grouped.format(s.recovery.blocks!)} blocks)`,
          `${bigNumber(s.initialDifficulty)} → ${bigNumber(s.finalDifficulty)}`,
        ].map((text, i) => {
          const td = document.createElement('td');
          td.textContent = text;
          if (i === 4) td.dataset['testid'] = `sim-recovery-${r.algorithm}`;
          if (i === 0) td.dataset['testid'] = `sim-mean-${r.algorithm}`;
          return td;
        });
        row.append(head, ...cells);
        return row;
      }),
    );

    const switching = result.config.scenario.kind === 'switching';
    charts.difficulty.data.datasets = [
      ...result.results.map((r) => dataset(ALGORITHMS[r.algorithm].name, points(r.series.days, r.series.difficulty), COLORS[r.algorithm])),
      ...(switching ? [] : [dataset('Difficulty for 600 s at the hashrate', points(result.results[0]!.series.days, result.results[0]!.series.idealDifficulty), '#6b7280', true)]),
    ];
    charts.interval.data.datasets = [
      ...result.results.map((r) => dataset(ALGORITHMS[r.algorithm].name, points(r.series.days, r.series.interval), COLORS[r.algorithm])),
      dataset('600 s', [
        { x: 0, y: 600 },
        { x: Math.max(...result.results.map((r) => r.duration / SECONDS_PER_DAY)), y: 600 },
      ], '#6b7280', true),
    ];
    // Only whole periods (2015 blocks for the first, 2016 after): a last period of a few blocks is noise.
    const blocks = result.config.blocks;
    const whole = blocks >= 2015 ? 1 + Math.floor((blocks - 2015) / 2016) : 0;
    charts.periods.data.datasets = result.results.map((r) => {
      const means = whole > 0 ? r.periodMeanInterval.subarray(0, whole) : r.periodMeanInterval;
      const ds = dataset(ALGORITHMS[r.algorithm].name, points(Array.from(means, (_, i) => i + 1), means), COLORS[r.algorithm]);
      ds.pointRadius = means.length <= 60 ? 2 : 0;
      return ds;
    });
    for (const chart of Object.values(charts)) {
      chart.update();
      markFinite(chart);
    }
  };
}

function readStoredHashrate(): { hashrate: number; threads: number; date: string } | undefined {
  try {
    const raw = localStorage.getItem(LAST_HASHRATE_KEY);
    if (!raw) return undefined;
    const value = JSON.parse(raw) as { hashrate?: unknown; threads?: unknown; date?: unknown };
    if (typeof value.hashrate !== 'number' || !Number.isFinite(value.hashrate) || value.hashrate <= 0) return undefined;
    return {
      hashrate: value.hashrate,
      threads: typeof value.threads === 'number' ? value.threads : 0,
      date: typeof value.date === 'string' ? value.date : '',
    };
  } catch {
    return undefined;
  }
}

function mountLuck(root: HTMLElement): void {
  const hashrate = field(root, 'luck-hashrate');
  const difficulty = field(root, 'luck-difficulty');
  const lifetime = field(root, 'luck-lifetime');
  const toyBits = field(root, 'toy-bits');
  const results = find(root, 'luck-results');
  const periodSelect = find<HTMLSelectElement>(root, 'luck-period');
  const out = {
    expected: find(root, 'luck-expected'),
    day: find(root, 'luck-day'),
    year: find(root, 'luck-year'),
    lifetime: find(root, 'luck-lifetime-odds'),
    lifetimeLabel: find(root, 'luck-lifetime-label'),
    p10: find(root, 'luck-p10'),
    p50: find(root, 'luck-p50'),
    p90: find(root, 'luck-p90'),
    poissonNote: find(root, 'luck-poisson-note'),
    toyHashes: find(root, 'toy-hashes'),
    toyDifficulty: find(root, 'toy-difficulty'),
    toyTime: find(root, 'toy-time'),
    toyP50: find(root, 'toy-p50'),
    toy10s: find(root, 'toy-10s'),
  };
  const hashrateSource = find(root, 'luck-hashrate-source');
  const difficultySource = find(root, 'luck-difficulty-source');

  const stored = readStoredHashrate();
  if (stored) {
    hashrate.value = String(stored.hashrate);
    hashrateSource.textContent = `Measured by the Benchmark screen in this browser${stored.threads ? ` on ${stored.threads} thread${stored.threads === 1 ? '' : 's'}` : ''}${stored.date ? ` (${stored.date.slice(0, 10)})` : ''}: ${rate(stored.hashrate)}.`;
  } else {
    hashrate.value = '5 MH/s';
    hashrateSource.textContent = 'Not measured yet: run the Benchmark screen to use this browser’s own figure, or type one.';
  }
  const bundledNote = `Bitcoin’s difficulty from block ${grouped.format(BUNDLED_DIFFICULTY.height)} (${BUNDLED_DIFFICULTY.date}, nBits ${formatBits(BUNDLED_DIFFICULTY.bits)}); type today’s figure if you know it.`;
  const resetDifficulty = () => {
    difficulty.value = String(BUNDLED_DIFFICULTY.difficulty);
    difficultySource.textContent = bundledNote;
  };
  resetDifficulty();
  lifetime.value = String(DEFAULT_LIFETIME_YEARS);

  const cdf = new Chart(find<HTMLCanvasElement>(root, 'luck-chart-cdf'), {
    type: 'line',
    data: { datasets: [] },
    options: {
      ...baseOptions('time mined (days, log scale)', 'P(at least one block)'),
      scales: {
        x: { type: 'logarithmic', title: { display: true, text: 'time mined (log scale)' }, ticks: { callback: (value) => powerOfTenLabel(Number(value)) } },
        y: { type: 'linear', min: 0, max: 1, title: { display: true, text: 'P(at least one block)' } },
      },
      plugins: { legend: { display: false } },
    },
  });
  const poisson = new Chart<'bar', number[], string>(find<HTMLCanvasElement>(root, 'luck-chart-poisson'), {
    type: 'bar',
    data: { labels: [], datasets: [{ label: 'probability', data: [], backgroundColor: '#0b7bd6' }] },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { display: false } },
      scales: {
        x: { type: 'category', title: { display: true, text: 'blocks found' } },
        y: { type: 'linear', min: 0, title: { display: true, text: 'probability' } },
      },
    },
  });

  const clearLuck = () => {
    for (const el of [out.expected, out.day, out.year, out.lifetime, out.p10, out.p50, out.p90]) setText(el, '—');
    setText(out.poissonNote, '');
    cdf.data.datasets = [];
    poisson.data.labels = [];
    poisson.data.datasets[0]!.data = [];
    cdf.update();
    poisson.update();
    markFinite(cdf);
    markFinite(poisson);
  };

  const update = () => {
    const h = hashrate.read((t) => parseHashrate(t, 'hashrate'));
    const d = difficulty.read((t) => parseNumber(t.replace(/[,_\s]/g, ''), 'difficulty', 1e-12, 1e30));
    const years = lifetime.read((t) => parseNumber(t, 'years', 0.01, 10_000));
    difficultySource.textContent = d === BUNDLED_DIFFICULTY.difficulty ? bundledNote : d !== undefined ? `≈ ${rate(networkHashrate(d))} of network hashrate at 600 s per block.` : '';
    updateToy(h);
    if (h === undefined || d === undefined || years === undefined) {
      results.dataset['state'] = 'invalid';
      clearLuck();
      return;
    }
    const odds = soloOdds(h, d, years);
    setText(out.expected, duration(odds.expectedSeconds));
    setText(out.day, probability(odds.day));
    setText(out.year, probability(odds.year));
    setText(out.lifetimeLabel, `P(within ${sig(years)} years)`);
    setText(out.lifetime, probability(odds.lifetime));
    setText(out.p10, duration(odds.percentiles.p10));
    setText(out.p50, duration(odds.percentiles.p50));
    setText(out.p90, duration(odds.percentiles.p90));

    // CDF from 1% to 99.9% of the first-block time, on a log time axis in a unit that suits it.
    const mean = odds.expectedSeconds;
    const [unit, unitName] =
      mean >= 2 * SECONDS_PER_YEAR ? [SECONDS_PER_YEAR, 'years'] : mean >= 2 * SECONDS_PER_DAY ? [SECONDS_PER_DAY, 'days'] : mean >= 7200 ? [3600, 'hours'] : mean >= 120 ? [60, 'minutes'] : [1, 'seconds'];
    const cdfPoints: Points = [];
    for (let i = 0; i <= 120; i++) {
      const seconds = mean * 10 ** (-2 + (i / 120) * 3);
      const x = seconds / unit;
      const y = probabilityOfBlock(h, d, seconds);
      if (Number.isFinite(x) && x > 0 && Number.isFinite(y)) cdfPoints.push({ x, y });
    }
    const xScale = cdf.options.scales!['x']!;
    xScale.title = { display: true, text: `time mined (${unitName}, log scale)` };
    cdf.data.datasets = [dataset('P(at least one block)', cdfPoints, '#0b7bd6')];
    cdf.update();
    markFinite(cdf);

    const period = Number(periodSelect.value);
    const lambda = expectedBlocks(h, d, period);
    const { bars, rest } = poissonDistribution(lambda, 41);
    poisson.data.labels = bars.map((b) => String(b.k));
    poisson.data.datasets[0]!.data = bars.map((b) => b.probability);
    poisson.update();
    markFinite(poisson);
    setText(
      out.poissonNote,
      `On average ${lambda < 0.001 ? scientific(lambda) : sig(lambda)} blocks per ${periodSelect.selectedOptions[0]?.textContent?.replace(/^an? /, '') ?? 'period'}; P(none) = ${probability(Math.exp(-lambda))}.${rest > 1e-6 ? ` Counts not shown: ${probability(rest)}.` : ''}`,
    );
    results.dataset['state'] = 'ready';
  };

  const updateToy = (h: number | undefined) => {
    const toy = toyBits.read((t) => toyDifficulty(parseInteger(t, 'zero bits', 1, 255)));
    if (!toy) {
      for (const el of [out.toyHashes, out.toyDifficulty, out.toyTime, out.toyP50, out.toy10s]) setText(el, '—');
      return;
    }
    setText(out.toyHashes, `2^${toy.zeroBits} = ${bigNumber(toy.expectedHashes)}`);
    setText(out.toyDifficulty, toy.difficulty < 1e-3 ? scientific(toy.difficulty) : sig(toy.difficulty));
    if (h === undefined) {
      for (const el of [out.toyTime, out.toyP50, out.toy10s]) setText(el, '—');
      return;
    }
    const odds = soloOdds(h, toy.difficulty);
    setText(out.toyTime, duration(odds.expectedSeconds));
    setText(out.toyP50, duration(odds.percentiles.p50));
    setText(out.toy10s, probability(probabilityOfBlock(h, toy.difficulty, 10)));
  };

  for (const fl of [hashrate, difficulty, lifetime, toyBits]) fl.input.addEventListener('input', update);
  periodSelect.addEventListener('change', update);
  find(root, 'luck-difficulty-reset').addEventListener('click', () => {
    resetDifficulty();
    update();
  });
  // The Benchmark screen may measure while this screen is open (another tab, or later in this one).
  window.addEventListener('storage', (event) => {
    if (event.key !== LAST_HASHRATE_KEY) return;
    const fresh = readStoredHashrate();
    if (!fresh) return;
    hashrate.value = String(fresh.hashrate);
    hashrateSource.textContent = `Measured by the Benchmark screen: ${rate(fresh.hashrate)}.`;
    update();
  });
  update();
}

/** "What you measured on Mine a block": the blocks the Mine screen logged, per difficulty. */
function mountMineLog(root: HTMLElement): void {
  const box = find(root, 'minelog');
  const empty = find(root, 'minelog-empty');
  const wrap = find(root, 'minelog-wrap');
  const rows = find(root, 'minelog-rows');
  const note = find(root, 'minelog-note');
  const clear = find<HTMLButtonElement>(root, 'minelog-clear');
  const status = find(root, 'minelog-status');

  const cell = (tag: 'th' | 'td', text: string, testId?: string): HTMLElement => {
    const el = document.createElement(tag);
    el.textContent = text;
    if (tag === 'th') el.setAttribute('scope', 'row');
    if (testId) el.dataset['testid'] = testId;
    return el;
  };
  const bitsLabel = (bits: number) => (Number.isInteger(bits) ? String(bits) : bits.toFixed(2));

  const render = () => {
    const log = readMineLog();
    const summary = summarizeMineLog(log);
    box.dataset['state'] = summary.length > 0 ? 'ready' : 'empty';
    box.dataset['blocks'] = String(log.length);
    empty.hidden = summary.length > 0;
    wrap.hidden = summary.length === 0;
    note.hidden = summary.length === 0;
    clear.disabled = summary.length === 0;
    rows.replaceChildren(
      ...summary.map((row) => {
        const tr = document.createElement('tr');
        tr.dataset['testid'] = 'minelog-row';
        tr.dataset['bits'] = String(row.bits);
        tr.dataset['count'] = String(row.count);
        const ratio = cell('td', `${row.ratio.toFixed(2)}×`, 'minelog-ratio');
        ratio.title = spreadStatement(row.count);
        tr.append(
          cell('th', bitsLabel(row.bits), 'minelog-bits'),
          cell('td', grouped.format(row.count), 'minelog-count'),
          cell('td', bigNumber(row.meanHashes), 'minelog-mean'),
          cell('td', `2^${bitsLabel(row.bits)} = ${bigNumber(row.expectedHashes)}`, 'minelog-expected'),
          ratio,
          cell('td', duration(row.meanSeconds), 'minelog-time'),
          cell('td', row.hashrate > 0 ? `${duration(row.expectedSeconds)} at ${rate(row.hashrate)}` : '—', 'minelog-expected-time'),
        );
        return tr;
      }),
    );
    status.textContent =
      summary.length === 0
        ? ''
        : summary.length === 1
          ? spreadStatement(summary[0]!.count).replace('2^bits', `2^${bitsLabel(summary[0]!.bits)}`)
          : `${grouped.format(log.length)} blocks logged (the latest 200 are kept).`;
  };

  clear.addEventListener('click', () => {
    clearMineLog();
    render();
  });
  // Another tab mined (the storage event), this tab mined (its own event), or the learner comes back here.
  watchMineLog(render);
  addEventListener('hashchange', () => {
    if (location.hash === '#difficulty') render();
  });
  render();
}
