// Mining or staking the same money: what the hardware money would have made staked at a yield, or
// held as coins, against what the rig of the profit form makes after one, two and three years.
import { compareWithStaking, TYPICAL_STAKING_YIELDS, type ProfitInput } from '../../../sim/profitability.js';
import { cell, find, h } from '../../shared/dom.js';
import type { Fields } from '../../shared/fields.js';
import { formatMoney, plural } from '../../shared/format.js';
import { decimal } from './parsers.js';
import { followProfit, type ProfitListener } from './profit-panel.js';

const YEARS = [1, 2, 3];

const yieldsNote = () =>
  `Typical published staking yields a year (ranges as published, not a forecast; staking has lock-up and slashing risk): ${TYPICAL_STAKING_YIELDS.map((y) => `${y.coin} ${Math.round(y.low * 100)}–${Math.round(y.high * 100)}%`).join(', ')}.`;

export function mountStakingPanel(root: HTMLElement, fields: Fields): ProfitListener {
  const body = find(root, 'pf-staking-body');
  find(root, 'pf-yields-note').textContent = yieldsNote();

  const draw = (input: ProfitInput) => {
    body.replaceChildren();
    const stakingYield = fields.get('pf-yield').read(decimal({ min: -99, max: 1000, scale: 0.01 }));
    if (stakingYield === undefined) return;
    for (const years of YEARS) {
      const c = compareWithStaking(input, 365 * years, stakingYield);
      const row = h('tr');
      cell(row, plural(years, 'year', 'years'), true);
      for (const amount of [c.mining, c.staking, c.holding]) cell(row, formatMoney(amount)).classList.add('num');
      body.append(row);
    }
  };
  return followProfit(find(root, 'pf-staking-panel'), draw);
}
