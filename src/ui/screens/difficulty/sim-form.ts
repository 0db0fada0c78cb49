// The chain simulation's form: the fields each scenario shows, the algorithms to compare, and the
// typed text read into a SimConfig. Each field's own format is parsed here ("790 EH/s", "40,320");
// whether the config as a whole can be simulated is the worker's to say (chain-sim.ts
// checkSimConfig), and its InputError names a config field, which SIM_FIELD_IDS maps to the input.
import { MAX_BLOCKS, parseHashrate, parseHashrateCsv, type Scenario, type ScenarioKind, type SimConfig } from '../../../sim/chain-sim.js';
import { ALGORITHM_IDS, ALGORITHMS, type AlgorithmId } from '../../../sim/daa/index.js';
import { BUNDLED_DIFFICULTY, networkHashrate } from '../../../sim/luck.js';
import { parseInteger, parseNumber } from '../../../model/validate.js';
import { find, h } from '../../shared/dom.js';
import { Fields } from '../../shared/fields.js';
import { formatRate } from '../../shared/format.js';
import { swatch } from './algorithms.js';

const SCENARIO_HINTS: Record<ScenarioKind, string> = {
  constant: 'The same hashrate throughout: shows the noise each algorithm adds on its own.',
  drop: 'At the chosen day the hashrate is multiplied by the factor (0.5: half the miners leave, as when China banned mining in 2021).',
  ramp: 'From the chosen day the hashrate changes steadily to factor × its start over the ramp’s length.',
  oscillation: 'Extra miners mine for part of every period, then leave: a clock-driven swing.',
  switching:
    'Profit switchers: extra miners join whenever the difficulty is at most the threshold × the level that suits the steady miners, and leave when it rises above. Watch Bitcoin swing.',
  series: 'Type or paste “day, hashrate” lines, or load a CSV file. Units like EH/s are understood.',
};

/** The input of each name the simulation's config (and so the worker's InputError) uses. */
const SIM_FIELD_IDS: Record<string, string> = {
  hashrate: 'sim-hashrate',
  factor: 'sim-factor',
  atDays: 'sim-at-days',
  startDays: 'sim-at-days',
  days: 'sim-ramp-days',
  extra: 'sim-extra',
  periodHours: 'sim-period',
  duty: 'sim-duty',
  threshold: 'sim-threshold',
  series: 'sim-csv',
  blocks: 'sim-blocks',
  seed: 'sim-seed',
};

function simFieldId(field: string): string | undefined {
  // "series point 3 day": a point of the pasted series.
  return SIM_FIELD_IDS[field] ?? (field.startsWith('series point ') ? 'sim-csv' : undefined);
}

const INPUT_IDS = [...new Set(Object.values(SIM_FIELD_IDS))];

/** The largest CSV file worth reading: a hashrate series needs far less. */
const MAX_CSV_BYTES = 5_000_000;

export class SimForm {
  private readonly fields: Fields;
  private readonly scenario: HTMLSelectElement;
  private readonly checks = new Map<AlgorithmId, HTMLInputElement>();
  private readonly algorithmsError: HTMLElement;

  constructor(private readonly root: HTMLElement) {
    this.fields = new Fields(root, simFieldId);
    this.scenario = find<HTMLSelectElement>(root, 'sim-scenario');
    this.algorithmsError = find(root, 'sim-algos-error');
    this.fields.get('sim-hashrate').value = formatRate(networkHashrate(BUNDLED_DIFFICULTY.difficulty));

    const list = find(root, 'sim-algos');
    for (const id of ALGORITHM_IDS) {
      const box = h('input', { attrs: { type: 'checkbox', 'data-testid': `sim-algo-${id}` } });
      box.checked = true;
      list.append(
        h('label', { class: 'diff-algo' }, box, swatch(id), h('span', { text: ALGORITHMS[id].name }), h('span', { class: 'diff-algo-about', text: ALGORITHMS[id].summary })),
      );
      this.checks.set(id, box);
    }

    this.scenario.addEventListener('change', () => this.showScenario());
    this.showScenario();
    find<HTMLInputElement>(root, 'sim-csv-file').addEventListener('change', (event) => {
      const file = (event.target as HTMLInputElement).files?.[0];
      if (file) void this.loadCsv(file);
    });
  }

