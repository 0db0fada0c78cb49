// The panel of a URL-driven mining run (url-run.ts): shown at the top of "Mine a block" when the page
// was opened with ?mine=run, it runs the search once under the page's hashing claim, on the wasm pool
// or the page's GPU miner, and ends with [data-testid=mine-result] carrying the outcome in data-*
// attributes (data-found, data-nonce, data-hash, data-hashes, data-backend, data-shares,
// data-best-hash, data-best-nonce, data-adapter, data-emulated) for scripts and tests. A new
// ?mine=run address in the same tab (back, forward, pushState) runs again.

import { adapterName, EMULATED_LABEL } from '../../../engine/gpu/adapter.js';
import { pageGpuMiner } from '../../../engine/gpu/page-gpu.js';
import { hashing } from '../../../engine/mining/hashing.js';
import type { SearchOutcome } from '../../../engine/mining/search.js';
import { sha256d } from '../../../model/block.js';
import { hashToDisplayHex, withNonce } from '../../../model/header.js';
import { hashToBigInt, targetToHex, targetToLittleEndian } from '../../../model/target.js';
import { bytesToHex } from '../../../model/validate.js';
import { errorText, h } from '../../shared/dom.js';
import { defaultThreads } from '../../../engine/mining/browser-pool.js';
import { formatCount, formatDuration, formatRate, hashCount, plural } from '../../shared/format.js';
import { parseMineUrl, type MineUrlRun } from './url-run.js';

const OWNER = 'Mine a block (link)';

export class UrlRunPanel {
  private readonly section: HTMLElement;
  private readonly params: HTMLElement;
  private readonly status: HTMLElement;
  private readonly error: HTMLElement;
  private readonly result: HTMLElement;
  private readonly stop: HTMLButtonElement;
  private abort: AbortController | undefined;
  private runs = 0;
  private search = '';

  constructor(container: HTMLElement) {
    this.params = h('dl', { class: 'url-run-params', attrs: { 'data-testid': 'mine-url-params' } });
    this.status = h('p', { class: 'run-status', attrs: { 'aria-live': 'polite', 'data-testid': 'mine-url-status', 'data-state': 'idle' } });
    this.error = h('p', { class: 'field-error', attrs: { role: 'alert', 'data-testid': 'mine-url-error' } });
    this.result = h('div', { class: 'found', attrs: { 'data-testid': 'mine-result' } });
    this.result.hidden = true;
    this.stop = h('button', { class: 'button', text: 'Stop', attrs: { type: 'button', 'data-testid': 'mine-url-stop' } });
    this.stop.disabled = true;
    this.stop.addEventListener('click', () => this.abort?.abort());
    this.section = h(
      'section',
      { class: 'panel mine-url-run', attrs: { 'aria-labelledby': 'mine-url-title', 'data-testid': 'mine-url-run' } },
      h('h2', { text: 'A mining run from the address', attrs: { id: 'mine-url-title' } }),
      h('p', {
        class: 'explain',
        text: 'This page was opened with a search in its address (?mine=run&header=…): it scans the nonces given in order, as powlab mine does, and stops at the first whose SHA-256d meets the target.',
      }),
      this.params,
      h('div', { class: 'run-buttons' }, this.stop),
      this.error,
      this.status,
      this.result,
    );
    this.section.hidden = true;
    container.prepend(this.section);
    addEventListener('popstate', () => this.fromLocation());
  }

  /** Runs the search the address describes, if it describes one (and it changed since the last run). */
  fromLocation(): void {
    const search = location.search;
    if (search === this.search) return;
    this.search = search;
    const parsed = parseMineUrl(search, defaultThreads());
    if (parsed.kind === 'none') {
      this.section.hidden = true;
      return;
    }
    this.section.hidden = false;
    this.result.hidden = true;
    this.result.replaceChildren();
    this.params.replaceChildren();
    if (parsed.kind === 'invalid') {
      this.error.textContent = `Nothing was run: ${parsed.problems.join(' ')}`;
      this.setStatus('failed', 'Fix the address and load it again.');
      return;
    }
    this.error.textContent = '';
    void this.execute(parsed.run);
  }

  private setStatus(state: string, text: string): void {
    this.status.dataset['state'] = state;
    this.status.textContent = text;
  }

  private showParams(run: MineUrlRun): void {
    const stat = (label: string, value: string) => h('div', {}, h('dt', { text: label }), h('dd', { class: 'mono-wrap', text: value }));
    this.params.replaceChildren(
      stat('Header', bytesToHex(run.header)),
      stat('Nonces', `${formatCount(run.start)} to ${formatCount(run.start + run.count - 1)} (${formatCount(run.count)})`),
      stat('Target', targetToHex(run.target)),
      ...(run.shareTarget !== undefined ? [stat('Share target', targetToHex(run.shareTarget))] : []),
      stat('Backend', run.backend === 'webgpu' ? 'WebGPU' : `WebAssembly on ${plural(run.threads, 'thread', 'threads')}`),
    );
  }

