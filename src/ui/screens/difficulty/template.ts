// The Difficulty screen's markup: static, every value is written with textContent by the panels.

export const DIFFICULTY_TEMPLATE = `
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

<section class="panel diff-retarget" aria-labelledby="rt-title" data-testid="rt-panel" data-contents-label="Retarget">
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
      <input id="rt-bits" class="input input-mono" type="text" inputmode="text" spellcheck="false" autocomplete="off" value="0x1d00ffff" aria-describedby="rt-bits-error" data-testid="rt-bits" />
      <p id="rt-bits-error" class="field-error" aria-live="polite" data-testid="rt-bits-error"></p>
    </div>
    <div class="diff-field">
      <label class="field-label" for="rt-first">Time of its first block <span class="muted">(Unix seconds)</span></label>
      <input id="rt-first" class="input input-mono" type="text" inputmode="numeric" autocomplete="off" value="1261130161" aria-describedby="rt-first-error rt-first-date" data-testid="rt-first" />
      <p id="rt-first-date" class="hint" data-testid="rt-first-date"></p>
      <p id="rt-first-error" class="field-error" aria-live="polite" data-testid="rt-first-error"></p>
    </div>
    <div class="diff-field">
      <label class="field-label" for="rt-last">Time of its last block <span class="muted">(Unix seconds)</span></label>
      <input id="rt-last" class="input input-mono" type="text" inputmode="numeric" autocomplete="off" value="1262152739" aria-describedby="rt-last-error rt-last-date" data-testid="rt-last" />
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

<section class="panel diff-sim" aria-labelledby="sim-title" data-testid="sim-panel" data-contents-label="Simulate">
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
        <select id="sim-scenario" class="input" data-testid="sim-scenario">
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
        <input id="sim-hashrate" class="input input-mono" type="text" spellcheck="false" autocomplete="off" aria-describedby="sim-hashrate-error" data-testid="sim-hashrate" />
        <p id="sim-hashrate-error" class="field-error" aria-live="polite" data-testid="sim-hashrate-error"></p>
      </div>
      <div class="diff-field" data-when="drop ramp">
        <label class="field-label" for="sim-factor">Hashrate becomes × <span class="muted">(0.5 = half)</span></label>
        <input id="sim-factor" class="input input-mono" type="text" inputmode="decimal" value="0.5" aria-describedby="sim-factor-error" data-testid="sim-factor" />
        <p id="sim-factor-error" class="field-error" aria-live="polite" data-testid="sim-factor-error"></p>
      </div>
      <div class="diff-field" data-when="drop ramp">
        <label class="field-label" for="sim-at-days">Starting on day</label>
        <input id="sim-at-days" class="input input-mono" type="text" inputmode="decimal" value="30" aria-describedby="sim-at-days-error" data-testid="sim-at-days" />
        <p id="sim-at-days-error" class="field-error" aria-live="polite" data-testid="sim-at-days-error"></p>
      </div>
      <div class="diff-field" data-when="ramp">
        <label class="field-label" for="sim-ramp-days">Ramp lasts (days)</label>
        <input id="sim-ramp-days" class="input input-mono" type="text" inputmode="decimal" value="60" aria-describedby="sim-ramp-days-error" data-testid="sim-ramp-days" />
        <p id="sim-ramp-days-error" class="field-error" aria-live="polite" data-testid="sim-ramp-days-error"></p>
      </div>
      <div class="diff-field" data-when="oscillation switching">
        <label class="field-label" for="sim-extra">Extra hashrate, × the base</label>
        <input id="sim-extra" class="input input-mono" type="text" inputmode="decimal" value="1" aria-describedby="sim-extra-error" data-testid="sim-extra" />
        <p id="sim-extra-error" class="field-error" aria-live="polite" data-testid="sim-extra-error"></p>
      </div>
      <div class="diff-field" data-when="oscillation">
        <label class="field-label" for="sim-period">Period (hours)</label>
        <input id="sim-period" class="input input-mono" type="text" inputmode="decimal" value="24" aria-describedby="sim-period-error" data-testid="sim-period" />
        <p id="sim-period-error" class="field-error" aria-live="polite" data-testid="sim-period-error"></p>
      </div>
      <div class="diff-field" data-when="oscillation">
        <label class="field-label" for="sim-duty">Fraction of each period it mines</label>
        <input id="sim-duty" class="input input-mono" type="text" inputmode="decimal" value="0.5" aria-describedby="sim-duty-error" data-testid="sim-duty" />
        <p id="sim-duty-error" class="field-error" aria-live="polite" data-testid="sim-duty-error"></p>
      </div>
      <div class="diff-field" data-when="switching">
        <label class="field-label" for="sim-threshold">Switchers mine while difficulty ≤ × the base level</label>
        <input id="sim-threshold" class="input input-mono" type="text" inputmode="decimal" value="1.1" aria-describedby="sim-threshold-error" data-testid="sim-threshold" />
        <p id="sim-threshold-error" class="field-error" aria-live="polite" data-testid="sim-threshold-error"></p>
      </div>
      <div class="diff-field diff-wide" data-when="series">
        <label class="field-label" for="sim-csv">Hashrate series: one “day, hashrate” per line; each holds until the next day</label>
        <textarea id="sim-csv" class="input input-mono" rows="5" spellcheck="false" aria-describedby="sim-csv-error" data-testid="sim-csv">day,hashrate
0,790 EH/s
30,400 EH/s
90,600 EH/s
150,900 EH/s</textarea>
        <label class="diff-file">Or load a CSV file: <input type="file" accept=".csv,.txt,text/csv,text/plain" data-testid="sim-csv-file" /></label>
        <p id="sim-csv-error" class="field-error" aria-live="polite" data-testid="sim-csv-error"></p>
      </div>
      <div class="diff-field">
        <label class="field-label" for="sim-blocks">Blocks per algorithm</label>
        <input id="sim-blocks" class="input input-mono" type="text" inputmode="numeric" value="40320" aria-describedby="sim-blocks-error" data-testid="sim-blocks" />
        <p id="sim-blocks-error" class="field-error" aria-live="polite" data-testid="sim-blocks-error"></p>
      </div>
      <div class="diff-field">
        <label class="field-label" for="sim-seed">Random seed</label>
        <input id="sim-seed" class="input input-mono" type="text" inputmode="numeric" value="1" aria-describedby="sim-seed-error" data-testid="sim-seed" />
        <p id="sim-seed-error" class="field-error" aria-live="polite" data-testid="sim-seed-error"></p>
      </div>
    </div>
    <fieldset class="diff-algos">
      <legend>Algorithms to compare</legend>
      <div class="diff-algo-list" data-testid="sim-algos"></div>
      <p class="field-error" aria-live="polite" data-testid="sim-algos-error"></p>
    </fieldset>
    <div class="actions">
      <button type="submit" class="button button-primary" data-testid="sim-run">Run simulation</button>
      <button type="button" class="button" data-testid="sim-cancel" hidden>Cancel</button>
      <progress max="1" value="0" data-testid="sim-progress" hidden></progress>
      <span class="muted" aria-live="polite" data-testid="sim-status"></span>
    </div>
  </form>
  <p class="alert" role="alert" data-testid="sim-error" hidden></p>
  <div class="diff-sim-results" data-testid="sim-results" data-state="idle">
    <div class="table-wrap">
      <table class="table" data-testid="sim-summary">
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

<section class="panel diff-luck" aria-labelledby="luck-title" data-testid="luck-panel" data-contents-label="Your odds">
  <h2 id="luck-title">Your odds of finding a block alone</h2>
  <div class="diff-fields">
    <div class="diff-field">
      <label class="field-label" for="luck-hashrate">Your hashrate <span class="muted">(H/s; e.g. 5 MH/s)</span></label>
      <input id="luck-hashrate" class="input input-mono" type="text" spellcheck="false" autocomplete="off" aria-describedby="luck-hashrate-error luck-hashrate-source" data-testid="luck-hashrate" />
      <p id="luck-hashrate-source" class="hint" data-testid="luck-hashrate-source"></p>
      <p id="luck-hashrate-error" class="field-error" aria-live="polite" data-testid="luck-hashrate-error"></p>
    </div>
    <div class="diff-field">
      <label class="field-label" for="luck-difficulty">Network difficulty</label>
      <input id="luck-difficulty" class="input input-mono" type="text" inputmode="decimal" autocomplete="off" aria-describedby="luck-difficulty-error luck-difficulty-source" data-testid="luck-difficulty" />
      <p id="luck-difficulty-source" class="hint" data-testid="luck-difficulty-source"></p>
      <button type="button" class="button button-small" data-testid="luck-difficulty-reset">Use the bundled figure</button>
      <p id="luck-difficulty-error" class="field-error" aria-live="polite" data-testid="luck-difficulty-error"></p>
    </div>
    <div class="diff-field">
      <label class="field-label" for="luck-lifetime">A lifetime, in years</label>
      <input id="luck-lifetime" class="input input-mono" type="text" inputmode="decimal" aria-describedby="luck-lifetime-error" data-testid="luck-lifetime" />
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
      <input id="toy-bits" class="input input-mono" type="text" inputmode="numeric" value="20" aria-describedby="toy-bits-error" data-testid="toy-bits" />
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
    <div class="table-wrap" data-testid="minelog-wrap" hidden>
      <table class="table" data-testid="minelog-table">
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
    <div class="actions">
      <button type="button" class="button button-small" data-testid="minelog-clear" disabled>Clear</button>
      <span class="muted" aria-live="polite" data-testid="minelog-status"></span>
    </div>
  </div>
</section>
`;
