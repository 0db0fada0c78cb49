// Solo odds and economics per device: the profitability model's formulas (sim/profitability.ts,
// Rosenfeld 2011 §1.1) applied to one device or a rig, with null, never 0 or NaN, wherever a figure
// is unknown (no watts, no price, no electricity price). Pure math: no DOM.
//
//   expectedSecondsToBlock = D × 2^32 / hashrate
//   pBlockPerYear          = 1 − exp(−365.25 × 86400 / expected)   (as −expm1(…): a CPU's odds stay exact)
//   coinsPerDay            = (R + F) × (1 − f) × 86400 / expected
//   revenuePerDay          = coinsPerDay × P
//   electricityPerDay      = watts × 24 / 1000 × E
//   profitPerDay           = revenue − electricity
//   efficiency             = watts / (hashrate / 10^12) J/TH
//   hashprice              = (R + F) × 10^12 × 86400 / (D × 2^32) × P, before the pool fee

import type { DeviceProfile } from '../model/devices.js';
import { InputError } from '../model/validate.js';
import { BUNDLED_DIFFICULTY, SECONDS_PER_DAY, SECONDS_PER_YEAR } from './luck.js';
import { SATS_PER_COIN, TWO_POW_32, subsidySatsAtHeight } from './profitability.js';

export interface EconomicsInput {
  difficulty: number;
  /** Block subsidy, coins. */
  reward: number;
  /** Average fees per block, coins. */
  fees: number;
  /** 0..1, on subsidy and fees alike. */
  poolFee: number;
  /** Money per coin; null: no money figures. */
  price: number | null;
  /** Money per kWh; null: no electricity or profit figures. */
  electricity: number | null;
}

/** The subsidy at the bundled difficulty's height (3.125 BTC since the April 2024 halving). */
export const CURRENT_SUBSIDY = subsidySatsAtHeight(BUNDLED_DIFFICULTY.height) / SATS_PER_COIN;

/** Bundled difficulty, current subsidy, fees 0, pool fee 0, price null, electricity null. */
export function defaultEconomics(): EconomicsInput {
  return { difficulty: BUNDLED_DIFFICULTY.difficulty, reward: CURRENT_SUBSIDY, fees: 0, poolFee: 0, price: null, electricity: null };
}

export interface DeviceFigures {
  expectedSecondsToBlock: number;
  pBlockPerYear: number;
  /** 1 / P(a block within a day). */
  oneInNPerDay: number;
  coinsPerDay: number;
  revenuePerDay: number | null;
  electricityPerDay: number | null;
  profitPerDay: number | null;
  /** J/TH. */
  efficiency: number | null;
  /** Revenue of 1 TH/s for a day, before the pool fee. */
  hashprice: number | null;
}

function positive(value: number, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw new InputError(field, `expected a number above 0, got ${String(value)}`);
  return value;
}

export function deviceFigures(device: Pick<DeviceProfile, 'hashrate' | 'watts'>, input: EconomicsInput): DeviceFigures {
  const hashrate = positive(device.hashrate, 'hashrate');
  const difficulty = positive(input.difficulty, 'difficulty');
  const expected = (difficulty * TWO_POW_32) / hashrate;
  const perBlock = input.reward + input.fees;
  const coinsPerDay = (perBlock * (1 - input.poolFee) * SECONDS_PER_DAY) / expected;
  const revenuePerDay = input.price === null ? null : coinsPerDay * input.price;
  const electricityPerDay = device.watts === null || input.electricity === null ? null : ((device.watts * 24) / 1000) * input.electricity;
  return {
    expectedSecondsToBlock: expected,
    pBlockPerYear: -Math.expm1(-SECONDS_PER_YEAR / expected),
    oneInNPerDay: 1 / -Math.expm1(-SECONDS_PER_DAY / expected),
    coinsPerDay,
    revenuePerDay,
    electricityPerDay,
    profitPerDay: revenuePerDay === null || electricityPerDay === null ? null : revenuePerDay - electricityPerDay,
    efficiency: device.watts === null ? null : device.watts / (hashrate / 1e12),
    hashprice: input.price === null ? null : ((perBlock * 1e12 * SECONDS_PER_DAY) / (difficulty * TWO_POW_32)) * input.price,
  };
}

export interface RigItem {
  device: DeviceProfile;
  count: number;
}

export const MAX_RIG_COUNT = 1_000_000;

/** Sums hashrate; watts null if any item's watts are unknown. count: whole number 1..1e6 (InputError('count')). */
export function rigTotals(items: readonly RigItem[]): { hashrate: number; watts: number | null } {
  let hashrate = 0;
  let watts: number | null = 0;
  for (const { device, count } of items) {
    if (!(Number.isInteger(count) && count >= 1 && count <= MAX_RIG_COUNT)) {
      throw new InputError('count', `expected a whole number from 1 to ${MAX_RIG_COUNT} for ${device.name}, got ${String(count)}`);
    }
    hashrate += device.hashrate * count;
    watts = watts === null || device.watts === null ? null : watts + device.watts * count;
  }
  return { hashrate, watts };
}

/** "Matching one S21 takes X copies of this browser, drawing about Y kW" (Y null without browser watts). */
export function copiesToMatch(target: Pick<DeviceProfile, 'hashrate'>, browser: Pick<DeviceProfile, 'hashrate' | 'watts'>): { copies: number; kilowatts: number | null } {
  const copies = positive(target.hashrate, 'hashrate') / positive(browser.hashrate, 'hashrate');
  return { copies, kilowatts: browser.watts === null ? null : (copies * browser.watts) / 1000 };
}
