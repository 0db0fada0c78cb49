// Panel 1: the hashrate of every device as horizontal bars on a log axis (a browser's megahashes
// and an ASIC's hundreds of terahashes on one chart), coloured by kind, measured rows outlined;
// beside it the table of the same figures (device-table.ts).
import { createBarChart } from '../../shared/charts/bar.js';
import { find } from '../../shared/dom.js';
import { formatRate } from '../../shared/format.js';
import { mountDeviceTable } from './device-table.js';
import type { DeviceStore } from './store.js';
import { KIND_COLOR, MEASURED_COLOR, rateTick, shortName } from './wording.js';

/** Height of one bar's row, so forty devices stay readable at any width. */
const ROW_PX = 18;
const AXES_PX = 70;

export function mountHashratePanel(root: HTMLElement, store: DeviceStore): void {
  const panel = find(root, 'dv-hashrate-panel');
  const box = find(panel, 'dv-hashrate-box');
  const narrow = matchMedia('(max-width: 30rem)');
  /** A bar's tick label: the name without its maker ("Antminer S21"), the tooltip keeps it whole. */
  const labels = new Map<string, string>();
  const chart = createBarChart(find<HTMLCanvasElement>(panel, 'dv-hashrate-chart'), {
    horizontal: true,
    x: { title: '', label: (name) => shortName(labels.get(name) ?? name, narrow.matches ? 20 : 30) },
    y: { title: 'header hashes per second (log scale)', log: true, format: rateTick },
    tooltip: (_series, name, value) => `${name}: ${formatRate(value)}`,
  });

  const draw = () => {
    const rows = [...store.rows()].sort((a, b) => b.hashrate - a.hashrate);
    labels.clear();
    for (const d of rows) labels.set(d.name, d.name.startsWith(`${d.maker} `) ? d.name.slice(d.maker.length + 1) : d.name);
    box.style.height = `${rows.length * ROW_PX + AXES_PX}px`;
    chart.setData(
      rows.map((d) => d.name),
      [
        {
          label: 'hashrate',
          values: rows.map((d) => d.hashrate),
          colors: rows.map((d) => (d.measured ? MEASURED_COLOR : KIND_COLOR[d.kind])),
          highlight: rows.map((d) => d.measured),
        },
      ],
    );
  };
  store.onChange((change) => change === 'rows' && draw());
  draw();
  mountDeviceTable(panel, store);
}
