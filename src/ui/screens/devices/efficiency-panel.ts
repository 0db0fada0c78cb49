// Panel 2: efficiency (J/TH, log) against release date, one colour per kind: the history of mining
// hardware in one picture. This browser is plotted today once its watts are typed; a device with
// no power figure cannot be placed, and the note under the chart names every one of them, so no
// device is left out in silence.
import { efficiencyJPerTH, KIND_NAMES, DEVICE_KINDS, type DeviceProfile } from '../../../model/devices.js';
import { createLineChart, type Series } from '../../shared/charts/line.js';
import { find } from '../../shared/dom.js';
import { formatEfficiency } from '../../shared/format.js';
import { BROWSER_ID, type DeviceStore } from './store.js';
import { decadeTick, KIND_COLOR, MEASURED_COLOR, releaseYear } from './wording.js';

/** Today as a year with its fraction (2026.2). */
function yearNow(): number {
  const now = new Date();
  return now.getFullYear() + (now.getMonth() + 0.5) / 12;
}

function plotX(d: DeviceProfile): number {
  return d.id === BROWSER_ID ? yearNow() : releaseYear(d.released);
}

export function mountEfficiencyPanel(root: HTMLElement, store: DeviceStore): void {
  const panel = find(root, 'dv-efficiency-panel');
  const note = find(panel, 'dv-efficiency-note');
  /** Which devices sit at a point, for the tooltip (the chart knows only numbers). */
  const names = new Map<string, string[]>();
  const chart = createLineChart(find<HTMLCanvasElement>(panel, 'dv-efficiency-chart'), {
    x: { title: 'released (year; measured rows: when measured)', zero: false, max: new Date().getFullYear() + 1, format: (v) => (Number.isInteger(v) ? String(v) : '') },
    y: { title: 'joules per terahash (log scale, lower is better)', log: true, format: decadeTick },
    tooltip: (series, x, y) => `${(names.get(`${series}|${x}|${y}`) ?? [series]).join(', ')}: ${formatEfficiency(y)}`,
    legend: 'bottom',
  });

  const draw = () => {
    names.clear();
    const rows = store.rows();
    const placed = rows.filter((d) => efficiencyJPerTH(d) !== null);
    const groups: { label: string; color: number; devices: DeviceProfile[]; measured: boolean }[] = [
      ...DEVICE_KINDS.map((k) => ({ label: KIND_NAMES[k], color: KIND_COLOR[k], devices: placed.filter((d) => !d.measured && d.kind === k), measured: false })),
      { label: 'measured by PoW Lab', color: MEASURED_COLOR, devices: placed.filter((d) => d.measured), measured: true },
    ];
    const series: Series[] = groups
      .filter((g) => g.devices.length > 0 || g.measured)
      .map((g) => ({
        label: g.label,
        color: g.color,
        pointsOnly: true,
        bold: g.measured,
        points: g.devices.map((d) => {
          const point = { x: plotX(d), y: efficiencyJPerTH(d)! };
          const key = `${g.label}|${point.x}|${point.y}`;
          names.set(key, [...(names.get(key) ?? []), d.name]);
          return point;
        }),
      }));
    chart.setSeries(series);
    const missing = rows.filter((d) => efficiencyJPerTH(d) === null);
    const measuredMissing = missing.filter((d) => d.measured);
    const otherMissing = missing.filter((d) => !d.measured);
    const parts = [`${placed.length} of ${rows.length} devices plotted.`];
    if (measuredMissing.length > 0) parts.push(`Not plotted until you enter their watts: ${measuredMissing.map((d) => d.name).join(', ')}.`);
    if (otherMissing.length > 0) parts.push(`Not plotted, no power figure in their sources: ${otherMissing.map((d) => d.name).join(', ')}.`);
    if (!rows.some((d) => d.id === BROWSER_ID)) parts.push('This browser joins the chart once it is measured and its watts are typed.');
    note.textContent = parts.join(' ');
  };
  store.onChange((change) => change === 'rows' && draw());
  draw();
}
