// Panel 3: solo odds of every device at a difficulty the learner sets (the bundled mainnet figure
// by default): the expected wait for a block, the chance of one within a year, and how rare a
// winning day is. The difficulty is the screen's: economics, sentences and rigs use it too.
import { deviceFigures } from '../../../sim/device-economics.js';
import { BUNDLED_DIFFICULTY } from '../../../sim/luck.js';
import { cell, find, h } from '../../shared/dom.js';
import { Field } from '../../shared/fields.js';
import { formatBigNumber, formatDuration, formatProbability, formatRate } from '../../shared/format.js';
import { amount } from './parse.js';
import { rowsToShow } from './key-devices.js';
import type { DeviceStore } from './store.js';

/** Far above any difficulty a chain will reach, low enough that every figure stays finite. */
const MAX_DIFFICULTY = 1e30;

export function mountOddsPanel(root: HTMLElement, store: DeviceStore): void {
  const panel = find(root, 'dv-odds-panel');
  const body = find(panel, 'dv-odds-body');
  const difficulty = new Field(panel, 'dv-difficulty');
  find(panel, 'dv-difficulty-hint').textContent = `Bundled: ${formatBigNumber(BUNDLED_DIFFICULTY.difficulty)}, ${BUNDLED_DIFFICULTY.source}.`;
  difficulty.value = String(BUNDLED_DIFFICULTY.difficulty);

  const read = () => {
    const d = difficulty.read(amount('difficulty', { min: 0, above: true, max: MAX_DIFFICULTY }));
    panel.dataset['state'] = d === undefined ? 'invalid' : 'ready';
    if (d !== undefined && d !== store.economics.difficulty) store.setEconomics({ ...store.economics, difficulty: d });
  };
  difficulty.input.addEventListener('input', read);
  find(panel, 'dv-difficulty-bundled').addEventListener('click', () => {
    difficulty.value = String(BUNDLED_DIFFICULTY.difficulty);
    read();
  });

  const shown = rowsToShow(panel, 'dv-odds-all', store, () => render());
  const render = () => {
    const input = store.economics;
    body.replaceChildren(
      ...shown().map((d) => {
        const f = deviceFigures(d, input);
        const row = h('tr', { attrs: { 'data-device-id': d.id } });
        cell(row, d.name, true);
        cell(row, formatRate(d.hashrate)).className = 'num';
        cell(row, formatDuration(f.expectedSecondsToBlock)).className = 'num';
        cell(row, formatProbability(f.pBlockPerYear)).className = 'num';
        cell(row, `1 in ${formatBigNumber(f.oneInNPerDay)}`).className = 'num';
        return row;
      }),
    );
  };
  store.onChange(render);
  read();
  render();
}
