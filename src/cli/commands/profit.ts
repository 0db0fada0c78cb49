import { normalizeProfitInput, profitReport, type ProfitFieldNames } from '../../sim/profitability.js';
import { command, integerIn, numberIn, option } from '../spec.js';

/** The model checks ranges itself and names the flag through these. */
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

const REQUIRED = 'is required';
const ANY = numberIn(-Infinity, Infinity);

export const profitCommand = command({
  name: 'profit',
  summary: 'mining profitability, hashprice and break-even',
  about: `Mining profitability for the first day, and the break-even day with difficulty growing by a fixed
monthly rate (compounded daily) and, if given, the next halving. Money is in the unit of the price.`,
  flags: {
    hashrate: option({ value: 'H', describe: "the rig's hashrate, H/s", required: REQUIRED, parse: ANY }),
    watts: option({ value: 'W', describe: 'power at the wall, W', required: REQUIRED, parse: ANY }),
    electricity: option({ value: 'PRICE_PER_KWH', describe: 'price of a kWh', required: REQUIRED, parse: ANY }),
    difficulty: option({ value: 'D', describe: 'network difficulty', required: REQUIRED, parse: ANY }),
    reward: option({ value: 'SUBSIDY', describe: 'block subsidy, coins', required: REQUIRED, parse: ANY }),
    fees: option({ value: 'F', describe: 'fees per block, coins', defaultText: '0', parse: ANY }),
    price: option({ value: 'COIN_PRICE', describe: 'coin price', required: REQUIRED, parse: ANY }),
    'pool-fee': option({ value: 'f', describe: 'fraction 0..1, taken from subsidy and fees alike', defaultText: '0', parse: ANY }),
    'hardware-cost': option({ value: 'C', describe: 'for break-even and ROI', defaultText: '0', parse: ANY }),
    'difficulty-growth': option({ value: 'MONTHLY', describe: 'per month as a fraction; 0.03 is 3% a month', defaultText: '0', parse: ANY }),
    'blocks-to-halving': option({ value: 'N', describe: 'blocks until the subsidy halves', defaultText: 'no halving modelled', parse: integerIn(0, 2 ** 40) }),
  },
  json: '{"coinsPerDay", "revenuePerDay", "electricityPerDay", "profitPerDay", "breakEvenDays", "hashprice", ...}',
  notes: `"hashprice" is the revenue of 1 TH/s for a day before the pool fee. "breakEvenDays" is null if the rig
never pays for itself within ten years (it is assumed switched off on days it would lose money).`,
  run(v, out) {
    const input = normalizeProfitInput(
      {
        hashrate: v.hashrate,
        watts: v.watts,
        electricity: v.electricity,
        difficulty: v.difficulty,
        subsidy: v.reward,
        fees: v.fees,
        price: v.price,
        poolFee: v.poolFee,
        hardwareCost: v.hardwareCost,
        difficultyGrowth: v.difficultyGrowth,
        blocksToHalving: v.blocksToHalving,
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
  },
});
