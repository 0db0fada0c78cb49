// The Pools & profit screen: payout schemes simulated side by side (in a worker, with progress and
// cancel) with the PPS operator's risk of ruin, the pool-hopping experiment, and profitability with
// luck, staking, a cloud contract and a ledger. All arithmetic is in sim/ (payouts/, profitability.ts)
// and the devices in model/devices.ts; the panels read fields, show inline errors, and draw.
import { SCHEME_IDS, SCHEMES } from '../../../sim/payouts/index.js';
import { addContents } from '../../shared/contents.js';
import { find, h } from '../../shared/dom.js';
import { addTableExports } from '../../shared/export.js';
import { Fields } from '../../shared/fields.js';
import { readMeasuredHashrate } from '../../shared/measured-hashrate.js';
import { mountCloudPanel } from './cloud-panel.js';
import { setUnit } from './hashrate-field.js';
import { mountHoppingPanel } from './hopping-panel.js';
import { mountLedgerPanel } from './ledger-panel.js';
import { mountLuckPanel } from './luck-panel.js';
import { mountPayoutsPanel } from './payouts-panel.js';
import { ProfitPanel } from './profit-panel.js';
import { mountStakingPanel } from './staking-panel.js';
import { TEMPLATE } from './template.js';

const TH = 1e12;
const EH = 1e18;

export function mountPoolsView(root: HTMLElement): void {
  root.innerHTML = TEMPLATE;
  addTableExports(root);
  const fields = new Fields(root);
  // A miner and a rig start at TH/s, pools at EH/s (today's large pools run tens of EH/s).
  for (const id of ['pl-hashrate', 'pf-hashrate']) setUnit(fields, id, TH);
  for (const id of ['pl-pool', 'pf-pool']) setUnit(fields, id, EH);
  find(root, 'pl-explanations').append(...SCHEME_IDS.flatMap((id) => [h('dt', { text: SCHEMES[id].name }), h('dd', { text: SCHEMES[id].explanation })]));

  // Read once, on the first visit: the Benchmark screen's latest figure, if this browser has one.
  const measured = readMeasuredHashrate();
  mountPayoutsPanel(root, fields, measured);
  mountHoppingPanel(root, fields);
  const followers = [mountStakingPanel(root, fields), mountCloudPanel(root, fields), mountLedgerPanel(root, fields)];
  const profit = new ProfitPanel(root, fields, measured, (input) => {
    for (const follow of followers) follow(input);
  });
  mountLuckPanel(root, fields, () => profit.update());
  addContents(root);
}
