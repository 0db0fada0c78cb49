import { readFileSync } from 'node:fs';
import { ALGORITHM_IDS, isAlgorithmId, type AlgorithmId } from '../../sim/daa/index.js';
import {
  MAX_BLOCKS, parseHashrate, parseHashrateCsv, SCENARIO_KINDS, simulate, summarize, type Scenario, type ScenarioKind,
} from '../../sim/chain-sim.js';
import { BUNDLED_DIFFICULTY, networkHashrate } from '../../sim/luck.js';
import { formatBits } from '../../model/target.js';
import { InputError, parseInteger, parseNumber } from '../../model/validate.js';
import { parseCommandArgs, stringFlag, type Parsed } from '../args.js';
import { formatRate, type Output } from '../output.js';

const DEFAULT_HASHRATE = networkHashrate(BUNDLED_DIFFICULTY.difficulty);

export const simulateHelp = `powlab simulate difficulty --algorithm A --scenario S [--blocks N] [--seed S] [scenario options]

Simulates a chain: block times drawn at random (exponential, rate hashrate / (difficulty x 2^32)) while
the network hashrate follows a scenario and a difficulty-adjustment algorithm sets each block's nBits.
The same seed gives the same run; several algorithms (comma-separated, or "all") share the seed.
  --algorithm     ${ALGORITHM_IDS.join(', ')}, a comma-separated list, or all (default bitcoin)
  --scenario      ${SCENARIO_KINDS.filter((k) => k !== 'series').join(', ')}, csv (default constant)
  --blocks        blocks per algorithm, 1..${MAX_BLOCKS} (default 20160, ten Bitcoin periods)
  --seed          0..4294967295 (default 1)
  --hashrate      starting hashrate in H/s, SI suffixes allowed: 800E, 800EH/s
                  (default ${formatRate(DEFAULT_HASHRATE)}, the bundled ${BUNDLED_DIFFICULTY.date} difficulty at 600 s)
  drop:           --factor F (hashrate multiplied by F, default 0.5)  --at-days D (default 30)
  ramp:           --factor F (default 2)  --start-days D (default 30)  --days D (ramp length, default 60)
  oscillation:    --extra X (extra hashrate, times the base, default 1)  --period-hours H (default 24)
                  --duty D (fraction of each period it mines, default 0.5)
  switching:      --extra X (default 2)  --threshold R (switchers mine while difficulty <= R times
                  the difficulty that suits the base hashrate, default 1.1)
  csv:            --file PATH (lines "day,hashrate"; each holds until the next day)
  --lwma-window N (default 60)  --sma-window N (default 144)  --half-life S (ASERT, seconds, default 172800)
  --json          {"scenario", "blocks", "seed", "initialBits", "results": [{"algorithm", "meanInterval",
                  "stdInterval", "maxInterval", "finalDifficulty", "worstPeriodDeviation", "recovery", ...}]}`;

/** Which options each scenario takes; any other scenario option is an error, not silently ignored. */
const SCENARIO_OPTIONS: Record<ScenarioKind | 'csv', string[]> = {
  constant: ['hashrate'],
  drop: ['hashrate', 'factor', 'at-days'],
  ramp: ['hashrate', 'factor', 'start-days', 'days'],
  oscillation: ['hashrate', 'extra', 'period-hours', 'duty'],
  switching: ['hashrate', 'extra', 'threshold'],
  series: [],
  csv: ['file'],
};
const ALL_SCENARIO_OPTIONS = [...new Set(Object.values(SCENARIO_OPTIONS).flat())];

function algorithmsFrom(text: string): AlgorithmId[] {
  if (text === 'all') return [...ALGORITHM_IDS];
  const names = text.split(',').map((s) => s.trim());
  const algorithms: AlgorithmId[] = [];
  for (const name of names) {
    if (!isAlgorithmId(name)) throw new InputError('--algorithm', `unknown algorithm ${JSON.stringify(name)} (choose from ${ALGORITHM_IDS.join(', ')}, or all)`);
    if (algorithms.includes(name)) throw new InputError('--algorithm', `${name} is listed twice`);
    algorithms.push(name);
  }
  return algorithms;
}

