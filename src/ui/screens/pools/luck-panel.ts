// Luck: the chance that the rig of the profit form has broken even after one, two and three years
// under a payout scheme, from trials in the payouts worker. The expected figures assume average
// luck; solo, a block may come early or never.
import { runBreakEven } from '../../../engine/tasks/payouts-service.js';
import { isInputError } from '../../../model/validate.js';
import { SCHEME_IDS, SCHEMES, type SchemeId } from '../../../sim/payouts/index.js';
import type { LuckResult, ProfitInput } from '../../../sim/profitability.js';
import { cell, errorText, find, h } from '../../shared/dom.js';
import type { Fields } from '../../shared/fields.js';
import { formatCount, formatMoney, formatPercentClamped, plural } from '../../shared/format.js';
import { showIfCancelled, TaskControls } from '../../shared/task-controls.js';
import { readHashrate } from './hashrate-field.js';

const HORIZON_DAYS = [365, 730, 1095];
const TRIALS = 20_000;

function luckRow(days: number, r: LuckResult): HTMLTableRowElement {
  const row = h('tr');
  cell(row, plural(days / 365, 'year', 'years'), true);
  const figures = [formatPercentClamped(r.probability), r.expected ? 'broken even' : 'not yet', `${formatMoney(r.p10)} / ${formatMoney(r.median)} / ${formatMoney(r.p90)}`];
  for (const text of figures) cell(row, text).classList.add('num');
  return row;
}

/** `currentInput` reads the profit form again (its fields marked when refused). */
export function mountLuckPanel(root: HTMLElement, fields: Fields, currentInput: () => ProfitInput | undefined): void {
  const scheme = find<HTMLSelectElement>(root, 'pf-scheme');
  const run = find<HTMLButtonElement>(root, 'pf-luck-run');
  const status = find(root, 'pf-luck-status');
  const table = find(root, 'pf-luck');
  const body = find(root, 'pf-luck-body');
  scheme.append(...SCHEME_IDS.map((id) => h('option', { text: SCHEMES[id].name, attrs: { value: id } })));
  scheme.value = 'solo';

  const controls = new TaskControls(root, { start: 'pf-luck-run', cancel: 'pf-luck-cancel', progress: 'pf-luck-progress' });
  run.addEventListener('click', () => {
    const input = currentInput();
    const pool = readHashrate(fields, 'pf-pool');
    if (!input || pool === undefined) {
      status.textContent = 'Fix the marked fields.';
      return;
    }
    const id = scheme.value as SchemeId;
    const task = controls.begin();
    status.textContent = 'Simulating…';
    table.dataset['state'] = 'running';
    runBreakEven(input, HORIZON_DAYS.map((days) => ({ scheme: id, poolHashrate: pool, days, trials: TRIALS, seed: 1 })), task).then(
      (rows) => {
        task.end();
        body.replaceChildren(...rows.map((r, i) => luckRow(HORIZON_DAYS[i]!, r)));
        status.textContent = `${SCHEMES[id].name}, ${formatCount(TRIALS)} trials.`;
        table.dataset['state'] = 'done';
      },
      (error: unknown) => {
        task.end();
        if (showIfCancelled(error, table, status)) return;
        table.dataset['state'] = 'error';
        // The worker refuses a pool smaller than the miner in it (PROP, PPLNS, SCORE share its blocks).
        if (isInputError(error) && error.field === 'poolHashrate') {
          fields.get('pf-pool').fail('The pool cannot be smaller than your own hashrate.');
          status.textContent = 'Fix the marked fields.';
        } else status.textContent = errorText(error);
      },
    );
  });
}
