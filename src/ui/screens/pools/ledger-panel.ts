// The earnings ledger: the profit form's expected coins for each day, in whole satoshis, and their
// value at its coin price, as a CSV to download (mining income is taxable in many countries).
import { isInputError } from '../../../model/validate.js';
import { ledger, ledgerCsv, type ProfitInput } from '../../../sim/profitability.js';
import { find } from '../../shared/dom.js';
import type { Describe, Fields } from '../../shared/fields.js';
import { whole } from './parsers.js';
import { followProfit, type ProfitListener } from './profit-panel.js';

/** Lines of the CSV shown on the page; the file has them all. */
const PREVIEW_LINES = 8;

/** Date.parse would roll 30 February over into March: the model refuses it, and so do we, in words. */
const describeDate: Describe = (error, text) =>
  isInputError(error) && /no such day/.test(error.message) ? `There is no ${text}: that month is shorter.` : 'Enter a date as YYYY-MM-DD.';

export function mountLedgerPanel(root: HTMLElement, fields: Fields): ProfitListener {
  const preview = find(root, 'pf-ledger-csv');
  const download = find<HTMLAnchorElement>(root, 'pf-ledger-download');
  let csvUrl: string | undefined;
  fields.get('pf-ledger-start').value = new Date().toISOString().slice(0, 10);

  const draw = (input: ProfitInput) => {
    const days = fields.get('pf-ledger-days').read(whole(1, 3660));
    if (days === undefined) return;
    const csv = fields.get('pf-ledger-start').read((start) => ledgerCsv(ledger(input, start, days)), describeDate);
    if (csv === undefined) return;
    const lines = csv.split('\n');
    preview.textContent = lines.length > PREVIEW_LINES + 1 ? `${lines.slice(0, PREVIEW_LINES).join('\n')}\n… (${days} days in the file)` : csv;
    if (csvUrl) URL.revokeObjectURL(csvUrl);
    csvUrl = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    download.href = csvUrl;
  };
  return followProfit(find(root, 'pf-ledger-panel'), draw);
}
