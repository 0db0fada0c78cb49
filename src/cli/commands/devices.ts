import { readFileSync } from 'node:fs';
import { DEVICE_KINDS, DEVICES, efficiencyJPerTH, type DeviceKind, type DeviceProfile } from '../../model/devices.js';
import { MAX_NAME_LENGTH, parseUserDevicesFile, userDeviceProfile } from '../../model/user-devices.js';
import { InputError, parseNumber } from '../../model/validate.js';
import { MAX_HASHRATE, parseHashrate } from '../../sim/chain-sim.js';
import { CURRENT_SUBSIDY, deviceFigures, type DeviceFigures, type EconomicsInput } from '../../sim/device-economics.js';
import { BUNDLED_DIFFICULTY, SECONDS_PER_DAY, SECONDS_PER_YEAR } from '../../sim/luck.js';
import { MAX_DIFFICULTY } from '../../sim/payouts/model.js';
import { MAX_AMOUNT } from '../../sim/profitability.js';
import { formatRate } from '../output.js';
import { command, numberIn, option, type Parser } from '../spec.js';

const SORTS = ['hashrate', 'efficiency', 'profit'] as const;
type Sort = (typeof SORTS)[number];

function oneOf<T extends string>(options: readonly T[], what: string): Parser<T> {
  return (text, name) => {
    if (!(options as readonly string[]).includes(text)) throw new InputError(name, `unknown ${what} ${JSON.stringify(text)} (choose from ${options.join(', ')})`);
    return text as T;
  };
}

function above0(max: number): Parser<number> {
  return (text, name) => {
    const value = parseNumber(text, name, -Infinity, max);
    if (!(value > 0)) throw new InputError(name, `must be above 0, got ${value}`);
    return value;
  };
}

/** A flag that only describes the --hashrate row. */
function withHashrate<T>(parse: Parser<T>): Parser<T> {
  return (text, name, context) => {
    if (context.given['hashrate'] === undefined) throw new InputError(name, 'describes the row that --hashrate adds: give --hashrate too');
    return parse(text, name, context);
  };
}

const measuredRate: Parser<number> = (text, name) => {
  if (/^\s*-/.test(text)) throw new InputError(name, `must be above 0, got ${text.trim()}`);
  const value = parseHashrate(text, name);
  if (!(value > 0)) throw new InputError(name, `must be above 0, got ${text.trim()}`);
  return value;
};

