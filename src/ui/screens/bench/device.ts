// Facts about this device, recorded with every result. Only what the browser itself reports: a value
// the browser does not expose is recorded as null, never guessed.

import { browserSimdSupported } from '../../../engine/mining/browser-pool.js';
import type { BatteryReading, DeviceFacts } from '../../../model/bench-result.js';

interface BatteryManagerLike {
  level: number;
  charging: boolean;
}

type NavigatorExtras = Navigator & {
  deviceMemory?: number;
  getBattery?: () => Promise<BatteryManagerLike>;
};

/** The battery now, or null where the Battery Status API is missing or refuses. */
export async function readBattery(): Promise<BatteryReading | null> {
  const nav = navigator as NavigatorExtras;
  if (typeof nav.getBattery !== 'function') return null;
  try {
    const b = await nav.getBattery();
    if (typeof b.level !== 'number' || !Number.isFinite(b.level)) return null;
    return { level: b.level, charging: b.charging === true };
  } catch {
    return null;
  }
}

export function deviceFacts(battery: DeviceFacts['battery']): DeviceFacts {
  const nav = navigator as NavigatorExtras;
  const cores = Number.isInteger(nav.hardwareConcurrency) && nav.hardwareConcurrency > 0 ? nav.hardwareConcurrency : null;
  const memory = typeof nav.deviceMemory === 'number' && Number.isFinite(nav.deviceMemory) ? nav.deviceMemory : null;
  return {
    userAgent: nav.userAgent,
    cores,
    simdSupported: browserSimdSupported(),
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    deviceMemoryGiB: memory,
    battery,
  };
}
