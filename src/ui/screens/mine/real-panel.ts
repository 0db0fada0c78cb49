// "Re-mine a real Bitcoin block": the recorded header, searched from a little below its recorded nonce
// up to it under the page's hashing claim; the nonce and hash found are compared with what the chain
// recorded.

import { sha256d } from '../../../model/block.js';
import { hashToDisplayHex, parseHeader, parseHeaderHex, withNonce } from '../../../model/header.js';
import { REAL_BLOCKS, type RealBlock } from '../../../model/real-blocks.js';
import { decodeCompact, formatBits, hashToBigInt } from '../../../model/target.js';
import { bytesToHex, InputError, parseInteger } from '../../../model/validate.js';
import { find, h } from '../../shared/dom.js';
import { Field, type ThreadsField } from '../../shared/fields.js';
import { DASH, formatCount, formatPercent, formatRate, formatUtc, plural } from '../../shared/format.js';
import { renderHex } from '../../shared/hex.js';
import { renderHeader } from './header-view.js';
import { MiningRun, type RunResult } from './mining-run.js';
import { SearchPanel, workDone } from './search-panel.js';
import { asWritten } from './wording.js';

const DEFAULT_OFFSET = 1_000_000;
const TICK_MS = 150;

export class RealBlockPanel extends SearchPanel {
  private readonly el;
  private readonly offset: Field;

  constructor(
    root: HTMLElement,
    private readonly threads: ThreadsField,
    onBusy: () => void,
  ) {
    super(root, { status: 'real-status', stop: 'real-stop', busy: 'real-busy' }, 'Mine a block (re-mining a real block)', onBusy);
    this.el = {
      select: find<HTMLSelectElement>(root, 'real-select'),
      source: find(root, 'real-source'),
      height: find(root, 'real-height'),
      recordedNonce: find(root, 'real-recorded-nonce'),
      bits: find(root, 'real-bits'),
      recordedHash: find(root, 'real-recorded-hash'),
      headerHex: find(root, 'real-header-hex'),
      legend: find(root, 'real-header-legend'),
      start: find<HTMLButtonElement>(root, 'real-start'),
      stop: find<HTMLButtonElement>(root, 'real-stop'),
      formError: find(root, 'real-form-error'),
      progress: find<HTMLProgressElement>(root, 'real-progress'),
      progressText: find(root, 'real-progress-text'),
      result: find(root, 'real-result'),
      nonce: find(root, 'real-nonce'),
      match: find(root, 'real-match'),
      time: find(root, 'real-time'),
      hash: find(root, 'real-hash'),
      verdict: find(root, 'real-verdict'),
    };
    this.offset = new Field(root, 'real-offset');
    this.el.select.replaceChildren(
      ...REAL_BLOCKS.map((b, i) => h('option', { text: `Height ${formatCount(b.height)}: ${b.title}`, attrs: { value: String(i) } })),
    );
    this.offset.value = String(DEFAULT_OFFSET);
    this.el.select.addEventListener('change', () => this.show());
    this.offset.input.addEventListener('input', () => this.readOffset());
    this.el.start.addEventListener('click', () => void this.start());
    this.show();
  }

  private block(): RealBlock {
    return REAL_BLOCKS[Number(this.el.select.value)] ?? REAL_BLOCKS[0]!;
  }

  private show(): void {
    const b = this.block();
    this.el.source.textContent = b.source;
    this.el.height.textContent = formatCount(b.height);
    this.el.recordedNonce.textContent = formatCount(b.nonce);
    this.el.bits.textContent = b.bits;
    renderHex(this.el.recordedHash, b.hash, true);
    renderHeader(this.el.headerHex, this.el.legend, parseHeaderHex(b.headerHex));
    this.el.result.hidden = true;
    this.el.progress.value = 0;
    this.el.progressText.textContent = DASH;
    this.setStatus('idle', 'Ready.');
    this.readOffset();
  }

  /** How far below the recorded nonce to start: 0 up to the nonce itself. */
  private readOffset(): number | undefined {
    const { nonce } = this.block();
    const range = `this block’s nonce is ${formatCount(nonce)}, so 0 to ${formatCount(nonce)}`;
    return this.offset.read(
      (text) => {
        const digits = text.replace(/[,_\s]/g, '');
        if (digits === '') throw new InputError('offset', 'enter how many nonces below the real one to start');
        return parseInteger(digits, 'offset', 0, nonce);
      },
      (error, text) => `${asWritten(error, text)} (${range})`,
    );
  }

