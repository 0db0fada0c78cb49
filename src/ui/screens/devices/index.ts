// The Devices screen: this browser, measured, beside the catalogue of ASICs, GPUs, CPUs and home
// miners (model/devices.ts), every figure with its source. One store (store.ts) holds the rows and
// the economics; each panel draws from it and redraws when it changes: hashrate chart and table,
// efficiency against release date, solo odds, economics, the learner's sentences, rigs, and the
// learner's own devices.
import { addContents } from '../../shared/contents.js';
import { addTableExports } from '../../shared/export.js';
import { mountEconomicsPanel } from './economics-panel.js';
import { mountEfficiencyPanel } from './efficiency-panel.js';
import { mountHashratePanel } from './hashrate-panel.js';
import { mountMeasuredPanel } from './measured-panel.js';
import { mountOddsPanel } from './odds-panel.js';
import { mountRigsPanel } from './rigs-panel.js';
import { mountSentencesPanel } from './sentences-panel.js';
import { DeviceStore } from './store.js';
import { DEVICES_TEMPLATE } from './template.js';
import { mountUserDevicesPanel } from './user-devices-panel.js';

export function mountDevicesView(root: HTMLElement): void {
  root.innerHTML = DEVICES_TEMPLATE;
  root.classList.add('dv-view');
  addContents(root);
  addTableExports(root);
  const store = new DeviceStore();
  mountMeasuredPanel(root, store);
  mountSentencesPanel(root, store);
  mountHashratePanel(root, store);
  mountEfficiencyPanel(root, store);
  // The odds panel reads the difficulty first: economics, sentences and rigs compute with it.
  mountOddsPanel(root, store);
  mountEconomicsPanel(root, store);
  mountRigsPanel(root, store);
  mountUserDevicesPanel(root, store);
  root.dataset['ready'] = 'true';
}
