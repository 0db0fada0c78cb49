// "Re-mine a real Bitcoin block": the recorded header, searched from a little below its recorded nonce
// up to it, on the worker pool; the nonce and hash found are compared with what the chain recorded.

import { hashToDisplayHex, parseHeader, parseHeaderHex, withNonce } from '../../../model/header.js';
import { REAL_BLOCKS, type RealBlock } from '../../../model/real-blocks.js';
import { sha256d } from '../../../model/block.js';
import { decodeCompact, formatBits, hashToBigInt } from '../../../model/target.js';
import { bytesToHex, parseInteger } from '../../../model/validate.js';
import { formatCount } from '../../shared/format.js';
import { renderHex } from '../../shared/hex.js';
import { find } from '../../shared/dom.js';
import { formatDuration, formatRate, formatUtc } from '../../shared/format.js';
import { renderHeader } from './header-view.js';
import { MiningRun, type PoolKeeper } from './miner.js';
import type { ThreadsField } from './threads.js';

const DEFAULT_OFFSET = 1_000_000;
const TICK_MS = 150;

export interface RealHandlers {
  onBusy(busy: boolean): void;
}

export class RealBlockPanel {
  private readonly el;
  private run: MiningRun | undefined;
  private blocked = false;

  constructor(
    root: HTMLElement,
    private readonly pools: PoolKeeper,
    private readonly threads: ThreadsField,
    private readonly handlers: RealHandlers,
  ) {
    this.el = {
      select: find<HTMLSelectElement>(root, 'real-select'),
      offset: find<HTMLInputElement>(root, 'real-offset'),
      offsetError: find(root, 'real-offset-error'),
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
      status: find(root, 'real-status'),
      progress: find<HTMLProgressElement>(root, 'real-progress'),
      progressText: find(root, 'real-progress-text'),
      result: find(root, 'real-result'),
      nonce: find(root, 'real-nonce'),
      match: find(root, 'real-match'),
      time: find(root, 'real-time'),
      hash: find(root, 'real-hash'),
      verdict: find(root, 'real-verdict'),
    };
  }

  init(): void {
    const { select, offset } = this.el;
    select.replaceChildren(
      ...REAL_BLOCKS.map((b, i) => {
        const option = document.createElement('option');
        option.value = String(i);
        option.textContent = `Height ${formatCount(b.height)}: ${b.title}`;
        return option;
      }),
    );
    offset.value = String(DEFAULT_OFFSET);
    select.addEventListener('change', () => this.show());
    offset.addEventListener('input', () => this.readOffset());
    this.el.start.addEventListener('click', () => void this.start());
    this.el.stop.addEventListener('click', () => {
      if (!this.run) return;
      this.setStatus('stopping', 'Stopping…');
      this.run.stop();
    });
    this.show();
  }

  /** Another search is running: this one waits. */
  setBlocked(blocked: boolean): void {
    this.blocked = blocked;
    this.updateButtons();
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
    this.el.progressText.textContent = '—';
    this.setStatus('idle', 'Ready.');
    this.readOffset();
  }

  private readOffset(): number | undefined {
    const b = this.block();
    const input = this.el.offset;
    try {
      const text = input.value.trim().replace(/[,_\s]/g, '');
      if (text === '') throw new Error('enter how many nonces below the real one to start');
      const n = parseInteger(text, 'offset', 0, b.nonce);
      input.removeAttribute('aria-invalid');
      this.el.offsetError.textContent = '';
      return n;
    } catch (error) {
      input.setAttribute('aria-invalid', 'true');
      const message = error instanceof Error ? error.message.replace(/^offset: /, '') : String(error);
      this.el.offsetError.textContent = `${message} (this block’s nonce is ${formatCount(b.nonce)}, so 0 to ${formatCount(b.nonce)})`;
      return undefined;
    }
  }

  private setStatus(state: string, text: string): void {
    this.el.status.dataset['state'] = state;
    this.el.status.textContent = text;
  }

  private updateButtons(): void {
    const active = this.run !== undefined;
    this.el.start.disabled = active || this.blocked;
    this.el.stop.disabled = !active;
    this.el.select.disabled = active;
    this.el.offset.disabled = active;
  }

