// Payout schemes side by side: the form, a run of every scheme in the payouts worker (progress,
// cancel), then the results and the PPS operator's side. The form marks every field it can judge
// alone at once; what needs the whole input (a pool smaller than its miner, a difficulty no target
// can express, too much work) the worker checks, and its InputError lands beside the field it names.
import { comparePayouts } from '../../../engine/tasks/payouts-service.js';
import { SCHEME_IDS } from '../../../sim/payouts/index.js';
import type { FieldNames } from '../../../sim/payouts/model.js';
import { errorText, find } from '../../shared/dom.js';
import type { Fields } from '../../shared/fields.js';
import { formatCount, formatDuration, plural } from '../../shared/format.js';
import { showIfCancelled, TaskControls } from '../../shared/task-controls.js';
import type { MeasuredHashrate } from '../../shared/measured-hashrate.js';
import { readHashrate, writeHashrate } from './hashrate-field.js';
import { OperatorPanel } from './operator-panel.js';
import { ABOVE_ZERO, decimalField, modelWords, readAll, wholeField } from './parsers.js';
import { PayoutResults } from './payout-results.js';

/** The model's name of each input → the test id of its field, so the worker's errors name fields. */
const NAMES: FieldNames = {
  hashrate: 'pl-hashrate',
  poolHashrate: 'pl-pool',
  difficulty: 'pl-difficulty',
  subsidy: 'pl-subsidy',
  fees: 'pl-fees',
  poolFee: 'pl-fee',
  shareDifficulty: 'pl-share',
  windowFactor: 'pl-window',
  scoreDecay: 'pl-score-decay',
  seconds: 'pl-days',
  trials: 'pl-trials',
  seed: 'pl-seed',
};

function readForm(fields: Fields) {
  return readAll({
    hashrate: () => readHashrate(fields, 'pl-hashrate'),
    poolHashrate: () => readHashrate(fields, 'pl-pool'),
    difficulty: decimalField(fields, 'pl-difficulty', { min: ABOVE_ZERO }),
    subsidy: decimalField(fields, 'pl-subsidy', { min: 0 }),
    fees: decimalField(fields, 'pl-fees', { min: 0 }),
    poolFee: decimalField(fields, 'pl-fee', { min: 0, max: 100, scale: 0.01 }),
    shareDifficulty: decimalField(fields, 'pl-share', { min: ABOVE_ZERO }),
    windowFactor: decimalField(fields, 'pl-window', { min: ABOVE_ZERO }),
    scoreDecay: decimalField(fields, 'pl-score-decay', { min: ABOVE_ZERO, max: 1000 }),
    days: decimalField(fields, 'pl-days', { min: ABOVE_ZERO, max: 3653 }),
    trials: wholeField(fields, 'pl-trials', 1, 1_000_000),
    seed: wholeField(fields, 'pl-seed', 0, 2 ** 32 - 1),
    reserves: decimalField(fields, 'pl-reserves', { min: 0 }),
  });
}

/** Offers the hashrate this browser measured on the Benchmark screen as "your hashrate". */
function offerMeasured(root: HTMLElement, fields: Fields, measured: MeasuredHashrate): void {
  const { hashrate, threads, date } = measured;
  find(root, 'pl-measured').hidden = false;
  find(root, 'pl-measured-note').textContent = `${formatCount(Math.round(hashrate))} H/s on ${plural(threads, 'thread', 'threads')}${date ? `, measured ${date.slice(0, 10)}` : ''}`;
  find(root, 'pl-use-measured').addEventListener('click', () => writeHashrate(fields, 'pl-hashrate', hashrate));
}

export function mountPayoutsPanel(root: HTMLElement, fields: Fields, measured: MeasuredHashrate | undefined): void {
  if (measured) offerMeasured(root, fields, measured);
  const run = find<HTMLButtonElement>(root, 'pl-run');
  const controls = new TaskControls(root, { start: 'pl-run', cancel: 'pl-cancel', progress: 'pl-progress' });
  const status = find(root, 'pl-status');
  const table = find(root, 'pl-results');
  const results = new PayoutResults(root);
  const operator = new OperatorPanel(root);

  run.addEventListener('click', () => {
    operator.clear();
    const form = readForm(fields);
    if (!form) {
      status.textContent = 'Fix the marked fields.';
      return;
    }
    const { days, reserves, ...payout } = form; // the reserves are the PPS operator’s alone
    const task = controls.begin();
    table.dataset['state'] = 'running';
    status.textContent = 'Simulating…';
    const started = performance.now();
    comparePayouts({ ...payout, seconds: days * 86_400 }, SCHEME_IDS, NAMES, task).then(
      (list) => {
        task.end();
        results.show(list);
        table.dataset['state'] = 'done';
        status.textContent = `Done in ${formatDuration((performance.now() - started) / 1000)}.`;
        operator.run({ ...payout, days, reserves });
      },
      (error: unknown) => {
        task.end();
        if (showIfCancelled(error, table, status)) return;
        table.dataset['state'] = 'error';
        status.textContent = fields.place(error, modelWords) ? 'Fix the marked fields.' : errorText(error);
      },
    );
  });
}