/** The user's own devices from an exported file; any bad entry refuses the file (the screen loads the rest). */
function readDevicesFile(file: string, name: string): DeviceProfile[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(name, `cannot read ${JSON.stringify(file)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let parsed;
  try {
    parsed = parseUserDevicesFile(text);
  } catch (error) {
    throw new InputError(name, `${JSON.stringify(file)}: ${(error as Error).message.replace(/^file: /, '')}`);
  }
  const [first, ...more] = parsed.problems;
  if (first !== undefined) throw new InputError(name, `${JSON.stringify(file)}: ${first}${more.length > 0 ? ` (and ${more.length} more)` : ''}`);
  return parsed.devices.map(userDeviceProfile);
}

export interface DeviceRow extends DeviceFigures {
  device: DeviceProfile;
}

/** Descending hashrate; ascending J/TH; descending profit. Unknowns (null) last, then by hashrate. */
function compare(sort: Sort): (a: DeviceRow, b: DeviceRow) => number {
  const key = (r: DeviceRow): number | null => (sort === 'hashrate' ? -r.device.hashrate : sort === 'efficiency' ? r.efficiency : r.profitPerDay === null ? null : -r.profitPerDay);
  return (a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === null || y === null) return x === y ? b.device.hashrate - a.device.hashrate : x === null ? 1 : -1;
    return x - y || b.device.hashrate - a.device.hashrate;
  };
}

/** 86400 -> "24.0 h"; 14,000 years -> "14,000 years"; 3.2e17 s -> "1.0e10 years". */
export function formatWait(seconds: number): string {
  if (seconds < 120) return `${seconds.toPrecision(3)} s`;
  if (seconds < 7200) return `${(seconds / 60).toPrecision(3)} min`;
  if (seconds < 2 * SECONDS_PER_DAY) return `${(seconds / 3600).toPrecision(3)} h`;
  if (seconds < SECONDS_PER_YEAR) return `${(seconds / SECONDS_PER_DAY).toPrecision(3)} days`;
  const years = seconds / SECONDS_PER_YEAR;
  return `${years < 1000 ? years.toPrecision(3) : years < 1e6 ? Math.round(years).toLocaleString('en-US') : exponent(years)} years`;
}

/** 4.7e6 -> "4.7e6". */
function exponent(x: number): string {
  return x.toExponential(1).replace('e+', 'e');
}

function formatEfficiency(e: number | null): string {
  if (e === null) return '—';
  return e < 1000 ? e.toFixed(1) : exponent(e);
}

function formatProbability(p: number): string {
  return p >= 0.9995 ? '~1' : p >= 0.001 ? p.toPrecision(3) : exponent(p);
}

function money(x: number | null): string {
  if (x === null) return '—';
  return Math.abs(x) >= 0.01 || x === 0 ? x.toFixed(2) : exponent(x);
}

function table(rows: readonly DeviceRow[], input: EconomicsInput): string[] {
  const withMoney = input.price !== null;
  const head = ['device', 'kind', 'hashrate', 'W', 'J/TH', 'released', 'solo wait', 'P(year)', ...(withMoney ? ['revenue/d', 'power/d', 'profit/d'] : []), 'conf.'];
  const body = rows.map((r) => [
    `${r.device.measured ? '* ' : ''}${r.device.name}`,
    r.device.kind,
    formatRate(r.device.hashrate),
    r.device.watts === null ? '—' : String(r.device.watts),
    formatEfficiency(r.efficiency),
    r.device.released,
    formatWait(r.expectedSecondsToBlock),
    formatProbability(r.pBlockPerYear),
    ...(withMoney ? [money(r.revenuePerDay), money(r.electricityPerDay), money(r.profitPerDay)] : []),
    r.device.confidence,
  ]);
  const NAME_WIDTH = 40;
  const cut = (s: string) => (s.length > NAME_WIDTH ? `${s.slice(0, NAME_WIDTH - 1)}…` : s);
  const cells = [head, ...body].map((line) => [cut(line[0]!), ...line.slice(1)]);
  const widths = head.map((_, i) => Math.max(...cells.map((line) => line[i]!.length)));
  // Text columns to the left, figures to the right.
  const left = new Set([0, 1, 5, head.length - 1]);
  const lines = cells.map((line) => line.map((c, i) => (left.has(i) ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd());
  return lines;
}

export const devicesCommand = command({
  name: 'devices',
  summary: 'the device catalogue: hashrate, J/TH, solo odds and economics, every figure sourced',
  about: `The SHA-256d devices PoW Lab models (ASIC miners, GPUs from hashcat, CPUs, home miners, 2013–2026), each
with its solo odds at a difficulty and its economics through the profitability model. Add your own
measured device with --hashrate, or your exported devices with --file. --json gives each figure's
source, release month and confidence.`,
  flags: {
    kind: option({ value: 'asic|gpu|cpu|home', describe: 'only devices of this kind (a --hashrate row is always shown)', defaultText: 'all', parse: oneOf<DeviceKind>(DEVICE_KINDS, 'kind') }),
    difficulty: option({
      value: 'D',
      describe: 'network difficulty',
      default: String(BUNDLED_DIFFICULTY.difficulty),
      defaultText: `${BUNDLED_DIFFICULTY.difficulty.toPrecision(5)}, the bundled ${BUNDLED_DIFFICULTY.date} figure`,
      parse: above0(MAX_DIFFICULTY),
    }),
    reward: option({ value: 'R', describe: 'block subsidy, coins', default: String(CURRENT_SUBSIDY), parse: numberIn(0, MAX_AMOUNT) }),
    fees: option({ value: 'F', describe: 'fees per block, coins', default: '0', parse: numberIn(0, MAX_AMOUNT) }),
    price: option({ value: 'P', describe: 'coin price; without it the money figures are null', parse: numberIn(0, MAX_AMOUNT) }),
    electricity: option({ value: 'E', describe: 'price of a kWh, in the money of --price; without it electricity and profit are null', parse: numberIn(0, MAX_AMOUNT) }),
    'pool-fee': option({ value: 'f', describe: 'fraction taken from subsidy and fees alike', default: '0', parse: numberIn(0, 1) }),
    hashrate: option({ value: 'H', describe: 'adds your measured device, H/s (SI suffixes allowed: 3.1M, 3.1 MH/s)', parse: measuredRate }),
    watts: option({ value: 'W', describe: "your device's power, W (with --hashrate)", parse: withHashrate(above0(1e9)) }),
    name: option({
      value: 'NAME',
      describe: 'what to call it (with --hashrate)',
      defaultText: 'your device',
      parse: withHashrate((text, name) => {
        const t = text.trim();
        if (t === '' || t.length > MAX_NAME_LENGTH) throw new InputError(name, `expected 1 to ${MAX_NAME_LENGTH} characters, got ${t.length}`);
        return t;
      }),
    }),
    file: option({ value: 'devices.json', describe: 'adds your own devices from a file exported by the Devices screen (docs/devices-schema.md)', parse: readDevicesFile }),
    sort: option({ value: 'hashrate|efficiency|profit', describe: 'highest hashrate, best J/TH, or highest profit first; unknowns last', default: 'hashrate', parse: oneOf<Sort>(SORTS, 'sort') }),
  },
  json: '{difficulty, devices: [{id, name, kind, hashrate, watts, efficiency, released, source, confidence, measured, expectedSecondsToBlock, pBlockPerYear, coinsPerDay, revenuePerDay, electricityPerDay, profitPerDay}]}',
  notes: `Formulas: expected seconds to a block = D × 2^32 / hashrate; P(block in a year) = 1 − exp(−365.25 days / expected);
coins/day = (R + F) × (1 − f) × 86400 / expected; efficiency = W / (hashrate / 10^12) J/TH. Null, not 0, where
a device's watts are unknown. A --file with any bad entry is refused (exit 2), naming the entry.`,
  run(v, out) {
    const input: EconomicsInput = {
      difficulty: v.difficulty,
      reward: v.reward,
      fees: v.fees,
      poolFee: v.poolFee,
      price: v.price ?? null,
      electricity: v.electricity ?? null,
    };
    const own: DeviceProfile[] = [];
    if (v.hashrate !== undefined) {
      if (v.hashrate > MAX_HASHRATE) throw new InputError('--hashrate', `must be at most ${MAX_HASHRATE}`);
      own.push({
        id: 'measured',
        name: v.name ?? 'your device',
        maker: 'you',
        kind: 'cpu',
        hashrate: v.hashrate,
        watts: v.watts ?? null,
        released: new Date().toISOString().slice(0, 7),
        source: 'your measurement (--hashrate)',
        confidence: 'medium',
        basis: v.watts === undefined ? 'watts: not given' : 'watts: as given with --watts',
        measured: true,
      });
    }
    const listed = [...DEVICES, ...(v.file ?? [])].filter((d) => v.kind === undefined || d.kind === v.kind);
    const rows: DeviceRow[] = [...own, ...listed].map((device) => ({ device, ...deviceFigures(device, input) }));
    rows.sort(compare(v.sort));
    const result = {
      difficulty: input.difficulty,
      devices: rows.map((r) => ({
        id: r.device.id,
        name: r.device.name,
        kind: r.device.kind,
        hashrate: r.device.hashrate,
        watts: r.device.watts,
        efficiency: efficiencyJPerTH(r.device),
        released: r.device.released,
        source: r.device.source,
        confidence: r.device.confidence,
        measured: r.device.measured,
        expectedSecondsToBlock: r.expectedSecondsToBlock,
        pBlockPerYear: r.pBlockPerYear,
        coinsPerDay: r.coinsPerDay,
        revenuePerDay: r.revenuePerDay,
        electricityPerDay: r.electricityPerDay,
        profitPerDay: r.profitPerDay,
      })),
    };
    out.result(result, () => [
      ...table(rows, input),
      '',
      `difficulty ${input.difficulty.toPrecision(5)}, reward ${input.reward} + fees ${input.fees} coins, pool fee ${input.poolFee}` +
        (input.price === null ? '; no --price, so no money figures' : `, price ${input.price}`) +
        (input.price !== null && input.electricity === null ? '; no --electricity, so no power cost or profit' : input.electricity === null ? '' : `, electricity ${input.electricity}/kWh`),
      `* measured. W: board power for GPUs (a spec), — where unknown. Sources and confidence of every figure: --json.`,
    ]);
    return 0;
  },
});