function scenarioFrom(kind: string, args: Parsed): Scenario {
  const allowed = (SCENARIO_OPTIONS as Record<string, string[] | undefined>)[kind];
  if (!allowed || kind === 'series') {
    throw new InputError('--scenario', `unknown scenario ${JSON.stringify(kind)} (choose from ${Object.keys(SCENARIO_OPTIONS).filter((k) => k !== 'series').join(', ')})`);
  }
  for (const option of ALL_SCENARIO_OPTIONS) {
    if (stringFlag(args, option) !== undefined && !allowed.includes(option)) {
      throw new InputError(`--${option}`, `does not apply to --scenario ${kind} (it takes ${allowed.map((o) => `--${o}`).join(', ')})`);
    }
  }
  const number = (name: string, fallback: number, min: number, max: number) => {
    const text = stringFlag(args, name);
    return text === undefined ? fallback : parseNumber(text, `--${name}`, min, max);
  };
  const text = stringFlag(args, 'hashrate');
  const hashrate = text === undefined ? DEFAULT_HASHRATE : parseHashrate(text, '--hashrate');
  const positive = (name: string, fallback: number, max: number) => {
    const value = number(name, fallback, 0, max);
    if (value <= 0) throw new InputError(`--${name}`, `must be above 0, got ${value}`);
    return value;
  };
  switch (kind) {
    case 'constant':
      return { kind, hashrate };
    case 'drop':
      return { kind, hashrate, factor: positive('factor', 0.5, 1000), atDays: number('at-days', 30, 0, 1e6) };
    case 'ramp':
      return { kind, hashrate, factor: positive('factor', 2, 1000), startDays: number('start-days', 30, 0, 1e6), days: number('days', 60, 1 / 24, 1e5) };
    case 'oscillation': {
      const duty = number('duty', 0.5, 0, 1);
      if (duty <= 0 || duty >= 1) throw new InputError('--duty', `must be between 0 and 1 (exclusive), got ${duty}`);
      return { kind, hashrate, extra: positive('extra', 1, 1000), periodHours: number('period-hours', 24, 0.1, 1e5), duty };
    }
    case 'switching':
      return { kind, hashrate, extra: positive('extra', 2, 1000), threshold: positive('threshold', 1.1, 100) };
    default: {
      const file = stringFlag(args, 'file');
      if (file === undefined) throw new InputError('--file', 'is required with --scenario csv');
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        throw new InputError('--file', `cannot read ${JSON.stringify(file)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      }
      return { kind: 'series', points: parseHashrateCsv(text, '--file') };
    }
  }
}

const days = (seconds: number) => `${(seconds / 86_400).toFixed(2)} days`;

export function simulateCommand(argv: string[], out: Output): number {
  const args = parseCommandArgs(
    'simulate',
    argv,
    {
      algorithm: { type: 'string' },
      scenario: { type: 'string' },
      blocks: { type: 'string' },
      seed: { type: 'string' },
      'lwma-window': { type: 'string' },
      'sma-window': { type: 'string' },
      'half-life': { type: 'string' },
      ...Object.fromEntries(ALL_SCENARIO_OPTIONS.map((o) => [o, { type: 'string' as const }])),
    },
    1,
  );
  const what = args.positionals[0];
  if (what !== 'difficulty') {
    throw new InputError('simulate', what === undefined ? 'say what to simulate: powlab simulate difficulty ...' : `unknown simulation ${JSON.stringify(what)} (only "difficulty")`);
  }
  const algorithms = algorithmsFrom(stringFlag(args, 'algorithm') ?? 'bitcoin');
  const scenario = scenarioFrom(stringFlag(args, 'scenario') ?? 'constant', args);
  const blocks = parseInteger(stringFlag(args, 'blocks') ?? '20160', '--blocks', 1, MAX_BLOCKS);
  const seed = parseInteger(stringFlag(args, 'seed') ?? '1', '--seed', 0, 0xffffffff);
  const optional = (name: string, min: number, max: number) => {
    const text = stringFlag(args, name);
    return text === undefined ? undefined : parseInteger(text, `--${name}`, min, max);
  };
  const config = {
    algorithms,
    scenario,
    blocks,
    seed,
    lwmaWindow: optional('lwma-window', 2, 2000),
    smaWindow: optional('sma-window', 1, 2000),
    asertHalfLife: optional('half-life', 600, 1e8),
    points: 1,
  };
  const started = performance.now();
  const result = simulate(config, (done, total) => out.progress(`simulating ${Math.round((done / total) * 100)}% ...`));
  out.endProgress();
  const seconds = (performance.now() - started) / 1000;
  const summaries = result.results.map(summarize);
  const value = { scenario, blocks, seed, initialBits: formatBits(result.initialBits), results: summaries };
  out.result(value, () => [
    `scenario   ${scenario.kind}, ${blocks} blocks per algorithm, seed ${seed}, starting nBits ${value.initialBits}`,
    ...summaries.flatMap((s) => [
      '',
      `${s.name}`,
      `  mean interval      ${s.meanInterval.toFixed(1)} s (std ${s.stdInterval.toFixed(1)} s, longest ${(s.maxInterval / 60).toFixed(1)} min, ${s.longWaits} over 1 h)`,
      `  difficulty         ${s.initialDifficulty.toExponential(4)} -> ${s.finalDifficulty.toExponential(4)} (min ${s.minDifficulty.toExponential(3)}, max ${s.maxDifficulty.toExponential(3)})`,
      `  worst period       mean off 600 s by ${s.worstPeriodDeviation.toFixed(1)} s over ${s.periods} periods of 2016 blocks`,
      ...(s.recovery
        ? [`  back to 600 s      ${s.recovery.seconds === null ? 'not within the run' : `${days(s.recovery.seconds)} (${s.recovery.blocks} blocks) after day ${s.recovery.eventDays}`}`]
        : []),
    ]),
    '',
    `simulated in ${seconds.toFixed(2)} s`,
  ]);
  return 0;
}
