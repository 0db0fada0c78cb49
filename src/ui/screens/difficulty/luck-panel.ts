// "Your odds of finding a block alone": a hashrate (the one this browser measured, or typed) against
// a network difficulty gives the expected wait, the chance within a day, a year and a lifetime, and
// the spread of the wait; then a toy difficulty a learner can hit on the "Mine a block" screen.
import { parseHashrate } from '../../../sim/chain-sim.js';
import {
  BUNDLED_DIFFICULTY, DEFAULT_LIFETIME_YEARS, expectedBlocks, networkHashrate, poissonDistribution, probabilityOfBlock, soloOdds,
  toyDifficulty,
} from '../../../sim/luck.js';
import { formatBits } from '../../../model/target.js';
import { parseInteger, parseNumber } from '../../../model/validate.js';
import { find } from '../../shared/dom.js';
import { Field } from '../../shared/fields.js';
import {
  DASH, formatBigNumber, formatCount, formatDate, formatDuration, formatProbability, formatRate, formatScientific, plural, sig,
} from '../../shared/format.js';
import { readMeasuredHashrate, watchMeasuredHashrate, type MeasuredHashrate } from '../../shared/measured-hashrate.js';
import { createLuckCharts } from './luck-charts.js';

/** A typed hashrate before any benchmark: a laptop's few threads. */
const UNMEASURED_HASHRATE = '5 MH/s';

/** Tiny figures read better as 1.23 × 10⁻⁴ than as 0.000123. */
const small = (n: number) => (n < 1e-3 ? formatScientific(n) : sig(n));

function measuredText(measured: MeasuredHashrate): string {
  const date = measured.date ? ` (${formatDate(measured.date)})` : '';
  return `Measured by the Benchmark screen in this browser on ${plural(measured.threads, 'thread', 'threads')}${date}: ${formatRate(measured.hashrate)}.`;
}

