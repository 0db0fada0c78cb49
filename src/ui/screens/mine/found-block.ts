// A block the workers report is checked again on this page before it counts: SHA-256d recomputed in
// JavaScript (model/block.ts, not the WebAssembly core that found it), compared with the target, and
// the header compared with the block's own fields. The box under "2. Mine it" shows each check.

import { sha256d, toyHeaderBytes, type BlockFields, type ToyBlock } from '../../../model/block.js';
import { hashToDisplayHex } from '../../../model/header.js';
import { hashToBigInt, leadingZeroBits } from '../../../model/target.js';
import { bytesToHex } from '../../../model/validate.js';
import { h } from '../../shared/dom.js';
import { formatCount } from '../../shared/format.js';
import { renderHex } from '../../shared/hex.js';
import { renderHeader } from './header-view.js';
import type { RunResult } from './mining-run.js';

export type Found = Extract<RunResult, { kind: 'found' }>;

export interface FoundCheck {
  block: ToyBlock;
  /** The recomputed hash, display order. */
  hashHex: string;
  headerHex: string;
  zeroBits: number;
  sameHash: boolean;
  meetsTarget: boolean;
  sameHeader: boolean;
  verified: boolean;
}

export function checkFound(found: Found, fields: BlockFields, target: bigint): FoundCheck {
  const recomputed = sha256d(found.header);
  const block: ToyBlock = { ...fields, nonce: found.nonce };
  const headerHex = bytesToHex(found.header);
  const sameHash = bytesToHex(recomputed) === bytesToHex(found.hash);
  const meetsTarget = hashToBigInt(recomputed) <= target;
  const sameHeader = headerHex === bytesToHex(toyHeaderBytes(block));
  return {
    block,
    hashHex: hashToDisplayHex(recomputed),
    headerHex,
    zeroBits: leadingZeroBits(recomputed),
    sameHash,
    meetsTarget,
    sameHeader,
    verified: sameHash && meetsTarget && sameHeader,
  };
}

/** Fills `box` with the found block and its checks (`work` says what it took) and shows it. */
export function showFound(box: HTMLElement, found: Found, check: FoundCheck, work: string): void {
  const hashOut = h('output', { class: 'mine-digest', attrs: { 'data-testid': 'found-hash' } });
  renderHex(hashOut, check.hashHex, true);
  const header = h('code', {
    class: 'mine-header-hex found-header',
    attrs: { 'data-testid': 'found-header-hex', 'aria-label': 'The header that was found, in hex, field by field' },
  });
  renderHeader(header, undefined, found.header);
  const line = (ok: boolean, text: string) => h('li', { class: ok ? 'is-good' : 'is-bad', text: `${ok ? '✓' : '✗'} ${text}` });
  const stat = (label: string, value: string, testId?: string) =>
    h('div', {}, h('dt', { text: label }), h('dd', { text: value, attrs: testId ? { 'data-testid': testId } : {} }));
  box.dataset['headerHex'] = check.headerHex;
  box.dataset['hash'] = check.hashHex;
  box.dataset['nonce'] = String(found.nonce);
  box.dataset['verified'] = check.verified ? 'yes' : 'no';
  box.replaceChildren(
    h('h3', { text: check.verified ? 'Block found and verified' : 'A block was reported, but it did not verify' }),
    h(
      'dl',
      { class: 'run-stats' },
      stat('Nonce', formatCount(found.nonce), 'found-nonce'),
      stat('Leading zero bits', String(check.zeroBits)),
      stat('Work', work),
    ),
    hashOut,
    header,
    h(
      'ul',
      { class: 'checks', attrs: { 'data-testid': 'found-checks' } },
      line(check.sameHash, 'SHA-256d of the header, recomputed on this page in JavaScript, equals the workers’ hash'),
      line(check.meetsTarget, 'that hash, read as a number, is at most the target'),
      line(check.sameHeader, 'the header is this block’s fields with the nonce found'),
    ),
  );
  box.hidden = false;
}
