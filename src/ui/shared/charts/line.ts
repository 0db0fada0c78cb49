// The app's line chart: numeric (or log) x and y axes, an optional right-hand axis, series with a
// palette or own colour, dashed or points-only. Animation is off (the Benchmark redraws many times a
// second while hashing). A null y is a deliberate gap in the line; a non-finite x or y is dropped
// and counted on the canvas (kit.ts).
import type { ChartDataset, TooltipItem } from 'chart.js';
import { addChartExport } from '../export.js';
import { axisOptions, Chart, colorOf, isDrawable, markCounts, renderedAt, themeColor, type AxisSpec, type ColorSpec } from './kit.js';

export type { AxisSpec } from './kit.js';

export interface Point {
  x: number;
  y: number | null;
}

export interface Series {
  label: string;
  points: readonly Point[];
  color?: ColorSpec;
  dashed?: boolean;
  /** Draw points only, no line (single measurements, a marker). */
  pointsOnly?: boolean;
  /** 'y2' puts the series on the right-hand axis. */
  axis?: 'y' | 'y2';
  /** Thicker line for the headline series. */
  bold?: boolean;
  /** false: no point markers, for a curve drawn from a formula (by default up to 60 points show them). */
  markers?: boolean;
}

export interface LineChartSpec {
  x: AxisSpec;
  y: AxisSpec;
  y2?: AxisSpec;
  /** Formats a point for the tooltip. */
  tooltip?: (series: string, x: number, y: number) => string;
  /** Where the legend goes (default top); false hides it. */
  legend?: 'top' | 'bottom' | false;
}

export interface LineChart {
  readonly canvas: HTMLCanvasElement;
  setSeries(series: readonly Series[]): void;
  /** Retitles an axis whose unit follows the data ("time mined (days, log scale)"). */
  setAxisTitle(axis: 'x' | 'y' | 'y2', title: string): void;
  destroy(): void;
}

export function createLineChart(canvas: HTMLCanvasElement, spec: LineChartSpec): LineChart {
  const text = themeColor('--muted', '#57606a');
  const chart = new Chart(canvas, {
    type: 'line',
    data: { datasets: [] },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      parsing: false,
      normalized: true,
      spanGaps: false,
      interaction: { mode: 'nearest', intersect: false },
      scales: {
        x: axisOptions(spec.x, 'bottom', false),
        y: axisOptions(spec.y, 'left', true),
        ...(spec.y2 ? { y2: axisOptions(spec.y2, 'right', true) } : {}),
      },
      plugins: {
        legend: spec.legend === false ? { display: false } : { position: spec.legend ?? 'top', labels: { color: text, boxWidth: 14, boxHeight: 2 } },
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'line'>) => {
              const raw = item.raw as Point;
              const label = item.dataset.label ?? '';
              if (spec.tooltip && raw.y !== null) return spec.tooltip(label, raw.x, raw.y);
              return `${label}: ${raw.y ?? '—'}`;
            },
          },
        },
      },
    } as never,
  });
  markCounts(canvas, 0, 0);
  const saver = addChartExport(canvas, { render: (ratio) => renderedAt(chart, ratio) });

  return {
    canvas,
    setSeries(series) {
      let drawn = 0;
      let dropped = 0;
      chart.data.datasets = series.map((s, i): ChartDataset<'line', Point[]> => {
        const color = colorOf(s.color, i);
        const data: Point[] = [];
        for (const p of s.points) {
          if (!isDrawable(p.x) || (p.y !== null && !isDrawable(p.y))) dropped++;
          else {
            data.push({ x: p.x, y: p.y });
            if (p.y !== null) drawn++;
          }
        }
        return {
          label: s.label,
          data,
          borderColor: color,
          backgroundColor: color,
          borderWidth: s.bold ? 3 : 1.5,
          borderDash: s.dashed ? [6, 4] : [],
          pointRadius: s.pointsOnly ? 5 : s.markers === false || data.length > 60 ? 0 : 2,
          pointHoverRadius: 6,
          showLine: !s.pointsOnly,
          tension: 0,
          yAxisID: s.axis ?? 'y',
        };
      }) as ChartDataset<'line'>[];
      chart.update('none');
      markCounts(canvas, drawn, dropped);
    },
    setAxisTitle(axis, title) {
      const scale = chart.options.scales?.[axis] as { title?: { text?: string } } | undefined;
      if (!scale?.title || scale.title.text === title) return;
      scale.title.text = title;
      chart.update('none');
    },
    destroy() {
      chart.destroy();
      saver.remove();
    },
  };
}
