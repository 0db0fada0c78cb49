// The Pools & profit screen: payout schemes simulated side by side (in a worker, with progress and
// cancel), the pool-hopping experiment, and profitability with luck, staking, cloud contracts and a
// ledger. All arithmetic is in sim/ (payouts/, profitability.ts, hardware.ts); this file only reads
// fields, shows inline errors, and draws. User data reaches the page through textContent only.

import type { Chart } from 'chart.js';
import { comparePayouts, isAbortError, runBreakEven, runHopping, runOperator } from '../../../engine/tasks/payouts-service.js';
import { DEVICES, efficiencyJPerTH, measuredDevice, type DeviceProfile } from '../../../model/devices.js';
import { SCHEME_IDS, SCHEMES, type SchemeId, type SchemeResult } from '../../../sim/payouts/index.js';
import {
  blocksToNextHalving, compareWithStaking, estimateHeight, evaluateCloudContract, ledger, ledgerCsv, MAX_AMOUNT, normalizeProfitInput, profitReport,
  TYPICAL_STAKING_YIELDS, type ProfitInput,
} from '../../../sim/profitability.js';
import { isInputError, parseInteger, parseNumber } from '../../../model/validate.js';
import { histogramChart, shareValueChart } from './charts.js';
import { TEMPLATE } from './template.js';

const LAST_HASHRATE_KEY = 'powlab.lastHashrate';
const PROFIT_NAMES = {
  hashrate: 'pf-hashrate', watts: 'pf-watts', electricity: 'pf-electricity', difficulty: 'pf-difficulty', subsidy: 'pf-subsidy', fees: 'pf-fees',
  price: 'pf-price', poolFee: 'pf-pool-fee', hardwareCost: 'pf-cost', difficultyGrowth: 'pf-growth', blocksToHalving: 'pf-halving',
} as const;
const COLORS: Record<SchemeId, string> = { solo: '#d55e00', prop: '#0072b2', pps: '#009e73', fpps: '#56b4e9', pplns: '#cc79a7', score: '#e69f00' };

function find<T extends HTMLElement>(root: HTMLElement, testId: string): T {
  const el = root.querySelector<T>(`[data-testid="${testId}"]`);
  if (!el) throw new Error(`missing element ${testId}`);
  return el;
}

/** Reads text fields, marks the bad ones, and remembers which failed. */
class Fields {
  private bad = new Set<string>();
  constructor(private readonly root: HTMLElement) {}

  input(id: string): HTMLInputElement {
    return find<HTMLInputElement>(this.root, id);
  }

  clear(ids: readonly string[]): void {
    for (const id of ids) this.setError(id, '');
  }