  private async execute(run: MineUrlRun): Promise<void> {
    const id = ++this.runs;
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.showParams(run);
    const claim = hashing.claim(OWNER, () => abort.abort());
    if (!claim.ok) {
      this.error.textContent = `Nothing was run: ${claim.busy.owner} is hashing now. Stop it, then load this address again.`;
      this.setStatus('failed', 'Not started.');
      return;
    }
    const job = {
      header: run.header,
      target: targetToLittleEndian(run.target),
      ...(run.shareTarget !== undefined ? { shareTarget: targetToLittleEndian(run.shareTarget) } : {}),
    };
    this.stop.disabled = false;
    let adapter: { name: string; emulated: boolean } | undefined;
    // Timed from the search itself: opening the GPU (compiling the kernel) or the workers is not hashing.
    let began = performance.now();
    try {
      let outcome: SearchOutcome;
      const progress = (p: { hashes: number }) => {
        if (id === this.runs) this.setStatus('running', `Searching… ${hashCount(p.hashes)} so far.`);
      };
      if (run.backend === 'webgpu') {
        this.setStatus('starting', 'Opening the GPU (compiling the kernel)…');
        const opened = await pageGpuMiner();
        if (!opened.ok) {
          this.error.textContent = `Nothing was run: ${opened.reason}`;
          this.setStatus('failed', 'Not started.');
          return;
        }
        adapter = { name: adapterName(opened.miner.facts), emulated: opened.miner.facts.emulated };
        began = performance.now();
        outcome = await opened.miner.search(job, run.start, run.count, { signal: abort.signal, onProgress: progress });
      } else {
        this.setStatus('starting', 'Starting the workers…');
        const pool = await claim.lease.pool(run.threads, true);
        began = performance.now();
        outcome = await pool.search(job, run.start, run.count, { signal: abort.signal, onBatch: progress });
      }
      if (id !== this.runs) return;
      this.show(run, outcome, (performance.now() - began) / 1000, adapter);
    } catch (error) {
      if (id !== this.runs) return;
      this.error.textContent = `The search failed: ${errorText(error)}`;
      this.setStatus('failed', 'Failed.');
    } finally {
      claim.lease.release();
      if (id === this.runs) this.stop.disabled = true;
    }
  }

  private show(run: MineUrlRun, outcome: SearchOutcome, seconds: number, adapter: { name: string; emulated: boolean } | undefined): void {
    const r = this.result;
    const data = r.dataset;
    for (const key of Object.keys(data)) if (key !== 'testid') delete data[key];
    data['found'] = String(outcome.found);
    data['hashes'] = String(outcome.hashes);
    data['backend'] = run.backend;
    data['shares'] = String(outcome.shares);
    data['seconds'] = String(seconds);
    if (outcome.hashes > 0) {
      data['bestHash'] = hashToDisplayHex(outcome.bestHash);
      data['bestNonce'] = String(outcome.bestNonce);
    }
    data['aborted'] = String(outcome.aborted);
    if (adapter) {
      data['adapter'] = adapter.name;
      data['emulated'] = String(adapter.emulated);
    }
    const rate = `${formatRate(outcome.hashes / seconds)}${adapter?.emulated ? ` (${EMULATED_LABEL})` : ''}`;
    const work = `${hashCount(outcome.hashes)} in ${formatDuration(seconds)}, ${rate}`;
    const lines: HTMLElement[] = [];
    if (outcome.found) {
      // Checked again on this page, in JavaScript, as a found block on this screen always is.
      const header = withNonce(run.header, outcome.nonce!);
      const recomputed = sha256d(header);
      const verified = bytesToHex(recomputed) === bytesToHex(outcome.hash!) && hashToBigInt(recomputed) <= run.target;
      data['nonce'] = String(outcome.nonce);
      data['hash'] = hashToDisplayHex(outcome.hash!);
      data['verified'] = String(verified);
      lines.push(
        h('h3', { text: verified ? `Found nonce ${formatCount(outcome.nonce!)}, verified on this page` : `Nonce ${formatCount(outcome.nonce!)} was reported but did not verify` }),
        h('output', { class: 'mine-digest', text: hashToDisplayHex(outcome.hash!) }),
      );
    } else {
      lines.push(h('h3', { text: outcome.aborted ? 'Stopped before the end of the range' : `No nonce in ${formatCount(run.start)} to ${formatCount(run.start + run.count - 1)} meets the target` }));
    }
    lines.push(h('p', { class: 'explain', text: `${work}${adapter ? ` on ${adapter.name}` : ''}.` }));
    if (run.shareTarget !== undefined) lines.push(h('p', { class: 'explain', text: `${formatCount(outcome.shares)} shares (hashes at or below the share target).` }));
    if (adapter?.emulated) lines.push(h('p', { class: 'hint', attrs: { 'data-testid': 'mine-result-emulated' }, text: `This adapter is ${EMULATED_LABEL}.` }));
    r.replaceChildren(...lines);
    r.hidden = false;
    this.setStatus(outcome.found ? 'found' : outcome.aborted ? 'stopped' : 'done', outcome.found ? 'Done: a nonce was found.' : outcome.aborted ? 'Stopped.' : 'Done: none found.');
  }
}
