// The parts of a result that compare its runs: a thread sweep's speed-up and efficiency (chart and
// table), a SIMD comparison's two builds side by side with their ratio. Each hides itself for any
// other kind of result.

import type { BenchResult } from '../../../model/bench-result.js';
import { scaling } from '../../../model/bench-stats.js';
import { createLineChart, type LineChart } from '../../shared/charts/line.js';
import { cell, find } from '../../shared/dom.js';
import { formatPercent, formatRate, formatRatio, plural } from '../../shared/format.js';
import { coreName } from './summary.js';

function numberCell(row: HTMLTableRowElement, text: string): void {
  cell(row, text).className = 'num';
}

export class ScalingView {
  private chart: LineChart | undefined;
  private readonly box: HTMLElement;
  private readonly body: HTMLTableSectionElement;

  constructor(root: HTMLElement) {
    this.box = find(root, 'bench-scaling');
    this.body = find(root, 'bench-scaling-table').querySelector('tbody')!;
  }

  show(result: BenchResult): void {
    this.box.hidden = result.kind !== 'sweep';
    if (result.kind !== 'sweep') return;
    const rows = scaling(result.runs);
    const cvByThreads = new Map(result.runs.map((r) => [r.threads, r.cv]));
    const maxThreads = Math.max(...rows.map((r) => r.threads));
    this.chart ??= createLineChart(find(this.box, 'bench-scaling-chart').querySelector('canvas')!, {
      x: { title: 'threads', integer: true, zero: false },
      y: { title: 'speed-up (×)', format: (v) => `${v}×` },
      y2: { title: 'efficiency', format: (v) => formatPercent(v, 0), max: 1.2 },
      tooltip: (s, x, y) => `${s} at ${plural(x, 'thread', 'threads')}: ${s === 'efficiency' ? formatPercent(y, 0) : formatRatio(y)}`,
    });
    this.chart.setSeries([
      { label: 'speed-up', points: rows.map((r) => ({ x: r.threads, y: r.speedup })), bold: true, color: 0 },
      { label: 'ideal', points: [{ x: 1, y: 1 }, { x: maxThreads, y: maxThreads }], dashed: true, color: 7 },
      { label: 'efficiency', points: rows.map((r) => ({ x: r.threads, y: r.efficiency })), axis: 'y2', color: 1 },
    ]);
    this.body.replaceChildren(
      ...rows.map((r) => {
        const tr = document.createElement('tr');
        cell(tr, String(r.threads), true);
        numberCell(tr, formatRate(r.hashrate));
        numberCell(tr, formatRatio(r.speedup));
        numberCell(tr, formatPercent(r.efficiency, 0));
        numberCell(tr, formatPercent(cvByThreads.get(r.threads)!));
        return tr;
      }),
    );
  }
}

export class SimdView {
  private readonly box: HTMLElement;
  private readonly ratio: HTMLElement;

  constructor(root: HTMLElement) {
    this.box = find(root, 'bench-simd-table');
    this.ratio = find(root, 'bench-simd-ratio');
  }

  show(result: BenchResult): void {
    this.box.hidden = result.kind !== 'simd';
    if (result.kind !== 'simd') return;
    this.box.querySelector('tbody')!.replaceChildren(
      ...result.runs.map((r) => {
        const tr = document.createElement('tr');
        cell(tr, coreName(r), true);
        numberCell(tr, String(r.threads));
        numberCell(tr, formatRate(r.hashrate));
        numberCell(tr, formatPercent(r.cv));
        return tr;
      }),
    );
    const on = result.runs.find((r) => r.simd);
    const off = result.runs.find((r) => !r.simd);
    this.ratio.textContent = on && off && off.hashrate > 0 ? `The SIMD core is ${formatRatio(on.hashrate / off.hashrate)} the scalar core on this device.` : '';
  }
}
