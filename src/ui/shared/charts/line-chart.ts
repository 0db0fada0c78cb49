// A small factory over Chart.js line charts with a numeric x axis: the Benchmark screen's live
// hashrate, thread scaling and comparison charts. Only the parts used are registered; animation is
// off (charts update many times a second while hashing). Points with a missing value are passed as
// null (a gap in the line), never NaN.

import { Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartDataset } from 'chart.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, Legend, Tooltip);

export interface Point {
  x: number;
  y: number | null;
}

export interface Series {
  label: string;
  points: readonly Point[];
  /** Index into the palette; by default the series' position. */
  color?: number;
  dashed?: boolean;
  /** Draw points only, no line (single measurements). */
  pointsOnly?: boolean;
  /** 'y2' puts the series on the right-hand axis. */
  axis?: 'y' | 'y2';
  /** Thicker line for the headline series. */
  bold?: boolean;
}

export interface AxisSpec {
  title: string;
  format?: (value: number) => string;
  /** Start the axis at zero (default true). */
  zero?: boolean;
  max?: number;
}

export interface LineChartSpec {
  x: AxisSpec & { integer?: boolean };
  y: AxisSpec;
  y2?: AxisSpec;
  /** Formats a point for the tooltip. */
  tooltip?: (series: string, x: number, y: number) => string;
}

export interface LineChart {
  setSeries(series: readonly Series[]): void;
  destroy(): void;
}

// Colour-blind-safe palette (Okabe-Ito), readable on light and dark backgrounds.
const PALETTE = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#b8a500', '#7f7f7f'];

function cssColor(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

function finite(y: number | null): number | null {
  return y !== null && Number.isFinite(y) ? y : null;
}

export function createLineChart(canvas: HTMLCanvasElement, spec: LineChartSpec): LineChart {
  const text = cssColor('--muted', '#57606a');
  const grid = cssColor('--border', '#d0d7de');
  const axis = (a: AxisSpec, position: 'left' | 'right', extra: Record<string, unknown> = {}) => ({
    type: 'linear' as const,
    position,
    beginAtZero: a.zero ?? true,
    ...(a.max !== undefined ? { suggestedMax: a.max } : {}),
    title: { display: true, text: a.title, color: text },
    ticks: { color: text, ...(a.format ? { callback: (v: number | string) => a.format!(Number(v)) } : {}) },
    grid: { color: grid, ...(position === 'right' ? { drawOnChartArea: false } : {}) },
    ...extra,
  });
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
        x: axis(spec.x, 'left', {
          position: 'bottom',
          beginAtZero: spec.x.zero ?? false,
          ticks: {
            color: text,
            ...(spec.x.integer ? { stepSize: 1, precision: 0 } : {}),
            ...(spec.x.format ? { callback: (v: number | string) => spec.x.format!(Number(v)) } : {}),
          },
        }),
        y: axis(spec.y, 'left'),
        ...(spec.y2 ? { y2: axis(spec.y2, 'right') } : {}),
      },
      plugins: {
        legend: { labels: { color: text, boxWidth: 14, boxHeight: 2 } },
        tooltip: {
          callbacks: {
            label: (item) => {
              const raw = item.raw as Point;
              const label = item.dataset.label ?? '';
              if (spec.tooltip && raw.y !== null) return spec.tooltip(label, raw.x, raw.y);
              return `${label}: ${raw.y ?? '—'}`;
            },
          },
        },
      },
    },
  });

  return {
    setSeries(series) {
      chart.data.datasets = series.map((s, i): ChartDataset<'line', Point[]> => {
        const color = PALETTE[(s.color ?? i) % PALETTE.length]!;
        return {
          label: s.label,
          data: s.points.map((p) => ({ x: p.x, y: finite(p.y) })),
          borderColor: color,
          backgroundColor: color,
          borderWidth: s.bold ? 3 : 1.5,
          borderDash: s.dashed ? [6, 4] : [],
          pointRadius: s.pointsOnly ? 5 : s.points.length > 60 ? 0 : 2,
          pointHoverRadius: 6,
          showLine: !s.pointsOnly,
          yAxisID: s.axis ?? 'y',
        };
      }) as ChartDataset<'line'>[];
      chart.update('none');
    },
    destroy() {
      chart.destroy();
    },
  };
}
