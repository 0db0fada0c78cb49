// The measured rows: this browser (from the last benchmark, or "measure now" here), and every
// benchmark result file loaded on this screen, each with a watts field the learner fills in (a
// browser cannot read its computer's power; the typical ranges beside it say "typical, not
// measured"). The list is reconciled, not redrawn, so typing watts never loses the field's focus.
import { caveatPhrases, parseBenchResult, type BenchResult } from '../../../model/bench-result.js';
import { checkPhrase, checkResultHere } from '../../shared/result-check.js';
import { TYPICAL_WATTS, type DeviceProfile } from '../../../model/devices.js';
import { parseWattsInput } from '../../../model/user-devices.js';
import { showBusyNotice } from '../../shared/busy-notice.js';
import { errorText, find, h } from '../../shared/dom.js';
import { Field, ThreadsField } from '../../shared/fields.js';
import { formatDate, formatRate, plural } from '../../shared/format.js';
import { startQuickMeasure, type QuickRun } from './quick-measure.js';
import type { DeviceStore } from './store.js';
import { efficiencyText } from './wording.js';

const TYPICAL_HINT = `Typical, not measured: ${TYPICAL_WATTS.map((t) => `${t.label} ${t.min}–${t.max} W`).join('; ')}.`;

export function mountMeasuredPanel(root: HTMLElement, store: DeviceStore): void {
  const panel = find(root, 'dv-measured-panel');
  const status = find(panel, 'dv-browser-status');
  const gpuStatus = find(panel, 'dv-gpu-status');
  const list = find(panel, 'dv-measured-list');
  find(panel, 'dv-typical-list').replaceChildren(...TYPICAL_WATTS.map((t) => h('li', { text: `${t.label}: ${t.min}–${t.max} W. Source: ${t.source}.` })));
  const items = new Map<string, MeasuredItem>();

  const render = () => {
    const rows = store.measuredRows();
    const last = store.lastMeasurement();
    status.textContent = last
      ? `This browser's last measurement: ${formatRate(last.hashrate)} with ${plural(last.threads, 'thread', 'threads')}${last.date ? `, ${formatDate(last.date)}` : ''} (from the Benchmark screen or Measure now).`
      : 'This browser has not been measured yet: press Measure now below (a few seconds), or run the Benchmark screen. Its figure then joins every chart as the measured row.';
    const gpu = store.gpu();
    const modeled = gpu ? gpuRatio(gpu) : '';
    gpuStatus.textContent = gpu
      ? `${gpu.name}: ${formatRate(gpu.hashrate)}, measured through WebGPU on the Benchmark screen${modeled}.`
      : 'No GPU measured yet: run the Benchmark screen with the WebGPU backend. Its figure then joins the charts beside the modeled GPUs (an emulated adapter such as SwiftShader never does: its rate is the CPU\'s).';
    for (const [id, item] of items) {
      if (!rows.some((r) => r.id === id)) {
        item.element.remove();
        items.delete(id);
      }
    }
    rows.forEach((row, index) => {
      let item = items.get(row.id);
      if (!item) {
        item = new MeasuredItem(row, store);
        items.set(row.id, item);
      }
      item.update(row);
      if (list.children[index] !== item.element) list.insertBefore(item.element, list.children[index] ?? null);
    });
    list.querySelector('[data-testid="dv-measured-none"]')?.remove();
    if (rows.length === 0) list.append(h('li', { class: 'hint', text: 'No measured row yet.', attrs: { 'data-testid': 'dv-measured-none' } }));
  };
  store.onChange((change) => change === 'rows' && render());
  render();

  mountMeasureNow(panel);
  mountBenchFileInput(panel, store);
}

/** "; 42% of the catalogue's modeled NVIDIA RTX 4090", or why there is no ratio. */
function gpuRatio(gpu: DeviceProfile): string {
  const part = gpu.basis?.split('; ').find((p) => p.includes("of the catalogue's modeled"));
  return part ? `: ${part}` : '; the adapter does not name a GPU the catalogue models, so there is no measured/modeled ratio';
}

/** One measured row: its figures, its watts field (kept while the row lasts), Remove for a file. */
class MeasuredItem {
  readonly element: HTMLLIElement;
  private readonly title = h('strong');
  private readonly figures = h('span', { class: 'muted' });
  private readonly efficiency = h('span', { attrs: { 'data-testid': 'dv-measured-efficiency' } });
  private readonly watts: Field;