  protected updateButtons(): void {
    const running = this.run !== undefined;
    this.el.start.disabled = this.claimed || this.blocked;
    this.el.stop.disabled = !running;
    this.el.select.disabled = this.claimed;
    this.offset.input.disabled = this.claimed;
  }

  private async start(): Promise<void> {
    if (this.claimed || this.blocked) return;
    const offset = this.readOffset();
    const threadCount = this.threads.threads();
    if (offset === undefined || threadCount === undefined) {
      this.el.formError.textContent =
        offset === undefined ? 'Fix the starting point first; nothing was started.' : 'Fix the number of threads above first; nothing was started.';
      (offset === undefined ? this.offset.input : this.threads.input).focus();
      return;
    }
    this.el.formError.textContent = '';
    const b = this.block();
    const header = parseHeaderHex(b.headerHex);
    const target = decodeCompact(parseHeader(header).bits).target;
    const first = b.nonce - offset;
    const span = offset + 1;
    const tick = () => {
      if (this.run) this.showProgress(this.run, span);
    };
    let timer: ReturnType<typeof setInterval> | undefined;
    const outcome = await this.search.run(threadCount, {
      claimed: () => {
        this.claimed = true;
        this.el.result.hidden = true;
        this.setStatus('starting', 'Starting the workers…');
        this.updateButtons();
        this.onBusy();
      },
      begin: (pool) => {
        const run = new MiningRun({ pool, header, target, start: first });
        this.run = run;
        this.updateButtons();
        this.setStatus('running', `Searching from nonce ${formatCount(first)} upwards on ${plural(threadCount, 'thread', 'threads')}…`);
        timer = setInterval(tick, TICK_MS);
        return run;
      },
    });
    clearInterval(timer);
    tick();
    this.run = undefined;
    this.claimed = false;
    this.updateButtons();
    if (outcome.kind === 'refused') return;
    this.onBusy();
    if (outcome.kind === 'no-workers') this.setStatus('failed', `Could not start the workers: ${outcome.message}`);
    else this.finish(outcome.result, b, header, target, first);
  }

  /** How far the search is through the `span` nonces up to the recorded one, and how fast. */
  private showProgress(run: MiningRun, span: number): void {
    const hashes = run.hashes();
    const share = Math.min(1, hashes / span);
    const seconds = run.seconds();
    this.el.progress.value = Math.round(share * 1000);
    this.el.progressText.textContent = `${formatCount(Math.min(hashes, span))} of ${formatCount(span)} nonces (${formatPercent(share, 0)}), ${formatRate(seconds > 0 ? hashes / seconds : 0)}`;
  }

  private finish(result: RunResult, b: RealBlock, header: Uint8Array, target: bigint, first: number): void {
    const took = workDone(result);
    if (result.kind !== 'found') {
      const text =
        result.kind === 'stopped' ? `Stopped after ${took}.` : result.kind === 'failed' ? `The search failed: ${result.message}` : `No nonce found above ${formatCount(first)}.`;
      this.setStatus(result.kind === 'stopped' ? 'stopped' : 'failed', text);
      return;
    }
    // Checked on this page with the JavaScript SHA-256, not the core that found it.
    const recomputed = sha256d(withNonce(header, result.nonce));
    const hashHex = hashToDisplayHex(recomputed);
    const meets = hashToBigInt(recomputed) <= target;
    const matches = result.nonce === b.nonce && hashHex === b.hash && hashHex === hashToDisplayHex(result.hash);
    const bits = formatBits(parseHeader(header).bits);
    this.el.nonce.textContent = formatCount(result.nonce);
    this.el.nonce.dataset['value'] = String(result.nonce);
    this.el.match.textContent = matches ? 'yes' : 'no';
    this.el.match.dataset['value'] = matches ? 'yes' : 'no';
    this.el.time.textContent = formatUtc(parseHeader(header).time);
    renderHex(this.el.hash, hashHex, true);
    this.el.hash.dataset['hash'] = hashHex;
    this.el.result.dataset['headerHex'] = bytesToHex(withNonce(header, result.nonce));
    this.el.verdict.textContent = matches
      ? `The same nonce and the same hash that the chain recorded for block ${formatCount(b.height)} (bits ${bits}), found after ${took}. Its hash, rechecked on this page, is below the target: ${meets ? 'yes' : 'no'}.`
      : `A nonce that meets the target, but not the recorded one: found ${formatCount(result.nonce)} with hash ${hashHex}. Two nonces meeting a real target this close together would be extraordinary; check the core.`;
    this.el.result.hidden = false;
    this.setStatus('found', matches ? `Found it: nonce ${formatCount(result.nonce)}, exactly as recorded.` : 'Found a different nonce than the recorded one.');
  }
}
