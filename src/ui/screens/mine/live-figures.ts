// The figures of "2. Mine it" while a search runs: hashes and hashrate, elapsed against expected time,
// the chance of a block by now, the hash at the nonce being tried and the best hash so far. Redrawn a
// few times a second from the run's counters; nothing here changes the run.

import { hashToDisplayHex, parseHeader, withNonce } from '../../../model/header.js';
import { sha256d } from '../../../model/block.js';
import { expectedHashes, leadingZeroBits } from '../../../model/target.js';
import { find, h } from '../../shared/dom.js';
import { DASH, formatCount, formatDuration, formatPercent, formatRate, formatRatio, formatUtc, hashCount } from '../../shared/format.js';
import { renderHex, renderLeadingBits } from '../../shared/hex.js';
import type { Lap, MiningRun } from './mining-run.js';

const SAMPLE_WINDOW_MS = 2000;

/** Hashrate over the last couple of seconds, from (time, hashes) samples. */
class RateMeter {
  private samples: Array<[number, number]> = [];

  add(t: number, hashes: number): void {
    this.samples.push([t, hashes]);
    while (this.samples.length > 2 && t - this.samples[0]![0] > SAMPLE_WINDOW_MS) this.samples.shift();
  }

  reset(): void {
    this.samples = [];
  }

  rate(): number {
    if (this.samples.length < 2) return 0;
    const [t0, h0] = this.samples[0]!;
    const [t1, h1] = this.samples[this.samples.length - 1]!;
    return t1 > t0 ? ((h1 - h0) / (t1 - t0)) * 1000 : 0;
  }
}

export class LiveFigures {
  private readonly meter = new RateMeter();
  private readonly el;

  constructor(root: HTMLElement) {
    this.el = {
      progress: find<HTMLProgressElement>(root, 'mine-progress'),
      progressText: find(root, 'mine-progress-text'),
      hashes: find(root, 'mine-hashes'),
      nonce: find(root, 'mine-nonce'),
      rate: find(root, 'mine-rate'),
      rateNote: find(root, 'mine-rate-note'),
      elapsed: find(root, 'mine-elapsed'),
      expected: find(root, 'mine-expected'),
      chance: find(root, 'mine-chance'),
      current: find(root, 'mine-current-hash'),
      best: find(root, 'mine-best-hash'),
      bestZeros: find(root, 'mine-best-zeros'),
      bestNonce: find(root, 'mine-best-nonce'),
      bestBits: find(root, 'mine-best-bits'),
      rolls: find(root, 'mine-rolls'),
      incidents: find(root, 'mine-incidents'),
    };
  }

  /** Blank figures for a new run. */
  reset(): void {
    const el = this.el;
    this.meter.reset();
    for (const out of [el.nonce, el.rate, el.elapsed, el.chance, el.current, el.best, el.bestZeros, el.progressText]) out.textContent = DASH;
    el.hashes.textContent = '0';
    el.bestNonce.textContent = '';
    el.bestBits.replaceChildren();
    el.progress.value = 0;
    el.rolls.hidden = true;
    el.rolls.textContent = '';
    el.incidents.replaceChildren();
  }

  /** A label under the hashrate ("emulated on the CPU, not a GPU figure"), or none. */
  rateNote(text: string): void {
    this.el.rateNote.textContent = text;
    this.el.rateNote.hidden = text === '';
  }

  /** The rate so far no longer says how fast it goes now (after a pause or a new lap). */
  restartRate(): void {
    this.meter.reset();
  }

  /**
   * Redraws every figure of `run` against `target` (`zeroBits` when the difficulty was given that
   * way); returns the lap and the nonce shown, for the editor's header.
   */
  show(run: MiningRun, target: bigint, zeroBits: number | undefined): { lap: Lap; nonce: number } {
    const el = this.el;
    const hashes = run.hashes();
    const seconds = run.seconds();
    if (!run.paused) this.meter.add(performance.now(), hashes);
    const rate = this.meter.rate() || (seconds > 0 ? hashes / seconds : 0);
    const expected = expectedHashes(target);
    el.hashes.textContent = formatCount(hashes);
    el.rate.textContent = run.paused ? 'paused' : formatRate(rate);
    el.elapsed.textContent = formatDuration(seconds);
    el.expected.textContent = rate > 0 ? formatDuration(expected / rate) : 'measuring…';
    const share = hashes / expected;
    const chance = 1 - Math.exp(-share);
    el.chance.textContent = formatPercent(chance, chance < 0.1 ? 1 : 0);
    el.progress.value = Math.min(1000, Math.round(share * 1000));
    el.progressText.textContent =
      share <= 1
        ? `${formatPercent(share)} of the expected ${hashCount(expected)}.`
        : `${formatRatio(share, 1)} the expected ${hashCount(expected)}: unlucky so far. That happens; the odds of no block by now were ${formatPercent(Math.exp(-share))}.`;

    const current = run.current();
    el.nonce.textContent = formatCount(current.nonce);
    renderHex(el.current, hashToDisplayHex(sha256d(withNonce(current.lap.header, current.nonce))), true);
    const best = run.best;
    if (best) {
      const hex = hashToDisplayHex(best.hash);
      renderHex(el.best, hex, true);
      el.bestZeros.textContent = String(leadingZeroBits(best.hash));
      el.bestNonce.textContent = `at nonce ${formatCount(best.nonce)}${zeroBits !== undefined ? `; the target needs ${zeroBits}` : ''}`;
      renderLeadingBits(el.bestBits, hex);
    }
    return current;
  }

  /** Every nonce of the last header failed: say so, and that the time moved on. */
  lapped(lap: Lap): void {
    const time = parseHeader(lap.header).time;
    const before = lap.number - 1;
    this.el.rolls.hidden = false;
    this.el.rolls.textContent = `All 4,294,967,296 nonces have been tried ${before === 1 ? 'once' : `${before} times`} without a hit, so the timestamp moved on to ${formatCount(time)} (${formatUtc(time)}) and the search started again at nonce 0. Real miners do the same.`;
    this.el.rolls.dataset['laps'] = String(lap.number);
    this.meter.reset();
  }

  /** A worker crashed or was replaced; the search went on. */
  incident(message: string): void {
    this.el.incidents.append(h('li', { class: 'incident', text: message }));
  }
}
