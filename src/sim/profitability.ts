// Mining profitability: coins, revenue, electricity and profit per day, hashprice, break-even and
// ROI with difficulty growth and halvings, the chance of having broken even by a date under a
// payout scheme (luck and economics together), mining against staking the same money, cloud-mining
// contracts against owning the hardware, and an earnings ledger in whole satoshis.
//
// Revenue: a miner of h H/s finds h * 86400 / (2^32 D) blocks a day on average (Rosenfeld 2011,
// arXiv:1112.4980, §1.1), each worth the subsidy plus the average fees, less the pool fee (which
// applies to both). Electricity: watts * 24 / 1000 kWh a day. Hashprice is the expected revenue of
// 1 TH/s for a day before the pool's fee (the measure Luxor's Hashrate Index publishes).
//
// Day by day, difficulty grows by a fixed monthly rate, compounded daily, and the subsidy halves
// every 210,000 blocks (144 blocks a day, since difficulty keeps blocks ten minutes apart). On days
// when electricity costs more than the expected revenue the rig is assumed switched off: it earns
// and spends nothing, so cumulative profit never falls.

import { InputError } from '../model/validate.js';
import { Sampler } from './samplers.js';
import { MAX_BLOCK_REWARD, MAX_DIFFICULTY, MIN_DIFFICULTY } from './payouts/model.js';
import { MAX_HASHRATE } from './chain-sim.js';
import type { SchemeId } from './payouts/index.js';

export const TWO_POW_32 = 2 ** 32;
/** The largest watts, price per kWh, coins per block, coin price or hardware cost accepted. */
export const MAX_AMOUNT = MAX_BLOCK_REWARD;
export const SECONDS_PER_DAY = 86_400;
export const BLOCKS_PER_DAY = 144;
export const HALVING_INTERVAL = 210_000;
/** Days in an average Gregorian month, for the monthly difficulty growth. */
export const DAYS_PER_MONTH = 30.436875;
export const SATS_PER_COIN = 100_000_000;
/** The fourth halving: block 840,000 on 20 April 2024, after which the subsidy is 3.125 BTC. */
export const LAST_HALVING = Object.freeze({ height: 840_000, date: '2024-04-20', subsidy: 3.125 });

/**
 * Typical published staking yields, a year, as ranges (from the reference material this project
 * started from: ../shared/reference/payouts.md). They are not a forecast; staking carries lock-up and
 * slashing risk, and the coin's price moves.
 */
export const TYPICAL_STAKING_YIELDS = Object.freeze([
  { coin: 'ETH', low: 0.03, high: 0.05 },
  { coin: 'ADA', low: 0.04, high: 0.06 },
  { coin: 'SOL', low: 0.06, high: 0.08 },
  { coin: 'DOT', low: 0.1, high: 0.14 },
  { coin: 'ATOM', low: 0.15, high: 0.2 },
] as const);

export interface ProfitInput {
  /** H/s. */
  hashrate: number;
  watts: number;
  /** Price of a kWh, in the same money as `price`. */
  electricity: number;
  difficulty: number;
  /** Block subsidy today, coins. */
  subsidy: number;
  /** Average fees per block, coins. */
  fees: number;
  /** Coin price, money per coin. */
  price: number;
  /** Pool fee, 0..1, on subsidy and fees alike. */
  poolFee: number;
  hardwareCost: number;
  /** Difficulty growth per month as a fraction (0.03 = 3% a month); may be negative. */
  difficultyGrowth: number;
  /** Blocks until the next halving; undefined or Infinity: no halving in the model. */
  blocksToHalving?: number | undefined;
}

export type ProfitFieldNames = Partial<Record<keyof ProfitInput, string>>;

type RequiredProfit = Pick<ProfitInput, 'hashrate' | 'watts' | 'electricity' | 'difficulty' | 'subsidy' | 'price'>;