  setError(id: string, message: string): void {
    const input = this.root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
    const error = this.root.querySelector<HTMLElement>(`[data-testid="${id}-error"]`);
    if (error) error.textContent = message;
    if (input) {
      if (message) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
    if (message) this.bad.add(id);
    else this.bad.delete(id);
  }

  /** A number in [min, max] (times the unit select's factor, if the field has one), or undefined after marking it. */
  number(id: string, min = -Infinity, max = Infinity, scale = 1): number | undefined {
    const text = this.input(id).value;
    const unit = this.root.querySelector<HTMLSelectElement>(`[data-testid="${id}-unit"]`);
    try {
      const n = parseNumber(text.trim(), id, -Infinity, Infinity) * (unit ? Number(unit.value) : 1);
      if (!Number.isFinite(n * scale)) throw new RangeError('Too large to work with');
      if (n < min) throw new RangeError(min === Number.MIN_VALUE ? 'Must be above 0' : `Must be at least ${min}`);
      if (n > max) throw new RangeError(`Must be at most ${max}`);
      this.setError(id, '');
      return n * scale;
    } catch (error) {
      this.setError(id, text.trim() === '' ? 'Enter a number.' : isInputError(error) ? `“${text.trim()}” is not a number.` : `${(error as Error).message}.`);
      return undefined;
    }
  }

  integer(id: string, min: number, max: number): number | undefined {
    const text = this.input(id).value.trim();
    try {
      const n = parseInteger(text, id, min, max);
      this.setError(id, '');
      return n;
    } catch {
      this.setError(id, `Enter a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}.`);
      return undefined;
    }
  }
}

function coins(x: number): string {
  if (x === 0) return '0';
  if (Math.abs(x) < 1e-4 || Math.abs(x) >= 1e6) return x.toExponential(3);
  return Number(x.toPrecision(4)).toString();
}

function percent(x: number): string {
  return x >= 0.9995 && x < 1 ? '>99.9%' : x > 0 && x < 0.0005 ? '<0.1%' : `${(x * 100).toFixed(1)}%`;
}

function money(x: number): string {
  return x.toLocaleString('en', { maximumFractionDigits: Math.abs(x) < 10 ? 2 : 0, minimumFractionDigits: Math.abs(x) < 10 ? 2 : 0 });
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'never';
  if (seconds < 120) return `${seconds.toFixed(0)} s`;
  if (seconds < 7200) return `${(seconds / 60).toFixed(0)} min`;
  if (seconds < 3 * 86_400) return `${(seconds / 3600).toFixed(1)} h`;
  if (seconds < 730 * 86_400) return `${(seconds / 86_400).toFixed(1)} days`;
  const years = seconds / (365.25 * 86_400);
  if (years < 10_000) return `${years.toFixed(1)} years`;
  return years < 1e15 ? `${Number(years.toPrecision(3)).toLocaleString('en')} years` : `${years.toExponential(2)} years`;
}

function cell(row: HTMLTableRowElement, text: string, header = false): void {
  const c = document.createElement(header ? 'th' : 'td');
  if (header) c.setAttribute('scope', 'row');
  c.textContent = text;
  row.append(c);
}

function readMeasured(): { hashrate: number; threads: number; date: string } | undefined {
  try {
    const raw = localStorage.getItem(LAST_HASHRATE_KEY);
    if (!raw) return undefined;
    const v = JSON.parse(raw) as { hashrate?: unknown; threads?: unknown; date?: unknown };
    if (typeof v.hashrate !== 'number' || !(v.hashrate > 0) || !Number.isFinite(v.hashrate)) return undefined;
    return { hashrate: v.hashrate, threads: typeof v.threads === 'number' ? v.threads : 1, date: typeof v.date === 'string' ? v.date : '' };
  } catch {
    return undefined;
  }
}

/** Writes a hashrate into a value field and its unit select, in the largest unit below it. */
function setHashrate(fields: Fields, root: HTMLElement, id: string, hashrate: number): void {
  const unit = find<HTMLSelectElement>(root, `${id}-unit`);
  let power = 0;
  while (power < 6 && hashrate >= 1000 ** (power + 1)) power++;
  unit.value = String(1000 ** power);
  fields.input(id).value = String(Number((hashrate / 1000 ** power).toPrecision(6)));
}

export function mountPoolsView(root: HTMLElement): void {
  root.innerHTML = TEMPLATE;
  const fields = new Fields(root);
  for (const id of ['pl-hashrate', 'pl-pool', 'pf-hashrate', 'pf-pool']) find<HTMLSelectElement>(root, `${id}-unit`).value = String(id.endsWith('pool') ? 1e18 : 1e12);

  // Scheme explanations.
  const dl = find(root, 'pl-explanations');
  for (const id of SCHEME_IDS) {
    const dt = document.createElement('dt');
    dt.textContent = SCHEMES[id].name;
    const dd = document.createElement('dd');
    dd.textContent = SCHEMES[id].explanation;
    dl.append(dt, dd);
  }

  // The measured hashrate from the Benchmark screen, if any.
  const measured = readMeasured();
  if (measured) {
    find(root, 'pl-measured').hidden = false;
    find(root, 'pl-measured-note').textContent = `${measured.hashrate.toLocaleString('en', { maximumFractionDigits: 0 })} H/s on ${measured.threads} thread${measured.threads === 1 ? '' : 's'}${measured.date ? `, measured ${measured.date.slice(0, 10)}` : ''}`;
    find(root, 'pl-use-measured').addEventListener('click', () => setHashrate(fields, root, 'pl-hashrate', measured.hashrate));
  }

  mountSchemes(root, fields);
  mountHopping(root, fields);
  mountProfit(root, fields, measured);
}

function mountSchemes(root: HTMLElement, fields: Fields): void {
  const run = find<HTMLButtonElement>(root, 'pl-run');
  const cancel = find<HTMLButtonElement>(root, 'pl-cancel');
  const progress = find<HTMLProgressElement>(root, 'pl-progress');
  const status = find(root, 'pl-status');
  const table = find(root, 'pl-results');
  const body = find(root, 'pl-results-body');
  const chartsBox = find(root, 'pl-charts');
  const extra = find(root, 'pl-extra');
  const ids = ['pl-hashrate', 'pl-pool', 'pl-difficulty', 'pl-subsidy', 'pl-fees', 'pl-fee', 'pl-share', 'pl-window', 'pl-score-decay', 'pl-days', 'pl-trials', 'pl-seed', 'pl-reserves'];
  const operatorLine = find(root, 'pl-operator');
  let charts: Chart[] = [];
  let controller: AbortController | undefined;

  const setRunning = (running: boolean) => {
    run.disabled = running;
    cancel.disabled = !running;
    progress.hidden = !running;
    progress.value = 0;
    table.dataset['state'] = running ? 'running' : table.dataset['state'] === 'running' ? 'idle' : (table.dataset['state'] ?? 'idle');
  };

  const show = (results: SchemeResult[]) => {
    for (const c of charts) c.destroy();
    charts = [];
    body.replaceChildren();
    chartsBox.replaceChildren();
    for (const r of results) {
      const e = r.earnings;
      const a = r.analytic;
      const row = document.createElement('tr');
      row.setAttribute('data-testid', `pl-row-${r.scheme}`);
      cell(row, SCHEMES[r.scheme].name.replace(/ \(.*\)$/, ''), true);
      cell(row, `${coins(e.mean)} (${coins(a.mean)})`);
      cell(row, `${coins(e.stdev)} (${coins(a.stdev)})`);
      cell(row, `${percent(e.pZero)} (${percent(a.pZero)})`);
      cell(row, coins(e.p10));
      cell(row, coins(e.median));
      cell(row, coins(e.p90));
      cell(row, r.firstPayout.medianSeconds === null ? 'none in the period' : `${duration(r.firstPayout.medianSeconds)} (${percent(r.firstPayout.pWithinPeriod)} paid)`);
      body.append(row);

      const figure = document.createElement('figure');
      figure.className = 'pl-chart';
      const caption = document.createElement('figcaption');
      caption.textContent = `${SCHEMES[r.scheme].name}: earnings over the period in ${r.trials.toLocaleString('en')} trials`;
      const box = document.createElement('div');
      box.className = 'pl-chart-box';
      const canvas = document.createElement('canvas');
      canvas.setAttribute('data-testid', `pl-chart-${r.scheme}`);
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', `Histogram of ${SCHEMES[r.scheme].name} earnings`);
      box.append(canvas);
      figure.append(caption, box);
      chartsBox.append(figure);
      charts.push(histogramChart(canvas, SCHEMES[r.scheme].name, e.histogram, r.trials, coins, COLORS[r.scheme]));
    }
    const pps = results.find((r) => r.scheme === 'pps')?.analytic;
    const pplns = results.find((r) => r.scheme === 'pplns')?.analytic;
    const score = results.find((r) => r.scheme === 'score')?.analytic;
    const notes: string[] = [];
    if (pps && pps['reservesForDelta0001'] !== null && pps['reservesForDelta0001'] !== undefined) {
      notes.push(`A PPS operator charging this fee needs about ${coins(pps['reservesForDelta0001'])} coins of reserves to keep its chance of ever going bankrupt under 0.1% (R = B ln(1/δ) / 2f).`);
    }
    if (pplns) {
      notes.push(`PPLNS pays a share on average ${duration(pplns['maturitySeconds'] ?? NaN)} after it is submitted; ${percent(pplns['neverPaidFraction'] ?? 0)} of shares are never paid (others are paid more than once).`);
    }
    if (score) {
      notes.push(`SCORE's decay of ${score['scoreDecay']} × D is ${duration(score['decaySeconds'] ?? NaN)} of this pool's mining (Slush's c); a share submitted late in a round is worth ${percent(score['lateShareValue'] ?? 0)} of a fair one, and the first ${percent(score['hoppingThreshold'] ?? 0)} of D shares of a round are worth more.`);
    }
    extra.textContent = notes.join(' ');
  };

  // The PPS operator's side: its balance over the period, a few thousand trials, after the schemes.
  const showOperator = (v: { poolHashrate: number; difficulty: number; subsidy: number; fees: number; poolFee: number; days: number; reserves: number; seed: number }) => {
    operatorLine.textContent = 'Simulating the PPS operator…';
    const blocks = (v.poolHashrate * v.days * 86_400) / (2 ** 32 * v.difficulty);
    const trials = Math.max(1, Math.min(2000, Math.floor(2e7 / Math.max(1, blocks))));
    runOperator({ poolHashrate: v.poolHashrate, difficulty: v.difficulty, subsidy: v.subsidy, fees: v.fees, poolFee: v.poolFee, paysFees: false, reserves: v.reserves, seconds: v.days * 86_400, trials, seed: v.seed }).then(
      (r) => {
        operatorLine.dataset['ruin'] = String(r.ruin);
        operatorLine.textContent =
          `A PPS operator starting with ${coins(v.reserves)} coins went bankrupt during the period in ${percent(r.ruin)} of ${trials.toLocaleString('en')} trials and ended with ${coins(r.balance.median)} coins (median; p10 ${coins(r.balance.p10)}). ` +
          `Chance of ruin ever: ${percent(r.analytic.ruinExact)} (Rosenfeld's e^(−2fR/B): ${percent(r.analytic.ruinRosenfeld)}).`;
      },
      (error: unknown) => {
        operatorLine.textContent = isInputError(error) ? `PPS operator: ${error.message}` : String(error);
      },
    );
  };

  run.addEventListener('click', () => {
    fields.clear(ids);
    operatorLine.textContent = '';
    const values = {
      hashrate: fields.number('pl-hashrate', Number.MIN_VALUE),
      poolHashrate: fields.number('pl-pool', Number.MIN_VALUE),
      difficulty: fields.number('pl-difficulty', Number.MIN_VALUE),
      subsidy: fields.number('pl-subsidy', 0),
      fees: fields.number('pl-fees', 0),
      poolFee: fields.number('pl-fee', 0, 100, 0.01),
      shareDifficulty: fields.number('pl-share', Number.MIN_VALUE),
      windowFactor: fields.number('pl-window', Number.MIN_VALUE),
      scoreDecay: fields.number('pl-score-decay', Number.MIN_VALUE, 1000),
      days: fields.number('pl-days', Number.MIN_VALUE, 3653),
      trials: fields.integer('pl-trials', 1, 1_000_000),
      seed: fields.integer('pl-seed', 0, 2 ** 32 - 1),
      reserves: fields.number('pl-reserves', 0),
    };
    if (Object.values(values).some((v) => v === undefined)) {
      status.textContent = 'Fix the marked fields.';
      return;
    }
    const v = values as { [K in keyof typeof values]: number };
    controller = new AbortController();
    setRunning(true);
    status.textContent = 'Simulating…';
    const started = performance.now();
    comparePayouts(
      { ...v, seconds: v.days * 86_400 },
      SCHEME_IDS,
      { hashrate: 'pl-hashrate', poolHashrate: 'pl-pool', difficulty: 'pl-difficulty', subsidy: 'pl-subsidy', fees: 'pl-fees', poolFee: 'pl-fee', shareDifficulty: 'pl-share', windowFactor: 'pl-window', scoreDecay: 'pl-score-decay', seconds: 'pl-days', trials: 'pl-trials', seed: 'pl-seed' },
      { signal: controller.signal, onProgress: (f) => (progress.value = f) },
    ).then(
      (results) => {
        setRunning(false);
        show(results);
        table.dataset['state'] = 'done';
        status.textContent = `Done in ${((performance.now() - started) / 1000).toFixed(1)} s.`;
        showOperator(v);
      },
      (error: unknown) => {
        setRunning(false);
        if (isAbortError(error)) {
          table.dataset['state'] = 'cancelled';
          status.textContent = 'Cancelled.';
        } else if (isInputError(error)) {
          table.dataset['state'] = 'error';
          fields.setError(error.field, error.message.slice(error.field.length + 2));
          status.textContent = 'Fix the marked fields.';
        } else {
          table.dataset['state'] = 'error';
          status.textContent = error instanceof Error ? error.message : String(error);
        }
      },
    );
  });
  cancel.addEventListener('click', () => controller?.abort());
}

function mountHopping(root: HTMLElement, fields: Fields): void {
  const run = find<HTMLButtonElement>(root, 'pl-hop-run');
  const status = find(root, 'pl-hop-status');
  const table = find(root, 'pl-hop-results');
  const body = find(root, 'pl-hop-body');
  const canvas = find<HTMLCanvasElement>(root, 'pl-hop-chart');
  let chart: Chart | undefined;
  run.addEventListener('click', () => {
    const threshold = fields.number('pl-hop-threshold', 0.01, 10);
    const hopperFraction = fields.number('pl-hop-size', 0.001, 100);
    const rounds = fields.integer('pl-hop-rounds', 100, 5_000_000);
    const scoreDecay = fields.number('pl-hop-decay', 0.001, 1000);
    if (threshold === undefined || hopperFraction === undefined || rounds === undefined || scoreDecay === undefined) {
      status.textContent = 'Fix the marked fields.';
      return;
    }
    run.disabled = true;
    status.textContent = 'Running…';
    table.dataset['state'] = 'running';
    runHopping({ threshold, hopperFraction, windowFactor: 1, scoreDecay, rounds, seed: 1 }).then(
      (r) => {
        run.disabled = false;
        body.replaceChildren();
        for (const [name, e] of [['PROP', r.prop], ['PPLNS (N = D)', r.pplns], ['PPS', r.pps], [`SCORE (r = ${r.analytic.scoreDecay} D)`, r.score]] as const) {
          const row = document.createElement('tr');
          cell(row, name, true);
          cell(row, e.hopper.toFixed(3));
          cell(row, e.steady.toFixed(3));
          body.append(row);
        }
        status.textContent = `Formulas: a hopper earns ${r.analytic.propHopper.toFixed(3)}× a fair share under PROP, ${r.analytic.scoreHopper.toFixed(3)}× under SCORE.`;
        table.dataset['state'] = 'done';
        chart?.destroy();
        chart = shareValueChart(canvas, r.shareValueCurve, r.analytic.breakEvenThreshold);
      },
      (error: unknown) => {
        run.disabled = false;
        table.dataset['state'] = 'error';
        status.textContent = error instanceof Error ? error.message : String(error);
      },
    );
  });
}

function mountProfit(root: HTMLElement, fields: Fields, measured: { hashrate: number; threads: number; date: string } | undefined): void {
  const ids = ['pf-hashrate', 'pf-watts', 'pf-electricity', 'pf-price', 'pf-difficulty', 'pf-subsidy', 'pf-fees', 'pf-pool-fee', 'pf-cost', 'pf-growth', 'pf-halving'];
  const deviceSelect = find<HTMLSelectElement>(root, 'pf-device');
  const devices: DeviceProfile[] = [...(measured ? [measuredDevice(measured.hashrate, 65, measured.threads, measured.date)] : []), ...DEVICES];
  for (const d of devices) {
    const option = document.createElement('option');
    option.value = d.id;
    option.textContent = d.name;
    deviceSelect.append(option);
  }
  const custom = document.createElement('option');
  custom.value = 'custom';
  custom.textContent = 'Custom (type your own)';
  deviceSelect.append(custom);
  deviceSelect.value = 's21';
  const today = new Date().toISOString().slice(0, 10);
  fields.input('pf-halving').value = String(blocksToNextHalving(estimateHeight(today)));
  fields.input('pf-ledger-start').value = today;
  find(root, 'pf-yields-note').textContent = `Typical published staking yields a year (ranges as published, not a forecast; staking has lock-up and slashing risk): ${TYPICAL_STAKING_YIELDS.map((y) => `${y.coin} ${Math.round(y.low * 100)}–${Math.round(y.high * 100)}%`).join(', ')}.`;
  const schemeSelect = find<HTMLSelectElement>(root, 'pf-scheme');
  for (const id of SCHEME_IDS) {
    const option = document.createElement('option');
    option.value = id;
    option.textContent = SCHEMES[id].name;
    schemeSelect.append(option);
  }
  schemeSelect.value = 'solo';

  const out = (id: string, text: string) => (find(root, id).textContent = text);
  const results = find(root, 'pf-results');
  let current: ProfitInput | undefined;
  let csvUrl: string | undefined;

  const readInput = (): ProfitInput | undefined => {
    fields.clear(ids);
    const halvingText = fields.input('pf-halving').value.trim();
    const v = {
      hashrate: fields.number('pf-hashrate', Number.MIN_VALUE),
      watts: fields.number('pf-watts', 0),
      electricity: fields.number('pf-electricity', 0),
      price: fields.number('pf-price', 0),
      difficulty: fields.number('pf-difficulty', Number.MIN_VALUE),
      subsidy: fields.number('pf-subsidy', 0),
      fees: fields.number('pf-fees', 0),
      poolFee: fields.number('pf-pool-fee', 0, 100, 0.01),
      hardwareCost: fields.number('pf-cost', 0),
      difficultyGrowth: fields.number('pf-growth', -99, 1000, 0.01),
      blocksToHalving: halvingText === '' ? Infinity : fields.integer('pf-halving', 0, 10_000_000),
    };
    if (Object.values(v).some((x) => x === undefined)) return undefined;
    try {
      return normalizeProfitInput(v as ProfitInput, PROFIT_NAMES);
    } catch (error) {
      if (isInputError(error)) fields.setError(error.field, error.message.slice(error.field.length + 2));
      return undefined;
    }
  };

  const update = () => {
    current = readInput();
    if (!current) {
      results.dataset['state'] = 'error';
      return;
    }
    const r = profitReport(current);
    out('pf-coins', coins(r.coinsPerDay));
    out('pf-revenue', money(r.revenuePerDay));
    out('pf-power', money(r.electricityPerDay));
    out('pf-profit', money(r.profitPerDay));
    out('pf-hashprice', `${Number(r.hashprice.toPrecision(3))} (${coins(r.hashpriceCoins)} coins)`);
    out('pf-efficiency', `${r.efficiency < 1000 ? r.efficiency.toFixed(1) : r.efficiency.toExponential(2)} J/TH`);
    out('pf-breakeven', r.breakEvenDays === null ? 'never (within ten years)' : r.breakEvenDays === 0 ? 'at once (no hardware cost)' : `${r.breakEvenDays.toFixed(0)} days (${new Date(Date.now() + r.breakEvenDays * 86_400_000).toISOString().slice(0, 10)})`);
    out('pf-roi', r.roi.oneYear === null ? '—' : [r.roi.oneYear, r.roi.twoYears, r.roi.threeYears].map((x) => `${((x ?? 0) * 100).toFixed(0)}%`).join(' / '));
    results.dataset['state'] = 'ready';
    updateStaking(current);
    updateCloud(current);
    updateLedger(current);
  };

  const updateStaking = (input: ProfitInput) => {
    const body = find(root, 'pf-staking-body');
    body.replaceChildren();
    const y = fields.number('pf-yield', -99, 1000, 0.01);
    if (y === undefined) return;
    for (const years of [1, 2, 3]) {
      const c = compareWithStaking(input, 365 * years, y);
      const row = document.createElement('tr');
      cell(row, `${years} year${years === 1 ? '' : 's'}`, true);
      cell(row, money(c.mining));
      cell(row, money(c.staking));
      cell(row, money(c.holding));
      body.append(row);
    }
  };

  const updateCloud = (input: ProfitInput) => {
    const price = fields.number('pf-cloud-price', 0, MAX_AMOUNT);
    const maint = fields.number('pf-cloud-maint', 0, MAX_AMOUNT);
    const days = fields.integer('pf-cloud-days', 1, 3650);
    const target = find(root, 'pf-cloud');
    if (price === undefined || maint === undefined || days === undefined) {
      target.textContent = '';
      return;
    }
    const c = evaluateCloudContract(input, { terahash: input.hashrate / 1e12, pricePerTHDay: price, maintenancePerTHDay: maint, days });
    target.textContent =
      `For the same ${(input.hashrate / 1e12).toPrecision(4)} TH/s over ${days} days: the contract costs ${money(c.cloud.upfront)} up front plus ${money(c.cloud.maintenance)} maintenance and earns ${money(c.cloud.revenue)}, net ${money(c.cloud.net)}; ` +
      `owning costs ${money(c.owning.hardware)} plus ${money(c.owning.electricity)} of power and earns ${money(c.owning.revenue)}, net ${money(c.owning.net)}. ` +
      `The contract breaks even at ${c.cloud.breakEvenPricePerTHDay.toPrecision(3)} per TH/s per day; ${c.cloud.net > c.owning.net ? 'here the contract comes out ahead.' : 'here owning comes out ahead.'}`;
  };

  const updateLedger = (input: ProfitInput) => {
    const start = fields.input('pf-ledger-start').value.trim();
    const days = fields.integer('pf-ledger-days', 1, 3660);
    const pre = find(root, 'pf-ledger-csv');
    const link = find<HTMLAnchorElement>(root, 'pf-ledger-download');
    if (days === undefined) return;
    try {
      const csv = ledgerCsv(ledger(input, start, days));
      fields.setError('pf-ledger-start', '');
      const lines = csv.split('\n');
      pre.textContent = lines.length > 9 ? `${lines.slice(0, 8).join('\n')}\n… (${days} days in the file)` : csv;
      if (csvUrl) URL.revokeObjectURL(csvUrl);
      csvUrl = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
      link.href = csvUrl;
    } catch (error) {
      const noSuchDay = isInputError(error) && /no such day/.test(error.message);
      fields.setError('pf-ledger-start', noSuchDay ? `There is no ${start}: that month is shorter.` : isInputError(error) ? 'Enter a date as YYYY-MM-DD.' : String(error));
    }
  };

  deviceSelect.addEventListener('change', () => {
    const d = devices.find((x) => x.id === deviceSelect.value);
    const source = find(root, 'pf-device-source');
    if (!d) {
      source.textContent = 'Type the hashrate and power of your device.';
      return;
    }
    setHashrate(fields, root, 'pf-hashrate', d.hashrate);
    fields.input('pf-watts').value = d.watts === null ? '' : String(d.watts);
    const eff = efficiencyJPerTH(d);
    source.textContent = `Source: ${d.source} (confidence ${d.confidence})${d.note ? `; ${d.note}` : ''}${eff === null ? '' : `; ${eff < 1000 ? eff.toFixed(1) : eff.toExponential(2)} J/TH`}.`;
    update();
  });
  deviceSelect.dispatchEvent(new Event('change'));
  root.querySelector('[data-testid="pf-panel"]')!.addEventListener('input', (event) => {
    const target = event.target as HTMLElement;
    if (target === deviceSelect || target === schemeSelect) return;
    if (target.dataset['testid'] === 'pf-hashrate' || target.dataset['testid'] === 'pf-watts') deviceSelect.value = 'custom';
    update();
  });

  const luckRun = find<HTMLButtonElement>(root, 'pf-luck-run');
  const luckStatus = find(root, 'pf-luck-status');
  const luckTable = find(root, 'pf-luck');
  luckRun.addEventListener('click', () => {
    update();
    const pool = fields.number('pf-pool', Number.MIN_VALUE);
    if (!current || pool === undefined) {
      luckStatus.textContent = 'Fix the marked fields.';
      return;
    }
    const scheme = schemeSelect.value as SchemeId;
    if ((scheme === 'prop' || scheme === 'pplns' || scheme === 'score') && pool < current.hashrate) {
      fields.setError('pf-pool', 'The pool cannot be smaller than your own hashrate.');
      return;
    }
    luckRun.disabled = true;
    luckStatus.textContent = 'Simulating…';
    luckTable.dataset['state'] = 'running';
    const horizons = [365, 730, 1095];
    runBreakEven(current, horizons.map((days) => ({ scheme, poolHashrate: pool, days, trials: 20_000, seed: 1 }))).then(
      (rows) => {
        luckRun.disabled = false;
        const body = find(root, 'pf-luck-body');
        body.replaceChildren();
        rows.forEach((r, i) => {
          const row = document.createElement('tr');
          cell(row, `${horizons[i]! / 365} year${i === 0 ? '' : 's'}`, true);
          cell(row, percent(r.probability));
          cell(row, r.expected ? 'broken even' : 'not yet');
          cell(row, `${money(r.p10)} / ${money(r.median)} / ${money(r.p90)}`);
          body.append(row);
        });
        luckStatus.textContent = `${SCHEMES[scheme].name}, 20,000 trials.`;
        luckTable.dataset['state'] = 'done';
      },
      (error: unknown) => {
        luckRun.disabled = false;
        luckTable.dataset['state'] = 'error';
        luckStatus.textContent = error instanceof Error ? error.message : String(error);
      },
    );
  });
}
