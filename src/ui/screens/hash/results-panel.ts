// The fingerprints side of the Hash screen: SHA-256, SHA-256d and its display order with the leading
// zero bits, or why there are none (a bad input, a failed worker, a core that failed its self-test).
import { hashToDisplayHex } from '../../../model/header.js';
import { leadingZeroBits } from '../../../model/target.js';
import { bytesToHex } from '../../../model/validate.js';
import { DASH, zeroBitOdds } from '../../shared/format.js';
import { find } from '../../shared/dom.js';
import { renderHex } from '../../shared/hex.js';

type State = 'pending' | 'ready' | 'invalid' | 'failed';

export class ResultsPanel {
  private readonly results: HTMLElement;
  private readonly note: HTMLElement;
  private readonly error: HTMLElement;
  private readonly untrusted: HTMLElement;
  private readonly sha256: HTMLElement;
  private readonly sha256d: HTMLElement;
  private readonly display: HTMLElement;
  private readonly zeroBits: HTMLElement;
  private readonly zeroOdds: HTMLElement;

  constructor(root: HTMLElement) {
    this.results = find(root, 'results');
    this.note = find(root, 'results-note');
    this.error = find(root, 'hash-error');
    this.untrusted = find(root, 'untrusted-note');
    this.sha256 = find(root, 'sha256');
    this.sha256d = find(root, 'sha256d');
    this.display = find(root, 'sha256d-display');
    this.zeroBits = find(root, 'zero-bits');
    this.zeroOdds = find(root, 'zero-bits-odds');
  }

  pending(): void {
    this.setState('pending');
  }

  show(single: Uint8Array, double: Uint8Array): void {
    renderHex(this.sha256, bytesToHex(single));
    renderHex(this.sha256d, bytesToHex(double));
    renderHex(this.display, hashToDisplayHex(double), true);
    const zeros = leadingZeroBits(double);
    this.zeroBits.textContent = String(zeros);
    this.zeroOdds.textContent = zeroBitOdds(zeros);
    this.note.hidden = true;
    this.error.hidden = true;
    this.setState('ready');
  }

  /** The input is not valid: no digest may stay on screen. */
  invalid(): void {
    this.clear();
    this.note.hidden = false;
    this.error.hidden = true;
    this.setState('invalid');
  }

  failed(message: string): void {
    this.clear();
    this.note.hidden = true;
    this.error.textContent = `Could not hash this input: ${message}`;
    this.error.hidden = false;
    this.setState('failed');
  }

  /** Marks the digests as untrusted while the core's self-test has failed. */
  trust(failed: boolean): void {
    this.untrusted.hidden = !failed;
    this.results.dataset['trust'] = failed ? 'failed' : 'ok';
  }

  private clear(): void {
    for (const out of [this.sha256, this.sha256d, this.display, this.zeroBits]) out.textContent = DASH;
    this.zeroOdds.textContent = '';
  }

  private setState(state: State): void {
    this.results.dataset['state'] = state;
    this.results.setAttribute('aria-busy', String(state === 'pending'));
  }
}