/** Fills in defaults (no fees, no pool fee, no hardware cost, no growth) and checks every field. */
export function normalizeProfitInput(raw: Partial<ProfitInput> & RequiredProfit, names: ProfitFieldNames = {}): ProfitInput {
  const input: ProfitInput = {
    hashrate: raw.hashrate,
    watts: raw.watts,
    electricity: raw.electricity,
    difficulty: raw.difficulty,
    subsidy: raw.subsidy,
    fees: raw.fees ?? 0,
    price: raw.price,
    poolFee: raw.poolFee ?? 0,
    hardwareCost: raw.hardwareCost ?? 0,
    difficultyGrowth: raw.difficultyGrowth ?? 0,
    blocksToHalving: raw.blocksToHalving,
  };
  const fail = (field: keyof ProfitInput, message: string): never => {
    throw new InputError(names[field] ?? field, message);
  };
  const finite = (v: number) => typeof v === 'number' && Number.isFinite(v);
  if (!(finite(input.hashrate) && input.hashrate > 0)) fail('hashrate', `expected a hashrate above 0 H/s, got ${input.hashrate}`);
  if (input.hashrate > MAX_HASHRATE) fail('hashrate', `expected a hashrate of at most ${MAX_HASHRATE} H/s, got ${input.hashrate}`);
  if (finite(input.difficulty) && (input.difficulty < MIN_DIFFICULTY || input.difficulty > MAX_DIFFICULTY)) {
    fail('difficulty', `expected a difficulty from ${MIN_DIFFICULTY.toPrecision(3)} to ${MAX_DIFFICULTY.toPrecision(3)} (what a 256-bit target can express), got ${input.difficulty}`);
  }
  // Far above any real figure, low enough that every product and sum below stays finite.
  for (const field of ['watts', 'electricity', 'subsidy', 'fees', 'price', 'hardwareCost'] as const) {
    if (finite(input[field]) && input[field] > MAX_AMOUNT) fail(field, `expected at most ${MAX_AMOUNT}, got ${input[field]}`);
  }
  if (!(finite(input.watts) && input.watts >= 0)) fail('watts', `expected 0 or more watts, got ${input.watts}`);
  if (!(finite(input.electricity) && input.electricity >= 0)) fail('electricity', `expected a price per kWh of 0 or more, got ${input.electricity}`);
  if (!(finite(input.difficulty) && input.difficulty > 0)) fail('difficulty', `expected a difficulty above 0, got ${input.difficulty}`);
  if (!(finite(input.subsidy) && input.subsidy >= 0)) fail('subsidy', `expected a subsidy of 0 or more, got ${input.subsidy}`);
  if (!(finite(input.fees) && input.fees >= 0)) fail('fees', `expected fees of 0 or more, got ${input.fees}`);
  if (!(finite(input.price) && input.price >= 0)) fail('price', `expected a coin price of 0 or more, got ${input.price}`);
  if (!(finite(input.poolFee) && input.poolFee >= 0 && input.poolFee <= 1)) fail('poolFee', `expected a fee between 0 and 1 (0.02 is 2%), got ${input.poolFee}`);
  if (!(finite(input.hardwareCost) && input.hardwareCost >= 0)) fail('hardwareCost', `expected a cost of 0 or more, got ${input.hardwareCost}`);
  if (!(finite(input.difficultyGrowth) && input.difficultyGrowth > -1 && input.difficultyGrowth <= 10)) {
    fail('difficultyGrowth', `expected a monthly growth above -1 and at most 10 (0.03 is 3%), got ${input.difficultyGrowth}`);
  }
  const b = input.blocksToHalving;
  if (b !== undefined && b !== Infinity && !(Number.isSafeInteger(b) && b >= 0)) fail('blocksToHalving', `expected a whole number of blocks, got ${b}`);
  return input;
}

/** Subsidy at a height, from Bitcoin's schedule: 50 BTC halved every 210,000 blocks, in satoshis. */
export function subsidySatsAtHeight(height: number): number {
  if (!(Number.isSafeInteger(height) && height >= 0)) throw new RangeError(`height: expected a non-negative integer, got ${height}`);
  const halvings = Math.floor(height / HALVING_INTERVAL);
  return halvings >= 64 ? 0 : Math.floor(5_000_000_000 / 2 ** halvings);
}