  private get kind(): ScenarioKind {
    return this.scenario.value as ScenarioKind;
  }

  /** Shows the fields the chosen scenario uses, and what it models. */
  private showScenario(): void {
    const kind = this.kind;
    for (const el of this.root.querySelectorAll<HTMLElement>('.diff-sim [data-when]')) {
      el.hidden = !(el.dataset['when'] ?? '').split(' ').includes(kind);
    }
    // The factor means "becomes ×": 0.5 suits a drop, 2 a ramp; extra miners likewise.
    const factor = this.fields.get('sim-factor');
    const extra = this.fields.get('sim-extra');
    if (kind === 'ramp' && factor.value.trim() === '0.5') factor.value = '2';
    if (kind === 'drop' && factor.value.trim() === '2') factor.value = '0.5';
    if (kind === 'switching' && extra.value.trim() === '1') extra.value = '2';
    if (kind === 'oscillation' && extra.value.trim() === '2') extra.value = '1';
    find(this.root, 'sim-scenario-hint').textContent = SCENARIO_HINTS[kind];
  }

  private async loadCsv(file: File): Promise<void> {
    const csv = this.fields.get<HTMLTextAreaElement>('sim-csv');
    if (file.size > MAX_CSV_BYTES) {
      csv.fail('That file is larger than 5 MB; a hashrate series needs far less.');
      return;
    }
    csv.value = await file.text();
    csv.read((text) => parseHashrateCsv(text, 'CSV'));
  }

  /** Reads every field the scenario uses: the config, or undefined with each bad field marked. */
  read(): SimConfig | undefined {
    for (const id of INPUT_IDS) this.fields.get(id).clear();
    let ok = true;
    const need = <T>(value: T | undefined): T => {
      if (value === undefined) ok = false;
      return value as T;
    };
    const read = <T>(id: string, parse: (text: string) => T) => need(this.fields.get(id).read(parse));
    const num = (id: string, name: string, min: number, max: number) => read(id, (text) => parseNumber(text, name, min, max));
    const hashrate = () => read('sim-hashrate', (text) => parseHashrate(text, 'hashrate'));
    const factor = () => num('sim-factor', 'factor', 0.001, 1000);
    const extra = () => num('sim-extra', 'extra', 0.001, 1000);

    const kind = this.kind;
    let scenario: Scenario;
    switch (kind) {
      case 'constant':
        scenario = { kind, hashrate: hashrate() };
        break;
      case 'drop':
        scenario = { kind, hashrate: hashrate(), factor: factor(), atDays: num('sim-at-days', 'day', 0, 100_000) };
        break;
      case 'ramp':
        scenario = { kind, hashrate: hashrate(), factor: factor(), startDays: num('sim-at-days', 'day', 0, 100_000), days: num('sim-ramp-days', 'days', 0.05, 100_000) };
        break;
      case 'oscillation':
        scenario = { kind, hashrate: hashrate(), extra: extra(), periodHours: num('sim-period', 'hours', 0.1, 100_000), duty: num('sim-duty', 'fraction', 0.01, 0.99) };
        break;
      case 'switching':
        scenario = { kind, hashrate: hashrate(), extra: extra(), threshold: num('sim-threshold', 'threshold', 0.01, 100) };
        break;
      case 'series':
        scenario = { kind, points: read('sim-csv', (text) => parseHashrateCsv(text, 'CSV')) };
        break;
    }
    const blocks = read('sim-blocks', (text) => parseInteger(text.replace(/[,_\s]/g, ''), 'blocks', 1, MAX_BLOCKS));
    const seed = read('sim-seed', (text) => parseInteger(text, 'seed', 0, 0xffffffff));
    const algorithms = ALGORITHM_IDS.filter((id) => this.checks.get(id)!.checked);
    this.algorithmsError.textContent = algorithms.length === 0 ? 'Choose at least one algorithm.' : '';
    if (!ok || algorithms.length === 0) return undefined;
    return { algorithms, scenario, blocks, seed, points: 600 };
  }

  /** Puts the worker's refusal beside the field it names; false when it names no field here. */
  place(error: unknown): boolean {
    return this.fields.place(error);
  }
}
