// The compare panel: this browser's history and imported result files in one list, each with a
// tick that puts it on the hashrate-by-threads chart, a Details button and a Remove button.

import { BenchResultError, bestRun, caveatPhrases, isScore, parseBenchResult, type BenchResult } from '../../../model/bench-result.js';
import { checkPhrase, checkResultHere, type ResultCheck } from '../../shared/result-check.js';
import { createLineChart, type LineChart, type Series } from '../../shared/charts/line.js';
import { errorText, find, h } from '../../shared/dom.js';
import { formatDate, formatRate, plural } from '../../shared/format.js';
import { clearHistory, loadHistory, removeFromHistory } from './history.js';
import { kindName, resultName, runName } from './summary.js';

/** How many history entries are on the chart by default. */
const COMPARE_DEFAULT = 3;
/** A result is a few kB; anything far bigger is not one. */
const MAX_FILE_BYTES = 5_000_000;

interface Entry {
  key: string;
  result: BenchResult;
  source: 'history' | 'file';
  fileName?: string;
  shown: boolean;
  /** Imported files only: the checksum re-run here. */
  check?: ResultCheck;
}

function seriesOf(entry: Entry, color: number): Series[] {
  const name =
    resultName(entry.result) + (entry.result.backend === 'wasm' ? '' : `, ${runName(entry.result, bestRun(entry.result))}`) + (entry.source === 'file' ? ' (imported)' : '');
  const builds = [true, false].filter((simd) => entry.result.runs.some((r) => r.simd === simd));
  return builds.map((simd, i) => {
    const runs = entry.result.runs.filter((r) => r.simd === simd).sort((a, b) => a.threads - b.threads);
    return {
      label: builds.length > 1 || !simd ? `${name}, ${simd ? 'SIMD' : 'scalar'}` : name,
      points: runs.map((r) => ({ x: r.threads, y: r.hashrate })),
      pointsOnly: runs.length === 1,
      dashed: i > 0,
      color,
    };
  });
}

export class HistoryPanel {
  private entries: Entry[] = [];
  private files = 0;
  private running = false;
  private chart: LineChart | undefined;
  private readonly chartBox: HTMLElement;
  private readonly list: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly clearButton: HTMLButtonElement;
  private readonly importError: HTMLElement;

  constructor(
    root: HTMLElement,
    private readonly onDetails: (result: BenchResult) => void,
  ) {
    this.chartBox = find(root, 'bench-compare-chart');
    this.list = find(root, 'bench-compare-list');
    this.empty = find(root, 'bench-compare-empty');
    this.clearButton = find<HTMLButtonElement>(root, 'bench-clear-history');
    this.importError = find(root, 'bench-import-error');
    const input = find<HTMLInputElement>(root, 'bench-import');
    input.addEventListener('change', () => {
      const files = [...(input.files ?? [])];
      input.value = '';
      void this.importFiles(files);
    });
    this.clearButton.addEventListener('click', () => {
      clearHistory();
      this.entries = this.entries.filter((e) => e.source === 'file');
      this.render();
    });
    this.refresh();
  }

  /** The history cannot be cleared while a job runs (its result is about to join it). */
  setRunning(on: boolean): void {
    this.running = on;
    this.render();
  }

  /** Reads the history again; `newest` (a result's date) is ticked on the chart. */
  refresh(newest?: string): void {
    const shown = new Map(this.entries.filter((e) => e.source === 'history').map((e) => [e.key, e.shown]));
    const history = loadHistory().map((result, i): Entry => {
      const key = `history:${result.date}`;
      return { key, result, source: 'history', shown: shown.get(key) ?? (result.date === newest || (shown.size === 0 && i < COMPARE_DEFAULT)) };
    });
    this.entries = [...history, ...this.entries.filter((e) => e.source === 'file')];
    this.render();
  }

