// Static markup of the Pools & profit screen. Nothing here holds user data: every value is written
// later with textContent by the panels. Each section.panel with an h2 gets a link in the in-page
// contents (its data-contents-label), which a learner on a phone uses to jump past the others.

const UNITS = ['H/s', 'kH/s', 'MH/s', 'GH/s', 'TH/s', 'PH/s', 'EH/s']
  .map((u, i) => `<option value="${1000 ** i}">${u}</option>`)
  .join('');

/** A labelled text field with its hint and inline error; `unit` adds the hashrate unit select. */
function field(id: string, label: string, value: string, hint = '', unit = false): string {
  const describedBy = `${id}-error${hint ? ` ${id}-hint` : ''}`;
  return `
    <div class="form-field">
      <label class="field-label" for="${id}">${label}</label>
      <div class="input-with-unit">
        <input id="${id}" class="input input-mono" type="text" inputmode="decimal" autocomplete="off" spellcheck="false" value="${value}" aria-describedby="${describedBy}" data-testid="${id}" />
        ${unit ? `<select id="${id}-unit" class="input input-unit" aria-label="${label}: unit" data-testid="${id}-unit">${UNITS}</select>` : ''}
      </div>
      ${hint ? `<p id="${id}-hint" class="hint">${hint}</p>` : ''}
      <p id="${id}-error" class="field-error" aria-live="polite" data-testid="${id}-error"></p>
    </div>`;
}

function hashrateField(id: string, label: string, value: string): string {
  return field(id, label, value, '', true);
}

/** A select whose options the panel fills in. */
function select(id: string, label: string, hint = ''): string {
  return `
    <div class="form-field">
      <label class="field-label" for="${id}">${label}</label>
      <select id="${id}" class="input" data-testid="${id}"></select>
      ${hint ? `<p class="hint" data-testid="${hint}"></p>` : ''}
    </div>`;
}

