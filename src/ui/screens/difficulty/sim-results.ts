// What a chain simulation shows: a summary row per algorithm and three charts (difficulty and the
// block interval over time, and the mean interval of each 2016-block period).
import { summarize, type AlgorithmResult, type SimResult } from '../../../sim/chain-sim.js';
import { ALGORITHMS } from '../../../sim/daa/index.js';
import { SECONDS_PER_DAY } from '../../../sim/luck.js';
import { RETARGET_INTERVAL } from '../../../sim/retarget.js';
import { createLineChart, type Point, type Series } from '../../shared/charts/line.js';
import { cell, find, h } from '../../shared/dom.js';
import { DASH, formatBigNumber, formatCount, formatDuration, formatFixed, sig } from '../../shared/format.js';
import { ALGORITHM_COLORS, REFERENCE_COLOR, swatch } from './algorithms.js';

type Recovery = ReturnType<typeof summarize>['recovery'];

function recoveryText(recovery: Recovery): string {
  if (recovery === null) return 'no change in this scenario';
  if (recovery.seconds === null) return 'not within the run';
  if (recovery.seconds === 0) return 'never left ±10%';
  return `${formatDuration(recovery.seconds)} (${formatCount(recovery.blocks ?? NaN)} blocks)`;
}

function summaryRow(r: AlgorithmResult): HTMLTableRowElement {
  const s = summarize(r);
  const row = h('tr', { attrs: { 'data-algorithm': r.algorithm } });
  cell(row, '', true).append(swatch(r.algorithm), ALGORITHMS[r.algorithm].name);
  cell(row, `${formatFixed(s.meanInterval, 1)} s`).dataset['testid'] = `sim-mean-${r.algorithm}`;
  cell(row, `${formatFixed(s.stdInterval, 0)} s`);
  cell(row, formatDuration(s.maxInterval));
  // The first period has 2015 intervals (Core's off-by-one); a shorter run has none complete.
  cell(row, s.blocks >= RETARGET_INTERVAL - 1 ? `${formatFixed(s.worstPeriodDeviation, 1)} s off 600 s` : `${DASH} (no full period)`);
  cell(row, recoveryText(s.recovery)).dataset['testid'] = `sim-recovery-${r.algorithm}`;
  cell(row, `${formatBigNumber(s.initialDifficulty)} → ${formatBigNumber(s.finalDifficulty)}`);
  return row;
}

function points(xs: ArrayLike<number>, ys: ArrayLike<number>): Point[] {
  return Array.from(ys, (y, i) => ({ x: xs[i]!, y }));
}

function algorithmSeries(r: AlgorithmResult, pts: Point[]): Series {
  return { label: ALGORITHMS[r.algorithm].name, points: pts, color: ALGORITHM_COLORS[r.algorithm] };
}

const onDay = (series: string, x: number, text: string) => `${series}: ${text} on day ${sig(x)}`;

export function createSimResults(root: HTMLElement): { show(result: SimResult): void } {
  const rows = find(root, 'sim-summary').querySelector('tbody')!;
  const canvas = (id: string) => find<HTMLCanvasElement>(root, id);
  const difficulty = createLineChart(canvas('sim-chart-difficulty'), {
    x: { title: 'days' },
    y: { title: 'difficulty', format: formatBigNumber, zero: false },
    legend: 'bottom',
    tooltip: (series, x, y) => onDay(series, x, formatBigNumber(y)),
  });
  const interval = createLineChart(canvas('sim-chart-interval'), {
    x: { title: 'days' },
    y: { title: 'seconds', zero: false },
    legend: 'bottom',
    tooltip: (series, x, y) => onDay(series, x, `${sig(y)} s`),
  });
  const periods = createLineChart(canvas('sim-chart-periods'), {
    x: { title: 'period (2016 blocks)', integer: true },
    y: { title: 'seconds', zero: false },
    legend: 'bottom',
    tooltip: (series, x, y) => `${series}: ${sig(y)} s in period ${formatCount(x)}`,
  });

  return {
    show(result) {
      rows.replaceChildren(...result.results.map(summaryRow));
      const first = result.results[0]!;

      difficulty.setSeries([
        ...result.results.map((r) => algorithmSeries(r, points(r.series.days, r.series.difficulty))),
        // Switchers react to the difficulty itself, so no one hashrate says what 600 s would need.
        ...(result.config.scenario.kind === 'switching'
          ? []
          : [{ label: 'Difficulty for 600 s at the hashrate', points: points(first.series.days, first.series.idealDifficulty), color: REFERENCE_COLOR, dashed: true }]),
      ]);

      const lastDay = Math.max(...result.results.map((r) => r.duration / SECONDS_PER_DAY));
      interval.setSeries([
        ...result.results.map((r) => algorithmSeries(r, points(r.series.days, r.series.interval))),
        { label: '600 s', points: [{ x: 0, y: 600 }, { x: lastDay, y: 600 }], color: REFERENCE_COLOR, dashed: true },
      ]);

      // Only whole periods (2015 blocks for the first, 2016 after): a last period of a few blocks is noise.
      const blocks = result.config.blocks;
      const whole = blocks >= RETARGET_INTERVAL - 1 ? 1 + Math.floor((blocks - (RETARGET_INTERVAL - 1)) / RETARGET_INTERVAL) : 0;
      periods.setSeries(
        result.results.map((r) => {
          const means = whole > 0 ? r.periodMeanInterval.subarray(0, whole) : r.periodMeanInterval;
          return algorithmSeries(r, Array.from(means, (y, i) => ({ x: i + 1, y })));
        }),
      );
    },
  };
}