  private async start(): Promise<void> {
    if (this.run || this.blocked) return;
    const offset = this.readOffset();
    const threadCount = this.threads.read();
    if (offset === undefined || threadCount === undefined) {
      this.el.formError.textContent =
        offset === undefined ? 'Fix the starting point first; nothing was started.' : 'Fix the number of threads above first; nothing was started.';
      (offset === undefined ? this.el.offset : this.threads.input).focus();
      return;
    }
    this.el.formError.textContent = '';
    const b = this.block();
    const header = parseHeaderHex(b.headerHex);
    const target = decodeCompact(parseHeader(header).bits).target;
    const first = b.nonce - offset;
    const span = offset + 1;
    this.el.result.hidden = true;
    this.setStatus('starting', 'Starting the workers…');
    this.handlers.onBusy(true);
    this.el.start.disabled = true;
    let pool;
    try {
      pool = await this.pools.get(threadCount);
    } catch (error) {
      this.setStatus('failed', `Could not start the workers: ${error instanceof Error ? error.message : String(error)}`);
      this.handlers.onBusy(false);
      this.updateButtons();
      return;
    }
    const run = new MiningRun({ pool, header, target, start: first });
    this.run = run;
    this.updateButtons();
    this.setStatus('running', `Searching from nonce ${formatCount(first)} upwards on ${threadCount} thread${threadCount === 1 ? '' : 's'}…`);
    const tick = () => {
      const hashes = run.hashes();
      const share = Math.min(1, hashes / span);
      this.el.progress.value = Math.round(share * 1000);
      const seconds = run.seconds();
      this.el.progressText.textContent = `${formatCount(Math.min(hashes, span))} of ${formatCount(span)} nonces (${(share * 100).toFixed(0)}%), ${formatRate(seconds > 0 ? hashes / seconds : 0)}`;
    };
    const timer = setInterval(tick, TICK_MS);
    const result = await run.done;
    clearInterval(timer);
    tick();
    this.run = undefined;
    this.pools.release();
    this.handlers.onBusy(false);
    this.updateButtons();

    const took = `${formatCount(result.hashes)} hashes in ${formatDuration(result.seconds)}`;
    if (result.kind !== 'found') {
      this.setStatus(result.kind === 'stopped' ? 'stopped' : 'failed',
        result.kind === 'stopped' ? `Stopped after ${took}.` : result.kind === 'failed' ? `The search failed: ${result.message}` : `No nonce found above ${formatCount(first)}.`);
      return;
    }
    const recomputed = sha256d(withNonce(header, result.nonce));
    const hashHex = hashToDisplayHex(recomputed);
    const meets = hashToBigInt(recomputed) <= target;
    const matches = result.nonce === b.nonce && hashHex === b.hash && hashHex === hashToDisplayHex(result.hash);
    this.el.nonce.textContent = formatCount(result.nonce);
    this.el.nonce.dataset['value'] = String(result.nonce);
    this.el.match.textContent = matches ? 'yes' : 'no';
    this.el.match.dataset['value'] = matches ? 'yes' : 'no';
    this.el.time.textContent = formatUtc(parseHeader(header).time);
    renderHex(this.el.hash, hashHex, true);
    this.el.hash.dataset['hash'] = hashHex;
    this.el.result.dataset['headerHex'] = bytesToHex(withNonce(header, result.nonce));
    this.el.verdict.textContent = matches
      ? `The same nonce and the same hash that the chain recorded for block ${formatCount(b.height)} (bits ${formatBits(parseHeader(header).bits)}), found after ${took}. Its hash, rechecked on this page, is below the target: ${meets ? 'yes' : 'no'}.`
      : `A nonce that meets the target, but not the recorded one: found ${formatCount(result.nonce)} with hash ${hashHex}. Two nonces meeting a real target this close together would be extraordinary; check the core.`;
    this.el.result.hidden = false;
    this.setStatus('found', matches ? `Found it: nonce ${formatCount(result.nonce)}, exactly as recorded.` : 'Found a different nonce than the recorded one.');
  }
}
