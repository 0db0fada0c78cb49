// The PPS operator's side of the same pool: it pays every share at once and carries the luck, so
// with too few reserves it can go bankrupt. After each payout comparison, a few thousand trials of
// its balance over the period, beside the exact and Rosenfeld's chance of ruin ever.
import { isAbortError, runOperator } from '../../../engine/tasks/payouts-service.js';
import { isInputError } from '../../../model/validate.js';
import { errorText, find } from '../../shared/dom.js';
import { formatCoins, formatCount, formatPercentClamped } from '../../shared/format.js';
import { TaskControls } from '../../shared/task-controls.js';

export interface OperatorPool {
  poolHashrate: number;
  difficulty: number;
  subsidy: number;
  fees: number;
  poolFee: number;
  days: number;
  /** The operator's reserves at the start, coins. */
  reserves: number;
  seed: number;
}

/** About 2·10^7 simulated blocks in all, at most 2,000 trials: a moment in the worker. */
const BLOCK_BUDGET = 2e7;
const MAX_TRIALS = 2000;

export class OperatorPanel {
  private readonly line: HTMLElement;
  private readonly controls: TaskControls;
  /** Bumped by every run and clear, so a late answer to an older run is dropped. */
  private latest = 0;

  constructor(root: HTMLElement) {
    this.line = find(root, 'pl-operator');
    this.controls = new TaskControls(root, { cancel: 'pl-operator-cancel', progress: 'pl-operator-progress' });
  }

  clear(): void {
    this.latest++;
    this.controls.abort();
    this.line.textContent = '';
  }

  run(v: OperatorPool): void {
    const id = ++this.latest;
    const task = this.controls.begin();
    this.line.textContent = 'Simulating the PPS operator…';
    const seconds = v.days * 86_400;
    const blocks = (v.poolHashrate * seconds) / (2 ** 32 * v.difficulty);
    const trials = Math.max(1, Math.min(MAX_TRIALS, Math.floor(BLOCK_BUDGET / Math.max(1, blocks))));
    const { poolHashrate, difficulty, subsidy, fees, poolFee, reserves, seed } = v;
    runOperator({ poolHashrate, difficulty, subsidy, fees, poolFee, paysFees: false, reserves, seconds, trials, seed }, task).then(
      (r) => {
        task.end();
        if (id !== this.latest) return;
        this.line.dataset['ruin'] = String(r.ruin);
        this.line.textContent =
          `A PPS operator starting with ${formatCoins(reserves)} coins went bankrupt during the period in ${formatPercentClamped(r.ruin)} of ${formatCount(trials)} trials and ended with ${formatCoins(r.balance.median)} coins (median; p10 ${formatCoins(r.balance.p10)}). ` +
          `Chance of ruin ever: ${formatPercentClamped(r.analytic.ruinExact)} (Rosenfeld's e^(−2fR/B): ${formatPercentClamped(r.analytic.ruinRosenfeld)}).`;
      },
      (error: unknown) => {
        task.end();
        if (id !== this.latest) return;
        if (isAbortError(error)) {
          this.line.textContent = 'PPS operator: cancelled.';
          return;
        }
        this.line.textContent = isInputError(error) ? `PPS operator: ${error.message}` : errorText(error);
      },
    );
  }
}
