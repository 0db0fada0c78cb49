// Panel 4: the profitability model's figures per device at the screen's difficulty: coins, revenue,
// electricity and profit a day, and the hashprice. A money figure needs a price, electricity needs
// the device's watts and a price per kWh: without them the cell says what is missing.
import { CURRENT_SUBSIDY, deviceFigures } from '../../../sim/device-economics.js';
import { cell, find, h } from '../../shared/dom.js';
import { Fields } from '../../shared/fields.js';
import { formatMoney } from '../../shared/format.js';
import { economicsCells } from './day-figures.js';
import { amount, optionalAmount } from './parse.js';
import { rowsToShow } from './key-devices.js';
import type { DeviceStore } from './store.js';

/** Above Bitcoin's first subsidy, the most a block has paid. */
const MAX_COINS = 50;

export function mountEconomicsPanel(root: HTMLElement, store: DeviceStore): void {
  const panel = find(root, 'dv-economics-panel');
  const body = find(panel, 'dv-economics-body');
  const hashprice = find(panel, 'dv-hashprice');
  const fields = new Fields(panel);
  fields.get('dv-reward').value = String(CURRENT_SUBSIDY);

  const read = () => {
    const reward = fields.get('dv-reward').read(amount('reward', { min: 0, max: MAX_COINS }));
    const fees = fields.get('dv-fees').read(amount('fees', { min: 0, max: MAX_COINS }));
    const poolFee = fields.get('dv-pool-fee').read(amount('pool fee', { min: 0, max: 100 }));
    const price = fields.get('dv-price').read(optionalAmount('price', { min: 0, max: 1e12 }));
    const electricity = fields.get('dv-electricity').read(optionalAmount('electricity', { min: 0, max: 1e4 }));
    const ok = reward !== undefined && fees !== undefined && poolFee !== undefined && price !== undefined && electricity !== undefined;
    panel.dataset['state'] = ok ? 'ready' : 'invalid';
    if (ok) store.setEconomics({ ...store.economics, reward, fees, poolFee: poolFee / 100, price, electricity });
  };
  for (const id of ['dv-reward', 'dv-fees', 'dv-pool-fee', 'dv-price', 'dv-electricity']) fields.get(id).input.addEventListener('input', read);

  const shown = rowsToShow(panel, 'dv-economics-all', store, () => render());
  const render = () => {
    const input = store.economics;
    const rows = shown();
    const first = rows[0] ? deviceFigures(rows[0], input) : undefined;
    hashprice.textContent =
      first?.hashprice != null
        ? `Hashprice: ${formatMoney(first.hashprice)} a day for each TH/s (before the pool fee), at this difficulty, reward and price.`
        : 'Hashprice (what 1 TH/s earns a day) needs a price per coin.';
    body.replaceChildren(
      ...rows.map((d) => {
        const row = h('tr', { attrs: { 'data-device-id': d.id } });
        cell(row, d.name, true);
        economicsCells(row, deviceFigures(d, input), d);
        return row;
      }),
    );
  };
  store.onChange(render);
  read();
  render();
}
