// The app's bar chart and histogram: categories along x (blocks found, earnings bins), one or more
// series of values. A non-finite value is left out (its bar is empty) and counted on the canvas (kit.ts).
import type { TooltipItem } from 'chart.js';
import { axisOptions, Chart, colorOf, isDrawable, markCounts, themeColor, type AxisSpec, type ColorSpec } from './kit.js';

export interface BarSeries {
  label: string;
  values: readonly number[];
  color?: ColorSpec;
}

export interface BarChartSpec {
  x: { title: string; maxTicks?: number };
  y: AxisSpec;
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
      scales: {
        x: {
          type: 'category',
          title: { display: true, text: spec.x.title, color: text },
          ticks: { color: text, maxRotation: 0, autoSkip: true, ...(spec.x.maxTicks ? { maxTicksLimit: spec.x.maxTicks } : {}) },
          grid: { display: false },
        },
        y: axisOptions(spec.y, 'left', true),
      },
    } as never,
  });
  markCounts(canvas, 0, 0);

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
        return { label: s.label, data, backgroundColor: color, ...(spec.histogram ? { barPercentage: 1, categoryPercentage: 1 } : {}) };
      });
      chart.update('none');
      markCounts(canvas, drawn, dropped);
    },
    destroy() {
      chart.destroy();
    },
  };
}
