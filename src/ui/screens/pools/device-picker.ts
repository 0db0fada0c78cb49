// The device list of the profit form: this browser's measured hashrate (when the Benchmark screen
// saved one), the catalogue of model/devices.ts grouped by kind (ASIC miners, GPUs, CPUs, home
// miners), and "Custom". Choosing a device writes its hashrate and power into the form and says where
// the figures come from. No watts are invented: where a device's power is unknown (this browser until
// you type it, a GPU whose board power is not in the sources) the power field is left empty.
import { DEVICE_KINDS, DEVICES, KIND_NAMES, TYPICAL_WATTS, browserDevice, efficiencyJPerTH, type DeviceProfile } from '../../../model/devices.js';
import { find, h } from '../../shared/dom.js';
import type { Fields } from '../../shared/fields.js';
import { formatFixed, formatScientific } from '../../shared/format.js';
import type { MeasuredHashrate } from '../../shared/measured-hashrate.js';
import { writeHashrate } from './hashrate-field.js';

const CUSTOM = 'custom';
const DEFAULT_DEVICE = 's21';

/** "17.5 J/TH"; a CPU's millions of joules per terahash in powers of ten. */
export function formatEfficiency(joulesPerTerahash: number): string {
  return `${joulesPerTerahash < 1000 ? formatFixed(joulesPerTerahash, 1) : formatScientific(joulesPerTerahash)} J/TH`;
}

/** The typical power ranges, as a hint: "typical (not measured): thin laptop CPU 12–28 W; …". */
function typicalHint(): string {
  return `typical, not measured: ${TYPICAL_WATTS.map((t) => `${t.label} ${t.min}–${t.max} W`).join('; ')}`;
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
    const browser = measured ? [browserDevice(measured, null)] : [];
    this.devices = [...browser, ...DEVICES];
    const option = (d: DeviceProfile) => h('option', { text: d.name, attrs: { value: d.id } });
    this.select.append(
      ...browser.map(option),
      ...DEVICE_KINDS.map((kind) =>
        h('optgroup', { attrs: { label: `${KIND_NAMES[kind]}s` } }, ...DEVICES.filter((d) => d.kind === kind).map(option)),
      ),
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
    const power =
      efficiency !== null
        ? `; ${formatEfficiency(efficiency)}`
        : d.measured
          ? `; efficiency: enter watts (${typicalHint()})`
          : '; power unknown in the sources: enter watts for an efficiency';
    this.source.textContent = `Source: ${d.source}, ${d.released} (confidence ${d.confidence})${d.basis ? `; ${d.basis}` : ''}${power}.`;
    this.onPick();
  }
}
