// The two charts of the luck panel: the chance of a first block by time mined, on a log time axis in
// a unit that suits the average wait, and the Poisson distribution of blocks found in a period.
import { probabilityOfBlock, SECONDS_PER_DAY, SECONDS_PER_YEAR, type PoissonBar } from '../../../sim/luck.js';
import { createBarChart } from '../../shared/charts/bar.js';
import { createLineChart, type Point } from '../../shared/charts/line.js';
import { find } from '../../shared/dom.js';
import { formatBigNumber, formatProbability, sig } from '../../shared/format.js';

/** Labels a log axis only at 1, 10, 100 … so its ticks do not crowd. */
function powerOfTenLabel(value: number): string {
  const exponent = Math.log10(value);
  return Math.abs(exponent - Math.round(exponent)) < 1e-9 ? formatBigNumber(value) : '';
}

/** The unit the time axis counts in: one in which the average wait is a number a reader can picture. */
function timeUnit(meanSeconds: number): { seconds: number; name: string } {
  if (meanSeconds >= 2 * SECONDS_PER_YEAR) return { seconds: SECONDS_PER_YEAR, name: 'years' };
  if (meanSeconds >= 2 * SECONDS_PER_DAY) return { seconds: SECONDS_PER_DAY, name: 'days' };
  if (meanSeconds >= 7200) return { seconds: 3600, name: 'hours' };
  if (meanSeconds >= 120) return { seconds: 60, name: 'minutes' };
  return { seconds: 1, name: 'seconds' };
}

/** Points of the curve, from 1% to 10× the average wait. */
const CURVE_STEPS = 120;

export interface LuckCharts {
  showFirstBlock(hashrate: number, difficulty: number, meanSeconds: number): void;
  showBlocksFound(bars: readonly PoissonBar[]): void;
  clear(): void;
}

export function createLuckCharts(root: HTMLElement): LuckCharts {
  let unit = timeUnit(1);
  const firstBlock = createLineChart(find<HTMLCanvasElement>(root, 'luck-chart-cdf'), {
    x: { title: 'time mined (log scale)', log: true, format: powerOfTenLabel },
    y: { title: 'P(at least one block)', min: 0, max: 1 },
    legend: false,
    tooltip: (_, x, y) => `${formatProbability(y)} within ${sig(x)} ${unit.name}`,
  });
  const blocksFound = createBarChart(find<HTMLCanvasElement>(root, 'luck-chart-poisson'), {
    x: { title: 'blocks found' },
    y: { title: 'probability', min: 0 },
    tooltip: (_, k, p) => `${k} blocks: ${formatProbability(p)}`,
  });

  return {
    showFirstBlock(hashrate, difficulty, meanSeconds) {
      unit = timeUnit(meanSeconds);
      const points: Point[] = [];
      for (let i = 0; i <= CURVE_STEPS; i++) {
        const seconds = meanSeconds * 10 ** (-2 + (i / CURVE_STEPS) * 3);
        points.push({ x: seconds / unit.seconds, y: probabilityOfBlock(hashrate, difficulty, seconds) });
      }
      firstBlock.setAxisTitle('x', `time mined (${unit.name}, log scale)`);
      firstBlock.setSeries([{ label: 'P(at least one block)', points }]);
    },
    showBlocksFound(bars) {
      blocksFound.setData(
        bars.map((b) => String(b.k)),
        [{ label: 'probability', values: bars.map((b) => b.probability) }],
      );
    },
    clear() {
      firstBlock.setSeries([]);
      blocksFound.setData([], []);
    },
  };
}
