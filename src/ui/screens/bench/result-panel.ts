// The result panel: the score (the best run's median) with its spread and how it was measured,
// throttling, the sweep or SIMD comparison, the device facts recorded with it, and the ways to
// share it (a JSON file, a text summary). The panel carries data-hashrate only while it shows a
// result, so a test or script can wait for it.

import { bestRun, benchResultFileName, caveatPhrases, type BenchResult, type CoreEvidence } from '../../../model/bench-result.js';
import { adapterName, EMULATED_LABEL } from '../../../engine/gpu/adapter.js';
import { find, h } from '../../shared/dom.js';
import { downloadText } from '../../shared/download.js';
import { formatDate, formatDuration, formatPercent, formatRate, plural } from '../../shared/format.js';
import { ScalingView, SimdView } from './comparison-view.js';
import { kindName, runName, summaryText } from './summary.js';

function fact(list: HTMLElement, term: string, value: string, testId?: string): void {
  list.append(h('div', {}, h('dt', { text: term }), h('dd', { text: value, attrs: testId ? { 'data-testid': testId } : {} })));
}

export class ResultPanel {
  readonly panel: HTMLElement;
  private shown: BenchResult | undefined;
  private readonly scalingView: ScalingView;
  private readonly simdView: SimdView;
  private readonly summary: HTMLTextAreaElement;
  private readonly summaryLabel: HTMLElement;
  private readonly copyStatus: HTMLElement;

  constructor(private readonly root: HTMLElement) {
    this.panel = find(root, 'bench-result');
    this.scalingView = new ScalingView(root);
    this.simdView = new SimdView(root);
    this.summary = find<HTMLTextAreaElement>(root, 'bench-summary');
    this.summaryLabel = find(root, 'bench-summary-label');
    this.copyStatus = find(root, 'bench-copy-status');
    find(root, 'bench-download').addEventListener('click', () => {
      if (this.shown) download(this.shown);
    });
    find(root, 'bench-copy').addEventListener('click', () => void this.copy());
  }

  /** No result (a job is running): the panel and its figure go. */
  hide(): void {
    this.panel.hidden = true;
    delete this.panel.dataset['hashrate'];
    delete this.panel.dataset['threads'];
  }

  show(result: BenchResult): void {
    this.shown = result;
    const best = bestRun(result);
    this.panel.hidden = false;
    this.panel.dataset['hashrate'] = String(best.hashrate);
    this.panel.dataset['threads'] = String(best.threads);
    this.panel.dataset['kind'] = result.kind;
    this.panel.dataset['backend'] = result.backend;
    this.panel.dataset['adapter'] = result.adapter ? adapterName({ ...result.adapter, emulated: result.caveats.emulated }) : '';
    this.panel.dataset['emulated'] = String(result.caveats.emulated);
    const valid = best.windows.filter((w) => w.valid).length;
    find(this.root, 'bench-score').textContent = formatRate(best.hashrate);
    find(this.root, 'bench-score-note').textContent =
      `median of ${plural(valid, 'window', 'windows')}, ${runName(result, best)}${result.kind === 'run' ? '' : ` (best of the ${kindName(result)})`}`;

    const facts = find(this.root, 'bench-facts');
    facts.replaceChildren();
    fact(facts, 'Spread', `min ${formatRate(best.min)}, max ${formatRate(best.max)}, CV ${formatPercent(best.cv)}`, 'bench-spread');
    if (result.backend !== 'wasm') fact(facts, 'Backend', backendText(result, best), 'bench-backend');
    if (best.threads > 0 && result.backend === 'wasm') fact(facts, 'Per thread', formatRate(best.hashrate / best.threads));
    if (best.threads > 1) fact(facts, 'Per worker', best.perWorker.map(formatRate).join(', '));
    fact(facts, 'Measured', `${formatDuration(best.measuredSeconds)} in ${formatDuration(best.windowSeconds)} windows, after a ${formatDuration(best.warmupSeconds)} warm-up${best.ended === 'stable' ? '; stopped early, the rate was stable' : ''}`);
    const leftOut = best.windows.length - valid;
    if (leftOut > 0) fact(facts, 'Left out', `${plural(leftOut, 'window', 'windows')} (tab hidden or paused)`);
    fact(facts, 'Date', formatDate(result.date));
    fact(facts, 'Evidence', evidenceText(best.evidence), 'bench-evidence');
    const caveats = caveatPhrases(result);
    this.panel.dataset['score'] = String(caveats.length === 0 && best.evidence !== null);
    if (caveats.length > 0) fact(facts, 'Not a score', `${caveats.join('; ')}. Kept in the history, never used as this device's rate.`, 'bench-caveats');

    this.showThrottling(result);
    this.scalingView.show(result);
    this.simdView.show(result);
    this.showDevice(result);
    this.copyStatus.textContent = '';
    this.summary.hidden = true;
    this.summaryLabel.hidden = true;
  }

