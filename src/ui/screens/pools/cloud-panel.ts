// A cloud-mining contract against owning the hardware: the same hashrate as the profit form's rig,
// rented at a price and maintenance per TH/s per day, against buying it and paying for its power.
import { evaluateCloudContract, MAX_AMOUNT, type ProfitInput } from '../../../sim/profitability.js';
import { find } from '../../shared/dom.js';
import type { Fields } from '../../shared/fields.js';
import { formatCount, formatMoney, formatRate, sig } from '../../shared/format.js';
import { decimalField, readAll, wholeField } from './parsers.js';
import { followProfit, type ProfitListener } from './profit-panel.js';

export function mountCloudPanel(root: HTMLElement, fields: Fields): ProfitListener {
  const verdict = find(root, 'pf-cloud');

  const draw = (input: ProfitInput) => {
    const contract = readAll({
      pricePerTHDay: decimalField(fields, 'pf-cloud-price', { min: 0, max: MAX_AMOUNT }),
      maintenancePerTHDay: decimalField(fields, 'pf-cloud-maint', { min: 0, max: MAX_AMOUNT }),
      days: wholeField(fields, 'pf-cloud-days', 1, 3650),
    });
    if (!contract) {
      verdict.textContent = '';
      return;
    }
    const { cloud, owning } = evaluateCloudContract(input, { terahash: input.hashrate / 1e12, ...contract });
    verdict.textContent =
      `For the same ${formatRate(input.hashrate)} over ${formatCount(contract.days)} days: the contract costs ${formatMoney(cloud.upfront)} up front plus ${formatMoney(cloud.maintenance)} maintenance and earns ${formatMoney(cloud.revenue)}, net ${formatMoney(cloud.net)}; ` +
      `owning costs ${formatMoney(owning.hardware)} plus ${formatMoney(owning.electricity)} of power and earns ${formatMoney(owning.revenue)}, net ${formatMoney(owning.net)}. ` +
      `The contract breaks even at ${sig(cloud.breakEvenPricePerTHDay)} per TH/s per day; ${cloud.net > owning.net ? 'here the contract comes out ahead.' : 'here owning comes out ahead.'}`;
  };
  return followProfit(find(root, 'pf-cloud-panel'), draw);
}
