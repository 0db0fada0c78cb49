// The app's bar chart and histogram: categories along x (blocks found, earnings bins), one or more
// series of values. A non-finite value is left out (its bar is empty) and counted on the canvas (kit.ts).
import type { TooltipItem } from 'chart.js';
import { addChartExport } from '../export.js';
import { axisOptions, Chart, colorOf, isDrawable, markCounts, renderedAt, themeColor, type AxisSpec, type ColorSpec } from './kit.js';

export interface BarSeries {
  label: string;
  values: readonly number[];
  color?: ColorSpec;
  /** A colour per bar (a device's kind), instead of one for the series. */
  colors?: readonly ColorSpec[];
  /** Bars drawn with a thick outline (measured rows among modelled ones). */
  highlight?: readonly boolean[];
}

export interface BarChartSpec {
  /** The category axis; `label` shortens a category's tick text (the tooltip keeps it whole). */
  x: { title: string; maxTicks?: number; label?: (category: string) => string };
  /** The value axis (log, format, …), wherever it lies. */
  y: AxisSpec;
  /** Bars lying along a horizontal value axis, categories down the left (many long names). */
  horizontal?: boolean;
  /** Bars touching, as a histogram's bins do. */
  histogram?: boolean;
  /** Formats a bar for the tooltip. */
  tooltip?: (series: string, category: string, value: number) => string;
  legend?: 'top' | 'bottom' | false;
}

export interface BarChart {
  readonly canvas: HTMLCanvasElement;
  setData(categories: readonly string[], series: readonly BarSeries[]): void;
  destroy(): void;
}

export function createBarChart(canvas: HTMLCanvasElement, spec: BarChartSpec): BarChart {
  const text = themeColor('--muted', '#57606a');
  const shorten = spec.x.label;
  const categoryAxis = {
    type: 'category',
    title: { display: true, text: spec.x.title, color: text },
    ticks: {
      color: text,
      maxRotation: 0,
      autoSkip: !spec.horizontal,
      ...(spec.x.maxTicks ? { maxTicksLimit: spec.x.maxTicks } : {}),
      ...(shorten
        ? {
            callback(this: { getLabelForValue(value: number): string }, value: number | string) {
              return shorten(this.getLabelForValue(Number(value)));
            },
          }
        : {}),
    },
    grid: { display: false },
  };
  const chart = new Chart<'bar', (number | null)[], string>(canvas, {
    type: 'bar',
    data: { labels: [], datasets: [] },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: {
        legend: spec.legend ? { position: spec.legend, labels: { color: text, boxWidth: 14 } } : { display: false },
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'bar'>) => {
              const value = item.raw as number;
              const label = item.dataset.label ?? '';
              return spec.tooltip ? spec.tooltip(label, String(item.label), value) : `${label}: ${value}`;
            },
          },
        },
      },
      // Room on the right for the last tick's label, which centres on the axis's end.
      ...(spec.horizontal ? { indexAxis: 'y', layout: { padding: { right: 20 } } } : {}),
      scales: spec.horizontal ? { y: categoryAxis, x: lyingValueAxis(spec.y) } : { x: categoryAxis, y: axisOptions(spec.y, 'left', true) },
    } as never,
  });
  markCounts(canvas, 0, 0);
  const saver = addChartExport(canvas, { render: (ratio) => renderedAt(chart, ratio) });

  return {
    canvas,
    setData(categories, series) {
      let drawn = 0;
      let dropped = 0;
      chart.data.labels = [...categories];
      chart.data.datasets = series.map((s, i) => {
        const color = colorOf(s.color, i);
        const data = s.values.map((v) => {
          if (isDrawable(v)) {
            drawn++;
            return v;
          }
          dropped++;
          return null;
        });
        const backgroundColor = s.colors ? s.colors.map((c) => colorOf(c, i)) : color;
        const outline = s.highlight ? { borderColor: themeColor('--text', '#1f2328'), borderWidth: s.highlight.map((on) => (on ? 3 : 0)) } : {};
        return { label: s.label, data, backgroundColor, ...outline, ...(spec.histogram ? { barPercentage: 1, categoryPercentage: 1 } : {}) };
      });
      chart.update('none');
      markCounts(canvas, drawn, dropped);
    },
    destroy() {
      chart.destroy();
      saver.remove();
    },
  };
}

/**
 * The value axis of horizontal bars: labels stay level and none is skipped, and grid lines are
 * drawn only where a tick is labelled (a log axis that labels a few decades gets no thicket of
 * lines at every minor tick).
 */
function lyingValueAxis(spec: AxisSpec): Record<string, unknown> {
  const axis = axisOptions(spec, 'bottom', true);
  const grid = axis['grid'] as { color: string };
  return {
    ...axis,
    ticks: { ...(axis['ticks'] as Record<string, unknown>), maxRotation: 0, autoSkip: false },
    grid: { ...grid, color: (context: { tick?: { label?: unknown } }) => (context.tick?.label ? grid.color : 'transparent') },
  };
}
