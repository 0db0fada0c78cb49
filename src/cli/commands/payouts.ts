import { InputError, parseNumber } from '../../model/validate.js';
import { DEFAULTS, isSchemeId, SCHEME_IDS, simulatePayouts, type FieldNames } from '../../sim/payouts/index.js';
import { command, integerIn, numberIn, option } from '../spec.js';

/** The model checks ranges itself and names the flag through these. */
const NAMES: FieldNames = {
  hashrate: '--hashrate',
  poolHashrate: '--pool-hashrate',
  difficulty: '--difficulty',
  subsidy: '--reward',
  fees: '--fees',
  poolFee: '--fee',
  window: '--window',
  scoreDecay: '--score-decay',
  shareDifficulty: '--share-difficulty',
  seconds: '--days',
  trials: '--trials',
  seed: '--seed',
};

const REQUIRED = 'is required';
const ANY = numberIn(-Infinity, Infinity);

export const payoutsCommand = command({
  name: 'payouts',
  summary: 'pool payout schemes: Monte Carlo beside the closed forms',
  about: `Monte Carlo of a miner's earnings over a period under one pool payout scheme, with the closed forms of
Rosenfeld 2011 (arXiv:1112.4980) beside them. Earnings are in coins after the pool's fee.`,
  flags: {
    scheme: option({
      value: SCHEME_IDS.join('|'),
      describe: "solo, prop (proportional), pps (subsidy only), fpps (subsidy and fees), pplns, score (Slush's method: shares weighted by an exponentially growing score)",
      required: REQUIRED,
      parse: (text, name) => {
        if (!isSchemeId(text)) throw new InputError(name, `unknown scheme ${JSON.stringify(text)} (one of ${SCHEME_IDS.join(', ')})`);
        return text;
      },
    }),
    days: option({
      value: 'T',
      describe: 'period in days',
      default: String(DEFAULTS.seconds / 86_400),
      parse: (text, name) => {
        const days = parseNumber(text, name, -Infinity, Infinity);
        if (!(days > 0)) throw new InputError(name, `expected a period above 0 days, got ${days}`);
        return days;
      },
    }),
    hashrate: option({ value: 'H', describe: "the miner's hashrate, H/s", required: REQUIRED, parse: ANY }),
    'pool-hashrate': option({ value: 'P', describe: "the pool's hashrate including the miner, H/s; solo ignores it", defaultText: "the miner's", parse: ANY }),
    difficulty: option({ value: 'D', describe: 'network difficulty', required: REQUIRED, parse: ANY }),
    reward: option({ value: 'B', describe: 'block subsidy, coins', required: REQUIRED, parse: ANY }),
    fees: option({ value: 'F', describe: 'average fees per block, coins', defaultText: String(DEFAULTS.fees), parse: ANY }),
    fee: option({ value: 'f', describe: 'pool fee as a fraction, 0..1; 0.02 is 2%', defaultText: String(DEFAULTS.poolFee), parse: ANY }),
    window: option({ value: 'N', describe: 'PPLNS window N in shares', defaultText: "the difficulty's worth, N = D / S", parse: ANY }),
    'score-decay': option({
      value: 'R',
      describe: 'SCORE decay r as a multiple of D: a share s shares into a round scores e^(s / (r D))',
      defaultText: String(DEFAULTS.scoreDecay),
      parse: ANY,
    }),
    'share-difficulty': option({ value: 'S', describe: 'difficulty of one share', defaultText: String(DEFAULTS.shareDifficulty), parse: ANY }),
    trials: option({ value: 'K', describe: 'Monte Carlo trials', defaultText: String(DEFAULTS.trials), parse: integerIn(1, 10_000_000) }),
    seed: option({ value: 'S', describe: 'seed of the random draws', defaultText: String(DEFAULTS.seed), parse: integerIn(-(2 ** 53 - 1), 2 ** 53 - 1) }),
  },
  json: '{"scheme", "mean", "stdev", "pZero", "median", "p10", "p90", "firstPayout", "analytic", ...}',
  notes: `"pZero" is the fraction of trials with no payout at all; "analytic" holds the closed forms (mean,
stdev, pZero, meanTimeToFirstPayout, and per scheme e.g. PPS reserves, PPLNS per-share variance or
the SCORE decay in seconds).`,
  run(v, out) {
    const { scheme, days } = v;
    const result = simulatePayouts(
      scheme,
      {
        hashrate: v.hashrate,
        poolHashrate: v.poolHashrate,
        difficulty: v.difficulty,
        subsidy: v.reward,
        fees: v.fees,
        poolFee: v.fee,
        window: v.window,
        scoreDecay: v.scoreDecay,
        shareDifficulty: v.shareDifficulty,
        seconds: days * 86_400,
        trials: v.trials,
        seed: v.seed,
      },
      { names: NAMES },
    );
    const e = result.earnings;
    const value = {
      scheme,
      days,
      trials: result.trials,
      mean: e.mean,
      stdev: e.stdev,
      pZero: e.pZero,
      median: e.median,
      p10: e.p10,
      p90: e.p90,
      min: e.min,
      max: e.max,
      firstPayout: result.firstPayout,
      analytic: result.analytic,
    };
    const coins = (x: number) => x.toPrecision(6);
    const a = result.analytic;
    out.result(value, () => [
      `scheme     ${scheme}, ${days} day${days === 1 ? '' : 's'}, ${result.trials} trials (coins after the pool fee)`,
      `mean       ${coins(e.mean)}   (closed form ${coins(a.mean)})`,
      `stdev      ${coins(e.stdev)}   (closed form ${coins(a.stdev)})`,
      `no payout  ${(e.pZero * 100).toFixed(2)}% of trials   (closed form ${(a.pZero * 100).toFixed(2)}%)`,
      `p10 / median / p90   ${coins(e.p10)} / ${coins(e.median)} / ${coins(e.p90)}`,
      `first payout  ${result.firstPayout.medianSeconds === null ? 'none in the period' : `median ${(result.firstPayout.medianSeconds / 3600).toFixed(2)} h when paid`}`,
    ]);
    return 0;
  },
});
