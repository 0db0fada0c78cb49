import { InputError } from '../../model/validate.js';
import { isSchemeId, SCHEME_IDS, simulatePayouts, type FieldNames } from '../../sim/payouts/index.js';
import { parseInteger, parseNumber } from '../../model/validate.js';
import { parseCommandArgs, stringFlag, type Parsed } from '../args.js';
import type { Output } from '../output.js';

export const payoutsHelp = `powlab payouts --scheme solo|prop|pps|fpps|pplns|score --hashrate H --pool-hashrate P --difficulty D --reward B
               [--fees F] [--fee f] [--window N] [--score-decay R] [--share-difficulty S] [--days T] [--trials K] [--seed S]

Monte Carlo of a miner's earnings over a period under one pool payout scheme, with the closed forms of
Rosenfeld 2011 (arXiv:1112.4980) beside them. Earnings are in coins after the pool's fee.
  --scheme            solo, prop (proportional), pps (subsidy only), fpps (subsidy and fees), pplns,
                      score (Slush's method: shares weighted by an exponentially growing score)
  --hashrate          the miner's hashrate, H/s
  --pool-hashrate     the pool's hashrate including the miner, H/s (default: the miner's; solo ignores it)
  --difficulty        network difficulty
  --reward            block subsidy, coins;  --fees  average fees per block (default 0)
  --fee               pool fee as a fraction, 0..1 (default 0; 0.02 is 2%)
  --window            PPLNS window N in shares (default: the difficulty's worth, N = D / S)
  --score-decay       SCORE decay r as a multiple of D: a share s shares into a round scores e^(s / (r D))
                      (default 0.05)
  --share-difficulty  difficulty of one share (default 1)
  --days              period in days (default 1);  --trials  (default 10000);  --seed  (default 1)
  --json  {"scheme", "mean", "stdev", "pZero", "median", "p10", "p90", "firstPayout", "analytic", ...}
"pZero" is the fraction of trials with no payout at all; "analytic" holds the closed forms (mean,
stdev, pZero, meanTimeToFirstPayout, and per scheme e.g. PPS reserves, PPLNS per-share variance or
the SCORE decay in seconds).`;

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

function required(args: Parsed, flag: string): string {
  const v = stringFlag(args, flag);
  if (v === undefined) throw new InputError(`--${flag}`, 'is required');
  return v;
}

function optional(args: Parsed, flag: string): number | undefined {
  const v = stringFlag(args, flag);
  return v === undefined ? undefined : parseNumber(v, `--${flag}`, -Infinity, Infinity);
}

export function payoutsCommand(argv: string[], out: Output): number {
  const flags = ['scheme', 'hashrate', 'pool-hashrate', 'difficulty', 'reward', 'fees', 'fee', 'window', 'score-decay', 'share-difficulty', 'days', 'trials', 'seed'];
  const args = parseCommandArgs('payouts', argv, Object.fromEntries(flags.map((f) => [f, { type: 'string' as const }])), 0);
  const scheme = required(args, 'scheme');
  if (!isSchemeId(scheme)) throw new InputError('--scheme', `unknown scheme ${JSON.stringify(scheme)} (one of ${SCHEME_IDS.join(', ')})`);
  const days = optional(args, 'days') ?? 1;
  if (!(days > 0)) throw new InputError('--days', `expected a period above 0 days, got ${days}`);
  const trialsText = stringFlag(args, 'trials');
  const seedText = stringFlag(args, 'seed');
  const result = simulatePayouts(
    scheme,
    {
      hashrate: parseNumber(required(args, 'hashrate'), '--hashrate', -Infinity, Infinity),
      poolHashrate: optional(args, 'pool-hashrate'),
      difficulty: parseNumber(required(args, 'difficulty'), '--difficulty', -Infinity, Infinity),
      subsidy: parseNumber(required(args, 'reward'), '--reward', -Infinity, Infinity),
      fees: optional(args, 'fees'),
      poolFee: optional(args, 'fee'),
      window: optional(args, 'window'),
      scoreDecay: optional(args, 'score-decay'),
      shareDifficulty: optional(args, 'share-difficulty'),
      seconds: days * 86_400,
      trials: trialsText === undefined ? undefined : parseInteger(trialsText, '--trials', 1, 10_000_000),
      seed: seedText === undefined ? undefined : parseInteger(seedText, '--seed', -(2 ** 53 - 1), 2 ** 53 - 1),
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
}
