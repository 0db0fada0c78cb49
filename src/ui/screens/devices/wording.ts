// How this screen words a device's figures, so the table, the charts and the sentences agree: a
// figure that is unknown says why ("enter watts" on a measured row, "unknown" on a catalogue row
// whose source gives no power) instead of showing a number nobody measured.
import { efficiencyJPerTH, KIND_NAMES, type DeviceKind, type DeviceProfile } from '../../../model/devices.js';
import { formatCount, formatEfficiency, formatPower, formatRate, superscript } from '../../shared/format.js';

export const ENTER_WATTS = 'enter watts';

/** Palette index of each kind (charts and the legend's swatches); measured rows get their own. */
export const KIND_COLOR: Record<DeviceKind, number> = { asic: 0, gpu: 1, cpu: 2, home: 3 };
export const MEASURED_COLOR = 5;

export function kindName(device: DeviceProfile): string {
  return device.measured ? `${KIND_NAMES[device.kind]}, measured` : KIND_NAMES[device.kind];
}

export function wattsText(device: Pick<DeviceProfile, 'watts' | 'measured'>): string {
  if (device.watts !== null) return formatPower(device.watts);
  return device.measured ? ENTER_WATTS : 'unknown';
}

export function efficiencyText(device: DeviceProfile): string {
  const e = efficiencyJPerTH(device);
  if (e !== null) return formatEfficiency(e);
  return device.measured ? ENTER_WATTS : 'unknown';
}

/** 'YYYY-MM' as a year with its month (2023-09 → 2023.71, the middle of September). */
export function releaseYear(released: string): number {
  const [year, month] = released.split('-').map(Number);
  return (year ?? NaN) + ((month ?? 1) - 0.5) / 12;
}

/** A chart's tick label: long names cut, the tooltip keeps them whole. */
export function shortName(name: string, max = 24): string {
  return name.length > max ? `${name.slice(0, max - 1)}…` : name;
}

/** Log-axis ticks labelled only at powers of 1000 (1 kH/s, 1 MH/s, …): a dozen decades stay legible. */
export function rateTick(value: number): string {
  const exponent = Math.log10(value);
  return Math.abs(exponent - Math.round(exponent)) < 1e-9 && Math.round(exponent) % 3 === 0 ? formatRate(value) : '';
}

/** Log-axis ticks labelled at powers of ten: "10", "1,000", "10⁶". */
export function decadeTick(value: number): string {
  const exponent = Math.log10(value);
  if (Math.abs(exponent - Math.round(exponent)) > 1e-9) return '';
  return exponent < 4 ? formatCount(Math.round(value)) : `10${superscript(Math.round(exponent))}`;
}
