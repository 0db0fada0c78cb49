// What a payout comparison shows: one table row per scheme (simulated, with the closed form in
// brackets), the scheme-specific closed forms in words (PPS reserves, PPLNS maturity, SCORE decay),
// and a histogram of each scheme's earnings over the trials.
import { SCHEMES, type SchemeId, type SchemeResult } from '../../../sim/payouts/index.js';
import { createBarChart, type BarChart } from '../../shared/charts/bar.js';
import type { ColorSpec } from '../../shared/charts/kit.js';
import { cell, find, h } from '../../shared/dom.js';
import { formatCoins, formatCount, formatDuration, formatPercent, formatPercentClamped } from '../../shared/format.js';

/** One colour per scheme, the same in every chart (palette indices, charts/kit.ts). */
const COLORS: Record<SchemeId, ColorSpec> = { solo: 5, prop: 0, pps: 2, fpps: 4, pplns: 3, score: 1 };

/** A wait that may never end: an infinite time is "never", not a dash. */
function durationOrNever(seconds: number): string {
  return seconds === Infinity ? 'never' : formatDuration(seconds);
}

/** "Solo", "PPLNS": the scheme's name without its bracketed gloss. */
function shortName(id: SchemeId): string {
  return SCHEMES[id].name.replace(/ \(.*\)$/, '');
}

function resultRow(r: SchemeResult): HTMLTableRowElement {
  const e = r.earnings;
  const a = r.analytic;
  const row = h('tr', { attrs: { 'data-testid': `pl-row-${r.scheme}` } });
  cell(row, shortName(r.scheme), true);
  const figures = [
    `${formatCoins(e.mean)} (${formatCoins(a.mean)})`,
    `${formatCoins(e.stdev)} (${formatCoins(a.stdev)})`,
    `${formatPercentClamped(e.pZero)} (${formatPercentClamped(a.pZero)})`,
    formatCoins(e.p10),
    formatCoins(e.median),
    formatCoins(e.p90),
    r.firstPayout.medianSeconds === null
      ? 'none in the period'
      : `${durationOrNever(r.firstPayout.medianSeconds)} (${formatPercentClamped(r.firstPayout.pWithinPeriod)} paid)`,
  ];
  for (const text of figures) cell(row, text).classList.add('num');
  return row;
}

/** The closed forms that only one scheme has, as sentences. */
function schemeNotes(results: readonly SchemeResult[]): string {
  const analytic = (id: SchemeId) => results.find((r) => r.scheme === id)?.analytic;
  const pps = analytic('pps');
  const pplns = analytic('pplns');
  const score = analytic('score');
  const notes: string[] = [];
  const reserves = pps?.['reservesForDelta0001'];
  if (reserves !== null && reserves !== undefined) {
    notes.push(`A PPS operator charging this fee needs about ${formatCoins(reserves)} coins of reserves to keep its chance of ever going bankrupt under 0.1% (R = B ln(1/δ) / 2f).`);
  }
  if (pplns) {
    notes.push(
      `PPLNS pays a share on average ${durationOrNever(pplns['maturitySeconds'] ?? NaN)} after it is submitted; ${formatPercentClamped(pplns['neverPaidFraction'] ?? 0)} of shares are never paid (others are paid more than once).`,
    );
  }
  if (score) {
    notes.push(
      `SCORE's decay of ${score['scoreDecay']} × D is ${durationOrNever(score['decaySeconds'] ?? NaN)} of this pool's mining (Slush's c); a share submitted late in a round is worth ${formatPercentClamped(score['lateShareValue'] ?? 0)} of a fair one, and the first ${formatPercentClamped(score['hoppingThreshold'] ?? 0)} of D shares of a round are worth more.`,
    );
  }
  return notes.join(' ');
}

/** A figure with its caption and an empty canvas for one scheme's histogram. */
function histogramFigure(r: SchemeResult): { figure: HTMLElement; canvas: HTMLCanvasElement } {
  const name = SCHEMES[r.scheme].name;
  const canvas = h('canvas', { attrs: { 'data-testid': `pl-chart-${r.scheme}`, role: 'img', 'aria-label': `Histogram of ${name} earnings` } });
  const figure = h(
    'figure',
    { class: 'pl-chart' },
    h('figcaption', { text: `${name}: earnings over the period in ${formatCount(r.trials)} trials` }),
    h('div', { class: 'pl-chart-box' }, canvas),
  );
  return { figure, canvas };
}

/** Draws the histogram into a canvas already on the page (Chart.js sizes it from its box). */
function drawHistogram(canvas: HTMLCanvasElement, r: SchemeResult): BarChart {
  const chart = createBarChart(canvas, {
    x: { title: 'earnings (coins)', maxTicks: 5 },
    y: { title: 'share of trials', format: (v) => formatPercent(v, 0) },
    histogram: true,
    tooltip: (_series, _bin, share) => `${formatPercent(share, 2)} of trials`,
    legend: false,
  });
  const { min, width, counts } = r.earnings.histogram;
  // Each bin is labelled by its middle; with width 0 every trial earned the same, in one bin.
  const bins = counts.map((_, i) => formatCoins(width === 0 ? min : min + (i + 0.5) * width));
  chart.setData(bins, [{ label: SCHEMES[r.scheme].name, values: counts.map((c) => c / r.trials), color: COLORS[r.scheme] }]);
  return chart;
}

export class PayoutResults {
  private readonly body: HTMLElement;
  private readonly notes: HTMLElement;
  private readonly chartsBox: HTMLElement;
  private charts: BarChart[] = [];

  constructor(root: HTMLElement) {
    this.body = find(root, 'pl-results-body');
    this.notes = find(root, 'pl-extra');
    this.chartsBox = find(root, 'pl-charts');
  }

  show(results: readonly SchemeResult[]): void {
    for (const chart of this.charts) chart.destroy();
    this.body.replaceChildren(...results.map(resultRow));
    this.notes.textContent = schemeNotes(results);
    const figures = results.map(histogramFigure);
    this.chartsBox.replaceChildren(...figures.map((f) => f.figure));
    this.charts = figures.map((f, i) => drawHistogram(f.canvas, results[i]!));
  }
}