export function mountLuckPanel(root: HTMLElement): void {
  const hashrate = new Field(root, 'luck-hashrate');
  const difficulty = new Field(root, 'luck-difficulty');
  const lifetime = new Field(root, 'luck-lifetime');
  const results = find(root, 'luck-results');
  const period = find<HTMLSelectElement>(root, 'luck-period');
  const out = {
    expected: find(root, 'luck-expected'),
    day: find(root, 'luck-day'),
    year: find(root, 'luck-year'),
    lifetime: find(root, 'luck-lifetime-odds'),
    p10: find(root, 'luck-p10'),
    p50: find(root, 'luck-p50'),
    p90: find(root, 'luck-p90'),
  };
  const lifetimeLabel = find(root, 'luck-lifetime-label');
  const poissonNote = find(root, 'luck-poisson-note');
  const hashrateSource = find(root, 'luck-hashrate-source');
  const difficultySource = find(root, 'luck-difficulty-source');
  const charts = createLuckCharts(root);
  const toy = mountToyDifficulty(root);

  const showMeasured = (measured: MeasuredHashrate) => {
    hashrate.value = String(measured.hashrate);
    hashrateSource.textContent = measuredText(measured);
  };
  const measured = readMeasuredHashrate();
  if (measured) showMeasured(measured);
  else {
    hashrate.value = UNMEASURED_HASHRATE;
    hashrateSource.textContent = 'Not measured yet: run the Benchmark screen to use this browser’s own figure, or type one.';
  }
  const bundledNote = `Bitcoin’s difficulty from block ${formatCount(BUNDLED_DIFFICULTY.height)} (${BUNDLED_DIFFICULTY.date}, nBits ${formatBits(BUNDLED_DIFFICULTY.bits)}); type today’s figure if you know it.`;
  const resetDifficulty = () => {
    difficulty.value = String(BUNDLED_DIFFICULTY.difficulty);
  };
  resetDifficulty();
  lifetime.value = String(DEFAULT_LIFETIME_YEARS);

  const update = () => {
    const h = hashrate.read((text) => parseHashrate(text, 'hashrate'));
    const d = difficulty.read((text) => parseNumber(text.replace(/[,_\s]/g, ''), 'difficulty', 1e-12, 1e30));
    const years = lifetime.read((text) => parseNumber(text, 'years', 0.01, 10_000));
    difficultySource.textContent =
      d === BUNDLED_DIFFICULTY.difficulty ? bundledNote : d !== undefined ? `≈ ${formatRate(networkHashrate(d))} of network hashrate at 600 s per block.` : '';
    toy.update(h);
    if (h === undefined || d === undefined || years === undefined) {
      results.dataset['state'] = 'invalid';
      for (const el of Object.values(out)) el.textContent = DASH;
      poissonNote.textContent = '';
      charts.clear();
      return;
    }

    const odds = soloOdds(h, d, years);
    out.expected.textContent = formatDuration(odds.expectedSeconds);
    out.day.textContent = formatProbability(odds.day);
    out.year.textContent = formatProbability(odds.year);
    lifetimeLabel.textContent = `P(within ${sig(years)} years)`;
    out.lifetime.textContent = formatProbability(odds.lifetime);
    out.p10.textContent = formatDuration(odds.percentiles.p10);
    out.p50.textContent = formatDuration(odds.percentiles.p50);
    out.p90.textContent = formatDuration(odds.percentiles.p90);
    charts.showFirstBlock(h, d, odds.expectedSeconds);

    const lambda = expectedBlocks(h, d, Number(period.value));
    const { bars, rest } = poissonDistribution(lambda, 41);
    charts.showBlocksFound(bars);
    const periodName = period.selectedOptions[0]?.textContent?.replace(/^an? /, '') ?? 'period';
    const hidden = rest > 1e-6 ? ` Counts not shown: ${formatProbability(rest)}.` : '';
    poissonNote.textContent = `On average ${small(lambda)} blocks per ${periodName}; P(none) = ${formatProbability(Math.exp(-lambda))}.${hidden}`;
    results.dataset['state'] = 'ready';
  };

  for (const field of [hashrate, difficulty, lifetime]) field.input.addEventListener('input', update);
  period.addEventListener('change', update);
  find(root, 'luck-difficulty-reset').addEventListener('click', () => {
    resetDifficulty();
    update();
  });
  toy.onInput(update);
  // A benchmark may end while this screen is open, in this tab or another.
  watchMeasuredHashrate((fresh) => {
    if (!fresh) return;
    showMeasured(fresh);
    update();
  });
  update();
}

/** "A difficulty you can hit during the lesson": 2^bits hashes, at the luck panel's hashrate. */
function mountToyDifficulty(root: HTMLElement): { update(hashrate: number | undefined): void; onInput(listener: () => void): void } {
  const bits = new Field(root, 'toy-bits');
  const out = {
    hashes: find(root, 'toy-hashes'),
    difficulty: find(root, 'toy-difficulty'),
    time: find(root, 'toy-time'),
    p50: find(root, 'toy-p50'),
    within10s: find(root, 'toy-10s'),
  };
  const dash = (...els: HTMLElement[]) => {
    for (const el of els) el.textContent = DASH;
  };
  return {
    update(hashrate) {
      const t = bits.read((text) => toyDifficulty(parseInteger(text, 'zero bits', 1, 255)));
      if (!t) return dash(...Object.values(out));
      out.hashes.textContent = `2^${t.zeroBits} = ${formatBigNumber(t.expectedHashes)}`;
      out.difficulty.textContent = small(t.difficulty);
      if (hashrate === undefined) return dash(out.time, out.p50, out.within10s);
      const odds = soloOdds(hashrate, t.difficulty);
      out.time.textContent = formatDuration(odds.expectedSeconds);
      out.p50.textContent = formatDuration(odds.percentiles.p50);
      out.within10s.textContent = formatProbability(probabilityOfBlock(hashrate, t.difficulty, 10));
    },
    onInput(listener) {
      bits.input.addEventListener('input', listener);
    },
  };
}