export const TEMPLATE = `
<section class="panel" aria-labelledby="pl-title">
  <h1 id="pl-title">Pools &amp; profit: luck, payout schemes and what mining earns</h1>
  <p class="lede">
    On average, mining pays the same however you are paid: your share of the network's hashrate times
    the blocks it finds. What the payout scheme changes is the luck you carry: how often you are paid,
    how much the amounts swing, and who takes the risk. Here each scheme is simulated thousands of times
    over the same period, next to the formulas of Meni Rosenfeld's
    <cite>Analysis of Bitcoin Pooled Mining Reward Systems</cite> (2011).
  </p>
  <dl class="pl-schemes" data-testid="pl-explanations"></dl>
</section>

<section class="panel" aria-labelledby="pl-sim-title" data-testid="pl-panel" data-contents-label="Payouts">
  <h2 id="pl-sim-title">Payout schemes side by side</h2>
  <p class="explain">
    Shares are never simulated one by one (a block takes about 10<sup>14</sup> of them today): each trial
    draws the counts of shares and blocks in aggregate, so a month of a large pool runs in a moment.
    Earnings are in coins after the pool's fee.
  </p>
  <div class="pl-measured" data-testid="pl-measured" hidden>
    <button type="button" class="button" data-testid="pl-use-measured">Use my measured hashrate</button>
    <span class="hint" data-testid="pl-measured-note"></span>
  </div>
  <form class="pl-fields" data-testid="pl-form" novalidate>
    ${hashrateField('pl-hashrate', 'Your hashrate', '200')}
    ${hashrateField('pl-pool', 'Pool hashrate (including you)', '10')}
    ${field('pl-difficulty', 'Network difficulty', '1.1e14', 'about 110 trillion in early 2025')}
    ${field('pl-subsidy', 'Block subsidy (coins)', '3.125', '3.125 BTC since the April 2024 halving')}
    ${field('pl-fees', 'Average fees per block (coins)', '0.05')}
    ${field('pl-fee', 'Pool fee (%)', '2')}
    ${field('pl-share', 'Share difficulty', '1', 'what one share proves; pools raise it for big miners')}
    ${field('pl-window', 'PPLNS window (× difficulty)', '1', 'N = this × D shares of difficulty 1')}
    ${field('pl-score-decay', 'SCORE decay (× difficulty)', '0.05', 'a share s shares into a round scores e^(s / (this × D))')}
    ${field('pl-days', 'Period (days)', '30')}
    ${field('pl-trials', 'Trials', '2000')}
    ${field('pl-seed', 'Seed', '1', 'the same seed gives the same result')}
    ${field('pl-reserves', 'PPS operator reserves (coins)', '50', 'for the operator’s risk of ruin')}
  </form>
  <div class="actions">
    <button type="button" class="button button-primary" data-testid="pl-run">Simulate</button>
    <button type="button" class="button" data-testid="pl-cancel" disabled>Cancel</button>
    <progress class="pl-progress" max="1" value="0" data-testid="pl-progress" hidden></progress>
    <span class="hint" aria-live="polite" data-testid="pl-status"></span>
  </div>
  <div class="table-wrap pl-table-wrap">
    <table class="table" data-testid="pl-results" data-state="idle">
      <caption>Earnings over the period: simulated (formula in brackets)</caption>
      <thead>
        <tr><th scope="col">Scheme</th><th scope="col" class="num">Mean</th><th scope="col" class="num">Std. dev.</th><th scope="col" class="num">No payout</th>
          <th scope="col" class="num">p10</th><th scope="col" class="num">Median</th><th scope="col" class="num">p90</th><th scope="col" class="num">First payout</th></tr>
      </thead>
      <tbody data-testid="pl-results-body"></tbody>
    </table>
  </div>
  <p class="hint" data-testid="pl-extra"></p>
  <div class="actions">
    <span class="hint" aria-live="polite" data-testid="pl-operator"></span>
    <button type="button" class="button button-small" data-testid="pl-operator-cancel" disabled>Cancel</button>
    <progress class="pl-progress" max="1" value="0" data-testid="pl-operator-progress" hidden></progress>
  </div>
  <div class="pl-charts" data-testid="pl-charts"></div>
</section>

<section class="panel" aria-labelledby="pl-hop-title" data-testid="pl-hop-panel" data-contents-label="Hopping">
  <h2 id="pl-hop-title">Pool hopping: why PROP pools died out</h2>
  <p class="explain">
    In a proportional pool, a share submitted early in a round is worth more than one submitted late:
    if the round ends soon, few shares split the block. A share submitted x·D shares into a round is
    worth e<sup>x</sup>E<sub>1</sub>(x) times a fair share, which drops below 1 at about 43.5% of D. A
    "hopper" that mines there only at the start of each round, and elsewhere afterwards, earns more than
    its work is worth, at the expense of the pool's loyal miners. PPLNS and PPS pay a share the same
    whenever it comes, so hopping gains nothing there. SCORE (Slush's method) lets old shares fade
    exponentially, so only the last stretch of a round counts much: a hopper's head start is worth
    little, though not nothing.
  </p>
  <div class="pl-fields">
    ${field('pl-hop-threshold', 'Hopper leaves after (× D shares)', '0.435')}
    ${field('pl-hop-size', "Hopper's hashrate (× the loyal miners')", '0.25')}
    ${field('pl-hop-rounds', 'Rounds', '200000')}
    ${field('pl-hop-decay', 'SCORE decay (× D)', '0.05')}
  </div>
  <div class="actions">
    <button type="button" class="button button-primary" data-testid="pl-hop-run">Run the experiment</button>
    <button type="button" class="button" data-testid="pl-hop-cancel" disabled>Cancel</button>
    <progress class="pl-progress" max="1" value="0" data-testid="pl-hop-progress" hidden></progress>
    <span class="hint" aria-live="polite" data-testid="pl-hop-status"></span>
  </div>
  <div class="table-wrap pl-table-wrap">
    <table class="table" data-testid="pl-hop-results" data-state="idle">
      <caption>Reward per share, relative to a fair share (1.00 = paid exactly what the work is worth)</caption>
      <thead><tr><th scope="col">Scheme</th><th scope="col" class="num">Hopper</th><th scope="col" class="num">Loyal miners</th></tr></thead>
      <tbody data-testid="pl-hop-body"></tbody>
    </table>
  </div>
  <div class="pl-chart-box"><canvas data-testid="pl-hop-chart" role="img" aria-label="Value of a PROP share by its position in the round"></canvas></div>
</section>

<section class="panel" aria-labelledby="pf-title" data-testid="pf-panel" data-contents-label="Profit">
  <h2 id="pf-title">Profitability</h2>
  <p class="explain">
    Revenue per day is your hashrate's expected share of the blocks, times subsidy plus fees, less the
    pool fee; electricity is watts × 24 h × price per kWh. Difficulty tends to grow, and the subsidy
    halves every 210,000 blocks (about four years), so break-even is found day by day. A rig is assumed
    switched off on days it would lose money. Money is in whatever unit the coin price is in.
  </p>
  <div class="pl-fields">
    ${select('pf-device', 'Device', 'pf-device-source')}
    ${hashrateField('pf-hashrate', 'Hashrate', '200')}
    ${field('pf-watts', 'Power (W)', '3500')}
    ${field('pf-electricity', 'Electricity (per kWh)', '0.06')}
    ${field('pf-price', 'Coin price', '90000')}
    ${field('pf-difficulty', 'Network difficulty', '1.1e14')}
    ${field('pf-subsidy', 'Block subsidy (coins)', '3.125')}
    ${field('pf-fees', 'Average fees per block (coins)', '0.05')}
    ${field('pf-pool-fee', 'Pool fee (%)', '2')}
    ${field('pf-cost', 'Hardware cost', '4000')}
    ${field('pf-growth', 'Difficulty growth (% a month)', '2')}
    ${field('pf-halving', 'Blocks to the next halving', '', 'estimated from today’s date; empty: no halving')}
  </div>
  <dl class="pl-figures" data-testid="pf-results" data-state="idle">
    <div><dt>Coins a day</dt><dd data-testid="pf-coins">—</dd></div>
    <div><dt>Revenue a day</dt><dd data-testid="pf-revenue">—</dd></div>
    <div><dt>Electricity a day</dt><dd data-testid="pf-power">—</dd></div>
    <div><dt>Profit a day</dt><dd data-testid="pf-profit">—</dd></div>
    <div><dt>Hashprice (1 TH/s a day)</dt><dd data-testid="pf-hashprice">—</dd></div>
    <div><dt>Efficiency</dt><dd data-testid="pf-efficiency">—</dd></div>
    <div><dt>Break-even</dt><dd data-testid="pf-breakeven">—</dd></div>
    <div><dt>ROI after 1 / 2 / 3 years</dt><dd data-testid="pf-roi">—</dd></div>
  </dl>
</section>

<section class="panel" aria-labelledby="pf-luck-title" data-testid="pf-luck-panel" data-contents-label="Luck">
  <h2 id="pf-luck-title">Luck: the chance of having broken even</h2>
  <p class="explain">Expected figures assume average luck. Solo, you may find a block early, or never; in a pool the swings are smaller. The rig is the one under Profitability.</p>
  <div class="pl-fields">
    ${select('pf-scheme', 'Payout scheme')}
    ${hashrateField('pf-pool', 'Pool hashrate (PROP, PPLNS, SCORE)', '10')}
  </div>
  <div class="actions">
    <button type="button" class="button button-primary" data-testid="pf-luck-run">Simulate luck</button>
    <button type="button" class="button" data-testid="pf-luck-cancel" disabled>Cancel</button>
    <progress class="pl-progress" max="1" value="0" data-testid="pf-luck-progress" hidden></progress>
    <span class="hint" aria-live="polite" data-testid="pf-luck-status"></span>
  </div>
  <div class="table-wrap pl-table-wrap">
    <table class="table" data-testid="pf-luck" data-state="idle">
      <thead><tr><th scope="col">By</th><th scope="col" class="num">Chance of having broken even</th><th scope="col" class="num">Expected (average luck)</th><th scope="col" class="num">Net, p10 / median / p90</th></tr></thead>
      <tbody data-testid="pf-luck-body"></tbody>
    </table>
  </div>
</section>

<section class="panel" aria-labelledby="pf-staking-title" data-testid="pf-staking-panel" data-contents-label="Staking">
  <h2 id="pf-staking-title">Mining or staking the same money</h2>
  <div class="pl-fields">
    ${field('pf-yield', 'Staking yield (% a year)', '4')}
  </div>
  <p class="hint" data-testid="pf-yields-note"></p>
  <div class="table-wrap pl-table-wrap">
    <table class="table" data-testid="pf-staking">
      <thead><tr><th scope="col">After</th><th scope="col" class="num">Mining (profit − hardware)</th><th scope="col" class="num">Staking the hardware money</th><th scope="col" class="num">Holding (price unchanged)</th></tr></thead>
      <tbody data-testid="pf-staking-body"></tbody>
    </table>
  </div>
</section>

<section class="panel" aria-labelledby="pf-cloud-title" data-testid="pf-cloud-panel" data-contents-label="Cloud mining">
  <h2 id="pf-cloud-title">A cloud-mining contract against owning the hardware</h2>
  <div class="pl-fields">
    ${field('pf-cloud-price', 'Contract price (per TH/s per day)', '0.05')}
    ${field('pf-cloud-maint', 'Maintenance (per TH/s per day)', '0.02')}
    ${field('pf-cloud-days', 'Length (days)', '365')}
  </div>
  <p class="pl-verdict" data-testid="pf-cloud"></p>
</section>

<section class="panel" aria-labelledby="pf-ledger-title" data-testid="pf-ledger-panel" data-contents-label="Ledger">
  <h2 id="pf-ledger-title">Earnings ledger</h2>
  <p class="explain">Mining income is taxable in many countries. The expected coins per day, in whole satoshis, and their value at the coin price under Profitability.</p>
  <div class="pl-fields">
    ${field('pf-ledger-start', 'Start date (YYYY-MM-DD)', '')}
    ${field('pf-ledger-days', 'Days', '30')}
  </div>
  <div class="actions">
    <a class="button" data-testid="pf-ledger-download" download="powlab-ledger.csv" href="#">Download CSV</a>
  </div>
  <pre class="pl-csv" data-testid="pf-ledger-csv"></pre>
</section>
`;
