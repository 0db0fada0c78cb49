import { readFileSync } from 'node:fs';
import { ALGORITHM_IDS, isAlgorithmId, type AlgorithmId } from '../../sim/daa/index.js';
import { ASERT_HALF_LIFE } from '../../sim/daa/asert.js';
import { LWMA_DEFAULT_WINDOW } from '../../sim/daa/lwma.js';
import { SMA_DEFAULT_WINDOW } from '../../sim/daa/sma.js';
import {
  MAX_BLOCKS, parseHashrate, parseHashrateCsv, simulate, summarize, type Scenario, type ScenarioKind,
} from '../../sim/chain-sim.js';
import { BUNDLED_DIFFICULTY, networkHashrate } from '../../sim/luck.js';
import { formatBits } from '../../model/target.js';
import { InputError, parseNumber } from '../../model/validate.js';
import { formatRate } from '../output.js';
import { command, integerIn, numberIn, option, type Arg, type Parser, type Values } from '../spec.js';

const DEFAULT_HASHRATE = networkHashrate(BUNDLED_DIFFICULTY.difficulty);

/** Each scenario's own options and their defaults (besides --hashrate, which all but csv take). */
const SCENARIO_DEFAULTS = {
  constant: {},
  drop: { factor: 0.5, 'at-days': 30 },
  ramp: { factor: 2, 'start-days': 30, days: 60 },
  oscillation: { extra: 1, 'period-hours': 24, duty: 0.5 },
  switching: { extra: 2, threshold: 1.1 },
} as const;

/** Which options each scenario takes; any other scenario option is an error, not silently ignored. */
const SCENARIO_OPTIONS: Record<ScenarioKind | 'csv', string[]> = {
  ...(Object.fromEntries(Object.entries(SCENARIO_DEFAULTS).map(([kind, own]) => [kind, ['hashrate', ...Object.keys(own)]])) as Record<keyof typeof SCENARIO_DEFAULTS, string[]>),
  series: [],
  csv: ['file'],
};
const ALL_SCENARIO_OPTIONS = [...new Set(Object.values(SCENARIO_OPTIONS).flat())];
const SCENARIO_NAMES = Object.keys(SCENARIO_OPTIONS).filter((k) => k !== 'series');

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

/** --scenario, checked against the scenario options given with it before any of them is read. */
const scenarioKind: Parser<ScenarioKind | 'csv'> = (kind, name, { given }) => {
  // Own keys only: "toString" or "__proto__" must read as unknown, not as an inherited property.
  const allowed = Object.hasOwn(SCENARIO_OPTIONS, kind) ? (SCENARIO_OPTIONS as Record<string, string[]>)[kind] : undefined;
  if (!allowed || kind === 'series') {
    throw new InputError(name, `unknown scenario ${JSON.stringify(kind)} (choose from ${SCENARIO_NAMES.join(', ')})`);
  }
  for (const option of ALL_SCENARIO_OPTIONS) {
    if (given[option] !== undefined && !allowed.includes(option)) {
      throw new InputError(`--${option}`, `does not apply to --scenario ${kind} (it takes ${allowed.map((o) => `--${o}`).join(', ')})`);
    }
  }
  if (kind === 'csv' && given.file === undefined) throw new InputError('--file', 'is required with --scenario csv');
  return kind as ScenarioKind | 'csv';
};

/** The scenarios' own options: the help says which scenarios take each one, and its defaults there. */
function scenarioOptions<S extends Record<string, { value: string; describe: string; parse: Parser<unknown> }>>(specs: S) {
  const args = Object.entries(specs).map(([key, { value, describe, parse }]) => {
    const kinds = SCENARIO_NAMES.filter((kind) => SCENARIO_OPTIONS[kind as ScenarioKind | 'csv'].includes(key));
    const defaults = kinds.flatMap((kind) => {
      const own = (SCENARIO_DEFAULTS as Record<string, Readonly<Record<string, number>> | undefined>)[kind]?.[key];
      return own === undefined ? [] : [kinds.length > 1 ? `${own} for ${kind}` : String(own)];
    });
    return [key, option({ value, describe: `${kinds.join(', ')}: ${describe}`, defaultText: defaults.length > 0 ? defaults.join(', ') : undefined, parse })];
  });
  return Object.fromEntries(args) as { [K in keyof S]: Arg<ReturnType<S[K]['parse']> | undefined> };
}

function above0(max: number): Parser<number> {
  return (text, name) => {
    const value = parseNumber(text, name, 0, max);
    if (value <= 0) throw new InputError(name, `must be above 0, got ${value}`);
    return value;
  };
}