  private showThrottling(result: BenchResult): void {
    const throttle = find(this.root, 'bench-throttle');
    const throttled = result.runs.filter((r) => r.throttling.throttled);
    throttle.hidden = throttled.length === 0;
    throttle.textContent = throttled
      .map((r) => `Throttling: with ${plural(r.threads, 'thread', 'threads')} the last third of the run was ${formatPercent(r.throttling.drop)} slower than the first (${formatRate(r.throttling.firstThird)} → ${formatRate(r.throttling.lastThird)}). The device is probably slowing down to stay cool or save power; the stress preset shows how far.`)
      .join(' ');
    const note = find(this.root, 'bench-throttle-note');
    note.hidden = !result.runs.every((r) => !r.throttling.checked);
    note.textContent = 'Throttling is checked on runs of 20 s or more (standard or stress): the last third is compared with the first.';
  }

  private showDevice(result: BenchResult): void {
    const list = find(this.root, 'bench-device');
    const d = result.device;
    list.replaceChildren();
    fact(list, 'User agent', d.userAgent);
    fact(list, 'Logical cores', d.cores === null ? 'not reported' : String(d.cores));
    fact(list, 'WebAssembly SIMD', d.simdSupported ? 'supported' : 'not supported');
    fact(list, 'Cross-origin isolated', d.crossOriginIsolated ? 'yes' : 'no');
    fact(list, 'Device memory', d.deviceMemoryGiB === null ? 'not exposed by this browser' : `${d.deviceMemoryGiB} GiB (as the browser rounds it)`);
    fact(
      list,
      'Battery',
      d.battery
        ? `${formatPercent(d.battery.start.level, 0)} → ${formatPercent(d.battery.end.level, 0)}${d.battery.end.charging ? ', charging' : ', on battery'}`
        : 'not available in this browser',
    );
    fact(list, 'Date', result.date);
  }

  private async copy(): Promise<void> {
    if (!this.shown) return;
    const text = summaryText(this.shown);
    this.summary.value = text;
    try {
      await navigator.clipboard.writeText(text);
      this.copyStatus.textContent = 'Summary copied to the clipboard.';
    } catch {
      // No clipboard permission (or an insecure context): show the text to copy by hand.
      this.summary.hidden = false;
      this.summaryLabel.hidden = false;
      this.summary.focus();
      this.summary.select();
      this.copyStatus.textContent = 'The browser did not allow copying: the summary is selected below, copy it from there.';
    }
  }
}

/** "WebGPU on <adapter>: 12 MH/s (60%); CPU, 2 threads: 8 MH/s (40%)", with the emulation said. */
function backendText(result: BenchResult, run: BenchResult['runs'][number]): string {
  const adapter = result.adapter ? adapterName({ ...result.adapter, emulated: result.caveats.emulated }) : 'an unnamed adapter';
  const gpu = run.gpuHashrate ?? 0;
  const cpu = run.perWorker.reduce((a, b) => a + b, 0);
  const total = gpu + cpu;
  const share = (x: number) => (total > 0 ? ` (${formatPercent(x / total, 0)})` : '');
  const parts = [`WebGPU on ${adapter}: ${formatRate(gpu)}${result.backend === 'both' ? share(gpu) : ''}`];
  if (result.backend === 'both') parts.push(`CPU, ${plural(run.threads, 'thread', 'threads')}: ${formatRate(cpu)}${share(cpu)}`);
  return `${parts.join('; ')}${result.caveats.emulated ? `. ${EMULATED_LABEL[0]!.toUpperCase()}${EMULATED_LABEL.slice(1)}.` : ''}`;
}

function evidenceText(evidence: CoreEvidence | null): string {
  if (!evidence) return 'none recorded (a file of format version 1, made before results carried evidence)';
  const { core, knownAnswer, checksum } = evidence;
  const build = `${core.build} core${core.wasmSha256 ? ` (wasm SHA-256 ${core.wasmSha256.slice(0, 12)}…)` : ''}`;
  return `${build} found the genesis block at nonce ${knownAnswer.nonce} (${knownAnswer.hash.slice(0, 16)}…) and the ${checksum.workload} checksum ${checksum.value.slice(0, 16)}… before timing`;
}

function download(result: BenchResult): void {
  downloadText(benchResultFileName(result), `${JSON.stringify(result, null, 2)}\n`);
}
