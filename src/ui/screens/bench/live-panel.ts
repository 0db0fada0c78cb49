// The live panel: the figures so far (last window, median, spread, windows) and a chart of every
// window, total and per worker, redrawn only when a window completes; hidden-tab periods and
// replaced workers are said in words beside it.

import { score, type MeasuredWindow } from '../../../model/bench-stats.js';
import { createLineChart, type LineChart, type Series } from '../../shared/charts/line.js';
import { find, h } from '../../shared/dom.js';
import { DASH, formatDuration, formatPercent, formatRate } from '../../shared/format.js';
import type { MeasureUpdate } from './measure.js';

/** Windows drawn on the live chart at most. */
const MAX_POINTS = 600;

export class LivePanel {
  private chart: LineChart | undefined;
  private readonly box: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly last: HTMLElement;
  private readonly median: HTMLElement;
  private readonly cv: HTMLElement;
  private readonly windowCount: HTMLElement;
  private readonly hiddenNote: HTMLElement;
  private readonly incidents: HTMLElement;
  /** Windows on the chart now: it is redrawn only when a new one completes. */
  private drawn = 0;

  constructor(root: HTMLElement) {
    this.box = find(root, 'bench-live-chart');
    this.empty = find(root, 'bench-live-empty');
    this.last = find(root, 'bench-live-last');
    this.median = find(root, 'bench-live-median');
    this.cv = find(root, 'bench-live-cv');
    this.windowCount = find(root, 'bench-live-windows');
    this.hiddenNote = find(root, 'bench-hidden-note');
    this.incidents = find(root, 'bench-incidents');
  }

  /** A new job: no notes, no incidents. */
  clear(): void {
    this.hiddenNote.hidden = true;
    this.incidents.replaceChildren();
  }

  /** A new step of the job: an empty chart. */
  startStep(threads: number, gpu = false): void {
    this.draw([], threads, gpu);
    this.drawn = 0;
  }

  /** `threads` CPU counters come first in each window, then the GPU's when `gpu`. */
  update(update: MeasureUpdate, threads: number, gpu = false): void {
    const s = score(update.windows);
    const last = update.windows[update.windows.length - 1];
    this.last.textContent = last ? (last.valid ? formatRate(last.rate) : `${formatRate(last.rate)} (left out)`) : DASH;
    this.median.textContent = s ? formatRate(s.hashrate) : DASH;
    this.cv.textContent = s && s.validWindows > 1 ? formatPercent(s.cv) : DASH;
    this.windowCount.textContent = s ? `${s.validWindows}${s.invalidWindows ? ` (+${s.invalidWindows} left out)` : ''}` : DASH;
    if (update.windows.length !== this.drawn) {
      this.drawn = update.windows.length;
      this.draw(update.windows, threads, gpu);
    }
    if (update.hiddenSeconds > 0 || update.hidden) this.noteHidden(update.hiddenSeconds, 'run', 'are');
  }

  /** Says how long the tab was hidden during this run (`tense`: 'are' live, 'were' for a result). */
  noteHidden(seconds: number, what: 'run' | 'benchmark', tense: 'are' | 'were'): void {
    this.hiddenNote.hidden = false;
    this.hiddenNote.textContent = `The tab was hidden for ${formatDuration(seconds)} during this ${what}. Browsers slow down background tabs, so the windows measured then ${tense} marked invalid and left out of the score.`;
  }

  addIncident(message: string): void {
    this.incidents.append(h('li', { text: message }));
  }

  private draw(all: readonly MeasuredWindow[], threads: number, gpu: boolean): void {
    // A 5-minute run has 300 windows, an hour 3,600: the chart shows at most MAX_POINTS of them, evenly spread (and
    // the latest), so the page's memory stays flat; the figures use every window.
    const step = Math.ceil(all.length / MAX_POINTS);
    const windows = step > 1 ? all.filter((_, i) => i % step === 0 || i === all.length - 1) : all;
    const series: Series[] = [{ label: 'total', points: windows.map((w) => ({ x: w.end, y: w.valid ? w.rate : null })), bold: true, color: 0 }];
    if (gpu && threads > 0) {
      series.push({ label: 'GPU', points: windows.map((w) => ({ x: w.end, y: w.valid ? (w.workerRates[threads] ?? 0) : null })), color: 6 });
      series.push({ label: 'CPU', points: windows.map((w) => ({ x: w.end, y: w.valid ? w.workerRates.slice(0, threads).reduce((a, b) => a + b, 0) : null })), color: 1 });
    } else if (threads > 1) {
      for (let i = 0; i < threads; i++) {
        series.push({ label: `worker ${i + 1}`, points: windows.map((w) => ({ x: w.end, y: w.valid ? (w.workerRates[i] ?? 0) : null })), color: 1 + (i % 6) });
      }
    }
    const left = all.filter((w) => !w.valid);
    if (left.length > 0) series.push({ label: 'left out (hidden tab or pause)', points: left.map((w) => ({ x: w.end, y: w.rate })), pointsOnly: true, color: 7 });
    this.chart ??= createLineChart(this.box.querySelector('canvas')!, {
      x: { title: 'seconds since start', format: (v) => `${v}` },
      y: { title: 'hashes per second', format: formatRate },
      tooltip: (s, x, y) => `${s}: ${formatRate(y)} at ${x.toFixed(1)} s`,
    });
    this.chart.setSeries(series);
    this.box.dataset['points'] = String(windows.length);
    this.empty.hidden = all.length > 0;
  }
}
