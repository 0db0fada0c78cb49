// What every chart of the app shares: the Chart.js parts registered once, the palette, colours from
// the page's theme, and the honesty rule: a point whose value is not a finite number is never drawn
// and never hidden; it is counted, and each canvas carries data-points (drawn), data-dropped
// (non-finite, left out) and data-finite ("true" only when nothing was dropped).
// Every chart gets a "Save chart as PNG" button under its box from its factory (../export.ts),
// enabled while data-points is above zero.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(LineController, LineElement, PointElement, BarController, BarElement, LinearScale, LogarithmicScale, CategoryScale, Legend, Tooltip);

export { Chart };

/** Colour-blind-safe palette (Okabe-Ito), readable on light and dark backgrounds. */
export const PALETTE = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#b8a500', '#7f7f7f'];

/** A palette index, or a CSS colour of the caller's own (an algorithm's or a scheme's colour). */
export type ColorSpec = number | string;

export function colorOf(spec: ColorSpec | undefined, index: number): string {
  if (typeof spec === 'string') return spec;
  return PALETTE[(spec ?? index) % PALETTE.length]!;
}

export function themeColor(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

export interface AxisSpec {
  title: string;
  format?: (value: number) => string;
  /** Start the axis at zero (default: true for y, false for x). */
  zero?: boolean;
  min?: number;
  max?: number;
  /** A soft maximum the data may exceed. */
  suggestedMax?: number;
  log?: boolean;
  /** Whole-number ticks (thread counts). */
  integer?: boolean;
}

/** Chart.js options of one numeric axis. */
export function axisOptions(a: AxisSpec, position: 'left' | 'right' | 'bottom', zeroByDefault: boolean): Record<string, unknown> {
  const text = themeColor('--muted', '#57606a');
  const grid = themeColor('--border', '#d0d7de');
  return {
    type: a.log ? 'logarithmic' : 'linear',
    position,
    ...(a.log ? {} : { beginAtZero: a.zero ?? zeroByDefault }),
    ...(a.min !== undefined ? { min: a.min } : {}),
    ...(a.max !== undefined ? { max: a.max } : {}),
    ...(a.suggestedMax !== undefined ? { suggestedMax: a.suggestedMax } : {}),
    title: { display: true, text: a.title, color: text },
    ticks: {
      color: text,
      ...(a.integer ? { stepSize: 1, precision: 0 } : {}),
      ...(a.format ? { callback: (v: number | string) => a.format!(Number(v)) } : {}),
    },
    grid: { color: grid, ...(position === 'right' ? { drawOnChartArea: false } : {}) },
  };
}

export function isDrawable(value: number): boolean {
  return Number.isFinite(value);
}

/** Writes the counts on the canvas (see the header). */
export function markCounts(canvas: HTMLCanvasElement, drawn: number, dropped: number): void {
  canvas.dataset['points'] = String(drawn);
  canvas.dataset['dropped'] = String(dropped);
  canvas.dataset['finite'] = String(dropped === 0);
}

/**
 * The chart drawn again at `ratio` device pixels per CSS pixel, as a copy (a PNG sharp enough for a
 * slide, whatever the screen's ratio); the chart on screen is redrawn at its own ratio straight after.
 */
export function renderedAt(chart: Chart, ratio: number): HTMLCanvasElement {
  const screenRatio = chart.options.devicePixelRatio;
  chart.options.devicePixelRatio = ratio;
  chart.resize();
  const copy = document.createElement('canvas');
  copy.width = chart.canvas.width;
  copy.height = chart.canvas.height;
  copy.getContext('2d')?.drawImage(chart.canvas, 0, 0);
  chart.options.devicePixelRatio = screenRatio;
  chart.resize();
  return copy;
}