  constructor(row: DeviceProfile, store: DeviceStore) {
    const id = `dv-watts-${row.id}`;
    const input = h('input', {
      class: 'input input-mono dv-watts-input',
      attrs: { id, type: 'text', inputmode: 'decimal', autocomplete: 'off', 'aria-describedby': `${id}-hint ${id}-error`, 'data-testid': id },
    });
    const typed = store.typedWatts(row.id);
    if (typed !== null) input.value = String(typed);
    const field = h(
      'div',
      { class: 'dv-watts' },
      h('label', { class: 'field-label', text: 'Power while hashing (W)', attrs: { for: id } }),
      input,
      h('p', { class: 'hint', text: TYPICAL_HINT, attrs: { id: `${id}-hint`, 'data-testid': `${id}-hint` } }),
      h('p', { class: 'field-error', attrs: { id: `${id}-error`, 'aria-live': 'polite', 'data-testid': `${id}-error` } }),
    );
    const head = h('p', { class: 'dv-measured-head' }, this.title, ' ', this.figures);
    this.element = h('li', { class: 'dv-measured-item', attrs: { 'data-testid': 'dv-measured-row', 'data-device-id': row.id } }, head, h('p', {}, 'Efficiency: ', this.efficiency), field);
    if (store.isBenchFile(row.id)) {
      const remove = h('button', { class: 'button button-small', text: 'Remove this file', attrs: { type: 'button', 'data-testid': 'dv-measured-remove' } });
      remove.addEventListener('click', () => store.removeBenchFile(row.id));
      head.append(' ', remove);
    }
    this.watts = new Field(this.element, id);
    input.addEventListener('input', () => {
      const watts = this.watts.read((text) => parseWattsInput(text, 'watts'));
      if (watts !== undefined) store.setWatts(row.id, watts);
    });
  }

  update(row: DeviceProfile): void {
    this.title.textContent = row.name;
    this.figures.textContent = `${formatRate(row.hashrate)} · ${row.source}`;
    this.efficiency.textContent = efficiencyText(row);
  }
}

function mountMeasureNow(panel: HTMLElement): void {
  const form = find<HTMLFormElement>(panel, 'dv-measure-form');
  const threads = new ThreadsField(panel, 'dv-threads');
  const seconds = find<HTMLSelectElement>(panel, 'dv-seconds');
  const start = find<HTMLButtonElement>(panel, 'dv-measure');
  const cancel = find<HTMLButtonElement>(panel, 'dv-measure-cancel');
  const progress = find<HTMLProgressElement>(panel, 'dv-measure-progress');
  const status = find(panel, 'dv-measure-status');
  const busySlot = find(panel, 'dv-busy');
  let running: QuickRun | undefined;

  cancel.addEventListener('click', () => running?.stop());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (running) return;
    const n = threads.threads();
    if (n === undefined) return;
    const started = startQuickMeasure(n, Number(seconds.value), (p) => {
      progress.value = p.elapsed / p.total;
      const phase = p.elapsed < 1 ? 'warming up' : `${plural(p.windows, 'window', 'windows')}${p.hashrate === undefined ? '' : `, median so far ${formatRate(p.hashrate)}`}`;
      status.textContent = `Measuring with ${plural(n, 'thread', 'threads')}: ${p.elapsed.toFixed(1)} of ${p.total} s, ${phase}.`;
    });
    if (!started.ok) {
      showBusyNotice(busySlot, started.busy, 'a measurement now would share the processor with it and read too low.');
      return;
    }
    running = started.run;
    start.disabled = true;
    cancel.disabled = false;
    panel.dataset['measuring'] = 'true';
    started.run.done
      .then((outcome) => {
        switch (outcome.status) {
          case 'saved':
            status.textContent = `Done: ${formatRate(outcome.hashrate)} with ${plural(outcome.threads, 'thread', 'threads')}, saved as this browser's measured row (${formatDate(outcome.date)}).`;
            break;
          case 'not-saved':
            status.textContent =
              outcome.by.length > 0
                ? `Measured ${formatRate(outcome.hashrate)}, but not saved: ${outcome.by.join(', ')} used the processor meanwhile, so the figure reads low. Measure again once nothing else runs.`
                : `Measured ${formatRate(outcome.hashrate)}, but this browser's storage refused to keep it.`;
            break;
          case 'stopped':
            progress.value = 0;
            status.textContent = 'Cancelled: nothing was saved.';
            break;
          case 'no-valid-windows':
            status.textContent = 'No figure: the tab was hidden throughout, which leaves no valid window. Keep this tab in front while it measures.';
            break;
        }
      })
      .catch((error: unknown) => {
        status.textContent = `No figure: ${errorText(error)}`;
      })
      .finally(() => {
        running = undefined;
        start.disabled = false;
        cancel.disabled = true;
        delete panel.dataset['measuring'];
      });
  });
}

function mountBenchFileInput(panel: HTMLElement, store: DeviceStore): void {
  const field = new Field(panel, 'dv-bench-file');
  const status = find(panel, 'dv-bench-file-status');
  field.input.addEventListener('change', async () => {
    const file = field.input.files?.[0];
    if (!file) return;
    status.textContent = '';
    let result: BenchResult;
    try {
      result = parseBenchResult(await file.text());
    } catch (error) {
      field.fail(`${file.name} is not a benchmark result: ${errorText(error)}.`);
      field.input.value = '';
      return;
    }
    field.input.value = '';
    const caveats = caveatPhrases(result);
    if (caveats.length > 0) {
      field.fail(`${file.name} is not a score (${caveats.join('; ')}), so it is not added as a measured row.`);
      return;
    }
    // The file's checksum is run again here first: a figure whose core got it wrong is no row.
    const check = await checkResultHere(result, (c) => (status.textContent = checkPhrase(c)));
    if (check.state === 'mismatch' || check.state === 'failed') {
      status.textContent = '';
      field.fail(`${file.name}: ${checkPhrase(check)}; not added.`);
      return;
    }
    const row = store.addBenchFile(result);
    field.clear();
    status.textContent = `Added "${row.name}" (${formatRate(row.hashrate)}) as a measured row; ${checkPhrase(check)}.`;
  });
}