function readSeries(file: string, name: string) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(name, `cannot read ${JSON.stringify(file)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return parseHashrateCsv(text, name);
}

const flags = {
  algorithm: option({
    value: 'A',
    describe: `${ALGORITHM_IDS.join(', ')}, a comma-separated list, or all`,
    default: 'bitcoin',
    parse: algorithmsFrom,
  }),
  scenario: option({ value: 'S', describe: SCENARIO_NAMES.join(', '), default: 'constant', parse: scenarioKind }),
  hashrate: option({
    value: 'H',
    describe: 'starting hashrate in H/s, SI suffixes allowed: 800E, 800EH/s; every scenario but csv takes it',
    default: String(DEFAULT_HASHRATE),
    defaultText: `${formatRate(DEFAULT_HASHRATE)}, the bundled ${BUNDLED_DIFFICULTY.date} difficulty at 600 s`,
    parse: parseHashrate,
  }),
  ...scenarioOptions({
    factor: { value: 'F', describe: 'the hashrate is multiplied by F, at once (drop) or gradually over --days (ramp)', parse: above0(1000) },
    'at-days': { value: 'D', describe: 'the day of the drop', parse: numberIn(0, 1e6) },
    'start-days': { value: 'D', describe: 'the day the ramp starts', parse: numberIn(0, 1e6) },
    days: { value: 'D', describe: 'ramp length in days, at least an hour', parse: (text, name) => parseNumber(text, name, 1 / 24, 1e5) },
    duty: {
      value: 'D',
      describe: 'fraction of each period the extra hashrate mines, between 0 and 1',
      parse: (text, name) => {
        const duty = parseNumber(text, name, 0, 1);
        if (duty <= 0 || duty >= 1) throw new InputError(name, `must be between 0 and 1 (exclusive), got ${duty}`);
        return duty;
      },
    },
    extra: { value: 'X', describe: 'extra hashrate, times the base', parse: above0(1000) },
    'period-hours': { value: 'H', describe: 'length of one on/off period in hours', parse: numberIn(0.1, 1e5) },
    threshold: { value: 'R', describe: 'switchers mine while difficulty <= R times the difficulty that suits the base hashrate', parse: above0(100) },
    file: { value: 'PATH', describe: 'lines "day,hashrate"; each holds until the next day', parse: readSeries },
  }),
  blocks: option({ value: 'N', describe: 'blocks per algorithm', default: '20160', defaultText: '20160, ten Bitcoin periods', parse: integerIn(1, MAX_BLOCKS) }),
  seed: option({ value: 'S', describe: 'seed of the random block times', default: '1', parse: integerIn(0, 0xffffffff) }),
  'lwma-window': option({ value: 'N', describe: 'LWMA window in blocks', defaultText: String(LWMA_DEFAULT_WINDOW), parse: integerIn(2, 2000) }),
  'sma-window': option({ value: 'N', describe: 'SMA window in blocks', defaultText: String(SMA_DEFAULT_WINDOW), parse: integerIn(1, 2000) }),
  'half-life': option({ value: 'S', describe: 'ASERT half-life in seconds', defaultText: String(ASERT_HALF_LIFE), parse: integerIn(600, 1e8) }),
};

function scenarioFrom(v: Values<typeof flags>): Scenario {
  const { scenario: kind, hashrate } = v;
  switch (kind) {
    case 'constant':
      return { kind, hashrate };
    case 'drop': {
      const d = SCENARIO_DEFAULTS.drop;
      return { kind, hashrate, factor: v.factor ?? d.factor, atDays: v.atDays ?? d['at-days'] };
    }
    case 'ramp': {
      const d = SCENARIO_DEFAULTS.ramp;
      return { kind, hashrate, factor: v.factor ?? d.factor, startDays: v.startDays ?? d['start-days'], days: v.days ?? d.days };
    }
    case 'oscillation': {
      const d = SCENARIO_DEFAULTS.oscillation;
      return { kind, hashrate, extra: v.extra ?? d.extra, periodHours: v.periodHours ?? d['period-hours'], duty: v.duty ?? d.duty };
    }
    case 'switching': {
      const d = SCENARIO_DEFAULTS.switching;
      return { kind, hashrate, extra: v.extra ?? d.extra, threshold: v.threshold ?? d.threshold };
    }
    default:
      // --scenario csv makes sure --file is there.
      return { kind: 'series', points: v.file! };
  }
}

const days = (seconds: number) => `${(seconds / 86_400).toFixed(2)} days`;

export const simulateCommand = command({
  name: 'simulate',
  summary: 'simulate difficulty adjustment: powlab simulate difficulty',
  about: `Simulates a chain: block times drawn at random (exponential, rate hashrate / (difficulty x 2^32)) while
the network hashrate follows a scenario and a difficulty-adjustment algorithm sets each block's nBits.
The same seed gives the same run; several algorithms (comma-separated, or "all") share the seed.`,
  positionals: {
    simulation: option({
      value: 'difficulty',
      name: 'simulate',
      describe: 'what to simulate: difficulty adjustment (the only simulation so far)',
      required: 'say what to simulate: powlab simulate difficulty ...',
      parse: (what, name) => {
        if (what !== 'difficulty') throw new InputError(name, `unknown simulation ${JSON.stringify(what)} (only "difficulty")`);
        return what;
      },
    }),
  },
  flags,
  json: '{"scenario", "blocks", "seed", "initialBits", "results": [{"algorithm", "meanInterval", "stdInterval", "maxInterval", "finalDifficulty", "worstPeriodDeviation", "recovery", ...}]}',
  run(v, out) {
    const { algorithm: algorithms, blocks, seed } = v;
    const scenario = scenarioFrom(v);
    const config = {
      algorithms,
      scenario,
      blocks,
      seed,
      lwmaWindow: v.lwmaWindow,
      smaWindow: v.smaWindow,
      asertHalfLife: v.halfLife,
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
  },
});