/** A rough height for a date (YYYY-MM-DD), 144 blocks a day from the April 2024 halving. */
export function estimateHeight(date: string): number {
  const days = (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${LAST_HALVING.date}T00:00:00Z`)) / 86_400_000;
  if (!Number.isFinite(days)) throw new RangeError(`date: expected YYYY-MM-DD, got ${date}`);
  return Math.max(0, Math.round(LAST_HALVING.height + days * BLOCKS_PER_DAY));
}

/** Blocks from `height` to the next halving. */
export function blocksToNextHalving(height: number): number {
  return HALVING_INTERVAL - (height % HALVING_INTERVAL);
}

export interface DayFigures {
  /** Coins earned per day after the pool fee. */
  coinsPerDay: number;
  revenuePerDay: number;
  electricityPerDay: number;
  profitPerDay: number;
  /** Revenue of 1 TH/s for a day, before the pool fee, in money; and in coins. */
  hashprice: number;
  hashpriceCoins: number;
  /** J/TH (watts per TH/s). */
  efficiency: number;
  /** Expected blocks a day at this hashrate. */
  blocksPerDay: number;
}

function dayFigures(input: ProfitInput, difficulty: number, subsidy: number): DayFigures {
  const blocksPerDay = (input.hashrate * SECONDS_PER_DAY) / (TWO_POW_32 * difficulty);
  const coinsPerDay = (1 - input.poolFee) * blocksPerDay * (subsidy + input.fees);
  const hashpriceCoins = (1e12 * SECONDS_PER_DAY * (subsidy + input.fees)) / (TWO_POW_32 * difficulty);
  const revenuePerDay = coinsPerDay * input.price;
  const electricityPerDay = (input.watts * 24 * input.electricity) / 1000;
  return {
    coinsPerDay,
    revenuePerDay,
    electricityPerDay,
    profitPerDay: revenuePerDay - electricityPerDay,
    hashprice: hashpriceCoins * input.price,
    hashpriceCoins,
    efficiency: input.watts / (input.hashrate / 1e12),
    blocksPerDay,
  };
}

/** The figures for the first day (today's difficulty and subsidy). */
export function firstDay(input: ProfitInput): DayFigures {
  return dayFigures(input, input.difficulty, input.subsidy);
}

export interface Schedule {
  days: number;
  difficulty: Float64Array;
  subsidy: Float64Array;
  /** 1 if the rig runs that day (expected revenue covers electricity), else 0. */
  running: Uint8Array;
  /** Expected blocks that day if running, whole blocks worth, and the coins after fees. */
  blocks: Float64Array;
  coins: Float64Array;
  revenue: Float64Array;
  electricity: Float64Array;
  profit: Float64Array;
  /** Profit summed over days 0..d inclusive. */
  cumulative: Float64Array;
}

/** Day-by-day figures for `days` days from today (day 0 is today's difficulty and subsidy). */
export function schedule(input: ProfitInput, days: number): Schedule {
  if (!(Number.isSafeInteger(days) && days >= 0 && days <= 36_500)) throw new RangeError(`days: expected 0..36500, got ${days}`);
  const s: Schedule = {
    days,
    difficulty: new Float64Array(days),
    subsidy: new Float64Array(days),
    running: new Uint8Array(days),
    blocks: new Float64Array(days),
    coins: new Float64Array(days),
    revenue: new Float64Array(days),
    electricity: new Float64Array(days),
    profit: new Float64Array(days),
    cumulative: new Float64Array(days),
  };
  const dailyGrowth = Math.pow(1 + input.difficultyGrowth, 1 / DAYS_PER_MONTH);
  const firstHalvingDay = (input.blocksToHalving ?? Infinity) / BLOCKS_PER_DAY;
  const halvingDays = HALVING_INTERVAL / BLOCKS_PER_DAY;
  let sum = 0;
  for (let d = 0; d < days; d++) {
    const difficulty = input.difficulty * Math.pow(dailyGrowth, d);
    // Halvings that have happened by the start of day d.
    const halvings = d < firstHalvingDay ? 0 : 1 + Math.floor((d - firstHalvingDay) / halvingDays);
    const subsidy = input.subsidy / 2 ** halvings;
    const f = dayFigures(input, difficulty, subsidy);
    const running = f.profitPerDay > 0 || (f.electricityPerDay === 0 && f.revenuePerDay >= 0);
    s.difficulty[d] = difficulty;
    s.subsidy[d] = subsidy;
    s.running[d] = running ? 1 : 0;
    if (running) {
      s.blocks[d] = f.blocksPerDay;
      s.coins[d] = f.coinsPerDay;
      s.revenue[d] = f.revenuePerDay;
      s.electricity[d] = f.electricityPerDay;
      s.profit[d] = f.profitPerDay;
      sum += f.profitPerDay;
    }
    s.cumulative[d] = sum;
  }
  return s;
}

/** Ten years: beyond it a break-even is reported as never. */
export const MAX_BREAK_EVEN_DAYS = 3652;

/**
 * Days until cumulative profit pays for the hardware, interpolated within the day; null if it never
 * does within MAX_BREAK_EVEN_DAYS. Without growth or halvings it is exactly cost / profit per day.
 */
export function breakEvenDays(input: ProfitInput, s: Schedule = schedule(input, MAX_BREAK_EVEN_DAYS)): number | null {
  if (input.hardwareCost === 0) return 0;
  let before = 0;
  for (let d = 0; d < s.days; d++) {
    const after = s.cumulative[d]!;
    if (after >= input.hardwareCost) return d + (input.hardwareCost - before) / (after - before);
    before = after;
  }
  return null;
}

/** Return on the hardware after `days`: (profit - cost) / cost; null without a hardware cost. */
export function roiAfter(input: ProfitInput, days: number, s: Schedule = schedule(input, days)): number | null {
  if (input.hardwareCost === 0) return null;
  const profit = days === 0 ? 0 : s.cumulative[Math.min(days, s.days) - 1]!;
  return (profit - input.hardwareCost) / input.hardwareCost;
}

export interface ProfitReport extends DayFigures {
  breakEvenDays: number | null;
  roi: { oneYear: number | null; twoYears: number | null; threeYears: number | null };
}

export function profitReport(input: ProfitInput): ProfitReport {
  const s = schedule(input, MAX_BREAK_EVEN_DAYS);
  return {
    ...firstDay(input),
    breakEvenDays: breakEvenDays(input, s),
    roi: { oneYear: roiAfter(input, 365, s), twoYears: roiAfter(input, 730, s), threeYears: roiAfter(input, 1095, s) },
  };
}

export interface LuckInput {
  scheme: SchemeId;
  /** The pool's hashrate for PROP, PPLNS and SCORE (the miner's share of its blocks). */
  poolHashrate?: number | undefined;
  /** Share difficulty for PPS and FPPS (1 by default). */
  shareDifficulty?: number | undefined;
  days: number;
  trials: number;
  seed: number;
}

export interface LuckResult {
  /** Fraction of trials whose profit by the day covers the hardware cost. */
  probability: number;
  /** Whether the expected path (no luck) has broken even by then. */
  expected: boolean;
  /** Median and p10/p90 of profit net of the hardware cost by the day. */
  median: number;
  p10: number;
  p90: number;
}

/**
 * The chance of having broken even by day `days` under a payout scheme. Luck enters as the number of
 * reward events in each subsidy epoch: the miner's own blocks (solo), the pool's blocks paying the
 * miner its fraction q (PROP, PPLNS and SCORE, to first order: the pool's luck, Rosenfeld §1.3), or the
 * miner's shares (PPS pays subsidy only, FPPS subsidy and fees). Electricity is certain.
 */
/** `onProgress` hears the fraction of trials done, about a hundred times over the run. */
export function breakEvenProbability(input: ProfitInput, luck: LuckInput, onProgress?: (fraction: number) => void): LuckResult {
  const { scheme, days, trials, seed } = luck;
  if (!(Number.isSafeInteger(days) && days >= 1 && days <= 36_500)) throw new InputError('days', `expected 1..36500 days, got ${days}`);
  if (!(Number.isSafeInteger(trials) && trials >= 1 && trials <= 1_000_000)) throw new InputError('trials', `expected 1..1,000,000 trials, got ${trials}`);
  const pool = luck.poolHashrate ?? input.hashrate;
  if ((scheme === 'prop' || scheme === 'pplns' || scheme === 'score') && !(pool >= input.hashrate)) {
    throw new InputError('poolHashrate', `the pool (${pool} H/s) cannot be smaller than the miner (${input.hashrate} H/s)`);
  }
  const shareDifficulty = luck.shareDifficulty ?? 1;
  if (!(shareDifficulty > 0)) throw new InputError('shareDifficulty', `expected above 0, got ${shareDifficulty}`);
  const s = schedule(input, days);
  // Group days by subsidy: within an epoch every event is worth the same.
  const epochs: { events: number; value: number }[] = [];
  let electricity = 0;
  for (let d = 0; d < days; d++) {
    if (!s.running[d]) continue;
    electricity += s.electricity[d]!;
    const keep = (1 - input.poolFee) * input.price;
    const blocks = s.blocks[d]!;
    let events: number;
    let value: number;
    switch (scheme) {
      case 'solo':
        events = blocks;
        value = keep * (s.subsidy[d]! + input.fees);
        break;
      case 'prop':
      case 'pplns':
      case 'score': {
        const q = input.hashrate / pool;
        events = blocks / q;
        value = keep * q * (s.subsidy[d]! + input.fees);
        break;
      }
      case 'pps':
      case 'fpps': {
        const sharesPerBlock = s.difficulty[d]! / shareDifficulty;
        events = blocks * sharesPerBlock;
        value = (keep * (s.subsidy[d]! + (scheme === 'fpps' ? input.fees : 0))) / sharesPerBlock;
        break;
      }
    }
    const last = epochs[epochs.length - 1];
    if (last && Math.abs(last.value - value) <= 1e-12 * Math.abs(value)) last.events += events;
    else epochs.push({ events, value });
  }
  const expectedNet = epochs.reduce((sum, e) => sum + e.events * e.value, 0) - electricity - input.hardwareCost;
  const sampler = new Sampler(seed);
  const nets = new Float64Array(trials);
  let broke = 0;
  const step = Math.max(1, Math.floor(trials / 100));
  for (let i = 0; i < trials; i++) {
    if (onProgress && i % step === 0) onProgress(i / trials);
    let revenue = 0;
    for (const e of epochs) revenue += sampler.poisson(e.events) * e.value;
    const net = revenue - electricity - input.hardwareCost;
    nets[i] = net;
    if (net >= 0) broke++;
  }
  nets.sort();
  const at = (prob: number) => nets[Math.min(trials - 1, Math.floor(prob * (trials - 1) + 0.5))]!;
  return { probability: broke / trials, expected: expectedNet >= 0, median: at(0.5), p10: at(0.1), p90: at(0.9) };
}

export interface StakingComparison {
  /** Mining: profit over the days less the hardware cost (the hardware assumed worth nothing after). */
  mining: number;
  /** Staking the hardware's cost at `yearlyYield`, compounded: the gain over the days. */
  staking: number;
  /** Holding the coin at a constant price gains nothing: 0, shown for completeness. */
  holding: number;
}

export function compareWithStaking(input: ProfitInput, days: number, yearlyYield: number): StakingComparison {
  if (!(Number.isFinite(yearlyYield) && yearlyYield > -1 && yearlyYield <= 10)) throw new InputError('yield', `expected a yearly yield above -1 (0.05 is 5%), got ${yearlyYield}`);
  const s = schedule(input, days);
  const profit = days === 0 ? 0 : s.cumulative[days - 1]!;
  return {
    mining: profit - input.hardwareCost,
    staking: input.hardwareCost * (Math.pow(1 + yearlyYield, days / 365) - 1),
    holding: 0,
  };
}

export interface CloudContract {
  /** TH/s bought. */
  terahash: number;
  /** Contract price per TH/s per day, paid up front for the whole length. */
  pricePerTHDay: number;
  /** Maintenance fee per TH/s per day, paid daily. */
  maintenancePerTHDay: number;
  days: number;
}

export interface CloudComparison {
  cloud: { upfront: number; maintenance: number; revenue: number; net: number; breakEvenPricePerTHDay: number };
  /** The user's own hardware over the same days (input's hashrate, watts and cost). */
  owning: { hardware: number; electricity: number; revenue: number; net: number };
  /** Both per TH/s, to compare unlike sizes. */
  cloudNetPerTH: number;
  owningNetPerTH: number;
}

/** A cloud-mining contract against owning hardware, under the same difficulty, price and halvings. */
export function evaluateCloudContract(input: ProfitInput, contract: CloudContract): CloudComparison {
  const { terahash, pricePerTHDay, maintenancePerTHDay, days } = contract;
  if (!(Number.isFinite(terahash) && terahash > 0)) throw new InputError('terahash', `expected TH/s above 0, got ${terahash}`);
  if (!(Number.isFinite(pricePerTHDay) && pricePerTHDay >= 0)) throw new InputError('pricePerTHDay', `expected a price of 0 or more, got ${pricePerTHDay}`);
  if (!(Number.isFinite(maintenancePerTHDay) && maintenancePerTHDay >= 0)) throw new InputError('maintenancePerTHDay', `expected a fee of 0 or more, got ${maintenancePerTHDay}`);
  if (!(Number.isSafeInteger(days) && days >= 1 && days <= 36_500)) throw new InputError('days', `expected 1..36500 days, got ${days}`);
  // The contract's hashrate, no electricity of our own: it keeps running as long as the contract.
  const cloudInput: ProfitInput = { ...input, hashrate: terahash * 1e12, watts: 0 };
  const cloudRevenue = sum(schedule(cloudInput, days).revenue);
  const upfront = pricePerTHDay * terahash * days;
  const maintenance = maintenancePerTHDay * terahash * days;
  const cloudNet = cloudRevenue - upfront - maintenance;
  const own = schedule(input, days);
  const ownRevenue = sum(own.revenue);
  const ownElectricity = sum(own.electricity);
  const owningNet = ownRevenue - ownElectricity - input.hardwareCost;
  return {
    cloud: { upfront, maintenance, revenue: cloudRevenue, net: cloudNet, breakEvenPricePerTHDay: (cloudRevenue - maintenance) / (terahash * days) },
    owning: { hardware: input.hardwareCost, electricity: ownElectricity, revenue: ownRevenue, net: owningNet },
    cloudNetPerTH: cloudNet / terahash,
    owningNetPerTH: owningNet / (input.hashrate / 1e12),
  };
}

function sum(values: Float64Array): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

export interface LedgerRow {
  /** YYYY-MM-DD (UTC). */
  date: string;
  /** Coins earned that day, in whole satoshis. */
  sats: number;
  /** Running total, whole satoshis. */
  totalSats: number;
  /** Value at the assumed price, in the price's money. */
  value: number;
}

/** Whole satoshis, as an exact decimal string of coins: 12345 -> "0.00012345". */
export function formatSats(sats: number): string {
  if (!Number.isSafeInteger(sats)) throw new RangeError(`sats: expected an integer, got ${sats}`);
  const sign = sats < 0 ? '-' : '';
  const abs = Math.abs(sats);
  return `${sign}${Math.floor(abs / SATS_PER_COIN)}.${String(abs % SATS_PER_COIN).padStart(8, '0')}`;
}

/**
 * The earnings ledger from `startDate` (YYYY-MM-DD) for `days` days: each day's coins rounded to whole
 * satoshis once, then only integers are summed. `dailySats` may give a simulated path instead of the
 * expected earnings.
 */
export function ledger(input: ProfitInput, startDate: string, days: number, dailySats?: readonly number[]): LedgerRow[] {
  const start = Date.parse(`${startDate}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate) || !Number.isFinite(start)) throw new InputError('startDate', `expected YYYY-MM-DD, got ${JSON.stringify(startDate)}`);
  // Date.parse rolls "2026-02-30" over to 2 March: only a day that exists is accepted.
  if (!new Date(start).toISOString().startsWith(startDate)) {
    throw new InputError('startDate', `no such day: ${JSON.stringify(startDate)}`);
  }
  const s = dailySats ? undefined : schedule(input, days);
  const rows: LedgerRow[] = [];
  let total = 0;
  for (let d = 0; d < days; d++) {
    const sats = dailySats ? dailySats[d] ?? 0 : Math.round(s!.coins[d]! * SATS_PER_COIN);
    if (!Number.isSafeInteger(sats) || sats < 0) throw new InputError('dailySats', `day ${d}: expected whole satoshis, got ${sats}`);
    total += sats;
    rows.push({
      date: new Date(start + d * 86_400_000).toISOString().slice(0, 10),
      sats,
      totalSats: total,
      value: (sats * input.price) / SATS_PER_COIN,
    });
  }
  return rows;
}

/** CSV with a header line: date,coins,value (coins exact to the satoshi, value to 2 decimals). */
export function ledgerCsv(rows: readonly LedgerRow[]): string {
  const lines = ['date,coins,value'];
  for (const r of rows) lines.push(`${r.date},${formatSats(r.sats)},${r.value.toFixed(2)}`);
  return `${lines.join('\n')}\n`;
}
