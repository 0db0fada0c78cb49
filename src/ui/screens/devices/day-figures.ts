// A device's (or a rig's) money a day as table cells, shared by the economics table and each rig:
// a figure that cannot be made says what it needs instead of showing a number.
import type { DeviceProfile } from '../../../model/devices.js';
import type { DeviceFigures } from '../../../sim/device-economics.js';
import { cell } from '../../shared/dom.js';
import { formatCoins, formatMoney } from '../../shared/format.js';
import { ENTER_WATTS } from './wording.js';

/** Why a device has no electricity figure: its watts, or the price of a kWh. */
function noPower(device: Pick<DeviceProfile, 'watts' | 'measured'>): string {
  if (device.watts === null) return device.measured ? ENTER_WATTS : 'no watts known';
  return 'needs a kWh price';
}

/** Coins, revenue, electricity and profit a day as cells; a missing figure says what it needs. */
export function economicsCells(row: HTMLTableRowElement, f: DeviceFigures, device: Pick<DeviceProfile, 'watts' | 'measured'>): void {
  const money = (value: number | null, missing: string) => (cell(row, value === null ? missing : formatMoney(value)).className = 'num');
  cell(row, formatCoins(f.coinsPerDay)).className = 'num';
  money(f.revenuePerDay, 'needs a price');
  money(f.electricityPerDay, noPower(device));
  money(f.profitPerDay, f.revenuePerDay === null ? 'needs a price' : noPower(device));
}