  private async importFiles(files: readonly File[]): Promise<void> {
    const problems: string[] = [];
    for (const file of files) {
      try {
        if (file.size > MAX_FILE_BYTES) throw new BenchResultError(`the file is ${Math.round(file.size / 1e6)} MB; a result is a few kB`);
        const result = parseBenchResult(await file.text());
        const entry: Entry = { key: `file:${++this.files}`, result, source: 'file', fileName: file.name, shown: true };
        this.entries.push(entry);
        void checkResultHere(result, (check) => {
          entry.check = check;
          // A file whose checksum disagrees with this device's is not put on the chart.
          if (check.state === 'mismatch') entry.shown = false;
          this.render();
        });
      } catch (error) {
        problems.push(`${file.name}: ${errorText(error)}`);
      }
    }
    this.importError.replaceChildren(...problems.map((p) => h('p', { text: `Not imported: ${p}` })));
    this.render();
  }

  private render(): void {
    const series = this.entries.filter((e) => e.shown).flatMap((e, i) => seriesOf(e, i));
    if (series.length > 0 || this.chart) {
      this.chart ??= createLineChart(this.chartBox.querySelector('canvas')!, {
        x: { title: 'threads', integer: true, zero: false },
        y: { title: 'hashes per second', format: formatRate },
        tooltip: (s, x, y) => `${s}: ${formatRate(y)} with ${plural(x, 'thread', 'threads')}`,
      });
      this.chart.setSeries(series);
    }
    this.chartBox.dataset['series'] = String(series.length);
    this.chartBox.hidden = series.length === 0;
    this.empty.hidden = this.entries.length > 0;
    this.clearButton.disabled = this.running || !this.entries.some((e) => e.source === 'history');
    this.list.replaceChildren(...this.entries.map((entry) => this.item(entry)));
  }

  private item(entry: Entry): HTMLLIElement {
    const best = bestRun(entry.result);
    const name = resultName(entry.result);
    const when = formatDate(entry.result.date);
    const id = `bench-entry-${entry.key.replace(/[^a-z0-9]/gi, '-')}`;

    const mismatch = entry.check?.state === 'mismatch';
    const tick = h('input', { attrs: { type: 'checkbox', id } });
    tick.checked = entry.shown;
    tick.disabled = mismatch;
    tick.addEventListener('change', () => {
      entry.shown = tick.checked;
      this.render();
    });
    const from = entry.source === 'file' ? `from ${entry.fileName}` : 'this browser';
    const rate = formatRate(best.hashrate);
    const caveats = caveatPhrases(entry.result);
    const label = h(
      'label',
      { class: 'bench-entry-label', attrs: { for: id } },
      h('strong', { text: name }),
      ' ',
      mismatch ? h('s', { attrs: { 'data-testid': 'bench-struck' } }, rate) : rate,
      h('span', { class: 'muted', text: `, ${runName(entry.result, best)} · ${kindName(entry.result)} · ${when} · ${from}` }),
      ...(entry.check ? [h('span', { class: `bench-check bench-check-${entry.check.state}`, attrs: { 'data-testid': 'bench-check' }, text: checkPhrase(entry.check) })] : []),
      ...(!isScore(entry.result) && caveats.length > 0 ? [h('span', { class: 'bench-caveat', attrs: { 'data-testid': 'bench-caveat' }, text: `not a score: ${caveats.join('; ')}` })] : []),
    );

    const details = h('button', { class: 'button button-small', text: 'Details', attrs: { type: 'button', 'aria-label': `Show details of ${name}, ${when}` } });
    details.addEventListener('click', () => this.onDetails(entry.result));
    const remove = h('button', {
      class: 'button button-small',
      text: 'Remove',
      attrs: { type: 'button', 'aria-label': `Remove ${name}, ${when}${entry.source === 'history' ? ' from the history' : ''}` },
    });
    remove.addEventListener('click', () => {
      if (entry.source === 'history') removeFromHistory(entry.result.date);
      this.entries = this.entries.filter((e) => e !== entry);
      this.render();
    });

    return h(
      'li',
      {
        class: 'bench-entry',
        attrs: {
          'data-testid': 'bench-compare-item',
          'data-source': entry.source,
          'data-hashrate': String(best.hashrate),
          ...(entry.check ? { 'data-check': entry.check.state } : {}),
        },
      },
      tick,
      label,
      h('span', { class: 'bench-entry-actions' }, details, remove),
    );
  }
}
