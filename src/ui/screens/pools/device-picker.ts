// The device list of the profit form: this browser's measured hashrate (when the Benchmark screen
// saved one), the modelled devices of model/devices.ts with their sources, and "Custom". Choosing a
// device writes its hashrate and power into the form and says where the figures come from.
import { DEVICES, efficiencyJPerTH, measuredDevice, type DeviceProfile } from '../../../model/devices.js';
import { find, h } from '../../shared/dom.js';
import type { Fields } from '../../shared/fields.js';
import { formatFixed, formatScientific } from '../../shared/format.js';
import type { MeasuredHashrate } from '../../shared/measured-hashrate.js';
import { writeHashrate } from './hashrate-field.js';

const CUSTOM = 'custom';
const DEFAULT_DEVICE = 's21';
/** What a desktop CPU draws while hashing, for the measured profile; the learner can change it. */
const MEASURED_WATTS = 65;

/** "17.5 J/TH"; a CPU's millions of joules per terahash in powers of ten. */
export function formatEfficiency(joulesPerTerahash: number): string {
  return `${joulesPerTerahash < 1000 ? formatFixed(joulesPerTerahash, 1) : formatScientific(joulesPerTerahash)} J/TH`;
}

export class DevicePicker {
  readonly select: HTMLSelectElement;
  private readonly source: HTMLElement;
  private readonly devices: readonly DeviceProfile[];

  /** `onPick` runs after a device's figures are in the form. */
  constructor(
    root: HTMLElement,
    private readonly fields: Fields,
    measured: MeasuredHashrate | undefined,
    private readonly onPick: () => void,
  ) {
    this.select = find<HTMLSelectElement>(root, 'pf-device');
    this.source = find(root, 'pf-device-source');
    this.devices = [...(measured ? [measuredDevice(measured.hashrate, MEASURED_WATTS, measured.threads, measured.date)] : []), ...DEVICES];
    this.select.append(
      ...this.devices.map((d) => h('option', { text: d.name, attrs: { value: d.id } })),
      h('option', { text: 'Custom (type your own)', attrs: { value: CUSTOM } }),
    );
    this.select.value = DEFAULT_DEVICE;
    this.select.addEventListener('change', () => this.pick());
  }

  /** The learner typed a hashrate or power of their own. */
  markCustom(): void {
    this.select.value = CUSTOM;
  }

  /** Writes the chosen device's figures into the form (nothing for "Custom"). */
  pick(): void {
    const d = this.devices.find((x) => x.id === this.select.value);
    if (!d) {
      this.source.textContent = 'Type the hashrate and power of your device.';
      return;
    }
    writeHashrate(this.fields, 'pf-hashrate', d.hashrate);
    this.fields.get('pf-watts').value = d.watts === null ? '' : String(d.watts);
    const efficiency = efficiencyJPerTH(d);
    this.source.textContent = `Source: ${d.source} (confidence ${d.confidence})${d.note ? `; ${d.note}` : ''}${efficiency === null ? '' : `; ${formatEfficiency(efficiency)}`}.`;
    this.onPick();
  }
}
