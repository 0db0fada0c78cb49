// Profitability: a rig's coins, revenue, electricity and profit a day, hashprice, efficiency,
// break-even and ROI, recomputed as the learner types. The arithmetic is sim/profitability.ts; the
// panels below it (luck, staking, cloud, ledger) take the same input through `onInput`.
import { blocksToNextHalving, estimateHeight, normalizeProfitInput, profitReport, type ProfitFieldNames, type ProfitInput } from '../../../sim/profitability.js';
import { isInputError } from '../../../model/validate.js';
import { find } from '../../shared/dom.js';
import type { Fields } from '../../shared/fields.js';
import { DASH, formatCoins, formatCount, formatMoney, formatPercent, sig } from '../../shared/format.js';
import type { MeasuredHashrate } from '../../shared/measured-hashrate.js';
import { DevicePicker, formatEfficiency } from './device-picker.js';
import { readHashrate } from './hashrate-field.js';
import { ABOVE_ZERO, decimalField, modelWords, readAll, whole } from './parsers.js';

/** The model's name of each input → the test id of its field. */
const NAMES: ProfitFieldNames = {
  hashrate: 'pf-hashrate',
  watts: 'pf-watts',
  electricity: 'pf-electricity',
  difficulty: 'pf-difficulty',
  subsidy: 'pf-subsidy',
  fees: 'pf-fees',
  price: 'pf-price',
  poolFee: 'pf-pool-fee',
  hardwareCost: 'pf-cost',
  difficultyGrowth: 'pf-growth',
  blocksToHalving: 'pf-halving',
};

const DAY_MS = 86_400_000;

/** An empty halving field means no halving ahead. */
const blocksToHalving = (text: string) => (text === '' ? Infinity : whole(0, 10_000_000)(text));

function breakEven(days: number | null): string {
  if (days === null) return 'never (within ten years)';
  if (days === 0) return 'at once (no hardware cost)';
  return `${formatCount(Math.round(days))} days (${new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10)})`;
}

/** Takes each input read from the profit form: undefined while one of its fields is refused. */
export type ProfitListener = (input: ProfitInput | undefined) => void;

/**
 * A panel drawn from the profit form's input and fields of its own: drawn again when either changes,
 * left as it is while the profit form holds a refused field.
 */
export function followProfit(section: HTMLElement, draw: (input: ProfitInput) => void): ProfitListener {
  let last: ProfitInput | undefined;
  section.addEventListener('input', () => {
    if (last) draw(last);
  });
  return (input) => {
    last = input;
    if (input) draw(input);
  };
}

export class ProfitPanel {
  private readonly results: HTMLElement;
  private readonly picker: DevicePicker;

  constructor(
    private readonly root: HTMLElement,
    private readonly fields: Fields,
    measured: MeasuredHashrate | undefined,
    private readonly onInput: ProfitListener,
  ) {
    this.results = find(root, 'pf-results');
    this.picker = new DevicePicker(root, fields, measured, () => this.update());
    fields.get('pf-halving').value = String(blocksToNextHalving(estimateHeight(new Date().toISOString().slice(0, 10))));
    find(root, 'pf-panel').addEventListener('input', (event) => {
      const target = event.target;
      if (target === this.picker.select) return; // its change event writes the figures
      if (target === fields.get('pf-hashrate').input || target === fields.get('pf-watts').input) this.picker.markCustom();
      this.update();
    });
    this.picker.pick();
  }

  /** Reads the form and shows the figures: the input, or undefined with the bad fields marked. */
  update(): ProfitInput | undefined {
    const input = this.read();
    if (input) this.show(input);
    else this.results.dataset['state'] = 'error';
    this.onInput(input);
    return input;
  }

  private read(): ProfitInput | undefined {
    const fields = this.fields;
    const v = readAll({
      hashrate: () => readHashrate(fields, 'pf-hashrate'),
      watts: decimalField(fields, 'pf-watts', { min: 0 }),
      electricity: decimalField(fields, 'pf-electricity', { min: 0 }),
      price: decimalField(fields, 'pf-price', { min: 0 }),
      difficulty: decimalField(fields, 'pf-difficulty', { min: ABOVE_ZERO }),
      subsidy: decimalField(fields, 'pf-subsidy', { min: 0 }),
      fees: decimalField(fields, 'pf-fees', { min: 0 }),
      poolFee: decimalField(fields, 'pf-pool-fee', { min: 0, max: 100, scale: 0.01 }),
      hardwareCost: decimalField(fields, 'pf-cost', { min: 0 }),
      difficultyGrowth: decimalField(fields, 'pf-growth', { min: -99, max: 1000, scale: 0.01 }),
      blocksToHalving: () => fields.get('pf-halving').read(blocksToHalving),
    });
    if (!v) return undefined;
    try {
      // What one field cannot say alone: amounts that would overflow, a difficulty no target can express.
      return normalizeProfitInput(v, NAMES);
    } catch (error) {
      if (!isInputError(error)) throw error;
      fields.place(error, modelWords);
      return undefined;
    }
  }

  private show(input: ProfitInput): void {
    const r = profitReport(input);
    const out = (id: string, text: string) => (find(this.root, id).textContent = text);
    out('pf-coins', formatCoins(r.coinsPerDay));
    out('pf-revenue', formatMoney(r.revenuePerDay));
    out('pf-power', formatMoney(r.electricityPerDay));
    out('pf-profit', formatMoney(r.profitPerDay));
    out('pf-hashprice', `${sig(r.hashprice)} (${formatCoins(r.hashpriceCoins)} coins)`);
    out('pf-efficiency', formatEfficiency(r.efficiency));
    out('pf-breakeven', breakEven(r.breakEvenDays));
    // No hardware cost, no return on it to speak of.
    out('pf-roi', r.roi.oneYear === null ? DASH : [r.roi.oneYear, r.roi.twoYears, r.roi.threeYears].map((x) => formatPercent(x ?? 0, 0)).join(' / '));
    this.results.dataset['state'] = 'ready';
  }
}
