import { InputError, parseInteger, parseNumber } from '../../model/validate.js';
import { normalizeProfitInput, profitReport, type ProfitFieldNames } from '../../sim/profitability.js';
import { parseCommandArgs, stringFlag, type Parsed } from '../args.js';
import type { Output } from '../output.js';

export const profitHelp = `powlab profit --hashrate H --watts W --electricity PRICE_PER_KWH --difficulty D --reward SUBSIDY --price COIN_PRICE
              [--fees F] [--pool-fee f] [--hardware-cost C] [--difficulty-growth MONTHLY] [--blocks-to-halving N]

Mining profitability for the first day, and the break-even day with difficulty growing by a fixed
monthly rate (compounded daily) and, if given, the next halving. Money is in the unit of the price.
  --hashrate           H/s;  --watts  power at the wall;  --electricity  price of a kWh
  --difficulty         network difficulty;  --reward  block subsidy, coins;  --fees  fees per block (default 0)
  --price              coin price
  --pool-fee           fraction 0..1 (default 0), taken from subsidy and fees alike
  --hardware-cost      for break-even and ROI (default 0)
  --difficulty-growth  per month as a fraction (default 0; 0.03 is 3% a month)
  --blocks-to-halving  blocks until the subsidy halves (default: no halving modelled)
  --json  {"coinsPerDay", "revenuePerDay", "electricityPerDay", "profitPerDay", "breakEvenDays", "hashprice", ...}
"hashprice" is the revenue of 1 TH/s for a day before the pool fee. "breakEvenDays" is null if the rig
never pays for itself within ten years (it is assumed switched off on days it would lose money).`;

const NAMES: ProfitFieldNames = {
  hashrate: '--hashrate',
  watts: '--watts',
  electricity: '--electricity',
  difficulty: '--difficulty',
  subsidy: '--reward',
  fees: '--fees',
  price: '--price',
  poolFee: '--pool-fee',
  hardwareCost: '--hardware-cost',
  difficultyGrowth: '--difficulty-growth',
  blocksToHalving: '--blocks-to-halving',
};

function num(args: Parsed, flag: string, needed: true): number;
function num(args: Parsed, flag: string, needed: false): number | undefined;
function num(args: Parsed, flag: string, needed: boolean): number | undefined {
  const v = stringFlag(args, flag);
  if (v === undefined) {
    if (needed) throw new InputError(`--${flag}`, 'is required');
    return undefined;
  }
  return parseNumber(v, `--${flag}`, -Infinity, Infinity);
}

export function profitCommand(argv: string[], out: Output): number {
  const flags = ['hashrate', 'watts', 'electricity', 'difficulty', 'reward', 'fees', 'price', 'pool-fee', 'hardware-cost', 'difficulty-growth', 'blocks-to-halving'];
  const args = parseCommandArgs('profit', argv, Object.fromEntries(flags.map((f) => [f, { type: 'string' as const }])), 0);
  const halving = stringFlag(args, 'blocks-to-halving');
  const input = normalizeProfitInput(
    {
      hashrate: num(args, 'hashrate', true),
      watts: num(args, 'watts', true),
      electricity: num(args, 'electricity', true),
      difficulty: num(args, 'difficulty', true),
      subsidy: num(args, 'reward', true),
      fees: num(args, 'fees', false),
      price: num(args, 'price', true),
      poolFee: num(args, 'pool-fee', false),
      hardwareCost: num(args, 'hardware-cost', false),
      difficultyGrowth: num(args, 'difficulty-growth', false),
      blocksToHalving: halving === undefined ? undefined : parseInteger(halving, '--blocks-to-halving', 0, 2 ** 40),
    },
    NAMES,
  );
  const r = profitReport(input);
  const money = (x: number) => x.toFixed(2);
  out.result(r, () => [
    `coins/day        ${r.coinsPerDay.toPrecision(6)} (after the pool fee)`,
    `revenue/day      ${money(r.revenuePerDay)}`,
    `electricity/day  ${money(r.electricityPerDay)}`,
    `profit/day       ${money(r.profitPerDay)}`,
    `hashprice        ${r.hashprice.toPrecision(4)} per TH/s per day (${r.hashpriceCoins.toPrecision(4)} coins)`,
    `efficiency       ${r.efficiency.toPrecision(4)} J/TH`,
    `break-even       ${r.breakEvenDays === null ? 'never (within ten years)' : `${r.breakEvenDays.toFixed(1)} days`}`,
    ...(r.roi.oneYear === null ? [] : [`ROI 1/2/3 years  ${[r.roi.oneYear, r.roi.twoYears, r.roi.threeYears].map((x) => `${(x! * 100).toFixed(1)}%`).join(' / ')}`]),
  ]);
  return 0;
}
