// The pool-hopping experiment: a hopper mines in the pool only for the first part of each round.
// Simulated rounds in the worker give its reward per share under each scheme, beside the closed
// forms, and a chart of what a PROP share is worth by its position in the round.
import { runHopping } from '../../../engine/tasks/payouts-service.js';
import type { HoppingResult } from '../../../sim/payouts/index.js';
import { createLineChart, type LineChart } from '../../shared/charts/line.js';
import { cell, errorText, find, h } from '../../shared/dom.js';
import type { Fields } from '../../shared/fields.js';
import { formatFixed } from '../../shared/format.js';
import { showIfCancelled, TaskControls } from '../../shared/task-controls.js';
import { decimalField, readAll, wholeField } from './parsers.js';

/** Rewards relative to a fair share, to the third decimal (the closed forms differ there). */
const ratio = (x: number) => formatFixed(x, 3);

function readForm(fields: Fields) {
  return readAll({
    threshold: decimalField(fields, 'pl-hop-threshold', { min: 0.01, max: 10 }),
    hopperFraction: decimalField(fields, 'pl-hop-size', { min: 0.001, max: 100 }),
    rounds: wholeField(fields, 'pl-hop-rounds', 100, 5_000_000),
    scoreDecay: decimalField(fields, 'pl-hop-decay', { min: 0.001, max: 1000 }),
  });
}

function resultRows(r: HoppingResult): HTMLTableRowElement[] {
  const schemes = [
    ['PROP', r.prop],
    ['PPLNS (N = D)', r.pplns],
    ['PPS', r.pps],
    [`SCORE (r = ${r.analytic.scoreDecay} D)`, r.score],
  ] as const;
  return schemes.map(([name, e]) => {
    const row = h('tr');
    cell(row, name, true);
    cell(row, ratio(e.hopper)).classList.add('num');
    cell(row, ratio(e.steady)).classList.add('num');
    return row;
  });
}

/** The value of a PROP share by how far into the round it comes, against a fair share. */
function shareValueChart(canvas: HTMLCanvasElement, r: HoppingResult, chart?: LineChart): LineChart {
  const curve = r.shareValueCurve;
  const last = curve[curve.length - 1]?.x ?? 2;
  const drawn =
    chart ??
    createLineChart(canvas, {
      x: { title: 'shares already in the round (× D)', min: 0, max: last },
      y: { title: 'value relative to a fair share', min: 0, max: 2.6 },
    });
  const threshold = r.analytic.breakEvenThreshold;
  drawn.setSeries([
    { label: 'value of a PROP share (× fair)', points: curve.map((p) => ({ x: p.x, y: p.value })), color: 0, bold: true, markers: false },
    { label: 'fair (PPS, PPLNS)', points: [{ x: 0, y: 1 }, { x: last, y: 1 }], color: 2, dashed: true, markers: false },
    { label: `hopping stops paying at ${formatFixed(threshold, 3)} D`, points: [{ x: threshold, y: 1 }], color: 5, pointsOnly: true },
  ]);
  return drawn;
}

export function mountHoppingPanel(root: HTMLElement, fields: Fields): void {
  const run = find<HTMLButtonElement>(root, 'pl-hop-run');
  const controls = new TaskControls(root, { start: 'pl-hop-run', cancel: 'pl-hop-cancel', progress: 'pl-hop-progress' });
  const status = find(root, 'pl-hop-status');
  const table = find(root, 'pl-hop-results');
  const body = find(root, 'pl-hop-body');
  const canvas = find<HTMLCanvasElement>(root, 'pl-hop-chart');
  // Made on the first result, so the box stays empty until there is something to draw.
  let chart: LineChart | undefined;

  run.addEventListener('click', () => {
    const form = readForm(fields);
    if (!form) {
      status.textContent = 'Fix the marked fields.';
      return;
    }
    const task = controls.begin();
    status.textContent = 'Running…';
    table.dataset['state'] = 'running';
    runHopping({ ...form, windowFactor: 1, seed: 1 }, task).then(
      (r) => {
        task.end();
        body.replaceChildren(...resultRows(r));
        status.textContent = `Formulas: a hopper earns ${ratio(r.analytic.propHopper)}× a fair share under PROP, ${ratio(r.analytic.scoreHopper)}× under SCORE.`;
        table.dataset['state'] = 'done';
        chart = shareValueChart(canvas, r, chart);
      },
      (error: unknown) => {
        task.end();
        if (showIfCancelled(error, table, status)) return;
        table.dataset['state'] = 'error';
        status.textContent = errorText(error);
      },
    );
  });
}
